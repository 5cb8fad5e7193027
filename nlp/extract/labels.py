"""Character spans <-> sub-word labels for the tuple tagger.

Two problems live here, both about where fields start and end:

1. **Gold tuples carry strings, not offsets.** :func:`align_tuples` finds, for
   each gold tuple, which occurrence of each field string it means (rules below).
2. **XLM-R pieces cross field boundaries in Chinese.** With the natural
   tokenisation ``97.1万人`` becomes ``9 | 7.1 | 万人``: the piece ``万人`` holds the
   end of the quantity and the whole unit, so no piece label can express the
   gold span. The classifier tokenizer (:func:`classifier_tokenizer`) therefore
   pre-splits text so that every CJK character, every punctuation mark and every
   run of digits or Latin letters is its own word; pieces never straddle two
   words, and a field boundary can fall between any two Chinese characters.
   Labels are BIO per *word* (first piece of a word carries it, the other pieces
   get -100), and spans are read back in character offsets of the original
   sentence through the tokenizer's offset mapping — never by joining piece
   strings, which is how the transformers token-classification pipeline's
   aggregation mangles CJK text (it decides "sub-word or not" from spaces).

Occurrence rules of :func:`align_tuples` (a field string may occur several
times in a sentence; the guide's fields are substrings, without offsets unless
the annotator gave ``start``/``end``):

* explicit ``offsets`` / ``<field>_start`` in the gold record win;
* **quantity**: tuples are read in order; take the first occurrence at or after
  the previous tuple's quantity that is a whole numeral (not inside a longer
  run of digits) and not already taken by another tuple; else any unused one;
* **unit**: the occurrence starting right where the quantity ends; else the
  nearest occurrence after it; else the nearest one;
* **action**: the occurrence closest to the quantity that overlaps neither
  quantity nor unit, ties broken in favour of the one before the quantity
  (Chinese predicates usually precede their object);
* **actor**: the closest occurrence *before* the action (or before the
  quantity when the action is empty) that overlaps no other field of the
  tuple; else the closest occurrence anywhere.
"""
from __future__ import annotations

import functools

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

FIELDS = ("actor", "action", "quantity", "unit")
SPAN_TYPES = ("ACTOR", "ACTION", "QUANTITY", "UNIT")
LABELS = ["O"] + [f"{p}-{t}" for t in SPAN_TYPES for p in ("B", "I")]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}
FIELD2TYPE = dict(zip(FIELDS, SPAN_TYPES))
# when spans of different types claim the same characters, the more specific one wins
PRIORITY = {"QUANTITY": 3, "UNIT": 2, "ACTION": 1, "ACTOR": 0}

# One pre-token per CJK character / punctuation mark / space; digits (with
# decimal points and thousands separators) and Latin letters stay in runs.
# Applied after NFKC, so full-width digits are already ASCII here.
WORD_PATTERN = r"[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|\s+|[^\sA-Za-z0-9]"
_WORD_RE = re.compile(WORD_PATTERN)


@dataclass(frozen=True, slots=True)
class Span:
    """A typed character span ``[start, end)`` of a sentence."""

    start: int
    end: int
    type: str
    score: float = 1.0


def classifier_tokenizer(base_tokenizer):
    """A copy of the encoder's tokenizer that pre-splits text into character-level words.

    Args:
        base_tokenizer (tokenizers.Tokenizer): the encoder tokenizer (models/e5-small-zh).

    Returns:
        tokenizers.Tokenizer: same vocabulary and normaliser; pre-tokenizer = split
        into :data:`WORD_PATTERN` words, then a metaspace only before the first word.
    """
    from tokenizers import Regex, Tokenizer, pre_tokenizers

    tok = Tokenizer.from_str(base_tokenizer.to_str())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(WORD_PATTERN), behavior="isolated"),
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first", split=False),
    ])
    return tok


def word_ids(encoding) -> list[int | None]:
    """Word index per piece (``None`` for specials), from a tokenizers Encoding."""
    return encoding.word_ids


def word_spans(encoding) -> list[tuple[int, int]]:
    """Character span of each word of an encoding (union of its pieces' offsets).

    The leading metaspace piece (``▁`` alone) has an empty or one-character
    offset that belongs to the first word; it is merged in like any piece.
    """
    spans: dict[int, list[int]] = {}
    for wid, (s, e), special in zip(encoding.word_ids, encoding.offsets, encoding.special_tokens_mask):
        if wid is None or special:
            continue
        if wid in spans:
            spans[wid][0] = min(spans[wid][0], s)
            spans[wid][1] = max(spans[wid][1], e)
        else:
            spans[wid] = [s, e]
    return [tuple(spans[i]) for i in sorted(spans)]


def _occurrences(text: str, s: str) -> list[int]:
    if not s:
        return []
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def _whole_numeral(text: str, i: int, s: str) -> bool:
    """True if ``text[i:i+len(s)]`` is not cut out of a longer digit run."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + len(s)] if i + len(s) < len(text) else ""
    digit = lambda c: c.isdigit() or c in ".．"  # noqa: E731
    return not (s[:1].isdigit() and digit(before)) and not (s[-1:].isdigit() and after.isdigit())


def align_tuples(text: str, tuples: Sequence[dict]) -> list[dict[str, tuple[int, int] | None]]:
    """Character spans of every field of every gold tuple (rules in the module docstring).

    Args:
        text (str): the sentence.
        tuples (Sequence[dict]): gold tuples with ``actor/action/quantity/unit`` strings.

    Returns:
        list[dict]: per tuple, field -> ``(start, end)`` or ``None`` for an empty
        field or a string that is not in the sentence.
    """
    out: list[dict[str, tuple[int, int] | None]] = []
    taken_q: set[int] = set()
    last_q = 0
    for t in tuples:
        spans: dict[str, tuple[int, int] | None] = {f: None for f in FIELDS}
        offs = t.get("offsets") or {}
        for f in FIELDS:
            if f in offs and offs[f] and len(offs[f]) == 2 and text[offs[f][0]:offs[f][1]] == t.get(f):
                spans[f] = (offs[f][0], offs[f][1])
            elif isinstance(t.get(f + "_start"), int) and text[t[f + "_start"]:t[f + "_start"] + len(t.get(f, ""))] == t.get(f):
                spans[f] = (t[f + "_start"], t[f + "_start"] + len(t[f]))
        q = t.get("quantity", "")
        if spans["quantity"] is None and q:
            occ = [i for i in _occurrences(text, q) if _whole_numeral(text, i, q)] or _occurrences(text, q)
            free = [i for i in occ if i not in taken_q]
            pick = next((i for i in free if i >= last_q), None)
            if pick is None and free:
                pick = free[0]
            if pick is None and occ:
                pick = occ[0]
            if pick is not None:
                spans["quantity"] = (pick, pick + len(q))
        if spans["quantity"]:
            taken_q.add(spans["quantity"][0])
            last_q = spans["quantity"][0]
        anchor = spans["quantity"][0] if spans["quantity"] else 0
        qend = spans["quantity"][1] if spans["quantity"] else 0
        u = t.get("unit", "")
        if spans["unit"] is None and u:
            occ = _occurrences(text, u)
            if qend in occ:
                pick = qend
            else:
                after = [i for i in occ if i >= qend]
                pick = after[0] if after else (min(occ, key=lambda i: abs(i - anchor)) if occ else None)
            if pick is not None:
                spans["unit"] = (pick, pick + len(u))
        used = [s for s in (spans["quantity"], spans["unit"]) if s]

        def free_of(i: int, n: int, taken: list) -> bool:
            return all(i + n <= a or i >= b for a, b in taken)

        a = t.get("action", "")
        if spans["action"] is None and a:
            occ = [i for i in _occurrences(text, a) if free_of(i, len(a), used)] or _occurrences(text, a)
            if occ:
                pick = min(occ, key=lambda i: (abs(i - anchor), i > anchor))
                spans["action"] = (pick, pick + len(a))
        if spans["action"]:
            used.append(spans["action"])
        ac = t.get("actor", "")
        if spans["actor"] is None and ac:
            ref = spans["action"][0] if spans["action"] else anchor
            occ = [i for i in _occurrences(text, ac) if free_of(i, len(ac), used)] or _occurrences(text, ac)
            before = [i for i in occ if i + len(ac) <= ref]
            if before:
                pick = max(before)
            elif occ:
                pick = min(occ, key=lambda i: abs(i - ref))
            else:
                pick = None
            if pick is not None:
                spans["actor"] = (pick, pick + len(ac))
        out.append(spans)
    return out


def char_spans(aligned: Iterable[dict[str, tuple[int, int] | None]]) -> list[Span]:
    """The distinct typed spans of a sentence's aligned tuples, overlaps resolved.

    Two tuples sharing an actor or an action share the span. When spans overlap,
    the higher :data:`PRIORITY` type wins, then the longer span.
    """
    cand = {(s[0], s[1], FIELD2TYPE[f]) for t in aligned for f, s in t.items() if s and s[1] > s[0]}
    order = sorted(cand, key=lambda x: (-PRIORITY[x[2]], -(x[1] - x[0]), x[0]))
    kept: list[tuple[int, int, str]] = []
    for s, e, typ in order:
        if all(e <= a or s >= b for a, b, _ in kept):
            kept.append((s, e, typ))
    return [Span(s, e, t) for s, e, t in sorted(kept)]


def word_labels(wspans: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[int]:
    """BIO label id per word: a word is inside a span when its characters overlap it.

    A span starting mid-word (impossible with the classifier tokenizer except for
    digit runs, e.g. a range ``3-5``) marks the whole word.
    """
    labels = [LABEL2ID["O"]] * len(wspans)
    for sp in spans:
        first = True
        for k, (s, e) in enumerate(wspans):
            if e <= sp.start or s >= sp.end or e == s:
                continue
            if labels[k] != LABEL2ID["O"]:
                first = False
                continue
            labels[k] = LABEL2ID[("B-" if first else "I-") + sp.type]
            first = False
    return labels


def decode_spans(wspans: Sequence[tuple[int, int]], label_ids: Sequence[int],
                 probs: Sequence[float] | None = None) -> list[Span]:
    """Read typed character spans back from word-level BIO predictions.

    An ``I-X`` that does not continue an ``X`` span starts one (the usual lenient
    BIO repair). The span score is the mean word probability.
    """
    out: list[Span] = []
    cur: list | None = None  # [start, end, type, [probs]]
    for k, lid in enumerate(label_ids):
        lab = LABELS[lid]
        p = probs[k] if probs is not None else 1.0
        if lab == "O":
            if cur:
                out.append(cur)
            cur = None
            continue
        bio, typ = lab.split("-", 1)
        if bio == "I" and cur and cur[2] == typ:
            cur[1] = wspans[k][1]
            cur[3].append(p)
            continue
        if cur:
            out.append(cur)
        cur = [wspans[k][0], wspans[k][1], typ, [p]]
    if cur:
        out.append(cur)
    return [Span(s, e, t, sum(ps) / len(ps)) for s, e, t, ps in out]


def bio_allowed(prev: int | None, cur: int) -> bool:
    """Whether label ``cur`` may follow label ``prev`` (``None`` = sentence start) under BIO.

    ``I-X`` continues an ``X`` span only: it needs ``B-X`` or ``I-X`` right before it.
    """
    lab = LABELS[cur]
    if not lab.startswith("I-"):
        return True
    return prev is not None and LABELS[prev] != "O" and LABELS[prev][2:] == lab[2:]


def bio_transitions(label_seqs: Iterable[Sequence[int]]) -> list[list[float]]:
    """Log transition probabilities between word labels, counted on gold label sequences.

    Args:
        label_seqs: word-level label ids per sentence (:func:`word_labels` of the train split).

    Returns:
        list[list[float]]: ``[len(LABELS) + 1][len(LABELS)]``; row ``len(LABELS)`` is the
        sentence start. Add-one smoothed; forbidden BIO moves are left to
        :func:`viterbi_labels` (they get -inf there whatever their count).
    """
    import math

    n = len(LABELS)
    cnt = [[1.0] * n for _ in range(n + 1)]
    for seq in label_seqs:
        prev = n
        for lab in seq:
            cnt[prev][lab] += 1
            prev = lab
    return [[math.log(c / sum(row)) for c in row] for row in cnt]


@functools.lru_cache(maxsize=1)
def _bio_mask():
    """``[len(LABELS) + 1, len(LABELS)]`` float64: 0 where :func:`bio_allowed` permits the move
    (row ``len(LABELS)`` = sentence start), -inf where it forbids it. Built once: it depends on
    LABELS only. Callers add it to their scores (never modify it)."""
    import numpy as np

    n = len(LABELS)
    mask = np.zeros((n + 1, n))
    for a in range(n + 1):
        for b in range(n):
            if not bio_allowed(None if a == n else a, b):
                mask[a, b] = -np.inf
    mask.setflags(write=False)
    return mask


def viterbi_labels(logits, transitions: Sequence[Sequence[float]] | None = None, weight: float = 0.0):
    """The best BIO-consistent word label path for one sentence.

    Score of a path = sum of the tagger's per-word log-probabilities + ``weight`` x the
    log transition probabilities (:func:`bio_transitions`); a move :func:`bio_allowed`
    forbids (``O`` -> ``I-X``, ``B-X`` -> ``I-Y``) is impossible. With ``weight=0`` this is
    the constrained argmax: the greedy labels wherever they are consistent, and where an
    ``I-X`` has no ``X`` before it the cheaper of extending the span leftwards or cutting it.

    Args:
        logits: ``[W, len(LABELS)]`` word scores (numpy).
        transitions: :func:`bio_transitions` output (None: constraints only).
        weight (float): weight of the transition log-probabilities.

    Returns:
        tuple: (label ids per word, probability of each chosen label).
    """
    import numpy as np

    lg = np.asarray(logits, dtype=np.float64)
    W, n = lg.shape if lg.ndim == 2 else (0, len(LABELS))
    if W == 0:
        return [], []
    mx = lg.max(-1, keepdims=True)
    lp = lg - mx - np.log(np.exp(lg - mx).sum(-1, keepdims=True))
    trans = _bio_mask() if transitions is None else weight * np.asarray(transitions, dtype=np.float64) + _bio_mask()
    score = lp[0] + trans[n]
    back = np.zeros((W, n), dtype=np.int64)
    for t in range(1, W):
        cand = score[:, None] + trans[:n]
        back[t] = cand.argmax(0)
        score = cand.max(0) + lp[t]
    path = [int(score.argmax())]
    for t in range(W - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    path.reverse()
    return path, [float(np.exp(lp[t, k])) for t, k in enumerate(path)]
