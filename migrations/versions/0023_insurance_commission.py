"""the commission an insurer owes for a policy is booked in dated, append-only entries, which the
journal reads (other receivables / other revenue)

Revision ID: 0023_insurance_commission
Revises: 0022_voucher_payable
Create Date: 2026-12-07 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0023_insurance_commission'
down_revision = '0022_voucher_payable'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('insurance_commission_entry',
    sa.Column('policy_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('booked_on', sa.Date(), nullable=False),
    sa.Column('insurer', sa.String(length=120), nullable=False),
    sa.Column('policy_number', sa.String(length=60), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['policy_id'], ['insurance_policy.id'],
                            name=op.f('fk_insurance_commission_entry_policy_id_insurance_policy')),
    sa.CheckConstraint("kind IN ('earned', 'corrected')", name=op.f('ck_insurance_commission_entry_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_commission_entry'))
    )
    with op.batch_alter_table('insurance_commission_entry', schema=None) as batch_op:
        batch_op.create_index('ix_insurance_commission_entry_booked_on', ['booked_on'], unique=False)
        batch_op.create_index('ix_insurance_commission_entry_policy_id', ['policy_id'], unique=False)
    # Policies recorded before: their commission as it stands, earned on the (local) day the policy
    # was recorded, under its insurer and number as they stand. The id derives from the policy's, so every terminal makes the same entry, and the
    # rows are the database's state before this version, not changes to send: captured from here on.
    op.get_bind().exec_driver_sql(
        "INSERT INTO insurance_commission_entry (policy_id, kind, amount, booked_on, insurer, policy_number, id, "
        "created_at, created_by, updated_at, updated_by) SELECT id, 'earned', commission, "
        "date(created_at, 'localtime'), insurer, policy_number, substr(id, 1, 31) || 'c', created_at, created_by, "
        "created_at, created_by FROM insurance_policy WHERE commission > 0")
    capture.install(op.get_bind(), ["insurance_commission_entry"])


def downgrade() -> None:
    with op.batch_alter_table('insurance_commission_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_insurance_commission_entry_policy_id')
        batch_op.drop_index('ix_insurance_commission_entry_booked_on')
    op.drop_table('insurance_commission_entry')
