"""Writers: JSON Lines output that survives interruption.

Records are appended to ``OUT.partial`` and flushed per record; on completion the
file is fsynced and renamed to ``OUT`` (atomic on POSIX), so ``OUT`` only ever
exists complete. ``--resume`` reads the ids already in ``OUT.partial`` (dropping a
torn last line left by a kill -9) and the run appends the rest.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator


def partial_path(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def dumps(record: dict[str, Any]) -> str:
    # ensure_ascii=False keeps Chinese readable; surrogates were replaced at decode time
    # U+2028/2029 and NEL are legal raw in JSON strings but str.splitlines() and many
    # JSONL readers split on them (a PNG page produced a torn line, issue 7): escape them
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def scan_done(path: Path) -> tuple[Counter, int]:
    """Ids (with multiplicity) of the complete records in ``path``, and the byte
    length of its complete prefix (a torn final line is excluded)."""
    done: Counter = Counter()
    good = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                break
            done[str(rec.get("id"))] += 1
            good += len(line)
    return done, good


class JsonlWriter:
    """Append records to ``OUT.partial``; ``close()`` renames it to ``OUT``.

    Args:
        out (Path): final output path.
        resume (bool): keep the records already in ``OUT.partial`` (or a finished
            ``OUT``) and report their ids in ``done``.
    """

    def __init__(self, out: Path, *, resume: bool = False):
        self.out = Path(out)
        self.partial = partial_path(self.out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.done: Counter = Counter()
        if resume:
            if not self.partial.exists() and self.out.exists():
                os.replace(self.out, self.partial)  # a finished run: extend it
            if self.partial.exists():
                self.done, good = scan_done(self.partial)
                with open(self.partial, "r+b") as fh:
                    fh.truncate(good)
        elif self.partial.exists():
            self.partial.unlink()
        self._fh = open(self.partial, "ab")
        self.written = 0

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write(dumps(record).encode("utf-8") + b"\n")
        self._fh.flush()
        self.written += 1

    def close(self, *, complete: bool = True) -> None:
        if self._fh.closed:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        if complete:
            os.replace(self.partial, self.out)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(complete=exc_type is None)


@contextmanager
def atomic_path(path: str | Path, *, suffix: str = "") -> Iterator[Path]:
    """A temporary path next to ``path``, renamed onto ``path`` when the block succeeds.

    For writers that need a file name (safetensors, ``np.savez``, ``torch.onnx.export``).
    The name is unique (``mkstemp``), so concurrent writers of the same file never share
    a temporary; the file is made world-readable (``mkstemp`` creates it 0600) before the
    rename. On an exception the temporary is removed and ``path`` keeps its content.
    Parent directories are created.

    Args:
        path: the final file.
        suffix: suffix of the temporary name, for writers that add or check one
            (``np.savez`` appends ``.npz`` to names without it).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path: str | Path) -> Iterator[IO[str]]:
    """Open ``path`` for writing text through a temporary file, renamed into place on success.

    Readers never see a half-written file; on an exception the temporary file is removed
    and ``path`` keeps its previous content. Parent directories are created.
    """
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        yield fh


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_open(path) as fh:
        fh.write(text)


def write_json_atomic(path: str | Path, obj: Any) -> None:
    """Write ``obj`` as indented, key-sorted JSON to ``path`` atomically."""
    write_text_atomic(path, json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


def write_jsonl_atomic(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    """Write one ``json.dumps(record, ensure_ascii=False)`` line per record, atomically."""
    with atomic_open(path) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
