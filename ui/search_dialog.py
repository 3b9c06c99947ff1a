"""Global search (Ctrl+K): customers and vehicles (and later parts, repair orders, invoices)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import search
from ui.context import AppContext
from ui.formatting import phones_in_text
from ui.workers import Query

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class GlobalSearchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, kinds: tuple[str, ...] | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kinds = kinds
        # Asked for one record (a customer for a deal…), Enter takes it rather than opening it.
        self.choosing = False
        self.chosen: search.Hit | None = None
        self.setWindowTitle(title or self.tr("Search everything"))
        self.resize(620, 440)
        self.query = QLineEdit()
        self.query.setObjectName("globalSearch")
        self.query.setPlaceholderText(self.tr("Name, phone, plate, VIN…"))
        self.results = QListWidget()
        self.results.setObjectName("globalResults")
        self.status = QLabel(self.tr("Type at least one character."))
        self.status.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)
        self._generation = 0
        self.kind_labels = {"customer": self.tr("Customer"), "vehicle": self.tr("Vehicle"),
                            "invoice": self.tr("Invoice"), "part": self.tr("Part")}

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        self._generation += 1
        generation = self._generation
        db, actor = self.ctx.db, self.ctx.actor
        if not text.strip():
            self.results.clear()
            self.status.setText(self.tr("Type at least one character."))
            return
        Query(self, lambda: search.search(db, actor, text, limit=50, kinds=self.kinds)).success(
            lambda hits: self._show(hits, generation)).run()

    def _show(self, hits: list[search.Hit], generation: int) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for hit in hits:
            kind = self.kind_labels.get(hit.kind, hit.kind)
            detail = phones_in_text(hit.detail, self.ctx.settings.country)
            item = QListWidgetItem(f"{kind}:  {hit.title}    {detail}")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            self.status.setText(self.tr("%n result(s). Enter takes the one marked; ↓ ↑ move.", "", len(hits))
                                if self.choosing else self.tr("%n result(s). Enter opens; ↓ ↑ choose.", "", len(hits)))
        else:
            self.status.setText(self.tr("Nothing found."))

    def _enter(self) -> None:
        if self._timer.isActive():
            self.run_search()
            return
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.results.count():
                self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(HIT_ROLE)
        self.accept()

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, kinds: tuple[str, ...] | None = None,
            title: str | None = None) -> search.Hit | None:
        dialog = cls(ctx, parent, kinds=kinds, title=title)
        dialog.choosing = True
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
