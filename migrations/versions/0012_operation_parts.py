"""the parts a labour operation usually needs (its kit), which the parts desk prepares for the next
day's bookings

Revision ID: 0012_operation_parts
Revises: 0011_reception
Create Date: 2026-12-07 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0012_operation_parts'
down_revision = '0011_reception'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('labour_operation_part',
    sa.Column('operation_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_labour_operation_part_quantity')),
    sa.ForeignKeyConstraint(['operation_id'], ['labour_operation.id'], name=op.f('fk_labour_operation_part_operation_id_labour_operation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_labour_operation_part_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_operation_part')),
    sa.UniqueConstraint('operation_id', 'line_no', name=op.f('uq_labour_operation_part_operation_id')),
    info={'sync': 'synced'}
    )
    capture.install(op.get_bind(), ["labour_operation_part"])


def downgrade() -> None:
    op.drop_table('labour_operation_part')
