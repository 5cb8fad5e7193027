"""Convert: Traditional -> Simplified, region-aware, protected terms, offsets (issue 3)."""
from __future__ import annotations

import opencc
import pytest

from nlp import Pipeline
from nlp.convert import Converter, build_offset_map, convert_text, detect_variant, load_protected, traditional_class
from nlp.document import Document


def run_convert(text: str, **opts) -> Document:
    return Pipeline(stages=["convert"], on_error="raise").run(text) if not opts else \
        Pipeline(stages=["convert"], on_error="raise").__class__(
            __import__("nlp").Config.load(overrides={f"stages.convert.{k}": v for k, v in opts.items()}),
            stages=["convert"], on_error="raise").run(text)


def traditional_left(text: str) -> list[str]:
    return traditional_class().findall(text)


def test_convert_seed004_leaves_no_traditional(seed_text):
    doc = run_convert(seed_text["004"])
    assert traditional_left(doc.text) == []
    assert "快手电商2022年共处罚商家和主播65.7万人次" in doc.text
    # the mixed page: its Simplified spam header is untouched, the article converted
    assert doc.text.splitlines()[0] == seed_text["004"].splitlines()[0]
    assert doc.info["convert"] == "t2s"
    # mainland phrasing in Traditional script must not get Taiwan->mainland rewrites
    assert "(资料图片仅供参考)" in doc.text
    assert "着力建设" in doc.text


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_convert_simplified_seed_is_byte_identical(seed_text, key):
    doc = run_convert(seed_text[key])
    assert doc.text.encode("utf-8") == seed_text[key].encode("utf-8")
    assert doc.maps == []
    assert doc.info["convert"] == "none"


def test_convert_simplified_with_opencc_pitfalls_is_untouched():
    text = "乾隆年间，於梨华在乾县写作。我们很着急，这是报告。"
    assert run_convert(text).text == text


@pytest.mark.parametrize("trad,simp", sorted(load_protected().items()))
def test_convert_protected_terms(trad, simp):
    """Each protected term comes out as listed inside a Traditional sentence."""
    sentence = f"這個報告裡說{trad}的問題，我們會繼續關注。"
    doc = run_convert(sentence)
    assert simp in doc.text, doc.text
    assert "这个报告" in doc.text


@pytest.mark.issue(3)
def test_convert_qianlong_stays():
    """乾隆 stays 乾隆 under conversion, while 乾淨 becomes 干净."""
    doc = run_convert("乾隆皇帝喜歡乾淨的書房。")
    assert doc.text == "乾隆皇帝喜欢干净的书房。"


def test_convert_taiwan_phrasing_uses_tw2sp():
    doc = run_convert("這款軟體需要連上網路，記憶體至少要8GB，可以在臺北捷運上使用。")
    assert doc.info["convert"] == "tw2sp"
    assert "软件" in doc.text and "网络" in doc.text and "内存" in doc.text


def test_convert_hong_kong_variant():
    text = "佢哋喺屋邨裏面講，的士司機話今日好忙，港鐵都好多人。"
    assert detect_variant(text) == "hk2s"
    assert traditional_left(run_convert(text).text) == []


def test_convert_mode_none_and_forced():
    text = "當前位置:首頁"
    assert run_convert(text, mode="none").text == text
    assert run_convert(text, mode="t2s").text == "当前位置:首页"


def test_convert_bad_mode_is_a_clear_error():
    from nlp.errors import ConfigError
    with pytest.raises(ConfigError, match="mode must be one of"):
        Converter(mode="s2t")


# --- offset maps ---------------------------------------------------------
def _check_lines_map_back(doc: Document, conv) -> None:
    """Every converted line maps to the raw line it came from, and converting that
    raw slice reproduces the converted line (the map is exact at line level)."""
    pos = 0
    for line in doc.text.split("\n"):
        rs, re_ = doc.to_raw(pos, pos + len(line))
        raw_line = doc.raw[rs:re_]
        assert "\n" not in raw_line
        if line:
            assert conv(raw_line) == line or traditional_left(raw_line) == [], (raw_line, line)
        pos += len(line) + 1


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_offset_map_roundtrip_on_seed(seed_text, key):
    doc = run_convert(seed_text[key])
    cfg = doc.info["convert"]
    conv = (lambda s: s) if cfg == "none" else (lambda s: convert_text(s, cfg, load_protected()))
    _check_lines_map_back(doc, conv)


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_offset_map_roundtrip_on_seed_made_traditional(seed_text, key):
    """Seed text turned into Taiwan Traditional (s2twp changes phrase lengths:
    内存 -> 記憶體) converts back with every character mapped to its raw span."""
    trad = opencc.OpenCC("s2twp").convert(seed_text[key] + "\n电脑内存不足，请检查软件。")
    doc = run_convert(trad)
    assert doc.maps, "a Traditional page must carry an offset map"
    conv = lambda s: convert_text(s, doc.info["convert"], load_protected())  # noqa: E731
    _check_lines_map_back(doc, conv)


@pytest.mark.parametrize("key", ["001", "003"])
def test_offset_map_character_exact_without_phrase_rewrites(seed_text, key):
    """Character-level Traditional (s2t, no phrase rewriting): every 2-character
    window maps to a raw slice that converts back to exactly that window. (Phrase
    rewrites such as 線上 -> 在线 are aligned per phrase, not per character.)"""
    doc = run_convert(opencc.OpenCC("s2t").convert(seed_text[key]))
    conv = lambda s: convert_text(s, doc.info["convert"], load_protected())  # noqa: E731
    for i in range(0, len(doc.text) - 2, 13):
        rs, re_ = doc.to_raw(i, i + 2)
        assert conv(doc.raw[rs:re_]) == doc.text[i:i + 2]


def test_build_offset_map_length_changing_line():
    src = "第一行\n記憶體不足\n第三行"
    dst = "第一行\n内存不足\n第三行"
    m = build_offset_map(src, dst)
    s = dst.index("内存")
    assert m.span_to_src(s, s + 2) == (src.index("記憶體"), src.index("記憶體") + 3)
    s = dst.index("不足")
    assert src[slice(*m.span_to_src(s, s + 2))] == "不足"
    s = dst.index("第三行")
    assert src[slice(*m.span_to_src(s, s + 3))] == "第三行"


def test_convert_hong_kong_glyphs_without_cantonese_cues():
    """A formal HK news sentence (no Cantonese particles, so not detected as HK) still gets 衞 -> 卫, 枱 -> 台:
    the HK glyph variants only hk2s knows are mapped after t2s too, one character each (offsets hold)."""
    text = "衞生署昨日公布，全港共有三十二間食肆的枱面抽查不合格。"
    assert detect_variant(text) == "t2s"
    doc = run_convert(text)
    assert doc.text == "卫生署昨日公布，全港共有三十二间食肆的台面抽查不合格。"
    assert len(doc.text) == len(text)
