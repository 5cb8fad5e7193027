"""A discriminative wide-context scorer for confusable spun/original pairs (管理 / 治理).

The character 5-gram sees four characters on each side of a spun form; seed 002
needs more (管理 for 治理 is only odd next to 网络生态 twenty characters away, or on a
page about platform governance). This is the classic real-word-error approach
(Golding & Roth 1999, confusion sets): for a lexicon pair (spun form ``s``, original
``o``), a logistic model over features of a *wide* context says whether a position
that reads ``s`` was written as ``o``.

Training needs no spun gold. In clean text every occurrence of ``o`` is a positive
example (a tool would have turned it into ``s``) and every occurrence of ``s`` a
negative one. Features are hashed and conditioned on the pair:

- pair bias (with a prior correction, below);
- adjacent collocations: left 1, 2, 3 characters, right 1, 2, left+right;
- a bag of character bigrams within ``WINDOW`` (20) characters on each side (left and
  right apart);
- the page's topic: its ``TOPIC_K`` most frequent "topic" bigrams (bigrams in 0.3 %-6 %
  of the training documents: content words, not function words).

A spun page has no ``o`` left (the tool replaced every occurrence), so bigrams of ``s``
and ``o`` themselves are dropped from the window and topic features in training and
at run time alike (otherwise a clean page's other 治理 would teach "治理 on the page").

Examples are capped per pair side (``cap``) and the model's logit is corrected by
``log(f_o / n_o) - log(f_s / n_s)`` so that its prior is that of a page where the tool
spun the pair: every ``o`` became ``s``, so an ``s`` was an ``o`` with probability
``f_o / (f_o + f_s)`` before context. The page gate, presence of ``o`` on the page and
the LM margin are combined with this logit by the learned decision
(:mod:`nlp.despin.decision`, trained on dev).

``train_context()`` (``zhie train despin-context``) fits it on the LM's corpus split
(:mod:`nlp.despin.corpora` ``lm``: never inews dev[:300] nor test) into
``models/despin/context.npz`` (float16 weights, ~2 MB).
"""
from __future__ import annotations

import functools
import os
import time
import zlib
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..io.writers import atomic_path
from .lm import normalize

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "despin" / "context.npz"
RETRAIN = "Train it with `zhie train despin-context` (nlp.despin.context.train_context())."
BITS = 20  # 2^20 hashed weights: ~10^5 active features per ~900 pairs, few collisions
WINDOW = 20  # characters on each side (brief: +-20)
TOPIC_K = 30  # topic bigrams per page
_M = np.uint64((1 << 64) - 1)
_PAD = 1 << BITS  # index of a weight fixed at 0 (padding)
# feature types (mixed into the hash)
_BIAS, _L1, _L2, _L3, _R1, _R2, _LR, _WL, _WR, _TOPIC = range(1, 11)
N_FEATS = 1 + 6 + 2 * (WINDOW - 1) + TOPIC_K


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser on a uint64 array (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


@functools.lru_cache(maxsize=1 << 14)
def pair_key(spun: str, original: str) -> np.uint64:
    """A deterministic 64-bit key of a pair (crc32 is independent of PYTHONHASHSEED)."""
    k = zlib.crc32(f"{spun}\t{original}".encode()) | (zlib.crc32(f"{original}\t{spun}".encode()) << 32)
    return np.uint64(k)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(normalize(text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def _bigrams(c: np.ndarray) -> np.ndarray:
    """Bigram codes ``c[i] << 21 | c[i+1]`` (code points < 2^21)."""
    if len(c) < 2:
        return np.zeros(0, dtype=np.uint64)
    return (c[:-1] << np.uint64(21)) | c[1:]


def _word_bigrams(*words: str) -> np.ndarray:
    return np.unique(np.concatenate([_bigrams(_codes(w)) for w in words]))


def _is_cjk_bigram(b: np.ndarray) -> np.ndarray:
    hi, lo = b >> np.uint64(21), b & np.uint64((1 << 21) - 1)
    return (hi >= 0x4E00) & (hi <= 0x9FFF) & (lo >= 0x4E00) & (lo <= 0x9FFF)


class PageTopics:
    """A page's topic-vocabulary bigrams, for fast per-pair topic features at run time.

    ``for_pair`` gives the page's topic with every bigram touching an occurrence of
    either form of the pair dropped, without renormalising the page once per pair: a
    spun page shows the spun form where the original stood, so a bigram that crosses
    the edge of either form (家发 / 家成) would tell the training label."""

    def __init__(self, text: str, codes: np.ndarray, vocab: np.ndarray, df: np.ndarray):
        self.text = text
        b = _bigrams(codes)
        if len(vocab) and len(b):
            pos = np.searchsorted(vocab, b)
            pos[pos >= len(vocab)] = 0
            hit = np.nonzero(vocab[pos] == b)[0]
        else:
            hit = np.zeros(0, dtype=np.int64)
        self.pos = hit
        self.code = b[hit] if len(hit) else np.zeros(0, dtype=np.uint64)
        self.df = df[np.searchsorted(vocab, self.code)] if len(hit) else np.zeros(0, dtype=np.int32)
        # the page's ranking once: count desc, corpus df asc, code asc
        u, first, cnt = np.unique(self.code, return_index=True, return_counts=True)
        order = np.lexsort((u, self.df[first], -cnt)) if len(u) else np.zeros(0, dtype=np.int64)
        self.u, self.cnt, self.udf = u[order], cnt[order], self.df[first][order]
        self.rank = np.empty(len(u), dtype=np.int64)
        self.rank[order] = np.arange(len(u))  # rank of the sorted-unique code i
        self.sorted_u = u

    def for_pair(self, pair: tuple[str, str], exclude: np.ndarray, k: int = TOPIC_K) -> np.ndarray:
        t = self.text
        los, his = [], []
        for f in pair:
            i = t.find(f)
            while i >= 0:
                # bigram at p touches [i, i + len(f)) when i - 1 <= p <= i + len(f) - 1
                los.append(i - 1)
                his.append(i + len(f))
                i = t.find(f, i + 1)
        want = k + 16
        if not los:
            return page_topic(self.u[:want], exclude, k)
        lo = np.searchsorted(self.pos, los)
        hi = np.searchsorted(self.pos, his)
        delta = np.zeros(len(self.pos) + 1, dtype=np.int32)
        np.add.at(delta, lo, 1)
        np.add.at(delta, hi, -1)
        gone = self.code[np.cumsum(delta[:-1]) > 0]
        if len(gone) == 0:
            return page_topic(self.u[:want], exclude, k)
        g, gc = np.unique(gone, return_counts=True)
        # a code whose count dropped can only fall in the ranking, so the new top ``want``
        # lies within the old top ``want + len(g)``
        top = want + len(g)
        cnt = self.cnt[:top].copy()
        r = self.rank[np.searchsorted(self.sorted_u, g)]
        inside = r < top
        cnt[r[inside]] -= gc[inside]
        u, d = self.u[:top], self.udf[:top]
        live = cnt > 0
        u, d, cnt = u[live], d[live], cnt[live]
        order = np.lexsort((u, d, -cnt))
        return page_topic(u[order[:want]], exclude, k)


def page_topic(order: np.ndarray, exclude: np.ndarray, k: int = TOPIC_K) -> np.ndarray:
    """The first ``k`` of ``order`` (topic bigrams, most frequent first) that are not bigrams of the pair itself."""
    if len(exclude) and len(order):
        # a few dozen codes against a pair's few bigrams: one broadcast compare (np.isin's
        # sort-based path costs more than the rest of the topic on arrays this small)
        order = order[~(order[:, None] == exclude[None, :]).any(axis=1)]
    return order[:k]


def example_raw(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Raw (type, value) feature codes of targets ``[starts, ends)`` in ``codes`` (no topic).

    Returns:
        (types, values): two ``(n, 6 + 2 * (WINDOW - 1))`` uint64 arrays; value 0 = padding.
    """
    w = WINDOW
    pad = np.concatenate([np.zeros(w + 3, dtype=np.uint64), codes, np.zeros(w + 3, dtype=np.uint64)])
    a = starts.astype(np.int64) + w + 3
    b = ends.astype(np.int64) + w + 3
    s21, s42 = np.uint64(21), np.uint64(42)
    l1, l2, l3 = pad[a - 1], pad[a - 2], pad[a - 3]
    r1, r2 = pad[b], pad[b + 1]
    coll = np.stack([l1, (l2 << s21) | l1, (l3 << s42) | (l2 << s21) | l1, r1, (r1 << s21) | r2,
                     (l1 << s21) | r1], axis=1)
    coll_t = np.tile(np.array([_L1, _L2, _L3, _R1, _R2, _LR], dtype=np.uint64), (len(a), 1))
    offs = np.arange(w - 1)
    li = a[:, None] - w + offs[None, :]  # left bigrams start at a-w .. a-2
    ri = b[:, None] + offs[None, :]  # right bigrams start at b .. b+w-2
    left = (pad[li] << s21) | pad[li + 1]
    right = (pad[ri] << s21) | pad[ri + 1]
    # a bigram with a padding character (page edge) is no feature
    left[(pad[li] == 0) | (pad[li + 1] == 0)] = 0
    right[(pad[ri] == 0) | (pad[ri + 1] == 0)] = 0
    types = np.concatenate([coll_t, np.full(left.shape, _WL, dtype=np.uint64),
                            np.full(right.shape, _WR, dtype=np.uint64)], axis=1)
    return types, np.concatenate([coll, left, right], axis=1)


def hash_features(types: np.ndarray, values: np.ndarray, keys: np.ndarray, topic: np.ndarray,
                  exclude: list[np.ndarray]) -> np.ndarray:
    """Hashed indices ``(n, N_FEATS)`` for examples with pair ``keys`` (one per row).

    ``topic`` is the page's topic bigrams (or an ``(n, TOPIC_K)`` matrix, 0-padded);
    ``exclude[i]`` the bigrams of row i's
    pair (dropped from window and topic features, see the module docstring).
    """
    n = len(keys)
    tt = np.full((n, TOPIC_K), _TOPIC, dtype=np.uint64)
    if topic.ndim == 2:  # one topic row per example
        tv = topic
    else:
        tv = np.zeros((n, TOPIC_K), dtype=np.uint64)
        tv[:, :len(topic)] = topic[:TOPIC_K]
    types = np.concatenate([np.full((n, 1), _BIAS, dtype=np.uint64), types, tt], axis=1)
    values = np.concatenate([np.full((n, 1), 1, dtype=np.uint64), values, tv], axis=1)
    width = max((len(ex) for ex in exclude), default=0)
    if width:
        exm = np.zeros((n, width), dtype=np.uint64)
        for i, ex in enumerate(exclude):
            exm[i, :len(ex)] = ex
        body = values[:, 7:]
        hit = (body[:, :, None] == exm[:, None, :]).any(axis=2) & (body != 0)
        values = values.copy()
        values[:, 7:][hit] = 0
    with np.errstate(over="ignore"):
        h = _mix(_mix(values ^ (types * np.uint64(0x9E3779B97F4A7C15))) ^ keys[:, None])
    idx = (h >> np.uint64(64 - BITS)).astype(np.int64)
    idx[values == 0] = _PAD
    return idx


class ContextModel:
    """Hashed logistic weights + topic vocabulary + per-pair prior corrections.

    Attributes:
        weights (np.ndarray): float32, ``2^BITS + 1`` (the last is the padding slot, 0).
        vocab, df (np.ndarray): sorted topic bigram codes and their document frequency.
        offsets (dict[tuple[str, str], float]): prior correction per trained pair.
        meta (dict): how it was trained.
    """

    def __init__(self, weights, vocab, df, offsets: dict, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.vocab = np.asarray(vocab, dtype=np.uint64)
        self.df = np.asarray(df, dtype=np.int32)
        self.offsets = offsets
        self.meta = meta or {}
        self._excl: dict[tuple[str, str], np.ndarray] = {}

    def _exclude(self, pair: tuple[str, str]) -> np.ndarray:
        ex = self._excl.get(pair)
        if ex is None:
            ex = self._excl[pair] = _word_bigrams(*pair)
        return ex

    def logits(self, text: str, spans: list[tuple[int, int]], pairs: list[tuple[str, str]]) -> np.ndarray:
        """log-odds that the text at each span (reading ``pair[0]``) was ``pair[1]``.

        ``text`` is the page as the caller sees it (the spun forms at ``spans`` may
        already be replaced: the target's own characters are never features). Pairs
        the model was not trained on get NaN.
        """
        out = np.full(len(spans), np.nan)
        known = [i for i, p in enumerate(pairs) if p in self.offsets]
        if not known:
            return out
        codes = _codes(text)
        starts = np.array([spans[i][0] for i in known])
        ends = np.array([spans[i][1] for i in known])
        types, values = example_raw(codes, starts, ends)
        keys = np.array([pair_key(*pairs[i]) for i in known], dtype=np.uint64)
        topics = PageTopics(text, codes, self.vocab, self.df)
        tmat = np.zeros((len(known), TOPIC_K), dtype=np.uint64)
        done: dict[tuple[str, str], np.ndarray] = {}
        for r, i in enumerate(known):
            t = done.get(pairs[i])
            if t is None:
                t = done[pairs[i]] = topics.for_pair(pairs[i], self._exclude(pairs[i]))
            tmat[r, :len(t)] = t
        idx = hash_features(types, values, keys, tmat, [self._exclude(pairs[i]) for i in known])
        z = self.weights[idx].sum(axis=1, dtype=np.float64)
        z += np.array([self.offsets[pairs[i]] for i in known])
        out[known] = np.clip(z, -15.0, 15.0)
        return out

    def save(self, path: str | os.PathLike = DEFAULT_PATH) -> None:
        import json

        pairs = sorted(self.offsets)
        with atomic_path(path) as tmp:
            with open(tmp, "wb") as fh:
                np.savez_compressed(
                    fh, weights=self.weights[:-1].astype(np.float16), vocab=self.vocab, df=self.df,
                    pairs=np.array(["\t".join(p) for p in pairs]),
                    offsets=np.array([self.offsets[p] for p in pairs], dtype=np.float32),
                    meta=np.array(json.dumps(self.meta, ensure_ascii=False)))

    @classmethod
    def load(cls, path: str | os.PathLike = DEFAULT_PATH) -> ContextModel:
        import json

        path = Path(path or DEFAULT_PATH)
        if not path.exists():
            raise ModelError(f"despin context model not found at {path}. {RETRAIN}")
        z = np.load(path, allow_pickle=False)
        w = np.concatenate([z["weights"].astype(np.float32), np.zeros(1, dtype=np.float32)])
        offsets = {tuple(p.split("\t")): float(o) for p, o in zip(z["pairs"].tolist(), z["offsets"].tolist())}
        return cls(w, z["vocab"], z["df"], offsets, json.loads(str(z["meta"])))


def _topic_vocab(docs: list[str], lo: float = 0.003, hi: float = 0.06) -> tuple[np.ndarray, np.ndarray]:
    """CJK bigrams in ``lo``-``hi`` of the documents (content words, not function words)."""
    per_doc = [np.unique(_bigrams(_codes(d))) for d in docs]
    allb = np.concatenate(per_doc)
    u, df = np.unique(allb, return_counts=True)
    keep = (df >= max(2, lo * len(docs))) & (df <= hi * len(docs)) & _is_cjk_bigram(u)
    return u[keep], df[keep].astype(np.int32)


def _pairs(lexicon) -> list[tuple[str, str]]:
    """Pairs the scorer is for: every original of an ambiguous (real-word) spun form."""
    return sorted((e.spun, o) for e in lexicon.entries.values() if e.real_word for o in e.originals)


def collect_examples(docs: list[str], pairs: list[tuple[str, str]], vocab: np.ndarray, df: np.ndarray, *,
                     cap: int = 300, progress: bool = True):
    """Hashed training examples from clean ``docs``: ``o`` positive, ``s`` negative per pair.

    Returns:
        (idx, y, offsets, counts): feature indices ``(n, N_FEATS)``, labels, the prior
        correction per pair and (f_o, f_s, n_o, n_s) per pair.
    """
    import re

    from tqdm import tqdm

    sep = "\x00"
    joined = sep.join(docs)
    starts = np.cumsum([0] + [len(d) + 1 for d in docs[:-1]])
    forms = sorted({f for p in pairs for f in p})
    occ: dict[str, np.ndarray] = {}
    for f in tqdm(forms, desc="despin context: find", disable=not progress, file=None):
        occ[f] = np.array([m.start() for m in re.finditer(re.escape(f), joined)], dtype=np.int64)
    per_doc: dict[int, list[tuple[int, int, int, float]]] = {}  # doc -> (start, end, pair idx, label)
    offsets, counts = {}, {}
    for k, (s, o) in enumerate(pairs):
        pos_o, pos_s = occ[o], occ[s]
        if len(pos_o) == 0 or len(pos_s) == 0:
            continue  # no evidence on one side: the scorer abstains (NaN)
        take_o = pos_o[np.unique(np.linspace(0, len(pos_o) - 1, min(cap, len(pos_o))).astype(int))]
        take_s = pos_s[np.unique(np.linspace(0, len(pos_s) - 1, min(cap, len(pos_s))).astype(int))]
        offsets[(s, o)] = float(np.log(len(pos_o) / len(take_o)) - np.log(len(pos_s) / len(take_s)))
        counts[(s, o)] = (len(pos_o), len(pos_s), len(take_o), len(take_s))
        for take, form, label in ((take_o, o, 1.0), (take_s, s, 0.0)):
            d = np.searchsorted(starts, take, side="right") - 1
            for di, p in zip(d.tolist(), take.tolist()):
                a = p - int(starts[di])
                per_doc.setdefault(di, []).append((a, a + len(form), k, label))
    keys = np.array([pair_key(*p) for p in pairs], dtype=np.uint64)
    excl = [_word_bigrams(*p) for p in pairs]
    idx_parts, y_parts = [], []
    for di in tqdm(sorted(per_doc), desc="despin context: features", disable=not progress):
        ex = per_doc[di]
        codes = _codes(docs[di])
        st = np.array([e[0] for e in ex])
        en = np.array([e[1] for e in ex])
        types, values = example_raw(codes, st, en)
        pk = np.array([e[2] for e in ex])
        # topic per pair on this page (its own bigrams excluded, as at run time)
        idx = np.empty((len(ex), N_FEATS), dtype=np.int64)
        topics = PageTopics(docs[di], codes, vocab, df)
        for k in np.unique(pk).tolist():
            rows = np.nonzero(pk == k)[0]
            topic = topics.for_pair(pairs[k], excl[k])
            idx[rows] = hash_features(types[rows], values[rows], np.full(len(rows), keys[k]), topic,
                                      [excl[k]] * len(rows))
        idx_parts.append(idx.astype(np.int32))
        y_parts.append(np.array([e[3] for e in ex]))
    return np.vstack(idx_parts), np.concatenate(y_parts), offsets, counts


def fit_hashed(idx: np.ndarray, y: np.ndarray, *, epochs: int = 4, lr: float = 0.2, l2: float = 1e-6,
               batch: int = 16384, seed: int = 0, progress: bool = True) -> np.ndarray:
    """Logistic regression over hashed binary features by AdaGrad minibatches.

    Deterministic (fixed shuffling seed). The padding slot stays 0.
    """
    from tqdm import tqdm

    d = _PAD + 1
    w = np.zeros(d, dtype=np.float64)
    g2 = np.full(d, 1e-8)
    rng = np.random.default_rng(seed)
    n = len(y)
    for ep in range(epochs):
        order = rng.permutation(n)
        for b0 in tqdm(range(0, n, batch), desc=f"despin context: epoch {ep + 1}", disable=not progress):
            rows = order[b0:b0 + batch]
            ix = idx[rows]
            z = w[ix].sum(axis=1)
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            g = np.bincount(ix.ravel(), weights=np.repeat(p - y[rows], ix.shape[1]), minlength=d)
            touched = np.unique(ix)
            g = g[touched] / len(rows) * 256 + l2 * w[touched]
            g2[touched] += g * g
            w[touched] -= lr * g / np.sqrt(g2[touched])
            w[_PAD] = 0.0
    return w.astype(np.float32)


def train_context(out: str | os.PathLike = DEFAULT_PATH, *, cap: int = 250, epochs: int = 3,
                  progress: bool = True) -> dict:
    """Fit the context scorer on the LM corpus split and save it (``zhie train despin-context``).

    The same corpora and lexicon give the same weights (the .npz zip timestamps differ). Never reads inews dev[:300],
    inews test or any spinning table.

    Returns:
        dict: the model's meta (pairs, examples, training log-loss/accuracy on the capped
        examples, file size, seconds). Its real test is the dev evaluation of the stage.
    """
    from . import corpora
    from .lexicon import NOT_IN_TRAINING, load_cached

    t0 = time.time()
    docs = corpora.texts("lm")
    lex = load_cached("", exclude_sources=NOT_IN_TRAINING)  # the pairs it was trained on
    pairs = _pairs(lex)
    vocab, df = _topic_vocab(docs)
    idx, y, offsets, counts = collect_examples(docs, pairs, vocab, df, cap=cap, progress=progress)
    w = fit_hashed(idx, y, epochs=epochs, progress=progress)
    z = w[idx].sum(axis=1, dtype=np.float64)
    p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    ll = float(-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)))
    acc = float(np.mean((p >= 0.5) == (y == 1)))
    meta = {"trained_on": "nlp.despin.corpora lm split (inews train + dev[300:] + People's Daily first half)",
            "pairs": len(offsets), "pairs_in_lexicon": len(pairs), "examples": int(len(y)), "cap": cap,
            "epochs": epochs, "bits": BITS, "window": WINDOW, "topic_k": TOPIC_K, "topic_vocab": int(len(vocab)),
            "train_logloss_capped": round(ll, 4), "train_accuracy_capped": round(acc, 4)}
    model = ContextModel(w, vocab, df, offsets, meta)
    model.save(out)
    meta["file_bytes"] = Path(out).stat().st_size
    meta["seconds"] = round(time.time() - t0, 1)
    return meta
