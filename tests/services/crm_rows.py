"""Rows for any table, made from the models' metadata: a customer linked from every table that refers
to customers, however many areas add such tables later."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta

from sqlalchemy import Boolean, Connection, Date, DateTime, Integer, Table

from core.ids import new_id
from models import Base

_serial = itertools.count(1)


def _choices(table: Table) -> dict[str, object]:
    """Values the table's check constraints ask for: the first of a list of codes, true for a flag
    that must be set."""
    out: dict[str, object] = {}
    for c in table.constraints:
        sql = str(getattr(c, "sqltext", "")).strip()
        found = re.match(r"^(\w+) IN \('([^']*)'", sql)
        if found:
            out[found[1]] = found[2]
        elif sql in table.c:
            out[sql] = True
    return out


def make_row(conn: Connection, table: Table, fixed: dict, made: dict[str, str]) -> str:
    """Insert one row of ``table`` with ``fixed`` values; every other required column gets a value of
    its type (a referenced row is made once and reused, in ``made``). Returns the row's id."""
    choices = _choices(table)
    row: dict = {}
    base = datetime(2024, 1, 1, 9, 0)
    for col in table.columns:
        if col.name in fixed:
            row[col.name] = fixed[col.name]
            continue
        fks = list(col.foreign_keys)
        if col.primary_key:
            row[col.name] = new_id()
        elif fks and not col.nullable:
            target = fks[0].column.table
            if target.name not in made:
                made[target.name] = make_row(conn, target, {}, made)
            row[col.name] = made[target.name]
        elif col.nullable:
            row[col.name] = None
        elif col.name in choices:
            row[col.name] = choices[col.name]
        elif col.default is not None and col.default.is_scalar:
            row[col.name] = col.default.arg
        elif isinstance(col.type, Boolean):
            row[col.name] = False
        elif isinstance(col.type, Integer):
            row[col.name] = 1
        elif isinstance(col.type, DateTime):
            row[col.name] = base + timedelta(hours=next(_serial))
        elif isinstance(col.type, Date):
            # Later columns later: a start before its end, as constraints ask.
            row[col.name] = date(2024, 1, 1) + timedelta(days=next(_serial))
        else:
            row[col.name] = f"x{next(_serial)}"
    conn.execute(table.insert().values(**row))
    return row[table.primary_key.columns.keys()[0]] if table.primary_key.columns else ""


def references_to_customer() -> list[tuple[Table, str]]:
    customer = Base.metadata.tables["customer"]
    return [(t, fk.parent.name) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
            if fk.column.table is customer]
