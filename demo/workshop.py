"""The demo workshop: labour rates and operations, and a few dozen repair orders of the last two weeks
in every state from open to completed, made through the workshop services' own cores inside the
build's unit of work (so every rule — numbering, pricing, the stock ledger, clockings, the status
flow — is the services' own).

Parts are put on the jobs but not reserved or issued yet: the demo stock ledger is back-dated row by
row (its ids carry their moments) and its reservations start empty, which the services' own
movements, stamped now, would not keep. Vehicles come in at the mileage on their record, so the
demo's vehicles stay as built.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from demo import appointments, attendance, people, reception, service_menus, surveys, workshop_history
from demo.context import DemoContext, insert_rows, wall
from models.parts import Part, PartStock
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services.workshop import catalogue, clocking, orders
from services.workshop.catalogue import KitPartInput, OperationInput
from services.workshop.orders import JobInput, LabourInput, PartLineInput, RepairOrderInput
from store.audit_chain import Change

REPAIR_ORDERS = 36

# Whom warranty and internal work is invoiced to: the maker, and the dealership's own account.
PAYERS = (("warranty", "一汽-大众销售有限责任公司", "FAW-Volkswagen Sales Co., Ltd."),
          ("internal", "上海福克汽车销售服务有限公司", "Shanghai Forecourt Motors Sales & Service Co., Ltd."))
RATES = (("customer", 38000), ("warranty", 26000), ("internal", 18000), ("insurance", 35000))
OPERATIONS = (
    ("SVC-10", "常规保养（机油、机滤）", "Maintenance", 80),
    ("BRK-01", "更换前刹车片", "Brakes", 120),
    ("BRK-02", "更换后刹车片", "Brakes", 100),
    ("AC-01", "空调系统检测及清洗", "Climate", 90),
    ("ELE-05", "电路故障诊断", "Electrical", 100),
    ("SUS-03", "更换减震器（单侧）", "Suspension", 150),
    ("TYR-01", "轮胎拆装及动平衡", "Wheels", 100),
    ("BDY-10", "钣金修复", "Body", 350),
)
# The parts each operation usually needs (by what the description says, quantity in thousandths).
KITS = {"SVC-10": (("机油滤清器", 1000), ("机油 5W-30", 4000)), "BRK-01": (("前刹车片", 1000),),
        "BRK-02": (("后刹车片", 1000),), "AC-01": (("空调滤清器", 1000),)}
JOBS = {"SVC-10": "定期保养", "BRK-01": "刹车异响", "BRK-02": "刹车异响", "AC-01": "空调不凉", "ELE-05": "仪表故障灯亮",
        "SUS-03": "过坎异响", "TYR-01": "轮胎磨损", "BDY-10": "事故钣金"}
# Where each repair order has got to, in the board's order.
PATHS = {
    "open": (),
    "in_progress": ("in_progress",),
    "waiting_parts": ("in_progress", "waiting_parts"),
    "quality_check": ("in_progress", "quality_check"),
    "completed": ("in_progress", "quality_check", "completed"),
}
PAY_WEIGHTS = (("customer", 0.75), ("warranty", 0.1), ("internal", 0.05), ("insurance", 0.1))


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the demo workshop inside the build's unit of work, after the users, vehicles and parts
    it uses. Returns the rows written per table."""
    uow, rng = ctx.uow, ctx.rng
    # Warranty work is invoiced to the maker, internal work to the dealership's own account.
    from models.crm import Customer
    from services import settings

    own_tax_id = settings.load(uow.session).tax_id
    # Set up after the customers written so far, so the customer table stays in the order it was made.
    last = conn.execute(select(func.max(Customer.created_at))).scalar()
    opened = (last or ctx.moment_on(ctx.start)) + timedelta(milliseconds=1)
    payers, rows = {}, []
    for pay_type, name, alt_name in PAYERS:
        code = own_tax_id if pay_type == "internal" else people.credit_code(rng, people.SHANGHAI.districts[0],
                                                                               recent=False)
        payers[pay_type] = ctx.ids.at(opened)
        rows.append({"id": payers[pay_type], "created_at": opened, "created_by": "owner", "updated_at": opened,
                     "updated_by": "owner", "kind": "company", "name": name, "alt_name": alt_name,
                     "company_reg": code, "city": "上海", "language": "zh_CN"})
    insert_rows(ctx, Customer.__table__, rows)
    for pay_type, rate in RATES:
        catalogue.set_rate_in(uow, pay_type, rate, bill_to_customer_id=payers.get(pay_type))
    for code, description, system, hours in OPERATIONS:
        kit = []
        for words, quantity in KITS.get(code, ()):
            part_id = conn.execute(
                select(Part.id).outerjoin(PartStock, PartStock.part_id == Part.id)
                .where(Part.description.contains(words), Part.superseded_by_id.is_(None), Part.active.is_(True))
                .order_by(func.coalesce(PartStock.on_hand - PartStock.reserved, 0).desc(), Part.id).limit(1)).scalar()
            if part_id is not None:
                kit.append(KitPartInput(part_id=part_id, quantity=quantity))
        catalogue.create_operation_in(uow, OperationInput(code, description, system, hours, parts=kit))
    # The settled past first: the recent repair orders below are numbered after it.
    workshop_history.write(conn, ctx)
    handed_over = surveys.write(conn, ctx)
    # Cars with no settled visit in the last weeks: the open repair orders below come in at the
    # odometer on record, which a visit settled after them would undercut.
    recent = select(RepairOrder.vehicle_id).where(RepairOrder.opened_on >= ctx.today - timedelta(days=16))
    cars = conn.execute(select(Vehicle.id, Vehicle.owner_id, Vehicle.odometer_km)
                        .where(Vehicle.owner_id.is_not(None), Vehicle.odometer_km.is_not(None),
                               Vehicle.id.not_in(recent))
                        .order_by(Vehicle.id)).all()
    stocked = list(conn.execute(select(Part.id).join(PartStock, PartStock.part_id == Part.id)
                                .where(PartStock.on_hand - PartStock.reserved >= 10_000).order_by(Part.id)).scalars())
    if not cars:
        return {}
    states = list(PATHS)
    now = ctx.now
    running: tuple[str, datetime] | None = None
    pay_types, weights = zip(*PAY_WEIGHTS, strict=True)
    for i, car in enumerate(rng.sample(cars, min(REPAIR_ORDERS, len(cars)))):
        state = states[i % len(states)]
        opened = ctx.today - timedelta(days=rng.randrange(0, 14) if state != "open" else rng.randrange(0, 2))
        ro_id, _number = orders.open_order_in(uow, RepairOrderInput(
            customer_id=car.owner_id, vehicle_id=car.id, mileage_in=car.odometer_km, advisor="advisor",
            # Promised for the next day in working hours on this computer's clock, as screens show it.
            promised_at=wall(opened + timedelta(days=1), rng.uniform(10.0, 18.0))), on=opened)
        jobs = []
        for code in rng.sample([op[0] for op in OPERATIONS], rng.choice((1, 1, 2))):
            job = orders.add_job_in(uow, ro_id, JobInput(JOBS[code], pay_type=rng.choices(pay_types, weights)[0]))
            orders.add_labour_in(uow, job, LabourInput(operation_code=code, technician=rng.choice(("tech", "foreman"))))
            lines = []
            for part_id in rng.sample(stocked, min(len(stocked), rng.choice((0, 1, 2)))):
                lines.append(orders.add_part_in(uow, job, PartLineInput(part_id=part_id,
                                                                         quantity=rng.choice((1000, 2000)))))
            jobs.append((job, lines))
        if state != "open":
            # The technician's jobs go into his working days from the one it was opened, after what he
            # did before; work there was no time for by now is not clocked, except (built for the real
            # today) the job of a repair order in progress he is on now, which runs on.
            for job, _lines in jobs:
                spent = timedelta(minutes=rng.randrange(30, 200))
                day = opened
                while day <= ctx.today and not ctx.workdays.fits(("tech",), day, spent, now):
                    day += timedelta(days=1)
                if day <= ctx.today:
                    start, end = ctx.workdays.book("tech", day, spent)
                    clocking.clock_on_in(uow, job, technician="tech", at=start)
                    clocking.clock_off_in(uow, technician="tech", at=end)
                elif (state == "in_progress" and running is None and now == uow.now
                      and ctx.workdays.free_from("tech", ctx.today) < now):
                    running = (job, ctx.workdays.book("tech", ctx.today, spent)[0])
        for status in PATHS[state]:
            if conn.execute(select(RepairOrder.status).where(RepairOrder.id == ro_id)).scalar() != status:
                orders.set_status_in(uow, ro_id, status, on=ctx.today)
    service_menus.write(conn, ctx, stocked)
    attendance.write(conn, ctx, on_now=running[1] if running else None)
    if running is not None:
        clocking.clock_on_in(uow, running[0], technician="tech", at=running[1])
    uow.session.flush()
    counts = {t: conn.execute(select(func.count()).select_from(model)).scalar_one() for t, model in _TABLES.items()}
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    counts.update(appointments.write(conn, ctx, JOBS))
    return counts | handed_over | reception.write(conn, ctx)


def _tables() -> dict[str, type]:
    from models import service_menus, workshop
    from models.attendance import Attendance

    return {"service_menu": service_menus.ServiceMenu,
            "labour_rate": workshop.LabourRate, "labour_operation": workshop.LabourOperation,
            "labour_operation_part": workshop.LabourOperationPart,
            "repair_order": workshop.RepairOrder, "repair_job": workshop.RepairJob,
            "repair_labour_line": workshop.RepairLabourLine, "repair_part_line": workshop.RepairPartLine,
            "clocking": workshop.Clocking, "repair_order_invoice": workshop.RepairOrderInvoice,
            "attendance": Attendance}


_TABLES = _tables()
