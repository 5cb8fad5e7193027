"""Interpolated Kneser-Ney scoring (nlp/despin/kn.py) on real report text: a proper distribution,
continuation counts, a save/load round trip and loading through the stage."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.despin.kn import KNCharLM, load_any
from nlp.despin.lm import CharNgramLM, normalize

SEED001 = Path(__file__).resolve().parents[2] / "seeds" / "001_82c89dc18d0e97ac.txt"


@pytest.fixture(scope="module")
def seed_lm():
    text = SEED001.read_text(encoding="utf-8")
    docs = [p for p in text.split("\n") if p.strip()]
    return docs, KNCharLM.build(docs, order=5, min_counts=(1, 1, 1, 1, 1))


@pytest.mark.issue(4)
@pytest.mark.parametrize("ctx", ["消费者", "平台", "报告显示", "的"])
def test_kn_is_a_distribution_over_the_vocabulary(seed_lm, ctx):
    """P(w | ctx) over every character of the corpus sums to 1 (minus the unseen-character share)."""
    docs, lm = seed_lm
    chars = sorted(set(normalize("\n".join(docs))))
    p = sum(10 ** lm.position_scores(ctx + c)[-1] for c in chars)
    assert 0.99 < p <= 1.0 + 1e-9


@pytest.mark.issue(4)
def test_kn_prefers_the_original_wording(seed_lm):
    _docs, lm = seed_lm
    s = lm.score_windows([("提升斲丧者体验", 0), ("提升消费者体验", 0)])
    assert s[1] > s[0] + 2


@pytest.mark.issue(4)
def test_kn_continuation_counts_differ_from_raw_counts(seed_lm):
    """A character that follows few distinct contexts gets a smaller continuation count than raw count."""
    _docs, lm = seed_lm
    assert (lm.cont[0] <= lm.counts[0]).all()
    assert (lm.cont[0] < lm.counts[0]).any()


@pytest.mark.issue(4)
def test_kn_save_load_any_roundtrip(seed_lm, tmp_path):
    docs, lm = seed_lm
    lm.save(tmp_path / "kn.npz")
    back = load_any(tmp_path / "kn.npz", mix=0.0)  # a built model scores Kneser-Ney only (mix 0)
    assert isinstance(back, KNCharLM)
    w = [("消费者满意度", 1), ("斲丧者满意度", 1), ("平台加强商家治理", 2)]
    assert list(back.score_windows(w)) == pytest.approx(list(lm.score_windows(w)))
    sb = CharNgramLM.build(docs, order=3, min_counts=(1, 1, 1))
    sb.save(tmp_path / "sb.npz")
    assert type(load_any(tmp_path / "sb.npz")) is CharNgramLM


@pytest.mark.issue(4)
def test_kn_mix_one_is_stupid_backoff_and_half_is_the_mean(seed_lm, tmp_path):
    """lm_mix = 1.0 gives exactly the stupid-backoff model of the same counts; 0.5 the mean of both."""
    docs, _lm = seed_lm
    kn = KNCharLM.build(docs, order=5)
    kn.save(tmp_path / "kn.npz")
    sb = CharNgramLM.build(docs, order=5)
    text = SEED001.read_text(encoding="utf-8")
    w = [(text[i:i + 12], 4) for i in range(0, 3000, 37)]
    s_sb = sb.score_windows(w)
    assert list(load_any(tmp_path / "kn.npz", mix=1.0).score_windows(w)) == list(s_sb)
    s_kn = load_any(tmp_path / "kn.npz", mix=0.0).score_windows(w)
    assert (s_kn != s_sb).any()
    half = load_any(tmp_path / "kn.npz", mix=0.5).score_windows(w)
    assert list(half) == pytest.approx(list(0.5 * s_sb + 0.5 * s_kn))


def test_despinner_rejects_lm_mix_out_of_range():
    from nlp.despin.stage import Despinner
    from nlp.errors import ConfigError

    with pytest.raises(ConfigError):
        Despinner(lm_mix=1.5)
