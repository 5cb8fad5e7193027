"""Readers: turn input paths into a stream of records, one per page, never dropping any.

Supported inputs:
- a directory: every regular file below it (recursive, sorted, hidden files skipped),
  each read by its extension;
- ``.jsonl`` / ``.ndjson``: one record per line, text in ``text_field`` (default
  ``text``); ``id`` and every other field are kept;
- a Hugging Face ``datasets`` dataset saved with ``save_to_disk`` (a directory with
  ``dataset_info.json`` / ``state.json`` / ``dataset_dict.json``);
- ``.parquet``: rows, like JSONL;
- anything else (``.txt``, ``.html``, ``.md`` ...): the whole file is one page, read
  as bytes so the decode stage can detect its encoding.

A line that is not JSON, lacks the text field, or a file that cannot be read
becomes a :class:`Record` with ``error`` set, so the runner still writes exactly one
output record for it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..decode import decode
from ..errors import InputError

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DATASET_MARKERS = ("dataset_info.json", "state.json", "dataset_dict.json")


@dataclass(slots=True)
class Record:
    """One input record.

    Attributes:
        id (str): the record id (kept from the input, or derived from path/line).
        source (str): where it came from: ``path`` or ``path:line``.
        payload (bytes | str | None): the page; None for an unreadable record.
        meta (dict): other input fields, written back unchanged.
        encoding (str | None): encoding already used to read a text payload.
        error (str | None): why the record could not be read.
    """

    id: str
    source: str
    payload: bytes | str | None
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    error: str | None = None


def is_hf_dataset(path: Path) -> bool:
    return path.is_dir() and any((path / m).exists() for m in DATASET_MARKERS)


def iter_records(inputs: list[str | Path], *, text_field: str = "text", id_field: str = "id") -> Iterator[Record]:
    """Yield records from every input path, in order."""
    for inp in inputs:
        path = Path(inp)
        if is_hf_dataset(path):
            yield from read_hf_dataset(path, text_field=text_field, id_field=id_field)
        elif path.is_dir():
            for f in _walk(path):
                yield from _read_file(f, root=path, text_field=text_field, id_field=id_field)
        elif path.exists():
            yield from _read_file(path, root=None, text_field=text_field, id_field=id_field)
        else:
            yield Record(id=path.name, source=str(path), payload=None,
                         error=str(InputError(f"input not found: {path}; check the path.")))


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _read_file(path: Path, *, root: Path | None, text_field: str, id_field: str) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, text_field=text_field, id_field=id_field)
    elif suffix == ".parquet":
        yield from read_parquet(path, text_field=text_field, id_field=id_field)
    else:
        rid = str(path.relative_to(root)) if root else path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Record(id=rid, source=str(path), payload=None,
                         error=str(InputError(f"cannot read {path}: {exc.strerror or exc}")))
            return
        yield Record(id=rid, source=str(path), payload=data)


def _row_to_record(row: Any, *, rid_default: str, source: str, text_field: str, id_field: str,
                   encoding: str | None = None) -> Record:
    if not isinstance(row, dict):
        return Record(id=rid_default, source=source, payload=None,
                      error=str(InputError(f"{source}: expected a JSON object, got {type(row).__name__}.")))
    rid = row.get(id_field)
    rid = rid_default if rid is None else str(rid)
    meta = {k: v for k, v in row.items() if k not in (text_field, id_field)}
    text = row.get(text_field)
    if text is None:
        return Record(id=rid, source=source, payload=None, meta=meta,
                      error=str(InputError(f"{source}: no '{text_field}' field; set --text-field to the column "
                                           f"holding the page (fields: {sorted(row)[:10]}).")))
    if not isinstance(text, str):
        return Record(id=rid, source=source, payload=None, meta=meta,
                      error=str(InputError(f"{source}: field '{text_field}' is {type(text).__name__}, not a string.")))
    return Record(id=rid, source=source, payload=text, meta=meta, encoding=encoding)


def read_jsonl(path: Path, *, text_field: str = "text", id_field: str = "id") -> Iterator[Record]:
    """One record per line; lines are decoded one by one so a GBK line among UTF-8
    ones (or a corrupt byte) costs that line only its bad bytes, never the file."""
    name = path.name
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue  # blank lines are not records
            source = f"{path}:{lineno}"
            rid_default = f"{name}:{lineno}"
            dec = decode(raw.rstrip(b"\r\n"))
            try:
                row = json.loads(dec.text)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield Record(id=rid_default, source=source, payload=None,
                             error=str(InputError(f"{source}: line is not valid JSON ({msg}).")))
                continue
            yield _row_to_record(row, rid_default=rid_default, source=source, text_field=text_field,
                                 id_field=id_field, encoding=dec.encoding)


def read_parquet(path: Path, *, text_field: str = "text", id_field: str = "id") -> Iterator[Record]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    i = 0
    for batch in table.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            i += 1
            yield _row_to_record(row, rid_default=f"{path.name}:{i}", source=f"{path}#{i}",
                                 text_field=text_field, id_field=id_field)


def read_hf_dataset(path: Path, *, text_field: str = "text", id_field: str = "id", split: str | None = None) -> Iterator[Record]:
    """Rows of a dataset saved with ``Dataset.save_to_disk`` (a DatasetDict yields
    every split in order, ids prefixed with the split name when the rows have none)."""
    import datasets

    ds = datasets.load_from_disk(str(path))
    parts = [(None, ds)] if isinstance(ds, datasets.Dataset) else [(k, ds[k]) for k in ds if split in (None, k)]
    for split_name, part in parts:
        prefix = f"{split_name}:" if split_name else ""
        for i, row in enumerate(part):
            yield _row_to_record(row, rid_default=f"{prefix}{i}", source=f"{path}#{prefix}{i}",
                                 text_field=text_field, id_field=id_field)
