"""Decode bytes of unknown encoding (UTF-8 with/without BOM, GB18030/GBK/GB2312,
Big5, UTF-16) into text, never raising on bad bytes.

Detection order, cheapest first: BOMs; strict UTF-8 (most scraped text); then
charset-normalizer (https://github.com/jawah/charset_normalizer) restricted to the
configured candidates. Undecodable bytes are never fatal:
they can be counted exactly: a codec error handler replaces each bad byte by
U+FFFD and counts it.
"""
from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
# charset-normalizer's names -> Python codec names we report
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5hkscs": "big5hkscs"}


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    replaced_bytes: int = 0


_counter = threading.local()


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: replace each undecodable run by U+FFFD per byte and
    count the bytes, so the record can report exactly how many were lost."""
    n = err.end - err.start
    _counter.n = getattr(_counter, "n", 0) + n
    return "\ufffd" * n, err.end


codecs.register_error("zhie-count", _count_and_replace)


def _decode_counting(data: bytes, encoding: str) -> Decoded:
    _counter.n = 0
    text = data.decode(encoding, errors="zhie-count")
    return Decoded(text, encoding, _counter.n)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs in every other byte of mostly-ASCII text, or
    consistently in one lane for CJK text are rarer; rely on ASCII punctuation/newlines."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.2 * half and even_nul < 0.02 * half:
        return "utf_16_le"
    if even_nul > 0.2 * half and odd_nul < 0.02 * half:
        return "utf_16_be"
    return None


def decode(data: bytes | str, candidates: list[str] | tuple[str, ...] = ("gb18030", "big5", "utf_16_le", "utf_16_be")) -> Decoded:
    """Decode ``data``; text input passes through (reported as ``"str"``).

    Args:
        data: the raw bytes of a page, or an already decoded str.
        candidates: encodings charset-normalizer may choose among when the bytes
            are neither BOM-marked nor valid UTF-8.

    Returns:
        Decoded: the text, the encoding chosen and how many bytes were replaced.
    """
    if isinstance(data, str):
        # lone surrogates (e.g. from JSON "\\ud800") cannot be encoded later: replace them
        if _has_surrogates(data):
            fixed, n = _LONE_SURROGATES.subn("\ufffd", data)
            return Decoded(fixed, "str", n)
        return Decoded(data, "str", 0)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf_32" and not _valid_utf32(data):
                continue  # FF FE 00 00 is also UTF-16-LE's BOM followed by a NUL character
            if enc == "utf_16" and data.startswith(codecs.BOM_UTF32_LE) and _valid_utf32(data):
                continue
            return _decode_counting(data, enc)
    try:
        return Decoded(data.decode("utf-8"), "utf_8", 0)
    except UnicodeDecodeError:
        pass
    u16 = _looks_utf16(data)
    if u16:
        return _decode_counting(data, u16)
    enc = _detect(data, candidates)
    return _decode_counting(data, enc)


def _valid_utf32(data: bytes) -> bool:
    """A UTF-32 BOM followed by at least one whole, valid code point."""
    if len(data) <= 4 or len(data) % 4:
        return False
    try:
        data.decode("utf_32")
    except UnicodeDecodeError:
        return False
    return True


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _strict_ok(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


# Pages labelled Big5 are written in one of its extensions: Windows software writes CP950
# (Python's codec reads 0xA145/0xA1E3/0xA241 as ‧ ～ ∕ where plain Big5 reads • ∼ ／),
# Hong Kong sites HKSCS (0x87-0xA0 and 0xF9-0xFE lead bytes, which CP950 maps to
# private-use code points and plain Big5 rejects). GB18030 accepts almost any byte pair,
# so it "strictly" decodes a Big5 page it should not win; a ``big5`` candidate therefore
# stands for the family: among the members that decode strictly, the one that leaves the
# fewest suspect characters, plain Big5 first on a tie (every page it read before reads
# the same). Suspect: private-use code points, and kana, which is what CP950 and plain
# Big5 make of HKSCS's circled numbers (①-⑳ at 0xC6A1) in Chinese prose. (DEV5
# d5_014/d5_021, Big5-HKSCS pages, were read as GB18030 mojibake.)
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
_GB = ("gb18030", "gbk", "gb2312")
_SUSPECT = re.compile("[\ue000-\uf8ff\u3040-\u30ff]")


def _best_big5(data: bytes) -> str | None:
    """The Big5-family codec that decodes ``data`` strictly with the fewest suspect characters."""
    best, best_suspect = None, None
    for enc in _BIG5_FAMILY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        suspect = len(_SUSPECT.findall(text))
        if best_suspect is None or suspect < best_suspect:
            best, best_suspect = enc, suspect
        if suspect == 0:
            break
    return best


def _strict_cjk(data: bytes, candidates) -> list[str]:
    """The Chinese candidates that decode ``data`` without error, one per family."""
    ok: list[str] = []
    for c in candidates:
        if c in _BIG5_FAMILY:
            hit = _best_big5(data)   # the same answer for every family member: kept once below
        elif c in _GB and _strict_ok(data, c):
            hit = c
        else:
            continue
        if hit is not None and hit not in ok:
            ok.append(hit)
    return ok


def _detect(data: bytes, candidates) -> str:
    # Cheap decisive case: exactly one double-byte Chinese codec decodes strictly.
    ok = _strict_cjk(data, candidates)
    if len(ok) == 1 and ok[0] != "gb18030":
        return ok[0]
    if len(ok) == 2 and "gb18030" in ok:
        # both families decode: the one whose text is ordinary Chinese wins
        return _prefer_chinese(data, next(o for o in ok if o != "gb18030"))
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(candidates) + ["utf_8"]).best()
    if best is not None:
        return _ALIASES.get(best.encoding, best.encoding)
    if ok:
        return ok[0]
    # mostly-UTF-8 with corrupt bytes (or GBK pasted into UTF-8): keep what is valid
    if _utf8_share(data) > 0.5:
        return "utf_8"
    return "gb18030"


def _utf8_share(data: bytes) -> float:
    bad = _decode_counting(data, "utf-8").replaced_bytes
    return 1 - bad / max(len(data), 1)


# Frequent characters of running Chinese text, in both scripts. A wrong
# double-byte decoding produces rare characters, so the share of frequent ones
# separates GB18030 from Big5 when both decode without error.
_FREQUENT = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质队保"
    "這們個來為時會對於學國經發過與說後還現從關進種麼點機開長問樣動當間頭裡實體沒種應電業員產與將並當認務題門運區東車說"
)


def _prefer_chinese(data: bytes, big5: str = "big5") -> str:
    """GB18030 or the Big5 codec ``big5``: whichever reads as more frequent characters."""
    scores = {}
    for enc in ("gb18030", big5):
        text = data.decode(enc, errors="replace")
        han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") or 1
        scores[enc] = sum(1 for ch in text if ch in _FREQUENT) / han
    return max(scores, key=scores.get)
