"""sync outbox: change capture of every synced table

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 10:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.ids import new_id
from store import capture

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SYNC_PERMISSIONS = ("sync.view",)

# The synced tables as they stand at this revision (models/sync.py classifies them). Frozen here:
# a later migration that adds or alters a synced table installs that table's triggers itself.
SYNCED_TABLES = (
    "role", "role_permission", "user_account", "setting", "tax_rate",
    "customer", "contact", "vehicle",
    "invoice", "invoice_line", "payment", "allocation", "cash_day", "rebate", "insurance_claim", "account_mapping",
    "brand", "part", "stock_movement", "stock_reservation", "supplier", "purchase_order", "purchase_order_line",
    "goods_receipt", "stock_count", "stock_count_line", "import_preset",
)


def upgrade() -> None:
    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_key', sa.Text(), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('data', sa.Text(), nullable=True),
    sa.Column('acked_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("op IN ('insert', 'update', 'delete')", name=op.f('ck_sync_outbox_op')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox'))
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index('ix_sync_outbox_acked_at', ['acked_at'], unique=False)

    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('terminal_id', sa.String(length=32), nullable=False),
    sa.Column('last_hlc', sa.Integer(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_sync_state_one_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )

    conn = op.get_bind()
    # The terminal id is the terminal row's id; a database not yet seeded gets one now, and the seed
    # gives its terminal row the same id (services/setup.py).
    terminal_id = conn.exec_driver_sql("SELECT id FROM terminal ORDER BY id LIMIT 1").scalar() or new_id()
    conn.exec_driver_sql("INSERT INTO sync_state (id, terminal_id, last_hlc, next_seq) VALUES (1, ?, 0, 1)",
                         (terminal_id,))

    # Granted before capture starts: every terminal makes this same change when it upgrades.
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    if "owner" in roles:
        for perm in SYNC_PERMISSIONS:
            conn.exec_driver_sql("INSERT OR IGNORE INTO role_permission (role_code, permission) VALUES (?, ?)",
                                 ("owner", perm))

    # Rows already in the database are its starting state, not changes: they are not captured.
    capture.install(conn, SYNCED_TABLES)


def downgrade() -> None:
    conn = op.get_bind()
    capture.uninstall(conn, SYNCED_TABLES)
    placeholders = ", ".join("?" for _ in SYNC_PERMISSIONS)
    conn.exec_driver_sql(f"DELETE FROM role_permission WHERE permission IN ({placeholders})", SYNC_PERMISSIONS)
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_outbox_acked_at')

    op.drop_table('sync_outbox')
