"""Schema management: create, inspect and upgrade a database with Alembic (DESIGN §10)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from core.errors import DatabaseProblem
from core.messages import msg

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def schema_state(conn: Connection, path: Path) -> str:
    """'empty', 'current', 'old' or raise DatabaseProblem for a foreign or newer database."""
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    rev = current_revision(conn) if "alembic_version" in tables else None
    if rev is None:
        if tables - {"alembic_version"}:
            raise DatabaseProblem(msg("The file {path} is not a Forecourt database.", path=path), kind="foreign")
        return "empty"
    if rev not in known_revisions():
        raise DatabaseProblem(
            msg("The database {path} was written by a newer version of Forecourt (schema {rev}). Install the newer "
                "version to open it; nothing was changed.", path=path, rev=rev),
            kind="newer",
        )
    return "current" if rev == head_revision() else "old"


@contextmanager
def foreign_keys_off(conn: Connection) -> Iterator[None]:
    """Batch migrations rebuild a table by copy, drop and rename, which foreign keys (even a table's
    reference to itself) would refuse mid-way. Switch them off around the migration — outside any
    transaction, where SQLite honours the pragma — and check every reference before switching back."""
    raw = conn.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, rowid, parent, _fk = broken[0]
            raise DatabaseProblem(msg("The upgrade left a broken reference (table {table}, row {rowid} → {parent}); "
                                      "restore the backup made before the upgrade.",
                                      table=table, rowid=rowid, parent=parent), kind="corrupt")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def upgrade(conn: Connection) -> None:
    """Bring the schema to head inside the caller's connection (its own transactions)."""
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    with foreign_keys_off(conn):
        command.upgrade(cfg, "head")
