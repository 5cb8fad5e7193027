"""Tuple extraction: ``predict(text)`` -> (actor, action, quantity, unit) tuples.

Backends are a small registry (name -> ``"module:Class"``), resolved lazily:
``"baseline"`` is the rule baseline (:class:`nlp.extract.baseline.BaselineExtractor`);
the fine-tuned model registers as ``"model"`` with the same interface: a class
whose keyword-only ``__init__`` options configure it and whose
``predict(sentences: list[str]) -> list[list[Tuple]]`` returns, per sentence,
tuples with ``offsets`` indexing that sentence.

Example:
    >>> from nlp.extract import predict
    >>> [(t.actor, t.action, t.quantity, t.unit) for t in predict("用户好感度因此上升8.4%。")]
    [('用户好感度', '上升', '8.4', '%')]
"""
from __future__ import annotations

import functools
import importlib
import json
import threading
from pathlib import Path
from typing import Any, Iterable, Protocol

from ..document import Tuple
from ..errors import ConfigError
from ..io.writers import atomic_open
from .sentences import split_sentences

__all__ = ["predict", "get_extractor", "register_backend", "backend_options", "BACKENDS", "RUNTIMES", "predict_file",
           "Extractor"]

#: backend name -> "module:Class"; the model helper adds "model" here
BACKENDS: dict[str, str] = {
    "baseline": "nlp.extract.baseline:BaselineExtractor",
    "model": "nlp.extract.model:ModelExtractor",
}

#: forward-pass runtimes of the "model" backend (nlp.extract.model.resolve_runtime)
RUNTIMES = ("auto", "onnx", "torch")


def valid_int8(int8: object) -> bool:
    """Whether ``int8`` is a setting of the "model" backend: True, False or ``"auto"`` (nlp.extract.model.resolve_int8)."""
    return int8 is True or int8 is False or int8 == "auto"


class Extractor(Protocol):
    def predict(self, sentences: list[str]) -> list[list[Tuple]]: ...


_INSTANCES: dict[tuple, Extractor] = {}
_LOCK = threading.Lock()


def register_backend(name: str, target: str) -> None:
    """Register a backend ``name`` -> ``"module:Class"`` (replaces an existing entry)."""
    BACKENDS[name] = target
    with _LOCK:
        for key in [k for k in _INSTANCES if k[0] == name]:
            del _INSTANCES[key]


def get_extractor(backend: str = "baseline", **options: Any) -> Extractor:
    """The (cached) extractor instance of ``backend`` built with ``options``.

    Instances are cached per (backend, options), so a model is loaded once per
    process; creation is serialised by a lock, and the extractors themselves
    load lazily under their own lock.
    """
    try:
        target = BACKENDS[backend]
    except KeyError:
        raise ConfigError(f"Unknown extraction backend {backend!r}; known: {', '.join(sorted(BACKENDS))}.") from None
    key = (backend, tuple(sorted((k, repr(v)) for k, v in options.items())))
    with _LOCK:
        inst = _INSTANCES.get(key)
        if inst is None:
            module, _, attr = target.partition(":")
            try:
                cls = getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError) as exc:
                raise ConfigError(f"Backend {backend!r} ({target}) is not available: {exc}. "
                                  "Install/train it or use backend='baseline'.") from None
            inst = _INSTANCES[key] = cls(**options)
        return inst


def _predict_texts(texts: list[str], backend: str, options: dict) -> list[list[Tuple]]:
    ext = get_extractor(backend, **options)
    spans_per_text = [split_sentences(t) for t in texts]
    flat = [t[s:e] for t, spans in zip(texts, spans_per_text) for s, e in spans]
    preds = ext.predict(flat) if flat else []
    out: list[list[Tuple]] = []
    k = 0
    for spans in spans_per_text:
        tuples: list[Tuple] = []
        for s, e in spans:
            for tup in preds[k]:
                tup.sentence = flat[k]
                offs = dict(tup.offsets)
                offs["text"] = [s, e]
                tup.offsets = offs
                tuples.append(tup)
            k += 1
        out.append(tuples)
    return out


def backend_options(section: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The backend name and its constructor options from a ``[stages.extract]`` table.

    One reading of the config for ``predict()``, the ``extract`` stage and ``zhie serve``:
    ``model_dir = ""`` means the backend's default directory, and ``runtime``, ``int8`` and
    ``skip_without_quantity`` are ``model`` backend options only (the baseline has no forward
    pass). Other keys are passed through, so a key the backend does not take is reported by the backend.
    """
    opts = dict(section)
    backend = str(opts.pop("backend", "model"))
    if not opts.get("model_dir"):
        opts.pop("model_dir", None)
    # model backend only, passed on when not the default (the same cached extractor either way)
    for key, default in _MODEL_ONLY.items():
        value = opts.pop(key, default)
        changed = value is not default if isinstance(default, bool) else value != default
        if backend == "model" and changed:
            opts[key] = value
    return backend, opts


#: ``[stages.extract]`` options of the ``model`` backend only, with their defaults
_MODEL_ONLY: dict[str, Any] = {"runtime": "auto", "skip_without_quantity": True, "int8": "auto"}


@functools.lru_cache(maxsize=1)
def _configured() -> tuple[str, tuple[tuple[str, Any], ...]]:
    from ..config import Config

    backend, opts = backend_options(Config.load().stage_options("extract"))
    return backend, tuple(sorted(opts.items()))


def _resolve(backend: str | None, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if backend is not None:
        return backend, options
    configured, defaults = _configured()
    return configured, {**dict(defaults), **options}


def predict(text_or_texts: str | list[str], *, backend: str | None = None, **options: Any):
    """Extract tuples from a text (``list[Tuple]``) or from several (``list[list[Tuple]]``).

    The text is split into sentences (:func:`nlp.extract.sentences.split_sentences`);
    each tuple's ``offsets`` holds the field spans in its sentence plus
    ``offsets["text"] = [sentence_start, sentence_end]`` in the input text.

    Args:
        text_or_texts (str | list[str]): cleaned Simplified text(s).
        backend (str | None): registered backend name (``"model"``, ``"baseline"``);
            None = ``[stages.extract] backend`` of the default config (``"model"``).
        **options: backend options (e.g. ``model_dir``, ``runtime``).
    """
    backend, options = _resolve(backend, options)
    if isinstance(text_or_texts, str):
        return _predict_texts([text_or_texts], backend, options)[0]
    return _predict_texts(list(text_or_texts), backend, options)


def predict_file(gold_path: str | Path, out_path: str | Path, *, backend: str | None = None,
                 batch_size: int = 64, **options: Any) -> int:
    """Predict tuples for every sentence of a gold-format JSONL file (``id``, ``text``).

    Writes ``{"id", "text", "tuples": [...]}`` per line (atomically) in the format
    :func:`nlp.evaluate.extract.evaluate` reads. Returns the number of sentences.
    """
    recs = []
    with open(gold_path, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    backend, options = _resolve(backend, options)
    ext = get_extractor(backend, **options)
    with atomic_open(out_path) as fh:
        for i in range(0, len(recs), batch_size):
            batch = recs[i:i + batch_size]
            preds = ext.predict([r["text"] for r in batch])
            for r, tuples in zip(batch, preds):
                fh.write(json.dumps({"id": r["id"], "text": r["text"],
                                     "tuples": [_tuple_record(t) for t in tuples]}, ensure_ascii=False) + "\n")
    return len(recs)


def _tuple_record(t: Tuple) -> dict:
    return {"actor": t.actor, "action": t.action, "quantity": t.quantity, "unit": t.unit,
            "qualifier": t.qualifier, "value": t.value, "offsets": t.offsets}
