"""A customer's timeline: everything about the customer, newest first.

Each kind of record that belongs on it is a :class:`Source` in a registry: its kind, the permission
needed to see it and the SQL that reads one customer's records. Areas register their own sources
(``register``) — leads, test drives and follow-up tasks, deals … — and the timeline shows a reader
only the kinds they may see. The records of customers merged into this one are on it too (another
terminal may have added some before it heard of the merge)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, text

from core.actor import Actor
from core.errors import NotFound
from core.messages import msg
from services.permissions import require
from store.database import Database


@dataclass(frozen=True)
class Source:
    """``sql`` selects, for the customers ``:ids``, the columns ``at`` (a date or time, sortable as
    text), ``title``, ``detail``, ``status`` (a code or ''), ``amount`` (minor units or NULL) and
    ``ref_id``, the id ``open_kind`` opens (main window ``open_record``; '' when nothing opens)."""

    kind: str
    permission: str
    sql: str
    open_kind: str = ""


@dataclass(frozen=True)
class Entry:
    at: str
    kind: str
    title: str
    detail: str
    status: str
    amount: int | None
    open_kind: str
    ref_id: str


SOURCES: dict[str, Source] = {}


def _who(login: str) -> str:
    """SQL for the name people use for the user ``login`` names (their login when they have none)."""
    return f"coalesce((SELECT nullif(u.display_name, '') FROM user_account u WHERE u.username = {login}), {login})"


def register(source: Source) -> Source:
    SOURCES[source.kind] = source
    return source


register(Source("lead", "lead.view", f"""
SELECT l.created_at AS at, trim(l.make || ' ' || l.model) AS title, {_who('l.salesperson')} AS detail,
       l.status, CASE WHEN l.budget > 0 THEN l.budget END AS amount, l.id AS ref_id
FROM lead l WHERE l.customer_id IN :ids""", "lead"))
register(Source("deal", "deal.view", f"""
SELECT coalesce(d.delivered_on, d.ordered_on, d.quoted_on) AS at, d.number AS title,
       {_who('d.salesperson')} AS detail, d.status, d.total AS amount, d.id AS ref_id
FROM deal d WHERE d.customer_id IN :ids""", "deal"))
register(Source("trade_in", "deal.view", """
SELECT coalesce(t.appraised_on, t.created_at) AS at, trim(v.make || ' ' || v.model || ' ' || v.plate) AS title,
       v.vin AS detail, t.status, t.allowance AS amount, t.vehicle_id AS ref_id
FROM trade_in t JOIN vehicle v ON v.id = t.vehicle_id WHERE t.customer_id IN :ids""", "vehicle"))
register(Source("vehicle", "vehicle.view", """
SELECT v.created_at AS at, trim(v.plate || ' ' || v.make || ' ' || v.model) AS title, v.vin AS detail,
       '' AS status, NULL AS amount, v.id AS ref_id
FROM vehicle v WHERE v.owner_id IN :ids""", "vehicle"))
register(Source("appointment", "workshop.view", f"""
SELECT a.starts_at AS at, a.requested_work AS title, {_who('a.advisor')} AS detail, a.status, NULL AS amount,
       a.id AS ref_id
FROM appointment a WHERE a.customer_id IN :ids""", ""))
register(Source("repair_order", "workshop.view", """
SELECT r.opened_on AS at, r.number AS title, r.concerns AS detail, r.status, NULL AS amount, r.id AS ref_id
FROM repair_order r WHERE r.customer_id IN :ids""", "repair_order"))
register(Source("invoice", "invoice.view", """
SELECT coalesce(i.issued_on, i.created_at) AS at, coalesce(nullif(i.number, ''), '') AS title, i.kind AS detail,
       i.status, i.total AS amount, i.id AS ref_id
FROM invoice i WHERE i.customer_id IN :ids""", "invoice"))
register(Source("payment", "invoice.view", """
SELECT p.paid_on AS at, p.method AS title, p.reference AS detail, '' AS status, p.amount, p.id AS ref_id
FROM payment p WHERE p.customer_id IN :ids""", ""))
register(Source("survey", "workshop.surveys", """
SELECT coalesce(s.answered_on, s.due_on) AS at, r.number AS title, s.comments AS detail, s.status,
       s.score AS amount, r.id AS ref_id
FROM survey s JOIN repair_order r ON r.id = s.repair_order_id WHERE r.customer_id IN :ids""", "repair_order"))
register(Source("test_drive", "lead.view", f"""
SELECT d.started_at AS at, trim(coalesce(sv.make, v.make, '') || ' ' || coalesce(sv.model, v.model, '')
       || ' ' || d.demo_car) AS title,
       trim(coalesce(sv.stock_number, v.vin, '') || ' · ' || {_who('d.salesperson')}, ' ·') AS detail, '' AS status,
       NULL AS amount, d.lead_id AS ref_id
FROM test_drive d LEFT JOIN stock_vehicle sv ON sv.id = d.stock_vehicle_id
LEFT JOIN vehicle v ON v.id = d.vehicle_id WHERE d.customer_id IN :ids""", "lead"))
register(Source("task", "lead.view", f"""
SELECT coalesce(t.done_at, t.due_on) AS at, t.what AS title,
       trim({_who('t.assigned_to')} || ' · ' || t.outcome, ' ·') AS detail,
       '' AS status, NULL AS amount, t.lead_id AS ref_id
FROM lead_task t JOIN lead l ON l.id = t.lead_id WHERE l.customer_id IN :ids""", "lead"))
register(Source("insurance_policy", "deal.view", """
SELECT p.starts_on AS at, trim(p.insurer || ' ' || p.policy_number) AS title,
       trim(coalesce(nullif(v.plate, ''), v.vin)) || ' · ' || p.starts_on || ' – ' || p.ends_on AS detail,
       '' AS status, p.premium AS amount, p.id AS ref_id
FROM insurance_policy p JOIN vehicle v ON v.id = p.vehicle_id WHERE p.customer_id IN :ids""", ""))
register(Source("note", "customer.view", f"""
SELECT n.created_at AS at, n.text AS title, {_who('n.created_by')} AS detail, '' AS status, NULL AS amount,
       n.id AS ref_id
FROM customer_note n WHERE n.customer_id IN :ids""", ""))


def timeline(db: Database, actor: Actor, customer_id: str, *, limit: int = 2000) -> list[Entry]:
    """Everything about the customer that ``actor`` may see, newest first (at most ``limit``
    entries). A survey's ``amount`` is its score. Any thread; reads only."""
    require(actor, "customer.view")
    shown = [s for s in SOURCES.values() if actor.can(s.permission)]
    with db.read() as conn:
        found = conn.execute(text("SELECT id FROM customer WHERE id = :id"), {"id": customer_id}).first()
        if found is None:
            raise NotFound(msg("The customer no longer exists"))
        ids = [customer_id, *conn.execute(text("SELECT id FROM customer WHERE merged_into_id = :id"),
                                          {"id": customer_id}).scalars()]
        entries: list[Entry] = []
        for s in shown:
            stmt = text(s.sql).bindparams(bindparam("ids", expanding=True))
            for r in conn.execute(stmt, {"ids": ids}):
                entries.append(Entry(str(r.at or ""), s.kind, r.title or "", r.detail or "", r.status or "",
                                     r.amount, s.open_kind, r.ref_id))
    entries.sort(key=lambda e: (e.at, e.kind, e.ref_id), reverse=True)
    return entries[:limit]
