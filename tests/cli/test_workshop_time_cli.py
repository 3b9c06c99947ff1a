"""``forecourt export clockings|technician-time`` end to end, in a child process."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from services.permissions import system_actor
from services.setup import open_database
from services.workshop import attendance, clocking, orders
from services.workshop import catalogue as labour
from services.workshop.catalogue import OperationInput
from services.workshop.orders import JobInput, LabourInput
from tests.cli.test_cli import run_cli
from tests.services.workshop_samples import repair_order, shop

pytestmark = pytest.mark.slow

DAY = date(2026, 3, 2)


@pytest.fixture
def clocked(db_path) -> str:
    """One technician's day on a repair order (a job 08:00–10:30, cleaning 10:30–11:00, the job
    again 11:00–12:00 and corrected by the foreman), plus a clocking on the next day; the number."""
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        s = shop(db, actor)
        labour.create_operation(db, actor, OperationInput("BRK-01", "Front brake pads", "Brakes", 120))
        ro_id, number = repair_order(db, actor, s, on=DAY)
        job = orders.add_job(db, actor, ro_id, JobInput("Brakes squeal", pay_type="customer"))
        orders.add_labour(db, actor, job, LabourInput(operation_code="BRK-01", technician="owner"))
        lo, _hi = attendance.local_day_bounds(DAY)
        clocking.clock_on(db, actor, job, technician="owner", at=lo + timedelta(hours=8))
        attendance.start_reason(db, actor, "cleaning", technician="owner", at=lo + timedelta(hours=10.5))
        last = clocking.clock_on(db, actor, job, technician="owner", at=lo + timedelta(hours=11))
        clocking.clock_off(db, actor, technician="owner", at=lo + timedelta(hours=11, minutes=45))
        attendance.correct_clocking(db, actor, last, started_at=lo + timedelta(hours=11),
                                    ended_at=lo + timedelta(hours=12), note="Road test after clocking off")
        attendance.clock_out(db, actor, technician="owner", at=lo + timedelta(hours=17))
        clocking.clock_on(db, actor, job, technician="owner", at=lo + timedelta(days=1, hours=8))
    finally:
        db.dispose()
    return number


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_export_clockings_writes_the_stable_columns_for_the_period(tmp_path, db_path, clocked):
    number = clocked
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "clockings.csv"
    result = run_cli("export", "clockings", "--from", "2026-03-02", "--to", "2026-03-02", str(out),
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 3 rows" in result.stdout
    rows = _rows(out)
    assert list(rows[0]) == ["technician", "kind", "repair_order_number", "job", "job_description",
                             "operation_code", "reason", "started_at", "ended_at", "hours", "corrected_by",
                             "corrected_at"]
    assert [[r[k] for k in list(r)[:10]] + [r["corrected_by"]] for r in rows] == [
        ["owner", "job", number, "1", "Brakes squeal", "BRK-01", "", "2026-03-02 08:00:00", "2026-03-02 10:30:00",
         "2.50", ""],
        ["owner", "off_job", "", "", "", "", "cleaning", "2026-03-02 10:30:00", "2026-03-02 11:00:00", "0.50", ""],
        ["owner", "job", number, "1", "Brakes squeal", "BRK-01", "", "2026-03-02 11:00:00", "2026-03-02 12:00:00",
         "1.00", "os:tester"],
    ]
    assert rows[2]["corrected_at"]

    everything = tmp_path / "all.xlsx"
    result = run_cli("export", "clockings", str(everything), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 4 rows" in result.stdout


def test_export_technician_time_needs_a_period_and_gives_the_day_s_figures(tmp_path, db_path, clocked):
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "time.csv"
    refused = run_cli("export", "technician-time", str(out), home=home, db=db_path)
    assert refused.returncode != 0 and not out.exists()
    result = run_cli("export", "technician-time", "--from", "2026-03-02", "--to", "2026-03-02", str(out),
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    # In 08:00–17:00 (9 h), on the job 2.5 + 1 = 3.5 h, cleaning 0.5 h; nothing completed, nothing sold.
    assert _rows(out) == [{"technician": "owner", "hours_attended": "9.00", "hours_on_jobs": "3.50",
                           "hours_off_jobs": "0.50", "productivity_percent": "38.9", "hours_sold": "0.00",
                           "hours_clocked_on_sold_work": "0.00", "efficiency_percent": ""}]
