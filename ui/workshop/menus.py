"""Service packages (menu prices): a simple catalogue dialog — the packages on the left, the chosen
one's code, name, price, operations and parts kit, and the model families or VIN ranges it is valid
for. Saving replaces the package's lines and scopes (services/workshop/menus.py).

Keys: Enter saves, Esc closes, Ctrl+N starts a new package, Ctrl+Insert adds a line to the grid that
has the focus.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from services.workshop import menus, parts
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import money_text
from ui.messages import detail_text
from ui.widgets.fields import MoneyEdit
from ui.widgets.forms import FieldErrors, error_label, hint_label
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.workers import Op
from ui.workshop.editor import hours_text, parse_hours

_ROW_FIELD = re.compile(r"^(items|scopes)\[(\d+)\](?:\.(\w+))?$")


class PackagesDialog(QDialog):
    """Keep the service packages. ``saved`` counts the packages saved while it was open."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.menu_id: str | None = None
        self.rows: list[menus.MenuRow] = []
        self.saved = 0
        self.op: Op | None = None
        self.setWindowTitle(self.tr("Service packages"))
        self.setMinimumSize(900, 560)
        self.resize(1100, 660)

        self.list = QListWidget()
        self.list.setObjectName("packages")
        self.list.currentRowChanged.connect(self._show)
        self.new_button = QPushButton(self.tr("&New package"))
        enter_presses(self.new_button)
        self.new_button.setToolTip(self.tr("Start a new package (Ctrl+N)"))
        self.new_button.clicked.connect(self.new)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(200)
        self.price = MoneyEdit(self.currency, field="price", required=True)
        self.price.setObjectName("price")
        self.price.setMaximumWidth(160)
        self.active = QCheckBox(self.tr("Offered at reception"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("code", self.tr("&Code"), self.code)
        self.errors.add_row("name", self.tr("Na&me"), self.name)
        self.errors.add_row("price", self.tr("&Price"), self.price)
        form.addRow("", self.active)

        kinds = ((kind, label) for kind, label in (("labour", self.tr("Labour")), ("part", self.tr("Part"))))
        self.items = LineGrid([
            GridColumn("kind", self.tr("Kind"), kind="choice", width=90, choices=tuple(kinds)),
            GridColumn("code", self.tr("Operation or part number"), width=0, max_length=60),
            GridColumn("hours", self.tr("Hours"), width=90),
            GridColumn("quantity", self.tr("Quantity"), kind="quantity", width=90),
        ], currency=self.currency, name="packageItems", defaults={"kind": "labour"})
        self.scopes = LineGrid([
            GridColumn("model_family", self.tr("Model family"), width=0, max_length=80),
            GridColumn("vin_from", self.tr("VIN from"), width=200, max_length=17),
            GridColumn("vin_to", self.tr("VIN to"), width=200, max_length=17),
        ], currency=self.currency, name="packageScopes")
        self.items_error = error_label()
        self.errors.labels["items"] = self.items_error
        self.errors.widgets["items"] = self.items
        self.scopes_error = error_label()
        self.errors.labels["scopes"] = self.scopes_error
        self.errors.widgets["scopes"] = self.scopes
        items_box = QGroupBox(self.tr("Operations and parts kit"))
        ib = QVBoxLayout(items_box)
        ib.addWidget(hint_label(self.tr("Hours empty: the operation's standard hours. Priced when applied: labour at "
                                        "the job's rate, parts at their retail price.")))
        ib.addWidget(self.items, 1)
        ib.addWidget(self.items_error)
        scopes_box = QGroupBox(self.tr("Valid for (none: every vehicle)"))
        sb = QVBoxLayout(scopes_box)
        sb.addWidget(self.scopes, 1)
        sb.addWidget(self.scopes_error)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(items_box, 3)
        right.addWidget(scopes_box, 2)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        self.reload()
        if not self.rows:
            self.new()

    # --- the list ---------------------------------------------------------------------------------
    def reload(self, *, select: str | None = None) -> None:
        """Read the packages again (GUI thread: a short read of a small catalogue)."""
        self.rows = menus.list_menus(self.ctx.db, self.ctx.actor)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            price = f" · {money_text(row.price, self.currency)}" if row.price is not None else ""
            item = QListWidgetItem(f"{row.code} · {row.name}{price}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        chosen = next((i for i, r in enumerate(self.rows) if r.id == (select or self.menu_id)), 0 if self.rows else -1)
        self.list.setCurrentRow(chosen)
        self._show(chosen)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.menu_id = row.id
        self.errors.clear()
        self.code.setText(row.code)
        self.name.setText(row.name)
        self.price.set_value(row.price)
        self.active.setChecked(row.active)
        self.items.set_rows([({"kind": item.kind,
                               "code": item.operation_code if item.kind == "labour" else item.part_number,
                               "hours": hours_text(item.hours) if item.hours is not None else "",
                               "quantity": item.quantity or None}, {}) for item in row.items])
        self.scopes.set_rows([({"model_family": s.model_family, "vin_from": s.vin_from, "vin_to": s.vin_to}, {})
                              for s in row.scopes])

    def new(self) -> None:
        self.menu_id = None
        self.list.clearSelection()
        self.errors.clear()
        for edit in (self.code, self.name):
            edit.clear()
        self.price.set_value(None)
        self.active.setChecked(True)
        self.items.set_rows([])
        self.items.add_row()
        self.scopes.set_rows([])
        self.code.setFocus()

    # --- saving -----------------------------------------------------------------------------------
    def value(self) -> tuple[menus.MenuInput, list[str]]:
        """The package typed, and the part numbers its part lines name (resolved when saved)."""
        self.items.commit()
        self.scopes.commit()
        items, numbers = [], []
        for row in range(self.items.row_count()):
            if self.items.is_blank(row):
                continue
            where = f"items[{len(items) + 1}]"
            try:
                self.items.check(row)
            except ValidationError as exc:
                raise ValidationError(f"{where}.{exc.field}", exc.detail) from None
            v = self.items.values(row)
            if v["kind"] == "part":
                items.append(menus.MenuItemInput("part", quantity=v["quantity"] or 0))
                numbers.append(v["code"] or "")
            else:
                items.append(menus.MenuItemInput("labour", operation_code=v["code"] or "",
                                                 hours=parse_hours(v["hours"] or "", field=f"{where}.hours",
                                                                   required=False)))
                numbers.append("")
        scopes = [menus.ScopeInput(**{k: self.scopes.values(r)[k] or "" for k in ("model_family", "vin_from",
                                                                                 "vin_to")})
                  for r in range(self.scopes.row_count()) if not self.scopes.is_blank(r)]
        return menus.MenuInput(code=self.code.text(), name=self.name.text(), price=self.price.value(), items=items,
                               scopes=scopes, active=self.active.isChecked()), numbers

    def save(self) -> None:
        self.errors.clear()
        self.items.clear_marks()
        self.scopes.clear_marks()
        try:
            data, numbers = self.value()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, known = self.ctx.db, self.ctx.actor, self.menu_id

        def work() -> str:
            for n, (item, number) in enumerate(zip(data.items, numbers, strict=True), start=1):
                if item.kind == "part":
                    found = parts.part_by_number(db, actor, number) if number.strip() else None
                    if found is None:
                        raise ValidationError(f"items[{n}].code", QCoreApplication.translate(
                            "PackagesDialog", "No single catalogue part has this number"))
                    item.part_id = found.id
            return menus.save_menu(db, actor, known, data)

        self.buttons.setEnabled(False)
        self.op = Op(self, lambda _progress, _cancel: work()).success(self._saved).failure(self._failed).run()

    def _saved(self, menu_id: str) -> None:
        self.buttons.setEnabled(True)
        self.saved += 1
        self.menu_id = menu_id
        self.reload(select=menu_id)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        match = _ROW_FIELD.match(exc.field)
        if match:
            grid, label = (self.items, self.items_error) if match.group(1) == "items" else (self.scopes,
                                                                                             self.scopes_error)
            rows = [r for r in range(grid.row_count()) if not grid.is_blank(r)]
            number = int(match.group(2))
            label.setText(self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", detail_text(exc)))
            label.show()
            key = {"operation_code": "code", "part_id": "code"}.get(match.group(3) or "", match.group(3) or "")
            if 0 < number <= len(rows) and key in grid.model.by_key:
                grid.mark(rows[number - 1], key, detail_text(exc))
            return
        if not self.errors.show(exc):
            show_error(self, exc)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, *, parent: QWidget | None = None) -> int:
        """Open the catalogue modally; returns how many packages were saved."""
        try:
            dialog = cls(ctx, parent=parent)
        except DomainError as exc:
            show_error(parent, exc)
            return 0
        dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        return saved
