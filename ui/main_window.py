"""The main window: area navigation, global search (Ctrl+K), status bar."""

from __future__ import annotations

import importlib
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from services import areas
from store.changes import Changes
from ui import window_state
from ui.area import Page
from ui.context import AppContext

PAGE_ROLE = Qt.ItemDataRole.UserRole + 10
HEADER_ROLE = Qt.ItemDataRole.UserRole + 11  # a section header: its area's name
SECTION_ROLE = Qt.ItemDataRole.UserRole + 12  # a page: the area it belongs to


def _pages() -> list[Page]:
    pages: list[Page] = []
    for area in areas.AREAS:
        pages.extend(importlib.import_module(f"ui.{area.name}.area").pages())
    return pages


class MainWindow(QMainWindow):
    first_list_painted = Signal()
    logout_requested = Signal()
    # The database was replaced by a backup: the program opens it again and asks for a login.
    restore_done = Signal()
    # (database path, waiting): a write on a worker thread is waiting for another program's write.
    write_waiting = Signal(object, bool)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(f"Forecourt — {ctx.settings.name}")
        self.screens: dict[str, QWidget] = {}
        self._page_shortcuts: list[QShortcut] = []

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.nav.viewport().installEventFilter(self)
        # Arrows walk the navigation (each page shows, the focus stays); Enter or Tab goes into the page.
        self.nav.installEventFilter(self)
        self.stack = QStackedWidget()
        self._build_nav()
        self.nav.currentItemChanged.connect(self._nav_changed)

        self.search_button = QPushButton(self.tr("Search everything…  Ctrl+K"))
        self.search_button.setObjectName("globalSearchButton")
        self.search_button.clicked.connect(self.open_global_search)
        QShortcut(QKeySequence("Ctrl+K"), self, self.open_global_search)

        left = QWidget()
        from PySide6.QtWidgets import QVBoxLayout

        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.search_button)
        left_layout.addWidget(self.nav, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(left)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        ctx.changed.connect(self._on_changed)
        self._restore_layout()
        first = next((i for i in range(self.nav.count()) if self.nav.item(i).data(PAGE_ROLE)), None)
        if first is not None:
            self.nav.setCurrentRow(first)
        else:
            empty = QLabel(self.tr("Your role gives you no screens yet. Ask an administrator for access."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setObjectName("emptyState")
            self.stack.addWidget(empty)

    # --- chrome -------------------------------------------------------------------------------
    def _build_nav(self) -> None:
        """The navigation of the pages this user may open, in the language installed now."""
        for shortcut in self._page_shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._page_shortcuts.clear()
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        self.pages = [p for p in _pages() if p.allowed(self.ctx)]
        current_area = None
        for page in self.pages:
            if page.area != current_area:
                header = QListWidgetItem()
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setData(HEADER_ROLE, page.area)
                header.setToolTip(self.tr("Click to show or hide this section's pages"))
                self.nav.addItem(header)
                current_area = page.area
            item = QListWidgetItem("   " + page.label)
            item.setData(PAGE_ROLE, page.key)
            item.setData(SECTION_ROLE, page.area)
            if page.shortcut:
                item.setToolTip(page.shortcut)
                self._page_shortcuts.append(
                    QShortcut(QKeySequence(page.shortcut), self, lambda key=page.key: self.show_page(key)))
            self.nav.addItem(item)

        # Folded sections are named in the language the navigation was built in: start again unfolded
        # and fold what does not fit once the rebuilt navigation is laid out.
        self._collapsed: set[str] = set()
        self._show_sections()
        QTimer.singleShot(0, self._fit_nav)

    # A section folds away when the navigation is too short for every page (the front desk's
    # 1366×768 screen with every area): its header stays, a click on it shows its pages again.
    def _show_sections(self) -> None:
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            section = item.data(HEADER_ROLE)
            if section is not None:
                item.setText(("▸ " if section in self._collapsed else "▾ ") + section.upper())
            else:
                item.setHidden(item.data(SECTION_ROLE) in self._collapsed)

    def _sections(self) -> list[str]:
        return [self.nav.item(i).data(HEADER_ROLE) for i in range(self.nav.count())
                if self.nav.item(i).data(HEADER_ROLE) is not None]

    def _current_section(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(SECTION_ROLE) if item is not None else None

    def _rows_height(self) -> int:
        return sum(self.nav.sizeHintForRow(i) + 2 for i in range(self.nav.count()) if not self.nav.item(i).isHidden())

    def _fit_nav(self) -> None:
        """Fold the sections other than the current one while the pages do not all fit."""
        if not self.nav.isVisible() or self.nav.viewport().height() <= 0:
            return
        room = self.nav.viewport().height()
        current = self._current_section()
        self._collapsed = {s for s in self._collapsed if s != current}
        self._show_sections()
        for section in reversed(self._sections()):
            if self._rows_height() <= room:
                break
            if section != current:
                self._collapsed.add(section)
                self._show_sections()

    def toggle_section(self, section: str) -> None:
        """Show a folded section's pages (folding others if there is no room), or fold it."""
        if section in self._collapsed:
            self._collapsed.discard(section)
            self._show_sections()
            room = self.nav.viewport().height()
            current = self._current_section()
            for other in reversed(self._sections()):
                if self._rows_height() <= room:
                    break
                if other not in (section, current):
                    self._collapsed.add(other)
                    self._show_sections()
            if self._rows_height() > room and current not in (None, section):
                # Still too long with the others folded: the open page's section folds too (the page
                # itself stays open), so every header stays on screen.
                self._collapsed.add(current)
                self._show_sections()
        elif section != self._current_section():
            self._collapsed.add(section)
            self._show_sections()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.nav.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            item = self.nav.itemAt(event.position().toPoint())
            if item is not None and item.data(HEADER_ROLE) is not None:
                self.toggle_section(item.data(HEADER_ROLE))
                return True
        if watched is self.nav.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            # A page clicked in the navigation is opened to work in, as a shortcut opens it.
            item = self.nav.itemAt(event.position().toPoint())
            if item is not None and item.data(PAGE_ROLE) and item is self.nav.currentItem():
                self.focus_page()
        if watched is self.nav and event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab) and self.focus_page():
                return True
            if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
                # The first and last rows are section headers nobody can select: Home and End go to
                # the first and last page shown instead.
                rows = [i for i in range(self.nav.count()) if self.nav.item(i).data(PAGE_ROLE)
                        and not self.nav.item(i).isHidden()]
                if rows:
                    self.nav.setCurrentRow(rows[0] if event.key() == Qt.Key.Key_Home else rows[-1])
                return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_nav()

    def _restore_layout(self) -> None:
        """Where this user left the window, else a size that fits the screen."""
        user = self.ctx.actor.username
        geometry = window_state.load(user, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(window_state.first_size(self))
        state = window_state.load(user, "window/state")
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        """Remember the window and the splitters of the screens opened, for this user. GUI thread."""
        values = {"window/geometry": self.saveGeometry(), "window/state": self.saveState()}
        for key, widget in self.screens.items():
            splitter = getattr(widget, "splitter", None)
            if splitter is not None:
                values[f"splitter/{key}"] = splitter.saveState()
        window_state.save(self.ctx.actor.username, values)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        act = QAction(self.tr("Change &password…"), self)
        act.triggered.connect(self.change_password)
        file_menu.addAction(act)
        from ui.imports import available_kinds

        if available_kinds(self.ctx):
            act = QAction(self.tr("&Import from a file…"), self)
            act.setObjectName("importAction")
            act.triggered.connect(self.import_file)
            file_menu.addAction(act)
        if self.ctx.can("backup.run"):
            act = QAction(self.tr("&Back up now"), self)
            act.setShortcut(QKeySequence("Ctrl+Shift+B"))
            act.triggered.connect(self.backup_now)
            file_menu.addAction(act)
            act = QAction(self.tr("&Restore from a backup…"), self)
            act.setObjectName("restoreAction")
            act.triggered.connect(self.restore_backup)
            file_menu.addAction(act)
        file_menu.addSeparator()
        act = QAction(self.tr("&Log out"), self)
        act.setShortcut(QKeySequence("Ctrl+Shift+L"))
        act.triggered.connect(self.log_out)
        file_menu.addAction(act)
        act = QAction(self.tr("&Quit"), self)
        act.setShortcut(QKeySequence.StandardKey.Quit)
        act.triggered.connect(self.close)
        file_menu.addAction(act)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        act = QAction(self.tr("&About Forecourt"), self)
        act.triggered.connect(self.about)
        help_menu.addAction(act)

    def import_file(self) -> None:
        """File → Import from a file: any area's import the user may run."""
        from ui.imports import ImportDialog

        ImportDialog.ask(self.ctx, self)

    def _show_write_wait(self, _path: object, waiting: bool) -> None:
        if waiting:
            self.statusBar().showMessage(self.tr("Waiting for another program to finish writing…"))
        else:
            self.statusBar().clearMessage()

    def _build_status_bar(self) -> None:
        from store.database import on_write_wait

        self.write_waiting.connect(self._show_write_wait)
        # The listener is called on the waiting worker thread; the signal brings it to this one.
        self._stop_write_wait = on_write_wait(self.write_waiting.emit)
        self.destroyed.connect(lambda *_: self._stop_write_wait())
        bar = self.statusBar()
        self.user_label = QLabel()
        self.terminal_label = QLabel()
        self._status_texts()
        self.db_label = QLabel(str(self.ctx.db.path.name))
        self.db_label.setToolTip(str(self.ctx.db.path))
        for w in (self.user_label, self.terminal_label, self.db_label):
            bar.addPermanentWidget(w)

    def _status_texts(self) -> None:
        from ui.admin.labels import role_name

        actor = self.ctx.actor
        self.user_label.setText(self.tr("User: %1 (%2)").replace("%1", actor.display_name or actor.username)
                                .replace("%2", role_name(actor.role)))
        self.terminal_label.setText(self.tr("Terminal: %1").replace("%1", actor.terminal))

    # --- language -----------------------------------------------------------------------------
    def session_language(self) -> str:
        """The language this session should show: the user's own, else the dealership's."""
        return self.ctx.actor.language or self.ctx.settings.language or "en"

    def _follow_language(self) -> None:
        """Switch to the session's language if a saved change altered it; while a dialog is open the
        switch waits until the last one is closed. GUI thread."""
        from ui import i18n

        language = self.session_language()
        if language == i18n.current():
            return
        waiting = self._open_dialogs()
        if waiting:
            # A dialog holds what is being typed, and the screens rebuilt in the new language include the
            # one it belongs to: switching under it would lose the input, half-translated. It comes first.
            for dialog in waiting:
                if not dialog.property("languageWaits"):
                    dialog.setProperty("languageWaits", True)
                    dialog.finished.connect(lambda _result: QTimer.singleShot(0, self._follow_language))
            self.statusBar().showMessage(self.tr("The new language is shown once the open dialog is closed."))
            return
        i18n.install(language)
        # After the caller's own reaction to the save (it may be one of the screens rebuilt).
        QTimer.singleShot(0, self.retranslate)

    @staticmethod
    def _open_dialogs() -> list[QDialog]:
        """The dialogs on screen, modal or not (progress dialogs pass by themselves and do not count)."""
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and not isinstance(w, QProgressDialog) and w.isVisible()]

    def _reread_own_language(self) -> None:
        from services import users
        from ui.workers import Query

        db, actor = self.ctx.db, self.ctx.actor

        def mine() -> str | None:
            return next((u.language for u in users.list_users(db, actor) if u.id == actor.user_id), None)

        def got(language: str | None) -> None:
            if language is not None and language != self.ctx.actor.language:
                self.ctx.actor = replace(self.ctx.actor, language=language)
                self._follow_language()

        Query(self, mine).success(got).run()

    def retranslate(self) -> None:
        """Show the window in the language installed now: navigation, menus, status bar, and the
        screens, which are made again; the current page and its selected record stay. GUI thread."""
        current = self.stack.currentWidget()
        key = next((k for k, w in self.screens.items() if w is current), None)
        selected = getattr(current, "current_id", None)
        self.save_layout()
        for widget in self.screens.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.screens.clear()
        self._build_nav()
        self.menuBar().clear()
        self._build_menus()
        self._status_texts()
        self.search_button.setText(self.tr("Search everything…  Ctrl+K"))
        if key is None:
            key = next((p.key for p in self.pages), None)
        if key is not None:
            widget = self.show_page(key)
            opener = getattr(widget, "open_record", None)
            if selected and callable(opener):
                opener(selected)
        self.statusBar().showMessage(self.tr("Language changed."), 5000)

    # --- navigation ---------------------------------------------------------------------------
    def _nav_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        key = current.data(PAGE_ROLE)
        if key:
            # Walking the navigation with the arrows shows each page but keeps the focus in the
            # navigation, so the next arrow goes on; Enter or Tab then goes into the page.
            self.show_page(key, focus=not self.nav.hasFocus())

    def screen(self, key: str) -> QWidget:
        if key not in self.screens:
            page = next(p for p in self.pages if p.key == key)
            widget = page.factory(self.ctx)
            self.screens[key] = widget
            splitter = getattr(widget, "splitter", None)
            saved = window_state.load(self.ctx.actor.username, f"splitter/{key}")
            if splitter is not None and saved is not None:
                splitter.restoreState(saved)
            self.stack.addWidget(widget)
        return self.screens[key]

    def show_page(self, key: str, *, focus: bool = True) -> QWidget | None:
        """Show the page ``key`` (None if this user has no such page) and, with ``focus``, put the
        focus where work on it starts. GUI thread."""
        if not any(p.key == key for p in self.pages):
            return None
        widget = self.screen(key)
        self.stack.setCurrentWidget(widget)
        for i in range(self.nav.count()):
            if self.nav.item(i).data(PAGE_ROLE) == key and self.nav.currentRow() != i:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(i)
                self.nav.blockSignals(False)
        if self._current_section() in self._collapsed:
            self._fit_nav()
        if focus:
            self.focus_page()
        return widget

    def focus_page(self) -> bool:
        """Put the focus where work on the page shown starts (its ``focus_default``, else its first
        control); False if there is no page. GUI thread."""
        widget = self.stack.currentWidget()
        if widget is None or widget not in self.screens.values():
            return False
        default = getattr(widget, "focus_default", None)
        if callable(default):
            default()
        focused = QApplication.focusWidget()
        if focused is None or not widget.isAncestorOf(focused):
            # No default, or it could not take the focus (hidden while the page is empty or loading):
            # the page's first control takes it, so the keys typed next land in the page.
            first = next((w for w in widget.findChildren(QWidget)
                          if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(widget)
                          and w.isEnabled()), None)
            (first or widget).setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def open_record(self, kind: str, ref_id: str) -> None:
        """Show a record found by global search in its own screen."""
        page = {"customer": "customers", "vehicle": "vehicles", "invoice": "invoices",
                "part": "parts", "repair_order": "repair_orders", "vehicle_history": "vehicle_history"}.get(kind)
        if page is None:
            return
        widget = self.show_page(page)
        if widget is not None:
            widget.open_record(ref_id)

    def open_global_search(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self)
        if hit is not None:
            self.open_record(hit.kind, hit.ref_id)

    def _on_changed(self, changes: Changes) -> None:
        for widget in self.screens.values():
            handler = getattr(widget, "on_changed", None)
            if callable(handler):
                handler(changes)
        if changes.touches("setting", "terminal"):
            self.setWindowTitle(f"Forecourt — {self.ctx.settings.name}")
            self.terminal_label.setText(self.tr("Terminal: %1").replace("%1", self.ctx.actor.terminal))
        if changes.touches("setting"):
            self._follow_language()
        own = changes.ids("user_account")
        if changes.touches("user_account") and self.ctx.can("user.admin") and self.ctx.actor.user_id and (
                own is None or self.ctx.actor.user_id in own):
            self._reread_own_language()

    # --- actions ------------------------------------------------------------------------------
    def change_password(self) -> None:
        from ui.login import ChangePasswordDialog

        if ChangePasswordDialog.ask(self.ctx.db, self.ctx.actor, self):
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def backup_now(self) -> None:
        from services import backups
        from ui.workers import Op

        db, actor = self.ctx.db, self.ctx.actor

        def work(progress, cancel):
            return backups.backup_now(db, actor, progress=progress, cancel=cancel)

        Op(self, work, title=self.tr("Backing up")).success(
            lambda path: self.statusBar().showMessage(self.tr("Backup written to %1").replace("%1", str(path)),
                                                      8000)).run()

    def restore_backup(self) -> None:
        from ui.restore import RestoreDialog

        safety = RestoreDialog.ask(self.ctx, self)
        if safety is not None:
            self.after_restore(safety)

    def after_restore(self, safety: str) -> None:
        """The backup is in place: say so, then end the session so the program reopens the database."""
        text = self.tr("The backup was restored.")
        if safety:
            text += "\n\n" + self.tr("The data as it was before the restore is kept as %1.").replace("%1", safety)
        QMessageBox.information(self, self.tr("Restore a backup"), text + "\n\n" + self.tr("Please log in again."))
        self.restore_done.emit()
        self.close()

    def log_out(self) -> None:
        self.logout_requested.emit()
        self.close()

    def about(self) -> None:
        from core import __version__

        QMessageBox.about(self, self.tr("About Forecourt"),
                          self.tr("Forecourt %1 — dealer management for one dealership, offline first.")
                          .replace("%1", __version__) + f"\n\n{self.ctx.db.path}")

    def closeEvent(self, event: QCloseEvent) -> None:
        from ui.workers import wait_for_all

        wait_for_all(60000)
        self.save_layout()
        self._stop_write_wait()
        super().closeEvent(event)
