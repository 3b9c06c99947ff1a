"""workshop: labour operations and rates, repair orders, jobs, lines and clockings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 23:02:11
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TABLES = ("labour_operation", "labour_rate", "repair_order", "repair_job", "repair_labour_line", "repair_part_line",
          "repair_extra_line", "repair_order_invoice", "clocking")

# Workshop permissions for the built-in roles, as they stood when the workshop area arrived.
GRANTS = {
    "service_advisor": ("workshop.view", "workshop.edit", "workshop.costs", "workshop.parts",
                        "workshop.mileage_override"),
    "foreman": ("workshop.view", "workshop.edit", "workshop.costs", "workshop.parts", "workshop.clock",
                "workshop.clock_others", "workshop.catalogue", "workshop.mileage_override"),
    "technician": ("workshop.view", "workshop.clock"),
    "parts_clerk": ("workshop.view", "workshop.parts"),
    "cashier": ("workshop.view", "workshop.costs", "workshop.invoice"),
    "sales_manager": ("workshop.view",),
    "read_only": ("workshop.view",),
}
WORKSHOP_PERMISSIONS = tuple(sorted({p for perms in GRANTS.values() for p in perms}))


def upgrade() -> None:
    op.create_table('labour_operation',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('system', sa.String(length=80), nullable=False),
    sa.Column('standard_hours', sa.Integer(), nullable=False),
    sa.Column('model_family', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_operation')),
    sa.UniqueConstraint('code', 'model_family', name=op.f('uq_labour_operation_code')),
    info={'sync': 'synced'}
    )
    op.create_table('labour_rate',
    sa.Column('pay_type', sa.String(length=16), nullable=False),
    sa.Column('hourly_rate', sa.Integer(), nullable=False),
    sa.Column('bill_to_customer_id', sa.String(length=32), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['bill_to_customer_id'], ['customer.id'], name=op.f('fk_labour_rate_bill_to_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_rate')),
    sa.UniqueConstraint('pay_type', name=op.f('uq_labour_rate_pay_type')),
    info={'sync': 'synced'}
    )
    op.create_table('repair_order',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('advisor', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('mileage_in', sa.Integer(), nullable=False),
    sa.Column('mileage_override', sa.Text(), nullable=False),
    sa.Column('promised_at', sa.DateTime(), nullable=True),
    sa.Column('concerns', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('invoiced_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_repair_order_customer_id_customer')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_repair_order_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_order')),
    sa.UniqueConstraint('number', name=op.f('uq_repair_order_number')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.create_index('ix_repair_order_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_repair_order_opened_on', ['opened_on'], unique=False)
        batch_op.create_index('ix_repair_order_status', ['status'], unique=False)
        batch_op.create_index('ix_repair_order_vehicle_id', ['vehicle_id'], unique=False)

    op.create_table('repair_job',
    sa.Column('repair_order_id', sa.String(length=32), nullable=False),
    sa.Column('job_no', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('pay_type', sa.String(length=16), nullable=False),
    sa.Column('failed_part', sa.String(length=120), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('correction', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['repair_order_id'], ['repair_order.id'], name=op.f('fk_repair_job_repair_order_id_repair_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_job')),
    sa.UniqueConstraint('repair_order_id', 'job_no', name=op.f('uq_repair_job_repair_order_id')),
    info={'sync': 'synced'}
    )
    op.create_table('repair_order_invoice',
    sa.Column('repair_order_id', sa.String(length=32), nullable=False),
    sa.Column('pay_type', sa.String(length=16), nullable=False),
    sa.Column('invoice_id', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], name=op.f('fk_repair_order_invoice_invoice_id_invoice')),
    sa.ForeignKeyConstraint(['repair_order_id'], ['repair_order.id'], name=op.f('fk_repair_order_invoice_repair_order_id_repair_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_order_invoice')),
    sa.UniqueConstraint('repair_order_id', 'pay_type', name=op.f('uq_repair_order_invoice_repair_order_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('repair_order_invoice', schema=None) as batch_op:
        batch_op.create_index('ix_repair_order_invoice_invoice_id', ['invoice_id'], unique=False)

    op.create_table('clocking',
    sa.Column('repair_order_id', sa.String(length=32), nullable=False),
    sa.Column('job_id', sa.String(length=32), nullable=False),
    sa.Column('technician', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['repair_job.id'], name=op.f('fk_clocking_job_id_repair_job')),
    sa.ForeignKeyConstraint(['repair_order_id'], ['repair_order.id'], name=op.f('fk_clocking_repair_order_id_repair_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clocking')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('clocking', schema=None) as batch_op:
        batch_op.create_index('ix_clocking_job_id', ['job_id'], unique=False)
        batch_op.create_index('ix_clocking_repair_order_id', ['repair_order_id'], unique=False)
        batch_op.create_index('ix_clocking_technician_ended_at', ['technician', 'ended_at'], unique=False)

    op.create_table('repair_extra_line',
    sa.Column('job_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['repair_job.id'], name=op.f('fk_repair_extra_line_job_id_repair_job'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_extra_line')),
    sa.UniqueConstraint('job_id', 'line_no', name=op.f('uq_repair_extra_line_job_id')),
    info={'sync': 'synced'}
    )
    op.create_table('repair_labour_line',
    sa.Column('job_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.String(length=32), nullable=True),
    sa.Column('operation_code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('technician', sa.String(length=64), nullable=False),
    sa.Column('hourly_rate', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['repair_job.id'], name=op.f('fk_repair_labour_line_job_id_repair_job'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['operation_id'], ['labour_operation.id'], name=op.f('fk_repair_labour_line_operation_id_labour_operation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_labour_line')),
    sa.UniqueConstraint('job_id', 'line_no', name=op.f('uq_repair_labour_line_job_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('repair_labour_line', schema=None) as batch_op:
        batch_op.create_index('ix_repair_labour_line_operation_id', ['operation_id'], unique=False)

    op.create_table('repair_part_line',
    sa.Column('job_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.Column('issued', sa.Integer(), nullable=False),
    sa.Column('returned', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('reserved >= 0 AND issued >= 0 AND returned >= 0 AND returned <= issued', name=op.f('ck_repair_part_line_quantities')),
    sa.ForeignKeyConstraint(['job_id'], ['repair_job.id'], name=op.f('fk_repair_part_line_job_id_repair_job'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_repair_part_line_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_part_line')),
    sa.UniqueConstraint('job_id', 'line_no', name=op.f('uq_repair_part_line_job_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('repair_part_line', schema=None) as batch_op:
        batch_op.create_index('ix_repair_part_line_part_id', ['part_id'], unique=False)

    conn = op.get_bind()
    capture.install(conn, TABLES)
    # Every terminal makes this same change when it upgrades: it is starting state, not captured.
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    with capture.suspended(conn):
        for role, perms in {"owner": WORKSHOP_PERMISSIONS, **GRANTS}.items():
            if role in roles:
                for perm in perms:
                    conn.exec_driver_sql("INSERT OR IGNORE INTO role_permission (role_code, permission) "
                                         "VALUES (?, ?)", (role, perm))


def downgrade() -> None:
    conn = op.get_bind()
    placeholders = ", ".join("?" for _ in WORKSHOP_PERMISSIONS)
    with capture.suspended(conn):
        conn.exec_driver_sql(f"DELETE FROM role_permission WHERE permission IN ({placeholders})",
                             WORKSHOP_PERMISSIONS)
    with op.batch_alter_table('repair_part_line', schema=None) as batch_op:
        batch_op.drop_index('ix_repair_part_line_part_id')

    op.drop_table('repair_part_line')
    with op.batch_alter_table('repair_labour_line', schema=None) as batch_op:
        batch_op.drop_index('ix_repair_labour_line_operation_id')

    op.drop_table('repair_labour_line')
    op.drop_table('repair_extra_line')
    with op.batch_alter_table('clocking', schema=None) as batch_op:
        batch_op.drop_index('ix_clocking_technician_ended_at')
        batch_op.drop_index('ix_clocking_repair_order_id')
        batch_op.drop_index('ix_clocking_job_id')

    op.drop_table('clocking')
    with op.batch_alter_table('repair_order_invoice', schema=None) as batch_op:
        batch_op.drop_index('ix_repair_order_invoice_invoice_id')

    op.drop_table('repair_order_invoice')
    op.drop_table('repair_job')
    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.drop_index('ix_repair_order_vehicle_id')
        batch_op.drop_index('ix_repair_order_status')
        batch_op.drop_index('ix_repair_order_opened_on')
        batch_op.drop_index('ix_repair_order_customer_id')

    op.drop_table('repair_order')
    op.drop_table('labour_rate')
    op.drop_table('labour_operation')
