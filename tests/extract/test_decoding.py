"""BIO-constrained Viterbi decoding of the tagger's word labels (nlp.extract.labels / model.decode_words)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from nlp.extract.labels import LABELS, bio_allowed, bio_transitions, decode_spans, viterbi_labels
from nlp.extract.model import decode_words


def _consistent(path):
    return all(bio_allowed(None if t == 0 else path[t - 1], k) for t, k in enumerate(path))


def _logp(lg):
    return lg - np.log(np.exp(lg).sum(-1, keepdims=True))


@pytest.mark.parametrize("seed", range(6))
def test_viterbi_is_the_best_consistent_path(seed):
    # brute force over every label path of a 3-word sentence: the decoder's path is BIO-consistent
    # and no consistent path scores higher (weight 0: the tagger's log-probabilities only)
    rng = np.random.default_rng(seed)
    lg = rng.normal(size=(3, len(LABELS))) * 3
    path, probs = viterbi_labels(lg)
    assert _consistent(path)
    lp = _logp(lg)
    best = max(sum(lp[t, k] for t, k in enumerate(p))
               for p in itertools.product(range(len(LABELS)), repeat=3) if _consistent(p))
    assert sum(lp[t, k] for t, k in enumerate(path)) == pytest.approx(best)
    assert probs == pytest.approx([float(np.exp(lp[t, k])) for t, k in enumerate(path)])


def test_viterbi_keeps_a_consistent_argmax_and_repairs_an_orphan_inside():
    i = {lab: k for k, lab in enumerate(LABELS)}
    # 中 国 人 民 银 行: the argmax says O for 中 (0.55) and I-ACTOR for 国 (the greedy decoder then
    # starts the actor at 国: 国人民银行); the consistent path extends the span left (中国人民银行)
    lg = np.full((6, len(LABELS)), -8.0)
    lg[0, i["O"]], lg[0, i["B-ACTOR"]] = np.log(0.55), np.log(0.44)
    lg[1, i["I-ACTOR"]], lg[1, i["B-ACTOR"]] = np.log(0.9), np.log(0.09)
    for t in range(2, 6):
        lg[t, i["I-ACTOR"]] = 0.0
    wsp = [(k, k + 1) for k in range(6)]
    greedy = decode_spans(wsp, lg.argmax(-1).tolist())
    assert [(s.start, s.end, s.type) for s in greedy] == [(1, 6, "ACTOR")]
    path, _ = viterbi_labels(lg)
    assert [LABELS[k] for k in path] == ["B-ACTOR"] + ["I-ACTOR"] * 5
    # a consistent argmax is left alone
    lg2 = lg.copy()
    lg2[0, i["B-ACTOR"]] = 1.0
    assert viterbi_labels(lg2)[0] == lg2.argmax(-1).tolist()
    # decode_words: Viterbi spans only for the configured types
    spans = decode_words(wsp, lg, {"types": ["ACTOR"], "weight": 0.0})
    assert [(s.start, s.end, s.type) for s in spans] == [(0, 6, "ACTOR")]
    same = decode_words(wsp, lg, {"types": [], "weight": 0.0})
    assert [(s.start, s.end, s.type) for s in same] == [(1, 6, "ACTOR")]


def test_train_gold_labels_never_make_a_forbidden_move():
    # the transitions are counted on the train split's word labels (train.decoding_settings);
    # gold spans aligned to words (labels.word_labels) are BIO-consistent, so every forbidden
    # move keeps only its add-one count
    from tokenizers import Tokenizer

    from nlp.evaluate.extract import read_jsonl
    from nlp.extract.train import CORPUS, DEFAULT_OUT, IGNORE, encode_example

    tok = Tokenizer.from_file(str(DEFAULT_OUT / "tokenizer.json"))
    tok.enable_truncation(128)
    recs = read_jsonl(CORPUS / "train.jsonl")[:300]
    seqs = [[lab for lab in encode_example(tok, r, 128)["labels"] if lab != IGNORE] for r in recs]
    assert all(_consistent(s) for s in seqs)
    T = np.exp(np.array(bio_transitions(seqs)))
    n = len(LABELS)
    start_i = T[n, [k for k in range(n) if LABELS[k].startswith("I-")]]
    assert (start_i < 0.01).all()
    assert T[LABELS.index("B-ACTOR"), LABELS.index("I-ACTOR")] > 0.5


def test_snap_moves_an_edge_to_the_word_edge_only_when_the_tagger_agrees():
    from nlp.extract.model import snap_spans
    from nlp.extract.labels import Span
    from nlp.extract.refine import words_of

    i = {lab: k for k, lab in enumerate(LABELS)}
    sent = "今年出境旅游人数达到500万人次"
    assert (2, 4) in words_of(sent)                      # 出境 is one jieba word
    wsp = [(k, k + 1) for k in range(len(sent))]

    def logits(mass_chu):
        lg = np.full((len(sent), len(LABELS)), -6.0)
        lg[:, i["O"]] = 0.0
        lg[2] = np.log([1 - mass_chu if lab == "O" else mass_chu if lab == "I-ACTOR" else 1e-6 for lab in LABELS])
        return lg

    span = [Span(3, 8, "ACTOR")]                          # 境旅游人数: the argmax cut 出境
    got = snap_spans(sent, span, wsp, logits(0.45), ["ACTOR"], 0.4)
    assert [(s.start, s.end) for s in got] == [(2, 8)]   # 出境旅游人数
    kept = snap_spans(sent, span, wsp, logits(0.1), ["ACTOR"], 0.4)
    assert [(s.start, s.end) for s in kept] == [(3, 8)]  # the tagger gave 出 no actor mass: left alone
