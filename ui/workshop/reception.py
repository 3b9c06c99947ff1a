"""Reception (接待): find the arriving car by plate or VIN, see at once what the dealership knows about
it (open campaigns and recalls, work declined last time, a comeback, repair orders still open), and
check it in with a guided form — mileage, fuel, the customer's concerns, the walk-around's damage,
promised time and price estimate — which opens its repair order. Then print the check-in sheet for
the customer's signature, add the campaigns and the declined work, or start the health check.

Keyboard first: the plate/VIN field has the focus, Enter finds, the form follows in Tab order,
Ctrl+Enter checks the car in.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.workshop import campaigns, estimates, reception
from services.workshop.reception import CheckInInput, DamageInput, ReceptionInfo, VehicleMatch
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.widgets.detail import DetailPane, bullets, esc, fields, heading, paragraph
from ui.widgets.fields import DateTimeEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, hint_label
from ui.workers import Op, Query

DAMAGE_ROWS = 4


def fuel_labels() -> list[tuple[str, int | None]]:
    """The fuel gauge's readings, as the form offers them."""
    out: list[tuple[str, int | None]] = [(QCoreApplication.translate("Reception", "Not noted"), None),
                                         (QCoreApplication.translate("Reception", "Empty (0/8)"), 0)]
    out += [(f"{n}/8", n) for n in range(1, 8)]
    out.append((QCoreApplication.translate("Reception", "Full (8/8)"), 8))
    return out


class ReceptionScreen(QWidget):
    """The reception page: find, know, check in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vehicle: VehicleMatch | None = None
        self.info: ReceptionInfo | None = None
        self.repair_order_id: str | None = None
        self.repair_order_number = ""

        title = QLabel(self.tr("Reception"))
        title.setObjectName("screenTitle")
        self.find = QLineEdit()
        self.find.setObjectName("find")
        self.find.setPlaceholderText(self.tr("Plate or VIN (its last 6 characters are enough)"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self.search)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.clicked.connect(self.search)
        self.matches = QListWidget()
        self.matches.setObjectName("matches")
        self.matches.setMaximumHeight(110)
        self.matches.hide()
        self.matches.itemActivated.connect(lambda item: self.choose(item.data(Qt.ItemDataRole.UserRole)))
        self.found_hint = hint_label(self.tr("Type the plate or VIN of the arriving car and press Enter."))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.find, 1)
        top.addWidget(self.find_button)

        self.known = DetailPane()
        self.known.setObjectName("known")
        self.known.setHtml(paragraph(self.tr("What the dealership knows about the car shows here."), hint=True))
        left = QVBoxLayout()
        left.addWidget(self.matches)
        left.addWidget(self.found_hint)
        left.addWidget(self.known, 1)

        right = QVBoxLayout()
        right.addWidget(self._build_form(), 1)
        right.addLayout(self._build_actions())

        # The two sides share the width by these stretches whatever they hold (a long refusal beside
        # the mileage wraps instead of squeezing what is known about the car).
        body = QHBoxLayout()
        for side, stretch in ((left, 4), (right, 5)):
            holder = QWidget()
            holder.setLayout(side)
            side.setContentsMargins(0, 0, 0, 0)
            holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            body.addWidget(holder, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.check_in, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_vehicle_enabled(False)

    # --- layout -------------------------------------------------------------------------------
    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Check-in"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.customer = QLabel()
        self.customer.setObjectName("customer")
        form.addRow(self.tr("Customer"), self.customer)
        self.mileage = QLineEdit()
        self.mileage.setObjectName("mileage_in")
        self.mileage.setPlaceholderText(self.tr("km on the odometer"))
        self.errors.add_row("mileage_in", self.tr("&Mileage"), self.mileage)
        self.override = QLineEdit()
        self.override.setObjectName("mileage_override")
        self.override.setPlaceholderText(self.tr("Why the lower mileage is right (e.g. instrument cluster replaced)"))
        self.override_label = QLabel(self.tr("&Reason"))
        self.override_label.setBuddy(self.override)
        form.addRow(self.override_label, self.override)
        self.override.hide()
        self.override_label.hide()
        self.fuel = QComboBox()
        self.fuel.setObjectName("fuel_level")
        for label, value in fuel_labels():
            self.fuel.addItem(label, value)
        self.errors.add_row("fuel_level", self.tr("F&uel"), self.fuel)
        self.concerns = QPlainTextEdit()
        self.concerns.setObjectName("concerns")
        self.concerns.setTabChangesFocus(True)
        self.concerns.setPlaceholderText(self.tr("In the customer's own words"))
        self.concerns.setFixedHeight(64)
        self.errors.add_row("concerns", self.tr("C&oncerns"), self.concerns)
        self.damage = QTableWidget(DAMAGE_ROWS, 2)
        self.damage.setObjectName("damage")
        self.damage.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Damage")])
        self.damage.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.damage.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.damage.setColumnWidth(0, 150)
        self.damage.verticalHeader().setDefaultSectionSize(24)
        self.damage.setFixedHeight(24 * DAMAGE_ROWS + self.damage.horizontalHeader().sizeHint().height()
                                   + 2 * self.damage.frameWidth() + 2)
        self.damage.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab leaves the grid (arrows move inside it), so the form stays one Tab order.
        self.damage.setTabKeyNavigation(False)
        self.errors.add_row("damage", self.tr("&Damage"), self.damage)
        self.promised = DateTimeEdit()
        self.promised.setObjectName("promised_at")
        self.errors.add_row("promised_at", self.tr("&Promised"), self.promised)
        self.estimate = MoneyEdit(self.ctx.settings.currency, field="price_estimate")
        self.estimate.setObjectName("price_estimate")
        self.errors.add_row("price_estimate", self.tr("Price &estimate"), self.estimate)
        self._reset_form()
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addStretch(1)
        return box

    def _build_actions(self) -> QHBoxLayout:
        self.check_in_button = QPushButton(self.tr("Check &in"))
        self.check_in_button.setObjectName("check_in")
        self.check_in_button.setToolTip("Ctrl+Enter")
        self.check_in_button.setDefault(True)
        self.check_in_button.clicked.connect(self.check_in)
        self.print_button = QPushButton(self.tr("&Print sheet"))
        self.print_button.clicked.connect(self.print_sheet)
        self.campaign_button = QPushButton(self.tr("Add c&ampaigns"))
        self.campaign_button.clicked.connect(self.add_campaigns)
        self.declined_button = QPushButton(self.tr("O&ffer declined work"))
        self.declined_button.clicked.connect(self.offer_declined)
        self.health_button = QPushButton(self.tr("&Health check…"))
        self.health_button.clicked.connect(self.health_check)
        self.done_label = QLabel()
        self.done_label.setObjectName("done")
        row = QHBoxLayout()
        row.addWidget(self.done_label, 1)
        for button in (self.print_button, self.campaign_button, self.declined_button, self.health_button,
                       self.check_in_button):
            row.addWidget(button)
        for button in (self.print_button, self.campaign_button, self.declined_button, self.health_button):
            button.setEnabled(False)
        return row

    def focus_default(self) -> None:
        self.find.setFocus()
        self.find.selectAll()

    def _reset_form(self) -> None:
        self.mileage.clear()
        self.override.clear()
        self.override.hide()
        self.override_label.hide()
        self.fuel.setCurrentIndex(0)
        self.concerns.clear()
        self.damage.clearContents()
        today = QDateTime.currentDateTime()
        today.setTime(QTime(18, 0))
        self.promised.setDateTime(today)
        self.estimate.clear()
        self.errors.clear()

    def _set_vehicle_enabled(self, enabled: bool) -> None:
        for widget in (self.mileage, self.override, self.fuel, self.concerns, self.damage, self.promised,
                       self.estimate):
            widget.setEnabled(enabled)
        self.check_in_button.setEnabled(enabled and self.ctx.can("workshop.edit"))

    # --- finding the car ----------------------------------------------------------------------
    def search(self) -> Query | None:
        text = self.find.text().strip()
        if not text:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: reception.find_vehicles(db, actor, text)).success(self._found).run()

    def _found(self, matches: list[VehicleMatch]) -> None:
        self.matches.clear()
        if not matches:
            self.matches.hide()
            self.found_hint.setText(self.tr("No vehicle has that plate or VIN. Record it in Vehicles first."))
            self.found_hint.show()
            return
        if len(matches) == 1:
            self.matches.hide()
            self.found_hint.hide()
            self.choose(matches[0].id)
            return
        for m in matches:
            item = QListWidgetItem("  ·  ".join(x for x in (m.plate, m.vin, f"{m.make} {m.model}".strip(),
                                                            m.owner_name) if x))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.matches.addItem(item)
        self.found_hint.setText(self.tr("%1 vehicles match: choose one and press Enter.").replace(
            "%1", str(len(matches))))
        self.found_hint.show()
        self.matches.show()
        self.matches.setCurrentRow(0)
        self.matches.setFocus()

    def choose(self, vehicle_id: str) -> Query:
        """Show what is known about the car and start its check-in. GUI thread."""
        self.repair_order_id, self.repair_order_number = None, ""
        self.done_label.clear()
        for button in (self.print_button, self.campaign_button, self.declined_button, self.health_button):
            button.setEnabled(False)
        self._reset_form()
        return self._load(vehicle_id, focus=True)

    def _load(self, vehicle_id: str, *, focus: bool = False) -> Query:
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: reception.reception_info(db, actor, vehicle_id)).success(
            lambda info: self._show(info, focus=focus)).run()

    def _show(self, info: ReceptionInfo, *, focus: bool) -> None:
        self.info, self.vehicle = info, info.vehicle
        self.known.setHtml(self.render_info(info))
        self.customer.setText(info.vehicle.owner_name or self.tr("No owner recorded: set it in Vehicles first"))
        self._set_vehicle_enabled(info.vehicle.owner_id is not None and self.repair_order_id is None)
        if self.repair_order_id is not None:
            self.campaign_button.setEnabled(bool(info.campaigns) and self.ctx.can("workshop.edit"))
            self.declined_button.setEnabled(bool(info.declined) and self.ctx.can("workshop.edit"))
        if focus and info.vehicle.owner_id is not None:
            self.mileage.setFocus()

    def render_info(self, info: ReceptionInfo) -> str:
        v = info.vehicle
        cur = self.ctx.settings.currency
        html = [heading(" · ".join(x for x in (v.plate, f"{v.make} {v.model}".strip()) if x) or v.vin),
                fields([(self.tr("VIN"), v.vin), (self.tr("Owner"), v.owner_name),
                        (self.tr("Last mileage"), self.tr("%1 km").replace("%1", f"{info.last_mileage:,}")
                         if info.last_mileage else "")])]
        html.append(heading(self.tr("Open campaigns and recalls"), level=3))
        html.append(bullets(f"<b>{esc(c.code)}</b> {esc(c.title)}" for c in info.campaigns) if info.campaigns
                    else paragraph(self.tr("None for this VIN."), hint=True))
        html.append(heading(self.tr("Declined last time"), level=3))
        if info.declined:
            html.append(bullets(
                esc(" · ".join(x for x in (d.description, money_text(d.total, cur) if d.total is not None else "",
                                           date_text(d.declined_on) if d.declined_on else "", d.repair_order_number)
                               if x)) for d in info.declined))
        else:
            html.append(paragraph(self.tr("Nothing declined."), hint=True))
        if info.comeback_of is not None:
            html.append(paragraph(self.tr("Comeback: back within %1 days of repair order %2 (completed %3).")
                                  .replace("%1", str(info.comeback_days))
                                  .replace("%2", info.comeback_of.number)
                                  .replace("%3", date_text(info.comeback_of.completed_on)), bold=True))
        if info.open_orders:
            html.append(paragraph(self.tr("Repair orders still open: %1").replace("%1", ", ".join(info.open_orders))))
        due = info.service_due
        html.append(heading(self.tr("Service due"), level=3))
        if due is None:
            html.append(paragraph(self.tr("No handover has set a next service yet."), hint=True))
        else:
            text = self.tr("Next service by %1 or at %2 km (set by %3)").replace("%1", date_text(due.due_on)).replace(
                "%2", f"{due.due_km:,}").replace("%3", due.set_by)
            if due.overdue_by_date or due.overdue_by_km:
                text += " — " + self.tr("overdue")
            html.append(paragraph(text, bold=due.overdue_by_date or due.overdue_by_km))
        return "".join(html)

    # --- checking in --------------------------------------------------------------------------
    def _damage_rows(self) -> list[DamageInput]:
        rows = []
        for r in range(self.damage.rowCount()):
            cells = [self.damage.item(r, c) for c in (0, 1)]
            position, note = (cell.text().strip() if cell is not None else "" for cell in cells)
            rows.append(DamageInput(position, note))
        return rows

    def value(self) -> CheckInInput:
        """The form as a check-in; a ValidationError names a field that cannot be read. GUI thread."""
        if self.vehicle is None or self.vehicle.owner_id is None:
            raise ValidationError("customer_id", QCoreApplication.translate("Reception", "Find the car first"))
        text = self.mileage.text().strip().replace(",", "").replace("，", "")
        if not text.isdigit():
            raise ValidationError("mileage_in", QCoreApplication.translate("Reception", "Enter the mileage in km"))
        estimate = self.estimate.value() if self.estimate.text().strip() else None
        promised = self.promised.dateTime().toUTC().toPython().replace(tzinfo=None)
        return CheckInInput(customer_id=self.vehicle.owner_id, vehicle_id=self.vehicle.id, mileage_in=int(text),
                            concerns=self.concerns.toPlainText().strip(), fuel_level=self.fuel.currentData(),
                            promised_at=promised if isinstance(promised, datetime) else None,
                            price_estimate=estimate, damage=self._damage_rows(),
                            mileage_override=self.override.text().strip() if self.override.isVisible() else "")

    def check_in(self) -> Op | None:
        if not self.check_in_button.isEnabled():
            return None
        try:
            data = self.value()
        except ValidationError as exc:
            self._field_error(exc)
            return None
        if self.info is not None and self.info.open_orders:
            # Usually the car's open repair order takes the new work; a second one is a choice.
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(self, self.tr("Check in"), self.tr(
                "This car already has an open repair order (%1). Open another one for this visit?").replace(
                "%1", ", ".join(self.info.open_orders)))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        db, actor = self.ctx.db, self.ctx.actor
        self.errors.clear()
        self.check_in_button.setEnabled(False)
        return Op(self, lambda _p, _c: reception.check_in(db, actor, data)).success(self._checked_in).failure(
            self._failed).run()

    def _field_error(self, exc: ValidationError) -> None:
        field = exc.field.split("[")[0]
        if field == "mileage_in" and self.ctx.can("workshop.mileage_override") and "lower" in str(exc.detail):
            self.override.show()
            self.override_label.show()
        if not self.errors.show(ValidationError(field, exc.detail)):
            self.done_label.setText(detail_text(exc))
        if field == "mileage_in" and self.override.isVisible():
            self.override.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.check_in_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._field_error(exc)
            return
        from ui.errors import show_error

        show_error(self, exc)

    def _checked_in(self, result: tuple[str, str]) -> None:
        self.errors.clear()
        self.repair_order_id, self.repair_order_number = result
        self.done_label.setText(self.tr("Repair order %1 opened.").replace("%1", self.repair_order_number))
        self._set_vehicle_enabled(False)
        self.print_button.setEnabled(True)
        self.health_button.setEnabled(self.ctx.can("workshop.inspect"))
        if self.vehicle is not None:
            self._load(self.vehicle.id)
        self.print_button.setFocus()

    # --- after the check-in -------------------------------------------------------------------
    def print_sheet(self) -> None:
        if not self.repair_order_id:
            return
        from ui.printing import print_document

        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        print_document(self, lambda out: reception.check_in_pdf(db, actor, ro_id, out),
                       title=self.repair_order_number, save_name=f"{self.repair_order_number}-check-in.pdf")

    def add_campaigns(self) -> Op | None:
        if not (self.repair_order_id and self.info and self.info.campaigns):
            return None
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        ids = [c.campaign_id for c in self.info.campaigns]

        def work(_p, _c) -> int:
            for campaign_id in ids:
                campaigns.add_campaign_job(db, actor, ro_id, campaign_id)
            return len(ids)

        return Op(self, work).success(lambda n: self.done_label.setText(
            self.tr("%1 campaign jobs added to %2.").replace("%1", str(n)).replace("%2", self.repair_order_number))
        ).run()

    def offer_declined(self) -> Op | None:
        if not (self.repair_order_id and self.info and self.info.declined):
            return None
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        ids = [d.estimate_id for d in self.info.declined]

        def work(_p, _c) -> int:
            for estimate_id in ids:
                estimates.offer_again(db, actor, estimate_id, ro_id)
            return len(ids)

        return Op(self, work).success(lambda n: self.done_label.setText(
            self.tr("%1 declined estimates offered again on %2.").replace("%1", str(n))
            .replace("%2", self.repair_order_number))).run()

    def health_check(self) -> None:
        if not self.repair_order_id:
            return
        from ui.workshop.health_check import HealthCheckDialog

        HealthCheckDialog.ask(self, self.ctx, self.repair_order_id)

    def on_changed(self, changes: Changes) -> None:
        if self.vehicle is not None and changes.touches("campaign_vehicle", "work_estimate", "repair_order",
                                                        "vehicle"):
            self._load(self.vehicle.id)
