"""Session 17 (despin README): the table-free spun-word detector's training data and its place in the gate.

The weights are not shipped (the first detector did not separate spun from clean pages at zero flagged
clean pages; README, session 17), so these tests cover what does not need them: the random-table
windows it trains on, the piece labels, and that the option loads nothing for pages the rule gate
already judges spun.
"""
from __future__ import annotations

import random

import pytest

from nlp.despin import corpora
from nlp.despin.detector import _present, build_pools, build_windows, encode, spin_window
from nlp.despin.stage import Despinner
from nlp.document import Document
from nlp.errors import ConfigError
from nlp.evaluate.despin import seed002_body


@pytest.fixture(scope="module")
def pools():
    return build_pools()


def test_random_table_windows_on_real_text(pools):
    """Half the windows are left clean and a low-density table often finds nothing to spin in 150
    characters, so about 30 % carry spun tokens; their labelled spans are spun forms of the pools, at
    densities between ~2 and ~40 tokens per 1,000 characters."""
    docs = corpora.texts("dev")[:80]
    wins = build_windows(300, docs=docs, progress=False)
    spun = [(t, s) for t, s in wins if s]
    assert 0.2 < len(spun) / len(wins) < 0.45
    spun_forms = {v for p in pools.values() for vs in p.values() for v, _k in vs}
    for text, spans in spun:
        for a, b in spans:
            assert text[a:b] in spun_forms
    per_k = 1000 * sum(len(s) for _t, s in spun) / sum(len(t) for t, _s in spun)
    assert 2.0 < per_k < 40.0
    clean_texts = {t for t, s in wins if not s}
    assert clean_texts <= {w for d in docs for w in [d.strip()[i:i + 150] for i in range(0, len(d.strip()), 150)]}


def test_cross_boundary_and_character_rows(pools):
    """Keys match across word boundaries (spinner.spin): a character row rewrites 民 inside 人民."""
    text = "人民群众对商品质量的要求越来越高。"
    assert "民" in _present(text, pools["char"], 3)
    only = {"char": {"民": [("平易近", "char")]}} | {s: {} for s in pools if s != "char"}
    out, toks = spin_window(text, only, {s: 3 for s in only}, random.Random(0), density=1000.0)
    assert out.startswith("人平易近群众") and [(t.start, t.end) for t in toks] == [(1, 4)]


def test_piece_labels_follow_the_spans():
    from nlp.despin.detector import _tokenizer

    text = "人平易近日报记者在商风致量检查中发现"
    (ids, lab, nch), = encode(_tokenizer(), [text], [[(1, 4), (10, 12)]])
    tok = _tokenizer().encode(text)
    marked = "".join(text[a:b] for (a, b), y in zip(tok.offsets, lab) if y == 1)
    assert marked == "平易近风致"
    assert lab[0] == -100 and lab[-1] == -100
    assert nch.sum() == len(text)


def test_detector_loads_only_for_pages_the_rules_leave_clean():
    """Seed 002 is judged spun by the rule gate: the detector (here: missing weights) is never loaded and
    the output is the rule gate's. A clean dev page reaches the detector: missing weights are a config error."""
    seed = seed002_body()[0]
    off = Despinner(detector="off").process_batch([Document(id="s", text=seed)])[0]
    doc = Document(id="s", text=seed)
    on = Despinner(detector="/nonexistent/detector.safetensors").process_batch([doc])[0]
    assert off and [(e.start, e.end, e.replacement) for e in off] == [(e.start, e.end, e.replacement) for e in on]
    assert "detector" not in doc.info["despin"]
    with pytest.raises(ConfigError, match="despin-detector"):
        Despinner(detector="/nonexistent/detector.safetensors").process_batch(
            [Document(id="c", text=corpora.texts("dev")[0])])
