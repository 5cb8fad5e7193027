"""Optional word-segmentation / part-of-speech input features of the tuple tagger (session 17, issue 5).

XLM-R pieces do not tell the encoder where a Chinese word ends or what part of speech it is;
jieba (already run by the assembly, :func:`nlp.extract.refine.pos_words`) does. With the
features on, every piece gets two ids from the jieba.posseg word holding its first character:

* ``wpos``: the character's position in that word, B / M / E / S (ids 1-4; 0 = special / padding);
* ``pos``: a coarse class of the word's jieba flag (:data:`POS_CLASSES`, ids 1-15; 0 = special / padding).

Each id has an embedding (hidden size), **zero-initialised**, added to the piece's word embedding
before the BERT embedding LayerNorm, so a network that gains the features starts as the function
it was. A tagger directory has them when its config.json carries ``word_features`` (sizes per
feature); directories without it load and run unchanged. Off by default
(``train_model(features=False)``); the session-17 experiment and its numbers are in
models/extract/README.md.
"""
from __future__ import annotations

#: vocabulary size per feature (id 0 = no feature: special tokens and padding)
FEATURE_SIZES = {"wpos": 5, "pos": 16}

WPOS = {"B": 1, "M": 2, "E": 3, "S": 4}

#: coarse classes of jieba's flags (ids 1..15 in this order); any other flag is "other"
POS_CLASSES = ("n", "nr", "ns", "nt/nz", "v", "vn", "m", "q", "a", "d", "p", "c", "u", "f/s/t", "other")
_FLAG_CLASS = {
    "n": "n", "ng": "n", "nl": "n", "nx": "n",
    "nr": "nr", "nrfg": "nr", "nrt": "nr",
    "ns": "ns",
    "nt": "nt/nz", "nz": "nt/nz",
    "v": "v", "vd": "v", "vg": "v", "vi": "v", "vq": "v", "vf": "v", "vx": "v",
    "vn": "vn",
    "m": "m", "mq": "m",
    "q": "q", "qv": "q", "qt": "q",
    "a": "a", "ag": "a", "an": "a", "ad": "a",
    "d": "d", "dg": "d", "df": "d",
    "p": "p",
    "c": "c", "cc": "c",
    "u": "u", "uj": "u", "ul": "u", "uv": "u", "uz": "u", "ud": "u", "ug": "u",
    "f": "f/s/t", "s": "f/s/t", "t": "f/s/t", "tg": "f/s/t",
}
POS_ID = {c: i for i, c in enumerate(POS_CLASSES, 1)}


def coarse_pos(flag: str) -> int:
    """Id (1..15) of the coarse class of a jieba POS flag."""
    return POS_ID[_FLAG_CLASS.get(flag, "other")]


def char_features(sentence: str) -> list[tuple[int, int]]:
    """``(wpos id, pos id)`` of every character of ``sentence`` (one jieba.posseg pass)."""
    from .refine import pos_words

    out = [(WPOS["S"], POS_ID["other"])] * len(sentence)
    for a, b, flag in pos_words(sentence):
        p = coarse_pos(flag)
        if b - a == 1:
            out[a] = (WPOS["S"], p)
            continue
        for c in range(a, min(b, len(sentence))):
            out[c] = (WPOS["B"] if c == a else WPOS["E"] if c == b - 1 else WPOS["M"], p)
    return out


def piece_features(sentence: str, offsets, word_ids, T: int | None = None, chars=None):
    """int64 ``[T, 2]`` feature ids of an encoding's pieces (from their first character).

    Args:
        sentence (str): the encoded text. offsets, word_ids: the encoding's (``Encoding.offsets``,
            ``Encoding.word_ids``; ``None`` word id = special token, ids 0).
        T (int | None): padded length (default: the number of pieces). chars: :func:`char_features`
            of the sentence when already computed.
    """
    import numpy as np

    L = len(word_ids)
    out = np.zeros((T or L, 2), dtype=np.int64)
    if not sentence:
        return out
    chars = chars if chars is not None else char_features(sentence)
    n = len(sentence)
    for t in range(L):
        if word_ids[t] is None:
            continue
        c = min(offsets[t][0], n - 1)
        out[t] = chars[c]
    return out


def feature_arrays(sentences, encs, T: int):
    """int64 ``[B, T, 2]`` feature ids of a padded batch (:func:`nlp.extract.model.batch_arrays`)."""
    import numpy as np

    return np.stack([piece_features(s, e.offsets, e.word_ids, T) for s, e in zip(sentences, encs)])


def feature_module(hidden: int, sizes: dict | None = None):
    """``nn.Module``: ids ``[..., 2]`` -> sum of the two feature embeddings ``[..., hidden]`` (zero-initialised)."""
    from torch import nn

    sizes = dict(sizes or FEATURE_SIZES)

    class WordFeatures(nn.Module):
        def __init__(self):
            super().__init__()
            self.wpos = nn.Embedding(sizes["wpos"], hidden)
            self.pos = nn.Embedding(sizes["pos"], hidden)
            nn.init.zeros_(self.wpos.weight)
            nn.init.zeros_(self.pos.weight)

        def forward(self, f):
            return self.wpos(f[..., 0]) + self.pos(f[..., 1])

    return WordFeatures()


__all__ = ["FEATURE_SIZES", "POS_CLASSES", "coarse_pos", "char_features", "piece_features", "feature_arrays",
           "feature_module"]
