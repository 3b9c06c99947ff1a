"""Deals: the list with the selected deal's lines, figures and approvals beside it; the deal editor
(customer, stock vehicle, a grid of vehicle, options, accessories, fees and insurance with live
totals); ordering with a deposit, invoicing, cancelling and the quotation PDF.

Keys: Ctrl+N new quotation, F2 or Enter edit, Ctrl+O order, Ctrl+I invoice, Ctrl+D delivery
checklist, Ctrl+P quotation PDF, Ctrl+E export the list as shown. In the editor F4 chooses the
customer, F6 finds the stock vehicle, Ctrl+Insert adds a line, Enter saves and Esc cancels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import money
from core.errors import DomainError, ValidationError
from services import settings
from services.billing.totals import gross_amount, line_amounts, percent_of, shares
from services.sales import deals
from ui.admin.labels import role_labels
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import date_text, money_text
from ui.messages import detail_text, service_text
from ui.sales.labels import approval_labels, deal_status_labels, line_kind_labels
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.detail import Col, fields, heading, link, paragraph, table
from ui.widgets.fields import Discount, MoneyEdit, discount_input_text, parse_discount
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.keys import LookupEdit, enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op

_LINE_FIELD = re.compile(r"^lines\[(\d+)\](?:\.(\w+))?$")


# The statuses a deal is changed in; an invoiced, delivered or cancelled one keeps its content.
EDITABLE = ("quotation", "ordered")


def say(widget: QWidget, text: str) -> None:
    """Tell in the status bar what an action just did (kept as ``last_message`` for a test)."""
    window = widget.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)
    widget.last_message = text


def percent_text(bp: int | None) -> str:
    return "" if bp is None else money.format_rate(bp)


class DealsScreen(ListScreen):
    detail_tables = ("deal_line", "deal_approval", "trade_in", "loan_application", "payment", "allocation")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "number": self.tr("Number"), "quoted_on": self.tr("Quoted"), "status": self.tr("Status"),
            "customer_name": self.tr("Customer"), "vehicle": self.tr("Vehicle"),
            "stock_number": self.tr("Stock no."), "vin": self.tr("VIN"), "salesperson": self.tr("Salesperson"),
            "price": self.tr("Price"), "discount": self.tr("Discount"), "total": self.tr("Total"),
            "gross_profit": self.tr("Gross"), "approval_state": self.tr("Approval"),
            "delivered_on": self.tr("Delivered"),
        }
        statuses, approvals_ = deal_status_labels(), approval_labels()
        view = ListView(
            ctx, "deals", headers, noun_plural=self.tr("deals"),
            empty_text=self.tr("No deals yet. Press Ctrl+N to quote a vehicle to a customer."),
            filters=[FilterSpec("status", self.tr("Status"), tuple(statuses.items())),
                     FilterSpec("approval_state", self.tr("Approval"), tuple(approvals_.items())),
                     FilterSpec("open", self.tr("Open"))],
            # A quotation or order sent back by its approver reads "Sent back" in the status column.
            value_labels={"status": {**statuses, "sent_back": approvals_["sent_back"]}, "approval_state": approvals_},
            export_name="deals",
            filters_below=True,
        )
        super().__init__(ctx, self.tr("Deals"), view, can_edit=ctx.can("deal.edit"), parent=parent)
        self.new_button.setText(self.tr("&New quotation"))
        self.new_button.setToolTip(self.tr("Quote a vehicle to a customer (Ctrl+N)"))
        self.edit_button.setToolTip(self.tr("Change the selected deal (F2)"))
        self.data: deals.DealView | None = None
        self.actions: dict[str, QPushButton] = {}
        for key, text, tip, keys, slot in (
            ("order", self.tr("&Order…"), self.tr("Order: reserve the vehicle and take the deposit (Ctrl+O)"),
             "Ctrl+O", self.order_current),
            ("invoice", self.tr("&Invoice"), self.tr("Post the vehicle-sale invoice (Ctrl+I)"), "Ctrl+I",
             self.invoice_current),
            ("delivery", self.tr("De&livery…"), self.tr("The delivery checklist, and delivering the car (Ctrl+D)"),
             "Ctrl+D", self.delivery_current),
            ("cancel", self.tr("Cance&l deal…"), self.tr("Cancel the deal, saying why"), "", self.cancel_current),
            ("pdf", self.tr("&Quotation PDF"), self.tr("Print or save the quotation (Ctrl+P)"), "Ctrl+P",
             self.quotation_current),
        ):
            button = QPushButton(text)
            button.setObjectName(f"deal_{key}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            button.setEnabled(False)
            self.actions[key] = button
            self.extra_buttons.addWidget(button)
            if keys:
                QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for key in ("order", "invoice", "delivery", "cancel"):
            self.actions[key].setVisible(self.can_edit)

    # --- the pane -------------------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], deals.DealView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: deals.get(db, actor, row_id)

    def render_detail(self, row_id: str, data: deals.DealView) -> str:
        return deal_html(data, self.ctx.person)

    def detail_changed(self, data: deals.DealView | None) -> None:
        self.data = data
        status = data.status if data else ""
        self.actions["order"].setEnabled(status == "quotation")
        self.actions["invoice"].setEnabled(status == "ordered" and self.ctx.can("invoice.post"))
        self.actions["delivery"].setEnabled(status in ("ordered", "invoiced"))
        self.actions["cancel"].setEnabled(status in ("quotation", "ordered"))
        self.actions["pdf"].setEnabled(data is not None)
        # Only a quotation or an order is changed; until the deal is read, a selected row may be.
        self.edit_button.setEnabled(self.can_edit and (status in EDITABLE if data else self.current_id is not None))

    # --- actions --------------------------------------------------------------------------------
    def new_record(self) -> None:
        saved = DealDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        data = self.data
        if data is not None and data.id == row_id and data.status not in EDITABLE:
            self.say(self.tr("Deal %1 is %2: it can no longer be changed.").replace("%1", data.number).replace(
                "%2", deal_status_labels().get(data.status, data.status).lower()))
            return
        DealDialog.ask(self.ctx, self, deal_id=row_id)

    def say(self, text: str) -> None:
        say(self, text)

    def _current(self, *statuses: str) -> deals.DealView | None:
        data = self.data
        if data is None or data.id != self.current_id or (statuses and data.status not in statuses):
            return None
        return data

    def _refused(self, data: deals.DealView) -> bool:
        """Refuse at once, with the service's own words, a deal waiting for an approval or sent back."""
        try:
            deals.check_may_go_on(data)
        except ValidationError as exc:
            show_error(self, exc)
            return True
        return False

    def order_current(self) -> None:
        data = self._current("quotation")
        if data is not None and self.can_edit and not self._refused(data):
            OrderDialog.ask(self.ctx, self, data)

    def invoice_current(self) -> None:
        data = self._current("ordered")
        if data is None or not self.ctx.can("invoice.post") or self._refused(data):
            return
        from PySide6.QtWidgets import QMessageBox

        # A posted invoice is for good (only a credit note corrects it): asked first.
        answer = QMessageBox.question(self, self.tr("Post invoice"), self.tr(
            "Post the vehicle-sale invoice of deal %1 for %2 now? A posted invoice cannot be changed; only a "
            "credit note corrects it.").replace("%1", data.number).replace(
            "%2", money_text(data.total, self.ctx.settings.currency)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.invoice_op = Op(self, lambda _p, _c: deals.invoice(db, actor, data.id)).success(
            self._invoiced).failure(lambda exc: show_error(self, exc)).run()

    def _invoiced(self, made: deals.Invoiced) -> None:
        c = self.ctx.settings.currency
        self.say(self.tr("Invoice %1 is posted for %2; %3 is left to pay.").replace("%1", made.number).replace(
            "%2", money_text(made.total, c)).replace("%3", money_text(made.balance, c)))

    def delivery_current(self) -> None:
        data = self._current("ordered", "invoiced")
        if data is not None:
            from ui.sales.delivery import DeliveryDialog

            if DeliveryDialog.ask(self.ctx, self, data.id):
                self.say(self.tr("Deal %1 is delivered: %2 now owns the car.").replace("%1", data.number).replace(
                    "%2", data.customer_name))

    def cancel_current(self) -> None:
        data = self._current("quotation", "ordered")
        if data is not None and self.can_edit:
            CancelDealDialog.ask(self.ctx, self, data)

    def quotation_current(self) -> None:
        data = self._current()
        if data is None:
            return
        from services.sales import documents
        from ui.printing import print_document

        db, actor = self.ctx.db, self.ctx.actor
        print_document(self, lambda out: documents.quotation_pdf(db, actor, data.id, out),
                       title=self.tr("Quotation %1").replace("%1", data.number), save_name=f"{data.number}.pdf")


def sent_back_text(data: deals.DealView, person: Callable[[str], str] = str) -> str:
    """"Sent back by <who>: <note>" — the note a sent-back deal carries, with who wrote it."""
    if not data.sent_back_by:
        return QCoreApplication.translate("DealPane", "Sent back: %1").replace("%1", data.sent_back_note)
    return QCoreApplication.translate("DealPane", "Sent back by %1: %2").replace(
        "%1", person(data.sent_back_by)).replace("%2", data.sent_back_note)


def deal_html(data: deals.DealView, person: Callable[[str], str] = str) -> str:
    """The deal as the panes of the deals list and the approvals inbox show it. GUI thread."""
    w = {
        "Customer": QCoreApplication.translate("DealPane", "Customer"),
        "Sent back: %1": QCoreApplication.translate("DealPane", "Sent back: %1"),
        "waiting for the approval of %1": QCoreApplication.translate("DealPane", "waiting for the approval of %1"),
        "Vehicle": QCoreApplication.translate("DealPane", "Vehicle"),
        "VIN": QCoreApplication.translate("DealPane", "VIN"),
        "Salesperson": QCoreApplication.translate("DealPane", "Salesperson"),
        "Quoted": QCoreApplication.translate("DealPane", "Quoted"),
        "Ordered": QCoreApplication.translate("DealPane", "Ordered"),
        "Delivered": QCoreApplication.translate("DealPane", "Delivered"),
        "Approval": QCoreApplication.translate("DealPane", "Approval"),
        "Cancelled because": QCoreApplication.translate("DealPane", "Cancelled because"),
        "Notes": QCoreApplication.translate("DealPane", "Notes"),
        "Item": QCoreApplication.translate("DealPane", "Item"),
        "Discount": QCoreApplication.translate("DealPane", "Discount"),
        "Total": QCoreApplication.translate("DealPane", "Total"),
        "Price": QCoreApplication.translate("DealPane", "Price"),
        "Trade-in allowance": QCoreApplication.translate("DealPane", "Trade-in allowance"),
        "finance to settle %1": QCoreApplication.translate("DealPane", "finance to settle %1"),
        "negative equity %1 (on the deal)": QCoreApplication.translate("DealPane", "negative equity %1 (on the deal)"),
        "Trade-in equity": QCoreApplication.translate("DealPane", "Trade-in equity"),
        "Deposit": QCoreApplication.translate("DealPane", "Deposit"),
        "To pay": QCoreApplication.translate("DealPane", "To pay"),
        "Gross profit": QCoreApplication.translate("DealPane", "Gross profit"),
        "Approvals": QCoreApplication.translate("DealPane", "Approvals"),
        "approved": QCoreApplication.translate("DealPane", "approved"),
        "sent back": QCoreApplication.translate("DealPane", "sent back"),
        "(before a change)": QCoreApplication.translate("DealPane", "(before a change)"),
        "Approving role": QCoreApplication.translate("DealPane", "Approving role"),
        "Decision": QCoreApplication.translate("DealPane", "Decision"),
        "Decided by": QCoreApplication.translate("DealPane", "Decided by"),
        "Note": QCoreApplication.translate("DealPane", "Note"),
    }
    c = data.currency
    equity = data.trade_in_allowance - data.trade_in_outstanding
    statuses, approvals_, kinds = deal_status_labels(), approval_labels(), line_kind_labels()
    html = [heading(data.number), paragraph(statuses.get(data.status, data.status), bold=True),
            paragraph(w["Customer"] + ": ",
                      markup=link(f"customer:{data.customer_id}", data.customer_name))]
    if data.approval_state == "sent_back":
        html.append(paragraph(sent_back_text(data, person), bold=True))
    approval = approvals_.get(data.approval_state, data.approval_state)
    if data.approval_state == "pending":
        approval = w["waiting for the approval of %1"].replace("%1", service_text(data.waiting_for))
    html.append(fields([
        (w["Vehicle"], " · ".join(x for x in (data.vehicle_name, data.stock_number) if x)),
        (w["VIN"], data.vin),
        (w["Salesperson"], person(data.salesperson)),
        (w["Quoted"], date_text(data.quoted_on)),
        (w["Ordered"], date_text(data.ordered_on)),
        (w["Delivered"], date_text(data.delivered_on)),
        (w["Approval"], approval),
        (w["Cancelled because"], data.cancel_reason),
        (w["Notes"], data.notes),
    ]))
    html.append(table([Col(w["Item"]), Col.number(w["Total"])],
                      [(f"{kinds.get(ln.kind, ln.kind)}: "
                        f"{service_text(ln.description) if ln.automatic else ln.description}"
                        + (f" (−{money_text(ln.discount + ln.deal_discount, c)})"
                           if ln.discount + ln.deal_discount else ""), money_text(ln.total, c))
                       for ln in data.lines]))
    rows = [(w["Price"], money_text(data.price, c)),
            (w["Discount"], f"{money_text(data.discount, c)} ({percent_text(data.discount_bp)})"),
            (w["Total"], money_text(data.total, c)),
            (w["Trade-in allowance"], trade_in_text(data, w)),
            # The equity the customer pays with: what takes the total down to what is left to pay.
            (w["Trade-in equity"], money_text(-equity, c) if equity > 0 else ""),
            (w["Deposit"], money_text(data.deposit, c) if data.deposit else ""),
            # Once invoiced, what is still open on the invoice; a cancelled deal has nothing to pay.
            (w["To pay"], money_text(data.balance, c) if data.balance is not None
             else "" if data.status == "cancelled" else money_text(data.to_pay - data.deposit, c))]
    if data.gross_profit is not None:
        rows.append((w["Gross profit"],
                     f"{money_text(data.gross_profit, c)} ({percent_text(data.margin_bp)})"))
    html.append(fields(rows))
    if data.approvals:
        html.append(heading(w["Approvals"], level=3))
        decisions = {"approved": w["approved"], "sent_back": w["sent back"]}
        earlier = w["(before a change)"]
        roles = role_labels()
        html.append(table([Col(w["Approving role"]), Col(w["Decision"]),
                           Col(w["Decided by"]), Col(w["Note"])],
                          [(roles.get(a.role) or service_text(a.approver),
                            decisions.get(a.decision, a.decision) + ("" if a.current else " " + earlier),
                            person(a.by), a.note) for a in data.approvals]))
    return "".join(html)


def trade_in_text(data: deals.DealView, w: dict[str, str]) -> str:
    """The trade-ins' allowance, with the finance the dealership settles on them and, when that is
    more, the negative equity charged on a line of the deal — so the pane's figures add up."""
    c = data.currency
    if not data.trade_in_allowance and not data.trade_in_outstanding:
        return ""
    parts = [money_text(data.trade_in_allowance, c)]
    if data.trade_in_outstanding:
        parts.append(w["finance to settle %1"].replace("%1", money_text(data.trade_in_outstanding, c)))
    shortfall = data.trade_in_outstanding - data.trade_in_allowance
    if shortfall > 0:
        parts.append(w["negative equity %1 (on the deal)"].replace("%1", money_text(shortfall, c)))
    return " · ".join(parts)


class DealDialog(FormDialog):
    """A new quotation, or changes to a deal not invoiced yet. Use :meth:`ask`; it returns the saved
    deal's id or None. ``result`` holds what saving said (the approval it now waits for)."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, deal_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id = deal_id
        self.result: deals.Saved | None = None
        self.currency = ctx.settings.currency
        self.prices_include_tax = ctx.settings.prices_include_tax
        self.customer_picker = CustomerPicker(ctx)
        self.stock_vehicle_id: str | None = None
        self.setWindowTitle(self.tr("Edit deal") if deal_id else self.tr("New quotation"))
        self.setMinimumSize(1000, 600)
        rates = [r for r in settings.tax_rates(ctx.db) if r.active]
        self.rates = {r.code: r.rate_bp for r in rates}
        rate_names = [(r.code, f"{r.code} ({money.format_rate(r.rate_bp)})") for r in rates]
        default_rate = next((r.code for r in rates if r.is_default), rates[0].code if rates else "")

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.errors.add_row("customer_id", self.tr("&Customer"), self.customer_picker)

        self.stock_text = LookupEdit()
        self.stock_text.setObjectName("stock_vehicle")
        self.stock_text.setPlaceholderText(self.tr("Stock number, VIN (or its last digits) or model, then Enter"))
        self.stock_text.returnPressed.connect(self.find_stock)
        self.find_button = QPushButton(self.tr("&Find vehicle"))
        self.find_button.setToolTip(self.tr("Find the stock vehicle typed (F6)"))
        enter_presses(self.find_button)
        self.find_button.clicked.connect(self.find_stock)
        self.stock_name = QLabel()
        self.stock_name.setObjectName("stockName")
        vbox = QWidget()
        vrow = QHBoxLayout(vbox)
        vrow.setContentsMargins(0, 0, 0, 0)
        vrow.addWidget(self.stock_text, 1)
        vrow.addWidget(self.find_button)
        vrow.addWidget(self.stock_name, 1)
        self.errors.add_row("stock_vehicle_id", self.tr("&Vehicle"), vbox)
        self.errors.widgets["stock_vehicle_id"] = self.stock_text

        self.discount = QLineEdit()
        self.discount.setObjectName("discount")
        self.discount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.discount.setMaximumWidth(140)
        self.discount.setPlaceholderText(self.tr("e.g. 2000 or 3%"))
        self.discount.setToolTip(self.tr("A discount on the whole deal, as an amount or a percentage; it is shared "
                                         "over the lines in proportion to their amounts"))
        self.discount.textChanged.connect(lambda _t: self._recalculate())
        self.errors.add_row("discount", self.tr("Deal &discount"), self.discount)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(4000)
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)

        kinds = tuple(line_kind_labels().items())
        self.lines = LineGrid([
            GridColumn("kind", self.tr("Item"), kind="choice", width=130, choices=kinds),
            GridColumn("description", self.tr("Description"), width=0, max_length=300),
            GridColumn("quantity", self.tr("Qty"), kind="quantity", width=60),
            GridColumn("unit_price", self.tr("Unit price"), kind="money", width=110),
            GridColumn("discount", self.tr("Discount"), kind="discount", width=90),
            GridColumn("tax_code", self.tr("Tax"), kind="choice", width=110, choices=tuple(rate_names)),
            GridColumn("unit_cost", self.tr("Unit cost"), kind="money", width=100),
            GridColumn("total", self.tr("Line total"), kind="money", width=120, derived=True),
        ], currency=self.currency, derive=self._line_total, name="dealLines",
            defaults={"quantity": 1000, "kind": "accessory", "tax_code": default_rate})
        if not ctx.can("cost.view"):
            self.lines.hide_column("unit_cost")
        self.lines.lines_changed.connect(self._recalculate)
        self.lines_error = error_label()
        self.errors.labels["lines"] = self.lines_error
        self.errors.widgets["lines"] = self.lines
        self.totals = QLabel()
        self.totals.setObjectName("dealTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lines_box = QGroupBox(self.tr("Vehicle, options, accessories, fees and insurance"))
        lb = QVBoxLayout(lines_box)
        lb.addWidget(self.lines, 1)
        self.lines.bar.addWidget(hint_label(self.tr("Prices include tax.") if self.prices_include_tax
                                            else self.tr("Prices exclude tax; tax is added.")))
        self.lines.bar.addStretch(1)
        self.lines.bar.addWidget(self.totals)
        lb.addWidget(self.lines_error)
        self.approval_hint = hint_label(self._limits_text())
        self.approval_hint.setObjectName("approvalHint")
        self.automatic_hint = hint_label(self.tr("The trade-in's negative equity (its finance beyond its allowance) "
                                                 "is charged on a line of its own, which follows the trade-in and "
                                                 "cannot be changed here."))
        self.automatic_hint.setObjectName("negativeEquityHint")
        self.automatic_hint.hide()
        lb.addWidget(self.automatic_hint)
        self.sent_back = QLabel()
        self.sent_back.setObjectName("sentBackNote")
        self.sent_back.setWordWrap(True)
        # What the approver asked for is what to change first: it stands out above the form.
        self.sent_back.setStyleSheet("color:#b3261e; font-weight:bold; background:#fdecea; padding:6px;")
        self.sent_back.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(self.tr("Save the quotation (Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("F6"), self, self.find_stock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sent_back)
        layout.addLayout(form)
        layout.addWidget(lines_box, 1)
        layout.addWidget(self.approval_hint)
        layout.addWidget(self.buttons)
        if deal_id:
            self._load(deal_id)
        if self.lines.row_count() == 0:
            self.lines.add_row({"kind": "vehicle"})
        self._recalculate()
        (self.stock_text if self.customer_id else self.choose_customer).setFocus()

    def _limits_text(self) -> str:
        """The hint under the editor: which limits send a deal to approval (the first level's)."""
        from services.sales import approvals

        try:
            first = approvals.levels(self.ctx.db, self.ctx.actor)[0]
        except DomainError:
            first = approvals.Level(1, "salesperson", None, None)
        limits = []
        if first.max_discount_bp is not None:
            limits.append(self.tr("a discount above %1").replace("%1", money.format_rate(first.max_discount_bp)))
        if first.min_margin_bp is not None:
            limits.append(self.tr("a margin below %1").replace("%1", money.format_rate(first.min_margin_bp)))
        if not limits:
            return self.tr("A deal beyond your limits goes to approval before it can be ordered; any later change of "
                           "price asks again.")
        return self.tr("A deal with %1 is beyond your limits: it goes to approval before it can be ordered; any "
                       "later change of price asks again.").replace("%1", self.tr(" or ").join(limits))

    # --- customer and vehicle -----------------------------------------------------------------
    def set_customer(self, customer_id: str, name: str) -> None:
        self.customer_picker.set_customer(customer_id, name)

    def find_stock(self) -> Op | None:
        text = self.stock_text.text()
        if not text.strip():
            return None
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal_id
        self.find_op = Op(self, lambda _p, _c: deals.find_stock(db, actor, text, deal_id=deal_id)).success(
            self._found).failure(lambda exc: show_error(self, exc)).run()
        return self.find_op

    def _found(self, found: list[deals.StockChoice]) -> None:
        self.errors.clear()
        if not found:
            self.errors.show(ValidationError("stock_vehicle_id", self.tr("No stock vehicle for sale matches this")))
            return
        choice = found[0]
        if len(found) > 1:
            names = [f"{c.stock_number} · {c.name} · {c.vin}" for c in found]
            picked, ok = QInputDialog.getItem(self, self.tr("Choose the vehicle"), self.tr("Stock vehicles"),
                                              names, 0, False)
            if not ok:
                return
            choice = found[names.index(picked)]
        self.set_stock(choice)

    def set_stock(self, choice: deals.StockChoice) -> None:
        self.stock_vehicle_id = choice.id
        self.stock_text.setText(choice.stock_number)
        self.stock_name.setText(f"{choice.name} · {choice.vin}")
        vehicle_row = next((r for r in range(self.lines.row_count())
                            if self.lines.values(r).get("kind") == "vehicle"), None)
        values = {"kind": "vehicle", "description": f"{choice.name} {choice.vin}", "unit_price": choice.list_price}
        if vehicle_row is None:
            self.lines.add_row(values)
        else:
            for key, value in values.items():
                self.lines.set_value(vehicle_row, key, value)
        self._recalculate()

    # --- figures --------------------------------------------------------------------------------
    def _gross(self, values: dict) -> int:
        return gross_amount(quantity_milli=values.get("quantity") or 0, unit_price=values.get("unit_price") or 0)

    def _own_discount(self, values: dict) -> int:
        typed: Discount | None = values.get("discount")
        if typed is None:
            return 0
        return percent_of(self._gross(values), typed.rate_bp) if typed.rate_bp is not None else typed.amount

    def _amounts(self, values: dict, share: int = 0):
        return line_amounts(quantity_milli=values.get("quantity") or 0, unit_price=values.get("unit_price") or 0,
                            discount=self._own_discount(values) + share,
                            rate_bp=self.rates.get(values.get("tax_code"), 0),
                            prices_include_tax=self.prices_include_tax)

    def _line_total(self, values: dict) -> dict:
        return {"total": self._amounts(values).total}

    def deal_discount(self) -> Discount | None:
        return parse_discount(self.discount.text(), self.currency, field="discount")

    def _recalculate(self) -> None:
        """The deal's totals as the sales service works them out (billing's one rounding rule)."""
        positions, complete = self.lines.readable_rows()
        rows = [self.lines.values(row) for row in positions]
        automatic = [self.lines.is_fixed(row) for row in positions]
        # A line the deal keeps itself (negative equity) takes no share of the deal's discount.
        worth = [0 if auto else self._gross(v) - self._own_discount(v) for v, auto in zip(rows, automatic, strict=True)]
        try:
            typed = self.deal_discount()
        except ValidationError:
            typed, complete = None, False
        whole = 0
        if typed is not None:
            whole = percent_of(sum(worth), typed.rate_bp) if typed.rate_bp is not None else typed.amount
        split = shares(whole, worth) if 0 <= whole <= sum(worth) else [0] * len(rows)
        price = sum(self._gross(v) for v in rows)
        discount = sum(self._own_discount(v) for v in rows) + whole
        total = sum(self._amounts(v, s).total for v, s in zip(rows, split, strict=True))
        self.shown_total = total if complete else None
        text = " · ".join([
            self.tr("Price %1").replace("%1", money_text(price, self.currency)),
            self.tr("Discount %1").replace("%1", money_text(-discount, self.currency))
            + (f" ({money.format_rate(round(discount * 10000 / price))})" if price else ""),
            "<b>" + self.tr("Total %1").replace("%1", money_text(total, self.currency)) + "</b>"])
        if not complete:
            text += " <span style='color:#b3261e'>" + self.tr("(a line is incomplete)") + "</span>"
        self.totals.setText(text)

    # --- loading and saving ---------------------------------------------------------------------
    def _load(self, deal_id: str) -> None:
        view = deals.get(self.ctx.db, self.ctx.actor, deal_id)
        if view.status not in EDITABLE:
            raise ValidationError("status", self.tr(
                "A deal that is invoiced, delivered or cancelled cannot be changed"))
        self.set_customer(view.customer_id, view.customer_name)
        self.stock_vehicle_id = view.stock_vehicle_id
        self.stock_text.setText(view.stock_number)
        self.stock_name.setText(" · ".join(x for x in (view.vehicle_name, view.vin) if x))
        self.notes.setText(view.notes)
        if view.deal_discount_bp is not None or view.deal_discount:
            self.discount.setText(discount_input_text(Discount(amount=view.deal_discount,
                                                               rate_bp=view.deal_discount_bp), self.currency))
        for line in view.lines:
            position = self.lines.add_row({
                "kind": line.kind, "description": service_text(line.description) if line.automatic
                else line.description, "quantity": line.quantity_milli, "unit_price": line.unit_price,
                "discount": Discount(rate_bp=line.discount_bp) if line.discount_bp is not None else (
                    Discount(amount=line.discount) if line.discount else None),
                "tax_code": line.tax_code, "unit_cost": line.unit_cost or None}, data={"automatic": line.automatic})
            if line.automatic:
                # The service keeps it from the trade-ins; saving leaves it out and it comes back as it is.
                self.lines.fix(position)
                self.automatic_hint.show()
        if view.approval_state == "sent_back":
            self.sent_back.setText(sent_back_text(view, self.ctx.person))
            self.sent_back.show()

    def value(self) -> deals.DealInput:
        self.lines.commit()
        lines = []
        for row in range(self.lines.row_count()):
            if self.lines.is_blank(row) or self.lines.is_fixed(row):
                continue
            number = len(lines) + 1
            try:
                self.lines.check(row)
            except ValidationError as exc:
                raise ValidationError(f"lines[{number}].{exc.field}", exc.detail) from None
            v = self.lines.values(row)
            typed: Discount = v.get("discount") or Discount()
            lines.append(deals.DealLineInput(
                kind=v.get("kind") or "", description=v.get("description") or "",
                unit_price=v.get("unit_price") or 0, quantity_milli=v.get("quantity") or 0, discount=typed.amount,
                discount_bp=typed.rate_bp, unit_cost=v.get("unit_cost") or 0, tax_code=v.get("tax_code") or ""))
        typed = self.deal_discount() or Discount()
        return deals.DealInput(customer_id=self.customer_id or "", stock_vehicle_id=self.stock_vehicle_id,
                               lines=lines, discount=typed.amount, discount_bp=typed.rate_bp, notes=self.notes.text())

    def save(self) -> None:
        self.errors.clear()
        self.lines.clear_marks()
        try:
            data = self.value()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal_id

        def work() -> str:
            self.result = deals.save(db, actor, deal_id, data)
            return self.result.id

        self.submit(work)

    def after_save(self, result: Any) -> None:
        saved = self.result
        if saved is not None and saved.approval_state == "pending":
            from PySide6.QtWidgets import QMessageBox

            text = self.tr("Deal %1 is beyond your limits: it waits for the approval of %2 before it can be ordered.")
            if saved.beyond:
                text = self.tr("Deal %1 is beyond your limits (%3): it waits for the approval of %2 before it can be "
                               "ordered.").replace("%3", service_text(saved.beyond))
            self.approval_message = text.replace("%1", saved.number).replace("%2", service_text(saved.waiting_for))
            QMessageBox.information(self, self.tr("Approval needed"), self.approval_message)

    def show_field_error(self, exc: ValidationError) -> bool:
        match = _LINE_FIELD.match(exc.field)
        if not match:
            return self.errors.show(exc)
        number = int(match.group(1))
        self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", detail_text(exc)))
        self.lines_error.show()
        rows = [r for r in range(self.lines.row_count()) if not self.lines.is_blank(r)]
        key = match.group(2) or "description"
        if 0 < number <= len(rows) and key in self.lines.model.by_key:
            self.lines.mark(rows[number - 1], key, detail_text(exc))
        return True

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() \
                and not self.lines.view.hasFocus():
            self.save()
            return
        super().keyPressEvent(event)


class OrderDialog(FormDialog):
    """Order a quotation: the vehicle is reserved and the deposit taken, in one go."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, deal: deals.DealView) -> None:
        super().__init__(parent)
        from ui.billing.labels import method_choices

        self.ctx, self.deal = ctx, deal
        self.setWindowTitle(self.tr("Order deal %1").replace("%1", deal.number))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(QLabel(self.tr("%1 for %2: total %3").replace("%1", deal.vehicle_name or deal.number)
                           .replace("%2", deal.customer_name).replace("%3", money_text(deal.total, deal.currency))))
        self.deposit = MoneyEdit(deal.currency, field="deposit")
        self.deposit.setObjectName("deposit")
        self.errors.add_row("deposit", self.tr("&Deposit"), self.deposit)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for code, name in method_choices(ctx, refund=True):
            self.method.addItem(name, code)
        self.errors.add_row("splits[1].method", self.tr("Paid &by"), self.method)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setMaxLength(80)
        self.errors.add_row("splits[1].reference", self.tr("&Reference"), self.reference)
        if not ctx.can("payment.take"):
            form.addRow(hint_label(self.tr("Taking a deposit needs the right to take payments; without it the deal "
                                           "is ordered without one.")))
            for w in (self.deposit, self.method, self.reference):
                w.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Order"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.deposit.setFocus()

    def save(self) -> None:
        try:
            deposit = self.deposit.value() or 0
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal.id
        method, reference = self.method.currentData(), self.reference.text()
        def work() -> str:
            deals.order(db, actor, deal_id, deposit=deposit, method=method, reference=reference)
            return deal_id

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None, deal: deals.DealView) -> bool:
        dialog = cls(ctx, parent, deal)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return done


class CancelDealDialog(FormDialog):
    """Cancel a deal with a reason; its deposit is paid back or kept as the customer's credit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, deal: deals.DealView) -> None:
        super().__init__(parent)
        from ui.billing.labels import method_choices

        self.ctx, self.deal = ctx, deal
        self.setWindowTitle(self.tr("Cancel deal %1").replace("%1", deal.number))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("e.g. the customer bought elsewhere"))
        self.errors.add_row("reason", self.tr("&Reason"), self.reason)
        self.refund = QCheckBox(self.tr("Pay the deposit back (otherwise it stays as the customer's credit)"))
        self.refund.setObjectName("refund")
        self.refund.setChecked(True)
        self.method = QComboBox()
        self.method.setObjectName("refund_method")
        for code, name in method_choices(ctx, refund=True):
            self.method.addItem(name, code)
        if deal.deposit:
            self.errors.add_row("deposit", self.tr("Deposit %1").replace("%1", money_text(deal.deposit, deal.currency)),
                                self.refund)
            self.errors.add_row("method", self.tr("Paid back &by"), self.method)
            self.refund.toggled.connect(self.method.setEnabled)
            if not ctx.can("payment.refund"):
                # Paying money out is the cashier's: the deposit stays as credit they can pay back.
                self.refund.setChecked(False)
                self.refund.setEnabled(False)
                form.addRow(hint_label(self.tr("Paying a deposit back needs the right to refund payments; without it "
                                               "the deposit stays as the customer's credit, which the cashier can "
                                               "pay back.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel &deal"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep deal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def save(self) -> None:
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal.id
        reason, refund, method = self.reason.text(), self.refund.isChecked(), self.method.currentData() or "cash"

        def work() -> str:
            deals.cancel(db, actor, deal_id, reason, refund=refund, refund_method=method)
            return deal_id

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None, deal: deals.DealView) -> bool:
        dialog = cls(ctx, parent, deal)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return done
