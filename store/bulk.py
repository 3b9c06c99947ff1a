"""Bulk writes straight through the driver's executemany.

SQLAlchemy's Core executemany builds and processes a parameter dictionary per row, which costs more
than SQLite's own insert when a bulk import writes 100k rows (and its 100k audit entries). These
helpers bind tuples with the columns' own bind processors (datetime to text, bool to int, …), so
the stored values are exactly what Core would store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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


def _tuples(rows: Iterable[Iterable[Any]], processors: list[tuple[int, Callable]]) -> list[tuple]:
    if not processors:
        return [tuple(r) for r in rows]
    out = []
    for r in rows:
        values = list(r)
        for i, processor in processors:
            if values[i] is not None:
                values[i] = processor(values[i])
        out.append(tuple(values))
    return out


def executemany_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows that all hold the same columns, straight through the driver's executemany with the
    columns' own bind processors: SQLAlchemy's per-row parameter handling costs more than SQLite's
    insert for bulk writes. Falls back to Core where a missing column has a computed default."""
    columns = list(rows[0])
    missing = [c for c in table.c if c.name not in rows[0] and c.default is not None]
    if any(not c.default.is_scalar for c in missing) or any(len(r) != len(columns) for r in rows):
        for start in range(0, len(rows), _CHUNK):
            conn.execute(table.insert(), rows[start:start + _CHUNK])
        return
    defaults = tuple(c.default.arg for c in missing)
    names = columns + [c.name for c in missing]
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in names)})'
    processors = _processors(conn, table, names)
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start:start + _CHUNK]
        conn.exec_driver_sql(sql, _tuples((tuple(r[c] for c in columns) + defaults for r in chunk), processors))


def executemany_update(conn: Connection, table: Table, key: str, columns: Sequence[str], stamps: Mapping[str, Any],
                        rows: Sequence[Mapping[str, Any]]) -> None:
    """``UPDATE … WHERE key = ?`` for each row through the driver's executemany (see above)."""
    names = [*columns, *stamps, key]
    assignments = ", ".join(f'"{n}" = ?' for n in [*columns, *stamps])
    sql = f'UPDATE "{table.name}" SET {assignments} WHERE "{key}" = ?'
    processors = _processors(conn, table, names)
    fixed = tuple(stamps.values())
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start:start + _CHUNK]
        conn.exec_driver_sql(sql, _tuples((tuple(r[c] for c in columns) + fixed + (r[key],) for r in chunk),
                                          processors))
