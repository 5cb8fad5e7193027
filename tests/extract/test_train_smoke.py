"""`zhie train model` (nlp.extract.train.train_model) end to end on a tiny real corpus (slow: ~1 min)."""
from __future__ import annotations

import json

import pytest

from nlp.extract.train import CORPUS, DECODING, train_model


@pytest.mark.slow
def test_train_model_runs_end_to_end_and_writes_the_decoding(tmp_path, monkeypatch, encoder_dir):
    # 40 real train sentences, 15 dev + 15 dev2: the loop, the in-memory dev scoring (train._extractor
    # must keep up with model._Loaded's attributes), the decoding settings and the reloaded scoring
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(tmp_path / "cache"))   # the reloaded model's ONNX graph
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, n in (("train", 40), ("dev", 15), ("dev2", 15)):
        lines = (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:n]
        (corpus / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    res = train_model(out, epochs=2, score_from=2, average_from=None, corpus_dir=corpus,
                      encoder_dir=encoder_dir, threads=1, progress=False)
    assert [h["epoch"] for h in res["history"]] == [1, 2]
    assert "dev_strict" not in res["history"][0] and "dev_strict" in res["history"][1]
    st = json.loads((out / "settings.json").read_text(encoding="utf-8"))
    assert st["decoding"]["types"] == list(DECODING["types"])
    assert len(st["decoding"]["transitions"]) == 10
    # the stored fp16 weights reloaded score like the in-memory ones (within fp16 rounding)
    assert abs(res["dev_shipped"]["span"]["f1"] - res["dev"]["span"]["f1"]) < 0.05
