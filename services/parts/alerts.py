"""Parts alerts: below minimum, dead stock, aged stock and refused negative-stock attempts.

Each kind of alert is one list of the lists framework (:mod:`services.lists`), so it is searched,
sorted and exported like every other list; its rule is the list's condition, defined here once.
The functions below read the same lists for code that wants plain values.

Aged stock is judged by the newest receipt of a part still on hand: when even the newest receipt is
older than the limit, every unit on hand came in at least that long ago (returns from jobs and
customers do not count as receipts). A part that received stock recently is therefore not listed
even if some older units are still on the shelf; the ledger does not track individual lots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from core import clock
from core.actor import Actor
from services import lists
from services.lists import Column, Filter, ListSource
from services.parts.stock import REFUSED_ACTION
from store.database import Database

DEAD_MONTHS = 12
AGED_DAYS = 180

# Parts imported in bulk have no part_stock row until their first movement: they count as zero.
ON_HAND_SQL = "coalesce(s.on_hand, 0)"
AVAILABLE_SQL = "(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0))"
LAST_RECEIPT_SQL = ("(SELECT max(m.moved_on) FROM stock_movement m "
                    "WHERE m.part_id = p.id AND m.kind = 'receipt')")

# The rules, over ``part p`` joined to its brand ``b`` and its cached stock ``s``.
BELOW_MINIMUM_SQL = f"p.active AND p.min_qty > 0 AND {AVAILABLE_SQL} < p.min_qty"
DEAD_STOCK_SQL = "s.on_hand > 0 AND (s.last_movement_on IS NULL OR s.last_movement_on < :dead_before)"
AGED_STOCK_SQL = f"s.on_hand > 0 AND {LAST_RECEIPT_SQL} < :aged_before"
REFUSED_SQL = f"a.action = '{REFUSED_ACTION}' AND a.entity = 'part'"

_PARTS_FROM = "part p JOIN brand b ON b.id = p.brand_id LEFT JOIN part_stock s ON s.part_id = p.id"
_PART_COLUMNS = (
    Column("brand", "b.name", width=90),
    Column("part_number", "p.part_number", width=130),
    Column("description", "p.description", width=220),
    Column("bin", "p.bin", width=70),
    Column("on_hand", ON_HAND_SQL, kind="qty", width=75),
)


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


def dead_before(today: date, months: int = DEAD_MONTHS) -> dict[str, Any]:
    """The dead-stock rule's parameter: no movement since this day."""
    return {"dead_before": months_before(today, months).isoformat()}


def aged_before(today: date, days: int = AGED_DAYS) -> dict[str, Any]:
    """The aged-stock rule's parameter: newest receipt before this day."""
    return {"aged_before": (today - timedelta(days=days)).isoformat()}


BELOW_MINIMUM = ListSource(
    name="stock_below_minimum",
    permission="part.view",
    from_sql=_PARTS_FROM,
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(
        *_PART_COLUMNS,
        Column("available", AVAILABLE_SQL, kind="qty", width=75),
        Column("min_qty", "p.min_qty", kind="qty", width=75),
        Column("short_by", f"p.min_qty - {AVAILABLE_SQL}", kind="qty", width=75),
    ),
    search_kind="part",
    default_sort="short_by",
    default_descending=True,
    where_sql=BELOW_MINIMUM_SQL,
)

DEAD_STOCK = ListSource(
    name="stock_dead",
    permission="part.view",
    from_sql=_PARTS_FROM,
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(*_PART_COLUMNS, Column("last_movement_on", "s.last_movement_on", kind="date", width=110)),
    search_kind="part",
    default_sort="last_movement_on",
    where_sql=DEAD_STOCK_SQL,
    params=lambda: dead_before(clock.today()),
)

AGED_STOCK = ListSource(
    name="stock_aged",
    permission="part.view",
    from_sql=_PARTS_FROM,
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(*_PART_COLUMNS, Column("last_receipt_on", LAST_RECEIPT_SQL, kind="date", width=110)),
    search_kind="part",
    default_sort="last_receipt_on",
    where_sql=AGED_STOCK_SQL,
    params=lambda: aged_before(clock.today()),
)

NEGATIVE_ATTEMPTS = ListSource(
    name="stock_refused",
    permission="part.view",
    from_sql="audit_entry a LEFT JOIN part p ON p.id = a.entity_id",
    id_sql="a.seq",
    tiebreak_sql="a.seq",
    columns=(
        Column("at", "a.at", kind="datetime", width=140),
        Column("actor", "a.actor", width=110),
        Column("part_number", "coalesce(p.part_number, '')", width=130),
        Column("summary", "a.summary", sortable=False, width=360),
        Column("part_id", "a.entity_id", sortable=False, width=150),
    ),
    filters=(Filter("since", "a.at >= :value", kind="text"),),
    search_sql="(p.part_number LIKE :search ESCAPE '\\' OR a.actor LIKE :search ESCAPE '\\' "
               "OR a.summary LIKE :search ESCAPE '\\')",
    default_sort="at",
    default_descending=True,
    where_sql=REFUSED_SQL,
)

SOURCES = (BELOW_MINIMUM, DEAD_STOCK, AGED_STOCK, NEGATIVE_ATTEMPTS)


@dataclass(frozen=True)
class StockAlert:
    part_id: str
    brand: str
    part_number: str
    description: str
    bin: str
    on_hand: int
    available: int | None = None  # below minimum only
    min_qty: int | None = None  # below minimum only
    last_movement_on: date | None = None  # dead stock only
    last_receipt_on: date | None = None  # aged stock only


@dataclass(frozen=True)
class RefusedAttempt:
    at: str  # ISO timestamp (UTC) of the audit entry
    actor: str
    part_id: str
    part_number: str
    summary: str


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _rows(db: Database, actor: Actor, src: ListSource, *, limit: int, state: lists.ListState | None = None,
          params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    keys = ["id", *(c.key for c in src.columns)]
    page = lists.fetch_page(db, actor, src.name, state or lists.ListState(), limit=limit, params=params).rows
    return [dict(zip(keys, row, strict=True)) for row in page]


def _alert(row: dict[str, Any]) -> StockAlert:
    return StockAlert(part_id=row["id"], brand=row["brand"], part_number=row["part_number"],
                      description=row["description"], bin=row["bin"], on_hand=row["on_hand"],
                      available=row.get("available"), min_qty=row.get("min_qty"),
                      last_movement_on=_day(row.get("last_movement_on")),
                      last_receipt_on=_day(row.get("last_receipt_on")))


def below_minimum(db: Database, actor: Actor, *, limit: int = 1000) -> list[StockAlert]:
    """Active parts with a minimum whose available stock is below it, largest shortfall first.
    Any thread; reads only."""
    return [_alert(r) for r in _rows(db, actor, BELOW_MINIMUM, limit=limit)]


def dead_stock(db: Database, actor: Actor, *, today: date | None = None, months: int = DEAD_MONTHS,
               limit: int = 1000) -> list[StockAlert]:
    """Parts with stock on hand and no movement for ``months`` months, longest idle first.
    Any thread; reads only."""
    params = dead_before(today or clock.today(), months)
    return [_alert(r) for r in _rows(db, actor, DEAD_STOCK, limit=limit, params=params)]


def aged_stock(db: Database, actor: Actor, *, today: date | None = None, days: int = AGED_DAYS,
               limit: int = 1000) -> list[StockAlert]:
    """Parts with stock on hand whose newest receipt is more than ``days`` days old (see the module
    notes), oldest first. Any thread; reads only."""
    params = aged_before(today or clock.today(), days)
    return [_alert(r) for r in _rows(db, actor, AGED_STOCK, limit=limit, params=params)]


def negative_stock_attempts(db: Database, actor: Actor, *, since: datetime | None = None,
                            limit: int = 500) -> list[RefusedAttempt]:
    """Movements refused because they would have taken stock below zero, newest first.
    Any thread; reads only."""
    filters = {"since": since.strftime("%Y-%m-%dT%H:%M:%S")} if since is not None else {}
    rows = _rows(db, actor, NEGATIVE_ATTEMPTS, limit=limit, state=lists.ListState(filters=filters))
    return [RefusedAttempt(r["at"], r["actor"], r["part_id"], r["part_number"], r["summary"]) for r in rows]
