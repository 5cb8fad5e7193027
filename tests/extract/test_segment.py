"""The shipped pkuseg model (models/pkuseg): loads offline in spaCy and segments real text sensibly.

spacy-pkuseg downloads its own models from GitHub when given a model *name*; zhie ships a model
directory instead, so these tests make every download path raise and still expect a working
tokenizer. The held-out check re-scores a small slice of the People's Daily blocks that
training never saw (nlp.extract.segment.split_corpus), against jieba on the same slice.
"""
from __future__ import annotations

import pytest

from nlp.extract import segment as S

pytestmark = pytest.mark.skipif(not (S.MODEL_DIR / "weights.npz").exists(), reason="models/pkuseg not built")


@pytest.fixture(scope="module")
def nlp_zh():
    import spacy_pkuseg
    import spacy_pkuseg.download

    def _no_download(*args, **kwargs):
        raise AssertionError("spacy-pkuseg tried to download a model")

    mp = pytest.MonkeyPatch()
    mp.setattr(spacy_pkuseg, "download_model", _no_download)
    mp.setattr(spacy_pkuseg.download, "download_model", _no_download)
    try:
        yield S.load_spacy()
    finally:
        mp.undo()


def test_segment_model_is_compact():
    size = sum(p.stat().st_size for p in S.MODEL_DIR.iterdir() if p.is_file())
    assert size <= 15 * 2**20, f"models/pkuseg is {size / 2**20:.1f} MiB (> 15 MiB budget)"


@pytest.mark.parametrize("text,words", [
    # guide worked examples (seed-001 / seed-004): words a tuple field is built from
    ("用户好感度因此上升8.4%。", ["因此", "上升"]),
    ("平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人。", ["平台", "全年", "累计", "处罚"]),
    ("国家统计局今天发布数据，全国居民人均可支配收入比上年增长6.5%。", ["国家", "统计局", "发布", "数据", "增长"]),
])
def test_segment_spacy_tokens_on_real_sentences(nlp_zh, text, words):
    toks = [text[s:e] for s, e in S.segment(nlp_zh, text)]
    assert "".join(toks) == "".join(text.split())  # covers the text, nothing invented
    for w in words:
        assert w in toks, (w, toks)


def test_segment_keeps_offsets_with_halfwidth_digits(nlp_zh):
    text = "涉案金额超2.6亿元。"
    spans = S.segment(nlp_zh, text)
    assert [text[s:e] for s, e in spans][-1] == "。"
    # the decimal number is not cut at the point (pkuseg's ASCII "." would split it)
    assert not any(text[s:e] == "." for s, e in spans)


@pytest.mark.slow  # reads the 19k-line corpus and loads jieba's dictionary: ~10 s idle, a minute on a loaded box
def test_segment_heldout_f1_beats_jieba():
    import jieba

    jieba.setLogLevel(60)
    _, held = S.split_corpus(S.read_corpus())
    held = held[:150]
    seg = S.load_pkuseg()
    pk = S.word_prf(held, [seg.cut("".join(s)) for s in held])
    jb = S.word_prf(held, [list(jieba.cut("".join(s))) for s in held])
    assert pk["f1"] >= 0.9
    assert pk["f1"] > jb["f1"]
