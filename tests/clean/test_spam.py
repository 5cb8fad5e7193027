"""clean.spam: porn/gambling headers and keyword link lists (seed 004); crackdown articles kept."""
from __future__ import annotations

import pytest

from nlp.clean.spam import SpamCleaner
from nlp.document import Reason

P1 = "近日，公安机关开展打击网络赌博专项行动，依法关停赌博网站和在线赌场平台120余个，抓获犯罪嫌疑人300余名。"
P2 = "警方提醒，所谓百家乐在线开户、足球投注平台等均为违法赌博活动，广大群众切勿参与，发现线索请及时举报。"
P3 = "据介绍，此次行动共冻结涉赌资金2.3亿元，捣毁为赌博网站提供支付结算服务的非法团伙8个。"


@pytest.mark.parametrize("line", [
    "99国内视频_免费国产一级特黄aa大片在线_一区免费在线观看_国产视频不卡一区",   # seed 004 header
    "澳门新葡京娱乐_百家乐在线开户_时时彩计划网_真人棋牌游戏",
    "日韩精品在线播放视频| 岛国大片在线播放| 亚洲一区二区三区观看| 人妻熟妇",         # seed 004 list
])
def test_spam_lines(line):
    assert SpamCleaner().is_spam_line(line)


@pytest.mark.parametrize("line", [P1, P2, "打击网络赌博专项行动取得阶段性成果", "Java在线教程_编程入门_开发工具"])
def test_spam_keeps_articles_about_spam(line):
    assert not SpamCleaner().is_spam_line(line)


def test_spam_page_wrapped_in_spam(clean_pipeline):
    head = "澳门新葡京娱乐_百家乐在线开户_时时彩计划网_真人棋牌游戏"
    items = "| ".join(["成人影院在线", "免费午夜影院官网", "高清无码专区", "美女直播福利平台", "亚洲精品一区在线观看"] * 12)
    page = "\n".join([head, "", "网上严打赌博专项行动", P1, P2, P3, "相关阅读：", head, "", items])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["网上严打赌博专项行动", P1, P2, P3]
    assert {e.reason for e in doc.edits if "成人影院" in e.text} == {Reason.SPAM}
