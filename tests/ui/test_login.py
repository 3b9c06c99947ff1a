"""The login dialog, driven by typing into it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from services import users
from tests.conftest import OWNER_PASSWORD
from ui.login import LoginDialog


def _log_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_shows_the_message_and_keeps_the_dialog_open(qtbot, db, show):
    dialog = show(LoginDialog(db, dealership="Pudong Motors"))

    _log_in(qtbot, dialog, "owner", "not-the-password")

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Wrong user name or password"
    assert dialog.password.text() == ""
    assert dialog.password.hasFocus()


def test_unknown_user_gets_the_same_message_as_a_wrong_password(qtbot, db, show):
    dialog = show(LoginDialog(db))

    _log_in(qtbot, dialog, "nobody", OWNER_PASSWORD)

    assert dialog.isVisible()
    assert dialog.message.text() == "Wrong user name or password"


def test_right_password_accepts_and_sets_the_actor(qtbot, db, show):
    dialog = show(LoginDialog(db))

    _log_in(qtbot, dialog, "owner", OWNER_PASSWORD)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert dialog.actor is not None
    assert dialog.actor.username == "owner"
    assert dialog.actor.can("user.admin")


def test_a_second_try_after_a_typo_logs_in(qtbot, db, show):
    dialog = show(LoginDialog(db))

    _log_in(qtbot, dialog, "owner", "typo")
    _log_in(qtbot, dialog, "owner", OWNER_PASSWORD)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "owner"


def test_ask_returns_the_logged_in_actor(qtbot, db, when_modal):
    when_modal(LoginDialog, lambda d: _log_in(qtbot, d, "OWNER ", OWNER_PASSWORD))

    actor = LoginDialog.ask(db)

    assert actor is not None
    assert actor.username == "owner"


def test_ask_returns_none_when_cancelled(qtbot, db, when_modal):
    when_modal(LoginDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))

    assert LoginDialog.ask(db) is None


def test_five_wrong_passwords_lock_the_account(qtbot, db, show):
    dialog = show(LoginDialog(db))

    for _ in range(users.MAX_FAILED_LOGINS - 1):
        _log_in(qtbot, dialog, "owner", "wrong-password")
        assert dialog.message.text() == "Wrong user name or password"
    _log_in(qtbot, dialog, "owner", "wrong-password")

    assert dialog.isVisible()
    assert "locked" in dialog.message.text()
    assert dialog.actor is None

    _log_in(qtbot, dialog, "owner", OWNER_PASSWORD)

    assert dialog.isVisible()
    assert dialog.actor is None
    assert "locked" in dialog.message.text()
