"""Vehicles known to the dealership: stock, sold and customers' own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
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
