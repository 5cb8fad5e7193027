"""A compact character n-gram language model (stupid backoff) in numpy.

Why characters: spinning replaces words, and a character 5-gram spans the spun word
plus a word on each side, which is where a spun form looks odd (``商风致量``,
``斲丧者``). Why numpy and hashing: kenlm's builder binary is not available; an
n-gram is stored as a 64-bit polynomial hash of its code points, so counting a
corpus is ``np.unique`` over hash arrays and a query is one ``np.searchsorted`` per
order for a whole page. A hash collision needs two of ~10^7 distinct n-grams to
share a 64-bit value (probability ~10^-5 for the whole table), which is negligible.

Scoring is *stupid backoff* (Brants et al. 2007, "Large Language Models in Machine
Translation", alpha = 0.4): ``S(w|ctx) = c(ctx w) / c(ctx)`` if seen, else
``0.4 * S(w|ctx[1:])``. It is not a normalised probability, which does not matter
here: the despin stage only compares two versions of the same window.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..io.writers import atomic_path

#: odd multiplier of the polynomial hash (2^64 ring); any large odd constant works
_P = np.uint64(0x9E3779B97F4A7C15)
_BACKOFF = np.log10(0.4)
FORMAT_VERSION = 1


def normalize_char(ch: str) -> str:
    """One character -> one character: fold width, digits and Latin letters.

    Length is preserved so offsets in the scored window stay those of the page.
    Digits become ``0`` and Latin letters ``a``: the model is about Chinese wording,
    and numbers/names would only dilute the counts.
    """
    if "0" <= ch <= "9":
        return "0"
    n = unicodedata.normalize("NFKC", ch)
    if len(n) != 1:
        return ch
    if "0" <= n <= "9":
        return "0"
    if n.isascii() and n.isalpha():
        return "a"
    if n.isspace():
        return "\n" if n in "\n\r" else " "
    return n


class _NormTable(dict):
    """``str.translate`` table built on demand: the loop over characters runs in C."""

    def __missing__(self, code: int) -> str:
        self[code] = out = normalize_char(chr(code))
        return out


_NORM_TABLE = _NormTable()


def normalize(text: str) -> str:
    """:func:`normalize_char` over a string (one C-level ``str.translate``)."""
    return text.translate(_NORM_TABLE)


def _codes(text: str) -> np.ndarray:
    """Code points + 1 as uint64 (0 never occurs, so the hash of a prefix differs)."""
    arr = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    return arr + np.uint64(1)


#: :func:`normalize_char` of Basic Multilingual Plane code points, + 1 as :func:`_codes` gives (0 = not yet known)
_BMP_CODES = np.zeros(0x10000, dtype=np.uint64)


def _norm_codes(text: str) -> np.ndarray:
    """``_codes(normalize(text))`` by a table lookup over the code points (filled on demand): ``str.translate``
    with a dict table costs ~0.1 us a character, a fifth of the LM's scoring time."""
    arr = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if len(arr) and int(arr.max()) >= 0x10000:
        return _codes(normalize(text))
    out = _BMP_CODES[arr]
    if not out.all():
        for c in np.unique(arr[out == 0]).tolist():
            _BMP_CODES[c] = ord(normalize_char(chr(c))) + 1
        out = _BMP_CODES[arr]
    return out


def ngram_hashes(codes: np.ndarray, order: int) -> list[np.ndarray]:
    """Hashes of the n-grams ending at each position, for n = 1..order.

    ``out[n-1][i]`` is the hash of ``codes[i-n+1 : i+1]``; for ``i < n-1`` the value
    is the hash of the shorter prefix (callers mask those positions).
    """
    out = [codes.copy()]
    with np.errstate(over="ignore"):
        for _n in range(2, order + 1):
            prev = out[-1]
            cur = codes.copy()
            cur[1:] = prev[:-1] * _P + codes[1:]
            out.append(cur)
    return out


def slot_windows(text: str, start: int, end: int, words, context: int,
                 out: list[tuple[str, int]]) -> None:
    """Append to ``out`` one LM window per word of ``words`` put in ``text[start:end]``'s slot.

    A window is ``left + word + right`` with up to ``context`` characters of ``text`` on each side,
    and its skip (``len(left)``, the characters that serve as context only) for
    :meth:`CharNgramLM.score_windows`. The stage's scoring passes, its rival check and the
    thesaurus candidates all compare words in one slot this way.
    """
    left = text[max(0, start - context):start]
    right = text[end:end + context]
    skip = len(left)
    for w in words:
        out.append((left + w + right, skip))


class CharNgramLM:
    """Character n-gram counts with stupid-backoff scoring.

    Attributes:
        order (int): the n of the highest order.
        keys (list[np.ndarray]): sorted uint64 hashes per order (index 0 = unigrams).
        counts (list[np.ndarray]): counts aligned with ``keys``.
        total (int): number of characters counted.
    """

    def __init__(self, order: int, keys: list[np.ndarray], counts: list[np.ndarray], total: int,
                 meta: dict | None = None):
        self.order = order
        self.keys = keys
        self.counts = [c.astype(np.float64) for c in counts]
        self.total = int(total)
        self.meta = dict(meta or {})
        self._vocab = len(keys[0])
        self._window_cache: dict[tuple[str, int], float] = {}
        self._word_cache: dict[str, float] = {}

    # --- building --------------------------------------------------------
    @classmethod
    def build(cls, texts, *, order: int = 5, min_counts: tuple[int, ...] = (1, 1, 2, 2, 2),
              progress: bool = False) -> CharNgramLM:
        """Count n-grams over an iterable of texts.

        Args:
            texts: iterable of strings (documents); they are normalised and joined
                with ``\\n`` so no n-gram spans two documents without a boundary.
            order (int): highest order. Defaults to 5.
            min_counts (tuple): per-order pruning: keep n-grams seen at least this
                often. Singletons of orders >= 3 are dropped (the usual pruning;
                they are most of the table and carry little signal).
            progress (bool): tqdm progress on stderr.
        """
        if len(min_counts) < order:
            raise ModelError(f"min_counts needs {order} values, got {len(min_counts)}; give one per order.")
        corpus = "\n".join(normalize(t) for t in texts)
        codes = _codes(corpus)
        hashes = ngram_hashes(codes, order)
        keys, counts = [], []
        it = range(order)
        if progress:
            from tqdm import tqdm

            it = tqdm(it, desc="count n-grams", unit="order")
        for n in it:
            h = hashes[n][n:] if n else hashes[0]
            k, c = np.unique(h, return_counts=True)
            keep = c >= min_counts[n]
            keys.append(k[keep])
            counts.append(np.minimum(c[keep], np.iinfo(np.uint32).max).astype(np.uint32))
        return cls(order, keys, counts, len(codes))

    # --- persistence -----------------------------------------------------
    def save(self, path: str | os.PathLike) -> None:
        """Write an ``.npz`` atomically (:func:`nlp.io.writers.atomic_path`)."""
        path = Path(path)
        arrays = {"meta_order": np.array([self.order, self.total, FORMAT_VERSION], dtype=np.int64)}
        for n in range(self.order):
            arrays[f"k{n + 1}"] = self.keys[n]
            c = self.counts[n]
            arrays[f"c{n + 1}"] = c.astype(np.uint16 if c.max(initial=0) < 65535 else np.uint32)
        with atomic_path(path, suffix=".npz") as tmp:  # np.savez adds .npz to names without it
            np.savez_compressed(tmp, **arrays)

    @classmethod
    def load(cls, path: str | os.PathLike) -> CharNgramLM:
        path = Path(path)
        if not path.exists():
            raise ModelError(f"Despin language model not found at {path}. Build it with "
                             f"`zhie train despin` (nlp.despin.train.train_lm).")
        with np.load(path) as z:
            order, total, version = (int(x) for x in z["meta_order"])
            if version != FORMAT_VERSION:
                raise ModelError(f"{path} has format {version}, expected {FORMAT_VERSION}; rebuild it with "
                                 f"`zhie train despin`.")
            keys = [z[f"k{n + 1}"] for n in range(order)]
            counts = [z[f"c{n + 1}"] for n in range(order)]
        return cls(order, keys, counts, total)

    # --- scoring ---------------------------------------------------------
    def _lookup(self, n: int, h: np.ndarray) -> np.ndarray:
        keys = self.keys[n]
        # sorted queries walk the key array in order: ~2.7x faster than random order
        # on the 10^6-key tables (measured), worth the argsort of a few 10^4 queries
        order = np.argsort(h)
        idx = np.empty(len(h), dtype=np.intp)
        idx[order] = np.searchsorted(keys, h[order])
        idx[idx >= len(keys)] = 0
        found = keys[idx] == h
        return np.where(found, self.counts[n][idx], 0.0)

    def position_scores(self, text: str, need: np.ndarray | None = None) -> np.ndarray:
        """log10 stupid-backoff score of every character of ``text`` given its left context.

        Args:
            text (str): the text.
            need (np.ndarray | None): boolean mask of the positions whose score the
                caller uses; the others are not looked up (their score is meaningless).
                A needed position also needs its predecessor (context count).
        """
        codes = _norm_codes(text)
        m = len(codes)
        if m == 0:
            return np.zeros(0)
        hashes = ngram_hashes(codes, self.order)
        # counts of the n-grams ending at each position; the context count of order
        # n+1 at i is the order-n count at i-1, so each order is looked up once
        if need is None:
            counts = [self._lookup(n, hashes[n]) for n in range(self.order)]
            return self._backoff_scores(counts, m)
        return self._backoff_needed(hashes, need, m)

    def _backoff_needed(self, hashes: list[np.ndarray], need: np.ndarray, m: int) -> np.ndarray:
        """:meth:`_backoff_scores` at the ``need`` positions only (0.0 elsewhere), highest order first.

        A position's score comes from the highest order whose n-gram and context both occur, so the
        lower orders are looked up only at the positions still unresolved, and an order's context only
        where its n-gram occurs: two thirds of the lookups of reading every order at every needed position
        and its predecessor (each a binary search in a 10^6-key table; 407k vs 615k on the slots of 300
        bench pages), and the same scores (same counts, same arithmetic)."""
        out = np.zeros(m)
        rem = np.flatnonzero(need)
        for n in range(self.order - 1, 0, -1):  # n = index of the order (order n+1)
            cand = rem[rem >= n]
            if not len(cand):
                continue
            num = self._lookup(n, hashes[n][cand])
            has = num > 0
            cand, num = cand[has], num[has]
            if not len(cand):
                continue
            ctx = self._lookup(n - 1, hashes[n - 1][cand - 1])
            ok = ctx > 0
            hit = cand[ok]
            out[hit] = np.log10(num[ok] / ctx[ok]) + (self.order - 1 - n) * _BACKOFF
            done = np.zeros(m, dtype=bool)
            done[hit] = True
            rem = rem[~done[rem]]
        if len(rem):
            # unigram floor: add-one over the vocabulary
            c0 = self._lookup(0, hashes[0][rem])
            out[rem] = np.log10((c0 + 1.0) / (self.total + self._vocab)) + (self.order - 1) * _BACKOFF
        return out

    def _backoff_scores(self, counts: list[np.ndarray], m: int) -> np.ndarray:
        """Stupid-backoff log10 scores from the per-order counts of the n-grams ending at each position."""
        pos = np.arange(m)
        # unigram floor: add-one over the vocabulary
        score = np.log10((counts[0] + 1.0) / (self.total + self._vocab))
        done = np.zeros(m, dtype=bool)
        best = np.zeros(m)
        for n in range(self.order - 1, 0, -1):  # n = index of the order (order n+1)
            valid = (pos >= n) & ~done
            if not valid.any():
                continue
            num = counts[n]
            ctx = np.zeros(m)
            ctx[1:] = counts[n - 1][:-1]
            hit = valid & (num > 0) & (ctx > 0)
            backoff = (self.order - 1 - n) * _BACKOFF
            best[hit] = np.log10(num[hit] / ctx[hit]) + backoff
            done |= hit
        unigram_backoff = (self.order - 1) * _BACKOFF
        return np.where(done, best, score + unigram_backoff)

    def score_windows(self, windows: list[tuple[str, int]]) -> np.ndarray:
        """Score many short strings at once.

        Args:
            windows: ``(text, skip)`` pairs; the score of each is the sum of the
                character scores from ``skip`` on (the first ``skip`` characters only
                serve as left context).

        Returns:
            np.ndarray: one log10 score per window.
        """
        if not windows:
            return np.zeros(0)
        # a page is scored twice (the second pass only changes the context of the
        # neighbours of a rewrite) and repeats contexts: score each distinct window once
        cache = self._window_cache
        if len(cache) > 500_000:
            cache.clear()
        # first-seen order (a set's order would vary with PYTHONHASHSEED)
        todo = list(dict.fromkeys(w for w in windows if w not in cache))
        if todo:
            joined = "\n".join(t for t, _ in todo)
            bounds = np.cumsum([0] + [len(t) + 1 for t, _ in todo])
            # only the characters after each window's left context are summed
            lens = np.fromiter((len(t) for t, _ in todo), dtype=np.int64, count=len(todo))
            skips = np.fromiter((k for _, k in todo), dtype=np.int64, count=len(todo))
            edge = np.zeros(len(joined) + 1, dtype=np.int64)
            np.add.at(edge, bounds[:-1] + skips, 1)
            np.add.at(edge, bounds[:-1] + lens, -1)
            need = np.cumsum(edge)[:-1] > 0
            scores = np.append(self.position_scores(joined, need), 0.0)
            # each window summed on its own (reduceat), not as a difference of one running
            # sum: the score of a window must not depend on which windows share its batch,
            # or near-threshold decisions would change with batch order and cache history
            lo = bounds[:-1] + skips
            hi = bounds[:-1] + lens
            sums = np.add.reduceat(scores, np.column_stack((lo, hi)).ravel())[::2]
            sums[lo >= hi] = 0.0
            for w, v in zip(todo, sums.tolist()):
                cache[w] = v
        return np.fromiter((cache[w] for w in windows), dtype=np.float64, count=len(windows))

    def word_count(self, word: str) -> float:
        """Corpus count of ``word`` (its first ``order`` characters; 0 when pruned or unseen)."""
        cache = self._word_cache
        c = cache.get(word)
        if c is None:
            codes = _codes(normalize(word[:self.order]))
            if len(codes) == 0:
                return 0.0
            n = len(codes)
            h = ngram_hashes(codes, n)[n - 1][-1:]
            c = cache[word] = float(self._lookup(n - 1, h)[0])
        return c

    def word_counts(self, words: list[str]) -> None:
        """Fill :meth:`word_count`'s cache for many words at once (one lookup per length).

        The despin thesaurus asks for the counts of ~10^4 group-mates per spun page;
        one numpy lookup each cost more than the rest of the page."""
        cache = self._word_cache
        by_len: dict[int, list[str]] = {}
        for w in words:
            if w not in cache and w:
                by_len.setdefault(min(len(w), self.order), []).append(w)
        for n, ws in by_len.items():
            # normalize() keeps one character per character, so word i ends at (i + 1) * n - 1
            codes = _codes(normalize("".join(w[:n] for w in ws)))
            h = ngram_hashes(codes, n)[n - 1][n - 1::n]
            for w, c in zip(ws, self._lookup(n - 1, h).tolist()):
                cache[w] = float(c)

    @property
    def nbytes(self) -> int:
        return sum(k.nbytes for k in self.keys) + sum(len(c) * 4 for c in self.counts)
