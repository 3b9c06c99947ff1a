"""Backups of the database file: make, list, rotate, verify and restore (DESIGN §10).

Copies are made with SQLite's online backup API, so a backup taken while the program is in use is
a consistent snapshot including what is still in the write-ahead log. A copy is written under a
temporary name, checked with ``PRAGMA integrity_check`` and only then renamed into place, so a file
that looks like a backup always is one.

Backups live in :func:`core.paths.backup_dir_for` (a ``backups`` folder beside the database) and are
named ``forecourt-YYYYMMDD-HHMMSS-<reason>.db`` in local time; the name is the index, so listing
and rotating never open a file. Every function here may run on any thread; none touches Qt.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from core.actor import Actor
from core.errors import DatabaseProblem, ValidationError
from core.messages import msg
from core.paths import backup_dir_for
from core.progress import CancelToken, Progress
from services import files
from services.permissions import require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork

log = logging.getLogger(__name__)

KEEP_DAYS = 14
KEEP_MONTHS = 12
SAFETY_REASON = "before-restore"
# 1024 pages (4 MiB at the default page size) per step: fine-grained enough for a progress bar, coarse
# enough that a write by another program seldom lands between steps and restarts the copy.
PAGES_PER_STEP = 1024

_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_REASON = re.compile(r"[a-z][a-z0-9-]{0,31}")
_NAME = re.compile(r"forecourt-(\d{8})-(\d{6})-([a-z][a-z0-9-]*?)(?:\.(\d+))?\.db")
# Tables every Forecourt schema has had since the first migration.
_CORE_TABLES = {"alembic_version", "audit_entry", "user_account"}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local time, from the file name (or the file's mtime for a foreign name)
    size: int  # bytes
    reason: str  # manual, daily, close, pre-migrate, before-restore, ... ("" for a foreign name)
    revision: str | None = None  # schema revision inside the file, when it was read


class _Busy(Exception):
    """The other side of a backup stayed locked past the busy timeout."""


# --- making a copy ----------------------------------------------------------------------------------

def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    from store.database import BUSY_TIMEOUT_MS

    # A read-only connection never checkpoints or deletes the WAL when it closes, so reading a
    # damaged database to copy it cannot destroy the last committed work kept in its log.
    target = f"file:{path.as_posix()}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(target, uri=readonly, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER


def _copy_pages(source: sqlite3.Connection, dest: sqlite3.Connection, *, progress: Progress | None,
                cancel: CancelToken | None, message: str) -> None:
    """Copy every page of ``source`` into ``dest`` in steps, reporting progress; cancellable."""

    def step(status: int, remaining: int, total: int) -> None:
        # The sqlite3 module retries a busy step for ever; raising here is the only way out of that.
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED):
            raise _Busy()
        if progress is not None:
            progress(total - remaining, total, message)
        if cancel is not None:
            cancel.check()

    source.backup(dest, pages=PAGES_PER_STEP, progress=step)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _remove_with_sidecars(path: Path) -> None:
    from services import audit

    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal"), path.with_name(path.name + audit.ANCHOR_SUFFIX)):
        p.unlink(missing_ok=True)


def _unique_name(folder: Path, when: datetime, reason: str) -> Path:
    stem = f"forecourt-{when:%Y%m%d-%H%M%S}-{reason}"
    candidate = folder / f"{stem}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}.{n}.db"
        n += 1
    return candidate


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(msg("Cannot create the backup folder {folder}: {value3}.",
                                  folder=folder, value3=exc.strerror or exc),
                              kind="readonly") from exc
    if not os.access(folder, os.W_OK):
        raise DatabaseProblem(msg("Cannot write backups to {folder}: the folder is read-only.",
                                  folder=folder), kind="readonly")


def _sqlite_failure(exc: sqlite3.Error, *, source: Path, target: Path) -> DatabaseProblem:
    text = str(exc).lower()
    if "full" in text:
        return DatabaseProblem(msg("Not enough disk space to write {target}.", target=target), kind="full")
    if "locked" in text or "busy" in text:
        return DatabaseProblem(msg("The database {source} is locked by another program. Close it and try again.",
                                   source=source),
                               kind="locked")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseProblem(msg("Cannot write {target}: permission denied.", target=target), kind="readonly")
    return DatabaseProblem(msg("The file {source} is damaged and cannot be copied ({exc}).",
                               source=source, exc=exc), kind="corrupt")


def _integrity_problem(conn: sqlite3.Connection) -> str | None:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
    return None if rows == ["ok"] else "; ".join(rows)


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _snapshot(source_path: Path, target: Path, *, progress: Progress | None, cancel: CancelToken | None,
              message: str) -> str | None:
    """Copy the database at ``source_path`` to the new file ``target`` (via a temporary name), check the
    copy's integrity and return its schema revision. On any failure no file is left behind."""
    tmp = files.temp_name(target)
    try:
        source = _connect(source_path, readonly=True)
        try:
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                _copy_pages(source, dest, progress=progress, cancel=cancel, message=message)
                # One self-contained file: a copy carried away on a USB stick has no -wal beside it.
                dest.execute("PRAGMA journal_mode = DELETE")
                problem = _integrity_problem(dest)
                if problem is not None:
                    raise DatabaseProblem(
                        msg("The copy of {source_path} failed its integrity check ({problem}); the database itself "
                            "may be damaged. Restore it from an earlier backup.",
                            source_path=source_path, problem=problem), kind="corrupt")
                revision = _revision(dest)
            finally:
                dest.close()
        finally:
            source.close()
        _fsync_file(tmp)
        os.replace(tmp, target)
        files.fsync_dir(target.parent)
    except _Busy:
        _remove_with_sidecars(tmp)
        raise DatabaseProblem(msg("The database {source_path} is locked by another program. Close it and try again.",
                                  source_path=source_path),
                              kind="locked") from None
    except sqlite3.Error as exc:
        _remove_with_sidecars(tmp)
        raise _sqlite_failure(exc, source=source_path, target=target) from exc
    except OSError as exc:
        _remove_with_sidecars(tmp)
        raise DatabaseProblem(msg("Cannot write {target}: {value3}.",
                                  target=target, value3=exc.strerror or exc), kind="readonly") from exc
    except BaseException:
        _remove_with_sidecars(tmp)
        raise
    return revision


def backup_now(db: Database, actor: Actor, *, to_dir: Path | None = None, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> Path:
    """A backup someone asked for (the Back up now action, ``forecourt backup create``): needs the
    ``backup.run`` permission. The automatic ones (daily, on close, before an upgrade) are the
    program's own and call :func:`create_backup`. Any thread."""
    require(actor, "backup.run")
    return create_backup(db, reason="manual", to_dir=to_dir, progress=progress, cancel=cancel)


def create_backup(db: Database, *, reason: str = "manual", to_dir: Path | None = None,
                  progress: Progress | None = None, cancel: CancelToken | None = None) -> Path:
    """Write a verified copy of the open database and return its path.

    The copy goes to ``to_dir`` or the database's backup folder, named after the local time and
    ``reason``. Raises :class:`DatabaseProblem` (folder not writable, disk full, database damaged) or
    :class:`core.errors.Cancelled`; either way no partial file is left. Any thread.
    """
    if not _REASON.fullmatch(reason):
        raise ValueError(f"invalid backup reason {reason!r}")
    folder = Path(to_dir) if to_dir is not None else backup_dir_for(db.path)
    _prepare_folder(folder)
    # A backup or restore killed part-way left its temporary copy; nothing else would remove it.
    for place in {folder, db.path.parent}:
        files.remove_stale_parts(place)
    target = _unique_name(folder, datetime.now(), reason)
    from services import audit

    revision = _snapshot(db.path, target, progress=progress, cancel=cancel, message=f"Backing up to {target.name}")
    anchor = audit.anchor_backup(db.path, target)
    log.info("backup %s written (schema %s, audit entry %s)", target, revision, anchor.seq if anchor else "-")
    return target


# --- listing and rotation ---------------------------------------------------------------------------

def _info(path: Path, *, revision: str | None = None) -> BackupInfo:
    stat = path.stat()
    match = _NAME.fullmatch(path.name)
    if match:
        created = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        reason = match.group(3)
    else:
        created = datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
        reason = ""
    return BackupInfo(path=path, created=created, size=stat.st_size, reason=reason, revision=revision)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """The backups in ``backup_dir``, newest first. Opens no file; a missing folder lists nothing."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not _NAME.fullmatch(path.name) or not path.is_file():
            continue
        try:
            found.append(_info(path))
        except (OSError, ValueError):
            # Removed while listing, or a name whose date does not exist (20261399): not a backup.
            continue
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def rotate(backup_dir: Path, *, today: date, keep_days: int = KEEP_DAYS, keep_months: int = KEEP_MONTHS) -> list[Path]:
    """Delete old backups from ``backup_dir`` and return what was deleted.

    Kept:

    * daily — the newest backup of each of the ``keep_days`` most recent days that have backups
      (days without backups, such as holidays, do not use up the window);
    * monthly — the newest backup of each of the ``keep_months`` calendar months up to ``today``'s;
    * the newest backup of all, always;
    * every safety copy made before a restore whose day is in the daily window: it may hold work
      that no other backup has (the restore replaced it).

    Every other reason — manual, daily, close, pre-migrate — counts alike: a manual or pre-migrate
    backup can be a day's kept backup and ages out like any other. Keeping them for ever would fill
    the disk of a PC where someone backs up by hand every day, and a pre-migrate copy holds the same
    data as the close backup of the day before. Files whose names are not backup names are never
    touched. Any thread.
    """
    backups = list_backups(backup_dir)
    if not backups:
        return []
    keep: set[Path] = {backups[0].path}
    by_day: dict[date, list[BackupInfo]] = {}
    by_month: dict[tuple[int, int], list[BackupInfo]] = {}
    for b in backups:  # newest first, so each group's first entry is its newest
        by_day.setdefault(b.created.date(), []).append(b)
        by_month.setdefault((b.created.year, b.created.month), []).append(b)
    for day in sorted(by_day, reverse=True)[:keep_days]:
        group = by_day[day]
        keep.add(group[0].path)
        keep.update(b.path for b in group if b.reason == SAFETY_REASON)
    this_month = today.year * 12 + today.month - 1
    for (year, month), group in by_month.items():
        if 0 <= this_month - (year * 12 + month - 1) < keep_months:
            keep.add(group[0].path)
    deleted = []
    for b in backups:
        if b.path in keep:
            continue
        try:
            _remove_with_sidecars(b.path)
        except OSError as exc:
            # Windows keeps a file open by another program; the next rotation tries again.
            log.warning("could not delete old backup %s: %s", b.path, exc)
            continue
        deleted.append(b.path)
    if deleted:
        log.info("rotated backups in %s: deleted %d", backup_dir, len(deleted))
    return deleted


def daily_backup_if_due(db: Database, *, today: date | None = None) -> Path | None:
    """Make today's backup unless the folder already has one from today (whatever its reason), then
    rotate. Returns the new backup, or None when one existed. Called when the program starts."""
    today = today or date.today()
    folder = backup_dir_for(db.path)
    if any(b.created.date() == today for b in list_backups(folder)):
        return None
    path = create_backup(db, reason="daily")
    rotate(folder, today=today)
    return path


def backup_on_close(db: Database, *, progress: Progress | None = None, cancel: CancelToken | None = None) -> Path:
    """Back up as the program closes, then rotate. Returns the new backup."""
    path = create_backup(db, reason="close", progress=progress, cancel=cancel)
    rotate(backup_dir_for(db.path), today=date.today())
    return path


# --- verification -----------------------------------------------------------------------------------

def verify_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a sound Forecourt database this version can open.

    Returns its :class:`BackupInfo` with the schema revision, or raises :class:`DatabaseProblem`
    naming the file: ``missing``, ``corrupt`` (not SQLite, or fails ``integrity_check``), ``foreign``
    (SQLite but not Forecourt) or ``newer`` (a schema this version does not know). Reads only.
    """
    from store import migrate

    path = Path(path)
    if not path.is_file():
        raise DatabaseProblem(msg("The backup file {path} does not exist.", path=path), kind="missing")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseProblem(msg("The backup file {path} cannot be read: {value3}.",
                                  path=path, value3=exc.strerror or exc),
                              kind="readonly") from exc
    if header != _SQLITE_HEADER:
        raise DatabaseProblem(msg("The file {path} is not a SQLite database, so it is not a Forecourt backup.",
                                  path=path),
                              kind="corrupt")
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise DatabaseProblem(msg("The backup file {path} cannot be opened ({exc}).",
                                  path=path, exc=exc), kind="corrupt") from exc
    try:
        problem = _integrity_problem(conn)
        if problem is not None:
            raise DatabaseProblem(msg("The backup file {path} is damaged: {problem}.",
                                      path=path, problem=problem), kind="corrupt")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = _revision(conn) if "alembic_version" in tables else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(msg("The backup file {path} is damaged ({exc}).",
                                  path=path, exc=exc), kind="corrupt") from exc
    finally:
        conn.close()
    if not _CORE_TABLES.issubset(tables) or not revision:
        raise DatabaseProblem(msg("The file {path} is a SQLite database but not a Forecourt database.",
                                  path=path), kind="foreign")
    if revision not in migrate.known_revisions():
        raise DatabaseProblem(
            msg("The backup {path} was made by a newer version of Forecourt (schema {revision}). Install that "
                "version to use it.", path=path, revision=revision), kind="newer")
    return _info(path, revision=revision)


# --- restore ----------------------------------------------------------------------------------------

def _safety_copy(db_path: Path, reason: str) -> Path:
    """Keep what is at ``db_path`` now, sound or not, in its backup folder; return the copy."""
    folder = backup_dir_for(db_path)
    _prepare_folder(folder)
    target = _unique_name(folder, datetime.now(), reason)
    if _has_sqlite_header(db_path):
        try:
            _snapshot(db_path, target, progress=None, cancel=None, message="")
            return target
        except DatabaseProblem as exc:
            if exc.kind != "corrupt":
                raise
    # A damaged database cannot be read page by page: keep its bytes as they are, with its WAL (which
    # may hold the last committed work) under the matching name so SQLite finds it if it is opened.
    try:
        shutil.copyfile(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        _remove_with_sidecars(target)
        raise DatabaseProblem(msg("Cannot keep a copy of {db_path} in {folder}: {value5}.",
                                  db_path=db_path, folder=folder, value5=exc.strerror or exc),
                              kind="readonly") from exc
    log.warning("database %s is damaged; kept its raw bytes as %s", db_path, target)
    return target


def keep_copy(db_path: Path, *, reason: str) -> Path | None:
    """Copy whatever database file is at ``db_path`` (even a damaged one) into its backup folder
    before something replaces it. Returns the copy, or None when there is no file to keep."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    return _safety_copy(db_path, reason)


def _copy_into_live(backup_path: Path, db_path: Path) -> None:
    """Overwrite the live database through SQLite, so its locks keep other programs consistent."""
    source = _connect(backup_path, readonly=True)
    try:
        dest = _connect(db_path)
        try:
            _copy_pages(source, dest, progress=None, cancel=None, message="")
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dest.close()
    finally:
        source.close()


def _replace_file(backup_path: Path, db_path: Path) -> None:
    """Put a copy of the backup in place of a database SQLite cannot open (damaged or missing)."""
    tmp = files.temp_name(db_path)
    try:
        source = _connect(backup_path, readonly=True)
        try:
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                _copy_pages(source, dest, progress=None, cancel=None, message="")
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            source.close()
        _fsync_file(tmp)
        # The old WAL must go first: SQLite would replay it into the new file if it were still there.
        for suffix in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
        files.fsync_dir(db_path.parent)
    except BaseException:
        _remove_with_sidecars(tmp)
        raise


def _opens_cleanly(db_path: Path) -> bool:
    """True for a sound database, False for a damaged or missing one; a locked one is an error, so
    that a file another program is using is never swapped from under it."""
    if not db_path.is_file() or db_path.stat().st_size == 0 or not _has_sqlite_header(db_path):
        return False
    try:
        conn = _connect(db_path, readonly=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseProblem(msg("The database {db_path} is in use by another program. Close it and try again; "
                                      "nothing was restored.", db_path=db_path), kind="locked") from exc
        return False
    except sqlite3.Error:
        return False


def _record_restore(db_path: Path, actor: Actor, backup: BackupInfo, safety: Path | None) -> None:
    from store import migrate

    if backup.revision != migrate.head_revision():
        # An older schema is upgraded on the next open; its audit table may not match this version yet.
        return
    summary = f"restored from backup {backup.path.name}"
    if safety is not None:
        summary += f"; the database before the restore was kept as {safety.name}"
    db = Database.open(db_path)
    try:
        with UnitOfWork(db, actor) as uow:
            uow.audit([Change("restore", "database", "this", summary=summary)])
            uow.commit()
    finally:
        db.dispose()


def restore_backup(db_path: Path, backup_path: Path, *, actor: Actor,
                   progress: Progress | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the backup at ``backup_path``.

    The backup is verified first; a damaged, foreign or newer-schema file is refused with
    :class:`DatabaseProblem` and nothing is changed. Then the current database is kept as a
    ``...-before-restore.db`` safety copy in its backup folder (its raw bytes when it is damaged) and
    the backup's contents replace it. Returns the safety copy, or None when there was no database.
    A backup from an older schema is upgraded the next time the database is opened. The restore is
    written to the restored database's audit trail. Any thread; the caller should have closed its
    own sessions on ``db_path``.
    """
    require(actor, "backup.run")
    db_path = Path(db_path).expanduser().resolve()
    backup_path = Path(backup_path).expanduser().resolve()
    if backup_path == db_path:
        raise ValidationError("file", msg("{backup_path} is the database itself, not a backup of it",
                                          backup_path=backup_path))
    try:
        info = verify_backup(backup_path)
    except DatabaseProblem as exc:
        raise DatabaseProblem(msg("{message} Nothing was changed.", message=exc.message), kind=exc.kind) from exc
    if db_path.is_dir():
        raise DatabaseProblem(msg("{db_path} is a folder, not a database file. Nothing was changed.",
                                  db_path=db_path), kind="foreign")
    if progress is not None:
        progress(0, 3, "Keeping a copy of the current database")
    safety = keep_copy(db_path, reason=SAFETY_REASON)
    if progress is not None:
        progress(1, 3, f"Restoring {backup_path.name}")
    try:
        if _opens_cleanly(db_path):
            try:
                _copy_into_live(backup_path, db_path)
            except _Busy:
                raise DatabaseProblem(
                    msg("The database {db_path} is in use by another program. Close it and try again; nothing was "
                        "restored.", db_path=db_path), kind="locked") from None
        else:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _replace_file(backup_path, db_path)
    except sqlite3.Error as exc:
        raise DatabaseProblem(
            msg("Restoring {backup_path} into {db_path} failed ({exc}). The previous database is kept as {safety}.",
                backup_path=backup_path, db_path=db_path, exc=exc, safety=safety),
            kind="corrupt") from exc
    except OSError as exc:
        raise DatabaseProblem(
            msg("Cannot write {db_path}: {value3}. The previous database is kept as {safety}.",
                db_path=db_path, value3=exc.strerror or exc, safety=safety),
            kind="readonly") from exc
    if progress is not None:
        progress(2, 3, "Recording the restore")
    _record_restore(db_path, actor, info, safety)
    if progress is not None:
        progress(3, 3, "Restored")
    log.info("restored %s into %s by %s; safety copy %s", backup_path, db_path, actor.username, safety)
    return safety
