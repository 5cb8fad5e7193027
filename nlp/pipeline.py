"""The Pipeline: decode, then the configured stages, applying their edits.

Stages propose; the pipeline disposes. It applies each stage's edits, builds the
offset map of the new text, fills every edit's raw offsets, counts
``removed.<reason>`` characters, and turns an exception in one record into an error
record (``status="error"``) without touching other records.
"""
from __future__ import annotations

import time
from operator import attrgetter
from typing import Any, Iterable, Iterator

from . import registry
from .config import Config
from .decode import decode
from .document import Document, Edit, OffsetMap, new_edit
from .errors import LimitError, format_exception
from .stage import Stage, Transform


class Pipeline:
    """Run raw pages through decode and the configured stages.

    Args:
        config (Config | None): the configuration; defaults to ``Config.load()``.
        stages (list[str] | None): shorthand to override ``pipeline.stages``.
        on_error (str): ``"record"`` (default) turns a failing record into an error
            record; ``"raise"`` re-raises (useful when debugging a stage).

    Example:
        >>> from nlp import Pipeline
        >>> doc = Pipeline().run("當前位置:首頁")
        >>> doc.text
        '当前位置:首页'
    """

    def __init__(self, config: Config | None = None, *, stages: list[str] | None = None,
                 on_error: str = "record"):
        config = config or Config.load()
        if stages is not None:
            config = config.with_stages(stages)
        self.config = config
        self.on_error = on_error
        self.stages: list[Stage] = [registry.create(name, config.stage_options(name)) for name in config.stages]
        self.keep_outputs = bool(config.section("pipeline").get("keep_stage_outputs", False))
        decode_cfg = config.section("decode")
        self.candidates = tuple(decode_cfg.get("candidates", ("gb18030", "big5", "utf_16_le", "utf_16_be")))
        limits = config.section("limits")
        self.max_chars = int(limits.get("max_chars", 0) or 0)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    # --- single documents ------------------------------------------------
    def make_doc(self, raw: bytes | str, *, id: str = "doc", source: str = "", meta: dict | None = None) -> Document:
        """Decode ``raw`` into a fresh Document (or an error Document)."""
        doc = Document(id=str(id), source=source, meta=dict(meta or {}))
        try:
            size = len(raw)
            if self.max_chars and size > self.max_chars:
                raise LimitError(
                    f"record is {size:,} {'bytes' if isinstance(raw, bytes) else 'characters'}, over "
                    f"limits.max_chars={self.max_chars:,}; raise the limit or split the page."
                )
            dec = decode(raw, self.candidates)
        except Exception as exc:  # noqa: BLE001 - becomes an error record
            _fail(doc, exc, "decode")
            return doc
        doc.raw = doc.text = dec.text
        doc.encoding = dec.encoding
        doc.stats["chars_in"] = len(dec.text)
        if dec.replaced_bytes:
            doc.stats["decode.replaced_bytes"] = dec.replaced_bytes
        return doc

    def run(self, raw: bytes | str, *, id: str = "doc", source: str = "", meta: dict | None = None) -> Document:
        """Decode ``raw`` and run every stage on it."""
        return next(self.pipe([(raw, {"id": id, "source": source, "meta": meta})], batch_size=1))

    # --- many documents --------------------------------------------------
    def pipe(self, items: Iterable[tuple[bytes | str, dict[str, Any]]], *, batch_size: int = 32) -> Iterator[Document]:
        """Process ``(raw, {"id", "source", "meta"})`` pairs, batching model stages.

        Documents come out in input order; a failing record becomes an error
        Document and the others continue.
        """
        batch: list[Document] = []
        for raw, info in items:
            info = info or {}
            batch.append(self.make_doc(raw, id=info.get("id", "doc"), source=info.get("source", ""),
                                       meta=info.get("meta")))
            if len(batch) >= batch_size:
                yield from self.process(batch)
                batch = []
        if batch:
            yield from self.process(batch)

    def process(self, docs: list[Document]) -> list[Document]:
        """Run every stage over already-decoded documents (in place)."""
        for stage in self.stages:
            live = [d for d in docs if d.status == "ok"]
            if not live:
                break
            t0 = time.perf_counter()
            try:
                results = stage.process_batch(live)
            except Exception:  # noqa: BLE001 - retry one by one to isolate the bad record
                if self.on_error == "raise" and len(live) == 1:
                    raise
                results = []
                for d in live:
                    try:
                        results.append(stage.process(d))
                    except Exception as exc:  # noqa: BLE001
                        if self.on_error == "raise":
                            raise
                        _fail(d, exc, stage.name)
                        results.append(None)
            elapsed = time.perf_counter() - t0
            # per-stage constants out of the per-document loop: with eight clean stages
            # this loop was ~1x a bare OpenCC pass on plain articles (eval/bench/clean_stages.py)
            ms_key, ms = f"ms.{stage.name}", round(1000 * elapsed / len(live), 3)
            keep = self.keep_outputs
            for d, res in zip(live, results):
                if d.status != "ok":
                    continue
                try:
                    self.apply(d, stage, res)
                except Exception as exc:  # noqa: BLE001
                    if self.on_error == "raise":
                        raise
                    _fail(d, exc, stage.name)
                    continue
                stats = d.stats
                stats[ms_key] = stats.get(ms_key, 0) + ms  # Counter += without __missing__
                if keep:
                    d.outputs[stage.name] = d.text
        for d in docs:
            if d.status == "ok":
                d.stats["chars_out"] = len(d.text)
        return docs

    # --- applying results ------------------------------------------------
    def apply(self, doc: Document, stage: Stage, result: list[Edit] | Transform | None) -> None:
        """Apply one stage's result to ``doc``: a Transform, a list of edits, or nothing."""
        if result is None:
            return
        if isinstance(result, Transform):
            if not result.offset_map.is_identity or result.text != doc.text:
                doc.maps.append(result.offset_map)
            doc.stats[f"transformed.{stage.name}"] += 1
            doc.text = result.text
            return
        apply_edits(doc, result)


def apply_edits(doc: Document, edits: list[Edit]) -> None:
    """Apply edits proposed against ``doc.text``: validate, resolve overlaps, record.

    Overlapping proposals are resolved in favour of the one that starts first (then
    the longer one); the dropped ones are counted in ``stats["edits.overlap_dropped"]``
    so a stage bug shows up in the numbers instead of corrupting text.
    """
    if not edits:
        return
    text = doc.text
    n = len(text)
    # by (start, -(end - start)) = (start, -end), as two stable C-keyed sorts
    ordered = sorted(edits, key=_END, reverse=True)
    ordered.sort(key=_START)
    kept: list[Edit] = []
    segs: list[str] = []  # the original text of each kept edit, sliced once
    last_end = -1
    dropped = 0
    for e in ordered:
        start, end = e.start, e.end
        if not (0 <= start <= end <= n):
            raise ValueError(f"edit [{start}, {end}) outside text of length {n} from {e.stage}")
        seg = text[start:end]
        if start < end and e.replacement == seg:  # a flag: never overlaps anything
            kept.append(e)
            segs.append(seg)
            continue
        if start < last_end:
            dropped += 1
            continue
        kept.append(e)
        segs.append(seg)
        last_end = end
    if dropped:
        doc.stats["edits.overlap_dropped"] += dropped
    # raw offsets are computed through the maps that exist *before* this stage,
    # all spans of the stage at once (one pass per map)
    starts = [e.start for e in kept]
    ends = [e.end for e in kept]
    raw_starts, raw_ends = doc.spans_to_raw(starts, ends) if doc.maps else (starts, ends)
    changes: list[Edit] = []
    recorded = []
    counts: dict[str, int] = {}
    get = counts.get
    make = new_edit
    for e, seg, rs, re_ in zip(kept, segs, raw_starts, raw_ends):
        rep = e.replacement
        reason = e.reason
        recorded.append(make(e.start, e.end, rep, e.stage, reason, seg, rs, re_, e.confidence, e.note))
        reason = reason._value_  # the plain attribute: Enum.value is a property (hot loop)
        if rep == seg:
            key = "flagged." + reason
            counts[key] = get(key, 0) + 1
        else:
            changes.append(e)
            key = "edits." + reason
            counts[key] = get(key, 0) + 1
            removed = len(seg) - len(rep)
            if removed > 0:
                key = "removed." + reason
                counts[key] = get(key, 0) + removed
    doc.stats.update(counts)
    doc.edits.extend(recorded)
    if not changes:
        return
    parts: list[str] = []
    pos = 0
    for e in changes:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    doc.text = "".join(parts)
    doc.maps.append(OffsetMap.from_edits([(e.start, e.end, len(e.replacement)) for e in changes], n))


_START = attrgetter("start")
_END = attrgetter("end")


def _fail(doc: Document, exc: BaseException, stage: str) -> None:
    doc.status = "error"
    doc.error = format_exception(exc, stage=stage)
    doc.stats[f"errors.{stage}"] += 1
    doc.text = ""

