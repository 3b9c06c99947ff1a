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
