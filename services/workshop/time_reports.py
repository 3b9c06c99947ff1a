"""What the technicians' time comes to, per technician and period (issue 10 §7), and the files of it.

- **Productivity** = hours clocked on jobs ÷ hours attended, both counted within the period's local
  days (a stretch that crosses the period's edge counts for the part inside it). Clocked time counts
  only where its technician was clocked in, so it is never above 100%.
- **Efficiency** = hours sold ÷ hours clocked on jobs, both on the work completed in the period: the
  labour lines naming the technician on repair orders completed in it (``completed_on``, whether
  invoiced since or not), against the technician's clockings on those repair orders' jobs. Counting
  both on the same work makes a job sold at 3 hours and done in 2.5 read 120%, whenever it was done.
- **Flags**: clockings and attendance still open at the end of the day they started (a missing
  clock-off; one still open today is not yet missing), and hours sold with no clocking at all on the
  job by the line's technician (by anyone, for a line that names none).

Open clockings and attendance count nowhere until they are ended; they are flagged instead. Hours
are integer hundredths and percentages Decimals to one place, rounded half up.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from core import clock
from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.progress import CancelToken, Progress, no_progress
from models.attendance import Attendance
from models.workshop import Clocking, RepairJob, RepairLabourLine, RepairOrder
from services import files
from services.permissions import require
from services.workshop.attendance import local_date, local_day_bounds
from services.workshop.rules import HOURS_SCALE
from store.database import Database

CLOCKING_COLUMNS = ("technician", "kind", "repair_order_number", "job", "job_description", "operation_code",
                    "reason", "started_at", "ended_at", "hours", "corrected_by", "corrected_at")
ATTENDANCE_COLUMNS = ("technician", "started_at", "ended_at", "hours", "corrected_by", "corrected_at")
TECHNICIAN_TIME_COLUMNS = ("technician", "hours_attended", "hours_on_jobs", "hours_off_jobs", "productivity_percent",
                           "hours_sold", "hours_clocked_on_sold_work", "efficiency_percent")
FLAG_COLUMNS = ("flag", "technician", "repair_order_number", "job", "operation_code", "started_at", "ended_at",
                "hours")


@dataclass(frozen=True)
class TechnicianTime:
    technician: str
    attended: int  # hundredths of an hour
    on_jobs: int
    off_jobs: int  # time off jobs, with a reason
    productivity: Decimal | None  # percent; None without attendance
    sold: int
    clocked_on_sold: int
    efficiency: Decimal | None  # percent; None without clocked time on the sold work


@dataclass(frozen=True)
class MissingClockOff:
    kind: str  # "attendance" | "job" | "reason"
    id: str
    technician: str
    started_at: datetime
    ended_at: datetime | None  # None: still open; otherwise ended on a later day
    repair_order_number: str = ""
    job_no: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class UnclockedHours:
    repair_order_number: str
    job_no: int
    operation_code: str
    description: str
    technician: str
    hours: int


def _check(actor: Actor, start: date | None, end: date | None) -> tuple[date, date]:
    require(actor, "workshop.view")
    require(actor, "workshop.correct_time")
    if start is None or end is None:
        raise ValidationError("start", msg("Give the first and the last day"))
    if end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    return start, end


def hours_of(seconds: float | int) -> int:
    """Seconds as hundredths of an hour, rounded half up."""
    return int((Decimal(str(seconds)) * HOURS_SCALE / 3600).quantize(Decimal(1), ROUND_HALF_UP))


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _seconds(started: datetime, ended: datetime, lo: datetime | None = None, hi: datetime | None = None) -> float:
    a = max(started, lo) if lo else started
    b = min(ended, hi) if hi else ended
    return max(0.0, (b - a).total_seconds())


def _sold_work(conn: Connection, start: date, end: date) -> list[Any]:
    """The labour lines of repair orders completed in the period, with their job and repair order."""
    ro, job, line = RepairOrder, RepairJob, RepairLabourLine
    return conn.execute(select(ro.id.label("ro_id"), ro.number, job.id.label("job_id"), job.job_no, line.operation_code,
                               line.description, line.technician, line.hours)
                        .join(job, job.repair_order_id == ro.id).join(line, line.job_id == job.id)
                        .where(ro.completed_on.is_not(None), ro.completed_on >= start, ro.completed_on <= end)
                        .order_by(ro.completed_on, ro.number, job.job_no, line.line_no)).all()


def _merged(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The union of ``spans`` as disjoint spans, by start: time clocked twice counts once."""
    out: list[tuple[datetime, datetime]] = []
    for started, ended in sorted(spans):
        if out and started <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], ended))
        else:
            out.append((started, ended))
    return out


class _Attended:
    """The technicians' ended stretches of attendance, to count clocked time only where it was
    attended: a clocking's seconds are those it shares with its technician's attendance."""

    def __init__(self, conn: Connection, lo: datetime, hi: datetime) -> None:
        a = Attendance
        self.spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for tech, started, ended in conn.execute(select(a.technician, a.started_at, a.ended_at).where(
                a.ended_at.is_not(None), a.started_at < hi, a.ended_at > lo).order_by(a.started_at)):
            self.spans[tech].append((started, ended))
        self.starts = {tech: [s for s, _e in spans] for tech, spans in self.spans.items()}

    def seconds(self, tech: str, started: datetime, ended: datetime, lo: datetime | None = None,
                hi: datetime | None = None) -> float:
        spans = self.spans.get(tech)
        if not spans:
            return 0.0
        a = max(started, lo) if lo else started
        b = min(ended, hi) if hi else ended
        total = 0.0
        i = max(0, bisect_right(self.starts[tech], a) - 1)
        while i < len(spans) and spans[i][0] < b:
            total += _seconds(a, b, *spans[i])
            i += 1
        return total


def technician_times(db: Database, actor: Actor, start: date, end: date) -> list[TechnicianTime]:
    """Attendance, time on and off jobs, productivity, hours sold and efficiency per technician for
    the local days ``start`` to ``end``, by technician. Time on and off jobs counts only where the
    technician was clocked in (attendance ended), so productivity is never above 100%. Any thread;
    reads only."""
    start, end = _check(actor, start, end)
    lo, hi = local_day_bounds(start, end)
    attended: dict[str, float] = defaultdict(float)
    on_jobs: dict[str, float] = defaultdict(float)
    off_jobs: dict[str, float] = defaultdict(float)
    sold: dict[str, int] = defaultdict(int)
    on_sold: dict[str, float] = defaultdict(float)
    a, c = Attendance, Clocking
    with db.read() as conn:
        for tech, started, ended in conn.execute(select(a.technician, a.started_at, a.ended_at).where(
                a.ended_at.is_not(None), a.started_at < hi, a.ended_at > lo)):
            attended[tech] += _seconds(started, ended, lo, hi)
        present = _Attended(conn, lo, hi)
        spans: dict[tuple[str, bool], list[tuple[datetime, datetime]]] = defaultdict(list)
        for tech, started, ended, job_id in conn.execute(select(c.technician, c.started_at, c.ended_at, c.job_id)
                                                         .where(c.ended_at.is_not(None), c.started_at < hi,
                                                                c.ended_at > lo)):
            spans[tech, job_id is not None].append((max(started, lo), min(ended, hi)))
        for (tech, on_job), found in spans.items():
            for started, ended in _merged(found):
                (on_jobs if on_job else off_jobs)[tech] += present.seconds(tech, started, ended)
        lines = _sold_work(conn, start, end)
        for line in lines:
            if line.technician:
                sold[line.technician] += line.hours
        orders = sorted({line.ro_id for line in lines})
        done = [r for r in conn.execute(select(c.technician, c.started_at, c.ended_at).where(
                c.repair_order_id.in_(orders), c.ended_at.is_not(None))) if r.technician in sold]
        if done:
            everywhere = _Attended(conn, min(r.started_at for r in done), max(r.ended_at for r in done))
            by_tech: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
            for tech, started, ended in done:
                by_tech[tech].append((started, ended))
            for tech, found in by_tech.items():
                for started, ended in _merged(found):
                    on_sold[tech] += everywhere.seconds(tech, started, ended)
    out = []
    for tech in sorted(set(attended) | set(on_jobs) | set(off_jobs) | set(sold)):
        att, jobs, off = hours_of(attended[tech]), hours_of(on_jobs[tech]), hours_of(off_jobs[tech])
        done_hours = hours_of(on_sold[tech])
        out.append(TechnicianTime(tech, att, jobs, off, percent(jobs, att), sold[tech], done_hours,
                                  percent(sold[tech], done_hours)))
    return out


def missing_clock_offs(db: Database, actor: Actor, start: date, end: date, *,
                       today: date | None = None) -> list[MissingClockOff]:
    """Attendance and clockings started in the local days ``start`` to ``end`` that were still
    open at the end of the day they started: still open now (unless they started today), or ended
    on a later day. By start. Any thread; reads only."""
    start, end = _check(actor, start, end)
    lo, hi = local_day_bounds(start, end)
    today = today or clock.today()
    a, c = Attendance, Clocking
    out: list[MissingClockOff] = []

    def missing(started: datetime, ended: datetime | None) -> bool:
        day = local_date(started)
        return day < today if ended is None else local_date(ended) > day

    with db.read() as conn:
        for r in conn.execute(select(a.id, a.technician, a.started_at, a.ended_at).where(
                a.started_at >= lo, a.started_at < hi)):
            if missing(r.started_at, r.ended_at):
                out.append(MissingClockOff("attendance", r.id, r.technician, r.started_at, r.ended_at))
        for r in conn.execute(select(c.id, c.technician, c.started_at, c.ended_at, c.reason, RepairOrder.number,
                                     RepairJob.job_no)
                              .outerjoin(RepairOrder, RepairOrder.id == c.repair_order_id)
                              .outerjoin(RepairJob, RepairJob.id == c.job_id)
                              .where(c.started_at >= lo, c.started_at < hi)):
            if missing(r.started_at, r.ended_at):
                out.append(MissingClockOff("reason" if r.reason else "job", r.id, r.technician, r.started_at,
                                           r.ended_at, r.number or "", r.job_no, r.reason))
    out.sort(key=lambda f: (f.started_at, f.technician, f.kind))
    return out


def unclocked_hours(db: Database, actor: Actor, start: date, end: date) -> list[UnclockedHours]:
    """Labour lines with hours sold on repair orders completed in the period whose job has no
    clocking by the line's technician (by anyone, for a line naming none). Any thread; reads only."""
    start, end = _check(actor, start, end)
    with db.read() as conn:
        lines = [line for line in _sold_work(conn, start, end) if line.hours > 0]
        clocked: dict[str, set[str]] = defaultdict(set)
        for job_id, tech in conn.execute(select(Clocking.job_id, Clocking.technician).where(
                Clocking.job_id.in_(sorted({line.job_id for line in lines})))):
            clocked[job_id].add(tech)
    return [UnclockedHours(line.number, line.job_no, line.operation_code, line.description, line.technician,
                           line.hours)
            for line in lines
            if (line.technician not in clocked[line.job_id] if line.technician else not clocked[line.job_id])]


# --- files ------------------------------------------------------------------------------------------

def _local(moment: datetime | None) -> datetime | None:
    """A stored UTC moment as the local wall time, to the second (the files' ``hours`` are the
    difference of the times as written, :func:`row_hours`)."""
    if moment is None:
        return None
    from datetime import UTC

    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None, microsecond=0)


def row_hours(started: datetime, ended: datetime | None) -> int | None:
    """Hundredths of an hour from ``started`` to ``ended`` as the files write them (to the second),
    so a row's ``hours`` is its ``ended_at`` less its ``started_at``; None while open."""
    if ended is None:
        return None
    return hours_of(_seconds(started.replace(microsecond=0), ended.replace(microsecond=0)))


def _hours(hundredths: int | None) -> Decimal | None:
    return None if hundredths is None else (Decimal(hundredths) / HOURS_SCALE).quantize(Decimal("0.01"))


def _prepare(actor: Actor, path: Path | str, start: date | None, end: date | None) -> Path:
    require(actor, "workshop.view")
    require(actor, "workshop.correct_time")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    return path


def _period(model: type, start: date | None, end: date | None) -> list[Any]:
    lo, hi = local_day_bounds(start or date(1970, 1, 2), end or date(9999, 12, 30))
    return [model.started_at >= lo if start else True, model.started_at < hi if end else True]


def export_clockings(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                     end: date | None = None, progress: Progress = no_progress,
                     cancel: CancelToken | None = None) -> int:
    """Write the clockings (on jobs, and off them with a reason) started in the local days of the
    period (all without one), by start; times are local wall times to the second, ``hours`` their
    difference (to the hundredth, empty while a clocking is open), ``operation_code`` the job's
    labour operations (``;``-separated). Returns the rows written. Worker thread."""
    path = _prepare(actor, path, start, end)
    c = Clocking
    query = (select(c.id, c.technician, c.reason, c.started_at, c.ended_at, c.corrected_by, c.corrected_at, c.job_id,
                    RepairOrder.number, RepairJob.job_no, RepairJob.description)
             .outerjoin(RepairOrder, RepairOrder.id == c.repair_order_id).outerjoin(RepairJob, RepairJob.id == c.job_id)
             .where(*_period(c, start, end)).order_by(c.started_at, c.technician, c.id))
    with db.read() as conn:
        total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(2000):
                codes: dict[str, list[str]] = defaultdict(list)
                for job_id, code in conn.execute(
                        select(RepairLabourLine.job_id, RepairLabourLine.operation_code)
                        .where(RepairLabourLine.job_id.in_(sorted({r.job_id for r in part if r.job_id})),
                               RepairLabourLine.operation_code != "").order_by(RepairLabourLine.line_no)):
                    if code not in codes[job_id]:
                        codes[job_id].append(code)
                yield [(r.technician, "off_job" if r.reason else "job", r.number, r.job_no, r.description,
                        ";".join(codes.get(r.job_id or "", [])) or None, r.reason or None, _local(r.started_at),
                        _local(r.ended_at),
                        _hours(row_hours(r.started_at, r.ended_at)),
                        r.corrected_by or None, _local(r.corrected_at)) for r in part]

        return files.write_table(path, CLOCKING_COLUMNS, batches(), total=total, sheet="clockings",
                                 widths=(14, 8, 20, 6, 30, 16, 14, 17, 17, 8, 14, 17), progress=progress,
                                 cancel=cancel)


def export_attendance(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                      end: date | None = None, progress: Progress = no_progress,
                      cancel: CancelToken | None = None) -> int:
    """Write the stretches of attendance started in the local days of the period, by start; times
    are local wall times to the second and ``hours`` their difference. Returns the rows written. Worker thread."""
    path = _prepare(actor, path, start, end)
    a = Attendance
    query = (select(a.technician, a.started_at, a.ended_at, a.corrected_by, a.corrected_at)
             .where(*_period(a, start, end)).order_by(a.started_at, a.technician, a.id))
    with db.read() as conn:
        rows = [(r.technician, _local(r.started_at), _local(r.ended_at),
                 _hours(row_hours(r.started_at, r.ended_at)), r.corrected_by or None,
                 _local(r.corrected_at)) for r in conn.execute(query)]
    return files.write_table(path, ATTENDANCE_COLUMNS, [rows], total=len(rows), sheet="attendance",
                             widths=(14, 17, 17, 8, 14, 17), progress=progress, cancel=cancel)


def export_technician_times(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                            end: date | None = None, progress: Progress = no_progress,
                            cancel: CancelToken | None = None) -> int:
    """Write :func:`technician_times` for the period, one row per technician. Worker thread."""
    path = _prepare(actor, path, start, end)
    rows = [(t.technician, _hours(t.attended), _hours(t.on_jobs), _hours(t.off_jobs), t.productivity, _hours(t.sold),
             _hours(t.clocked_on_sold), t.efficiency) for t in technician_times(db, actor, start, end)]
    return files.write_table(path, TECHNICIAN_TIME_COLUMNS, [rows], total=len(rows), sheet="technician_time",
                             widths=(14, 10, 10, 10, 10, 10, 10, 10), progress=progress, cancel=cancel)


def export_time_flags(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                      end: date | None = None, progress: Progress = no_progress,
                      cancel: CancelToken | None = None) -> int:
    """Write the period's missing clock-offs (``flag`` = ``missing_clock_off``) and hours sold with
    no clocking (``unclocked_hours``). Worker thread."""
    path = _prepare(actor, path, start, end)
    rows: list[tuple[Any, ...]] = [
        ("missing_clock_off", f.technician, f.repair_order_number or None, f.job_no, None, _local(f.started_at),
         _local(f.ended_at), None) for f in missing_clock_offs(db, actor, start, end)]
    rows += [("unclocked_hours", u.technician or None, u.repair_order_number, u.job_no, u.operation_code or None,
              None, None, _hours(u.hours)) for u in unclocked_hours(db, actor, start, end)]
    return files.write_table(path, FLAG_COLUMNS, [rows], total=len(rows), sheet="time_flags",
                             widths=(18, 14, 20, 6, 14, 17, 17, 8), progress=progress, cancel=cancel)

