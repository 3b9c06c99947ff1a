"""Merging duplicate customers: one record stays (the survivor), the others move everything that
refers to them onto it in one unit of work and stay behind inactive, pointing at the survivor.

What refers to a customer is read from the models' foreign keys (``models.Base.metadata``), so the
records of areas added later move too without being listed here. Merged records are kept, not
deleted: another terminal may still send changes that refer to them before it hears of the merge.

Marks that two records are different customers (``customer_distinct``) follow the merged records too,
kept in their order; a mark between two of the records merged goes, as does one the record that stays
already has."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Column, Connection, Table, bindparam, select, text

from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from models import Base
from models.crm import Customer, CustomerDistinct
from services import search
from services.customers import WALK_IN_ID, name_key, shown_id
from services.permissions import require
from store.audit_chain import Change
from store.uow import UnitOfWork, action

# The fields of the customer record a merge lets the user take from any of the merged records.
FIELDS = ("kind", "name", "alt_name", "phone", "email", "id_number", "company_reg", "address", "city", "postcode",
          "birth_date", "language", "grade", "notes", "marketing_ok", "marketing_since")


# Pairs of records marked as different customers: not linked records, and moved by their own rule.
DISTINCT = CustomerDistinct.__tablename__


@dataclass(frozen=True)
class Reference:
    table: Table
    column: Column
    # Other columns of a unique constraint with the customer column: a row the survivor already has
    # (the same tag twice) is removed rather than moved.
    unique_with: tuple[tuple[str, ...], ...] = ()


@functools.cache
def references() -> tuple[Reference, ...]:
    """Every column of every model's table that refers to ``customer.id``."""
    out = []
    customer = Customer.__table__
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not customer or fk.column.name != "id":
                continue
            col = fk.parent
            uniques = tuple(tuple(c.name for c in u.columns if c.name != col.name)
                            for u in table.constraints
                            if u.__class__.__name__ == "UniqueConstraint" and col.name in u.columns)
            uniques += tuple(tuple(c.name for c in i.columns if c.name != col.name)
                             for i in table.indexes if i.unique and col.name in i.columns)
            out.append(Reference(table, col, uniques))
    return tuple(out)


def link_counts(conn: Connection, ids: Iterable[str]) -> dict[str, int]:
    """How many records refer to each of these customers (besides their merged-away records)."""
    ids = list(ids)
    counts: dict[str, int] = {}
    for ref in references():
        if ref.table.name in ("customer", DISTINCT):
            continue
        for start in range(0, len(ids), 500):
            stmt = text(f'SELECT "{ref.column.name}", count(*) FROM "{ref.table.name}" WHERE "{ref.column.name}" IN '
                        f':ids GROUP BY "{ref.column.name}"').bindparams(bindparam("ids", expanding=True))
            for cid, n in conn.execute(stmt, {"ids": ids[start:start + 500]}):
                counts[cid] = counts.get(cid, 0) + n
    return counts


@contextmanager
def _guards_lifted(conn: Connection, table: str) -> Iterator[None]:
    """Lift the table's guards against updates (a posted invoice is immutable) while its customer
    column alone is moved: the document, with the customer's name and tax number as printed, stays
    as it was; only its link follows the customer record that stays. Inside the caller's transaction,
    so a rollback puts them back too; change capture (AFTER triggers) is never lifted."""
    guards = conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t AND name NOT LIKE "
        "'sync_capture_%' AND upper(sql) LIKE '%BEFORE UPDATE%' ORDER BY name"), {"t": table}).all()
    for name, _sql in guards:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        for _name, sql in guards:
            conn.exec_driver_sql(sql)


def _refuse_different_people(actor, rows: list) -> None:
    """Two records with different ID numbers (or credit codes) are two customers, however much else
    they share (a family's e-mail, a company's phone): a merge of them is refused, naming both."""
    for column in ("id_number", "company_reg"):
        first = next((r for r in rows if r[column]), None)
        other = next((r for r in rows if first is not None and r[column] and r[column] != first[column]), None)
        if first is None or other is None:
            continue
        if column == "id_number":
            raise ValidationError(column, msg(
                "'{a}' ({a_value}) and '{b}' ({b_value}) have different ID numbers: they are different customers "
                "and cannot be merged", a=first["name"], a_value=shown_id(actor, first[column]), b=other["name"],
                b_value=shown_id(actor, other[column])))
        raise ValidationError(column, msg(
            "'{a}' ({a_value}) and '{b}' ({b_value}) have different credit codes: they are different companies "
            "and cannot be merged", a=first["name"], a_value=first[column], b=other["name"], b_value=other[column]))


def _move_distinct_marks(uow: UnitOfWork, survivor_id: str, merged: list[str]) -> tuple[int, int]:
    """Move the marks of the merged records onto the survivor, each pair in its order (the smaller
    id first); a mark that would pair the survivor with itself or that it already has is deleted.
    Returns (moved, deleted)."""
    t = CustomerDistinct.__table__
    everyone = {survivor_id, *merged}
    rows = uow.connection.execute(select(t.c.id, t.c.customer_a_id, t.c.customer_b_id).where(
        t.c.customer_a_id.in_(merged) | t.c.customer_b_id.in_(merged)).order_by(t.c.created_at, t.c.id)).all()
    if not rows:
        return 0, 0
    kept = {(r.customer_a_id, r.customer_b_id) for r in uow.connection.execute(
        select(t.c.customer_a_id, t.c.customer_b_id).where(
            (t.c.customer_a_id == survivor_id) | (t.c.customer_b_id == survivor_id)))}
    gone: list[str] = []
    moves: list[dict] = []
    for r in rows:
        a = survivor_id if r.customer_a_id in everyone else r.customer_a_id
        b = survivor_id if r.customer_b_id in everyone else r.customer_b_id
        pair = (min(a, b), max(a, b))
        if a == b or pair in kept:
            gone.append(r.id)
        else:
            kept.add(pair)
            moves.append({"id": r.id, "customer_a_id": pair[0], "customer_b_id": pair[1]})
    if gone:
        uow.delete(t, gone)
    if moves:
        uow.update(t, moves)
    return len(moves), len(gone)


@dataclass(frozen=True)
class MergeResult:
    survivor_id: str
    merged_ids: tuple[str, ...]
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved
    dropped: dict[str, int] = field(default_factory=dict)  # rows the survivor already had (a tag)


def merge_in(uow: UnitOfWork, survivor_id: str, merged_ids: Iterable[str],
             keep: Mapping[str, str] | None = None) -> MergeResult:
    """Merge ``merged_ids`` into ``survivor_id``: every record referring to them is moved to the
    survivor; ``keep`` (field → id of the record whose value the survivor takes) picks the fields;
    the merged records become inactive with ``merged_into_id`` set. One audit entry names them all
    with the rows moved per table."""
    actor = uow.actor
    require(actor, "customer.merge")
    merged = list(dict.fromkeys(m for m in merged_ids if m))
    if not merged:
        raise ValidationError("merged", msg("Choose at least one customer to merge"))
    if survivor_id in merged:
        raise ValidationError("merged", msg("A customer cannot be merged into itself"))
    if WALK_IN_ID in (survivor_id, *merged):
        raise Conflict(msg("The walk-in customer cannot be merged"))
    c = Customer.__table__
    everyone = [survivor_id, *merged]
    rows = {r.id: r for r in uow.connection.execute(
        select(c).where(c.c.id.in_(everyone))).mappings()}
    for cid in everyone:
        if cid not in rows:
            raise NotFound(msg("The customer no longer exists"))
        if rows[cid]["merged_into_id"]:
            raise Conflict(msg("'{name}' was already merged into another customer", name=rows[cid]["name"]))
    _refuse_different_people(actor, [rows[cid] for cid in everyone])
    keep = dict(keep or {})
    unknown = sorted(set(keep) - set(FIELDS))
    if unknown:
        raise ValidationError("keep", msg("Unknown field(s) to keep: {items}", items=", ".join(unknown)))
    for source in keep.values():
        if source not in rows:
            raise ValidationError("keep", msg("The value to keep must come from one of the merged customers"))
    survivor = rows[survivor_id]
    new_values = {f: rows[source][f] for f, source in keep.items() if rows[source][f] != survivor[f]}
    if "marketing_ok" in new_values and "marketing_since" not in new_values:
        new_values["marketing_since"] = rows[keep["marketing_ok"]]["marketing_since"]
    # The customer is one person: active if any of the records was in use.
    reactivated = not survivor["active"] and any(rows[m]["active"] for m in merged)
    if reactivated:
        new_values["active"] = True
    for unique in ("id_number", "company_reg"):
        value = new_values.get(unique)
        if value:
            other = uow.connection.execute(select(c.c.name).where(
                c.c[unique] == value, c.c.id.notin_(everyone), c.c.merged_into_id.is_(None))).first()
            if other:
                raise ValidationError(unique, msg("Already recorded for customer '{name}'", name=other.name))

    moved: dict[str, int] = {}
    dropped: dict[str, int] = {}
    reindex: dict[str, set[str]] = {}
    n, gone = _move_distinct_marks(uow, survivor_id, merged)
    if n:
        moved[DISTINCT] = n
    if gone:
        dropped[DISTINCT] = gone
    for ref in references():
        t, col = ref.table.name, ref.column.name
        if t == DISTINCT:
            continue
        label = t if col in ("customer_id",) else f"{t}.{col}"
        if t in search.KINDS:
            ids_stmt = text(f'SELECT id FROM "{t}" WHERE "{col}" IN :m').bindparams(bindparam("m", expanding=True))
            reindex.setdefault(t, set()).update(i for (i,) in uow.connection.execute(ids_stmt, {"m": merged}))
        # Where the customer column is part of a unique key, a row the survivor already has (the same
        # tag) is dropped rather than moved, and the merged records move one by one (two may share it).
        for group in ([m] for m in merged) if ref.unique_with else [merged]:
            for others in ref.unique_with:
                same = " AND ".join(f's."{o}" IS "{t}"."{o}"' for o in others) or "1"
                gone = uow.execute(text(
                    f'DELETE FROM "{t}" WHERE "{col}" IN :m AND EXISTS (SELECT 1 FROM "{t}" s WHERE s."{col}" = :s '
                    f'AND {same})').bindparams(bindparam("m", expanding=True)), {"m": group, "s": survivor_id},
                    touches={t: None}).rowcount
                if gone:
                    dropped[label] = dropped.get(label, 0) + gone
            with _guards_lifted(uow.connection, t):
                n = uow.execute(text(f'UPDATE "{t}" SET "{col}" = :s WHERE "{col}" IN :m')
                                .bindparams(bindparam("m", expanding=True)), {"m": group, "s": survivor_id},
                                touches={t: None}).rowcount
            if n:
                moved[label] = moved.get(label, 0) + n

    stamps = {"updated_at": uow.now, "updated_by": actor.username}
    if new_values:
        values = dict(new_values)
        if "name" in values:
            values["name_key"] = name_key(values["name"])
        if "alt_name" in values:
            values["alt_key"] = name_key(values["alt_name"])
        if values.get("marketing_ok"):
            values["marketing_withdrawn_on"] = None
        uow.execute(c.update().where(c.c.id == survivor_id).values(**values, **stamps),
                    touches={"customer": [survivor_id]})
    uow.execute(c.update().where(c.c.id.in_(merged)).values(merged_into_id=survivor_id, active=False, **stamps),
                touches={"customer": everyone})
    search.index(uow.connection, "customer", everyone)
    for kind, ids in reindex.items():
        search.index(uow.connection, kind, sorted(ids))

    names = ", ".join(f"'{rows[m]['name']}'" for m in merged)
    moved_text = ", ".join(f"{k} {v}" for k, v in sorted(moved.items())) or "-"
    uow.audit([Change(
        "merge", "customer", survivor_id,
        before={f: survivor[f] for f in new_values},
        after={"merged": [{"id": m, "name": rows[m]["name"]} for m in merged], "into": survivor["name"],
               "fields": new_values, "moved": moved, "dropped": dropped},
        summary=(msg("Merged {merged} into '{name}', active again: {moved}", merged=names, name=survivor["name"],
                     moved=moved_text) if reactivated else
                 msg("Merged {merged} into '{name}': {moved}", merged=names, name=survivor["name"],
                     moved=moved_text)))])
    return MergeResult(survivor_id, tuple(merged), moved, dropped)


merge = action(merge_in)
