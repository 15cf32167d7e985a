"""Alembic's environment for the casebook: always run from `postguard.casebook.schema`,
which hands over an open connection (no alembic.ini, no logging configuration)."""

from __future__ import annotations

from alembic import context

from postguard.casebook.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
