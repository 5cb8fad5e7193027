"""The wide-context scorer (nlp/despin/context.py) on real sentences and seed 002."""
from __future__ import annotations

import math

import pytest

from nlp.despin.context import ContextModel
from nlp.despin.stage import Despinner
from nlp.evaluate.despin import eval_seed002


@pytest.fixture(scope="module")
def model() -> ContextModel:
    return ContextModel.load()


def _logit(model, text, form, pair):
    i = text.index(form)
    return float(model.logits(text, [(i, i + len(form))], [pair])[0])


@pytest.mark.issue(4)
def test_context_reads_governance_vs_management(model):
    """管理 <- 治理 (seed 002's most frequent miss): a page about the network ecosystem and
    platform rules reads as 治理; a company's budget and cost control reads as 管理."""
    pair = ("管理", "治理")
    gov_text = "为推动网络生态管理，平台持续打击虚假宣传和违规直播带货，保护消费者合法权益。"
    gov = _logit(model, gov_text, "管理", pair)
    biz = _logit(model, "公司财务管理制度要求各部门加强预算管理和成本控制。", "管理", pair)
    assert gov > biz + 2.0


@pytest.mark.issue(4)
def test_context_never_sees_the_target(model):
    """Neither the span's own characters nor bigrams across its edges are features:
    spun form or original there, same score (a spun page has no original left)."""
    pair = ("发展", "成长")
    spun = "平台扶持中小商家发展，帮助新商家快速起步，推动行业健康发展。"
    orig = spun.replace("发展", "成长", 1)
    assert _logit(model, spun, "发展", pair) == pytest.approx(_logit(model, orig, "成长", pair))


@pytest.mark.issue(4)
def test_context_abstains_on_unknown_pairs(model):
    assert math.isnan(_logit(model, "今天天气很好。", "天气", ("天气", "气候")))


@pytest.mark.issue(4)
def test_context_scorer_restores_more_of_seed002():
    """With the scorer (default) seed 002 gains tokens over the LM alone at the same
    threshold, without more wrong rewrites (measured 182 vs 167 of 213 at commit)."""
    on = eval_seed002(Despinner())
    off = eval_seed002(Despinner(context_weight=0.0))
    assert on["tp"] >= off["tp"] + 5
    assert on["wrong"] <= 2
