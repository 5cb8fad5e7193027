"""CPU-time version of eval/bench/clean.py, split by stage (for speed work on nlp/clean).

Usage: nice python eval/bench/clean_stages.py [--mb 1] [--repeat 3]

On the shared, loaded box wall times of a 20 ms OpenCC pass swing 5x between runs;
process CPU time does not count the time other processes hold the cores, so the
ratio is stable. Per-stage times are process_batch CPU time (the pipeline's edit
application is the rest of "clean").
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import opencc  # noqa: E402
from clean import CLEAN, noisy  # noqa: E402
from common import corpus  # noqa: E402

from nlp import Pipeline  # noqa: E402
from nlp.clean.base import clear_caches  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    pages = corpus(int(args.mb * 1e6))
    bare = opencc.OpenCC("t2s")
    pipe = Pipeline(stages=CLEAN)
    pipe.process([pipe.make_doc(noisy(pages[:2])[0])])
    cpu = time.process_time
    acc: collections.Counter = collections.Counter()
    for st in pipe.stages:
        def timed(docs, f=st.process_batch, name=st.name):
            t0 = cpu()
            r = f(docs)
            acc[name] += cpu() - t0
            return r
        st.process_batch = timed
    for name, data in (("articles", pages), ("noisy", noisy(pages))):
        best = None
        for _ in range(args.repeat):
            t0 = cpu()
            [bare.convert(p) for p in data]
            tb = cpu() - t0
            clear_caches()
            acc.clear()
            for st in pipe.stages:
                getattr(st, "_cache", {}).clear()
            t0 = cpu()
            for k in range(0, len(data), 64):
                pipe.process([pipe.make_doc(p) for p in data[k:k + 64]])
            tt = cpu() - t0
            if best is None or tt / tb < best[1] / best[0]:
                best = (tb, tt, dict(acc))
        tb, tt, a = best
        stages = " ".join(f"{k[6:]}={v:.3f}" for k, v in sorted(a.items(), key=lambda x: -x[1]))
        print(f"{name}: CPU bare t2s {tb:.3f} s, clean {tt:.3f} s, ratio {tt / tb:.1f}x; "
              f"stages {sum(a.values()):.3f} s: {stages}")


if __name__ == "__main__":
    main()
