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
