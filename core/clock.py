"""The clock every layer reads: one place to say what "now" and "today" are.

Stamps are UTC; ``today`` is the local calendar day the dealership works in."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current moment in UTC, naive (as stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    return date.today()


def local_time(moment: datetime) -> datetime:
    """A stored moment (naive UTC) as the local wall time of this computer (naive)."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_date(moment: datetime | str) -> date:
    """The local calendar day of a stored moment (naive UTC, as a datetime or as the text SQLite
    holds), in the time zone of this computer: a stamp of 18:30 UTC is the next day in Beijing."""
    return local_time(datetime.fromisoformat(moment) if isinstance(moment, str) else moment).date()


def iso_stamp(moment: datetime | None = None) -> str:
    """A UTC moment as the audit trail writes it: ``2026-12-06T19:42:22.123456Z``."""
    return (moment or now()).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
