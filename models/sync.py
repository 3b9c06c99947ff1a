"""Sync (DESIGN §6): which tables sync, the outbox of captured changes and this terminal's sync state.

Every table is either synced or local-only, and this module is the one place that says which:
:func:`classify` writes ``table.info["sync"]`` (``"synced"`` or ``"local"``, with the reason for a
local-only table in ``table.info["sync_reason"]``) for every table on the metadata, and a test fails
on a table that is neither. Every committed insert, update or delete of a synced table writes a
:class:`SyncOutbox` row in the same transaction, by triggers that ``store/capture.py`` generates
from the schema; a new synced table needs its triggers installed by the migration that creates it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Base

SYNCED = "synced"
LOCAL = "local"

# The dealership's business data: every terminal holds it and changes it.
SYNCED_TABLES: frozenset[str] = frozenset({
    # admin: roles and their permissions, users, the dealership's settings and tax rates
    "role", "role_permission", "user_account", "setting", "tax_rate",
    # customers and vehicles (and the pairs of customer records marked as not one customer)
    "customer", "contact", "customer_tag", "customer_note", "customer_distinct", "vehicle",
    # showroom stock (its events are append-only)
    "stock_vehicle", "stock_vehicle_cost", "stock_event", "vehicle_document",
    # the vehicle catalogue (makes, models, trims, options) and the options fitted to stock vehicles
    "catalogue_model", "catalogue_trim", "catalogue_option", "stock_vehicle_option",
    # the showroom's leads and deals
    "lead", "lead_task", "test_drive", "deal", "loan_application", "trade_in",
    # finance and insurance (commission entries are append-only), trade-in appraisals, salespeople's
    # targets and commission rules
    "insurance_policy", "insurance_commission_entry", "trade_in_condition", "trade_in_reconditioning",
    "sales_target", "commission_rule",
    # a deal's lines, approvals (append-only decisions), approval levels and delivery checklist
    "deal_line", "deal_approval", "approval_level", "deal_delivery_item",
    # billing (payments and allocations are append-only, so they merge without conflicts)
    "invoice", "invoice_line", "payment", "allocation", "cash_day", "rebate", "rebate_entry", "insurance_claim",
    "account_mapping",
    # parts (the stock ledger is append-only)
    "brand", "part", "stock_movement", "stock_reservation", "supplier", "purchase_order",
    "purchase_order_line", "goods_receipt", "stock_count", "stock_count_line", "import_preset",
    # workshop (clockings are a technician's own record; each row changes only at its clock-off)
    "labour_operation", "labour_operation_part", "labour_rate", "repair_order", "repair_job", "repair_labour_line",
    "repair_part_line", "repair_extra_line", "repair_order_invoice", "clocking",
    # workshop appointments and the technicians, advisors and bays they are booked on
    "workshop_resource", "workshop_shift", "appointment", "appointment_operation",
    # service packages (menu prices)
    "service_menu", "service_menu_item", "service_menu_scope",
    # satisfaction surveys after handover and the follow-up tasks low scores raise
    "survey", "follow_up_task",
    # technicians' attendance (append-like: a row changes at its clock-out or a foreman's correction)
    "attendance", "clocking_reason",
    # reception and inspection
    "damage_note", "campaign", "campaign_vehicle", "health_check_template", "health_check_template_item",
    "health_check", "health_check_item", "health_check_photo", "work_estimate", "work_estimate_line",
})

# Tables that never leave this database, each with the reason.
LOCAL_ONLY: dict[str, str] = {
    "search_doc": "a search index derived from synced rows; each terminal rebuilds its own",
    "part_stock": "a cache of the stock ledger; syncing it would let one terminal's total overwrite another's "
                  "movements, so each terminal keeps it in step with the merged ledger",
    "number_series": "per-terminal state: each terminal owns its own series (DESIGN §2) and its integer ids are "
                     "per database",
    "terminal": "this installation's identity",
    "audit_entry": "the hash chain is per database: each entry's seq and prev_hash name the entry before it in "
                   "this file, so another terminal's entries cannot join it without breaking 'audit verify'; "
                   "the changes it records are themselves synced, with who and when",
    "audit_head": "the head of this database's audit chain",
    "sync_outbox": "the outbox itself: what this terminal has captured, not yet acknowledged",
    "sync_state": "per-terminal state of change capture: terminal id, last HLC stamp, next sequence",
}

OPERATIONS = ("insert", "update", "delete")


class SyncOutbox(Base):
    """One captured change of a synced row, written by the capture triggers in the writing transaction.

    ``seq`` is this terminal's gap-free sequence; ``hlc`` the packed HLC stamp (``core/hlc.py``);
    ``row_key`` the primary key as a JSON object; ``data`` a JSON object of column values: the whole
    row on insert, only the changed columns on update, NULL on delete (a tombstone). BLOB values are
    written as hex text. ``acked_at`` is set when the server has acknowledged the change.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_acked_at", "acked_at"),
        CheckConstraint("op IN ('insert', 'update', 'delete')", name="op"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    terminal_id: Mapped[str] = mapped_column(ID)
    hlc: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(64))
    row_key: Mapped[str] = mapped_column(Text)
    op: Mapped[str] = mapped_column(String(8))
    data: Mapped[str | None] = mapped_column(Text, nullable=True)
    acked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncState(Base):
    """Exactly one row (``id`` 1): this terminal's id, the last HLC stamp it issued (packed) and the
    sequence number its next captured change gets. Only the capture triggers advance it."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    terminal_id: Mapped[str] = mapped_column(ID)
    last_hlc: Mapped[int] = mapped_column(Integer, default=0)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)


def classify(metadata: MetaData) -> None:
    """Mark every table of ``metadata`` named in :data:`SYNCED_TABLES` or :data:`LOCAL_ONLY`; others
    stay unmarked (the classification test names them)."""
    for name, table in metadata.tables.items():
        if name in SYNCED_TABLES:
            table.info["sync"] = SYNCED
        elif name in LOCAL_ONLY:
            table.info["sync"] = LOCAL
            table.info["sync_reason"] = LOCAL_ONLY[name]


def is_synced(table: Table) -> bool:
    return table.info.get("sync") == SYNCED


def synced_tables(metadata: MetaData) -> list[str]:
    """The names of the synced tables of ``metadata``, sorted."""
    return sorted(name for name, table in metadata.tables.items() if is_synced(table))
