"""The sales area's pages in the main window."""

from __future__ import annotations

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    return []
