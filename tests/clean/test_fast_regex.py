"""first_char_guard (nlp/clean/base.py) must not change any match of the rules it speeds up."""
from __future__ import annotations

import re

import pytest

from nlp.clean import base, chrome
from nlp.clean.base import first_char_guard

#: the original (unguarded) rules, recompiled from their source
_RULES = {n: getattr(chrome, n) for n in dir(chrome) if n.endswith("_RE")}

#: chrome-like and prose lines not in the seeds (other sites' wording, case variants)
_EXTRA = [
    "copyright (C) 2019 某某日报社 ALL RIGHTS RESERVED", "(c) 2021", "powered BY wordpress",
    "您现在的位置：首页 > 教育 > 正文", "2024年3月1日 08:15 来源：新华网 阅读 1203", "12:30",
    "以上就是今天的全部内容", "感谢您的阅读", "  ", "", "#热门话题# #另一个话题#", "我要评论（12）",
    "本站部分文章来源于网络", "如有侵权请联系删除", "6666 楼主厉害", "MARK一下",
]


def _lines(seed_text) -> list[str]:
    out = list(_EXTRA)
    for t in seed_text.values():
        out += [ln.strip() for ln in t.split("\n")]
    return out


@pytest.mark.parametrize("name", sorted(_RULES))
def test_guarded_rule_finds_the_same_matches(name, seed_text):
    rx = _RULES[name]
    orig = re.compile(rx.pattern[rx.pattern.index("(?:") + 3:-1], rx.flags) if rx.pattern.startswith("(?=[") else rx
    guarded = first_char_guard(orig)
    for s in _lines(seed_text):
        assert [m.span() for m in orig.finditer(s)] == [m.span() for m in guarded.finditer(s)], (name, s)
        assert bool(orig.match(s)) == bool(guarded.match(s)), (name, s)


def test_guard_keeps_patterns_without_a_fixed_first_character():
    for p in (r"a*", r".b", r"[^x]y", r"(?:ab)?c?", r"(?i:ab)"):
        rx = re.compile(p)
        assert first_char_guard(rx) is rx


def test_guard_covers_optional_prefixes_and_anchors():
    rx = first_char_guard(re.compile(r"^[（(]?\s*(?:来源|作者)\s*[:：]|\d{4}年"))
    assert rx.pattern.startswith("(?=[")
    for s in ("（来源：新华社", "  作者:张三", "2023年", "来 源:", "据作者说"):
        assert bool(rx.search(s)) == bool(re.search(r"^[（(]?\s*(?:来源|作者)\s*[:：]|\d{4}年", s)), s
    assert base.first_char_guard(re.compile("Copyright", re.I)).search("COPYRIGHT 2020")


def test_lines_of_cache_hands_out_copies_with_the_same_lines(seed_text):
    text = seed_text["001"]
    base.clear_caches()
    first = base.lines_of(text)
    first.pop()  # a caller changing its list must not change the cached one
    again = base.lines_of(text)
    assert len(again) == len(first) + 1 == text.count("\n") + 1
    for ln in again:
        assert text[ln.start:ln.end].strip() == ln.text
        assert text[ln.lstrip:ln.rstrip] == ln.text
    assert again[0] is first[0]  # shared Line tuples (immutable)
