"""Backups: verified copies, rotation, verification and restore that never loses the current data."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from core.errors import Cancelled, DatabaseProblem, PermissionDenied
from core.paths import backup_dir_for
from core.progress import CancelToken
from services import audit, backups, customers
from services.customers import CustomerInput
from services.permissions import system_actor
from services.setup import open_database
from store import migrate


def _names(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM customer")}
    finally:
        conn.close()


def _fingerprint(path: Path) -> dict[str, str]:
    """Hashes of the database file and its WAL/SHM companions, as they are on disk."""
    out = {}
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _touch_backup(folder: Path, when: datetime, reason: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"forecourt-{when:%Y%m%d-%H%M%S}-{reason}.db"
    path.write_bytes(b"x")
    return path


@pytest.fixture
def backup(db) -> Path:
    return backups.create_backup(db)


@pytest.fixture
def newer_schema_backup(backup, tmp_path) -> Path:
    path = tmp_path / "from-the-future.db"
    shutil.copyfile(backup, path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.close()
    return path


@pytest.fixture
def damaged_backup(backup, tmp_path) -> Path:
    path = tmp_path / "damaged.db"
    data = bytearray(backup.read_bytes())
    page = 4096
    # Keep the header page, scramble every page after it: the schema points at garbage.
    for offset in range(page, len(data) - page, page):
        data[offset:offset + page] = bytes([0x5A]) * page
    path.write_bytes(bytes(data))
    return path


# --- making backups -----------------------------------------------------------------------------------

def test_backup_is_a_sound_copy_named_after_time_and_reason_with_the_schema_revision(db, owner):
    customers.create(db, owner, CustomerInput(name="Backed Up"))
    path = backups.create_backup(db, reason="manual")

    assert path.parent == backup_dir_for(db.path)
    assert path.name.startswith("forecourt-") and path.name.endswith("-manual.db")
    info = backups.verify_backup(path)
    assert info.revision == migrate.head_revision()
    assert info.reason == "manual"
    assert info.size == path.stat().st_size
    assert "Backed Up" in _names(path)
    assert not path.with_name(path.name + "-wal").exists()  # one self-contained file
    # No temporary file left behind; beside the copy only its audit anchor.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, path.name + ".anchor.json"]


def test_backup_reports_progress_up_to_the_last_page(db):
    seen: list[tuple[int, int | None]] = []
    backups.create_backup(db, progress=lambda done, total, _msg: seen.append((done, total)))
    assert seen
    assert seen[-1][0] == seen[-1][1]


def test_cancelled_backup_leaves_no_file(db):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        backups.create_backup(db, cancel=token)
    folder = backup_dir_for(db.path)
    assert list(folder.iterdir()) == []


def test_backup_can_be_written_to_another_folder(db, tmp_path):
    target = tmp_path / "usb stick"
    path = backups.create_backup(db, to_dir=target)
    assert path.parent == target
    assert backups.verify_backup(path).revision == migrate.head_revision()


def test_two_backups_in_the_same_second_both_survive(db):
    first = backups.create_backup(db)
    second = backups.create_backup(db)
    assert first != second
    assert {b.path for b in backups.list_backups(first.parent)} == {first, second}


def test_list_backups_is_newest_first_and_ignores_other_files(tmp_path):
    folder = tmp_path / "backups"
    old = _touch_backup(folder, datetime(2026, 1, 2, 8, 0, 0), "daily")
    new = _touch_backup(folder, datetime(2026, 3, 4, 18, 30, 5), "pre-migrate")
    (folder / "notes.txt").write_text("not a backup")
    (folder / "forecourt-20261399-000000-daily.db").write_bytes(b"x")  # no such date

    listed = backups.list_backups(folder)

    assert [b.path for b in listed] == [new, old]
    assert listed[0].created == datetime(2026, 3, 4, 18, 30, 5)
    assert listed[0].reason == "pre-migrate"
    assert listed[0].size == 1
    assert backups.list_backups(tmp_path / "nothing here") == []


def test_opening_a_database_that_needs_migrating_backs_it_up_first(db_path, monkeypatch):
    # Only one schema revision exists so far: let the current schema pass for an old one.
    monkeypatch.setattr(migrate, "schema_state", lambda _conn, _path: "old")

    db = open_database(db_path)
    db.dispose()

    made = backups.list_backups(backup_dir_for(db_path))
    assert [b.reason for b in made] == ["pre-migrate"]
    assert backups.verify_backup(made[0].path).revision == migrate.head_revision()


# --- rotation -----------------------------------------------------------------------------------------

def test_rotation_keeps_the_newest_of_14_backup_days_and_of_12_months(tmp_path):
    folder = tmp_path / "backups"
    today = date(2026, 11, 25)
    holiday = {date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)}
    made: set[str] = set()

    def make(when: datetime, reason: str) -> None:
        made.add(_touch_backup(folder, when, reason).name)

    for i in range(25):
        day = datetime(2026, 11, 1) + timedelta(days=i)
        if day.date() not in holiday:
            make(day + timedelta(hours=8), "daily")
            make(day + timedelta(hours=18), "close")
    for months_back in range(1, 17):
        y, m = divmod(2026 * 12 + 10 - months_back, 12)
        make(datetime(y, m + 1, 15, 12, 0, 0), "manual")
    make(datetime(2026, 10, 3, 9, 0, 0), "daily")
    make(datetime(2026, 11, 23, 7, 0, 0), "pre-migrate")
    make(datetime(2026, 11, 24, 10, 0, 0), "before-restore")
    make(datetime(2026, 11, 5, 10, 0, 0), "before-restore")
    (folder / "notes.txt").write_text("keep me")

    deleted = backups.rotate(folder, today=today)

    # The 14 most recent days with backups: 25, 24, 23 and 19 back to 9 November (20-22 had none).
    backup_days = [d for d in (today - timedelta(days=i) for i in range(17)) if d not in holiday]
    assert len(backup_days) == 14
    expected = {f"forecourt-{d:%Y%m%d}-180000-close.db" for d in backup_days}
    # A safety copy from before a restore inside the daily window may hold work no other backup has.
    expected.add("forecourt-20261124-100000-before-restore.db")
    # December 2025 to October 2026: the newest backup of each month (November's is above).
    for months_back in range(1, 12):
        y, m = divmod(2026 * 12 + 10 - months_back, 12)
        expected.add(f"forecourt-{y}{m + 1:02d}15-120000-manual.db")
    assert {p.name for p in folder.iterdir()} == expected | {"notes.txt"}
    assert {p.name for p in deleted} == made - expected


def test_rotation_never_deletes_the_newest_backup_however_old(tmp_path):
    folder = tmp_path / "backups"
    only = _touch_backup(folder, datetime(2019, 5, 1, 12, 0, 0), "manual")
    older = _touch_backup(folder, datetime(2019, 4, 1, 12, 0, 0), "manual")

    backups.rotate(folder, today=date(2026, 11, 25), keep_days=0, keep_months=0)

    assert only.exists()
    assert not older.exists()


def test_rotation_deletes_a_backups_wal_and_shm_with_it(tmp_path):
    folder = tmp_path / "backups"
    _touch_backup(folder, datetime(2026, 11, 25, 18, 0, 0), "close")
    old = _touch_backup(folder, datetime(2026, 11, 25, 8, 0, 0), "daily")
    wal = old.with_name(old.name + "-wal")
    wal.write_bytes(b"w")

    backups.rotate(folder, today=date(2026, 11, 25))

    assert not old.exists() and not wal.exists()


def test_daily_backup_is_made_once_a_day(db):
    first = backups.daily_backup_if_due(db)
    second = backups.daily_backup_if_due(db)

    assert first is not None and first.name.endswith("-daily.db")
    assert second is None
    assert [b.path for b in backups.list_backups(first.parent)] == [first]


def test_daily_backup_is_made_when_only_older_days_have_one_and_old_ones_are_rotated(db):
    folder = backup_dir_for(db.path)
    today = date.today()
    stale = [_touch_backup(folder, datetime.combine(today - timedelta(days=1), datetime.min.time())
                           + timedelta(hours=h), "close") for h in (9, 17)]

    made = backups.daily_backup_if_due(db, today=today)

    assert made is not None and made.exists()
    assert not stale[0].exists()  # not the newest of its day
    assert stale[1].exists()


def test_backup_on_close_makes_a_close_backup(db):
    path = backups.backup_on_close(db)
    assert path.name.endswith("-close.db")
    assert backups.verify_backup(path).reason == "close"


# --- verification -------------------------------------------------------------------------------------

def test_verify_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "letter.db"
    path.write_text("Dear customer, ...")
    with pytest.raises(DatabaseProblem) as err:
        backups.verify_backup(path)
    assert err.value.kind == "corrupt"
    assert str(path) in str(err.value) and "not a SQLite database" in str(err.value)


def test_verify_refuses_a_damaged_database(damaged_backup):
    with pytest.raises(DatabaseProblem) as err:
        backups.verify_backup(damaged_backup)
    assert err.value.kind == "corrupt"
    assert str(damaged_backup) in str(err.value)


def test_verify_refuses_a_sqlite_file_of_another_program(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem) as err:
        backups.verify_backup(path)
    assert err.value.kind == "foreign"
    assert str(path) in str(err.value) and "not a Forecourt database" in str(err.value)


def test_verify_refuses_a_backup_from_a_newer_version(newer_schema_backup):
    with pytest.raises(DatabaseProblem) as err:
        backups.verify_backup(newer_schema_backup)
    assert err.value.kind == "newer"
    assert str(newer_schema_backup) in str(err.value) and "newer version" in str(err.value)
    assert "ffff9999" in str(err.value)


def test_verify_reports_a_missing_file(tmp_path):
    with pytest.raises(DatabaseProblem) as err:
        backups.verify_backup(tmp_path / "gone.db")
    assert err.value.kind == "missing"


# --- restore ------------------------------------------------------------------------------------------

def test_restore_brings_back_the_backup_and_keeps_the_current_data_as_a_safety_copy(db, owner):
    customers.create(db, owner, CustomerInput(name="Before Backup"))
    backup = backups.create_backup(db)
    customers.create(db, owner, CustomerInput(name="After Backup"))

    safety = backups.restore_backup(db.path, backup, actor=owner)

    assert safety is not None and safety.name.endswith("-before-restore.db")
    assert {"Before Backup", "After Backup"} <= _names(safety)
    assert backups.verify_backup(safety).reason == "before-restore"
    # The open database sees the restored data too: the restore went through SQLite's own locking.
    with db.read() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM customer")}
    assert "Before Backup" in names and "After Backup" not in names
    reopened = open_database(db.path)
    try:
        with reopened.read() as conn:
            result = audit.verify(conn)
            last = conn.exec_driver_sql(
                "SELECT action, actor, summary FROM audit_entry ORDER BY seq DESC LIMIT 1").one()
    finally:
        reopened.dispose()
    assert result.ok
    assert last.action == "restore" and last.actor == owner.username
    assert backup.name in last.summary and safety.name in last.summary


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db_path, damaged_backup, owner_actor):
    before = _fingerprint(db_path)

    with pytest.raises(DatabaseProblem) as err:
        backups.restore_backup(db_path, damaged_backup, actor=owner_actor)

    assert err.value.kind == "corrupt"
    assert "Nothing was changed" in str(err.value)
    assert _fingerprint(db_path) == before
    assert not backup_dir_for(db_path).exists() or not any(
        b.reason == "before-restore" for b in backups.list_backups(backup_dir_for(db_path)))


def test_restore_refuses_a_newer_schema_backup_and_changes_nothing(db_path, newer_schema_backup, owner_actor):
    # Counted first: the counting connection, the last one to close, folds the log into the file.
    users_before = _count(db_path, "user_account")
    before = _fingerprint(db_path)

    with pytest.raises(DatabaseProblem) as err:
        backups.restore_backup(db_path, newer_schema_backup, actor=owner_actor)

    assert err.value.kind == "newer"
    assert "newer version" in str(err.value)
    assert _fingerprint(db_path) == before
    assert _count(db_path, "user_account") == users_before
    assert not any(b.reason == "before-restore" for b in backups.list_backups(backup_dir_for(db_path)))


def test_restore_works_when_the_current_database_is_damaged(db_path, owner_actor):
    good = open_database(db_path)
    try:
        backup = backups.create_backup(good)
    finally:
        good.dispose()
    garbage = b"this used to be a database" * 500
    db_path.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)

    safety = backups.restore_backup(db_path, backup, actor=owner_actor)

    assert safety is not None and safety.read_bytes() == garbage
    reopened = open_database(db_path)
    try:
        with reopened.read() as conn:
            assert audit.verify(conn).ok
            assert conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar_one() >= 1
    finally:
        reopened.dispose()


def test_restore_replaces_a_stale_wal_of_a_damaged_database(db_path, owner_actor):
    good = open_database(db_path)
    try:
        backup = backups.create_backup(good)
    finally:
        good.dispose()
    db_path.write_bytes(b"\0" * 8192)
    db_path.with_name(db_path.name + "-wal").write_bytes(b"old log that belongs to the damaged file")

    safety = backups.restore_backup(db_path, backup, actor=owner_actor)

    assert safety is not None
    assert safety.with_name(safety.name + "-wal").read_bytes() == b"old log that belongs to the damaged file"
    reopened = open_database(db_path)
    reopened.dispose()


def test_restore_onto_a_missing_database_creates_it(db_path, tmp_path, owner_actor):
    good = open_database(db_path)
    try:
        backup = backups.create_backup(good, to_dir=tmp_path / "elsewhere")
    finally:
        good.dispose()
    target = tmp_path / "new place" / "forecourt.db"

    safety = backups.restore_backup(target, backup, actor=owner_actor)

    assert safety is None
    assert _count(target, "user_account") == _count(db_path, "user_account")


def test_restore_needs_the_backup_permission(db, actor_for, backup):
    clerk = actor_for("salesperson")
    before = _count(db.path, "customer")
    with pytest.raises(PermissionDenied):
        backups.restore_backup(db.path, backup, actor=clerk)
    assert _count(db.path, "customer") == before


@pytest.fixture
def owner_actor():

    return system_actor("tester", terminal="T1")


def _count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()
