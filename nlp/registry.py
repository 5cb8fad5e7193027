"""Where every stage is registered, by name, in one place.

Entries are import paths, resolved lazily, so importing :mod:`nlp` stays cheap and
there are no registration side effects at import time (spaCy's ``registrations.py``
exists for the same reason). Third-party stages can be added with
``register("my.stage", "pkg.module:Class")`` or through the ``zhie_stages``
entry-point group.
"""
from __future__ import annotations

import importlib
import inspect
from importlib.metadata import entry_points
from typing import Any

from .errors import ConfigError
from .stage import Stage

STAGES: dict[str, str] = {
    "convert": "nlp.convert:Converter",
    "clean.markup": "nlp.clean.markup:MarkupCleaner",
    "clean.corpus": "nlp.clean.corpus:CorpusRepeatCleaner",
    "clean.chrome": "nlp.clean.chrome:ChromeCleaner",
    "clean.spam": "nlp.clean.spam:SpamCleaner",
    "clean.title": "nlp.clean.title:TitleCleaner",
    "clean.seo": "nlp.clean.seo:SeoKeywordCleaner",
    "clean.censored": "nlp.clean.censor:CensorFlagger",
    "clean.lines": "nlp.clean.lines:LineClassifier",
    "clean.layout": "nlp.clean.layout:LayoutCleaner",
    "despin": "nlp.despin.stage:Despinner",
    "extract": "nlp.extract.stage:Extract",
}

_loaded_entry_points = False


def register(name: str, target: str) -> None:
    """Register ``name`` -> ``"module:Class"``."""
    STAGES[name] = target


def _load_entry_points() -> None:
    global _loaded_entry_points
    if _loaded_entry_points:
        return
    _loaded_entry_points = True
    for ep in entry_points(group="zhie_stages"):
        STAGES.setdefault(ep.name, ep.value)


def get(name: str) -> type[Stage]:
    _load_entry_points()
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise ConfigError(f"Unknown stage '{name}'. Known stages: {known}.") from None
    module, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module), attr)
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise ConfigError(f"Stage '{name}' -> {target} is not a Stage subclass.")
    return cls


def options_of(cls: type[Stage]) -> dict[str, Any]:
    """The keyword options a stage accepts and their defaults (its config schema)."""
    sig = inspect.signature(cls.__init__)
    return {
        p.name: (None if p.default is inspect.Parameter.empty else p.default)
        for p in sig.parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def create(name: str, options: dict[str, Any] | None = None) -> Stage:
    """Instantiate a stage, checking its options against its ``__init__`` signature."""
    cls = get(name)
    options = dict(options or {})
    schema = options_of(cls)
    unknown = sorted(set(options) - set(schema))
    if unknown:
        raise ConfigError(
            f"Stage '{name}' got unknown option(s) {unknown}. "
            f"Valid options: {sorted(schema) or 'none'}."
        )
    for key, default in schema.items():
        if key in options and default is not None and options[key] is not None:
            want, got = type(default), type(options[key])
            if want is float and got is int:
                options[key] = float(options[key])
            elif not isinstance(options[key], want):
                raise ConfigError(
                    f"Stage '{name}' option '{key}' must be {want.__name__}, got {got.__name__} "
                    f"({options[key]!r})."
                )
    return cls(**options)
