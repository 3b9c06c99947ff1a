"""The date rules of billing: nothing in the future, numbers in date order, credit notes after their
invoice, allocations after both the invoice and the money, so statements agree with the aging."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from core import clock
from core.errors import ValidationError
from services.billing import invoices, payments, receivables
from services.billing.payments import PaymentSplit
from tests.services.billing_samples import customer, draft, line, number, posted
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)


def _state(path: Path) -> tuple:
    return (raw_rows(path, "SELECT * FROM invoice ORDER BY id"),
            raw_rows(path, "SELECT * FROM allocation ORDER BY id"),
            raw_rows(path, "SELECT * FROM payment ORDER BY id"),
            raw_rows(path, "SELECT * FROM number_series ORDER BY id"))


def test_a_payment_cannot_settle_an_invoice_issued_after_it(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line(price=5000), on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                              allocations={number(db, owner, iid): 5000}, on=ON - timedelta(days=1))
    assert exc.value.field == f"allocations[{number(db, owner, iid)}]"
    assert _state(db_path) == before


def test_held_credit_is_not_allocated_before_the_invoice_or_before_it_was_received(db, db_path, owner):
    cid = customer(db, owner)
    deposit = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 9000)],
                                    hold_excess=True, on=ON)[0]
    iid = posted(db, owner, cid, line(price=5000), on=ON + timedelta(days=5))
    before = _state(db_path)
    for on in (ON + timedelta(days=4), ON - timedelta(days=1)):
        with pytest.raises(ValidationError) as exc:
            payments.allocate(db, owner, invoice_id=iid, amount=5000, payment_id=deposit, on=on)
        assert exc.value.field == "on"
    assert _state(db_path) == before
    payments.allocate(db, owner, invoice_id=iid, amount=5000, payment_id=deposit, on=ON + timedelta(days=5))


def test_paying_with_credit_spends_only_credit_held_on_the_payment_date(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line(price=5000), on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 9000)], hold_excess=True,
                          on=ON + timedelta(days=3))
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 5000)],
                              allocations={number(db, owner, iid): 5000}, on=ON + timedelta(days=1))
    assert exc.value.field == "splits[1].amount"
    assert _state(db_path) == before


def test_nothing_is_dated_in_the_future(db, db_path, owner):
    cid = customer(db, owner)
    tomorrow = clock.today() + timedelta(days=1)
    iid = draft(db, owner, cid)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.post(db, owner, iid, on=tomorrow)
    assert exc.value.field == "on"
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 100)], hold_excess=True,
                              on=tomorrow)
    assert exc.value.field == "on"
    assert _state(db_path) == before
    posted_id = posted(db, owner, cid, on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, posted_id, on=tomorrow)
    assert exc.value.field == "on"
    assert _state(db_path) == before


def test_a_credit_note_is_not_dated_before_its_invoice(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, iid, on=ON - timedelta(days=1))
    assert exc.value.field == "on"
    assert _state(db_path) == before
    invoices.create_credit_note(db, owner, iid, on=ON)


def test_back_dated_posting_needs_a_reason_and_is_audited(db, db_path, owner):
    cid = customer(db, owner)
    posted(db, owner, cid, on=ON)
    late = draft(db, owner, cid)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.post(db, owner, late, on=ON - timedelta(days=2))
    assert exc.value.field == "on"
    assert _state(db_path) == before
    invoices.post(db, owner, late, on=ON - timedelta(days=2), backdate_reason="Paper invoice from the outage")
    [(summary,)] = raw_rows(db_path, "SELECT summary FROM audit_entry WHERE action = 'backdate' AND entity_id = ?",
                            (late,))
    assert "Paper invoice from the outage" in summary and ON.isoformat() in summary
    # Another series (a later year, credit notes) is not held back by this one.
    invoices.create_credit_note(db, owner, late, on=ON - timedelta(days=1))


def test_statement_and_aging_agree_on_every_day_around_allocations(db, owner):
    cid = customer(db, owner)
    first = posted(db, owner, cid, line(price=8000), on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)], hold_excess=True,
                          on=ON + timedelta(days=1))
    second = posted(db, owner, cid, line(price=2000), on=ON + timedelta(days=3))
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("card", 6000)],
                          allocations={number(db, owner, first): 6000}, on=ON + timedelta(days=4))
    invoices.create_credit_note(db, owner, second, on=ON + timedelta(days=6))
    held = payments.credit_sources(db, owner, cid)[0]
    remaining = invoices.get(db, owner, first).balance
    payments.allocate(db, owner, invoice_id=first, amount=remaining, payment_id=held.id,
                      on=ON + timedelta(days=8))
    for offset in range(-1, 11):
        day = ON + timedelta(days=offset)
        statement = receivables.statement(db, owner, cid, start=ON - timedelta(days=5), end=day)
        assert statement.closing_balance == statement.aging.total, day


def test_the_check_before_posting_asks_for_a_back_date_reason_and_keeps_nothing(db, db_path, owner):
    from services.billing import dates

    cid = customer(db, owner)
    posted(db, owner, cid, on=ON)
    late = draft(db, owner, cid)
    view = invoices.get(db, owner, late)
    typed = invoices.DraftInput(kind=view.kind, customer_id=cid, lines=[line()])
    before = _state(db_path)
    with pytest.raises(dates.BackdateNeedsReason) as exc:
        invoices.check_post(db, owner, late, typed, on=ON - timedelta(days=2))
    assert (exc.value.field, exc.value.last, exc.value.on) == ("on", ON, ON - timedelta(days=2))
    check = invoices.check_post(db, owner, late, typed, on=ON - timedelta(days=2), backdate_reason="Outage")
    assert (check.on, check.backdated_before, check.total, check.line_rates) == (
        ON - timedelta(days=2), ON, 10000, (1300,))
    assert invoices.check_post(db, owner, late, typed, on=ON).backdated_before is None
    assert _state(db_path) == before
    assert raw_rows(db_path, "SELECT count(*) FROM audit_entry WHERE action = 'backdate'") == [(0,)]
