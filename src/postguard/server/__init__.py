"""`postguard serve`: the HTTP service and the staff review page (extra `serve`).

    POST /v1/screen   JSON {"text", "images": [base64...], "metadata", "id"} or multipart
                      (fields text, metadata as JSON, id; image files) -> the report JSON
    POST /v1/redact   the same input -> {"report", "redacted_text", "images": [...]}
    GET  /healthz     {"status": "ok", ...}
    GET  /openapi.json
    GET  /            the review page: paste a draft, attach photos, see findings

It binds 127.0.0.1 by default. Requests over the limits get a 4xx JSON error that says which
limit; nothing ever returns a stack trace. `create_app()` gives the ASGI app to run under any
ASGI server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import MissingDependencyError


@dataclass(frozen=True)
class Limits:
    max_body: int = 20 * 2**20
    max_pixels: int = 40_000_000
    timeout: float = 30.0
    max_images: int = 10
    max_text: int = 200_000


def create_app(policy: Any = None, limits: Limits | None = None) -> Any:
    """The Starlette app, with its Screener built (and detectors loaded) once."""
    try:
        import starlette  # noqa: F401
    except ImportError:
        raise MissingDependencyError("starlette", "serve", "postguard serve") from None
    from .app import build

    return build(policy, limits or Limits())


def serve(host: str = "127.0.0.1", port: int = 8000, *, policy: Any = None,
          limits: Limits | None = None) -> None:
    app = create_app(policy, limits)
    try:
        import uvicorn
    except ImportError:
        raise MissingDependencyError("uvicorn", "serve", "postguard serve") from None
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


__all__ = ["Limits", "create_app", "serve"]
