"""Reliability report (issue 7): bad inputs, accounting, crash safety, fuzzing.

Usage: python eval/reliability/run.py [--fuzz-seconds 60] [--jobs 2]

Prints a table: bad-input kinds tried, records in/out, crashes, hangs, resume
equality after kill -9, fuzz iterations and failures. Runs the DEFAULT pipeline
(whatever `zhie config` lists), through the same runner `zhie clean` uses.
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

from nlp import Config, Pipeline  # noqa: E402
from nlp.runner import run_batch  # noqa: E402


def seed_text() -> str:
    return (ROOT / "seeds" / "003_4b7503e14079cd00.txt").read_text(encoding="utf-8")


def bad_inputs(root: Path) -> dict[str, int]:
    """Write one file (or JSONL line) per bad-input kind; return kind -> records it holds."""
    body = seed_text()
    pages = root / "pages"
    pages.mkdir()
    kinds: dict[str, bytes] = {
        "empty": b"",
        "whitespace_only": b" \n\t\r\n   \u3000".replace(b"\\u3000", "\u3000".encode()),
        "page_20mb": (body * (21_000_000 // len(body.encode()) + 1)).encode()[:21_000_000],
        "png_bytes": b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(256) for _ in range(5000)),
        "invalid_utf8": body.encode()[:3001] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1" + body.encode()[3001:],
        "gbk_inside_utf8": body[:500].encode() + body[500:900].encode("gbk", "ignore") + body[900:].encode(),
        "nul_bytes": body.encode()[:999].replace(b"\xe3", b"\x00\xe3", 5) + b"\x00" * 100,
        "long_line": ("报告显示" * 250_000).encode(),  # 1M chars, no newline
        "deep_html": ("<div><p>" * 50_000 + "平台治理" + "</p></div>" * 50_000).encode(),
        "html_entities_flood": ("&nbsp;&#x4e2d;&amp;" * 100_000).encode(),
        "repeated_lines": ("相关推荐\n" * 200_000).encode(),
        "big5_page": body.encode("big5", "ignore"),
        "utf16_page": body.encode("utf-16"),
    }
    counts = {}
    for name, data in kinds.items():
        (pages / f"{name}.txt").write_bytes(data)
        counts[name] = 1
    lines = [
        ("jsonl_not_json", b'{"id": "x", "text": "unterminated\n'),
        ("jsonl_no_text", json.dumps({"id": "y", "body": "no text"}).encode() + b"\n"),
        ("jsonl_text_not_str", json.dumps({"id": "z", "text": ["a", 1]}).encode() + b"\n"),
        ("jsonl_lone_surrogate", b'{"id": "s", "text": "\\ud800\\udfff\\ud83d pair broken"}\n'),
        ("jsonl_deep_json", b'{"id": "d", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
        ("jsonl_array", b"[1, 2, 3]\n"),
        ("jsonl_gbk_line", json.dumps({"id": "g", "text": "报告显示"}, ensure_ascii=False).encode("gbk") + b"\n"),
        ("jsonl_ok", json.dumps({"id": "ok", "text": body}, ensure_ascii=False).encode() + b"\n"),
    ]
    with open(root / "records.jsonl", "wb") as fh:
        for name, line in lines:
            fh.write(line)
            counts[name] = 1
    return counts


def run_bad_inputs(jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        counts = bad_inputs(root)
        out = root / "out.jsonl"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "nlp", "clean", str(root / "pages"), str(root / "records.jsonl"),
                               "-o", str(out), "--jobs", str(jobs), "--no-progress"],
                              cwd=ROOT, capture_output=True, text=True, timeout=1800)
        seconds = time.perf_counter() - t0
        recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
        errors = {}
        for r in recs:
            if r.get("error"):
                errors[r["id"]] = r["error"][:60]
        return {
            "kinds": len(counts), "records_in": sum(counts.values()), "records_out": len(recs),
            "crashes": int(proc.returncode != 0), "hangs": sum(1 for e in errors.values() if e.startswith("[E103]") and "longer" in e),
            "error_records": errors, "seconds": round(seconds, 1), "stderr_tail": proc.stderr[-500:],
        }


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
    args = ap.parse_args(argv)
    print(f"pipeline: {Config.load().stages}", file=sys.stderr)
    bad = run_bad_inputs(args.jobs)
    resume = run_resume()
    fuzz = run_fuzz(args.fuzz_seconds)
    rows = [
        ("bad-input kinds tried", bad["kinds"]),
        ("records in / out", f"{bad['records_in']} / {bad['records_out']}"),
        ("crashes (run exit != 0)", bad["crashes"]),
        ("hangs (records over the time budget)", bad["hangs"]),
        ("error records (by design)", len(bad["error_records"])),
        ("bad-input run seconds", bad["seconds"]),
        ("resume after kill -9 equals uninterrupted", f"{'yes' if resume['equal'] else 'NO'} "
                                                     f"(killed after {resume['killed_after_records']} of {resume['records']})"),
        ("fuzz iterations / failures", f"{fuzz['iterations']} / {fuzz['failures']}"),
    ]
    w = max(len(k) for k, _ in rows)
    print(f"{'check'.ljust(w)} | result")
    print(f"{'-' * w}-+-------")
    for k, v in rows:
        print(f"{k.ljust(w)} | {v}")
    print("\nerror records:", json.dumps(bad["error_records"], ensure_ascii=False, indent=1))
    if fuzz["examples"]:
        print("fuzz failures:", fuzz["examples"])
    if bad["crashes"]:
        print("stderr:", bad["stderr_tail"])
    ok = not bad["crashes"] and bad["records_in"] == bad["records_out"] and resume["equal"] and not fuzz["failures"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
