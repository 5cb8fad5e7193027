"""Sentence-level actor rules over assembled tuples (nlp.extract.refine.carry_actors).

Sentences are real dev-split gold sentences where the session-5 tagger linked exactly these
spans (models/extract/README.md, session 5 assembly); expected actors are the gold ones.
"""
from __future__ import annotations

from nlp.document import Tuple
from nlp.extract.labels import Span
from nlp.extract.model import assemble
from nlp.extract.refine import carry_actors


def _t(sent: str, quantity: str, actor: str, action: str, *, nth: int = 0) -> Tuple:
    """A tuple with offsets; actor/action are looked up in the quantity's neighbourhood."""
    q = -1
    for _ in range(nth + 1):
        q = sent.index(quantity, q + 1)
    off = {"quantity": [q, q + len(quantity)]}
    c = sent.rindex(action, 0, q) if action else -1
    if action:
        off["action"] = [c, c + len(action)]
    if actor:
        a = sent.rindex(actor, 0, q) if actor in sent[:q] and actor not in sent[c + 1:q] else sent.index(actor, c + 1)
        off["actor"] = [a, a + len(actor)]
    return Tuple(actor=actor, action=action, quantity=quantity, unit="", sentence=sent, offsets=off)


def test_object_after_action_is_not_the_actor_and_the_agent_is_carried():
    # seed-002-s44 (dev): 店铺 is 清退's object; the agent of the first clause (平台) is carried
    s = "平台全年主动删除涉假商品链接超80万条,清退店铺超6万家,处罚违规创作者账号超6万个。"
    ts = [_t(s, "80万", "平台", "删除"), _t(s, "6万", "店铺", "清退"), _t(s, "6万", "平台", "处罚", nth=1)]
    assert [t.actor for t in carry_actors(s, ts)] == ["平台", "平台", "平台"]


def test_object_after_action_without_an_earlier_agent_gives_empty_actor():
    # pd-17767-s3 (dev): 我国公民 is 批准's object and no earlier clause has an agent
    s = "新华社北京１月２６日电据公安部出入境管理局统计，１９９７年共批准我国公民因私出国出境２５６万人次，比１９９６年增加７％，创历史最高纪录。"
    out = carry_actors(s, [_t(s, "２５６万", "我国公民", "批准")])
    assert out[0].actor == "" and "actor" not in out[0].offsets


def test_existential_you_keeps_the_counted_noun_after_it():
    # guide "Existential 有": the counted noun after the number is the actor
    s = "已有超过30万的商家为消费者提供“安心购”9大权益服务。"
    t = _t(s, "30万", "商家", "有")
    assert carry_actors(s, [t])[0].actor == "商家"


def test_actor_before_action_untouched():
    s = "平台全年主动删除涉假商品链接超80万条,清退店铺超6万家,处罚违规创作者账号超6万个。"
    t = _t(s, "80万", "平台", "删除")
    assert carry_actors(s, [t]) == [t]


def test_change_predicate_takes_the_preceding_clause_actor_not_its_object():
    # pd-637-s9 (dev): the link head chose the whole first clause's NP for 提高; gold 家庭农场
    s = "１９９７年，家庭农场投入生产费用４８．７亿元，比上年提高３９％。"
    ts = [_t(s, "４８．７亿", "家庭农场", "投入"), _t(s, "３９", "家庭农场投入生产费用", "提高")]
    assert [t.actor for t in carry_actors(s, ts)] == ["家庭农场", "家庭农场"]


def test_change_predicate_carries_an_empty_actor():
    # pd-17767-s4 (dev); GUIDE_NOTES decision 1: an intransitive change predicate carries "" too
    s = "其中，批准出国１６８．３万人次，比上年增加１３％；"
    ts = [_t(s, "１６８．３万", "", "批准"), _t(s, "１３", "批准出国", "增加")]
    assert [t.actor for t in carry_actors(s, ts)] == ["", ""]


def test_change_predicate_with_actor_in_its_own_clause_untouched():
    s = "截至１９９７年底，各类责任准备金积累比１９９６年增加１１９亿元，增长２０％；"
    t = _t(s, "１１９亿", "各类责任准备金积累", "增加")
    assert carry_actors(s, [t]) == [t]


def _at(sent: str, quantity: str, unit: str, action: str) -> Tuple:
    """A tuple with no actor: quantity, unit right after it, and the action after them."""
    q = sent.index(quantity)
    off = {"quantity": [q, q + len(quantity)]}
    if unit:
        off["unit"] = [q + len(quantity), q + len(quantity) + len(unit)]
    c = sent.index(action, q + len(quantity) + len(unit))
    off["action"] = [c, c + len(action)]
    return Tuple(actor="", action=action, quantity=quantity, unit=unit, sentence=sent, offsets=off)


def test_number_inside_the_subject_gives_the_counted_noun():
    # pd-7261-s39 (dev2): gold (金融公司, 关门, ５６, 家)
    s = "大批企业破产倒闭，５６家金融公司关门……"
    assert carry_actors(s, [_at(s, "５６", "家", "关门")])[0].actor == "金融公司"


def test_counted_noun_drops_a_time_word_before_the_verb():
    # inews-train-138-s32 (dev2): gold (公司, 亏损, 7, 家)
    s = "其中，有38家在2018年一季度还在继续亏损，7家公司一季度亏损过亿，有华东科技、同方股份这样的科技股，也有房地产公司嘉凯城。"
    assert carry_actors(s, [_at(s, "7", "家", "亏损")])[0].actor == "公司"


def test_passive_or_prepositional_counted_noun_is_not_the_actor():
    # inews-dev-613-s1 (dev): gold actor "" (被: a patient); guide: 162例在院接受治疗 has no subject
    s = "12月17日，已被刑事拘留的4名犯罪嫌疑人被押解返兰。"
    assert carry_actors(s, [_at(s, "4", "名", "押解")])[0].actor == ""
    s = "其中162例在院接受治疗。"
    assert carry_actors(s, [_at(s, "162", "例", "治疗")])[0].actor == ""


def test_prepositions_and_conjunctions_trimmed_from_the_actor_edges():
    # inews-dev-301-s1 (dev2): the tagger's actor 法院以 (以 a preposition): gold 法院
    s = ("近日，这起由浙江省杭州市萧山区检察院提起的杭州市首例食品安全领域公益诉讼案件一审宣判，"
         "法院以生产、销售有毒、有害食品罪判处张某等6人有期徒刑一年零三个月到四年不等。")
    assert carry_actors(s, [_t(s, "6", "法院以", "判处")])[0].actor == "法院"
    # pd-19344-s4 (dev2): leading conjunction 由于 (a leading preposition stays: 通过香港的转口贸易)
    s = "菲经济发展部长阿比托在新闻发布会上说，尽管去年的国际收入大幅度减少，由于国内生产总值保持了５．１％的增长率。"
    assert carry_actors(s, [_t(s, "５．１", "由于国内生产总值", "保持")])[0].actor == "国内生产总值"


def test_noun_phrase_actor_keeps_its_words():
    # seed-002-s13 (dev): a quoted service name is a noun phrase; nothing to trim
    s = "在保障用户退换货体验方面,“极速退”服务已覆盖88%的售后订单,退款时长平均缩短12小时,用户售后满意度提升13%。"
    assert carry_actors(s, [_t(s, "13", "用户售后满意度", "提升")])[0].actor == "用户售后满意度"


def test_fenbie_tuples_share_one_actor():
    # inews-test-609-s9 (dev split, an inews test-page id): the link head left 40人 without actor
    s = ("与此同时，严肃整治各种铺张浪费问题，全省分别查处公款吃喝、公款旅游、违规配备使用公车、违规发放津补贴或福利"
         "23起、9起、94起、65起，分别处理40人、17人、108人、84人。")
    c = s.index("处理")
    ts = []
    for q, actor in (("40", ""), ("17", "全省"), ("108", "全省"), ("84", "全省")):
        k = s.index(q + "人")
        off = {"quantity": [k, k + len(q)], "unit": [k + len(q), k + len(q) + 1], "action": [c, c + 2]}
        if actor:
            off["actor"] = [s.index(actor), s.index(actor) + len(actor)]
        ts.append(Tuple(actor=actor, action="处理", quantity=q, unit="人", sentence=s, offsets=off))
    assert [t.actor for t in carry_actors(s, ts)] == ["全省"] * 4


def test_without_fenbie_actors_stay_apart():
    # inews-train-2656-s6 (dev2): one predicate per clause, different actors
    s = "麦德龙、华联、农工商、永旺关闭1家，乐购、新华都、世纪联华分别关闭2家，家乐福关闭3家。"
    ts = [_t(s, "1", "麦德龙、华联、农工商、永旺", "关闭"), _t(s, "2", "乐购、新华都、世纪联华", "关闭"),
          _t(s, "3", "家乐福", "关闭")]
    assert [t.actor for t in carry_actors(s, ts)] == ["麦德龙、华联、农工商、永旺", "乐购、新华都、世纪联华", "家乐福"]


def _sp(sent: str, text: str, typ: str, nth: int = 0) -> Span:
    k = -1
    for _ in range(nth + 1):
        k = sent.index(text, k + 1)
    return Span(k, k + len(text), typ)


def test_unlinked_quantity_takes_the_predicate_of_its_clause():
    # inews-test-609-s9 (dev): the link head linked no action to 65起 although 查处 governs the list
    s = ("与此同时，严肃整治各种铺张浪费问题，全省分别查处公款吃喝、公款旅游、违规配备使用公车、违规发放津补贴或福利"
         "23起、9起、94起、65起，分别处理40人、17人、108人、84人。")
    actor, act = _sp(s, "全省", "ACTOR"), _sp(s, "查处", "ACTION")
    q, u = _sp(s, "65", "QUANTITY"), _sp(s, "起", "UNIT", nth=3)
    out = assemble(s, [actor, act, q, u], {q.start: {"actor": (actor, 0.9), "action": (None, 0.6)}})
    assert (out[0].actor, out[0].action) == ("全省", "查处")


def test_unlinked_quantity_in_a_parenthesis_takes_no_predicate_from_outside():
    # train split (南宁警方, annotator B): 在逃人员52人 inside （…） is verbless; 抓获 is outside it
    s = "据统计，4月1日至5月8日，南宁警方共抓获各类通信网络犯罪嫌疑人114人（其中在逃人员52人，自首7人）、团伙9个；"
    act, actor = _sp(s, "抓获", "ACTION"), _sp(s, "在逃人员", "ACTOR")
    q, u = _sp(s, "52", "QUANTITY"), _sp(s, "人", "UNIT", nth=3)
    out = assemble(s, [act, actor, q, u], {q.start: {"actor": (actor, 0.9), "action": (None, 0.9)}})
    assert (out[0].actor, out[0].action) == ("在逃人员", "")


def test_verb_is_not_taken_across_a_comma():
    # inews-dev-613-s12 (dev): 受害人16位 is a verbless clause; 查实 sits in the clause before
    s = "已查实涉案金额近40万元，受害人16位。"
    act, actor, q = _sp(s, "查实", "ACTION"), _sp(s, "受害人", "ACTOR"), _sp(s, "16", "QUANTITY")
    out = assemble(s, [act, actor, q, _sp(s, "位", "UNIT")], {q.start: {"actor": (actor, 0.9), "action": (None, 0.9)}})
    assert (out[0].actor, out[0].action) == ("受害人", "")


def test_fragment_link_falls_back_to_the_next_candidate_of_the_clause():
    # pd-19344-s5 (dev2): the link head chose 的 (0.69) over 工业增长率 (0.31); gold 工业增长率
    s = "阿比托说，１９９７年的工业增长率为５．７％；"
    de, act, actor = _sp(s, "的", "ACTOR"), _sp(s, "为", "ACTION"), _sp(s, "工业增长率", "ACTOR")
    q, u = _sp(s, "５．７", "QUANTITY"), _sp(s, "％", "UNIT")
    links = {q.start: {"actor": (de, 0.69), "action": (act, 0.99),
                       "actor_ranked": [(de, 0.69), (actor, 0.31), (None, 0.0)]}}
    out = assemble(s, [de, actor, act, q, u], links)
    assert (out[0].actor, out[0].action) == ("工业增长率", "为")
    # a candidate the link head gave (almost) nothing is not a fallback
    links[q.start]["actor_ranked"] = [(de, 0.99), (actor, 0.01), (None, 0.0)]
    assert assemble(s, [de, actor, act, q, u], links)[0].actor == ""


def test_actor_stopping_short_of_its_head_noun_grows_to_the_word_end():
    # pd-15278-s3 (dev2): the tagger's 北京市红十字 ends inside 红十字会; gold 北京市红十字会
    from nlp.extract.refine import refine_roles, words_of

    s = "截至通知发出后的今天，中国红十字总会已收到中国红十字基金会捐助３０万元，上海市红十字会募集的１２０万元款物，北京市红十字会募集的５０万元。"
    a, c = _sp(s, "北京市红十字", "ACTOR"), _sp(s, "募集", "ACTION", nth=1)
    a2, c2 = refine_roles(s, a, c, {}, words_of(s))
    assert s[a2.start:a2.end] == "北京市红十字会"
    # a one-character fragment is not grown into a guessed word (it snaps back and is dropped)
    assert refine_roles(s, _sp(s, "北", "ACTOR"), c, {}, words_of(s))[0] is None


def test_adverbial_adjective_trimmed_from_the_actor_end():
    # inews-train-3409-s10 (dev): 段文杰积极 (积极/ad before the verb 退赔); gold 段文杰
    s = "案发后，段文杰积极退赔赃款170万元，富县医保办暂扣15万元，共计185万元。"
    assert carry_actors(s, [_t(s, "170万", "段文杰积极", "退赔")])[0].actor == "段文杰"


def test_indicator_name_ending_in_a_measure_noun_is_not_split():
    # inews-train-409-s2 (dev2): 执行到位总金额 is an indicator NP (verbless), not 执行 + 到位
    from nlp.extract.refine import refine_roles, words_of

    s = "据统计，今年来全市两级法院共执结各类案件21613件，执行到位总金额96.69亿元，执行标的到位率76.71%。"
    a, c = refine_roles(s, _sp(s, "执行到位总金额", "ACTOR"), None, {"action": ["执结", "到位", "执行"]}, words_of(s))
    assert (s[a.start:a.end], c) == ("执行到位总金额", None)


def test_leading_preposition_of_a_modifier_stays_in_the_actor():
    # train split (People's Daily): gold actor 通过香港的转口贸易
    s = "其余的为通过第三国（地区）的间接贸易，其中，通过香港的转口贸易为１８６．３亿美元，占与美双边贸易总额的３８％。"
    assert carry_actors(s, [_t(s, "１８６．３亿", "通过香港的转口贸易", "为", nth=0)])[0].actor == "通过香港的转口贸易"


def test_change_predicate_after_fenbie_is_not_carried_from_the_previous_clause():
    # train split: 分别 resolves parallel clauses respectively (GUIDE_NOTES "Actor")
    s = "公路客运量达到１１４亿人次，货运量９９亿吨，分别比上年增长２％和０．６％。"
    ts = [_t(s, "１１４亿", "公路客运量", "达到"), _t(s, "９９亿", "货运量", ""), _t(s, "２", "公路客运量", "增长")]
    assert carry_actors(s, ts)[2].actor == "公路客运量"


def _edges(s: str, quantity: str, actor: str, action: str) -> str:
    from nlp.extract.refine import actor_edges

    q = s.index(quantity)
    a = s.index(actor)
    c = s.index(action, a + len(actor))
    t = Tuple(actor=actor, action=action, quantity=quantity, unit="", sentence=s,
              offsets={"quantity": [q, q + len(quantity)], "actor": [a, a + len(actor)], "action": [c, c + len(action)]})
    out = actor_edges(s, [t])[0]
    assert s[slice(*out.offsets["actor"])] == out.actor
    return out.actor


def test_rule20_trailing_adverb_dropped():
    # pd-17767-s1 (dev): rule 14's counted noun ran on over the adverb 迅速 (guide: an actor has no adverbs)
    assert _edges("百万人次出国旅游商务活动迅速增加", "百万", "出国旅游商务活动迅速", "增加") == "出国旅游商务活动"


def test_rule20_locative_zhong_dropped():
    # inews-train-740-s9 (dev2): GUIDE_NOTES "Existential 有": the topic NP, locative 中 dropped
    s = "在丹东中院公布的另一起案件中，6名被告人中有4人的刑期二审后减少，减少幅度从1年到两年半不等。"
    assert _edges(s, "4", "被告人中", "有") == "被告人"

