"""Workshop appointments (issue 10 §2): the technicians, advisors and bays they are booked on with
each one's capacity in hours, booking, moving, cancelling, no-shows, the car's arrival (which opens
its repair order in the same transaction) and the list of tomorrow's bookings with the parts to
prepare.

Capacity: a resource's working minutes on a weekday (shift less break) as hours, times its
availability (an apprentice at 50 %), rounded half-up to the hundredth. The workshop's capacity on a
day is its active technicians' capacity added up. A booking that takes a technician or the workshop
beyond the day's capacity is refused unless it is explicitly overbooked, with a reason, by someone
who may (``workshop.overbook``); the overbooking is audited. While no technician is set up the
workshop has said nothing about its capacity, and no booking is refused for it. A booking of 0 h
takes no capacity.

Working hours: a booking starts, and its bay time ends, within the working hours of its day — its
technician's shift and its bay's when they are named, the workshop's opening (its resources'
earliest start to latest end that day) when neither is — so it never crosses midnight. Outside
them it is refused, with the same overbooking (reason, permission, audit) as beyond capacity.
While no resource has working hours nothing is refused for them; a resource without any shift says
nothing about its own.

Times are local wall-clock times (see :mod:`models.appointments`); "now" is :func:`local_now`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import round_half_up
from core.progress import CancelToken, Progress, no_progress
from core.quantities import quantity_decimal, quantity_text
from models.admin import User
from models.appointments import (
    RESOURCE_KINDS,
    Appointment,
    AppointmentOperation,
    WorkshopResource,
    WorkshopShift,
)
from models.crm import Customer
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services import files
from services.permissions import require
from services.workshop import catalogue, orders
from services.workshop.orders import JobInput, LabourInput, RepairOrderInput
from services.workshop.rules import HOURS_SCALE, check_hours, hours_text
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

ACTIVE = ("booked", "arrived")  # bookings that take capacity and bay time
# A booking without hours still holds its bay this long; bay time is rounded up to this step.
SLOT_MINUTES = 15
MIN_BAY_MINUTES = 30

EXPORT_COLUMNS = ("date", "starts_at", "ends_at", "status", "customer_name", "plate", "vin", "vehicle",
                  "requested_work", "operation_codes", "booked_hours", "advisor", "technician", "bay",
                  "promised_at", "parts_to_prepare", "repair_order_number", "cancel_reason")


def local_now() -> datetime:
    """The dealership's wall-clock time now (appointments are booked in it)."""
    return datetime.now().replace(second=0, microsecond=0)


# --- pure rules (the demo uses them too) ----------------------------------------------------------

def shift_hours(start_minute: int, end_minute: int, break_minutes: int = 0) -> int:
    """Hundredths of an hour worked in a shift, rounded half-up."""
    minutes = max(0, end_minute - start_minute - break_minutes)
    return round_half_up(Decimal(minutes) * HOURS_SCALE / 60)


def capacity_hours(worked: int, availability: int) -> int:
    """The bookable part (``availability`` percent) of ``worked`` hundredths, rounded half-up."""
    return round_half_up(Decimal(worked) * availability / 100)


def bay_end(starts_at: datetime, booked_hours: int) -> datetime:
    """When a booking of ``booked_hours`` starting at ``starts_at`` frees its bay: the hours rounded
    up to the slot, at least half an hour."""
    minutes = -(-booked_hours * 60 // HOURS_SCALE)
    minutes = max(MIN_BAY_MINUTES, -(-minutes // SLOT_MINUTES) * SLOT_MINUTES)
    return starts_at + timedelta(minutes=minutes)


# --- inputs and views -----------------------------------------------------------------------------

@dataclass
class ShiftInput:
    weekday: int  # 0 Monday … 6 Sunday
    start_minute: int
    end_minute: int
    break_minutes: int = 0


@dataclass
class ResourceInput:
    kind: str  # technician | advisor | bay
    name: str  # a user name for people, the bay's name for bays
    availability: int = 100  # percent
    shifts: list[ShiftInput] = field(default_factory=list)
    active: bool = True


@dataclass
class AppointmentInput:
    customer_id: str
    vehicle_id: str
    starts_at: datetime
    requested_work: str = ""
    operation_codes: list[str] = field(default_factory=list)
    booked_hours: int | None = None  # hundredths; None: the operations' standard hours
    advisor: str = ""  # empty: whoever books it
    technician: str = ""
    bay_id: str | None = None
    promised_at: datetime | None = None
    parts_note: str = ""
    # Book beyond the day's capacity or outside its working hours, saying why (needs workshop.overbook;
    # audited).
    overbook_reason: str = ""


class NeedsOverbooking(ValidationError):
    """A booking refused beyond capacity or outside working hours: someone with
    ``workshop.overbook`` may still make it by giving a reason."""


@dataclass(frozen=True)
class WorkingHours:
    """The hours of ``who`` (a display name; empty: the workshop) a booking keeps to on a day, in
    minutes after midnight; ``closed`` when they do not work that day."""
    who: str
    start_minute: int
    end_minute: int

    @property
    def closed(self) -> bool:
        return self.end_minute <= self.start_minute


@dataclass(frozen=True)
class Resource:
    id: str
    kind: str
    name: str
    display_name: str
    availability: int
    active: bool
    shifts: tuple[ShiftInput, ...]


@dataclass(frozen=True)
class Load:
    """Booked hours against capacity of one resource (``resource_id`` None: the workshop) on a day."""
    day: date
    resource_id: str | None
    booked: int
    capacity: int

    @property
    def over(self) -> bool:
        return self.booked > self.capacity


@dataclass(frozen=True)
class OperationLine:
    code: str
    description: str
    hours: int


@dataclass(frozen=True)
class AppointmentView:
    id: str
    status: str
    customer_id: str
    customer_name: str
    vehicle_id: str
    plate: str
    vin: str
    vehicle: str
    requested_work: str
    advisor: str
    technician: str
    bay_id: str | None
    bay: str
    starts_at: datetime
    ends_at: datetime
    promised_at: datetime | None
    booked_hours: int
    parts_note: str
    cancel_reason: str
    overbooked_reason: str
    repair_order_id: str | None
    repair_order_number: str
    operations: tuple[OperationLine, ...] = ()
    # The parts its operations usually need (their kits, added up per part), by part number.
    parts: tuple[catalogue.KitPart, ...] = ()

    @property
    def parts_to_prepare(self) -> str:
        """The kit parts ("OF-101 × 1; 5W30-1L × 4.5") and then the note typed at booking."""
        kit = "; ".join(f"{p.part_number} × {quantity_text(p.quantity)}" for p in self.parts)
        return "; ".join(x for x in (kit, self.parts_note) if x)


@dataclass(frozen=True)
class PartToPrepare:
    """One part the day's bookings need: how much, how much is available now, what is short, and
    for which bookings (plates, or VINs without one)."""
    part_id: str
    part_number: str
    description: str
    bin: str
    needed: int  # thousandths
    available: int
    for_vehicles: tuple[str, ...]

    @property
    def short(self) -> int:
        return max(0, self.needed - self.available)


@dataclass(frozen=True)
class Calendar:
    """What the calendar shows for ``days``: the resources, each one's load per day, the
    workshop's, and the appointments (cancelled ones included, for the record)."""
    days: tuple[date, ...]
    resources: tuple[Resource, ...]
    loads: tuple[Load, ...]
    appointments: tuple[AppointmentView, ...]

    def load(self, day: date, resource_id: str | None) -> Load:
        for load in self.loads:
            if load.day == day and load.resource_id == resource_id:
                return load
        return Load(day, resource_id, 0, 0)


# --- resources ------------------------------------------------------------------------------------

def _clean_text(field_name: str, value: str, limit: int, *, required: str = "") -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError(field_name, msg(required))
    if len(text) > limit:
        raise ValidationError(field_name, msg("is longer than {limit} characters", limit=limit))
    return text


def _user_exists(session: Session, username: str) -> bool:
    return session.execute(select(User.id).where(User.username == username)).first() is not None


def set_resource_in(uow: UnitOfWork, data: ResourceInput) -> str:
    """Create or change (by kind and name) a technician, advisor or bay with its working hours per
    weekday; the shifts given replace the ones it had. Returns its id."""
    require(uow.actor, "workshop.resources")
    session = uow.session
    if data.kind not in RESOURCE_KINDS:
        raise ValidationError("kind", msg("The kind must be one of {items}", items=", ".join(RESOURCE_KINDS)))
    name = _clean_text("name", data.name, 64, required="A resource needs a name")
    if data.kind != "bay" and not _user_exists(session, name):
        raise ValidationError("name", msg("There is no user called '{username}'", username=name))
    if not isinstance(data.availability, int) or not 0 <= data.availability <= 100:
        raise ValidationError("availability", msg("The availability is a percentage from 0 to 100"))
    days = set()
    for shift in data.shifts:
        if shift.weekday in days or not 0 <= shift.weekday <= 6:
            raise ValidationError("shifts", msg("Give each weekday at most one shift"))
        days.add(shift.weekday)
        if not (0 <= shift.start_minute < shift.end_minute <= 1440) or not \
                0 <= shift.break_minutes < shift.end_minute - shift.start_minute:
            raise ValidationError("shifts", msg("A shift starts before it ends, within the day, and its break is "
                                                "shorter than the shift"))
    row = session.execute(select(WorkshopResource).where(WorkshopResource.kind == data.kind,
                                                         WorkshopResource.name == name)).scalar()
    if row is None:
        row = WorkshopResource(kind=data.kind, name=name)
        session.add(row)
    row.availability, row.active = data.availability, bool(data.active)
    session.flush()
    for old in session.execute(select(WorkshopShift).where(WorkshopShift.resource_id == row.id)).scalars():
        session.delete(old)
    session.flush()
    for shift in data.shifts:
        session.add(WorkshopShift(resource_id=row.id, weekday=shift.weekday, start_minute=shift.start_minute,
                                  end_minute=shift.end_minute, break_minutes=shift.break_minutes))
    session.flush()
    return row.id


set_resource = action(set_resource_in)


def resources_of(conn) -> list[Resource]:
    shifts: dict[str, list[ShiftInput]] = {}
    for r in conn.execute(select(WorkshopShift.resource_id, WorkshopShift.weekday, WorkshopShift.start_minute,
                                 WorkshopShift.end_minute, WorkshopShift.break_minutes)
                          .order_by(WorkshopShift.weekday)):
        shifts.setdefault(r.resource_id, []).append(ShiftInput(r.weekday, r.start_minute, r.end_minute,
                                                               r.break_minutes))
    names = dict(conn.execute(select(User.username, User.display_name)).all())
    order = {kind: i for i, kind in enumerate(RESOURCE_KINDS)}
    rows = conn.execute(select(WorkshopResource.id, WorkshopResource.kind, WorkshopResource.name,
                               WorkshopResource.availability, WorkshopResource.active)).all()
    out = [Resource(r.id, r.kind, r.name, (names.get(r.name) or r.name) if r.kind != "bay" else r.name,
                    r.availability, bool(r.active), tuple(shifts.get(r.id, ()))) for r in rows]
    return sorted(out, key=lambda r: (order[r.kind], r.name))


def resources(db: Database, actor: Actor) -> list[Resource]:
    """Every technician, advisor and bay, by kind and name. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return resources_of(conn)


def resource_capacity(resource: Resource, day: date) -> int:
    """The hours ``resource`` can be booked for on ``day`` (hundredths); 0 when inactive or off."""
    if not resource.active:
        return 0
    for shift in resource.shifts:
        if shift.weekday == day.weekday():
            return capacity_hours(shift_hours(shift.start_minute, shift.end_minute, shift.break_minutes),
                                  resource.availability)
    return 0


def _shift_on(resource: Resource, day: date) -> ShiftInput | None:
    if not resource.active:
        return None
    return next((s for s in resource.shifts if s.weekday == day.weekday()), None)


def working_hours(all_resources: list[Resource] | tuple[Resource, ...], day: date, *, technician: str = "",
                  bay_id: str | None = None) -> list[WorkingHours]:
    """The working hours a booking on ``day`` keeps to (module docstring): its technician's and
    its bay's (those that have shifts), else the workshop's opening. Empty while no resource has
    working hours."""
    if not any(r.active and r.shifts for r in all_resources):
        return []
    out = []
    for r in all_resources:
        named = (r.kind == "technician" and technician and r.name == technician) or \
            (r.kind == "bay" and bay_id and r.id == bay_id)
        if named and r.shifts:
            shift = _shift_on(r, day)
            out.append(WorkingHours(r.display_name, shift.start_minute, shift.end_minute) if shift
                       else WorkingHours(r.display_name, 0, 0))
    if out:
        return out
    shifts = [s for s in (_shift_on(r, day) for r in all_resources) if s is not None]
    if not shifts:
        return [WorkingHours("", 0, 0)]
    return [WorkingHours("", min(s.start_minute for s in shifts), max(s.end_minute for s in shifts))]


def day_window(hours: list[WorkingHours]) -> tuple[int, int] | None:
    """The minutes of the day all of ``hours`` are working (start, end); None when there are no
    such hours to keep to, or when they leave no time that day."""
    if not hours:
        return None
    start, end = max(h.start_minute for h in hours), min(h.end_minute for h in hours)
    return (start, end) if start < end else None


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def workshop_capacity(all_resources: list[Resource] | tuple[Resource, ...], day: date) -> int:
    return sum(resource_capacity(r, day) for r in all_resources if r.kind == "technician")


# --- loads ----------------------------------------------------------------------------------------

def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


def _booked(conn, day: date, *, exclude_id: str | None = None) -> list[Any]:
    start, end = _day_bounds(day)
    query = select(Appointment.id, Appointment.advisor, Appointment.technician, Appointment.bay_id,
                   Appointment.booked_hours).where(Appointment.starts_at >= start, Appointment.starts_at < end,
                                                   Appointment.status.in_(ACTIVE))
    if exclude_id:
        query = query.where(Appointment.id != exclude_id)
    return conn.execute(query).all()


def _loads(all_resources: list[Resource] | tuple[Resource, ...], day: date, booked: list[Any]) -> list[Load]:
    out = [Load(day, None, sum(b.booked_hours for b in booked), workshop_capacity(all_resources, day))]
    for r in all_resources:
        if r.kind == "bay":
            mine = [b for b in booked if b.bay_id == r.id]
        elif r.kind == "technician":
            mine = [b for b in booked if b.technician == r.name]
        else:
            mine = [b for b in booked if b.advisor == r.name]
        out.append(Load(day, r.id, sum(b.booked_hours for b in mine), resource_capacity(r, day)))
    return out


# --- booking --------------------------------------------------------------------------------------

def appointment_row(session: Session, appointment_id: str) -> Appointment:
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFound(msg("The appointment no longer exists"))
    return row


def _status_text(status: str) -> str:
    return {"booked": msg("booked"), "arrived": msg("arrived"), "cancelled": msg("cancelled"),
            "no_show": msg("a no-show")}.get(status, status)


def _booked_only(row: Appointment, doing: str) -> None:
    """Refuse ``doing`` (a :func:`msg` naming the action) unless ``row`` is still booked."""
    if row.status != "booked":
        raise ValidationError("status", msg("Cannot {doing} an appointment that is {status}",
                                            doing=doing, status=_status_text(row.status)))


def _resource(session: Session, kind: str, *, resource_id: str | None = None,
              name: str = "") -> WorkshopResource | None:
    query = select(WorkshopResource).where(WorkshopResource.kind == kind)
    query = query.where(WorkshopResource.id == resource_id) if resource_id else \
        query.where(WorkshopResource.name == name)
    return session.execute(query).scalar()


def _operations(session: Session, codes: list[str], vehicle: Vehicle) -> list[catalogue.OperationRow]:
    lines: list[catalogue.OperationRow] = []
    for code in codes:
        if not (code or "").strip():
            continue
        operation = catalogue.find_operation(session, code, model_family=vehicle.model or "")
        if operation is None:
            raise ValidationError("operation_codes", msg("There is no active labour operation '{code}'",
                                                         code=catalogue.normalize_code(code)))
        lines.append(operation)
    return lines


def _outside_hours(all_resources: list[Resource], row: Appointment) -> WorkingHours | None:
    """The working hours ``row`` does not keep to (closed that day, or starting before or its bay
    time ending after them), or None."""
    day = row.starts_at.date()
    start = row.starts_at.hour * 60 + row.starts_at.minute
    end = int((row.ends_at - datetime.combine(day, time())).total_seconds() // 60)
    for hours in working_hours(all_resources, day, technician=row.technician, bay_id=row.bay_id):
        if hours.closed or start < hours.start_minute or end > hours.end_minute:
            return hours
    return None


def _closed_refusal(who: str, day: date, may: bool) -> NeedsOverbooking:
    if may:
        return NeedsOverbooking("starts_at", msg("{who} does not work on {day}: choose another day, or overbook "
                                                 "with a reason", who=who, day=day.isoformat()))
    return NeedsOverbooking("starts_at", msg("{who} does not work on {day}: choose another day, or ask the "
                                             "foreman", who=who, day=day.isoformat()))


def _hours_refusal(row: Appointment, hours: WorkingHours, may: bool) -> NeedsOverbooking:
    day = row.starts_at.date()
    if hours.closed:
        return _closed_refusal(hours.who or msg("The workshop"), day, may)
    params = {"start": row.starts_at.strftime("%H:%M"),
              "end": row.ends_at.strftime("%H:%M" if row.ends_at.date() == day else "%Y-%m-%d %H:%M"),
              "day": day.isoformat(), "who": hours.who or msg("the workshop"),
              "opens": _clock(hours.start_minute), "closes": _clock(hours.end_minute)}
    if may:
        return NeedsOverbooking("starts_at", msg("The booking from {start} to {end} on {day} is outside the working "
                                                 "hours of {who} ({opens}–{closes}): choose a time within them, or "
                                                 "overbook with a reason", **params))
    return NeedsOverbooking("starts_at", msg("The booking from {start} to {end} on {day} is outside the working "
                                             "hours of {who} ({opens}–{closes}): choose a time within them, or ask "
                                             "the foreman", **params))


def _capacity_refusal(who: str, load: Load, row: Appointment, may: bool) -> NeedsOverbooking:
    day = row.starts_at.date()
    if load.capacity == 0:
        return _closed_refusal(who, day, may)
    params = {"who": who, "booked": hours_text(load.booked), "capacity": hours_text(load.capacity),
              "day": day.isoformat(), "hours": hours_text(row.booked_hours)}
    if may:
        return NeedsOverbooking("starts_at", msg("{who} is booked {booked} h of {capacity} h on {day}; {hours} h "
                                                 "more is beyond capacity: choose another day, or overbook with a "
                                                 "reason", **params))
    return NeedsOverbooking("starts_at", msg("{who} is booked {booked} h of {capacity} h on {day}; {hours} h more is "
                                             "beyond capacity: choose another day, or ask the foreman", **params))


def _check_fits(uow: UnitOfWork, row: Appointment, reason: str, *, standing: str = "",
                time_kept: bool = False) -> str:
    """Refuse ``row`` where it overlaps its bay; refuse it outside its working hours or beyond its
    technician's or the workshop's capacity that day unless ``reason`` explains an overbooking the
    user may make (audited), or the overbooking ``standing`` from before still covers it. A booking
    whose time, technician and bay stay as they were (``time_kept``) is not refused again for its
    hours. Returns the overbooking reason kept (empty: it fits)."""
    session = uow.session
    if row.bay_id:
        clash = session.execute(select(Appointment.starts_at, Appointment.ends_at).where(
            Appointment.bay_id == row.bay_id, Appointment.id != row.id, Appointment.status.in_(ACTIVE),
            Appointment.starts_at < row.ends_at, Appointment.ends_at > row.starts_at)).first()
        if clash is not None:
            bay = session.get(WorkshopResource, row.bay_id)
            raise ValidationError("bay_id", msg("Bay {bay} is booked from {start} to {end} that day; choose another "
                                                "bay or time",
                                                bay=bay.name if bay else "", start=clash.starts_at.strftime("%H:%M"),
                                                end=clash.ends_at.strftime("%H:%M")))
    day = row.starts_at.date()
    all_resources = resources_of(session)
    outside = _outside_hours(all_resources, row)
    over: list[tuple[Any, Load]] = []
    names: dict[str, str] = {}
    # A booking of 0 h takes no capacity; while no technician is set up nothing is refused for it.
    if row.booked_hours and any(r.kind == "technician" for r in all_resources):
        booked = _booked(session, day, exclude_id=row.id)
        loads = {load.resource_id: load for load in _loads(all_resources, day, booked)}
        shop_load = loads[None]
        if shop_load.booked + row.booked_hours > shop_load.capacity:
            over.append((msg("The workshop"), shop_load))
        if row.technician:
            tech = next(r for r in all_resources if r.kind == "technician" and r.name == row.technician)
            load = loads[tech.id]
            if load.booked + row.booked_hours > load.capacity:
                over.append((row.technician, load))
                names[row.technician] = tech.display_name
    if outside is None and not over:
        return ""
    reason = " ".join((reason or "").split())
    covered = (outside is None or time_kept) and (not over or bool(standing))
    if covered and reason in ("", standing):
        return standing
    if not reason:
        may = uow.actor.can("workshop.overbook")
        if outside is not None and not time_kept:
            raise _hours_refusal(row, outside, may)
        who, load = over[-1]
        raise _capacity_refusal(names.get(who, who), load, row, may)
    require(uow.actor, "workshop.overbook")
    session.flush()
    changes = []
    if outside is not None:
        span = "" if outside.closed else f"{_clock(outside.start_minute)}–{_clock(outside.end_minute)}"
        changes.append(Change("overbook", "appointment", row.id, {"working_hours": {outside.who or "workshop": span}},
                              {"starts_at": row.starts_at.isoformat(sep=" "), "ends_at": row.ends_at.isoformat(sep=" "),
                               "reason": reason},
                              summary=msg("Booked from {start} to {end} on {day} outside working hours: {reason}",
                                          start=row.starts_at.strftime("%H:%M"), end=row.ends_at.strftime("%H:%M"),
                                          day=day.isoformat(), reason=reason)))
    if over:
        changes.append(Change("overbook", "appointment", row.id,
                              {name: {"booked": ld.booked, "capacity": ld.capacity} for name, ld in over},
                              {"booked_hours": row.booked_hours, "day": day.isoformat(), "reason": reason},
                              summary=msg("Booked {hours} h on {day} beyond capacity: {reason}",
                                          hours=hours_text(row.booked_hours), day=day.isoformat(), reason=reason)))
    uow.audit(changes)
    return reason


def _apply(uow: UnitOfWork, row: Appointment, data: AppointmentInput) -> list[catalogue.OperationRow]:
    session = uow.session
    if not data.customer_id or session.get(Customer, data.customer_id) is None:
        raise ValidationError("customer_id", msg("Choose the customer"))
    vehicle = session.get(Vehicle, data.vehicle_id) if data.vehicle_id else None
    if vehicle is None:
        raise ValidationError("vehicle_id", msg("Choose the vehicle"))
    if not isinstance(data.starts_at, datetime):
        raise ValidationError("starts_at", msg("Say when the car comes"))
    starts_at = data.starts_at.replace(second=0, microsecond=0)
    if starts_at != row.starts_at and starts_at < local_now():
        raise ValidationError("starts_at", msg("{when} is in the past: book a time still to come",
                                               when=starts_at.strftime("%Y-%m-%d %H:%M")))
    operations = _operations(session, list(data.operation_codes), vehicle)
    if operations:
        hours = sum(op.standard_hours for op in operations)
    elif data.booked_hours is None:
        raise ValidationError("booked_hours", msg("Say how many hours the work takes, or book labour operations"))
    else:
        hours = check_hours("booked_hours", data.booked_hours)
    work = (data.requested_work or "").strip()
    if not work and not operations:
        raise ValidationError("requested_work", msg("Say what work the customer asks for"))
    advisor = (data.advisor or "").strip()
    if advisor and not _user_exists(session, advisor):
        raise ValidationError("advisor", msg("There is no user called '{username}'", username=advisor))
    advisor = advisor or uow.actor.username
    technician = (data.technician or "").strip()
    if technician:
        found = _resource(session, "technician", name=technician)
        if found is None or not found.active:
            raise ValidationError("technician", msg("{name} is not one of the workshop's technicians",
                                                    name=technician))
    if data.bay_id:
        bay = _resource(session, "bay", resource_id=data.bay_id)
        if bay is None or not bay.active:
            raise ValidationError("bay_id", msg("Choose one of the workshop's bays"))
    if data.promised_at is not None and data.promised_at < starts_at:
        raise ValidationError("promised_at", msg("The car cannot be promised before it comes"))
    row.customer_id, row.vehicle_id, row.starts_at = data.customer_id, data.vehicle_id, starts_at
    row.booked_hours, row.ends_at = hours, bay_end(starts_at, hours)
    row.requested_work = work or "; ".join(op.description for op in operations)
    row.advisor, row.technician, row.bay_id = advisor, technician, data.bay_id or None
    row.promised_at = data.promised_at.replace(second=0, microsecond=0) if data.promised_at else None
    row.parts_note = (data.parts_note or "").strip()
    return operations


def _set_operations(session: Session, row: Appointment, operations: list[catalogue.OperationRow]) -> None:
    for old in session.execute(select(AppointmentOperation)
                               .where(AppointmentOperation.appointment_id == row.id)).scalars():
        session.delete(old)
    session.flush()
    for n, op in enumerate(operations, start=1):
        session.add(AppointmentOperation(appointment_id=row.id, line_no=n, operation_id=op.id,
                                         operation_code=op.code, description=op.description,
                                         hours=op.standard_hours))


def book_in(uow: UnitOfWork, data: AppointmentInput) -> str:
    """Book a car in; returns the appointment's id. Refused in the past, overlapping its bay, or
    beyond capacity unless overbooked (module docstring)."""
    require(uow.actor, "workshop.book")
    session = uow.session
    row = Appointment(status="booked", starts_at=None)
    operations = _apply(uow, row, data)
    session.add(row)
    session.flush()
    row.overbooked_reason = _check_fits(uow, row, data.overbook_reason)
    _set_operations(session, row, operations)
    session.flush()
    return row.id


book = action(book_in)


def _reschedule_audit(uow: UnitOfWork, row: Appointment, before: datetime) -> None:
    if before != row.starts_at:
        uow.audit([Change("reschedule", "appointment", row.id, {"starts_at": before.isoformat(sep=" ")},
                          {"starts_at": row.starts_at.isoformat(sep=" ")},
                          summary=msg("Moved from {before} to {after}", before=f"{before:%Y-%m-%d %H:%M}",
                                      after=f"{row.starts_at:%Y-%m-%d %H:%M}"))])


def update_in(uow: UnitOfWork, appointment_id: str, data: AppointmentInput) -> None:
    """Change a booking that has not happened yet (a new time is a move, audited as one)."""
    require(uow.actor, "workshop.book")
    session = uow.session
    row = appointment_row(session, appointment_id)
    _booked_only(row, msg("change"))
    before = (row.starts_at, row.technician, row.booked_hours, row.ends_at, row.bay_id)
    operations = _apply(uow, row, data)
    session.flush()
    # An overbooking accepted before still stands while the booking stays on its day and
    # technician and asks no more hours (a note or a time on the same day changes); its working
    # hours are not asked again while its time, technician and bay stay as they were.
    same = (row.starts_at.date() == before[0].date() and row.technician == before[1]
            and row.booked_hours <= before[2])
    time_kept = (row.starts_at == before[0] and row.ends_at <= before[3] and row.technician == before[1]
                 and row.bay_id == before[4])
    row.overbooked_reason = _check_fits(uow, row, data.overbook_reason,
                                        standing=row.overbooked_reason if same else "", time_kept=time_kept)
    _set_operations(session, row, operations)
    _reschedule_audit(uow, row, before[0])


update = action(update_in)


def move_in(uow: UnitOfWork, appointment_id: str, starts_at: datetime, *, bay_id: str | None = None,
            technician: str | None = None, overbook_reason: str = "") -> None:
    """Move a booking to ``starts_at`` (and to another bay or technician when given; "" takes it
    off its bay or technician), with the same checks as booking; the move is audited."""
    require(uow.actor, "workshop.book")
    session = uow.session
    row = appointment_row(session, appointment_id)
    _booked_only(row, msg("move"))
    codes = list(session.execute(select(AppointmentOperation.operation_code)
                                 .where(AppointmentOperation.appointment_id == row.id)
                                 .order_by(AppointmentOperation.line_no)).scalars())
    data = AppointmentInput(
        customer_id=row.customer_id, vehicle_id=row.vehicle_id, starts_at=starts_at,
        requested_work=row.requested_work, operation_codes=codes, booked_hours=row.booked_hours,
        advisor=row.advisor, technician=row.technician if technician is None else technician,
        bay_id=row.bay_id if bay_id is None else (bay_id or None),
        promised_at=(row.promised_at + (starts_at - row.starts_at)) if row.promised_at else None,
        parts_note=row.parts_note, overbook_reason=overbook_reason)
    update_in(uow, appointment_id, data)


move = action(move_in)


def cancel_in(uow: UnitOfWork, appointment_id: str, reason: str) -> None:
    """Cancel a booking, saying why."""
    require(uow.actor, "workshop.book")
    row = appointment_row(uow.session, appointment_id)
    _booked_only(row, msg("cancel"))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("reason", msg("Say why the appointment is cancelled"))
    row.status, row.cancel_reason = "cancelled", reason


cancel = action(cancel_in)


def no_show_in(uow: UnitOfWork, appointment_id: str) -> None:
    """Record that the car did not come; only once its time has come."""
    require(uow.actor, "workshop.book")
    row = appointment_row(uow.session, appointment_id)
    _booked_only(row, msg("mark as a no-show"))
    if row.starts_at > local_now():
        raise ValidationError("status", msg("The appointment at {when} has not come yet",
                                            when=row.starts_at.strftime("%Y-%m-%d %H:%M")))
    row.status = "no_show"


no_show = action(no_show_in)


def arrive_in(uow: UnitOfWork, appointment_id: str, *, mileage_in: int, mileage_override: str = "",
              on: date | None = None) -> tuple[str, str]:
    """The booked car has come: open its repair order (reception, with the requested work as the
    customer's concerns and one job with the booked operations) in this same transaction. Returns
    the repair order's ``(id, number)``."""
    require(uow.actor, "workshop.book")
    session = uow.session
    row = appointment_row(session, appointment_id)
    _booked_only(row, msg("receive"))
    ro_id, number = orders.open_order_in(uow, RepairOrderInput(
        customer_id=row.customer_id, vehicle_id=row.vehicle_id, mileage_in=mileage_in,
        concerns=row.requested_work, promised_at=row.promised_at, advisor=row.advisor,
        mileage_override=mileage_override), on=on)
    operations = session.execute(select(AppointmentOperation).where(AppointmentOperation.appointment_id == row.id)
                                 .order_by(AppointmentOperation.line_no)).scalars().all()
    if operations:
        job = orders.add_job_in(uow, ro_id, JobInput(description=(row.requested_work or "")[:300]
                                                     or operations[0].description))
        for op in operations:
            orders.add_labour_in(uow, job, LabourInput(operation_code=op.operation_code, hours=op.hours,
                                                       technician=row.technician))
    row.status, row.repair_order_id = "arrived", ro_id
    session.flush()
    return ro_id, number


arrive = action(arrive_in)


# --- reading --------------------------------------------------------------------------------------

def _views(conn, query) -> list[AppointmentView]:
    a = Appointment
    rows = conn.execute(query.add_columns(Customer.name, Vehicle.plate, Vehicle.vin, Vehicle.make, Vehicle.model,
                                          WorkshopResource.name.label("bay"), RepairOrder.number)
                        .join(Customer, Customer.id == a.customer_id).join(Vehicle, Vehicle.id == a.vehicle_id)
                        .outerjoin(WorkshopResource, WorkshopResource.id == a.bay_id)
                        .outerjoin(RepairOrder, RepairOrder.id == a.repair_order_id)
                        .order_by(a.starts_at, a.id)).all()
    ids = [r.id for r in rows]
    ops: dict[str, list[OperationLine]] = {}
    booked_ops: list[tuple[str, str]] = []  # (appointment, catalogue operation) in line order
    for start in range(0, len(ids), 500):
        for o in conn.execute(select(AppointmentOperation.appointment_id, AppointmentOperation.operation_code,
                                     AppointmentOperation.description, AppointmentOperation.hours,
                                     AppointmentOperation.operation_id)
                              .where(AppointmentOperation.appointment_id.in_(ids[start:start + 500]))
                              .order_by(AppointmentOperation.line_no)):
            ops.setdefault(o.appointment_id, []).append(OperationLine(o.operation_code, o.description, o.hours))
            if o.operation_id:
                booked_ops.append((o.appointment_id, o.operation_id))
    kits = catalogue.kits_of(conn, (op_id for _, op_id in booked_ops))
    parts: dict[str, dict[str, catalogue.KitPart]] = {}
    for appointment_id, op_id in booked_ops:
        mine = parts.setdefault(appointment_id, {})
        for p in kits.get(op_id, ()):
            had = mine.get(p.part_id)
            mine[p.part_id] = p if had is None else replace(had, quantity=had.quantity + p.quantity)
    return [AppointmentView(
        id=r.id, status=r.status, customer_id=r.customer_id, customer_name=r.name, vehicle_id=r.vehicle_id,
        plate=r.plate or "", vin=r.vin or "", vehicle=" ".join(x for x in (r.make, r.model) if x),
        requested_work=r.requested_work, advisor=r.advisor, technician=r.technician, bay_id=r.bay_id,
        bay=r.bay or "", starts_at=r.starts_at, ends_at=r.ends_at, promised_at=r.promised_at,
        booked_hours=r.booked_hours, parts_note=r.parts_note, cancel_reason=r.cancel_reason,
        overbooked_reason=r.overbooked_reason, repair_order_id=r.repair_order_id, repair_order_number=r.number or "",
        operations=tuple(ops.get(r.id, ())),
        parts=tuple(sorted(parts.get(r.id, {}).values(), key=lambda p: p.part_number))) for r in rows]


def _select():
    return select(*Appointment.__table__.c)


def get(db: Database, actor: Actor, appointment_id: str) -> AppointmentView:
    """One appointment. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        found = _views(conn, _select().where(Appointment.id == appointment_id))
    if not found:
        raise NotFound(msg("The appointment no longer exists"))
    return found[0]


def _between(conn, first: date, last: date, *, statuses: tuple[str, ...] | None = None) -> list[AppointmentView]:
    query = _select().where(Appointment.starts_at >= datetime.combine(first, time()),
                            Appointment.starts_at < datetime.combine(last + timedelta(days=1), time()))
    if statuses:
        query = query.where(Appointment.status.in_(statuses))
    return _views(conn, query)


def calendar(db: Database, actor: Actor, first: date, days: int) -> Calendar:
    """The calendar of ``days`` days from ``first``: resources, loads and appointments. Any
    thread; reads only."""
    require(actor, "workshop.view")
    span = tuple(first + timedelta(days=i) for i in range(days))
    with db.read() as conn:
        all_resources = resources_of(conn)
        loads: list[Load] = []
        for day in span:
            loads.extend(_loads(all_resources, day, _booked(conn, day)))
        appointments = _between(conn, span[0], span[-1])
    return Calendar(span, tuple(all_resources), tuple(loads), tuple(appointments))


def prepare_list(db: Database, actor: Actor, *, on: date | None = None) -> list[AppointmentView]:
    """The bookings of ``on`` (default tomorrow) still to come, by time, with the parts to prepare.
    Any thread; reads only."""
    require(actor, "workshop.view")
    day = on or (local_now().date() + timedelta(days=1))
    with db.read() as conn:
        return _between(conn, day, day, statuses=("booked",))


@dataclass(frozen=True)
class TypedParts:
    """What an advisor typed as parts to prepare on a booking (not from a catalogue kit)."""
    starts_at: datetime
    vehicle: str  # plate, or VIN without one
    note: str


@dataclass(frozen=True)
class PrepareList:
    """What the parts desk prepares for the bookings of ``first`` … ``last`` still to come: the kit
    parts added up per part, what advisors typed on bookings, and how many bookings there are."""
    first: date
    last: date
    parts: tuple[PartToPrepare, ...]
    typed: tuple[TypedParts, ...]
    bookings: int


def _prepare_days(on: date | None, until: date | None) -> tuple[date, date]:
    first = on or (local_now().date() + timedelta(days=1))
    last = until or first
    if last < first:
        raise ValidationError("end", msg("The last day is before the first day"))
    if (last - first).days > 31:
        raise ValidationError("end", msg("The parts to prepare cover at most a month"))
    return first, last


def prepare(db: Database, actor: Actor, *, on: date | None = None, until: date | None = None) -> PrepareList:
    """What the bookings of ``on`` (default tomorrow) to ``until`` (default the same day) still to
    come need from the parts desk: their operations' kits added up per part, against what is
    available (on hand less reserved) now, by part number, and the parts advisors typed on them.
    Any thread; reads only."""
    from models.parts import Part, PartStock

    require(actor, "workshop.view")
    first, last = _prepare_days(on, until)
    with db.read() as conn:
        bookings = _between(conn, first, last, statuses=("booked",))
        needed: dict[str, int] = {}
        vehicles: dict[str, list[str]] = {}
        for a in bookings:
            for p in a.parts:
                needed[p.part_id] = needed.get(p.part_id, 0) + p.quantity
                vehicles.setdefault(p.part_id, []).append(a.plate or a.vin)
        ids = list(needed)
        found = []
        for start in range(0, len(ids), 500):
            found.extend(conn.execute(
                select(Part.id, Part.part_number, Part.description, Part.bin, PartStock.on_hand, PartStock.reserved)
                .outerjoin(PartStock, PartStock.part_id == Part.id).where(Part.id.in_(ids[start:start + 500]))))
    parts = sorted((PartToPrepare(r.id, r.part_number, r.description, r.bin or "", needed[r.id],
                                  (r.on_hand or 0) - (r.reserved or 0), tuple(dict.fromkeys(vehicles[r.id])))
                    for r in found), key=lambda p: p.part_number)
    typed = tuple(TypedParts(a.starts_at, a.plate or a.vin, a.parts_note) for a in bookings if a.parts_note)
    return PrepareList(first, last, tuple(parts), typed, len(bookings))


def parts_to_prepare(db: Database, actor: Actor, *, on: date | None = None) -> list[PartToPrepare]:
    """The kit parts of :func:`prepare` for one day. Any thread; reads only."""
    return list(prepare(db, actor, on=on).parts)


PREPARE_COLUMNS = ("part_number", "description", "bin", "needed", "available", "short", "for_vehicles")


def export_parts_to_prepare(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                            end: date | None = None, progress: Progress = no_progress,
                            cancel: CancelToken | None = None) -> int:
    """Write what the parts desk prepares for the bookings of a day or days (``start`` to ``end``;
    without them tomorrow): each kit part with the quantity needed, available and short, then a row
    for each booking's typed parts (the note as its description, no part number). Worker thread."""
    require(actor, "data.export")
    path = Path(path)
    files.table_suffix(path)
    found = prepare(db, actor, on=start or end, until=end)

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        yield [(p.part_number, p.description, p.bin or None, quantity_decimal(p.needed),
                quantity_decimal(p.available), quantity_decimal(p.short), "; ".join(p.for_vehicles))
               for p in found.parts]
        yield [(None, t.note, None, None, None, None, t.vehicle) for t in found.typed]

    return files.write_table(path, PREPARE_COLUMNS, batches(), total=len(found.parts) + len(found.typed),
                             sheet="parts to prepare", widths=(18, 34, 10, 10, 10, 10, 40), progress=progress,
                             cancel=cancel)


def _hours(hundredths: int) -> Decimal:
    return (Decimal(hundredths) / HOURS_SCALE).quantize(Decimal("0.01"))


def export_appointments(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                        end: date | None = None, progress: Progress = no_progress,
                        cancel: CancelToken | None = None) -> int:
    """Write the appointments of the period (without one: tomorrow's bookings still to come) by
    time, with the parts to prepare; returns the rows written. Worker thread."""
    require(actor, "workshop.view")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    tomorrow = local_now().date() + timedelta(days=1)
    first = start or (tomorrow if end is None else date(1900, 1, 1))
    last = end or (tomorrow if start is None else date(9999, 12, 30))
    with db.read() as conn:
        rows = _between(conn, first, last, statuses=("booked",) if start is None and end is None else None)

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        yield [(a.starts_at.date(), a.starts_at.strftime("%H:%M"), a.ends_at.strftime("%H:%M"), a.status,
                a.customer_name, a.plate or None, a.vin, a.vehicle or None, a.requested_work or None,
                ";".join(op.code for op in a.operations) or None, _hours(a.booked_hours), a.advisor or None,
                a.technician or None, a.bay or None,
                a.promised_at.strftime("%Y-%m-%d %H:%M") if a.promised_at else None, a.parts_to_prepare or None,
                a.repair_order_number or None, a.cancel_reason or None) for a in rows]

    return files.write_table(path, EXPORT_COLUMNS, batches(), total=len(rows), sheet="appointments",
                             widths=(11, 7, 7, 10, 22, 11, 19, 18, 36, 18, 8, 12, 12, 10, 16, 30, 20, 24),
                             progress=progress, cancel=cancel)

