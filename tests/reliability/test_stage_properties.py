"""Hypothesis properties of every stage of the default pipeline (issue 7).

For each stage, alone on generated pages built from real seed lines, markup, chrome
snippets, spun forms and arbitrary Unicode:
- it never raises on any str;
- its proposed edits lie inside the text and (flags aside) do not overlap;
- every recorded edit's raw slice is exactly the text it changed;
- clean stages only delete: the output, ignoring inserted whitespace and decoded
  HTML entities, is a subsequence of the input;
- despin is reversible: applying the inverse of its edit list to the output
  restores the input.
The whole default pipeline is also run on generated pages and raw bytes.
"""
from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import Config, Pipeline
from nlp.document import Document

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("0*_*.txt"))]
SEED_LINES = sorted({ln for t in SEED_TEXTS for ln in t.splitlines() if ln.strip()})

# what the clean stages look for (seed 000 breadcrumb, 001 meta, 004 spam list) and what trips parsers
SNIPPETS = [
    "<div>", "</div>", "<p class=\"a\">", "</p>", "<br/>", "<script>var a=1;</script>", "<!-- c -->", "<!--",
    "<title>标题</title>", "&nbsp;", "&#x4e2d;", "&#20013;", "&amp;", "&zwnj;", "&bogus;", "**", "***",
    "相关推荐", "当前位置：首页 > 新闻 > 正文", "来源：新华网", "2023-02-20 04:30", "版权所有 © 2023", "ICP备12345号",
    "|", "｜", "_", " > ", "[链接](http://a.cn/x)", "![图](a.png)", "http://www.example.com/a", "# 标题", "---",
    "---\ntitle: 标题\n---", "以上便是小编为大家带来的", "作者：", "楼主", "1楼 用户 2021-5-4", "视频| 在线观看| 免费",
    "斲丧者", "陈诉", "微不雅", "不竭", "\n", "\n\n", "  ", "\u3000", "\t", "。", "，", "\r\n", "\ufeff", "\u200b",
]
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
any_char = st.characters(blacklist_categories=("Cs",))
chars = st.one_of(cjk, cjk, st.sampled_from("，。、：；！？“”《》()<>/=\"'#-*&;|_ \n"), any_char)
line = st.one_of(
    st.sampled_from(SEED_LINES),
    st.text(chars, max_size=40),
    st.lists(st.sampled_from(SNIPPETS + SEED_LINES[:50]), max_size=6).map("".join),
)
pages = st.lists(line, max_size=14).map("\n".join)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.data_too_large])


def edit_stages() -> list[str]:
    """The edit stages of the default pipeline (convert has tests/test_properties.py)."""
    from nlp import registry

    return [s for s in Config.load().stages if registry.get(s).kind == "edit"]


_PIPES: dict[str, Pipeline] = {}


def single(stage: str) -> Pipeline:
    """A pipeline of one stage; clean.corpus is fitted on the seeds (unfitted it does nothing)."""
    if stage not in _PIPES:
        opts = {"stages.despin.force": True} if stage == "despin" else {}
        p = Pipeline(Config.load(overrides=opts), stages=[stage], on_error="raise")
        if stage == "clean.corpus":
            p.stages[0].fit(SEED_TEXTS * 3)
        _PIPES[stage] = p
    return _PIPES[stage]


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def check_stage(stage: str, text: str) -> Document:
    p = single(stage)
    fresh = p.make_doc(text)
    proposals = p.stages[0].process(fresh)
    n = len(fresh.text)
    changes = sorted((e for e in proposals if e.replacement != fresh.text[e.start:e.end]), key=lambda e: e.start)
    for e in proposals:
        assert 0 <= e.start <= e.end <= n, (stage, e)
    for a, b in zip(changes, changes[1:]):
        assert a.end <= b.start, f"{stage} proposed overlapping edits {a} / {b}"
    doc = p.run(text)
    assert doc.status == "ok", doc.error
    assert doc.stats.get("edits.overlap_dropped", 0) == 0
    for e in doc.edits:  # one stage, no conversion: raw offsets index the input itself
        assert doc.raw[e.raw_start:e.raw_end] == e.text, (stage, e)
    return doc


@pytest.mark.parametrize("stage", [s for s in edit_stages() if s.startswith("clean.")])
def test_clean_stage_properties(stage):
    @SETTINGS
    @given(pages)
    def prop(text):
        doc = check_stage(stage, text)
        src = doc.raw
        # every change deletes, inserts whitespace (a block tag becomes a line break), or decodes an entity
        for e in doc.edits:
            if e.replacement and e.replacement != e.text:
                assert not e.replacement.strip() or e.replacement == html.unescape(e.text), (stage, e)
        entity_decoded = list(src)
        for e in doc.edits:
            if e.replacement.strip() and e.replacement != e.text:
                entity_decoded[e.start:e.end] = [e.replacement] + [""] * (e.end - e.start - 1)
        squeeze = lambda s: "".join(s.split())  # noqa: E731
        assert is_subsequence(squeeze(doc.text), squeeze("".join(entity_decoded))), stage

    prop()


@pytest.mark.skipif("despin" not in Config.load().stages, reason="despin not in the default pipeline")
@SETTINGS
@given(pages)
def test_despin_edits_are_reversible(text):
    """Replacing each rewrite's replacement by its original text restores the input (despin forced)."""
    doc = check_stage("despin", text)
    out, shift = doc.text, 0
    restored = []
    pos = 0
    for e in sorted(doc.edits, key=lambda e: e.start):
        o = e.start + shift  # where the edit's replacement sits in the output
        restored.append(out[pos:o])
        restored.append(e.text)
        assert out[o:o + len(e.replacement)] == e.replacement
        pos = o + len(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
    restored.append(out[pos:])
    assert "".join(restored) == doc.raw


DEFAULT = Pipeline(on_error="raise")


@SETTINGS
@given(st.one_of(pages, st.binary(max_size=400), pages.map(lambda s: s.encode("gb18030", "replace"))))
def test_default_pipeline_never_raises_and_offsets_index_the_source(data):
    doc = DEFAULT.run(data)
    assert doc.status == "ok", doc.error
    doc.text.encode("utf-8")
    m = len(doc.raw)
    for e in doc.edits:
        assert 0 <= e.raw_start <= e.raw_end <= m, e
