"""The stage contract.

A stage is a small class with a registered dotted name (see :mod:`nlp.registry`).
Its ``__init__`` keyword arguments are its config schema. It reads ``doc.text``
and *proposes* changes; the pipeline applies them and keeps the audit trail.

Three kinds:
- ``edit``: ``process(doc) -> list[Edit]`` (clean, despin). Offsets are in ``doc.text``.
- ``transform``: ``process(doc) -> Transform`` (convert): a whole new text plus an
  :class:`~nlp.document.OffsetMap` back to the input; used where a per-character
  edit list would be noise (Traditional -> Simplified).
- ``annotate``: ``process(doc) -> None``; sets ``doc.tuples`` / ``doc.info`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterable, Literal

from .document import Document, Edit, OffsetMap, new_edit


@dataclass(slots=True)
class Transform:
    text: str
    offset_map: OffsetMap


class Stage:
    name: ClassVar[str] = ""
    kind: ClassVar[Literal["edit", "transform", "annotate"]] = "edit"
    #: what the stage reads / writes, for documentation and pipeline checks
    requires: ClassVar[tuple[str, ...]] = ("text",)
    emits: ClassVar[tuple[str, ...]] = ("edits",)

    def process(self, doc: Document) -> list[Edit] | Transform | None:  # pragma: no cover - interface
        raise NotImplementedError

    def process_batch(self, docs: list[Document]) -> list[list[Edit] | Transform | None]:
        """Process several documents; model stages override this to batch."""
        return [self.process(d) for d in docs]

    def edit(self, start: int, end: int, replacement: str = "", *, reason, confidence: float = 1.0,
             note: str = "") -> Edit:
        """Shorthand for an :class:`Edit` proposed by this stage."""
        return new_edit(start, end, replacement, self.name, reason, "", -1, -1, confidence, note)


def spans_to_edits(stage: Stage, spans: Iterable[tuple[int, int, object]]) -> list[Edit]:
    """Turn ``(start, end, reason)`` removal spans into edits."""
    return [stage.edit(s, e, "", reason=r) for s, e, r in spans if e > s]
