"""insurance policies, trade-in appraisal details and salespeople's targets

Revision ID: 0018_finance
Revises: 0017_deals
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

revision = '0018_finance'
down_revision = '0017_deals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
