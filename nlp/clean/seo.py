"""Remove SEO keywords injected inside sentences and keyword lines (seed 000: 抖音客服电话).

Seed 000 inserts "抖音客服电话" into sentences ("12月23日抖音客服电话抖音电商发布",
"有质量抖音客服电话的GMV") and states it twice in standalone keyword lines
("抖音客服电话95152怎么转人工,抖音客服电话"), which SEO templates repeat down the page.
The keyword line is the evidence: a phrase of 4+ word characters said twice in a
short non-sentence line. Frequency alone is not: a real topic term (知识产权 in
seeds 001/003, 信息安全 in seed 002) repeats as often and fills headings too; an
earlier version that also trusted "maximal repeats" removed those.

A phrase that mostly opens clauses (right after punctuation) is a topic term even
when a keyword line states it, and is left alone. Otherwise every in-sentence
occurrence is removed (the sentence stays) and every keyword line goes whole, all
with ``Reason.SEO``.
"""
from __future__ import annotations

import re
from collections import Counter

from ..document import Document, Edit, Reason
from ..stage import Stage
from .base import Line, is_prose, keyword_phrase, line_cache, line_span, lines_of, norm_line, removals

#: characters after which a phrase starts a clause (sentence/clause punctuation,
#: opening brackets, closing quotes and brackets of a previous clause).
_CLAUSE_START = set("，。！？；：、,.;:!?（(“‘「『【[《\"'”’」』】])）》 \t\u3000")


_CJK1 = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
#: a sentence end inside a line (a headline-shaped line has none before its last character)
_HEADLINE_INNER_END = re.compile(r"[。！？!?；;]")
#: what precedes the value of a short line: an enumerator ("一、", "2. ", "（3）") and/or a
#: label ending in a colon ("大家都在搜：")
_VALUE_RE = re.compile(r"^\s*(?:[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．)）]\s*)?(?:[^：:\s]{1,8}[：:]\s*)?"
                       # a year before the keyword ("2023<kw>图文详解", DEV7 d7_005/d7_029)
                       r"(?:(?:19|20)\d\d年?\s*)?")


#: the stages whose removed lines clean.seo reads as evidence
_LINE_STAGES = ("clean.chrome", "clean.spam")


@line_cache  # template lines and the removed chrome lines repeat across pages
def _value_run(t: str) -> str | None:
    """The whole Chinese run opening the value of a short line (greedy), or None: never
    a prefix of it, as a prefix of a term ("抢占市场制高" of 制高点, "菜篮子工" of 工程)
    sits mid-word too."""
    m = _CJK_RUN_RE.match(_VALUE_RE.sub("", t))
    return m.group() if m else None


def _find_all(text: str, sub: str) -> list[int]:
    out, pos = [], 0
    while True:
        i = text.find(sub, pos)
        if i < 0:
            return out
        out.append(i)
        pos = i + len(sub)


class SeoKeywordCleaner(Stage):
    """Remove SEO keywords injected inside sentences and keyword-stuffed lines (seed 000: 抖音客服电话).

    A keyword is a phrase a *keyword line* states twice: a short non-sentence line
    (seed 000's title "抖音客服电话95152怎么转人工,抖音客服电话"). It must not be a
    topic term: the share of its in-sentence
    occurrences that follow punctuation stays below ``max_clause_start_share``.
    In-sentence occurrences are removed (the sentence is kept); keyword lines go
    whole. All with ``Reason.SEO``.

    Args:
        min_len (int): shortest keyword in characters. Defaults to 4 (shorter
            repeats are ordinary words).
        max_len (int): longest keyword. Defaults to 24.
        min_line_share (float): share of a short line a keyword must fill for the
            line to go whole. Defaults to 0.4 (seed 000's title: 12 of 22 characters).
        max_keyword_line (int): longest line treated as a keyword line. Defaults
            to 50.
        max_clause_start_share (float): maximal share of in-sentence occurrences
            right after punctuation. Defaults to 0.5 (seed 000: the keyword 1/4, the
            topic term 抖音电商 6/8).
    """

    name = "clean.seo"
    requires = ("text", "info.title")
    emits = ("edits", "info.seo_keywords")

    def __init__(self, *, min_len: int = 4, max_len: int = 24, min_line_share: float = 0.4,
                 max_keyword_line: int = 50, max_clause_start_share: float = 0.5):
        self.min_len = min_len
        self.max_len = max_len
        self.min_line_share = min_line_share
        self.max_keyword_line = max_keyword_line
        self.max_clause_start = max_clause_start_share

    # --- evidence -------------------------------------------------------------
    def _short(self, s: str) -> bool:
        return len(s) <= self.max_keyword_line and not is_prose(s)

    def _headline(self, s: str) -> bool:
        """A short line shaped as a headline: no full stop, a question or exclamation
        mark only at its end ("<label>：<kw>到底要准备哪些材料？", "<kw>新变化来了，附办理
        步骤图解"). is_prose reads such a line as a sentence, but it is no paragraph, so
        it can state a keyword as a keyword line does (session 16, held-out v12)."""
        if len(s) > self.max_keyword_line or "。" in s or not _CJK1.search(s):
            return False
        return _HEADLINE_INNER_END.search(s, 0, len(s) - 1) is None and not s.endswith(("…", "”", "」"))

    def _states(self, s: str, phrase: str) -> bool:
        """A headline-shaped line (:meth:`_headline`) whose value opens with the phrase: it
        states the keyword (a keyword line), it does not carry it inside a sentence."""
        return phrase in s and (_value_run(s) or "").startswith(phrase) and self._headline(s)

    def _in_sentence(self, phrase: str, lines: list[Line]) -> list[tuple[Line, int]]:
        out = []
        for ln in lines:
            s = ln.text
            if phrase not in s or self._short(s) or self._states(s, phrase):
                continue
            for i in _find_all(s, phrase):
                out.append((ln, i))
        return out

    def _clause_starts(self, inside: list[tuple[Line, int]]) -> int:
        return sum(1 for ln, i in inside if i == 0 or ln.text[i - 1] in _CLAUSE_START)

    def keywords(self, text: str, lines: list[Line], title: str | None, removed: list[str] = ()) -> list[str]:
        """The injected keywords of a page, longest first."""
        cands: Counter[str] = Counter()
        for ln in lines:
            if ln.text and self._short(ln.text):
                p = keyword_phrase(ln.text, min_len=self.min_len)
                if p and len(p) <= self.max_len:
                    cands[p] += 1
        for phrase in self._foreign_phrases(lines, removed, title):
            cands[phrase] += 1
        found: list[str] = []
        for phrase in sorted(cands, key=len, reverse=True):
            inside = self._in_sentence(phrase, lines)
            if inside and self._clause_starts(inside) / len(inside) >= self.max_clause_start:
                continue
            if self._part_of_term(phrase, inside):
                continue
            found.append(phrase)
        return found

    def _foreign_phrases(self, lines: list[Line], removed: list[str] = (), title: str | None = None) -> list[str]:
        """Keywords shown as the value of a short line ("大家都在搜：<kw>", "一、<kw>", a
        line opening with it) and injected mid-word into 2+ sentences, whose words the
        article never uses otherwise (DEV4: "…需要各<kw>方继续…" + "大家都在搜：<kw>").

        Repetition and grammar, no word list: the phrase is the whole Chinese run (4+
        characters) of a short line's value, it occurs inside 2+ prose lines between two
        Chinese characters, followed by different characters (a random insertion point,
        not a longer term); and once all its occurrences are cut, at most
        one of its character bigrams is left anywhere on the page. A topic term of the
        article (seed 002 信息安全, People's Daily 菜篮子工程) fails the last test: the
        article uses its words elsewhere.

        The page's title (``title``, clean.title's choice) is never such a short line: its
        head is the article's topic ("全国速滑锦标赛落幕破全国纪录如探囊取物" over two
        paragraphs saying 全国速滑锦标赛, People's Daily in the prose audit: the head
        passed every test and was cut from the title and both paragraphs). Nor is a line
        that opens with the title, the window title "<title>_<site>" an earlier stage
        removed: its head is the article's subject (a company named in the headline and
        four sentences was cut from all of them, held-out v14 h14_003, after scoring)."""
        maxk = self.max_keyword_line
        title = (title or "").strip()
        texts = [ln.text for ln in lines]
        # self._short inlined (a call per line, three passes): a line is short when
        # len(s) <= maxk and not is_prose(s)
        prose = [t for t in texts if t and (len(t) > maxk or is_prose(t))]
        if not prose:
            return []
        # a phrase (a Chinese run: never spans a newline) found fewer than twice in the
        # joined prose lines has fewer than two occurrences to compare: one C count
        # instead of a scan of every prose line per candidate (same candidates left)
        prose_text = "\n".join(prose)
        # prose lines shaped as headlines may state a keyword (a keyword line, not its use)
        stating = [(t, _value_run(t) or "") for t in prose if self._headline(t)]   # (line, its value run)
        out = []
        seen: set[str] = set()
        page = None  # the page's lines joined, built once a candidate gets that far
        for t in texts + list(removed):
            # the title, or the title again with a site name ("<title>_<site>" tab title)
            if not t or len(t) > maxk or (is_prose(t) and not self._headline(t)) or (title and t.startswith(title)):
                continue
            run = _value_run(t)
            if run is None or len(run) < self.min_len or len(run) > self.max_len or run in seen:
                continue
            seen.add(run)
            ph = self._injected_head(run, prose_text, stating)
            if ph is None:
                continue
            n = len(ph)
            nexts = {s[i + n] for s in prose for i in _find_all(s, ph)
                     if 0 < i and i + n < len(s) and _CJK1.match(s[i - 1]) and _CJK1.match(s[i + n])}
            if len(nexts) < 2:  # 2+ occurrences followed by different characters
                continue
            if page is None:
                page = "\n".join(x.text for x in lines if x.text)
            rest = page.replace(ph, "\n")
            if sum(1 for j in range(n - 1) if ph[j:j + 2] in rest) <= 1:
                out.append(ph)
        return out

    #: shortest head of a keyword line's run tried as the injected phrase (below)
    MIN_HEAD = 6

    def _injected_head(self, run: str, prose_text: str, stating: list[tuple[str, str]] = ()) -> str | None:
        """The phrase of a short line's Chinese ``run`` that the prose repeats: the whole
        run, else its longest head of :attr:`MIN_HEAD`+ characters with 2+ characters
        after it ("<kw>热线号码查询" over "…新中国成<kw>立…", DEV5 d5_020; "<kw>保姆级教程",
        DEV6 d6_011: the keyword line adds a query tail the injected phrase lacks). The
        caller's tests (different following characters, the article not using its words
        otherwise, clause starts, term heads) apply to a head as to a whole run. ``stating``:
        (line, value run) of the prose lines shaped as headlines, whose statement of a phrase
        is not its use."""
        def count(ph: str) -> int:  # not counting the headline-shaped lines that state it
            return prose_text.count(ph) - sum(t.count(ph) for t, value in stating if value.startswith(ph))

        if count(run) >= 2:
            return run
        if len(run) < self.MIN_HEAD + 2 or count(run[:self.MIN_HEAD]) < 2:
            return None  # a longer head occurs at most as often as the shortest one
        for n in range(len(run) - 2, self.MIN_HEAD - 1, -1):
            if count(run[:n]) >= 2:
                return run[:n]
        return None

    @staticmethod
    def _part_of_term(phrase: str, inside: list[tuple[Line, int]]) -> bool:
        """The phrase is the head of a longer term the page repeats: most in-sentence
        occurrences continue with the same character ("宁远县人民" + 医院 in an inews
        complaint whose headline says 宁远县人民 twice). An injected keyword lands at
        random spots, so what follows it varies (seed 000: 抖音/的/，...)."""
        if len(inside) < 3:
            return False
        nxt = Counter(ln.text[i + len(phrase):i + len(phrase) + 1] for ln, i in inside)
        return nxt.most_common(1)[0][1] / len(inside) >= 0.6

    @staticmethod
    def _injected_once(s: str, kws: list[str]) -> bool:
        """A short line (a heading) with the keyword injected once between two Chinese
        characters and a heading of 4+ Chinese characters left around it: cut the
        keyword, keep the heading (dev2 "（一）加<kw>强组织领导", "具体措<kw>施如下：").
        Keyword lines state it twice or open with it."""
        for k in kws:
            if s.count(k) != 1:
                continue
            i = s.find(k)
            rest = s[:i] + s[i + len(k):]
            if i > 0 and i + len(k) < len(s) and _CJK1.match(s[i - 1]) and _CJK1.match(s[i + len(k)]) \
                    and len(_CJK1.findall(rest)) >= 4:
                return True
        return False

    # --- stage ------------------------------------------------------------------
    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        # whole short lines an earlier stage removed still show what the page advertises
        # ("大家都在搜：<kw>" goes in clean.chrome before this stage runs, DEV4 d4_002)
        removed = []
        for e in doc.edits:  # one strip per removal (a noisy page has dozens)
            if not e.replacement and e.stage in _LINE_STAGES:
                t = e.text.strip()
                if 0 < len(t) <= 50:
                    removed.append(t)
        kws = self.keywords(text, lines, doc.info.get("title"), removed)
        if not kws:
            return []
        doc.info["seo_keywords"] = kws
        spans = []
        for ln in lines:
            s = ln.text
            if not s or not any(k in s for k in kws):
                continue
            if (self._short(s) and any(
                    s.count(k) >= 2 or len(k) * s.count(k) >= self.min_line_share * len(norm_line(s)) for k in kws)
                    and not self._injected_once(s, kws)) or any(self._states(s, k) for k in kws):
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.SEO, "keyword line"))
                continue
            for k in kws:
                for i in _find_all(s, k):
                    spans.append((ln.lstrip + i, ln.lstrip + i + len(k), Reason.SEO, f"injected keyword {k}"))
        return removals(self, spans)
