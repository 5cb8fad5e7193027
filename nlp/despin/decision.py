"""A learned rewrite decision for the despin stage (logistic regression over page evidence).

The hand rule (rewrite an ambiguous form when the LM margin is >= 2.0) looks at one
window at a time. A spinning tool applies a fixed table to the *whole* page, so the
page says more (seed 002: 连续 <- 持续 three times, 治理 never on the page while 管理
occurs eight times, all with small per-window margins). :func:`features` describes
every candidate rewrite of a page judged spun with:

- its LM evidence: margin over the spun form (pass 2), lead over the runner-up
  original, margin before rescoring;
- the lexicon: real-word flag, several originals, chain-derived original, form length,
  corpus frequency ratio original / spun form;
- page consistency: occurrences of the form on the page, best and mean margin of the
  same (form, original) on the page, the original present elsewhere on the page, and
  how many times the original *would* be expected on a page of this length if the
  page were clean (absence of a frequent original is evidence its form was spun);
- page spin level: unambiguous forms per 1,000 characters, distinct unambiguous forms,
  share of odd ambiguous forms.

:func:`fit` trains an L2-regularised logistic regression (Newton steps, numpy only)
on candidates from pages spun with the *development* table (corpora/despin/tables/
dev.tsv) and from clean dev pages that the detector judges spun; labels come from the
spinner's gold tokens. :class:`Decision` stores the weights as JSON
(models/despin/decision.json) and scores a feature matrix. Never trained on test tables.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

from ..logistic import LogisticModel, fit_logistic

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "despin" / "decision.json"

FEATURES = (
    "bias", "margin", "margin_real", "margin_pos", "margin_pass1", "gap", "multi", "chain", "real_word", "length",
    "freq_ratio", "log_n_form", "form_max_margin", "form_mean_margin", "present", "absent_expected",
    "unamb_per_k", "log_unamb_distinct", "odd_rate", "margin_x_odd",
    "ctx", "ctx_known", "ctx_form_mean", "ctx_pos_x_margin_pos",
)


class Decision(LogisticModel):
    """Logistic-regression weights over :data:`FEATURES` plus feature scaling
    (models/despin/decision.json); :meth:`proba` >= ``threshold`` means rewrite."""

    FEATURES = FEATURES
    DEFAULT_PATH = DEFAULT_PATH
    RETRAIN = ('Train it with `zhie train despin-decision` (nlp.despin.decision.train_decision()) '
               'or set stages.despin.decision = "rule".')


def features(*, margins, margins1, gaps, best, matches, present, page, freq, total, ctx=None) -> np.ndarray:
    """One row of :data:`FEATURES` per match (see the module docstring).

    Args:
        margins, margins1, gaps, best: the stage's pass-2 margins, pass-1 margins,
            runner-up gaps and best originals, aligned with ``matches``.
        matches: the lexicon matches of the page.
        present (set[str]): originals found on the page outside spun forms.
        page (dict): ``cjk_chars``, ``unambiguous``, ``unambiguous_distinct``, ``odd_rate``.
        freq (callable): corpus count of a word (the LM's n-gram count).
        total (int): characters in that corpus.
        ctx (np.ndarray | None): the wide-context scorer's log-odds per match
            (:mod:`nlp.despin.context`; NaN = not scored).
    """
    n = len(matches)
    x = np.zeros((n, len(FEATURES)))
    mg = np.clip(np.asarray(margins, dtype=float), -10, 10)
    by_pair: dict[tuple[str, str], list[float]] = {}
    by_form: dict[str, int] = {}
    for m, b, g in zip(matches, best, mg):
        by_pair.setdefault((m.entry.spun, b), []).append(g)
        by_form[m.entry.spun] = by_form.get(m.entry.spun, 0) + 1
    chars = max(page["cjk_chars"], 1)
    unamb_per_k = 1000.0 * page["unambiguous"] / chars
    odd = page["odd_rate"]
    cx = np.full(n, np.nan) if ctx is None else np.asarray(ctx, dtype=float)
    known = ~np.isnan(cx)
    cx = np.where(known, np.clip(cx, -10, 10), 0.0)
    ctx_pair: dict[tuple[str, str], list[float]] = {}
    for m, b, c, k in zip(matches, best, cx, known):
        if k:
            ctx_pair.setdefault((m.entry.spun, b), []).append(c)
    for i, (m, b) in enumerate(zip(matches, best)):
        e = m.entry
        cp = ctx_pair.get((e.spun, b))
        f_orig = freq(b)
        f_spun = freq(e.spun)
        same = by_pair[(e.spun, b)]
        expected = f_orig / max(total, 1) * chars
        x[i] = (
            1.0, mg[i], mg[i] * e.real_word, max(mg[i], 0.0), min(max(margins1[i], -10), 10),
            min(gaps[i], 5.0), len(e.originals) > 1, e.sources.get(b) == "chain-derived", e.real_word,
            len(e.spun), math.log10((f_orig + 1) / (f_spun + 1)), math.log1p(by_form[e.spun]),
            max(same), sum(same) / len(same), b in present,
            0.0 if b in present else math.log10(1 + expected),
            unamb_per_k, math.log1p(page["unambiguous_distinct"]), odd, mg[i] * odd,
            cx[i], float(known[i]), sum(cp) / len(cp) if cp else 0.0, max(cx[i], 0.0) * max(mg[i], 0.0),
        )
    return x


def collect(stage, texts: list[str], table: dict | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, list]:
    """Candidate features and labels on ``texts`` (spun with ``table``; ``None`` = clean).

    Only pages the detector judges spun contribute (the decision never sees the others).

    Returns:
        (x, y, page_index, info): ``y[i]`` is 1 when rewriting match ``i`` with its best
        original restores a gold token; ``info`` holds (page, start, spun, best, gold
        original, the hand rule rewrites it).
    """
    from ..evaluate.despin import reduce
    from .spinner import spin

    xs, ys, pages, info = [], [], [], []
    for k, t in enumerate(texts):
        if table is not None:
            s, toks = spin(t, table)
        else:
            s, toks = t, []
        gold = {reduce(g.start, g.end, g.spun, g.original): g.original for g in toks}
        gold_span = {(g.start, g.end): g.original for g in toks}
        a = stage.analyse(s)
        if a is None or not a["ev"].spun:
            continue
        x = stage.candidate_features(a)
        for m, b, c in zip(a["matches"], a["best"], a["choice"]):
            ys.append(1.0 if reduce(m.start, m.end, m.entry.spun, b) in gold else 0.0)
            info.append((k, m.start, m.entry.spun, b, gold_span.get((m.start, m.end)), c is not None))
        xs.append(x)
        pages.extend([k] * len(x))
    if not xs:
        return np.zeros((0, len(FEATURES))), np.zeros(0), np.zeros(0, dtype=int), []
    return np.vstack(xs), np.array(ys), np.array(pages), info


def train_decision(out: str | os.PathLike = DEFAULT_PATH, *, precision: float = 0.97, l2: float = 1.0) -> dict:
    """Fit the learned decision on dev (inews dev[:300] spun with tables/dev.tsv) and save it.

    The threshold is the lowest probability whose rewrites reach ``precision`` on dev
    when each half of the pages (even/odd index) is scored by a model fitted on the
    other half; the saved weights are fitted on all dev pages. Test tables are never read.

    Returns:
        dict: cross-validated dev precision/recall at the chosen threshold and the rule's.
    """
    from ..evaluate.despin import CORPUS
    from . import corpora
    from .lexicon import training_path
    from .spinner import load_table, spin
    from .stage import Despinner

    # analyse() then computes the context features; the lexicon the shipped model was fitted with
    # (no rival check: seventh pass, after the shipped model was fitted)
    stage = Despinner(decision="learned", lexicon=training_path(), rival_mates=0)
    texts = corpora.texts("dev")
    table = load_table(CORPUS / "tables" / "dev.tsv")
    gold_total = sum(len(spin(t, table)[1]) for t in texts)
    x, y, pages, info = collect(stage, texts, table)
    prob = np.zeros(len(y))
    for fold in (0, 1):
        tr = pages % 2 != fold
        w, mu, sc = fit_logistic(x[tr], y[tr], l2=l2)
        prob[~tr] = Decision(w, mu, sc).proba(x[~tr])
    best = (1.0, 0.0, 0.0)
    for th in np.arange(0.50, 0.99, 0.01):
        pred = prob >= th
        tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
        p, r = tp / max(tp + fp, 1), tp / max(gold_total, 1)
        if p >= precision:
            best = (float(th), p, r)
            break
    rule = np.array([i[5] for i in info])
    rtp, rfp = int((rule & (y == 1)).sum()), int((rule & (y == 0)).sum())
    w, mu, sc = fit_logistic(x, y, l2=l2)
    meta = {"trained_on": "inews dev[:300] spun with corpora/despin/tables/dev.tsv", "candidates": int(len(y)),
            "cv_threshold": round(best[0], 2), "cv_precision": round(best[1], 4), "cv_recall": round(best[2], 4),
            "rule_precision": round(rtp / max(rtp + rfp, 1), 4), "rule_recall": round(rtp / max(gold_total, 1), 4)}
    Decision(w, mu, sc, threshold=round(best[0], 2), meta=meta).save(out)
    return meta
