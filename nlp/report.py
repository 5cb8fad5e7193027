"""Explain a cleaned page: the raw page with every removal marked and its reason.

``zhie clean --explain FILE`` prints :func:`explain_text` (colour in a terminal,
plain markers otherwise); ``--html OUT.html`` writes :func:`explain_html`, a
self-contained page a person can open. Both render from ``doc.raw`` and the raw
offsets of ``doc.edits`` only: the audit trail the pipeline recorded while it
applied the edits, never a diff reconstructed afterwards (data-juicer #466/#821).

Rendering rules:

- a removal (replacement ``""`` or only whitespace, e.g. a ``<p>`` turned into a
  line break) is shown struck out, followed by its reason tag;
- a rewrite (an entity decoded, a spun word restored) shows the raw text struck
  out and the new text after it;
- a flag (``**`` censorship: replacement equal to the text) is highlighted, not struck;
- whitespace removed by the layout stage is shown as is (counted in the legend);
- where raw spans overlap (a layout edit removing a newline that stood for a tag
  an earlier stage replaced), the first edit recorded wins, except that a layout
  edit never hides a content reason.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from .document import Document, Edit, Reason

_ANSI = {
    "del": "\x1b[9;31m",   # strikethrough red
    "ins": "\x1b[32m",     # green
    "flag": "\x1b[7;33m",  # reverse yellow
    "tag": "\x1b[2;36m",   # dim cyan
    "reset": "\x1b[0m",
}

#: one colour per reason for the HTML report (closed set: Reason enum).
_COLOURS = {
    Reason.MARKUP: "#9e9e9e", Reason.NAV: "#ef9a9a", Reason.META: "#f48fb1", Reason.RELATED: "#ce93d8",
    Reason.CLOSER: "#b39ddb", Reason.FOOTER: "#9fa8da", Reason.FORUM: "#90caf9", Reason.TITLE: "#80deea",
    Reason.SEO: "#ff8a65", Reason.SPAM: "#e57373", Reason.LINKS: "#a1887f", Reason.CAPTION: "#bcaaa4",
    Reason.BOILERPLATE: "#b0bec5", Reason.CORPUS_REPEAT: "#c5e1a5", Reason.LAYOUT: "#e0e0e0",
    Reason.CENSORED: "#fff176", Reason.SPIN: "#a5d6a7", Reason.OTHER: "#eeeeee",
}


@dataclass(slots=True)
class Segment:
    """A run of raw text and what happened to it (``edit`` None: kept as is)."""

    text: str
    edit: Edit | None = None
    first: bool = True  # first segment of its edit (the replacement is shown once)


def _kind(e: Edit) -> str:
    if e.is_flag:
        return "flag"
    if not e.replacement.strip():
        return "del"
    return "sub"


def segments(doc: Document) -> list[Segment]:
    """Split ``doc.raw`` into kept runs and runs owned by one edit each."""
    raw = doc.raw or ""
    owner: list[int] = [-1] * len(raw)
    edits = [e for e in doc.edits if 0 <= e.raw_start <= e.raw_end <= len(raw)]
    # content reasons first, then layout; inside each group, application order
    order = sorted(range(len(edits)), key=lambda i: (edits[i].reason is Reason.LAYOUT, i))
    inserts: dict[int, list[int]] = {}
    for i in order:
        e = edits[i]
        if e.raw_start == e.raw_end:
            if e.replacement.strip():
                inserts.setdefault(e.raw_start, []).append(i)  # pure insertion: shown as new text
            continue
        for k in range(e.raw_start, e.raw_end):
            if owner[k] < 0:
                owner[k] = i
    out: list[Segment] = []
    seen: set[int] = set()
    start = 0
    for k in range(len(raw) + 1):
        for i in inserts.get(k, ()) if k == start else ():
            out.append(Segment("", edits[i], True))
        if k == len(raw) or (k > start and owner[k] != owner[start]):
            if k > start:
                i = owner[start]
                e = edits[i] if i >= 0 else None
                out.append(Segment(raw[start:k], e, i not in seen))
                if i >= 0:
                    seen.add(i)
            start = k
            for i in inserts.get(k, ()) if k < len(raw) else ():
                out.append(Segment("", edits[i], True))
    return out


def reason_counts(doc: Document) -> dict[str, tuple[int, int]]:
    """``{reason: (edits, characters)}`` over the document's edits, most characters first."""
    n: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for e in doc.edits:
        n[e.reason.value] += 1
        chars[e.reason.value] += len(e.text)
    return {r: (n[r], chars[r]) for r in sorted(n, key=lambda r: (-chars[r], r))}


def _quiet(seg: Segment) -> bool:
    """Whitespace the layout stage normalised: shown as is, counted in the legend only
    (a tag after every removed newline would bury the content reasons)."""
    return seg.edit is not None and seg.edit.reason is Reason.LAYOUT and not seg.text.strip() \
        and not seg.edit.replacement.strip()


def _tag(e: Edit) -> str:
    return f"{{{e.reason.value}}}"


# --- terminal ------------------------------------------------------------------
def explain_text(doc: Document, color: bool = True) -> str:
    """The raw page with removals struck out (or ``[-…-]``) and reason tags.

    Args:
        doc (Document): a processed document (``doc.raw`` and ``doc.edits`` with raw offsets).
        color (bool): ANSI colours for a terminal; False gives plain markers:
            ``[-removed-]{reason}``, ``[-old-→new]{reason}``, ``[*flagged*]{reason}``.
            Defaults to True.

    Returns:
        str: the rendering, a summary line per reason first.
    """
    if doc.status == "error":
        return f"{doc.id}: {doc.error}\n"
    c = _ANSI if color else {k: "" for k in _ANSI}
    head = [f"# {doc.id or doc.source}: {len(doc.raw)} raw chars -> {len(doc.text)} clean chars"]
    for reason, (n, chars) in reason_counts(doc).items():
        head.append(f"#   {reason:<14} {n:>5} edits {chars:>7} chars")
    parts: list[str] = []
    for seg in segments(doc):
        e = seg.edit
        if e is None or _quiet(seg):
            parts.append(seg.text)
            continue
        kind = _kind(e)
        tag = f"{c['tag']}{_tag(e)}{c['reset']}" if seg.first else ""
        body, nl = (seg.text[:-1], "\n") if seg.text.endswith("\n") and kind == "del" else (seg.text, "")
        if kind == "flag":
            mark = f"{c['flag']}{body}{c['reset']}" if color else f"[*{body}*]"
        elif color:
            lines = body.split("\n")  # strike each line: a terminal resets attributes at newlines
            mark = "\n".join(f"{c['del']}{ln}{c['reset']}" if ln else "" for ln in lines)
            if kind == "sub" and seg.first:
                mark += f"{c['ins']}→{e.replacement}{c['reset']}"
        else:
            mark = f"[-{body}-" + (f"→{e.replacement}]" if kind == "sub" and seg.first else "]")
        parts.append(mark + tag + nl)
    return "\n".join(head) + "\n" + "".join(parts) + ("" if (doc.raw or "").endswith("\n") else "\n")


# --- HTML ------------------------------------------------------------------------
_CSS = """
body{font:15px/1.7 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
pre{white-space:pre-wrap;word-break:break-all;font:inherit;border:1px solid #ddd;padding:1em;border-radius:6px}
del{text-decoration:line-through;text-decoration-color:#b71c1c;border-radius:3px;color:#555}
ins{text-decoration:none;background:#c8e6c9;border-radius:3px}
mark{border-radius:3px}
.tag{font-size:70%;color:#555;vertical-align:super;margin-left:2px}
table{border-collapse:collapse;margin:1em 0}td,th{padding:2px 10px;border-bottom:1px solid #eee;text-align:left}
.sw{display:inline-block;width:1em;height:1em;border-radius:3px;vertical-align:middle}
"""


def explain_html(doc: Document) -> str:
    """A self-contained HTML page: the raw page with removed spans highlighted per
    reason (reason, stage and note on hover) and a legend with per-reason counts.

    Args:
        doc (Document): a processed document.

    Returns:
        str: the HTML document (UTF-8 text; no external resources).
    """
    esc = html.escape
    title = esc(doc.id or doc.source or "document")
    rows = []
    for reason, (n, chars) in reason_counts(doc).items():
        col = _COLOURS.get(Reason(reason), "#eee")
        rows.append(f'<tr><td><span class="sw" style="background:{col}"></span> {esc(reason)}</td>'
                    f"<td>{n}</td><td>{chars}</td></tr>")
    body: list[str] = []
    if doc.status == "error":
        body.append(f"<p><strong>error:</strong> {esc(doc.error or '')}</p>")
    for seg in segments(doc):
        e = seg.edit
        if e is None or _quiet(seg):
            body.append(esc(seg.text))
            continue
        col = _COLOURS.get(e.reason, "#eee")
        hover = esc(f"{e.reason.value} · {e.stage}" + (f" · {e.note}" if e.note else ""), quote=True)
        kind = _kind(e)
        cls = f"r-{e.reason.value}"
        if kind == "flag":
            body.append(f'<mark class="{cls}" style="background:{col}" title="{hover}">{esc(seg.text)}</mark>')
        else:
            body.append(f'<del class="{cls}" style="background:{col}" title="{hover}">{esc(seg.text)}</del>')
            if kind == "sub" and seg.first:
                body.append(f'<ins class="{cls}" title="{hover}">{esc(e.replacement)}</ins>')
        if seg.first:
            body.append(f'<span class="tag">{esc(e.reason.value)}</span>')
    summary = (f"{len(doc.raw or '')} raw characters → {len(doc.text or '')} clean characters, "
               f"{len(doc.edits)} edits")
    return (
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
        f"<title>zhie explain: {title}</title><style>{_CSS}</style></head><body>"
        f"<h1>{title}</h1><p>{esc(summary)}. Hover a marked span for its reason, stage and rule.</p>"
        "<table><tr><th>reason</th><th>edits</th><th>characters</th></tr>" + "".join(rows) + "</table>"
        "<pre>" + "".join(body) + "</pre></body></html>\n"
    )
