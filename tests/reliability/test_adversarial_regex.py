"""Adversarial regex inputs for every stage of the default pipeline (issue 7).

No timed assertions: each record runs under the batch runner's per-record budget
(``limits.max_seconds``), and a stage that backtracks or scans quadratically turns
its record into an E103 error record, which the test reports by input kind.
"""
from __future__ import annotations

import json

import pytest

from nlp import Config
from nlp.runner import run_batch

from adversarial import inputs, write_jsonl

#: seconds per record: ~50x what a linear stage needs for the largest (1 MB) input on
#: a loaded 2-core machine (clean.spam, the slowest, ~0.4 s per 100 KB after its
#: vocabulary prefilter); a quadratic scan over 50,000 chars needs minutes.
BUDGET = 20.0
#: sizes kept small so the whole directory stays near 90 s on a loaded 2-core machine:
#: a backtracking regex over 20,000 "<" or "*" still needs far more than the budget;
#: eval/reliability/run.py repeats this at 100,000 / 20,000 lines / 1 MB, and
#: test_bad_records.py sends a 1 MB line through the whole default pipeline.
SIZE, EDITS, BIG = 20_000, 2_000, 100_000


def default_stages() -> list[str]:
    """Every stage the default pipeline runs, plus every registered clean stage."""
    from nlp.registry import STAGES

    stages = list(Config.load().stages)
    stages += [s for s in STAGES if s.startswith("clean.") and s not in stages]
    return stages


@pytest.mark.parametrize("stage", default_stages())
def test_adversarial_stage_never_exceeds_budget(tmp_path, stage):
    """A long run of one character, punctuation, "<", "*", nested brackets or a 1 MB
    line never makes a stage exceed the per-record budget (no E103), and every
    record comes back (records in == records out)."""
    pages = inputs(size=SIZE, edits=EDITS, big=BIG)
    src, out = tmp_path / "adv.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, pages)
    cfg = Config.load(overrides={"pipeline.stages": [stage], "limits.max_seconds": BUDGET})
    summary = run_batch([src], out, cfg, progress=False, chunk_size=1)
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == list(pages)
    assert summary.records_out == summary.records_in == len(pages)
    over = [r["id"] for r in recs if (r.get("error") or "").startswith("[E103]")]
    assert not over, f"{stage} exceeded {BUDGET:g}s on: {over}"
    crashed = {r["id"]: r["error"] for r in recs if r.get("error")}
    assert not crashed, f"{stage} raised on: {crashed}"
