"""Pipeline: edits applied with raw offsets through conversion; error isolation; config (issue 3)."""
from __future__ import annotations

import re

import opencc
import pytest

from nlp import Config, Pipeline, Reason, registry
from nlp.errors import ConfigError
from nlp.stage import Stage


class DropPattern(Stage):
    """Test stage: removes every match of a regex (e.g. an SEO keyword)."""

    name = "test.drop"

    def __init__(self, *, pattern: str = "抖音客服电话", boom: str = ""):
        self.re = re.compile(pattern)
        self.boom = boom

    def process(self, doc):
        if self.boom and self.boom in doc.text:
            raise RuntimeError("stage exploded on purpose")
        return [self.edit(m.start(), m.end(), reason=Reason.SEO) for m in self.re.finditer(doc.text)]


class Censor(Stage):
    name = "test.flag"

    def process(self, doc):
        return [self.edit(m.start(), m.end(), m.group(), reason=Reason.CENSORED) for m in re.finditer(r"\*\*", doc.text)]


registry.register("test.drop", f"{__name__}:DropPattern")
registry.register("test.flag", f"{__name__}:Censor")


def test_pipeline_edits_carry_raw_offsets_on_seed000(seed_text):
    raw = seed_text["000"]
    doc = Pipeline(stages=["convert", "test.flag", "test.drop"], on_error="raise").run(raw)
    assert "抖音客服电话" not in doc.text
    drops = [e for e in doc.edits if e.reason is Reason.SEO]
    assert len(drops) == raw.count("抖音客服电话")
    for e in drops:
        assert raw[e.raw_start:e.raw_end] == "抖音客服电话" == e.text
    assert doc.stats["removed.seo"] == 6 * len(drops)
    # the flagged ** stay in the text and point at ** in the raw page
    flags = [e for e in doc.edits if e.reason is Reason.CENSORED]
    assert len(flags) == raw.count("**") and "**" in doc.text
    assert all(raw[e.raw_start:e.raw_end] == "**" for e in flags)
    # the sentence around an injected keyword survives whole
    assert "12月23日抖音电商发布《平台治理这一年》数据报告" in doc.text


def test_pipeline_raw_offsets_compose_through_conversion(seed_text):
    """Edits proposed on converted text point into the Traditional raw page."""
    raw = opencc.OpenCC("s2twp").convert(seed_text["000"]) + "\n記憶體不足時抖音客服電話請重試"
    doc = Pipeline(stages=["convert", "test.drop"], on_error="raise").run(raw)
    drops = [e for e in doc.edits if e.reason is Reason.SEO]
    assert drops
    for e in drops:
        assert raw[e.raw_start:e.raw_end] == "抖音客服電話"


def test_pipeline_error_isolated_to_one_record(seed_text):
    p = Pipeline(Config.load(overrides={"stages.test.drop.boom": "💥"}), stages=["convert", "test.drop"])
    docs = list(p.pipe([(seed_text["001"], {"id": "a"}), ("这里会💥", {"id": "b"}), (seed_text["003"], {"id": "c"})]))
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert [d.status for d in docs] == ["ok", "error", "ok"]
    assert docs[1].error.startswith("[E301] RuntimeError in stage 'test.drop'")


def test_pipeline_size_limit_is_an_error_record():
    p = Pipeline(Config.load(overrides={"limits.max_chars": 10}))
    doc = p.run("报告显示" * 10)
    assert doc.status == "error" and doc.error.startswith("[E103]")


def test_config_unknown_stage_and_option_are_clear():
    with pytest.raises(ConfigError, match="Unknown stage 'nope'"):
        Pipeline(stages=["nope"])
    with pytest.raises(ConfigError, match="unknown option"):
        Pipeline(Config.load(overrides={"stages.convert.moode": "t2s"}))
    with pytest.raises(ConfigError, match="must be float"):
        Pipeline(Config.load(overrides={"stages.convert.min_traditional_share": "high"}))


def test_config_override_parsing(tmp_path):
    cfg = Config.load(overrides=["stages.convert.mode=t2s", "limits.max_seconds=5", "pipeline.stages=['convert']"])
    assert cfg.stage_options("convert")["mode"] == "t2s"
    assert cfg.section("limits")["max_seconds"] == 5
    f = tmp_path / "c.toml"
    f.write_text('[stages.convert]\nmode = "none"\n')
    assert Config.load(f).stage_options("convert")["mode"] == "none"
    resolved = Config.load(f).resolved()
    assert resolved["stages"]["convert"]["min_evidence"] == 3  # filled from the stage signature


def test_keep_stage_outputs(seed_text):
    p = Pipeline(Config.load(overrides={"pipeline.keep_stage_outputs": True}), stages=["convert", "test.drop"])
    doc = p.run(seed_text["000"])
    assert "抖音客服电话" in doc.outputs["convert"] and "抖音客服电话" not in doc.outputs["test.drop"]
