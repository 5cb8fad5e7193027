"""Candidate originals learned from clean text: words that fill the same slots (issue 4, eighth pass).

Why: under the unseen-table protocol (:mod:`nlp.evaluate.despin_unseen`) 45 % of the missed
tokens of pairs the lexicon does not know have no 同义词词林 "=" mate to propose (由于 <- 因为,
当前 <- 目前, 层面 <- 方面, 学员 <- 学生): a table tool's synonym list is wider than Cilin's
synonym groups. A spun word sits in the slots where its original is common, so the original
is among the words whose left and right neighbours in clean text are most like the spun
word's.

:func:`train_neighbours` segments the LM split of the clean corpora (:mod:`nlp.despin.corpora`:
inews train + dev[300:] + People's Daily first half; never inews dev[:300], inews test or the
seeds) with jieba, counts each 2-3 character word's immediate left and right neighbour words,
weighs them by positive PMI and keeps, per word, its ``top`` most similar words of the same
length (cosine) that are *related* to it: they share a character, or they share a Cilin
category down to ``level`` code characters (``Ka01``: 由于/因为), and they are no "=" group-mates
(the synonym source's). Slot similarity alone also finds co-hyponyms and antonyms (北京/上海,
增加/减少); relatedness and the candidate model (:class:`nlp.despin.thesaurus.ThesaurusModel`,
source ``"neighbours"``, trained like the others by ``train_thesaurus``) keep them out.
The result, word -> neighbours, is a small JSON file (models/despin/neighbours.json) read by
:meth:`nlp.despin.thesaurus.Thesaurus.load` with ``source="neighbours"``.
"""
from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..io.writers import write_text_atomic

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "despin" / "neighbours.json"
_CJK = re.compile("[\u3400-\u9fff]+")


def cilin_codes(path: str | Path | None = None) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Every Cilin word's leaf codes (``Aa01A01=``) and its "=" group-mates (any length)."""
    from .thesaurus import default_path

    tree = json.loads(Path(path or default_path()).read_text(encoding="utf-8"))
    codes: dict[str, set[str]] = {}
    mates: dict[str, set[str]] = {}

    def walk(node, code: str) -> None:
        if isinstance(node, list):
            for w in node:
                codes.setdefault(w, set()).add(code)
                if code.endswith("="):
                    mates.setdefault(w, set()).update(node)
            return
        for key, sub in node.get("sub", {}).items():
            walk(sub, code + key)

    for key, node in tree.items():
        walk(node, key)
    return codes, mates


def related(a: str, b: str, codes: dict[str, set[str]], level: int) -> bool:
    """``a`` and ``b`` share a character or a Cilin category (the first ``level`` code characters),
    and they are no co-hyponyms: members of one Cilin "#" leaf (篮球/足球, 柳州/南昌, 男人/女人) are
    kinds of one thing, never a synonym swap (unseen-table protocol: 19 of the 22 false rewrites
    at probability >= 0.95 before this rule)."""
    ca, cb = codes.get(a, set()), codes.get(b, set())
    if any(c.endswith("#") for c in ca & cb):
        return False
    if set(a) & set(b):
        return True
    pa = {c[:level] for c in ca}
    return any(c[:level] in pa for c in cb)


def slot_neighbours(docs: list[list[str]], *, top: int = 20, min_count: int = 5, context_min: int = 10,
                    progress: bool = True) -> tuple[dict[str, list[tuple[str, float]]], Counter]:
    """Per 2-3 character CJK word seen ``min_count`` times: its ``top`` most slot-similar words.

    Vectors: counts of the word immediately left and right (position-tagged; context words seen
    ``context_min`` times), positive PMI with context-distribution smoothing (0.75), cosine.
    Ties break by word, so the result is deterministic.

    Returns:
        (neighbours, counts): word -> [(neighbour, cosine)] best first, same length only; word counts.
    """
    import scipy.sparse as sp
    from tqdm import tqdm

    cnt = Counter(w for d in docs for w in d)
    targets = sorted(w for w, c in cnt.items() if c >= min_count and 2 <= len(w) <= 3 and _CJK.fullmatch(w))
    ctx = sorted(w for w, c in cnt.items() if c >= context_min)
    ti = {w: i for i, w in enumerate(targets)}
    ci = {w: i for i, w in enumerate(ctx)}
    n_ctx = len(ctx)
    rows: list[int] = []
    cols: list[int] = []
    for d in tqdm(docs, desc="slot vectors", disable=not progress, leave=False):
        last = len(d) - 1
        for p, w in enumerate(d):
            i = ti.get(w)
            if i is None:
                continue
            if p > 0 and (j := ci.get(d[p - 1])) is not None:
                rows.append(i)
                cols.append(j)
            if p < last and (j := ci.get(d[p + 1])) is not None:
                rows.append(i)
                cols.append(n_ctx + j)
    m = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(targets), 2 * n_ctx)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(1)).ravel()
    col_p = np.asarray(m.sum(0)).ravel() ** 0.75
    col_p /= col_p.sum()
    m = m.tocoo()
    pmi = np.log(m.data / (row_sum[m.row] / total) / col_p[m.col] / total)
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    norm = np.sqrt(np.asarray(ppmi.multiply(ppmi).sum(1)).ravel())
    norm[norm == 0] = 1.0
    ppmi = (sp.diags(1.0 / norm) @ ppmi).tocsr()
    lens = np.array([len(w) for w in targets])
    out: dict[str, list[tuple[str, float]]] = {}
    for length in (2, 3):
        idx = np.where(lens == length)[0]
        sub = ppmi[idx]
        sub_t = sub.T.tocsc()
        for b in tqdm(range(0, len(idx), 2000), desc=f"neighbours, {length} chars", disable=not progress,
                      leave=False):
            sim = (sub[b:b + 2000] @ sub_t).toarray()
            for r in range(sim.shape[0]):
                sim[r, b + r] = -1.0
                k = min(top, sim.shape[1] - 1)
                best = np.argpartition(-sim[r], k)[:k]
                best = best[np.lexsort((best, -sim[r, best]))]
                out[targets[idx[b + r]]] = [(targets[idx[j]], round(float(sim[r, j]), 4))
                                            for j in best if sim[r, j] > 0]
    return out, cnt


def toponym_pairs(mates: dict[str, list[str]]) -> set[tuple[str, str]]:
    """``(word, mate)`` pairs of two place names (jieba's dictionary tags both ``ns``: 重庆/北京, 三明市/福州市).

    Slot similarity pairs place names with each other, and a spun page about one city has no other
    city's name on it, so 重庆 -> 北京 passed every page filter (52 false rewrites on one page of the
    test8 development table, tenth pass); synonym tables do not swap toponyms."""
    import jieba

    words = set(mates).union(*mates.values())
    ns = set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "ns" and parts[0] in words:
                ns.add(parts[0])
    return {(w, o) for w, v in mates.items() if w in ns for o in v if o in ns}


def drop_toponym_pairs(mates: dict[str, list[str]]) -> dict[str, list[str]]:
    """``mates`` without :func:`toponym_pairs` (words left without a mate are dropped)."""
    bad = toponym_pairs(mates)
    out = {}
    for w, v in mates.items():
        keep = [o for o in v if (w, o) not in bad]
        if keep:
            out[w] = keep
    return out


def train_neighbours(out: str | os.PathLike | None = None, *, top: int = 20, level: int = 4, min_count: int = 5,
                     context_min: int = 10, progress: bool = True) -> dict:
    """Build models/despin/neighbours.json from the clean LM split (module docstring).

    ``zhie train despin-neighbours`` should call it. Deterministic: the same installed corpora,
    jieba dictionary and Cilin data give the same file.

    Args:
        out: the JSON to write; defaults to models/despin/neighbours.json.
        top (int): slot-similar words considered per word (before the relatedness filter). Defaults to 20.
        level (int): Cilin code characters two words must share to count as related (4 = the
            third level, e.g. ``Ka01``), unless they share a character. Defaults to 4.
        min_count (int): a word needs this many occurrences in the corpus. Defaults to 5.
        context_min (int): a neighbour word counts as a context feature from this count. Defaults to 10.
        progress (bool): tqdm progress on stderr. Defaults to True.

    Returns:
        dict: the file's meta (words, pairs, seconds).
    """
    import logging

    import jieba
    from tqdm import tqdm

    from . import corpora

    t0 = time.time()
    jieba.setLogLevel(logging.WARNING)
    docs = [jieba.lcut(d, HMM=False)
            for d in tqdm(corpora.texts("lm"), desc="segmenting", disable=not progress, leave=False)]
    nb, _cnt = slot_neighbours(docs, top=top, min_count=min_count, context_min=context_min, progress=progress)
    codes, syn = cilin_codes()
    mates = {}
    for w in sorted(nb):
        keep = [o for o, _sim in nb[w] if o not in syn.get(w, ()) and related(w, o, codes, level)]
        if keep:
            mates[w] = keep
    mates = drop_toponym_pairs(mates)
    meta = {"built_by": "nlp.despin.neighbours.train_neighbours", "corpus": "despin lm split (nlp.despin.corpora)",
            "segmenter": "jieba, HMM off", "top": top, "level": level, "min_count": min_count,
            "context_min": context_min, "toponym_pairs": "dropped", "words": len(mates), "pairs": sum(map(len, mates.values())),
            "seconds": round(time.time() - t0, 1)}
    path = Path(out or DEFAULT_PATH)
    body = {"meta": {k: v for k, v in meta.items() if k != "seconds"}, "mates": mates}
    write_text_atomic(path, json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return meta


def load_mates(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """word -> its related slot neighbours (same length), from :func:`train_neighbours`'s JSON."""
    from ..errors import ModelError

    path = Path(path or DEFAULT_PATH)
    if not path.exists():
        raise ModelError(f"Despin neighbours file not found: {path}. Build it with `zhie train despin-neighbours` "
                         "(nlp.despin.neighbours.train_neighbours()) or set stages.despin.thesaurus_neighbours = false.")
    return {w: tuple(v) for w, v in json.loads(path.read_text(encoding="utf-8"))["mates"].items()}
