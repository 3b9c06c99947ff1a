"""Customers (people and companies) and their contacts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

CUSTOMER_KINDS = ("person", "company")


class Customer(SyncedMixin, Audited, Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name", "name"),
        Index("ix_customer_phone", "phone"),
        Index("ix_customer_city", "city"),
        Index("ix_customer_created_at", "created_at"),
        Index("ix_customer_id_number", "id_number"),
    )

    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(200))
    # A second spelling (pinyin, English trading name) so either script finds the customer.
    alt_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    id_number: Mapped[str] = mapped_column(String(32), default="")
    company_reg: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(16), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="")
    marketing_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Contact(SyncedMixin, Audited, Base):
    """A person to talk to at a company customer (or a second contact for a person)."""

    __tablename__ = "contact"
    __table_args__ = (Index("ix_contact_customer_id", "customer_id"),)

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
