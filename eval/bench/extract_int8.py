"""Selective int8 of the tagger's ONNX graph: forward speed, logit error and dev/dev2 F1 per variant (issue 5).

Usage: python eval/bench/extract_int8.py [--variants fp32 ffn ...] [--n 300] [--repeat 3]
                                         [--model-dir DIR] [--no-f1] [--no-time] [--invariance N] [--out DIR]

Each variant is ``onnxruntime.quantization.quantize_dynamic`` (or a MatMulNBits pass, or, since
session 15, ``quantize_static`` (``st-*``) or the dynamic graph with its activation scales frozen
from a calibration pass (``fz-*``, :func:`nlp.extract.onnx_runtime.freeze_activation_scales`, the
recipe int8=True serves since session 15)) applied to the fp32 graph of
:func:`nlp.extract.onnx_runtime.build_cache`, restricted to a set of MatMuls (see :func:`variants`).
Calibration sentences: :func:`calib_sentences` (train.jsonl only). For every variant, in one process:

* with ``--invariance N``: batch invariance on the first N dev2 sentences: how many get other
  tuples from predict() batched (default batch 8, sorted by length) than alone, and the max
  |logit diff| of a row between its length-sorted batch of 8 and the sentence alone;

* forward time ratio vs the fp32 graph: the gate-passing bench sentences of eval/bench/extract.py
  (first ``--n`` inews sentences with a digit), tokenised and length-bucketed as predict() does
  (batch 8), each graph on its own single-threaded ORT session, timed batch by batch, the
  variants interleaved within every batch (so load drift from the shared box cancels); the
  ratio is sum(fp32) / sum(variant) over all rounds;
* max |logit diff| and token argmax agreement vs fp32 on the same batches (real tokens only);
* strict tuple F1 of the full predict() path (``score_records``: gate, decoding, link heads,
  assembly with the refine rules) on dev and dev2 separately and pooled, with the variant's
  session swapped into the loaded model. The test split is never read.

The MatMulNBits variants (``nb*``) need the ``onnx-ir`` package (onnxruntime's quantizer imports it).
Results and decisions: models/extract/SPEED.md, "Session 10" and "Session 15".
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROOT = Path(__file__).resolve().parents[2]

from nlp.extract.onnx_runtime import INT8_KINDS  # noqa: E402

QKV, AO, FFN1, FFN2 = ("query", "key", "value"), ("dense",), ("dense_1",), ("dense_2",)
HEADS = ["/classifier/MatMul", "/q/MatMul", "/k/MatMul", "/q_1/MatMul", "/k_1/MatMul"]


def _names(kinds, layers):
    """Node names of the per-layer MatMuls of ``kinds`` (query key value dense dense_1 dense_2)."""
    return [f"/bert/layer.{i}/{k}/MatMul" for i in layers for k in kinds]


def variants(n_layers: int) -> dict:
    """name -> (nodes to quantize, quantize_dynamic keyword arguments) for an encoder of ``n_layers``.

    "fp32" is the reference graph. ``mid`` leaves the first and the last layer in fp32,
    ``lin-no-l0`` the first, ``lin-no-last`` the last (session 10 ran these on the 6-layer weights,
    where ``lin-no-last`` was called ``lin-no-l5``; the layer count is read from the model's config
    since session 13, when the shipped encoder has 12 layers).
    """
    every = range(n_layers)
    lin = _names(QKV + AO + FFN1 + FFN2, every)
    mid = _names(QKV + AO + FFN1 + FFN2, range(1, n_layers - 1))
    nof2 = _names(QKV + AO + FFN1, every)
    return {
        "all": (lin + HEADS, {}),
        "all-rr": (lin + HEADS, {"reduce_range": True}),
        "all-u8": (lin + HEADS, {"weight_type": "QUInt8"}),
        "all-pc-rr": (lin + HEADS, {"per_channel": True, "reduce_range": True}),
        "lin": (lin, {}),
        "lin-rr": (lin, {"reduce_range": True}),
        "lin-u8": (lin, {"weight_type": "QUInt8"}),
        "ffn": (_names(FFN1 + FFN2, every), {}),
        "ffn-rr": (_names(FFN1 + FFN2, every), {"reduce_range": True}),
        "ffn-u8": (_names(FFN1 + FFN2, every), {"weight_type": "QUInt8"}),
        "ffn1-rr": (_names(FFN1, every), {"reduce_range": True}),
        "qkv-ffn1-rr": (_names(QKV + FFN1, every), {"reduce_range": True}),
        "no-ffn2-rr": (_names(QKV + AO + FFN1, every), {"reduce_range": True}),
        "mid-rr": (mid, {"reduce_range": True}),
        "mid-no-ao-rr": (_names(QKV + FFN1 + FFN2, range(1, n_layers - 1)), {"reduce_range": True}),
        "mid-u8": (mid, {"weight_type": "QUInt8"}),
        "mid": (mid, {}),
        "no-ffn2": (_names(INT8_KINDS, every), {}),   # the graph int8=True serves (build_int8_cache)
        "no-ffn2-mid": (_names(QKV + AO + FFN1, range(1, n_layers - 1)), {}),
        "lin-no-l0": (_names(QKV + AO + FFN1 + FFN2, range(1, n_layers)), {}),
        "lin-no-last": (_names(QKV + AO + FFN1 + FFN2, range(0, n_layers - 1)), {}),
        # MatMulNBits (com.microsoft): int8 weights in blocks of ``block_size`` along K, symmetric;
        # accuracy_level 4 = int8 compute with the activations quantized per block of the same size
        "nb8-b32": (lin, {"nbits": 8, "block_size": 32, "accuracy_level": 4}),
        "nb8-b128": (lin, {"nbits": 8, "block_size": 128, "accuracy_level": 4}),
        "nb8-b32-heads": (lin + HEADS, {"nbits": 8, "block_size": 32, "accuracy_level": 4}),
        "nb8-b32-fp": (lin, {"nbits": 8, "block_size": 32, "accuracy_level": 0}),
        "nb4-b32": (lin, {"nbits": 4, "block_size": 32, "accuracy_level": 4}),
        # session 15: the no-ffn2 nodes with MatMulNBits (per-token activation blocks: batch-invariant?)
        "nb8-b32-no-ffn2": (nof2, {"nbits": 8, "block_size": 32, "accuracy_level": 4}),
        "nb8-b128-no-ffn2": (nof2, {"nbits": 8, "block_size": 128, "accuracy_level": 4}),
        # session 15: static int8 (fixed activation scales calibrated on train sentences, so a
        # sentence's output cannot depend on its batch neighbours); QDQ, MatMul outputs left fp32
        # (ORT fuses QuantizeLinear -> MatMulIntegerToFloat); u8 activations, s8 weights per tensor
        "st-mm": (nof2, {"static": "MinMax"}),
        "st-mm-pc": (nof2, {"static": "MinMax", "per_channel": True}),
        "st-mm-s8": (nof2, {"static": "MinMax", "activation_type": "QInt8"}),
        "st-pct": (nof2, {"static": "Percentile"}),
        "st-pct-pc": (nof2, {"static": "Percentile", "per_channel": True}),
        "st-ent": (nof2, {"static": "Entropy"}),
        "st-mm-lin": (lin, {"static": "MinMax"}),
        "st-pct-lin": (lin, {"static": "Percentile"}),
        "st-mm-qop": (nof2, {"static": "MinMax", "format": "QOperator"}),
        # session 15: the dynamic graph (no-ffn2, lin) with each DynamicQuantizeLinear replaced by a
        # QuantizeLinear of fixed scale/zero point from the calibration range (MinMax or percentile)
        "fz-mm": (nof2, {"frozen": None}),
        "fz-p9999": (nof2, {"frozen": 99.99}),
        "fz-p999": (nof2, {"frozen": 99.9}),
        "fz-mm-lin": (lin, {"frozen": None}),
        "fz-p9999-lin": (lin, {"frozen": 99.99}),
    }


def n_layers_of(model_dir: Path) -> int:
    """The encoder depth of a tagger directory (``num_hidden_layers`` of its config.json)."""
    return int(json.loads((Path(model_dir) / "config.json").read_text())["num_hidden_layers"])


def quantize_static_int8(fp32: str | os.PathLike, out: str | os.PathLike, nodes: list[str], sentences: list[str], *,
                         model_dir: str | os.PathLike | None = None, method: str = "MinMax",
                         per_channel: bool = False, activation_type: str = "QUInt8", fmt: str = "QDQ") -> None:
    """Static int8 of the MatMuls ``nodes`` of the graph ``fp32`` into ``out``: activation scales fixed
    by a calibration pass over ``sentences`` (one at a time, no padding), int8 weights.

    A fixed scale quantises each activation element on its own, so a sentence's output does not
    depend on the sentences batched with it (dynamic quantisation takes one scale per batch
    tensor). The MatMul outputs stay fp32 (no QDQ pair after the MatMul): ORT fuses the pattern to
    ``QuantizeLinear`` + ``MatMulIntegerToFloat``.

    Args:
        method: calibration, ``"MinMax"``, ``"Percentile"`` or ``"Entropy"`` (onnxruntime's).
        per_channel: int8 weights per output column instead of per tensor.
        activation_type: ``"QUInt8"`` (asymmetric, the fast u8s8 kernels on AVX2) or ``"QInt8"``.
        fmt: ``"QDQ"`` or ``"QOperator"`` (QLinearMatMul; quantises the MatMul outputs too).
    """
    import numpy as np
    from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                          quantize_static)
    from tokenizers import Tokenizer

    from .model import DEFAULT_MODEL

    tok = Tokenizer.from_file(str(Path(model_dir or DEFAULT_MODEL) / "tokenizer.json"))
    tok.enable_truncation(128)
    feeds = []
    for e in tok.encode_batch(list(sentences)):
        ids = np.asarray([e.ids], dtype=np.int64)
        feeds.append({"input_ids": ids, "attention_mask": np.ones_like(ids)})

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.it = iter(feeds)

        def get_next(self):
            return next(self.it, None)

    extra = {"OpTypesToExcludeOutputQuantization": ["MatMul"]} if fmt == "QDQ" else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the quantizer's "pre-process the model" advice
        quantize_static(str(fp32), str(out), Reader(), quant_format=getattr(QuantFormat, fmt),
                        op_types_to_quantize=["MatMul"], nodes_to_quantize=list(nodes), per_channel=per_channel,
                        activation_type=getattr(QuantType, activation_type), weight_type=QuantType.QInt8,
                        calibrate_method=getattr(CalibrationMethod, method), extra_options=extra)


def calib_sentences(n: int = 256) -> list[str]:
    """The calibration sentences of the static variants: ``n`` train sentences that pass the gate,
    spread evenly over corpora/extract/train.jsonl (dev, dev2 and test are never used)."""
    from nlp.extract.gate import has_quantity_candidate
    from nlp.evaluate.extract import read_jsonl

    texts = [r["text"] for r in read_jsonl(ROOT / "corpora" / "extract" / "train.jsonl")]
    texts = [t for t in texts if has_quantity_candidate(t)]
    step = max(1, len(texts) // n)
    return texts[::step][:n]


def invariance(ext, net, sents: list[str], batch_size: int = 8) -> dict:
    """Batched vs alone for one graph ``net`` swapped into ``ext``: sentences whose tuples differ (predict(),
    default batches sorted by length) and the max |logit diff| of a row (forward, batches of ``batch_size``
    sorted by length vs the sentence alone), over ``sents``."""
    import numpy as np

    from nlp.extract.model import batch_arrays

    m = ext.loaded
    orig, m.ort = m.ort, net
    try:
        key = lambda ts: [(t.actor, t.action, t.quantity, t.unit) for t in ts]  # noqa: E731
        batched = [key(ts) for ts in ext.predict(sents)]
        alone = [key(ext.predict([s])[0]) for s in sents]
    finally:
        m.ort = orig
    encs = m.tok.encode_batch(sents)
    pad = m.tok.token_to_id("<pad>")
    order = sorted(range(len(sents)), key=lambda i: len(encs[i].ids))
    row_diff = []
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        ids, mask = batch_arrays([encs[i] for i in idx], pad)
        lb = net(ids, mask)["logits"]
        for j, i in enumerate(idx):
            ids1, mask1 = batch_arrays([encs[i]], pad)
            la = net(ids1, mask1)["logits"][0]
            n = int(mask1.sum())
            row_diff.append(float(np.abs(lb[j, :n] - la[:n]).max()))
    return {"differ": sum(a != b for a, b in zip(batched, alone)), "n": len(sents),
            "tuples": sum(map(len, alone)), "max_row_logit_diff": float(max(row_diff)),
            "rows_with_diff": sum(d > 0 for d in row_diff)}


def build_variant(fp32: Path, name: str, out_dir: Path, n_layers: int) -> Path:
    """Quantize ``fp32`` (an encoder of ``n_layers``) as variant ``name`` into ``out_dir`` (kept if already there)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = out_dir / f"{fp32.stem}.{name}.onnx"
    if out.exists():
        return out
    nodes, kw = variants(n_layers)[name]
    kw = dict(kw)
    if "nbits" in kw:
        import onnx
        from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

        graph = onnx.load(str(fp32))
        # nodes_to_include is OR-ed with op_types_to_quantize in the quantizer: exclude the rest instead
        skip = [n.name for n in graph.graph.node if n.op_type == "MatMul" and n.name not in set(nodes)]
        q = MatMulNBitsQuantizer(graph, bits=kw["nbits"], block_size=kw["block_size"],
                                 is_symmetric=True, accuracy_level=kw["accuracy_level"] or None,
                                 nodes_to_exclude=skip, op_types_to_quantize=("MatMul",))
        q.process()
        q.model.save_model_to_file(str(out))
        return out
    if "frozen" in kw:
        from nlp.extract.onnx_runtime import freeze_activation_scales

        dyn = out_dir / f"{fp32.stem}.{name}.dynamic.onnx"
        quantize_dynamic(str(fp32), str(dyn), op_types_to_quantize=["MatMul"], nodes_to_quantize=list(nodes))
        freeze_activation_scales(dyn, fp32, out, calib_sentences(), percentile=kw["frozen"])
        return out
    if "static" in kw:
        quantize_static_int8(fp32, out, nodes, calib_sentences(), method=kw["static"],
                             per_channel=kw.get("per_channel", False),
                             activation_type=kw.get("activation_type", "QUInt8"),
                             fmt=kw.get("format", "QDQ"))
        return out
    if "weight_type" in kw:
        kw["weight_type"] = getattr(QuantType, kw["weight_type"])
    quantize_dynamic(str(fp32), str(out), op_types_to_quantize=["MatMul"], nodes_to_quantize=list(nodes), **kw)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", nargs="*", default=list(variants(1)))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("--no-f1", action="store_true")
    ap.add_argument("--no-time", action="store_true")
    ap.add_argument("--out", default="/tmp/zhie-int8")
    ap.add_argument("--invariance", type=int, default=0, metavar="N",
                    help="also count the first N dev2 sentences whose tuples differ batched vs alone")
    args = ap.parse_args(argv)

    import numpy as np

    from extract import bench_sentences
    from nlp.evaluate.extract import read_jsonl
    from nlp.extract import get_extractor
    from nlp.extract.gate import has_quantity_candidate
    from nlp.extract.model import DEFAULT_MODEL, batch_arrays
    from nlp.extract.onnx_runtime import OrtNetwork, build_cache
    from nlp.extract.train import score_records

    model_dir = Path(args.model_dir or DEFAULT_MODEL)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = build_cache(model_dir)
    depth = n_layers_of(model_dir)
    paths = {"fp32": fp32}
    for v in args.variants:
        t0 = time.perf_counter()
        paths[v] = build_variant(fp32, v, out_dir, depth)
        print(f"built {v} in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    nets = {v: OrtNetwork(p, threads=1) for v, p in paths.items()}
    ext = get_extractor("model", model_dir=str(model_dir), runtime="onnx", threads=1, streams=1)
    m = ext.loaded

    sents = [s for s in bench_sentences(args.n) if has_quantity_candidate(s)]
    encs = m.tok.encode_batch(sents)
    order = sorted(range(len(sents)), key=lambda i: len(encs[i].ids))
    pad = m.tok.token_to_id("<pad>")
    batches = [batch_arrays([encs[i] for i in order[b:b + 8]], pad) for b in range(0, len(order), 8)]

    res = {v: {} for v in paths}
    ref = [nets["fp32"](ids, mask) for ids, mask in batches]
    for v in args.variants:
        diff, agree, tot = 0.0, 0, 0
        for (ids, mask), r in zip(batches, ref):
            o = nets[v](ids, mask)
            keep = mask.astype(bool)
            diff = max(diff, float(np.abs(o["logits"] - r["logits"])[keep].max()))
            agree += int((o["logits"].argmax(-1) == r["logits"].argmax(-1))[keep].sum())
            tot += int(keep.sum())
        res[v]["max_logit_diff"] = round(diff, 3)
        res[v]["argmax_agree"] = round(agree / tot, 4)
        print(f"{v}: max |logit diff| {diff:.3f}, argmax agreement {agree / tot:.4f}", file=sys.stderr, flush=True)

    if args.invariance:
        dev2_texts = [r["text"] for r in read_jsonl(ROOT / "corpora" / "extract" / "dev2.jsonl")][:args.invariance]
        for v, net in nets.items():
            res[v]["invariance"] = invariance(ext, net, dev2_texts)
            print(f"{v}: batched vs alone {res[v]['invariance']}", file=sys.stderr, flush=True)

    if not args.no_time:
        t = {v: 0.0 for v in paths}
        for _ in range(args.repeat):
            for ids, mask in batches:
                for v, net in nets.items():
                    t0 = time.perf_counter()
                    net(ids, mask)
                    t[v] += time.perf_counter() - t0
        for v in paths:
            res[v]["forward_s"] = round(t[v], 2)
            res[v]["speed_vs_fp32"] = round(t["fp32"] / t[v], 3)
            print(f"{v}: forward {t[v]:.2f} s, {t['fp32'] / t[v]:.3f}x fp32", file=sys.stderr, flush=True)

    if not args.no_f1:
        dev = read_jsonl(ROOT / "corpora" / "extract" / "dev.jsonl")
        dev2 = read_jsonl(ROOT / "corpora" / "extract" / "dev2.jsonl")
        orig = m.ort
        for v, net in nets.items():
            m.ort = net
            sc = score_records(ext, dev + dev2, parts={"dev": dev, "dev2": dev2})
            res[v]["f1"] = {"pooled": round(sc["strict"]["f1"], 4),
                            **{k: round(sc["parts"][k]["strict"]["f1"], 4) for k in ("dev", "dev2")}}
            res[v]["preds"] = sc["_preds"]
            print(f"{v}: strict F1 {res[v]['f1']}", file=sys.stderr, flush=True)
        m.ort = orig
        base = res["fp32"]["preds"]
        for v in paths:
            p = res[v].pop("preds")
            res[v]["same_tuples_sentences"] = sum(a == b for a, b in zip(p, base))
        res["_n_dev_sentences"] = len(dev) + len(dev2)

    res["_bench"] = {"sentences": len(sents), "batches": len(batches), "repeat": args.repeat,
                     "graph": fp32.name, "model_dir": str(model_dir), "layers": depth}
    print(json.dumps(res, ensure_ascii=False, indent=1))
    for v in paths:
        r = res[v]
        f = r.get("f1", {})
        print(f"{v:14s} speed {r.get('speed_vs_fp32', '')!s:6s} maxdiff {r.get('max_logit_diff', 0):7.3f} "
              f"agree {r.get('argmax_agree', 1):.4f} F1 pooled {f.get('pooled', '')} dev {f.get('dev', '')} "
              f"dev2 {f.get('dev2', '')} same {r.get('same_tuples_sentences', '')} "
              f"batch-differ {r.get('invariance', {}).get('differ', '')} "
              f"row-diff {r.get('invariance', {}).get('max_row_logit_diff', '')}")


if __name__ == "__main__":
    main()
