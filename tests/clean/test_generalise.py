"""Issue 8, third pass: rules that generalise beyond the first dev pool's strings.

Must-drop lines (with their reason code) and must-keep lines that look like chrome,
taken from the DEV2 pages (corpora/clean/dev2, make_dev2.py: news-app, WeChat, gov,
download, portal and 贴吧 shapes) and from People's Daily headlines; plus whole DEV2
pages that must clean to their gold exactly.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.clean.base import keyword_phrase
from nlp.clean.chrome import ChromeCleaner
from nlp.document import Reason

DEV2 = Path(__file__).resolve().parents[2] / "corpora" / "clean" / "dev2"
P1 = "审计署17日公布了2014年城镇保障性安居工程跟踪审计结果。公告显示，住房保障政策体系逐步健全，工作机制不断完善。"
P2 = "有16个项目单位通过编造项目资料等方式，套取财政补助、项目贷款等专项资金4.85亿元，用于自身经营等支出。"
P3 = "审计署有关部门负责人表示，对上述问题，各级审计机关已依法出具审计报告、下达审计决定。"


@pytest.mark.parametrize(("line", "reason"), [
    ("—— END ——", Reason.CLOSER), ("- END -", Reason.CLOSER), ("本文完", Reason.CLOSER), ("（完）", Reason.CLOSER),
    ("【完】", Reason.CLOSER),
    ("好了，今天的分享就到这里，我们下期再见！", Reason.CLOSER),
    ("今天的文章就先写到这里，大家有什么看法欢迎在评论区留言讨论。", Reason.CLOSER),
    ("点击上方“江城发布”，选择“设为星标”", Reason.CLOSER),
    ("喜欢就点个“在看”吧", Reason.CLOSER),
    ("下载锦城热线客户端，看更多深度报道", Reason.CLOSER),
    ("欢迎关注我的头条号，每天分享干货。", Reason.CLOSER),
    ("赞(89) 分享 在看", Reason.NAV), ("阅读 6329353", Reason.NAV), ("7297561人已阅读", Reason.NAV),
    ("只看楼主 收藏 回复", Reason.NAV), ("+关注", Reason.NAV), ("扫一扫在手机打开当前页", Reason.NAV),
    ("【打印本页】 【关闭窗口】", Reason.NAV), ("【打印】 【关闭】", Reason.NAV),
    ("（编辑 刘佳）", Reason.META), ("【责任编辑：李然】", Reason.META), ("本文来源：21世纪经济报道", Reason.META),
    ("值班编辑：网络编辑　终审：陈思远", Reason.META), ("本文标签：经济 | 乡村振兴 | 交通出行", Reason.META),
    ("本报记者 王晓峰", Reason.META),
    ("（央广网记者 周一鸣 摄）", Reason.CAPTION), ("▲图源网络", Reason.CAPTION), ("（本文配图来自网络）", Reason.CAPTION),
    ("图/IC photo", Reason.CAPTION), ("视频加载中...", Reason.CAPTION),
    ("特别声明：以上内容仅代表作者本人观点，不代表江淮观察网观点或立场。", Reason.FOOTER),
    ("如需转载，请联系后台授权。", Reason.FOOTER),
    ("风险提示：市场有风险，投资需谨慎。本文不构成投资建议。", Reason.FOOTER),
    ("网络文化经营许可证 浙网文〔2023〕21号", Reason.FOOTER),
    ("来自Android客户端", Reason.FORUM),
])
def test_generalised_chrome_reason(line, reason):
    hit = ChromeCleaner().classify(line)
    assert hit is not None and hit[0] is reason, hit


@pytest.mark.parametrize("line", [
    # section headings and short prose that share words with chrome (precision first)
    "【政策解读】", "记者观察", "记者手记", "好了，问题来了。", "分享到这里，他停顿了一下。", "点赞的人越来越多。",
    "来源于基层的声音，往往最真实。", "编辑部收到了大量读者来信。", "责任编辑这个岗位，他干了二十年。",
    "转载这篇文章的网友不少。", "阅读量突破了十万。", "作者在书中写道：“路是走出来的。”", "他用微信扫码支付了车费。",
    "我们都在看着他。", "截至目前，共有1200余人参与。",
    # article sentences carrying closer/notice words (the rules are anchored against them)
    "市民出行记得关注天气预报。", "市民可关注公众号查询。", "分析师称，这不构成投资建议。", "专家提醒，投资有风险，入市需谨慎。",
    "我们明天见分晓。", "平台随即联系删除了相关视频并致歉。",
    "而且，记者注意到，其网站下端标注的icp备案号为桂icp备17008678号-6，也就是说这个网站在工信部已进行过网站备案。",
    # People's Daily headlines with a colon or quotes
    "住房：《让老师满意》", "『只想做一个合格的医生』",
])
def test_generalised_chrome_keeps(line):
    assert ChromeCleaner().classify(line) is None


@pytest.mark.parametrize(("line", "phrase"), [
    ("抖音客服电话95152怎么转人工,抖音客服电话", "抖音客服电话"),   # seed 000
    ("社保卡余额查询_社保卡余额查询官网", "社保卡余额查询"),
    ("车险报价计算器【车险报价计算器入口】", "车险报价计算器"),
    # a headline repeating a topic word mid-sentence is not a keyword line (PD, dev2 e013)
    ("李铁映在全国政策咨询工作会议上说政策咨询研究应贴近政府决策", None),
    # a quote repeating a phrase after a comma is prose (inews)
    ("“流言蜚语真的可以害死人，压力真的可以压的人喘不过气来…..”", None),
])
def test_keyword_phrase(line, phrase):
    assert keyword_phrase(line, min_len=4) == phrase


def test_wechat_title_above_account_line(clean_pipeline):
    """The headline is line 1 and the dated account line below it is meta (dev2 e003)."""
    page = "\n".join(["审计发现:近百亿元保障性安居工程资金被挪用", "", "原创 赵敏 江城发布 2024-02-08 13:15 发表于广东", "",
                      "点击上方蓝字关注我们", P1, P2, P3, "—— END ——", "（编辑 刘佳）", "阅读 6329353", "赞(12) 分享 在看"])
    out = [ln for ln in clean_pipeline.run(page).text.splitlines() if ln]
    assert out == ["审计发现:近百亿元保障性安居工程资金被挪用", P1, P2, P3]


def test_download_headline_not_swept_into_header_run(clean_pipeline):
    """A text-dump headline above software facts and buttons is the title, not a link run (dev2 e007)."""
    page = "\n".join(["绿野软件园", "首页 视频 法治 数码 国际 科技 政务 文旅 教育 无障碍 客户端", "首页 / 国内 / 文章详情",
                      "支持舆论监督整顿文化市场福州公开销毁违禁游戏机", "应用平台：Android", "下载次数：8289982",
                      "软件语言：简体中文", "高速下载", "立即下载", "", P1, P2, P3])
    doc = clean_pipeline.run(page)
    out = [ln for ln in doc.text.splitlines() if ln]
    assert out[0] == "支持舆论监督整顿文化市场福州公开销毁违禁游戏机"
    assert out[1:] == [P1, P2, P3]


def test_forum_users_and_replies_below_article(clean_pipeline):
    """贴吧: user names, replies and floor stamps after the post go; the post stays (dev2)."""
    page = "\n".join(["江苏吧", "关注：591467 贴子：591467", "《青春波尔卡》：展示实在的青春风景", "只看楼主 收藏 回复", "用户a1b2",
                      P1, P2, P3, "来自iPhone客户端", "1楼2020-12-10 10:51", "收起回复", "用户2019", "楼主辛苦了",
                      "2楼2025-02-23 11:56", "zh_不说话", "涨知识了", "3楼2022-07-27 05:36", "我也说一句"])
    doc = clean_pipeline.run(page)
    out = [ln for ln in doc.text.splitlines() if ln]
    assert out == ["《青春波尔卡》：展示实在的青春风景", P1, P2, P3]


def test_keyword_injected_into_heading_keeps_heading(clean_pipeline):
    """A keyword injected once into a short heading is cut; the heading stays (dev2 e034/e041)."""
    page = "\n".join(["中药插上科技翅膀", P1, "车险报价计算器【车险报价计算器入口】", "（一）加车险报价计算器强组织领导", P2,
                      "具体措车险报价计算器施如下：", P3, "车险报价计算器_车险报价计算器官网"])
    out = [ln for ln in clean_pipeline.run(page).text.splitlines() if ln]
    assert out == ["中药插上科技翅膀", P1, "（一）加强组织领导", P2, "具体措施如下：", P3]


@pytest.mark.parametrize("pid", ["e003", "e007", "e010", "e021", "e034", "e041"])
def test_dev2_pages_clean_to_gold(clean_pipeline, pid):
    """Whole DEV2 pages (WeChat, download, app, 贴吧, gov shapes) give their gold exactly."""
    doc = clean_pipeline.run((DEV2 / f"{pid}.raw.txt").read_bytes(), id=pid)
    gold = (DEV2 / f"{pid}.gold.txt").read_text(encoding="utf-8").splitlines()
    assert [ln for ln in doc.text.splitlines() if ln] == gold


def test_reader_prompts_peeled_from_page_end_only(clean_pipeline):
    """Prompts that address the reader and ask for an action go from the page end; an
    article sentence with 关注 (no address) and a mid-article one stay (dev3)."""
    last = "关注民生，是这次会议的主题。"
    page = "\n".join(["中国农业银行深化改革纪实", P1, "如果喜欢这篇文章，请分享给更多的人。" + "他说。", P2, last,
                      "关注我，带你看更多精彩", "以上，就是今天的全部分享。", "如果喜欢这篇文章，请分享给更多的人。",
                      "© 2015-2024 南粤视点 版权所有"])
    out = [ln for ln in clean_pipeline.run(page).text.splitlines() if ln]
    assert out == ["中国农业银行深化改革纪实", P1, "如果喜欢这篇文章，请分享给更多的人。他说。", P2, last]
    reasons = {e.reason for e in clean_pipeline.run(page).edits if "以上，就是今天" in (e.text or "")}
    assert reasons == {Reason.CLOSER}


#: page-end chrome in wording none of the pools uses (written as a probe after tuning)
PROBE_TAIL = [
    "（文中图片均来自网络）", "编审：李明 | 终审：张华", "来源｜人民日报（ID：rmrbwx）", "【来源：人民网】", "供稿：县融媒体中心",
    "关键字：粮食 价格 市场", "#两会# #民生#", "收藏 0", "阅读(1234)", "[打印] [关闭窗口] [返回顶部]", "【纠错】",
    "微信扫一扫，分享到朋友圈", "下载APP，阅读更多精彩内容", "——完——", "（编辑：李四）", "今天就聊到这里，下次见！",
    "好了，本文到此结束，谢谢观看。", "小编就介绍到这里了。", "想了解更多精彩内容，快来关注我们吧。",
    "【版权声明】本网所有内容，未经书面授权，不得转载。", "本文仅供参考，不构成任何建议。", "相关阅读：", "还没有评论，快来抢沙发吧！",
    "第 1 页 共 3 页", "下一篇：没有了", "（受访者供图）", "ICP备案号：京ICP备12345678号",
]
#: prose and headings inside an article that share words with chrome
PROBE_KEEP = [
    "图为村民在田间劳作。", "编者按：近日，审计署发布了一份报告，引发广泛关注。", "完善制度，强化监管", "责任编辑，是一份责任。",
    "记者：您怎么看待这个问题？", "他说：“我们会继续关注此事。”", "分享，是一种美德。", "“下次见！”她挥手告别。",
    "来源于群众，服务于群众。", "一是加强领导", "（二）强化监管", "数据来源：国家统计局。", "感谢大家的支持，他说。",
    "附：审计发现的主要问题", "链接：什么是保障性住房", "那么，钱去哪儿了？",
]


def test_probe_tail_chrome_dropped(clean_pipeline):
    for k in range(0, len(PROBE_TAIL), 5):
        grp = PROBE_TAIL[k:k + 5]
        page = "\n".join(["审计署公布保障性安居工程跟踪审计结果", P1, P2, P3, *grp, "Copyright © 2024 某网 版权所有"])
        out = [ln for ln in clean_pipeline.run(page).text.splitlines() if ln]
        assert out == ["审计署公布保障性安居工程跟踪审计结果", P1, P2, P3], grp


@pytest.mark.parametrize("line", PROBE_KEEP)
def test_probe_lookalikes_kept_mid_article(clean_pipeline, line):
    page = "\n".join(["审计署公布保障性安居工程跟踪审计结果", P1, line, P2, P3])
    assert line in clean_pipeline.run(page).text.splitlines()


def test_headline_repeating_a_term_is_not_seo(clean_pipeline):
    """A headline that opens with a term and says it twice, where the body keeps the
    term inside a longer name (宁远县人民 + 医院), is not keyword stuffing (inews)."""
    title = "宁远县人民医院院长滥用职权，请给宁远县人民一个交代"
    body = ["宁远县人民医院院长欧阳某，长期以来不经过院委会讨论，自己说了算。",
            "有群众反映，宁远县人民医院的药材、医疗设备一直在长沙招标。",
            "另外，宁远县人民医院新建住院大楼的中央空调主机高价中标。"]
    out = [ln for ln in clean_pipeline.run("\n".join([title, *body])).text.splitlines() if ln]
    assert out == [title, *body]


def test_opening_question_below_headline_is_not_the_title(clean_pipeline):
    """People's Daily: a headline, then an opening question ending in ？ (dev2 e010 made a
    ？ headline under a site name win; here the headline above must stay the title)."""
    lines = ["住房分配货币化的必要性", "为什么说住房分配货币化是住房分配制度改革的方向呢？",
             "首先，住房分配货币化可以阻止新建住房不断地进入旧的住房体制。", P1]
    out = [ln for ln in clean_pipeline.run("\n".join(lines)).text.splitlines() if ln]
    assert out == lines


#: header lines above a headline and meta lines below it, in wording no pool uses (probe)
PROBE_ABOVE = ["南方日报网络版", "首页 | 新闻 | 体育 | 娱乐 | 财经 | 汽车 | 房产", "您当前的位置 : 首页 > 新闻中心 > 国内新闻",
               "手机版", "南粤在线 nanyue.com", "搜索", "热门搜索：高考 房价 疫情"]
PROBE_BELOW = ["2024-05-06 09:12:33 来源：南方日报 作者：林晓", "发布时间：2024年05月06日 09:12 | 来源：新华网 | 编辑：王琪",
               "作者：林晓 陈晨", "本报记者 林晓 实习生 陈晨", "新华社北京5月6日电", "【字号 大 中 小】", "浏览次数：1,234", "南方日报官方账号", "05-06 09:12",
               "原创 2024-05-06 09:12 · 南方日报", "我要评论(12)", "阅读量 5.6万"]


@pytest.mark.parametrize("title", ["审计署公布保障性安居工程跟踪审计结果", "近百亿元保障房资金被挪用？审计署回应",
                                   "“钱去哪儿了”：审计署详解保障房资金问题", "独家｜保障房审计背后",
                                   "iPhone 16发布：苹果押注AI", "记者调查｜保障房资金流向哪里",
                                   "2024年5月6日国务院常务会议部署保障房工作", "图解：保障房审计五大问题"])
def test_probe_header_around_headline(clean_pipeline, title):
    for k in range(0, len(PROBE_ABOVE), 4):
        for j in range(0, len(PROBE_BELOW), 4):
            page = "\n".join([*PROBE_ABOVE[k:k + 4], title, *PROBE_BELOW[j:j + 4], P1, P2, P3])
            out = [ln for ln in clean_pipeline.run(page).text.splitlines() if ln]
            assert out == [title, P1, P2, P3], (PROBE_ABOVE[k:k + 4], PROBE_BELOW[j:j + 4])


def test_probe_phpwind_thread(clean_pipeline):
    """A Discuz X thread in wording no pool uses: a breadcrumb without 首页 that ends with
    the thread title, floor names, post tools, login prompt (probe)."""
    title = "保障房资金被挪用，大家怎么看"
    page = ["南粤社区 » 时事热议 » " + title, "查看: 1234|回复: 12", title, "楼主", "发表于 2024-05-06 09:12",
            "只看该作者", "倒序浏览", P1, P2, P3, "收藏0", "分享", "淘帖", "举报", "沙发", "路人甲", "发表于 2024-05-06 10:00",
            "这种事早该查了", "板凳", "小王同学", "发表于 2024-05-06 10:30", "顶楼主", "返回列表", "高级模式",
            "您需要登录后才可以回帖 登录 | 注册", "Powered by Discuz! X3.5"]
    out = [ln for ln in clean_pipeline.run("\n".join(page)).text.splitlines() if ln]
    assert out == [title, P1, P2, P3]


def test_probe_gov_download_blog_pages(clean_pipeline):
    """Gov dump (政府信息公开 metadata without colons), download-site tutorial (小编推荐 list),
    WordPress post (X 说： comments under "2 条评论"), all in wording no pool uses (probe)."""
    t = "临江县开展保障性住房专项审计"
    pages = [
        ["临江县人民政府门户网站", "政务公开 政务服务 互动交流 数据开放", "当前位置：首页>政务公开>工作动态", t,
         "来源：县审计局  发布时间：2024-05-06  浏览次数：", "【打印】【关闭】",
         "索引号 11330000002482870X/2024-00012 发布机构 县审计局", "生成日期 2024-05-06 公开方式 主动公开", P1, P2, P3,
         "相关链接", "国务院 | 省政府 | 市政府", "主办：临江县人民政府办公室 承办：临江县大数据中心",
         "网站标识码：3300000001 浙ICP备05012345号", "浙公网安备 33000002000123号"],
        ["清风下载站 - 绿色软件下载", "首页 软件 游戏 手机 教程 专题", "清风下载站 > 教程 > 办公软件", t,
         "时间：2024-05-06 09:12 来源：本站整理 作者：小清 我要评论(0)", P1, P2, P3, "小编推荐：", "WPS Office 2024 官方版",
         "Office 2021 专业增强版", "相关教程", "Excel表格怎么求和", "Word文档怎么删除空白页", "友情链接：",
         "下载之家 | 华军软件园 | 太平洋下载", "本站软件均来自互联网，如有侵权请联系删除"],
        [t, "发表于 2024年5月6日 由 admin", P1, P2, P3, "分类：未分类 | 标签：审计，住房", "« 上一篇  下一篇 »", "2 条评论",
         "张三 说：", "2024年5月6日 10:00", "写得好！", "李四 说：", "2024年5月6日 11:00", "学习了", "发表回复",
         "您的电子邮箱地址不会被公开。 必填项已用*标注", "近期文章", "近期评论", "自豪地采用WordPress"],
    ]
    for page in pages:
        out = [ln for ln in clean_pipeline.run("\n".join(page)).text.splitlines() if ln]
        assert out == [t, P1, P2, P3], page[0]


@pytest.mark.parametrize("line", [
    "关键词 审计 保障房", "话题：保障房建设", "顶一下", "打赏作者", "长按下方二维码添加关注", "文章配图来源于网络",
    "（AI生成图片）", "本文来自微信公众号：南方日报（ID：nfrb）", "本文为南方日报原创稿件", "（本文转载自南方日报）",
    "以上内容由南方日报整理发布", "▍END", "觉得有用就点个赞吧", "喜欢本文请转发",
])
def test_probe_chrome_between_paragraphs(clean_pipeline, line):
    """Picture notes, tag lines, provenance and prompts also go between two paragraphs (probe)."""
    page = "\n".join(["审计署公布保障性安居工程跟踪审计结果", P1, line, P2, P3])
    assert line not in clean_pipeline.run(page).text.splitlines()
