"""`zhie clean --explain`: terminal and HTML renderings of the audit trail (nlp/report.py)."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from nlp.document import Document, Reason
from nlp.report import explain_html, explain_text, reason_counts

_DEL = re.compile(r"\[-(.*?)-(?:→[^\]]*)?\]\{[a-z_]+\}", re.S)
_FLAG = re.compile(r"\[\*(.+?)\*\]\{censored\}", re.S)


def _unmark(rendered: str) -> str:
    """The plain rendering without its summary and markers."""
    body = "".join(ln for ln in rendered.splitlines(keepends=True) if not ln.startswith("# "))
    return _FLAG.sub(r"\1", _DEL.sub(r"\1", body))


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_report_explain_text_plain_marks_removals_and_keeps_raw(cleaned_seeds, seed):
    """Removing the markers gives the raw page back: nothing hidden, nothing invented."""
    doc = cleaned_seeds[seed]
    out = explain_text(doc, color=False)
    assert "\x1b[" not in out
    assert _unmark(out).rstrip("\n") == doc.raw.rstrip("\n")


def test_report_explain_text_reason_tags_on_seed_000(cleaned_seeds):
    out = explain_text(cleaned_seeds["000"], color=False)
    assert "12月23日[-抖音客服电话-]{seo}抖音电商发布" in out
    assert "[-相关推荐-]{related}" in out
    assert "[-DouJia 2023-02-20 04:30 240 浏览-]{meta}" in out
    assert "售后[***]{censored}" not in out and "售后[****]{censored}和" in out
    # the summary counts every reason of the document
    for reason, (n, _) in reason_counts(cleaned_seeds["000"]).items():
        assert re.search(rf"^#\s+{reason}\s+{n} edits", out, re.M)


def test_report_explain_text_color_uses_ansi(cleaned_seeds):
    out = explain_text(cleaned_seeds["004"], color=True)
    assert "\x1b[9;31m99国内视频_" in out and "{spam}" in out


def test_report_explain_html_legend_and_spans(cleaned_seeds):
    doc = cleaned_seeds["003"]
    page = explain_html(doc)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<link" not in page
    assert "&lt;p&gt;" in page  # raw markup is shown escaped, never interpreted
    counts = Counter(e.reason.value for e in doc.edits)
    for reason, n in counts.items():
        assert re.search(rf"</span> {reason}</td><td>{n}</td>", page)
    assert 'title="links · clean.markup · link line"' in page


def test_report_explain_html_seo_spans_match_edits(cleaned_seeds):
    doc = cleaned_seeds["000"]
    page = explain_html(doc)
    seo = [e for e in doc.edits if e.reason is Reason.SEO]
    assert page.count('<del class="r-seo"') == len(seo)
    assert page.count('<mark class="r-censored"') == sum(e.reason is Reason.CENSORED for e in doc.edits)


def test_report_error_document():
    doc = Document(id="x", status="error", error="[E101] cannot decode")
    assert "[E101]" in explain_text(doc, color=False)
    assert "[E101]" in explain_html(doc)
