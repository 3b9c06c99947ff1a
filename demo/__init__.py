"""Demo data: a complete, plausible dealership near Shanghai, built deterministically from a seed.

:func:`build` creates a new database and fills it in one transaction with Core bulk inserts
(STYLE §11). Each area has its own generator module (``crm``, ``vehicles``, ``staff``, ``parts``,
``billing``); a new area adds a module with a ``write(conn, ctx, ...)`` function that writes
through ``ctx.uow`` (the build's one unit of work) and a step in :func:`_fill`, drawing every
random choice from ``ctx.rng`` and every id from ``ctx.ids`` so the same seed and ``today`` give
the same data.

Demo rows are not captured for sync (``store/capture.py``): like the first-run seed before them,
they are a new database's starting state, not changes anyone made, and capturing them would write
an outbox row for each of the millions of rows of the large set (the small set's file alone grows
from 26 to 61 MB). The build suspends capture inside its one transaction, so no other connection
ever sees the triggers missing; whatever is done with the demo database afterwards is captured
like any other change.
"""

from __future__ import annotations

import os
import random
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, text

from core.errors import ValidationError
from core.progress import CancelToken, Progress
from demo import billing, crm, finance, leads, parts, staff, stock, vehicles, workshop
from demo.context import DemoContext, Size
from demo.staff import DEMO_USERS
from services import files, search
from services.permissions import system_actor
from services.settings import terminal_code
from services.setup import open_database, os_user
from store import capture
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork

__all__ = ["DEMO_USERS", "SIZES", "Size", "build"]

SIZES: dict[str, Size] = {
    # One year of a small dealership.
    "small": Size(customers=2_000, companies=300, vehicles=2_600, years=1, parts=2_000, movements=20_000),
    "medium": Size(customers=20_000, companies=2_500, vehicles=25_000, years=3, parts=40_000, movements=400_000),
    # Ten years of a big one.
    "large": Size(customers=100_000, companies=12_000, vehicles=120_000, years=10, parts=200_000,
                  movements=2_050_000),
}

# Tables whose rows mean a database is in use; the demo never writes over them.
_DATA_TABLES = ("customer", "contact", "vehicle", "user_account")


def build(path: Path, *, size: str, seed: int = 1, progress: Progress | None = None,
          cancel: CancelToken | None = None, today: date | None = None) -> dict[str, int]:
    """Create the database at ``path`` and fill it with demo data of ``size`` (a key of
    :data:`SIZES`). Returns the number of rows written per table.

    Refuses (:class:`ValidationError` on ``file``) a database that already holds data. A cancelled
    or failed build leaves nothing behind: a file it created is deleted, an existing one is left as
    it was. Blocks for seconds to a minute; run it off the GUI thread.
    """
    if size not in SIZES:
        raise ValidationError("size", f"Unknown demo size '{size}'; choose one of {', '.join(SIZES)}")
    path = Path(path).expanduser().resolve()
    created = not path.exists()
    if created:
        # Built under a temporary name and renamed when complete: a build that is killed leaves only
        # that temporary file, which the next build (or backup) removes, never a half-filled target.
        files.remove_stale_parts(path.parent)
        target, path = path, files.temp_name(path)
    db = open_database(path, create=True)
    try:
        with db.read() as conn:
            _refuse_data(conn, path)
        counts = _fill(db, SIZES[size], seed=seed, today=today or date.today(), progress=progress, cancel=cancel)
        _finish(db)
        if progress is not None:
            total = _units(SIZES[size])
            progress(total, total, "Demo database ready")
    except BaseException:
        db.dispose()
        if created:
            _delete(path)
        raise
    db.dispose()
    if created:
        try:
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            os.replace(path, target)
        except OSError as exc:
            _delete(path)
            raise files.file_problem(target, exc) from exc
    return counts


def is_unfinished(path: Path) -> bool:
    """Whether ``path`` is a Forecourt database holding no data: what an interrupted demo build
    (or an older version's) leaves, which a new build may replace without asking."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not set(_DATA_TABLES) <= tables:
            return False
        return all(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None for t in _DATA_TABLES)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _refuse_data(conn: Connection, path: Path) -> None:
    for table in _DATA_TABLES:
        if conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None:
            raise ValidationError("file", f"{path} already holds data ({table}); demo data goes into a new database")


def _fill(db: Database, size: Size, *, seed: int, today: date, progress: Progress | None,
          cancel: CancelToken | None) -> dict[str, int]:
    hashes = staff.hash_passwords()
    try:
        with UnitOfWork(db, system_actor(os_user())) as uow:
            with capture.suspended(uow.connection):
                counts = _write_all(uow, size, seed=seed, today=today, progress=progress, cancel=cancel,
                                    hashes=hashes)
            uow.commit()
    finally:
        for pending in hashes:
            pending.cancel()
    if progress is not None:
        total = _units(size)
        progress(total - 1, total, "Analysing the database")
    return counts


def _write_all(uow: UnitOfWork, size: Size, *, seed: int, today: date, progress: Progress | None,
               cancel: CancelToken | None, hashes: list) -> dict[str, int]:
    """Every demo row, written through ``uow`` (its one transaction); returns the rows per table."""
    conn = uow.connection
    actor = uow.actor = system_actor(os_user(), terminal=terminal_code(conn))
    ctx = DemoContext(random.Random(seed), today, size, actor, uow=uow, progress=progress, cancel=cancel,
                      total=_units(size))
    counts: dict[str, int] = {}

    settings = staff.dealership(ctx)
    staff.write_settings(uow, settings)
    people_written = crm.write(conn, ctx)
    counts["customer"] = people_written.customers
    counts["contact"] = people_written.contacts
    counts["customer_tag"] = people_written.tags
    counts["customer_note"] = people_written.notes
    counts["vehicle"] = vehicles.write(conn, ctx, people_written.owners)
    billed = billing.write(conn, ctx)
    counts.update(billed.counts)
    counts.update(parts.write(conn, ctx).counts)
    # Last, so the password hashes were computed while the rows above were being made.
    counts["user_account"] = staff.write_users(conn, ctx, hashes)
    # After the users, vehicles and parts its repair orders use; its numbers are a series of their own.
    counts.update(workshop.write(conn, ctx))
    # The showroom's catalogue and the cars in stock now (of the vehicles above without an owner).
    _add(counts, stock.write(conn, ctx))
    # The showroom's leads, after the salespeople.
    _add(counts, leads.write(conn, ctx))
    # After the deals (their loans and policies) and the customers' cars (their trade-ins); its used
    # stock numbers are a series of their own.
    _add(counts, finance.write(conn, ctx))
    # The workshop adds the accounts warranty and internal work is invoiced to.
    counts["customer"] = conn.execute(text("SELECT count(*) FROM customer")).scalar_one()
    counts["number_series"] = conn.execute(text("SELECT count(*) FROM number_series")).scalar_one()

    indexed_before = ctx.done
    # The units left before the analysis are shared out over every document indexed.
    index_units = ctx.total - 1 - indexed_before
    documents = max(1, counts["customer"] + counts["vehicle"] + billed.posted + counts["part"])

    def index_progress(done: int, _total: int | None, message: str) -> None:
        ctx.done = indexed_before
        ctx.advance(done * index_units // documents, message)

    counts["search_doc"] = search.rebuild(conn, ("customer", "vehicle", "invoice", "part"),
                                          progress=index_progress, cancel=cancel)
    uow.audit([
        Change("demo", "setting", "dealership", after={"name": settings.name},
               summary="demo dealership settings"),
        Change("demo", "user_account", "*", summary=f"{counts['user_account']} demo users: "
               + ", ".join(u[0] for u in DEMO_USERS)),
        Change("demo", "customer", "*", summary=f"{counts['customer']} demo customers (seed {seed})"),
        Change("demo", "contact", "*", summary=f"{counts['contact']} demo contacts (seed {seed})"),
        Change("demo", "vehicle", "*", summary=f"{counts['vehicle']} demo vehicles (seed {seed})"),
    ])
    if cancel is not None:
        cancel.check()
    return counts


def _add(counts: dict[str, int], more: dict[str, int]) -> None:
    """Add ``more`` rows per table to ``counts``: several areas write to the same tables (the stock
    vehicles of the showroom, of the deals and of the trade-ins)."""
    for table, n in more.items():
        counts[table] = counts.get(table, 0) + n


def _units(size: Size) -> int:
    # Each customer, vehicle and part is written once and indexed once (with the posted invoices); then
    # the billing history and the stock ledger; the last unit is the analysis.
    return 2 * (size.customers + size.vehicles) + billing.units(size) + parts.units(size) + size.parts + 1


def _finish(db: Database) -> None:
    """Give the query planner statistics and fold the write-ahead log into the database file."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
