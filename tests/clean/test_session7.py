"""Session-7 fixes of the clean stages (issue 8), on real dev pages and tricky lines.

Most checks run the *wording-blind* pipeline (clean.chrome and clean.spam off: a page
in unseen wording as the structural stages see it) and check the must-keep side too.
"""
from __future__ import annotations

import pytest

from nlp.clean.base import lines_of
from nlp.clean.seo import SeoKeywordCleaner

from dev_pages import dev_page, kept_lines


@pytest.fixture(scope="module")
def blind_pipeline():
    """convert + the structural clean stages only (clean.chrome / clean.spam off)."""
    from nlp.clean.lines import BLIND_STAGES
    from nlp.config import Config
    from nlp.pipeline import Pipeline

    return Pipeline(Config.load(overrides={"pipeline.stages": BLIND_STAGES + ["clean.lines", "clean.layout"]}))


@pytest.mark.parametrize("split, pid, kw", [("dev5", "d5_020", "美团外卖人工客服"),
                                            ("dev6", "d6_011", "支付宝花呗怎么关闭")])
def test_keyword_line_with_a_query_tail_gives_the_injected_head(blind_pipeline, split, pid, kw):
    # the keyword line is "<kw>热线号码查询" / "<kw>保姆级教程"; the sentences carry <kw> only
    raw, gold = dev_page(split, pid)
    out = kept_lines(blind_pipeline.run(raw))
    assert not any(kw in line for line in out)
    assert all(g in out for g in gold if len(g) >= 40)  # the paragraphs come out exact


def test_head_of_a_heading_that_is_a_topic_term_stays():
    # the heading's head (菜篮子工程) is the article's term: used in clauses with its
    # words elsewhere ("菜篮子" alone), so it is no injected phrase
    text = ("菜篮子工程建设进展\n"
            "今年以来，全市菜篮子工程稳步推进，蔬菜基地面积扩大到三万亩，保障了市民的菜篮子。\n"
            "各区县把菜篮子工程列入重点，新建的菜篮子工程基地已有十二处投入使用，价格保持平稳。\n")
    assert SeoKeywordCleaner().keywords(text, lines_of(text), None) == []


def test_head_needs_two_following_characters():
    cleaner = SeoKeywordCleaner()
    prose = "新中国成美团外卖人工客服立以后\n国务院领导同志美团外卖人工客服还有"
    assert cleaner._injected_head("美团外卖人工客服热线号码查询", prose) == "美团外卖人工客服"
    # a head the prose always continues the same way is a longer term: keywords() drops it
    text = "美团外卖人工客服查\n" + prose.replace("\n", "。\n") + "。\n"
    assert "美团外卖人工客" not in cleaner.keywords(text, lines_of(text), None)
    assert cleaner._injected_head("美团外卖热线", prose) is None
