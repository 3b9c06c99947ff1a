"""``forecourt export sales-performance`` end to end, in a child process: each salesperson's units and
gross against target and their commission, month by month."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from services import users
from services.permissions import system_actor
from services.sales import targets
from services.setup import open_database
from tests.cli.test_cli import run_cli
from tests.services.finance_samples import customer, deal

pytestmark = pytest.mark.slow


def test_export_sales_performance_writes_a_row_per_salesperson_and_month(tmp_path, db_path):
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        users.create_user(db, actor, username="anna", password="password-123", role="salesperson")
        targets.set_commission_rule(db, actor, "", gross_bp=500, per_unit=200_00)
        targets.set_target(db, actor, "anna", date(2026, 3, 1), units=2, gross=20_000_00)
        deal(db, actor, customer(db, actor), salesperson="anna", status="delivered", delivered_on=date(2026, 3, 9),
             gross_profit=10_000_00)
    finally:
        db.dispose()
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "performance.csv"
    result = run_cli("export", "sales-performance", str(out), "--from", "2026-02-01", "--to", "2026-03-31",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(targets.PERFORMANCE_COLUMNS)
    march = next(r for r in rows if r["month"] == "2026-03" and r["salesperson"] == "anna")
    assert (march["units"], march["target_units"], march["gross"], march["target_gross"], march["commission"]) == (
        "1", "2", "10000.00", "20000.00", "700.00")
    assert any(r["month"] == "2026-02" and r["salesperson"] == "anna" and r["units"] == "0" for r in rows)
