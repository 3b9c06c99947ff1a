"""Issue a credit note against a posted invoice: per line, a quantity up to what is left to credit."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from core.quantities import quantity_from_text, quantity_text
from services.billing import invoices
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.widgets.forms import FieldErrors, FormDialog, enter_edits_cell, error_label, hint_label

L_NO, L_DESC, L_INVOICED, L_CREDITED, L_REMAINING, L_PRICE, L_CREDIT = range(7)
_LINE_FIELD = re.compile(r"^lines\[(\d+)\]")


class CreditNoteDialog(FormDialog):
    """``saved_id`` is the credit note's id once issued."""

    def __init__(self, ctx: AppContext, invoice_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.saved_id: str | None = None
        self.view = invoices.get(ctx.db, ctx.actor, invoice_id)
        if self.view.status != "posted" or self.view.kind == "credit_note":
            raise ValidationError("invoice", "Only a posted invoice can be credited")
        currency = self.view.currency
        self.setWindowTitle(self.tr("Credit note for %1").replace("%1", self.view.number or ""))
        self.setMinimumWidth(760)

        info = QLabel(self.tr("%1 · issued %2 · total %3 · open balance %4")
                      .replace("%1", self.view.customer_name).replace("%2", date_text(self.view.issued_on))
                      .replace("%3", money_text(self.view.total, currency))
                      .replace("%4", money_text(self.view.balance, currency)))
        info.setWordWrap(True)

        self.lines = QTableWidget(len(self.view.lines), 7)
        self.lines.setObjectName("creditLines")
        self.lines.setHorizontalHeaderLabels([
            self.tr("#"), self.tr("Description"), self.tr("Invoiced"), self.tr("Credited"), self.tr("Left"),
            self.tr("Unit price"), self.tr("Credit qty")])
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setSectionResizeMode(L_DESC, QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.remaining: dict[str, int] = {}
        for row, line in enumerate(self.view.lines):
            left = line.quantity_milli - line.credited_quantity_milli
            self.remaining[line.id] = left
            cells = (str(line.line_no), line.description, quantity_text(line.quantity_milli),
                     quantity_text(line.credited_quantity_milli), quantity_text(left),
                     money_text(line.unit_price, currency), "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col != L_CREDIT or left <= 0:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col not in (L_DESC,):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, line.id)
                self.lines.setItem(row, col, item)
        self.full_button = QPushButton(self.tr("&Full credit"))
        self.full_button.setToolTip(self.tr("Credit everything that is left on every line"))
        self.full_button.setAutoDefault(False)
        self.full_button.clicked.connect(self.fill_remaining)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(lambda: self._fill(lambda _left: ""))
        self.lines_error = error_label()
        box = QGroupBox(self.tr("Quantities to credit"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.lines)
        bar = QHBoxLayout()
        bar.addWidget(self.full_button)
        bar.addWidget(self.clear_button)
        bar.addWidget(hint_label(self.tr("A partial quantity takes its share of the line's discount.")), 1)
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
        first = next((r for r, line in enumerate(self.view.lines) if self.remaining[line.id] > 0), None)
        if first is None:
            self.lines_error.setText(self.tr("Everything on this invoice has been credited already."))
            self.lines_error.show()
            ok.setEnabled(False)
        else:
            self.lines.setCurrentCell(first, L_CREDIT)
            self.lines.setFocus()

    def _fill(self, text_for) -> None:
        for row, line in enumerate(self.view.lines):
            left = self.remaining[line.id]
            if left > 0:
                self.lines.item(row, L_CREDIT).setText(text_for(left))

    def fill_remaining(self) -> None:
        self._fill(quantity_text)

    def quantities(self) -> dict[str, int]:
        """Line id → quantity to credit (thousandths); a ValidationError names the line."""
        out: dict[str, int] = {}
        for row, line in enumerate(self.view.lines):
            item = self.lines.item(row, L_CREDIT)
            text = item.text().strip() if item is not None else ""
            if not text:
                continue
            try:
                qty = quantity_from_text(text)
            except ValidationError as exc:
                raise ValidationError(f"lines[{line.line_no}].quantity", exc.detail) from None
            if qty:
                out[line.id] = qty
        return out

    def save(self) -> None:
        try:
            wanted = self.quantities()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        if not wanted:
            self.show_field_error(ValidationError("lines", self.tr("Enter a quantity to credit on at least one line")))
            return
        answer = QMessageBox.question(
            self, self.tr("Issue credit note"),
            self.tr("Issue a credit note for invoice %1? It is posted at once and cannot be changed.")
            .replace("%1", self.view.number or ""))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, invoice_id, reason = self.ctx.db, self.ctx.actor, self.invoice_id, self.reason.text()
        self.submit(lambda: invoices.create_credit_note(db, actor, invoice_id, lines=wanted, reason=reason),
                    area="invoice")

    def after_save(self, result) -> None:
        self.ctx.notify("invoice", [self.invoice_id])

    def show_field_error(self, exc: ValidationError) -> bool:
        shown = self.errors.show(exc)
        match = _LINE_FIELD.match(exc.field)
        if match:
            line_no = int(match.group(1))
            row = next((r for r, line in enumerate(self.view.lines) if line.line_no == line_no), -1)
            self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(line_no)).replace("%2", exc.detail))
            if row >= 0:
                self.lines.setCurrentCell(row, L_CREDIT)
                self.lines.setFocus()
        return shown

    def keyPressEvent(self, event) -> None:
        if enter_edits_cell(self.lines, event):
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, invoice_id: str, parent: QWidget | None = None) -> str | None:
        """Issue a credit note; its id, or None if cancelled."""
        try:
            dialog = cls(ctx, invoice_id, parent)
        except DomainError as exc:
            from ui.errors import show_error

            show_error(parent, exc)
            return None
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.saved_id if accepted else None
        dialog.deleteLater()
        return result
