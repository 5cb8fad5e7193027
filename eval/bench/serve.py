"""Load test: ``zhie serve`` under 32 concurrent clients vs in-process batch ``predict()`` (issue 6).

Usage: python eval/bench/serve.py [--requests 768] [--clients 32] [--max-seconds 180]
                                  [--texts-per-request 1] [--set serve.batch_wait_ms=5 ...] [--json OUT]

What it does, bounded and loopback-only:
1. sentences: every sentence (>= 8 characters) of the five seed pages, converted to
   Simplified (real text, numbers or not, as callers would send it);
2. starts the server (``python -m nlp.serve``) as a subprocess on 127.0.0.1 and a
   free port, and waits for ``/healthz``;
3. in-process batch benchmark: ``nlp.extract.predict`` on exactly the texts the load
   will send, in batches of ``serve.batch_max_texts`` (what ``zhie extract`` does),
   once before and once after the load (the faster pass counts, so load from other
   processes on the box cannot flatter the ratio);
4. load: ``--clients`` keep-alive connections send ``--requests`` POST /predict
   requests in total (``--texts-per-request`` texts each) and stop; a run also
   stops after ``--max-seconds`` (unsent requests are reported as such);
5. prints requests/s, texts/s, p50/p90/p99 latency, errors, the server's batch sizes
   and the ratio server texts/s / in-process texts/s (goal >= 70 %, 0 errors), then
   stops the server it started.

The client is a minimal asyncio HTTP/1.1 client (a few microseconds per request) so
the client's own CPU does not eat the shared 2 cores the server needs.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nlp import Config, Pipeline  # noqa: E402
from nlp.errors import ModelError  # noqa: E402
from nlp.extract import get_extractor, predict  # noqa: E402
from nlp.extract.sentences import split_sentences  # noqa: E402
from nlp.io.writers import write_text_atomic  # noqa: E402
from nlp.serve import ServeSettings  # noqa: E402


def seed_sentences(config: Config) -> list[str]:
    # convert only: the sentences must not depend on how fast or how strict the clean
    # stages are today; short chrome lines that remain are realistic caller input
    p = Pipeline(config, stages=["convert"])
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("0*_*.txt")):
        text = p.run(path.read_bytes()).text
        out += [text[s:e] for s, e in split_sentences(text) if e - s >= 8]
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, overrides: list[str]) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "nlp.serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    for o in overrides:
        cmd += ["--set", o]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


async def http(reader, writer, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    writer.write(head + body)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("server closed the connection")
    status = int(status_line.split()[1])
    length, close = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        k, _, v = line.decode("latin-1").partition(":")
        k = k.strip().lower()
        if k == "content-length":
            length = int(v)
        elif k == "connection" and v.strip().lower() == "close":
            close = True
    data = await reader.readexactly(length) if length else b""
    if close:
        raise _Closed(status, data)
    return status, data


class _Closed(Exception):
    def __init__(self, status, data):
        self.status, self.data = status, data


async def get_json(port: int, path: str) -> tuple[int, dict]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        status, data = await http(reader, writer, "GET", path)
        return status, json.loads(data)
    finally:
        writer.close()


async def wait_ready(port: int, proc: subprocess.Popen, timeout: float) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        try:
            status, body = await get_json(port, "/healthz")
            if status == 200 and body["status"] == "ok":
                return body
            if status == 503:
                raise SystemExit(f"server not ready: {body}")
        except (OSError, ValueError):
            pass
        await asyncio.sleep(0.25)
    raise SystemExit(f"server not ready after {timeout}s")


async def load(port: int, bodies: list[bytes], clients: int, max_seconds: float) -> dict:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    next_job = iter(range(len(bodies)))
    stop_at = time.perf_counter() + max_seconds

    def err(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def client() -> None:
        reader = writer = None
        for i in next_job:
            if time.perf_counter() > stop_at:
                err("not sent (time limit)")
                continue
            t0 = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                status, data = await asyncio.wait_for(http(reader, writer, "POST", "/predict", bodies[i]), 120)
                if status != 200:
                    err(f"HTTP {status}")
                elif "tuples" not in json.loads(data):
                    err("bad body")
                else:
                    latencies.append(time.perf_counter() - t0)
            except _Closed as c:
                err(f"HTTP {c.status}")
                writer.close()
                writer = None
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
                err(type(exc).__name__)
                if writer is not None:
                    writer.close()
                writer = None
        if writer is not None:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - t0
    return {"wall": wall, "latencies": latencies, "errors": errors}


def in_process(texts_per_request: list[list[str]], backend: str, options: dict, batch: int) -> float:
    flat = [t for texts in texts_per_request for t in texts]
    t0 = time.perf_counter()
    for i in range(0, len(flat), batch):
        predict(flat[i:i + batch], backend=backend, **options)
    return len(flat) / (time.perf_counter() - t0)


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=768, help="total requests (fixed; default 768)")
    ap.add_argument("--clients", type=int, default=32, help="concurrent connections (default 32)")
    ap.add_argument("--texts-per-request", type=int, default=1)
    ap.add_argument("--max-seconds", type=float, default=180.0, help="hard stop of the load phase")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override (server too)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args(argv)

    overrides = list(args.set)
    try:
        get_extractor("baseline").predict(["用户好感度因此上升8.4%。"])
    except ModelError:
        if not any(o.startswith("stages.extract.") for o in overrides):
            print("note: models/pkuseg not built; baseline runs with segmenter=lac (server and in-process alike)",
                  file=sys.stderr)
            overrides.append("stages.extract.segmenter=lac")
    config = Config.load(overrides=overrides)
    settings = ServeSettings.from_config(config)
    opts = config.stage_options("extract")
    backend = opts.pop("backend", "baseline")
    if not opts.get("model_dir"):
        opts.pop("model_dir", None)

    sents = seed_sentences(config)
    k = args.texts_per_request
    reqs = [[sents[(i * k + j) % len(sents)] for j in range(k)] for i in range(args.requests)]
    bodies = [json.dumps({"text": r[0] if k == 1 else r}, ensure_ascii=False).encode() for r in reqs]
    predict(sents[:8], backend=backend, **opts)  # load the extractor outside the timing

    port = free_port()
    proc = start_server(port, overrides)
    try:
        asyncio.run(wait_ready(port, proc, 180))
        before = in_process(reqs, backend, opts, settings.batch_max_texts)
        # warm the connection path (not counted)
        asyncio.run(load(port, bodies[:args.clients], args.clients, 60))
        _, h0 = asyncio.run(get_json(port, "/healthz"))
        res = asyncio.run(load(port, bodies, args.clients, args.max_seconds))
        _, h1 = asyncio.run(get_json(port, "/healthz"))
        after = in_process(reqs, backend, opts, settings.batch_max_texts)
        _, version = asyncio.run(get_json(port, "/version"))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)

    lat = res["latencies"]
    ok = len(lat)
    n_err = sum(res["errors"].values())
    rps = ok / res["wall"]
    tps = rps * k
    batch_tps = max(before, after)
    b0, b1 = h0["batching"]["predict"], h1["batching"]["predict"]
    batches = b1["batches"] - b0["batches"]
    out = {
        "model": version["model"]["id"], "clients": args.clients, "requests": args.requests,
        "texts_per_request": k, "ok": ok, "errors": n_err, "errors_by_kind": res["errors"],
        "seconds": round(res["wall"], 2), "requests_per_s": round(rps, 1), "texts_per_s": round(tps, 1),
        "p50_ms": round(1000 * pct(lat, 0.50), 1), "p90_ms": round(1000 * pct(lat, 0.90), 1),
        "p99_ms": round(1000 * pct(lat, 0.99), 1),
        "server_batches": batches,
        "mean_batch_texts": round((b1["items"] - b0["items"]) / batches, 2) if batches else 0,
        "max_batch_texts": b1["max_batch_items"],
        "in_process_texts_per_s": round(batch_tps, 1),
        "in_process_passes": [round(before, 1), round(after, 1)],
        "ratio": round(tps / batch_tps, 3),
        "goal": "ratio >= 0.70 and 0 errors",
        "config": {"batch_max_texts": settings.batch_max_texts, "batch_wait_ms": settings.batch_wait_ms,
                   "overrides": overrides},
    }
    print(f"model {out['model']}; {len(sents)} seed sentences; {args.clients} clients x {args.requests} requests "
          f"({k} text(s) each), loopback")
    print(f"server:     {out['requests_per_s']} req/s, {out['texts_per_s']} texts/s, p50 {out['p50_ms']} ms, "
          f"p90 {out['p90_ms']} ms, p99 {out['p99_ms']} ms, errors {n_err} {res['errors'] or ''}")
    print(f"batching:   {batches} batches, mean {out['mean_batch_texts']} texts, max {out['max_batch_texts']}")
    print(f"in-process: {out['in_process_texts_per_s']} texts/s (passes before/after load: {out['in_process_passes']})")
    verdict = "MET" if out["ratio"] >= 0.70 and n_err == 0 else "NOT MET"
    print(f"ratio:      {out['ratio']:.1%} of in-process (goal >= 70 %, 0 errors): {verdict}")
    if args.json:
        write_text_atomic(args.json, json.dumps(out, ensure_ascii=False, indent=2))
    return 0 if verdict == "MET" else 1


if __name__ == "__main__":
    sys.exit(main())
