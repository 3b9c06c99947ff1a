"""The workshop's past: one settled repair order for every posted workshop invoice of the demo
history (about 2,500 for the small size, 265,000 over ten years for the large one), written set-based
before the recent repair orders that the services make themselves.

Each repair order carries what its invoice sold: a job, its labour lines (hours and amounts as
invoiced), its parts lines (issued, nothing returned, at the invoiced price and cost) and the
technicians' clockings on the labour, booked one after another into the technicians' working days
(``DemoContext.workdays``, in local hours; ``demo/attendance.py`` clocks them in around them) and
ended before the invoice was posted. It was opened when the car came in (a day earlier when the
invoice came too early in the day for its work), completed and invoiced on the invoice's day and
handed back the same day, and links to its invoice as the services' own invoicing would. The
mileage in grows with the car's age towards the odometer on its record, so the recent repair
orders' mileage checks hold.

The demo invoices name generic service parts ("P-OIL-AD") rather than catalogue numbers: each code is
mapped once to a catalogue part. The history's parts lines record what was sold; the demo stock
ledger's own job issues are separate (they are back-dated row by row by the parts demo).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from demo.context import INSERT_CHUNK, DemoContext, as_date, as_moment
from models.admin import NumberSeries, User
from models.workshop import Clocking, RepairJob, RepairLabourLine, RepairOrder, RepairOrderInvoice, RepairPartLine
from services.settings import terminal_code

# Technicians beyond the demo's own "tech" and "foreman" for the bigger sizes: a workshop settling a
# few hundred repair orders a week needs a dozen people on the tools. They share tech's password.
EXTRA_TECHNICIANS = (("tech02", "陈刚"), ("tech03", "杨帆"), ("tech04", "黄海"), ("tech05", "周鹏"),
                     ("tech06", "吴杰"), ("tech07", "徐亮"), ("tech08", "孙浩"), ("tech09", "马超"),
                     ("tech10", "朱明"), ("tech11", "胡军"), ("tech12", "郭磊"))
KM_PER_DAY = (25, 60)  # how far a car goes a day, drawn per car


def _technicians(conn: Connection, ctx: DemoContext) -> list[str]:
    if ctx.size.years <= 1:
        return ["tech", "foreman"]
    t = User.__table__
    tech = conn.execute(text("SELECT password_hash, created_at FROM user_account WHERE username = 'tech'")).first()
    created = datetime.fromisoformat(str(tech.created_at))
    rows = []
    for username, name in EXTRA_TECHNICIANS:
        rows.append({"id": ctx.ids.at(created), "created_at": created, "created_by": "owner", "updated_at": created,
                     "updated_by": "owner", "username": username, "display_name": name, "role_code": "technician",
                     "password_hash": tech.password_hash, "active": True, "language": "", "failed_logins": 0,
                     "locked_until": None, "last_login_at": None, "must_change_password": False})
    ctx.uow.insert(t, rows, audit=False)
    return ["tech", "foreman"] + [u for u, _ in EXTRA_TECHNICIANS]


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the settled repair orders of the past; returns the rows written per table."""
    rng, uow = ctx.rng, ctx.uow
    technicians = _technicians(conn, ctx)
    part_ids = [r[0] for r in conn.execute(text("SELECT id FROM part WHERE active ORDER BY id"))]
    if not part_ids:
        return {}
    odometer = {r.id: (r.odometer_km or 0) for r in conn.execute(text("SELECT id, odometer_km FROM vehicle"))}
    pace: dict[str, int] = {}
    part_for: dict[str, str] = {}
    seq_by_year: dict[int, int] = defaultdict(int)
    term = terminal_code(conn)
    counts: dict[str, int] = defaultdict(int)
    batch: dict[str, list[dict]] = defaultdict(list)

    def flush() -> None:
        for model in (RepairOrder, RepairJob, RepairLabourLine, RepairPartLine, RepairOrderInvoice, Clocking):
            rows = batch.pop(model.__tablename__, [])
            if rows:
                uow.insert(model, rows, audit=False)
                counts[model.__tablename__] += len(rows)

    invoices = conn.execute(text(
        "SELECT id, number, customer_id, vehicle_id, issued_on, created_at, created_by, posted_at FROM invoice "
        "WHERE kind = 'workshop' AND status = 'posted' AND vehicle_id IS NOT NULL ORDER BY posted_at, id")).all()
    for start in range(0, len(invoices), INSERT_CHUNK):
        chunk = invoices[start:start + INSERT_CHUNK]
        lines: dict[str, list] = defaultdict(list)
        for r in conn.execute(text(
                "SELECT invoice_id, line_no, item_type, item_code, description, quantity_milli, unit_price, "
                "unit_cost, net FROM invoice_line WHERE invoice_id IN (SELECT value FROM json_each(:ids)) "
                "ORDER BY invoice_id, line_no"), {"ids": _json([i.id for i in chunk])}):
            lines[r.invoice_id].append(r)
        for inv in chunk:
            day = as_date(inv.issued_on)
            created = as_moment(inv.created_at)
            posted = as_moment(inv.posted_at) or created
            # The car came in that morning, or a day or two earlier for a longer job.
            opened_on = day - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
            labour = [ln for ln in lines[inv.id] if ln.item_type == "labour"]
            parts = [ln for ln in lines[inv.id] if ln.item_type == "part"]
            work = []
            for ln in labour:
                hours = max(1, ln.quantity_milli // 10)
                # Clocked near what was sold (quicker or slower by up to a third) by whoever is free
                # soonest on a day the car is in, finished before the invoice (a car whose invoice came
                # too early that day for the work came in earlier); with no time for it anywhere the
                # line is sold unclocked, by a technician drawn at random.
                spent = timedelta(hours=hours / 100 * rng.uniform(0.7, 1.3))
                turn = rng.randrange(len(technicians))
                order = technicians[turn:] + technicians[:turn]
                placed = ctx.workdays.place(order, opened_on, day, spent, posted - timedelta(minutes=5))
                if placed is None:
                    work.append((ln, hours, order[0], None, None))
                    continue
                technician, on = placed
                work.append((ln, hours, technician, *ctx.workdays.book(technician, on, spent)))
                opened_on = min(opened_on, on)
            arrived = ctx.moment_on(opened_on)
            if arrived >= posted:
                arrived = posted - timedelta(hours=2)
            seq_by_year[opened_on.year] += 1
            number = f"RO{term}-{opened_on.year}-{seq_by_year[opened_on.year]:06d}"
            km = pace.setdefault(inv.vehicle_id, rng.randint(*KM_PER_DAY))
            mileage = max(100, odometer.get(inv.vehicle_id, 0) - (ctx.today - opened_on).days * km)
            ro_id = ctx.ids.at(arrived)
            job_id = ctx.ids.at(arrived)
            stamps = {"created_at": arrived, "created_by": "advisor", "updated_at": posted,
                      "updated_by": inv.created_by}
            batch["repair_order"].append({
                "id": ro_id, **stamps, "number": number, "customer_id": inv.customer_id,
                "vehicle_id": inv.vehicle_id, "advisor": "advisor", "status": "closed", "mileage_in": mileage,
                "mileage_override": "", "promised_at": ctx.moment_on(day), "concerns": labour[0].description
                if labour else (parts[0].description if parts else ""), "opened_on": opened_on,
                "completed_on": day, "invoiced_on": day, "closed_on": day})
            batch["repair_job"].append({
                "id": job_id, **stamps, "repair_order_id": ro_id, "job_no": 1,
                "description": labour[0].description if labour else "保养/维修", "pay_type": "customer",
                "failed_part": "", "cause": "", "correction": ""})
            for n, (ln, hours, technician, clock, end) in enumerate(work, start=1):
                batch["repair_labour_line"].append({
                    "id": ctx.ids.at(arrived), **stamps, "job_id": job_id, "line_no": n, "operation_id": None,
                    "operation_code": ln.item_code, "description": ln.description, "hours": hours,
                    "technician": technician, "hourly_rate": ln.unit_price, "amount": ln.net})
                if clock is None:
                    continue
                batch["clocking"].append({
                    "id": ctx.ids.at(clock), "created_at": clock, "created_by": technician,
                    "updated_at": end, "updated_by": technician, "repair_order_id": ro_id, "job_id": job_id,
                    "technician": technician, "started_at": clock, "ended_at": end})
            for n, ln in enumerate(parts, start=1):
                part_id = part_for.get(ln.item_code)
                if part_id is None:
                    part_id = part_for[ln.item_code] = rng.choice(part_ids)
                batch["repair_part_line"].append({
                    "id": ctx.ids.at(arrived), **stamps, "job_id": job_id, "line_no": n, "part_id": part_id,
                    "description": ln.description, "quantity": ln.quantity_milli, "reserved": 0,
                    "issued": ln.quantity_milli, "returned": 0, "unit_price": ln.unit_price,
                    "unit_cost": ln.unit_cost})
            batch["repair_order_invoice"].append({
                "id": ctx.ids.at(posted), "created_at": posted, "created_by": inv.created_by, "updated_at": posted,
                "updated_by": inv.created_by, "repair_order_id": ro_id, "pay_type": "customer",
                "invoice_id": inv.id})
        flush()
        ctx.advance(0, f"Wrote {start + len(chunk):,} past repair orders")
    # The services go on numbering after the history, year by year.
    series = NumberSeries.__table__
    for year, last in seq_by_year.items():
        conn.execute(series.delete().where(series.c.doc_type == "repair_order", series.c.terminal_code == term,
                                           series.c.year == year))
        uow.insert(series, [{"doc_type": "repair_order", "prefix": "RO", "terminal_code": term, "year": year,
                             "next_seq": last + 1, "width": 6}], audit=False)
    return dict(counts)


def _json(ids: list[str]) -> str:
    return json.dumps(ids)
