"""leads, their follow-up tasks and test drives

Revision ID: 0016_leads
Revises: 0015_vehicles
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

revision = '0016_leads'
down_revision = '0015_vehicles'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
