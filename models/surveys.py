"""Satisfaction surveys (issue 10 §10): one survey per handed-over repair order, due a few days after
handover, answered by phone or from a file with a score from 0 to 10; a low score raises a follow-up
task for a person to call the customer back."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

SURVEY_STATUSES = ("due", "answered")
SURVEY_CHANNELS = ("phone", "file")


class Survey(SyncedMixin, Audited, Base):
    """The survey of one repair order: ``due`` from ``due_on`` until answered; ``score`` 0–10."""

    __tablename__ = "survey"
    __table_args__ = (
        Index("ix_survey_status_due_on", "status", "due_on"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 10)", name="score"),
    )

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id"), unique=True)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="due")
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comments: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    channel: Mapped[str] = mapped_column(String(16), default="")


class FollowUpTask(SyncedMixin, Audited, Base):
    """Someone to call a customer back about a low survey score, by ``due_on`` (``done_on`` None:
    still to do)."""

    __tablename__ = "follow_up_task"
    __table_args__ = (Index("ix_follow_up_task_done_on_due_on", "done_on", "due_on"),)

    survey_id: Mapped[str] = mapped_column(ID, ForeignKey("survey.id"), unique=True)
    assignee: Mapped[str] = mapped_column(String(64), default="")
    due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
