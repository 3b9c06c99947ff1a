"""The showroom: leads (a customer's interest in a car, followed up to won or lost) and deals (a sale
of one stock vehicle from quotation to delivery).

These are the records every part of the showroom links to; the lead pipeline, the deal's lines,
approvals, finance, insurance and trade-ins are described where they are kept.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

LEAD_SOURCES = ("walk_in", "phone", "web", "referral", "event")
LEAD_STATUSES = ("new", "contacted", "test_drive", "quotation", "won", "lost")
DEAL_STATUSES = ("quotation", "ordered", "invoiced", "delivered", "cancelled")


class Lead(SyncedMixin, Audited, Base):
    """A customer's interest in a car, from first contact to won (a deal) or lost (with a reason)."""

    __tablename__ = "lead"
    __table_args__ = (
        Index("ix_lead_customer_id", "customer_id"),
        Index("ix_lead_status_salesperson", "status", "salesperson"),
        Index("ix_lead_salesperson", "salesperson", "status"),
        Index("ix_lead_created_at", "created_at"),
        CheckConstraint("source IN ('walk_in', 'phone', 'web', 'referral', 'event')", name="source"),
        CheckConstraint("status IN ('new', 'contacted', 'test_drive', 'quotation', 'won', 'lost')", name="status"),
        CheckConstraint("budget >= 0", name="budget"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    source: Mapped[str] = mapped_column(String(12), default="walk_in")
    status: Mapped[str] = mapped_column(String(12), default="new")
    salesperson: Mapped[str] = mapped_column(String(64), default="")
    # The model of interest, as the catalogue names it.
    make: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    budget: Mapped[int] = mapped_column(Integer, default=0)
    lost_reason: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Deal(SyncedMixin, Audited, Base):
    """The sale of one vehicle to one customer, from quotation to delivery (or cancellation). Its
    number comes from the terminal's ``deal`` series when it is created."""

    __tablename__ = "deal"
    __table_args__ = (
        Index("ix_deal_customer_id", "customer_id"),
        Index("ix_deal_status", "status"),
        Index("ix_deal_salesperson", "salesperson", "status"),
        Index("ix_deal_stock_vehicle_id", "stock_vehicle_id"),
        Index("ix_deal_lead_id", "lead_id"),
        Index("ix_deal_quoted_on", "quoted_on"),
        CheckConstraint("status IN ('quotation', 'ordered', 'invoiced', 'delivered', 'cancelled')", name="status"),
    )

    number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="quotation")
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    lead_id: Mapped[str | None] = mapped_column(ID, ForeignKey("lead.id"), nullable=True)
    salesperson: Mapped[str] = mapped_column(String(64), default="")
    stock_vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("stock_vehicle.id"), nullable=True)
    quoted_on: Mapped[date] = mapped_column(Date)
    ordered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cancelled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
