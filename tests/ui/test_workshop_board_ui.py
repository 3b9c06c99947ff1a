"""The foreman board as a foreman sees it, with the app's own style sheet and at the front desk's size
(1366×768 less the navigation): the selected card stays readable on its highlight, and at large text
every card's number, plate and promise wraps inside its column — no horizontal scrolling — in English
and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from core import clock
from services.workshop import orders
from services.workshop.orders import JobInput, LabourInput
from tests.services.workshop_samples import repair_order, shop
from tests.ui.readability import painted_size, text_contrast
from ui.workshop.board import ForemanBoardScreen

# What the board gets of a 1366×768 window beside the navigation.
BOARD_SIZE = (1166, 680)


def _orders(db, owner, n: int) -> list[str]:
    """``n`` open repair orders of one car each, one job each, nobody on them yet; their numbers."""
    numbers = []
    for i in range(n):
        s = shop(db, owner, n=i + 1)
        ro_id, number = repair_order(db, owner, s, on=clock.today())
        job = orders.add_job(db, owner, ro_id, JobInput("Regular service with brake check", pay_type="customer"))
        orders.add_labour(db, owner, job, LabourInput(description="Service", hours=100))
        numbers.append(number)
    return numbers


def _cards(screen: ForemanBoardScreen) -> list[tuple[QListWidget, int]]:
    return [(cell, i) for cell in screen.cells.values() for i in range(cell.count())]


def test_the_selected_card_is_readable_on_its_highlight_with_the_app_style(qtbot, db, owner, ctx_for, show, settle,
                                                                            app_style):
    _orders(db, owner, 2)
    screen = ForemanBoardScreen(ctx_for("foreman"))
    screen.resize(*BOARD_SIZE)
    show(screen)
    settle()
    for large in (False, True):
        screen.large.setChecked(large)
        settle()
        cell, row = _cards(screen)[0]
        assert screen.select(screen._key(cell.item(row).data(Qt.ItemDataRole.UserRole)))
        QApplication.processEvents()
        image = cell.viewport().grab().toImage()
        selected = cell.visualItemRect(cell.item(row)).adjusted(2, 2, -2, -2)
        assert cell.item(row).isSelected()
        assert text_contrast(image, selected) >= 3, f"the selected card is unreadable (large text {large})"
        # The same check passes on a card that is not selected: it is the highlight that matters.
        if cell.count() > 1:
            other = cell.visualItemRect(cell.item(1 - row)).adjusted(2, 2, -2, -2)
            assert text_contrast(image, other) >= 3


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_large_text_wraps_every_card_inside_its_column_without_scrolling_sideways(
        qtbot, db, owner, ctx_for, show, settle, app_style, language):
    from ui import i18n

    numbers = _orders(db, owner, 8)
    assert i18n.install(language) or language == "en"
    try:
        screen = ForemanBoardScreen(ctx_for("foreman"))
        screen.resize(*BOARD_SIZE)
        show(screen)
        settle()
        qtbot.keyClick(screen, Qt.Key.Key_F9)
        settle()
        assert screen.large.isChecked()
        QApplication.processEvents()
        cards = _cards(screen)
        assert len(cards) == 8
        shown = {cell.item(i).text().replace("\u200b", "").split(" · ")[0] for cell, i in cards}
        assert shown == set(numbers)
        # Columns with cards take the room the empty ones do not need.
        full = screen.cells[("", "open")]
        empty = screen.cells[("", "completed")]
        assert full.width() > 2 * empty.width()
        for cell, i in cards:
            assert not cell.horizontalScrollBar().isVisible()
            item = cell.item(i)
            rect = cell.visualItemRect(item)
            font = item.font() if item.font().bold() else cell.font()
            width, height = painted_size(item.text(), font, cell.viewport().width() - 6)
            assert width <= cell.viewport().width(), f"{item.text()!r} is wider than its column"
            assert height <= rect.height() - 5, f"{item.text()!r} is cut at the bottom (shown with …)"
            assert rect.width() <= cell.viewport().width()
    finally:
        i18n.install("en")
