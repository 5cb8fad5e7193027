"""What surrounds the weights of a tagger with word features (issue 5, session 18): the int8 graph's
calibration and `zhie train model --features`. The features themselves: tests/extract/test_features.py."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "extract"
SENTS = ["平台全年累计处罚违规创作者97.1万人。", "用户好感度因此上升8.4%。",
         "此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。"]

needs_model = pytest.mark.skipif(not (MODEL / "model.safetensors").exists(),
                                 reason="models/extract not trained (zhie train model)")


def _feature_tagger(d: Path, scale: float) -> Path:
    """A copy of the shipped tagger with word-feature tables (seeded normal * ``scale``)."""
    import torch
    from safetensors.torch import load_file, save_file

    from nlp.extract.features import FEATURE_SIZES

    shutil.copytree(MODEL, d, ignore=shutil.ignore_patterns("int8_ranges.json", "README.md"))
    cfg = json.loads((d / "config.json").read_text(encoding="utf-8"))
    cfg["word_features"] = dict(FEATURE_SIZES)
    (d / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    sd = load_file(str(d / "model.safetensors"))
    g = torch.Generator().manual_seed(0)
    sd.update({f"feats.{k}.weight": (torch.randn(n, cfg["hidden_size"], generator=g) * scale).half()
               for k, n in FEATURE_SIZES.items()})
    save_file(sd, str(d / "model.safetensors"), metadata={"format": "pt"})
    return d


@pytest.mark.slow
@needs_model
def test_int8_calibration_feeds_the_word_features(tmp_path, monkeypatch):
    """`zhie train int8-ranges` on a feature tagger: the calibration pass feeds every sentence's jieba
    feature ids (the ranges move when they are replaced by zeros), and the int8 graph built from the
    written ranges takes them as its third input and extracts tuples."""
    from nlp.extract import onnx_runtime as ox
    from nlp.extract.model import ModelExtractor

    monkeypatch.setenv("ZHIE_CACHE_DIR", str(tmp_path / "cache"))
    # a few calibration sentences of the shipped list keep the pass short; the plumbing is the same
    calib = ox.calibration_sentences()[:12]
    monkeypatch.setattr(ox, "calibration_sentences", lambda: calib)
    d = _feature_tagger(tmp_path / "feat", 0.015)   # the std of session 17's trained tables (0.013-0.015)
    info = ox.write_int8_ranges(d)
    assert info["calibration_sentences"] == len(calib) and info["tensors"] > 0
    written = json.loads((d / ox.RANGES_FILE).read_text(encoding="utf-8"))["ranges"]
    # the same pass with the feature ids of every piece set to 0 (= no feature) gives other ranges
    import nlp.extract.features as feats

    fp32 = ox.build_cache(d, quiet=True)
    real = feats.piece_features
    monkeypatch.setattr(feats, "piece_features", lambda *a, **k: real(*a, **k) * 0)
    zero = ox.activation_ranges(fp32, sorted(written), calib, model_dir=d)
    monkeypatch.setattr(feats, "piece_features", real)
    moved = [t for t in written if tuple(zero[t]) != tuple(written[t])]
    assert len(moved) >= len(written) // 2, (len(moved), len(written))
    # the int8 build reads the written ranges (no second calibration) and serves the feature input
    path = ox.build_int8_cache(d, quiet=True)
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["ranges_source"] == "shipped" and meta["argmax_agreement"] > 0.9
    ext = ModelExtractor(model_dir=str(d), int8=True, runtime="onnx")
    assert ext.loaded.int8 and ext.loaded.features
    assert ox.FEATURES_INPUT in {i.name for i in ext.loaded.ort.session.get_inputs()}
    out = ext.predict(SENTS)
    assert len(out) == len(SENTS) and any(out)


def test_train_model_cli_passes_the_features_flag(monkeypatch, capsys):
    """`zhie train model --features` trains a feature tagger (train_model(features=True)); --no-features
    the plain one; without the flag train_model's default; other trainers refuse the flag."""
    import nlp.extract.train as train
    from nlp.cli import main

    calls = []
    monkeypatch.setattr(train, "train_model", lambda *a, **k: calls.append((a, k)))
    assert main(["train", "model", "--features", "-o", "/nonexistent/zhie-model"]) == 0
    assert main(["train", "model", "--no-features", "-o", "/nonexistent/zhie-model"]) == 0
    assert main(["train", "model", "-o", "/nonexistent/zhie-model"]) == 0
    assert calls == [(("/nonexistent/zhie-model",), {"features": True}),
                     (("/nonexistent/zhie-model",), {"features": False}),
                     (("/nonexistent/zhie-model",), {})]
    assert main(["train", "lexicon", "--features", "-o", "/nonexistent/zhie-model"]) == 2
    assert "--features" in capsys.readouterr().err and len(calls) == 3
