"""Shared helpers of the clean tests that read real dev pages (corpora/clean/<split>/).

Imported by name from the test modules next to it (pytest puts this folder on sys.path).
"""
from __future__ import annotations

from pathlib import Path

CLEAN = Path(__file__).resolve().parents[2] / "corpora" / "clean"


def dev_page(split: str, pid: str) -> tuple[bytes, list[str]]:
    """A page's raw bytes and its gold lines (stripped, blank lines dropped)."""
    gold = (CLEAN / split / f"{pid}.gold.txt").read_text(encoding="utf-8").splitlines()
    return (CLEAN / split / f"{pid}.raw.txt").read_bytes(), [g.strip() for g in gold if g.strip()]


def kept_lines(doc) -> list[str]:
    """The non-blank lines of a cleaned document, stripped."""
    return [ln.strip() for ln in doc.text.splitlines() if ln.strip()]


#: a hand-written article (a reservoir repair in a county: headline + four paragraphs), the host
#: page of the pasted-story tests (test_session13, test_session17_stories)
RESERVOIR_ARTICLE = [
    "山区小县修好百年水库 三万亩农田告别靠天吃饭",
    "今年春天，位于县城北部的老龙潭水库完成了除险加固工程，库容从过去的八十万立方米增加到一百二十万立方米。",
    "老龙潭水库始建于清朝末年，多年来坝体渗漏严重，每到汛期，下游村民都提心吊胆。县水利局去年争取到专项资金，对坝体和溢洪道进行了全面改造。",
    "水库管理站站长介绍，改造后的水库可以灌溉周边三万亩农田，附近五个村的村民再也不用担心天旱时庄稼缺水。",
    "据了解，县里还计划在水库下游修建两条灌溉渠，预计明年汛期前完工，届时受益农田将扩大到四万亩。",
]
