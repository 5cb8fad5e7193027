"""The despin lexicon: flags, held-out pairs, matching behaviour of spinning tools (issue 4)."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.despin.lexicon import Lexicon, load_cached
from nlp.despin.spinner import load_table

TABLES = Path(__file__).resolve().parents[2] / "corpora" / "despin" / "tables"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_cached()


@pytest.mark.issue(4)
@pytest.mark.parametrize("form", ["现在", "环境", "结构", "管理", "标题", "部分", "发展"])
def test_lexicon_real_words_are_ambiguous(lexicon, form):
    """Spun forms that are common words are only reversed after the LM check."""
    assert lexicon.entries[form].real_word


@pytest.mark.issue(4)
@pytest.mark.parametrize("form", ["斲丧者", "陈诉", "权势巨子", "生意业务", "处理处罚"])
def test_lexicon_non_words_are_unambiguous(lexicon, form):
    assert not lexicon.entries[form].real_word


@pytest.mark.issue(4)
@pytest.mark.parametrize("table", ["dev.tsv", "test.tsv"])
def test_lexicon_lacks_the_novel_rows_of_the_evaluation_tables(table):
    """Held-out honesty: 'novel' spinning pairs are not in the first-pass lexicon.

    The second and third passes added ``table-k2``/``table-k3`` rows written from knowledge of spinning tools
    (blind to tables/test.tsv); some coincide with test 'novel' rows, and
    nlp.evaluate.despin reports recall on those separately. The message gives only a
    count, so a failure does not print held-out pairs.
    """
    pairs = Lexicon.load(exclude_sources=("table-k2", "table-k3")).pairs()
    novel = [(spun, orig) for orig, (spun, kind) in load_table(TABLES / table).items() if kind == "novel"]
    assert len(novel) >= 20
    clash = sum(1 for p in novel if p in pairs)
    assert clash == 0, f"{clash} novel rows of {table} are in the first-pass lexicon"


@pytest.mark.issue(4)
def test_lexicon_k2_rows_avoid_the_dev_novel_rows(lexicon):
    """The dev 'novel' rows measure unknown-pair handling during tuning: keep them unknown."""
    novel = [(spun, orig) for orig, (spun, kind) in load_table(TABLES / "dev.tsv").items() if kind == "novel"]
    assert not [p for p in novel if p in lexicon.pairs()]


@pytest.mark.issue(4)
def test_lexicon_dev_and_test_tables_are_disjoint():
    dev, test = load_table(TABLES / "dev.tsv"), load_table(TABLES / "test.tsv")
    assert not set(dev) & set(test)


@pytest.mark.issue(4)
@pytest.mark.parametrize("text,expected", [
    ("从购物体验、商风致量、内容生态", ["风致"]),          # cross-boundary: 商品质量 -> 商风致量
    ("停止现在,平台已推动", ["停止现在"]),                  # longest form wins
    ("提拔斲丧者体验", ["提拔", "斲丧者"]),
])
def test_lexicon_find_is_leftmost_longest_substring(lexicon, text, expected):
    assert [text[m.start:m.end] for m in lexicon.find(text)] == expected


@pytest.mark.issue(4)
def test_lexicon_chain_adds_first_step_original(lexicon):
    """使用 -> 利用 -> 操纵: 操纵 gets 使用 as a (chain-derived) candidate."""
    entry = lexicon.entries["操纵"]
    assert "使用" in entry.originals and entry.sources["使用"] == "chain-derived"
    assert set(lexicon.entries["斲丧"].originals) >= {"消费", "消耗"}


@pytest.mark.issue(4)
def test_lexicon_unambiguous_gate_ignores_real_words(lexicon):
    text = "目前环境管理现在发展,斲丧者陈诉"
    forms = [m.entry.spun for m in lexicon.find(text, unambiguous_only=True)]
    assert forms == ["斲丧者", "陈诉"]


@pytest.mark.issue(4)
def test_lexicon_k3_forms_yield_to_calibrated_forms(lexicon):
    """A table-k3 form (有益 <- 有利) must not swallow the start of a calibrated form (益处 <- 好处),
    and k3 rows stay out of page detection and derived chains."""
    assert not lexicon.entries["有益"].detect and lexicon.entries["益处"].detect
    assert [m.entry.spun for m in lexicon.find("这对消费者有益处")] == ["益处"]
    assert [m.entry.spun for m in lexicon.find("有益于健康")] == ["有益于"]
    # 情况 <- 环境 (k3) must not make 环境 a chain-derived original of 情形 (情形 <- 情况)
    assert "环境" not in lexicon.entries["情形"].originals
