"""The demo technicians' recent days (the last two weeks, those of the repair orders still in the
workshop): clocked in before their first job and out after their last, some time
off jobs (training before work, cleaning after it), the foreman in every working day and, on the last
one, never out (a missing clock-off the reports flag), and one clocking the build's owner corrected.

Written after the demo repair orders' clockings (``demo/workshop.py``), through the attendance
services' own cores inside the build's unit of work. Clocking on a job clocks its technician in, so
the stretches of attendance those clockings opened are replaced by a day's each.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select

from demo.context import LOCAL_OFFSET, DemoContext
from models.attendance import Attendance
from models.workshop import Clocking
from services.workshop import attendance, clocking

TECHNICIAN = "tech"
FOREMAN = "foreman"
# The days before today the demo's attendance covers: those of the open repair orders' work.
DAYS = 15


def _local(day: date, hours: float) -> datetime:
    """``hours`` after local midnight of ``day``, in UTC."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hours) - LOCAL_OFFSET


def write(conn: Connection, ctx: DemoContext) -> None:
    """Write the demo attendance inside the build's unit of work (the workshop counts its rows)."""
    uow, rng = ctx.uow, ctx.rng
    session = uow.session
    since = _local(ctx.today - timedelta(days=DAYS), 0)
    session.flush()
    for row in session.execute(select(Attendance).where(Attendance.started_at >= since)).scalars():
        session.delete(row)
    session.flush()
    days: dict[date, list[tuple[datetime, datetime]]] = defaultdict(list)
    for started, ended in conn.execute(select(Clocking.started_at, Clocking.ended_at).where(
            Clocking.technician == TECHNICIAN, Clocking.ended_at.is_not(None), Clocking.started_at >= since)
            .order_by(Clocking.started_at)):
        days[(started + LOCAL_OFFSET).date()].append((started, ended))
    worked = sorted(days)
    for i, day in enumerate(worked):
        spans = days[day]
        first, last = spans[0][0], max(end for _start, end in spans)
        start = min(_local(day, 8.5), first - timedelta(minutes=rng.randrange(10, 30)))
        if i % 4 == 1:
            # An hour's training before the first job.
            start = min(start, first - timedelta(hours=1, minutes=10))
        attendance.clock_in_in(uow, technician=TECHNICIAN, at=start)
        if i % 4 == 1:
            attendance.start_reason_in(uow, "training", technician=TECHNICIAN, at=first - timedelta(hours=1, minutes=5))
            clocking.clock_off_in(uow, technician=TECHNICIAN, at=first - timedelta(minutes=5))
        end = max(_local(day, 17.5), last + timedelta(minutes=45))
        if i % 3 == 0:
            attendance.start_reason_in(uow, "cleaning", technician=TECHNICIAN, at=last + timedelta(minutes=5))
            clocking.clock_off_in(uow, technician=TECHNICIAN, at=last + timedelta(minutes=35))
        attendance.clock_out_in(uow, technician=TECHNICIAN, at=end)
        attendance.clock_in_in(uow, technician=FOREMAN, at=_local(day, 7.75))
        if day != worked[-1]:
            attendance.clock_out_in(uow, technician=FOREMAN, at=_local(day, 18.25))
    # The foreman sets one of the technician's clockings right: a road test after clocking off.
    session.flush()
    for target in session.execute(select(Clocking).where(
            Clocking.technician == TECHNICIAN, Clocking.job_id.is_not(None), Clocking.ended_at.is_not(None),
            Clocking.started_at >= since).order_by(Clocking.started_at)).scalars():
        new_end = target.ended_at + timedelta(minutes=15)
        overlap = session.execute(select(Clocking.id).where(
            Clocking.technician == TECHNICIAN, Clocking.id != target.id, Clocking.started_at < new_end,
            Clocking.ended_at > target.started_at)).first()
        if overlap is None:
            attendance.correct_clocking_in(uow, target.id, started_at=target.started_at, ended_at=new_end,
                                           note="路试后忘记打卡下工")
            break
    session.flush()
