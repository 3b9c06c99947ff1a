"""Open a Forecourt database safely: check it, back it up, migrate it, seed a new one.

The backup and the seeding are the services' business; :func:`services.setup.open_database` passes
them in, so this layer knows only files, SQLite and Alembic."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from core.errors import DatabaseProblem
from store import migrate
from store.database import Database, make_engine, translate_operational_error


def _precheck(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DatabaseProblem(
                f"The database {path} does not exist. Create it with 'forecourt init' or 'forecourt demo'.",
                kind="missing",
            )
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise DatabaseProblem(f"Cannot create the database in {path.parent}: the folder is read-only.",
                                  kind="readonly")
        return
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file.", kind="foreign")
    if not os.access(path, os.R_OK):
        raise DatabaseProblem(f"The database {path} cannot be read: permission denied.", kind="readonly")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(
            f"The database {path} is read-only. Check the file's permissions or copy it to a writable folder.",
            kind="readonly",
        )
    with path.open("rb") as fh:
        header = fh.read(16)
    if header and header != b"SQLite format 3\x00":
        raise DatabaseProblem(
            f"The file {path} is not a Forecourt database or it is damaged. Restore it from a backup.",
            kind="corrupt",
        )


# PRAGMA quick_check reads every page (about 1 s per GB here). Up to this size it runs on every
# open; a larger file gets a cheap check at open (its schema must read) and the full check runs in
# the background once the app is up (app/gui.py), besides the integrity check of every backup copy.
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024


def light_check(path: Path) -> str | None:
    """None when the file opens as SQLite and its schema reads, otherwise the complaint."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def quick_check(path: Path) -> str | None:
    """None when SQLite finds the file sound, otherwise its first complaint."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return None if row and row[0] == "ok" else (row[0] if row else "unreadable")


def _refuse_unusable_schema(path: Path) -> None:
    """Raise DatabaseProblem for a foreign or newer file, looking at it read-only: opening it for
    writing would already switch it to WAL mode, and it is not ours to change."""
    engine = make_engine(path, immediate=False, readonly=True)
    try:
        with engine.connect() as conn:
            migrate.schema_state(conn, path)
    except DBAPIError as exc:
        problem = translate_operational_error(exc, path)
        if problem is not None:
            raise problem from exc
        raise
    finally:
        engine.dispose()


def open_database(path: Path | str, *, create: bool = False, backup_before_migrate: bool = True,
                  full_check: bool | None = None, backup: Callable[[Database], object] | None = None,
                  seed: Callable[[Database], object] | None = None) -> Database:
    """Open (and if needed create or upgrade) the database at ``path``.

    ``full_check`` runs SQLite's quick_check first; by default only for files up to
    :data:`FULL_CHECK_MAX_BYTES` (larger ones are checked in the background by the app).
    Raises :class:`DatabaseProblem` with a message a person can act on; never damages the file.
    """
    path = Path(path).expanduser().resolve()
    _precheck(path, create=create)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        if full_check is None:
            full_check = path.stat().st_size <= FULL_CHECK_MAX_BYTES
        problem = quick_check(path) if full_check else light_check(path)
        if problem is not None:
            known = translate_operational_error(Exception(problem), path)
            raise known or DatabaseProblem(
                f"The database {path} is damaged ({problem}). Restore it from a backup.", kind="corrupt")
        _refuse_unusable_schema(path)
    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            state = migrate.schema_state(conn, path)
        if state == "old" and backup_before_migrate and backup is not None:
            backup(db)
        if state in ("empty", "old"):
            with db.engine.connect() as conn:
                migrate.upgrade(conn)
        if state == "empty" and seed is not None:
            seed(db)
    except DBAPIError as exc:
        db.dispose()
        problem = translate_operational_error(exc, path)
        if problem is not None:
            raise problem from exc
        raise
    except BaseException:
        db.dispose()
        raise
    return db
