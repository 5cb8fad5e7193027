"""Remove spam blocks: porn/gambling keyword link lists, spam title headers/footers, link runs.

Seed 004 wraps a news article in a porn-site title line (top and bottom) and a
200-item ``词| 词| 词`` keyword link list. Such lines have two things in common:
spam vocabulary (``nlp/data/spam_words.txt``, weighted) and a *shape*: a title or
list of short items, not sentences. Both are required, so an article about a
crackdown on gambling keeps its paragraphs. Runs of short link-like lines outside
the article (footer link farms, tag clouds) go too.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from ..document import Document, Edit, Reason
from ..errors import ConfigError
from ..stage import Stage
from .base import content_zone, ends_like_prose, first_char_guard, is_prose, line_span, lines_of, norm_line, punct_count, removals
from .title import article_prose, topical_headline_guess

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。]{3,}|\b[a-z0-9-]{2,63}\.(?:com|net|org|cn|xyz|top|cc|vip|me|info)\b",
                     re.I)
# searched on every line holding a "." (decimals in prose): the lookahead skips CJK
# positions at C speed, same matches (base.first_char_guard)
_URL_RE = first_char_guard(_URL_RE)
_LIST_SEP_RE = re.compile(r"[|｜_]")
_HINT_SPLIT_RE = re.compile(r"\s*(?:_|\||｜|-|–|—|·)\s*")


@functools.lru_cache(maxsize=8)
def load_spam_words(path: str = "") -> tuple[re.Pattern, dict[str, float]]:
    """Compile a spam vocabulary file (``term<TAB>weight`` lines) into one regex.

    Latin terms match only as whole words ("av" must not fire inside "Java").
    """
    if path:
        try:
            text = open(path, encoding="utf-8").read()
        except OSError as exc:
            raise ConfigError(f"Cannot read spam word list {path}: {exc}. Fix stages.\"clean.spam\".words.") from None
    else:
        text = resources.files("nlp").joinpath("data/spam_words.txt").read_text(encoding="utf-8")
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _, w = line.partition("\t")
        try:
            weights[term.strip().lower()] = float(w) if w.strip() else 1.0
        except ValueError:
            raise ConfigError(f"Spam word list line needs term<TAB>weight: {line!r}") from None
    alts = []
    for term in sorted(weights, key=len, reverse=True):
        esc = re.escape(term)
        alts.append(rf"(?<![a-z]){esc}(?![a-z])" if term.isascii() else esc)
    # the lookahead on first characters lets the scan skip most positions at C speed
    # (12 us -> 1-3 us per character; a 1 MB line took 12 s, issue 7)
    firsts = re.escape("".join(sorted({t[0] for t in weights})))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(alts)})", re.I), weights


class SpamCleaner(Stage):
    """Remove porn/gambling keyword lists, spam title lines and link runs (seed 004).

    Args:
        min_weight (float): spam-vocabulary weight a title-shaped line needs.
            Defaults to 2.5: seed 004's spam title scores 6, while no sentence-less
            line of the five seed articles reaches 1.
        min_items (int): a link list has at least this many separator-delimited
            items. Defaults to 3 (seed 004's header has 4, its footer list ~200).
        min_item_share (float): share of a list's items containing spam words.
            Defaults to 0.3; an ordinary "首页 | 新闻 | 财经" menu has 0.
        min_run (int): consecutive short link-like lines outside the article that
            form a link farm. Defaults to 6 (longer than any heading/caption run
            in the seeds, which have at most 2 in a row).
        max_run_line (int): longest line allowed in a link run. Defaults to 30.
        words (str): path of an extra vocabulary file; "" uses the bundled list.
    """

    name = "clean.spam"

    def __init__(self, *, min_weight: float = 2.5, min_items: int = 3, min_item_share: float = 0.3,
                 min_run: int = 6, max_run_line: int = 30, words: str = ""):
        self.min_weight = min_weight
        self.min_items = min_items
        self.min_item_share = min_item_share
        self.min_run = min_run
        self.max_run_line = max_run_line
        self.words = words
        load_spam_words(words)  # fail at build time on a bad file
        self._cache: dict[str, bool] = {}  # line -> is_spam_line(line): site chrome repeats across pages

    def weight(self, s: str) -> float:
        """Summed weight of the spam words in ``s``."""
        pattern, weights = load_spam_words(self.words)
        return sum(weights.get(m.group().lower(), 1.0) for m in pattern.finditer(s))

    def is_spam_line(self, s: str) -> bool:
        """A title- or list-shaped line carrying spam vocabulary."""
        if is_prose(s) and not _LIST_SEP_RE.search(s):
            return False
        w = self.weight(s)
        if w < 1.0:
            return False
        items = [x for x in _LIST_SEP_RE.split(s) if x.strip()]
        if len(items) >= self.min_items:
            pattern, _ = load_spam_words(self.words)
            share = sum(1 for x in items if pattern.search(x)) / len(items)
            if share >= self.min_item_share and w >= 2:
                return True
        # a single spam title: heavy vocabulary in a short sentence-less line
        return w >= self.min_weight and punct_count(s) <= 1 and not ends_like_prose(s)

    def _may_mark(self, lines: list) -> bool:
        """False only for a page on which no rule after the vocabulary test can mark a
        line: a link run needs ``min_run`` non-blank lines, a link list a separator in
        a line without sentence marks, a URL line a "." in a line that is not prose.
        Most article pages (a few paragraphs) end here, before the content zone,
        headline guess and run scan that would find nothing."""
        nb = [ln.text for ln in lines if ln.text]
        if len(nb) >= self.min_run:
            return True
        return any((not punct_count(s) and _LIST_SEP_RE.search(s)) or ("." in s and not is_prose(s)) for s in nb)

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        marks: dict[int, tuple[Reason, str]] = {}
        cache = self._cache
        for ln in lines:
            s = ln.text
            if s:
                hit = cache.get(s)
                if hit is None:
                    if len(cache) > 50_000:  # bounded: a batch sees many distinct lines
                        cache.clear()
                    hit = cache[s] = self.is_spam_line(s)
                if hit:
                    marks[ln.index] = (Reason.SPAM, "spam vocabulary")
        if not marks and not self._may_mark(lines):
            return []
        first, last = content_zone([ln for ln in lines if ln.index not in marks])
        # runs of short link-like lines (and URL-only lines) outside the article
        run: list = []

        def flush():
            if len(run) >= self.min_run:
                for r in run:
                    marks.setdefault(r.index, (Reason.LINKS, "link run"))
            run.clear()

        # the markup title (<title>/<h1>/front matter) is a short, punctuation-less
        # line right above the article; it must not join a menu run (dev d008)
        hint = doc.info.get("title_hint") or ""
        hint_keys = {norm_line(p) for p in _HINT_SPLIT_RE.split(hint) if len(p.strip()) >= 4} | {norm_line(hint)}
        # without markup, the headline guessed from the lines above the article (dev2)
        # preferring lines on the article's topic (a "发个友善的弹幕见证当下" prompt of a video
        # page is longer than its headline "盗卖终将解决", which the run then swept: DEV7 d7_008)
        head = None
        if first > 0:
            # the article's prose as clean.title reads it (session 8: every prose line before;
            # seeds and dev..dev8 output identical)
            prose = article_prose([ln.text for ln in lines[first:last + 1] if ln.text and is_prose(ln.text)])
            head = topical_headline_guess([ln for ln in lines[:first] if ln.index not in marks], prose)
        if head is not None:
            hint_keys.add(norm_line(head.text))
        # without a hint the only key is "", which no non-blank line normalises to
        check_hint = hint_keys != {""}
        for ln in lines:
            s = ln.text
            if not s:
                continue
            if check_hint and norm_line(s) in hint_keys:
                flush()
                continue
            outside = first < 0 or ln.index < first or ln.index > last
            if ln.index in marks:
                run.append(ln)
                continue
            if outside and punct_count(s) == 0 and len([x for x in _LIST_SEP_RE.split(s) if x.strip()]) >= 4:
                # "a | b | c | d" link list outside the article (seed 004 footer shape)
                marks[ln.index] = (Reason.LINKS, "link list")
                run.append(ln)
                continue
            # is_prose (cached) before the URL scan: a sentence with a decimal point is common
            if "." in s and not is_prose(s) and _URL_RE.search(s) and len(_URL_RE.sub("", s).strip()) <= 10:
                marks[ln.index] = (Reason.LINKS, "url line")
                run.append(ln)
                continue
            if outside and len(s) <= self.max_run_line and punct_count(s) == 0 and not ends_like_prose(s):
                run.append(ln)
            else:
                flush()
        flush()
        spans = []
        for idx, (reason, note) in marks.items():
            s, e = line_span(text, lines[idx])
            spans.append((s, e, reason, note))
        return removals(self, spans)

