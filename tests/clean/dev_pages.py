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
