"""Sync, first half (DESIGN §6): what change capture has put in the outbox and not yet had acknowledged.

The capture itself is done by database triggers (``store/capture.py``); these functions only read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from core import hlc
from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from models.sync import SyncOutbox, SyncState
from services.permissions import require
from store.database import Database

MAX_PAGE = 10_000


@dataclass(frozen=True)
class PendingSummary:
    """How many captured changes wait to be acknowledged, in total and per table."""

    terminal_id: str
    total: int
    by_table: dict[str, int]


@dataclass(frozen=True)
class PendingChange:
    """One captured change: ``key`` is the row's primary key; ``data`` the whole row (insert), the
    changed columns (update) or None (delete, a tombstone); ``hlc`` the encoded stamp."""

    seq: int
    terminal_id: str
    hlc: str
    table: str
    op: str
    key: dict[str, Any]
    data: dict[str, Any] | None


def terminal_id(conn: Connection) -> str:
    """This database's terminal id, which every captured change carries."""
    return conn.execute(select(SyncState.terminal_id).where(SyncState.id == 1)).scalar_one()


def pending_summary(db: Database, actor: Actor) -> PendingSummary:
    """Count the changes not yet acknowledged, per table (largest first). Read-only; any thread."""
    require(actor, "sync.view")
    o = SyncOutbox.__table__.c
    with db.read() as conn:
        rows = conn.execute(select(o.table_name, func.count()).where(o.acked_at.is_(None))
                            .group_by(o.table_name)).all()
        terminal = terminal_id(conn)
    by_table = dict(sorted(((t, n) for t, n in rows), key=lambda item: (-item[1], item[0])))
    return PendingSummary(terminal_id=terminal, total=sum(by_table.values()), by_table=by_table)


def pending_changes(db: Database, actor: Actor, *, after_seq: int = 0, limit: int = 1000) -> list[PendingChange]:
    """The changes not yet acknowledged with a sequence number above ``after_seq``, oldest first, at
    most ``limit`` (1–10,000) of them; page on with the last one's ``seq``. Read-only; any thread."""
    require(actor, "sync.view")
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError("limit", msg("Ask for 1 to {MAX_PAGE:,} changes at a time", MAX_PAGE=MAX_PAGE))
    o = SyncOutbox.__table__.c
    with db.read() as conn:
        rows = conn.execute(
            select(o.seq, o.terminal_id, o.hlc, o.table_name, o.op, o.row_key, o.data)
            .where(o.acked_at.is_(None), o.seq > after_seq).order_by(o.seq).limit(limit)).all()
    return [PendingChange(seq=r.seq, terminal_id=r.terminal_id, hlc=hlc.encode(hlc.unpack(r.hlc)),
                          table=r.table_name, op=r.op, key=json.loads(r.row_key),
                          data=json.loads(r.data) if r.data is not None else None)
            for r in rows]
