"""The cash desk: a terminal's day report (receipts and refunds by method, expected cash), closing the
day with the counted cash, and a closed day refusing any change."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from core.errors import PermissionDenied, ValidationError
from services import settings
from services.billing import cashdesk, payments
from services.billing.payments import PaymentSplit
from tests.services.billing_samples import customer, line, number, posted
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)


def _state(path: Path) -> tuple:
    return (raw_rows(path, "SELECT * FROM payment ORDER BY id"),
            raw_rows(path, "SELECT * FROM allocation ORDER BY id"),
            raw_rows(path, "SELECT * FROM cash_day ORDER BY id"))


def _a_day_of_takings(db, owner) -> str:
    """On ``ON``: cash 50.00 + 25.00 + 5.00 held, card 120.00 + 60.00 deposit held for an order, refunds
    of 10.00 cash and 5.00 card, 30.00 paid with the deposit; and cash on the next day."""
    cid = customer(db, owner)
    inv = number(db, owner, posted(db, owner, cid, line(price=19500), on=ON))
    payments.take_payment(db, owner, customer_id=cid, allocations={inv: 19500}, on=ON, splits=[
        PaymentSplit("cash", 5000), PaymentSplit("card", 12000), PaymentSplit("cash", 2500)])
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 500)], hold_excess=True, on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("card", 6000)], held_for="DL-1", on=ON)
    payments.refund(db, owner, customer_id=cid, amount=1000, method="cash", on=ON)
    payments.refund(db, owner, customer_id=cid, amount=500, method="card", on=ON)
    later = number(db, owner, posted(db, owner, cid, line(price=3000), on=ON))
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 3000)],
                          allocations={later: 3000}, on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 7000)], hold_excess=True,
                          on=ON + timedelta(days=1))
    return cid


# --- the report -----------------------------------------------------------------------------------

def test_the_day_report_adds_up_receipts_and_refunds_by_method(db, owner):
    _a_day_of_takings(db, owner)
    cashdesk.set_opening_float(db, owner, day=ON, amount=20000)
    report = cashdesk.day_report(db, owner, day=ON)
    assert (report.terminal, report.day) == ("T1", ON)
    assert report.receipts_by_method == {"card": 18000, "cash": 8000}
    assert report.refunds_by_method == {"card": 500, "cash": 1000}
    assert (report.receipts_total, report.refunds_total, report.payment_count) == (26000, 1500, 7)
    assert (report.opening_float, report.cash_receipts, report.cash_refunds) == (20000, 8000, 1000)
    assert report.expected_cash == 20000 + 8000 - 1000
    assert (report.closed, report.closed_by, report.closed_at, report.counted_cash, report.difference) == (
        False, "", None, None, None)


def test_a_day_without_payments_reports_only_its_float(db, owner):
    cashdesk.set_opening_float(db, owner, day=ON, amount=5000)
    report = cashdesk.day_report(db, owner, day=ON)
    assert (report.receipts_by_method, report.refunds_by_method, report.payment_count) == ({}, {}, 0)
    assert report.expected_cash == 5000
    assert cashdesk.day_report(db, owner, day=ON - timedelta(days=1)).expected_cash == 0


def test_each_terminal_has_its_own_day(db, owner):
    cid = customer(db, owner)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)], hold_excess=True, on=ON)
    settings.set_terminal_code(db, owner, "T2")
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 4000)], hold_excess=True, on=ON)
    assert cashdesk.day_report(db, owner, day=ON).cash_receipts == 4000
    assert cashdesk.day_report(db, owner, day=ON, terminal="T1").cash_receipts == 1000
    assert raw_rows(Path(db.path), "SELECT terminal_code, amount FROM payment ORDER BY amount") == [
        ("T1", 1000), ("T2", 4000)]


# --- closing --------------------------------------------------------------------------------------

def test_closing_the_day_keeps_the_count_and_the_difference(db, owner):
    _a_day_of_takings(db, owner)
    cashdesk.set_opening_float(db, owner, day=ON, amount=20000)
    closed = cashdesk.close_day(db, owner, day=ON, counted_cash=26800, notes=" short by 2.00 ")
    assert (closed.closed, closed.closed_by, closed.counted_cash) == (True, "owner", 26800)
    assert closed.closed_at is not None
    assert (closed.expected_cash, closed.difference, closed.notes) == (27000, -200, "short by 2.00")
    assert cashdesk.day_report(db, owner, day=ON) == closed
    assert raw_rows(Path(db.path), "SELECT terminal_code, day, opening_float, expected_cash, counted_cash, "
                                   "closed_by FROM cash_day") == [("T1", "2026-03-02", 20000, 27000, 26800, "owner")]


def test_a_closed_day_cannot_be_closed_again_or_its_float_changed(db, db_path, owner):
    cashdesk.close_day(db, owner, day=ON, counted_cash=0)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        cashdesk.close_day(db, owner, day=ON, counted_cash=100)
    assert exc.value.field == "day"
    with pytest.raises(ValidationError) as exc:
        cashdesk.set_opening_float(db, owner, day=ON, amount=100)
    assert exc.value.field == "day"
    assert _state(db_path) == before


def test_a_closed_day_refuses_new_payments_and_refunds(db, db_path, owner):
    cid = customer(db, owner)
    inv = number(db, owner, posted(db, owner, cid, line(price=5000), on=ON))
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 2000)], hold_excess=True, on=ON)
    cashdesk.close_day(db, owner, day=ON, counted_cash=2000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                              allocations={inv: 5000}, on=ON)
    assert exc.value.field == "paid_on"
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=500, method="cash", on=ON)
    assert exc.value.field == "paid_on"
    assert _state(db_path) == before
    assert cashdesk.day_report(db, owner, day=ON).cash_receipts == 2000
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                          allocations={inv: 5000}, on=ON + timedelta(days=1))


def test_the_same_day_on_another_terminal_stays_open(db, owner):
    cid = customer(db, owner)
    cashdesk.close_day(db, owner, day=ON, counted_cash=0)
    settings.set_terminal_code(db, owner, "T2")
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)], hold_excess=True, on=ON)
    assert cashdesk.day_report(db, owner, day=ON).cash_receipts == 1000
    assert cashdesk.day_report(db, owner, day=ON, terminal="T1").closed


def test_held_credit_can_still_be_allocated_after_the_day_closed(db, owner):
    # Allocating credit already received moves no money, so the closed cash count stays right.
    cid = customer(db, owner)
    [held] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)],
                                   held_for="DL-1", on=ON)
    closed = cashdesk.close_day(db, owner, day=ON, counted_cash=3000)
    iid = posted(db, owner, cid, line(price=3000), on=ON)
    payments.allocate(db, owner, invoice_id=iid, amount=3000, payment_id=held, on=ON)
    assert cashdesk.day_report(db, owner, day=ON) == closed


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"counted_cash": -1}, "counted_cash"),
    ({"counted_cash": 0, "day": "tomorrow"}, "day"),
])
def test_bad_closing_input_names_the_field(db, db_path, owner, kwargs, field):
    # "Tomorrow" is worked out when the test runs, not when it is collected (a run may cross midnight).
    kwargs = {k: date.today() + timedelta(days=1) if v == "tomorrow" else v for k, v in kwargs.items()}
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        cashdesk.close_day(db, owner, **{"day": ON} | kwargs)
    assert exc.value.field == field
    with pytest.raises(ValidationError) as exc:
        cashdesk.set_opening_float(db, owner, day=ON, amount=-1)
    assert exc.value.field == "opening_float"
    assert _state(db_path) == before


def test_closing_needs_the_cash_desk_permission(db, db_path, owner, actor_for):
    manager = actor_for("sales_manager")
    reader = actor_for("read_only")
    before = _state(db_path)
    with pytest.raises(PermissionDenied):
        cashdesk.close_day(db, manager, day=ON, counted_cash=0)
    with pytest.raises(PermissionDenied):
        cashdesk.set_opening_float(db, manager, day=ON, amount=100)
    with pytest.raises(PermissionDenied):
        cashdesk.day_report(db, reader, day=ON)
    assert cashdesk.day_report(db, manager, day=ON).closed is False
    assert _state(db_path) == before
    assert cashdesk.close_day(db, actor_for("cashier"), day=ON, counted_cash=0).closed_by == "u_cashier"
