"""The one line grid driven with the keyboard: lookups filling a line, Enter and Tab moving on and
adding lines, Esc, Ctrl+Insert and Delete, marks on cells that cannot be read, derived cells and
the totals row."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from core.errors import ValidationError
from ui.widgets.line_grid import INCOMPLETE, GridColumn, LineGrid, LookupResult

CATALOGUE = {"OF-1": ("Oil filter", 6800, "p-of1"), "BP-2": ("Brake pads", 45000, "p-bp2")}


def find_part(number: str, row: dict[str, Any]) -> LookupResult | None:
    """A stand-in for a service lookup (it runs on the database worker, like one)."""
    assert threading.current_thread() is not threading.main_thread()
    found = CATALOGUE.get(number.upper())
    if found is None:
        return LookupResult(error="No part has this number")
    description, price, part_id = found
    return LookupResult(values={"code": number.upper()}, fill={"description": description, "price": price},
                        data={"part_id": part_id}, note=f"Catalogue part {number.upper()}")


def line_total(values: dict[str, Any]) -> dict[str, Any]:
    return {"total": (values["quantity"] or 0) * (values["price"] or 0) // 1000}


COLUMNS = [
    GridColumn("code", "Code", kind="lookup", width=90, lookup=find_part),
    GridColumn("description", "Description", width=0),
    GridColumn("kind", "Kind", kind="choice", choices=(("part", "Part"), ("labour", "Labour"))),
    GridColumn("quantity", "Qty", kind="quantity", width=60, total=True),
    GridColumn("price", "Price", kind="money"),
    GridColumn("total", "Total", kind="money", derived=True, total=True),
]


class GridDialog(QDialog):
    """A dialog around a grid, with a default button, as the screens have."""

    def __init__(self, **options) -> None:
        super().__init__()
        self.grid = LineGrid(COLUMNS, currency="CNY", derive=line_total,
                             defaults={"quantity": 1000, "kind": "part"}, **options)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.buttons)
        self.resize(800, 400)


@pytest.fixture
def dialog(show) -> GridDialog:
    return show(GridDialog(totals=True))


def _editor() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


def _type(qtbot, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the open cell (or start one by typing), then press ``key``."""
    focus = QApplication.focusWidget()
    qtbot.keyClicks(focus, text)
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()


def _current(grid: LineGrid) -> tuple[int, str]:
    index = grid.view.currentIndex()
    return index.row(), grid.columns[index.column()].key


def test_the_line_model_passes_the_model_tester(qtmodeltester, dialog):
    grid = dialog.grid
    grid.add_row({"code": "OF-1", "description": "Oil filter", "price": 6800})
    grid.add_row({"description": "Labour", "kind": "labour"})
    grid.enter(1, "quantity", "2,5")

    qtmodeltester.check(grid.model)


def test_typing_a_part_number_looks_it_up_and_fills_the_line(qtbot, dialog, settle):
    grid = dialog.grid
    grid.add_row(edit=True)
    assert _current(grid) == (0, "code")

    _type(qtbot, "of-1")
    settle()

    assert grid.text(0, "code") == "OF-1"
    assert grid.text(0, "description") == "Oil filter"
    assert grid.text(0, "price") == "68.00"
    assert grid.row_data(0) == {"part_id": "p-of1"}
    assert grid.text(0, "total") == "¥68.00"
    # Enter kept the number and opened the next cell, which shows what the lookup filled in.
    assert _current(grid) == (0, "description") and _editor().text() == "Oil filter"


def test_a_number_the_lookup_does_not_know_is_marked_and_forgets_the_part(qtbot, dialog, settle):
    grid = dialog.grid
    grid.add_row()
    grid.enter(0, "code", "OF-1")
    settle()
    assert grid.row_data(0) == {"part_id": "p-of1"}

    grid.enter(0, "code", "XX-9")
    settle()

    assert grid.row_data(0) == {}
    assert grid.error(0, "code") == "No part has this number"
    with pytest.raises(ValidationError) as raised:
        grid.check(0)
    assert raised.value.field == "code"
    assert grid.text(0, "description") == "Oil filter", "what was filled in stays"


def test_a_lookup_answer_for_a_number_no_longer_typed_is_ignored(qtbot, dialog, settle):
    grid = dialog.grid
    grid.add_row()
    grid.enter(0, "code", "OF-1")
    grid.enter(0, "code", "BP-2")
    settle()

    assert grid.text(0, "description") == "Brake pads"
    assert grid.row_data(0) == {"part_id": "p-bp2"}


def test_enter_moves_through_the_editable_cells_and_on_to_a_new_line(qtbot, dialog, settle):
    grid = dialog.grid
    grid.add_row(edit=True)
    _type(qtbot, "")  # no code: a labour line
    _type(qtbot, "Wheel alignment")
    assert _current(grid) == (0, "kind")
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    _type(qtbot, "2")
    _type(qtbot, "199")

    assert dialog.isVisible(), "Enter in a cell does not save the dialog"
    assert grid.values(0) | {"total": None} == {"code": "", "description": "Wheel alignment", "kind": "labour",
                                                "quantity": 2000, "price": 19900, "total": None}
    assert grid.text(0, "total") == "¥398.00", "the derived cell was skipped and worked out"
    assert grid.row_count() == 2 and _current(grid) == (1, "code")
    assert grid.is_blank(1)

    # Enter through a blank new line does not add another one.
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
    assert grid.row_count() == 2
    assert dialog.isVisible()


def test_tab_moves_like_enter_and_shift_tab_goes_back(qtbot, dialog):
    grid = dialog.grid
    grid.add_row(edit=True)
    _type(qtbot, "", Qt.Key.Key_Tab)
    _type(qtbot, "Brake pads", Qt.Key.Key_Tab)
    assert _current(grid) == (0, "kind")

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()

    assert _current(grid) == (0, "description")
    assert _editor().text() == "Brake pads"


def test_tab_outside_a_cell_moves_between_editable_cells_and_then_leaves_the_grid(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Labour"})
    grid.focus_cell(0, "price")

    qtbot.keyClick(grid.view, Qt.Key.Key_Tab)

    assert not grid.view.hasFocus(), "the derived total is skipped and the focus leaves the grid"
    assert grid.row_count() == 1


def test_escape_drops_what_was_typed_and_keeps_the_dialog_open(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads"})
    grid.focus_cell(0, "description", edit=True)
    editor = _editor()
    editor.selectAll()
    qtbot.keyClicks(editor, "Something else")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()

    assert grid.text(0, "description") == "Brake pads"
    assert dialog.isVisible()
    assert grid.view.hasFocus()


def test_enter_outside_a_cell_is_left_to_the_dialog_and_saves_it(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads"})
    grid.focus_cell(0, "description")

    qtbot.keyClick(grid.view, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted


def test_ctrl_insert_and_the_button_add_a_line_open_for_typing(qtbot, dialog):
    grid = dialog.grid
    grid.view.setFocus()

    qtbot.keyClick(grid.view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert grid.row_count() == 1 and _current(grid) == (0, "code")
    _type(qtbot, "", Qt.Key.Key_Tab)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)

    assert grid.row_count() == 2 and _current(grid) == (1, "code")
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    assert grid.value(1, "quantity") == 1000 and grid.value(1, "kind") == "part"


def test_delete_removes_a_line_only_when_one_is_selected(qtbot, dialog):
    grid = dialog.grid
    for name in ("Brake pads", "Labour", "Oil"):
        grid.add_row({"description": name})
    grid.view.setFocus()
    assert grid.selected_row() is None
    assert not grid.remove_button.isEnabled()

    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert grid.row_count() == 3

    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.view.visualRect(grid.model.index(1, 1)).center())
    assert grid.selected_row() == 1 and grid.remove_button.isEnabled()
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)

    assert [grid.text(r, "description") for r in range(grid.row_count())] == ["Brake pads", "Oil"]
    qtbot.mouseClick(grid.remove_button, Qt.MouseButton.LeftButton)
    assert [grid.text(r, "description") for r in range(grid.row_count())] == ["Brake pads"]


def test_ctrl_up_and_down_move_the_selected_line_of_a_movable_grid(qtbot, show, qtmodeltester):
    dialog = show(GridDialog(movable=True))
    grid = dialog.grid
    grid.set_rows([({"description": name}, {"id": name[0]}) for name in ("Brake pads", "Labour", "Oil")])
    assert grid.up_button.isVisible() and not grid.up_button.isEnabled()
    grid.focus_cell(0, "description")
    assert not grid.up_button.isEnabled() and grid.down_button.isEnabled()

    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [grid.text(r, "description") for r in range(3)] == ["Labour", "Oil", "Brake pads"]
    assert grid.selected_row() == 2 and grid.view.currentIndex().column() == grid.column("description")
    assert [grid.row_data(r)["id"] for r in range(3)] == ["L", "O", "B"]
    assert not grid.down_button.isEnabled()
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # already last
    assert grid.selected_row() == 2

    qtbot.keyClick(grid.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [grid.text(r, "description") for r in range(3)] == ["Labour", "Brake pads", "Oil"]
    qtbot.mouseClick(grid.up_button, Qt.MouseButton.LeftButton)
    assert [grid.text(r, "description") for r in range(3)] == ["Brake pads", "Labour", "Oil"]
    qtmodeltester.check(grid.model)


def test_a_grid_that_is_not_movable_keeps_its_order(qtbot, dialog):
    grid = dialog.grid
    for name in ("Brake pads", "Labour"):
        grid.add_row({"description": name})
    grid.focus_cell(0, "description")
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [grid.text(r, "description") for r in range(2)] == ["Brake pads", "Labour"]
    assert not grid.up_button.isVisible()


def test_a_grid_of_fixed_lines_neither_adds_nor_removes(qtbot, show):
    dialog = show(GridDialog(can_add=False, can_remove=False))
    grid = dialog.grid
    grid.set_rows([({"description": "Brake pads"}, {"id": "a"}), ({"description": "Labour"}, {"id": "b"})])
    grid.focus_cell(1, "price", edit=True)

    _type(qtbot, "10")
    qtbot.keyClick(grid.view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)

    assert grid.row_count() == 2
    assert not grid.add_button.isVisible() and not grid.remove_button.isVisible()
    assert grid.value(1, "price") == 1000 and grid.row_data(1) == {"id": "b"}


def test_text_that_cannot_be_read_is_kept_marked_and_named_by_check(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads", "price": 45000})
    grid.focus_cell(0, "quantity", edit=True)

    _type(qtbot, "2,5")

    index = grid.model.index(0, grid.column("quantity"))
    assert grid.text(0, "quantity") == "2,5"
    assert grid.value(0, "quantity") is None
    assert "not a number" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert grid.text(0, "total") == INCOMPLETE
    with pytest.raises(ValidationError) as raised:
        grid.check(0)
    assert raised.value.field == "quantity"

    grid.focus_cell(0, "quantity", edit=True)
    _type(qtbot, "2.5")
    grid.check(0)
    assert grid.error(0, "quantity") is None
    assert grid.text(0, "total") == "¥1,125.00"


def test_marks_from_the_screen_show_on_their_cell_until_cleared_or_retyped(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads"})
    grid.add_row({"description": "Labour"})

    grid.mark(0, "price", "The price cannot be negative")
    grid.mark(1, "quantity", "The quantity must be more than zero")
    assert grid.error(0, "price") == "The price cannot be negative"

    grid.enter(0, "price", "12")
    assert grid.error(0, "price") is None
    grid.clear_marks()
    assert grid.error(1, "quantity") is None


def test_the_totals_row_follows_the_lines(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads", "price": 45000, "quantity": 2000})
    assert (grid.total_text("quantity"), grid.total_text("total")) == ("2", "¥900.00")
    grid.add_row(edit=True)
    assert grid.total_text("total") == "¥900.00", "a blank line adds nothing"

    for text in ("", "Labour", "", "1.5", "300"):
        _type(qtbot, text)

    assert (grid.total_text("quantity"), grid.total_text("total")) == ("3.5", "¥1,350.00")
    grid.enter(1, "price", "30o")
    assert grid.total_text("total") == INCOMPLETE
    grid.focus_cell(0, "description")
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert grid.total_text("quantity") == "1.5"


def test_lines_changed_follows_edits_and_cell_edited_names_the_cell(qtbot, dialog):
    grid = dialog.grid
    grid.add_row({"description": "Brake pads"})
    edited: list[tuple[int, str]] = []
    grid.cell_edited.connect(lambda row, key: edited.append((row, key)))

    with qtbot.waitSignal(grid.lines_changed, timeout=1000):
        grid.enter(0, "price", "450")
    with qtbot.waitSignal(grid.lines_changed, timeout=1000):
        grid.set_value(0, "description", "Pads")
    with qtbot.assertNotEmitted(grid.lines_changed):
        grid.enter(0, "price", "450.00")  # the same amount

    assert edited == [(0, "price")]


def test_a_lookup_answer_after_the_dialog_closed_is_dropped(qtbot, settle):
    from PySide6.QtCore import QCoreApplication, QEvent

    dialog = GridDialog()
    dialog.grid.add_row()
    dialog.grid.enter(0, "code", "OF-1")

    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()  # an exception in the answer's callback would fail the test
