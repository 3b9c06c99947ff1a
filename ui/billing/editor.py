"""The draft invoice editor: customer, type, terms and a grid of lines with live totals; save the
draft or post it. Totals come from the billing service's one tax and rounding rule."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
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
from core.errors import ValidationError
from models.billing import ITEM_TYPES
from services import customers, settings
from services.billing import dates, invoices
from services.billing.totals import gross_amount, line_amounts, percent_of, shares
from services.parts import catalogue
from ui.billing.labels import item_type_labels, kind_labels
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.fields import DateEdit, Discount, discount_input_text, parse_discount
from ui.widgets.forms import AskReasonDialog, FieldErrors, FormDialog, error_label, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid, LookupResult
from ui.workers import Op

# The grid's column keys are the service's field names of a line (``lines[2].unit_price``).
LINE_KEYS = ("item_code", "description", "item_type", "quantity", "unit_price", "discount", "tax_code",
             "unit_cost", "total")
_LINE_FIELD = re.compile(r"^lines\[(\d+)\](?:\.(\w+))?$")


class InvoiceDialog(FormDialog):
    """Create or change a draft invoice. ``posted_number`` is set when the dialog posted it."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, invoice_id: str | None = None, *, customer: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.invoice_id = invoice_id
        self.saved_id: str | None = None
        self.posted_number: str | None = None
        self.currency = ctx.settings.currency
        self.prices_include_tax = ctx.settings.prices_include_tax
        self.customer_picker = CustomerPicker(ctx)
        if customer:
            self.customer_picker.set_customer(*customer)
        self.vehicle_id: str | None = None
        self._line_rows: list[int] = []
        self._made: dict[str, str] = {}
        # The reason given for posting before the series' last invoice, for the date it was given for.
        self.backdate_reason = ""
        self.shown_totals: tuple[int, int, int] | None = None
        self.setWindowTitle(self.tr("Edit draft invoice") if invoice_id else self.tr("New invoice"))
        self.setMinimumSize(980, 560)

        rates = [r for r in settings.tax_rates(ctx.db) if r.active]
        self.rates = {r.code: r.rate_bp for r in rates}
        self.rate_names = [(r.code, f"{r.code} ({money.format_rate(r.rate_bp)})") for r in rates]
        self.default_rate = next((r.code for r in rates if r.is_default), rates[0].code if rates else "")

        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.walk_in_button = QPushButton(self.tr("&Walk-in"))
        self.walk_in_button.setObjectName("walk_in")
        self.walk_in_button.setToolTip(self.tr("Sell to a walk-in (cash) customer who gives no name (F7)"))
        enter_presses(self.walk_in_button)
        self.walk_in_button.clicked.connect(lambda _checked=False: self.use_walk_in())
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
        self.discount = QLineEdit()
        self.discount.setObjectName("discount")
        self.discount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.discount.setMaximumWidth(140)
        self.discount.setPlaceholderText(self.tr("e.g. 50 or 10%"))
        self.discount.setToolTip(self.tr("A discount on the whole invoice, as an amount or a percentage; it is "
                                         "shared over the lines in proportion to their amounts"))
        self.discount.textChanged.connect(lambda _t: self._recalculate())
        self.vehicle_name = QLineEdit()
        self.vehicle_name.setObjectName("vehicle")
        self.vehicle_name.setReadOnly(True)
        self.vehicle_name.setPlaceholderText(self.tr("No vehicle (workshop and vehicle sales name it)"))
        self.choose_vehicle = QPushButton(self.tr("Choose &vehicle…"))
        self.choose_vehicle.setToolTip(self.tr("Find the vehicle by VIN, plate or owner (F6)"))
        enter_presses(self.choose_vehicle)
        self.choose_vehicle.clicked.connect(self.pick_vehicle)
        self.clear_vehicle = QPushButton(self.tr("No vehicle"))
        enter_presses(self.clear_vehicle)
        self.clear_vehicle.clicked.connect(lambda: self.set_vehicle(None, ""))
        self.mileage = QLineEdit()
        self.mileage.setObjectName("mileage_km")
        self.mileage.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mileage.setMaximumWidth(120)
        self.mileage.setPlaceholderText(self.tr("km"))
        self.mileage.setToolTip(self.tr("The odometer reading, in km"))
        self.post_on = DateEdit()
        self.post_on.setObjectName("post_on")
        self.post_on.setMaximumDate(QDate.currentDate())
        self.post_on.setMaximumWidth(140)
        self.post_on.setToolTip(self.tr("The date the invoice carries when it is posted: today, or an earlier "
                                        "day (before the last posted invoice only with a reason)"))
        self.post_on.dateChanged.connect(self._post_date_changed)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.customer_picker.row.addWidget(self.walk_in_button)
        self.errors.add_row("customer_id", self.tr("&Customer"), self.customer_picker)
        self.errors.add_row("kind", self.tr("&Type"), self.kind)
        vehicle_box = QWidget()
        vrow = QHBoxLayout(vehicle_box)
        vrow.setContentsMargins(0, 0, 0, 0)
        vrow.addWidget(self.vehicle_name, 1)
        vrow.addWidget(self.choose_vehicle)
        vrow.addWidget(self.clear_vehicle)
        vrow.addWidget(QLabel(self.tr("Mileage")))
        vrow.addWidget(self.mileage)
        self.errors.add_row("vehicle_id", self.tr("Vehicle"), vehicle_box)
        self.errors.widgets["vehicle_id"] = self.choose_vehicle
        self.errors.labels["mileage_km"] = self.errors.labels["vehicle_id"]
        self.errors.widgets["mileage_km"] = self.mileage
        self.errors.add_row("reference", self.tr("&Reference"), self.reference)
        self.errors.add_row("due_days", self.tr("Payment &terms"), self.due_days)
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        self.errors.add_row("discount", self.tr("Invoice disc&ount"), self.discount)
        if ctx.can("invoice.post"):
            self.errors.add_row("on", self.tr("Posting &date"), self.post_on)
        self.rates_hint = hint_label()
        self.rates_hint.setObjectName("ratesHint")
        self.rates_hint.hide()

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
            GridColumn("discount", self.tr("Discount"), kind="discount", width=90),
            GridColumn("tax_code", self.tr("Tax"), kind="choice", width=110, choices=tuple(self.rate_names)),
            GridColumn("unit_cost", self.tr("Unit cost"), kind="money", width=90),
            GridColumn("total", self.tr("Line total"), kind="money", width=110, derived=True),
        ], currency=self.currency, derive=self._line_total, name="lines",
            defaults={"quantity": 1000, "item_type": "part", "tax_code": self.default_rate})
        if not ctx.can("cost.view"):
            self.lines.hide_column("unit_cost")
        self.lines.lines_changed.connect(self._recalculate)
        QShortcut(QKeySequence("F7"), self, self.use_walk_in)
        QShortcut(QKeySequence("F6"), self, self.pick_vehicle)
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
        enter_presses(self.post_button)
        self.post_button.setVisible(ctx.can("invoice.post"))
        self.post_button.clicked.connect(self.post)
        if ctx.can("invoice.post"):
            QShortcut(QKeySequence("Ctrl+Return"), self, self.post)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rates_hint)
        layout.addWidget(lines_box, 1)
        layout.addWidget(self.buttons)

        self.set_vehicle(None, "")
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
    def use_walk_in(self) -> None:
        """Make the walk-in (cash) customer this invoice's customer."""
        db, actor = self.ctx.db, self.ctx.actor
        self.walk_in_op = Op(self, lambda _progress, _cancel: customers.walk_in(db, actor)).success(
            self._walked_in).failure(self._failed).run()

    def _walked_in(self, found: tuple[str, str]) -> None:
        self.customer_picker.set_customer(*found)
        self.errors.clear()

    # --- vehicle ------------------------------------------------------------------------------
    def pick_vehicle(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("vehicle",), title=self.tr("Choose the vehicle"))
        if hit is not None:
            self.set_vehicle(hit.ref_id, " · ".join(x for x in (hit.title, hit.detail) if x))

    def set_vehicle(self, vehicle_id: str | None, text: str) -> None:
        self.vehicle_id = vehicle_id
        self.vehicle_name.setText(text)
        self.clear_vehicle.setEnabled(vehicle_id is not None)
        if vehicle_id is None:
            self.mileage.clear()

    def mileage_km(self) -> int | None:
        """The mileage typed (grouping and "km" allowed); a ValidationError names ``mileage_km``."""
        text = self.mileage.text().strip().lower().removesuffix("km").replace(",", "").replace(" ", "")
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError("mileage_km", self.tr("Enter the mileage as a whole number of km"))
        return int(text)

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
            "quantity": line.quantity_milli, "unit_price": line.unit_price,
            "discount": Discount(rate_bp=line.discount_bp) if line.discount_bp is not None else (
                Discount(amount=line.discount - line.invoice_discount) if line.discount - line.invoice_discount
                else None),
            "tax_code": line.tax_code, "unit_cost": line.unit_cost or None,
        }, data={"part_id": line.part_id} if line.part_id else None)

    def _line_total(self, values: dict) -> dict:
        """A line's total by the billing service's one tax and rounding rule (before any discount on
        the whole invoice, which the totals below the grid include)."""
        return {"total": self._amounts(values).total}

    def _gross(self, values: dict) -> int:
        return gross_amount(quantity_milli=values["quantity"] or 0, unit_price=values["unit_price"] or 0)

    def _own_discount(self, values: dict) -> int:
        """The line's own discount in minor units: a percentage becomes an amount by the service's rule."""
        typed: Discount | None = values["discount"]
        if typed is None:
            return 0
        return percent_of(self._gross(values), typed.rate_bp) if typed.rate_bp is not None else typed.amount

    def _amounts(self, values: dict, share: int = 0):
        return line_amounts(quantity_milli=values["quantity"] or 0, unit_price=values["unit_price"] or 0,
                            discount=self._own_discount(values) + share,
                            rate_bp=self.rates.get(values["tax_code"], 0), prices_include_tax=self.prices_include_tax)

    def invoice_discount(self) -> Discount | None:
        """The whole-invoice discount typed; a ValidationError names ``discount``."""
        return parse_discount(self.discount.text(), self.currency, field="discount")

    def _line(self, row: int, number: int) -> invoices.LineInput:
        """The line of grid ``row``; a ValidationError names ``lines[number].<field>``."""
        try:
            self.lines.check(row)
        except ValidationError as exc:
            raise ValidationError(f"lines[{number}].{exc.field}", exc.detail) from None
        v = self.lines.values(row)
        part_id = self.lines.row_data(row).get("part_id")
        typed: Discount = v["discount"] or Discount()
        return invoices.LineInput(
            description=v["description"], item_code=v["item_code"], item_type=v["item_type"] or "",
            quantity_milli=v["quantity"] or 0, unit_price=v["unit_price"] or 0, discount=typed.amount,
            discount_bp=typed.rate_bp, tax_code=v["tax_code"] or "", unit_cost=v["unit_cost"] or 0,
            part_id=part_id if part_id and v["item_type"] == "part" else None)

    def _recalculate(self) -> None:
        """Invoice totals as the billing service will compute them (the lines' own totals are the
        grid's derived cells)."""
        net = tax = total = 0
        positions, complete = self.lines.readable_rows()
        rows = [self.lines.values(row) for row in positions]
        worth = [self._gross(v) - self._own_discount(v) for v in rows]
        try:
            typed = self.invoice_discount()
        except ValidationError:
            typed, complete = None, False
        whole = 0
        if typed is not None:
            whole = percent_of(sum(worth), typed.rate_bp) if typed.rate_bp is not None else typed.amount
        split = shares(whole, worth) if 0 <= whole <= sum(worth) else [0] * len(rows)
        for values, share in zip(rows, split, strict=True):
            amounts = self._amounts(values, share)
            net, tax, total = net + amounts.net, tax + amounts.tax, total + amounts.total
        self.total_minor = total if complete else None
        self.shown_totals = (net, tax, total) if complete else None
        parts = [self.tr("Invoice discount %1").replace("%1", money_text(-whole, self.currency))] if whole else []
        parts += [
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
            raise ValidationError("status", self.tr(
                "A posted invoice cannot be changed; issue a credit note to correct it"))
        self.customer_picker.set_customer(view.customer_id, view.customer_name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind)))
        self.reference.setText(view.reference)
        self.notes.setText(view.notes)
        self.due_days.setValue(view.payment_terms_days)
        if view.vehicle is not None:
            self.set_vehicle(view.vehicle.id, vehicle_text(view.vehicle))
        if view.mileage_km is not None:
            self.mileage.setText(str(view.mileage_km))
        if view.discount_bp is not None or view.discount:
            self.discount.setText(discount_input_text(Discount(amount=view.discount, rate_bp=view.discount_bp),
                                                      self.currency))
        self.prices_include_tax = view.prices_include_tax
        saved = {line.tax_code: line.tax_rate_bp for line in view.lines}
        stale = sorted(code for code, rate in saved.items() if self.rates.get(code, rate) != rate)
        if stale:
            # The draft shows the figures it was saved with; posting recomputes them at the rates in
            # force and says what changes before it asks.
            self.rates.update({code: saved[code] for code in stale})
            self.lines.set_choices("tax_code", [
                (code, f"{code} ({money.format_rate(self.rates[code])})") for code, _label in self.rate_names])
        for line in view.lines:
            self.add_line(line)
        if stale:
            self.rates_hint.setText(self.tr("The tax rate of %1 has changed since this draft was saved; it shows "
                                            "the saved figures, and posting recomputes them at the rates in force.")
                                    .replace("%1", ", ".join(stale)))
            self.rates_hint.show()

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
        typed = self.invoice_discount() or Discount()
        return invoices.DraftInput(kind=self.kind.currentData(), customer_id=self.customer_id or "", lines=lines,
                                   reference=self.reference.text(), notes=self.notes.text(),
                                   due_days=self.due_days.value(), discount=typed.amount, discount_bp=typed.rate_bp,
                                   vehicle_id=self.vehicle_id, mileage_km=self.mileage_km())

    def save(self) -> None:
        self._submit(post=False)

    def _post_date_changed(self) -> None:
        # A reason was given for one date; another date is asked about again.
        self.backdate_reason = ""

    def post(self) -> None:
        """Check the draft as posting would (nothing is kept), then ask, then save and post it in one
        transaction: the question comes only for a draft that can be posted, and says what posting
        changes (tax recomputed at the rates in force). A date before the series' last invoice asks
        for the reason first, which the audit trail keeps."""
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
        on, reason = self.post_on.value(), self.backdate_reason
        shown = self.shown_totals
        rates = [self.rates.get(line.tax_code, 0) for line in draft.lines]
        self.buttons.setEnabled(False)
        # A check that posts and rolls back is a change tried, not a read: it runs as an operation.
        self.check_op = Op(self, lambda _progress, _cancel: invoices.check_post(
            db, actor, known, draft, on=on, backdate_reason=reason)).success(
            lambda check: self._checked(check, draft, shown, rates)).failure(self._check_failed).run()

    def _check_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, dates.BackdateNeedsReason):
            self._failed(exc)
            return
        self.buttons.setEnabled(True)
        reason = BackdateReasonDialog.ask(exc.last, exc.on, parent=self)
        if reason is None:
            self.show_field_error(ValidationError("on", self.tr(
                "The last invoice of this series is dated %1: post on that day or later, or give the reason "
                "for back-dating it.").replace("%1", date_text(exc.last))))
            return
        self.backdate_reason = reason
        self.post()

    def tax_preview(self, check: invoices.PostCheck, draft: invoices.DraftInput,
                    shown: tuple[int, int, int] | None, rates: list[int]) -> str:
        """What posting changes against what the editor showed, one change a line; empty when
        nothing does."""
        cur = self.currency
        out = []
        for number, (line, old, new) in enumerate(zip(draft.lines, rates, check.line_rates, strict=False), start=1):
            if old != new:
                out.append(self.tr("Line %1 (%2): tax %3 → %4").replace("%1", str(number))
                           .replace("%2", line.description).replace("%3", money.format_rate(old))
                           .replace("%4", money.format_rate(new)))
        if shown is not None and (shown[1], shown[2]) != (check.tax_total, check.total):
            out.append(self.tr("Tax: %1 → %2").replace("%1", money_text(shown[1], cur))
                       .replace("%2", money_text(check.tax_total, cur)))
            out.append(self.tr("Total: %1 → %2").replace("%1", money_text(shown[2], cur))
                       .replace("%2", money_text(check.total, cur)))
        return "\n".join(out)

    def _checked(self, check: invoices.PostCheck, draft: invoices.DraftInput,
                 shown: tuple[int, int, int] | None, rates: list[int]) -> None:
        self.buttons.setEnabled(True)
        self.last_preview = self.tax_preview(check, draft, shown, rates)
        text = self.tr("Post this invoice on %1? It gets its number now and can no longer be changed; "
                       "a correction needs a credit note.").replace("%1", date_text(check.on))
        if check.backdated_before is not None:
            text += "\n\n" + self.tr("It is dated before the last invoice of the series (%1); the reason is kept "
                                      "in the audit trail: %2").replace("%1", date_text(check.backdated_before)
                                                                       ).replace("%2", self.backdate_reason)
        if self.last_preview:
            text += "\n\n" + self.tr("Tax rates have changed: posting recomputes the lines at the rates in force, "
                                      "so the invoice changes:") + "\n" + self.last_preview
        answer = QMessageBox.question(self, self.tr("Post invoice"), text)
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
        on, reason = self.post_on.value(), self.backdate_reason

        def work() -> str:
            if post:
                made["id"], made["number"] = invoices.save_and_post(db, actor, known, draft, on=on,
                                                                    backdate_reason=reason)
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
        return run_dialog(parent, lambda: cls(ctx, invoice_id, customer=customer, parent=parent),
                          lambda d: (d.saved_id, d.posted_number) if d.saved_id else None)


def vehicle_text(vehicle: invoices.VehicleOnInvoice) -> str:
    """A vehicle on one line: its name, VIN and plate."""
    return " · ".join(x for x in (vehicle.name, vehicle.vin, vehicle.plate) if x)


class BackdateReasonDialog(AskReasonDialog):
    """Asks why an invoice is posted before the last one of its series (the audit trail keeps it)."""

    def __init__(self, last: date, on: date, *, parent: QWidget | None = None) -> None:
        super().__init__(
            title=self.tr("Back-dated posting"),
            message=self.tr("The last invoice of this series is dated %1. Posting on %2 numbers this invoice out of "
                            "date order, which needs a reason; the audit trail keeps it.")
            .replace("%1", date_text(last)).replace("%2", date_text(on)),
            go=self.tr("&Back-date"), placeholder=self.tr("e.g. paper invoice written during the power cut"),
            missing=self.tr("Say why the invoice is back-dated"), name="backdateReason", parent=parent)

    @classmethod
    def ask(cls, last: date, on: date, *, parent: QWidget | None = None) -> str | None:
        """The reason typed, or None when cancelled."""
        return run_dialog(parent, lambda: cls(last, on, parent=parent), lambda d: d.reason.text().strip())
