"""Parts for repair orders through the stock ledger: reserve them for the repair order (reservations
``for_reference`` its number), issue them to the job (movement ``issue``: they leave stock here, at the
moving average of that moment), return what was not used (``return_from_job``, at the cost it left
at) and release what is reserved but no longer wanted.

Issued parts have left stock for good when the repair order is invoiced: a workshop invoice does not
move them again (:data:`services.parts.selling.STOCK_KINDS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import Message, msg
from core.money import round_half_up
from core.quantities import check_quantity, quantity_text
from core.status_words import status_word
from models.parts import Part, StockMovement
from models.workshop import RepairJob, RepairOrder, RepairPartLine
from services.parts import catalogue, stock
from services.permissions import require
from services.workshop.orders import repair_order
from services.workshop.rules import EDITABLE
from store.database import Database
from store.uow import UnitOfWork, action


def _line(session: Session, line_id: str) -> tuple[RepairPartLine, RepairOrder]:
    line = session.get(RepairPartLine, line_id)
    if line is None:
        raise NotFound(msg("The parts line no longer exists"))
    job = session.get(RepairJob, line.job_id)
    ro = repair_order(session, job.repair_order_id)
    if ro.status not in EDITABLE:
        raise ValidationError("status", msg("Repair order {number} is {status}: its parts can no longer move",
                                            number=ro.number, status=status_word(ro.status)))
    return line, ro


def _nothing_left(what: str) -> Message:
    return {"reserve": msg("Nothing is left to reserve on this line"),
            "issue": msg("Nothing is left to issue on this line"),
            "return": msg("Nothing is left to return on this line"),
            "release": msg("Nothing is left to release on this line")}[what]


def _at_most(what: str, most: int) -> Message:
    quantity = quantity_text(most)
    return {"reserve": msg("Only {quantity} can be reserved on this line", quantity=quantity),
            "issue": msg("Only {quantity} can be issued on this line", quantity=quantity),
            "return": msg("Only {quantity} can be returned on this line", quantity=quantity),
            "release": msg("Only {quantity} can be released on this line", quantity=quantity)}[what]


def _quantity(field: str, quantity: int | None, default: int, *, most: int, what: str) -> int:
    quantity = default if quantity is None else check_quantity(field, quantity)
    if quantity <= 0:
        raise ValidationError(field, _nothing_left(what))
    if quantity > most:
        raise ValidationError(field, _at_most(what, most))
    return quantity


def _take_reserved(session: Session, line: RepairPartLine, ro: RepairOrder, quantity: int) -> None:
    """The ledger consumes the repair order's reservations of a part oldest first, whichever of its
    lines made them; the lines' ``reserved`` follow, this line first."""
    if quantity <= 0:
        return
    lines = [line, *session.execute(
        select(RepairPartLine).join(RepairJob, RepairJob.id == RepairPartLine.job_id)
        .where(RepairJob.repair_order_id == ro.id, RepairPartLine.part_id == line.part_id,
               RepairPartLine.id != line.id, RepairPartLine.reserved > 0).order_by(RepairPartLine.id)).scalars()]
    for other in lines:
        taken = min(other.reserved, quantity)
        other.reserved -= taken
        quantity -= taken
        if quantity == 0:
            break


def reserve_part_in(uow: UnitOfWork, line_id: str, quantity: int | None = None) -> str:
    """Set stock aside for the line (default: what it still needs); returns the reservation id.
    Refuses more than is available (:class:`InsufficientStock`)."""
    require(uow.actor, "workshop.parts")
    session = uow.session
    line, ro = _line(session, line_id)
    needed = line.quantity - line.reserved - (line.issued - line.returned)
    quantity = _quantity("quantity", quantity, needed, most=max(needed, 0), what="reserve")
    reservation_id = stock.add_reservation(session, part_id=line.part_id, quantity=quantity, for_reference=ro.number)
    line.reserved += quantity
    return reservation_id


reserve_part = action(reserve_part_in)


def issue_part_in(uow: UnitOfWork, line_id: str, quantity: int | None = None, *, on: date | None = None) -> str:
    """Issue the line's part to its job (default: all that is reserved, else what it still needs);
    returns the movement id. Stock reserved for the repair order is its own; anything beyond takes
    what is available to all."""
    require(uow.actor, "workshop.parts")
    session = uow.session
    line, ro = _line(session, line_id)
    out = line.issued - line.returned
    default = line.reserved or max(line.quantity - out, 0)
    quantity = _quantity("quantity", quantity, default, most=max(default, line.quantity - out, line.reserved),
                         what="issue")
    movement_id = stock.record_movement(session, part_id=line.part_id, kind="issue", quantity=-quantity,
                                        moved_on=on or date.today(), reference=ro.number, source_id=line.id,
                                        for_reference=ro.number)
    cost = session.execute(select(StockMovement.unit_cost)
                           .where(StockMovement.id == movement_id)).scalar_one()
    _take_reserved(session, line, ro, quantity)
    # What is out is costed at the average of what went out, so the invoice line carries real cost.
    line.unit_cost = round_half_up(Decimal(out * line.unit_cost + quantity * cost) / (out + quantity))
    line.issued += quantity
    if ro.status == "open":
        ro.status = "in_progress"
    return movement_id


issue_part = action(issue_part_in)


def return_part_in(uow: UnitOfWork, line_id: str, quantity: int | None = None, *, on: date | None = None) -> str:
    """Bring unused parts of the line back into stock at the cost they left at (default: all that is
    out); returns the movement id."""
    require(uow.actor, "workshop.parts")
    session = uow.session
    line, ro = _line(session, line_id)
    out = line.issued - line.returned
    quantity = _quantity("quantity", quantity, out, most=out, what="return")
    movement_id = stock.record_movement(session, part_id=line.part_id, kind="return_from_job", quantity=quantity,
                                        unit_cost=line.unit_cost, moved_on=on or date.today(), reference=ro.number,
                                        source_id=line.id)
    line.returned += quantity
    return movement_id


return_part = action(return_part_in)


def release_part_in(uow: UnitOfWork, line_id: str, quantity: int | None = None) -> None:
    """Give back to stock what is reserved for the line and no longer wanted (default: all of it)."""
    require(uow.actor, "workshop.parts")
    session = uow.session
    line, ro = _line(session, line_id)
    quantity = _quantity("quantity", quantity, line.reserved, most=line.reserved, what="release")
    stock.release_for(session, part_id=line.part_id, for_reference=ro.number, quantity=quantity)
    line.reserved -= quantity


release_part = action(release_part_in)


@dataclass(frozen=True)
class PartFound:
    id: str
    part_number: str
    description: str
    retail_price: int | None  # None: the reader may not see amounts


def part_by_number(db: Database, actor: Actor, number: str) -> PartFound | None:
    """The catalogue part a number typed on a repair order means (following supersession), or None
    when there is no such number or it is ambiguous across brands. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        ids = catalogue.lookup_number(conn, number)
        if len(ids) != 1:
            return None
        row = conn.execute(select(Part.id, Part.part_number, Part.description, Part.retail_price)
                           .where(Part.id == ids[0])).one()
    return PartFound(row.id, row.part_number, row.description,
                     row.retail_price if actor.can("workshop.costs") else None)
