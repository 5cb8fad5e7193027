"""Reliability report (issue 7): bad inputs, accounting, crash safety, fuzzing, service.

Usage: nice -n 15 python eval/reliability/run.py [--fuzz-seconds 60] [--jobs 2]
           [--adversarial-size 100000] [--schemathesis-examples 60] [--memory-json rows.json]

Prints the issue's table: bad-input kinds tried, records in/out, crashes, hangs,
resume equality after kill -9, fuzz iterations and failures, adversarial regex
inputs per stage over the time budget, schemathesis cases and 5xx, the pip-audit
verdict and (with --memory-json from eval/bench/memory.py) peak RSS at 10k vs 100k.
Runs the DEFAULT pipeline (whatever `zhie config` lists), through the same runner
`zhie clean` uses. See eval/reliability/README.md for what each row means.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "reliability"))  # the bad-record corpus and adversarial inputs
sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp import Config, Pipeline  # noqa: E402
from nlp.runner import run_batch  # noqa: E402
from nlp.io.writers import write_text_atomic  # noqa: E402


def seed_text() -> str:
    return (ROOT / "seeds" / "003_4b7503e14079cd00.txt").read_text(encoding="utf-8")


def run_bad_inputs(jobs: int) -> dict:
    """The bad-record corpus (tests/reliability/bad_records.py, full sizes) through `zhie clean`."""
    from bad_records import outcome, write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        kinds = write_corpus(root, seed_text(), full=True)
        out = root / "out.jsonl"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "nlp", "clean", str(root / "pages"), str(root / "records.jsonl"),
                               "-o", str(out), "--jobs", str(jobs), "--no-progress"],
                              cwd=ROOT, capture_output=True, text=True, timeout=3600)
        seconds = time.perf_counter() - t0
        recs = []
        if out.exists():
            with open(out, encoding="utf-8") as fh:
                recs = [json.loads(l) for l in fh]
        errors = {r["id"]: r["error"][:70] for r in recs if r.get("error")}
        unexpected = {k.name: outcome(r) for k, r in zip(kinds, recs) if outcome(r) != k.expect}
        return {
            "kinds": len(kinds), "records_in": len(kinds), "records_out": len(recs),
            "crashes": int(proc.returncode != 0),
            "hangs": sum(1 for e in errors.values() if e.startswith("[E103]") and "longer" in e),
            "unexpected": unexpected, "error_records": errors, "seconds": round(seconds, 1),
            "stderr_tail": proc.stderr[-500:],
        }


def run_adversarial(size: int, edits: int, big: int, budget: float) -> dict:
    """Adversarial regex inputs (tests/reliability/adversarial.py) through each stage alone."""
    from adversarial import inputs, write_jsonl

    from nlp.registry import STAGES

    stages = list(Config.load().stages)
    stages += [s for s in STAGES if s.startswith("clean.") and s not in stages]
    pages = inputs(size=size, edits=edits, big=big)
    over: list[str] = []
    failed: list[str] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "adv.jsonl"
        write_jsonl(src, pages)
        for stage in stages:
            out = Path(tmp) / f"{stage}.jsonl"
            cfg = Config.load(overrides={"pipeline.stages": [stage], "limits.max_seconds": budget})
            run_batch([src], out, cfg, progress=False, chunk_size=1)
            with open(out, encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    err = r.get("error") or ""
                    if err.startswith("[E103]"):
                        over.append(f"{stage}:{r['id']}")
                    elif err:
                        failed.append(f"{stage}:{r['id']} {err[:80]}")
    return {"stages": len(stages), "kinds": len(pages), "over_budget": over, "failed": failed,
            "budget": budget, "seconds": round(time.perf_counter() - t0, 1)}


def pip_audit_verdict() -> str:
    path = Path(__file__).resolve().parent / "pip-audit.txt"
    if not path.exists():
        return "not run (see README)"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# RESULT:"):
            return line[len("# RESULT:"):].strip().split(".")[0] + " (see pip-audit.txt)"
    return "see pip-audit.txt"


RESUME_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from nlp.runner import run_batch
run_batch([sys.argv[1]], sys.argv[2], resume=True, progress=False, chunk_size=2)
"""


def run_resume() -> dict:
    """kill -9 a run midway, resume it, compare with an uninterrupted run."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = sorted((ROOT / "seeds").glob("0*.txt"))
        src = root / "in.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for i in range(60):
                p = pages[i % len(pages)]
                fh.write(json.dumps({"id": f"p{i}", "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
        script = root / "run.py"
        script.write_text(RESUME_SCRIPT.format(root=str(ROOT)))
        ref, out = root / "ref.jsonl", root / "out.jsonl"
        subprocess.run([sys.executable, str(script), str(src), str(ref)], check=True)
        proc = subprocess.Popen([sys.executable, str(script), str(src), str(out)])
        partial = root / "out.jsonl.partial"
        deadline = time.time() + 120
        while time.time() < deadline and (not partial.exists() or len(partial.read_bytes().splitlines()) < 10):
            time.sleep(0.02)
        killed_at = len(partial.read_bytes().splitlines()) if partial.exists() else 0
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        subprocess.run([sys.executable, str(script), str(src), str(out)], check=True)

        def norm(path):
            recs = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
            for r in recs:
                r["stats"] = {k: v for k, v in (r.get("stats") or {}).items() if not k.startswith("ms.")}
            return recs
        return {"killed_after_records": killed_at, "equal": norm(out) == norm(ref), "records": len(norm(out))}


def run_fuzz(seconds: float) -> dict:
    """Random byte/str pages through decode + the whole default pipeline."""
    rng = random.Random(7)
    pipe = Pipeline(on_error="raise")
    corpus = seed_text()
    alphabet = corpus + "<>/&;#=\"'*\n\r\t\x00\ufffd\u200b\u3000" + "".join(chr(c) for c in range(0x20, 0x7F))
    iters = failures = 0
    examples = []
    t_end = time.perf_counter() + seconds
    while time.perf_counter() < t_end:
        iters += 1
        kind = rng.random()
        if kind < 0.3:
            data: bytes | str = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000)))
        elif kind < 0.6:
            data = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 2000)))
        else:  # mutate a real page: cut, splice, duplicate lines
            lines = corpus.splitlines()
            rng.shuffle(lines)
            data = "\n".join(lines[: rng.randrange(1, len(lines))])
            if rng.random() < 0.5:
                data = data.encode(rng.choice(["utf-8", "gb18030", "utf-16"]))
        try:
            doc = pipe.run(data)
            assert doc.status == "ok", doc.error
            for e in doc.edits:
                assert 0 <= e.raw_start <= e.raw_end <= len(doc.raw)
        except Exception as exc:  # noqa: BLE001
            failures += 1
            if len(examples) < 3:
                examples.append(f"{type(exc).__name__}: {str(exc)[:120]}")
    return {"iterations": iters, "failures": failures, "examples": examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fuzz-seconds", type=float, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--adversarial-size", type=int, default=100_000,
                    help="length of each adversarial run; many-edit inputs get a fifth, the long line 10x (0 = skip)")
    ap.add_argument("--adversarial-budget", type=float, default=20.0, help="seconds per record")
    ap.add_argument("--schemathesis-examples", type=int, default=60, help="per operation and mode (0 = skip)")
    ap.add_argument("--schemathesis-seconds", type=float, default=180)
    ap.add_argument("--memory-json", help="rows written by eval/bench/memory.py --json")
    ap.add_argument("--json", help="also write every result here")
    args = ap.parse_args(argv)
    print(f"pipeline: {Config.load().stages}", file=sys.stderr)
    import torch

    torch.set_num_threads(1)
    bad = run_bad_inputs(args.jobs)
    print("bad inputs done", file=sys.stderr, flush=True)
    resume = run_resume()
    print("resume done", file=sys.stderr, flush=True)
    fuzz = run_fuzz(args.fuzz_seconds)
    print("fuzz done", file=sys.stderr, flush=True)
    adv = None
    if args.adversarial_size:
        n = args.adversarial_size
        adv = run_adversarial(n, n // 5, 10 * n, args.adversarial_budget)
        print("adversarial done", file=sys.stderr, flush=True)
    svc = None
    if args.schemathesis_examples:
        from schema_fuzz import run_schemathesis

        svc = run_schemathesis(examples=args.schemathesis_examples, seconds=args.schemathesis_seconds)
    rows = [
        ("bad-input kinds tried", bad["kinds"]),
        ("records in / out", f"{bad['records_in']} / {bad['records_out']}"),
        ("crashes (run exit != 0)", bad["crashes"]),
        ("hangs (records over the time budget)", bad["hangs"]),
        ("outcomes other than expected", len(bad["unexpected"]) or 0),
        ("error records (by design)", f"{len(bad['error_records'])} "
                                      f"({', '.join(sorted({e[1:5] for e in bad['error_records'].values()}))})"),
        ("bad-input run seconds", bad["seconds"]),
        ("resume after kill -9 equals uninterrupted", f"{'yes' if resume['equal'] else 'NO'} "
                                                     f"(killed after {resume['killed_after_records']} of {resume['records']})"),
        ("fuzz iterations / failures", f"{fuzz['iterations']} / {fuzz['failures']} ({args.fuzz_seconds:g} s)"),
    ]
    if adv:
        rows.append(("adversarial inputs (stages x kinds) / over budget",
                     f"{adv['stages']} x {adv['kinds']} / {len(adv['over_budget'])} "
                     f"(budget {adv['budget']:g} s, {adv['seconds']} s)"))
        rows.append(("adversarial inputs raising", len(adv["failed"])))
    if svc is not None:
        if svc.get("error"):
            rows.append(("schemathesis cases / 5xx", f"not run: {svc['error']}"))
        else:
            rows.append(("schemathesis cases / 5xx", f"{svc['cases']} / {svc['5xx']} ({svc['status']})"))
            rows.append(("schemathesis schema violations (non-5xx)", sum(svc["schema_violations"].values())))
    rows.append(("pip-audit", pip_audit_verdict()))
    if args.memory_json and Path(args.memory_json).exists():
        mem = json.loads(Path(args.memory_json).read_text())
        a, b = mem[0], mem[-1]
        rows.append(("peak RSS of zhie clean", f"{a['records']:,} rec: {a['peak_rss_mb']} MB, {b['records']:,} rec: "
                                              f"{b['peak_rss_mb']} MB (x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f})"))
    w = max(len(k) for k, _ in rows)
    print(f"{'check'.ljust(w)} | result")
    print(f"{'-' * w}-+-------")
    for k, v in rows:
        print(f"{k.ljust(w)} | {v}")
    print("\nerror records:", json.dumps(bad["error_records"], ensure_ascii=False, indent=1))
    if bad["unexpected"]:
        print("unexpected outcomes:", bad["unexpected"])
    if fuzz["examples"]:
        print("fuzz failures:", fuzz["examples"])
    if adv and (adv["over_budget"] or adv["failed"]):
        print("adversarial over budget:", adv["over_budget"], "raising:", adv["failed"])
    if svc and not svc.get("error"):
        if svc["failures"]:
            print("schemathesis 5xx:", json.dumps(svc["failures"], ensure_ascii=False, indent=1))
        if svc["violation_examples"]:
            print("schemathesis schema violations:", json.dumps(svc["violation_examples"], ensure_ascii=False, indent=1))
    if bad["crashes"]:
        print("stderr:", bad["stderr_tail"])
    if args.json:
        write_text_atomic(args.json, json.dumps({"bad": bad, "resume": resume, "fuzz": fuzz, "adversarial": adv,
                                                 "service": svc}, ensure_ascii=False, indent=1))
    ok = (not bad["crashes"] and bad["records_in"] == bad["records_out"] and not bad["unexpected"]
          and resume["equal"] and not fuzz["failures"] and not (adv and (adv["over_budget"] or adv["failed"]))
          and not (svc and not svc.get("error") and svc["5xx"]))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
