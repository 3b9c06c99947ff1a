"""The database itself refuses any change to a posted invoice or credit note and to their lines,
whatever program writes to the file; only the print count (with its stamps) may change."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from services.billing import invoices
from tests.services.billing_samples import customer, draft, posted

ON = date(2026, 3, 2)
PRINT_COLUMNS = {"print_count", "updated_at", "updated_by"}


def _other_value(value: object) -> object:
    if value is None:
        return "changed"
    if isinstance(value, int):
        return value + 1
    return f"{value}x"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _refused(conn: sqlite3.Connection, sql: str, params: tuple) -> bool:
    try:
        conn.execute(sql, params)
    except sqlite3.IntegrityError as exc:
        assert "posted invoice is immutable" in str(exc)
        return True
    conn.rollback()
    return False


@pytest.mark.parametrize("credit_note", [False, True])
def test_raw_sql_cannot_change_any_column_of_a_posted_document_or_its_lines(db, db_path, owner, credit_note):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    if credit_note:
        iid = invoices.create_credit_note(db, owner, iid, on=ON)
    conn = sqlite3.connect(db_path)
    try:
        let_through = []
        for table, key in (("invoice", "id"), ("invoice_line", "invoice_id")):
            row = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (iid,)).fetchone()
            for column, value in zip(_columns(conn, table), row, strict=True):
                if table == "invoice" and column == "print_count":
                    continue
                if not _refused(conn, f'UPDATE {table} SET "{column}" = ? WHERE {key} = ?',
                                (_other_value(value), iid)):
                    let_through.append(f"{table}.{column}")
        assert let_through == []
        # Printing counts the print and stamps who printed it.
        conn.execute("UPDATE invoice SET print_count = print_count + 1, updated_at = ?, updated_by = 'clerk' "
                     "WHERE id = ?", (datetime(2026, 3, 3).isoformat(" "), iid))
        conn.commit()
        assert conn.execute("SELECT print_count FROM invoice WHERE id = ?", (iid,)).fetchone() == (1,)
        assert _refused(conn, "UPDATE invoice SET print_count = 0 WHERE id = ?", (iid,))
        assert _refused(conn, "UPDATE invoice SET updated_by = 'someone' WHERE id = ?", (iid,))
        assert _refused(conn, "DELETE FROM invoice_line WHERE invoice_id = ?", (iid,))
    finally:
        conn.close()


def test_a_draft_line_cannot_be_moved_onto_a_posted_invoice(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    other = draft(db, owner, cid)
    conn = sqlite3.connect(db_path)
    try:
        assert _refused(conn, "UPDATE invoice_line SET invoice_id = ?, line_no = 99 WHERE invoice_id = ?",
                        (iid, other))
        conn.execute("UPDATE invoice_line SET description = 'Still a draft' WHERE invoice_id = ?", (other,))
        conn.commit()
    finally:
        conn.close()
