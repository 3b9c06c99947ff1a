"""Valid sample identifiers and small helpers shared by the service tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from stdnum.cn import ric as _ric
from stdnum.cn import uscc as _uscc

from services.validation import vin_check_digit


def resident_id(first17: str = "11010119900307051") -> str:
    """A Chinese resident ID number with the correct check digit."""
    # stdnum's calc_check_digit expects the full number with a placeholder in the check position.
    return first17 + _ric.calc_check_digit(first17 + "0")


def credit_code(first17: str = "91110000600037341") -> str:
    """A unified social credit code with the correct check character."""
    return first17 + _uscc.calc_check_digit(first17)


def with_check_digit(vin: str) -> str:
    """``vin`` (17 characters) with its 9th character replaced by the correct check digit."""
    return vin[:8] + vin_check_digit(vin[:8] + "0" + vin[9:]) + vin[9:]


def wrong_check_digit(vin: str) -> str:
    right = vin_check_digit(vin)
    wrong = "1" if right != "1" else "2"
    return vin[:8] + wrong + vin[9:]


def chinese_vin(n: int) -> str:
    """A distinct, valid VIN of a Chinese-built car (WMI ``LSV``) per ``n``."""
    return with_check_digit(f"LSVAU2180N2{n:06d}")


def mobile(n: int) -> str:
    """A distinct, valid mainland mobile number as typed by a person."""
    return f"139{n:08d}"


def raw_rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read with a separate sqlite3 connection, as an outside program would."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def raw_execute(path: Path, sql: str, params: tuple = ()) -> None:
    """Write with a separate sqlite3 connection, bypassing the services (tampering, test setup)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()


AUDIT_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete", "audit_head_forward_only",
                  "audit_head_no_delete")


def tamper(path: Path, *statements: str | tuple[str, tuple]) -> None:
    """Rewrite the audit trail as someone holding the file (but not its key) could: drop the
    append-only triggers, then run ``statements`` in one transaction."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for name in AUDIT_TRIGGERS:
                conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, ())
                conn.execute(sql, params)
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    return raw_rows(path, f"SELECT count(*) FROM {table}")[0][0]
