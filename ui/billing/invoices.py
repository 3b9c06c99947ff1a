"""Invoices and credit notes: the list, the invoice view, and the actions on it (edit and post a
draft, print, take a payment, issue a credit note)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QWidget,
)

from core.actor import Actor
from core.errors import NotFound
from core.quantities import quantity_text
from services.billing import invoices, payments
from store.database import Database
from ui.billing.labels import item_type_labels, kind_labels, method_labels, status_labels
from ui.context import AppContext
from ui.formatting import date_text, margin_text, money_text
from ui.widgets.detail import HINT_COLOUR, Col, fields, heading, link, paragraph, table, totals
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Op, Query


@dataclass(frozen=True)
class InvoiceDetail:
    """What the invoice view shows: the invoice, the payments allocated to it, the credit notes
    held as the customer's credit (id, number), and what of its money can be paid back: whether any
    is left (of the payments it was paid with, of its credit notes, or of itself as a credit note)
    and the payment to refund first."""

    view: invoices.InvoiceView
    paid_by: dict[str, payments.PaymentRow]
    held_notes: list[tuple[str, str]]
    refundable: bool = False
    refund_payment_id: str | None = None


def read_invoice_detail(db: Database, actor: Actor, invoice_id: str) -> InvoiceDetail:
    """Everything the invoice view shows of ``invoice_id``. Database worker."""
    v = invoices.get(db, actor, invoice_id)
    paid_by: dict[str, payments.PaymentRow] = {}
    held: list[tuple[str, str]] = []
    if v.kind != "credit_note" and v.status == "posted":
        if any(a.payment_id for a in v.allocations):
            paid_by = {p.id: p for p in payments.payments(db, actor, customer_id=v.customer_id)}
        allocated = {a.credit_note_id for a in v.allocations}
        for note_id in v.credit_note_ids:
            if note_id in allocated:
                continue
            try:
                held.append((note_id, invoices.get(db, actor, note_id).number or ""))
            except NotFound:
                # Credit notes are never deleted; one missing all the same is left out, not the whole view.
                continue
    refundable, refund_payment_id = False, None
    if v.status == "posted":
        # The rest of a payment this invoice was paid with (an over-payment, or money a credit note
        # freed) or of its credit notes is the customer's credit: it can go back from here.
        own = {a.payment_id for a in v.allocations if a.payment_id}
        notes = set(v.credit_note_ids) | ({v.id} if v.kind == "credit_note" else set())
        left = [s for s in payments.credit_sources(db, actor, v.customer_id) if s.remaining > 0
                and ((s.kind == "payment" and s.id in own) or (s.kind == "credit_note" and s.id in notes))]
        refund_payment_id = next((s.id for s in left if s.kind == "payment"), None)
        # A refund of held credit names no receipt, so the sources' rests do not see it: what the
        # customer may still be paid back bounds them (the refund dialog's own figure).
        refundable = bool(left) and payments.refund_available(db, actor, v.customer_id) > 0
    return InvoiceDetail(view=v, paid_by=paid_by, held_notes=held, refundable=refundable,
                         refund_payment_id=refund_payment_id)


class InvoicesScreen(ListScreen):
    detail_tables = ("invoice_line", "payment", "allocation")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.kinds = kind_labels()
        self.statuses = status_labels()
        headers = {
            "number": self.tr("Number"), "kind": self.tr("Type"), "status": self.tr("Status"),
            "issued_on": self.tr("Issued"), "customer": self.tr("Customer"), "total": self.tr("Total"),
            "paid": self.tr("Paid"), "balance": self.tr("Balance"), "due_on": self.tr("Due"),
        }
        view = ListView(
            ctx, "invoices", headers, noun_plural=self.tr("invoices"),
            empty_text=self.tr("No invoices yet. Press Ctrl+N to write the first one."),
            filters=[
                FilterSpec("issued", self.tr("Issued")),
                FilterSpec("kind", self.tr("Type"), tuple(self.kinds.items())),
                FilterSpec("status", self.tr("Status"), tuple(self.statuses.items())),
                FilterSpec("open", self.tr("Open balance")),
            ],
            export_name="invoices",
            value_labels={"kind": self.kinds, "status": self.statuses},
        )
        super().__init__(ctx, self.tr("Invoices"), view, can_edit=ctx.can("invoice.edit"), parent=parent)
        self.current_view: invoices.InvoiceView | None = None
        self.current_detail: InvoiceDetail | None = None
        self.customer_filter: tuple[str, str] | None = None
        self.new_button.setText(self.tr("&New invoice"))
        self.new_button.setToolTip(self.tr("Write a new invoice (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit draft"))
        self.edit_button.setToolTip(self.tr("Change the selected draft (F2)"))

        def button(text: str, tip: str, slot, permission: str, shortcut: str = "") -> QPushButton:
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            b.setEnabled(False)
            b.setVisible(ctx.can(permission))
            if shortcut and ctx.can(permission):
                QShortcut(QKeySequence(shortcut), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.extra_buttons.addWidget(b)
            return b

        self.post_button = button(self.tr("P&ost…"), self.tr("Post the selected draft: it gets its number "
                                                            "(Ctrl+Shift+O)"),
                                  self.post_current, "invoice.post", "Ctrl+Shift+O")
        self.pay_button = button(self.tr("Take &payment…"), self.tr("Take a payment for the selected invoice "
                                                                   "(Ctrl+Shift+P)"),
                                 self.take_payment, "payment.take", "Ctrl+Shift+P")
        self.credit_button = button(self.tr("&Credit note…"), self.tr("Credit the selected invoice in full or "
                                                                     "in part (Ctrl+Shift+R)"),
                                    self.credit_note, "invoice.credit", "Ctrl+Shift+R")
        self.refund_button = button(self.tr("Re&fund…"), self.tr("Pay back what is left of the money paid for the "
                                                               "selected invoice, or of its credit notes"),
                                    self.refund, "payment.refund")
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("P&rint"))
        self.print_button.setToolTip(self.tr("Open the invoice PDF to print it (Ctrl+P); the arrow saves it as "
                                             "a file (Ctrl+Shift+S)"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.print_button.clicked.connect(self.print_current)
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Print"), self.print_current)
        self.pdf_action = menu.addAction(self.tr("Save as PDF…"), self.save_pdf)
        self.print_button.setMenu(menu)
        self.delete_button = button(self.tr("&Delete draft…"), self.tr("Delete the selected draft (Delete)"),
                                    self.delete_draft, "invoice.edit", "Delete")
        self.print_button.setEnabled(False)
        self.extra_buttons.addWidget(self.print_button)
        for key, slot in (("Ctrl+P", self.print_current), ("Ctrl+Shift+S", self.save_pdf)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # Four filters would crowd the search bar and squeeze the invoice view beside the list: they go
        # on a row of their own, each combo naming its own "all" choice instead of a label beside it.
        everything = {"issued": self.tr("Any date"), "kind": self.tr("All types"),
                      "status": self.tr("All statuses"), "open": self.tr("Any balance")}
        self.list.filter_widgets["open"].setItemText(1, self.tr("Open balance"))
        self.list.filter_widgets["open"].setItemText(2, self.tr("Nothing due"))
        labels = {label.buddy(): label for label in self.list.findChildren(QLabel) if label.buddy() is not None}
        search_bar = self.list.layout().itemAt(0).layout()
        filter_bar = QHBoxLayout()
        for key, combo in self.list.filter_widgets.items():
            combo.setItemText(0, everything[key])
            label = labels.get(combo)
            if label is not None:
                combo.setToolTip(label.text())
                search_bar.removeWidget(label)
                label.hide()
            search_bar.removeWidget(combo)
            filter_bar.addWidget(combo)
        filter_bar.addStretch(1)
        self.list.layout().insertLayout(1, filter_bar)
        splitter = self.list.parentWidget()
        if isinstance(splitter, QSplitter):
            splitter.setSizes([760, 360])

        # A customer chosen elsewhere (receivables, customer screen) narrows the list until cleared.
        self.customer_bar = QWidget()
        bar = QHBoxLayout(self.customer_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("hint")
        clear = QPushButton(self.tr("Show all customers"))
        clear.clicked.connect(lambda: self.show_customer(None))
        bar.addWidget(self.customer_label)
        bar.addWidget(clear)
        bar.addStretch(1)
        self.customer_bar.hide()
        self.layout().insertWidget(1, self.customer_bar)

    # --- selection ----------------------------------------------------------------------------
    def detail_changed(self, data: InvoiceDetail | None) -> None:
        self.current_view = data.view if data is not None else None
        self.current_detail = data
        self._update_buttons()

    def _update_buttons(self) -> None:
        v = self.current_view
        draft = v is not None and v.status == "draft"
        posted_sale = v is not None and v.status == "posted" and v.kind != "credit_note"
        self.edit_button.setEnabled(draft)
        self.delete_button.setEnabled(draft)
        self.post_button.setEnabled(draft)
        self.pay_button.setEnabled(posted_sale and v.balance > 0)
        self.credit_button.setEnabled(posted_sale and any(line.left_to_credit > 0 for line in v.lines))
        self.print_button.setEnabled(v is not None)
        detail = self.current_detail
        self.refund_button.setEnabled(v is not None and detail is not None and detail.view is v and detail.refundable)

    def show_customer(self, customer_id: str | None, name: str = "") -> None:
        """Only this customer's invoices (None: everyone's again)."""
        self.customer_filter = (customer_id, name) if customer_id else None
        self.customer_label.setText(self.tr("Invoices of %1").replace("%1", name) if customer_id else "")
        self.customer_bar.setVisible(bool(customer_id))
        self.list.set_fixed_filter("customer_id", customer_id)

    # --- the invoice view ---------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], InvoiceDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: read_invoice_detail(db, actor, row_id)

    def render_detail(self, row_id: str, data: InvoiceDetail) -> str:
        v = data.view
        credit_note = v.kind == "credit_note"
        if v.status == "draft":
            title = self.tr("Draft invoice")
        elif credit_note:
            title = self.tr("Credit note %1").replace("%1", v.number or "")
        else:
            title = self.tr("Invoice %1").replace("%1", v.number or "")
        html = [heading(title), paragraph(f"{self.kinds.get(v.kind, v.kind)} · {self.statuses.get(v.status)}")]
        html.append(paragraph(self.tr("Customer") + ": ", markup=link(f"customer:{v.customer_id}", v.customer_name)))
        if v.credited_invoice_id:
            html.append(paragraph(self.tr("Credits invoice") + " ",
                                  markup=link(f"invoice:{v.credited_invoice_id}", v.credited_number or "")))
        html.append(fields([
            (self.tr("Issued"), date_text(v.issued_on)),
            (self.tr("Due"), "" if credit_note else date_text(v.due_on)),
            (self.tr("Terms"), self.tr("%n day(s)", "", v.payment_terms_days) if v.status == "draft" else ""),
            (self.tr("Vehicle"), v.vehicle.name if v.vehicle else ""),
            (self.tr("VIN"), v.vehicle.vin if v.vehicle else ""),
            (self.tr("Plate"), v.vehicle.plate if v.vehicle else ""),
            (self.tr("Engine number"), v.vehicle.engine_number if v.vehicle and v.kind == "vehicle_sale" else ""),
            (self.tr("Certificate of conformity"),
             v.vehicle.certificate_number if v.vehicle and v.kind == "vehicle_sale" else ""),
            (self.tr("Mileage"), self.tr("%1 km").replace("%1", f"{v.mileage_km:,}") if v.mileage_km is not None
             else ""),
            (self.tr("Reference"), v.reference),
            (self.tr("Reason") if credit_note else self.tr("Notes"), v.notes),
            (self.tr("Printed"), self.tr("%n time(s)", "", v.print_count) if v.print_count else ""),
        ]))
        html.append(self._lines_html(v))
        html.append(self._totals_html(v))
        if not credit_note and v.status == "posted":
            html.append(self._settlement_html(data))
        return "".join(html)

    def _lines_html(self, v: invoices.InvoiceView) -> str:
        """One row per line: the description over its details, the line total beside it (reads well in a
        narrow pane)."""
        if not v.lines:
            return paragraph(self.tr("No lines yet."), hint=True)
        cur = v.currency
        types = item_type_labels()
        rows = []
        for line in v.lines:
            details = [types.get(line.item_type, line.item_type), line.item_code,
                       f"{quantity_text(line.quantity_milli)} × {money_text(line.unit_price, cur)}"]
            if line.discount:
                details.append(self.tr("less %1").replace("%1", money_text(line.discount, cur)))
            details.append(self.tr("tax %1").replace("%1", f"{line.tax_rate_bp / 100:g}%"))
            if line.credited_quantity_milli:
                details.append(self.tr("%1 credited").replace("%1", quantity_text(line.credited_quantity_milli)))
            rows.append((f"{html_escape(line.description)}<br><span style='color:{HINT_COLOUR}'>"
                         f"{html_escape(' · '.join(d for d in details if d))}</span>", money_text(line.total, cur)))
        return table([Col(self.tr("Line"), "markup"), Col.number(self.tr("Total"))], rows)

    def _totals_html(self, v: invoices.InvoiceView) -> str:
        cur = v.currency
        rows = [(self.tr("Net"), money_text(v.net_total, cur), False),
                (self.tr("Tax"), money_text(v.tax_total, cur), False),
                (self.tr("Total"), money_text(v.total, cur), True)]
        if v.kind != "credit_note" and v.cost_total and self.ctx.can("margin.view"):
            profit = v.net_total - v.cost_total
            rows.append((self.tr("Gross profit"), money_text(profit, cur), False))
            rows.append((self.tr("Margin"), margin_text(profit, v.net_total), False))
        return totals(rows)

    def _settlement_html(self, data: InvoiceDetail) -> str:
        v, paid_by = data.view, data.paid_by
        cur = v.currency
        html = [heading(self.tr("Payments and credits"), level=3)]
        if v.allocations:
            methods = method_labels()
            rows = []
            for a in v.allocations:
                if a.credit_note_id:
                    source = (html_escape(self.tr("Credit note")) + " "
                              + link(f"invoice:{a.credit_note_id}", a.source_number))
                else:
                    p = paid_by.get(a.payment_id or "")
                    text = methods.get(p.method, p.method) if p else self.tr("Payment")
                    if p and p.reference:
                        text += f" · {p.reference}"
                    source = html_escape(text)
                rows.append((date_text(a.allocated_on), source, money_text(a.amount, cur)))
            html.append(table([Col.atom(self.tr("Date")), Col(self.tr("Paid by"), "markup"),
                               Col.number(self.tr("Amount"))], rows))
        else:
            html.append(paragraph(self.tr("Nothing paid yet."), hint=True))
        if data.held_notes:
            links = [link(f"invoice:{note_id}", number) for note_id, number in data.held_notes]
            html.append(paragraph(self.tr("Credit notes held as the customer's credit:") + " ",
                                  markup=", ".join(links)))
        overdue = v.balance > 0 and v.due_on is not None and v.due_on < date.today()
        colour = "#b3261e" if overdue else "#111827"
        label = self.tr("Balance (overdue)") if overdue else self.tr("Balance")
        html.append(f"<p style='font-size:12pt; color:{colour}'><b>{html_escape(label)}: "
                    f"{html_escape(money_text(v.balance, cur))}</b></p>")
        return "".join(html)

    # --- actions ------------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)
        self.last_message = text

    def new_record(self) -> None:
        from ui.billing.editor import InvoiceDialog

        customer = self.customer_filter
        result = InvoiceDialog.ask(self.ctx, customer=customer if customer else None, parent=self)
        if result:
            invoice_id, number = result
            self.list.reload()
            self.open_record(invoice_id)
            if number:
                self._status(self.tr("Invoice %1 posted.").replace("%1", number))

    def edit_record(self, row_id: str) -> None:
        from ui.billing.editor import InvoiceDialog

        view = self.current_view if self.current_view and self.current_view.id == row_id else None
        if view is not None and view.status != "draft":
            self._status(self.tr("A posted invoice cannot be changed; issue a credit note to correct it."))
            return
        result = InvoiceDialog.ask(self.ctx, row_id, parent=self)
        if result and result[1]:
            self._status(self.tr("Invoice %1 posted.").replace("%1", result[1]))

    def post_current(self) -> None:
        v = self.current_view
        if v is None or v.status != "draft":
            return
        answer = QMessageBox.question(
            self, self.tr("Post invoice"),
            self.tr("Post this invoice to %1 for %2? It gets its number now and can no longer be changed.")
            .replace("%1", v.customer_name).replace("%2", money_text(v.total, v.currency)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, invoice_id = self.ctx.db, self.ctx.actor, v.id

        def done(number: str) -> None:
            self._status(self.tr("Invoice %1 posted.").replace("%1", number))

        Op(self, lambda _p, _c: invoices.post(db, actor, invoice_id)).success(done).run()

    def delete_draft(self) -> None:
        v = self.current_view
        if v is None or v.status != "draft":
            return
        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr("Delete this draft invoice?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, invoice_id = self.ctx.db, self.ctx.actor, v.id
        Op(self, lambda _p, _c: invoices.delete_draft(db, actor, invoice_id)).run()

    def take_payment(self) -> None:
        from ui.billing.payment import PaymentDialog

        v = self.current_view
        if v is None or not self.pay_button.isEnabled():
            return
        if PaymentDialog.ask(self.ctx, invoice_id=v.id, parent=self) is not None:
            self._status(self.tr("Payment recorded."))

    def refund(self) -> None:
        """Pay back money of the selected invoice: the refund dialog of receivables and the cash desk,
        with the invoice's payment chosen."""
        from ui.billing.refund import RefundDialog

        detail = self.current_detail
        if detail is None or not self.refund_button.isEnabled():
            return
        v = detail.view
        if RefundDialog.ask(self.ctx, customer=(v.customer_id, v.customer_name), payment_id=detail.refund_payment_id,
                            parent=self) is not None:
            self._status(self.tr("Refund recorded."))

    def credit_note(self) -> None:
        from ui.billing.credit import CreditNoteDialog

        v = self.current_view
        if v is None or not self.credit_button.isEnabled():
            return
        note_id = CreditNoteDialog.ask(self.ctx, v.id, parent=self)
        if note_id:
            db, actor = self.ctx.db, self.ctx.actor
            Query(self, lambda: invoices.get(db, actor, note_id).number or "").success(
                lambda number: self._status(self.tr("Credit note %1 issued.").replace("%1", number))).run()

    def _pdf_name(self, v: invoices.InvoiceView) -> str:
        return f"{v.number or 'draft-' + v.id[-8:]}.pdf"

    def print_current(self) -> None:
        """Write the PDF the next print will be (original or COPY) and print it through the print
        preview; the print is counted only once it was sent (ui/printing.py)."""
        v = self.current_view
        if v is None:
            return
        folder = Path(tempfile.gettempdir()) / "forecourt-print"
        folder.mkdir(parents=True, exist_ok=True)
        # A fresh name each time: a previous print may still hold its file open.
        out = folder / f"{Path(self._pdf_name(v)).stem}-{datetime.now():%H%M%S%f}.pdf"
        db, actor, invoice_id = self.ctx.db, self.ctx.actor, v.id

        def send(path: Path) -> None:
            self.last_pdf = Path(path)
            from ui.printing import print_pdf

            sent = print_pdf(self, Path(path), title=v.number or self.tr("Draft"), save_name=self._pdf_name(v),
                             saved=lambda target: self._status(self.tr("Saved %1").replace("%1", str(target))))
            if sent and v.status == "posted":
                Op(self, lambda _p, _c: documents.record_print(db, actor, invoice_id)).success(
                    lambda _n: self._status(self.tr("Sent to the printer."))).run()

        from services.billing import documents

        Op(self, lambda _p, _c: documents.invoice_pdf(db, actor, invoice_id, out, count=False),
           title=self.tr("Writing PDF"), cancellable=False).success(send).run()

    def save_pdf(self) -> None:
        v = self.current_view
        if v is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save invoice PDF"), self._pdf_name(v),
                                                    self.tr("PDF document (*.pdf)"))
        if path:
            self._write_pdf(v.id, Path(path))

    def _write_pdf(self, invoice_id: str, out: Path) -> Op:
        from services.billing import documents

        db, actor = self.ctx.db, self.ctx.actor

        def done(path: Path) -> None:
            self.last_pdf = Path(path)
            self._status(self.tr("Saved %1").replace("%1", str(path)))

        return Op(self, lambda _p, _c: documents.invoice_pdf(db, actor, invoice_id, out),
                  title=self.tr("Writing PDF"), cancellable=False).success(done).run()
