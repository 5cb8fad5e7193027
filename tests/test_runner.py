"""Batch runner: one output record per input record, in order; atomic; resumable (issue 3)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from nlp import Config, Reason, registry
from nlp.runner import run_batch
from nlp.stage import Stage

ROOT = Path(__file__).resolve().parents[1]




def sentences(seed_text) -> list[str]:
    lines = [l for k in ("001", "003", "004") for l in seed_text[k].splitlines() if len(l) > 20]
    return lines


def make_corpus(path: Path, seed_text, n=1000, corrupt=(7, 250, 499, 500, 998)) -> list[str]:
    lines = sentences(seed_text)
    ids = []
    with open(path, "wb") as fh:
        for i in range(n):
            rid = f"doc{i:04d}"
            ids.append(rid)
            if i == corrupt[0]:
                fh.write(b'{"id": "doc0007", "text": "broken\n')           # not JSON
            elif i == corrupt[1]:
                fh.write(json.dumps({"id": rid, "body": "no text field"}).encode() + b"\n")
            elif i == corrupt[2]:
                fh.write(json.dumps({"id": rid, "text": 42}).encode() + b"\n")  # wrong type
            elif i == corrupt[3]:
                fh.write(b'{"id": "doc0500", "text": "\xff\xfe GBK \xb1\xa8\xb8\xe6"}\n')  # invalid UTF-8
            elif i == corrupt[4]:
                fh.write(json.dumps({"id": rid, "text": "lone \ud800 surrogate"}).encode() + b"\n")
            else:
                rec = {"id": rid, "text": lines[i % len(lines)], "site": "seed", "n": i}
                fh.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
    return ids


def read_out(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_1000_records_5_corrupted(tmp_path, seed_text, jobs):
    src = tmp_path / "in.jsonl"
    make_corpus(src, seed_text)
    out = tmp_path / "out.jsonl"
    summary = run_batch([src], out, jobs=jobs, progress=False)
    recs = read_out(out)
    assert len(recs) == 1000 == summary.records_in == summary.records_out
    # order kept: ids of well-formed lines in input order (line 8 lost its id with its JSON)
    assert [r["id"] for r in recs][:7] == [f"doc{i:04d}" for i in range(7)]
    assert recs[7]["id"] == "in.jsonl:8" and recs[7]["error"].startswith("[E101]")
    assert recs[250]["error"].startswith("[E101]") and "no 'text' field" in recs[250]["error"]
    assert recs[499]["error"].startswith("[E101]") and "not a string" in recs[499]["error"]
    # invalid UTF-8 inside a line and a lone surrogate are repaired, not fatal
    assert recs[500]["error"] is None if "error" in recs[500] else True
    assert recs[500]["text"].endswith("GBK \ufffd\ufffd\ufffd\ufffd") or "\ufffd" in recs[500]["text"]
    assert recs[998]["text"] == "lone \ufffd surrogate"
    errors = [r for r in recs if r.get("error")]
    assert len(errors) == 3 and summary.ok == 997
    # other fields are kept; Traditional lines were converted
    assert recs[1]["site"] == "seed" and recs[1]["n"] == 1
    assert all("著力建設" not in (r.get("text") or "") for r in recs)
    assert not (tmp_path / "out.jsonl.partial").exists()
    assert json.loads((tmp_path / "out.jsonl.summary.json").read_text())["records_out"] == 1000


def test_runner_time_limit_makes_an_error_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False)
                             for i, t in enumerate(["报告显示", "慢🐌页面", "平台治理"])) + "\n", encoding="utf-8")
    cfg = Config.load(overrides={"pipeline.stages": ["convert", "test.sleepy"], "limits.max_seconds": 0.3})
    out = tmp_path / "out.jsonl"
    run_batch([src], out, cfg, progress=False)
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["r0", "r1", "r2"]
    assert recs[1]["error"].startswith("[E103]") and recs[0]["text"] == "报告显示" and recs[2]["text"] == "平台治理"


def test_runner_inputs_files_dirs_and_dataset(tmp_path, seed_bytes):
    d = tmp_path / "pages" / "sub"
    d.mkdir(parents=True)
    (d / "a.txt").write_bytes(seed_bytes["004"])
    (d / "b.html").write_bytes(seed_bytes["003"].decode().encode("gb18030"))
    (tmp_path / "pages" / ".hidden").write_text("skip me")
    import datasets
    ds = datasets.Dataset.from_dict({"id": ["x1", "x2"], "text": ["國務院發佈了這份報告。", "报告显示"], "lang": ["zh", "zh"]})
    ds.save_to_disk(str(tmp_path / "ds"))
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "pages", tmp_path / "ds", tmp_path / "missing.txt"], out, progress=False)
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["sub/a.txt", "sub/b.html", "x1", "x2", "missing.txt"]
    assert recs[1]["encoding"] == "gb18030" and "抖音电商" in recs[1]["text"]
    assert recs[2]["text"] == "国务院发布了这份报告。" and recs[2]["lang"] == "zh"
    assert recs[4]["error"].startswith("[E101] input not found")


SLOW_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
    from nlp import Config, registry
    from nlp.stage import Stage
    class Slow(Stage):
        name = "test.slow"
        def __init__(self, *, delay: float = 0.0):
            self.delay = delay
        def process(self, doc):
            time.sleep(self.delay)
            return []
    registry.register("test.slow", "__main__:Slow")
    from nlp.runner import run_batch
    cfg = Config.load(overrides={{"pipeline.stages": ["convert", "test.slow"], "stages.test.slow.delay": float(sys.argv[3])}})
    run_batch([sys.argv[1]], sys.argv[2], cfg, resume=True, progress=False, chunk_size=4)
""")


def test_runner_resume_after_kill_9_equals_uninterrupted(tmp_path, seed_text):
    src = tmp_path / "in.jsonl"
    make_corpus(src, seed_text, n=120)
    script = tmp_path / "run.py"
    script.write_text(SLOW_SCRIPT.format(root=str(ROOT), tests=str(ROOT / "tests")))
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    subprocess.run([sys.executable, str(script), str(src), str(ref), "0"], check=True)
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(out), "0.02"])
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 60
    while time.time() < deadline and (not partial.exists() or partial.stat().st_size < 2000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert partial.exists() and not out.exists()
    with open(partial, "ab") as fh:  # a torn last line, as a kill mid-write leaves it
        fh.write(b'{"id": "doc9999", "te')
    done_before = len(partial.read_bytes().splitlines()) - 1
    assert 0 < done_before < 120
    subprocess.run([sys.executable, str(script), str(src), str(out), "0"], check=True)

    def strip(recs):  # timings differ between runs
        for r in recs:
            (r.get("stats") or {}).pop("ms.convert", None)
            (r.get("stats") or {}).pop("ms.test.slow", None)
        return recs
    assert strip(read_out(out)) == strip(read_out(ref))


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_fits_clean_corpus_on_site_template_lines(tmp_path, seed_text, jobs):
    """A line a site repeats under every article is template even when no per-page rule
    knows its wording: batch mode fits clean.corpus on the corpus and removes it (in every
    worker); with fitting disabled it survives on most pages (clean.lines drops it as a
    trailing sentence on a few one-paragraph pages, rightly) and no corpus_repeat edit exists."""
    # (no "关注本号…为你": clean.chrome now removes such reader prompts on every page)
    template = "滨江生活圈每天为市民带来第一手好消息"
    paras = [p for p in seed_text["003"].splitlines() if len(p) > 40 and not p.startswith(("---", "title"))]
    assert len(paras) >= 8
    pages = tmp_path / "site"
    pages.mkdir()
    for i, para in enumerate(paras[:8]):
        (pages / f"p{i}.txt").write_text(f"{para}\n{template}\n", encoding="utf-8")

    out = tmp_path / "out.jsonl"
    run_batch([pages], out, Config.load(), jobs=jobs, progress=False)
    recs = read_out(out)
    assert len(recs) == 8
    assert all(template not in r["text"] for r in recs)
    assert all(any(e["reason"] == Reason.CORPUS_REPEAT.value and template in e["text"] for e in r["edits"])
               for r in recs)
    assert all(r["text"].strip() for r in recs)  # the article paragraphs stay

    off = tmp_path / "off.jsonl"
    run_batch([pages], off, Config.load(overrides={"batch.fit_corpus_pages": 0}), progress=False)
    kept = read_out(off)
    assert sum(template in r["text"] for r in kept) >= len(kept) // 2
    assert not any(e["reason"] == Reason.CORPUS_REPEAT.value for r in kept for e in r["edits"])
