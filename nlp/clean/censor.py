"""Flag censored words shown as ``**`` (seed 000: "售后**和**索赔").

The placeholders stay in the text (the gold keeps them); each run of two or more
asterisks inside a line becomes a *flag* edit (replacement equal to the text,
``Reason.CENSORED``) so the audit shows where a word was censored.
"""
from __future__ import annotations

import re

from ..document import Document, Edit, Reason
from ..stage import Stage

_CENSOR_RE = re.compile(r"(?<!\*)\*{2,8}(?!\*)")


class CensorFlagger(Stage):
    """Flag ``**`` censorship placeholders without changing the text (seed 000)."""

    name = "clean.censored"

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        out = []
        if "**" not in text:
            return out
        for m in _CENSOR_RE.finditer(text):
            out.append(self.edit(m.start(), m.end(), m.group(), reason=Reason.CENSORED, note="censored word"))
        return out
