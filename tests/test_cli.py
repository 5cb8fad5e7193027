"""The zhie CLI as a user types it (issue 3)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, seed_path


def zhie(*args, **kw):
    return subprocess.run([sys.executable, "-m", "nlp", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def test_cli_single_page_prints_converted_text():
    r = zhie("clean", str(seed_path("004")))
    assert r.returncode == 0, r.stderr
    assert "快手电商2022年共处罚商家和主播65.7万人次" in r.stdout


def test_cli_batch_jsonl_stdout_and_file(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "國務院發佈了這份報告。"}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    r = zhie("clean", str(src), "--no-progress")
    lines = [json.loads(l) for l in r.stdout.splitlines()]
    assert [l["id"] for l in lines] == ["a", "in.jsonl:2"]
    assert lines[0]["text"] == "国务院发布了这份报告。" and lines[1]["error"].startswith("[E101]")
    out = tmp_path / "out.jsonl"
    r = zhie("clean", str(src), "-o", str(out))
    assert r.returncode == 0 and "records in: 2, out: 2" in r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_cli_config_and_errors():
    r = zhie("config", "--set", "stages.convert.mode=t2s")
    assert r.returncode == 0 and 'mode = "t2s"' in r.stdout
    r = zhie("config", "--set", "pipeline.stages=['nope']")
    assert r.returncode == 2 and "[E001] Unknown stage 'nope'" in r.stderr


def test_cli_eval_despin_unseen_protocol():
    # the dev protocol where part of the spinning table is unknown to the lexicon: on 3 dev articles
    # the hidden pairs and the never-listed pairs are present and counted, and rewrites are scored
    r = zhie("eval", "despin", "--unseen", "--limit", "3", "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert set(res["recall_by"]) == {"hidden pair", "known pair", "never in lexicon"}
    assert all(n > 0 for _, n in res["recall_by"].values())
    assert res["tp"] > 0 and 0.5 < res["precision"] <= 1.0


def test_cli_eval_despin_unseen_folds_option():
    # --folds K reaches the protocol: the lexicon pairs are split into K folds, each hidden on its own articles
    r = zhie("eval", "despin", "--unseen", "--folds", "3", "--limit", "3", "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["k"] == 3 and [f["fold"] for f in res["folds"]] == [0, 1, 2]
    assert all(f["hidden_pairs"] > 0 for f in res["folds"])


def test_cli_cache_lists_and_prunes_the_onnx_graphs(tmp_path):
    """`zhie cache` lists the graphs cached per weights in $ZHIE_CACHE_DIR, newest first; `--prune --keep 1`
    deletes the others (graphs and sidecars) and nothing else."""
    import os

    for i, key in enumerate("ab"):
        for suffix in (".onnx", ".json"):
            f = tmp_path / f"extract-{key * 16}{suffix}"
            f.write_bytes(b"x" * 1000)
            os.utime(f, (2_000_000 + i, 2_000_000 + i))
    (tmp_path / "mine.txt").write_text("keep")
    env = {**os.environ, "ZHIE_CACHE_DIR": str(tmp_path)}
    r = zhie("cache", env=env)
    assert r.returncode == 0, r.stderr
    assert f"{tmp_path}: 2 weights" in r.stdout
    assert r.stdout.index("b" * 16) < r.stdout.index("a" * 16)          # most recently used first
    r = zhie("cache", "--prune", "--keep", "1", env=env)
    assert r.returncode == 0 and "removed 2 files" in r.stderr and ": 1 weights" in r.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extract-" + "b" * 16 + ".json",
                                                          "extract-" + "b" * 16 + ".onnx", "mine.txt"]
