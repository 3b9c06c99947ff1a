"""posted invoices and credit notes are immutable in every column but the print count; rebates
keep their dated entries (expected, received) for the journal and the margins

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Printing a posted document counts the print, and the unit of work stamps who printed it and when;
# nothing else of a posted document may change.
_PRINT_COLUMNS = ("print_count",)
_STAMPS = ("updated_at", "updated_by")
_REFUSAL = "posted invoice is immutable"


def _columns(table: str) -> list[str]:
    # Read from the table as it stands when this runs, so a column added before it cannot be missed.
    return [row[1] for row in op.get_bind().exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _changed(columns: list[str]) -> str:
    return " OR ".join(f'new."{c}" IS NOT old."{c}"' for c in columns)


def upgrade() -> None:
    _guard_posted()
    _rebate_entries()
    # A new synced table: its writes go to the sync outbox like every other (migrations/README.md).
    # The rows copied in are the database's state before this version, not changes to send.
    capture.install(op.get_bind(), ["rebate_entry"])


def _rebate_entries() -> None:
    op.create_table('rebate_entry',
    sa.Column('rebate_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('booked_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['rebate_id'], ['rebate.id'], name=op.f('fk_rebate_entry_rebate_id_rebate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rebate_entry'))
    )
    with op.batch_alter_table('rebate_entry', schema=None) as batch_op:
        batch_op.create_index('ix_rebate_entry_booked_on', ['booked_on'], unique=False)
        batch_op.create_index('ix_rebate_entry_rebate_id', ['rebate_id'], unique=False)
    # Rebates recorded before: expected on the day they were recorded, received (in one sum, the only
    # figure kept) on the day of the latest receipt. The ids derive from the rebate's, one per kind.
    conn = op.get_bind()
    conn.exec_driver_sql(
        "INSERT INTO rebate_entry (rebate_id, kind, amount, booked_on, id, created_at, created_by, updated_at, "
        "updated_by) SELECT id, 'expected', expected_amount, date(created_at), substr(id, 1, 31) || 'e', "
        "created_at, created_by, created_at, created_by FROM rebate")
    conn.exec_driver_sql(
        "INSERT INTO rebate_entry (rebate_id, kind, amount, booked_on, id, created_at, created_by, updated_at, "
        "updated_by) SELECT id, 'received', received_amount, received_on, substr(id, 1, 31) || 'r', "
        "updated_at, updated_by, updated_at, updated_by FROM rebate WHERE received_amount > 0 "
        "AND received_on IS NOT NULL")


def _guard_posted() -> None:
    op.execute("DROP TRIGGER IF EXISTS invoice_posted_immutable")
    guarded = [c for c in _columns("invoice") if c not in _PRINT_COLUMNS + _STAMPS]
    printed = _changed(list(_PRINT_COLUMNS))
    op.execute(f"""CREATE TRIGGER invoice_posted_immutable BEFORE UPDATE ON invoice
        WHEN old.status = 'posted' AND ({_changed(guarded)} OR (NOT ({printed}) AND ({_changed(list(_STAMPS))}))
                                        OR new.print_count < old.print_count)
        BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""")
    # A draft's line moved onto a posted document would change it as surely as editing its own lines.
    op.execute("DROP TRIGGER IF EXISTS invoice_line_posted_update")
    op.execute(f"""CREATE TRIGGER invoice_line_posted_update BEFORE UPDATE ON invoice_line
        WHEN (SELECT status FROM invoice WHERE id = old.invoice_id) = 'posted'
          OR (SELECT status FROM invoice WHERE id = new.invoice_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""")


def downgrade() -> None:
    with op.batch_alter_table('rebate_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_rebate_entry_rebate_id')
        batch_op.drop_index('ix_rebate_entry_booked_on')
    op.drop_table('rebate_entry')
    # Back to the triggers of 0002.
    op.execute("DROP TRIGGER IF EXISTS invoice_posted_immutable")
    guarded = ("number", "kind", "status", "customer_id", "credited_invoice_id", "currency", "issued_on",
               "net_total", "tax_total", "total", "cost_total", "customer_name", "dealer_name")
    op.execute(f"""CREATE TRIGGER invoice_posted_immutable BEFORE UPDATE ON invoice
        WHEN old.status = 'posted' AND ({_changed(list(guarded))})
        BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""")
    op.execute("DROP TRIGGER IF EXISTS invoice_line_posted_update")
    op.execute(f"""CREATE TRIGGER invoice_line_posted_update BEFORE UPDATE ON invoice_line
        WHEN (SELECT status FROM invoice WHERE id = old.invoice_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""")
