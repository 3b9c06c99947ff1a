"""pairs of customer records marked as not one customer: ``customer_distinct``

Revision ID: 0020_customer_distinct
Revises: 0019_deal_line_automatic
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0020_customer_distinct'
down_revision = '0019_deal_line_automatic'
branch_labels = None
depends_on = None

NEW = ["customer_distinct"]


def upgrade() -> None:
    op.create_table('customer_distinct',
    sa.Column('customer_a_id', sa.String(length=32), nullable=False),
    sa.Column('customer_b_id', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('customer_a_id < customer_b_id', name=op.f('ck_customer_distinct_ordered')),
    sa.ForeignKeyConstraint(['customer_a_id'], ['customer.id'],
                            name=op.f('fk_customer_distinct_customer_a_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['customer_b_id'], ['customer.id'],
                            name=op.f('fk_customer_distinct_customer_b_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_distinct')),
    sa.UniqueConstraint('customer_a_id', 'customer_b_id', name=op.f('uq_customer_distinct_customer_a_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('customer_distinct', schema=None) as batch_op:
        batch_op.create_index('ix_customer_distinct_customer_b_id', ['customer_b_id'], unique=False)
    capture.install(op.get_bind(), NEW)


def downgrade() -> None:
    # Dropping the table drops its capture triggers with it.
    with op.batch_alter_table('customer_distinct', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_distinct_customer_b_id')
    op.drop_table('customer_distinct')
