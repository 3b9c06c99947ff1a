"""The demo's service history: the cars whose workshop visits the demo billed (its posted workshop
invoices) get the repair orders those invoices came from — opened, worked, completed, invoiced by that
invoice, handed over with the next service due — and a satisfaction survey answered by phone (a few
low scores with their follow-up tasks; the latest surveys still due). Opening, the status flow,
handover and surveys go through the workshop services' own cores inside the build's unit of work,
so their rules are the services'; the invoices themselves are the billing demo's, untouched.

Each car's visits climb from below to the mileage on its record (its last visit's mileage out), and
the record is left as the demo built it, so the same seed and day still build the same vehicles.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import Connection, func, select, update

from demo.context import DemoContext
from models.billing import Invoice, InvoiceLine
from models.surveys import FollowUpTask, Survey
from models.vehicles import Vehicle
from models.workshop import RepairOrder, RepairOrderInvoice
from services.workshop import handover, orders, surveys
from services.workshop.handover import HandoverInput
from services.workshop.orders import JobInput, LabourInput, RepairOrderInput
from services.workshop.surveys import SurveyInput
from store.audit_chain import Change

CARS = 16  # the cars with a service history; the first few are those billed last
RECENT = 4
VISITS = 3  # the last visits of each car
STEP_KM = 8_000
SCORES = (10, 10, 10, 9, 9, 9, 8, 8, 7)
LOW_SCORES = (3, 4, 5, 6)
COMMENTS = {10: "服务很好，交车准时", 9: "满意", 8: "还可以，等待时间稍长", 7: "价格有点高", 6: "洗车不干净",
            5: "同一个问题修了两次", 4: "交车比约定晚了两个小时", 3: "报价和结算金额不一致"}


def _visits(conn: Connection, ctx: DemoContext) -> dict[str, list]:
    """The billed workshop visits of cars the rest of the demo workshop does not use, oldest first."""
    inv = Invoice
    rows = conn.execute(select(inv.id, inv.customer_id, inv.vehicle_id, inv.issued_on)
                        .join(Vehicle, Vehicle.id == inv.vehicle_id)
                        .where(inv.kind == "workshop", inv.status == "posted", inv.issued_on < ctx.today,
                               Vehicle.odometer_km.is_not(None),
                               inv.vehicle_id.not_in(select(RepairOrder.vehicle_id)))
                        .order_by(inv.vehicle_id, inv.issued_on, inv.number)).all()
    by_car: dict[str, list] = defaultdict(list)
    for r in rows:
        by_car[r.vehicle_id].append(r)
    return by_car


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the demo service history after the rest of the demo workshop; returns rows per table."""
    uow, rng = ctx.uow, ctx.rng
    session = uow.session
    by_car = _visits(conn, ctx)
    latest = sorted(by_car, key=lambda car: (by_car[car][-1].issued_on, car), reverse=True)
    chosen = latest[:RECENT] + rng.sample(sorted(latest[RECENT:]), min(CARS - RECENT, max(0, len(latest) - RECENT)))
    v = Vehicle.__table__
    kept = {r.id: r for r in conn.execute(select(v.c.id, v.c.odometer_km, v.c.updated_at, v.c.updated_by)
                                          .where(v.c.id.in_(chosen)))}
    answers = 0
    for car in chosen:
        visits = by_car[car][-VISITS:]
        # Worked out backwards, so the last visit's mileage out is the mileage on the car's record.
        plan, out = [], kept[car].odometer_km
        for _visit in visits:
            mileage_in = max(0, out - rng.randrange(2, 30))
            plan.append((mileage_in, out))
            out = max(0, mileage_in - rng.randrange(3_000, STEP_KM))
        plan.reverse()
        conn.execute(update(v).where(v.c.id == car).values(odometer_km=plan[0][0]))
        for visit, (mileage, mileage_out) in zip(visits, plan, strict=True):
            day = visit.issued_on
            labour = conn.execute(select(InvoiceLine.description, InvoiceLine.quantity_milli)
                                  .where(InvoiceLine.invoice_id == visit.id, InvoiceLine.item_type == "labour")
                                  .order_by(InvoiceLine.line_no)).all()
            what = labour[0].description if labour else "定期保养"
            ro_id, _number = orders.open_order_in(uow, RepairOrderInput(
                customer_id=visit.customer_id, vehicle_id=car, mileage_in=mileage, advisor="advisor", concerns=what),
                on=day)
            job = orders.add_job_in(uow, ro_id, JobInput(what, pay_type="customer"))
            for line in labour:
                orders.add_labour_in(uow, job, LabourInput(description=line.description,
                                                           hours=max(1, line.quantity_milli // 10),
                                                           technician=rng.choice(("tech", "foreman"))))
            for status in ("in_progress", "quality_check", "completed"):
                orders.set_status_in(uow, ro_id, status, on=day)
            # The repair order became this invoice of the demo's billing.
            ro = session.get(RepairOrder, ro_id)
            ro.status, ro.invoiced_on = "invoiced", day
            session.add(RepairOrderInvoice(repair_order_id=ro_id, pay_type="customer", invoice_id=visit.id))
            survey_id = handover.hand_over_in(uow, ro_id, HandoverInput(mileage_out=mileage_out), on=day)
            answered = day + timedelta(days=surveys.SURVEY_AFTER_DAYS + rng.randrange(0, 2))
            if answered < ctx.today - timedelta(days=1):
                answers += 1
                # Every fifth answer is a low one, so the demo always has follow-up tasks to show.
                score = rng.choice(LOW_SCORES) if answers % 5 == 0 else rng.choice(SCORES)
                surveys.record_in(uow, survey_id, SurveyInput(score=score, comments=COMMENTS.get(score, "")),
                                  on=answered)
    session.flush()
    # The cars' records stay as the demo built them (their last visits climbed to their odometers).
    for car, row in kept.items():
        conn.execute(update(v).where(v.c.id == car).values(odometer_km=row.odometer_km, updated_at=row.updated_at,
                                                           updated_by=row.updated_by))
        vehicle = session.get(Vehicle, car)
        if vehicle is not None:
            session.expire(vehicle)
    counts = {"survey": conn.execute(select(func.count()).select_from(Survey)).scalar_one(),
              "follow_up_task": conn.execute(select(func.count()).select_from(FollowUpTask)).scalar_one()}
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    return counts
