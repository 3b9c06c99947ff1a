"""Take a payment: split over methods, allocated to the customer's open invoices, the excess held as
credit only when the cashier says so, or a deposit held against an order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import PermissionDenied, ValidationError
from services.billing import invoices, payments, receivables
from ui.billing.labels import method_choices
from ui.context import AppContext
from ui.formatting import money_text
from ui.messages import detail_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.fields import DateEdit, MoneyEdit, parse_money
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid

_INDEXED = re.compile(r"^(splits|allocations)\[([^\]]+)\](?:\.(\w+))?$")


@dataclass
class _SplitRow:
    method: QComboBox
    amount: MoneyEdit
    reference: QLineEdit
    remove: QPushButton


@dataclass(frozen=True)
class _Open:
    invoice_id: str
    number: str
    issued_on: object
    due_on: object
    balance: int


class PaymentDialog(FormDialog):
    """``saved_ids`` holds the new payments' ids once taken."""

    print_receipts = False  # whether "Print a receipt" starts ticked (what the user last chose)
    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, *, invoice_id: str | None = None, customer: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.saved_ids: list[str] = []
        self.invoice_id = invoice_id
        # "&Hold the excess as credit" has H: the button takes C.
        self.customer_picker = CustomerPicker(ctx, button_text=self.tr("&Choose…"))
        self._allocations_touched = False
        self._splits: list[_SplitRow] = []
        self.setWindowTitle(self.tr("Take payment"))
        self.setMinimumWidth(720)

        selected = invoices.get(ctx.db, ctx.actor, invoice_id) if invoice_id else None
        if selected is not None:
            if selected.status != "posted" or selected.kind == "credit_note":
                raise ValidationError("status", QCoreApplication.translate(
                    "PaymentDialog", "Only a posted invoice can be paid; post the draft first"))
            customer = (selected.customer_id, selected.customer_name)
        if customer:
            self.customer_picker.set_customer(*customer)
        self.customer_picker.chosen.connect(self._customer_chosen)
        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        # Paying a chosen invoice pays its customer: there is no other to choose.
        self.choose_customer.setVisible(selected is None)
        self.paid_on = DateEdit()
        self.paid_on.setObjectName("paid_on")
        self.paid_on.setMaximumWidth(140)
        self.credit_hint = hint_label()

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("customer_id", self.tr("Customer"), self.customer_picker)
        form.addRow("", self.credit_hint)
        self.errors.add_row("paid_on", self.tr("&Date"), self.paid_on)

        # --- how it is paid
        splits_box = QGroupBox(self.tr("Paid by"))
        self.splits_grid = QGridLayout()
        self.splits_grid.setColumnStretch(2, 1)
        self.add_split_button = QPushButton(self.tr("Add &method"))
        self.add_split_button.setToolTip(self.tr("Split the payment over several methods"))
        enter_presses(self.add_split_button)
        self.add_split_button.clicked.connect(lambda: self.add_split(focus=True))
        self.splits_error = error_label()
        sb = QVBoxLayout(splits_box)
        sb.addLayout(self.splits_grid)
        sb.addWidget(self.splits_error)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_split_button)
        add_row.addStretch(1)
        sb.addLayout(add_row)

        # --- where it goes
        alloc_box = QGroupBox(self.tr("Allocate to open invoices"))
        self.allocations = LineGrid([
            GridColumn("number", self.tr("Invoice"), width=0, editable=False),
            GridColumn("issued_on", self.tr("Issued"), kind="date", width=95, editable=False),
            GridColumn("due_on", self.tr("Due"), kind="date", width=95, editable=False),
            GridColumn("balance", self.tr("Balance"), kind="money", width=120, editable=False, total=True),
            GridColumn("amount", self.tr("Allocate"), kind="money", width=120, total=True),
        ], currency=self.currency, can_add=False, can_remove=False, totals=True, name="allocations")
        self.allocations.view.setMinimumHeight(110)
        self.allocations.cell_edited.connect(self._allocation_edited)
        self.allocations.lines_changed.connect(self._update_summary)
        self.no_open = hint_label(self.tr("This customer has no open invoices: the payment can only be held as "
                                          "credit or as a deposit."))
        self.alloc_error = error_label()
        ab = QVBoxLayout(alloc_box)
        ab.addWidget(self.allocations)
        ab.addWidget(self.no_open)
        ab.addWidget(self.alloc_error)

        # --- what is left over
        self.hold_excess = QCheckBox(self.tr("&Hold the excess as credit"))
        self.hold_excess.setObjectName("hold_excess")
        self.held_for = QLineEdit()
        self.held_for.setObjectName("held_for")
        self.held_for.setMaxLength(80)
        self.held_for.setPlaceholderText(self.tr("Order reference, for a deposit held against an order"))
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        extra = QFormLayout()
        self.extra_errors = FieldErrors(extra)
        extra.addRow("", self.hold_excess)
        self.extra_errors.add_row("held_for", self.tr("Deposit &for"), self.held_for)
        self.extra_errors.add_row("notes", self.tr("N&otes"), self.notes)
        for key in ("held_for", "notes"):
            self.errors.widgets[key] = self.extra_errors.widgets[key]
            self.errors.labels[key] = self.extra_errors.labels[key]
        self.errors.widgets["hold_excess"] = self.hold_excess
        self.errors.labels["hold_excess"] = self.splits_error
        for key in ("splits", "amount"):
            self.errors.labels[key] = self.splits_error
        self.errors.labels["allocations"] = self.alloc_error
        self.errors.widgets["allocations"] = self.allocations

        self.summary = QLabel()
        self.summary.setObjectName("paymentSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Take payment"))
        ok.setToolTip(self.tr("Record the payment (Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # Kept for the session: a cashier who prints receipts ticks it once.
        self.print_receipt = QCheckBox(self.tr("Print a &receipt"))
        self.print_receipt.setObjectName("print_receipt")
        self.print_receipt.setChecked(PaymentDialog.print_receipts)
        self.print_receipt.toggled.connect(lambda on: setattr(PaymentDialog, "print_receipts", on))
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_receipt)
        bottom.addWidget(self.buttons, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splits_box)
        layout.addWidget(alloc_box, 1)
        layout.addLayout(extra)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

        self.credit = 0
        self.method_choices = method_choices(ctx)
        self.add_split()
        self.paid_on.dateChanged.connect(lambda _d: self._show_credit())
        self.hold_excess.toggled.connect(lambda _on: self._update_summary())
        self.held_for.textChanged.connect(lambda _t: self._update_summary())
        self._load_open(selected)
        if selected is not None:
            self._splits[0].amount.set_value(max(selected.balance, 0))
            self._auto_allocate()
        self._splits[0].amount.setFocus()
        self._splits[0].amount.selectAll()

    # --- customer -----------------------------------------------------------------------------
    def _customer_chosen(self, _customer_id: str, _name: str) -> None:
        self._allocations_touched = False
        self._load_open(None)
        self._auto_allocate()

    def _load_open(self, selected: invoices.InvoiceView | None) -> None:
        """The customer's open invoices, the selected one first, and the credit they hold."""
        rows: list[_Open] = []
        if self.customer_id:
            try:
                rows = [_Open(r.invoice_id, r.number, r.issued_on, r.due_on, r.balance)
                        for r in receivables.open_invoices(self.ctx.db, self.ctx.actor, self.customer_id)]
            except PermissionDenied:
                rows = []
        if selected is not None:
            rows = [r for r in rows if r.invoice_id != selected.id]
            if selected.balance > 0:
                rows.insert(0, _Open(selected.id, selected.number or "", selected.issued_on, selected.due_on,
                                     selected.balance))
        self.open_rows = rows
        self.allocations.set_rows([({"number": r.number, "issued_on": r.issued_on, "due_on": r.due_on,
                                     "balance": r.balance}, {"invoice_id": r.invoice_id}) for r in rows])
        self.allocations.setVisible(bool(rows))
        self.no_open.setVisible(bool(self.customer_id) and not rows)
        self._show_credit()
        self._update_summary()

    def _show_credit(self) -> None:
        """The credit the customer may spend on a payment of the chosen date: the figure the payments
        service allows (credit received after that date cannot settle anything on it)."""
        credit = 0
        if self.customer_id:
            credit = payments.credit_available(self.ctx.db, self.ctx.actor, self.customer_id,
                                               on=self.paid_on.value())
        self.credit = credit
        self.credit_hint.setText(self.tr("Credit held: %1").replace("%1", money_text(credit, self.currency))
                                 if credit else "")
        self.credit_hint.setVisible(bool(credit))

    # --- splits -------------------------------------------------------------------------------
    def add_split(self, *, focus: bool = False) -> _SplitRow:
        method = QComboBox()
        for code, label in self.method_choices:
            method.addItem(label, code)
        amount = MoneyEdit(self.currency)
        amount.setMinimumWidth(140)
        reference = QLineEdit()
        reference.setMaxLength(80)
        reference.setPlaceholderText(self.tr("Reference: card slip, transfer or voucher number"))
        remove = QPushButton(self.tr("Remove"))
        enter_presses(remove)
        row = _SplitRow(method, amount, reference, remove)
        if not self._splits:
            method.setObjectName("method")
            amount.setObjectName("amount")
            reference.setObjectName("split_reference")
            remove.hide()
            self.errors.widgets["amount"] = amount
            self.errors.widgets["splits"] = amount
        remove.clicked.connect(lambda: self.remove_split(row))
        amount.textChanged.connect(lambda _t: self._auto_allocate())
        grid_row = self.splits_grid.rowCount()
        self.splits_grid.addWidget(method, grid_row, 0)
        self.splits_grid.addWidget(amount, grid_row, 1)
        self.splits_grid.addWidget(reference, grid_row, 2)
        self.splits_grid.addWidget(remove, grid_row, 3)
        self._splits.append(row)
        if focus:
            method.setFocus()
        return row

    def remove_split(self, row: _SplitRow) -> None:
        if row not in self._splits or row is self._splits[0]:
            return
        self._splits.remove(row)
        for widget in (row.method, row.amount, row.reference, row.remove):
            self.splits_grid.removeWidget(widget)
            widget.deleteLater()
        self._auto_allocate()

    def received(self) -> int | None:
        total = 0
        for split in self._splits:
            value = split.amount.value_or_none()
            if value is None:
                return None
            total += value
        return total

    # --- allocations --------------------------------------------------------------------------
    def _allocation_edited(self, _row: int, key: str) -> None:
        if key == "amount":
            self._allocations_touched = True

    def _auto_allocate(self) -> None:
        """Until the cashier edits an allocation: what is received settles the selected invoice,
        then the customer's other open invoices, oldest due first."""
        if not self._allocations_touched:
            left = self.received() or 0
            for i, r in enumerate(self.open_rows):
                take = min(left, r.balance)
                left -= take
                self.allocations.set_value(i, "amount", take if take > 0 else None)
        self._update_summary()

    def allocation_values(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i, r in enumerate(self.open_rows):
            try:
                self.allocations.check(i)
            except ValidationError as exc:
                raise ValidationError(f"allocations[{r.invoice_id}]", exc.detail) from None
            amount = self.allocations.value(i, "amount")
            if amount:
                out[r.invoice_id] = amount
        return out

    def _update_summary(self) -> None:
        received = self.received()
        try:
            allocated = sum(self.allocation_values().values())
        except ValidationError:
            allocated = None
        if received is None or allocated is None:
            self.summary.setText("<span style='color:#b3261e'>" + self.tr("An amount cannot be read.") + "</span>")
            return
        parts = [self.tr("Received %1").replace("%1", money_text(received, self.currency)),
                 self.tr("allocated %1").replace("%1", money_text(allocated, self.currency))]
        excess = received - allocated
        if excess > 0:
            held = self.hold_excess.isChecked() or bool(self.held_for.text().strip())
            text = self.tr("%1 held as credit") if held else self.tr("%1 not allocated")
            colour = "#1f5fa8" if held else "#b3261e"
            parts.append(f"<span style='color:{colour}'>" + text.replace("%1", money_text(excess, self.currency))
                         + "</span>")
        self.summary.setText("<b>" + " · ".join(parts[:1]) + "</b> · " + " · ".join(parts[1:]))

    # --- saving -------------------------------------------------------------------------------
    def value(self) -> dict:
        splits = []
        for i, split in enumerate(self._splits, start=1):
            amount = parse_money(split.amount.text(), self.currency, field=f"splits[{i}].amount")
            if amount == 0 and len(self._splits) > 1 and not split.reference.text().strip():
                continue
            splits.append(payments.PaymentSplit(method=split.method.currentData(), amount=amount,
                                                reference=split.reference.text()))
        return {
            "customer_id": self.customer_id or "",
            "splits": splits,
            "allocations": self.allocation_values(),
            "hold_excess": self.hold_excess.isChecked(),
            "held_for": self.held_for.text(),
            "on": self.paid_on.value(),
            "notes": self.notes.text(),
        }

    def save(self) -> None:
        self.allocations.commit()
        self.allocations.clear_marks()
        try:
            data = self.value()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        if not data["customer_id"]:
            self.show_field_error(ValidationError("customer_id", self.tr("Choose the customer who pays")))
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: payments.take_payment(db, actor, **data))

    def after_save(self, result) -> None:
        self.saved_ids = list(result or [])

    def show_field_error(self, exc: ValidationError) -> bool:
        shown = self.errors.show(exc)
        match = _INDEXED.match(exc.field)
        if match is None:
            return shown
        kind, key, part = match.groups()
        if kind == "splits" and key.isdigit() and 0 < int(key) <= len(self._splits):
            split = self._splits[int(key) - 1]
            target = {"method": split.method, "reference": split.reference}.get(part or "", split.amount)
            target.setFocus()
        elif kind == "allocations":
            row = next((i for i, r in enumerate(self.open_rows) if key in (r.invoice_id, r.number)), -1)
            if row >= 0:
                self.alloc_error.setText(f"{self.open_rows[row].number}: {detail_text(exc)}")
                self.allocations.mark(row, "amount", detail_text(exc))
                self.allocations.focus_cell(row, "amount")
        return shown

    @classmethod
    def ask(cls, ctx: AppContext, *, invoice_id: str | None = None, customer: tuple[str, str] | None = None,
            parent: QWidget | None = None) -> list[str] | None:
        """Take a payment; the new payments' ids, or None if cancelled."""
        taken = run_dialog(parent, lambda: cls(ctx, invoice_id=invoice_id, customer=customer, parent=parent),
                           lambda d: (list(d.saved_ids), d.print_receipt.isChecked()))
        if taken is None:
            return None
        ids, printing = taken
        if printing:
            for payment_id in ids:
                print_receipt(ctx, payment_id, parent)
        return ids


def print_receipt(ctx: AppContext, payment_id: str, parent: QWidget | None) -> None:
    """Preview and print a payment's receipt (or a refund's slip) through the print dialog."""
    from services.billing import payments, receipts
    from ui.printing import print_document

    db, actor = ctx.db, ctx.actor
    number = receipts.receipt_number(payments.payment(db, actor, payment_id))
    print_document(parent, lambda out: receipts.receipt_pdf(db, actor, payment_id, out), title=number,
                   save_name=f"{number}.pdf")
