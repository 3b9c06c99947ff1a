"""The demo workshop's calendar: its technicians (the foreman bookable half his day), its advisor and
four bays with their working hours, and appointments over the two weeks before and after today —
past ones arrived (linked to that day's repair orders), a few cancelled or no-shows; today's and
later ones booked, some with parts to prepare.

Each day is filled bay by bay from opening time and stops at the workshop's capacity, using the
services' own rules (:func:`services.workshop.appointments.bay_end`, ``resource_capacity``), so
the demo holds no booking the services would refuse.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, func, select

from demo.context import DemoContext, insert_rows
from models.appointments import Appointment, AppointmentOperation, WorkshopResource, WorkshopShift
from models.vehicles import Vehicle
from models.workshop import LabourOperation, RepairOrder
from services.workshop import appointments
from services.workshop.appointments import ResourceInput, ShiftInput
from store.audit_chain import Change

DAYS_AROUND = 14
BAYS = ("A1", "A2", "B1", "B2")
# (user name, kind, availability): the foreman supervises half his day.
PEOPLE = (("tech", "technician", 100), ("foreman", "technician", 50), ("advisor", "advisor", 100))
WORKDAYS = [ShiftInput(d, 8 * 60 + 30, 17 * 60 + 30, 60) for d in range(6)]  # Monday to Saturday
PARTS_NOTES = ("机油滤清器、5W-30机油4升", "前刹车片一套", "空调滤芯", "雨刮片一对", "", "", "")
CANCEL_REASONS = ("客户改期", "客户出差", "车辆已在别处维修")


def write(conn: Connection, ctx: DemoContext, requests: dict[str, str]) -> dict[str, int]:
    """Write the demo resources and appointments inside the build's unit of work, after the demo
    repair orders; ``requests`` says what a customer asks for by operation code. Returns the rows
    written per table."""
    uow, rng = ctx.uow, ctx.rng
    for name, kind, availability in PEOPLE:
        appointments.set_resource_in(uow, ResourceInput(kind, name, availability, WORKDAYS))
    for bay in BAYS:
        appointments.set_resource_in(uow, ResourceInput("bay", bay, 100, WORKDAYS))
    uow.session.flush()
    resources = appointments.resources_of(conn)
    bays = [r.id for r in resources if r.kind == "bay"]
    technicians = [r for r in resources if r.kind == "technician"]
    operations = conn.execute(select(LabourOperation.id, LabourOperation.code, LabourOperation.description,
                                     LabourOperation.standard_hours).order_by(LabourOperation.code)).all()
    cars = conn.execute(select(Vehicle.id, Vehicle.owner_id).where(Vehicle.owner_id.is_not(None))
                        .order_by(Vehicle.id)).all()
    if not cars or not operations:
        return {}
    arrived_by_day: dict[date, list[RepairOrder]] = {}
    for ro in conn.execute(select(RepairOrder.id, RepairOrder.customer_id, RepairOrder.vehicle_id,
                                  RepairOrder.opened_on, RepairOrder.concerns, RepairOrder.promised_at)
                           .order_by(RepairOrder.number)):
        arrived_by_day.setdefault(ro.opened_on, []).append(ro)
    rows: list[dict] = []
    lines: list[dict] = []
    for offset in range(-DAYS_AROUND, DAYS_AROUND + 1):
        day = ctx.today + timedelta(days=offset)
        capacity = appointments.workshop_capacity(resources, day)
        if capacity == 0:
            continue
        free = {bay: datetime.combine(day, time(8, 30)) for bay in bays}
        booked = 0
        room = {t.name: appointments.resource_capacity(t, day) for t in technicians}
        came = list(arrived_by_day.get(day, ())) if offset < 0 else []
        for _ in range(rng.randrange(4, 9)):
            ops = rng.sample(operations, rng.choice((1, 1, 2)))
            hours = sum(op.standard_hours for op in ops)
            if booked + hours > capacity:
                break
            bay = min(free, key=free.get)
            starts = free[bay]
            ends = appointments.bay_end(starts, hours)
            if ends.time() > time(17, 30):
                break
            free[bay] = ends + timedelta(minutes=rng.choice((0, 15, 30)))
            booked += hours
            fits = [name for name, left in room.items() if left >= hours]
            technician = rng.choice([*fits, ""]) if fits else ""
            if technician:
                room[technician] -= hours
            # Most past bookings turned up (that day's repair orders); some were cancelled or no-shows.
            if came and rng.random() < 0.8:
                ro = came.pop(0)
                customer, vehicle, status, ro_id = ro.customer_id, ro.vehicle_id, "arrived", ro.id
            else:
                car = rng.choice(cars)
                customer, vehicle, ro_id = car.owner_id, car.id, None
                status = "booked" if offset >= 0 else rng.choice(("no_show", "cancelled", "cancelled"))
            if offset >= 0 and rng.random() < 0.08:
                status = "cancelled"
            created = ctx.moment_on(min(day - timedelta(days=rng.randrange(1, 10)), ctx.today - timedelta(days=1)))
            aid = ctx.ids.at(created)
            rows.append({
                "id": aid, "created_at": created, "created_by": "advisor", "updated_at": created,
                "updated_by": "advisor", "customer_id": customer, "vehicle_id": vehicle, "status": status,
                "requested_work": "；".join(requests.get(op.code, op.description) for op in ops),
                "advisor": "advisor", "technician": technician, "bay_id": bay,
                "starts_at": starts, "ends_at": ends,
                "promised_at": datetime.combine(day, time(17, 30)) if rng.random() < 0.6 else None,
                "booked_hours": hours, "parts_note": rng.choice(PARTS_NOTES),
                "cancel_reason": rng.choice(CANCEL_REASONS) if status == "cancelled" else "",
                "overbooked_reason": "", "repair_order_id": ro_id})
            for n, op in enumerate(ops, start=1):
                lines.append({"id": ctx.ids.at(created), "created_at": created, "created_by": "advisor",
                              "updated_at": created, "updated_by": "advisor", "appointment_id": aid, "line_no": n,
                              "operation_id": op.id, "operation_code": op.code, "description": op.description,
                              "hours": op.standard_hours})
    insert_rows(ctx, Appointment.__table__, rows)
    insert_rows(ctx, AppointmentOperation.__table__, lines)
    counts = {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
              for table in (WorkshopResource.__table__, WorkshopShift.__table__, Appointment.__table__,
                            AppointmentOperation.__table__)}
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    return counts
