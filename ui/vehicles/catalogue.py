"""The vehicle catalogue (车型目录): models by make with their trims (per model year, at a list price),
options (code, name, price) and low-stock threshold; a model's form edits them together.

Keys: Ctrl+N new model, F2 or Enter edit, Delete removes a model no stock vehicle was ordered as,
Ctrl+E exports the list; in the form Enter saves (outside the tables), Ctrl+Insert adds a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.messages import msg
from services.vehicles import FUELS, catalogue
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import money_text
from ui.messages import detail_text
from ui.vehicles.editor import fuel_labels
from ui.vehicles.labels import stock_status_labels
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op

_LINE_FIELD = re.compile(r"^(trims|options)\[(\d+)\](?:\.(\w+))?$")


class CatalogueScreen(ListScreen):
    detail_tables = ("catalogue_trim", "catalogue_option", "stock_vehicle")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "make": self.tr("Make"), "model": self.tr("Model"), "trims": self.tr("Trims"),
            "options": self.tr("Options"), "list_price_from": self.tr("List price from"),
            "available": self.tr("Available"), "low_stock_threshold": self.tr("Low-stock threshold"),
            "active": self.tr("Active"),
        }
        view = ListView(
            ctx, "catalogue_models", headers, noun_plural=self.tr("models"),
            empty_text=self.tr("No models in the catalogue yet. Press Ctrl+N to add the first one."),
            filters=[FilterSpec("active", self.tr("Active"))], export_name="vehicle catalogue",
        )
        super().__init__(ctx, self.tr("Vehicle catalogue"), view, can_edit=ctx.can("vehicle.catalogue"),
                         parent=parent)
        self.new_button.setText(self.tr("&New model"))
        self.new_button.setToolTip(self.tr("Add a model with its trims and options (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit model"))
        self.edit_button.setToolTip(self.tr("Change the selected model, its trims, options and threshold (F2)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Remove a model no stock vehicle was ordered as (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setVisible(self.can_edit)
        self.needs_selection(self.delete_button)
        self.extra_buttons.addWidget(self.delete_button)
        if self.can_edit:
            QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_current,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def read_detail(self, row_id: str) -> Callable[[], catalogue.ModelView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: catalogue.get_model(db, actor, row_id)

    def render_detail(self, row_id: str, m: catalogue.ModelView) -> str:
        currency = self.ctx.settings.currency
        statuses, fuels = stock_status_labels(), fuel_labels()
        html = [heading(f"{m.make} {m.name}"), fields([
            (self.tr("Low-stock threshold"), m.low_stock_threshold or self.tr("No alert")),
            (self.tr("Status"), self.tr("Active") if m.active else self.tr("Inactive")),
            (self.tr("Notes"), m.notes),
        ])]
        html.append(heading(self.tr("Trims"), level=3))
        if m.trims:
            html.append(table([Col.atom(self.tr("Year")), Col(self.tr("Trim")), Col(self.tr("Fuel")),
                               Col.number(self.tr("List price"))],
                              [(t.model_year, t.name + ("" if t.active else " " + self.tr("(inactive)")),
                                fuels.get(t.fuel, t.fuel), money_text(t.list_price, currency)) for t in m.trims]))
        else:
            html.append(paragraph(self.tr("No trims: a car of this model cannot be ordered from the catalogue."),
                                  hint=True))
        html.append(heading(self.tr("Options"), level=3))
        if m.options:
            html.append(table([Col.atom(self.tr("Code")), Col(self.tr("Option")), Col.number(self.tr("Price"))],
                              [(o.code, o.name, money_text(o.price, currency)) for o in m.options]))
        else:
            html.append(paragraph(self.tr("No options."), hint=True))
        html.append(heading(self.tr("In stock"), level=3))
        if m.stock:
            html.append(fields([(statuses.get(k, k), v) for k, v in sorted(m.stock.items())]))
        else:
            html.append(paragraph(self.tr("No car of this model in stock."), hint=True))
        return "".join(html)

    def new_record(self) -> None:
        saved = ModelDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        ModelDialog.ask(self.ctx, self, model_id=row_id)

    def delete_current(self) -> None:
        row_id = self.current_id
        if not row_id or not self.can_edit:
            return
        shown = self._shown_data if self._shown_id == row_id else None
        name = f"{shown.make} {shown.name}" if isinstance(shown, catalogue.ModelView) else ""
        question = self.tr("Delete %1 with its trims and options from the catalogue?").replace("%1", name)
        if QMessageBox.question(self, self.tr("Delete model"), question) != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.delete_op = Op(self, lambda _p, _c: catalogue.delete_model(db, actor, row_id)).failure(
            lambda exc: show_error(self, exc)).run()


class ModelDialog(FormDialog):
    """A catalogue model with its trims and options. Use :meth:`ask`; it returns the saved model's id
    or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, model_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model_id = model_id
        self.setWindowTitle(self.tr("Edit model") if model_id else self.tr("New model"))
        self.setMinimumSize(1000, 560)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.make = QLineEdit()
        self.make.setObjectName("make")
        self.make.setMaxLength(60)
        self.errors.add_row("make", self.tr("M&ake"), self.make)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(80)
        self.errors.add_row("name", self.tr("&Model"), self.name)
        self.threshold = QSpinBox()
        self.threshold.setObjectName("low_stock_threshold")
        self.threshold.setRange(0, 999)
        self.threshold.setMaximumWidth(160)
        self.threshold.setSpecialValueText(self.tr("No alert"))
        self.threshold.setToolTip(self.tr("Alert when fewer new cars of this model are on order, in transit or in "
                                          "stock and not held by a deal"))
        self.errors.add_row("low_stock_threshold", self.tr("&Low-stock threshold"), self.threshold)
        self.active = QCheckBox(self.tr("Offered when cars are added to stock"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.errors.add_row("active", self.tr("Acti&ve"), self.active)
        currency = ctx.settings.currency
        fuels = fuel_labels()
        self.trims = LineGrid([
            GridColumn("model_year", self.tr("Year"), width=70, max_length=4),
            GridColumn("name", self.tr("Trim"), width=0, max_length=120),
            GridColumn("fuel", self.tr("Fuel"), kind="choice", width=100,
                       choices=(("", "—"), *((f, fuels[f]) for f in FUELS))),
            GridColumn("list_price", self.tr("List price"), kind="money", width=115),
            GridColumn("active", self.tr("Active"), kind="choice", width=60,
                       choices=((True, self.tr("Yes")), (False, self.tr("No")))),
        ], currency=currency, name="trims", defaults={"active": True, "fuel": ""})
        self.options = LineGrid([
            GridColumn("code", self.tr("Code"), width=110, max_length=40),
            GridColumn("name", self.tr("Option"), width=0, max_length=120),
            GridColumn("price", self.tr("Price"), kind="money", width=130),
        ], currency=currency, name="options")
        self.line_error = error_label()
        for key, grid in (("trims", self.trims), ("options", self.options)):
            self.errors.labels[key] = self.line_error
            self.errors.widgets[key] = grid
        trims_box = QGroupBox(self.tr("Trims — each model year at its list price"))
        QVBoxLayout(trims_box).addWidget(self.trims)
        options_box = QGroupBox(self.tr("Options"))
        QVBoxLayout(options_box).addWidget(self.options)
        boxes = QHBoxLayout()
        boxes.addWidget(trims_box, 3)
        boxes.addWidget(options_box, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Ctrl+Insert adds a line, Ctrl+Delete removes one. A trim a stock vehicle "
                                            "was ordered as stays: untick Active instead.")))
        layout.addLayout(boxes, 1)
        layout.addWidget(self.line_error)
        layout.addWidget(self.buttons)
        if model_id:
            view = catalogue.get_model(ctx.db, ctx.actor, model_id)
            self.make.setText(view.make)
            self.name.setText(view.name)
            self.threshold.setValue(view.low_stock_threshold)
            self.active.setChecked(view.active)
            self.notes = view.notes
            self.trims.set_rows([({"model_year": str(t.model_year), "name": t.name, "fuel": t.fuel,
                                   "list_price": t.list_price, "active": t.active}, {"id": t.id}) for t in view.trims])
            self.options.set_rows([({"code": o.code, "name": o.name, "price": o.price}, {"id": o.id})
                                   for o in view.options])
        else:
            self.notes = ""
        for grid in (self.trims, self.options):
            if not grid.row_count():
                grid.add_row()
        self.make.setFocus()

    def _lines(self, grid: LineGrid, key: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        grid.commit()
        found = []
        for row in range(grid.row_count()):
            if grid.is_blank(row):
                continue
            try:
                grid.check(row)
            except ValidationError as exc:
                raise ValidationError(f"{key}[{len(found) + 1}].{exc.field}", exc.detail) from None
            found.append((grid.values(row), grid.row_data(row)))
        return found

    def data(self) -> catalogue.ModelInput:
        trims = []
        for i, (values, data) in enumerate(self._lines(self.trims, "trims"), start=1):
            year = str(values.get("model_year") or "").strip()
            if not year.isdigit():
                raise ValidationError(f"trims[{i}].model_year", msg("The model year must be between 1990 and 2100"))
            trims.append(catalogue.TrimInput(name=values.get("name") or "", model_year=int(year),
                                             list_price=values.get("list_price") or 0, fuel=values.get("fuel") or "",
                                             active=values.get("active", True) is not False, id=data.get("id")))
        options = [catalogue.OptionInput(code=values.get("code") or "", name=values.get("name") or "",
                                         price=values.get("price") or 0, id=data.get("id"))
                   for values, data in self._lines(self.options, "options")]
        return catalogue.ModelInput(make=self.make.text(), name=self.name.text(),
                                    low_stock_threshold=self.threshold.value(), active=self.active.isChecked(),
                                    notes=self.notes, trims=trims, options=options)

    def save(self) -> None:
        self.errors.clear()
        self.trims.clear_marks()
        self.options.clear_marks()
        try:
            data = self.data()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, model_id = self.ctx.db, self.ctx.actor, self.model_id
        self.submit(lambda: catalogue.save_model(db, actor, model_id, data))

    def show_field_error(self, exc: ValidationError) -> bool:
        match = _LINE_FIELD.match(exc.field)
        if not match:
            if exc.field in ("trims", "options"):
                self.line_error.setText(detail_text(exc))
                self.line_error.show()
                return True
            return self.errors.show(exc)
        key, number, column = match.group(1), int(match.group(2)), match.group(3)
        grid = self.trims if key == "trims" else self.options
        rows = [r for r in range(grid.row_count()) if not grid.is_blank(r)]
        label = self.tr("Trim line %1: %2") if key == "trims" else self.tr("Option line %1: %2")
        self.line_error.setText(label.replace("%1", str(number)).replace("%2", detail_text(exc)))
        self.line_error.show()
        if 0 < number <= len(rows) and column in grid.model.by_key:
            grid.mark(rows[number - 1], column, detail_text(exc))
        return True

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and not self.trims.view.hasFocus() and not self.options.view.hasFocus():
            self.save()
            return
        super().keyPressEvent(event)
