"""Session-16 refine rules (nlp/extract/refine.py rules 6, 22, 23) on real train sentences.

Each case is a shipped-model error of the in-sample train run (guide-violating edge) and a look-alike
that the rule must leave alone.
"""
from __future__ import annotations

import pytest

from nlp.extract.labels import Span
from nlp.extract.model import assemble
from nlp.extract.refine import drop_action_adverb, refine_roles, words_of

# a slice of the train-split lexicon (models/extract/lexicon.json): 共有 and 处罚 are in it
LEXICON = {"action": ["新改建", "共有", "新增", "成功", "开工", "处罚", "举办"], "action1": ["有", "处"]}


def _span(sent: str, text: str, typ: str) -> Span:
    st = sent.index(text)
    return Span(st, st + len(text), typ)


def _drop(sent: str, action: str) -> str:
    c = drop_action_adverb(sent, _span(sent, action, "ACTION"), LEXICON)
    return sent[c.start:c.end]


@pytest.mark.parametrize("sent, action, expected", [
    # train inews-train-2131-s33: gold (丹寨县, 有, 96, 个); the model wrote 共有 (guide: no adverb 共)
    ("2015年，丹寨县共有建档立卡贫困村96个，2016年退出7个，2017年退出23个。", "共有", "有"),
    # train inews-train-3585-s38: gold 开工; the adverb 新 of 新开工 is dropped (guide: 新 in 新引入)
    ("雏鹰集团察右后旗百万口生猪养殖项目在继续推进养殖项目的基础上，计划新开工2个子项目。", "新开工", "开工"),
])
def test_guide_adverb_dropped_from_the_action_front(sent, action, expected):
    assert _drop(sent, action) == expected


@pytest.mark.parametrize("sent, action", [
    # 新增 is a word (guide: 新增, 新建, 新设 stay whole); it is a train action word itself
    ("中证登：中国证券市场上周新增投资者数29.08万，前值为28.56万，环比增1.82%。", "新增"),
    # the adverb alone as the whole predicate (train inews-dev-964-s26: 成功2518场) is not emptied
    ("去年，“焦煤在线”共举办竞价场次5164场，成功2518场，累计为用户共降本增效2.06亿元。", "成功"),
])
def test_action_words_starting_like_an_adverb_stay(sent, action):
    assert _drop(sent, action) == action


def _assemble_action(sent: str, action: str, quantity: str, unit: str, after: str = "") -> str:
    st = sent.index(action, sent.index(after) + len(after) if after else 0)
    c = Span(st, st + len(action), "ACTION")
    q = _span(sent, quantity, "QUANTITY")
    u = Span(q.end, q.end + len(unit), "UNIT")
    out = assemble(sent, [c, q, u], {q.start: {"action": (c, 0.9), "actor": (None, 0.9)}}, LEXICON)
    return out[0].action


def test_lexicon_growth_that_cuts_a_word_is_not_taken():
    # train inews-train-5074-s36: 并处|罚款 (jieba); gold 处 — growing 处 to the lexicon word 处罚 cuts 罚款
    sent = "目前，违法嫌疑人赵某已被依法处以行政拘留7日并处罚款500元的行政处罚。"
    assert _assemble_action(sent, "处", "500", "元", after="并") == "处"


def test_lexicon_growth_along_word_edges_is_kept():
    # 处罚 is a word of its own here: the truncated 处 still grows to it
    sent = "公司对违规者处罚２０万元。"
    assert _assemble_action(sent, "处", "２０万", "元") == "处罚"


@pytest.mark.parametrize("sent, actor, expected", [
    # train inews-dev-643-s2 (annotator K, train split): gold actor 何国林; 伙同 "together with" ends no NP
    ("何国林伙同邵广毅、林某（二人均另案处理）共同收受时某（另案处理）钱款人民币3200万元，单独收受他人钱款共计人民币210万元。",
     "何国林伙同", "何国林"),
    # look-alike: 伙同 inside a coordinated actor span is not at its end and stays
    ("近日，宜川警方破获一起敲诈勒索案，记者伙同村民假借曝光公职人员在征地赔偿款中贪污为要挟，敲诈勒索50万元据为己有。",
     "记者伙同村民", "记者伙同村民"),
])
def test_trailing_huotong_is_stripped_from_the_actor(sent, actor, expected):
    a, _ = refine_roles(sent, _span(sent, actor, "ACTOR"), None, LEXICON, words_of(sent))
    assert sent[a.start:a.end] == expected
