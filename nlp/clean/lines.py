"""A trained line classifier for the page-edge zones (issue 8): ``clean.lines``.

The rule stages are string lists fitted to the dev pools' wording; on dev3 (written
after tuning on dev2) they lost no prose but let ~11 % of boilerplate lines survive,
mostly page-end closers, follow prompts, disclaimers and chrome in new wording. This
stage looks at what the rules KEPT and scores each line of the page-edge zones
(above the first / below the last line that is clearly article prose) with a
logistic regression over structural features only: length, CJK share, sentence
punctuation, digits, a ``label:`` opening, bracket/symbol share, position from the
zone edge, distance to the prose, the neighbours' features and repetition on the
page. No word lists: nothing here knows any site's wording.

Never removed: lines inside the article (between the first and last clearly-prose
line) and the headline (:func:`nlp.clean.title.headline_guess` of the top zone).

The model is trained by :func:`train_lines` on dev + dev2 (a line the gold has =
keep, a line the gold lacks = boilerplate; the text AFTER the rule stages, so the
positives are what the rules missed). The weights ship as ``models/clean/lines.json``.
The logistic regression itself is :func:`nlp.logistic.fit_logistic`.
"""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import numpy as np

from ..document import Document, Edit, Reason
from ..logistic import LogisticModel, fit_logistic
from ..stage import Stage
from .base import (SEPARATORS, Line, cjk_count, digit_ratio, ends_like_prose, is_heading, is_prose, latin_count,
                   lines_of, norm_line, punct_count, removals, line_span)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "models" / "clean" / "lines.json"

FEATURES = (
    "bias", "log_len", "cjk_share", "punct_per_char", "punct_n", "ends_prose", "is_prose", "is_heading",
    "digit_share", "latin_share", "label_colon", "symbol_share", "sep_n", "bracket_open", "exclaim",
    "bottom", "rank_from_edge", "rank_share", "dist_to_prose", "zone_size", "log_page_lines",
    "prev_prose", "next_prose", "prev_len", "next_len", "nb_short_share", "repeat_page", "shares_8gram",
    "url_like", "ends_colon", "quoted", "sentence_beyond", "log_beyond",
)

#: a label opening a line ("来源：", "Tel:", "责任编辑: ") — a structural pattern, not a word list.
_LABEL_RE = re.compile(r"^[^，。,.!?！？：:\s]{1,8}\s*[：:]")
_SYMBOL_RE = re.compile(r"[^\w\s，。！？；、,;!?：:“”\"'（）()《》]")
_BRACKET_OPEN_RE = re.compile(r"^[【\[（(《<「『▍■●◆▶►→>※#*]")
_URL_RE = re.compile(r"(?:https?://|www\.|\.(?:com|cn|net|org)\b|@)", re.I)
_SEP_RE = re.compile(f"[{re.escape(SEPARATORS)}]")


def _clear_prose(s: str, min_chars: int) -> bool:
    """A line that is clearly a paragraph of the article: prose and long enough."""
    return len(s) >= min_chars and is_prose(s) and not _LABEL_RE.match(s)


def edge_zones(lines: list[Line], min_prose_chars: int) -> tuple[list[Line], list[Line], int, int]:
    """The non-blank lines above the first and below the last clearly-prose line.

    Returns:
        (top, bottom, first, last): the zones (in page order) and the line indices
        of the anchors; a page without a clearly-prose line has no zones.
    """
    nb = [ln for ln in lines if ln.text]
    anchors = [k for k, ln in enumerate(nb) if _clear_prose(ln.text, min_prose_chars)]
    if not anchors:
        return [], [], -1, -1
    first, last = anchors[0], anchors[-1]
    return nb[:first], nb[last + 1:], nb[first].index, nb[last].index


def _sentence_span(nb: list[Line]) -> tuple[int, int]:
    """Positions in ``nb`` of the first and last finished sentence ((len, -1) if none)."""
    first = next((k for k, ln in enumerate(nb) if ends_like_prose(ln.text)), len(nb))
    last = next((k for k in range(len(nb) - 1, -1, -1) if ends_like_prose(nb[k].text)), -1)
    return first, last


def _sentence_beyond(span: tuple[int, int], k: int, is_bottom: bool) -> bool:
    """A finished sentence between position ``k`` and the page edge it faces."""
    return span[1] > k if is_bottom else span[0] < k


def _gram_test(page: str, norms: list[str], cand_norms: list[str]):
    """``shared(t, grams)``: does another line of the page contain one of ``grams``?

    ``str.count`` over the page per gram of the candidates when that is cheap (the usual
    page: a few short edge lines); else a table of the lines containing each 8-gram,
    linear in the page, so a page of thousands of long edge lines stays linear (issue 7).
    """
    work = sum(max(len(t) - 7, 0) for t in cand_norms) * len(page)
    if work <= 20_000_000:
        return lambda t, own: any(page.count(g) > t.count(g) for g in own)
    grams: dict[str, int] = {}
    for t in norms:
        for g in {t[i:i + 8] for i in range(0, max(len(t) - 7, 0))}:
            grams[g] = grams.get(g, 0) + 1
    return lambda t, own: any(grams[g] > 1 for g in own)


def _basic(s: str) -> tuple:
    n = max(len(s), 1)
    return (len(s), cjk_count(s) / n, punct_count(s) / n, punct_count(s), ends_like_prose(s), is_prose(s),
            is_heading(s))


def features(lines: list[Line], min_prose_chars: int = 40) -> tuple[np.ndarray, list[Line]]:
    """Feature rows (:data:`FEATURES`) of the edge-zone lines of a page, and those lines."""
    top, bottom, first, last = edge_zones(lines, min_prose_chars)
    cands = [(ln, False, k, len(top)) for k, ln in enumerate(reversed(top))]
    cands += [(ln, True, k, len(bottom)) for k, ln in enumerate(bottom)]
    if not cands:
        return np.zeros((0, len(FEATURES))), []
    nb = [ln for ln in lines if ln.text]
    pos = {ln.index: k for k, ln in enumerate(nb)}
    span = _sentence_span(nb)
    counts: dict[str, int] = {}
    norms = [norm_line(ln.text) for ln in nb]
    for t in norms:
        counts[t] = counts.get(t, 0) + 1
    # one string of the page for the "shares an 8-gram with another line" test: a C
    # str.count per gram of the few candidates instead of a gram table of every line
    # (the table was 80 % of the stage's time)
    page = "\n".join(norms)
    shared = _gram_test(page, norms, [norm_line(c[0].text) for c in cands])
    rows = []
    out = []
    for ln, is_bottom, rank, zsize in cands:
        s = ln.text
        n = max(len(s), 1)
        length, cjk, ppc, pn, ends, prose, head = _basic(s)
        k = pos[ln.index]
        prev = nb[k - 1].text if k > 0 else ""
        nxt = nb[k + 1].text if k + 1 < len(nb) else ""
        near = [x.text for x in nb[max(k - 2, 0):k + 3] if x is not ln]
        t = norm_line(s)
        own = {t[i:i + 8] for i in range(0, max(len(t) - 7, 0))}
        dist = (k - pos[last]) if is_bottom else (pos[first] - k)
        rows.append((
            1.0, math.log1p(length), cjk, ppc, min(pn, 6), ends, prose, head,
            digit_ratio(s), latin_count(s) / n, bool(_LABEL_RE.match(s)), len(_SYMBOL_RE.findall(s)) / n,
            min(len(_SEP_RE.findall(s)), 6), bool(_BRACKET_OPEN_RE.match(s)), s.rstrip("”’」』）)\"'")[-1:] in "！!",
            is_bottom, math.log1p(rank), rank / max(zsize, 1), math.log1p(dist), math.log1p(zsize),
            math.log1p(len(nb)),
            bool(prev) and is_prose(prev), bool(nxt) and is_prose(nxt), math.log1p(len(prev)), math.log1p(len(nxt)),
            sum(len(x) < 20 for x in near) / max(len(near), 1), min(counts[t] - 1, 3),
            bool(own) and (counts[t] > 1 or shared(t, own)),
            bool(_URL_RE.search(s)),
            # a paragraph introducing what follows ("数据显示：") and quoted speech
            # ("“没问题！”") are short article lines at the zone edge, not chrome (dev/dev3)
            s[-1] in "：:", s[0] in "“「\"" and s[-1] in "”」\"",
            # a section heading is followed by its paragraph; a short line with no
            # sentence between it and the page edge introduces nothing (closers,
            # prompts). Mirrored for the top zone.
            _sentence_beyond(span, k, is_bottom), math.log1p(len(nb) - 1 - k if is_bottom else k),
        ))
        out.append(ln)
    return np.array(rows, dtype=float), out


class LineModel(LogisticModel):
    """Logistic-regression weights over :data:`FEATURES` (models/clean/lines.json)."""

    FEATURES = FEATURES
    DEFAULT_PATH = DEFAULT_PATH
    RETRAIN = ("Train it with `zhie train clean-lines` (nlp.clean.lines.train_lines()) "
               "or remove clean.lines from [pipeline] stages.")


_MODELS: dict[str, LineModel] = {}


class LineClassifier(Stage):
    """Remove edge-zone lines the rules kept that the line model scores as boilerplate.

    Args:
        model (str): weights JSON; "" = models/clean/lines.json.
        threshold (float): probability above which a line is removed; 0 = the model's
            own threshold (chosen on dev3 for zero prose lines lost).
        min_prose_chars (int): a prose line this long anchors the article; only lines
            outside the first..last anchor are scored. Defaults to 40 (dev/dev2 article
            paragraphs; page-end closers and follow prompts are mostly shorter).
    """

    name = "clean.lines"

    def __init__(self, *, model: str = "", threshold: float = 0.0, min_prose_chars: int = 40):
        self.model_path = str(model or DEFAULT_PATH)
        self.threshold = threshold
        self.min_prose_chars = min_prose_chars

    def _model(self) -> LineModel:
        m = _MODELS.get(self.model_path)
        if m is None:
            m = _MODELS[self.model_path] = LineModel.load(self.model_path)
        return m

    def scores(self, lines: list[Line]) -> tuple[list[Line], np.ndarray, Line | None]:
        """Edge-zone lines of a page, their boilerplate probabilities, and the protected headline."""
        from .title import headline_guess

        x, cands = features(lines, self.min_prose_chars)
        if not cands:
            return [], np.zeros(0), None
        top, _, _, _ = edge_zones(lines, self.min_prose_chars)
        head = headline_guess(top) if top else None
        return cands, self._model().proba(x), head

    @staticmethod
    def _sentence(s: str) -> bool:
        """A finished sentence ("“没问题！”", dev3 f0xx quoted speech at the page end)
        is article text the model must not touch: chrome in new wording is a label,
        a prompt or a headline, and the rules already take sentence-shaped closers."""
        return ends_like_prose(s)

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        cands, p, head = self.scores(lines)
        if not cands:
            return []
        thr = self.threshold or self._model().threshold
        spans = []
        nb = [ln for ln in lines if ln.text]
        pos = {ln.index: k for k, ln in enumerate(nb)}
        span = _sentence_span(nb)
        for ln, pr in zip(cands, p):
            if pr < thr or (head is not None and ln.index == head.index) or self._sentence(ln.text):
                continue
            # a line ending with a colon that a sentence follows introduces it ("具体来看：",
            # dev3); "相关阅读：" over a list of headlines has no sentence after it
            if ln.text[-1] in "：:" and _sentence_beyond(span, pos[ln.index], True):
                continue
            s, e = line_span(text, ln)
            spans.append((s, e, Reason.BOILERPLATE, f"line model p={pr:.2f}"))
        return removals(self, spans)


# --- training ----------------------------------------------------------------
def _rule_stages() -> list[str]:
    from ..config import Config

    stages = Config.load().stages
    cut = stages.index("clean.layout") if "clean.layout" in stages else len(stages)
    return [s for s in stages[:cut] if s != LineClassifier.name]


def _pages(split: str) -> list[tuple[bytes, list[str]]]:
    d = ROOT / "corpora" / "clean" / split
    if split.startswith("heldout"):
        raise ValueError("E-CLEAN-LINES: held-out pages are never used for training; use dev, dev2 or dev3.")
    if split == "seeds":  # raw pages in seeds/, gold in corpora/clean/seeds (eval/clean_score.py)
        pairs = [(f, d / f.name) for f in sorted((ROOT / "seeds").glob("*.txt"))]
    else:
        pairs = [(f, d / f.name.replace(".raw.txt", ".gold.txt")) for f in sorted(d.glob("*.raw.txt"))]
    out = []
    for f, g in pairs:
        gold = g.read_text(encoding="utf-8").splitlines()
        out.append((f.read_bytes(), [x.strip() for x in gold if x.strip()]))
    return out


def _is_kept(line: str, gold: list[str], joined: str) -> bool:
    """The gold has this line: verbatim, as part of a (re-joined) paragraph, or nearly
    (despin rewrites a few words after clean)."""
    if line in joined:
        return True
    a = {line[i:i + 2] for i in range(len(line) - 1)}
    if not a:
        return False
    for g in gold:
        b = {g[i:i + 2] for i in range(len(g) - 1)}
        if len(a & b) >= 0.7 * len(a):
            return True
    return False


def collect(splits: list[str], min_prose_chars: int = 40, stages: list[str] | None = None):
    """Features and labels (1 = boilerplate) of the edge-zone lines after ``stages``
    (default: the rule stages, so the positives are the lines the rules missed)."""
    from ..config import Config
    from ..pipeline import Pipeline

    pipe = Pipeline(Config.load().with_stages(stages or _rule_stages()))
    xs, ys, info = [], [], []
    for split in splits:
        for raw, gold in _pages(split):
            text = pipe.run(raw).text
            x, cands = features(lines_of(text), min_prose_chars)
            joined = "\n".join(gold)
            for row, ln in zip(x, cands):
                xs.append(row)
                ys.append(0.0 if _is_kept(ln.text, gold, joined) else 1.0)
                info.append((split, ln.text))
    return np.array(xs).reshape(-1, len(FEATURES)), np.array(ys), info


def train_lines(out: str | os.PathLike = DEFAULT_PATH, *, train: tuple[str, ...] = ("dev", "dev2"),
                check: tuple[str, ...] = ("dev3", "seeds"), l2: float = 1.0, margin: float = 0.02) -> dict:
    """Train the clean.lines model on ``train`` splits and pick the threshold on ``check``.

    The threshold is the lowest that loses no kept line of any ``train``/``check`` split
    (max keep score + ``margin``), so the shipped model loses no prose on them.

    Returns:
        dict: counts and the per-split boilerplate lines removed / keep lines lost.
    """

    # After the rules, dev/dev2 have almost no boilerplate left at the page edges (the
    # rules were fitted there: 3 positives in 92 edge lines), far too few to learn from.
    # So the model also learns from the pages after markup removal only, where every
    # chrome line of the edges is still there; the after-rules lines (what the stage
    # really sees) weigh double.
    x1, y1, _ = collect(list(train), stages=["convert", "clean.markup"])
    x2, y2, i2 = collect(list(train))
    x, y = np.vstack([x1, x2]), np.concatenate([y1, y2])
    sw = np.concatenate([np.ones(len(y1)), np.full(len(y2), 2.0)]) * np.where(y == 0, 3.0, 1.0)
    w, mean, scale = fit_logistic(x, y, l2=l2, sample_weight=sw)
    model = LineModel(w, mean, scale, 0.5)
    xc, yc, ic = collect(list(check)) if check else (np.zeros((0, len(FEATURES))), np.zeros(0), [])
    # the threshold sees what the stage sees: after-rules lines that are not sentences
    # (the stage never removes those), of the training and the check splits
    ok2 = np.array([not LineClassifier._sentence(t) for _, t in i2], dtype=bool)
    okc = np.array([not LineClassifier._sentence(t) for _, t in ic], dtype=bool)
    keep_scores = np.concatenate([model.proba(x2)[(y2 == 0) & ok2], model.proba(xc)[(yc == 0) & okc]])
    thr = min(float(keep_scores.max()) + margin, 0.99) if len(keep_scores) else 0.5
    model.threshold = max(thr, 0.5)
    report = {"train": list(train), "check": list(check), "lines": int(len(y)), "boiler": int(y.sum()),
              "threshold": model.threshold,
              "train_caught": int((model.proba(x)[y == 1] >= model.threshold).sum()),
              "check_lines": int(len(yc)), "check_boiler": int(yc.sum()),
              "check_caught": int((model.proba(xc)[(yc == 1) & okc] >= model.threshold).sum()) if len(yc) else 0}
    model.meta = report
    model.save(out)
    _MODELS.pop(str(out), None)
    return report
