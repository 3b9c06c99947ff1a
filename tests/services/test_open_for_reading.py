"""Opening a database without writing to it: a current one opens without the write lock, one opened
for reading refuses every write, and one that would need setting up or upgrading is refused for
reading with a message that says what to do, the file left as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from core.errors import DatabaseProblem
from services import settings
from services.setup import open_database
from tests.services.samples import raw_execute, raw_rows
from tests.write_lock import lock_is_held, promptly, write_lock_held


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_current_database_opens_while_another_program_holds_the_write_lock(db_path):
    with write_lock_held(db_path):
        db = promptly(lambda: open_database(db_path))
        try:
            assert settings.get(db).currency == "CNY"
        finally:
            db.dispose()


def test_a_database_opened_for_reading_reads_and_refuses_every_write(db_path):
    db = open_database(db_path, for_reading=True)
    try:
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM role")).scalar_one() > 0
        with pytest.raises(OperationalError, match="readonly"), db.engine.begin() as conn:
            conn.execute(text("UPDATE setting SET value = value WHERE key = 'dealership'"))
    finally:
        db.dispose()


def test_an_out_of_date_database_is_refused_for_reading_and_left_as_it_was(db_path):
    raw_execute(db_path, "UPDATE alembic_version SET version_num = '0003'")
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(db_path, for_reading=True)
    assert exc.value.kind == "old"
    assert "forecourt init" in str(exc.value) and "nothing was changed" in str(exc.value)
    assert _digest(db_path) == before
    assert raw_rows(db_path, "SELECT version_num FROM alembic_version") == [("0003",)]


def test_an_empty_file_is_refused_for_reading_and_stays_empty(tmp_path):
    path = tmp_path / "forecourt.db"
    path.touch()
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path, for_reading=True)
    assert exc.value.kind == "foreign"
    assert "is empty; not a Forecourt database" in str(exc.value)
    assert path.stat().st_size == 0


def test_a_missing_file_is_not_created_for_reading(tmp_path):
    path = tmp_path / "forecourt.db"
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path, for_reading=True)
    assert exc.value.kind == "missing"
    assert not path.exists()


def test_opening_the_file_again_keeps_the_locks_of_the_connections_already_open(db, db_path):
    with db.read() as conn:
        conn.execute(text("SELECT 1"))
    with write_lock_held(db_path):
        open_database(db_path).dispose()
    # Had the second open dropped this process's locks on the file, SQLite here would no longer see
    # another program's write lock.
    with write_lock_held(db_path):
        assert lock_is_held(db_path)
