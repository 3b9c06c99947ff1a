"""The workshop area: labour operations and rates, repair orders, clockings and their files."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.workshop import appointments, archive, exports, surveys, time_reports, warranty
from services.workshop.campaigns import CAMPAIGNS
from services.workshop.imports import LABOUR_OPS
from services.workshop.lists import APPOINTMENTS, FOLLOW_UP_TASKS, LABOUR_OPERATIONS, REPAIR_ORDERS, SURVEYS

PERMISSIONS = {
    "workshop.view": "View repair orders",
    "workshop.edit": "Open and edit repair orders, jobs and lines",
    "workshop.costs": "See workshop prices, costs and amounts",
    "workshop.parts": "Reserve, issue and return parts for repair orders",
    "workshop.clock": "Clock on and off jobs",
    "workshop.clock_others": "Clock other technicians on and off jobs",
    "workshop.correct_time": "Correct technicians' clocked and attended times and see their reports",
    "workshop.catalogue": "Edit labour operations and rates",
    "workshop.mileage_override": "Accept a mileage lower than the vehicle's last one",
    "workshop.invoice": "Close repair orders into invoices",
    "workshop.book": "Book, move and cancel appointments",
    "workshop.overbook": "Book appointments beyond the workshop's capacity or outside its working hours",
    "workshop.resources": "Set up technicians, advisors and bays with their working hours",
    "workshop.surveys": "Enter satisfaction surveys, see their results and follow-up tasks",
    "workshop.inspect": "Carry out vehicle health checks",
}

_VIEW = frozenset({"workshop.view"})
_EDIT = _VIEW | {"workshop.edit", "workshop.costs", "workshop.parts", "workshop.mileage_override",
                 "workshop.inspect"}

AREA = Area(
    name="workshop",
    permissions=PERMISSIONS,
    grants={
        "service_advisor": _EDIT | {"workshop.book", "workshop.surveys"},
        "foreman": _EDIT | {"workshop.clock", "workshop.clock_others", "workshop.catalogue", "workshop.book",
                            "workshop.overbook", "workshop.resources", "workshop.surveys", "workshop.correct_time"},
        # A technician clocks and sees the work, not what it costs.
        "technician": _VIEW | {"workshop.clock", "workshop.inspect"},
        "parts_clerk": _VIEW | {"workshop.parts"},
        "cashier": _VIEW | {"workshop.costs", "workshop.invoice"},
        "sales_manager": _VIEW,
        "read_only": _VIEW,
    },
    lists=(REPAIR_ORDERS, APPOINTMENTS, SURVEYS, FOLLOW_UP_TASKS, LABOUR_OPERATIONS),
    import_kinds=(LABOUR_OPS, surveys.SURVEYS, CAMPAIGNS),
    export_kinds=(
        ExportKind("repair-orders", "repair orders with their hours, amounts and invoices",
                   exports.export_repair_orders, period="optional"),
        ExportKind("labour-lines", "the labour lines of repair orders, with hours sold and clocked",
                   exports.export_labour_lines, period="optional"),
        ExportKind("appointments", "appointments with the parts to prepare (tomorrow's bookings unless a period "
                   "is given)", appointments.export_appointments, period="optional"),
        ExportKind("parts-to-prepare", "the parts the bookings of a day or days need (tomorrow's without dates), "
                   "against what is available, and the parts typed on bookings", appointments.export_parts_to_prepare,
                   period="optional"),
        ExportKind("warranty-claims", "warranty jobs with the data a maker's warranty claim asks",
                   warranty.export_warranty_claims, period="optional"),
        ExportKind("repair-archive", "the repair records of repair orders settled in the period, for the vehicle "
                   "health archive", archive.export_repair_archive, period="required"),
        ExportKind("surveys", "satisfaction surveys with their scores and follow-up tasks", surveys.export_surveys,
                   period="optional"),
        ExportKind("clockings", "technicians' clockings on jobs and off them, with reasons and corrections",
                   time_reports.export_clockings, period="optional"),
        ExportKind("attendance", "technicians' clock-ins and clock-outs", time_reports.export_attendance,
                   period="optional"),
        ExportKind("technician-time", "each technician's attendance, productivity, hours sold and efficiency",
                   time_reports.export_technician_times, period="required"),
        ExportKind("time-flags", "missing clock-offs and hours sold with no clocking",
                   time_reports.export_time_flags, period="required"),
    ),
)
