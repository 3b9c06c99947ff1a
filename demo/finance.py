"""The demo's finance and insurance, trade-ins and salespeople's targets.

- **Targets** for every salesperson and month of the demo period, and the dealership's commission
  rule (5 % of gross profit and ¥200 a car).
- **Trade-ins**: appraisals of demo customers' own cars over the period, graded area by area with the
  reconditioning they need; most older ones were taken into used stock (stock numbers of the ``U``
  series, reconditioning as added costs, a stock event each), some declined, the latest still open
  (one appraised and one accepted at least).
- **Loans and insurance** on a share of the deals present when this step runs (the deals are the
  deal module's; with none, none are written): a loan application on about 40 % of the ordered,
  invoiced and delivered deals, and on most delivered deals the car's compulsory and commercial
  policies from the delivery day, renewed year after year mostly, so some renewals are due.

Runs after the deals are written; rows are back-dated and inserted in the order of their timestamps.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from demo.context import LOCAL_OFFSET, DemoContext, as_date, insert_rows
from demo.staff import DEMO_USERS
from models.finance import (
    CONDITION_AREAS,
    CommissionRule,
    InsuranceCommissionEntry,
    InsurancePolicy,
    SalesTarget,
    TradeInCondition,
    TradeInReconditioning,
)
from models.sales import LoanApplication, TradeIn
from models.vehicles import StockEvent, StockVehicle, StockVehicleCost
from services import settings
from services.sales.trade_ins import COST_KIND, USED_STOCK_SERIES
from store.audit_chain import Change

LENDERS = ("上汽通用汽车金融", "平安银行", "招商银行", "中国工商银行", "宁波银行", "大众汽车金融")
INSURERS = ("中国人保", "平安保险", "太平洋保险", "中华联合")
CONDITION_NOTES = {"body": "右后门轻微凹陷", "paint": "前保险杠划痕", "interior": "座椅磨损", "engine": "怠速轻微抖动",
                   "gearbox": "换挡略顿挫", "tyres": "胎纹接近磨损极限", "electrics": "中控屏偶尔黑屏"}
LOCATIONS = ("二手车展厅", "后场 A 区", "后场 B 区")
TABLES = ("sales_target", "commission_rule", "trade_in", "trade_in_condition", "trade_in_reconditioning",
          "stock_vehicle", "stock_vehicle_cost", "stock_event", "loan_application", "insurance_policy",
          "insurance_commission_entry")


def _row(ctx: DemoContext, when: datetime, who: str, **values: Any) -> dict[str, Any]:
    return {"id": ctx.ids.at(when), "created_at": when, "created_by": who, "updated_at": when, "updated_by": who,
            **values}


def _yuan(rng, low: int, high: int, step: int = 100) -> int:
    """A whole number of yuan (a multiple of ``step``) between ``low`` and ``high``, in fen."""
    return rng.randrange(low // step, high // step + 1) * step * 100


def _months(start: date, end: date) -> list[date]:
    month, out = start.replace(day=1), []
    while month <= end:
        out.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return out


def _add_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the targets, the commission rule, the trade-ins and the finance and insurance of the deals
    present; returns the rows per table written (tables left empty are not named)."""
    before = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    _targets(ctx)
    _trade_ins(conn, ctx)
    _deal_finance(conn, ctx)
    counts = {}
    for table in TABLES:
        n = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() - before[table]
        if n:
            counts[table] = n
    ctx.uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
                   for table, n in counts.items()])
    return counts


def _targets(ctx: DemoContext) -> None:
    rng = ctx.rng
    sellers = [u[0] for u in DEMO_USERS if u[2] == "salesperson"]
    start = ctx.moment_on(ctx.start)
    insert_rows(ctx, CommissionRule.__table__, [_row(ctx, start, "manager", salesperson="", gross_bp=500,
                                                     per_unit=200_00)])
    rows = []
    for month in _months(ctx.start, ctx.today):
        # Set by the sales manager on the month's first day (or the demo's first day).
        when = ctx.moment_on(max(month, ctx.start))
        for person in sellers:
            units = rng.randrange(3, 9)
            rows.append(_row(ctx, when, "manager", salesperson=person, month=month, units=units,
                             gross=units * _yuan(rng, 6_000, 12_000, 500)))
    insert_rows(ctx, SalesTarget.__table__, rows)


def _stamp(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def by_time(row: dict[str, Any]) -> datetime:
    return row["created_at"]


def _grade(rng) -> str:
    roll = rng.random()
    return "good" if roll < 0.7 else "fair" if roll < 0.92 else "poor"


def _trade_ins(conn: Connection, ctx: DemoContext) -> None:
    rng = ctx.rng
    n = max(12, ctx.size.customers // 50)
    cars = conn.execute(text(
        "SELECT v.id, v.owner_id, v.make, v.model, v.model_year, v.odometer_km, v.created_at FROM vehicle v "
        "WHERE v.owner_id IS NOT NULL ORDER BY v.rowid")).all()
    if not cars:
        return
    picked = rng.sample(cars, min(n, len(cars)))
    # Appraised some time after the dealership first recorded the car, in the order it happened.
    timed = sorted(((ctx.moment_between(_stamp(car.created_at)), car) for car in picked), key=lambda t: t[0])
    appraisers = [u[0] for u in DEMO_USERS if u[2] in ("salesperson", "sales_manager")]
    trade_rows, conditions, costs, stock, stock_costs, events = [], [], [], [], [], []
    recent = ctx.end - timedelta(days=30)
    for i, (when, car) in enumerate(timed):
        day = (when + LOCAL_OFFSET).date()
        who = rng.choice(appraisers)
        age = max(1, ctx.today.year - (car.model_year or ctx.today.year - 5))
        mileage = car.odometer_km or age * rng.randrange(8_000, 20_000)
        acv = max(5_000_00, _yuan(rng, 160_000, 220_000, 1000) // (age + 1) // 100_00 * 100_00)
        allowance = acv + rng.choice((0, 0, -1_000_00, 1_000_00, 2_000_00, 3_000_00))
        owed = _yuan(rng, 5_000, 40_000, 1000) if rng.random() < 0.3 else 0
        # The last two are still open for the screens: one appraised, one accepted.
        if i == len(timed) - 1:
            status = "appraised"
        elif i == len(timed) - 2:
            status = "accepted"
        elif when > recent:
            status = rng.choice(("appraised", "accepted", "declined"))
        else:
            status = "taken_in" if rng.random() < 0.75 else "declined"
        trade = _row(ctx, when, who, customer_id=car.owner_id, deal_id=None, vehicle_id=car.id, status=status,
                     appraised_on=day, appraiser=who, mileage_km=mileage, actual_cash_value=acv,
                     allowance=allowance, outstanding_finance=owed, finance_lender=rng.choice(LENDERS) if owed else "",
                     stock_vehicle_id=None, notes="")
        grades = {area: _grade(rng) for area in CONDITION_AREAS}
        for area, grade in grades.items():
            conditions.append(_row(ctx, when, who, trade_in_id=trade["id"], area=area, grade=grade,
                                   note=CONDITION_NOTES[area] if grade != "good" else ""))
        recon = {"cleaning": _yuan(rng, 200, 600, 50)}
        if grades["body"] != "good" or grades["paint"] != "good":
            recon["body_paint"] = _yuan(rng, 800, 4_000)
        if grades["engine"] != "good" or grades["gearbox"] != "good":
            recon["mechanical"] = _yuan(rng, 1_000, 6_000)
        if grades["tyres"] != "good":
            recon["tyres"] = _yuan(rng, 1_600, 3_200)
        for kind, amount in recon.items():
            costs.append(_row(ctx, when, who, trade_in_id=trade["id"], kind=kind, amount=amount, note=""))
        if status == "taken_in":
            taken = ctx.moment_between(when, min(ctx.end, when + timedelta(days=10)))
            taken_day = (taken + LOCAL_OFFSET).date()
            number = settings.next_number(ctx.uow.session, USED_STOCK_SERIES, on=taken_day)
            unit = _row(ctx, taken, who, vehicle_id=car.id, stock_number=number, condition="used", status="in_stock",
                        make=car.make, model=car.model, location=rng.choice(LOCATIONS), ordered_on=None,
                        produced_on=None, arrived_on=taken_day, sold_on=None, delivered_on=None,
                        purchase_cost=acv, list_price=(acv + sum(recon.values())) * 115 // 100 // 10000 * 10000,
                        deal_id=None, notes="")
            stock.append(unit)
            for kind, amount in sorted(recon.items()):
                stock_costs.append(_row(ctx, taken, who, stock_vehicle_id=unit["id"],
                                        kind=COST_KIND.format(kind=kind), amount=amount, incurred_on=taken_day,
                                        notes=""))
            event = _row(ctx, taken, who, stock_vehicle_id=unit["id"], at=taken, by=who, from_status="",
                         to_status="in_stock", deal_id=None, reason="trade-in")
            events.append(event)
            trade["stock_vehicle_id"] = unit["id"]
            trade["updated_at"] = taken
        trade_rows.append(trade)
    insert_rows(ctx, StockVehicle.__table__, sorted(stock, key=by_time))
    insert_rows(ctx, StockVehicleCost.__table__, sorted(stock_costs, key=by_time))
    insert_rows(ctx, StockEvent.__table__, sorted(events, key=by_time))
    insert_rows(ctx, TradeIn.__table__, sorted(trade_rows, key=by_time))
    insert_rows(ctx, TradeInCondition.__table__, sorted(conditions, key=by_time))
    insert_rows(ctx, TradeInReconditioning.__table__, sorted(costs, key=by_time))


def _deal_finance(conn: Connection, ctx: DemoContext) -> None:
    rng = ctx.rng
    deals = conn.execute(text(
        "SELECT d.id, d.customer_id, d.salesperson, d.status, d.total, d.quoted_on, d.ordered_on, d.delivered_on, "
        "s.vehicle_id FROM deal d LEFT JOIN stock_vehicle s ON s.id = d.stock_vehicle_id "
        "WHERE d.status IN ('ordered', 'invoiced', 'delivered') AND d.total > 0 ORDER BY d.rowid")).all()
    loans, policies = [], []
    prefix = {"compulsory": "JQ", "commercial": "SY"}
    for d in deals:
        who = d.salesperson or "sales"
        ordered = as_date(d.ordered_on or d.quoted_on)
        if rng.random() < 0.4:
            submitted = ordered
            when = ctx.moment_on(min(submitted, ctx.today))
            amount = min(d.total, max(1_000_00, d.total * rng.randrange(30, 71) // 100 // 100_000 * 100_000))
            status = {"delivered": "paid_out", "invoiced": "approved"}.get(
                d.status, rng.choice(("submitted", "approved", "rejected")))
            decided = min(ctx.today, submitted + timedelta(days=rng.randrange(1, 6))) if status != "submitted" else None
            delivered = as_date(d.delivered_on) if d.delivered_on else None
            paid = max(decided, delivered) if status == "paid_out" and decided and delivered else None
            if paid is not None and paid > ctx.today:
                status, paid = "approved", None
            loans.append(_row(ctx, when, who, deal_id=d.id, lender=rng.choice(LENDERS), amount=amount,
                              term_months=rng.choice((12, 24, 36, 36, 48, 60)), rate_bp=rng.randrange(299, 700),
                              status=status, submitted_on=submitted, decided_on=decided, paid_out_on=paid,
                              reference=f"LN{rng.randrange(10**7, 10**8)}", notes=""))
        if d.status == "delivered" and d.delivered_on and d.vehicle_id and rng.random() < 0.8:
            insurer = rng.choice(INSURERS)
            for kind in ("compulsory", "commercial"):
                starts, previous = as_date(d.delivered_on), None
                while starts <= ctx.today:
                    ends = _add_year(starts)
                    premium = 950_00 if kind == "compulsory" else _yuan(rng, 3_000, 9_000)
                    when = ctx.moment_on(min(starts, ctx.today))
                    row = _row(ctx, when, who, customer_id=d.customer_id, vehicle_id=d.vehicle_id,
                               deal_id=d.id if previous is None else None, insurer=insurer, kind=kind,
                               policy_number=f"P{prefix[kind]}{rng.randrange(10**11, 10**12)}",
                               premium=premium, commission=premium * (4 if kind == "compulsory" else 12) // 100,
                               starts_on=starts, ends_on=ends, renewed_from_id=previous, notes="")
                    policies.append(row)
                    # Renewed a month ahead, as the reminder asks, by most customers.
                    if ends - timedelta(days=30) > ctx.today or rng.random() > 0.75:
                        break
                    previous, starts = row["id"], ends
    insert_rows(ctx, LoanApplication.__table__, sorted(loans, key=by_time))
    insert_rows(ctx, InsurancePolicy.__table__, sorted(policies, key=by_time))
    # The commission is booked on the day each policy was recorded, as services/sales/finance.py books it.
    insert_rows(ctx, InsuranceCommissionEntry.__table__, [
        _row(ctx, p["created_at"], p["created_by"], policy_id=p["id"], kind="earned", amount=p["commission"],
             booked_on=min(p["starts_on"], ctx.today), insurer=p["insurer"], policy_number=p["policy_number"])
        for p in sorted(policies, key=by_time) if p["commission"]])
