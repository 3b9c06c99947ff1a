"""Counter sales take parts out of stock when posted; crediting them brings the parts back."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import ValidationError
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
                                                              description="机油滤清器 Oil filter",
                                                              retail_price=6800))
    stock.adjust(db, owner, pid, 10_000, "opening stock", on=ON, unit_cost=3000)
    stock.adjust(db, owner, pid, 10_000, "second delivery", on=ON, unit_cost=4000)
    return pid


def _level(db, part_id: str) -> stock.StockLevel:
    with db.read() as conn:
        return stock.stock_level(conn, part_id)


def _ledger(db, part_id: str) -> int:
    with db.read() as conn:
        return stock.ledger_on_hand(conn, part_id)


def _sale(db, owner, part_id: str, qty: int) -> str:
    cid = customer(db, owner, name="李娜")
    return invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=cid, lines=[
        LineInput("Oil filter", qty, 6800, item_type="part", item_code="0986452041", part_id=part_id)]))


def test_posting_a_counter_sale_takes_the_parts_out_of_stock_at_the_average_cost(db, db_path, owner, part_id):
    invoice_id = _sale(db, owner, part_id, 3_000)
    number = invoices.post(db, owner, invoice_id, on=ON)
    level = _level(db, part_id)
    assert level.on_hand == 17_000
    moves = raw_rows(db_path, "SELECT kind, quantity, unit_cost, reference FROM stock_movement "
                              "WHERE part_id = ? AND kind = 'counter_sale'", (part_id,))
    assert moves == [("counter_sale", -3_000, 3500, number)]
    view = invoices.get(db, owner, invoice_id)
    assert view.lines[0].unit_cost == 3500
    assert view.cost_total == 10_500


def test_crediting_part_of_a_counter_sale_returns_those_parts_at_the_cost_they_left_at(db, db_path, owner,
                                                                                      part_id):
    invoice_id = _sale(db, owner, part_id, 3_000)
    invoices.post(db, owner, invoice_id, on=ON)
    stock.adjust(db, owner, part_id, 3_000, "a dearer delivery", on=ON, unit_cost=9000)
    line_id = invoices.get(db, owner, invoice_id).lines[0].id
    note_id = invoices.create_credit_note(db, owner, invoice_id, lines={line_id: 1_000}, reason="one returned",
                                          on=ON)
    note = invoices.get(db, owner, note_id)
    back = raw_rows(db_path, "SELECT kind, quantity, unit_cost, reference FROM stock_movement "
                             "WHERE part_id = ? AND kind = 'customer_return'", (part_id,))
    assert back == [("customer_return", 1_000, 3500, note.number)]
    assert _level(db, part_id).on_hand == 21_000
    assert _ledger(db, part_id) == 21_000


def test_a_counter_sale_beyond_stock_is_refused_and_posts_nothing(db, db_path, owner, part_id):
    invoice_id = _sale(db, owner, part_id, 25_000)
    series = raw_rows(db_path, "SELECT count(*) FROM number_series")
    with pytest.raises(InsufficientStock) as refused:
        invoices.post(db, owner, invoice_id, on=ON)
    assert "0 986 452 041" in str(refused.value) or "0986452041" in str(refused.value)
    assert invoices.get(db, owner, invoice_id).status == "draft"
    assert _level(db, part_id).on_hand == 20_000
    assert raw_rows(db_path, "SELECT count(*) FROM number_series") == series


def test_a_line_naming_an_unknown_part_is_refused_with_its_field(db, owner):
    cid = customer(db, owner)
    with pytest.raises(ValidationError) as refused:
        invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=cid, lines=[
            LineInput("Ghost part", 1_000, 100, item_type="part", part_id="0" * 32)]))
    assert refused.value.field == "lines[1].part"


def test_workshop_invoices_do_not_move_stock_again(db, db_path, owner, part_id):
    cid = customer(db, owner)
    invoice_id = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=cid, lines=[
        LineInput("Oil filter", 1_000, 6800, item_type="part", part_id=part_id)]))
    invoices.post(db, owner, invoice_id, on=ON)
    assert _level(db, part_id).on_hand == 20_000
