"""The casebook's JSON API (DESIGN.md, "The casebook"):

    POST /v1/items                  the body of /v1/screen; screens and files the item
                                    -> 201 {"item_id", "status", "report"}
    GET  /v1/queue                  -> {"items": [...]} held and escalated items
    GET  /v1/items/{id}             -> the item, its report, text and decisions
    POST /v1/items/{id}/decisions   {"decision", "reason", "informed": [...]} -> the item
    GET  /v1/audit?after=N&limit=M  -> {"entries": [...]}

401 without a valid token or session (see `auth.py`), 403 for a role that may not do it,
404 for an unknown item, 409 with the reason for a decision the item's state forbids.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..model import Post, Report
from ..server.errors import ApiError
from .auth import current_user
from .rules import Refused
from .store import Casebook, NotFound

ReadPost = Callable[[Request], Awaitable[Post]]
ScreenPost = Callable[[Post], Awaitable[Report]]
Guard = Callable[[Callable[[Request], Awaitable[Response]]],
                 Callable[[Request], Awaitable[Response]]]


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=True), status_code=status,
                    media_type="application/json")


def _item_id(request: Request) -> str:
    item_id = str(request.path_params["item_id"])
    if len(item_id) != 32 or any(c not in "0123456789abcdef" for c in item_id):
        raise ApiError(404, "not_found", "no such item")
    return item_id


async def decide(book: Casebook, item_id: str, user: Any, decision: Any, reason: Any,
                 informed: Any) -> dict[str, Any]:
    """A decision from the API or the page, as an `ApiError` when refused."""
    if not isinstance(decision, str) or not isinstance(reason, str):
        raise ApiError(400, "bad_decision", "decision and reason must be strings")
    if informed is None:
        informed = []
    if isinstance(informed, str):
        informed = [informed]
    if not isinstance(informed, list) or not all(isinstance(i, str) for i in informed):
        raise ApiError(400, "bad_decision", "informed must be a list of strings (who was "
                       "informed, and how)")
    try:
        result: dict[str, Any] = await anyio.to_thread.run_sync(
            book.decide, item_id, user, decision, reason, informed)
    except NotFound:
        raise ApiError(404, "not_found", "no such item") from None
    except Refused as exc:
        code = {403: "forbidden", 409: "conflict"}.get(exc.status, "unprocessable")
        raise ApiError(exc.status, code, exc.reason) from None
    return result


class GroupFiler:
    """Group commit for POST /v1/items: the items that arrive while one transaction commits
    are filed together in the next, so a commit (an fsync on PostgreSQL) is shared by many
    requests. Each request still gets its 201 only after its own item is committed."""

    MAX_BATCH = 64

    def __init__(self, book: Casebook) -> None:
        self.book = book
        self._pending: list[tuple[Post, Report, str, asyncio.Future[dict[str, Any]]]] = []
        self._drainer: asyncio.Task[None] | None = None

    async def file(self, post: Post, report: Report, filed_by: str) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[dict[str, Any]] = loop.create_future()
        self._pending.append((post, report, filed_by, future))
        if self._drainer is None or self._drainer.done():
            self._drainer = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self._pending:
            batch = self._pending[:self.MAX_BATCH]
            del self._pending[:self.MAX_BATCH]
            try:
                results = await anyio.to_thread.run_sync(
                    self.book.file_many, [(p, r, who) for p, r, who, _ in batch])
            except Exception as exc:  # every waiting request answers 500; none gets a 201
                for *_, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (*_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)


def api_routes(book: Casebook, *, read_post: ReadPost, screen_post: ScreenPost,
               guarded: Guard) -> list[Route]:
    filer = GroupFiler(book)

    @guarded
    async def file_item(request: Request) -> Response:
        user = current_user(request.scope)
        post = await read_post(request)
        report = await screen_post(post)
        return json_response(await filer.file(post, report, user.name), 201)

    @guarded
    async def queue(request: Request) -> Response:
        user = current_user(request.scope)
        items = await anyio.to_thread.run_sync(book.queue, user)
        return json_response({"items": items})

    @guarded
    async def item(request: Request) -> Response:
        item_id = _item_id(request)
        try:
            found = await anyio.to_thread.run_sync(book.item, item_id)
        except NotFound:
            raise ApiError(404, "not_found", "no such item") from None
        return json_response(found)

    @guarded
    async def decisions(request: Request) -> Response:
        user = current_user(request.scope)
        item_id = _item_id(request)
        try:
            body = json.loads(await request.body())
        except (ValueError, RecursionError):
            raise ApiError(400, "bad_json", "the body is not valid JSON") from None
        if not isinstance(body, dict):
            raise ApiError(400, "bad_json", "the body must be a JSON object")
        result = await decide(book, item_id, user, body.get("decision"), body.get("reason"),
                              body.get("informed"))
        return json_response(result)

    @guarded
    async def audit_log(request: Request) -> Response:
        try:
            after = int(request.query_params.get("after", "0"))
            limit = min(max(int(request.query_params.get("limit", "1000")), 1), 10_000)
        except ValueError:
            raise ApiError(400, "bad_query", "after and limit must be whole numbers") from None
        item_id = request.query_params.get("item")
        entries = await anyio.to_thread.run_sync(
            lambda: book.audit_entries(item_id=item_id, after=after, limit=limit))
        return json_response({"entries": entries})

    return [
        Route("/v1/items", file_item, methods=["POST"]),
        Route("/v1/queue", queue, methods=["GET"]),
        Route("/v1/items/{item_id}", item, methods=["GET"]),
        Route("/v1/items/{item_id}/decisions", decisions, methods=["POST"]),
        Route("/v1/audit", audit_log, methods=["GET"]),
    ]


def _ok(description: str, schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    err = {"description": "error", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Error"}}}}
    return {status: {"description": description,
                     "content": {"application/json": {"schema": schema}}},
            "401": err, "403": err, "404": err, "409": err}


def openapi_paths() -> tuple[dict[str, Any], dict[str, Any]]:
    """The casebook's paths and schemas, merged into the service's OpenAPI document."""
    item_ref = {"$ref": "#/components/schemas/Item"}
    item_id = [{"name": "item_id", "in": "path", "required": True,
                "schema": {"type": "string"}}]
    paths = {
        "/v1/items": {"post": {
            "summary": "Screen and file an item (the body of /v1/screen)",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/PostIn"}}}},
            "responses": _ok("filed", {"$ref": "#/components/schemas/Filed"}, "201")}},
        "/v1/queue": {"get": {
            "summary": "Held and escalated items (escalated ones first, for the dsl role)",
            "responses": _ok("the queue", {"type": "object", "properties": {
                "items": {"type": "array", "items": item_ref}}})}},
        "/v1/items/{item_id}": {"get": {
            "summary": "An item with its report, text and decisions", "parameters": item_id,
            "responses": _ok("the item", item_ref)}},
        "/v1/items/{item_id}/decisions": {"post": {
            "summary": "Decide: publish, publish_redacted, hold, remove or escalate",
            "parameters": item_id,
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/DecisionIn"}}}},
            "responses": _ok("the item with its new status", item_ref)}},
        "/v1/audit": {"get": {
            "summary": "The audit log, oldest first",
            "parameters": [{"name": n, "in": "query", "schema": {"type": t}}
                           for n, t in (("after", "integer"), ("limit", "integer"),
                                        ("item", "string"))],
            "responses": _ok("entries", {"type": "object", "properties": {
                "entries": {"type": "array", "items": {"type": "object"}}}})}},
    }
    status = {"type": "string", "enum": ["held", "escalated", "published", "removed"]}
    schemas = {
        "Filed": {"type": "object", "required": ["item_id", "status", "report"],
                  "properties": {"item_id": {"type": "string"}, "status": status,
                                 "report": {"$ref": "#/components/schemas/Report"}}},
        "Item": {"type": "object", "required": ["item_id", "status", "verdict"],
                 "properties": {"item_id": {"type": "string"}, "status": status,
                                "verdict": {"type": "string"},
                                "categories": {"type": "array", "items": {"type": "string"}},
                                "escalate": {"type": "boolean"},
                                "decisions": {"type": "array", "items": {"type": "object"}},
                                "reporting_procedure": {"type": "string"}}},
        "DecisionIn": {"type": "object", "required": ["decision", "reason"], "properties": {
            "decision": {"type": "string", "enum": ["publish", "publish_redacted", "hold",
                                                    "remove", "escalate"]},
            "reason": {"type": "string"},
            "informed": {"type": "array", "items": {"type": "string"},
                         "description": "who was informed, and how"}}},
    }
    return paths, schemas
