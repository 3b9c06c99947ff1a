"""Labour operations: the catalogue list with each operation's details and parts kit, the operation
form (code, description, system, standard hours, model family, the parts it usually needs) and the
labour rate of each pay type with whom its invoices go to.

Keys: Ctrl+N new operation, F2 or Enter edit, Delete removes one no repair order or booking uses,
Ctrl+E exports the list as shown; in the form Enter saves and Ctrl+Insert adds a kit line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from core.quantities import quantity_text
from services.workshop import catalogue, parts
from ui.context import AppContext
from ui.errors import show_error
from ui.messages import detail_text
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.fields import MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid, LookupResult
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op
from ui.workshop.editor import hours_text, parse_hours
from ui.workshop.labels import pay_type_labels

_KIT_FIELD = re.compile(r"^parts\[(\d+)\](?:\.(\w+))?$")


class LabourOperationsScreen(ListScreen):
    detail_tables = ("labour_operation_part", "part")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "code": self.tr("Code"), "description": self.tr("Description"), "system": self.tr("System"),
            "standard_hours": self.tr("Standard hours"), "model_family": self.tr("Model family"),
            "kit_parts": self.tr("Kit parts"), "active": self.tr("Active"),
        }
        view = ListView(
            ctx, "labour_operations", headers, noun_plural=self.tr("labour operations"),
            empty_text=self.tr("No labour operations yet. Press Ctrl+N to add the first one, or import a "
                               "manufacturer's catalogue with Import…"),
            filters=[FilterSpec("active", self.tr("Active"))], export_name="labour operations",
        )
        super().__init__(ctx, self.tr("Labour operations"), view, can_edit=ctx.can("workshop.catalogue"),
                         parent=parent)
        self.new_button.setText(self.tr("&New operation"))
        self.new_button.setToolTip(self.tr("Add an operation to the catalogue (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit operation"))
        self.edit_button.setToolTip(self.tr("Change the selected operation and its parts kit (F2)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Remove an operation no repair order or booking uses (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setVisible(self.can_edit)
        self.needs_selection(self.delete_button)
        self.rates_button = QPushButton(self.tr("Labour &rates…"))
        self.rates_button.setToolTip(self.tr("The hourly rate of each pay type and whom its invoices go to"))
        self.rates_button.clicked.connect(self.edit_rates)
        self.rates_button.setVisible(ctx.can("workshop.catalogue") and ctx.can("workshop.costs"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setObjectName("importOperations")
        self.import_button.setToolTip(self.tr("Import labour operations from a manufacturer's Excel or CSV file"))
        self.import_button.clicked.connect(self.import_file)
        self.import_button.setVisible(self.can_edit)
        self.extra_buttons.addWidget(self.import_button)
        self.extra_buttons.addWidget(self.rates_button)
        self.extra_buttons.addWidget(self.delete_button)
        if self.can_edit:
            QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_current,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def read_detail(self, row_id: str) -> Callable[[], catalogue.OperationView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: catalogue.get_operation(db, actor, row_id)

    def render_detail(self, row_id: str, data: catalogue.OperationView) -> str:
        op = data.operation
        html = [heading(f"{op.code} · {op.description}"), fields([
            (self.tr("System"), op.system),
            (self.tr("Standard hours"), hours_text(op.standard_hours)),
            (self.tr("Model family"), op.model_family or self.tr("Every model")),
            (self.tr("Status"), self.tr("Active") if op.active else self.tr("Inactive")),
            (self.tr("Use"), self.tr("On repair orders or bookings") if data.used else self.tr("Not used yet")),
        ])]
        html.append(heading(self.tr("Parts kit"), level=3))
        if not data.parts:
            html.append(paragraph(self.tr("No parts: the parts desk prepares nothing for bookings of this "
                                          "operation."), hint=True))
        else:
            html.append(table([Col.atom(self.tr("Part number")), Col(self.tr("Description")),
                               Col.number(self.tr("Quantity"))],
                              [(p.part_number, p.description, quantity_text(p.quantity)) for p in data.parts]))
        return "".join(html)

    def import_file(self) -> None:
        from ui.imports import ImportDialog

        if ImportDialog.ask(self.ctx, self, kind="labour-ops") is not None:
            self.list.reload()

    def new_record(self) -> None:
        saved = OperationDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        OperationDialog.ask(self.ctx, self, operation_id=row_id)

    def delete_current(self) -> None:
        row_id = self.current_id
        if not row_id or not self.can_edit:
            return
        shown = self._shown_data if self._shown_id == row_id else None
        code = shown.operation.code if isinstance(shown, catalogue.OperationView) else ""
        if isinstance(shown, catalogue.OperationView) and shown.used:
            # Said at once, not after a question: an operation in use is kept, made inactive instead.
            QMessageBox.information(self, self.tr("Delete labour operation"), self.tr(
                "Labour operation %1 is used on repair orders or bookings, so it stays in the catalogue. Edit it "
                "(F2) and untick Active to stop offering it.").replace("%1", code))
            return
        question = self.tr("Delete labour operation %1 from the catalogue?").replace("%1", code)
        if QMessageBox.question(self, self.tr("Delete labour operation"), question) != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.delete_op = Op(self, lambda _p, _c: catalogue.delete_operation(db, actor, row_id)).failure(
            lambda exc: show_error(self, exc)).run()

    def edit_rates(self) -> None:
        RatesDialog.ask(self.ctx, self)


class OperationDialog(FormDialog):
    """A new labour operation, or changes to one with its parts kit. Use :meth:`ask`; it returns the
    saved operation's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, operation_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operation_id = operation_id
        self.setWindowTitle(self.tr("Edit labour operation") if operation_id else self.tr("New labour operation"))
        self.setMinimumSize(620, 520)
        form = QFormLayout()
        self.errors = FieldErrors(form)

        def line(field: str, label: str, max_len: int) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setMaxLength(max_len)
            self.errors.add_row(field, label, edit)
            return edit

        self.code = line("code", self.tr("&Code"), 40)
        self.description = line("description", self.tr("&Description"), 300)
        self.system = line("system", self.tr("&System"), 80)
        self.system.setPlaceholderText(self.tr("e.g. Engine, Brakes, Maintenance"))
        self.hours = line("standard_hours", self.tr("Standard &hours"), 12)
        self.hours.setPlaceholderText(self.tr("e.g. 1.5"))
        self.hours.setMaximumWidth(120)
        self.model_family = line("model_family", self.tr("&Model family"), 80)
        self.model_family.setPlaceholderText(self.tr("Empty: every model"))
        self.active = QCheckBox(self.tr("Offered when booking and on repair orders"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.errors.add_row("active", self.tr("Acti&ve"), self.active)

        db, actor = ctx.db, ctx.actor
        no_part = self.tr("No single catalogue part has this number")

        def find_part(number: str, _line: dict) -> LookupResult | None:
            """The catalogue part a typed number means (following supersession). Database worker."""
            found = parts.part_by_number(db, actor, number) if number.strip() else None
            if found is None:
                return LookupResult(error=no_part)
            return LookupResult(values={"part_number": found.part_number, "description": found.description},
                                data={"part_id": found.id})

        self.kit = LineGrid([
            GridColumn("part_number", self.tr("Part number"), kind="lookup", width=170, lookup=find_part,
                       max_length=60),
            GridColumn("description", self.tr("Description"), width=0, editable=False),
            GridColumn("quantity", self.tr("Quantity"), kind="quantity", width=90),
        ], currency=ctx.settings.currency, name="operationKit", defaults={"quantity": 1000})
        self.kit_error = error_label()
        self.errors.labels["parts"] = self.kit_error
        self.errors.widgets["parts"] = self.kit
        kit_box = QGroupBox(self.tr("Parts kit — what the parts desk prepares for a booking"))
        kb = QVBoxLayout(kit_box)
        kb.addWidget(hint_label(self.tr("A part number typed is followed to its replacement. Ctrl+Insert adds a "
                                        "line, Ctrl+Delete removes one.")))
        kb.addWidget(self.kit, 1)
        kb.addWidget(self.kit_error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(kit_box, 1)
        layout.addWidget(self.buttons)
        if operation_id:
            view = catalogue.get_operation(ctx.db, ctx.actor, operation_id)
            op = view.operation
            self.code.setText(op.code)
            self.description.setText(op.description)
            self.system.setText(op.system)
            self.hours.setText(hours_text(op.standard_hours))
            self.model_family.setText(op.model_family)
            self.active.setChecked(op.active)
            self.kit.set_rows([({"part_number": p.part_number, "description": p.description,
                                 "quantity": p.quantity}, {"part_id": p.part_id}) for p in view.parts])
        if not self.kit.row_count():
            self.kit.add_row()
        self.code.setFocus()

    def data(self) -> catalogue.OperationInput:
        """The operation typed; a kit line whose number was not looked up yet keeps the typed number
        for the service to resolve."""
        self.kit.commit()
        hours = parse_hours(self.hours.text(), field="standard_hours") or 0
        kit = []
        for row in range(self.kit.row_count()):
            if self.kit.is_blank(row):
                continue
            try:
                self.kit.check(row)  # a quantity that cannot be read says why ("1,5" is not a number)
            except ValidationError as exc:
                raise ValidationError(f"parts[{len(kit) + 1}].{exc.field}", exc.detail) from None
            values = self.kit.values(row)
            kit.append(catalogue.KitPartInput(part_number=values.get("part_number") or "",
                                              quantity=values.get("quantity") or 0))
        return catalogue.OperationInput(code=self.code.text(), description=self.description.text(),
                                        system=self.system.text(), standard_hours=hours,
                                        model_family=self.model_family.text(), active=self.active.isChecked(),
                                        parts=kit)

    def save(self) -> None:
        self.errors.clear()
        self.kit.clear_marks()
        try:
            data = self.data()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, operation_id = self.ctx.db, self.ctx.actor, self.operation_id
        if operation_id:
            def work() -> str:
                catalogue.update_operation(db, actor, operation_id, data)
                return operation_id

            self.submit(work)
        else:
            self.submit(lambda: catalogue.create_operation(db, actor, data))

    def show_field_error(self, exc: ValidationError) -> bool:
        match = _KIT_FIELD.match(exc.field)
        if not match:
            return self.errors.show(exc)
        rows = [r for r in range(self.kit.row_count()) if not self.kit.is_blank(r)]
        number = int(match.group(1))
        self.kit_error.setText(self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", detail_text(exc)))
        self.kit_error.show()
        key = match.group(2) or "part_number"
        if 0 < number <= len(rows) and key in self.kit.model.by_key:
            self.kit.mark(rows[number - 1], key, detail_text(exc))
        return True

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and not self.kit.view.hasFocus():
            self.save()
            return
        super().keyPressEvent(event)


class RatesDialog(FormDialog):
    """The hourly labour rate of each pay type and whom its invoices go to (none chosen: the repair
    order's customer). Saved together, in one transaction."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Labour rates"))
        self.setMinimumWidth(860)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        labels = pay_type_labels()
        self.rates: dict[str, MoneyEdit] = {}
        self.bill_to: dict[str, str | None] = {}
        self.bill_to_names: dict[str, QLineEdit] = {}
        currency = ctx.settings.currency
        form.addRow(hint_label(self.tr("Invoices of a pay type go to the repair order's customer unless a customer "
                                       "is chosen here (the maker for warranty, the dealership for internal work).")))
        for row in catalogue.rates(ctx.db, ctx.actor):
            rate = MoneyEdit(currency, field=f"{row.pay_type}.hourly_rate", required=True)
            rate.setObjectName(f"{row.pay_type}_rate")
            rate.set_value(row.hourly_rate)
            rate.setMaximumWidth(140)
            name = QLineEdit(row.bill_to_name)
            name.setObjectName(f"{row.pay_type}_bill_to")
            name.setReadOnly(True)
            name.setPlaceholderText(self.tr("The repair order's customer"))
            name.setMinimumWidth(300)
            name.setToolTip(row.bill_to_name)
            choose = QPushButton(self.tr("Choose…"))
            enter_presses(choose)
            choose.clicked.connect(lambda _=False, p=row.pay_type: self.pick(p))
            clear = QPushButton(self.tr("Clear"))
            enter_presses(clear)
            clear.clicked.connect(lambda _=False, p=row.pay_type: self.set_bill_to(p, None, ""))
            box = QWidget()
            line = QHBoxLayout(box)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(rate)
            line.addWidget(QLabel(self.tr("an hour, invoiced to")))
            line.addWidget(name, 1)
            line.addWidget(choose)
            line.addWidget(clear)
            self.errors.add_row(f"{row.pay_type}.hourly_rate", labels.get(row.pay_type, row.pay_type), box)
            self.errors.widgets[f"{row.pay_type}.hourly_rate"] = rate
            self.rates[row.pay_type] = rate
            self.bill_to[row.pay_type] = row.bill_to_customer_id
            self.bill_to_names[row.pay_type] = name
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        next(iter(self.rates.values())).setFocus()

    def set_bill_to(self, pay_type: str, customer_id: str | None, name: str) -> None:
        self.bill_to[pay_type] = customer_id
        self.bill_to_names[pay_type].setText(name)

    def pick(self, pay_type: str) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("customer",), title=self.tr("Invoice to"))
        if hit is not None:
            self.set_bill_to(pay_type, hit.ref_id, hit.title)

    def save(self) -> None:
        self.errors.clear()
        try:
            values = [catalogue.RateInput(p, edit.value(), self.bill_to[p]) for p, edit in self.rates.items()]
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: catalogue.set_rates(db, actor, values))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> bool:
        try:
            dialog = cls(ctx, parent)
        except DomainError as exc:
            show_error(parent, exc)
            return False
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved
