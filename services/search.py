"""Global search over the kinds of record the areas register (customers, vehicles, invoices, parts, …).

Each searchable record has one row in ``search_doc``; two FTS5 indexes stand over it:

* ``search_fts`` (trigram) answers queries of three or more characters as substring matches;
* ``search_short`` (word tokens) holds every two-character window of the record's names and plate
  plus its last character, so a one- or two-character query — a two-character Chinese name such
  as 王伟, a surname — is an indexed token (or token-prefix) lookup too. Trigram indexes find
  nothing for such queries.

Both are kept in step with ``search_doc`` by triggers created in the migration; services call
:func:`index` in the same transaction as the change they make.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, text

from core.actor import Actor
from services.permissions import require
from store.database import Database

CANDIDATES = 2000

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize(value: str) -> str:
    """Case-folded, width-folded text (full-width digits and letters become ASCII)."""
    if value.__class__ is str and value.isascii():
        # NFKC leaves ASCII as it is, and for ASCII case-folding is lower-casing.
        return value.lower()
    return unicodedata.normalize("NFKC", value or "").casefold()


def compact(value: str) -> str:
    """Normalized text with spaces, dashes and punctuation removed (plates, part numbers, phones)."""
    return _NON_WORD.sub("", normalize(value))


# Remembered: a catalogue repeats its descriptions ("Oil filter") from part to part.
@functools.lru_cache(maxsize=8192)
def short_grams(*values: str) -> str:
    """Every two-character window of each word of ``values`` and each word's last character, once
    each, in order of first appearance."""
    if len(values) == 1:
        return " ".join(_value_grams(values[0]))
    return " ".join(dict.fromkeys(chain.from_iterable(map(_value_grams, values))))


@functools.lru_cache(maxsize=8192)
def _value_grams(value: str) -> tuple[str, ...]:
    grams: dict[str, None] = {}
    for word in _NON_WORD.split(normalize(value)):
        if not word:
            continue
        for i in range(len(word) - 1):
            grams[word[i:i + 2]] = None
        grams[word[-1]] = None
    return tuple(grams)


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: str
    title: str
    detail: str


# --- kinds of record ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchKind:
    """One kind of searchable record, declared by its area.

    ``sql`` selects the records with an ``{ids}`` slot: "AND <id_column> IN :ids" for a few
    records, empty for a rebuild; ``build`` turns one row into a ``search_doc`` row (kind, ref_id,
    title, detail, body, grams)."""

    name: str
    permission: str
    sql: str
    id_column: str
    build: Callable[[Any], dict]


KINDS: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> SearchKind:
    KINDS[kind.name] = kind
    return kind


def phone_forms(phone: str) -> str:
    """The digits of a phone number as typed and, for a Chinese mobile with +86, without it."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("86") and len(digits) == 13:
        return f"{digits} {digits[2:]}"
    return digits


_INSERT = text("INSERT INTO search_doc (kind, ref_id, title, detail, body, grams) "
               "VALUES (:kind, :ref_id, :title, :detail, :body, :grams)")
_INSERT_ROWS = "INSERT INTO search_doc (kind, ref_id, title, detail, body, grams) VALUES (?, ?, ?, ?, ?, ?)"
_DOC_VALUES = itemgetter("kind", "ref_id", "title", "detail", "body", "grams")


# From this many records on, the full-text rows are written in one statement per index rather than
# by the insert trigger row by row: about eight times faster for a price list of new parts.
BULK_INDEX_MIN = 500


def index(conn: Connection, kind: str, ids: Iterable[str]) -> None:
    """(Re)build the search documents of these records; records that no longer exist are dropped.
    Runs in the caller's write transaction."""
    ids = list(ids)
    if not ids:
        return
    sql, build, id_column = KINDS[kind].sql, KINDS[kind].build, KINDS[kind].id_column
    docs: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(text("DELETE FROM search_doc WHERE kind = :kind AND ref_id IN :ids")
                     .bindparams(bindparam("ids", expanding=True)), {"kind": kind, "ids": chunk})
        rows = conn.execute(text(sql.format(ids=f"AND {id_column} IN :ids"))
                            .bindparams(bindparam("ids", expanding=True)), {"ids": chunk})
        docs += [build(r) for r in rows]
    write_docs(conn, docs)


def index_new(conn: Connection, kind: str, records: Iterable[Any]) -> None:
    """Index records that were just inserted in the caller's transaction, from values the caller
    already holds (each with the attributes the kind's ``build`` reads, as its SQL would select
    them): a bulk import need not read back what it has just written."""
    write_docs(conn, [KINDS[kind].build(r) for r in records])


def write_docs(conn: Connection, docs: list[dict]) -> None:
    """Insert ``search_doc`` rows (whose records have no document yet) and their full-text rows."""
    if len(docs) < BULK_INDEX_MIN:
        if docs:
            conn.execute(_INSERT, docs)
        return
    trigger = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_doc_ai'")
                           ).scalar()
    if trigger is None:  # already dropped by a rebuild() around this call
        conn.execute(_INSERT, docs)
        return
    # New rows get rowids above today's largest, so the rows just written are those above it. The
    # trigger is dropped inside the caller's transaction: a rollback puts it back too.
    last = conn.execute(text("SELECT coalesce(max(id), 0) FROM search_doc")).scalar_one()
    conn.exec_driver_sql("DROP TRIGGER search_doc_ai")
    try:
        # Straight through the driver: untyped parameters are bound as they are either way.
        conn.exec_driver_sql(_INSERT_ROWS, list(map(_DOC_VALUES, docs)))
        with _merging_deferred(conn):
            conn.execute(text("INSERT INTO search_fts(rowid, body) SELECT id, body FROM search_doc WHERE id > :last"),
                         {"last": last})
            conn.execute(text("INSERT INTO search_short(rowid, grams) SELECT id, grams FROM search_doc "
                              "WHERE id > :last"), {"last": last})
    finally:
        conn.exec_driver_sql(trigger)


_FULL_TEXT = ("search_fts", "search_short")
_AUTOMERGE_DEFAULT = 4  # FTS5's own


@contextmanager
def _merging_deferred(conn: Connection) -> Iterator[None]:
    """Within the block, the full-text indexes write a bulk insert's segments without merging them
    into the older ones, which would otherwise take more than half its time; the automerge setting
    each index had is put back after it, so the writes that follow merge them a little at a time
    (and FTS5 still merges at once should a level ever hold too many segments). The settings are
    rows of the database: a rollback puts them back too."""
    kept = {}
    for table in _FULL_TEXT:
        value = conn.exec_driver_sql(f"SELECT v FROM {table}_config WHERE k = 'automerge'").scalar()
        kept[table] = _AUTOMERGE_DEFAULT if value is None else int(value)
        conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
    try:
        yield
    finally:
        for table, value in kept.items():
            conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (value,))


def rebuild(conn: Connection, kinds: Sequence[str] | None = None, *, progress=None, cancel=None) -> int:
    """Rebuild the documents of whole kinds in bulk (demo data, repairs). Returns documents written.

    ``kinds`` defaults to every registered kind. Runs in the caller's write transaction. The
    full-text indexes are rebuilt once from ``search_doc`` at the end instead of row by row through
    the triggers, which is about ten times faster for whole tables; the triggers are dropped
    meanwhile and put back before this returns (a rollback restores them too)."""
    triggers = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                 "AND tbl_name = 'search_doc' ORDER BY name")).all()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    total = 0
    try:
        for kind in kinds if kinds is not None else tuple(KINDS):
            sql, build = KINDS[kind].sql, KINDS[kind].build
            conn.execute(text("DELETE FROM search_doc WHERE kind = :kind"), {"kind": kind})
            all_sql = sql.format(ids="")
            # An explicit partition size: with text() the driver otherwise hands over one row at a time.
            for part in conn.execute(text(all_sql)).partitions(5000):
                if cancel is not None:
                    cancel.check()
                conn.execute(_INSERT, [build(r) for r in part])
                total += len(part)
                if progress is not None:
                    progress(total, None, f"Indexed {total:,} records")
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("INSERT INTO search_short(search_short) VALUES ('rebuild')")
    finally:
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)
    return total


# --- querying -------------------------------------------------------------------------------------

def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _long_term(word: str) -> str:
    # Plates and phones are indexed without separators; "京A·12345" or "139-0000-1234" as typed
    # must find them, while an e-mail address keeps its punctuation: match either form.
    bare = compact(word)
    if bare != word and len(bare) >= 3:
        return f"({_quote(word)} OR {_quote(bare)})"
    return _quote(word)


def match_sql(query: str) -> tuple[str, dict] | None:
    """SQL selecting the ``search_doc`` rowids that match ``query`` (every word must match), or
    None when the query has nothing to search for."""
    words = [w for w in normalize(query).split() if w]
    if not words:
        return None
    long_words = [w for w in words if len(w) >= 3]
    short_words = [compact(w) for w in words if len(w) < 3]
    short_words = [w for w in short_words if w]
    parts: list[str] = []
    params: dict[str, str] = {}
    if long_words:
        params["q_long"] = " AND ".join(_long_term(w) for w in long_words)
        parts.append("SELECT rowid FROM search_fts WHERE search_fts MATCH :q_long")
    if short_words:
        terms = [_quote(w) if len(w) == 2 else _quote(w) + "*" for w in short_words]
        params["q_short"] = " AND ".join(terms)
        parts.append("SELECT rowid FROM search_short WHERE search_short MATCH :q_short")
    if not parts:
        return None
    sql = " INTERSECT ".join(parts)
    # A number written in groups ("0 092 S28 318", "A 001 634 08 75") has groups too short for the
    # word indexes; written together it is one long term, as part numbers, plates and phones are
    # indexed. Either reading finds the record.
    joined = compact(query)
    if short_words and len(words) > 1 and len(joined) >= 3:
        params["q_joined"] = _quote(joined)
        sql = f"{sql} UNION SELECT rowid FROM search_fts WHERE search_fts MATCH :q_joined"
    return sql, params


def search(db: Database, actor: Actor, query: str, *, limit: int = 50,
           kinds: Sequence[str] | None = None) -> list[Hit]:
    """Records matching every word of ``query`` that the actor may see, at most ``limit``.

    Any thread; reads only."""
    wanted = list(kinds or KINDS)
    allowed = [k for k in wanted if actor.can(KINDS[k].permission)]
    if not allowed:
        if not wanted:
            return []
        require(actor, KINDS[wanted[0]].permission)
    built = match_sql(query)
    if built is None:
        return []
    sql, params = built
    # Rank a bounded set of candidates: exact title first, then titles starting with the query,
    # then shorter titles. The bound keeps one-letter queries as fast as specific ones.
    stmt = text(
        "SELECT d.kind, d.ref_id, d.title, d.detail FROM search_doc d WHERE d.id IN ("
        f"SELECT c.id FROM search_doc c WHERE c.id IN ({sql}) AND c.kind IN :kinds LIMIT :candidates) "
        "ORDER BY lower(d.title) = :exact DESC, lower(d.title) LIKE :prefix ESCAPE '\\' DESC, "
        "length(d.title), d.id LIMIT :limit"
    ).bindparams(bindparam("kinds", expanding=True))
    folded = normalize(query).strip()
    prefix = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with db.read() as conn:
        rows = conn.execute(stmt, {**params, "kinds": allowed, "limit": limit, "exact": folded, "prefix": prefix,
                                   "candidates": CANDIDATES}).all()
    return [Hit(r.kind, r.ref_id, r.title, r.detail) for r in rows]


def ids_matching_sql(kind: str, query: str) -> tuple[str, dict] | None:
    """A subquery of ``ref_id`` values of ``kind`` matching ``query`` (for list filters)."""
    built = match_sql(query)
    if built is None:
        return None
    sql, params = built
    return (f"SELECT ref_id FROM search_doc WHERE kind = '{kind}' AND id IN ({sql})", params)
