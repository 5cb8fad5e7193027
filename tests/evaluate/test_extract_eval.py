"""Tuple scorer (nlp/evaluate/extract.py): every expected number below is computed by hand.

Gold (6 tuples, 4 sentences) vs prediction (7 scored tuples):

s1 seed   gold (平台,处罚,97.1万,人) (百万以上粉丝的,有,8484,人) (平台,关闭,1.1万,人)
          pred (平台,处罚,97.1万,人) x2 [one-to-one: the copy is spurious],
               ( 百万以上粉丝的 ,有,８４８４,人) [NFKC + trim: correct],
               (平台,封禁,1.1万,人) [wrong action]                     strict tp 2
s2 inews  gold (该市,招聘,十二,人) (该市,投入,1.8亿,元)
          pred (该市,招聘,12,人) (该市,投入,18000万,元)   strict tp 0, numeric tp 2
s3 inews  gold none; pred ("",施行,2021,年) [spurious]; pred text differs -> reported
s4 seed   gold (我们,治理,28,次); no prediction for the id -> reported, scored as missed
x-s9      prediction only -> reported, not scored

strict  tp 2: P 2/7, R 2/6, F1 2*2/(7+6) = 4/13
numeric tp 4: P 4/7, R 4/6, F1 8/13
actor   tp 5 (平台 x2, 百万以上粉丝的, 该市 x2): F1 10/13
action  tp 4 (处罚, 有, 招聘, 投入): F1 8/13
quantity tp 3 (97.1万, 8484, 1.1万): F1 6/13
unit    tp 5 (人 x3, 人, 元): F1 10/13
per source: seed gold 4 pred 4 strict tp 2 -> F1 0.5; inews gold 2 pred 3 strict 0, numeric 2 -> F1 4/5
"""
from __future__ import annotations

import json

import pytest

from nlp.errors import InputError
from nlp.evaluate.extract import evaluate, evaluate_records, format_table

S1 = "平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人,1.1万人被永久关闭电商权限。"
S2 = "该市共招聘志愿者十二人，投入资金1.8亿元。"
S3 = "2021年1月1日起施行。"
S4 = "此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。"


def T(actor, action, quantity, unit):
    return {"actor": actor, "action": action, "quantity": quantity, "unit": unit}


GOLD = [
    {"id": "s1", "source": "seed", "text": S1, "tuples": [
        T("平台", "处罚", "97.1万", "人"), T("百万以上粉丝的", "有", "8484", "人"), T("平台", "关闭", "1.1万", "人")]},
    {"id": "s2", "source": "inews", "text": S2, "tuples": [
        T("该市", "招聘", "十二", "人"), T("该市", "投入", "1.8亿", "元")]},
    {"id": "s3", "source": "inews", "text": S3, "tuples": []},
    {"id": "s4", "source": "seed", "text": S4, "tuples": [T("我们", "治理", "28", "次")]},
]
PRED = [
    {"id": "s1", "text": S1, "tuples": [
        T("平台", "处罚", "97.1万", "人"), T("平台", "处罚", "97.1万", "人"),
        T(" 百万以上粉丝的 ", "有", "８４８４", "人"), T("平台", "封禁", "1.1万", "人")]},
    {"id": "s2", "text": S2, "tuples": [T("该市", "招聘", "12", "人"), T("该市", "投入", "18000万", "元")]},
    {"id": "s3", "text": "2021年1月1日起施行", "tuples": [T("", "施行", "2021", "年")]},
    {"id": "x-s9", "text": "多出来的句子。", "tuples": [T("某", "做", "1", "个")]},
]


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path):
    return _write(tmp_path / "gold.jsonl", GOLD), _write(tmp_path / "pred.jsonl", PRED)


def test_extract_eval_hand_computed_scores(files, tmp_path):
    gold, pred = files
    res = evaluate(gold, pred, tmp_path / "errors.txt")
    assert res["strict"] == {"p": round(2 / 7, 4), "r": round(2 / 6, 4), "f1": round(4 / 13, 4)}
    assert res["numeric"] == {"p": round(4 / 7, 4), "r": round(4 / 6, 4), "f1": round(8 / 13, 4)}
    assert res["actor"]["f1"] == round(10 / 13, 4)
    assert res["action"]["f1"] == round(8 / 13, 4)
    assert res["quantity"] == {"p": round(3 / 7, 4), "r": 0.5, "f1": round(6 / 13, 4)}
    assert res["unit"]["f1"] == round(10 / 13, 4)
    assert set(res) >= {"strict", "numeric", "actor", "action", "quantity", "unit", "per_source"}
    assert all(set(res[k]) == {"p", "r", "f1"} for k in ("strict", "numeric", "actor", "action", "quantity", "unit"))


def test_extract_eval_per_source(files):
    res = evaluate(*files)
    seed, inews = res["per_source"]["seed"], res["per_source"]["inews"]
    assert seed["strict"]["f1"] == 0.5 and seed["numeric"]["f1"] == 0.5
    assert seed["counts"]["gold"] == 4 and seed["counts"]["pred"] == 4
    assert inews["strict"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert inews["numeric"]["f1"] == 0.8


def test_extract_eval_reports_mismatched_inputs(files):
    res = evaluate(*files)
    assert res["problems"] == {"missing_in_pred": ["s4"], "extra_in_pred": ["x-s9"], "text_mismatch": ["s3"]}
    table = format_table(res)
    assert "WARNING missing_in_pred: 1 (s4)" in table
    assert "WARNING extra_in_pred: 1 (x-s9)" in table


def test_extract_eval_one_to_one_matching():
    """A tuple predicted twice matches its gold tuple once (the copy is spurious)."""
    gold = [{"id": "a", "text": "x", "tuples": [T("我们", "投入", "8000万", "元")]}]
    pred = [{"id": "a", "text": "x", "tuples": [T("我们", "投入", "8000万", "元")] * 3}]
    res, rows = evaluate_records(gold, pred)
    assert res["strict"] == {"p": round(1 / 3, 4), "r": 1.0, "f1": 0.5}
    assert [r["kind"] for r in rows] == ["spurious", "spurious"]


def test_extract_eval_error_table(files, tmp_path):
    gold, pred = files
    res = evaluate(gold, pred, tmp_path / "errors.txt")
    assert res["counts"]["errors"] == {"wrong": 3, "spurious": 2, "missed": 1}
    text = (tmp_path / "errors.txt").read_text(encoding="utf-8")
    # the wrong-action pair is aligned to the tuple it resembles most, not to the duplicate
    assert "WRONG action: gold (平台 | 关闭 | 1.1万 | 人)  pred (平台 | 封禁 | 1.1万 | 人)" in text
    assert "SPURIOUS  (平台 | 处罚 | 97.1万 | 人)" in text
    assert "MISSED    (我们 | 治理 | 28 | 次)" in text
    assert S4 in text and S1 in text
    evaluate(gold, pred, tmp_path / "errors.tsv")
    rows = (tmp_path / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:3] == ["id", "source", "kind"]
    assert len(rows) == 1 + 6


def test_extract_eval_bad_json_line_names_file_and_line(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"id": "s1", "tuples": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"pred.jsonl:2"):
        evaluate(gold, bad)


def test_extract_eval_perfect_prediction_scores_one(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", GOLD)
    res = evaluate(gold, gold)
    assert all(res[k]["f1"] == 1.0 for k in ("strict", "numeric", "actor", "action", "quantity", "unit"))
    assert res["problems"] == {}
