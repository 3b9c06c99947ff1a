"""Estimates: priced work offered to the customer on a repair order, which the customer approves or
declines. An estimate comes from a health-check item rated amber or red, from extra work a
technician found during a job, or from work the customer declined at an earlier visit, offered
again. Its lines are labour (hours at the hourly rate of the pay type) and parts (a quantity at the
part's price).

Approving adds the lines to the repair order — to the job the extra work was found on, or to a new
customer job named after the estimate — where the repair order's own rules price them (labour at
the job's pay-type rate, parts at the estimate's price). Declining keeps the estimate, and it is
offered at the car's next visit. Both record who entered the customer's answer and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, round_half_up
from core.quantities import check_quantity
from core.status_words import status_word
from models.parts import Part
from models.reception import ESTIMATE_LINE_KINDS, HealthCheck, HealthCheckItem, WorkEstimate, WorkEstimateLine
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services.permissions import require
from services.workshop import catalogue, orders
from services.workshop.orders import JobInput, LabourInput, PartLineInput
from services.workshop.rules import EDITABLE, check_hours, labour_amount
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class EstimateLineInput:
    kind: str  # labour | part
    description: str = ""
    operation_code: str = ""  # labour: a catalogue operation (its standard hours unless ``hours``)
    hours: int | None = None  # labour: hundredths
    part_id: str | None = None  # part
    quantity: int = 1000  # part: thousandths
    unit_price: int | None = None  # part: None is its retail price; labour: None is the pay type's rate


@dataclass(frozen=True)
class EstimateLineView:
    id: str
    line_no: int
    kind: str
    operation_code: str
    part_id: str | None
    description: str
    hours: int
    quantity: int
    unit_price: int | None  # None: the reader may not see amounts
    amount: int | None


@dataclass(frozen=True)
class EstimateView:
    id: str
    repair_order_id: str
    source: str
    description: str
    status: str
    job_id: str | None
    check_item_id: str | None
    offered_from_id: str | None
    offered_on: date
    decided_by: str
    decided_at: datetime | None
    decision_note: str
    approved_job_id: str | None
    total: int | None
    lines: list[EstimateLineView] = field(default_factory=list)


@dataclass(frozen=True)
class DeclinedWork:
    """Work the customer declined on an earlier visit and has not been offered again since."""

    estimate_id: str
    description: str
    total: int | None
    declined_on: date | None
    repair_order_number: str


def _estimate(session: Session, estimate_id: str) -> WorkEstimate:
    row = session.get(WorkEstimate, estimate_id)
    if row is None:
        raise NotFound(msg("The estimate no longer exists"))
    return row


def _text(field_name: str, value: str, limit: int, *, required: object = None) -> str:
    text = " ".join((value or "").split())
    if required is not None and not text:
        raise ValidationError(field_name, required)
    if len(text) > limit:
        raise ValidationError(field_name, msg("is longer than {limit} characters", limit=limit))
    return text


def _rate(session: Session, pay_type: str) -> int:
    found = catalogue.rates_of(session).get(pay_type or "customer")
    return found.hourly_rate if found else 0


def part_amount(quantity: int, unit_price: int) -> int:
    """What ``quantity`` thousandths at ``unit_price`` come to, rounded half-up to the minor unit."""
    return round_half_up(Decimal(quantity) * unit_price / 1000)


def _priced_lines(session: Session, ro: RepairOrder, lines: Sequence[EstimateLineInput], *, pay_type: str
                  ) -> list[dict]:
    """The lines as rows to store, checked and priced; a problem names ``lines[i].field``."""
    if not lines:
        raise ValidationError("lines", msg("An estimate needs at least one labour or parts line"))
    family = session.execute(select(Vehicle.model).where(Vehicle.id == ro.vehicle_id)).scalar() or ""
    out = []
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        if line.kind not in ESTIMATE_LINE_KINDS:
            raise ValidationError(f"{where}.kind", msg("The line kind must be one of {items}",
                                                       items=', '.join(ESTIMATE_LINE_KINDS)))
        if line.kind == "labour":
            operation = None
            if (line.operation_code or "").strip():
                operation = catalogue.find_operation(session, line.operation_code, model_family=family)
                if operation is None:
                    raise ValidationError(f"{where}.operation_code", msg(
                        "There is no active labour operation '{code}'",
                        code=catalogue.normalize_code(line.operation_code)))
            description = _text(f"{where}.description", line.description or (operation.description if operation
                                                                              else ""), 300,
                                required=msg("A labour line needs a description or an operation"))
            hours = line.hours if line.hours is not None else (operation.standard_hours if operation else None)
            if hours is None:
                raise ValidationError(f"{where}.hours", msg("Say how many hours are sold"))
            hours = check_hours(f"{where}.hours", hours)
            rate = (_rate(session, pay_type) if line.unit_price is None
                    else check_amount(f"{where}.unit_price", line.unit_price, minimum=0))
            out.append({"kind": "labour", "operation_code": operation.code if operation else "", "part_id": None,
                        "description": description, "hours": hours, "quantity": 0, "unit_price": rate,
                        "amount": labour_amount(hours, rate)})
        else:
            part = session.get(Part, line.part_id) if line.part_id else None
            if part is None:
                raise ValidationError(f"{where}.part_id", msg("The part is not in the catalogue"))
            if check_quantity(f"{where}.quantity", line.quantity) <= 0:
                raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero"))
            price = (part.retail_price if line.unit_price is None
                     else check_amount(f"{where}.unit_price", line.unit_price, minimum=0))
            out.append({"kind": "part", "operation_code": "", "part_id": part.id,
                        "description": _text(f"{where}.description", line.description or part.description, 300),
                        "hours": 0, "quantity": line.quantity, "unit_price": price,
                        "amount": part_amount(line.quantity, price)})
    return out


def _add(uow: UnitOfWork, ro: RepairOrder, *, source: str, description: str, lines: Sequence[EstimateLineInput],
         pay_type: str = "customer", job_id: str | None = None, check_item_id: str | None = None,
         offered_from_id: str | None = None, on: date | None = None) -> str:
    session = uow.session
    if ro.status not in EDITABLE:
        raise ValidationError("status", msg("Repair order {number} is {status}: its work can no longer change",
                                            number=ro.number, status=status_word(ro.status)))
    rows = _priced_lines(session, ro, lines, pay_type=pay_type)
    estimate = WorkEstimate(repair_order_id=ro.id, vehicle_id=ro.vehicle_id, source=source, job_id=job_id,
                            check_item_id=check_item_id, offered_from_id=offered_from_id,
                            description=_text("description", description, 300,
                                              required=msg("An estimate needs a description")),
                            status="pending", offered_on=on or date.today())
    session.add(estimate)
    session.flush()
    for n, row in enumerate(rows, start=1):
        session.add(WorkEstimateLine(estimate_id=estimate.id, line_no=n, **row))
    session.flush()
    return estimate.id


def estimate_extra_work_in(uow: UnitOfWork, job_id: str, description: str, lines: Sequence[EstimateLineInput],
                           *, on: date | None = None) -> str:
    """Extra work found during a job, priced for the customer to approve or decline; approved, its
    lines join that job. Labour is priced at the job's pay-type rate. Returns the estimate id."""
    require(uow.actor, "workshop.edit")
    job, ro = orders.job_of(uow.session, job_id)
    return _add(uow, ro, source="extra_work", description=description, lines=lines, pay_type=job.pay_type,
                job_id=job.id, on=on)


estimate_extra_work = action(estimate_extra_work_in)


def estimate_check_item_in(uow: UnitOfWork, item_id: str, lines: Sequence[EstimateLineInput], *,
                           description: str = "", on: date | None = None) -> str:
    """Price a health-check item rated amber or red as an estimate for the customer (described by
    the item and its note unless ``description`` says otherwise). One estimate per item: pricing it
    again is refused while the first is pending or approved. Returns the estimate id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    item = session.get(HealthCheckItem, item_id)
    if item is None:
        raise NotFound(msg("The health-check item no longer exists"))
    if item.rating not in ("amber", "red"):
        raise ValidationError("rating", msg("Only items rated amber or red become estimates ('{name}' is not)",
                                            name=item.name))
    taken = session.execute(select(WorkEstimate.id).where(WorkEstimate.check_item_id == item.id,
                                                          WorkEstimate.status != "declined")).first()
    if taken is not None:
        raise ValidationError("check_item", msg("'{name}' already has an estimate", name=item.name))
    check = session.get(HealthCheck, item.check_id)
    ro = orders.repair_order(session, check.repair_order_id)
    text = description or " — ".join(x for x in (f"{item.system}: {item.name}", item.note) if x)
    return _add(uow, ro, source="health_check", description=text[:300], lines=lines, check_item_id=item.id, on=on)


estimate_check_item = action(estimate_check_item_in)


def offer_again_in(uow: UnitOfWork, estimate_id: str, repair_order_id: str, *, on: date | None = None) -> str:
    """Offer work declined at an earlier visit again on this repair order of the same car, priced
    at today's rates and prices; returns the new estimate's id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    old = _estimate(session, estimate_id)
    ro = orders.repair_order(session, repair_order_id)
    if old.status != "declined":
        raise ValidationError("estimate", msg("Only declined work is offered again"))
    if old.vehicle_id != ro.vehicle_id:
        raise ValidationError("estimate", msg("The declined work was for another vehicle"))
    again = session.execute(select(WorkEstimate.id).where(WorkEstimate.offered_from_id == old.id)).first()
    if again is not None:
        raise ValidationError("estimate", msg("This work has already been offered again"))
    lines = [EstimateLineInput(kind=r.kind, description=r.description, operation_code="", hours=r.hours or None,
                               part_id=r.part_id, quantity=r.quantity or 1000)
             for r in session.execute(select(WorkEstimateLine).where(WorkEstimateLine.estimate_id == old.id)
                                      .order_by(WorkEstimateLine.line_no)).scalars()]
    return _add(uow, ro, source="declined_before", description=old.description, lines=lines,
                offered_from_id=old.id, on=on)


offer_again = action(offer_again_in)


def _pending(session: Session, estimate_id: str) -> WorkEstimate:
    estimate = _estimate(session, estimate_id)
    if estimate.status != "pending":
        raise ValidationError("status", msg("The customer has already {status} this estimate",
                                            status=status_word(estimate.status)))
    return estimate


def approve_in(uow: UnitOfWork, estimate_id: str, *, note: str = "") -> str:
    """The customer approves: the lines join the job the work was found on, or a new customer job
    named after the estimate; who entered it and when are recorded. Returns the job id."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    estimate = _pending(session, estimate_id)
    note = _text("note", note, 300)
    job_id = estimate.job_id or orders.add_job_in(uow, estimate.repair_order_id,
                                                  JobInput(estimate.description, pay_type="customer"))
    for line in session.execute(select(WorkEstimateLine).where(WorkEstimateLine.estimate_id == estimate.id)
                                .order_by(WorkEstimateLine.line_no)).scalars():
        if line.kind == "labour":
            orders.add_labour_in(uow, job_id, LabourInput(operation_code=line.operation_code,
                                                          description=line.description, hours=line.hours))
        else:
            orders.add_part_in(uow, job_id, PartLineInput(part_id=line.part_id, quantity=line.quantity,
                                                          unit_price=line.unit_price, description=line.description))
    estimate.status, estimate.approved_job_id = "approved", job_id
    estimate.decided_by, estimate.decided_at, estimate.decision_note = uow.actor.username, uow.now, note
    session.flush()
    return job_id


approve = action(approve_in)


def decline_in(uow: UnitOfWork, estimate_id: str, *, note: str = "") -> None:
    """The customer declines: the estimate is kept, with who entered it and when, and offered at the
    car's next visit."""
    require(uow.actor, "workshop.edit")
    estimate = _pending(uow.session, estimate_id)
    estimate.status = "declined"
    estimate.decided_by, estimate.decided_at = uow.actor.username, uow.now
    estimate.decision_note = _text("note", note, 300)
    uow.session.flush()


decline = action(decline_in)


# --- reading --------------------------------------------------------------------------------------

def _views(conn, actor: Actor, where) -> list[EstimateView]:
    costs = actor.can("workshop.costs")
    estimates = conn.execute(select(WorkEstimate.__table__).where(where)
                             .order_by(WorkEstimate.created_at, WorkEstimate.id)).mappings().all()
    lines: dict[str, list[EstimateLineView]] = {}
    ids = [e["id"] for e in estimates]
    for r in conn.execute(select(WorkEstimateLine.__table__).where(WorkEstimateLine.estimate_id.in_(ids))
                          .order_by(WorkEstimateLine.line_no)).mappings():
        lines.setdefault(r["estimate_id"], []).append(EstimateLineView(
            r["id"], r["line_no"], r["kind"], r["operation_code"], r["part_id"], r["description"], r["hours"],
            r["quantity"], r["unit_price"] if costs else None, r["amount"] if costs else None))
    return [EstimateView(
        id=e["id"], repair_order_id=e["repair_order_id"], source=e["source"], description=e["description"],
        status=e["status"], job_id=e["job_id"], check_item_id=e["check_item_id"],
        offered_from_id=e["offered_from_id"], offered_on=e["offered_on"], decided_by=e["decided_by"],
        decided_at=e["decided_at"], decision_note=e["decision_note"], approved_job_id=e["approved_job_id"],
        total=sum(x.amount or 0 for x in lines.get(e["id"], [])) if costs else None, lines=lines.get(e["id"], []))
        for e in estimates]


def estimates_of(db: Database, actor: Actor, repair_order_id: str) -> list[EstimateView]:
    """The estimates offered on a repair order, oldest first; amounts are None for a user who may
    not see them. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return _views(conn, actor, WorkEstimate.repair_order_id == repair_order_id)


def get_estimate(db: Database, actor: Actor, estimate_id: str) -> EstimateView:
    require(actor, "workshop.view")
    with db.read() as conn:
        found = _views(conn, actor, WorkEstimate.id == estimate_id)
    if not found:
        raise NotFound(msg("The estimate no longer exists"))
    return found[0]


def declined_for_vehicle(conn_or_session, vehicle_id: str, *, costs: bool = True) -> list[DeclinedWork]:
    """Work declined on the car's earlier visits and not offered again since, newest first."""
    later = aliased(WorkEstimate)
    total = (select(func.coalesce(func.sum(WorkEstimateLine.amount), 0))
             .where(WorkEstimateLine.estimate_id == WorkEstimate.id).scalar_subquery())
    rows = conn_or_session.execute(
        select(WorkEstimate.id, WorkEstimate.description, total, WorkEstimate.decided_at, RepairOrder.number)
        .join(RepairOrder, RepairOrder.id == WorkEstimate.repair_order_id)
        .where(WorkEstimate.vehicle_id == vehicle_id, WorkEstimate.status == "declined",
               ~select(later.id).where(later.offered_from_id == WorkEstimate.id).exists())
        .order_by(WorkEstimate.decided_at.desc(), WorkEstimate.id))
    return [DeclinedWork(r[0], r[1], int(r[2]) if costs else None, r[3].date() if r[3] else None, r[4])
            for r in rows]
