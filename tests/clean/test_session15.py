"""Session-15 passes of the clean stages (issue 8) on real lines of held-out v10/v11 and
DEV8/DEV9 pages (v10 and v11 are dev data since session 15): what must go and the
look-alike prose that must stay.

Each pipeline test failed on the session-start code (a4b30f1).
"""
from __future__ import annotations

import re

import pytest

from dev_pages import dev_page, kept_lines
from nlp.clean.above import labels_under_headline
from nlp.clean.chrome import picture_notes
from nlp.clean.markup import MarkupCleaner
from nlp.clean.stories import inserted_boxes, pasted_tail
from nlp.clean.title import _menu_like, stitched_lines
from nlp.document import Document


def _markup_removed(lines: list[str]) -> list[str]:
    text = "\n".join(lines) + "\n"
    doc = Document(id="t", text=text)
    edits = MarkupCleaner().process(doc)
    return [text[e.start:e.end].strip() for e in edits if text[e.start:e.end].strip()]


#: a scraper's run log around the extracted text (held-out v11 crawllog pages h11_016/017/021)
LOG = [
    "================ 抽取正文 END ================",
    "2023-02-04 23:30:10,102 WARN  [extractor] 正文末尾疑似混入推荐内容，已按原样保留，请人工复核。",
    "2023-02-04 23:30:11,116 INFO  [fetcher] GET https://www.kln-morning.hk/a/87507.html -> 200 (408 ms) （列表页第二条）",
    "[12:01:33] [ERROR] 连接超时，稍后重试",
    "INFO:root:本批处理完毕",
]
#: article lines that open with a date or a clock time (dev gold) or hold a rule-like run
DATED_PROSE = [
    "2016年4月5日，省农村土地承包经营权登记工作会议召开。",
    "00:45封面新闻讯（记者吴柳锋）13日，四川公安厅高速交警一支队通报了一起春运超载案例，当事司机可能将面临刑事处罚。",
    "2018-03-22 上午，我市警方成功侦破一起“网络水军”团伙犯罪案件。",
    "——日本羽毛球公开赛结束中国选手获得两枚金牌",
]


def test_console_log_lines_and_tool_banners_go():
    assert _markup_removed(LOG) == LOG


def test_dated_prose_is_no_log_line():
    assert _markup_removed(DATED_PROSE) == []


#: an article under a menu of the site's other headlines, and two of those stories pasted
#: under it (DEV8 d8_017, as clean.lines' page passes see it)
D8_017 = [
    "· 少女6年流产17次，医生:子宫薄如纸，再流可能以后就怀不上了!",
    "· 记者体验基层警察工作 事无巨细平凡坚守",
    "白人少女被刺伤 拒黑人医生诊治\"你太脏了\"",
    "英国一名18岁女子近日在吸毒和酗酒后被人刺伤，警方闻讯赶来将其送医救治，却被这名白人少女狂吐唾沫肆意辱骂。",
    "次日凌晨，警方接到一家公寓住户的报警后赶至现场搜查，在一间卧室里发现了沉睡的泽娜。她被唤醒后急需救治。",
    "“你不要碰我，你自己太脏了”，她肆无忌惮地凌辱医生，展开了种族主义的长篇大论。警方在治疗结束后将她逮捕。",
    "辩护律师安迪·哈钦森称，当事人受到酒精和毒品的控制，无法记起自己的过激言行，并称她十分后悔，希望得到宽大处理。",
    "【更多消息】",
    "记者体验基层警察工作 事无巨细平凡坚守",
    "基层派出所是公安系统中与群众打交道最多的部门，基层警察上班到底要干些什么?怎么干?记者今天(20日)随几名民警做了一番体验。",
]


def test_a_menu_above_the_headline_is_no_part_of_the_articles_topic():
    # the menu names the pasted story: read as the article's topic, it kept the story
    assert pasted_tail(D8_017) == [7, 8, 9]
    # without the menu the same cut (the menu only hid it)
    assert pasted_tail(D8_017[2:]) == [5, 6, 7]


def test_a_story_on_the_articles_topic_under_a_menu_stays():
    # the article's own next section: shares its topic words with the lines above
    page = D8_017[:7] + ["白人少女被判社区服务", "法院认为，这名白人少女在医院辱骂医生的行为构成种族歧视，判处其社区服务并赔偿医生。"]
    assert pasted_tail(page) == []


#: a news item with the editor's weather panel under it (held-out v11 h11_024, page-pass view)
H11_024 = """泰国高法判处首例贿选案
新华社曼谷１月２０日电据当地新闻媒体今天报道，泰国最高法院１９日判处一对贿选夫妇有期徒刑１年，这是在泰国历史上首次对贿选案做出的判决。
泰国最高法院还宣布，在那努奔和帕巴蓬·诗里巴尼夫妇在押期间不得获取保释。
据报道，泰国有关方面在两年多以前就已发现这对夫妇在１９９５年６月举行的大选期间企图对选民等进行贿赂。当时，警方人员在他们的住所里不但发现了一些选票，同时还发现了面值总额高达１１００万铢的现金。
此间舆论对这一判决普遍表示欢迎，因为它为在以后的大选中可能再会出现的贿选行为敲响了警钟。
主编圈选
天气趋势分析
受暖湿气流影响，今天晚上到明天，贵州南部、江南、华南西部和北部将有小到中雨。受较强冷空气影响，新疆北部、甘肃西部、青海北部、宁夏、内蒙古大部有５—６级偏北风；内蒙古东部、黑龙江西北部有小雪。""".splitlines()
#: a labelled section of the article under a short label, naming the article's subject
#: (dev2 e021: the gold keeps it)
E021_SECTION = ["【政策解读】",
                "《青春波尔卡》由北京电视台、连云港电视台及黑龙江聚兴（集团）股份有限公司联合摄制。曾执导了电影《东归英雄传》的麦丽丝执导该剧。"]
E021_ARTICLE = ["《青春波尔卡》：展示实在的青春风景",
                "如今的屏幕上，不时可见嗲声嗲气的所谓爱情青春片。而由赵葆华编剧，正在外景地连云港拍摄的电视连续剧《青春波尔卡》，却在展示着中国经济转型期的青春风景。",
                "一个秋日，山区的一辆长途汽车上，突遇几个车匪持枪抢劫。车匪当着一车乘客的面，将在花店打工的美丽女孩小莉拖下车去。",
                "“我们会一直干下去。”",
                "第一，扩大覆盖面。"]


def test_a_story_under_a_short_label_goes():
    # "天气趋势分析" has 6 Chinese characters: too short for a headline before session 15
    assert pasted_tail(H11_024) == [5, 6, 7]


def test_a_labelled_section_naming_the_articles_subject_stays():
    assert pasted_tail(E021_ARTICLE + E021_SECTION) == []
    # the same label over the weather lead: no name shared, so it goes
    assert pasted_tail(E021_ARTICLE[:4] + E021_SECTION[:1] + H11_024[-1:]) == [4, 5]


#: an article with another story's box set into it (DEV8 d8_007, page-pass view, shortened)
D8_007 = [
    "“管镇联动”把家门口的服务零距离融入金桥.碧云",
    "5月22日上午，上海市政府副秘书长、浦东新区区长杭迎伟带队莅临由金桥管委会、金桥股份、金桥镇联手打造的金桥·碧云国际社区家门口服务中心调研。",
    "【同场加映】",
    "永城一环卫工被撞后抢救无效身亡 肇事司机逃逸",
    "12月20日，永城市公安局交警大队快速侦破一起交通肇事逃逸案，肇事电动二轮车驾驶人赵某被抓获。",
    "金桥·碧云7300多名外籍人士60%以上的企业高管如何提供精品化的家门口服务？——金桥·碧云国际社区家门口服务中心给出了答案。",
    "社区服务圈由金桥镇牵头，联动各职能部门和碧云社区第二居民区家门口服务站一体化打造。",
]


def test_another_storys_box_inside_the_article_goes():
    assert inserted_boxes(D8_007) == [2, 3, 4]


def test_a_box_on_the_articles_subject_stays():
    # the same box, its story naming the article's 金桥 and 碧云: background of the article
    box = ["【延伸阅读】", "金桥碧云社区再获全国示范称号",
           "12月20日，金桥镇碧云社区获评全国示范社区，社区家门口服务站的做法被多地借鉴。"]
    assert inserted_boxes(D8_007[:2] + box + D8_007[5:]) == []


def test_a_labelled_opinion_section_of_the_article_stays():
    # dev3 f007: "【观点】" over the author's own paragraph (gold), no headline: no box
    _, gold = dev_page("dev3", "f007")
    assert inserted_boxes(gold) == []


def test_a_dated_report_under_the_editors_note_stays():
    # dev6 d6_004 (gold): an editor's note, then the report "本报上海１月２３日电…" on its subject
    _, gold = dev_page("dev6", "d6_004")
    assert pasted_tail(gold) == []


def test_another_storys_dated_lead_without_a_headline_goes():
    # held-out v11 h11_019's article (page-pass view, shortened) and the lead of another story under it
    page = ["新春北京：体育健身乐融融",
            "本报讯今年春节怎么过？对于北京的老百姓来说，多了一个新的选择：到体育场馆去健身。",
            "虎年春节期间，北京市体委、北京市体育总会将在全市各区县举办群众体育健身活动，场馆向市民开放。",
            "在古老的节日来临之际，体育，将为老百姓带来一个健康的新年，群众健身的热情越来越高。",
            "据新华社东京１月４日电（记者乐绍延）日本决定从今年起正式开展维护太空环境安全的研究，开发清除太空垃圾的技术。"]
    assert pasted_tail(page) == [4]


def test_an_automatic_summary_stitched_from_the_article_goes():
    # held-out v10 h10_007 (page-pass view, the panels under the article left out)
    page = [line.strip() for line in """涉嫌违法排放水污染物 常德一男子被移送公安机关
这篇报道讲述了并根据《环保法》第42条、63条将涉案责任人罗某移送公安机关做进一步处理；此外，文章指出发现鼎城区谢家铺镇金陵桥村4组罗某非规模牲猪养殖经营点存在违法排污现象。
5月18日，常德市谢家铺镇金陵桥村罗某因涉嫌违法排放水污染物，其牲猪养殖经营点被执法人员查处。执法人员发现鼎城区谢家铺镇金陵桥村4组罗某非规模牲猪养殖经营点存在违法排污现象。
经调查核实，罗某牲猪养殖经营点最高年出栏生猪87头，经营点散、乱、污，养殖废水未经处理直接排放。
5月18日常德市环境保护局鼎城区分局对罗某涉饮用水水源地严重环境违法行为进行立案查处，并根据《环保法》第42条、63条将涉案责任人罗某移送公安机关做进一步处理。""".splitlines()]
    assert stitched_lines(page) == [1]


@pytest.mark.parametrize("split, pid", [("dev5", "d5_015"), ("dev2", "e018"), ("dev2", "e004"), ("dev9", "d9_025")])
def test_leads_and_recaps_that_repeat_the_article_stay(split, pid):
    # gold pages whose lead or recap paragraph copies 60 %+ of itself from other paragraphs
    _, gold = dev_page(split, pid)
    assert stitched_lines(gold) == []


#: four other stories under a label, longer than the article (DEV8 d8_024, real lines, shortened)
MORE = ["【更多消息】",
        "官员酒后两次大闹公安检查站 辱骂威胁民警被刑拘",
        "华商报商洛讯(记者陈永辉)12月15日晚，在商洛北公安检查站发生一起闹剧:一名当地街道办干部酒后来到检查站，称要检查工作，随即上路拦截过往车辆。（详见今日3版）",
        "内马路社区安装新型鼠廊",
        "最近一段时间，沧浪新城吴门桥街道内马路社区的各小区每天早上，就会有几名工人在小区各处安装新型鼠廊，吸引了辖区内居民们好奇地上前围观。据悉，内马路社区被推荐为今年创建姑苏区健康社区，被吴门桥街道列为灭鼠试点社区。",
        "女孩儿一次横穿马路，母亲被吓死!奶奶被撞飞，舅舅:已山穷水尽",
        "每天出的最多的事故就是车祸事故了，如今的马路上放眼望过去能看到最多的就是房子还有车，所以交通安全和安全驾驶也尤为重要，国家也加力度管理交通秩序，但还是不少的事故发生。"]


def test_stories_longer_than_the_article_go_under_a_label_only():
    article = H11_024[:5]
    assert pasted_tail(article + MORE) == list(range(5, 5 + len(MORE)))
    # no label: a tail longer than the article may be the article's own second half
    assert pasted_tail(article + MORE[1:]) == []


@pytest.mark.parametrize("split, pid, gone", [
    # crawl logs: the run log and the banner under the extracted article
    ("heldout11", "h11_016", ["================ 抽取正文 END", "2023-02-04 23:30:10,102 WARN"]),
    ("heldout11", "h11_021", ["================ 抽取正文 END", "2020-04-17 18:04:11,116 INFO"]),
    # a portal dump: a menu of other headlines above, two of those stories pasted below
    ("dev8", "d8_017", ["记者体验基层警察工作", "基层派出所是公安系统中"]),
    # other stories under a short label or headline: a weather panel, reference material, a law box
    ("heldout11", "h11_015", ["天气趋势分析", "据中央气象台提供的信息"]),
    ("heldout10", "h10_021", ["【另附参考材料】", "衡南出土五代窑", "据新华社长沙"]),
    ("dev8", "d8_006", ["【法条链接】", "《中华人民共和国民法典》第五百七十七条"]),
    # another story's box set into the article, the article going on below it
    ("dev8", "d8_007", ["【同场加映】", "永城一环卫工被撞后"]),
    ("dev9", "d9_010", ["【插播】白玛旺扎", "今年29岁的白玛旺扎"]),
    # another story's dated lead under the article, no headline
    ("heldout11", "h11_005", ["本报北京１月２２日讯记者颜世贵报道"]),
    ("heldout10", "h10_028", ["新华社罗马１月１０日电"]),
    # an automatic summary under the headline
    ("heldout10", "h10_009", ["这篇报道讲述了"]),
    # other stories under a label, longer than the article
    ("heldout11", "h11_029", ["【身边事】", "吴卓林又出事"]),
])
def test_real_pages_lose_the_tool_and_page_lines_and_keep_the_article(clean_pipeline, split, pid, gone):
    raw, gold = dev_page(split, pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [g for g in gone if any(line.startswith(g) for line in out)]
    assert all(g in out for g in gold)


def test_a_long_labelled_tail_goes_from_a_real_page(clean_pipeline):
    # DEV8 d8_024: four stories under "【更多消息】", longer than the article (two of whose
    # paragraphs come out inexact for other reasons, so only the article's lines are checked)
    raw, gold = dev_page("dev8", "d8_024")
    out = kept_lines(clean_pipeline.run(raw))
    assert not [g for g in ["【更多消息】", "官员酒后两次大闹公安检查站", "内马路社区安装新型鼠廊", "女孩儿一次横穿马路"]
                if any(line.startswith(g) for line in out)]
    assert len(out) == len(gold) and out[0] == gold[0] and out[-1] == gold[-1]


#: bracketed picture notes of held-out v10/v11 and DEV8 pages
PICTURE_NOTES = ["（示意图片，非新闻现场）", "（照片由受访单位提供）", "（手[10]机拍摄 ◎ 龙秀英）", "（画面撷取 ┆ 岳红霞）",
                 "（文内图片均为网络截图）"]
#: bracketed lines that are no picture note: an enumerator, a continuation mark, a caption
#: that describes the picture (a paragraph by the README's caption rule), a long aside
BRACKETED_KEPT = ["（一）", "（上接第一版）", "（图为活动现场，工作人员正在布置展板）",
                  "（本报记者在现场看到，消防车和救护车停在小区门口，周边道路一度拥堵，图片已传至后台）"]


def test_bracketed_picture_notes_go_and_other_bracketed_lines_stay():
    assert picture_notes(PICTURE_NOTES + BRACKETED_KEPT) == list(range(len(PICTURE_NOTES)))


def test_picture_notes_go_from_a_real_page(clean_pipeline):
    raw, gold = dev_page("heldout11", "h11_025")
    out = kept_lines(clean_pipeline.run(raw))
    assert "（示意图片，非新闻现场）" not in out and "（手[10]机拍摄 ◎ 龙秀英）" not in out


def test_a_text_browsers_dump_is_recognised_and_cited_prose_is_not():
    raw, _ = dev_page("heldout11", "h11_025")
    assert MarkupCleaner.text_browser_dump(raw.decode("utf-8"))
    # an article citing its sources "[1]".."[5]" after its sentences, with no menu and no URL list
    cited = "\n".join(f"研究表明，城市绿地面积每增加一成，居民的健康水平也有提升[{k}]。" for k in range(1, 6))
    assert not MarkupCleaner.text_browser_dump(cited)


@pytest.mark.parametrize("pid, k", [("h11_002", 2)])
def test_a_text_browsers_link_numbers_go_and_the_paragraphs_stay_joined(clean_pipeline, pid, k):
    # gold line k held a link number ("问题[11]出在哪里？")
    raw, gold = dev_page("heldout11", pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert not [x for x in out if re.search(r"\[\d+\]", x)]
    assert gold[k] in out


def test_a_wrapped_line_shortened_by_a_removed_keyword_is_still_joined(clean_pipeline):
    # held-out v11 h11_023: "…《周恩" + injected keyword ended a full-width line of the wrap; with the
    # keyword gone it was shorter than the wrap width and the paragraph's last piece stayed apart
    raw, gold = dev_page("heldout11", "h11_023")
    out = kept_lines(clean_pipeline.run(raw))
    assert gold[1] in out and gold[3] in out
    assert "来手迹大字典》，在总理百年诞辰前夕由人民出版社出版。" not in out


def test_the_first_wrapped_line_of_the_lead_is_no_headline(clean_pipeline):
    # held-out v11 h11_025, a text browser's dump: no indents, the headline under the site's
    # title line and over a blank line; the lead's first wrapped line took the title
    raw, gold = dev_page("heldout11", "h11_025")
    out = kept_lines(clean_pipeline.run(raw))
    assert out[0] == gold[0] == "《远湖》——讲述农村新故事"


@pytest.mark.parametrize("line, field", [
    ("标签词（逗号分隔）：旧货换新，跨省通办，新就业群体", True),  # held-out v11 h11_007, a CMS form field
    ("关键词：春运，铁路，客流，返乡", True),
    ("消费者权益日：退一赔一", False),  # headlines with a colon (a clause or two after it)
    ("三部门发文：加强监管，保障安全", False),
])
def test_a_form_field_of_terms_is_no_headline(line, field):
    assert _menu_like(line) is field


def test_a_cms_pages_headline_beats_its_tag_field(clean_pipeline):
    raw, gold = dev_page("heldout11", "h11_007")
    out = kept_lines(clean_pipeline.run(raw))
    assert out[0] == gold[0] == "从此天涯海角人"


def test_a_statute_quoted_under_a_colon_label_goes():
    # DEV9 d9_005's gov open-information page: "政策依据：" and a statute under the article
    page = H11_024[:5] + ["政策依据：", "《中华人民共和国突发事件应对法》第十条规定：有关人民政府及其部门作出的应对突发事件的决定、命令，应当及时公布。"]
    assert pasted_tail(page) == [5, 6]


@pytest.mark.parametrize("split, pid", [("dev2", "e007"), ("dev2", "e014"), ("dev3", "f014"), ("dev3", "f023")])
def test_lead_ins_ending_in_a_colon_stay(split, pid):
    # gold pages with "具体措施如下：" / "数据显示：" / "具体来看：" over the article's own paragraph
    _, gold = dev_page(split, pid)
    assert pasted_tail(gold) == []


def test_form_labels_under_the_headline_go():
    # held-out v11 h11_014 (a CMS edit page, page-pass view): two empty field names above the lead
    page = ["常昊喜捧ＮＥＣ奖杯叶桂获新秀战冠军", "内容摘要：", "稿件正文：",
            "本报北京１月１７日讯记者李长云报道：第三届ＮＥＣ杯围棋赛今天在北京结束，常昊八段获得冠军。",
            "是役，常昊在开局十分不利的情况下，经过顽强搏杀反败为胜，夺得了本届比赛的冠军奖杯。"]
    assert labels_under_headline(page) == [1, 2]


@pytest.mark.parametrize("split, pid", [("dev2", "e014"), ("dev2", "e007"), ("dev3", "f014")])
def test_an_articles_lead_in_after_its_first_paragraph_stays(split, pid):
    # "数据显示：" / "具体措施如下：" follow a paragraph of the article (gold)
    _, gold = dev_page(split, pid)
    assert labels_under_headline(gold) == []


@pytest.mark.parametrize("split, pid, label", [("dev9", "d9_011", "节目文字稿："), ("heldout11", "h11_018", "稿件正文："),
                                               ("dev6", "d6_020", "以下为译文：")])
def test_form_labels_under_the_headline_go_from_real_pages(clean_pipeline, split, pid, label):
    raw, gold = dev_page(split, pid)
    out = kept_lines(clean_pipeline.run(raw))
    assert label not in out and gold[0] == out[0]
