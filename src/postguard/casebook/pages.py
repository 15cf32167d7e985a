"""The casebook's pages: sign-in, the queue at `/`, an item with its decision form and
history, and the audit view. Forms carry a CSRF token (the session's; before sign-in a
double-submit cookie); every response carries the security headers and a strict CSP."""

from __future__ import annotations

import hmac
import io
import secrets
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..server.errors import ApiError
from . import html
from .accounts import SignInRefused
from .api import decide
from .auth import SECURITY_HEADERS, SESSION_COOKIE, current_user
from .store import Casebook, NotFound

SIGNIN_COOKIE = "pg_signin_csrf"
_HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": html.CSP}


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=_HEADERS)


def _redirect(to: str) -> RedirectResponse:
    return RedirectResponse(to, status_code=303, headers=SECURITY_HEADERS)


def _cookie(response: Response, request: Request, name: str, value: str, *,
            max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")


def _image_size(data: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            return int(im.size[0]), int(im.size[1])
    except Exception:  # shown as "not an image", never a failure of the page
        return None


async def _form(request: Request) -> dict[str, str]:
    form = await request.form(max_files=0, max_fields=20)
    return {k: v for k, v in form.items() if isinstance(v, str)}


def page_routes(book: Casebook) -> list[Route]:
    session_seconds = int(book.settings.session_hours * 3600)

    def session(request: Request) -> tuple[Any, str]:
        return current_user(request.scope), str(request.scope.get("casebook_csrf") or "")

    async def signin_form(request: Request) -> Response:
        # One token per browser: a second tab or a favicon fetch must not void the first form.
        token = request.cookies.get(SIGNIN_COOKIE, "")
        if len(token) != 43:
            token = secrets.token_urlsafe(32)
        response = _html(html.signin(token))
        _cookie(response, request, SIGNIN_COOKIE, token, max_age=3600)
        return response

    async def signin(request: Request) -> Response:
        form = await _form(request)
        expected = request.cookies.get(SIGNIN_COOKIE, "")
        if not expected or not hmac.compare_digest(form.get("csrf", ""), expected):
            return _html(html.signin(expected or secrets.token_urlsafe(32),
                                     "The form expired; sign in again."), 403)
        name, password = form.get("name", "")[:100], form.get("password", "")[:1000]
        try:
            sid, _, _ = await anyio.to_thread.run_sync(book.sign_in, name, password)
        except SignInRefused as exc:
            return _html(html.signin(expected, str(exc)), 401)
        response = _redirect("/")
        _cookie(response, request, SESSION_COOKIE, sid, max_age=session_seconds)
        response.delete_cookie(SIGNIN_COOKIE, path="/")
        return response

    async def signout(request: Request) -> Response:
        _, csrf = session(request)
        form = await _form(request)
        if not csrf or not hmac.compare_digest(form.get("csrf", ""), csrf):
            return _html(html.page("Refused", "<p>The form expired.</p>"), 403)
        await anyio.to_thread.run_sync(book.sign_out, request.cookies.get(SESSION_COOKIE, ""))
        response = _redirect("/signin")
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    async def queue(request: Request) -> Response:
        user, csrf = session(request)
        items = await anyio.to_thread.run_sync(book.queue, user)
        return _html(html.queue(items, user, csrf))

    async def show(request: Request, *, error: str | None = None, note: str | None = None,
                   status: int = 200) -> Response:
        user, csrf = session(request)
        item_id = str(request.path_params["item_id"])
        try:
            data = await anyio.to_thread.run_sync(book.item, item_id)
        except NotFound:
            return _html(html.page("Not found", "<p>No such item.</p>", user=user,
                                   csrf=csrf), 404)
        sizes = []
        for n in range(data["images"]):
            raw = await anyio.to_thread.run_sync(book.image, item_id, n)
            sizes.append(_image_size(raw))
        return _html(html.item(data, user, csrf, sizes, error=error, note=note), status)

    async def item(request: Request) -> Response:
        return await show(request)

    async def decide_form(request: Request) -> Response:
        user, csrf = session(request)
        form = await _form(request)
        if not csrf or not hmac.compare_digest(form.get("csrf", ""), csrf):
            return await show(request, error="The form expired; reload the page.", status=403)
        informed = [s.strip() for s in form.get("informed", "").split(";") if s.strip()]
        try:
            result = await decide(book, str(request.path_params["item_id"]), user,
                                  form.get("decision", ""), form.get("reason", ""), informed)
        except ApiError as exc:
            if exc.status == 404:
                return _html(html.page("Not found", "<p>No such item.</p>", user=user,
                                       csrf=csrf), 404)
            return await show(request, error=exc.message, status=exc.status)
        return await show(request, note=str(result.get("note", "")))

    async def image(request: Request) -> Response:
        try:
            data = await anyio.to_thread.run_sync(book.image, str(request.path_params[
                "item_id"]), int(request.path_params["n"]))
        except NotFound:
            return Response("not found", status_code=404, headers=SECURITY_HEADERS)
        kind = "image/png" if data.startswith(b"\x89PNG") else (
            "image/jpeg" if data.startswith(b"\xff\xd8") else "application/octet-stream")
        return Response(data, media_type=kind, headers={
            **SECURITY_HEADERS, "Content-Security-Policy": "default-src 'none'"})

    async def audit_view(request: Request) -> Response:
        user, csrf = session(request)
        result = await anyio.to_thread.run_sync(book.verify)
        newest = await anyio.to_thread.run_sync(
            lambda: book.audit_entries(after=max(result.entries - 500, 0), limit=500))
        return _html(html.audit(newest[::-1], result.line(), result.ok, user, csrf))

    return [
        Route("/", queue, methods=["GET"]),
        Route("/signin", signin_form, methods=["GET"]),
        Route("/signin", signin, methods=["POST"]),
        Route("/signout", signout, methods=["POST"]),
        Route("/items/{item_id}", item, methods=["GET"]),
        Route("/items/{item_id}/decide", decide_form, methods=["POST"]),
        Route("/items/{item_id}/images/{n:int}", image, methods=["GET"]),
        Route("/audit", audit_view, methods=["GET"]),
    ]
