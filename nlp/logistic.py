"""A small L2 logistic regression (numpy only) and its JSON model file.

Two stages learn a yes/no decision from a handful of hand-made features: despin's
rewrite decision (:mod:`nlp.despin.decision`) and clean.lines' edge-line classifier
(:mod:`nlp.clean.lines`). Both fit with :func:`fit_logistic` and store the result as a
:class:`LogisticModel` subclass that names its feature list, default path and the
command that retrains it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import ClassVar

import numpy as np

from .errors import ModelError
from .io.writers import write_text_atomic


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, iters: int = 50,
                 sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """L2 logistic regression by Newton's method on standardised features (bias unpenalised).

    Column 0 of ``x`` must be the constant bias feature (1.0).

    Returns:
        (weights, mean, scale): the model in the form :class:`LogisticModel` uses.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # bias column stays 1
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    sw = np.ones(len(y)) if sample_weight is None else sample_weight
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -40, 40)))
        grad = z.T @ (sw * (p - y)) + reg * w
        hess = (z * (sw * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w, mean, scale


class LogisticModel:
    """Weights over ``FEATURES`` plus their standardisation and a decision threshold.

    Subclasses set ``FEATURES`` (names, in column order), ``DEFAULT_PATH`` and
    ``RETRAIN`` (the fix named in error messages).

    Attributes:
        weights, mean, scale (np.ndarray): one value per feature.
        threshold (float): probability at or above which the answer is yes.
        meta (dict): how it was trained (for the model card).
    """

    FEATURES: ClassVar[tuple[str, ...]] = ()
    DEFAULT_PATH: ClassVar[Path | None] = None
    RETRAIN: ClassVar[str] = ""

    def __init__(self, weights, mean, scale, threshold: float = 0.5, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=float)
        self.mean = np.asarray(mean, dtype=float)
        self.scale = np.asarray(scale, dtype=float)
        self.threshold = float(threshold)
        self.meta = meta or {}

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Probability of "yes" for each row of a feature matrix."""
        z = ((x - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Write the model as JSON (atomically)."""
        path = Path(path or self.DEFAULT_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"features": list(self.FEATURES), "weights": [round(float(w), 6) for w in self.weights],
                "mean": [round(float(v), 6) for v in self.mean], "scale": [round(float(v), 6) for v in self.scale],
                "threshold": round(self.threshold, 6), "meta": self.meta}
        write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike | None = None):
        """Read a model written by :meth:`save`.

        Raises:
            ModelError: ``[E401]`` when the file is missing or was trained on other features.
        """
        path = Path(path or cls.DEFAULT_PATH)
        if not path.exists():
            raise ModelError(f"{cls.__name__} model not found at {path}. {cls.RETRAIN}")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("features") != list(cls.FEATURES):
            raise ModelError(f"{path} was trained on other features than {cls.__name__} uses. {cls.RETRAIN}")
        return cls(data["weights"], data["mean"], data["scale"], data["threshold"], data.get("meta"))
