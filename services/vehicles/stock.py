"""A stock vehicle's status, changed only here, each change recorded as a stock event (who, when, why).

The way through stock is on order → in transit → in stock, then reserved by a deal → sold (its
invoice posted) → delivered. A reservation can be released (the deal cancelled, or another car
chosen): the vehicle goes back to where it was before it was reserved. Every core takes the caller's
unit of work, so a deal that reserves a car and takes a deposit is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.status_words import status_word
from models.base import utcnow
from models.vehicles import StockEvent, StockVehicle, StockVehicleCost
from services.permissions import require, require_any
from store.uow import UnitOfWork, action

# Where each status may go by an ordinary move (reserve, release, sell and deliver have their own).
ARRIVALS = {"on_order": ("in_transit", "in_stock"), "in_transit": ("in_stock",)}


@dataclass(frozen=True)
class StockState:
    id: str
    stock_number: str
    status: str
    deal_id: str | None


def _get(session: Session, stock_vehicle_id: str) -> StockVehicle:
    row = session.get(StockVehicle, stock_vehicle_id)
    if row is None:
        raise NotFound(msg("The stock vehicle is not known"))
    return row


def _move(uow: UnitOfWork, row: StockVehicle, to_status: str, *, deal_id: str | None = None,
          reason: str = "") -> StockState:
    from_status = row.status
    row.status = to_status
    uow.session.add(StockEvent(stock_vehicle_id=row.id, at=utcnow(), by=uow.actor.username,
                               from_status=from_status, to_status=to_status,
                               deal_id=deal_id if deal_id is not None else row.deal_id, reason=reason.strip()))
    uow.session.flush()
    uow.touched("stock_vehicle", [row.id])
    return StockState(row.id, row.stock_number, row.status, row.deal_id)


def _refuse(row: StockVehicle, action: str) -> Conflict:
    return Conflict(msg("Stock vehicle {number} is {status}: it cannot be {action}",
                        number=row.stock_number, status=status_word(row.status), action=action))


def check_date_order(ordered_on, produced_on, arrived_on) -> None:
    """Refuse a car arriving before it was ordered or produced (a car may be ordered after it was
    produced: one taken from the maker's stock)."""
    if arrived_on is None:
        return
    if ordered_on is not None and arrived_on < ordered_on:
        raise ValidationError("arrived_on", msg("The car cannot arrive before it was ordered"))
    if produced_on is not None and arrived_on < produced_on:
        raise ValidationError("arrived_on", msg("The car cannot arrive before it was produced"))


def arrive_in(uow: UnitOfWork, stock_vehicle_id: str, to_status: str, *, on=None, reason: str = "") -> StockState:
    """Move an ordered vehicle on: in transit, or into stock (``on`` is the arrival day, default today)."""
    require(uow.actor, "vehicle.stock")
    row = _get(uow.session, stock_vehicle_id)
    if to_status not in ARRIVALS.get(row.status, ()):
        raise _refuse(row, msg("moved to {status}", status=status_word(to_status)))
    if to_status == "in_stock":
        if on is not None and on > clock.today():
            raise ValidationError("arrived_on", msg("The arrival day is in the future"))
        check_date_order(row.ordered_on, row.produced_on, on or clock.today())
        row.arrived_on = on or clock.today()
    return _move(uow, row, to_status, reason=reason)


arrive = action(arrive_in)


def reserve_in(uow: UnitOfWork, stock_vehicle_id: str, deal_id: str, *, deal_number: str = "") -> StockState:
    """Hold the vehicle for ``deal_id``. Refused while another deal holds it or once it is sold."""
    require(uow.actor, "deal.edit")
    row = _get(uow.session, stock_vehicle_id)
    if row.deal_id == deal_id and row.status in ("reserved", "sold", "delivered"):
        return StockState(row.id, row.stock_number, row.status, row.deal_id)
    if row.deal_id and row.deal_id != deal_id:
        raise Conflict(msg("Stock vehicle {number} is held by another deal{other}", number=row.stock_number,
                           other=f" ({deal_number})" if deal_number else ""))
    if row.status not in ("on_order", "in_transit", "in_stock"):
        raise _refuse(row, msg("reserved"))
    row.deal_id = deal_id
    return _move(uow, row, "reserved", deal_id=deal_id)


def release_in(uow: UnitOfWork, stock_vehicle_id: str, deal_id: str, *, reason: str = "") -> StockState:
    """Give up ``deal_id``'s hold: the vehicle goes back to the status it had before it was reserved."""
    require(uow.actor, "deal.edit")
    row = _get(uow.session, stock_vehicle_id)
    if row.deal_id != deal_id:
        return StockState(row.id, row.stock_number, row.status, row.deal_id)
    if row.status != "reserved":
        raise _refuse(row, msg("released"))
    before = uow.session.execute(
        select(StockEvent.from_status).where(StockEvent.stock_vehicle_id == row.id, StockEvent.to_status == "reserved")
        .order_by(StockEvent.at.desc(), StockEvent.id.desc()).limit(1)).scalar()
    if before not in ("on_order", "in_transit", "in_stock"):
        before = "in_stock" if row.arrived_on else "on_order"
    back = before
    row.deal_id = None
    return _move(uow, row, back, deal_id=deal_id, reason=reason)


def sell_in(uow: UnitOfWork, stock_vehicle_id: str, deal_id: str, *, on=None) -> StockState:
    """The deal's invoice is posted: the vehicle is sold (it must be reserved by that deal)."""
    # The deal's invoice is posted at the cash desk as often as by the salesperson.
    require_any(uow.actor, "deal.edit", "invoice.post")
    row = _get(uow.session, stock_vehicle_id)
    if row.deal_id != deal_id or row.status != "reserved":
        raise _refuse(row, msg("sold"))
    row.sold_on = on or clock.today()
    return _move(uow, row, "sold", deal_id=deal_id)


def unsell_in(uow: UnitOfWork, stock_vehicle_id: str, deal_id: str, *, reason: str = "") -> StockState:
    """The sale was credited before delivery: the vehicle is reserved by its deal again."""
    # The credit note is made at the cash desk as often as by the salesperson.
    require_any(uow.actor, "deal.edit", "invoice.credit")
    row = _get(uow.session, stock_vehicle_id)
    if row.deal_id != deal_id or row.status != "sold":
        raise _refuse(row, msg("taken back"))
    row.sold_on = None
    return _move(uow, row, "reserved", deal_id=deal_id, reason=reason)


def deliver_in(uow: UnitOfWork, stock_vehicle_id: str, deal_id: str, *, on=None) -> StockState:
    """The customer takes the car: it leaves stock."""
    # The deal's invoice is posted at the cash desk as often as by the salesperson.
    require_any(uow.actor, "deal.edit", "invoice.post")
    row = _get(uow.session, stock_vehicle_id)
    if row.deal_id != deal_id or row.status != "sold":
        raise _refuse(row, msg("delivered"))
    row.delivered_on = on or clock.today()
    return _move(uow, row, "delivered", deal_id=deal_id)


def total_cost(session: Session, stock_vehicle_id: str) -> int:
    """What the vehicle cost the dealership: its purchase cost plus every added cost (minor units)."""
    row = _get(session, stock_vehicle_id)
    added = session.execute(select(func.coalesce(func.sum(StockVehicleCost.amount), 0))
                            .where(StockVehicleCost.stock_vehicle_id == stock_vehicle_id)).scalar_one()
    return row.purchase_cost + int(added)
