"""A dev protocol whose spinning table is partly UNKNOWN to the despinner (issue 4, seventh pass).

Why: every pair of ``corpora/despin/tables/dev.tsv`` marked ``lexicon`` is a lexicon pair,
so dev precision (0.966) did not predict held-out precision (test4 0.907, test5 0.856),
where ~38 % of the spun tokens come from pairs the lexicon lacks. Here the table's
lexicon rows are split into ``k`` folds (a fixed hash of the original, so the split is
reproducible and independent of row order); for fold ``f`` those pairs are removed from
the lexicon and the dev articles ``i % k == f`` are spun with the whole table (plus
``extra`` tables, e.g. ``tables/dev_unseen.tsv``: pairs written from knowledge that the
lexicon lacks). Each article is despun once, by the lexicon that does not know its fold.

Two variants (eighth pass): ``k=4`` (the default; 44.7 % of the spun tokens are unknown pairs) and
``k=3`` (49.5 % unknown, nearer held-out test6's 53 %). test6 scored P 0.922 / R 0.350; for the
seventh-pass code ``k=4`` predicted 0.937 / 0.465, ``k=3`` 0.921 / 0.422, ``k=2`` (63 % unknown)
0.909 / 0.334. ``k=3`` predicts precision; recall is still over-predicted because the dev table's
known pairs are recalled better (0.75) than test6's (0.645) (corpora/despin/README.md, eighth pass).

Known leak, stated: the shipped models (context scorer, thesaurus model) were trained on
the lexicon as it is, so a hidden pair may still be "remembered" by a model; the lexicon
(matching, gate, candidates) is what the protocol hides.

False rewrites are classified mechanically (:func:`classify`):
``genuine real word`` (a lexicon real-word form that was not spun), ``genuine k3/k4 form``
(a lexicon non-word form of a table-k3/k4 row that was not spun), ``genuine other form``,
``wrong original`` (the span was spun, another original picked), ``partial overlap`` (the
edit overlaps a spun token without matching it: a cross-boundary match, a longer form over
a spun token), ``thesaurus`` (a candidate the lexicon does not list).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from .despin import CORPUS, ROOT, _run, match_edits

DEV_TABLE = CORPUS / "tables" / "dev.tsv"
UNSEEN_TABLE = CORPUS / "tables" / "dev_unseen.tsv"


def fold_of(original: str, k: int) -> int:
    """A row's fold: md5 of its original modulo ``k`` (stable across runs and row orders)."""
    return int(hashlib.md5(original.encode("utf-8")).hexdigest(), 16) % k


def hidden_lexicon(pairs: set[tuple[str, str]], path: str | Path | None = None, *,
                   drop_forms: frozenset[str] = frozenset()) -> str:
    """Write the lexicon without the ``(spun, original)`` ``pairs`` to a temp file; return its path.

    Only the pair is hidden: a spun form with other originals stays (a held-out table's
    使用 -> 运用 meets a lexicon that reads 运用 as 应用). ``drop_forms``: spun forms whose
    rows are all dropped (a pair still known through a derived chain).
    """
    from ..despin.lexicon import DEFAULT_PATH

    src = Path(path or DEFAULT_PATH)
    out = []
    for ln in src.read_text(encoding="utf-8").splitlines(keepends=True):
        parts = ln.split("\t")
        if not ln.startswith("#") and len(parts) >= 4 and (
                (parts[0], parts[1]) in pairs or parts[0] in drop_forms):
            continue
        out.append(ln)
    fd, tmp = tempfile.mkstemp(suffix=".tsv", prefix="despin-hidden-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.writelines(out)
    return tmp


def classify(start: int, spun: str, replacement: str, gold: list, lexicon) -> str:
    """The class of one false rewrite of ``spun`` at ``start`` (see the module docstring)."""
    end = start + len(spun)
    for g in gold:
        if g.start < end and start < g.end:
            if (g.start, g.end) == (start, end):
                return "wrong original"
            return "partial overlap"
    e = lexicon.entries.get(spun)
    if e is None or replacement not in e.originals:
        return "thesaurus"
    if e.real_word:
        return "genuine real word"
    src = e.sources.get(replacement, "")
    if src in ("table-k3", "table-k4"):
        return "genuine k3/k4 form"
    return "genuine other form"


def evaluate_unseen(*, k: int = 4, table: str | Path | None = None, extra: tuple[str | Path, ...] | None = None,
                    stage_options: dict | None = None, limit: int | None = None,
                    collect: bool = False, lexicon: str | Path | None = None) -> dict:
    """Dev P/R when part of the spinning table is unknown to the lexicon (module docstring).

    Args:
        k (int): folds over the table's lexicon rows (1/k of them hidden per article). Defaults to 4:
            with dev_unseen.tsv ~40 % of the spun tokens are unknown pairs (test5: 38 %).
        table (str | Path | None): the dev table; defaults to ``tables/dev.tsv``.
        extra (tuple | None): more tables whose rows are added (their originals must not be keys of
            ``table``); defaults to ``tables/dev_unseen.tsv`` when it exists.
        stage_options (dict | None): options for :class:`nlp.despin.stage.Despinner`.
        limit (int | None): only the first ``limit`` dev articles.
        collect (bool): also return every false rewrite and miss with its context.
        lexicon (str | Path | None): the lexicon TSV the folds are hidden from; defaults to
            corpora/despin/lexicon.tsv (compare lexicon versions under the protocol).

    Returns:
        dict: ``precision``, ``recall``, ``tp``/``fp``/``fn``, ``recall_by`` (``known pair`` /
        ``hidden pair`` / ``never in lexicon`` -> (recall, tokens)), ``false_by_class``,
        ``false_by_source`` (lexicon source of the false rewrite's pair), per-fold counts.
    """
    from ..despin import corpora
    from ..despin.lexicon import Lexicon
    from ..despin.spinner import load_table, spin
    from ..despin.stage import Despinner

    base = load_table(table or DEV_TABLE)
    if extra is None:
        extra = (UNSEEN_TABLE,) if UNSEEN_TABLE.exists() else ()
    merged = dict(base)
    for x in extra:
        for o, v in load_table(x).items():
            merged.setdefault(o, v)
    full_lex = Lexicon.load(lexicon)
    full_pairs = full_lex.pairs()
    texts = corpora.texts("dev")[:limit]
    tp = fp = fn = 0
    recall_by: dict[str, list[int]] = {}
    false_by_class: Counter = Counter()
    false_by_source: Counter = Counter()
    false_list, missed_list, folds = [], [], []
    seconds = 0.0
    for f in range(k):
        hidden = {(s, o) for o, (s, _kind) in merged.items() if (s, o) in full_pairs and fold_of(o, k) == f}
        path = hidden_lexicon(hidden, lexicon)
        try:
            still = hidden & Lexicon.load(path).pairs()
            if still:  # known through a derived chain: drop the form's rows
                os.unlink(path)
                path = hidden_lexicon(hidden, lexicon, drop_forms=frozenset(s for s, _ in still))
            stage = Despinner(**((stage_options or {}) | {"lexicon": path}))
            lex = stage.lexicon
            still = hidden & lex.pairs()
            fold_texts = [t for i, t in enumerate(texts) if i % k == f]
            spun = [spin(t, merged) for t in fold_texts]
            t0 = time.perf_counter()
            all_edits = _run(stage, [s for s, _ in spun])
            seconds += time.perf_counter() - t0
        finally:
            os.unlink(path)
        ftp = ffp = ffn = 0
        for (s, toks), edits in zip(spun, all_edits):
            # the scorer of `zhie eval despin` (rewrites reduced to what changes, matched by offsets)
            r = match_edits([(t.start, t.end, t.spun, t.original) for t in toks], edits, s)
            ffp += r["fp"]
            for start, old, new, _ctx in r["false"]:
                cls = classify(start, old, new, toks, lex)
                false_by_class[cls] += 1
                e = lex.entries.get(old)
                src = e.sources.get(new, "-") if e else "-"
                false_by_source[src] += 1
                if collect:
                    false_list.append((cls, src, old, new, s[max(0, start - 8):start + len(old) + 8]))
            missed = set(r["missed"])
            for t in toks:
                pair = (t.spun, t.original)
                kind = ("hidden pair" if pair in hidden else "known pair" if pair in full_pairs
                        else "never in lexicon")
                row = recall_by.setdefault(kind, [0, 0])
                row[1] += 1
                if (t.start, t.end, t.spun, t.original) not in missed:
                    row[0] += 1
                    ftp += 1
                else:
                    ffn += 1
                    if collect:
                        missed_list.append((kind, t.spun, t.original, s[max(0, t.start - 8):t.end + 8]))
        tp, fp, fn = tp + ftp, fp + ffp, fn + ffn
        folds.append({"fold": f, "hidden_pairs": len(hidden), "still_known": len(still), "docs": len(fold_texts),
                      "tp": ftp, "fp": ffp, "fn": ffn})
    out = {"k": k, "precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1), "tp": tp, "fp": fp, "fn": fn,
           "recall_by": {kk: (v[0] / max(v[1], 1), v[1]) for kk, v in sorted(recall_by.items())},
           "false_by_class": dict(false_by_class.most_common()),
           "false_by_source": dict(false_by_source.most_common()), "folds": folds, "seconds": seconds,
           "tables": [str(Path(p).relative_to(ROOT)) for p in (table or DEV_TABLE, *extra)]}
    if collect:
        out["false"] = false_list
        out["missed"] = missed_list
    return out


def format_unseen(r: dict) -> str:
    """Plain-text table of :func:`evaluate_unseen`'s result."""
    lines = [f"dev, {r['k']}-fold hidden lexicon rows, tables {', '.join(r['tables'])}",
             f"  precision {r['precision']:.4f} ({r['tp']}/{r['tp'] + r['fp']})   "
             f"recall {r['recall']:.4f} ({r['tp']}/{r['tp'] + r['fn']})"]
    for kk, (rec, n) in r["recall_by"].items():
        lines.append(f"  recall, {kk}: {rec:.4f} (of {n})")
    lines.append("  false rewrites by class: " + ", ".join(f"{c} {n}" for c, n in r["false_by_class"].items()))
    lines.append("  false rewrites by lexicon source: " + ", ".join(f"{c} {n}" for c, n in r["false_by_source"].items()))
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - manual run
    import argparse

    ap = argparse.ArgumentParser(description="dev unseen-table protocol (issue 4)")
    ap.add_argument("limit", nargs="?", type=int, help="only the first N dev articles")
    ap.add_argument("--k", type=int, default=4, help="folds (4 = default variant, 3 = nearer held-out's unknown share)")
    args = ap.parse_args()
    print(format_unseen(evaluate_unseen(k=args.k, limit=args.limit)))
