"""Instruction counts of the clean stages and of a bare OpenCC pass (issue 8), under valgrind.

Usage: nice python eval/bench/clean_instructions.py [--mb 0.3] [--root DIR] [--which articles noisy]

CPU times on the shared box swing 10-25 % between runs (eval/bench/clean_stages.py), so a
change worth a few per cent cannot be seen there. Instructions executed are a property of
the code and the input, not of the load: this runs the same pages as clean_stages.py (the
bench articles as they are and wrapped in seed-like chrome) in a child process under
``valgrind --tool=callgrind`` with instrumentation switched on only around the timed part
(setup and imports run uninstrumented), PYTHONHASHSEED fixed, and prints for each set the
instructions of the bare ``OpenCC('t2s').convert`` pass, of the clean stages (the default
pipeline's clean.* stages through ``Pipeline.process``, batches of 64, after one warm-up
pass over the same pages with the per-line caches emptied after it) and their ratio. Repeat runs agree to ~0.1 %.

``--root DIR``: the tree whose ``nlp`` package is measured (a ``git archive`` snapshot of
an earlier commit), so a change is measured as old vs new on identical pages. Instruction
counts are not time (a cache miss costs more than an add), but on the same interpreter and
pages a code change that executes fewer instructions is faster. Needs valgrind; takes
about a minute per set at --mb 0.3 on the loaded box (valgrind runs ~50x slower).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 1800.0) -> None:
    t0 = time.monotonic()
    while not path.exists():
        if proc.poll() is not None:
            raise RuntimeError(f"child exited ({proc.returncode}) before {path.name}")
        if time.monotonic() - t0 > timeout:
            proc.kill()
            raise RuntimeError(f"timed out waiting for {path.name}")
        time.sleep(0.05)


def _child(root: str, mb: float, which: str, sync: str) -> None:
    """Set up, then run the bare pass and the clean stages between handshakes with the parent."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, root)
    import opencc
    from clean import CLEAN, noisy
    from common import corpus

    from nlp import Pipeline
    from nlp.clean.base import clear_caches

    pages = corpus(int(mb * 1e6))
    data = pages if which == "articles" else noisy(pages)
    bare = opencc.OpenCC("t2s")
    pipe = Pipeline(stages=CLEAN)
    # one uninstrumented pass first: lazy imports, model loads and regex compiles are not
    # per-page costs (they were ~3 % of the instructions of a 0.3 MB run)
    for k in range(0, len(data), 64):
        pipe.process([pipe.make_doc(p) for p in data[k:k + 64]])
    for p in data:
        bare.convert(p)
    clear_caches()
    for st in pipe.stages:
        getattr(st, "_cache", {}).clear()
    sync_dir = Path(sync)

    def step(name: str) -> None:  # tell the parent, wait for its go
        (sync_dir / name).touch()
        while not (sync_dir / (name + ".go")).exists():
            time.sleep(0.02)

    step("bare")
    for p in data:
        bare.convert(p)
    step("clean")
    for k in range(0, len(data), 64):
        pipe.process([pipe.make_doc(p) for p in data[k:k + 64]])
    step("end")
    os._exit(0)  # no interpreter teardown


def _measure(root: str, mb: float, which: str) -> tuple[int, int]:
    """(bare instructions, clean instructions) of one set, from a child under callgrind."""
    with tempfile.TemporaryDirectory(prefix="clean_instr_") as tmp:
        out = Path(tmp) / "cg.out"
        env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
               sys.executable, __file__, "--child", root, str(mb), which, tmp]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ctl = ["callgrind_control"]
        sync = Path(tmp)
        _wait_for(sync / "bare", proc)
        subprocess.run(ctl + ["-i", "on", str(proc.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (sync / "bare.go").touch()
        _wait_for(sync / "clean", proc)
        subprocess.run(ctl + ["-d", "bare", str(proc.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (sync / "clean.go").touch()
        _wait_for(sync / "end", proc)
        subprocess.run(ctl + ["-d", "clean", str(proc.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(ctl + ["-i", "off", str(proc.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (sync / "end.go").touch()
        proc.wait()
        counts = {}
        for f in sync.glob("cg.out*"):
            head = f.read_text(errors="replace")
            trig = re.search(r"^trigger: .*Dump Request: (\w+)", head, re.M) or \
                re.search(r"^desc: Trigger: .*?(bare|clean)", head, re.M)
            tot = re.search(r"^(?:summary|totals): (\d+)", head, re.M)
            if trig and tot:
                counts[trig.group(1)] = int(tot.group(1))
        if set(counts) != {"bare", "clean"}:
            raise RuntimeError(f"could not read both dumps from callgrind output: {sorted(counts)}")
        return counts["bare"], counts["clean"]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        _child(argv[1], float(argv[2]), argv[3], argv[4])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=0.3)
    ap.add_argument("--root", default=str(ROOT), help="tree whose nlp package is measured (default: this one)")
    ap.add_argument("--which", nargs="+", default=["articles", "noisy"], choices=["articles", "noisy"])
    args = ap.parse_args(argv)
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("valgrind (callgrind) is not installed", file=sys.stderr)
        return 2
    root = str(Path(args.root).resolve())
    for which in args.which:
        bare, clean = _measure(root, args.mb, which)
        print(f"{which}: {args.mb} MB, root {root}: bare t2s {bare / 1e6:.1f} M instr, "
              f"clean {clean / 1e6:.1f} M instr, ratio {clean / bare:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
