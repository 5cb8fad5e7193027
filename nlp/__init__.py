"""zhie: scraped Chinese report pages -> clean text -> (actor, action, quantity, unit) tuples.

Public API::

    from nlp import Pipeline, Config, clean, predict
    doc = Pipeline().run(open("page.txt", "rb").read())
    doc.text, doc.edits
    predict("截至目前，平台累计拦截违规商品2.3万件。")  # -> list[Tuple]

Heavy dependencies (OpenCC tables, models) load lazily on first use.
"""
from __future__ import annotations

from .config import Config
from .document import Document, Edit, OffsetMap, Reason, Tuple
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Config", "Document", "Edit", "OffsetMap", "Pipeline", "Reason", "Tuple", "clean", "predict", "__version__"]


def clean(raw: bytes | str, config: Config | None = None, **kwargs) -> Document:
    """Run the configured cleaning pipeline on one page and return the Document."""
    return Pipeline(config).run(raw, **kwargs)


def predict(text_or_texts, **kwargs):
    """Tuples of a text (``list[Tuple]``) or of each text of a list (``list[list[Tuple]]``).

    See :func:`nlp.extract.predict` for the options (``backend``, ``model_dir``); the
    extractor is loaded once and shared by threads.
    """
    from .extract import predict as _predict

    return _predict(text_or_texts, **kwargs)
