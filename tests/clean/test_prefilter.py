"""The line prefilters of the clean stages must not change any result (speed only)."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from nlp.clean import chrome
from nlp.clean.base import literal_scan, required_literals

ROOT = Path(__file__).resolve().parents[2]
#: chrome lines of other sites' wording (none in the seeds), and prose that mentions the words
_EXTRA = [
    "字号：大 中 小", "【打印本页】 【关闭窗口】", "阅读 6329353", "7297561人已阅读", "赞(89) 分享 在看", "+关注",
    "首页 | 新闻 | 财经 | 体育", "南粤社区 » 时事热议 » 楼市传闻", "2 条评论", "来自Android客户端",
    "（央广网记者 周一鸣 摄）", "▲资料图", "—— END ——", "#热门话题# #另一个话题#", "索引号 11440000/2024-0001",
    "互联网新闻信息服务许可证：44120180001", "粤ICP备12345678号-1", "COPYRIGHT 2019 ALL RIGHTS RESERVED",
    "记者 王磊", "本报记者王磊 通讯员李娜", "2024-02-08 13:15 发表于广东", "发表评论", "猜你喜欢",
    "记者近日走访发现，这家工厂的年产量超过了2000吨，比去年增长了三成以上，带动了周边就业。",
    "他说：“首页上的广告太多了，我们会在下一个版本里改掉。”这番话引起了网友的热议。",
]


def _page_lines() -> list[str]:
    out = list(_EXTRA)
    for d in ("seeds", "corpora/clean/dev", "corpora/clean/dev2", "corpora/clean/dev3", "corpora/clean/dev4"):
        for p in sorted((ROOT / d).glob("*.txt")):
            if d == "seeds" or p.name.endswith(".raw.txt"):
                out += [ln.strip() for ln in p.read_text(encoding="utf-8", errors="replace").split("\n")]
    return [s for s in out if s]


def _unfiltered(s: str):
    """``_classify`` with the prefilter switched off: the rules themselves."""
    saved = chrome._chrome_candidate
    chrome._chrome_candidate = lambda _s: True
    try:
        return chrome.ChromeCleaner()._classify(s)
    finally:
        chrome._chrome_candidate = saved


def test_chrome_prefilter_passes_every_line_a_rule_claims():
    lines = _page_lines()
    claimed = [s for s in lines if _unfiltered(s) is not None]
    assert len(claimed) > 300  # the pages have chrome: the check is not vacuous
    missed = [s for s in claimed if not chrome._chrome_candidate(s)]
    assert not missed, missed[:5]
    # and it does filter: most prose lines skip the rules
    prose = [s for s in lines if len(s) > 60 and s.endswith("。") and _unfiltered(s) is None]
    assert sum(map(chrome._chrome_candidate, prose)) < 0.6 * len(prose)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="首页当前位置来源记者编辑摄图以上小编关注分享阅读评论责任完END2024-:：>»|（）() 。，的是了在",
               max_size=40))
def test_chrome_prefilter_on_random_lines(s):
    s = s.strip()
    if s and _unfiltered(s) is not None:
        assert chrome._chrome_candidate(s)


def test_required_literals_are_in_every_match():
    lines = _page_lines()
    for rx in (chrome._CLOSER, chrome._NAV, chrome._NAV_LINE_RE, chrome._CAPTION_RE, chrome._REPORTER_STRICT_RE):
        lits = required_literals(rx)
        assert lits
        for s in lines:
            m = rx.search(s)
            if m:
                assert any(x in m.group() for x in lits), (rx.pattern[:30], s)
    lits = required_literals(re.compile(r"xab+c|d[ef]"))
    assert lits and all(any(x in m for x in lits) for m in ("xabbc", "xabc", "de", "df"))
    assert "xa" in lits  # the longest run of literals is chosen
    assert required_literals(re.compile(r"a?b*")) is None
    assert required_literals(re.compile("abc", re.I)) is None
    scan = literal_scan(["关注", "首页", "»"])
    assert scan.search("返回首页") and not scan.search("回到主页")
