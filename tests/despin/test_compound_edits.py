"""A knowledge-written compound row is rewritten as one edit per word the table changed (tenth pass)."""
from __future__ import annotations

import pytest

from nlp.despin import corpora
from nlp.despin.spinner import spin
from nlp.despin.stage import Despinner
from nlp.document import Document
from nlp.evaluate.despin import match_edits


@pytest.fixture(scope="module")
def stage() -> Despinner:
    return Despinner(force=True)


def _apply(text: str, edits) -> str:
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


@pytest.mark.issue(4)
def test_compound_row_gives_one_edit_per_spun_word(stage):
    """inews dev article with 犯罪嫌疑人, spun by a table that rewrites 犯罪 and 嫌疑人 (as held-out
    tables do): the k4 row 立功怀疑人 <- 犯罪嫌疑人 restores both words, scored as the two tokens
    the table made (the whole-form edit was one false rewrite and two misses)."""
    text = next(t for t in corpora.texts("dev") if t.count("犯罪嫌疑人") >= 2)
    spun, toks = spin(text, {"犯罪": ("立功", "table"), "嫌疑人": ("怀疑人", "table")})
    assert "立功怀疑人" in spun
    (edits,) = stage.process_batch([Document(id="d", text=spun)])
    notes = [e.note for e in edits]
    assert "立功->犯罪" in notes and "怀疑人->嫌疑人" in notes
    assert "立功怀疑人->犯罪嫌疑人" not in notes
    r = match_edits([(k.start, k.end, k.spun, k.original) for k in toks], edits, spun)
    assert r["fp"] == 0 and r["fn"] == 0
    assert "犯罪嫌疑人" in _apply(spun, edits)


@pytest.mark.issue(4)
def test_split_only_knowledge_compounds(stage):
    """The pieces: both sides must change and one must be a lexicon pair; calibrated rows (seed 002's
    停止现在 <- 截至目前, observed as one unit) stay one edit."""
    assert stage._pieces("平安出产", "安全生产") == [(0, 2, "平安", "安全"), (2, 4, "出产", "生产")]
    assert stage._pieces("斲丧者", "消费者") == [(0, 3, "斲丧者", "消费者")]
    (edits,) = stage.process_batch([Document(id="s", text="停止现在,平台已推动斲丧者权益掩护。")])
    assert "停止现在->截至目前" in [e.note for e in edits]
