"""Parts alerts: below minimum, dead stock, aged stock and refused negative-stock attempts.

Aged stock is judged by the newest receipt of a part still on hand: when even the newest receipt is
older than the limit, every unit on hand came in at least that long ago (returns from jobs and
customers do not count as receipts). A part that received stock recently is therefore not listed
even if some older units are still on the shelf; the ledger does not track individual lots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from core.actor import Actor
from models.admin import AuditEntry
from models.parts import Brand, Part, PartStock, StockMovement
from services.parts.stock import REFUSED_ACTION
from services.permissions import require
from store.database import Database

DEAD_MONTHS = 12
AGED_DAYS = 180


@dataclass(frozen=True)
class StockAlert:
    part_id: str
    brand: str
    part_number: str
    description: str
    bin: str
    on_hand: int
    available: int
    min_qty: int
    last_movement_on: date | None
    last_receipt_on: date | None = None


@dataclass(frozen=True)
class RefusedAttempt:
    at: str  # ISO timestamp (UTC) of the audit entry
    actor: str
    part_id: str
    part_number: str
    summary: str


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _base():
    # Parts imported in bulk have no part_stock row until their first movement: they count as zero.
    on_hand = func.coalesce(PartStock.on_hand, 0)
    available = (on_hand - func.coalesce(PartStock.reserved, 0)).label("available")
    return available, (
        select(Part.id, Brand.name, Part.part_number, Part.description, Part.bin, on_hand.label("on_hand"),
               available, Part.min_qty, PartStock.last_movement_on)
        .join(Brand, Brand.id == Part.brand_id)
        .outerjoin(PartStock, PartStock.part_id == Part.id)
    )


def below_minimum(db: Database, actor: Actor, *, limit: int = 1000) -> list[StockAlert]:
    """Active parts with a minimum whose available stock is below it, largest shortfall first.
    Any thread; reads only."""
    require(actor, "part.view")
    available, stmt = _base()
    stmt = (stmt.where(Part.active, Part.min_qty > 0, available < Part.min_qty)
            .order_by((Part.min_qty - available).desc(), Part.part_number).limit(limit))
    with db.read() as conn:
        return [StockAlert(*r) for r in conn.execute(stmt)]


def dead_stock(db: Database, actor: Actor, *, today: date | None = None, months: int = DEAD_MONTHS,
               limit: int = 1000) -> list[StockAlert]:
    """Parts with stock on hand and no movement for ``months`` months, longest idle first.
    Any thread; reads only."""
    require(actor, "part.view")
    cutoff = months_before(today or date.today(), months)
    _available, stmt = _base()
    stmt = (stmt.where(PartStock.on_hand > 0,
                       or_(PartStock.last_movement_on.is_(None), PartStock.last_movement_on < cutoff))
            .order_by(PartStock.last_movement_on, Part.part_number).limit(limit))
    with db.read() as conn:
        return [StockAlert(*r) for r in conn.execute(stmt)]


def aged_stock(db: Database, actor: Actor, *, today: date | None = None, days: int = AGED_DAYS,
               limit: int = 1000) -> list[StockAlert]:
    """Parts with stock on hand whose newest receipt is more than ``days`` days old (see the module
    notes), oldest first. Any thread; reads only."""
    require(actor, "part.view")
    cutoff = (today or date.today()) - timedelta(days=days)
    last_receipt = (select(func.max(StockMovement.moved_on))
                    .where(StockMovement.part_id == Part.id, StockMovement.kind == "receipt")
                    .correlate(Part).scalar_subquery().label("last_receipt_on"))
    _available, stmt = _base()
    inner = stmt.add_columns(last_receipt).where(PartStock.on_hand > 0).subquery()
    stmt = (select(inner).where(inner.c.last_receipt_on.is_not(None), inner.c.last_receipt_on < cutoff)
            .order_by(inner.c.last_receipt_on, inner.c.part_number).limit(limit))
    with db.read() as conn:
        return [StockAlert(*r) for r in conn.execute(stmt)]


def negative_stock_attempts(db: Database, actor: Actor, *, since: datetime | None = None,
                            limit: int = 500) -> list[RefusedAttempt]:
    """Movements refused because they would have taken stock below zero, newest first.
    Any thread; reads only."""
    require(actor, "part.view")
    stmt = (select(AuditEntry.at, AuditEntry.actor, AuditEntry.entity_id, Part.part_number, AuditEntry.summary)
            .outerjoin(Part, Part.id == AuditEntry.entity_id)
            .where(AuditEntry.action == REFUSED_ACTION, AuditEntry.entity == "part")
            .order_by(AuditEntry.seq.desc()).limit(limit))
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since.strftime("%Y-%m-%dT%H:%M:%S"))
    with db.read() as conn:
        return [RefusedAttempt(r.at, r.actor, r.entity_id, r.part_number or "", r.summary) for r in conn.execute(stmt)]
