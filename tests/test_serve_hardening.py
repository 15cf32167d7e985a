"""Issue 14, point 4: `postguard serve` says where it listens and logs each request (method,
path, status, time; never the body), validates its options (exit 2), and a request that
passes its time limit stops its work."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from typing import Any

import pytest

httpx = pytest.importorskip("httpx", reason="httpx is a dev dependency")
pytest.importorskip("starlette", reason="the server needs the 'serve' extra")

from postguard.cli import main  # noqa: E402

SECRET = "Ring Amy on 07911 123456 zebracake"


@pytest.mark.parametrize(("argv", "words"), [
    (["--port", "99999"], "--port must be from 1 to 65535"),
    (["--port", "-1"], "--port must be from 1 to 65535"),
    (["--port", "0"], "--port must be from 1 to 65535"),
    (["--timeout", "0"], "--timeout must be more than 0"),
    (["--max-body-mb", "-2"], "--max-body-mb must be more than 0"),
    (["--max-body-mb", "inf"], "--max-body-mb must be more than 0"),  # was exit 3
    (["--max-body-mb", "nan"], "--max-body-mb must be more than 0"),
    (["--timeout", "nan"], "--timeout must be more than 0"),
    (["--max-pixels", "0"], "--max-pixels must be 1 or more"),
    (["--workers", "0"], "--workers must be 1 or more"),
])
def test_bad_options_are_exit_2(argv: list[str], words: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *argv]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_port_in_use_is_exit_2_in_the_os_words(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        policy = {"detectors": {"enabled": ["phone"]}}
        import postguard.server

        with pytest.raises(postguard.errors.InputError, match="Address already in use"):
            postguard.server.serve("127.0.0.1", port, policy=policy)
        assert main(["serve", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port} (Address already in use)" in \
        capsys.readouterr().err


def test_logs_where_it_listens_and_each_request_never_the_body(tmp_path: Any) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--policy", str(policy)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        r = httpx.post(base + "/v1/screen?token=zebracake", json={"text": SECRET})
        assert r.status_code == 200
        assert httpx.get(base + "/nowhere").status_code == 404
    finally:
        proc.terminate()
        _, err_bytes = proc.communicate(timeout=20)
    err = err_bytes.decode()
    assert f"listening on http://127.0.0.1:{port}" in err
    assert "GET /healthz 200" in err
    assert "POST /v1/screen 200" in err and "GET /nowhere 404" in err
    assert " ms" in err
    assert "zebracake" not in err and "07911" not in err and "Traceback" not in err


def test_a_timed_out_request_stops_its_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import anyio

    import postguard
    import postguard.screener
    from postguard.server import Limits, create_app

    ran: list[str] = []
    real = postguard.screener.Screener._run

    def slow(self: Any, det: Any, post: Any, errors: Any) -> Any:
        time.sleep(0.1)
        ran.append(det.name)
        return real(self, det, post, errors)

    app = create_app(None, Limits(timeout=0.25))
    monkeypatch.setattr(postguard.screener.Screener, "_run", slow)
    text = "Sunny sports day at the park. " * 1000  # long enough for a worker thread

    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            return await client.post("/v1/screen", json={"text": text})

    r = anyio.run(go)
    assert r.status_code == 408
    total = len(postguard.Screener().detector_names)
    # Wait as long as every detector would take, then count what ran: before, the abandoned
    # thread ran them all.
    time.sleep(0.1 * total + 0.3)
    assert total > 10 and 0 < len(ran) <= 5, ran
