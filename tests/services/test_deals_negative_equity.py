"""A trade-in whose outstanding finance is more than its allowance (negative equity), on a real
database: the deal charges the shortfall on an automatic line, the invoice carries it, the customer
pays it, the books balance, and the line goes when the equity is no longer negative."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from services.billing import accounting, invoices, payments
from services.sales import deals, trade_ins
from services.sales.deals import DealInput, DealLineInput
from services.sales.trade_ins import AppraisalInput
from tests.services.deal_samples import customer, quote, stock_vehicle
from tests.services.samples import chinese_vin, raw_rows


def _appraisal(cid: str, deal_id: str, *, allowance: int, owed: int, acv: int | None = None) -> AppraisalInput:
    return AppraisalInput(customer_id=cid, vin=chinese_vin(93), make="VW", model="Passat",
                          actual_cash_value=allowance if acv is None else acv, allowance=allowance,
                          outstanding_finance=owed, finance_lender="上汽通用汽车金融", deal_id=deal_id)


def _automatic(view: deals.DealView) -> list[deals.DealLineView]:
    return [line for line in view.lines if line.automatic]


def test_negative_equity_is_charged_on_the_invoice_paid_by_the_customer_and_the_books_balance(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid, discount=1_000_00)
    before = deals.get(db, owner, saved.id)
    assert before.total == 119_000_00 and not _automatic(before)

    trade_ins.create_appraisal(db, owner, _appraisal(cid, saved.id, allowance=50_000_00, owed=80_000_00))
    view = deals.get(db, owner, saved.id)
    [line] = _automatic(view)
    assert (line.automatic, line.kind, line.description, line.quantity_milli, line.unit_price) == (
        deals.NEGATIVE_EQUITY, "fee", "Trade-in negative equity", 1000, 30_000_00)
    # Untaxed, no discount of its own nor a share of the deal's, last of the lines.
    assert (line.tax_code, line.tax, line.net, line.total, line.discount, line.deal_discount) == (
        "ZERO", 0, 30_000_00, 30_000_00, 0, 0)
    assert line.line_no == len(view.lines)
    assert view.total == before.total + 30_000_00 and view.price == before.price + 30_000_00
    assert view.to_pay == view.total  # the car leaves nothing to take off: the shortfall is in the total
    # A pass-through: no gross profit, and no change to the percentages that approvals judge.
    assert view.gross_profit == before.gross_profit
    assert (view.discount_bp, view.margin_bp) == (before.discount_bp, before.margin_bp)

    deals.order(db, owner, saved.id, deposit=10_000_00)
    made = deals.invoice(db, owner, saved.id)
    inv = invoices.get(db, owner, made.invoice_id)
    assert made.total == inv.total == before.total + 30_000_00
    assert [(x.description, x.item_type, x.tax_code, x.discount, x.total) for x in inv.lines][-1] == (
        "Trade-in negative equity 置换车负资产", "fee", "ZERO", 0, 30_000_00)
    assert [x.total for x in inv.lines] == [x.total for x in view.lines]
    assert inv.notes == f"Deal 销售单 {saved.number}", "the invoice, a bilingual document, names its deal in both"
    # No trade-in payment: the car pays nothing towards the invoice.
    methods = raw_rows(db_path, "SELECT p.method FROM allocation a JOIN payment p ON p.id = a.payment_id "
                                "WHERE a.invoice_id = ?", (made.invoice_id,))
    assert methods == [("cash",)]
    assert made.balance == made.total - 10_000_00

    payments.take_payment(db, owner, customer_id=cid, splits=[payments.PaymentSplit("card", made.balance)],
                          allocations={made.number: made.balance})
    assert invoices.get(db, owner, made.invoice_id).balance == 0
    assert deals.get(db, owner, saved.id).balance == 0

    today = date.today()
    lines = accounting.journal_entries(db, owner, start=date(today.year, 1, 1), end=date(today.year, 12, 31))
    per_ref: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x in lines:
        per_ref[x.reference][0] += x.debit
        per_ref[x.reference][1] += x.credit
    assert per_ref and all(debit == credit for debit, credit in per_ref.values()), per_ref
    mine = [x for x in lines if x.reference == made.number]
    # Revenue and cost of sales alike: the shortfall earns the dealership nothing.
    assert sum(x.credit for x in mine if x.key == "item:fee") == 30_000_00
    assert sum(x.debit for x in mine if x.key == "cost:fee") == 30_000_00
    assert sum(x.debit for x in mine if x.key == "receivables") == made.total


def test_positive_equity_removes_the_line_and_every_change_asks_for_approval_again(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid = customer(db, owner)
    saved = quote(db, sales, cid, stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, manager, saved.id)
    assert deals.get(db, owner, saved.id).approval_state == "approved"

    tid = trade_ins.create_appraisal(db, sales, _appraisal(cid, saved.id, allowance=50_000_00, owed=80_000_00))
    view = deals.get(db, owner, saved.id)
    assert [x.unit_price for x in _automatic(view)] == [30_000_00]
    assert view.approval_state == "pending"  # the shortfall is part of what was approved
    deals.approve(db, manager, saved.id)

    # More finance found on the car: the line follows, and approval is asked again.
    trade_ins.update_appraisal(db, sales, tid, _appraisal(cid, saved.id, allowance=50_000_00, owed=85_000_00))
    view = deals.get(db, owner, saved.id)
    assert [x.unit_price for x in _automatic(view)] == [35_000_00]
    assert view.approval_state == "pending"
    deals.approve(db, manager, saved.id)

    # Saving the deal as the editor does (without the automatic line) keeps the line, after the typed ones.
    lines = [DealLineInput(kind=x.kind, description=x.description, unit_price=x.unit_price,
                           quantity_milli=x.quantity_milli, discount=x.discount, discount_bp=x.discount_bp,
                           unit_cost=x.unit_cost or 0, tax_code=x.tax_code) for x in view.lines if not x.automatic]
    lines.append(DealLineInput(kind="accessory", description="脚垫", unit_price=800_00))
    deals.save(db, sales, saved.id, DealInput(customer_id=cid, stock_vehicle_id=view.stock_vehicle_id, lines=lines,
                                              discount_bp=500))
    view = deals.get(db, owner, saved.id)
    assert [(x.line_no, x.automatic) for x in view.lines] == [(1, ""), (2, ""), (3, deals.NEGATIVE_EQUITY)]
    deals.approve(db, manager, saved.id)

    # The equity turns positive: the line goes, what is left of the car comes off what the customer pays.
    trade_ins.update_appraisal(db, sales, tid, _appraisal(cid, saved.id, allowance=90_000_00, owed=80_000_00))
    view = deals.get(db, owner, saved.id)
    assert not _automatic(view)
    assert raw_rows(db_path, "SELECT count(*) FROM deal_line WHERE deal_id = ? AND automatic <> ''",
                    (saved.id,)) == [(0,)]
    assert view.to_pay == view.total - 10_000_00
    assert view.approval_state == "pending"


def test_declining_the_trade_in_takes_the_line_off(db, owner):
    cid = customer(db, owner)
    saved = quote(db, owner, cid, stock_vehicle(db, owner))
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid, saved.id, allowance=20_000_00, owed=21_000_00))
    assert [x.total for x in _automatic(deals.get(db, owner, saved.id))] == [1_000_00]
    trade_ins.move(db, owner, tid, "appraised")
    trade_ins.move(db, owner, tid, "declined")
    view = deals.get(db, owner, saved.id)
    assert not _automatic(view) and view.total == 120_000_00
