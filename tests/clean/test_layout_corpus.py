"""clean.layout (one paragraph per line), clean.corpus (site templates, batch mode), clean.censored."""
from __future__ import annotations

from nlp.clean.corpus import CorpusRepeatCleaner
from nlp.document import Reason
from nlp.pipeline import Pipeline

P1 = "近日，公安机关开展打击网络诈骗专项行动，依法关停非法网站120余个，抓获犯罪嫌疑人300余名。"
P2 = "警方提醒，广大群众切勿轻信陌生来电，发现线索请及时举报，共同维护良好的网络环境。"


def test_layout_blank_lines_and_indents():
    doc = Pipeline(stages=["clean.layout"]).run(f"\n\n　　{P1}  \n\n\n\u3000\u3000{P2}\n")
    assert doc.text == f"{P1}\n{P2}\n"
    assert {e.reason for e in doc.edits} == {Reason.LAYOUT}


def test_layout_keeps_short_lines_separate():
    """Headings and list items of equal length are not a hard wrap."""
    text = f"一、总体要求\n{P1}\n二、主要任务\n{P2}\n"
    assert Pipeline(stages=["clean.layout"]).run(text).text == text


def test_corpus_fit_removes_site_template():
    footer = "本站提醒：理性投资，风险自担，所有信息仅供参考。"
    # 20 pages of one site; P1 is syndicated to 3 of them (15% < 30%: kept)
    pages = [f"标题{i}\n{P1 if i % 7 == 3 else P2.replace('网络', f'第{i}个')}\n{footer}\n" for i in range(20)]
    stage = CorpusRepeatCleaner().fit(pages)
    assert stage.is_repeated(footer) and stage.is_repeated(P1)
    p = Pipeline(stages=["clean.corpus", "clean.layout"])
    p.stages[0].load_state(stage.state())
    doc = p.run(pages[3])
    assert footer not in doc.text and P1 in doc.text
    assert any(e.reason is Reason.CORPUS_REPEAT for e in doc.edits)


def test_corpus_unfitted_changes_nothing():
    doc = Pipeline(stages=["clean.corpus"]).run(f"{P1}\n本站提醒：理性投资，风险自担。\n")
    assert not doc.edits


def test_censored_flagged_with_position():
    doc = Pipeline(stages=["clean.censored"]).run("用于帮助消费者处理售后**和**索赔。***不算，*也不算")
    flags = [e for e in doc.edits if e.reason is Reason.CENSORED]
    assert [(e.raw_start, e.text) for e in flags] == [(11, "**"), (14, "**"), (19, "***")]
    assert doc.text.startswith("用于帮助消费者处理售后**和**索赔")


def test_corpus_fit_corpus_on_raw_pages():
    """fit_corpus runs the stages before clean.corpus (convert: Traditional pages too)."""
    from nlp.clean.corpus import fit_corpus

    import opencc

    s2t = opencc.OpenCC("s2t")
    footer = "本站提醒：理性投资，风险自担，所有信息仅供参考。"
    pages = [s2t.convert(f"标题{i}\n{P2.replace('网络', f'第{i}个')}\n{footer}\n").encode("utf-8") for i in range(10)]
    p = Pipeline(stages=["convert", "clean.corpus", "clean.layout"])
    stage = fit_corpus(p, pages)
    assert stage is p.stages[1] and stage.is_repeated("本站提醒：理性投资，风险自担，所有信息仅供参考。")
    doc = p.run(pages[0])
    assert "本站提醒" not in doc.text and "第0个" in doc.text
