"""Suppliers, purchase orders, goods receipts, reorder suggestions and supplier performance.

A purchase order goes draft → sent → partly_received → received → closed (or cancelled while
nothing has arrived). Goods receipts change stock only through :func:`services.parts.stock.record_movement`
(reference = the PO number, source = the PO line), so the ledger stays the single truth. What a
line still expects (ordered − received) is its back order until the order is closed.

A part has one minimum and maximum: the figures stored on it (``min_qty``/``max_qty``), which alerts,
the parts list and reorder suggestions all compare with. They are set by hand when the part is set
to manual (``reorder_manual``), otherwise by the reorder rule, which stores a min/max suggested from
the last twelve months' demand and the preferred supplier's lead time: for a part as soon as an issue,
sale or return changes its demand or the part is edited (:func:`services.parts.levels.levels_follow`,
in the same transaction), and for the whole catalogue by :func:`apply_reorder_rule_in` (the reorder
suggestions, and ``forecourt parts refresh-levels`` as daily upkeep, as demand ages out of the year):

    monthly demand = demand of the last 12 months / 12
    min = monthly demand × (lead time days / 30 + 1)
    max = min + monthly demand

Demand ages between two runs of the upkeep, and a manual part has its own figures: wherever the
suggested figure differs from the stored one, screens show it next to the stored one, labelled as a
suggestion. Reorder suggestions are computed for the whole catalogue in one SQL statement: per part
the stock position (available + on order) is compared with its stored minimum.

Suggested figures and order quantities are rounded up to whole units. The on hand, demand and open
orders of superseded numbers are netted at the newest number of their chain, which is what gets ordered.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import Row, func, select, text
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.money import check_amount
from core.quantities import check_quantity
from core.status_words import status_word, word_list
from models.crm import Customer
from models.parts import GoodsReceipt, Part, PurchaseOrder, PurchaseOrderLine, Supplier
from services import settings
from services.parts.levels import (  # noqa: F401 - the reorder rule's figures, used here and by callers
    DEFAULT_LEAD_TIME_DAYS,
    DEMAND_KINDS,
    ReorderLevels,
    level_rows,
    levels_of,
    reorder_rule_changes,
)
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

UNIT = 1000  # one whole unit in thousandths
OPEN_STATUSES = ("sent", "partly_received")
# Drafts count as on order too, so turning suggestions into drafts twice does not order twice.
ON_ORDER_STATUSES = ("draft", "sent", "partly_received")
FINISHED_STATUSES = ("received", "closed")


# --- suppliers ------------------------------------------------------------------------------------

@dataclass
class SupplierInput:
    name: str
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    lead_time_days: int = 7
    terms: str = ""
    active: bool = True


@dataclass(frozen=True)
class SupplierView:
    id: str
    name: str
    contact_name: str
    phone: str
    email: str
    address: str
    lead_time_days: int
    terms: str
    active: bool


def _clean_supplier(session: Session, data: SupplierInput, *, supplier_id: str | None) -> SupplierInput:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("name", msg("A supplier needs a name"))
    if len(name) > 200:
        raise ValidationError("name", msg("The name is longer than 200 characters"))
    clash = session.execute(select(Supplier.id).where(func.lower(Supplier.name) == name.lower())).scalar()
    if clash is not None and clash != supplier_id:
        raise ValidationError("name", msg("A supplier named '{name}' already exists", name=name))
    if not isinstance(data.lead_time_days, int) or not 0 <= data.lead_time_days <= 365:
        raise ValidationError("lead_time_days", msg("The lead time is 0 to 365 days"))
    email = data.email.strip()
    if email and "@" not in email:
        raise ValidationError("email", msg("'{email}' is not an e-mail address", email=email))
    return SupplierInput(name=name, contact_name=data.contact_name.strip(), phone=data.phone.strip(), email=email,
                         address=data.address.strip(), lead_time_days=data.lead_time_days,
                         terms=data.terms.strip(), active=bool(data.active))


def _supplier_view(s: Supplier | Row) -> SupplierView:
    return SupplierView(id=s.id, name=s.name, contact_name=s.contact_name, phone=s.phone, email=s.email,
                        address=s.address, lead_time_days=s.lead_time_days, terms=s.terms, active=s.active)


def create_supplier_in(uow: UnitOfWork, data: SupplierInput) -> str:
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    clean = _clean_supplier(session, data, supplier_id=None)
    supplier = Supplier(**vars(clean))
    session.add(supplier)
    session.flush()
    return supplier.id


create_supplier = action(create_supplier_in)


def update_supplier_in(uow: UnitOfWork, supplier_id: str, data: SupplierInput) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    supplier = session.get(Supplier, supplier_id)
    if supplier is None:
        raise NotFound(msg("The supplier no longer exists"))
    clean = _clean_supplier(session, data, supplier_id=supplier_id)
    for key, value in vars(clean).items():
        setattr(supplier, key, value)


update_supplier = action(update_supplier_in)


def get_supplier(db: Database, actor: Actor, supplier_id: str) -> SupplierView:
    """One supplier; NotFound if it is gone. Any thread; reads only."""
    require(actor, "cost.view")
    with db.read() as conn:
        supplier = conn.execute(select(Supplier.__table__).where(Supplier.id == supplier_id)).first()
    if supplier is None:
        raise NotFound(msg("The supplier no longer exists"))
    return _supplier_view(supplier)


def list_suppliers(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[SupplierView]:
    """The suppliers by name, the active ones only unless asked. Any thread; reads only."""
    require(actor, "cost.view")
    query = select(Supplier.__table__).order_by(func.lower(Supplier.name))
    if not include_inactive:
        query = query.where(Supplier.active.is_(True))
    with db.read() as conn:
        return [_supplier_view(s) for s in conn.execute(query)]


# --- purchase orders ------------------------------------------------------------------------------

class OrderLine(NamedTuple):
    """One line to order; a plain ``(part_id, quantity, unit_cost)`` tuple works as well."""

    part_id: str
    quantity: int  # thousandths
    unit_cost: int  # minor units per whole unit
    for_customer_id: str | None = None
    for_reference: str = ""


@dataclass(frozen=True)
class OrderLineView:
    id: str
    line_no: int
    part_id: str
    brand: str
    part_number: str
    description: str
    quantity: int
    unit_cost: int
    received: int
    back_order: int  # still expected: ordered − received, zero once the order is closed
    for_customer_id: str | None
    for_reference: str


@dataclass(frozen=True)
class OrderView:
    id: str
    number: str | None
    supplier_id: str
    supplier_name: str
    status: str
    ordered_on: date | None
    expected_on: date | None
    notes: str
    lines: list[OrderLineView]

    @property
    def total_cost(self) -> int:
        from services.billing.totals import line_cost

        return sum(line_cost(quantity_milli=line.quantity, unit_cost=line.unit_cost) for line in self.lines)


@dataclass(frozen=True)
class ReservedFlag:
    """Received stock set aside for the customer whose back order the PO line was for."""

    line_id: str
    part_id: str
    customer_id: str | None
    for_reference: str
    quantity: int
    reservation_id: str


@dataclass(frozen=True)
class ReceiptResult:
    receipt_id: str
    status: str  # the order's status after the receipt
    reserved: list[ReservedFlag] = field(default_factory=list)


def _resolve(session: Session, part_id: str) -> str:
    from services.parts import catalogue

    return catalogue.resolve_supersession(session.connection(), part_id)


def _clean_order_lines(session: Session, lines: Iterable[tuple]) -> list[OrderLine]:
    out: list[OrderLine] = []
    for i, raw in enumerate(lines, start=1):
        where = f"lines[{i}]"
        try:
            line = OrderLine(*raw)
        except TypeError:
            raise ValidationError(where, msg("A line is (part, quantity, unit cost[, customer, reference])")) from None
        if not line.part_id or session.get(Part, line.part_id) is None:
            raise ValidationError(f"{where}.part_id", msg("The part is not in the catalogue"))
        if check_quantity(f"{where}.quantity", line.quantity) <= 0:
            raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero"))
        if check_amount(f"{where}.unit_cost", line.unit_cost) < 0:
            raise ValidationError(f"{where}.unit_cost", msg("The unit cost cannot be negative"))
        if line.for_customer_id and session.get(Customer, line.for_customer_id) is None:
            raise ValidationError(f"{where}.for_customer_id", msg("The customer is not known"))
        part_id = _resolve(session, line.part_id)
        out.append(line._replace(part_id=part_id, for_customer_id=line.for_customer_id or None,
                                 for_reference=(line.for_reference or "").strip()[:80]))
    if not out:
        raise ValidationError("lines", msg("An order needs at least one line"))
    return out


def _write_order_lines(session: Session, order: PurchaseOrder, lines: list[OrderLine], actor: Actor) -> None:
    for old in session.execute(select(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order.id)).scalars():
        session.delete(old)
    session.flush()
    for no, line in enumerate(lines, start=1):
        session.add(PurchaseOrderLine(order_id=order.id, line_no=no, part_id=line.part_id, quantity=line.quantity,
                                      unit_cost=line.unit_cost, received=0, for_customer_id=line.for_customer_id,
                                      for_reference=line.for_reference))
    session.flush()


def _supplier(session: Session, supplier_id: str) -> Supplier:
    supplier = session.get(Supplier, supplier_id) if supplier_id else None
    if supplier is None:
        raise ValidationError("supplier_id", msg("Choose the supplier to order from"))
    if not supplier.active:
        raise ValidationError("supplier_id", msg("Supplier '{name}' is inactive", name=supplier.name))
    return supplier


def _order(session: Session, order_id: str, *statuses: str) -> PurchaseOrder:
    order = session.get(PurchaseOrder, order_id)
    if order is None:
        raise NotFound(msg("The purchase order no longer exists"))
    if statuses and order.status not in statuses:
        label = order.number or "The draft order"
        raise ValidationError("status", msg("{label} is {status}; this needs it {items}",
                                            label=label, status=status_word(order.status),
                                            items=word_list(statuses)))
    return order


def create_order_in(uow: UnitOfWork, supplier_id: str, lines: Iterable[tuple], *, notes: str = "") -> str:
    """Create a draft purchase order and return its id. A superseded part is ordered as its final
    replacement."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    _supplier(session, supplier_id)
    clean = _clean_order_lines(session, lines)
    order = PurchaseOrder(supplier_id=supplier_id, status="draft", notes=notes.strip())
    session.add(order)
    session.flush()
    _write_order_lines(session, order, clean, actor)
    return order.id


create_order = action(create_order_in)


def update_order_in(uow: UnitOfWork, order_id: str, lines: Iterable[tuple], *,
                 supplier_id: str | None = None, notes: str | None = None) -> None:
    """Replace a draft order's lines (and optionally its supplier and notes)."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    order = _order(session, order_id, "draft")
    if supplier_id is not None:
        _supplier(session, supplier_id)
        order.supplier_id = supplier_id
    if notes is not None:
        order.notes = notes.strip()
    _write_order_lines(session, order, _clean_order_lines(session, lines), actor)


update_order = action(update_order_in)


def delete_draft_in(uow: UnitOfWork, order_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    order = _order(session, order_id, "draft")
    for line in session.execute(select(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order_id)).scalars():
        session.delete(line)
    session.flush()
    session.delete(order)


delete_draft = action(delete_draft_in)


def send_order_in(uow: UnitOfWork, order_id: str, *, on: date | None = None) -> str:
    """Number a draft order and mark it sent on ``on`` (today by default); the expected date is
    ``on`` plus the supplier's lead time. Returns the number."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    on = on or date.today()
    order = _order(session, order_id, "draft")
    supplier = _supplier(session, order.supplier_id)
    count = session.execute(select(func.count()).where(PurchaseOrderLine.order_id == order_id)).scalar_one()
    if not count:
        raise ValidationError("lines", msg("An order needs at least one line"))
    order.number = settings.next_number(session, "purchase_order", on=on)
    order.status = "sent"
    order.ordered_on = on
    order.expected_on = on + timedelta(days=supplier.lead_time_days)
    return order.number


send_order = action(send_order_in)


def cancel_order_in(uow: UnitOfWork, order_id: str) -> None:
    """Cancel a draft or sent order; once goods have arrived an order can only be closed."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    order = _order(session, order_id)
    received = session.execute(select(func.coalesce(func.sum(PurchaseOrderLine.received), 0))
                               .where(PurchaseOrderLine.order_id == order_id)).scalar_one()
    if received and order.status != "closed":
        raise Conflict(msg("Goods have been received on {number}; close the order instead", number=order.number))
    _order(session, order_id, "draft", "sent")
    order.status = "cancelled"


cancel_order = action(cancel_order_in)


def close_order_in(uow: UnitOfWork, order_id: str) -> None:
    """Close a sent or (partly) received order: whatever is still on back order is no longer expected."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    order = _order(session, order_id, "sent", "partly_received", "received")
    order.status = "closed"


close_order = action(close_order_in)


def receive_goods_in(uow: UnitOfWork, order_id: str, lines: Mapping[str, tuple[int, int]], on: date,
                  supplier_reference: str = "") -> ReceiptResult:
    """Book a delivery against a sent order: ``lines`` maps PO line ids to (quantity received,
    actual unit cost). Either every line is booked or nothing is. Stock received on a line ordered
    for a customer's back order is reserved for that customer and listed in the result."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.receive")
    from services.parts import stock

    order = _order(session, order_id, *OPEN_STATUSES)
    if not lines:
        raise ValidationError("lines", msg("Enter the quantity received on at least one line"))
    po_lines = {line.id: line for line in session.execute(
        select(PurchaseOrderLine).where(PurchaseOrderLine.order_id == order_id)).scalars()}
    booked: list[tuple[PurchaseOrderLine, int, int]] = []
    for line_id, value in lines.items():
        where = f"lines[{line_id}]"
        line = po_lines.get(line_id)
        if line is None:
            raise ValidationError(where, msg("The line is not on {number}", number=order.number))
        try:
            quantity, unit_cost = value
        except (TypeError, ValueError):
            raise ValidationError(where, msg("Give the quantity received and the unit cost")) from None
        if check_quantity(f"{where}.quantity", quantity) < 0:
            raise ValidationError(f"{where}.quantity", msg("Line {line_no}: the quantity cannot be negative",
                                                           line_no=line.line_no))
        if check_amount(f"{where}.unit_cost", unit_cost) < 0:
            raise ValidationError(f"{where}.unit_cost", msg("Line {line_no}: the unit cost cannot be negative",
                                                            line_no=line.line_no))
        outstanding = line.quantity - line.received
        if quantity > outstanding:
            raise ValidationError(
                f"{where}.quantity",
                msg("Line {line_no}: {quantity} received but only {outstanding} still on order",
                    line_no=line.line_no, quantity=_qty(quantity), outstanding=_qty(outstanding)))
        if quantity:
            booked.append((line, quantity, unit_cost))
    if not booked:
        raise ValidationError("lines", msg("Enter the quantity received on at least one line"))
    receipt = GoodsReceipt(order_id=order_id, received_on=on, supplier_reference=supplier_reference.strip()[:80])
    session.add(receipt)
    session.flush()
    reserved: list[ReservedFlag] = []
    for line, quantity, unit_cost in sorted(booked, key=lambda b: b[0].line_no):
        stock.record_movement(session, part_id=line.part_id, kind="receipt", quantity=quantity,
                              unit_cost=unit_cost, moved_on=on, reference=order.number or "", source_id=line.id)
        line.received += quantity
        if line.for_customer_id or line.for_reference:
            reference = line.for_reference or order.number or ""
            reservation_id = stock.add_reservation(session, part_id=line.part_id, quantity=quantity,
                                                   for_reference=reference, customer_id=line.for_customer_id)
            reserved.append(ReservedFlag(line_id=line.id, part_id=line.part_id, customer_id=line.for_customer_id,
                                         for_reference=reference, quantity=quantity,
                                         reservation_id=reservation_id))
    done = all(line.received >= line.quantity for line in po_lines.values())
    order.status = "received" if done else "partly_received"
    session.flush()
    return ReceiptResult(receipt_id=receipt.id, status=order.status, reserved=reserved)


receive_goods = action(receive_goods_in)


def _qty(quantity: int) -> str:
    from core.quantities import quantity_text

    return quantity_text(quantity)


def get_order(db: Database, actor: Actor, order_id: str) -> OrderView:
    """The order with its lines and what each still has on back order; NotFound if it is gone.
    Any thread; reads only."""
    require(actor, "cost.view")
    with db.read() as conn:
        order = conn.execute(select(PurchaseOrder.__table__).where(PurchaseOrder.id == order_id)).first()
        if order is None:
            raise NotFound(msg("The purchase order no longer exists"))
        supplier_name = conn.execute(select(Supplier.name).where(Supplier.id == order.supplier_id)).scalar()
        rows = conn.execute(text(
            "SELECT l.id, l.line_no, l.part_id, b.name AS brand, p.part_number, p.description, l.quantity, "
            "l.unit_cost, l.received, l.for_customer_id, l.for_reference "
            "FROM purchase_order_line l JOIN part p ON p.id = l.part_id JOIN brand b ON b.id = p.brand_id "
            "WHERE l.order_id = :order ORDER BY l.line_no"), {"order": order_id}).all()
        open_order = order.status in ON_ORDER_STATUSES
        lines = [OrderLineView(id=r.id, line_no=r.line_no, part_id=r.part_id, brand=r.brand,
                               part_number=r.part_number, description=r.description, quantity=r.quantity,
                               unit_cost=r.unit_cost, received=r.received,
                               back_order=max(r.quantity - r.received, 0) if open_order else 0,
                               for_customer_id=r.for_customer_id, for_reference=r.for_reference) for r in rows]
        return OrderView(id=order.id, number=order.number, supplier_id=order.supplier_id,
                         supplier_name=supplier_name or "", status=order.status,
                         ordered_on=order.ordered_on, expected_on=order.expected_on, notes=order.notes, lines=lines)


@dataclass(frozen=True)
class OrderRow:
    id: str
    number: str | None
    supplier_name: str
    status: str
    ordered_on: date | None
    expected_on: date | None
    lines: int
    back_order: int


def list_orders(db: Database, actor: Actor, *, status: str = "", supplier_id: str = "") -> list[OrderRow]:
    require(actor, "cost.view")
    where, params = ["1 = 1"], {}
    if status:
        where.append("o.status = :status")
        params["status"] = status
    if supplier_id:
        where.append("o.supplier_id = :supplier")
        params["supplier"] = supplier_id
    with db.read() as conn:
        rows = conn.execute(text(
            "SELECT o.id, o.number, s.name, o.status, o.ordered_on, o.expected_on, count(l.id), "
            "coalesce(sum(CASE WHEN o.status IN ('draft', 'sent', 'partly_received') "
            "THEN max(l.quantity - l.received, 0) ELSE 0 END), 0) "
            "FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id "
            "LEFT JOIN purchase_order_line l ON l.order_id = o.id "
            f"WHERE {' AND '.join(where)} GROUP BY o.id ORDER BY o.created_at DESC"), params).all()
        return [OrderRow(r[0], r[1], r[2], r[3], _as_date(r[4]), _as_date(r[5]), r[6], r[7]) for r in rows]


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- reorder suggestions --------------------------------------------------------------------------

@dataclass(frozen=True)
class Suggestion:
    part_id: str
    brand: str
    part_number: str
    description: str
    supplier_id: str | None
    on_hand: int
    reserved: int
    available: int
    on_order: int
    min_qty: int  # the part's stored minimum, which the stock position is compared with
    max_qty: int
    manual: bool  # min/max set by hand rather than by the reorder rule
    demand_12m: int
    quantity: int  # to bring the stock position up to max, in whole units
    unit_cost: int
    suggested_min: int = 0  # the reorder rule's figures from demand today
    suggested_max: int = 0


@dataclass(frozen=True)
class SupplierSuggestions:
    supplier_id: str | None  # None: parts without a preferred supplier
    supplier_name: str
    lines: list[Suggestion]


def reorder_levels(db: Database, actor: Actor, part_id: str, *, today: date | None = None) -> ReorderLevels:
    """The part's stored min/max with the figures the reorder rule suggests today. Any thread; reads only."""
    require(actor, "part.view")
    with db.read() as conn:
        rows = level_rows(conn, today=today or date.today(), part_ids=[part_id], below_minimum=False)
        if rows:
            return levels_of(rows[0])
        part = conn.execute(select(Part.min_qty, Part.max_qty, Part.reorder_manual)
                            .where(Part.id == part_id)).first()
    if part is None:
        raise NotFound(msg("The part no longer exists"))
    # Neither stored levels nor demand (or an older number of a chain, never ordered): nothing to suggest.
    return ReorderLevels(part_id=part_id, min_qty=part.min_qty, max_qty=part.max_qty, manual=bool(part.reorder_manual),
                         suggested_min=0, suggested_max=0, demand_12m=0)


def apply_reorder_rule_in(uow: UnitOfWork, *, today: date | None = None) -> int:
    """Store the suggested min/max on every active part that is not set to manual, where it differs
    from the stored one. Returns how many parts changed."""
    require(uow.actor, "purchase.edit")
    changed = reorder_rule_changes(uow.session.connection(), today=today or date.today())
    uow.update(Part, changed)
    return len(changed)


apply_reorder_rule = action(apply_reorder_rule_in)


def _suggestions(conn, *, today: date, part_ids: Collection[str] | None = None) -> list[Suggestion]:
    out = []
    for r in level_rows(conn, today=today, part_ids=part_ids, below_minimum=True):
        available = r.on_hand - r.reserved
        level_max = max(r.level_max, r.level_min)
        need = level_max - available - r.on_order
        quantity = -(-need // UNIT) * UNIT
        if quantity <= 0:
            continue
        out.append(Suggestion(part_id=r.id, brand=r.brand, part_number=r.part_number, description=r.description,
                              supplier_id=r.preferred_supplier_id, on_hand=r.on_hand, reserved=r.reserved,
                              available=available, on_order=r.on_order, min_qty=r.level_min, max_qty=level_max,
                              manual=bool(r.manual), demand_12m=r.demand, quantity=quantity,
                              unit_cost=r.list_cost or r.average_cost, suggested_min=r.suggested_min,
                              suggested_max=max(r.suggested_max, r.suggested_min)))
    return out


def _group(conn, rows: list[Suggestion]) -> list[SupplierSuggestions]:
    names = dict(conn.execute(text("SELECT id, name FROM supplier")).all())
    groups: dict[str | None, list[Suggestion]] = {}
    for row in rows:
        groups.setdefault(row.supplier_id, []).append(row)
    out = [SupplierSuggestions(supplier_id=sid, supplier_name=names.get(sid, "") if sid else "",
                               lines=sorted(lines, key=lambda s: (s.brand, s.part_number)))
           for sid, lines in groups.items()]
    # Parts without a supplier come last: they need a decision before anything can be ordered.
    return sorted(out, key=lambda g: (g.supplier_id is None, g.supplier_name.lower()))


def suggestions(db: Database, actor: Actor, *, today: date | None = None) -> list[SupplierSuggestions]:
    """Parts whose available stock plus what is on order is below their minimum, with the quantity
    that brings them to their maximum, grouped by preferred supplier. Safe on any thread (read only)."""
    require(actor, "cost.view")
    with db.read() as conn:
        return _group(conn, _suggestions(conn, today=today or date.today()))


def make_orders_from_suggestions_in(uow: UnitOfWork, *, part_ids: Collection[str] | None = None,
                                 quantities: Mapping[str, int] | None = None,
                                 today: date | None = None) -> list[str]:
    """Turn the current suggestions (all, or those for ``part_ids``) into one draft order per
    supplier, with ``quantities`` overriding the suggested quantity per part (0 leaves a part out).
    Parts without a preferred supplier are left out. Returns the draft order ids."""
    actor, session = uow.actor, uow.session
    require(actor, "purchase.edit")
    quantities = {part_id: check_quantity(f"quantities[{part_id}]", quantity)
                  for part_id, quantity in (quantities or {}).items()}
    rows = _suggestions(session.connection(), today=today or date.today(), part_ids=part_ids)
    by_supplier: dict[str, list[OrderLine]] = {}
    for row in rows:
        quantity = quantities.get(row.part_id, row.quantity)
        if row.supplier_id is None or quantity <= 0:
            continue
        by_supplier.setdefault(row.supplier_id, []).append(OrderLine(row.part_id, quantity, row.unit_cost))
    ids = []
    for supplier_id in sorted(by_supplier):
        _supplier(session, supplier_id)
        order = PurchaseOrder(supplier_id=supplier_id, status="draft", notes="From reorder suggestions")
        session.add(order)
        session.flush()
        _write_order_lines(session, order, by_supplier[supplier_id], actor)
        ids.append(order.id)
    return ids


make_orders_from_suggestions = action(make_orders_from_suggestions_in)


# --- supplier performance -------------------------------------------------------------------------

@dataclass(frozen=True)
class PricePoint:
    part_id: str
    part_number: str
    received_on: date
    unit_cost: int
    order_number: str
    change: int | None  # against the previous receipt of the same part from this supplier


@dataclass(frozen=True)
class SupplierPerformance:
    supplier_id: str
    supplier_name: str
    receipts: int
    on_time_receipts: int  # received on or before the order's expected date
    ordered: int  # on finished (received or closed) orders, thousandths
    received: int
    price_history: list[PricePoint]

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time_receipts / self.receipts if self.receipts else None

    @property
    def fill_rate(self) -> float | None:
        return self.received / self.ordered if self.ordered else None


def supplier_performance(db: Database, actor: Actor, supplier_id: str, *,
                         since: date | None = None) -> SupplierPerformance:
    """On-time rate of deliveries, fill rate of finished orders and unit cost per part per receipt
    (``since`` limits all three to orders sent or goods received from that day)."""
    require(actor, "cost.view")
    params = {"supplier": supplier_id, "since": (since or date(1900, 1, 1)).isoformat()}
    with db.read() as conn:
        name = conn.execute(text("SELECT name FROM supplier WHERE id = :supplier"), params).scalar()
        if name is None:
            raise NotFound(msg("The supplier no longer exists"))
        receipts, on_time = conn.execute(text(
            "SELECT count(*), coalesce(sum(r.received_on <= o.expected_on), 0) "
            "FROM goods_receipt r JOIN purchase_order o ON o.id = r.order_id "
            "WHERE o.supplier_id = :supplier AND r.received_on >= :since"), params).one()
        ordered, received = conn.execute(text(
            "SELECT coalesce(sum(l.quantity), 0), coalesce(sum(l.received), 0) "
            "FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id "
            "WHERE o.supplier_id = :supplier AND o.status IN ('received', 'closed') "
            "AND o.ordered_on >= :since"), params).one()
        rows = conn.execute(text(
            "SELECT m.part_id, p.part_number, m.moved_on, m.unit_cost, o.number, "
            "m.unit_cost - lag(m.unit_cost) OVER (PARTITION BY m.part_id ORDER BY m.moved_on, m.id) AS change "
            "FROM stock_movement m JOIN purchase_order_line l ON l.id = m.source_id "
            "JOIN purchase_order o ON o.id = l.order_id JOIN part p ON p.id = m.part_id "
            "WHERE m.kind = 'receipt' AND o.supplier_id = :supplier AND m.moved_on >= :since "
            "ORDER BY p.part_number, m.moved_on, m.id"), params).all()
        history = [PricePoint(part_id=r[0], part_number=r[1], received_on=_as_date(r[2]), unit_cost=r[3],
                              order_number=r[4] or "", change=r[5]) for r in rows]
        return SupplierPerformance(supplier_id=supplier_id, supplier_name=name, receipts=receipts,
                                   on_time_receipts=on_time, ordered=ordered, received=received,
                                   price_history=history)
