"""``forecourt export appointments`` end to end, in a child process: tomorrow's bookings with the
parts to prepare by default, every appointment of a period with ``--from``/``--to``."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta

import pytest

from services.permissions import system_actor
from services.setup import open_database
from services.workshop import appointments, catalogue
from services.workshop.appointments import AppointmentInput
from services.workshop.catalogue import OperationInput
from tests.cli.test_cli import run_cli
from tests.services.workshop_samples import shop

pytestmark = pytest.mark.slow

COLUMNS = ["date", "starts_at", "ends_at", "status", "customer_name", "plate", "vin", "vehicle", "requested_work",
           "operation_codes", "booked_hours", "advisor", "technician", "bay", "promised_at", "parts_to_prepare",
           "repair_order_number", "cancel_reason"]


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_export_appointments_writes_tomorrows_bookings_with_the_parts_to_prepare(tmp_path, db_path):
    tomorrow = date.today() + timedelta(days=1)
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        s = shop(db, actor)
        catalogue.create_operation(db, actor, OperationInput("SVC-10", "Oil service", "Maintenance", 80))

        def book(day: date, hour: int, **kw) -> str:
            return appointments.book(db, actor, AppointmentInput(
                customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=datetime.combine(day, time(hour)),
                **kw))

        book(tomorrow, 9, operation_codes=["SVC-10"], parts_note="Oil filter 0986-OF", advisor="owner")
        cancelled = book(tomorrow, 11, requested_work="Tyres", booked_hours=50)
        appointments.cancel(db, actor, cancelled, "Customer away")
        book(tomorrow + timedelta(days=2), 10, requested_work="Wipers", booked_hours=25)
    finally:
        db.dispose()
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "tomorrow.csv"
    result = run_cli("export", "appointments", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 row" in result.stdout
    rows = _rows(out)
    assert list(rows[0]) == COLUMNS
    assert [rows[0][c] for c in COLUMNS] == [
        tomorrow.isoformat(), "09:00", "10:00", "booked", "Wang Fang 1", "沪A00001", s_vin(), "Volkswagen Lavida",
        "Oil service", "SVC-10", "0.80", "owner", "", "", "", "Oil filter 0986-OF", "", ""]

    period = tmp_path / "period.xlsx"
    result = run_cli("export", "appointments", str(period), "--from", tomorrow.isoformat(), "--to",
                     (tomorrow + timedelta(days=7)).isoformat(), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(period).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == COLUMNS
    assert [(r[1], r[3], r[17]) for r in values[1:]] == [("09:00", "booked", None),
                                                         ("11:00", "cancelled", "Customer away"),
                                                         ("10:00", "booked", None)]


def s_vin() -> str:
    from tests.services.samples import chinese_vin

    return chinese_vin(1)
