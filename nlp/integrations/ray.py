"""``--engine ray``: the batch runner on Ray Data, output equal to the local run record for record.

Plan (the same guarantees as :func:`nlp.runner.run_batch`: records in == records
out, input order kept, atomic output):

1. the driver lists the input files (directories walked as the local readers walk
   them) and numbers them; each file is one row of a small Ray dataset;
2. ``flat_map`` reads each file inside Ray with the *local* readers
   (:mod:`nlp.io.readers`: JSONL line by line, Parquet, saved datasets, page files),
   so ids, sources and the error records of unreadable lines are identical, and
   keys every record ``(file number, record number)``;
3. ``map_batches`` with :class:`ZhieActor`, a callable class that builds the
   Pipeline once per actor (``concurrency=workers`` actors) and runs
   :func:`nlp.runner.process_chunk` (the local runner's own code) over the batch,
   writes one sorted shard file per batch under ``OUT.ray-shards/`` and returns only
   the shard's path and key range;
4. the driver merges the shards into ``OUT`` in key order (a heap merge that opens
   a shard only when its first key is due, so memory stays flat) through the
   runner's atomic :class:`~nlp.io.writers.JsonlWriter`, then deletes the shards.

Cluster: ``ray start --head`` on one node, ``ray start --address=HEAD:6379`` on the
others, then ``RAY_ADDRESS=HEAD:6379 zhie clean ... --engine ray``. The input files,
``OUT`` and ``OUT.ray-shards/`` must be on a filesystem every node sees (NFS or a
mounted bucket), and zhie (with its models) must be installed on every node.
Without ``RAY_ADDRESS`` a local Ray is started with ``workers`` CPUs and shut down
at the end.

Resume: shards are written atomically, one per finished batch, and kept until the
merge succeeds. ``resume=True`` (``--resume``) on an interrupted run reuses every
complete shard (checked against the saved input plan, ``plan.json``), skips their
records when reading, processes the rest and merges old and new shards.

Differences from the local runner: per-record timing stats (``ms.<stage>``) differ
run to run as they do between two local runs.
"""
from __future__ import annotations

import heapq
import json
import logging
import os
import pickle
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from ..config import Config
from ..errors import ConfigError, InputError
from ..io.writers import JsonlWriter, write_json_atomic

log = logging.getLogger("zhie")

#: records per map_batches call (one shard file each); the runner's chunk_size (16)
#: is kept inside the batch so stages see the same batches as a local run
BATCH_SIZE = 256
CHUNK_SIZE = 16


# --- reading (runs inside Ray tasks) ----------------------------------------
def plan_inputs(inputs: list[str | Path]) -> list[dict[str, Any]]:
    """Number the input files the way :func:`nlp.io.readers.iter_records` visits them.

    Returns:
        list[dict]: ``{"unit": i, "path": str, "root": str | None, "whole": bool}``;
        ``whole`` units (saved datasets, missing paths) are read with ``iter_records``
        as one unit, files (also those found in directories) with ``_read_file``.
    """
    from ..io.readers import _walk, is_hf_dataset

    units: list[dict[str, Any]] = []
    for inp in inputs:
        path = Path(inp)
        if is_hf_dataset(path) or not path.exists():
            units.append({"path": str(inp), "root": None, "whole": True})
        elif path.is_dir():
            units.extend({"path": str(f), "root": str(path), "whole": False} for f in _walk(path))
        else:
            units.append({"path": str(path), "root": None, "whole": False})
    for i, u in enumerate(units):
        u["unit"] = i
    return units


def _read_unit(row: dict[str, Any], *, text_field: str, id_field: str, cwd: str,
               done: dict[int, frozenset] | None = None) -> Iterator[dict[str, Any]]:
    """``flat_map`` body: every record of one input unit, keyed by (unit, index).

    ``done`` maps a unit to the record indices a resumed run already has in shards; those are skipped.
    """
    from ..io.readers import _read_file, iter_records

    # relative input paths are relative to the driver's directory; ids/sources keep them as given
    # (on a cluster node without that directory, absolute paths are needed anyway)
    if os.getcwd() != cwd and os.path.isdir(cwd):
        os.chdir(cwd)
    path = Path(str(row["path"]))
    if row["whole"]:
        records = iter_records([path], text_field=text_field, id_field=id_field)
    else:
        root = Path(str(row["root"])) if row["root"] else None
        records = _read_file(path, root=root, text_field=text_field, id_field=id_field)
    skip = (done or {}).get(int(row["unit"]), frozenset())
    for i, rec in enumerate(records):
        if i not in skip:
            yield {"unit": int(row["unit"]), "index": i, "record": pickle.dumps(rec, protocol=5)}


# --- processing (one ZhieActor per worker) ----------------------------------
class ZhieActor:
    """Callable class for ``map_batches``: one Pipeline per actor, one shard per batch.

    Args:
        config_data (dict): ``Config.data`` of the run.
        shard_dir (str): directory for the shard files.
        keep_stages (bool): write per-stage texts (``--keep-stages``).
        fitted (dict | None): corpus-level stage states fitted by the driver
            (:func:`nlp.runner.fit_corpus_state`), loaded into every actor's pipeline.
    """

    def __init__(self, config_data: dict, shard_dir: str, keep_stages: bool = False,
                 fitted: dict[str, dict] | None = None):
        try:  # one CPU per actor: a torch backend must not spread over the node's cores
            import torch

            torch.set_num_threads(1)
        except ImportError:
            pass
        from ..runner import _Worker

        _Worker.init(config_data, keep_stages, fitted)  # builds the Pipeline once for this actor
        self.shard_dir = Path(shard_dir)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from ..io.writers import dumps
        from ..runner import process_chunk

        keys = sorted(zip((int(u) for u in batch["unit"]), (int(i) for i in batch["index"]),
                          batch["record"]), key=lambda k: (k[0], k[1]))
        records = [pickle.loads(k[2]) for k in keys]
        out: list[dict[str, Any]] = []
        for i in range(0, len(records), CHUNK_SIZE):
            out.extend(process_chunk(records[i:i + CHUNK_SIZE]))
        lo, hi = keys[0][:2], keys[-1][:2]
        # deterministic name: a retried batch overwrites its own shard instead of adding one
        name = f"{lo[0]:06d}-{lo[1]:010d}-{hi[0]:06d}-{hi[1]:010d}.jsonl"
        tmp = self.shard_dir / (name + f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for (u, i, _), rec in zip(keys, out):
                fh.write(f"{u}\t{i}\t{dumps(rec)}\n")
        os.replace(tmp, self.shard_dir / name)
        return {"shard": [name], "n": [len(out)], "lo_unit": [lo[0]], "lo_index": [lo[1]]}


# --- merging (driver) ---------------------------------------------------------
def _iter_shard(path: Path) -> Iterator[tuple[tuple[int, int], str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            u, i, rec = line.rstrip("\n").split("\t", 2)
            yield (int(u), int(i)), rec


def merge_shards(shard_dir: Path, shards: list[dict[str, Any]], *, with_keys: bool = False) -> Iterator[Any]:
    """Yield the records (JSON strings) of every shard in global key order.

    With ``with_keys``, yield ``((unit, index), record)`` pairs instead.

    Each shard is sorted; shards are opened in order of their first key, and only
    when that key is due, so with Ray's usual contiguous batches one or two files
    are open at a time.
    """
    shards = sorted(shards, key=lambda s: (s["lo_unit"], s["lo_index"]))
    heap: list = []
    nxt = 0
    seq = 0
    while heap or nxt < len(shards):
        while nxt < len(shards) and (not heap or (shards[nxt]["lo_unit"], shards[nxt]["lo_index"]) <= heap[0][0]):
            it = _iter_shard(shard_dir / shards[nxt]["shard"])
            first = next(it, None)
            if first is not None:
                heapq.heappush(heap, (first[0], seq, first[1], it))
                seq += 1
            nxt += 1
        key, _, rec, it = heapq.heappop(heap)
        yield (key, rec) if with_keys else rec
        following = next(it, None)
        if following is not None:
            heapq.heappush(heap, (following[0], seq, following[1], it))
            seq += 1


# --- resume -------------------------------------------------------------------
def _plan_key(units: list[dict[str, Any]], text_field: str, id_field: str) -> dict[str, Any]:
    return {"units": [[u["unit"], u["path"], u["root"], u["whole"]] for u in units],
            "text_field": text_field, "id_field": id_field}


def load_shards(shard_dir: Path) -> tuple[list[dict[str, Any]], dict[int, frozenset]]:
    """The complete shards an interrupted run left in ``shard_dir`` and the keys they hold.

    Only finished shards count: a shard is written to a temporary name and renamed when
    complete, so a ``*.tmp`` left by a killed actor is deleted and its batch redone.

    Returns:
        tuple: shard descriptors (as :func:`merge_shards` takes them) and
        ``{unit: frozenset(record indices)}`` of the records they hold.
    """
    shards: list[dict[str, Any]] = []
    done: dict[int, set] = {}
    for tmp in shard_dir.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
    for path in sorted(shard_dir.glob("*.jsonl")):
        keys = [k for k, _ in _iter_shard(path)]
        if not keys:
            continue
        for u, i in keys:
            done.setdefault(u, set()).add(i)
        shards.append({"shard": path.name, "n": len(keys), "lo_unit": keys[0][0], "lo_index": keys[0][1]})
    return shards, {u: frozenset(v) for u, v in done.items()}


# --- driver -------------------------------------------------------------------
def _init_ray(workers: int):
    """Connect to ``RAY_ADDRESS`` when set, else start a local Ray; return whether we started it."""
    import ray

    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
    if os.environ.get("RAY_ADDRESS"):
        ray.init(**kwargs)
    else:
        # metrics collection off: its agent must write a port file within the raylet's fixed 30 s,
        # which a loaded 2-core machine missed (raylet "Timed out waiting for file metrics_agent_port")
        os.environ.setdefault("RAY_enable_metrics_collection", "0")
        # local: a CPU per worker actor plus one for the read tasks; the object store only
        # holds small batches (records are pickled pages), so 512 MB is plenty
        for attempt in (1, 2):
            try:
                ray.init(num_cpus=workers + 1, include_dashboard=False, object_store_memory=512 * 1024 ** 2,
                         **kwargs)
                break
            except Exception as exc:  # noqa: BLE001 - Ray raises a bare Exception on a slow start
                # on an overloaded machine the raylet gives its agents a fixed ~30 s to start; try once more
                if attempt == 2 or "timed out during startup" not in str(exc):
                    raise
                log.warning("local Ray did not start (%s); retrying once", exc)
                ray.shutdown()
    return True


def run_ray(inputs: list[str], out: str, config: Config | None = None, *, workers: int = 2, text_field: str = "text",
            id_field: str = "id", progress: bool = True, keep_stages: bool = False,
            resume: bool = False) -> dict[str, Any]:
    """Run the pipeline over ``inputs`` on Ray Data and write ``out`` like :func:`nlp.runner.run_batch`.

    Args:
        inputs (list[str]): files, directories, JSONL / Parquet shards, saved datasets.
        out (str): output JSONL path (written atomically; ``OUT.summary.json`` next to it).
        config (Config | None): the configuration; ``Config.load()`` when None.
        workers (int): actors running the pipeline (each holds one Pipeline / model).
            Defaults to 2.
        text_field (str): JSONL / dataset field holding the page. Defaults to ``"text"``.
        id_field (str): field holding the record id. Defaults to ``"id"``.
        progress (bool): tqdm bar (records) on stderr. Defaults to True.
        keep_stages (bool): write per-stage texts under ``stages``.
        resume (bool): reuse the complete shards of an interrupted run with the same
            inputs (``OUT.ray-shards/``); their records count as ``skipped_resume``.

    Returns:
        dict: :meth:`nlp.runner.Summary.to_dict` plus ``engine``, ``workers``, ``shards``.

    Raises:
        ConfigError: ``[E001]`` when Ray is not installed (``pip install 'zhie[ray]'``).
        InputError: ``[E101]`` when ``resume`` finds shards of a run over other inputs.
    """
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray Data: pip install 'zhie[ray]' (or \"ray[data]\").") from None
    from tqdm import tqdm

    from ..runner import Summary, fit_corpus_state

    config = config or Config.load()
    workers = max(1, int(workers))
    t0 = time.perf_counter()
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    shard_dir = out_path.with_name(out_path.name + ".ray-shards")
    units = plan_inputs(inputs)
    plan = _plan_key(units, text_field, id_field)
    old_shards: list[dict[str, Any]] = []
    done: dict[int, frozenset] = {}
    reused = 0  # records the resumed shards already hold
    if resume and (shard_dir / "plan.json").is_file():
        saved = json.loads((shard_dir / "plan.json").read_text(encoding="utf-8"))
        if saved != plan:
            raise InputError(f"--resume: {shard_dir} holds shards of a run over other inputs or fields; "
                             f"rerun with the same inputs, or without --resume to start again.")
        old_shards, done = load_shards(shard_dir)
        reused = sum(s["n"] for s in old_shards)
        log.info("resuming: %d records in %d shards of %s", reused, len(old_shards), shard_dir)
    else:
        shutil.rmtree(shard_dir, ignore_errors=True)
        shard_dir.mkdir(parents=True)
        write_json_atomic(shard_dir / "plan.json", plan)
    fitted = fit_corpus_state(inputs, config, text_field=text_field, id_field=id_field)  # as run_batch does
    started = _init_ray(workers)
    summary = Summary()
    shards: list[dict[str, Any]] = list(old_shards)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # our bar counts records; Ray's count blocks
        if units:
            # a block per input file lets Ray read files in parallel; capped so that a directory of
            # 100k pages does not become 100k tiny tasks
            ds = ray.data.from_items(units, override_num_blocks=min(len(units), 64 * workers))
            ds = ds.flat_map(_read_unit, fn_kwargs={"text_field": text_field, "id_field": id_field,
                                                    "cwd": os.getcwd(), "done": done or None})
            ds = ds.map_batches(ZhieActor, fn_constructor_args=(config.data, str(shard_dir.resolve()), keep_stages, fitted),
                                batch_size=BATCH_SIZE, concurrency=workers, num_cpus=1, batch_format="numpy")
            with tqdm(unit="rec", desc="zhie[ray]", file=sys.stderr, disable=not progress, dynamic_ncols=True,
                      initial=reused) as bar:
                for row in ds.iter_rows():
                    shards.append({k: (int(v) if k != "shard" else str(v)) for k, v in row.items()})
                    bar.update(int(row["n"]))
        summary.skipped_resume = reused
        with JsonlWriter(out_path) as writer:
            for (unit, index), line in merge_shards(shard_dir, shards, with_keys=True):
                rec = json.loads(line)
                writer.write(rec)
                summary.records_in += 1
                if index not in done.get(unit, ()):  # reused records count as "skipped by resume", as in run_batch
                    summary.add(rec)
        expected = sum(s["n"] for s in shards)
        if summary.records_in != expected:  # pragma: no cover - would be a merge bug
            raise RuntimeError(f"merged {summary.records_in} records from shards holding {expected}")
        shutil.rmtree(shard_dir, ignore_errors=True)
    finally:
        if started:
            ray.shutdown()
    summary.seconds = time.perf_counter() - t0
    result = summary.to_dict()
    result.update(engine="ray", workers=workers, shards=len(shards))
    write_json_atomic(out_path.with_name(out_path.name + ".summary.json"), result)
    return result
