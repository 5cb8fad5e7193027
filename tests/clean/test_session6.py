"""Session-6 fixes of the clean stages (issue 8), on real dev pages and tricky lines.

Like test_session5.py, most checks run the *wording-blind* pipeline (clean.chrome and
clean.spam off: a page in unseen wording as the structural stages see it) and check
the must-keep side too (the gold's title and paragraphs survive).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.clean.base import lines_of
from nlp.clean.lines import BLIND_STAGES
from nlp.clean.title import TitleCleaner, _off_topic

CLEAN = Path(__file__).resolve().parents[2] / "corpora" / "clean"


def _page(split: str, pid: str) -> tuple[bytes, list[str]]:
    gold = (CLEAN / split / f"{pid}.gold.txt").read_text(encoding="utf-8").splitlines()
    return (CLEAN / split / f"{pid}.raw.txt").read_bytes(), [g.strip() for g in gold if g.strip()]


def _lines(doc) -> list[str]:
    return [ln.strip() for ln in doc.text.splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def blind_pipeline():
    """convert + the structural clean stages only (clean.chrome / clean.spam off)."""
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load(overrides={"pipeline.stages": BLIND_STAGES + ["clean.lines", "clean.layout"]}))


@pytest.mark.parametrize("split, pid", [("dev5", "d5_004"), ("dev5", "d5_016")])
def test_off_topic_repeated_line_or_hint_part_is_not_the_title(blind_pipeline, split, pid):
    # d5_004: <title> "headline @ blog name :: host" and the blog name shown twice;
    # d5_016: a "——"-joined spam header repeated as footer. Both had taken the title
    # and the real headline went as "header below title" (prose lost).
    raw, gold = _page(split, pid)
    out = _lines(blind_pipeline.run(raw))
    assert out[0] == gold[0]
    assert all(g in out for g in gold[1:2])


def test_off_topic_is_about_shared_topic_words():
    prose = "跨国公司是当今世界经济增长特别是国际投资的主要引擎。"
    assert _off_topic("阿里山小日子", prose)
    assert not _off_topic("近三百家跨国公司来华投资", prose)
    assert not _off_topic("阿里山小日子", "")  # no prose: nothing to compare with


def test_title_hint_split_on_spaced_at_and_double_colon():
    text = "阿里山小日子\n近三百家跨国公司来华投资\n" + "跨国公司是当今世界经济增长特别是国际投资的主要引擎，近几年纷纷来我国投资。\n" \
        + "阿里山小日子\n"
    title = TitleCleaner().find_title(lines_of(text), "近三百家跨国公司来华投资 @ 阿里山小日子 :: 痞客邦 PIXNET")
    assert title is not None and title.text == "近三百家跨国公司来华投资"
