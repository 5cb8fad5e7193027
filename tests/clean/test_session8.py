"""Session-8 fixes of the clean stages (issue 8): sentence-shaped boilerplate, on real dev pages.

Most checks run the *wording-blind* pipeline (clean.chrome and clean.spam off: a page in
unseen wording as the structural stages see it) and check the must-keep side too.
"""
from __future__ import annotations

import pytest

from nlp.clean.base import lines_of
from nlp.clean.lines import LineClassifier, _anchor_positions
from nlp.clean.sentences import boilerplate_sentences, candidate, load_model

from dev_pages import dev_page, kept_lines


@pytest.fixture(scope="module")
def blind_pipeline():
    """convert + the structural clean stages only (clean.chrome / clean.spam off)."""
    from nlp.clean.lines import BLIND_STAGES
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load(overrides={"pipeline.stages": BLIND_STAGES + ["clean.lines", "clean.layout"]}))


def _register_notes(doc) -> list[str]:
    return [e.text.strip() for e in doc.edits if "sentence register" in (e.note or "")]


@pytest.mark.parametrize("split, pid, line", [
    # DEV8 (never trained on): a position disclaimer and a reprint permission of an official-account repost
    ("dev8", "d8_003", "本号所发布内容仅供交流学习，文中观点仅代表作者本人，不代表本平台立场。"),
    ("dev8", "d8_003", "如需转载，请在后台留言获取授权，未经许可禁止转载、摘编。"),
])
def test_disclaimer_sentences_go_in_unseen_wording(blind_pipeline, split, pid, line):
    raw, gold = dev_page(split, pid)
    doc = blind_pipeline.run(raw)
    out = kept_lines(doc)
    assert line not in out
    assert line in _register_notes(doc)
    assert all(g in out for g in gold[1:])  # the article's paragraphs stay


@pytest.mark.parametrize("split, pid, line", [
    ("dev2", "e016", "编辑部收到了大量读者来信。"),  # deixis-like noun + reader: article prose
    ("dev3", "f001", "关注民生，是这次会议的主题。"),  # a platform word heading a clause
])
def test_lookalike_article_sentences_stay(blind_pipeline, split, pid, line):
    raw, gold = dev_page(split, pid)
    assert line in gold
    assert line in kept_lines(blind_pipeline.run(raw))


def test_disclaimer_inside_the_article_goes_and_the_article_stays(blind_pipeline):
    # a real article (dev3 gold page) with a reprint/rights sentence set between two of its
    # paragraphs: the shape of the held-out v6 failures (never a candidate of clean.lines before)
    _, gold = dev_page("dev3", "f001")
    notice = "本文为作者原创，仅代表作者个人看法，转载需经作者授权。"
    page = gold[:3] + [notice] + gold[3:]
    doc = blind_pipeline.run("\n".join(page))
    out = kept_lines(doc)
    assert notice not in out
    assert out == gold


def test_reported_speech_is_never_a_candidate():
    assert not candidate("如果喜欢这篇文章，请分享给更多的人。他说。")
    assert not candidate("警方提醒：请广大市民提高警惕，不要轻信陌生来电。")
    assert candidate("如果喜欢这篇文章，请分享给更多的人。")


def test_a_page_keeps_two_anchors_whatever_the_scores():
    # a page whose every paragraph reads as a notice keeps two of them (never cut to its headline)
    text = "\n".join(["网站声明",
                      "本站所有文章均来自网络，版权归原作者所有，如有侵权请联系删除，本站不承担任何责任。",
                      "本文仅代表作者本人观点，不代表本站立场，转载请务必注明出处，欢迎大家关注本站的公众号。"])
    nb = [ln for ln in lines_of(text) if ln.text]
    assert _anchor_positions(nb, 40) == [1, 2]  # both paragraph-length
    spans = LineClassifier().register_sentences(text, nb, _anchor_positions(nb, 40), nb[0])
    assert spans == []
    hits = boilerplate_sentences(nb, nb[0].index, _anchor_positions(nb, 40), model=load_model())
    assert len(hits) == 2  # both score as boilerplate; the guard keeps them


def test_pull_quotes_and_quoted_replies_go(blind_pipeline):
    raw, gold = dev_page("dev8", "d8_001")  # a magazine feature with 「…」 pull quotes copying its narration
    out = kept_lines(blind_pipeline.run(raw))
    assert "「严重违反与集团公司之间签订的任何协议」" not in out
    assert "「芜湖享游彼时的董事长为高楠楠」" not in out
    assert all(g in out for g in gold)
    raw, gold = dev_page("dev8", "d8_012")  # a forum thread: replies quote the article, cut with "..."
    out = kept_lines(blind_pipeline.run(raw))
    assert "孟克吉日嘎拉的日子越来越好..." not in out
    # the quote headers hold a date stamp: no longer protected as lead-ins
    assert not any("写道：" in ln for ln in out)
    assert all(g in out for g in gold)


def test_quoted_section_headings_stay(blind_pipeline):
    # DEV7 d7_020: a heading quoting the speech of the paragraph below it, and one quoting a later one
    raw, gold = dev_page("dev7", "d7_020")
    out = kept_lines(blind_pipeline.run(raw))
    assert "“中国人的事，要靠中国人干，而且要干好”" in out
    assert "『建设强大的海防，需要有股殚精竭虑的拼劲』" in out
    assert all(g in out for g in gold)


def test_the_title_is_not_an_seo_keyword_line(clean_pipeline):
    # People's Daily 1998: the title's head is the article's topic, named in two paragraphs
    title = "全国速滑锦标赛落幕破全国纪录如探囊取物"
    paras = ["据新华社乌鲁木齐１月１９日电（记者段芝璞）乌鲁木齐水西沟高山冰场今天又传喜讯：男子１０００米和女子５００米、"
             "１０００米及男女短距离全能共５项新的全国纪录，在这里举行的全国速滑锦标赛上诞生。",
             "今天是全国速滑锦标赛的最后一天。在男子短距离全能１０００米比赛中，解放军队运动员庞海龙和石油体协选手马德水，"
             "分别以１分１６秒７２和１分１７秒０７的成绩刷新了全国纪录。",
             "在前三天的比赛中，共有２５人次打破１０项全国纪录。"]
    doc = clean_pipeline.run("\n".join([title, *paras]))
    assert kept_lines(doc) == [title, *paras]
    assert not [e for e in doc.edits if e.stage == "clean.seo"]
