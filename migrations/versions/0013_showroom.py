"""the showroom: stock vehicles (one stay of a car in stock, its added costs and its moves in and out
of stock) and its documents, leads, deals, their loan applications and trade-ins; the engine number
of a vehicle

Revision ID: 0013_showroom
Revises: 0012_operation_parts
Create Date: 2026-12-07 07:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0013_showroom'
down_revision = '0012_operation_parts'
branch_labels = None
depends_on = None

NEW = ["stock_vehicle", "stock_vehicle_cost", "stock_event", "lead", "deal", "loan_application", "trade_in",
       "vehicle_document"]

# Frozen here: the built-in roles' grants of the sales area's permissions at this revision
# (services/sales/area.py); a new database gets them when it is seeded.
_VIEW = ("owner", "sales_manager", "salesperson", "cashier", "read_only")
_SELL = ("owner", "sales_manager", "salesperson")
GRANTS = {
    "lead.view": _VIEW, "deal.view": _VIEW, "lead.edit": _SELL, "deal.edit": _SELL,
    "finance.edit": (*_SELL, "cashier"), "lead.confirm_lost": ("owner", "sales_manager"),
    "deal.approve": ("owner", "sales_manager"), "target.edit": ("owner", "sales_manager"),
}


def _grant(conn) -> None:
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    # Every terminal makes this same change when it upgrades: it is not captured for sync.
    capture.uninstall(conn, ["role_permission"])
    try:
        for permission, granted in GRANTS.items():
            for role in granted:
                if role in roles:
                    conn.exec_driver_sql(
                        "INSERT OR IGNORE INTO role_permission (role_code, permission) VALUES (?, ?)",
                        (role, permission))
    finally:
        capture.install(conn, ["role_permission"])


def _revoke(conn) -> None:
    capture.uninstall(conn, ["role_permission"])
    try:
        for permission in GRANTS:
            conn.exec_driver_sql("DELETE FROM role_permission WHERE permission = ?", (permission,))
    finally:
        capture.install(conn, ["role_permission"])


def upgrade() -> None:
    op.create_table('lead',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('salesperson', sa.String(length=64), nullable=False),
    sa.Column('make', sa.String(length=60), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('budget', sa.Integer(), nullable=False),
    sa.Column('lost_reason', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("source IN ('walk_in', 'phone', 'web', 'referral', 'event')", name=op.f('ck_lead_source')),
    sa.CheckConstraint("status IN ('new', 'contacted', 'test_drive', 'quotation', 'won', 'lost')", name=op.f('ck_lead_status')),
    sa.CheckConstraint('budget >= 0', name=op.f('ck_lead_budget')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_lead_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.create_index('ix_lead_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_lead_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_lead_salesperson', ['salesperson', 'status'], unique=False)
        batch_op.create_index('ix_lead_status_salesperson', ['status', 'salesperson'], unique=False)

    op.create_table('stock_vehicle',
    sa.Column('vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('stock_number', sa.String(length=40), nullable=False),
    sa.Column('condition', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('make', sa.String(length=60), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('location', sa.String(length=80), nullable=False),
    sa.Column('ordered_on', sa.Date(), nullable=True),
    sa.Column('produced_on', sa.Date(), nullable=True),
    sa.Column('arrived_on', sa.Date(), nullable=True),
    sa.Column('sold_on', sa.Date(), nullable=True),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('purchase_cost', sa.Integer(), nullable=False),
    sa.Column('list_price', sa.Integer(), nullable=False),
    sa.Column('deal_id', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("condition IN ('new', 'used')", name=op.f('ck_stock_vehicle_condition')),
    sa.CheckConstraint("status IN ('on_order', 'in_transit', 'in_stock', 'reserved', 'sold', 'delivered')", name=op.f('ck_stock_vehicle_status')),
    sa.CheckConstraint('list_price >= 0', name=op.f('ck_stock_vehicle_list_price')),
    sa.CheckConstraint('purchase_cost >= 0', name=op.f('ck_stock_vehicle_purchase_cost')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_stock_vehicle_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_vehicle')),
    sa.UniqueConstraint('stock_number', name=op.f('uq_stock_vehicle_stock_number')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('stock_vehicle', schema=None) as batch_op:
        batch_op.create_index('ix_stock_vehicle_deal_id', ['deal_id'], unique=False)
        batch_op.create_index('ix_stock_vehicle_make_model', ['make', 'model', 'status'], unique=False)
        batch_op.create_index('ix_stock_vehicle_status', ['status', 'make', 'model'], unique=False)
        batch_op.create_index('ix_stock_vehicle_vehicle_id', ['vehicle_id'], unique=False)

    op.create_table('deal',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('lead_id', sa.String(length=32), nullable=True),
    sa.Column('salesperson', sa.String(length=64), nullable=False),
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('quoted_on', sa.Date(), nullable=False),
    sa.Column('ordered_on', sa.Date(), nullable=True),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('discount', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('gross_profit', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("status IN ('quotation', 'ordered', 'invoiced', 'delivered', 'cancelled')", name=op.f('ck_deal_status')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_deal_customer_id_customer')),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_deal_lead_id_lead')),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'], name=op.f('fk_deal_stock_vehicle_id_stock_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal')),
    sa.UniqueConstraint('number', name=op.f('uq_deal_number')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.create_index('ix_deal_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_deal_lead_id', ['lead_id'], unique=False)
        batch_op.create_index('ix_deal_quoted_on', ['quoted_on'], unique=False)
        batch_op.create_index('ix_deal_salesperson', ['salesperson', 'status'], unique=False)
        batch_op.create_index('ix_deal_status', ['status'], unique=False)
        batch_op.create_index('ix_deal_stock_vehicle_id', ['stock_vehicle_id'], unique=False)

    op.create_table('stock_event',
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=False),
    sa.Column('to_status', sa.String(length=12), nullable=False),
    sa.Column('deal_id', sa.String(length=32), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'], name=op.f('fk_stock_event_stock_vehicle_id_stock_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_event')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('stock_event', schema=None) as batch_op:
        batch_op.create_index('ix_stock_event_at', ['at'], unique=False)
        batch_op.create_index('ix_stock_event_stock_vehicle_id', ['stock_vehicle_id'], unique=False)

    op.create_table('stock_vehicle_cost',
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('incurred_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'], name=op.f('fk_stock_vehicle_cost_stock_vehicle_id_stock_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_vehicle_cost')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('stock_vehicle_cost', schema=None) as batch_op:
        batch_op.create_index('ix_stock_vehicle_cost_stock_vehicle_id', ['stock_vehicle_id'], unique=False)

    op.add_column('vehicle', sa.Column('engine_number', sa.String(length=40), server_default='', nullable=False))
    op.create_table('loan_application',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('lender', sa.String(length=120), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=False),
    sa.Column('rate_bp', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('paid_out_on', sa.Date(), nullable=True),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("status IN ('submitted', 'approved', 'rejected', 'paid_out')", name=op.f('ck_loan_application_status')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_loan_application_amount')),
    sa.CheckConstraint('rate_bp >= 0', name=op.f('ck_loan_application_rate_bp')),
    sa.CheckConstraint('term_months > 0', name=op.f('ck_loan_application_term_months')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_loan_application_deal_id_deal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loan_application')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('loan_application', schema=None) as batch_op:
        batch_op.create_index('ix_loan_application_deal_id', ['deal_id'], unique=False)
        batch_op.create_index('ix_loan_application_status', ['status'], unique=False)

    op.create_table('trade_in',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('deal_id', sa.String(length=32), nullable=True),
    sa.Column('vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('appraised_on', sa.Date(), nullable=False),
    sa.Column('appraiser', sa.String(length=64), nullable=False),
    sa.Column('mileage_km', sa.Integer(), nullable=True),
    sa.Column('actual_cash_value', sa.Integer(), nullable=False),
    sa.Column('allowance', sa.Integer(), nullable=False),
    sa.Column('outstanding_finance', sa.Integer(), nullable=False),
    sa.Column('finance_lender', sa.String(length=120), nullable=False),
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("status IN ('appraised', 'accepted', 'taken_in', 'declined')", name=op.f('ck_trade_in_status')),
    sa.CheckConstraint('actual_cash_value >= 0', name=op.f('ck_trade_in_actual_cash_value')),
    sa.CheckConstraint('allowance >= 0', name=op.f('ck_trade_in_allowance')),
    sa.CheckConstraint('outstanding_finance >= 0', name=op.f('ck_trade_in_outstanding_finance')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_trade_in_customer_id_customer')),
    sa.ForeignKeyConstraint(['deal_id'], ['deal.id'], name=op.f('fk_trade_in_deal_id_deal')),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'], name=op.f('fk_trade_in_stock_vehicle_id_stock_vehicle')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_trade_in_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_in')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('trade_in', schema=None) as batch_op:
        batch_op.create_index('ix_trade_in_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_trade_in_deal_id', ['deal_id'], unique=False)
        batch_op.create_index('ix_trade_in_vehicle_id', ['vehicle_id'], unique=False)

    op.create_table('vehicle_document',
    sa.Column('vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('kept_at', sa.String(length=80), nullable=False),
    sa.Column('handed_over_on', sa.Date(), nullable=True),
    sa.Column('handed_to', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("kind IN ('certificate_of_conformity', 'import_documents', 'keys', 'registration', 'other')", name=op.f('ck_vehicle_document_kind')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_vehicle_document_vehicle_id_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle_document')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('vehicle_document', schema=None) as batch_op:
        batch_op.create_index('ix_vehicle_document_vehicle_id', ['vehicle_id', 'kind'], unique=False)

    # The vehicle's capture triggers must know its new column.
    capture.install(op.get_bind(), ["vehicle", *NEW])
    _grant(op.get_bind())


def downgrade() -> None:
    _revoke(op.get_bind())
    with op.batch_alter_table('vehicle_document', schema=None) as batch_op:
        batch_op.drop_index('ix_vehicle_document_vehicle_id')

    op.drop_table('vehicle_document')
    with op.batch_alter_table('trade_in', schema=None) as batch_op:
        batch_op.drop_index('ix_trade_in_vehicle_id')
        batch_op.drop_index('ix_trade_in_deal_id')
        batch_op.drop_index('ix_trade_in_customer_id')

    op.drop_table('trade_in')
    with op.batch_alter_table('loan_application', schema=None) as batch_op:
        batch_op.drop_index('ix_loan_application_status')
        batch_op.drop_index('ix_loan_application_deal_id')

    op.drop_table('loan_application')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_column('engine_number')

    with op.batch_alter_table('stock_vehicle_cost', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_vehicle_cost_stock_vehicle_id')

    op.drop_table('stock_vehicle_cost')
    with op.batch_alter_table('stock_event', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_event_stock_vehicle_id')
        batch_op.drop_index('ix_stock_event_at')

    op.drop_table('stock_event')
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_stock_vehicle_id')
        batch_op.drop_index('ix_deal_status')
        batch_op.drop_index('ix_deal_salesperson')
        batch_op.drop_index('ix_deal_quoted_on')
        batch_op.drop_index('ix_deal_lead_id')
        batch_op.drop_index('ix_deal_customer_id')

    op.drop_table('deal')
    with op.batch_alter_table('stock_vehicle', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_vehicle_vehicle_id')
        batch_op.drop_index('ix_stock_vehicle_status')
        batch_op.drop_index('ix_stock_vehicle_make_model')
        batch_op.drop_index('ix_stock_vehicle_deal_id')

    op.drop_table('stock_vehicle')
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.drop_index('ix_lead_status_salesperson')
        batch_op.drop_index('ix_lead_salesperson')
        batch_op.drop_index('ix_lead_customer_id')
        batch_op.drop_index('ix_lead_created_at')

    op.drop_table('lead')
    capture.install(op.get_bind(), ["vehicle"])
