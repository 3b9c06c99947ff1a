"""Workshop appointments and the resources they are booked on: technicians, service advisors and
bays, each with its working hours per weekday and an availability (an apprentice at 50 %).

Unlike the stamps everywhere else, an appointment's times are the dealership's local wall-clock
times: a car booked for 09:00 comes at 09:00 on the workshop's calendar whatever the terminal's
time zone. Hours are integer hundredths, like labour lines.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

RESOURCE_KINDS = ("technician", "advisor", "bay")
APPOINTMENT_STATUSES = ("booked", "arrived", "cancelled", "no_show")


class WorkshopResource(SyncedMixin, Audited, Base):
    """A technician or advisor (``name`` is their user name) or a bay (``name`` is the bay's own).
    ``availability`` is the percentage of their shift hours that can be booked."""

    __tablename__ = "workshop_resource"
    __table_args__ = (
        UniqueConstraint("kind", "name"),
        CheckConstraint("availability >= 0 AND availability <= 100", name="availability"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    availability: Mapped[int] = mapped_column(Integer, default=100)  # percent
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkshopShift(SyncedMixin, Audited, Base):
    """A resource's working hours on one weekday (0 Monday … 6 Sunday), in minutes after local
    midnight; a day without a row is a day off."""

    __tablename__ = "workshop_shift"
    __table_args__ = (
        UniqueConstraint("resource_id", "weekday"),
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute "
                        "AND break_minutes >= 0", name="times"),
    )

    resource_id: Mapped[str] = mapped_column(ID, ForeignKey("workshop_resource.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)


class Appointment(SyncedMixin, Audited, Base):
    """A booking: the car comes at ``starts_at`` and occupies its bay until ``ends_at``;
    ``booked_hours`` is the work booked (the sum of its operations' standard hours when it has
    any). Arriving opens the repair order it became (``repair_order_id``)."""

    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_starts_at", "starts_at"),
        Index("ix_appointment_vehicle_id", "vehicle_id"),
        Index("ix_appointment_bay_id", "bay_id"),
        Index("ix_appointment_customer_id", "customer_id"),
        CheckConstraint("starts_at < ends_at", name="times"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    status: Mapped[str] = mapped_column(String(16), default="booked")
    requested_work: Mapped[str] = mapped_column(Text, default="")
    advisor: Mapped[str] = mapped_column(String(64), default="")
    technician: Mapped[str] = mapped_column(String(64), default="")
    bay_id: Mapped[str | None] = mapped_column(ID, ForeignKey("workshop_resource.id"), nullable=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    promised_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    booked_hours: Mapped[int] = mapped_column(Integer, default=0)
    parts_note: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    # Why the booking was accepted beyond the day's capacity (empty: it fitted).
    overbooked_reason: Mapped[str] = mapped_column(Text, default="")
    repair_order_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_order.id"), nullable=True)


class AppointmentOperation(SyncedMixin, Audited, Base):
    """A catalogue labour operation booked on an appointment, with the hours it was booked at."""

    __tablename__ = "appointment_operation"
    __table_args__ = (UniqueConstraint("appointment_id", "line_no"),)

    appointment_id: Mapped[str] = mapped_column(ID, ForeignKey("appointment.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    operation_id: Mapped[str | None] = mapped_column(ID, ForeignKey("labour_operation.id"), nullable=True)
    operation_code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(300))
    hours: Mapped[int] = mapped_column(Integer)
