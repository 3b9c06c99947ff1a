"""The keyboard rules that hold on every page and in every dialog (each made as app.screenshots makes
it, here from the test database): Tab leaves every table (the line grids move between their cells,
and Ctrl+Tab leaves them) and every date or time field, also one showing its "not set" value; and
Enter on any button of a dialog, while it has the focus, presses that button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QPushButton, QWidget

from app import screenshots
from ui.main_window import MainWindow
from ui.widgets.keys import presses_on_enter
from ui.widgets.line_grid import LineGrid


def _grid_views(root: QWidget) -> set[QWidget]:
    return {g.view for g in root.findChildren(LineGrid)}


def _tab_problems(qtbot, root: QWidget, name: str) -> list[str]:
    problems = []
    grids = _grid_views(root)
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisibleTo(root) or not view.isEnabled() or view in grids:
            continue
        if view.tabKeyNavigation():
            problems.append(f"{name}: Tab moves inside {view.metaObject().className()} {view.objectName()!r}")
    for view in grids:
        if not view.isVisibleTo(root) or not view.isEnabled():
            continue
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        if QApplication.focusWidget() is view:
            problems.append(f"{name}: Ctrl+Tab stays in the line grid {view.objectName()!r}")
    for edit in root.findChildren(QDateTimeEdit):
        if not edit.isVisibleTo(root) or not edit.isEnabled():
            continue
        states = [edit.dateTime()]
        if edit.specialValueText():
            states.append(edit.minimumDateTime())
        for value in states:
            edit.setDateTime(value)
            edit.setFocus()
            if QApplication.focusWidget() is not edit:
                continue  # cannot take the focus here (e.g. on a page not in its window's focus chain)
            qtbot.keyClick(edit, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is edit:
                problems.append(f"{name}: Tab stays in the date field {edit.objectName()!r} ({edit.text()})")
    return problems


def test_tab_leaves_every_table_and_date_field_of_every_page(ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))
    settle()
    problems = []
    for page in window.pages:
        widget = window.show_page(page.key)
        settle()
        if QApplication.activeWindow() is not window:
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        problems += _tab_problems(qtbot, widget, page.key)
    assert problems == []


def test_tab_leaves_every_table_and_date_field_and_enter_presses_every_button_of_every_dialog(
        ctx, qtbot, settle):
    problems = []
    made = screenshots.dialogs(ctx)
    assert len(made) > 40
    for name, make in made:
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        settle()
        problems += _tab_problems(qtbot, dialog, name)
        for button in dialog.findChildren(QPushButton):
            if button.isVisibleTo(dialog) and not presses_on_enter(button):
                problems.append(f"{name}: Enter on {button.text()!r} does not press it")
        dialog.close()
    assert problems == []

