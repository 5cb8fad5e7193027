"""clean.seo: keyword found from keyword lines, removed inside sentences, topic terms kept."""
from __future__ import annotations

import pytest

from nlp.clean.base import repeated_phrase
from nlp.document import Reason

P1 = "近日，有市民反映称：横门冲口门片区福日升厂废气排放刺鼻以及冲口门水闸周边路段尘土飞扬。"
P2 = "南朗镇人大办高度重视，针对上述问题，镇人大办组织横门周边地区的6位人大代表对厂区进行视察。"
P3 = "当日，代表们首先对福日升厂的厂房、车间、仓库备料及废气排放等相关情况进行了现场查看。"


@pytest.mark.parametrize(("line", "phrase"), [
    ("抖音客服电话95152怎么转人工,抖音客服电话", "抖音客服电话"),   # seed 000
    ("美团外卖商家入驻（美团外卖商家入驻最新）", "美团外卖商家入驻"),
    ("支付宝客服电话是多少,支付宝客服电话", "支付宝客服电话"),
    ("通过抖音购物如何维护消费者权益", None),                        # seed 001 title
    ("建立分级标准,构建优质正向内容生态", None),
])
def test_seo_repeated_phrase(line, phrase):
    assert repeated_phrase(line, min_len=4) == phrase


def _inject(p, kw, at):
    return p[:at] + kw + p[at:]


def test_seo_injected_keyword_removed_sentence_kept(clean_pipeline):
    kw = "京东客服电话人工服务"
    page = "\n".join(["横门片区尘土飞扬问题引关注", _inject(P1, kw, 12), f"{kw}是多少,{kw}", _inject(P2, kw, 20),
                      f"{kw}（{kw}最新）", _inject(P3, kw, 9)])
    doc = clean_pipeline.run(page)
    assert [ln for ln in doc.text.splitlines() if ln] == ["横门片区尘土飞扬问题引关注", P1, P2, P3]
    assert doc.info["seo_keywords"] == [kw]
    inline = [e for e in doc.edits if e.note.startswith("injected keyword")]
    assert len(inline) == 3 and all(e.reason is Reason.SEO and e.text == kw for e in inline)


def test_seo_topic_term_in_keyword_line_kept(clean_pipeline):
    """A phrase that opens clauses is the page's topic, even if a line states it twice."""
    topic = "人大代表"
    p = [f"{topic}对厂区进行视察，{topic}提出整改意见。", f"据了解，{topic}还走访了周边村民。",
         f"随后，{topic}召开座谈会，听取有关部门的情况汇报。"]
    doc = clean_pipeline.run("\n".join(["南朗镇人大代表视察横门片区", *p, f"{topic}在行动,{topic}"]))
    assert all(x in doc.text for x in p)


@pytest.mark.parametrize("seed,term", [("003", "知识产权"), ("001", "信息安全"), ("002", "信息安全"), ("000", "抖音电商")])
def test_seo_seed_topic_terms_kept(cleaned_seeds, seed, term):
    """Repeated topic terms are not SEO (a frequency-only rule removed them)."""
    doc = cleaned_seeds[seed]
    assert term in doc.text
    assert not any(e.reason is Reason.SEO and term in e.text for e in doc.edits)
