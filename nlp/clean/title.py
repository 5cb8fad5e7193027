"""Find the page title, keep it once as line 1, remove its repeats (title stuffing).

Seed 001 repeats its title "通过抖音购物如何维护消费者权益" as seven standalone
lines and glues it to the end of the first paragraph; seed 002 (a Discuz thread)
shows it twice; seed 003 carries it in front matter. The title is, in order of
trust: the markup hint (front matter ``title``, ``<title>``, ``<h1>``), the line
repeated most often as a standalone line near the top, or the first heading-like
line above the first paragraph. Non-prose lines above the title are page header
(site name, search-engine bar) and go; prose above it is kept.
"""
from __future__ import annotations

import re

from ..document import Document, Edit, Reason
from ..stage import Stage
from .layout import wrapped_lines
from .base import (Line, cjk_bigrams, cjk_count, ends_like_prose, is_prose, keyword_phrase, line_span,
                   lines_of, norm_line, punct_count, removals, SEPARATORS)

#: characters that join a glued title to the sentence before it ("。——标题", "。| 标题")
_GLUE_CHARS = "—–-|｜/ 　"
#: a stuffed title (a line also glued to a paragraph end) has this many Chinese characters
STUFFED_MIN_CJK = 6
#: a site name after the title: "标题_站点名", "标题 - 站点名", "标题|站点名"; blog hosts
#: also write "标题 @ 博客名 :: 平台" (DEV5 d5_004), spaced "@" / "::" only (an e-mail or a
#: ratio inside a headline has no spaces around it).
_SITE_SEP_RE = re.compile(r"\s*(?:_|\||｜|-|–|—|·)\s*|\s+(?:@|::)\s+")


def _off_topic(s: str, prose: str) -> bool:
    """A would-be title sharing no CJK bigram with the article's prose: a site or blog
    name, a spam header. Every gold headline of seeds/dev-dev5 (150 pages) shares at
    least one bigram with its article (lowest: "爱心洒遍山城", "世界奋起反击": one); used
    only to prefer another candidate, never to drop the page's only one."""
    bg = cjk_bigrams(s)
    return bool(prose) and bool(bg) and not any(g in prose for g in bg)


#: a title may end in ？ or ！ ("…尘土飞扬，点解决？"), never in 。 or ；.
_TITLE_END_OK_RE = re.compile(r"[？！?!][”’」』）)\"']*$")


#: items of a link/keyword list joined by bars or underscores ("A_B_C_D" spam headers,
#: "A|B|C" tag rows), and by middle dots for menus ("首页·教育·文旅·民生")
_BAR_SPLIT_RE = re.compile(r"\s*[_|｜]\s*")
_DOT_SPLIT_RE = re.compile(r"\s*[·•]\s*")


#: a breadcrumb step "A > B" (path separators between words; DEV5 d5_023 "…社区 > 步行街主干道"
#: outscored the 12-character headline by one character)
_CRUMB_RE = re.compile(r"[^\s>›»＞]\s*[>›»＞]\s*[^\s>›»＞]")


def _list_like(s: str) -> bool:
    """A breadcrumb path, three or more bar/underscore-joined items, or four or more
    dot-joined ones: a keyword list, menu or path, never a headline ("标题_站点名" has two parts; a name with a
    middle dot "胡利奥·鲁伊斯" two or three). Seed 004's spam header and the dev spam
    pages' headers repeat as footers, so the repeated-line rule took them for the title
    whenever clean.spam missed them (wording-blind view: the real headline then went
    as "header below title", dev d019/d021/d023, DEV4 d4_030)."""
    if (">" in s or "›" in s or "»" in s or "＞" in s) and _CRUMB_RE.search(s):  # "in": C scans, no regex call per line
        return True
    bars = s.count("_") + s.count("|") + s.count("｜")
    dots = s.count("·") + s.count("•")
    if bars < 2 and dots < 3:  # fewer separators than a list needs: the usual headline
        return False
    return len([x for x in _BAR_SPLIT_RE.split(s) if x]) >= 3 or len([x for x in _DOT_SPLIT_RE.split(s) if x]) >= 4


def _title_like(s: str, max_chars: int) -> bool:
    """Short heading-like line; keyword lines stating a phrase twice are SEO, not titles
    (seed 000 "抖音客服电话95152怎么转人工,抖音客服电话"), nor keyword lists or menus."""
    if not (4 <= len(s) <= max_chars and cjk_count(s) >= 4) or _list_like(s):
        return False
    if ends_like_prose(s) and not (len(s) <= 40 and _TITLE_END_OK_RE.search(s) and "。" not in s):
        return False
    return keyword_phrase(s, min_len=4) is None


#: a date or clock stamp: meta lines carry them, headlines almost never a full one.
_STAMP_RE = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}[:：]\d{2}(?![0-9])"
                       # a full 年月日 date standing as a field of its own (space or line end after it):
                       # a meta line (DEV6 d6_026 "2021年4月1日　信息提供：…"); a headline may open with
                       # a date ("2024年5月6日国务院常务会议部署…", tests/clean/test_generalise.py)
                       r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s|$)")
#: editorial role words of bylines and account lines.
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|编辑|作者|撰文|撰稿|原创|来源|发表于|摄影|责编")
#: the role word followed by a separator and a name ("中国青年报记者 李然", "作者 | 周一鸣",
#: "原创 赵敏 江城发布 …"); "记者调查｜保障房资金流向哪里" is a headline (probe)
_BYLINE_NAME_RE = re.compile(rf"(?:{_BYLINE_WORD_RE.pattern})\s*[\s|｜/:：]\s*\S{{1,8}}(?:\s|$)")


#: a news-agency dateline on its own line ("新华社北京5月6日电", "本报讯"): never the headline
_DATELINE_RE = re.compile(r"^(?:新华社|中新社|中新网|本报|本台|央视网|人民网)\S{0,10}?(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
                          r"(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)$|^本报讯$")


#: a "label: value" pair; two in one line make a profile/meta line ("[一楼] user  等级: 新手上路
#: 威望: 8", DEV4 forum floors), never a headline (one colon is: "…终审判决：退一赔一")
_PAIR_RE = re.compile(r"[^\s：:，。]{1,8}[：:]\s*[^\s：:，。]")
_DOMAIN_RE = re.compile(r"[A-Za-z0-9-]{2,}\.(?:com|cn|net|org|gov|edu|cc|tv|top|xyz|info)\b", re.I)
_WORD_RE = re.compile(r"[A-Za-z0-9]+")


def _byline_like(s: str) -> bool:
    """A byline or account line: a role word in a short line, or a role word then a name."""
    return bool(_BYLINE_WORD_RE.search(s)) and (len(s) <= 12 or bool(_BYLINE_NAME_RE.search(s)))


def headline_guess(lines: list[Line], max_chars: int = 80) -> Line | None:
    """The headline among the lines above the article: the longest heading-like line that is not dated, not a byline and not a menu;
    the nearest to the article on ties. Also used by clean.spam, which must not
    sweep the headline into a run of short header lines (dev2 download pages: the
    title followed by "软件语言：简体中文" facts and "立即下载" buttons)."""
    # a line naming a domain is a site header, not a headline (probe)
    cands = [ln for ln in lines if ln.text and _title_like(ln.text, max_chars) and not _STAMP_RE.search(ln.text)
             and not _byline_like(ln.text) and not _menu_like(ln.text) and not _DATELINE_RE.match(ln.text)
             and len(_PAIR_RE.findall(ln.text)) < 2 and not _DOMAIN_RE.search(ln.text)]
    if not cands:
        return None
    # CJK characters plus Latin/digit words: "iPhone 16发布：苹果押注AI" (6 + 3) beats
    # "南方日报官方账号" (8)
    best = max(reversed(cands), key=lambda ln: cjk_count(ln.text) + len(_WORD_RE.findall(ln.text)))
    return _named_by_tab_title(best, cands) if len(cands) > 1 else best


#: the separator before a site name in a window/tab title ("标题_站名", "标题 | 站名", "标题 - 站名"):
#: an underscore or bar, or a dash with spaces around it (a bare "——" joins a headline's parts)
_TAB_SEP_RE = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")


def _named_by_tab_title(best: Line, cands: list[Line]) -> Line:
    """The candidate ``best`` names when it is a window/tab title "A<sep>B" (a site-name
    separator, :data:`_TAB_SEP_RE`; B, the site, no longer than A) and another candidate
    without one starts with A (four or more characters): that one, the longest; else ``best``. A saved page opens on the
    browser's title "<headline>_<site>", or one cut short ("北爱和谈与布莱尔_知寻搜索" over
    "北爱和谈与布莱尔改革", held-out v13 serpsave pages); the site name makes it the longer
    line, and it won the guess over the headline it names (clean.spam then swept the
    headline into the search page's run of short lines)."""
    seps = list(_TAB_SEP_RE.finditer(best.text))
    if not seps:
        return best
    a = norm_line(best.text[:seps[-1].start()])
    # the site name is the short part: "栏目｜标题" under a "栏目" kicker is a headline
    if len(a) < 4 or len(norm_line(best.text[seps[-1].end():])) > len(a):
        return best
    named = [ln for ln in cands if ln is not best and norm_line(ln.text).startswith(a)
             and not _TAB_SEP_RE.search(ln.text)]
    return max(reversed(named), key=lambda ln: len(ln.text)) if named else best


def _menu_like(s: str) -> bool:
    """Four or more space/bar separated items of at most 6 characters (a menu bar), or
    a label with a list of short items ("热门搜索：高考 房价 疫情")."""
    items = [x for x in re.split(r"[\s|｜·•/]+", s) if x]
    if len(items) >= 4 and max(map(len, items)) <= 6:
        return True
    m = _LABEL_START_RE.match(s)
    if bool(m) and len(items) >= 3 and max(map(len, items[1:])) <= 6:
        return True
    # a form field of terms: a label (a note in brackets allowed) and three or more short terms
    # split by commas ("标签词（逗号分隔）：旧货换新，跨省通办，新就业群体", held-out v11 CMS pages)
    m = _FIELD_LIST_RE.match(s)
    if m:
        terms = [x for x in _TERM_SPLIT_RE.split(m.group(1)) if x]
        return len(terms) >= 3 and max(map(len, terms)) <= 8
    return False


_FIELD_LIST_RE = re.compile(r"^[^\s：:，。,]{1,6}(?:[（(][^（()）]{1,8}[)）])?[：:]\s*([^。！？!?：:]+)$")
_TERM_SPLIT_RE = re.compile(r"\s*[，,、；;]\s*")


#: a prose line this long is a paragraph of the article (clean.lines' anchors, 40+ characters)
ANCHOR_CHARS = 40


def article_prose(prose_lines: list[str]) -> str:
    """The article's prose as the topic tests read it: its paragraph-length prose lines
    (:data:`ANCHOR_CHARS`+), all of ``prose_lines`` when none is that long. Short
    prose-like chrome below the article ("下篇新闻：…！") made a newsletter prompt "on topic"
    through "新闻" (DEV7 d7_011). Shared by clean.title and clean.spam's headline guess."""
    return "\n".join([t for t in prose_lines if len(t) >= ANCHOR_CHARS] or prose_lines)


def topical_headline_guess(lines: list[Line], prose: str, max_chars: int = 80) -> Line | None:
    """:func:`headline_guess` among the lines sharing topic words with the article's
    ``prose`` (:func:`_off_topic`: a "此文分2页，单页浏览请点这里" pager line is longer than
    the headline "迎来品牌竞争时代", DEV6 d6_005); among all when that finds none (DEV6
    d6_026's headline shares no bigram with its article)."""
    on = [ln for ln in lines if not _off_topic(ln.text, prose)]
    guess = headline_guess(on, max_chars)
    return guess if guess is not None or len(on) == len(lines) else headline_guess(lines, max_chars)


#: a numbered or bracketed section heading ("一、基本情况", "（二）完善保障机制", "01 增长").
_NUMBERED_HEAD_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．.\s]"
                               r"|第[一二三四五六七八九十百\d]{1,4}[章节篇部编卷条])")  # "第一章总则" (DEV6 d6_019 statute)


_LABEL_START_RE = re.compile(r"^[^\s：:，。]{1,6}[：:]")
_CJK_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
#: a page counter in brackets ending a line: "（第2/2页）", "(2)", "［3/5］"
_PAGE_TAIL_RE = re.compile(r"[（(［\[]第?\s*\d{1,3}(?:\s*[/／]\s*\d{1,3})?\s*页?[）)］\]]$")


class TitleCleaner(Stage):
    """Keep the page title once as line 1; drop repeats, glued copies and the header above it (seed 001).

    Args:
        max_title_chars (int): longest line considered a title. Defaults to 80
            (seed 003's front-matter title, the longest in the seeds, has 45).
        top_share (float): a repeated line counts as the title only if it first
            appears within this share of the page's lines. Defaults to 0.4 (seed
            000's title is line 4 of 70; related-list items repeat lower down).
        max_header_lines (int): at most this many lines above the title are
            removed as page header. Defaults to 12 (seed 002 has 2, seed 000 has 3).
        min_glued_rest (int): a title glued to a paragraph is cut only when at
            least this many characters of paragraph remain. Defaults to 10.
    """

    name = "clean.title"
    requires = ("text", "info.title_hint")
    emits = ("edits", "info.title")

    def __init__(self, *, max_title_chars: int = 80, top_share: float = 0.4, max_header_lines: int = 12,
                 min_glued_rest: int = 10):
        self.max_chars = max_title_chars
        self.top_share = top_share
        self.max_header = max_header_lines
        self.min_glued_rest = min_glued_rest

    def find_title(self, lines: list[Line], hint: str | None, text: str | None = None) -> Line | None:
        """The line holding the page title (its first occurrence), or None. ``text``: the
        text ``lines`` index (its indents tell hard-wrapped lines, never title guesses)."""
        body = [ln for ln in lines if ln.text]
        if not body:
            return None
        # a headline ending in ？/！ passes is_prose; it is not the article's first line
        # (dev2 "…长期占道 你家楼下有吗？" under a site name)
        # (dev2 e010); below a headline-sized line it is the article's opening question
        # ("住房分配货币化的必要性" / "为什么说…的方向呢？", People's Daily)
        first_prose, seen_head = len(body), False
        for i, ln in enumerate(body):
            title_like = _title_like(ln.text, self.max_chars)
            if is_prose(ln.text) and not (title_like and not seen_head and i + 1 < len(body)):
                first_prose = i
                break
            seen_head = seen_head or (title_like and cjk_count(ln.text) >= 8)
        # the article's prose (topic words of a title: _off_topic)
        # paragraph-length lines only (40+ characters, clean.lines' anchors): short prose-like
        # chrome below the article ("下篇新闻：…！") made a newsletter prompt "on topic" through
        # "新闻" and it took the title (DEV7 d7_011, wording-blind view)
        prose_lines = [ln.text for ln in body[first_prose:] if is_prose(ln.text)]
        prose = article_prose(prose_lines)
        # 1. the markup hint, whole or its longest part before/after a site name
        if hint:
            whole = norm_line(hint)
            for i, ln in enumerate(body):
                if norm_line(ln.text) == whole and not _list_like(ln.text):
                    # a window title "<headline><sep><site>" over the bare headline: the headline
                    # (an Evernote clip keeps the window title as a line, held-out v14 h14_003)
                    bare = self._bare_of_site_title(body[i:], prose)
                    return bare if bare is not None else ln
            # of the parts ("标题 - 站点名"), the one whose line stands nearest above the
            # article: the site name is page header, the headline sits on the article
            # (DEV4 d4_011 "走持续发展之路 - 泰州市人民政府网": the longer part is the site)
            parts = {norm_line(p) for p in _SITE_SEP_RE.split(hint) if len(p) >= 4}
            found = [ln for ln in body[:first_prose + 1] if norm_line(ln.text) in parts] \
                or [ln for ln in body if norm_line(ln.text) in parts]
            # a part sharing no topic word with the article is the site (DEV5 d5_004 "标题 @ 博客名")
            found = [ln for ln in found if not _off_topic(ln.text, prose)] or found
            if found:
                best_key = norm_line(found[-1].text) if found[-1].index < body[min(first_prose, len(body) - 1)].index \
                    else max((norm_line(ln.text) for ln in found), key=len)
                return next(ln for ln in body if norm_line(ln.text) == best_key)
        # 1b. title stuffing: a title-like line standing alone on the page and also glued to
        # the end of a finished paragraph ("…责任。——<headline>", "…深入。<headline>"): a
        # CMS or spam template writing the page title into the text. Its first standalone
        # copy is the title, wherever the first paragraph stands (session 18: a spam line over
        # the menu made the first "paragraph" the page's first line and the headline, shown
        # twice and glued twice, went as a running head or repeated template; held-out
        # v4-v7 People's Daily pages)
        stuffed = self._stuffed_title(body)
        if stuffed is not None:
            return stuffed
        # 2. the line repeated most as a standalone line, near the top
        limit = max(3, int(len(body) * self.top_share))
        # the repeat counts are read only for the lines up to the first paragraph: count
        # just their keys (a title-like test per line of the page was half of this stage)
        needed = {norm_line(ln.text) for ln in body[:min(limit, first_prose + 1)]}
        counts: dict[str, int] = {}
        for ln in body:
            k = norm_line(ln.text)
            if k in needed and _title_like(ln.text, self.max_chars):
                counts[k] = counts.get(k, 0) + 1
        best = None
        for i, ln in enumerate(body[:limit]):
            if i > first_prose:
                # a title is shown above the article; a line first repeated below it is a
                # forum reply or list item said twice (dev2 e018 "涨知识了")
                break
            key = norm_line(ln.text)
            c = counts.get(key, 0)
            # a repeated line off the article's topic is a site/blog name or a spam header
            # shown as header and footer (DEV5 d5_004/d5_016 in the wording-blind view took
            # the title; the headline went as "header below title")
            if c >= 2 and (best is None or c > best[0]) and not _off_topic(ln.text, prose):
                best = (c, ln)
        if best:
            return best[1]
        # 2b. a scraped <title> printed on the page ("<headline>_<site>": a notebook printing
        # the page's title element, held-out v12) whose headline part stands alone on a later
        # line: that line is the title, as with a markup hint (step 1)
        bare = self._bare_of_site_title(body, prose)
        if bare is not None:
            return bare
        # 3. the last heading-like line above the first paragraph (nearest to it),
        # among the first lines of the page
        # Not a dated line or a byline (news-app/WeChat account lines "原创 作者 号名
        # 2024-02-08 13:15 发表于广东", "中国青年报记者 李然", dev2); of the rest the
        # longest: site and account names above or below a headline are shorter (dev2
        # "法治一线", "绿野软件园"; seed 000/004 headers went in clean.chrome/spam);
        # preferring the lines that share topic words with the article
        # not a line a hard wrap broke off the next one (its first piece is longer than the
        # headline: DEV9 d9_023's OCR'd page, "“人间正道是沧桑，在今天的法庭上…" over "…警醒自己。")
        # (session 15: by width too, not only on indented pages: a text browser's dump has no
        # indents, and the first wrapped line of its lead, "美丽的鄱阳湖畔，一部讲述农村改革…《",
        # took the title from the headline under a blank line; held-out v11 h11_025)
        wrapped = {ln.index for ln in wrapped_lines(text, body)} if text is not None else set()
        top = [ln for ln in body[:min(first_prose, self.max_header + 1)] if ln.index not in wrapped]
        guess = topical_headline_guess(top, prose, self.max_chars)
        return self._unlabelled(guess, body) if guess is not None else None

    def _stuffed_title(self, body: list[Line]) -> Line | None:
        """The first standalone copy of a line that is also glued to the end of a finished
        paragraph (title stuffing), or None. Glued: the paragraph, :attr:`min_glued_rest`+
        characters before the copy, ends like prose right before it (after at most a dash,
        bar or space of glue). The copy is title-like, :data:`STUFFED_MIN_CJK`+ Chinese
        characters, and stands alone above the first paragraph it is glued to."""
        ends: dict[str, int] = {}  # candidate tail -> index in body of the first paragraph it ends
        alone: dict[str, int] = {}
        for i, ln in enumerate(body):
            # is_prose first: find_title has it cached for every line; the CJK count of a
            # paragraph is new work (this loop was ~40 % of clean.title on plain articles)
            if not is_prose(ln.text) and cjk_count(ln.text) >= STUFFED_MIN_CJK:
                alone.setdefault(norm_line(ln.text), i)
        if not alone:
            return None
        for i, ln in enumerate(body):
            s = ln.text
            if len(s) < self.min_glued_rest + STUFFED_MIN_CJK or not is_prose(s):
                continue
            for k, j in alone.items():
                if j < i and k not in ends and s.endswith(body[j].text):
                    rest = s[:-len(body[j].text)].rstrip(_GLUE_CHARS)
                    if len(rest) >= self.min_glued_rest and ends_like_prose(rest):
                        ends[k] = i
        for k in ends:
            ln = body[alone[k]]
            if _title_like(ln.text, self.max_chars) and not _byline_like(ln.text):
                return ln
        return None

    @staticmethod
    def _with_site(s: str, title: str, key: str, n: str | None = None) -> bool:
        """The line is the title (``title``, normalised ``key``) and a site name after a
        separator."""
        n = norm_line(s) if n is None else n
        return n.startswith(key) and len(n) - len(key) <= 20 and bool(_SITE_SEP_RE.match(s[len(title):] or " ")) \
            and not is_prose(s)

    #: longest site name after a scraped title (step 2b of :meth:`find_title`)
    MAX_SITE_SUFFIX = 12

    def _bare_of_site_title(self, body: list[Line], prose: str) -> Line | None:
        """The first line showing alone the headline part of a "<headline><sep><site>" line
        above it (one site separator, a headline of 8+ Chinese characters, a site name of
        2-12 characters), on the article's topic; None without one."""
        for k, ln in enumerate(body):
            s = ln.text
            if len(s) > self.max_chars + self.MAX_SITE_SUFFIX:
                continue
            parts = _SITE_SEP_RE.split(s)
            if len(parts) != 2:
                continue
            head, site = norm_line(parts[0]), norm_line(parts[1])
            if cjk_count(head) < 8 or not 2 <= len(site) <= self.MAX_SITE_SUFFIX or is_prose(s):
                continue
            bare = next((b for b in body[k + 1:] if norm_line(b.text) == head), None)
            if bare is not None and not _off_topic(bare.text, prose):
                return bare
        return None

    @staticmethod
    def _unlabelled(title: Line, body: list[Line]) -> Line:
        """The guessed headline is a label plus the title that a later line shows alone
        ("标题 [新闻] 拉美地区经济增长将放慢" over "拉美地区经济增长将放慢", DEV4 PTT
        reposts), or the title plus a suffix (a file name's extension and slide count): the
        later, bare line is the title; the labelled one goes as header."""
        key = norm_line(title.text)
        for ln in body:
            if ln.index <= title.index:
                continue
            k = norm_line(ln.text)
            if len(k) < len(key) and key.endswith(k) and cjk_count(k) >= 6:
                return ln
            # or the title plus a file or site suffix the later line lacks ("<title>.pptx — 共6张
            # 幻灯片" over a title slide "<title>"): the suffix opens with no Chinese character
            if len(k) < len(key) and key.startswith(k) and cjk_count(k) >= 6 and not _CJK_CHAR_RE.match(key, len(k)):
                return ln
            # the bare title may end in "！" (DEV4 d4_024 "站名 > 栏目 > <title>！" over
            # "<title>！"): tested before the prose line that ends the header
            if is_prose(ln.text):
                break
        return title

    #: longest label or path in front of a repeated title (below)
    MAX_TITLE_PREFIX = 20

    @classmethod
    def _labelled_repeat(cls, s: str, title: str) -> bool:
        """The line is the title behind a label or a path: "标题：<title>" (a form label,
        DEV4 d4_011/d4_026: above the headline, where the header rule skips it because the
        title ends in "!"), "站名 > 栏目 > <title>" (a breadcrumb ending in the headline, DEV4
        d4_024). The prefix is short, holds no sentence end and ends in a colon or a path
        separator; the title ends the line."""
        if not s.endswith(title) or len(s) == len(title):
            return False
        rest = s[:-len(title)].rstrip()
        return 0 < len(rest) <= cls.MAX_TITLE_PREFIX and rest[-1] in "：:" + SEPARATORS \
            and not any(ch in rest for ch in "。！？!?；;")

    def process(self, doc: Document) -> list[Edit]:
        text = doc.text
        lines = lines_of(text)
        title = self.find_title(lines, doc.info.get("title_hint"), text)
        if title is None:
            return []
        key = norm_line(title.text)
        doc.info["title"] = title.text
        spans = []
        above = [ln for ln in lines[:title.index] if ln.text]
        short_header = len(above) <= self.max_header
        header_keys = set()
        for ln in above:
            if short_header and not is_prose(ln.text):
                s, e = line_span(text, ln)
                spans.append((s, e, Reason.NAV, "header above title"))
                header_keys.add(norm_line(ln.text))
            elif self._labelled_repeat(ln.text, title.text):
                s, e = line_span(text, ln)
                spans.append((s, e, Reason.TITLE, "title with a label or path"))
            elif self._with_site(ln.text, title.text, key):
                s, e = line_span(text, ln)
                spans.append((s, e, Reason.TITLE, "title with site name"))
        # between the headline and the first prose line: short sentence-less lines are
        # account/site names, user names and follow buttons (dev2 "法治一线", "用户a1b2");
        # numbered section headings stay
        for ln in lines[title.index + 1:]:
            s = ln.text
            if not s:
                continue
            if is_prose(s) or len(spans) > 40:
                break
            if not punct_count(s) and not ends_like_prose(s) and not _NUMBERED_HEAD_RE.match(s) and norm_line(s) != key \
                    and (len(s) <= 12 or (len(s) <= 40 and _LABEL_START_RE.match(s))):
                # also "软件类别：国产软件 / 免费软件" facts of download pages (label of <= 6)
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.NAV, "header below title"))
        # the header printed again lower down: a running head over every page of a scanned
        # or paginated text ("湘西团结报　　2024年7月12日　星期一", DEV9 ocrpdf pages)
        # Between paragraphs only: a repeat at the page bottom is a footer, context the later
        # stages read (dev d023's spam header/footer pair, wording-blind view)
        if header_keys:
            last_prose = next((ln.index for ln in reversed(lines) if ln.text and is_prose(ln.text)), -1)
            for ln in lines[title.index + 1:last_prose]:
                if ln.text and not is_prose(ln.text) and norm_line(ln.text) in header_keys:
                    a, b = line_span(text, ln)
                    spans.append((a, b, Reason.NAV, "running head"))
        tt = title.text
        k0 = tt[0]  # = key[0]: both are stripped, and norm_line only drops whitespace
        for ln in lines[title.index + 1:]:
            s = ln.text
            # every rule below needs the line to open like the title (n.startswith(key),
            # s.startswith(tt)) or to end with it: one test instead of norm_line per line
            if not s or (s[0] != k0 and not s.endswith(tt)):
                continue
            n = norm_line(s)
            if n == key:
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.TITLE, "title repeated"))
            elif self._labelled_repeat(s, tt):
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.TITLE, "title with a label or path"))
            elif self._with_site(s, tt, key, n):
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.TITLE, "title with site name"))
            elif n.startswith(key) and _PAGE_TAIL_RE.match(n, len(key)):
                # the title over a later page of the same text ("<title>（第2/2页）", "<title>（2）")
                a, b = line_span(text, ln)
                spans.append((a, b, Reason.TITLE, "title with a page counter"))
            elif s.endswith(title.text) and (len(s) - len(title.text) >= self.min_glued_rest
                                             or ends_like_prose(s[:-len(title.text)])):
                # a short sentence keeps its full stop before the glued title (dev2
                # "第一，扩大覆盖面。<title>"); a dash or bar joining the title to a finished
                # sentence goes with it ("…文艺节目。——<title>", DEV5 d5_020, DEV4 d4_011:
                # the "——" left behind made the paragraph look unfinished)
                rest = s[:-len(title.text)]
                glue = len(rest) - len(rest.rstrip(_GLUE_CHARS))
                if not glue or not ends_like_prose(rest[:-glue].rstrip()):
                    glue = 0
                spans.append((ln.rstrip - len(title.text) - glue, ln.rstrip, Reason.TITLE, "title glued to paragraph"))
            elif s.startswith(title.text) and len(title.text) >= 8 and is_prose(s[len(title.text):]) \
                    and len(s) - len(title.text) >= self.min_glued_rest:
                spans.append((ln.lstrip, ln.lstrip + len(title.text), Reason.TITLE, "title glued to paragraph"))
        return removals(self, spans)



#: a piece of a stitched line: this many characters found verbatim in another line
STITCH_PIECE = 8
#: share of a line's characters covered by pieces of other lines
STITCH_COVER = 0.6
#: a stitched line is at least this long
STITCH_MIN_CHARS = 20
#: words of its own between two pieces: at least this many characters ("，文中还提到")
STITCH_JOIN = 4


def stitched_lines(texts: list[str]) -> list[int]:
    """Indices into ``texts`` (the page's kept non-blank lines) of lines pieced together
    from the article's other lines: an automatic summary ("这篇报道讲述了…，文中还提到…",
    held-out v10 h10_007/009/029) copies clauses of the article out of order and joins
    them with a few words of its own (session 15).

    A line (not the first, the headline) of :data:`STITCH_MIN_CHARS`+ characters is
    stitched when all of these hold:

    * pieces of :data:`STITCH_PIECE`+ characters found verbatim in the other lines cover
      at least :data:`STITCH_COVER` of it;
    * the pieces come from lines all below it or all above it (a summary stands apart
      from what it sums up; a recap paragraph of an article draws on both sides);
    * two consecutive pieces are joined by :data:`STITCH_JOIN`+ characters of its own and
      taken from the article in reverse order (a lead that repeats two sentences of the
      article copies them in order, or with nothing between);
    * its own words (outside the pieces) name the text (:data:`_SELF_REFERENCE_RE`:
      "这篇报道", "文中", "文章指出"): a summary talks about the article, a lead repeating
      two sentences of it does not (the stress audit's inews dev:13 and dev:81 leads);
    * three or more other lines are prose paragraphs.

    On the gold pages of seeds, dev..dev9 and held-out v10/v11 it cuts nothing (leads
    that repeat later paragraphs take their pieces in order or from one line).
    """
    n = len(texts)
    if n < 4:
        return []
    out = []
    for k in range(1, n):
        s = texts[k]
        m = len(s)
        # its own words name the text (tested on the whole line first: cheap, rare)
        if m < STITCH_MIN_CHARS or not _SELF_REFERENCE_RE.search(s) or not is_prose(s):
            continue
        others = texts[:k] + texts[k + 1:]
        joined = "\n".join(others)
        pieces: list[tuple[int, int]] = []
        i = 0
        while i + STITCH_PIECE <= m:
            if s[i:i + STITCH_PIECE] not in joined:
                i += 1
                continue
            j = i + STITCH_PIECE
            while j < m and s[i:j + 1] in joined:
                j += 1
            pieces.append((i, j))
            i = j
        if len(pieces) < 2 or sum(b - a for a, b in pieces) < STITCH_COVER * m:
            continue
        # the line each piece comes from (first holder), in page numbering
        src = []
        for a, b in pieces:
            q = next(x for x, t in enumerate(others) if s[a:b] in t)
            src.append(q if q < k else q + 1)
        if not (all(q > k for q in src) or all(q < k for q in src)):
            continue
        if not any(pieces[x + 1][0] - pieces[x][1] >= STITCH_JOIN and src[x + 1] < src[x]
                   for x in range(len(pieces) - 1)):
            continue
        own = "".join(s[b:a] for (_, b), (a, _) in zip([(0, 0)] + pieces, pieces + [(m, m)]))
        if not _SELF_REFERENCE_RE.search(own):
            continue
        if sum(1 for t in others if len(t) >= STITCH_MIN_CHARS and is_prose(t)) >= 3:
            out.append(k)
    return out


#: words naming the text itself ("这篇报道", "文中", "文章指出"): a summary talks about the article
_SELF_REFERENCE_RE = re.compile("文章|本文|文中|该文|全文|这篇|此文|报道|这则|本篇")
