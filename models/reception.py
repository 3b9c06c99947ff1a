"""Reception and inspection: walk-around damage notes of a repair order, manufacturer campaigns and
recalls (VIN lists), vehicle health checks from templates, and priced estimates of work the customer
approves or declines.

Money is in minor units and hours in hundredths, as everywhere. A health check copies its
template's items when it is started, so editing a template later never changes a check already done.
Photos are files copied into the attachments folder beside the database; a row holds the path
relative to that folder.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

RATINGS = ("green", "amber", "red")
ESTIMATE_STATUSES = ("pending", "approved", "declined")
ESTIMATE_SOURCES = ("health_check", "extra_work", "declined_before")
ESTIMATE_LINE_KINDS = ("labour", "part")


class DamageNote(SyncedMixin, Audited, Base):
    """A mark found on the walk-around at check-in: where on the car (``position``) and what."""

    __tablename__ = "damage_note"
    __table_args__ = (UniqueConstraint("repair_order_id", "line_no"),)

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    position: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(String(300), default="")


class Campaign(SyncedMixin, Audited, Base):
    """A manufacturer's service campaign or recall, known by its code."""

    __tablename__ = "campaign"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CampaignVehicle(SyncedMixin, Base):
    """One VIN a campaign applies to. ``repair_order_id`` names the repair order that does the
    campaign's work; while it is empty the campaign is open for that car. Imported in bulk (the
    import writes one audit entry for the file), so not audited row by row."""

    __tablename__ = "campaign_vehicle"
    __table_args__ = (UniqueConstraint("campaign_id", "vin"), Index("ix_campaign_vehicle_vin", "vin"))

    campaign_id: Mapped[str] = mapped_column(ID, ForeignKey("campaign.id", ondelete="CASCADE"))
    vin: Mapped[str] = mapped_column(String(17))
    repair_order_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_order.id"), nullable=True)


class HealthCheckTemplate(SyncedMixin, Audited, Base):
    __tablename__ = "health_check_template"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class HealthCheckTemplateItem(SyncedMixin, Audited, Base):
    """One point of a template, in its system (brakes, tyres, lights …), in the order inspected."""

    __tablename__ = "health_check_template_item"
    __table_args__ = (UniqueConstraint("template_id", "position"),)

    template_id: Mapped[str] = mapped_column(ID, ForeignKey("health_check_template.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    system: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))


class HealthCheck(SyncedMixin, Audited, Base):
    """A multi-point inspection of a repair order's car; ``completed_at`` is set when it is done."""

    __tablename__ = "health_check"
    __table_args__ = (Index("ix_health_check_repair_order_id", "repair_order_id"),)

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id"))
    template_name: Mapped[str] = mapped_column(String(120))
    inspected_by: Mapped[str] = mapped_column(String(64), default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class HealthCheckItem(SyncedMixin, Audited, Base):
    """One point of a check: ``rating`` green, amber or red ("" not rated yet) with a note."""

    __tablename__ = "health_check_item"
    __table_args__ = (UniqueConstraint("check_id", "position"),)

    check_id: Mapped[str] = mapped_column(ID, ForeignKey("health_check.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    system: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    rating: Mapped[str] = mapped_column(String(8), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class HealthCheckPhoto(SyncedMixin, Audited, Base):
    """A photo of a check item: ``path`` inside the attachments folder, ``original_name`` as it was
    picked."""

    __tablename__ = "health_check_photo"
    __table_args__ = (Index("ix_health_check_photo_item_id", "item_id"),)

    item_id: Mapped[str] = mapped_column(ID, ForeignKey("health_check_item.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(300))
    original_name: Mapped[str] = mapped_column(String(300), default="")


class WorkEstimate(SyncedMixin, Audited, Base):
    """Priced work offered to the customer on a repair order: from a health-check item, extra work
    found during a job (``job_id``: approved lines join that job), or work declined at an earlier
    visit offered again (``offered_from_id``). ``decided_by``/``decided_at`` record who entered the
    customer's answer, and when; ``decision_note`` how the customer gave it."""

    __tablename__ = "work_estimate"
    __table_args__ = (
        Index("ix_work_estimate_repair_order_id", "repair_order_id"),
        Index("ix_work_estimate_vehicle_id_status", "vehicle_id", "status"),
        Index("ix_work_estimate_offered_from_id", "offered_from_id"),
    )

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id"))
    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    source: Mapped[str] = mapped_column(String(16))
    job_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_job.id"), nullable=True)
    check_item_id: Mapped[str | None] = mapped_column(ID, ForeignKey("health_check_item.id"), nullable=True)
    offered_from_id: Mapped[str | None] = mapped_column(ID, ForeignKey("work_estimate.id"), nullable=True)
    description: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decision_note: Mapped[str] = mapped_column(String(300), default="")
    # The job the approved lines went to.
    approved_job_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_job.id"), nullable=True)
    offered_on: Mapped[date] = mapped_column(Date)


class WorkEstimateLine(SyncedMixin, Audited, Base):
    """A labour line (hours at a rate) or a parts line (quantity at a unit price) of an estimate;
    ``amount`` is what it comes to, rounded half-up to the minor unit."""

    __tablename__ = "work_estimate_line"
    __table_args__ = (UniqueConstraint("estimate_id", "line_no"),)

    estimate_id: Mapped[str] = mapped_column(ID, ForeignKey("work_estimate.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    operation_code: Mapped[str] = mapped_column(String(40), default="")
    part_id: Mapped[str | None] = mapped_column(ID, ForeignKey("part.id"), nullable=True)
    description: Mapped[str] = mapped_column(String(300))
    hours: Mapped[int] = mapped_column(Integer, default=0)  # labour: hundredths of an hour
    quantity: Mapped[int] = mapped_column(Integer, default=0)  # parts: thousandths
    unit_price: Mapped[int] = mapped_column(Integer, default=0)  # labour: the hourly rate
    amount: Mapped[int] = mapped_column(Integer, default=0)
