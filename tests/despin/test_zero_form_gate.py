"""Detection of pages spun with real-word pairs only (no unambiguous form at all): the zero-form rule."""
from __future__ import annotations

import pytest

from nlp.despin import corpora
from nlp.despin.spinner import load_table, spin
from nlp.despin.stage import Despinner
from nlp.evaluate.despin import CORPUS, match_edits

PAGE = 238  # inews dev[:300] (after SPUN_IN_THE_WILD): 66 spun tokens, 0 unambiguous forms (ninth pass)


@pytest.fixture(scope="module")
def page():
    table = load_table(CORPUS / "tables" / "dev.tsv")
    for o, v in load_table(CORPUS / "tables" / "dev_unseen.tsv").items():
        table.setdefault(o, v)
    clean = corpora.texts("dev")[PAGE]
    spun, toks = spin(clean, table)
    return clean, spun, [(k.start, k.end, k.spun, k.original) for k in toks]


@pytest.mark.issue(4)
def test_zero_form_page_is_despun_only_with_the_rule(page):
    clean, spun, gold = page
    strict = Despinner(zero_odd_rate=1.1)
    edits, ev = strict.despin(spun)
    assert ev.unambiguous_distinct == 0 and not ev.spun and not edits
    rule = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10)
    edits, ev = rule.despin(spun)
    assert ev.spun
    r = match_edits(gold, edits, spun)
    assert r["tp"] >= 45 and r["fp"] <= 5, (r["tp"], r["fp"])  # 53 / 4 when written


@pytest.mark.issue(4)
def test_zero_form_rule_leaves_the_clean_page_alone(page):
    clean, _spun, _gold = page
    edits, ev = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10).despin(clean)
    assert not ev.spun and not edits
