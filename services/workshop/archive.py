"""The repair archive (issue 10 §9, §12): ``forecourt export repair-archive --from --to FILE`` writes
the repair-record data elements that China's electronic vehicle health archive (汽车电子健康档案)
asks of repair businesses, for every repair order settled (invoiced) in the period.

One row per parts line that used parts (issued less returned), or one row for a settled repair order
without parts, in the columns of :data:`ARCHIVE_COLUMNS`: ``company`` is the dealership's name from
its settings; ``settlement_date`` the day the repair order was invoiced and ``settlement_number`` its
invoices' numbers (``;``-separated when it was split by pay type); ``fault_description`` the
customer's concerns (the jobs' descriptions when none were written); ``repair_items`` the
jobs, ``;``-separated, each with the labour and sublet done on it in brackets; ``labour_hours`` the
hours sold on the whole repair order (decimal hours, repeated on each of its rows);
``part_quantity`` in the part's units (``1.5``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.progress import CancelToken, Progress, no_progress
from core.quantities import quantity_decimal
from models.billing import Invoice
from models.parts import Part
from models.vehicles import Vehicle
from models.workshop import (
    RepairExtraLine,
    RepairJob,
    RepairLabourLine,
    RepairOrder,
    RepairOrderInvoice,
    RepairPartLine,
)
from services import files, settings
from services.permissions import require
from services.workshop.rules import HOURS_SCALE
from store.database import Database

ARCHIVE_COLUMNS = ("company", "vin", "plate", "date_in", "mileage_in", "settlement_date", "settlement_number",
                   "fault_description", "repair_items", "labour_hours", "part_name", "part_code", "part_quantity")

_BATCH = 1000


def _hours(hundredths: int) -> Decimal:
    return (Decimal(hundredths) / HOURS_SCALE).quantize(Decimal("0.01"))


def _quantity(thousandths: int) -> Decimal:
    return quantity_decimal(thousandths)


def _item(job: str, done: list[str]) -> str:
    """A job as a repair item: its description and, in brackets, the labour and sublet done on it
    where they say more than the job's own words ("更换前刹车片 (前刹车片拆装, 制动液更换)")."""
    more = [d for d in done if d != job]
    return f"{job} ({', '.join(more)})" if more else job


def _details(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per repair order: its invoices' numbers, hours sold, repair items and parts used, in order."""
    out: dict[str, dict[str, Any]] = {i: {"invoices": [], "hours": 0, "jobs": [], "items": [], "parts": []}
                                      for i in ids}
    for ro_id, number in conn.execute(
            select(RepairOrderInvoice.repair_order_id, Invoice.number)
            .join(Invoice, Invoice.id == RepairOrderInvoice.invoice_id)
            .where(RepairOrderInvoice.repair_order_id.in_(ids)).order_by(Invoice.number)):
        out[ro_id]["invoices"].append(number)
    work: dict[str, list[str]] = {}  # per job: its labour and sublet, as written
    for ro_id, job_id, description in conn.execute(
            select(RepairJob.repair_order_id, RepairJob.id, RepairJob.description)
            .where(RepairJob.repair_order_id.in_(ids)).order_by(RepairJob.job_no)):
        out[ro_id]["jobs"].append(description)
        out[ro_id]["items"].append((description, work.setdefault(job_id, [])))
    line = RepairLabourLine
    for ro_id, job_id, description, hours in conn.execute(
            select(RepairJob.repair_order_id, RepairJob.id, line.description, line.hours)
            .join(line, line.job_id == RepairJob.id)
            .where(RepairJob.repair_order_id.in_(ids)).order_by(RepairJob.job_no, line.line_no)):
        out[ro_id]["hours"] += hours
        if description and description not in work[job_id]:
            work[job_id].append(description)
    x = RepairExtraLine
    for job_id, description in conn.execute(
            select(x.job_id, x.description).join(RepairJob, RepairJob.id == x.job_id)
            .where(RepairJob.repair_order_id.in_(ids), x.kind == "sublet").order_by(RepairJob.job_no, x.line_no)):
        if description and description not in work[job_id]:
            work[job_id].append(description)
    p = RepairPartLine
    for ro_id, name, code, used in conn.execute(
            select(RepairJob.repair_order_id, func.coalesce(func.nullif(p.description, ""), Part.description),
                   Part.part_number, p.issued - p.returned)
            .join(p, p.job_id == RepairJob.id).join(Part, Part.id == p.part_id)
            .where(RepairJob.repair_order_id.in_(ids), p.issued - p.returned > 0)
            .order_by(RepairJob.job_no, p.line_no)):
        out[ro_id]["parts"].append((name, code, used))
    return out


def export_repair_archive(db: Database, actor: Actor, path: Path | str, *, start: date, end: date,
                          progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the archive rows of the repair orders settled from ``start`` to ``end`` (both included),
    by settlement day and number; returns the rows written. Worker thread."""
    require(actor, "workshop.view")
    require(actor, "data.export")
    if end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    ro = RepairOrder
    query = (select(ro.id, Vehicle.vin, Vehicle.plate, ro.opened_on, ro.mileage_in, ro.invoiced_on, ro.concerns)
             .join(Vehicle, Vehicle.id == ro.vehicle_id)
             .where(ro.invoiced_on.is_not(None), ro.invoiced_on >= start, ro.invoiced_on <= end,
                    ro.status.in_(("invoiced", "closed")))
             .order_by(ro.invoiced_on, ro.number))
    with db.read() as conn:
        company = settings.load(conn).name
        count = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(_BATCH):
                details = _details(conn, [r.id for r in part])
                rows = []
                for r in part:
                    d = details[r.id]
                    fault = r.concerns or "; ".join(d["jobs"])
                    items = "; ".join(_item(job, done) for job, done in d["items"])
                    head = (company, r.vin, r.plate or None, r.opened_on, r.mileage_in, r.invoiced_on,
                            ";".join(d["invoices"]) or None, fault or None, items or None, _hours(d["hours"]))
                    if not d["parts"]:
                        rows.append((*head, None, None, None))
                    for name, code, used in d["parts"]:
                        rows.append((*head, name, code, _quantity(used)))
                yield rows

        return files.write_table(path, ARCHIVE_COLUMNS, batches(), total=count, sheet="repair_archive",
                                 widths=(24, 20, 12, 12, 10, 12, 24, 40, 50, 10, 30, 20, 10),
                                 progress=progress, cancel=cancel)
