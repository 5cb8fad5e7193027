"""Score cleaned pages against gold clean text (issue 8, evaluation part).

Gold and prediction are plain text, one paragraph per line (see
``corpora/clean/README.md``). Every line is stripped of surrounding whitespace and
empty lines are ignored, so only the text and its paragraphing are scored.

Metrics, per page and overall (micro: sums of counts, then ratios):

- **char P/R/F1**: characters of the prediction aligned to characters of the gold by
  an exact longest-common-subsequence alignment (newlines excluded). Precision is
  aligned / predicted characters, recall aligned / gold characters.
- **exact-paragraph rate**: share of gold lines that occur verbatim as a line of the
  prediction (multiset: a gold line present twice must be predicted twice). A
  paragraph with an injected keyword, a glued title or a spun word left in it does
  not count, which is why this number, not char F1, shows real cleaning.
- **prose lines lost**: gold lines with fewer than half of their characters aligned
  in the prediction, over gold lines.
- **boilerplate lines surviving**: prediction lines of which fewer than half of the
  characters align to gold, over the boilerplate lines of the raw page (raw lines,
  decoded and converted to Simplified, HTML tags removed, of which fewer than half of
  the characters align to gold). Needs the raw page; may exceed 1.0 when a cleaner
  splits boilerplate lines.

With raw pages available the same metrics are computed for :func:`naive_baseline`
(OpenCC + keep lines of >= 25 characters with Chinese punctuation), which scores a
high char F1 on such pages while reproducing few paragraphs exactly.
"""
from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

#: a line is "substantially" gold (or boilerplate) on this side of 50% aligned
#: characters; the issue defines lost prose lines by the same 50% cut.
OVERLAP = 0.5
#: naive baseline: minimum line length and the punctuation that marks prose (issue 8).
NAIVE_MIN_CHARS = 25
NAIVE_PUNCT = re.compile(r"[，。、；：？！“”‘’《》（）…—]")
#: the exact LCS keeps one bit-row per character of the first text; above this many
#: cells (bits, ~64 MB) we align paragraph-anchored chunks instead.
MAX_LCS_CELLS = 512_000_000

_TAG = re.compile(r"<[^>\n]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_RAW_SUFFIX = ".raw.txt"
_GOLD_SUFFIX = ".gold.txt"


# --- alignment -----------------------------------------------------------
def lcs_align(a: str, b: str) -> list[tuple[int, int]]:
    """Exact longest common subsequence of two strings, as matched index pairs.

    Bit-parallel LCS (Hyyrö 2004, "Bit-parallel LCS-length computation revisited"):
    one big-int row per character of ``a``, each bit a column of ``b``; a zero bit
    marks a column where the DP value grows. The traceback reads DP values back as
    popcounts, so a 10 kB page aligns in well under a second.

    Args:
        a (str): first text.
        b (str): second text.

    Returns:
        list[tuple[int, int]]: increasing ``(i, j)`` with ``a[i] == b[j]``.
    """
    n, m = len(a), len(b)
    if not n or not m:
        return []
    if n * m > MAX_LCS_CELLS:
        return _chunked_align(a, b)
    masks: dict[str, int] = {}
    for j, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << j)
    full = (1 << m) - 1
    v = full
    rows = [v]
    for ch in a:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
        rows.append(v)

    def dp(i: int, j: int) -> int:
        return j - (rows[i] & ((1 << j) - 1)).bit_count()

    pairs: list[tuple[int, int]] = []
    i, j = n, m
    cur = dp(i, j)
    while i and j and cur:
        if a[i - 1] == b[j - 1] and dp(i - 1, j - 1) == cur - 1:
            i, j, cur = i - 1, j - 1, cur - 1
            pairs.append((i, j))
        elif dp(i - 1, j) == cur:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def _chunked_align(a: str, b: str) -> list[tuple[int, int]]:
    """Fallback for very long texts: anchor on identical blocks found by difflib
    (a greedy longest-block matcher), then run the exact LCS on the gaps."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pairs: list[tuple[int, int]] = []
    ai = bj = 0
    for blk in sm.get_matching_blocks():
        if (blk.a - ai) * (blk.b - bj) <= MAX_LCS_CELLS:
            pairs.extend((ai + x, bj + y) for x, y in lcs_align(a[ai:blk.a], b[bj:blk.b]))
        pairs.extend((blk.a + k, blk.b + k) for k in range(blk.size))
        ai, bj = blk.a + blk.size, blk.b + blk.size
    return pairs


# --- page texts ----------------------------------------------------------
def _lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in text.splitlines()) if s]


@dataclass(slots=True)
class _Joined:
    """Lines joined without newlines, with the line index of every character."""

    lines: list[str]
    text: str
    owner: list[int]

    @classmethod
    def of(cls, lines: list[str]) -> _Joined:
        owner = [k for k, line in enumerate(lines) for _ in line]
        return cls(lines, "".join(lines), owner)

    def aligned_per_line(self, positions) -> list[int]:
        counts = [0] * len(self.lines)
        for p in positions:
            counts[self.owner[p]] += 1
        return counts


def _mostly_unaligned(lines: list[str], aligned: list[int]) -> int:
    return sum(1 for line, k in zip(lines, aligned) if not line or k < OVERLAP * len(line))


def _strip_markup(line: str) -> str:
    return _TAG.sub("", line).strip()


@functools.lru_cache(maxsize=1)
def _converter():
    from ..pipeline import Pipeline

    return Pipeline(stages=["convert"], on_error="raise")


def convert_raw(raw: bytes | str) -> str:
    """Decode (bytes) and convert a raw page to Simplified with the project's own
    decode and convert stages, so the baseline differs from a cleaner in cleaning only."""
    return _converter().run(raw).text


def naive_baseline(raw_text: bytes | str) -> str:
    """The naive cleaner of issue 8: OpenCC, then keep lines of >= 25 characters that
    contain Chinese punctuation.

    Args:
        raw_text (bytes | str): the raw page (bytes are decoded first).

    Returns:
        str: kept lines, one per line.
    """
    text = convert_raw(raw_text)
    keep = [line for line in _lines(text) if len(line) >= NAIVE_MIN_CHARS and NAIVE_PUNCT.search(line)]
    return "\n".join(keep) + ("\n" if keep else "")


def raw_boilerplate_lines(raw_text: bytes | str, gold: str) -> int:
    """Boilerplate lines of a raw page: converted raw lines, HTML tags removed, of
    which fewer than half of the characters align to the gold text (a line of pure
    markup counts as boilerplate)."""
    raw_lines = _lines(convert_raw(raw_text))
    stripped = [_strip_markup(line) for line in raw_lines]
    r = _Joined.of([s for s in stripped if s])
    g = _Joined.of(_lines(gold))
    aligned = r.aligned_per_line(i for i, _ in lcs_align(r.text, g.text))
    return _mostly_unaligned(r.lines, aligned) + sum(1 for s in stripped if not s)


def score_page(gold: str, pred: str, *, raw_boilerplate: int | None = None) -> dict[str, Any]:
    """Score one predicted page against its gold text.

    Args:
        gold (str): gold clean text, one paragraph per line.
        pred (str): predicted clean text.
        raw_boilerplate (int | None): boilerplate lines of the raw page
            (:func:`raw_boilerplate_lines`); without it ``boiler_rate`` is None.

    Returns:
        dict: counts (``chars_*``, ``*_lines``) and rates (``precision``, ``recall``,
        ``f1``, ``exact_rate``, ``lost_rate``, ``boiler_rate``).
    """
    g = _Joined.of(_lines(gold))
    p = _Joined.of(_lines(pred))
    pairs = lcs_align(p.text, g.text)
    p_aligned = p.aligned_per_line(i for i, _ in pairs)
    g_aligned = g.aligned_per_line(j for _, j in pairs)
    pred_counts: dict[str, int] = {}
    for line in p.lines:
        pred_counts[line] = pred_counts.get(line, 0) + 1
    exact = 0
    for line in g.lines:
        if pred_counts.get(line, 0) > 0:
            pred_counts[line] -= 1
            exact += 1
    counts = {
        "chars_gold": len(g.text),
        "chars_pred": len(p.text),
        "chars_aligned": len(pairs),
        "gold_lines": len(g.lines),
        "pred_lines": len(p.lines),
        "exact_lines": exact,
        "lost_lines": _mostly_unaligned(g.lines, g_aligned),
        "pred_boiler_lines": _mostly_unaligned([_strip_markup(x) for x in p.lines], p_aligned),
        "raw_boiler_lines": raw_boilerplate,
    }
    return _with_rates(counts)


def _ratio(num: float, den: float | None, empty: float | None) -> float | None:
    if den is None:
        return None
    return num / den if den else empty


def _with_rates(c: dict[str, Any]) -> dict[str, Any]:
    out = dict(c)
    out["precision"] = _ratio(c["chars_aligned"], c["chars_pred"], 1.0 if not c["chars_gold"] else 0.0)
    out["recall"] = _ratio(c["chars_aligned"], c["chars_gold"], 1.0)
    pr, rc = out["precision"], out["recall"]
    out["f1"] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    out["exact_rate"] = _ratio(c["exact_lines"], c["gold_lines"], 1.0)
    out["lost_rate"] = _ratio(c["lost_lines"], c["gold_lines"], 0.0)
    out["boiler_rate"] = _ratio(c["pred_boiler_lines"], c["raw_boiler_lines"], 0.0 if not c["pred_boiler_lines"] else None)
    return out


_COUNT_KEYS = ("chars_gold", "chars_pred", "chars_aligned", "gold_lines", "pred_lines", "exact_lines",
               "lost_lines", "pred_boiler_lines", "raw_boiler_lines")


def micro(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall scores: counts summed over pages, then the same rates."""
    total: dict[str, Any] = {}
    for key in _COUNT_KEYS:
        vals = [p[key] for p in pages]
        total[key] = None if any(v is None for v in vals) else sum(vals)
    if not pages:
        total = {k: 0 for k in _COUNT_KEYS}
    return _with_rates(total)


# --- directories ---------------------------------------------------------
def _page_id(name: str) -> str | None:
    if name.endswith(_GOLD_SUFFIX):
        return name[: -len(_GOLD_SUFFIX)]
    if name.endswith(_RAW_SUFFIX) or not name.endswith(".txt"):
        return None
    return name[:-4]


def read_gold(gold_dir: str | Path) -> dict[str, str]:
    """Gold pages of a directory: ``<id>.gold.txt`` (generated sets) or ``<id>.txt``
    (seed gold); ``<id>.raw.txt`` files next to them are ignored."""
    path = Path(gold_dir)
    if not path.is_dir():
        raise InputError(f"gold directory not found: {path}; pass the folder holding <id>.gold.txt or <id>.txt.")
    gold = {}
    for f in sorted(path.iterdir()):
        pid = _page_id(f.name)
        if pid is not None and f.is_file():
            gold[pid] = f.read_text(encoding="utf-8")
    if not gold:
        raise InputError(f"no gold pages (*.gold.txt or *.txt) in {path}.")
    return gold


def _norm_id(rid: str) -> str:
    name = Path(str(rid)).name
    for suffix in (_GOLD_SUFFIX, _RAW_SUFFIX, ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_pred(pred: str | Path) -> dict[str, str]:
    """Predicted pages: a directory of ``<id>.txt`` or a JSONL file written by
    ``zhie clean -o`` (``id`` and ``text`` fields; ids like ``h001.raw.txt`` are
    reduced to ``h001``)."""
    path = Path(pred)
    if path.is_dir():
        return {f.name[:-4]: f.read_text(encoding="utf-8") for f in sorted(path.glob("*.txt"))}
    if path.is_file():
        out: dict[str, str] = {}
        from_raw: set[str] = set()
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n} is not JSON ({exc.msg}); pass a directory of <id>.txt "
                                     f"or the JSONL written by `zhie clean -o`.") from None
                rid, src = str(rec.get("id", f"line{n}")), str(rec.get("source") or "")
                if rid.endswith(_GOLD_SUFFIX) or src.endswith(_GOLD_SUFFIX) or src.endswith("manifest.jsonl"):
                    # `zhie clean corpora/clean/dev/` also cleans the gold files and the
                    # manifest lines (whose "id" field is a page id): not predictions
                    continue
                pid = _norm_id(rid)
                if pid in from_raw and not rid.endswith(_RAW_SUFFIX):
                    continue  # a raw page's record wins over a same-id record of another file
                if rid.endswith(_RAW_SUFFIX):
                    from_raw.add(pid)
                out[pid] = rec.get("text") or ""
        return out
    raise InputError(f"prediction path not found: {path}; pass a directory of <id>.txt or a JSONL file.")


def _raw_path(raw_dir: Path, pid: str) -> Path | None:
    for name in (pid + _RAW_SUFFIX, pid + ".txt"):
        if (raw_dir / name).is_file():
            return raw_dir / name
    return None


def evaluate(gold_dir: str | Path, pred_dir: str | Path, raw_dir: str | Path | None = None) -> dict[str, Any]:
    """Score a directory of predictions against gold clean text.

    Args:
        gold_dir: folder of ``<id>.gold.txt`` or ``<id>.txt`` gold pages.
        pred_dir: folder of ``<id>.txt`` predictions, or a ``zhie clean`` JSONL file.
            A gold page without a prediction is scored as an empty prediction.
        raw_dir: folder of raw pages (``<id>.raw.txt`` or ``<id>.txt``, any encoding);
            enables the boilerplate rate and the naive baseline.

    Returns:
        dict: ``{"pages": [{"id", "pred": scores, "baseline": scores | None,
        "missing_pred": bool}], "overall": {"pred", "baseline"}, "missing": [...],
        "extra": [...]}``.
    """
    gold = read_gold(gold_dir)
    pred = read_pred(pred_dir)
    raw_path = Path(raw_dir) if raw_dir is not None else None
    if raw_path is not None and not raw_path.is_dir():
        raise InputError(f"raw directory not found: {raw_path}; pass the folder of <id>.raw.txt pages.")
    pages = []
    for pid, gtext in gold.items():
        rfile = _raw_path(raw_path, pid) if raw_path else None
        raw = rfile.read_bytes() if rfile else None
        rb = raw_boilerplate_lines(raw, gtext) if raw is not None else None
        page = {
            "id": pid,
            "missing_pred": pid not in pred,
            "pred": score_page(gtext, pred.get(pid, ""), raw_boilerplate=rb),
            "baseline": score_page(gtext, naive_baseline(raw), raw_boilerplate=rb) if raw is not None else None,
        }
        pages.append(page)
    overall = {"pred": micro([p["pred"] for p in pages])}
    with_raw = [p for p in pages if p["baseline"] is not None]
    overall["baseline"] = micro([p["baseline"] for p in with_raw]) if len(with_raw) == len(pages) else None
    return {
        "gold_dir": str(gold_dir),
        "pred_dir": str(pred_dir),
        "raw_dir": None if raw_dir is None else str(raw_dir),
        "pages": pages,
        "overall": overall,
        "missing": [p["id"] for p in pages if p["missing_pred"]],
        "extra": sorted(set(pred) - set(gold)),
    }


def _fmt(x: float | None, width: int = 6) -> str:
    return f"{x:>{width}.4f}" if x is not None else f"{'-':>{width}}"


def format_table(result: dict[str, Any]) -> str:
    """Render :func:`evaluate` output as a fixed-width table, one row per page and a
    micro-averaged ``OVERALL`` row; ``naive F1/exact`` are the baseline's columns."""
    head = (f"{'page':<24} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'lost':>6} {'boiler':>11}"
            f" | {'naiveF1':>7} {'nExact':>6}")
    rows = [head, "-" * len(head)]

    def row(name: str, s: dict[str, Any], b: dict[str, Any] | None) -> str:
        if s["raw_boiler_lines"] is None:
            boiler = f"{s['pred_boiler_lines']}/-"
        else:
            boiler = f"{s['pred_boiler_lines']}/{s['raw_boiler_lines']}"
        tail = f" | {_fmt(b['f1'], 7)} {_fmt(b['exact_rate'])}" if b else f" | {'-':>7} {'-':>6}"
        return (f"{name[:24]:<24} {_fmt(s['precision'])} {_fmt(s['recall'])} {_fmt(s['f1'])}"
                f" {_fmt(s['exact_rate'])} {_fmt(s['lost_rate'])} {boiler:>11}{tail}")

    for p in result["pages"]:
        rows.append(row(p["id"] + (" (no pred)" if p["missing_pred"] else ""), p["pred"], p["baseline"]))
    rows.append("-" * len(head))
    o = result["overall"]
    rows.append(row("OVERALL (micro)", o["pred"], o["baseline"]))
    br = o["pred"]["boiler_rate"]
    rows.append(f"boilerplate lines surviving: {_fmt(br, 0).strip()}   prose lines lost: "
                f"{_fmt(o['pred']['lost_rate'], 0).strip()}   pages: {len(result['pages'])}")
    if result["missing"]:
        rows.append(f"missing predictions ({len(result['missing'])}): {', '.join(result['missing'][:10])}")
    if result["extra"]:
        rows.append(f"predictions without gold ({len(result['extra'])}): {', '.join(result['extra'][:10])}")
    return "\n".join(rows)
