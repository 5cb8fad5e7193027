"""Remove SEO keywords injected inside sentences and keyword lines (seed 000: 抖音客服电话).

Seed 000 inserts "抖音客服电话" into sentences ("12月23日抖音客服电话抖音电商发布",
"有质量抖音客服电话的GMV") and stuffs it into the page title and standalone lines.
A phrase is an injected keyword when it is

1. a *maximal repeat*: it occurs at least ``min_repeats`` times and cannot be
   extended by a character shared by all its occurrences;
2. *stuffed*: it fills a short non-sentence line (>= ``min_line_share`` of it,
   or twice in one line, as in the title "抖音客服电话95152怎么转人工,抖音客服电话"),
   or it is foreign to the page: one of its words occurs nowhere else;
3. *not in subject position*: a real topic term ("抖音电商") mostly opens a
   clause, right after punctuation; an injected phrase lands inside clauses, so
   the share of its in-sentence occurrences that follow punctuation must stay
   below ``max_clause_start_share``.

Each in-sentence occurrence is removed (the sentence is kept) and each keyword
line is removed whole, all with ``Reason.SEO``.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from ..document import Document, Edit, Reason
from ..stage import Stage
from .base import CJK, Line, cjk_count, is_prose, line_span, lines_of, norm_line, removals, repeated_phrase

_TOKEN_CHAR_RE = re.compile(f"[{CJK}A-Za-z0-9]")
#: characters after which a phrase starts a clause (sentence/clause punctuation,
#: opening brackets, closing quotes and brackets of a previous clause).
_CLAUSE_START = set("，。！？；：、,.;:!?（(“‘「『【[《\"'”’」』】])）》 \t\u3000")


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    return jieba


def maximal_repeats(text: str, *, min_len: int, max_len: int, min_count: int, max_scan: int = 200_000) -> dict[str, int]:
    """Phrases of word characters repeated ``min_count``+ times, not extendable.

    Seeds are ``min_len``-grams of word characters; each is extended to the right
    and left while every occurrence shares the next character. Only the first
    ``max_scan`` characters are scanned for seeds (occurrences are then counted in
    the whole text), which bounds the cost on very long pages.
    """
    sample = text[:max_scan]
    grams = Counter()
    run_start = None
    for i, ch in enumerate(sample + "\n"):
        if _TOKEN_CHAR_RE.match(ch):
            if run_start is None:
                run_start = i
            if i - run_start + 1 >= min_len:
                grams[sample[i - min_len + 1:i + 1]] += 1
        else:
            run_start = None
    out: dict[str, int] = {}
    seen: set[str] = set()
    for g, c in grams.items():
        if c < min_count or g in seen:
            continue
        phrase = g
        occ = _find_all(text, phrase)
        while len(phrase) < max_len:  # extend right
            nxt = {text[i + len(phrase)] if i + len(phrase) < len(text) else "" for i in occ}
            if len(nxt) != 1 or not _TOKEN_CHAR_RE.match(next(iter(nxt)) or " "):
                break
            phrase += next(iter(nxt))
        while len(phrase) < max_len:  # extend left
            prv = {text[i - 1] if i > 0 else "" for i in occ}
            if len(prv) != 1 or not _TOKEN_CHAR_RE.match(next(iter(prv)) or " "):
                break
            phrase = next(iter(prv)) + phrase
            occ = [i - 1 for i in occ]
        for k in range(len(phrase) - min_len + 1):
            seen.add(phrase[k:k + min_len])
        if cjk_count(phrase) >= 2:
            out[phrase] = len(_find_all(text, phrase))
    return out


def _find_all(text: str, sub: str) -> list[int]:
    out, pos = [], 0
    while True:
        i = text.find(sub, pos)
        if i < 0:
            return out
        out.append(i)
        pos = i + len(sub)


class SeoKeywordCleaner(Stage):
    """Remove SEO keywords injected inside sentences and keyword-stuffed lines (seed 000: 抖音客服电话).

    A keyword is found from two kinds of evidence:

    1. a *keyword line*: a short non-sentence line that states one phrase twice
       (seed 000's title "抖音客服电话95152怎么转人工,抖音客服电话");
    2. a *maximal repeat* occurring ``min_repeats``+ times inside sentences, never
       right after punctuation (a topic term such as 抖音电商 opens clauses), and
       also filling standalone short lines at least twice.

    Either way the phrase must not be a topic term: the share of its in-sentence
    occurrences that follow punctuation stays below ``max_clause_start_share``.
    In-sentence occurrences are removed (the sentence is kept); keyword lines go
    whole. All with ``Reason.SEO``.

    Args:
        min_repeats (int): in-sentence occurrences a phrase needs without a keyword
            line. Defaults to 3 (seed 000 injects 4; fewer is indistinguishable from
            a topic term).
        min_len (int): shortest keyword in characters. Defaults to 4 (shorter
            repeats are ordinary words).
        max_len (int): longest keyword. Defaults to 24.
        min_line_share (float): share of a short line a keyword must fill for the
            line to go whole. Defaults to 0.4 (seed 000's title: 12 of 22 characters).
        max_keyword_line (int): longest line treated as a keyword line. Defaults
            to 50.
        max_clause_start_share (float): maximal share of in-sentence occurrences
            right after punctuation. Defaults to 0.5 (seed 000: the keyword 1/4, the
            topic term 抖音电商 6/8).
    """

    name = "clean.seo"
    requires = ("text", "info.title")
    emits = ("edits", "info.seo_keywords")

    def __init__(self, *, min_repeats: int = 3, min_len: int = 4, max_len: int = 24, min_line_share: float = 0.4,
                 max_keyword_line: int = 50, max_clause_start_share: float = 0.5):
        self.min_repeats = min_repeats
        self.min_len = min_len
        self.max_len = max_len
        self.min_line_share = min_line_share
        self.max_keyword_line = max_keyword_line
        self.max_clause_start = max_clause_start_share

    # --- evidence -------------------------------------------------------------
    def _short(self, s: str) -> bool:
        return len(s) <= self.max_keyword_line and not is_prose(s)

    def _in_sentence(self, phrase: str, lines: list[Line]) -> list[tuple[Line, int]]:
        out = []
        for ln in lines:
            s = ln.text
            if phrase not in s or self._short(s):
                continue
            for i in _find_all(s, phrase):
                out.append((ln, i))
        return out

    def _clause_starts(self, inside: list[tuple[Line, int]]) -> int:
        return sum(1 for ln, i in inside if i == 0 or ln.text[i - 1] in _CLAUSE_START)

    def keywords(self, text: str, lines: list[Line], title: str | None) -> list[str]:
        """The injected keywords of a page, longest first."""
        cands: Counter[str] = Counter()
        for ln in lines:
            if ln.text and self._short(ln.text):
                p = repeated_phrase(norm_line(ln.text), min_len=self.min_len)
                if p and len(p) <= self.max_len:
                    cands[p] += 1
        found: list[str] = []
        for phrase in sorted(cands, key=len, reverse=True):
            inside = self._in_sentence(phrase, lines)
            if inside and self._clause_starts(inside) / len(inside) >= self.max_clause_start:
                continue
            found.append(phrase)
        reps = maximal_repeats(text, min_len=self.min_len, max_len=self.max_len, min_count=self.min_repeats)
        tkey = norm_line(title) if title else None
        for phrase, count in sorted(reps.items(), key=lambda kv: -len(kv[0])):
            if phrase == tkey or any(phrase in f or f in phrase for f in found):
                continue
            inside = self._in_sentence(phrase, lines)
            if len(inside) < self.min_repeats or self._clause_starts(inside):
                continue
            standalone = sum(1 for ln in lines if ln.text and phrase in ln.text and self._short(ln.text)
                             and norm_line(ln.text) != tkey)
            if standalone >= 2:
                found.append(phrase)
        return found

    # --- stage ------------------------------------------------------------------
    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        kws = self.keywords(text, lines, doc.info.get("title"))
        if not kws:
            return []
        doc.info["seo_keywords"] = kws
        spans = []
        for ln in lines:
            s = ln.text
            if not s or not any(k in s for k in kws):
                continue
            if self._short(s) and any(
                    s.count(k) >= 2 or len(k) * s.count(k) >= self.min_line_share * len(norm_line(s)) for k in kws):
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.SEO, "keyword line"))
                continue
            for k in kws:
                for i in _find_all(s, k):
                    spans.append((ln.lstrip + i, ln.lstrip + i + len(k), Reason.SEO, f"injected keyword {k}"))
        return removals(self, spans)
