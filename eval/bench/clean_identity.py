"""Output-identity check for the clean stages (speed work must not change output).

Usage:
    nice python eval/bench/clean_identity.py --save REF.pkl    # before changing anything
    nice python eval/bench/clean_identity.py --check REF.pkl   # after each change

Runs the default pipeline (nlp/default.toml [pipeline] stages) on seeds/*.txt,
corpora/clean/dev/*.raw.txt, N inews articles as they are, the same articles wrapped in
seed-like chrome (eval/bench/clean.py ``noisy``), and the wrapped pages again with
``clean.corpus`` fitted on them (so the corpus stage fires). For every document it
records doc.text and the edit list (stage, reason, start, end, raw_start, raw_end,
replacement, note). Never touches corpora/clean/heldout/.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from clean import noisy  # noqa: E402
from common import inews_articles  # noqa: E402

from nlp import Pipeline  # noqa: E402
from nlp.clean.corpus import fit_corpus  # noqa: E402
from nlp.io.writers import write_bytes_atomic  # noqa: E402


def inputs(n: int) -> dict[str, list[tuple[str, bytes | str]]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    dev = sorted((ROOT / "corpora/clean/dev").glob("*.raw.txt"))
    arts = inews_articles()[:n]
    return {
        "seeds": [(p.name, p.read_bytes()) for p in seeds],
        "dev": [(p.name, p.read_bytes()) for p in dev],
        "inews": [(f"inews{i}", a) for i, a in enumerate(arts)],
        "noisy": [(f"noisy{i}", a) for i, a in enumerate(noisy(arts))],
    }


def record(doc) -> tuple:
    edits = tuple((e.stage, str(e.reason), e.start, e.end, e.raw_start, e.raw_end, e.replacement, e.note)
                  for e in doc.edits)
    return (doc.status, doc.text, edits)


def run(n: int) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    groups = inputs(n)
    pipe = Pipeline(on_error="raise")
    for group, items in groups.items():
        for k in range(0, len(items), 32):
            chunk = items[k:k + 32]
            docs = pipe.process([pipe.make_doc(t, id=name) for name, t in chunk])
            for (name, _), d in zip(chunk, docs):
                out[f"{group}/{name}"] = record(d)
    # clean.corpus fires only once fitted: fit on the noisy pages and run them again
    fitted = Pipeline(on_error="raise")
    fit_corpus(fitted, [t for _, t in groups["noisy"]])
    items = groups["noisy"] + groups["dev"]
    for k in range(0, len(items), 32):
        chunk = items[k:k + 32]
        docs = fitted.process([fitted.make_doc(t, id=name) for name, t in chunk])
        for (name, _), d in zip(chunk, docs):
            out[f"fitted/{name}"] = record(d)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", metavar="REF.pkl")
    g.add_argument("--check", metavar="REF.pkl")
    ap.add_argument("-n", type=int, default=300, help="inews articles (default 300)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = run(args.n)
    dt = time.perf_counter() - t0
    n_edits = sum(len(v[2]) for v in out.values())
    digest = hashlib.sha256(pickle.dumps(sorted(out.items()))).hexdigest()[:16]
    print(f"{len(out)} docs, {n_edits} edits, digest {digest}, {dt:.1f} s", file=sys.stderr)
    if args.save:
        write_bytes_atomic(args.save, pickle.dumps({"n": args.n, "out": out}))
        print(f"saved {args.save}")
        return 0
    with open(args.check, "rb") as f:
        ref = pickle.load(f)
    if ref["n"] != args.n:
        print(f"reference was made with -n {ref['n']}; rerun with the same -n")
        return 2
    ref = ref["out"]
    bad = [k for k in sorted(set(ref) | set(out)) if ref.get(k) != out.get(k)]
    for k in bad[:10]:
        a, b = ref.get(k), out.get(k)
        print(f"DIFF {k}")
        if a and b:
            if a[1] != b[1]:
                i = next((i for i, (x, y) in enumerate(zip(a[1], b[1])) if x != y), min(len(a[1]), len(b[1])))
                print(f"  text differs at {i}: ref {a[1][i-20:i+40]!r}\n                   new {b[1][i-20:i+40]!r}")
            ea, eb = set(a[2]), set(b[2])
            for e in sorted(ea - eb)[:5]:
                print(f"  only ref: {e}")
            for e in sorted(eb - ea)[:5]:
                print(f"  only new: {e}")
    print(f"IDENTICAL: {len(out)} docs, {n_edits} edits" if not bad else f"DIFFERENT: {len(bad)} of {len(out)} docs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
