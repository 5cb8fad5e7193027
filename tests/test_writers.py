"""nlp.io.writers: atomic writes keep the old file on failure, leave no temporary, and are readable."""
from __future__ import annotations

import json
import stat

import numpy as np
import pytest

from nlp.io.writers import atomic_open, atomic_path, write_bytes_atomic, write_json_atomic


def test_atomic_open_replaces_on_success_and_keeps_old_content_on_failure(tmp_path):
    out = tmp_path / "sub" / "summary.json"
    write_json_atomic(out, {"records": 3})  # creates the parent directory
    assert json.loads(out.read_text(encoding="utf-8")) == {"records": 3}
    with pytest.raises(RuntimeError):
        with atomic_open(out) as fh:
            fh.write('{"records": ')
            raise RuntimeError("killed half-way")
    assert json.loads(out.read_text(encoding="utf-8")) == {"records": 3}  # never half-written
    assert sorted(p.name for p in out.parent.iterdir()) == ["summary.json"]  # no temporary left behind


def test_atomic_path_gives_each_writer_its_own_temporary_and_a_readable_file(tmp_path):
    out = tmp_path / "lm.npz"
    with atomic_path(out, suffix=".npz") as a, atomic_path(out, suffix=".npz") as b:
        assert a != b and a.parent == b.parent == tmp_path and a.name.endswith(".npz")
        np.savez_compressed(a, x=np.arange(3))  # a writer that insists on a file name
        np.savez_compressed(b, x=np.arange(5))
    # contexts exit innermost first: b lands, then a replaces it
    assert len(np.load(out)["x"]) == 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # mkstemp's 0600 is not what readers get
    assert [p.name for p in tmp_path.iterdir()] == ["lm.npz"]


def test_write_bytes_atomic_writes_exactly_the_bytes(tmp_path):
    data = "模型卡\n".encode("utf-8") + bytes(range(256))
    write_bytes_atomic(tmp_path / "README.md", data)
    assert (tmp_path / "README.md").read_bytes() == data
