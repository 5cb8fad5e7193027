"""Sentence splitting for extraction (ANNOTATION.md: a sentence ends at 。！？； or a line break)."""
from __future__ import annotations

import pytest

from nlp.extract.sentences import sentences, split_sentences


@pytest.mark.parametrize("text,expected", [
    # seed 003 sentences: ， and ： never split; the terminator stays with its sentence
    ("用户好感度因此上升8.4%。其中,处罚虚假宣传创作者46251人、卖惨营销创作者2864人。",
     ["用户好感度因此上升8.4%。", "其中,处罚虚假宣传创作者46251人、卖惨营销创作者2864人。"]),
    ("报告显示：平台处罚97.1万人；封禁27.6万人次！真的吗？",
     ["报告显示：平台处罚97.1万人；", "封禁27.6万人次！", "真的吗？"]),
    # closing quotes and brackets after the terminator belong to the sentence
    ("他说：“我们投入超8000万元。”随后离开。", ["他说：“我们投入超8000万元。”", "随后离开。"]),
    ("（数据来源：统计局。）下一句", ["（数据来源：统计局。）", "下一句"]),
    # runs of terminators and ellipses
    ("真的吗？！是的……。好", ["真的吗？！", "是的……。", "好"]),
    # line breaks end sentences; whitespace around spans is excluded
    ("  第一行没有句号\n\n   第二行。  \r\n第三行 ", ["第一行没有句号", "第二行。", "第三行"]),
    # ASCII terminators split, except inside URLs / entities
    ("Really? Yes! 访问 a.php?id=3 看看; 好", ["Really?", "Yes!", "访问 a.php?id=3 看看;", "好"]),
    # decimals are not sentence ends
    ("增长7.6%，高于全国1.7个百分点。", ["增长7.6%，高于全国1.7个百分点。"]),
    ("", []),
    ("\n \n", []),
])
def test_sentences_split(text, expected):
    assert sentences(text) == expected


def test_sentences_spans_index_the_text():
    text = "  平台全年累计处罚违规创作者97.1万人。\n 1.1万人被永久关闭电商权限！ "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["平台全年累计处罚违规创作者97.1万人。", "1.1万人被永久关闭电商权限！"]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_sentences_min_chars_drops_short_ones():
    text = "好。平台处罚97.1万人。是！"
    assert sentences(text, min_chars=6) == ["平台处罚97.1万人。"]
