"""The safeguarding casebook (extra `casebook`): held and escalated items, decisions by
designated staff, the two-person rule, escalation to the safeguarding lead, and an audit
trail chained by hashes. See docs/casebook.md.

    from postguard.casebook import Casebook, init_schema
    init_schema("sqlite:///postguard.db")
    book = Casebook("sqlite:///postguard.db", policy)
    token = book.add_user("amy", "designated")
    filed = book.file(post, report, filed_by="amy")   # {"item_id", "status", "report"}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError

if TYPE_CHECKING:
    from .store import Casebook


def require() -> None:
    """Raise `MissingDependencyError` naming the extra when the casebook is not installed."""
    for module, package in (("sqlalchemy", "sqlalchemy"), ("alembic", "alembic"),
                            ("argon2", "argon2-cffi")):
        try:
            __import__(module)
        except ImportError:
            raise MissingDependencyError(package, "casebook", "the casebook") from None


def open_casebook(url: str, policy: Any = None) -> Casebook:
    require()
    from .store import Casebook

    return Casebook(url, policy)


def init_schema(url: str) -> str:
    require()
    from .schema import init_schema as init

    return init(url)


def __getattr__(name: str) -> Any:
    if name == "Casebook":
        require()
        from .store import Casebook

        return Casebook
    raise AttributeError(name)


__all__ = ["Casebook", "init_schema", "open_casebook", "require"]
