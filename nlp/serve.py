"""HTTP service: ``POST /predict``, ``POST /clean``, ``GET /healthz``, ``GET /version``.

``zhie serve`` (:func:`serve`) runs the app :func:`create_app` builds with uvicorn.
The service wraps the same code paths as the CLI (one implementation):

* ``/predict`` calls :func:`nlp.extract.predict` with the backend and options of
  ``[stages.extract]`` (``backend = "baseline" | "model"``);
* ``/clean`` runs the configured :class:`nlp.pipeline.Pipeline` (``[pipeline] stages``)
  on a raw page, JSON ``{"text": ...}`` or the page's bytes in any encoding.

Requests from concurrent callers are **micro-batched** (:class:`MicroBatcher`): a
batch goes to the model when it holds ``serve.batch_max_texts`` texts or
``serve.batch_wait_ms`` after its first request arrived, whichever is first. While a
batch runs, new requests queue up and form the next batch at once, so under load the
model sees batches close to the size the batch runner uses.

Limits (``[serve]`` in ``nlp/default.toml``), each with a coded JSON error
``{"error": "[Ennn] what and how to fix", "code": "Ennn", "detail": ...}``:

* body over ``max_body_bytes`` -> 413 (from Content-Length before reading, or while
  reading a chunked body);
* more than ``max_texts`` texts, or a text over ``max_text_chars`` -> 413;
* invalid JSON, wrong types, unknown fields -> 422 with the field and the reason;
* a JSON body that is not UTF-8 -> 400 (raw pages sent as bytes to ``/clean`` may
  use any encoding: the decoder handles GB18030, Big5, UTF-16);
* a request over ``timeout_seconds`` (queueing included) -> 504;
* more than ``max_queue`` texts waiting -> 503 with ``Retry-After``;
* extractor not available (model missing) -> 503 naming the fix.

Importing this module has no side effects: models load on first use or in the
app's start-up (``serve.warmup``), never at import or in :func:`create_app`.

Example:
    >>> from nlp import Config
    >>> from nlp.serve import create_app
    >>> app = create_app(Config.load())          # an ASGI app; nothing is loaded yet
    >>> sorted(r.path for r in app.routes if r.path.startswith("/") and "doc" not in r.path)[:3]
    ['/clean', '/healthz', '/openapi.json']
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import os
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from . import __version__
from .config import Config
from .errors import ConfigError, InputError, LimitError, ModelError, ZhieError

log = logging.getLogger("zhie.serve")

__all__ = ["create_app", "serve", "ServeSettings", "MicroBatcher", "model_info"]

#: environment variable carrying the config to uvicorn worker processes (workers > 1)
CONFIG_ENV = "ZHIE_SERVE_CONFIG"
_JSON_TYPES = ("application/json",)


# --- settings ------------------------------------------------------------------
@dataclass(frozen=True)
class ServeSettings:
    """The ``[serve]`` section (see the comments in ``nlp/default.toml``)."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    max_body_bytes: int = 1_048_576
    max_texts: int = 64
    max_text_chars: int = 20_000
    timeout_seconds: float = 30.0
    batch_max_texts: int = 64
    batch_wait_ms: float = 5.0
    clean_batch_max: int = 8
    max_queue: int = 2048
    warmup: bool = True

    @classmethod
    def from_config(cls, config: Config) -> ServeSettings:
        """Read and check ``[serve]``; unknown keys and wrong types are a ConfigError."""
        data = config.section("serve")
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ConfigError(f"[serve] got unknown key(s) {unknown}. Valid keys: {sorted(known)}.")
        values: dict[str, Any] = {}
        for name, value in data.items():
            want = type(getattr(cls, name))
            if want is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, want) or (want is int and isinstance(value, bool)):
                raise ConfigError(f"serve.{name} must be {want.__name__}, got {type(value).__name__} ({value!r}).")
            values[name] = value
        s = cls(**values)
        for name in ("max_body_bytes", "max_texts", "max_text_chars", "batch_max_texts", "clean_batch_max",
                     "max_queue", "workers"):
            if getattr(s, name) < 1:
                raise ConfigError(f"serve.{name} must be at least 1, got {getattr(s, name)}.")
        if s.timeout_seconds <= 0 or s.batch_wait_ms < 0:
            raise ConfigError("serve.timeout_seconds must be > 0 and serve.batch_wait_ms >= 0.")
        return s


# --- errors --------------------------------------------------------------------
class ApiError(Exception):
    """An error answered with ``status`` and a coded JSON body."""

    def __init__(self, status: int, error: ZhieError | str, *, detail: Any = None, headers: dict | None = None):
        if isinstance(error, str):
            error = InputError(error)
        self.status = status
        self.message = str(error)
        self.code = error.code
        self.detail = detail
        self.headers = headers
        super().__init__(self.message)


def _error_body(message: str, code: str, detail: Any = None) -> dict:
    body: dict[str, Any] = {"error": message, "code": code}
    if detail is not None:
        body["detail"] = detail
    return body


class _Json(JSONResponse):
    """Compact UTF-8 JSON; never fails on text the caller sent (lone surrogates -> "?")."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")


def _error_response(status: int, message: str, code: str, detail: Any = None,
                    headers: dict | None = None) -> JSONResponse:
    return _Json(_error_body(message, code, detail), status_code=status, headers=headers)


def _status_of(exc: BaseException) -> int:
    """HTTP status for an exception raised while processing (not while parsing)."""
    if isinstance(exc, (ModelError, ConfigError)):
        return 503  # the service cannot answer until the model/config is fixed
    if isinstance(exc, LimitError):
        return 413
    return 500


def _validation_detail(errors: list[dict]) -> list[dict]:
    out = []
    for e in errors:
        kind = e.get("type", "")
        msg = str(e.get("msg", ""))
        if kind == "json_invalid":  # loc is ("body", char offset); ctx has the parser's reason
            pos = e.get("loc", ("body", "?"))[-1]
            reason = (e.get("ctx") or {}).get("error", "")
            out.append({"field": "(body)", "message": f"invalid JSON at character {pos}: {reason}".rstrip(": "),
                        "type": kind, "_branch": False})
            continue
        loc = [p for p in e.get("loc", ()) if p != "body"]
        branch = any(p in _UNION_TAGS for p in loc)  # pydantic names the str | list[str] branch
        loc = [p for p in loc if p not in _UNION_TAGS]
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or "(body)"
        out.append({"field": field, "message": msg, "type": kind, "_branch": branch})
    # one message per field: "text": 42 fails both branches -> "must be a string or a list of
    # strings"; ["a", 7] fails at text[1], which says more than the str branch's "text"
    listed = {d["field"].split("[")[0] for d in out if d["_branch"] and "[" in d["field"]}
    merged: dict[str, dict] = {}
    for d in out:
        branch = d.pop("_branch")
        if branch and "[" not in d["field"] and d["field"] in listed:
            continue
        if branch and d["field"] in merged:
            merged[d["field"]]["message"] = "must be a string or a list of strings"
            merged[d["field"]]["type"] = "union_type"
            continue
        merged.setdefault(d["field"], d)
    return list(merged.values())


_UNION_TAGS = ("str", "list[str]")


def _validation_message(detail: list[dict]) -> str:
    parts = [f"{d['field']}: {d['message']}" for d in detail[:3]]
    more = f" (+{len(detail) - 3} more)" if len(detail) > 3 else ""
    return str(InputError("invalid request: " + "; ".join(parts) + more +
                          ". See the request schema at /docs or /openapi.json."))


# --- micro-batching ------------------------------------------------------------
class Overloaded(Exception):
    """More texts are waiting than ``max_queue``."""


@dataclass
class _Pending:
    items: list
    future: asyncio.Future
    t: float


class _ItemFailed:
    __slots__ = ("exc",)

    def __init__(self, exc: BaseException):
        self.exc = exc


class MicroBatcher:
    """Collect items from concurrent callers into batches for one function.

    Args:
        fn (Callable[[list], list]): maps a list of items to a list of results of the
            same length; runs in one dedicated thread (so the model it wraps is used by
            one thread at a time and loads in that thread).
        max_batch (int): a batch is sent when it holds this many items. A single
            request with more items is sent alone, whole.
        max_wait (float): seconds after the first queued request when the batch is
            sent even if not full.
        max_queue (int): items allowed to wait; :meth:`submit` raises
            :class:`Overloaded` beyond it.
        name (str): thread name suffix, for debugging.

    A failing batch is retried item by item, so one bad text fails only its own
    request. ``stats`` counts batches, items and requests.
    """

    def __init__(self, fn: Callable[[list], list], *, max_batch: int, max_wait: float, max_queue: int,
                 name: str = "batch"):
        self.fn = fn
        self.max_batch = max_batch
        self.max_wait = max_wait
        self.max_queue = max_queue
        self.name = name
        self.executor = ThreadPoolExecutor(1, thread_name_prefix=f"zhie-{name}")
        self.stats = {"batches": 0, "items": 0, "requests": 0, "max_batch_items": 0, "max_batch_requests": 0}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: deque[_Pending] = deque()
        self._queued = 0
        self._wake: asyncio.Event | None = None
        self._full: asyncio.Event | None = None
        self._task: asyncio.Task | None = None

    def _bind(self) -> None:
        # bound to the loop of the first caller; a new loop (test clients) gets fresh state
        loop = asyncio.get_running_loop()
        if self._loop is loop and self._task is not None and not self._task.done():
            return
        self._loop = loop
        self._queue = deque()
        self._queued = 0
        self._wake = asyncio.Event()
        self._full = asyncio.Event()
        self._task = loop.create_task(self._worker(), name=f"zhie-{self.name}-batcher")

    async def submit(self, items: list) -> list:
        """Queue ``items`` (one request's) and wait for their results, in order."""
        self._bind()
        if self._queued + len(items) > self.max_queue and self._queued:
            raise Overloaded(f"{self._queued} texts are already waiting (serve.max_queue={self.max_queue})")
        fut = self._loop.create_future()
        self._queue.append(_Pending(list(items), fut, time.perf_counter()))
        self._queued += len(items)
        if self._queued >= self.max_batch:
            self._full.set()
        self._wake.set()
        results = await fut
        for r in results:
            if isinstance(r, _ItemFailed):
                raise r.exc
        return results

    def snapshot(self) -> dict[str, int]:
        """Counters plus the texts waiting right now (``queued``)."""
        return {**self.stats, "queued": self._queued}

    async def run_sync(self, fn: Callable, *args) -> Any:
        """Run ``fn(*args)`` on the batcher's thread (warm-up, model info)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    def _take(self) -> list[_Pending]:
        batch: list[_Pending] = []
        n = 0
        while self._queue:
            p = self._queue[0]
            if p.future.done():  # cancelled by a timeout while waiting
                self._queue.popleft()
                self._queued -= len(p.items)
                continue
            if batch and n + len(p.items) > self.max_batch:
                break
            self._queue.popleft()
            self._queued -= len(p.items)
            batch.append(p)
            n += len(p.items)
        if self._queued < self.max_batch:
            self._full.clear()
        return batch

    def _call(self, items: list) -> list:
        try:
            results = self.fn(items)
            if len(results) != len(items):
                raise RuntimeError(f"{self.name}: {len(results)} results for {len(items)} items")
            return results
        except Exception as exc:  # noqa: BLE001 - isolate the bad item(s)
            if len(items) == 1:
                return [_ItemFailed(exc)]
            out = []
            for item in items:
                try:
                    out.append(self.fn([item])[0])
                except Exception as exc:  # noqa: BLE001
                    out.append(_ItemFailed(exc))
            return out

    async def _worker(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                delay = self._queue[0].t + self.max_wait - time.perf_counter()
                if delay > 0 and self._queued < self.max_batch:
                    try:
                        await asyncio.wait_for(self._full.wait(), delay)
                    except asyncio.TimeoutError:
                        pass
                batch = self._take()
                if not batch:
                    continue
                items = [it for p in batch for it in p.items]
                try:
                    results = await loop.run_in_executor(self.executor, self._call, items)
                except Exception as exc:  # noqa: BLE001 - executor failure: fail this batch only
                    results = [_ItemFailed(exc)] * len(items)
                st = self.stats
                st["batches"] += 1
                st["items"] += len(items)
                st["requests"] += len(batch)
                st["max_batch_items"] = max(st["max_batch_items"], len(items))
                st["max_batch_requests"] = max(st["max_batch_requests"], len(batch))
                k = 0
                for p in batch:
                    part = results[k:k + len(p.items)]
                    k += len(p.items)
                    if not p.future.done():
                        p.future.set_result(part)

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.executor.shutdown(wait=False, cancel_futures=True)


# --- model identity -------------------------------------------------------------
_INFO_FILES = ("manifest.json", "meta.json", "settings.json", "scores.json")
_SCORE_KEYS = ("scores", "eval", "heldout", "test", "dev")
_INFO_CACHE: dict[str, dict] = {}


def model_info(backend: str, model_dir: str | os.PathLike | None) -> dict[str, Any]:
    """Identity and published scores of an extraction backend's model directory.

    The id is ``backend:dirname@sha256[:12]`` over the directory's top-level files
    (names and bytes), so two servers answer the same id exactly when they load the
    same model. Scores are read from the model card/manifest files the trainers
    write (``manifest.json``, ``meta.json``, ``settings.json``, ``scores.json``:
    keys ``scores``, ``eval``, ``heldout``, ``test``, ``dev``).

    Args:
        backend (str): backend name (``"baseline"``, ``"model"``).
        model_dir (str | PathLike | None): the backend's model directory.

    Returns:
        dict: ``{"id", "backend", "dir", "available", "scores", "card"}``.
    """
    path = Path(model_dir) if model_dir else None
    key = f"{backend}|{path}"
    if key in _INFO_CACHE:
        return _INFO_CACHE[key]
    info: dict[str, Any] = {"backend": backend, "dir": str(path) if path else None, "available": False,
                            "scores": {}, "card": None}
    if path is None or not path.is_dir() or not any(path.iterdir()):
        info["id"] = f"{backend}:{path.name if path else 'builtin'}@missing"
        return info  # not cached: the model may appear later (training finished)
    h = hashlib.sha256()
    for f in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")):
        h.update(f.name.encode() + b"\0")
        with open(f, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    info["id"] = f"{backend}:{path.name}@{h.hexdigest()[:12]}"
    info["available"] = True
    for name in _INFO_FILES:
        f = path / name
        if not f.is_file():
            continue
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            for k in _SCORE_KEYS:
                if k in data and k not in info["scores"]:
                    info["scores"][k] = data[k]
    card = path / "README.md"
    info["card"] = str(card) if card.is_file() else None
    _INFO_CACHE[key] = info
    return info


# --- request / response schemas ---------------------------------------------------
_EXAMPLE = "抖音电商平台2024年累计处理违规商品1.2万件，同比下降8.4%。"


class PredictRequest(BaseModel):
    """Cleaned Simplified text(s); a list gets one list of tuples per text."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": _EXAMPLE}]})
    text: Union[StrictStr, list[StrictStr]] = Field(
        ..., description="One cleaned text, or a list of them (at most serve.max_texts).")


class TupleOut(BaseModel):
    actor: str
    action: str
    quantity: str
    unit: str
    value: Optional[float] = None
    qualifier: str = "="
    sentence: str = ""
    offsets: dict[str, list[int]] = Field(default_factory=dict,
                                          description="Field spans in the sentence; 'text' = sentence span in the input.")
    score: float = 1.0


class PredictResponse(BaseModel):
    model: str = Field(..., description="Model id (see GET /version).")
    tuples: Union[list[TupleOut], list[list[TupleOut]]]


class CleanRequest(BaseModel):
    """A raw page as a JSON string (or send the page's bytes with any non-JSON content type)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": "當前位置:首頁 > 報告\n" + _EXAMPLE}]})
    # minLength only in the schema: a pydantic length check would reject the lone surrogates the
    # decoder repairs (it converts the string to UTF-8 first); the handler answers "" with 422 itself
    text: StrictStr = Field(..., description="The raw page (HTML or text); not empty.",
                            json_schema_extra={"minLength": 1})
    id: StrictStr = Field("doc", description="Record id echoed in the answer.")


class EditOut(BaseModel):
    stage: str
    reason: str
    raw_start: int
    raw_end: int
    text: str
    replacement: str
    confidence: Optional[float] = None
    note: Optional[str] = None


class CleanResponse(BaseModel):
    id: str
    text: str
    encoding: Optional[str] = None
    edits: list[EditOut]
    stats: dict[str, float]
    info: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    error: str = Field(..., description="[Ennn] what went wrong and how to fix it.")
    code: str
    detail: Any = None


class HealthResponse(BaseModel):
    status: Literal["ok", "starting", "degraded"]
    ready: dict[str, Any]
    batching: dict[str, dict[str, int]]
    uptime_seconds: float


class VersionResponse(BaseModel):
    zhie: str
    api: int
    model: dict[str, Any]
    pipeline: list[str]


def _err(desc: str) -> dict:
    return {"model": ErrorResponse, "description": desc}


_COMMON_ERRORS = {
    400: _err("JSON body is not UTF-8, or a bad Content-Length."),
    413: _err("Body over serve.max_body_bytes, too many texts, or a text too long."),
    422: _err("Invalid JSON, wrong types or unknown fields."),
    500: _err("Unexpected failure while processing this request (others are unaffected)."),
    503: _err("Overloaded (retry after Retry-After) or the model is not available."),
    504: _err("Request took longer than serve.timeout_seconds."),
}


# --- body guard (ASGI middleware) ---------------------------------------------------
class _BodyGuard:
    """Enforce the body size limit and UTF-8 JSON before the app sees the request.

    Reads the whole body (bounded by ``max_bytes``) and replays it downstream, so
    413 is answered without buffering an oversized upload, whether the client sent
    a Content-Length or a chunked body.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        cl = headers.get(b"content-length")
        if cl is not None:
            try:
                declared = int(cl)
                if declared < 0:
                    raise ValueError
            except ValueError:
                return await _send_error(send, 400, str(InputError(
                    f"bad Content-Length {cl[:40].decode('latin-1')!r}; send the body's length in bytes.")))
            if declared > self.max_bytes:
                return await _send_error(send, 413, _too_big(declared, self.max_bytes), close=True)
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await _send_error(send, 413, _too_big(size, self.max_bytes, partial=True), close=True)
            chunks.append(body)
            if not msg.get("more_body", False):
                break
        body = b"".join(chunks)
        ctype = headers.get(b"content-type", b"").split(b";")[0].strip().lower().decode("latin-1")
        if _is_json(ctype) or (not ctype and scope["path"] != "/clean"):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as e:
                return await _send_error(send, 400, str(InputError(
                    f"request body is not valid UTF-8 (byte 0x{body[e.start]:02x} at offset {e.start}); "
                    "JSON must be sent as UTF-8. To clean a page in another encoding, POST its bytes to "
                    "/clean with Content-Type: application/octet-stream.")))
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


def _is_json(ctype: str) -> bool:
    return ctype in _JSON_TYPES or ctype.endswith("+json")


def _too_big(size: int, limit: int, partial: bool = False) -> str:
    what = f"over {size:,}" if partial else f"{size:,}"
    return str(LimitError(f"request body is {what} bytes, over serve.max_body_bytes={limit:,}; "
                          "send fewer/shorter texts per request or raise the limit."))


async def _send_error(send, status: int, message: str, *, close: bool = False) -> None:
    code = message[1:5] if message.startswith("[E") else "E000"
    payload = json.dumps(_error_body(message, code), ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


# --- the service ------------------------------------------------------------------
class _Service:
    """Per-app state: settings, the two batchers, readiness."""

    def __init__(self, config: Config):
        self.config = config
        self.settings = ServeSettings.from_config(config)
        from .extract import backend_options

        # the same reading of [stages.extract] as predict() and the "extract" stage
        self.backend, self.extract_options = backend_options(config.stage_options("extract"))
        self.stages = list(config.stages)
        s = self.settings
        self.predict_batcher = MicroBatcher(self._predict_batch, max_batch=s.batch_max_texts,
                                            max_wait=s.batch_wait_ms / 1000, max_queue=s.max_queue, name="predict")
        self.clean_batcher = MicroBatcher(self._clean_batch, max_batch=s.clean_batch_max,
                                          max_wait=s.batch_wait_ms / 1000, max_queue=s.max_queue, name="clean")
        self._pipeline = None
        self._pipeline_lock = threading.Lock()
        self.ready: dict[str, Any] = {"extract": None, "clean": None}
        self.model_id: str | None = None
        self.started = time.time()

    # runs on the predict batcher's thread
    def _predict_batch(self, texts: list[str]) -> list[list[dict]]:
        from .extract import get_extractor, predict

        try:
            get_extractor(self.backend, **self.extract_options)
        except TypeError as exc:  # an option the backend does not take: a configuration error
            raise ConfigError(f"[stages.extract] options {sorted(self.extract_options)} do not fit backend "
                              f"{self.backend!r}: {exc}. Remove them or change the backend.") from None
        out = predict(texts, backend=self.backend, **self.extract_options)
        if self.ready["extract"] is not True:
            self.ready["extract"] = True
            self.model_id = self.model()["id"]
        return [[_tuple_dict(t) for t in tuples] for tuples in out]

    def model(self) -> dict[str, Any]:
        """:func:`model_info` of the configured backend (hashes files: call off the event loop)."""
        from .extract import get_extractor

        try:
            d = getattr(get_extractor(self.backend, **self.extract_options), "model_dir", None)
        except Exception as exc:  # noqa: BLE001 - unknown/unavailable backend
            info = dict(model_info(self.backend, None))
            info["error"] = _short(exc)
            return info
        return model_info(self.backend, d)

    def pipeline(self):
        with self._pipeline_lock:
            if self._pipeline is None:
                from .pipeline import Pipeline

                self._pipeline = Pipeline(self.config)
            return self._pipeline

    # runs on the clean batcher's thread
    def _clean_batch(self, pages: list[tuple[bytes | str, str]]) -> list[dict]:
        p = self.pipeline()
        docs = [p.make_doc(raw, id=doc_id, source="http") for raw, doc_id in pages]
        p.process(docs)
        self.ready["clean"] = True
        return [d.to_record() for d in docs]

    async def warm_up(self) -> None:
        """Load the extractor and the pipeline on their threads (start-up)."""
        try:
            await self.predict_batcher.run_sync(self._predict_batch, [_EXAMPLE])
        except Exception as exc:  # noqa: BLE001 - reported by /healthz, retried per request
            self.ready["extract"] = _short(exc)
            log.warning("extractor not ready: %s", _short(exc))
        try:
            await self.clean_batcher.run_sync(self._clean_batch, [(_EXAMPLE, "warmup")])
        except Exception as exc:  # noqa: BLE001
            self.ready["clean"] = _short(exc)
            log.warning("pipeline not ready: %s", _short(exc))

    async def call(self, batcher: MicroBatcher, items: list) -> list:
        try:
            return await asyncio.wait_for(batcher.submit(items), self.settings.timeout_seconds)
        except asyncio.TimeoutError:
            raise ApiError(504, LimitError(
                f"request took longer than serve.timeout_seconds={self.settings.timeout_seconds:g}; "
                "send fewer texts per request or raise the limit.")) from None
        except Overloaded as exc:
            raise ApiError(503, LimitError(f"server busy: {exc}; retry after a second or add workers."),
                           headers={"Retry-After": "1"}) from None
        except ApiError:
            raise
        except Exception as exc:  # noqa: BLE001
            status = _status_of(exc)
            if status in (503,) and batcher is self.predict_batcher:
                self.ready["extract"] = _short(exc)
            raise ApiError(status, _as_zhie(exc)) from None


def _short(exc: BaseException) -> str:
    from .errors import format_exception

    return format_exception(exc)


def _as_zhie(exc: BaseException) -> ZhieError:
    if isinstance(exc, ZhieError):
        return exc
    from .errors import StageError, format_exception

    msg = format_exception(exc)
    return StageError(msg[7:] if msg.startswith("[E") else msg)


def _finite(v: Any) -> Any:
    return v if not isinstance(v, float) or math.isfinite(v) else None


def _tuple_dict(t) -> dict:
    d = t.to_dict()
    d["value"] = _finite(d.get("value"))
    d["score"] = _finite(d.get("score")) if d.get("score") is not None else 1.0
    return d


def create_app(config: Config | None = None) -> FastAPI:
    """Build the ASGI app (FastAPI). Loads nothing: models load at start-up or first use.

    Args:
        config (Config | None): the configuration (``[serve]``, ``[pipeline]``,
            ``[stages.extract]``); defaults to ``Config.load()``.

    Returns:
        FastAPI: the app; run it with uvicorn or :func:`serve`.

    Raises:
        ConfigError: ``[serve]`` has an unknown key or a value of the wrong type.
    """
    config = config or Config.load()
    svc = _Service(config)
    s = svc.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if s.warmup:
            await svc.warm_up()
        yield
        svc.predict_batcher.close()
        svc.clean_batcher.close()

    app = FastAPI(
        title="zhie",
        version=__version__,
        description=("Scraped Chinese report pages -> clean text -> (actor, action, quantity, unit) tuples. "
                     "Errors are JSON `{\"error\": \"[Ennn] ...\", \"code\": \"Ennn\"}`."),
        lifespan=lifespan,
    )
    app.state.zhie = svc

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error_response(exc.status, exc.message, exc.code, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        try:
            detail = _validation_detail(exc.errors())
        except Exception:  # noqa: BLE001 - an unforeseen error shape must still give a 422
            detail = [{"field": "(body)", "message": str(exc)[:500], "type": "invalid"}]
        return _error_response(422, _validation_message(detail), InputError.code, detail)

    @app.post("/predict", response_model=PredictResponse, responses=_COMMON_ERRORS,
              summary="Extract (actor, action, quantity, unit) tuples from cleaned text")
    async def predict_endpoint(req: PredictRequest):
        """`{"text": "..."}` -> `{"tuples": [...]}`; `{"text": ["...", ...]}` -> `{"tuples": [[...], ...]}`.

        Texts from concurrent requests are batched together for the model.
        """
        single = isinstance(req.text, str)
        texts = [req.text] if single else req.text
        if len(texts) > s.max_texts:
            raise ApiError(413, LimitError(f"{len(texts)} texts in one request, over serve.max_texts={s.max_texts}; "
                                           "split the list into several requests."))
        for i, t in enumerate(texts):
            where = "text" if single else f"text[{i}]"
            if len(t) > s.max_text_chars:
                raise ApiError(413, LimitError(
                    f"{where} has {len(t):,} characters, over serve.max_text_chars={s.max_text_chars:,}; "
                    "send sentences or paragraphs (POST pages to /clean first)."))
            try:
                t.encode("utf-8")
            except UnicodeEncodeError as e:  # JSON "\ud800": valid JSON, not valid text
                detail = [{"field": where, "message": f"unpaired surrogate at character {e.start}",
                           "type": "unicode"}]
                raise ApiError(422, InputError(f"{where} has an unpaired surrogate (\\u{ord(t[e.start]):04x}) at "
                                               f"character {e.start}; send valid Unicode text."),
                               detail=detail) from None
        results = await svc.call(svc.predict_batcher, texts) if texts else []
        return _Json({"model": svc.model_id or svc.backend, "tuples": results[0] if single else results})

    @app.post("/clean", response_model=CleanResponse, responses=_COMMON_ERRORS,
              summary="Clean a raw page: cleaned text and every edit with its raw offsets",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": CleanRequest.model_json_schema(
                      ref_template="#/components/schemas/{model}")},
                  # an empty page is answered 422 (E101): the schema says so, so clients and fuzzers agree
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary", "minLength": 1}},
                  "text/plain": {"schema": {"type": "string", "minLength": 1}},
              }}})
    async def clean_endpoint(request: Request):
        """Send `{"text": page, "id": "..."}` as JSON, or the page's bytes (any encoding) with
        another Content-Type (`application/octet-stream`, `text/html`, `text/plain`)."""
        body = await request.body()
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if _is_json(ctype):
            try:
                obj = json.loads(body)
            except (ValueError, RecursionError) as e:  # RecursionError: "[" * 10000 (issue 7)
                detail = [{"field": "(body)", "message": f"JSON decode error: {e}", "type": "json_invalid"}]
                raise ApiError(422, InputError(f"invalid JSON: {e}. Send {{\"text\": \"...\"}}."), detail=detail) from None
            try:
                req = CleanRequest.model_validate(obj)
            except ValidationError as e:
                detail = _validation_detail(e.errors())
                raise ApiError(422, _validation_message(detail)[7:], detail=detail) from None
            raw: bytes | str = req.text
            doc_id = req.id
        else:
            raw, doc_id = body, request.headers.get("x-zhie-id", "doc")
        if not raw:
            raise ApiError(422, InputError("empty page; send the page's text or bytes."))
        (rec,) = await svc.call(svc.clean_batcher, [(raw, doc_id)])
        if rec.get("error"):
            err = rec["error"]
            code = err[1:5] if err.startswith("[E") else "E000"
            status = {"E103": 413, "E101": 422, "E102": 422}.get(code, 500)
            return _error_response(status, err, code)
        return _Json({k: rec[k] for k in ("id", "text", "encoding", "edits", "stats", "info") if k in rec})

    @app.get("/healthz", response_model=HealthResponse, responses={503: {"model": HealthResponse}},
             summary="Liveness and readiness")
    async def healthz():
        """200 when the extractor and the pipeline answered (or have not been tried yet);
        503 when one of them failed to load (the message says how to fix it)."""
        failed = any(isinstance(v, str) for v in svc.ready.values())
        pending = any(v is None for v in svc.ready.values())
        status = "degraded" if failed else ("starting" if pending else "ok")
        body = {"status": status, "ready": svc.ready,
                "batching": {"predict": svc.predict_batcher.snapshot(), "clean": svc.clean_batcher.snapshot()},
                "uptime_seconds": round(time.time() - svc.started, 3)}
        return _Json(body, status_code=503 if failed else 200)

    @app.get("/version", response_model=VersionResponse, summary="Package version, model id and scores")
    async def version():
        """The package version, the extraction model (id, directory, scores from its
        manifest/model card) and the /clean pipeline stages."""
        info = await svc.predict_batcher.run_sync(svc.model)
        return _Json({"zhie": __version__, "api": 1, "model": info, "pipeline": svc.stages})

    app.add_middleware(_BodyGuard, max_bytes=s.max_body_bytes)
    return app


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes: the config travels in ``ZHIE_SERVE_CONFIG``."""
    data = os.environ.get(CONFIG_ENV)
    return create_app(Config(json.loads(data)) if data else Config.load())


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str | None = None, port: int | None = None, workers: int | None = None,
          config: Config | None = None) -> None:
    """Run the service with uvicorn until interrupted (``zhie serve``).

    Args:
        host (str | None): address to bind. Defaults to ``serve.host`` (127.0.0.1: this
            machine only). Binding another address logs a warning: the service has no
            authentication, put it behind a proxy that has.
        port (int | None): TCP port. Defaults to ``serve.port`` (8000).
        workers (int | None): worker processes, each with its own model and batcher.
            Defaults to ``serve.workers`` (1).
        config (Config | None): the configuration; defaults to ``Config.load()``.
    """
    import uvicorn

    config = config or Config.load()
    s = ServeSettings.from_config(config)
    host = host or s.host
    port = s.port if port is None else int(port)
    workers = int(workers or s.workers)
    if not _is_loopback(host):
        log.warning("binding %s: reachable from other machines and without authentication; "
                    "put it behind an authenticating proxy", host)
    kw: dict[str, Any] = dict(host=host, port=port, log_level="info", timeout_keep_alive=5, server_header=False)
    if workers > 1:
        import inspect

        # workers import torch/spaCy and warm up; uvicorn's default 5 s health check kills
        # a worker that is still loading on a busy machine (seen with 2 workers, load 13)
        if "timeout_worker_healthcheck" in inspect.signature(uvicorn.Config).parameters:
            kw["timeout_worker_healthcheck"] = 120
        os.environ[CONFIG_ENV] = json.dumps(config.data)
        uvicorn.run("nlp.serve:app_from_env", factory=True, workers=workers, **kw)
    else:
        uvicorn.run(create_app(config), **kw)


def main(argv: list[str] | None = None) -> None:
    """``python -m nlp.serve [--host H] [--port P] [--workers N] [--config F] [--set k=v ...]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m nlp.serve", description=serve.__doc__.splitlines()[0])
    ap.add_argument("--host")
    ap.add_argument("--port", type=int)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--config")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    a = ap.parse_args(argv)
    serve(a.host, a.port, a.workers, Config.load(a.config, a.set or None))


if __name__ == "__main__":
    main()
