"""Customers (people and companies), their contacts, tags and notes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

CUSTOMER_KINDS = ("person", "company")
# A customer's grade: A the most valuable … D dormant ("" not graded). The labels are the screens'.
GRADES = ("A", "B", "C", "D")


class Customer(SyncedMixin, Audited, Base):
    __tablename__ = "customer"
    # Folded copies of the names, kept for duplicate checks: the audit records the names themselves.
    __audit_exclude__ = Audited.__audit_exclude__ | {"name_key", "alt_key"}
    __table_args__ = (
        Index("ix_customer_name", "name"),
        Index("ix_customer_phone", "phone"),
        Index("ix_customer_city", "city"),
        Index("ix_customer_created_at", "created_at"),
        Index("ix_customer_id_number", "id_number"),
        Index("ix_customer_email", "email"),
        Index("ix_customer_company_reg", "company_reg"),
        Index("ix_customer_name_key", "name_key"),
        Index("ix_customer_alt_key", "alt_key"),
        Index("ix_customer_merged_into_id", "merged_into_id"),
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
    # The day marketing consent was given (kept while it holds) and the day it was withdrawn.
    marketing_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    marketing_withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    grade: Mapped[str] = mapped_column(String(1), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The name and the other spelling folded for duplicate checks (case, width, spaces, word order).
    name_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    alt_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Set when this record was merged into another: it stays (other terminals may still refer to it)
    # but is inactive and left out of lists and search.
    merged_into_id: Mapped[str | None] = mapped_column(ID, ForeignKey("customer.id"), nullable=True)


class Contact(SyncedMixin, Audited, Base):
    """A person to talk to at a company customer (or a second contact for a person)."""

    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_customer_id", "customer_id"),
        Index("ix_contact_phone", "phone"),
        Index("ix_contact_email", "email"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class CustomerTag(SyncedMixin, Audited, Base):
    """A free tag on a customer ("VIP", "fleet", "WeChat group"), several per customer."""

    __tablename__ = "customer_tag"
    __table_args__ = (
        UniqueConstraint("customer_id", "tag"),
        Index("ix_customer_tag_tag", "tag", "customer_id"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(40))


class CustomerNote(SyncedMixin, Audited, Base):
    """A dated note about a customer; who wrote it and when are its created_by and created_at."""

    __tablename__ = "customer_note"
    __table_args__ = (Index("ix_customer_note_customer_id", "customer_id", "created_at"),)

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)


class CustomerDistinct(SyncedMixin, Audited, Base):
    """Two customer records a user decided are not one customer (a family's shared e-mail, a company's
    phone): the duplicates review no longer groups them. The pair is kept in one order (the smaller id
    first) so that it is recorded once; who decided and when are its created_by and created_at."""

    __tablename__ = "customer_distinct"
    __table_args__ = (
        UniqueConstraint("customer_a_id", "customer_b_id"),
        Index("ix_customer_distinct_customer_b_id", "customer_b_id"),
        CheckConstraint("customer_a_id < customer_b_id", name="ordered"),
    )

    customer_a_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
    customer_b_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id", ondelete="CASCADE"))
