"""What every demo generator shares: the size of the dealership, one seeded random source, the
demo clock, deterministic ids, and progress/cancel reporting."""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table

from core.actor import Actor
from core.progress import CancelToken, Progress
from store.uow import UnitOfWork

# Timestamps are stored in UTC; the demo dealership works in China (UTC+8, no daylight saving).
LOCAL_OFFSET = timedelta(hours=8)
# Opening hours in local seconds after midnight: 08:30 to 20:00.
OPEN_SECONDS = 8 * 3600 + 1800
CLOSE_SECONDS = 20 * 3600
_EPOCH = datetime(1970, 1, 1)
_MS = timedelta(milliseconds=1)

INSERT_CHUNK = 5000
# A technician's day on the tools, in the computer's local hours (as the clock and the time reports
# show them): the first job from 08:00, a short gap between jobs, the last done by 20:00 (closing).
WORKDAY_START = 8.0
WORKDAY_END = 20.0
OVERTIME_END = 21.0
EARLIER_DAYS = 7  # how much sooner than planned a car may have come in for its work to be done
JOB_GAP_MINUTES = (5, 20)


def wall(day: date, hours: float) -> datetime:
    """``hours`` after midnight of ``day`` on this computer's local clock, as a stored (naive UTC)
    moment — the time the screens will show as that wall-clock time."""
    return (datetime.combine(day, time()) + timedelta(hours=hours)).astimezone(UTC).replace(tzinfo=None)


def wall_day(moment: datetime) -> date:
    """The local day (this computer's clock) of a stored (naive UTC) moment."""
    return moment.replace(tzinfo=UTC).astimezone().date()


_STEPS = {n: timedelta(days=n) for n in range(-EARLIER_DAYS, 32)}


@functools.cache
def _search_order(span: int) -> tuple[int, ...]:
    """The days :meth:`Workdays.place` tries, as offsets from the first: the first to the last, then
    the days before the first, nearest first."""
    return tuple(range(span + 1)) + tuple(range(-1, -EARLIER_DAYS - 1, -1))


class Workdays:
    """Each technician's working days as the demo fills them: jobs one after the other from the
    morning, never two at once, so every clocking of the demo fits one day's attendance
    (``demo/attendance.py`` writes it around them)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # (technician, day) → [first start, free from, last end]
        self.days: dict[tuple[str, date], list[datetime]] = {}
        self._mornings: dict[date, datetime] = {}
        self._evenings: dict[date, tuple[datetime, datetime]] = {}  # end of the working day, of overtime

    def morning(self, day: date) -> datetime:
        """When the first job of ``day`` may start (the same for everyone that day)."""
        found = self._mornings.get(day)
        if found is None:
            found = self._mornings[day] = wall(day, WORKDAY_START) + timedelta(minutes=self.rng.randrange(0, 30))
            self._evenings[day] = (wall(day, WORKDAY_END), wall(day, OVERTIME_END))
        return found

    def free_from(self, technician: str, day: date) -> datetime:
        found = self.days.get((technician, day))
        return found[1] if found else self.morning(day)

    def least_busy(self, technicians: Sequence[str], day: date) -> str:
        """The technician free soonest on ``day`` (the first listed of those equally free)."""
        return self._soonest(technicians, day)[0]

    def _soonest(self, technicians: Sequence[str], day: date) -> tuple[str, datetime]:
        morning, days = self.morning(day), self.days
        best, soonest = technicians[0], None
        for technician in technicians:
            found = days.get((technician, day))
            free = found[1] if found else morning
            if soonest is None or free < soonest:
                best, soonest = technician, free
        return best, soonest

    def fits(self, technicians: Sequence[str], day: date, spent: timedelta, before: datetime) -> bool:
        """Whether one of ``technicians`` can do ``spent`` of work on ``day`` ending by ``before``
        and by the end of the working day (a job longer than that only on a day of its own, by the end
        of overtime)."""
        technician, free = self._soonest(technicians, day)
        end = free + spent
        evening, overtime = self._evenings[day]
        return end <= before and (end <= evening or ((technician, day) not in self.days and end <= overtime))

    def place(self, technicians: Sequence[str], first: date, last: date, spent: timedelta,
              before: datetime) -> tuple[str, date] | None:
        """Who does ``spent`` of work on which day from ``first`` (or up to :data:`EARLIER_DAYS` days
        earlier: the car came in sooner) to ``last``, ending by ``before``: the first day with time
        for it in working hours (:meth:`fits`), else the day it ends soonest in overtime (by
        :data:`OVERTIME_END`); None when the workshop had no time for it at all (its hours sold
        stay unclocked, as the reports flag)."""
        late: tuple[timedelta, date, str] | None = None
        for n in _search_order((last - first).days):
            day = first + (_STEPS.get(n) or timedelta(days=n))
            technician, free = self._soonest(technicians, day)
            end = free + spent
            if end > before:
                continue
            evening, overtime = self._evenings[day]
            if end <= evening or ((technician, day) not in self.days and end <= overtime):
                return technician, day
            if end <= overtime:
                candidate = (end - self._mornings[day], day, technician)
                if late is None or candidate < late:
                    late = candidate
        return None if late is None else (late[2], late[1])

    def book(self, technician: str, day: date, spent: timedelta) -> tuple[datetime, datetime]:
        """The next stretch of ``spent`` on ``technician``'s ``day``: (start, end), in stored UTC."""
        found = self.days.get((technician, day))
        if found is None:
            start = self.morning(day)
            found = self.days[technician, day] = [start, start, start]
        start = found[1]
        end = start + spent
        found[1] = end + timedelta(minutes=self.rng.randrange(*JOB_GAP_MINUTES))
        found[2] = end
        return start, end


@dataclass(frozen=True)
class Size:
    """How big the demo dealership is and how many years of history it has."""

    customers: int
    companies: int
    vehicles: int
    years: int
    parts: int = 0  # catalogue parts
    movements: int = 0  # stock movements, about


class Ids:
    """UUIDv7-shaped ids (the layout of :func:`core.ids.new_id`) whose timestamp is the record's
    own ``created_at`` and whose random bits come from the build's seeded source, so the same seed
    gives the same ids."""

    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits

    def at(self, when: datetime) -> str:
        ms = (when - _EPOCH) // _MS
        value = ((ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | self._bits(12) << 64 | 0b10 << 62
                 | self._bits(62))
        return f"{value:032x}"


@dataclass
class DemoContext:
    """State of one build. Generators draw every random choice from ``rng`` (never the global
    ``random``) and every timestamp from the demo clock, so a build is a pure function of
    (seed, size, today) — and, for the technicians' clockings and attendance, which keep to the local
    working hours the screens show, of this computer's time zone and (for today's) the moment of
    the build."""

    rng: random.Random
    today: date
    size: Size
    actor: Actor
    uow: UnitOfWork = field(default=None)  # type: ignore[assignment]  # every write goes through it
    progress: Progress | None = None
    cancel: CancelToken | None = None
    total: int = 0
    done: int = 0
    ids: Ids = field(init=False)
    # The lead each vehicle sale won, by invoice id: (lead id, its created_at, the day it was won =
    # the car's delivery). Written by the leads demo, read by the deals demo that links them.
    won_leads: dict[str, tuple[str, datetime, date]] = field(default_factory=dict)
    start: date = field(init=False)
    workdays: Workdays = field(init=False)

    def __post_init__(self) -> None:
        self.ids = Ids(self.rng)
        self.start = years_before(self.today, self.size.years)
        self.workdays = Workdays(self.rng)

    @property
    def now(self) -> datetime:
        """The latest moment anything of the demo may happen (stored UTC): the build's moment, or the
        end of ``today`` when the demo is built for a day already past. Clockings and attendance of
        today stop here: work not yet done is not clocked, and whoever is at work now is still in."""
        end_of_today = wall(self.today + timedelta(days=1), 0)
        return min(self.uow.now, end_of_today) if self.uow is not None else end_of_today

    # --- progress -----------------------------------------------------------------------------

    def advance(self, units: int, message: str) -> None:
        """Count ``units`` of work as done, report it, and stop here if the build was cancelled."""
        self.done = min(self.total, self.done + units)
        if self.progress is not None:
            self.progress(self.done, self.total, message)
        if self.cancel is not None:
            self.cancel.check()

    # --- the demo clock -----------------------------------------------------------------------

    @property
    def end(self) -> datetime:
        """Midnight (local) at the start of ``today``, in UTC: nothing in the demo happens later."""
        return datetime.combine(self.today, datetime.min.time()) - LOCAL_OFFSET

    def moment_on(self, day: date) -> datetime:
        """A random time within opening hours on ``day`` (local), in UTC, to the millisecond."""
        ms = self.rng.randrange(OPEN_SECONDS * 1000, CLOSE_SECONDS * 1000)
        return datetime.combine(day, datetime.min.time()) + timedelta(milliseconds=ms) - LOCAL_OFFSET

    def moments(self, n: int, *, growth: float = 1.0) -> list[datetime]:
        """``n`` sorted moments over the whole demo period, denser towards today when the business
        grows (``growth`` = 1 means twice as many new records at the end as at the start)."""
        span = (self.today - self.start).days
        rnd = self.rng.random
        days = []
        for _ in range(n):
            u = rnd()
            # Inverse CDF of the density (1 + growth * t) on [0, 1).
            t = u if growth <= 0 else (math.sqrt(1 + growth * (2 + growth) * u) - 1) / growth
            days.append(min(span - 1, int(t * span)))
        return sorted(self.moment_on(self.start + timedelta(days=d)) for d in days)

    def moment_between(self, earliest: datetime, latest: datetime | None = None) -> datetime:
        """A random moment in opening hours after ``earliest`` and before ``latest`` (default: the
        end of the demo period); ``earliest`` plus a few minutes when the window is too short."""
        latest = latest or self.end
        first = (earliest + LOCAL_OFFSET).date()
        last = (latest + LOCAL_OFFSET).date() - timedelta(days=1)
        if last > first:
            when = self.moment_on(first + timedelta(days=self.rng.randrange((last - first).days + 1)))
            if earliest < when < latest:
                return when
        return earliest + timedelta(milliseconds=self.rng.randrange(60_000, 1_800_000))

    def changed_after(self, created: datetime, *, chance: float) -> datetime:
        """``created`` itself, or with probability ``chance`` a later moment in the period."""
        if self.rng.random() >= chance:
            return created
        return self.moment_between(created)


def as_date(value: Any) -> date:
    """A date read back from SQLite by raw SQL (text) or the ORM (a date or datetime)."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def as_moment(value: Any) -> datetime | None:
    """A timestamp read back from SQLite by raw SQL (text) or the ORM (a datetime); None stays None."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def cumulative(weights: Sequence[float]) -> list[float]:
    """Cumulative weights for ``random.choices(..., cum_weights=...)``, which is much faster on
    repeated draws than passing plain weights."""
    out: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def insert_rows(ctx: DemoContext, table: Table, rows: list[dict[str, Any]]) -> None:
    """Core executemany through the build's unit of work (STYLE §11). The rows carry their own
    back-dated stamps; the build writes one summary audit entry per table instead of one per row."""
    ctx.uow.insert(table, rows, audit=False)
