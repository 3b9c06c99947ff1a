"""Every list in the app: columns, filters, search, sort and paging done in SQL (STYLE §7).

A :class:`ListSource` names the SQL behind one list. Screens ask for pages of plain rows with
:func:`fetch_page`; exports stream the same query with :func:`export`. Column keys are stable
snake_case English names: they are the header row of every exported file.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from app.db import Database
from services import search
from services.errors import ValidationError
from services.permissions import Actor, require
from services.progress import CancelToken, Progress, no_progress

log = logging.getLogger(__name__)


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


def register(source: ListSource) -> ListSource:
    REGISTRY[source.name] = source
    return source


def source(name: str) -> ListSource:
    _load_sources()
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValidationError("list", f"Unknown list '{name}'") from None


def _load_sources() -> None:
    if not REGISTRY:
        from services import list_sources  # noqa: F401  (registers the app's lists)


# Above this many search matches, walking the sort column's index and testing each row against the
# matches beats fetching every match and sorting it (measured on the large demo: 95 → 23 ms).
BROAD_MATCHES = 5000


def _is_broad(conn: Connection, sql: str, params: dict[str, Any]) -> bool:
    probe = f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {BROAD_MATCHES + 1})"
    return conn.execute(text(probe), params).scalar_one() > BROAD_MATCHES


def _where(src: ListSource, state: ListState, conn: Connection | None = None) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
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


def fetch_page(db: Database, actor: Actor, name: str, state: ListState, *, offset: int, limit: int
               ) -> list[tuple]:
    """Rows ``offset`` … ``offset + limit`` of the list as tuples ``(id, *columns)``. Any thread."""
    src = source(name)
    require(actor, src.permission)
    with db.read() as conn:
        where, params = _where(src, state, conn)
        sql = _select(src) + where + _order(src, state) + " LIMIT :_limit OFFSET :_offset"
        return [tuple(r) for r in conn.execute(text(sql), {**params, "_limit": limit, "_offset": offset})]


def count(db: Database, actor: Actor, name: str, state: ListState) -> int:
    src = source(name)
    require(actor, src.permission)
    where, params = _where(src, state)
    with db.read() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {src.from_sql}{where}"), params).scalar_one()


def row_by_id(db: Database, actor: Actor, name: str, row_id: str) -> tuple | None:
    """One row of the list by id (to refresh a row after an edit without reloading the list)."""
    src = source(name)
    require(actor, src.permission)
    with db.read() as conn:
        r = conn.execute(text(_select(src) + f" WHERE {src.id_sql} = :id"), {"id": row_id}).first()
    return tuple(r) if r else None


# --- export ---------------------------------------------------------------------------------------

def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


def export(db: Database, actor: Actor, name: str, state: ListState, path: Path | str, *,
           progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the list, as filtered and sorted, to ``path`` (.xlsx or .csv by extension).

    Runs on a worker thread. On cancel or failure no partial file is left behind. Returns rows written."""
    require(actor, "data.export")
    src = source(name)
    require(actor, src.permission)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError("file", f"{path.name}: choose a .xlsx or .csv file name")
    where, params = _where(src, state)
    total = count(db, actor, name, state)
    sql = _select(src) + where + _order(src, state)
    headers = [c.key for c in src.columns]
    tmp = path.with_name(path.name + ".part")
    written = 0
    try:
        with db.read() as conn:
            result = conn.execution_options(yield_per=2000).execute(text(sql), params)
            writer = _xlsx_writer(tmp, headers, src) if suffix == ".xlsx" else _csv_writer(tmp, headers)
            with writer as write:
                for part in result.partitions():
                    if cancel is not None:
                        cancel.check()
                    for row in part:
                        write([_cell(v) for v in row[1:]])
                    written += len(part)
                    progress(written, total, f"{written:,} of {total:,} rows")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return written


class _csv_writer:
    def __init__(self, path: Path, headers: list[str]) -> None:
        self.path, self.headers = path, headers

    def __enter__(self) -> Callable[[list], None]:
        # UTF-8 with BOM: Excel on Windows then opens Chinese text correctly.
        self.fh = self.path.open("w", encoding="utf-8-sig", newline="")
        w = csv.writer(self.fh)
        w.writerow(self.headers)
        return w.writerow

    def __exit__(self, *exc) -> None:
        self.fh.close()


class _xlsx_writer:
    def __init__(self, path: Path, headers: list[str], src: ListSource) -> None:
        self.path, self.headers, self.src = path, headers, src

    def __enter__(self) -> Callable[[list], None]:
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet(self.src.name[:31])
        for i, c in enumerate(self.src.columns):
            letter = _column_letter(i)
            self.ws.column_dimensions[letter].width = max(10, min(50, c.width // 7))
        self.ws.freeze_panes = "A2"
        self.ws.append(self.headers)
        return self.ws.append

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.wb.save(self.path)
            return
        # A write-only workbook releases its temporary sheet files only when saved; the saved
        # partial file is removed by export(). The error that stopped the export is the one to report.
        try:
            self.wb.save(self.path)
        except Exception:
            log.warning("Could not tidy up the unfinished workbook %s", self.path, exc_info=True)


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)
