"""Shared fixtures: real text from seeds/ (000 SEO, 001 title stuffing, 002 spinning,
003 clean original of 000, 004 Traditional + spam)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def seed_bytes() -> dict[str, bytes]:
    """Raw bytes of the five seed pages, keyed "000".."004"."""
    return {p.name[:3]: p.read_bytes() for p in sorted(SEEDS.glob("0*_*.txt"))}


@pytest.fixture(scope="session")
def seed_text(seed_bytes) -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in seed_bytes.items()}
