"""The batch runner: many inputs -> one JSONL record per input record, in order.

Guarantees a data team relies on:
- records in == records out: a record that cannot be read or processed becomes an
  error record (``"error": "[Ennn] ..."``) in its place; nothing is dropped;
- input order is kept, also with ``jobs > 1`` (bounded in-flight window, so memory
  stays flat whatever the corpus size);
- output is atomic (``OUT.partial`` renamed on completion) and ``resume=True`` skips
  the ids already written, so a killed run continues where it stopped;
- a per-record time budget (``limits.max_seconds``) turns a pathological page into
  an error record instead of a hung job.
"""
from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from .config import Config
from .document import Document
from .errors import LimitError
from .io.readers import Record, iter_records
from .io.writers import JsonlWriter, dumps, write_json_atomic

log = logging.getLogger("zhie")


@dataclass
class Summary:
    """What a batch run did; printed at the end and saved next to the output."""

    records_in: int = 0
    ok: int = 0
    errors: Counter = field(default_factory=Counter)
    skipped_resume: int = 0
    seconds: float = 0.0
    removed_chars: Counter = field(default_factory=Counter)

    @property
    def records_out(self) -> int:
        return self.ok + sum(self.errors.values())

    def add(self, rec: dict[str, Any]) -> None:
        err = rec.get("error")
        if err:
            code = err[1:5] if err.startswith("[E") else "E000"
            self.errors[code] += 1
        else:
            self.ok += 1
            for k, v in (rec.get("stats") or {}).items():
                if k.startswith("removed."):
                    self.removed_chars[k[8:]] += v

    def to_dict(self) -> dict[str, Any]:
        return {
            "records_in": self.records_in,
            "records_out": self.records_out,
            "ok": self.ok,
            "errors": dict(self.errors),
            "skipped_resume": self.skipped_resume,
            "seconds": round(self.seconds, 3),
            "removed_chars": dict(self.removed_chars),
        }

    def format(self) -> str:
        errs = ", ".join(f"{k}: {v}" for k, v in sorted(self.errors.items())) or "none"
        return (f"records in: {self.records_in}, out: {self.records_out} (ok {self.ok}, errors {sum(self.errors.values())}"
                f" [{errs}]), skipped by resume: {self.skipped_resume}, {self.seconds:.1f}s")


# --- worker side ---------------------------------------------------------
class _Worker:
    """Holds one Pipeline per process (built once, in the process that uses it)."""

    pipeline = None
    keep_stages = False

    @classmethod
    def init(cls, config_data: dict, keep_stages: bool, fitted: dict[str, dict] | None = None) -> None:
        from .pipeline import Pipeline

        cls.pipeline = Pipeline(Config(config_data))
        for stage in cls.pipeline.stages:  # corpus statistics fitted by the driver (clean.corpus)
            if fitted and stage.name in fitted:
                stage.load_state(fitted[stage.name])
        cls.keep_stages = keep_stages


class _Timeout(BaseException):
    """BaseException so that the pipeline's per-record error handling (which
    catches Exception) cannot swallow it and keep running the slow record."""


def _alarm(seconds: float):
    """Context manager raising _Timeout after ``seconds`` (main thread, POSIX only)."""

    class _Ctx:
        def __enter__(self):
            self.active = seconds > 0 and threading.current_thread() is threading.main_thread() \
                and hasattr(signal, "setitimer")
            if self.active:
                def handler(signum, frame):
                    raise _Timeout()
                self.old = signal.signal(signal.SIGALRM, handler)
                signal.setitimer(signal.ITIMER_REAL, seconds)
            return self

        def __exit__(self, *exc):
            if self.active:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, self.old)
            return False

    return _Ctx()


def _error_record(rec: Record, error: str) -> dict[str, Any]:
    out = dict(rec.meta)
    out.update(id=rec.id, text=None, source=rec.source, encoding=rec.encoding, error=error)
    return out


def record_limit(config: Config) -> float:
    """``limits.max_seconds`` of a configuration: seconds per record, 0 = no limit."""
    return float(config.section("limits").get("max_seconds", 0) or 0)


def timeout_message(limit: float) -> str:
    """The error text of a record that ran over ``limits.max_seconds`` (one wording everywhere)."""
    return str(LimitError(f"record took longer than limits.max_seconds={limit:g}s; raise the limit or "
                          f"inspect the page with `zhie clean --explain`."))


def process_limited(pipeline, build: Callable[[int], Document], n: int, limit: float) -> tuple[list[Document], set[int]]:
    """Run ``pipeline`` over ``n`` documents with a per-record time budget.

    The batch first runs whole with a budget of ``limit * n`` seconds (batching keeps
    the model's forward passes efficient); when that budget runs out, every record is
    rebuilt with ``build`` and re-run alone with its own ``limit``, so only the slow
    record(s) fail. The budget needs SIGALRM: in a non-main thread or on a platform
    without it, records run without a limit. Used by the local runner and the
    ``datasets`` integration, so both enforce ``limits.max_seconds`` the same way.

    Args:
        pipeline: the :class:`nlp.pipeline.Pipeline`.
        build (Callable[[int], Document]): makes document ``i`` afresh (a timed-out
            batch leaves its documents half-processed, so they are rebuilt).
        n (int): number of documents.
        limit (float): seconds per record; 0 = no limit.

    Returns:
        tuple[list[Document], set[int]]: the documents in order (error documents pass
        through untouched) and the indices that ran over budget (their document is
        whatever the pipeline left; callers turn them into error records).
    """
    docs = [build(i) for i in range(n)]
    try:
        with _alarm(limit * n):
            pipeline.process([d for d in docs if d.status == "ok"])
        return docs, set()
    except _Timeout:
        pass
    timed_out: set[int] = set()
    for i in range(n):
        docs[i] = build(i)
        if docs[i].status != "ok":
            continue
        try:
            with _alarm(limit):
                pipeline.process([docs[i]])
        except _Timeout:
            timed_out.add(i)
    return docs, timed_out


def _make(r: Record) -> Document:
    doc = _Worker.pipeline.make_doc(r.payload, id=r.id, source=r.source, meta=r.meta)
    if r.encoding and doc.status == "ok":
        doc.encoding = r.encoding
    return doc


def process_chunk(records: list[Record]) -> list[dict[str, Any]]:
    """Process records in one worker; unreadable ones pass through as error records."""
    out: list[dict[str, Any] | None] = [None] * len(records)
    todo = []
    for i, r in enumerate(records):
        if r.error is not None:
            out[i] = _error_record(r, r.error)
        else:
            todo.append(i)
    if todo:
        limit = record_limit(_Worker.pipeline.config)
        docs, timed_out = process_limited(_Worker.pipeline, lambda k: _make(records[todo[k]]), len(todo), limit)
        for k, (i, doc) in enumerate(zip(todo, docs)):
            out[i] = _error_record(records[i], timeout_message(limit)) if k in timed_out \
                else doc.to_record(with_stages=_Worker.keep_stages)
    return out  # type: ignore[return-value]


# --- driver side ----------------------------------------------------------
def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    buf: list[Record] = []
    for r in records:
        buf.append(r)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def fit_corpus_texts(pages: Iterable[bytes | str], config: Config) -> dict[str, dict] | None:
    """Fit the corpus-level stages (``clean.corpus``) on a sample of raw pages.

    Lines a site repeats on many of its pages are template, whatever their wording;
    the driver counts them once over the first ``batch.fit_corpus_pages`` pages
    (deterministic, so a resumed run fits the same state) and every worker loads
    the result with :meth:`Stage.load_state`. Memory is bounded by that sample, not
    by the corpus. Used by the local runner, the datasets integration and Ray.

    Args:
        pages: raw pages (bytes or str) in corpus order; only the first
            ``batch.fit_corpus_pages`` are read.
        config (Config): the run's configuration.

    Returns:
        dict | None: ``{stage name: state}``, or None when nothing needs fitting.
    """
    limit = int(config.section("batch").get("fit_corpus_pages", 0) or 0)
    if limit <= 0 or "clean.corpus" not in config.stages:
        return None
    from itertools import islice

    from .clean.corpus import fit_corpus
    from .pipeline import Pipeline

    # only the stages up to clean.corpus: fitting needs no despin LM or extraction model
    stages = config.stages
    pipeline = Pipeline(config.with_stages(stages[:stages.index("clean.corpus") + 1]))
    stage = fit_corpus(pipeline, islice(pages, limit))
    if stage is None or not stage.state()["n_docs"]:
        return None
    log.info("clean.corpus fitted on %d pages", stage.state()["n_docs"])
    return {stage.name: stage.state()}


def fit_corpus_state(inputs: list[str | Path], config: Config, *, text_field: str = "text",
                     id_field: str = "id") -> dict[str, dict] | None:
    """:func:`fit_corpus_texts` over the readable records of ``inputs`` (files, JSONL, datasets)."""
    records = iter_records(inputs, text_field=text_field, id_field=id_field)
    return fit_corpus_texts((r.payload for r in records if r.error is None), config)


def process_records(records: Iterable[Record], config: Config, *, jobs: int = 1, chunk_size: int = 16,
                    keep_stages: bool = False, fitted: dict[str, dict] | None = None) -> Iterator[dict[str, Any]]:
    """Yield one output record per input record, in input order."""
    chunks = _chunks(records, chunk_size)
    if jobs <= 1:
        _Worker.init(config.data, keep_stages, fitted)
        for chunk in chunks:
            yield from process_chunk(chunk)
        return
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_Worker.init,
                             initargs=(config.data, keep_stages, fitted)) as pool:
        for chunk in chunks:
            window.append(pool.submit(process_chunk, chunk))
            if len(window) >= jobs * 4:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def run_batch(inputs: list[str | Path], out: str | Path | None, config: Config | None = None, *, jobs: int = 1,
              resume: bool = False, keep_stages: bool = False, text_field: str = "text", id_field: str = "id",
              progress: bool = True, chunk_size: int = 16, stream: TextIO | None = None) -> Summary:
    """Run the pipeline over every record of ``inputs`` and write JSONL.

    Args:
        inputs: files, directories, JSONL files, saved HF datasets.
        out: output JSONL path; None writes JSONL to ``stream`` (default stdout).
        config: the configuration (default ``Config.load()``).
        jobs: worker processes (1 = in-process).
        resume: skip records whose id is already in the (partial) output.
        keep_stages: write the text after each stage under ``stages``.
        text_field / id_field: JSONL / dataset columns holding the page and the id.
        progress: show a tqdm bar on stderr.

    Returns:
        Summary: counts; also saved as ``OUT.summary.json``.
    """
    from tqdm import tqdm

    config = config or Config.load()
    summary = Summary()
    t0 = time.perf_counter()
    writer = JsonlWriter(Path(out), resume=resume) if out is not None else None
    done = writer.done.copy() if writer else Counter()
    if done:
        log.info("resuming: %d records already in %s", sum(done.values()), writer.partial)

    def todo() -> Iterator[Record]:
        for rec in iter_records(inputs, text_field=text_field, id_field=id_field):
            summary.records_in += 1
            if done.get(rec.id, 0) > 0:
                done[rec.id] -= 1
                summary.skipped_resume += 1
                continue
            yield rec

    bar = tqdm(unit="rec", desc="zhie", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    sink = stream or sys.stdout
    try:
        fitted = fit_corpus_state(inputs, config, text_field=text_field, id_field=id_field)
        for rec in process_records(todo(), config, jobs=jobs, chunk_size=chunk_size, keep_stages=keep_stages,
                                   fitted=fitted):
            if writer:
                writer.write(rec)
            else:
                sink.write(dumps(rec) + "\n")
            summary.add(rec)
            bar.update(1)
    except BaseException:
        if writer:
            writer.close(complete=False)
        raise
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - t0
    if writer:
        writer.close(complete=True)
        write_json_atomic(writer.out.with_name(writer.out.name + ".summary.json"), summary.to_dict())
    return summary
