"""Hugging Face ``datasets``: clean / extract a dataset in place of a JSONL run.

Two entry points, both wrapping the one :class:`nlp.pipeline.Pipeline`:

- :func:`make_map_fn` returns a picklable callable for ``Dataset.map(batched=True)``
  that adds ``zhie_*`` columns (cleaned text, edits, stats, error, and tuples when
  the config runs ``extract``) and keeps every original column untouched;
- :func:`run_dataset` loads a dataset saved with ``save_to_disk``, maps it and saves
  the result (``zhie clean/extract --dataset PATH --save-dataset OUT``).

Example:
    >>> import datasets
    >>> from nlp import Config
    >>> from nlp.integrations.hf_datasets import make_map_fn
    >>> fn = make_map_fn(Config.load())
    >>> ds = datasets.Dataset.from_dict({"text": ["當前位置:首頁"], "url": ["u1"]})
    >>> out = ds.map(fn, batched=True, features=fn.features(ds.features))
    >>> out[0]["zhie_text"], out[0]["url"]
    ('当前位置:首页', 'u1')

Column contract (``prefix`` defaults to ``"zhie_"``):
    ``zhie_text`` (str | None: None for an error row), ``zhie_error`` (str | None,
    ``"[Ennn] ..."``), ``zhie_edits`` (list of {stage, reason, raw_start, raw_end,
    text, replacement, confidence, note}), ``zhie_stats`` and ``zhie_info`` (JSON
    strings: their keys vary per row, which Arrow cannot store as a struct),
    ``zhie_tuples`` (only when ``extract`` is a stage: list of {actor, action,
    quantity, unit, value, qualifier, sentence, score, offsets}; ``offsets`` a JSON string).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import InputError
from ..runner import process_limited, record_limit, timeout_message

__all__ = ["ZhieMap", "make_map_fn", "run_dataset"]


def _edit_row(e: dict[str, Any]) -> dict[str, Any]:
    # fixed keys: Edit.to_dict omits confidence == 1.0 and an empty note, but an Arrow struct needs every key
    return {"stage": e["stage"], "reason": e["reason"], "raw_start": e["raw_start"], "raw_end": e["raw_end"],
            "text": e["text"], "replacement": e["replacement"], "confidence": float(e.get("confidence", 1.0)),
            "note": e.get("note", "")}


def _tuple_row(t: dict[str, Any]) -> dict[str, Any]:
    return {"actor": t["actor"], "action": t["action"], "quantity": t["quantity"], "unit": t["unit"],
            "value": None if t.get("value") is None else float(t["value"]), "qualifier": t.get("qualifier", "="),
            "sentence": t.get("sentence", ""), "score": float(t.get("score", 1.0)),
            "offsets": json.dumps(t.get("offsets") or {}, ensure_ascii=False, sort_keys=True)}


class ZhieMap:
    """Batched ``Dataset.map`` function running the zhie pipeline on one text column.

    The Pipeline is built lazily, once per process (``num_proc`` workers each build
    their own), and is not pickled: only the config travels.

    Args:
        config (Config): the pipeline configuration (stages, limits, options).
        text_field (str): column holding the page text. Defaults to ``"text"``.
        id_field (str): column holding the record id, used in error messages;
            the row index when absent. Defaults to ``"id"``.
        prefix (str): prefix of the added columns. Defaults to ``"zhie_"``.
    """

    def __init__(self, config: Config, text_field: str = "text", *, id_field: str = "id", prefix: str = "zhie_",
                 fitted: dict[str, dict] | None = None):
        self.config_data = config.data
        self.text_field = text_field
        self.id_field = id_field
        self.prefix = prefix
        self.extract = "extract" in config.stages
        self.fitted = fitted
        self._pipeline = None

    # pickling (datasets fingerprints and ships the function to num_proc workers)
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_pipeline"] = None
        return state

    @property
    def pipeline(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(Config(self.config_data))
            for stage in self._pipeline.stages:  # corpus statistics fitted once (clean.corpus)
                if self.fitted and stage.name in self.fitted:
                    stage.load_state(self.fitted[stage.name])
        return self._pipeline

    @property
    def columns(self) -> list[str]:
        """Names of the columns this function adds."""
        names = ["text", "error", "edits", "stats", "info"] + (["tuples"] if self.extract else [])
        return [self.prefix + n for n in names]

    def features(self, base=None):
        """``datasets.Features`` of the mapped dataset: ``base`` plus the added columns.

        Pass it to ``Dataset.map(features=...)``: without it the type of an all-empty
        edits list in the first batch would be guessed as ``list<null>`` and clash with
        the next batch.
        """
        from datasets import Features, Value

        p = self.prefix
        feats = dict(base or {})
        feats[p + "text"] = Value("string")
        feats[p + "error"] = Value("string")
        feats[p + "edits"] = [{"stage": Value("string"), "reason": Value("string"), "raw_start": Value("int64"),
                               "raw_end": Value("int64"), "text": Value("string"), "replacement": Value("string"),
                               "confidence": Value("float64"), "note": Value("string")}]
        feats[p + "stats"] = Value("string")
        feats[p + "info"] = Value("string")
        if self.extract:
            feats[p + "tuples"] = [{"actor": Value("string"), "action": Value("string"),
                                    "quantity": Value("string"), "unit": Value("string"),
                                    "value": Value("float64"), "qualifier": Value("string"),
                                    "sentence": Value("string"), "score": Value("float64"),
                                    "offsets": Value("string")}]
        return Features(feats)

    def __call__(self, batch: dict[str, list[Any]], indices: list[int] | None = None) -> dict[str, list[Any]]:
        """Process one batch (a dict of columns) and return the new columns only.

        Args:
            batch (dict[str, list]): the columns of the batch (``batched=True``).
            indices (list[int] | None): row indices (``with_indices=True``); used as
                ids when the dataset has no ``id_field`` column.

        Raises:
            InputError: ``[E101]`` when ``text_field`` is not a column.
        """
        if self.text_field not in batch:
            raise InputError(f"dataset has no column '{self.text_field}'; pass text_field= (--text-field) one of "
                             f"{sorted(batch)[:10]}.")
        texts = batch[self.text_field]
        ids = batch.get(self.id_field) or (indices if indices is not None else range(len(texts)))
        p = self.pipeline
        ids = [str(rid) for rid in ids]

        def build(i: int) -> Document:
            if not isinstance(texts[i], (str, bytes)):
                return Document(id=ids[i], status="error", error=str(InputError(
                    f"row {ids[i]}: column '{self.text_field}' is {type(texts[i]).__name__}, not a string.")))
            return p.make_doc(texts[i], id=ids[i])

        # limits.max_seconds as in the local runner: a pathological row becomes an error row, not a hung map
        limit = record_limit(p.config)
        docs, timed_out = process_limited(p, build, len(texts), limit)
        for i in timed_out:
            docs[i] = Document(id=ids[i], status="error", error=timeout_message(limit))
        cols: dict[str, list[Any]] = {c: [] for c in self.columns}
        pre = self.prefix
        for d in docs:
            rec = d.to_record()
            cols[pre + "text"].append(rec.get("text"))
            cols[pre + "error"].append(rec.get("error"))
            cols[pre + "edits"].append([_edit_row(e) for e in rec.get("edits", ())])
            cols[pre + "stats"].append(json.dumps(rec.get("stats") or {}, ensure_ascii=False, sort_keys=True))
            cols[pre + "info"].append(json.dumps(rec.get("info") or {}, ensure_ascii=False, sort_keys=True))
            if self.extract:
                cols[pre + "tuples"].append([_tuple_row(t) for t in rec.get("tuples", ())])
        return cols


def make_map_fn(config: Config | None = None, text_field: str = "text", *, id_field: str = "id",
                prefix: str = "zhie_", fit_on=None) -> ZhieMap:
    """A batched ``Dataset.map`` function adding ``zhie_*`` columns (see module docstring).

    Use with ``ds.map(fn, batched=True, features=fn.features(ds.features))``; the
    original columns are kept because the function only returns new ones.

    Args:
        config (Config | None): configuration; ``Config.load()`` when None.
        text_field (str): column holding the page. Defaults to ``"text"``.
        id_field (str): id column for error messages. Defaults to ``"id"``.
        prefix (str): prefix of the added columns. Defaults to ``"zhie_"``.
        fit_on (Dataset | Iterable | None): pages (a dataset with ``text_field``, or an
            iterable of str/bytes) to fit the corpus-level stages on (``clean.corpus``:
            lines a site repeats on many pages); the first ``batch.fit_corpus_pages``
            are read. None: no corpus statistics, each page is cleaned alone.
    """
    from ..runner import fit_corpus_texts

    config = config or Config.load()
    fitted = None
    if fit_on is not None:
        # rows one by one: fit_corpus_texts stops after batch.fit_corpus_pages, so a large
        # dataset's text column is never materialised whole
        pages = (r[text_field] for r in fit_on.select_columns([text_field])) \
            if hasattr(fit_on, "column_names") else fit_on
        fitted = fit_corpus_texts((t for t in pages if isinstance(t, (str, bytes))), config)
    return ZhieMap(config, text_field, id_field=id_field, prefix=prefix, fitted=fitted)


def _summarise(ds, prefix: str, into: dict[str, Any]) -> None:
    errs = into.setdefault("errors", Counter())
    removed = into.setdefault("removed_chars", Counter())
    for err, stats in zip(ds[prefix + "error"], ds[prefix + "stats"]):
        into["records"] += 1
        if err:
            errs[err[1:5] if err.startswith("[E") else "E000"] += 1
            continue
        into["ok"] += 1
        for k, v in json.loads(stats).items():
            if k.startswith("removed."):
                removed[k[8:]] += v


def run_dataset(path: str | Path, save_path: str | Path, config: Config | None = None, *, text_field: str = "text",
                jobs: int = 1, progress: bool = True, batch_size: int = 32) -> dict[str, Any]:
    """Run the pipeline over a saved dataset and save the result with ``zhie_*`` columns added.

    Every split of a ``DatasetDict`` is processed; all original columns are kept.
    The output is written to a temporary directory next to ``save_path`` and moved
    into place at the end, so ``save_path`` only ever holds a complete dataset.
    Map cache files go to that temporary directory, never into the input dataset.

    Args:
        path (str | Path): a dataset saved with ``Dataset.save_to_disk``.
        save_path (str | Path): where to save the result (replaced if it exists;
            must differ from ``path``).
        config (Config | None): configuration; ``Config.load()`` when None.
        text_field (str): column holding the page. Defaults to ``"text"``.
        jobs (int): ``num_proc`` for ``Dataset.map``. Defaults to 1.
        progress (bool): show the datasets progress bars. Defaults to True.
        batch_size (int): rows per map batch (stages batch model calls across it).

    Returns:
        dict: ``records``, ``ok``, ``errors`` (by code), ``removed_chars`` (by reason),
        ``seconds``, ``splits`` (rows per split), ``columns`` (added), ``save_path``.

    Raises:
        InputError: ``[E101]`` when ``path`` is not a saved dataset, ``save_path`` is
            ``path``, or ``text_field`` is not a column.
    """
    import datasets

    from ..io.readers import is_hf_dataset

    config = config or Config.load()
    path, save_path = Path(path), Path(save_path)
    if not is_hf_dataset(path):
        raise InputError(f"{path} is not a dataset saved with save_to_disk (no dataset_info.json / state.json / "
                         "dataset_dict.json); pass the directory save_to_disk wrote.")
    if save_path.resolve() == path.resolve():
        raise InputError(f"--save-dataset {save_path} is the input dataset; write to another directory.")
    t0 = time.perf_counter()
    ds = datasets.load_from_disk(str(path))
    parts = {None: ds} if isinstance(ds, datasets.Dataset) else dict(ds)
    for name, part in parts.items():
        if text_field not in part.column_names:
            where = f" (split {name})" if name else ""
            raise InputError(f"dataset{where} has no column '{text_field}'; pass --text-field, one of "
                             f"{part.column_names[:10]}.")
    # batch mode: clean.corpus is fitted on the first pages, as the local runner does
    fn = make_map_fn(config, text_field, fit_on=next(iter(parts.values())))
    save_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{save_path.name}.", dir=save_path.parent))
    was_enabled = datasets.is_progress_bar_enabled()
    if not progress:
        datasets.disable_progress_bars()
    summary: dict[str, Any] = {"records": 0, "ok": 0}
    try:
        out = {}
        cfg_hash = hashlib.sha1(config.to_json().encode("utf-8")).hexdigest()[:16]
        for name, part in parts.items():
            fp = hashlib.sha1(f"{part._fingerprint}|{cfg_hash}|{text_field}|zhie".encode()).hexdigest()[:16]
            mapped = part.map(
                fn, batched=True, batch_size=batch_size, with_indices=True, features=fn.features(part.features),
                num_proc=jobs if jobs > 1 else None, desc=f"zhie{'' if name is None else ' ' + name}",
                cache_file_name=str(tmp / "cache" / f"{name or 'data'}.arrow"), new_fingerprint=fp,
                load_from_cache_file=False)
            _summarise(mapped, fn.prefix, summary)
            out[name] = mapped
        result = out[None] if None in out else datasets.DatasetDict(out)
        final_tmp = tmp / "dataset"
        result.save_to_disk(str(final_tmp))
        del result, out, mapped  # release the memory-mapped cache files before moving
        old = None
        if save_path.exists():
            old = save_path.with_name(f".{save_path.name}.old-{os.getpid()}")
            os.replace(save_path, old)
        os.replace(final_tmp, save_path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if not progress and was_enabled:
            datasets.enable_progress_bars()
    summary["errors"] = dict(summary.get("errors", {}))
    summary["removed_chars"] = dict(summary.get("removed_chars", {}))
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["splits"] = {name or "": len(p) for name, p in parts.items()}
    summary["columns"] = fn.columns
    summary["save_path"] = str(save_path)
    return summary
