"""Every list in the app: columns, filters, search, sort and paging done in SQL (STYLE §7).

A :class:`ListSource` names the SQL behind one list. Screens ask for pages of plain rows with
:func:`fetch_page`; exports stream the same query with :func:`export`. Column keys are stable
snake_case English names: they are the header row of every exported file.

Pages are read by key (keyset paging), never by offset. Each row comes with its :class:`RowKey`,
its value in the sort column plus a tiebreak (the base table's rowid, else the id), and the next
page is "the rows after this key". A key is a position, not a count, so:

* a page deep in the list costs what the first one costs: the read starts at the key in the sort
  column's index instead of stepping over every row before it;
* rows inserted or deleted elsewhere between two reads (sync, another terminal, an import) neither
  repeat a row nor skip one at the page boundary; a position stays valid after its row is deleted.

NULLs sort first ascending and last descending, as SQLite orders them. A read that starts at a key
runs in two segments (the NULL sort values, the others), each one index range; a single condition
with OR across both would make SQLite scan from the top of the index. OFFSET is used nowhere: the
only reads that are not by key are the first page, :func:`count` and :func:`export`, which stream
from the top.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, TextClause, text

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.progress import CancelToken, Progress, no_progress
from models import Base
from services import files, search
from services.permissions import require
from store.database import Database

# A user's name as a list shows it: their display name, else their login. ``u`` is the joined
# user_account alias, ``login`` the column holding the login.
PERSON_NAME_SQL = "coalesce(nullif({u}.display_name, ''), {login})"


@dataclass(frozen=True)
class Column:
    key: str
    sql: str
    kind: str = "text"  # text | int | date | datetime | bool | money | qty | phone | hours (hundredths)
    sortable: bool = True
    width: int = 140
    # A permission needed to see the column's values (costs: "cost.view"); without it the column
    # reads as empty and cannot be sorted by, and screens leave it out.
    permission: str = ""
    # What a reader without ``permission`` sees instead of empty, when the column stays shown
    # (an ID number masked): SQL over the same row, not sortable.
    masked_sql: str = ""


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
    # The rows a given user may see, when not every row (a salesperson's own leads): a condition and
    # its parameters for the actor, or None for every row.
    scope: Callable[[Actor], tuple[str, dict[str, Any]] | None] | None = None

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise ValidationError("sort", msg("Unknown column '{key}'", key=key))


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
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValidationError("list", msg("Unknown list '{name}'", name=name)) from None


def readable(actor: Actor, name: str) -> ListSource:
    """List ``name`` as ``actor`` may read it: refused without the list's permission; only the rows
    of the list's scope for the actor; a column whose own permission the actor lacks reads as empty
    (NULL) and cannot be sorted by."""
    src = source(name)
    require(actor, src.permission)
    scoped = src.scope(actor) if src.scope is not None else None
    if scoped is not None:
        condition, values = scoped
        own = src.params
        src = replace(src, where_sql=f"({src.where_sql}) AND ({condition})" if src.where_sql else condition,
                      params=lambda: {**(own() if own is not None else {}), **values})
    hidden = [c for c in src.columns if c.permission and not actor.can(c.permission)]
    if not hidden:
        return src
    columns = tuple(replace(c, sql=c.masked_sql or "NULL", sortable=False) if c in hidden else c
                    for c in src.columns)
    return replace(src, columns=columns)


def visible_columns(actor: Actor, name: str) -> tuple[Column, ...]:
    """The columns of list ``name`` that ``actor`` may see (a screen shows only these)."""
    return tuple(c for c in source(name).columns if not c.permission or c.masked_sql or actor.can(c.permission))


@functools.cache
def tables_shown(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """The tables list ``name`` shows: ``(keyed, other)``. A change to a keyed table's rows changes
    the list rows with the same ids; a change to any other table it reads (a join, a subquery) may
    change any row."""
    src = source(name)
    words = set(re.findall(r"[a-z_]+", " ".join([src.from_sql, src.where_sql, *(c.sql for c in src.columns)]).lower()))
    tables = words & set(Base.metadata.tables)
    base = src.from_sql.split()[0]
    keyed = frozenset({base, *src.keyed_tables})
    return keyed, frozenset(tables - keyed)


# Above this many search matches, walking the sort column's index and testing each row against the
# matches beats fetching every match and sorting it (measured on the large demo: 95 → 23 ms).
BROAD_MATCHES = 5000


def _is_broad(conn: Connection, sql: str, params: dict[str, Any]) -> bool:
    probe = f"SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {BROAD_MATCHES + 1})"
    return conn.execute(text(probe), params).scalar_one() > BROAD_MATCHES


def _own_condition(src: ListSource, values: Mapping[str, Any] | None) -> tuple[list[str], dict[str, Any]]:
    """The list's own rule and its parameters (``values`` replacing the ones worked out now); the
    parameters also serve its filters (e.g. today's date for "overdue")."""
    if not src.where_sql and src.params is None:
        return [], {}
    params = src.params() if src.params is not None else {}
    params.update(values or {})
    return ([f"({src.where_sql})"] if src.where_sql else []), params


def _where(src: ListSource, state: ListState, conn: Connection | None = None, *,
           values: Mapping[str, Any] | None = None) -> tuple[list[str], dict[str, Any]]:
    """The conditions of the list's own rule, the search box and the filters, to be joined with AND,
    and their parameters (``values`` overriding the list's own)."""
    clauses, params = _own_condition(src, values)
    # A misspelt filter would otherwise be dropped silently and show (or export) every row.
    unknown = sorted(set(state.filters) - {f.key for f in src.filters})
    if unknown:
        raise ValidationError("filters", msg("Unknown filter(s) for list '{name}': {items}",
                                             name=src.name, items=', '.join(unknown)))
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
                raise ValidationError(f.key, msg("'{value}' is not a valid choice", value=value))
            sql = sql.replace(":value", f":f{i}")
            params[f"f{i}"] = value
        clauses.append(f"({sql})")
    return clauses, params


def _where_sql(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


@dataclass(frozen=True)
class _Sort:
    key: str  # the column key
    sql: str  # the column's expression
    tiebreak: str
    descending: bool

    def order_by(self, *, backwards: bool = False) -> str:
        direction = "DESC" if self.descending != backwards else "ASC"
        return f" ORDER BY {self.sql} {direction}, {self.tiebreak} {direction}"


def _sort(src: ListSource, state: ListState) -> _Sort:
    key = state.sort or src.default_sort or src.columns[0].key
    col = src.column(key)
    if not col.sortable:
        raise ValidationError("sort", msg("The list cannot be sorted by '{key}'", key=key))
    descending = state.descending if state.sort else src.default_descending
    return _Sort(key, col.sql, src.tiebreak_sql or src.id_sql, descending)


def _select(src: ListSource, sort: _Sort | None = None) -> str:
    """The list's row ``(id, *columns)``; with ``sort``, followed by the two parts of its key."""
    cols = ", ".join(f"{c.sql} AS {c.key}" for c in src.columns)
    key = f", {sort.sql}, {sort.tiebreak}" if sort is not None else ""
    return f"SELECT {src.id_sql} AS _id, {cols}{key} FROM {src.from_sql}"


# --- pages by key ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class RowKey:
    """Where a row stands in a list's order: its value in the sort column and its tiebreak (the
    base table's rowid, else the id). Positions stay valid while rows are inserted or deleted, and
    even after the row itself is gone. Only meaningful for lists sorted by ``sort``."""

    sort: str
    value: Any
    tiebreak: Any


@dataclass(frozen=True)
class Page:
    """Consecutive rows of a list in its order, as tuples ``(id, *columns)``, with each row's key.

    ``at_start`` / ``at_end`` are True only when the page is known to begin with the list's first
    row / end with its last one; False means rows may precede / follow it."""

    rows: list[tuple]
    keys: list[RowKey]
    at_start: bool
    at_end: bool


def _check_key(key: RowKey | None, sort: _Sort, field_name: str) -> None:
    if key is not None and key.sort != sort.key:
        raise ValidationError(field_name, msg("The position was taken in the order of '{sort}', not of '{key}'",
                                              sort=key.sort, key=sort.key))


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise ValidationError("limit", msg("A page holds at least one row"))


def _beyond(sort: _Sort, key: RowKey, *, inclusive: bool, backwards: bool, name: str,
            params: dict[str, Any]) -> str:
    """A condition true for the rows after ``key`` in the list's order (before it when ``backwards``),
    NULLs included where SQLite sorts them: first when ascending, last when descending. One
    condition, for where no index could seek anyway: a few rows picked by id, or a sort column
    without an index of its own (with one, :func:`_pieces` keeps each read to one index range)."""
    s, t = sort.sql, sort.tiebreak
    descending = sort.descending != backwards
    op = ("<" if descending else ">") + ("=" if inclusive else "")
    params[f"{name}_t"] = key.tiebreak
    if key.value is None:
        return f"({s} IS NULL AND {t} {op} :{name}_t)" if descending else f"({s} IS NOT NULL OR {t} {op} :{name}_t)"
    params[f"{name}_v"] = key.value
    rows = f"({s}, {t}) {op} (:{name}_v, :{name}_t)"
    return f"({rows} OR {s} IS NULL)" if descending else rows


# The tables of a FROM clause and their aliases: "customer c", "LEFT JOIN customer o ON …".
_FROM_TABLES = re.compile(r"(?:^|\bJOIN\s)\s*(\w+)\s+(?:AS\s+)?(\w+)", re.IGNORECASE)
_INDEX_OF_COLUMN = text(
    "SELECT 1 FROM pragma_index_list(:table) l WHERE l.partial = 0 "
    "AND (SELECT group_concat(i.name, ',') FROM pragma_index_info(l.name) i) = :column")
_ROWID_ALIAS = text("SELECT 1 FROM pragma_table_info(:table) WHERE name = :column AND pk = 1 "
                    "AND upper(type) = 'INTEGER' AND (SELECT count(*) FROM pragma_table_info(:table) WHERE pk > 0) = 1")


# Answers of _walks_index per database file, list and sort column: the schema does not change under
# a running program (migrations run before anything reads), and a stale answer would cost only speed.
_SEEKABLE: dict[tuple[str, str, str], bool] = {}


def _walks_index(db: Database, conn: Connection, src: ListSource, sort: _Sort) -> bool:
    """Whether SQLite can seek to a key in the list's order: the sort column and the tiebreak are
    of the same table, the tiebreak is its rowid, and the sort column is the rowid too or has an
    index of its own (which holds the column and then the rowid: exactly the list's order)."""
    cache_key = (str(db.path), src.name, sort.key)
    if cache_key not in _SEEKABLE:
        _SEEKABLE[cache_key] = _index_order(conn, src, sort)
    return _SEEKABLE[cache_key]


def _index_order(conn: Connection, src: ListSource, sort: _Sort) -> bool:
    column = re.fullmatch(r"(\w+)\.(\w+)", sort.sql)
    tiebreak = re.fullmatch(r"(\w+)\.(\w+)", sort.tiebreak)
    if column is None or tiebreak is None or column[1] != tiebreak[1]:
        return False
    table = {alias: name for name, alias in _FROM_TABLES.findall(src.from_sql)}.get(column[1])
    if table is None:
        return False

    def found(query: TextClause, name: str) -> bool:
        return conn.execute(query, {"table": table, "column": name}).first() is not None

    def is_rowid(name: str) -> bool:
        return name.lower() == "rowid" or found(_ROWID_ALIAS, name)

    return is_rowid(tiebreak[2]) and (is_rowid(column[2]) or found(_INDEX_OF_COLUMN, column[2]))


def _block(key: RowKey) -> str:
    return "null" if key.value is None else "value"


def _pieces(sort: _Sort, *, descending: bool, lower: RowKey | None, include_lower: bool,
            upper: RowKey | None) -> list[tuple[list[str], dict[str, Any]]]:
    """The stretch of the order from ``lower`` to ``upper`` as consecutive pieces, each with its
    conditions and parameters, each one range of an index on the sort column (with the rowid after
    it): rows tied with a bound's value, the values strictly between the bounds, the NULL block.

    A single condition such as ``(s, rowid) > (:v, :t)`` would be simpler, but SQLite seeks only on
    ``s > :v`` with it and then steps through every row tied at ``:v`` (about 130 ms deep in a block of a
    million ties, against 0.1 ms for ``s = :v AND rowid > :t``), and an OR with ``s IS NULL`` makes it
    scan the index from the top."""
    s, t = sort.sql, sort.tiebreak
    after, before = ("<", ">") if descending else (">", "<")
    lo_t = after + ("=" if include_lower else "")
    hi_t = before + "="
    # SQLite puts NULLs first ascending, so last descending.
    blocks = ["value", "null"] if descending else ["null", "value"]
    first = 0 if lower is None else blocks.index(_block(lower))
    last = len(blocks) - 1 if upper is None else blocks.index(_block(upper))
    pieces: list[tuple[list[str], dict[str, Any]]] = []
    for i in range(first, last + 1):
        lo = lower if i == first else None
        hi = upper if i == last else None
        if blocks[i] == "null":
            conds, params = [f"{s} IS NULL"], {}
            if lo is not None:
                conds.append(f"{t} {lo_t} :_lo_t")
                params["_lo_t"] = lo.tiebreak
            if hi is not None:
                conds.append(f"{t} {hi_t} :_hi_t")
                params["_hi_t"] = hi.tiebreak
            pieces.append((conds, params))
            continue
        if lo is not None and hi is not None and lo.value == hi.value:
            pieces.append(([f"{s} = :_lo_v", f"{t} {lo_t} :_lo_t", f"{t} {hi_t} :_hi_t"],
                           {"_lo_v": lo.value, "_lo_t": lo.tiebreak, "_hi_t": hi.tiebreak}))
            continue
        middle: list[str] = []
        middle_params: dict[str, Any] = {}
        if lo is not None:
            pieces.append(([f"{s} = :_lo_v", f"{t} {lo_t} :_lo_t"], {"_lo_v": lo.value, "_lo_t": lo.tiebreak}))
            middle.append(f"{s} {after} :_lo_v")
            middle_params["_lo_v"] = lo.value
        if hi is not None:
            middle.append(f"{s} {before} :_hi_v")
            middle_params["_hi_v"] = hi.value
        # A comparison is never true for a NULL sort value; without one, the values must be asked for.
        pieces.append((middle or [f"{s} IS NOT NULL"], middle_params))
        if hi is not None:
            pieces.append(([f"{s} = :_hi_v", f"{t} {hi_t} :_hi_t"], {"_hi_v": hi.value, "_hi_t": hi.tiebreak}))
    return pieces


def _scan(conn: Connection, src: ListSource, sort: _Sort, clauses: list[str], params: dict[str, Any], *,
          limit: int, seek: bool, lower: RowKey | None = None, include_lower: bool = False,
          upper: RowKey | None = None, backwards: bool = False) -> tuple[list[tuple], list[RowKey], bool]:
    """Up to ``limit`` rows after ``lower`` (or at it, with ``include_lower``) and up to ``upper``
    inclusive, in the list's order (reversed when ``backwards``); their keys; and whether more rows
    lie within the bounds. None bounds are the ends of the list. ``seek``: the sort column's index
    has the list's order (see :func:`_walks_index`)."""
    select = _select(src, sort)
    order = sort.order_by(backwards=backwards)
    pieces: list[tuple[list[str], dict[str, Any]]]
    if lower is None and upper is None:
        # No bound: one query, in which SQLite itself puts the NULLs where they belong.
        pieces = [([], {})]
    elif seek:
        pieces = _pieces(sort, descending=sort.descending != backwards, lower=lower, include_lower=include_lower,
                         upper=upper)
    else:
        # Without an index every piece would be a scan and a sort of its own: one query does it once.
        conds: list[str] = []
        bound_params: dict[str, Any] = {}
        if lower is not None:
            conds.append(_beyond(sort, lower, inclusive=include_lower, backwards=backwards, name="_lo",
                                 params=bound_params))
        if upper is not None:
            conds.append(_beyond(sort, upper, inclusive=True, backwards=not backwards, name="_hi",
                                 params=bound_params))
        pieces = [(conds, bound_params)]
    found: list = []
    for conds, bound_params in pieces:
        sql = select + _where_sql(clauses + conds) + order + " LIMIT :_limit"
        found += conn.execute(text(sql), {**params, **bound_params, "_limit": limit + 1 - len(found)}).all()
        if len(found) > limit:
            break
    more = len(found) > limit
    found = found[:limit]
    return [tuple(r[:-2]) for r in found], [RowKey(sort.key, r[-2], r[-1]) for r in found], more


def fetch_page(db: Database, actor: Actor, name: str, state: ListState, *, limit: int,
               after: RowKey | None = None, before: RowKey | None = None,
               params: Mapping[str, Any] | None = None) -> Page:
    """The ``limit`` rows of the list that follow ``after`` (from the top without it), or with
    ``before`` the ``limit`` rows just before that position, in list order.

    Pages are read by key, never by offset: a read costs the same at any depth, and rows inserted or
    deleted between two reads neither repeat nor skip a row at the page boundary. ``params`` gives the
    list's own parameters other values than today's (e.g. another day). Any thread."""
    src = readable(actor, name)
    sort = _sort(src, state)
    _check_limit(limit)
    _check_key(after, sort, "after")
    _check_key(before, sort, "before")
    if after is not None and before is not None:
        raise ValidationError("before", msg("Read a page after a position or before one, not both"))
    with db.read() as conn:
        clauses, bound = _where(src, state, conn, values=params)
        # The first page reads from the top in one query either way; only a read from a key may seek.
        seek = (after is not None or before is not None) and _walks_index(db, conn, src, sort)
        if before is not None:
            rows, keys, more = _scan(conn, src, sort, clauses, bound, limit=limit, seek=seek, lower=before,
                                     backwards=True)
            return Page(rows[::-1], keys[::-1], at_start=not more, at_end=False)
        rows, keys, more = _scan(conn, src, sort, clauses, bound, limit=limit, seek=seek, lower=after)
        return Page(rows, keys, at_start=after is None, at_end=not more)


def fetch_window(db: Database, actor: Actor, name: str, state: ListState, *, first: RowKey | None,
                 last: RowKey | None, limit: int) -> Page:
    """The rows from position ``first`` to position ``last``, both included (None: the list's start /
    end), at most ``limit`` of them: what a window of loaded rows holds now, after rows were inserted,
    deleted or changed anywhere. Any thread."""
    src = readable(actor, name)
    sort = _sort(src, state)
    _check_limit(limit)
    _check_key(first, sort, "first")
    _check_key(last, sort, "last")
    with db.read() as conn:
        clauses, params = _where(src, state, conn)
        rows, keys, more = _scan(conn, src, sort, clauses, params, limit=limit, seek=_walks_index(db, conn, src, sort),
                                 lower=first, include_lower=True, upper=last)
    return Page(rows, keys, at_start=first is None, at_end=last is None and not more)


def fetch_around(db: Database, actor: Actor, name: str, state: ListState, row_id: Any, *, before: int,
                 limit: int) -> Page | None:
    """Up to ``before`` rows before the row ``row_id`` and ``limit`` rows from it on, in list order,
    read in one snapshot; None if the row is not in the list as searched and filtered. However deep
    the row lies, this reads only those rows. Any thread."""
    src = readable(actor, name)
    sort = _sort(src, state)
    _check_limit(limit)
    with db.read() as conn:
        clauses, params = _where(src, state, conn)
        sql = (f"SELECT {sort.sql}, {sort.tiebreak} FROM {src.from_sql}"
               + _where_sql([*clauses, f"{src.id_sql} = :_id"]))
        found = conn.execute(text(sql), {**params, "_id": row_id}).first()
        if found is None:
            return None
        key = RowKey(sort.key, found[0], found[1])
        seek = _walks_index(db, conn, src, sort)
        head: tuple[list[tuple], list[RowKey], bool] = ([], [], True)
        if before > 0:
            head = _scan(conn, src, sort, clauses, params, limit=before, seek=seek, lower=key, backwards=True)
        rows, keys, more = _scan(conn, src, sort, clauses, params, limit=limit, seek=seek, lower=key,
                                 include_lower=True)
    return Page(head[0][::-1] + rows, head[1][::-1] + keys, at_start=not head[2], at_end=not more)


def fetch_rows(db: Database, actor: Actor, name: str, state: ListState, ids: Iterable[Any], *,
               first: RowKey | None = None, last: RowKey | None = None) -> Page:
    """Those of ``ids`` that are in the list as searched and filtered and lie between positions
    ``first`` and ``last`` (both included; None: no bound), in list order: which changed rows belong
    in a window of loaded rows, and where. Any thread."""
    src = readable(actor, name)
    sort = _sort(src, state)
    _check_key(first, sort, "first")
    _check_key(last, sort, "last")
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return Page([], [], at_start=False, at_end=False)
    with db.read() as conn:
        clauses, params = _where(src, state, conn)
        if first is not None:
            clauses.append(_beyond(sort, first, inclusive=True, backwards=False, name="_first", params=params))
        if last is not None:
            clauses.append(_beyond(sort, last, inclusive=True, backwards=True, name="_last", params=params))
        # One parameter however many ids: a JSON array, so a large change needs no batching.
        clauses.append(f"{src.id_sql} IN (SELECT value FROM json_each(:_ids))")
        params["_ids"] = json.dumps(wanted)
        found = conn.execute(text(_select(src, sort) + _where_sql(clauses) + sort.order_by()), params).all()
    return Page([tuple(r[:-2]) for r in found], [RowKey(sort.key, r[-2], r[-1]) for r in found],
                at_start=False, at_end=False)


def count(db: Database, actor: Actor, name: str, state: ListState, *,
          params: Mapping[str, Any] | None = None) -> int:
    """How many rows the list has as searched and filtered. Any thread."""
    src = readable(actor, name)
    clauses, params = _where(src, state, values=params)
    with db.read() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {src.from_sql}{_where_sql(clauses)}"), params).scalar_one()


def row_by_id(db: Database, actor: Actor, name: str, row_id: str) -> tuple | None:
    """One row of the list by id (to refresh a row after an edit without reloading the list)."""
    src = readable(actor, name)
    own, params = _own_condition(src, None)
    with db.read() as conn:
        r = conn.execute(text(_select(src) + " WHERE " + " AND ".join([f"{src.id_sql} = :_id", *own])),
                         {**params, "_id": row_id}).first()
    return tuple(r) if r else None


# --- export ---------------------------------------------------------------------------------------

def export(db: Database, actor: Actor, name: str, state: ListState, path: Path | str, *,
           columns: Sequence[str] | None = None, headers: Sequence[str] | None = None,
           cell: Callable[[str, Any], Any] | None = None,
           derived: Mapping[str, Callable[[dict[str, Any]], Any]] | None = None,
           progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the list, as filtered and sorted, to ``path`` (.xlsx or .csv by extension).

    ``columns`` names the columns to write, in order (default: all); ``headers`` are their header
    cells (default: the column keys); ``cell(key, value)`` turns a stored value into what the file
    shows (default: as stored). A screen passes the columns it shows, its own headers and its own
    formatting, so a file holds what the user saw and nothing they could not see. A column in
    ``derived`` is written as ``derived[key](row)``, ``row`` being {column key: stored value} of every
    column of the list (a text the screen makes from the whole row).

    Runs on a worker thread. On cancel or failure no partial file is left behind. Returns rows written."""
    require(actor, "data.export")
    src = readable(actor, name)
    path = Path(path)
    files.table_suffix(path)
    by_key = {c.key: i for i, c in enumerate(src.columns)}
    keys = list(columns) if columns is not None else [c.key for c in src.columns]
    unknown = [k for k in keys if k not in by_key]
    if unknown:
        raise ValueError(f"list {name!r} has no column {unknown[0]!r}")
    titles = list(headers) if headers is not None else keys
    if len(titles) != len(keys):
        raise ValueError("one header per column")
    offsets = [by_key[k] + 1 for k in keys]
    shown = [src.columns[by_key[k]] for k in keys]
    clauses, params = _where(src, state)
    total = count(db, actor, name, state)
    sql = _select(src) + _where_sql(clauses) + _sort(src, state).order_by()
    widths = [max(10, min(50, c.width // 7)) for c in shown]

    made = dict(derived or {})
    all_keys = [c.key for c in src.columns]
    if cell is None:
        # Stored days come back from SQLite as text: a sheet gets them as dates (sorted and filtered as such).
        day_keys = {c.key for c in shown if c.kind == "date"}
        if day_keys:
            def cell(key: str, value: Any) -> Any:
                if key in day_keys and isinstance(value, str) and value:
                    try:
                        return date.fromisoformat(value[:10])
                    except ValueError:
                        return value
                return value

    def out(row: Sequence[Any]) -> list[Any]:
        if made:
            values = dict(zip(all_keys, row[1:], strict=True))
            return [made[k](values) if k in made else cell(k, row[i]) if cell is not None else row[i]
                    for k, i in zip(keys, offsets, strict=True)]
        if cell is None:
            return [row[i] for i in offsets]
        return [cell(k, row[i]) for k, i in zip(keys, offsets, strict=True)]

    with db.read() as conn:
        result = conn.execution_options(yield_per=2000).execute(text(sql), params)
        batches = ([out(row) for row in part] for part in result.partitions())
        return files.write_table(path, titles, batches, total=total, sheet=src.name, widths=widths,
                                 progress=progress, cancel=cancel)


def export_rows(actor: Actor, path: Path | str, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
                sheet: str, progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write a report the screen already holds (an aging, a margin table) as shown: ``headers`` and
    ``rows`` of display values. Atomic and formula-safe like every export. Any thread but the GUI's."""
    require(actor, "data.export")
    files.table_suffix(path)
    chunk = 2000
    batches = (rows[i:i + chunk] for i in range(0, len(rows), chunk))
    return files.write_table(Path(path), headers, batches, total=len(rows), sheet=sheet[:31] or "export",
                             progress=progress, cancel=cancel)
