"""Repair orders: reception (customer, vehicle, mileage, concerns, promised time), jobs with their
labour, parts, sublet and consumable lines, and the status flow (:mod:`services.workshop.rules`).

A repair order gets its number from this terminal's ``repair_order`` series when it is opened, so
the stock ledger can name it at once (reservations and issues use it as their reference).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.ids import new_id
from core.messages import Message, joined, msg
from core.money import check_amount, exact_integer
from core.quantities import check_quantity
from core.status_words import status_word
from models.admin import RolePermission, User
from models.crm import Customer
from models.parts import Part
from models.service_menus import ServiceMenu
from models.vehicles import Vehicle
from models.workshop import (
    EXTRA_KINDS,
    Clocking,
    RepairExtraLine,
    RepairJob,
    RepairLabourLine,
    RepairOrder,
    RepairPartLine,
)
from services import settings
from services.permissions import require
from services.workshop import catalogue
from services.workshop.rules import (
    EDITABLE,
    check_hours,
    check_pay_type,
    check_transition,
    labour_amount,
)
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class RepairOrderInput:
    customer_id: str
    vehicle_id: str
    mileage_in: int
    concerns: str = ""
    promised_at: datetime | None = None
    advisor: str = ""  # a user name; empty: whoever opens it
    # Accept a mileage below the vehicle's last recorded one, saying why (audited).
    mileage_override: str = ""
    # Insurance work: the insurer (None: the insurance rate's account), the excess the customer
    # pays (minor units, in the same terms as unit prices; None: unchanged, for a user who may not
    # see amounts) and the insurer's claim reference.
    insurer_id: str | None = None
    insurance_excess: int | None = 0
    insurance_claim_ref: str = ""


@dataclass
class JobInput:
    description: str
    pay_type: str = ""
    failed_part: str = ""
    cause: str = ""
    correction: str = ""


@dataclass
class LabourInput:
    operation_code: str = ""
    description: str = ""
    hours: int | None = None  # hundredths; None: the operation's standard hours
    technician: str = ""


@dataclass
class PartLineInput:
    part_id: str
    quantity: int  # thousandths
    unit_price: int | None = None  # None: the part's retail price
    description: str = ""


@dataclass
class ExtraInput:
    kind: str  # sublet | consumable
    description: str
    unit_price: int
    quantity: int = 1000
    unit_cost: int = 0


@dataclass(frozen=True)
class LabourView:
    id: str
    line_no: int
    operation_code: str
    description: str
    hours: int
    technician: str
    hourly_rate: int | None  # None: the reader may not see amounts
    amount: int | None
    menu_discount: int | None = 0


@dataclass(frozen=True)
class PartView:
    id: str
    line_no: int
    part_id: str
    description: str
    quantity: int
    reserved: int
    issued: int
    returned: int
    unit_price: int | None
    unit_cost: int | None
    menu_discount: int | None = 0


@dataclass(frozen=True)
class ExtraView:
    id: str
    line_no: int
    kind: str
    description: str
    quantity: int
    unit_price: int | None
    unit_cost: int | None


@dataclass(frozen=True)
class JobView:
    id: str
    job_no: int
    description: str
    pay_type: str
    failed_part: str
    cause: str
    correction: str
    labour: list[LabourView] = field(default_factory=list)
    parts: list[PartView] = field(default_factory=list)
    extras: list[ExtraView] = field(default_factory=list)
    claim_number: str = ""
    failed_part_number: str = ""
    failed_on: date | None = None
    condition: str = ""
    menu_code: str = ""  # the service package applied, if any
    menu_price: int | None = 0
    menu_variance: int | None = 0


@dataclass(frozen=True)
class RepairOrderView:
    id: str
    number: str
    status: str
    customer_id: str
    customer_name: str
    vehicle_id: str
    vin: str
    plate: str
    advisor: str
    mileage_in: int
    mileage_override: str
    promised_at: datetime | None
    concerns: str
    opened_on: date
    completed_on: date | None
    invoiced_on: date | None
    closed_on: date | None
    jobs: list[JobView]
    insurer_id: str | None = None
    insurer_name: str = ""
    insurance_excess: int | None = 0
    insurance_claim_ref: str = ""
    # Handover: None until the car is handed back (services/workshop/handover.py).
    handed_over_on: date | None = None
    mileage_out: int | None = None
    next_service_on: date | None = None
    next_service_km: int | None = None
    # Points of a health check still open on it that nobody rated yet.
    unrated_points: int = 0


# --- helpers --------------------------------------------------------------------------------------

def repair_order(session: Session, repair_order_id: str) -> RepairOrder:
    row = session.get(RepairOrder, repair_order_id)
    if row is None:
        raise NotFound(msg("The repair order no longer exists"))
    return row


def _editable(session: Session, repair_order_id: str) -> RepairOrder:
    ro = repair_order(session, repair_order_id)
    if ro.status not in EDITABLE:
        raise ValidationError("status", msg("Repair order {number} is {status}: its work can no longer change",
                                            number=ro.number, status=status_word(ro.status)))
    return ro


def job_of(session: Session, job_id: str) -> tuple[RepairJob, RepairOrder]:
    job = session.get(RepairJob, job_id)
    if job is None:
        raise NotFound(msg("The job no longer exists"))
    return job, repair_order(session, job.repair_order_id)


def _editable_job(session: Session, job_id: str) -> tuple[RepairJob, RepairOrder]:
    job, ro = job_of(session, job_id)
    _editable(session, ro.id)
    return job, ro


def _text(field_name: str, value: str, limit: int, *, required: str = "") -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError(field_name, required)
    if len(text) > limit:
        raise ValidationError(field_name, msg("is longer than {limit} characters", limit=limit))
    return text


def advisors(db: Database, actor: Actor) -> dict[str, str]:
    """Who may take a repair order as its advisor: active users whose role edits repair orders,
    login → the name people call them, sorted by that name. Any thread; reads only."""
    require(actor, "workshop.view")
    query = (select(User.username, User.display_name)
             .join(RolePermission, RolePermission.role_code == User.role_code)
             .where(RolePermission.permission == "workshop.edit", User.active.is_(True)))
    with db.read() as conn:
        rows = [(r.username, r.display_name or r.username) for r in conn.execute(query)]
    return dict(sorted(rows, key=lambda r: r[1].casefold()))


def _check_user(session: Session, field_name: str, username: str) -> str:
    username = (username or "").strip()
    if username and session.execute(select(User.id).where(User.username == username)).first() is None:
        raise ValidationError(field_name, msg("There is no user called '{username}'", username=username))
    return username


def last_mileage(session: Session | Connection, vehicle_id: str, *, exclude_id: str | None = None
                 ) -> tuple[int, Message]:
    """The vehicle's last recorded mileage and where it was recorded (a repair order, or the vehicle
    record): the highest reading since the latest lower mileage that was accepted with a reason (a
    replaced or reset odometer starts counting again), else the highest ever."""
    ro = RepairOrder
    odometer = session.execute(select(Vehicle.odometer_km).where(Vehicle.id == vehicle_id)).scalar() or 0
    query = select(ro.number, ro.mileage_in, ro.mileage_out, ro.mileage_override, ro.opened_on, ro.created_at
                   ).where(ro.vehicle_id == vehicle_id)
    if exclude_id:
        query = query.where(ro.id != exclude_id)
    rows = session.execute(query).all()
    restarts = [(r.opened_on, r.created_at) for r in rows if r.mileage_override]
    if restarts:
        since = max(restarts)
        rows = [r for r in rows if (r.opened_on, r.created_at) >= since]
    best = max(((max(r.mileage_in, r.mileage_out or 0), r.number) for r in rows), default=None)
    if best is not None and best[0] >= odometer:
        return best[0], msg("repair order {number}", number=best[1])
    return odometer, msg("the vehicle record")


def _check_mileage(uow: UnitOfWork, ro: RepairOrder, mileage: int, override: str) -> str:
    """Refuse a mileage below the vehicle's last recorded one unless ``override`` says why and the
    user may accept it; an accepted one is audited. Returns the override reason kept."""
    last, where = last_mileage(uow.session, ro.vehicle_id, exclude_id=ro.id)
    if mileage >= last:
        return ""
    reason = " ".join((override or "").split())
    if not reason:
        raise ValidationError("mileage_in", msg("The mileage {mileage:,} km is lower than the last recorded {last:,} "
                                                "km ({where}); check it, or confirm it with a reason",
                                                mileage=mileage, last=last, where=where))
    require(uow.actor, "workshop.mileage_override")
    uow.audit([Change("mileage_override", "repair_order", ro.id, {"last_mileage": last, "recorded_in": where},
                      {"mileage_in": mileage, "reason": reason},
                      summary=msg("Mileage {mileage} km accepted below the last recorded {last} km ({where}): "
                                  "{reason}", mileage=f"{mileage:,}", last=f"{last:,}", where=where, reason=reason))])
    return reason


def _apply(uow: UnitOfWork, ro: RepairOrder, data: RepairOrderInput) -> None:
    session = uow.session
    if not data.customer_id or session.get(Customer, data.customer_id) is None:
        raise ValidationError("customer_id", msg("Choose the customer"))
    vehicle = session.get(Vehicle, data.vehicle_id) if data.vehicle_id else None
    if vehicle is None:
        raise ValidationError("vehicle_id", msg("Choose the vehicle"))
    mileage = exact_integer("mileage_in", data.mileage_in, unit="km", minimum=0)
    ro.customer_id, ro.vehicle_id = data.customer_id, data.vehicle_id
    ro.concerns = (data.concerns or "").strip()
    ro.promised_at = data.promised_at
    ro.advisor = _check_user(session, "advisor", data.advisor) or uow.actor.username
    if mileage != ro.mileage_in or data.mileage_override:
        ro.mileage_override = _check_mileage(uow, ro, mileage, data.mileage_override)
    ro.mileage_in = mileage
    if data.insurer_id and session.get(Customer, data.insurer_id) is None:
        raise ValidationError("insurer_id", msg("The insurer is not a customer"))
    ro.insurer_id = data.insurer_id or None
    if data.insurance_excess is not None:
        ro.insurance_excess = check_amount("insurance_excess", data.insurance_excess, minimum=0)
    elif ro.insurance_excess is None:
        ro.insurance_excess = 0
    ro.insurance_claim_ref = _text("insurance_claim_ref", data.insurance_claim_ref, 60)
    if mileage > (vehicle.odometer_km or 0) or ro.mileage_override:
        # An accepted lower mileage (a replaced odometer) is the vehicle's reading from now on.
        vehicle.odometer_km = mileage


# --- the repair order -----------------------------------------------------------------------------

def open_order_in(uow: UnitOfWork, data: RepairOrderInput, *, on: date | None = None) -> tuple[str, str]:
    """Open a repair order (reception); returns ``(id, number)``. A mileage below the vehicle's last
    recorded one is refused unless ``mileage_override`` gives the reason."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    opened = on or date.today()
    ro = RepairOrder(id=new_id(), number="", status="open", customer_id=data.customer_id,
                     vehicle_id=data.vehicle_id, mileage_in=-1, opened_on=opened)
    # Checked before the number is taken and the row added: a refusal uses up no number.
    _apply(uow, ro, data)
    ro.number = settings.next_number(session, "repair_order", on=opened)
    session.add(ro)
    session.flush()
    return ro.id, ro.number


open_order = action(open_order_in)


def update_order_in(uow: UnitOfWork, repair_order_id: str, data: RepairOrderInput) -> None:
    """Change the reception data of a repair order that is not invoiced yet."""
    require(uow.actor, "workshop.edit")
    ro = repair_order(uow.session, repair_order_id)
    if ro.status in ("invoiced", "closed"):
        raise ValidationError("status", msg("Repair order {number} is {status} and can no longer change",
                                            number=ro.number, status=status_word(ro.status)))
    _apply(uow, ro, data)


update_order = action(update_order_in)


def open_clockings(session_or_conn, repair_order_id: str) -> list[str]:
    """The technicians still clocked on a job of the repair order."""
    return list(session_or_conn.execute(select(Clocking.technician).where(
        Clocking.repair_order_id == repair_order_id, Clocking.ended_at.is_(None)).order_by(Clocking.technician))
        .scalars())


def outstanding_reservations(session_or_conn, repair_order_id: str) -> list[tuple[str, int]]:
    """(part number, quantity) of parts still reserved for the repair order and not issued."""
    rows = session_or_conn.execute(
        select(Part.part_number, func.sum(RepairPartLine.reserved))
        .join(RepairJob, RepairJob.id == RepairPartLine.job_id).join(Part, Part.id == RepairPartLine.part_id)
        .where(RepairJob.repair_order_id == repair_order_id, RepairPartLine.reserved > 0)
        .group_by(Part.part_number).order_by(Part.part_number))
    return [(number, int(qty)) for number, qty in rows]


def _refuse_while_clocked_on(session: Session, ro: RepairOrder, *, doing: Message) -> None:
    """Refuse ``doing`` while a technician is clocked on a job of the repair order, naming them as
    people call them."""
    clocked = open_clockings(session, ro.id)
    if clocked:
        from services.users import person_names

        names = person_names(session)
        raise ValidationError("clockings", msg("Cannot {doing} repair order {number}: {people} still clocked on; "
                                               "clock them off first", doing=doing, number=ro.number,
                                               people=joined([names.get(who, who) for who in clocked],
                                                             separator=",")))


def check_finished(session: Session, ro: RepairOrder, *, doing: str) -> None:
    """Refuse ``doing`` (e.g. "complete") while a technician is still clocked on or parts are
    still reserved and neither issued nor released, naming them."""
    _refuse_while_clocked_on(session, ro, doing=doing)
    held = outstanding_reservations(session, ro.id)
    if held:
        from core.quantities import quantity_text

        names = ", ".join(f"{number} ({quantity_text(qty)})" for number, qty in held)
        raise ValidationError("parts", msg("Cannot {doing} repair order {number}: parts still reserved and not "
                                           "issued: {names}; issue them or release the reservations first",
                                           doing=doing, number=ro.number, names=names))


def set_status_in(uow: UnitOfWork, repair_order_id: str, status: str, *, on: date | None = None) -> None:
    """Move a repair order along its status flow (:data:`services.workshop.rules.TRANSITIONS`).
    Completing it needs every technician clocked off and no part left reserved."""
    require(uow.actor, "workshop.edit")
    ro = repair_order(uow.session, repair_order_id)
    check_transition(ro.status, status)
    if status == "quality_check":
        # The work is checked once it is done: nobody is still working on it.
        _refuse_while_clocked_on(uow.session, ro, doing=msg("send to quality check"))
    if status == "completed":
        check_finished(uow.session, ro, doing=msg("complete"))
        ro.completed_on = on or date.today()
    elif status == "closed":
        ro.closed_on = on or date.today()
    elif ro.status == "completed":
        ro.completed_on = None
    ro.status = status


set_status = action(set_status_in)


# --- jobs -----------------------------------------------------------------------------------------

def _clean_job(data: JobInput) -> JobInput:
    return JobInput(description=_text("description", data.description, 300, required="A job needs a description"),
                    pay_type=check_pay_type("pay_type", data.pay_type),
                    failed_part=_text("failed_part", data.failed_part, 120),
                    cause=(data.cause or "").strip(), correction=(data.correction or "").strip())


def add_job_in(uow: UnitOfWork, repair_order_id: str, data: JobInput) -> str:
    """Add a job to a repair order whose work is not completed; returns its id."""
    require(uow.actor, "workshop.edit")
    ro = _editable(uow.session, repair_order_id)
    clean = _clean_job(data)
    last = uow.session.execute(select(func.max(RepairJob.job_no)).where(RepairJob.repair_order_id == ro.id)).scalar()
    job = RepairJob(repair_order_id=ro.id, job_no=(last or 0) + 1, description=clean.description,
                    pay_type=clean.pay_type, failed_part=clean.failed_part, cause=clean.cause,
                    correction=clean.correction)
    uow.session.add(job)
    uow.session.flush()
    return job.id


add_job = action(add_job_in)


def update_job_in(uow: UnitOfWork, job_id: str, data: JobInput) -> None:
    """Change a job; a change of pay type re-prices its labour at that pay type's rate."""
    require(uow.actor, "workshop.edit")
    job, _ro = _editable_job(uow.session, job_id)
    clean = _clean_job(data)
    repriced = clean.pay_type != job.pay_type
    if repriced and job.menu_id is not None:
        raise ValidationError("pay_type", msg("Job {job_no} has a service package at a fixed price; its pay type "
                                              "can no longer change", job_no=job.job_no))
    job.description, job.pay_type, job.failed_part = clean.description, clean.pay_type, clean.failed_part
    job.cause, job.correction = clean.cause, clean.correction
    if repriced:
        rate = _rate(uow.session, job.pay_type)
        for line in uow.session.execute(select(RepairLabourLine).where(RepairLabourLine.job_id == job.id)).scalars():
            line.hourly_rate, line.amount = rate, labour_amount(line.hours, rate)


update_job = action(update_job_in)


# --- lines ----------------------------------------------------------------------------------------

def _rate(session: Session, pay_type: str) -> int:
    """The hourly rate of ``pay_type`` (of customer work while the job has none yet)."""
    found = catalogue.rates_of(session).get(pay_type or "customer")
    return found.hourly_rate if found else 0


def _next_line(session: Session, model: type, job_id: str) -> int:
    return (session.execute(select(func.max(model.line_no)).where(model.job_id == job_id)).scalar() or 0) + 1


def add_labour_in(uow: UnitOfWork, job_id: str, data: LabourInput) -> str:
    """Sell hours on a job, from the catalogue (``operation_code``, hours default to its standard
    hours) or free text; priced at the job's pay-type rate. Returns the line id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    job, ro = _editable_job(session, job_id)
    operation = None
    if (data.operation_code or "").strip():
        family = session.execute(select(Vehicle.model).where(Vehicle.id == ro.vehicle_id)).scalar() or ""
        operation = catalogue.find_operation(session, data.operation_code, model_family=family)
        if operation is None:
            raise ValidationError("operation_code", msg("There is no active labour operation '{code}'",
                                                        code=catalogue.normalize_code(data.operation_code)))
    description = _text("description", data.description or (operation.description if operation else ""), 300,
                        required="A labour line needs a description or an operation")
    hours = data.hours if data.hours is not None else (operation.standard_hours if operation else None)
    if hours is None:
        raise ValidationError("hours", msg("Say how many hours are sold"))
    hours = check_hours("hours", hours)
    technician = _check_user(session, "technician", data.technician)
    rate = _rate(session, job.pay_type)
    line = RepairLabourLine(job_id=job.id, line_no=_next_line(session, RepairLabourLine, job.id),
                            operation_id=operation.id if operation else None,
                            operation_code=operation.code if operation else "", description=description, hours=hours,
                            technician=technician, hourly_rate=rate, amount=labour_amount(hours, rate))
    session.add(line)
    session.flush()
    return line.id


add_labour = action(add_labour_in)


def add_part_in(uow: UnitOfWork, job_id: str, data: PartLineInput) -> str:
    """Put a catalogue part on a job (nothing is reserved or issued yet); returns the line id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    job, _ro = _editable_job(session, job_id)
    part = session.get(Part, data.part_id) if data.part_id else None
    if part is None:
        raise ValidationError("part_id", msg("The part is not in the catalogue"))
    if check_quantity("quantity", data.quantity) <= 0:
        raise ValidationError("quantity", msg("The quantity must be more than zero"))
    price = part.retail_price if data.unit_price is None else check_amount("unit_price", data.unit_price, minimum=0)
    description = _text("description", data.description or part.description, 300)
    line = RepairPartLine(job_id=job.id, line_no=_next_line(session, RepairPartLine, job.id), part_id=part.id,
                          description=description, quantity=data.quantity, unit_price=price)
    session.add(line)
    session.flush()
    return line.id


add_part = action(add_part_in)


def add_extra_in(uow: UnitOfWork, job_id: str, data: ExtraInput) -> str:
    """Add sublet work or consumables to a job; returns the line id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    job, _ro = _editable_job(session, job_id)
    if data.kind not in EXTRA_KINDS:
        raise ValidationError("kind", msg("The line kind must be one of {items}", items=', '.join(EXTRA_KINDS)))
    description = _text("description", data.description, 300, required="A line needs a description")
    if check_quantity("quantity", data.quantity) <= 0:
        raise ValidationError("quantity", msg("The quantity must be more than zero"))
    line = RepairExtraLine(job_id=job.id, line_no=_next_line(session, RepairExtraLine, job.id), kind=data.kind,
                           description=description, quantity=data.quantity,
                           unit_price=check_amount("unit_price", data.unit_price, minimum=0),
                           unit_cost=check_amount("unit_cost", data.unit_cost, minimum=0))
    session.add(line)
    session.flush()
    return line.id


add_extra = action(add_extra_in)


def remove_line_in(uow: UnitOfWork, line_id: str) -> None:
    """Remove a labour, sublet or consumable line, or a parts line with nothing reserved or issued."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    for model in (RepairLabourLine, RepairExtraLine, RepairPartLine):
        line = session.get(model, line_id)
        if line is None:
            continue
        _editable_job(session, line.job_id)
        if isinstance(line, RepairPartLine) and (line.reserved or line.issued - line.returned):
            raise ValidationError("parts", msg("Return the issued parts and release the reservation before removing "
                                               "the line"))
        if getattr(line, "menu_discount", 0):
            # A service package's line takes its share of the variance with it.
            session.get(RepairJob, line.job_id).menu_variance -= line.menu_discount
        session.delete(line)
        return
    raise NotFound(msg("The line no longer exists"))


remove_line = action(remove_line_in)


# --- reading --------------------------------------------------------------------------------------

def get(db: Database, actor: Actor, repair_order_id: str) -> RepairOrderView:
    """A repair order with its jobs and lines; prices, costs and amounts are None for a user who
    may not see them. Any thread; reads only."""
    require(actor, "workshop.view")
    costs = actor.can("workshop.costs")

    def money(value: int) -> int | None:
        return value if costs else None

    with db.read() as conn:
        ro = conn.execute(select(RepairOrder.__table__).where(RepairOrder.id == repair_order_id)).mappings().first()
        if ro is None:
            raise NotFound(msg("The repair order no longer exists"))
        customer = conn.execute(select(Customer.name).where(Customer.id == ro["customer_id"])).scalar() or ""
        insurer = (conn.execute(select(Customer.name).where(Customer.id == ro["insurer_id"])).scalar() or ""
                   if ro["insurer_id"] else "")
        menu_codes = dict(conn.execute(select(ServiceMenu.id, ServiceMenu.code)
                                       .join(RepairJob, RepairJob.menu_id == ServiceMenu.id)
                                       .where(RepairJob.repair_order_id == repair_order_id)).all())
        vin, plate = conn.execute(select(Vehicle.vin, Vehicle.plate).where(Vehicle.id == ro["vehicle_id"])).one()
        jobs = conn.execute(select(RepairJob.__table__).where(RepairJob.repair_order_id == repair_order_id)
                            .order_by(RepairJob.job_no)).mappings().all()
        ids = [j["id"] for j in jobs]
        labour: dict[str, list[LabourView]] = {}
        for r in conn.execute(select(RepairLabourLine.__table__).where(RepairLabourLine.job_id.in_(ids))
                              .order_by(RepairLabourLine.line_no)).mappings():
            labour.setdefault(r["job_id"], []).append(LabourView(
                r["id"], r["line_no"], r["operation_code"], r["description"], r["hours"], r["technician"],
                money(r["hourly_rate"]), money(r["amount"]), money(r["menu_discount"])))
        parts: dict[str, list[PartView]] = {}
        for r in conn.execute(select(RepairPartLine.__table__).where(RepairPartLine.job_id.in_(ids))
                              .order_by(RepairPartLine.line_no)).mappings():
            parts.setdefault(r["job_id"], []).append(PartView(
                r["id"], r["line_no"], r["part_id"], r["description"], r["quantity"], r["reserved"], r["issued"],
                r["returned"], money(r["unit_price"]), money(r["unit_cost"]), money(r["menu_discount"])))
        from models.reception import HealthCheck, HealthCheckItem

        unrated = conn.execute(select(func.count()).select_from(HealthCheckItem).join(
            HealthCheck, HealthCheck.id == HealthCheckItem.check_id).where(
            HealthCheck.repair_order_id == repair_order_id, HealthCheck.completed_at.is_(None),
            HealthCheckItem.rating == "")).scalar() or 0
        extras: dict[str, list[ExtraView]] = {}
        for r in conn.execute(select(RepairExtraLine.__table__).where(RepairExtraLine.job_id.in_(ids))
                              .order_by(RepairExtraLine.line_no)).mappings():
            extras.setdefault(r["job_id"], []).append(ExtraView(
                r["id"], r["line_no"], r["kind"], r["description"], r["quantity"], money(r["unit_price"]),
                money(r["unit_cost"])))
    return RepairOrderView(
        id=ro["id"], number=ro["number"], status=ro["status"], customer_id=ro["customer_id"], customer_name=customer,
        vehicle_id=ro["vehicle_id"], vin=vin, plate=plate, advisor=ro["advisor"], mileage_in=ro["mileage_in"],
        mileage_override=ro["mileage_override"], promised_at=ro["promised_at"], concerns=ro["concerns"],
        opened_on=ro["opened_on"], completed_on=ro["completed_on"], invoiced_on=ro["invoiced_on"],
        closed_on=ro["closed_on"],
        jobs=[JobView(j["id"], j["job_no"], j["description"], j["pay_type"], j["failed_part"], j["cause"],
                      j["correction"], labour.get(j["id"], []), parts.get(j["id"], []), extras.get(j["id"], []),
                      claim_number=j["claim_number"], failed_part_number=j["failed_part_number"],
                      failed_on=j["failed_on"], condition=j["condition"],
                      menu_code=menu_codes.get(j["menu_id"], "") if j["menu_id"] else "",
                      menu_price=money(j["menu_price"]), menu_variance=money(j["menu_variance"]))
              for j in jobs],
        insurer_id=ro["insurer_id"], insurer_name=insurer, insurance_excess=money(ro["insurance_excess"]),
        insurance_claim_ref=ro["insurance_claim_ref"], handed_over_on=ro["handed_over_on"],
        mileage_out=ro["mileage_out"], next_service_on=ro["next_service_on"], next_service_km=ro["next_service_km"],
        unrated_points=unrated)
