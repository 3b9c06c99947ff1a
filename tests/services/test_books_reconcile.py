"""The books reconcile: the receivables report with the journal's receivable and advance accounts,
the credit the payment screen shows with what the service lets a customer spend, the journal's
inventory account with the stock valuation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core import clock
from core.errors import ValidationError
from services.billing import accounting, invoices, margin, payments, receivables, thirdparty
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.parts import catalogue, stock
from services.parts.catalogue import PartInput
from store.uow import UnitOfWork
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


def test_stock_reaches_the_journal_and_the_inventory_account_equals_the_valuation(db, owner):
    part = catalogue.create_part(db, owner, PartInput(brand="Bosch", part_number="0986452041", description="Filter"))
    with UnitOfWork(db, owner) as uow:
        stock.record_movement(uow.session, part_id=part, kind="receipt", quantity=3000, unit_cost=1000,
                              moved_on=ON, reference="PO-1")
        stock.record_movement(uow.session, part_id=part, kind="receipt", quantity=3000, unit_cost=1001,
                              moved_on=ON, reference="PO-2")
        uow.commit()
    cid = customer(db, owner)
    sale, _number = invoices.save_and_post(db, owner, None, DraftInput(kind="counter_sale", customer_id=cid, lines=[
        LineInput("Filter", 2000, 3000, item_type="part", part_id=part)]), on=ON + timedelta(days=1))
    stock.adjust(db, owner, part, -1000, "damaged", on=ON + timedelta(days=2))
    stock.issue(db, owner, part, 1000, reference="RO-7", on=ON + timedelta(days=2))
    invoices.create_credit_note(db, owner, sale, on=ON + timedelta(days=3))
    for offset in range(4):
        day = ON + timedelta(days=offset)
        journal = accounting.journal_entries(db, owner, start=START, end=day)
        with db.read() as conn:
            assert _balance(journal, "inventory") == stock.valuation(conn, on=day)
    with db.read() as conn:
        level = stock.stock_level(conn, part)
        assert stock.valuation(conn, on=ON + timedelta(days=3)) == stock.stock_value(level.on_hand, level.average_cost)
    # Goods received not invoiced holds the purchase prices; the average's rounding is a variance.
    assert _balance(journal, "goods_received") == -(3000 + 3003)
    assert _balance(journal, "goods_received") + _balance(journal, "stock_variance") == -_balance(
        [x for x in journal if x.reference.startswith("STK-") and "receipt" in x.description], "inventory")
    # The sale's cost reaches cost of sales once (by its stock movement), and the credit note takes it back.
    sale_lines = [x for x in journal if x.reference == invoices.get(db, owner, sale).number]
    assert not any(x.key.startswith(("cost:", "stock:")) for x in sale_lines)
    assert _balance(journal, "cost:part") == 1001  # the issue to RO-7 at the average; the sale came back
    assert _balance(journal, "stock_adjustment") == 1001


def test_manufacturer_rebates_reach_the_journal_and_the_margins(db, owner):
    today = clock.today()
    rid = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring EV", amount=50000)
    thirdparty.update_rebate(db, owner, rid, expected_amount=45000)
    thirdparty.receive_rebate(db, owner, rid, amount=40000, on=today)
    journal = accounting.journal_entries(db, owner, start=START, end=today)
    assert _balance(journal, "rebates") == -45000
    assert _balance(journal, "rebate_receivable") == 45000 - 40000
    assert _balance(journal, "method:bank_transfer") == 40000
    month = f"{today.year:04d}-{today.month:02d}"
    [period] = margin.monthly_margins(db, owner, start=today, end=today)
    assert (period.period, period.rebates, period.profit) == (month, 45000, 45000)
    sales = next(d for d in margin.department_margins(db, owner, start=today, end=today) if d.department == "sales")
    assert (sales.rebates, sales.profit) == (45000, 45000)
    with pytest.raises(ValidationError) as exc:
        thirdparty.receive_rebate(db, owner, rid, amount=1000, on=today + timedelta(days=1))
    assert exc.value.field == "received_on"


def test_no_default_key_that_reaches_the_journal_shares_the_receivable_or_advance_account():
    """The receivables report can only equal the receivable and advance accounts if nothing else is
    booked there: the one other key on them is the credit method, which never makes a receipt (it
    becomes an allocation of credit already held)."""
    shared = {key for key, (account, _name) in accounting.DEFAULT_MAPPING.items()
              if account in (accounting.DEFAULT_MAPPING["receivables"][0],
                             accounting.DEFAULT_MAPPING["customer_credit"][0])}
    assert shared == {"receivables", "customer_credit", f"method:{payments.CREDIT_METHOD}"}


def test_a_voucher_handed_in_settles_the_invoice_against_other_payables_not_the_customers_credit(db, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line(price=12000), on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("voucher", 5000, "V000123")],
                          allocations={number(db, owner, iid): 5000}, on=ON)
    journal = accounting.journal_entries(db, owner, start=START, end=ON)
    receipt = [(x.account, x.debit, x.credit) for x in journal if x.reference.startswith("PAY-")]
    assert receipt == [("2241", 5000, 0), ("1122", 0, 5000)]
    rows = receivables.aging(db, owner, as_of=ON)
    assert sum(r.total for r in rows) == 7000 == sum(x.debit - x.credit for x in journal
                                                      if x.account in ("1122", "2203"))


def test_insurance_commission_reaches_the_journal_and_a_correction_books_only_its_difference(
        db, db_path, owner, monkeypatch):
    """What an insurer owes for a policy sold is revenue when the policy is recorded; correcting it
    later books the difference on the later day, so the period already exported stays as it was."""
    from services.sales import finance
    from services.sales.finance import PolicyInput
    from tests.services.finance_samples import car
    from tests.services.samples import raw_rows

    sold, corrected = date(2026, 3, 2), date(2026, 4, 15)
    monkeypatch.setattr(clock, "today", lambda: sold)
    cid = customer(db, owner)
    data = PolicyInput(customer_id=cid, vehicle_id=car(db, owner, cid), insurer="PICC", kind="commercial",
                       starts_on=sold, ends_on=date(2027, 3, 2), premium=4_800_00, commission=480_00,
                       policy_number="SY001")
    pid = finance.create_policy(db, owner, data)
    march = accounting.journal_entries(db, owner, start=START, end=date(2026, 3, 31))
    booked = [(x.on, x.account, x.debit, x.credit) for x in march if x.reference.startswith("INS-")]
    assert booked == [(sold, "1221", 480_00, 0), (sold, "6051", 0, 480_00)]

    monkeypatch.setattr(clock, "today", lambda: corrected)
    data.notes, data.insurer, data.policy_number = "renewal reminder sent", "Ping An", "SY001-A"
    finance.update_policy(db, owner, pid, data)  # no change to the commission: nothing booked
    data.commission = 400_00
    finance.update_policy(db, owner, pid, data)
    later = accounting.journal_entries(db, owner, start=START, end=corrected)
    # The period already exported reads as it did, descriptions included.
    assert accounting.journal_entries(db, owner, start=START, end=date(2026, 3, 31)) == march
    assert {str(x.description) for x in march if x.reference.startswith("INS-")} == {
        "Insurance commission PICC SY001 · commission earned"}
    correction = [(x.on, x.account, x.debit, x.credit) for x in later
                  if x.reference.startswith("INS-") and x.on == corrected]
    assert sorted(correction) == [(corrected, "1221", 0, 80_00), (corrected, "6051", 80_00, 0)]
    assert _balance(later, "commission_receivable") == 400_00 == -_balance(later, "insurance_commission")

    data.commission = 420_00  # raised again: a correction, not a policy sold
    finance.update_policy(db, owner, pid, data)
    renewal = finance.renewal_draft(db, owner, pid)
    renewal.policy_number, renewal.commission = "SY002", 450_00
    finance.renew_policy(db, owner, pid, renewal)
    journal = accounting.journal_entries(db, owner, start=START, end=corrected)
    assert _balance(journal, "commission_receivable") == 870_00
    assert [str(x.description) for x in journal if x.reference.startswith("INS-") and x.debit
            and x.on == corrected] == ["Insurance commission Ping An SY001-A · commission corrected down",
                                       "Insurance commission Ping An SY001-A · commission corrected up",
                                       "Insurance commission Ping An SY002 · commission earned"]
    # Each entry's lines balance, and the policies' commissions are the entries' sum.
    for reference in {x.reference for x in journal if x.reference.startswith("INS-")}:
        assert sum(x.debit - x.credit for x in journal if x.reference == reference) == 0
    assert raw_rows(db_path, "SELECT sum(commission) FROM insurance_policy") == raw_rows(
        db_path, "SELECT sum(amount) FROM insurance_commission_entry") == [(870_00,)]


def test_a_receipt_reads_the_same_in_an_exported_period_after_the_customer_is_renamed(db, owner):
    """A payment keeps the name the customer had when paying, as a posted invoice does: renaming the
    customer later leaves the journal of a period already exported as it was."""
    from services import customers
    from services.customers import CustomerInput

    cid = customer(db, owner, "Wang Fang")
    iid = posted(db, owner, cid, line(price=12000), on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 12000)],
                          allocations={number(db, owner, iid): 12000}, on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)], hold_excess=True, on=ON)
    payments.refund(db, owner, customer_id=cid, amount=3000, method="cash", reason="overpaid", on=ON)
    before = accounting.journal_entries(db, owner, start=START, end=ON)
    customers.update(db, owner, cid, CustomerInput(name="Wang Fangfang"))
    after = accounting.journal_entries(db, owner, start=START, end=ON)
    assert after == before
    described = {str(x.description) for x in after if x.reference.startswith(("PAY-", "RFD-"))}
    assert len(described) >= 3 and all("Wang Fang" in d and "Fangfang" not in d for d in described)
