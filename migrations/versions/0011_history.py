"""workshop: handover (mileage out, next service due) on repair orders, satisfaction surveys and their
follow-up tasks, and the ``workshop.surveys`` permission for the built-in roles that had it by default

Revision ID: 0011_history
Revises: 0011_menus
Create Date: 2026-12-07 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0011_history'
down_revision = '0011_menus'
branch_labels = None
depends_on = None

# Frozen here: the built-in roles' grants of the new permission at this revision (services/workshop/area.py).
GRANTS = {"workshop.surveys": ("owner", "service_advisor", "foreman")}


def upgrade() -> None:
    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('handed_over_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('mileage_out', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('next_service_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('next_service_km', sa.Integer(), nullable=True))

    op.create_table('survey',
    sa.Column('repair_order_id', sa.String(length=32), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answered_by', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('score IS NULL OR (score >= 0 AND score <= 10)', name=op.f('ck_survey_score')),
    sa.ForeignKeyConstraint(['repair_order_id'], ['repair_order.id'],
                            name=op.f('fk_survey_repair_order_id_repair_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey')),
    sa.UniqueConstraint('repair_order_id', name=op.f('uq_survey_repair_order_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.create_index('ix_survey_status_due_on', ['status', 'due_on'], unique=False)

    op.create_table('follow_up_task',
    sa.Column('survey_id', sa.String(length=32), nullable=False),
    sa.Column('assignee', sa.String(length=64), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_follow_up_task_survey_id_survey')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_task')),
    sa.UniqueConstraint('survey_id', name=op.f('uq_follow_up_task_survey_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('follow_up_task', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_task_done_on_due_on', ['done_on', 'due_on'], unique=False)

    conn = op.get_bind()
    # Every terminal makes this same change when it upgrades: it is starting state, not captured.
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    with capture.suspended(conn):
        for permission, granted in GRANTS.items():
            for role in granted:
                if role in roles:
                    conn.exec_driver_sql("INSERT OR IGNORE INTO role_permission (role_code, permission) "
                                         "VALUES (?, ?)", (role, permission))
    # repair_order has new columns its old triggers do not know.
    capture.install(conn, ["repair_order", "survey", "follow_up_task"])


def downgrade() -> None:
    conn = op.get_bind()
    with capture.suspended(conn):
        conn.exec_driver_sql("DELETE FROM role_permission WHERE permission IN (?)", tuple(GRANTS))
    with op.batch_alter_table('follow_up_task', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_task_done_on_due_on')
    op.drop_table('follow_up_task')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_status_due_on')
    op.drop_table('survey')
    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.drop_column('next_service_km')
        batch_op.drop_column('next_service_on')
        batch_op.drop_column('mileage_out')
        batch_op.drop_column('handed_over_on')
    capture.install(conn, ["repair_order"])
