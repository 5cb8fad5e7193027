"""Batch consensus (nlp/despin/batch.py): a thesaurus candidate the page alone cannot settle is accepted
when the batch's other spun pages show the tool rewrote its original everywhere (twelfth pass).

Pages: inews dev[:32] spun with the development tables dev.tsv + dev_unseen.tsv (the conftest fixture).
"""
from __future__ import annotations

import pytest

from nlp.despin import corpora
from nlp.despin.batch import Pending, confirmed
from nlp.despin.stage import Despinner
from nlp.document import Document
from nlp.evaluate.despin import match_edits

ON = {"batch_threshold": 0.5}
N = 32


def _run(stage: Despinner, texts: list[str]):
    return stage.process_batch([Document(id=str(i), text=t) for i, t in enumerate(texts)])


@pytest.fixture(scope="module")
def batch(spun_dev_page):
    return [spun_dev_page(i) for i in range(N)]


@pytest.fixture(scope="module")
def both(batch):
    spun = [s for _c, s, _g in batch]
    return _run(Despinner(), spun), _run(Despinner(**ON), spun)


@pytest.mark.issue(4)
def test_consensus_adds_right_rewrites_to_a_spun_batch(batch, both):
    off, on = both
    tp = {"off": 0, "on": 0}
    fp = {"off": 0, "on": 0}
    added = 0
    for (_clean, spun, gold), e0, e1 in zip(batch, off, on):
        # the option only adds edits: everything the page decided alone is kept
        assert {(e.start, e.end, e.replacement) for e in e0} <= {(e.start, e.end, e.replacement) for e in e1}
        added += len(e1) - len(e0)
        for key, edits in (("off", e0), ("on", e1)):
            r = match_edits(gold, edits, spun)
            tp[key] += r["tp"]
            fp[key] += r["fp"]
    assert added > 0
    # more right than wrong among the added edits (when written: tp 617 -> 632, fp 22 -> 28)
    assert tp["on"] - tp["off"] > fp["on"] - fp["off"], (tp, fp)


@pytest.mark.issue(4)
def test_a_page_alone_or_a_clean_batch_gets_nothing_from_the_option(batch):
    stage = Despinner(**ON)
    _clean, spun, _gold = batch[0]
    # one page: no other spun page to confirm a pair; same edits as the default
    (alone,) = _run(stage, [spun])
    (default,) = _run(Despinner(), [spun])
    assert [(e.start, e.end, e.replacement) for e in alone] == [(e.start, e.end, e.replacement) for e in default]
    # clean pages are never judged spun: no page can confirm anything
    assert not any(_run(stage, [c for c, _s, _g in batch]))


@pytest.mark.issue(4)
def test_an_original_seen_on_another_spun_page_is_not_confirmed():
    """因为 on any other spun page means the tool did not rewrite it: 由于 stays a real word."""
    texts = [t for t in corpora.texts("dev")[:120] if "由于" in t]
    with_orig = [t for t in texts if "因为" in t]
    without = [t for t in texts if "因为" not in t]
    assert with_orig and len(without) >= 2
    stage = Despinner()
    lm = stage.lm
    cand = Pending("由于", "因为", [(without[0].index("由于"), without[0].index("由于") + 2)], 0.6, page=0)
    # the other pages hold 因为: rejected whatever the counts
    pages = {0: (without[0], 2000), 1: (with_orig[0], 200000)}
    assert confirmed([cand], pages, lm.word_count, lm.total) == []
    # pages without 因为 but where it is expected often and 由于 is over-represented: confirmed
    heavy = "。".join(without[1:]) * 3
    pages = {0: (without[0], 2000), 1: (heavy, 200000)}
    assert confirmed([cand], pages, lm.word_count, lm.total, excess=-1.0) == [cand]
    # ... unless the original is not expected often enough on them to make its absence telling
    pages = {0: (without[0], 2000), 1: (heavy, 10)}
    assert confirmed([cand], pages, lm.word_count, lm.total, excess=-1.0) == []
