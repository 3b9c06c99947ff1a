"""What committed actions changed: tables and row ids, collected by the unit of work (STYLE §4).

Every committed :class:`store.uow.UnitOfWork` publishes its :class:`Changes` to the collectors open
in the current context (:func:`collecting`). The GUI's background operation opens one around the
service call it runs, so it learns what changed without the service or the screen saying so, and
broadcasts it; screens refresh the rows of the tables they show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Table name → the ids of its changed rows, or None when too many or unknown to list
    (a bulk import, a raw SQL statement). Immutable; combine with ``|``."""

    tables: Mapping[str, frozenset[str] | None] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.tables)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, frozenset[str] | None] = dict(self.tables)
        for table, ids in other.tables.items():
            if table in merged:
                mine = merged[table]
                merged[table] = None if mine is None or ids is None else mine | ids
            else:
                merged[table] = ids
        return Changes(merged)

    def touches(self, *tables: str) -> bool:
        return any(t in self.tables for t in tables)

    def ids(self, *tables: str) -> frozenset[str] | None:
        """The changed ids of ``tables`` together; None if any of them changed in unknown rows."""
        out: set[str] = set()
        for t in tables:
            if t in self.tables:
                ids = self.tables[t]
                if ids is None:
                    return None
                out |= ids
        return frozenset(out)


class ChangeLog:
    """Accumulates what the units of work committed while a :func:`collecting` block was open."""

    def __init__(self) -> None:
        self.changes = Changes()

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes


_collectors: ContextVar[tuple[ChangeLog, ...]] = ContextVar("forecourt_change_collectors", default=())


@contextmanager
def collecting() -> Iterator[ChangeLog]:
    """Collect the changes committed in this context (this thread) until the block ends."""
    log = ChangeLog()
    token = _collectors.set((*_collectors.get(), log))
    try:
        yield log
    finally:
        _collectors.reset(token)


def publish(changes: Changes) -> None:
    """Hand committed ``changes`` to every open collector of this context."""
    if not changes:
        return
    for log in _collectors.get():
        log.add(changes)


class ChangeSet:
    """The mutable set a unit of work fills while it works; frozen into :class:`Changes` at commit."""

    def __init__(self) -> None:
        self._tables: dict[str, set[str] | None] = {}

    def add(self, table: str, ids: Iterable[str] | None) -> None:
        if ids is None:
            self._tables[table] = None
            return
        current = self._tables.setdefault(table, set())
        if current is not None:
            current.update(str(i) for i in ids)

    def frozen(self) -> Changes:
        return Changes({t: (None if ids is None else frozenset(ids)) for t, ids in self._tables.items()})

    def clear(self) -> None:
        self._tables.clear()
