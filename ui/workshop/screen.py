"""Repair orders: the workshop's list with a detail pane that reads like the job card (status, car,
concerns, each job with its labour, parts and other lines). Amounts show only to those who may see
them; the service leaves them out for the others."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from core.quantities import quantity_text
from services.workshop import invoicing, orders
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import date_text, money_text
from ui.widgets.detail import Col, fields, heading, link, paragraph, table
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op
from ui.workshop.labels import pay_type_labels, status_labels


def _hours(hundredths: int) -> str:
    return f"{hundredths / 100:g}"


class RepairOrdersScreen(ListScreen):
    detail_tables = ("repair_job", "repair_labour_line", "repair_part_line", "repair_extra_line", "customer",
                     "vehicle", "work_estimate", "health_check", "health_check_item")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = status_labels()
        headers = {
            "number": self.tr("Number"), "opened_on": self.tr("Opened"), "status": self.tr("Status"),
            "plate": self.tr("Plate"), "customer": self.tr("Customer"), "vehicle": self.tr("Vehicle"),
            "advisor": self.tr("Advisor"), "mileage_in": self.tr("Mileage in"), "promised_at": self.tr("Promised"),
            "vin": self.tr("VIN"),
        }
        view = ListView(
            ctx, "repair_orders", headers, noun_plural=self.tr("repair orders"),
            empty_text=self.tr("No repair orders yet."),
            filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items())),
                     FilterSpec("open", self.tr("Open"))],
            export_name="repair-orders",
            value_labels={"status": self.statuses},
        )
        # Whoever may change repair orders, or invoice them, opens them in the editor.
        super().__init__(ctx, self.tr("Repair orders"), view,
                         can_edit=ctx.can("workshop.edit") or ctx.can("workshop.invoice"), parent=parent)
        self.new_button.setVisible(ctx.can("workshop.edit"))
        # One click from a completed repair order to its posted invoices.
        self.invoice_button = QPushButton(self.tr("&Invoice"), self)
        self.invoice_button.setObjectName("invoiceRepairOrder")
        self.invoice_button.setToolTip(self.tr("Close the completed repair order into posted invoices, one per pay "
                                               "type"))
        self.invoice_button.setVisible(ctx.can("workshop.invoice"))
        self.invoice_button.setEnabled(False)
        self.invoice_button.clicked.connect(self.invoice)
        self.extra_buttons.addWidget(self.invoice_button)
        self.packages_button = QPushButton(self.tr("Pac&kages…"), self)
        self.packages_button.setObjectName("servicePackages")
        self.packages_button.setToolTip(self.tr("Service packages at fixed prices"))
        self.packages_button.setVisible(ctx.can("workshop.catalogue"))
        self.packages_button.clicked.connect(self.edit_packages)
        self.extra_buttons.addWidget(self.packages_button)
        self.templates_button = QPushButton(self.tr("Check te&mplates…"), self)
        self.templates_button.setObjectName("checkTemplates")
        self.templates_button.setToolTip(self.tr("Health-check templates: the points a check goes through"))
        self.templates_button.setVisible(ctx.can("workshop.catalogue"))
        self.templates_button.clicked.connect(self.edit_templates)
        self.extra_buttons.addWidget(self.templates_button)
        self.handover_button = QPushButton(self.tr("Hand &over…"), self)
        self.handover_button.setToolTip(self.tr("Hand the car back: mileage out and next service due (Ctrl+Shift+O)"))
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_button.setVisible(ctx.can("workshop.edit"))
        self.handover_button.setEnabled(False)  # while the pane shows an invoiced repair order
        self.extra_buttons.addWidget(self.handover_button)
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, self.hand_over,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._invoiced = False
        self.health_button = QPushButton(self.tr("&Health check…"))
        self.health_button.clicked.connect(self.health_check)
        self.estimates_button = QPushButton(self.tr("Es&timates…"))
        self.estimates_button.clicked.connect(self.estimates)
        for button in (self.health_button, self.estimates_button):
            self.extra_buttons.addWidget(button)
        self.needs_selection(self.health_button, self.estimates_button)
        self.shown: orders.RepairOrderView | None = None
        self.invoice_op: Op | None = None
        self.last_message = ""

    def health_check(self) -> None:
        if self.current_id:
            from ui.workshop.health_check import HealthCheckDialog

            HealthCheckDialog.ask(self, self.ctx, self.current_id)

    def estimates(self) -> None:
        if self.current_id:
            from ui.workshop.health_check import EstimatesDialog

            EstimatesDialog.ask(self, self.ctx, self.current_id)

    def edit_packages(self) -> None:
        from ui.workshop.menus import PackagesDialog

        PackagesDialog.ask(self.ctx, parent=self)

    def edit_templates(self) -> None:
        from ui.workshop.check_templates import CheckTemplatesDialog

        CheckTemplatesDialog.ask(self.ctx, parent=self)

    def detail_changed(self, data: orders.RepairOrderView | None) -> None:
        self.shown = data
        self.invoice_button.setEnabled(data is not None and data.status == "completed")
        self._invoiced = data is not None and data.status == "invoiced"
        self.handover_button.setEnabled(self._invoiced)

    def hand_over(self) -> None:
        if not self.current_id or not self._invoiced or not self.ctx.can("workshop.edit"):
            return
        from ui.workshop.handover import HandoverDialog

        HandoverDialog.ask(self.ctx, self.current_id, parent=self)

    def invoice(self) -> None:
        """Invoice the shown repair order after a yes; the numbers made are said in a message."""
        ro = self.shown
        if ro is None or ro.status != "completed" or not self.invoice_button.isVisible():
            return
        answer = QMessageBox.question(self, self.tr("Invoice repair order"), self.tr(
            "Invoice repair order %1 now? One posted invoice is made for each pay type, and the repair order can no "
            "longer change.").replace("%1", ro.number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, ro_id = self.ctx.db, self.ctx.actor, ro.id
        self.invoice_button.setEnabled(False)

        def done(made: list[invoicing.InvoiceMade]) -> None:
            cur = self.ctx.settings.currency
            self.last_message = self.tr("Repair order %1 is invoiced: %2").replace("%1", ro.number).replace(
                "%2", ", ".join(f"{m.number} {money_text(m.total, cur)}" for m in made))
            QMessageBox.information(self, self.tr("Invoice repair order"), self.last_message)

        def failed(exc: BaseException) -> None:
            self.invoice_button.setEnabled(True)
            show_error(self, exc)

        self.invoice_op = Op(self, lambda _progress, _cancel: invoicing.close_into_invoices(db, actor, ro_id)
                             ).success(done).failure(failed).run()

    def new_record(self) -> None:
        if not self.ctx.can("workshop.edit"):
            return
        from ui.workshop.editor import RepairOrderEditor

        found = RepairOrderEditor.ask(self.ctx, parent=self)
        if found:
            self.list.select_id(found)

    def edit_record(self, row_id: str) -> None:
        from ui.workshop.editor import RepairOrderEditor

        RepairOrderEditor.ask(self.ctx, row_id, parent=self)

    def read_detail(self, row_id: str) -> Callable[[], orders.RepairOrderView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: orders.get(db, actor, row_id)

    def render_detail(self, row_id: str, ro: orders.RepairOrderView) -> str:
        html = [heading(self.tr("Repair order %1").replace("%1", ro.number)),
                paragraph(self.statuses.get(ro.status, ro.status), bold=True)]
        html.append(paragraph(self.tr("Customer") + ": ", markup=link(f"customer:{ro.customer_id}",
                                                                        ro.customer_name)))
        html.append(fields([
            (self.tr("Vehicle"), " · ".join(x for x in (ro.plate, ro.vin) if x)),
            (self.tr("Mileage in"), self.tr("%1 km").replace("%1", f"{ro.mileage_in:,}")),
            (self.tr("Advisor"), self.ctx.person(ro.advisor)),
            (self.tr("Opened"), date_text(ro.opened_on)),
            (self.tr("Promised"), ro.promised_at.strftime("%Y-%m-%d %H:%M") if ro.promised_at else ""),
            (self.tr("Completed"), date_text(ro.completed_on) if ro.completed_on else ""),
            (self.tr("Invoiced"), date_text(ro.invoiced_on) if ro.invoiced_on else ""),
            (self.tr("Handed over"), date_text(ro.handed_over_on) if ro.handed_over_on else ""),
            (self.tr("Mileage out"), self.tr("%1 km").replace("%1", f"{ro.mileage_out:,}")
             if ro.mileage_out is not None else ""),
            (self.tr("Next service due"), self.tr("%1 or %2 km").replace("%1", date_text(ro.next_service_on)).replace(
                "%2", f"{ro.next_service_km:,}") if ro.next_service_on and ro.next_service_km is not None else ""),
            (self.tr("Customer's concerns"), ro.concerns),
            (self.tr("Insurer"), " · ".join(x for x in (ro.insurer_name, ro.insurance_claim_ref) if x)),
            (self.tr("Customer's excess"), money_text(ro.insurance_excess, self.ctx.settings.currency)
             if ro.insurance_excess else ""),
        ]))
        cur = self.ctx.settings.currency
        pay_types = pay_type_labels()
        for job in ro.jobs:
            html.append(heading(self.tr("Job %1: %2").replace("%1", str(job.job_no)).replace("%2", job.description),
                                level=3))
            html.append(paragraph(pay_types.get(job.pay_type, job.pay_type) if job.pay_type
                                  else self.tr("No pay type yet"), hint=True))
            if job.menu_code:
                price = f" {money_text(job.menu_price, cur)}" if job.menu_price is not None else ""
                html.append(paragraph(self.tr("Service package %1").replace("%1", job.menu_code) + price, hint=True))
            if job.pay_type == "warranty":
                html.append(fields([
                    (self.tr("Claim number"), job.claim_number),
                    (self.tr("Condition"), job.condition),
                    (self.tr("Cause"), job.cause),
                    (self.tr("Correction"), job.correction),
                    (self.tr("Failed part"), " · ".join(x for x in (job.failed_part, job.failed_part_number) if x)),
                    (self.tr("Failed on"), date_text(job.failed_on) if job.failed_on else ""),
                ]))
            rows = []
            for line in job.labour:
                what = " · ".join(x for x in (line.operation_code, line.description) if x)
                detail = self.tr("%1 h").replace("%1", _hours(line.hours))
                if line.technician:
                    detail += " · " + self.ctx.person(line.technician)
                rows.append((what, detail, money_text(line.amount, cur) if line.amount is not None else ""))
            for part in job.parts:
                detail = self.tr("%1 issued").replace("%1", quantity_text(part.issued - part.returned))
                if part.reserved:
                    detail += " · " + self.tr("%1 reserved").replace("%1", quantity_text(part.reserved))
                amount = (money_text(part.unit_price * (part.issued - part.returned) // 1000, cur)
                          if part.unit_price is not None else "")
                rows.append((part.description, detail, amount))
            for extra in job.extras:
                rows.append((extra.description, quantity_text(extra.quantity),
                             money_text(extra.unit_price * extra.quantity // 1000, cur)
                             if extra.unit_price is not None else ""))
            if rows:
                html.append(table([Col(self.tr("Work and parts")), Col(self.tr("Quantity")),
                                   Col.number(self.tr("Amount"))], rows))
            else:
                html.append(paragraph(self.tr("Nothing on this job yet."), hint=True))
        if not ro.jobs:
            html.append(paragraph(self.tr("No jobs yet."), hint=True))
        return "".join(html)
