"""Remove lines repeated across many pages of one corpus (site templates).

Per-page rules miss boilerplate a site repeats on every page in its own words
("本站提醒：理性投资" under every article). In batch mode the runner fits this
stage on the corpus first::

    from nlp.clean.corpus import fit_corpus
    fit_corpus(pipeline, raw_pages)            # one pass: decode + stages before clean.corpus
    ...                                        # then run the pipeline as usual

(``fit_corpus`` finds the ``clean.corpus`` instance in the pipeline and fits it on the
text each page has when it reaches that stage; pages are streamed, only the line
counts are kept.)

``fit`` counts, per normalised line, the number of *documents* containing it; a
line found in at least ``min_docs`` documents and ``min_doc_share`` of them is
boilerplate. Unfitted, the stage changes nothing, so single-page use is safe.
The fitted state is plain data (``state()`` / ``load_state()``) so it can be saved
next to a batch's outputs.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..document import Document, Edit, Reason
from ..stage import Stage
from .base import is_prose, line_span, lines_of, norm_line, removals


class CorpusRepeatCleaner(Stage):
    """Remove lines that recur across many pages of a corpus (fitted in batch mode).

    Args:
        min_docs (int): a line must occur in at least this many documents.
            Defaults to 3: two pages may quote the same sentence, three pages of
            one site sharing a line is template.
        min_doc_share (float): and in at least this share of the documents.
            Defaults to 0.05 (datatrove's dedup keeps lines shared by few pages;
            5% of a site's pages is far above chance for a 10+ character line).
        min_chars (int): shorter lines are ignored (a heading "一、" may legitimately
            repeat). Defaults to 6.
        keep_prose (bool): never remove a line that reads as prose. Defaults to
            False: a site's disclaimer paragraph is prose and still boilerplate.
        min_prose_doc_share (float): a line that reads as prose must occur in at
            least this share of the documents. Defaults to 0.3: a site template is
            on most of the site's pages, while one article syndicated to a few pages
            of a batch must keep its paragraphs.
    """

    name = "clean.corpus"
    emits = ("edits",)

    def __init__(self, *, min_docs: int = 3, min_doc_share: float = 0.05, min_chars: int = 6,
                 keep_prose: bool = False, min_prose_doc_share: float = 0.3):
        self.min_prose_share = min_prose_doc_share
        self.min_docs = min_docs
        self.min_share = min_doc_share
        self.min_chars = min_chars
        self.keep_prose = keep_prose
        self._doc_freq: Counter[str] = Counter()
        self._n_docs = 0

    # --- fitted state -------------------------------------------------------
    def fit(self, texts: Iterable[str]) -> CorpusRepeatCleaner:
        """Count, per normalised line, the documents containing it."""
        for t in texts:
            self._n_docs += 1
            self._doc_freq.update({norm_line(ln.text) for ln in lines_of(t) if len(ln.text) >= self.min_chars})
        return self

    def state(self) -> dict:
        return {"n_docs": self._n_docs, "doc_freq": dict(self._doc_freq)}

    def load_state(self, state: dict) -> CorpusRepeatCleaner:
        self._n_docs = int(state.get("n_docs", 0))
        self._doc_freq = Counter(state.get("doc_freq", {}))
        return self

    def is_repeated(self, line: str) -> bool:
        if not self._n_docs or len(line) < self.min_chars:
            return False
        df = self._doc_freq.get(norm_line(line), 0)
        return df >= self.min_docs and df >= self.min_share * self._n_docs

    def process(self, doc: Document) -> list[Edit]:
        if not self._n_docs:
            return []
        text = doc.text
        spans = []
        for ln in lines_of(text):
            if not ln.text or not self.is_repeated(ln.text):
                continue
            if is_prose(ln.text) and (self.keep_prose or
                                      self._doc_freq[norm_line(ln.text)] < self.min_prose_share * self._n_docs):
                continue
            s, e = line_span(text, ln)
            spans.append((s, e, Reason.CORPUS_REPEAT, "repeated across corpus"))
        return removals(self, spans)


def fit_corpus(pipeline, pages: Iterable[bytes | str], *, batch_size: int = 64) -> CorpusRepeatCleaner | None:
    """Fit the pipeline's ``clean.corpus`` stage on a batch of raw pages (batch mode).

    Each page is decoded and run through the stages that precede ``clean.corpus``
    (convert, clean.markup), so the counted lines are the ones the stage will see.

    Args:
        pipeline (nlp.pipeline.Pipeline): a pipeline whose stages include ``clean.corpus``.
        pages (Iterable[bytes | str]): the raw pages of the batch (streamed).
        batch_size (int): pages per :meth:`Pipeline.process` call. Defaults to 64.

    Returns:
        CorpusRepeatCleaner | None: the fitted stage, or None when the pipeline has none.
    """
    names = [st.name for st in pipeline.stages]
    if "clean.corpus" not in names:
        return None
    k = names.index("clean.corpus")
    stage = pipeline.stages[k]
    before, saved = pipeline.stages[:k], pipeline.stages
    pipeline.stages = before
    try:
        buf: list = []
        for page in pages:
            buf.append(pipeline.make_doc(page))
            if len(buf) >= batch_size:
                stage.fit(d.text for d in pipeline.process(buf) if d.status == "ok")
                buf = []
        if buf:
            stage.fit(d.text for d in pipeline.process(buf) if d.status == "ok")
    finally:
        pipeline.stages = saved
    return stage
