"""Rule baseline, predict() and the extract stage, on the guide's worked examples and tricky sentences.

Loads the shipped pkuseg model (models/pkuseg) and LAC once per module (a few seconds).
"""
from __future__ import annotations

import pytest

from nlp.errors import ConfigError
from nlp.extract import get_extractor, predict
from nlp.extract.baseline import find_quantities
from nlp.extract.segment import MODEL_DIR

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "weights.npz").exists(), reason="models/pkuseg not built")


def _qu(text):
    return [(m.quantity, m.unit) for m in find_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人,1.1万人被永久关闭电商权限。",
     [("97.1万", "人"), ("8484", "人"), ("1.1万", "人")]),           # 百万 only modifies 粉丝
    ("同时,我们投入超8000万元抽检资金,与瑞士通用公证行(SGS)等11家权威第三方机构合作。",
     [("8000万", "元"), ("11", "家")]),                                 # magnitude in the quantity
    ("快手电商全年共处罚商家和主播65.7万人次。", [("65.7万", "人次")]),
    ("增速同比提高3.7个百分点。", [("3.7", "个百分点")]),                # 个百分点 is the unit
    ("疑似假货订单低于万分之一。", [("万分之一", "")]),
    ("封杀了上万个销售侵权商品的店铺。", [("万", "个")]),
    ("每平方米均价为3至5万元/平方米。", [("3至5万", "元/平方米")]),
    ("造成两人死亡、五人受伤。", [("两", "人"), ("五", "人")]),
])
def test_baseline_finds_reported_quantities(text, expected):
    assert _qu(text) == expected


@pytest.mark.parametrize("text", [
    "2月28日,我们发布了《2021抖音电商消费者权益保护年度报告》。",     # date, year, title
    "可拨打12122电话报警，或发送短信至18632178888。",                  # hotline, phone number
    "该公司连续3年获评第一，排名前三。",                                # 连续N年, ordinal, rank
    "近两年来，5G网络覆盖80后和90后。",                                 # time frame, names/labels
    "驾驶员赵某，32岁，2017-08-13被查获。",                             # age, date code
    "这是一批货物之一。",                                               # article 一
])
def test_baseline_skips_distractors(text):
    assert _qu(text) == []


@pytest.fixture(scope="module")
def tuples_of():
    ext = get_extractor("baseline")

    def run(text):
        (out,) = ext.predict([text])
        return [(t.actor, t.action, t.quantity, t.unit) for t in out]
    return run


@pytest.mark.parametrize("text,expected", [
    # ANNOTATION.md worked examples the baseline must keep getting right
    ("用户好感度因此上升8.4%。", ("用户好感度", "上升", "8.4", "%")),
    ("平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人,1.1万人被永久关闭电商权限。",
     ("平台", "处罚", "97.1万", "人")),
    ("平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人,1.1万人被永久关闭电商权限。",
     ("平台", "关闭", "1.1万", "人")),                                   # passive without agent: agent carried
    ("此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。", ("我们", "治理", "28", "次")),
    ("同时,我们投入超8000万元抽检资金,与瑞士通用公证行(SGS)等11家权威第三方机构合作。",
     ("我们", "投入", "8000万", "元")),
    ("平台还协助有关部门,线下打击假冒名牌服装、盗版图书等侵权案件17起,抓捕150名犯罪嫌疑人,涉案金额超2.6亿元。",
     ("涉案金额", "", "2.6亿", "元")),                                   # 超 is a qualifier, no verb
    ("其中,处罚虚假宣传创作者46251人、卖惨营销创作者2864人。", ("", "处罚", "2864", "人")),  # coordination
    ("消费者满意度超过80%。", ("消费者满意度", "超过", "80", "%")),        # 超过 as the only predicate
])
def test_baseline_worked_examples(tuples_of, text, expected):
    assert expected in tuples_of(text)


def test_baseline_change_predicate_carries_previous_actor(tuples_of):
    got = tuples_of("中部地区48845亿元，增长16%，增速回落0.6个百分点；")
    assert ("中部地区", "", "48845亿", "元") in got
    assert ("中部地区", "增长", "16", "%") in got
    assert ("增速", "回落", "0.6", "个百分点") in got


def test_baseline_value_and_qualifier(tuples_of):
    ext = get_extractor("baseline")
    (out,) = ext.predict(["全年拦截违规商品发布超9100万次,涉案金额近16.4亿元。"])
    by_q = {t.quantity: t for t in out}
    assert by_q["9100万"].value == 91000000.0 and by_q["9100万"].qualifier == ">"
    assert by_q["16.4亿"].value == 1640000000.0 and by_q["16.4亿"].qualifier == "~"


def test_predict_offsets_index_sentence_and_text():
    text = "报告发布。\n用户好感度因此上升8.4%。消费者满意度超过80%。"
    tuples = predict(text)
    assert [t.quantity for t in tuples] == ["8.4", "80"]
    for t in tuples:
        s, e = t.offsets["text"]
        assert text[s:e] == t.sentence
        for f in ("actor", "action", "quantity", "unit"):
            span = t.offsets[f]
            assert (t.sentence[span[0]:span[1]] if span else "") == getattr(t, f)
    many = predict(["用户好感度因此上升8.4%。", "2021年1月1日起施行。"])
    assert len(many) == 2 and many[1] == [] and many[0][0].unit == "%"


def test_predict_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="Unknown extraction backend"):
        predict("用户好感度上升8.4%。", backend="nope")


def test_extract_stage_maps_offsets_to_raw_page():
    """The raw span of a quantity is the number as the user sees it, Traditional page included."""
    from nlp.pipeline import Pipeline

    raw = "<p>快手電商全年共處罰商家和主播65.7萬人次。</p>"
    doc = Pipeline(stages=["convert", "extract"]).run(raw, id="t")
    assert doc.status == "ok", doc.error
    (t,) = [t for t in doc.tuples if t.unit == "人次"]
    assert (t.quantity, t.value) == ("65.7万", 657000.0)
    s, e = t.offsets["raw"]["quantity"]
    assert doc.raw[s:e] == "65.7萬"
    s, e = t.offsets["raw"]["action"]
    assert doc.raw[s:e] == "處罰"


def test_segment_model_loads_offline_and_is_compact():
    from nlp.extract.segment import load_spacy, segment

    nlp = load_spacy()
    text = "两起案件涉嫌走私鲜活海鲜17万余只，涉案案值达人民币1.68亿元。"
    words = [text[s:e] for s, e in segment(nlp, text)]
    assert "1.68亿" in words and "涉嫌" in words and "走私" in words
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 15 * 1024 * 1024
