"""The cash desk's services on a real database: refunds and their dates, payment methods as the
dealership configures them, payment receipts and the day-end report."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core import clock
from core.errors import PermissionDenied, ValidationError
from services import lists
from services.billing import cashdesk, methods, payments, receipts
from services.billing.methods import MethodInput
from services.billing.payments import PaymentSplit
from services.lists import ListState
from tests.services.billing_samples import customer, line, number, posted

ON = date(2026, 3, 2)


def _hold(db, owner, customer_id: str, amount: int, *, on: date = ON, method: str = "cash") -> str:
    return payments.take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit(method, amount)],
                                 hold_excess=True, on=on)[0]


# --- refunds --------------------------------------------------------------------------------------

def test_credit_cannot_be_refunded_before_it_was_received(db, owner):
    cid = customer(db, owner)
    first = _hold(db, owner, cid, 5000, on=ON)
    _hold(db, owner, cid, 3000, on=ON + timedelta(days=5))

    assert payments.refund_available(db, owner, cid, on=ON - timedelta(days=1)) == 0
    assert payments.refund_available(db, owner, cid, on=ON + timedelta(days=1)) == 5000
    assert payments.refund_available(db, owner, cid, on=ON + timedelta(days=5)) == 8000
    assert payments.refund_available(db, owner, cid, on=ON + timedelta(days=5), refund_of_id=first) == 5000
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=5001, method="bank_transfer", on=ON + timedelta(days=1))
    assert exc.value.field == "amount"
    payments.refund(db, owner, customer_id=cid, amount=5000, method="bank_transfer", on=ON + timedelta(days=1))
    assert payments.refund_available(db, owner, cid, on=ON + timedelta(days=6)) == 3000


# --- payment methods ------------------------------------------------------------------------------

def test_the_standard_methods_include_the_chinese_wallets_and_unionpay(db, owner):
    codes = [m.code for m in methods.methods(db, owner)]
    assert codes[:5] == ["cash", "wechat_pay", "alipay", "unionpay_card", "bank_transfer"]
    assert "deposit" not in codes
    cid = customer(db, owner)
    for code in ("wechat_pay", "alipay", "unionpay_card", "bank_transfer"):
        _hold(db, owner, cid, 100, method=code)


def test_the_payments_list_filters_by_every_method_standard_or_the_dealerships_own(db, owner):
    codes = methods.save_methods(db, owner, [*(MethodInput(m.code) for m in methods.methods(db, owner)),
                                             MethodInput("", True, "Company cheque")])
    cid = customer(db, owner)
    taken = {code: _hold(db, owner, cid, 100 + i, method=code) for i, code in enumerate(codes)}

    for code, payment_id in taken.items():
        page = lists.fetch_page(db, owner, "payments", ListState(filters={"method": code}), limit=50)
        assert [row[0] for row in page.rows] == [payment_id], code


def test_methods_are_ordered_switched_off_and_added_and_a_used_one_is_only_switched_off(db, owner, actor_for):
    rows = [MethodInput(m.code, m.active) for m in methods.methods(db, owner)]
    rows = [MethodInput("alipay"), *[r for r in rows if r.code != "alipay"]]
    rows = [MethodInput(r.code, r.code != "voucher") for r in rows] + [MethodInput("", True, "  Company  cheque ")]
    codes = methods.save_methods(db, owner, rows)
    listed = methods.methods(db, owner)
    assert [m.code for m in listed][:2] == ["alipay", "cash"]
    own = listed[-1]
    assert (own.name, own.standard, own.active, own.in_use) == ("Company cheque", False, True, False)
    assert codes[-1] == own.code and methods.is_own_code(own.code)

    cid = customer(db, owner)
    with pytest.raises(ValidationError) as exc:
        _hold(db, owner, cid, 100, method="voucher")
    assert exc.value.field == "splits[1].method"
    _hold(db, owner, cid, 100, method=own.code)
    assert methods.methods(db, owner)[-1].in_use

    without_own = [MethodInput(m.code, m.active) for m in methods.methods(db, owner) if m.code != own.code]
    with pytest.raises(ValidationError, match="used by payments"):
        methods.save_methods(db, owner, without_own)
    with pytest.raises(ValidationError, match="cannot be removed"):
        methods.save_methods(db, owner, [r for r in without_own if r.code != "cash"])
    with pytest.raises(ValidationError) as exc:
        methods.save_methods(db, owner, [MethodInput(m.code, False, m.name) for m in methods.methods(db, owner)])
    assert exc.value.field == "methods"
    methods.save_methods(db, owner, [MethodInput(m.code, m.code != own.code, m.name)
                                     for m in methods.methods(db, owner)])
    assert own.code not in methods.offered(db)
    with pytest.raises(PermissionDenied):
        methods.save_methods(db, actor_for("cashier"), rows)


# --- the cash-desk day ----------------------------------------------------------------------------

def test_a_counted_difference_needs_a_note(db, owner):
    cid = customer(db, owner)
    _hold(db, owner, cid, 5000, on=date.today())
    with pytest.raises(ValidationError) as exc:
        cashdesk.close_day(db, owner, day=date.today(), counted_cash=4900, notes="  ")
    assert exc.value.field == "notes"
    assert not cashdesk.day_report(db, owner, day=date.today()).closed
    report = cashdesk.close_day(db, owner, day=date.today(), counted_cash=4900, notes="Change given twice")
    assert (report.difference, report.notes) == (-100, "Change given twice")


def test_money_taken_after_the_close_counts_in_the_next_day_which_opens_by_itself(db, owner, monkeypatch):
    cid = customer(db, owner)
    day = date.today() - timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: day)
    _hold(db, owner, cid, 5000, on=day)
    cashdesk.close_day(db, owner, day=day, counted_cash=5000)
    late = _hold(db, owner, cid, 700, on=day)  # the desk is still open after the count

    closed = cashdesk.day_report(db, owner, day=day)
    assert (closed.cash_receipts, closed.expected_cash, closed.counted_cash) == (5000, 5000, 5000)
    monkeypatch.setattr(clock, "today", lambda: day + timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        _hold(db, owner, cid, 100, on=day)
    assert exc.value.field == "paid_on"
    nxt = cashdesk.day_report(db, owner, day=day + timedelta(days=1))
    assert (nxt.closed, nxt.opening_float, nxt.cash_receipts, nxt.expected_cash, nxt.carried_in) == (
        False, 5000, 700, 5700, 1)
    assert [p.paid_on for p in payments.payments(db, owner, customer_id=cid) if p.id == late] == [day]
    cashdesk.close_day(db, owner, day=day + timedelta(days=1), counted_cash=5700)
    assert cashdesk.day_report(db, owner, day=day + timedelta(days=1)).difference == 0


# --- printed documents ----------------------------------------------------------------------------

def _text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_receipt_names_the_method_the_invoices_settled_and_the_credit_held(db, owner, tmp_path):
    cid = customer(db, owner, "王伟")
    iid = posted(db, owner, cid, line(price=10000), on=ON)
    pid = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("wechat_pay", 15000, "WX-1")],
                                allocations={number(db, owner, iid): 10000}, hold_excess=True, on=ON)[0]
    out = receipts.receipt_pdf(db, owner, pid, tmp_path / "receipt.pdf")
    text = _text(out)
    for expected in ("RECEIPT", "收款收据", "王伟", "微信支付", "WX-1", number(db, owner, iid), "100.00", "50.00",
                     "150.00", receipts.receipt_number(payments.payment(db, owner, pid))):
        assert expected in text

    refund = payments.refund(db, owner, customer_id=cid, amount=5000, method="wechat_pay", refund_of_id=pid,
                             reason="Deposit returned", on=ON)
    text = _text(receipts.receipt_pdf(db, owner, refund, tmp_path / "refund.pdf"))
    assert "REFUND" in text and "Deposit returned" in text and "50.00" in text


def test_the_day_end_report_shows_the_count_the_difference_and_its_reason(db, owner, tmp_path):
    cid = customer(db, owner, "李娜")
    _hold(db, owner, cid, 5000, on=date.today())
    _hold(db, owner, cid, 3000, on=date.today(), method="alipay")
    cashdesk.close_day(db, owner, day=date.today(), counted_cash=4950, notes="Coin dropped 少了硬币")
    text = _text(receipts.day_report_pdf(db, owner, date.today(), tmp_path / "day.pdf"))
    for expected in ("CASH DESK DAY", "收银日结", "支付宝", "李娜", "49.50", "50.00", "-0.50", "Coin dropped",
                     "少了硬币", "80.00"):
        assert expected in text


def test_a_cash_refund_cannot_take_more_than_the_drawer_holds(db, owner):
    """A full cash refund of a large credit took the day's expected cash to −¥5,747; cash paid back
    today comes out of today's drawer, so no more than it holds, and the rest goes back another way."""
    today = date.today()
    cid = customer(db, owner)
    _hold(db, owner, cid, 50000, on=today - timedelta(days=3), method="bank_transfer")
    _hold(db, owner, cid, 8000, on=today)
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=8001, method="cash", on=today)
    assert exc.value.field == "amount" and "cash drawer" in str(exc.value)
    assert payments.payments(db, owner, customer_id=cid)[-1].amount > 0, "nothing was paid back"
    payments.refund(db, owner, customer_id=cid, amount=8000, method="cash", on=today)
    payments.refund(db, owner, customer_id=cid, amount=50000, method="bank_transfer", on=today)
    assert cashdesk.day_report(db, owner, day=today).expected_cash == 0


def test_a_counted_difference_reaches_the_journal_so_the_cash_account_is_what_was_counted(db, owner, monkeypatch):
    from services.billing import accounting

    cid = customer(db, owner)
    first = date.today() - timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: first)
    _hold(db, owner, cid, 5000, on=first)
    cashdesk.close_day(db, owner, day=first, counted_cash=4900, notes="Change given twice")
    second = first + timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: second)
    _hold(db, owner, cid, 700, on=second)
    cashdesk.close_day(db, owner, day=second, counted_cash=5650, notes="A customer's change left behind")

    lines = accounting.journal_entries(db, owner, start=first, end=second)
    counts = [(x.reference, x.key, x.debit, x.credit) for x in lines if x.reference.startswith("CASH-")]
    terminal = cashdesk.day_report(db, owner, day=first).terminal
    assert counts == [(f"CASH-{terminal}-{first.isoformat()}", "cash_difference", 100, 0),
                      (f"CASH-{terminal}-{first.isoformat()}", "method:cash", 0, 100),
                      (f"CASH-{terminal}-{second.isoformat()}", "method:cash", 50, 0),
                      (f"CASH-{terminal}-{second.isoformat()}", "cash_difference", 0, 50)]
    # The drawer started empty: the cash account holds exactly the last count.
    assert sum(x.debit - x.credit for x in lines if x.key == "method:cash") == 5650
    assert {x.account for x in lines if x.key == "cash_difference"} == {"1901"}
