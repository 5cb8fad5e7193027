"""Held-out v2 sets (corpora/HELDOUT_V2.md) stay byte-identical to what was frozen.

Only hashes and counts are checked: the sets are not for developers, so no test reads or
prints their content. Any edit of a page, gold file, manifest or of the despin table fails here.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
H2 = ROOT / "corpora" / "clean" / "heldout2"
NOTE = ROOT / "corpora" / "HELDOUT_V2.md"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_clean_heldout2_matches_its_sha256sums():
    entries = [line.split("  ", 1) for line in (H2 / "SHA256SUMS").read_text().splitlines() if line]
    assert len(entries) == 2 * 33 + 1  # raw + gold per page, and the manifest
    for digest, name in entries:
        assert _sha(H2 / name) == digest, name


def test_heldout_v2_files_match_the_note():
    """HELDOUT_V2.md lists the sha256 of SHA256SUMS, the generator, the pool and the despin table."""
    listed = re.findall(r"^\s+([0-9a-f]{64})  (\S+)$", NOTE.read_text(encoding="utf-8"), flags=re.M)
    assert {p for _, p in listed} >= {"corpora/clean/heldout2/SHA256SUMS", "corpora/despin/tables/test2.tsv"}
    for digest, rel in listed:
        assert _sha(ROOT / rel) == digest, rel
