"""Stock vehicles (库存车辆): the stock list with its filters and the low-stock alert, a stock
vehicle's details (options, costs, moves in and out, documents) and the dialogs that change it.

Keys: Ctrl+N adds a car to stock, F2 or Enter edits the selected one, Ctrl+Shift+A moves it on (in
transit, in stock), Ctrl+Shift+C adds a cost, Ctrl+D records its documents, Ctrl+E exports the list as
filtered; in a dialog Enter saves and Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from models.vehicles import COST_KINDS, DOCUMENT_KINDS
from services.vehicles import catalogue, documents, inventory, stock
from store.changes import Changes
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.vehicles.labels import (
    age_band_labels,
    condition_labels,
    cost_kind_labels,
    document_kind_labels,
    stock_status_labels,
)
from ui.widgets.detail import Col, fields, heading, link, paragraph, table
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Query

# The alert names the models furthest below their threshold; the catalogue lists them all.
ALERT_SHOWN = 6


class StockScreen(ListScreen):
    detail_tables = ("stock_vehicle_cost", "stock_event", "stock_vehicle_option", "vehicle_document", "vehicle")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "stock_number": self.tr("Stock number"), "vin": self.tr("VIN"), "make": self.tr("Make"),
            "model": self.tr("Model"), "trim": self.tr("Trim"), "colour": self.tr("Colour"),
            "condition": self.tr("Condition"), "status": self.tr("Status"), "arrived_on": self.tr("Arrived"),
            "days_in_stock": self.tr("Days in stock"), "location": self.tr("Location"),
            "coc_received": self.tr("Certificate"), "list_price": self.tr("List price"), "cost": self.tr("Cost"),
        }
        if not ctx.can("cost.view"):
            headers.pop("cost")
        statuses, conditions = stock_status_labels(), condition_labels()
        models = catalogue.models(ctx.db, ctx.actor, active_only=False)
        names = sorted({m.name for m in models})
        view = ListView(
            ctx, "stock_vehicles", headers, noun_plural=self.tr("stock vehicles"),
            empty_text=self.tr("No vehicles in stock. Press Ctrl+N to add one."),
            filters=[
                FilterSpec("model", self.tr("Model"), tuple((n, n) for n in names)),
                FilterSpec("colour", self.tr("Colour"), tuple((c, c) for c in inventory.colours(ctx.db, ctx.actor))),
                FilterSpec("status", self.tr("Status"), tuple(statuses.items())),
                FilterSpec("age", self.tr("Age"), tuple(age_band_labels().items())),
                FilterSpec("condition", self.tr("Condition"), tuple(conditions.items())),
            ],
            value_labels={"status": statuses, "condition": conditions},
            export_name="stock vehicles", filters_below=True,
        )
        # Five filters on a row of their own (the list stays narrow enough for the detail pane in
        # English too): each is as wide as a short choice, and shows a longer one in full when opened.
        for combo in view.filter_widgets.values():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)
        view.search.setMinimumWidth(160)
        super().__init__(ctx, self.tr("Stock vehicles"), view, can_edit=ctx.can("vehicle.stock"), parent=parent)
        self.new_button.setText(self.tr("&Add to stock"))
        self.new_button.setToolTip(self.tr("Add a car to stock from the catalogue (Ctrl+N)"))
        self.arrive_button = QPushButton(self.tr("&Move on…"))
        self.arrive_button.setObjectName("arriveButton")
        self.arrive_button.setToolTip(self.tr("Move the selected car on: in transit, or into stock (Ctrl+Shift+A)"))
        self.arrive_button.clicked.connect(self.arrive_current)
        self.cost_button = QPushButton(self.tr("Add &cost…"))
        self.cost_button.setObjectName("costButton")
        self.cost_button.setToolTip(self.tr("Freight, reconditioning, accessories fitted, registration (Ctrl+Shift+C)"))
        self.cost_button.clicked.connect(self.add_cost_current)
        self.documents_button = QPushButton(self.tr("&Documents…"))
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.setToolTip(self.tr("Certificate of conformity, import documents, keys, registration "
                                                 "papers: received, kept where, handed over (Ctrl+D)"))
        self.documents_button.clicked.connect(self.documents_current)
        can_documents = ctx.can("vehicle.stock") or ctx.can("deal.edit")
        for button, key, allowed, slot in (
                (self.arrive_button, "Ctrl+Shift+A", self.can_edit, self.arrive_current),
                (self.cost_button, "Ctrl+Shift+C", self.can_edit, self.add_cost_current),
                (self.documents_button, "Ctrl+D", can_documents, self.documents_current)):
            button.setVisible(allowed)
            self.extra_buttons.addWidget(button)
            self.needs_selection(button)
            if allowed:
                QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.alert = QLabel()
        self.alert.setObjectName("lowStockAlert")
        self.alert.setWordWrap(True)
        self.alert.hide()
        self.layout().insertWidget(1, self.alert)
        self.alert_query: Query | None = None
        self.read_alert()

    # --- the low-stock alert --------------------------------------------------------------------
    def read_alert(self) -> Query:
        db, actor = self.ctx.db, self.ctx.actor
        self.alert_query = Query(self, lambda: catalogue.low_stock(db, actor)).success(self.show_alert).failure(
            lambda exc: show_error(self, exc)).run()
        return self.alert_query

    def show_alert(self, low: list[catalogue.LowStock]) -> None:
        if not low:
            self.alert.hide()
            self.alert.clear()
            return
        shown = ALERT_SHOWN
        items = ", ".join(self.tr("%1 %2: %3 of %4").replace("%1", x.make).replace("%2", x.name)
                          .replace("%3", str(x.available)).replace("%4", str(x.threshold)) for x in low[:shown])
        if len(low) > shown:
            items += " " + self.tr("and %1 more").replace("%1", str(len(low) - shown))
        self.alert.setText(self.tr("Low stock — new cars on order, in transit or in stock and not held by a deal, "
                                   "below the model's threshold: %1").replace("%1", items))
        self.alert.show()

    def on_changed(self, changes: Changes) -> None:
        super().on_changed(changes)
        if changes.touches("stock_vehicle", "catalogue_model"):
            self.read_alert()

    # --- the detail pane ------------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], inventory.StockVehicleDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: inventory.get(db, actor, row_id)

    def render_detail(self, row_id: str, d: inventory.StockVehicleDetail) -> str:
        currency = self.ctx.settings.currency
        statuses, kinds, documents_named = stock_status_labels(), cost_kind_labels(), document_kind_labels()
        title = " ".join(x for x in (d.make, d.model, d.variant) if x)
        html = [heading(f"{d.stock_number} · {title}"), paragraph(statuses.get(d.status, d.status), bold=True)]
        rows: list[tuple[str, object]] = [
            (self.tr("VIN"), d.vin), (self.tr("Condition"), condition_labels().get(d.condition, d.condition)),
            (self.tr("Model year"), d.model_year), (self.tr("Colour"), d.colour),
            (self.tr("Engine number"), d.engine_number), (self.tr("Plate"), d.plate),
            (self.tr("Location"), d.location), (self.tr("Ordered"), date_text(d.ordered_on)),
            (self.tr("Produced"), date_text(d.produced_on)), (self.tr("Arrived"), date_text(d.arrived_on)),
            (self.tr("Days in stock"), "" if d.days_in_stock is None else d.days_in_stock),
            (self.tr("Sold"), date_text(d.sold_on)), (self.tr("Delivered"), date_text(d.delivered_on)),
            (self.tr("List price"), money_text(d.list_price, currency)),
        ]
        if d.purchase_cost is not None:
            rows += [(self.tr("Purchase cost"), money_text(d.purchase_cost, currency)),
                     (self.tr("Total cost"), money_text(d.total_cost, currency))]
        rows.append((self.tr("Notes"), d.notes))
        html.append(fields(rows))
        html.append(paragraph(markup=link(f"vehicle:{d.vehicle_id}", self.tr("The vehicle's record"))))
        html.append(heading(self.tr("Options"), level=3))
        if d.options:
            html.append(table([Col.atom(self.tr("Code")), Col(self.tr("Option")), Col.number(self.tr("Price"))],
                              [(o.code, o.name, money_text(o.price, currency)) for o in d.options]))
        else:
            html.append(paragraph(self.tr("No options."), hint=True))
        if d.purchase_cost is not None:
            html.append(heading(self.tr("Added costs"), level=3))
            if d.costs:
                html.append(table([Col.atom(self.tr("Day")), Col(self.tr("Kind")), Col.number(self.tr("Amount")),
                                   Col(self.tr("Notes"))],
                                  [(date_text(c.incurred_on), kinds.get(c.kind, c.kind),
                                    money_text(c.amount, currency), c.notes) for c in d.costs]))
            else:
                html.append(paragraph(self.tr("No added costs."), hint=True))
        html.append(heading(self.tr("Documents"), level=3))
        if d.documents:
            html.append(table([Col(self.tr("Document")), Col(self.tr("Received")), Col(self.tr("Kept at")),
                               Col(self.tr("Handed over"))],
                              [(documents_named.get(x.kind, x.kind) + (f" {x.number}" if x.number else ""),
                                date_text(x.received_on), x.kept_at,
                                " ".join(v for v in (date_text(x.handed_over_on), x.handed_to) if v))
                               for x in d.documents]))
        if not any(x.kind == "certificate_of_conformity" and x.received_on for x in d.documents):
            html.append(paragraph(self.tr("The certificate of conformity has not been received."), bold=True))
        html.append(heading(self.tr("In and out of stock"), level=3))
        html.append(table([Col.atom(self.tr("When")), Col(self.tr("Who")), Col(self.tr("Move")), Col(self.tr("Why"))],
                          [(e.at, self.ctx.person(e.by),
                            " → ".join(statuses.get(s, s) for s in (e.from_status, e.to_status) if s), e.reason)
                           for e in d.events]))
        return "".join(html)

    def detail_changed(self, data: Any | None) -> None:
        movable = isinstance(data, inventory.StockVehicleDetail) and data.status in stock.ARRIVALS
        self.arrive_button.setEnabled(bool(movable) and self.current_id is not None)

    # --- actions ------------------------------------------------------------------------------
    def new_record(self) -> None:
        saved = AddStockDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        EditStockDialog.ask(self.ctx, self, stock_vehicle_id=row_id)

    def arrive_current(self) -> None:
        if self.current_id and self.can_edit:
            ArriveDialog.ask(self.ctx, self, stock_vehicle_id=self.current_id)

    def add_cost_current(self) -> None:
        if self.current_id and self.can_edit:
            CostDialog.ask(self.ctx, self, stock_vehicle_id=self.current_id)

    def documents_current(self) -> None:
        if self.current_id:
            DocumentsDialog.ask(self.ctx, self, stock_vehicle_id=self.current_id)


class _Dialog(FormDialog):
    """A form whose Enter saves (Esc cancels); subclasses build ``form`` and implement ``save``."""

    def _setup(self, ctx: AppContext, title: str) -> QFormLayout:
        self.ctx = ctx
        self.setWindowTitle(title)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        return form

    def _finish(self, *parts: Any) -> None:
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QFormLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and not isinstance(self.focusWidget(), QListWidget):
            self.save()
            return
        super().keyPressEvent(event)


def _options_list(name: str) -> QListWidget:
    box = QListWidget()
    box.setObjectName(name)
    box.setMinimumHeight(90)
    return box


def _fill_options(box: QListWidget, options: list[inventory.OptionLine], currency: str, chosen: set[str]) -> None:
    box.clear()
    for o in options:
        item = QListWidgetItem(f"{o.code} · {o.name} · {money_text(o.price, currency)}")
        item.setData(Qt.ItemDataRole.UserRole, o.option_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if o.option_id in chosen else Qt.CheckState.Unchecked)
        box.addItem(item)


def _checked(box: QListWidget) -> list[str]:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


class AddStockDialog(_Dialog):
    """A car into stock: new from a catalogue trim and its options, or used by its model. Use
    :meth:`ask`; it returns the new stock vehicle's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = self._setup(ctx, self.tr("Add a car to stock"))
        self.setMinimumWidth(620)
        currency = ctx.settings.currency
        self.condition = QComboBox()
        self.condition.setObjectName("condition")
        for code, label in condition_labels().items():
            self.condition.addItem(label, code)
        self.errors.add_row("condition", self.tr("C&ondition"), self.condition)
        self.model = QComboBox()
        self.model.setObjectName("model")
        self.models = catalogue.models(ctx.db, ctx.actor)
        for m in self.models:
            self.model.addItem(f"{m.make} {m.name}", m.id)
        self.errors.add_row("model", self.tr("&Model"), self.model)
        self.trim = QComboBox()
        self.trim.setObjectName("trim")
        self.errors.add_row("trim_id", self.tr("&Trim"), self.trim)
        self.options = _options_list("options")
        self.errors.add_row("options", self.tr("O&ptions"), self.options)
        self.vin = QLineEdit()
        self.vin.setObjectName("vin")
        self.vin.setMaxLength(20)
        self.vin.setPlaceholderText(self.tr("17 characters, no I, O or Q"))
        self.errors.add_row("vin", self.tr("&VIN"), self.vin)
        self.colour = QLineEdit()
        self.colour.setObjectName("colour")
        self.colour.setMaxLength(40)
        self.errors.add_row("colour", self.tr("Co&lour"), self.colour)
        self.engine_number = QLineEdit()
        self.engine_number.setObjectName("engine_number")
        self.engine_number.setMaxLength(40)
        self.errors.add_row("engine_number", self.tr("&Engine number"), self.engine_number)
        self.stock_number = QLineEdit()
        self.stock_number.setObjectName("stock_number")
        self.stock_number.setMaxLength(40)
        self.stock_number.setPlaceholderText(self.tr("Empty: the next number of the series"))
        self.errors.add_row("stock_number", self.tr("&Stock number"), self.stock_number)
        self.status = QComboBox()
        self.status.setObjectName("status")
        statuses = stock_status_labels()
        for code in inventory.ENTRY_STATUSES:
            self.status.addItem(statuses[code], code)
        self.errors.add_row("status", self.tr("St&atus"), self.status)
        self.arrived_on = DateEdit()
        self.arrived_on.setObjectName("arrived_on")
        self.errors.add_row("arrived_on", self.tr("A&rrived on"), self.arrived_on)
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setMaxLength(80)
        self.location.setPlaceholderText(self.tr("e.g. showroom, yard B-12"))
        self.errors.add_row("location", self.tr("Locat&ion"), self.location)
        self.purchase_cost = MoneyEdit(currency, field="purchase_cost")
        self.purchase_cost.setObjectName("purchase_cost")
        self.errors.add_row("purchase_cost", self.tr("Purchase &cost"), self.purchase_cost)
        self.list_price = MoneyEdit(currency, field="list_price")
        self.list_price.setObjectName("list_price")
        self.list_price.setPlaceholderText(self.tr("Empty: the trim's list price plus the options'"))
        self.errors.add_row("list_price", self.tr("List &price"), self.list_price)
        self.model.currentIndexChanged.connect(lambda _i: self.load_model())
        self.condition.currentIndexChanged.connect(lambda _i: self.load_model())
        self.status.currentIndexChanged.connect(lambda _i: self.arrived_on.setEnabled(
            self.status.currentData() == "in_stock"))
        self.arrived_on.setEnabled(False)
        hint = hint_label(self.tr("A car is added from the catalogue (Vehicle catalogue). A used car may have no trim "
                                  "of the catalogue."))
        self._finish(hint, form)
        self.load_model()
        self.model.setFocus()

    def load_model(self) -> None:
        """Offer the chosen model's trims and options (a quick read of the catalogue). GUI thread."""
        model_id = self.model.currentData()
        self.trim.clear()
        if self.condition.currentData() == "used":
            self.trim.addItem(self.tr("Not from the catalogue"), None)
        currency = self.ctx.settings.currency
        if model_id:
            for trim_id, name, year, price in inventory.trim_choices(self.ctx.db, self.ctx.actor, model_id):
                self.trim.addItem(f"{year} {name} · {money_text(price, currency)}", trim_id)
            _fill_options(self.options, inventory.option_choices(self.ctx.db, self.ctx.actor, model_id), currency,
                          set())
        else:
            self.options.clear()

    def data(self) -> inventory.StockVehicleInput:
        chosen = next((m for m in self.models if m.id == self.model.currentData()), None)
        return inventory.StockVehicleInput(
            vin=self.vin.text(), condition=self.condition.currentData(), trim_id=self.trim.currentData(),
            make=chosen.make if chosen else "", model=chosen.name if chosen else "", colour=self.colour.text(),
            engine_number=self.engine_number.text(), stock_number=self.stock_number.text(),
            status=self.status.currentData(), location=self.location.text(),
            arrived_on=self.arrived_on.value() if self.status.currentData() == "in_stock" else None,
            purchase_cost=self.purchase_cost.value(),
            list_price=self.list_price.value() if self.list_price.text().strip() else None,
            option_ids=_checked(self.options))

    def save(self) -> None:
        self.errors.clear()
        try:
            data = self.data()
        except ValidationError as exc:
            self._failed(exc)
            return
        if not self.models:
            self.errors.show(ValidationError("model", self.tr("The catalogue has no models yet: add one in Vehicle "
                                                              "catalogue first")))
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: inventory.add(db, actor, data))


class EditStockDialog(_Dialog):
    """Where a stock car is, what it is offered at, what it cost, its dates and options."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, stock_vehicle_id: str) -> None:
        super().__init__(parent)
        self.stock_vehicle_id = stock_vehicle_id
        d = inventory.get(ctx.db, ctx.actor, stock_vehicle_id)
        form = self._setup(ctx, self.tr("Edit stock vehicle %1").replace("%1", d.stock_number))
        self.setMinimumWidth(560)
        currency = ctx.settings.currency
        self.location = QLineEdit(d.location)
        self.location.setObjectName("location")
        self.errors.add_row("location", self.tr("Locat&ion"), self.location)
        self.colour = QLineEdit(d.colour)
        self.colour.setObjectName("colour")
        self.errors.add_row("colour", self.tr("Co&lour"), self.colour)
        self.list_price = MoneyEdit(currency, field="list_price", required=True)
        self.list_price.setObjectName("list_price")
        self.list_price.set_value(d.list_price)
        self.errors.add_row("list_price", self.tr("List &price"), self.list_price)
        self.purchase_cost = MoneyEdit(currency, field="purchase_cost", required=True)
        self.purchase_cost.setObjectName("purchase_cost")
        self.purchase_cost.set_value(d.purchase_cost)
        # A sold car's purchase cost and arrival are those its sale was booked with.
        self.booked = d.status == "sold"
        if self.booked:
            self.purchase_cost.setEnabled(False)
            self.purchase_cost.setToolTip(self.tr("The car is sold: its cost is the one its sale was booked with; "
                                                  "add a cost instead"))
        if d.purchase_cost is not None:
            self.errors.add_row("purchase_cost", self.tr("Purchase &cost"), self.purchase_cost)
        self.ordered_on = DateEdit(d.ordered_on, optional=True)
        self.ordered_on.setObjectName("ordered_on")
        self.errors.add_row("ordered_on", self.tr("&Ordered on"), self.ordered_on)
        self.produced_on = DateEdit(d.produced_on, optional=True)
        self.produced_on.setObjectName("produced_on")
        self.errors.add_row("produced_on", self.tr("Pro&duced on"), self.produced_on)
        self.arrived_on = DateEdit(d.arrived_on, optional=True)
        self.arrived_on.setObjectName("arrived_on")
        self.arrived_on.setEnabled(d.arrived_on is not None and not self.booked)
        if self.booked:
            self.arrived_on.setToolTip(self.tr("The car is sold: its arrival day is the one its sale was booked "
                                               "with"))
        self.errors.add_row("arrived_on", self.tr("A&rrived on"), self.arrived_on)
        self.options = _options_list("options")
        self.has_catalogue = d.trim_id is not None and d.catalogue_model_id is not None
        if self.has_catalogue:
            _fill_options(self.options, inventory.option_choices(ctx.db, ctx.actor, d.catalogue_model_id), currency,
                          {o.option_id for o in d.options if o.option_id})
            self.errors.add_row("options", self.tr("O&ptions"), self.options)
        self.notes = QLineEdit(d.notes)
        self.notes.setObjectName("notes")
        self.errors.add_row("notes", self.tr("&Notes"), self.notes)
        self.see_cost = d.purchase_cost is not None
        parts: list[Any] = [form]
        if self.booked:
            self.booked_hint = hint_label(self.tr("Sold: the purchase cost and arrival day are those its sale was "
                                                  "booked with. A cost found later is added with Add cost… on "
                                                  "the stock page."))
            self.booked_hint.setObjectName("bookedHint")
            parts.append(self.booked_hint)
        self._finish(*parts)
        self.location.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            data = inventory.StockVehicleChanges(
                location=self.location.text(), list_price=self.list_price.value(),
                purchase_cost=self.purchase_cost.value() if self.see_cost and not self.booked else None,
                ordered_on=self.ordered_on.value(), produced_on=self.produced_on.value(),
                arrived_on=self.arrived_on.value() if self.arrived_on.isEnabled() else None,
                colour=self.colour.text(), option_ids=_checked(self.options) if self.has_catalogue else None,
                notes=self.notes.text())
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, sid = self.ctx.db, self.ctx.actor, self.stock_vehicle_id

        def work() -> str:
            inventory.update(db, actor, sid, data)
            return sid

        self.submit(work)


class ArriveDialog(_Dialog):
    """Move a car on: on order → in transit → in stock (with the day it arrived)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, stock_vehicle_id: str) -> None:
        super().__init__(parent)
        self.stock_vehicle_id = stock_vehicle_id
        d = inventory.get(ctx.db, ctx.actor, stock_vehicle_id)
        form = self._setup(ctx, self.tr("Move stock vehicle %1 on").replace("%1", d.stock_number))
        self.setMinimumWidth(460)
        statuses = stock_status_labels()
        self.to_status = QComboBox()
        self.to_status.setObjectName("to_status")
        for code in stock.ARRIVALS.get(d.status, ()):
            self.to_status.addItem(statuses[code], code)
        self.errors.add_row("to_status", self.tr("&To"), self.to_status)
        self.day = DateEdit()
        self.day.setObjectName("arrived_on")
        self.errors.add_row("arrived_on", self.tr("&Arrived on"), self.day)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("e.g. the carrier's delivery note"))
        self.errors.add_row("reason", self.tr("&Note"), self.reason)
        self.to_status.currentIndexChanged.connect(
            lambda _i: self.day.setEnabled(self.to_status.currentData() == "in_stock"))
        self.to_status.setCurrentIndex(self.to_status.count() - 1)
        self.day.setEnabled(self.to_status.currentData() == "in_stock")
        self._finish(hint_label(self.tr("Now %1.").replace("%1", statuses.get(d.status, d.status))), form)
        self.to_status.setFocus()

    def save(self) -> None:
        to_status = self.to_status.currentData()
        if to_status is None:
            self.reject()
            return
        db, actor, sid = self.ctx.db, self.ctx.actor, self.stock_vehicle_id
        day = self.day.value() if to_status == "in_stock" else None
        reason = self.reason.text()

        def work() -> str:
            stock.arrive(db, actor, sid, to_status, on=day, reason=reason)
            return sid

        self.submit(work)


class CostDialog(_Dialog):
    """A cost added to a stock car (freight, reconditioning, accessories fitted, registration, other)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, stock_vehicle_id: str) -> None:
        super().__init__(parent)
        self.stock_vehicle_id = stock_vehicle_id
        form = self._setup(ctx, self.tr("Add a cost"))
        self.setMinimumWidth(460)
        labels = cost_kind_labels()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code in COST_KINDS:
            self.kind.addItem(labels[code], code)
        self.errors.add_row("kind", self.tr("&Kind"), self.kind)
        self.amount = MoneyEdit(ctx.settings.currency, field="amount", required=True)
        self.amount.setObjectName("amount")
        self.errors.add_row("amount", self.tr("&Amount"), self.amount)
        self.day = DateEdit()
        self.day.setObjectName("incurred_on")
        self.errors.add_row("incurred_on", self.tr("&Day"), self.day)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(300)
        self.errors.add_row("notes", self.tr("&Notes"), self.notes)
        self._finish(form)
        self.kind.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            amount = self.amount.value()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, sid = self.ctx.db, self.ctx.actor, self.stock_vehicle_id
        kind, day, notes = self.kind.currentData(), self.day.value(), self.notes.text()
        self.submit(lambda: inventory.add_cost(db, actor, sid, kind, amount, incurred_on=day, notes=notes))


class DocumentsDialog(_Dialog):
    """The car's documents and keys: one line per kind — its number, the day received and where it is
    kept, the day handed over and to whom."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, stock_vehicle_id: str) -> None:
        super().__init__(parent)
        d = inventory.get(ctx.db, ctx.actor, stock_vehicle_id)
        self.vehicle_id = d.vehicle_id
        form = self._setup(ctx, self.tr("Documents of %1").replace("%1", d.stock_number))
        self.setMinimumWidth(1000)
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((self.tr("Document"), self.tr("Number"), self.tr("Received on"),
                                       self.tr("Kept at"), self.tr("Handed over on"), self.tr("Handed to"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        names = document_kind_labels()
        have = {x.kind: x for x in d.documents}
        self.lines: dict[str, tuple[QLineEdit, DateEdit, QLineEdit, DateEdit, QLineEdit]] = {}
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        for row, kind in enumerate(DOCUMENT_KINDS, start=1):
            old = have.get(kind)
            number = QLineEdit(old.number if old else "")
            number.setObjectName(f"{kind}_number")
            received = DateEdit(old.received_on if old else None, optional=True)
            received.setObjectName(f"{kind}_received_on")
            kept = QLineEdit(old.kept_at if old else "")
            kept.setObjectName(f"{kind}_kept_at")
            kept.setPlaceholderText(self.tr("e.g. safe"))
            handed = DateEdit(old.handed_over_on if old else None, optional=True)
            handed.setObjectName(f"{kind}_handed_over_on")
            handed_to = QLineEdit(old.handed_to if old else "")
            handed_to.setObjectName(f"{kind}_handed_to")
            label = QLabel(names[kind])
            label.setBuddy(number)
            grid.addWidget(label, row, 0)
            for column, widget in enumerate((number, received, kept, handed, handed_to), start=1):
                grid.addWidget(widget, row, column)
            self.lines[kind] = (number, received, kept, handed, handed_to)
        self.errors.widgets["documents"] = grid_box
        self.errors.labels["documents"] = self.error
        self._finish(hint_label(self.tr("A date left \"not known\" is not recorded. The certificate of conformity "
                                        "must be received before the car is delivered.")), grid_box, self.error, form)
        self.lines[DOCUMENT_KINDS[0]][0].setFocus()

    def data(self) -> list[documents.DocumentInput]:
        return [documents.DocumentInput(kind, number=n.text(), received_on=r.value(), kept_at=k.text(),
                                        handed_over_on=h.value(), handed_to=t.text())
                for kind, (n, r, k, h, t) in self.lines.items()]

    def show_field_error(self, exc: ValidationError) -> bool:
        kind = self._kind_of(exc.field)
        text = detail_text(exc)
        self.error.setText(f"{document_kind_labels()[kind]}: {text}" if kind else text)
        self.error.show()
        return True

    def _kind_of(self, field: str) -> str:
        if field.startswith("documents[") and "]" in field:
            index = int(field[len("documents["):field.index("]")]) - 1
            if 0 <= index < len(DOCUMENT_KINDS):
                return list(self.lines)[index]
        return ""

    def save(self) -> None:
        self.error.hide()
        db, actor, vehicle_id, docs = self.ctx.db, self.ctx.actor, self.vehicle_id, self.data()

        def work() -> str:
            documents.save_documents(db, actor, vehicle_id, docs)
            return vehicle_id

        self.submit(work)
