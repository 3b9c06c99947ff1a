"""The draft invoice editor: customer, type, terms and a grid of lines with live totals; save the
draft or post it. Totals come from the billing service's one tax and rounding rule."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import money
from core.errors import DomainError, ValidationError
from models.billing import ITEM_TYPES
from services import settings
from services.billing import invoices
from services.billing.totals import line_amounts
from services.parts import catalogue
from ui.billing.labels import item_type_labels, kind_labels
from ui.context import AppContext
from ui.formatting import money_text
from ui.messages import detail_text
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.line_grid import GridColumn, LineGrid, LookupResult
from ui.workers import Op

# The grid's column keys are the service's field names of a line (``lines[2].unit_price``).
LINE_KEYS = ("item_code", "description", "item_type", "quantity", "unit_price", "discount", "tax_code",
             "unit_cost", "total")
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

        item_types = tuple((code, label) for code, label in item_type_labels().items() if code in ITEM_TYPES)
        replaces = self.tr(" (replaces %1)")
        db, actor = ctx.db, ctx.actor

        def find_part(number: str, line: dict) -> LookupResult | None:
            """A part number typed on a part line names the catalogue part (following supersession),
            so a counter sale takes it out of stock; description and price fill in when still empty.
            Database worker."""
            if line.get("item_type") != "part":
                return None
            part = catalogue.part_for_sale(db, actor, number)
            if part is None:
                return None
            note = f"{part.brand} {part.part_number}" + (
                replaces.replace("%1", part.superseded_from) if part.superseded_from else "")
            return LookupResult(values={"item_code": part.part_number},
                                fill={"description": part.description, "unit_price": part.retail_price},
                                data={"part_id": part.id}, note=note)

        self.lines = LineGrid([
            GridColumn("item_code", self.tr("Code"), kind="lookup", width=110, lookup=find_part, max_length=60),
            GridColumn("description", self.tr("Description"), width=0, max_length=200),
            GridColumn("item_type", self.tr("Item type"), kind="choice", width=100, choices=item_types),
            GridColumn("quantity", self.tr("Qty"), kind="quantity", width=60),
            GridColumn("unit_price", self.tr("Unit price"), kind="money", width=100),
            GridColumn("discount", self.tr("Discount"), kind="money", width=80),
            GridColumn("tax_code", self.tr("Tax"), kind="choice", width=110, choices=tuple(self.rate_names)),
            GridColumn("unit_cost", self.tr("Unit cost"), kind="money", width=90),
            GridColumn("total", self.tr("Line total"), kind="money", width=110, derived=True),
        ], currency=self.currency, derive=self._line_total, name="lines",
            defaults={"quantity": 1000, "item_type": "part", "tax_code": self.default_rate})
        self.lines.lines_changed.connect(self._recalculate)
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
        self.lines.bar.addWidget(hint_label(basis))
        self.lines.bar.addStretch(1)
        self.lines.bar.addWidget(self.totals)
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
        if self.lines.row_count() == 0:
            self.lines.add_row()
        self._recalculate()
        if self.customer_id:
            self.lines.focus_cell(0, "item_code")
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
    def add_line(self, line: invoices.LineView) -> int:
        """Show a saved line of the draft; returns its row."""
        if line.tax_code not in self.rates:
            # A rate switched off since the draft was saved still shows what the draft holds.
            self.lines.add_choice("tax_code", line.tax_code,
                                  f"{line.tax_code} ({money.format_rate(line.tax_rate_bp)})")
            self.rates.setdefault(line.tax_code, line.tax_rate_bp)
        return self.lines.add_row({
            "item_code": line.item_code, "description": line.description, "item_type": line.item_type,
            "quantity": line.quantity_milli, "unit_price": line.unit_price, "discount": line.discount or None,
            "tax_code": line.tax_code, "unit_cost": line.unit_cost or None,
        }, data={"part_id": line.part_id} if line.part_id else None)

    def _line_total(self, values: dict) -> dict:
        """A line's total by the billing service's one tax and rounding rule."""
        return {"total": self._amounts(values).total}

    def _amounts(self, values: dict):
        return line_amounts(quantity_milli=values["quantity"] or 0, unit_price=values["unit_price"] or 0,
                            discount=values["discount"] or 0, rate_bp=self.rates.get(values["tax_code"], 0),
                            prices_include_tax=self.prices_include_tax)

    def _line(self, row: int, number: int) -> invoices.LineInput:
        """The line of grid ``row``; a ValidationError names ``lines[number].<field>``."""
        try:
            self.lines.check(row)
        except ValidationError as exc:
            raise ValidationError(f"lines[{number}].{exc.field}", exc.detail) from None
        v = self.lines.values(row)
        part_id = self.lines.row_data(row).get("part_id")
        return invoices.LineInput(
            description=v["description"], item_code=v["item_code"], item_type=v["item_type"] or "",
            quantity_milli=v["quantity"] or 0, unit_price=v["unit_price"] or 0, discount=v["discount"] or 0,
            tax_code=v["tax_code"] or "", unit_cost=v["unit_cost"] or 0,
            part_id=part_id if part_id and v["item_type"] == "part" else None)

    def _recalculate(self) -> None:
        """Invoice totals as the billing service will compute them (the lines' own totals are the
        grid's derived cells)."""
        net = tax = total = 0
        complete = True
        for row in range(self.lines.row_count()):
            if self.lines.is_blank(row):
                continue
            try:
                self.lines.check(row)
            except ValidationError:
                complete = False
                continue
            amounts = self._amounts(self.lines.values(row))
            net, tax, total = net + amounts.net, tax + amounts.tax, total + amounts.total
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
            self.add_line(line)

    def value(self) -> invoices.DraftInput:
        """What the form holds; a ValidationError names the field that cannot be read."""
        self.lines.commit()
        lines = []
        self._line_rows = []
        for row in range(self.lines.row_count()):
            if self.lines.is_blank(row):
                continue
            self._line_rows.append(row)
            lines.append(self._line(row, len(lines) + 1))
        return invoices.DraftInput(kind=self.kind.currentData(), customer_id=self.customer_id or "", lines=lines,
                                   reference=self.reference.text(), notes=self.notes.text(),
                                   due_days=self.due_days.value())

    def save(self) -> None:
        self._submit(post=False)

    def post(self) -> None:
        """Check the draft as posting would (nothing is kept), then ask, then save and post it in one
        transaction: the question comes only for a draft that can be posted."""
        if not self.post_button.isVisible() or not self.buttons.isEnabled():
            return
        self.lines.clear_marks()
        self.errors.clear()
        try:
            draft = self.value()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        db, actor, known = self.ctx.db, self.ctx.actor, self.invoice_id
        self.buttons.setEnabled(False)
        # A check that posts and rolls back is a change tried, not a read: it runs as an operation.
        self.check_op = Op(self, lambda _progress, _cancel: invoices.check_post(db, actor, known, draft)).success(
            self._checked).failure(self._failed).run()

    def _checked(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        answer = QMessageBox.question(
            self, self.tr("Post invoice"),
            self.tr("Post this invoice? It gets its number now and can no longer be changed; "
                    "a correction needs a credit note."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._submit(post=True)

    def _submit(self, *, post: bool) -> None:
        self.lines.clear_marks()
        try:
            draft = self.value()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        db, actor, made = self.ctx.db, self.ctx.actor, self._made
        known = self.invoice_id

        def work() -> str:
            if post:
                made["id"], made["number"] = invoices.save_and_post(db, actor, known, draft)
                return made["id"]
            return invoices.save_draft(db, actor, known, draft)

        self.submit(work)

    def after_save(self, result) -> None:
        self.posted_number = self._made.get("number")

    def show_field_error(self, exc: ValidationError) -> bool:
        shown = self.errors.show(exc)
        match = _LINE_FIELD.match(exc.field)
        if match:
            number = int(match.group(1))
            rows = self._line_rows
            row = rows[number - 1] if 0 < number <= len(rows) else number - 1
            key = match.group(2) if match.group(2) in LINE_KEYS else "description"
            self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", detail_text(exc)))
            if 0 <= row < self.lines.row_count():
                self.lines.mark(row, key, detail_text(exc))
                self.lines.focus_cell(row, key)
        return shown

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
