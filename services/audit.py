"""The audit trail: every change to business data, hash-chained so tampering is detectable.

ORM changes to models marked :class:`models.base.Audited` are recorded automatically when a session
flushes; bulk Core writes (demo data, imports) call :func:`append` themselves. Either way the entry
lands in the same transaction as the change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, event, inspect, select, text
from sqlalchemy.orm import Session

from core.actor import Actor
from core.ids import new_id
from models.admin import AuditEntry, AuditHead
from models.base import Audited
from services.permissions import require
from store.database import Database

GENESIS = "0" * 64


@dataclass(frozen=True)
class Change:
    action: str  # insert | update | delete | or a verb for bulk/system events ("login", "import")
    entity: str
    entity_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    summary: str = ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _dump(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps({k: _jsonable(v) for k, v in data.items()}, sort_keys=True, ensure_ascii=False)


def entry_hash(prev_hash: str, *, id: str, at: str, actor: str, terminal: str, action: str, entity: str,
               entity_id: str, summary: str, before: str | None, after: str | None) -> str:
    payload = json.dumps(
        [prev_hash, id, at, actor, terminal, action, entity, entity_id, summary, before, after],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: Connection, actor: Actor, changes: Sequence[Change]) -> None:
    """Append ``changes`` to the chain inside the caller's (write) transaction."""
    if not changes:
        return
    head = conn.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    prev = head.hash if head and head.hash else GENESIS
    last_seq = conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar_one()
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    rows = []
    for change in changes:
        row = {
            "id": new_id(), "at": at, "actor": actor.username, "terminal": actor.terminal,
            "action": change.action, "entity": change.entity, "entity_id": str(change.entity_id),
            "summary": change.summary, "before": _dump(change.before), "after": _dump(change.after),
        }
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(**{k: v for k, v in row.items() if k != "hash"} | {"prev_hash": prev})
        last_seq += 1
        row["seq"] = last_seq
        rows.append(row)
    conn.execute(AuditEntry.__table__.insert(), rows)
    if head is None:
        conn.execute(AuditHead.__table__.insert(), {"id": 1, "seq": last_seq, "hash": prev})
    else:
        conn.execute(AuditHead.__table__.update().where(AuditHead.id == 1).values(seq=last_seq, hash=prev))


def _entity_id(obj: Any) -> str:
    identity = inspect(obj).identity
    if identity:
        return "/".join(str(v) for v in identity)
    mapper = inspect(obj).mapper
    return "/".join(str(getattr(obj, c.key)) for c in mapper.primary_key)


def _state(obj: Any, exclude: frozenset[str]) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {a.key: getattr(obj, a.key) for a in mapper.column_attrs if a.key not in exclude}


def _collect(session: Session) -> list[Change]:
    changes: list[Change] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            exclude = type(obj).__audit_exclude__
            changes.append(Change("insert", type(obj).__tablename__, _entity_id(obj),
                                  None, _state(obj, exclude)))
    for obj in session.dirty:
        if not isinstance(obj, Audited) or not session.is_modified(obj, include_collections=False):
            continue
        exclude = type(obj).__audit_exclude__
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in exclude:
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                before[attr.key] = hist.deleted[0] if hist.deleted else None
                after[attr.key] = hist.added[0] if hist.added else None
        if after:
            changes.append(Change("update", type(obj).__tablename__, _entity_id(obj), before, after))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            exclude = type(obj).__audit_exclude__
            changes.append(Change("delete", type(obj).__tablename__, _entity_id(obj),
                                  _state(obj, exclude), None))
    return changes


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context) -> None:
    # In after_flush the new/dirty/deleted collections and attribute history still show the
    # pre-flush state, while defaults (ids) have been applied.
    changes = _collect(session)
    if not changes:
        return
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("audited change made in a session without an acting user")
    append(session.connection(), actor, changes)


def record(session: Session, actor: Actor, changes: Iterable[Change]) -> None:
    """Record explicit (non-ORM) changes inside the session's transaction."""
    append(session.connection(), actor, list(changes))


# --- verification ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify(conn: Connection) -> VerifyResult:
    """Walk the chain in order; report the first entry that was altered, removed or inserted."""
    prev = GENESIS
    # The chain starts at seq 1, so a missing first entry is named like any other missing entry.
    expected_seq = 1
    checked = 0
    result = conn.execute(text(
        "SELECT seq, id, at, actor, terminal, action, entity, entity_id, summary, before, after, "
        "prev_hash, hash FROM audit_entry ORDER BY seq"))
    for r in result:
        if r.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq,
                                f"entry {expected_seq} is missing (deleted); next entry is {r.seq}")
        if r.prev_hash != prev:
            return VerifyResult(False, checked, r.seq,
                                f"entry {r.seq} does not follow the entry before it (an entry was removed)")
        computed = entry_hash(prev, id=r.id, at=r.at, actor=r.actor, terminal=r.terminal, action=r.action,
                              entity=r.entity, entity_id=r.entity_id, summary=r.summary, before=r.before,
                              after=r.after)
        if computed != r.hash:
            return VerifyResult(False, checked, r.seq, f"entry {r.seq} was altered")
        prev = r.hash
        expected_seq = r.seq + 1
        checked += 1
    head = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != (prev if checked else head.hash)):
        first_missing = last_seq + 1
        return VerifyResult(False, checked, first_missing,
                            f"entries after {last_seq} up to {head.seq} are missing (deleted)")
    return VerifyResult(True, checked)


def verify_trail(db: Database, actor: Actor) -> VerifyResult:
    """:func:`verify` for a user allowed to browse the trail, on a read connection. Any thread."""
    require(actor, "audit.view")
    with db.read() as conn:
        return verify(conn)
