"""Customers: the list, a detail pane with the customer's timeline, notes and the editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.status_words import status_word
from services import customers
from services.customers import timeline
from ui.context import AppContext
from ui.formatting import date_text, local_datetime, money_text, phone_text
from ui.messages import service_text
from ui.widgets.detail import bullets, fields, heading, link, paragraph
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Op


def timeline_kind_labels() -> dict[str, str]:
    """Timeline entry kind → what the screens call it."""
    return {
        "lead": QCoreApplication.translate("Customers", "Lead"),
        "deal": QCoreApplication.translate("Customers", "Deal"),
        "trade_in": QCoreApplication.translate("Customers", "Trade-in"),
        "vehicle": QCoreApplication.translate("Customers", "Vehicle"),
        "appointment": QCoreApplication.translate("Customers", "Appointment"),
        "repair_order": QCoreApplication.translate("Customers", "Repair order"),
        "invoice": QCoreApplication.translate("Customers", "Invoice"),
        "payment": QCoreApplication.translate("Customers", "Payment"),
        "survey": QCoreApplication.translate("Customers", "Survey"),
        "note": QCoreApplication.translate("Customers", "Note"),
        "test_drive": QCoreApplication.translate("Customers", "Test drive"),
        "task": QCoreApplication.translate("Customers", "Follow-up task"),
        "insurance_policy": QCoreApplication.translate("Customers", "Insurance policy"),
    }


@dataclass(frozen=True)
class CustomerView:
    detail: customers.CustomerDetail
    timeline: list[timeline.Entry]


class TimelineView(QTreeWidget):
    """A customer's timeline, newest first; Enter or a double-click opens the entry's record where a
    screen shows it."""

    COLUMNS = 3

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("timeline")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Record")])
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, 130)
        self.itemActivated.connect(lambda item, _col: self.open(item))
        from ui.billing.labels import kind_labels, method_labels

        # Codes a source gives as its title or detail, in words.
        self.words = {"payment": method_labels(ctx), "invoice": kind_labels()}

    def show_entries(self, entries: list[timeline.Entry]) -> None:
        self.clear()
        kinds = timeline_kind_labels()
        currency = self.ctx.settings.currency
        items = []
        for e in entries:
            when = local_datetime(e.at) if len(e.at) > 10 else date_text(e.at)
            what = kinds.get(e.kind, e.kind)
            if e.status:
                what = f"{what} · {service_text(status_word(e.status))}"
            if e.amount is None:
                amount = ""
            elif e.kind == "survey":
                amount = self.tr("score %1").replace("%1", str(e.amount))
            else:
                amount = money_text(e.amount, currency)
            words = self.words.get(e.kind, {})
            record = " · ".join(x for x in (words.get(e.title, e.title), amount, words.get(e.detail, e.detail)) if x)
            item = QTreeWidgetItem([when[:10], what, record])
            item.setData(0, Qt.ItemDataRole.UserRole, (e.open_kind, e.ref_id))
            item.setToolTip(0, when)
            item.setToolTip(1, what)
            item.setToolTip(2, record)
            items.append(item)
        self.addTopLevelItems(items)
        if items:
            self.setCurrentItem(items[0])

    def open(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, ref = item.data(0, Qt.ItemDataRole.UserRole)
        window = self.window()
        if kind and hasattr(window, "open_record"):
            window.open_record(kind, ref)


class CustomersScreen(ListScreen):
    detail_tables = ("contact", "vehicle", "customer_tag", "customer_note", "lead", "deal", "trade_in", "appointment",
                     "repair_order", "invoice", "payment", "survey")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from ui.customers.editor import grade_labels

        self.grade_labels = grade_labels()
        headers = {
            "name": self.tr("Name"), "kind": self.tr("Type"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "city": self.tr("City"), "grade": self.tr("Grade"), "tags": self.tr("Tags"),
            "id_number": self.tr("ID number"), "created_at": self.tr("Created"),
        }
        tags = customers.tags_in_use(ctx.db, ctx.actor)
        view = ListView(
            ctx, "customers", headers, noun_plural=self.tr("customers"),
            empty_text=self.tr("No customers yet. Press Ctrl+N to add the first one."),
            filters=[
                FilterSpec("kind", self.tr("Type"), (("person", self.tr("Person")), ("company", self.tr("Company")))),
                FilterSpec("grade", self.tr("Grade"), tuple((g, g) for g in ("A", "B", "C", "D"))),
                FilterSpec("tag", self.tr("Tag"), tuple((t, t) for t in tags)),
                FilterSpec("active", self.tr("Active")),
                FilterSpec("marketing_ok", self.tr("Marketing")),
                FilterSpec("created", self.tr("Created")),
            ],
            export_name="customers",
            value_labels={"kind": {"person": self.tr("Person"), "company": self.tr("Company")}},
            filters_below=True,
        )
        super().__init__(ctx, self.tr("Customers"), view, can_edit=ctx.can("customer.edit"), parent=parent)
        self.kind_labels = {"person": self.tr("Person"), "company": self.tr("Company")}
        # Tags are the users' own words: the filter stays narrow whatever their length.
        tag_filter = self.list.filter_widgets["tag"]
        tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        tag_filter.setMinimumContentsLength(5)
        grade_filter = self.list.filter_widgets["grade"]
        grade_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        grade_filter.setMinimumContentsLength(3)
        # The details above, the customer's timeline (客户时间线) below them.
        self.timeline = TimelineView(ctx)
        timeline_title = QLabel(self.tr("&Timeline"))
        timeline_title.setObjectName("sectionTitle")
        timeline_title.setBuddy(self.timeline)
        timeline_pane = QWidget()
        timeline_layout = QVBoxLayout(timeline_pane)
        timeline_layout.setContentsMargins(0, 4, 0, 0)
        timeline_layout.addWidget(timeline_title)
        timeline_layout.addWidget(self.timeline, 1)
        self.panes = QSplitter(Qt.Orientation.Vertical)
        self.panes.setObjectName("customerPanes")
        self.splitter.replaceWidget(1, self.panes)
        self.panes.addWidget(self.detail)
        self.panes.addWidget(timeline_pane)
        self.panes.setSizes([380, 300])
        # The pane keeps the room it had before it became tabs.
        self.splitter.setStretchFactor(0, 7)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([900, 360])
        if ctx.can("customer.edit"):
            self.note_button = QPushButton(self.tr("Add &note…"))
            self.note_button.setObjectName("addNote")
            self.note_button.clicked.connect(lambda _checked=False: self.add_note())
            self.extra_buttons.addWidget(self.note_button)
            self.needs_selection(self.note_button)
        if ctx.can("customer.delete"):
            self.delete_button = QPushButton(self.tr("Delete"))
            self.delete_button.clicked.connect(lambda _checked=False: self.delete_current())
            self.extra_buttons.addWidget(self.delete_button)
            self.needs_selection(self.delete_button)

    def read_detail(self, row_id: str) -> Callable[[], CustomerView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: CustomerView(customers.get(db, actor, row_id), timeline.timeline(db, actor, row_id))

    def detail_changed(self, data: CustomerView | None) -> None:
        self.timeline.show_entries(data.timeline if data is not None else [])

    def render_detail(self, row_id: str, view: CustomerView) -> str:
        d = view.detail
        c = d.data
        region = self.ctx.settings.country
        html = [heading(c.name)]
        if c.alt_name:
            html.append(paragraph(c.alt_name))
        if c.marketing_ok:
            consent = self.tr("Yes, since %1").replace("%1", date_text(c.marketing_since)) if c.marketing_since \
                else self.tr("Yes")
        elif d.marketing_withdrawn_on:
            consent = self.tr("Withdrawn on %1").replace("%1", date_text(d.marketing_withdrawn_on))
        else:
            consent = self.tr("No")
        html.append(fields([
            (self.tr("Type"), self.kind_labels.get(c.kind, c.kind)),
            (self.tr("Grade"), self.grade_labels.get(c.grade, c.grade) if c.grade else ""),
            (self.tr("Tags"), ", ".join(c.tags)),
            (self.tr("Phone"), phone_text(c.phone, region)),
            (self.tr("E-mail"), c.email),
            (self.tr("ID number"), c.id_number),
            (self.tr("Credit code"), c.company_reg),
            (self.tr("Address"), " ".join(x for x in (c.address, c.city, c.postcode) if x)),
            (self.tr("Birth date"), c.birth_date),
            (self.tr("Marketing"), consent),
            (self.tr("Remarks"), c.notes),
            (self.tr("Status"), self.tr("Active") if c.active else self.tr("Inactive")),
            (self.tr("Last changed"), f"{d.updated_at[:16]} · {self.ctx.person(d.updated_by)}"),
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
        html.append(heading(self.tr("Notes"), level=3))
        if d.notes:
            html.append(bullets(
                f"<b>{html_escape(local_datetime(n.written_at))} · {html_escape(n.written_by)}</b><br>"
                + html_escape(n.text) for n in d.notes[:10]))
        else:
            html.append(paragraph(self.tr("No notes."), hint=True))
        return "".join(html)

    def new_record(self) -> None:
        from ui.customers.editor import CustomerDialog

        dialog = CustomerDialog(self.ctx, None, self)
        dialog.exec()
        if dialog.saved_id:
            self.list.reload()
            self.open_record(dialog.saved_id)
        elif dialog.opened_id:
            self.open_record(dialog.opened_id)
        dialog.deleteLater()

    def edit_record(self, row_id: str) -> None:
        from ui.customers.editor import CustomerDialog

        dialog = CustomerDialog(self.ctx, row_id, self)
        dialog.exec()
        if dialog.opened_id:
            self.open_record(dialog.opened_id)
        dialog.deleteLater()

    def add_note(self) -> None:
        from ui.customers.notes import NoteDialog

        if self.current_id:
            NoteDialog.ask(self.ctx, self.current_id, self)

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
