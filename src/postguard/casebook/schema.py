"""Opening a casebook database: the URL, the engine, the migrations and the schema check.

`init_schema(url)` runs the shipped Alembic migrations up to the newest (what
`postguard casebook init` does). `open_engine(url)` refuses a database that cannot be reached,
one never initialised, one behind this postguard (run init), and one from a newer postguard
(never a silent downgrade). Errors name the URL with its password hidden.
"""

from __future__ import annotations

import os
from importlib import resources
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import ConfigurationError


class CasebookError(ConfigurationError):
    """A casebook database that cannot be used (unreachable, not initialised, wrong schema)."""


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise CasebookError(f"casebook URL {url!r} is not a database URL (examples: "
                            "sqlite:///postguard.db, postgresql://user@host/db)") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise CasebookError("casebook URL: SQLite needs a file (sqlite:///postguard.db)")
        return parsed
    raise CasebookError(f"casebook URL {shown(parsed)}: only sqlite:/// and postgresql:// "
                        "databases are supported")


def shown(url: URL | str) -> str:
    """The URL with its password hidden, for messages."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "<not a URL>"
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is off; `_sqlite_begin` issues BEGIN IMMEDIATE
    # for writers, so a writer takes the lock up front instead of failing on an upgrade.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # A committed transaction is in the WAL file before COMMIT returns: a killed server
    # loses nothing it answered for (only a power cut could lose the last ones).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


#: Execution option of a connection that is going to write: on SQLite its transaction takes
#: the write lock at BEGIN. Readers begin deferred and read a snapshot without blocking
#: writers (WAL), so `casebook verify` on a live casebook never stalls the filing.
WRITE = "postguard_write"


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        folder = os.path.dirname(os.path.abspath(parsed.database or ""))
        if not os.path.isdir(folder):
            raise CasebookError(f"casebook {shown(parsed)}: folder {folder} does not exist")
        engine = create_engine(parsed, connect_args={"check_same_thread": False},
                               pool_size=8, max_overflow=8)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, pool_size=8, max_overflow=8, pool_pre_ping=True,
                         connect_args={"connect_timeout": 10})


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location",
                        str(resources.files("postguard.casebook") / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def _head(connection: Connection) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    assert head is not None
    return head


def _current(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _known(connection: Connection, revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(
            _alembic_config(connection)).get_revision(revision) is not None
    except CommandError:
        return False


def _connect(engine: Engine) -> Connection:
    try:
        return engine.connect()
    except (OperationalError, DBAPIError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise CasebookError(f"casebook {shown(engine.url)}: cannot connect ({reason})") from None


def init_schema(url: str) -> str:
    """Create or upgrade the schema; returns the revision the database is now at."""
    from alembic import command

    engine = make_engine(url)
    try:
        with _connect(engine) as conn:
            current = _current(conn)
            if current is not None and not _known(conn, current):
                raise _newer(engine, current, _head(conn))
            command.upgrade(_alembic_config(conn), "head")
            conn.commit()
            return _head(conn)
    finally:
        engine.dispose()


def _newer(engine: Engine, current: str, head: str) -> CasebookError:
    return CasebookError(
        f"casebook {shown(engine.url)}: the database is at schema revision {current}, newer "
        f"than this postguard knows (newest {head}); upgrade postguard, never downgrade the "
        "database")


def open_engine(url: str) -> Engine:
    """An engine on a reachable, initialised database at this postguard's schema."""
    engine = make_engine(url)
    try:
        with _connect(engine) as conn:
            current, head = _current(conn), _head(conn)
            if current is None:
                raise CasebookError(f"casebook {shown(engine.url)}: not initialised; run "
                                    f"postguard casebook init --db URL")
            if current != head:
                if not _known(conn, current):
                    raise _newer(engine, current, head)
                raise CasebookError(f"casebook {shown(engine.url)}: schema revision {current} "
                                    f"is older than {head}; run postguard casebook init --db "
                                    "URL to upgrade it")
    except BaseException:
        engine.dispose()
        raise
    return engine
