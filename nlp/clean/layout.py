"""Normalise layout: one paragraph per line, no blank lines, no stray whitespace.

Runs last. Earlier stages leave blank lines (a removed ``<p>`` becomes a line
break), indentation ("　　" full-width spaces opening Chinese paragraphs) and
hard-wrapped paragraphs in plain-text dumps. Every change is an Edit with
``Reason.LAYOUT``; a join removes a ``"\\n"``, nothing is ever inserted except
line breaks. One exception, reason markup: the link numbers of a text browser's dump
("改革[9]新故事", found by clean.markup) go here, after the stages that read them.
"""
from __future__ import annotations

from collections import Counter
from operator import attrgetter

from ..document import Document, Edit, Reason
from ..stage import Stage
from .base import Line, ends_like_prose, lines_of
from .markup import _LINK_NO_RE


class LayoutCleaner(Stage):
    """Drop blank lines and surrounding whitespace; re-join hard-wrapped paragraphs.

    Args:
        join_wrapped (bool): join lines of a hard-wrapped text dump. Defaults to True.
        min_wrap_width (int): the wrap width (the most common length of lines that
            do not end a sentence) must be at least this. Defaults to 20: headings
            and captions are shorter and rarely share one exact length.
        min_wrapped_lines (int): at least this many lines must have exactly the wrap
            width before joining. Defaults to 3 (an accidental tie of two lengths
            happens; three full-width lines of equal length do not).
    """

    name = "clean.layout"

    def __init__(self, *, join_wrapped: bool = True, min_wrap_width: int = 20, min_wrapped_lines: int = 3):
        self.join_wrapped = join_wrapped
        self.min_wrap = min_wrap_width
        self.min_wrapped = min_wrapped_lines

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        edits: list[Edit] = []
        kept = [ln for ln in lines if ln.text]
        for ln in lines:
            if not ln.text:
                # a blank line goes with the newline that ends it; the empty "line"
                # after the final newline stays (text files end with one newline)
                # The newline *before* the blank line is taken, so the edit never ends
                # at the end of the text: an end there maps to the end of the raw page
                # (OffsetMap contract), which would stretch the edit's raw span over
                # any chrome removed at the bottom (seed 000's related list).
                # (Blank lines above the first text line take their own newline.)
                if ln.end < len(text):
                    if ln.start > 0 and kept and ln.index > kept[0].index:
                        edits.append(self.edit(ln.start - 1, ln.start, reason=Reason.LAYOUT, note="blank line"))
                    else:
                        edits.append(self.edit(ln.start, ln.end + 1, reason=Reason.LAYOUT, note="blank line"))
                elif ln.end > ln.start:
                    edits.append(self.edit(ln.start, ln.end, reason=Reason.LAYOUT, note="trailing space"))
                continue
            if ln.lstrip > ln.start:
                edits.append(self.edit(ln.start, ln.lstrip, reason=Reason.LAYOUT, note="leading space"))
            if ln.rstrip < ln.end:
                edits.append(self.edit(ln.rstrip, ln.end, reason=Reason.LAYOUT, note="trailing space"))
        if self.join_wrapped and len(kept) > 1:
            # the lines' lengths on the page, mapped back only on a page that may have a wrap
            for a in wrapped_lines(text, kept, self.min_wrap, self.min_wrapped,
                                   lengths=lambda: _page_lengths(doc, kept)):
                edits.append(self.edit(a.end, a.end + 1, reason=Reason.LAYOUT, note="wrapped line joined"))
        if (getattr(doc, "info", None) or {}).get("text_browser"):
            # a text browser's link numbers ("改革[9]新故事"; clean.markup found the dump), removed
            # last: the line stages and the wrap width above read them
            for m in _LINK_NO_RE.finditer(text):
                edits.append(self.edit(m.start(), m.end(), reason=Reason.MARKUP, note="text-browser link number"))
        return _dedupe(edits)


#: full-width spaces opening a paragraph ("　　正文"): a typeset page's paragraph mark
INDENT = "\u3000\u3000"
#: a hard-wrapped page marks its paragraphs with indents when at least this many lines open with one
MIN_INDENTED = 3


def _page_lengths(doc: Document, kept: list[Line]) -> list[int] | None:
    """The length each of ``kept`` had on the page, before earlier stages removed words
    inside it (an injected SEO keyword, held-out v11 h11_023: "…《周恩电动自行车上牌预约" was a
    full-width line of the wrap): the span of its text mapped back to the raw page, when
    that is no shorter than the text and at most 1.5x it (a longer span took in removed
    lines or markup: the text's own length then). None for a bare text holder (tests)."""
    if not getattr(doc, "maps", None):
        return None
    size = len(doc.text)
    # through the line's newline: a word removed at the line's end lies inside that span
    ends = [min(ln.end + 1, size) for ln in kept]
    try:
        starts, raw_ends = doc.spans_to_raw([ln.lstrip for ln in kept], ends)
    except (AttributeError, ValueError, IndexError):
        return None
    out = []
    for ln, e, a, b in zip(kept, ends, starts, raw_ends):
        n = ln.rstrip - ln.lstrip
        m = (b - a) - (e - ln.rstrip)  # less the trailing space and newline, as they are now
        out.append(m if n <= m <= 1.5 * n else n)
    return out


def wrap_width(texts: list[str], min_wrap: int = 20, min_wrapped: int = 3,
               lengths=None) -> int | None:
    """The wrap width of a hard-wrapped text: the most common length of the lines that do
    not end a sentence, when at least ``min_wrapped`` lines have it and it is at least
    ``min_wrap`` (headings and captions are shorter and rarely share one exact length).
    ``lengths``: the lines' lengths on the page, when earlier stages shortened them (a
    list, or a function returning one or None, called only when ``min_wrapped`` lines do
    not end a sentence)."""
    open_ = [k for k, s in enumerate(texts) if s and not ends_like_prose(s)]
    if len(open_) < min_wrapped:
        return None
    if callable(lengths):
        lengths = lengths()
    widths = Counter(lengths[k] for k in open_) if lengths else Counter(len(texts[k]) for k in open_)
    if not widths:
        return None
    width, n = widths.most_common(1)[0]
    return width if width >= min_wrap and n >= min_wrapped else None


def wrapped_lines(text: str, kept: list[Line], min_wrap: int = 20, min_wrapped: int = 3, *,
                  indented_only: bool = False, lengths: list[int] | None = None) -> list[Line]:
    """The non-blank lines (``kept``, in order) a hard wrap broke off the line after them:
    as long as the wrap width, not ending a sentence, the next line directly below.

    On a page whose paragraphs open with a full-width indent (:data:`INDENT`, OCR'd or
    typeset pages, DEV9 ``ocrpdf``) the indent is the paragraph mark: a full-width line
    is joined to an unindented next line even when the wrap fell after a full stop
    ("…警醒自己。" / "”内蒙古银行原董事长…"), never to an indented one.
    ``indented_only``: nothing on a page without indents (the evidence of a wrap is then
    the width alone, which a headline or a list title may share by chance). ``lengths``:
    the lines' lengths on the page (:func:`_page_lengths`), else their texts'."""
    # indents first: cheap (most lines have no leading space), and enough to rule a page out
    indented = {ln.index for ln in kept if ln.lstrip > ln.start and INDENT in text[ln.start:ln.lstrip]}
    by_indent = len(indented) >= MIN_INDENTED
    if indented_only and not by_indent:
        return []
    box = []  # the lengths wrap_width settled on (mapped back once, if at all)

    def measured():
        got = lengths() if callable(lengths) else lengths
        box.append(got)
        return got

    width = wrap_width([ln.text for ln in kept], min_wrap, min_wrapped, measured)
    if not width:
        return []
    sizes = (box[0] if box else None) or [len(ln.text) for ln in kept]
    out = []
    for a, b, n in zip(kept, kept[1:], sizes):
        if n < width or b.index != a.index + 1:
            continue
        if by_indent:
            if b.index not in indented:
                out.append(a)
        elif not ends_like_prose(a.text):
            out.append(a)
    return out


def _dedupe(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    last = -1
    # sort by (start, -length) = (start, -end), as two stable C-keyed sorts
    ordered = sorted(edits, key=attrgetter("end"), reverse=True)
    ordered.sort(key=attrgetter("start"))
    for e in ordered:
        if e.start < last or e.end <= e.start:
            continue
        out.append(e)
        last = e.end
    return out
