"""A list screen: title, actions, the shared list widget and a detail pane beside it.

The detail pane of the selected row is read on the database worker (:class:`ui.workers.Query`),
never on the GUI thread: moving through a long list stays smooth however slow a record is to read,
and an answer that comes back after the selection has moved on is dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from store.changes import Changes
from ui.context import AppContext
from ui.messages import detail_text, service_text
from ui.widgets.detail import DetailPane, esc, paragraph
from ui.widgets.list_view import ListView
from ui.workers import Op, Query

log = logging.getLogger(__name__)

# A pane still showing the previous row this long after the selection moved is cleared, so it never
# passes for the new row's; quicker answers replace it without a flash of emptiness.
STALE_PANE_MS = 250


def _select_hint() -> str:
    return paragraph(QCoreApplication.translate("ListScreen", "Select a row to see its details."), hint=True)


class ListScreen(QWidget):
    """Subclasses build ``self.list`` (a :class:`ListView`) and implement ``read_detail``,
    ``render_detail``, ``new_record`` and ``edit_record``; ``detail_changed`` keeps what they
    remember of the shown record (and the buttons that depend on it) in step with the pane. The list
    and the pane follow the change broadcast; ``detail_tables`` names the tables the pane shows
    besides the list's own rows."""

    detail_tables: tuple[str, ...] = ()
    # The pane shows the details of this row now (or why it cannot).
    detail_shown = Signal(str)

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
        # Buttons that act on the current row: enabled only while there is one (needs_selection()).
        self.selection_buttons: list[QPushButton] = [self.edit_button]
        for b in (self.new_button, self.edit_button):
            b.setVisible(can_edit)
        if not can_edit:
            # The usual empty text says to press Ctrl+N, which does nothing for this user.
            self.list.empty_text = QCoreApplication.translate("ListScreen", "Nothing here yet.")
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        self.extra_buttons = QHBoxLayout()
        bar.addLayout(self.extra_buttons)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)

        self.detail = DetailPane()
        self.detail.anchorClicked.connect(self.on_link)
        self.detail.setHtml(_select_hint())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        # The list gets the room it needs for its columns on a 1366-pixel screen; the pane, which
        # wraps between words, reads well from about 340 pixels.
        self.splitter.setStretchFactor(0, 7)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([900, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.list.current_changed.connect(self._current_changed)
        self.list.activated.connect(self._activated)
        if can_edit:
            QShortcut(QKeySequence.StandardKey.New, self, self.new_record,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            QShortcut(QKeySequence("F2"), self, self._edit_current,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.current_id: str | None = None
        self.detail_query: Query | None = None
        self._detail_serial = 0
        self._shown_id: str | None = None  # the row whose details the pane shows, and what they are
        self._shown_data: Any = None
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(STALE_PANE_MS)
        self._stale_timer.timeout.connect(self.detail.clear)
        self.list.reload()

    def focus_default(self) -> None:
        self.list.focus_search()

    def export(self) -> Op | None:
        """Ask for a file and export the list as shown (Ctrl+E). GUI thread."""
        return self.list.export()

    def export_to(self, path: str) -> Op:
        return self.list.export_to(path)

    def needs_selection(self, *buttons: QPushButton) -> None:
        """Enable ``buttons`` only while a row is current (Delete without a selection does nothing)."""
        for button in buttons:
            button.setEnabled(self.current_id is not None)
            self.selection_buttons.append(button)

    def _current_changed(self, row_id: str) -> None:
        self.current_id = row_id or None
        for button in self.selection_buttons:
            button.setEnabled(bool(row_id))
        self.load_detail()

    def load_detail(self) -> Query | None:
        """Read the current row's details on the database worker and show them when they arrive,
        unless the selection has moved on by then. Until then a different row's details are no longer
        offered (``detail_changed(None)``); the same row's stay while they are read again. Returns the
        query, None when no row is selected. GUI thread."""
        self._detail_serial += 1
        serial, row_id = self._detail_serial, self.current_id
        if row_id != self._shown_id:
            self._shown_id, self._shown_data = None, None
        # Said again for the same row too: the buttons it enables may have been reset meanwhile.
        self.detail_changed(self._shown_data)
        if not row_id:
            self._stale_timer.stop()
            self.detail.setHtml(_select_hint())
            self.detail_query = None
            return None
        if self._shown_id is None:
            self._stale_timer.start()
        self.detail_query = Query(self, self.read_detail(row_id)).success(
            lambda data: self._detail_arrived(serial, row_id, data)).failure(
            lambda exc: self._detail_failed(serial, row_id, exc)).run()
        return self.detail_query

    def _is_late(self, serial: int) -> bool:
        # The screen may have been closed while the worker read.
        return serial != self._detail_serial or not shiboken6.isValid(self)

    def _detail_arrived(self, serial: int, row_id: str, data: Any) -> None:
        if self._is_late(serial):
            return
        self._stale_timer.stop()
        self.detail.setHtml(self.render_detail(row_id, data))
        self._shown_id, self._shown_data = row_id, data
        self.detail_changed(data)
        self.detail_shown.emit(row_id)

    def _detail_failed(self, serial: int, row_id: str, exc: BaseException) -> None:
        if self._is_late(serial):
            log.info("details of %s no longer wanted; their read failed: %r", row_id, exc)
            return
        self._stale_timer.stop()
        self._shown_id, self._shown_data = None, None
        self.detail_changed(None)
        if isinstance(exc, DomainError):
            # Deleted meanwhile, or not the user's to see: said in the pane, where the details would be.
            text = detail_text(exc) if isinstance(exc, ValidationError) else service_text(exc.message)
            self.detail.setHtml(paragraph(text))
            self.detail_shown.emit(row_id)
            return
        self.detail.clear()
        from ui.errors import show_error

        show_error(self, exc)

    def _activated(self, row_id: str) -> None:
        if self.can_edit:
            self.edit_record(row_id)

    def _edit_current(self) -> None:
        if self.current_id:
            self.edit_record(self.current_id)

    def open_record(self, row_id: str) -> None:
        """Show exactly this record (from global search or a link): select it where the list shows
        it; if the search or the filters hide it, clear them and select it; the detail pane shows it
        in any case."""
        if not self.list.select_id(row_id):
            self.list.clear_search_and_filters()
            if not self.list.select_id(row_id):
                self._current_changed(row_id)
        self.list.table.setFocus()

    def on_changed(self, changes: Changes) -> None:
        ids = self.list.apply(changes)
        if not self.current_id:
            return
        if ids is None or (ids is not False and self.current_id in ids) or changes.touches(*self.detail_tables):
            self.load_detail()

    def on_link(self, url) -> None:
        """A link in the pane ("customer:<id>", "repair-order:<id>" …) opens that record in its own screen
        (a URL scheme has no underscores: a kind's are written as dashes)."""
        kind, _, ref = url.toString().partition(":")
        window = self.window()
        if ref and hasattr(window, "open_record"):
            window.open_record(kind.replace("-", "_"), ref)

    # --- for subclasses -----------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], Any]:
        """A function that reads what the pane shows of ``row_id`` as plain data. It runs on the
        database worker, so it must use the database and the actor, never a widget."""
        raise NotImplementedError

    def render_detail(self, row_id: str, data: Any) -> str:
        """The pane's HTML for the data ``read_detail`` read. GUI thread."""
        raise NotImplementedError

    def detail_changed(self, data: Any | None) -> None:
        """The pane now shows ``data``, or (None) no record's details any more. GUI thread."""
        return None

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self, row_id: str) -> None:
        raise NotImplementedError


# The pane's text escaping, under the name the screens know it by.
html_escape = esc
