"""Exporting what a screen shows: the columns on screen, under the headers on screen, with the
values formatted as on screen (money and counts stay numbers a spreadsheet can add up).

Every list and report screen offers ``export()`` (asks for a file) and ``export_to(path)``; both
run the writing off the GUI thread with progress and Cancel (:class:`ui.workers.Op`), and the file
appears only when complete (:func:`services.files.atomic_output`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMainWindow, QPushButton, QTableView, QWidget

from core import money
from services import lists
from ui.context import AppContext
from ui.formatting import cell_text
from ui.workers import Op

# What a file cell holds for a model's cell, when that differs from the text shown.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 9
EXPORT_KEYS = QKeySequence("Ctrl+E")


def file_value(value: Any, kind: str, *, labels: Mapping[Any, str] | None = None, currency: str = "CNY",
               region: str = "CN") -> Any:
    """A stored value as an exported cell: its label or its text on screen, except money (a number
    in major units) and whole numbers. Plain Python: any thread."""
    if value is None:
        return ""
    if labels is not None and value in labels:
        return labels[value]
    if kind == "money":
        return money.from_minor(int(value), currency)
    if kind == "int":
        return int(value)
    if kind == "hours":
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
    return cell_text(value, kind, currency=currency, region=region)


def table_contents(view: QTableView) -> tuple[list[str], list[list[Any]]]:
    """The headers and rows of ``view`` as the user sees them: visible columns in their order on
    screen, the model's rows in its order. GUI thread."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in columns]
    rows = []
    for r in range(model.rowCount()):
        row = []
        for c in columns:
            index = model.index(r, c)
            value = model.data(index, EXPORT_ROLE)
            row.append(model.data(index, Qt.ItemDataRole.DisplayRole) if value is None else value)
        rows.append(row)
    return titles, rows


def ask_path(parent: QWidget, name: str) -> str:
    """The file to export to, asked with a save dialog; "" when the user cancels. GUI thread."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Export", "Export list"), f"{name}-{date.today():%Y%m%d}.xlsx",
        QCoreApplication.translate("Export", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
    return path


def run_export(parent: QWidget, work: Callable[..., int], path: str) -> Op:
    """Run ``work(progress, cancel)`` (which writes ``path`` and returns the rows written) on the
    database worker with a progress dialog; the status bar says where the rows went."""

    def done(n: int) -> None:
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                QCoreApplication.translate("Export", "Exported %n row(s) to %1", "", n).replace("%1", path), 8000)
        parent.exported = (path, n)

    return Op(parent, work, title=QCoreApplication.translate("Export", "Exporting")).success(done).run()


def export_tables(parent: QWidget, ctx: AppContext, path: str, titles: list[str], rows: list[list[Any]], *,
                  sheet: str) -> Op:
    """Write rows the screen already holds (a report) to ``path``, off the GUI thread."""
    actor = ctx.actor

    def work(progress, cancel) -> int:
        return lists.export_rows(actor, path, titles, rows, sheet=sheet, progress=progress, cancel=cancel)

    return run_export(parent, work, path)


class _PassShortcut(QObject):
    """Lets a shortcut through a line edit that would otherwise take its keys (Ctrl+E is "end of
    line" in a Qt line edit)."""

    def __init__(self, keys: QKeySequence, parent: QObject) -> None:
        super().__init__(parent)
        self.keys = keys

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if QKeySequence(event.keyCombination()) == self.keys:
                event.ignore()
                return True
        return False


def pass_export_keys(edit: QWidget) -> None:
    """Ctrl+E exports also while the cursor is in ``edit`` (a search box)."""
    edit.installEventFilter(_PassShortcut(EXPORT_KEYS, edit))


def export_shortcut(screen: QWidget, action: Callable[[], Any]) -> QShortcut:
    """Ctrl+E anywhere in ``screen`` runs ``action``."""
    return QShortcut(EXPORT_KEYS, screen, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)


def export_view(parent: QWidget, ctx: AppContext, view: QTableView, path: str, *, sheet: str) -> Op:
    """Write the table ``view`` as shown to ``path``, off the GUI thread."""
    titles, rows = table_contents(view)
    return export_tables(parent, ctx, path, titles, rows, sheet=sheet)


def add_export(screen: QWidget, ctx: AppContext, action: Callable[[], Any]) -> QPushButton:
    """An "Export…" button for a report screen, and Ctrl+E anywhere in it, running ``action``;
    hidden without the permission to export."""
    button = QPushButton(QCoreApplication.translate("Export", "E&xport…"), screen)
    button.setObjectName("exportButton")
    button.setToolTip(QCoreApplication.translate("Export", "Export the rows shown to Excel or CSV (Ctrl+E)"))
    button.clicked.connect(lambda _checked=False: action())
    allowed = ctx.can("data.export")
    button.setVisible(allowed)
    if allowed:
        export_shortcut(screen, action)
    return button
