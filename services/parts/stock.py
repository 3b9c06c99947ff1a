"""The stock ledger (DESIGN §4): movements, on hand, reservations and the moving average cost.

:func:`record_movement` is the one way stock changes. It appends a ``stock_movement`` row and, in
the same transaction, updates the part's cached ``part_stock`` row (on hand, average cost, date of
the last movement), so reading a part's stock is one primary-key lookup however long its ledger.

Costing is the moving weighted average per part (:mod:`services.parts.costing` states the rule):
stock coming in at a cost re-averages, stock going out goes out at the average of that moment,
which the movement records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, or_, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, round_half_up
from core.quantities import QUANTITY_SCALE, InsufficientStock, check_quantity
from models.base import utcnow
from models.parts import MOVEMENT_KINDS, Part, PartStock, StockMovement, StockReservation
from services import settings
from services.parts import levels
from services.parts.costing import cost_movement
from services.parts.levels import levels_follow
from services.permissions import require, require_any
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

INCOMING = frozenset({"receipt", "return_from_job", "customer_return"})
OUTGOING = frozenset({"issue", "counter_sale"})
REFUSED_ACTION = "stock_refused"  # audit action of a movement refused for want of stock


@dataclass(frozen=True)
class StockLevel:
    on_hand: int
    reserved: int
    available: int
    average_cost: int


@dataclass(frozen=True)
class MovementRow:
    id: str
    kind: str
    quantity: int
    unit_cost: int
    moved_on: date
    reference: str
    source_id: str | None
    notes: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class ReservationRow:
    id: str
    quantity: int
    for_reference: str
    customer_id: str | None
    created_at: datetime


def _stock_row(session: Session, part_id: str) -> PartStock:
    row = session.get(PartStock, part_id)
    if row is None:
        if session.get(Part, part_id) is None:
            raise NotFound(msg("The part no longer exists"))
        row = PartStock(part_id=part_id, on_hand=0, reserved=0, average_cost=0)
        session.add(row)
        session.flush()
    return row


def _part_number(session: Session | Connection, part_id: str) -> str:
    return session.execute(select(Part.part_number).where(Part.id == part_id)).scalar() or part_id


def _held_for(session: Session, part_id: str, *, customer_id: str | None,
              for_reference: str) -> list[StockReservation]:
    """The active reservations of ``part_id`` held by ``customer_id`` or for ``for_reference``,
    oldest first."""
    held_by = []
    if customer_id:
        held_by.append(StockReservation.customer_id == customer_id)
    if for_reference:
        held_by.append(StockReservation.for_reference == for_reference)
    if not held_by:
        return []
    return list(session.execute(
        select(StockReservation).where(StockReservation.part_id == part_id, StockReservation.released_at.is_(None),
                                       or_(*held_by)).order_by(StockReservation.id)).scalars())


def record_movement(session: Session, *, part_id: str, kind: str, quantity: int, unit_cost: int | None = None,
                    moved_on: date, reference: str = "", source_id: str | None = None, notes: str = "",
                    for_customer_id: str | None = None, for_reference: str = "") -> str:
    """Append one movement of ``quantity`` (signed thousandths) and update the cached stock, inside
    the caller's write transaction; returns the movement id.

    Receipts and returns are positive, issues and counter sales negative; adjustments and count
    variances either. A receipt needs its ``unit_cost``; a return comes back at the ``unit_cost``
    the caller passes (the cost it went out at), or at the average if none. Anything going out is
    costed at the current average whatever ``unit_cost`` says.

    Stock going out (anything but a count variance, which sets on hand to what was counted) may
    take only what is *available*: on hand less what is reserved for others. Reservations held by
    ``for_customer_id`` or made for ``for_reference`` are the mover's own: they are consumed by the
    movement (oldest first) rather than standing in its way. A movement that would take more raises
    :class:`InsufficientStock` and writes nothing, unless the dealership settings allow negative
    stock."""
    if kind not in MOVEMENT_KINDS:
        raise ValidationError("kind", msg("Movement type must be one of {items}", items=', '.join(MOVEMENT_KINDS)))
    if check_quantity("quantity", quantity) == 0:
        raise ValidationError("quantity", msg("A movement needs a quantity other than zero"))
    if kind in INCOMING and quantity < 0:
        raise ValidationError("quantity", msg("A {kind} brings stock in: the quantity is positive",
                                              kind=kind.replace('_', ' ')))
    if kind in OUTGOING and quantity > 0:
        raise ValidationError("quantity", msg("An {kind} takes stock out: the quantity is negative",
                                              kind=kind.replace('_', ' ')))
    if moved_on > clock.today():
        raise ValidationError("on", msg("Stock cannot move on a future date ({day})", day=moved_on.isoformat()))
    if kind == "receipt" and unit_cost is None:
        raise ValidationError("unit_cost", msg("A receipt needs its unit cost"))
    if unit_cost is not None and check_amount("unit_cost", unit_cost) < 0:
        raise ValidationError("unit_cost", msg("A cost cannot be negative"))
    stock = _stock_row(session, part_id)
    on_hand, average = stock.on_hand, stock.average_cost
    if quantity < 0 and kind != "count_variance":
        own = _held_for(session, part_id, customer_id=for_customer_id, for_reference=for_reference)
        reserved_for_others = stock.reserved - sum(r.quantity for r in own)
        available = on_hand - reserved_for_others
        if available + quantity < 0 and not settings.load(session).allow_negative_stock:
            raise InsufficientStock(part_id, _part_number(session, part_id), available=max(available, 0),
                                    requested=-quantity, reserved=reserved_for_others)
        _consume(session, stock, own, -quantity)
    cost, stock.average_cost = cost_movement(on_hand=on_hand, average=average, quantity=quantity,
                                             unit_cost=unit_cost)
    actor = session.info.get("actor")
    who = actor.username if actor else ""
    movement = StockMovement(part_id=part_id, kind=kind, quantity=quantity, unit_cost=cost, moved_on=moved_on,
                             reference=reference, source_id=source_id, notes=notes, created_by=who, updated_by=who)
    session.add(movement)
    if kind in DEMAND_KINDS:
        levels_follow(session, part_id)
    stock.on_hand = on_hand + quantity
    if stock.last_movement_on is None or moved_on > stock.last_movement_on:
        stock.last_movement_on = moved_on
    session.flush()
    return movement.id


def _consume(session: Session, stock: PartStock, own: list[StockReservation], quantity: int) -> None:
    """Take ``quantity`` out of the mover's own reservations, oldest first: a reservation taken
    whole is released, one taken in part keeps the rest."""
    for reservation in own:
        if quantity <= 0:
            break
        taken = min(reservation.quantity, quantity)
        if taken == reservation.quantity:
            reservation.released_at = utcnow()
        else:
            reservation.quantity -= taken
        stock.reserved -= taken
        quantity -= taken


def count_to(session: Session, *, part_id: str, counted: int, moved_on: date, reference: str = "",
             source_id: str | None = None, expected: int | None = None) -> str | None:
    """Record the count variance that brings on hand to ``counted`` (measured against ``expected``,
    the on hand when the part was counted, default the current on hand); None when there is no
    variance. Inside the caller's write transaction."""
    if check_quantity("counted", counted) < 0:
        raise ValidationError("counted", msg("A counted quantity cannot be negative"))
    base = _stock_row(session, part_id).on_hand if expected is None else expected
    variance = counted - base
    if variance == 0:
        return None
    return record_movement(session, part_id=part_id, kind="count_variance", quantity=variance, moved_on=moved_on,
                           reference=reference, source_id=source_id)


# --- reading --------------------------------------------------------------------------------------

def stock_level(conn: Connection | Session, part_id: str) -> StockLevel:
    """On hand, reserved, available and average cost from the cached row: one key lookup."""
    row = conn.execute(select(PartStock.on_hand, PartStock.reserved, PartStock.average_cost)
                       .where(PartStock.part_id == part_id)).first()
    if row is None:
        return StockLevel(0, 0, 0, 0)
    return StockLevel(row.on_hand, row.reserved, row.on_hand - row.reserved, row.average_cost)


def ledger_on_hand(conn: Connection | Session, part_id: str) -> int:
    """On hand summed from the movements themselves (for checks against the cached figure)."""
    return conn.execute(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                        .where(StockMovement.part_id == part_id)).scalar_one()


def ledger_reserved(conn: Connection | Session, part_id: str) -> int:
    """Reserved summed from the active reservations (for checks against the cached figure)."""
    return conn.execute(select(func.coalesce(func.sum(StockReservation.quantity), 0))
                        .where(StockReservation.part_id == part_id, StockReservation.released_at.is_(None))
                        ).scalar_one()


@dataclass(frozen=True)
class ValuedMovement:
    """A movement with what it did to its part's stock value (``value``: the part's on hand ×
    moving average after it, less before it, each rounded half-up to the minor unit)."""

    id: str
    part_id: str
    kind: str
    moved_on: date
    quantity: int
    unit_cost: int
    reference: str
    value: int


def stock_value(on_hand: int, average: int) -> int:
    """The value of ``on_hand`` (thousandths) at ``average`` in minor units, rounded half-up."""
    return round_half_up(Decimal(on_hand) * average / QUANTITY_SCALE)


def valued_movements(conn: Connection | Session, *, end: date) -> Iterator[ValuedMovement]:
    """Every movement dated on or before ``end``, in date order (the order of entry within a day),
    with the change it made to its part's value. The ledger is replayed with the costing rule, so
    the values of the movements up to any day add up exactly to :func:`valuation` of that day.
    Reads only; any thread."""
    m = StockMovement
    rows = conn.execute(select(m.id, m.part_id, m.kind, m.moved_on, m.quantity, m.unit_cost, m.reference)
                        .where(m.moved_on <= end).order_by(m.moved_on, m.id))
    state: dict[str, tuple[int, int]] = {}
    for r in rows:
        on_hand, average = state.get(r.part_id, (0, 0))
        cost, after_average = cost_movement(on_hand=on_hand, average=average, quantity=r.quantity,
                                            unit_cost=r.unit_cost if r.quantity > 0 else None)
        after = on_hand + r.quantity
        state[r.part_id] = (after, after_average)
        yield ValuedMovement(r.id, r.part_id, r.kind, r.moved_on, r.quantity, cost, r.reference,
                             stock_value(after, after_average) - stock_value(on_hand, average))


def valuation(conn: Connection | Session, *, on: date) -> int:
    """The stock's value at the end of ``on``: the sum over parts of on hand × moving average, from
    the ledger. Reads only; any thread."""
    return sum(v.value for v in valued_movements(conn, end=on))


def get_level(db: Database, actor: Actor, part_id: str) -> StockLevel:
    """:func:`stock_level` for a user who may view parts. Any thread; reads only."""
    require(actor, "part.view")
    with db.read() as conn:
        return stock_level(conn, part_id)


def movements(db: Database, actor: Actor, part_id: str, *, offset: int = 0, limit: int = 100) -> list[MovementRow]:
    """A page of a part's movements, newest first. Any thread; reads only."""
    require(actor, "part.view")
    m = StockMovement
    with db.read() as conn:
        rows = conn.execute(
            select(m.id, m.kind, m.quantity, m.unit_cost, m.moved_on, m.reference, m.source_id, m.notes,
                   m.created_by, m.created_at)
            .where(m.part_id == part_id).order_by(m.moved_on.desc(), m.id.desc()).offset(offset).limit(limit))
        return [MovementRow(*r) for r in rows]


def reservations(db: Database, actor: Actor, part_id: str) -> list[ReservationRow]:
    """A part's active reservations, oldest first. Any thread; reads only."""
    require(actor, "part.view")
    r = StockReservation
    with db.read() as conn:
        rows = conn.execute(select(r.id, r.quantity, r.for_reference, r.customer_id, r.created_at)
                            .where(r.part_id == part_id, r.released_at.is_(None)).order_by(r.id))
        return [ReservationRow(*x) for x in rows]


# --- adjustments ----------------------------------------------------------------------------------

# The permissions under which stock leaves or enters: a refused attempt can come only from these.
STOCK_MOVING_PERMISSIONS = ("invoice.post", "invoice.credit", "stock.adjust", "stock.count", "purchase.receive")


def record_refused_in(uow: UnitOfWork, exc: InsufficientStock, *, kind: str, reference: str = "") -> None:
    """Write a refused movement to the audit trail in its own transaction (the refused change
    itself was rolled back), so the negative-stock alert can list attempts. Only someone who may move
    stock has such an attempt to record."""
    require_any(uow.actor, *STOCK_MOVING_PERMISSIONS)
    uow.audit([Change(
        REFUSED_ACTION, "part", exc.part_id, None,
        {"kind": kind, "requested": exc.requested, "available": exc.available, "reference": reference},
        summary=exc.detail)])


record_refused = action(record_refused_in)


def adjust(db: Database, actor: Actor, part_id: str, quantity: int, reason: str, *, on: date | None = None,
           unit_cost: int | None = None) -> str:
    """Adjust a part's stock by ``quantity`` (signed thousandths) for ``reason``; returns the
    movement id. Stock found comes in at ``unit_cost`` or the average; a refusal for want of stock
    is recorded in the audit trail before :class:`InsufficientStock` is raised."""
    require(actor, "stock.adjust")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("reason", msg("Say why the stock is adjusted"))
    if check_quantity("quantity", quantity) == 0:
        raise ValidationError("quantity", msg("An adjustment needs a quantity other than zero"))
    if unit_cost is not None:
        check_amount("unit_cost", unit_cost, minimum=0)
    moved_on = on or date.today()
    try:
        with UnitOfWork(db, actor) as uow:
            session = uow.session
            movement_id = record_movement(session, part_id=part_id, kind="adjustment", quantity=quantity,
                                          unit_cost=unit_cost, moved_on=moved_on, notes=reason)
            level = stock_level(session, part_id)
            uow.audit([Change(
                "adjust", "part", part_id, None,
                {"quantity": quantity, "on_hand": level.on_hand, "movement_id": movement_id},
                summary=msg("Stock of {part} adjusted: {reason}", part=_part_number(session, part_id),
                            reason=reason))])
            uow.commit()
            return movement_id
    except InsufficientStock as exc:
        record_refused(db, actor, exc, kind="adjustment", reference=reason)
        raise


def issue(db: Database, actor: Actor, part_id: str, quantity: int, *, reference: str, on: date | None = None,
          source_id: str | None = None) -> str:
    """Issue ``quantity`` (positive thousandths) to a repair order ``reference`` at the average
    cost; returns the movement id. A refusal for want of stock is audited, then raised."""
    require(actor, "part.edit")
    if check_quantity("quantity", quantity) <= 0:
        raise ValidationError("quantity", msg("Issue a quantity more than zero"))
    try:
        with UnitOfWork(db, actor) as uow:
            session = uow.session
            movement_id = record_movement(session, part_id=part_id, kind="issue", quantity=-quantity,
                                          moved_on=on or date.today(), reference=reference, source_id=source_id,
                                          for_reference=reference)
            uow.commit()
            return movement_id
    except InsufficientStock as exc:
        record_refused(db, actor, exc, kind="issue", reference=reference)
        raise


# --- reservations ---------------------------------------------------------------------------------

def add_reservation(session: Session, *, part_id: str, quantity: int, for_reference: str,
                    customer_id: str | None = None) -> str:
    """Set ``quantity`` aside for ``for_reference`` inside the caller's write transaction; refuses
    more than is available. Returns the reservation id."""
    if check_quantity("quantity", quantity) <= 0:
        raise ValidationError("quantity", msg("Reserve a quantity more than zero"))
    if not (for_reference or "").strip():
        raise ValidationError("for_reference", msg("Say what the stock is reserved for"))
    stock = _stock_row(session, part_id)
    available = stock.on_hand - stock.reserved
    if quantity > available:
        raise InsufficientStock(part_id, _part_number(session, part_id), available=max(available, 0),
                                requested=quantity)
    actor = session.info.get("actor")
    who = actor.username if actor else ""
    reservation = StockReservation(part_id=part_id, quantity=quantity, for_reference=for_reference.strip(),
                                   customer_id=customer_id, created_by=who, updated_by=who)
    session.add(reservation)
    stock.reserved += quantity
    session.flush()
    return reservation.id


def release_reservation(session: Session, reservation_id: str) -> None:
    """Give reserved stock back to available inside the caller's write transaction (idempotent)."""
    reservation = session.get(StockReservation, reservation_id)
    if reservation is None:
        raise NotFound(msg("The reservation no longer exists"))
    if reservation.released_at is not None:
        return
    reservation.released_at = utcnow()
    _stock_row(session, reservation.part_id).reserved -= reservation.quantity
    session.flush()


def release_for(session: Session, *, part_id: str, for_reference: str, quantity: int) -> int:
    """Give back to available up to ``quantity`` of what is reserved of ``part_id`` for
    ``for_reference`` (newest reservations first; one taken in part keeps the rest), inside the
    caller's write transaction. Returns the quantity released."""
    held = _held_for(session, part_id, customer_id=None, for_reference=for_reference)
    stock = _stock_row(session, part_id)
    released = 0
    for reservation in reversed(held):
        if released >= quantity:
            break
        taken = min(reservation.quantity, quantity - released)
        if taken == reservation.quantity:
            reservation.released_at = utcnow()
        else:
            reservation.quantity -= taken
        stock.reserved -= taken
        released += taken
    session.flush()
    return released


def reserve_in(uow: UnitOfWork, part_id: str, quantity: int, for_reference: str, *,
            customer_id: str | None = None) -> str:
    """Reserve stock for a repair order or a customer's back order; returns the reservation id."""
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    reservation_id = add_reservation(session, part_id=part_id, quantity=quantity, for_reference=for_reference,
                                     customer_id=customer_id)
    return reservation_id


reserve = action(reserve_in)


def release_in(uow: UnitOfWork, reservation_id: str) -> None:
    """Release a reservation (releasing one twice does nothing)."""
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    release_reservation(session, reservation_id)


release = action(release_in)


# Stock out to jobs and counter sales is demand; returns from them take it back. Out is negative in
# the ledger and returns positive, so demand is minus the sum of these movements.
DEMAND_KINDS = levels.DEMAND_KINDS


def monthly_demand(db: Database, actor: Actor, part_id: str, *, months: int = 12,
                   today: date | None = None) -> list[tuple[str, int]]:
    """Net demand (issues and counter sales less returns, thousandths) per month for the last
    ``months`` months including the current one, oldest first, months without demand as 0.
    Any thread; reads only."""
    require(actor, "part.view")
    today = today or date.today()
    first = date(today.year, today.month, 1)
    labels = []
    year, month = first.year, first.month
    for _ in range(months):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    labels.reverse()
    start = date(int(labels[0][:4]), int(labels[0][5:]), 1)
    m = StockMovement
    with db.read() as conn:
        rows = conn.execute(
            select(func.strftime("%Y-%m", m.moved_on), m.kind, func.sum(m.quantity))
            .where(m.part_id == part_id, m.moved_on >= start, m.kind.in_(DEMAND_KINDS))
            .group_by(func.strftime("%Y-%m", m.moved_on), m.kind)).all()
    totals = dict.fromkeys(labels, 0)
    for month_label, _kind, quantity in rows:
        if month_label in totals:
            totals[month_label] -= int(quantity)
    return list(totals.items())
