"""Filter the sixth-pass ``table-k4`` lexicon candidates (written from knowledge) on dev only.

Candidates: ``corpora/despin/k4_candidates.txt``, ``original:spun`` tokens written from
knowledge of 伪原创 synonym tables and translation round trips (no test table read).
A candidate is dropped when:

- its spun form is already a lexicon spun form (no new originals for known forms: that
  changed calibrated choices in the third pass), it is a dev 'novel' pair or spun form
  (they must stay unknown to measure unknown-pair recall), or its original is rare in the
  LM corpus (< 20: nothing to restore);
- forced despinning of the clean inews dev[:300] articles (every page treated as spun,
  the other rows as shipped) rewrites its spun form more than once per 200 genuine
  occurrences (the table-k3 rule: a held-out spun page holds such genuine uses too);
- on dev articles spun with tables/dev.tsv plus every candidate pair as a table row it
  restores < 30 % of its tokens (it would cost matching time for nothing).

Usage: ``python corpora/despin/build_k4.py [--write]`` prints the kept rows and, with
``--write``, appends them to lexicon.tsv as source ``table-k4``.
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_ORIGINAL = 20
MIN_RECALL = 0.3


def candidates(name: str = "k4_candidates.txt") -> list[tuple[str, str]]:
    out, seen = [], set()
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    for tok in " ".join(x for x in lines if not x.startswith("#")).split():
        if ":" not in tok:
            continue
        orig, spun = tok.split(":")
        if (orig, spun) not in seen and orig != spun and len(spun) >= 2:
            seen.add((orig, spun))
            out.append((orig, spun))
    return out


def compounds(dropped: list[tuple[str, str]], *, per_pair: int = 12, min_count: int = 30) -> list[tuple[str, str]]:
    """Compounds of candidate pairs the filter dropped (their spun form is a real word).

    A table tool replaces its key inside longer words too (商品质量 -> 商风致量), so a dropped
    real-word pair (学习 -> 进修: genuine 进修 on clean pages) still leaves non-words in
    compounds (学习能力 -> 进修能力). For each dropped pair: jieba dictionary words of 3-5
    characters containing the original, seen >= ``min_count`` times in the LM corpus,
    whose spun version the LM corpus never contains; the ``per_pair`` most frequent.
    """
    import jieba

    from nlp.despin.stage import load_lm

    lm = load_lm()
    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            w = line.split(" ", 1)[0]
            if 3 <= len(w) <= 5:
                words.append(w)
    out = []
    for orig, spun in dropped:
        found = []
        for w in words:
            if orig in w and w != orig:
                c = lm.word_count(w)
                if c >= min_count:
                    s = w.replace(orig, spun, 1)
                    if lm.word_count(s) == 0:
                        found.append((-c, w, s))
        out.extend((w, s) for _c, w, s in sorted(found)[:per_pair])
    return out


def main(write: bool = False, name: str = "k4_candidates.txt") -> None:
    from nlp.despin import corpora
    from nlp.despin.lexicon import Lexicon
    from nlp.despin.spinner import load_table, spin
    from nlp.despin.stage import Despinner, load_lm
    from nlp.evaluate.despin import _run, match_edits

    lex = Lexicon.load()
    lm = load_lm()
    dev_table = load_table(HERE / "tables" / "dev.tsv")
    dev_novel_spun = {s for o, (s, k) in dev_table.items() if k == "novel"}
    rows, why = [], Counter()
    for orig, spun in candidates(name):
        if spun in lex.entries:
            why["spun form known"] += 1
            continue
        if spun in dev_novel_spun:
            why["dev novel"] += 1
            continue
        fs, fo = lm.word_count(spun), lm.word_count(orig)
        if fo < MIN_ORIGINAL:
            why["original rare"] += 1
            continue
        rows.append((spun, orig, "yes" if fs >= 10 else "no", int(fs), int(fo)))
    print(f"{len(candidates(name))} candidates; dropped {dict(why)}; {len(rows)} to test", file=sys.stderr)

    base = (HERE / "lexicon.tsv").read_text(encoding="utf-8")
    tmp = Path(tempfile.mkdtemp()) / "lexicon.tsv"

    def lexicon_with(rs):
        tmp.write_text(base + "".join(f"{s}\t{o}\t{r}\ttable-k4\tlm_count={fs}/{fo}\n" for s, o, r, fs, fo in rs),
                       encoding="utf-8")
        return str(tmp)

    texts = corpora.texts("dev")
    pairs = {(s, o) for s, o, *_ in rows}
    # (1) forced despinning of clean dev: every rewrite of a k4 pair is false
    forced = Despinner(lexicon=lexicon_with(rows), force=True, thesaurus="off")
    false = Counter()
    for t, edits in zip(texts, _run(forced, texts)):
        for e in edits:
            s = t[e.start:e.end]
            if (s, e.replacement) in pairs:
                false[s] += 1
    occ = Counter()
    joined = "\n".join(texts)
    for s, o, *_ in rows:
        occ[s] = joined.count(s)
    # (2) synthetic recall: dev table + candidates (one spun form per original, in rounds)
    stage = Despinner(lexicon=lexicon_with(rows))
    tok, hit = Counter(), Counter()
    remaining = list(rows)
    while remaining:
        table = dict(dev_table)
        this, later = [], []
        for r in remaining:
            (later if r[1] in table else this).append(r)
            if r[1] not in table:
                table[r[1]] = (r[0], "k4")
        remaining = later if this else []
        spun_texts, golds = zip(*(spin(t, table) for t in texts))
        for s, g, edits in zip(spun_texts, golds, _run(stage, list(spun_texts))):
            gold = [(k.start, k.end, k.spun, k.original) for k in g if k.kind == "k4"]
            r = match_edits(gold, edits, s)
            missed = Counter((m[2], m[3]) for m in r["missed"])
            for k in g:
                if k.kind == "k4":
                    tok[(k.spun, k.original)] += 1
            for key in {(k.spun, k.original) for k in g if k.kind == "k4"}:
                hit[key] += sum(1 for k in g if k.kind == "k4" and (k.spun, k.original) == key) - missed[key]
    kept = []
    for s, o, real, fs, fo in rows:
        f, n = false[s], occ[s]
        t, h = tok[(s, o)], hit[(s, o)]
        rec = h / t if t else None
        ok = f * 200 <= n and (rec is None or rec >= MIN_RECALL)
        note = (f"lm_count={fs}/{fo} dev_clean forced: {n} genuine, {f} rewritten; "
                f"{t} originals, recall {'n/a' if rec is None else f'{rec:.2f}'}")
        print(("KEEP" if ok else "drop") + f"\t{s}\t{o}\t{real}\t{note}")
        if ok:
            kept.append(f"{s}\t{o}\t{real}\ttable-k4\t{note}\n")
    print(f"kept {len(kept)} of {len(rows)}", file=sys.stderr)
    if write:
        with open(HERE / "lexicon.tsv", "a", encoding="utf-8") as fh:
            fh.writelines(kept)


if __name__ == "__main__":
    if "--compounds" in sys.argv:
        # k4_compounds.txt from the pairs the first run dropped (its output, "drop" lines)
        dropped = [tuple(line.split("\t")[1:3])[::-1] for line in open(sys.argv[-1], encoding="utf-8")
                   if line.startswith("drop")]
        rows = compounds(dropped)
        (HERE / "k4_compounds.txt").write_text(
            "# table-k4 compounds (sixth pass): original:spun, generated by build_k4.py --compounds from the\n"
            "# candidate pairs its first run dropped; filtered like k4_candidates.txt.\n"
            + "\n".join(f"{o}:{s}" for o, s in rows) + "\n", encoding="utf-8")
        print(len(rows), "compounds", file=sys.stderr)
    else:
        main("--write" in sys.argv, sys.argv[-1] if sys.argv[-1].endswith(".txt") else "k4_candidates.txt")
