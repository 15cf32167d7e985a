"""The casebook's tables (SQLAlchemy Core). The migrations in `migrations/versions/` create
them; this module is what the code reads and writes through, and a test checks the two agree.

Nothing is ever deleted: items change `status` only through decisions, and `decisions` and
`audit_log` are append-only (the migration adds triggers that refuse UPDATE and DELETE).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("email", String(320)),
    Column("password_hash", String(200)),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("failed_signins", Integer, nullable=False, default=0),
    Column("locked_until", String(40)),
    Column("created_at", String(40), nullable=False),
)

items = Table(
    "items", metadata,
    Column("id", String(32), primary_key=True),
    Column("post_id", String(200)),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("metadata", Text, nullable=False),
    Column("report", Text, nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("categories", String(400), nullable=False),
    Column("escalate", Boolean, nullable=False),
    Column("escalation", Text),
    Column("status", String(20), nullable=False, index=True),
    Column("published_as", String(20)),
    Column("filed_by", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

item_images = Table(
    "item_images", metadata,
    Column("item_id", String(32), ForeignKey("items.id"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_id", String(32), ForeignKey("items.id"), nullable=False, index=True),
    Column("user_name", String(100), nullable=False),
    Column("role", String(20), nullable=False),
    Column("decision", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("informed", Text, nullable=False),
    Column("status_after", String(20), nullable=False),
    Column("at", String(40), nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("item_id", String(32)),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# One row (id 1): the last entry's number and hash, updated in the transaction that appends.
# Removing entries from the end of the log leaves it pointing past them.
chain_head = Table(
    "chain_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

sessions = Table(
    "sessions", metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("expires_at", String(40), nullable=False),
)
