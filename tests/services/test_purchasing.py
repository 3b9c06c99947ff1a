"""Suppliers, purchase orders, goods receipts, reorder suggestions and supplier performance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from core.errors import Conflict, PermissionDenied, ValidationError
from services.parts import catalogue, purchasing, stock
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput
from tests.services.billing_samples import customer

U = 1000  # one unit in thousandths


def supplier(db, actor, name: str = "Bosch Parts Co", *, lead: int = 5) -> str:
    return purchasing.create_supplier(db, actor, SupplierInput(name=name, lead_time_days=lead))


def part(db, actor, number: str, *, supplier_id: str | None = None, list_cost: int = 1000, manual: bool = False,
         min_qty: int = 0, max_qty: int = 0, bin: str = "") -> str:
    return catalogue.create_part(db, actor, PartInput(
        brand="Bosch", part_number=number, description=f"Part {number}", list_cost=list_cost,
        preferred_supplier_id=supplier_id, reorder_manual=manual, min_qty=min_qty, max_qty=max_qty, bin=bin))


def sent_order(db, actor, supplier_id: str, lines, *, on: date = date(2026, 3, 2)) -> str:
    order_id = purchasing.create_order(db, actor, supplier_id, lines)
    purchasing.send_order(db, actor, order_id, on=on)
    return order_id


def ledger(db, part_id: str) -> tuple[int, int, int]:
    """(ledger on hand, cached on hand, cached average cost)."""
    with db.read() as conn:
        level = stock.stock_level(conn, part_id)
        return stock.ledger_on_hand(conn, part_id), level.on_hand, level.average_cost


def count_rows(db, table: str) -> int:
    with db.read() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


# --- suppliers ------------------------------------------------------------------------------------

def test_supplier_names_are_unique_whatever_the_case(db, owner):
    supplier(db, owner, "Bosch Parts Co")
    with pytest.raises(ValidationError) as err:
        supplier(db, owner, "  bosch  parts co ")
    assert err.value.field == "name"


def test_negative_lead_time_is_refused_naming_the_field(db, owner):
    with pytest.raises(ValidationError) as err:
        supplier(db, owner, lead=-1)
    assert err.value.field == "lead_time_days"


def test_supplier_update_and_list(db, owner):
    sid = supplier(db, owner, "Alpha")
    supplier(db, owner, "beta")
    purchasing.update_supplier(db, owner, sid, SupplierInput(name="Alpha Motors", lead_time_days=10, terms="30 days"))
    view = purchasing.get_supplier(db, owner, sid)
    assert (view.name, view.lead_time_days, view.terms) == ("Alpha Motors", 10, "30 days")
    assert [s.name for s in purchasing.list_suppliers(db, owner)] == ["Alpha Motors", "beta"]


def test_suppliers_need_part_edit_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        supplier(db, actor_for("service_advisor"))


# --- purchase orders ------------------------------------------------------------------------------

def test_sending_numbers_the_order_and_expects_it_after_the_lead_time(db, owner):
    sid = supplier(db, owner, lead=5)
    pid = part(db, owner, "F-100")
    order_id = purchasing.create_order(db, owner, sid, [(pid, 10 * U, 1000)])
    draft = purchasing.get_order(db, owner, order_id)
    assert (draft.status, draft.number) == ("draft", None)
    number = purchasing.send_order(db, owner, order_id, on=date(2026, 3, 2))
    view = purchasing.get_order(db, owner, order_id)
    assert number.startswith("PO") and number.endswith("-2026-000001")
    assert (view.status, view.ordered_on, view.expected_on) == ("sent", date(2026, 3, 2), date(2026, 3, 7))
    assert view.total_cost == 10_000


def test_a_sent_order_can_no_longer_be_edited(db, owner):
    sid = supplier(db, owner)
    pid = part(db, owner, "F-100")
    order_id = sent_order(db, owner, sid, [(pid, U, 1000)])
    with pytest.raises(ValidationError) as err:
        purchasing.update_order(db, owner, order_id, [(pid, 2 * U, 1000)])
    assert err.value.field == "status"


def test_draft_lines_are_validated_by_position(db, owner):
    sid = supplier(db, owner)
    pid = part(db, owner, "F-100")
    with pytest.raises(ValidationError) as err:
        purchasing.create_order(db, owner, sid, [(pid, U, 1000), (pid, 0, 1000)])
    assert err.value.field == "lines[2].quantity"
    assert count_rows(db, "purchase_order") == 0


def test_partial_receipt_leaves_a_back_order_and_reaverages_the_cost(db, owner):
    sid = supplier(db, owner)
    pid = part(db, owner, "F-100")
    order_id = sent_order(db, owner, sid, [(pid, 10 * U, 1000)])
    line_id = purchasing.get_order(db, owner, order_id).lines[0].id

    first = purchasing.receive_goods(db, owner, order_id, {line_id: (4 * U, 1000)}, date(2026, 3, 6), "DN-1")
    view = purchasing.get_order(db, owner, order_id)
    assert first.status == view.status == "partly_received"
    assert (view.lines[0].received, view.lines[0].back_order) == (4 * U, 6 * U)
    assert ledger(db, pid) == (4 * U, 4 * U, 1000)

    # The rest arrives dearer: (4 × 1000 + 6 × 1500) / 10 = 1300.
    second = purchasing.receive_goods(db, owner, order_id, {line_id: (6 * U, 1500)}, date(2026, 3, 9))
    assert second.status == "received"
    assert ledger(db, pid) == (10 * U, 10 * U, 1300)
    assert purchasing.get_order(db, owner, order_id).lines[0].back_order == 0
    with db.read() as conn:
        rows = conn.execute(text("SELECT kind, quantity, unit_cost, reference, source_id FROM stock_movement "
                                 "ORDER BY id")).all()
    number = view.number
    assert [tuple(r) for r in rows] == [("receipt", 4 * U, 1000, number, line_id),
                                        ("receipt", 6 * U, 1500, number, line_id)]


def test_over_receipt_is_refused_naming_the_line_and_nothing_is_written(db, owner):
    sid = supplier(db, owner)
    a, b = part(db, owner, "A-1"), part(db, owner, "B-2")
    order_id = sent_order(db, owner, sid, [(a, 5 * U, 1000), (b, 3 * U, 2000)])
    line_a, line_b = (line.id for line in purchasing.get_order(db, owner, order_id).lines)
    with pytest.raises(ValidationError) as err:
        purchasing.receive_goods(db, owner, order_id, {line_a: (2 * U, 1000), line_b: (4 * U, 2000)},
                                 date(2026, 3, 6))
    assert err.value.field == f"lines[{line_b}].quantity"
    assert "Line 2" in err.value.detail
    assert count_rows(db, "stock_movement") == 0
    assert count_rows(db, "goods_receipt") == 0
    view = purchasing.get_order(db, owner, order_id)
    assert view.status == "sent"
    assert [line.received for line in view.lines] == [0, 0]


def test_goods_cannot_be_received_on_a_draft(db, owner):
    sid = supplier(db, owner)
    pid = part(db, owner, "A-1")
    order_id = purchasing.create_order(db, owner, sid, [(pid, U, 1000)])
    line_id = purchasing.get_order(db, owner, order_id).lines[0].id
    with pytest.raises(ValidationError) as err:
        purchasing.receive_goods(db, owner, order_id, {line_id: (U, 1000)}, date(2026, 3, 6))
    assert err.value.field == "status"


def test_stock_for_a_customers_back_order_is_reserved_for_them(db, owner):
    sid = supplier(db, owner)
    pid, other = part(db, owner, "W-1"), part(db, owner, "W-2")
    cust = customer(db, owner, "Li Na")
    order_id = sent_order(db, owner, sid, [(pid, 2 * U, 5000, cust, "BO-17"), (other, 3 * U, 100)])
    line_w1, line_w2 = (line.id for line in purchasing.get_order(db, owner, order_id).lines)
    result = purchasing.receive_goods(db, owner, order_id, {line_w1: (2 * U, 5000), line_w2: (3 * U, 100)},
                                      date(2026, 3, 6))
    assert len(result.reserved) == 1
    flag = result.reserved[0]
    assert (flag.line_id, flag.part_id, flag.customer_id, flag.for_reference, flag.quantity) == (
        line_w1, pid, cust, "BO-17", 2 * U)
    with db.read() as conn:
        assert stock.stock_level(conn, pid) == stock.StockLevel(2 * U, 2 * U, 0, 5000)
        assert stock.ledger_reserved(conn, pid) == 2 * U
        assert stock.stock_level(conn, other).available == 3 * U


def test_closing_ends_the_back_order_and_cancelling_needs_nothing_received(db, owner):
    sid = supplier(db, owner)
    pid = part(db, owner, "A-1")
    order_id = sent_order(db, owner, sid, [(pid, 5 * U, 1000)])
    line_id = purchasing.get_order(db, owner, order_id).lines[0].id
    purchasing.receive_goods(db, owner, order_id, {line_id: (2 * U, 1000)}, date(2026, 3, 6))
    with pytest.raises(Conflict):
        purchasing.cancel_order(db, owner, order_id)
    purchasing.close_order(db, owner, order_id)
    view = purchasing.get_order(db, owner, order_id)
    assert (view.status, view.lines[0].back_order) == ("closed", 0)

    other = sent_order(db, owner, sid, [(pid, U, 1000)])
    purchasing.cancel_order(db, owner, other)
    assert purchasing.get_order(db, owner, other).status == "cancelled"


def test_ordering_a_superseded_part_orders_its_final_replacement(db, owner):
    sid = supplier(db, owner)
    old, middle, new = part(db, owner, "OLD-1"), part(db, owner, "MID-2"), part(db, owner, "NEW-3")
    catalogue.set_superseded_by(db, owner, old, middle)
    catalogue.set_superseded_by(db, owner, middle, new)
    order_id = purchasing.create_order(db, owner, sid, [(old, 2 * U, 700)])
    assert [line.part_id for line in purchasing.get_order(db, owner, order_id).lines] == [new]


def test_purchase_permissions_are_checked(db, owner, actor_for):
    sid = supplier(db, owner)
    pid = part(db, owner, "A-1")
    with pytest.raises(PermissionDenied):
        purchasing.create_order(db, actor_for("read_only"), sid, [(pid, U, 1000)])
    order_id = sent_order(db, owner, sid, [(pid, U, 1000)])
    line_id = purchasing.get_order(db, owner, order_id).lines[0].id
    with pytest.raises(PermissionDenied):
        purchasing.receive_goods(db, actor_for("technician"), order_id, {line_id: (U, 1000)}, date(2026, 3, 6))
    clerk = actor_for("parts_clerk")
    assert purchasing.receive_goods(db, clerk, order_id, {line_id: (U, 1000)}, date(2026, 3, 6)).status == "received"


# --- reorder suggestions --------------------------------------------------------------------------

def test_one_minimum_the_stored_one_with_the_rule_s_figure_as_a_suggestion(db, owner, monkeypatch):
    """Alerts, reorder suggestions and the part compare with the same stored minimum. An automatic
    part's is stored by the reorder rule as the issue that makes its demand is posted (nobody has to
    open the reorder suggestions); a manual part keeps its own, the rule's figure beside it."""
    from core import clock
    from services.parts import alerts

    today = date(2026, 6, 30)
    monkeypatch.setattr(clock, "today", lambda: today)
    sid = supplier(db, owner, "Bosch Parts Co", lead=15)
    auto = part(db, owner, "A-1", supplier_id=sid)
    hand = part(db, owner, "H-1", supplier_id=sid, manual=True, min_qty=10 * U, max_qty=20 * U)
    for part_id in (auto, hand):
        stock.adjust(db, owner, part_id, 26 * U, "opening stock", on=date(2025, 1, 1), unit_cost=800)
        stock.issue(db, owner, part_id, 24 * U, reference="RO-1", on=date(2026, 5, 1))

    levels = purchasing.reorder_levels(db, owner, auto, today=today)
    assert (levels.min_qty, levels.max_qty, levels.suggested_min, levels.suggested_max, levels.differs) == (
        3 * U, 5 * U, 3 * U, 5 * U, False)
    assert catalogue.get_part(db, owner, auto).min_qty == 3 * U
    assert not purchasing.reorder_levels(db, owner, auto, today=today).differs
    # The manual part keeps its own figures; the rule's are only a suggestion there.
    hand_levels = purchasing.reorder_levels(db, owner, hand, today=today)
    assert (hand_levels.min_qty, hand_levels.suggested_min, hand_levels.differs) == (10 * U, 3 * U, True)
    assert {a.part_id: a.min_qty for a in alerts.below_minimum(db, owner)} == {auto: 3 * U, hand: 10 * U}
    lines = {s.part_id: s for g in purchasing.suggestions(db, owner, today=today) for s in g.lines}
    assert {k: (s.min_qty, s.suggested_min) for k, s in lines.items()} == {auto: (3 * U, 3 * U),
                                                                       hand: (10 * U, 3 * U)}
    # Applying again changes nothing; demand gone, the automatic part's levels go back to zero.
    assert purchasing.apply_reorder_rule(db, owner, today=today) == 0
    assert purchasing.apply_reorder_rule(db, owner, today=date(2027, 6, 30)) == 1
    assert catalogue.get_part(db, owner, auto).min_qty == 0


def test_only_purchasing_staff_apply_the_reorder_rule(db, owner, actor_for):
    with pytest.raises(PermissionDenied):
        purchasing.apply_reorder_rule(db, actor_for("technician"))


def test_suggestions_from_known_demand_and_manual_levels(db, owner, monkeypatch):
    from core import clock

    today = date(2026, 6, 30)
    monkeypatch.setattr(clock, "today", lambda: today)
    sid = supplier(db, owner, "Bosch Parts Co", lead=15)
    other_sid = supplier(db, owner, "Denso Direct", lead=5)
    demanded = part(db, owner, "D-1", supplier_id=sid, list_cost=800)
    manual = part(db, owner, "M-1", supplier_id=other_sid, manual=True, min_qty=2 * U, max_qty=6 * U)
    idle = part(db, owner, "I-1", supplier_id=sid)
    plenty = part(db, owner, "P-1", supplier_id=sid, manual=True, min_qty=2 * U, max_qty=4 * U)
    orphan = part(db, owner, "O-1", manual=True, min_qty=U, max_qty=U)

    stock.adjust(db, owner, demanded, 30 * U, "opening stock", on=date(2025, 1, 1), unit_cost=800)
    stock.adjust(db, owner, plenty, 3 * U, "opening stock", on=date(2025, 1, 1), unit_cost=100)
    # Older than twelve months: not demand any more.
    stock.issue(db, owner, demanded, 5 * U, reference="RO-1", on=date(2025, 3, 1))
    stock.issue(db, owner, demanded, 12 * U, reference="RO-2", on=date(2025, 8, 1))
    stock.issue(db, owner, demanded, 12 * U, reference="RO-3", on=date(2026, 5, 1))
    sent_order(db, owner, other_sid, [(manual, U, 400)])
    # The issues stored the automatic part's levels as they were posted: the rule has nothing left to do.
    assert purchasing.apply_reorder_rule(db, owner, today=today) == 0

    groups = purchasing.suggestions(db, owner, today=today)
    assert [(g.supplier_name, [s.part_number for s in g.lines]) for g in groups] == [
        ("Bosch Parts Co", ["D-1"]), ("Denso Direct", ["M-1"]), ("", ["O-1"])]
    d1 = groups[0].lines[0]
    # 24 a year = 2 a month; lead 15 days: min = 2 × (15/30 + 1) = 3, max = 3 + 2 = 5; on hand 1 → order 4.
    assert (d1.demand_12m, d1.min_qty, d1.max_qty, d1.available, d1.on_order, d1.quantity) == (
        24 * U, 3 * U, 5 * U, U, 0, 4 * U)
    assert (d1.manual, d1.unit_cost, d1.suggested_min, d1.suggested_max) == (False, 800, 3 * U, 5 * U)
    m1 = groups[1].lines[0]
    # Manual 2/6 with one on order: 0 + 1 < 2, order 6 − 1 = 5.
    assert (m1.manual, m1.on_order, m1.quantity) == (True, U, 5 * U)
    assert idle not in {s.part_id for g in groups for s in g.lines}
    assert orphan == groups[2].lines[0].part_id

    order_ids = purchasing.make_orders_from_suggestions(db, owner, today=today, quantities={manual: 7 * U})
    orders = [purchasing.get_order(db, owner, oid) for oid in order_ids]
    assert sorted((o.supplier_name, o.status, [(line.part_id, line.quantity) for line in o.lines])
                  for o in orders) == [("Bosch Parts Co", "draft", [(demanded, 4 * U)]),
                                       ("Denso Direct", "draft", [(manual, 7 * U)])]
    # Drafts count as on order: asking again suggests only the part without a supplier.
    assert [(g.supplier_id, len(g.lines)) for g in purchasing.suggestions(db, owner, today=today)] == [(None, 1)]


def test_superseded_parts_are_not_suggested(db, owner):
    sid = supplier(db, owner)
    old = part(db, owner, "OLD-1", supplier_id=sid, manual=True, min_qty=U, max_qty=2 * U)
    new = part(db, owner, "NEW-1", supplier_id=sid, manual=True, min_qty=U, max_qty=2 * U)
    catalogue.set_superseded_by(db, owner, old, new)
    parts = [s.part_id for g in purchasing.suggestions(db, owner, today=date(2026, 6, 30)) for s in g.lines]
    assert parts == [new]


# --- supplier performance -------------------------------------------------------------------------

def test_supplier_performance_on_time_fill_rate_and_price_changes(db, owner):
    sid = supplier(db, owner, lead=5)
    pid = part(db, owner, "F-100")
    first = sent_order(db, owner, sid, [(pid, 10 * U, 1000)], on=date(2026, 3, 1))  # expected 6 March
    line = purchasing.get_order(db, owner, first).lines[0].id
    purchasing.receive_goods(db, owner, first, {line: (6 * U, 1000)}, date(2026, 3, 5))  # on time
    purchasing.receive_goods(db, owner, first, {line: (2 * U, 1100)}, date(2026, 3, 9))  # late
    purchasing.close_order(db, owner, first)
    second = sent_order(db, owner, sid, [(pid, 5 * U, 1200)], on=date(2026, 3, 10))  # expected 15 March
    line2 = purchasing.get_order(db, owner, second).lines[0].id
    purchasing.receive_goods(db, owner, second, {line2: (5 * U, 1200)}, date(2026, 3, 15))  # on the day
    # Still open: counts for neither the fill rate nor, with nothing received, the on-time rate.
    sent_order(db, owner, sid, [(pid, 9 * U, 1200)], on=date(2026, 3, 20))

    perf = purchasing.supplier_performance(db, owner, sid)
    assert (perf.receipts, perf.on_time_receipts) == (3, 2)
    assert perf.on_time_rate == pytest.approx(2 / 3)
    assert (perf.ordered, perf.received) == (15 * U, 13 * U)
    assert perf.fill_rate == pytest.approx(13 / 15)
    assert [(p.received_on, p.unit_cost, p.change) for p in perf.price_history] == [
        (date(2026, 3, 5), 1000, None), (date(2026, 3, 9), 1100, 100), (date(2026, 3, 15), 1200, 100)]


def test_only_the_chosen_suggestions_become_orders(db, owner, actor_for):
    sid = supplier(db, owner)
    chosen = part(db, owner, "C-1", supplier_id=sid, manual=True, min_qty=U, max_qty=3 * U)
    part(db, owner, "C-2", supplier_id=sid, manual=True, min_qty=U, max_qty=3 * U)
    order_ids = purchasing.make_orders_from_suggestions(db, owner, part_ids=[chosen], today=date(2026, 6, 30))
    [order] = [purchasing.get_order(db, owner, oid) for oid in order_ids]
    assert [(line.part_id, line.quantity, line.unit_cost) for line in order.lines] == [(chosen, 3 * U, 1000)]
    with pytest.raises(PermissionDenied):
        purchasing.make_orders_from_suggestions(db, actor_for("read_only"), today=date(2026, 6, 30))


def test_the_reorder_levels_of_a_part_that_is_gone_are_a_clear_refusal(db, owner):
    from core.errors import NotFound

    with pytest.raises(NotFound) as exc:
        purchasing.reorder_levels(db, owner, "no-such-part")
    assert exc.value.message == "The part no longer exists"


def test_an_automatic_parts_minimum_follows_its_sales_and_issues_everywhere_at_once(db, owner, actor_for):
    """Issue 9: the stored minimum of an automatic part was refreshed only when someone with purchasing
    rights opened the reorder suggestions; the parts list, the part and the alerts disagreed till then.
    Whoever posts the issue or counter sale (a technician's issue, a parts clerk's sale) moves it."""
    from services import lists
    from services.lists import ListState
    from services.parts import alerts

    sid = supplier(db, owner, "Bosch Parts Co", lead=15)
    auto = part(db, owner, "A-2", supplier_id=sid)
    hand = part(db, owner, "H-2", supplier_id=sid, manual=True, min_qty=U, max_qty=2 * U)
    on = date.today() - timedelta(days=30)
    for part_id in (auto, hand):
        stock.adjust(db, owner, part_id, 26 * U, "opening stock", on=on - timedelta(days=1), unit_cost=800)
    assert catalogue.get_part(db, owner, auto).min_qty == 0

    for part_id in (auto, hand):
        stock.issue(db, actor_for("parts_clerk"), part_id, 24 * U, reference="RO-1", on=on)

    levels = purchasing.reorder_levels(db, owner, auto)
    assert levels.min_qty == levels.suggested_min == 3 * U and not levels.differs
    assert catalogue.get_part(db, owner, auto).min_qty == 3 * U
    listed = {r[0]: r for r in lists.fetch_page(db, owner, "parts", ListState(), limit=50).rows}
    min_col = 1 + [c.key for c in lists.source("parts").columns].index("min_qty")
    assert listed[auto][min_col] == 3 * U
    assert {a.part_id: a.min_qty for a in alerts.below_minimum(db, owner)} == {auto: 3 * U}
    # A manual part keeps the figures it was given.
    assert catalogue.get_part(db, owner, hand).min_qty == U

