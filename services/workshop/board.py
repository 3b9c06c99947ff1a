"""The foreman's board: every job of the repair orders not yet invoiced, by status and technician,
with who is clocked on it now and whether it is late (past the promised time and not completed);
and giving a job to another technician (dispatch, 派工).

A job's technician is the one the foreman gave it to, or, before anyone did, the technician of its
first labour line that names one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, literal_column, select

from core import clock
from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.status_words import status_word
from models.admin import User
from models.crm import Customer
from models.vehicles import Vehicle
from models.workshop import Clocking, RepairJob, RepairLabourLine, RepairOrder
from services.permissions import require
from services.workshop.attendance import Technician, technicians
from services.workshop.orders import job_of
from services.workshop.rules import EDITABLE
from store.database import Database
from store.uow import UnitOfWork, action

# The board's columns, in the order of the work.
BOARD_STATUSES = ("open", "in_progress", "waiting_parts", "quality_check", "completed")


@dataclass(frozen=True)
class Card:
    repair_order_id: str
    number: str
    status: str
    plate: str
    customer_name: str
    job_id: str | None  # None: a repair order without jobs yet
    job_no: int | None
    description: str
    technician: str  # empty: nobody yet
    promised_at: datetime | None
    late: bool
    clocked: tuple[str, ...]  # who is clocked on the job now


@dataclass(frozen=True)
class Board:
    technicians: list[Technician]  # the rows, by user name; anyone a card names is among them
    cards: list[Card]  # by promised time (none last), then number and job
    at: datetime  # the moment "late" was judged at (UTC)


def board(db: Database, actor: Actor, *, now: datetime | None = None) -> Board:
    """The board as it stands. Any thread; reads only."""
    require(actor, "workshop.view")
    at = now or clock.now()
    ro = RepairOrder
    with db.read() as conn:
        orders = conn.execute(select(ro.id, ro.number, ro.status, ro.promised_at, Vehicle.plate, Customer.name)
                              .join(Vehicle, Vehicle.id == ro.vehicle_id).join(Customer, Customer.id == ro.customer_id)
                              # Open repair orders are a few hundred among hundreds of thousands settled, which
                              # the planner's statistics (an average per status) do not show: say so.
                              .where(func.likelihood(ro.status.in_(BOARD_STATUSES), literal_column("0.001")))).all()
        ids = [o.id for o in orders]
        jobs = conn.execute(select(RepairJob.id, RepairJob.repair_order_id, RepairJob.job_no, RepairJob.description,
                                   RepairJob.technician).where(RepairJob.repair_order_id.in_(ids))
                            .order_by(RepairJob.job_no)).all()
        job_ids = [j.id for j in jobs]
        first_line: dict[str, str] = {}
        for job_id, tech in conn.execute(select(RepairLabourLine.job_id, RepairLabourLine.technician)
                                         .where(RepairLabourLine.job_id.in_(job_ids), RepairLabourLine.technician != "")
                                         .order_by(RepairLabourLine.line_no)):
            first_line.setdefault(job_id, tech)
        clocked: dict[str, list[str]] = {}
        for job_id, tech in conn.execute(select(Clocking.job_id, Clocking.technician)
                                         .where(Clocking.job_id.in_(job_ids), Clocking.ended_at.is_(None))
                                         .order_by(Clocking.technician)):
            clocked.setdefault(job_id, []).append(tech)
    people = technicians(db, actor)
    by_order: dict[str, list] = {}
    for j in jobs:
        by_order.setdefault(j.repair_order_id, []).append(j)
    cards = []
    for o in orders:
        late = o.promised_at is not None and o.promised_at < at and o.status != "completed"
        common = dict(repair_order_id=o.id, number=o.number, status=o.status, plate=o.plate or "",
                      customer_name=o.name, promised_at=o.promised_at, late=late)
        if o.id not in by_order:
            cards.append(Card(**common, job_id=None, job_no=None, description="", technician="", clocked=()))
        for j in by_order.get(o.id, []):
            cards.append(Card(**common, job_id=j.id, job_no=j.job_no, description=j.description,
                              technician=j.technician or first_line.get(j.id, ""),
                              clocked=tuple(clocked.get(j.id, ()))))
    cards.sort(key=lambda c: (c.promised_at is None, c.promised_at or at, c.number, c.job_no or 0))
    known = {t.username for t in people}
    extra = sorted({c.technician for c in cards if c.technician and c.technician not in known})
    return Board(sorted([*people, *(Technician(name, "") for name in extra)], key=lambda t: t.username), cards, at)


def assign_job_in(uow: UnitOfWork, job_id: str, technician: str) -> None:
    """Give a job to ``technician`` (empty: to nobody); its labour lines that named the previous
    technician, or nobody, name the new one, so the hours sold follow the work."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    job, ro = job_of(session, job_id)
    if ro.status not in EDITABLE:
        raise ValidationError("status", msg("Repair order {number} is {status}: its work can no longer change",
                                            number=ro.number, status=status_word(ro.status)))
    name = (technician or "").strip()
    if name and session.execute(select(User.id).where(User.username == name)).first() is None:
        raise ValidationError("technician", msg("There is no user called '{username}'", username=name))
    lines = list(session.execute(select(RepairLabourLine).where(RepairLabourLine.job_id == job.id)
                                 .order_by(RepairLabourLine.line_no)).scalars())
    previous = job.technician or next((line.technician for line in lines if line.technician), "")
    if name == previous:
        return
    job.technician = name
    for line in lines:
        if line.technician in ("", previous):
            line.technician = name


assign_job = action(assign_job_in)
