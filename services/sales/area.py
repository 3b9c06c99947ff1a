"""The sales area: leads, deals, their approvals, finance and insurance, and salespeople's targets.
The customer record and the vehicles (stock included) are their own areas."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.sales import leads, targets
from services.sales.finance_lists import FINANCE_LISTS
from services.sales.lead_lists import LEAD_TASKS, LEADS

PERMISSIONS = {
    "lead.view": "View leads, test drives and follow-ups",
    "lead.edit": "Create and work leads, log test drives",
    "lead.confirm_lost": "Confirm a salesperson's lost lead",
    "deal.view": "View deals and quotations",
    "deal.edit": "Quote, order, cancel and deliver deals",
    "deal.approve": "Approve deals above a salesperson's limits",
    "finance.edit": "Record loan applications and insurance policies",
    "target.edit": "Set salespeople's targets and see their commissions",
}

_VIEW = {"lead.view", "deal.view"}
_SELL = _VIEW | {"lead.edit", "deal.edit", "finance.edit"}

AREA = Area(
    name="sales",
    permissions=PERMISSIONS,
    grants={
        "sales_manager": frozenset(PERMISSIONS), "salesperson": frozenset(_SELL),
        "cashier": frozenset(_VIEW | {"finance.edit"}), "read_only": frozenset(_VIEW),
    },
    lists=(LEADS, LEAD_TASKS, *FINANCE_LISTS),
    export_kinds=(
        ExportKind("leads", "leads with their customer, model of interest, stage and follow-ups", leads.export_leads),
        ExportKind("sales-performance", "each salesperson's units and gross profit against target and commission, "
                   "month by month (this month without dates)", targets.export_performance, period="optional"),
    ),
)
