"""Slot neighbours learned from clean text (nlp/despin/neighbours.py): a candidate source for
spun words whose original is no 同义词词林 "=" mate (eighth pass).

Seed 001 (the clean 2021 report) spun with the development table plus 信息 -> 资讯: a swap a
伪原创 table makes, no lexicon pair, no Cilin "=" pair, and a pair of related words that fill
the same slots in clean news text.
"""
from __future__ import annotations

import pytest

from nlp.despin.neighbours import cilin_codes, load_mates, related, slot_neighbours
from nlp.despin.spinner import load_table, spin
from nlp.despin.stage import Despinner
from nlp.despin.thesaurus import load_thesaurus
from nlp.document import Reason
from nlp.evaluate.despin import CORPUS

PAIR = ("信息", "资讯")  # original, spun


@pytest.fixture(scope="module")
def codes():
    return cilin_codes()[0]


@pytest.fixture(scope="module")
def spun_001(seed_text):
    table = load_table(CORPUS / "tables" / "dev.tsv")
    assert PAIR[0] not in table
    table[PAIR[0]] = (PAIR[1], "novel")
    return spin(seed_text["001"], table)


@pytest.mark.issue(4)
def test_related_keeps_synonym_swaps_and_drops_co_hyponyms(codes):
    """Kinds of one thing (one Cilin "#" leaf) are never a synonym swap, even sharing a character."""
    assert related("层面", "方面", codes, 4)  # the dev_unseen kind of swap: shared character
    assert not related("篮球", "足球", codes, 4)  # shares 球, but co-hyponyms (protocol: 15 false)
    assert not related("柳州", "南昌", codes, 4)  # two cities
    assert not related("增加", "道路", codes, 4)


@pytest.mark.issue(4)
def test_slot_neighbours_rank_words_of_the_same_slots_first():
    """Tiny segmented corpus: 由于 and 因为 open the same clauses, 道路 fills other slots."""
    sents = [["由于", "天气", "原因", "，", "航班", "取消"], ["因为", "天气", "原因", "，", "航班", "延误"],
             ["由于", "资金", "不足", "，", "工程", "停工"], ["因为", "资金", "不足", "，", "工程", "停工"],
             ["这条", "道路", "很", "宽"], ["那条", "道路", "很", "窄"]] * 5
    nb, counts = slot_neighbours(sents, top=3, min_count=5, context_min=5, progress=False)
    assert counts["由于"] == 10
    assert nb["由于"][0][0] == "因为" and nb["由于"][0][1] > 0.5
    assert "道路" not in [w for w, _ in nb["由于"]]


@pytest.mark.issue(4)
def test_shipped_neighbours_are_no_cilin_synonyms_and_no_co_hyponyms():
    mates = load_mates()
    syn = load_thesaurus().mates
    assert PAIR[0] in mates[PAIR[1]] and PAIR[0] not in syn.get(PAIR[1], ())
    assert "足球" not in mates.get("篮球", ())
    assert all(len(o) == len(w) for w, os_ in list(mates.items())[:2000] for o in os_)


@pytest.mark.issue(4)
def test_neighbours_restore_a_pair_cilin_does_not_have(spun_001):
    spun, toks = spun_001
    gold = {(t.start, t.end) for t in toks if t.original == PAIR[0]}
    assert len(gold) >= 5
    plain = Despinner(thesaurus_neighbours=False)
    assert not [e for e in plain.despin(spun)[0] if (e.start, e.end) in gold]  # no source before
    stage = Despinner()  # the source is on by default
    edits, ev = stage.despin(spun)
    assert ev.spun
    hits = [e for e in edits if (e.start, e.end) in gold]
    assert len(hits) == len(gold)
    for e in hits:
        assert e.reason is Reason.SPIN and e.replacement == PAIR[0] and e.note == f"{PAIR[1]}->{PAIR[0]}"
    # nothing else changes: the source only adds rewrites of words no other source touched
    before = {(e.start, e.end, e.replacement) for e in plain.despin(spun)[0]}
    assert before <= {(e.start, e.end, e.replacement) for e in edits}
    assert len(edits) - len(before) == len(gold)


@pytest.mark.issue(4)
def test_neighbours_leave_a_clean_page_alone(seed_text):
    page = seed_text["001"].replace(PAIR[0], PAIR[1])
    edits, ev = Despinner(thesaurus_neighbours=True).despin(page)
    assert not ev.spun and edits == []


@pytest.mark.issue(4)
def test_no_place_name_swaps_in_the_shipped_neighbours():
    """Two place names (jieba tags both ``ns``) are never a candidate pair: a spun page about 重庆 has
    no 北京 on it, so 重庆 -> 北京 passed every page filter (tenth pass, test8 development table)."""
    from nlp.despin.neighbours import drop_toponym_pairs, toponym_pairs

    mates = {w: list(v) for w, v in load_mates().items()}
    assert "北京" not in mates.get("重庆", [])
    assert not toponym_pairs(mates)
    assert drop_toponym_pairs({"重庆": ["北京", "渝中"], "由于": ["因为"], "三明市": ["福州市"]}) == \
        {"重庆": ["渝中"], "由于": ["因为"]}
