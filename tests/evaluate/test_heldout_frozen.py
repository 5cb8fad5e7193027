"""Frozen held-out sets (corpora/HELDOUT_V2.md, V3.md, V4.md, V5.md, V6.md, V7.md, V8.md, V9.md, V10.md, V11.md,
V12.md, V13.md, V14.md, V15.md) stay byte-identical to what was frozen.

Only hashes and counts are checked: the sets are not for developers, so no test reads or
prints their content. Any edit of a page, gold file, manifest or of the despin table fails here.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import assert_sha256sums

ROOT = Path(__file__).resolve().parents[2]

#: version -> (clean page folder, pages, despin table): each set's note is corpora/HELDOUT_V<version>.md
SETS = {
    2: ("heldout2", 33, "test2.tsv"),
    3: ("heldout3", 33, "test3.tsv"),
    4: ("heldout4", 33, "test4.tsv"),
    5: ("heldout5", 33, "test5.tsv"),
    6: ("heldout6", 33, "test6.tsv"),
    7: ("heldout7", 33, "test7.tsv"),
    8: ("heldout8", 33, None),  # clean pages; the despin table test8.tsv is another helper's to add
    9: ("heldout9", 33, None),  # clean pages; the despin table test9.tsv is the lead's to add
    10: ("heldout10", 33, None),
    11: ("heldout11", 33, None),  # clean pages; the despin table test11.tsv is whoever freezes it
    12: ("heldout12", 36, None),  # clean pages (session 15); a despin table test12.tsv is whoever freezes it
    13: ("heldout13", 36, None),  # clean pages (session 16); the despin table test13.tsv has its own note
    14: ("heldout14", 30, None),  # clean pages (session 17); the despin table test14.tsv has its own note
    15: ("heldout15", 36, None),  # clean pages (session 18); the despin table test15.tsv has its own note
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("version", sorted(SETS))
def test_clean_heldout_matches_its_sha256sums(version):
    folder, pages, _ = SETS[version]
    assert_sha256sums(ROOT / "corpora" / "clean" / folder, pages)


@pytest.mark.parametrize("version", sorted(SETS))
def test_heldout_files_match_the_note(version):
    """HELDOUT_V<n>.md lists the sha256 of SHA256SUMS, the generator, the pool and the despin table."""
    folder, _, table = SETS[version]
    note = ROOT / "corpora" / f"HELDOUT_V{version}.md"
    listed = re.findall(r"^\s+([0-9a-f]{64})  (\S+)$", note.read_text(encoding="utf-8"), flags=re.M)
    must = {f"corpora/clean/{folder}/SHA256SUMS"} | ({f"corpora/despin/tables/{table}"} if table else set())
    assert {p for _, p in listed} >= must
    for digest, rel in listed:
        assert _sha(ROOT / rel) == digest, rel
