"""Corpus report over a real batch-run output (seeds + unreadable lines)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp.config import Config
from nlp.corpus_report import format_text, summarize, to_html
from nlp.errors import ConfigError
from nlp.runner import run_batch

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def run_output(tmp_path_factory) -> tuple[Path, dict]:
    """`zhie clean` output (default pipeline) of the five seeds plus three unreadable JSONL lines."""
    d = tmp_path_factory.mktemp("report")
    bad = d / "bad.jsonl"
    bad.write_text('{"id": "torn"\n'
                   '[1, 2]\n'
                   '{"id": "<script>alert(1)</script>", "body": "正文"}\n', encoding="utf-8")  # hostile id, no text
    pages = [p for p in sorted(SEEDS.glob("0*_*.txt"))]
    out = d / "out.jsonl"
    summary = run_batch([*map(str, pages), str(bad)], out, Config.load(), progress=False)
    return out, summary.to_dict()


def test_corpus_report_counts_match_runner_summary(run_output):
    out, runner = run_output
    s = summarize(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert s["records"] == len(lines) == runner["records_out"] == 8
    assert s["ok"] == runner["ok"] == 5
    assert s["errors"]["by_code"] == runner["errors"] == {"E101": 3}
    assert s["errors"]["by_kind"] == {"input": 3}
    # characters removed by reason are the runner's own counters, summed over ok records
    assert s["chars"]["removed_by_reason"] == runner["removed_chars"]
    assert s["chars"]["removed"] == sum(runner["removed_chars"].values())
    assert 0 < s["chars"]["out"] < s["chars"]["in"]


def test_corpus_report_despin_finds_the_spun_forum_page(run_output):
    """Seed 002 is the 伪原创 copy (斲丧者←消费者, 陈诉←报告): it must count as despun, the clean original 003 not."""
    out, _ = run_output
    s = summarize(out)
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    despun_ids = {rid for rid, r in recs.items() if any(e["reason"] == "spin" for e in r.get("edits", ()))}
    assert s["despin"]["pages"] == len(despun_ids) >= 1
    assert any(rid.startswith("002_") for rid in despun_ids)
    assert not any(rid.startswith("003_") for rid in despun_ids)
    pairs = {(p["from"], p["to"]) for p in s["despin"]["top_pairs"]}
    assert ("斲丧者", "消费者") in pairs
    assert s["despin"]["edits"] >= sum(p["count"] for p in s["despin"]["top_pairs"])


def test_corpus_report_text_and_html(run_output):
    out, _ = run_output
    s = summarize(out)
    text = format_text(s)
    assert "records: 8" in text and "E101" in text and "斲丧者" in text
    assert "extraction did not run" in text
    page = to_html(s)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    # self-contained and escaped: no scripts, no external resources, the hostile id is inert text
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r'(src|href)\s*=\s*"?https?:', page)


def test_corpus_report_tuples_by_unit(tmp_path):
    """Tuples are counted from the records' own lists (a hand-made extract output shape)."""
    recs = [
        {"id": "a", "text": "t", "edits": [], "stats": {"chars_in": 5, "chars_out": 5},
         "tuples": [{"actor": "平台", "action": "处罚", "quantity": "97.1万", "unit": "人"},
                    {"actor": "平台", "action": "投入", "quantity": "8000万", "unit": "元"}]},
        {"id": "b", "text": "t", "edits": [], "stats": {"chars_in": 5, "chars_out": 5}, "tuples": []},
        {"id": "c", "text": None, "error": "[E301] ValueError in stage 'extract': boom", "stats": {"errors.extract": 1}},
    ]
    p = tmp_path / "x.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs) + "not json\n", encoding="utf-8")
    s = summarize(p)
    assert s["tuples"]["extracted"] and s["tuples"]["total"] == 2 and s["tuples"]["records_with_tuples"] == 1
    assert s["tuples"]["by_unit"] == {"人": 1, "元": 1}
    assert s["errors"]["by_stage"] == {"extract": 1} and s["errors"]["by_kind"] == {"stage": 1}
    assert s["unreadable_lines"] == 1
    assert "97.1万" in format_text(s) and "97.1万" in to_html(s)


def test_corpus_report_missing_file_has_code(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E001\]"):
        summarize(tmp_path / "nope.jsonl")
