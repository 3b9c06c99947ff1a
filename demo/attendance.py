"""The demo technicians' attendance: every day anyone clocked on a job, they were clocked in before
their first job and out after their last, so no clocking of the demo lies outside attendance and
the reports' productivity is the share of attended time spent on jobs.

- The history's days (before the last two weeks) are written set-based, one stretch per technician
  and day around the clockings booked in ``DemoContext.workdays``.
- The last two weeks (those of the repair orders still in the workshop) go through the attendance
  services' own cores inside the build's unit of work: some time off jobs (training before work,
  cleaning after it), the foreman in every working day from 07:45 to 18:15 local time and, on the
  last working day before today, never out (the one missing clock-off the reports flag), and one
  clocking the build's owner corrected. Today nothing happens after the build's moment
  (``DemoContext.now``): whoever is at work is still in.

Times are the computer's local wall-clock hours (the ones the clock and the reports show), stored in
UTC. Clocking on a job clocks its technician in, so the stretches of attendance those clockings opened
are replaced by a day's each.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select

from demo.context import INSERT_CHUNK, DemoContext, wall, wall_day
from models.attendance import Attendance
from models.workshop import Clocking
from services.workshop import attendance, clocking

TECHNICIAN = "tech"
FOREMAN = "foreman"
# The days before today the services' attendance covers: those of the open repair orders' work.
DAYS = 15


def write(conn: Connection, ctx: DemoContext, *, on_now: datetime | None = None) -> None:
    """Write the demo attendance inside the build's unit of work (the workshop counts its rows);
    ``on_now``: when the technician clocked on the job he is on now (clocked on after this, so he
    is still in)."""
    first_recent = ctx.today - timedelta(days=DAYS)
    since = wall(first_recent, 0)
    _write_history(ctx, first_recent)
    uow = ctx.uow
    session = uow.session
    session.flush()
    for row in session.execute(select(Attendance).where(Attendance.started_at >= since)).scalars():
        session.delete(row)
    session.flush()
    _write_recent(conn, ctx, since, on_now)
    _correct_one(ctx, since)
    session.flush()


def _write_history(ctx: DemoContext, first_recent: date) -> None:
    """One stretch per technician and day of the history's clockings, set-based."""
    rng, rows = ctx.rng, []
    for (technician, day), (first, _free, last) in sorted(ctx.workdays.days.items(), key=lambda kv: (kv[0][1],
                                                                                                       kv[0][0])):
        if day >= first_recent:
            continue
        started = first - timedelta(minutes=rng.randrange(10, 30))
        ended = last + timedelta(minutes=rng.randrange(10, 45))
        rows.append({"id": ctx.ids.at(started), "created_at": started, "created_by": technician,
                     "updated_at": ended, "updated_by": technician, "technician": technician,
                     "started_at": started, "ended_at": ended})
    for start in range(0, len(rows), INSERT_CHUNK):
        ctx.uow.insert(Attendance, rows[start:start + INSERT_CHUNK], audit=False)


def _write_recent(conn: Connection, ctx: DemoContext, since: datetime, on_now: datetime | None) -> None:
    uow, rng, now = ctx.uow, ctx.rng, ctx.now
    days: dict[date, dict[str, list[tuple[datetime, datetime | None]]]] = defaultdict(lambda: defaultdict(list))
    for who, started, ended in conn.execute(select(Clocking.technician, Clocking.started_at, Clocking.ended_at)
                                            .where(Clocking.started_at >= since).order_by(Clocking.started_at)):
        days[wall_day(started)][who].append((started, ended))
    if on_now is not None:
        days[wall_day(on_now)][TECHNICIAN].append((on_now, None))
    worked = sorted(days)
    before_today = [day for day in worked if day < ctx.today]
    forgotten = before_today[-1] if before_today else None  # the foreman never clocks out that day
    foreman_in = False
    tech_days = 0
    for day in worked:
        people = days[day]
        for who in sorted(set(people) | {FOREMAN}):
            spans = people.get(who, [])
            first = spans[0][0] if spans else None
            ends = [end for _start, end in spans]
            last = None if None in ends else max(ends, default=None)
            if who == FOREMAN:
                if foreman_in:
                    continue  # still in since the day he forgot to clock out
                start = min(wall(day, 7.75), first - timedelta(minutes=20)) if first else wall(day, 7.75)
                end = max(wall(day, 18.25), last + timedelta(minutes=15)) if last else wall(day, 18.25)
                if start >= now:
                    continue
                attendance.clock_in_in(uow, technician=FOREMAN, at=start)
                if day == forgotten or end > now or (spans and last is None):
                    foreman_in = True
                    continue
                attendance.clock_out_in(uow, technician=FOREMAN, at=end)
                continue
            start = min(wall(day, 8.5), first - timedelta(minutes=rng.randrange(10, 30)))
            training = who == TECHNICIAN and tech_days % 4 == 1
            cleaning = who == TECHNICIAN and tech_days % 3 == 0
            if who == TECHNICIAN:
                tech_days += 1
            if training:
                # An hour's training before the first job.
                start = min(start, first - timedelta(hours=1, minutes=10))
            if start >= now:
                continue
            attendance.clock_in_in(uow, technician=who, at=start)
            if training:
                attendance.start_reason_in(uow, "training", technician=who, at=first - timedelta(hours=1, minutes=5))
                clocking.clock_off_in(uow, technician=who, at=first - timedelta(minutes=5))
            if last is None:
                continue  # on a job now: still in
            end = max(wall(day, 17.5), last + timedelta(minutes=45))
            if cleaning and last + timedelta(minutes=35) <= now:
                attendance.start_reason_in(uow, "cleaning", technician=who, at=last + timedelta(minutes=5))
                clocking.clock_off_in(uow, technician=who, at=last + timedelta(minutes=35))
            if end <= now:
                attendance.clock_out_in(uow, technician=who, at=end)


def _correct_one(ctx: DemoContext, since: datetime) -> None:
    """The foreman sets one of the technician's clockings right: a road test after clocking off."""
    uow = ctx.uow
    session = uow.session
    session.flush()
    for target in session.execute(select(Clocking).where(
            Clocking.technician == TECHNICIAN, Clocking.job_id.is_not(None), Clocking.ended_at.is_not(None),
            Clocking.started_at >= since).order_by(Clocking.started_at)).scalars():
        new_end = target.ended_at + timedelta(minutes=15)
        overlap = session.execute(select(Clocking.id).where(
            Clocking.technician == TECHNICIAN, Clocking.id != target.id, Clocking.started_at < new_end,
            Clocking.ended_at > target.started_at)).first()
        inside = session.execute(select(Attendance.id).where(
            Attendance.technician == TECHNICIAN, Attendance.started_at <= target.started_at,
            (Attendance.ended_at.is_(None)) | (Attendance.ended_at >= new_end))).first()
        if overlap is None and inside is not None and new_end <= ctx.now:
            attendance.correct_clocking_in(uow, target.id, started_at=target.started_at, ended_at=new_end,
                                           note="路试后忘记打卡下工")
            break
