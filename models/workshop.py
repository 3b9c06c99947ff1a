"""The workshop: labour operations and rates, repair orders with their jobs and lines, and the
technicians' clockings on jobs and off them (non-productive time, with a reason).

Hours are integer hundredths (1.25 h = 125), quantities thousandths and money minor units, like
everywhere else. A parts line keeps how much of its part is reserved for the repair order, issued to
it and returned from it; the stock ledger itself (``stock_movement``, ``stock_reservation``) stays
the truth and names the repair order's number as its reference.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

PAY_TYPES = ("customer", "warranty", "internal", "insurance")
RO_STATUSES = ("open", "in_progress", "waiting_parts", "quality_check", "completed", "invoiced", "closed")
EXTRA_KINDS = ("sublet", "consumable")


class LabourOperation(SyncedMixin, Audited, Base):
    """A catalogue operation; ``model_family`` empty means every model. Code + model family is the
    natural key."""

    __tablename__ = "labour_operation"
    __table_args__ = (UniqueConstraint("code", "model_family"),)

    code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(300))
    system: Mapped[str] = mapped_column(String(80), default="")
    standard_hours: Mapped[int] = mapped_column(Integer, default=0)  # hundredths of an hour
    model_family: Mapped[str] = mapped_column(String(80), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class LabourOperationPart(SyncedMixin, Audited, Base):
    """A part the operation usually needs (its kit), ``quantity`` in thousandths: what the parts desk
    prepares for the bookings of the operation."""

    __tablename__ = "labour_operation_part"
    __table_args__ = (
        UniqueConstraint("operation_id", "line_no"),
        CheckConstraint("quantity > 0", name="quantity"),
    )

    operation_id: Mapped[str] = mapped_column(ID, ForeignKey("labour_operation.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    quantity: Mapped[int] = mapped_column(Integer)


class LabourRate(SyncedMixin, Audited, Base):
    """The hourly rate of one pay type, and whom its invoices go to (None: the repair order's
    customer; warranty work is usually billed to the manufacturer, internal work to the dealership's
    own account)."""

    __tablename__ = "labour_rate"

    pay_type: Mapped[str] = mapped_column(String(16), unique=True)
    hourly_rate: Mapped[int] = mapped_column(Integer, default=0)
    bill_to_customer_id: Mapped[str | None] = mapped_column(ID, ForeignKey("customer.id"), nullable=True)


class RepairOrder(SyncedMixin, Audited, Base):
    __tablename__ = "repair_order"
    __table_args__ = (
        Index("ix_repair_order_vehicle_id", "vehicle_id"),
        Index("ix_repair_order_customer_id", "customer_id"),
        Index("ix_repair_order_insurer_id", "insurer_id"),
        Index("ix_repair_order_status", "status"),
        Index("ix_repair_order_opened_on", "opened_on"),
    )

    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    advisor: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    mileage_in: Mapped[int] = mapped_column(Integer, default=0)
    # Why a mileage below the vehicle's last recorded one was accepted (empty: it was not lower).
    mileage_override: Mapped[str] = mapped_column(Text, default="")
    promised_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    concerns: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    invoiced_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Insurance work: the insurer billed for its share (None: the insurance rate's account) and the
    # excess the customer pays themselves, in the same terms as unit prices.
    insurer_id: Mapped[str | None] = mapped_column(ID, ForeignKey("customer.id"), nullable=True)
    insurance_excess: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    insurance_claim_ref: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # Handover (交车): the mileage the car left with and when its next service is due, by date and
    # by mileage; all None until the repair order is handed over (services/workshop/handover.py).
    handed_over_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    mileage_out: Mapped[int | None] = mapped_column(Integer, nullable=True)
    next_service_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_service_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Reception: fuel in eighths of a tank (None: not noted), the price estimate given at check-in
    # (minor units, None: none given), and the earlier repair order this car came back from within
    # the comeback period (None: not a comeback).
    fuel_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_estimate: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comeback_of_id: Mapped[str | None] = mapped_column(ID, nullable=True)


class RepairJob(SyncedMixin, Audited, Base):
    """One job of a repair order. ``pay_type`` may be empty while the job is being worked out, but a
    repair order is invoiced only when every job has one. Warranty jobs keep the claim's data."""

    __tablename__ = "repair_job"
    __table_args__ = (UniqueConstraint("repair_order_id", "job_no"),)

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id", ondelete="CASCADE"))
    job_no: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(300))
    pay_type: Mapped[str] = mapped_column(String(16), default="")
    failed_part: Mapped[str] = mapped_column(String(120), default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    correction: Mapped[str] = mapped_column(Text, default="")
    # The rest of a warranty claim: the maker's claim number, the failed part's number, the day it
    # failed and the condition as found (services/workshop/warranty.py).
    claim_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    failed_part_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    failed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    condition: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A service package applied to the job: its price and the variance (itemised − package price)
    # shared over the package's lines as their menu discounts (models/service_menus.py).
    menu_id: Mapped[str | None] = mapped_column(ID, ForeignKey("service_menu.id"), nullable=True)
    menu_price: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    menu_variance: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Who the foreman gave the job to (empty: nobody yet; the board falls back to its labour lines').
    technician: Mapped[str] = mapped_column(String(64), default="")


class RepairLabourLine(SyncedMixin, Audited, Base):
    """Hours sold on a job: ``amount`` is ``hours`` × ``hourly_rate`` rounded half-up to the minor unit."""

    __tablename__ = "repair_labour_line"
    __table_args__ = (
        UniqueConstraint("job_id", "line_no"),
        Index("ix_repair_labour_line_operation_id", "operation_id"),
    )

    job_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_job.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    operation_id: Mapped[str | None] = mapped_column(ID, ForeignKey("labour_operation.id"), nullable=True)
    operation_code: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(String(300))
    hours: Mapped[int] = mapped_column(Integer)  # hundredths of an hour sold
    technician: Mapped[str] = mapped_column(String(64), default="")
    hourly_rate: Mapped[int] = mapped_column(Integer, default=0)
    amount: Mapped[int] = mapped_column(Integer, default=0)
    # The line's share of a service package's variance: what the job charges is amount − this.
    menu_discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RepairPartLine(SyncedMixin, Audited, Base):
    """A part for a job: ``quantity`` wanted, of which ``reserved`` is still set aside, ``issued`` has
    left stock for the job and ``returned`` came back unused (all thousandths). ``unit_cost`` is the
    average cost of what was issued and is still out, so the invoice line carries the real cost."""

    __tablename__ = "repair_part_line"
    __table_args__ = (
        UniqueConstraint("job_id", "line_no"),
        Index("ix_repair_part_line_part_id", "part_id"),
        CheckConstraint("reserved >= 0 AND issued >= 0 AND returned >= 0 AND returned <= issued",
                        name="quantities"),
    )

    job_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_job.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    unit_price: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost: Mapped[int] = mapped_column(Integer, default=0)
    # The line's share of a service package's variance (see RepairLabourLine.menu_discount).
    menu_discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RepairExtraLine(SyncedMixin, Audited, Base):
    """Sublet work (bought from another business) or consumables (shop supplies) on a job."""

    __tablename__ = "repair_extra_line"
    __table_args__ = (UniqueConstraint("job_id", "line_no"),)

    job_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_job.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer, default=1000)
    unit_price: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost: Mapped[int] = mapped_column(Integer, default=0)


class RepairOrderInvoice(SyncedMixin, Base):
    """The invoice a repair order became for one pay type (one per pay type it had)."""

    __tablename__ = "repair_order_invoice"
    __table_args__ = (UniqueConstraint("repair_order_id", "pay_type"),
                      Index("ix_repair_order_invoice_invoice_id", "invoice_id"))

    repair_order_id: Mapped[str] = mapped_column(ID, ForeignKey("repair_order.id"))
    pay_type: Mapped[str] = mapped_column(String(16))
    invoice_id: Mapped[str] = mapped_column(ID, ForeignKey("invoice.id"))


class Clocking(SyncedMixin, Audited, Base):
    """A technician's time on a job, or off jobs for a ``reason`` (a ``clocking_reason`` code: no
    repair order, no job), from clock-on to clock-off (``ended_at`` None: still on it). Times are
    naive UTC like every timestamp. ``corrected_by`` names the foreman who last corrected its times
    (empty: as clocked)."""

    __tablename__ = "clocking"
    __table_args__ = (
        Index("ix_clocking_technician_ended_at", "technician", "ended_at"),
        Index("ix_clocking_job_id", "job_id"),
        Index("ix_clocking_repair_order_id", "repair_order_id"),
        Index("ix_clocking_started_at", "started_at"),
        CheckConstraint("(job_id IS NOT NULL AND reason = '') OR (job_id IS NULL AND repair_order_id IS NULL "
                        "AND reason <> '')", name="job_or_reason"),
    )

    repair_order_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_order.id"), nullable=True)
    job_id: Mapped[str | None] = mapped_column(ID, ForeignKey("repair_job.id"), nullable=True)
    technician: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(String(40), default="")
    corrected_by: Mapped[str] = mapped_column(String(64), default="")
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
