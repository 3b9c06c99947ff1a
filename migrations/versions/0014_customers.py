"""customers: grades, tags, marketing consent dates, notes, duplicate keys and merges; indexes on every
column that refers to a customer

Revision ID: 0014_customers
Revises: 0013_showroom
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0014_customers'
down_revision = '0013_showroom'
branch_labels = None
depends_on = None

NEW = ["customer_tag", "customer_note"]

# Frozen here: the built-in roles' grants of the customers area's new permissions at this revision
# (services/customers/area.py); a new database gets them when it is seeded.
GRANTS = {
    "customer.view_id": ("owner", "sales_manager", "cashier"),
    "customer.merge": ("owner", "sales_manager"),
}

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _key(value: str) -> str:
    # As services.customers.name_key folds a name at this revision.
    words = [w for w in (_NON_WORD.sub("", w) for w in unicodedata.normalize("NFKC", value or "").casefold().split())
             if w]
    return "".join(words if any(ch >= "\u2e80" for w in words for ch in w) else sorted(words))


def _grant(conn) -> None:
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


def _revoke(conn) -> None:
    capture.uninstall(conn, ["role_permission"])
    try:
        for permission in GRANTS:
            conn.exec_driver_sql("DELETE FROM role_permission WHERE permission = ?", (permission,))
    finally:
        capture.install(conn, ["role_permission"])


def _fill_keys(conn) -> None:
    # The folded names of the customers already there are their starting state on every terminal.
    rows = conn.exec_driver_sql("SELECT id, name, alt_name FROM customer").fetchall()
    if rows:
        conn.execute(sa.text("UPDATE customer SET name_key = :n, alt_key = :a WHERE id = :id"),
                     [{"id": r[0], "n": _key(r[1]), "a": _key(r[2])} for r in rows])


def upgrade() -> None:
    op.create_table('customer_note',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_customer_note_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_note')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('customer_note', schema=None) as batch_op:
        batch_op.create_index('ix_customer_note_customer_id', ['customer_id', 'created_at'], unique=False)

    op.create_table('customer_tag',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('tag', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_customer_tag_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_tag')),
    sa.UniqueConstraint('customer_id', 'tag', name=op.f('uq_customer_tag_customer_id')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('customer_tag', schema=None) as batch_op:
        batch_op.create_index('ix_customer_tag_tag', ['tag', 'customer_id'], unique=False)

    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_customer_id', ['customer_id'], unique=False)

    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index('ix_contact_email', ['email'], unique=False)
        batch_op.create_index('ix_contact_phone', ['phone'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('marketing_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('marketing_withdrawn_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('grade', sa.String(length=1), server_default='', nullable=False))
        batch_op.add_column(sa.Column('name_key', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('alt_key', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('merged_into_id', sa.String(length=32), nullable=True))
        batch_op.create_index('ix_customer_alt_key', ['alt_key'], unique=False)
        batch_op.create_index('ix_customer_company_reg', ['company_reg'], unique=False)
        batch_op.create_index('ix_customer_email', ['email'], unique=False)
        batch_op.create_index('ix_customer_merged_into_id', ['merged_into_id'], unique=False)
        batch_op.create_index('ix_customer_name_key', ['name_key'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_customer_merged_into_id_customer'), 'customer', ['merged_into_id'], ['id'])

    with op.batch_alter_table('insurance_claim', schema=None) as batch_op:
        batch_op.create_index('ix_insurance_claim_customer_id', ['customer_id'], unique=False)

    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.create_index('ix_purchase_order_line_for_customer_id', ['for_customer_id'], unique=False)

    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.create_index('ix_repair_order_insurer_id', ['insurer_id'], unique=False)

    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.create_index('ix_stock_reservation_customer_id', ['customer_id'], unique=False)

    conn = op.get_bind()
    _fill_keys(conn)
    capture.install(conn, ["customer", *NEW])
    _grant(conn)


def downgrade() -> None:
    _revoke(op.get_bind())
    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_reservation_customer_id')

    with op.batch_alter_table('repair_order', schema=None) as batch_op:
        batch_op.drop_index('ix_repair_order_insurer_id')

    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_purchase_order_line_for_customer_id')

    with op.batch_alter_table('insurance_claim', schema=None) as batch_op:
        batch_op.drop_index('ix_insurance_claim_customer_id')

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_customer_merged_into_id_customer'), type_='foreignkey')
        batch_op.drop_index('ix_customer_name_key')
        batch_op.drop_index('ix_customer_merged_into_id')
        batch_op.drop_index('ix_customer_email')
        batch_op.drop_index('ix_customer_company_reg')
        batch_op.drop_index('ix_customer_alt_key')
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('alt_key')
        batch_op.drop_column('name_key')
        batch_op.drop_column('grade')
        batch_op.drop_column('marketing_withdrawn_on')
        batch_op.drop_column('marketing_since')

    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_phone')
        batch_op.drop_index('ix_contact_email')

    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index('ix_appointment_customer_id')

    with op.batch_alter_table('customer_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_tag_tag')

    op.drop_table('customer_tag')
    with op.batch_alter_table('customer_note', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_note_customer_id')

    op.drop_table('customer_note')
    capture.install(op.get_bind(), ["customer"])
