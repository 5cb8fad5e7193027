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


@pytest.mark.issue(4)
def test_table_codes_equal_translate_codes():
    """The code-point table (_norm_codes) gives what normalize + _codes give: full-width digits and Latin,
    spaces, CJK, and a page with a character outside the BMP (the translate path)."""
    import numpy as np

    from nlp.despin import corpora
    from nlp.despin.lm import _codes, _norm_codes

    for text in ("２０２３年ＡＢＣ增长15.38%\u3000\r\n上海", corpora.texts("dev")[3], "𠀀字与15"):
        assert np.array_equal(_norm_codes(text), _codes(normalize(text)))


@pytest.mark.issue(4)
def test_needed_positions_score_as_every_order_read():
    """score_windows reads the orders highest first, and lower orders only where a higher one misses
    (_backoff_needed): the same score at every needed position as reading all orders everywhere, on the
    slots of a dev page's lexicon forms."""
    import numpy as np

    from nlp.despin import corpora
    from nlp.despin.lm import slot_windows
    from nlp.despin.stage import Despinner

    stage = Despinner()
    lm = stage.lm
    text = corpora.texts("dev")[7]
    windows: list[tuple[str, int]] = []
    for m in stage.lexicon.find(text):
        slot_windows(text, m.start, m.end, (m.entry.spun, *m.entry.originals), 4, windows)
    assert len(windows) >= 20
    joined = "\n".join(t for t, _ in windows)
    need = np.zeros(len(joined), dtype=bool)
    pos = 0
    for t, skip in windows:
        need[pos + skip:pos + len(t)] = True
        pos += len(t) + 1
    every = lm.position_scores(joined)  # need=None: every order looked up at every position
    assert np.array_equal(lm.position_scores(joined, need)[need], every[need])
