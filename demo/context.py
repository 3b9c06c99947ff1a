"""What every demo generator shares: the size of the dealership, one seeded random source, the
demo clock, deterministic ids, and progress/cancel reporting."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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
    (seed, size, today)."""

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
    start: date = field(init=False)

    def __post_init__(self) -> None:
        self.ids = Ids(self.rng)
        self.start = years_before(self.today, self.size.years)

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
