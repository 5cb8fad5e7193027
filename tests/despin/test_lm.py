"""The character n-gram LM: scoring direction and a save/load round trip."""
from __future__ import annotations

import pytest

from nlp.despin.lm import CharNgramLM, normalize
from nlp.despin.stage import load_lm


@pytest.mark.issue(4)
@pytest.mark.parametrize("spun,orig", [("提升斲丧者体验", "提升消费者体验"), ("商风致量", "商品质量"),
                                       ("抖音电商干系负责人", "抖音电商相关负责人")])
def test_lm_prefers_original_wording(spun, orig):
    s = load_lm().score_windows([(spun, 0), (orig, 0)])
    assert s[1] > s[0] + 2


def test_lm_build_save_load_roundtrip(tmp_path):
    texts = ["消费者权益保护年度报告发布", "报告显示消费者满意度提升", "平台加强商家治理"] * 3
    lm = CharNgramLM.build(texts, order=3, min_counts=(1, 1, 1))
    lm.save(tmp_path / "lm.npz")
    back = CharNgramLM.load(tmp_path / "lm.npz")
    w = [("消费者满意", 0), ("斲丧者满意", 0)]
    assert list(back.score_windows(w)) == pytest.approx(list(lm.score_windows(w)))
    assert back.score_windows(w)[0] > back.score_windows(w)[1]


def test_lm_normalize_keeps_length():
    text = "２０２３年ＡＢＣ增长15.38%"
    assert len(normalize(text)) == len(text)
    assert normalize("２０２３") == "0000"
