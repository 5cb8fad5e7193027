"""Adversarial inputs for regex- and line-based stages (issue 7: no catastrophic backtracking).

Each input is a long run of what a pattern loops over: one repeated character, a
punctuation mark, "<", "*", nested brackets, separators, blank lines, meta-like
prefixes, one line of non-repeating CJK characters (defeats "find a repeated
phrase" scans), and a 1 MB line. A linear stage handles each in well under a second
per 100 KB; a quadratic scan or a backtracking regex takes minutes, so the per-record
time budget of the runner (``limits.max_seconds``) turns it into an E103 record.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

#: 100,000 characters for runs of one pattern: a backtracking regex or a quadratic
#: scan needs ~1e10 steps here (minutes), a linear stage milliseconds, so the verdict
#: does not depend on machine load.
N = 100_000
#: inputs that make a stage propose one edit per line or tag cost ~0.1 ms per edit
#: in the pipeline on a loaded machine; 20,000 of them keep the test fast and still
#: mean 2e8 steps for a quadratic scan.
N_EDITS = 20_000
#: the issue asks for 1 MB lines
MB = 1_000_000


_PARAGRAPH = "平台治理取得明显成效，违规内容数量同比下降百分之三十，用户满意度持续提升。"


def _distinct_cjk(n: int, seed: int = 0) -> str:
    """``n`` CJK characters with no repeated substring of length >= 2."""
    rng = random.Random(seed)
    return "".join(chr(0x4E00 + i) for i in rng.sample(range(0x5000), n))


def inputs(*, size: int = N, edits: int = N_EDITS, big: int = MB) -> dict[str, str]:
    """kind -> adversarial page."""
    return {
        "same_cjk_char": "报" * size,
        "fullwidth_punct": "，" * size,
        "ascii_dots": "." * size,
        "lt_run": "<" * size,
        "lt_letter_run": "<a" * (edits // 2),
        "star_run": "*" * size,
        "entity_prefixes": "&#" * (size // 2),
        "entities": "&amp;" * edits,
        "nested_square": "[" * (size // 2) + "]" * (size // 2),
        "nested_round": "(" * (size // 2) + ")" * (size // 2),
        "nested_html": "<div>" * (edits // 2) + "正文" + "</div>" * (edits // 2),
        "md_link_prefixes": "[a](" * (size // 4),
        "md_links": "[a](b) " * edits,
        "separators": "_|" * (size // 2),
        "blank_lines": "\n" * edits,
        "short_lines": "相关推荐\n" * edits,
        "meta_prefixes": "来源:" * (size // 3),
        "date_like": "2023-02-20 " * (size // 11),
        "censored_words": "平台**治理" * edits,
        "hash_run": "#" * size,
        "unclosed_tag": "<div " + "a" * size,
        "unclosed_comment": "<!--" * (size // 4),
        "comments": "<!-- x -->" * edits,
        "url_run": "http://" + "a" * size,
        # a long unpunctuated line after an article paragraph and after a list heading
        "distinct_cjk_line": _PARAGRAPH + "\n相关推荐\n" + _distinct_cjk(2_000) + "\n" + _distinct_cjk(80, 1) + "\n",
        "distinct_cjk_lines": "\n".join(_distinct_cjk(60, k) for k in range(300)) + "\n" + _PARAGRAPH,
        "long_line_1mb": ("报告显示平台治理取得成效，" * (big // 13 + 1))[:big],
    }


def write_jsonl(path: Path, pages: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for kind, text in pages.items():
            fh.write(json.dumps({"id": kind, "text": text}, ensure_ascii=False) + "\n")
