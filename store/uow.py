"""One unit of work per user action (STYLE §2): one write transaction, passed into the services' cores.

A :class:`UnitOfWork` opens a session on the write engine for one acting user. Whatever writes
through it — the ORM, Core bulk ``insert``/``update``/``delete`` through its methods, raw SQL through
:meth:`UnitOfWork.execute` —

- is stamped with who and when (``created_by``/``created_at`` where empty, ``updated_by``/``updated_at``
  always), so no service stamps rows by hand;
- feeds the audit trail in the same transaction (ORM changes of audited models after every flush,
  bulk rows with their before and after values, explicit entries through :meth:`UnitOfWork.audit`);
  the hook belongs to the unit of work's own session class, so it is there whatever the caller imported;
- is collected as :class:`store.changes.Changes`, published to the open collectors when the unit of
  work commits.

It rolls back unless :meth:`UnitOfWork.commit` is called. Service cores take the unit of work as their
first argument (``post_in(uow, invoice_id)``) so that a composite action is one transaction; the
public wrapper made by :func:`action` opens it at the edge and commits.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import nullcontext
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Table, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from models.base import Audited, Base
from store import audit_chain, capture
from store.audit_chain import Change
from store.bulk import executemany_insert, executemany_update
from store.changes import Changes, ChangeSet, publish
from store.database import Database, translate_operational_error

P = ParamSpec("P")
R = TypeVar("R")

# Above this many rows a bulk write is reported as "many rows of this table" rather than by id.
LISTED_IDS_MAX = 2000
_CHUNK = 500


class UowSession(Session):
    """The session of one unit of work; ``info["uow"]`` is its :class:`UnitOfWork`."""


@functools.cache
def _audited_tables() -> dict[str, frozenset[str]]:
    """Audited table name → the columns its audit entries leave out."""
    out = {}
    for mapper in Base.registry.mappers:
        if issubclass(mapper.class_, Audited):
            out[mapper.local_table.name] = mapper.class_.__audit_exclude__
    return out


def _table(target: Table | type) -> Table:
    return target if isinstance(target, Table) else target.__table__  # type: ignore[union-attr]


def _pk_text(obj: Any) -> str:
    from sqlalchemy import inspect

    state = inspect(obj)
    if state.identity:
        return "/".join(str(v) for v in state.identity)
    return "/".join(str(getattr(obj, c.key)) for c in state.mapper.primary_key)


@event.listens_for(UowSession, "before_flush")
def _stamp(session: Session, _flush_context, _instances) -> None:
    uow: UnitOfWork = session.info["uow"]
    who, now = uow.actor.username, uow.now
    for obj in session.new:
        if hasattr(obj, "created_by") and not obj.created_by:
            obj.created_by = who
        if hasattr(obj, "created_at") and obj.created_at is None:
            obj.created_at = now
        if hasattr(obj, "updated_by"):
            obj.updated_by = who
        if hasattr(obj, "updated_at"):
            obj.updated_at = obj.created_at if hasattr(obj, "created_at") else now
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            if hasattr(obj, "updated_by"):
                obj.updated_by = who
            if hasattr(obj, "updated_at"):
                obj.updated_at = now


@event.listens_for(UowSession, "after_flush")
def _audit_and_collect(session: Session, _flush_context) -> None:
    # In after_flush the new/dirty/deleted collections and attribute history still show the
    # state before the flush, while defaults (ids) have been applied.
    uow: UnitOfWork = session.info["uow"]
    entries = audit_chain.collect(session)
    if entries:
        audit_chain.append(session.connection(), uow.actor, entries)
    for obj in session.new:
        uow.touched(type(obj).__tablename__, [_pk_text(obj)])
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            uow.touched(type(obj).__tablename__, [_pk_text(obj)])
    for obj in session.deleted:
        uow.touched(type(obj).__tablename__, [_pk_text(obj)])


class UnitOfWork:
    """One user action's write transaction. Use as a context manager; not shared between threads."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor
        self.now: datetime = clock.now()
        self.session = UowSession(bind=db.engine, expire_on_commit=False, autoflush=True)
        self.session.info["uow"] = self
        self.session.info["actor"] = actor
        self._changes = ChangeSet()
        self.committed = Changes()
        self._before_commit: dict[str, Callable[[], None]] = {}

    # --- the transaction ----------------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, exc_type, exc, _tb) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, OperationalError):
            problem = translate_operational_error(exc, self.db.path)
            if problem is not None:
                raise problem from exc

    def before_commit(self, key: str, work: Callable[[], None]) -> None:
        """Run ``work`` just before this unit of work commits, inside its transaction: what follows
        from the action as a whole (figures derived from the rows it wrote), done once however many
        rows asked for it. A second registration under the same ``key`` is ignored."""
        self._before_commit.setdefault(key, work)

    def commit(self) -> Changes:
        """Commit everything done so far and publish what changed; returns it."""
        while self._before_commit:
            key = next(iter(self._before_commit))
            self._before_commit.pop(key)()
        self.session.flush()
        self.session.commit()
        self.committed = self._changes.frozen()
        self._changes.clear()
        publish(self.committed)
        return self.committed

    @property
    def connection(self) -> Connection:
        """The transaction's connection, for Core statements that go through the methods below."""
        return self.session.connection()

    # --- what changed -------------------------------------------------------------------------
    def touched(self, table: str, ids: Iterable[str] | None = None) -> None:
        """Record that rows of ``table`` changed (None: many or unknown rows)."""
        if ids is not None:
            ids = list(ids)
            if len(ids) > LISTED_IDS_MAX:
                ids = None
        self._changes.add(table, ids)

    def audit(self, entries: Sequence[Change]) -> None:
        """Append explicit entries (logins, imports, refused attempts …) to the audit trail."""
        self.session.flush()
        audit_chain.append(self.connection, self.actor, list(entries))

    # --- Core writes --------------------------------------------------------------------------
    def _stamps(self, table: Table, *, insert: bool) -> dict[str, Any]:
        stamps: dict[str, Any] = {}
        if insert and "created_at" in table.c:
            stamps["created_at"] = self.now
        if insert and "created_by" in table.c:
            stamps["created_by"] = self.actor.username
        if "updated_at" in table.c:
            stamps["updated_at"] = self.now
        if "updated_by" in table.c:
            stamps["updated_by"] = self.actor.username
        return stamps

    def insert(self, target: Table | type, rows: Sequence[Mapping[str, Any]], *, audit: bool = True) -> None:
        """Insert ``rows`` with Core executemany, stamped (existing stamps kept) and, for audited
        tables, one audit entry per row with its values — unless ``audit`` is False, for writers
        that record a summary entry of their own (demo data)."""
        if not rows:
            return
        table = _table(target)
        self.session.flush()
        stamps = self._stamps(table, insert=True)
        first = rows[0].keys()
        fixed: dict[str, Any] = {}
        if first.isdisjoint(stamps) and all(row.keys() == first for row in rows):
            # Rows that carry no stamps (bulk imports): the stamps go with every row as they are.
            full, fixed = rows, stamps
        elif all(row.get(k) for row in rows for k in stamps):
            full = rows  # back-dated rows that carry their own stamps (demo data) pass as they are
        else:
            full = [{**stamps, **{k: v for k, v in row.items() if not (k in stamps and not v)}} for row in rows]
        conn = self.connection
        bulk = capture.bulk_insert(conn, table.name) if len(full) >= capture.BULK_MIN_ROWS else nullcontext()
        with bulk:
            executemany_insert(conn, table, full, fixed)
        key = _key_column(table)
        exclude = _audited_tables().get(table.name)
        if audit and exclude is not None:
            name = str(table.name)  # as plain text: the driver binds it without asking how to adapt it
            audit_chain.append_entries(conn, self.actor, _inserted(name, key, full, fixed, exclude))
        listed = key in full[0] and len(full) <= LISTED_IDS_MAX
        self.touched(table.name, [str(row[key]) for row in full] if listed else None)

    def update(self, target: Table | type, rows: Sequence[Mapping[str, Any]], *, key: str | None = None,
               before: Mapping[str, Mapping[str, Any]] | None = None, audit: bool = True) -> None:
        """Update rows by key with Core executemany: each mapping holds the key column and the new
        values (the same columns in every mapping). Audited tables get one entry per row whose values
        changed, with before and after; ``before`` (key → old values) spares reading them again —
        unless ``audit`` is False, for writers that record a summary entry of their own (demo data)."""
        if not rows:
            return
        table = _table(target)
        key = key or _key_column(table)
        columns = [c for c in rows[0] if c != key]
        self.session.flush()
        conn = self.connection
        exclude = _audited_tables().get(table.name) if audit else None
        ids = [row[key] for row in rows]
        if exclude is not None and before is None:
            before = {}
            watched = [table.c[c] for c in columns if c not in exclude]
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                for r in conn.execute(select(table.c[key], *watched).where(table.c[key].in_(chunk))).mappings():
                    before[r[key]] = dict(r)
        stamps = self._stamps(table, insert=False)
        bulk = (capture.bulk_update(conn, table.name, key, ids, [*columns, *stamps])
                if len(rows) >= capture.BULK_MIN_ROWS else nullcontext())
        with bulk:
            executemany_update(conn, table, key, columns, stamps, rows)
        if exclude is not None and before is not None:
            name = str(table.name)
            # In sorted order, as the audit trail writes them (which spares it sorting them per row).
            watched = sorted(c for c in columns if c not in exclude)
            entries: list[audit_chain.Entry] = []
            for row in rows:
                old = before.get(row[key], {})
                changed = [c for c in watched if old.get(c) != row[c]]
                if changed:
                    entries.append(("update", name, str(row[key]), "", {c: old.get(c) for c in changed},
                                    {c: row[c] for c in changed}))
            audit_chain.append_entries(conn, self.actor, entries)
        self.touched(table.name, [str(i) for i in ids])

    def delete(self, target: Table | type, ids: Sequence[str], *, key: str | None = None) -> None:
        """Delete rows by key; audited tables get one entry per row with the values it had."""
        if not ids:
            return
        table = _table(target)
        key = key or _key_column(table)
        self.session.flush()
        conn = self.connection
        exclude = _audited_tables().get(table.name)
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start:start + _CHUNK])
            if exclude is not None:
                old = conn.execute(select(table).where(table.c[key].in_(chunk))).mappings().all()
                audit_chain.append(conn, self.actor, [
                    Change("delete", table.name, str(r[key]), {k: v for k, v in r.items() if k not in exclude}, None)
                    for r in old])
            conn.execute(table.delete().where(table.c[key].in_(chunk)))
        self.touched(table.name, [str(i) for i in ids])

    def execute(self, statement: Any, params: Any = None, *,
                touches: Mapping[str, Iterable[str] | None]) -> Any:
        """Run a statement that the methods above do not cover (a set-based UPDATE, raw SQL),
        naming the tables (and ids, or None) it changes. Rows it writes are not stamped or audited
        here: record what it did with :meth:`audit` where the table is audited."""
        self.session.flush()
        result = self.connection.execute(statement, params) if params is not None else \
            self.connection.execute(statement)
        for table, ids in touches.items():
            self.touched(table, ids)
        return result


def _inserted(table: str, key: str, rows: Sequence[Mapping[str, Any]], fixed: Mapping[str, Any],
              exclude: frozenset[str]) -> list[audit_chain.Entry]:
    """The audit entries of inserted ``rows`` (with ``fixed``, the values every row takes besides its
    own), their values less ``exclude``. Rows holding the same columns get their values with the keys
    in sorted order, which spares the audit trail sorting them again per row."""
    extra = {k: v for k, v in fixed.items() if k not in exclude}
    first = rows[0].keys()
    if extra or not all(row.keys() == first for row in rows):
        return [("insert", table, str(row[key]), "", None,
                 {**{k: v for k, v in row.items() if k not in exclude}, **extra}) for row in rows]
    names = sorted(k for k in first if k not in exclude)
    return [("insert", table, str(row[key]), "", None, {k: row[k] for k in names}) for row in rows]


def _key_column(table: Table) -> str:
    keys = list(table.primary_key.columns)
    return keys[0].name if keys else "id"


def action(core: Callable[Concatenate[UnitOfWork, P], R]) -> Callable[Concatenate[Database, Actor, P], R]:
    """The public form of a service core: ``f(db, actor, …)`` opens a unit of work, runs
    ``core(uow, …)`` and commits. Blocks on the database; call it off the GUI thread."""

    @functools.wraps(core)
    def public(db: Database, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with UnitOfWork(db, actor) as uow:
            result = core(uow, *args, **kwargs)
            uow.commit()
            return result

    public.__name__ = public.__qualname__ = core.__name__.removesuffix("_in")
    return public


@event.listens_for(UowSession, "after_rollback")
def _forget(session: Session) -> None:
    uow = session.info.get("uow")
    if uow is not None:
        uow._changes.clear()
