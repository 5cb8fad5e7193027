"""The unseen-table dev protocol (nlp/evaluate/despin_unseen.py): hidden pairs really are hidden."""
from __future__ import annotations

import pytest

from nlp.despin.lexicon import Lexicon
from nlp.despin.spinner import SpunToken
from nlp.evaluate.despin_unseen import classify, fold_of, hidden_lexicon


@pytest.mark.issue(4)
def test_hidden_lexicon_drops_only_the_pair_and_keeps_other_originals():
    full = Lexicon.load()
    form = next(f for f, e in full.entries.items()
                if len(e.originals) >= 2 and not any(o in full.entries for o in e.originals))
    orig = full.entries[form].originals[0]
    import os

    path = hidden_lexicon({(form, orig)})
    try:
        lex = Lexicon.load(path)
    finally:
        os.unlink(path)
    assert (form, orig) not in lex.pairs()
    assert form in lex.entries and lex.entries[form].originals
    assert len(lex.pairs()) < len(full.pairs())


@pytest.mark.issue(4)
def test_folds_are_stable_and_cover_every_fold():
    words = ["消费者", "报告", "品质", "保护", "相关", "表示", "重视", "提升", "健康", "措施", "全年", "平均"]
    assert [fold_of(w, 4) for w in words] == [fold_of(w, 4) for w in words]
    assert {fold_of(w, 4) for w in words} == {0, 1, 2, 3}


@pytest.mark.issue(4)
def test_classify_false_rewrites_on_a_real_sentence():
    """Seed 002's wording: 消费者 spun to 斲丧者; the kinds of false rewrite are told apart."""
    lex = Lexicon.load()
    text = "平台掩护斲丧者权益，环境良好"
    gold = [SpunToken(4, 7, "斲丧者", "消费者")]
    # (start in text, the rewritten form as it stands there, the replacement)
    wrong = (4, text[4:7], "花费者")
    genuine = (10, text[10:12], "情况")  # 环境 is a lexicon real word (<- 情况)
    assert classify(*wrong, gold, lex) == "wrong original"
    assert classify(*genuine, gold, lex) == "genuine real word"
    assert classify(5, text[5:7], "消费", gold, lex) == "partial overlap"
