"""Output identity of the despin stage: one digest of its edits, to compare before/after a speed change.

Usage: python eval/bench/despin_identity.py [--bench] [--dump out.pkl]

Pages (the set the speed reviews of issue 4 use): 80 inews dev articles spun with
corpora/despin/tables/dev.tsv + dev_unseen.tsv (the unseen-table protocol's rows, so the
thesaurus and slot-neighbour sources fire), seed 002 (whole page), and 200 clean inews dev
articles (the gate's path). ``--bench`` adds the benchmark's corpus (eval/bench/despin.py:
5 MB of inews pages, every 50th spun with dev.tsv; includes pages spun in the wild).

Per page: every edit as (start, end, replacement, confidence to 12 digits, note), and the
page's ``info.despin`` evidence. Prints one sha256 per part and one over all parts.
Test tables (tables/test*.tsv) are never read.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nlp.despin import corpora  # noqa: E402
from nlp.despin.spinner import load_table, spin  # noqa: E402
from nlp.despin.stage import Despinner  # noqa: E402
from nlp.document import Document  # noqa: E402
from nlp.evaluate.despin import seed002_body  # noqa: E402

TABLES = Path(__file__).resolve().parents[2] / "corpora" / "despin" / "tables"


def parts(bench: bool = False) -> dict[str, list[str]]:
    """The page sets, by name (deterministic)."""
    dev = corpora.texts("dev")
    merged = dict(load_table(TABLES / "dev.tsv"))
    for o, v in load_table(TABLES / "dev_unseen.tsv").items():
        merged.setdefault(o, v)
    out = {"spun dev (dev + dev_unseen tables)": [spin(t, merged)[0] for t in dev[:80]],
           "seed 002": [seed002_body()[0]],
           "clean dev": dev[:200]}
    if bench:
        from common import corpus

        pages = corpus(5_000_000)
        tab = load_table(TABLES / "dev.tsv")
        out["bench 2% spun"] = [spin(p, tab)[0] if i % 50 == 0 else p for i, p in enumerate(pages)]
    return out


def run(stage: Despinner, pages: list[str], batch: int = 64) -> list[tuple]:
    """Edits and evidence per page, in a hashable, order-stable form."""
    out = []
    for i in range(0, len(pages), batch):
        docs = [Document(id=str(i + j), text=p) for j, p in enumerate(pages[i:i + batch])]
        for doc, edits in zip(docs, stage.process_batch(docs)):
            out.append((tuple((e.start, e.end, e.replacement, f"{e.confidence:.12f}", e.note) for e in edits),
                        tuple(sorted((k, repr(v)) for k, v in doc.info["despin"].items()))))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", action="store_true", help="add the benchmark corpus (5 MB)")
    ap.add_argument("--dump", help="pickle the per-page results here (to diff two runs)")
    args = ap.parse_args(argv)
    stage = Despinner()
    total = hashlib.sha256()
    dump = {}
    for name, pages in parts(args.bench).items():
        t0 = time.perf_counter()
        res = run(stage, pages)
        dump[name] = res
        blob = pickle.dumps(res, protocol=4)
        total.update(blob)
        edits = sum(len(r[0]) for r in res)
        print(f"{name:38s} pages {len(pages):5d}  edits {edits:6d}  sha256 {hashlib.sha256(blob).hexdigest()[:16]}"
              f"  ({time.perf_counter() - t0:.1f} s)")
    print(f"{'all':38s} sha256 {total.hexdigest()[:16]}")
    if args.dump:
        with open(args.dump, "wb") as f:
            pickle.dump(dump, f, protocol=4)


if __name__ == "__main__":
    main()
