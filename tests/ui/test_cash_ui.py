"""The cash-desk work driven through the real widgets: credit held in the payment dialog, refunds,
payment receipts and payment methods, the day-end report and printing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from services import customers
from services.billing import payments
from services.billing.payments import PaymentSplit
from ui.billing.payment import PaymentDialog


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


def _hold(db, owner, customer_id: str, amount: int, *, on: date, method: str = "cash") -> str:
    return payments.take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit(method, amount)],
                                 hold_excess=True, on=on)[0]


# --- credit held in the payment dialog ----------------------------------------------------------

def test_the_credit_held_follows_the_payment_date_and_equals_what_the_service_allows(
        qtbot, db, owner, wang, ctx, show):
    today = date.today()
    _hold(db, owner, wang, 50000, on=today - timedelta(days=10))
    _hold(db, owner, wang, 30000, on=today - timedelta(days=2))
    dialog = show(PaymentDialog(ctx, customer=(wang, "王伟")))
    assert "¥800.00" in dialog.credit_hint.text()

    for days_back, expected in ((5, 50000), (20, 0), (0, 80000)):
        day = today - timedelta(days=days_back)
        dialog.paid_on.setFocus()
        dialog.paid_on.setDate(QDate(day.year, day.month, day.day))
        assert dialog.credit == expected == payments.credit_available(db, owner, wang, on=day)
        if expected:
            assert dialog.credit_hint.isVisible()
            assert f"¥{expected // 100:,}.00" in dialog.credit_hint.text()
        else:
            assert not dialog.credit_hint.isVisible()
