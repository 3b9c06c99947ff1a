"""The demo's service packages and warranty claims: two packages at fixed prices below their itemised
price (one for every car, one for the demo's most common model family), applied to a few repair
orders still being worked on; and the claim data on every warranty job. Made through the workshop
services' own cores inside the build's unit of work, so the package rule — lines at their itemised
prices, the variance shared over them — is the services' own.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from demo.context import DemoContext
from models.parts import Part
from models.vehicles import Vehicle
from models.workshop import RepairJob, RepairOrder
from services.billing.totals import gross_amount
from services.workshop import menus, orders, warranty
from services.workshop.catalogue import rates_of
from services.workshop.menus import MenuInput, MenuItemInput, ScopeInput
from services.workshop.orders import JobInput
from services.workshop.rules import labour_amount
from services.workshop.warranty import WarrantyInput

# (code, name, operations with their standard hours, part kit size, price as a percentage of itemised)
PACKAGES = (
    ("S10K", "10,000 km 保养套餐", (("SVC-10", 80),), 1, 85),
    ("S30K", "30,000 km 保养套餐（含刹车片）", (("SVC-10", 80), ("BRK-01", 120)), 2, 80),
)
APPLIED = 4
CLAIMS = (("机油泵", "06H115105", "机油压力警告灯亮", "机油泵密封失效", "更换机油泵并加注机油"),
          ("水泵", "06H121026", "车底漏冷却液", "水泵轴封老化", "更换水泵并排空气"),
          ("点火线圈", "06H905110", "发动机抖动，故障灯亮", "三缸点火线圈击穿", "更换点火线圈"))


def write(conn: Connection, ctx: DemoContext, stocked: list[str]) -> None:
    """Write the packages, apply them and fill the warranty claims (the workshop's demo counts and
    audits the packages with its own tables)."""
    uow, rng = ctx.uow, ctx.rng
    if len(stocked) < 2:
        return
    rate = rates_of(conn).get("customer")
    hourly = rate.hourly_rate if rate else 0
    family = conn.execute(select(Vehicle.model).where(Vehicle.model != "").group_by(Vehicle.model)
                          .order_by(func.count().desc(), Vehicle.model).limit(1)).scalar() or ""
    for (code, name, operations, kit, share), scope in zip(PACKAGES, ((), (ScopeInput(model_family=family),)),
                                                            strict=True):
        kit_parts = stocked[:kit]
        prices = dict(conn.execute(select(Part.id, Part.retail_price).where(Part.id.in_(kit_parts))).all())
        itemised = (sum(labour_amount(hours, hourly) for _op, hours in operations)
                    + sum(gross_amount(quantity_milli=1000, unit_price=prices[p]) for p in kit_parts))
        price = itemised * share // 100 // 1000 * 1000
        menus.save_menu_in(uow, None, MenuInput(
            code=code, name=name, price=price,
            items=[MenuItemInput("labour", operation_code=op, hours=hours) for op, hours in operations]
            + [MenuItemInput("part", part_id=p, quantity=1000) for p in kit_parts],
            scopes=list(scope)))
    working = conn.execute(select(RepairOrder.id).where(RepairOrder.status.in_(("open", "in_progress")))
                           .order_by(RepairOrder.number).limit(APPLIED)).scalars().all()
    for ro_id in working:
        job = orders.add_job_in(uow, ro_id, JobInput("定期保养套餐", pay_type="customer"))
        menus.apply_menu_in(uow, job, "S10K")
    jobs = conn.execute(select(RepairJob.id, RepairOrder.opened_on).join(RepairOrder)
                        .where(RepairJob.pay_type == "warranty", RepairOrder.status.not_in(("invoiced", "closed",
                                                                                             "completed")))
                        .order_by(RepairJob.id)).all()
    for n, (job_id, opened) in enumerate(jobs, start=1):
        part, number, condition, cause, correction = rng.choice(CLAIMS)
        warranty.set_warranty_in(uow, job_id, WarrantyInput(
            condition=condition, cause=cause, correction=correction, failed_part=part, failed_part_number=number,
            failed_on=opened, claim_number=f"WC-{ctx.today.year}-{n:04d}"))
    uow.session.flush()
