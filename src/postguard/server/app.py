"""The Starlette app of `postguard serve`: a thin adapter over `Screener` and the report JSON."""

from __future__ import annotations

import base64
import functools
import io
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from .. import __version__
from ..errors import PostguardError
from ..model import Post, Report
from ..render import to_json
from ..screener import Screener
from .errors import ApiError
from .limits import Limits
from .page import PAGE, PAGE_CSP
from .post_request import read_post
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
        post = await read_post(request, limits)
        return _report_response(await screen_post(post))

    @_guarded
    async def redact(request: Request) -> Response:
        post = await read_post(request, limits)
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

        attach(app, casebook, read_post=lambda request: read_post(request, limits),
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
            result = redact(src, boxes, index=i)
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
