"""vehicle catalogue, documents and trade-in appraisals

Revision ID: 0015_vehicles
Revises: 0014_customers
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

revision = '0015_vehicles'
down_revision = '0014_customers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
