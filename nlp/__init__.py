"""zhie: scraped Chinese report pages -> clean text -> (actor, action, quantity, unit) tuples.

Public API::

    from nlp import Pipeline, Config, clean
    doc = Pipeline().run(open("page.txt", "rb").read())
    doc.text, doc.edits

Heavy dependencies (OpenCC tables, models) load lazily on first use.
"""
from __future__ import annotations

from .config import Config
from .document import Document, Edit, OffsetMap, Reason, Tuple
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Config", "Document", "Edit", "OffsetMap", "Pipeline", "Reason", "Tuple", "clean", "__version__"]


def clean(raw: bytes | str, config: Config | None = None, **kwargs) -> Document:
    """Run the configured cleaning pipeline on one page and return the Document."""
    return Pipeline(config).run(raw, **kwargs)
