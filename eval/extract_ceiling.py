"""Assembly ceiling of the tuple tagger: its link heads and assembly on GOLD spans (issue 5).

Usage::

    python eval/extract_ceiling.py                    # dev + dev2: tagger spans vs gold spans, refine rules on/off
    python eval/extract_ceiling.py --splits dev2 --model-dir /tmp/other_model

"gold spans" replaces the decoded spans of every sentence by the gold typed spans
(``char_spans(align_tuples(gold))``, the spans the tagger is trained to output) before the link
heads pick actor and action for each quantity, then runs the same :func:`nlp.extract.model.assemble`.
The gap between the two rows is what the tagger's spans cost; the gap between gold spans and
1.0 is what the link heads and the assembly cost. Every sentence goes through the network
(gate off), so the rows compare like with like. Never run on test.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.evaluate.extract import evaluate_records, read_jsonl  # noqa: E402
from nlp.extract import model as M  # noqa: E402
from nlp.extract.labels import align_tuples, char_spans  # noqa: E402

FIELDS = ("actor", "action", "quantity", "unit")


def ceiling(splits=("dev", "dev2"), model_dir: str | None = None) -> dict:
    """``{(spans, rules): result}`` for spans in (tagger, gold) and refine rules on/off."""
    if "test" in splits:
        raise SystemExit("extract_ceiling: never on test")
    recs = [r for s in splits for r in read_jsonl(ROOT / "corpora" / "extract" / f"{s}.jsonl")]
    gold = {r["text"]: char_spans(align_tuples(r["text"], r.get("tuples", []))) for r in recs}
    ext = M.ModelExtractor(**({"model_dir": model_dir} if model_dir else {}), skip_without_quantity=False)
    lex = ext.loaded.lexicon if ext.lexicon else None
    sents = [r["text"] for r in recs]
    decode = M.decode_words
    out = {}
    for spans in ("tagger", "gold"):
        def gold_words(wspans, logits, decoding, greedy=None, sentence=None):
            starts = {w[0] for w in wspans}
            return [s for s in gold[sentence] if s.start in starts]
        M.decode_words = gold_words if spans == "gold" else decode
        try:
            sp, links = ext.predict_spans(sents)
        finally:
            M.decode_words = decode
        for rules in (True, False):
            preds = [{"id": r["id"], "text": s, "tuples": [t.to_dict() for t in M.assemble(s, a, lk, lex, rules=rules)]}
                     for r, s, a, lk in zip(recs, sents, sp, links)]
            out[(spans, rules)] = evaluate_records(recs, preds)[0]
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "dev2"])
    ap.add_argument("--model-dir", default=None)
    args = ap.parse_args(argv)
    res = ceiling(tuple(args.splits), args.model_dir)
    print(f"{'spans':8s} {'rules':5s} {'strict':>7s} " + " ".join(f"{f:>8s}" for f in FIELDS))
    for (spans, rules), r in res.items():
        print(f"{spans:8s} {'on' if rules else 'off':5s} {r['strict']['f1']:7.4f} "
              + " ".join(f"{r[f]['f1']:8.4f}" for f in FIELDS))


if __name__ == "__main__":
    main()
