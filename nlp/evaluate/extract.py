"""Score extracted (actor, action, quantity, unit) tuples against gold (ANNOTATION.md, "Scores").

Both files are JSON Lines, one sentence a line: ``{"id", "text", "tuples": [...]}``
(gold also carries ``"source"``). Scores, all micro-averaged over tuples:

- **strict** (the headline): a predicted tuple is correct when its four fields equal
  a gold tuple's after Unicode NFKC and trimming spaces. Matching is one-to-one:
  each gold tuple matches at most once (multiset intersection per sentence).
- **numeric**: as strict, but quantity+unit compare by value
  (:func:`nlp.extract.quantity.numeric_key`: ``1.8亿``+``元`` = ``18000万``+``元``).
- **per field** (actor, action, quantity, unit): per sentence, the multiset of the
  field's values in the predicted tuples against the gold tuples' (one-to-one);
  so ``"actor": ""`` predicted for a gold tuple with no actor counts as right.
- **per_source**: the same scores restricted to gold sentences of each source.

P = tp / predicted, R = tp / gold; a score with nothing predicted (or no gold) is 0.

Mismatched inputs are reported in ``result["problems"]``, never skipped silently:
a gold sentence with no prediction is scored as predicting nothing; a prediction
whose id is not in gold cannot be scored and is listed; a text that differs from
gold (after NFKC/trim) is scored but listed.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..io.writers import atomic_open
from ..extract.quantity import numeric_key

__all__ = ["evaluate", "evaluate_records", "format_table", "read_jsonl", "FIELDS"]

FIELDS = ("actor", "action", "quantity", "unit")
METRICS = ("strict", "numeric") + FIELDS


def norm(s: Any) -> str:
    """NFKC + trim, the comparison form of every field."""
    return unicodedata.normalize("NFKC", "" if s is None else str(s)).strip()


def read_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON Lines file; a bad line raises with its file and line number."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{i}: not valid JSON ({exc.msg}); fix or remove the line.") from None
            if not isinstance(rec, dict) or "id" not in rec:
                raise InputError(f"{path}:{i}: a record needs an \"id\" field; add it.")
            tuples = rec.get("tuples", [])
            if not isinstance(tuples, list):
                raise InputError(f"{path}:{i}: \"tuples\" must be a list.")
            out.append(rec)
    return out


def _tuples(rec: dict) -> list[tuple[str, str, str, str]]:
    return [tuple(norm(t.get(f, "")) for f in FIELDS) for t in rec.get("tuples") or []]


def _numeric(t: tuple[str, str, str, str]) -> tuple:
    return (t[0], t[1], numeric_key(t[2], t[3]))


def _overlap(a: Iterable, b: Iterable) -> int:
    return sum((Counter(a) & Counter(b)).values())


class _Counts:
    __slots__ = ("tp", "n_gold", "n_pred")

    def __init__(self) -> None:
        self.tp = {m: 0 for m in METRICS}
        self.n_gold = 0
        self.n_pred = 0

    def add(self, gold: list[tuple], pred: list[tuple]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.tp["strict"] += _overlap(gold, pred)
        self.tp["numeric"] += _overlap([_numeric(t) for t in gold], [_numeric(t) for t in pred])
        for k, f in enumerate(FIELDS):
            self.tp[f] += _overlap([t[k] for t in gold], [t[k] for t in pred])

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for m in METRICS:
            tp = self.tp[m]
            p = tp / self.n_pred if self.n_pred else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[m] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
        return out

    def totals(self) -> dict[str, int]:
        return {"gold": self.n_gold, "pred": self.n_pred, "strict_tp": self.tp["strict"],
                "numeric_tp": self.tp["numeric"]}


def _align_errors(gold: list[tuple], pred: list[tuple]) -> list[tuple[str, tuple | None, tuple | None, list[str]]]:
    """Errors of one sentence: strict matches removed, then the rest paired.

    Leftover predicted and gold tuples are paired best-first (most shared fields,
    the same quantity breaking ties) when they share at least two fields or the
    quantity; such a pair is a "wrong field" error naming the fields that differ.
    Unpaired gold tuples are "missed", unpaired predictions "spurious".
    """
    left_gold = list(gold)
    left_pred = []
    for t in pred:
        if t in left_gold:
            left_gold.remove(t)
        else:
            left_pred.append(t)
    candidates = []
    for j, p in enumerate(left_pred):
        for i, g in enumerate(left_gold):
            same = sum(a == b for a, b in zip(g, p))
            if same >= 2 or g[2] == p[2]:
                candidates.append((-(same + (0.5 if g[2] == p[2] else 0)), j, i))
    candidates.sort()
    used_g: set[int] = set()
    paired: dict[int, int] = {}
    for _, j, i in candidates:
        if j not in paired and i not in used_g:
            paired[j] = i
            used_g.add(i)
    errors = []
    for j, p in enumerate(left_pred):
        if j in paired:
            g = left_gold[paired[j]]
            errors.append(("wrong", g, p, [f for f, a, b in zip(FIELDS, g, p) if a != b]))
        else:
            errors.append(("spurious", None, p, []))
    left_gold = [g for i, g in enumerate(left_gold) if i not in used_g]
    errors.extend(("missed", g, None, []) for g in left_gold)
    return errors


def _source_of(rec: dict) -> str:
    if rec.get("source"):
        return str(rec["source"])
    doc = str(rec.get("doc") or rec.get("id", ""))
    return doc.split("-", 1)[0] if "-" in doc else "unknown"


def evaluate_records(gold: list[dict], pred: list[dict]) -> tuple[dict, list[dict]]:
    """Score in-memory records; returns ``(result, error_rows)`` (see :func:`evaluate`)."""
    problems: dict[str, list] = {"missing_in_pred": [], "extra_in_pred": [], "text_mismatch": [],
                                 "duplicate_gold_ids": [], "duplicate_pred_ids": []}
    pred_by_id: dict[str, dict] = {}
    for rec in pred:
        rid = str(rec["id"])
        if rid in pred_by_id:
            problems["duplicate_pred_ids"].append(rid)
            continue
        pred_by_id[rid] = rec
    seen_gold: set[str] = set()
    total = _Counts()
    by_source: dict[str, _Counts] = defaultdict(_Counts)
    rows: list[dict] = []
    for g in gold:
        gid = str(g["id"])
        if gid in seen_gold:
            problems["duplicate_gold_ids"].append(gid)
            continue
        seen_gold.add(gid)
        p = pred_by_id.get(gid)
        if p is None:
            problems["missing_in_pred"].append(gid)
            p = {"tuples": []}
        elif "text" in p and norm(p["text"]) != norm(g.get("text", "")):
            problems["text_mismatch"].append(gid)
        gt, pt = _tuples(g), _tuples(p)
        src = _source_of(g)
        total.add(gt, pt)
        by_source[src].add(gt, pt)
        for kind, gtup, ptup, fields in _align_errors(gt, pt):
            rows.append({"id": gid, "source": src, "kind": kind, "fields": fields, "gold": gtup,
                         "pred": ptup, "text": g.get("text", "")})
    problems["extra_in_pred"] = [rid for rid in pred_by_id if rid not in seen_gold]
    result: dict[str, Any] = total.scores()
    result["per_source"] = {s: {**c.scores(), "counts": c.totals()} for s, c in sorted(by_source.items())}
    result["counts"] = {**total.totals(), "sentences": len(seen_gold),
                        "errors": dict(Counter(r["kind"] for r in rows))}
    result["problems"] = {k: v for k, v in problems.items() if v}
    return result, rows


def evaluate(gold_path: str | Path, pred_path: str | Path, errors_path: str | Path | None = None) -> dict:
    """Score a prediction file against a gold file.

    Args:
        gold_path (str | Path): gold JSONL (``id``, ``text``, ``source``, ``tuples``).
        pred_path (str | Path): predictions JSONL with the same ids (and texts).
        errors_path (str | Path | None): where to write the error table (missed /
            spurious / wrong field, with the sentence): ``.tsv`` gives tab-separated
            rows, anything else a text report grouped by sentence. None: not written.

    Returns:
        dict: ``{"strict", "numeric", "actor", "action", "quantity", "unit"}`` each
        ``{"p", "r", "f1"}``, plus ``"per_source"`` (the same per gold source, with
        counts), ``"counts"`` and ``"problems"`` (mismatched ids / texts; empty when
        the inputs line up).

    Example:
        >>> res = evaluate("corpora/extract/test.jsonl", "runs/test.pred.jsonl")
        >>> res["strict"]["f1"]
    """
    result, rows = evaluate_records(read_jsonl(gold_path), read_jsonl(pred_path))
    if errors_path:
        write_errors(rows, errors_path, result)
    return result


def _fmt_tuple(t: tuple | None) -> str:
    return "(" + " | ".join(x if x else "∅" for x in t) + ")" if t else ""


def write_errors(rows: list[dict], path: str | Path, result: dict | None = None) -> None:
    """Write the error table atomically (tmp file + rename)."""
    path = Path(path)
    with atomic_open(path) as fh:
        if path.suffix == ".tsv":
            fh.write("id\tsource\tkind\tfields\tgold\tpred\tsentence\n")
            for r in rows:
                fh.write("\t".join([r["id"], r["source"], r["kind"], ",".join(r["fields"]),
                                    _fmt_tuple(r["gold"]), _fmt_tuple(r["pred"]),
                                    r["text"].replace("\t", " ").replace("\n", " ")]) + "\n")
        else:
            if result is not None:
                fh.write(format_table(result) + "\n\n")
            fh.write("Tuples are (actor | action | quantity | unit); ∅ = empty field.\n")
            last = None
            for r in rows:
                if r["id"] != last:
                    fh.write(f"\n## {r['id']} [{r['source']}]\n{r['text']}\n")
                    last = r["id"]
                if r["kind"] == "missed":
                    fh.write(f"  MISSED    {_fmt_tuple(r['gold'])}\n")
                elif r["kind"] == "spurious":
                    fh.write(f"  SPURIOUS  {_fmt_tuple(r['pred'])}\n")
                else:
                    fh.write(f"  WRONG {','.join(r['fields'])}: gold {_fmt_tuple(r['gold'])}  "
                             f"pred {_fmt_tuple(r['pred'])}\n")


def format_table(result: dict) -> str:
    """Render a result of :func:`evaluate` as a plain-text table."""
    lines = [f"{'':10}{'P':>8}{'R':>8}{'F1':>8}"]
    for m in METRICS:
        s = result[m]
        lines.append(f"{m:10}{s['p']:8.4f}{s['r']:8.4f}{s['f1']:8.4f}")
    c = result.get("counts", {})
    if c:
        lines.append(f"sentences {c.get('sentences', 0)}, gold tuples {c.get('gold', 0)}, "
                     f"predicted {c.get('pred', 0)}, errors {c.get('errors', {})}")
    if result.get("per_source"):
        lines.append("")
        lines.append(f"{'source':14}{'gold':>6}{'pred':>6}{'strict F1':>11}{'numeric F1':>12}"
                     + "".join(f"{f + ' F1':>12}" for f in FIELDS))
        for src, s in result["per_source"].items():
            cc = s.get("counts", {})
            lines.append(f"{src:14}{cc.get('gold', 0):6d}{cc.get('pred', 0):6d}{s['strict']['f1']:11.4f}"
                         f"{s['numeric']['f1']:12.4f}" + "".join(f"{s[f]['f1']:12.4f}" for f in FIELDS))
    for key, ids in (result.get("problems") or {}).items():
        shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
        lines.append(f"WARNING {key}: {len(ids)} ({shown})")
    return "\n".join(lines)
