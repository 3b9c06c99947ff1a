"""Bulk writes straight through the driver's executemany.

SQLAlchemy's Core executemany builds and processes a parameter dictionary per row, which costs more
than SQLite's own insert when a bulk import writes 100k rows (and its 100k audit entries). These
helpers bind tuples with the columns' own bind processors (datetime to text, bool to int, …), so
the stored values are exactly what Core would store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table

_CHUNK = 2000


def _processors(conn: Connection, table: Table, columns: Sequence[str]) -> list[tuple[int, Callable]]:
    """The bind processors (datetime to text, bool to int, …) of ``columns``, by position."""
    dialect = conn.dialect
    out = []
    for i, name in enumerate(columns):
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            out.append((i, processor))
    return out


def _bound(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], head: Sequence[str],
           fixed: Mapping[str, Any], tail: Sequence[str] = ()) -> list[tuple]:
    """Each row as the tuple of its ``head`` columns, the ``fixed`` values (the same in every row) and
    its ``tail`` columns, each value through its column's bind processor (None as it is). Made column
    by column: a processor runs over a column's values, and the fixed values are processed once."""
    names = [*head, *fixed, *tail]
    processors = dict(_processors(conn, table, names))
    constants = [value if value is None or i + len(head) not in processors else processors[i + len(head)](value)
                 for i, value in enumerate(fixed.values())]
    wanted = [*head, *tail]
    if not wanted:
        return [tuple(constants)] * len(rows)
    getter = itemgetter(*wanted)
    values = [getter(r) for r in rows] if len(wanted) > 1 else [(getter(r),) for r in rows]
    if not any(i not in range(len(head), len(head) + len(fixed)) for i in processors) and not tail:
        if not constants:
            return values
        constants_tuple = tuple(constants)
        return [v + constants_tuple for v in values]
    columns: list[Any] = list(zip(*values, strict=True))
    for i, processor in processors.items():
        if i < len(head):
            position = i
        elif i >= len(head) + len(fixed):
            position = i - len(fixed)
        else:
            continue
        columns[position] = [None if v is None else processor(v) for v in columns[position]]
    return list(zip(*columns[:len(head)], *map(repeat, constants), *columns[len(head):], strict=False))


def executemany_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                       fixed: Mapping[str, Any] | None = None) -> None:
    """Insert rows that all hold the same columns, straight through the driver's executemany with the
    columns' own bind processors: SQLAlchemy's per-row parameter handling costs more than SQLite's
    insert for bulk writes. ``fixed`` holds values of columns the rows do not hold, the same for
    every row (a unit of work's stamps). Falls back to Core where a missing column has a computed
    default."""
    fixed = dict(fixed or {})
    columns = list(rows[0])
    present = {*columns, *fixed}
    missing = [c for c in table.c if c.name not in present and c.default is not None]
    if (any(not c.default.is_scalar for c in missing) or any(len(r) != len(columns) for r in rows)
            or any(c in fixed for c in columns)):
        full = [{**fixed, **r} for r in rows] if fixed else rows
        for start in range(0, len(full), _CHUNK):
            conn.execute(table.insert(), full[start:start + _CHUNK])
        return
    constants = {**fixed, **{c.name: c.default.arg for c in missing}}
    names = columns + list(constants)
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in names)})'
    for start in range(0, len(rows), _CHUNK):
        conn.exec_driver_sql(sql, _bound(conn, table, rows[start:start + _CHUNK], columns, constants))


def executemany_update(conn: Connection, table: Table, key: str, columns: Sequence[str], stamps: Mapping[str, Any],
                        rows: Sequence[Mapping[str, Any]]) -> None:
    """``UPDATE … WHERE key = ?`` for each row through the driver's executemany (see above)."""
    assignments = ", ".join(f'"{n}" = ?' for n in [*columns, *stamps])
    sql = f'UPDATE "{table.name}" SET {assignments} WHERE "{key}" = ?'
    for start in range(0, len(rows), _CHUNK):
        conn.exec_driver_sql(sql, _bound(conn, table, rows[start:start + _CHUNK], columns, stamps, [key]))
