"""`postguard serve` over real HTTP: a server on 127.0.0.1 in a subprocess, httpx as client."""

from __future__ import annotations

import base64
import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

httpx = pytest.importorskip("httpx", reason="httpx is a dev dependency")
pytest.importorskip("starlette", reason="the server needs the 'serve' extra")
from PIL import Image  # noqa: E402

PHONE = "Any problems, ring me on 07911 123456 tonight \U0001f600"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(policy: str, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--policy", policy, *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited: " + proc.stderr.read().decode()[-500:])  # type: ignore[union-attr]
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def stop_server(proc: subprocess.Popen[bytes]) -> bytes:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    policy = tmp_path_factory.mktemp("serve") / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    proc, base = start_server(str(policy), "--max-body-mb", "1", "--max-pixels", "1000000")
    yield base
    err = stop_server(proc)
    assert b"Traceback" not in err


def png(width: int = 60, height: int = 40) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (250, 250, 250)).save(buf, "PNG")
    return buf.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def test_healthz_and_openapi(server: str) -> None:
    health = httpx.get(server + "/healthz").json()
    assert health["status"] == "ok" and health["detectors"] == ["phone"]
    schema = httpx.get(server + "/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/v1/screen", "/v1/redact", "/healthz"} <= set(schema["paths"])


def test_screen_json_returns_the_report(server: str) -> None:
    r = httpx.post(server + "/v1/screen", json={"text": PHONE, "id": "d1",
                                                "metadata": {"audience": "parents"}})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    report = r.json()
    assert report["id"] == "d1" and report["verdict"] == "block"
    f = report["findings"][0]
    assert f["category"] == "phone" and PHONE[f["start"]:f["end"]] == "07911 123456"
    assert "07911" not in report["redacted_text"]


def test_screen_multipart_with_uploads(server: str) -> None:
    r = httpx.post(server + "/v1/screen",
                   data={"metadata": json.dumps({"audience": "children"}), "id": "m1"},
                   files=[("text", ("draft.txt", PHONE.encode("utf-8"), "text/plain")),
                          ("images", ("a.png", png(), "image/png"))])
    assert r.status_code == 200, r.text
    assert r.json()["id"] == "m1" and r.json()["verdict"] == "block"


def test_redact_returns_text_and_clean_images(server: str) -> None:
    r = httpx.post(server + "/v1/redact", json={"text": PHONE, "images": [b64(png(30, 20))]},
                   timeout=60)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redacted_text"] == body["report"]["redacted_text"]
    assert "07911" not in body["redacted_text"]
    (image,) = body["images"]
    if "data" in image:  # the image package is installed: a metadata-free PNG
        with Image.open(io.BytesIO(base64.b64decode(image["data"]))) as im:
            assert im.format == "PNG" and im.size == (30, 20) and not im.getexif()
    else:
        assert "not installed" in image["error"]


@pytest.mark.parametrize(("kwargs", "status", "code"), [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400,
     "bad_json"),
    ({"json": ["a list"]}, 400, "bad_json"),
    ({"json": {"text": 5}}, 400, "bad_text"),
    ({"json": {"text": "x", "images": "abc"}}, 400, "bad_image"),
    ({"json": {"text": "x", "images": ["%%%"]}}, 400, "bad_image"),
    ({"json": {"text": "x", "images": [b64(b"not an image")]}}, 422, "bad_image"),
    ({"json": {"text": "x", "images": [b64(png(1100, 1000))]}}, 413, "image_too_large"),
    ({"json": {"text": "x", "metadata": "[1]"}}, 400, "bad_metadata"),
    ({"json": {"text": "x", "id": {"a": 1}}}, 400, "bad_id"),
    ({"json": {"text": "x" * 1_100_000}}, 413, "body_too_large"),
    ({"content": b"hello", "headers": {"content-type": "text/plain"}}, 415,
     "unsupported_media_type"),
])
def test_bad_requests_get_clear_json_errors(server: str, kwargs: dict[str, Any], status: int,
                                            code: str) -> None:
    r = httpx.post(server + "/v1/screen", **kwargs)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    assert "Traceback" not in r.text and "File \"" not in r.text


def test_chunked_body_over_the_limit_is_refused(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 32_768
        yield b'"}'

    r = httpx.post(server + "/v1/screen", content=chunks(),
                   headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/nope", 404), ("GET", "/v1/screen", 405), ("DELETE", "/healthz", 405),
])
def test_unknown_routes_are_json(server: str, method: str, path: str, status: int) -> None:
    r = httpx.request(method, server + path)
    assert r.status_code == status and "error" in r.json()


def test_review_page_is_self_contained(server: str) -> None:
    r = httpx.get(server + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "http://" not in r.text and "https://" not in r.text
    assert "<textarea" in r.text and 'type="file"' in r.text


def test_timeout_is_a_4xx() -> None:
    import anyio

    from postguard.server import Limits, create_app

    app = create_app({"detectors": {"enabled": ["phone"]}}, Limits(timeout=1e-9))

    async def go() -> tuple[Any, Any]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            slow = await client.post("/v1/screen", json={"text": "x", "images": [b64(png())]})
            fast = await client.post("/v1/screen", json={"text": "fine"})
            return slow, fast

    slow, fast = anyio.run(go)
    assert slow.status_code == 408 and slow.json()["error"]["code"] == "timeout"
    assert fast.status_code == 200  # short text-only posts are screened inline


def test_several_server_processes(tmp_path_factory: pytest.TempPathFactory) -> None:
    policy = tmp_path_factory.mktemp("serve2") / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    proc, base = start_server(str(policy), "--workers", "2", "--max-body-mb", "1")
    try:
        for _ in range(4):
            r = httpx.post(base + "/v1/screen", json={"text": PHONE})
            assert r.status_code == 200 and r.json()["verdict"] == "block"
        big = httpx.post(base + "/v1/screen", json={"text": "x" * 1_100_000})
        assert big.status_code == 413  # the limits reach every process
    finally:
        err = stop_server(proc)
    assert b"Traceback" not in err
