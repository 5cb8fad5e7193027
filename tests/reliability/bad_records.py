"""The bad-record corpus of issue 7, shared by tests/reliability and eval/reliability/run.py.

Every kind a scraper hands a data team sooner or later: empty and blank pages, a
20 MB page, binary bytes, broken or mixed encodings, NUL bytes, lone surrogates in
JSON, one enormous line, deeply nested HTML, and JSONL lines that are not JSON or
lack the text field. Each kind maps to the outcome the runner must produce: ``"ok"``
(processed, maybe with replaced bytes) or an error code (``"E101"`` unreadable
record, ``"E103"`` over a configured limit). Records in == records out either way.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

#: 20 MiB: over the default limits.max_chars (20,000,000), so refused with E103.
TWENTY_MB = 20 * 1024 * 1024


@dataclass(frozen=True)
class BadKind:
    name: str
    expect: str  # "ok" or an error code such as "E101"
    id: str      # the id the output record carries


def page_kinds(body: str, *, full: bool = True) -> dict[str, tuple[bytes, str]]:
    """File pages: name -> (bytes, expected outcome). ``body`` is real page text.

    ``full=False`` shrinks the nested-HTML and entity pages tenfold (each of their
    tags becomes an edit; tens of thousands cost tens of seconds on a loaded
    machine); eval/reliability/run.py uses the full sizes.
    """
    depth, reps = (20_000, 50_000) if full else (2_000, 5_000)
    raw = body.encode("utf-8")
    rng = random.Random(1)
    kinds: dict[str, tuple[bytes, str]] = {
        "empty": (b"", "ok"),
        "whitespace_only": (" \n\t\r\n   \u3000\n".encode(), "ok"),
        "png_bytes": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(20_000)), "ok"),
        "invalid_utf8": (raw[:3001] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xff\xfe" + raw[3001:], "ok"),
        "gbk_inside_utf8": (body[:500].encode() + body[500:900].encode("gbk", "ignore") + body[900:].encode(), "ok"),
        "nul_bytes": (raw[:999].replace(b"\xe3", b"\x00\xe3", 5) + b"\x00" * 100 + raw[999:], "ok"),
        # one 1,000,000-character line: no newline for line-based rules to split on
        "long_line": (("报告显示，平台治理取得成效" * 77_000).encode(), "ok"),
        "deep_html": (("<div><p>" * depth + "平台治理取得成效。" + "</p></div>" * depth).encode(), "ok"),
        "html_entities_flood": (("&nbsp;&#x4e2d;&amp;" * reps).encode(), "ok"),
        "big5_page": (body.encode("big5", "ignore"), "ok"),
        "utf16_page": (body.encode("utf-16"), "ok"),
    }
    kinds["page_20mb"] = ((raw * (TWENTY_MB // len(raw) + 1))[:TWENTY_MB], "E103")
    return kinds


def jsonl_kinds(body: str) -> list[tuple[str, bytes, str, str]]:
    """JSONL lines: (name, line bytes, expected outcome, id of the output record)."""
    def line(obj) -> bytes:
        return json.dumps(obj, ensure_ascii=False).encode() + b"\n"

    return [
        ("jsonl_not_json", b'{"id": "x", "text": "unterminated\n', "E101", "records.jsonl:1"),
        ("jsonl_no_text", line({"id": "y", "body": "no text"}), "E101", "y"),
        ("jsonl_text_not_str", line({"id": "z", "text": ["a", 1]}), "E101", "z"),
        ("jsonl_lone_surrogate", '{"id": "s", "text": "\\ud83d平台治理\\ud800取得明显成效，违规内容数量同比下降百分之三十。'
         '\\ud800\\udfff\\udc00"}\n'.encode(), "ok", "s"),
        ("jsonl_deep_json", b'{"id": "d", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "E101",
         "records.jsonl:5"),
        ("jsonl_array", b"[1, 2, 3]\n", "E101", "records.jsonl:6"),
        ("jsonl_gbk_line", json.dumps({"id": "g", "text": "报告显示"}, ensure_ascii=False).encode("gbk") + b"\n",
         "ok", "g"),
        ("jsonl_nul_in_text", line({"id": "n", "text": "平台\x00治理\x00"}), "ok", "n"),
        ("jsonl_empty_text", line({"id": "e", "text": ""}), "ok", "e"),
        ("jsonl_ok", line({"id": "ok", "text": body}), "ok", "ok"),
    ]


def write_corpus(root: Path, body: str, *, full: bool = True) -> list[BadKind]:
    """Write ``root/pages/<kind>.txt`` and ``root/records.jsonl``; return the kinds in output order.

    The runner reads ``pages/`` (sorted by file name) first, then ``records.jsonl``.
    """
    pages = root / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    kinds = []
    for name, (data, expect) in sorted(page_kinds(body, full=full).items()):
        (pages / f"{name}.txt").write_bytes(data)
        kinds.append(BadKind(name, expect, f"{name}.txt"))
    with open(root / "records.jsonl", "wb") as fh:
        for name, data, expect, rid in jsonl_kinds(body):
            fh.write(data)
            kinds.append(BadKind(name, expect, rid))
    return kinds


def outcome(rec: dict) -> str:
    """``"ok"`` or the error code of an output record."""
    err = rec.get("error")
    return err[1:5] if err else "ok"
