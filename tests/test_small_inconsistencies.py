"""Issue 14, point 9: the small inconsistencies a new user met."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import postguard
from postguard.cli import main
from postguard.model import Post


def _truncated_jpeg() -> bytes:
    """A photo cut short in its pixels: the header (and size) still read."""
    buf = io.BytesIO()
    Image.effect_noise((300, 200), 60).convert("RGB").save(buf, "JPEG")
    return buf.getvalue()[: len(buf.getvalue()) // 2]


def test_unreadable_photo_one_rule_cli(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    photo = tmp_path / "cut.jpg"
    photo.write_bytes(_truncated_jpeg())
    draft = tmp_path / "d.txt"
    draft.write_text("Sunny sports day")
    assert main(["scan", str(draft), "--image", str(photo), "--format", "json"]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)  # the report is given ...
    assert report["verdict"] == "review" and report["errors"][0]["source"] == "image:0"
    assert "cut.jpg" in captured.err and captured.err.count("\n") == 1  # ... and exit 2


def _api(payload: dict[str, Any]) -> Any:
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("starlette")
    import anyio

    from postguard.server import create_app

    app = create_app({"detectors": {"enabled": ["phone", "email", "image_metadata"]}})

    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            return await client.post("/v1/screen", json=payload)

    return anyio.run(go)


def test_unreadable_photo_one_rule_api() -> None:
    r = _api({"text": "Sunny", "images": [base64.b64encode(_truncated_jpeg()).decode()]})
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "review" and body["errors"][0]["source"] == "image:0"
    assert "image 1" in body["errors"][0]["message"]  # counted from 1, as people count


@pytest.mark.parametrize(("metadata", "says"), [
    ("parents", "metadata must be a JSON object, not a string"),
    (["a"], "metadata must be a JSON object, not a list"),
    ("[1]", "metadata must be a JSON object, not a list"),
    (5, "metadata must be a JSON object, not a number"),
])
def test_api_metadata_errors_say_what_is_wrong(metadata: object, says: str) -> None:
    r = _api({"text": "x", "metadata": metadata})
    assert r.status_code == 400 and r.json()["error"]["message"] == says


def test_body_limit_is_said_in_mb() -> None:
    from postguard.server import Limits
    from postguard.server.post_request import too_large

    assert too_large(Limits(max_body=20 * 2**20)).startswith(
        "the request is larger than 20 MB")
    assert Limits().max_body >= 60 * 2**20  # two phone photos, base64-encoded, fit


def test_bytes_images_are_counted_from_one() -> None:
    report = postguard.Screener(detectors=["phone", "image_metadata"]).screen(
        Post(text="x", images=(b"junk", b"\x89PNG broken")))
    messages = [e.message for e in report.errors]
    assert any(m.startswith("image 1 (bytes)") for m in messages)
    assert any(m.startswith("image 2 (bytes)") for m in messages)


def test_one_post_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Sunny"}) + "\n")
    main(["batch", str(src), "--out", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    # (the rate may read "1,471 posts/s": only the count phrase is checked)
    assert "postguard: 1 post:" in err and "postguard: 1 posts" not in err


def test_text_output_counts_images_from_one(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The text report, the HTML report and a hook's reasons say "image 1" for the first
    photo, as every message does (the JSON `source` stays "image:0")."""
    from postguard.hooks import check

    photo = tmp_path / "cut.jpg"
    photo.write_bytes(_truncated_jpeg())
    draft = tmp_path / "d.txt"
    draft.write_text("Sunny sports day")
    assert main(["scan", str(draft), "--image", str(photo)]) == 2
    out = capsys.readouterr().out
    assert "(image 1)" in out and "error: image 1: " in out and "image:0" not in out

    post = Post(text="fine", images=(str(photo),))
    reasons = check(post).reasons
    assert any(r.startswith("not screened: image 1: ") for r in reasons), reasons
    assert not any("image:0" in r for r in reasons)

    page = tmp_path / "r.html"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p", "text": "fine", "images": [str(photo)]}) + "\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "o.jsonl"),
                 "--html", str(page)]) == 2
    html = page.read_text()
    assert "review, image 1)" in html and "image:0)" not in html


def test_redaction_logs_count_images_from_one(tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    import logging

    photo = tmp_path / "cut.jpg"
    photo.write_bytes(_truncated_jpeg())
    draft = tmp_path / "d.txt"
    draft.write_text("Sunny sports day")
    with caplog.at_level(logging.INFO, logger="postguard"):
        main(["scan", str(draft), "--image", str(photo), "--redact-out", str(tmp_path / "r")])
    said = [r.getMessage() for r in caplog.records if "not redacting" in r.getMessage()]
    assert said and said[0].startswith("not redacting image 1: "), said


def _redact_api(payload: dict[str, Any]) -> Any:
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("starlette")
    import anyio

    from postguard.server import create_app

    app = create_app({"detectors": {"enabled": ["phone", "image_metadata"]}})

    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            return await client.post("/v1/redact", json=payload)

    return anyio.run(go)


@pytest.mark.parametrize("broken_at", [0, 1, 2])
def test_redact_api_counts_the_unreadable_photo_from_one(broken_at: int) -> None:
    """/v1/redact said 'image 1' for whichever photo it could not read (the second of two)."""
    good = io.BytesIO()
    Image.new("RGB", (60, 40), (20, 160, 90)).save(good, "PNG")
    photos = [good.getvalue()] * 3
    photos[broken_at] = _truncated_jpeg()
    r = _redact_api({"text": "Sunny",
                     "images": [base64.b64encode(p).decode() for p in photos]})
    assert r.status_code == 200
    body = r.json()
    images = body["images"]
    assert [i["index"] for i in images] == [0, 1, 2]
    assert [("error" in i) for i in images] == [i == broken_at for i in range(3)]
    assert f"image {broken_at + 1} " in images[broken_at]["error"]
    assert [e["message"] for e in body["report"]["errors"]] == [images[broken_at]["error"]]
