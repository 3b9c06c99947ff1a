"""The repair order editor (issue 10 §5, §11): reception data, jobs with their pay type, labour,
parts, sublet and consumable lines, service packages, warranty claim data, the status flow and the
one click that invoices a completed repair order.

Every change is one service call on the database worker, then the repair order is read again and
shown as the service keeps it: the editor computes no price. A refusal of the service is shown
beside the field it names, or as a message. Amounts show only to users with ``workshop.costs``.

Keys: Enter saves the reception data, Esc closes; Ctrl+J adds a job, Ctrl+L a labour line, Ctrl+P a
part, Ctrl+U sublet or consumables, Ctrl+K applies a service package, Ctrl+W edits the warranty
claim, F2 edits the job, Delete removes the selected line, Ctrl+M moves the status, Ctrl+I invoices.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from core.quantities import quantity_text
from models.workshop import EXTRA_KINDS, PAY_TYPES
from services.billing.totals import gross_amount
from services.workshop import invoicing, menus, orders, parts, warranty
from services.workshop.rules import TRANSITIONS, WORK_DONE, part_charge
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import money_text
from ui.messages import detail_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.fields import DateEdit, DateTimeEdit, MoneyEdit, QuantityEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.workers import Op, Query
from ui.workshop.labels import pay_type_labels, status_labels

_NOT_SET = QDateTime(2000, 1, 1, 0, 0, 0)


def parse_hours(text: str, *, field: str = "hours", required: bool = True) -> int | None:
    """Hours typed as a decimal (``1.5``) in hundredths; None when empty and not required."""
    cleaned = (text or "").strip().lower().removesuffix("h").strip()
    if not cleaned:
        if required:
            raise ValidationError(field, QCoreApplication.translate("RepairOrderEditor", "Enter the hours"))
        return None
    try:
        value = Decimal(cleaned) * 100
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValidationError(field, QCoreApplication.translate(
            "RepairOrderEditor", "Enter the hours as a number with at most two decimals, e.g. 1.25"))
    return int(value)


def hours_text(hundredths: int) -> str:
    return f"{(Decimal(hundredths) / 100).normalize():f}"


class _Form(FormDialog):
    """A small form whose Save runs one service call; fields are added by the caller."""

    def __init__(self, ctx: AppContext, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.work: Callable[[], Callable[[], Any]] | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def field(self, name: str, label: str, widget: QWidget) -> Any:
        widget.setObjectName(name)
        return self.errors.add_row(name, label, widget)

    def save(self) -> None:
        """Read the fields (a ValidationError shows beside its field) and run the service call."""
        assert self.work is not None
        try:
            call = self.work()
        except ValidationError as exc:
            self.show_field_error(exc) or show_error(self, exc)
            return
        self.submit(call)


class RepairOrderEditor(QDialog):
    """Open a new repair order or work on an existing one. ``loaded`` follows each reading of the
    repair order (after every change)."""

    customer_id = PickedCustomerId()

    loaded = Signal()

    def __init__(self, ctx: AppContext, repair_order_id: str | None = None, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.costs = ctx.can("workshop.costs")
        self.editing = ctx.can("workshop.edit")
        self.repair_order_id = repair_order_id
        self.view: orders.RepairOrderView | None = None
        self.customer_picker = CustomerPicker(ctx)
        self.customer_picker.chosen.connect(self.set_customer)
        self.vehicle_id: str | None = None
        self.insurer_id: str | None = None
        self.made: list[invoicing.InvoiceMade] = []
        self.statuses = status_labels()
        self.pay_types = pay_type_labels()
        self.op: Op | None = None
        self.query: Query | None = None
        self.setWindowTitle(self.tr("New repair order"))
        self.setMinimumSize(1100, 600)
        self.resize(1340, 680)

        # --- reception --------------------------------------------------------------------------
        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.vehicle_name = QLineEdit()
        self.vehicle_name.setObjectName("vehicle")
        self.vehicle_name.setReadOnly(True)
        self.vehicle_name.setPlaceholderText(self.tr("No vehicle chosen"))
        self.choose_vehicle = self._button(self.tr("Choose &vehicle…"), self.pick_vehicle,
                                           self.tr("Find the vehicle by VIN, plate or owner (F6)"))
        self.mileage = QLineEdit()
        self.mileage.setObjectName("mileage_in")
        self.mileage.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mileage.setPlaceholderText(self.tr("km"))
        self.mileage.setMaximumWidth(120)
        self.override = QLineEdit()
        self.override.setObjectName("mileage_override")
        self.override.setPlaceholderText(self.tr("Why the mileage is lower than the last one (only if it is)"))
        # The advisor by name, as people call each other, among those who take repair orders; the
        # login stays behind the name.
        self.advisor = QComboBox()
        self.advisor.setObjectName("advisor")
        for username, name in orders.advisors(ctx.db, ctx.actor).items():
            self.advisor.addItem(name, username)
        self._choose_advisor(ctx.actor.username)
        self.advisor.setMaximumWidth(200)
        self.promised = DateTimeEdit()
        self.promised.setObjectName("promised_at")
        self.promised.setMinimumDateTime(_NOT_SET)
        self.promised.setSpecialValueText(self.tr("not set"))
        self.promised.setDateTime(_NOT_SET)
        self.promised.setMaximumWidth(170)
        self.concerns = QLineEdit()
        self.concerns.setObjectName("concerns")
        self.concerns.setPlaceholderText(self.tr("The customer's concerns, in their words"))
        self.insurer_name = QLineEdit()
        self.insurer_name.setObjectName("insurer")
        self.insurer_name.setReadOnly(True)
        self.insurer_name.setPlaceholderText(self.tr("No insurer (insurance work only)"))
        self.choose_insurer = self._button(self.tr("Insurer…"), self.pick_insurer,
                                           self.tr("Choose the insurer billed for insurance jobs"))
        self.clear_insurer = self._button(self.tr("No insurer"), lambda: self._set_insurer(None, ""))
        self.excess = MoneyEdit(self.currency, field="insurance_excess")
        self.excess.setObjectName("insurance_excess")
        self.excess.setMaximumWidth(120)
        self.excess.setToolTip(self.tr("The excess the customer pays of the insurance work; the insurer is billed "
                                       "the rest"))
        self.claim_ref = QLineEdit()
        self.claim_ref.setObjectName("insurance_claim_ref")
        self.claim_ref.setMaxLength(60)
        self.claim_ref.setPlaceholderText(self.tr("Insurer's claim no."))
        self.claim_ref.setMaximumWidth(170)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("customer_id", self.tr("&Customer"), self.customer_picker)
        mileage_label = QLabel(self.tr("&Mileage in"))
        mileage_label.setBuddy(self.mileage)
        promised_label = QLabel(self.tr("&Promised"))
        promised_label.setBuddy(self.promised)
        self.errors.add_row("vehicle_id", self.tr("Vehicle"), self._row(
            self.vehicle_name, self.choose_vehicle, mileage_label, self.mileage))
        self.errors.widgets["vehicle_id"] = self.choose_vehicle
        self.errors.labels["mileage_in"] = self.errors.labels["vehicle_id"]
        self.errors.widgets["mileage_in"] = self.mileage
        self.errors.add_row("mileage_override", self.tr("Lower mileage"), self.override)
        self.errors.add_row("advisor", self.tr("A&dvisor"), self._row(
            self.advisor, promised_label, self.promised, stretch=True))
        self.errors.labels["promised_at"] = self.errors.labels["advisor"]
        self.errors.add_row("concerns", self.tr("C&oncerns"), self.concerns)
        self.errors.add_row("insurer_id", self.tr("Insurance"), self._row(
            self.insurer_name, self.choose_insurer, self.clear_insurer, QLabel(self.tr("Excess")), self.excess,
            self.claim_ref))
        self.errors.widgets["insurer_id"] = self.choose_insurer
        for name in ("insurance_excess", "insurance_claim_ref"):
            self.errors.labels[name] = self.errors.labels["insurer_id"]
        self.errors.widgets["insurance_excess"] = self.excess
        self.errors.widgets["insurance_claim_ref"] = self.claim_ref
        self._hide_override(True)
        if not self.costs:
            self.excess.setEnabled(False)

        # --- status -------------------------------------------------------------------------------
        self.number_label = QLabel()
        self.number_label.setObjectName("roNumber")
        self.status_label = QLabel()
        self.status_label.setObjectName("roStatus")
        self.next_status = QComboBox()
        self.next_status.setObjectName("next_status")
        self.move_button = self._button(self.tr("Mov&e"), self.move_status,
                                        self.tr("Move the repair order to the chosen status (Ctrl+M)"))
        self.invoice_button = self._button(self.tr("&Invoice"), self.invoice,
                                           self.tr("Close the completed repair order into posted invoices, one "
                                                   "per pay type (Ctrl+I)"))
        self.invoice_button.setObjectName("invoiceButton")
        self.invoice_button.setVisible(ctx.can("workshop.invoice"))
        self.status_error = error_label()
        self.status_error.setObjectName("statusError")
        self.totals = QLabel()
        self.totals.setObjectName("roTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        status_bar = QHBoxLayout()
        status_bar.addWidget(self.number_label)
        status_bar.addWidget(self.status_label)
        status_bar.addSpacing(12)
        status_bar.addWidget(QLabel(self.tr("Move to")))
        status_bar.addWidget(self.next_status)
        status_bar.addWidget(self.move_button)
        status_bar.addWidget(self.invoice_button)
        status_bar.addStretch(1)
        status_bar.addWidget(self.totals)

        # --- jobs -----------------------------------------------------------------------------------
        self.jobs = QListWidget()
        self.jobs.setObjectName("jobs")
        self.jobs.currentRowChanged.connect(lambda _row: self._show_job())
        self.jobs.itemActivated.connect(lambda _item: self.edit_job())
        self.add_job_button = self._button(self.tr("Add &job"), self.add_job, self.tr("Add a job (Ctrl+J)"))
        self.edit_job_button = self._button(self.tr("Edit jo&b"), self.edit_job,
                                            self.tr("Change the job's description and pay type (F2)"))
        jobs_box = QGroupBox(self.tr("Jobs"))
        jb = QVBoxLayout(jobs_box)
        jb.addWidget(self.jobs, 1)
        jb.addWidget(self._row(self.add_job_button, self.edit_job_button))

        self.job_heading = QLabel()
        self.job_heading.setObjectName("jobHeading")
        self.job_heading.setWordWrap(True)
        self.lines = LineGrid([
            GridColumn("kind", self.tr("Kind"), width=70, editable=False),
            GridColumn("code", self.tr("Code"), width=80, editable=False),
            GridColumn("description", self.tr("Description"), width=0, editable=False),
            GridColumn("technician", self.tr("Technician"), width=90, editable=False),
            GridColumn("quantity", self.tr("Qty / hours"), width=95, editable=False),
            GridColumn("stock", self.tr("Reserved / issued / returned"), width=225, editable=False),
            GridColumn("unit_price", self.tr("Unit price"), kind="money", width=90, editable=False),
            GridColumn("menu_discount", self.tr("Package"), kind="money", width=80, editable=False),
            GridColumn("amount", self.tr("Amount"), kind="money", width=100, editable=False, total=True),
        ], currency=self.currency, name="roLines", can_add=False, can_remove=False, totals=True)
        if not self.costs:
            for key in ("unit_price", "menu_discount", "amount"):
                self.lines.hide_column(key)
        self.lines.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.add_labour_button = self._button(self.tr("&Labour…"), self.add_labour,
                                              self.tr("Sell hours of a catalogue operation (Ctrl+L)"))
        self.add_part_button = self._button(self.tr("&Part…"), self.add_part, self.tr("Put a part on the job (Ctrl+P)"))
        self.add_extra_button = self._button(self.tr("S&ublet…"), self.add_extra,
                                             self.tr("Add sublet work or consumables (Ctrl+U)"))
        self.package_button = self._button(self.tr("Pac&kage…"), self.apply_package,
                                           self.tr("Apply a service package at its fixed price (Ctrl+K)"))
        self.warranty_button = self._button(self.tr("&Warranty…"), self.edit_warranty,
                                            self.tr("The warranty claim's data: condition, cause, correction, failed "
                                                    "part (Ctrl+W)"))
        self.reserve_button = self._button(self.tr("Reserve"), lambda: self.move_part(parts.reserve_part),
                                           self.tr("Set the part aside in stock for this repair order"))
        self.issue_button = self._button(self.tr("Issue"), lambda: self.move_part(parts.issue_part),
                                         self.tr("Issue the part from stock to the job"))
        self.return_button = self._button(self.tr("Return"), lambda: self.move_part(parts.return_part),
                                          self.tr("Bring unused parts back into stock"))
        self.release_button = self._button(self.tr("Release"), lambda: self.move_part(parts.release_part),
                                           self.tr("Give back a reservation no longer needed"))
        self.remove_button = self._button(self.tr("Remove line"), self.remove_line,
                                          self.tr("Remove the selected line (Delete)"))
        self.lines_error = error_label()
        self.lines_error.setObjectName("linesError")
        lines_box = QGroupBox(self.tr("Work and parts"))
        lb = QVBoxLayout(lines_box)
        lb.addWidget(self.job_heading)
        lb.addWidget(self.lines, 1)
        lb.addWidget(self._row(self.add_labour_button, self.add_part_button, self.add_extra_button,
                               self.package_button, self.warranty_button, stretch=True))
        lb.addWidget(self._row(self.reserve_button, self.issue_button, self.return_button, self.release_button,
                               self.remove_button, stretch=True))
        lb.addWidget(self.lines_error)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(jobs_box)
        splitter.addWidget(lines_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 940])
        self.work_area = splitter

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save the reception data (Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.hint = hint_label(self.tr("Enter saves the reception data · Ctrl+J job · Ctrl+L labour · Ctrl+P part · "
                                       "Ctrl+U sublet · Ctrl+K package · Ctrl+M status · Ctrl+I invoice · Esc "
                                       "closes"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(status_bar)
        layout.addWidget(self.status_error)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        for keys, slot in (("F6", self.pick_vehicle), ("Ctrl+J", self.add_job),
                           ("F2", self.edit_job), ("Ctrl+L", self.add_labour), ("Ctrl+P", self.add_part),
                           ("Ctrl+U", self.add_extra), ("Ctrl+K", self.apply_package), ("Ctrl+W", self.edit_warranty),
                           ("Ctrl+M", self.move_status), ("Ctrl+I", self.invoice)):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.lines, self.remove_line,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        if repair_order_id:
            self._show(orders.get(ctx.db, ctx.actor, repair_order_id))
        else:
            self._show(None)
            self.choose_customer.setFocus()

    # --- building blocks ----------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        enter_presses(button)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @staticmethod
    def _row(*widgets: QWidget, stretch: bool = False) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for i, widget in enumerate(widgets):
            row.addWidget(widget, 1 if i == 0 and not stretch and isinstance(widget, QLineEdit) else 0)
        if stretch:
            row.addStretch(1)
        return box

    def _choose_advisor(self, username: str) -> None:
        """Show ``username`` as the advisor: a login no longer among the users is kept as it is."""
        index = self.advisor.findData(username)
        if index < 0 and username:
            self.advisor.addItem(self.ctx.person(username), username)
            index = self.advisor.count() - 1
        self.advisor.setCurrentIndex(index)

    def _hide_override(self, hidden: bool) -> None:
        self.override.setVisible(not hidden)
        label = self.errors.form.labelForField(self.override.parentWidget())
        if label is not None:
            label.setVisible(not hidden)

    # --- showing the repair order -------------------------------------------------------------
    def _show(self, ro: orders.RepairOrderView | None) -> None:
        self.view = ro
        opened = ro is not None
        self.work_area.setEnabled(opened)
        if ro is not None:
            self.repair_order_id = ro.id
            self.setWindowTitle(self.tr("Repair order %1").replace("%1", ro.number))
            self.number_label.setText(f"<b>{ro.number}</b>")
            self.status_label.setText(self.statuses.get(ro.status, ro.status))
            self.vehicle_id = ro.vehicle_id
            self.customer_picker.set_customer(ro.customer_id, ro.customer_name)
            self.vehicle_name.setText(" · ".join(x for x in (ro.plate, ro.vin) if x))
            self.mileage.setText(str(ro.mileage_in))
            self._choose_advisor(ro.advisor)
            self.concerns.setText(ro.concerns)
            if ro.promised_at is not None:
                p = ro.promised_at
                self.promised.setDateTime(QDateTime(p.year, p.month, p.day, p.hour, p.minute, 0))
            self._set_insurer(ro.insurer_id, ro.insurer_name)
            self.excess.set_value(ro.insurance_excess or None)
            self.claim_ref.setText(ro.insurance_claim_ref)
            current = self.jobs.currentRow()
            self.jobs.blockSignals(True)
            self.jobs.clear()
            for job in ro.jobs:
                pay = self.pay_types.get(job.pay_type, job.pay_type) if job.pay_type else self.tr("no pay type")
                item = QListWidgetItem(f"{job.job_no}. {job.description} · {pay}")
                item.setData(Qt.ItemDataRole.UserRole, job.id)
                self.jobs.addItem(item)
            self.jobs.blockSignals(False)
            if ro.jobs:
                self.jobs.setCurrentRow(min(max(current, 0), len(ro.jobs) - 1))
        else:
            self.number_label.setText(self.tr("New repair order"))
            self.status_label.setText(self.statuses["open"])
        self.next_status.clear()
        status = ro.status if ro is not None else ""
        for target in sorted(TRANSITIONS.get(status, ()), key=list(self.statuses).index):
            self.next_status.addItem(self.statuses.get(target, target), target)
        self._show_job()
        self._show_totals()
        self._update_buttons()

    def current_job(self) -> orders.JobView | None:
        row = self.jobs.currentRow()
        if self.view is None or not 0 <= row < len(self.view.jobs):
            return None
        return self.view.jobs[row]

    def _show_job(self) -> None:
        job = self.current_job()
        rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
        if job is None:
            self.job_heading.setText(self.tr("Add a job to start (Ctrl+J)") if self.view else "")
        else:
            pay = self.pay_types.get(job.pay_type, job.pay_type) if job.pay_type else self.tr("no pay type yet")
            heading = self.tr("Job %1: %2 · %3").replace("%1", str(job.job_no)).replace("%2", job.description) \
                .replace("%3", pay)
            if job.menu_code:
                heading += " · " + self.tr("package %1").replace("%1", job.menu_code)
                if job.menu_price is not None:
                    heading += " " + money_text(job.menu_price, self.currency)
            if job.pay_type == "warranty":
                claim = [x for x in (job.claim_number, job.failed_part, job.cause) if x]
                heading += " · " + (self.tr("warranty: %1").replace("%1", " / ".join(claim)) if claim
                                    else self.tr("warranty claim data missing (Ctrl+W)"))
            self.job_heading.setText(heading)
            kinds = {"labour": self.tr("Labour"), "part": self.tr("Part"), "sublet": self.tr("Sublet"),
                     "consumable": self.tr("Consumable")}
            for line in job.labour:
                rows.append(({"kind": kinds["labour"], "code": line.operation_code, "description": line.description,
                              "technician": self.ctx.person(line.technician), "quantity": self.tr("%1 h").replace(
                                  "%1", hours_text(line.hours)), "stock": "",
                              "unit_price": line.hourly_rate, "menu_discount": line.menu_discount or None,
                              "amount": None if line.amount is None else line.amount - (line.menu_discount or 0)},
                             {"id": line.id, "kind": "labour"}))
            for line in job.parts:
                amount = None
                if line.unit_price is not None:
                    _charged, gross, discount = self._part_charge(line)
                    amount = gross - discount
                rows.append(({"kind": kinds["part"], "code": "", "description": line.description, "technician": "",
                              "quantity": quantity_text(line.quantity),
                              "stock": " / ".join(quantity_text(q) for q in (line.reserved, line.issued,
                                                                             line.returned)),
                              "unit_price": line.unit_price, "menu_discount": line.menu_discount or None,
                              "amount": amount}, {"id": line.id, "kind": "part"}))
            for line in job.extras:
                amount = (None if line.unit_price is None
                          else gross_amount(quantity_milli=line.quantity, unit_price=line.unit_price))
                rows.append(({"kind": kinds.get(line.kind, line.kind), "code": "", "description": line.description,
                              "technician": "", "quantity": quantity_text(line.quantity), "stock": "",
                              "unit_price": line.unit_price, "menu_discount": None, "amount": amount},
                             {"id": line.id, "kind": line.kind}))
        self.lines.set_rows(rows)
        self._update_buttons()

    def _part_charge(self, line: orders.PartView) -> tuple[int, int, int]:
        """What the line is charged: planned while nothing was issued and the work goes on, else the
        parts issued less returned (what the invoice will carry)."""
        return part_charge(quantity=line.quantity, issued=line.issued, returned=line.returned,
                           unit_price=line.unit_price or 0, menu_discount=line.menu_discount or 0,
                           work_done=self.view is not None and self.view.status in WORK_DONE)

    def _show_totals(self) -> None:
        if self.view is None or not self.costs:
            self.totals.setText("")
            return
        total = 0
        for job in self.view.jobs:
            total += sum((x.amount or 0) - (x.menu_discount or 0) for x in job.labour)
            for x in job.parts:
                _charged, gross, discount = self._part_charge(x)
                total += gross - discount
            total += sum(gross_amount(quantity_milli=x.quantity, unit_price=x.unit_price or 0) for x in job.extras)
        text = "<b>" + self.tr("Total %1").replace("%1", money_text(total, self.currency)) + "</b>"
        if self.made:
            text += " · " + self.tr("Invoiced: %1").replace("%1", ", ".join(
                f"{m.number} {money_text(m.total, self.currency)}" for m in self.made))
        self.totals.setText(text)

    def selected_line(self) -> dict[str, Any] | None:
        row = self.lines.selected_row()
        return None if row is None else self.lines.row_data(row)

    def _update_buttons(self) -> None:
        ro, job = self.view, self.current_job()
        editable = ro is not None and ro.status in ("open", "in_progress", "waiting_parts", "quality_check")
        can_edit = self.editing and editable
        line = self.selected_line()
        for button in (self.add_job_button,):
            button.setEnabled(can_edit)
        for button in (self.edit_job_button, self.add_labour_button, self.add_part_button, self.add_extra_button,
                       self.package_button):
            button.setEnabled(can_edit and job is not None)
        self.package_button.setEnabled(can_edit and job is not None and not job.menu_code)
        self.warranty_button.setEnabled(can_edit and job is not None and job.pay_type == "warranty")
        moving = editable and self.ctx.can("workshop.parts") and line is not None and line.get("kind") == "part"
        for button in (self.reserve_button, self.issue_button, self.return_button, self.release_button):
            button.setEnabled(moving)
        self.remove_button.setEnabled(can_edit and line is not None)
        self.move_button.setEnabled(self.editing and ro is not None and self.next_status.count() > 0)
        self.next_status.setEnabled(self.move_button.isEnabled())
        self.invoice_button.setEnabled(ro is not None and ro.status == "completed")
        header = self.editing and (ro is None or ro.status not in ("invoiced", "closed"))
        self.save_button.setEnabled(header)

    # --- reading again after a change ---------------------------------------------------------
    def reload(self) -> None:
        """Read the repair order again on the database worker and show it; ``loaded`` follows."""
        if not self.repair_order_id:
            return
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        self.query = Query(self, lambda: orders.get(db, actor, ro_id)).success(self._reloaded).failure(
            lambda exc: show_error(self, exc)).run()

    def _reloaded(self, ro: orders.RepairOrderView) -> None:
        self._show(ro)
        self.loaded.emit()

    def run(self, work: Callable[[], Any], *, done: Callable[[Any], None] | None = None,
            error_label_widget: QLabel | None = None) -> None:
        """Run one service call on the database worker, then read the repair order again. A refusal
        shows beside its field, in ``error_label_widget`` or as a message."""
        self.status_error.hide()
        self.lines_error.hide()

        def ok(result: Any) -> None:
            if done is not None:
                done(result)
            self.reload()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError) and self.errors.show(exc):
                return
            if isinstance(exc, ValidationError) and error_label_widget is not None:
                error_label_widget.setText(detail_text(exc))
                error_label_widget.show()
                return
            show_error(self, exc)

        self.op = Op(self, lambda _progress, _cancel: work()).success(ok).failure(failed).run()

    # --- reception ----------------------------------------------------------------------------
    def set_customer(self, customer_id: str, name: str) -> None:
        self.customer_picker.set_customer(customer_id, name)
        self.errors.clear_field("customer_id")

    def pick_vehicle(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("vehicle",), title=self.tr("Choose the vehicle"))
        if hit is not None:
            self.set_vehicle(hit.ref_id, " · ".join(x for x in (hit.title, hit.detail) if x))

    def set_vehicle(self, vehicle_id: str, text: str) -> None:
        self.vehicle_id = vehicle_id
        self.vehicle_name.setText(text)
        self.errors.clear_field("vehicle_id")

    def pick_insurer(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("customer",), title=self.tr("Choose the insurer"))
        if hit is not None:
            self._set_insurer(hit.ref_id, hit.title)

    def _set_insurer(self, insurer_id: str | None, name: str) -> None:
        self.insurer_id = insurer_id
        self.insurer_name.setText(name)
        self.clear_insurer.setEnabled(insurer_id is not None)

    def value(self) -> orders.RepairOrderInput:
        """The reception data typed; a ValidationError names the field that cannot be read."""
        text = self.mileage.text().strip().lower().removesuffix("km").replace(",", "").replace(" ", "")
        if not text.isdigit():
            raise ValidationError("mileage_in", self.tr("Enter the mileage as a whole number of km"))
        promised = self.promised.dateTime()
        # Without amounts the excess is not shown, and left as it is.
        excess = self.excess.value() if self.costs else None
        return orders.RepairOrderInput(
            customer_id=self.customer_id or "", vehicle_id=self.vehicle_id or "", mileage_in=int(text),
            concerns=self.concerns.text(), advisor=self.advisor.currentData() or "",
            promised_at=None if promised == _NOT_SET else promised.toPython().replace(second=0, microsecond=0),
            mileage_override=self.override.text(), insurer_id=self.insurer_id, insurance_excess=excess,
            insurance_claim_ref=self.claim_ref.text())

    def save(self) -> None:
        """Open the repair order (a new one) or save its reception data (Enter)."""
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        try:
            data = self.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, known = self.ctx.db, self.ctx.actor, self.repair_order_id

        def work() -> str:
            if known:
                orders.update_order(db, actor, known, data)
                return known
            return orders.open_order(db, actor, data)[0]

        def done(ro_id: str) -> None:
            self.repair_order_id = ro_id
            self.override.clear()
            self._hide_override(True)

        self.status_error.hide()
        self.op = Op(self, lambda _progress, _cancel: work()).success(
            lambda ro_id: (done(ro_id), self.reload())).failure(self._save_failed).run()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field == "mileage_in":
            # A lower mileage may be right (a new instrument cluster): it can be confirmed with a reason.
            self._hide_override(False)
        if isinstance(exc, ValidationError) and self.errors.show(exc):
            return
        show_error(self, exc)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    # --- status and invoicing ------------------------------------------------------------------
    def move_status(self) -> None:
        if self.view is None or not self.move_button.isEnabled():
            return
        target = self.next_status.currentData()
        reserved = any(line.reserved for job in self.view.jobs for line in job.parts)
        if target == "completed" and not reserved:  # with parts still reserved the service refuses anyway
            unused = [f"{line.description} ({quantity_text(line.quantity - max(0, line.issued - line.returned))})"
                      for job in self.view.jobs for line in job.parts if line.issued - line.returned < line.quantity]
            if unused:
                answer = QMessageBox.question(self, self.tr("Complete repair order"), self.tr(
                    "These parts were planned but not all issued; what was not issued will not be invoiced:\n\n%1"
                    "\n\nComplete the repair order anyway?").replace("%1", "\n".join(unused[:12])))
                if answer != QMessageBox.StandardButton.Yes:
                    return
        if target == "completed" and self.view.unrated_points:
            answer = QMessageBox.question(self, self.tr("Complete repair order"), self.tr(
                "The health check of this repair order has %1 point(s) nobody rated. Complete the repair order "
                "anyway?").replace("%1", str(self.view.unrated_points)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.view.id
        self.run(lambda: orders.set_status(db, actor, ro_id, target), error_label_widget=self.status_error)

    def invoice(self) -> None:
        """Close the completed repair order into its posted invoices, one per pay type (after a yes)."""
        if self.view is not None and not self.invoice_button.isVisible():
            # Ctrl+I without the right: say who may, instead of doing nothing.
            self.status_error.setText(self.tr("Invoicing a repair order needs the right to close repair orders into "
                                              "invoices (the cashier's); ask them."))
            self.status_error.show()
            return
        if self.view is None or not self.invoice_button.isEnabled():
            return
        answer = QMessageBox.question(self, self.tr("Invoice repair order"), self.tr(
            "Invoice repair order %1 now? One posted invoice is made for each pay type, and the repair order can no "
            "longer change.").replace("%1", self.view.number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.view.id

        def done(made: list[invoicing.InvoiceMade]) -> None:
            self.made = list(made)

        self.run(lambda: invoicing.close_into_invoices(db, actor, ro_id), done=done,
                 error_label_widget=self.status_error)

    # --- jobs ---------------------------------------------------------------------------------
    def _job_form(self, title: str, job: orders.JobView | None) -> _Form:
        form = _Form(self.ctx, title, parent=self)
        description = form.field("description", self.tr("&Description"), QLineEdit(job.description if job else ""))
        description.setMaxLength(300)
        pay_type = form.field("pay_type", self.tr("&Pay type"), QComboBox())
        pay_type.addItem(self.tr("not chosen yet"), "")
        for code in PAY_TYPES:
            pay_type.addItem(self.pay_types.get(code, code), code)
        pay_type.setCurrentIndex(max(0, pay_type.findData(job.pay_type if job else "customer")))
        db, actor = self.ctx.db, self.ctx.actor
        ro_id = self.view.id if self.view else ""

        def work() -> Callable[[], Any]:
            data = orders.JobInput(description=description.text(), pay_type=pay_type.currentData(),
                                   failed_part=job.failed_part if job else "", cause=job.cause if job else "",
                                   correction=job.correction if job else "")
            if job is None:
                return lambda: orders.add_job(db, actor, ro_id, data)
            return lambda: orders.update_job(db, actor, job.id, data)

        form.work = work
        return form

    def _dialog(self, make: Callable[[], _Form]) -> None:
        if run_dialog(self, make, lambda d: True):
            self.reload()

    def add_job(self) -> None:
        if self.add_job_button.isEnabled():
            self._dialog(lambda: self._job_form(self.tr("Add a job"), None))

    def edit_job(self) -> None:
        job = self.current_job()
        if job is not None and self.edit_job_button.isEnabled():
            self._dialog(lambda: self._job_form(self.tr("Edit job %1").replace("%1", str(job.job_no)), job))

    # --- lines --------------------------------------------------------------------------------
    def add_labour(self) -> None:
        job = self.current_job()
        if job is None or not self.add_labour_button.isEnabled():
            return
        self._dialog(lambda: self.labour_form(job))

    def labour_form(self, job: orders.JobView) -> _Form:
        db, actor = self.ctx.db, self.ctx.actor
        form = _Form(self.ctx, self.tr("Labour on job %1").replace("%1", str(job.job_no)), parent=self)
        code = form.field("operation_code", self.tr("&Operation"), QLineEdit())
        code.setPlaceholderText(self.tr("Catalogue code, e.g. OIL-SVC (empty: free text)"))
        description = form.field("description", self.tr("&Description"), QLineEdit())
        description.setPlaceholderText(self.tr("Empty: the operation's description"))
        hours = form.field("hours", self.tr("&Hours sold"), QLineEdit())
        hours.setPlaceholderText(self.tr("Empty: the operation's standard hours"))
        hours.setMaximumWidth(120)
        technician = form.field("technician", self.tr("&Technician"), QLineEdit())
        technician.setPlaceholderText(self.tr("User name"))

        def work() -> Callable[[], Any]:
            data = orders.LabourInput(operation_code=code.text(), description=description.text(),
                                      hours=parse_hours(hours.text(), required=not code.text().strip()),
                                      technician=technician.text())
            return lambda: orders.add_labour(db, actor, job.id, data)

        form.work = work
        return form

    def add_part(self) -> None:
        job = self.current_job()
        if job is None or not self.add_part_button.isEnabled():
            return
        self._dialog(lambda: self.part_form(job))

    def part_form(self, job: orders.JobView) -> _Form:
        db, actor, currency = self.ctx.db, self.ctx.actor, self.currency
        form = _Form(self.ctx, self.tr("Part for job %1").replace("%1", str(job.job_no)), parent=self)
        number = form.field("part_id", self.tr("Part &number"), QLineEdit())
        quantity = form.field("quantity", self.tr("&Quantity"), QuantityEdit(field="quantity", required=True))
        quantity.set_value(1000)
        quantity.setMaximumWidth(120)
        price = form.field("unit_price", self.tr("Unit &price"), MoneyEdit(currency, field="unit_price"))
        price.setPlaceholderText(self.tr("Empty: the part's retail price"))
        price.setMaximumWidth(200)
        price.setVisible(self.costs)
        if not self.costs:
            label = form.form.labelForField(price.parentWidget())
            if label is not None:
                label.hide()

        def work() -> Callable[[], Any]:
            typed = number.text()
            qty = quantity.value()
            unit_price = price.value_or_none() if price.text().strip() else None
            if price.text().strip() and unit_price is None:
                price.value()

            def call() -> str:
                found = parts.part_by_number(db, actor, typed)
                if found is None:
                    raise ValidationError("part_id", QCoreApplication.translate(
                        "RepairOrderEditor", "No single catalogue part has this number"))
                return orders.add_part(db, actor, job.id, orders.PartLineInput(
                    part_id=found.id, quantity=qty, unit_price=unit_price))

            return call

        form.work = work
        return form

    def add_extra(self) -> None:
        job = self.current_job()
        if job is None or not self.add_extra_button.isEnabled():
            return
        self._dialog(lambda: self.extra_form(job))

    def extra_form(self, job: orders.JobView) -> _Form:
        db, actor, currency = self.ctx.db, self.ctx.actor, self.currency
        form = _Form(self.ctx, self.tr("Sublet or consumables for job %1").replace("%1", str(job.job_no)),
                     parent=self)
        kind = form.field("kind", self.tr("&Kind"), QComboBox())
        labels = {"sublet": self.tr("Sublet"), "consumable": self.tr("Consumable")}
        for code in EXTRA_KINDS:
            kind.addItem(labels.get(code, code), code)
        description = form.field("description", self.tr("&Description"), QLineEdit())
        quantity = form.field("quantity", self.tr("&Quantity"), QuantityEdit(field="quantity", required=True))
        quantity.set_value(1000)
        price = form.field("unit_price", self.tr("Unit &price"), MoneyEdit(currency, field="unit_price",
                                                                            required=True))
        cost = form.field("unit_cost", self.tr("Unit c&ost"), MoneyEdit(currency, field="unit_cost"))

        def work() -> Callable[[], Any]:
            data = orders.ExtraInput(kind=kind.currentData(), description=description.text(),
                                     unit_price=price.value(), quantity=quantity.value(),
                                     unit_cost=cost.value() if cost.text().strip() else 0)
            return lambda: orders.add_extra(db, actor, job.id, data)

        form.work = work
        return form

    def apply_package(self) -> None:
        job, ro = self.current_job(), self.view
        if job is None or ro is None or not self.package_button.isEnabled():
            return
        self._dialog(lambda: self.package_form(job))

    def package_form(self, job: orders.JobView) -> _Form:
        assert self.view is not None
        db, actor, currency = self.ctx.db, self.ctx.actor, self.currency
        offered = menus.menus_for_vehicle(db, actor, self.view.vehicle_id)
        form = _Form(self.ctx, self.tr("Service package for job %1").replace("%1", str(job.job_no)), parent=self)
        choice = form.field("menu", self.tr("&Package"), QComboBox())
        for menu in offered:
            price = f" · {money_text(menu.price, currency)}" if menu.price is not None else ""
            choice.addItem(f"{menu.code} · {menu.name}{price}", menu.code)
        if not offered:
            form.form.addRow(hint_label(self.tr("No package is valid for this vehicle.")))
        form.form.addRow(hint_label(self.tr("The package's operations and parts are added at their itemised "
                                            "prices, and the difference to the package price is kept on the "
                                            "job, so the job comes to the package price.")))

        def work() -> Callable[[], Any]:
            code = choice.currentData() or ""
            return lambda: menus.apply_menu(db, actor, job.id, code)

        form.work = work
        return form

    def edit_warranty(self) -> None:
        job = self.current_job()
        if job is None or not self.warranty_button.isEnabled():
            return
        self._dialog(lambda: self.warranty_form(job))

    def warranty_form(self, job: orders.JobView) -> _Form:
        db, actor = self.ctx.db, self.ctx.actor
        form = _Form(self.ctx, self.tr("Warranty claim of job %1").replace("%1", str(job.job_no)), parent=self)
        form.setMinimumWidth(620)
        claim = form.field("claim_number", self.tr("Claim &number"), QLineEdit(job.claim_number))
        failed_on = form.field("failed_on", self.tr("&Failed on"), DateEdit(job.failed_on, optional=True))
        failed_part = form.field("failed_part", self.tr("Failed &part"), QLineEdit(job.failed_part))
        part_number = form.field("failed_part_number", self.tr("Part n&umber"), QLineEdit(job.failed_part_number))
        condition = form.field("condition", self.tr("&Condition"), QPlainTextEdit(job.condition))
        cause = form.field("cause", self.tr("C&ause"), QPlainTextEdit(job.cause))
        correction = form.field("correction", self.tr("Co&rrection"), QPlainTextEdit(job.correction))
        for box in (condition, cause, correction):
            box.setTabChangesFocus(True)
            box.setFixedHeight(60)

        def work() -> Callable[[], Any]:
            data = warranty.WarrantyInput(
                condition=condition.toPlainText(), cause=cause.toPlainText(),
                correction=correction.toPlainText(), failed_part=failed_part.text(),
                failed_part_number=part_number.text(), failed_on=failed_on.value(),
                claim_number=claim.text())
            return lambda: warranty.set_warranty(db, actor, job.id, data)

        form.work = work
        return form

    def move_part(self, call: Callable[..., Any]) -> None:
        line = self.selected_line()
        if line is None or line.get("kind") != "part" or not self.issue_button.isEnabled():
            return
        db, actor, line_id = self.ctx.db, self.ctx.actor, line["id"]
        self.run(lambda: call(db, actor, line_id), error_label_widget=self.lines_error)

    def remove_line(self) -> None:
        line = self.selected_line()
        if line is None or not self.remove_button.isEnabled():
            return
        db, actor, line_id = self.ctx.db, self.ctx.actor, line["id"]
        self.run(lambda: orders.remove_line(db, actor, line_id), error_label_widget=self.lines_error)

    # --- opening --------------------------------------------------------------------------------
    @classmethod
    def ask(cls, ctx: AppContext, repair_order_id: str | None = None, *,
            parent: QWidget | None = None) -> str | None:
        """Open the editor modally; the repair order's id once it exists, else None. It has no Cancel
        of its own (each change is saved as it is made), so how it was closed does not matter."""
        try:
            dialog = cls(ctx, repair_order_id, parent=parent)
        except DomainError as exc:
            show_error(parent, exc)
            return None
        dialog.exec()
        found = dialog.repair_order_id
        dialog.deleteLater()
        return found
