"""Interpolated Kneser-Ney scoring for the character n-gram LM (an alternative to stupid backoff).

Why: the despin margins compare two versions of one window, and stupid backoff (lm.py) jumps by
a fixed 0.4 per order when an n-gram is unseen: a spun real word (管理, 发展) that occurs in many
contexts and its original that occurs in fewer get margins driven by which order happens to hit.
Interpolated Kneser-Ney (Chen & Goodman 1998, one absolute discount per order,
``D = n1 / (n1 + 2 n2)``) mixes every order and backs off to *continuation* counts (how many
distinct left neighbours a string has), the usual best n-gram smoother.

Same hashed tables as :class:`nlp.despin.lm.CharNgramLM` (raw counts stay in ``counts`` so
``word_count`` and the thesaurus features are unchanged), plus per order: the continuation count
``N1+(. x)``, the middle count ``N1+(. x .)`` (denominator when ``x`` is a lower-order context) and
``N1+(x .)`` (distinct continuations: the interpolation weight). Statistics are taken before
pruning; pruning (``min_counts``) then drops rare n-grams exactly as the stupid-backoff model does.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..io.writers import atomic_path
from .lm import CharNgramLM, _codes, ngram_hashes, normalize

FORMAT_VERSION = 2  # lm.py's is 1; load_any() dispatches on it


def _count_into(keys: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """For each key, how many entries of ``hashes`` equal it (``hashes`` may hold unknown values)."""
    u, c = np.unique(hashes, return_counts=True)
    idx = np.searchsorted(keys, u)
    idx[idx >= len(keys)] = 0
    ok = keys[idx] == u
    out = np.zeros(len(keys), dtype=np.uint32)
    out[idx[ok]] = np.minimum(c[ok], np.iinfo(np.uint32).max)
    return out


def _discount(c: np.ndarray) -> float:
    n1 = float(np.count_nonzero(c == 1))
    n2 = float(np.count_nonzero(c == 2))
    return n1 / (n1 + 2.0 * n2) if n1 + n2 > 0 else 0.5


class KNCharLM(CharNgramLM):
    """Character n-gram LM with interpolated Kneser-Ney scores (log10), same interface as the parent."""

    def __init__(self, order, keys, counts, total, cont, mid, nplus, discounts, meta=None, mix: float = 0.0):
        super().__init__(order, keys, counts, total, meta)
        #: weight of the stupid-backoff score (same raw counts) in the returned log10 score:
        #: ``mix * SB + (1 - mix) * KN``; 1.0 reproduces the stupid-backoff model exactly
        self.mix = float(mix)
        self.cont = [c.astype(np.float64) for c in cont]
        self.mid = [c.astype(np.float64) for c in mid]
        self.nplus = [c.astype(np.float64) for c in nplus]
        self.discounts = [float(d) for d in discounts]
        self.bigram_types = float(self.mid[0].sum()) if order > 1 else 1.0  # N1+(. .)

    @classmethod
    def build(cls, texts, *, order: int = 5, min_counts: tuple[int, ...] = (1, 1, 2, 2, 2),
              progress: bool = False) -> KNCharLM:
        if len(min_counts) < order:
            raise ModelError(f"min_counts needs {order} values, got {len(min_counts)}; give one per order.")
        corpus = "\n".join(normalize(t) for t in texts)
        codes = _codes(corpus)
        m = len(codes)
        H = ngram_hashes(codes, order)
        full_keys, full_counts = [], []
        for k in range(order):
            u, c = np.unique(H[k][k:], return_counts=True)
            full_keys.append(u)
            full_counts.append(np.minimum(c, np.iinfo(np.uint32).max).astype(np.uint32))
        cont = [np.zeros(len(full_keys[k]), dtype=np.uint32) for k in range(order)]
        mid = [np.zeros(len(full_keys[k]), dtype=np.uint32) for k in range(order)]
        nplus = [np.zeros(len(full_keys[k]), dtype=np.uint32) for k in range(order)]
        for k in range(1, order):  # the (k+1)-grams give statistics of k-grams (index k-1)
            pos = np.arange(k, m)
            _u, first = np.unique(H[k][k:], return_index=True)
            at = pos[first]  # one end position per distinct (k+1)-gram
            cont[k - 1] = _count_into(full_keys[k - 1], H[k - 1][at])  # suffix: N1+(. x)
            nplus[k - 1] = _count_into(full_keys[k - 1], H[k - 1][at - 1])  # prefix: N1+(x .)
            if k >= 2:  # middle (k-1)-gram: N1+(. x .)
                mid[k - 2] = _count_into(full_keys[k - 2], H[k - 2][at - 1])
            elif k == 1:
                mid_total = len(_u)  # N1+(. .): distinct bigrams
        discounts = [_discount(cont[k]) for k in range(order - 1)] + [_discount(full_counts[-1])]
        keys, counts, c2, m2, n2 = [], [], [], [], []
        for k in range(order):
            keep = full_counts[k] >= min_counts[k]
            keys.append(full_keys[k][keep])
            counts.append(full_counts[k][keep])
            c2.append(cont[k][keep])
            m2.append(mid[k][keep])
            n2.append(nplus[k][keep])
        lm = cls(order, keys, counts, m, c2, m2, n2, discounts)
        if order > 1:
            lm.bigram_types = float(mid_total)
        return lm

    def save(self, path: str | os.PathLike) -> None:
        path = Path(path)
        arrays = {"meta_order": np.array([self.order, self.total, FORMAT_VERSION], dtype=np.int64),
                  "discounts": np.array(self.discounts), "bigram_types": np.array([self.bigram_types])}
        for n in range(self.order):
            arrays[f"k{n + 1}"] = self.keys[n]
            for name, arr in (("c", self.counts), ("t", self.cont), ("m", self.mid), ("p", self.nplus)):
                a = arr[n]
                arrays[f"{name}{n + 1}"] = a.astype(np.uint16 if a.max(initial=0) < 65535 else np.uint32)
        with atomic_path(path, suffix=".npz") as tmp:
            np.savez_compressed(tmp, **arrays)

    @classmethod
    def load(cls, path: str | os.PathLike) -> KNCharLM:
        with np.load(path) as z:
            order, total, version = (int(x) for x in z["meta_order"])
            if version != FORMAT_VERSION:
                raise ModelError(f"{path} has format {version}, expected {FORMAT_VERSION} (Kneser-Ney).")
            get = lambda name: [z[f"{name}{n + 1}"] for n in range(order)]  # noqa: E731
            lm = cls(order, get("k"), get("c"), total, get("t"), get("m"), get("p"), z["discounts"].tolist())
            lm.bigram_types = float(z["bigram_types"][0])
        return lm

    def _lookup_idx(self, n: int, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        keys = self.keys[n]
        order = np.argsort(h)
        idx = np.empty(len(h), dtype=np.intp)
        idx[order] = np.searchsorted(keys, h[order])
        idx[idx >= len(keys)] = 0
        return idx, keys[idx] == h

    def position_scores(self, text: str, need: np.ndarray | None = None) -> np.ndarray:
        """log10 score of every character given its left context: interpolated Kneser-Ney, mixed with
        the stupid-backoff score of the same counts by :attr:`mix` (one lookup serves both)."""
        codes = _codes(normalize(text))
        m = len(codes)
        if m == 0:
            return np.zeros(0)
        hashes = ngram_hashes(codes, self.order)
        if need is None:
            need = np.ones(m, dtype=bool)
        look = need.copy()
        look[:-1] |= need[1:]
        sel = np.flatnonzero(look)
        pos = np.arange(m)
        top = self.order - 1
        # per order k (the (k+1)-gram ending at i): numerator at i; context stats of the k-gram at i-1
        num, den, npl, raw = [], [], [], []
        for k in range(self.order):
            idx, found = self._lookup_idx(k, hashes[k][sel])
            a_raw = np.zeros(m)
            a_raw[sel] = np.where(found, self.counts[k][idx], 0.0)
            raw.append(a_raw)
            a_num = np.zeros(m)
            a_den = np.zeros(m)
            a_npl = np.zeros(m)
            src = self.counts[k] if k == top else self.cont[k]
            a_num[sel] = np.where(found, src[idx], 0.0) * (pos[sel] >= k)
            # this k+1-gram as the context of order k+2 (read at the next position)
            if k + 1 <= top:
                d = self.counts[k] if k + 1 == top else self.mid[k]
                a_den[sel] = np.where(found, d[idx], 0.0) * (pos[sel] >= k)
                a_npl[sel] = np.where(found, self.nplus[k][idx], 0.0) * (pos[sel] >= k)
            num.append(a_num)
            den.append(a_den)
            npl.append(a_npl)
        V = float(len(self.keys[0]))
        # unigram: continuation counts over N1+(. .), interpolated with the uniform distribution
        D = self.discounts[0]
        types1 = float(np.count_nonzero(self.cont[0]))
        p = np.maximum(num[0] - D, 0.0) / self.bigram_types + D * types1 / self.bigram_types / (V + 1.0)
        for k in range(1, self.order):
            D = self.discounts[k]
            c_den = np.zeros(m)
            c_npl = np.zeros(m)
            c_den[1:] = den[k - 1][:-1]
            c_npl[1:] = npl[k - 1][:-1]
            ok = c_den > 0
            safe = np.where(ok, c_den, 1.0)
            pk = np.maximum(num[k] - D, 0.0) / safe + D * c_npl / safe * p
            p = np.where(ok, pk, p)
        kn = np.log10(np.maximum(p, 1e-30))
        if self.mix == 0.0:
            return kn
        return self.mix * self._backoff_scores(raw, m) + (1.0 - self.mix) * kn


def load_any(path: str | os.PathLike, mix: float = 1.0) -> CharNgramLM:
    """Load an LM file of either format (stupid backoff: 1, Kneser-Ney: 2).

    ``mix``: for a Kneser-Ney file, the weight of its stupid-backoff score (1.0 = stupid backoff
    only, the same scores as a format-1 file of the same counts); a format-1 file has only that."""
    path = Path(path)
    if not path.exists():
        raise ModelError(f"Despin language model not found at {path}. Build it with "
                         f"`zhie train despin` (nlp.despin.train.train_lm).")
    with np.load(path) as z:
        version = int(z["meta_order"][2])
    if version != FORMAT_VERSION:
        return CharNgramLM.load(path)
    lm = KNCharLM.load(path)
    lm.mix = float(mix)
    return lm
