"""Login and change-password dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.actor import Actor
from core.errors import AuthenticationFailed, DomainError, ValidationError
from services import users
from store.database import Database
from ui.errors import show_error
from ui.messages import error_text
from ui.widgets.forms import FieldErrors


class LoginDialog(QDialog):
    def __init__(self, db: Database, *, dealership: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Forecourt — log in"))
        self.setMinimumWidth(360)
        title = QLabel(dealership or "Forecourt")
        title.setObjectName("loginTitle")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def try_login(self) -> None:
        try:
            self.actor = users.login(self.db, self.username.text(), self.password.text())
        except AuthenticationFailed as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.accept()

    @classmethod
    def ask(cls, db: Database, *, dealership: str = "", parent: QWidget | None = None) -> Actor | None:
        dialog = cls(db, dealership=dealership, parent=parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for w, name in ((self.old, "old_password"), (self.new, "new_password"), (self.repeat, "repeat")):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setObjectName(name)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("old_password", self.tr("&Current password"), self.old)
        self.errors.add_row("new_password", self.tr("&New password"), self.new)
        self.errors.add_row("repeat", self.tr("&Repeat new password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.new.text() != self.repeat.text():
            self.errors.show(ValidationError("repeat", self.tr("The two new passwords differ")))
            return
        try:
            users.change_password(self.db, self.actor, self.old.text(), self.new.text())
        except ValidationError as exc:
            if not self.errors.show(exc):
                show_error(self, exc)
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.accept()

    @classmethod
    def ask(cls, db: Database, actor: Actor, parent: QWidget | None = None) -> bool:
        return cls(db, actor, parent).exec() == QDialog.DialogCode.Accepted
