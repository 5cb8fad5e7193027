"""Boundary repair of linked actor/action spans (nlp.extract.refine) and the silver corpus.

Sentences are real: dev-split gold sentences (People's Daily, inews, seed-002) where the
6-layer tagger produced exactly these broken spans (models/extract/README.md).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.extract.labels import Span
from nlp.extract.refine import refine_roles, words_of

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "extract"
# a slice of the train-split lexicon (models/extract/lexicon.json, nlp.extract.model.build_lexicon)
LEXICON = {"action": ["投入", "批准", "覆盖", "实现", "捣毁", "行贿", "死亡"], "action1": ["为", "占", "有", "达", "处"]}


def _span(sent: str, text: str, typ: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = sent.index(text, start + 1)
    return Span(start, start + len(text), typ)


def _fix(sent, actor, action):
    a = _span(sent, actor, "ACTOR") if actor else None
    c = _span(sent, action, "ACTION") if action else None
    a, c = refine_roles(sent, a, c, LEXICON, words_of(sent))
    return (sent[a.start:a.end] if a else "", sent[c.start:c.end] if c else "")


@pytest.mark.parametrize("sent, actor, action, expected", [
    # actor ran into the next word (平台 | 深入): since session 5 rule 1 grows a 2+ character span to
    # the word's end (measured: more tagger spans stop short of the head noun than run on), so this
    # session-3 error is no longer repaired; kept as a strict xfail to record the trade
    pytest.param("2023年平台深入产业带商家实地质检,覆盖12个产业带的17个商品品类,验货总量超3000万件。", "平台深", "覆盖",
                 ("平台", "覆盖"), marks=pytest.mark.xfail(strict=True, reason="rule 1 grows 2+ char actor spans")),
    # actor's front cut off inside a word (警方)
    ("警方于12月13日一举捣毁三个犯罪窝点，抓获、审查犯罪嫌疑人10名，刑事拘留4名。", "方", "捣毁", ("警方", "捣毁")),
    # action cut inside a word (覆盖), actor is another clause's subject: only the action is repaired
    ("在保障用户退换货体验方面,“极速退”服务已覆盖88%的售后订单,退款时长平均缩短12小时。", "“极速退”服务", "盖", ("“极速退”服务", "覆盖")),
    # the actor swallowed the predicate and no action was linked
    ("１９９７年，家庭农场投入生产费用４８．７亿元，比上年提高３９％。", "家庭农场投入生产费用", "", ("家庭农场", "投入")),
    # actor overlapping the action: nothing is left before the verb -> no actor
    ("其中，批准出国１６８．３万人次，比上年增加１３％；", "批准出国", "批准", ("", "批准")),
    # 3b: a one-character train action (达) swallowed at the actor's end, a word of its own
    ("截至去年１１月末，千户企业净资产达１４１３９亿元，比年初增长１９％；", "千户企业净资产达", "", ("千户企业净资产", "达")),
    # leading time word dropped
    ("去年我国公民因私出境２５６万人次", "去年我国公民", "", ("我国公民", "")),
    # trailing preposition stripped
    ("此外，法院还查明，段文杰在富县卫生局办理手续过程中，先后多次向多人行贿现金7.3万元。", "段文杰在", "行贿", ("段文杰", "行贿")),
])
def test_refine_repairs_real_model_errors(sent, actor, action, expected):
    assert _fix(sent, actor, action) == expected


def test_refine_keeps_correct_spans():
    """Spans that already are whole words and follow the guide are returned unchanged."""
    sent = "用户好感度因此上升8.4%。"
    assert _fix(sent, "用户好感度", "上升") == ("用户好感度", "上升")
    sent = "同时,我们投入超8000万元抽检资金,与瑞士通用公证行(SGS)等11家权威第三方机构合作。"
    assert _fix(sent, "我们", "投入") == ("我们", "投入")


def test_one_character_actions_grow_only_when_truncated():
    """盖 is part of 覆盖 (grown); 占 is a whole action in the train split (kept); a longer
    action is never grown into a jieba word that glues an object (侵吞公款, train split)."""
    sent = "在保障用户退换货体验方面,“极速退”服务已覆盖88%的售后订单。"
    assert _fix(sent, "", "盖") == ("", "覆盖")
    sent = "公路/街道29623例占31.60%;"
    assert _fix(sent, "公路/街道", "占") == ("公路/街道", "占")
    sent = "张泽田侵吞公款４３８７５０元，收受贿赂３８２５０元。"
    assert _fix(sent, "张泽田", "侵吞") == ("张泽田", "侵吞")


def test_one_character_split_needs_a_word_edge():
    """3b splits only at jieba word edges: 有 inside 有限 (a company name) is not a predicate."""
    sent = "北京同仁堂股份有限公司营业收入约1456.29万元。"
    assert _fix(sent, "北京同仁堂股份有限公司", "") == ("北京同仁堂股份有限公司", "")


@pytest.mark.parametrize("sent, actor, action, expected", [
    # rules 9-10 (session-4 train gold, annotators C/D; the shipped tagger's spans, unseen sentences)
    ("阿比托说，１９９７年的工业增长率为５．７％；", "的工业增长率", "为", ("工业增长率", "为")),
    ("其中，交通管理方面约占上周工单总量的30.7%，集中在出租车运营不规范。", "交通管理方面约", "占", ("交通管理方面", "占")),
    ("采掘、建筑材料、通信等6个行业，亏损面均超过10%。", "亏损面均", "超过", ("亏损面", "超过")),
    ("１９９７年的出口增长从１９９６年的９．３％上升到１５．２％，进口则从２０．１％下降到８．７％。", "进口则", "下降到",
     ("进口", "下降到")),
    ("安塞、宜川、志丹、子长、延川等地公安机关先后破获新闻敲诈类刑事案件二十余起", "安塞、宜川、志丹、子长、", "破获",
     ("安塞、宜川、志丹、子长", "破获")),
    # a quoted name keeps its quotes; a last character inside a word is not an adverb (首都)
    ("“两税”完成２８４２亿元，比上年增长１４％。", "“两税”", "完成", ("“两税”", "完成")),
    ("首都都完成了５０亿元投资。", "首都", "完成", ("首都", "完成")),
])
def test_actor_edges_trimmed(sent, actor, action, expected):
    assert _fix(sent, actor, action) == expected


def test_nominalised_verb_ending_the_actor_is_not_split():
    """Rule 3 needs an object after the verb: 民间固定资产投资 (train, inews) is one NP."""
    lex = {**LEXICON, "action": LEXICON["action"] + ["投资"]}
    sent = "分地区看，东部地区民间固定资产投资75549亿元，同比增长11.2%；"
    a = _span(sent, "东部地区民间固定资产投资", "ACTOR")
    a2, c2 = refine_roles(sent, a, None, lex, words_of(sent))
    assert (sent[a2.start:a2.end], c2) == ("东部地区民间固定资产投资", None)


def test_result_complement_joins_the_action():
    """Guide "Verb + complement stays whole": 提高 + 到 -> 提高到 (only when 到 is a word of its own)."""
    sent = "全省城乡居民基础养老金最低标准提高到每人每月88元。"
    assert _fix(sent, "", "提高") == ("", "提高到")
    sent = "各项措施全部到位资金3亿元。"
    assert _fix(sent, "", "全部") == ("", "全部")   # 到位 is one word: no complement


def test_grown_action_cuts_the_actor():
    """The lexicon grows 达 to 高达 after the refine rules; the actor then loses its 高."""
    from nlp.extract.model import assemble

    sent = "１９９６年，该院查处国有资产流失罪案４８件，流失的国有资产高达４０００万元；"
    a, c = _span(sent, "流失的国有资产高", "ACTOR"), _span(sent, "达", "ACTION")
    q, u = _span(sent, "４０００万", "QUANTITY"), _span(sent, "元", "UNIT", 0)
    u = Span(q.end, q.end + 1, "UNIT")
    (t,) = assemble(sent, [a, c, q, u], {q.start: {"actor": (a, 1.0), "action": (c, 1.0)}},
                    {"action": ["高达"], "unit": [], "action1": ["达"]})
    assert (t.actor, t.action, t.quantity, t.unit) == ("流失的国有资产", "高达", "４０００万", "元")


def test_indicator_names_are_not_split():
    """An indicator NP ending in 率 keeps its inner verb (guide: indicator names are verbless)."""
    sent = "2017年自杀死亡率4.32/10万，较2016年下降18.80%。"
    assert _fix(sent, "自杀死亡率", "") == ("自杀死亡率", "")


def test_one_character_fragments_are_dropped_but_pronouns_kept():
    sent = "赴港澳地区旅游３８万人次。"
    assert _fix(sent, "赴", "旅游") == ("", "旅游")
    sent = "它覆盖了１２个省。"
    assert _fix(sent, "它", "覆盖") == ("它", "覆盖")


def _docs(split: str) -> set[str]:
    with open(CORPUS / f"{split}.jsonl", encoding="utf-8") as fh:
        return {json.loads(line)["id"].rsplit("-s", 1)[0] for line in fh if line.strip()}


@pytest.mark.skipif(not (CORPUS / "silver.jsonl").exists(), reason="silver corpus not built")
def test_silver_corpus_is_outside_gold_and_held_out_documents():
    """Silver sentences (as training loads them) come from no gold document and never from inews test articles;
    every field is a substring of its sentence."""
    from nlp.extract.silver import load_silver

    gold = _docs("train") | _docs("dev") | _docs("test")
    recs = load_silver()   # what training reads: documents that became gold later are dropped
    assert len(recs) > 100
    assert sum(1 for r in recs if r["tuples"]) > 0.5 * len(recs)
    for r in recs:
        assert r["doc"] not in gold
        assert not r["doc"].startswith("inews-test-")
        for t in r["tuples"]:
            assert all(t[f] in r["text"] for f in ("actor", "action", "quantity", "unit"))
            assert t["quantity"]


# rule 19 (session 7): the session-6 tagger's actions on dev/dev2 sentences, after the lexicon growth
TRIM_LEXICON = {"action": ["批准", "亏损", "押解", "退还给", "处罚", "超过", "送给"], "action1": ["占", "处", "卖"]}


@pytest.mark.parametrize("sent, action, expected", [
    # dative 给 (dev gold of annotator B: 退还 / 卖), also when the lexicon holds annotator E's 退还给
    ("2016年9月，顾虎刚因害怕被查处而将10万元现金退还给", "退还给", "退还"),
    ("被告人李某利用网店以高浓缩洗衣液的名义，以400元的价格卖给", "卖给", "卖"),
    # aspect marker / directional complement after a train action word
    ("137家公司亏损过", "亏损过", "亏损"),
    ("批准去香港、澳门８２．１万人次，批准去台湾５．７万人次。", "批准去", "批准"),
    # the action's end inside the next word (占|上周, 押解|回渝)
    ("其中市场监管方面约占上周工单总量的7.5%，集中在商品质量。", "占上", "占"),
    ("目前，依法押解回渝的36人已被依法刑事拘留。", "押解回", "押解"),
    # 并处罚金: 处 + object 罚金
    ("段文杰犯诈骗罪，获刑七年，并处罚金20万元。", "处罚", "处"),
])
def test_action_tails_trimmed(sent, action, expected):
    from nlp.extract.refine import trim_action

    c = trim_action(sent, _span(sent, action, "ACTION"), TRIM_LEXICON, words_of(sent))
    assert sent[c.start:c.end] == expected


@pytest.mark.parametrize("sent, action", [
    ("建筑材料等6个行业亏损超过100亿元。", "超过"),        # a train action word ending in 过 stays
    ("全市共向困难群众供给粮食３００吨。", "供给"),          # 给 inside the word
    ("公司对违规者处罚２０万元。", "处罚"),                  # 处罚 not followed by 金
])
def test_action_words_kept_whole(sent, action):
    from nlp.extract.refine import trim_action

    c = _span(sent, action, "ACTION")
    assert trim_action(sent, c, TRIM_LEXICON, words_of(sent)) == c


def test_one_character_action_no_annotator_used_is_dropped():
    from nlp.extract.refine import trim_action

    # dev gold (annotator A): 总产量逾８５．２亿公斤 is verbless; 逾 is a qualifier, not a predicate
    sent = "１９９７年的总产量逾８５．２亿公斤，比上年增长１０％。"
    assert trim_action(sent, _span(sent, "逾", "ACTION"), TRIM_LEXICON, words_of(sent)) is None
    sent = "全市投放价格调节基金３０００多万元，占全部资金的一半。"      # 占 is a train action
    c = _span(sent, "占", "ACTION")
    assert trim_action(sent, c, TRIM_LEXICON, words_of(sent)) == c


@pytest.mark.parametrize("sent, expected", [
    # the guide's own example (seed 000/003): the light verb carries 专项治理, its head is the action
    ("此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。", "治理"),
    # dev2 pd-615-s4: the object's head is a noun-tagged verbal noun after a long 的-modifier
    ("当时，自治区在中卫县进行了粮食、水果、辣椒、养殖等８类产品生产、加工、销售一体化经营的试点。", "试点"),
    # train gold (annotator B): 开展 with no object in its clause stays the action
    ("据肖亚庆介绍，目前试点已在18家中央企业母公司和29户子公司全面开展，18家试点中央企业母公司实现利润增长", "开展"),
    # 给予 + recipient + amount: the clause ends in the classifier 元, so the light verb stays
    ("先后多次给予上述人员共计人民币1278万元。", "给予"),
])
def test_light_verb_gives_its_verbal_noun(sent, expected):
    """Rule 21: a light-verb action is replaced by the head of its object when that is a (verbal) noun."""
    from nlp.extract.refine import light_verb_noun

    verb = next(v for v in ("进行", "开展", "给予") if v in sent)
    st = sent.index(verb)
    got = light_verb_noun(sent, Span(st, st + 2, "ACTION"))
    assert sent[got.start:got.end] == expected
