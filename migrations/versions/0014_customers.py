"""customers: grades, tags, notes and merges

Revision ID: 0014_customers
Revises: 0013_showroom
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

revision = '0014_customers'
down_revision = '0013_showroom'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
