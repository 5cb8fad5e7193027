"""ONNX Runtime backend of the tuple tagger: a torch-free forward pass, built once per weights.

Why: on the shared 2-core box ``import torch`` alone takes ~2.5 s of the 3.6 s cold start,
and ONNX Runtime's fused CPU kernels run the same 6-layer encoder faster than eager torch
(eval/bench/extract.py prints both, same run). The shipped weights stay the one source of
truth (models/extract/model.safetensors, int8 per row); no ``.onnx`` file is shipped in git.
Instead :func:`build_cache` exports the inference network to ONNX on first use into a cache
directory, keyed by the sha256 of ``model.safetensors`` + ``config.json`` + this module's
export version, so a retrained model gets a fresh graph and a stale one is never used.

The graph (inputs ``input_ids``, ``attention_mask``; dynamic batch and sequence axes) outputs
the classifier ``logits`` and, per link role, the query projection (``q_<role>``, already
scaled by 1/sqrt(dim)) and key projection (``k_<role>``) of every token. The gather at the
quantity tokens, the dot products and the distance-bucket bias are a few small numpy ops in
:func:`link_scores`, shared by the torch and ONNX paths of :mod:`nlp.extract.model`.

Cache location: ``$ZHIE_CACHE_DIR`` if set, else the platform user cache dir (platformdirs,
``~/.cache/zhie`` on Linux). Building needs torch and the ``onnx`` package (export only);
loading needs only onnxruntime + numpy.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
import warnings
from pathlib import Path

from ..errors import ModelError
from ..io.writers import atomic_path, write_text_atomic

#: bump when the exported graph (inputs, outputs, export code) changes: old caches are ignored
EXPORT_VERSION = 1
#: opset 17: LayerNormalization is a single op, which ORT's CPU fusions handle directly
OPSET = 17
ROLES = ("actor", "action")
#: dev sentences of the check run after an export (max |logit diff| stored in the sidecar JSON)
_CHECK = ("用户好感度因此上升8.4%。", "此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。",
          "平台全年累计处罚违规创作者97.1万人。")


def cache_root() -> Path:
    """Directory of the ONNX caches: ``$ZHIE_CACHE_DIR``, else the user cache dir of zhie."""
    env = os.environ.get("ZHIE_CACHE_DIR")
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("zhie", appauthor=False))
    except ImportError:  # platformdirs is optional: the XDG default
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zhie"


def weights_key(model_dir: str | os.PathLike) -> str:
    """sha256 (hex, 16 chars) of the weights + config + export version of a tagger directory."""
    model_dir = Path(model_dir)
    h = hashlib.sha256(f"zhie-extract-onnx v{EXPORT_VERSION} opset {OPSET}\n".encode())
    for name in ("model.safetensors", "config.json"):
        p = model_dir / name
        if not p.exists():
            raise ModelError(f"no {name} in {model_dir}; run `zhie train model` (nlp.extract.train.train_model) "
                             "or pass model_dir=.")
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()[:16]


def cache_path(model_dir: str | os.PathLike, cache_dir: str | os.PathLike | None = None) -> Path:
    """Where the ONNX graph of ``model_dir``'s current weights lives (built or not)."""
    return Path(cache_dir or cache_root()) / f"extract-{weights_key(model_dir)}.onnx"


#: weights whose graphs stay in the cache (fp32 ~120 MB + int8 ~80 MB each): building a new one
#: deletes the graphs of the least recently used others beyond this number
CACHE_KEEP = 3


def _used(path: Path) -> Path:
    """Mark a cached graph as used now (its mtime orders :func:`prune_cache`); best effort."""
    with contextlib.suppress(OSError):
        os.utime(path)
    return path


def cache_entries(cache_dir: str | os.PathLike | None = None) -> list[dict]:
    """The cached graphs per weights, most recently used first: ``key``, ``files``, ``bytes``, ``last_used``.

    A weights' files are ``extract-<key>*.onnx`` / ``.json``; "used" is the newest mtime among them
    (a build writes it, a load touches it: :func:`_used`).
    """
    root = Path(cache_dir or cache_root())
    groups: dict[str, list[Path]] = {}
    for f in root.glob("extract-*"):
        if f.suffix in (".onnx", ".json") and f.is_file():
            groups.setdefault(f.name.split(".")[0], []).append(f)
    out = []
    for key, files in groups.items():
        stats = []
        for f in files:
            with contextlib.suppress(OSError):
                stats.append(f.stat())
        out.append({"key": key, "files": sorted(files), "bytes": sum(st.st_size for st in stats),
                    "last_used": max((st.st_mtime for st in stats), default=0.0)})
    return sorted(out, key=lambda e: e["last_used"], reverse=True)


def prune_cache(cache_dir: str | os.PathLike | None = None, keep: int = CACHE_KEEP) -> list[Path]:
    """Delete the cached graphs (and sidecars) of all but the ``keep`` most recently used weights.

    Ranking as in :func:`cache_entries`. The int8 graphs of another :data:`INT8_VERSION` go too,
    whoever's weights they belong to (no release serves them again). A process that still has a
    deleted graph open keeps running (ORT read it at load time). Returns the deleted files.
    """
    entries = cache_entries(cache_dir)
    current = f".int8v{INT8_VERSION}."
    stale = [f for e in entries[:max(keep, 0)] for f in e["files"] if ".int8v" in f.name and current not in f.name]
    gone = []
    for f in stale + [f for e in entries[max(keep, 0):] for f in e["files"]]:
        with contextlib.suppress(OSError):
            f.unlink()
            gone.append(f)
    return gone


def build_cache(model_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None, *,
                force: bool = False, quiet: bool = False) -> Path:
    """Export the tagger of ``model_dir`` to ONNX in the cache (once per weights); return its path.

    Atomic (:func:`nlp.io.writers.atomic_path`: a unique temporary file, then ``os.replace``), so
    concurrent builders never leave a partial graph. After the export the graph is run on three seed sentences and compared with the
    torch network; the max |logit diff| goes into the sidecar ``.json`` and a difference
    above 1e-3 is an error (the cache is not written).

    Args:
        model_dir: tagger directory (default ``models/extract``).
        cache_dir: cache directory (default :func:`cache_root`).
        force (bool): rebuild even if the cached graph exists.
        quiet (bool): no log line on stderr.

    Returns:
        Path: the ``.onnx`` file.

    Raises:
        ModelError: torch/onnx missing, export failed or the graph disagrees with torch.
    """
    from .model import DEFAULT_MODEL

    model_dir = Path(model_dir or DEFAULT_MODEL)
    path = cache_path(model_dir, cache_dir)
    if path.exists() and not force:
        return _used(path)
    t0 = time.perf_counter()
    if not quiet:
        print(f"zhie: building ONNX cache of {model_dir} -> {path} (once per model weights; ~10-30 s)...",
              file=sys.stderr, flush=True)
    try:
        import numpy as np
        import torch

        import onnx  # noqa: F401  (torch's exporter needs it; fail early with a clear message)
    except ImportError as exc:
        raise ModelError(f"building the ONNX cache needs torch and onnx ({exc}); `pip install onnx` "
                         "or use runtime='torch'.") from None
    from .model import load_network

    net = load_network(model_dir)
    wrapper = _ExportWrapper.make(net)
    features = getattr(net, "feats", None) is not None   # word-feature ids as a third input
    inputs = ["input_ids", "attention_mask"] + ([FEATURES_INPUT] if features else [])
    with atomic_path(path, suffix=".onnx") as tmp:
        ids = torch.tensor([[0, 5, 6, 7, 2], [0, 8, 2, 1, 1]], dtype=torch.long)
        mask = (ids != 1).long()
        mask[:, 0] = 1
        args = (ids, mask) + ((torch.ones(2, 5, 2, dtype=torch.long),) if features else ())
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation/tracer notes
            torch.onnx.export(
                wrapper, args, str(tmp), dynamo=False, opset_version=OPSET,
                input_names=inputs, output_names=list(OUTPUTS),
                dynamic_axes={n: {0: "batch", 1: "seq"} for n in (*inputs, *OUTPUTS)},
                do_constant_folding=True)
        # equivalence check on real sentences before the graph becomes visible
        check = _check_batch(model_dir, features)
        with torch.inference_mode():
            ref = [o.numpy() for o in wrapper(*(torch.from_numpy(a) for a in check))]
        got = OrtNetwork(tmp, threads=1)(*check)
        mask_np = check[1]
        m = mask_np[..., None].astype(bool)
        diff = max(float(np.abs(np.where(m, r - got[n], 0)).max()) for n, r in zip(OUTPUTS, ref))
        if not diff < 1e-3:
            raise ModelError(f"ONNX export of {model_dir} disagrees with torch (max |diff| {diff:.2e}); "
                             "use runtime='torch' and report it.")
        meta = {"model_dir": str(model_dir.resolve()), "key": path.stem, "export_version": EXPORT_VERSION,
                "opset": OPSET, "torch": torch.__version__, "max_abs_diff": diff,
                "build_seconds": round(time.perf_counter() - t0, 2)}
    write_text_atomic(path.with_suffix(".json"), json.dumps(meta, indent=1))
    pruned = prune_cache(path.parent)
    if not quiet:
        if pruned:
            print(f"zhie: removed {len(pruned)} cached graph files of older weights from {path.parent} "
                  f"(keeping the {CACHE_KEEP} most recently used).", file=sys.stderr, flush=True)
        print(f"zhie: ONNX cache built in {meta['build_seconds']:.1f} s (max |diff| vs torch {diff:.1e}).",
              file=sys.stderr, flush=True)
    return path


OUTPUTS = ("logits",) + tuple(f"{p}_{r}" for r in ROLES for p in ("q", "k"))
#: the graph input of a tagger with word features (nlp.extract.features): int64 ``[B, T, 2]``
FEATURES_INPUT = "word_features"


def _check_batch(model_dir: Path, features: bool):
    """(input_ids, attention_mask) int64 arrays of the :data:`_CHECK` sentences, right-padded, plus
    their word-feature ids when ``features`` (a tagger that takes them)."""
    import numpy as np
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    encs = tok.encode_batch(list(_CHECK))
    T = max(len(e.ids) for e in encs)
    ids = np.full((len(encs), T), tok.token_to_id("<pad>"), dtype=np.int64)
    mask = np.zeros((len(encs), T), dtype=np.int64)
    for b, e in enumerate(encs):
        ids[b, :len(e.ids)] = e.ids
        mask[b, :len(e.ids)] = 1
    if features:
        from .features import feature_arrays

        return ids, mask, feature_arrays(list(_CHECK), encs, T)
    return ids, mask


#: the MatMuls the int8 graph quantises, by the node's last name part: per encoder layer Q, K, V,
#: the attention output and FFN1. FFN2 (fed by the GELU's long-tailed outputs) and the heads stay
#: fp32: session 10 measured FFN2 as the one projection whose per-tensor activation quantisation
#: costs F1 (models/extract/SPEED.md, "Session 10"; eval/bench/extract_int8.py variant ``no-ffn2``)
INT8_KINDS = ("query", "key", "value", "dense", "dense_1")
#: bump when the quantisation recipe changes: old int8 caches are ignored. v1 (session 14): dynamic
#: activation scales (one per batch tensor: a sentence's output depended on its batch neighbours);
#: v2 (session 15): the same graph with the activation scales fixed by a calibration pass
INT8_VERSION = 2
#: the calibration sentences of the int8 graph (one per line): 256 sentences of corpora/extract/train.jsonl
#: that pass the quantity gate, evenly spaced (eval/bench/extract_int8.py ``calib_sentences``); never dev/test
CALIBRATION = Path(__file__).resolve().parents[1] / "data" / "int8_calibration.txt"
#: the calibration pass's activation ranges, shipped next to the weights (``zhie train int8-ranges``, also
#: written by ``zhie train model``): the first int8 build then skips the pass (~70 % of its time)
RANGES_FILE = "int8_ranges.json"


def int8_nodes(graph) -> list[str]:
    """Names of the encoder MatMuls of ``graph`` (an ``onnx.ModelProto``) the int8 graph quantises."""
    import re

    pat = re.compile(r"/layer\.\d+/(" + "|".join(INT8_KINDS) + r")/MatMul$")
    return [n.name for n in graph.graph.node if n.op_type == "MatMul" and pat.search(n.name)]


def build_int8_cache(model_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None, *,
                     force: bool = False, quiet: bool = False) -> Path:
    """The fp32 graph of :func:`build_cache` with :data:`INT8_KINDS` MatMuls in static int8; its path.

    ``onnxruntime.quantization.quantize_dynamic`` (int8 weights per tensor, u8 activations per
    tensor), then :func:`freeze_activation_scales`: every activation's scale and zero point are
    fixed from its min/max over the :data:`CALIBRATION` sentences instead of being computed per
    batch at run time, so a sentence gets the same output whatever it is batched with (the v1
    dynamic graph changed the tuples of 20 of 200 dev2 sentences between batched and alone).
    ORT runs it as ``QuantizeLinear`` + ``MatMulIntegerToFloat``. Built once per weights next to the
    fp32 graph (``<key>.int8v<N>.onnx``, atomic). The ranges come from :data:`RANGES_FILE` in the
    tagger directory when it was written for these weights, these calibration sentences and this
    int8 version (:func:`shipped_ranges`), else from the calibration pass itself (~10-40 s, about
    70 % of the build); the sidecar's ``ranges_source`` says which. The sidecar
    JSON records the max |logit diff| and the token argmax agreement against the fp32 graph on three
    seed sentences; the int8 graph is not the fp32 one, so there is no equality check: its F1 is
    measured (models/extract/SPEED.md, "Session 15").

    Raises:
        ModelError: the quantiser (``onnx``, ``onnxruntime.quantization``) is missing or failed.
    """
    import numpy as np

    fp32 = build_cache(model_dir, cache_dir, force=force, quiet=quiet)
    path = fp32.with_name(f"{fp32.stem}.int8v{INT8_VERSION}.onnx")
    if path.exists() and not force:
        return _used(path)
    t0 = time.perf_counter()
    from .model import DEFAULT_MODEL, _read_config

    model_dir = Path(model_dir or DEFAULT_MODEL)
    sentences = calibration_sentences()
    key = ranges_key(model_dir)   # hashes the weights: once per build
    shipped = shipped_ranges(model_dir, key)
    with atomic_path(path, suffix=".onnx") as tmp:
        dyn = tmp.with_name(tmp.stem + ".dynamic.onnx")   # the unique temporary's name: no clash
        try:
            nodes = _quantize_dynamic(fp32, dyn)
            ranges = {}
            frozen = freeze_activation_scales(dyn, fp32, tmp, sentences, model_dir=model_dir, ranges=shipped,
                                              used=ranges)
        finally:
            dyn.unlink(missing_ok=True)
        check = _check_batch(model_dir, bool(_read_config(model_dir).get("word_features")))
        mask = check[1]
        ref = OrtNetwork(fp32, threads=1)(*check)["logits"]
        got = OrtNetwork(tmp, threads=1)(*check)["logits"]
        keep = mask.astype(bool)
        meta = {"fp32": fp32.name, "int8_version": INT8_VERSION, "quantized_matmuls": nodes,
                "calibration_sentences": len(sentences), "activation_scales": frozen,
                "ranges_source": "shipped" if shipped is not None and set(ranges) <= set(shipped) else "calibrated",
                "activation_ranges": ranges, **key,
                "max_abs_logit_diff": float(np.abs(got - ref)[keep].max()),
                "argmax_agreement": float((got.argmax(-1) == ref.argmax(-1))[keep].mean()),
                "build_seconds": round(time.perf_counter() - t0, 2)}
    write_text_atomic(path.with_suffix(".json"), json.dumps(meta, indent=1))
    if not quiet:
        print(f"zhie: int8 ONNX graph built in {meta['build_seconds']:.1f} s ({nodes} MatMuls, "
              f"{meta['ranges_source']} activation ranges; "
              f"argmax agreement with fp32 {meta['argmax_agreement']:.3f}).", file=sys.stderr, flush=True)
    return path


def build_serving_caches(model_dir: str | os.PathLike | None = None) -> dict:
    """Both graphs predict() may serve, built ahead of first use (``zhie train onnx``): fp32 and int8."""
    return {"fp32": str(build_cache(model_dir)), "int8": str(build_int8_cache(model_dir))}


def ranges_key(model_dir: str | os.PathLike) -> dict:
    """What shipped activation ranges must have been computed for: weights, calibration text, int8 version."""
    return {"weights_key": weights_key(model_dir), "int8_version": INT8_VERSION,
            "calibration_sha256": hashlib.sha256(CALIBRATION.read_bytes()).hexdigest()[:16]}


def shipped_ranges(model_dir: str | os.PathLike, key: dict | None = None) -> dict | None:
    """``{tensor: (low, high)}`` of :data:`RANGES_FILE` in ``model_dir``, or None.

    None when the file is missing, unreadable, or was written for other weights, other calibration
    sentences or another int8 version (a retrain without ``zhie train int8-ranges`` just falls back to
    the calibration pass, it never serves stale scales). ``key``: :func:`ranges_key` of ``model_dir``
    when the caller has it (it hashes the weights).
    """
    path = Path(model_dir) / RANGES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    key = ranges_key(model_dir) if key is None else key
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in key.items()):
        return None
    try:
        return {t: (float(lo), float(hi)) for t, (lo, hi) in data["ranges"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_int8_ranges(model_dir: str | os.PathLike | None = None) -> dict:
    """Run the calibration pass for the tagger in ``model_dir`` and ship its ranges there (:data:`RANGES_FILE`).

    ``zhie train int8-ranges``; ``zhie train model`` calls it after saving new weights. Uses the fp32
    graph of the user's cache (built if missing); the int8 graph there is not touched. Written
    atomically with :func:`ranges_key`. Returns what was written, without the ranges.
    """
    import tempfile

    from .model import DEFAULT_MODEL

    model_dir = Path(model_dir or DEFAULT_MODEL)
    fp32 = build_cache(model_dir, quiet=True)
    sentences = calibration_sentences()
    with tempfile.TemporaryDirectory(prefix="zhie-int8-ranges-") as tmp:
        dyn = Path(tmp) / "dynamic.onnx"
        _quantize_dynamic(fp32, dyn)
        tensors = dynamic_quantized_inputs(dyn)
        ranges = activation_ranges(fp32, tensors, sentences, model_dir=model_dir)
    out = {**ranges_key(model_dir), "calibration_sentences": len(sentences),
           "ranges": {t: [lo, hi] for t, (lo, hi) in ranges.items()}}
    write_text_atomic(model_dir / RANGES_FILE, json.dumps(out, indent=1, sort_keys=True) + "\n")
    return {k: v for k, v in out.items() if k != "ranges"} | {"tensors": len(ranges),
                                                              "path": str(model_dir / RANGES_FILE)}


def calibration_sentences() -> list[str]:
    """The :data:`CALIBRATION` sentences, one per non-blank line."""
    return [line for line in CALIBRATION.read_text(encoding="utf-8").splitlines() if line.strip()]


def _quantize_dynamic(fp32: Path, out: Path) -> int:
    """``quantize_dynamic`` of the :func:`int8_nodes` of ``fp32`` into ``out``; the number of MatMuls quantised.

    Raises:
        ModelError: the quantiser is missing, or the graph has no encoder MatMul of the expected names.
    """
    try:
        import onnx
        from onnxruntime.quantization import quantize_dynamic
    except ImportError as exc:
        raise ModelError(f"the int8 graph needs onnx and onnxruntime.quantization ({exc}); use int8=False.") from None
    nodes = int8_nodes(onnx.load(str(fp32)))
    if not nodes:
        raise ModelError(f"{fp32}: no encoder MatMul named like /layer.N/{{{','.join(INT8_KINDS)}}}/MatMul; "
                         f"bump EXPORT_VERSION or use int8=False.")
    with _quiet_quantizer():
        quantize_dynamic(str(fp32), str(out), op_types_to_quantize=["MatMul"], nodes_to_quantize=nodes)
    return len(nodes)


def dynamic_quantized_inputs(dynamic: str | os.PathLike) -> list[str]:
    """The activations a dynamic int8 graph quantises at run time (inputs of its ``DynamicQuantizeLinear`` nodes)."""
    import onnx

    return [n.input[0] for n in onnx.load(str(dynamic)).graph.node if n.op_type == "DynamicQuantizeLinear"]


@contextlib.contextmanager
def _quiet_quantizer():
    """Silence onnxruntime.quantization's root-logger advice ("consider pre-processing") while it runs.

    It calls ``logging.warning``, which on a process whose root logger has no handler first runs
    ``logging.basicConfig()``: building the (default) int8 graph would leave a stderr handler on the
    caller's root logger. A NullHandler is added for the call if the root has none, and a root filter
    drops only the records logged from onnxruntime/quantization; both are removed afterwards.
    """
    import logging

    root = logging.getLogger()
    guard = logging.NullHandler() if not root.handlers else None

    def keep(record) -> bool:
        return "/onnxruntime/quantization/" not in record.pathname.replace("\\", "/")

    if guard:
        root.addHandler(guard)
    root.addFilter(keep)
    try:
        yield
    finally:
        root.removeFilter(keep)
        if guard:
            root.removeHandler(guard)


def activation_ranges(fp32: str | os.PathLike, tensors: list[str], sentences: list[str], *,
                      model_dir: str | os.PathLike | None = None, percentile: float | None = None) -> dict:
    """``{tensor: (low, high)}`` of the fp32 graph's ``tensors`` over ``sentences``, each run alone.

    ``percentile`` None: the min and max (MinMax calibration); else the ``100 - percentile`` and
    ``percentile`` percentiles of all the tensor's values (e.g. 99.99 clips the 0.01 % most extreme
    values at each end).
    """
    import numpy as np
    import onnx
    import onnxruntime as ort
    from tokenizers import Tokenizer

    from .model import DEFAULT_MODEL

    tok = Tokenizer.from_file(str(Path(model_dir or DEFAULT_MODEL) / "tokenizer.json"))
    tok.enable_truncation(128)
    g = onnx.load(str(fp32))
    known = {o.name for o in g.graph.output}
    g.graph.output.extend(onnx.helper.make_tensor_value_info(t, onnx.TensorProto.FLOAT, None)
                          for t in tensors if t not in known)
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.log_severity_level = 3
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL   # every tensor kept by name
    sess = ort.InferenceSession(g.SerializeToString(), so, providers=["CPUExecutionProvider"])
    keep = 4096   # per sentence and end: candidates for the global extreme tail
    with_feats = FEATURES_INPUT in {i.name for i in sess.get_inputs()}
    lo = {t: [] for t in tensors}
    hi = {t: [] for t in tensors}
    count = dict.fromkeys(tensors, 0)
    for s, e in zip(sentences, tok.encode_batch(list(sentences))):
        ids = np.asarray([e.ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if with_feats:
            from .features import piece_features

            feed[FEATURES_INPUT] = piece_features(s, e.offsets, e.word_ids)[None]
        for t, x in zip(tensors, sess.run(tensors, feed)):
            x = x.reshape(-1)
            count[t] += x.size
            if percentile is None:
                lo[t].append(x.min(keepdims=True))
                hi[t].append(x.max(keepdims=True))
            elif x.size <= keep:
                lo[t].append(x)
                hi[t].append(x)
            else:
                lo[t].append(np.partition(x, keep)[:keep])
                hi[t].append(np.partition(x, x.size - keep)[-keep:])
    out = {}
    for t in tensors:
        lows, highs = np.sort(np.concatenate(lo[t])), np.sort(np.concatenate(hi[t]))[::-1]
        k = 0 if percentile is None else min(int(count[t] * (100 - percentile) / 100), keep - 1)
        out[t] = (float(lows[k]), float(highs[k]))   # k values clipped at each end
    return out


def freeze_activation_scales(dynamic: str | os.PathLike, fp32: str | os.PathLike, out: str | os.PathLike,
                             sentences: list[str], *, model_dir: str | os.PathLike | None = None,
                             percentile: float | None = None, ranges: dict | None = None,
                             used: dict | None = None) -> dict:
    """The dynamic int8 graph ``dynamic`` (quantize_dynamic of ``fp32``) with its activation scales fixed.

    Every ``DynamicQuantizeLinear`` (u8 activations, one scale and zero point per batch tensor,
    computed from that tensor's min and max) becomes a ``QuantizeLinear`` with a constant scale
    and zero point, computed by the same formula (range widened to include 0, 255 steps) from the
    tensor's range over the calibration ``sentences`` (:func:`activation_ranges`). Each element
    is then quantised on its own, so a sentence's output no longer depends on the sentences
    batched with it. Weights, MatMulInteger nodes and everything else are the dynamic graph's.
    ``ranges`` (``{tensor: (low, high)}``, e.g. :func:`shipped_ranges`) replaces the calibration pass
    when it covers every quantised tensor; ``used``, a dict, receives the ranges applied.
    Returns ``{tensor: [scale, zero point]}``.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    g = onnx.load(str(dynamic))
    dql = [n for n in g.graph.node if n.op_type == "DynamicQuantizeLinear"]
    tensors = [n.input[0] for n in dql]
    if ranges is None or not set(tensors) <= set(ranges):
        ranges = activation_ranges(fp32, tensors, sentences, model_dir=model_dir, percentile=percentile)
    if used is not None:
        used.update({t: [float(ranges[t][0]), float(ranges[t][1])] for t in tensors})
    frozen = {}
    for n in dql:
        x = n.input[0]
        lo, hi = min(ranges[x][0], 0.0), max(ranges[x][1], 0.0)
        scale = np.float32((hi - lo) / 255.0 or 1.0)
        zp = np.uint8(np.clip(np.round(-lo / scale), 0, 255))
        q, s_name, zp_name = n.output
        g.graph.initializer.extend([numpy_helper.from_array(np.array(scale, dtype=np.float32), s_name),
                                    numpy_helper.from_array(np.array(zp, dtype=np.uint8), zp_name)])
        new = helper.make_node("QuantizeLinear", [x, s_name, zp_name], [q], name=n.name + "_static")
        idx = list(g.graph.node).index(n)
        g.graph.node.remove(n)
        g.graph.node.insert(idx, new)
        frozen[x] = [float(scale), int(zp)]
    onnx.save(g, str(out))
    return frozen


class _ExportWrapper:
    """Builds the torch module exported to ONNX (a function so torch is imported lazily)."""

    @staticmethod
    def make(net):
        from torch import nn

        class Wrapper(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = net

            def forward(self, input_ids, attention_mask, word_features=None):
                return network_outputs(self.net, input_ids, attention_mask, word_features)

        return Wrapper().eval()


def network_outputs(net, input_ids, attention_mask, feats=None):
    """Torch outputs in :data:`OUTPUTS` order: logits, then per role scaled q and k projections."""
    from .model import encoder_states

    h = encoder_states(net, input_ids, attention_mask, feats)
    outs = [net.tc.classifier(h)]
    for r in ROLES:
        head = net.links[r]
        outs += [head.q(h) * head.scale, head.k(h)]
    return tuple(outs)


class OrtNetwork:
    """An ONNX Runtime session of a cached graph: ``(ids, mask) -> {output name: array}``.

    Session options: intra-op threads = ``threads`` (0 = ORT's default, one per core),
    graph optimisation level ALL, sequential execution, no spinning. ``InferenceSession.run`` is
    thread-safe, so one instance serves all threads.

    Offline fusion was tried (session 4) and not kept: ``onnxruntime.transformers.optimizer``
    on this graph (eager-form attention export: Attention x6, SkipLayerNormalization x12,
    BiasGelu x6; max |diff| 9.7e-6, dev strict unchanged) ran 0.98x (2 threads) and 1.00x
    (1 thread) this graph when timed batch by batch interleaved on 200 bench sentences:
    ``ORT_ENABLE_ALL`` already applies the CPU fusions when the session loads, and the
    offline pass added 25-60 s to the cache build.
    """

    def __init__(self, path: str | os.PathLike, *, threads: int | None = None):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = int(threads or 0)
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.log_severity_level = 3
        # no busy-waiting worker threads: on a shared box (2 cores, several processes) spinning
        # threads burn the CPU the other threads and processes need
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.path = Path(path)
        self.session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self.outputs = [o.name for o in self.session.get_outputs()]
        self.features = FEATURES_INPUT in {i.name for i in self.session.get_inputs()}

    def __call__(self, ids, mask, feats=None) -> dict:
        feed = {"input_ids": ids, "attention_mask": mask}
        if self.features:   # a tagger with word features (nlp.extract.features) needs their ids
            if feats is None:
                raise ModelError(f"{self.path.name}: this graph takes word-feature ids ({FEATURES_INPUT}).")
            feed[FEATURES_INPUT] = feats
        res = self.session.run(self.outputs, feed)
        return dict(zip(self.outputs, res))


def stream_plan(threads: int | None, streams: int | None = None) -> tuple[int, int]:
    """``(streams, intra-op threads per stream)`` for ``threads`` threads in all.

    Default: one single-threaded stream per thread (``threads`` None = one per usable core). The
    encoder's batches are small (8 sentences x ~50 pieces x 384): splitting one matrix product
    over two threads costs a synchronisation per op, and on a shared box a descheduled worker
    stalls the other. Measured (session 6, eval/bench/extract.py, 500 sentences, 2 threads, gate
    off, best of 3): 2 single-threaded streams 1.03x (loaded box) and 1.07x (quiet box) one stream
    of 2 threads; outputs bitwise equal (models/extract/SPEED.md).
    """
    n = int(threads) if threads else len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    k = max(1, int(streams)) if streams else max(1, n)
    return k, max(1, n // k)


def link_dist_weights(model_dir: str | os.PathLike) -> dict:
    """Distance-bucket bias of each link head (``links.<role>.dist.weight``, float32 ``[N_BUCKETS]``),
    read with safetensors' numpy loader (no torch)."""
    import numpy as np
    from safetensors import safe_open

    out = {}
    with safe_open(str(Path(model_dir) / "model.safetensors"), framework="numpy") as f:
        keys = set(f.keys())
        for r in ROLES:
            k = f"links.{r}.dist.weight"
            if k not in keys:
                raise ModelError(f"{model_dir}: no {k} in the weights; retrain with `zhie train model`.")
            w = f.get_tensor(k).astype(np.float32)
            if k + ".__scale" in keys:
                w = w * f.get_tensor(k + ".__scale").astype(np.float32)
            out[r] = w.reshape(-1)
    return out


def bucket(d):
    """numpy twin of :func:`nlp.extract.model._bucket` (signed log2 distance bucket)."""
    import numpy as np

    from .model import N_BUCKETS

    sign = (d > 0).astype(np.int64)
    mag = np.minimum(np.log2(np.abs(d).astype(np.float32) + 1).astype(np.int64), N_BUCKETS // 2 - 1)
    return sign * (N_BUCKETS // 2) + mag


def link_scores(q, k, dist_w, qpos, pos):
    """Link scores ``[Q, T]`` of one sentence: ``q[qpos] . k + dist_w[bucket(pos - pos[qpos])]``.

    Args:
        q, k: ``[T, D]`` projections of one sentence (q already scaled).
        dist_w: ``[N_BUCKETS]`` distance bias.
        qpos: ``[Q]`` token index of each quantity's first word.
        pos: ``[T]`` word number of every token (0 for specials/padding).
    """
    s = q[qpos] @ k.T
    d = pos[None, :] - pos[qpos][:, None]
    return s + dist_w[bucket(d)]


__all__ = ["build_cache", "cache_path", "cache_root", "weights_key", "OrtNetwork", "link_scores",
           "link_dist_weights", "network_outputs", "stream_plan", "EXPORT_VERSION"]
