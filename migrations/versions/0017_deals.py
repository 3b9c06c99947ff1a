"""deals: a deal's priced lines, its approvals and the approval levels, its delivery checklist; the
deal's totals, approval state, deposit, invoice and PDI repair order

Revision ID: 0017_deals
Revises: 0016_leads
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0017_deals'
down_revision = '0016_leads'
branch_labels = None
depends_on = None

NEW = ["approval_level", "deal_approval", "deal_delivery_item", "deal_line"]
DEAL_COLUMNS = ["deal_discount", "deal_discount_bp", "net_total", "tax_total", "approval_state", "approval_level",
                "required_level", "fingerprint", "deposit", "deposit_payment_id", "invoice_id", "pdi_repair_order_id"]


def upgrade() -> None:
    op.create_table('approval_level',
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('max_discount_bp', sa.Integer(), nullable=True),
    sa.Column('min_margin_bp', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_level')),
    sa.UniqueConstraint('level', name=op.f('uq_approval_level_level')),
    info={'sync': 'synced'}
    )
    op.create_table('deal_approval',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=12), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('margin_bp', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("decision IN ('approved', 'sent_back')", name=op.f('ck_deal_approval_decision')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_deal_approval_deal_id_deal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_approval')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('deal_approval', schema=None) as batch_op:
        batch_op.create_index('ix_deal_approval_deal_id', ['deal_id', 'at'], unique=False)

    op.create_table('deal_delivery_item',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('item', sa.String(length=16), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("item IN ('registration', 'keys')", name=op.f('ck_deal_delivery_item_item')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_deal_delivery_item_deal_id_deal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_delivery_item')),
    sa.UniqueConstraint('deal_id', 'item', name=op.f('uq_deal_delivery_item_deal_id')),
    info={'sync': 'synced'}
    )
    op.create_table('deal_line',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('discount', sa.Integer(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=True),
    sa.Column('deal_discount', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('tax_code', sa.String(length=16), nullable=False),
    sa.Column('net', sa.Integer(), nullable=False),
    sa.Column('tax', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("kind IN ('vehicle', 'option', 'accessory', 'fee', 'insurance')", name=op.f('ck_deal_line_kind')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_deal_line_deal_id_deal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_line')),
    sa.UniqueConstraint('deal_id', 'line_no', name=op.f('uq_deal_line_deal_id')),
    info={'sync': 'synced'}
    )
    op.add_column('deal', sa.Column('deal_discount', sa.Integer(), server_default='0', nullable=False))
    op.add_column('deal', sa.Column('deal_discount_bp', sa.Integer(), nullable=True))
    op.add_column('deal', sa.Column('net_total', sa.Integer(), server_default='0', nullable=False))
    op.add_column('deal', sa.Column('tax_total', sa.Integer(), server_default='0', nullable=False))
    op.add_column('deal', sa.Column('approval_state', sa.String(length=12), server_default='not_needed', nullable=False))
    op.add_column('deal', sa.Column('approval_level', sa.Integer(), server_default='0', nullable=False))
    op.add_column('deal', sa.Column('required_level', sa.Integer(), server_default='1', nullable=False))
    op.add_column('deal', sa.Column('fingerprint', sa.String(length=64), server_default='', nullable=False))
    op.add_column('deal', sa.Column('deposit', sa.Integer(), server_default='0', nullable=False))
    op.add_column('deal', sa.Column('deposit_payment_id', sa.String(length=32), nullable=True))
    op.add_column('deal', sa.Column('invoice_id', sa.String(length=32), nullable=True))
    op.add_column('deal', sa.Column('pdi_repair_order_id', sa.String(length=32), nullable=True))
    op.create_index('ix_deal_approval_state', 'deal', ['approval_state', 'approval_level'], unique=False)


    # The deal's capture triggers must know its new columns.
    capture.install(op.get_bind(), ["deal", *NEW])


def downgrade() -> None:
    op.drop_index('ix_deal_approval_state', table_name='deal')
    with op.batch_alter_table('deal', schema=None) as batch_op:
        for column in reversed(DEAL_COLUMNS):
            batch_op.drop_column(column)

    op.drop_table('deal_line')
    op.drop_table('deal_delivery_item')
    with op.batch_alter_table('deal_approval', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_approval_deal_id')

    op.drop_table('deal_approval')
    op.drop_table('approval_level')
    capture.install(op.get_bind(), ["deal"])
