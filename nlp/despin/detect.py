"""Is a page spun at all? A document-level score from lexicon hits and LM oddness.

Two kinds of evidence (seed 002 has both in bulk; a clean news page has neither):
- *unambiguous* spun forms, which are not words of clean text (斲丧者, 陈诉, 权势巨子,
  生意业务): their density per 1,000 CJK characters;
- *odd collocations*: ambiguous forms (管理, 现在, 环境 ...) whose original the
  language model prefers, in context, by a clear margin.

A page is spun when it has at least ``min_unambiguous`` distinct unambiguous forms
*and* enough of its ambiguous forms read as odd (or very many unambiguous forms).
Requiring both keeps a clean page with one rare word (a quoted 赝品) untouched:
thresholds are chosen on inews dev (clean vs. spun with the development table), see
corpora/despin/README.md.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class SpinEvidence:
    """The numbers behind a page's spin decision (stored in ``doc.info["despin"]``)."""

    cjk_chars: int = 0
    unambiguous: int = 0
    unambiguous_distinct: int = 0
    ambiguous: int = 0
    odd: int = 0
    score: float = 0.0
    spun: bool = False
    forms: list[str] = field(default_factory=list)
    #: forms rewritten on a page judged clean (the per-form bypass, ``Despinner.bypass_margin``)
    bypass: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        extra = {"bypass": self.bypass} if self.bypass else {}
        return extra | {
            "spun": self.spun,
            "score": round(self.score, 3),
            "cjk_chars": self.cjk_chars,
            "unambiguous": self.unambiguous,
            "unambiguous_distinct": self.unambiguous_distinct,
            "ambiguous": self.ambiguous,
            "odd": self.odd,
            "forms": self.forms[:20],
        }


def cjk_count(text: str) -> int:
    """CJK characters (U+3400-U+9FFF) in ``text`` (numpy over the code points)."""
    a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return int(np.count_nonzero((a >= 0x3400) & (a <= 0x9FFF)))


def spin_score(unambiguous_per_k: float, odd_rate: float) -> float:
    """One number for reports: density of unambiguous forms plus 10x the odd rate."""
    return unambiguous_per_k + 10.0 * odd_rate


def realword_llr(odd: int, forms: int, p0: float, p1: float) -> float:
    """log10 likelihood ratio, spun vs clean, of ``odd`` odd forms among ``forms`` distinct real-word forms.

    Each distinct real-word lexicon form on a page reads odd (LM margin of its best original over
    the form >= ``realword_margin``) with probability ``p0`` on clean text and ``p1`` on a page a tool
    spun (most of its real-word forms are genuine even there). A binomial test rather than a share:
    3 odd forms of 10 and 9 of 30 are the same share, not the same evidence (thirteenth pass: inews
    dev spun with real-word-only rows of the development tables vs clean dev and People's Daily).
    """
    if forms <= 0:
        return 0.0
    return odd * math.log10(p1 / p0) + (forms - odd) * math.log10((1.0 - p1) / (1.0 - p0))


def decide(ev: SpinEvidence, *, min_unambiguous: int, min_odd_rate: float, strong_unambiguous: int,
           dense_unambiguous: float, single_odd_rate: float = 1.1, single_min_ambiguous: int = 5,
           zero_odd_rate: float = 1.1, zero_min_ambiguous: int = 10) -> bool:
    """Apply the thresholds to the evidence (see module docstring).

    A short spun snippet has few ambiguous forms to judge, so a high density of
    unambiguous forms (``dense_unambiguous`` per 1,000 CJK characters; seed 002 has
    38) also makes it spun.
    """
    if ev.unambiguous_distinct >= strong_unambiguous:
        return True
    rate = ev.odd / ev.ambiguous if ev.ambiguous else 0.0
    # one unambiguous form is enough when many ambiguous forms read as odd: a page
    # spun with a table of mostly real-word pairs (inews dev spun with tables/dev.tsv:
    # 54 of 298 pages have < 2 unambiguous forms; clean dev and People's Daily pages
    # never reach an odd rate of 0.4 over >= 5 ambiguous forms)
    if ev.unambiguous_distinct >= 1 and ev.ambiguous >= single_min_ambiguous and rate >= single_odd_rate:
        return True
    # no unambiguous form at all: a table of real-word pairs only (inews dev spun with tables/dev.tsv
    # + dev_unseen.tsv: 50 spun pages, 0 unambiguous forms); needs more ambiguous forms to judge
    if ev.unambiguous_distinct == 0:
        return ev.ambiguous >= zero_min_ambiguous and rate >= zero_odd_rate
    if ev.unambiguous_distinct < min_unambiguous:
        return False
    if 1000.0 * ev.unambiguous / max(ev.cjk_chars, 1) >= dense_unambiguous:
        return True
    return rate >= min_odd_rate
