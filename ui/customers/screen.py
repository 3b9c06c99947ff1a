"""Customers: the list, a detail pane and the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from services import customers
from ui.context import AppContext
from ui.formatting import phone_text
from ui.widgets.detail import bullets, fields, heading, link, paragraph
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Op


class CustomersScreen(ListScreen):
    detail_tables = ("contact", "vehicle")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "name": self.tr("Name"), "kind": self.tr("Type"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "city": self.tr("City"), "active": self.tr("Active"),
            "created_at": self.tr("Created"),
        }
        view = ListView(
            ctx, "customers", headers, noun_plural=self.tr("customers"),
            empty_text=self.tr("No customers yet. Press Ctrl+N to add the first one."),
            filters=[
                FilterSpec("kind", self.tr("Type"), (("person", self.tr("Person")), ("company", self.tr("Company")))),
                FilterSpec("active", self.tr("Active")),
                FilterSpec("created", self.tr("Created")),
            ],
            export_name="customers",
            value_labels={"kind": {"person": self.tr("Person"), "company": self.tr("Company")}},
        )
        super().__init__(ctx, self.tr("Customers"), view, can_edit=ctx.can("customer.edit"), parent=parent)
        self.kind_labels = {"person": self.tr("Person"), "company": self.tr("Company")}
        if ctx.can("customer.delete"):
            self.delete_button = QPushButton(self.tr("Delete"))
            self.delete_button.clicked.connect(lambda _checked=False: self.delete_current())
            self.extra_buttons.addWidget(self.delete_button)
            self.needs_selection(self.delete_button)

    def read_detail(self, row_id: str) -> Callable[[], customers.CustomerDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: customers.get(db, actor, row_id)

    def render_detail(self, row_id: str, d: customers.CustomerDetail) -> str:
        c = d.data
        region = self.ctx.settings.country
        html = [heading(c.name)]
        if c.alt_name:
            html.append(paragraph(c.alt_name))
        html.append(fields([
            (self.tr("Type"), self.kind_labels.get(c.kind, c.kind)),
            (self.tr("Phone"), phone_text(c.phone, region)),
            (self.tr("E-mail"), c.email),
            (self.tr("ID number"), c.id_number),
            (self.tr("Credit code"), c.company_reg),
            (self.tr("Address"), " ".join(x for x in (c.address, c.city, c.postcode) if x)),
            (self.tr("Birth date"), c.birth_date),
            (self.tr("Notes"), c.notes),
            (self.tr("Status"), self.tr("Active") if c.active else self.tr("Inactive")),
            (self.tr("Last changed"), f"{d.updated_at[:16]} · {d.updated_by}"),
        ]))
        if c.contacts:
            html.append(heading(self.tr("Contacts"), level=3))
            html.append(bullets(
                html_escape(" · ".join(p for p in (x.name, x.position, phone_text(x.phone, region),
                                                    x.email) if p))
                for x in c.contacts))
        html.append(heading(self.tr("Vehicles"), level=3))
        if d.vehicles:
            html.append(bullets(
                link(f"vehicle:{v.id}", " ".join(x for x in (v.plate, v.make, v.model, str(v.model_year or "")) if x))
                + f" · {html_escape(v.vin)}" for v in d.vehicles))
        else:
            html.append(paragraph(self.tr("No vehicles."), hint=True))
        return "".join(html)

    def new_record(self) -> None:
        from ui.customers.editor import CustomerDialog

        new_id = CustomerDialog.ask(self.ctx, None, self)
        if new_id:
            self.list.reload()
            self.open_record(new_id)

    def edit_record(self, row_id: str) -> None:
        from ui.customers.editor import CustomerDialog

        CustomerDialog.ask(self.ctx, row_id, self)

    def delete_current(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if not self.current_id:
            return
        answer = QMessageBox.question(self, self.tr("Delete customer"),
                                      self.tr("Delete this customer and their contacts?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, customer_id = self.ctx.db, self.ctx.actor, self.current_id
        Op(self, lambda _p, _c: customers.delete_customer(db, actor, customer_id)).run()
