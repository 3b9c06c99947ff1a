"""Vehicle history: find a car by plate or VIN (type, Enter, arrows) and read everything the workshop
did on it, newest visit first: each repair order with its jobs, hours and parts, the mileage in and
out and when the next service is due (which the handover, ui/workshop/handover.py, records)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.quantities import quantity_text
from services.workshop import history
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.widgets.detail import Col, fields, heading, link, paragraph, table
from ui.widgets.list_view import ListView
from ui.widgets.screen import ListScreen
from ui.workshop.handover import km_text
from ui.workshop.screen import pay_type_labels, status_labels

INDENT = "– "


def _hours(hundredths: int) -> str:
    return f"{hundredths / 100:g}"


def due_text(due: history.ServiceDue | None) -> str:
    """The next service due in a line: "2027-03-02 or 22,000 km", with why it is overdue."""
    if due is None:
        return ""
    text = QCoreApplication.translate("Workshop", "%1 or %2").replace("%1", date_text(due.due_on)).replace(
        "%2", km_text(due.due_km))
    if due.overdue_by_date and due.overdue_by_km:
        return text + " · " + QCoreApplication.translate("Workshop", "overdue by date and mileage")
    if due.overdue_by_date:
        return text + " · " + QCoreApplication.translate("Workshop", "overdue by date")
    if due.overdue_by_km:
        return text + " · " + QCoreApplication.translate("Workshop", "overdue by mileage")
    return text


class VehicleHistoryScreen(ListScreen):
    """Vehicles on the left (searched by plate, VIN or owner), the selected one's service history on
    the right."""

    detail_tables = ("repair_order", "repair_job", "repair_labour_line", "repair_part_line", "repair_order_invoice")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = status_labels()
        headers = {"plate": self.tr("Plate"), "vin": self.tr("VIN"), "make": self.tr("Make"),
                   "model": self.tr("Model"), "owner": self.tr("Owner")}
        view = ListView(ctx, "vehicles", headers, noun_plural=self.tr("vehicles"),
                        empty_text=self.tr("No vehicles match."), export_name="vehicles")
        view.search.setPlaceholderText(self.tr("Plate, VIN or owner… (Ctrl+F)"))
        super().__init__(ctx, self.tr("Vehicle history"), view, can_edit=False, parent=parent)
        # The history is what this screen is for: it gets most of the width.
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([520, 780])

    def read_detail(self, row_id: str) -> Callable[[], history.VehicleHistory]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: history.vehicle_history(db, actor, row_id)

    def render_detail(self, row_id: str, h: history.VehicleHistory) -> str:
        title = " ".join(x for x in (h.plate, h.make, h.model) if x) or h.vin
        html = [heading(self.tr("Service history: %1").replace("%1", title))]
        html.append(fields([
            (self.tr("VIN"), h.vin),
            (self.tr("Owner"), h.owner_name),
            (self.tr("Odometer"), km_text(h.odometer_km)),
            (self.tr("Next service due"), due_text(h.service_due) or self.tr("Not set: never handed over")),
            (self.tr("Visits"), str(len(h.visits))),
        ]))
        if h.service_due is not None and h.service_due.overdue:
            html.append(paragraph(self.tr("The next service is overdue."), bold=True))
        if not h.visits:
            html.append(paragraph(self.tr("No repair orders for this vehicle yet."), hint=True))
        cur = self.ctx.settings.currency
        pay_types = pay_type_labels()
        for v in h.visits:
            html.append(heading(f"{date_text(v.opened_on)} · {v.number} · {self.statuses.get(v.status, v.status)}",
                                level=3))
            mileage = km_text(v.mileage_in)
            if v.mileage_out is not None:
                mileage = self.tr("%1 in, %2 out").replace("%1", km_text(v.mileage_in)).replace(
                    "%2", km_text(v.mileage_out))
            html.append(fields([
                (self.tr("Mileage"), mileage),
                (self.tr("Advisor"), self.ctx.person(v.advisor)),
                (self.tr("Customer's concerns"), v.concerns),
                (self.tr("Invoices"), " · ".join(v.invoice_numbers)),
                (self.tr("Total"), money_text(v.total, cur) if v.total is not None else ""),
                (self.tr("Handed over"), date_text(v.handed_over_on) if v.handed_over_on else ""),
            ]))
            html.append(paragraph(markup=link(f"repair-order:{v.repair_order_id}", self.tr("Open the repair order"))))
            rows = []
            for job in v.jobs:
                pay = pay_types.get(job.pay_type, job.pay_type)
                rows.append((f"{job.job_no}. {job.description}" + (f" ({pay})" if pay else ""), "", ""))
                # Its work and parts are listed under the job, each marked as belonging to it.
                for line in job.labour:
                    what = " · ".join(x for x in (line.operation_code, line.description) if x)
                    rows.append((INDENT + what, self.tr("%1 h").replace("%1", _hours(line.hours)), line.technician))
                for part in job.parts:
                    rows.append((INDENT + " · ".join(x for x in (part.part_number, part.description) if x),
                                 quantity_text(part.quantity), ""))
            if rows:
                html.append(table([Col(self.tr("Jobs, work and parts")), Col.atom(self.tr("Quantity")),
                                   Col.atom(self.tr("Technician"))], rows))
        return "".join(html)
