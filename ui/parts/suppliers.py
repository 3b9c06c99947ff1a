"""Suppliers: the list, a supplier's details with its delivery performance and price history, and the
supplier form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.quantities import quantity_text
from services.parts import purchasing
from ui.context import AppContext
from ui.formatting import date_text, money_text, phone_text
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.forms import FieldErrors, FormDialog
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen

PRICE_HISTORY_ROWS = 30


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} %"


_SupplierDetail = tuple[purchasing.SupplierView, purchasing.SupplierPerformance]


class SuppliersScreen(ListScreen):
    detail_tables = ("purchase_order", "purchase_order_line", "goods_receipt")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "name": self.tr("Name"), "contact_name": self.tr("Contact"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "lead_time_days": self.tr("Lead time (days)"), "terms": self.tr("Terms"),
            "active": self.tr("Active"),
        }
        view = ListView(
            ctx, "suppliers", headers, noun_plural=self.tr("suppliers"),
            empty_text=self.tr("No suppliers yet. Press Ctrl+N to add the first one."),
            filters=[FilterSpec("active", self.tr("Active"))], export_name="suppliers",
        )
        super().__init__(ctx, self.tr("Suppliers"), view, can_edit=ctx.can("part.edit"), parent=parent)
        self.new_button.setText(self.tr("&New supplier"))
        self.new_button.setToolTip(self.tr("Add a supplier (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit supplier"))
        self.edit_button.setToolTip(self.tr("Change the selected supplier (F2)"))

    def read_detail(self, row_id: str) -> Callable[[], _SupplierDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: (purchasing.get_supplier(db, actor, row_id), purchasing.supplier_performance(db, actor, row_id))

    def render_detail(self, row_id: str, data: _SupplierDetail) -> str:
        s, perf = data
        currency = self.ctx.settings.currency
        html = [heading(s.name), fields([
            (self.tr("Contact"), s.contact_name),
            (self.tr("Phone"), phone_text(s.phone, self.ctx.settings.country)),
            (self.tr("E-mail"), s.email),
            (self.tr("Address"), s.address),
            (self.tr("Lead time"), self.tr("%n day(s)", "", s.lead_time_days)),
            (self.tr("Terms"), s.terms),
            (self.tr("Status"), self.tr("Active") if s.active else self.tr("Inactive")),
        ])]
        html.append(heading(self.tr("Performance"), level=3))
        html.append(fields([
            (self.tr("Deliveries"), str(perf.receipts)),
            (self.tr("On time"), _percent(perf.on_time_rate)),
            (self.tr("Fill rate"), _percent(perf.fill_rate)),
            (self.tr("Ordered / received"), f"{quantity_text(perf.ordered)} / {quantity_text(perf.received)}"),
        ]))
        html.append(heading(self.tr("Price history"), level=3))
        if not perf.price_history:
            html.append(paragraph(self.tr("Nothing received from this supplier yet."), hint=True))
        else:
            rows = []
            for p in perf.price_history[-PRICE_HISTORY_ROWS:]:
                change = "" if not p.change else ("+" if p.change > 0 else "") + money_text(p.change, currency)
                rows.append((p.part_number, date_text(p.received_on), money_text(p.unit_cost, currency), change,
                             p.order_number))
            html.append(table([Col.atom(self.tr("Part number")), Col.atom(self.tr("Received")),
                               Col.number(self.tr("Unit cost")), Col.number(self.tr("Change")),
                               Col.atom(self.tr("Order"))], rows))
        return "".join(html)

    def new_record(self) -> None:
        supplier_id = SupplierDialog.ask(self.ctx, self)
        if supplier_id:
            self.list.reload()
            self.list.select_id(supplier_id)

    def edit_record(self, row_id: str) -> None:
        SupplierDialog.ask(self.ctx, self, supplier_id=row_id)


class SupplierDialog(FormDialog):
    """A new supplier, or changes to one. Use :meth:`ask`; it returns the saved supplier's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, supplier_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supplier_id = supplier_id
        self.setWindowTitle(self.tr("Edit supplier") if supplier_id else self.tr("New supplier"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)

        def line(field: str, label: str, max_len: int) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setMaxLength(max_len)
            self.errors.add_row(field, label, edit)
            return edit

        self.name = line("name", self.tr("&Name"), 200)
        self.contact_name = line("contact_name", self.tr("&Contact"), 120)
        self.phone = line("phone", self.tr("&Phone"), 40)
        self.email = line("email", self.tr("&E-mail"), 120)
        self.address = QPlainTextEdit()
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(60)
        self.errors.add_row("address", self.tr("&Address"), self.address)
        self.lead_time_days = QSpinBox()
        self.lead_time_days.setObjectName("lead_time_days")
        self.lead_time_days.setRange(0, 999)
        self.lead_time_days.setSuffix(self.tr(" days"))
        self.lead_time_days.setValue(7)
        self.errors.add_row("lead_time_days", self.tr("&Lead time"), self.lead_time_days)
        self.terms = line("terms", self.tr("&Terms"), 120)
        self.active = QCheckBox(self.tr("Orders may be placed with this supplier"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.errors.add_row("active", self.tr("Acti&ve"), self.active)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if supplier_id:
            s = purchasing.get_supplier(ctx.db, ctx.actor, supplier_id)
            for edit, value in ((self.name, s.name), (self.contact_name, s.contact_name), (self.phone, s.phone),
                                (self.email, s.email), (self.terms, s.terms)):
                edit.setText(value)
            self.address.setPlainText(s.address)
            self.lead_time_days.setValue(s.lead_time_days)
            self.active.setChecked(s.active)
        self.name.setFocus()

    def data(self) -> purchasing.SupplierInput:
        return purchasing.SupplierInput(
            name=self.name.text(), contact_name=self.contact_name.text(), phone=self.phone.text(),
            email=self.email.text(), address=self.address.toPlainText(), lead_time_days=self.lead_time_days.value(),
            terms=self.terms.text(), active=self.active.isChecked())

    def save(self) -> None:
        data = self.data()
        db, actor, supplier_id = self.ctx.db, self.ctx.actor, self.supplier_id
        if supplier_id:
            def work() -> str:
                purchasing.update_supplier(db, actor, supplier_id, data)
                return supplier_id

            self.submit(work)
        else:
            self.submit(lambda: purchasing.create_supplier(db, actor, data))
