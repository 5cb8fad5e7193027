"""spaCy component ``zhie_tuples`` on sentences of seed 003 (the clean Douyin governance report)."""
from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from nlp.extract.segment import MODEL_DIR  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

needs_model = pytest.mark.skipif(not (MODEL_DIR / "weights.npz").exists(),
                                 reason="pkuseg model not built (zhie train segmenter)")


def seed_sentences(min_n: int = 6) -> list[str]:
    """Sentences of seed 003 that report a number, markup stripped (real text, no hand edits)."""
    from nlp.extract.sentences import split_sentences

    (page,) = (ROOT / "seeds").glob("003_*.txt")
    text = page.read_text(encoding="utf-8")
    body = text.split("---", 2)[-1]  # drop the YAML front matter
    body = re.sub(r"<[^>]*>?|\[[^\]]*\]\([^)]*\)", "", body)
    out = [body[s:e].strip() for s, e in split_sentences(body)]
    out = [s for s in out if re.search(r"\d", s) and 8 <= len(s) <= 120]
    assert len(out) >= min_n
    return out


def test_spacy_zhie_tuples_is_an_entry_point():
    eps = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert eps.get("zhie_tuples") == "nlp.integrations.spacy:make_zhie_tuples"


@pytest.fixture(scope="module")
def zh():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhie_tuples")  # resolved through the entry point, no zhie import needed
    return nlp


@needs_model
def test_spacy_zhie_tuples_match_predict_and_spans(zh):
    from nlp.extract import predict

    sents = seed_sentences()
    docs = list(zh.pipe(sents, batch_size=4))
    assert [d.text for d in docs] == sents
    n_tuples = 0
    for doc in docs:
        expect = predict(doc.text)
        got = doc._.tuples
        assert [(t["actor"], t["action"], t["quantity"], t["unit"]) for t in got] == \
               [(t.actor, t.action, t.quantity, t.unit) for t in expect]
        spans = list(doc.spans["zhie"])
        assert len(spans) == sum(len(t["spans"]) for t in got)
        k = 0
        for t in got:
            for field, (s, e) in t["spans"].items():
                assert doc.text[s:e] == t[field]          # char offsets index doc.text
                assert spans[k].label_ == field
                assert t[field] in spans[k].text          # expanded to token boundaries at most
                k += 1
        n_tuples += len(got)
    assert n_tuples > 0
    # 用户好感度上升了8.4% is in the seed: the percentage must come out as quantity 8.4, unit %
    assert any(t["quantity"] == "8.4" and t["unit"] == "%" for d in docs for t in d._.tuples)


@needs_model
def test_spacy_pipe_batches_the_extractor(zh, monkeypatch):
    """nlp.pipe(batch_size=4) over 8 docs: two extractor calls, same result as one doc at a time."""
    from nlp.config import Config
    from nlp.extract import backend_options, get_extractor

    sents = seed_sentences()[:8]
    single = [[(t["quantity"], t["unit"]) for t in zh(s)._.tuples] for s in sents]
    backend, options = backend_options(Config.load().stage_options("extract"))  # what the component uses
    ext = get_extractor(backend, **options)
    calls = []
    orig = ext.predict
    monkeypatch.setattr(ext, "predict", lambda sentences: calls.append(len(sentences)) or orig(sentences))
    batched = [[(t["quantity"], t["unit"]) for t in d._.tuples] for d in zh.pipe(sents, batch_size=4)]
    assert batched == single
    assert len(calls) == -(-len(sents) // 4)


@needs_model
def test_spacy_doc_without_quantity_gets_empty_results(zh):
    """A seed sentence that reports no quantity: empty list and empty span group, not None."""
    doc = zh("打假力度居业界前列。")
    assert doc._.tuples == [] and doc._.zhie_tuples == []
    assert len(doc.spans["zhie"]) == 0


def test_spacy_pipeline_saves_and_loads_with_its_config(tmp_path):
    """nlp.to_disk + spacy.load rebuild the component from the entry point with the saved options."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhie_tuples", config={"batch_size": 8, "spans_key": "facts"})
    nlp.to_disk(tmp_path / "p")
    back = spacy.load(tmp_path / "p")
    comp = back.get_pipe("zhie_tuples")
    assert back.pipe_names == ["zhie_tuples"]
    assert (comp.batch_size, comp.spans_key) == (8, "facts")
    assert "doc._.tuples" in back.get_pipe_meta("zhie_tuples").assigns
