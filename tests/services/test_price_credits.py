"""Credit notes of two kinds: a quantity credit takes goods back (stock and cost return); a price
or goodwill credit gives money back only, so stock and the sale's cost stay as they were."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import ValidationError
from services.billing import invoices, margin
from services.billing.invoices import DraftInput, LineInput
from services.parts import catalogue, stock
from tests.services.billing_samples import customer
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)


@pytest.fixture
def sale(db, owner) -> tuple[str, str]:
    """A posted counter sale of 4 oil filters at 100.00 each (cost 30.00) and its part's id."""
    pid = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="0 986 452 041",
                                                              description="Oil filter", retail_price=10_000))
    stock.adjust(db, owner, pid, 10_000, "opening stock", on=ON, unit_cost=3000)
    invoice_id, _number = invoices.save_and_post(db, owner, None, DraftInput(
        kind="counter_sale", customer_id=customer(db, owner), lines=[
            LineInput("Oil filter", 4_000, 10_000, item_type="part", part_id=pid)]), on=ON)
    return invoice_id, pid


def _on_hand(db, part_id: str) -> int:
    with db.read() as conn:
        return stock.stock_level(conn, part_id).on_hand


def test_a_price_credit_moves_no_stock_and_keeps_the_cost_with_the_sale(db, db_path, owner, sale):
    invoice_id, pid = sale
    line = invoices.get(db, owner, invoice_id).lines[0]
    note_id = invoices.create_credit_note(db, owner, invoice_id, amounts={line.id: 5_000}, reason="goodwill",
                                          on=ON)
    note = invoices.get(db, owner, note_id)
    assert note.total == 5_000 and note.net_total + note.tax_total == 5_000
    assert note.cost_total == 0
    assert _on_hand(db, pid) == 6_000
    assert raw_rows(db_path, "SELECT count(*) FROM stock_movement WHERE kind = 'customer_return'") == [(0,)]
    # The sale's cost stays: 4 × 30.00 against 400.00 − 50.00 of sales.
    per_invoice = margin.invoice_margin(db, owner, note_id)
    assert per_invoice.cost == 0
    departments = {d.department: d for d in margin.department_margins(db, owner, start=ON, end=ON)}
    assert departments["parts"].cost == 12_000
    # All 4 can still be taken back, and that credit returns them and their cost.
    again = invoices.get(db, owner, invoice_id).lines[0]
    assert again.credited_quantity_milli == 0
    returned = invoices.create_credit_note(db, owner, invoice_id, lines={line.id: 1_000}, on=ON)
    assert invoices.get(db, owner, returned).cost_total == 3000
    assert _on_hand(db, pid) == 7_000


def test_credits_never_exceed_what_remains_of_a_line(db, owner, sale):
    invoice_id, pid = sale
    line = invoices.get(db, owner, invoice_id).lines[0]
    with pytest.raises(ValidationError) as too_much:
        invoices.create_credit_note(db, owner, invoice_id, amounts={line.id: line.total + 1}, on=ON)
    assert too_much.value.field == "lines[1]"
    invoices.create_credit_note(db, owner, invoice_id, amounts={line.id: line.total - 10_000}, on=ON)
    # 100.00 is left: one filter back is exactly that; two are more.
    with pytest.raises(ValidationError):
        invoices.create_credit_note(db, owner, invoice_id, lines={line.id: 2_000}, on=ON)
    with pytest.raises(ValidationError) as negative:
        invoices.create_credit_note(db, owner, invoice_id, amounts={line.id: -1}, on=ON)
    assert negative.value.field == "amounts[1]"
    assert _on_hand(db, pid) == 6_000
    invoices.create_credit_note(db, owner, invoice_id, lines={line.id: 1_000}, on=ON)
    assert _on_hand(db, pid) == 7_000


def test_the_invoice_view_says_what_is_left_to_credit_of_each_line(db, owner, sale):
    invoice_id, _pid = sale
    line_id = invoices.get(db, owner, invoice_id).lines[0].id
    invoices.create_credit_note(db, owner, invoice_id, amounts={line_id: 5_000}, on=ON)
    invoices.create_credit_note(db, owner, invoice_id, lines={line_id: 1_000}, on=ON)
    line = invoices.get(db, owner, invoice_id).lines[0]
    assert (line.credited_quantity_milli, line.credited_total, line.left_to_credit) == (1_000, 15_000, 25_000)
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, invoice_id, amounts={line_id: line.left_to_credit + 1}, on=ON)
    assert exc.value.field == "lines[1]"


def test_after_a_price_credit_the_rest_of_the_line_is_still_taken_back_for_what_is_left(db, owner, sale):
    invoice_id, pid = sale
    line = invoices.get(db, owner, invoice_id).lines[0]
    invoices.create_credit_note(db, owner, invoice_id, amounts={line.id: 5_000}, reason="goodwill", on=ON)
    invoices.create_credit_note(db, owner, invoice_id, lines={line.id: 1_000}, on=ON)
    # The last three filters back: 350.00 left of the line less the 100.00 the first one took.
    last = invoices.create_credit_note(db, owner, invoice_id, lines={line.id: 3_000}, on=ON)
    note = invoices.get(db, owner, last)
    assert note.total == line.total - 5_000 - 10_000 and note.net_total + note.tax_total == note.total
    assert note.cost_total == 9_000  # the goods and their cost all come back
    assert _on_hand(db, pid) == 10_000
    assert invoices.get(db, owner, invoice_id).lines[0].left_to_credit == 0
    assert invoices.get(db, owner, invoice_id).balance == 0
