"""Fixtures of the casebook tests: every test that takes `db_url` runs on SQLite and on a
throwaway PostgreSQL server (one per session, a fresh database per test).

PostgreSQL is skipped only when its binaries are truly missing outside CI; under CI=true a
missing or broken PostgreSQL fails the run.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the casebook extra is not installed")

from postguard.casebook import throwaway_pg  # noqa: E402

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[throwaway_pg.ThrowawayPostgres]:
    if throwaway_pg.find_bindir() is None:
        message = ("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): "
                   "scripts/setup.sh installs it")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = throwaway_pg.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: Any, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'casebook.db'}"
    server = request.getfixturevalue("pg_server")
    return str(server.create_database(f"cb_{os.getpid()}_{next(_counter)}"))


def unprotect(conn: Any) -> None:
    """Drop the append-only triggers, as someone with the database owner's rights could:
    what the hash chain must still catch."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP FUNCTION pg_casebook_refuse() CASCADE")
        return
    for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
        conn.exec_driver_sql(f"DROP TRIGGER {name}")


class LiveServer:
    """An ASGI app served by uvicorn in a thread on a loopback port (what a browser or the
    benchmark talks to), stopped when the block ends."""

    def __init__(self, app: Any) -> None:
        import threading

        import uvicorn

        self.port = throwaway_pg.free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                     log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
