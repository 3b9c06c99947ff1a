"""Technicians' attendance (clocked in and out of the workshop) and the reasons for time spent off
jobs (cleaning, training, waiting for parts …), which the foreman can add to.

Time off jobs is a ``clocking`` row with a reason and no job (``models/workshop.py``); attendance is
a row per stretch at work, from clock-in to clock-out (``ended_at`` None: still in). Times are naive
UTC like every timestamp.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Audited, Base, SyncedMixin, utcnow


class Attendance(SyncedMixin, Audited, Base):
    """One stretch of a technician's presence. ``corrected_by`` names the foreman who last corrected
    its times (empty: as clocked)."""

    __tablename__ = "attendance"
    __table_args__ = (Index("ix_attendance_technician_ended_at", "technician", "ended_at"),
                      Index("ix_attendance_started_at", "started_at"))

    technician: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    corrected_by: Mapped[str] = mapped_column(String(64), default="")
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ClockingReason(Audited, Base):
    """A reason code for non-productive time. The code is the key, so the built-in reasons are the
    same row on every terminal; ``active`` False hides a reason from the clock without losing the
    clockings that name it."""

    __tablename__ = "clocking_reason"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    description: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
