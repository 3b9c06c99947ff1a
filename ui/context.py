"""What every screen needs: the database, the acting user, and the change broadcast (STYLE §4)."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from core.actor import Actor
from services import settings
from store.changes import Changes
from store.database import Database

# Tables whose changes alter what AppContext.settings holds.
SETTINGS_TABLES = ("setting", "tax_rate", "terminal", "number_series")

_contexts: weakref.WeakSet[AppContext] = weakref.WeakSet()


def broadcast(changes: Changes) -> None:
    """Tell every open session's screens what a committed action changed. GUI thread."""
    if not changes:
        return
    for ctx in list(_contexts):
        ctx.apply(changes)


class AppContext(QObject):
    """Shared by all screens of one logged-in session. GUI thread only."""

    # A store.changes.Changes: the tables and row ids a committed action changed. Screens refresh
    # only what they show.
    changed = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings.get(db)
        self._people: dict[str, str] | None = None
        _contexts.add(self)

    def can(self, permission: str) -> bool:
        return self.actor.can(permission)

    def person(self, username: str | None) -> str:
        """A user's name as people call them (their display name), never a login where a name is
        known; read once and kept until a user changes."""
        if not username:
            return ""
        if self._people is None:
            from services import users

            self._people = users.people(self.db, self.actor)
        return self._people.get(username, username)

    def apply(self, changes: Changes) -> None:
        if changes.touches(*SETTINGS_TABLES):
            self.settings = settings.get(self.db)
        if changes.touches("user_account"):
            self._people = None
        self.changed.emit(changes)
