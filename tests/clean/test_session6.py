"""Session-6 fixes of the clean stages (issue 8), on real dev pages and tricky lines.

Like test_session5.py, most checks run the *wording-blind* pipeline (clean.chrome and
clean.spam off: a page in unseen wording as the structural stages see it) and check
the must-keep side too (the gold's title and paragraphs survive).
"""
from __future__ import annotations

import pytest

from nlp.clean.base import lines_of
from nlp.clean.lines import BLIND_STAGES
from nlp.clean.title import TitleCleaner, _off_topic

from dev_pages import dev_page, kept_lines

_page, _lines = dev_page, kept_lines


def _lost(gold: list[str], out: list[str]) -> int:
    """Gold lines less than half aligned in the output (the scorer's "prose lost")."""
    from nlp.evaluate.clean import score_page

    return score_page("\n".join(gold), "\n".join(out))["lost_lines"]


@pytest.fixture(scope="module")
def blind_pipeline():
    """convert + the structural clean stages only (clean.chrome / clean.spam off)."""
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load(overrides={"pipeline.stages": BLIND_STAGES + ["clean.lines", "clean.layout"]}))


@pytest.mark.parametrize("split, pid", [("dev5", "d5_004"), ("dev5", "d5_016")])
def test_off_topic_repeated_line_or_hint_part_is_not_the_title(blind_pipeline, split, pid):
    # d5_004: <title> "headline @ blog name :: host" and the blog name shown twice;
    # d5_016: a "——"-joined spam header repeated as footer. Both had taken the title
    # and the real headline went as "header below title" (prose lost).
    raw, gold = _page(split, pid)
    out = _lines(blind_pipeline.run(raw))
    assert out[0] == gold[0]
    assert all(g in out for g in gold[1:2])


def test_off_topic_is_about_shared_topic_words():
    prose = "跨国公司是当今世界经济增长特别是国际投资的主要引擎。"
    assert _off_topic("阿里山小日子", prose)
    assert not _off_topic("近三百家跨国公司来华投资", prose)
    assert not _off_topic("阿里山小日子", "")  # no prose: nothing to compare with


def test_title_hint_split_on_spaced_at_and_double_colon():
    text = "阿里山小日子\n近三百家跨国公司来华投资\n" + "跨国公司是当今世界经济增长特别是国际投资的主要引擎，近几年纷纷来我国投资。\n" \
        + "阿里山小日子\n"
    title = TitleCleaner().find_title(lines_of(text), "近三百家跨国公司来华投资 @ 阿里山小日子 :: 痞客邦 PIXNET")
    assert title is not None and title.text == "近三百家跨国公司来华投资"


@pytest.mark.parametrize("split, pid, block", [
    ("dev5", "d5_001", ["延伸新闻：", "女子称给专车差评遭打 司机开微博发声"]),
    ("dev5", "d5_021", ["延伸新闻：", "男子梦想一夜暴富持水泥块砸机"]),
])
def test_block_of_off_topic_short_lines_inside_the_article_goes(blind_pipeline, split, pid, block):
    # a related-news box set into the article: three non-sentence lines sharing no topic
    # words with it; every article paragraph around it stays
    raw, gold = _page(split, pid)
    doc = blind_pipeline.run(raw)
    out = _lines(doc)
    for line in block:
        assert line not in out
    assert all(g in out for g in gold[1:])
    assert any("block of" in e.note for e in doc.edits if e.stage == "clean.lines")


@pytest.mark.parametrize("split, pid, heading", [
    ("dev2", "e025", "困境：人手不足"), ("dev3", "f023", "具体来看："), ("dev3", "f025", "壹 | 缘起"),
])
def test_heading_between_picture_notes_is_no_block(blind_pipeline, split, pid, heading):
    # a section heading with picture notes around it: the notes are the inner group's,
    # the heading alone is no block and stays
    raw, gold = _page(split, pid)
    assert heading in gold
    assert heading in _lines(blind_pipeline.run(raw))


def test_article_list_sharing_topic_words_is_no_block():
    from nlp.clean.lines import LineClassifier
    from nlp.document import Document

    para = "今年以来，全市围绕乡村振兴战略推进农田水利建设，农田水利设施的覆盖面和灌溉保障能力明显提高。"
    text = "\n".join(["乡村振兴有了新抓手", para, "农田水利建设", "乡村道路硬化", "乡村振兴人才培训", para.replace("今年", "去年"),
                      para.replace("全市", "全县")]) + "\n"
    edits = LineClassifier().process(Document(id="t", raw=text, text=text))
    assert not any("block of" in e.note for e in edits)
    # the same shape off the article's topic is a block
    off = "\n".join(["乡村振兴有了新抓手", para, "往期回顾", "男子梦想一夜暴富", "女子称给专车差评遭打", para.replace("今年", "去年"),
                     para.replace("全市", "全县")]) + "\n"
    edits = LineClassifier().process(Document(id="t", raw=off, text=off))
    assert sum("block of" in e.note for e in edits) == 3


@pytest.mark.parametrize("split, pid, items", [
    ("dev5", "d5_026", ["3. 拖车司机把这辆斯巴鲁拖回停车场后，差点被车主打死!", "7. 我姐姐不小心在明祖陵项庄路口把苹果x丢了，希望大家帮帮忙！！"]),
    ("dev5", "d5_027", ["4. 奎山汽贸城去年那场火灾，调查情况报告出来了！", "[1] 汉中一居民家中突发火灾！火光冲天！"]),
    ("dev5", "d5_022", ["5 事发大连！大货突然失控 连撞十多辆车！其中包括一辆公交车！"]),
])
def test_sentence_shaped_items_of_a_removed_numbered_list_go(blind_pipeline, split, pid, items):
    # ranking / related lists at the page edges whose items end in ！: finished sentences,
    # never candidates above the article; the rest of their list goes, so they go too
    raw, gold = _page(split, pid)
    doc = blind_pipeline.run(raw)
    out = _lines(doc)
    for line in items:
        assert line not in out
    assert out[0] == gold[0] and all(g in out for g in gold)


def test_numbered_article_items_stay():
    # a numbered list of the article's own points below its last paragraph: the model
    # keeps the items, so no list rule applies
    from nlp.clean.lines import LineClassifier
    from nlp.document import Document

    para = "今年以来，全市围绕乡村振兴战略推进农田水利建设，农田水利设施的覆盖面和灌溉保障能力明显提高，群众满意度持续上升。"
    items = ["1. 加快农田水利设施建设，提高灌溉保障能力。", "2. 推进乡村道路硬化，方便群众出行。", "3. 加强乡村振兴人才培训。"]
    text = "\n".join(["乡村振兴有了新抓手", para, para.replace("今年", "去年"), "具体措施如下：", *items]) + "\n"
    edits = LineClassifier().process(Document(id="t", raw=text, text=text))
    removed = {text[e.start:e.end].strip() for e in edits}
    assert not removed & set(items)


@pytest.fixture(scope="module")
def full_pipeline():
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load())  # the default pipeline (convert, clean.*, despin): what the gold assumes


@pytest.mark.parametrize("split, pid, block", [
    ("dev5", "d5_016", ["—— 广告 ——", "阿里山小日子客户端上线啦，深度报道抢先看"]),
    ("dev5", "d5_024", ["[广告]", "长三角商讯客户端上线啦，深度报道抢先看"]),
])
def test_two_line_ad_block_inside_the_article_goes(full_pipeline, split, pid, block):
    raw, gold = _page(split, pid)
    out = _lines(full_pipeline.run(raw))
    for line in block:
        assert line not in out
    assert _lost(gold, out) == 0


def test_heading_over_sub_heading_is_no_block():
    from nlp.clean.lines import LineClassifier
    from nlp.document import Document

    para = "今年以来，全市围绕乡村振兴战略推进农田水利建设，农田水利设施的覆盖面和灌溉保障能力明显提高，群众满意度持续上升。"
    text = "\n".join(["乡村振兴有了新抓手", para, "第二部分 主要成效", "（一）基础设施明显改善", para.replace("今年", "去年"),
                      para.replace("全市", "全县")]) + "\n"
    assert not any("block of" in e.note for e in LineClassifier().process(Document(id="t", raw=text, text=text)))
    # the same place with an ad marker and a promotion is a block
    ad = text.replace("第二部分 主要成效", "—— 广告 ——").replace("（一）基础设施明显改善", "客户端上线啦，深度报道抢先看")
    assert sum("block of" in e.note for e in LineClassifier().process(Document(id="t", raw=ad, text=ad))) == 2


@pytest.mark.parametrize("split, pid, must_keep", [
    ("dev6", "d6_026", "莱茵隆冬暖如春几家欢乐几家愁"),  # headline sharing no bigram with its article
    ("dev6", "d6_005", "迎来品牌竞争时代"),  # a longer pager line under it shares none
    ("dev6", "d6_019", "第一章总则"),  # chapter heading right under the title block
])
def test_dev6_headlines_and_chapter_heading_stay(full_pipeline, split, pid, must_keep):
    raw, gold = _page(split, pid)
    out = _lines(full_pipeline.run(raw))
    assert must_keep in gold and must_keep in out
    assert out[0] == gold[0]


def test_dated_meta_line_is_not_the_headline():
    from nlp.clean.title import headline_guess

    lines = lines_of("燕赵消费网\n莱茵隆冬暖如春几家欢乐几家愁\n2021年4月1日　信息提供：海峡都市报\n")
    assert headline_guess(lines).text == "莱茵隆冬暖如春几家欢乐几家愁"


def test_numbered_heading_over_prose_is_protected_but_not_an_seo_stub():
    from nlp.clean.lines import _numbered_heading_over_prose

    para = "第一条为了规范价格行为，发挥价格合理配置资源的作用，稳定市场价格总水平，制定本法。"
    nb = [ln for ln in lines_of(f"第一章总则\n{para}\n二、？教程\n{para}\n第二章\n") if ln.text]
    assert _numbered_heading_over_prose(nb, 0)
    assert not _numbered_heading_over_prose(nb, 2)  # no heading words after the number
    assert not _numbered_heading_over_prose(nb, 4)  # nothing follows


def test_live_blog_last_entry_after_a_time_stamp_stays(blind_pipeline):
    # DEV6 d6_030: one-sentence entries under time stamps; the last entry sits below the
    # last anchor after a stamp of the same shape as those inside the article, and the
    # entry above it is kept: the series goes on (it scored 0.98 as a closing sentence)
    raw, gold = _page("dev6", "d6_030")
    line = "有人将它改造成为“龙凤呈祥”造型，内设仪仗马队、龙车、凤辇等，结果大受欢迎。"
    assert line in gold
    doc = blind_pipeline.run(raw)
    assert line in _lines(doc)
    assert "直播已结束，感谢收看" not in _lines(doc)


@pytest.mark.parametrize("split, pid, gone", [
    ("dev6", "d6_004", "❤ 4"), ("dev6", "d6_021", "2/4"), ("dev6", "d6_021", "（3/4）"),
    ("dev6", "d6_009", "（第2/3页）"), ("dev6", "d6_005", "—— 第2页 ——"),
])
def test_wordless_lines_inside_the_article_go(full_pipeline, split, pid, gone):
    raw, gold = _page(split, pid)
    out = _lines(full_pipeline.run(raw))
    assert gone not in out
    assert _lost(gold, out) == 0


def test_short_lines_with_a_word_or_a_bare_section_number_stay():
    from nlp.clean.lines import LineClassifier
    from nlp.document import Document

    para = "今年以来，全市围绕乡村振兴战略推进农田水利建设，农田水利设施的覆盖面和灌溉保障能力明显提高，群众满意度持续上升。"
    keep = ["（二）", "01 | 现状", "■ 现场", "他说。", "Part 2"]
    page = ["乡村振兴有了新抓手", para]
    for k in keep:
        page += [k, para.replace("今年", f"第{len(page)}年")]
    text = "\n".join(page + ["❤ 6", para.replace("全市", "全县")]) + "\n"
    removed = {text[e.start:e.end].strip() for e in LineClassifier().process(Document(id="t", raw=text, text=text))}
    assert removed == {"❤ 6"}


@pytest.mark.parametrize("split, pid, gone", [
    ("dev6", "d6_005", "此文分2页，单页浏览请点这里"),  # longer than the headline, shares no topic word: no longer protected as it
    ("dev6", "d6_012", "Photo by IC"),  # a line without any CJK inside the article
])
def test_dev6_pager_and_latin_credit_go(full_pipeline, split, pid, gone):
    raw, gold = _page(split, pid)
    out = _lines(full_pipeline.run(raw))
    assert gone not in out and out[0] == gold[0]
    assert _lost(gold, out) == 0


def test_page_headline_prefers_topic_words():
    from nlp.clean.lines import page_headline

    para = "我国电话机生产企业有３００多家，电话机产量已高达１亿部，各厂商开始重视品牌，电话机已成为国内市场最热销的产品之一。"
    lines = lines_of(f"迎来品牌竞争时代\n此文分2页，单页浏览请点这里\n{para}\n{para}\n")
    assert page_headline(lines).text == "迎来品牌竞争时代"
