"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:23:20.265224
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('terminal', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_entry_id'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_entry_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('customer',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('alt_name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('company_reg', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('marketing_ok', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index('ix_customer_city', ['city'], unique=False)
        batch_op.create_index('ix_customer_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_customer_id_number', ['id_number'], unique=False)
        batch_op.create_index('ix_customer_name', ['name'], unique=False)
        batch_op.create_index('ix_customer_phone', ['phone'], unique=False)

    op.create_table('number_series',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_type', sa.String(length=32), nullable=False),
    sa.Column('prefix', sa.String(length=16), nullable=False),
    sa.Column('terminal_code', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_series')),
    sa.UniqueConstraint('doc_type', 'terminal_code', 'year', name=op.f('uq_number_series_doc_type'))
    )
    op.create_table('role',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_role'))
    )
    op.create_table('search_doc',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('grams', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_doc'))
    )
    with op.batch_alter_table('search_doc', schema=None) as batch_op:
        batch_op.create_index('ix_search_doc_ref', ['kind', 'ref_id'], unique=True)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('blob', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('tax_rate',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('rate_bp', sa.Integer(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tax_rate')),
    sa.UniqueConstraint('code', name=op.f('uq_tax_rate_code'))
    )
    op.create_table('terminal',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_terminal'))
    )
    op.create_table('contact',
    sa.Column('customer_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_contact_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index('ix_contact_customer_id', ['customer_id'], unique=False)

    op.create_table('role_permission',
    sa.Column('role_code', sa.String(length=32), nullable=False),
    sa.Column('permission', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['role_code'], ['role.code'], name=op.f('fk_role_permission_role_code_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_code', 'permission', name=op.f('pk_role_permission'))
    )
    op.create_table('user_account',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role_code', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['role_code'], ['role.code'], name=op.f('fk_user_account_role_code_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('vehicle',
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('make', sa.String(length=60), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('variant', sa.String(length=120), nullable=False),
    sa.Column('model_year', sa.Integer(), nullable=True),
    sa.Column('colour', sa.String(length=40), nullable=False),
    sa.Column('fuel', sa.String(length=20), nullable=False),
    sa.Column('plate', sa.String(length=20), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('odometer_km', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['customer.id'], name=op.f('fk_vehicle_owner_id_customer'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle')),
    sa.UniqueConstraint('vin', name=op.f('uq_vehicle_vin'))
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index('ix_vehicle_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_vehicle_make_model', ['make', 'model'], unique=False)
        batch_op.create_index('ix_vehicle_model_year', ['model_year'], unique=False)
        batch_op.create_index('ix_vehicle_owner_id', ['owner_id'], unique=False)
        batch_op.create_index('ix_vehicle_plate', ['plate'], unique=False)


    # Full-text indexes over search_doc (see services/search.py), kept in step by triggers.
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_doc', "
               "content_rowid='id', tokenize='trigram')")
    op.execute("CREATE VIRTUAL TABLE search_short USING fts5(grams, content='search_doc', "
               "content_rowid='id', tokenize='unicode61')")
    op.execute("""CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
        INSERT INTO search_short(rowid, grams) VALUES (new.id, new.grams);
    END""")
    op.execute("""CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search_short(search_short, rowid, grams) VALUES ('delete', old.id, old.grams);
    END""")
    op.execute("""CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search_short(search_short, rowid, grams) VALUES ('delete', old.id, old.grams);
        INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
        INSERT INTO search_short(rowid, grams) VALUES (new.id, new.grams);
    END""")


def downgrade() -> None:
    for trigger in ("search_doc_ai", "search_doc_ad", "search_doc_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_short")
    op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index('ix_vehicle_plate')
        batch_op.drop_index('ix_vehicle_owner_id')
        batch_op.drop_index('ix_vehicle_model_year')
        batch_op.drop_index('ix_vehicle_make_model')
        batch_op.drop_index('ix_vehicle_created_at')

    op.drop_table('vehicle')
    op.drop_table('user_account')
    op.drop_table('role_permission')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_customer_id')

    op.drop_table('contact')
    op.drop_table('terminal')
    op.drop_table('tax_rate')
    op.drop_table('setting')
    with op.batch_alter_table('search_doc', schema=None) as batch_op:
        batch_op.drop_index('ix_search_doc_ref')

    op.drop_table('search_doc')
    op.drop_table('role')
    op.drop_table('number_series')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_phone')
        batch_op.drop_index('ix_customer_name')
        batch_op.drop_index('ix_customer_id_number')
        batch_op.drop_index('ix_customer_created_at')
        batch_op.drop_index('ix_customer_city')

    op.drop_table('customer')
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_entity')
        batch_op.drop_index('ix_audit_entry_at')

    op.drop_table('audit_entry')
