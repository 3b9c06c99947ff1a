"""Stock counts: count sheets by bin range or category, counted figures, variances, posting.

Each line remembers the ledger's on hand at the moment it was counted (``expected``). Stock that
moves while the count is under way therefore never shows as a variance: a receipt booked before
the shelf was counted is in ``expected`` (and on the shelf); one booked after it is in neither the
count nor ``expected``. Posting records ``counted − expected`` per line as a count variance, which
brings on hand to the counted figure plus whatever moved after the line was counted. A count
variance that another count posted after the line was counted is already part of that figure, so it
is not posted again; and a count cannot be started for parts that an open count already holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.ids import new_id
from core.messages import msg
from core.quantities import check_quantity
from core.status_words import status_word
from models.base import utcnow
from models.parts import StockCount, StockCountLine, StockMovement
from services import settings
from services.billing.totals import line_cost
from services.permissions import require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

EDITABLE = ("open", "counting")


@dataclass(frozen=True)
class CountLineView:
    id: str
    part_id: str
    brand: str
    part_number: str
    description: str
    bin: str
    unit: str
    counted: int | None
    expected: int | None
    variance: int | None  # counted − expected, None until counted
    average_cost: int
    variance_value: int | None  # at the average cost, minor units


@dataclass(frozen=True)
class CountView:
    id: str
    number: str
    status: str
    bin_from: str
    bin_to: str
    category: str
    started_on: date
    posted_on: date | None
    lines: list[CountLineView]

    @property
    def uncounted(self) -> int:
        return sum(1 for line in self.lines if line.counted is None)

    @property
    def variance_value(self) -> int:
        return sum(line.variance_value or 0 for line in self.lines)


@dataclass(frozen=True)
class SheetRow:
    bin: str
    brand: str
    part_number: str
    description: str
    unit: str


@dataclass(frozen=True)
class PostResult:
    movements: int  # count variance movements written
    variance_value: int  # their total at the average cost


def _count(session: Session, count_id: str, *statuses: str) -> StockCount:
    count = session.get(StockCount, count_id)
    if count is None:
        raise NotFound(msg("The stock count no longer exists"))
    if statuses and count.status not in statuses:
        raise ValidationError("status", msg("Count {number} is {status}; it can no longer be changed",
                                            number=count.number, status=status_word(count.status)))
    return count


def start_count_in(uow: UnitOfWork, *, bin_from: str = "", bin_to: str = "", category: str = "",
                on: date | None = None) -> str:
    """Open a count of the active parts in the bin range (inclusive; an empty end is open) and/or
    category, and return its id. Refuses a selection that matches no part."""
    actor, session = uow.actor, uow.session
    require(actor, "stock.count")
    bin_from, bin_to, category = bin_from.strip(), bin_to.strip(), category.strip()
    if bin_from and bin_to and bin_from > bin_to:
        raise ValidationError("bin_to", msg("The bin range ends before it starts ({bin_from} – {bin_to})",
                                            bin_from=bin_from, bin_to=bin_to))
    # A superseded number is counted while it still has stock, or that stock could never be corrected.
    where, params = ["(active = 1 AND superseded_by_id IS NULL OR superseded_by_id IS NOT NULL AND EXISTS "
                     "(SELECT 1 FROM part_stock s WHERE s.part_id = part.id AND s.on_hand != 0))"], {}
    if bin_from:
        where.append("bin >= :bin_from")
        params["bin_from"] = bin_from
    if bin_to:
        # Everything in the last bin counts, including sub-locations such as "B9-2" for "B9".
        where.append("(bin <= :bin_to OR bin LIKE :bin_prefix ESCAPE '\\')")
        params["bin_to"] = bin_to
        params["bin_prefix"] = bin_to.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if category:
        where.append("category = :category")
        params["category"] = category
    on = on or date.today()
    conn = session.connection()
    selection = f"SELECT id FROM part WHERE {' AND '.join(where)}"
    part_ids = [r[0] for r in conn.execute(text(selection), params)]
    field = "bin_from" if (bin_from or bin_to) else "category"
    if not part_ids:
        raise ValidationError(field, msg("No parts match this selection"))
    # Two open counts of one part would each post its variance; the second waits for the first.
    overlapping = [r[0] for r in conn.execute(text(
        "SELECT c.number FROM stock_count c WHERE c.status IN ('open', 'counting') AND EXISTS "
        f"(SELECT 1 FROM stock_count_line l WHERE l.count_id = c.id AND l.part_id IN ({selection})) "
        "ORDER BY c.number"), params)]
    if overlapping:
        raise ValidationError(field, msg("Count {items} is still open for some of these parts; post or cancel it "
                                         "first", items=', '.join(overlapping)))
    number = settings.next_number(session, "stock_count", on=on)
    count = StockCount(number=number, status="open", bin_from=bin_from, bin_to=bin_to, category=category,
                       started_on=on)
    session.add(count)
    session.flush()
    now = utcnow()
    conn.execute(StockCountLine.__table__.insert(), [
        {"id": new_id(), "count_id": count.id, "part_id": part_id, "counted": None, "expected": None,
         "counted_at": None, "ledger_mark": "", "created_at": now, "created_by": actor.username,
         "updated_at": now, "updated_by": actor.username} for part_id in part_ids])
    uow.audit([Change("insert", "stock_count_line", count.id, None, {"lines": len(part_ids)},
                                   summary=msg("Count {number}: {parts} parts to count", number=number,
                                               parts=len(part_ids)))])
    return count.id


start_count = action(start_count_in)


def enter_count_in(uow: UnitOfWork, count_id: str, part_id: str, counted: int) -> None:
    """Record what was counted of a part (thousandths) together with the ledger's on hand at this
    moment; entering a part again replaces its figure."""
    actor, session = uow.actor, uow.session
    require(actor, "stock.count")
    if check_quantity("counted", counted) < 0:
        raise ValidationError("counted", msg("A counted quantity cannot be negative"))
    count = _count(session, count_id, *EDITABLE)
    line = session.execute(select(StockCountLine).where(StockCountLine.count_id == count_id,
                                                        StockCountLine.part_id == part_id)).scalar_one_or_none()
    if line is None:
        raise ValidationError("part_id", msg("The part is not on count {number}", number=count.number))
    on_hand, mark = session.execute(
        select(func.coalesce(func.sum(StockMovement.quantity), 0), func.coalesce(func.max(StockMovement.id), ""))
        .where(StockMovement.part_id == part_id)).one()
    line.counted, line.expected, line.ledger_mark = counted, on_hand, mark
    line.counted_at = utcnow()
    if count.status == "open":
        count.status = "counting"


enter_count = action(enter_count_in)


def _lines(session_or_conn, count_id: str) -> list[CountLineView]:
    rows = session_or_conn.execute(text(
        "SELECT l.id, l.part_id, b.name, p.part_number, p.description, p.bin, p.unit, l.counted, l.expected, "
        "coalesce(s.average_cost, 0) "
        "FROM stock_count_line l JOIN part p ON p.id = l.part_id JOIN brand b ON b.id = p.brand_id "
        "LEFT JOIN part_stock s ON s.part_id = l.part_id "
        "WHERE l.count_id = :count ORDER BY p.bin, b.name, p.part_number"), {"count": count_id}).all()
    out = []
    for r in rows:
        counted, expected, cost = r[7], r[8], r[9]
        variance = None if counted is None else counted - expected
        value = None if variance is None else line_cost(quantity_milli=variance, unit_cost=cost)
        out.append(CountLineView(id=r[0], part_id=r[1], brand=r[2], part_number=r[3], description=r[4], bin=r[5],
                                 unit=r[6], counted=counted, expected=expected, variance=variance,
                                 average_cost=cost, variance_value=value))
    return out


def get_count(db: Database, actor: Actor, count_id: str) -> CountView:
    """The count with every line: the variance report (variances of counted lines at the average
    cost). Any thread; reads only."""
    require(actor, "part.view")
    with db.read() as conn:
        count = conn.execute(select(StockCount.__table__).where(StockCount.id == count_id)).first()
        if count is None:
            raise NotFound(msg("The stock count no longer exists"))
        return CountView(id=count.id, number=count.number, status=count.status, bin_from=count.bin_from,
                         bin_to=count.bin_to, category=count.category, started_on=count.started_on,
                         posted_on=count.posted_on, lines=_lines(conn, count_id))


def variance_report(db: Database, actor: Actor, count_id: str) -> list[CountLineView]:
    """Counted lines whose count differs from the ledger, largest value first."""
    view = get_count(db, actor, count_id)
    rows = [line for line in view.lines if line.variance]
    return sorted(rows, key=lambda line: (-abs(line.variance_value or 0), line.bin, line.part_number))


def count_sheet(db: Database, actor: Actor, count_id: str) -> list[SheetRow]:
    """The rows of a count sheet in walking order (bin, then part), without expected figures so the
    count is blind. Any thread; reads only."""
    view = get_count(db, actor, count_id)
    return [SheetRow(bin=line.bin, brand=line.brand, part_number=line.part_number, description=line.description,
                     unit=line.unit) for line in view.lines]


def post_count_in(uow: UnitOfWork, count_id: str, *, on: date | None = None) -> PostResult:
    """Post the count variances of every counted line as ledger movements and make the count final.
    Uncounted lines change nothing."""
    actor, session = uow.actor, uow.session
    require(actor, "stock.adjust")
    from services.parts import stock

    on = on or date.today()
    count = _count(session, count_id, *EDITABLE)
    lines = [line for line in _lines(session, count_id) if line.counted is not None]
    marks = dict(session.execute(select(StockCountLine.id, StockCountLine.ledger_mark)
                                 .where(StockCountLine.count_id == count_id)).all())
    movements = 0
    value = 0
    for line in lines:
        # Another count's variance posted after this line was counted already brought on hand to a
        # counted figure: measured against ``expected`` alone, it would be posted a second time.
        settled = session.execute(
            select(func.coalesce(func.sum(StockMovement.quantity), 0))
            .where(StockMovement.part_id == line.part_id, StockMovement.kind == "count_variance",
                   StockMovement.id > marks[line.id])).scalar_one()
        expected = line.expected + settled
        moved = stock.count_to(session, part_id=line.part_id, counted=line.counted, expected=expected,
                               moved_on=on, reference=count.number, source_id=line.id)
        if moved is not None:
            movements += 1
            value += line_cost(quantity_milli=line.counted - expected, unit_cost=line.average_cost)
    count.status = "posted"
    count.posted_on = on
    return PostResult(movements=movements, variance_value=value)


post_count = action(post_count_in)


def cancel_count_in(uow: UnitOfWork, count_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "stock.count")
    count = _count(session, count_id, *EDITABLE)
    count.status = "cancelled"


cancel_count = action(cancel_count_in)


def count_sheet_pdf(db: Database, actor: Actor, count_id: str, out: Path) -> Path:
    """Write the count sheet as a PDF to ``out`` (atomically) and return the path. Worker thread."""
    from reportlab.lib.units import mm

    from services.reports import pdf

    view = get_count(db, actor, count_id)
    rows = [(line.bin, line.brand, line.part_number, line.description, line.unit, "") for line in view.lines]
    selection = ", ".join(filter(None, [
        f"bins {view.bin_from or '…'} – {view.bin_to or '…'}" if view.bin_from or view.bin_to else "",
        f"category {view.category}" if view.category else ""])) or "all parts"

    def render(path: Path) -> None:
        story = [pdf.para(f"Stock count {view.number}", "name"),
                 pdf.para(f"Started {view.started_on.isoformat()} · {selection} · {len(rows)} parts"),
                 pdf.data_table(["Bin", "Brand", "Part number", "Description", "Unit", "Counted"], rows,
                                widths=[22 * mm, 25 * mm, 35 * mm, 63 * mm, 12 * mm, 23 * mm], align="LLLLLR",
                                wrap=(3,))]
        pdf.build(path, story, frame=pdf.PageFrame(footer=f"Stock count {view.number}"),
                  title=f"Stock count {view.number}")

    return pdf.write(out, render)


SHEET_COLUMNS = ("bin", "brand", "part_number", "description", "unit", "counted")


def count_sheet_file(db: Database, actor: Actor, count_id: str, out: Path) -> Path:
    """Write the count sheet as .xlsx or .csv (by extension) with an empty ``counted`` column: filled in
    on the floor, the same file imports back as ``forecourt import stock-count``. Worker thread."""
    from services.files import write_table

    rows = [(r.bin, r.brand, r.part_number, r.description, r.unit, None) for r in count_sheet(db, actor, count_id)]
    write_table(out, SHEET_COLUMNS, [rows], total=len(rows), sheet="count", widths=[12, 16, 20, 40, 8, 10])
    return Path(out)
