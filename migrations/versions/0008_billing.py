"""invoices carry the mileage read at the workshop or the sale, and discounts typed as a percentage
(per line and on the whole invoice, whose amount is shared over the lines)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_PRINT_COLUMNS = ("print_count",)
_STAMPS = ("updated_at", "updated_by")
_REFUSAL = "posted invoice is immutable"


def _invoice_columns() -> list[sa.Column]:
    return [sa.Column("mileage_km", sa.Integer(), nullable=True),
            sa.Column("discount", sa.Integer(), nullable=False, server_default="0"),
            sa.Column("discount_bp", sa.Integer(), nullable=True)]


def _line_columns() -> list[sa.Column]:
    return [sa.Column("discount_bp", sa.Integer(), nullable=True),
            sa.Column("invoice_discount", sa.Integer(), nullable=False, server_default="0")]


def _columns(table: str) -> list[str]:
    return [row[1] for row in op.get_bind().exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _changed(columns: list[str]) -> str:
    return " OR ".join(f'new."{c}" IS NOT old."{c}"' for c in columns)


def _guard_posted() -> None:
    # The guard names every column of the table as it stands, so it is made again with the new ones.
    op.execute("DROP TRIGGER IF EXISTS invoice_posted_immutable")
    guarded = [c for c in _columns("invoice") if c not in _PRINT_COLUMNS + _STAMPS]
    printed = _changed(list(_PRINT_COLUMNS))
    op.execute(f"""CREATE TRIGGER invoice_posted_immutable BEFORE UPDATE ON invoice
        WHEN old.status = 'posted' AND ({_changed(guarded)} OR (NOT ({printed}) AND ({_changed(list(_STAMPS))}))
                                        OR new.print_count < old.print_count)
        BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""")


def upgrade() -> None:
    # Plain ADD COLUMN keeps the tables (and their posted-document triggers); the capture triggers
    # must learn the new columns (migrations/README.md).
    for column in _invoice_columns():
        op.add_column("invoice", column)
    for column in _line_columns():
        op.add_column("invoice_line", column)
    _guard_posted()
    capture.install(op.get_bind(), ["invoice", "invoice_line"])


def downgrade() -> None:
    conn = op.get_bind()
    # SQLite checks every trigger of a table when one of its columns is dropped.
    op.execute("DROP TRIGGER IF EXISTS invoice_posted_immutable")
    for table, columns in (("invoice", _invoice_columns()), ("invoice_line", _line_columns())):
        capture.uninstall(conn, [table])
        for column in columns:
            op.execute(f'ALTER TABLE {table} DROP COLUMN "{column.name}"')
    _guard_posted()
    capture.install(conn, ["invoice", "invoice_line"])
