"""Every list in the app: columns, filters, search, sort and paging done in SQL (STYLE §7).

A :class:`ListSource` names the SQL behind one list. Screens ask for pages of plain rows with
:func:`fetch_page`; exports stream the same query with :func:`export`. Column keys are stable
snake_case English names: they are the header row of every exported file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core.actor import Actor
from core.errors import ValidationError
from core.progress import CancelToken, Progress, no_progress
from models import Base
from services import files, search
from services.permissions import require
from store.database import Database


@dataclass(frozen=True)
class Column:
    key: str
    sql: str
    kind: str = "text"  # text | int | date | datetime | bool | money
    sortable: bool = True
    width: int = 140


@dataclass(frozen=True)
class Filter:
    key: str
    sql: str  # a condition using :value (or :value_from / :value_to for ranges)
    kind: str = "choice"  # choice | bool | date_range | text
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ListSource:
    name: str
    permission: str
    from_sql: str
    id_sql: str
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...] = ()
    search_kind: str | None = None  # use the global search index for the search box
    search_sql: str | None = None  # otherwise: a LIKE condition using :search
    default_sort: str = ""
    default_descending: bool = False
    # Breaks ties in the sort order; a base table's rowid lets SQLite walk the sort column's index.
    tiebreak_sql: str = ""
    # Tables besides the first of ``from_sql`` whose primary key is this list's row id (a part's
    # cached stock row): a change to one of their rows changes that row of the list.
    keyed_tables: tuple[str, ...] = ()
    # A condition every row of the list meets (the list's own rule, e.g. an alert's), and the values
    # of its :named parameters, worked out each time the list is read (e.g. a cut-off date).
    where_sql: str = ""
    params: Callable[[], dict[str, Any]] | None = None

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise ValidationError("sort", f"Unknown column '{key}'")


@dataclass
class ListState:
    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = ""
    descending: bool = False


REGISTRY: dict[str, ListSource] = {}


@functools.cache
def tables_shown(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """The tables list ``name`` shows: ``(keyed, other)``. A change to a keyed table's rows changes
    the list rows with the same ids; a change to any other table it reads (a join, a subquery) may
    change any row."""
    src = source(name)
    words = set(re.findall(r"[a-z_]+", " ".join([src.from_sql, *(c.sql for c in src.columns)]).lower()))
    tables = words & set(Base.metadata.tables)
    base = src.from_sql.split()[0]
    keyed = frozenset({base, *src.keyed_tables})
    return keyed, frozenset(tables - keyed)


def register(source: ListSource) -> ListSource:
    REGISTRY[source.name] = source
    return source


def source(name: str) -> ListSource:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValidationError("list", f"Unknown list '{name}'") from None


# Above this many search matches, walking the sort column's index and testing each row against the
# matches beats fetching every match and sorting it (measured on the large demo: 95 → 23 ms).
BROAD_MATCHES = 5000


def _is_broad(conn: Connection, sql: str, params: dict[str, Any]) -> bool:
    probe = f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {BROAD_MATCHES + 1})"
    return conn.execute(text(probe), params).scalar_one() > BROAD_MATCHES


def _own_condition(src: ListSource, values: Mapping[str, Any] | None) -> tuple[list[str], dict[str, Any]]:
    """The list's own rule and its parameters (``values`` replacing the ones worked out now)."""
    if not src.where_sql:
        return [], {}
    params = src.params() if src.params is not None else {}
    params.update(values or {})
    return [f"({src.where_sql})"], params


def _where(src: ListSource, state: ListState, conn: Connection | None = None, *,
           values: Mapping[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    clauses, params = _own_condition(src, values)
    # A misspelt filter would otherwise be dropped silently and show (or export) every row.
    unknown = sorted(set(state.filters) - {f.key for f in src.filters})
    if unknown:
        raise ValidationError("filters", f"Unknown filter(s) for list '{src.name}': {', '.join(unknown)}")
    query = state.search.strip()
    if query:
        if src.search_kind:
            built = search.ids_matching_sql(src.search_kind, query)
            if built is not None:
                sql, p = built
                clause = f"{src.id_sql} IN ({sql})"
                if conn is not None and _is_broad(conn, sql, p):
                    clause = f"likelihood({clause}, 0.9)"
                clauses.append(clause)
                params.update(p)
        elif src.search_sql:
            clauses.append(src.search_sql)
            escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params["search"] = f"%{escaped}%"
    for i, f in enumerate(src.filters):
        value = state.filters.get(f.key)
        if value in (None, "", ()):
            continue
        sql = f.sql
        if f.kind == "date_range":
            lo, hi = value
            if lo is None and hi is None:
                continue
            sql = sql.replace(":value_from", f":f{i}_from").replace(":value_to", f":f{i}_to")
            params[f"f{i}_from"] = (lo or date.min).isoformat()
            params[f"f{i}_to"] = (hi or date.max).isoformat() + "\uffff"
        else:
            if f.kind == "choice" and f.choices and value not in {c[0] for c in f.choices}:
                raise ValidationError(f.key, f"'{value}' is not a valid choice")
            sql = sql.replace(":value", f":f{i}")
            params[f"f{i}"] = value
        clauses.append(f"({sql})")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(src: ListSource, state: ListState) -> str:
    key = state.sort or src.default_sort or src.columns[0].key
    col = src.column(key)
    if not col.sortable:
        raise ValidationError("sort", f"The list cannot be sorted by '{key}'")
    direction = "DESC" if (state.descending if state.sort else src.default_descending) else "ASC"
    return f" ORDER BY {col.sql} {direction}, {src.tiebreak_sql or src.id_sql} {direction}"


def _select(src: ListSource) -> str:
    cols = ", ".join(f"{c.sql} AS {c.key}" for c in src.columns)
    return f"SELECT {src.id_sql} AS _id, {cols} FROM {src.from_sql}"


def fetch_page(db: Database, actor: Actor, name: str, state: ListState, *, offset: int, limit: int,
               params: Mapping[str, Any] | None = None) -> list[tuple]:
    """Rows ``offset`` … ``offset + limit`` of the list as tuples ``(id, *columns)``. ``params`` gives
    the list's own parameters other values than today's (e.g. another day). Any thread."""
    src = source(name)
    require(actor, src.permission)
    with db.read() as conn:
        where, bound = _where(src, state, conn, values=params)
        sql = _select(src) + where + _order(src, state) + " LIMIT :_limit OFFSET :_offset"
        return [tuple(r) for r in conn.execute(text(sql), {**bound, "_limit": limit, "_offset": offset})]


def count(db: Database, actor: Actor, name: str, state: ListState, *,
          params: Mapping[str, Any] | None = None) -> int:
    src = source(name)
    require(actor, src.permission)
    where, bound = _where(src, state, values=params)
    with db.read() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {src.from_sql}{where}"), bound).scalar_one()


def row_by_id(db: Database, actor: Actor, name: str, row_id: str) -> tuple | None:
    """One row of the list by id (to refresh a row after an edit without reloading the list)."""
    src = source(name)
    require(actor, src.permission)
    own, params = _own_condition(src, None)
    with db.read() as conn:
        r = conn.execute(text(_select(src) + " WHERE " + " AND ".join([f"{src.id_sql} = :_id", *own])),
                         {**params, "_id": row_id}).first()
    return tuple(r) if r else None


# --- export ---------------------------------------------------------------------------------------

def export(db: Database, actor: Actor, name: str, state: ListState, path: Path | str, *,
           progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the list, as filtered and sorted, to ``path`` (.xlsx or .csv by extension).

    Runs on a worker thread. On cancel or failure no partial file is left behind. Returns rows written."""
    require(actor, "data.export")
    src = source(name)
    require(actor, src.permission)
    path = Path(path)
    files.table_suffix(path)
    where, params = _where(src, state)
    total = count(db, actor, name, state)
    sql = _select(src) + where + _order(src, state)
    headers = [c.key for c in src.columns]
    widths = [max(10, min(50, c.width // 7)) for c in src.columns]
    with db.read() as conn:
        result = conn.execution_options(yield_per=2000).execute(text(sql), params)
        batches = ([row[1:] for row in part] for part in result.partitions())
        return files.write_table(path, headers, batches, total=total, sheet=src.name, widths=widths,
                                 progress=progress, cancel=cancel)
