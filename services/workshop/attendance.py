"""Technicians' attendance and time off jobs, and the foreman's corrections of clocked times.

- Clocking in and out: one open stretch of attendance per technician. Clocking out clocks them off
  whatever they are on at the same moment.
- Time off jobs (cleaning, training, waiting for parts …) is a clocking with a reason code and no
  job; like a job, it clocks the technician off what they were on, and in if they were not in.
- Corrections of clocked or attended times are the foreman's (``workshop.correct_time``), never of
  their own times, and each is audited with the times before and after and the reason given. They
  keep the clock's rules: a clocking lies within one stretch of its technician's attendance, and a
  corrected stretch still holds the clockings that lay in it (one still running keeps it open).

The reason codes are a table the foreman adds to (:func:`save_reason`); until anyone does, the
built-in ones (:data:`DEFAULT_REASONS`) are offered, and the first change writes them first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, func, or_, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from models.admin import RolePermission, User
from models.attendance import Attendance, ClockingReason
from models.vehicles import Vehicle
from models.workshop import Clocking, RepairJob, RepairLabourLine, RepairOrder
from services.permissions import require
from services.users import person_name
from services.workshop.clocking import attend, end, known, open_attendance, open_of, whose_time
from services.workshop.rules import CLOCKABLE
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

# (code, English description) in the clock's order.
DEFAULT_REASONS: tuple[tuple[str, str], ...] = (
    ("cleaning", "Cleaning"),
    ("training", "Training"),
    ("waiting_parts", "Waiting for parts"),
    ("waiting_work", "Waiting for work"),
    ("equipment", "Tool and equipment upkeep"),
)

# A correction may not make one stretch longer than this: a typing slip, not a shift.
LONGEST = timedelta(hours=24)


@dataclass(frozen=True)
class Reason:
    code: str
    description: str
    active: bool = True


@dataclass(frozen=True)
class Technician:
    username: str
    display_name: str


@dataclass(frozen=True)
class CurrentWork:
    """What a technician is clocked on now: a job (``repair_order_number``, ``job_no``,
    ``description``) or time off jobs (``reason``)."""

    clocking_id: str
    since: datetime
    repair_order_number: str = ""
    job_id: str | None = None
    job_no: int | None = None
    description: str = ""
    reason: str = ""


@dataclass(frozen=True)
class TechnicianStatus:
    technician: str
    attending_since: datetime | None  # None: not clocked in
    current: CurrentWork | None


@dataclass(frozen=True)
class JobChoice:
    id: str
    job_no: int
    description: str
    technician: str


@dataclass(frozen=True)
class OrderJobs:
    """A repair order found by its number, with the jobs a technician may clock on."""

    id: str
    number: str
    status: str
    plate: str
    clockable: bool
    jobs: list[JobChoice] = field(default_factory=list)


@dataclass(frozen=True)
class TimeEntry:
    """One clocking or stretch of attendance, as the clock screen and the correction dialog show it."""

    id: str
    kind: str  # "attendance" | "job" | "reason"
    technician: str
    started_at: datetime
    ended_at: datetime | None
    repair_order_number: str = ""
    job_no: int | None = None
    description: str = ""
    reason: str = ""
    corrected_by: str = ""


# --- reasons ----------------------------------------------------------------------------------------

def _reason_rows(conn_or_session) -> list[Reason]:
    rows = conn_or_session.execute(select(ClockingReason.code, ClockingReason.description, ClockingReason.active)
                                   .order_by(ClockingReason.sort_order, ClockingReason.code)).all()
    if not rows:
        return [Reason(code, description) for code, description in DEFAULT_REASONS]
    return [Reason(*r) for r in rows]


def reasons(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[Reason]:
    """The reasons for time off jobs, in the clock's order. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return [r for r in _reason_rows(conn) if include_inactive or r.active]


def _ensure_reasons(session: Session) -> None:
    if session.execute(select(ClockingReason.code).limit(1)).first() is None:
        session.add_all(ClockingReason(code=code, description=description, sort_order=i * 10)
                        for i, (code, description) in enumerate(DEFAULT_REASONS, start=1))
        session.flush()


def save_reason_in(uow: UnitOfWork, code: str, description: str, *, active: bool = True,
                   new: bool = False) -> str:
    """Add a reason for time off jobs (``new``) or change one's description or whether it is offered;
    returns its code (lower case, words joined by ``_``). A new reason whose code is taken is refused
    (it would replace the reason it names), and any reason whose description is another's, ignoring
    case and spacing, is refused: the clock would offer two buttons reading the same."""
    require(uow.actor, "workshop.catalogue")
    session = uow.session
    code = "_".join((code or "").strip().lower().split())
    if not code:
        raise ValidationError("code", msg("A reason needs a code"))
    if len(code) > 40:
        raise ValidationError("code", msg("is longer than {limit} characters", limit=40))
    description = " ".join((description or "").split())
    if not description:
        raise ValidationError("description", msg("A reason needs a description"))
    if len(description) > 120:
        raise ValidationError("description", msg("is longer than {limit} characters", limit=120))
    _ensure_reasons(session)
    row = session.get(ClockingReason, code)
    if row is not None and new:
        raise ValidationError("code", msg("There is already a reason with the code '{code}' ({description})",
                                          code=code, description=row.description))
    wanted = description.casefold()
    for other, named in session.execute(select(ClockingReason.code, ClockingReason.description)
                                        .where(ClockingReason.code != code)):
        if named.casefold() == wanted or other == "_".join(wanted.split()):
            raise ValidationError("description", msg("The reason '{code}' is already called '{description}'",
                                                     code=other, description=named))
        if "_".join(named.casefold().split()) == code:
            raise ValidationError("code", msg("The code '{code}' is the reason '{other}' ({description})",
                                              code=code, other=other, description=named))
    if row is None:
        last = session.execute(select(func.max(ClockingReason.sort_order))).scalar() or 0
        session.add(ClockingReason(code=code, description=description, sort_order=last + 10, active=active))
    else:
        row.description, row.active = description, active
    session.flush()
    return code


save_reason = action(save_reason_in)


def _check_reason(session: Session, code: str) -> str:
    code = (code or "").strip().lower()
    offered = {r.code for r in _reason_rows(session) if r.active}
    if code not in offered:
        raise ValidationError("reason", msg("Choose a reason for the time off jobs"))
    return code


# --- attendance -------------------------------------------------------------------------------------

def _known_other(uow: UnitOfWork, who: str) -> None:
    if who != uow.actor.username:
        known(uow.session, who)


def clock_in_in(uow: UnitOfWork, *, technician: str | None = None, at: datetime | None = None) -> str:
    """Clock ``technician`` (default: the acting user) in at ``at`` (default now, UTC); returns the
    attendance id. Refused while they are in already."""
    session = uow.session
    who, permission = whose_time(uow.actor, technician)
    require(uow.actor, permission)
    _known_other(uow, who)
    if open_attendance(session, who) is not None:
        raise ValidationError("technician", msg("{who} is already clocked in", who=person_name(session, who)))
    row = Attendance(technician=who, started_at=at or uow.now)
    session.add(row)
    session.flush()
    return row.id


clock_in = action(clock_in_in)


def clock_out_in(uow: UnitOfWork, *, technician: str | None = None, at: datetime | None = None) -> str:
    """Clock ``technician`` (default: the acting user) out at ``at`` (default now), clocking them off
    the job or time off jobs they are on at the same moment; returns the attendance id."""
    session = uow.session
    who, permission = whose_time(uow.actor, technician)
    require(uow.actor, permission)
    _known_other(uow, who)
    row = open_attendance(session, who)
    if row is None:
        raise ValidationError("technician", msg("{who} is not clocked in", who=person_name(session, who)))
    when = at or uow.now
    current = open_of(session, who)
    if current is not None:
        end(current, when)
    end(row, when)
    return row.id


clock_out = action(clock_out_in)


def start_reason_in(uow: UnitOfWork, reason: str, *, technician: str | None = None,
                    at: datetime | None = None) -> str:
    """Clock ``technician`` (default: the acting user) onto time off jobs for ``reason`` at ``at``
    (default now), off what they were on and in if they were not; returns the clocking id."""
    session = uow.session
    who, permission = whose_time(uow.actor, technician)
    require(uow.actor, permission)
    _known_other(uow, who)
    code = _check_reason(session, reason)
    when = at or uow.now
    current = open_of(session, who)
    if current is not None:
        if current.job_id is None and current.reason == code:
            raise ValidationError("reason", msg("{who} is already clocked on this", who=person_name(session, who)))
        end(current, when)
    attend(session, who, when)
    row = Clocking(repair_order_id=None, job_id=None, technician=who, started_at=when, reason=code)
    session.add(row)
    session.flush()
    return row.id


start_reason = action(start_reason_in)


# --- corrections ------------------------------------------------------------------------------------

def _times(row: Clocking | Attendance) -> dict[str, str | None]:
    return {"started_at": row.started_at.isoformat(sep=" ", timespec="seconds"),
            "ended_at": row.ended_at.isoformat(sep=" ", timespec="seconds") if row.ended_at else None}


def _shown(moment: datetime | None) -> str:
    """A stored (naive UTC) moment as the local wall time the screens show, to the minute."""
    if moment is None:
        return "…"
    return clock.local_time(moment).strftime("%Y-%m-%d %H:%M")


def _clocking_label(session: Session, row: Clocking):
    if row.job_id is None:
        return msg("time off jobs ({reason})", reason=row.reason)
    found = session.execute(select(RepairOrder.number, RepairJob.job_no).join(
        RepairJob, RepairJob.repair_order_id == RepairOrder.id).where(RepairJob.id == row.job_id)).first()
    return msg("job {job_no} of {number}", job_no=found.job_no if found else "?",
               number=found.number if found else "?")


def _inside_attendance(session: Session, row: Clocking, started_at: datetime, ended_at: datetime) -> None:
    """A clocking lies within one stretch of its technician's attendance (their other stretches as
    they stand)."""
    a = Attendance
    holder = session.execute(select(a.id).where(
        a.technician == row.technician, a.started_at <= started_at,
        or_(a.ended_at.is_(None), a.ended_at >= ended_at)).limit(1)).first()
    if holder is None:
        raise ValidationError("started_at", msg(
            "{start}–{end} is not within one of {who}'s attendances: correct the attendance first",
            start=_shown(started_at), end=_shown(ended_at), who=row.technician))


def _keeps_clockings(session: Session, row: Attendance, started_at: datetime, ended_at: datetime) -> None:
    """A corrected stretch of attendance still holds the clockings that lay in it (a clocking still
    running needs its attendance open)."""
    c = Clocking
    inside = session.execute(select(c).where(
        c.technician == row.technician, c.started_at >= row.started_at,
        *([c.started_at < row.ended_at] if row.ended_at is not None else []))
        .order_by(c.started_at)).scalars()
    for clocking in inside:
        if clocking.started_at < started_at or clocking.ended_at is None or clocking.ended_at > ended_at:
            raise ValidationError("ended_at" if clocking.started_at >= started_at else "started_at", msg(
                "The clocking on {what} ({start}–{end}) would lie outside the attendance: correct or clock "
                "it off first", what=_clocking_label(session, clocking), start=_shown(clocking.started_at),
                end=_shown(clocking.ended_at)))


def _correct(uow: UnitOfWork, row: Clocking | Attendance, started_at: datetime, ended_at: datetime,
             note: str) -> None:
    actor = uow.actor
    if row.technician == actor.username:
        raise ValidationError("technician", msg("Nobody may correct their own times; another foreman corrects "
                                                "them"))
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError("note", msg("Say why the times are corrected"))
    if ended_at is None:
        raise ValidationError("ended_at", msg("Give the time it ended"))
    if ended_at < started_at:
        raise ValidationError("ended_at", msg("The end is before the start"))
    if ended_at > uow.now:
        raise ValidationError("ended_at", msg("The end is in the future"))
    if ended_at - started_at > LONGEST:
        raise ValidationError("ended_at", msg("A stretch of more than {hours} hours is not a correction",
                                              hours=int(LONGEST.total_seconds() // 3600)))
    model = type(row)
    overlap = uow.session.execute(select(model.id).where(
        model.technician == row.technician, model.id != row.id, model.started_at < ended_at,
        or_(model.ended_at.is_(None), model.ended_at > started_at)).limit(1)).first()
    if overlap is not None:
        raise ValidationError("started_at", msg("These times overlap another of {who}'s times", who=row.technician))
    if isinstance(row, Clocking):
        _inside_attendance(uow.session, row, started_at, ended_at)
    else:
        _keeps_clockings(uow.session, row, started_at, ended_at)
    before = _times(row)
    row.started_at, row.ended_at = started_at, ended_at
    row.corrected_by, row.corrected_at = actor.username, uow.now
    after = _times(row)
    uow.audit([Change("time_correction", model.__tablename__, row.id, {**before, "technician": row.technician},
                      {**after, "reason": note},
                      summary=msg("Times of {technician} corrected from {start}–{end} to {new_start}–{new_end}: "
                                  "{note}", technician=row.technician, start=str(before["started_at"]),
                                  end=str(before["ended_at"] or "…"), new_start=str(after["started_at"]),
                                  new_end=str(after["ended_at"]), note=note))])


def correct_clocking_in(uow: UnitOfWork, clocking_id: str, *, started_at: datetime, ended_at: datetime,
                        note: str) -> None:
    """Set a clocking's start and end (UTC), saying why: the foreman's, never on their own times."""
    require(uow.actor, "workshop.correct_time")
    row = uow.session.get(Clocking, clocking_id)
    if row is None:
        raise NotFound(msg("The clocking no longer exists"))
    _correct(uow, row, started_at, ended_at, note)


correct_clocking = action(correct_clocking_in)


def correct_attendance_in(uow: UnitOfWork, attendance_id: str, *, started_at: datetime, ended_at: datetime,
                          note: str) -> None:
    """Set a stretch of attendance's start and end (UTC), saying why: the foreman's, never on their
    own times."""
    require(uow.actor, "workshop.correct_time")
    row = uow.session.get(Attendance, attendance_id)
    if row is None:
        raise NotFound(msg("The attendance no longer exists"))
    _correct(uow, row, started_at, ended_at, note)


correct_attendance = action(correct_attendance_in)


# --- reading ----------------------------------------------------------------------------------------

def technicians(db: Database, actor: Actor) -> list[Technician]:
    """Active users whose role clocks on jobs (the owner, who may do everything, is not counted
    among them), by user name. Any thread; reads only."""
    require(actor, "workshop.view")
    query = (select(User.username, User.display_name).join(RolePermission, RolePermission.role_code == User.role_code)
             .where(RolePermission.permission == "workshop.clock", User.active.is_(True), User.role_code != "owner")
             .order_by(User.username))
    with db.read() as conn:
        return [Technician(*r) for r in conn.execute(query)]


def _status(conn: Connection, technician: str) -> TechnicianStatus:
    since = conn.execute(select(Attendance.started_at).where(Attendance.technician == technician,
                                                              Attendance.ended_at.is_(None))
                         .order_by(Attendance.started_at)).scalar()
    c = Clocking
    row = conn.execute(select(c.id, c.started_at, c.reason, c.job_id, RepairOrder.number, RepairJob.job_no,
                              RepairJob.description)
                       .outerjoin(RepairOrder, RepairOrder.id == c.repair_order_id)
                       .outerjoin(RepairJob, RepairJob.id == c.job_id)
                       .where(c.technician == technician, c.ended_at.is_(None)).order_by(c.started_at)).first()
    current = None
    if row is not None:
        current = CurrentWork(row.id, row.started_at, row.number or "", row.job_id, row.job_no,
                              row.description or "", row.reason)
    return TechnicianStatus(technician, since, current)


def status(db: Database, actor: Actor, technician: str) -> TechnicianStatus:
    """Whether ``technician`` is clocked in, and what they are on now. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return _status(conn, technician)


def find_jobs(db: Database, actor: Actor, number: str) -> OrderJobs:
    """The repair order whose number is ``number`` (or, typed short, the only one whose number ends
    with it) and its jobs. Any thread; reads only."""
    require(actor, "workshop.view")
    text = "".join((number or "").split()).upper()
    if not text:
        raise ValidationError("number", msg("Type or scan the repair order's number"))
    ro = RepairOrder
    base = select(ro.id, ro.number, ro.status, Vehicle.plate).join(Vehicle, Vehicle.id == ro.vehicle_id)
    with db.read() as conn:
        found = conn.execute(base.where(func.upper(ro.number) == text)).first()
        if found is None:
            matches = conn.execute(base.where(func.upper(ro.number).like(f"%{text}"),
                                              ro.status.in_(sorted(CLOCKABLE))).limit(2)).all()
            if len(matches) != 1:
                raise NotFound(msg("No repair order {number}", number=number.strip()))
            found = matches[0]
        jobs = conn.execute(select(RepairJob.id, RepairJob.job_no, RepairJob.description, RepairJob.technician)
                            .where(RepairJob.repair_order_id == found.id).order_by(RepairJob.job_no)).all()
        lines = dict(conn.execute(select(RepairLabourLine.job_id, func.min(RepairLabourLine.technician))
                                  .where(RepairLabourLine.job_id.in_([j.id for j in jobs]),
                                         RepairLabourLine.technician != "")
                                  .group_by(RepairLabourLine.job_id)).all())
    return OrderJobs(found.id, found.number, found.status, found.plate or "", found.status in CLOCKABLE,
                     [JobChoice(j.id, j.job_no, j.description, j.technician or lines.get(j.id, "")) for j in jobs])


def local_day_bounds(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    """The UTC moments (naive) at which the local days ``first`` to ``last`` (default: ``first``)
    begin and end, in the time zone of this computer, the one the screens show times in."""
    from datetime import UTC

    def start(day: date) -> datetime:
        return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)

    return start(first), start((last or first) + timedelta(days=1))


def local_date(moment: datetime) -> date:
    """The local day of a stored (naive UTC) moment."""
    return clock.local_date(moment)


def day_times(db: Database, actor: Actor, technician: str, day: date) -> list[TimeEntry]:
    """``technician``'s attendance and clockings that overlap the local ``day``, by start. Any
    thread; reads only."""
    require(actor, "workshop.view")
    lo, hi = local_day_bounds(day)
    out: list[TimeEntry] = []
    a, c = Attendance, Clocking
    with db.read() as conn:
        for r in conn.execute(select(a.id, a.started_at, a.ended_at, a.corrected_by).where(
                a.technician == technician, a.started_at < hi, or_(a.ended_at.is_(None), a.ended_at > lo))):
            out.append(TimeEntry(r.id, "attendance", technician, r.started_at, r.ended_at, corrected_by=r.corrected_by))
        for r in conn.execute(select(c.id, c.started_at, c.ended_at, c.corrected_by, c.reason, RepairOrder.number,
                                     RepairJob.job_no, RepairJob.description)
                              .outerjoin(RepairOrder, RepairOrder.id == c.repair_order_id)
                              .outerjoin(RepairJob, RepairJob.id == c.job_id)
                              .where(c.technician == technician, c.started_at < hi,
                                     or_(c.ended_at.is_(None), c.ended_at > lo))):
            out.append(TimeEntry(r.id, "reason" if r.reason else "job", technician, r.started_at, r.ended_at,
                                 r.number or "", r.job_no, r.description or "", r.reason, r.corrected_by))
    out.sort(key=lambda e: (e.started_at, e.kind != "attendance"))
    return out

