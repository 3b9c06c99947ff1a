"""billing

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:08:29.939324
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

BILLING_PERMISSIONS = ("invoice.view", "invoice.edit", "invoice.post", "invoice.credit", "payment.take",
                       "payment.refund", "cashdesk.close", "receivables.view", "thirdparty.edit",
                       "accounting.export")


def upgrade() -> None:
    op.create_table('account_mapping',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('account', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_account_mapping'))
    )
    op.create_table('cash_day',
    sa.Column('terminal_code', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('opening_float', sa.Integer(), nullable=False),
    sa.Column('expected_cash', sa.Integer(), nullable=False),
    sa.Column('counted_cash', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_day')),
    sa.UniqueConstraint('terminal_code', 'day', name=op.f('uq_cash_day_terminal_code'))
    )
    op.create_table('payment',
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('held_for', sa.String(length=80), nullable=False),
    sa.Column('refund_of_id', sa.String(length=32), nullable=True),
    sa.Column('terminal_code', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_payment_customer_id_customer')),
    sa.ForeignKeyConstraint(['refund_of_id'], ['payment.id'], name=op.f('fk_payment_refund_of_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index('ix_payment_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_payment_paid_on', ['paid_on'], unique=False)
        batch_op.create_index('ix_payment_terminal_day', ['terminal_code', 'paid_on'], unique=False)

    op.create_table('invoice',
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('credited_invoice_id', sa.String(length=32), nullable=True),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('prices_include_tax', sa.Boolean(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('payment_terms_days', sa.Integer(), nullable=False),
    sa.Column('net_total', sa.Integer(), nullable=False),
    sa.Column('tax_total', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('cost_total', sa.Integer(), nullable=False),
    sa.Column('terminal_code', sa.String(length=16), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.Column('posted_by', sa.String(length=64), nullable=False),
    sa.Column('customer_name', sa.String(length=200), nullable=False),
    sa.Column('customer_address', sa.String(length=400), nullable=False),
    sa.Column('customer_phone', sa.String(length=32), nullable=False),
    sa.Column('customer_tax_id', sa.String(length=40), nullable=False),
    sa.Column('dealer_name', sa.String(length=200), nullable=False),
    sa.Column('dealer_address', sa.String(length=400), nullable=False),
    sa.Column('dealer_phone', sa.String(length=40), nullable=False),
    sa.Column('dealer_tax_id', sa.String(length=40), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'posted')", name=op.f('ck_invoice_status')),
    sa.ForeignKeyConstraint(['credited_invoice_id'], ['invoice.id'], name=op.f('fk_invoice_credited_invoice_id_invoice')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_invoice_customer_id_customer')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_invoice_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice')),
    sa.UniqueConstraint('number', name=op.f('uq_invoice_number'))
    )
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.create_index('ix_invoice_credited_invoice_id', ['credited_invoice_id'], unique=False)
        batch_op.create_index('ix_invoice_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_invoice_issued_on', ['issued_on'], unique=False)
        batch_op.create_index('ix_invoice_status_kind', ['status', 'kind'], unique=False)

    op.create_table('rebate',
    sa.Column('manufacturer', sa.String(length=80), nullable=False),
    sa.Column('campaign', sa.String(length=120), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('expected_amount', sa.Integer(), nullable=False),
    sa.Column('expected_on', sa.Date(), nullable=True),
    sa.Column('received_amount', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_rebate_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rebate'))
    )
    op.create_table('allocation',
    sa.Column('invoice_id', sa.String(length=32), nullable=False),
    sa.Column('payment_id', sa.String(length=32), nullable=True),
    sa.Column('credit_note_id', sa.String(length=32), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('allocated_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('(payment_id IS NULL) != (credit_note_id IS NULL)', name=op.f('ck_allocation_one_source')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_allocation_amount_positive')),
    sa.ForeignKeyConstraint(['credit_note_id'], ['invoice.id'], name=op.f('fk_allocation_credit_note_id_invoice')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], name=op.f('fk_allocation_invoice_id_invoice')),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], name=op.f('fk_allocation_payment_id_payment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocation'))
    )
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.create_index('ix_allocation_credit_note_id', ['credit_note_id'], unique=False)
        batch_op.create_index('ix_allocation_invoice_id', ['invoice_id'], unique=False)
        batch_op.create_index('ix_allocation_payment_id', ['payment_id'], unique=False)

    op.create_table('insurance_claim',
    sa.Column('insurer', sa.String(length=120), nullable=False),
    sa.Column('claim_number', sa.String(length=60), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('invoice_id', sa.String(length=32), nullable=True),
    sa.Column('approved_amount', sa.Integer(), nullable=False),
    sa.Column('excess_amount', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('paid_amount', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_insurance_claim_customer_id_customer')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], name=op.f('fk_insurance_claim_invoice_id_invoice')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_insurance_claim_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_claim')),
    sa.UniqueConstraint('insurer', 'claim_number', name=op.f('uq_insurance_claim_insurer'))
    )
    op.create_table('invoice_line',
    sa.Column('invoice_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('item_type', sa.String(length=16), nullable=False),
    sa.Column('item_code', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('discount', sa.Integer(), nullable=False),
    sa.Column('tax_code', sa.String(length=16), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('net', sa.Integer(), nullable=False),
    sa.Column('tax', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('credited_line_id', sa.String(length=32), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['credited_line_id'], ['invoice_line.id'], name=op.f('fk_invoice_line_credited_line_id_invoice_line')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], name=op.f('fk_invoice_line_invoice_id_invoice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_line')),
    sa.UniqueConstraint('invoice_id', 'line_no', name=op.f('uq_invoice_line_invoice_id'))
    )
    with op.batch_alter_table('invoice_line', schema=None) as batch_op:
        batch_op.create_index('ix_invoice_line_credited_line_id', ['credited_line_id'], unique=False)


    # Posted invoices and their lines are immutable, whatever writes to the file.
    guarded = ("number", "kind", "status", "customer_id", "credited_invoice_id", "currency", "issued_on",
               "net_total", "tax_total", "total", "cost_total", "customer_name", "dealer_name")
    changed = " OR ".join(f"new.{c} IS NOT old.{c}" for c in guarded)
    op.execute(f"""CREATE TRIGGER invoice_posted_immutable BEFORE UPDATE ON invoice
        WHEN old.status = 'posted' AND ({changed})
        BEGIN SELECT RAISE(ABORT, 'posted invoice is immutable'); END""")
    op.execute("""CREATE TRIGGER invoice_posted_undeletable BEFORE DELETE ON invoice
        WHEN old.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'posted invoice is immutable'); END""")
    for event, row in (("UPDATE", "old"), ("DELETE", "old"), ("INSERT", "new")):
        op.execute(f"""CREATE TRIGGER invoice_line_posted_{event.lower()} BEFORE {event} ON invoice_line
            WHEN (SELECT status FROM invoice WHERE id = {row}.invoice_id) = 'posted'
            BEGIN SELECT RAISE(ABORT, 'posted invoice is immutable'); END""")

    # Billing permissions for the built-in roles, as they stood when billing arrived.
    grants = {
        "owner": BILLING_PERMISSIONS,
        "sales_manager": ("invoice.view", "receivables.view", "invoice.edit", "invoice.post", "payment.take",
                          "invoice.credit", "thirdparty.edit"),
        "salesperson": ("invoice.view", "invoice.edit"),
        "service_advisor": ("invoice.view", "invoice.edit", "thirdparty.edit"),
        "parts_clerk": ("invoice.view", "invoice.edit"),
        "cashier": ("invoice.view", "receivables.view", "invoice.edit", "invoice.post", "payment.take",
                    "invoice.credit", "payment.refund", "cashdesk.close", "accounting.export"),
        "read_only": ("invoice.view", "receivables.view"),
    }
    conn = op.get_bind()
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    for role, perms in grants.items():
        if role in roles:
            for perm in perms:
                conn.exec_driver_sql("INSERT OR IGNORE INTO role_permission (role_code, permission) VALUES (?, ?)",
                                     (role, perm))


def downgrade() -> None:
    for name in ("invoice_posted_immutable", "invoice_posted_undeletable", "invoice_line_posted_update",
                 "invoice_line_posted_delete", "invoice_line_posted_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    placeholders = ", ".join("?" for _ in BILLING_PERMISSIONS)
    op.get_bind().exec_driver_sql(f"DELETE FROM role_permission WHERE permission IN ({placeholders})",
                                  BILLING_PERMISSIONS)
    with op.batch_alter_table('invoice_line', schema=None) as batch_op:
        batch_op.drop_index('ix_invoice_line_credited_line_id')

    op.drop_table('invoice_line')
    op.drop_table('insurance_claim')
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.drop_index('ix_allocation_payment_id')
        batch_op.drop_index('ix_allocation_invoice_id')
        batch_op.drop_index('ix_allocation_credit_note_id')

    op.drop_table('allocation')
    op.drop_table('rebate')
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.drop_index('ix_invoice_status_kind')
        batch_op.drop_index('ix_invoice_issued_on')
        batch_op.drop_index('ix_invoice_customer_id')
        batch_op.drop_index('ix_invoice_credited_invoice_id')

    op.drop_table('invoice')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index('ix_payment_terminal_day')
        batch_op.drop_index('ix_payment_paid_on')
        batch_op.drop_index('ix_payment_customer_id')

    op.drop_table('payment')
    op.drop_table('cash_day')
    op.drop_table('account_mapping')
