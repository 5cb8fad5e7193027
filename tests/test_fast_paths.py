"""The pipeline's fast paths equal the plain ones (speed work, issue 8).

``new_edit`` must build the same Edit as ``Edit(...)``; ``OffsetMap.spans_to_src``
must map every span exactly like ``span_to_src``, on maps built from random edit
lists (deletions, insertions, replacements, empty blocks at both ends).
"""
from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.document import Edit, OffsetMap, Reason, new_edit


def test_new_edit_equals_edit():
    args = (3, 7, "", "clean.chrome", Reason.NAV, "当前位置", 10, 14, 0.5, "breadcrumb")
    fast, plain = new_edit(*args), Edit(*args)
    assert type(fast) is Edit and fast == plain and hash(fast) == hash(plain)
    assert new_edit(1, 2, "x", "s", Reason.SEO) == Edit(1, 2, "x", "s", Reason.SEO)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # still frozen


@st.composite
def maps_and_spans(draw):
    n = draw(st.integers(0, 40))
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    edits, last = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= last:
            edits.append((a, b, draw(st.integers(0, 3))))
            last = b if b > a else a + 1
    m = OffsetMap.from_edits([e for e in edits if e[0] <= n], n)
    pos = st.integers(0, m.dst_len)
    spans = [tuple(sorted(draw(st.tuples(pos, pos)))) for _ in range(draw(st.integers(0, 15)))]
    return m, spans


@settings(max_examples=300, deadline=None)
@given(maps_and_spans())
def test_spans_to_src_equals_span_to_src(case):
    m, spans = case
    starts, ends = m.spans_to_src([s for s, _ in spans], [e for _, e in spans])
    assert list(zip(starts, ends)) == [m.span_to_src(s, e) for s, e in spans]


def test_forum_first_chars_is_a_necessary_condition():
    """Every line of the Discuz seed (002) that a forum rule matches passes the
    first-character prefilter, and the prefilter rejects most article lines."""
    from pathlib import Path

    from nlp.clean import chrome
    from nlp.clean.base import first_chars, lines_of

    rules = (chrome._FORUM_LABEL_RE, chrome._FLOOR_RE, chrome._FORUM_INLINE_RE)
    first = first_chars(*rules)
    assert first is not None
    seed = next((Path(__file__).resolve().parents[1] / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    lines = [ln.text for ln in lines_of(seed) if ln.text]
    hits = [s for s in lines if any(r.match(s) for r in rules)]
    assert len(hits) >= 3  # the seed is a forum thread
    assert all(first.match(s) for s in hits)
    assert sum(1 for s in lines if first.match(s)) < len(lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["作者", "时间", ":", "：", " ", "2#", "楼主", "发表于", "2020-04-17", "13:29",
                                 "回复", "引用", "TOP", "沙发", "本帖最后由", "编辑", "x", "看看", "12", "楼"]),
                max_size=8))
def test_first_chars_never_rejects_a_match(parts):
    from nlp.clean import chrome
    from nlp.clean.base import first_chars

    s = "".join(parts).strip()
    rules = (chrome._FORUM_LABEL_RE, chrome._FLOOR_RE, chrome._FORUM_INLINE_RE)
    if s and any(r.match(s) for r in rules):
        assert first_chars(*rules).match(s)


_ANCHORED = [
    # seed-style footer rule with a start-anchored licence branch (negated first class)
    re.compile(r"版权所有|Copyright|^免责声明|^[^，。！？\s]{2,16}许可证\s*[:：]?\s*[^，。！？]{1,40}$|侵删", re.I),
    re.compile(r"\A[^a]b|关于我们|^(?:首页|当前位置)"),
    re.compile(r"^[^x]{2}$|^.{3}许可"),  # every branch anchored
    re.compile(r"^[^x]y|z", re.M),      # multiline: anchored branches match after newlines, no guard
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="版权所有Copyrightc免责声明许可证侵删关于我们首页当前位置ab xyz，。\n", max_size=30))
def test_first_char_guard_with_anchored_branches_finds_the_same_matches(s):
    from nlp.clean.base import first_char_guard

    for p in _ANCHORED:
        g = first_char_guard(p)
        assert [m.span() for m in g.finditer(s)] == [m.span() for m in p.finditer(s)]
        assert bool(g.search(s)) == bool(p.search(s))


def test_first_char_guard_guards_a_rule_with_an_anchored_unconstrained_branch():
    from nlp.clean.base import first_char_guard

    assert first_char_guard(_ANCHORED[0]).pattern.startswith("(?:\\A|(?=[")
    assert first_char_guard(_ANCHORED[3]) is _ANCHORED[3]
