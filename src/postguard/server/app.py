"""The Starlette app of `postguard serve`: a thin adapter over `Screener` and the report JSON."""

from __future__ import annotations

import base64
import binascii
import difflib
import functools
import io
import json
import logging
import time
import warnings
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from .. import __version__
from ..errors import PostguardError
from ..limits import text_size_problem
from ..model import Post, Report
from ..render import to_json
from ..screener import Screener
from .errors import ApiError
from .limits import Limits
from .page import PAGE, PAGE_CSP
from .schema import openapi

log = logging.getLogger(__name__)
#: Text-only posts shorter than this are screened on the event loop: a thread hop costs
#: more than the screening (detectors are linear in the text).
INLINE_CHARS = 20_000


def _json(data: Any, status: int = 200) -> Response:
    # ASCII escapes: any string (lone surrogates included) goes out as valid JSON.
    return Response(json.dumps(data, ensure_ascii=True), status_code=status,
                    media_type="application/json")


def _error(status: int, code: str, message: str) -> Response:
    return _json({"error": {"code": code, "message": message}}, status)


def _report_response(report: Report) -> Response:
    return Response(to_json(report), media_type="application/json")


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(handler: Handler) -> Handler:
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except ApiError as exc:
            return _error(exc.status, exc.code, exc.message)
        except PostguardError as exc:
            return _error(422, "unprocessable", str(exc))
        except Exception as exc:  # never a stack trace, never the post's text
            log.error("internal error in %s: %s", request.url.path, type(exc).__name__)
            log.debug("traceback", exc_info=True)
            return _error(500, "internal", f"internal error ({type(exc).__name__})")

    return run


# -- reading a request --------------------------------------------------------------------


def _too_large(limits: Limits) -> str:
    return (f"the request is larger than {limits.max_body / 2**20:g} MB, the server's limit "
            "(postguard serve --max-body-mb): send fewer or smaller photos at a time")


async def _body(request: Request, limits: Limits) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        raise ApiError(413, "body_too_large",
                       _too_large(limits))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limits.max_body:
            raise ApiError(413, "body_too_large",
                           _too_large(limits))
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


def _is_video(src: Any) -> bool:
    from ..video import is_video

    return is_video(src)


def _redact_video(src: Any, index: int, report: Report) -> dict[str, Any]:
    """A video's redacted copy (covered, no metadata, no sound) as base64 MP4."""
    from ..video.redact import redact_video

    try:
        result = redact_video(src, index, report.findings)
    except PostguardError as exc:
        return {"index": index, "error": str(exc)}
    return {"index": index, "content_type": "video/mp4", "clean": result.clean,
            "leftover": result.leftover, "data": base64.b64encode(result.data).decode("ascii")}


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


async def _post(request: Request, limits: Limits) -> Post:
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


# -- the app ------------------------------------------------------------------------------


def build(policy: Any, limits: Limits, casebook: Any = None) -> Starlette:
    screener = Screener(policy, max_text_bytes=limits.max_text)
    _ = screener.detectors  # load every detector now, not on the first request
    threads = anyio.CapacityLimiter(2)

    async def in_thread(fn: Callable[..., Any], *args: Any) -> Any:
        try:
            with anyio.fail_after(limits.timeout):
                return await anyio.to_thread.run_sync(fn, *args, abandon_on_cancel=True,
                                                      limiter=threads)
        except TimeoutError:
            raise ApiError(408, "timeout",
                           f"screening took longer than {limits.timeout:g} s") from None

    async def screen_post(post: Post) -> Report:
        if not post.images and len(post.text) <= INLINE_CHARS:
            return screener.screen(post)
        # Past the time limit the thread stops before its next detector (the request has
        # already had its 408), instead of screening on for nobody.
        deadline = time.monotonic() + limits.timeout
        report: Report = await in_thread(
            functools.partial(screener.screen, post, deadline=deadline))
        return report

    @_guarded
    async def screen(request: Request) -> Response:
        post = await _post(request, limits)
        return _report_response(await screen_post(post))

    @_guarded
    async def redact(request: Request) -> Response:
        post = await _post(request, limits)
        report = await screen_post(post)
        images = await in_thread(_redact_images, post, report) if post.images else []
        return Response(
            '{"report": ' + to_json(report) + ', "redacted_text": '
            + json.dumps(report.redacted_text, ensure_ascii=True) + ', "images": '
            + json.dumps(images, ensure_ascii=True) + "}",
            media_type="application/json")

    async def healthz(request: Request) -> Response:
        return _json({"status": "ok", "version": __version__,
                      "detectors": list(screener.detector_names)})

    async def schema(request: Request) -> Response:
        return _json(openapi(limits))

    async def page(request: Request) -> Response:
        return HTMLResponse(PAGE, headers={"Content-Security-Policy": PAGE_CSP,
                                           "X-Content-Type-Options": "nosniff"})

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: "not_found", 405: "method_not_allowed"}.get(status, "http_error")
        detail = exc.detail if isinstance(exc, HTTPException) else "error"
        return _error(status, code, str(detail))

    async def internal(request: Request, exc: Exception) -> Response:
        log.error("internal error: %s", type(exc).__name__)
        return _error(500, "internal", "internal error")

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", schema, methods=["GET"]),
        Route("/v1/screen", screen, methods=["POST"]),
        Route("/v1/redact", redact, methods=["POST"]),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(_AccessLog)],
                    exception_handlers={HTTPException: http_error, Exception: internal})
    if casebook is not None:  # the casebook's API and pages, and sign-in on every path
        from ..casebook.web import attach

        attach(app, casebook, read_post=lambda request: _post(request, limits),
               screen_post=screen_post, guarded=_guarded, schema=openapi(limits))
    return app


access_log = logging.getLogger("postguard.server.access")


class _AccessLog:
    """Logs each request at INFO: method, path, status and time; never a body or a query."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            access_log.info("%s %s %d %.0f ms", scope.get("method", "?"),
                            scope.get("path", "?"), status[0],
                            1000 * (time.perf_counter() - start))


def _redact_images(post: Post, report: Report) -> list[dict[str, Any]]:
    """Each image with its findings covered and its metadata stripped, as base64 PNG."""
    try:
        from ..images.redact import redact
    except ImportError:
        return [{"index": i, "error": "image redaction is not installed"}
                for i in range(len(post.images))]
    from PIL import Image

    out: list[dict[str, Any]] = []
    for i, src in enumerate(post.images):
        if _is_video(src):
            out.append(_redact_video(src, i, report))
            continue
        boxes = [f.box for f in report.findings if f.source == f"image:{i}" and f.box]
        try:
            result = redact(src, boxes)
        except PostguardError as exc:
            out.append({"index": i, "error": str(exc)})
            continue
        fresh = Image.new("RGB", result.image.size)  # pixels only: no EXIF, GPS or XMP
        fresh.paste(result.image.convert("RGB"))
        buf = io.BytesIO()
        fresh.save(buf, "PNG")
        out.append({"index": i, "content_type": "image/png", "clean": result.clean,
                    "boxes": [list(b) for b in result.boxes],
                    "data": base64.b64encode(buf.getvalue()).decode("ascii")})
    return out
