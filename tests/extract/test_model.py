"""The shipped tagger (models/extract, backend "model") extracts guide tuples with consistent offsets."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "extract"

pytestmark = pytest.mark.skipif(not (MODEL / "model.safetensors").exists(),
                                reason="models/extract not trained (zhie train model)")

FIELDS = ("actor", "action", "quantity", "unit")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import get_extractor

    return get_extractor("model")


def _key(t):
    return (t.actor, t.action, t.quantity, t.unit)


# Sentences from the seed pages (ANNOTATION.md worked examples) and the gold dev split.
@pytest.mark.parametrize("sentence, expected", [
    ("用户好感度因此上升8.4%。", ("用户好感度", "上升", "8.4", "%")),
    # cut out of its seed-001 sentence, the session-5 weights lost this clause's actor to a QUANTITY
    # span on 72 (strict xfail then); the session-6 weights (2,795 train sentences) get it right
    # without a rule, so the mark is gone and the case guards it
    # session 14/15: the int8 ONNX graph (default int8="auto" since session 15) loses 消费者 from this
    # actor while the fp32 graph of the same weights keeps it (test_fp32_keeps_the_whole_actor below);
    # int8 is the default on dev+dev2 (-0.38 point strict, within the half point): a known loss
    pytest.param("消费者问题72小时解决率同比提升了50%。", ("消费者问题72小时解决率", "提升", "50", "%"),
                 marks=pytest.mark.xfail(strict=True, reason="int8 graph: actor edge (sessions 14-15)")),
    # session-5 weights: the tagger also marks 项 as an ACTION (p 0.40), the link head takes it (0.58)
    # and refine grows it to the jieba word 专项. Dropping ACTION spans under p 0.5 from the link
    # candidates fixes it and moved dev+dev2 by +2 tuples of 757 (noise): measured, not shipped.
    # Strict xfail until session 7; the session-7 weights (10 epochs, average of 8-10) link 治理
    # (it failed with the session-6 weights plus refine rule 19), so the mark is gone and it guards it
    ("此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。", ("我们", "治理", "28", "次")),
])
def test_model_extracts_seed_tuples(extractor, sentence, expected):
    """The model finds the annotated tuple of real seed sentences (72 inside the actor is not a quantity)."""
    got = [_key(t) for t in extractor.predict([sentence])[0]]
    assert got == [expected]


def test_fp32_keeps_the_whole_actor():
    """The fp32 forward pass of the shipped weights (ONNX or torch) finds the seed-001 clause's whole actor,
    72 inside it not being a quantity; the default int8 graph cuts it (the xfail case above)."""
    from nlp.extract import get_extractor

    sentence = "消费者问题72小时解决率同比提升了50%。"
    for runtime in ("auto", "torch"):
        got = [_key(t) for t in get_extractor("model", int8=False, runtime=runtime).predict([sentence])[0]]
        assert got == [("消费者问题72小时解决率", "提升", "50", "%")], runtime


def test_default_tuples_do_not_depend_on_the_batch(extractor):
    """A sentence gets the same tuples alone and batched with others (40 dev2 sentences, batches of 8
    sorted by length): what a batch job, the HTTP server's micro-batching and Ray shards rely on. The
    default is the int8 ONNX graph since session 15, whose activation scales are fixed by calibration
    (0 of 200 dev2 sentences differ); session 14's dynamic int8 graph broke it (one scale per batch
    tensor: 20 of 200 differ), which is why it was not the default."""
    with open(ROOT / "corpora" / "extract" / "dev2.jsonl", encoding="utf-8") as fh:
        sents = [json.loads(line)["text"] for line in fh if line.strip()][:40]
    batched = [[_key(t) for t in ts] for ts in extractor.predict(sents)]
    alone = [[_key(t) for t in extractor.predict([s])[0]] for s in sents]
    assert sum(map(len, alone)) >= 20          # the sentences do carry tuples
    assert batched == alone


def test_model_offsets_index_the_sentence(extractor):
    """Every non-empty field's offsets cut exactly that field out of the sentence; value/qualifier filled."""
    sents = [r["text"] for r in _dev()[:60]]
    n = 0
    for sent, tuples in zip(sents, extractor.predict(sents)):
        for t in tuples:
            assert t.sentence == sent
            for f in FIELDS:
                val = getattr(t, f)
                if val:
                    s, e = t.offsets[f]
                    assert sent[s:e] == val
                    n += 1
                else:
                    assert f not in t.offsets or t.offsets[f][0] == t.offsets[f][1]
            assert t.qualifier in {">", ">=", "<", "<=", "~", "="}
            assert 0.0 <= t.score <= 1.0
    assert n > 50


def test_model_no_tuple_without_reported_quantity(extractor):
    """Dates, ordinals and names with digits give no tuple (guide: which numbers get a tuple)."""
    out = extractor.predict(["2021年2月28日，第一届“3·15”晚会在北京举行。"])[0]
    assert [t.quantity for t in out] == []


def test_predict_api_text_offsets_and_batching():
    """nlp.extract.predict on a two-sentence text: offsets["text"] locates the sentence in the input;
    batched output equals sentence-by-sentence output."""
    from nlp.extract import predict

    text = "用户好感度因此上升8.4%。此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。"
    tuples = predict(text, backend="model")
    assert [t.quantity for t in tuples] == ["8.4", "28"]
    for t in tuples:
        s, e = t.offsets["text"]
        assert text[s:e] == t.sentence
        qs, qe = t.offsets["quantity"]
        assert text[s + qs:s + qe] == t.quantity
    single = [predict(t.sentence, backend="model") for t in tuples]
    assert [[_key(x) for x in y] for y in single] == [[_key(tuples[0])], [_key(tuples[1])]]


def test_model_thread_safe(extractor):
    """Concurrent predict() calls from threads return the same tuples as a serial call."""
    sents = [r["text"] for r in _dev()[:24]]
    ref = [[_key(t) for t in ts] for ts in extractor.predict(sents)]
    results, errors = [None] * 4, []

    def work(k):
        try:
            results[k] = [[_key(t) for t in ts] for ts in extractor.predict(sents)]
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert all(r == ref for r in results)


def test_inference_network_equals_transformers(extractor):
    """The transformers-free inference BERT gives the hidden states of transformers' BertModel."""
    import torch
    from transformers import BertConfig, BertForTokenClassification

    m = extractor.loaded
    tc = BertForTokenClassification(BertConfig.from_json_file(str(MODEL / "config.json")))
    tc.load_state_dict(m.net.tc.state_dict())
    tc.eval()
    enc = [m.tok.encode(s).ids for s in ("平台全年累计处罚违规创作者97.1万人。", "用户好感度因此上升8.4%。")]
    T = max(map(len, enc))
    pad = m.tok.token_to_id("<pad>")
    ids = torch.tensor([x + [pad] * (T - len(x)) for x in enc])
    mask = (ids != pad).long()
    with torch.inference_mode():
        ours = m.net.tc.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        ref = tc.bert(input_ids=ids, attention_mask=mask).last_hidden_state
    assert float(((ours - ref).abs() * mask[..., None]).max()) < 1e-4


def _dev():
    with open(ROOT / "corpora" / "extract" / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
