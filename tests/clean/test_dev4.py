"""Session-4 fixes on real DEV4 pages (corpora/clean/dev4, tuned on after its first score).

Each test runs convert + the clean stages on one raw page and checks what the fix is for,
plus the must-keep side (the gold's paragraphs and title survive).
"""
from __future__ import annotations

import pytest

from nlp.clean.base import lines_of
from nlp.clean.lines import INNER, LineClassifier, candidates
from nlp.document import Reason

from dev_pages import dev_page, kept_lines


def _page(pid: str) -> tuple[bytes, list[str]]:
    return dev_page("dev4", pid)


_lines = kept_lines


def test_forum_floor_line_is_not_the_headline(clean_pipeline):
    # d4_008: "[一楼] Mr.Chen  等级: 新手上路  威望: 8" (two label: value pairs) had outscored the
    # 8-character headline, which then went as "header above title"
    raw, gold = _page("d4_008")
    out = _lines(clean_pipeline.run(raw))
    assert out[0] == gold[0] == "卫星小网落户乡镇"
    assert not any("威望" in x for x in out)


@pytest.mark.parametrize("pid", ["d4_013", "d4_017", "d4_025"])
def test_labelled_title_line_gives_way_to_the_bare_title(clean_pipeline, pid):
    # PTT reposts: "标题 [新闻] X" in the header, X alone further down
    raw, gold = _page(pid)
    doc = clean_pipeline.run(raw)
    out = _lines(doc)
    assert out[0] == gold[0]
    assert doc.info["title"] == gold[0]
    assert not any(x.startswith("标题") for x in out)


def test_keyword_shown_as_label_value_and_injected_mid_word(clean_pipeline):
    # d4_002: "大家都在搜：韵达快递人工客服" (removed by clean.chrome first) + the keyword injected
    # into two sentences ("…指出韵达快递人工客服了组织…", "…需要各韵达快递人工客服方继续…")
    raw, gold = _page("d4_002")
    doc = clean_pipeline.run(raw)
    assert doc.info["seo_keywords"] == ["韵达快递人工客服"]
    assert "韵达快递" not in doc.text
    out = _lines(doc)
    assert all(g in out for g in gold[1:])  # every paragraph back verbatim
    assert any(e.reason is Reason.SEO and e.text == "韵达快递人工客服" for e in doc.edits)


def test_content_farm_keyword_lines_go(clean_pipeline):
    # d4_027: a farm page whose headline is the SEO query; its TOC lines "一、<kw>", "二、<kw>？<kw>教程"
    # and "大家都在搜：<kw>" are keyword lines
    raw, gold = _page("d4_027")
    doc = clean_pipeline.run(raw)
    assert "燃气公司客服电话" in doc.info["seo_keywords"]
    out = _lines(doc)
    assert not any("燃气公司客服电话" in x for x in out)
    assert all(g in out for g in gold)


def test_topic_term_of_the_article_is_no_keyword(clean_pipeline):
    # d4_022 (People's Daily, 菜篮子工程 throughout): a prefix of the term ("菜篮子工") sits
    # mid-word in many sentences; the article uses its words elsewhere, so it is no keyword
    raw, gold = _page("d4_022")
    doc = clean_pipeline.run(raw)
    assert not any("菜篮子" in k for k in doc.info.get("seo_keywords") or [])
    out = _lines(doc)
    assert sum(g in out for g in gold) >= len(gold) - 1  # at most a despin/convert difference


def test_picture_note_inside_article_removed_heading_not_a_candidate():
    # inner picture notes in DEV4 wording ("（档案照）", "插图：农民日报") go; a section heading
    # between two paragraphs is never scored
    _, gold = _page("d4_016")
    paras = [g for g in gold if len(g) >= 40][:3]
    assert len(paras) == 3
    text = "\n".join([gold[0], paras[0], "（档案照）", paras[1], "壹 | 缘起", paras[2], "插图：农民日报", paras[0]]) + "\n"
    lines = lines_of(text)
    inner = [ln.text for ln, g, *_ in candidates(lines) if g == INNER]
    assert "壹 | 缘起" not in inner and "（档案照）" in inner
    removed = [text[e.start:e.end].strip() for e in LineClassifier().process(type("D", (), {"text": text})())]
    assert removed == ["（档案照）", "插图：农民日报"]
