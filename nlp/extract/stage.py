"""Annotate stage "extract": (actor, action, quantity, unit) tuples of ``doc.text`` -> ``doc.tuples``.

Runs last, on the cleaned (and despun) text. Each tuple's ``offsets`` hold the field
spans in its sentence, ``offsets["text"]`` the sentence span in ``doc.text`` and
``offsets["raw"]`` the span of each non-empty field in ``doc.raw`` (through the
document's offset maps), so a reader can highlight the number in the original
page. Not in the default pipeline: ``zhie extract`` adds it.
"""
from __future__ import annotations

from ..document import Document
from ..errors import ConfigError
from ..stage import Stage
from . import BACKENDS, RUNTIMES, _predict_texts, backend_options, valid_int8


class Extract(Stage):
    """Extract reported quantities as tuples (shared/ANNOTATION.md) into ``doc.tuples``.

    Args:
        backend (str): extractor backend: ``"baseline"`` (rules) or ``"model"``
            (fine-tuned model). Defaults to ``"model"``.
        model_dir (str): backend model directory; ``""`` uses the backend's default.
        runtime (str): backend "model" only: ``"auto"``, ``"onnx"`` or ``"torch"`` forward
            pass (:class:`nlp.extract.model.ModelExtractor`). Defaults to ``"auto"``.
        skip_without_quantity (bool): backend "model" only: no forward pass for a sentence
            without a quantity candidate (:mod:`nlp.extract.gate`; same tuples). Defaults to True.
        int8 (bool | str): backend "model" only: int8 forward pass (ONNX: Q/K/V, attention output and
            FFN1 in int8 with calibrated activation scales; :class:`nlp.extract.model.ModelExtractor`);
            ``"auto"``: int8 on the ONNX runtime, fp32 on torch. Defaults to "auto".
    """

    name = "extract"
    kind = "annotate"
    requires = ("text",)
    emits = ("tuples",)

    def __init__(self, *, backend: str = "model", model_dir: str = "", runtime: str = "auto",
                 skip_without_quantity: bool = True, int8: bool | str = "auto"):
        if backend not in BACKENDS:
            raise ConfigError(f"stages.extract.backend must be one of {sorted(BACKENDS)}, got {backend!r}.")
        if runtime not in RUNTIMES:
            raise ConfigError(f"stages.extract.runtime must be one of {', '.join(RUNTIMES)}, got {runtime!r}.")
        if not valid_int8(int8):
            raise ConfigError(f"stages.extract.int8 must be true, false or \"auto\", got {int8!r}.")
        self.backend, self.options = backend_options({"backend": backend, "model_dir": model_dir, "runtime": runtime,
                                                      "skip_without_quantity": skip_without_quantity,
                                                      "int8": int8})

    def process(self, doc: Document) -> None:
        self.process_batch([doc])

    def process_batch(self, docs: list[Document]) -> list[None]:
        results = _predict_texts([d.text for d in docs], self.backend, self.options)
        for doc, tuples in zip(docs, results):
            for t in tuples:
                s0 = t.offsets["text"][0]
                raw = {}
                for f in ("actor", "action", "quantity", "unit"):
                    span = t.offsets.get(f)
                    if span:
                        raw[f] = list(doc.to_raw(s0 + span[0], s0 + span[1]))
                t.offsets["raw"] = raw
            doc.tuples = tuples
            doc.stats["tuples"] = len(tuples)
        return [None] * len(docs)
