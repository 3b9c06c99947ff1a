"""Receivables: aging buckets by days past due, credit, overdue and open invoices, statements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import NotFound, PermissionDenied, ValidationError
from services import customers
from services import settings as dealer_settings
from services.billing import invoices, payments, receivables
from services.billing.payments import PaymentSplit
from services.customers import CustomerInput
from tests.services.billing_samples import customer, draft, line, posted

AS_OF = date(2025, 6, 30)
TERMS = 30  # billing_samples' drafts use the default payment terms


def _due_days_ago(db, owner, customer_id: str, days_late: int, total: int) -> str:
    """A posted invoice of ``total`` that is ``days_late`` days past its due date at AS_OF (entered
    in any order: back-dated with a reason when an earlier one is dated later)."""
    issued = AS_OF - timedelta(days=TERMS + days_late)
    return posted(db, owner, customer_id, line(price=total), on=issued, backdate_reason="aging sample")


def _pay(db, owner, customer_id: str, amount: int, on: date, *, invoice_id: str | None = None) -> None:
    payments.take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit("cash", amount)],
                          allocations={invoice_id: amount} if invoice_id else None,
                          hold_excess=invoice_id is None, on=on)


# --- aging ----------------------------------------------------------------------------------------

def test_aging_buckets_by_days_past_the_due_date_at_each_boundary(db, owner):
    cid = customer(db, owner, "Li Na")
    # days past due → total; totals are powers of two so each bucket's sum names its invoices
    for days, total in [(-5, 1000), (0, 2000), (1, 4000), (30, 8000), (31, 16000), (60, 32000), (61, 64000),
                        (90, 128000), (91, 256000)]:
        _due_days_ago(db, owner, cid, days, total)
    [row] = receivables.aging(db, owner, as_of=AS_OF)
    assert row.customer_id == cid and row.customer_name == "Li Na"
    assert (row.current, row.d1_30, row.d31_60, row.d61_90, row.over_90) == (
        1000 + 2000, 4000 + 8000, 16000 + 32000, 64000 + 128000, 256000)
    assert (row.credit, row.total, row.open_total) == (0, 511000, 511000)


def test_aging_counts_only_what_is_still_owed_and_shows_credit_as_negative(db, owner):
    cid = customer(db, owner)
    late_id = _due_days_ago(db, owner, cid, 45, 30000)
    _due_days_ago(db, owner, cid, -10, 5000)
    _pay(db, owner, cid, 12000, AS_OF - timedelta(days=3), invoice_id=late_id)
    _pay(db, owner, cid, 700, AS_OF - timedelta(days=1))  # held as credit
    [row] = receivables.aging(db, owner, as_of=AS_OF)
    assert (row.current, row.d1_30, row.d31_60, row.d61_90, row.over_90) == (5000, 0, 18000, 0, 0)
    assert (row.credit, row.total) == (-700, 23000 - 700)
    with db.read() as conn:
        assert -row.credit == payments.customer_credit(conn, cid)


def test_aging_lists_customers_with_an_open_balance_or_credit_largest_first(db, owner):
    small, large, paid_up, in_credit = (customer(db, owner, n) for n in ("Small", "Large", "Paid", "Credit"))
    _due_days_ago(db, owner, small, 5, 1000)
    _due_days_ago(db, owner, large, 5, 9000)
    settled = _due_days_ago(db, owner, paid_up, 5, 4000)
    _pay(db, owner, paid_up, 4000, AS_OF, invoice_id=settled)
    _pay(db, owner, in_credit, 2500, AS_OF)
    rows = receivables.aging(db, owner, as_of=AS_OF)
    # A customer who only holds credit is listed too: the report's total is receivables less advances.
    assert [(r.customer_name, r.total) for r in rows] == [("Large", 9000), ("Small", 1000), ("Credit", -2500)]


def _bucket(days_late: int) -> str:
    for name, upto in (("current", 0), ("d1_30", 30), ("d31_60", 60), ("d61_90", 90)):
        if days_late <= upto:
            return name
    return "over_90"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(invoices_=st.lists(st.tuples(st.integers(-15, 130), st.integers(100, 90_000), st.integers(0, 4)),
                          min_size=1, max_size=5),
       held=st.integers(0, 5000))
def test_aging_matches_the_open_balances_worked_out_invoice_by_invoice(db, owner, invoices_, held):
    cid = customer(db, owner, "Random Customer")
    expected = dict.fromkeys(("current", "d1_30", "d31_60", "d61_90", "over_90"), 0)
    for days_late, total, quarters_paid in invoices_:
        invoice_id = _due_days_ago(db, owner, cid, days_late, total)
        paid = total * quarters_paid // 4
        if paid:
            _pay(db, owner, cid, paid, AS_OF, invoice_id=invoice_id)
        expected[_bucket(days_late)] += total - paid
    if held:
        _pay(db, owner, cid, held, AS_OF)
    rows = [r for r in receivables.aging(db, owner, as_of=AS_OF) if r.customer_id == cid]
    if not any(expected.values()) and not held:
        assert rows == []
        return
    [row] = rows
    assert {name: getattr(row, name) for name in expected} == expected
    assert (row.credit, row.total) == (-held, sum(expected.values()) - held)
    assert row.total == receivables.statement(db, owner, cid, start=AS_OF, end=AS_OF).closing_balance


def test_aging_as_of_a_past_day_ignores_later_invoices_payments_and_credit(db, owner):
    cid = customer(db, owner)
    first = _due_days_ago(db, owner, cid, 10, 10000)
    _due_days_ago(db, owner, cid, -20, 3000)  # issued 10 days before AS_OF
    _pay(db, owner, cid, 10000, AS_OF, invoice_id=first)
    _pay(db, owner, cid, 400, AS_OF)
    earlier = AS_OF - timedelta(days=15)
    [row] = receivables.aging(db, owner, as_of=earlier)
    # At that day the first invoice was unpaid and 5 days from due, the second not yet issued.
    assert (row.current, row.d1_30, row.credit, row.total) == (10000, 0, 0, 10000)
    [now] = receivables.aging(db, owner, as_of=AS_OF)
    assert (now.current, now.d1_30, now.credit, now.total) == (3000, 0, -400, 2600)


def test_a_credit_note_settles_the_invoice_and_its_rest_is_credit(db, owner):
    cid = customer(db, owner)
    big = _due_days_ago(db, owner, cid, 20, 8000)
    small = _due_days_ago(db, owner, cid, 20, 3000)
    _pay(db, owner, cid, 3000, AS_OF - timedelta(days=2), invoice_id=small)
    invoices.create_credit_note(db, owner, small, on=AS_OF - timedelta(days=1))  # paid already: all credit
    invoices.create_credit_note(db, owner, big, lines={invoices.get(db, owner, big).lines[0].id: 500},
                                on=AS_OF - timedelta(days=1))
    [row] = receivables.aging(db, owner, as_of=AS_OF)
    assert (row.d1_30, row.credit, row.total) == (8000 - 4000, -3000, 1000)


def test_drafts_and_credit_notes_are_never_aged_as_open_invoices(db, owner):
    cid = customer(db, owner)
    draft(db, owner, cid, line(price=9999))
    iid = _due_days_ago(db, owner, cid, 3, 5000)
    invoices.create_credit_note(db, owner, iid, on=AS_OF)
    assert receivables.aging(db, owner, as_of=AS_OF) == []


# --- overdue and open invoices --------------------------------------------------------------------

def test_overdue_lists_invoices_past_due_most_overdue_first(db, owner):
    a, b = customer(db, owner, "Alpha"), customer(db, owner, "Beta")
    _due_days_ago(db, owner, a, 0, 1000)
    one = _due_days_ago(db, owner, a, 1, 2000)
    ninety_one = _due_days_ago(db, owner, b, 91, 3000)
    thirty = _due_days_ago(db, owner, b, 30, 4000)
    _pay(db, owner, b, 1000, AS_OF, invoice_id=thirty)
    rows = receivables.overdue(db, owner, as_of=AS_OF)
    assert [(r.invoice_id, r.customer_name, r.days_overdue, r.total, r.paid, r.balance) for r in rows] == [
        (ninety_one, "Beta", 91, 3000, 0, 3000),
        (thirty, "Beta", 30, 4000, 1000, 3000),
        (one, "Alpha", 1, 2000, 0, 2000),
    ]
    assert rows[0].due_on == AS_OF - timedelta(days=91) and rows[0].number.startswith("INV")
    assert [r.invoice_id for r in receivables.overdue(db, owner, as_of=AS_OF, min_days=31)] == [ninety_one]


def test_overdue_needs_at_least_one_day(db, owner):
    with pytest.raises(ValidationError) as exc:
        receivables.overdue(db, owner, as_of=AS_OF, min_days=0)
    assert exc.value.field == "min_days"


def test_open_invoices_are_the_customer_s_unpaid_ones_oldest_due_first(db, owner):
    cid, other = customer(db, owner), customer(db, owner, "Someone Else")
    newer = _due_days_ago(db, owner, cid, -3, 5000)
    older = _due_days_ago(db, owner, cid, 12, 7000)
    paid = _due_days_ago(db, owner, cid, 20, 1000)
    _due_days_ago(db, owner, other, 5, 2000)
    _pay(db, owner, cid, 1000, AS_OF, invoice_id=paid)
    _pay(db, owner, cid, 2500, AS_OF, invoice_id=older)
    rows = receivables.open_invoices(db, owner, cid, as_of=AS_OF)
    assert [(r.invoice_id, r.balance, r.days_overdue) for r in rows] == [(older, 4500, 12), (newer, 5000, 0)]
    # Without a day: the state now, lateness counted from today.
    now = receivables.open_invoices(db, owner, cid)
    assert [(r.invoice_id, r.balance) for r in now] == [(older, 4500), (newer, 5000)]
    assert now[0].days_overdue == (date.today() - now[0].due_on).days


def test_open_invoices_of_an_unknown_customer_is_not_found(db, owner):
    with pytest.raises(NotFound):
        receivables.open_invoices(db, owner, "no-such-customer")


# --- statement ------------------------------------------------------------------------------------

def test_statement_has_opening_balance_entries_with_running_balance_closing_and_aging(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Zhao Lei", address="8 Huaihai Road", city="Shanghai",
                                                     postcode="200031"))
    old = posted(db, owner, cid, line(price=10000), on=date(2025, 1, 10))
    _pay(db, owner, cid, 4000, date(2025, 1, 20), invoice_id=old)
    new = posted(db, owner, cid, line("Service", price=15000), line("Tyres", price=5000), on=date(2025, 2, 5))
    tyres = invoices.get(db, owner, new).lines[1].id
    note = invoices.create_credit_note(db, owner, new, lines={tyres: 1000}, on=date(2025, 2, 10))
    _pay(db, owner, cid, 12000, date(2025, 2, 15), invoice_id=new)
    _pay(db, owner, cid, 3000, date(2025, 2, 20))
    payments.refund(db, owner, customer_id=cid, amount=1000, method="cash", on=date(2025, 2, 25))
    posted(db, owner, cid, line(price=99900), on=date(2025, 3, 5))  # after the period

    s = receivables.statement(db, owner, cid, start=date(2025, 2, 1), end=date(2025, 2, 28))
    new_number, note_number, old_number = (invoices.get(db, owner, i).number for i in (new, note, old))
    assert (s.customer_name, s.customer_address) == ("Zhao Lei", "8 Huaihai Road Shanghai 200031")
    assert s.dealer_name == dealer_settings.get(db).name and s.currency == "CNY"
    assert s.opening_balance == 6000
    assert [(e.on, e.kind, e.number, e.method, e.reference, e.amount, e.balance) for e in s.entries] == [
        (date(2025, 2, 5), "invoice", new_number, "", "", 20000, 26000),
        (date(2025, 2, 10), "credit_note", note_number, "", new_number, -5000, 21000),
        (date(2025, 2, 15), "payment", "", "cash", "", -12000, 9000),
        (date(2025, 2, 20), "payment", "", "cash", "", -3000, 6000),
        (date(2025, 2, 25), "refund", "", "cash", "", 1000, 7000),
    ]
    assert [(e.debit, e.credit) for e in s.entries[:2]] == [(20000, 0), (0, 5000)]
    assert s.closing_balance == 7000
    # At the end: the old invoice's 6000 is 19 days past due, the new one's 3000 not yet due,
    # 2000 of the held payment is unallocated after the refund.
    a = s.aging
    assert (a.current, a.d1_30, a.d31_60, a.credit, a.total) == (3000, 6000, 0, -2000, 7000)
    assert old_number and a.total == s.closing_balance


def test_a_statement_of_a_customer_in_credit_only_still_shows_their_credit(db, owner):
    cid = customer(db, owner)
    _pay(db, owner, cid, 2500, date(2025, 1, 5))
    s = receivables.statement(db, owner, cid, start=date(2025, 1, 1), end=date(2025, 1, 31))
    assert (s.opening_balance, s.closing_balance, s.aging.credit, s.aging.total) == (0, -2500, -2500, -2500)
    assert [(e.kind, e.amount, e.balance) for e in s.entries] == [("payment", -2500, -2500)]


def test_a_statement_period_must_not_end_before_it_starts(db, owner):
    cid = customer(db, owner)
    with pytest.raises(ValidationError) as exc:
        receivables.statement(db, owner, cid, start=date(2025, 2, 1), end=date(2025, 1, 31))
    assert exc.value.field == "end"


def test_a_statement_of_an_unknown_customer_is_not_found(db, owner):
    with pytest.raises(NotFound):
        receivables.statement(db, owner, "no-such-customer", start=date(2025, 1, 1), end=date(2025, 1, 31))


# --- permissions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda db, a, cid: receivables.aging(db, a, as_of=AS_OF),
    lambda db, a, cid: receivables.overdue(db, a, as_of=AS_OF),
    lambda db, a, cid: receivables.open_invoices(db, a, cid),
    lambda db, a, cid: receivables.statement(db, a, cid, start=AS_OF, end=AS_OF),
], ids=["aging", "overdue", "open_invoices", "statement"])
def test_receivables_need_the_receivables_permission(db, owner, actor_for, call):
    cid = customer(db, owner)
    salesperson = actor_for("salesperson")
    assert not salesperson.can("receivables.view")
    with pytest.raises(PermissionDenied):
        call(db, salesperson, cid)
    call(db, actor_for("read_only"), cid)
