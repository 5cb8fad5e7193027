"""Corpus report: what a ``zhie clean`` / ``zhie extract`` run did, for a data team.

Reads the JSONL the batch runner writes (one :meth:`nlp.document.Document.to_record`
per input record, error records included) in one streaming pass and summarises it:
records and errors (by code, kind and stage), characters removed by reason,
pages despun, tuples by unit and action, and a few examples of each. The same
summary dict renders as a plain-text table (:func:`format_text`, used by
``zhie report``) or a self-contained HTML page (:func:`to_html`, ``--html``).

Example:
    >>> from nlp.corpus_report import summarize, format_text
    >>> print(format_text(summarize("out.jsonl")))  # doctest: +SKIP
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from .errors import ConfigError, DecodeError, InputError, LimitError, ModelError, StageError, ZhieError

#: error code -> short kind name, from the classes in nlp/errors.py
ERROR_KINDS: dict[str, str] = {
    ZhieError.code: "other",
    ConfigError.code: "config",
    InputError.code: "input",
    DecodeError.code: "decode",
    LimitError.code: "limit",
    StageError.code: "stage",
    ModelError.code: "model",
}
#: examples kept per bucket (reason, error code, ...); enough to see the pattern, small enough to read
EXAMPLES_PER_BUCKET = 3
#: characters of an example snippet kept before eliding
SNIPPET_CHARS = 80
#: rows shown in the "top" tables (units, actions)
TOP_N = 15

_CODE_RE = re.compile(r"^\[(E\d{3})\]")
_STAGE_RE = re.compile(r"in stage '([^']+)'")


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_code(message: str) -> str:
    """The ``Ennn`` code at the start of an error message (``"E000"`` when absent)."""
    m = _CODE_RE.match(message or "")
    return m.group(1) if m else "E000"


def summarize(path: str | Path) -> dict[str, Any]:
    """Summarise a zhie output JSONL file in one streaming pass.

    Args:
        path (str | Path): the ``-o OUT.jsonl`` of ``zhie clean`` / ``zhie extract``
            (or ``--engine ray``). Lines that are not JSON objects are counted
            under ``unreadable_lines``, never fatal.

    Returns:
        dict: JSON-serialisable summary with keys ``path``, ``records``, ``ok``,
        ``errors`` (``total``, ``by_code``, ``by_kind``, ``by_stage``, ``examples``),
        ``chars`` (``in``, ``out``, ``removed_by_reason``, ``removed_share``),
        ``edits_by_reason``, ``flags_by_reason``, ``records_with_removal_by_reason``,
        ``despin`` (``pages``, ``edits``, ``top_pairs`` [{from, to, count}]), ``encodings``, ``tuples``
        (``extracted`` whether any record ran extract, ``total``, ``records_with_tuples``,
        ``by_unit``, ``by_action``, ``examples``), ``removal_examples`` (reason ->
        snippets) and ``unreadable_lines``.

    Raises:
        ConfigError: ``[E001]`` when the file does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"report input not found: {path}; give the -o OUT.jsonl of a zhie run.")
    records = ok = unreadable = 0
    err_code: Counter = Counter()
    err_stage: Counter = Counter()
    err_examples: dict[str, list[dict]] = {}
    chars_in = chars_out = 0
    removed: Counter = Counter()
    edits_n: Counter = Counter()
    flags_n: Counter = Counter()
    recs_removed: Counter = Counter()
    removal_examples: dict[str, list[str]] = {}
    despun_pages = spin_edits = 0
    spin_pairs: Counter = Counter()
    encodings: Counter = Counter()
    extracted = False
    tuples_total = recs_with_tuples = 0
    by_unit: Counter = Counter()
    by_action: Counter = Counter()
    tuple_examples: list[dict] = []

    with open(path, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                unreadable += 1
                continue
            if not isinstance(rec, dict):
                unreadable += 1
                continue
            records += 1
            stats = rec.get("stats") or {}
            if rec.get("encoding"):
                encodings[rec["encoding"]] += 1
            err = rec.get("error")
            if err:
                code = error_code(str(err))
                err_code[code] += 1
                stages = [k[7:] for k in stats if k.startswith("errors.")]
                m = _STAGE_RE.search(str(err))
                stage = stages[0] if stages else (m.group(1) if m else "read")
                err_stage[stage] += 1
                ex = err_examples.setdefault(code, [])
                if len(ex) < EXAMPLES_PER_BUCKET:
                    ex.append({"id": rec.get("id"), "source": rec.get("source"), "error": _snippet(err, 200)})
                continue
            ok += 1
            chars_in += int(stats.get("chars_in", 0) or 0)
            chars_out += int(stats.get("chars_out", len(rec.get("text") or "")) or 0)
            for k, v in stats.items():
                if k.startswith("removed."):
                    removed[k[8:]] += v
                    recs_removed[k[8:]] += 1
            spins = 0
            for e in rec.get("edits") or ():
                reason = e.get("reason", "other")
                if e.get("replacement") == e.get("text") and e.get("text"):
                    flags_n[reason] += 1
                    continue
                edits_n[reason] += 1
                if reason == "spin":
                    spins += 1
                    spin_pairs[(e.get("text", ""), e.get("replacement", ""))] += 1
                elif e.get("text") and not e.get("replacement"):
                    ex = removal_examples.setdefault(reason, [])
                    snip = _snippet(e["text"])
                    if len(ex) < EXAMPLES_PER_BUCKET and snip and snip not in ex:
                        ex.append(snip)
            if spins:
                despun_pages += 1
                spin_edits += spins
            if "tuples" in rec:
                extracted = True
                tups = rec.get("tuples") or []
                tuples_total += len(tups)
                recs_with_tuples += bool(tups)
                for t in tups:
                    by_unit[t.get("unit") or "(none)"] += 1
                    by_action[t.get("action") or "(none)"] += 1
                    if len(tuple_examples) < EXAMPLES_PER_BUCKET * 2:
                        tuple_examples.append({"id": rec.get("id"), "actor": t.get("actor", ""),
                                               "action": t.get("action", ""), "quantity": t.get("quantity", ""),
                                               "unit": t.get("unit", ""),
                                               "sentence": _snippet(t.get("sentence", ""), 50)})

    by_kind: Counter = Counter()
    for code, n in err_code.items():
        by_kind[ERROR_KINDS.get(code, "other")] += n
    total_removed = sum(removed.values())
    return {
        "path": str(path),
        "records": records,
        "ok": ok,
        "errors": {
            "total": sum(err_code.values()),
            "by_code": dict(err_code.most_common()),
            "by_kind": dict(by_kind.most_common()),
            "by_stage": dict(err_stage.most_common()),
            "examples": err_examples,
        },
        "chars": {
            "in": chars_in,
            "out": chars_out,
            "removed": total_removed,
            "removed_share": round(total_removed / chars_in, 4) if chars_in else 0.0,
            "removed_by_reason": dict(removed.most_common()),
        },
        "records_with_removal_by_reason": dict(recs_removed.most_common()),
        "edits_by_reason": dict(edits_n.most_common()),
        "flags_by_reason": dict(flags_n.most_common()),
        "removal_examples": removal_examples,
        "despin": {"pages": despun_pages, "edits": spin_edits,
                   "top_pairs": [{"from": a, "to": b, "count": n} for (a, b), n in spin_pairs.most_common(TOP_N)]},
        "encodings": dict(encodings.most_common()),
        "tuples": {
            "extracted": extracted,
            "total": tuples_total,
            "records_with_tuples": recs_with_tuples,
            "by_unit": dict(by_unit.most_common(TOP_N)),
            "by_action": dict(by_action.most_common(TOP_N)),
            "distinct_units": len(by_unit),
            "distinct_actions": len(by_action),
            "examples": tuple_examples,
        },
        "unreadable_lines": unreadable,
    }


# --- plain text ------------------------------------------------------------
def _width(s: str) -> int:
    """Terminal columns of ``s`` (CJK wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(s))
    return gap + s if right else s + gap


def _table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f"{title}: none\n"
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    numeric = [all(isinstance(r[i], (int, float)) for r in rows) for i in range(len(header))]
    lines = [title]
    for j, r in enumerate(cells):
        lines.append("  " + "  ".join(_pad(c, widths[i], numeric[i]) for i, c in enumerate(r)).rstrip())
        if j == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _pct(n: int | float, d: int | float) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def format_text(summary: dict[str, Any]) -> str:
    """Render :func:`summarize` output as plain-text tables (CJK-aware alignment).

    Args:
        summary (dict): the dict returned by :func:`summarize`.

    Returns:
        str: the report, ending with a newline.
    """
    s = summary
    errs = s["errors"]
    ch = s["chars"]
    out = [f"zhie corpus report: {s['path']}\n",
           f"records: {s['records']:,}   ok: {s['ok']:,} ({_pct(s['ok'], s['records'])})   "
           f"errors: {errs['total']:,} ({_pct(errs['total'], s['records'])})"
           + (f"   unreadable lines: {s['unreadable_lines']:,}" if s["unreadable_lines"] else "") + "\n"]
    if errs["total"]:
        out.append(_table("errors by code", ["code", "kind", "records"],
                          [[c, ERROR_KINDS.get(c, "other"), n] for c, n in errs["by_code"].items()]))
        out.append(_table("errors by stage", ["stage", "records"], [[k, n] for k, n in errs["by_stage"].items()]))
        ex_rows = [[e["id"], e["error"]] for exs in errs["examples"].values() for e in exs]
        out.append(_table("error examples", ["id", "error"], ex_rows))
    out.append(f"characters: in {ch['in']:,}, out {ch['out']:,}, removed {ch['removed']:,} "
               f"({_pct(ch['removed'], ch['in'])} of input)\n")
    rows = [[r, n, _pct(n, ch["in"]), s["records_with_removal_by_reason"].get(r, 0), s["edits_by_reason"].get(r, 0)]
            for r, n in ch["removed_by_reason"].items()]
    out.append(_table("characters removed by reason", ["reason", "chars", "of input", "records", "edits"], rows))
    if s["flags_by_reason"]:
        out.append(_table("flags (text kept)", ["reason", "flags"], [[r, n] for r, n in s["flags_by_reason"].items()]))
    ex_rows = [[r, snip] for r, snips in s["removal_examples"].items() for snip in snips]
    if ex_rows:
        out.append(_table("removed text examples", ["reason", "text"], ex_rows))
    d = s["despin"]
    out.append(f"pages despun: {d['pages']:,} ({_pct(d['pages'], s['ok'])} of ok records), "
               f"spin reversals: {d['edits']:,}\n")
    if d["top_pairs"]:
        out.append(_table(f"most frequent reversals (top {TOP_N})", ["spun", "restored", "count"],
                          [[e["from"], e["to"], e["count"]] for e in d["top_pairs"]]))
    if s["encodings"]:
        out.append(_table("input encodings", ["encoding", "records"], [[k, n] for k, n in s["encodings"].items()]))
    t = s["tuples"]
    if t["extracted"]:
        out.append(f"tuples: {t['total']:,} in {t['records_with_tuples']:,} records "
                   f"({t['distinct_units']:,} units, {t['distinct_actions']:,} actions)\n")
        out.append(_table(f"tuples by unit (top {TOP_N})", ["unit", "tuples"],
                          [[k, n] for k, n in t["by_unit"].items()]))
        out.append(_table(f"tuples by action (top {TOP_N})", ["action", "tuples"],
                          [[k, n] for k, n in t["by_action"].items()]))
        out.append(_table("tuple examples", ["actor", "action", "quantity", "unit", "sentence"],
                          [[e["actor"], e["action"], e["quantity"], e["unit"], e["sentence"]] for e in t["examples"]]))
    else:
        out.append("tuples: extraction did not run (use `zhie extract`)\n")
    return "\n".join(out)


# --- HTML ------------------------------------------------------------------
_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em auto;
max-width:980px;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.4em 0}
td,th{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f6f6}
.kpi{display:inline-block;margin:0 1.2em .6em 0;padding:.5em .9em;background:#f6f8fa;border-radius:6px}
.kpi b{display:block;font-size:1.3em}.bar{background:#d9534f;height:.7em;display:inline-block}
code{background:#f6f6f6;padding:0 .2em}.muted{color:#777}
"""


def _h(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _html_table(header: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    head = "".join(f"<th>{_h(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(
        f'<td class="n">{c:,}</td>' if isinstance(c, (int, float)) and not isinstance(c, bool)
        else (f"<td>{c[1]}</td>" if isinstance(c, tuple) else f"<td>{_h(c)}</td>") for c in r) + "</tr>"
        for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(summary: dict[str, Any]) -> str:
    """Render :func:`summarize` output as one self-contained HTML page (inline CSS, no scripts, no links).

    Args:
        summary (dict): the dict returned by :func:`summarize`.

    Returns:
        str: a complete ``<!doctype html>`` document; every value is HTML-escaped.
    """
    s = summary
    errs = s["errors"]
    ch = s["chars"]
    d = s["despin"]
    t = s["tuples"]
    kpis = [("records", f"{s['records']:,}"), ("ok", f"{s['ok']:,}"), ("errors", f"{errs['total']:,}"),
            ("chars removed", f"{ch['removed']:,} ({_pct(ch['removed'], ch['in'])})"),
            ("pages despun", f"{d['pages']:,}")]
    if t["extracted"]:
        kpis.append(("tuples", f"{t['total']:,}"))
    parts = [f"<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>zhie corpus report</title>"
             f"<style>{_CSS}</style></head><body>",
             f"<h1>zhie corpus report</h1><p class=\"muted\"><code>{_h(s['path'])}</code></p>",
             "".join(f'<div class="kpi"><span class="muted">{_h(k)}</span><b>{_h(v)}</b></div>' for k, v in kpis)]
    if s["unreadable_lines"]:
        parts.append(f"<p>unreadable lines: {s['unreadable_lines']:,}</p>")
    parts.append("<h2>Errors</h2>")
    parts.append(_html_table(["code", "kind", "records"],
                             [[c, ERROR_KINDS.get(c, "other"), n] for c, n in errs["by_code"].items()]))
    if errs["total"]:
        parts.append(_html_table(["stage", "records"], [[k, n] for k, n in errs["by_stage"].items()]))
        parts.append(_html_table(["id", "error"], [[e["id"], e["error"]] for exs in errs["examples"].values()
                                                   for e in exs]))
    parts.append(f"<h2>Characters removed by reason</h2><p>in {ch['in']:,}, out {ch['out']:,}</p>")
    top = max(ch["removed_by_reason"].values(), default=0)
    rows = []
    for r, n in ch["removed_by_reason"].items():
        bar = f'<span class="bar" style="width:{int(200 * n / top) if top else 0}px"></span>'
        rows.append([r, n, _pct(n, ch["in"]), s["records_with_removal_by_reason"].get(r, 0), (r, bar)])
    parts.append(_html_table(["reason", "chars", "of input", "records", ""], rows))
    if s["flags_by_reason"]:
        parts.append("<h2>Flags (text kept)</h2>")
        parts.append(_html_table(["reason", "flags"], [[r, n] for r, n in s["flags_by_reason"].items()]))
    parts.append("<h2>Removed text examples</h2>")
    parts.append(_html_table(["reason", "text"], [[r, x] for r, xs in s["removal_examples"].items() for x in xs]))
    parts.append(f"<h2>Despinning</h2><p>{d['pages']:,} pages despun ({_pct(d['pages'], s['ok'])} of ok records), "
                 f"{d['edits']:,} reversals</p>")
    parts.append(_html_table(["spun", "restored", "count"], [[e["from"], e["to"], e["count"]] for e in d["top_pairs"]]))
    if s["encodings"]:
        parts.append("<h2>Input encodings</h2>")
        parts.append(_html_table(["encoding", "records"], [[k, n] for k, n in s["encodings"].items()]))
    parts.append("<h2>Tuples</h2>")
    if t["extracted"]:
        parts.append(f"<p>{t['total']:,} tuples in {t['records_with_tuples']:,} records</p>")
        parts.append(_html_table(["unit", "tuples"], [[k, n] for k, n in t["by_unit"].items()]))
        parts.append(_html_table(["action", "tuples"], [[k, n] for k, n in t["by_action"].items()]))
        parts.append(_html_table(["actor", "action", "quantity", "unit", "sentence"],
                                 [[e["actor"], e["action"], e["quantity"], e["unit"], e["sentence"]]
                                  for e in t["examples"]]))
    else:
        parts.append('<p class="muted">extraction did not run (use <code>zhie extract</code>)</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)
