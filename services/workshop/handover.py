"""Handover (交车, issue 10 §8): an invoiced repair order is handed back to the customer with the
mileage the car leaves with (not below the mileage it came in with) and when its next service falls
due, by date and by mileage (by default the dealership's service interval after the handover). The
repair order becomes closed and its satisfaction survey falls due, in one transaction."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import exact_integer
from core.status_words import status_word
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services import settings
from services.billing import dates
from services.permissions import require
from services.workshop import surveys
from services.workshop.orders import repair_order
from store.database import Database
from store.uow import UnitOfWork, action

MAX_KM = 10_000_000


@dataclass
class HandoverInput:
    mileage_out: int
    next_service_on: date | None = None  # None: the service interval's months after the handover
    next_service_km: int | None = None  # None: the service interval's kilometres after the mileage out


@dataclass(frozen=True)
class HandoverDefaults:
    number: str
    status: str
    mileage_in: int
    mileage_out: int
    next_service_on: date
    next_service_km: int
    interval_months: int
    interval_km: int


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later, on the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_service(handed_over_on: date, mileage_out: int, *, months: int, km: int) -> tuple[date, int]:
    """When the next service falls due after a handover: ``months`` later or ``km`` further on."""
    return add_months(handed_over_on, months), mileage_out + km


def defaults(db: Database, actor: Actor, repair_order_id: str, *, on: date | None = None) -> HandoverDefaults:
    """What the handover form starts with: the mileage in as the mileage out, and the next service
    at the dealership's interval. Any thread; reads only."""
    require(actor, "workshop.view")
    handed = on or date.today()
    with db.read() as conn:
        s = settings.load(conn)
        row = conn.execute(select(RepairOrder.number, RepairOrder.status, RepairOrder.mileage_in,
                                  RepairOrder.mileage_out).where(RepairOrder.id == repair_order_id)).first()
    if row is None:
        raise NotFound(msg("The repair order no longer exists"))
    mileage = row.mileage_out if row.mileage_out is not None else row.mileage_in
    due_on, due_km = next_service(handed, mileage, months=s.service_interval_months, km=s.service_interval_km)
    return HandoverDefaults(row.number, row.status, row.mileage_in, mileage, due_on, due_km,
                            s.service_interval_months, s.service_interval_km)


def hand_over_in(uow: UnitOfWork, repair_order_id: str, data: HandoverInput, *, on: date | None = None) -> str:
    """Hand an invoiced repair order's car back: record the mileage out and the next service due, close
    the repair order and make its satisfaction survey due. Returns the survey's id. Refuses a repair
    order that is not invoiced, a mileage out below the mileage in and a next service that is not
    after the handover (by date and by mileage), changing nothing."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    ro = repair_order(session, repair_order_id)
    if ro.status != "invoiced":
        raise ValidationError("status", msg("Repair order {number} is {status}; only an invoiced repair order can "
                                            "be handed over", number=ro.number, status=status_word(ro.status)))
    handed = dates.not_future(on or date.today(), "on", "A handover")
    mileage = exact_integer("mileage_out", data.mileage_out, unit="km", minimum=0, maximum=MAX_KM)
    if mileage < ro.mileage_in:
        raise ValidationError("mileage_out", msg("The mileage out {mileage:,} km is lower than the mileage in "
                                                 "{mileage_in:,} km", mileage=mileage, mileage_in=ro.mileage_in))
    s = settings.load(session)
    due_on, due_km = next_service(handed, mileage, months=s.service_interval_months, km=s.service_interval_km)
    if data.next_service_on is not None:
        due_on = data.next_service_on
    if data.next_service_km is not None:
        due_km = exact_integer("next_service_km", data.next_service_km, unit="km", minimum=0, maximum=MAX_KM)
    if due_on <= handed:
        raise ValidationError("next_service_on", msg("The next service must fall due after the handover day "
                                                     "({day})", day=handed.isoformat()))
    if due_km <= mileage:
        raise ValidationError("next_service_km", msg("The next service must fall due above the mileage out "
                                                     "({mileage:,} km)", mileage=mileage))
    # The flow's one way from invoiced to closed (services/workshop/rules.py refuses it by hand).
    ro.status, ro.closed_on, ro.handed_over_on = "closed", handed, handed
    ro.mileage_out, ro.next_service_on, ro.next_service_km = mileage, due_on, due_km
    vehicle = session.get(Vehicle, ro.vehicle_id)
    if vehicle is not None and mileage > (vehicle.odometer_km or 0):
        vehicle.odometer_km = mileage
    session.flush()
    return surveys.make_due_in(uow, ro.id, handed_over_on=handed)


hand_over = action(hand_over_in)
