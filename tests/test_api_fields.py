"""The service never ignores a field it does not know: a typo in a field name ("txt") was
screened as an empty post and answered `allow`. Unknown fields are a 400 naming the field and
the nearest valid one, in JSON and in multipart forms; a value of the wrong type is a 400."""

from __future__ import annotations

from typing import Any

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")


def _post(**kwargs: Any) -> Any:
    import anyio

    from postguard.server import create_app

    app = create_app({"detectors": {"enabled": ["phone"]}})

    async def go() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            return await client.post("/v1/screen", **kwargs)

    return anyio.run(go)


@pytest.mark.parametrize(("payload", "says"), [
    ({"txt": "ring 07911 123456"}, "unknown field 'txt'; did you mean 'text'?"),
    ({"text": "hi", "image": []}, "unknown field 'image'; did you mean 'images'?"),
    ({"text": "hi", "meta": {}}, "unknown field 'meta'; did you mean 'metadata'?"),
    ({"message": "ring 07911 123456"}, "unknown field 'message'; the fields are text, "
     "images, metadata, id"),
    ({"text": 0}, "text must be a string"),
    ({"text": False}, "text must be a string"),
    ({"text": []}, "text must be a string"),
    ({"text": "hi", "id": 1.5}, "id must be a string or a whole number"),
    ({"text": "hi", "id": True}, "id must be a string or a whole number"),  # was "True"
    ({"text": "hi", "id": ["a"]}, "id must be a string or a whole number"),
])
def test_unknown_or_mistyped_json_fields_are_400(payload: dict[str, Any], says: str) -> None:
    r = _post(json=payload)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["message"] == says
    assert "07911" not in r.text


def test_unknown_form_field_is_400() -> None:
    r = _post(files={"txt": (None, "ring 07911 123456")})  # multipart, no file
    assert r.status_code == 400
    assert r.json()["error"]["message"] == "unknown field 'txt'; did you mean 'text'?"


@pytest.mark.parametrize("payload", [
    # Traps: every documented field, nulls and empties are accepted.
    {"text": "ring 07911 123456", "images": [], "metadata": {"audience": "parents"}, "id": 7},
    {"text": None, "images": None, "metadata": None, "id": None},
    {"text": ""},
    {},
])
def test_documented_fields_are_accepted(payload: dict[str, Any]) -> None:
    r = _post(json=payload)
    assert r.status_code == 200, r.text
    assert r.json()["verdict"] == ("block" if payload.get("text") else "allow")


def test_form_images_must_be_files() -> None:
    """`curl -F images=photo.jpg` (no @) sends the name as text: the photo was never screened."""
    r = _post(files={"text": (None, "Sunny"), "images": (None, "photo.jpg")})
    assert r.status_code == 400
    assert r.json()["error"]["message"] == ("images must be files (curl -F images=@photo.jpg), "
                                            "not text")
