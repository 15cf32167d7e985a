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


def create_app(policy: Any = None, limits: Limits | None = None, casebook: Any = None) -> Any:
    """The Starlette app, with its Screener built (and detectors loaded) once. `casebook`
    (a database URL or a `Casebook`) adds the casebook's API and pages, behind sign-in."""
    try:
        import starlette  # noqa: F401
    except ImportError:
        raise MissingDependencyError("starlette", "serve", "postguard serve") from None
    from .app import build

    if isinstance(casebook, str):  # an unreachable or unfit database stops here
        from ..casebook import open_casebook

        casebook = open_casebook(casebook, policy)
    return build(policy, limits or Limits(), casebook)


_ENV = "POSTGUARD_SERVE_CONFIG"


def app_from_env() -> Any:
    """The app of one `serve --workers N` process (its settings come from the parent)."""
    import json
    import os

    config = json.loads(os.environ.get(_ENV, "{}"))
    return create_app(config.get("policy"), Limits(**config.get("limits", {})),
                      config.get("casebook"))


def serve(host: str = "127.0.0.1", port: int = 8000, *, policy: Any = None,
          limits: Limits | None = None, workers: int = 1, casebook: str | None = None) -> None:
    """Run the service with uvicorn; `workers` > 1 runs that many processes on one port."""
    limits = limits or Limits()
    app = create_app(policy, limits, casebook)  # a bad policy or casebook stops here
    try:
        import uvicorn
    except ImportError:
        raise MissingDependencyError("uvicorn", "serve", "postguard serve") from None
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    import dataclasses
    import json
    import os

    if policy is not None and not isinstance(policy, (str, os.PathLike)):
        raise ValueError("serve(workers > 1) takes the policy as a file path")
    os.environ[_ENV] = json.dumps({"policy": os.fspath(policy) if policy else None,
                                   "limits": dataclasses.asdict(limits),
                                   "casebook": casebook})
    uvicorn.run("postguard.server:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning", server_header=False)


__all__ = ["Limits", "app_from_env", "create_app", "serve"]
