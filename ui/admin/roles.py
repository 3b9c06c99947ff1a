"""Roles: the list, the permissions of a role, and a checklist editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.errors import NotFound
from services import users
from services.permissions import PERMISSIONS, ROLES
from ui.admin.labels import permission_groups, permission_labels, role_labels, role_name
from ui.context import AppContext
from ui.errors import show_error
from ui.widgets.detail import fields, heading, paragraph
from ui.widgets.forms import FieldErrors, FormDialog, run_dialog
from ui.widgets.list_view import ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Op


def _grouped_permissions() -> dict[str, list[str]]:
    """Permission codes by the area before the dot, in the order the service lists them."""
    groups: dict[str, list[str]] = {}
    for code in PERMISSIONS:
        groups.setdefault(code.split(".")[0], []).append(code)
    return groups


def _find_role(ctx: AppContext, code: str) -> users.RoleRow | None:
    return next((r for r in users.list_roles(ctx.db, ctx.actor) if r.code == code), None)


class RolesScreen(ListScreen):
    detail_tables = ("role_permission",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "code": self.tr("Code"), "name": self.tr("Name"), "builtin": self.tr("Built-in"),
            "permissions": self.tr("Permissions"), "users": self.tr("Users"),
        }
        translated = role_labels()
        view = ListView(
            ctx, "roles", headers, noun_plural=self.tr("roles"),
            empty_text=self.tr("No roles yet. Press Ctrl+N to add one."),
            export_name="roles",
            # Built-in roles are stored with their English name; show it in the user's language.
            value_labels={"name": {ROLES[code]: translated[code] for code in ROLES}},
        )
        super().__init__(ctx, self.tr("Roles"), view, can_edit=ctx.can("role.admin"), parent=parent)
        for i, width in enumerate((130, 200, 70, 105, 70)):
            self.list.table.setColumnWidth(i, width)
        self.current_role: users.RoleRow | None = None
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete a role of your own that no user has"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setEnabled(False)
        self.delete_button.setVisible(self.can_edit)
        self.extra_buttons.addWidget(self.delete_button)

    def read_detail(self, row_id: str) -> Callable[[], users.RoleRow | None]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: next((r for r in users.list_roles(db, actor) if r.code == row_id), None)

    def render_detail(self, row_id: str, role: users.RoleRow | None) -> str:
        if role is None:
            return paragraph(self.tr("This role no longer exists."))
        html = [heading(role_name(role.code, role.name))]
        html.append(fields([
            (self.tr("Code"), role.code),
            (self.tr("Kind"), self.tr("Built-in") if role.builtin else self.tr("Added by you")),
            (self.tr("Users"), str(role.users)),
        ]))
        labels, titles = permission_labels(), permission_groups()
        html.append(heading(self.tr("Permissions"), level=3))
        if not role.permissions:
            html.append(paragraph(self.tr("This role may do nothing yet."), hint=True))
            return "".join(html)
        rows = []
        for group, codes in _grouped_permissions().items():
            granted = [html_escape(labels[c]) for c in codes if c in role.permissions]
            if granted:
                rows.append((titles.get(group, group), "<br>".join(granted)))
        html.append(fields(rows, markup=True))
        return "".join(html)

    def detail_changed(self, role: users.RoleRow | None) -> None:
        self.current_role = role
        self.delete_button.setEnabled(role is not None and not role.builtin)

    def new_record(self) -> None:
        code = RoleDialog.ask(self.ctx, None, self)
        if code:
            self.list.reload()
            self.open_record(code)

    def edit_record(self, row_id: str) -> None:
        RoleDialog.ask(self.ctx, row_id, self)

    def delete_current(self) -> None:
        role = self.current_role
        if role is None or role.builtin:
            return
        answer = QMessageBox.question(self, self.tr("Delete role"),
                                      self.tr("Delete the role “%1”?").replace("%1", role_name(role.code, role.name)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, code = self.ctx.db, self.ctx.actor, role.code
        self.delete_button.setEnabled(False)
        self.op = (Op(self, lambda _p, _c: users.delete_role(db, actor, code))
                   .failure(self._delete_failed).run())

    def _delete_failed(self, exc: BaseException) -> None:
        self.delete_button.setEnabled(self.current_role is not None and not self.current_role.builtin)
        show_error(self, exc)


PERMISSION_COLUMNS = 3


class RoleDialog(FormDialog):
    """A new role, or the permissions of an existing one, as a checklist. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.role_code = code
        self.saved_code: str | None = None
        self.builtin = False
        self.stored_name = ""
        self.setWindowTitle(self.tr("Edit role") if code else self.tr("New role"))
        self.setMinimumWidth(560)

        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. finance_clerk"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(80)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("code", self.tr("&Code"), self.code)
        self.errors.add_row("name", self.tr("&Name"), self.name)

        labels, titles = permission_labels(), permission_groups()
        self.checks: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Permissions"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(24)
        for i, (group, codes) in enumerate(_grouped_permissions().items()):
            cell = QVBoxLayout()
            title = QLabel(f"<b>{html_escape(titles.get(group, group))}</b>")
            cell.addWidget(title)
            for perm in codes:
                check = QCheckBox(labels[perm])
                check.setObjectName(f"perm_{perm}")
                check.setToolTip(perm)
                self.checks[perm] = check
                cell.addWidget(check)
            cell.addStretch(1)
            grid.addLayout(cell, i // PERMISSION_COLUMNS, i % PERMISSION_COLUMNS)
        all_button = QPushButton(self.tr("Select &all"))
        all_button.clicked.connect(lambda: self._set_all(True))
        none_button = QPushButton(self.tr("C&lear all"))
        none_button.clicked.connect(lambda: self._set_all(False))
        pick = QHBoxLayout()
        pick.addWidget(all_button)
        pick.addWidget(none_button)
        pick.addStretch(1)
        # On a small screen the list scrolls; the dialog's buttons stay in view.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(box)
        scroll.setMinimumHeight(min(box.sizeHint().height(), 420))
        scroll.setMinimumWidth(box.sizeHint().width() + 24)
        perm_error = QLabel()
        perm_error.setObjectName("fieldError")
        perm_error.setWordWrap(True)
        perm_error.hide()
        self.errors.labels["permissions"] = perm_error
        self.errors.widgets["permissions"] = next(iter(self.checks.values()))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addLayout(pick)
        layout.addWidget(perm_error)
        layout.addWidget(self.buttons)
        if code:
            self._load(code)
        else:
            self.code.setFocus()

    def _set_all(self, checked: bool) -> None:
        for check in self.checks.values():
            check.setChecked(checked)

    def _load(self, code: str) -> None:
        role = _find_role(self.ctx, code)
        if role is None:
            raise NotFound(self.tr("This role no longer exists."))
        self.builtin = role.builtin
        self.stored_name = role.name
        self.code.setText(role.code)
        self.code.setReadOnly(True)
        self.name.setText(role_name(role.code, role.name))
        # A built-in role keeps its name, which is shown translated; only its permissions change.
        self.name.setReadOnly(role.builtin)
        for perm, check in self.checks.items():
            check.setChecked(perm in role.permissions)
        next(iter(self.checks.values())).setFocus()

    def permissions(self) -> set[str]:
        return {perm for perm, check in self.checks.items() if check.isChecked()}

    def save(self) -> None:
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        code = self.code.text()
        name = self.stored_name if self.builtin else self.name.text()
        perms = self.permissions()
        is_new = self.role_code is None

        def work() -> str:
            users.save_role(db, actor, code=code, name=name, permissions=perms, new=is_new)
            return code.strip().lower()

        self.submit(work)

    def after_save(self, result: object) -> None:
        self.saved_code = self.saved_id

    @classmethod
    def ask(cls, ctx: AppContext, code: str | None = None, parent: QWidget | None = None) -> str | None:
        """The code of the role saved, or None if cancelled."""
        return run_dialog(parent, lambda: cls(ctx, code, parent), lambda d: d.saved_code)
