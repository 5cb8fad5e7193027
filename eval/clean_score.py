"""Clean a split of pages with the default pipeline and score it (issue 8).

Usage::

    python eval/clean_score.py seeds       # /work/main/seeds raw, corpora/clean/seeds gold
    python eval/clean_score.py dev         # corpora/clean/dev (<id>.raw.txt + <id>.gold.txt)
    python eval/clean_score.py dev2        # corpora/clean/dev2 (second dev set, make_dev2.py)
    python eval/clean_score.py dev3        # corpora/clean/dev3 (written after tuning on dev2; measure only)
    python eval/clean_score.py heldout     # frozen test pages: run once, report, never tune
    python eval/clean_score.py heldout2    # fresh frozen set v2 (corpora/HELDOUT_V2.md): scored by the lead only
    python eval/clean_score.py dev4        # fourth dev set (session 4 data builder): score untuned once, then tune
    python eval/clean_score.py heldout3    # fresh frozen set v3 (corpora/HELDOUT_V3.md): scored by the lead only
    python eval/clean_score.py dev5        # fifth dev set (session 5 data builder): score untuned once, then tune
    python eval/clean_score.py heldout4    # fresh frozen set v4 (corpora/HELDOUT_V4.md): scored by the lead only

``--blind`` scores the wording-blind view (clean.chrome, clean.spam and clean.corpus off):
``python eval/clean_score.py dev4 --blind``.

The pipeline is ``nlp/default.toml`` [pipeline] stages (convert, clean.*, despin),
the one the gold assumes. Predictions go to ``--out`` (default a temp folder) as
``<id>.txt``; the table is :func:`nlp.evaluate.clean.format_table`.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.config import Config  # noqa: E402
from nlp.evaluate.clean import evaluate, format_table  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402


def _page_set(name: str) -> tuple[Path, Path, str]:
    """A page set of corpora/clean/NAME: raw pages and gold side by side (``*.raw.txt`` / ``*.gold.txt``)."""
    folder = ROOT / "corpora" / "clean" / name
    return folder, folder, "*.raw.txt"


SPLITS = {
    "seeds": (ROOT / "seeds", ROOT / "corpora" / "clean" / "seeds", "*.txt"),
    "dev": _page_set("dev"),
    # second dev set (corpora/clean/make_dev2.py): other page shapes and wording than dev
    "dev2": _page_set("dev2"),
    # third check set, written after tuning on dev2 (make_dev2.py --set dev3): measure only
    "dev3": _page_set("dev3"),
    "heldout": _page_set("heldout"),
    # v2, built by a helper who never saw the rules, after v1 had been seen by developers
    "heldout2": _page_set("heldout2"),
    # session 4: dev4 (tuning, written by a data builder) and held-out v3 (frozen, corpora/HELDOUT_V3.md)
    "dev4": _page_set("dev4"),
    # session 5: dev5 (tuning set, data builder; scored untuned once on arrival)
    "dev5": _page_set("dev5"),
    # session 6: dev6 (tuning set, data builder; score it once untuned on arrival)
    "dev6": _page_set("dev6"),
    # session 7: dev7 (tuning set, data builder; score it once untuned on arrival)
    "dev7": _page_set("dev7"),
    # session 8: dev8 (tuning set, data builder; score it once untuned on arrival)
    "dev8": _page_set("dev8"),
    # session 10: dev9 (tuning set, data builder; score it once untuned on arrival)
    "dev9": _page_set("dev9"),
    "heldout3": _page_set("heldout3"),
    # session 5: held-out v4 (frozen, corpora/HELDOUT_V4.md), scored by the lead only
    "heldout4": _page_set("heldout4"),
    # session 6: held-out v5 (frozen, corpora/HELDOUT_V5.md), scored by the lead only
    "heldout5": _page_set("heldout5"),
    # session 7: held-out v6 (frozen, corpora/HELDOUT_V6.md), scored by the lead only
    "heldout6": _page_set("heldout6"),
    # session 8: held-out v7 (frozen, corpora/HELDOUT_V7.md), scored by the lead only
    "heldout7": _page_set("heldout7"),
    # session 10: held-out v8 (frozen, corpora/HELDOUT_V8.md), scored by the lead only
    "heldout8": _page_set("heldout8"),
    # session 12: held-out v9 (frozen, corpora/HELDOUT_V9.md), scored by the lead only
    "heldout9": _page_set("heldout9"),
    # session 13: held-out v10 (frozen, corpora/HELDOUT_V10.md), scored once, now a development set
    "heldout10": _page_set("heldout10"),
    # session 14: held-out v11 (frozen, corpora/HELDOUT_V11.md), scored by the lead only
    "heldout11": _page_set("heldout11"),
    # session 15: held-out v12 (frozen, corpora/HELDOUT_V12.md), scored by the lead only
    "heldout12": _page_set("heldout12"),
    # session 16: held-out v13 (frozen, corpora/HELDOUT_V13.md), scored by the lead only
    "heldout13": _page_set("heldout13"),
    # session 17: held-out v14 (frozen, corpora/HELDOUT_V14.md), scored by the lead only
    "heldout14": _page_set("heldout14"),
    # session 18: held-out v15 (frozen, corpora/HELDOUT_V15.md), scored by the lead only
    "heldout15": _page_set("heldout15"),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", choices=sorted(SPLITS))
    ap.add_argument("--out", type=Path, default=None, help="folder for <id>.txt predictions")
    ap.add_argument("--blind", action="store_true",
                    help="wording-blind view: the phrase-list stages clean.chrome and clean.spam (and the unfitted "
                         "clean.corpus) off, so every chrome line in the set's wording is 'new' (a proxy for unseen "
                         "wording; corpora/clean/README.md)")
    args = ap.parse_args(argv)
    raw_dir, gold_dir, pattern = SPLITS[args.split]
    out = args.out or Path(tempfile.mkdtemp(prefix=f"clean_{args.split}_"))
    out.mkdir(parents=True, exist_ok=True)
    config = Config.load()
    if args.blind:
        from nlp.clean.lines import BLIND_STAGES

        keep = set(BLIND_STAGES) | {"clean.lines", "clean.layout", "despin"}
        config = config.with_stages([s for s in config.stages if s in keep])
    pipe = Pipeline(config)
    for f in sorted(raw_dir.glob(pattern)):
        if f.name.endswith(".gold.txt"):
            continue
        pid = f.name[: -len(".raw.txt")] if f.name.endswith(".raw.txt") else f.stem
        doc = pipe.run(f.read_bytes(), id=pid, source=str(f))
        if doc.status != "ok":
            print(f"{pid}: {doc.error}", file=sys.stderr)
        (out / f"{pid}.txt").write_text(doc.text or "", encoding="utf-8")
    print(f"stages: {', '.join(pipe.stage_names)}\npredictions: {out}")
    print(format_table(evaluate(gold_dir, out, raw_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
