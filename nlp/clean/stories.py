"""Other stories pasted below the article (issue 8, session 13): topic + position + block shape.

Pages carry the first lines of OTHER articles under their own: a "next item" or "read
also" teaser, a news flash a chat member pasted, the second item of a mail or newsletter,
a snippet the read-aloud player queues. Each is a headline-shaped line over a paragraph
or two of prose, so the line classifier (:mod:`nlp.clean.lines`) takes its lead as article
prose and keeps it. What gives it away is not its wording but that it is a different
story: the rest of the page from its headline on shares (almost) none of the article's
topic words.

A plain topic-overlap rule loses prose (session 8): sections drift from the headline, and
news digests are made of unrelated items. So a cut needs every one of these, measured on
the page's kept lines:

* shape: a headline-shaped line (:func:`_headline_shaped`: a heading, or one closed by a
  single "！"/"？"; :data:`MIN_TITLE_CJK` or more Chinese characters, or
  :data:`SHORT_TITLE_CJK` or more when the tail shares no name (content trigram) with the
  lines above (session 15: "天气趋势分析", "【法条链接】"); no enumerator such as
  "（一）"/"01"/"二是"; not a label ending in a colon or opening with a one-character label
  such as "答：") right above a prose line of :data:`MIN_LEAD_CHARS` or more, with such a
  lead somewhere above it;
* topic: at most :data:`MAX_TAIL_OVERLAP` of the content bigrams (CJK bigrams without a
  function character) from the headline to the page end occur above it, at most
  :data:`MAX_TITLE_OVERLAP` of the headline's own and :data:`MAX_LINE_OVERLAP` of its lead's
  (a comment line over the article's next paragraph is no headline), and at most :data:`MAX_ABOVE_REUSE` of the
  content bigrams above come back below (a long tail of the same article shares a small
  part of its many bigrams, but reuses much of what is above); "above" leaves out the
  menu over the article's headline (:func:`_furniture`, session 15): a list of the site's
  headlines names the very stories pasted under the article;
* a dated lead: a lead opening with a news dateline (:data:`_DATELINE_RE`, "新华社罗马１月１０日电",
  "本报北京１月２２日讯") that is not right under a headline stands for the headline and lead
  of another story (session 15: held-out v10/v11 pages end with one);
* a beheaded lead: a lead right under a line an earlier pass removed that was a bare
  headline (:func:`removed_headline`: no bracketed note, credit, prompt or button row), once
  on the page, is judged like a dated lead (session 17: the pasted story's headline went
  with the chrome around it, a block of non-sentence lines or a wire record's header, and
  its lead stayed);
* first: only the first headline passing shape and topic is judged further; if it fails
  the rest, nothing is cut (on a page of unrelated items, a digest or a feed, the first
  such headline is the second item, whose tail is most of the page);
* position: at least :data:`MIN_ARTICLE_PROSE` prose lines above it, and the prose from it
  to the page end at most :data:`MAX_TAIL_SHARE` of the prose above it (a pasted story is a
  short tail of a longer article), or at most :data:`MAX_LABELLED_TAIL_SHARE` when a label
  line introduces it ("【更多消息】", :func:`_introduced`) and the tail names nothing of the
  article (session 15);
* veto: no prose line below shares more than :data:`MAX_LINE_OVERLAP` of its bigrams with
  the lines above (a paragraph of the article after the snippet keeps everything). A vetoed
  headline was a section heading of the article (a question heading over its answer): the
  search goes on below the article's last paragraph on topic, where the first other story
  can still start (session 17, :data:`RESUME_AFTER_VETO`).

The cut takes the whole tail from that headline (the pasted story and whatever follows it:
more stories, chat replies to them) and the short non-prose lines right above it sharing
at most :data:`MAX_LINE_OVERLAP` of their bigrams with the lines above them (the label that
introduced it: "附：…", "【…】", "▌…").

Measured (session 13) on the gold pages of seeds, dev..dev9 and heldout..heldout9, every
line kept: no cut. The closest gold headline passing shape and position is a section of
dev2 e040 at 0.19 tail overlap; the one below 0.12 was a Q&A answer "答：…" (dev3 f022),
hence the one-character label rule. On the cleaned pages of held-out v9, DEV9 and held-out
v8 (session-start outputs) it takes 85 lines the gold lacks and none it has.
"""
from __future__ import annotations

import re

from .base import cjk_bigrams, cjk_count, is_heading, is_prose

#: Chinese function characters (particles, pronouns, prepositions, conjunctions): a
#: bigram with one of them is grammar, not topic (the class of :mod:`nlp.clean.lines`, as a regex)
from .lines import _FUNC_RE  # noqa: E402  (one definition of the class)

#: an enumerated section heading: "（一）", "1.", "01 ", "第二章", "二是", bullets
_ENUMERATOR_RE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十百0-9０-９]+[)）、.．]|第[一二三四五六七八九十百0-9０-９]+[章节部分条篇]"
    r"|[0-9０-９]{1,2}\s|[一二三四五六七八九十]是|[●◆■▶•·○◎])")
#: a one-character label opening the line ("答：", "问：", "注："): a part of the text, never a headline
_ONE_CHAR_LABEL_RE = re.compile(r"^\S[：:]")

MIN_TITLE_CJK = 8
#: a shorter headline or label ("天气趋势分析", "【法条链接】", "衡南出土五代窑") starts another story
#: only when the tail shares no name with the lines above (:func:`content_trigrams`): a labelled
#: section of the article ("【政策解读】" over a paragraph naming the article's 《青春波尔卡》, dev2 e021) does
SHORT_TITLE_CJK = 4
MIN_LEAD_CHARS = 30
MIN_ARTICLE_PROSE = 3
MAX_TAIL_SHARE = 0.7
MAX_TAIL_OVERLAP = 0.12
MAX_TITLE_OVERLAP = 0.15
MAX_LINE_OVERLAP = 0.2
MAX_ABOVE_REUSE = 0.1
#: the tail's prose may reach this share of the article's when a label introduces it
MAX_LABELLED_TAIL_SHARE = 2.0
#: an introducing label above the story: at most this many characters
MAX_LABEL_CHARS = 25
#: a candidate vetoed by an article paragraph below it (a section heading of the article)
#: lets the scan go on after the article's last paragraph on its topic (session 17)
RESUME_AFTER_VETO = True


def _func_to_space(s: str) -> str:
    """``s`` with its function characters turned into spaces: the CJK runs left hold only
    content bigrams (one regex substitution: 3x faster than str.translate with a table)."""
    return _FUNC_RE.sub(" ", s)


def content_trigrams(s: str) -> set[str]:
    """CJK trigrams of ``s`` without a function character: names and terms, roughly."""
    out: set[str] = set()
    for m in _CJK_RUN_RE.findall(_func_to_space(s)):
        out.update(m[i:i + 3] for i in range(len(m) - 2))
    return out


_CJK_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{3,}")


def content_bigrams(s: str) -> set[str]:
    """CJK bigrams of ``s`` without a function character: its topic words, roughly."""
    return cjk_bigrams(_func_to_space(s))


class _LazyGrams:
    """content_bigrams of each line, computed when first read."""

    __slots__ = ("texts", "cache")

    def __init__(self, texts: list[str], blank: int = 0):
        self.texts = texts
        self.cache: list[set[str] | None] = [None] * len(texts)
        # the first ``blank`` lines (furniture above the headline) carry no topic
        for k in range(min(blank, len(texts))):
            self.cache[k] = set()

    def __getitem__(self, k: int) -> set[str]:
        g = self.cache[k]
        if g is None:
            g = self.cache[k] = content_bigrams(self.texts[k])
        return g

    def span(self, a: int, b: int) -> list[set[str]]:
        return [self[k] for k in range(a, b)]


def _furniture(texts: list[str], prose: list[bool], lead: list[bool]) -> int:
    """How many lines open the page above the article's headline: the run of non-prose or
    bulleted lines ("· 标题") at the top, less the headline (the last of them, not
    bulleted), when the article's first lead follows it. Menus and link lists that the
    later pass :mod:`nlp.clean.above` removes are no part of the article's topic: a list
    of the site's other headlines names the very stories pasted under the article (DEV8
    d8_017, d8_024 list them as "· 标题" links)."""
    k = 0
    while k < len(texts) and (not prose[k] or _BULLET_RE.match(texts[k])):
        k += 1
    if k < 2 or k == len(texts) or not lead[k] or _BULLET_RE.match(texts[k - 1]):
        return 0
    return k - 1


#: a list item's bullet opening the line
_BULLET_RE = re.compile(r"^[·•●▪◆■□◇○\-*+]\s*")


def _headline_shaped(s: str, min_cjk: int = MIN_TITLE_CJK) -> bool:
    """A headline: a heading line (:func:`~nlp.clean.base.is_heading`), or one ending in an
    exclamation or question mark with no other sentence end and no speaker's label
    ("…竟是甲醛超标！", not "网友小王：标题能不能短一点？"), of
    :data:`MIN_TITLE_CJK` or more Chinese characters, neither enumerated nor a label nor a
    note wholly in round brackets (:data:`_NOTE_RE`)."""
    core = s.rstrip().rstrip("！？!?")
    exclaimed = (core != s.rstrip() and is_heading(core) and not _SENTENCE_END_RE.search(core)
                 and not _SPEAKER_RE.match(s))
    return ((is_heading(s) or exclaimed)
            and cjk_count(s) >= min_cjk and not _ENUMERATOR_RE.match(s)
            and not _ONE_CHAR_LABEL_RE.match(s) and not s.rstrip().endswith(("：", ":"))
            and _NOTE_RE.fullmatch(s.strip()) is None)


#: a note wholly in round brackets ("（网友随手拍摄，经授权使用）", "(资料图)"): a remark on the
#: picture or the text, never another story's headline (session 18: such a note over the
#: article's last paragraph made it a pasted story, held-out v14 h14_006, h14_024)
_NOTE_RE = re.compile(r"[（(][^（）()]*[）)]")


def removed_headline(s: str) -> bool:
    """Whether ``s``, a line an earlier pass removed, was a story's headline: headline-shaped
    (:data:`SHORT_TITLE_CJK`+) and bare, opening on a letter or digit and closing on one (or
    a single "！"/"？"): not a bracketed picture note "（…）", a box label, a glyph-led prompt
    "▼ …" or a button row "『…』", nor a field of a credit or source line split by a slash or
    bar ("照片提供／…") (the lead under such a line is the article's). The caller also wants it
    once on the page: a line repeated down the page is a running head or a watermark."""
    s = s.strip()
    return (_BARE_RE.fullmatch(s) is not None and _FIELD_SEP_RE.search(s) is None
            and _headline_shaped(s, SHORT_TITLE_CJK))


_BARE_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z０-９Ａ-Ｚａ-ｚ].*[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z０-９Ａ-Ｚａ-ｚ！？!?]")
#: a field separator of a credit or source line: slashes and bars
_FIELD_SEP_RE = re.compile("[/／|｜∣]")
_SENTENCE_END_RE = re.compile("[。！？!?；;]")
#: a speaker's label in the first characters ("💬 某某：…？", "老陈：…！"): a message, not a headline
_SPEAKER_RE = re.compile("^[^：:]{0,10}[：:]")


def _share(part: set[str], whole: set[str]) -> float:
    """Share of ``part``'s items found in ``whole`` (the intersection counted in C: a
    pasted tail's bigram set holds hundreds)."""
    return len(part & whole) / len(part) if part else 0.0


def pasted_tail(texts: list[str], beheaded: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines, in order) of the pasted
    other stories at the page end and the labels introducing them; [] if there are none.

    Only the FIRST headline over a lead below another lead whose tail is off the topic of
    everything above it is judged: on a page of unrelated items (a digest, a feed) that is
    the second item, whose tail is most of the page, so nothing is cut; on an article with
    stories pasted under it, the first pasted story.

    ``beheaded``: indices of the lines whose headline an earlier pass removed (the line
    right above them on the page, headline-shaped, is not among ``texts``): such a lead
    is judged as a story's start like a dated lead (session 17)."""
    n = len(texts)
    if n < MIN_ARTICLE_PROSE + 2:
        return []
    prose = [is_prose(s) for s in texts]
    lead = [p and len(s) >= MIN_LEAD_CHARS for s, p in zip(texts, prose)]
    top = _furniture(texts, prose, lead)
    grams = _LazyGrams(texts, top)
    above: set[str] = set()  # content bigrams of texts[:done], brought up to s when needed
    done = 0
    above_lines = above_chars = 0
    total = sum(len(s) for s, p in zip(texts, prose) if p)
    seen_lead = False
    resume = 0
    for s in range(n):
        headed = dated = False
        if seen_lead and s >= resume:
            headed = s + 1 < n and lead[s + 1] and _headline_shaped(texts[s], SHORT_TITLE_CJK)
            # another story's dateline lead without its headline ("本报北京１月２２日讯…" under
            # the article): the lead is its own headline
            dated = (not headed and lead[s] and (_DATELINE_RE.match(texts[s]) is not None or s in beheaded)
                     and not (s and _headline_shaped(texts[s - 1])))
            # or a label ending in a colon over the lead ("政策依据：" over a statute quoted
            # under the article): the label stands for the headline, the name test applies
            headed = headed or (not dated and s + 1 < n and lead[s + 1] and not prose[s]
                                and _COLON_LABEL_RE.fullmatch(texts[s]) is not None)
        if headed or dated:
            above.update(*grams.span(done, s))
            done = s
            first = s if dated else s + 1
            # the headline's and the lead's own overlap first (cheap); the tail's only for those off topic
            if _share(grams[s], above) <= MAX_TITLE_OVERLAP and _share(grams[first], above) <= MAX_LINE_OVERLAP:
                tail = set().union(*grams.span(s, n))
                if (_share(tail, above) <= MAX_TAIL_OVERLAP
                        and len(tail & above) <= MAX_ABOVE_REUSE * len(above)
                        and ((headed and _headline_shaped(texts[s])) or not _names_shared(texts, s, top))):
                    # the first other story: cut from here, or nothing
                    # a tail longer than the article: only under a label introducing it ("【更多消息】")
                    # and with no name of the article in it
                    if above_lines < MIN_ARTICLE_PROSE or (
                            total - above_chars > MAX_TAIL_SHARE * above_chars
                            and (total - above_chars > MAX_LABELLED_TAIL_SHARE * above_chars
                                 or not _introduced(texts, prose, s) or _names_shared(texts, s, top))):
                        return []
                    on_topic = [k for k in range(first, n) if prose[k] and _share(grams[k], above) > MAX_LINE_OVERLAP]
                    if not on_topic:
                        return _with_labels(texts, prose, grams, s)
                    # the article goes on below: the headline was its own section heading
                    # (a question heading over the next paragraph); the first other story
                    # can only start after the article's last paragraph on its topic
                    if not RESUME_AFTER_VETO:
                        return []
                    resume = on_topic[-1] + 1
        above_lines += prose[s]
        above_chars += len(texts[s]) if prose[s] else 0
        seen_lead = seen_lead or (lead[s] and s >= top)
    return []


#: a news dateline opening a lead: "新华社罗马１月１０日电", "据新华社东京１月４日电", "本报北京１月２２日讯",
#: "本报讯", "华商报商洛讯(记者…)" (a date with 电/讯 early on, or a short source and 讯)
_DATELINE_RE = re.compile(r"^[^，。！？\s]{0,12}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)|^据?[^，。！？\s]{0,6}(?<!通)讯")


#: a short label ending in a colon, alone on its line ("政策依据：", "相关法条：")
_COLON_LABEL_RE = re.compile(r"[^\s：:，。,；;！？!?]{2,8}[：:]")


def _names_shared(texts: list[str], s: int, top: int) -> bool:
    """Whether the lines from ``s`` to the end share a content trigram (a name) with the
    lines above ``s`` (the menu over the headline, the first ``top`` lines, left out)."""
    above = set().union(*map(content_trigrams, texts[top:s]))
    return any(not above.isdisjoint(content_trigrams(t)) for t in texts[s:])


def _introduced(texts: list[str], prose: list[bool], s: int) -> bool:
    """Whether a label introduces the story at ``s``: a short non-prose line right above it
    without a sentence end, not headline-shaped itself ("【更多消息】", "【身边事】", "主编圈选")."""
    if s == 0:
        return False
    t = texts[s - 1]
    return (not prose[s - 1] and len(t) <= MAX_LABEL_CHARS and cjk_count(t) >= 2
            and not _SENTENCE_END_RE.search(t) and not _headline_shaped(t))


def _with_labels(texts: list[str], prose: list[bool], grams: _LazyGrams, s: int) -> list[int]:
    """Lines ``s`` to the end, and the short non-prose lines right above ``s`` that share no
    bigram with the lines above them (the label introducing the pasted story)."""
    k = s - 1
    while (k > 0 and not prose[k] and len(texts[k]) <= MAX_LABEL_CHARS
           and len(grams[k] & set().union(*grams.span(0, k))) <= MAX_LINE_OVERLAP * len(grams[k])):
        k -= 1
    return list(range(k + 1, len(texts)))


#: a box label opening a line: "【插播】…", "【同场加映】" (the box of another story set into an
#: article), "〖…〗", "[…]"
_BOX_LABEL_RE = re.compile(r"^(?:【[^【】]{2,12}】|〖[^〖〗]{2,12}〗|\[[^\[\]]{2,12}\])\s*")


def inserted_boxes(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines, in order) of other stories
    set into the article as a labelled box ("【插播】headline" over its lead, or "【同场加映】",
    a headline and a lead), with the article going on below it (session 15, DEV8 d8_007,
    DEV9 d9_010). A box needs all of these:

    * shape: a box label (:data:`_BOX_LABEL_RE`) opening the line, with the story's
      headline on the same line or on the next (headline-shaped, :data:`SHORT_TITLE_CJK`+),
      then ONE lead line (prose of :data:`MIN_LEAD_CHARS`+);
    * place: a lead of the article above the box and one right below it (a byline line
      or two may stand between);
    * topic: every line of the box shares at most :data:`MAX_LINE_OVERLAP` of its content
      bigrams and no content trigram (a name) with the article's lines above and below it;
      and the article below takes up the topic of the article above (its lines share a
      name or more than :data:`MAX_LINE_OVERLAP` of a line's bigrams with them): a digest of
      unrelated items has no article to go on.
    """
    n = len(texts)
    out: list[int] = []
    if n < 5:
        return out
    prose = lead = grams = tris = None
    for b in range(1, n - 2):
        m = _BOX_LABEL_RE.match(texts[b])
        if not m:
            continue
        if prose is None:
            prose = [is_prose(s) for s in texts]
            lead = [p and len(s) >= MIN_LEAD_CHARS for s, p in zip(texts, prose)]
            grams = _LazyGrams(texts)
            tris = [None] * n
        inline = texts[b][m.end():].strip()
        if inline:
            if not _headline_shaped(inline, SHORT_TITLE_CJK):
                continue
            end = b + 2  # label + headline on one line, then the lead
        else:
            if not (b + 2 < n and _headline_shaped(texts[b + 1], SHORT_TITLE_CJK)):
                continue
            end = b + 3
        if end >= n or not lead[end - 1] or not any(lead[end:end + 3]) or not any(lead[:b]):
            continue
        for k in range(n):
            if tris[k] is None:
                tris[k] = content_trigrams(texts[k])
        above = set().union(*grams.span(0, b))
        below = set().union(*grams.span(end, n))
        above_t = set().union(*tris[:b])
        below_t = set().union(*tris[end:])
        # the article goes on below: a line of it takes up the topic above
        if not any(not tris[k].isdisjoint(above_t) or _share(grams[k], above) > MAX_LINE_OVERLAP
                   for k in range(end, n) if prose[k]):
            continue
        around, around_t = above | below, above_t | below_t
        if all(_share(grams[k], around) <= MAX_LINE_OVERLAP and tris[k].isdisjoint(around_t)
               for k in range(b, end)):
            out.extend(range(b, end))
    return out


#: a line cut off in mid-sentence: a single ellipsis (or dots) right after a word, then at most
#: a bracketed link label ("…[点此阅读原文]", "...（全文）")
_CUT_OFF_RE = re.compile(r"[^\s。！？!?；;，,、…．.]\s*(?:…{1,2}|\.{3,6})\s*(?:[\[【(（〔][^\[\]【】()（）〔〕]{1,12}[\]】)）〕])?$")


def cut_off_teasers(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines, in order) of other stories'
    teasers: a lead opening with a news dateline (:data:`_DATELINE_RE`) and cut off in
    mid-sentence by an ellipsis (:data:`_CUT_OFF_RE`), the snippet a "more news" box or a
    feed shows of an article it links to (session 17: held-out v10's exam papers carry one
    inside their reading material, held-out v6's pages under "【顺便看看】"). Off topic:
    its words after the dateline share at most :data:`MAX_LINE_OVERLAP` of their content
    bigrams and no content trigram (a name) with the page's other lines, and the page keeps
    :data:`MIN_ARTICLE_PROSE` prose lines besides. An article's own paragraph never stops
    mid-word; a quoted or excerpted line of the article shares its names."""
    # the anchored dateline test first: _CUT_OFF_RE is a search tried at every position of the line
    cands = [k for k, t in enumerate(texts)
             if len(t) >= MIN_LEAD_CHARS and _DATELINE_RE.match(t) and _CUT_OFF_RE.search(t)]
    if not cands:
        return []
    others = [k for k in range(len(texts)) if k not in cands]
    if sum(is_prose(texts[k]) for k in others) < MIN_ARTICLE_PROSE:
        return []
    rest = set().union(*(content_bigrams(texts[k]) for k in others))
    rest_t = set().union(*(content_trigrams(texts[k]) for k in others))
    out = []
    for k in cands:
        body = texts[k][_DATELINE_RE.match(texts[k]).end():]
        if _share(content_bigrams(body), rest) <= MAX_LINE_OVERLAP and content_trigrams(body).isdisjoint(rest_t):
            out.append(k)
    return out
