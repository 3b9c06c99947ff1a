"""A vehicle's service history (issue 10 §9): every repair order with its jobs, the hours sold and the
parts used, the mileage in and out, and when the next service is due.

The history is read in a fixed handful of set-based queries however many repair orders the vehicle
has (repair orders by vehicle, then all their jobs, labour and parts lines at once through the
indexes on ``vehicle_id``, ``repair_order_id`` and ``job_id``), so a vehicle with hundreds of visits
reads in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, select

from core.actor import Actor
from core.errors import NotFound
from core.messages import msg
from models.billing import Invoice
from models.crm import Customer
from models.parts import Part
from models.vehicles import Vehicle
from models.workshop import RepairJob, RepairLabourLine, RepairOrder, RepairOrderInvoice, RepairPartLine
from services.permissions import require
from store.database import Database


@dataclass(frozen=True)
class ServiceDue:
    """When a vehicle's next service falls due (set at its last handover), and whether it is overdue:
    by date (today is past ``due_on``) or by mileage (its last known mileage reached ``due_km``)."""

    vehicle_id: str
    due_on: date
    due_km: int
    mileage: int  # the last known mileage: the vehicle record's or a repair order's, whichever is higher
    set_by: str  # the number of the repair order whose handover set it
    overdue_by_date: bool
    overdue_by_km: bool

    @property
    def overdue(self) -> bool:
        return self.overdue_by_date or self.overdue_by_km


@dataclass(frozen=True)
class HistoryLabour:
    operation_code: str
    description: str
    hours: int  # hundredths
    technician: str


@dataclass(frozen=True)
class HistoryPart:
    part_number: str
    description: str
    quantity: int  # thousandths used: issued less returned


@dataclass(frozen=True)
class HistoryJob:
    job_no: int
    description: str
    pay_type: str
    labour: list[HistoryLabour] = field(default_factory=list)
    parts: list[HistoryPart] = field(default_factory=list)


@dataclass(frozen=True)
class Visit:
    repair_order_id: str
    number: str
    status: str
    opened_on: date
    invoiced_on: date | None
    handed_over_on: date | None
    mileage_in: int
    mileage_out: int | None
    advisor: str
    concerns: str
    invoice_numbers: tuple[str, ...]
    total: int | None  # what its invoices came to; None before invoicing or for a reader without amounts
    jobs: list[HistoryJob] = field(default_factory=list)


@dataclass(frozen=True)
class VehicleHistory:
    vehicle_id: str
    vin: str
    plate: str
    make: str
    model: str
    model_year: int | None
    owner_name: str
    odometer_km: int | None
    service_due: ServiceDue | None
    visits: list[Visit]  # newest first


def last_mileage(conn: Connection, vehicle_id: str) -> int:
    """The vehicle's last recorded mileage (see :func:`services.workshop.orders.last_mileage`)."""
    from services.workshop.orders import last_mileage as recorded

    return recorded(conn, vehicle_id)[0]


def service_due(conn: Connection, vehicle_id: str, *, today: date | None = None) -> ServiceDue | None:
    """The vehicle's next service due, as its latest handover set it (None: never handed over), and
    whether it is overdue by date or by mileage on ``today``. Reads only, on the caller's connection
    or session; any thread."""
    row = conn.execute(select(RepairOrder.number, RepairOrder.next_service_on, RepairOrder.next_service_km)
                       .where(RepairOrder.vehicle_id == vehicle_id, RepairOrder.handed_over_on.is_not(None))
                       .order_by(RepairOrder.handed_over_on.desc(), RepairOrder.mileage_out.desc())
                       .limit(1)).first()
    if row is None or row.next_service_on is None or row.next_service_km is None:
        return None
    mileage = last_mileage(conn, vehicle_id)
    day = today or date.today()
    return ServiceDue(vehicle_id, row.next_service_on, row.next_service_km, mileage, row.number,
                      overdue_by_date=day > row.next_service_on, overdue_by_km=mileage >= row.next_service_km)


def vehicle_history(db: Database, actor: Actor, vehicle_id: str, *, today: date | None = None) -> VehicleHistory:
    """Everything the workshop did on one vehicle, newest repair order first; invoice totals only
    for a reader who may see amounts. Any thread; reads only."""
    require(actor, "workshop.view")
    costs = actor.can("workshop.costs")
    with db.read() as conn:
        v = conn.execute(select(Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model, Vehicle.model_year,
                                Vehicle.odometer_km, Customer.name)
                         .join(Customer, Customer.id == Vehicle.owner_id, isouter=True)
                         .where(Vehicle.id == vehicle_id)).first()
        if v is None:
            raise NotFound(msg("The vehicle no longer exists"))
        ro = RepairOrder
        orders = conn.execute(select(ro.id, ro.number, ro.status, ro.opened_on, ro.invoiced_on, ro.handed_over_on,
                                     ro.mileage_in, ro.mileage_out, ro.advisor, ro.concerns)
                              .where(ro.vehicle_id == vehicle_id)
                              .order_by(ro.opened_on.desc(), ro.number.desc())).all()
        of_vehicle = select(ro.id).where(ro.vehicle_id == vehicle_id).scalar_subquery()
        # Rows are unpacked as tuples and fetched whole: on a vehicle with hundreds of visits the
        # per-row cost is what counts.
        jobs: dict[str, list[HistoryJob]] = {}
        by_job: dict[str, HistoryJob] = {}
        for job_id, ro_id, job_no, description, pay_type in conn.execute(
                select(RepairJob.id, RepairJob.repair_order_id, RepairJob.job_no, RepairJob.description,
                       RepairJob.pay_type)
                .where(RepairJob.repair_order_id.in_(of_vehicle)).order_by(RepairJob.job_no)).all():
            job = by_job[job_id] = HistoryJob(job_no, description, pay_type, [], [])
            jobs.setdefault(ro_id, []).append(job)
        job_ids = select(RepairJob.id).where(RepairJob.repair_order_id.in_(of_vehicle)).scalar_subquery()
        line = RepairLabourLine
        for job_id, code, description, hours, technician in conn.execute(
                select(line.job_id, line.operation_code, line.description, line.hours, line.technician)
                .where(line.job_id.in_(job_ids)).order_by(line.line_no)).all():
            by_job[job_id].labour.append(HistoryLabour(code, description, hours, technician))
        p = RepairPartLine
        for job_id, number, description, used in conn.execute(
                select(p.job_id, Part.part_number, p.description, p.issued - p.returned)
                .join(Part, Part.id == p.part_id).where(p.job_id.in_(job_ids), p.issued > p.returned)
                .order_by(p.line_no)).all():
            by_job[job_id].parts.append(HistoryPart(number, description, used))
        invoices: dict[str, list[tuple[str, int]]] = {}
        for ro_id, number, total in conn.execute(
                select(RepairOrderInvoice.repair_order_id, Invoice.number, Invoice.total)
                .join(Invoice, Invoice.id == RepairOrderInvoice.invoice_id)
                .where(RepairOrderInvoice.repair_order_id.in_(of_vehicle)).order_by(Invoice.number)).all():
            invoices.setdefault(ro_id, []).append((number, total))
        due = service_due(conn, vehicle_id, today=today)
    visits = []
    for o in orders:
        billed = invoices.get(o.id, [])
        visits.append(Visit(o.id, o.number, o.status, o.opened_on, o.invoiced_on, o.handed_over_on, o.mileage_in,
                            o.mileage_out, o.advisor, o.concerns, tuple(n for n, _t in billed),
                            sum(t for _n, t in billed) if billed and costs else None,
                            jobs.get(o.id, [])))
    return VehicleHistory(vehicle_id, v.vin, v.plate or "", v.make or "", v.model or "", v.model_year, v.name or "",
                          v.odometer_km, due, visits)


def find_vehicle(db: Database, actor: Actor, plate_or_vin: str) -> str | None:
    """The id of the vehicle ``plate_or_vin`` names, found as reception finds a car (plate or VIN,
    the end of a VIN as read off the windscreen): the exact match, else the only one; None when
    there is none or it is ambiguous. Any thread."""
    from services.workshop.lookup import find_vehicles

    wanted = "".join((plate_or_vin or "").split()).upper()
    matches = find_vehicles(db, actor, wanted, limit=2)
    exact = [m for m in matches if m.vin == wanted or "".join(m.plate.split()).upper() == wanted]
    if exact:
        return exact[0].id
    return matches[0].id if len(matches) == 1 else None
