"""insurance policies, trade-in appraisal details (condition by area, reconditioning by kind),
salespeople's monthly targets and commission rules

Revision ID: 0018_finance
Revises: 0017_deals
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0018_finance'
down_revision = '0017_deals'
branch_labels = None
depends_on = None

NEW = ["insurance_policy", "trade_in_condition", "trade_in_reconditioning", "sales_target", "commission_rule"]


def upgrade() -> None:
    op.create_table('commission_rule',
    sa.Column('salesperson', sa.String(length=64), nullable=False),
    sa.Column('gross_bp', sa.Integer(), nullable=False),
    sa.Column('per_unit', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('gross_bp >= 0 AND gross_bp <= 10000', name=op.f('ck_commission_rule_gross_bp')),
    sa.CheckConstraint('per_unit >= 0', name=op.f('ck_commission_rule_per_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_rule')),
    sa.UniqueConstraint('salesperson', name=op.f('uq_commission_rule_salesperson')),
    )
    op.create_table('sales_target',
    sa.Column('salesperson', sa.String(length=64), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('gross', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('gross >= 0', name=op.f('ck_sales_target_gross')),
    sa.CheckConstraint('units >= 0', name=op.f('ck_sales_target_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_target')),
    sa.UniqueConstraint('salesperson', 'month', name=op.f('uq_sales_target_salesperson')),
    )
    with op.batch_alter_table('sales_target', schema=None) as batch_op:
        batch_op.create_index('ix_sales_target_month', ['month'], unique=False)
    op.create_table('insurance_policy',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('deal_id', sa.String(length=32), nullable=True),
    sa.Column('insurer', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('policy_number', sa.String(length=60), nullable=False),
    sa.Column('premium', sa.Integer(), nullable=False),
    sa.Column('commission', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('renewed_from_id', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("kind IN ('compulsory', 'commercial', 'other')", name=op.f('ck_insurance_policy_kind')),
    sa.CheckConstraint('commission >= 0', name=op.f('ck_insurance_policy_commission')),
    sa.CheckConstraint('ends_on > starts_on', name=op.f('ck_insurance_policy_dates')),
    sa.CheckConstraint('premium >= 0', name=op.f('ck_insurance_policy_premium')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_insurance_policy_customer_id_customer')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_insurance_policy_deal_id_deal')),
    sa.ForeignKeyConstraint(['renewed_from_id'], ['insurance_policy.id'], name=op.f('fk_insurance_policy_renewed_from_id_insurance_policy')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_insurance_policy_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_policy')),
    )
    with op.batch_alter_table('insurance_policy', schema=None) as batch_op:
        batch_op.create_index('ix_insurance_policy_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_insurance_policy_deal_id', ['deal_id'], unique=False)
        batch_op.create_index('ix_insurance_policy_ends_on', ['ends_on'], unique=False)
        batch_op.create_index('ix_insurance_policy_renewed_from_id', ['renewed_from_id'], unique=False)
        batch_op.create_index('ix_insurance_policy_vehicle_id', ['vehicle_id'], unique=False)
    op.create_table('trade_in_condition',
    sa.Column('trade_in_id', sa.String(length=32), nullable=False),
    sa.Column('area', sa.String(length=12), nullable=False),
    sa.Column('grade', sa.String(length=8), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("area IN ('body', 'paint', 'interior', 'engine', 'gearbox', 'tyres', 'electrics')", name=op.f('ck_trade_in_condition_area')),
    sa.CheckConstraint("grade IN ('good', 'fair', 'poor')", name=op.f('ck_trade_in_condition_grade')),
    sa.ForeignKeyConstraint(['trade_in_id'], ['trade_in.id'], name=op.f('fk_trade_in_condition_trade_in_id_trade_in'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_in_condition')),
    sa.UniqueConstraint('trade_in_id', 'area', name=op.f('uq_trade_in_condition_trade_in_id')),
    )
    op.create_table('trade_in_reconditioning',
    sa.Column('trade_in_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("kind IN ('body_paint', 'mechanical', 'tyres', 'cleaning', 'other')", name=op.f('ck_trade_in_reconditioning_kind')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_trade_in_reconditioning_amount')),
    sa.ForeignKeyConstraint(['trade_in_id'], ['trade_in.id'], name=op.f('fk_trade_in_reconditioning_trade_in_id_trade_in'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_in_reconditioning')),
    sa.UniqueConstraint('trade_in_id', 'kind', name=op.f('uq_trade_in_reconditioning_trade_in_id')),
    )
    capture.install(op.get_bind(), NEW)


def downgrade() -> None:
    op.drop_table('trade_in_reconditioning')
    op.drop_table('trade_in_condition')
    with op.batch_alter_table('insurance_policy', schema=None) as batch_op:
        batch_op.drop_index('ix_insurance_policy_vehicle_id')
        batch_op.drop_index('ix_insurance_policy_renewed_from_id')
        batch_op.drop_index('ix_insurance_policy_ends_on')
        batch_op.drop_index('ix_insurance_policy_deal_id')
        batch_op.drop_index('ix_insurance_policy_customer_id')
    op.drop_table('insurance_policy')
    with op.batch_alter_table('sales_target', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_target_month')
    op.drop_table('sales_target')
    op.drop_table('commission_rule')
