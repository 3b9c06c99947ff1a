"""The audit trail: every change to business data, hash-chained so tampering is detectable.

Entries are written by the unit of work (:mod:`store.uow`, :mod:`store.audit_chain`) in the same
transaction as the change; this module checks the chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from core.actor import Actor
from services.permissions import require
from store.audit_chain import GENESIS, entry_hash
from store.database import Database

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
