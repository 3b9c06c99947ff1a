"""The demo technicians' time makes sense: no technician on two jobs at once, every clocking within
a stretch of attendance, nothing after the build's moment, working days in local daytime hours, and
only the one missing clock-off the demo means to show — so the time report reads as a workshop's.

Built for today (the real one), so "nothing after now" has a now to keep to."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

import demo
from services.permissions import system_actor
from services.setup import open_database
from services.workshop import exports, time_reports
from store.database import Database

SEED = 11


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, date, datetime]:
    path = tmp_path_factory.mktemp("demo_time") / "demo.db"
    today = date.today()
    demo.build(path, size="small", seed=SEED, today=today)
    return path, today, datetime.now(UTC).replace(tzinfo=None)


@pytest.fixture(scope="module")
def demo_db(built) -> Iterator[Database]:
    database = open_database(built[0])
    yield database
    database.dispose()


def _rows(db: Database, sql: str, **params) -> list:
    with db.read() as conn:
        return conn.execute(text(sql), params).all()


def _local(value) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def test_no_technician_is_on_two_jobs_or_in_twice_at_once(demo_db):
    for table in ("clocking", "attendance"):
        assert _rows(demo_db, f"""
            SELECT count(*) FROM {table} a JOIN {table} b ON b.technician = a.technician AND b.id > a.id
            WHERE a.started_at < coalesce(b.ended_at, '9999') AND b.started_at < coalesce(a.ended_at, '9999')
        """) == [(0,)], table


def test_every_clocking_lies_within_one_stretch_of_its_technician_s_attendance(demo_db):
    assert _rows(demo_db, "SELECT count(*) FROM clocking") > [(2000,)]
    assert _rows(demo_db, """
        SELECT count(*) FROM clocking c WHERE NOT EXISTS (
            SELECT 1 FROM attendance a WHERE a.technician = c.technician AND a.started_at <= c.started_at
            AND (a.ended_at IS NULL OR (c.ended_at IS NOT NULL AND a.ended_at >= c.ended_at)))""") == [(0,)]


def test_nothing_happens_after_the_build(demo_db, built):
    _path, _today, after = built
    for table in ("clocking", "attendance"):
        latest = _rows(demo_db, f"SELECT max(started_at), max(ended_at) FROM {table}")[0]
        assert all(value is None or datetime.fromisoformat(str(value)) <= after for value in latest), (table, latest)
    # Only today's may still run: whoever is at work now.
    for table in ("clocking", "attendance"):
        for (started,) in _rows(demo_db, f"SELECT started_at FROM {table} WHERE ended_at IS NULL"):
            assert _local(started).date() >= _local(after).date() - timedelta(days=7), (table, started)


def test_working_days_are_in_local_daytime_hours(demo_db):
    """The foreman's shifts read 23:45–10:15: the demo put dealership hours at UTC+8 whatever the
    computer's time zone, while the screens show the computer's local time."""
    for table in ("clocking", "attendance"):
        for started, ended in _rows(demo_db, f"SELECT started_at, ended_at FROM {table}"):
            start = _local(started)
            assert 6 <= start.hour < 22, (table, start)
            if ended is not None:
                end = _local(ended)
                assert end.date() == start.date() and end.hour < 22, (table, start, end)
    shifts = _rows(demo_db, "SELECT started_at FROM attendance WHERE technician = 'foreman' ORDER BY started_at DESC "
                            "LIMIT 5")
    assert all(_local(s).hour == 7 for (s,) in shifts)


def test_the_time_report_reads_as_a_workshop_s(demo_db, built):
    _path, today, _after = built
    actor = system_actor("tester", terminal="T1")
    start = today - timedelta(days=365)
    times = time_reports.technician_times(demo_db, actor, start, today)
    assert {t.technician for t in times} == {"tech", "foreman"}
    for t in times:
        assert Decimal(60) <= t.productivity <= Decimal(100), t
        assert t.on_jobs + t.off_jobs <= t.attended, t
    flags = time_reports.missing_clock_offs(demo_db, actor, start, today, today=today)
    assert [(f.kind, f.technician, f.ended_at) for f in flags] == [("attendance", "foreman", None)]
    assert _local(flags[0].started_at).date() < today


def test_the_labour_lines_file_shows_every_hour_of_the_clockings_file(demo_db, tmp_path):
    actor = system_actor("tester", terminal="T1")
    exports.export_labour_lines(demo_db, actor, tmp_path / "lines.csv")
    time_reports.export_clockings(demo_db, actor, tmp_path / "clockings.csv")
    clocked: dict[str, Decimal] = defaultdict(Decimal)
    in_lines: dict[str, Decimal] = defaultdict(Decimal)
    with (tmp_path / "clockings.csv").open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["repair_order_number"] and row["hours"]:
                clocked[row["repair_order_number"]] += Decimal(row["hours"])
            if row["hours"]:
                spent = datetime.fromisoformat(row["ended_at"]) - datetime.fromisoformat(row["started_at"])
                assert Decimal(row["hours"]) * 100 == time_reports.hours_of(spent.total_seconds()), row
    with (tmp_path / "lines.csv").open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            in_lines[row["repair_order_number"]] += Decimal(row["hours_clocked"])
    assert len(clocked) > 1000
    assert {k: v for k, v in in_lines.items() if v} == dict(clocked)
