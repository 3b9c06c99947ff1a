"""The demo's reception and inspection: a health-check template, completed checks on a quarter of the
settled repair orders of the past, checks on a few of the open repair orders (with an estimate the
customer is asked about and one declined), fuel and damage noted at
check-in, and a recall and a service campaign whose VIN lists hold some of the demo's customers'
cars, a stock car and cars the dealership does not know. Written through the services' own cores in
the build's unit of work, after the demo workshop."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Connection, func, select, text

from demo.context import INSERT_CHUNK, DemoContext, as_moment
from models.reception import Campaign, CampaignVehicle, DamageNote, HealthCheck, HealthCheckItem
from models.vehicles import Vehicle
from models.workshop import RepairOrder, RepairPartLine
from services.validation import vin_check_digit
from services.workshop import estimates, health_check
from services.workshop.estimates import EstimateLineInput
from store.audit_chain import Change

TEMPLATE = "常规多项检查"
ITEMS = (("制动", "前刹车片厚度"), ("制动", "后刹车片厚度"), ("制动", "刹车油"), ("轮胎", "左前轮胎花纹深度"),
         ("轮胎", "右前轮胎花纹深度"), ("轮胎", "轮胎气压"), ("灯光", "前大灯"), ("灯光", "刹车灯"),
         ("油液", "机油液位"), ("油液", "冷却液"), ("底盘", "减震器"), ("电气", "蓄电池"))
NOTES = {"amber": ("磨损接近极限，建议下次保养时更换", "颜色发黑，建议更换"),
         "red": ("已低于安全值，需立即更换", "有漏油痕迹")}
DAMAGE = (("前保险杠左侧", "划痕约 10 cm"), ("右后车门", "小凹陷"), ("左后视镜", "外壳裂纹"))
CAMPAIGNS = (("RC-2026-003", "前排安全带卡扣检查"), ("SC-2026-011", "发动机控制单元软件升级"))
CHECKS = 4


def _unknown_vin(n: int) -> str:
    body = f"LFV2A2150N3{n:06d}"
    return body[:8] + vin_check_digit(body[:8] + "0" + body[9:]) + body[9:]


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the demo's reception and inspection data; returns the rows written per table."""
    uow, rng = ctx.uow, ctx.rng
    session = uow.session
    template = health_check.save_template_in(uow, TEMPLATE, ITEMS)
    open_orders = list(session.execute(select(RepairOrder).where(RepairOrder.status.in_(("open", "in_progress")))
                                       .order_by(RepairOrder.number)).scalars())
    for ro in open_orders:
        ro.fuel_level = rng.randrange(1, 9)
    for ro, (position, note) in zip(open_orders[::3], DAMAGE, strict=False):
        session.add(DamageNote(repair_order_id=ro.id, line_no=1, position=position, note=note))
    for n, ro in enumerate(open_orders[:CHECKS]):
        check_id = health_check.start_check_in(uow, ro.id, template)
        items = list(session.execute(select(HealthCheckItem).where(HealthCheckItem.check_id == check_id)
                                     .order_by(HealthCheckItem.position)).scalars())
        for item in items[:len(items) - n]:  # the last check is still under way
            rating = rng.choices(("green", "amber", "red"), (0.8, 0.14, 0.06))[0]
            health_check.rate_item_in(uow, item.id, rating, rng.choice(NOTES[rating]) if rating in NOTES else "")
        if n == 0:
            health_check.complete_check_in(uow, check_id)
        flagged = [i for i in items if i.rating in ("amber", "red")]
        if not flagged:
            flagged = [items[0]]
            health_check.rate_item_in(uow, items[0].id, "amber", NOTES["amber"][0])
        part = session.execute(select(RepairPartLine.part_id).limit(1)).scalar()
        lines = [EstimateLineInput("labour", f"{flagged[0].name}更换", hours=rng.choice((50, 80, 120)))]
        if part is not None:
            lines.append(EstimateLineInput("part", part_id=part, quantity=1000))
        estimate = estimates.estimate_check_item_in(uow, flagged[0].id, lines, on=ro.opened_on)
        if n == 1:
            estimates.decline_in(uow, estimate, note="客户表示下次再做")
    _past_checks(conn, ctx)
    cars = conn.execute(select(Vehicle.vin).where(Vehicle.owner_id.is_not(None)).order_by(Vehicle.vin)).scalars().all()
    stock = conn.execute(select(Vehicle.vin).where(Vehicle.owner_id.is_(None)).order_by(Vehicle.vin).limit(1)
                         ).scalars().all()
    chosen = [o.vehicle_id for o in open_orders[:2]]
    at_reception = list(conn.execute(select(Vehicle.vin).where(Vehicle.id.in_(chosen))).scalars())
    for n, (code, title) in enumerate(CAMPAIGNS):
        campaign = Campaign(code=code, title=title, active=True)
        session.add(campaign)
        session.flush()
        vins = set(at_reception if n == 0 else at_reception[:1])
        vins.update(rng.sample(list(cars), min(len(cars), 4)))
        vins.update(stock)
        vins.update(_unknown_vin(100 * n + k) for k in range(3))
        uow.insert(CampaignVehicle, [{"campaign_id": campaign.id, "vin": vin, "repair_order_id": None}
                                     for vin in sorted(vins)], audit=False)
    session.flush()
    counts = {t: conn.execute(select(func.count()).select_from(model)).scalar_one() for t, model in _tables().items()}
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    return counts


PAST_CHECK_SHARE = 4  # one settled repair order in this many had a multi-point check


def _past_checks(conn: Connection, ctx: DemoContext) -> None:
    """Completed health checks on a share of the settled repair orders of the past (about 70,000 for
    the large size), each point rated as a technician found it, written set-based: most green, some
    amber, a few red with the note a technician would write."""
    rng, uow = ctx.rng, ctx.uow
    rows = conn.execute(text(
        "SELECT r.id, r.created_at, coalesce((SELECT c.technician FROM clocking c WHERE c.repair_order_id = r.id "
        "ORDER BY c.started_at LIMIT 1), 'tech') AS technician FROM repair_order r WHERE r.status = 'closed' "
        "ORDER BY r.opened_on, r.number")).all()
    chosen = rows[::PAST_CHECK_SHARE]
    for start in range(0, len(chosen), INSERT_CHUNK):
        checks, items = [], []
        for r in chosen[start:start + INSERT_CHUNK]:
            begun = as_moment(r.created_at) + timedelta(minutes=rng.randrange(10, 40))
            done = begun + timedelta(minutes=rng.randrange(15, 35))
            check_id = ctx.ids.at(begun)
            checks.append({"id": check_id, "created_at": begun, "created_by": r.technician, "updated_at": done,
                           "updated_by": r.technician, "repair_order_id": r.id, "template_name": TEMPLATE,
                           "inspected_by": r.technician, "completed_at": done})
            for position, (system, name) in enumerate(ITEMS, start=1):
                rating = rng.choices(("green", "amber", "red"), (0.85, 0.11, 0.04))[0]
                items.append({"id": ctx.ids.at(begun), "created_at": begun, "created_by": r.technician,
                              "updated_at": done, "updated_by": r.technician, "check_id": check_id,
                              "position": position, "system": system, "name": name, "rating": rating,
                              "note": rng.choice(NOTES[rating]) if rating in NOTES else ""})
        uow.insert(HealthCheck, checks, audit=False)
        uow.insert(HealthCheckItem, items, audit=False)
        ctx.advance(0, f"Wrote {start + len(checks):,} past health checks")



def _tables() -> dict[str, type]:
    from models import reception

    return {"health_check_template": reception.HealthCheckTemplate, "health_check": reception.HealthCheck,
            "health_check_item": reception.HealthCheckItem, "work_estimate": reception.WorkEstimate,
            "damage_note": reception.DamageNote, "campaign": reception.Campaign,
            "campaign_vehicle": reception.CampaignVehicle}
