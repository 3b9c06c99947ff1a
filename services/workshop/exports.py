"""Workshop files out, as .xlsx or .csv (by the file's extension), with stable snake_case columns
(issue 10 §12): repair orders, and their labour lines.

A repair order's ``total`` is what its invoices came to (``invoice_numbers``, ``;``-separated, their
totals summing to it) once it is invoiced, and before that the sum of its lines as priced: labour,
parts issued less returned, sublet and consumables, less the service packages' variances
(``labour_amount`` and ``parts_amount`` are itemised). Hours are decimal hours (``1.25``), money in major
units; the optional period is the day the repair order was opened.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, func, select

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.money import digits, from_minor
from core.progress import CancelToken, Progress, no_progress
from models.billing import Invoice
from models.crm import Customer
from models.vehicles import Vehicle
from models.workshop import (
    Clocking,
    RepairExtraLine,
    RepairJob,
    RepairLabourLine,
    RepairOrder,
    RepairOrderInvoice,
    RepairPartLine,
)
from services import files, settings
from services.billing.totals import line_cost
from services.permissions import require
from services.workshop.rules import HOURS_SCALE
from services.workshop.time_reports import row_hours
from store.database import Database

REPAIR_ORDER_COLUMNS = ("number", "status", "vin", "plate", "customer_name", "advisor", "opened_on", "settled_on",
                        "mileage_in", "labour_hours_sold", "labour_amount", "parts_amount", "total",
                        "invoice_numbers")
LABOUR_LINE_COLUMNS = ("repair_order_number", "operation_code", "pay_type", "technician", "hours_sold",
                       "hours_clocked", "amount")

_BATCH = 2000


def _prepare(actor: Actor, path: Path | str, start: date | None, end: date | None) -> Path:
    require(actor, "workshop.view")
    require(actor, "workshop.costs")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    return path


def _period(query: Select, start: date | None, end: date | None) -> Select:
    if start is not None:
        query = query.where(RepairOrder.opened_on >= start)
    if end is not None:
        query = query.where(RepairOrder.opened_on <= end)
    return query


def _hours(hundredths: int) -> Decimal:
    return (Decimal(hundredths) / HOURS_SCALE).quantize(Decimal("0.01"))


def _money_format(currency: str) -> str:
    d = digits(currency)
    return "#,##0" + ("." + "0" * d if d else "")


def _count(conn: Connection, query: Select) -> int:
    return conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


def _sums(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {i: {"hours": 0, "labour": 0, "parts": 0, "extras": 0, "menu": 0,
                                          "invoices": [], "invoiced": 0} for i in ids}
    job = RepairJob
    for ro_id, hours, amount in conn.execute(
            select(job.repair_order_id, func.sum(RepairLabourLine.hours), func.sum(RepairLabourLine.amount))
            .join(RepairLabourLine, RepairLabourLine.job_id == job.id).where(job.repair_order_id.in_(ids))
            .group_by(job.repair_order_id)):
        out[ro_id]["hours"], out[ro_id]["labour"] = int(hours), int(amount)
    for ro_id, discount in conn.execute(
            select(job.repair_order_id, func.sum(RepairLabourLine.menu_discount))
            .join(RepairLabourLine, RepairLabourLine.job_id == job.id).where(job.repair_order_id.in_(ids))
            .group_by(job.repair_order_id)):
        out[ro_id]["menu"] += int(discount or 0)
    p = RepairPartLine
    for ro_id, used, price, quantity, discount in conn.execute(
            select(job.repair_order_id, p.issued - p.returned, p.unit_price, p.quantity, p.menu_discount)
            .join(p, p.job_id == job.id).where(job.repair_order_id.in_(ids))):
        out[ro_id]["parts"] += line_cost(quantity_milli=used, unit_cost=price)
        # A package's part counts its share of the variance for what of it is used, as its invoice line will.
        out[ro_id]["menu"] += discount if used >= quantity else discount * max(used, 0) // quantity
    x = RepairExtraLine
    for ro_id, quantity, price in conn.execute(select(job.repair_order_id, x.quantity, x.unit_price)
                                               .join(x, x.job_id == job.id).where(job.repair_order_id.in_(ids))):
        out[ro_id]["extras"] += line_cost(quantity_milli=quantity, unit_cost=price)
    link = RepairOrderInvoice
    for ro_id, number, total in conn.execute(
            select(link.repair_order_id, Invoice.number, Invoice.total).join(Invoice, Invoice.id == link.invoice_id)
            .where(link.repair_order_id.in_(ids)).order_by(Invoice.number)):
        out[ro_id]["invoices"].append(number)
        out[ro_id]["invoiced"] += total
    return out


def export_repair_orders(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                         end: date | None = None, progress: Progress = no_progress,
                         cancel: CancelToken | None = None) -> int:
    """Write the repair orders opened in the period (all without one), by opening day and number;
    returns the rows written. Worker thread."""
    path = _prepare(actor, path, start, end)
    ro = RepairOrder
    query = _period(select(ro.id, ro.number, ro.status, Vehicle.vin, Vehicle.plate, Customer.name, ro.advisor,
                           ro.opened_on, ro.invoiced_on, ro.mileage_in)
                    .join(Vehicle, Vehicle.id == ro.vehicle_id).join(Customer, Customer.id == ro.customer_id),
                    start, end).order_by(ro.opened_on, ro.number)
    with db.read() as conn:
        currency = settings.load(conn).currency

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(_BATCH):
                sums = _sums(conn, [r.id for r in part])
                rows = []
                for r in part:
                    s = sums[r.id]
                    total = (s["invoiced"] if s["invoices"]
                             else s["labour"] + s["parts"] + s["extras"] - s["menu"])
                    rows.append((r.number, r.status, r.vin, r.plate or None, r.name, r.advisor, r.opened_on,
                                 r.invoiced_on, r.mileage_in, _hours(s["hours"]), from_minor(s["labour"], currency),
                                 from_minor(s["parts"], currency), from_minor(total, currency),
                                 ";".join(s["invoices"]) or None))
                yield rows

        money = _money_format(currency)
        return files.write_table(path, REPAIR_ORDER_COLUMNS, batches(), total=_count(conn, query),
                                 sheet="repair_orders", widths=(20, 14, 20, 12, 24, 12, 12, 12, 10, 10, 12, 12, 12, 40),
                                 number_formats={10: money, 11: money, 12: money}, progress=progress, cancel=cancel)


def _clocked(conn: Connection, job_ids: list[str]) -> dict[str, int]:
    """Line id → hundredths of an hour of its job's clocked time (ended clockings, by anyone, each
    counted as the clockings file counts it): a job's time shared over its labour lines in
    proportion to their hours sold (equally when none has any), the last line taking what rounding
    leaves."""
    c, line = Clocking, RepairLabourLine
    per_job: dict[str, int] = defaultdict(int)
    for job_id, started, ended in conn.execute(select(c.job_id, c.started_at, c.ended_at).where(
            c.job_id.in_(job_ids), c.ended_at.is_not(None))):
        per_job[job_id] += row_hours(started, ended) or 0
    lines: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line_id, job_id, hours in conn.execute(select(line.id, line.job_id, line.hours)
                                               .where(line.job_id.in_(job_ids)).order_by(line.job_id, line.line_no)):
        lines[job_id].append((line_id, max(hours, 0)))
    out: dict[str, int] = {}
    for job_id, found in lines.items():
        total = per_job.get(job_id, 0)
        sold = sum(h for _i, h in found)
        given = 0
        for n, (line_id, hours) in enumerate(found, start=1):
            share = (total - given if n == len(found)
                     else total * hours // sold if sold else total // len(found))
            out[line_id] = share
            given += share
    return out


def export_labour_lines(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                        end: date | None = None, progress: Progress = no_progress,
                        cancel: CancelToken | None = None) -> int:
    """Write the labour lines of the repair orders opened in the period. ``hours_clocked`` is the
    time clocked on the line's job by anyone (ended clockings, each as the clockings file counts
    it), shared over the job's labour lines in proportion to their hours sold (equally when none
    has any), the last line of the job taking what rounding leaves: a repair order's lines add up
    to the hours of its clockings in the clockings file (a job with no labour line has none to show
    its time on). Returns the rows written. Worker thread."""
    path = _prepare(actor, path, start, end)
    ro, job, line = RepairOrder, RepairJob, RepairLabourLine
    query = _period(select(ro.number, line.operation_code, job.pay_type, line.technician, line.hours, line.amount,
                           line.job_id, line.id)
                    .join(job, job.repair_order_id == ro.id).join(line, line.job_id == job.id),
                    start, end).order_by(ro.opened_on, ro.number, job.job_no, line.line_no)
    with db.read() as conn:
        currency = settings.load(conn).currency

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(_BATCH):
                clocked = _clocked(conn, sorted({r.job_id for r in part}))
                yield [(r.number, r.operation_code or None, r.pay_type or None, r.technician or None,
                        _hours(r.hours), _hours(clocked.get(r.id, 0)), from_minor(r.amount, currency))
                       for r in part]

        return files.write_table(path, LABOUR_LINE_COLUMNS, batches(), total=_count(conn, query),
                                 sheet="labour_lines", widths=(20, 14, 10, 14, 10, 10, 12),
                                 number_formats={6: _money_format(currency)}, progress=progress, cancel=cancel)
