"""Stock alerts: parts below their minimum, dead stock, aged stock and refused negative-stock
attempts, one sortable table per tab."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.quantities import quantity_text
from services.parts import alerts
from ui.context import AppContext
from ui.formatting import date_text
from ui.widgets.forms import hint_label
from ui.workers import Query

SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class _Item(QTableWidgetItem):
    """A read-only cell that sorts by its value (numbers and dates as such), not by its text."""

    def __init__(self, text: str, key: Any, *, right: bool = False) -> None:
        super().__init__(text)
        self.setData(SORT_ROLE, key)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if right:
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        try:
            return mine < theirs
        except TypeError:
            return str(mine) < str(theirs)


def _text_item(text: str) -> _Item:
    return _Item(text, text.casefold())


def _qty_item(quantity: int) -> _Item:
    return _Item(quantity_text(quantity), quantity, right=True)


def _date_item(day: date | None) -> _Item:
    return _Item(date_text(day), str(day)[:10] if day else None)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSortingEnabled(True)
    return table


def _fill(table: QTableWidget, rows: list[list[_Item]]) -> None:
    # Sorting while rows are inserted would move them under the loop's feet.
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    table.resizeColumnsToContents()


class StockAlertsScreen(QWidget):
    """Read-only; the four lists are read on the database worker when the screen opens and on Refresh."""

    area = "part"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query: Query | None = None
        self.loaded = False
        heading = QLabel(self.tr("Stock alerts"))
        heading.setObjectName("screenTitle")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the alerts again"))
        self.refresh_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)

        part_headers = [self.tr("Brand"), self.tr("Part number"), self.tr("Description"), self.tr("Bin")]
        self.below = _table("belowMinimum", [*part_headers, self.tr("Available"), self.tr("Minimum"),
                                             self.tr("Short by")])
        self.dead = _table("deadStock", [*part_headers, self.tr("On hand"), self.tr("Last movement")])
        self.aged = _table("agedStock", [*part_headers, self.tr("On hand"), self.tr("Last receipt")])
        self.refused = _table("negativeAttempts", [self.tr("When"), self.tr("User"), self.tr("Part number"),
                                                   self.tr("What was refused")])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("alertTabs")
        self.tab_titles = [self.tr("Below minimum"), self.tr("Dead stock"), self.tr("Aged stock"),
                           self.tr("Negative-stock attempts")]
        hints = [
            self.tr("Parts whose available stock is below their minimum, largest shortfall first."),
            self.tr("Parts with stock on hand and no movement for %n month(s).", "", alerts.DEAD_MONTHS),
            self.tr("Parts with stock on hand whose newest receipt is more than %n day(s) old.", "",
                    alerts.AGED_DAYS),
            self.tr("Issues and adjustments refused because they would have taken stock below zero."),
        ]
        for table, hint in zip((self.below, self.dead, self.aged, self.refused), hints, strict=True):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(hint_label(hint))
            layout.addWidget(table, 1)
            self.tabs.addTab(page, "")
        self._set_titles(None)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def focus_default(self) -> None:
        self.tabs.currentWidget().setFocus()

    def _set_titles(self, counts: list[int] | None) -> None:
        for i, title in enumerate(self.tab_titles):
            self.tabs.setTabText(i, title if counts is None else f"{title} ({counts[i]})")

    def reload(self) -> None:
        """Read the four lists on the database worker; GUI thread."""
        db, actor = self.ctx.db, self.ctx.actor
        self.refresh_button.setEnabled(False)

        def read() -> tuple[list, list, list, list]:
            return (alerts.below_minimum(db, actor), alerts.dead_stock(db, actor), alerts.aged_stock(db, actor),
                    alerts.negative_stock_attempts(db, actor))

        self.query = Query(self, read).success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.refresh_button.setEnabled(True)
        show_error(self, exc)

    def _show(self, result: tuple[list, list, list, list]) -> None:
        below, dead, aged, refused = result
        self.refresh_button.setEnabled(True)

        def part(a: alerts.StockAlert) -> list[_Item]:
            return [_text_item(a.brand), _text_item(a.part_number), _text_item(a.description), _text_item(a.bin)]

        _fill(self.below, [[*part(a), _qty_item(a.available), _qty_item(a.min_qty),
                            _qty_item(a.min_qty - a.available)] for a in below])
        _fill(self.dead, [[*part(a), _qty_item(a.on_hand), _date_item(a.last_movement_on)] for a in dead])
        _fill(self.aged, [[*part(a), _qty_item(a.on_hand), _date_item(a.last_receipt_on)] for a in aged])
        _fill(self.refused, [[_Item(r.at.replace("T", " ")[:19], r.at), _text_item(r.actor),
                              _text_item(r.part_number), _text_item(r.summary)] for r in refused])
        self._set_titles([len(below), len(dead), len(aged), len(refused)])
        self.loaded = True

    def on_changed(self, area: str, _ids: list) -> None:
        if area in ("part", "purchase_order", "stock_count") and self.isVisible():
            self.reload()
