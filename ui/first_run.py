"""First start without a database: create demo data or an empty database with its first owner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from services import users
from services.permissions import system_actor
from services.setup import os_user
from store.database import Database
from ui.errors import show_error
from ui.widgets.forms import FieldErrors


def ask_how_to_start(path: str, parent: QWidget | None = None) -> str:
    """'demo', 'empty' or '' (cancel)."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("FirstRun", "Welcome to Forecourt"))
    box.setText(QCoreApplication.translate("FirstRun", "There is no database at %1 yet.").replace("%1", path))
    box.setInformativeText(QCoreApplication.translate(
        "FirstRun", "Start with demo data to try Forecourt out, or with an empty database "
                                           "for your dealership."))
    demo = box.addButton(QCoreApplication.translate("FirstRun", "Demo data"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QCoreApplication.translate("FirstRun", "Empty database"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "demo" if clicked is demo else "empty" if clicked is empty else ""


class FirstOwnerDialog(QDialog):
    """Create the first owner account of an empty database."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.username_value = ""
        self.setWindowTitle(self.tr("Create the owner account"))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("username", self.tr("&User name"), self.username)
        self.errors.add_row("display_name", self.tr("&Full name"), self.display_name)
        self.errors.add_row("password", self.tr("&Password"), self.password)
        self.errors.add_row("repeat", self.tr("&Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This account can do everything, including adding other users.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.errors.show(ValidationError("repeat", self.tr("The two passwords differ")))
            return
        try:
            users.create_user(self.db, system_actor(os_user()), username=self.username.text(),
                              password=self.password.text(), role="owner", display_name=self.display_name.text())
        except ValidationError as exc:
            if not self.errors.show(exc):
                show_error(self, exc)
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.username_value = self.username.text().strip().lower()
        self.accept()
