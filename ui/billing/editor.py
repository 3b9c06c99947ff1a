"""The draft invoice editor: customer, type, terms and a grid of lines with live totals; save the
draft or post it. Totals come from the billing service's one tax and rounding rule."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import money
from core.errors import DomainError, ValidationError
from core.quantities import quantity_from_text, quantity_text
from models.billing import ITEM_TYPES
from services import settings
from services.billing import invoices
from services.billing.totals import line_amounts
from services.parts import catalogue
from ui.billing.labels import item_type_labels, kind_labels
from ui.context import AppContext
from ui.formatting import money_text
from ui.widgets.fields import parse_money
from ui.widgets.forms import FieldErrors, FormDialog, enter_edits_cell, error_label, hint_label
from ui.workers import Query

C_DESC, C_CODE, C_TYPE, C_QTY, C_PRICE, C_DISC, C_TAX, C_COST, C_TOTAL = range(9)
PART_ROLE = Qt.ItemDataRole.UserRole + 20  # the catalogue part a line's code names
# Service field of a line → its column in the grid.
LINE_FIELDS = {"description": C_DESC, "item_code": C_CODE, "item_type": C_TYPE, "quantity": C_QTY,
               "unit_price": C_PRICE, "discount": C_DISC, "tax_code": C_TAX, "unit_cost": C_COST}
_LINE_FIELD = re.compile(r"^lines\[(\d+)\](?:\.(\w+))?$")


class InvoiceDialog(FormDialog):
    """Create or change a draft invoice. ``posted_number`` is set when the dialog posted it."""

    def __init__(self, ctx: AppContext, invoice_id: str | None = None, *, customer: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.saved_id: str | None = None
        self.posted_number: str | None = None
        self.currency = ctx.settings.currency
        self.prices_include_tax = ctx.settings.prices_include_tax
        self.customer_id: str | None = customer[0] if customer else None
        self._line_rows: list[int] = []
        self._made: dict[str, str] = {}
        self.setWindowTitle(self.tr("Edit draft invoice") if invoice_id else self.tr("New invoice"))
        self.setMinimumSize(980, 560)

        rates = [r for r in settings.tax_rates(ctx.db) if r.active]
        self.rates = {r.code: r.rate_bp for r in rates}
        self.rate_names = [(r.code, f"{r.code} ({money.format_rate(r.rate_bp)})") for r in rates]
        self.default_rate = next((r.code for r in rates if r.is_default), rates[0].code if rates else "")

        self.customer_name = QLineEdit(customer[1] if customer else "")
        self.customer_name.setObjectName("customer")
        self.customer_name.setReadOnly(True)
        self.customer_name.setPlaceholderText(self.tr("No customer chosen"))
        self.choose_customer = QPushButton(self.tr("C&hoose…"))
        self.choose_customer.setToolTip(self.tr("Find the customer by name, phone or ID (F4)"))
        self.choose_customer.setAutoDefault(False)
        self.choose_customer.clicked.connect(self.pick_customer)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        labels = kind_labels()
        for code in invoices.SALE_KINDS:
            self.kind.addItem(labels.get(code, code), code)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setMaxLength(80)
        self.reference.setPlaceholderText(self.tr("Order, repair order or customer's reference"))
        self.due_days = QSpinBox()
        self.due_days.setObjectName("due_days")
        self.due_days.setRange(0, 365)
        self.due_days.setValue(invoices.DEFAULT_DUE_DAYS)
        self.due_days.setSuffix(self.tr(" days"))
        self.due_days.setMaximumWidth(120)
        self.kind.setMaximumWidth(260)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")

        form = QFormLayout()
        self.errors = FieldErrors(form)
        customer_box = QWidget()
        row = QHBoxLayout(customer_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.customer_name, 1)
        row.addWidget(self.choose_customer)
        self.errors.add_row("customer_id", self.tr("&Customer"), customer_box)
        self.errors.widgets["customer_id"] = self.choose_customer
        buddy = form.labelForField(customer_box.parentWidget()) if customer_box.parentWidget() else None
        if isinstance(buddy, QLabel):
            buddy.setBuddy(self.choose_customer)
        self.errors.add_row("kind", self.tr("&Type"), self.kind)
        self.errors.add_row("reference", self.tr("&Reference"), self.reference)
        self.errors.add_row("due_days", self.tr("Payment &terms"), self.due_days)
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)

        self.lines = QTableWidget(0, 9)
        self.lines.setObjectName("lines")
        self.lines.setHorizontalHeaderLabels([
            self.tr("Description"), self.tr("Code"), self.tr("Item type"), self.tr("Qty"), self.tr("Unit price"),
            self.tr("Discount"), self.tr("Tax"), self.tr("Unit cost"), self.tr("Line total")])
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(C_DESC, QHeaderView.ResizeMode.Stretch)
        for col, width in ((C_CODE, 90), (C_TYPE, 100), (C_QTY, 60), (C_PRICE, 100), (C_DISC, 80), (C_TAX, 110),
                           (C_COST, 90), (C_TOTAL, 110)):
            self.lines.setColumnWidth(col, width)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.itemChanged.connect(self._item_changed)
        self.add_line_button = QPushButton(self.tr("&Add line"))
        self.add_line_button.setToolTip("Ctrl+L")
        self.add_line_button.setAutoDefault(False)
        self.add_line_button.clicked.connect(lambda: self.add_line())
        self.remove_line_button = QPushButton(self.tr("Remove l&ine"))
        self.remove_line_button.setToolTip("Ctrl+Del")
        self.remove_line_button.setAutoDefault(False)
        self.remove_line_button.clicked.connect(self.remove_line)
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: self.add_line())
        QShortcut(QKeySequence("Ctrl+Del"), self, self.remove_line)
        QShortcut(QKeySequence("F4"), self, self.pick_customer)
        self.lines_error = error_label()
        self.errors.labels["lines"] = self.lines_error
        self.errors.widgets["lines"] = self.lines

        self.totals = QLabel()
        self.totals.setObjectName("invoiceTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        basis = (self.tr("Prices include tax.") if self.prices_include_tax
                 else self.tr("Prices exclude tax; tax is added."))
        lines_box = QGroupBox(self.tr("Lines"))
        lb = QVBoxLayout(lines_box)
        lb.addWidget(self.lines, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.add_line_button)
        bar.addWidget(self.remove_line_button)
        bar.addWidget(hint_label(basis))
        bar.addStretch(1)
        bar.addWidget(self.totals)
        lb.addLayout(bar)
        lb.addWidget(self.lines_error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save draft"))
        save.setToolTip(self.tr("Save the draft (Enter)"))
        self.post_button = self.buttons.addButton(self.tr("&Post…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.post_button.setToolTip(self.tr("Save and post: the invoice gets its number and can no longer change "
                                            "(Ctrl+Enter)"))
        self.post_button.setAutoDefault(False)
        self.post_button.setVisible(ctx.can("invoice.post"))
        self.post_button.clicked.connect(self.post)
        if ctx.can("invoice.post"):
            QShortcut(QKeySequence("Ctrl+Return"), self, self.post)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(lines_box, 1)
        layout.addWidget(self.buttons)

        if invoice_id:
            self._load(invoice_id)
        if self.lines.rowCount() == 0:
            self.add_line(edit=False)
        self._recalculate()
        if self.customer_id:
            self.lines.setFocus()
            self.lines.setCurrentCell(0, C_DESC)
        else:
            self.choose_customer.setFocus()

    # --- customer -----------------------------------------------------------------------------
    def pick_customer(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("customer",), title=self.tr("Choose the customer"))
        if hit is not None:
            self.customer_id = hit.ref_id
            self.customer_name.setText(hit.title)

    # --- lines --------------------------------------------------------------------------------
    def add_line(self, line: invoices.LineView | None = None, *, edit: bool = True) -> int:
        table = self.lines
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        texts = {
            C_DESC: line.description if line else "",
            C_CODE: line.item_code if line else "",
            C_QTY: quantity_text(line.quantity_milli) if line else "1",
            C_PRICE: money.format_money(line.unit_price, self.currency, symbol=False) if line else "",
            C_DISC: money.format_money(line.discount, self.currency, symbol=False) if line and line.discount else "",
            C_COST: money.format_money(line.unit_cost, self.currency, symbol=False) if line and line.unit_cost
            else "",
        }
        for col, value in texts.items():
            item = QTableWidgetItem(value)
            if col in (C_QTY, C_PRICE, C_DISC, C_COST):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == C_CODE and line is not None and line.part_id:
                item.setData(PART_ROLE, line.part_id)
            table.setItem(row, col, item)
        total = QTableWidgetItem("")
        total.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, C_TOTAL, total)
        item_type = QComboBox()
        for code, label in item_type_labels().items():
            if code in ITEM_TYPES:
                item_type.addItem(label, code)
        item_type.setCurrentIndex(max(0, item_type.findData(line.item_type if line else "part")))
        tax = QComboBox()
        for code, label in self.rate_names:
            tax.addItem(label, code)
        wanted = line.tax_code if line else self.default_rate
        if line and wanted not in self.rates:
            # A rate switched off since the draft was saved still shows what the draft holds.
            tax.addItem(f"{wanted} ({money.format_rate(line.tax_rate_bp)})", wanted)
            self.rates.setdefault(wanted, line.tax_rate_bp)
        tax.setCurrentIndex(max(0, tax.findData(wanted)))
        for combo in (item_type, tax):
            combo.currentIndexChanged.connect(lambda _i: self._recalculate())
        table.setCellWidget(row, C_TYPE, item_type)
        table.setCellWidget(row, C_TAX, tax)
        table.blockSignals(False)
        if edit:
            table.setFocus()
            table.setCurrentCell(row, C_DESC)
            table.editItem(table.item(row, C_DESC))
        self._recalculate()
        return row

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if row < 0:
            return
        self.lines.removeRow(row)
        if self.lines.rowCount():
            self.lines.setCurrentCell(min(row, self.lines.rowCount() - 1), C_DESC)
        self._recalculate()

    def _text(self, row: int, col: int) -> str:
        item = self.lines.item(row, col)
        return item.text().strip() if item is not None else ""

    def _combo(self, row: int, col: int) -> str:
        widget = self.lines.cellWidget(row, col)
        return widget.currentData() if isinstance(widget, QComboBox) else ""

    def _row_is_empty(self, row: int) -> bool:
        return not any(self._text(row, c) for c in (C_DESC, C_CODE, C_PRICE, C_DISC, C_COST))

    def _line(self, row: int, number: int) -> invoices.LineInput:
        """The line of grid ``row``; a ValidationError names ``lines[number].<field>``."""
        where = f"lines[{number}]"
        try:
            quantity = quantity_from_text(self._text(row, C_QTY) or "0")
        except ValidationError as exc:
            raise ValidationError(f"{where}.quantity", exc.detail) from None
        return invoices.LineInput(
            description=self._text(row, C_DESC), item_code=self._text(row, C_CODE),
            item_type=self._combo(row, C_TYPE), quantity_milli=quantity,
            unit_price=parse_money(self._text(row, C_PRICE), self.currency, field=f"{where}.unit_price"),
            discount=parse_money(self._text(row, C_DISC), self.currency, field=f"{where}.discount"),
            tax_code=self._combo(row, C_TAX),
            unit_cost=parse_money(self._text(row, C_COST), self.currency, field=f"{where}.unit_cost"),
            part_id=self._part_id(row))

    def _part_id(self, row: int) -> str | None:
        item = self.lines.item(row, C_CODE)
        part_id = item.data(PART_ROLE) if item is not None else None
        return part_id if part_id and self._combo(row, C_TYPE) == "part" else None

    def _look_up_part(self, item: QTableWidgetItem) -> None:
        """A part number typed on a part line names the catalogue part (following supersession), so a
        counter sale takes it out of stock; description and price fill in when still empty."""
        number = item.text().strip()
        item.setData(PART_ROLE, None)
        if not number:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def found(part) -> None:
            if part is None or self.lines.item(item.row(), C_CODE) is not item or item.text().strip() != number:
                return
            row = item.row()
            self.lines.blockSignals(True)
            item.setData(PART_ROLE, part.id)
            item.setToolTip(f"{part.brand} {part.part_number}" + (
                self.tr(" (replaces %1)").replace("%1", part.superseded_from) if part.superseded_from else ""))
            if part.superseded_from:
                item.setText(part.part_number)
            if not self._text(row, C_DESC):
                self.lines.item(row, C_DESC).setText(part.description)
            if not self._text(row, C_PRICE):
                self.lines.item(row, C_PRICE).setText(
                    money.format_money(part.retail_price, self.currency, symbol=False))
            self.lines.blockSignals(False)
            self._recalculate()

        Query(self, lambda: catalogue.part_for_sale(db, actor, number)).success(found).run()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == C_CODE and self._combo(item.row(), C_TYPE) == "part":
            self._look_up_part(item)
        if item.column() != C_TOTAL:
            self._recalculate()

    def _recalculate(self) -> None:
        """Line totals and invoice totals as the billing service will compute them."""
        net = tax = total = 0
        complete = True
        self.lines.blockSignals(True)
        try:
            for row in range(self.lines.rowCount()):
                cell = self.lines.item(row, C_TOTAL)
                if self._row_is_empty(row):
                    cell.setText("")
                    continue
                try:
                    line = self._line(row, row + 1)
                    amounts = line_amounts(quantity_milli=line.quantity_milli, unit_price=line.unit_price,
                                           discount=line.discount, rate_bp=self.rates.get(line.tax_code, 0),
                                           prices_include_tax=self.prices_include_tax)
                except ValidationError:
                    cell.setText("—")
                    complete = False
                    continue
                cell.setText(money_text(amounts.total, self.currency))
                net, tax, total = net + amounts.net, tax + amounts.tax, total + amounts.total
        finally:
            self.lines.blockSignals(False)
        self.total_minor = total if complete else None
        parts = [
            self.tr("Net %1").replace("%1", money_text(net, self.currency)),
            self.tr("Tax %1").replace("%1", money_text(tax, self.currency)),
            "<b>" + self.tr("Total %1").replace("%1", money_text(total, self.currency)) + "</b>",
        ]
        text = " · ".join(parts)
        if not complete:
            text += " <span style='color:#b3261e'>" + self.tr("(a line is incomplete)") + "</span>"
        self.totals.setText(text)

    # --- loading and saving -------------------------------------------------------------------
    def _load(self, invoice_id: str) -> None:
        view = invoices.get(self.ctx.db, self.ctx.actor, invoice_id)
        if view.status != "draft":
            raise ValidationError("status", "A posted invoice cannot be changed; issue a credit note to correct it")
        self.customer_id = view.customer_id
        self.customer_name.setText(view.customer_name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind)))
        self.reference.setText(view.reference)
        self.notes.setText(view.notes)
        self.due_days.setValue(view.payment_terms_days)
        self.prices_include_tax = view.prices_include_tax
        for line in view.lines:
            self.add_line(line, edit=False)

    def value(self) -> invoices.DraftInput:
        """What the form holds; a ValidationError names the field that cannot be read."""
        lines = []
        self._line_rows = []
        for row in range(self.lines.rowCount()):
            if self._row_is_empty(row):
                continue
            self._line_rows.append(row)
            lines.append(self._line(row, len(lines) + 1))
        return invoices.DraftInput(kind=self.kind.currentData(), customer_id=self.customer_id or "", lines=lines,
                                   reference=self.reference.text(), notes=self.notes.text(),
                                   due_days=self.due_days.value())

    def save(self) -> None:
        self._submit(post=False)

    def post(self) -> None:
        if not self.post_button.isVisible() or not self.buttons.isEnabled():
            return
        answer = QMessageBox.question(
            self, self.tr("Post invoice"),
            self.tr("Post this invoice? It gets its number now and can no longer be changed; "
                    "a correction needs a credit note."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._submit(post=True)

    def _submit(self, *, post: bool) -> None:
        try:
            draft = self.value()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        db, actor, made = self.ctx.db, self.ctx.actor, self._made
        known = self.invoice_id

        def work() -> str:
            invoice_id = known or made.get("id")
            if invoice_id:
                invoices.update_draft(db, actor, invoice_id, draft)
            else:
                invoice_id = invoices.create_draft(db, actor, draft)
                made["id"] = invoice_id
            if post:
                made["number"] = invoices.post(db, actor, invoice_id)
            return invoice_id

        self.submit(work, area="invoice")

    def after_save(self, result) -> None:
        self.posted_number = self._made.get("number")

    def _failed(self, exc: BaseException) -> None:
        if self._made.get("id") and not self.invoice_id:
            # The draft was saved and posting it failed: from now on Save changes that draft.
            self.invoice_id = self._made["id"]
            self.setWindowTitle(self.tr("Edit draft invoice"))
            self.ctx.notify("invoice", [self.invoice_id])
        super()._failed(exc)

    def show_field_error(self, exc: ValidationError) -> bool:
        shown = self.errors.show(exc)
        match = _LINE_FIELD.match(exc.field)
        if match:
            number = int(match.group(1))
            rows = self._line_rows
            row = rows[number - 1] if 0 < number <= len(rows) else number - 1
            col = LINE_FIELDS.get(match.group(2) or "", C_DESC)
            self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", exc.detail))
            if 0 <= row < self.lines.rowCount():
                self.lines.setCurrentCell(row, col)
                self.lines.setFocus()
        return shown

    def keyPressEvent(self, event) -> None:
        if enter_edits_cell(self.lines, event):
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, invoice_id: str | None = None, *, customer: tuple[str, str] | None = None,
            parent: QWidget | None = None) -> tuple[str, str | None] | None:
        """Open the editor; ``(invoice id, number if it was posted)`` once saved, else None."""
        try:
            dialog = cls(ctx, invoice_id, customer=customer, parent=parent)
        except DomainError as exc:
            from ui.errors import show_error

            show_error(parent, exc)
            return None
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = (dialog.saved_id, dialog.posted_number) if accepted and dialog.saved_id else None
        dialog.deleteLater()
        return result
