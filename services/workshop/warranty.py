"""Warranty claims: the data a maker asks of a warranty job (the 3 Cs — condition, cause, correction —
the failed part, the day it failed and the maker's claim number), kept on the job, and the
warranty-claims file with the repair order's VIN, mileage, dates, operations and parts.

``forecourt export warranty-claims --from --to FILE`` writes one row per warranty job of the repair
orders opened in the period, with stable snake_case columns (:data:`WARRANTY_CLAIM_COLUMNS`). Several
operations or parts of one job are ``;``-separated in line order, each list in step with the others
(``operation_codes`` with ``operation_hours``, ``part_numbers`` with ``part_quantities``; a labour
line without an operation has an empty code). Hours are
decimal hours, quantities decimal units (``1.5``), money major units.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.money import from_minor
from core.progress import CancelToken, Progress, no_progress
from core.quantities import QUANTITY_SCALE, plain_decimal
from models.parts import Part
from models.vehicles import Vehicle
from models.workshop import RepairJob, RepairLabourLine, RepairOrder, RepairPartLine
from services import files, settings
from services.billing.totals import gross_amount
from services.permissions import require
from services.workshop.orders import _editable_job, _text
from services.workshop.rules import HOURS_SCALE
from store.database import Database
from store.uow import UnitOfWork, action

WARRANTY_CLAIM_COLUMNS = (
    "repair_order_number", "job_no", "claim_number", "vin", "plate", "make", "model", "mileage_in", "opened_on",
    "failed_on", "completed_on", "invoiced_on", "condition", "cause", "correction", "failed_part",
    "failed_part_number", "operation_codes", "operation_hours", "labour_hours", "labour_amount", "part_numbers",
    "part_quantities", "parts_amount", "total")


@dataclass
class WarrantyInput:
    condition: str = ""
    cause: str = ""
    correction: str = ""
    failed_part: str = ""
    failed_part_number: str = ""
    failed_on: date | None = None
    claim_number: str = ""


def set_warranty_in(uow: UnitOfWork, job_id: str, data: WarrantyInput) -> None:
    """Record a job's warranty claim data while its work can still change. Refuses a failure day
    after the repair order was opened, or in the future."""
    require(uow.actor, "workshop.edit")
    job, ro = _editable_job(uow.session, job_id)
    if data.failed_on is not None and data.failed_on > ro.opened_on:
        raise ValidationError("failed_on", msg("The part cannot have failed after the car came in ({day})",
                                               day=ro.opened_on.isoformat()))
    job.condition = (data.condition or "").strip()
    job.cause = (data.cause or "").strip()
    job.correction = (data.correction or "").strip()
    job.failed_part = _text("failed_part", data.failed_part, 120)
    job.failed_part_number = _text("failed_part_number", data.failed_part_number, 60)
    job.failed_on = data.failed_on
    job.claim_number = _text("claim_number", data.claim_number, 40)


set_warranty = action(set_warranty_in)


def _decimal(value: int, scale: int) -> Decimal:
    return plain_decimal(Decimal(value) / scale)


def _plain(value: Decimal) -> str:
    return f"{value:f}"


def export_warranty_claims(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                           end: date | None = None, progress: Progress = no_progress,
                           cancel: CancelToken | None = None) -> int:
    """Write the warranty jobs of the repair orders opened in ``start`` … ``end`` (both included;
    all without them), by opening day, repair order number and job; returns the rows written.
    Worker thread."""
    require(actor, "workshop.view")
    require(actor, "workshop.costs")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    ro, job = RepairOrder, RepairJob
    query = (select(ro.number, job.id, job.job_no, job.claim_number, Vehicle.vin, Vehicle.plate, Vehicle.make,
                    Vehicle.model, ro.mileage_in, ro.opened_on, job.failed_on, ro.completed_on, ro.invoiced_on,
                    job.condition, job.cause, job.correction, job.failed_part, job.failed_part_number)
             .join(ro, ro.id == job.repair_order_id).join(Vehicle, Vehicle.id == ro.vehicle_id)
             .where(job.pay_type == "warranty"))
    if start is not None:
        query = query.where(ro.opened_on >= start)
    if end is not None:
        query = query.where(ro.opened_on <= end)
    query = query.order_by(ro.opened_on, ro.number, job.job_no)
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(1000):
                ids = [r.id for r in part]
                labour: dict[str, list[Any]] = {}
                for r in conn.execute(select(RepairLabourLine.job_id, RepairLabourLine.operation_code,
                                             RepairLabourLine.hours, RepairLabourLine.amount,
                                             RepairLabourLine.menu_discount)
                                      .where(RepairLabourLine.job_id.in_(ids)).order_by(RepairLabourLine.line_no)):
                    labour.setdefault(r.job_id, []).append(r)
                parts: dict[str, list[Any]] = {}
                for r in conn.execute(select(RepairPartLine.job_id, Part.part_number,
                                             (RepairPartLine.issued - RepairPartLine.returned).label("used"),
                                             RepairPartLine.unit_price, RepairPartLine.menu_discount)
                                      .join(Part, Part.id == RepairPartLine.part_id)
                                      .where(RepairPartLine.job_id.in_(ids)).order_by(RepairPartLine.line_no)):
                    parts.setdefault(r.job_id, []).append(r)
                rows = []
                for r in part:
                    ops = labour.get(r.id, [])
                    used = [p for p in parts.get(r.id, []) if p.used > 0]
                    labour_amount = sum(x.amount - x.menu_discount for x in ops)
                    parts_amount = sum(gross_amount(quantity_milli=p.used, unit_price=p.unit_price) for p in used)
                    rows.append((
                        r.number, r.job_no, r.claim_number or None, r.vin, r.plate or None, r.make or None,
                        r.model or None, r.mileage_in, r.opened_on, r.failed_on, r.completed_on, r.invoiced_on,
                        r.condition or None, r.cause or None, r.correction or None, r.failed_part or None,
                        r.failed_part_number or None,
                        ";".join(x.operation_code for x in ops) or None,
                        ";".join(_plain(_decimal(x.hours, HOURS_SCALE)) for x in ops) or None,
                        _decimal(sum(x.hours for x in ops), HOURS_SCALE).quantize(Decimal("0.01")),
                        from_minor(labour_amount, currency),
                        ";".join(p.part_number for p in used) or None,
                        ";".join(_plain(_decimal(p.used, QUANTITY_SCALE)) for p in used) or None,
                        from_minor(parts_amount, currency),
                        from_minor(labour_amount + parts_amount, currency)))
                yield rows

        return files.write_table(path, WARRANTY_CLAIM_COLUMNS, batches(), total=total, sheet="warranty_claims",
                                 widths=(20, 6, 16, 20, 12, 14, 14, 10, 12, 12, 12, 12, 30, 30, 30, 20, 16, 24, 16,
                                         10, 12, 24, 16, 12, 12),
                                 progress=progress, cancel=cancel)
