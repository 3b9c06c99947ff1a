"""The workshop area: labour operations and rates, repair orders, clockings and their files."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.workshop import exports
from services.workshop.campaigns import CAMPAIGNS
from services.workshop.imports import LABOUR_OPS
from services.workshop.lists import REPAIR_ORDERS

PERMISSIONS = {
    "workshop.view": "View repair orders",
    "workshop.edit": "Open and edit repair orders, jobs and lines",
    "workshop.costs": "See workshop prices, costs and amounts",
    "workshop.parts": "Reserve, issue and return parts for repair orders",
    "workshop.clock": "Clock on and off jobs",
    "workshop.clock_others": "Clock other technicians on and off jobs",
    "workshop.catalogue": "Edit labour operations and rates",
    "workshop.mileage_override": "Accept a mileage lower than the vehicle's last one",
    "workshop.invoice": "Close repair orders into invoices",
    "workshop.inspect": "Carry out vehicle health checks",
}

_VIEW = frozenset({"workshop.view"})
_EDIT = _VIEW | {"workshop.edit", "workshop.costs", "workshop.parts", "workshop.mileage_override",
                 "workshop.inspect"}

AREA = Area(
    name="workshop",
    permissions=PERMISSIONS,
    grants={
        "service_advisor": _EDIT,
        "foreman": _EDIT | {"workshop.clock", "workshop.clock_others", "workshop.catalogue"},
        # A technician clocks and sees the work, not what it costs.
        "technician": _VIEW | {"workshop.clock", "workshop.inspect"},
        "parts_clerk": _VIEW | {"workshop.parts"},
        "cashier": _VIEW | {"workshop.costs", "workshop.invoice"},
        "sales_manager": _VIEW,
        "read_only": _VIEW,
    },
    lists=(REPAIR_ORDERS,),
    import_kinds=(LABOUR_OPS, CAMPAIGNS),
    export_kinds=(
        ExportKind("repair-orders", "repair orders with their hours, amounts and invoices",
                   exports.export_repair_orders, period="optional"),
        ExportKind("labour-lines", "the labour lines of repair orders, with hours sold and clocked",
                   exports.export_labour_lines, period="optional"),
    ),
)
