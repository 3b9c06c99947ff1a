"""audit chain: database id, keyed era, append-only triggers

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Whoever edits the file with another program can drop these; they stop the program itself, a stray
# script or a careless SQL console from rewriting history, and the keyed chain and the anchors
# outside the file catch the rest.
TRIGGERS = {
    "audit_entry_no_update": "BEFORE UPDATE ON audit_entry BEGIN "
                             "SELECT RAISE(ABORT, 'audit entries are append-only'); END",
    "audit_entry_no_delete": "BEFORE DELETE ON audit_entry BEGIN "
                             "SELECT RAISE(ABORT, 'audit entries are append-only'); END",
    "audit_head_forward_only": "BEFORE UPDATE ON audit_head WHEN NEW.id IS NOT OLD.id OR NEW.seq <= OLD.seq "
                               "OR NEW.db_id IS NOT OLD.db_id OR NEW.keyed_from IS NOT OLD.keyed_from BEGIN "
                               "SELECT RAISE(ABORT, 'the audit head only moves forward'); END",
    "audit_head_no_delete": "BEFORE DELETE ON audit_head BEGIN "
                            "SELECT RAISE(ABORT, 'the audit head cannot be removed'); END",
}


def upgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("keyed_from", sa.Integer(), nullable=True))
    conn = op.get_bind()
    # Entries written so far keep their plain hashes; the chain is keyed from the next one on.
    next_seq = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) + 1 FROM audit_entry").scalar_one()
    if conn.exec_driver_sql("SELECT count(*) FROM audit_head WHERE id = 1").scalar_one() == 0:
        conn.exec_driver_sql("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '')")
    conn.exec_driver_sql("UPDATE audit_head SET db_id = ?, keyed_from = ? WHERE id = 1",
                         (uuid.uuid4().hex, next_seq))
    for name, body in TRIGGERS.items():
        op.execute(f'CREATE TRIGGER "{name}" {body}')


def downgrade() -> None:
    # Going back would make the keyed entries unverifiable: an older version writes plain hashes after
    # them, and upgrading again would start a new key from a later entry. Refuse once any exists, unless
    # the caller says so (config attribute ``drop_audit_key``: tests that build an older database).
    conn = op.get_bind()
    keyed = conn.exec_driver_sql(
        "SELECT count(*) FROM audit_entry e JOIN audit_head h ON h.id = 1 "
        "WHERE h.keyed_from IS NOT NULL AND e.seq >= h.keyed_from").scalar_one()
    if keyed and not op.get_context().config.attributes.get("drop_audit_key"):
        raise RuntimeError(f"Cannot downgrade below 0007: the audit trail holds {keyed} keyed entries that an "
                           "older version could not extend or verify. Restore a backup taken before the "
                           "upgrade instead.")
    for name in TRIGGERS:
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("keyed_from")
        batch_op.drop_column("db_id")
