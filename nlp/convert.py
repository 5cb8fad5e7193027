"""Traditional -> Simplified conversion with OpenCC, region-aware, offset-preserving.

Per document:
1. *Detect* whether the text is Traditional at all, by counting characters that
   exist in only one script (derived from OpenCC's own tables, so the two sets stay
   consistent with the converter). Simplified text is returned untouched.
2. *Pick the variant*: Hong Kong markers (HK character forms such as 裏/綫/衞,
   Cantonese particles) -> ``hk2s``; Taiwan-only vocabulary (軟體, 捷運 ...) ->
   ``tw2sp``, which also rewrites Taiwan phrasing (軟體 -> 软件); otherwise ``tw2s``,
   which converts characters only, including the aspect particle 著 -> 着 that
   plain ``t2s`` leaves alone. Mixed pages convert only their Traditional lines.
3. *Protect* terms OpenCC damages (``nlp/data/protected_terms.tsv``): they are cut
   out before conversion and replaced by their correct Simplified form.
4. Build an :class:`~nlp.document.OffsetMap` from the converted text back to the
   input: identity for lines whose length did not change (almost all), a
   character alignment (difflib) for the few lines where a phrase changed length.
"""
from __future__ import annotations

import difflib
import functools
import re
from importlib import resources

import numpy as np

from .document import Document, OffsetMap
from .errors import ConfigError
from .stage import Stage, Transform

MODES = ("auto", "t2s", "tw2s", "tw2sp", "hk2s", "none")

# Hong Kong markers: Cantonese particles and HK-only vocabulary. Character forms
# such as 裏/綫/爲 are NOT markers: OpenCC's own standard Traditional uses them.
# one alternation of literals (no leading character class): sre then scans for the
# alternatives' first characters in C, ~3x faster than "[㗎嘅...]|的士|..." (measured)
_HK_MARKERS = re.compile("|".join(["的士", "私隱", "屋邨", "特首", "立法會", "港府", "港鐵", "政府總部", "區議會",
                                   *"㗎嘅喺咗冇哋啲嚟嗰乜佢"]))
# Taiwan-only vocabulary: only these justify tw2sp's phrase conversion, which
# otherwise rewrites mainland phrasing written in Traditional script (seed 004:
# 資料圖片 would become 数据图片).
_TW_MARKERS = re.compile("軟體|網路|資訊|程式|伺服器|滑鼠|記憶體|計程車|印表機|行政院|立法院|總統府|新臺幣|新台幣|捷運|臺北|台北|高雄|臺中|台中|臺南|台南|桃園|新竹")


@functools.lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


_CJK_LO, _CJK_HI = 0x4E00, 0xA000  # the CJK Unified Ideographs block


@functools.lru_cache(maxsize=1)
def _script_chars() -> tuple[str, str]:
    """Characters that only Traditional (resp. only Simplified) text uses.

    A BMP CJK character is Traditional-only when ``t2s`` changes it and ``s2t`` does
    not, and Simplified-only in the opposite case; characters changed by both
    (乾/干, 於/于 ...) are ambiguous and not counted.
    """
    chars = "".join(chr(c) for c in range(_CJK_LO, _CJK_HI))
    t2s = _converter("t2s").convert(chars)
    s2t = _converter("s2t").convert(chars)
    trad, simp = [], []
    for ch, a, b in zip(chars, t2s, s2t):
        if a != ch and b == ch:
            trad.append(ch)
        elif b != ch and a == ch:
            simp.append(ch)
    return "".join(trad), "".join(simp)


@functools.lru_cache(maxsize=1)
def traditional_class() -> re.Pattern:
    """Regex class of the Traditional-only characters (``search`` is the cheap "any?" test;
    counting both scripts goes through :func:`count_script_chars`)."""
    return re.compile("[" + _script_chars()[0] + "]")


@functools.lru_cache(maxsize=1)
def _script_table() -> np.ndarray:
    """Code point -> 0 (neutral), 1 (Traditional-only), 2 (Simplified-only)."""
    trad, simp = _script_chars()
    table = np.zeros(0x110000, dtype=np.uint8)  # every code point (1.1 MB), so no clipping per lookup
    table[[ord(c) for c in trad]] = 1
    table[[ord(c) for c in simp]] = 2
    return table


def count_script_chars(text: str) -> tuple[int, int]:
    """``(traditional_only, simplified_only)`` character counts of ``text``.

    One vectorised table lookup over the code points: about 5x cheaper than two
    regex ``findall`` passes on Traditional pages, where matches are dense and each
    one allocates (eval/bench/convert.py).
    """
    if not text:
        return 0, 0
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    # ndarray.take is ~30x faster than fancy indexing for a lookup like this (measured)
    counts = np.bincount(_script_table().take(codes), minlength=3)
    return int(counts[1]), int(counts[2])


@functools.lru_cache(maxsize=None)
def load_protected(path: str | None = None) -> dict[str, str]:
    """Read a protected-terms TSV (``source<TAB>output<TAB>note``)."""
    if path:
        text = open(path, encoding="utf-8").read()
    else:
        text = resources.files("nlp").joinpath("data/protected_terms.tsv").read_text(encoding="utf-8")
    terms: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ConfigError(f"Protected-terms line needs source<TAB>output: {line!r}")
        terms[parts[0]] = parts[1]
    return terms


def _sample(text: str, limit: int = 60000) -> str:
    """Evenly spaced windows of a long text, so detection cost stays bounded."""
    if len(text) <= limit:
        return text
    step = len(text) // 6
    return "".join(text[i : i + limit // 6] for i in range(0, len(text), step))


def detect_script(text: str, *, min_share: float = 0.6, min_evidence: int = 3) -> tuple[str, dict]:
    """Return ``("traditional" | "simplified" | "unknown", evidence)``."""
    n_trad, n_simp = count_script_chars(_sample(text))
    evidence = {"traditional_chars": n_trad, "simplified_chars": n_simp}
    total = n_trad + n_simp
    if total < min_evidence:
        return "unknown", evidence
    return ("traditional" if n_trad / total >= min_share else "simplified"), evidence


def detect_variant(text: str, *, min_markers: int = 2) -> str:
    """``hk2s`` for Hong Kong text, ``tw2sp`` for Taiwan phrasing, else ``t2s``.

    ``t2s`` (no phrase rewriting) is the safe default; :func:`convert_text` then
    fixes the aspect particle 著 -> 着 that plain ``t2s`` leaves alone.
    """
    sample = _sample(text, 20000)
    hk = len(_HK_MARKERS.findall(sample))
    tw = len(_TW_MARKERS.findall(sample))
    if hk >= min_markers and hk > tw:
        return "hk2s"
    if tw >= min_markers:
        return "tw2sp"
    return "t2s"


def _align(src: str, dst: str, src_off: int, dst_off: int, blocks: list) -> None:
    """Append alignment blocks for one changed line (difflib on characters)."""
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for _tag, i1, i2, j1, j2 in sm.get_opcodes():
        blocks.append((dst_off + j1, dst_off + j2, src_off + i1, src_off + i2))


def _same_newlines(a: str, b: str) -> bool:
    """Equal-length texts with newlines at the same positions: every line kept its length."""
    if a.count("\n") != b.count("\n"):
        return False
    i = a.find("\n")
    while i != -1:  # a page has tens of lines: a find loop is cheaper than splitting both texts
        if b[i] != "\n":
            return False
        i = a.find("\n", i + 1)
    return True


def build_offset_map(src: str, dst: str) -> OffsetMap:
    """Offset map from ``dst`` (converted) back to ``src``; exact for equal-length lines."""
    if len(src) == len(dst) and _same_newlines(src, dst):
        return OffsetMap.identity(len(src))
    src_lines = src.split("\n")
    dst_lines = dst.split("\n")
    blocks: list[tuple[int, int, int, int]] = []
    if len(src_lines) != len(dst_lines):
        _align(src, dst, 0, 0, blocks)
    else:
        so = do = 0
        for a, b in zip(src_lines, dst_lines):
            if len(a) == len(b):
                blocks.append((do, do + len(b) + 1, so, so + len(a) + 1))
            else:
                _align(a, b, so, do, blocks)
                blocks.append((do + len(b), do + len(b) + 1, so + len(a), so + len(a) + 1))
            so += len(a) + 1
            do += len(b) + 1
        # the last line has no trailing newline
        d0, d1, s0, s1 = blocks[-1]
        blocks[-1] = (d0, min(d1, len(dst)), s0, min(s1, len(src)))
    merged: list[tuple[int, int, int, int]] = []
    for b in blocks:
        if b[1] == b[0] and b[3] == b[2]:
            continue
        if merged:
            p = merged[-1]
            if p[1] - p[0] == p[3] - p[2] and b[1] - b[0] == b[3] - b[2] and p[1] == b[0] and p[3] == b[2]:
                merged[-1] = (p[0], b[1], p[2], b[3])
                continue
        merged.append(b)
    return OffsetMap(merged or [(0, 0, 0, 0)], len(dst), len(src))


def _fix_zhe(src: str, out: str) -> str:
    """``t2s`` leaves 著 unconverted, but in Traditional text 著 is mostly the
    particle/verb that Simplified writes 着 (睡著 -> 睡着, 著力 -> 着力). OpenCC's
    ``tw2s`` tables decide it by phrase; they are ~1.7x slower than ``t2s`` on whole
    pages, so only a small window around each 著 is run through them."""
    if "著" not in out or len(src) != len(out):
        return out
    tw2s = _converter("tw2s")
    chars = list(out)
    i = out.find("著")
    while i != -1:  # find() jumps between occurrences in C; most pages have a few
        lo, hi = max(0, i - 3), min(len(src), i + 4)
        window = tw2s.convert(src[lo:hi])
        if len(window) == hi - lo:
            chars[i] = window[i - lo]
        i = out.find("著", i + 1)
    return "".join(chars)


# Hong Kong glyph variants that only OpenCC's hk2s maps (t2s, tw2s and tw2sp leave them as they are):
# the characters where hk2s and t2s disagree over the whole CJK block, less the rare 潀. A Traditional
# page is read as Hong Kong text only with Cantonese/HK vocabulary (detect_variant), so a plain HK
# news page written with 衞生 would otherwise come out as 衞生, not 卫生. One character each: offsets hold.
_HK_GLYPH_CHARS = "敍枱粧糭衞衹"
_HK_GLYPHS = str.maketrans(_HK_GLYPH_CHARS, "叙台妆粽卫只")


def _convert_plain(text: str, config: str) -> str:
    out = _converter(config).convert(text)
    if config in ("t2s", "hk2s"):
        out = _fix_zhe(text, out)
    if config in ("t2s", "tw2s", "tw2sp") and any(ch in out for ch in _HK_GLYPH_CHARS):
        out = out.translate(_HK_GLYPHS)   # translate is slow on CJK text; `in` is a fast C scan
    return out


def convert_text(text: str, config: str, protected: dict[str, str] | None = None) -> str:
    """Convert with OpenCC ``config``, keeping ``protected`` terms as listed."""
    if not protected:
        return _convert_plain(text, config)
    pattern = _protected_pattern(protected)
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append(_convert_plain(text[pos : m.start()], config))
        out.append(protected[m.group()])
        pos = m.end()
    if pos == 0:
        return _convert_plain(text, config)
    out.append(_convert_plain(text[pos:], config))
    return "".join(out)


_PATTERNS: dict[int, tuple[dict[str, str], re.Pattern]] = {}


def _protected_pattern(protected: dict[str, str]) -> re.Pattern:
    """The alternation of the protected terms, longest first; built once per term dict."""
    hit = _PATTERNS.get(id(protected))
    if hit is None or hit[0] is not protected:
        terms = sorted(protected, key=len, reverse=True)
        hit = (protected, re.compile("|".join(map(re.escape, terms))))
        _PATTERNS[id(protected)] = hit
    return hit[1]


class Converter(Stage):
    """Convert Traditional-script documents to Simplified (seed 004 is Traditional).

    Args:
        mode (str): ``auto`` (detect script and variant), ``t2s``, ``tw2s``, ``tw2sp``,
            ``hk2s`` or ``none``. Defaults to ``auto``.
        min_traditional_share (float): share of script-specific characters that must
            be Traditional-only for ``auto`` to convert. Defaults to 0.6.
        min_evidence (int): minimum count of script-specific characters before
            ``auto`` decides. Defaults to 3.
        protected_terms (str): path of an extra TSV of protected terms, merged
            over the bundled list. Defaults to ``""`` (bundled list only).
    """

    name = "convert"
    kind = "transform"
    requires = ("text",)
    emits = ("text", "offset_map", "info.script", "info.convert")

    def __init__(self, *, mode: str = "auto", min_traditional_share: float = 0.6, min_evidence: int = 3,
                 protected_terms: str = ""):
        if mode not in MODES:
            raise ConfigError(f"stages.convert.mode must be one of {MODES}, got {mode!r}.")
        self.mode = mode
        self.min_share = min_traditional_share
        self.min_evidence = min_evidence
        self.protected = dict(load_protected())
        if protected_terms:
            self.protected.update(load_protected(protected_terms))

    def _script_blocks(self, text: str) -> list[tuple[int, int, bool]]:
        """Split a mixed page into runs of lines that are / are not Traditional.

        Scraped pages mix scripts (seed 004: a Traditional article under a
        Simplified spam header and footer). Each line with script evidence decides
        for itself; lines without evidence join the run before them.
        """
        runs: list[tuple[int, int, bool]] = []
        pos = 0
        current = None
        for line in text.splitlines(keepends=True):
            t, s = count_script_chars(line)
            is_trad = current if t + s == 0 else (t / (t + s) >= self.min_share)
            if is_trad is None:
                is_trad = False
            if runs and runs[-1][2] == is_trad:
                runs[-1] = (runs[-1][0], pos + len(line), is_trad)
            else:
                runs.append((pos, pos + len(line), is_trad))
            current = is_trad
            pos += len(line)
        return runs

    def choose(self, text: str) -> tuple[str | None, dict]:
        """The OpenCC config to apply to ``text`` (None: leave it alone) and the evidence."""
        if self.mode == "none":
            return None, {}
        if self.mode != "auto":
            return self.mode, {}
        sample = _sample(text)
        if traditional_class().search(sample) is None:  # the common case (Simplified page): one scan, no allocation
            return None, {"traditional_chars": 0, "script": "simplified"}
        n_trad, n_simp = count_script_chars(sample)
        evidence = {"traditional_chars": n_trad, "simplified_chars": n_simp}
        # short texts (a sentence) may hold only a couple of script-specific
        # characters: enough when none of them is Simplified-only
        if n_trad < self.min_evidence and n_simp:
            evidence["script"] = "simplified"
            return None, evidence
        share = n_trad / (n_trad + n_simp)
        if share < self.min_share and n_trad < 20 * self.min_evidence:
            evidence["script"] = "simplified"
            return None, evidence
        evidence["script"] = "traditional" if share >= 0.98 else "mixed"
        return detect_variant(text), evidence

    def process(self, doc: Document) -> Transform | None:
        config, evidence = self.choose(doc.text)
        doc.info["script"] = evidence.get("script", "forced" if config else "kept")
        doc.info["convert"] = config or "none"
        if config is None:
            return None
        if self.mode == "auto" and evidence.get("script") == "mixed":
            # some Simplified text too: convert only the Traditional runs of lines
            parts = []
            for start, end, is_trad in self._script_blocks(doc.text):
                chunk = doc.text[start:end]
                parts.append(convert_text(chunk, config, self.protected) if is_trad else chunk)
            out = "".join(parts)
        else:
            out = convert_text(doc.text, config, self.protected)
        if out == doc.text:
            return None
        return Transform(out, build_offset_map(doc.text, out))
