"""service packages (menu prices) with their items and scopes; on repair orders the insurer, the
customer's excess and the claim reference; on jobs the rest of a warranty claim and the applied
package with its variance; on labour and parts lines their share of the package's variance

Revision ID: 0011_menus
Revises: 0011_appointments
Create Date: 2026-12-07 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = "0011_menus"
down_revision = "0011_appointments"
branch_labels = None
depends_on = None

NEW_TABLES = ("service_menu", "service_menu_item", "service_menu_scope")
CHANGED_TABLES = ("repair_order", "repair_job", "repair_labour_line", "repair_part_line")


def _stamps() -> list[sa.Column]:
    return [sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("created_by", sa.String(length=64), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("updated_by", sa.String(length=64), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "service_menu",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_menu")),
        sa.UniqueConstraint("code", name=op.f("uq_service_menu_code")),
        info={"sync": "synced"},
    )
    op.create_table(
        "service_menu_item",
        sa.Column("menu_id", sa.String(length=32), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("operation_code", sa.String(length=40), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("part_id", sa.String(length=32), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        *_stamps(),
        sa.CheckConstraint("kind IN ('labour', 'part')", name=op.f("ck_service_menu_item_kind")),
        sa.ForeignKeyConstraint(["menu_id"], ["service_menu.id"], name=op.f("fk_service_menu_item_menu_id_service_menu"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["part_id"], ["part.id"], name=op.f("fk_service_menu_item_part_id_part")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_menu_item")),
        sa.UniqueConstraint("menu_id", "line_no", name=op.f("uq_service_menu_item_menu_id")),
        info={"sync": "synced"},
    )
    op.create_table(
        "service_menu_scope",
        sa.Column("menu_id", sa.String(length=32), nullable=False),
        sa.Column("model_family", sa.String(length=80), nullable=False),
        sa.Column("vin_from", sa.String(length=17), nullable=False),
        sa.Column("vin_to", sa.String(length=17), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["menu_id"], ["service_menu.id"],
                                name=op.f("fk_service_menu_scope_menu_id_service_menu"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_menu_scope")),
        info={"sync": "synced"},
    )
    with op.batch_alter_table("service_menu_scope", schema=None) as batch_op:
        batch_op.create_index("ix_service_menu_scope_menu_id", ["menu_id"], unique=False)

    with op.batch_alter_table("repair_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insurer_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("insurance_excess", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("insurance_claim_ref", sa.String(length=60), server_default="", nullable=False))
        batch_op.create_foreign_key(batch_op.f("fk_repair_order_insurer_id_customer"), "customer", ["insurer_id"],
                                    ["id"])
    with op.batch_alter_table("repair_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim_number", sa.String(length=40), server_default="", nullable=False))
        batch_op.add_column(sa.Column("failed_part_number", sa.String(length=60), server_default="", nullable=False))
        batch_op.add_column(sa.Column("failed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("condition", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("menu_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("menu_price", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("menu_variance", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_foreign_key(batch_op.f("fk_repair_job_menu_id_service_menu"), "service_menu", ["menu_id"],
                                    ["id"])
    for table in ("repair_labour_line", "repair_part_line"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("menu_discount", sa.Integer(), server_default="0", nullable=False))

    conn = op.get_bind()
    # The batch operations rebuilt the changed tables without their triggers.
    capture.install(conn, NEW_TABLES + CHANGED_TABLES)
    # A mapping already written out gets the new key with its default account (an empty mapping
    # means the defaults, which have it). Every terminal makes this change: not captured.
    with capture.suspended(conn):
        conn.exec_driver_sql("INSERT INTO account_mapping (key, account, name) SELECT 'menu_variance', '6001', "
                             "'主营业务收入' WHERE EXISTS (SELECT 1 FROM account_mapping) "
                             "AND NOT EXISTS (SELECT 1 FROM account_mapping WHERE key = 'menu_variance')")


def downgrade() -> None:
    conn = op.get_bind()
    with capture.suspended(conn):
        conn.exec_driver_sql("DELETE FROM account_mapping WHERE key = 'menu_variance'")
    capture.uninstall(conn, NEW_TABLES + CHANGED_TABLES)
    for table in ("repair_part_line", "repair_labour_line"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("menu_discount")
    with op.batch_alter_table("repair_job", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_repair_job_menu_id_service_menu"), type_="foreignkey")
        for column in ("menu_variance", "menu_price", "menu_id", "condition", "failed_on", "failed_part_number",
                       "claim_number"):
            batch_op.drop_column(column)
    with op.batch_alter_table("repair_order", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_repair_order_insurer_id_customer"), type_="foreignkey")
        for column in ("insurance_claim_ref", "insurance_excess", "insurer_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("service_menu_scope", schema=None) as batch_op:
        batch_op.drop_index("ix_service_menu_scope_menu_id")
    op.drop_table("service_menu_scope")
    op.drop_table("service_menu_item")
    op.drop_table("service_menu")
    capture.install(conn, CHANGED_TABLES)
