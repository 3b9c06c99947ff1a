"""Issue a credit note against a posted invoice: per line, a quantity up to what is left to credit
(goods taken back: they return to stock at their cost), and/or an amount (a price or goodwill
credit: no goods move and the cost stays), never more than what is left of the line."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
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

from core.errors import ValidationError
from services.billing import invoices
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid

_LINE_FIELD = re.compile(r"^(lines|amounts)\[(\d+)\](?:\.(\w+))?")


class CreditNoteDialog(FormDialog):
    """``saved_id`` is the credit note's id once issued."""

    def __init__(self, ctx: AppContext, invoice_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.saved_id: str | None = None
        self.view = invoices.get(ctx.db, ctx.actor, invoice_id)
        if self.view.status != "posted" or self.view.kind == "credit_note":
            raise ValidationError("status", QCoreApplication.translate("CreditNoteDialog",
                                                                       "Only a posted invoice can be credited"))
        currency = self.view.currency
        self.setWindowTitle(self.tr("Credit note for %1").replace("%1", self.view.number or ""))
        self.setMinimumWidth(900)

        info = QLabel(self.tr("%1 · issued %2 · total %3 · open balance %4")
                      .replace("%1", self.view.customer_name).replace("%2", date_text(self.view.issued_on))
                      .replace("%3", money_text(self.view.total, currency))
                      .replace("%4", money_text(self.view.balance, currency)))
        info.setWordWrap(True)

        self.lines = LineGrid([
            GridColumn("line_no", self.tr("#"), width=40, editable=False,
                       align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            GridColumn("description", self.tr("Description"), width=0, editable=False),
            GridColumn("invoiced", self.tr("Invoiced"), kind="quantity", width=80, editable=False),
            GridColumn("credited", self.tr("Credited"), kind="quantity", width=80, editable=False),
            GridColumn("left", self.tr("Left"), kind="quantity", width=80, editable=False),
            GridColumn("unit_price", self.tr("Unit price"), kind="money", width=110, editable=False),
            GridColumn("quantity", self.tr("Credit qty"), kind="quantity", width=90),
            GridColumn("amount_left", self.tr("Amount left"), kind="money", width=110, editable=False),
            GridColumn("amount", self.tr("Price credit"), kind="money", width=110),
        ], currency=currency, can_add=False, can_remove=False, name="creditLines")
        self.remaining: dict[str, int] = {}
        self.amount_left: dict[str, int] = {}
        rows = []
        for line in self.view.lines:
            left = line.quantity_milli - line.credited_quantity_milli
            self.remaining[line.id] = left
            self.amount_left[line.id] = line.left_to_credit
            rows.append(({"line_no": str(line.line_no), "description": line.description,
                          "invoiced": line.quantity_milli, "credited": line.credited_quantity_milli, "left": left,
                          "unit_price": line.unit_price, "amount_left": line.left_to_credit},
                         {"line_id": line.id}))
        self.lines.set_rows(rows)
        for row, line in enumerate(self.view.lines):
            if self.remaining[line.id] <= 0 or self.amount_left[line.id] <= 0:
                self.lines.lock(row, "quantity")
            if self.amount_left[line.id] <= 0:
                self.lines.lock(row, "amount")
        self.full_button = QPushButton(self.tr("&Full credit"))
        self.full_button.setToolTip(self.tr("Credit everything that is left on every line"))
        enter_presses(self.full_button)
        self.full_button.clicked.connect(self.fill_remaining)
        self.clear_button = QPushButton(self.tr("C&lear"))
        enter_presses(self.clear_button)
        self.clear_button.clicked.connect(self.clear)
        self.lines_error = error_label()
        box = QGroupBox(self.tr("What to credit"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.lines)
        bar = QHBoxLayout()
        bar.addWidget(self.full_button)
        bar.addWidget(self.clear_button)
        bar.addWidget(hint_label(self.tr("A quantity takes goods back (they return to stock) with its share of the "
                                         "line's discount. A price credit, tax included, takes no goods back.")), 1)
        bl.addLayout(bar)
        bl.addWidget(self.lines_error)

        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why the invoice is credited (printed on the credit note)"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("reason", self.tr("&Reason"), self.reason)
        for key in ("lines", "invoice"):
            self.errors.labels[key] = self.lines_error
            self.errors.widgets[key] = self.lines

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Issue credit note"))
        ok.setToolTip(self.tr("Issue and post the credit note (Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(box, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        first = next((r for r, line in enumerate(self.view.lines) if self.amount_left[line.id] > 0), None)
        if first is None:
            self.lines_error.setText(self.tr("Everything on this invoice has been credited already."))
            self.lines_error.show()
            ok.setEnabled(False)
        else:
            line = self.view.lines[first]
            self.lines.focus_cell(first, "quantity" if self.remaining[line.id] > 0 else "amount")

    def _fill(self, quantity_for) -> None:
        for row, line in enumerate(self.view.lines):
            left = self.remaining[line.id]
            if left > 0 and self.amount_left[line.id] > 0:
                self.lines.set_value(row, "quantity", quantity_for(left))

    def clear(self) -> None:
        for row in range(self.lines.row_count()):
            self.lines.set_values(row, {"quantity": None, "amount": None})

    def fill_remaining(self) -> None:
        self._fill(lambda left: left)

    def quantities(self) -> dict[str, int]:
        """Line id → quantity to credit (thousandths); a ValidationError names the line."""
        self.lines.commit()
        out: dict[str, int] = {}
        for row, line in enumerate(self.view.lines):
            try:
                self.lines.check(row)
            except ValidationError as exc:
                raise ValidationError(f"lines[{line.line_no}].{exc.field}", exc.detail) from None
            qty = self.lines.value(row, "quantity")
            if qty:
                out[line.id] = qty
        return out

    def amounts(self) -> dict[str, int]:
        """Line id → price credit in minor units, tax included; a ValidationError names the line's
        amount when it is negative or more than what is left of the line."""
        self.lines.commit()
        out: dict[str, int] = {}
        currency = self.view.currency
        for row, line in enumerate(self.view.lines):
            amount = self.lines.value(row, "amount")
            if not amount:
                continue
            field = f"amounts[{line.line_no}]"
            if amount < 0:
                raise ValidationError(field, self.tr("A price credit cannot be negative"))
            left = self.amount_left[line.id]
            if amount > left:
                raise ValidationError(field, self.tr("At most %1 of this line is left to credit")
                                      .replace("%1", money_text(left, currency)))
            out[line.id] = amount
        return out

    def save(self) -> None:
        self.lines.clear_marks()
        try:
            wanted = self.quantities()
            priced = self.amounts()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        if not wanted and not priced:
            self.show_field_error(ValidationError("lines", self.tr(
                "Enter a quantity or a price credit on at least one line")))
            return
        answer = QMessageBox.question(
            self, self.tr("Issue credit note"),
            self.tr("Issue a credit note for invoice %1? It is posted at once and cannot be changed.")
            .replace("%1", self.view.number or ""))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, invoice_id, reason = self.ctx.db, self.ctx.actor, self.invoice_id, self.reason.text()
        self.submit(lambda: invoices.create_credit_note(db, actor, invoice_id, lines=wanted, amounts=priced,
                                                        reason=reason))

    def show_field_error(self, exc: ValidationError) -> bool:
        shown = self.errors.show(exc)
        match = _LINE_FIELD.match(exc.field)
        if match:
            line_no = int(match.group(2))
            row = next((r for r, line in enumerate(self.view.lines) if line.line_no == line_no), -1)
            self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(line_no)).replace("%2", detail_text(exc)))
            if row >= 0:
                priced = match.group(1) == "amounts" or match.group(3) == "amount" or (
                    match.group(3) is None and bool(self.lines.value(row, "amount")))
                key = "amount" if priced else "quantity"
                self.lines.mark(row, key, detail_text(exc))
                self.lines.focus_cell(row, key)
        return shown

    @classmethod
    def ask(cls, ctx: AppContext, invoice_id: str, parent: QWidget | None = None) -> str | None:
        """Issue a credit note; its id, or None if cancelled."""
        return run_dialog(parent, lambda: cls(ctx, invoice_id, parent), lambda d: d.saved_id)
