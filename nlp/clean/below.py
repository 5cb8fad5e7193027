"""A labelled block of short lines closing the page, off the article's topic (issue 8, session 14).

Pages end with panels of their own under the article: "历史上的今天" with sentences of
real history and a saying of the day, "你可能还想问" with suggested questions, an exam
paper's "作答要求" with its questions, a glossary, numbered notes. Each line is a short
finished sentence or a term, so the line classifier (:mod:`nlp.clean.lines`) keeps it as
prose; the pasted-story cut (:mod:`nlp.clean.stories`) wants a headline over a lead.
What gives the panel away is its block structure: a label line, then short lines to the
page end, none of them on the article's topic. A cut needs all of these, on the page's
kept lines:

* article: :data:`MIN_ARTICLE_LEADS` or more prose lines of :data:`MIN_LEAD_CHARS`+ above
  the label;
* label: a line that is not prose and has no sentence end ("网络图片。" closing an inews
  record is its caption), of at most :data:`MAX_LABEL_CHARS` characters with two or more
  Chinese ones;
* block: :data:`MIN_BLOCK_LINES` or more lines from the label to the page end, none a
  prose line of :data:`ANCHOR_CHARS`+ (a paragraph: an article's closing section keeps
  its paragraphs, and another story's lead is :mod:`~nlp.clean.stories`' to judge), and
  their prose at most :data:`MAX_TAIL_SHARE` of the prose above the label;
* topic: every line of the block is off the topic of the lines above the label
  (:func:`nlp.clean.above.off_topic`: fewer than 2 shared content bigrams, or at most 0.2
  of its own).

The first label passing takes the block. A People's Daily opening of one sentence per
line stands under the headline, above the article's paragraphs, and is never judged.

Measured (session 14) on the gold pages of seeds, dev..dev9 and heldout..heldout10, every
line kept: no cut (without the paragraph bar it cut 33 lines of the dev2/dev3 pages, whose
look-alike sections and Q&A answers sit under short labels); on the stress audit's 966
reshaped clean articles (eval/clean_prose_stress.py variants): no article line cut. On the cleaned pages of the
same sets it takes 56 lines, all boilerplate (held-out v10 43, v9 10, v7 3).
"""
from __future__ import annotations

from .above import off_topic
from .base import cjk_count, ends_like_prose, is_prose
from .stories import content_bigrams
#: a prose line this long is a paragraph (clean.lines' anchors)
from .title import ANCHOR_CHARS

MIN_LEAD_CHARS = 30
MIN_ARTICLE_LEADS = 3
MAX_LABEL_CHARS = 20
MIN_BLOCK_LINES = 3
MAX_TAIL_SHARE = 0.7


def closing_block(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines, in order) of the labelled
    block closing the page; [] when there is none (see the module doc)."""
    n = len(texts)
    prose = [is_prose(s) for s in texts]
    # the last paragraph: a block starts below it
    last_para = max((k for k in range(n) if prose[k] and len(texts[k]) >= ANCHOR_CHARS), default=-1)
    total = sum(len(s) for s, p in zip(texts, prose) if p)
    leads = above_chars = 0
    for k in range(last_para + 1):
        if prose[k]:
            above_chars += len(texts[k])
            leads += len(texts[k]) >= MIN_LEAD_CHARS
    above: set[str] | None = None
    for lab in range(last_para + 1, n - MIN_BLOCK_LINES + 1):
        s = texts[lab]
        if (leads >= MIN_ARTICLE_LEADS and not prose[lab] and len(s) <= MAX_LABEL_CHARS and cjk_count(s) >= 2
                and not ends_like_prose(s)
                and total - above_chars <= MAX_TAIL_SHARE * above_chars):
            if above is None:
                above = set().union(*map(content_bigrams, texts[:lab]))
            else:
                above.update(*map(content_bigrams, texts[done:lab]))
            done = lab
            if all(off_topic(content_bigrams(t), above) for t in texts[lab:]):
                return list(range(lab, n))
        if prose[lab]:
            above_chars += len(s)
            leads += len(s) >= MIN_LEAD_CHARS
    return []
