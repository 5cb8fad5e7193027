"""Fixtures shared by the despin tests."""
from __future__ import annotations

import pytest

from nlp.despin import corpora
from nlp.despin.spinner import load_table, spin
from nlp.evaluate.despin import CORPUS


@pytest.fixture(scope="session")
def spun_dev_page():
    """``make(i)`` -> (clean, spun, gold tokens) of inews dev page ``i`` spun with dev.tsv + dev_unseen.tsv
    (a table of mostly real-word pairs: pages with few or no unambiguous forms)."""
    table = load_table(CORPUS / "tables" / "dev.tsv")
    for o, v in load_table(CORPUS / "tables" / "dev_unseen.tsv").items():
        table.setdefault(o, v)

    def make(i: int):
        clean = corpora.texts("dev")[i]
        spun, toks = spin(clean, table)
        return clean, spun, [(k.start, k.end, k.spun, k.original) for k in toks]

    return make
