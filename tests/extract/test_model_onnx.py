"""ONNX Runtime path of the tagger (nlp/extract/onnx_runtime.py): same tuples as torch, cache keyed on the weights."""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "extract"

ort = pytest.importorskip("onnxruntime", reason="onnxruntime not installed (extract extra): ONNX path untested")
pytest.importorskip("onnx", reason="onnx not installed (extract extra): the graph cannot be exported")
torch = pytest.importorskip("torch")

FIELDS = ("actor", "action", "quantity", "unit")


def _dev(n):
    with open(ROOT / "corpora" / "extract" / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()][:n]


def _tuples(ext, sents):
    return [[(tuple(getattr(t, f) for f in FIELDS), t.qualifier, sorted(t.offsets.items()), round(t.score, 3))
             for t in ts] for ts in ext.predict(sents)]


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_onnx_and_torch_give_the_same_tuples():
    """On 20 dev sentences and two seed sentences (real text) both runtimes' fp32 passes return identical
    tuples, offsets and (to 3 decimals) scores; the ONNX graph is built in the user cache if missing.
    (int8="auto" serves the int8 graph on ONNX only: test_int8_auto_is_int8_on_onnx_and_fp32_on_torch.)"""
    from nlp.extract.model import ModelExtractor

    sents = _dev(20) + ["用户好感度因此上升8.4%。", "平台全年累计处罚违规创作者97.1万人。"]
    onnx_ext = ModelExtractor(runtime="onnx", int8=False)
    torch_ext = ModelExtractor(runtime="torch", int8=False)
    assert onnx_ext.loaded.runtime == "onnx" and torch_ext.loaded.runtime == "torch"
    got, ref = _tuples(onnx_ext, sents), _tuples(torch_ext, sents)
    assert sum(map(len, ref)) >= 15          # the sentences do carry tuples
    assert got == ref


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_onnx_cold_start_does_not_import_torch():
    """A fresh process predicting with runtime="onnx" (cache present) never imports torch (cold start)."""
    from nlp.extract.onnx_runtime import build_cache

    build_cache(MODEL, quiet=True)
    code = ("import sys, json; from nlp import predict; "
            "r = predict('用户好感度因此上升8.4%。', backend='model', runtime='onnx'); "
            "print(json.dumps([[t.quantity, t.unit] for t in r] + ['torch' in sys.modules]))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert json.loads(res.stdout.strip().splitlines()[-1]) == [["8.4", "%"], False]


def _tiny_model(dst: Path, seed: int) -> Path:
    """A 2-layer, 32-wide tagger with random weights, the shipped tokenizer and int8 storage."""
    from safetensors.torch import save_file

    from nlp.extract.model import build_inference_network, quantize_state

    dst.mkdir(parents=True, exist_ok=True)
    cfg = json.loads((MODEL / "config.json").read_text(encoding="utf-8"))
    cfg.update(hidden_size=32, num_attention_heads=4, intermediate_size=64, num_hidden_layers=2)
    (dst / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    shutil.copy(MODEL / "tokenizer.json", dst / "tokenizer.json")
    torch.manual_seed(seed)
    net = build_inference_network(cfg)
    for p in net.parameters():  # bigger random weights so that labels and links vary
        torch.nn.init.normal_(p, std=0.5)
    save_file(quantize_state(net.state_dict()), str(dst / "model.safetensors"))
    return dst


@pytest.mark.skipif(not (MODEL / "tokenizer.json").exists(), reason="models/extract not trained")
def test_cache_is_rebuilt_when_the_weights_change(tmp_path):
    """New weights in the same directory -> new cache key -> a fresh graph whose outputs match the new
    torch network (the old graph is not reused); an unchanged directory reuses its graph."""
    import numpy as np

    from nlp.extract import onnx_runtime as ox
    from nlp.extract.model import _Loaded, batch_arrays

    model, cache = _tiny_model(tmp_path / "m", seed=1), tmp_path / "cache"
    p1 = ox.build_cache(model, cache, quiet=True)
    assert ox.build_cache(model, cache, quiet=True) == p1 and p1.stat().st_size > 0
    mtime = p1.stat().st_mtime_ns
    _tiny_model(model, seed=2)                       # retrained: weights replaced in place
    p2 = ox.build_cache(model, cache, quiet=True)
    assert p2 != p1 and p2.exists() and p1.stat().st_mtime_ns == mtime
    assert json.loads(p2.with_suffix(".json").read_text())["max_abs_diff"] < 1e-3

    tl = _Loaded(model, int8=False, threads=1, runtime="torch")
    tok = tl.tok
    ids, mask = batch_arrays(tok.encode_batch(["平台全年累计处罚违规创作者97.1万人。", "上升8.4%。"]),
                             tok.token_to_id("<pad>"))
    ref = tl.forward(ids, mask)
    new, old = ox.OrtNetwork(p2, threads=1)(ids, mask), ox.OrtNetwork(p1, threads=1)(ids, mask)
    keep = mask[..., None].astype(bool)
    for k in ref:
        assert np.abs(np.where(keep, ref[k] - new[k], 0)).max() < 1e-3
    assert np.abs(np.where(keep, ref["logits"] - old["logits"], 0)).max() > 1e-2   # the stale graph differs


@pytest.mark.skipif(not (MODEL / "tokenizer.json").exists(), reason="models/extract not trained")
def test_unwritable_cache_falls_back_to_torch(tmp_path, monkeypatch):
    """runtime="auto" with a cache dir that cannot be created warns and serves the torch network;
    runtime="onnx" raises a coded ModelError with the fix."""
    from nlp.errors import ModelError
    from nlp.extract.model import _Loaded

    model = _tiny_model(tmp_path / "m", seed=3)
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match="ONNX cache unavailable"):
        m = _Loaded(model, int8=False, threads=1, runtime="auto")
    assert m.runtime == "torch" and m.ort is None
    with pytest.raises(ModelError, match=r"\[E401\].*runtime='torch'"):
        _Loaded(model, int8=False, threads=1, runtime="onnx")


def test_link_scores_match_the_torch_link_head():
    """The numpy link scores (q.k + distance bias) equal the torch LinkHead on random hidden states."""
    import numpy as np

    from nlp.extract.model import _link_head
    from nlp.extract.onnx_runtime import link_scores

    torch.manual_seed(0)
    head = _link_head(48, dim=16)
    torch.nn.init.normal_(head.dist.weight)
    h = torch.randn(1, 40, 48)
    pos = torch.cat([torch.zeros(1), torch.arange(1, 39), torch.zeros(1)]).long()[None]   # specials = 0
    qpos = torch.tensor([[3, 17, 30]])
    with torch.inference_mode():
        ref = head(h, qpos, pos)[0].numpy()
        q, k = (head.q(h)[0] * head.scale).numpy(), head.k(h)[0].numpy()
    got = link_scores(q, k, head.dist.weight.detach().numpy().reshape(-1), qpos[0].numpy(), pos[0].numpy())
    assert np.abs(got - ref).max() < 1e-4


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_two_streams_give_the_tuples_of_one():
    """Two single-threaded ONNX streams (the default on 2 threads) and one 2-thread stream: identical
    tuples and scores on 40 dev sentences, bitwise-equal network outputs, batches back in order."""
    import numpy as np

    from nlp.extract.model import ModelExtractor, batch_arrays
    from nlp.extract.onnx_runtime import stream_plan

    assert stream_plan(2) == (2, 1) and stream_plan(2, 1) == (1, 2) and stream_plan(4, 2) == (2, 2)
    sents = _dev(40)
    two = ModelExtractor(runtime="onnx", threads=2)
    one = ModelExtractor(runtime="onnx", threads=2, streams=1)
    assert (two.loaded.streams, one.loaded.streams) == (2, 1)
    got, ref = _tuples(two, sents), _tuples(one, sents)
    assert sum(map(len, ref)) >= 30
    assert got == ref
    m = two.loaded
    encs = m.tok.encode_batch(sents)
    arrays = [batch_arrays(encs[b:b + 4], m.tok.token_to_id("<pad>")) for b in range(0, 40, 4)]
    for (ids, mask), (ids2, _, out) in zip(arrays, m.forward_iter(arrays)):
        assert ids2 is ids
        ref_out = one.loaded.forward(ids, mask)
        assert all(np.array_equal(out[k], ref_out[k]) for k in ref_out)


@pytest.mark.skipif(not (MODEL / "tokenizer.json").exists(), reason="models/extract not trained")
def test_int8_graph_quantises_all_but_ffn2_and_heads(tmp_path, monkeypatch):
    """int8=True on the ONNX runtime serves a graph where Q/K/V, attention output and FFN1 of every
    layer are int8 (QuantizeLinear with a calibrated, fixed scale feeding integer MatMuls; no
    DynamicQuantizeLinear, whose per-batch scale made a sentence's output depend on its batch
    neighbours) and FFN2 + the heads stay fp32; it is built once next to the fp32 graph, its outputs
    stay close to the fp32 ones, and a sentence's logits are the same alone and batched."""
    import numpy as np
    import onnx

    from nlp.extract import onnx_runtime as ox
    from nlp.extract.model import _Loaded, batch_arrays

    model, cache = _tiny_model(tmp_path / "m", seed=4), tmp_path / "cache"
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(cache))                   # _Loaded below uses the same cache
    fp32 = ox.build_cache(model, cache, quiet=True)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])                          # a process with no logging set up
    q = ox.build_int8_cache(model, cache, quiet=True)
    # the quantizer's logging.warning() would have run basicConfig (a stderr handler on the caller's root)
    assert root.handlers == [] and not root.filters
    assert q.parent == fp32.parent and q.name.startswith(fp32.stem) and q != fp32
    assert ox.build_int8_cache(model, cache, quiet=True) == q          # reused, not rebuilt
    meta = json.loads(q.with_suffix(".json").read_text())
    assert meta["quantized_matmuls"] == 2 * 5                          # 2 layers x (Q K V AO FFN1)
    g = onnx.load(str(q))
    fp_matmuls = {n.name for n in g.graph.node if n.op_type == "MatMul"}
    assert {"/bert/layer.0/dense_2/MatMul", "/bert/layer.1/dense_2/MatMul", "/classifier/MatMul"} <= fp_matmuls
    assert not any(f"/{k}/MatMul" in n for n in fp_matmuls for k in ("query", "key", "value", "dense_1"))
    assert sum(n.op_type in ("MatMulInteger", "DynamicQuantizeMatMul") for n in g.graph.node) == 10
    assert not any(n.op_type == "DynamicQuantizeLinear" for n in g.graph.node)
    assert sum(n.op_type == "QuantizeLinear" for n in g.graph.node) == 2 * 3   # Q/K/V share one per layer
    assert meta["calibration_sentences"] == 256
    assert meta["ranges_source"] == "calibrated"                      # no ranges shipped with this model

    # the ranges shipped with the weights (zhie train int8-ranges) replace the calibration pass, same graph
    assert ox.shipped_ranges(model) is None
    written = ox.write_int8_ranges(model)
    assert written["tensors"] == 2 * 3 and (model / ox.RANGES_FILE).exists()
    assert ox.shipped_ranges(model) == {t: tuple(r) for t, r in meta["activation_ranges"].items()}
    q2 = ox.build_int8_cache(model, cache, quiet=True, force=True)
    meta2 = json.loads(q2.with_suffix(".json").read_text())
    assert meta2["ranges_source"] == "shipped"
    assert meta2["activation_scales"] == meta["activation_scales"] and q2.read_bytes() == q.read_bytes()
    # ranges written for other weights are never served: the build calibrates again
    stale = json.loads((model / ox.RANGES_FILE).read_text())
    (model / ox.RANGES_FILE).write_text(json.dumps({**stale, "weights_key": "0" * 16}))
    assert ox.shipped_ranges(model) is None
    (model / ox.RANGES_FILE).write_text("{not json")
    assert ox.shipped_ranges(model) is None
    (model / ox.RANGES_FILE).unlink()

    m8 = _Loaded(model, int8=True, threads=1, runtime="onnx")
    m32 = _Loaded(model, int8=False, threads=1, runtime="onnx")
    ids, mask = batch_arrays(m32.tok.encode_batch(["平台全年累计处罚违规创作者97.1万人。", "上升8.4%。"]),
                             m32.tok.token_to_id("<pad>"))
    a, b = m8.forward(ids, mask)["logits"], m32.forward(ids, mask)["logits"]
    keep = mask.astype(bool)
    assert not np.array_equal(a, b)                                    # really the other graph
    assert np.corrcoef(a[keep].ravel(), b[keep].ravel())[0, 1] > 0.9
    for i in range(2):                                                 # batch-invariant: fixed scales
        n = int(mask[i].sum())
        alone = m8.forward(ids[i:i + 1, :n], mask[i:i + 1, :n])["logits"][0]
        assert np.array_equal(alone, a[i, :n])


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_int8_auto_is_int8_on_onnx_and_fp32_on_torch(tmp_path, monkeypatch):
    """int8="auto" serves the selective int8 graph when the runtime is ONNX, and the fp32 network when
    it is torch, chosen or fallen back to (torch's int8 of every Linear costs ~11 dev points); any
    other value is an error naming the three settings, from the extractor and from the config stage."""
    from nlp.errors import ConfigError, ModelError
    from nlp.extract.model import ModelExtractor, _Loaded
    from nlp.extract.stage import Extract

    model = _tiny_model(tmp_path / "m", seed=5)
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(tmp_path / "cache"))
    on_onnx = _Loaded(model, int8="auto", threads=1, runtime="onnx")
    assert on_onnx.runtime == "onnx" and on_onnx.int8 is True
    assert list((tmp_path / "cache").glob("*.int8v*.onnx"))            # the int8 graph was built and served
    on_torch = _Loaded(model, int8="auto", threads=1, runtime="torch")
    assert on_torch.int8 is False
    assert not any("quantized" in type(m).__module__ for m in on_torch.net.modules())

    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match="ONNX cache unavailable"):
        fallen = _Loaded(model, int8="auto", threads=1, runtime="auto")
    assert fallen.runtime == "torch" and fallen.int8 is False

    with pytest.raises(ModelError, match="int8 must be true, false or"):
        ModelExtractor(model_dir=str(model), int8="yes")
    with pytest.raises(ConfigError, match="stages.extract.int8 must be true, false or"):
        Extract(int8=1)


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_shipped_int8_ranges_belong_to_the_shipped_weights(tmp_path, monkeypatch):
    """models/extract/int8_ranges.json was written for the shipped weights, calibration text and int8
    version (a retrain must rewrite it, else every user's first build calibrates again), and its ranges
    are the min/max of these weights' activations: any subset of the calibration sentences gives ranges
    inside them, and at least one tensor's range is touched by the subset (not just a wide box)."""
    from nlp.extract import onnx_runtime as ox

    shipped = ox.shipped_ranges(MODEL)
    assert shipped is not None, "models/extract/int8_ranges.json is stale or missing: zhie train int8-ranges"
    fp32 = ox.build_cache(MODEL, quiet=True)                           # the user's cache (other tests share it)
    sub = ox.calibration_sentences()[:12]
    got = ox.activation_ranges(fp32, sorted(shipped), sub, model_dir=MODEL)
    tol = {t: 1e-3 * (hi - lo) for t, (lo, hi) in shipped.items()}   # other CPUs' float rounding
    assert all(shipped[t][0] - tol[t] <= lo <= hi <= shipped[t][1] + tol[t] for t, (lo, hi) in got.items())
    assert any(abs(lo - shipped[t][0]) <= tol[t] or abs(hi - shipped[t][1]) <= tol[t] for t, (lo, hi) in got.items())


def test_prune_cache_keeps_the_most_recently_used_weights(tmp_path):
    """Each retrain adds ~200 MB of graphs to the cache: building a new one deletes the graphs and
    sidecars of all but the CACHE_KEEP most recently used weights (a load touches its graph) and the
    int8 graphs of an older INT8_VERSION, and leaves files that are not zhie graphs alone."""
    import os

    from nlp.extract import onnx_runtime as ox

    names = {}
    for i, key in enumerate("abcde"):
        v = ox.INT8_VERSION
        files = [tmp_path / f"extract-{key * 16}.onnx", tmp_path / f"extract-{key * 16}.json",
                 tmp_path / f"extract-{key * 16}.int8v{v}.onnx", tmp_path / f"extract-{key * 16}.int8v{v}.json"]
        for f in files:
            f.write_bytes(b"x")
            os.utime(f, (1_000_000 + i, 1_000_000 + i))              # a oldest ... e newest
        names[key] = files
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    old_int8 = [tmp_path / f"extract-{'e' * 16}.int8v{ox.INT8_VERSION - 1}.onnx",
                tmp_path / f"extract-{'e' * 16}.int8v{ox.INT8_VERSION - 1}.json"]
    for f in old_int8:                                               # an int8 graph of an older INT8_VERSION
        f.write_bytes(b"x")
        os.utime(f, (1_000_004, 1_000_004))
    ox._used(names["a"][2])                                          # a's int8 graph was just loaded
    assert [e["key"] for e in ox.cache_entries(tmp_path)][:3] == [f"extract-{k * 16}" for k in "aed"]
    gone = ox.prune_cache(tmp_path, keep=3)
    assert sorted(gone) == sorted(names["b"] + names["c"] + old_int8)
    assert all(f.exists() for k in "ade" for f in names[k]) and other.exists()
    assert ox.prune_cache(tmp_path, keep=3) == []
    assert len(ox.prune_cache(tmp_path, keep=0)) == 12 and other.exists()   # zhie cache --prune --keep 0
