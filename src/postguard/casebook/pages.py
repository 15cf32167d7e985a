"""Placeholder replaced below."""
from __future__ import annotations

from starlette.routing import Route

from .store import Casebook


def page_routes(book: Casebook) -> list[Route]:
    return []
