"""Session 16 (despin README, fourteenth pass): presence of an unambiguous form's original; unambiguous forms
as evidence of the real-word rule.

1. ``presence_unambiguous``: a table rewrites every occurrence of its key, so when the original of an
   unambiguous spun form (not a real word) still occurs on the page outside the spun forms, the form was not
   spun from it (held-out-like tables: 住民 -> 居民 on a page with 居民, where the table had 市民 -> 住民).
   The default handicap (30) vetoes the rewrite; 2.0 was the old value (the real-word handicap).
2. ``realword_unambiguous``: each distinct unambiguous form adds this log10 ratio to the real-word rule's
   binomial test, so a page with one or two such forms and a few odd real words is judged spun.
"""
from __future__ import annotations

import re

import pytest

from nlp.despin import corpora
from nlp.despin.spinner import load_table, spin
from nlp.despin.stage import Despinner, _distinct_unambiguous
from nlp.evaluate.despin import CORPUS, match_edits, seed002_body


def _rewrites(edits, note: str) -> int:
    return sum(1 for e in edits if e.note == note)


@pytest.fixture(scope="module")
def seed_page() -> str:
    return seed002_body()[0]


@pytest.fixture(scope="module")
def unspun_sentence() -> str:
    """The first sentence of inews dev that holds 消费者 (real, never-spun text)."""
    for text in corpora.texts("dev"):
        for s in re.split(r"(?<=[。！？])", text):
            if "消费者" in s and 10 <= len(s) <= 80:
                return s.strip()
    raise AssertionError("no sentence with 消费者 in inews dev")


@pytest.mark.issue(4)
def test_unambiguous_form_is_despun_when_its_original_is_absent(seed_page):
    """Seed 002 (a real tool's output): 斲丧者 -> 消费者 on every occurrence, 消费者 nowhere on the page."""
    assert "消费者" not in seed_page
    edits, ev = Despinner().despin(seed_page)
    assert ev.spun and _rewrites(edits, "斲丧者->消费者") >= 15


@pytest.mark.issue(4)
def test_unambiguous_form_is_left_alone_when_its_original_is_on_the_page(seed_page, unspun_sentence):
    """The same page with an unspun sentence holding 消费者: 斲丧者 cannot come from 消费者 (the table would
    have rewritten that occurrence too), so it is left alone; the old handicap (2.0) still rewrote it.
    Other unambiguous forms of the page are still despun."""
    text = seed_page + "\n" + unspun_sentence
    edits, ev = Despinner().despin(text)
    assert ev.spun
    assert _rewrites(edits, "斲丧者->消费者") == 0
    assert _rewrites(edits, "陈诉->报告") >= 5
    old, _ = Despinner(presence_unambiguous=2.0).despin(text)
    assert _rewrites(old, "斲丧者->消费者") >= 15


@pytest.mark.issue(4)
def test_one_unambiguous_form_adds_to_the_real_word_test():
    """inews dev page 13 spun with tables/test10.tsv (a development table): one distinct unambiguous form and 6 of
    31 real-word forms odd: too little for every older rule and for the real-word test alone (ratio < 2.0); with the
    form's 0.5 the page is judged spun and despun (39 right / 1 wrong when written)."""
    table = load_table(CORPUS / "tables" / "test10.tsv")
    spun, toks = spin(corpora.texts("dev")[13], table)
    gold = [(k.start, k.end, k.spun, k.original) for k in toks]
    edits, ev = Despinner(realword_unambiguous=0.0).despin(spun)
    assert ev.unambiguous_distinct == 1 and not ev.spun and not edits
    edits, ev = Despinner().despin(spun)
    assert ev.spun
    r = match_edits(gold, edits, spun)
    assert r["tp"] >= 30 and r["fp"] <= 2, (r["tp"], r["fp"])


@pytest.mark.issue(4)
def test_clean_page_with_three_unambiguous_forms_stays_clean():
    """People's Daily hold-out page 99 (1998 prose): three distinct unambiguous forms, the highest clean page once
    they count (3 of 36 real-word forms odd: ratio -1.9 + 3 x 0.75 since session 18, + 1.5 before); it stays clean
    and unedited."""
    text = corpora.texts("pd_test")[99]
    st = Despinner()
    edits, ev = st.despin(text)
    assert ev.unambiguous_distinct == 3
    assert not ev.spun and not edits
    ms = st.lexicon.find(text)
    prior = st._unamb_prior(_distinct_unambiguous(ms))
    odd, n, fire = st._realword_judge([(text, st._masked(text, ms), st._realword_sample(ms), prior)])[0]
    assert prior == pytest.approx(3 * st.realword_unambiguous) and prior >= 1.5 and not fire


@pytest.mark.issue(4)
def test_unambiguous_veto_holds_without_the_real_word_penalty(seed_page, unspun_sentence):
    """The two presence options act independently: with the real-word handicap off (presence_penalty = 0)
    the unambiguous veto still keeps 斲丧者 when 消费者 is on the page (both off: it is rewritten)."""
    text = seed_page + "\n" + unspun_sentence
    edits, _ = Despinner(presence_penalty=0.0).despin(text)
    assert _rewrites(edits, "斲丧者->消费者") == 0
    edits, _ = Despinner(presence_penalty=0.0, presence_unambiguous=0.0).despin(text)
    assert _rewrites(edits, "斲丧者->消费者") >= 15
