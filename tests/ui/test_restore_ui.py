"""File → Restore…: a backup replaces the database, with the checks of `forecourt backup restore`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text

from core.errors import PermissionDenied
from services import backups, customers
from ui.restore import RestoreDialog


def _names(db) -> list[str]:
    with db.read() as conn:
        return sorted(conn.execute(text("SELECT name FROM customer")).scalars())


def _safety_copies(db) -> list:
    return [b for b in backups.list_backups(db.path.parent / "backups") if b.reason == backups.SAFETY_REASON]


def test_restore_from_the_file_menu_brings_back_the_backup_after_a_safety_copy(
        qtbot, db, owner, window, show, settle, messages):
    customers.create(db, owner, customers.CustomerInput(name="Before the backup"))
    backup = backups.create_backup(db, reason="manual")
    customers.create(db, owner, customers.CustomerInput(name="After the backup"))
    restore_action = window.findChild(QAction, "restoreAction")
    assert restore_action is not None and restore_action.isEnabled()

    dialog = show(RestoreDialog(window.ctx, window))
    settle()
    assert dialog.table.rowCount() == 1 and dialog.selected_path() == backup
    assert dialog.table.item(0, 1).text() == "Backed up by hand"

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle()

    assert messages.kinds() == ["question"] and "replace all the data" in messages.shown[0].text.lower()
    assert dialog.result() == dialog.DialogCode.Accepted
    [safety] = _safety_copies(db)
    assert dialog.restored == str(safety.path)
    assert _names(db) == ["Before the backup"]

    with qtbot.waitSignal(window.restore_done):
        window.after_restore(dialog.restored)
    assert messages.kinds() == ["question", "information"]
    assert str(safety.path) in messages.shown[1].text


def test_a_damaged_file_is_refused_with_the_reason_and_nothing_changes(
        qtbot, db, owner, window, show, settle, messages, monkeypatch, tmp_path):
    customers.create(db, owner, customers.CustomerInput(name="Kept"))
    junk = tmp_path / "forecourt-20260101-120000-manual.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(junk), "")))

    dialog = show(RestoreDialog(window.ctx, window))
    settle()
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_path() == junk
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle()

    assert messages.kinds() == ["warning"]
    assert "not a SQLite database" in messages.shown[0].text
    assert dialog.restored is None and dialog.isVisible()
    assert _names(db) == ["Kept"] and _safety_copies(db) == []


def test_a_foreign_sqlite_file_is_refused(qtbot, db, owner, window, show, settle, messages, monkeypatch, tmp_path):
    import sqlite3

    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(foreign), "")))
    dialog = show(RestoreDialog(window.ctx, window))
    settle()
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle()

    assert messages.kinds() == ["warning"] and "not a Forecourt database" in messages.shown[0].text
    assert _safety_copies(db) == []


def test_users_without_the_backup_permission_have_no_restore_and_the_service_refuses_them(
        db, owner, actor_for, ctx_for, show, settle):
    from ui.main_window import MainWindow

    backup = backups.create_backup(db, reason="manual")
    viewer = actor_for("read_only")
    window = show(MainWindow(ctx_for("read_only")))
    settle()
    assert window.findChild(QAction, "restoreAction") is None
    with pytest.raises(PermissionDenied):
        backups.restore_backup(db.path, backup, actor=viewer)
    assert _safety_copies(db) == []


def test_after_a_restore_the_program_logs_in_again_on_the_restored_data(
        qtbot, db, db_path, owner, monkeypatch, messages, when_modal):
    """The whole of File → Restore… as the program runs it (app.gui.main): restore a backup made by
    the service, the session ends, the program opens the restored file afresh, asks for a login and
    shows the data as it was in the backup."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    import app.logging_setup
    import ui.errors
    from app import gui
    from tests.conftest import OWNER_PASSWORD
    from ui.customers.screen import CustomersScreen
    from ui.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.restore import PATH_ROLE
    from ui.workers import wait_for_all

    customers.create(db, owner, customers.CustomerInput(name="Before the backup"))
    backup = backups.create_backup(db, reason="manual")
    customers.create(db, owner, customers.CustomerInput(name="After the backup"))
    monkeypatch.setenv("FORECOURT_PASSWORD", OWNER_PASSWORD)
    # The test's own error reporting and log handlers stay in place.
    monkeypatch.setattr(ui.errors, "install_excepthook", lambda: None)
    monkeypatch.setattr(app.logging_setup, "configure_logging", lambda *a, **k: db_path.parent / "log.txt")

    def settle() -> None:
        wait_for_all(20000)
        QApplication.processEvents()

    def restore(dialog: RestoreDialog) -> None:
        qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1)
        # The daily backup made at start is newer and listed first: choose the one made above.
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).data(PATH_ROLE) == str(backup))
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        # Checked, asked, then restored on the database worker: the dialog closes once it is done.
        qtbot.waitUntil(lambda: dialog.restored is not None, timeout=20000)

    def log_in(dialog: LoginDialog) -> None:
        dialog.username.setText("owner")
        dialog.password.setText(OWNER_PASSWORD)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    sessions: list[MainWindow] = []
    shown_after: list[list[str]] = []

    def customers_listed(window: MainWindow) -> list[str]:
        screen = window.show_page("customers")
        assert isinstance(screen, CustomersScreen)
        settle()
        model = screen.list.model
        col = [c.key for c in model.columns].index("name")
        return sorted(model.data(model.index(r, col)) for r in range(model.rowCount()))

    failures: list[BaseException] = []

    def drive() -> None:
        try:
            step()
        except BaseException as exc:  # noqa: BLE001 - reported below, after the program has ended
            failures.append(exc)
            for w in QApplication.topLevelWidgets():
                w.close()
            QApplication.quit()

    def step() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                       and w.isVisible() and not w.property("seen")), None)
        if window is None:
            QTimer.singleShot(20, drive)
            return
        window.setProperty("seen", True)
        sessions.append(window)
        if len(sessions) == 1:
            assert customers_listed(window) == ["After the backup", "Before the backup"]
            when_modal(RestoreDialog, restore)
            when_modal(LoginDialog, log_in)
            QTimer.singleShot(20, drive)
            window.restore_backup()
        else:
            shown_after.append(customers_listed(window))
            window.close()

    QTimer.singleShot(0, drive)
    ended = gui.main(db_path, user="owner")
    if failures:
        raise failures[0]
    assert ended == 0
    assert len(sessions) == 2, "the program came back with a login after the restore"
    assert shown_after == [["Before the backup"]], "the new session shows the restored data"
    assert messages.kinds() == ["question", "information"]
    assert "log in again" in messages.shown[1].text
    assert len(_safety_copies(db)) == 1
