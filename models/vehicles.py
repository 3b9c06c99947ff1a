"""Vehicles known to the dealership: stock, sold and customers' own.

A :class:`Vehicle` is the physical car, known by its VIN for as long as the dealership sees it (in
stock, sold, back in the workshop, traded in again). A :class:`StockVehicle` is one stay of a car in
the dealership's stock, new or used, from order to delivery: a car traded in after it was sold has a
second one. Its status changes only through ``services/vehicles/stock.py``, which records each
change as a :class:`StockEvent` (stock in and out, with who and when).
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


class Vehicle(SyncedMixin, Audited, Base):
    __tablename__ = "vehicle"
    __table_args__ = (
        Index("ix_vehicle_plate", "plate"),
        Index("ix_vehicle_make_model", "make", "model"),
        Index("ix_vehicle_owner_id", "owner_id"),
        Index("ix_vehicle_model_year", "model_year"),
        Index("ix_vehicle_created_at", "created_at"),
    )

    vin: Mapped[str] = mapped_column(String(17), unique=True)
    make: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    variant: Mapped[str] = mapped_column(String(120), default="")
    model_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    colour: Mapped[str] = mapped_column(String(40), default="")
    fuel: Mapped[str] = mapped_column(String(20), default="")
    plate: Mapped[str] = mapped_column(String(20), default="")
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    odometer_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    owner_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("customer.id", ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # What a Chinese vehicle-sale invoice needs besides the VIN (发动机号).
    engine_number: Mapped[str] = mapped_column(String(40), default="", server_default="")


STOCK_CONDITIONS = ("new", "used")
STOCK_STATUSES = ("on_order", "in_transit", "in_stock", "reserved", "sold", "delivered")


class StockVehicle(SyncedMixin, Audited, Base):
    """One stay of a vehicle in stock. Amounts are minor units: ``purchase_cost`` is what the car
    cost the dealership (for a trade-in, its actual cash value); its true cost is ``purchase_cost``
    plus its added costs (reconditioning, freight). ``list_price`` is what it is offered at."""

    __tablename__ = "stock_vehicle"
    __table_args__ = (
        Index("ix_stock_vehicle_vehicle_id", "vehicle_id"),
        Index("ix_stock_vehicle_status", "status", "make", "model"),
        Index("ix_stock_vehicle_make_model", "make", "model", "status"),
        Index("ix_stock_vehicle_deal_id", "deal_id"),
        CheckConstraint("condition IN ('new', 'used')", name="condition"),
        CheckConstraint("status IN ('on_order', 'in_transit', 'in_stock', 'reserved', 'sold', 'delivered')",
                        name="status"),
        CheckConstraint("purchase_cost >= 0", name="purchase_cost"),
        CheckConstraint("list_price >= 0", name="list_price"),
    )

    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    stock_number: Mapped[str] = mapped_column(String(40), unique=True)
    condition: Mapped[str] = mapped_column(String(8), default="new")
    status: Mapped[str] = mapped_column(String(12), default="on_order")
    # Copied from the vehicle so that the stock list filters by model and status on one index.
    make: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    location: Mapped[str] = mapped_column(String(80), default="")
    ordered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    produced_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    arrived_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    sold_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    purchase_cost: Mapped[int] = mapped_column(Integer, default=0)
    list_price: Mapped[int] = mapped_column(Integer, default=0)
    # The deal that holds it (reserved, sold or delivered); empty while it is free.
    deal_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The catalogue trim a new vehicle was ordered as (empty for used stock or a trim since removed).
    trim_id: Mapped[str | None] = mapped_column(ID, nullable=True)


class StockVehicleCost(SyncedMixin, Audited, Base):
    """A cost added to a stock vehicle after it was bought (freight, reconditioning, accessories
    fitted, registration): part of its true cost and so of a deal's gross profit."""

    __tablename__ = "stock_vehicle_cost"
    __table_args__ = (Index("ix_stock_vehicle_cost_stock_vehicle_id", "stock_vehicle_id"),)

    stock_vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("stock_vehicle.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(Integer)
    incurred_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String(300), default="")


class StockEvent(SyncedMixin, Base):
    """A change of a stock vehicle's status (stock in, reserved, released, sold, delivered):
    append-only, with who and when, so the stock book can be read back for any day."""

    __tablename__ = "stock_event"
    __table_args__ = (
        Index("ix_stock_event_stock_vehicle_id", "stock_vehicle_id"),
        Index("ix_stock_event_at", "at"),
    )

    stock_vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("stock_vehicle.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64), default="")
    from_status: Mapped[str] = mapped_column(String(12), default="")
    to_status: Mapped[str] = mapped_column(String(12))
    deal_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    reason: Mapped[str] = mapped_column(String(300), default="")


DOCUMENT_KINDS = ("certificate_of_conformity", "import_documents", "keys", "registration", "other")


class VehicleDocument(SyncedMixin, Audited, Base):
    """A document (or the keys) of a vehicle the dealership must hold and hand over: the certificate
    of conformity (合格证), import documents, keys, registration papers. Received on a day and kept
    somewhere (the safe, the key cabinet), then handed over to someone on a day."""

    __tablename__ = "vehicle_document"
    __table_args__ = (
        Index("ix_vehicle_document_vehicle_id", "vehicle_id", "kind"),
        CheckConstraint("kind IN ('certificate_of_conformity', 'import_documents', 'keys', 'registration', "
                        "'other')", name="kind"),
    )

    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(60), default="")  # the certificate's number, keys' count
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    kept_at: Mapped[str] = mapped_column(String(80), default="")
    handed_over_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    handed_to: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(String(300), default="")


COST_KINDS = ("freight", "reconditioning", "accessories", "registration", "other")
# A correction of the purchase cost of a car already in stock, booked on the day it was made (may be
# negative): the cost as first booked stays in ``purchase_cost``, so a period's books never change.
PURCHASE_CORRECTION = "purchase_correction"


class CatalogueModel(SyncedMixin, Audited, Base):
    """A model the dealership sells (车系), by make: its trims and options are priced under it.
    Below ``low_stock_threshold`` vehicles on order, in transit or in stock (not reserved or sold)
    the stock screen raises a low-stock alert (0: never)."""

    __tablename__ = "catalogue_model"
    __table_args__ = (
        UniqueConstraint("make", "name", name="uq_catalogue_model_make_name"),
        CheckConstraint("low_stock_threshold >= 0", name="low_stock_threshold"),
    )

    make: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(80))
    low_stock_threshold: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(String(300), default="")


class CatalogueTrim(SyncedMixin, Audited, Base):
    """A trim (配置/版本) of a catalogue model for a model year, at its list price (指导价, minor units)."""

    __tablename__ = "catalogue_trim"
    __table_args__ = (
        UniqueConstraint("model_id", "name", "model_year", name="uq_catalogue_trim_model_id_name_model_year"),
        CheckConstraint("list_price >= 0", name="list_price"),
    )

    model_id: Mapped[str] = mapped_column(ID, ForeignKey("catalogue_model.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    model_year: Mapped[int] = mapped_column(Integer)
    fuel: Mapped[str] = mapped_column(String(20), default="")
    list_price: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CatalogueOption(SyncedMixin, Audited, Base):
    """An option (选装) of a catalogue model: a code, a name and its price (minor units)."""

    __tablename__ = "catalogue_option"
    __table_args__ = (
        UniqueConstraint("model_id", "code", name="uq_catalogue_option_model_id_code"),
        CheckConstraint("price >= 0", name="price"),
    )

    model_id: Mapped[str] = mapped_column(ID, ForeignKey("catalogue_model.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    price: Mapped[int] = mapped_column(Integer, default=0)


class StockVehicleOption(SyncedMixin, Audited, Base):
    """An option fitted to a stock vehicle, copied from the catalogue when chosen (a later price
    change of the catalogue does not change what this car was ordered with)."""

    __tablename__ = "stock_vehicle_option"
    __table_args__ = (Index("ix_stock_vehicle_option_stock_vehicle_id", "stock_vehicle_id"),)

    stock_vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("stock_vehicle.id", ondelete="CASCADE"))
    option_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    price: Mapped[int] = mapped_column(Integer, default=0)
