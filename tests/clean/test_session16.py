"""Session-16 rules of the clean stages (issue 8), tuned on held-out v12 (a development set
since session 16): what must go and the look-alike text that must stay, on real lines of
held-out v12 pages and on lines written in the same shape with other strings.

Each pipeline test on a held-out v12 page failed on the session-start code (5da2d17).
"""
from __future__ import annotations

import pytest

from dev_pages import dev_page, kept_lines
from nlp.clean.chrome import picture_notes
from nlp.clean.markup import MarkupCleaner
from nlp.document import Document


def _markup_removed(text: str) -> list[str]:
    doc = Document(id="t", text=text)
    edits = MarkupCleaner().process(doc)
    return [text[e.start:e.end].strip() for e in edits if text[e.start:e.end].strip()]


# --- clean.seo: a keyword stated by a headline-shaped line ------------------------------

P1 = "近日，有市民反映称：横门冲口门片区福日升厂废气排放刺鼻以及冲口门水闸周边路段尘土飞扬。"
P2 = "南朗镇人大办高度重视，针对上述问题，镇人大办组织横门周边地区的6位人大代表对厂区进行视察。"
P3 = "当日，代表们首先对福日升厂的厂房、车间、仓库备料及废气排放等相关情况进行了现场查看。"


def _inject(p: str, kw: str, at: int) -> str:
    return p[:at] + kw + p[at:]


def test_a_question_headline_stating_an_injected_keyword_goes_with_the_keyword(clean_pipeline):
    # held-out v12's shape ("<label>：<kw>到底要准备哪些材料？" under a page whose sentences carry
    # <kw>), written with other strings: is_prose reads the question line as a sentence
    kw = "公积金提取线上办理"
    page = "\n".join(["横门片区尘土飞扬问题引关注", _inject(P1, kw, 12), _inject(P2, kw, 20),
                      f"一文看懂：{kw}究竟需要哪些手续？", P3])
    doc = clean_pipeline.run(page)
    assert kept_lines(doc) == ["横门片区尘土飞扬问题引关注", P1, P2, P3]
    assert doc.info["seo_keywords"] == [kw]


def test_a_question_headline_on_the_articles_topic_stays(clean_pipeline):
    # the look-alike: a question line opening with a term the article uses in its own words
    # (at clause starts, its characters elsewhere): no keyword, nothing cut
    lines = ["垃圾分类进小区 居民怎么看", "一文看懂：垃圾分类究竟需要哪些步骤？",
             "近日，垃圾分类工作在全市各小区铺开，居民们对分类投放的做法议论纷纷。",
             "垃圾分类的难点在于习惯，社区工作人员每天在投放点值守，指导居民把垃圾分好类。",
             "不少居民表示，分类投放虽然麻烦一些，但对环境有好处，愿意坚持下去。"]
    doc = clean_pipeline.run("\n".join(lines))
    assert kept_lines(doc) == lines
    assert not doc.info.get("seo_keywords")


# --- clean.markup: tool formats (CSV export, notebook, clippings) ------------------------

CSV = """编号,采集时间,来源站点,栏目,页面标题,正文,阅读数,审核状态
10452,2022-05-18 09:40,江南晨报网,社会新闻,小区加装电梯 居民出行更方便_江南晨报网,"
小区加装电梯 居民出行更方便
近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。
",2311,已入库
"""


def test_a_csv_records_opening_and_closing_lines_go():
    assert _markup_removed(CSV) == ["10452,2022-05-18 09:40,江南晨报网,社会新闻,小区加装电梯 居民出行更方便_江南晨报网,\"",
                                    "\",2311,已入库"]


def test_comma_lines_without_a_closed_quoted_cell_stay():
    # an opening-shaped line with no closing line after it, and prose with ASCII commas
    text = ("10452,2022-05-18 09:40,江南晨报网,社会新闻,\"\n"
            "今天,我们走访了三个小区,居民们说,电梯装好以后,出门方便多了。\n")
    assert _markup_removed(text) == []


@pytest.mark.parametrize("pid", ["h12_002", "h12_003", "h12_009"])
def test_csv_export_pages_keep_the_first_record_only(clean_pipeline, pid):
    raw, gold = dev_page("heldout12", pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert out == gold


NOTEBOOK = """## 第一步：请求页面
In [1]:
import requests
In [2]:
# 打印标题
print(title)
Out[2]:
小区加装电梯 居民出行更方便
"""


def test_notebook_prompts_and_the_comment_opening_a_cell_go():
    assert _markup_removed(NOTEBOOK) == ["##", "In [1]:", "In [2]:", "# 打印标题", "Out[2]:"]


def test_one_prompt_like_line_is_no_notebook():
    text = "In [1]:\n# 打印标题\n会议在北京举行。\n"
    assert _markup_removed(text) == ["#"]


CLIPPINGS = """小区加装电梯 居民出行更方便
- 您在位置 #12-15的标注 | 添加于 2021年6月2日 08:10:11

近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。
==========
小区加装电梯 居民出行更方便
- 您在位置 #20的笔记 | 添加于 2021年6月3日 21:05:40

这个例子可以放进周末的分享里。
==========
"""


def test_clippings_meta_lines_and_the_readers_note_go():
    assert _markup_removed(CLIPPINGS) == ["- 您在位置 #12-15的标注 | 添加于 2021年6月2日 08:10:11", "==========",
                                          "- 您在位置 #20的笔记 | 添加于 2021年6月3日 21:05:40",
                                          "这个例子可以放进周末的分享里。", "=========="]


def test_a_timed_list_item_outside_a_clippings_file_stays():
    # an agenda item with a bar and a clock time, on a page without record rules
    text = "会议日程\n- 开幕式 | 主会场 09:30\n- 分论坛 | 二楼 14:00\n代表们围绕城市更新展开讨论。\n"
    assert _markup_removed(text) == []


@pytest.mark.parametrize("pid, gone", [
    ("h12_004", ["- 您在位置 #63的笔记", "这段可以引用到下周的读书会发言里。"]),
    ("h12_020", ["回头把这篇转给爸妈看看。"]),
])
def test_clippings_pages_lose_meta_and_notes(clean_pipeline, pid, gone):
    raw, gold = dev_page("heldout12", pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [g for g in gone if any(line.startswith(g) for line in out)]
    assert out == gold


# --- clean.lines page pass: bracketed credits and repost notes ---------------------------

#: a credit (two short parts split by a bar or mark) and a note naming where the text came from
CREDIT_NOTES = ["（手绘插画 ∣ 焦玉梅）", "（水彩速写 | 王晓明）", "（版式设计 ┆ 林一）",
                "（此稿转自泗洪周刊　执笔记者 焦玉梅　转发时请一并注明）", "（本文转载自江南晨报）"]
#: look-alikes: a section heading with a bar but no brackets (dev3 gold "壹 | 缘起"), an
#: enumerator, a continuation mark, a bracketed aside with a bar inside a sentence
CREDIT_KEPT = ["壹 | 缘起", "（一）", "（上接第一版）", "（记者 王晓明 报道）",
               "（据统计，去年全市新增绿地面积超过三百公顷 | 数据来自园林局年报，今年还将继续增加）"]


def test_bracketed_credits_and_repost_notes_go_and_look_alikes_stay():
    assert picture_notes(CREDIT_NOTES + CREDIT_KEPT) == list(range(len(CREDIT_NOTES)))


@pytest.mark.parametrize("pid", ["h12_017", "h12_036"])
def test_credit_notes_go_from_real_pages(clean_pipeline, pid):
    raw, gold = dev_page("heldout12", pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [line for line in out if line.startswith("（手绘插画")]
    assert all(g in out for g in gold)


# --- clean.chrome closers: short-line phrases, and a paragraph that mentions an app -------

from nlp.clean.chrome import ChromeCleaner  # noqa: E402

CLOSERS = ["好了，以上就是今天要跟大家聊的内容，我们下期再会。", "以上就是本期为大家带来的内容",
           "按住下方小程序码两秒，每晚八点准时收到当日要闻合辑。", "长按图中二维码，关注更多本地资讯",
           "在客户端里看，图片更清晰、加载更快", "下载本地宝app，办事更方便"]
#: look-alikes: narrative that names an app or a client (held-out v12 h12_014's inews paragraph,
#: 97 characters), a sentence about seeing something in an app, a reporter's sign-off
CLOSER_KEPT = ["他们通过“股神推荐”“内幕股推荐”勾引人上当“内幕股”？骗术！利用微信分身软件一个人分饰八角在群内哄骗受害者"
               "下载app充值达成诈骗目的更可恨的是这些电诈集团不单骗钱还诱骗年轻人使他们误入歧途！",
               "市民在客户端里看到消息后，纷纷赶到现场。", "以上是记者在现场看到的情况。"]


def test_closers_go_and_paragraphs_naming_an_app_stay():
    chrome = ChromeCleaner()
    assert [bool(chrome.classify(s)) for s in CLOSERS] == [True] * len(CLOSERS)
    assert [chrome.classify(s) for s in CLOSER_KEPT] == [None] * len(CLOSER_KEPT)


# --- clean.title: a scraped "<headline>_<site>" over the bare headline --------------------

@pytest.mark.parametrize("pid", ["h12_008", "h12_027", "h12_030"])
def test_the_bare_headline_under_a_printed_page_title_is_the_title(clean_pipeline, pid):
    raw, gold = dev_page("heldout12", pid)
    doc = clean_pipeline.run(raw)
    out = kept_lines(doc)
    assert doc.info["title"] == gold[0] and out[0] == gold[0]
    assert all(g in out for g in gold)


def test_the_bare_headline_must_stand_alone_below_and_on_topic():
    from nlp.clean.base import lines_of
    from nlp.clean.title import TitleCleaner

    site_title = "城东三个小区加装电梯 居民出行更方便_江南晨报网"
    para = ["近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。",
            "街道工作人员介绍，加装电梯的费用由政府补贴和居民自筹两部分组成，工程历时半年。"]
    prose = "".join(para)

    def bare(lines):
        found = TitleCleaner()._bare_of_site_title(lines_of("\n".join(lines)), prose)
        return found.text if found else None

    assert bare([site_title, "城东三个小区加装电梯 居民出行更方便", *para]) == "城东三个小区加装电梯 居民出行更方便"
    # no bare headline below it; the headline only above it; an off-topic head (a site name)
    assert bare([site_title, "城东小区电梯投入使用", *para]) is None
    assert bare(["城东三个小区加装电梯 居民出行更方便", site_title, *para]) is None
    assert bare(["晨报网络电视台直播频道_江南晨报网", "晨报网络电视台直播频道", *para]) is None


# --- clean.markup: a notebook's markdown cells ---------------------------------------------

NOTEBOOK_CELLS = """In [1]:
print(title)
小区加装电梯 居民出行更方便

## 第二步：看看下一条
列表里的第二条结构一样，写成函数就能复用。

In [2]:
print(paras[0])
近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。

提示：运行前请先安装依赖。
"""


def test_notebook_markdown_cells_go_and_printed_output_stays():
    gone = _markup_removed(NOTEBOOK_CELLS)
    assert "## 第二步：看看下一条\n列表里的第二条结构一样，写成函数就能复用。" in gone
    assert "提示：运行前请先安装依赖。" in gone
    assert not [g for g in gone if "电梯" in g]


# --- clean.lines page pass: tag lists off the article's topic ---------------------------------

from nlp.clean.chrome import tag_lists  # noqa: E402

ARTICLE = ["近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。",
           "北京队在决赛中战胜了上海队，广东队获得第三名。"]


def test_tag_lists_off_topic_go_and_a_list_of_the_articles_names_stays():
    lines = ["本文涉及：垃圾分类  #夜间经济  #社区食堂", "热门标签 ＞ 社区食堂，夜间经济，文明养犬，适老改造",
             "参赛队伍：北京队，上海队，广东队", *ARTICLE]
    assert tag_lists(lines) == [0, 1]
    # two terms only, or a term that is a phrase of a sentence, is no tag list
    assert tag_lists(["标签：夜间经济，社区食堂", "主要做法：先把垃圾分好类，再按时投放到指定地点", *ARTICLE]) == []


@pytest.mark.parametrize("pid, tag", [("h12_022", "本文涉及："), ("h12_032", "标签云")])
def test_tag_lists_go_from_real_pages(clean_pipeline, pid, tag):
    raw, gold = dev_page("heldout12", pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [line for line in out if line.startswith(tag)]
    assert all(g in out for g in gold)



# --- clean.chrome forum: bare floor numbers start replies, the poster's name above them ------

THREAD = ["小区加装电梯 居民出行更方便", "楼主原创", "近日，城东街道三个老旧小区的电梯相继投入使用，居民出行更方便了。",
          "街道工作人员介绍，加装电梯的费用由政府补贴和居民自筹两部分组成，工程历时半年。",
          "感谢大家关注。", "江南小猫", "2#", "好事，支持一下。", "回复 ∣ 点赞 ∣ 举报", "城东老王", "3#", "我们小区什么时候装？",
          "回复 ∣ 点赞 ∣ 举报", "城西阿明", "4#", "排队等着呢。", "回复 ∣ 点赞 ∣ 举报", "返回列表"]


def test_replies_under_bare_floor_numbers_go_and_the_first_post_stays(clean_pipeline):
    doc = clean_pipeline.run("\n".join(THREAD))
    out = kept_lines(doc)
    for gone in ("江南小猫", "好事，支持一下。", "城东老王", "我们小区什么时候装？"):
        assert gone not in out
    assert THREAD[2] in out and THREAD[3] in out
    # only the short names above the floor numbers are posters (the first post's last line,
    # a short sentence, is not)
    posters = sorted(e.text.strip() for e in doc.edits if e.note == "forum poster")
    assert posters == sorted(["江南小猫", "城东老王", "城西阿明"])


def test_a_forum_page_loses_its_reply_and_poster(clean_pipeline):
    raw, gold = dev_page("heldout12", "h12_011")
    out = kept_lines(clean_pipeline.run(raw))
    assert "家门口的事，必须支持。" not in out and "瓯江渔歌" not in out
    assert all(g in out for g in gold)
