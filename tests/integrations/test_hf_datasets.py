"""Hugging Face datasets: the map function and run_dataset on the seed pages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

datasets = pytest.importorskip("datasets")

from nlp.config import Config  # noqa: E402
from nlp.errors import InputError  # noqa: E402
from nlp.integrations.hf_datasets import make_map_fn, run_dataset  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
STAGES = ["convert", "despin"]  # cheap and both edit: Traditional seed 004 converts, seed 002 despins


@pytest.fixture(scope="module")
def config() -> Config:
    return Config.load().with_stages(STAGES)


@pytest.fixture(scope="module")
def seed_ds():
    pages = sorted(SEEDS.glob("0*_*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    return datasets.Dataset.from_dict({
        "text": texts + [None],  # a row without text must become an error row, not a crash
        "url": [f"https://example.org/{p.stem}" for p in pages] + ["https://example.org/empty"],
        "views": list(range(len(pages) + 1)),
    })


def test_hf_map_keeps_columns_and_matches_pipeline(seed_ds, config):
    fn = make_map_fn(config)
    out = seed_ds.map(fn, batched=True, batch_size=4, features=fn.features(seed_ds.features))
    assert out.num_rows == seed_ds.num_rows
    for col in seed_ds.column_names:  # every original column, untouched
        assert out[col] == seed_ds[col]
    assert set(out.column_names) == set(seed_ds.column_names) | set(fn.columns)
    pipe = Pipeline(config)
    for i, text in enumerate(seed_ds["text"][:-1]):
        doc = pipe.run(text)
        row = out[i]
        assert row["zhie_error"] is None
        assert row["zhie_text"] == doc.text
        assert [(e["stage"], e["raw_start"], e["raw_end"], e["replacement"]) for e in row["zhie_edits"]] == \
               [(e.stage, e.raw_start, e.raw_end, e.replacement) for e in doc.edits]
        assert json.loads(row["zhie_stats"])["chars_out"] == len(doc.text)
    # the spun forum copy (seed 002) got its 斲丧者 back to 消费者; the Traditional seed 004 is now Simplified
    spun = out[2]
    assert any(e["text"] == "斲丧者" and e["replacement"] == "消费者" for e in spun["zhie_edits"])
    assert "斲丧者" in seed_ds[2]["text"] and "斲丧者" not in spun["zhie_text"]
    assert out[4]["zhie_text"] != seed_ds[4]["text"]
    bad = out[-1]
    assert bad["zhie_text"] is None and bad["zhie_error"].startswith("[E101]")


def test_hf_run_dataset_round_trip(seed_ds, config, tmp_path):
    src = tmp_path / "in"
    dd = datasets.DatasetDict({"train": seed_ds.select(range(4)), "test": seed_ds.select(range(4, 6))})
    dd.save_to_disk(str(src))
    before = sorted(p.name for p in src.rglob("*"))
    dst = tmp_path / "out"
    res = run_dataset(src, dst, config, progress=False)
    assert res["records"] == 6 and res["ok"] == 5 and res["errors"] == {"E101": 1}
    assert res["splits"] == {"train": 4, "test": 2}
    assert res["removed_chars"].get("spin", 0) > 0  # seed 002's longer spun forms shrink back
    assert sorted(p.name for p in src.rglob("*")) == before  # no cache files written into the input
    back = datasets.load_from_disk(str(dst))
    assert back["train"]["url"] == dd["train"]["url"] and back["test"]["views"] == dd["test"]["views"]
    assert back["test"][1]["zhie_error"].startswith("[E101]")
    # running again replaces the output atomically
    run_dataset(src, dst, config, progress=False)
    assert datasets.load_from_disk(str(dst))["train"].num_rows == 4


def test_hf_run_dataset_refuses_bad_paths(seed_ds, config, tmp_path):
    src = tmp_path / "in"
    seed_ds.select(range(1)).save_to_disk(str(src))
    with pytest.raises(InputError, match=r"\[E101\].*another directory"):
        run_dataset(src, src, config, progress=False)
    with pytest.raises(InputError, match=r"\[E101\].*not a dataset"):
        run_dataset(tmp_path, tmp_path / "o", config, progress=False)
    with pytest.raises(InputError, match=r"--text-field"):
        run_dataset(src, tmp_path / "o", config, text_field="body", progress=False)


def test_hf_map_adds_tuples_when_extract_runs(config):
    from nlp.extract.segment import MODEL_DIR

    if not (MODEL_DIR / "weights.npz").exists():
        pytest.skip("pkuseg model not built (zhie train segmenter)")
    from nlp.extract import predict

    cfg = config.with_stages(["convert", "extract"])
    # sentences from seed 003 (the clean original of the Douyin governance report)
    texts = ["同时协助有关部门，打击633名违法人员，涉案金额超4亿元。",
             "此外，该平台全年投入超8000万元，用于对商品进行质检核查。"]
    ds = datasets.Dataset.from_dict({"text": texts})
    fn = make_map_fn(cfg)
    out = ds.map(fn, batched=True, features=fn.features(ds.features))
    for text, row in zip(texts, out):
        expect = predict(text)
        assert [(t["actor"], t["action"], t["quantity"], t["unit"]) for t in row["zhie_tuples"]] == \
               [(t.actor, t.action, t.quantity, t.unit) for t in expect]
    assert any(t["quantity"] == "633" and t["unit"] == "名" for t in out[0]["zhie_tuples"])


def test_hf_fits_clean_corpus_on_site_template_lines(tmp_path):
    """A line a site repeats under every article is template even when no per-page rule
    knows its wording: make_map_fn(fit_on=...) and run_dataset fit clean.corpus on the
    dataset's pages (as the local runner does) and remove it from every page; without
    fitting it survives on most pages (clean.lines drops it as a trailing sentence on a few)."""
    # (no "关注本号…为你": clean.chrome now removes such reader prompts on every page)
    template = "滨江生活圈每天为市民带来第一手好消息"
    seed = sorted(SEEDS.glob("003_*.txt"))[0]
    paras = [p for p in seed.read_text(encoding="utf-8").splitlines()
             if len(p) > 40 and not p.startswith(("---", "title"))]
    assert len(paras) >= 8
    ds = datasets.Dataset.from_dict({"text": [f"{p}\n{template}\n" for p in paras[:8]]})
    cfg = Config.load()
    cfg = cfg.with_stages([s for s in cfg.stages if s.startswith(("convert", "clean."))])

    fitted = make_map_fn(cfg, fit_on=ds)
    out = ds.map(fitted, batched=True, batch_size=4, features=fitted.features(ds.features))
    assert all(template not in t and t.strip() for t in out["zhie_text"])
    assert all(any(e["reason"] == "corpus_repeat" and template in e["text"] for e in edits)
               for edits in out["zhie_edits"])

    plain = make_map_fn(cfg)
    kept = ds.map(plain, batched=True, batch_size=4, features=plain.features(ds.features))
    assert sum(template in t for t in kept["zhie_text"]) >= len(ds) // 2
    assert not any(e["reason"] == "corpus_repeat" for edits in kept["zhie_edits"] for e in edits)

    src, dst = tmp_path / "in", tmp_path / "out"
    ds.save_to_disk(str(src))
    run_dataset(src, dst, cfg, progress=False)
    assert all(template not in t for t in datasets.load_from_disk(str(dst))["zhie_text"])


def test_hf_map_enforces_the_time_limit_per_row():
    """limits.max_seconds holds in the datasets path too: the slow row becomes an error row
    (same E103 message as the local runner) and its neighbours in the batch are processed."""
    # test.sleepy (tests/conftest.py) sleeps 5 s on the page with the snail
    cfg = Config.load(overrides={"pipeline.stages": ["convert", "test.sleepy"], "limits.max_seconds": 0.3})
    ds = datasets.Dataset.from_dict({"id": ["a", "b", "c"], "text": ["國務院發佈了這份報告。", "慢🐌页面", "平台治理"]})
    fn = make_map_fn(cfg)
    out = ds.map(fn, batched=True, batch_size=8, features=fn.features(ds.features))
    assert out["zhie_text"] == ["国务院发布了这份报告。", None, "平台治理"]
    assert out["zhie_error"][0] is None and out["zhie_error"][2] is None
    assert out["zhie_error"][1].startswith("[E103]") and "max_seconds=0.3" in out["zhie_error"][1]
