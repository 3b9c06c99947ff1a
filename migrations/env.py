"""Alembic environment. Runs on the connection the application hands over (``config.attributes``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import models
from migrations.filters import include_object

config = context.config
target_metadata = models.Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
        # SQLite's DDL is transactional: a downgrade or upgrade through several revisions is one
        # transaction, so a step that refuses (0007 below a keyed audit trail) leaves the file as it was
        # rather than the steps before it committed.
        transactional_ddl=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - offline SQL generation is not used
    raise SystemExit("Forecourt migrations run online only")
run_migrations_online()
