"""Export the project's installed dependency closure as pinned requirements for pip-audit.

Usage: python eval/reliability/deps.py [--extras dev] > reqs.txt
       pip-audit -r reqs.txt --no-deps --disable-pip

Walks ``zhie``'s requirements (with the given extras) through the installed
distributions' metadata, so the audit covers exactly what this project pulls in,
at the versions installed here, and nothing else on the machine.
"""
from __future__ import annotations

import argparse
import re
from importlib import metadata

from packaging.requirements import Requirement


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root: str = "zhie", extras: tuple[str, ...] = ("dev",)) -> dict[str, str]:
    """name -> installed version for ``root`` and everything it requires."""
    seen: dict[str, str] = {}
    done: set[tuple[str, str]] = set()  # (package, extra or "") already expanded
    todo: list[tuple[str, tuple[str, ...]]] = [(root, extras)]
    while todo:
        name, want = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _norm(dist.metadata["Name"])
        seen[key] = dist.version
        for extra in ("",) + tuple(want):
            if (key, extra) in done:
                continue
            done.add((key, extra))
            for raw in dist.requires or []:
                req = Requirement(raw)
                if req.marker is not None and not req.marker.evaluate({"extra": extra}):
                    continue
                if req.marker is None and extra:
                    continue  # base requirements were expanded with extra ""
                todo.append((req.name, tuple(req.extras)))
    seen.pop(_norm(root), None)
    return dict(sorted(seen.items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extras", default="dev")
    args = ap.parse_args(argv)
    for name, version in closure(extras=tuple(e for e in args.extras.split(",") if e)).items():
        print(f"{name}=={version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
