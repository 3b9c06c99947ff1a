"""The showroom: leads (a customer's interest in a car, followed up to won or lost) and deals (a sale
of one stock vehicle from quotation to delivery).

These are the records every part of the showroom links to; the lead pipeline, the deal's lines,
approvals, finance, insurance and trade-ins are described where they are kept.
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

LEAD_SOURCES = ("walk_in", "phone", "web", "referral", "event")
LEAD_STATUSES = ("new", "contacted", "test_drive", "quotation", "won", "lost")
# Why a lead was lost (战败原因), with the salesperson's words beside the code.
LOST_REASONS = ("price", "bought_elsewhere", "other_brand", "finance_refused", "no_response", "postponed", "other")
DEAL_STATUSES = ("quotation", "ordered", "invoiced", "delivered", "cancelled")
LOAN_STATUSES = ("submitted", "approved", "rejected", "paid_out")
TRADE_IN_STATUSES = ("appraised", "accepted", "taken_in", "declined")
DEAL_LINE_KINDS = ("vehicle", "option", "accessory", "fee", "insurance")
APPROVAL_STATES = ("not_needed", "pending", "approved", "sent_back")
APPROVAL_DECISIONS = ("approved", "sent_back")
DELIVERY_ITEMS = ("registration", "keys")


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
    # One of LOST_REASONS once lost is asked for; ``lost_reason`` holds the words.
    lost_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # A salesperson's "lost" waits for a sales manager's confirmation: the lead keeps its stage until then.
    lost_requested_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    lost_requested_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # The last move through the pipeline (every move is in the audit trail too), and the day it was won or lost.
    stage_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    stage_changed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class LeadTask(SyncedMixin, Audited, Base):
    """A follow-up of a lead (跟进任务): what to do by when, for whom; done with what came of it."""

    __tablename__ = "lead_task"
    __table_args__ = (
        Index("ix_lead_task_lead_id", "lead_id", "done_at"),
        Index("ix_lead_task_assigned_to", "assigned_to", "done_at", "due_on"),
        Index("ix_lead_task_due_on", "due_on"),
    )

    lead_id: Mapped[str] = mapped_column(ID, ForeignKey("lead.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(String(300))
    assigned_to: Mapped[str] = mapped_column(String(64), default="")
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(2000), default="")


class TestDrive(SyncedMixin, Audited, Base):
    """A test drive (试驾) of a lead's customer: a stock vehicle, a known vehicle or a demo car, with the
    driving licence (驾驶证) checked before the start, and the odometer out and in when read."""

    __tablename__ = "test_drive"
    __table_args__ = (
        Index("ix_test_drive_lead_id", "lead_id"),
        Index("ix_test_drive_customer_id", "customer_id"),
        Index("ix_test_drive_started_at", "started_at"),
        CheckConstraint("licence_checked", name="licence_checked"),
        CheckConstraint("odometer_in IS NULL OR odometer_out IS NULL OR odometer_in >= odometer_out", name="odometer"),
    )
    __test__ = False  # not a pytest test class, whatever its name

    lead_id: Mapped[str] = mapped_column(ID, ForeignKey("lead.id", ondelete="CASCADE"))
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("vehicle.id"), nullable=True)
    stock_vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("stock_vehicle.id"), nullable=True)
    demo_car: Mapped[str] = mapped_column(String(120), default="")
    salesperson: Mapped[str] = mapped_column(String(64), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    odometer_out: Mapped[int | None] = mapped_column(Integer, nullable=True)
    odometer_in: Mapped[int | None] = mapped_column(Integer, nullable=True)
    licence_number: Mapped[str] = mapped_column(String(40))
    licence_expires_on: Mapped[date] = mapped_column(Date)
    licence_checked: Mapped[bool] = mapped_column(Boolean, default=False)
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
        Index("ix_deal_approval_state", "approval_state", "approval_level"),
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
    # Kept current by every change of the deal (minor units): ``price`` is the vehicle with its
    # options, accessories and fees before ``discount``; ``total`` what the customer pays for it all;
    # ``gross_profit`` what the deal earns after the vehicle's true cost, the trade-in's
    # over-allowance and the other costs (what targets and commissions count).
    price: Mapped[int] = mapped_column(Integer, default=0)
    discount: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    gross_profit: Mapped[int] = mapped_column(Integer, default=0)
    # A discount on the whole deal (an amount, or ``discount_bp`` typed as a percentage), shared over
    # the lines like an invoice's (services/billing/totals.py); ``discount`` above is every discount.
    deal_discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deal_discount_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    net_total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    tax_total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Approval (services/sales/approvals.py): the state, the level now waiting (0: none), the highest
    # level the priced content needs, and the fingerprint of that content the approvals are for.
    approval_state: Mapped[str] = mapped_column(String(12), default="not_needed", server_default="not_needed")
    approval_level: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    required_level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    fingerprint: Mapped[str] = mapped_column(String(64), default="", server_default="")
    deposit: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deposit_payment_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    invoice_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    pdi_repair_order_id: Mapped[str | None] = mapped_column(ID, nullable=True)


class DealLine(SyncedMixin, Audited, Base):
    """One priced line of a deal: the vehicle, an option, an accessory, a fee or an insurance premium.
    ``unit_cost`` is what an accessory or option costs the dealership (the vehicle's cost is its
    stock vehicle's true cost); amounts in minor units, quantities in thousandths. ``automatic`` names
    what keeps a line the deal's services write themselves (``negative_equity``: the finance owed on
    the trade-ins beyond their allowance); empty on the lines a person typed."""

    __tablename__ = "deal_line"
    __table_args__ = (
        UniqueConstraint("deal_id", "line_no"),
        CheckConstraint("kind IN ('vehicle', 'option', 'accessory', 'fee', 'insurance')", name="kind"),
    )

    deal_id: Mapped[str] = mapped_column(ID, ForeignKey("deal.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(String(300))
    quantity_milli: Mapped[int] = mapped_column(Integer, default=1000)
    unit_price: Mapped[int] = mapped_column(Integer, default=0)
    discount: Mapped[int] = mapped_column(Integer, default=0)  # the line's own, worked out from discount_bp
    discount_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deal_discount: Mapped[int] = mapped_column(Integer, default=0)  # its share of the deal's discount
    unit_cost: Mapped[int] = mapped_column(Integer, default=0)
    tax_code: Mapped[str] = mapped_column(String(16), default="")
    net: Mapped[int] = mapped_column(Integer, default=0)
    tax: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    automatic: Mapped[str] = mapped_column(String(24), default="", server_default="")


class ApprovalLevel(SyncedMixin, Audited, Base):
    """One level of deal approval: the role that approves at it and the limits a deal must keep for
    this level to be enough (``None``: no limit). Level 1 is the salesperson alone (no approval)."""

    __tablename__ = "approval_level"

    level: Mapped[int] = mapped_column(Integer, unique=True)
    role: Mapped[str] = mapped_column(String(32))
    max_discount_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_margin_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DealApproval(SyncedMixin, Audited, Base):
    """A decision on a deal at one level: approved, or sent back with a note. Append-only; an
    approval counts only while the deal's priced content still has ``fingerprint``."""

    __tablename__ = "deal_approval"
    __table_args__ = (
        Index("ix_deal_approval_deal_id", "deal_id", "at"),
        CheckConstraint("decision IN ('approved', 'sent_back')", name="decision"),
    )

    deal_id: Mapped[str] = mapped_column(ID, ForeignKey("deal.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(12))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(500), default="")
    fingerprint: Mapped[str] = mapped_column(String(64))
    discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    margin_bp: Mapped[int] = mapped_column(Integer, default=0)


class DealDeliveryItem(SyncedMixin, Audited, Base):
    """A delivery checklist item ticked by hand (registration done, keys handed over); the PDI and
    the documents are read from the workshop and the vehicle's documents."""

    __tablename__ = "deal_delivery_item"
    __table_args__ = (
        UniqueConstraint("deal_id", "item"),
        CheckConstraint("item IN ('registration', 'keys')", name="item"),
    )

    deal_id: Mapped[str] = mapped_column(ID, ForeignKey("deal.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[date] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class LoanApplication(SyncedMixin, Audited, Base):
    """Finance for a deal: applied for with a lender, approved or rejected, then paid out to the
    dealership. Approved (or paid out) finance lets a deal be delivered before the customer has paid
    that part. ``rate_bp`` is the yearly rate in basis points (4.5 % = 450)."""

    __tablename__ = "loan_application"
    __table_args__ = (
        Index("ix_loan_application_deal_id", "deal_id"),
        Index("ix_loan_application_status", "status"),
        CheckConstraint("status IN ('submitted', 'approved', 'rejected', 'paid_out')", name="status"),
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint("term_months > 0", name="term_months"),
        CheckConstraint("rate_bp >= 0", name="rate_bp"),
    )

    deal_id: Mapped[str] = mapped_column(ID, ForeignKey("deal.id"))
    lender: Mapped[str] = mapped_column(String(120))
    amount: Mapped[int] = mapped_column(Integer)
    term_months: Mapped[int] = mapped_column(Integer)
    rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="submitted")
    submitted_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_out_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reference: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class TradeIn(SyncedMixin, Audited, Base):
    """A customer's car appraised as part payment. ``actual_cash_value`` is what the dealership thinks
    it is worth as it stands; ``allowance`` what the customer is given for it on the deal (the
    difference is a discount in disguise and counts against the deal's gross profit);
    ``outstanding_finance`` what is still owed on it, which the dealership settles. Taken in, it
    becomes used stock (``stock_vehicle_id``) at its actual cash value plus reconditioning."""

    __tablename__ = "trade_in"
    __table_args__ = (
        Index("ix_trade_in_customer_id", "customer_id"),
        Index("ix_trade_in_deal_id", "deal_id"),
        Index("ix_trade_in_vehicle_id", "vehicle_id"),
        CheckConstraint("status IN ('appraised', 'accepted', 'taken_in', 'declined')", name="status"),
        CheckConstraint("actual_cash_value >= 0", name="actual_cash_value"),
        CheckConstraint("allowance >= 0", name="allowance"),
        CheckConstraint("outstanding_finance >= 0", name="outstanding_finance"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    deal_id: Mapped[str | None] = mapped_column(ID, ForeignKey("deal.id"), nullable=True)
    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    status: Mapped[str] = mapped_column(String(12), default="appraised")
    appraised_on: Mapped[date] = mapped_column(Date)
    appraiser: Mapped[str] = mapped_column(String(64), default="")
    mileage_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actual_cash_value: Mapped[int] = mapped_column(Integer, default=0)
    allowance: Mapped[int] = mapped_column(Integer, default=0)
    outstanding_finance: Mapped[int] = mapped_column(Integer, default=0)
    finance_lender: Mapped[str] = mapped_column(String(120), default="")
    stock_vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("stock_vehicle.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
