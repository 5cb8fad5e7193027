"""Bad records through the DEFAULT pipeline: records in == records out, every kind ok or coded (issue 7).

The pipeline is whatever ``Config.load()`` lists when the test runs (convert, the
clean stages, despin), through the same runner ``zhie clean`` uses.
"""
from __future__ import annotations

import json
import re

import pytest

from nlp import Config
from nlp.runner import run_batch

from bad_records import outcome, write_corpus

#: per-record budget: a stage that hangs on one of these pages becomes an E103
#: record, which the expectations below reject (only page_20mb may be E103, and
#: for its size, not its time).
BUDGET = 60.0


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, seed_text):
    root = tmp_path_factory.mktemp("bad")
    kinds = write_corpus(root, seed_text["003"], full=False)
    out = root / "out.jsonl"
    cfg = Config.load(overrides={"limits.max_seconds": BUDGET})
    summary = run_batch([root / "pages", root / "records.jsonl"], out, cfg, progress=False, chunk_size=4)
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]  # any splitter works
    return kinds, summary, recs


def test_bad_records_in_equals_out(bad_run):
    """Every bad record yields exactly one output record, in input order."""
    kinds, summary, recs = bad_run
    assert len(recs) == len(kinds) == summary.records_in == summary.records_out
    assert [r["id"] for r in recs] == [k.id for k in kinds]
    assert summary.ok + sum(summary.errors.values()) == len(kinds)


def test_bad_records_each_kind_ok_or_coded(bad_run):
    """Each kind ends as the expected outcome: processed, or an error record with a code and a fix."""
    kinds, _, recs = bad_run
    got = {k.name: outcome(r) for k, r in zip(kinds, recs)}
    assert got == {k.name: k.expect for k in kinds}
    for k, r in zip(kinds, recs):
        if r.get("error"):
            assert re.match(r"^\[E\d{3}\] \S", r["error"]) and r["text"] is None, (k.name, r["error"])
        else:
            assert isinstance(r["text"], str), k.name
            r["text"].encode("utf-8")  # no lone surrogate survives into the output


def test_bad_records_ok_outputs_are_sane(bad_run, seed_text):
    """Repaired pages keep their real text; raw offsets of every edit index the source."""
    kinds, _, recs = bad_run
    by = {k.name: r for k, r in zip(kinds, recs)}
    assert by["empty"]["text"] == "" and by["whitespace_only"]["text"].strip() == ""
    assert by["invalid_utf8"]["stats"].get("decode.replaced_bytes", 0) >= 1
    assert "平台" in by["jsonl_nul_in_text"]["text"] and "治理" in by["jsonl_nul_in_text"]["text"]
    assert "违规内容数量同比下降百分之三十" in by["jsonl_lone_surrogate"]["text"]
    # a real page in Big5, UTF-16 or with GBK bytes inside still reads as Simplified Chinese
    first_sentence = "12月23日，抖音电商发布"  # seed 003, first paragraph
    for name in ("utf16_page", "jsonl_ok", "nul_bytes", "invalid_utf8"):
        assert first_sentence in by[name]["text"], name
    assert "平台治理" in by["big5_page"]["text"]  # Big5 cannot hold every Simplified character
    assert "平台治理" in by["deep_html"]["text"] and "<div>" not in by["deep_html"]["text"]
    for r in recs:
        for e in r.get("edits") or []:
            assert 0 <= e["raw_start"] <= e["raw_end"], (r["id"], e)


def test_bad_records_summary_counts_errors_by_code(bad_run):
    kinds, summary, _ = bad_run
    want: dict[str, int] = {}
    for k in kinds:
        if k.expect != "ok":
            want[k.expect] = want.get(k.expect, 0) + 1
    assert dict(summary.errors) == want and summary.ok == sum(k.expect == "ok" for k in kinds)
