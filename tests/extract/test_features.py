"""Optional jieba word-position / POS input features of the tagger (nlp/extract/features.py, session 17)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "extract"
SENT = "平台全年累计处罚违规创作者97.1万人。"

needs_model = pytest.mark.skipif(not (MODEL / "model.safetensors").exists(),
                                 reason="models/extract not trained (zhie train model)")


def test_character_features_follow_the_jieba_words():
    """B/M/E/S inside each jieba.posseg word, the word's coarse POS on all its characters."""
    from nlp.extract.features import POS_ID, WPOS, char_features, coarse_pos
    from nlp.extract.refine import pos_words

    feats = char_features(SENT)
    assert len(feats) == len(SENT)
    words = {SENT[a:b]: (a, b, flag) for a, b, flag in pos_words(SENT)}
    a, b, flag = words["创作者"]                       # a three-character noun: B M E, class n
    assert [f[0] for f in feats[a:b]] == [WPOS["B"], WPOS["M"], WPOS["E"]]
    assert {f[1] for f in feats[a:b]} == {POS_ID["n"]} and coarse_pos(flag) == POS_ID["n"]
    a, b, _ = words["处罚"]                            # a verb: B E, class v
    assert feats[a:b] == [(WPOS["B"], POS_ID["v"]), (WPOS["E"], POS_ID["v"])]
    assert feats[SENT.index("。")] == (WPOS["S"], POS_ID["other"])
    # the numeral 97.1 is a numeral word for jieba (m), whatever its length
    assert {f[1] for f in feats[SENT.index("97.1"):SENT.index("97.1") + 4]} == {POS_ID["m"]}


def test_flag_classes():
    from nlp.extract.features import POS_ID, coarse_pos

    assert coarse_pos("nrt") == POS_ID["nr"] and coarse_pos("nz") == POS_ID["nt/nz"]
    assert coarse_pos("vn") == POS_ID["vn"] and coarse_pos("vd") == POS_ID["v"]
    assert coarse_pos("uj") == POS_ID["u"] and coarse_pos("t") == POS_ID["f/s/t"]
    assert coarse_pos("eng") == coarse_pos("x") == POS_ID["other"]


@needs_model
def test_piece_features_take_their_first_character():
    """Every piece gets the features of its first character; specials and padding get 0."""
    from tokenizers import Tokenizer

    from nlp.extract.features import char_features, piece_features

    tok = Tokenizer.from_file(str(MODEL / "tokenizer.json"))
    enc = tok.encode(SENT)
    f = piece_features(SENT, enc.offsets, enc.word_ids, len(enc.ids) + 3)
    chars = char_features(SENT)
    assert f.shape == (len(enc.ids) + 3, 2)
    for t, (w, (s, _e)) in enumerate(zip(enc.word_ids, enc.offsets)):
        if w is None:
            assert f[t].tolist() == [0, 0]
        else:
            assert tuple(f[t].tolist()) == chars[min(s, len(SENT) - 1)]
    assert f[len(enc.ids):].tolist() == [[0, 0]] * 3


@needs_model
def test_inference_network_with_features_equals_transformers():
    """The transformers-free network adds the feature embeddings as the training network does."""
    import torch
    from transformers import BertConfig

    from nlp.extract.features import FEATURE_SIZES, feature_arrays
    from nlp.extract.model import batch_arrays, build_inference_network, build_network, encoder_states, load

    m = load(MODEL, int8=False, runtime="torch")
    cfg = json.loads((MODEL / "config.json").read_text(encoding="utf-8"))
    cfg["word_features"] = dict(FEATURE_SIZES)
    bc = BertConfig.from_dict(cfg)
    train_net, inf_net = build_network(bc), build_inference_network(cfg)
    sd = dict(m.net.state_dict())
    torch.manual_seed(0)
    sd.update({f"feats.{k}.weight": torch.randn(n, cfg["hidden_size"]) * 0.1 for k, n in FEATURE_SIZES.items()})
    train_net.load_state_dict(sd, strict=False)
    assert not [k for k in inf_net.load_state_dict(sd, strict=False).missing_keys if "position_ids" not in k]
    train_net.eval()
    inf_net.eval()
    sents = [SENT, "用户好感度因此上升8.4%。"]
    encs = m.tok.encode_batch(sents)
    ids, mask = batch_arrays(encs, m.tok.token_to_id("<pad>"))
    feats = torch.from_numpy(feature_arrays(sents, encs, ids.shape[1]))
    ids, mask = torch.from_numpy(ids), torch.from_numpy(mask)
    with torch.inference_mode():
        a = encoder_states(train_net, ids, mask, feats)
        b = encoder_states(inf_net, ids, mask, feats)
        plain = encoder_states(inf_net, ids, mask)
    assert float(((a - b).abs() * mask[..., None]).max()) < 1e-4
    assert float(((b - plain).abs() * mask[..., None]).max()) > 1e-2     # the features do change it


@needs_model
def test_zero_features_keep_the_shipped_tuples(tmp_path, monkeypatch):
    """A tagger directory with zero feature embeddings (config word_features) loads, runs the feature
    path on torch and on its ONNX graph (feature ids as a third input) and extracts what the shipped
    weights (no features) extract."""
    import torch
    from safetensors.torch import load_file, save_file

    from nlp.extract.features import FEATURE_SIZES
    from nlp.extract.model import ModelExtractor

    d = tmp_path / "feat"
    shutil.copytree(MODEL, d, ignore=shutil.ignore_patterns("int8_ranges.json"))
    cfg = json.loads((d / "config.json").read_text(encoding="utf-8"))
    cfg["word_features"] = dict(FEATURE_SIZES)
    (d / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    sd = load_file(str(d / "model.safetensors"))
    sd.update({f"feats.{k}.weight": torch.zeros(n, cfg["hidden_size"], dtype=torch.float16)
               for k, n in FEATURE_SIZES.items()})
    save_file(sd, str(d / "model.safetensors"), metadata={"format": "pt"})
    sents = [SENT, "此外,针对消费者普遍反感、投诉较多的电商内容,我们全年进行了28次专项治理。"]
    monkeypatch.setenv("ZHIE_CACHE_DIR", str(tmp_path / "cache"))   # the feature model's ONNX graph
    old = ModelExtractor(model_dir=str(MODEL), int8=False, runtime="torch")
    def keys(res):   # the tuples and their offsets (scores differ in the last digits across runtimes)
        return [[(t.actor, t.action, t.quantity, t.unit, t.offsets) for t in ts] for ts in res]

    want = keys(old.predict(sents))
    assert not old.loaded.features and any(want)
    for runtime in ("torch", "onnx"):
        new = ModelExtractor(model_dir=str(d), int8=False, runtime=runtime)
        assert new.loaded.features and new.loaded.runtime == runtime
        assert keys(new.predict(sents)) == want, runtime
    from nlp.extract.onnx_runtime import FEATURES_INPUT

    assert FEATURES_INPUT in {i.name for i in new.loaded.ort.session.get_inputs()}
