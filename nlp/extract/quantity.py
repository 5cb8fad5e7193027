"""Quantity normalisation: a numeral as written -> (value in base units, qualifier).

Follows shared/ANNOTATION.md and corpora/extract conventions:

- ``97.1万`` -> 971000.0; ``1.8亿`` -> 180000000.0; ``8000万`` + ``元`` -> 80000000.0;
  ``十二`` -> 12.0; ``两万`` -> 20000.0; ``一百零五`` -> 105.0; ``三万五`` -> 35000.0;
- percentages stay in percent: ``15.38`` + ``%`` -> 15.38; ``百分之十二点零七`` -> 12.07;
  ``万分之一`` -> 0.01; ``三成`` (unit 成, tens of percent) -> 30.0; ``5‰`` -> 0.5;
- ranges as written, value = midpoint, qualifier ``~``: ``3至5万`` -> 40000.0;
  adjacent digits are a range too: ``两三`` -> 2.5 (never 23), ``七八成`` -> 75.0;
- approximation inside the numeral (``200多``, ``1.2万余``, ``十几``, ``十来``) -> the
  written base value with qualifier ``~``; ``几十``/``数百`` -> value None, ``~``;
- qualifiers in the surrounding text: 超/超过/逾/突破 ``>``, 以上/至少 ``>=``, 以下 ``<=``,
  近/约/左右/接近 ``~``, 不足/不到/低于 ``<``, none/达/为 ``=``.

Arithmetic is done in :class:`decimal.Decimal`, so ``16.4亿`` is exactly
1640000000.0 (binary floats give 1639999999.9999998).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["Quantity", "QUALIFIERS", "parse_quantity", "parse_number", "numeric_key", "base_unit",
           "qualifier_from_context"]

#: the closed set of qualifiers (shared/ANNOTATION.md, optional fields)
QUALIFIERS = (">", ">=", "<", "<=", "~", "=")

_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "两": 2, "俩": 2,
           "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
           "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 兆 is a magnitude like 万亿 in Taiwan usage (ANNOTATION.md, Units)
_BIG = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8, "兆": 10 ** 12}
_MAGNITUDE_CHARS = "".join(_SMALL) + "".join(_BIG)
#: approximation suffixes that may sit inside a numeral (200多, 1.2万余, 十几, 十来)
_APPROX_CHARS = "多余几来许"
_RANGE_SEP = re.compile(r"(?<=\S)\s*(?:至|到|~|～|〜|-|－|—|–)\s*(?=[\d一二两三四五六七八九十百千万亿〇零几数])")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_PERCENT_UNITS = {"%", "％", "percent"}
_FRACTION = re.compile(r"^(.+?)分之(.+)$")

# Units starting with 千/百 that are real units, not a magnitude + unit (千克 is kg).
_SI_KILO = ("千克", "千米", "千瓦", "千帕", "千焦", "千卡", "千伏", "千兆", "千字节", "百分点", "百帕")
_UNIT_MAGNITUDES = (("万亿", 10 ** 12), ("千亿", 10 ** 11), ("百亿", 10 ** 10), ("十亿", 10 ** 9),
                    ("亿", 10 ** 8), ("千万", 10 ** 7), ("百万", 10 ** 6), ("十万", 10 ** 5),
                    ("万", 10 ** 4), ("千", 10 ** 3), ("百", 10 ** 2))

# Qualifier words, longest first so 不超过 wins over 超过 and 超.
_BEFORE = sorted({
    "超过": ">", "超出": ">", "突破": ">", "逾": ">", "超": ">", "高于": ">", "多于": ">",
    "至少": ">=", "最少": ">=", "不少于": ">=", "不低于": ">=", "起码": ">=",
    "不足": "<", "不到": "<", "低于": "<", "少于": "<", "未满": "<", "不满": "<", "跌破": "<",
    "最低": ">=", "最高": "<=",
    "最多": "<=", "至多": "<=", "不超过": "<=", "不超": "<=", "不多于": "<=", "不高于": "<=", "不大于": "<=",
    "不小于": ">=", "破": ">",
    "近": "~", "约": "~", "接近": "~", "大约": "~", "大概": "~", "将近": "~", "约合": "~", "差不多": "~",
    "近乎": "~", "约为": "~",
    "达": "=", "达到": "=", "为": "=", "是": "=",
}.items(), key=lambda kv: -len(kv[0]))
# one-character qualifier words that are the end of another word when these characters precede them:
# 签约/节约/合约 + 3个 is a count of contracts, 最近/附近 + 3年 a period (annotators I and J, session 8:
# build.py read ~ from 签约N个 and 最近N年); 将近/接近/大约 are qualifier words of their own (_BEFORE)
_WORD_ENDS = {"约": set("签节合条契制公违履解预邀婚缔践要纽特相赴"), "近": set("最附邻靠贴亲临"),
              # 打破/击破/攻破 + 3项纪录 are counts; 突破/跌破 are qualifier words of their own
              "破": set("打击攻识点看说爆残冲戳捅划撕侦告")}
# 过 = "exceeds" before a bare magnitude or 半 (过半, 过千万, 产值过亿); after a verb it is an aspect
# marker (受过3次处分), so only these numerals take it
_GUO = re.compile(r"^(?:半|[百千万亿])")
# a bound or approximation word before a short verb still qualifies the number: 至少造成11人,
# 最多可容纳, 约占45.8%, 大概有500万元, 几乎翻了一番; not 约谈3家 / 约见 (verbs of their own)
_BOUND_VERB = re.compile(r"(至少|最少|起码|最多|至多|约|大约|大概|大致|几乎)([\u4e00-\u9fff]{1,3})$")
# 最高/最低/最大 bound the number before a verb or modal (最高给予15万元, 最高可达, 最低跌到7.55元,
# 最大涨幅为20%, 最低时仅卖, 最高的每人) but not before a noun: 最高气温17摄氏度 and 最大墩高36米 are the
# maximum itself, 最高法/最高人民法院 a court
_TOP_VERB = re.compile(r"(最高|最大|最低)([给可达上下触跌涨罚奖补能将会时也的][\u4e00-\u9fff]{0,3})$")
_BOUND_QUAL = {"至少": ">=", "最少": ">=", "起码": ">=", "最低": ">=", "最多": "<=", "至多": "<=",
               "最高": "<=", "最大": "<="}
_BOUND_NOT = re.compile(r"^(?:的$|[谈见定束请稿好会])")
_AFTER = sorted({
    "以上": ">=", "之上": ">=", "开外": ">=", "以下": "<=", "之下": "<=", "以内": "<=", "之内": "<=",
    "左右": "~", "上下": "~", "多": "~", "余": "~", "上方": ">", "下方": "<", "出头": ">",
}.items(), key=lambda kv: -len(kv[0]))
# 多/余 after the unit mean "more than" (1个多月, 3万元余) unless they start a word
# (3人多次, 5家多方, 2笔余额)
_AFTER_WORD_STARTS = re.compile(r"^(?:多[次项个种家名人方元地部条起位所样些数少]|余[额下量])")
# 0.5元起充 / 100元起: 起 = "from"; not 起诉, 起草, 起火 …
_AFTER_QI = re.compile(r"^起(?:$|[，,。；;、\s）)]|[充售购步跳订价])")
# 上万个 / 上千人 / 成千上万: 上 before a bare magnitude = "as many as"
_SHANG = re.compile(f"^[十百千万亿]")


@dataclass(slots=True, frozen=True)
class Quantity:
    """A parsed quantity.

    Attributes:
        value (float | None): value in base units (percent for %, 成, 百分之…);
            None when the numeral has no definite value (几十, 数百).
        qualifier (str): one of :data:`QUALIFIERS`.
    """

    value: float | None
    qualifier: str = "="


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "").strip()


def _clean_numeral(s: str) -> str:
    s = _nfkc(s).replace(" ", "")
    # thousands separators (46,251 / 1,2345) and the full stop used as a decimal point
    s = re.sub(r"(?<=\d)[,，](?=\d)", "", s)
    # People's Daily (1998) writes the decimal point as a middle dot: ２３·２
    s = re.sub(r"(?<=\d)[·•・](?=\d)", ".", s)
    return s.replace("點", "点")


def _parse_simple(s: str) -> Decimal | None:
    """One numeral without range/approximation: Arabic, Chinese or mixed."""
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return Decimal(s)
    # digit-by-digit readings (二〇二一, 一九九八): 3+ digits and no positional character
    if len(s) >= 3 and all(c in _DIGITS for c in s):
        return Decimal("".join(str(_DIGITS[c]) for c in s))
    total = Decimal(0)        # completed value of big-unit sections
    section = Decimal(0)      # value below the current big unit
    num: Decimal | None = None
    num_digits = 0            # Chinese digits read into num (for 三万五)
    last_unit = 0             # last positional unit seen, for the colloquial tail
    last_big = 0
    zero_seen = False
    has_point = False
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        m = _ARABIC.match(s, i)
        if m:
            if num is not None:
                return None
            num = Decimal(m.group())
            has_point = has_point or "." in m.group()
            num_digits = len(m.group().replace(".", "")) if "." not in m.group() else 9
            i = m.end()
            continue
        if c in _DIGITS:
            d = _DIGITS[c]
            if d == 0:
                zero_seen = True
                i += 1
                continue
            if num is not None:  # 二十二 handled by units; a bare second digit is malformed
                return None
            num = Decimal(d)
            num_digits = 1
            i += 1
            continue
        if c == "点" or c == ".":
            # Chinese decimal: the fraction digits are read one by one (十二点零七)
            if has_point:
                return None  # 1.2.3 is a version or a date, not a number
            has_point = True
            j = i + 1
            frac = ""
            while j < n and (s[j] in _DIGITS or s[j].isdigit()):
                frac += str(_DIGITS[s[j]]) if s[j] in _DIGITS else s[j]
                j += 1
            if not frac:
                return None
            whole = section + (num or 0)
            section = Decimal(0)
            num = whole + Decimal("0." + frac)
            num_digits = 9  # never a colloquial tail
            i = j
            continue
        if c in _SMALL:
            u = _SMALL[c]
            section += (num if num is not None else Decimal(1)) * u
            num = None
            last_unit = u
            zero_seen = False
            i += 1
            continue
        if c in _BIG:
            u = _BIG[c]
            section += num if num is not None else 0
            num = None
            if section == 0 and total == 0:
                section = Decimal(1)  # bare magnitude: 万, 亿 (the 亿 of 万亿 multiplies the 万)
            if last_big and u > last_big:   # 万亿: the magnitude multiplies everything before it
                total = (total + section) * u
            else:                           # 3亿5000万: a lower section
                total += section * u
            last_big = u
            last_unit = u
            section = Decimal(0)
            zero_seen = False
            i += 1
            continue
        return None
    if num is not None:
        # colloquial tail: 三万五 = 35000, 一千二 = 1200 (not after 零: 一百零五 = 105)
        if last_unit and not zero_seen and num_digits == 1 and num == num.to_integral_value():
            num = num * (Decimal(last_unit) / 10)
        section += num
    value = total + section
    if value == 0 and not zero_seen and "0" not in s:
        return None
    return value


def _magnitude_suffix(s: str) -> str:
    """Trailing magnitude characters of a numeral (``5万`` -> ``万``; ``5千万`` -> ``千万``)."""
    m = re.search(f"[{_MAGNITUDE_CHARS}]+$", s)
    return m.group() if m else ""


def _has_magnitude_after_digit(s: str) -> bool:
    return bool(re.search(f"[{_MAGNITUDE_CHARS}]", s))


_ADJ_PAIR = re.compile("([一二两三四五六七八])([二两三四五六七八九])")


def _adjacent_range(s: str) -> tuple[str, str] | None:
    """``两三`` / ``三四十`` / ``十七八`` / ``七八成``: two consecutive digits are a range."""
    for m in _ADJ_PAIR.finditer(s):
        a, b = _DIGITS[m.group(1)], _DIGITS[m.group(2)]
        if b != a + 1:
            continue
        # part of a digit-by-digit run (二〇二三): not a range
        before = s[m.start() - 1] if m.start() > 0 else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if before in _DIGITS or after in _DIGITS:
            continue
        return s[: m.start()] + m.group(1) + s[m.end():], s[: m.start()] + m.group(2) + s[m.end():]
    return None


_SLASH_FRACTION = re.compile(r"^(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
#: half of a whole written as a word (a share: 50 %)
_HALVES = ("一半", "半", "半数")
#: a share in tenths and hundredths written with 成: 二成五 = 25 %
_TENTHS = re.compile(r"([一二两三四五六七八九十])成([一二三四五六七八九])")
# a duration written in years and months: 4年9(个月), 一年零六(个月), 两年半, 1年2个月
_DURATION = re.compile(r"^(?P<y>[^年月]+?)年(?:零|又)?(?:(?P<half>半)|(?P<m>[^年月个]+?)(?:个)?(?:月)?)?$")


def _duration_months(s: str) -> Decimal | None:
    """Months in ``4年9`` / ``一年零六个月`` / ``两年半`` / ``3年`` (None when ``s`` is no such duration)."""
    m = _DURATION.match(s)
    if not m:
        return None
    years = _parse_simple(m.group("y"))
    if years is None:
        return None
    months = Decimal(6) if m.group("half") else Decimal(0)
    if m.group("m"):
        mv = _parse_simple(m.group("m"))
        if mv is None or mv >= 12:
            return None
        months = mv
    return years * 12 + months


def _duration(s: str, unit: str) -> Decimal | None:
    """``s`` as a duration in ``unit`` (months for 个月/月, years for 年 or no unit), or None."""
    if "年" not in s or unit not in ("个月", "月", "年", ""):
        return None
    months = _duration_months(s)
    if months is None:
        return None
    return months if unit in ("个月", "月") else months / 12


#: the kind of sentence written before the second side of a range (有期徒刑四年至拘役五个月)
_SENTENCE_KIND = re.compile(r"^(?:拘役|有期徒刑|管制)")


def _side_value(s: str, unit: str) -> Decimal | None:
    """One side of a range: a duration in the unit's terms, else any numeral :func:`parse_number` reads."""
    s = _SENTENCE_KIND.sub("", s)
    d = _duration(s, unit)
    return d if d is not None else parse_number(s)[0]


def parse_number(text: str, unit: str = "") -> tuple[Decimal | None, bool, bool]:
    """Parse a numeral as written into ``(value, approximate, is_range)``.

    Handles Arabic (full-width too) and Chinese numerals, magnitudes, decimals,
    ranges (midpoint), approximation characters and fractions (``三分之一`` -> 1/3).
    The value is unitless: percentages and 成 are applied by :func:`parse_quantity`.

    Args:
        text (str): e.g. ``"1.2万余"``.
        unit (str): the unit written after it; read only for durations (``4年9`` + ``个月`` -> 57,
            ``两年半`` -> 2.5 years, ``1年到两年半`` -> 1.75).

    Returns:
        tuple: ``(Decimal | None, approximate, is_range)``.
    """
    s = _clean_numeral(text)
    if not s:
        return None, False, False
    unit = _nfkc(unit)
    # explicit ranges first (each side with its own sign, unit and approximation: -10%至20,
    # 百分之十六至百分之十八, 4年9个月至9, 5000元到5万, 几百元至二三千, １／５到２／３)
    sign = s[0] if s[0] in "-−" else ""
    parts = _RANGE_SEP.split(s[len(sign):])
    if len(parts) == 2:
        lo_s, hi_s = sign + parts[0], parts[1]
        # a unit written on both sides (150万元至200万) belongs to neither numeral
        lo_bare = re.sub(r"[^\d.一二两三四五六七八九十百千万亿零〇点年月半]+$", "", lo_s)
        if lo_bare.endswith("月") and not lo_bare.endswith("个月"):
            lo_bare = lo_bare[:-1]
        suffix = _magnitude_suffix(hi_s)
        if suffix and lo_bare == lo_s and not _has_magnitude_after_digit(lo_s) and "年" not in lo_s:
            lo_bare += suffix
        lo, hi = _side_value(lo_bare, unit), _side_value(hi_s, unit)
        if lo is None or hi is None:
            return None, True, True
        return (lo + hi) / 2, True, True
    if len(parts) > 2:
        return None, True, True
    d = _duration(s, unit)
    if d is not None:
        return d, False, False
    neg = False
    if s[0] in "-−负":
        neg, s = True, s[1:]
    elif s.startswith("零下"):  # temperatures: 零下３５ = -35
        neg, s = True, s[2:]
    if not s:
        return None, False, False
    elif s[0] == "+":
        s = s[1:]
    approx = False
    # indefinite numerals: 几十, 数百万, 上千 -> the written magnitude, approximate
    # (as 200多 -> 200; annotator A's convention: 数十万 -> 100000.0)
    m_ind = re.match(r"^(?:好几|几|数|上|成)(?=[十百千万亿])", s)
    if m_ind:
        v = _parse_simple(s[m_ind.end():])
        return (None if v is None else (-v if neg else v)), True, False
    if re.match(r"^若干", s):
        return None, True, False
    # approximation characters inside the numeral (never the first character)
    stripped = s[0] + re.sub(f"[{_APPROX_CHARS}]", "", s[1:])
    if stripped != s:
        approx = True
        s = stripped
    if s in _HALVES:  # half: a share, like N分之M (半 + a unit is 0.5 of it: 半年)
        return Decimal("0.5"), approx, False
    s = re.sub(r"(?<=[\d一二两三四五六七八九十百千])个(?=[万亿])", "", s)  # 20个亿 = 20亿
    if s.endswith("把") and len(s) > 1 and s[-2] in _MAGNITUDE_CHARS:  # 万把块 / 百把人: about
        s, approx = s[:-1], True
    sm = _SLASH_FRACTION.match(s)
    if sm:  # 1/3, １／３ (NFKC): a share, like N分之M
        den = Decimal(sm.group(2))
        if den == 0:
            return None, approx, False
        v = Decimal(sm.group(1)) / den
        return (-v if neg else v), approx, False
    cm = _TENTHS.fullmatch(s)
    if cm:  # 二成五 = 25 %: the share in tenths
        return Decimal(_DIGITS.get(cm.group(1), 10) * 10 + _DIGITS[cm.group(2)]) / 100, approx, False
    # ratios 2.37∶1 / 3:1 -> the quotient
    rm = re.fullmatch(r"(.+?)[∶:比](.+)", s)
    if rm:
        a, _, _ = parse_number(rm.group(1))
        b, _, _ = parse_number(rm.group(2))
        if a is None or not b:
            return None, approx, False
        return (-(a / b) if neg else a / b), approx, False
    # N分之M fractions (value as a share, not yet in percent)
    fm = _FRACTION.match(s)
    if fm:
        den, _, _ = parse_number(fm.group(1))
        numer, _, _ = parse_number(fm.group(2))
        if den in (None, 0) or numer is None:
            return None, approx, False
        v = numer / den
        return (-v if neg else v), approx, False
    pair = _adjacent_range(s)
    if pair:
        lo, hi = _parse_simple(pair[0]), _parse_simple(pair[1])
        if lo is not None and hi is not None:
            v = (lo + hi) / 2
            return (-v if neg else v), True, True
    v = _parse_simple(s)
    if v is None:
        return None, approx, False
    return (-v if neg else v), approx, False


def _split_unit_magnitude(unit: str) -> tuple[int, str]:
    """``万元`` -> (10000, ``元``); ``千克`` -> (1, ``千克``); ``亿人次`` -> (1e8, ``人次``)."""
    u = _nfkc(unit)
    if not u or u.startswith(_SI_KILO):
        return 1, u
    for prefix, mult in _UNIT_MAGNITUDES:
        if u.startswith(prefix) and len(u) > len(prefix):
            return mult, u[len(prefix):]
    return 1, u


def _is_share(q: str, unit: str) -> bool:
    """A numeral that is a share of a whole with no unit (三分之一, 1/3, 一半, 半数, 二成五): in percent."""
    if unit:
        return False
    q = q.lstrip("-−负")
    return bool(_FRACTION.match(q) or re.search(r"\d/\d", q) or q in _HALVES or _TENTHS.fullmatch(q))


def base_unit(quantity: str, unit: str) -> str:
    """The unit a value is expressed in after normalisation.

    Percent-like forms share ``%`` (``%``, ``成``, ``‰``, ``百分之…``, ``万分之…``);
    ``个百分点`` and ``百分点`` share ``百分点``; magnitude prefixes are moved into the
    value (``万元`` -> ``元``).
    """
    q = _clean_numeral(quantity)
    mult, u = _split_unit_magnitude(unit)
    if u in _PERCENT_UNITS or u in ("成", "折", "‰", "‱"):
        return "%"
    if _is_share(q, u) or (not u and q.endswith("成")):
        return "%"
    if u in ("个百分点", "百分点"):
        return "百分点"
    return u


def _round(v: Decimal) -> float:
    # 12 significant digits removes any trace of decimal division noise (1/3)
    # while keeping every value a report writes (16.4亿 -> 1640000000.0)
    if v == 0:
        return 0.0
    q = v.quantize(Decimal(1).scaleb(v.adjusted() - 11)) if abs(v.adjusted()) < 30 else v
    return float(q)


def qualifier_from_context(before: str = "", after: str = "") -> str | None:
    """The qualifier the words around a numeral express, or None.

    Args:
        before (str): text right before the numeral (only its end is read).
        after (str): text right after the numeral *and its unit*.
    """
    b = _nfkc(before).rstrip(" ，,")
    a = _nfkc(after)
    for word, q in _BEFORE:
        if b.endswith(word):
            if len(b) > len(word) and b[-len(word) - 1] in _WORD_ENDS.get(word, ()):
                break   # 签约 / 最近: the character ends another word, no qualifier
            if q != "=":
                return q
            break
    if _AFTER_QI.match(a):
        return ">="
    if not _AFTER_WORD_STARTS.match(a):
        for word, q in _AFTER:
            if a.startswith(word):
                return q
    # 至少造成１１人 / 最多可容纳… / 最高给予 / 约占 (an after word wins: 约有40%以上 is >=)
    m = _BOUND_VERB.search(b) or _TOP_VERB.search(b)
    if m and not _BOUND_NOT.match(m.group(2)):
        word = m.group(1)
        start = m.start(1)
        if not (word == "约" and start > 0 and b[start - 1] in _WORD_ENDS["约"]):
            return _BOUND_QUAL.get(word, "~")
    return None


def parse_quantity(quantity: str, unit: str = "", before: str = "", after: str = "") -> Quantity:
    """Normalise one annotated quantity.

    Args:
        quantity (str): the numeral as written (``97.1万``, ``十二``, ``3至5万``).
        unit (str): its unit (``人``, ``%``, ``成``, ``万元``, ``个百分点``).
        before (str): sentence text before the numeral (for 超/近/不足/约…).
        after (str): sentence text after the numeral; a leading ``unit`` is skipped
            (for 以上/以下/左右…).

    Returns:
        Quantity: ``value`` in base units (None when indefinite or unparseable) and
        ``qualifier``.

    Example:
        >>> parse_quantity("16.4亿", "元")
        Quantity(value=1640000000.0, qualifier='=')
        >>> parse_quantity("3至5万", "人")
        Quantity(value=40000.0, qualifier='~')
    """
    q = _clean_numeral(quantity)
    u = _nfkc(unit)
    if not u and len(q) > 1 and q.endswith("成") and q[-2] not in "成":
        q, u = q[:-1], "成"  # 三成 written as one token: 成 is the unit (ANNOTATION.md, Units)
    a = _nfkc(after)
    if u and a.startswith(u):
        a = a[len(u):]
    value, approx, is_range = parse_number(q, u)
    mult, bare = _split_unit_magnitude(u)
    if value is None and bare == "折" and re.fullmatch(r"[一二三四五六七八九][一二三四五六七八九]", q):
        value = Decimal(_DIGITS[q[0]] * 10 + _DIGITS[q[1]])  # 九五折 = 95 % of the price
    elif value is not None:
        value *= mult
        if _is_share(q, u):
            value *= 100  # N分之M, 1/3, 一半 -> percent
        elif bare == "折" and value < 10:
            value *= 10   # 8.5折 = 85 % of the price (95折 is already 95)
        elif bare == "成":
            value *= 10
        elif bare in ("‰",):
            value /= 10
        elif bare in ("‱",):
            value /= 100
    ctx = qualifier_from_context(before, a)
    if ctx is None:
        b = _nfkc(before)
        if b.endswith("上") and _SHANG.match(q):
            ctx = ">="
        elif b.endswith("过") and _GUO.match(q):
            ctx = ">"
    if ctx is not None:
        qual = ctx
    elif approx or is_range:
        qual = "~"
    else:
        qual = "="
    return Quantity(None if value is None else _round(value), qual)


def numeric_key(quantity: str, unit: str) -> tuple:
    """Key under which two (quantity, unit) pairs are numerically equivalent.

    ``numeric_key("1.8亿", "元") == numeric_key("18000万", "元")``;
    ``numeric_key("十二", "人") == numeric_key("12", "人")``;
    ``numeric_key("8000", "万元") == numeric_key("8000万", "元")``.
    A numeral with no definite value falls back to its normalised text.
    """
    value = parse_quantity(quantity, unit).value
    bu = base_unit(quantity, unit)
    if value is None:
        return ("text", _clean_numeral(quantity), _nfkc(unit))
    return ("value", value, bu)
