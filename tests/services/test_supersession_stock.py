"""Superseded numbers keep their stock in use: A → B → C sells A's and B's stock first, counts
them while they hold stock, and nets them at C in reorder suggestions."""

from __future__ import annotations

from datetime import date

import pytest

from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from services.parts import catalogue, counts, purchasing, stock
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput
from tests.services.billing_samples import customer

U = 1000
ON = date(2026, 5, 2)


def _part(db, owner, number: str, *, supplier_id: str | None = None) -> str:
    return catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number=number, description="Oil filter",
                                                      category="filters", preferred_supplier_id=supplier_id))


@pytest.fixture
def chain(db, owner) -> tuple[str, str, str]:
    """A → B → C with 5, 3 and 2 in stock at costs 1000, 2000 and 3000."""
    sid = purchasing.create_supplier(db, owner, SupplierInput(name="Toyota Parts", lead_time_days=0))
    a, b, c = (_part(db, owner, n, supplier_id=sid) for n in ("90915-A", "90915-B", "90915-C"))
    for pid, qty, cost in ((a, 5, 1000), (b, 3, 2000), (c, 2, 3000)):
        stock.adjust(db, owner, pid, qty * U, "opening stock", on=date(2026, 1, 5), unit_cost=cost)
    catalogue.set_superseded_by(db, owner, a, b)
    catalogue.set_superseded_by(db, owner, b, c)
    return a, b, c


def _on_hand(db, part_id: str) -> int:
    with db.read() as conn:
        return stock.stock_level(conn, part_id).on_hand


def test_the_older_numbers_of_a_chain_are_listed_oldest_first(db, chain):
    a, b, c = chain
    with db.read() as conn:
        assert catalogue.older_parts(conn, c) == [a, b]
        assert catalogue.older_parts(conn, b) == [a]
        assert catalogue.older_parts(conn, a) == []


def test_selling_the_newest_number_sells_old_stock_first(db, owner, chain):
    a, b, c = chain
    found = catalogue.part_for_sale(db, owner, "90915-A")
    assert found is not None and found.id == c
    invoice_id, _number = invoices.save_and_post(db, owner, None, DraftInput(
        kind="counter_sale", customer_id=customer(db, owner), lines=[
            LineInput("Oil filter", 7 * U, 5000, item_type="part", part_id=found.id)]), on=ON)
    assert (_on_hand(db, a), _on_hand(db, b), _on_hand(db, c)) == (0, U, 2 * U)
    view = invoices.get(db, owner, invoice_id)
    # 5 × 1000 + 2 × 2000 = 9000 for 7: the line's unit cost is their average, rounded half-up
    # to the minor unit like every unit cost.
    assert view.lines[0].unit_cost == 1286
    assert view.cost_total == 7 * 1286


def test_old_numbers_with_stock_are_counted(db, owner, chain):
    a, b, c = chain
    count_id = counts.start_count(db, owner, category="filters", on=ON)
    assert {line.part_id for line in counts.get_count(db, owner, count_id).lines} == {a, b, c}
    counts.enter_count(db, owner, count_id, a, 4 * U)
    counts.post_count(db, owner, count_id, on=ON)
    assert _on_hand(db, a) == 4 * U


def test_reorder_suggestions_net_the_whole_chain_at_the_newest_number(db, owner, chain):
    a, _b, c = chain
    # 72 of the old number went out this year (6 a month) and the chain still holds 0 + 3 + 2.
    stock.adjust(db, owner, a, 67 * U, "delivery", on=date(2026, 1, 6), unit_cost=1000)
    stock.issue(db, owner, a, 72 * U, reference="RO-1", on=date(2026, 2, 1))
    # The reorder rule stores the figures it works out from the chain's demand at the newest number.
    purchasing.apply_reorder_rule(db, owner, today=date(2026, 6, 30))
    suggested = {s.part_id: s for g in purchasing.suggestions(db, owner, today=date(2026, 6, 30)) for s in g.lines}
    assert set(suggested) == {c}
    line = suggested[c]
    # Lead 0: min = one month (6), max = two months (12); 5 in the chain: order 7 of the newest number.
    assert (line.demand_12m, line.on_hand, line.available, line.min_qty, line.max_qty, line.quantity) == (
        72 * U, 5 * U, 5 * U, 6 * U, 12 * U, 7 * U)
