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


def test_build_reproduces_the_committed_splits(tmp_path):
    spec = importlib.util.spec_from_file_location("extract_build", CORPUS / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build(CORPUS / "raw", tmp_path, quiet=True)
    for split in SPLITS:
        assert (tmp_path / f"{split}.jsonl").read_bytes() == (CORPUS / f"{split}.jsonl").read_bytes(), split
