"""Despin-only held-out tables (corpora/HELDOUT_V8_DESPIN.md) stay byte-identical to what was frozen.

The clean+despin held-out sets v2-v7 are checked in test_heldout_frozen.py; from v8 on the despin
table has its own note. Only hashes and counts are checked: no test reads out or prints a row.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from nlp.despin.spinner import load_table

ROOT = Path(__file__).resolve().parents[2]

#: note (corpora/<note>) -> (despin table, rows, chain rows)
NOTES = {
    "HELDOUT_V8_DESPIN.md": ("test8.tsv", 287, 25),
    "HELDOUT_V9_DESPIN.md": ("test9.tsv", 290, 31),
    "HELDOUT_V10_DESPIN.md": ("test10.tsv", 290, 29),
    "HELDOUT_V11_DESPIN.md": ("test11.tsv", 297, 30),
    "HELDOUT_V12_DESPIN.md": ("test12.tsv", 300, 28),
    "HELDOUT_V13_DESPIN.md": ("test13.tsv", 300, 28),
    "HELDOUT_V14_DESPIN.md": ("test14.tsv", 300, 28),
    "HELDOUT_V15_DESPIN.md": ("test15.tsv", 300, 28),
}

#: row kinds nlp/evaluate/despin.py reports on: v8-v11 write ``table``; v12-v15 mark ``lexicon`` / ``novel``
#: like dev.tsv (whether the pair is in corpora/despin/lexicon.tsv when the table was frozen)
KINDS = {"table", "lexicon", "novel", "chain"}


@pytest.mark.parametrize("note", sorted(NOTES))
def test_despin_heldout_table_matches_its_note(note):
    table = NOTES[note][0]
    listed = re.findall(r"^\s+([0-9a-f]{64})  (\S+)$", (ROOT / "corpora" / note).read_text(encoding="utf-8"),
                        flags=re.M)
    assert f"corpora/despin/tables/{table}" in {p for _, p in listed}
    for digest, rel in listed:
        assert hashlib.sha256((ROOT / rel).read_bytes()).hexdigest() == digest, rel


@pytest.mark.parametrize("note", sorted(NOTES))
def test_despin_heldout_table_shape(note):
    """Counts only: rows, chain rows, no identity row, kinds the evaluation knows."""
    table, rows, chains = NOTES[note]
    t = load_table(ROOT / "corpora" / "despin" / "tables" / table)
    assert len(t) == rows
    assert sum(1 for _, kind in t.values() if kind == "chain") == chains
    assert {kind for _, kind in t.values()} <= KINDS
    assert sum(1 for orig, (spun, _) in t.items() if spun == orig or not spun) == 0
