"""Quantity-candidate gate: does a sentence hold anything that could be a reported quantity?

Every tuple has a quantity (shared/ANNOTATION.md, "One tuple per reported quantity"), and the
quantity is a numeral as written: Arabic or full-width digits, Chinese digits and magnitudes
(``十二``, ``97.1万``, ``百分之十二点零七``, ``上千``, ``近半``). A sentence with no numeral
character at all, or whose numeral characters all sit in contexts the guide says are *never*
quantities, cannot yield a tuple, so :class:`nlp.extract.model.ModelExtractor` returns ``[]`` for it
without running the network (option ``skip_without_quantity``, on by default).

The test is deliberately conservative: a context is removed only when the guide (or
corpora/extract/GUIDE_NOTES.md) rules it out whatever the rest of the sentence says, and the
pattern cannot swallow a real numeral next to it (a masked stretch never contains the digits of a
neighbouring number: ``1万一千`` keeps ``1`` and ``千`` even though ``万一`` is masked):

* words where the numeral character is not a number (GUIDE_NOTES, "Every sentence with a digit or
  a Chinese numeral was taken, except words where the numeral character is not a number (十分,
  一些, 一定, 一直, 统一, 进一步)"; the guide's 之一): :data:`NON_NUMERAL_WORDS`; words an
  indefinite count can hide in (一起 = "together" or "one case", 一番 = "once" or "doubled",
  一个, 一下) are NOT in the list;
* ordinals ``第三``, ``第1``; dates and times of day ``2019年``, ``一九九八年``, ``3月15日``,
  ``年3月``, ``90年代``, ``10时30分``, weekdays and lunar days (guide: "dates and periods",
  "ordinals and ranks"; GUIDE_NOTES: "times of day");
* numbers inside 《titles》, labels ``80后``, ``5G``, ``G20``/``PM2.5`` (a Latin letter glued in
  front of the digits), URLs and e-mail addresses, mobile and landline phone numbers (guide:
  "numbers inside titles or names", "identifiers: phone numbers, codes, versions, URLs").

Whatever is left that contains a numeral character (:data:`NUMERAL_CHARS`: digits, the Chinese
digits/magnitudes :mod:`nlp.extract.quantity` parses, 半) is a candidate. Checked over every
gold sentence of train, dev, dev2 and silver: no sentence with a gold tuple is judged
candidate-free (tests/extract/test_gate.py; models/extract/SPEED.md, session 6).
"""
from __future__ import annotations

import re

from .quantity import _BIG, _DIGITS, _SMALL

__all__ = ["NUMERAL_CHARS", "NON_NUMERAL_WORDS", "has_quantity_candidate", "quantity_candidates", "masked"]

#: characters a quantity as written is made of (besides . and approximation marks): ASCII and
#: full-width digits, the Chinese digits and magnitudes :func:`nlp.extract.quantity.parse_number`
#: reads, and 半 (一半 / 近半 / 半数 are quantities: GUIDE_NOTES)
NUMERAL_CHARS = "0123456789０１２３４５６７８９" + "".join(_DIGITS) + "".join(_SMALL) + "".join(_BIG) + "半"

#: words whose numeral character is not a number: adverbs, conjunctions, adjectives, set phrases,
#: place and brand names. Only words that never denote a count, whatever follows them.
NON_NUMERAL_WORDS = (
    # GUIDE_NOTES' list and the guide's 之一, with their common relatives (adverbs/conjunctions)
    "一些", "一定", "一直", "统一", "进一步", "之一", "唯一", "万一", "一旦", "一样", "一般", "一切", "一致",
    "同一", "一律", "一再", "一同", "一向", "一贯", "一并", "一概", "一举", "一味", "一齐",
    "一边", "一方面", "一体", "一系列", "一时", "一心", "一流", "一线", "一带", "一经",
    "一路", "一早", "一旁", "一侧", "一端", "一手", "一口气", "一下子", "一如既往", "一目了然", "一成不变",
    "一模一样", "一丝不苟", "千篇一律", "万无一失", "独一无二", "一清二楚", "一干二净", "数一数二",
    "一举两得", "三番五次", "四面八方", "五湖四海", "七上八下", "乱七八糟", "十全十美", "千方百计",
    "千家万户", "万众一心", "五脏六腑", "接二连三", "一带一路", "一把手", "一体化", "专一",
    "十足", "十字", "万物", "万众", "百姓", "百货", "百科", "百度", "千秋", "秋千",
    "值得一提", "三甲", "两岸", "两会", "两者", "两手", "两极", "再三", "三农", "三伏", "零售", "零件", "零部件", "零食", "零星",
    "零散", "零碎", "零钱", "凋零", "零距离", "半导体", "半岛", "半径", "半夜", "半决赛", "多半", "上半年",
    "下半年", "上半场", "下半场",
    # place and company names
    "四川", "三亚", "十堰", "九江", "三明", "万州", "七台河", "五指山", "三门峡", "二连浩特", "四平",
    "九寨沟", "三峡", "万达", "万科", "三星", "一汽", "五粮液",
    # names, holidays, instance levels (guide: numbers inside names; GUIDE_NOTES: 十五大)
    "十九大", "十八大", "二十大", "十五大", "十六大", "十七大", "五一", "五四", "八一", "一审", "二审",
)

_NUM = "0-9０-９"
_CN = "〇零一二两三四五六七八九十"
_WEEK = "一二三四五六日天"

#: (characters one of which the context must contain, pattern): a pattern runs only on sentences
#: holding one of its characters (a substring test), so most sentences run a few regexes only
_MASKS = [
    # 十分 (very) unless 十分钟 (ten minutes) or 十分之一 (a fraction)
    ("十", r"十分(?![钟之])"),
    # 一度 (at one time) unless 一度电 (one kWh); 万分 (extremely) unless 万分之一 (a fraction)
    ("度", r"一度(?!电)"), ("万", r"万分(?!之)"),
    # 千万 (by all means) before a negation/imperative, not after a numeral (3千万)
    ("千", rf"(?<![{_NUM}{_CN}百千万亿数几])千万(?=[不别要记务])"),
    # 一点 (a bit) unless a decimal (一点五) or a time (一点钟)
    ("点", rf"一点(?![{_NUM}{_CN}钟])"),
    # ordinals: 第三, 第1, 第十二届
    ("第", rf"第[{_NUM}{_CN}百千万]+"),
    # dates: 4-digit years (1998年, １９９６年), digit-by-digit Chinese years (一九九八年), decades (90年代)
    ("年", rf"(?<![{_NUM}.．])(?:1[5-9]|20|１[５-９]|２０)[{_NUM}]{{2}}年(?!龄)"),
    ("年", rf"(?<![{_CN}])[〇零一二三四五六七八九]{{4}}年"),
    ("代", rf"[{_NUM}{_CN}]+年代"),
    # month + day (3月15日, 十二月三日), month after a year (年3月), month + 份/底/初/中旬...
    ("月", rf"(?:[{_NUM}]{{1,2}}|[{_CN}]{{1,3}})月(?:[{_NUM}]{{1,2}}|[{_CN}]{{1,3}})[日号]"),
    ("月", rf"(?<=年)(?:[{_NUM}]{{1,2}}|[{_CN}]{{1,3}})月"),
    ("月", rf"(?:[{_NUM}]{{1,2}}|[{_CN}]{{1,3}})月(?=份|底|初|末|中旬|上旬|下旬)"),
    # times of day: 10时30分, 8点30分, 晚上8点
    ("分", rf"[{_NUM}]{{1,2}}[时点][{_NUM}]{{1,2}}分"),
    ("时点", rf"(?<=上午|下午|晚上|凌晨|早上|中午|傍晚)[{_NUM}{_CN}]{{1,3}}[时点]"),
    # ISO-style dates (2018-02-19, 2018/2, 2018.2.19) and clock times (10:00, 0:37)
    ("-/.", r"(?<![0-9.])(?:19|20)[0-9]{2}(?:[-/][0-9]{1,2}(?:[-/][0-9]{1,2})?|\.[0-9]{1,2}\.[0-9]{1,2})(?![0-9])"),
    (":：", rf"(?<![{_NUM}.．])[0-2０-２]?[{_NUM}][:：][0-5０-５][{_NUM}](?![{_NUM}])"),
    # quarters (guide: 一季度 is a period)
    ("季", r"[一二三四1-4１-４]季度"),
    # list markers (GUIDE_NOTES: counts of the text's own structure, list markers 一、 1.): at the
    # sentence start or after punctuation: 一是, 二、, （三）, 1、
    ("是、", rf"(?<![^，,；;。：:\s“”（()）])(?:[一二三四五六七八九十]+[是、]|[0-9０-９]{{1,2}}、)"),
    ("（(", r"[（(][一二三四五六七八九十]{1,3}[）)]"),
    # weekdays, lunar days
    ("期拜", rf"(?:星期|礼拜)[{_WEEK}]"), ("周", rf"周[{_WEEK}](?=[，,、至到上下晚早凌中（(]|$)"),
    ("初", rf"(?<![年月])初[一二三四五六七八九十]{{1,2}}(?![{_NUM}{_CN}个多余])"),
    # 80后 / 九〇后 (generation labels)
    ("后", rf"(?<![{_NUM}{_CN}.．])[{_NUM}〇零一二三四五六七八九][0０〇]后"),
    # titles
    ("《", r"《[^》]{0,60}》"),
    # identifiers: URLs, e-mail, Latin letters glued in front of digits (G20, PM2.5, MH370, Win10), 5G;
    # not when the digits end in a percent sign: a name glued to a share is a share (supercelloy84.3%, ROE15%)
    ("/w", r"(?:https?://|www\.)[\w./?=&%#:+-]+"), ("@", r"[\w.+-]+@[\w-]+\.[\w.]+"),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
     r"[A-Za-z]+[A-Za-z0-9]*[0-9]+(?:\.[0-9]+)?(?![0-9.．%％])[A-Za-z0-9]*"),
    ("G", rf"(?<![{_NUM}.．A-Za-z])[2-6]G(?![A-Za-z0-9])"),
    # phone numbers: mobile 1[3-9]xxxxxxxxx, landline 0xx(x)-xxxxxxx(x)
    ("1", rf"(?<![{_NUM}])1[3-9][0-9]{{9}}(?![{_NUM}])"), ("-－", r"(?<![0-9])0[0-9]{2,3}[-－][0-9]{7,8}(?![0-9])"),
]

# one regex per context, each run on the original sentence and their spans united (a lookbehind
# such as (?<=年) must see the text, not an earlier mask). One alternation of everything was ~10x
# slower: a leading lookbehind in any branch defeats the engine's first-character prefilter.
_WORDS_RE = re.compile("|".join(sorted((re.escape(w) for w in NON_NUMERAL_WORDS), key=len, reverse=True)))
_MASK_RES = [(tuple(chars), re.compile(p)) for chars, p in _MASKS]
_NUMERAL_RE = re.compile(f"[{re.escape(NUMERAL_CHARS)}]")


def _mask_spans(sentence: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _WORDS_RE.finditer(sentence)]
    for chars, rx in _MASK_RES:
        if any(c in sentence for c in chars):
            spans += [m.span() for m in rx.finditer(sentence)]
    return spans


def masked(sentence: str) -> str:
    """``sentence`` with every never-a-quantity context replaced by spaces (same length)."""
    chars = list(sentence)
    for s, e in _mask_spans(sentence):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def quantity_candidates(sentence: str) -> list[int]:
    """Character offsets of the numeral characters left after :func:`masked` (for tests and reports)."""
    return [m.start() for m in _NUMERAL_RE.finditer(masked(sentence))]


def has_quantity_candidate(sentence: str) -> bool:
    """True when ``sentence`` may hold a reported quantity (a numeral outside the masked contexts)."""
    if not _NUMERAL_RE.search(sentence):    # most prose: one C-level scan, no masking
        return False
    return _NUMERAL_RE.search(masked(sentence)) is not None
