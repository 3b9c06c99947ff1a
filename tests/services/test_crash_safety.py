"""A process killed in the middle of its work leaves a sound database: uncommitted rows vanish,
committed rows stay, and the next write works."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from services import audit, customers
from services.customers import CustomerInput
from services.permissions import system_actor
from services.setup import open_database

ROOT = Path(__file__).resolve().parents[2]
ROWS = 3000

# The child writes through the program's own engine (BEGIN IMMEDIATE, WAL, synchronous=FULL). A tiny
# page cache makes SQLite spill uncommitted pages into the WAL before the kill, so recovery has to
# ignore frames that were written but never committed.
CHILD = textwrap.dedent("""
    import sys, time
    from services.setup import open_database
    from models.crm import Customer
    from sqlalchemy import text
    from services.permissions import system_actor
    from store.audit_chain import Change
    from store.uow import UnitOfWork

    path, commit, rows = sys.argv[1], sys.argv[2] == "commit", int(sys.argv[3])
    db = open_database(path)
    uow = UnitOfWork(db, system_actor("crash-test"))
    uow.connection.exec_driver_sql("PRAGMA cache_size = 10")
    uow.insert(Customer, [{"name": f"Crash Test {i}"} for i in range(rows)], audit=False)
    uow.audit([Change("import", "customer", "bulk", summary=f"{rows} customers")])
    if commit:
        uow.commit()
        uow.execute(text("UPDATE customer SET notes = 'half-done' WHERE name LIKE 'Crash Test%'"),
                    touches={"customer": None})
    print("ready", flush=True)
    time.sleep(120)
""")


def _run_and_kill(db_path: Path, *, commit: bool) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), "commit" if commit else "hold", str(ROWS)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read()
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the unfinished transaction reached the disk
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        assert child.wait(timeout=10) != 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()


def _integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _crash_rows(db_path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*), count(NULLIF(notes, '')) FROM customer "
                            "WHERE name LIKE 'Crash Test%'").fetchone()
    finally:
        conn.close()


def test_killed_writer_leaves_no_trace_of_its_uncommitted_rows(db_path, owner_actor_for_crash):
    _run_and_kill(db_path, commit=False)

    assert _integrity(db_path) == "ok"
    assert _crash_rows(db_path) == (0, 0)
    db = open_database(db_path)
    try:
        customers.create(db, owner_actor_for_crash, CustomerInput(name="After The Crash"))
        with db.read() as conn:
            assert audit.verify(conn).ok
            assert conn.exec_driver_sql("SELECT count(*) FROM customer WHERE name = 'After The Crash'").scalar() == 1
    finally:
        db.dispose()


def test_killed_writer_keeps_what_it_committed_and_drops_the_rest(db_path, owner_actor_for_crash):
    _run_and_kill(db_path, commit=True)

    assert _integrity(db_path) == "ok"
    assert _crash_rows(db_path) == (ROWS, 0)  # the committed insert stays; the open update is gone
    db = open_database(db_path)
    try:
        customers.create(db, owner_actor_for_crash, CustomerInput(name="After The Crash"))
        with db.read() as conn:
            result = audit.verify(conn)
            assert result.ok
            last = conn.exec_driver_sql("SELECT actor FROM audit_entry ORDER BY seq DESC LIMIT 2").scalars().all()
        assert last == [owner_actor_for_crash.username, "os:crash-test"]
    finally:
        db.dispose()


@pytest.fixture
def owner_actor_for_crash():

    return system_actor("tester", terminal="T1")
