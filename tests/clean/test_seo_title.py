"""clean.seo: the window title "<title>_<site>" is the title, not a keyword line.

Held-out v14 h14_003 (used up after the session-17 release scoring): a court report whose
window title (removed by clean.chrome as site chrome) opens with the headline. Its head, the
company the report is about, was taken for an injected keyword and cut from the headline and
four sentences; the page also carries a real injected keyword, which must still go.
"""
from __future__ import annotations

import pytest

from dev_pages import dev_page, kept_lines
from nlp import Pipeline

COMPANY = "安徽茶叶进出口有限公司"


@pytest.fixture(scope="module")
def page():
    raw, gold = dev_page("heldout14", "h14_003")
    pipe = Pipeline()
    return pipe.process([pipe.make_doc(raw)])[0], gold


def test_company_in_headline_and_sentences_stays(page):
    doc, gold = page
    kept = kept_lines(doc)
    assert kept[0] == gold[0]  # the headline, with the company, is line 1
    seo = [e for e in doc.edits if e.stage == "clean.seo"]
    assert not any(COMPANY in e.text for e in seo)
    gold_with = [g for g in gold if COMPANY in g]
    assert len(gold_with) >= 3 and all(g in kept for g in gold_with if "公积金" not in g)


def test_real_injected_keyword_on_the_same_page_still_goes(page):
    doc, _ = page
    assert "公积金租房提取额度" not in doc.text
    assert any(e.stage == "clean.seo" and e.text == "公积金租房提取额度" for e in doc.edits)

