"""clean.markup: front matter, HTML tags/entities, markdown, captions (seed 003 and tricky lines)."""
from __future__ import annotations

import pytest

from nlp.document import Reason
from nlp.pipeline import Pipeline

P1 = "12月23日，抖音电商发布《平台治理这一年》数据报告(以下简称“报告”)，全面盘点了2021年度该平台的治理工作进展及成果。"
P2 = "报告显示，抖音电商本年度已累计处罚了超97万个违规创作者，处罚违规商家超40万次，拦截了超9100万次违规商品发布。"


@pytest.fixture(scope="module")
def markup():
    return Pipeline(stages=["clean.markup", "clean.layout"])


def _lines(text):
    return [ln for ln in text.splitlines() if ln.strip()]


@pytest.mark.parametrize("fence,key", [("---", "title: "), ("+++", "title = ")])
def test_markup_front_matter_keeps_title(markup, fence, key):
    """YAML (seed 003) and TOML front matter go; the title value stays as line 1."""
    page = f'{fence}\nlayout: post\n{key}"抖音电商发布平台治理年终盘点"\ndate: 2021-12-23\n{fence}\n<p>{P1}</p>\n'
    doc = markup.run(page)
    assert _lines(doc.text) == ["抖音电商发布平台治理年终盘点", P1]
    assert doc.info["title_hint"] == "抖音电商发布平台治理年终盘点"
    assert {e.reason for e in doc.edits if e.note == "front matter"} == {Reason.MARKUP}


def test_markup_html_paragraphs_entities_and_inline_links(markup):
    page = ("<html><head><title>标题_财经_某网</title><meta name=\"keywords\" content=\"财经\"></head><body>"
            f"<h1>标题</h1><p>&nbsp;&nbsp;{P1[:20]}<a href=\"/tag/1.html\">抖音</a>{P1[20:]}</p>"
            f"<p>他说&ldquo;好&rdquo;&mdash;对。</p><script>var a='<p>x</p>';</script></body></html>")
    doc = markup.run(page)
    lines = _lines(doc.text)
    assert lines == ["标题", P1[:20] + "抖音" + P1[20:], "他说“好”—对。"]
    assert "标题_财经_某网" not in doc.text  # <head> is dropped, its <title> kept as a hint
    assert doc.info["title_hint"] == "标题_财经_某网"


def test_markup_img_dropped_prose_caption_kept(markup):
    page = ('<center><img src="https://x.cn/a.jpg" style="border:0"/></center>\n'
            "<center>图为抖音电商治理团队在杭州举行的发布会现场，数百名商家代表参加</center>\n"
            "<center>图/新华社</center>\n" + f"<p>{P2}</p>\n")
    doc = markup.run(page)
    assert _lines(doc.text) == ["图为抖音电商治理团队在杭州举行的发布会现场，数百名商家代表参加", P2]
    assert any(e.reason is Reason.CAPTION and "图/新华社" in e.text for e in doc.edits)


def test_markup_markdown_links_images_and_quotes(markup):
    page = (f"![图片](https://x.cn/a.jpg)\n\n{P1}\n\n> （文章来源：新华网）\n\n"
            "[返回新闻列表](/news/) · [返回首页](/)\n<http://x.cn/html/1.html>\n"
            "详见[平台公告](https://x.cn/n)。\n")
    doc = markup.run(page)
    lines = _lines(doc.text)
    assert lines == [P1, "（文章来源：新华网）", "详见平台公告。"]
    links = [e for e in doc.edits if e.reason is Reason.LINKS]
    assert any("返回首页" in e.text for e in links) and any("http://x.cn/html/1.html" in e.text for e in links)


@pytest.mark.parametrize("text", ["利率<5%时，贷款需求上升。", "他说：<抖音>是一款应用。", "A&B公司成立于2001年。"])
def test_markup_lookalikes_are_text(markup, text):
    """A "<" or "&" that does not start a tag or entity is kept."""
    assert markup.run(text).text.strip() == text
