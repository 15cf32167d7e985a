"""Reading a post from an HTTP request of `postguard serve`: the body within its size limit,
JSON or multipart fields (an unknown field is an error, never ignored), base64 images and
videos checked by their headers before any screening, and metadata that must be an object."""

from __future__ import annotations

import base64
import binascii
import difflib
import io
import json
import warnings
from collections.abc import Iterable
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from ..limits import text_size_problem
from ..model import Post
from .errors import ApiError
from .limits import Limits


def too_large(limits: Limits) -> str:
    return (f"the request is larger than {limits.max_body / 2**20:g} MB, the server's limit "
            "(postguard serve --max-body-mb): send fewer or smaller photos at a time")


async def _body(request: Request, limits: Limits) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        raise ApiError(413, "body_too_large",
                       too_large(limits))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limits.max_body:
            raise ApiError(413, "body_too_large",
                           too_large(limits))
        chunks.append(chunk)
    return b"".join(chunks)


def _image_bytes(value: Any, index: int) -> bytes:
    if not isinstance(value, str):
        raise ApiError(400, "bad_image", f"images[{index}] must be a base64 string")
    if value.startswith("data:"):
        value = value.split(",", 1)[-1]
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "bad_image", f"images[{index}] is not valid base64") from None


def _check_image(data: bytes, index: int, limits: Limits) -> None:
    """Read the image's header only: refuse what is not an image or has too many pixels."""
    from PIL import Image

    from ..video import is_video

    if is_video(data):
        _check_video(data, index)
        return

    too_large = ApiError(413, "image_too_large",
                         f"image {index + 1} has more than {limits.max_pixels} pixels")
    try:
        from ..images.load import open_image  # knows HEIC too, when pillow-heif is there
    except ImportError:
        open_image = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if open_image is not None:
                im = open_image(data, f"image {index + 1}")
            else:
                im = Image.open(io.BytesIO(data))
            with im:
                width, height = im.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_large from None
    except Exception as exc:
        if "pixels" in str(exc) or "MP" in str(exc):
            raise too_large from None
        raise ApiError(422, "bad_image",
                       f"image {index + 1} is not an image format postguard can read") from None
    if width * height > limits.max_pixels:
        raise ApiError(413, "image_too_large",
                       f"image {index + 1} is {width}x{height}: more than "
                       f"{limits.max_pixels} pixels")


def _check_video(data: bytes, index: int) -> None:
    """Open a video's container (no decoding): refuse what cannot be read or is over a limit.
    Without PyAV the video detector reports the missing extra in the report instead."""
    from ..errors import MissingDependencyError
    from ..video.load import VideoLoadError, open_video

    try:
        open_video(data, index).close()
    except MissingDependencyError:
        return
    except VideoLoadError as exc:
        why = str(exc).split(": ", 1)[-1]
        status = 413 if "more than" in why or "larger than" in why else 422
        raise ApiError(status, "bad_video", f"image {index + 1} (a video): {why}") from None


def _metadata(value: Any, form: bool = False) -> dict[str, Any]:
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            # In a JSON body the value itself is valid JSON: a string where an object belongs.
            raise ApiError(400, "bad_metadata",
                           "metadata must be a JSON object, not a string" if not form
                           else "the metadata field is not valid JSON") from None
    if not isinstance(value, dict):
        raise ApiError(400, "bad_metadata",
                       f"metadata must be a JSON object, not {_json_kind(value)}")
    return value


def _json_kind(value: Any) -> str:
    return {list: "a list", str: "a string", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), "null" if value is None else "another type")


#: The fields of a post (JSON keys; in a form, any file that is not `text` is an image).
FIELDS = ("text", "images", "metadata", "id")


def _check_fields(names: Iterable[str]) -> None:
    """A field the service does not know is an error, never ignored: "txt" for "text" would
    screen an empty post and answer allow."""
    for name in names:
        if name not in FIELDS:
            near = [f for f in FIELDS if len(name) > 2 and f.startswith(name.lower())] or (
                difflib.get_close_matches(name.lower(), FIELDS, n=1, cutoff=0.8))
            hint = f"did you mean '{near[0]}'?" if near else "the fields are " + ", ".join(FIELDS)
            raise ApiError(400, "unknown_field", f"unknown field '{name[:40]}'; {hint}")


async def read_post(request: Request, limits: Limits) -> Post:
    body = await _body(request, limits)
    ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    images: list[bytes] = []
    if ctype == "application/json":
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            raise ApiError(400, "bad_json", "the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "bad_json", "the body must be a JSON object")
        _check_fields(data)
        text = "" if data.get("text") is None else data["text"]
        raw_images = data.get("images") or []
        if not isinstance(raw_images, list):
            raise ApiError(400, "bad_image", "images must be a list of base64 strings")
        if len(raw_images) > limits.max_images:
            raise ApiError(413, "too_many_images", f"at most {limits.max_images} images")
        images = [_image_bytes(v, i) for i, v in enumerate(raw_images)]
        metadata = _metadata(data.get("metadata"))
        pid = data.get("id")
    elif ctype == "multipart/form-data":
        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        try:
            form = await Request(request.scope, replay).form(
                max_files=limits.max_images + 1, max_fields=50)
        except HTTPException as exc:
            raise ApiError(400, "bad_form", str(exc.detail)) from None
        plain = [k for k, v in form.multi_items() if not isinstance(v, UploadFile)]
        _check_fields(plain)
        if "images" in plain:  # a path sent as text: the photo would never be screened
            raise ApiError(400, "bad_image",
                           "images must be files (curl -F images=@photo.jpg), not text")
        text = form.get("text") or ""
        if isinstance(text, UploadFile):
            try:
                text = (await text.read()).decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ApiError(400, "bad_text", "the text file is not UTF-8") from None
        for key, value in form.multi_items():
            if isinstance(value, UploadFile) and key != "text":
                data_bytes = await value.read()
                if data_bytes:  # an empty file input sends an empty part
                    images.append(data_bytes)
        if len(images) > limits.max_images:
            raise ApiError(413, "too_many_images", f"at most {limits.max_images} images")
        metadata = _metadata(form.get("metadata"), form=True)
        pid = form.get("id")
    else:
        raise ApiError(415, "unsupported_media_type",
                       "send application/json or multipart/form-data")
    if not isinstance(text, str):
        raise ApiError(400, "bad_text", "text must be a string")
    too_long = text_size_problem(text, limits.max_text)
    if too_long:
        raise ApiError(413, "text_too_long", too_long)
    if pid is not None and (not isinstance(pid, (str, int)) or isinstance(pid, bool)):
        raise ApiError(400, "bad_id", "id must be a string or a whole number")
    for i, img in enumerate(images):
        _check_image(img, i, limits)
    return Post(text=text, images=tuple(images), id=None if pid is None else str(pid),
                metadata=metadata)
