"""vehicle stock reaches the journal: a deal's invoice line names the stock vehicle it sells, and the
account mapping gains the vehicle inventory and the cash-count difference, and books trade-ins and
bought-in costs where they belong

Revision ID: 0021_vehicle_journal
Revises: 0020_customer_distinct
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0021_vehicle_journal'
down_revision = '0020_customer_distinct'
branch_labels = None
depends_on = None

_POSTED_LINE_TRIGGER = "invoice_line_posted_update"
_STOCK = ("1405", "库存商品")
_PAYABLES = ("2202", "应付账款")
_CLEARING = ("2241", "其他应付款")
_PENDING_LOSSES = ("1901", "待处理财产损溢")
# Keys whose old default was the stock account: a line's cost that names no stock item is owed to
# whoever supplied it, and a trade-in is settled through a clearing account.
_NOT_STOCK = ("stock:vehicle", "stock:part", "stock:accessory", "stock:fee", "stock:other", "stock:*")


def _posted_line_trigger(conn) -> str | None:
    return conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                (_POSTED_LINE_TRIGGER,)).scalar()


def _remap(conn, *, trade_in: tuple[str, tuple[str, str]], others: tuple[str, tuple[str, str]]) -> None:
    """Move ``method:trade_in`` and the keys of :data:`_NOT_STOCK` from the account they were on by
    default to the new (account, name); a key mapped elsewhere is the accountant's choice and stays."""
    old, (account, name) = trade_in
    conn.exec_driver_sql("UPDATE account_mapping SET account = ?, name = ? WHERE key = 'method:trade_in' "
                         "AND account = ?", (account, name, old))
    old, (account, name) = others
    conn.exec_driver_sql(f"UPDATE account_mapping SET account = ?, name = ? WHERE account = ? "
                         f"AND key IN ({', '.join('?' for _ in _NOT_STOCK)})", (account, name, old, *_NOT_STOCK))


def upgrade() -> None:
    conn = op.get_bind()
    # What this writes is every terminal's starting state, not a change of this one: the capture
    # triggers are off while it is written and put back (knowing the new column) after.
    capture.uninstall(conn, ["invoice_line", "account_mapping"])
    op.add_column("invoice_line", sa.Column("stock_vehicle_id", sa.String(length=32), nullable=True))
    op.create_index("ix_invoice_line_stock_vehicle_id", "invoice_line", ["stock_vehicle_id"], unique=False)
    # The vehicle lines of the invoices deals made name the deal's car, and so do the credit-note
    # lines that took them back. Posted lines are immutable, so their guard is lifted for this alone.
    guard = _posted_line_trigger(conn)
    if guard:
        op.execute(f'DROP TRIGGER "{_POSTED_LINE_TRIGGER}"')
    conn.exec_driver_sql(
        "UPDATE invoice_line SET stock_vehicle_id = (SELECT d.stock_vehicle_id FROM deal d "
        "WHERE d.invoice_id = invoice_line.invoice_id) "
        "WHERE item_type = 'vehicle' AND quantity_milli > 0 AND EXISTS (SELECT 1 FROM deal d "
        "WHERE d.invoice_id = invoice_line.invoice_id AND d.stock_vehicle_id IS NOT NULL)")
    conn.exec_driver_sql(
        "UPDATE invoice_line SET stock_vehicle_id = (SELECT o.stock_vehicle_id FROM invoice_line o "
        "WHERE o.id = invoice_line.credited_line_id) "
        "WHERE credited_line_id IN (SELECT id FROM invoice_line WHERE stock_vehicle_id IS NOT NULL)")
    if guard:
        op.execute(guard)
    # Mappings still on the old defaults move to the new ones; an accountant's own choice stays.
    if conn.exec_driver_sql("SELECT 1 FROM account_mapping LIMIT 1").first() is not None:
        _remap(conn, trade_in=(_STOCK[0], _CLEARING), others=(_STOCK[0], _PAYABLES))
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO account_mapping (key, account, name) VALUES ('vehicle_inventory', ?, ?)", _STOCK)
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO account_mapping (key, account, name) VALUES ('cash_difference', ?, ?)",
            _PENDING_LOSSES)
    capture.install(conn, ["invoice_line", "account_mapping"])


def downgrade() -> None:
    conn = op.get_bind()
    capture.uninstall(conn, ["invoice_line", "account_mapping"])
    conn.exec_driver_sql("DELETE FROM account_mapping WHERE key IN ('vehicle_inventory', 'cash_difference')")
    _remap(conn, trade_in=(_CLEARING[0], _STOCK), others=(_PAYABLES[0], _STOCK))
    op.drop_index("ix_invoice_line_stock_vehicle_id", table_name="invoice_line")
    op.execute('ALTER TABLE invoice_line DROP COLUMN "stock_vehicle_id"')
    capture.install(conn, ["invoice_line", "account_mapping"])
