"""a payment keeps the customer's name as it was when the money was taken, so the journal describes
it the same way after the customer is renamed or merged

Revision ID: 0024_payment_customer_name
Revises: 0023_insurance_commission
Create Date: 2026-12-07 22:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0024_payment_customer_name'
down_revision = '0023_insurance_commission'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    # The names filled in are every terminal's starting state, not changes of this one: the capture
    # triggers are made again with the new column once they are in (migrations/README.md).
    capture.uninstall(conn, ["payment"])
    op.add_column("payment", sa.Column("customer_name", sa.String(length=200), server_default="", nullable=False))
    conn.exec_driver_sql("UPDATE payment SET customer_name = coalesce((SELECT name FROM customer "
                         "WHERE customer.id = payment.customer_id), '')")
    capture.install(conn, ["payment"])


def downgrade() -> None:
    conn = op.get_bind()
    capture.uninstall(conn, ["payment"])
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("customer_name")
    capture.install(conn, ["payment"])
