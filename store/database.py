"""The SQLite engine: WAL, foreign keys, FULL sync, busy timeout, one write transaction per action.

Two engines share the file. The write engine starts every transaction with ``BEGIN IMMEDIATE`` so a
write never fails half-way on a lock upgrade and reads inside it (the audit chain head, the next
document number) see the state it will commit on. The read engine uses deferred transactions and is
what list pages and reports read through; in WAL mode readers never block the writer.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from core.errors import DatabaseProblem
from core.messages import msg

BUSY_TIMEOUT_MS = 5000
# How long a write waits for another program's write to finish before it gives up: a person saving
# a form would rather wait than retype it. FORECOURT_WRITE_WAIT (seconds) overrides it.
WRITE_WAIT_MS = 30000
# A write that has not got the lock after this long says that it is waiting.
_QUICK_MS = 250

WaitListener = Callable[[Path, bool], None]
_listeners: list[WaitListener] = []
_listeners_lock = threading.Lock()


def write_wait_ms() -> int:
    """How long a write transaction waits for the write lock, in milliseconds."""
    given = os.environ.get("FORECOURT_WRITE_WAIT", "").strip()
    try:
        return max(0, round(float(given) * 1000)) if given else WRITE_WAIT_MS
    except ValueError:
        return WRITE_WAIT_MS


def on_write_wait(listener: WaitListener) -> Callable[[], None]:
    """Call ``listener(path, True)`` when a write starts waiting for another program's write to the
    database at ``path`` and ``listener(path, False)`` when it stops waiting (it got the lock or gave
    up). The listener runs on the waiting thread. Returns a function that removes it."""
    with _listeners_lock:
        _listeners.append(listener)

    def remove() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return remove


def _tell(path: Path, waiting: bool) -> None:
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(path, waiting)


def _begin_immediate(raw: sqlite3.Connection, path: Path, wait_ms: int) -> None:
    """Take the write lock; after a short try, tell the listeners and wait up to ``wait_ms``. A lock
    still held by then is a :class:`DatabaseProblem` of kind ``locked``."""
    try:
        raw.execute(f"PRAGMA busy_timeout = {min(_QUICK_MS, wait_ms)}")
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or wait_ms <= _QUICK_MS:
                raise
        _tell(path, True)
        try:
            raw.execute(f"PRAGMA busy_timeout = {wait_ms - _QUICK_MS}")
            raw.execute("BEGIN IMMEDIATE")
        finally:
            _tell(path, False)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise DatabaseProblem(
            msg("The database {path} is locked by another program that has been writing for over {value3} s. Close "
                "the other program and try again.",
                path=path, value3=max(1, round(wait_ms / 1000))), kind="locked") from exc
    finally:
        raw.execute(f"PRAGMA busy_timeout = {wait_ms}")


def _configure(dbapi_conn: sqlite3.Connection, *, busy_ms: int, readonly: bool) -> None:
    # pysqlite's own transaction handling is switched off so SQLAlchemy's "begin" event decides.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
    cur.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA cache_size = -32000")
    cur.close()


def make_engine(path: Path, *, immediate: bool, readonly: bool = False) -> Engine:
    target = f"file:{path.as_posix()}?mode=ro" if readonly else str(path)

    writes = immediate and not readonly
    busy_ms = write_wait_ms() if writes else BUSY_TIMEOUT_MS

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=readonly, check_same_thread=False, timeout=busy_ms / 1000)

    # A URL without a file name makes SQLAlchemy assume an in-memory database and pick its pool of one
    # connection per thread. Qt's worker threads get a fresh Python thread state for every task, so that
    # pool saw a new thread per background query and closed older connections, even ones in use.
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        _configure(dbapi_conn, busy_ms=busy_ms, readonly=readonly)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        if writes:
            _begin_immediate(conn.connection.driver_connection, path, busy_ms)
        else:
            # Straight to the driver: a read's BEGIN needs none of SQLAlchemy's execution machinery.
            conn.connection.driver_connection.execute("BEGIN")

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

    def refresh_statistics(self, tables: Iterable[str]) -> None:
        """Re-sample the query planner's statistics of ``tables`` after a bulk write grew or changed
        them a lot (statistics from when a table was 50 times smaller lead to full scans). Sampled
        (``analysis_limit``), so a few milliseconds per index even on large tables."""
        tables = sorted(tables)
        if not tables:
            return
        with self.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            for table in tables:
                conn.exec_driver_sql(f'ANALYZE "{table}"')

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def translate_operational_error(exc: BaseException, path: Path) -> DatabaseProblem | None:
    """Map a low-level SQLite failure to a message a person can act on, or None if unknown."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseProblem(
            msg("The database {path} is locked by another program. Close the other program and try again.", path=path),
            kind="locked",
        )
    if "disk is full" in text or "disk full" in text:
        return DatabaseProblem(msg("Cannot write {path}: the disk is full. Free some space and try again.",
                                   path=path), kind="full")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly database" in text:
        return DatabaseProblem(
            msg("The database {path} is read-only. Check the file's permissions or copy it to a writable folder.",
                path=path),
            kind="readonly",
        )
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return DatabaseProblem(
            msg("The file {path} is not a Forecourt database or it is damaged. Restore it from a backup.", path=path),
            kind="corrupt",
        )
    if "unable to open" in text:
        return DatabaseProblem(msg("The database {path} cannot be opened.", path=path), kind="missing")
    return None
