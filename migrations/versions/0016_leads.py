"""leads, their follow-up tasks and test drives: a lead's lost reason code, a salesperson's lost
request waiting for confirmation, its last move through the pipeline and the day it closed

Revision ID: 0016_leads
Revises: 0015_vehicles
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0016_leads'
down_revision = '0015_vehicles'
branch_labels = None
depends_on = None

NEW = ["lead_task", "test_drive"]


def upgrade() -> None:
    op.create_table('lead_task',
    sa.Column('lead_id', sa.String(length=32), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('what', sa.String(length=300), nullable=False),
    sa.Column('assigned_to', sa.String(length=64), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('done_by', sa.String(length=64), nullable=False),
    sa.Column('outcome', sa.String(length=2000), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_lead_task_lead_id_lead'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_task')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('lead_task', schema=None) as batch_op:
        batch_op.create_index('ix_lead_task_assigned_to', ['assigned_to', 'done_at', 'due_on'], unique=False)
        batch_op.create_index('ix_lead_task_due_on', ['due_on'], unique=False)
        batch_op.create_index('ix_lead_task_lead_id', ['lead_id', 'done_at'], unique=False)

    op.create_table('test_drive',
    sa.Column('lead_id', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=True),
    sa.Column('demo_car', sa.String(length=120), nullable=False),
    sa.Column('salesperson', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('odometer_out', sa.Integer(), nullable=True),
    sa.Column('odometer_in', sa.Integer(), nullable=True),
    sa.Column('licence_number', sa.String(length=40), nullable=False),
    sa.Column('licence_expires_on', sa.Date(), nullable=False),
    sa.Column('licence_checked', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('licence_checked', name=op.f('ck_test_drive_licence_checked')),
    sa.CheckConstraint('odometer_in IS NULL OR odometer_out IS NULL OR odometer_in >= odometer_out',
                       name=op.f('ck_test_drive_odometer')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_test_drive_customer_id_customer')),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_test_drive_lead_id_lead'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'],
                            name=op.f('fk_test_drive_stock_vehicle_id_stock_vehicle')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_test_drive_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_test_drive')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('test_drive', schema=None) as batch_op:
        batch_op.create_index('ix_test_drive_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_test_drive_lead_id', ['lead_id'], unique=False)
        batch_op.create_index('ix_test_drive_started_at', ['started_at'], unique=False)

    op.add_column('lead', sa.Column('lost_code', sa.String(length=20), server_default='', nullable=False))
    op.add_column('lead', sa.Column('lost_requested_by', sa.String(length=64), server_default='', nullable=False))
    op.add_column('lead', sa.Column('lost_requested_at', sa.DateTime(), nullable=True))
    op.add_column('lead', sa.Column('stage_changed_at', sa.DateTime(), nullable=True))
    op.add_column('lead', sa.Column('stage_changed_by', sa.String(length=64), server_default='', nullable=False))
    op.add_column('lead', sa.Column('closed_on', sa.Date(), nullable=True))
    # The lead's capture triggers must know its new columns.
    capture.install(op.get_bind(), ["lead", *NEW])


def downgrade() -> None:
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.drop_column('closed_on')
        batch_op.drop_column('stage_changed_by')
        batch_op.drop_column('stage_changed_at')
        batch_op.drop_column('lost_requested_at')
        batch_op.drop_column('lost_requested_by')
        batch_op.drop_column('lost_code')

    with op.batch_alter_table('test_drive', schema=None) as batch_op:
        batch_op.drop_index('ix_test_drive_started_at')
        batch_op.drop_index('ix_test_drive_lead_id')
        batch_op.drop_index('ix_test_drive_customer_id')

    op.drop_table('test_drive')
    with op.batch_alter_table('lead_task', schema=None) as batch_op:
        batch_op.drop_index('ix_lead_task_lead_id')
        batch_op.drop_index('ix_lead_task_due_on')
        batch_op.drop_index('ix_lead_task_assigned_to')

    op.drop_table('lead_task')
    capture.install(op.get_bind(), ["lead"])
