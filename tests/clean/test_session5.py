"""Session-5 fixes of the clean stages (issue 8), on real dev pages and tricky lines.

Many checks use the *wording-blind* pipeline (the phrase-list stages clean.chrome and
clean.spam switched off): it shows a page as one in unseen wording looks to the
structural stages, which is what the fixes are for. Each test also checks the must-keep
side (the gold's title and paragraphs survive).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.clean.base import lines_of
from nlp.clean.lines import (BLIND_STAGES, EDGE, FEATURES, LineClassifier, _keyword_list, candidates,
                             edge_zones, features)
from nlp.clean.title import TitleCleaner, _list_like
from nlp.document import Reason

from dev_pages import dev_page, kept_lines

CLEAN = Path(__file__).resolve().parents[2] / "corpora" / "clean"


_page, _lines = dev_page, kept_lines


@pytest.fixture(scope="module")
def blind_pipeline():
    """convert + the structural clean stages only (clean.chrome / clean.spam off)."""
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load(overrides={"pipeline.stages": BLIND_STAGES + ["clean.lines", "clean.layout"]}))


@pytest.mark.parametrize("line, expected", [
    ("99国内视频_免费国产一级特黄aa大片在线_一区免费在线观看_国产视频不卡一区", True),
    ("新葡京娱乐城|美女主播裸聊|百家乐技巧移动端下载|幸运飞艇计划", True),
    ("首页·教育·文旅·民生·专题·国内", True),
    ("走持续发展之路_泰州市人民政府网", False),  # headline + site name: two parts
    ("墨西哥州长胡利奥·鲁伊斯辞职", False),
    ("记者调查｜保障房资金流向哪里", False),
])
def test_keyword_list_or_menu_is_never_a_title(line, expected):
    assert _list_like(line) is expected


@pytest.mark.parametrize("split, pid", [("dev", "d019"), ("dev", "d021"), ("dev", "d023"), ("dev4", "d4_030")])
def test_repeated_spam_header_does_not_take_the_headline(blind_pipeline, split, pid):
    # the spam header is repeated as the page footer; with clean.spam missing it (unseen
    # spam words) the repeated-line rule had made it the title and dropped the real
    # headline as "header below title"
    raw, gold = _page(split, pid)
    doc = blind_pipeline.run(raw)
    out = _lines(doc)
    assert out[0] == gold[0]
    assert doc.info["title"] == gold[0]


def test_title_hint_part_nearest_the_article_wins(blind_pipeline):
    # d4_011: <title>走持续发展之路 - 泰州市人民政府网</title>; the site name (the longer
    # part) also stands as the page header line and had been taken for the title
    raw, gold = _page("dev4", "d4_011")
    doc = blind_pipeline.run(raw)
    assert doc.info["title"] == gold[0] == "走持续发展之路"
    out = _lines(doc)
    # (the first paragraph keeps the "——" its glued title copy leaves in this view)
    assert all(any(o.startswith(g) for o in out) for g in gold)
    assert "泰州市人民政府网" not in out  # the site name went as header above the title


def test_title_cleaner_keeps_headline_under_repeated_list_header():
    page = "\n".join([
        "六合彩开奖_美女直播_网上赌场_成人影院",
        "中华民族的民族精神",
        "面包车空调有限，车内闷热难当。大家干脆打开车窗，让热风吹进来一丝凉爽，偶尔可见当地居民在树荫下纳凉聊天。",
        "六合彩开奖_美女直播_网上赌场_成人影院",
    ])
    title = TitleCleaner().find_title(lines_of(page), None)
    assert title is not None and title.text == "中华民族的民族精神"


def test_heading_over_kept_last_paragraph_survives(blind_pipeline):
    # dev2 e014: "多方协力破解难题" is a section heading below the last 40-char anchor; the
    # line after it is a sentence the model keeps, so it introduces article text
    raw, gold = _page("dev2", "e014")
    out = _lines(blind_pipeline.run(raw))
    assert "多方协力破解难题" in gold and "多方协力破解难题" in out


def test_counter_line_over_a_sentence_is_not_a_heading():
    stage = LineClassifier()
    body = "本报讯近日，市里召开了全市安全生产工作会议，会议总结了去年的工作情况，并部署了今年的重点任务和具体措施。"
    page = "\n".join(["市里召开安全生产工作会议", body, body.replace("本报讯", "同时"), "阅读数：3239895",
                      "投资有风险，入市须谨慎。"])
    lines = lines_of(page)
    cands, p, _, groups = stage.scores(lines)
    hits = list(range(len(cands)))
    intro = stage.introduces_kept(lines, cands, p, groups, hits)
    assert not any(i for c, i in zip(cands, intro) if c.text.startswith("阅读数"))


@pytest.mark.parametrize("line, expected", [
    ("亚洲无码专区，PG电子试玩注册就送，成人视频免费看官方网址，美女主播裸聊，成人视频免费看，亚洲无码专区官方网址，炸金花真人版", True),
    ("罗干、任建新、张思卿、王汉斌、何鲁丽、李铁映、吴阶平等参加了会见。", False),  # a sentence
    ("全国人大常委会副委员长吴阶平和有关方面负责人，以及邢贲思、丁聪、董辅、范用、冯兰瑞、冯其庸、龚育之、黄宗江", False),
])
def test_keyword_list_is_not_an_article_anchor(line, expected):
    assert _keyword_list(line) is expected


def test_closer_quoting_the_headline_scores_title_cover():
    # "以上就是关于<headline>的全部内容了": the closer carries most of the headline's bigrams;
    # the article's last paragraph shares topic words only
    head = "苏州父子因制售铝包子获刑"
    para = "法院审理查明，二人在苏州经营早餐店期间，长期使用含铝泡打粉制作包子出售，涉案金额较大，依法判处刑罚。"
    page = "\n".join([head, para, para.replace("法院", "检察院"), para.replace("二人", "父子二人"),
                      para.replace("早餐店", "面馆"), f"以上就是关于{head}的全部内容了，感谢阅读。"])
    lines = lines_of(page)
    x, cands = features(lines)
    col = FEATURES.index("title_cover")
    cover = {c.text: x[k, col] for k, c in enumerate(cands)}
    closer = [v for t, v in cover.items() if t.startswith("以上就是")]
    assert closer and closer[0] >= 0.9
    assert all(v < 0.5 for t, v in cover.items() if not t.startswith("以上就是"))


@pytest.mark.parametrize("split, pid, needle", [
    ("dev4", "d4_010", "编辑部汇编"),        # "本篇由X编辑部汇编，欢迎转发。" (score 0.17 before)
    ("dev4", "d4_027", "编辑部汇编"),
])
def test_self_referring_notice_below_article_goes(clean_pipeline, split, pid, needle):
    raw, gold = _page(split, pid)
    doc = clean_pipeline.run(raw)
    assert needle not in doc.text
    out = _lines(doc)
    assert all(g in out for g in gold[1:])
    assert any(needle in e.text and e.reason is Reason.BOILERPLATE for e in doc.edits)


@pytest.mark.parametrize("pid, needle", [("e010", "校对："), ("e008", "- END -")])
def test_chrome_above_a_closing_anchor_is_scored(blind_pipeline, pid, needle):
    # dev2: a closer/disclaimer long enough to anchor the article ("以上就是关于<title>的全部
    # 内容了，感谢阅读。") had held the END/editor/tag/count block above it inside the
    # article, where no line is a candidate; the page is scored again with it demoted
    raw, gold = _page("dev2", pid)
    doc = blind_pipeline.run(raw)
    assert needle not in doc.text
    out = _lines(doc)
    assert all(g in out for g in gold[1:])


def test_related_teasers_are_not_anchors(blind_pipeline, seed_bytes):
    # seed 000: a related list of title / teaser cut off with "..." / date lines below the
    # article; as anchors the teasers held the list inside the article
    gold = (CLEAN / "seeds" / "000_60469bf04865946d.txt").read_text(encoding="utf-8").splitlines()
    doc = blind_pipeline.run(seed_bytes["000"])
    assert "DouJia" not in doc.text and "..." not in doc.text
    out = _lines(doc)
    assert all(g.strip() in out for g in gold if g.strip())


def test_template_line_repeated_inside_article_goes(clean_pipeline):
    # DEV5 d5_020: an SEO line shown twice between the article's paragraphs; no gold line
    # that is not a sentence repeats its shape (digits as 0) on its page. Since session 7
    # clean.seo takes this line first (its keyword is injected in the paragraphs): the
    # template test runs without it here
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    raw, gold = _page("dev5", "d5_020")
    stages = [s for s in clean_pipeline.stage_names if s != "clean.seo"]
    doc = Pipeline(Config.load(overrides={"pipeline.stages": stages})).run(raw)
    assert "美团外卖人工客服热线号码查询" not in doc.text
    mine = [e.text.strip() for e in doc.edits if e.note == "template line repeated inside the article"]
    assert mine and not any(m in g for m in mine for g in gold)


def test_repeated_vote_bars_inside_article_go_paragraphs_stay():
    body = ["市里召开安全生产工作会议，总结了去年的工作情况，并部署了今年的重点任务和具体措施，要求各部门落实责任。",
            "会议指出，要坚持预防为主，加强隐患排查治理，严防重特大事故发生，确保全市安全生产形势稳定。"]
    page = ["全市安全生产工作会议召开", body[0], "支持(3) 反对(33) 回复TA", body[1], "支持(12) 反对(5) 回复TA",
            "一、加强组织领导", body[0].replace("市里", "县里")]
    text = "\n".join(page) + "\n"
    edits = LineClassifier().process(_Doc(text))
    removed = [text[e.start:e.end].strip() for e in edits]
    assert "支持(3) 反对(33) 回复TA" in removed and "支持(12) 反对(5) 回复TA" in removed
    assert "一、加强组织领导" not in removed and not any(b in removed for b in body)


class _Doc:
    """The two attributes LineClassifier.process reads."""

    def __init__(self, text: str):
        self.text = text
        self.info: dict = {}
