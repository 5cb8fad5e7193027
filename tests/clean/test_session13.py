"""Session-13 fixes of the clean stages (issue 8): other stories pasted under the article
(nlp/clean/stories.py), on hand-written pages and on real pages of the used sets (DEV9,
held-out v9, used up at the end of session 12).

Each pipeline test failed on the session-start code (e694c87).
"""
from __future__ import annotations

import pytest

from dev_pages import dev_page, kept_lines
from dev_pages import RESERVOIR_ARTICLE
from nlp.clean.stories import pasted_tail

ARTICLE = RESERVOIR_ARTICLE
#: another story: a headline over its lead, nothing shared with the reservoir
OTHER = [
    "海滨城市试行夜间公交专线 末班车延至凌晨一点",
    "为方便夜间出行的市民，市交通运输局本周起开通六条夜间公交专线，途经火车站、医院和大型商圈，票价与白天相同。",
]


def test_a_story_pasted_under_the_article_goes_with_its_label():
    page = ARTICLE + ["顺手转一条别的：", *OTHER]
    assert pasted_tail(page) == [5, 6, 7]


def test_chat_replies_after_the_pasted_story_go_with_it():
    page = ARTICLE + OTHER + ["这条我也看到了，晚点细聊。"]
    assert pasted_tail(page) == [5, 6, 7]


def test_an_exclaimed_headline_starts_a_pasted_story():
    page = ARTICLE + ["海滨城市夜间公交专线开通，末班车延至凌晨一点！", OTHER[1]]
    assert pasted_tail(page) == [5, 6]


def test_a_commenters_question_inside_the_article_is_no_headline():
    # "name: message?" over the article's next paragraph: the story pasted at the end still goes
    page = ARTICLE[:3] + ["💬 读者老李：这个数字是不是写错了？", *ARTICLE[3:], "附：另一条", *OTHER]
    assert pasted_tail(page) == [6, 7, 8]


def test_a_section_of_the_same_article_stays():
    # a heading-shaped line over a paragraph that keeps the article's topic words
    page = ARTICLE + ["老龙潭水库下游灌溉渠明年汛期前完工",
                      "县水利局表示，两条灌溉渠建成后，水库下游的农田灌溉用水将更有保障，村民种植的积极性也会更高。"]
    assert pasted_tail(page) == []


def test_an_article_paragraph_after_the_snippet_vetoes_the_cut():
    page = ARTICLE[:4] + OTHER + [ARTICLE[4].replace("据了解，", "另外，老龙潭水库")]
    assert pasted_tail(page) == []


def test_a_digest_of_unrelated_items_is_its_own_page():
    # the items are the bulk of the page, not a short tail of a longer article
    page = ARTICLE[:1] + ARTICLE[1:4] + OTHER + [
        "高铁新线今日开通运营 沿线六座城市进入一小时交通圈",
        "随着首趟列车驶出站台，这条全长三百公里的高铁新线正式开通运营，沿线群众出行时间大大缩短，旅游业也迎来新的机遇。",
        "全省中小学开展防溺水安全教育 家长学生共同签订承诺书",
        "暑期临近，全省各中小学陆续开展防溺水安全教育活动，老师通过案例讲解和现场演示，提醒学生不要私自下河游泳。",
    ]
    assert pasted_tail(page) == []


@pytest.mark.parametrize("heading", [
    "答：主要考虑了三个方面的因素",        # a one-character label: a Q&A answer
    "（二）完善城市夜间交通服务体系",      # an enumerated section heading
    "海滨城市夜间公交专线的主要安排：",    # a label ending in a colon
])
def test_labelled_or_numbered_headings_never_start_a_cut(heading):
    assert pasted_tail(ARTICLE + [heading, OTHER[1]]) == []


def test_a_short_article_is_never_cut():
    assert pasted_tail(ARTICLE[:3] + OTHER) == []


@pytest.mark.parametrize("split, pid, gone", [
    # a chat log: a news flash pasted after the shared article, with a reply under it
    ("heldout9", "h9_018", ["举报过期食品奖2毛钱，这是在“寒碜”谁", "字太多了，晚上回家再仔细看。"]),
    # a review draft: "reference material" appended under the article
    ("heldout9", "h9_014", ["附：参考材料（不对外）", "安康市公布2016年度食品药品十大典型案件"]),
    # a newsletter: "read also" items under the day's article
    ("dev9", "d9_022", ["南非前总统博塔否认有罪", "工作队为村民找销路 促就业增收"]),
    # a feed page: teasers with comment counts under the article
    ("dev9", "d9_030", ["工作队为村民找销路 促就业增收", "无处申冤:上海青浦中医医院误诊致人死亡"]),
])
def test_pasted_stories_on_real_pages_go_and_the_article_stays(clean_pipeline, split, pid, gone):
    raw, gold = dev_page(split, pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [g for g in gone if any(line.startswith(g) for line in out)]
    assert all(g in out for g in gold)

