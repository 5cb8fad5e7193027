"""clean.title: title once as line 1, stuffing removed (seed 001), SEO lines are no titles (seed 000)."""
from __future__ import annotations

from nlp.document import Reason

T = "男子店铺外踩点 趁店主离开潜入店内实施盗窃"
P1 = "原来，该嫌疑男子姓徐，今年4月曾因“白日闯”盗窃被判处拘役4个月，今年8月刑满释放后，从山东滕州来到江苏泰州打工。"
P2 = "据嫌疑人交代，他之前已经到好几家店铺进行了踩点，但是店主的防范意识都比较强，都有随手上锁的习惯。"
P3 = "目前，犯罪嫌疑人徐某因涉嫌盗窃罪已被海陵警方依法刑事拘留，案件正在进一步审理中。"


def _lines(doc):
    return [ln for ln in doc.text.splitlines() if ln]


def test_title_stuffing_removed_glued_cut(clean_pipeline):
    """Title repeated as lines and glued to paragraph ends (seed 001 pattern, other words)."""
    page = "\n".join([T, P1 + T, T, P2, T, P3 + T, T])
    doc = clean_pipeline.run(page)
    assert _lines(doc) == [T, P1, P2, P3]
    assert doc.info["title"] == T
    assert all(e.reason is Reason.TITLE for e in doc.edits if T in e.text)


def test_title_question_title_kept(clean_pipeline):
    """A headline may end in ？ (dev d005) and still be the title repeated below."""
    t = "横门冲口门片区围堤路水闸、道路、堤坝尘土飞扬，点解决？"
    doc = clean_pipeline.run("\n".join([t, P1, t, P2, t, P3]))
    assert _lines(doc) == [t, P1, P2, P3]


def test_title_keyword_line_is_not_the_title(clean_pipeline):
    """A repeated SEO keyword line must not win over the headline (seed 000 / dev d011)."""
    kw = "微信视频号怎么开通"
    page = "\n".join(["某某新闻网", T, P1, f"{kw}怎么转人工,{kw}", P2, f"{kw}怎么转人工,{kw}", P3])
    doc = clean_pipeline.run(page)
    assert _lines(doc) == [T, P1, P2, P3]
    assert {e.reason for e in doc.edits if kw in e.text} == {Reason.SEO}


def test_title_from_html_hint(clean_pipeline):
    page = (f"<html><head><title>{T}_社会_某某网</title></head><body><div>某某网 | 登录 | 注册</div>"
            f"<h1>{T}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></body></html>")
    doc = clean_pipeline.run(page)
    assert _lines(doc) == [T, P1, P2, P3]
