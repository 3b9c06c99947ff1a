"""Repair orders: the workshop's list with a detail pane that reads like the job card (status, car,
concerns, each job with its labour, parts and other lines). Amounts show only to those who may see
them; the service leaves them out for the others."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from core.quantities import quantity_text
from services.workshop import orders
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.widgets.detail import Col, fields, heading, link, paragraph, table
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen


def status_labels() -> dict[str, str]:
    return {"open": QCoreApplication.translate("Workshop", "Open"),
            "in_progress": QCoreApplication.translate("Workshop", "In progress"),
            "waiting_parts": QCoreApplication.translate("Workshop", "Waiting for parts"),
            "quality_check": QCoreApplication.translate("Workshop", "Quality check"),
            "completed": QCoreApplication.translate("Workshop", "Completed"),
            "invoiced": QCoreApplication.translate("Workshop", "Invoiced"),
            "closed": QCoreApplication.translate("Workshop", "Closed")}


def pay_type_labels() -> dict[str, str]:
    return {"customer": QCoreApplication.translate("Workshop", "Customer"),
            "warranty": QCoreApplication.translate("Workshop", "Warranty"),
            "internal": QCoreApplication.translate("Workshop", "Internal"),
            "insurance": QCoreApplication.translate("Workshop", "Insurance")}


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
        # Repair orders are opened at reception; this screen shows them (the editor comes with reception).
        super().__init__(ctx, self.tr("Repair orders"), view, can_edit=False, parent=parent)
        self.health_button = QPushButton(self.tr("&Health check…"))
        self.health_button.clicked.connect(self.health_check)
        self.estimates_button = QPushButton(self.tr("Es&timates…"))
        self.estimates_button.clicked.connect(self.estimates)
        for button in (self.health_button, self.estimates_button):
            self.extra_buttons.addWidget(button)
        self.needs_selection(self.health_button, self.estimates_button)

    def health_check(self) -> None:
        if self.current_id:
            from ui.workshop.health_check import HealthCheckDialog

            HealthCheckDialog.ask(self, self.ctx, self.current_id)

    def estimates(self) -> None:
        if self.current_id:
            from ui.workshop.health_check import EstimatesDialog

            EstimatesDialog.ask(self, self.ctx, self.current_id)

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
            (self.tr("Advisor"), ro.advisor),
            (self.tr("Opened"), date_text(ro.opened_on)),
            (self.tr("Promised"), ro.promised_at.strftime("%Y-%m-%d %H:%M") if ro.promised_at else ""),
            (self.tr("Completed"), date_text(ro.completed_on) if ro.completed_on else ""),
            (self.tr("Invoiced"), date_text(ro.invoiced_on) if ro.invoiced_on else ""),
            (self.tr("Customer's concerns"), ro.concerns),
        ]))
        cur = self.ctx.settings.currency
        pay_types = pay_type_labels()
        for job in ro.jobs:
            html.append(heading(self.tr("Job %1: %2").replace("%1", str(job.job_no)).replace("%2", job.description),
                                level=3))
            html.append(paragraph(pay_types.get(job.pay_type, job.pay_type) if job.pay_type
                                  else self.tr("No pay type yet"), hint=True))
            rows = []
            for line in job.labour:
                what = " · ".join(x for x in (line.operation_code, line.description) if x)
                detail = self.tr("%1 h").replace("%1", _hours(line.hours))
                if line.technician:
                    detail += " · " + line.technician
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
