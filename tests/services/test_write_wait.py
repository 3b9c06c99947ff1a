"""Readers don't block and writers wait sensibly: a write waits for another program's long write
(and says so) instead of failing after 5 s, and an import plans without holding the write lock."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.errors import DatabaseProblem
from services.customers import CustomerInput, create
from services.imports import framework
from services.parts.imports import PARTS
from services.setup import open_database
from store.database import on_write_wait
from tests.services.test_imports import CATALOGUE, HEADERS, write_xlsx
from tests.write_lock import _HOLDER, lock_is_held


def hold_write_lock(path: Path, seconds: float | None) -> subprocess.Popen[str]:
    """Another program holding the write lock of ``path`` for ``seconds``, then letting go; with
    None, until the caller closes the holder's stdin."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    assert holder.stdin is not None
    if seconds is not None:
        threading.Timer(seconds, holder.stdin.close).start()
    return holder


def test_a_write_waits_for_another_programs_six_second_write_and_says_so(db_path, owner):
    db = open_database(db_path)  # as the GUI opens it
    told: list[bool] = []
    stop = on_write_wait(lambda _path, waiting: told.append(waiting))
    holder = hold_write_lock(db_path, 6)
    try:
        started = time.perf_counter()
        customer_id = create(db, owner, CustomerInput(name="王伟", phone="13900000001"))
        waited = time.perf_counter() - started
    finally:
        stop()
        holder.wait(timeout=30)
        db.dispose()
    assert customer_id
    assert waited > 5.5  # longer than the old busy timeout, after which it failed
    assert told == [True, False]


def test_a_write_that_waits_too_long_is_one_clear_error(db_path, owner, monkeypatch):
    monkeypatch.setenv("FORECOURT_WRITE_WAIT", "1")
    db = open_database(db_path)
    holder = hold_write_lock(db_path, None)  # until the write has given up, however busy the machine
    try:
        with pytest.raises(DatabaseProblem) as err:
            create(db, owner, CustomerInput(name="李娜", phone="13900000002"))
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        db.dispose()
    assert err.value.kind == "locked"
    assert str(db_path) in err.value.message and "\n" not in err.value.message


def test_an_import_checks_and_plans_without_holding_the_write_lock(db, owner, tmp_path, monkeypatch):
    held_while_planning: list[bool] = []
    plan = PARTS.plan

    def watching(conn, rows, context, summary):
        held_while_planning.append(lock_is_held(db.path))
        return plan(conn, rows, context, summary)

    monkeypatch.setitem(framework.KINDS, "parts", _replace(PARTS, plan=watching))
    summary = framework.run(db, owner, write_xlsx(tmp_path / "c.xlsx", HEADERS, CATALOGUE), "parts")

    assert summary.written and summary.inserted == 3
    assert held_while_planning == [False]


def test_an_import_plans_again_under_the_lock_when_the_catalogue_changed_meanwhile(db, owner, tmp_path, monkeypatch):
    from services.parts import catalogue

    calls: list[bool] = []
    plan = PARTS.plan

    def racing(conn, rows, context, summary):
        calls.append(lock_is_held(db.path))
        planned = plan(conn, rows, context, summary)
        if len(calls) == 1:
            # Another terminal adds one of the file's parts between the check and the write.
            catalogue.create_part(db, owner, catalogue.PartInput(brand="Toyota", part_number="04152-YZZA6",
                                                                 description="Oil filter"))
        return planned

    monkeypatch.setitem(framework.KINDS, "parts", _replace(PARTS, plan=racing))
    summary = framework.run(db, owner, write_xlsx(tmp_path / "c.xlsx", HEADERS, CATALOGUE), "parts")

    assert calls == [False, True]
    assert summary.written and (summary.inserted, summary.updated) == (2, 1)


def _replace(kind, **changes):
    from dataclasses import replace

    return replace(kind, **changes)
