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

    The second, third and sixth passes added ``table-k2``/``table-k3``/``table-k4`` rows written from knowledge
    of spinning tools (blind to tables/test*.tsv); some may coincide with test 'novel' rows, and
    nlp.evaluate.despin reports recall on those separately. The message gives only a
    count, so a failure does not print held-out pairs.
    """
    pairs = Lexicon.load(exclude_sources=("table-k2", "table-k3", "table-k4")).pairs()
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


# Sixth pass: table-k4 rows (corpora/despin/build_k4.py). A real dev sentence, spun by a table
# that has two k4 pairs, inside a page that other (calibrated) forms mark as spun.
K4_SENTENCE = "后被告人郑炳松于2018年1月12日主动向公安机关投案，并如实供述犯罪事实"
K4_PAGE_SPUN = ("斲丧者陈诉显示，生意业务纠纷中权势巨子机构的处理处罚结果最受关注。"
                + K4_SENTENCE.replace("公安机关", "公安构造").replace("犯罪", "立功"))


@pytest.mark.issue(4)
def test_lexicon_k4_compound_restored_on_a_spun_page(lexicon):
    """公安机关 -> 公安构造 is a k4 compound: it wins over the calibrated 构造 inside it (which alone
    would read 结构), and is restored on a page judged spun."""
    from nlp.despin.stage import Despinner

    assert lexicon.entries["公安构造"].sources == {"公安机关": "table-k4"}
    assert "公安构造" in [m.entry.spun for m in lexicon.find(K4_PAGE_SPUN)]
    edits, ev = Despinner().despin(K4_PAGE_SPUN)
    assert ev.spun
    out = K4_PAGE_SPUN
    for e in sorted(edits, key=lambda e: -e.start):
        out = out[:e.start] + e.replacement + out[e.end:]
    assert "主动向公安机关投案" in out


@pytest.mark.issue(4)
def test_lexicon_k4_forms_are_no_spin_evidence(lexicon):
    """k4 'non-words' (立异, 灭亡 ...) are rare in news but real words of literary text: they never
    make a page spun on their own (the gate counts only calibrated unambiguous forms)."""
    text = "他从小爱标新立异，满脑子空想，说人终有一死，灭亡并不可怕，怕的是从未活过。"
    k4 = [m.entry.spun for m in lexicon.find(text) if not m.entry.evidence]
    assert len(set(k4)) >= 2
    assert not lexicon.find(text, unambiguous_only=True)
    from nlp.despin.stage import Despinner

    edits, ev = Despinner().despin(text)
    assert edits == [] and not ev.spun


@pytest.mark.issue(4)
def test_training_path_is_removed_when_the_process_ends():
    """lexicon.training_path() is a temp copy for the trainers; it must not outlive the process."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from nlp.despin.lexicon import training_path, training_lines\n"
                          "p = training_path()\n"
                          "assert open(p, encoding='utf-8').readlines() == training_lines()\n"
                          "print(p)"],
                         capture_output=True, text=True, check=True)
    path = Path(out.stdout.strip())
    assert path.name.startswith("despin-lexicon-train-")
    assert not path.exists()


@pytest.mark.issue(4)
def test_dev_unseen_table_is_unknown_to_the_lexicon_and_disjoint_from_dev(lexicon):
    """tables/dev_unseen.tsv measures pairs the lexicon lacks (nlp/evaluate/despin_unseen.py)."""
    unseen = load_table(TABLES / "dev_unseen.tsv")
    dev = load_table(TABLES / "dev.tsv")
    assert len(unseen) >= 40
    assert not [o for o in unseen if o in dev]
    assert not [(s, o) for o, (s, _k) in unseen.items() if (s, o) in lexicon.pairs()]
    # some rows land on a spun form the lexicon knows with another original (the wrong-original case)
    assert sum(1 for o, (s, _k) in unseen.items() if s in lexicon.entries) >= 5
