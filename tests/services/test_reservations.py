"""Reserved stock is promised: every path that takes stock out respects *available* (on hand less
what is reserved for others), and the holder of a reservation consumes it."""

from __future__ import annotations

from datetime import date

import pytest

from core.quantities import InsufficientStock
from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from services.parts import catalogue, stock
from tests.services.billing_samples import customer
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)


@pytest.fixture
def part_id(db, owner) -> str:
    pid = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="0 986 452 041",
                                                              description="Oil filter", retail_price=6800))
    stock.adjust(db, owner, pid, 10_000, "opening stock", on=ON, unit_cost=3000)
    return pid


def _level(db, part_id: str) -> stock.StockLevel:
    with db.read() as conn:
        return stock.stock_level(conn, part_id)


def _sale(db, owner, part_id: str, qty: int, customer_id: str) -> str:
    return invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=customer_id, lines=[
        LineInput("Oil filter", qty, 6800, item_type="part", part_id=part_id)]))


def _movements(db_path, part_id: str) -> int:
    return raw_rows(db_path, "SELECT count(*) FROM stock_movement WHERE part_id = ?", (part_id,))[0][0]


def test_a_counter_sale_cannot_take_stock_reserved_for_another_customer(db, db_path, owner, part_id):
    holder, walk_in = customer(db, owner, name="王伟"), customer(db, owner, name="李娜")
    stock.reserve(db, owner, part_id, 8_000, "back order", customer_id=holder)
    invoice_id = _sale(db, owner, part_id, 3_000, walk_in)
    before = _movements(db_path, part_id)
    with pytest.raises(InsufficientStock) as refused:
        invoices.post(db, owner, invoice_id, on=ON)
    assert refused.value.available == 2_000
    assert "reserved for others" in str(refused.value)
    assert _movements(db_path, part_id) == before
    assert _level(db, part_id) == stock.StockLevel(10_000, 8_000, 2_000, 3000)
    # What is not reserved can still be sold.
    invoices.post(db, owner, _sale(db, owner, part_id, 2_000, walk_in), on=ON)
    assert _level(db, part_id).available == 0


def test_a_sale_to_the_holder_consumes_their_reservation(db, owner, part_id):
    holder, other = customer(db, owner, name="王伟"), customer(db, owner, name="李娜")
    first = stock.reserve(db, owner, part_id, 3_000, "back order 1", customer_id=holder)
    second = stock.reserve(db, owner, part_id, 4_000, "back order 2", customer_id=holder)
    stock.reserve(db, owner, part_id, 2_000, "someone else", customer_id=other)
    # 1 free + 7 of their own: they may take 8, the oldest reservation first.
    invoices.post(db, owner, _sale(db, owner, part_id, 5_000, holder), on=ON)
    assert _level(db, part_id) == stock.StockLevel(5_000, 4_000, 1_000, 3000)
    active = {r.id: r.quantity for r in stock.reservations(db, owner, part_id)}
    assert first not in active and active[second] == 2_000
    with db.read() as conn:
        assert stock.ledger_reserved(conn, part_id) == 4_000
    with pytest.raises(InsufficientStock):
        invoices.post(db, owner, _sale(db, owner, part_id, 4_000, holder), on=ON)


def test_adjustments_and_issues_out_respect_reservations_until_released(db, db_path, owner, part_id):
    reservation = stock.reserve(db, owner, part_id, 6_000, "RO-1001")
    with pytest.raises(InsufficientStock):
        stock.adjust(db, owner, part_id, -5_000, "damaged")
    with pytest.raises(InsufficientStock):
        stock.issue(db, owner, part_id, 5_000, reference="RO-2002")
    assert _level(db, part_id) == stock.StockLevel(10_000, 6_000, 4_000, 3000)
    # The repair order the stock is reserved for takes it, consuming the reservation.
    stock.issue(db, owner, part_id, 6_000, reference="RO-1001")
    assert _level(db, part_id) == stock.StockLevel(4_000, 0, 4_000, 3000)

    again = stock.reserve(db, owner, part_id, 4_000, "RO-3003")
    with pytest.raises(InsufficientStock):
        stock.adjust(db, owner, part_id, -1_000, "damaged")
    stock.release(db, owner, again)
    released = raw_rows(db_path, "SELECT action FROM audit_entry WHERE entity = 'stock_reservation' "
                                 "AND entity_id = ? ORDER BY seq", (again,))
    assert [a for (a,) in released][-1] == "update"
    stock.adjust(db, owner, part_id, -1_000, "damaged")
    assert _level(db, part_id) == stock.StockLevel(3_000, 0, 3_000, 3000)
    assert reservation not in {r.id for r in stock.reservations(db, owner, part_id)}


def test_a_count_variance_sets_on_hand_whatever_is_reserved(db, owner, part_id):
    from services.parts import counts

    catalogue_part = catalogue.get_part(db, owner, part_id)
    stock.reserve(db, owner, part_id, 8_000, "RO-1001")
    count_id = counts.start_count(db, owner, category=catalogue_part.category, on=ON)
    counts.enter_count(db, owner, count_id, part_id, 5_000)
    counts.post_count(db, owner, count_id, on=ON)
    assert _level(db, part_id).on_hand == 5_000
