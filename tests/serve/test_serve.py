"""The HTTP service on a real loopback socket: every endpoint and every limit.

uvicorn runs in a thread of the test process on an ephemeral 127.0.0.1 port (the
socket is bound before the server starts: no port race). Requests carry real
sentences and pages from seeds/; answers are compared with the in-process
``nlp.extract.predict`` and ``Pipeline`` (one code path).

The extractor is the configured baseline; while models/pkuseg is not built the
baseline runs with its LAC segmenter (``stages.extract.segmenter="lac"``, passed
through to the backend like any [stages.extract] option), so the serving
machinery is still tested.
"""
from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("fastapi")

from nlp import Config, Pipeline  # noqa: E402
from nlp.errors import ConfigError, ModelError  # noqa: E402
from nlp.extract import get_extractor, predict  # noqa: E402
from nlp.extract.sentences import split_sentences  # noqa: E402
from nlp.serve import ServeSettings, _is_loopback, create_app  # noqa: E402

# small limits so the tests can cross them with real pages (seed pages are 7.8-11 kB)
LIMITS = {"serve.max_body_bytes": 16384, "serve.max_texts": 8, "serve.max_text_chars": 2000,
          "serve.batch_wait_ms": 20.0}


def _extract_overrides() -> dict:
    try:
        get_extractor("baseline").predict(["用户好感度因此上升8.4%。"])
        return {}
    except ModelError:  # models/pkuseg not built yet: same baseline, LAC words
        return {"stages.extract.segmenter": "lac"}


@contextlib.contextmanager
def running(config: Config):
    """Serve ``create_app(config)`` on 127.0.0.1:<ephemeral> in a thread; yield an httpx client."""
    app = create_app(config)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        assert thread.is_alive() and time.time() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=20) as client:
            client.app = app
            yield client
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def config() -> Config:
    return Config.load(overrides={**LIMITS, **_extract_overrides()})


@pytest.fixture(scope="module")
def client(config):
    with running(config) as c:
        yield c


@pytest.fixture(scope="module")
def sentences(seed_bytes, config) -> list[str]:
    """Sentences with a number from the five seed pages (converted to Simplified)."""
    p = Pipeline(config, stages=["convert"])
    out = []
    for key in sorted(seed_bytes):
        text = p.run(seed_bytes[key]).text
        for s, e in split_sentences(text):
            sent = text[s:e]
            if 12 <= len(sent) <= 200 and any(ch.isdigit() for ch in sent) and sent not in out:
                out.append(sent)
    assert len(out) >= 30
    return out


def _expected(config: Config, texts):
    opts = config.stage_options("extract")
    backend = opts.pop("backend")
    if not opts.get("model_dir"):
        opts.pop("model_dir", None)
    res = predict(texts, backend=backend, **opts)
    if isinstance(texts, str):
        return [t.to_dict() for t in res]
    return [[t.to_dict() for t in r] for r in res]


# --- configuration and import ------------------------------------------------------
def test_serve_defaults_bind_loopback():
    s = ServeSettings.from_config(Config.load())
    assert s.host == "127.0.0.1" and _is_loopback(s.host)
    assert not _is_loopback("0.0.0.0") and _is_loopback("::1") and _is_loopback("localhost")


def test_serve_config_rejects_unknown_key_and_wrong_type():
    with pytest.raises(ConfigError, match="max_textz"):
        create_app(Config.load(overrides={"serve.max_textz": 3}))
    with pytest.raises(ConfigError, match="serve.max_texts must be int"):
        create_app(Config.load(overrides={"serve.max_texts": "many"}))


def test_serve_create_app_loads_nothing():
    app = create_app(Config.load())
    svc = app.state.zhie
    assert svc._pipeline is None and svc.ready == {"extract": None, "clean": None}
    assert svc.predict_batcher._task is None


# --- endpoints --------------------------------------------------------------------
def test_serve_healthz_and_version(client, config):
    h = client.get("/healthz")
    assert h.status_code == 200, h.text
    assert h.json()["status"] == "ok" and h.json()["ready"] == {"extract": True, "clean": True}
    v = client.get("/version").json()
    assert v["zhie"] and v["api"] == 1
    assert v["model"]["backend"] == config.stage_options("extract")["backend"]
    assert v["model"]["id"].startswith(v["model"]["backend"] + ":")
    assert v["pipeline"] == config.stages


def test_serve_openapi_documents_endpoints_and_errors(client):
    spec = client.get("/openapi.json").json()
    assert {"/predict", "/clean", "/healthz", "/version"} <= set(spec["paths"])
    responses = spec["paths"]["/predict"]["post"]["responses"]
    assert {"200", "413", "422", "504"} <= set(responses)
    assert set(spec["paths"]["/clean"]["post"]["requestBody"]["content"]) >= {"application/json",
                                                                               "application/octet-stream"}


def test_serve_predict_single_text_equals_in_process(client, config, sentences):
    found = 0
    for sent in sentences[:6]:
        r = client.post("/predict", json={"text": sent})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["tuples"] == _expected(config, sent)
        assert body["model"] == client.get("/version").json()["model"]["id"]
        found += len(body["tuples"])
    assert found > 0  # seed sentences report numbers: the service returns tuples


def test_serve_predict_list_gives_one_list_per_text(client, config, sentences):
    texts = sentences[6:10] + ["没有任何数字的句子。"]
    r = client.post("/predict", json={"text": texts})
    assert r.status_code == 200, r.text
    tuples = r.json()["tuples"]
    assert len(tuples) == len(texts) and tuples[-1] == []
    assert tuples == _expected(config, texts)
    assert client.post("/predict", json={"text": []}).json()["tuples"] == []


def test_serve_predict_batches_concurrent_callers(client, config, sentences):
    texts = sentences[10:26]
    before = client.get("/healthz").json()["batching"]["predict"]
    with ThreadPoolExecutor(len(texts)) as pool:
        answers = list(pool.map(lambda t: client.post("/predict", json={"text": t}), texts))
    assert all(a.status_code == 200 for a in answers)
    # every caller gets the tuples of its own sentence, not a neighbour's in the batch
    assert [a.json()["tuples"] for a in answers] == [_expected(config, t) for t in texts]
    after = client.get("/healthz").json()["batching"]["predict"]
    assert after["requests"] - before["requests"] == len(texts)
    assert after["batches"] - before["batches"] < len(texts)  # some requests shared a batch
    assert after["max_batch_requests"] > 1


def test_serve_clean_json_and_raw_bytes_in_another_encoding(client, config, seed_text):
    page = seed_text["003"]  # Jekyll post: front matter, HTML, markdown links
    expected = Pipeline(config).run(page)
    r = client.post("/clean", json={"text": page, "id": "seed-003"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == "seed-003" and body["text"] == expected.text
    assert body["stats"]["chars_in"] == len(page) and len(body["text"]) < len(page)
    assert [(e["raw_start"], e["raw_end"], e["reason"]) for e in body["edits"]] == \
        [(e.raw_start, e.raw_end, e.reason.value) for e in expected.edits]
    for e in body["edits"]:  # every edit points at the raw page
        assert 0 <= e["raw_start"] <= e["raw_end"] <= len(page)
    # the same page as GB18030 bytes: decoded by zhie, same cleaned text
    r2 = client.post("/clean", content=page.encode("gb18030"),
                     headers={"content-type": "application/octet-stream", "x-zhie-id": "gb"})
    assert r2.status_code == 200, r2.text
    assert r2.json()["encoding"] == "gb18030" and r2.json()["id"] == "gb"
    assert r2.json()["text"] == expected.text


def test_serve_clean_converts_traditional(client, seed_text):
    para = next(line for line in seed_text["004"].splitlines() if line.startswith("2022年,快手電商"))
    r = client.post("/clean", content=para.encode("big5", errors="ignore"), headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    assert r.json()["encoding"] in ("big5", "cp950", "big5hkscs")  # the Big5 family member that fits
    assert "快手电商" in r.json()["text"] and "電商" not in r.json()["text"]


# --- limits -----------------------------------------------------------------------
def test_serve_413_body_over_limit_with_and_without_content_length(client, seed_text):
    big = json.dumps({"text": seed_text["000"] * 2}, ensure_ascii=False).encode()
    assert len(big) > LIMITS["serve.max_body_bytes"]
    r = client.post("/predict", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "E103" and "max_body_bytes" in r.json()["error"]

    def chunks():  # chunked transfer: no Content-Length, counted while reading
        for i in range(0, len(big), 4096):
            yield big[i:i + 4096]

    r = client.post("/clean", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "max_body_bytes" in r.json()["error"]
    assert client.get("/healthz").status_code == 200  # the server is fine afterwards


def test_serve_413_too_many_texts_and_too_long_text(client, sentences, seed_text):
    r = client.post("/predict", json={"text": sentences[:9]})
    assert r.status_code == 413 and "max_texts=8" in r.json()["error"]
    long_text = seed_text["003"][:2500]
    r = client.post("/predict", json={"text": ["短句。", long_text]})
    assert r.status_code == 413 and "text[1]" in r.json()["error"] and "max_text_chars" in r.json()["error"]


@pytest.mark.parametrize("body,field,message", [
    ({"text": 42}, "text", "must be a string or a list of strings"),
    ({"text": ["一句。", 7]}, "text[1]", "valid string"),
    ({"texts": "用户好感度上升8.4%。"}, "texts", "Extra inputs"),
    ({}, "text", "Field required"),
    (["用户好感度上升8.4%。"], "(body)", "valid dictionary"),
])
def test_serve_422_wrong_types_name_the_field(client, body, field, message):
    r = client.post("/predict", json=body)
    assert r.status_code == 422, r.text
    out = r.json()
    assert out["code"] == "E101" and out["error"].startswith("[E101] invalid request")
    assert any(d["field"] == field and message in d["message"] for d in out["detail"]), out["detail"]
    assert f"{field}: " in out["error"]


def test_serve_unpaired_surrogate(client):
    body = ('{"text": "\\ud800' + "用户好感度上升8.4%。" + '"}').encode()  # valid JSON, invalid Unicode
    r = client.post("/predict", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "text"
    assert "surrogate" in r.json()["error"]
    r = client.post("/clean", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200 and "用户好感度" in r.json()["text"]  # the decoder replaces it


@pytest.mark.parametrize("path", ["/predict", "/clean"])
def test_serve_422_invalid_json(client, path):
    r = client.post(path, content='{"text": "用户好感度上升8.4%。"'.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["code"] == "E101"
    assert "JSON" in r.json()["error"]


def test_serve_clean_422_wrong_type_and_empty_page(client):
    r = client.post("/clean", json={"text": ["a"]})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "text"
    r = client.post("/clean", content=b"", headers={"content-type": "text/plain"})
    assert r.status_code == 422 and "empty page" in r.json()["error"]


def test_serve_400_json_body_not_utf8(client, seed_text):
    body = json.dumps({"text": seed_text["003"][:200]}, ensure_ascii=False).encode("gb18030")
    for path in ("/predict", "/clean"):
        r = client.post(path, content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400, r.text
        assert "not valid UTF-8" in r.json()["error"] and "application/octet-stream" in r.json()["error"]


def test_serve_504_request_timeout(config, sentences):
    slow = config.override({"serve.timeout_seconds": 0.05, "serve.batch_wait_ms": 400.0, "serve.warmup": False})
    with running(slow) as c:
        r = c.post("/predict", json={"text": sentences[0]})
        assert r.status_code == 504 and "timeout_seconds=0.05" in r.json()["error"]


def test_serve_503_when_queue_full(config, sentences):
    tight = config.override({"serve.max_queue": 1, "serve.batch_wait_ms": 1500.0, "serve.warmup": False})
    with running(tight) as c, ThreadPoolExecutor(1) as pool:
        first = pool.submit(c.post, "/predict", json={"text": sentences[0]})
        deadline = time.time() + 10
        while c.get("/healthz").json()["batching"]["predict"]["queued"] < 1:  # first one is waiting
            assert time.time() < deadline
            time.sleep(0.01)
        busy = c.post("/predict", json={"text": sentences[1]})
        assert busy.status_code == 503, busy.text
        assert busy.headers["retry-after"] == "1" and "max_queue=1" in busy.json()["error"]
        assert first.result().status_code == 200  # the queued request is served


def test_serve_503_when_model_missing(config, sentences, tmp_path):
    missing = Config.load(overrides={**LIMITS, "stages.extract.model_dir": str(tmp_path / "none"),
                                     "serve.warmup": False})
    reported = next(t for t in sentences if _expected(config, t))  # one the working model finds tuples in
    with running(missing) as c:
        assert c.get("/healthz").json()["status"] == "starting"  # nothing tried yet
        r = c.post("/predict", json={"text": reported})
        assert r.status_code == 503 and r.json()["code"] == "E401", r.text
        assert "zhie train" in r.json()["error"]  # the message names the fix
        h = c.get("/healthz")
        assert h.status_code == 503 and h.json()["status"] == "degraded"
        assert "E401" in h.json()["ready"]["extract"]
        backend = missing.stage_options("extract")["backend"]
        assert c.get("/version").json()["model"]["id"] == f"{backend}:none@missing"
