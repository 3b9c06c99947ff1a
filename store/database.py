"""The SQLite engine: WAL, foreign keys, FULL sync, busy timeout, one write transaction per action.

Two engines share the file. The write engine starts every transaction with ``BEGIN IMMEDIATE`` so a
write never fails half-way on a lock upgrade and reads inside it (the audit chain head, the next
document number) see the state it will commit on. The read engine uses deferred transactions and is
what list pages and reports read through; in WAL mode readers never block the writer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from core.errors import DatabaseProblem

BUSY_TIMEOUT_MS = 5000


def _configure(dbapi_conn: sqlite3.Connection, *, immediate: bool, readonly: bool) -> None:
    # pysqlite's own transaction handling is switched off so SQLAlchemy's "begin" event decides.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA cache_size = -32000")
    cur.close()


def make_engine(path: Path, *, immediate: bool, readonly: bool = False) -> Engine:
    target = f"file:{path.as_posix()}?mode=ro" if readonly else str(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=readonly, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)

    # A URL without a file name makes SQLAlchemy assume an in-memory database and pick its pool of one
    # connection per thread. Qt's worker threads get a fresh Python thread state for every task, so that
    # pool saw a new thread per background query and closed older connections, even ones in use.
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)
    begin_sql = "BEGIN IMMEDIATE" if immediate and not readonly else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        _configure(dbapi_conn, immediate=immediate, readonly=readonly)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        conn.exec_driver_sql(begin_sql)

    return engine


@dataclass
class Database:
    """One open Forecourt database file. Safe to share between threads; sessions are not."""

    path: Path
    engine: Engine
    read_engine: Engine

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Database:
        path = Path(path)
        engine = make_engine(path, immediate=True, readonly=readonly)
        read_engine = make_engine(path, immediate=False, readonly=readonly)
        return cls(path=path, engine=engine, read_engine=read_engine)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot for the duration of the block."""
        with self.read_engine.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def translate_operational_error(exc: BaseException, path: Path) -> DatabaseProblem | None:
    """Map a low-level SQLite failure to a message a person can act on, or None if unknown."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseProblem(
            f"The database {path} is locked by another program. Close the other program and try again.",
            kind="locked",
        )
    if "disk is full" in text or "disk full" in text:
        return DatabaseProblem(f"Cannot write {path}: the disk is full. Free some space and try again.", kind="full")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly database" in text:
        return DatabaseProblem(
            f"The database {path} is read-only. Check the file's permissions or copy it to a writable folder.",
            kind="readonly",
        )
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return DatabaseProblem(
            f"The file {path} is not a Forecourt database or it is damaged. Restore it from a backup.",
            kind="corrupt",
        )
    if "unable to open" in text:
        return DatabaseProblem(f"The database {path} cannot be opened.", kind="missing")
    return None
