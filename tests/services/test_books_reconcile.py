"""The books reconcile: the receivables report with the journal's receivable and advance accounts,
the credit the payment screen shows with what the service lets a customer spend, the journal's
inventory account with the stock valuation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import ValidationError
from services.billing import accounting, invoices, payments, receivables
from services.billing.payments import PaymentSplit
from tests.services.billing_samples import customer, line, number, posted

ON = date(2026, 3, 2)
START = date(2000, 1, 1)


def _balance(lines, key: str) -> int:
    """Debit less credit of the journal lines mapped from ``key``."""
    return sum(x.debit - x.credit for x in lines if x.key == key)


def test_credit_shown_for_paying_with_credit_is_what_the_service_allows(db, owner):
    cid = customer(db, owner)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 10000)], hold_excess=True, on=ON)
    payments.refund(db, owner, customer_id=cid, amount=4000, method="cash", on=ON)  # not tied to the receipt
    later = ON + timedelta(days=5)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("card", 500)], hold_excess=True,
                          on=later)
    iid = posted(db, owner, cid, line(price=20000), on=ON + timedelta(days=1))
    assert payments.credit_available(db, owner, cid, on=ON + timedelta(days=1)) == 6000
    assert payments.credit_available(db, owner, cid, on=later) == 6500
    with pytest.raises(ValidationError):
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 6001)],
                              allocations={number(db, owner, iid): 6001}, on=ON + timedelta(days=1))
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 6000)],
                          allocations={number(db, owner, iid): 6000}, on=ON + timedelta(days=1))
    assert payments.credit_available(db, owner, cid, on=later) == 500


def test_receivables_report_reconciles_with_the_journal_including_customers_only_in_credit(db, owner):
    owes, in_credit, both = (customer(db, owner, n) for n in ("Owes", "In credit", "Both"))
    first = posted(db, owner, owes, line(price=12000), on=ON)
    payments.take_payment(db, owner, customer_id=owes, splits=[PaymentSplit("cash", 5000)],
                          allocations={number(db, owner, first): 5000}, on=ON + timedelta(days=1))
    payments.take_payment(db, owner, customer_id=in_credit, splits=[PaymentSplit("card", 3000)], hold_excess=True,
                          on=ON)
    credited = posted(db, owner, in_credit, line(price=2000), on=ON + timedelta(days=2))
    payments.allocate(db, owner, invoice_id=credited, amount=2000,
                      payment_id=payments.credit_sources(db, owner, in_credit)[0].id, on=ON + timedelta(days=3))
    invoices.create_credit_note(db, owner, credited, on=ON + timedelta(days=4))
    posted(db, owner, both, line(price=7000), on=ON + timedelta(days=2))
    payments.take_payment(db, owner, customer_id=both, splits=[PaymentSplit("cash", 900)], hold_excess=True,
                          on=ON + timedelta(days=3))
    for offset in range(0, 6):
        day = ON + timedelta(days=offset)
        rows = receivables.aging(db, owner, as_of=day)
        journal = accounting.journal_entries(db, owner, start=START, end=day)
        assert sum(r.total for r in rows) == (_balance(journal, "receivables") + _balance(journal, "customer_credit"))
        assert -sum(r.credit for r in rows) == -_balance(journal, "customer_credit")
    names = {r.customer_name: r.total for r in receivables.aging(db, owner, as_of=ON + timedelta(days=5))}
    assert names == {"Owes": 7000, "In credit": -3000, "Both": 6100}
