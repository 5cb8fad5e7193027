"""Predict and score the extraction gold splits with one backend (baseline now, the model later).

    python eval/extract_baseline.py                      # baseline on dev and test (+ the seeds' sentences)
    python eval/extract_baseline.py --backend model      # the fine-tuned model, same files, same scores
    python eval/extract_baseline.py --splits dev --out /tmp/x
    python eval/extract_baseline.py --backend model --splits dev dev2 test   # + pooled dev+dev2

For each split it writes ``<out>/<backend>.<split>.pred.jsonl`` (``nlp.extract.predict_file``),
scores it with ``nlp.evaluate.extract.evaluate`` and writes the readable error table
``<out>/<backend>.<split>.errors.txt``. "seeds" scores the seed pages' sentences gathered from
every split (seed-001/004 are in train, seed-002 in dev, seed-000 in test; the baseline was tuned
on train/dev and on the guide's worked examples, which come from seed-001/004, so the seed score
is not a held-out score). dev2 (corpora/extract/build.py, session 5) is the second dev split
carved from the session-4 annotators' train documents; when both dev and dev2 are scored, a
"dev+dev2" row pools their tuples (the set models are chosen on). A summary
(``<out>/<backend>.summary.json``) holds every result.
Torch and the segmenter run single-threaded (shared machine).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.evaluate.extract import evaluate, format_table, read_jsonl  # noqa: E402
from nlp.extract import predict_file  # noqa: E402
from nlp.io.writers import write_jsonl_atomic, write_text_atomic  # noqa: E402

GOLD_DIR = ROOT / "corpora" / "extract"
#: the gold splits corpora/extract/build.py writes (dev2: session 5)
SPLITS = ("train", "dev", "dev2", "test")
DEFAULT_OUT = ROOT / "eval" / "extract_out"


def run(backend: str = "baseline", splits: tuple[str, ...] = ("dev", "test"), out_dir: str | Path = DEFAULT_OUT,
        *, seeds: bool = True, gold_dir: str | Path = GOLD_DIR, **options) -> dict:
    """Predict + score ``splits`` (and the seeds' sentences) with ``backend``.

    Args:
        backend (str): a backend of :data:`nlp.extract.BACKENDS` (``"baseline"``, ``"model"``).
        splits (tuple[str, ...]): gold split names under ``gold_dir``.
        out_dir (str | Path): where predictions, error tables and the summary go.
        seeds (bool): also score the seed sentences of train+dev+test.
        gold_dir (str | Path): directory with ``<split>.jsonl``.
        **options: backend options (e.g. ``model_dir``).

    Returns:
        dict: ``{split: evaluate() result, ..., "seeds": ..., "seconds": {...}}``.
    """
    out_dir, gold_dir = Path(out_dir), Path(gold_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary: dict = {"backend": backend, "options": {k: str(v) for k, v in options.items()}, "seconds": {}}
    todo = [(s, gold_dir / f"{s}.jsonl") for s in splits]
    tmpdir = tempfile.TemporaryDirectory(prefix="zhie-gold-")
    if "dev" in splits and "dev2" in splits:
        pooled = Path(tmpdir.name) / "dev+dev2.jsonl"
        write_jsonl_atomic(pooled, read_jsonl(gold_dir / "dev.jsonl") + read_jsonl(gold_dir / "dev2.jsonl"))
        todo.append(("dev+dev2", pooled))
    if seeds:
        recs = [r for s in SPLITS if (gold_dir / f"{s}.jsonl").exists()
                for r in read_jsonl(gold_dir / f"{s}.jsonl") if r.get("source") == "seed"]
        seed_gold = Path(tmpdir.name) / "seeds.jsonl"
        write_jsonl_atomic(seed_gold, recs)
        todo.append(("seeds", seed_gold))
    try:
        for name, gold in todo:
            pred = out_dir / f"{backend}.{name}.pred.jsonl"
            t0 = time.time()
            n = predict_file(gold, pred, backend=backend, **options)
            summary["seconds"][name] = round(time.time() - t0, 1)
            res = evaluate(gold, pred, errors_path=out_dir / f"{backend}.{name}.errors.txt")
            summary[name] = res
            print(f"== {backend} on {name} ({n} sentences, {summary['seconds'][name]} s)\n{format_table(res)}\n",
                  flush=True)
    finally:
        tmpdir.cleanup()
    path = out_dir / f"{backend}.summary.json"
    write_text_atomic(path, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", default="baseline")
    ap.add_argument("--splits", nargs="+", default=["dev", "test"], choices=SPLITS,
                    help="gold splits to score (dev and dev2 together add a pooled dev+dev2 row)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-seeds", action="store_true", help="skip the seed-sentence score")
    ap.add_argument("--model-dir", default=None, help="backend option model_dir")
    ap.add_argument("--runtime", default=None, choices=("auto", "onnx", "torch"),
                    help="backend option runtime (model backend; default: the backend's)")
    ap.add_argument("--int8", default=None, action=argparse.BooleanOptionalAction,
                    help="backend option int8 (model backend; default: the backend's)")
    args = ap.parse_args(argv)
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    opts = {key: value for key, value in (("model_dir", args.model_dir), ("runtime", args.runtime),
                                          ("int8", args.int8)) if value is not None}
    run(args.backend, tuple(args.splits), args.out, seeds=not args.no_seeds, **opts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
