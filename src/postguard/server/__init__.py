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

import errno
import logging
import os
import socket
from typing import Any

from ..errors import InputError, MissingDependencyError
from .limits import Limits


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
log = logging.getLogger(__name__)


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or `InputError` in the OS's words."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot listen on {host}:{port} "
                         f"({getattr(exc, 'strerror', None) or exc})") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        words = exc.strerror or os.strerror(exc.errno or errno.EIO)
        raise InputError(f"cannot listen on {host}:{port} ({words})") from None
    sock.set_inheritable(True)
    return sock



def app_from_env() -> Any:
    """The app of one `serve --workers N` process (its settings come from the parent)."""
    import json
    import os

    config = json.loads(os.environ.get(_ENV, "{}"))
    if config.get("log") is not None and not logging.getLogger().handlers:
        # A worker process is spawned: it logs requests as the parent was told to.
        logging.basicConfig(format="postguard: %(message)s")
        logging.getLogger(__name__).setLevel(config["log"])
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
    sock = _bind(host, port)  # a port in use is one clear line (exit 2), not a traceback
    shown = f"[{host}]" if ":" in host else host
    log.info("listening on http://%s:%d (review page /, API /v1/screen; %d worker%s)",
             shown, sock.getsockname()[1], workers, "" if workers == 1 else "s")
    if workers <= 1:
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
        server.run(sockets=[sock])
        return
    sock.close()  # uvicorn's workers bind the port themselves
    import dataclasses
    import json
    import os

    if policy is not None and not isinstance(policy, (str, os.PathLike)):
        raise ValueError("serve(workers > 1) takes the policy as a file path")
    os.environ[_ENV] = json.dumps({"policy": os.fspath(policy) if policy else None,
                                   "limits": dataclasses.asdict(limits),
                                   "log": logging.getLogger(__name__).getEffectiveLevel(),
                                   "casebook": casebook})
    uvicorn.run("postguard.server:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning", server_header=False)


__all__ = ["Limits", "app_from_env", "create_app", "serve"]
