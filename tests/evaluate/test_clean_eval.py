"""Scorer of the clean stage (nlp/evaluate/clean.py): hand-computed values on tiny
gold/pred pairs, then the issue-8 claim on real pages: the naive baseline keeps a high
char F1 while reproducing far fewer paragraphs exactly than gold does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.evaluate.clean import (evaluate, format_table, lcs_align, micro, naive_baseline, raw_boilerplate_lines,
                                score_page)

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "corpora" / "clean" / "seeds"
HELDOUT = ROOT / "corpora" / "clean" / "heldout"


# --- alignment -------------------------------------------------------------
def _lcs_len_dp(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for ca in a:
        prev = 0
        for j, cb in enumerate(b, 1):
            cur = row[j]
            row[j] = prev + 1 if ca == cb else max(row[j], row[j - 1])
            prev = cur
    return row[-1]


@pytest.mark.parametrize("a,b,n", [
    ("ABCBDAB", "BDCABA", 4),          # textbook example (CLRS 15.4): BCBA
    ("抖音客服电话消费者", "消费者", 3),
    ("全年支付1.8亿元", "全年支付超1.8亿元", 9),
    ("", "任何", 0),
    ("甲乙", "丙丁", 0),
])
def test_lcs_length_and_pairs(a, b, n):
    pairs = lcs_align(a, b)
    assert len(pairs) == n
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(pairs, pairs[1:]))


def test_lcs_matches_dynamic_programming_on_real_lines():
    gold = (SEED_GOLD / "001_82c89dc18d0e97ac.txt").read_text(encoding="utf-8").splitlines()
    for a, b in [(gold[1], gold[2]), (gold[3][:300], gold[1] + gold[3][:120]), (gold[0], gold[0][::-1])]:
        assert len(lcs_align(a, b)) == _lcs_len_dp(a, b)


# --- one page, hand-computed -------------------------------------------------
def test_score_page_hand_computed():
    gold = "标题\n第一段。\n第二段，内容。\n"      # 2 + 4 + 7 = 13 chars
    pred = "标题\n第一段。\n第二段内容。\n广告位招租\n"  # 2 + 4 + 6 + 5 = 17 chars
    s = score_page(gold, pred, raw_boilerplate=4)
    assert (s["chars_gold"], s["chars_pred"], s["chars_aligned"]) == (13, 17, 12)  # only ， unmatched
    assert s["precision"] == pytest.approx(12 / 17)
    assert s["recall"] == pytest.approx(12 / 13)
    assert s["f1"] == pytest.approx(24 / 30)   # 2PR/(P+R) = 2*12/(17+13)
    assert s["exact_lines"] == 2 and s["exact_rate"] == pytest.approx(2 / 3)
    assert s["lost_lines"] == 0                 # line 3 has 6/7 chars aligned
    assert s["pred_boiler_lines"] == 1 and s["boiler_rate"] == pytest.approx(0.25)


def test_lost_line_and_injected_keyword():
    gold = "甲乙丙丁。\n戊己庚辛壬癸。\n"           # 5 + 7 chars
    pred = "甲乙丙客服电话丁。\n"                  # keyword left inside the only kept line
    s = score_page(gold, pred)
    assert s["chars_aligned"] == 5
    assert s["recall"] == pytest.approx(5 / 12) and s["precision"] == pytest.approx(5 / 9)
    assert s["exact_lines"] == 0                # an injected keyword breaks the exact match
    assert s["lost_lines"] == 1 and s["lost_rate"] == pytest.approx(0.5)
    assert s["pred_boiler_lines"] == 0          # 5 of its 9 chars are gold
    assert s["boiler_rate"] is None             # no raw page given


def test_exact_lines_are_a_multiset_and_whitespace_is_ignored():
    gold = "重复段落。\n重复段落。\n"
    assert score_page(gold, "  重复段落。 \n\n")["exact_lines"] == 1
    assert score_page(gold, "重复段落。\n重复段落。\n")["exact_rate"] == 1.0


def test_micro_sums_counts_before_dividing():
    a = score_page("一二三四五六七八九十\n", "一二三四五六七八九十\n")  # 10/10
    b = score_page("甲乙\n", "")                                        # 0/2
    m = micro([a, b])
    assert m["recall"] == pytest.approx(10 / 12)   # not the mean of 1.0 and 0.0
    assert m["exact_rate"] == pytest.approx(1 / 2)


def test_naive_baseline_keeps_long_punctuated_lines_in_simplified():
    raw = ("首頁 財經 科技\n"
           "這是一個足夠長的段落，包含中文標點符號，應該被保留下來。\n"   # 28 chars, punctuated
           "沒有標點符號的很長很長很長很長很長很長很長很長的一行文字\n"       # long, no punctuation
           "短句，有標點。\n").encode("big5")
    assert naive_baseline(raw) == "这是一个足够长的段落，包含中文标点符号，应该被保留下来。\n"


def test_raw_boilerplate_lines_hand_counted():
    raw = "<div class=\"nav\">\n首页 新闻 体育\n<p>第一段正文内容。</p>\n版权所有 2024\n"
    gold = "第一段正文内容。\n"
    # the markup-only line, the nav line and the footer line; the <p> line is gold
    assert raw_boilerplate_lines(raw, gold) == 3


def test_evaluate_directories(tmp_path):
    gold, pred, raw = tmp_path / "gold", tmp_path / "pred", tmp_path / "raw"
    for d in (gold, pred, raw):
        d.mkdir()
    (gold / "p1.gold.txt").write_text("标题一\n正文第一段，内容完整。\n", encoding="utf-8")
    (gold / "p2.gold.txt").write_text("标题二\n另一篇的正文段落。\n", encoding="utf-8")
    (raw / "p1.raw.txt").write_bytes("网站首页\n标题一\n正文第一段，内容完整。\n".encode("gbk"))
    (raw / "p2.raw.txt").write_text("标题二\n另一篇的正文段落。\n热门排行\n", encoding="utf-8")
    (pred / "p1.txt").write_text("标题一\n正文第一段，内容完整。\n", encoding="utf-8")
    (pred / "zz.txt").write_text("无主预测\n", encoding="utf-8")
    res = evaluate(gold, pred, raw)
    assert res["missing"] == ["p2"] and res["extra"] == ["zz"]
    p1, p2 = res["pages"]
    assert p1["pred"]["f1"] == 1.0 and p1["pred"]["raw_boiler_lines"] == 1
    assert p2["pred"]["recall"] == 0.0 and p2["pred"]["lost_rate"] == 1.0
    o = res["overall"]["pred"]
    assert o["exact_rate"] == pytest.approx(2 / 4)
    table = format_table(res)
    assert "OVERALL" in table and "p2 (no pred)" in table and "missing predictions (1): p2" in table


# --- real pages: gold scores perfectly, the naive baseline does not ---------------
def _copy_gold(src: Path, pattern: str, dst: Path, suffix: str) -> None:
    for f in src.glob(pattern):
        (dst / (f.name[: -len(suffix)] + ".txt")).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")


def test_seeds_gold_perfect_naive_below(tmp_path):
    _copy_gold(SEED_GOLD, "*.txt", tmp_path, ".txt")
    res = evaluate(SEED_GOLD, tmp_path, ROOT / "seeds")
    gold, naive = res["overall"]["pred"], res["overall"]["baseline"]
    assert (gold["f1"], gold["exact_rate"], gold["lost_rate"], gold["boiler_rate"]) == (1.0, 1.0, 0.0, 0.0)
    assert naive["exact_rate"] < 0.8 < naive["f1"]   # measured 0.45 / 0.85
    assert naive["exact_rate"] < gold["exact_rate"]


def test_heldout_naive_flattered_by_char_f1(tmp_path):
    _copy_gold(HELDOUT, "*.gold.txt", tmp_path, ".gold.txt")
    res = evaluate(HELDOUT, tmp_path, HELDOUT)
    gold, naive = res["overall"]["pred"], res["overall"]["baseline"]
    assert gold["exact_rate"] == 1.0 and gold["boiler_rate"] == 0.0
    assert naive["exact_rate"] < 0.9 and naive["f1"] - naive["exact_rate"] > 0.1   # measured 0.62 / 0.83
    assert naive["boiler_rate"] > 0.02


def test_read_pred_jsonl_ignores_cleaned_gold_and_manifest(tmp_path):
    """`zhie clean corpora/clean/dev/` cleans every file of the folder; only the raw
    pages' records are predictions, whatever their order."""
    from nlp.evaluate.clean import read_pred

    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "corpora/clean/dev/d001.raw.txt", "text": "清洗结果"},
        {"id": "corpora/clean/dev/d001.gold.txt", "text": "金标准"},
        {"id": "d001", "text": None, "source": "corpora/clean/dev/manifest.jsonl", "error": "E101"},
    ]) + "\n", encoding="utf-8")
    assert read_pred(out) == {"d001": "清洗结果"}
