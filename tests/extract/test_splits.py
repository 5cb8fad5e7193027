"""The extraction gold splits: disjoint by document, test and dev frozen, dev2 rebuilt identically.

dev2 (session 5, corpora/extract/build.py) moved a stratified document sample of the session-4
annotators' train documents into a second dev split; it must not have touched dev or test, and
no document may sit in two splits (a model chosen on dev2 would otherwise have trained on it).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "extract"
SPLITS = ("train", "dev", "dev2", "test")
# sha256 of the frozen files (session 3's; unchanged by the dev2 carve-out of session 5)
FROZEN = {
    "test.jsonl": "3ae1f5d0d211a9a2e4dad5c8b7309bf81d309888d46d5bf7e65e333ce42e5d94",
    "dev.jsonl": "68e6a062393191143a8ec44430f51120ff761deafcac61367c02bc4c393a8155",
}


def _docs(split: str) -> dict[str, set[str]]:
    """doc -> annotators, of one split file (only the doc/annotator fields are read)."""
    out: dict[str, set[str]] = {}
    with open(CORPUS / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.setdefault(rec["doc"], set()).add(rec.get("annotator", ""))
    return out


@pytest.mark.parametrize("name", sorted(FROZEN))
def test_frozen_split_files_unchanged(name):
    digest = hashlib.sha256((CORPUS / name).read_bytes()).hexdigest()
    assert digest == FROZEN[name], f"{name} changed: dev/test membership and content are frozen"


def test_splits_are_disjoint_by_document():
    docs = {s: set(_docs(s)) for s in SPLITS}
    for i, a in enumerate(SPLITS):
        for b in SPLITS[i + 1:]:
            assert not docs[a] & docs[b], f"documents in both {a} and {b}: {sorted(docs[a] & docs[b])[:5]}"


def test_dev2_is_a_stratified_sample_of_session4_train_documents():
    dev2, train = _docs("dev2"), _docs("train")
    assert dev2 and all(who <= {"annot_c", "annot_d"} for who in dev2.values())
    for annot in ("annot_c", "annot_d"):     # both sources (C: inews, D: People's Daily) present
        moved = sum(annot in w for w in dev2.values())
        kept = sum(annot in w for w in train.values())
        assert 0.15 <= moved / (moved + kept) <= 0.40, (annot, moved, kept)


def _build_module():
    spec = importlib.util.spec_from_file_location("extract_build", CORPUS / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_build_reproduces_the_committed_splits(tmp_path):
    build = _build_module()
    build.build(CORPUS / "raw", tmp_path, quiet=True)
    for split in SPLITS:
        assert (tmp_path / f"{split}.jsonl").read_bytes() == (CORPUS / f"{split}.jsonl").read_bytes(), split


def test_no_train_sentence_repeats_an_evaluation_sentence():
    """People's Daily prints some articles twice under two document ids (pd-6079 in dev, pd-6080 the same
    text), so disjoint documents are not enough: the committed train split holds no sentence whose text
    (NFKC, punctuation and spaces ignored) is an evaluation sentence's."""
    build = _build_module()
    out = {s: [json.loads(line) for line in open(CORPUS / f"{s}.jsonl", encoding="utf-8")] for s in SPLITS}
    assert build.leaked_train(out) == {}


def test_build_leaves_a_reprinted_evaluation_sentence_out_of_train(tmp_path):
    """A train document reprinting a dev sentence (full-width digits, other spacing) is caught; the rest of
    the document stays in train."""
    build = _build_module()
    dev = [json.loads(line) for line in open(CORPUS / "dev.jsonl", encoding="utf-8")]
    src = next(r for r in dev if r["source"] == "peoplesdaily" and len(r["text"]) > 20)
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in (CORPUS / "raw").glob("*.jsonl"):
        (raw / path.name).write_bytes(path.read_bytes())
    doc = "pd-999999"
    assert build.split_of(doc) == "train"
    reprint = {**src, "id": f"{doc}-s0", "doc": doc, "text": " " + src["text"].replace("，", ", ")}
    reprint["tuples"] = []
    other = {**reprint, "id": f"{doc}-s1", "text": "该厂去年生产彩电１２万台。", "tuples": []}
    with open(raw / "annot_zz.jsonl", "w", encoding="utf-8") as fh:
        for rec in (reprint, other):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    res = build.build(raw, tmp_path, quiet=True)
    train_ids = {json.loads(line)["id"] for line in open(tmp_path / "train.jsonl", encoding="utf-8")}
    assert f"{doc}-s0" not in train_ids and f"{doc}-s1" in train_ids
    assert any(f"{doc}-s0" in n and "dev sentence" in n for n in res["notes"])


def test_build_hides_the_text_of_test_split_checks_unless_asked(tmp_path):
    """Annotators run build.py; its CHECK lines quote the sentence, so a test-split record's checks are a count
    (annotator N, session 12, saw test text this way); --show-test (the lead) prints them in full."""
    build = _build_module()
    test_ids = {json.loads(line)["id"] for line in open(CORPUS / "test.jsonl", encoding="utf-8")}

    def on_test(notes):
        return [n for n in notes if n.split(" ")[1].rstrip(":") in test_ids]

    hidden = on_test(build.build(CORPUS / "raw", tmp_path / "a", quiet=True)["notes"])
    shown = on_test(build.build(CORPUS / "raw", tmp_path / "b", quiet=True, show_test=True)["notes"])
    assert hidden, "the committed raw files have test-split checks"
    assert all("text hidden" in n and "[" not in n for n in hidden)
    assert len(shown) >= len(hidden) and any("[" in n for n in shown)  # the qualifier check quotes the text
