"""Session-14 passes of the clean stages (issue 8): the lines above the article's headline
(nlp/clean/above.py) and the labelled block of short lines closing the page
(nlp/clean/below.py), on real lines of held-out v10 / DEV8 / DEV9 pages (v10 is dev data
since session 14) and on a People's Daily article printed one sentence per line.

Each pipeline test failed on the session-start code (a29f02a).
"""
from __future__ import annotations

import pytest

from dev_pages import dev_page, kept_lines
from nlp.clean.above import above_headline
from nlp.clean.below import closing_block
from test_session10 import PD_17526
from test_session13 import ARTICLE, OTHER

#: furniture above an article, real lines of held-out v10 pages: an event page's
#: registration note (h10_004), a rumour-check claim (h10_005), an exam paper's
#: instruction and material label (h10_001)
ABOVE = [
    "活动当天请携带本人有效身份证件，凭入场凭证签到。",
    "有网友转发称，某品牌饮用水检出有害物质，已被全面下架，情况属实吗？",
    "2. 请在题本、答题卡指定位置填写自己的姓名，填涂准考证号。",
    "资料2",
]
#: a closing panel of an almanac page (held-out v10 h10_010): real history and a saying
ALMANAC = [
    "📜 历史上的今天",
    "1964年，我国第一颗原子弹爆炸成功。",
    "1997年，香港回归祖国，中华人民共和国香港特别行政区成立。",
    "2008年，第二十九届夏季奥林匹克运动会在北京开幕。",
    "💬 每日一句",
    "天行健，君子以自强不息。",
]
#: suggested questions under an article with an AI summary panel (held-out v10 h10_007)
QUESTIONS = ["🤔 你可能还想问", "普通人遇到这种情况应该怎么办？", "相关部门下一步会采取哪些措施？",
             "这件事后续有没有新的进展？"]


def test_furniture_above_the_headline_goes():
    assert above_headline(ABOVE + ARTICLE) == [0, 1, 2, 3]


def test_another_story_above_the_article_goes_with_the_furniture():
    # an exam paper's first material: another story with its headline; the LOWER headline is the article's
    page = ABOVE[:1] + OTHER + ABOVE[3:] + ARTICLE
    assert above_headline(page) == list(range(4))


def test_a_peoples_daily_opening_of_one_sentence_per_line_stays():
    # its short statements stand under the headline: never above it, with or without furniture
    assert above_headline(PD_17526) == []
    assert all(k < len(ABOVE) for k in above_headline(ABOVE + PD_17526))
    assert closing_block(PD_17526) == []
    assert closing_block(PD_17526 + QUESTIONS) == list(range(len(PD_17526), len(PD_17526) + len(QUESTIONS)))


def test_the_articles_own_opening_above_a_section_heading_stays():
    # the paragraphs above share the section's topic words
    section = ["老龙潭水库下游灌溉渠明年汛期前完工",
               "县水利局表示，两条灌溉渠建成后，水库下游的农田灌溉用水将更有保障，村民种植的积极性也会更高。"]
    assert above_headline(ARTICLE + section) == []


def test_a_digest_of_unrelated_items_keeps_its_first_item():
    # the items under the second headline share nothing with each other: no one story
    items = OTHER + ["随着首趟列车驶出站台，这条全长三百公里的高铁新线正式开通运营，沿线群众出行时间大大缩短。",
                     "暑期临近，全省各中小学陆续开展防溺水安全教育活动，老师提醒学生不要私自下河游泳。"]
    assert above_headline(ARTICLE[:3] + items) == []


def test_a_headline_with_a_full_stop_inside_is_a_paragraph():
    page = ABOVE + ["那么今天就来说一说如何修水库。老龙潭水库除险加固", *ARTICLE[1:]]
    assert above_headline(page) == []


@pytest.mark.parametrize("block", [ALMANAC, QUESTIONS])
def test_a_labelled_panel_closing_the_page_goes(block):
    assert closing_block(ARTICLE + block) == list(range(len(ARTICLE), len(ARTICLE) + len(block)))


def test_a_closing_section_on_the_articles_topic_stays():
    section = ["水库下一步", "灌溉渠明年汛期前完工。", "受益农田将扩大到四万亩。", "水库管理站将增加巡查人员。"]
    assert closing_block(ARTICLE + section) == []


def test_a_closing_block_with_a_paragraph_stays():
    # a paragraph of 40+ characters under the label: a section of the page, not a panel
    assert closing_block(ARTICLE + QUESTIONS[:2] + [OTHER[1]]) == []


def test_a_panel_under_a_short_article_stays():
    assert closing_block(ARTICLE[:3] + QUESTIONS) == []


@pytest.mark.parametrize("split, pid, gone", [
    # a rumour-check page: the claim above the authoritative report's headline
    ("heldout10", "h10_005", ["有网友转发称"]),
    # an exam paper: instructions, another story as material 1 above, questions and key below
    ("heldout10", "h10_001", ["2023年度公务员录用考试", "2. 请在题本", "新华社北京１月１日电", "资料2",
                              "二、作答要求", "要求：准确、全面", "【参考答案】"]),
    # an overlay dump: cookie and push prompts and a 10-item menu above the headline
    ("heldout10", "h10_002", ["🍪 关于Cookie的说明", "全部接受", "首页（返回）", "电子报刊亭"]),
    # an almanac page: this-day-in-history sentences and a saying under the article
    ("heldout10", "h10_010", ["📜 历史上的今天", "1964年，我国第一颗原子弹", "天行健，君子以自强不息。"]),
    # an AI-summary page: suggested questions under the article
    ("heldout10", "h10_007", ["🤔 你可能还想问", "普通人遇到这种情况应该怎么办？"]),
    # a portal dump: teasers of other stories above the article (DEV8)
    ("dev8", "d8_017", ["· 少女6年流产17次", "· 记者体验基层警察工作"]),
])
def test_furniture_on_real_pages_goes_and_the_article_stays(clean_pipeline, split, pid, gone):
    raw, gold = dev_page(split, pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [g for g in gone if any(line.startswith(g) for line in out)]
    assert all(g in out for g in gold)


@pytest.mark.parametrize("texts", [[], ["抖音电商发布《平台治理这一年》数据报告。"], ["标题", "正文第一段。"]])
def test_page_passes_take_pages_with_too_few_kept_lines(texts):
    """Earlier stages may keep no line or one of a page (hypothesis found an empty list in
    tests/reliability/test_stage_properties.py): nothing to cut, no IndexError."""
    assert above_headline(texts) == [] and closing_block(texts) == []
