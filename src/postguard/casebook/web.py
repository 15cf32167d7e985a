"""Mounting the casebook on the service's Starlette app (`postguard serve --casebook URL`):
its JSON API, its pages at `/` (the queue replaces the stateless review form), its paths in
`/openapi.json`, and sign-in on every path but `/healthz`."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .api import Guard, ReadPost, ScreenPost, api_routes, json_response, openapi_paths
from .auth import RequireSignIn
from .pages import page_routes
from .store import Casebook


def attach(app: Starlette, book: Casebook, *, read_post: ReadPost, screen_post: ScreenPost,
           guarded: Guard, schema: dict[str, Any]) -> None:
    paths, schemas = openapi_paths()
    document = dict(schema)
    document["paths"] = {**schema.get("paths", {}), **paths}
    components = dict(schema.get("components", {}))
    components["schemas"] = {**components.get("schemas", {}), **schemas}
    components["securitySchemes"] = {
        "token": {"type": "http", "scheme": "bearer",
                  "description": "an API token from `postguard casebook add-user`"},
        "session": {"type": "apiKey", "in": "cookie", "name": "pg_session"}}
    document["components"] = components
    document["security"] = [{"token": []}, {"session": []}]

    async def openapi(request: Request) -> Response:
        return json_response(document)

    replaced = {"/", "/openapi.json"}
    kept: list[BaseRoute] = [r for r in app.router.routes
                             if not (isinstance(r, Route) and r.path in replaced)]
    app.router.routes[:] = [
        *page_routes(book),
        Route("/openapi.json", openapi, methods=["GET"]),
        *api_routes(book, read_post=read_post, screen_post=screen_post, guarded=guarded),
        *kept,
    ]
    app.add_middleware(RequireSignIn, book=book)
