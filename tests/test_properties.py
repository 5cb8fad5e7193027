"""Property tests for the foundation stages: never raise, offsets always valid (issue 7)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import Pipeline
from nlp.decode import decode
from nlp.document import OffsetMap

# text that looks like scraped Chinese pages: CJK (both scripts), ASCII, punctuation,
# newlines, plus anything Unicode can hold (surrogates excluded: str from JSON is repaired at decode)
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
page_chars = st.one_of(cjk, cjk, st.sampled_from("，。、：；！？“”《》()\n **<>/=\"'#-"), st.characters(blacklist_categories=("Cs",)))
pages = st.text(page_chars, max_size=400)

PIPE = Pipeline(stages=["convert"], on_error="raise")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decode_never_raises_on_bytes(data):
    dec = decode(data)
    dec.text.encode("utf-8")
    assert dec.replaced_bytes >= 0


@settings(max_examples=200, deadline=None)
@given(pages)
def test_decode_roundtrips_every_encodable_text(text):
    for enc in ("utf-8", "utf-16"):
        assert decode(text.encode(enc)).text == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_convert_offsets_always_valid(text):
    doc = PIPE.run(text)
    assert doc.status == "ok"
    n, m = len(doc.text), len(doc.raw)
    for i in range(0, n + 1, max(1, n // 17)):
        for j in (i, min(n, i + 1), min(n, i + 5)):
            rs, re_ = doc.to_raw(i, j)
            assert 0 <= rs <= re_ <= m
    assert doc.to_raw(0, n) == (0, m)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5), st.integers(0, 5)), max_size=8), st.integers(0, 60))
def test_offset_map_from_edits_is_monotonic(raw_edits, extra):
    # build sorted non-overlapping (start, end, replacement_length) edits over a source
    edits, pos = [], 0
    for gap, length, rlen in raw_edits:
        start = pos + gap
        edits.append((start, start + length, rlen))
        pos = start + length
    src_len = pos + extra
    m = OffsetMap.from_edits(edits, src_len)
    assert m.dst_len == src_len - sum(e - s for s, e, _ in edits) + sum(r for *_, r in edits)
    prev = 0
    for p in range(m.dst_len + 1):
        q = m.to_src(p)
        assert prev <= q <= src_len
        prev = q
    assert m.to_src(m.dst_len, side="end") == src_len
