"""Trade-ins: the appraisals of customers' cars, the appraisal form (the car, its condition area by area,
the reconditioning it needs kind by kind, what is owed on it, its actual cash value and the allowance
given, with the over-allowance shown as it is typed) and taking an accepted car into used stock.

Keys: Ctrl+N new appraisal, F2 or Enter edit, Ctrl+Shift+A accept, Ctrl+Shift+D decline, Ctrl+Shift+T
take into stock; in a dialog Enter saves and Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from models.finance import CONDITION_AREAS, RECONDITIONING_KINDS
from services.sales import finance, trade_ins
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import date_text, money_text
from ui.messages import detail_text, service_text
from ui.sales.finance_labels import condition_area_labels, grade_labels, reconditioning_labels, trade_in_status_labels
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.detail import Col, fields, heading, table
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.keys import LookupEdit
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op, Query


class TradeInsScreen(ListScreen):
    """Appraisals, newest first, with the selected one's grades, costs and figures."""

    detail_tables = ("trade_in_condition", "trade_in_reconditioning", "stock_vehicle", "deal")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = trade_in_status_labels()
        headers = {"appraised_on": self.tr("Appraised"), "customer": self.tr("Customer"),
                   "vehicle": self.tr("Vehicle"), "vin": self.tr("VIN"), "mileage_km": self.tr("Mileage (km)"),
                   "actual_cash_value": self.tr("Actual cash value"), "allowance": self.tr("Allowance"),
                   "over_allowance": self.tr("Over-allowance"), "reconditioning": self.tr("Reconditioning"),
                   "outstanding_finance": self.tr("Outstanding finance"), "status": self.tr("Status"),
                   "deal": self.tr("Deal"), "stock_number": self.tr("Stock number")}
        view = ListView(ctx, "trade_ins", headers, noun_plural=self.tr("appraisals"),
                        empty_text=self.tr("No trade-in appraisals yet. Press Ctrl+N to appraise a customer's car."),
                        filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items()))],
                        export_name="trade-ins", value_labels={"status": self.statuses})
        super().__init__(ctx, self.tr("Trade-ins"), view, can_edit=ctx.can("deal.edit"), parent=parent)
        self.new_button.setText(self.tr("&New appraisal"))
        self.new_button.setToolTip(self.tr("Appraise a customer's car (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit appraisal"))
        self.accept_button = self._button(self.tr("&Accept…"), "accept", "Ctrl+Shift+A",
                                          self.tr("The customer trades the car in, on a deal or not (Ctrl+Shift+A)"),
                                          self.accept_current)
        self.decline_button = self._button(self.tr("De&cline"), "decline", "Ctrl+Shift+D",
                                           self.tr("The car is not taken (Ctrl+Shift+D)"), self.decline_current)
        self.take_in_button = self._button(self.tr("&Take into stock…"), "takeIn", "Ctrl+Shift+T",
                                           self.tr("Make the accepted car used stock at its true cost (Ctrl+Shift+T)"),
                                           self.take_in_current)
        self.take_in_button.setVisible(self.can_edit and ctx.can("vehicle.edit"))

    def _button(self, text: str, name: str, key: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        button.setVisible(self.can_edit)
        button.setEnabled(False)
        self.extra_buttons.addWidget(button)
        if self.can_edit:
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return button

    def read_detail(self, row_id: str) -> Callable[[], trade_ins.AppraisalView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: trade_ins.get_appraisal(db, actor, row_id)

    def render_detail(self, row_id: str, data: trade_ins.AppraisalView) -> str:
        currency = self.ctx.settings.currency
        d = data.data
        areas, grades, kinds = condition_area_labels(), grade_labels(), reconditioning_labels()
        car = " ".join(x for x in (d.plate, d.make, d.model, str(d.model_year or "")) if x)
        html = [heading(car or d.vin), fields([
            (self.tr("Customer"), data.customer_name),
            (self.tr("VIN"), d.vin),
            (self.tr("Mileage"), f"{d.mileage_km:,} km" if d.mileage_km is not None else ""),
            (self.tr("Status"), self.statuses.get(data.status, data.status)),
            (self.tr("Appraised"), f"{date_text(d.appraised_on)} · {self.ctx.person(data.appraiser)}"),
            (self.tr("Deal"), data.deal_number),
            (self.tr("Actual cash value"), money_text(d.actual_cash_value, currency)),
            (self.tr("Allowance"), money_text(d.allowance, currency)),
            (self.tr("Over-allowance"), money_text(data.over_allowance, currency) if data.over_allowance else ""),
            (self.tr("Outstanding finance"), f"{money_text(d.outstanding_finance, currency)} · {d.finance_lender}"
             if d.outstanding_finance else ""),
            # What the car is worth to the customer's deal: allowance less what is owed on it; a negative
            # equity is charged on the deal as a line of its own.
            (self.tr("Negative equity (charged on the deal)") if d.allowance < d.outstanding_finance
             else self.tr("Equity"), money_text(d.allowance - d.outstanding_finance, currency)
             if d.outstanding_finance else ""),
            (self.tr("Reconditioning"), money_text(data.reconditioning_total, currency)),
            (self.tr("True cost"), money_text(data.true_cost, currency)),
            (self.tr("Stock number"), data.stock_number),
            (self.tr("Notes"), d.notes),
        ])]
        if d.conditions:
            html.append(heading(self.tr("Condition"), level=3))
            html.append(table([Col(self.tr("Area")), Col.atom(self.tr("Grade")), Col(self.tr("Note"))],
                              [(areas.get(c.area, c.area), grades.get(c.grade, c.grade), c.note)
                               for c in d.conditions]))
        if d.reconditioning:
            html.append(heading(self.tr("Reconditioning"), level=3))
            html.append(table([Col(self.tr("Kind")), Col.number(self.tr("Amount")), Col(self.tr("Note"))],
                              [(kinds.get(r.kind, r.kind), money_text(r.amount, currency), r.note)
                               for r in d.reconditioning]))
        return "".join(html)

    def detail_changed(self, data: Any | None) -> None:
        status = data.status if isinstance(data, trade_ins.AppraisalView) else ""
        self.accept_button.setEnabled(status == "appraised")
        self.decline_button.setEnabled(status == "appraised")
        self.take_in_button.setEnabled(status == "accepted")
        self.edit_button.setEnabled(status in ("appraised", "accepted"))

    def _shown(self) -> trade_ins.AppraisalView | None:
        shown = self._shown_data if self._shown_id == self.current_id else None
        return shown if isinstance(shown, trade_ins.AppraisalView) else None

    def new_record(self) -> None:
        saved = AppraisalDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        shown = self._shown_data if self._shown_id == row_id else None
        if isinstance(shown, trade_ins.AppraisalView) and shown.status not in ("appraised", "accepted"):
            return
        AppraisalDialog.ask(self.ctx, self, trade_in_id=row_id)

    def accept_current(self) -> None:
        shown = self._shown()
        if shown is not None and shown.status == "appraised":
            AcceptDialog.ask(self.ctx, self, appraisal=shown)

    def decline_current(self) -> None:
        shown = self._shown()
        if shown is None or shown.status != "appraised":
            return
        question = self.tr("Decline the trade-in of %1?").replace("%1", shown.data.vin)
        if QMessageBox.question(self, self.tr("Decline trade-in"), question) != QMessageBox.StandardButton.Yes:
            return
        db, actor, row_id = self.ctx.db, self.ctx.actor, shown.id
        self.move_op = Op(self, lambda _p, _c: trade_ins.move(db, actor, row_id, "declined")).failure(
            lambda exc: show_error(self, exc)).run()

    def take_in_current(self) -> None:
        shown = self._shown()
        if shown is not None and shown.status == "accepted" and self.ctx.can("vehicle.edit"):
            TakeInDialog.ask(self.ctx, self, appraisal=shown)


def tell(widget: QWidget, text: str) -> None:
    """Say in the status bar what an action just did (as the deals screen does)."""
    from ui.sales.deals import say

    say(widget, text)


class AppraisalDialog(FormDialog):
    """A new appraisal of a customer's car, or changes to one. Use :meth:`ask`; it returns the saved
    appraisal's id or None."""

    customer_id = PickedCustomerId()
    told: list = []  # what saving a change did to its deals' approvals (service messages)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, trade_in_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trade_in_id = trade_in_id
        self.customer_picker = CustomerPicker(ctx)
        self.customer_picker.chosen.connect(lambda customer_id, name: self.set_customer(customer_id, name))
        self.deal_id: str | None = None
        self._serial = 0
        self.setWindowTitle(self.tr("Edit trade-in appraisal") if trade_in_id else self.tr("New trade-in appraisal"))
        self.setMinimumWidth(1040)
        currency = ctx.settings.currency
        left = QFormLayout()
        self.errors = FieldErrors(left)

        def line(name: str, label: str, max_len: int, field: str | None = None) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setMaxLength(max_len)
            self.errors.add_row(field or name, label, edit)
            return edit

        self.customer = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.errors.add_row("customer_id", self.tr("C&ustomer"), self.customer_picker)
        self.cars = QComboBox()
        self.cars.setObjectName("cars")
        self.cars.addItem(self.tr("Another car (type its VIN)"), None)
        self.cars.currentIndexChanged.connect(self._car_chosen)
        left.addRow(self.tr("Their &cars"), self.cars)
        self.known_cars: dict[str, trade_ins.CustomerCar] = {}
        self.vin = line("vin", self.tr("&VIN"), 17)
        self.make = line("make", self.tr("&Make"), 60)
        self.model = line("model", self.tr("M&odel"), 80)
        self.year = QSpinBox()
        self.year.setObjectName("model_year")
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("not known"))
        self.errors.add_row("model_year", self.tr("Model &year"), self.year)
        self.mileage = QSpinBox()
        self.mileage.setObjectName("mileage_km")
        self.mileage.setRange(0, 9_999_999)
        self.mileage.setSuffix(" km")
        self.mileage.setGroupSeparatorShown(True)
        self.errors.add_row("mileage_km", self.tr("Mi&leage"), self.mileage)
        self.appraised = DateEdit()
        self.appraised.setObjectName("appraised_on")
        self.errors.add_row("appraised_on", self.tr("Appraised o&n"), self.appraised)
        self.deal = LookupEdit()
        self.deal.setObjectName("deal")
        self.deal.setMaxLength(40)
        self.errors.add_row("deal_id", self.tr("&Deal"), self.deal)
        self.deal.setPlaceholderText(self.tr("Optional: the deal it is traded in on"))
        self.deal.editingFinished.connect(self.look_up_deal)
        self.owed = MoneyEdit(currency, field="outstanding_finance")
        self.owed.setObjectName("outstanding_finance")
        self.errors.add_row("outstanding_finance", self.tr("Outstanding &finance"), self.owed)
        self.lender = line("finance_lender", self.tr("Owed &to"), 120)
        self.acv = MoneyEdit(currency, field="actual_cash_value", required=True)
        self.acv.setObjectName("actual_cash_value")
        self.errors.add_row("actual_cash_value", self.tr("Actual cash &value"), self.acv)
        self.allowance = MoneyEdit(currency, field="allowance", required=True)
        self.allowance.setObjectName("allowance")
        self.errors.add_row("allowance", self.tr("&Allowance given"), self.allowance)
        self.notes = line("notes", self.tr("Note&s"), 2000)

        self.grade_boxes: dict[str, QComboBox] = {}
        self.condition_notes: dict[str, QLineEdit] = {}
        condition = QGroupBox(self.tr("Condition by area"))
        grid = QGridLayout(condition)
        grid.addWidget(QLabel(self.tr("Area")), 0, 0)
        grid.addWidget(QLabel(self.tr("Grade")), 0, 1)
        grid.addWidget(QLabel(self.tr("Note")), 0, 2)
        areas, grades = condition_area_labels(), grade_labels()
        for i, area in enumerate(CONDITION_AREAS, start=1):
            grade = QComboBox()
            grade.setObjectName(f"grade_{area}")
            for code, text in grades.items():
                grade.addItem(text, code)
            note = QLineEdit()
            note.setObjectName(f"note_{area}")
            note.setMaxLength(300)
            grid.addWidget(QLabel(areas[area]), i, 0)
            grid.addWidget(grade, i, 1)
            grid.addWidget(note, i, 2)
            self.grade_boxes[area], self.condition_notes[area] = grade, note
        grid.setColumnStretch(2, 1)

        self.costs: dict[str, MoneyEdit] = {}
        self.cost_notes: dict[str, QLineEdit] = {}
        recon = QGroupBox(self.tr("Reconditioning by kind"))
        rgrid = QGridLayout(recon)
        rgrid.addWidget(QLabel(self.tr("Kind")), 0, 0)
        rgrid.addWidget(QLabel(self.tr("Amount")), 0, 1)
        rgrid.addWidget(QLabel(self.tr("Note")), 0, 2)
        kinds = reconditioning_labels()
        for i, kind in enumerate(RECONDITIONING_KINDS, start=1):
            amount = MoneyEdit(currency, field=f"reconditioning.{kind}")
            amount.setObjectName(f"cost_{kind}")
            amount.setMaximumWidth(130)
            amount.textChanged.connect(self.update_figures)
            note = QLineEdit()
            note.setObjectName(f"cost_note_{kind}")
            note.setMaxLength(300)
            rgrid.addWidget(QLabel(kinds[kind]), i, 0)
            rgrid.addWidget(amount, i, 1)
            rgrid.addWidget(note, i, 2)
            self.costs[kind], self.cost_notes[kind] = amount, note
        rgrid.setColumnStretch(2, 1)
        self.grid_error = error_label()
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        for edit in (self.acv, self.allowance):
            edit.textChanged.connect(self.update_figures)

        right = QVBoxLayout()
        right.addWidget(condition)
        right.addWidget(recon)
        right.addWidget(self.grid_error)
        right.addWidget(self.figures)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        if trade_in_id:
            view = trade_ins.get_appraisal(ctx.db, ctx.actor, trade_in_id)
            self.fill(view)
            self.acv.setFocus()
        else:
            self.choose_customer.setFocus()
        self.update_figures()

    def fill(self, view: trade_ins.AppraisalView) -> None:
        d = view.data
        self.customer_picker.set_customer(d.customer_id, view.customer_name)
        self.customer_picker.set_locked(True)
        self.cars.setEnabled(False)
        for edit, value in ((self.vin, d.vin), (self.make, d.make), (self.model, d.model)):
            edit.setText(value)
            edit.setReadOnly(True)
        self.year.setValue(d.model_year or 0)
        self.year.setEnabled(False)
        self.mileage.setValue(d.mileage_km or 0)
        self.appraised.set_value(d.appraised_on)
        self.deal.setText(view.deal_number)
        self.deal_id = d.deal_id
        self.owed.set_value(d.outstanding_finance)
        self.lender.setText(d.finance_lender)
        self.acv.set_value(d.actual_cash_value)
        self.allowance.set_value(d.allowance)
        self.notes.setText(d.notes)
        for c in d.conditions:
            self.grade_boxes[c.area].setCurrentIndex(self.grade_boxes[c.area].findData(c.grade))
            self.condition_notes[c.area].setText(c.note)
        for r in d.reconditioning:
            self.costs[r.kind].set_value(r.amount)
            self.cost_notes[r.kind].setText(r.note)

    def set_customer(self, customer_id: str, name: str) -> Query:
        """Show ``customer_id`` and offer their cars, read on the database worker."""
        self.customer_picker.set_customer(customer_id, name)
        self.errors.clear_field("customer_id")
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor

        def arrived(found: list[trade_ins.CustomerCar]) -> None:
            if serial != self._serial or not shiboken6.isValid(self):
                return
            self.known_cars = {c.id: c for c in found}
            self.cars.blockSignals(True)
            while self.cars.count() > 1:
                self.cars.removeItem(1)
            for c in found:
                self.cars.addItem(" ".join(x for x in (c.plate, c.make, c.model, c.vin) if x), c.id)
            self.cars.blockSignals(False)
            if found:
                self.cars.setCurrentIndex(1)

        self.cars_query = Query(self, lambda: trade_ins.customer_cars(db, actor, customer_id)).success(arrived).run()
        return self.cars_query

    def _car_chosen(self, _index: int) -> None:
        car = self.known_cars.get(self.cars.currentData() or "")
        if car is None:
            return
        self.vin.setText(car.vin)
        self.make.setText(car.make)
        self.model.setText(car.model)
        self.year.setValue(car.model_year or 0)
        if car.odometer_km:
            self.mileage.setValue(car.odometer_km)

    def look_up_deal(self) -> Query | None:
        typed = self.deal.text().strip()
        if not typed:
            self.deal_id = None
            return None
        db, actor = self.ctx.db, self.ctx.actor

        def arrived(found: finance.DealChoice | None) -> None:
            if not shiboken6.isValid(self):
                return
            self.deal_id = found.id if found else None
            if found is None:
                label = self.errors.labels["deal_id"]
                label.setText(self.tr("No single deal has this number"))
                label.show()
                return
            self.deal.setText(found.number)
            if self.customer_id is None:
                self.set_customer(found.customer_id, found.customer_name)

        self.lookup = Query(self, lambda: finance.deal_choice(db, actor, typed)).success(arrived).run()
        return self.lookup

    def _amounts(self) -> dict[str, int]:
        out = {}
        for kind, edit in self.costs.items():
            # A cost typed wrongly is refused at its field, never taken as no cost.
            if edit.text().strip():
                out[kind] = edit.value()
        return out

    def update_figures(self) -> None:
        currency = self.ctx.settings.currency
        try:
            acv, allowance, recon = self.acv.value(), self.allowance.value(), \
                sum(self._amounts().values())
        except ValidationError:
            return
        over = trade_ins.over_allowance(acv, allowance)
        text = self.tr("Reconditioning %1 · true cost in stock %2").replace("%1", money_text(recon, currency)).replace(
            "%2", money_text(acv + recon, currency))
        if over:
            text += " · " + self.tr("over-allowance %1").replace("%1", money_text(over, currency))
        self.figures.setText(text)

    def data(self) -> trade_ins.AppraisalInput:
        conditions = [trade_ins.ConditionInput(area, box.currentData(), self.condition_notes[area].text())
                      for area, box in self.grade_boxes.items()]
        costs = [trade_ins.ReconditioningInput(kind, amount, self.cost_notes[kind].text())
                 for kind, amount in self._amounts().items()]
        return trade_ins.AppraisalInput(
            customer_id=self.customer_id or "", vin=self.vin.text(), make=self.make.text(), model=self.model.text(),
            model_year=self.year.value() or None, mileage_km=self.mileage.value() or None,
            appraised_on=self.appraised.value(), actual_cash_value=self.acv.value(), allowance=self.allowance.value(),
            outstanding_finance=self.owed.value(), finance_lender=self.lender.text(),
            deal_id=self.deal_id if self.deal.text().strip() else None, conditions=conditions,
            reconditioning=costs, notes=self.notes.text())

    def save(self) -> None:
        self.errors.clear()
        self.grid_error.hide()
        try:
            data = self.data()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, trade_in_id = self.ctx.db, self.ctx.actor, self.trade_in_id
        if trade_in_id:
            def work() -> str:
                self.told = trade_ins.update_appraisal(db, actor, trade_in_id, data)
                return trade_in_id

            self.submit(work)
        else:
            self.submit(lambda: trade_ins.create_appraisal(db, actor, data))

    def after_save(self, result: Any) -> None:
        # A change that withdrew a deal's approval is told to whoever made it (the status bar).
        if self.told:
            tell(self.parentWidget() or self, " ".join(service_text(t) for t in self.told))

    def show_field_error(self, exc: ValidationError) -> bool:
        if exc.field.startswith(("conditions[", "reconditioning")):
            self.grid_error.setText(detail_text(exc))
            self.grid_error.show()
            return True
        if exc.field == "vin" and self.vin.isReadOnly():
            return False
        return self.errors.show(exc)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)


class AcceptDialog(FormDialog):
    """The customer trades the car in: on one of their deals (typed) or on none yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 appraisal: trade_ins.AppraisalView) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appraisal = appraisal
        self.setWindowTitle(self.tr("Accept trade-in"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(hint_label(f"{appraisal.data.vin} · {appraisal.customer_name}"))
        self.deal = QLineEdit(appraisal.deal_number)
        self.deal.setObjectName("deal")
        self.deal.setPlaceholderText(self.tr("Optional: the deal's number"))
        self.errors.add_row("deal_id", self.tr("On &deal"), self.deal)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.deal.setFocus()

    def save(self) -> None:
        db, actor, row_id, typed = self.ctx.db, self.ctx.actor, self.appraisal.id, self.deal.text().strip()

        def work() -> tuple[str, list]:
            deal_id, number = None, ""
            if typed:
                found = finance.deal_choice(db, actor, typed)
                deal_id, number = (found.id, found.number) if found else ("?", "")
            return number, trade_ins.move(db, actor, row_id, "accepted", deal_id=deal_id)

        self.submit(work)

    def after_save(self, result: Any) -> None:
        number, told = result
        car = self.appraisal.data.plate or self.appraisal.data.vin
        text = (self.tr("The trade-in of %1 is accepted on deal %2.").replace("%2", number) if number
                else self.tr("The trade-in of %1 is accepted.")).replace("%1", car)
        tell(self.parentWidget() or self, " ".join([text, *(service_text(t) for t in told)]))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, appraisal: trade_ins.AppraisalView) -> bool:
        dialog = cls(ctx, parent, appraisal=appraisal)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return done


class TakeInDialog(FormDialog):
    """Take an accepted trade-in into stock as a used car: its stock number (empty: the next U number),
    the day it came in, where it stands and what it is offered at."""

    taken_as = ""  # the stock number it was given

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 appraisal: trade_ins.AppraisalView) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appraisal = appraisal
        currency = ctx.settings.currency
        self.setWindowTitle(self.tr("Take trade-in into stock"))
        self.setMinimumWidth(500)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(hint_label(self.tr("%1 goes into stock as a used car costing %2: its actual cash value %3 plus "
                                       "reconditioning %4.").replace("%1", appraisal.data.vin)
                               .replace("%2", money_text(appraisal.true_cost, currency))
                               .replace("%3", money_text(appraisal.data.actual_cash_value, currency))
                               .replace("%4", money_text(appraisal.reconditioning_total, currency))))
        self.stock_number = QLineEdit()
        self.stock_number.setObjectName("stock_number")
        self.stock_number.setMaxLength(40)
        self.stock_number.setPlaceholderText(self.tr("Empty: the next U number"))
        self.errors.add_row("stock_number", self.tr("&Stock number"), self.stock_number)
        self.day = DateEdit()
        self.day.setObjectName("on")
        self.errors.add_row("on", self.tr("In stock &on"), self.day)
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setMaxLength(80)
        self.errors.add_row("location", self.tr("&Location"), self.location)
        self.price = MoneyEdit(currency, field="list_price")
        self.price.setObjectName("list_price")
        self.errors.add_row("list_price", self.tr("List &price"), self.price)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.stock_number.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            price = self.price.value()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, row_id = self.ctx.db, self.ctx.actor, self.appraisal.id
        number, day, location = self.stock_number.text(), self.day.value(), self.location.text()

        def work() -> str:
            made = trade_ins.take_in(db, actor, row_id, stock_number=number, on=day, list_price=price,
                                     location=location)
            self.taken_as = trade_ins.get_appraisal(db, actor, row_id).stock_number
            return made

        self.submit(work)

    def after_save(self, result: Any) -> None:
        car = self.appraisal.data.plate or self.appraisal.data.vin
        tell(self.parentWidget() or self, self.tr("%1 is taken into stock as used car %2.").replace(
            "%1", car).replace("%2", self.taken_as))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)
