"""deal lines the deal's services keep themselves (a trade-in's negative equity): ``deal_line.automatic``

Revision ID: 0019_deal_line_automatic
Revises: 0018_finance
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0019_deal_line_automatic'
down_revision = '0018_finance'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN keeps the table; the capture triggers must learn the new column (migrations/README.md).
    op.add_column('deal_line', sa.Column('automatic', sa.String(length=24), server_default='', nullable=False))
    capture.install(op.get_bind(), ['deal_line'])


def downgrade() -> None:
    conn = op.get_bind()
    # SQLite checks every trigger of a table when one of its columns is dropped.
    capture.uninstall(conn, ['deal_line'])
    op.execute('ALTER TABLE deal_line DROP COLUMN "automatic"')
    capture.install(conn, ['deal_line'])
