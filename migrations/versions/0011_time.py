"""technicians' time: attendance, reasons for non-productive time (clockings without a job), the
foreman's corrections of clocked times, and a job's assigned technician

Revision ID: 0011_time
Revises: 0011_history
Create Date: 2026-12-07 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0011_time'
down_revision = '0011_history'
branch_labels = None
depends_on = None

NEW_TABLES = ("attendance", "clocking_reason")

# Frozen here: the built-in roles' grants of the new permission at this revision
# (services/workshop/area.py).
GRANTS = {"workshop.correct_time": ("owner", "foreman")}


def upgrade() -> None:
    op.create_table('attendance',
    sa.Column('technician', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('corrected_by', sa.String(length=64), nullable=False),
    sa.Column('corrected_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index('ix_attendance_technician_ended_at', ['technician', 'ended_at'], unique=False)
        batch_op.create_index('ix_attendance_started_at', ['started_at'], unique=False)
    op.create_table('clocking_reason',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.String(length=120), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_clocking_reason')),
    info={'sync': 'synced'}
    )
    # Batch mode copies the table, which drops its capture triggers: installed again below.
    with op.batch_alter_table('clocking', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('corrected_by', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('corrected_at', sa.DateTime(), nullable=True))
        batch_op.alter_column('repair_order_id', existing_type=sa.String(length=32), nullable=True)
        batch_op.alter_column('job_id', existing_type=sa.String(length=32), nullable=True)
        batch_op.create_index('ix_clocking_started_at', ['started_at'], unique=False)
        batch_op.create_check_constraint(
            op.f('ck_clocking_job_or_reason'), "(job_id IS NOT NULL AND reason = '') OR (job_id IS NULL AND repair_order_id IS NULL "
                             "AND reason <> '')")
    with op.batch_alter_table('clocking', schema=None) as batch_op:
        batch_op.alter_column('reason', server_default=None, existing_type=sa.String(length=40))
        batch_op.alter_column('corrected_by', server_default=None, existing_type=sa.String(length=64))
    with op.batch_alter_table('repair_job', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column('technician', sa.String(length=64), nullable=False, server_default=''))
    with op.batch_alter_table('repair_job', schema=None) as batch_op:
        batch_op.alter_column('technician', server_default=None, existing_type=sa.String(length=64))
    conn = op.get_bind()
    capture.install(conn, [*NEW_TABLES, "clocking", "repair_job"])
    _grant(conn)


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


def downgrade() -> None:
    conn = op.get_bind()
    capture.uninstall(conn, ["role_permission"])
    try:
        conn.exec_driver_sql("DELETE FROM role_permission WHERE permission IN (?)", tuple(GRANTS))
    finally:
        capture.install(conn, ["role_permission"])
    # Time off jobs has no place in the older table.
    conn.exec_driver_sql("DELETE FROM clocking WHERE job_id IS NULL")
    with op.batch_alter_table('repair_job', schema=None, recreate='always') as batch_op:
        batch_op.drop_column('technician')
    with op.batch_alter_table('clocking', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint(op.f('ck_clocking_job_or_reason'), type_='check')
        batch_op.drop_index('ix_clocking_started_at')
        batch_op.alter_column('job_id', existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column('repair_order_id', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_column('corrected_at')
        batch_op.drop_column('corrected_by')
        batch_op.drop_column('reason')
    capture.install(conn, ["clocking", "repair_job"])
    op.drop_table('clocking_reason')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_attendance_started_at')
        batch_op.drop_index('ix_attendance_technician_ended_at')
    op.drop_table('attendance')
