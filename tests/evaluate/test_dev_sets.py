"""Data-builder dev sets (corpora/clean/dev8, dev9): files match their SHA256SUMS, and no page
article is used by any other page set.

DEV sets are tuned on, not frozen, but they are generated: a page edited by hand (instead of
regenerating with the set's ``make.py``) fails the hash check. The article check compares each
page's ``source`` with the ``source`` / ``list_sources`` of every other manifest under
corpora/clean/*/ (held-out ones included, mechanically: only a count is reported, no content).
DEV9 and held-out v8 split their articles by ``side()`` in dev9/make.py (DEV9 = side 0).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_sha256sums

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "corpora" / "clean"

#: set -> pages
SETS = {"dev8": 30, "dev9": 30}


def _manifest(folder: Path) -> list[dict]:
    for name in ("MANIFEST.jsonl", "manifest.jsonl"):
        if (folder / name).exists():
            return [json.loads(x) for x in (folder / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return []


@pytest.mark.parametrize("name", sorted(SETS))
def test_dev_set_matches_its_sha256sums(name):
    root = CLEAN / name
    assert_sha256sums(root, SETS[name])
    assert len(_manifest(root)) == SETS[name]


@pytest.mark.parametrize("name", sorted(SETS))
def test_dev_set_articles_are_used_by_no_other_set(name):
    mine = {m["source"] for m in _manifest(CLEAN / name)}
    assert len(mine) == SETS[name]  # one article per page
    others: set[str] = set()
    for folder in sorted(p for p in CLEAN.iterdir() if p.is_dir() and p.name != name):
        for m in _manifest(folder):
            others.add(m["source"])
            others.update(m.get("list_sources") or [])
    shared = len(mine & others)  # a count only: held-out manifests are not printed
    assert shared == 0, f"{name}: {shared} page articles also used by another set"


def test_dev9_takes_side_0_of_the_dev9_heldout8_split():
    import importlib.util
    import sys

    sys.path.insert(0, str(CLEAN))
    spec = importlib.util.spec_from_file_location("dev9_make", CLEAN / "dev9" / "make.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["dev9_make"] = mod
    spec.loader.exec_module(mod)
    assert mod.SIDE == 0 and mod.SALT == "zhie-session9-split:"
    sources = {m["source"] for m in _manifest(CLEAN / "dev9")}
    sources |= {s for m in _manifest(CLEAN / "dev9") for s in m.get("list_sources") or []}
    assert sources and all(mod.side(s) == 0 for s in sources)
