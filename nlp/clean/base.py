"""Shared helpers of the clean stages: lines, line features, removal spans.

Every clean stage works on lines of ``doc.text`` (a scraped page is a sequence of
lines; boilerplate comes in whole lines far more often than inside them) and
proposes removals as :class:`~nlp.document.Edit` objects. Nothing here holds
state; the stage classes hold their options.

Thresholds cite the seed page that motivated them (``/work/shared/seeds``).
"""
from __future__ import annotations

import functools
import re
from itertools import accumulate, repeat
from operator import add, itemgetter, mul, sub
from typing import Iterable, Iterator, NamedTuple

from ..document import Reason, new_edit
from ..stage import Stage

#: CJK ideographs (BMP unified + extension A + compatibility).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
_CJK_RUN_RE = re.compile(f"[{CJK}]+")
#: punctuation that only appears inside running sentences (full and half width).
_SENT_PUNCT_RE = re.compile(r"[，。！？；、,;!?]")
#: a paragraph of prose ends like this (closing quotes/brackets may follow 。).
_WORD_CHAR_RE = re.compile(f"[{CJK}A-Za-z0-9]")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_TRUNCATED_ENDS = ("...", "…", "。。。")
_CLOSERS = "”’」』）)\"'"
_SENT_ENDS = "。！？!?…；;"
#: separators of link lists, breadcrumbs and site-title strings (seed 004 header
#: "…大片在线_一区免费在线观看_…", seed 004 footer "…视频| 岛国大片在线播放|…").
SEPARATORS = "|｜_>›»＞/／·•\u00b7"


class Line(NamedTuple):
    """One line of a text.

    Attributes:
        start (int): offset of the first character of the line.
        end (int): offset just past the last character (the newline excluded).
        text (str): the line without surrounding whitespace.
        lstrip (int): offset where ``text`` starts.
        index (int): 0-based line number.
    """

    start: int
    end: int
    text: str
    lstrip: int
    index: int

    @property
    def rstrip(self) -> int:
        """Offset just past ``text``."""
        return self.lstrip + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text


#: entries per per-line feature cache. Lines repeat within a page and across the pages of
#: one site (forum chrome, footers), and an LRU this size keeps those; a bigger one only
#: fills with one-off article lines: at 65,536 entries a batch run's peak RSS grew from
#: 205 to 237 MB between 50k and 150k records, at 4,096 it stays at 185 MB from 14k to 124k
#: records, with the same clean time (eval/bench/memory.py, eval/bench/clean_stages.py).
LINE_CACHE_SIZE = 1 << 12

#: lines_of results by text. Every stage splits the page again, and a stage that
#: changes nothing hands the next one the same string (most stages on a plain
#: article), so a small cache saves most splits (eval/bench/clean.py). Bounded by
#: characters; cleared by :func:`clear_caches`.
_LINES_CACHE: dict[str, list[Line]] = {}
_LINES_CACHE_MAX_CHARS = 2_000_000
_lines_cache_chars = 0


def lines_of(text: str) -> list[Line]:
    """Split ``text`` on ``\\n`` into :class:`Line` objects (offsets into ``text``).

    Returns a new list each call (callers may change it); the lines are shared.
    """
    global _lines_cache_chars
    hit = _LINES_CACHE.get(text)
    if hit is not None:
        return hit.copy()
    # column-wise with map/zip so the per-line work runs in C (a Python loop over
    # the lines was the largest single cost of the clean stages on plain articles)
    raws = text.split("\n")
    lens = list(map(len, raws))
    stripped = list(map(str.strip, raws))
    starts = list(accumulate(map((1).__add__, lens), initial=0))
    # indentation width; 0 for a blank line (its lstrip is its start)
    leads = map(mul, map(sub, lens, map(len, map(str.lstrip, raws))), map(bool, stripped))
    out = list(map(tuple.__new__, repeat(Line),
                   zip(starts, map(add, starts, lens), stripped, map(add, starts, leads), range(len(raws)))))
    if _lines_cache_chars + len(text) > _LINES_CACHE_MAX_CHARS:
        _LINES_CACHE.clear()
        _lines_cache_chars = 0
    _LINES_CACHE[text] = out
    _lines_cache_chars += len(text)
    return out.copy()


def nonblank(lines: Iterable[Line]) -> list[Line]:
    return [ln for ln in lines if ln.text]


def line_span(text: str, line: Line) -> tuple[int, int]:
    """The span that removes ``line`` entirely, with its newline.

    The newline after the line goes with it; the last line takes the newline
    before it instead, so no blank line is left behind either way.
    """
    if line.end < len(text):
        return line.start, line.end + 1
    if line.start > 0:
        return line.start - 1, line.end
    return line.start, line.end


# --- line features ---------------------------------------------------------
# Line features are cached by string: every stage looks at the same lines again
# (eval/bench/clean.py).
@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def cjk_count(s: str) -> int:
    # runs, not characters: a Chinese line is a few long runs, so far fewer objects
    return sum(map(len, _CJK_RUN_RE.findall(s)))


#: a run of two or more CJK ideographs (BMP unified + extension A): where bigrams live
CJK_BIGRAM_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def cjk_bigrams(s: str) -> set[str]:
    """The CJK bigrams of a line (every adjacent pair of ideographs: its topic words, roughly)."""
    out: set[str] = set()
    for m in CJK_BIGRAM_RUN_RE.findall(s):
        out.update(map(add, m, m[1:]))  # every adjacent pair of the run, built in C
    return out


def has_cjk(s: str, k: int) -> bool:
    """At least ``k`` Chinese characters (stops counting once there)."""
    n = 0
    for m in _CJK_RUN_RE.finditer(s):
        n += m.end() - m.start()
        if n >= k:
            return True
    return False


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def punct_count(s: str) -> int:
    return len(_SENT_PUNCT_RE.findall(s))


def digit_ratio(s: str) -> float:
    return len(_DIGIT_RE.findall(s)) / len(s) if s else 0.0


def latin_count(s: str) -> int:
    return len(_LATIN_RE.findall(s))


def is_truncated(s: str) -> bool:
    """Teaser snippets of related-article lists end in "..." (seed 000)."""
    return s.endswith(_TRUNCATED_ENDS)


def ends_like_prose(s: str) -> bool:
    """Ends with a sentence mark, closing quotes/brackets allowed after it."""
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _SENT_ENDS


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def is_prose(s: str) -> bool:
    """A line of running text: a finished sentence, or several clauses.

    Seed pages: every article paragraph (000-004) ends with 。 or has at least two
    clause marks and 20+ characters; chrome lines (nav, meta, labels, link lists)
    have neither. Section headings ("建立分级标准,构建优质正向内容生态", 16 chars,
    one comma) are *not* prose by this test; callers that must keep them use
    :func:`is_heading` as well.
    """
    if not has_cjk(s, 6):
        return False
    if ends_like_prose(s) and len(s) >= 10 and not is_truncated(s):
        return True
    return punct_count(s) >= 2 and len(s) >= 20


#: a lettered option opening a line: "A．", "B、", "（C）", "D."
OPTION_RE = re.compile(r"^[（(]?([A-HＡ-Ｈ])[）)]?\s*[．.、：:)）]")
#: a question's lead-in to its options: a clause ending with a colon, or with an answer gap
_QUESTION_LEAD_RE = re.compile(r"[，,。？?].{2,}(?:[：:]|[（(]\s*[）)])$")


def option_under_question(texts: list[str], k: int) -> bool:
    """Whether ``texts[k]`` (non-blank lines in page order) is a lettered option ("B．乙可以提起
    刑事附带民事诉讼") of a run that starts with "A" right under a question ending with a colon
    or an answer gap ("关于本案，下列说法正确的是：", "……的是（ ）"), each line of the run
    opening with the next letter: the question and its options are text (a legal exam
    question, a quiz in an article; session 18). An exam page's own questions over a reading
    text ("6．根据原文内容，下列说法不正确的一项是（3分）", held-out v14) end with the score, not a
    colon or gap: their options stay chrome."""
    m = OPTION_RE.match(texts[k])
    if m is None:
        return False
    j, letter = k, m.group(1)
    while letter not in "AＡ":
        j -= 1
        mj = OPTION_RE.match(texts[j]) if j >= 0 else None
        if mj is None or ord(mj.group(1)) != ord(letter) - 1:
            return False
        letter = mj.group(1)
    return j > 0 and _QUESTION_LEAD_RE.search(texts[j - 1]) is not None and cjk_count(texts[j - 1]) >= 8


def is_heading(s: str) -> bool:
    """A short line of Chinese words without sentence end: a heading or caption.

    4..60 characters (seed 001's longest section heading has 17, seed 002's longest
    caption 28; page titles reach ~45), mostly CJK.
    """
    n = len(s)
    if not 4 <= n <= 60:
        return False
    c = cjk_count(s)
    return c >= 4 and c >= 0.5 * n and not ends_like_prose(s)


_SEGMENT_SPLIT_RE = re.compile(f"[{re.escape(SEPARATORS)}\\s]+")


def segments(s: str) -> list[str]:
    """Split a line on link-list separators and whitespace."""
    # \s and str.isspace agree (both Py_UNICODE_ISSPACE); one C split instead of a
    # Python loop over characters
    return [x for x in _SEGMENT_SPLIT_RE.split(s) if x]


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def repeated_phrase(s: str, *, min_len: int) -> str | None:
    """The longest phrase of word characters found twice (non-overlapping) in ``s``.

    A keyword line states its keyword twice: seed 000 "抖音客服电话95152怎么转人工,
    抖音客服电话"; SEO templates write "<kw>是多少,<kw>" or "<kw>（<kw>最新）". Lines
    are short (callers pass at most ``max_keyword_line`` characters), so the cubic
    scan is cheap.
    """
    n = len(s)
    grams = [s[i:i + min_len] for i in range(n - min_len + 1)]
    if len(set(grams)) == len(grams):
        return None  # no min_len-gram occurs twice, so no longer phrase can
    # prefix counts make each candidate's checks O(1); checking every character of
    # every candidate made this cubic: 0.3 s per 80-character line, minutes for a
    # 400-character one (issue 7, tests/reliability/test_adversarial_regex.py)
    bad, cjk = [0] * (n + 1), [0] * (n + 1)
    for k, ch in enumerate(s):
        bad[k + 1] = bad[k] + (not _WORD_CHAR_RE.match(ch))
        cjk[k + 1] = cjk[k] + bool(_CJK_RE.match(ch))
    for size in range(n // 2, min_len - 1, -1):
        for i in range(0, n - 2 * size + 1):
            if bad[i + size] != bad[i] or cjk[i + size] - cjk[i] < 2:
                continue
            sub = s[i:i + size]
            if s.find(sub, i + size) >= 0:
                return sub
    return None


#: what separates the two statements of a keyword in an SEO line: punctuation,
#: brackets and list separators ("kw是多少,kw", "kw_kw官网", "kw【kw入口】").
_KW_GAP_RE = re.compile(r"[，,。；;、|｜_\-—()（）【】\[\]《》<>\s/]")


def keyword_phrase(s: str, *, min_len: int) -> str | None:
    """The phrase an SEO keyword line states twice, or None.

    A keyword line opens with its keyword and states it again soon after or after
    punctuation (seed 000 "抖音客服电话95152怎么转人工,抖音客服电话", template
    lines "kw_kw官网", "kw【kw入口】"). A headline that merely repeats a topic word
    mid-sentence ("…在全国政策咨询工作会议上说政策咨询研究应…", People's Daily,
    dev2 e013) is neither, and is not keyword stuffing.
    """
    n = norm_line(s)
    p = repeated_phrase(n, min_len=min_len)
    if p is None:
        return None
    i = n.find(p)
    j = n.find(p, i + len(p))
    # the keyword opens the line (after at most one bracket/char); a line that only
    # repeats a word after a comma mid-sentence ("…真的可以害死人，压力真的可以压…",
    # inews prose) is not a keyword line
    if i <= 1 and (j - i - len(p) <= 16 or _KW_GAP_RE.search(n, i + len(p), j)):
        return p
    return None


def norm_line(s: str) -> str:
    """Normalise a line for repetition counts (whitespace removed)."""
    return "".join(s.split())


# --- fast search ------------------------------------------------------------
def _first_set(seq) -> tuple[list[str] | None, bool]:
    """Class items that can start a match of parsed ``seq`` (None: any character),
    and whether ``seq`` can match the empty string."""
    from re import _constants as c

    items: list[str] = []
    for op, av in seq:
        if op is c.LITERAL:
            return items + [re.escape(chr(av))], False
        if op is c.IN:
            out = []
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.append(re.escape(chr(iav)))
                elif iop is c.RANGE:
                    out.append(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is c.CATEGORY and iav in _CATEGORIES:
                    out.append(_CATEGORIES[iav])
                else:  # NEGATE, unknown categories: give up
                    return None, False
            return items + out, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the first character comes from what follows
        if op is c.BRANCH:
            nullable = False
            for alt in av[1]:
                f, n = _first_set(alt)
                if f is None:
                    return None, False
                items += f
                nullable = nullable or n
            if not nullable:
                return items, False
            continue
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # inline flags change what a literal matches
                return None, False
            f, n = _first_set(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            f, n = _first_set(av[2])
            n = n or av[0] == 0
        else:  # ANY, NOT_LITERAL, group references, ...: any character
            return None, False
        if f is None:
            return None, False
        items += f
        if not n:
            return items, False
    return items, True


def _categories() -> dict:
    from re import _constants as c

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}


_CATEGORIES = _categories()


def first_char_guard(pattern: re.Pattern) -> re.Pattern:
    """The same regex, prefixed with a lookahead on the characters a match can start with.

    ``search``/``finditer``/``sub`` return exactly the same matches (the lookahead is
    zero-width and only rejects positions where no match can start), but positions
    are rejected by one character-class test instead of trying every alternative:
    3-4x faster on article lines for the long keyword alternations of the chrome
    rules (eval/bench/clean.py). Patterns whose first character is unconstrained
    (``.``, negated classes, inline flags, a possibly empty match) are returned as is.
    """
    from re import _parser

    parsed = _parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    items, nullable = _first_set(parsed)
    if items is not None and not nullable and items:
        return re.compile(f"(?=[{''.join(items)}])(?:{pattern.pattern})", pattern.flags)
    # alternatives anchored at the start of the string ("^…" without re.M, "\A…") can
    # only match at position 0, so their first characters do not matter elsewhere:
    # allow position 0, and elsewhere the first characters of the other alternatives
    # (a "^[^，。]{2,16}许可证…" branch no longer disables the guard of a footer rule)
    items = _unanchored_first_set(parsed, multiline=bool(pattern.flags & re.M))
    if items is None:
        return pattern
    lead = f"(?:\\A|(?=[{''.join(items)}]))" if items else "\\A"
    return re.compile(f"{lead}(?:{pattern.pattern})", pattern.flags)


def _unanchored_first_set(parsed, *, multiline: bool) -> list[str] | None:
    """First-character items of the top-level alternatives not anchored at the start
    of the string, or None when one of them is unconstrained (or nothing is anchored)."""
    from re import _constants as c

    seq = list(parsed)
    if len(seq) != 1 or seq[0][0] is not c.BRANCH:
        return None
    starts = (c.AT_BEGINNING_STRING,) if multiline else (c.AT_BEGINNING, c.AT_BEGINNING_STRING)
    items: list[str] = []
    anchored = False
    for alt in seq[0][1][1]:
        alt = list(alt)
        if alt and alt[0][0] is c.AT and alt[0][1] in starts:
            anchored = True
            continue
        got, nullable = _first_set(alt)
        if got is None or nullable or not got:
            return None
        items += got
    return items if anchored else None


def first_chars(*patterns: re.Pattern) -> re.Pattern | None:
    """A one-character class matching every character a match of any of ``patterns``
    can start with, or None when some pattern's first character is unconstrained.

    ``first_chars(a, b).match(s)`` is a necessary condition for ``a.match(s)`` or
    ``b.match(s)``: a cheap per-line prefilter for anchored rules (same results).
    """
    from re import _parser

    items: list[str] = []
    for pattern in patterns:
        got, nullable = _first_set(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE))
        if got is None or nullable or not got:
            return None
        items += got
    flags = re.I if any(p.flags & re.I for p in patterns) else 0
    return re.compile(f"[{''.join(items)}]", flags)


def _class_chars(items) -> set[str] | None:
    """The characters of a parsed character class, or None (negated, categories, big ranges)."""
    from re import _constants as c

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 32:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return out if len(out) <= 32 else None


def _more_selective(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two factor sets, the one whose shortest string is longest (then the smaller)."""
    if a is None or b is None:
        return b if a is None else a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _factors(seq) -> set[str] | None:
    """Strings one of which every match of parsed ``seq`` contains, or None."""
    from re import _constants as c

    best: set[str] | None = None
    run: list[str] = []  # consecutive literal characters: contiguous in every match
    for op, av in (*seq, (None, None)):
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _more_selective(best, {"".join(run)})
            run = []
        f = None
        if op is c.IN:
            f = _class_chars(av)
        elif op is c.BRANCH:  # one of the alternatives matches: the union of their factors
            f = set()
            for alt in av[1]:
                g = _factors(alt)
                if g is None:
                    f = None
                    break
                f |= g
        elif op is c.SUBPATTERN:
            f = None if av[1] or av[2] else _factors(av[3])  # inline flags change literals
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            f = _factors(av[2])
        # zero-width assertions, optional repeats, ANY, negated classes: no constraint
        best = _more_selective(best, f)
    return best


def required_literals(pattern: re.Pattern) -> set[str] | None:
    """A set of strings one of which every match of ``pattern`` contains, or None.

    The prefilter of multi-rule classifiers (the "required factors" of RE2/Hyperscan
    prefilters): a line containing none of the strings of a rule cannot match it, so
    one scan for the union of the rules' literals replaces a call per rule on most
    lines. Case-insensitive patterns return None (their literals have other cases).
    """
    from re import _parser

    if pattern.flags & re.I:
        return None
    return _factors(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE))


def literal_scan(literals: Iterable[str]) -> re.Pattern:
    """One regex finding any of ``literals`` (longest first, first-character guarded)."""
    alts = sorted(set(literals), key=lambda x: (-len(x), x))
    return first_char_guard(re.compile("|".join(map(re.escape, alts))))


# --- main content zone -----------------------------------------------------
def content_zone(lines: list[Line]) -> tuple[int, int]:
    """Index range ``[first, last]`` of lines between the first and last prose line.

    Lines outside it (the page header and footer) are where chrome lives; the
    stages are stricter about what they remove inside it. Returns ``(-1, -1)`` when
    the page has no prose line at all.
    """
    # from each end until the first hit (``lines`` are in index order): on an
    # article nearly every line is prose, so two tests instead of one per line
    first = next((ln.index for ln in lines if ln.text and is_prose(ln.text)), -1)
    if first < 0:
        return -1, -1
    last = next(ln.index for ln in reversed(lines) if ln.text and is_prose(ln.text))
    return first, last


# --- edits -----------------------------------------------------------------
def merge_spans(spans: Iterable[tuple[int, int, Reason, str]]) -> list[tuple[int, int, Reason, str]]:
    """Sort spans; a span overlapping an earlier one keeps only its part past it.

    Clipping (not dropping) matters for adjacent whole-line removals: the last line
    of a page takes the newline *before* it (:func:`line_span`), which the line
    above already took; dropping the span would leave that last line in place
    (seed 002: "Powered by Discuz! X3.3" under "欢迎光临 …").
    """
    out: list[tuple[int, int, Reason, str]] = []
    last_end = -1
    # sort by (start, -length) = (start, -end), as two stable C-keyed sorts
    ordered = sorted(spans, key=itemgetter(1), reverse=True)
    ordered.sort(key=itemgetter(0))
    for s, e, r, note in ordered:
        if s < last_end:  # max(s, last_end) without the builtin call (a span per removed line)
            s = last_end
        if e <= s:
            continue
        out.append((s, e, r, note))
        last_end = e
    return out


def removals(stage: Stage, spans: Iterable[tuple[int, int, Reason, str]]):
    """Edits removing each span (sorted, non-overlapping)."""
    name = stage.name  # an Edit equal to stage.edit()'s, built the fast way (document.new_edit)
    return [new_edit(s, e, "", name, r, "", -1, -1, 1.0, note) for s, e, r, note in merge_spans(spans)]


def iter_matches(pattern: re.Pattern, s: str) -> Iterator[re.Match]:
    return pattern.finditer(s)


#: caches of the stage modules' per-line predicates (see :func:`line_cache`)
_STAGE_CACHES: list = []


def line_cache(fn):
    """``functools.lru_cache`` for a pure per-line predicate of a stage module,
    emptied by :func:`clear_caches` like the features here."""
    cached = functools.lru_cache(maxsize=LINE_CACHE_SIZE)(fn)
    _STAGE_CACHES.append(cached)
    return cached


def clear_caches() -> None:
    """Empty the per-string feature caches (benchmarks time cold runs with it)."""
    global _lines_cache_chars
    for fn in (cjk_count, punct_count, is_prose, repeated_phrase, *_STAGE_CACHES):
        fn.cache_clear()
    _LINES_CACHE.clear()
    _lines_cache_chars = 0
