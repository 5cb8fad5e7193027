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
    assert dec.encoding in ("big5", "big5hkscs")
    assert dec.text == expected
    assert "快手電商" in dec.text


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_decode_boms_are_stripped(seed_text, bom, encoding):
    body = _body(seed_text, "003", 300)
    dec = decode(bom + body.encode(encoding))
    assert dec.text == body


def test_decode_corrupt_bytes_are_counted_not_raised(seed_text):
    body = _body(seed_text, "001", 400)
    # insert at a character boundary: a cut inside a character would add its own bad bytes
    data = body[:50].encode("utf-8") + b"\xff\xfe\xfa" + body[50:].encode("utf-8")
    dec = decode(data)
    assert dec.encoding == "utf_8"
    assert dec.replaced_bytes == 3
    assert dec.text.count("\ufffd") == 3
    assert _body(seed_text, "001", 400)[-50:] in dec.text


def test_decode_gbk_pasted_into_utf8_keeps_the_utf8_part(seed_text):
    utf8 = _body(seed_text, "001", 600)
    data = utf8.encode("utf-8") + "违规商家".encode("gbk") + utf8.encode("utf-8")
    dec = decode(data)
    assert dec.text.startswith(utf8)
    assert dec.replaced_bytes > 0


@pytest.mark.parametrize("data", [b"", b"\x00\x00\x00", bytes(range(256)), b"\x89PNG\r\n\x1a\n" + bytes(200)])
def test_decode_never_raises(data):
    dec = decode(data)
    assert isinstance(dec.text, str)
    dec.text.encode("utf-8")  # always encodable: no lone surrogates leak out


def test_decode_str_with_lone_surrogate():
    dec = decode("报告\ud800显示")
    assert dec.text == "报告\ufffd显示" and dec.replaced_bytes == 1
