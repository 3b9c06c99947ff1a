"""Every service entry point that takes a money amount, a quantity or a rate refuses what SQLite
cannot store exactly (beyond 2^63−1) and floats, with a ValidationError naming the field, and
changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from core.errors import ValidationError
from core.money import STORABLE_MAX, to_minor
from core.quantities import quantity_from_text
from services import settings
from services.billing import cashdesk, invoices, payments, thirdparty
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.parts import catalogue, counts, purchasing, stock
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput
from tests.services.billing_samples import customer
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)
BAD = [2**63, -(2**63) - 5, 10**30, 0.0015, 1.0, True, "12"]


@pytest.fixture
def world(db, owner) -> dict[str, str]:
    cid = customer(db, owner)
    pid = catalogue.create_part(db, owner, PartInput(brand="Bosch", part_number="F-1", description="Filter",
                                                     bin="A-01"))
    stock.adjust(db, owner, pid, 5_000, "opening stock", on=ON, unit_cost=100)
    invoice_id, _n = invoices.save_and_post(db, owner, None, DraftInput(kind="counter_sale", customer_id=cid, lines=[
        LineInput("Filter", 1_000, 500, item_type="part", part_id=pid)]), on=ON)
    sid = purchasing.create_supplier(db, owner, SupplierInput(name="Bosch Parts"))
    order_id = purchasing.create_order(db, owner, sid, [(pid, 1_000, 100)])
    purchasing.send_order(db, owner, order_id, on=ON)
    return {"customer": cid, "part": pid, "invoice": invoice_id, "supplier": sid, "order": order_id,
            "line": invoices.get(db, owner, invoice_id).lines[0].id,
            "order_line": purchasing.get_order(db, owner, order_id).lines[0].id}


def _line(**kw) -> LineInput:
    values = {"description": "Labour", "quantity_milli": 1_000, "unit_price": 100, "discount": 0, "unit_cost": 0}
    values.update(kw)
    return LineInput(**values)


def entry_points(db, owner, w) -> dict[str, tuple[str, Callable[[object], object]]]:
    """Name → (the field the refusal names, a call passing the bad value there)."""
    draft = lambda **kw: invoices.create_draft(  # noqa: E731
        db, owner, DraftInput(kind="workshop", customer_id=w["customer"], lines=[_line(**kw)]))
    return {
        "invoice quantity": ("lines[1].quantity", lambda v: draft(quantity_milli=v)),
        "invoice unit price": ("lines[1].unit_price", lambda v: draft(unit_price=v)),
        "invoice discount": ("lines[1].discount", lambda v: draft(discount=v)),
        "invoice unit cost": ("lines[1].unit_cost", lambda v: draft(unit_cost=v)),
        "credit quantity": ("lines[1].quantity", lambda v: invoices.create_credit_note(
            db, owner, w["invoice"], lines={w["line"]: v})),
        "credit amount": ("amounts[1]", lambda v: invoices.create_credit_note(
            db, owner, w["invoice"], amounts={w["line"]: v})),
        "payment split": ("splits[1].amount", lambda v: payments.take_payment(
            db, owner, customer_id=w["customer"], splits=[PaymentSplit("cash", v)], hold_excess=True)),
        "payment allocation": (f"allocations[{w['invoice']}]", lambda v: payments.take_payment(
            db, owner, customer_id=w["customer"], splits=[PaymentSplit("cash", 100)],
            allocations={w["invoice"]: v}, hold_excess=True)),
        "allocate": ("amount", lambda v: payments.allocate(db, owner, invoice_id=w["invoice"], amount=v,
                                                           payment_id="none")),
        "refund": ("amount", lambda v: payments.refund(db, owner, customer_id=w["customer"], amount=v,
                                                       method="cash")),
        "opening float": ("opening_float", lambda v: cashdesk.set_opening_float(db, owner, day=ON, amount=v)),
        "counted cash": ("counted_cash", lambda v: cashdesk.close_day(db, owner, day=ON, counted_cash=v)),
        "rebate": ("amount", lambda v: thirdparty.expect_rebate(db, owner, manufacturer="Toyota", amount=v)),
        "rebate received": ("amount", lambda v: thirdparty.receive_rebate(db, owner, "none", amount=v, on=ON)),
        "rebate expected": ("expected_amount", lambda v: thirdparty.update_rebate(db, owner, "none",
                                                                                  expected_amount=v)),
        "claim approved": ("approved_amount", lambda v: thirdparty.open_claim(
            db, owner, insurer="PICC", claim_number="C-1", customer_id=w["customer"], approved_amount=v)),
        "claim excess": ("excess_amount", lambda v: thirdparty.approve_claim(
            db, owner, "none", approved_amount=1_000, excess_amount=v)),
        "claim payout": ("amount", lambda v: thirdparty.record_payout(db, owner, "none", amount=v)),
        "part price": ("retail_price", lambda v: catalogue.create_part(
            db, owner, PartInput(brand="Bosch", part_number="F-2", description="Filter", retail_price=v))),
        "part cost": ("list_cost", lambda v: catalogue.create_part(
            db, owner, PartInput(brand="Bosch", part_number="F-2", description="Filter", list_cost=v))),
        "part minimum": ("min_qty", lambda v: catalogue.create_part(
            db, owner, PartInput(brand="Bosch", part_number="F-2", description="Filter", min_qty=v))),
        "adjustment": ("quantity", lambda v: stock.adjust(db, owner, w["part"], v, "found")),
        "adjustment cost": ("unit_cost", lambda v: stock.adjust(db, owner, w["part"], 1_000, "found",
                                                                unit_cost=v)),
        "issue": ("quantity", lambda v: stock.issue(db, owner, w["part"], v, reference="RO-1")),
        "reservation": ("quantity", lambda v: stock.reserve(db, owner, w["part"], v, "RO-1")),
        "order quantity": ("lines[1].quantity", lambda v: purchasing.create_order(
            db, owner, w["supplier"], [(w["part"], v, 100)])),
        "order cost": ("lines[1].unit_cost", lambda v: purchasing.create_order(
            db, owner, w["supplier"], [(w["part"], 1_000, v)])),
        "receipt quantity": (f"lines[{w['order_line']}].quantity", lambda v: purchasing.receive_goods(
            db, owner, w["order"], {w["order_line"]: (v, 100)}, ON)),
        "receipt cost": (f"lines[{w['order_line']}].unit_cost", lambda v: purchasing.receive_goods(
            db, owner, w["order"], {w["order_line"]: (1_000, v)}, ON)),
        "suggested quantity": (f"quantities[{w['part']}]", lambda v: purchasing.make_orders_from_suggestions(
            db, owner, quantities={w["part"]: v})),
        "count": ("counted", lambda v: counts.enter_count(db, owner, "none", w["part"], v)),
        "tax rate": ("rate", lambda v: settings.save_tax_rate(db, owner, code="ZZ", name="Test", rate=v)),
    }


def _snapshot(db_path) -> list[tuple]:
    tables = ["invoice", "invoice_line", "payment", "allocation", "stock_movement", "stock_reservation", "part",
              "purchase_order", "rebate", "insurance_claim", "tax_rate", "cash_day", "stock_count_line",
              "audit_entry"]
    return [raw_rows(db_path, f"SELECT count(*) FROM {t}")[0] for t in tables]


def test_every_amount_quantity_and_rate_entry_point_refuses_what_cannot_be_stored_exactly(db, db_path, owner,
                                                                                          world):
    before = _snapshot(db_path)
    calls = entry_points(db, owner, world)
    failures = []
    for name, (field, call) in calls.items():
        for bad in BAD:
            if bad == "12" and name == "tax rate":
                continue  # typed text is how a rate is entered
            try:
                call(bad)
            except ValidationError as exc:
                if exc.field != field:
                    failures.append(f"{name} {bad!r}: field {exc.field!r}, not {field!r}")
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                failures.append(f"{name} {bad!r}: {type(exc).__name__}: {exc}")
            else:
                failures.append(f"{name} {bad!r}: accepted")
    assert failures == []
    assert _snapshot(db_path) == before


def test_the_largest_storable_values_are_still_accepted_where_they_fit(db, owner, world):
    assert to_minor(str(STORABLE_MAX), "JPY") == STORABLE_MAX
    with pytest.raises(ValidationError) as amount:
        to_minor(str(STORABLE_MAX + 1), "JPY")
    assert amount.value.field == "amount"
    with pytest.raises(ValidationError) as quantity:
        quantity_from_text("10000000000000000")
    assert quantity.value.field == "quantity"
    stock.adjust(db, owner, world["part"], 1, "found", unit_cost=0)
