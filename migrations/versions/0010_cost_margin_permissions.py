"""costs and margins become permissions of their own: ``cost.view`` (part costs, suppliers and
purchase orders) and ``margin.view`` (gross profit, margins, rebates and claims), granted to the
built-in roles that had them by default

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from alembic import op

from store import capture

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen here: the built-in roles' grants of the two new permissions at this revision
# (services/parts/area.py, services/billing/area.py).
GRANTS = {
    "cost.view": ("owner", "sales_manager", "parts_clerk", "cashier"),
    "margin.view": ("owner", "sales_manager", "cashier"),
}


def upgrade() -> None:
    conn = op.get_bind()
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    # Every terminal makes this same change when it upgrades: it is not captured for sync.
    capture.uninstall(conn, ["role_permission"])
    try:
        for permission, granted in GRANTS.items():
            for role in granted:
                if role in roles:
                    conn.exec_driver_sql(
                        "INSERT OR IGNORE INTO role_permission (role_code, permission) VALUES (?, ?)",
                        (role, permission))
    finally:
        capture.install(conn, ["role_permission"])


def downgrade() -> None:
    conn = op.get_bind()
    capture.uninstall(conn, ["role_permission"])
    try:
        conn.exec_driver_sql("DELETE FROM role_permission WHERE permission IN (?, ?)", tuple(GRANTS))
    finally:
        capture.install(conn, ["role_permission"])
