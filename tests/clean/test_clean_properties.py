"""Properties of the clean stages (hypothesis): never invent text, never crash, exact raw offsets."""
from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.document import Reason
from nlp.pipeline import Pipeline

CLEAN = ["clean.markup", "clean.corpus", "clean.chrome", "clean.spam", "clean.title", "clean.seo",
         "clean.censored", "clean.lines", "clean.layout"]

#: pieces of real pages (seeds 000-004) and markup, so generated pages hit the rules
FRAGMENTS = [
    "当前位置:网站首页 > 玩转抖音 > 正文", "DouJia 2023-02-20 04:30 240 浏览", "相关推荐", "游戏排行",
    "抖音客服电话95152怎么转人工,抖音客服电话", "12月23日抖音客服电话抖音电商发布《平台治理这一年》数据报告。",
    "通过抖音购物如何维护消费者权益", "以上便是小编为大家带来的通过抖音购物如何维护消费者权益,希望对大家有所帮助!",
    "作者:", "时间:", "2024-5-14 21:46", "谢谢楼主分享", "Powered by Discuz! X3.3", "售后**和**索赔。",
    "---", "title: \"抖音电商发布平台治理年终盘点\"", "+++", "<p>", "</p>", "<center><img src=\"a.jpg\"></center>",
    "[返回首页](//x.cn/)", "> ", "&nbsp;", "&ldquo;", "&amp;", "<br/>", "<h1>标题</h1>", "<title>标题_站点</title>",
    "99国内视频_免费国产一级特黄aa大片在线_一区免费在线观看", "日韩精品在线播放视频| 岛国大片在线播放| 亚洲一区二区三区观看",
    "报告显示,截至年底,这些权益的订单覆盖率已达到99.4%,用户的合法权益在最大范围内得到有力保障。",
    "1# bluesky 发表于 2020-10-07 11:41", "« 上一篇", "（资料图）", "\u3000\u3000", "\r", "\t", " ", "",
]
pages = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def pipes():
    return {
        "convert": Pipeline(stages=["convert"]),
        "all": Pipeline(stages=["convert", *CLEAN]),
        "plain": Pipeline(stages=[s for s in CLEAN if s != "clean.markup"]),
    }


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@SETTINGS
@given(pages)
def test_properties_clean_never_invents_text(pipes, page):
    """Output characters, ignoring newlines/spaces inserted for tags, are a subsequence
    of the converted input; the only other rewrite is an HTML entity decoded."""
    converted = pipes["convert"].run(page).text
    doc = pipes["all"].run(page)
    assert doc.status == "ok", doc.error
    for e in doc.edits:
        if e.replacement.strip() and not e.is_flag:
            assert e.reason is Reason.MARKUP and e.note == "entity", e
            assert e.replacement == html.unescape(e.text), e
    if "&" not in converted:
        squeeze = str.maketrans("", "", "\n \u00a0")
        assert _is_subsequence(doc.text.translate(squeeze), converted.translate(squeeze))


@SETTINGS
@given(st.text(max_size=300))
def test_properties_clean_never_crashes_on_unicode(pipes, text):
    doc = pipes["all"].run(text)
    assert doc.status == "ok", doc.error
    assert len(doc.text) <= len(pipes["convert"].run(text).text) + text.count("<") + 1


@SETTINGS
@given(pages)
def test_properties_edit_raw_slice_equals_removed_text(pipes, page):
    """No conversion, no markup: every edit's raw slice is the text it changed, once
    the raw text earlier edits already removed is taken out of it.

    An edit can straddle an earlier deletion (a last line removed with the newline
    before it, when the line above was removed by an earlier stage), and an edit
    ending at the end of the text maps to the end of the raw page (OffsetMap
    contract), over a tail deleted earlier; most edits' raw slice is exactly their text.
    """
    doc = pipes["plain"].run(page)
    assert doc.status == "ok", doc.error
    removed: set[int] = set()
    for e in doc.edits:
        raw = doc.raw[e.raw_start:e.raw_end]
        if raw != e.text:
            rest = "".join(ch for k, ch in enumerate(raw, e.raw_start) if k not in removed)
            assert rest == e.text, e
        if not e.is_flag:
            removed.update(range(e.raw_start, e.raw_end))
