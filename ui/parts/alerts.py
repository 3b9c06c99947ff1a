"""Stock alerts: parts below their minimum, dead stock, aged stock and refused negative-stock
attempts, one tab each. Every tab is the one list widget over the alert's list, so it is searched,
sorted and exported like every other list; Enter on a part opens it in the parts screen."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from services.parts import alerts
from store.changes import Changes
from ui.context import AppContext
from ui.widgets.forms import hint_label
from ui.widgets.list_view import ListView
from ui.workers import Op


class StockAlertsScreen(QWidget):
    """Read-only; each list is read when the screen opens, on Refresh (F5 in a list) and when parts,
    orders or counts change."""


    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        heading = QLabel(self.tr("Stock alerts"))
        heading.setObjectName("screenTitle")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the alerts again"))
        self.refresh_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)

        part = {"brand": self.tr("Brand"), "part_number": self.tr("Part number"),
                "description": self.tr("Description"), "bin": self.tr("Bin"), "on_hand": self.tr("On hand")}
        self.below = self._list(alerts.BELOW_MINIMUM.name, {
            **part, "available": self.tr("Available"), "min_qty": self.tr("Minimum"), "short_by": self.tr("Short by")},
            self.tr("No part is below its minimum."), "stock_below_minimum")
        self.dead = self._list(alerts.DEAD_STOCK.name, {**part, "last_movement_on": self.tr("Last movement")},
                               self.tr("No dead stock."), "dead_stock")
        self.aged = self._list(alerts.AGED_STOCK.name, {**part, "last_receipt_on": self.tr("Last receipt")},
                               self.tr("No aged stock."), "aged_stock")
        self.refused = self._list(alerts.NEGATIVE_ATTEMPTS.name, {
            "at": self.tr("When"), "actor": self.tr("User"), "part_number": self.tr("Part number"),
            "summary": self.tr("What was refused")}, self.tr("No movement has been refused."), "negative_stock")
        self.lists = [self.below, self.dead, self.aged, self.refused]
        for view in (self.below, self.dead, self.aged):
            view.activated.connect(self.open_part)

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
        for i, (view, hint) in enumerate(zip(self.lists, hints, strict=True)):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(hint_label(hint))
            layout.addWidget(view, 1)
            self.tabs.addTab(page, self.tab_titles[i])
            view.counted.connect(lambda n, i=i: self.tabs.setTabText(i, f"{self.tab_titles[i]} ({n})"))
        self.tabs.currentChanged.connect(lambda _i: self.focus_default())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def _list(self, source: str, headers: dict[str, str], empty: str, export_name: str) -> ListView:
        view = ListView(self.ctx, source, headers, noun_plural=self.tr("alerts"), empty_text=empty,
                        export_name=export_name)
        view.setObjectName(source)
        return view

    def focus_default(self) -> None:
        self.lists[self.tabs.currentIndex()].focus_search()

    def export(self) -> Op | None:
        return self.lists[self.tabs.currentIndex()].export()

    def export_to(self, path: str) -> Op:
        """Write the alert list of the tab shown, as shown, to ``path``."""
        return self.lists[self.tabs.currentIndex()].export_to(path)

    def reload(self) -> None:
        """Read every list again (their counts on the database worker); GUI thread."""
        for view in self.lists:
            view.reload()

    def open_part(self, part_id: str) -> None:
        window = self.window()
        if hasattr(window, "open_record"):
            window.open_record("part", part_id)

    def on_changed(self, changes: Changes) -> None:
        shown = ("part", "part_stock", "stock_movement", "purchase_order", "stock_count")
        if changes.touches(*shown) and self.isVisible():
            self.reload()
