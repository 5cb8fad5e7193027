"""The substitution lexicon (spun form -> original) and a fast matcher for it.

The lexicon lives in ``corpora/despin/lexicon.tsv`` (see its header for the columns
and sources). Seed 002 shows the tool's behaviour the matcher must follow:
- word-level table substitution, applied greedily, also across word boundaries
  (``商品质量`` -> ``商风致量``: ``品质`` -> ``风致`` matched inside the string), so
  spun forms are found as plain substrings, not on word boundaries;
- chains (``消费`` -> ``消耗`` -> ``斲丧``): :meth:`Lexicon.load` adds the original of
  the first step as a candidate of the last (source ``chain-derived``).

Matching is leftmost-longest and non-overlapping. It is done with a numpy bigram
prefilter (every spun form has >= 2 characters) and a Python check only at the few
positions whose first two characters start some spun form: a page without spun
forms costs one vectorised pass, which keeps the stage near the speed of the OpenCC
pass it follows (issue 4 budget: <= 3x).
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import ConfigError

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "corpora" / "despin" / "lexicon.tsv"


@dataclass(slots=True)
class Entry:
    """Everything known about one spun form.

    Attributes:
        spun (str): the spun form as it appears in text.
        originals (list[str]): candidate originals, most specific source first.
        real_word (bool): the spun form is also a common real word (ambiguous).
        sources (dict[str, str]): original -> source tag (seed002, table, chain, chain-derived).
        detect (bool): the form counts in page-level spin detection (False when all
            its rows are ``table-k3``: see :data:`NO_DETECT_SOURCES`).
        evidence (bool): an unambiguous form counts as spin evidence in the gate
            (False when all its rows are ``table-k4``: see :data:`NO_EVIDENCE_SOURCES`).
    """

    spun: str
    originals: list[str] = field(default_factory=list)
    real_word: bool = False
    sources: dict[str, str] = field(default_factory=dict)
    detect: bool = True
    evidence: bool = True

    @property
    def unambiguous(self) -> bool:
        """Spin evidence for the gate: not a real word, and not only :data:`NO_EVIDENCE_SOURCES` rows."""
        return self.evidence and not self.real_word


#: Rows of these sources neither count in page detection (the odd-share thresholds were
#: chosen on dev without them) nor take part in derived chains (their real-word pairs
#: run both ways, 情况 <-> 环境, and a chain through them is not a two-step spin).
#: ``table-k4`` (sixth pass) was written and filtered the same way as ``table-k3``.
NO_DETECT_SOURCES = ("table-k3", "table-k4")
#: ... and unambiguous forms of these sources are not spin evidence either: the gate and
#: the detection thresholds stay as calibrated, so pages judged clean stay clean (a
#: ``table-k4`` "non-word" such as 立异 or 灭亡 is rare in news but a real word of
#: literary text); on a page judged spun they are rewritten like any other form.
NO_EVIDENCE_SOURCES = ("table-k4",)


@dataclass(slots=True, frozen=True)
class Match:
    start: int
    end: int
    entry: Entry


_BITS = 20  # bitmap of 2^20 bigram hashes: ~600 forms -> false-positive rate ~0.06 %


def _bigram_hashes(text: str) -> np.ndarray:
    """A 20-bit hash of every character bigram (multiplicative hash, uint32 ring)."""
    a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if len(a) < 2:
        return np.zeros(0, dtype=np.uint32)
    with np.errstate(over="ignore"):
        return ((a[:-1] * np.uint32(0x9E3779B1)) ^ a[1:]) * np.uint32(0x85EBCA6B) >> np.uint32(32 - _BITS)


class Lexicon:
    """Spun forms -> :class:`Entry`, with a leftmost-longest matcher.

    Args:
        entries (dict[str, Entry]): keyed by spun form.
    """

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        by_bigram: dict[str, list[str]] = {}
        for form in entries:
            if len(form) < 2:
                raise ConfigError(f"Lexicon spun form {form!r} is shorter than 2 characters; "
                                  f"single characters are too ambiguous to reverse: remove the line.")
            by_bigram.setdefault(form[:2], []).append(form)
        for forms in by_bigram.values():
            forms.sort(key=len, reverse=True)
        # bitmaps for every form and for the forms that are not real words (the spin
        # gate only needs the latter, and a clean page has almost none of them). A
        # form of >= 3 characters must also match its second bigram: 信息平安 and
        # 活动员 start with bigrams of everyday text (信息, 活动), which alone would
        # send most positions of a clean page to the Python check
        self._maps = {}
        for unamb_only in (False, True):
            # one uint8 table, one gather per page: bit 1 = first bigram of a 2-char
            # form, bit 2 = first bigram of a longer form, bit 4 = its second bigram
            bits = np.zeros(1 << _BITS, dtype=np.uint8)
            # bigram -> (form, length, entry), longest first (the matcher's loop reads no other dict)
            table: dict[str, list[tuple[str, int, Entry]]] = {}
            for b, forms in by_bigram.items():
                keep = [f for f in forms if not unamb_only or entries[f].unambiguous]
                if not keep:
                    continue
                table[b] = [(f, len(f), entries[f]) for f in keep]
                for f in keep:
                    if len(f) == 2:
                        bits[_bigram_hashes(f)[0]] |= 1
                    else:
                        h = _bigram_hashes(f[:3])
                        bits[h[0]] |= 2
                        bits[h[1]] |= 4
            self._maps[unamb_only] = (bits, table)

    # --- loading ---------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None, *, exclude_sources: tuple[str, ...] = (),
             chains_k3: bool = False) -> Lexicon:
        """Read a lexicon TSV (``spun, original, real_word, source, note``).

        Args:
            path: the TSV; defaults to ``corpora/despin/lexicon.tsv``.
            exclude_sources: drop rows with these source tags (e.g. ``("seed002",)``
                to measure what the lexicon does without the seed's own pairs).
            chains_k3: also derive two-step chains through ``table-k3``/``table-k4`` rows,
                when the last spun form is not a real word (see :func:`_add_chains`).
        """
        path = Path(path) if path else DEFAULT_PATH
        if not path.exists():
            raise ConfigError(f"Despin lexicon not found: {path}. Point stages.despin.lexicon at a TSV "
                              f"with columns spun, original, real_word, source, note.")
        entries: dict[str, Entry] = {}
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 4 or parts[2] not in ("yes", "no"):
                raise ConfigError(f"{path}:{lineno}: expected spun<TAB>original<TAB>yes|no<TAB>source, "
                                  f"got {line!r}.")
            spun, orig, real, source = parts[:4]
            if source in exclude_sources:
                continue
            e = entries.setdefault(spun, Entry(spun))
            if orig not in e.sources:
                e.originals.append(orig)
                e.sources[orig] = source
            e.real_word = e.real_word or real == "yes"
        for e in entries.values():
            e.detect = any(src not in NO_DETECT_SOURCES for src in e.sources.values())
            e.evidence = any(src not in NO_EVIDENCE_SOURCES for src in e.sources.values())
        _add_chains(entries, through_k3=chains_k3)
        return cls(entries)

    # --- matching --------------------------------------------------------
    def find(self, text: str, *, unambiguous_only: bool = False) -> list[Match]:
        """Leftmost-longest, non-overlapping occurrences of spun forms in ``text``.

        Args:
            text (str): the text to search.
            unambiguous_only (bool): only forms that are not real words and count as
                evidence (the cheap spin gate). Defaults to False.
        """
        hashes = _bigram_hashes(text)
        if len(hashes) == 0:
            return []
        bits, by_bigram = self._maps[unambiguous_only]
        v = bits[hashes]
        hit = v & 1
        hit[:-1] |= (v[:-1] >> 1) & (v[1:] >> 2) & 1
        positions = np.flatnonzero(hit)
        out: list[Match] = []
        last_end = 0
        get = by_bigram.get
        for p in positions.tolist():
            if p < last_end:
                continue
            forms = get(text[p:p + 2])
            if forms is None:  # a hash collision of the bitmap
                continue
            for form, n, entry in forms:
                # a 2-character form is its bigram, the key that found the list
                if n == 2 or text.startswith(form, p):
                    # a table-k3 form must not swallow the start of a calibrated form
                    # (有益处: 益处 <- 好处 wins over 有益 <- 有利); a calibrated form wholly
                    # inside it does not stop it (公安构造 <- 公安机关 is the table's own
                    # compound; 构造 alone would read as 结构)
                    if not entry.detect and self._shadows(text, p + 1, p + n, by_bigram):
                        continue
                    last_end = p + n
                    out.append(Match(p, last_end, entry))
                    break
        return out

    @staticmethod
    def _shadows(text: str, lo: int, hi: int, by_bigram: dict[str, list[tuple[str, int, Entry]]]) -> bool:
        """Does a form counted in detection start at a position in ``[lo, hi)`` and end after ``hi``?"""
        for q in range(lo, hi):
            for form, n, entry in by_bigram.get(text[q:q + 2], ()):
                if entry.detect and q + n > hi and text.startswith(form, q):
                    return True
        return False

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, spun: str) -> bool:
        return spun in self.entries

    def pairs(self) -> set[tuple[str, str]]:
        """Every (spun, original) pair, chains included."""
        return {(e.spun, o) for e in self.entries.values() for o in e.originals}


def _add_chains(entries: dict[str, Entry], *, through_k3: bool = False) -> None:
    """X->Y and Y->Z in the table give Z the candidate X (a page spun twice).

    Rows of :data:`NO_DETECT_SOURCES` take part only with ``through_k3`` and only when Z
    is not a real word: their real-word pairs run both ways (情况 <-> 环境), so a chain
    ending in a real word (情形 <- 情况 <- 环境) is mostly a genuine word, while a
    non-word Z (斲丧 <- 消耗 <- 消费) is spin whichever way it was reached.
    """
    additions: list[tuple[Entry, str]] = []
    for e in entries.values():
        k3_ok = through_k3 and not e.real_word
        for mid in list(e.originals):
            first = entries.get(mid)
            if first is None or (e.sources[mid] in NO_DETECT_SOURCES and not k3_ok):
                continue
            for orig in first.originals:
                if first.sources[orig] in NO_DETECT_SOURCES and not k3_ok:
                    continue
                if orig != e.spun and orig not in e.sources:
                    additions.append((e, orig))
    for e, orig in additions:
        if orig not in e.sources:
            e.originals.append(orig)
            e.sources[orig] = "chain-derived"


#: Rows added after the shipped models were trained (context.npz, thesaurus*.json,
#: decision.json): their trainers read the lexicon without them, so `zhie train despin-*`
#: still reproduces the committed files byte-identical (a retrain on the grown lexicon is
#: a new model, to be measured on dev before it ships).
NOT_IN_TRAINING = ("table-k4",)


def training_lines(path: str | Path | None = None) -> list[str]:
    """The lexicon TSV's lines (with line ends) without :data:`NOT_IN_TRAINING` rows."""
    lines = Path(path or DEFAULT_PATH).read_text(encoding="utf-8").splitlines(keepends=True)
    return [ln for ln in lines
            if ln.startswith("#") or len(ln.split("\t")) < 4 or ln.split("\t")[3] not in NOT_IN_TRAINING]


@functools.lru_cache(maxsize=1)
def training_path() -> str:
    """A temporary copy of the lexicon as the models' trainers read it (:func:`training_lines`)."""
    import atexit
    import tempfile

    fd, path = tempfile.mkstemp(suffix=".tsv", prefix="despin-lexicon-train-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.writelines(training_lines())
    # the path is cached for the process (trainers reopen it): remove the file when it ends
    atexit.register(_remove_quietly, path)
    return path


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


@functools.lru_cache(maxsize=8)
def load_cached(path: str = "", exclude_sources: tuple[str, ...] = (), chains_k3: bool = False) -> Lexicon:
    """:meth:`Lexicon.load`, cached per (path, exclusions, chain option) so stages share one copy."""
    return Lexicon.load(path or None, exclude_sources=exclude_sources, chains_k3=chains_k3)
