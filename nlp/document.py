"""The data model every stage shares: Document, Edit, OffsetMap, Reason, Tuple.

Text flows one way (raw -> converted -> cleaned -> despun -> tuples). Stages never
assign ``doc.text``; they propose :class:`Edit` objects and the pipeline applies them,
recording for each edit where it sits in the decoded raw page (``doc.raw``), so an
audit never has to be reconstructed by diffing afterwards.
"""
from __future__ import annotations

import bisect
import enum
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal


class Reason(str, enum.Enum):
    """Closed set of reason codes; stats and reports key on these values."""

    # clean
    MARKUP = "markup"              # HTML tags/entities, front matter, markdown syntax
    NAV = "nav"                    # navigation, breadcrumbs, site header lines
    META = "meta"                  # update time / source / view-count / byline lines
    RELATED = "related"            # related-article and ranking lists
    CLOSER = "closer"              # "以上便是小编为大家带来的..." style closers
    FOOTER = "footer"              # copyright, disclaimers, "Powered by"
    FORUM = "forum"                # forum chrome: author/time/floor lines, reply one-liners
    TITLE = "title"                # page title repeated / glued to paragraphs
    SEO = "seo"                    # SEO keyword injected inside sentences or as lines
    SPAM = "spam"                  # porn/gambling link lists and spam header/footer
    LINKS = "links"                # runs of short link-like lines, URLs
    CAPTION = "caption"            # image captions / non-prose caption lines
    BOILERPLATE = "boilerplate"    # other lines classified as non-prose
    CORPUS_REPEAT = "corpus_repeat"  # lines repeated across many pages of a corpus
    LAYOUT = "layout"              # whitespace/blank-line normalisation, line joins
    CENSORED = "censored"          # flag only: ``**`` placeholders kept in text
    # despin
    SPIN = "spin"                  # reversed synonym substitution
    # anything a plug-in stage needs before it earns its own code
    OTHER = "other"


@dataclass(slots=True, frozen=True)
class Edit:
    """One proposed change to the text a stage received.

    Attributes:
        start (int): start offset in the stage's input text.
        end (int): end offset (exclusive) in the stage's input text.
        replacement (str): new text; ``""`` for a removal. An edit whose
            replacement equals the original text is a *flag* (no change).
        stage (str): registered name of the stage that proposed it.
        reason (Reason): why.
        text (str): the original text of ``[start, end)``; filled by the pipeline.
        raw_start (int): start in ``Document.raw``; filled by the pipeline.
        raw_end (int): end in ``Document.raw``; filled by the pipeline.
        confidence (float): 1.0 for rules; a score for model-verified edits.
        note (str): free-form detail (e.g. the matched pattern).
    """

    start: int
    end: int
    replacement: str
    stage: str
    reason: Reason
    text: str = ""
    raw_start: int = -1
    raw_end: int = -1
    confidence: float = 1.0
    note: str = ""

    @property
    def is_flag(self) -> bool:
        return self.replacement == self.text and self.text != ""

    def to_dict(self) -> dict[str, Any]:
        d = {
            "stage": self.stage,
            "reason": self.reason.value,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "text": self.text,
            "replacement": self.replacement,
        }
        if self.confidence != 1.0:
            d["confidence"] = round(self.confidence, 4)
        if self.note:
            d["note"] = self.note
        return d


class _EditLayout:
    """:class:`Edit`'s slot layout without the frozen ``__setattr__`` (see :func:`new_edit`)."""

    __slots__ = Edit.__slots__


def new_edit(start: int, end: int, replacement: str, stage: str, reason: Reason, text: str = "",
             raw_start: int = -1, raw_end: int = -1, confidence: float = 1.0, note: str = "") -> Edit:
    """``Edit(start, end, ...)`` (same arguments, an equal :class:`Edit`), 4x faster.

    The frozen dataclass ``__init__`` sets each of the ten fields through
    ``object.__setattr__`` (~3 us per Edit); the pipeline and the clean stages make
    two Edits per change, ~30 % of the clean stages' time on noisy pages
    (eval/bench/clean_stages.py). This fills a twin object of the same slot layout
    with plain attribute stores and then makes it an Edit (CPython allows
    ``__class__`` assignment between classes of identical ``__slots__``).
    """
    e = _new_layout(_EditLayout)
    e.start = start
    e.end = end
    e.replacement = replacement
    e.stage = stage
    e.reason = reason
    e.text = text
    e.raw_start = raw_start
    e.raw_end = raw_end
    e.confidence = confidence
    e.note = note
    e.__class__ = Edit
    return e


_new_layout = object.__new__
if Edit.__slots__ != ("start", "end", "replacement", "stage", "reason", "text", "raw_start", "raw_end", "confidence",
                      "note"):  # pragma: no cover - a guard for whoever adds a field to Edit
    raise RuntimeError("Edit's fields changed: set the new ones in document.new_edit too")


class OffsetMap:
    """Maps positions of a derived text back to the text it was derived from.

    The map is a sorted list of blocks ``(dst_start, dst_end, src_start, src_end)``
    covering the derived text. Inside a block of equal length positions map one to
    one; a block of unequal length (a replaced run) maps its start to ``src_start``
    and its end to ``src_end``, so a span never maps to a smaller source span than
    the text it came from.
    """

    __slots__ = ("_dst_starts", "_blocks", "dst_len", "src_len")

    def __init__(self, blocks: list[tuple[int, int, int, int]], dst_len: int, src_len: int):
        self._blocks = blocks
        self._dst_starts = [b[0] for b in blocks]
        self.dst_len = dst_len
        self.src_len = src_len

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls([(0, n, 0, n)], n, n)

    @classmethod
    def from_edits(cls, edits: list[tuple[int, int, int]], src_len: int) -> OffsetMap:
        """Build the map of a text obtained by applying sorted, non-overlapping
        ``(start, end, replacement_length)`` edits to a source of ``src_len`` chars."""
        blocks: list[tuple[int, int, int, int]] = []
        src = dst = 0
        for start, end, rlen in edits:
            if start > src:
                n = start - src
                blocks.append((dst, dst + n, src, start))
                dst += n
            blocks.append((dst, dst + rlen, start, end))
            dst += rlen
            src = end
        if src < src_len or not blocks:
            n = src_len - src
            blocks.append((dst, dst + n, src, src_len))
            dst += n
        return cls(blocks, dst, src_len)

    @property
    def is_identity(self) -> bool:
        return len(self._blocks) == 1 and self._blocks[0] == (0, self.dst_len, 0, self.src_len)

    def to_src(self, pos: int, *, side: Literal["start", "end"] = "start") -> int:
        """Map a position in the derived text to a position in the source text.

        Args:
            pos (int): position in the derived text, ``0 <= pos <= dst_len``.
            side (str): ``"start"`` for the start of a span, ``"end"`` for its end;
                decides which edge of a replaced block a position inside it maps to.
        """
        if pos >= self.dst_len and (side == "end" or pos > 0):
            return self.src_len  # the end of the text, even an empty one, is the end of the source
        if pos < 0 or (pos == 0 and side == "end"):
            return 0  # a start at 0 still goes through the blocks: text removed at the
            # very top maps the new first character past the deletion, not onto it
        i = bisect.bisect_right(self._dst_starts, pos) - 1
        # an empty block (pure deletion) shares its start with the next block;
        # for an end position prefer the block that ends at pos
        d0, d1, s0, s1 = self._blocks[i]
        if side == "end" and pos == d0 and i > 0:
            d0, d1, s0, s1 = self._blocks[i - 1]
            j = i - 1
            while d1 == d0 and j > 0:  # skip empty blocks backwards
                j -= 1
                d0, d1, s0, s1 = self._blocks[j]
        if d1 - d0 == s1 - s0:
            return s0 + (pos - d0)
        if pos == d0:
            return s0
        if pos >= d1:
            return s1
        return s0 if side == "start" else s1

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            p = self.to_src(start)
            return p, p
        return self.to_src(start, side="start"), self.to_src(end, side="end")

    def spans_to_src(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """:meth:`span_to_src` of every ``(starts[k], ends[k])``, as two lists.

        The same steps as :meth:`to_src`, inlined: the pipeline maps every edit of a
        stage through every earlier map, and the two calls per span per map were most
        of ``apply_edits`` on noisy pages (eval/bench/clean_stages.py).
        """
        blocks, dst_starts, dst_len, src_len = self._blocks, self._dst_starts, self.dst_len, self.src_len
        out_s: list[int] = []
        out_e: list[int] = []
        for start, end in zip(starts, ends):
            # start side (also the position of an empty span)
            pos = start
            if pos >= dst_len and pos > 0:
                a = src_len
            elif pos < 0:
                a = 0
            else:
                d0, d1, s0, s1 = blocks[bisect.bisect_right(dst_starts, pos) - 1]
                if d1 - d0 == s1 - s0:
                    a = s0 + (pos - d0)
                elif pos == d0:
                    a = s0
                elif pos >= d1:
                    a = s1
                else:
                    a = s0
            out_s.append(a)
            if start == end:
                out_e.append(a)
                continue
            # end side
            pos = end
            if pos >= dst_len:
                b = src_len
            elif pos <= 0:
                b = 0
            else:
                i = bisect.bisect_right(dst_starts, pos) - 1
                d0, d1, s0, s1 = blocks[i]
                if pos == d0 and i > 0:
                    j = i - 1
                    d0, d1, s0, s1 = blocks[j]
                    while d1 == d0 and j > 0:  # skip empty blocks backwards
                        j -= 1
                        d0, d1, s0, s1 = blocks[j]
                if d1 - d0 == s1 - s0:
                    b = s0 + (pos - d0)
                elif pos == d0:
                    b = s0
                else:
                    b = s1  # pos >= d1, or inside a replaced block: its end
            out_e.append(b)
        return out_s, out_e


@dataclass(slots=True)
class Tuple:
    """One extracted (actor, action, quantity, unit) fact, per shared/ANNOTATION.md."""

    actor: str
    action: str
    quantity: str
    unit: str
    value: float | None = None
    qualifier: str = "="
    sentence: str = ""
    offsets: dict[str, list[int]] = field(default_factory=dict)
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "action": self.action,
            "quantity": self.quantity,
            "unit": self.unit,
            "value": self.value,
            "qualifier": self.qualifier,
            "sentence": self.sentence,
            "offsets": self.offsets,
            "score": round(self.score, 4),
        }


@dataclass(slots=True)
class Document:
    """One page (or sentence) moving through the pipeline.

    Attributes:
        id (str): record id, kept from the input.
        raw (str): the decoded page before conversion; every ``Edit.raw_*`` indexes it.
        text (str): the current text; only the pipeline assigns it.
        source (str): where the record came from (file path, ``file:line``).
        encoding (str | None): encoding chosen by the decode stage.
        edits (list[Edit]): every applied edit and flag, in application order.
        tuples (list[Tuple]): extracted facts.
        stats (Counter): counters (``removed.<reason>`` characters, timings, ...).
        outputs (dict[str, str]): text after each stage, when the config keeps them.
        status (str): ``"ok"`` or ``"error"``.
        error (str | None): ``"[E…] message"`` for a failed record.
        meta (dict): extra input fields, carried to the output untouched.
    """

    id: str
    raw: str = ""
    text: str = ""
    source: str = ""
    encoding: str | None = None
    edits: list[Edit] = field(default_factory=list)
    tuples: list[Tuple] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    outputs: dict[str, str] = field(default_factory=dict)
    status: Literal["ok", "error"] = "ok"
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    maps: list[OffsetMap] = field(default_factory=list)  # text -> ... -> raw, newest last
    info: dict[str, Any] = field(default_factory=dict)   # per-stage facts (variant, spin score, ...)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text back to ``raw`` through every applied map."""
        for m in reversed(self.maps):
            start, end = m.span_to_src(start, end)
        return start, end

    def spans_to_raw(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """:meth:`to_raw` of every ``(starts[k], ends[k])``, one map at a time."""
        for m in reversed(self.maps):
            starts, ends = m.spans_to_src(starts, ends)
        return starts, ends

    def to_record(self, *, with_stages: bool = False) -> dict[str, Any]:
        rec: dict[str, Any] = dict(self.meta)
        rec["id"] = self.id
        if self.status == "error":
            rec.update(text=None, source=self.source, encoding=self.encoding, error=self.error,
                       stats=dict(self.stats))
            return rec
        rec.update(
            text=self.text,
            source=self.source,
            encoding=self.encoding,
            edits=[e.to_dict() for e in self.edits],
            stats=dict(self.stats),
        )
        if self.info:
            rec["info"] = self.info
        if self.tuples or "tuples" in self.stats:  # extract ran: always write the list, even empty
            rec["tuples"] = [t.to_dict() for t in self.tuples]
        if with_stages and self.outputs:
            rec["stages"] = self.outputs
        return rec
