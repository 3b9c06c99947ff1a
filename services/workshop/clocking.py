"""Technicians' time on jobs: clock on, clock off, and who is still clocked on.

A technician is on one job at a time: clocking onto a job while on another (or while on time off
jobs, :mod:`services.workshop.attendance`) clocks off the other at the same moment. Clocking on
clocks the technician in for the day if they were not in yet. Clocking someone else on or off is the
foreman's (``workshop.clock_others``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.status_words import status_word
from models.admin import User
from models.attendance import Attendance
from models.workshop import Clocking, RepairOrder
from services.permissions import require
from services.users import person_name
from services.workshop.orders import job_of
from services.workshop.rules import CLOCKABLE
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass(frozen=True)
class OpenClocking:
    id: str
    technician: str
    repair_order_number: str  # empty for time off jobs
    job_id: str | None
    started_at: datetime
    reason: str = ""  # the reason code of time off jobs


def whose_time(actor: Actor, technician: str | None) -> tuple[str, str]:
    """Who is clocked, and the permission that takes: their own time, or someone else's."""
    name = (technician or "").strip() or actor.username
    return name, "workshop.clock" if name == actor.username else "workshop.clock_others"


def known(session: Session, name: str) -> None:
    if session.execute(select(User.id).where(User.username == name)).first() is None:
        raise ValidationError("technician", msg("There is no user called '{name}'", name=name))


def open_of(session: Session, technician: str) -> Clocking | None:
    """The technician's clocking still running (on a job or off jobs), if any."""
    return session.execute(select(Clocking).where(Clocking.technician == technician, Clocking.ended_at.is_(None))
                           .order_by(Clocking.started_at)).scalars().first()


def open_attendance(session: Session, technician: str) -> Attendance | None:
    return session.execute(select(Attendance).where(Attendance.technician == technician,
                                                    Attendance.ended_at.is_(None))
                           .order_by(Attendance.started_at)).scalars().first()


def attend(session: Session, technician: str, at: datetime) -> None:
    """Clock ``technician`` in at ``at`` unless they are in already (clocking on a job needs no
    separate clock-in)."""
    if open_attendance(session, technician) is None:
        session.add(Attendance(technician=technician, started_at=at))


def end(clocking: Clocking | Attendance, at: datetime) -> None:
    """End a clocking or a stretch of attendance at ``at``, refusing an end before its start."""
    if at < clocking.started_at:
        raise ValidationError("at", msg("A clocking cannot end before it started ({started_at} UTC)",
                                        started_at=clocking.started_at.isoformat(sep=' ', timespec='minutes')))
    clocking.ended_at = at


def clock_on_in(uow: UnitOfWork, job_id: str, *, technician: str | None = None, at: datetime | None = None) -> str:
    """Clock ``technician`` (default: the acting user) on ``job_id`` at ``at`` (default now, UTC),
    clocking them off the job they were on; the repair order goes in progress. Returns the
    clocking id."""
    session = uow.session
    who, permission = whose_time(uow.actor, technician)
    require(uow.actor, permission)
    if who != uow.actor.username:
        known(session, who)
    job, ro = job_of(session, job_id)
    if ro.status not in CLOCKABLE:
        raise ValidationError("job", msg("Repair order {number} is {status}: nobody can clock on it",
                                         number=ro.number, status=status_word(ro.status)))
    when = at or uow.now
    current = open_of(session, who)
    if current is not None:
        if current.job_id == job.id:
            raise ValidationError("job", msg("{who} is already clocked on this job", who=person_name(session, who)))
        end(current, when)
    attend(session, who, when)
    clocking = Clocking(repair_order_id=ro.id, job_id=job.id, technician=who, started_at=when)
    session.add(clocking)
    if ro.status == "open":
        ro.status = "in_progress"
    session.flush()
    return clocking.id


clock_on = action(clock_on_in)


def clock_off_in(uow: UnitOfWork, *, technician: str | None = None, at: datetime | None = None) -> str:
    """Clock ``technician`` (default: the acting user) off the job (or the time off jobs) they are
    on; they stay clocked in. Returns the clocking id. Refused when they are on none."""
    session = uow.session
    who, permission = whose_time(uow.actor, technician)
    require(uow.actor, permission)
    current = open_of(session, who)
    if current is None:
        raise ValidationError("technician", msg("{who} is not clocked on any job", who=person_name(session, who)))
    end(current, at or uow.now)
    return current.id


clock_off = action(clock_off_in)


def open_clockings(db: Database, actor: Actor, *, repair_order_id: str | None = None) -> list[OpenClocking]:
    """Clockings not yet ended (missing clock-offs), on jobs and off them, oldest first. Any thread;
    reads only."""
    require(actor, "workshop.view")
    c = Clocking
    query = (select(c.id, c.technician, func.coalesce(RepairOrder.number, ""), c.job_id, c.started_at, c.reason)
             .outerjoin(RepairOrder, RepairOrder.id == c.repair_order_id).where(c.ended_at.is_(None)))
    if repair_order_id:
        query = query.where(c.repair_order_id == repair_order_id)
    with db.read() as conn:
        return [OpenClocking(*r) for r in conn.execute(query.order_by(c.started_at))]

