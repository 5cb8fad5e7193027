"""Batch consensus for thesaurus candidates: a spinning tool applies one table to every page it spins.

A thesaurus / slot-neighbour candidate ``w -> o`` that the candidate model scores below its threshold
on one page (由于 <- 因为, 运动 <- 活动: both words fit every 5-gram window, so the page alone cannot
tell) is accepted when the other pages of the same batch that were judged spun agree that the tool
rewrote ``o``:

- ``o`` occurs on none of them although it is expected there at least ``expected`` times (a table
  rewrites every occurrence of its key, on every page);
- ``w`` occurs on at least one of them, ``excess`` log10 more often than expected (the spun form
  carries the original's frequency as well as its own).

Pages judged clean are never counted: clean text cannot confirm a pair, and a batch with one spun page
has no other page to ask (seed 002 alone, a clean corpus with one page spun in the wild), so the rule
only acts where several spun pages share a batch. Evidence is read from the raw page text: an original
still on a spun page anywhere (even inside a longer word) is one the tool did not rewrite.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(slots=True)
class Pending:
    """A candidate held back on page ``page`` of the batch: ``spun`` -> ``original`` at ``spans`` (raw
    offsets), with the candidate model's probability ``p`` (the confidence of its edits if accepted)."""

    spun: str
    original: str
    spans: list[tuple[int, int]]
    p: float
    page: int = -1


def confirmed(pending: list[Pending], pages: dict[int, tuple[str, int]], freq, total: float, *,
              expected: float = 3.0, excess: float = 0.5) -> list[Pending]:
    """The pending candidates that the batch's other spun pages confirm (module docstring).

    Args:
        pending: candidates held back, with the index of their page in the batch.
        pages: page index -> (raw text, CJK characters) for every page of the batch judged spun.
        freq: word -> count in the LM corpus (``CharNgramLM.word_count``).
        total: characters of the LM corpus (``CharNgramLM.total``).
        expected: how often ``original`` must be expected on the other spun pages.
        excess: log10 of (observed + 0.5) / (expected + 0.5) that ``spun`` needs there.
    """
    memo: dict[tuple[int, str], tuple[int, int, float]] = {}

    def others(page: int, word: str) -> tuple[int, int, float]:
        """Occurrences of ``word`` on the other spun pages, pages it is on, expected occurrences."""
        got = memo.get((page, word))
        if got is None:
            n = on = chars = 0
            for j, (text, cjk) in pages.items():
                if j == page:
                    continue
                c = text.count(word)
                n += c
                on += c > 0
                chars += cjk
            got = memo[(page, word)] = (n, on, chars * freq(word) / max(total, 1.0))
        return got

    out = []
    for c in pending:
        n_o, _on, lam_o = others(c.page, c.original)
        if n_o or lam_o < expected:
            continue
        n_w, on_w, lam_w = others(c.page, c.spun)
        if on_w and math.log10((n_w + 0.5) / (lam_w + 0.5)) >= excess:
            out.append(c)
    return out
