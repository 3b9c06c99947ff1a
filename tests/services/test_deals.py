"""Deals on a real database: quotation → approvals at each level → order with deposit → invoice →
delivery, and the refusals and re-approvals on the way."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import Conflict, PermissionDenied, ValidationError
from models.sales import LoanApplication, TradeIn
from services.billing import invoices, payments
from services.sales import approvals, deals, delivery
from services.sales.deals import DealInput, DealLineInput
from services.workshop import orders
from store.uow import UnitOfWork
from tests.services.deal_samples import customer, quote, stock_vehicle
from tests.services.samples import chinese_vin, raw_rows


def _deal(db_path, deal_id) -> tuple:
    return raw_rows(db_path, "SELECT status, approval_state, approval_level, price, discount, total, gross_profit "
                             "FROM deal WHERE id = ?", (deal_id,))[0]


def _stock(db_path, sid) -> tuple:
    return raw_rows(db_path, "SELECT status, deal_id FROM stock_vehicle WHERE id = ?", (sid,))[0]


def test_a_quotation_is_priced_exactly_and_its_gross_profit_counts_costs_and_over_allowance(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid, discount=1_000_00, accessories=3_000_00)
    view = deals.get(db, owner, saved.id)
    assert saved.number.startswith("DL")
    assert view.price == 123_000_00 and view.discount == 1_000_00 and view.total == 122_000_00
    assert [line.deal_discount for line in view.lines] == [97561, 2439]  # shared as billing shares (rounded down)
    # Prices include 13 % VAT: net = total / 1.13 per line, rounded half-up.
    assert view.net_total == sum(line.net for line in view.lines) == 10796460
    assert view.gross_profit == view.net_total - 90_000_00 - 1_500_00
    with UnitOfWork(db, owner) as uow:
        from services import vehicles
        from services.vehicles import VehicleInput

        trade_vehicle = vehicles.create_in(uow, VehicleInput(vin=chinese_vin(90), make="VW", model="Passat"))
        uow.session.add(TradeIn(customer_id=cid, deal_id=saved.id, vehicle_id=trade_vehicle, appraised_on=date.today(),
                                actual_cash_value=50_000_00, allowance=52_000_00))
        uow.session.flush()
        deals.refresh_in(uow, saved.id)
        uow.commit()
    again = deals.get(db, owner, saved.id)
    assert again.gross_profit == view.gross_profit - 2_000_00
    assert again.trade_in_allowance == 52_000_00 and again.to_pay == 122_000_00 - 52_000_00


def test_a_discount_within_the_salespersons_limits_needs_no_approval(db, db_path, owner, actor_for):
    sales = actor_for("salesperson")
    saved = quote(db, sales, customer(db, owner), stock_vehicle(db, owner), discount_bp=200)
    assert saved.approval_state == "not_needed"
    deals.order(db, actor_for("sales_manager"), saved.id)
    assert _deal(db_path, saved.id)[0] == "ordered"


def test_a_discount_beyond_the_salespersons_limit_goes_to_approval_never_through(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    sid = stock_vehicle(db, owner)
    saved = quote(db, sales, customer(db, owner), sid, discount_bp=500)
    assert (saved.approval_state, saved.approval_level) == ("pending", 2)
    with pytest.raises(ValidationError) as refused:
        deals.order(db, manager, saved.id)
    assert refused.value.field == "approval" and "the approval of the sales manager" in str(refused.value)
    assert saved.waiting_for == "the sales manager"
    assert _deal(db_path, saved.id)[0] == "quotation" and _stock(db_path, sid) == ("in_stock", None)
    assert [r.number for r in deals.inbox(db, manager)] == [saved.number]
    assert deals.approve(db, manager, saved.id).state == "approved"
    assert deals.inbox(db, manager) == []
    deals.order(db, manager, saved.id)
    assert _stock(db_path, sid) == ("reserved", saved.id)


def test_a_deal_beyond_the_managers_limits_needs_the_manager_then_the_owner_in_order(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    saved = quote(db, sales, customer(db, owner), stock_vehicle(db, owner, cost=110_000_00), discount_bp=1000)
    assert (saved.approval_state, saved.approval_level) == ("pending", 2)
    assert deals.inbox(db, owner)[0].level == 2  # the owner sees every level
    standing = deals.approve(db, manager, saved.id)
    assert (standing.state, standing.waiting_level, standing.required_level) == ("pending", 3, 3)
    with pytest.raises(ValidationError) as not_yours:
        deals.approve(db, manager, saved.id)
    assert not_yours.value.field == "level"
    assert deals.inbox(db, manager) == []
    assert deals.approve(db, owner, saved.id).state == "approved"
    assert [(a.level, a.decision, a.by) for a in deals.get(db, owner, saved.id).approvals] == [
        (2, "approved", "u_sales_manager"), (3, "approved", "owner")]


def test_a_change_of_price_after_approval_asks_for_approval_again(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, sales, cid, sid, discount_bp=500)
    deals.approve(db, manager, saved.id)
    assert _deal(db_path, saved.id)[1] == "approved"
    changed = deals.save(db, sales, saved.id, DealInput(customer_id=cid, stock_vehicle_id=sid, lines=[
        DealLineInput(kind="vehicle", description="BYD Qin", unit_price=119_000_00)], discount_bp=500))
    assert (changed.approval_state, changed.approval_level) == ("pending", 2)
    assert [a.current for a in deals.get(db, owner, saved.id).approvals] == [False]
    # Saved unchanged, the approval holds.
    deals.approve(db, manager, saved.id)
    again = deals.save(db, sales, saved.id, DealInput(customer_id=cid, stock_vehicle_id=sid, lines=[
        DealLineInput(kind="vehicle", description="BYD Qin", unit_price=119_000_00)], discount_bp=500))
    assert again.approval_state == "approved"


def test_an_approver_sends_a_deal_back_with_a_note_the_salesperson_reads(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, sales, cid, sid, discount_bp=600)
    with pytest.raises(ValidationError) as no_note:
        deals.send_back(db, manager, saved.id, "  ")
    assert no_note.value.field == "note"
    standing = deals.send_back(db, manager, saved.id, "Too much: 4 % at most")
    assert standing.state == "sent_back"
    view = deals.get(db, sales, saved.id)
    assert (view.approval_state, view.sent_back_note) == ("sent_back", "Too much: 4 % at most")
    assert deals.inbox(db, manager) == []
    with pytest.raises(ValidationError, match="sent back"):
        deals.order(db, manager, saved.id)
    lower = deals.save(db, sales, saved.id, DealInput(customer_id=cid, stock_vehicle_id=sid, lines=[
        DealLineInput(kind="vehicle", description="BYD Qin", unit_price=120_000_00)], discount_bp=400))
    assert lower.approval_state == "pending"


def test_approval_levels_are_configurable(db, owner, actor_for):
    approvals.save_levels(db, owner, [approvals.LevelInput("salesperson", 600, 300),
                                      approvals.LevelInput("owner", None, None)])
    saved = quote(db, actor_for("salesperson"), customer(db, owner), stock_vehicle(db, owner), discount_bp=500)
    assert saved.approval_state == "not_needed"
    with pytest.raises(ValidationError) as bad:
        approvals.save_levels(db, owner, [approvals.LevelInput("salesperson", 600, 300),
                                          approvals.LevelInput("owner", 900, None)])
    assert bad.value.field == "levels[2]"


def test_ordering_reserves_the_vehicle_and_takes_the_deposit_in_one_transaction(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    with pytest.raises(ValidationError):
        deals.order(db, owner, saved.id, deposit=5_000_00, method="no_such_method")
    assert _stock(db_path, sid) == ("in_stock", None) and _deal(db_path, saved.id)[0] == "quotation"
    payment_id = deals.order(db, owner, saved.id, deposit=5_000_00, method="wechat_pay")
    assert _stock(db_path, sid) == ("reserved", saved.id)
    assert raw_rows(db_path, "SELECT amount, method, held_for FROM payment WHERE id = ?", (payment_id,)) == [
        (5_000_00, "wechat_pay", saved.number)]


def test_a_vehicle_reserved_by_another_deal_cannot_be_ordered(db, db_path, owner):
    sid = stock_vehicle(db, owner)
    first = quote(db, owner, customer(db, owner, "王芳"), sid)
    second = quote(db, owner, customer(db, owner, "李娜"), sid)
    deals.order(db, owner, first.id)
    with pytest.raises(Conflict) as refused:
        deals.order(db, owner, second.id, deposit=1_000_00)
    assert "held by another deal" in str(refused.value) and first.number in str(refused.value)
    assert _deal(db_path, second.id)[0] == "quotation" and _stock(db_path, sid) == ("reserved", first.id)
    assert raw_rows(db_path, "SELECT count(*) FROM payment") == [(0,)]
    with pytest.raises(ValidationError) as on_quote:
        quote(db, owner, customer(db, owner, "赵磊"), sid)
    assert on_quote.value.field == "stock_vehicle_id"


@pytest.mark.parametrize("refund", [True, False])
def test_cancelling_releases_the_vehicle_and_refunds_or_holds_the_deposit(db, db_path, owner, refund):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id, deposit=5_000_00, method="bank_transfer")
    with pytest.raises(ValidationError) as no_reason:
        deals.cancel(db, owner, saved.id, " ")
    assert no_reason.value.field == "reason"
    deals.cancel(db, owner, saved.id, "Customer bought elsewhere", refund=refund, refund_method="bank_transfer")
    assert _deal(db_path, saved.id)[0] == "cancelled" and _stock(db_path, sid) == ("in_stock", None)
    credit = payments.customer_credit(db.engine.connect(), cid)
    assert credit == (0 if refund else 5_000_00)
    refunds = raw_rows(db_path, "SELECT amount FROM payment WHERE amount < 0")
    assert refunds == ([(-5_000_00,)] if refund else [])


def _pdi_done(db, actor, deal_id) -> None:
    ro_id = delivery.open_pdi(db, actor, deal_id)
    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, actor, ro_id, status)


def test_the_whole_deal_from_quotation_to_delivery(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, sales, cid, sid, discount_bp=500, accessories=2_000_00)
    deals.approve(db, manager, saved.id)
    deals.order(db, manager, saved.id, deposit=10_000_00)
    view = deals.get(db, owner, saved.id)
    made = deals.invoice(db, manager, saved.id)
    inv = invoices.get(db, owner, made.invoice_id)
    assert (inv.kind, inv.status, inv.reference) == ("vehicle_sale", "posted", saved.number)
    assert (inv.total, inv.net_total, inv.tax_total) == (view.total, view.net_total, view.tax_total)
    assert [line.total for line in inv.lines] == [line.total for line in view.lines]
    assert inv.paid == 10_000_00 and made.balance == view.total - 10_000_00
    assert _stock(db_path, sid) == ("sold", saved.id)
    with pytest.raises(ValidationError) as refused:
        delivery.deliver(db, sales, saved.id)
    text = str(refused.value)
    for open_item in ("unpaid and no finance approved", "PDI job not opened", "Registration not done",
                      "Keys not handed over"):
        assert open_item in text
    payments.take_payment(db, manager, customer_id=cid, splits=[payments.PaymentSplit("card", made.balance)],
                          allocations={made.number: made.balance})
    _pdi_done(db, owner, saved.id)
    delivery.tick(db, sales, saved.id, "registration", True)
    delivery.tick(db, sales, saved.id, "keys", True)
    assert all(item.done for item in delivery.checklist(db, sales, saved.id))
    delivery.deliver(db, sales, saved.id)
    assert _deal(db_path, saved.id)[0] == "delivered" and _stock(db_path, sid) == ("delivered", saved.id)
    owner_id, handed = raw_rows(db_path, "SELECT v.owner_id, d.handed_to FROM vehicle v JOIN stock_vehicle s "
                                         "ON s.vehicle_id = v.id JOIN vehicle_document d ON d.vehicle_id = v.id "
                                         "WHERE s.id = ?", (sid,))[0]
    assert owner_id == cid and handed == "张伟"


def test_the_trade_in_and_a_paid_out_loan_settle_the_invoice(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    with UnitOfWork(db, owner) as uow:
        from services import vehicles
        from services.vehicles import VehicleInput

        tv = vehicles.create_in(uow, VehicleInput(vin=chinese_vin(90), make="VW", model="Passat"))
        uow.session.add(TradeIn(customer_id=cid, deal_id=saved.id, vehicle_id=tv, appraised_on=date.today(),
                                actual_cash_value=30_000_00, allowance=30_000_00, outstanding_finance=5_000_00))
        uow.session.add(LoanApplication(deal_id=saved.id, lender="平安银行", amount=60_000_00, term_months=36,
                                        submitted_on=date.today(), status="paid_out"))
        uow.session.flush()
        deals.refresh_in(uow, saved.id)
        uow.commit()
    deals.order(db, owner, saved.id, deposit=5_000_00)
    made = deals.invoice(db, owner, saved.id)
    methods = raw_rows(db_path, "SELECT p.method, a.amount FROM allocation a JOIN payment p ON p.id = a.payment_id "
                                "WHERE a.invoice_id = ? ORDER BY p.method", (made.invoice_id,))
    assert methods == [("cash", 5_000_00), ("finance_payout", 60_000_00), ("trade_in", 25_000_00)]
    assert made.balance == 120_000_00 - 90_000_00


def test_approved_finance_lets_a_deal_be_delivered_with_a_balance_open(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    with UnitOfWork(db, owner) as uow:
        uow.session.add(LoanApplication(deal_id=saved.id, lender="平安银行", amount=100_000_00, term_months=36,
                                        submitted_on=date.today(), status="approved"))
        uow.commit()
    deals.order(db, owner, saved.id, deposit=20_000_00)
    deals.invoice(db, owner, saved.id)
    _pdi_done(db, owner, saved.id)
    delivery.tick(db, owner, saved.id, "registration", True)
    delivery.tick(db, owner, saved.id, "keys", True)
    delivery.deliver(db, owner, saved.id)
    assert _deal(db_path, saved.id)[0] == "delivered"


@pytest.mark.parametrize("missing", ["invoice", "pdi_open", "documents"])
def test_delivery_is_refused_naming_what_is_open(db, db_path, owner, missing):
    cid = customer(db, owner)
    sid = stock_vehicle(db, owner, documents=missing != "documents")
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id, deposit=120_000_00)
    if missing != "invoice":
        deals.invoice(db, owner, saved.id)
    if missing == "pdi_open":
        delivery.open_pdi(db, owner, saved.id)
    else:
        _pdi_done(db, owner, saved.id)
    delivery.tick(db, owner, saved.id, "registration", True)
    delivery.tick(db, owner, saved.id, "keys", True)
    with pytest.raises(ValidationError) as refused:
        delivery.deliver(db, owner, saved.id)
    expected = {"invoice": "the invoice is not posted", "pdi_open": "still open",
                "documents": "Documents not received: certificate of conformity"}[missing]
    assert expected in str(refused.value)
    assert _deal(db_path, saved.id)[0] in ("ordered", "invoiced")
    assert _stock(db_path, sid)[0] in ("reserved", "sold")


def test_the_quotation_pdf_and_the_vehicle_sale_invoice_carry_what_a_chinese_sale_needs(db, db_path, owner, tmp_path):
    import pypdf

    from services.billing import documents as billing_documents
    from services.sales import documents

    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    with UnitOfWork(db, owner) as uow:
        from models.vehicles import StockVehicle, Vehicle

        vehicle = uow.session.get(Vehicle, uow.session.get(StockVehicle, sid).vehicle_id)
        vehicle.engine_number = "BYD472QA-2610001"
        uow.commit()
    saved = quote(db, owner, cid, sid, accessories=2_000_00)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(
        documents.quotation_pdf(db, owner, saved.id, tmp_path / "q.pdf")).pages)
    assert "报价单" in text and saved.number in text and "精品附件" in text and "张伟" in text
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id)
    view = invoices.get(db, owner, made.invoice_id)
    assert (view.vehicle.make, view.vehicle.model, view.vehicle.engine_number, view.vehicle.certificate_number) == (
        "BYD", "Qin", "BYD472QA-2610001", "WCC0000000001")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(
        billing_documents.invoice_pdf(db, owner, made.invoice_id, tmp_path / "i.pdf")).pages)
    for needed in ("发动机号 BYD472QA-2610001", "车辆合格证号 WCC0000000001", view.vehicle.vin, "品牌 BYD", "车型 Qin"):
        assert needed in text


def test_a_trade_in_changed_after_approval_asks_for_approval_again_before_ordering(db, db_path, owner, actor_for):
    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid = customer(db, owner)
    saved = quote(db, sales, cid, stock_vehicle(db, owner), discount_bp=500)
    with UnitOfWork(db, owner) as uow:
        from services import vehicles
        from services.vehicles import VehicleInput

        tv = vehicles.create_in(uow, VehicleInput(vin=chinese_vin(91), make="VW", model="Passat"))
        uow.session.add(TradeIn(customer_id=cid, deal_id=saved.id, vehicle_id=tv, appraised_on=date.today(),
                                actual_cash_value=20_000_00, allowance=20_000_00))
        uow.commit()
    deals.approve(db, manager, saved.id)
    with UnitOfWork(db, owner) as uow:
        # The appraisal is changed elsewhere, without telling the deal.
        trade = uow.session.query(TradeIn).filter_by(deal_id=saved.id).one()
        trade.allowance = 21_000_00
        uow.commit()
    with pytest.raises(ValidationError) as refused:
        deals.order(db, manager, saved.id)
    assert refused.value.field == "approval"
    assert _deal(db_path, saved.id)[:2] == ("quotation", "pending")


def test_delivering_wins_the_deals_lead(db, db_path, owner):
    from models.sales import Lead

    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    with UnitOfWork(db, owner) as uow:
        lead = Lead(customer_id=cid, status="quotation", salesperson="owner")
        uow.session.add(lead)
        uow.commit()
    saved = deals.save(db, owner, None, DealInput(customer_id=cid, stock_vehicle_id=sid, lead_id=lead.id))
    assert [line.kind for line in deals.get(db, owner, saved.id).lines] == ["vehicle"]
    deals.order(db, owner, saved.id, deposit=120_000_00)
    deals.invoice(db, owner, saved.id)
    _pdi_done(db, owner, saved.id)
    delivery.tick(db, owner, saved.id, "registration", True)
    delivery.tick(db, owner, saved.id, "keys", True)
    delivery.deliver(db, owner, saved.id)
    assert raw_rows(db_path, "SELECT status FROM lead WHERE id = ?", (lead.id,)) == [("won",)]


def test_quoting_a_lead_moves_it_to_the_quotation_stage_and_withdraws_a_lost_request(db, db_path, owner,
                                                                                    actor_for):
    from services.sales import leads
    from services.sales.leads import LeadInput

    sales = actor_for("salesperson")
    cid = customer(db, owner)
    lead_id = leads.create(db, sales, LeadInput(customer_id=cid, source="walk_in", make="BYD", model="Qin"))
    leads.request_lost(db, sales, lead_id, "price", "too dear")
    deals.save(db, sales, None, DealInput(customer_id=cid, stock_vehicle_id=stock_vehicle(db, owner),
                                          lead_id=lead_id))
    assert raw_rows(db_path, "SELECT status, lost_requested_by FROM lead WHERE id = ?", (lead_id,)) == [
        ("quotation", "")]


def test_approved_finance_short_of_the_balance_does_not_let_the_car_go(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    with UnitOfWork(db, owner) as uow:
        uow.session.add(LoanApplication(deal_id=saved.id, lender="平安银行", amount=10_000_00, term_months=36,
                                        submitted_on=date.today(), status="approved"))
        uow.commit()
    deals.order(db, owner, saved.id, deposit=20_000_00)
    deals.invoice(db, owner, saved.id)
    _pdi_done(db, owner, saved.id)
    delivery.tick(db, owner, saved.id, "registration", True)
    delivery.tick(db, owner, saved.id, "keys", True)
    payment = next(i for i in delivery.checklist(db, owner, saved.id) if i.key == "payment")
    assert not payment.done and "covers only" in str(payment.detail)
    with pytest.raises(ValidationError) as refused:
        delivery.deliver(db, owner, saved.id)
    assert "covers only" in str(refused.value)
    assert _deal(db_path, saved.id)[0] == "invoiced" and _stock(db_path, sid)[0] == "sold"


def test_changing_a_trade_in_through_its_appraisal_reprices_the_deal_at_once(db, db_path, owner, actor_for):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput

    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid = customer(db, owner)
    saved = quote(db, sales, cid, stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, manager, saved.id)
    before = _deal(db_path, saved.id)
    appraisal = AppraisalInput(customer_id=cid, vin=chinese_vin(92), make="VW", model="Passat",
                               actual_cash_value=20_000_00, allowance=23_000_00, deal_id=saved.id)
    tid = trade_ins.create_appraisal(db, manager, appraisal)
    after = _deal(db_path, saved.id)
    assert after[6] == before[6] - 3_000_00  # the over-allowance comes off the gross profit
    assert after[1] == "pending"  # and what was approved is asked again
    trade_ins.move(db, manager, tid, "appraised")
    trade_ins.move(db, manager, tid, "declined")
    assert _deal(db_path, saved.id)[6] == before[6]


def test_a_deal_discount_beyond_what_the_lines_come_to_is_refused_not_cut_down(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    lines = [DealLineInput(kind="vehicle", description="BYD Qin", unit_price=120_000_00, discount=10_000_00),
             DealLineInput(kind="accessory", description="Floor mats 脚垫", unit_price=1_000_00)]
    with pytest.raises(ValidationError) as refused:
        deals.save(db, owner, None, DealInput(customer_id=cid, stock_vehicle_id=sid, lines=lines,
                                              discount=111_000_01))
    assert refused.value.field == "discount"
    assert raw_rows(db_path, "SELECT count(*) FROM deal") == [(0,)]
    # Exactly what the lines come to is a deal given away, and is saved (it then needs approval).
    saved = deals.save(db, owner, None, DealInput(customer_id=cid, stock_vehicle_id=sid, lines=lines,
                                                  discount=111_000_00))
    assert deals.get(db, owner, saved.id).total == 0


def test_a_loan_paid_out_after_the_invoice_pays_the_invoice_and_lets_the_car_go(db, db_path, owner, actor_for):
    from services.sales import finance

    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    with UnitOfWork(db, owner) as uow:
        loan = LoanApplication(deal_id=saved.id, lender="平安银行", amount=60_000_00, term_months=36,
                               submitted_on=date.today(), status="approved", decided_on=date.today())
        uow.session.add(loan)
        uow.commit()
    deals.order(db, owner, saved.id, deposit=20_000_00)
    invoiced = deals.invoice(db, owner, saved.id)
    open_before = invoiced.balance
    assert open_before > 60_000_00
    # A salesperson may record the payout but not take money: refused, nothing changed.
    with pytest.raises(PermissionDenied):
        finance.move_loan(db, actor_for("salesperson"), loan.id, "paid_out")
    assert raw_rows(db_path, "SELECT status FROM loan_application WHERE id = ?", (loan.id,)) == [("approved",)]
    finance.move_loan(db, actor_for("cashier"), loan.id, "paid_out")
    with db.read() as conn:
        assert invoices.balance(conn, invoiced.invoice_id) == open_before - 60_000_00
    assert raw_rows(db_path, "SELECT method, amount FROM payment WHERE method = 'finance_payout'") == [
        ("finance_payout", 60_000_00)]


def test_an_approval_names_who_approves_next_and_a_send_back_who_sent_it(db, owner, actor_for):
    """Levels are named by the role that approves at them: the manager approving a deal that needs the
    owner too is told the owner approves next; a sent-back deal says who sent it back."""
    from services import users

    users.create_user(db, owner, username="mgr", password="password-123", role="sales_manager",
                      display_name="陈静")
    manager = users.login(db, "mgr", "password-123")
    sales = actor_for("salesperson")
    saved = quote(db, sales, customer(db, owner), stock_vehicle(db, owner), discount_bp=1000)
    assert (saved.approval_level, saved.waiting_for) == (2, "the sales manager")
    found = deals.approve(db, manager, saved.id)
    assert (found.state, found.waiting_level, found.approver) == ("pending", 3, "the owner")
    view = deals.get(db, owner, saved.id)
    assert view.waiting_for == "the owner"
    assert [(a.role, a.approver, a.by) for a in view.approvals] == [("sales_manager", "the sales manager", "mgr")]
    with pytest.raises(ValidationError) as refused:
        deals.approve(db, manager, saved.id)
    assert refused.value.field == "level" and "the owner" in str(refused.value)
    deals.send_back(db, owner, saved.id, "Too much off")
    view = deals.get(db, owner, saved.id)
    assert (view.approval_state, view.sent_back_note, view.sent_back_by) == (
        "sent_back", "Too much off", owner.username)
    assert view.waiting_for == ""


def test_a_trade_in_accepted_on_the_deal_is_taken_into_stock_before_the_car_goes_out(db, db_path, owner):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput

    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    vin = chinese_vin(94)
    trade_id = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=vin, make="VW", model="Passat", actual_cash_value=20_000_00, allowance=20_000_00,
        outstanding_finance=0, deal_id=saved.id))
    deals.order(db, owner, saved.id, deposit=10_000_00)
    made = deals.invoice(db, owner, saved.id)
    payments.take_payment(db, owner, customer_id=cid, splits=[payments.PaymentSplit("card", made.balance)],
                          allocations={made.number: made.balance})
    _pdi_done(db, owner, saved.id)
    delivery.tick(db, owner, saved.id, "registration", True)
    delivery.tick(db, owner, saved.id, "keys", True)
    [item] = [i for i in delivery.checklist(db, owner, saved.id) if i.key == "trade_in"]
    assert not item.done
    with pytest.raises(ValidationError) as refused:
        delivery.deliver(db, owner, saved.id)
    assert f"Trade-in not taken into stock: {vin}" in str(refused.value)
    assert _deal(db_path, saved.id)[0] == "invoiced"

    trade_ins.take_in(db, owner, trade_id)
    assert all(i.done for i in delivery.checklist(db, owner, saved.id))
    delivery.deliver(db, owner, saved.id)
    assert _deal(db_path, saved.id)[0] == "delivered"


def test_a_deal_without_a_trade_in_has_nothing_to_take_in(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    [item] = [i for i in delivery.checklist(db, owner, saved.id) if i.key == "trade_in"]
    assert item.done and item.detail.template == "No trade-in on this deal"


def test_a_deal_beyond_the_limits_names_the_margin_or_the_discount_and_the_limit_it_breaks(db, owner, actor_for):
    sales = actor_for("salesperson")
    cid = customer(db, owner)
    # No discount at all, but the car cost more than it sells for: the margin is what needs approval.
    loss = quote(db, sales, cid, stock_vehicle(db, owner, 1, cost=110_000_00))
    assert loss.approval_state == "pending"
    assert loss.beyond.template == "the margin is below the minimum of {minimum}"  # a salesperson sees no margins
    assert str(loss.beyond) == "the margin is below the minimum of 5%"
    as_owner = deals.save(db, owner, loss.id, DealInput(customer_id=cid, stock_vehicle_id=deals.get(
        db, owner, loss.id).stock_vehicle_id, lines=[DealLineInput(kind="vehicle", description="BYD Qin",
                                                                   unit_price=120_000_00)]))
    view = deals.get(db, owner, loss.id)
    assert str(as_owner.beyond) == f"the margin {view.margin_bp / 100:g}% is below the minimum of 5%"
    assert "discount" not in str(as_owner.beyond)
    # A discount beyond the limit with a margin still above it: the discount is named, against its limit.
    discounted = quote(db, sales, cid, stock_vehicle(db, owner, 2, cost=50_000_00), discount_bp=500)
    assert str(discounted.beyond) == "the discount 5% is above the limit of 3%"
    # Both: the two are named.
    both = quote(db, sales, cid, stock_vehicle(db, owner, 3, cost=110_000_00), discount_bp=500)
    assert str(both.beyond) == ("the discount 5% is above the limit of 3%, and the margin is below the minimum "
                                "of 5%")
    # Within the limits: nothing.
    assert str(quote(db, sales, cid, stock_vehicle(db, owner, 4), discount_bp=100).beyond) == ""


def test_a_trade_in_change_that_withdraws_an_approval_says_so_even_on_an_ordered_deal(db, db_path, owner, actor_for):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput

    sales, manager = actor_for("salesperson"), actor_for("sales_manager")
    cid = customer(db, owner)
    saved = quote(db, sales, cid, stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, manager, saved.id)
    deals.order(db, manager, saved.id)
    appraisal = AppraisalInput(customer_id=cid, vin=chinese_vin(93), make="VW", model="Passat",
                               actual_cash_value=20_000_00, allowance=20_000_00)
    tid = trade_ins.create_appraisal(db, sales, appraisal)
    said = (f"After the trade-in's change deal {saved.number} waits for the approval of the sales manager: it "
            "cannot be ordered or invoiced until then")
    # Accepted on the ordered deal: what was approved changed, and the one who accepted it is told.
    assert [str(t) for t in trade_ins.move(db, sales, tid, "accepted", deal_id=saved.id)] == [said]
    deals.approve(db, manager, saved.id)
    assert _deal(db_path, saved.id)[:2] == ("ordered", "approved")
    appraisal.deal_id, appraisal.allowance = saved.id, 23_000_00
    told = trade_ins.update_appraisal(db, sales, tid, appraisal)
    assert _deal(db_path, saved.id)[:2] == ("ordered", "pending")
    assert [str(t) for t in told] == [said]
    assert told[0].template.startswith("After the trade-in's change")
    # Already waiting: a further change tells nothing new.
    appraisal.allowance = 23_500_00
    assert trade_ins.update_appraisal(db, sales, tid, appraisal) == []
    # The refusal the screen gives at once is the one ordering or invoicing gives.
    view = deals.get(db, sales, saved.id)
    with pytest.raises(ValidationError) as at_once:
        deals.check_may_go_on(view)
    with pytest.raises(ValidationError) as later:
        deals.invoice(db, owner, saved.id)
    assert at_once.value.field == later.value.field == "approval"
    assert str(at_once.value.detail) == str(later.value.detail)
    deals.approve(db, manager, saved.id)
    deals.check_may_go_on(deals.get(db, sales, saved.id))  # approved: no refusal
