"""Score the naive baseline (OpenCC + keep lines >= 25 chars with Chinese punctuation)
as if it were a cleaner: write its output for every page to a temp dir, then run the
same evaluate() as `zhie eval clean`.

Usage::

    python corpora/clean/score_naive.py corpora/clean/seeds seeds
    python corpora/clean/score_naive.py corpora/clean/dev corpora/clean/dev
    python corpora/clean/score_naive.py corpora/clean/heldout corpora/clean/heldout
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from nlp.evaluate.clean import evaluate, format_table, naive_baseline, read_gold


def main(gold_dir: str, raw_dir: str) -> int:
    gold, raw = Path(gold_dir), Path(raw_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for pid in read_gold(gold):
            src = raw / f"{pid}.raw.txt"
            if not src.is_file():
                src = raw / f"{pid}.txt"
            (Path(tmp) / f"{pid}.txt").write_text(naive_baseline(src.read_bytes()), encoding="utf-8")
        res = evaluate(gold, tmp, raw)
    print(format_table(res))
    o = res["overall"]["pred"]
    print(f"naive baseline: char F1 {o['f1']:.4f}  exact-paragraph {o['exact_rate']:.4f}  "
          f"prose lost {o['lost_rate']:.4f}  boilerplate surviving {o['boiler_rate']:.4f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
