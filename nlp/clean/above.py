"""What stands above the article's headline (issue 8, session 14): block structure + topic.

By the gold rules the headline is line 1: nothing of a page stands above it in the
clean text. What the earlier stages leave above it is page furniture written as
sentences or short lines, which the line classifier (:mod:`nlp.clean.lines`) keeps
because each line alone reads like prose or a heading: an overlay's cookie notice and
its menu of more than :attr:`~nlp.clean.title.TitleCleaner.max_header` lines, an event
page's registration notes, a rumour-check page's claim ("…，情况属实吗？"), the
instructions of an exam paper and the other story printed as its first material, a
chat's messages above the forwarded report ("转一篇今天看到的报道，大家有空可以看看。"),
a prompt to an assistant ("下面这篇报道帮我提炼一下重点"), a web-cache notice. clean.title
keeps prose above the title it finds (its choice may be wrong: the exam paper's own
title, an event name), and it only drops a short header.

What gives the furniture away is not its wording but the block structure: the article
is a headline over a run of paragraphs on one topic, and every line above that headline
shares (almost) none of the topic. So a cut needs all of these, on the page's kept lines:

* shape: a headline-shaped line (:func:`nlp.clean.stories._headline_shaped`) with no
  "。"/"；" inside it ("那么今天小编就来说一说…。●错开视线，看得更清楚" is a paragraph), not
  the page's first line, and a lead (a prose line of :data:`MIN_LEAD_CHARS`+) within
  :data:`LEAD_GAP` non-prose lines below it (meta lines between);
* not inside running text (:func:`_under_paragraph`): the line right above it is no
  paragraph, and one ending in "？"/"！" has no lead anywhere above it (a section heading
  or an interview's question under the article's opening is not its headline);
* one story: the headline shares at least :data:`MIN_TITLE_OVERLAP` of its content
  bigrams with its first :data:`N_LEADS` leads, which cohere (:func:`_coherent`: a digest's
  items do not);
* topic: EVERY line above it is off the topic of those leads and the headline
  (:func:`off_topic`);
* position: the prose above it is at most :data:`MAX_ABOVE_SHARE` of the prose from it
  to the page end (a page of two stories of one size is a digest, not furniture over an
  article).

Of the headlines passing, the lowest is taken (an exam paper prints another story with
its headline above the article's: both pass, the article's is the lower) and every kept
line above it goes. A People's Daily opening of one sentence per line stands BELOW its
headline and is never judged.

Measured (session 14) on the gold pages of seeds, dev..dev9 and heldout..heldout10, every
line kept: no cut; on the stress audit's clean articles reshaped (eval/clean_prose_stress.py
variants, inews test + People's Daily 0-200, 966 pages): no article line cut (the first
version, without :func:`_under_paragraph`, cut 11 under section headings and a question).
On the cleaned pages of the same sets it takes 114 lines, all boilerplate (held-out v10 72,
v9 15, v5 13, dev8 8, v3 3, v4 1, v6 1, dev9 1), none the gold has.

With :mod:`nlp.clean.below` in the pipeline (``python eval/clean_score.py SPLIT``, boilerplate
lines surviving before -> after): held-out v10 152 -> 37 of 881 (char F1 0.9280 -> 0.9722),
v9 94 -> 69, v5 41 -> 28, dev8 50 -> 42, v3 16 -> 13, v7 22 -> 19, v4, v6, dev9 one fewer;
prose lines lost and exact-paragraph rates unchanged on every split (seeds, dev..dev9,
heldout..heldout10). Cost: 1.8-3.7 % of the clean stages' process time on the bench pages
(eval/bench/clean.py corpus, 1 MB, articles / noisy).
"""
from __future__ import annotations

import re

from .base import is_prose
from .stories import _headline_shaped, _share, content_bigrams
#: a prose line this long is a paragraph (clean.lines' anchors)
from .title import ANCHOR_CHARS

MIN_LEAD_CHARS = 30
LEAD_GAP = 3
N_LEADS = 3
MIN_TITLE_OVERLAP = 0.15
MAX_ABOVE_OVERLAP = 0.2
#: a line above vetoes with at least this many shared bigrams ("资料2" shares its one
#: bigram "资料" with an article naming "宣传资料": a label, not the article's text)
MIN_ABOVE_SHARED = 2
MAX_ABOVE_SHARE = 0.5
MIN_COHERENCE = 0.05

#: a sentence end inside a would-be headline ("！"/"？" may stand inside one: "点赞！…")
_INNER_END_RE = re.compile("[。；;]")


def _headline(s: str) -> bool:
    return _headline_shaped(s) and not _INNER_END_RE.search(s.rstrip().rstrip("！？!?"))


def _coherent(grams: list[set[str]]) -> bool:
    """A headline over leads of ONE story: one of the leads after the first shares
    :data:`MIN_COHERENCE` of its bigrams with the headline and the leads before it
    (held-out v1 h005, a news digest: its items' first paragraphs share 0.01-0.02 with
    what came before; the articles with furniture above, 0.09 and more)."""
    seen = set(grams[0])
    best = None
    for k, gr in enumerate(grams[1:], 1):
        if k >= 2 and gr:
            best = max(best or 0.0, _share(gr, seen))
        seen |= gr
    return best is None or best >= MIN_COHERENCE


def _under_paragraph(texts: list[str], prose: list[bool], s: int) -> bool:
    """The line right above ``s`` is a paragraph (prose of :data:`ANCHOR_CHARS`+), or ``s``
    ends in "？"/"！" under any lead: ``s`` is a heading or a question INSIDE running text
    (an article's section heading, "铁路如何迎接更激烈的市场竞争？" in a People's Daily
    interview), not the headline that opens it. Furniture above a headline is short (a
    notice, a prompt, a label); the stress audit's section headings and questions sit
    under 47-229-character paragraphs."""
    if prose[s - 1] and len(texts[s - 1]) >= ANCHOR_CHARS:
        return True
    return texts[s].rstrip().endswith(("？", "！", "?", "!")) and any(
        p and len(t) >= MIN_LEAD_CHARS for t, p in zip(texts[:s], prose))


def off_topic(grams: set[str], body: set[str]) -> bool:
    """A line (its content bigrams) off the topic of ``body``: fewer than
    :data:`MIN_ABOVE_SHARED` shared bigrams, or at most :data:`MAX_ABOVE_OVERLAP` of its own."""
    shared = len(grams & body)
    return shared < MIN_ABOVE_SHARED or shared <= MAX_ABOVE_OVERLAP * len(grams)


def above_headline(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines, in order) of the lines
    above the article's headline; [] when no headline passes (see the module doc)."""
    n = len(texts)
    if n < 3:   # a headline needs a line above it and a lead below it (and earlier stages may keep no line)
        return []
    prose = [is_prose(s) for s in texts]
    total = sum(len(s) for s, p in zip(texts, prose) if p)
    grams: dict[int, set[str]] = {}

    def g(k: int) -> set[str]:
        if k not in grams:
            grams[k] = content_bigrams(texts[k])
        return grams[k]

    best = 0
    above_chars = len(texts[0]) if prose[0] else 0
    for s in range(1, n - 1):
        if above_chars > MAX_ABOVE_SHARE * (total - above_chars):
            break  # only grows from here
        if _headline(texts[s]) and not _under_paragraph(texts, prose, s):
            lead = next((k for k in range(s + 1, min(n, s + 2 + LEAD_GAP)) if prose[k]), None)
            if lead is not None and len(texts[lead]) >= MIN_LEAD_CHARS:
                leads = [k for k in range(lead, n) if prose[k] and len(texts[k]) >= MIN_LEAD_CHARS][:N_LEADS]
                body = set().union(*map(g, leads))
                if _share(g(s), body) >= MIN_TITLE_OVERLAP and _coherent([g(s)] + [g(k) for k in leads]):
                    body |= g(s)
                    if all(off_topic(g(k), body) for k in range(s)):
                        best = s
        above_chars += len(texts[s]) if prose[s] else 0
    return list(range(best))


#: a bare form label: a few words and a colon, nothing after them ("稿件正文：", "节目文字稿：")
_BARE_LABEL_RE = re.compile(r"[^\s：:，。,；;！？!?]{2,8}[：:]")
#: a paragraph of the article: prose of this many characters
LEAD_CHARS = 30


def labels_under_headline(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept lines, the headline first) of bare labels
    between the headline and the article's first paragraph: the field names of a CMS
    edit form or a transcript page ("内容摘要：", "稿件正文：", held-out v11; "节目文字稿：",
    DEV9) that introduce the article itself. An article's own lead-in ("数据显示：",
    "具体措施如下：") follows a paragraph of it: no gold page of seeds, dev..dev9 or
    held-out v10/v11 has a bare label above its first paragraph (session 15)."""
    first = next((k for k, s in enumerate(texts) if len(s) >= LEAD_CHARS and is_prose(s)), None)
    if first is None or first < 2 or _BARE_LABEL_RE.fullmatch(texts[0]):
        return []
    return [k for k in range(1, first) if _BARE_LABEL_RE.fullmatch(texts[k])]
