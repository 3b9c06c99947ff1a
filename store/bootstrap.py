"""Open a Forecourt database safely: check it, back it up, migrate it, seed a new one.

The backup and the seeding are the services' business; :func:`services.setup.open_database` passes
them in, so this layer knows only files, SQLite and Alembic.

Opening a database whose schema is current writes nothing and takes no write lock: the checks and
the schema look-up go through read-only connections, so a program opens while another one is in
the middle of a long write (an import of a price list, say). Only a new or out-of-date
database is written to, and then under the write lock. Opened ``for_reading``, a database is never
written at all: an out-of-date one is refused instead of migrated."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from core.errors import DatabaseProblem
from core.messages import msg
from store import migrate
from store.database import Database, make_engine, translate_operational_error


def _precheck(path: Path, *, create: bool, writable: bool = True) -> None:
    if not path.exists():
        if not create:
            raise DatabaseProblem(
                msg("The database {path} does not exist. Create it with 'forecourt init' or 'forecourt demo'.",
                    path=path),
                kind="missing",
            )
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise DatabaseProblem(msg("Cannot create the database in {parent}: the folder is read-only.",
                                      parent=path.parent),
                                  kind="readonly")
        return
    if path.is_dir():
        raise DatabaseProblem(msg("{path} is a folder, not a database file.", path=path), kind="foreign")
    if path.stat().st_size == 0:
        # What a program killed while creating a database leaves; turning it into a new empty
        # database would hide that whatever was meant to be there is not.
        raise DatabaseProblem(msg("{path} is empty; not a Forecourt database. Delete it to start a new one, or "
                                  "restore a backup.", path=path), kind="foreign")
    if not os.access(path, os.R_OK):
        raise DatabaseProblem(msg("The database {path} cannot be read: permission denied.", path=path), kind="readonly")
    if writable and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise DatabaseProblem(
            msg("The database {path} is read-only. Check the file's permissions or copy it to a writable folder.",
                path=path),
            kind="readonly",
        )
    # The file itself is looked at only through SQLite (the checks below refuse what is not a
    # database): closing a descriptor of our own on it would drop every POSIX lock this process
    # holds on it, and with them the locks of the connections already open on it here.


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


def _schema_state_read_only(path: Path) -> str:
    """The file's :func:`store.migrate.schema_state`, looked up read-only: opening it for writing
    would already switch it to WAL mode, and a foreign or newer file is not ours to change.
    Raises DatabaseProblem for a foreign or newer file."""
    engine = make_engine(path, immediate=False, readonly=True)
    try:
        with engine.connect() as conn:
            return migrate.schema_state(conn, path)
    except DBAPIError as exc:
        problem = translate_operational_error(exc, path)
        if problem is not None:
            raise problem from exc
        raise
    finally:
        engine.dispose()


def _is_seeded(path: Path, seeded: Callable[[Connection], bool]) -> bool:
    engine = make_engine(path, immediate=False, readonly=True)
    try:
        with engine.connect() as conn:
            return seeded(conn)
    finally:
        engine.dispose()


def _refuse_for_reading(path: Path, state: str) -> None:
    if state == "unseeded":
        raise DatabaseProblem(msg("The database {path} was not set up completely (the program creating it was "
                                  "stopped). Finish it with 'forecourt init'; nothing was changed.",
                                  path=path), kind="old")
    if state == "empty":
        raise DatabaseProblem(msg("The database {path} has no Forecourt data yet. Set it up with 'forecourt init' or "
                                  "'forecourt demo'.", path=path), kind="missing")
    if state == "old":
        raise DatabaseProblem(
            msg("The database {path} has the schema of an older version of Forecourt. Upgrade it first with "
                "'forecourt init' (or by starting the desktop program); nothing was changed.", path=path), kind="old")


def open_database(path: Path | str, *, create: bool = False, backup_before_migrate: bool = True,
                  full_check: bool | None = None, backup: Callable[[Database], object] | None = None,
                  seed: Callable[[Database], object] | None = None,
                  seeded: Callable[[Connection], bool] | None = None, for_reading: bool = False) -> Database:
    """Open (and if needed create or upgrade) the database at ``path``.

    ``full_check`` runs SQLite's quick_check first; by default only for files up to
    :data:`FULL_CHECK_MAX_BYTES` (larger ones are checked in the background by the app).
    A database whose schema is current is opened without writing and without taking the write lock.
    ``for_reading`` opens it read-only (every connection refuses to write) and refuses, rather than
    creates or migrates, a database that is new or out of date; a read-only file is fine then.
    ``seeded`` tells, on a read-only connection, whether ``seed`` has completed; a current database
    where it has not (its creator was killed between the schema and the seed) is seeded now.
    An empty (0-byte) file is refused, never made into a new database.
    Raises :class:`DatabaseProblem` with a message a person can act on; never damages the file.
    Any thread.
    """
    path = Path(path).expanduser().resolve()
    create = create and not for_reading
    _precheck(path, create=create, writable=not for_reading)
    existed = path.exists()
    state = "empty"
    if existed:
        if full_check is None:
            full_check = path.stat().st_size <= FULL_CHECK_MAX_BYTES
        problem = quick_check(path) if full_check else light_check(path)
        if problem is not None:
            known = translate_operational_error(Exception(problem), path)
            raise known or DatabaseProblem(
                msg("The database {path} is damaged ({problem}). Restore it from a backup.",
                    path=path, problem=problem), kind="corrupt")
        state = _schema_state_read_only(path)
        if state == "current" and seeded is not None and not _is_seeded(path, seeded):
            state = "unseeded"
    if for_reading:
        _refuse_for_reading(path, state)
        return Database.open(path, readonly=True)
    db = Database.open(path)
    if state == "current":
        return db
    try:
        # Asked again through the write engine, which waits for any writer: another program may have
        # upgraded or seeded it meanwhile.
        with db.engine.connect() as conn:
            state = migrate.schema_state(conn, path)
        if state == "old" and backup_before_migrate and backup is not None:
            backup(db)
        if state in ("empty", "old"):
            with db.engine.connect() as conn:
                migrate.upgrade(conn)
        if seed is not None:
            if seeded is not None:
                # Also completes a database whose creator was stopped between the schema and the seed.
                with db.engine.connect() as conn:
                    needed = not seeded(conn)
            else:
                needed = state == "empty"
            if needed:
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
