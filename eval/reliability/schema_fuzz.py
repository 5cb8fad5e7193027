"""Schemathesis fuzz of the HTTP service against its own OpenAPI schema (issue 7: no 500s).

Usage: python eval/reliability/schema_fuzz.py [--examples 60] [--seconds 120]

Runs in-process against the ASGI app (``nlp.serve.create_app(Config.load())``):
no socket, no traffic leaves the process. For every operation, schemathesis
generates up to ``--examples`` requests from the schema (valid ones and, with
``--negative``, schema-violating ones); each response is counted by status class and
every 5xx is kept with the request that caused it. Bounded by examples and time.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def run_schemathesis(*, examples: int = 60, seconds: float = 120.0, negative: bool = True) -> dict:
    """Fuzz every operation; return ``{"cases", "status", "5xx", "failures", "operations"}``.

    Returns ``{"error": ...}`` when schemathesis or the service is not available.
    """
    try:
        import schemathesis
        from hypothesis import HealthCheck, given, settings
        from hypothesis.errors import Unsatisfiable
        from hypothesis.reporting import with_reporter
    except ImportError as exc:
        return {"error": f"schemathesis not installed ({exc}); pip install schemathesis"}
    try:
        from nlp import Config
        from nlp.serve import create_app
    except ImportError as exc:
        return {"error": f"nlp.serve not available ({exc})"}
    import torch

    torch.set_num_threads(1)
    app = create_app(Config.load())
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    status: Counter = Counter()
    failures: list[dict] = []
    violations: Counter = Counter()
    violation_examples: list[str] = []
    ops: dict[str, int] = {}
    deadline = time.perf_counter() + seconds
    modes = ["positive", "negative"] if negative else ["positive"]
    for result in schema.get_all_operations():
        op = result.ok()
        label = f"{op.method.upper()} {op.path}"
        for mode in modes:
            if time.perf_counter() > deadline:
                break
            try:
                strategy = op.as_strategy(generation_mode=schemathesis.GenerationMode(mode))
            except Exception as exc:  # noqa: BLE001 - a mode the operation cannot express
                ops[f"{label} [{mode}: {type(exc).__name__}]"] = 0
                continue
            n = 0

            @settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=strategy)
            def probe(case):
                nonlocal n
                if time.perf_counter() > deadline:
                    return
                n += 1
                resp = case.call()
                status[f"{resp.status_code // 100}xx"] += 1
                try:  # schemathesis' default checks: status documented, body matches the schema ...
                    case.validate_response(resp)
                except BaseException as exc:  # noqa: BLE001 - a FailureGroup: counted, first few kept
                    if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                        raise
                    subs = getattr(exc, "exceptions", None) or [exc]
                    for sub in subs:
                        title = getattr(sub, "title", "") or type(sub).__name__
                        violations[title] += 1
                        if len(violation_examples) < 6 and title not in {v.split(" | ")[0] for v in violation_examples}:
                            violation_examples.append(f"{title} | {label} [{mode}] -> {resp.status_code} "
                                                      f"{resp.text[:160]}")
                if resp.status_code >= 500 and len(failures) < 10:
                    failures.append({"operation": label, "mode": mode, "status": resp.status_code,
                                     "body": str(case.body)[:200], "headers": dict(case.headers or {}),
                                     "response": resp.text[:300]})

            try:
                with with_reporter(lambda *a: None):  # GET has no negative cases: no "@seed" noise
                    probe()
            except Unsatisfiable:
                pass
            ops[f"{label} [{mode}]"] = n
    return {"cases": sum(status.values()), "status": dict(sorted(status.items())),
            "5xx": sum(v for k, v in status.items() if k.startswith("5")), "failures": failures, "operations": ops,
            "schema_violations": dict(violations), "violation_examples": violation_examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=60)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--positive-only", action="store_true")
    args = ap.parse_args(argv)
    res = run_schemathesis(examples=args.examples, seconds=args.seconds, negative=not args.positive_only)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0 if not res.get("error") and res["5xx"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
