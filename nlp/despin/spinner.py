"""A synonym-table spinner, to make spun evaluation text from clean text.

It imitates the tools seen in seed 002: a fixed table of original -> spun forms,
applied greedily (leftmost-longest) to the character string, so a key also matches
across word boundaries (商品质量 -> 商风致量 when 品质 -> 风致 is in the table).
Two-step chains (消费 -> 消耗 -> 斲丧) are table rows of kind ``chain`` whose spun
form is the result of both steps.

Tables are TSV files ``original<TAB>spun<TAB>kind`` (kind: ``lexicon`` = the pair is
in the despin lexicon, ``novel`` = it is not, ``chain`` = two steps). The development
and test tables are disjoint (corpora/despin/tables/).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError


@dataclass(slots=True, frozen=True)
class SpunToken:
    """One substitution: ``spun_text[start:end] == spun`` replaced ``original``."""

    start: int
    end: int
    spun: str
    original: str
    kind: str = ""


def load_table(path: str | Path) -> dict[str, tuple[str, str]]:
    """original -> (spun, kind) from a table TSV."""
    table: dict[str, tuple[str, str]] = {}
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ConfigError(f"{path}:{lineno}: expected original<TAB>spun<TAB>kind, got {line!r}.")
        table[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")
    return table


def spin(text: str, table: dict[str, tuple[str, str]]) -> tuple[str, list[SpunToken]]:
    """Apply ``table`` greedily to ``text``; return the spun text and its tokens."""
    if not table:
        return text, []
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    out: list[str] = []
    tokens: list[SpunToken] = []
    pos = 0
    length = 0
    for m in pattern.finditer(text):
        gap = text[pos:m.start()]
        out.append(gap)
        length += len(gap)
        spun, kind = table[m.group()]
        tokens.append(SpunToken(length, length + len(spun), spun, m.group(), kind))
        out.append(spun)
        length += len(spun)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tokens
