"""What every screen needs: the database, the acting user, and the change broadcast (STYLE §4)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.actor import Actor
from services import settings
from store.database import Database


class AppContext(QObject):
    """Shared by all screens of one logged-in session. GUI thread only."""

    # Areas that changed ("customer", "vehicle", "user", "role", "settings", ...) and the ids
    # affected (empty = unknown / many). Screens refresh only what they show.
    changed = Signal(str, list)

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings.get(db)

    def can(self, permission: str) -> bool:
        return self.actor.can(permission)

    def notify(self, area: str, ids: list[str] | None = None) -> None:
        if area == "settings":
            self.settings = settings.get(self.db)
        self.changed.emit(area, list(ids or []))
