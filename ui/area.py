"""What an area declares to the main window: its pages (DESIGN §1). Each ``ui/<area>/area.py``
has a ``pages()`` function; the main window asks every area of :data:`services.areas.AREAS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ui.context import AppContext


@dataclass(frozen=True)
class Page:
    key: str
    area: str  # the navigation section it is listed under (translated)
    label: str
    permission: str | tuple[str, ...]  # what opens it; a tuple: any one of them
    factory: Callable[[AppContext], QWidget]  # imports the screen's module only when first opened
    shortcut: str = ""

    def allowed(self, ctx: AppContext) -> bool:
        """Whether the user of ``ctx`` may open the page (and so sees it in the navigation)."""
        needed = (self.permission,) if isinstance(self.permission, str) else self.permission
        return any(ctx.can(p) for p in needed)
