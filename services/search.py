"""Global search over customers and vehicles (parts, repair orders and invoices join later).

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

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

from core.actor import Actor
from services.permissions import require
from store.database import Database

KIND_PERMISSIONS = {"customer": "customer.view", "vehicle": "vehicle.view", "invoice": "invoice.view",
                    "part": "part.view"}
CANDIDATES = 2000

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize(value: str) -> str:
    """Case-folded, width-folded text (full-width digits and letters become ASCII)."""
    return unicodedata.normalize("NFKC", value or "").casefold()


def compact(value: str) -> str:
    """Normalized text with spaces, dashes and punctuation removed (plates, part numbers, phones)."""
    return _NON_WORD.sub("", normalize(value))


def short_grams(*values: str) -> str:
    grams: dict[str, None] = {}
    for value in values:
        for word in _NON_WORD.split(normalize(value)):
            if not word:
                continue
            for i in range(len(word) - 1):
                grams[word[i:i + 2]] = None
            grams[word[-1]] = None
    return " ".join(grams)


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: str
    title: str
    detail: str


# --- building documents ---------------------------------------------------------------------------

# Each builder's SQL has an {ids} slot: "AND <id> IN :ids" for a few records, empty for a rebuild.
_CUSTOMER_SQL = """
SELECT c.id, c.name, c.alt_name, c.phone, c.email, c.id_number, c.company_reg, c.city, c.kind
FROM customer c WHERE 1 = 1 {ids}
"""
_VEHICLE_SQL = """
SELECT v.id, v.vin, v.plate, v.make, v.model, v.model_year, v.colour, c.name AS owner_name
FROM vehicle v LEFT JOIN customer c ON c.id = v.owner_id WHERE 1 = 1 {ids}
"""
_INVOICE_SQL = """
SELECT i.id, i.number, i.kind, i.issued_on, i.total, i.currency,
       coalesce(nullif(i.customer_name, ''), c.name) AS customer_name
FROM invoice i LEFT JOIN customer c ON c.id = i.customer_id WHERE i.status = 'posted' {ids}
"""
_PART_SQL = """
SELECT p.id, b.name AS brand, p.part_number, p.number_key, p.description, p.description_alt, p.bin
FROM part p JOIN brand b ON b.id = p.brand_id WHERE 1 = 1 {ids}
"""
_ID_COLUMNS = {"customer": "c.id", "vehicle": "v.id", "invoice": "i.id", "part": "p.id"}


def _phone_forms(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("86") and len(digits) == 13:
        return f"{digits} {digits[2:]}"
    return digits


def customer_doc(r) -> dict:
    detail = " · ".join(x for x in (r.phone, r.city) if x)
    body = " | ".join(x for x in (
        normalize(r.name), normalize(r.alt_name), _phone_forms(r.phone), normalize(r.email),
        normalize(r.id_number), normalize(r.company_reg)) if x)
    return {"kind": "customer", "ref_id": r.id, "title": r.name, "detail": detail, "body": body,
            "grams": short_grams(r.name, r.alt_name)}


def vehicle_doc(r) -> dict:
    title = " ".join(x for x in (r.plate, r.make, r.model) if x) or r.vin
    detail = " · ".join(x for x in (r.vin, str(r.model_year or ""), r.owner_name or "") if x)
    body = " | ".join(x for x in (
        normalize(r.vin), compact(r.plate), normalize(r.make), normalize(r.model),
        normalize(r.owner_name or "")) if x)
    # The owner's name is in the body, so it must be in the short index too: otherwise a
    # two-character owner name would find the car only when written with three characters or more.
    return {"kind": "vehicle", "ref_id": r.id, "title": title, "detail": detail, "body": body,
            "grams": short_grams(compact(r.plate), r.owner_name or "")}


def invoice_doc(r) -> dict:
    from core.money import format_money

    detail = " · ".join(x for x in (str(r.issued_on or ""), format_money(r.total or 0, r.currency or "CNY")) if x)
    body = " | ".join(x for x in (normalize(r.number), compact(r.number), normalize(r.customer_name or "")) if x)
    # No short grams: a two-character name finds the customer, whose invoices are one click away,
    # rather than crowding the results with every invoice they ever had.
    return {"kind": "invoice", "ref_id": r.id, "title": f"{r.number}  {r.customer_name or ''}".strip(),
            "detail": detail, "body": body, "grams": ""}


def part_doc(r) -> dict:
    title = " ".join(x for x in (r.brand, r.part_number, r.description) if x)
    body = " | ".join(x for x in (r.number_key, normalize(r.part_number), normalize(r.description),
                                  normalize(r.description_alt)) if x)
    # Short grams of the descriptions only: a two-character Chinese description ("机油") must find
    # the part, while two characters of a part number would match too much of the catalogue.
    return {"kind": "part", "ref_id": r.id, "title": title, "detail": r.bin or "", "body": body,
            "grams": short_grams(r.description_alt, r.description)}


_BUILDERS = {"customer": (_CUSTOMER_SQL, customer_doc), "vehicle": (_VEHICLE_SQL, vehicle_doc),
             "invoice": (_INVOICE_SQL, invoice_doc), "part": (_PART_SQL, part_doc)}

_INSERT = text("INSERT INTO search_doc (kind, ref_id, title, detail, body, grams) "
               "VALUES (:kind, :ref_id, :title, :detail, :body, :grams)")


def index(conn: Connection, kind: str, ids: Iterable[str]) -> None:
    """(Re)build the search documents of these records; records that no longer exist are dropped."""
    ids = list(ids)
    if not ids:
        return
    sql, build = _BUILDERS[kind]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(text("DELETE FROM search_doc WHERE kind = :kind AND ref_id IN :ids")
                     .bindparams(bindparam("ids", expanding=True)), {"kind": kind, "ids": chunk})
        rows = conn.execute(text(sql.format(ids=f"AND {_ID_COLUMNS[kind]} IN :ids"))
                            .bindparams(bindparam("ids", expanding=True)), {"ids": chunk})
        docs = [build(r) for r in rows]
        if docs:
            conn.execute(_INSERT, docs)


def rebuild(conn: Connection, kinds: Sequence[str] = tuple(_BUILDERS), *, progress=None, cancel=None) -> int:
    """Rebuild the documents of whole kinds in bulk (demo data, repairs). Returns documents written.

    Runs in the caller's write transaction. The full-text indexes are rebuilt once from
    ``search_doc`` at the end instead of row by row through the triggers, which is about ten
    times faster for whole tables; the triggers are dropped meanwhile and put back before this
    returns (a rollback restores them too)."""
    triggers = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                 "AND tbl_name = 'search_doc' ORDER BY name")).all()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    total = 0
    try:
        for kind in kinds:
            sql, build = _BUILDERS[kind]
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
    return " INTERSECT ".join(parts), params


def search(db: Database, actor: Actor, query: str, *, limit: int = 50,
           kinds: Sequence[str] | None = None) -> list[Hit]:
    """Records matching every word of ``query`` that the actor may see, at most ``limit``.

    Any thread; reads only."""
    allowed = [k for k in (kinds or KIND_PERMISSIONS) if actor.can(KIND_PERMISSIONS[k])]
    if not allowed:
        require(actor, KIND_PERMISSIONS[(kinds or ["customer"])[0]])
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
