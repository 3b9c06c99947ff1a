"""Users, roles, settings, numbering series and the audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin


class Role(Audited, Base):
    __tablename__ = "role"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class RolePermission(Audited, Base):
    __tablename__ = "role_permission"

    role_code: Mapped[str] = mapped_column(
        ForeignKey("role.code", ondelete="CASCADE"), primary_key=True
    )
    permission: Mapped[str] = mapped_column(String(64), primary_key=True)


class User(SyncedMixin, Audited, Base):
    __tablename__ = "user_account"
    __audit_exclude__ = Audited.__audit_exclude__ | {
        "password_hash",
        "failed_logins",
        "locked_until",
        "last_login_at",
    }

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role_code: Mapped[str] = mapped_column(ForeignKey("role.code"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class Setting(Audited, Base):
    """Dealership-wide settings as JSON values; binary values (the logo) in ``blob``."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null")
    blob: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class TaxRate(SyncedMixin, Audited, Base):
    __tablename__ = "tax_rate"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    # Basis points: 1300 = 13.00 %. Exact, and enough for every VAT/GST rate in use.
    rate_bp: Mapped[int] = mapped_column(Integer)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class NumberSeries(Audited, Base):
    """One gap-free counter per document type, terminal and year (DESIGN §2)."""

    __tablename__ = "number_series"
    __table_args__ = (UniqueConstraint("doc_type", "terminal_code", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_type: Mapped[str] = mapped_column(String(32))
    prefix: Mapped[str] = mapped_column(String(16))
    terminal_code: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    width: Mapped[int] = mapped_column(Integer, default=6)


class AuditEntry(Base):
    """Append-only, hash-chained record of every change to business data (DESIGN §5)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        Index("ix_audit_entry_at", "at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(ID, unique=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    terminal: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The newest entry's seq and hash, so deleting entries from the end is detectable too; the
    database's id, which names its audit key (:mod:`store.audit_key`); and the first entry whose
    hash is keyed (entries before it, written before keys existed, carry a plain hash)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")
    db_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    keyed_from: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Terminal(Base):
    """This installation's identity; exactly one row."""

    __tablename__ = "terminal"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
