"""Column widths that fit what a table shows, in the language it is shown in: every header whole, every
number, date, code and document number whole; only long free text (names, descriptions) is cut short
with an ellipsis when the view is too narrow for everything."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

# Free text wider than this may be narrowed (down to it) so that the other columns fit; identifiers
# and amounts are narrower than this and are never cut.
SHRINK_TO = 120
MAX_TEXT = 320
PADDING = 14


# Columns that hold identifiers are never cut, whatever their kind says.
IDENTIFIERS = ("number", "vin", "plate", "code", "phone", "bin")


def is_free_text(key: str, kind: str) -> bool:
    """Whether a column of ``kind`` named ``key`` holds free text (a name, a description) that may be
    cut short, rather than an identifier or a figure that must show whole."""
    return kind == "text" and not any(key == ident or key.endswith("_" + ident) for ident in IDENTIFIERS)


def fit_columns(table: QTableView, *, text_columns: Sequence[int] = (), minimum: Sequence[int] = ()) -> None:
    """Size the columns of ``table`` to their headers and the values loaded (``minimum`` gives a
    width per column it never goes under); if together they are wider than the view, narrow the
    widest ``text_columns`` first, never below :data:`SHRINK_TO` or their header. GUI thread."""
    model = table.model()
    header = table.horizontalHeader()
    if model is None:
        return
    n = model.columnCount()
    wanted, floor = [], []
    for i in range(n):
        head = header.sectionSizeFromContents(i).width()
        content = table.sizeHintForColumn(i) + PADDING if model.rowCount() else 0
        base = minimum[i] if i < len(minimum) else 0
        if i in text_columns:
            want = max(head, min(max(content, base), MAX_TEXT))
            wanted.append(want)
            floor.append(max(head, min(want, SHRINK_TO)))
        else:
            want = max(head, content, base)
            wanted.append(want)
            floor.append(want)
    room = table.viewport().width()
    excess = sum(wanted) - room
    if excess > 0:
        slack = [w - f for w, f in zip(wanted, floor, strict=True)]
        total_slack = sum(slack)
        if total_slack > 0:
            cut = min(excess, total_slack)
            wanted = [w - round(cut * s / total_slack) for w, s in zip(wanted, slack, strict=True)]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, width in enumerate(wanted):
        table.setColumnWidth(i, width)


class ColumnFitter(QObject):
    """Keeps a table's columns fitted (:func:`fit_columns`) as rows arrive and the view is resized,
    until the user sizes a column by hand. GUI thread."""

    def __init__(self, table: QTableView, *, text_columns: Sequence[int] = (), minimum: Sequence[int] = ()) -> None:
        super().__init__(table)
        self.table = table
        self.text_columns = tuple(text_columns)
        self.minimum = tuple(minimum)
        self.by_hand = False
        self._fitting = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        model = table.model()
        model.modelReset.connect(self._timer.start)
        model.rowsInserted.connect(self._timer.start)
        model.layoutChanged.connect(self._timer.start)
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        self._width = -1

    def _resized(self, *_args) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        # Only a drag on the header is the user's; the last section also stretches with the view.
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.by_hand = True

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Resize and obj.width() != self._width:
            self._width = obj.width()
            self._timer.start()
        return False

    def fit(self) -> None:
        if self.by_hand:
            return
        self._fitting = True
        try:
            fit_columns(self.table, text_columns=self.text_columns, minimum=self.minimum)
        finally:
            self._fitting = False
