"""spaCy component ``zhie_tuples``: (actor, action, quantity, unit) tuples on a spaCy Doc.

Registered through the ``spacy_factories`` entry point (pyproject.toml), so after
``pip install zhie`` no import is needed::

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhie_tuples")
    doc = nlp("据统计，该市去年共查处违法案件120起。")
    doc._.tuples        # [{"actor": ..., "action": ..., "quantity": "120", "unit": "起", ...}]
    doc.spans["zhie"]   # Spans labelled actor / action / quantity / unit

The component runs the zhie :class:`~nlp.pipeline.Pipeline` with the ``extract``
stage only, so ``doc.text`` is not cleaned (spaCy docs are immutable; clean first
with ``zhie clean`` or :func:`nlp.clean`). ``nlp.pipe(texts, batch_size=N)`` hands
the component N docs at a time and the extractor sees them as one batch.

Each ``doc._.tuples`` entry is :meth:`nlp.document.Tuple.to_dict` plus ``spans``:
``{field: [start_char, end_char]}`` in ``doc.text``. ``doc.spans[spans_key]`` holds
one Span per non-empty field of every tuple, in tuple order, labelled with the field
name; characters are expanded to token boundaries (``alignment_mode="expand"``).

A document the extractor fails on raises a coded :class:`~nlp.errors.ZhieError`;
spaCy's ``nlp.set_error_handler`` decides what happens to the batch.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..errors import ZhieError

#: the tuple fields that become Spans, in this order per tuple
FIELDS = ("actor", "action", "quantity", "unit")


class ZhieTuples:
    """The ``zhie_tuples`` pipeline component.

    Args:
        nlp (Language): the pipeline it belongs to (unused; spaCy passes it).
        name (str): component name.
        backend (str): extraction backend (``"baseline"`` / ``"model"``); ``""`` uses
            ``stages.extract.backend`` of the zhie config. Defaults to ``""``.
        model_dir (str): backend model directory; ``""`` uses the config / backend
            default. Defaults to ``""``.
        config (str): path of a zhie TOML config; ``""`` for the defaults.
        spans_key (str): key of ``doc.spans`` to fill. Defaults to ``"zhie"``.
        batch_size (int): docs per extractor call in ``pipe`` when spaCy passes none.
    """

    def __init__(self, nlp: Language | None = None, name: str = "zhie_tuples", *, backend: str = "",
                 model_dir: str = "", config: str = "", spans_key: str = "zhie", batch_size: int = 64):
        from ..config import Config

        self.name = name
        self.spans_key = spans_key
        self.batch_size = batch_size
        cfg = Config.load(config or None)
        overrides: dict[str, Any] = {}
        if backend:
            overrides["stages.extract.backend"] = backend
        if model_dir:
            overrides["stages.extract.model_dir"] = model_dir
        if overrides:
            cfg = cfg.override(overrides)
        # the one code path: the zhie Pipeline, reduced to the extract stage (spaCy owns the text)
        self.config = cfg.with_stages(["extract"])
        self._pipeline = None
        for attr in ("tuples", "zhie_tuples"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    @property
    def pipeline(self):
        if self._pipeline is None:  # built on first use: loading a model is not the factory's job
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        """Annotate docs in batches of ``batch_size``; one extractor call per batch."""
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        p = self.pipeline
        zdocs = [p.make_doc(d.text, id=str(i)) for i, d in enumerate(docs)]
        p.process(zdocs)
        for doc, z in zip(docs, zdocs):
            if z.status == "error":
                raise ZhieError(f"zhie_tuples failed on a doc ({doc.text[:30]!r}…): {z.error}", code=z.error[1:5]
                                if z.error and z.error.startswith("[E") else None)
            tuples: list[dict[str, Any]] = []
            spans = []
            for t in z.tuples:
                d = t.to_dict()
                s0 = t.offsets.get("text", [0, 0])[0]
                char_spans = {}
                for f in FIELDS:
                    off = t.offsets.get(f)
                    if not off or off[1] <= off[0]:
                        continue
                    start, end = s0 + off[0], s0 + off[1]
                    char_spans[f] = [start, end]
                    span = doc.char_span(start, end, label=f, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
                d["spans"] = char_spans
                tuples.append(d)
            doc._.tuples = tuples
            doc._.zhie_tuples = tuples
            doc.spans[self.spans_key] = spans


@Language.factory(
    "zhie_tuples",
    assigns=["doc._.tuples", "doc._.zhie_tuples", "doc.spans"],
    default_config={"backend": "", "model_dir": "", "config": "", "spans_key": "zhie", "batch_size": 64},
)
def make_zhie_tuples(nlp: Language, name: str, backend: str, model_dir: str, config: str, spans_key: str,
                     batch_size: int) -> ZhieTuples:
    """spaCy factory of :class:`ZhieTuples` (entry point ``spacy_factories: zhie_tuples``)."""
    return ZhieTuples(nlp, name, backend=backend, model_dir=model_dir, config=config, spans_key=spans_key,
                      batch_size=batch_size)
