"""clean.chrome: nav, meta, related lists, closers, footers, forum and comment chrome."""
from __future__ import annotations

import pytest

from nlp.clean.chrome import ChromeCleaner
from nlp.document import Reason

P1 = "12月23日，抖音电商发布《平台治理这一年》数据报告(以下简称“报告”)，全面盘点了2021年度该平台的治理工作进展及成果。"
P2 = "报告显示，抖音电商本年度已累计处罚了超97万个违规创作者，处罚违规商家超40万次，拦截了超9100万次违规商品发布。"
P3 = "此外，该平台全年投入超8000万元，用于对商品进行质检核查。平台消费者权益保障基金全年支付超1.8亿元。"


@pytest.mark.parametrize(("line", "reason"), [
    ("当前位置:网站首页 > 玩转抖音 > 正文", Reason.NAV),          # seed 000
    ("您现在的位置：主页 / 要闻 / 详情", Reason.NAV),
    ("首页 新闻 财经 科技 体育 登录 注册", Reason.NAV),
    ("« 上一篇文章的标题在这里", Reason.NAV),
    ("字体：大 中 小", Reason.NAV),
    ("分享至：微信 QQ 微博", Reason.NAV),
    ("更新时间:2022-10-21 08:22:13来源:鼎品软件浏览量:", Reason.META),  # seed 001
    ("DouJia 2023-02-20 04:30 240 浏览", Reason.META),               # seed 000
    ("出品/壹览商业", Reason.META),                                   # seed 000
    ("写于 2023-02-12，作者 编辑部", Reason.META),
    ("分类目录：旅游  标签：热点新闻, 财经资讯", Reason.META),
    ("以上便是小编为大家带来的通过抖音购物如何维护消费者权益,希望对大家有所帮助!", Reason.CLOSER),  # seed 001
    ("好了，以上就是本期的全部内容啦，喜欢的朋友记得点赞关注哦！", Reason.CLOSER),
    ("Copyright © 2022 某某网 版权所有", Reason.FOOTER),
    ("Powered by Discuz! X3.3", Reason.FOOTER),                       # seed 002
    ("(资料图片仅供参考)", Reason.CAPTION),                            # seed 004
    ("点击图片查看大图", Reason.CAPTION),
    ("相关推荐", Reason.RELATED),                                     # seed 000
    ("游戏排行", Reason.RELATED),                                     # seed 001
    ("发表评论", Reason.FORUM),
    ("您的电子邮箱地址不会被公开。", Reason.FORUM),
])
def test_chrome_classify_line_reason(line, reason):
    hit = ChromeCleaner().classify(line)
    assert hit is not None and hit[0] is reason


@pytest.mark.parametrize("line", [
    P1, "建立分级标准,构建优质正向内容生态", "严打售假侵权黑产,加强知识产权保护", "提升客服水平,切实保障消费者权益",
    "报告显示,截至年底,这些权益的订单覆盖率已达到99.4%,用户的合法权益在最大范围内得到有力保障。",
    "伊朗与美国于１９８０年断绝了外交关系。",
    "该网站首页显示，截至2023年5月，平台累计注册用户已超过3亿人，较上年增长12%。",
    "分享经济正在改变人们的生活方式。", "收藏家王先生介绍了这批文物的来历。",
])
def test_chrome_classify_keeps_prose_and_headings(line):
    assert ChromeCleaner().classify(line) is None


def test_chrome_related_list_ends_at_paragraph(clean_pipeline):
    """Titles, teasers and date lines after "相关推荐" go; a paragraph ends the list."""
    page = "\n".join([
        "某某新闻标题在这里", P1, "相关推荐", "校长自掏腰包买化妆品，鼓励女教师化淡妆上班",
        "在数字时代,短视频已经成为一种风靡全球的娱乐方式,而抖音国际版,也就是TikTok,无疑是...",
        "2025-04-03 01:30 DouJia", "挣钱须合法，男子非法运输危险物质被拘留", P2, P3,
    ])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["某某新闻标题在这里", P1, P2, P3]
    rel = [e for e in doc.edits if e.reason is Reason.RELATED]
    assert len(rel) == 4


def test_chrome_headless_list_and_comments_after_article(clean_pipeline):
    page = "\n".join([
        "某某新闻标题在这里", P1, P2, P3,
        "1. 此人杀了20万日本人，并且拒不道歉！", "2. 广西从严治党关键从严『治官』", "3. 垃圾乱丢卫生差 车辆乱停路难行",
        "秋天的叶子：好东西，收藏了", "zhangwei88：路过",
    ])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["某某新闻标题在这里", P1, P2, P3]
    assert sum(e.reason is Reason.FORUM for e in doc.edits) == 2


def test_chrome_site_header_above_breadcrumb(clean_pipeline):
    """Seed 000: the site name and search bar above "当前位置" are header."""
    page = "\n".join(["抖音最火", "百度360必应搜狗本站头条热榜", "当前位置:网站首页 > 玩转抖音 > 正文",
                      "抖音电商发布平台治理报告", P1, P2])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["抖音电商发布平台治理报告", P1, P2]


def test_chrome_forum_floor_style(clean_pipeline):
    page = "\n".join([
        "某某论坛 - 交流区", "李鹏接见海关关长会议代表", "楼主：bluesky",
        "1# bluesky 发表于 2020-10-07 11:41 只看该作者", "本帖最后由 bluesky 于 2020-10-07 11:41 编辑",
        P1, P2, "回复 支持 反对 举报",
        "2# tomcat_cn 发表于 2020-04-17 13:29", "说得很有道理", "回复 支持 反对 举报",
        "3# 阿杰 发表于 2022-05-08 02:48", "来看看", "回复 支持 反对 举报",
    ])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["李鹏接见海关关长会议代表", P1, P2]
    assert {e.reason for e in doc.edits if "说得很有道理" in e.text} == {Reason.FORUM}
