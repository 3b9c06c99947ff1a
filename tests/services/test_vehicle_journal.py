"""Vehicle stock reaches the journal, on a real database: a car's purchase and added costs go into
the vehicle inventory, its sale takes them out to cost of sales, a credit note taking the car back
returns it, a trade-in enters at its actual cash value with the over-allowance a cost of the sale,
and the stock account (库存商品) equals the parts valuation plus the vehicle valuation on every day."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from core import clock
from core.errors import Conflict, ValidationError
from models.vehicles import StockEvent
from services.billing import accounting, invoices, margin
from services.parts import catalogue
from services.parts import stock as parts_stock
from services.parts.catalogue import PartInput
from services.sales import deals, finance, trade_ins
from services.sales.trade_ins import AppraisalInput, ReconditioningInput
from services.vehicles import inventory, ledger
from services.vehicles import stock as vehicle_stock
from store.uow import UnitOfWork, action
from tests.services.deal_samples import customer, quote, stock_vehicle
from tests.services.samples import chinese_vin, raw_rows

START = date(2000, 1, 1)
ARRIVED = date(2026, 11, 1)  # the sample stock vehicles' arrival day
STOCK = "1405"


def _day(n: int) -> date:
    return date(2026, 11, n)


def _balance(lines, *, account: str | None = None, key: str | None = None) -> int:
    return sum(x.debit - x.credit for x in lines
               if (account is None or x.account == account) and (key is None or x.key == key))


def _journal(db, owner, end: date):
    return accounting.journal_entries(db, owner, start=START, end=end)


def _balanced(lines) -> bool:
    per_ref: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x in lines:
        per_ref[x.reference][0] += x.debit
        per_ref[x.reference][1] += x.credit
    return bool(per_ref) and all(debit == credit for debit, credit in per_ref.values())


def _vehicle_value(db, on: date) -> int:
    with db.read() as conn:
        return ledger.stock_value(conn, on)


def _whole_car(db, owner, invoice_id: str) -> dict[str, int]:
    line = next(x for x in invoices.get(db, owner, invoice_id).lines if x.item_type == "vehicle")
    return {line.id: line.quantity_milli}


def test_a_new_car_is_bought_into_stock_and_its_sale_takes_its_whole_cost_out(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner, cost=90_000_00)
    inventory.add_cost(db, owner, sid, "freight", 1_200_00, incurred_on=_day(3))
    saved = quote(db, owner, cid, sid, accessories=800_00)
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id, on=_day(10))
    # Found after the sale: it is a cost of that sale, never stock.
    inventory.add_cost(db, owner, sid, "registration", 500_00, incurred_on=_day(12))

    lines = _journal(db, owner, _day(30))
    assert _balanced(lines)
    arrival = [(x.key, x.debit, x.credit) for x in lines if x.reference == "VEH-S0001"]
    assert arrival == [("vehicle_inventory", 90_000_00, 0), ("goods_received", 0, 90_000_00)]
    assert all(x.on == ARRIVED for x in lines if x.reference == "VEH-S0001")
    sale = [(x.key, x.account, x.debit, x.credit) for x in lines if x.reference == made.number]
    assert ("cost:vehicle", "6401", 91_200_00, 0) in sale
    assert ("vehicle_inventory", STOCK, 0, 91_200_00) in sale
    # The accessory came from no stock: its cost is owed to its supplier, not taken out of 库存商品.
    assert ("stock:accessory", "2202", 0, 400_00) in sale
    assert not any(x.key == "stock:vehicle" for x in lines)
    later = [(x.key, x.debit, x.credit) for x in lines if x.on == _day(12)]
    assert later == [("cost:vehicle", 500_00, 0), ("goods_received", 0, 500_00)]
    assert _balance(lines, account=STOCK) == _vehicle_value(db, _day(30)) == 0
    assert _vehicle_value(db, _day(9)) == 91_200_00


def test_a_trade_in_enters_at_its_value_and_the_clearing_account_holds_the_finance_to_pay_off(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    tid = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(77), make="VW", model="Passat", appraised_on=_day(5),
        actual_cash_value=45_000_00, allowance=50_000_00, outstanding_finance=20_000_00, finance_lender="平安银行",
        deal_id=saved.id, reconditioning=[ReconditioningInput("tyres", 2_000_00)]))
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id, on=_day(10))
    used = trade_ins.take_in(db, owner, tid, on=_day(10))

    lines = _journal(db, owner, _day(30))
    assert _balanced(lines)
    number = inventory.get(db, owner, used).stock_number
    taken = sorted((x.key, x.debit, x.credit) for x in lines if x.reference == f"VEH-{number}")
    # In at its actual cash value; the 5,000 over-allowance is a cost of the sale; the customer was
    # given the allowance.
    assert taken == sorted([("vehicle_inventory", 45_000_00, 0), ("cost:vehicle", 5_000_00, 0),
                            ("method:trade_in", 0, 50_000_00)])
    # The invoice was settled by the equity (allowance less the finance the dealership pays off): the
    # clearing account is left owing the lender exactly that finance.
    assert sum(x.debit for x in lines if x.reference.startswith("PAY-") and x.key == "method:trade_in") == 30_000_00
    assert _balance(lines, key="method:trade_in") == -20_000_00
    assert {x.account for x in lines if x.key == "method:trade_in"} == {"2241"}
    # The used car and its reconditioning are the stock left; the new car went with its sale.
    assert _balance(lines, account=STOCK) == _vehicle_value(db, _day(30)) == 47_000_00
    assert sum(x.debit for x in lines if x.reference == made.number and x.key == "cost:vehicle") == 90_000_00
    # The month's and the sales department's gross profit carry the over-allowance, as the books do.
    [november] = margin.monthly_margins(db, owner, start=_day(1), end=_day(30))
    sales = next(d for d in margin.department_margins(db, owner, start=_day(1), end=_day(30))
                 if d.department == "sales")
    assert november.vehicle_costs == sales.vehicle_costs == 5_000_00
    assert november.profit == november.net - november.cost - 5_000_00
    assert _balance(lines, key="cost:vehicle") == november.cost + november.vehicle_costs


def test_a_credit_note_taking_the_car_back_returns_it_to_stock_and_to_its_deal(db, db_path, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    first = deals.invoice(db, owner, saved.id, on=_day(10))
    assert inventory.get(db, owner, sid).status == "sold"

    with pytest.raises(ValidationError) as exc:  # a car is not taken back in part
        invoices.create_credit_note(db, owner, first.invoice_id,
                                    lines={k: 500 for k in _whole_car(db, owner, first.invoice_id)}, on=_day(12))
    assert exc.value.field == "lines[1].quantity"
    invoices.create_credit_note(db, owner, first.invoice_id, lines=_whole_car(db, owner, first.invoice_id),
                                on=_day(12), reason="wrong colour ordered")
    car = inventory.get(db, owner, sid)
    assert (car.status, car.sold_on) == ("reserved", None)
    view = deals.get(db, owner, saved.id)
    assert view.status == "ordered"

    second = deals.invoice(db, owner, saved.id, on=_day(14))
    assert second.number != first.number and inventory.get(db, owner, sid).status == "sold"
    # Delivered, the customer has the car: only its price can be credited, and that takes no car back.
    action(vehicle_stock.deliver_in)(db, owner, sid, saved.id, on=_day(15))
    before = raw_rows(db_path, "SELECT count(*) FROM invoice WHERE kind = 'credit_note'")
    with pytest.raises(Conflict):
        invoices.create_credit_note(db, owner, second.invoice_id, lines=_whole_car(db, owner, second.invoice_id),
                                    on=_day(15))
    assert raw_rows(db_path, "SELECT count(*) FROM invoice WHERE kind = 'credit_note'") == before
    line = next(x for x in invoices.get(db, owner, second.invoice_id).lines if x.item_type == "vehicle")
    invoices.create_credit_note(db, owner, second.invoice_id, amounts={line.id: 1_000_00}, on=_day(15))
    assert inventory.get(db, owner, sid).status == "delivered"

    for n in range(9, 17):
        lines = _journal(db, owner, _day(n))
        assert _balance(lines, account=STOCK) == _vehicle_value(db, _day(n)), _day(n)
    assert [_vehicle_value(db, _day(n)) for n in (11, 12, 13, 14, 15)] == [0, 90_000_00, 90_000_00, 0, 0]
    lines = _journal(db, owner, _day(16))
    assert _balanced(lines)
    assert _balance(lines, key="cost:vehicle") == 90_000_00  # sold twice, taken back once


def test_a_deal_invoiced_again_after_its_car_came_back_uses_the_money_it_already_had(db, owner):
    """Deposit, trade-in and loan paid the first invoice; its credit note leaves that money with the
    customer, and the second invoice takes it back rather than the trade-in and the loan again."""
    _cid, sid, saved, _tid, first = _deal_with_trade_in_and_loan(db, owner, accessories=3_000_00, credit=False)
    # Deposit 10,000, trade-in equity 30,000, loan 50,000.
    assert first.balance == first.total - 90_000_00

    # Only the car: refused, as the deal is invoiced again with all its lines.
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, first.invoice_id, lines=_whole_car(db, owner, first.invoice_id),
                                    on=_day(12))
    assert exc.value.field == "lines"
    assert inventory.get(db, owner, sid).status == "sold"
    invoices.create_credit_note(db, owner, first.invoice_id, on=_day(12), reason="wrong colour ordered")
    second = deals.invoice(db, owner, saved.id, on=_day(14))
    assert second.total == first.total and second.balance == first.balance

    lines = _journal(db, owner, _day(30))
    assert _balanced(lines)
    taken = [(x.key, x.debit) for x in lines if x.reference.startswith("PAY-") and x.debit]
    assert sorted(taken) == sorted([("method:cash", 10_000_00), ("method:trade_in", 30_000_00),
                                    ("method:finance_payout", 50_000_00)])
    # Taken once: the car itself is not in stock yet, so its allowance is still to be credited.
    assert _balance(lines, key="method:trade_in") == 30_000_00
    assert _balance(lines, key="customer_credit") == 0  # nothing left with the customer


def _deal_with_trade_in_and_loan(db, owner, *, n: int = 1, accessories: int = 0, credit: bool = True):
    """A deal paid by a 10,000 deposit, a trade-in (allowance 50,000, 20,000 owed on it) and a
    50,000 loan, invoiced on the 10th and, when ``credit``, credited whole on the 12th."""
    cid, sid = customer(db, owner), stock_vehicle(db, owner, n)
    saved = quote(db, owner, cid, sid, accessories=accessories)
    tid = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(60 + n), make="VW", model="Golf", appraised_on=_day(5),
        actual_cash_value=45_000_00, allowance=50_000_00, outstanding_finance=20_000_00, finance_lender="平安银行",
        deal_id=saved.id))
    loan = finance.create_loan(db, owner, finance.LoanInput(deal_id=saved.id, lender="平安银行", amount=50_000_00,
                                                           term_months=36, submitted_on=_day(5)))
    finance.move_loan(db, owner, loan, "approved", on=_day(6))
    finance.move_loan(db, owner, loan, "paid_out", on=_day(7))
    deals.order(db, owner, saved.id, deposit=10_000_00, on=_day(8))
    first = deals.invoice(db, owner, saved.id, on=_day(10))
    if credit:
        invoices.create_credit_note(db, owner, first.invoice_id, on=_day(12), reason="wrong colour ordered")
    return cid, sid, saved, tid, first


def test_a_trade_in_lowered_or_taken_off_after_the_credit_note_is_paid_at_its_new_worth(db, owner):
    cid, _sid, saved, tid, first = _deal_with_trade_in_and_loan(db, owner)
    trade_ins.update_appraisal(db, owner, tid, AppraisalInput(
        customer_id=cid, vin=chinese_vin(61), make="VW", model="Golf", appraised_on=_day(5),
        actual_cash_value=40_000_00, allowance=40_000_00, outstanding_finance=20_000_00, finance_lender="平安银行",
        deal_id=saved.id))
    second = deals.invoice(db, owner, saved.id, on=_day(14))
    # Equity 20,000 now, not 30,000: the customer has 10,000 more to pay.
    assert second.balance == first.balance + 10_000_00
    lines = _journal(db, owner, _day(30))
    assert _balanced(lines)
    assert _balance(lines, key="method:trade_in") == 20_000_00  # the equity, until the car is taken in
    assert _balance(lines, key="customer_credit") == 0


def test_a_deal_cancelled_after_its_car_came_back_pays_its_money_back_where_it_came_from(db, owner):
    _cid, sid, saved, tid, _first = _deal_with_trade_in_and_loan(db, owner)
    deals.cancel(db, owner, saved.id, "customer bought elsewhere", refund=True, refund_method="bank_transfer",
                 on=_day(13))
    lines = _journal(db, owner, _day(30))
    assert _balanced(lines)
    refunds = sorted((x.key, x.credit) for x in lines if x.reference.startswith("RFD-") and x.credit)
    # The trade-in's 30,000 leaves the clearing account, the loan's 50,000 goes back to the lender's
    # bank, the deposit's 10,000 to the customer.
    assert refunds == sorted([("method:trade_in", 30_000_00), ("method:finance_payout", 50_000_00),
                              ("method:bank_transfer", 10_000_00)])
    assert _balance(lines, key="method:trade_in") == 0
    assert _balance(lines, key="customer_credit") == 0
    assert trade_ins.get_appraisal(db, owner, tid).status == "appraised"
    with pytest.raises(Conflict):
        trade_ins.take_in(db, owner, tid, on=_day(14))  # no longer accepted for a deal never made
    assert inventory.get(db, owner, sid).status == "in_stock"


def test_a_deal_invoiced_again_after_part_of_its_credit_was_paid_back_uses_what_is_left(db, owner):
    from services.billing import payments

    cid, _sid, saved, _tid, first = _deal_with_trade_in_and_loan(db, owner)
    payments.refund(db, owner, customer_id=cid, amount=5_000_00, method="cash", on=_day(13))
    second = deals.invoice(db, owner, saved.id, on=_day(14))
    assert second.balance == first.balance + 5_000_00
    assert _balance(_journal(db, owner, _day(30)), key="customer_credit") == 0


def test_a_cost_dated_before_a_sold_cars_sale_is_refused(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    deals.invoice(db, owner, saved.id, on=_day(10))
    with pytest.raises(ValidationError) as exc:
        inventory.add_cost(db, owner, sid, "freight", 1_000_00, incurred_on=_day(5))
    assert exc.value.field == "incurred_on"
    assert inventory.get(db, owner, sid).total_cost == 90_000_00
    inventory.add_cost(db, owner, sid, "registration", 500_00, incurred_on=_day(10))
    with pytest.raises(ValidationError) as exc:  # more than can be stored, however it is split
        for _ in range(3):
            inventory.add_cost(db, owner, sid, "other", 4 * 10**18, incurred_on=_day(10))
    assert exc.value.field == "amount"
    assert inventory.get(db, owner, sid).total_cost == 90_500_00 + 2 * 4 * 10**18


def test_a_cost_dated_before_the_first_sale_of_a_car_taken_back_is_refused(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    first = deals.invoice(db, owner, saved.id, on=_day(10))
    invoices.create_credit_note(db, owner, first.invoice_id, on=_day(12))
    with pytest.raises(ValidationError) as exc:
        inventory.add_cost(db, owner, sid, "freight", 700_00, incurred_on=_day(5))
    assert exc.value.field == "incurred_on"
    inventory.add_cost(db, owner, sid, "freight", 700_00, incurred_on=_day(12))


def test_a_purchase_cost_corrected_later_is_booked_on_the_day_of_the_correction(db, owner):
    sid = stock_vehicle(db, owner, cost=100_000_00)
    before = _journal(db, owner, _day(30))
    car = inventory.get(db, owner, sid)
    inventory.update(db, owner, sid, inventory.StockVehicleChanges(
        location=car.location, list_price=car.list_price, purchase_cost=80_000_00, ordered_on=car.ordered_on,
        produced_on=car.produced_on, arrived_on=car.arrived_on, notes=car.notes))
    car = inventory.get(db, owner, sid)
    assert (car.purchase_cost, car.total_cost) == (80_000_00, 80_000_00)
    assert [(c.kind, c.amount, c.incurred_on) for c in car.costs] == [
        ("purchase_correction", -20_000_00, clock.today())]
    # November's books are what they were; the correction is today's.
    assert _journal(db, owner, _day(30)) == before
    today = _journal(db, owner, clock.today())
    assert [(x.key, x.debit, x.credit) for x in today if x.on == clock.today()] == [
        ("goods_received", 20_000_00, 0), ("vehicle_inventory", 0, 20_000_00)]
    assert _balance(today, account=STOCK) == _vehicle_value(db, clock.today()) == 80_000_00
    # Typing the same figure again changes nothing.
    inventory.update(db, owner, sid, replace(inventory.StockVehicleChanges(
        location=car.location, list_price=car.list_price, purchase_cost=80_000_00, arrived_on=car.arrived_on)))
    assert len(inventory.get(db, owner, sid).costs) == 1


def test_an_arrival_day_is_corrected_only_on_the_day_it_was_entered(db, owner):
    entered = inventory.add(db, owner, inventory.StockVehicleInput(
        vin=chinese_vin(41), make="BYD", model="Han", status="in_stock", arrived_on=clock.today() - timedelta(days=3),
        purchase_cost=150_000_00))
    car = inventory.get(db, owner, entered)
    changes = inventory.StockVehicleChanges(location=car.location, list_price=car.list_price,
                                            arrived_on=clock.today() - timedelta(days=2))
    inventory.update(db, owner, entered, changes)  # entered today: a typing mistake is put right
    assert inventory.get(db, owner, entered).arrived_on == clock.today() - timedelta(days=2)
    older = stock_vehicle(db, owner)  # in the books since an earlier day
    with UnitOfWork(db, owner) as uow:  # a move "into stock" today: a released reservation
        uow.session.add(StockEvent(stock_vehicle_id=older, at=clock.now() - timedelta(days=30), by="owner",
                                   from_status="on_order", to_status="in_stock"))
        uow.session.add(StockEvent(stock_vehicle_id=older, at=clock.now(), by="owner", from_status="reserved",
                                   to_status="in_stock"))
        uow.commit()
    with pytest.raises(ValidationError) as exc:
        inventory.update(db, owner, older, replace(changes, arrived_on=_day(2)))
    assert exc.value.field == "arrived_on"
    assert inventory.get(db, owner, older).arrived_on == ARRIVED


def test_a_sold_cars_purchase_cost_and_arrival_stay_those_its_sale_was_booked_with(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    deals.invoice(db, owner, saved.id, on=_day(10))
    car = inventory.get(db, owner, sid)
    changes = inventory.StockVehicleChanges(location=car.location, list_price=car.list_price, purchase_cost=1,
                                            ordered_on=car.ordered_on, produced_on=car.produced_on,
                                            arrived_on=car.arrived_on, notes=car.notes, colour="")
    with pytest.raises(ValidationError) as exc:
        inventory.update(db, owner, sid, changes)
    assert exc.value.field == "purchase_cost"
    with pytest.raises(ValidationError) as exc:
        inventory.update(db, owner, sid, replace(changes, purchase_cost=None, arrived_on=_day(2)))
    assert exc.value.field == "arrived_on"
    assert inventory.get(db, owner, sid).purchase_cost == 90_000_00


def test_the_stock_account_is_parts_plus_vehicles_on_every_day(db, owner, tmp_path):
    """Parts received and sold, cars bought, costed, sold, taken back and resold, a trade-in taken
    in: on every day the journal's 库存商品 equals the two valuations added up."""
    part = catalogue.create_part(db, owner, PartInput(brand="Bosch", part_number="0986452041", description="Filter"))
    with UnitOfWork(db, owner) as uow:
        parts_stock.record_movement(uow.session, part_id=part, kind="receipt", quantity=4000, unit_cost=3_000,
                                    moved_on=_day(2), reference="PO-1")
        uow.commit()
    cid = customer(db, owner)
    cars = [stock_vehicle(db, owner, n, cost=(80 + n) * 1_000_00) for n in (1, 2, 3)]
    inventory.add_cost(db, owner, cars[0], "freight", 900_00, incurred_on=_day(4))
    parts_stock.issue(db, owner, part, 1000, reference="RO-1", on=_day(5))
    sold = []
    for n, sid in enumerate(cars[:2]):
        saved = quote(db, owner, cid, sid)
        deals.order(db, owner, saved.id)
        sold.append((saved.id, deals.invoice(db, owner, saved.id, on=_day(6 + n))))
    tid = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(88), make="VW", model="Golf", appraised_on=_day(8),
        actual_cash_value=30_000_00, allowance=28_000_00))
    trade_ins.move(db, owner, tid, "accepted")
    bought = trade_ins.take_in(db, owner, tid, on=_day(9))
    deal_id, first = sold[1]
    invoices.create_credit_note(db, owner, first.invoice_id, lines=_whole_car(db, owner, first.invoice_id),
                                on=_day(10))
    inventory.add_cost(db, owner, cars[1], "reconditioning", 300_00, incurred_on=_day(11))
    deals.invoice(db, owner, deal_id, on=_day(12))
    inventory.add_cost(db, owner, cars[0], "registration", 200_00, incurred_on=_day(12))

    expected_vehicles = {1: 81_000_00 + 82_000_00 + 83_000_00, 5: 81_900_00 + 82_000_00 + 83_000_00,
                         6: 82_000_00 + 83_000_00, 7: 83_000_00, 9: 83_000_00 + 30_000_00,
                         10: 82_000_00 + 83_000_00 + 30_000_00,
                         11: 82_300_00 + 83_000_00 + 30_000_00, 12: 83_000_00 + 30_000_00}
    for n in range(1, 14):
        day = _day(n)
        lines = _journal(db, owner, day)
        with db.read() as conn:
            parts = parts_stock.valuation(conn, on=day)
        vehicles = _vehicle_value(db, day)
        assert _balance(lines, account=STOCK) == parts + vehicles, day
        assert _balance(lines, key="inventory") == parts
        assert _balance(lines, key="vehicle_inventory") == vehicles
        if n in expected_vehicles:
            assert vehicles == expected_vehicles[n], day
        assert _balanced(lines)
    # The arrival of the three cars, before the parts arrived, is in stock at cost on day 1.
    assert _vehicle_value(db, ARRIVED) == 81_000_00 + 82_000_00 + 83_000_00
    # A used car bought outright (on no deal) is owed to its seller at the price agreed.
    number = inventory.get(db, owner, bought).stock_number
    assert sorted((x.key, x.debit, x.credit) for x in _journal(db, owner, _day(9)) if x.reference == f"VEH-{number}"
                  ) == [("cost:vehicle", 0, 2_000_00), ("goods_received", 0, 28_000_00),
                        ("vehicle_inventory", 30_000_00, 0)]
    # The accountant's valuation list of a day adds up to the stock account of that day.
    for n in (5, 11):
        out = tmp_path / f"valuation-{n}.csv"
        written = accounting.stock_valuation(db, owner, out, on=_day(n))
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert written == len(rows) == 1 + 3  # the filter, and the three cars held on either day
        assert sum(Decimal(r["value"]) for r in rows) * 100 == _balance(_journal(db, owner, _day(n)), account=STOCK)
        assert {r["account"] for r in rows} == {STOCK}
    # Sold: 81,900 and 82,000; the trade-in's under-allowance −2,000; taken back −82,000; resold
    # 82,300; a cost after its sale 200.
    assert _balance(_journal(db, owner, _day(13)), key="cost:vehicle") == 162_400_00


def test_a_journal_export_for_a_later_period_starts_from_the_vehicles_still_in_stock(db, owner, tmp_path):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id, on=_day(10))
    lines = accounting.journal_entries(db, owner, start=_day(5), end=_day(30))
    # The arrival belongs to the earlier period; only the sale's cost falls in this one.
    assert not any(x.reference.startswith("VEH-") for x in lines)
    assert _balance([x for x in lines if x.reference == made.number], key="vehicle_inventory") == -90_000_00
    path = tmp_path / "journal.csv"
    written = accounting.journal(db, owner, path, start=ARRIVED, end=_day(30))
    text = path.read_text(encoding="utf-8-sig")
    assert written == len(accounting.journal_entries(db, owner, start=ARRIVED, end=_day(30)))
    assert "VEH-S0001" in text and "Vehicle S0001 into stock" in text


def test_a_car_given_a_price_credit_can_still_be_taken_back_whole(db, owner):
    cid, sid = customer(db, owner), stock_vehicle(db, owner)
    saved = quote(db, owner, cid, sid)
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id, on=_day(10))
    car_line = next(iter(_whole_car(db, owner, made.invoice_id)))
    invoices.create_credit_note(db, owner, made.invoice_id, amounts={car_line: 1_000_00}, on=_day(11))
    note = invoices.create_credit_note(db, owner, made.invoice_id, on=_day(12))
    assert invoices.get(db, owner, note).total == made.total - 1_000_00
    assert inventory.get(db, owner, sid).status == "reserved"
    lines = _journal(db, owner, _day(30))
    assert _balanced(lines) and _balance(lines, account=STOCK) == _vehicle_value(db, _day(30)) == 90_000_00


def test_a_deal_cancelled_after_its_car_came_back_can_keep_the_customers_money_as_credit(db, db_path, owner):
    _cid, _sid, saved, _tid, _first = _deal_with_trade_in_and_loan(db, owner, n=2)
    deals.cancel(db, owner, saved.id, "customer will choose another car", refund=False, on=_day(13))
    lines = _journal(db, owner, _day(30))
    # The trade-in and the loan go back where they came from; the deposit stays with the customer.
    assert _balance(lines, key="customer_credit") == -10_000_00
    assert _balance(lines, key="method:trade_in") == 0
    assert raw_rows(db_path, "SELECT count(*) FROM audit_entry WHERE action = 'hold_credit'") == [(1,)]
