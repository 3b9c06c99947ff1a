"""The demo's showroom leads over the whole demo period (about 0.62 a customer: 62,000 over ten years for
the large size), with their follow-up tasks and test drives.

A lead older than two months was closed long ago, lost with a reason — or won: every car the billing
demo sold (each a delivered deal, :func:`demo.deals.sold_invoices`) won a lead of its buyer, made
here a few weeks before the sale and closed on the car's delivery; the deals demo links each deal to
it (``ctx.won_leads``). That is about a quarter of the leads. The recent ones are mostly open,
further along the pipeline the older they are, a few lost and awaiting the sales manager's
confirmation; their open follow-ups fall due from a few days ago (overdue) to next week. Leads that
reached the test drive had one, with the driving licence checked.

Written as the services would write them, stamped by their salesperson, with one summary audit entry
per table like the rest of the demo.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select, text

from demo.context import INSERT_CHUNK, DemoContext, cumulative, insert_rows
from demo.deals import delivery_day, sold_invoices
from demo.staff import SALESPEOPLE
from demo.vehicles import MODELS
from models.billing import Payment
from models.sales import LOST_REASONS, Lead, LeadTask, TestDrive
from services.sales.leads import STAGES
from store.audit_chain import Change

LEADS_PER_CUSTOMER = 0.62
RECENT_DAYS = 60  # younger leads are mostly still open
SOURCES = ("walk_in", "phone", "web", "referral", "event")
SOURCE_WEIGHTS = cumulative((40, 20, 25, 10, 5))
LOST_WEIGHTS = cumulative((30, 25, 15, 5, 15, 8, 2))
LOST_WORDS = {"price": "觉得价格偏高，优惠不够", "bought_elsewhere": "已在别家4S店订车", "other_brand": "改看其他品牌",
              "finance_refused": "贷款未获批", "no_response": "多次电话未接", "postponed": "购车计划推迟到明年",
              "other": "家里意见不统一"}
TASKS = ("电话回访，了解购车意向", "邀约到店试驾", "发送报价单", "跟进金融方案", "确认到店时间")
OUTCOMES = ("客户已接听，周末到店", "客户还在比较，下周再联系", "已发送资料", "未接通，稍后再打", "客户确认到店")
NOTES = ("想要白色", "关注续航", "家庭用车，要大空间", "置换旧车", "首次购车", "")


def count_for(ctx: DemoContext) -> int:
    return round(ctx.size.customers * LEADS_PER_CUSTOMER)


def _stage_for(rng, age: int) -> str:
    """An open lead's stage: further along the older it is."""
    roll = rng.random() + min(age, 45) / 45
    return STAGES[min(3, int(roll * 2))]


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the leads, their tasks and test drives; returns the rows written per table."""
    rng, uow = ctx.rng, ctx.uow
    customers = conn.execute(text("SELECT id FROM customer WHERE kind = 'person' ORDER BY rowid")).scalars().all()
    models = [m for m in MODELS if not m.last_year]
    model_weights = cumulative([m.weight for m in models])
    today = ctx.today
    leads, tasks, drives = [], [], []

    def stamp(row: dict, who: str, created: datetime, updated: datetime | None = None) -> dict:
        row.update(id=ctx.ids.at(created), created_at=created, created_by=who, updated_at=updated or created,
                   updated_by=who)
        return row

    # The leads the cars sold won: made before the deposit (or the sale), won on the delivery.
    deposits = dict(conn.execute(select(Payment.held_for, Payment.created_at)
                                 .where(Payment.amount > 0, Payment.held_for != "")).all())
    sales = []
    for inv, _number, _lines, vehicle in sold_invoices(conn):
        sold_at = inv.posted_at or inv.created_at
        paid = deposits.get(inv.reference) if inv.reference else None
        before = (paid or sold_at) - timedelta(days=1)
        created = max(inv.known + timedelta(minutes=1),
                      before - timedelta(days=rng.randint(3, 45), minutes=rng.randrange(600)))
        closed_on = delivery_day(rng, inv.issued_on, today)
        sales.append((created, inv.id, inv.customer_id, closed_on, vehicle))
    generic = [(created, None, None, None, None)
               for created in ctx.moments(max(0, count_for(ctx) - len(sales)), growth=1.0)]

    for created, invoice_id, buyer, won_on, vehicle in sorted(generic + sales, key=lambda x: x[0]):
        day = created.date()
        age = (today - day).days
        who = rng.choice(SALESPEOPLE)
        model = rng.choices(models, cum_weights=model_weights)[0]
        make, name = (vehicle.make, vehicle.model) if vehicle is not None else (model.make, model.name)
        budget = rng.randrange(8, 45) * 10_000 * 100
        if invoice_id is not None:
            closed_on, status, reached = max(won_on, day), "won", "quotation"
        elif age > RECENT_DAYS or rng.random() < 0.2:
            closed_on = min(today - timedelta(days=1), day + timedelta(days=rng.randrange(2, 45)))
            closed_on = max(closed_on, day)
            status = "lost"
            reached = rng.choices(STAGES, cum_weights=cumulative((25, 35, 20, 20)))[0]
        else:
            closed_on, status = None, _stage_for(rng, age)
            reached = status
        moved = ctx.moment_on(closed_on) if closed_on else ctx.moment_between(created)
        moved = max(moved, created)
        code = rng.choices(LOST_REASONS, cum_weights=LOST_WEIGHTS)[0] if status == "lost" else ""
        pending = status in STAGES and age > 3 and rng.random() < 0.04
        if pending:
            code = rng.choices(LOST_REASONS, cum_weights=LOST_WEIGHTS)[0]
        source = rng.choices(SOURCES, cum_weights=SOURCE_WEIGHTS)[0]
        lead = stamp({"customer_id": buyer or rng.choice(customers), "source": source,
                      "status": status, "salesperson": who, "make": make, "model": name, "budget": budget,
                      "lost_code": code, "lost_reason": LOST_WORDS[code] if code else "",
                      "lost_requested_by": who if code else "",
                      "lost_requested_at": (moved if status == "lost" else ctx.moment_between(created)) if code
                      else None,
                      "stage_changed_at": moved, "stage_changed_by": "manager" if status == "lost" else who,
                      "closed_on": closed_on, "notes": rng.choice(NOTES)}, who, created, moved)
        leads.append(lead)
        if invoice_id is not None:
            ctx.won_leads[invoice_id] = (lead["id"], created, closed_on)
        # The follow-ups: done ones along the way; an open lead has its next one still to do.
        done_until = closed_on or today - timedelta(days=1)
        for n in range(rng.randrange(1, 3)):
            due = min(done_until, day + timedelta(days=1 + 3 * n + rng.randrange(0, 3)))
            if due < day:
                continue
            done_at = ctx.moment_on(due)
            if done_at < created:
                done_at = created + timedelta(minutes=30)
            tasks.append(stamp({"lead_id": lead["id"], "due_on": due, "what": TASKS[n % len(TASKS)],
                                "assigned_to": who, "done_at": done_at, "done_by": who,
                                "outcome": rng.choice(OUTCOMES)}, who, created, done_at))
        if status in STAGES and not pending:
            due = today + timedelta(days=rng.randrange(-5, 8))
            tasks.append(stamp({"lead_id": lead["id"], "due_on": max(due, day), "what": rng.choice(TASKS),
                                "assigned_to": who, "done_at": None, "done_by": "", "outcome": ""}, who, created))
        if STAGES.index(reached) >= STAGES.index("test_drive") or (status == "won" and rng.random() < 0.8):
            start = max(created + timedelta(minutes=20), moved - timedelta(days=rng.randrange(0, 3)))
            if start > moved and status not in STAGES:
                start = created + timedelta(minutes=20)
            out = rng.randrange(5, 3000)
            drives.append(stamp({"lead_id": lead["id"], "customer_id": lead["customer_id"], "vehicle_id": None,
                                 "stock_vehicle_id": None, "demo_car": f"{make} {name} 试驾车",
                                 "salesperson": who, "started_at": start,
                                 "ended_at": start + timedelta(minutes=rng.randrange(20, 50)),
                                 "odometer_out": out, "odometer_in": out + rng.randrange(5, 25),
                                 "licence_number": f"{rng.randrange(10**11, 10**12)}",
                                 "licence_expires_on": date(start.year + rng.randrange(1, 6), rng.randrange(1, 13), 1),
                                 "licence_checked": True, "notes": ""}, who, start))
    counts = {}
    for table, rows in ((Lead.__table__, leads), (LeadTask.__table__, tasks), (TestDrive.__table__, drives)):
        # Back-dated rows go in in the order they were made (rowid order is time order).
        rows.sort(key=lambda r: r["created_at"])
        for start in range(0, len(rows), INSERT_CHUNK):
            insert_rows(ctx, table, rows[start:start + INSERT_CHUNK])
        counts[table.name] = len(rows)
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    return counts
