"""Opening a database: creating and seeding it, refusing unusable files unharmed, and the SQLite pragmas."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from core.errors import DatabaseProblem
from services.permissions import ROLES
from services.setup import open_database
from store import migrate
from store.database import BUSY_TIMEOUT_MS, WRITE_WAIT_MS
from tests.services.samples import count, raw_rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- creating -------------------------------------------------------------------------------------

def test_a_missing_file_is_reported_and_not_created(tmp_path):
    path = tmp_path / "nowhere" / "forecourt.db"
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path)
    assert exc.value.kind == "missing"
    assert "forecourt init" in str(exc.value)
    assert not path.exists()
    assert not path.parent.exists()


def test_create_makes_a_migrated_seeded_database_in_a_new_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "forecourt.db"
    db = open_database(path, create=True)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        db.dispose()
    assert {r[0] for r in raw_rows(path, "SELECT code FROM role")} == set(ROLES)
    assert raw_rows(path, "SELECT code FROM terminal") == [("T1",)]
    assert raw_rows(path, "SELECT key FROM setting") == [("dealership",)]
    assert raw_rows(path, "SELECT code FROM tax_rate WHERE is_default = 1") == [("VAT13",)]
    assert count(path, "user_account") == 0


@pytest.mark.parametrize("create", [False, True])
def test_an_empty_file_is_refused_as_not_a_database_and_left_alone(tmp_path, create):
    path = tmp_path / "forecourt.db"
    path.touch()
    with pytest.raises(DatabaseProblem, match=r"is empty; not a Forecourt database"):
        open_database(path, create=create)
    with pytest.raises(DatabaseProblem, match=r"is empty; not a Forecourt database"):
        open_database(path, for_reading=True)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forecourt.db"]


def test_a_database_left_with_the_schema_but_without_its_seed_is_completed_on_the_next_open(tmp_path):
    from store import bootstrap

    path = tmp_path / "forecourt.db"
    bootstrap.open_database(path, create=True).dispose()  # the schema, then the creator stopped
    assert count(path, "role") == 0
    with pytest.raises(DatabaseProblem, match="not set up completely"):
        open_database(path, for_reading=True)
    open_database(path).dispose()
    assert {r[0] for r in raw_rows(path, "SELECT code FROM role")} == set(ROLES)
    assert raw_rows(path, "SELECT key FROM setting") == [("dealership",)]
    assert raw_rows(path, "SELECT code FROM terminal") == [("T1",)]


def test_reopening_a_database_does_not_seed_it_again(tmp_path):
    path = tmp_path / "forecourt.db"
    open_database(path, create=True).dispose()
    tables = ("role", "role_permission", "terminal", "setting", "tax_rate", "audit_entry")
    before = {t: count(path, t) for t in tables}
    open_database(path).dispose()
    open_database(path, create=True).dispose()
    assert {t: count(path, t) for t in tables} == before


def test_seeding_is_audited_and_the_chain_verifies(tmp_path):
    from services import audit

    path = tmp_path / "forecourt.db"
    db = open_database(path, create=True)
    try:
        with db.read() as conn:
            result = audit.verify(conn)
    finally:
        db.dispose()
    assert result.ok
    assert result.checked == count(path, "audit_entry") > 0


# --- refusing unusable files ----------------------------------------------------------------------

def test_a_text_file_is_refused_as_corrupt_and_left_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Shopping list: oil filter, wiper blades\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path)
    assert exc.value.kind == "corrupt"
    assert "backup" in str(exc.value)
    assert _digest(path) == before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseProblem) as exc:
        open_database(tmp_path)
    assert exc.value.kind == "foreign"


def test_a_garbled_database_is_refused_as_corrupt_and_left_unchanged(db_path):
    data = bytearray(db_path.read_bytes())
    start, end = len(data) // 4, 3 * len(data) // 4
    data[start:end] = (b"\xde\xad\xbe\xef" * (end - start))[: end - start]
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(db_path)
    assert exc.value.kind == "corrupt"
    assert _digest(db_path) == before


def test_a_truncated_database_is_refused_as_corrupt_and_left_unchanged(db_path):
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(db_path)
    assert exc.value.kind == "corrupt"
    assert _digest(db_path) == before


def test_a_damaged_header_is_refused_as_corrupt(db_path):
    data = bytearray(db_path.read_bytes())
    data[0:16] = b"SQLite format 2\x00"
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as exc:
        open_database(db_path)
    assert exc.value.kind == "corrupt"


# --- the connection ---------------------------------------------------------------------------------

@pytest.mark.parametrize("engine_name", ["engine", "read_engine"])
def test_connections_use_wal_foreign_keys_full_sync_and_a_busy_timeout(db, engine_name):
    engine = getattr(db, engine_name)
    with engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        # Reads never wait in WAL mode; a write waits up to 30 s for another program's write.
        expected = WRITE_WAIT_MS if engine_name == "engine" else BUSY_TIMEOUT_MS
        assert pragma("busy_timeout") == expected
        assert (BUSY_TIMEOUT_MS, WRITE_WAIT_MS) == (5000, 30000)


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO vehicle (id, vin, make, model, variant, colour, fuel, plate, notes, owner_id, "
                          "created_at, created_by, updated_at, updated_by) VALUES ('v1', 'LSVAU2180N2000001', "
                          "'VW', 'Lavida', '', '', '', '', '', 'no-such-customer', '2030-01-01', '', "
                          "'2030-01-01', '')"))


def test_a_write_transaction_takes_the_write_lock_at_its_start(db, db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))  # no write yet, but BEGIN IMMEDIATE already holds the lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            conn.rollback()
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_reads_do_not_block_a_writer(db, db_path):
    with db.read() as reader:
        reader.execute(text("SELECT count(*) FROM role")).scalar_one()
        with db.engine.begin() as writer:
            writer.execute(text("UPDATE setting SET value = value WHERE key = 'dealership'"))


def test_a_large_file_gets_a_light_check_at_open_and_a_full_one_on_request(db_path, monkeypatch):
    import store.bootstrap as bootstrap

    calls: list[str] = []
    monkeypatch.setattr(bootstrap, "quick_check", lambda p: calls.append("full"))
    monkeypatch.setattr(bootstrap, "light_check", lambda p: calls.append("light"))
    monkeypatch.setattr(bootstrap, "FULL_CHECK_MAX_BYTES", 1)
    bootstrap.open_database(db_path).dispose()
    bootstrap.open_database(db_path, full_check=True).dispose()
    assert calls == ["light", "full"]


def test_the_light_check_still_refuses_a_file_that_is_not_sqlite(tmp_path):
    from store.bootstrap import light_check

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    assert light_check(bad) is not None
