"""Service security (issue 7): no file paths over HTTP, unknown fields refused, limits enforced.

In-process (Starlette TestClient over the ASGI app): nothing listens on a socket.
The limit tests use small [serve] limits so real seed text crosses them;
tests/serve/test_serve.py covers the same limits on a loopback socket, plus 503/504.
"""
from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from nlp import Config, Pipeline  # noqa: E402
from nlp.errors import ModelError  # noqa: E402

LIMITS = {"serve.max_body_bytes": 16384, "serve.max_texts": 4, "serve.max_text_chars": 500, "serve.warmup": False}
PATHY = re.compile(r"path|file|dir|folder|url|uri|model|config|load", re.I)
PATHS = ["/etc/passwd", "../../../../etc/passwd", "file:///etc/passwd", "/proc/self/environ", "~/.ssh/id_rsa"]


def _config() -> Config:
    from nlp.extract import get_extractor

    overrides = dict(LIMITS)
    try:
        get_extractor("baseline").predict(["用户好感度因此上升8.4%。"])
    except ModelError:  # models/pkuseg not built: same baseline on LAC words (as tests/serve does)
        overrides["stages.extract.segmenter"] = "lac"
    return Config.load(overrides=overrides)


@pytest.fixture(scope="module")
def client():
    from nlp.serve import create_app

    with TestClient(create_app(_config())) as c:
        yield c


def test_service_schema_takes_no_paths(client):
    """No operation has a path parameter, a query/header parameter or a body field that names a file."""
    spec = client.get("/openapi.json").json()
    assert spec["paths"], "empty schema"
    names = []
    for route, methods in spec["paths"].items():
        assert "{" not in route, f"path parameter in {route}"
        for op in methods.values():
            names += [p["name"] for p in op.get("parameters", [])]
    for schema in spec.get("components", {}).get("schemas", {}).values():
        if schema.get("title", "").endswith("Request"):
            names += list(schema.get("properties", {}))
    assert names and not [n for n in names if PATHY.search(n)], names


@pytest.mark.parametrize("path", PATHS)
def test_service_path_strings_are_text_not_files(client, path):
    """A path sent as the page is cleaned as text, exactly as in process; no file is read."""
    r = client.post("/clean", json={"text": path})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == Pipeline(Config.load()).run(path).text
    assert "root:" not in r.text and "PATH=" not in r.text
    r = client.post("/predict", json={"text": [path, "用户好感度因此上升8.4%。"]})
    assert r.status_code == 200 and "root:" not in r.text


@pytest.mark.parametrize("endpoint,body", [
    ("/clean", {"text": "报告显示", "path": "/etc/passwd"}),
    ("/clean", {"text": "报告显示", "config": "/etc/passwd"}),
    ("/predict", {"text": "报告显示", "model_dir": "/tmp"}),
    ("/predict", {"text": "报告显示", "file": "/etc/passwd"}),
])
def test_service_unknown_fields_refused(client, endpoint, body):
    """Extra fields (a smuggled path, model_dir or config) are a 422 with a coded error, never used."""
    r = client.post(endpoint, json=body)
    assert r.status_code == 422 and r.json()["error"].startswith("[E")


def test_service_query_parameters_are_ignored(client):
    plain = client.post("/clean", json={"text": "當前位置:首頁 > 報告"}).json()
    sneaky = client.post("/clean?config=/etc/passwd&model_dir=/tmp&path=/etc/passwd",
                         json={"text": "當前位置:首頁 > 報告"}).json()
    assert sneaky["text"] == plain["text"]


def test_service_limits_enforced(client, seed_text):
    """Body size, text count and text length over [serve] limits are 413s with coded errors."""
    page = seed_text["000"]  # 4,400 characters, ~11 kB
    assert client.post("/clean", json={"text": page * 2}).status_code == 413  # body > 16 kB
    raw = (page * 2).encode("utf-8")
    assert client.post("/clean", content=raw, headers={"content-type": "text/plain"}).status_code == 413
    sent = "用户好感度因此上升8.4%。"
    r = client.post("/predict", json={"text": [sent] * 5})  # max_texts = 4
    assert r.status_code == 413 and r.json()["error"].startswith("[E")
    r = client.post("/predict", json={"text": sent * 50})  # 650 chars > max_text_chars = 500
    assert r.status_code == 413 and r.json()["error"].startswith("[E")
    assert client.post("/predict", json={"text": [sent] * 4}).status_code == 200


def test_service_malformed_bodies_are_4xx_not_5xx(client):
    for body, ctype in [(b"{", "application/json"), (b"\xff\xfe\x00", "application/json"),
                        (b"[" * 10000, "application/json"), (json.dumps({"text": None}).encode(), "application/json"),
                        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "application/octet-stream")]:
        for ep in ("/clean", "/predict"):
            r = client.post(ep, content=body, headers={"content-type": ctype})
            assert r.status_code < 500, (ep, body[:20], r.status_code, r.text[:200])
