"""Detection of pages spun with real-word pairs only (no unambiguous form at all): the zero-form rule."""
from __future__ import annotations

import pytest

from nlp.despin import corpora
from nlp.despin.stage import Despinner
from nlp.evaluate.despin import match_edits

# inews dev[:300] (after SPUN_IN_THE_WILD) spun with dev.tsv + dev_unseen.tsv: 45 spun tokens, 0 unambiguous forms;
# 24 distinct ambiguous forms, 10 odd (the ninth pass's page 238 reads 6 odd of 18 distinct forms since the rule
# counts distinct forms: tenth pass)
PAGE = 187


@pytest.fixture(scope="module")
def page(spun_dev_page):
    return spun_dev_page(PAGE)


@pytest.mark.issue(4)
def test_zero_form_page_is_despun_only_with_the_rule(page):
    clean, spun, gold = page
    strict = Despinner(zero_odd_rate=1.1, realword_llr=-1.0)  # off (and the real-word rule, on by default)
    edits, ev = strict.despin(spun)
    assert ev.unambiguous_distinct == 0 and not ev.spun and not edits
    rule = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10)
    edits, ev = rule.despin(spun)
    assert ev.spun
    r = match_edits(gold, edits, spun)
    assert r["tp"] >= 25 and r["fp"] <= 2, (r["tp"], r["fp"])  # 29 / 0 when written


@pytest.mark.issue(4)
def test_zero_form_rule_leaves_the_clean_page_alone(page):
    clean, _spun, _gold = page
    edits, ev = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10).despin(clean)
    assert not ev.spun and not edits


@pytest.mark.issue(4)
def test_zero_form_pages_of_a_batch_share_one_lm_call(page):
    """The zero-form rule's detection windows of a batch are scored in one LM call (tenth pass: per-page
    calls cost ~3x the LM time), and the edits are those of page-by-page despinning."""
    from nlp.document import Document

    _clean, spun, _gold = page
    # the real-word rule off: it scores its forms in chunks, one LM call per chunk (test_realword_gate.py)
    stage = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10, realword_llr=-1.0)
    clean = [t for t in corpora.texts("dev")[:80]
             if sum(1 for m in stage.lexicon.find(t) if m.entry.real_word and m.entry.detect) >= 10
             and not any(m.entry.unambiguous for m in stage.lexicon.find(t))][:12]
    assert len(clean) >= 8
    lm = stage.lm
    lm._window_cache.clear()
    calls = []
    score = lm.score_windows

    def counting(windows):
        calls.append(sum(1 for w in windows if w not in lm._window_cache))
        return score(windows)

    lm.score_windows = counting
    try:
        edits = stage.process_batch([Document(id=str(i), text=t) for i, t in enumerate(clean)])
    finally:
        del lm.score_windows
    assert not any(edits)
    assert sum(1 for n in calls if n) == 1  # page by page: one LM call per page
    texts = [spun] + clean
    batched = stage.process_batch([Document(id=str(i), text=t) for i, t in enumerate(texts)])
    lm._window_cache.clear()
    assert batched[0] and batched == [stage.despin(t)[0] for t in texts]


@pytest.mark.issue(4)
def test_zero_form_rule_counts_distinct_forms():
    """inews test page 56 (clean; 血液净化 ~30 times): read as spun when the rule sampled occurrences
    (13 odd of the first 24, all 净化 -> 污染: 56 false rewrites); one word of 24 distinct forms now."""
    text = next(t for t in corpora.texts("test") if t.count("血液净化") >= 20)
    edits, ev = Despinner(zero_odd_rate=0.4, zero_min_ambiguous=10).despin(text)
    assert ev.unambiguous_distinct == 0 and ev.ambiguous >= 10
    assert not ev.spun and not edits
