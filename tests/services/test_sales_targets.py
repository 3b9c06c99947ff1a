"""Salespeople's monthly targets, performance from the deals delivered in the month, and commission."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from core.errors import PermissionDenied, ValidationError
from services import users
from services.sales import targets
from tests.services.finance_samples import customer, deal
from tests.services.samples import raw_rows


@pytest.fixture
def sellers(db, owner):
    for name in ("anna", "bo"):
        users.create_user(db, owner, username=name, password="password-123", role="salesperson")
    return ("anna", "bo")


def _delivered(db, owner, who, day, gross, status="delivered"):
    return deal(db, owner, customer(db, owner), salesperson=who, status=status, delivered_on=day, gross_profit=gross)


def test_performance_counts_the_deals_delivered_in_the_month_against_target(db, owner, sellers):
    targets.set_target(db, owner, "anna", date(2026, 3, 17), units=3, gross=30_000_00)
    targets.set_target(db, owner, "bo", date(2026, 3, 1), units=2, gross=10_000_00)
    _delivered(db, owner, "anna", date(2026, 3, 1), 8_000_00)
    _delivered(db, owner, "anna", date(2026, 3, 31), 12_500_00)
    _delivered(db, owner, "anna", date(2026, 4, 1), 99_000_00)  # next month
    _delivered(db, owner, "anna", date(2026, 2, 28), 99_000_00)  # last month
    _delivered(db, owner, "anna", None, 99_000_00, status="invoiced")  # not delivered yet
    _delivered(db, owner, "bo", date(2026, 3, 10), -1_000_00)
    rows = {p.salesperson: p for p in targets.performance(db, owner, date(2026, 3, 5))}
    assert (rows["anna"].units, rows["anna"].target_units, rows["anna"].gross, rows["anna"].target_gross) == (
        2, 3, 20_500_00, 30_000_00)
    assert (rows["bo"].units, rows["bo"].gross, rows["bo"].target_units) == (1, -1_000_00, 2)


def test_commission_is_a_share_of_gross_plus_an_amount_a_car(db, owner, sellers):
    targets.set_commission_rule(db, owner, "", gross_bp=500, per_unit=300_00)  # 5 % + 300 a car
    targets.set_commission_rule(db, owner, "bo", gross_bp=1000, per_unit=0)
    _delivered(db, owner, "anna", date(2026, 3, 2), 8_000_01)
    _delivered(db, owner, "anna", date(2026, 3, 3), 12_000_10)
    _delivered(db, owner, "anna", date(2026, 3, 4), -2_000_00)  # a loss earns the amount a car only
    _delivered(db, owner, "bo", date(2026, 3, 4), 10_000_00)
    rows = {p.salesperson: p for p in targets.performance(db, owner, date(2026, 3, 1))}
    # 5 % of 800001 = 40000.05 → 40000; of 1200010 = 60000.5 → 60001 (half up); + 3 × 30000
    assert rows["anna"].commission == 40_000 + 60_001 + 3 * 300_00
    assert rows["bo"].commission == 1_000_00
    targets.remove_commission_rule(db, owner, "bo")
    rows = {p.salesperson: p for p in targets.performance(db, owner, date(2026, 3, 1))}
    assert rows["bo"].commission == 500_00 + 300_00


def test_every_salesperson_is_listed_even_without_target_or_sale(db, owner, sellers):
    rows = targets.performance(db, owner, date(2026, 3, 1))
    assert {"anna", "bo"} <= {p.salesperson for p in rows}
    assert all(p.units == 0 and p.commission == 0 for p in rows)


def test_setting_a_target_again_replaces_it_and_zero_removes_it(db, db_path, owner, sellers):
    targets.set_target(db, owner, "anna", date(2026, 3, 1), units=3, gross=1)
    targets.set_target(db, owner, "anna", date(2026, 3, 9), units=4, gross=2)
    assert raw_rows(db_path, "SELECT month, units, gross FROM sales_target") == [("2026-03-01", 4, 2)]
    targets.set_target(db, owner, "anna", date(2026, 3, 9), units=0, gross=0)
    assert raw_rows(db_path, "SELECT count(*) FROM sales_target") == [(0,)]


def test_targets_are_set_together_or_not_at_all(db, db_path, owner, sellers):
    with pytest.raises(ValidationError) as err:
        targets.set_targets(db, owner, date(2026, 3, 1), [targets.TargetInput("anna", 3, 1),
                                                           targets.TargetInput("bo", -1, 1)])
    assert err.value.field == "targets[2].units"
    assert raw_rows(db_path, "SELECT count(*) FROM sales_target") == [(0,)]


@pytest.mark.parametrize("who,units,gross,field", [("nobody", 1, 1, "salesperson"), ("anna", -1, 0, "units"),
                                                   ("anna", 1, -5, "gross")])
def test_bad_targets_are_refused(db, owner, sellers, who, units, gross, field):
    with pytest.raises(ValidationError) as err:
        targets.set_target(db, owner, who, date(2026, 3, 1), units=units, gross=gross)
    assert err.value.field == field


def test_a_salesperson_cannot_set_targets_or_see_commissions(db, owner, actor_for):
    seller = actor_for("salesperson")
    with pytest.raises(PermissionDenied):
        targets.set_target(db, seller, "u_salesperson", date(2026, 3, 1), units=1, gross=1)
    with pytest.raises(PermissionDenied):
        targets.performance(db, seller, date(2026, 3, 1))
    targets.performance(db, actor_for("sales_manager"), date(2026, 3, 1))


def test_the_export_has_a_row_per_salesperson_and_month(db, owner, sellers, tmp_path):
    targets.set_commission_rule(db, owner, "", gross_bp=1000, per_unit=0)
    targets.set_target(db, owner, "anna", date(2026, 3, 1), units=2, gross=5_000_00)
    _delivered(db, owner, "anna", date(2026, 3, 2), 4_000_00)
    path = tmp_path / "perf.xlsx"
    written = targets.export_performance(db, owner, path, start=date(2026, 2, 1), end=date(2026, 3, 31))
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == targets.PERFORMANCE_COLUMNS
    assert written == len(rows) - 1
    assert ("2026-03", "anna", "anna", 1, 2, 4000, 5000, 400) in rows
    assert any(r[0] == "2026-02" and r[1] == "anna" for r in rows[1:])
