"""Possible duplicate customers: on entry (the editor asks while the user types) and across the whole
database (the duplicates review). Every lookup is an index lookup: same phone (the customer's or a
contact's), same e-mail, same ID number or credit code, same folded name (either spelling).

Records a user marked as not one customer (``customer_distinct``) are not grouped by the review;
the check on entry still names them (the record being entered is new)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sqlalchemy import bindparam, select, text, tuple_

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from models.crm import Customer, CustomerDistinct
from services import settings, validation
from services.customers import WALK_IN_ID, CustomerInput, name_key
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

# Why two records may be one customer, strongest first. The screens word them.
REASONS = ("id_number", "company_reg", "phone", "email", "name_birth_date", "name_city", "name")
NAME_CANDIDATES = 50


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    kind: str
    phone: str
    city: str
    reasons: tuple[str, ...]  # codes of REASONS, strongest first


def _valid(check, value: str, *args) -> str:
    try:
        return check(value, *args)
    except ValidationError:
        return ""


def find(db: Database, actor: Actor, data: CustomerInput, *, exclude_id: str | None = None,
         limit: int = 10) -> list[Candidate]:
    """Customers that may be the one ``data`` describes (a new one, or ``exclude_id`` being edited),
    each with why, strongest first. Merged customers are not offered. Values that are not valid yet
    (a phone half typed) are skipped. Any thread; reads only."""
    require(actor, "customer.view")
    with db.read() as conn:
        region = settings.load(conn).country
        phones = {p for p in [_valid(validation.phone, data.phone, region),
                              *(_valid(validation.phone, c.phone, region) for c in data.contacts)] if p}
        emails = {e for e in [_valid(validation.email, data.email), *(_valid(validation.email, c.email)
                                                                     for c in data.contacts)] if e}
        id_number = _valid(validation.id_number, data.id_number) if "*" not in data.id_number else ""
        company_reg = _valid(validation.company_reg, data.company_reg)
        keys = {k for k in (name_key(data.name), name_key(data.alt_name)) if k}
        hits: dict[str, set[str]] = defaultdict(set)

        def add(reason: str, sql: str, **params) -> None:
            stmt = text(sql)
            for k, v in params.items():
                if isinstance(v, list):
                    stmt = stmt.bindparams(bindparam(k, expanding=True))
            for (cid,) in conn.execute(stmt, params):
                hits[cid].add(reason)

        if id_number:
            add("id_number", "SELECT id FROM customer WHERE id_number = :v", v=id_number)
        if company_reg:
            add("company_reg", "SELECT id FROM customer WHERE company_reg = :v", v=company_reg)
        if phones:
            add("phone", "SELECT id FROM customer WHERE phone IN :v "
                         "UNION SELECT customer_id FROM contact WHERE phone IN :v", v=sorted(phones))
        if emails:
            add("email", "SELECT id FROM customer WHERE email IN :v "
                         "UNION SELECT customer_id FROM contact WHERE email IN :v", v=sorted(emails))
        names: dict[str, tuple] = {}
        if keys:
            stmt = text("SELECT id, city, birth_date FROM customer WHERE name_key IN :k UNION "
                        "SELECT id, city, birth_date FROM customer WHERE alt_key IN :k LIMIT :n").bindparams(
                bindparam("k", expanding=True))
            for r in conn.execute(stmt, {"k": sorted(keys), "n": NAME_CANDIDATES}):
                names[r.id] = (r.city, r.birth_date)
        city = " ".join(data.city.split()).casefold()
        for cid, (their_city, born) in names.items():
            if data.birth_date and born and str(born) == data.birth_date.isoformat():
                hits[cid].add("name_birth_date")
            elif city and their_city and their_city.casefold() == city:
                hits[cid].add("name_city")
            else:
                hits[cid].add("name")
        hits.pop(exclude_id or "", None)
        hits.pop(WALK_IN_ID, None)
        if not hits:
            return []
        stmt = text("SELECT id, name, kind, phone, city, created_at FROM customer WHERE id IN :ids "
                    "AND merged_into_id IS NULL").bindparams(bindparam("ids", expanding=True))
        rows = {r.id: r for r in conn.execute(stmt, {"ids": list(hits)})}

    def strength(cid: str) -> tuple:
        order = sorted(REASONS.index(r) for r in hits[cid])
        # A bare name match is the weakest: many customers share a common name.
        return (order, -len(order), str(rows[cid].created_at))

    out = [Candidate(cid, rows[cid].name, rows[cid].kind, rows[cid].phone, rows[cid].city,
                     tuple(sorted(hits[cid], key=REASONS.index)))
           for cid in sorted(rows, key=strength)]
    # Bare name matches are offered only when few customers share the name.
    bare = [c for c in out if c.reasons == ("name",)]
    if len(bare) > 3:
        out = [c for c in out if c.reasons != ("name",)]
    return out[:limit]


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    kind: str
    phone: str
    email: str
    city: str
    birth_date: date | None
    created_at: str  # the stored UTC stamp, which orders the records
    links: int  # records linked to it (vehicles, invoices, …), to choose the one that stays

    @property
    def created_on(self) -> date:
        """The local day the record was created, as the screens show it."""
        return clock.local_date(self.created_at)


@dataclass(frozen=True)
class Cluster:
    members: tuple[Member, ...]  # oldest first
    reasons: tuple[str, ...]


_GROUPS = {
    "id_number": "SELECT group_concat(id) FROM customer WHERE id_number != '' AND merged_into_id IS NULL "
                 "GROUP BY id_number HAVING count(*) > 1",
    "company_reg": "SELECT group_concat(id) FROM customer WHERE company_reg != '' AND merged_into_id IS NULL "
                   "GROUP BY company_reg HAVING count(*) > 1",
    "phone": "SELECT group_concat(DISTINCT cid) FROM (SELECT phone, id AS cid FROM customer WHERE phone != '' AND "
             "merged_into_id IS NULL UNION SELECT k.phone, k.customer_id FROM contact k JOIN customer c ON "
             "c.id = k.customer_id WHERE k.phone != '' AND c.merged_into_id IS NULL) GROUP BY phone "
             "HAVING count(DISTINCT cid) > 1",
    "email": "SELECT group_concat(DISTINCT cid) FROM (SELECT email, id AS cid FROM customer WHERE email != '' AND "
             "merged_into_id IS NULL UNION SELECT k.email, k.customer_id FROM contact k JOIN customer c ON "
             "c.id = k.customer_id WHERE k.email != '' AND c.merged_into_id IS NULL) GROUP BY email "
             "HAVING count(DISTINCT cid) > 1",
    "name_birth_date": "SELECT group_concat(id) FROM customer WHERE name_key != '' AND birth_date IS NOT NULL "
                       "AND merged_into_id IS NULL GROUP BY name_key, birth_date HAVING count(*) > 1",
}


def _parts(members: list[str], marked: set[tuple[str, str]], marked_ids: set[str]) -> list[list[str]]:
    """The records of one group (they share a key) joined where not marked as different customers:
    its connected parts, in the group's order. Without marks among them the group is one part."""
    if sum(1 for m in members if m in marked_ids) < 2:
        return [members]
    parent = {m: m for m in members}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in combinations(members, 2):
        if (min(a, b), max(a, b)) not in marked:
            parent[root(b)] = root(a)
    parts: dict[str, list[str]] = defaultdict(list)
    for m in members:
        parts[root(m)].append(m)
    return list(parts.values())


def clusters(db: Database, actor: Actor, *, limit: int = 500) -> list[Cluster]:
    """Groups of customers that look like one across the whole database (same ID number, credit
    code, phone, e-mail, or same name and birth date), overlapping groups joined, at most ``limit``,
    the largest first. Two records marked as different customers are not joined by what they share:
    they are in one group only if other records join them. Worker thread (it reads every customer's
    keys once)."""
    require(actor, "customer.merge")
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons_of: dict[str, set[str]] = defaultdict(set)
    with db.read() as conn:
        marked = {(a, b) for a, b in conn.execute(text("SELECT customer_a_id, customer_b_id FROM customer_distinct"))}
        marked_ids = {x for pair in marked for x in pair}
        groups: list[tuple[str, list[str]]] = []
        for reason, sql in _GROUPS.items():
            for (ids,) in conn.execute(text(sql)):
                members = [i for i in ids.split(",") if i != WALK_IN_ID]
                for part in _parts(members, marked, marked_ids) if len(members) > 1 else ():
                    if len(part) > 1:
                        groups.append((reason, part))
        for _reason, members in groups:
            for other in members[1:]:
                parent[root(other)] = root(members[0])
        for reason, members in groups:
            reasons_of[root(members[0])].add(reason)
        by_root: dict[str, list[str]] = defaultdict(list)
        for x in list(parent):
            by_root[root(x)].append(x)
        ordered = sorted(by_root.items(), key=lambda kv: (-len(kv[1]), min(kv[1])))[:limit]
        info = _members(conn, [i for _r, ids in ordered for i in ids])
    out = []
    for r, ids in ordered:
        members = tuple(sorted((info[i] for i in ids if i in info), key=lambda m: (m.created_at, m.id)))
        if len(members) > 1:
            out.append(Cluster(members, tuple(x for x in REASONS if x in reasons_of[r])))
    return out


def _members(conn, ids: list[str]) -> dict[str, Member]:
    """These customers as the review shows them, with the count of records linked to each."""
    from services.customers.merge import link_counts

    info: dict[str, Member] = {}
    counts = link_counts(conn, ids)
    stmt = text("SELECT id, name, kind, phone, email, city, birth_date, created_at FROM customer "
                "WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ids), 500):
        for r in conn.execute(stmt, {"ids": ids[start:start + 500]}):
            born = date.fromisoformat(r.birth_date) if isinstance(r.birth_date, str) else r.birth_date
            info[r.id] = Member(r.id, r.name, r.kind, r.phone, r.email, r.city, born, str(r.created_at),
                                counts.get(r.id, 0))
    return info


@dataclass(frozen=True)
class Mark:
    """Two records a user marked as different customers: who (as people call them) and when."""

    members: tuple[Member, Member]  # oldest first
    marked_by: str
    marked_at: str


def marks(db: Database, actor: Actor, *, limit: int = 500) -> list[Mark]:
    """The records marked as different customers, the newest marks first, at most ``limit``: to
    look them over and withdraw a mark made in error (:func:`unmark_distinct`). Worker thread."""
    require(actor, "customer.merge")
    from services.users import person_names

    t = CustomerDistinct
    with db.read() as conn:
        rows = conn.execute(select(t.customer_a_id, t.customer_b_id, t.created_by, t.created_at)
                            .order_by(t.created_at.desc(), t.id).limit(limit)).all()
        info = _members(conn, list(dict.fromkeys(x for r in rows for x in (r[0], r[1]))))
        names = person_names(conn)
    out = []
    for a, b, by, at in rows:
        if a in info and b in info:
            pair = tuple(sorted((info[a], info[b]), key=lambda m: (m.created_at, m.id)))
            out.append(Mark(pair, names.get(by, by), str(at)))
    return out


def _pairs(conn, customer_ids: Iterable[str], *, for_marking: bool) -> tuple[list[tuple[str, str]], dict]:
    ids = list(dict.fromkeys(i for i in customer_ids if i))
    if len(ids) < 2:
        raise ValidationError("customers", msg("Choose at least two customers"))
    rows = {r.id: r for r in conn.execute(select(Customer.id, Customer.name, Customer.merged_into_id)
                                          .where(Customer.id.in_(ids)))}
    for cid in ids:
        if cid not in rows:
            raise NotFound(msg("The customer no longer exists"))
        if for_marking and rows[cid].merged_into_id:
            raise Conflict(msg("'{name}' was already merged into another customer", name=rows[cid].name))
    return sorted((min(a, b), max(a, b)) for a, b in combinations(ids, 2)), rows


def _marked(conn, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    out = {}
    t = CustomerDistinct
    for start in range(0, len(pairs), 200):
        for r in conn.execute(select(t.id, t.customer_a_id, t.customer_b_id).where(
                tuple_(t.customer_a_id, t.customer_b_id).in_(pairs[start:start + 200]))):
            out[(r.customer_a_id, r.customer_b_id)] = r.id
    return out


def mark_distinct_in(uow: UnitOfWork, customer_ids: Iterable[str]) -> int:
    """Record that these customers are different customers, every two of them (two people sharing a
    family e-mail, a company's phone): the duplicates review no longer groups them. Pairs already
    marked stay as they are; returns how many were newly marked. Who and when are recorded."""
    require(uow.actor, "customer.merge")
    session = uow.session
    pairs, _rows = _pairs(session.connection(), customer_ids, for_marking=True)
    known = _marked(session.connection(), pairs)
    new = [p for p in pairs if p not in known]
    for a, b in new:
        session.add(CustomerDistinct(customer_a_id=a, customer_b_id=b))
    session.flush()
    return len(new)


mark_distinct = action(mark_distinct_in)


def unmark_distinct_in(uow: UnitOfWork, customer_ids: Iterable[str]) -> int:
    """Withdraw the marks between these customers (every two of them): the review may group them
    again. Returns how many marks were withdrawn."""
    require(uow.actor, "customer.merge")
    session = uow.session
    pairs, _rows = _pairs(session.connection(), customer_ids, for_marking=False)
    gone = _marked(session.connection(), pairs)
    for row_id in gone.values():
        session.delete(session.get(CustomerDistinct, row_id))
    session.flush()
    return len(gone)


unmark_distinct = action(unmark_distinct_in)
