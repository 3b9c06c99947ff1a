"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# Change capture (store/capture.py, migrations/README.md): after creating or altering a synced table
# (models/sync.py), in upgrade() and in downgrade(), regenerate its triggers from the new schema:
#     from store import capture
#     capture.install(op.get_bind(), ["the_table"])
# Delete this comment if the migration touches no synced table.


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
