"""The despin stage on real pages: seed 002 (spun), seeds 001/003 and tricky clean text."""
from __future__ import annotations

import pytest

from nlp import Pipeline
from nlp.document import Reason
from nlp.evaluate.despin import eval_seed002, reduce
from nlp.despin.spinner import spin
from nlp.despin.stage import Despinner


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(stages=["despin"], on_error="raise")


@pytest.fixture(scope="module")
def doc002(pipe, seed_bytes):
    return pipe.run(seed_bytes["002"], id="002")


@pytest.mark.issue(4)
@pytest.mark.parametrize("restored", ["《2024抖音电商消费者体验报告》", "商品质量、内容生态、知识产权保护",
                                      "由平台不定期委派权威质检机构", "伴随信息交易、数据窃取", "截至目前,平台已推动"])
def test_despin_seed002_restores_phrases(doc002, restored):
    assert restored in doc002.text


@pytest.mark.issue(4)
def test_despin_seed002_edits_are_audited(doc002):
    """Every rewrite is a SPIN edit whose raw slice is the spun form and note says spun->orig."""
    spins = [e for e in doc002.edits if e.reason is Reason.SPIN]
    assert len(spins) > 150
    for e in spins:
        assert doc002.raw[e.raw_start:e.raw_end] == e.text
        assert e.note == f"{e.text}->{e.replacement}"
        assert 0.0 < e.confidence <= 1.0
    assert doc002.info["despin"]["spun"] is True


@pytest.mark.issue(4)
def test_despin_seed002_meets_floor():
    """Regression floor on the hand-despun gold (target 95 %; measured 85 % at commit)."""
    r = eval_seed002(Despinner())
    assert r["restored"] >= 0.84
    assert r["wrong"] <= 2


@pytest.mark.issue(4)
@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_despin_leaves_unspun_seeds_untouched(pipe, seed_bytes, seed):
    doc = pipe.run(seed_bytes[seed], id=seed)
    assert not [e for e in doc.edits if e.reason is Reason.SPIN]
    assert doc.info["despin"]["spun"] is False


@pytest.mark.issue(4)
@pytest.mark.parametrize("text", [
    "杭州美女白领私信官博寻人表白,她说目前的环境很好,管理也到位。",   # one rare word: not a spun page
    "他们发起首批试点,现在的部分结构还在发展。",
])
def test_despin_clean_sentences_untouched(text):
    edits, ev = Despinner().despin(text)
    assert edits == [] and not ev.spun


@pytest.mark.issue(4)
def test_despin_veto_keeps_cross_boundary_real_text():
    """起首 inside 发起首批 is real text: the LM vetoes 首先 even on a forced page."""
    edits, _ = Despinner(force=True).despin("协会发起首批试点,斲丧者陈诉显示")
    assert "起首->首先" not in [e.note for e in edits]
    assert "斲丧者->消费者" in [e.note for e in edits]


@pytest.mark.issue(4)
def test_despin_synthetic_spin_roundtrip():
    table = {"消费者": ("斲丧者", "lexicon"), "报告": ("陈诉", "lexicon"), "品质": ("风致", "lexicon"),
             "权威": ("权势巨子", "lexicon")}
    clean = "报告显示,目前消费者更看重商品质量与品质,权威机构抽检了消费者反映的问题。"
    spun, toks = spin(clean, table)
    assert "商风致量" in spun and all(spun[t.start:t.end] == t.spun for t in toks)
    edits, ev = Despinner().despin(spun)
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out += [spun[pos:e.start], e.replacement]
        pos = e.end
    assert "".join(out + [spun[pos:]]) == clean


@pytest.mark.parametrize("args,expected", [((10, 14, "处理处罚", "处理"), (12, 14, "")),
                                           ((0, 3, "斲丧者", "消费者"), (0, 2, "消费"))])
def test_evaluate_reduce_trims_common_affixes(args, expected):
    assert reduce(*args) == expected


@pytest.mark.issue(4)
def test_despin_single_unambiguous_form_with_odd_context_is_spun():
    """Seed 002 line with one unambiguous form (册本) but many odd real-word forms."""
    text = ("别的,抖音电商还积极共同有关部分开展线下专项办法,2023年共帮忙有关部分查处案件33起,抓捕涉案职员136名,"
            "涉案金额3.88亿元,涉及鞋服、白酒、册本、食品、母婴用品、数码产物等多个源头造假行业。")
    edits, ev = Despinner().despin(text)
    assert ev.spun and ev.unambiguous_distinct == 1
    notes = {e.note for e in edits}
    assert {"册本->书籍", "职员->人员", "部分->部门"} <= notes
    # rule off (and the real-word rule, which reads 册本's neighbours too): one form is not enough
    _, ev_strict = Despinner(single_odd_rate=1.1, realword_llr=-1.0).despin(text)
    assert not ev_strict.spun


@pytest.mark.issue(4)
def test_despin_presence_penalty_lowers_originals_still_on_the_page():
    """A table rewrites every occurrence of its key: 持续 still on the page argues against 连续->持续."""
    text = "斲丧者陈诉显示,平台还连续升级智能客服,并持续优化服务"
    margins = {}
    for penalty in (0.0, 2.0):
        st = Despinner(force=True, presence_penalty=penalty)
        matches = st.lexicon.find(text)
        present = st._page_presence(text, matches)
        assert "持续" in present                                 # found whatever the real-word penalty
        best, m, _gaps = st._score(text, matches, [x.entry.spun for x in matches], present)
        (i,) = [k for k, x in enumerate(matches) if x.entry.spun == "连续"]
        assert best[i] == "持续"
        margins[penalty] = m[i]
    assert margins[0.0] - margins[2.0] == pytest.approx(2.0)


@pytest.mark.issue(4)
def test_despin_learned_decision_on_seed002_line():
    """The learned decision (models/despin/decision.json, trained on dev) restores the
    unambiguous forms of a seed 002 line, leaves an unspun page alone, and its
    confidences are the model's probabilities."""
    text = ("别的,抖音电商还积极共同有关部分开展线下专项办法,2023年共帮忙有关部分查处案件33起,抓捕涉案职员136名,"
            "涉案金额3.88亿元,涉及鞋服、白酒、册本、食品、母婴用品、数码产物等多个源头造假行业。")
    st = Despinner(decision="learned")
    edits, ev = st.despin(text)
    notes = {e.note for e in edits}
    assert ev.spun and {"册本->书籍", "职员->人员", "产物->产品"} <= notes
    assert all(st.decider.threshold <= e.confidence <= 1.0 for e in edits)
    assert st.despin("他们发起首批试点,现在的部分结构还在发展。")[0] == []


@pytest.mark.issue(4)
def test_despin_partial_second_pass_equals_full_rescoring(seed_bytes):
    """Pass 2 rescores only matches next to a rewrite; on seed 002 that gives the same edits
    as rescoring every match (the others' windows do not change)."""
    page = seed_bytes["002"].decode("utf-8")

    class Full(Despinner):
        def _near_rewrites(self, matches, choice):
            return list(range(len(matches)))

    fast, _ = Despinner().despin(page)
    full, _ = Full().despin(page)
    assert len(fast) > 150
    assert [(e.start, e.end, e.replacement) for e in fast] == [(e.start, e.end, e.replacement) for e in full]


@pytest.mark.issue(4)
def test_despin_leaves_a_known_form_alone_when_a_cilin_rival_fits_its_contexts_better():
    """A table may reach a lexicon form from another original (孩子 -> 孩童; the lexicon reads 孩童 as 儿童).

    inews dev article 160 spun with the dev table plus that pair: without the rival check
    every 孩童 becomes 儿童 (false); with it (default) they stay, and the other rewrites are
    unaffected by the check (each one still a gold token).
    """
    from nlp.despin import corpora
    from nlp.despin.spinner import load_table
    from nlp.document import Document
    from nlp.evaluate.despin import CORPUS, match_edits

    table = load_table(CORPUS / "tables" / "dev.tsv")
    table["孩子"] = ("孩童", "novel")
    spun, toks = spin(corpora.texts("dev")[160], table)
    gold = [(k.start, k.end, k.spun, k.original) for k in toks]
    (off,) = Despinner(rival_mates=0).process_batch([Document(id="160", text=spun)])
    (on,) = Despinner().process_batch([Document(id="160", text=spun)])
    assert sum(1 for e in off if spun[e.start:e.end] == "孩童" and e.replacement == "儿童") >= 3
    assert not [e for e in on if spun[e.start:e.end] == "孩童"]
    r = match_edits(gold, on, spun)
    assert r["tp"] >= 10 and r["fp"] == 0
