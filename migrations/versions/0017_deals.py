"""deals, approvals, finance and insurance, sales targets

Revision ID: 0017_deals
Revises: 0016_leads
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

revision = '0017_deals'
down_revision = '0016_leads'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
