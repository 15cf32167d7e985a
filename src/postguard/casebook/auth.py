"""Who is asking: an API token (`Authorization: Bearer`) or a page session (cookie), checked
for every path but `/healthz` and the sign-in page by `RequireSignIn`.

Missing or wrong credentials get 401 with no detail (the same answer for both); page paths
send a browser to the sign-in form instead. A session may also call the JSON API; a POST with
a session needs its CSRF token in `X-CSRF-Token`.
"""

from __future__ import annotations

import hmac
import json
import time
from typing import Any

import anyio
from starlette.requests import HTTPConnection
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .accounts import User, sha256
from .store import Casebook

SESSION_COOKIE = "pg_session"
PUBLIC = frozenset({"/healthz", "/signin"})
#: A token's user is remembered this long in the process (a look-up per request otherwise).
TOKEN_CACHE_SECONDS = 60.0

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def unauthorized() -> Response:
    return Response(json.dumps({"error": {"code": "unauthorized",
                                          "message": "authentication required"}}),
                    status_code=401, media_type="application/json",
                    headers={"WWW-Authenticate": "Bearer", **SECURITY_HEADERS})


class RequireSignIn:
    """ASGI middleware: puts the `User` in `scope["casebook_user"]` (and the session's CSRF
    token in `scope["casebook_csrf"]`) or refuses the request."""

    def __init__(self, app: ASGIApp, book: Casebook) -> None:
        self.app = app
        self.book = book
        self._tokens: dict[str, tuple[float, User]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in PUBLIC:
            await self.app(scope, receive, _with_headers(send))
            return
        conn = HTTPConnection(scope)
        user, csrf = await self._identify(conn)
        if user is None:
            page = scope["path"] in ("/", "/audit") or scope["path"].startswith("/items/")
            if page and scope["method"] in ("GET", "HEAD"):
                response: Response = RedirectResponse("/signin", status_code=303,
                                                      headers=SECURITY_HEADERS)
            else:
                response = unauthorized()
            await response(scope, receive, send)
            return
        if (csrf is not None and scope["path"].startswith("/v1/")
                and scope["method"] not in ("GET", "HEAD")
                and not hmac.compare_digest(conn.headers.get("x-csrf-token", ""), csrf)):
            await Response(json.dumps({"error": {"code": "csrf", "message":
                                                 "missing or wrong X-CSRF-Token"}}),
                           status_code=403, media_type="application/json")(scope, receive,
                                                                            send)
            return
        scope["casebook_user"] = user
        scope["casebook_csrf"] = csrf
        await self.app(scope, receive, _with_headers(send))

    async def _identify(self, conn: HTTPConnection) -> tuple[User | None, str | None]:
        header = conn.headers.get("authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                return None, None
            return await self._token_user(token.strip()), None
        sid = conn.cookies.get(SESSION_COOKIE)
        if sid:
            found = await anyio.to_thread.run_sync(self.book.user_for_session, sid)
            if found is not None:
                return found
        return None, None

    async def _token_user(self, token: str) -> User | None:
        key, now = sha256(token), time.monotonic()
        cached = self._tokens.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        user = await anyio.to_thread.run_sync(self.book.user_for_token, token)
        if user is not None:
            if len(self._tokens) > 10_000:
                self._tokens.clear()
            self._tokens[key] = (now + TOKEN_CACHE_SECONDS, user)
        return user


_RAW_HEADERS = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                for k, v in SECURITY_HEADERS.items()]


def _with_headers(send: Send) -> Send:
    """Every response of a casebook server carries the security headers (the pages set a
    CSP of their own besides)."""
    async def sending(message: Any) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []),
                                  *((k, v) for k, v in _RAW_HEADERS if k not in present)]
        await send(message)

    return sending


def current_user(scope: Any) -> User:
    user = scope.get("casebook_user")
    assert isinstance(user, User), "RequireSignIn did not run"
    return user
