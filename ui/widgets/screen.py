"""A list screen: title, actions, the shared list widget and a detail pane beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from store.changes import Changes
from ui.context import AppContext
from ui.widgets.list_view import ListView


def _select_hint() -> str:
    return "<p class='hint'>" + QCoreApplication.translate("ListScreen", "Select a row to see its details.") + "</p>"


class ListScreen(QWidget):
    """Subclasses build ``self.list`` (a :class:`ListView`) and implement ``render_detail``,
    ``new_record`` and ``edit_record``. The list and the detail pane follow the change broadcast;
    ``detail_tables`` names the tables the detail pane shows besides the list's own rows."""

    detail_tables: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, title: str, list_view: ListView, *, can_edit: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = list_view
        self.can_edit = can_edit
        heading = QLabel(title)
        heading.setObjectName("screenTitle")
        self.new_button = QPushButton(QCoreApplication.translate("ListScreen", "&New"), self)
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(QCoreApplication.translate("ListScreen", "&Edit"), self)
        self.edit_button.setToolTip("F2")
        self.edit_button.clicked.connect(self._edit_current)
        self.edit_button.setEnabled(False)
        for b in (self.new_button, self.edit_button):
            b.setVisible(can_edit)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        self.extra_buttons = QHBoxLayout()
        bar.addLayout(self.extra_buttons)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)

        self.detail = QTextBrowser()
        self.detail.setObjectName("detailPane")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self.on_link)
        self.detail.setHtml(_select_hint())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 400])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.list.current_changed.connect(self._current_changed)
        self.list.activated.connect(self._activated)
        if can_edit:
            QShortcut(QKeySequence.StandardKey.New, self, self.new_record,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            QShortcut(QKeySequence("F2"), self, self._edit_current,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.current_id: str | None = None
        self.list.reload()

    def focus_default(self) -> None:
        self.list.focus_search()

    def _current_changed(self, row_id: str) -> None:
        self.current_id = row_id or None
        self.edit_button.setEnabled(bool(row_id))
        if row_id:
            self.detail.setHtml(self.render_detail(row_id))
        else:
            self.detail.setHtml(_select_hint())

    def _activated(self, row_id: str) -> None:
        if self.can_edit:
            self.edit_record(row_id)

    def _edit_current(self) -> None:
        if self.current_id:
            self.edit_record(self.current_id)

    def open_record(self, row_id: str) -> None:
        """Show one record (from global search): select it if listed, else narrow the list to it."""
        if not self.list.select_id(row_id):
            self.list.search.clear()
            self.list.reload()
            if not self.list.select_id(row_id):
                self._current_changed(row_id)
        self.list.table.setFocus()

    def on_changed(self, changes: Changes) -> None:
        ids = self.list.apply(changes)
        if not self.current_id:
            return
        if ids is None or (ids is not False and self.current_id in ids) or self.detail_changed(changes):
            self._current_changed(self.current_id)

    def detail_changed(self, changes: Changes) -> bool:
        """Whether ``changes`` alter the detail pane beyond the list's own rows: by default, whether
        they touch one of :attr:`detail_tables`."""
        return changes.touches(*self.detail_tables)

    def on_link(self, url) -> None:
        return None

    # --- for subclasses -----------------------------------------------------------------------
    def render_detail(self, row_id: str) -> str:
        raise NotImplementedError

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self, row_id: str) -> None:
        raise NotImplementedError


def html_escape(value: object) -> str:
    import html

    return html.escape("" if value is None else str(value))


def detail_table(rows: list[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th align='left'>{html_escape(k)}</th><td>{html_escape(v)}</td></tr>"
                    for k, v in rows if v not in (None, ""))
    return f"<table cellspacing='4'>{cells}</table>"
