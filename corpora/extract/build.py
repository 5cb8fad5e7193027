"""Merge the annotators' raw files into frozen train/dev/test splits, validating as we go.

    python corpora/extract/build.py            # writes corpora/extract/{train,dev,dev2,test}.jsonl

Input: every ``corpora/extract/raw/*.jsonl`` (one sentence a line, see README.md).
Split rule (corpora/extract conventions, by DOCUMENT, never by sentence):
seed-000 -> test, seed-002 -> dev, seed-001 / seed-004 -> train; any other doc:
``int(sha1(doc).hexdigest(), 16) % 10`` in {0, 1, 2} -> test, 3 -> dev, else train.

dev2 (session 5): 216 dev sentences (~285 tuples) were too few to choose between models
(per-epoch dev strict F1 moved 3-6 points), so a second dev split is carved out of the
TRAIN documents of the session-4 annotators (``annot_c``: inews, ``annot_d``: People's
Daily) — never out of dev or test, whose files stay byte-identical. Per source, those
documents are ordered by ``sha1("dev2/" + doc)`` and taken in that order until they hold
:data:`DEV2_SHARE` of the source's C/D train sentences (:func:`dev2_documents`): a
deterministic, document-level, stratified ~27 % sample. The C/D files were final when
this was written (session 4 closed them), so membership is fixed.

Validation problems are printed for the annotators and the lead, never fixed
silently: a record with a structural error (missing field, field not a substring
of its sentence, invalid qualifier, duplicate id with different content) is left
out of the splits and listed; a value or qualifier that disagrees with
``nlp.extract.quantity.parse_quantity`` is kept as annotated and listed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from nlp.extract.quantity import QUALIFIERS, parse_quantity  # noqa: E402
from nlp.io.writers import write_jsonl_atomic  # noqa: E402

FIELDS = ("actor", "action", "quantity", "unit")
SEED_SPLITS = {"seed-000": "test", "seed-003": "test", "seed-002": "dev", "seed-001": "train", "seed-004": "train"}
MIN_CHARS = 6  # conventions: drop sentences shorter than 6 characters
#: annotator files whose train documents feed dev2, and the share of their sentences moved there
DEV2_ANNOTATORS = ("annot_c", "annot_d")
DEV2_SHARE = 0.27
SPLITS = ("train", "dev", "dev2", "test")


def split_of(doc: str) -> str:
    """The split a document belongs to (see module docstring)."""
    if doc in SEED_SPLITS:
        return SEED_SPLITS[doc]
    h = int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 10
    return "test" if h in (0, 1, 2) else "dev" if h == 3 else "train"


def dev2_documents(records: list[dict], share: float = DEV2_SHARE) -> set[str]:
    """The documents of ``records`` (train-split records of :data:`DEV2_ANNOTATORS`) that form dev2.

    Per source (stratified: inews / People's Daily), documents in ``sha1("dev2/" + doc)``
    order until their sentences reach ``share`` of the source's sentences.
    """
    by_src: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        by_src[r["source"]][r["doc"]] += 1
    chosen: set[str] = set()
    for src, docs in sorted(by_src.items()):
        total, taken = sum(docs.values()), 0
        for doc in sorted(docs, key=lambda d: hashlib.sha1(f"dev2/{d}".encode()).hexdigest()):
            if taken >= share * total:
                break
            chosen.add(doc)
            taken += docs[doc]
    return chosen


def locate(text: str, quantity: str, unit: str) -> tuple[int, int]:
    """Where a tuple's quantity sits: the first occurrence followed by its unit, else the first."""
    if not quantity:
        return -1, -1
    start = 0
    first = -1
    while True:
        i = text.find(quantity, start)
        if i < 0:
            break
        if first < 0:
            first = i
        if text.startswith(unit, i + len(quantity)):
            # skip a match that is the tail of a longer numeral (the 3 in 13)
            if i == 0 or not (text[i - 1].isdigit() or text[i - 1] in "."):
                return i, i + len(quantity)
        start = i + 1
    return first, (first + len(quantity)) if first >= 0 else -1


def check_record(rec: dict) -> tuple[list[str], list[str]]:
    """(errors, warnings) of one record. Errors exclude the record from the splits."""
    errors: list[str] = []
    warnings: list[str] = []
    for key in ("id", "doc", "source", "text", "tuples"):
        if key not in rec:
            errors.append(f"missing field {key!r}")
    if errors:
        return errors, warnings
    text = rec["text"]
    if not isinstance(text, str) or len(text.strip()) < MIN_CHARS:
        errors.append(f"sentence shorter than {MIN_CHARS} characters")
    if text != text.strip():
        warnings.append("text has surrounding whitespace")
    if not str(rec["id"]).startswith(str(rec["doc"])):
        warnings.append(f"id {rec['id']!r} does not start with doc {rec['doc']!r}")
    if not isinstance(rec["tuples"], list):
        return errors + ["tuples is not a list"], warnings
    for k, t in enumerate(rec["tuples"]):
        where = f"tuple {k}"
        for f in FIELDS:
            v = t.get(f)
            if not isinstance(v, str):
                errors.append(f"{where}: field {f!r} missing or not a string")
            elif v and v not in text:
                errors.append(f"{where}: {f}={v!r} is not a substring of the sentence")
        if not t.get("quantity"):
            errors.append(f"{where}: empty quantity")
        qual = t.get("qualifier")
        if qual not in QUALIFIERS:
            errors.append(f"{where}: qualifier {qual!r} not one of {' '.join(QUALIFIERS)}")
        if errors:
            continue
        s, e = locate(text, t["quantity"], t["unit"])
        parsed = parse_quantity(t["quantity"], t["unit"], text[:s], text[e:])
        value = t.get("value")
        if value is None and parsed.value is not None:
            warnings.append(f"{where}: value missing; parser reads {t['quantity']}{t['unit']} as {parsed.value}")
        elif value is not None and parsed.value is None:
            warnings.append(f"{where}: value {value} but parser cannot read {t['quantity']!r}")
        elif value is not None and abs(float(value) - parsed.value) > 1e-6 * max(1.0, abs(parsed.value)):
            warnings.append(f"{where}: value {value} != parser {parsed.value} for {t['quantity']}{t['unit']}")
        if qual != parsed.qualifier:
            warnings.append(f"{where}: qualifier {qual} != parser {parsed.qualifier} for "
                            f"…{text[max(0, s - 4):s]}[{t['quantity']}{t['unit']}]{text[e + len(t['unit']):e + len(t['unit']) + 3]}…")
    return errors, warnings


def build(raw_dir: Path = HERE / "raw", out_dir: Path = HERE, *, quiet: bool = False,
          show_test: bool = False) -> dict:
    """Merge, validate and split; returns counts and the lists of problems."""
    out: dict[str, list[dict]] = {split: [] for split in SPLITS}
    seen: dict[str, tuple[str, dict]] = {}
    problems: list[str] = []
    notes: list[str] = []
    files = sorted(raw_dir.glob("*.jsonl"))
    for path in files:
        annotator = path.stem
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path.name}:{ln}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{where}: invalid JSON ({exc.msg})")
                    continue
                errors, warnings = check_record(rec)
                rid = rec.get("id", "?")
                if warnings and not show_test and split_of(str(rec.get("doc", ""))) == "test":
                    # annotators run this script: a CHECK line quotes the sentence, and test text is not theirs to read
                    warnings = [f"{len(warnings)} check(s) on a test-split record (text hidden; --show-test prints them)"]
                for w in warnings:
                    notes.append(f"{where} {rid}: {w}")
                if errors:
                    problems.extend(f"{where} {rid}: {e} (record left out)" for e in errors)
                    continue
                if rid in seen:
                    prev_where, prev = seen[rid]
                    same = prev["text"] == rec["text"] and prev["tuples"] == rec["tuples"]
                    problems.append(f"{where} {rid}: duplicate id (first at {prev_where}); "
                                    + ("identical, kept once" if same else "DIFFERENT content, second left out"))
                    continue
                if rec["doc"] == "seed-003":
                    notes.append(f"{where} {rid}: doc seed-003 is the same article as seed-000 (conventions)")
                seen[rid] = (where, rec)
                rec = dict(rec)
                rec["annotator"] = annotator
                out[split_of(rec["doc"])].append(rec)
    # dev2: a stratified document sample of the session-4 annotators' train documents
    moved = dev2_documents([r for r in out["train"] if r["annotator"] in DEV2_ANNOTATORS])
    out["dev2"] = [r for r in out["train"] if r["doc"] in moved]
    out["train"] = [r for r in out["train"] if r["doc"] not in moved]
    # an evaluation sentence must not be trained on under another document id: People's Daily prints some
    # articles twice (pd-6079 in dev, pd-6080 the same text), inews has reposts
    leaked = leaked_train(out)
    if leaked:
        out["train"] = [r for r in out["train"] if r["id"] not in leaked]
        for rid, split in sorted(leaked.items()):
            notes.append(f"train {rid}: same text as a {split} sentence, left out of train")
    # a document must not be annotated by both annotators under different sentence ids
    doc_annot: dict[str, set[str]] = defaultdict(set)
    for recs in out.values():
        for r in recs:
            doc_annot[r["doc"]].add(r["annotator"])
    for doc, who in sorted(doc_annot.items()):
        if len(who) > 1:
            notes.append(f"doc {doc} annotated in several files: {sorted(who)}")
    for split, recs in out.items():
        write_jsonl_atomic(out_dir / f"{split}.jsonl", recs)
    counts = summarise(out)
    if not quiet:
        for p in problems:
            print("ERROR  ", p)
        for n in notes:
            print("CHECK  ", n)
        print(f"\n{len(problems)} error(s) (records left out), {len(notes)} check(s) (kept as annotated)\n")
        print(format_counts(counts))
    return {"counts": counts, "problems": problems, "notes": notes, "files": [p.name for p in files]}


def _normal_text(text: str) -> str:
    """Text compared for leaks: NFKC (full-width digits of People's Daily), no spaces or punctuation."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


#: shorter sentences (headlines such as "（完）", "新华社电") may repeat across documents by chance
LEAK_MIN_CHARS = 10


def leaked_train(out: dict[str, list[dict]]) -> dict[str, str]:
    """Train record ids whose normalised text equals a dev, dev2 or test sentence's -> that split."""
    held = {}
    for split in SPLITS:
        if split != "train":
            for r in out[split]:
                held.setdefault(_normal_text(r["text"]), split)
    return {r["id"]: held[n] for r in out["train"]
            if len(n := _normal_text(r["text"])) >= LEAK_MIN_CHARS and n in held}


def summarise(out: dict[str, list[dict]]) -> dict:
    counts: dict = {}
    for split, recs in out.items():
        by_src: dict[str, Counter] = defaultdict(Counter)
        for r in recs:
            c = by_src[r["source"]]
            c["sentences"] += 1
            c["tuples"] += len(r["tuples"])
            c["empty"] += not r["tuples"]
        docs = {r["doc"] for r in recs}
        total = Counter()
        for c in by_src.values():
            total.update(c)
        counts[split] = {"docs": len(docs), **dict(total), "by_source": {s: dict(c) for s, c in sorted(by_src.items())}}
    return counts


def format_counts(counts: dict) -> str:
    lines = [f"{'split':6}{'docs':>6}{'sents':>7}{'tuples':>8}{'empty':>7}  by source (sentences/tuples)"]
    for split in SPLITS:
        c = counts[split]
        src = ", ".join(f"{s} {v.get('sentences', 0)}/{v.get('tuples', 0)}" for s, v in c["by_source"].items())
        lines.append(f"{split:6}{c['docs']:6d}{c.get('sentences', 0):7d}{c.get('tuples', 0):8d}"
                     f"{c.get('empty', 0):7d}  {src}")
    tot = {k: sum(counts[s].get(k, 0) for s in counts) for k in ("docs", "sentences", "tuples", "empty")}
    lines.append(f"{'total':6}{tot['docs']:6d}{tot['sentences']:7d}{tot['tuples']:8d}{tot['empty']:7d}")
    return "\n".join(lines)


# --- consistency lint (sessions 7-8, GUIDE_NOTES "Session-7/8 decisions") -----------------------------------------
# Each rule flags a sentence shape that the adjudication decided one way; a hit is a sentence to re-read, not an
# error (distributive scope counts, for instance, are legitimately annotated). Regexes are the ones the adjudicator
# used to count the A-D practice; they run on train/dev/dev2 records only — test-split records are skipped before
# their text is read, so the printed counts never describe the test gold.
_NUM = r"[0-9０-９．.·一二三四五六七八九十百千万亿两几多余数]+"
_CL = r"(?:个|家|名|位|项|所|座|条|种|户|人|只|批|起|件|类|宗|例)"
_AGG_HEAD = re.compile(r"(率|额|量|投资|收入|利润|价|价格|比重|产值|支出|规模|面积|增幅|增速|幅度|比例|成本|利税|税收|"
                       r"资产|余额|储量|产能|产量|销量|平均值|占比|收益|增加值|净利润|市值)$")
# a frame count: not after a demonstrative, an ordinal 第 or another digit; a set ending in 中/上 before a comma
# (`在…基础上` is not a set: excluded)
_FRAME = re.compile(r"(?<![这该述此第0-9０-９])(" + _NUM + r")" + _CL + r"[^，。；,：]{0,14}?(?<!基础)(?:中|当中|之中|上)[，,：]")
_ACTION_FORM = re.compile(r"[了着]|(?<![超越通经])过(?!剩)|^(共|累计|合计|已|将|可|仍|同比|环比|被|首次|成功|主动|全年)(?=.)"
                          r"|^(进行|予以|给予)$")
# streaks: 连续 (+ up to 3 characters, e.g. a verb) + N + a measure word of occasions or periods (连续派出６批)
_STREAK_UNITS = ("年", "次", "届", "批", "轮", "期", "天", "日", "周", "个月", "季度", "场", "个交易日")
LINT_RULES = {
    "S7-1 frame-base-unannotated": "base count of a locative frame (在…N家X中，) without a tuple",
    "S7-2 aggregate-scope-annotated": "count annotated at the head of an aggregate measured actor (check: distributive?)",
    "S7-3 demonstrative-count-annotated": "这/该/上述/此 + N annotated (anaphoric counts are not)",
    "S7-4 zhan-base-annotated": "base inside 占…的N% annotated",
    "S7-13 action-form": "aspect marker / adverb / light verb / 被 in an action",
    "S7-16 streak-annotated": "连续 + N annotated",
    "S8-1 existential-noun-empty": "subjectless 有 + noun + N with actor \"\" (the noun is the actor)",
    "S8-2 receive-subject-empty": "N (的) noun + 受到/得到/获得/遭到… with actor \"\" (the counted noun is the actor)",
    "S8-6 dimension-noun-dropped": "verbless NP + 全长/面积/里程… + N whose actor leaves the dimension noun out",
    "S8-7 label-actor": "a dateline or a generic colon label (原标题, 案例一, 摘要 …) used as the actor",
    "S8-9 verbless-count-place-actor": "verbless X + N + classifier + noun with X as actor (the counted noun is the actor)",
    "S8-12 distributive-adverb-actor": "人均/户均/亩均 … before the predicate used as (the end of) the actor",
}
# session 8 (GUIDE_NOTES "Session-8 decisions"): actor shapes
_RECEIVE = r"(?:受到|得到|获得|荣获|喜获|获准|遭到|遭受|获)"
_DIMENSION = (r"(?<![增延成提升生助拉])(?:全长|总长度|总长|长度|占地面积|建筑面积|总面积|面积|宽度|高度|海拔|直径|周长|"
              r"总里程|里程|跨度|总库容|库容量|库容|装机容量|厚度|深度)")
_LABEL_ACTOR = re.compile(r"^(?:原标题|来源标题|标题|摘要|导语|案例[一二三四五六七八九十0-9]*|典型案例[一二三四五六七八九十0-9]*|"
                          r"您的位置)$|本报.*讯|新华社.*电$")
# currency words that follow a unit without being the counted noun (`232.9亿元人民币`)
_NOT_COUNTED = ("人民币", "港币", "美元", "日元", "欧元", "左右", "以上", "以下", "多", "余")


def lint_record(rec: dict) -> list[str]:
    """The :data:`LINT_RULES` keys a (non-test) record hits, one entry per hit."""
    text, hits = rec["text"], []
    tuples = rec["tuples"]
    for t in tuples:
        q, u = t["quantity"], t["unit"]
        s, e = locate(text, q, u)
        if s < 0:
            continue
        before = text[max(0, s - 8):s]
        if re.search(r"连续第?[^，。；0-9０-９]{0,3}$", before) and u in _STREAK_UNITS:
            hits.append("S7-16 streak-annotated")
        if re.search(r"(这|该|上述|此|前述)$", before) and not re.match(r"[一]$", q):
            hits.append("S7-3 demonstrative-count-annotated")
        if re.search(r"占[^，。；]{0,25}$", text[max(0, s - 25):s]) and re.match(
                r"[^，。；]{0,20}?的" + _NUM + r"(%|％|成)", text[e:]):
            hits.append("S7-4 zhan-base-annotated")
        actor = t["actor"]
        if actor and _AGG_HEAD.search(actor) and text.startswith(actor, e + len(u)):
            hits.append("S7-2 aggregate-scope-annotated")
        if t["action"] and _ACTION_FORM.search(t["action"]):
            hits.append("S7-13 action-form")
        ue = e + len(u)
        act = t["action"]
        if act == "有" and not actor:
            i = text.rfind("有", 0, s)
            mid = text[i + 1:s] if i >= 0 else ""
            mid = re.sub(r"^(?:超过|超|近|约|达|将近|接近|不足|不到|逾|大约|共|总共|上|多达|仅)", "", mid)
            if i >= 0 and re.fullmatch(r"[\u4e00-\u9fff“”]{2,}", mid) and not re.search(r"[，。；,：]", mid):
                hits.append("S8-1 existential-noun-empty")
        if not actor and act and re.fullmatch(_RECEIVE, act) and re.match(
                r"(?:以上|以下|左右|多)?的?[\u4e00-\u9fff“”]{1,12}?(?:都|均|已|先后|也|还|全部|就)*" + re.escape(act),
                text[ue:]) and not re.match(r"(?:以上|以下|左右|多)?(?:都|均|已|先后|也|还|全部|就)*" + re.escape(act), text[ue:]):
            hits.append("S8-2 receive-subject-empty")
        if not act and actor and u:
            m = re.search(r"(" + _DIMENSION + r")(?:约|为|近|超过|逾|共|约为|仅)?$", text[:s])
            if m and not actor.endswith(m.group(1)) and text[:m.start()].endswith(actor):
                hits.append("S8-6 dimension-noun-dropped")
            after = re.match(r"[\u4e00-\u9fff]{1,8}(?=[，。；、,;]|$)", text[ue:])
            if (after and text[:s].endswith(actor) and not after.group(0).startswith(_NOT_COUNTED + ("的",))
                    and not re.search(r"(中|里|内|区间|计算)$|[及和与]", after.group(0))
                    and not re.search(_DIMENSION + "$", actor)):
                hits.append("S8-9 verbless-count-place-actor")
        if actor and _LABEL_ACTOR.search(actor):
            hits.append("S8-7 label-actor")
        if actor and act and re.search(r"(?:人均|户均|亩均|年均|日均)$", actor):
            hits.append("S8-12 distributive-adverb-actor")
    for m in _FRAME.finditer(text):
        q = m.group(1).lstrip("近约")
        if re.fullmatch(r"[一两几多余数]+", q):
            continue
        if not any(t["quantity"] and t["quantity"] in m.group(0) for t in tuples):
            hits.append("S7-1 frame-base-unannotated")
    return hits


def lint(raw_dir: Path = HERE / "raw") -> dict[str, dict[str, list[str]]]:
    """Lint hits per raw file: {file: {rule: [record ids]}}; test-split records are skipped unread."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(raw_dir.glob("*.jsonl")):
        per: dict[str, list[str]] = defaultdict(list)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # build() reports it
                if split_of(str(rec.get("doc", ""))) == "test" or check_record(rec)[0]:
                    continue
                for rule in lint_record(rec):
                    per[rule].append(rec["id"])
        out[path.name] = dict(per)
    return out


def format_lint(res: dict[str, dict[str, list[str]]], *, show: bool = False) -> str:
    """A table of lint hit counts per file and rule (train/dev/dev2 records only); ``show`` adds the record ids."""
    files = sorted(res)
    lines = ["consistency lint (GUIDE_NOTES session-7/8 decisions; train/dev/dev2 records, test skipped)",
             f"{'rule':38}" + "".join(f"{f.replace('annot_', '').replace('.jsonl', ''):>5}" for f in files)]
    for rule in LINT_RULES:
        lines.append(f"{rule:38}" + "".join(f"{len(res[f].get(rule, [])):5d}" for f in files))
        if show:
            for f in files:
                for rid in res[f].get(rule, []):
                    lines.append(f"    {f} {rid}")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=HERE / "raw")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--json", action="store_true", help="print counts and problems as JSON")
    ap.add_argument("--lint", action="store_true",
                    help="also list the record ids behind the consistency-lint counts (train/dev/dev2 only)")
    ap.add_argument("--show-test", action="store_true",
                    help="print the CHECK lines of test-split records in full (the lead; annotators see a count)")
    args = ap.parse_args()
    res = build(args.raw, args.out, quiet=args.json, show_test=args.show_test)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print()
        print(format_lint(lint(args.raw), show=args.lint))
