"""vehicle catalogue (makes, models, trims with their model year and list price, options, a low-stock
threshold per model), the options fitted to a stock vehicle and the trim it was ordered as; who may
edit the catalogue and move stock

Revision ID: 0015_vehicles
Revises: 0014_customers
Create Date: 2026-12-07 07:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import capture

revision = '0015_vehicles'
down_revision = '0014_customers'
branch_labels = None
depends_on = None

NEW = ["catalogue_model", "catalogue_trim", "catalogue_option", "stock_vehicle_option"]

# Frozen here: the built-in roles' grants of the vehicles area's new permissions at this revision
# (services/vehicles/area.py); a new database gets them when it is seeded.
GRANTS = {
    "vehicle.catalogue": ("owner", "sales_manager"),
    "vehicle.stock": ("owner", "sales_manager"),
}


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


def upgrade() -> None:
    op.create_table('catalogue_model',
    sa.Column('make', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('low_stock_threshold', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('low_stock_threshold >= 0', name=op.f('ck_catalogue_model_low_stock_threshold')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_model')),
    sa.UniqueConstraint('make', 'name', name='uq_catalogue_model_make_name'),
    info={'sync': 'synced'}
    )
    op.create_table('catalogue_option',
    sa.Column('model_id', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('price >= 0', name=op.f('ck_catalogue_option_price')),
    sa.ForeignKeyConstraint(['model_id'], ['catalogue_model.id'], name=op.f('fk_catalogue_option_model_id_catalogue_model'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_option')),
    sa.UniqueConstraint('model_id', 'code', name='uq_catalogue_option_model_id_code'),
    info={'sync': 'synced'}
    )
    op.create_table('catalogue_trim',
    sa.Column('model_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('model_year', sa.Integer(), nullable=False),
    sa.Column('fuel', sa.String(length=20), nullable=False),
    sa.Column('list_price', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('list_price >= 0', name=op.f('ck_catalogue_trim_list_price')),
    sa.ForeignKeyConstraint(['model_id'], ['catalogue_model.id'], name=op.f('fk_catalogue_trim_model_id_catalogue_model'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_trim')),
    sa.UniqueConstraint('model_id', 'name', 'model_year', name='uq_catalogue_trim_model_id_name_model_year'),
    info={'sync': 'synced'}
    )
    op.create_table('stock_vehicle_option',
    sa.Column('stock_vehicle_id', sa.String(length=32), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['stock_vehicle_id'], ['stock_vehicle.id'], name=op.f('fk_stock_vehicle_option_stock_vehicle_id_stock_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_vehicle_option')),
    info={'sync': 'synced'}
    )
    with op.batch_alter_table('stock_vehicle_option', schema=None) as batch_op:
        batch_op.create_index('ix_stock_vehicle_option_stock_vehicle_id', ['stock_vehicle_id'], unique=False)

    op.add_column('stock_vehicle', sa.Column('trim_id', sa.String(length=32), nullable=True))

    # The stock vehicle's capture triggers must know its new column.
    capture.install(op.get_bind(), ["stock_vehicle", *NEW])
    _grant(op.get_bind())


def downgrade() -> None:
    _revoke(op.get_bind())
    with op.batch_alter_table('stock_vehicle', schema=None) as batch_op:
        batch_op.drop_column('trim_id')

    with op.batch_alter_table('stock_vehicle_option', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_vehicle_option_stock_vehicle_id')

    op.drop_table('stock_vehicle_option')
    op.drop_table('catalogue_trim')
    op.drop_table('catalogue_option')
    op.drop_table('catalogue_model')
    capture.install(op.get_bind(), ["stock_vehicle"])
