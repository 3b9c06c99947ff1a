"""parts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:53:21.669078
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

PARTS_PERMISSIONS = ("part.view", "part.edit", "part.import", "stock.adjust", "stock.count", "purchase.edit",
                     "purchase.receive")


def upgrade() -> None:
    op.create_table('brand',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_brand')),
    sa.UniqueConstraint('name', name=op.f('uq_brand_name'))
    )
    op.create_table('import_preset',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_preset')),
    sa.UniqueConstraint('kind', 'name', name=op.f('uq_import_preset_kind'))
    )
    op.create_table('stock_count',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('bin_from', sa.String(length=40), nullable=False),
    sa.Column('bin_to', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_count')),
    sa.UniqueConstraint('number', name=op.f('uq_stock_count_number'))
    )
    op.create_table('supplier',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('lead_time_days', sa.Integer(), nullable=False),
    sa.Column('terms', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier')),
    sa.UniqueConstraint('name', name=op.f('uq_supplier_name'))
    )
    op.create_table('part',
    sa.Column('brand_id', sa.String(length=32), nullable=False),
    sa.Column('part_number', sa.String(length=60), nullable=False),
    sa.Column('number_key', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('description_alt', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=False),
    sa.Column('bin', sa.String(length=40), nullable=False),
    sa.Column('tax_code', sa.String(length=16), nullable=False),
    sa.Column('retail_price', sa.Integer(), nullable=False),
    sa.Column('trade_price', sa.Integer(), nullable=False),
    sa.Column('list_cost', sa.Integer(), nullable=False),
    sa.Column('min_qty', sa.Integer(), nullable=False),
    sa.Column('max_qty', sa.Integer(), nullable=False),
    sa.Column('reorder_manual', sa.Boolean(), nullable=False),
    sa.Column('preferred_supplier_id', sa.String(length=32), nullable=True),
    sa.Column('superseded_by_id', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_part_brand_id_brand')),
    sa.ForeignKeyConstraint(['preferred_supplier_id'], ['supplier.id'], name=op.f('fk_part_preferred_supplier_id_supplier')),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['part.id'], name=op.f('fk_part_superseded_by_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_part')),
    sa.UniqueConstraint('brand_id', 'number_key', name=op.f('uq_part_brand_id'))
    )
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.create_index('ix_part_barcode', ['barcode'], unique=False)
        batch_op.create_index('ix_part_category', ['category'], unique=False)
        batch_op.create_index('ix_part_number_key', ['number_key'], unique=False)
        batch_op.create_index('ix_part_superseded_by_id', ['superseded_by_id'], unique=False)

    op.create_table('purchase_order',
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('supplier_id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ordered_on', sa.Date(), nullable=True),
    sa.Column('expected_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_purchase_order_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order')),
    sa.UniqueConstraint('number', name=op.f('uq_purchase_order_number'))
    )
    with op.batch_alter_table('purchase_order', schema=None) as batch_op:
        batch_op.create_index('ix_purchase_order_supplier_status', ['supplier_id', 'status'], unique=False)

    op.create_table('goods_receipt',
    sa.Column('order_id', sa.String(length=32), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('supplier_reference', sa.String(length=80), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['purchase_order.id'], name=op.f('fk_goods_receipt_order_id_purchase_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goods_receipt'))
    )
    op.create_table('part_stock',
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.Column('average_cost', sa.Integer(), nullable=False),
    sa.Column('last_movement_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_part_stock_part_id_part')),
    sa.PrimaryKeyConstraint('part_id', name=op.f('pk_part_stock'))
    )
    op.create_table('purchase_order_line',
    sa.Column('order_id', sa.String(length=32), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('for_customer_id', sa.String(length=32), nullable=True),
    sa.Column('for_reference', sa.String(length=80), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['for_customer_id'], ['customer.id'], name=op.f('fk_purchase_order_line_for_customer_id_customer')),
    sa.ForeignKeyConstraint(['order_id'], ['purchase_order.id'], name=op.f('fk_purchase_order_line_order_id_purchase_order'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_purchase_order_line_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order_line')),
    sa.UniqueConstraint('order_id', 'line_no', name=op.f('uq_purchase_order_line_order_id'))
    )
    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.create_index('ix_purchase_order_line_part_id', ['part_id'], unique=False)

    op.create_table('stock_count_line',
    sa.Column('count_id', sa.String(length=32), nullable=False),
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('counted', sa.Integer(), nullable=True),
    sa.Column('expected', sa.Integer(), nullable=True),
    sa.Column('counted_at', sa.DateTime(), nullable=True),
    sa.Column('ledger_mark', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['count_id'], ['stock_count.id'], name=op.f('fk_stock_count_line_count_id_stock_count'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stock_count_line_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_count_line')),
    sa.UniqueConstraint('count_id', 'part_id', name=op.f('uq_stock_count_line_count_id'))
    )
    op.create_table('stock_movement',
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_cost', sa.Integer(), nullable=False),
    sa.Column('moved_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('source_id', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('quantity != 0', name=op.f('ck_stock_movement_quantity_nonzero')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stock_movement_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement'))
    )
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movement_part_on', ['part_id', 'moved_on'], unique=False)
        batch_op.create_index('ix_stock_movement_reference', ['reference'], unique=False)

    op.create_table('stock_reservation',
    sa.Column('part_id', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('for_reference', sa.String(length=80), nullable=False),
    sa.Column('customer_id', sa.String(length=32), nullable=True),
    sa.Column('released_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_stock_reservation_customer_id_customer')),
    sa.ForeignKeyConstraint(['part_id'], ['part.id'], name=op.f('fk_stock_reservation_part_id_part')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_reservation'))
    )
    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.create_index('ix_stock_reservation_part_id', ['part_id'], unique=False)


    # Parts permissions for the built-in roles, as they stood when the parts area arrived.
    grants = {
        "owner": PARTS_PERMISSIONS,
        "parts_clerk": PARTS_PERMISSIONS,
        "sales_manager": ("part.view",),
        "service_advisor": ("part.view",),
        "foreman": ("part.view",),
        "technician": ("part.view",),
        "read_only": ("part.view",),
    }
    conn = op.get_bind()
    roles = {r[0] for r in conn.exec_driver_sql("SELECT code FROM role")}
    for role, perms in grants.items():
        if role in roles:
            for perm in perms:
                conn.exec_driver_sql("INSERT OR IGNORE INTO role_permission (role_code, permission) VALUES (?, ?)",
                                     (role, perm))


def downgrade() -> None:
    placeholders = ", ".join("?" for _ in PARTS_PERMISSIONS)
    op.get_bind().exec_driver_sql(f"DELETE FROM role_permission WHERE permission IN ({placeholders})",
                                  PARTS_PERMISSIONS)
    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_reservation_part_id')

    op.drop_table('stock_reservation')
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movement_reference')
        batch_op.drop_index('ix_stock_movement_part_on')

    op.drop_table('stock_movement')
    op.drop_table('stock_count_line')
    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_purchase_order_line_part_id')

    op.drop_table('purchase_order_line')
    op.drop_table('part_stock')
    op.drop_table('goods_receipt')
    with op.batch_alter_table('purchase_order', schema=None) as batch_op:
        batch_op.drop_index('ix_purchase_order_supplier_status')

    op.drop_table('purchase_order')
    with op.batch_alter_table('part', schema=None) as batch_op:
        batch_op.drop_index('ix_part_superseded_by_id')
        batch_op.drop_index('ix_part_number_key')
        batch_op.drop_index('ix_part_category')
        batch_op.drop_index('ix_part_barcode')

    op.drop_table('part')
    op.drop_table('supplier')
    op.drop_table('stock_count')
    op.drop_table('import_preset')
    op.drop_table('brand')
