"""The clock every layer reads: one place to say what "now" and "today" are.

Stamps are UTC; ``today`` is the local calendar day the dealership works in."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    """The current moment in UTC, naive (as stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    return date.today()


def iso_stamp(moment: datetime | None = None) -> str:
    """A UTC moment as the audit trail writes it: ``2026-12-06T19:42:22.123456Z``."""
    return (moment or now()).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
