"""Score the despin stage: ``zhie eval despin`` calls :func:`evaluate` then :func:`format_table`.

Three measurements (issue 4 targets in brackets):

- ``seed002``: seeds/002 despun (whole page, so detection is exercised) and compared,
  on its article body, with the hand-despun tokens of corpora/despin/seed002.tokens.tsv
  [>= 95 % of spun tokens restored, <= 2 wrong rewrites];
- ``spun``: clean inews articles never seen by the LM, spun with a table
  (corpora/despin/tables/test.tsv by default; ``dev.tsv`` for tuning), scored as
  precision / recall of rewrites, recall also per table row kind (lexicon / novel /
  chain) [precision >= 0.97, recall >= 0.85];
- ``clean``: the same articles unspun; every rewrite is false [<= 1 per 100,000 chars];
  ``clean_pd``: the held-out half of People's Daily (2.7 MB), certainly never spun.

A rewrite is correct when, reduced to the characters that actually change (common
prefix and suffix trimmed: 处理处罚 -> 处理 is "delete 处罚"), it equals a gold
token's reduced form at the same offsets.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable

from ..document import Document, Edit

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "despin"
SEED002_START = "5月13日"
SEED002_END = "抖音电商通过优化电子面单取号规范等办法增强用户信息安全掩护"


def reduce(start: int, end: int, old: str, new: str) -> tuple[int, int, str]:
    """Trim the common prefix/suffix of ``old`` -> ``new`` at ``[start, end)``."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[len(old) - 1 - q] == new[len(new) - 1 - q]:
        q += 1
    return start + p, end - q, new[p:len(new) - q]


def match_edits(gold: list[tuple[int, int, str, str]], edits: Iterable[Edit], text: str) -> dict:
    """Compare gold ``(start, end, spun, original)`` tokens with a stage's edits on ``text``.

    Returns:
        dict: ``tp``, ``fp``, ``fn`` and the lists ``false`` (wrong rewrites) and
        ``missed`` (gold tokens not restored).
    """
    gold_keys = {reduce(s, e, sp, o): (s, e, sp, o) for s, e, sp, o in gold}
    seen = set()
    false = []
    for ed in edits:
        if ed.replacement == text[ed.start:ed.end]:
            continue
        key = reduce(ed.start, ed.end, text[ed.start:ed.end], ed.replacement)
        if key in gold_keys:
            seen.add(key)
        else:
            false.append((ed.start, text[ed.start:ed.end], ed.replacement, text[max(0, ed.start - 6):ed.end + 6]))
    missed = [v for k, v in gold_keys.items() if k not in seen]
    return {"tp": len(seen), "fp": len(false), "fn": len(missed), "false": false, "missed": missed}


def _run(stage, texts: list[str], batch_size: int = 32) -> list[list[Edit]]:
    out: list[list[Edit]] = []
    for i in range(0, len(texts), batch_size):
        docs = [Document(id=str(i + j), text=t) for j, t in enumerate(texts[i:i + batch_size])]
        out.extend(stage.process_batch(docs))
    return out


def seed002_body(seeds_dir: Path | None = None) -> tuple[str, int, int]:
    """The seed 002 page and the offsets of its article body."""
    (path,) = (seeds_dir or ROOT / "seeds").glob("002_*.txt")
    page = path.read_text(encoding="utf-8")
    a = page.index(SEED002_START)
    b = page.index("\n", page.index(SEED002_END))
    return page, a, b


def load_seed002_tokens(path: Path | None = None) -> list[tuple[int, int, str, str]]:
    rows = []
    for line in (path or CORPUS / "seed002.tokens.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("start\t"):
            continue
        s, e, sp, o = line.split("\t")[:4]
        rows.append((int(s), int(e), sp, o))
    return rows


def eval_seed002(stage) -> dict:
    """Despin the whole seed 002 page; score the edits inside the body against the gold."""
    page, a, b = seed002_body()
    gold = [(s + a, e + a, sp, o) for s, e, sp, o in load_seed002_tokens()]
    (edits,) = _run(stage, [page])
    body_edits = [e for e in edits if a <= e.start and e.end <= b]
    r = match_edits(gold, body_edits, page)
    r.update(tokens=len(gold), restored=r["tp"] / max(len(gold), 1), wrong=r["fp"],
             outside_body=len(edits) - len(body_edits))
    return r


def eval_spun(stage, texts: list[str], table: dict) -> dict:
    """Spin ``texts`` with ``table``, despin, and score precision/recall (also per row kind)."""
    from ..despin.spinner import spin

    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = {}
    by_lexicon: dict[str, list[int]] = {}  # the table's kind column aside: is the pair a lexicon pair?
    false, missed = [], []
    spun_texts, golds = [], []
    for t in texts:
        s, toks = spin(t, table)
        spun_texts.append(s)
        golds.append(toks)
    lexicon_pairs = stage.lexicon.pairs()
    t0 = time.perf_counter()
    all_edits = _run(stage, spun_texts)
    seconds = time.perf_counter() - t0
    for s, toks, edits in zip(spun_texts, golds, all_edits):
        gold = [(k.start, k.end, k.spun, k.original) for k in toks]
        r = match_edits(gold, edits, s)
        tp += r["tp"]
        fp += r["fp"]
        fn += r["fn"]
        false.extend(r["false"])
        missed_keys = {(m[0], m[1]) for m in r["missed"]}
        missed.extend(r["missed"])
        for k in toks:
            kind = k.kind or "?"
            if kind == "novel":
                # knowledge-written lexicon rows (table-k2) may coincide with held-out
                # pairs: report those apart from the truly unknown ones
                kind = "novel, in lexicon" if (k.spun, k.original) in lexicon_pairs else "novel, unknown"
            row = by_kind.setdefault(kind, [0, 0])
            split = by_lexicon.setdefault("pair in lexicon" if (k.spun, k.original) in lexicon_pairs
                                          else "pair not in lexicon", [0, 0])
            row[1] += 1
            split[1] += 1
            if (k.start, k.end) not in missed_keys:
                row[0] += 1
                split[0] += 1
    chars = sum(len(s) for s in spun_texts)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1),
            "recall_by_kind": {k: (v[0] / max(v[1], 1), v[1]) for k, v in sorted(by_kind.items())},
            "recall_by_lexicon": {k: (v[0] / max(v[1], 1), v[1]) for k, v in sorted(by_lexicon.items())},
            "docs": len(texts), "chars": chars, "seconds": seconds, "false": false, "missed": missed,
            "spun_docs": sum(1 for g in golds if g)}


def eval_clean(stage, texts: list[str]) -> dict:
    """Every rewrite on never-spun text is false; report them per 100,000 characters."""
    t0 = time.perf_counter()
    all_edits = _run(stage, texts)
    seconds = time.perf_counter() - t0
    false = [(i, e.start, e.note) for i, edits in enumerate(all_edits) for e in edits
             if e.replacement != texts[i][e.start:e.end]]
    chars = sum(len(t) for t in texts)
    return {"false_rewrites": len(false), "chars": chars, "bytes": sum(len(t.encode()) for t in texts),
            "per_100k": 1e5 * len(false) / max(chars, 1), "docs": len(texts),
            "docs_flagged_spun": sum(1 for edits in all_edits if edits), "seconds": seconds, "false": false}


def evaluate(*, split: str = "test", table: str | None = None, stage_options: dict | None = None,
             parts: tuple[str, ...] = ("seed002", "spun", "clean", "clean_pd"), limit: int | None = None) -> dict:
    """Run the despin evaluation.

    Args:
        split (str): ``test`` (inews test, held out) or ``dev`` (inews dev[:300], for tuning).
        table (str | None): spinning table TSV; defaults to ``corpora/despin/tables/<split>.tsv``.
        stage_options (dict | None): options for :class:`nlp.despin.stage.Despinner`.
        parts (tuple): which measurements to run: ``seed002``, ``spun``, ``clean`` (the
            split's articles unspun), ``clean_pd`` (held-out People's Daily).
        limit (int | None): use only the first ``limit`` articles (quick checks).

    Returns:
        dict: one entry per part (see the module docstring).
    """
    from ..despin import corpora
    from ..despin.spinner import load_table
    from ..despin.stage import Despinner

    stage = Despinner(**(stage_options or {}))
    result: dict = {"split": split}
    if "seed002" in parts:
        result["seed002"] = eval_seed002(stage)
    if "spun" in parts or "clean" in parts:
        texts = corpora.texts(split)[:limit]
        if "spun" in parts:
            tpath = Path(table) if table else CORPUS / "tables" / f"{split}.tsv"
            result["spun"] = eval_spun(stage, texts, load_table(tpath))
            result["spun"]["table"] = str(tpath.relative_to(ROOT) if tpath.is_relative_to(ROOT) else tpath)
        if "clean" in parts:
            result["clean"] = eval_clean(stage, texts)
    if "clean_pd" in parts:
        result["clean_pd"] = eval_clean(stage, corpora.texts("pd_test")[:limit])
    return result


def format_table(result: dict) -> str:
    """Render :func:`evaluate`'s result as a plain-text table with the issue 4 targets."""
    rows = [("measure", "value", "target")]
    if "seed002" in result:
        r = result["seed002"]
        rows.append(("seed002 spun tokens restored", f"{r['restored']:.1%} ({r['tp']}/{r['tokens']})", ">= 95%"))
        rows.append(("seed002 wrong rewrites (body)", str(r["wrong"]), "<= 2"))
        rows.append(("seed002 rewrites outside body", str(r["outside_body"]), "-"))
    if "spun" in result:
        r = result["spun"]
        rows.append((f"{result['split']} spun: rewrite precision", f"{r['precision']:.4f} ({r['tp']}/{r['tp'] + r['fp']})",
                     ">= 0.97"))
        rows.append((f"{result['split']} spun: rewrite recall", f"{r['recall']:.4f} ({r['tp']}/{r['tp'] + r['fn']})",
                     ">= 0.85"))
        for kind, (rec, n) in r["recall_by_kind"].items():
            rows.append((f"  recall, table rows '{kind}'", f"{rec:.4f} (of {n})", "-"))
        for split, (rec, n) in r.get("recall_by_lexicon", {}).items():
            rows.append((f"  recall, {split} (counted)", f"{rec:.4f} (of {n})", "-"))
    if "clean" in result:
        r = result["clean"]
        rows.append((f"{result['split']} clean: false rewrites /100k chars",
                     f"{r['per_100k']:.3f} ({r['false_rewrites']} in {r['chars']:,} chars, {r['bytes'] / 1e6:.2f} MB)",
                     "<= 1"))
    if "clean_pd" in result:
        r = result["clean_pd"]
        rows.append(("People's Daily (held out): false rewrites /100k",
                     f"{r['per_100k']:.3f} ({r['false_rewrites']} in {r['chars']:,} chars, {r['bytes'] / 1e6:.2f} MB)",
                     "<= 1"))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    return "\n".join(f"{a:<{w0}}  {b:<{w1}}  {c}" for a, b, c in rows)
