"""Users: the list, a detail pane, the user editor, password reset and unlock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import NotFound, ValidationError
from services import users
from services.permissions import ROLES
from store.changes import Changes
from ui.admin.labels import language_labels, role_labels, role_name
from ui.context import AppContext
from ui.formatting import local_datetime
from ui.widgets.detail import fields, heading, paragraph
from ui.widgets.forms import FieldErrors, FormDialog, run_dialog
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Op


def role_choices(ctx: AppContext) -> dict[str, str]:
    """Every role a user can be given (code → name to show), built-in roles first. GUI thread.

    Custom roles are listed only for someone who may see roles; the built-in ones always are."""
    if ctx.can("role.admin"):
        return {r.code: role_name(r.code, r.name) for r in users.list_roles(ctx.db, ctx.actor)}
    return role_labels()


def _is_locked(user: users.UserRow) -> bool:
    return user.locked_until is not None and user.locked_until > datetime.now(UTC).replace(tzinfo=None)


def _show_status(widget: QWidget, text: str) -> None:
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 6000)


class UsersScreen(ListScreen):
    detail_tables = ("role",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.role_names = role_choices(ctx)
        builtin = role_labels()
        headers = {
            "username": self.tr("User name"), "display_name": self.tr("Name"), "role": self.tr("Role"),
            "active": self.tr("Active"), "locked_until": self.tr("Locked until"),
            "last_login_at": self.tr("Last login"),
        }
        view = ListView(
            ctx, "users", headers, noun_plural=self.tr("users"),
            empty_text=self.tr("No users yet. Press Ctrl+N to add one."),
            filters=[
                FilterSpec("role", self.tr("Role"), tuple((code, builtin[code]) for code in ROLES)),
                FilterSpec("active", self.tr("Active")),
            ],
            export_name="users",
            # The same dict object stays with the model, so renamed roles show once it is refilled.
            value_labels={"role": self.role_names},
        )
        super().__init__(ctx, self.tr("Users"), view, can_edit=ctx.can("user.admin"), parent=parent)
        for i, width in enumerate((110, 130, 165, 55, 120, 130)):
            self.list.table.setColumnWidth(i, width)
        self.current_user: users.UserRow | None = None
        self.password_button = QPushButton(self.tr("Set &password…"))
        self.password_button.setToolTip(self.tr("Give the user a new password (also unlocks the account)"))
        self.password_button.clicked.connect(self.set_password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setToolTip(self.tr("Let a user locked out by failed logins try again now"))
        self.unlock_button.clicked.connect(self.unlock)
        for button in (self.password_button, self.unlock_button):
            button.setEnabled(False)
            button.setVisible(self.can_edit)
            self.extra_buttons.addWidget(button)

    # --- detail -------------------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], users.UserRow | None]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: next((u for u in users.list_users(db, actor) if u.id == row_id), None)

    def render_detail(self, row_id: str, user: users.UserRow | None) -> str:
        if user is None:
            return paragraph(self.tr("This user no longer exists."))
        status = self.tr("Active") if user.active else self.tr("Disabled — cannot log in")
        if _is_locked(user):
            status = self.tr("Locked until %1 after failed logins").replace("%1", local_datetime(user.locked_until))
        html = [heading(user.display_name or user.username)]
        html.append(fields([
            (self.tr("User name"), user.username),
            (self.tr("Role"), self.role_names.get(user.role, user.role)),
            (self.tr("Status"), status),
            (self.tr("Language"), language_labels(with_default=True).get(user.language, user.language)),
            (self.tr("Last login"), local_datetime(user.last_login_at) if user.last_login_at else self.tr("Never")),
        ]))
        return "".join(html)

    def detail_changed(self, user: users.UserRow | None) -> None:
        self.current_user = user
        self.password_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and _is_locked(user))

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("role"):
            self.role_names.clear()
            self.role_names.update(role_choices(self.ctx))
            self.list.refresh()
        super().on_changed(changes)

    # --- actions ------------------------------------------------------------------------------
    def new_record(self) -> None:
        new_id = UserDialog.ask(self.ctx, None, self)
        if new_id:
            self.list.reload()
            self.open_record(new_id)

    def edit_record(self, row_id: str) -> None:
        UserDialog.ask(self.ctx, row_id, self)

    def set_password(self) -> None:
        user = self.current_user
        if user is not None and SetPasswordDialog.ask(self.ctx, user.id, user.username, self):
            _show_status(self, self.tr("New password set for %1.").replace("%1", user.username))

    def unlock(self) -> None:
        user = self.current_user
        if user is None:
            return
        db, actor, user_id = self.ctx.db, self.ctx.actor, user.id

        def done(_result: object) -> None:
            _show_status(self, self.tr("%1 can log in again.").replace("%1", user.username))

        self.unlock_button.setEnabled(False)
        self.op = Op(self, lambda _p, _c: users.unlock(db, actor, user_id)).success(done).run()


class UserDialog(FormDialog):
    """A new user (with a first password) or changes to an existing one. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, user_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_id = user_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit user") if user_id else self.tr("New user"))
        self.setMinimumWidth(440)

        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("As shown on screens and documents"))
        self.role = QComboBox()
        for code, name in role_choices(ctx).items():
            self.role.addItem(name, code)
        self.language = QComboBox()
        for code, name in language_labels(with_default=True).items():
            self.language.addItem(name, code)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("At least %1 characters").replace(
            "%1", str(users.MIN_PASSWORD_LENGTH)))
        self.active = QCheckBox(self.tr("&Active — may log in"))
        self.active.setChecked(True)
        for name in ("username", "display_name", "role", "language", "password", "repeat", "active"):
            getattr(self, name).setObjectName(name)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        if user_id:
            # A user name never changes (audit entries name it): shown, not edited.
            self.username_label = QLabel()
            self.username_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("User name"), self.username_label)
        else:
            self.errors.add_row("username", self.tr("&User name"), self.username)
        self.errors.add_row("display_name", self.tr("&Display name"), self.display_name)
        self.errors.add_row("role", self.tr("&Role"), self.role)
        self.errors.add_row("language", self.tr("&Language"), self.language)
        if user_id:
            self.errors.add_row("active", "", self.active)
        else:
            self.errors.add_row("password", self.tr("&Password"), self.password)
            self.errors.add_row("password_repeat", self.tr("R&epeat password"), self.repeat)
        hint = QLabel(self.tr("A change of language applies at the user's next login, and at once to your own "
                              "account."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if user_id:
            self._load(user_id)
            self.display_name.setFocus()
        else:
            self.role.setCurrentIndex(max(0, self.role.findData("salesperson")))
            self.username.setFocus()

    def _load(self, user_id: str) -> None:
        user = next((u for u in users.list_users(self.ctx.db, self.ctx.actor) if u.id == user_id), None)
        if user is None:
            raise NotFound(self.tr("This user no longer exists."))
        self.username.setText(user.username)
        self.username_label.setText(f"<b>{html_escape(user.username)}</b>")
        self.display_name.setText(user.display_name)
        if self.role.findData(user.role) < 0:
            self.role.addItem(user.role, user.role)
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.language.setCurrentIndex(max(0, self.language.findData(user.language)))
        self.active.setChecked(user.active)

    def save(self) -> None:
        self.errors.clear()
        if not self.user_id and self.password.text() != self.repeat.text():
            self.errors.show(ValidationError("password_repeat", self.tr("The two passwords differ")))
            return
        db, actor, user_id = self.ctx.db, self.ctx.actor, self.user_id
        username, display_name = self.username.text(), self.display_name.text()
        role, language = self.role.currentData(), self.language.currentData()
        password, active = self.password.text(), self.active.isChecked()

        def work() -> str:
            if user_id:
                users.update_user(db, actor, user_id, display_name=display_name, role=role, active=active,
                                  language=language)
                return user_id
            return users.create_user(db, actor, username=username, password=password, role=role,
                                     display_name=display_name, language=language)

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, user_id: str | None = None, parent: QWidget | None = None) -> str | None:
        """The id of the user saved, or None if cancelled."""
        return run_dialog(parent, lambda: cls(ctx, user_id, parent), lambda d: d.saved_id)


class SetPasswordDialog(FormDialog):
    """An administrator gives a user a new password. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, user_id: str, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_id = user_id
        self.setWindowTitle(self.tr("Set password for %1").replace("%1", username))
        self.setMinimumWidth(400)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit, name in ((self.password, "password"), (self.repeat, "repeat")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.password.setPlaceholderText(self.tr("At least %1 characters").replace(
            "%1", str(users.MIN_PASSWORD_LENGTH)))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("password", self.tr("New &password"), self.password)
        self.errors.add_row("password_repeat", self.tr("R&epeat password"), self.repeat)
        hint = QLabel(self.tr("Setting a password also unlocks the account."))
        hint.setObjectName("hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def save(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.show(ValidationError("password_repeat", self.tr("The two passwords differ")))
            return
        db, actor, user_id, password = self.ctx.db, self.ctx.actor, self.user_id, self.password.text()

        def work() -> str:
            users.set_password(db, actor, user_id, password)
            return user_id

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, user_id: str, username: str, parent: QWidget | None = None) -> bool:
        return cls(ctx, user_id, username, parent).exec() == QDialog.DialogCode.Accepted
