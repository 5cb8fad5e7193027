"""Why does the despin stage miss spun tokens? One cause per missed gold token (issue 4).

Spins inews dev[:300] with ``tables/dev.tsv`` + ``tables/dev_unseen.tsv`` (dev only; no test table is
read) and despins with the default stage (the whole lexicon), then seed 002 against its hand gold.
Each missed token is put in the first class that applies, read from :meth:`Despinner.analyse`:

- ``not generated``: no lexicon match covers the token and no candidate source proposed it
  (split by whether the pair is a lexicon pair: a lexicon pair here was swallowed by another match);
- ``gate``: the page was not judged spun;
- ``other match``: a lexicon match overlaps the token without matching its span (cross-boundary);
- ``wrong original`` / ``multi-original``: the best original is not the gold one, or the gap to the
  runner-up is below ``ambiguity_gap``;
- ``LM prefers spun`` (final margin < 0) / ``margin`` (0 <= margin < threshold, the context
  log-odds included as the stage adds them);
- ``rival check``: the rule chose the gold original and the rival check undid it;
- ``veto``: an unambiguous form the LM vetoed.

Run: ``nice -n 10 python eval/despin_misses.py [--limit N] [--json out.json]``.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

import numpy as np


def classify_page(stage, text: str, gold: list[tuple[int, int, str, str]], edits) -> list[tuple]:
    from nlp.evaluate.despin import match_edits

    r = match_edits(gold, edits, text)
    missed = r["missed"]
    if not missed:
        return []
    a = stage.analyse(text)
    out = []
    pairs = stage.lexicon.pairs()
    for s, e, sp, o in missed:
        known = (sp, o) in pairs
        if a is None or "matches" not in a:
            spun = bool(a and a["ev"].spun)
            cause = "gate" if a is not None and not spun else "not generated"
            if a is None:
                cause = "not generated" if not known else "gate (no match)"
            out.append((cause, sp, o, known, None))
            continue
        matches = a["matches"]
        hit = [i for i, m in enumerate(matches) if m.start == s and m.end == e]
        over = [i for i, m in enumerate(matches) if m.start < e and s < m.end]
        if not hit:
            cause = "other match" if over else ("not generated, lexicon pair" if known else "not generated")
            out.append((cause, sp, o, known, None))
            continue
        i = hit[0]
        m = matches[i]
        g = a["margins"][i]
        c = a["ctx"][i]
        if stage.context_weight and m.entry.real_word and c == c:
            g = g + stage.context_weight * float(c)
        if o not in m.entry.originals:
            cause = "not generated, lexicon pair" if known else "not generated (form known, other original)"
        elif a["best"][i] != o:
            cause = "wrong original"
        elif a["gaps"][i] < stage.ambiguity_gap:
            cause = "multi-original"
        elif not m.entry.real_word:
            cause = "veto" if g < stage.veto else "rival check / other"
        elif g < 0:
            cause = "LM prefers spun"
        elif g < stage.threshold:
            cause = "margin"
        else:
            cause = "rival check / other"
        out.append((cause, sp, o, known, round(float(g), 2)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    from nlp.despin import corpora
    from nlp.despin.spinner import load_table, spin
    from nlp.despin.stage import Despinner
    from nlp.evaluate.despin import CORPUS, _run, load_seed002_tokens, seed002_body

    stage = Despinner()
    table = load_table(CORPUS / "tables" / "dev.tsv")
    for o, v in load_table(CORPUS / "tables" / "dev_unseen.tsv").items():
        table.setdefault(o, v)
    texts = corpora.texts("dev")[:args.limit]
    rows = []
    spun_texts, golds = [], []
    for t in texts:
        s, toks = spin(t, table)
        spun_texts.append(s)
        golds.append([(k.start, k.end, k.spun, k.original) for k in toks])
    all_edits = _run(stage, spun_texts)
    n_gold = sum(len(g) for g in golds)
    for s, gold, edits in zip(spun_texts, golds, all_edits):
        rows += [("dev",) + r for r in classify_page(stage, s, gold, edits)]
    page, a, b = seed002_body()
    gold = [(s + a, e + a, sp, o) for s, e, sp, o in load_seed002_tokens()]
    (edits,) = _run(stage, [page])
    body = [ed for ed in edits if a <= ed.start and ed.end <= b]
    rows += [("seed002",) + r for r in classify_page(stage, page, gold, body)]
    for where, total in (("dev", n_gold), ("seed002", len(gold))):
        sel = [r for r in rows if r[0] == where]
        print(f"== {where}: {len(sel)} missed of {total} spun tokens")
        by = Counter(r[1] for r in sel)
        ex = defaultdict(Counter)
        for r in sel:
            ex[r[1]][f"{r[2]}<-{r[3]}"] += 1
        for cause, n in by.most_common():
            top = ", ".join(f"{k} x{v}" for k, v in ex[cause].most_common(6))
            print(f"  {cause:<45} {n:>5}  {top}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
