"""Users, API tokens, passwords, sessions and the sign-in lockout.

API tokens are 256 random bits, shown once; the database keeps their SHA-256. A slow hash
protects guessable secrets: a token is not guessable, and a fast hash lets every request be
checked by one indexed look-up. Passwords are people's and guessable, so they are hashed with
argon2id (argon2-cffi's defaults), and an account is locked after repeated failed sign-ins.
Session ids are random too and kept only as SHA-256; each session has its own CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..errors import InputError
from . import audit
from .rules import ROLES
from .settings import CasebookSettings
from .tables import sessions, users

TOKEN_PREFIX = "pgcb_"


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    email: str | None


class SignInRefused(Exception):
    """Wrong name or password, or a locked account (the message never says which user
    exists)."""


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def check_password(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored:
        _hasher().hash(password)  # the same time as a real check
        return False
    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def _user(row: Any) -> User:
    return User(row.id, row.name, row.role, row.email)


def add_user(conn: Connection, name: str, role: str, *, email: str | None = None,
             password: str | None = None, actor: str = "cli") -> str:
    """Create a user inside the caller's transaction; returns the API token (shown once)."""
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() or not c.isprintable() for c in name):
        raise InputError("a user name is 1-100 printable characters without spaces")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; roles are: {', '.join(ROLES)}")
    if password is not None and len(password) < 10:
        raise InputError("a password needs at least 10 characters")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with conn.begin_nested():
            conn.execute(users.insert().values(
                name=name, role=role, email=email, failed_signins=0,
                password_hash=hash_password(password) if password else None,
                token_hash=sha256(token), created_at=audit.now()))
    except IntegrityError:
        raise InputError(f"a user named {name!r} already exists") from None
    audit.append(conn, actor, "user_added", None,
                 {"name": name, "role": role, "email": email, "password": bool(password)})
    return token


def user_for_token(conn: Connection, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = conn.execute(select(users).where(users.c.token_hash == sha256(token))).one_or_none()
    if row is None or not hmac.compare_digest(row.token_hash, sha256(token)):
        return None
    return _user(row)


def users_with_role(conn: Connection, role: str) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).where(users.c.role == role)
                                           .order_by(users.c.id))]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def sign_in(conn: Connection, name: str, password: str,
            settings: CasebookSettings) -> tuple[str, str, User]:
    """A new session (its id, its CSRF token, the user), or `SignInRefused`."""
    row = conn.execute(select(users).where(users.c.name == name)).one_or_none()
    now = _now()
    if row is not None and row.locked_until and datetime.fromisoformat(row.locked_until) > now:
        check_password(None, password)
        raise SignInRefused("this account is locked after repeated failed sign-ins; "
                            "try again later")
    if row is None or not check_password(row.password_hash, password):
        if row is not None:
            failures = row.failed_signins + 1
            values: dict[str, Any] = {"failed_signins": failures}
            if failures >= settings.lockout_after:
                until = now + timedelta(minutes=settings.lockout_minutes)
                values = {"failed_signins": 0, "locked_until": until.isoformat()}
                audit.append(conn, "system", "account_locked", None,
                             {"name": row.name, "failures": failures,
                              "until": until.isoformat()})
            conn.execute(update(users).where(users.c.id == row.id).values(**values))
        raise SignInRefused("wrong name or password")
    conn.execute(update(users).where(users.c.id == row.id)
                 .values(failed_signins=0, locked_until=None))
    conn.execute(delete(sessions).where(sessions.c.expires_at < now.isoformat()))  # expired
    sid, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = now + timedelta(hours=settings.session_hours)
    conn.execute(sessions.insert().values(id_hash=sha256(sid), user_id=row.id, csrf=csrf,
                                          expires_at=expires.isoformat()))
    audit.append(conn, row.name, "signed_in", None, {})
    return sid, csrf, _user(row)


def user_for_session(conn: Connection, sid: str) -> tuple[User, str] | None:
    if not sid or len(sid) > 200:
        return None
    row = conn.execute(
        select(users, sessions.c.csrf, sessions.c.expires_at)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(sessions.c.id_hash == sha256(sid))).one_or_none()
    if row is None or datetime.fromisoformat(row.expires_at) <= _now():
        return None
    return _user(row), str(row.csrf)


def sign_out(conn: Connection, sid: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.id_hash == sha256(sid)))
