"""``zhie`` command line. Thin wrappers around public functions; no logic here.

Argument parsing uses the standard library's argparse (chosen on purpose: no extra
dependency for the core install, subcommands and help come for free).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import __version__
from .config import Config
from .errors import InputError, ZhieError

log = logging.getLogger("zhie")


def _add_config_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", help="TOML file merged over the defaults (see `zhie config`).")
    p.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], dest="overrides",
                   help="override one config key, e.g. --set stages.convert.mode=tw2sp (repeatable).")


def _config(args) -> Config:
    return Config.load(args.config, args.overrides)


def _add_batch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, directories (recursive), .jsonl files, or datasets saved with save_to_disk.")
    p.add_argument("-o", "--output", metavar="OUT.jsonl",
                   help="write JSON Lines here (atomic). Without it, one plain page prints its text; "
                        "anything else prints JSON Lines to stdout.")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1).")
    p.add_argument("--resume", action="store_true", help="skip records whose id is already in OUT (or OUT.partial).")
    p.add_argument("--text-field", default="text", help="JSONL/dataset field holding the page (default: text).")
    p.add_argument("--id-field", default="id", help="JSONL/dataset field holding the record id (default: id).")
    p.add_argument("--keep-stages", action="store_true", help="also write the text after each stage.")
    p.add_argument("--no-progress", action="store_true", help="no progress bar.")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes (default) or Ray Data (pip install 'zhie[ray]'; RAY_ADDRESS picks a cluster).")
    p.add_argument("--dataset", metavar="PATH", help="a Hugging Face dataset saved with save_to_disk, as input.")
    p.add_argument("--save-dataset", metavar="PATH",
                   help="write the result as a saved dataset (all original columns kept) instead of JSONL.")
    _add_config_args(p)


def _single_page(inputs: list[str]) -> Path | None:
    if len(inputs) != 1:
        return None
    path = Path(inputs[0])
    from .io.readers import JSONL_SUFFIXES, is_hf_dataset

    if path.is_file() and path.suffix.lower() not in JSONL_SUFFIXES | {".parquet"} and not is_hf_dataset(path):
        return path
    return None


def _run_batch_command(args, config: Config) -> int:
    """Shared body of ``zhie clean`` and ``zhie extract`` once the stages are set."""
    inputs = list(args.inputs) + ([args.dataset] if args.dataset else [])
    if not inputs:
        raise InputError("no input: give files, directories, .jsonl files or --dataset PATH.")
    progress = not args.no_progress
    if args.save_dataset:
        if len(inputs) != 1:
            raise InputError("--save-dataset takes exactly one input dataset (--dataset PATH).")
        from .integrations.hf_datasets import run_dataset

        result = run_dataset(inputs[0], args.save_dataset, config, text_field=args.text_field, jobs=args.jobs,
                             progress=progress)
        log.info("%s", result)
        return 0
    if args.engine == "ray":
        if not args.output:
            raise InputError("--engine ray needs -o OUT.jsonl.")
        from .integrations.ray import run_ray

        result = run_ray(inputs, args.output, config, workers=max(args.jobs, 1), text_field=args.text_field,
                         id_field=args.id_field, progress=progress, keep_stages=args.keep_stages, resume=args.resume)
        log.info("%s", result)
        return 0
    from .runner import run_batch

    summary = run_batch(inputs, args.output, config, jobs=args.jobs, resume=args.resume,
                        keep_stages=args.keep_stages, text_field=args.text_field, id_field=args.id_field,
                        progress=progress)
    log.info("%s", summary.format())
    return 0


def cmd_clean(args) -> int:
    config = _config(args)
    page = _single_page(args.inputs) if not args.dataset else None
    if args.explain or args.html:
        if page is None:
            raise InputError("--explain / --html take exactly one page file.")
        from .pipeline import Pipeline
        from .report import explain_html, explain_text

        doc = Pipeline(config).run(page.read_bytes(), id=page.name, source=str(page))
        if args.html:
            from .io.writers import write_text_atomic

            write_text_atomic(args.html, explain_html(doc))
            print(f"explain report written to {args.html}", file=sys.stderr)
        if args.explain:
            color = {"always": True, "never": False}.get(args.color, sys.stdout.isatty())
            sys.stdout.write(explain_text(doc, color=color))
        return 0 if doc.status != "error" else 1
    if args.output is None and page is not None and args.engine == "local" and not args.save_dataset:
        from .pipeline import Pipeline

        doc = Pipeline(config).run(page.read_bytes(), id=page.name, source=str(page))
        if doc.status == "error":
            print(doc.error, file=sys.stderr)
            return 1
        sys.stdout.write(doc.text if doc.text.endswith("\n") or not doc.text else doc.text + "\n")
        return 0
    return _run_batch_command(args, config)


def extract_config(config: Config, *, no_clean: bool = False, backend: str | None = None,
                   runtime: str | None = None) -> Config:
    """The configuration of ``zhie extract``: the text pipeline (or only convert) then "extract"."""
    stages = ["convert"] if no_clean else [s for s in config.stages if s != "extract"]
    config = config.with_stages(stages + ["extract"])
    if backend:
        config = config.override({"stages.extract.backend": backend})
    return config.override({"stages.extract.runtime": runtime}) if runtime else config


def cmd_extract(args) -> int:
    config = extract_config(_config(args), no_clean=args.no_clean, backend=args.backend, runtime=args.runtime)
    return _run_batch_command(args, config)


def cmd_config(args) -> int:
    config = _config(args)
    print(config.to_json() if args.json else config.to_toml(), end="" if not args.json else "\n")
    return 0


def cmd_eval_extract(args) -> int:
    from .evaluate import extract as ev

    result = ev.evaluate(args.gold, args.pred, errors_path=args.errors)
    print(json.dumps(result, ensure_ascii=False) if args.json else ev.format_table(result))
    if args.errors:
        print(f"error table written to {args.errors}", file=sys.stderr)
    return 0


def cmd_eval_clean(args) -> int:
    from .evaluate import clean as ev

    result = ev.evaluate(args.gold, args.pred, raw_dir=args.raw)
    print(json.dumps(result, ensure_ascii=False) if args.json else ev.format_table(result))
    return 0


def cmd_eval_despin(args) -> int:
    from .evaluate import despin as ev

    if args.unseen:
        from .evaluate import despin_unseen as ev_unseen

        result = ev_unseen.evaluate_unseen(k=args.folds, limit=args.limit)
        print(json.dumps(result, ensure_ascii=False) if args.json else ev_unseen.format_unseen(result))
        return 0
    parts = tuple(args.parts.split(",")) if args.parts else ("seed002", "spun", "clean", "clean_pd")
    result = ev.evaluate(split=args.split, table=args.table, parts=parts, limit=args.limit)
    print(json.dumps(result, ensure_ascii=False) if args.json else ev.format_table(result))
    return 0


TRAINERS = {
    # name -> (module, function, shipped output, relative to the project folder; shown in the help
    # [, keyword arguments]);
    # each reproduces a shipped model. Without -o the function's own default is used, which is the
    # same path anchored at the project folder, so the command works from any working directory.
    "despin": ("nlp.despin.train", "train_lm", "models/despin"),
    "segmenter": ("nlp.extract.segment", "train_segmenter", "models/pkuseg"),
    "encoder": ("nlp.extract.convert_e5", "build_encoder", "models/e5-small-zh"),
    "model": ("nlp.extract.train", "train_model", "models/extract"),
    # data and small parts the models above use
    "silver": ("nlp.extract.silver", "build_silver", "corpora/extract/silver.jsonl"),
    "despin-context": ("nlp.despin.context", "train_context", "models/despin/context.npz"),
    "despin-decision": ("nlp.despin.decision", "train_decision", "models/despin/decision.json"),
    # despin's decision on thesaurus (Cilin) candidates: "=" group-mates, and (shipped off)
    # same-position shared-character mates
    "despin-thesaurus": ("nlp.despin.thesaurus", "train_thesaurus", "models/despin/thesaurus.json",
                         {"source": "synonym"}),
    "despin-thesaurus-chars": ("nlp.despin.thesaurus", "train_thesaurus", "models/despin/thesaurus_chars.json",
                               {"source": "shared_char"}),
    # despin's third candidate source: same-length words that fill the same slots in clean text
    "despin-neighbours": ("nlp.despin.neighbours", "train_neighbours", "models/despin/neighbours.json"),
    # despin's table-free page gate: e5-small-zh (first 4 layers) fine-tuned to mark spun words on clean text
    # spun with random tables; also stores the page threshold (detector.json)
    "despin-detector": ("nlp.despin.detector", "train_detector", "models/despin/detector.safetensors"),
    "clean-lines": ("nlp.clean.lines", "train_lines", "models/clean/lines.json"),
    # clean.lines' sentence-register scorer (notices, disclaimers, reader calls inside the article)
    "clean-sentences": ("nlp.clean.sentences", "train_sentences", "models/clean/sentences.json"),
    # the tagger's assembly lexicon (actions/units of the gold train split), weights untouched
    "lexicon": ("nlp.extract.train", "rebuild_lexicon", "models/extract"),
    # not a training: exports the shipped tagger (-o: its directory) to the ONNX cache ahead of
    # first use ($ZHIE_CACHE_DIR or ~/.cache/zhie), fp32 and the int8 graph the default serves;
    # predict() would otherwise do it once
    "onnx": ("nlp.extract.onnx_runtime", "build_serving_caches", None),
    # the int8 graph's calibration ranges for the shipped weights (the first int8 build reads them)
    "int8-ranges": ("nlp.extract.onnx_runtime", "write_int8_ranges", "models/extract/int8_ranges.json"),
}


def cmd_train(args) -> int:
    import importlib

    module, func, _shipped, *kwargs = TRAINERS[args.what]
    kw = dict(kwargs[0]) if kwargs else {}
    if getattr(args, "features", None) is not None:
        if args.what != "model":
            raise ZhieError(f"--features/--no-features apply to `zhie train model`, not {args.what}.")
        # the tagger's jieba word-position / POS input features (nlp.extract.features; session 17)
        kw["features"] = args.features
    fn = getattr(importlib.import_module(module), func)
    result = fn(args.out, **kw) if args.out else fn(**kw)
    if result is not None:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    serve(args.host, args.port, args.workers, _config(args))
    return 0


def cmd_report(args) -> int:
    from .corpus_report import format_text, summarize, to_html

    summary = summarize(args.path)
    print(format_text(summary))
    if args.html:
        from .io.writers import write_text_atomic

        write_text_atomic(args.html, to_html(summary))
        print(f"HTML report written to {args.html}", file=sys.stderr)
    return 0


def cmd_cache(args) -> int:
    import time

    from .extract.onnx_runtime import CACHE_KEEP, cache_entries, cache_root, prune_cache

    root = cache_root()
    if args.prune:
        gone = prune_cache(root, keep=CACHE_KEEP if args.keep is None else args.keep)
        print(f"removed {len(gone)} files", file=sys.stderr)
    entries = cache_entries(root)
    print(f"{root}: {len(entries)} weights, {sum(e['bytes'] for e in entries) / 1e6:.0f} MB")
    for e in entries:
        used = time.strftime("%Y-%m-%d %H:%M", time.localtime(e["last_used"]))
        print(f"  {e['key']}  {e['bytes'] / 1e6:6.0f} MB  {len(e['files'])} files  last used {used}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from .extract import BACKENDS, RUNTIMES

    parser = argparse.ArgumentParser(
        prog="zhie",
        description="Scraped Chinese report pages -> clean text -> (actor, action, quantity, unit) tuples.")
    parser.add_argument("--version", action="version", version=f"zhie {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="decode, convert, clean and despin pages; one JSONL record per input record.")
    _add_batch_args(p)
    p.add_argument("--explain", action="store_true",
                   help="show one page with every removal and rewrite marked, and why.")
    p.add_argument("--html", metavar="OUT.html", help="write the explain view of one page as a standalone HTML file.")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in --explain.")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("extract", help="the full pipeline then (actor, action, quantity, unit) tuples per record.")
    _add_batch_args(p)
    p.add_argument("--no-clean", action="store_true",
                   help="inputs are already clean sentences: only convert script, then extract.")
    p.add_argument("--backend", choices=sorted(BACKENDS), help="extractor (default: stages.extract.backend).")
    p.add_argument("--runtime", choices=RUNTIMES,
                   help="forward pass of the model backend (default: stages.extract.runtime = auto).")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("serve", help="HTTP service: POST /predict, POST /clean, GET /healthz, GET /version.")
    p.add_argument("--host", help="bind address (default serve.host = 127.0.0.1: this machine only).")
    p.add_argument("--port", type=int, help="port (default serve.port = 8000).")
    p.add_argument("--workers", type=int, help="server worker processes, each with its own model (default serve.workers).")
    _add_config_args(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("report", help="summarise a `zhie clean/extract` output file for a data team.")
    p.add_argument("path", metavar="OUT.jsonl")
    p.add_argument("--html", metavar="OUT.html", help="also write a standalone HTML report.")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("config", help="print the resolved configuration.")
    _add_config_args(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of TOML.")
    p.set_defaults(func=cmd_config)

    ev = sub.add_parser("eval", help="score predictions against gold data.")
    evsub = ev.add_subparsers(dest="what", required=True, metavar="WHAT")
    p = evsub.add_parser("extract", help="tuple P/R/F1 (strict, numeric-equivalent, per field, per source).")
    p.add_argument("--gold", required=True, metavar="G.jsonl")
    p.add_argument("--pred", required=True, metavar="P.jsonl")
    p.add_argument("--errors", metavar="FILE", help="write the error table (missed/spurious/wrong field) here.")
    p.add_argument("--json", action="store_true", help="print one JSON object.")
    p.set_defaults(func=cmd_eval_extract)
    p = evsub.add_parser("clean", help="char P/R/F1, exact-paragraph rate, boilerplate kept, prose lost.")
    p.add_argument("--gold", required=True, metavar="DIR", help="directory of <id>.gold.txt / <id>.txt gold pages.")
    p.add_argument("--pred", required=True, metavar="DIR|OUT.jsonl", help="<id>.txt files or `zhie clean -o` output.")
    p.add_argument("--raw", metavar="DIR", help="raw pages, to add the naive baseline and boilerplate counts.")
    p.add_argument("--json", action="store_true", help="print one JSON object.")
    p.set_defaults(func=cmd_eval_clean)
    p = evsub.add_parser("despin", help="rewrite P/R on spun text, seed 002 restoration, false rewrites on clean text.")
    p.add_argument("--split", choices=["dev", "test"], default="test", help="dev for tuning; test is held out.")
    p.add_argument("--table", metavar="TSV", help="spinning table (default corpora/despin/tables/<split>.tsv).")
    p.add_argument("--parts", metavar="LIST", help="comma list of seed002,spun,clean,clean_pd (default all).")
    p.add_argument("--unseen", action="store_true",
                   help="dev protocol with part of the spinning table unknown to the lexicon (hidden folds of "
                        "dev.tsv's lexicon rows + tables/dev_unseen.tsv): predicts held-out precision better.")
    p.add_argument("--folds", type=int, default=4, metavar="K",
                   help="with --unseen: hide 1 of K folds of the lexicon pairs (4: 44.7 %% of spun tokens unknown; "
                        "3: 49.5 %%, nearer held-out tables' share).")
    p.add_argument("--limit", type=int, help="only the first N pages of each part (quick look).")
    p.add_argument("--json", action="store_true", help="print one JSON object.")
    p.set_defaults(func=cmd_eval_despin)

    p = sub.add_parser("cache", help="the tagger's ONNX graphs cached per weights ($ZHIE_CACHE_DIR or the user cache "
                                     "dir): list them, or --prune the least recently used.")
    p.add_argument("--prune", action="store_true", help="delete the graphs of all but the most recently used weights.")
    p.add_argument("--keep", type=int, metavar="N", help="with --prune: weights to keep (default 3; 0 clears the cache).")
    p.set_defaults(func=cmd_cache)

    p = sub.add_parser("train", help="rebuild a shipped model from the corpora, reproducibly.")
    p.add_argument("what", choices=sorted(TRAINERS), help="which model: " + "; ".join(
        f"{k} -> {v[2] or '$ZHIE_CACHE_DIR'}" for k, v in sorted(TRAINERS.items())) + ".")
    p.add_argument("-o", "--out", metavar="PATH",
                   help="output directory or file (default: the shipped one in the project folder, whatever the "
                        "working directory).")
    p.add_argument("--features", default=None, action=argparse.BooleanOptionalAction,
                   help="model only: train the tagger with (or without) the jieba word-position / POS input "
                        "features (train_model(features=...), nlp/extract/features.py; default: train_model's).")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except ZhieError as exc:
        print(f"zhie: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhie: interrupted; rerun with --resume to continue.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
