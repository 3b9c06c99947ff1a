"""The one line grid: every table where lines are typed (invoice lines, order lines, counted
quantities, payment allocations) is built from a column spec, and knows nothing of the screen.

Cells hold typed values — text, money in minor units, quantities in thousandths, percentages in
basis points, discounts (an amount, or a percentage typed with "%"), dates, the value of a choice —
read with the same rules as the field widgets of :mod:`ui.widgets.fields`. Text that cannot be read
stays visible and is marked with the reason; the screen can mark cells too (an error the service
reported). A *lookup* column hands what was typed to a function of the screen (run on the database
worker), which may fill other cells of the row. Read-only *derived* cells are worked out from the
row by a function of the screen (e.g. a line total by the billing rule); columns flagged ``total``
are summed in an optional totals row.

Keys: typing starts editing; Enter or Tab keeps the value and moves to the next editable cell, and
on from the last one to a new line; Shift+Tab moves back; Tab with nowhere further to go, and Ctrl+Tab
from any cell, leave the grid for the next control; Esc drops the edit; Ctrl+Insert (or the
Add button) adds a line; Delete removes the selected line, and only when one is selected; in a grid
whose lines are in an order that matters (``movable``), Ctrl+Up and Ctrl+Down move the selected line.
Enter outside a cell is left to the dialog (it saves). Everything here runs on the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core import money
from core.errors import ValidationError
from core.quantities import quantity_text
from ui.formatting import date_text
from ui.widgets.fields import (
    DateEdit,
    MoneyEdit,
    PercentEdit,
    QuantityEdit,
    discount_input_text,
    money_input_text,
    parse_discount,
    parse_money,
    parse_percent,
    parse_quantity,
    percent_input_text,
)
from ui.widgets.keys import enter_presses
from ui.workers import Query

KINDS = ("text", "money", "quantity", "percentage", "discount", "date", "choice", "lookup")
NUMERIC = ("money", "quantity", "percentage", "discount")
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
INCOMPLETE = "—"  # a derived cell or a total that cannot be worked out while a cell is unreadable
ERROR_BACKGROUND = QColor("#fde8e8")
ERROR_TEXT = QColor("#b3261e")
READ_ONLY_BACKGROUND = QColor("#f6f7f9")


@dataclass(frozen=True)
class LookupResult:
    """What a lookup found for the text typed in its cell."""

    values: Mapping[str, Any] = field(default_factory=dict)  # set in the row, whatever the cells held
    fill: Mapping[str, Any] = field(default_factory=dict)  # set only in cells that are still empty
    data: Mapping[str, Any] = field(default_factory=dict)  # hidden values of the row (ids)
    note: str = ""  # shown as the looked-up cell's tooltip
    error: str = ""  # the looked-up text is no good (e.g. no such part): marked, and named by check()


@dataclass(frozen=True)
class GridColumn:
    """One column: ``kind`` is one of :data:`KINDS`. ``width`` 0 takes the room left. ``derived``
    cells are filled by the grid's ``derive`` function and never typed in. ``lookup(text, row)``
    runs on the database worker with the typed text and a copy of the row's values."""

    key: str
    header: str
    kind: str = "text"
    width: int = 100
    editable: bool = True
    align: Qt.AlignmentFlag | None = None
    choices: tuple[tuple[Any, str], ...] = ()
    lookup: Callable[[str, dict[str, Any]], LookupResult | None] | None = None
    derived: bool = False
    total: bool = False
    symbol: bool | None = None  # money: show the currency symbol (default: only in cells not typed in)
    max_length: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown column kind '{self.kind}'")

    @property
    def typed(self) -> bool:
        """True when the user types in this column."""
        return self.editable and not self.derived

    @property
    def alignment(self) -> Qt.AlignmentFlag:
        if self.align is not None:
            return self.align
        horizontal = Qt.AlignmentFlag.AlignRight if self.kind in NUMERIC else Qt.AlignmentFlag.AlignLeft
        return horizontal | Qt.AlignmentFlag.AlignVCenter


@dataclass
class _Row:
    uid: int
    values: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # text that could not be read, by key
    bad: dict[str, str] = field(default_factory=dict)  # why it could not be read
    marks: dict[str, str] = field(default_factory=dict)  # errors the screen pointed at
    notes: dict[str, str] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)
    looked_up: dict[str, set[str]] = field(default_factory=dict)  # data keys each lookup column set
    incomplete: bool = False  # derive could not work the row out
    fixed: bool = False  # put there by the screen: never edited, removed or moved by the user


def _blank(value: Any) -> bool:
    return value is None or value == ""


class LineModel(QAbstractTableModel):
    """The lines of a :class:`LineGrid`: a list of rows of typed values (STYLE §8: checked with
    qtmodeltester). ``edited(row, key)`` follows a change typed by the user."""

    edited = Signal(int, str)
    lookup_wanted = Signal(int, str, str)  # row uid, column key, typed text
    changed = Signal()

    def __init__(self, columns: Iterable[GridColumn], *, currency: str,
                 derive: Callable[[dict[str, Any]], Mapping[str, Any]] | None = None,
                 defaults: Mapping[str, Any] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.keys = [c.key for c in self.columns]
        self.by_key = {c.key: c for c in self.columns}
        self.currency = currency
        self.derive = derive
        self.defaults = dict(defaults or {})
        self.choices: dict[str, dict[Any, str]] = {c.key: dict(c.choices) for c in self.columns}
        self.rows: list[_Row] = []
        # Only where the user adds lines can a line be left blank (and then it does not count).
        self.blank_lines = True
        self._uids = itertools.count(1)

    # --- rows -----------------------------------------------------------------------------------
    def new_row(self, values: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None) -> _Row:
        empty = {c.key: "" if c.kind in ("text", "lookup") else None for c in self.columns}
        row = _Row(next(self._uids), {**empty, **self.defaults, **(values or {})}, dict(data or {}))
        self._derive(row)
        return row

    def insert(self, position: int, row: _Row) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()
        self.changed.emit()

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self.rows[position]
        self.endRemoveRows()
        self.changed.emit()

    def move(self, position: int, to: int) -> None:
        """Move the line at ``position`` so that it ends up at ``to``."""
        if position == to:
            return
        # Qt names the row the moved one goes before, counted before the move.
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), to + 1 if to > position else to)
        self.rows.insert(to, self.rows.pop(position))
        self.endMoveRows()
        self.changed.emit()

    def replace_all(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        self.changed.emit()

    def position(self, uid: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.uid == uid), -1)

    def is_blank(self, row: _Row) -> bool:
        """True when nothing was typed on the row beyond what a new row starts with."""
        if not self.blank_lines or row.texts:
            return False
        return all(_blank(row.values.get(c.key)) or row.values.get(c.key) == self.defaults.get(c.key)
                   for c in self.columns if c.typed)

    def row_changed(self, position: int) -> None:
        self._derive(self.rows[position])
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))
        self.changed.emit()

    # --- values ---------------------------------------------------------------------------------
    def _derive(self, row: _Row) -> None:
        if self.derive is None:
            return
        derived = [c.key for c in self.columns if c.derived]
        row.incomplete = False
        if self.is_blank(row):
            for key in derived:
                row.values[key] = None
            return
        if row.bad:
            row.incomplete = True
            return
        try:
            found = self.derive(dict(row.values))
        except ValidationError:
            row.incomplete = True
            return
        for key in derived:
            row.values[key] = found.get(key)

    def parse(self, column: GridColumn, raw: Any) -> Any:
        """Typed input → the cell's value (None for an empty cell); a ValidationError names the
        column's key."""
        if column.kind == "choice":
            return raw
        if column.kind == "date":
            if raw is None or isinstance(raw, date):
                return raw
            text = str(raw).strip()
            if not text:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ValidationError(column.key, QCoreApplication.translate(
                    "LineGrid", "'%1' is not a date (yyyy-mm-dd)").replace("%1", text)) from None
        text = "" if raw is None else str(raw).strip()
        if column.kind in ("text", "lookup"):
            return text
        if not text:
            return None
        if column.kind == "money":
            return parse_money(text, self.currency, field=column.key)
        if column.kind == "discount":
            return parse_discount(text, self.currency, field=column.key)
        if column.kind == "quantity":
            return parse_quantity(text, field=column.key)
        return parse_percent(text, field=column.key)

    def input_text(self, row: _Row, column: GridColumn) -> str:
        """A cell as it is typed."""
        if column.key in row.texts:
            return row.texts[column.key]
        value = row.values.get(column.key)
        if value is None:
            return ""
        if column.kind == "money":
            return money_input_text(value, self.currency)
        if column.kind == "discount":
            return discount_input_text(value, self.currency)
        if column.kind == "quantity":
            return quantity_text(value)
        if column.kind == "percentage":
            return percent_input_text(value)
        if column.kind == "date":
            return date_text(value)
        if column.kind == "choice":
            return self.choices[column.key].get(value, str(value))
        return str(value)

    def display_text(self, row: _Row, column: GridColumn) -> str:
        if column.key in row.texts:
            return row.texts[column.key]
        if column.derived and row.incomplete:
            return INCOMPLETE
        value = row.values.get(column.key)
        if value is None:
            return ""
        if column.kind == "money":
            symbol = column.symbol if column.symbol is not None else not column.typed
            return money.format_money(value, self.currency, symbol=symbol)
        if column.kind == "percentage":
            return money.format_rate(value)
        return self.input_text(row, column)

    def set_input(self, position: int, key: str, raw: Any) -> bool:
        """What the user typed into a cell: read it, or keep the text and mark why it cannot be
        read. False when nothing changed."""
        row, column = self.rows[position], self.by_key[key]
        try:
            value = self.parse(column, raw)
        except ValidationError as exc:
            text = "" if raw is None else str(raw).strip()
            if row.texts.get(key) == text and row.bad.get(key) == exc.detail:
                return False
            row.texts[key], row.bad[key] = text, exc.detail
            row.values[key] = None
        else:
            if key not in row.texts and key not in row.marks and row.values.get(key) == value:
                return False
            row.texts.pop(key, None)
            row.bad.pop(key, None)
            row.values[key] = value
        row.marks.pop(key, None)
        if column.kind == "lookup":
            self._forget_lookup(row, key)
            if row.values.get(key):
                self.lookup_wanted.emit(row.uid, key, row.values[key])
        self.row_changed(position)
        self.edited.emit(position, key)
        return True

    def _forget_lookup(self, row: _Row, key: str) -> None:
        for data_key in row.looked_up.pop(key, set()):
            row.data.pop(data_key, None)
        row.notes.pop(key, None)

    def apply_lookup(self, position: int, key: str, found: LookupResult) -> None:
        row = self.rows[position]
        for k, value in found.values.items():
            self._set(row, k, value)
        for k, value in found.fill.items():
            if _blank(row.values.get(k)) and k not in row.texts:
                self._set(row, k, value)
        row.data.update(found.data)
        row.looked_up[key] = set(found.data)
        if found.note:
            row.notes[key] = found.note
        if found.error:
            row.bad[key] = found.error
        self.row_changed(position)

    def _set(self, row: _Row, key: str, value: Any) -> None:
        row.values[key] = value
        row.texts.pop(key, None)
        row.bad.pop(key, None)
        row.marks.pop(key, None)

    def set_values(self, position: int, values: Mapping[str, Any]) -> None:
        row = self.rows[position]
        for key, value in values.items():
            self._set(row, key, value)
        self.row_changed(position)

    def error(self, row: _Row, key: str) -> str | None:
        return row.bad.get(key) or row.marks.get(key)

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.input_text(row, column)
        if role == VALUE_ROLE:
            return row.values.get(column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        error = self.error(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or row.notes.get(column.key) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return ERROR_BACKGROUND
            return None if self._editable(row, column) else READ_ONLY_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return ERROR_TEXT
        return None

    def _editable(self, row: _Row, column: GridColumn) -> bool:
        return column.typed and column.key not in row.locked

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self.rows):
            return False
        row, column = self.rows[index.row()], self.columns[index.column()]
        if not self._editable(row, column):
            return False
        self.set_input(index.row(), column.key, value)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].alignment)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(self.rows[index.row()], self.columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- totals ---------------------------------------------------------------------------------
    def total(self, key: str) -> int | None:
        """The sum of a column over the lines that are not blank; None while one of them cannot be
        read or worked out."""
        column = self.by_key[key]
        total = 0
        for row in self.rows:
            if self.is_blank(row):
                continue
            if key in row.bad or (column.derived and row.incomplete):
                return None
            total += row.values.get(key) or 0
        return total

    def total_text(self, key: str) -> str:
        column, value = self.by_key[key], self.total(key)
        if value is None:
            return INCOMPLETE
        if column.kind == "money":
            return money.format_money(value, self.currency)
        if column.kind == "quantity":
            return quantity_text(value)
        return str(value)


class _Delegate(QStyledItemDelegate):
    """Edits a cell with the field widget of its kind; Enter and Tab keep the value and move on."""

    def __init__(self, grid: LineGrid) -> None:
        super().__init__(grid)
        self.grid = grid
        self.editor: QWidget | None = None
        self.closeEditor.connect(lambda editor, _hint=None: self._gone(editor))

    def createEditor(self, parent: QWidget, option, index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = self.grid.model.columns[index.column()]
        editor: QWidget
        if column.kind == "money":
            editor = MoneyEdit(self.grid.model.currency, field=column.key, parent=parent)
        elif column.kind == "quantity":
            editor = QuantityEdit(field=column.key, parent=parent)
        elif column.kind == "percentage":
            editor = PercentEdit(field=column.key, required=False, parent=parent)
            editor.setPlaceholderText("")
        elif column.kind == "date":
            editor = DateEdit(parent=parent)
        elif column.kind == "choice":
            combo = QComboBox(parent)
            for value, label in self.grid.model.choices[column.key].items():
                combo.addItem(label, value)
            # A choice made in the list is a finished edit: totals follow at once.
            combo.activated.connect(lambda _i: self.commitData.emit(combo))
            editor = combo
        else:
            line = QLineEdit(parent)
            if column.kind == "discount":
                line.setAlignment(column.alignment)
                line.setPlaceholderText(QCoreApplication.translate("LineGrid", "e.g. 50 or 10%"))
            if column.max_length:
                line.setMaxLength(column.max_length)
            editor = line
        editor.setObjectName(f"cell_{column.key}")
        self.editor = editor
        editor.destroyed.connect(lambda _obj=None: self._gone(editor))
        return editor

    def _gone(self, editor: QWidget) -> None:
        if self.editor is editor:
            self.editor = None

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, DateEdit):
            editor.set_value(value if isinstance(value, date) else None)
        elif isinstance(editor, QLineEdit):
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()
            editor.setModified(False)

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, DateEdit):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            key, mods = event.key(), event.modifiers()
            plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            tabs = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            backwards = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if tabs and mods & Qt.KeyboardModifier.ControlModifier:
                # Ctrl+Tab keeps the value and leaves the grid, from any cell.
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.grid.leave(forward=not backwards)
                return True
            moves = {Qt.Key.Key_Return: False, Qt.Key.Key_Enter: False, Qt.Key.Key_Tab: False,
                     Qt.Key.Key_Backtab: True}
            if key in moves and (plain or key == Qt.Key.Key_Backtab):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if not self.grid.advance(backwards=moves[key], edit=True) and tabs:
                    # Nowhere further to go inside: Tab goes on to the next control, as everywhere.
                    self.grid.leave(forward=not backwards)
                return True
        return super().eventFilter(editor, event)


class _View(QTableView):
    def __init__(self, grid: LineGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+Tab leaves the grid from any cell (Tab moves between the cells).
            self.grid.leave(forward=key == Qt.Key.Key_Tab
                            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            event.accept()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            # Between the editable cells; past the last one the focus leaves the grid.
            if self.grid.advance(backwards=key == Qt.Key.Key_Backtab, edit=False, add=False):
                event.accept()
            else:
                event.ignore()
            return
        if key == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.grid.remove_selected()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.grid.enter_moves and self.grid.advance(edit=True, add=False):
                event.accept()
                return
            event.ignore()  # the dialog's default button
            return
        super().keyPressEvent(event)


class _TotalsBar(QWidget):
    """The totals row under the grid, drawn in line with the grid's columns."""

    def __init__(self, grid: LineGrid) -> None:
        super().__init__(grid)
        self.grid = grid
        self.setObjectName("gridTotals")
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setFixedHeight(self.fontMetrics().height() + 10)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f3f5f8"))
        view, model = self.grid.view, self.grid.model
        header = view.horizontalHeader()
        # Both sit in the grid's layout: the view's cells start where its viewport does.
        offset = view.x() - self.x() + view.viewport().geometry().left()
        for i, column in enumerate(model.columns):
            x = header.sectionViewportPosition(i) + offset
            rect = QRect(x + 4, 0, header.sectionSize(i) - 8, self.height())
            if column.total:
                painter.drawText(rect, int(column.alignment), model.total_text(column.key))
            elif i == 0:
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 self.grid.totals_label)
        painter.end()


class LineGrid(QWidget):
    """Lines typed in a table. ``lines_changed`` follows any change of the lines (typed, looked up,
    added, removed, set by the screen); ``cell_edited(row, key)`` a cell the user changed (also when
    what was typed cannot be read: :meth:`error` says why)."""

    lines_changed = Signal()
    cell_edited = Signal(int, str)

    def __init__(self, columns: Iterable[GridColumn], *, currency: str = "CNY",
                 derive: Callable[[dict[str, Any]], Mapping[str, Any]] | None = None,
                 defaults: Mapping[str, Any] | None = None, can_add: bool = True, can_remove: bool = True,
                 totals: bool = False, name: str = "lines", enter_moves: bool = False,
                 movable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.can_add = can_add
        self.movable = movable
        # Enter on a cell that is not being edited opens the next one (a sheet typed row after row)
        # instead of pressing the dialog's default button.
        self.enter_moves = enter_moves
        self.can_remove = can_remove
        self.totals_label = QCoreApplication.translate("LineGrid", "Total")
        self.model = LineModel(columns, currency=currency, derive=derive, defaults=defaults, parent=self)
        self.model.blank_lines = can_add
        self.columns = self.model.columns

        self.view = _View(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(self.model)
        self.delegate = _Delegate(self)
        self.view.setItemDelegate(self.delegate)
        self.setFocusProxy(self.view)
        self.view.setTabKeyNavigation(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(self.columns):
            if column.width:
                self.view.setColumnWidth(i, column.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(QCoreApplication.translate("LineGrid", "&Add line"), self)
        self.add_button.setToolTip(QCoreApplication.translate("LineGrid", "Add a line (Ctrl+Insert)"))
        enter_presses(self.add_button)
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button = QPushButton(QCoreApplication.translate("LineGrid", "Remove l&ine"), self)
        self.remove_button.setToolTip(QCoreApplication.translate("LineGrid", "Remove the selected line (Delete)"))
        enter_presses(self.remove_button)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setVisible(can_add)
        self.remove_button.setVisible(can_remove)
        self.remove_button.setEnabled(False)
        self.up_button = QPushButton(QCoreApplication.translate("LineGrid", "Move up"), self)
        self.up_button.setToolTip(QCoreApplication.translate("LineGrid", "Move the selected line up (Ctrl+Up)"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(QCoreApplication.translate("LineGrid", "Move down"), self)
        self.down_button.setToolTip(QCoreApplication.translate("LineGrid", "Move the selected line down (Ctrl+Down)"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for button in (self.up_button, self.down_button):
            enter_presses(button)
            button.setVisible(movable)
            button.setEnabled(False)
        # Screens add their own widgets (hints, totals of their own) to this row of buttons.
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.setSpacing(6)
        self.bar.addWidget(self.add_button)
        self.bar.addWidget(self.remove_button)
        self.bar.addWidget(self.up_button)
        self.bar.addWidget(self.down_button)
        if can_add:
            QShortcut(QKeySequence("Ctrl+Insert"), self, lambda: self.add_row(edit=True),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if movable:
            for keys, by in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
                QShortcut(QKeySequence(keys), self, lambda by=by: self.move_selected(by),
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.totals_bar: _TotalsBar | None = _TotalsBar(self) if totals else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        if self.totals_bar is not None:
            layout.setSpacing(0)
            layout.addWidget(self.totals_bar)
            layout.addSpacing(4)
            header.sectionResized.connect(lambda *_a: self.totals_bar.update())
            header.geometriesChanged.connect(self.totals_bar.update)
            self.view.horizontalScrollBar().valueChanged.connect(lambda _v: self.totals_bar.update())
        if can_add or can_remove or movable:
            layout.addLayout(self.bar)

        self.model.changed.connect(self._changed)
        self.model.edited.connect(self.cell_edited)
        self.model.lookup_wanted.connect(self._look_up)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(lambda *_a: self._update_buttons())
        self.model.rowsMoved.connect(lambda *_a: self._update_buttons())

    # --- rows -----------------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.model.rows)

    def add_row(self, values: Mapping[str, Any] | None = None, *, data: Mapping[str, Any] | None = None,
                edit: bool = False) -> int:
        """Append a line (the grid's defaults, then ``values``); with ``edit`` the first editable cell
        is opened for typing. Returns the new line's position."""
        self.commit()
        position = len(self.model.rows)
        self.model.insert(position, self.model.new_row(values, data))
        if edit:
            self.focus_cell(position, self._first_typed(position), edit=True)
        return position

    def set_rows(self, rows: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> None:
        """Replace every line by ``(values, data)`` pairs."""
        self.commit()
        self.model.replace_all([self.model.new_row(values, data) for values, data in rows])

    def remove_row(self, position: int) -> None:
        if not 0 <= position < len(self.model.rows) or self.model.rows[position].fixed:
            return
        self.commit()
        column = max(self.view.currentIndex().column(), 0)
        self.model.remove(position)
        if self.model.rows:
            self.view.setCurrentIndex(self.model.index(min(position, len(self.model.rows) - 1), column))
        self._update_buttons()

    def selected_row(self) -> int | None:
        """The selected line, or None when no line is selected."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def remove_selected(self) -> None:
        """Remove the selected line; nothing happens without a selection (or when lines cannot be
        removed)."""
        row = self.selected_row()
        if self.can_remove and row is not None:
            self.remove_row(row)

    def move_row(self, position: int, by: int) -> bool:
        """Move a line ``by`` places (-1 up, 1 down); the moved line stays selected, in the same
        column. False when it cannot go further."""
        to = position + by
        if not (0 <= position < len(self.model.rows) and 0 <= to < len(self.model.rows)) \
                or self.model.rows[position].fixed or self.model.rows[to].fixed:
            return False
        self.commit()
        column = max(self.view.currentIndex().column(), 0)
        self.model.move(position, to)
        self.focus_cell(to, self.columns[column].key)
        return True

    def move_selected(self, by: int) -> bool:
        """Move the selected line (in a ``movable`` grid); nothing happens without a selection."""
        row = self.selected_row()
        return self.movable and row is not None and self.move_row(row, by)

    def is_blank(self, position: int) -> bool:
        return self.model.is_blank(self.model.rows[position])

    # --- values ---------------------------------------------------------------------------------
    def value(self, position: int, key: str) -> Any:
        """A cell's value (None when empty or unreadable)."""
        return self.model.rows[position].values.get(key)

    def values(self, position: int) -> dict[str, Any]:
        return dict(self.model.rows[position].values)

    def row_data(self, position: int) -> dict[str, Any]:
        """The hidden values of a line (ids the screen or a lookup attached)."""
        return self.model.rows[position].data

    def text(self, position: int, key: str) -> str:
        """A cell as shown."""
        return self.model.display_text(self.model.rows[position], self.model.by_key[key])

    def set_value(self, position: int, key: str, value: Any) -> None:
        self.set_values(position, {key: value})

    def set_values(self, position: int, values: Mapping[str, Any]) -> None:
        """Set typed values from the screen (not as the user: no lookup, no ``cell_edited``)."""
        self.model.set_values(position, values)

    def enter(self, position: int, key: str, text: Any) -> None:
        """Put ``text`` in a cell as if the user typed it (it is read, looked up, ``cell_edited``)."""
        self.model.set_input(position, key, text)

    def set_choices(self, key: str, choices: Iterable[tuple[Any, str]]) -> None:
        self.model.choices[key] = dict(choices)

    def add_choice(self, key: str, value: Any, label: str) -> None:
        self.model.choices[key].setdefault(value, label)

    def lock(self, position: int, key: str, locked: bool = True) -> None:
        """Make one cell read-only (or typeable again)."""
        row = self.model.rows[position]
        if locked:
            row.locked.add(key)
        else:
            row.locked.discard(key)
        self.model.row_changed(position)

    def fix(self, position: int) -> None:
        """Make a line read-only as a whole: the user can neither type in it, remove it nor move it
        (a line the service keeps itself)."""
        row = self.model.rows[position]
        row.fixed = True
        row.locked.update(self.model.keys)
        self.model.row_changed(position)
        self._update_buttons()

    def is_fixed(self, position: int) -> bool:
        return self.model.rows[position].fixed

    def commit(self) -> None:
        """Keep what is being typed in an open cell (e.g. before saving)."""
        editor = self.delegate.editor
        if editor is not None:
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # --- marks ----------------------------------------------------------------------------------
    def error(self, position: int, key: str) -> str | None:
        """Why a cell is marked: its text cannot be read, or the screen pointed at it."""
        return self.model.error(self.model.rows[position], key)

    def check(self, position: int) -> None:
        """Raise a ValidationError naming the first column of the line whose text cannot be read."""
        row = self.model.rows[position]
        for column in self.columns:
            if column.key in row.bad:
                raise ValidationError(column.key, row.bad[column.key])

    def readable_rows(self) -> tuple[list[int], bool]:
        """The positions of the lines that are neither blank nor hold a cell that cannot be read,
        and whether every line that is not blank could be read (a running total says when not)."""
        positions, complete = [], True
        for position in range(self.row_count()):
            if self.is_blank(position):
                continue
            try:
                self.check(position)
            except ValidationError:
                complete = False
                continue
            positions.append(position)
        return positions, complete

    def mark(self, position: int, key: str, message: str) -> None:
        self.model.rows[position].marks[key] = message
        self.model.row_changed(position)

    def clear_marks(self) -> None:
        """Drop the marks the screen set (what cannot be read stays marked)."""
        for position, row in enumerate(self.model.rows):
            if row.marks:
                row.marks.clear()
                self.model.row_changed(position)

    # --- totals ---------------------------------------------------------------------------------
    def total(self, key: str) -> int | None:
        return self.model.total(key)

    def total_text(self, key: str) -> str:
        return self.model.total_text(key)

    # --- moving ---------------------------------------------------------------------------------
    def column(self, key: str) -> int:
        return self.model.keys.index(key)

    def _typed_cells(self, position: int) -> list[int]:
        row = self.model.rows[position]
        return [i for i, c in enumerate(self.columns)
                if self.model._editable(row, c) and not self.view.isColumnHidden(i)]

    def hide_column(self, key: str) -> None:
        """Leave column ``key`` out of sight and out of the keyboard's path (its values stay)."""
        self.view.setColumnHidden(self.column(key), True)

    def _first_typed(self, position: int) -> str:
        cells = self._typed_cells(position)
        return self.columns[cells[0] if cells else 0].key

    def focus_cell(self, position: int, key: str, *, edit: bool = False) -> None:
        """Make a cell current (its line selected) and give the grid the focus; with ``edit``, open
        the cell for typing."""
        if not 0 <= position < len(self.model.rows):
            return
        index = self.model.index(position, self.column(key))
        self.view.setFocus()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        if edit and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    def advance(self, *, backwards: bool = False, edit: bool = False, add: bool = True) -> bool:
        """Move to the next (or previous) editable cell, opening it with ``edit``. Past the last cell
        of the last line a new line is added when ``add`` allows it and that line is not blank.
        False when there is nowhere to go."""
        current = self.view.currentIndex()
        row, col = (current.row(), current.column()) if current.isValid() else (0, -1)
        cells = [(r, c) for r in range(len(self.model.rows)) for c in self._typed_cells(r)]
        if backwards:
            target = next(((r, c) for r, c in reversed(cells) if (r, c) < (row, col)), None)
        else:
            target = next(((r, c) for r, c in cells if (r, c) > (row, col)), None)
        if target is not None:
            self.focus_cell(target[0], self.columns[target[1]].key, edit=edit)
            return True
        if not backwards and add and self.can_add and self.model.rows and not self.is_blank(row):
            self.add_row(edit=edit)
            if not edit:
                self.focus_cell(len(self.model.rows) - 1, self._first_typed(len(self.model.rows) - 1))
            return True
        return False

    def leave(self, *, forward: bool = True) -> None:
        """Move the focus out of the grid to the next (or previous) control of the window."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        QWidget.focusNextPrevChild(self.view, forward)

    # --- inside ---------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.remove_button.setEnabled(self.can_remove and row is not None and not self.model.rows[row].fixed)
        self.up_button.setEnabled(self.movable and row is not None and row > 0)
        self.down_button.setEnabled(self.movable and row is not None and row < len(self.model.rows) - 1)

    def _changed(self) -> None:
        if self.totals_bar is not None:
            self.totals_bar.update()
        self._update_buttons()
        self.lines_changed.emit()

    def _look_up(self, uid: int, key: str, text: str) -> None:
        lookup = self.model.by_key[key].lookup
        if lookup is None:
            return
        position = self.model.position(uid)
        snapshot = self.values(position)

        def found(result: LookupResult | None) -> None:
            if not isValid(self):
                return  # the dialog closed while the lookup ran
            here = self.model.position(uid)
            # The line may have gone, or the user typed something else meanwhile.
            if result is None or here < 0 or self.model.rows[here].values.get(key) != text:
                return
            self.model.apply_lookup(here, key, result)
            self._refresh_open_editor(here)

        Query(self, lambda: lookup(text, snapshot)).success(found).run()

    def _refresh_open_editor(self, position: int) -> None:
        # A cell of the line opened for typing while the lookup ran shows what it filled in, unless
        # the user has already typed there.
        editor, index = self.delegate.editor, self.view.currentIndex()
        if editor is None or not index.isValid() or index.row() != position:
            return
        if isinstance(editor, QLineEdit) and not editor.isModified():
            self.delegate.setEditorData(editor, index)
