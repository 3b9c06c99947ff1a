"""Discounts typed as a percentage, per line and on the whole invoice, become exact amounts by the
rule of services/billing/totals.py, and the invoice keeps what was typed; invoices carry the vehicle
and its mileage."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ValidationError
from services import vehicles
from services.billing import invoices
from services.billing.invoices import DraftInput
from services.billing.totals import percent_of, shares
from tests.services.billing_samples import customer, line
from tests.services.samples import raw_rows


def _save(db, owner, cid: str, *lines, **header) -> str:
    return invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=cid, lines=list(lines), **header))


def test_a_line_discount_in_percent_is_rounded_half_up_and_kept_as_typed(db, owner):
    cid = customer(db, owner)
    # 3 × 33.35 = 100.05; 10 % of it is 10.005, rounded half-up to 10.01.
    iid = _save(db, owner, cid, invoices.LineInput("Wipers", 3000, 3335, discount_bp=1000))
    view = invoices.get(db, owner, iid)
    assert (view.lines[0].discount, view.lines[0].discount_bp, view.lines[0].total) == (1001, 1000, 9004)


def test_an_invoice_discount_is_shared_over_the_lines_to_the_last_minor_unit(db, owner):
    cid = customer(db, owner)
    iid = _save(db, owner, cid, line("A", price=10000), line("B", price=10000, discount=5000), line("C", price=5000),
                discount_bp=1000)
    view = invoices.get(db, owner, iid)
    # Worth after own discounts: 100 + 50 + 50 = 200; 10 % = 20.00, shared 10 / 5 / 5.
    assert (view.discount, view.discount_bp) == (2000, 1000)
    assert [(x.discount, x.invoice_discount) for x in view.lines] == [(1000, 1000), (5500, 500), (500, 500)]
    assert view.total == 18000
    odd = _save(db, owner, cid, line("A", price=100), line("B", price=100), line("C", price=100), discount=100)
    assert [x.invoice_discount for x in invoices.get(db, owner, odd).lines] == [34, 33, 33]


@pytest.mark.parametrize(("header", "field"), [
    ({"discount_bp": 10001}, "discount"), ({"discount": 10001}, "discount"), ({"discount": -1}, "discount"),
    ({"mileage_km": -5}, "mileage_km"), ({"mileage_km": 1.5}, "mileage_km"), ({"mileage_km": 100}, "mileage_km"),
])
def test_a_bad_invoice_discount_or_mileage_names_its_field(db, db_path, owner, header, field):
    cid = customer(db, owner)
    with pytest.raises(ValidationError) as exc:
        _save(db, owner, cid, line(price=10000), **header)
    assert exc.value.field == field
    with pytest.raises(ValidationError) as exc:
        _save(db, owner, cid, invoices.LineInput("Oil", 1000, 10000, discount_bp=-1))
    assert exc.value.field == "lines[1].discount"
    assert raw_rows(Path(db_path), "SELECT count(*) FROM invoice") == [(0,)]


def test_an_invoice_carries_its_vehicle_and_mileage_and_posting_keeps_them(db, owner):
    cid = customer(db, owner)
    vid = vehicles.create(db, owner, vehicles.VehicleInput(vin="LSVAU218XN2183294", make="VW", model="Lavida",
                                                           plate="沪A12345", owner_id=cid))
    iid = _save(db, owner, cid, line(price=10000), vehicle_id=vid, mileage_km=42_180)
    invoices.post(db, owner, iid)
    view = invoices.get(db, owner, iid)
    assert view.mileage_km == 42_180
    assert view.vehicle is not None and (view.vehicle.vin, view.vehicle.plate, view.vehicle.name) == (
        "LSVAU218XN2183294", "沪A12345", "VW Lavida")


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**7), min_size=1, max_size=12))
def test_shares_add_up_and_never_exceed_a_line(amount, weights):
    amount = min(amount, sum(weights))
    got = shares(amount, weights)
    assert sum(got) == (amount if sum(weights) else 0)
    assert all(0 <= s <= w for s, w in zip(got, weights, strict=True))


def test_a_percentage_rounds_half_up():
    assert (percent_of(10005, 1000), percent_of(10004, 1000), percent_of(0, 1000)) == (1001, 1000, 0)


def test_the_invoice_pdf_prints_the_vehicle_and_its_mileage(db, owner):
    from services.billing import documents

    cid = customer(db, owner)
    vid = vehicles.create(db, owner, vehicles.VehicleInput(vin="LSVAU218XN2183294", make="VW", model="Lavida",
                                                           plate="沪A12345", owner_id=cid))
    iid = _save(db, owner, cid, line(price=10000), vehicle_id=vid, mileage_km=42_180)
    with db.read() as conn:
        extras = documents._extras(conn, invoices.get(db, owner, iid), owner)
    assert extras.vehicle.splitlines() == ["VW Lavida", "VIN 车架号 LSVAU218XN2183294", "Plate 车牌 沪A12345",
                                           "Mileage 里程 42,180 km"]
