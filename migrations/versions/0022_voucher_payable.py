"""a voucher handed in is debited to other payables, not to the customers' advances: the advance
account then equals what customers hold in credit, as the receivables report shows it

Revision ID: 0022_voucher_payable
Revises: 0021_vehicle_journal
Create Date: 2026-12-07 19:40:00
"""

from __future__ import annotations

from alembic import op

from store import capture

revision = '0022_voucher_payable'
down_revision = '0021_vehicle_journal'
branch_labels = None
depends_on = None

_ADVANCES = ("2203", "预收账款")
_OTHER_PAYABLES = ("2241", "其他应付款")


def _move(old: tuple[str, str], new: tuple[str, str]) -> None:
    """Move ``method:voucher`` from ``old`` to ``new`` where it is still on ``old``: an account the
    accountant chose stays. Every terminal makes the same move, so it is not captured for sync."""
    conn = op.get_bind()
    capture.uninstall(conn, ["account_mapping"])
    conn.exec_driver_sql("UPDATE account_mapping SET account = ?, name = ? WHERE key = 'method:voucher' "
                         "AND account = ?", (*new, old[0]))
    capture.install(conn, ["account_mapping"])


def upgrade() -> None:
    _move(_ADVANCES, _OTHER_PAYABLES)


def downgrade() -> None:
    _move(_OTHER_PAYABLES, _ADVANCES)
