"""invoice lines name the part they sell

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The posted-line triggers of 0002 refuse UPDATEs, and batch mode rebuilds the table by copying
    # rows (INSERT), so they are dropped around the change and put back as they were.
    conn = op.get_bind()
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoice_line'").fetchall()
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.add_column(sa.Column("part_id", sa.String(length=32), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_invoice_line_part_id_part"), "part", ["part_id"], ["id"])
    for _name, sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    conn = op.get_bind()
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoice_line'").fetchall()
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_invoice_line_part_id_part"), type_="foreignkey")
        batch_op.drop_column("part_id")
    for _name, sql in triggers:
        op.execute(sql)
