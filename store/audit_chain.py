"""The audit trail's writer: entries hash-chained in the same transaction as the change they record.

The unit of work (:mod:`store.uow`) calls :func:`collect` after every flush of its session and
:func:`append` for explicit and bulk entries, so no service writes an entry by hand and no import
order decides whether changes are audited. Verification lives in :mod:`services.audit`.

Entries from ``audit_head.keyed_from`` on are chained with HMAC-SHA256 under the database's secret
(:mod:`store.audit_key`), so the chain cannot be recomputed by someone who only holds the file;
older entries, written before keys existed, keep their plain SHA-256 hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import DatabaseProblem
from core.ids import new_ids
from core.messages import Message, msg
from models.admin import AuditHead
from models.base import Audited
from store import audit_key

GENESIS = "0" * 64
# Where an entry's ``after`` keeps the template and parameters of a summary given as a message.
SUMMARY_KEY = "_summary"


@dataclass(frozen=True)
class Change:
    action: str  # insert | update | delete | or a verb for bulk/system events ("login", "import")
    entity: str
    entity_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    summary: str = ""


def _jsonable(value: Any) -> Any:
    # Called by the encoder only for what JSON has no form for.
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _encoder(**options: Any) -> Callable[[Any], str]:
    """``json.JSONEncoder(**options).encode``, with the C encoder made once rather than per call (as
    ``encode`` does): a bulk import of 100k audited rows encodes twice per row. The same encoder gives
    the same text; only the check for circular data (which audit values never are) is left out."""
    base = json.JSONEncoder(**options)
    if c_make_encoder is None or base.ensure_ascii:
        return base.encode
    make = c_make_encoder(None, base.default, encode_basestring, base.indent, base.key_separator,
                          base.item_separator, base.sort_keys, base.skipkeys, base.allow_nan)

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return encode_basestring(value)
        return "".join(make(value, 0))

    return encode


# Made once: json.dumps() with options builds a new encoder per call. entry_hash(), which the
# verification uses, keeps the plain JSONEncoder; the writer's encoders below give the same text.
_DUMP = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=_jsonable).encode
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_WRITE_DUMP = _encoder(sort_keys=True, ensure_ascii=False, default=_jsonable)
# For a dict whose keys are already in sorted order: the same text without sorting them again.
_WRITE_DUMP_IN_ORDER = _encoder(ensure_ascii=False, default=_jsonable)
_WRITE_PAYLOAD = _encoder(ensure_ascii=False, separators=(",", ":"))


def _dump(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    return _DUMP(data)


def entry_hash(prev_hash: str, *, id: str, at: str, actor: str, terminal: str, action: str, entity: str,
               entity_id: str, summary: str, before: str | None, after: str | None,
               key: bytes | None = None) -> str:
    """The entry's chained hash: HMAC-SHA256 under ``key``, or plain SHA-256 for entries written
    before the chain was keyed."""
    return _hash([prev_hash, id, at, actor, terminal, action, entity, entity_id, summary, before, after], key)


def _hash(fields: list, key: bytes | None) -> str:
    payload = _PAYLOAD(fields).encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.digest(key, payload, "sha256").hex()


def _key_for_writing(head_seq: int, db_id: str, keyed_from: int) -> bytes:
    """The database's audit key; made now when the first keyed entry is about to be written."""
    if head_seq >= keyed_from:
        secret = audit_key.load(db_id)
        if secret is None:
            raise audit_key.missing(db_id)
    else:
        secret = audit_key.load_or_create(db_id, keyed_from=keyed_from)
    if secret.keyed_from != keyed_from:
        raise DatabaseProblem(
            msg("The audit trail of this database says it is keyed from entry {keyed_from}, but its key was made for "
                "entry {keyed_from2}: the trail was tampered with. Nothing was written; run 'forecourt audit verify'.",
                keyed_from=keyed_from, keyed_from2=secret.keyed_from), kind="audit-key")
    return secret.key


_INSERT_ENTRIES = ("INSERT INTO audit_entry (seq, id, at, actor, terminal, action, entity, entity_id, summary, "
                   "before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def append(conn: Connection, actor: Actor, changes: Sequence[Change]) -> None:
    """Append ``changes`` to the chain inside the caller's (write) transaction. Raises
    :class:`DatabaseProblem` when the chain is keyed and its key is not on this computer."""
    entries = []
    for change in changes:
        after_data = change.after
        if isinstance(change.summary, Message) and change.summary.params is not None:
            # The summary is stored in English; its template and parameters go with the signed values
            # so the trail can show it in the reader's language.
            after_data = {**(after_data or {}), SUMMARY_KEY: {"template": change.summary.template,
                                                               "params": dict(change.summary.params)}}
        entries.append((change.action, change.entity, change.entity_id, change.summary, change.before, after_data))
    append_entries(conn, actor, entries)


# One entry to append: action, entity, entity id, summary, before values, after values.
Entry = tuple[str, str, Any, str, dict[str, Any] | None, dict[str, Any] | None]


def append_entries(conn: Connection, actor: Actor, entries: Sequence[Entry]) -> None:
    """What :func:`append` does, for entries given as tuples (bulk writers: no :class:`Change` per
    row). A summary here is stored as it is (see :func:`append` for one given as a message)."""
    if not entries:
        return
    head = conn.execute(select(AuditHead.seq, AuditHead.hash, AuditHead.db_id, AuditHead.keyed_from)
                        .where(AuditHead.id == 1)).first()
    prev = head.hash if head and head.hash else GENESIS
    last_seq = conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar_one()
    keyed_from = head.keyed_from if head is not None and head.db_id else None
    key = None
    if keyed_from is not None and last_seq + len(entries) >= keyed_from:
        key = _key_for_writing(head.seq, head.db_id, keyed_from)
    at = clock.iso_stamp()
    who, terminal = actor.username, actor.terminal
    dump, string = _dumper(), encode_basestring
    # The hashed payload is the JSON list of the entry's fields (entry_hash()), written out here
    # piece by piece: a list's text is its items' texts, comma-separated, in brackets.
    fixed = "," + ",".join(_WRITE_PAYLOAD(v) for v in (at, who, terminal)) + ","
    rows = []
    for (action, entity, entity_id, summary, before_data, after_data), entry_id in zip(
            entries, new_ids(len(entries)), strict=True):
        before, after = dump(before_data), dump(after_data)
        entity_id = str(entity_id)
        last_seq += 1
        payload = "".join((
            "[", string(prev), ",", string(entry_id), fixed,
            string(action) if action.__class__ is str else _WRITE_PAYLOAD(action), ",",
            string(entity) if entity.__class__ is str else _WRITE_PAYLOAD(entity), ",",
            string(entity_id), ",",
            string(summary) if isinstance(summary, str) else _WRITE_PAYLOAD(summary), ",",
            "null" if before is None else string(before), ",",
            "null" if after is None else string(after), "]")).encode("utf-8")
        if key is not None and last_seq >= keyed_from:
            digest = hmac.digest(key, payload, "sha256").hex()
        else:
            digest = hashlib.sha256(payload).hexdigest()
        rows.append((last_seq, entry_id, at, who, terminal, action, entity, entity_id, summary, before, after,
                     prev, digest))
        prev = digest
    # Straight through the driver: a bulk import appends 100k entries here.
    conn.exec_driver_sql(_INSERT_ENTRIES, rows)
    if head is None:
        conn.execute(AuditHead.__table__.insert(), {"id": 1, "seq": last_seq, "hash": prev})
    else:
        conn.execute(AuditHead.__table__.update().where(AuditHead.id == 1).values(seq=last_seq, hash=prev))


# Values with no keys inside them to sort.
_FLAT = frozenset({str, int, float, bool, type(None), datetime, date, bytes})


def _dumper() -> Callable[[dict[str, Any] | None], str | None]:
    """:func:`_dump`, sparing the sort of keys already in sorted order when the values are flat (a
    bulk writer's rows all have the same columns, which it can give in that order)."""
    in_order: dict[tuple, bool] = {}

    def dump(data: dict[str, Any] | None) -> str | None:
        if data is None:
            return None
        keys = tuple(data)
        ordered = in_order.get(keys)
        if ordered is None:
            ordered = in_order[keys] = (all(k.__class__ is str for k in keys)
                                        and all(a < b for a, b in pairwise(keys)))
        # Only flat values: the keys of a dict inside are sorted too, which that encoder does not do.
        if ordered and _FLAT.issuperset(map(type, data.values())):
            return _WRITE_DUMP_IN_ORDER(data)
        return _WRITE_DUMP(data)

    return dump


def _entity_id(obj: Any) -> str:
    identity = inspect(obj).identity
    if identity:
        return "/".join(str(v) for v in identity)
    mapper = inspect(obj).mapper
    return "/".join(str(getattr(obj, c.key)) for c in mapper.primary_key)


def _state(obj: Any, exclude: frozenset[str]) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {a.key: getattr(obj, a.key) for a in mapper.column_attrs if a.key not in exclude}


def collect(session: Session) -> list[Change]:
    """The audited ORM changes pending in ``session``; call it in ``after_flush``, where new, dirty
    and deleted objects and attribute history still show the state before the flush."""
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
