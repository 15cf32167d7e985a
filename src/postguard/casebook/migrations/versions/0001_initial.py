"""The first casebook schema: users, items, images, decisions, the audit log and its head.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_APPEND_ONLY = ("decisions", "audit_log")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("email", sa.String(320)),
        sa.Column("password_hash", sa.String(200)),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("failed_signins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(40)),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("post_id", sa.String(200)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("metadata", sa.Text, nullable=False),
        sa.Column("report", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("categories", sa.String(400), nullable=False),
        sa.Column("escalate", sa.Boolean, nullable=False),
        sa.Column("escalation", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("published_as", sa.String(20)),
        sa.Column("filed_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_items_status", "items", ["status"])
    op.create_table(
        "item_images",
        sa.Column("item_id", sa.String(32), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.String(32), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("informed", sa.Text, nullable=False),
        sa.Column("status_after", sa.String(20), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_decisions_item_id", "decisions", ["item_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("item_id", sa.String(32)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute(sa.text("INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, :h)")
               .bindparams(h="0" * 64))
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    """The database itself refuses to change or remove decisions and audit entries, and to
    remove items. Someone with the database's owner rights can drop these; the hash chain is
    what catches that (`postguard casebook verify`)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION pg_casebook_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$BEGIN RAISE EXCEPTION 'casebook: % on % is not allowed (append-only)', "
                   "TG_OP, TG_TABLE_NAME; END$$")
        for table in _APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION pg_casebook_refuse()")
        for table in (*_APPEND_ONLY, "items"):
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION pg_casebook_refuse()")
        op.execute("CREATE TRIGGER items_no_delete BEFORE DELETE ON items "
                   "FOR EACH ROW EXECUTE FUNCTION pg_casebook_refuse()")
        return
    for table in _APPEND_ONLY:
        for what in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{what.lower()} BEFORE {what} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, 'casebook: {what} on {table} is not "
                       "allowed (append-only)'); END")
    op.execute("CREATE TRIGGER items_no_delete BEFORE DELETE ON items "
               "BEGIN SELECT RAISE(ABORT, 'casebook: DELETE on items is not allowed'); END")


def downgrade() -> None:
    raise NotImplementedError("the casebook is never downgraded")
