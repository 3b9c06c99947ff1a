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
    permission: str
    factory: Callable[[AppContext], QWidget]  # imports the screen's module only when first opened
    shortcut: str = ""
