"""The workshop area's pages in the main window: none yet (its services come first)."""

from __future__ import annotations

from ui.area import Page


def pages() -> list[Page]:
    return []
