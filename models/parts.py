"""Parts: brands, the catalogue, suppliers, the stock ledger, purchase orders and stock counts.

Stock on hand is the sum of ``stock_movement`` rows (DESIGN §4). ``part_stock`` caches on hand,
reserved and the moving average cost per part; it is written only in the same transaction as the
movement that changes it, and tests compare it with the ledger.
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

MOVEMENT_KINDS = ("receipt", "issue", "return_from_job", "counter_sale", "customer_return", "adjustment",
                  "count_variance", "transfer")
PO_STATUSES = ("draft", "sent", "partly_received", "received", "closed", "cancelled")
COUNT_STATUSES = ("open", "counting", "posted", "cancelled")


class Brand(SyncedMixin, Audited, Base):
    __tablename__ = "brand"

    name: Mapped[str] = mapped_column(String(80), unique=True)


class Part(SyncedMixin, Audited, Base):
    """A catalogue part. ``number_key`` is the part number folded for search and matching (case,
    spaces and dashes removed); part number + brand is the natural key."""

    __tablename__ = "part"
    __table_args__ = (
        UniqueConstraint("brand_id", "number_key"),
        Index("ix_part_number_key", "number_key"),
        Index("ix_part_barcode", "barcode"),
        Index("ix_part_category", "category"),
        Index("ix_part_superseded_by_id", "superseded_by_id"),
    )

    brand_id: Mapped[str] = mapped_column(ID, ForeignKey("brand.id"))
    part_number: Mapped[str] = mapped_column(String(60))
    number_key: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(300))
    description_alt: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    unit: Mapped[str] = mapped_column(String(16), default="pcs")
    barcode: Mapped[str] = mapped_column(String(64), default="")
    bin: Mapped[str] = mapped_column(String(40), default="")
    tax_code: Mapped[str] = mapped_column(String(16), default="")
    retail_price: Mapped[int] = mapped_column(Integer, default=0)
    trade_price: Mapped[int] = mapped_column(Integer, default=0)
    list_cost: Mapped[int] = mapped_column(Integer, default=0)
    min_qty: Mapped[int] = mapped_column(Integer, default=0)  # thousandths, like every quantity
    max_qty: Mapped[int] = mapped_column(Integer, default=0)
    reorder_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    preferred_supplier_id: Mapped[str | None] = mapped_column(ID, ForeignKey("supplier.id"), nullable=True)
    superseded_by_id: Mapped[str | None] = mapped_column(ID, ForeignKey("part.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PartStock(Base):
    """Cached stock figures of one part, kept in step with the ledger in the same transaction."""

    __tablename__ = "part_stock"

    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    average_cost: Mapped[int] = mapped_column(Integer, default=0)
    last_movement_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class StockMovement(SyncedMixin, Base):
    """Append-only: one change of stock. ``quantity`` is signed (thousandths); ``unit_cost`` is the
    cost it came in or went out at (issues at the moving average of that moment)."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        Index("ix_stock_movement_part_on", "part_id", "moved_on"),
        Index("ix_stock_movement_reference", "reference"),
        CheckConstraint("quantity != 0", name="quantity_nonzero"),
    )

    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int] = mapped_column(Integer, default=0)
    moved_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(80), default="")  # PO, RO, invoice or count number
    source_id: Mapped[str | None] = mapped_column(ID, nullable=True)  # the line that caused it
    notes: Mapped[str] = mapped_column(Text, default="")


class StockReservation(SyncedMixin, Audited, Base):
    """Stock set aside for a repair order or a customer's back order."""

    __tablename__ = "stock_reservation"
    __table_args__ = (Index("ix_stock_reservation_part_id", "part_id"),
                      Index("ix_stock_reservation_customer_id", "customer_id"))

    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    for_reference: Mapped[str] = mapped_column(String(80))
    customer_id: Mapped[str | None] = mapped_column(ID, ForeignKey("customer.id"), nullable=True)
    released_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Supplier(SyncedMixin, Audited, Base):
    __tablename__ = "supplier"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    terms: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PurchaseOrder(SyncedMixin, Audited, Base):
    __tablename__ = "purchase_order"
    __table_args__ = (Index("ix_purchase_order_supplier_status", "supplier_id", "status"),)

    number: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    supplier_id: Mapped[str] = mapped_column(ID, ForeignKey("supplier.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    ordered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    expected_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class PurchaseOrderLine(SyncedMixin, Audited, Base):
    __tablename__ = "purchase_order_line"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        Index("ix_purchase_order_line_part_id", "part_id"),
        Index("ix_purchase_order_line_for_customer_id", "for_customer_id"),
    )

    order_id: Mapped[str] = mapped_column(ID, ForeignKey("purchase_order.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer, default=0)
    # A line ordered for a customer's back order: received stock is reserved for them.
    for_customer_id: Mapped[str | None] = mapped_column(ID, ForeignKey("customer.id"), nullable=True)
    for_reference: Mapped[str] = mapped_column(String(80), default="")


class GoodsReceipt(SyncedMixin, Audited, Base):
    __tablename__ = "goods_receipt"

    order_id: Mapped[str] = mapped_column(ID, ForeignKey("purchase_order.id"))
    received_on: Mapped[date] = mapped_column(Date)
    supplier_reference: Mapped[str] = mapped_column(String(80), default="")


class StockCount(SyncedMixin, Audited, Base):
    __tablename__ = "stock_count"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    bin_from: Mapped[str] = mapped_column(String(40), default="")
    bin_to: Mapped[str] = mapped_column(String(40), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    started_on: Mapped[date] = mapped_column(Date)
    posted_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class StockCountLine(SyncedMixin, Audited, Base):
    """One part to count. ``expected`` is the ledger's on hand when the line was counted, so
    movements during the count do not turn into false variances."""

    __tablename__ = "stock_count_line"
    __table_args__ = (UniqueConstraint("count_id", "part_id"),)

    count_id: Mapped[str] = mapped_column(ID, ForeignKey("stock_count.id", ondelete="CASCADE"))
    part_id: Mapped[str] = mapped_column(ID, ForeignKey("part.id"))
    counted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected: Mapped[int | None] = mapped_column(Integer, nullable=True)
    counted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # The last ledger movement included in ``expected`` (movements after it happened during the count).
    ledger_mark: Mapped[str] = mapped_column(String(32), default="")


class ImportPreset(SyncedMixin, Audited, Base):
    """A remembered column mapping for an import kind (e.g. one supplier's price file layout)."""

    __tablename__ = "import_preset"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(80))
    mapping: Mapped[str] = mapped_column(Text)  # JSON: target field -> source column header
