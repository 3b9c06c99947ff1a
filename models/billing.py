"""Invoices and credit notes, their lines, payments and allocations, cash days, third-party money
and the accounting mapping (DESIGN §3–§4)."""

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

INVOICE_KINDS = ("vehicle_sale", "workshop", "counter_sale", "other", "credit_note")
INVOICE_STATUSES = ("draft", "posted")
ITEM_TYPES = ("vehicle", "labour", "part", "fee", "accessory", "other")
# The standard payment methods; the dealership orders them, switches them off and adds its own in the
# settings (services/billing/methods.py). "deposit" spends credit already held and is always offered.
PAYMENT_METHODS = ("cash", "wechat_pay", "alipay", "unionpay_card", "bank_transfer", "card", "finance_payout",
                   "insurance_payout", "voucher", "trade_in", "deposit")


class Invoice(SyncedMixin, Audited, Base):
    """An invoice or credit note. Drafts are editable; a posted one is immutable (the service is the
    guard) and carries copies of the customer's and dealership's details as they were at posting."""

    __tablename__ = "invoice"
    __table_args__ = (
        Index("ix_invoice_customer_id", "customer_id"),
        Index("ix_invoice_issued_on", "issued_on"),
        Index("ix_invoice_status_kind", "status", "kind"),
        Index("ix_invoice_credited_invoice_id", "credited_invoice_id"),
        CheckConstraint("status IN ('draft', 'posted')", name="status"),
    )

    number: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("vehicle.id"), nullable=True)
    credited_invoice_id: Mapped[str | None] = mapped_column(ID, ForeignKey("invoice.id"), nullable=True)
    reference: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3))
    prices_include_tax: Mapped[bool] = mapped_column(Boolean)
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    net_total: Mapped[int] = mapped_column(Integer, default=0)
    tax_total: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    cost_total: Mapped[int] = mapped_column(Integer, default=0)
    terminal_code: Mapped[str] = mapped_column(String(16), default="")
    posted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    posted_by: Mapped[str] = mapped_column(String(64), default="")
    # Copied at posting so that later edits of a customer or the dealership never change it.
    customer_name: Mapped[str] = mapped_column(String(200), default="")
    customer_address: Mapped[str] = mapped_column(String(400), default="")
    customer_phone: Mapped[str] = mapped_column(String(32), default="")
    customer_tax_id: Mapped[str] = mapped_column(String(40), default="")
    dealer_name: Mapped[str] = mapped_column(String(200), default="")
    dealer_address: Mapped[str] = mapped_column(String(400), default="")
    dealer_phone: Mapped[str] = mapped_column(String(40), default="")
    dealer_tax_id: Mapped[str] = mapped_column(String(40), default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    # The odometer reading of ``vehicle`` on this invoice (a workshop visit, a sale), in km.
    mileage_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # A discount on the whole invoice: its amount (worked out from ``discount_bp`` when that was
    # typed as a percentage), shared over the lines in their ``invoice_discount``.
    discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    discount_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)


class InvoiceLine(SyncedMixin, Audited, Base):
    """One line. Quantities are in thousandths (1.5 hours = 1500) so they stay exact; amounts are
    minor units; ``net``/``tax``/``total`` follow the rounding rule in services/billing/totals.py."""

    __tablename__ = "invoice_line"
    __table_args__ = (
        UniqueConstraint("invoice_id", "line_no"),
        Index("ix_invoice_line_credited_line_id", "credited_line_id"),
        Index("ix_invoice_line_stock_vehicle_id", "stock_vehicle_id"),
    )

    invoice_id: Mapped[str] = mapped_column(ID, ForeignKey("invoice.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    item_type: Mapped[str] = mapped_column(String(16), default="other")
    item_code: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(String(300))
    quantity_milli: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    discount: Mapped[int] = mapped_column(Integer, default=0)
    tax_code: Mapped[str] = mapped_column(String(16), default="")
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost: Mapped[int] = mapped_column(Integer, default=0)
    net: Mapped[int] = mapped_column(Integer, default=0)
    tax: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    credited_line_id: Mapped[str | None] = mapped_column(ID, ForeignKey("invoice_line.id"), nullable=True)
    # The catalogue part a counter-sale line sells: posting takes it out of stock, a credit note
    # brings it back.
    part_id: Mapped[str | None] = mapped_column(ID, ForeignKey("part.id"), nullable=True)
    # ``discount`` is the line's whole discount: its own (typed as an amount, or as the percentage
    # ``discount_bp``) plus ``invoice_discount``, its share of the invoice's discount.
    discount_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    invoice_discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The stock vehicle a deal's vehicle line sells: posting takes the car out of vehicle stock (and
    # its cost out of the vehicle inventory account), a credit note that takes the line back returns
    # it. Kept without a foreign key, like the deal's own links, so billing stays below the showroom.
    stock_vehicle_id: Mapped[str | None] = mapped_column(ID, nullable=True)


class Payment(SyncedMixin, Audited, Base):
    """Money in (positive) or out (a refund, negative). Append-only: a mistake is corrected by a
    refund or reversal, never by editing."""

    __tablename__ = "payment"
    __table_args__ = (
        Index("ix_payment_customer_id", "customer_id"),
        Index("ix_payment_paid_on", "paid_on"),
        Index("ix_payment_terminal_day", "terminal_code", "paid_on"),
    )

    paid_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    # The customer's name when the money was taken, as a posted invoice keeps it: the journal describes
    # the payment by it, so a period once exported reads the same after a rename or a merge.
    customer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    reference: Mapped[str] = mapped_column(String(80), default="")
    # A deposit held against an order (deal, repair order) until it is allocated to its invoice.
    held_for: Mapped[str] = mapped_column(String(80), default="")
    refund_of_id: Mapped[str | None] = mapped_column(ID, ForeignKey("payment.id"), nullable=True)
    terminal_code: Mapped[str] = mapped_column(String(16), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Allocation(SyncedMixin, Audited, Base):
    """Part of a payment, or of a credit note, settling part of an invoice."""

    __tablename__ = "allocation"
    __table_args__ = (
        Index("ix_allocation_invoice_id", "invoice_id"),
        Index("ix_allocation_payment_id", "payment_id"),
        Index("ix_allocation_credit_note_id", "credit_note_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("(payment_id IS NULL) != (credit_note_id IS NULL)", name="one_source"),
    )

    invoice_id: Mapped[str] = mapped_column(ID, ForeignKey("invoice.id"))
    payment_id: Mapped[str | None] = mapped_column(ID, ForeignKey("payment.id"), nullable=True)
    credit_note_id: Mapped[str | None] = mapped_column(ID, ForeignKey("invoice.id"), nullable=True)
    amount: Mapped[int] = mapped_column(Integer)
    allocated_on: Mapped[date] = mapped_column(Date)


class CashDay(SyncedMixin, Audited, Base):
    """A terminal's cash-desk day; once closed, its payments cannot change."""

    __tablename__ = "cash_day"
    __table_args__ = (UniqueConstraint("terminal_code", "day"),)

    terminal_code: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    opening_float: Mapped[int] = mapped_column(Integer, default=0)
    expected_cash: Mapped[int] = mapped_column(Integer, default=0)
    counted_cash: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Rebate(SyncedMixin, Audited, Base):
    """Manufacturer rebate or incentive expected for a vehicle or a campaign, and what arrived."""

    __tablename__ = "rebate"

    manufacturer: Mapped[str] = mapped_column(String(80))
    campaign: Mapped[str] = mapped_column(String(120), default="")
    vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("vehicle.id"), nullable=True)
    expected_amount: Mapped[int] = mapped_column(Integer)
    expected_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_amount: Mapped[int] = mapped_column(Integer, default=0)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


REBATE_ENTRY_KINDS = ("expected", "received")


class RebateEntry(SyncedMixin, Audited, Base):
    """One dated change to a rebate, append-only: what became expected (a correction is a further
    entry of the difference) or what arrived. The journal and the margins read these, so a period
    once reported never changes."""

    __tablename__ = "rebate_entry"
    __table_args__ = (
        Index("ix_rebate_entry_rebate_id", "rebate_id"),
        Index("ix_rebate_entry_booked_on", "booked_on"),
    )

    rebate_id: Mapped[str] = mapped_column(ID, ForeignKey("rebate.id"))
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Integer)
    booked_on: Mapped[date] = mapped_column(Date)


class InsuranceClaim(SyncedMixin, Audited, Base):
    """An accident repair paid partly by an insurer: approved amount, customer's excess, payout."""

    __tablename__ = "insurance_claim"
    __table_args__ = (UniqueConstraint("insurer", "claim_number"),
                      Index("ix_insurance_claim_customer_id", "customer_id"))

    insurer: Mapped[str] = mapped_column(String(120))
    claim_number: Mapped[str] = mapped_column(String(60))
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str | None] = mapped_column(ID, ForeignKey("vehicle.id"), nullable=True)
    invoice_id: Mapped[str | None] = mapped_column(ID, ForeignKey("invoice.id"), nullable=True)
    approved_amount: Mapped[int] = mapped_column(Integer, default=0)
    excess_amount: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open")
    paid_amount: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class AccountMapping(Audited, Base):
    """Which ledger account a journal line goes to: ``item:<type>``, ``tax:<code>``,
    ``method:<payment method>``, ``receivables``, ``customer_credit``, ``cost:<type>``, ``stock:<type>``."""

    __tablename__ = "account_mapping"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    account: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120), default="")
