"""Translated names for the parts codes (movement types, purchase order statuses). Fresh dicts each
call, so a language switched at login applies to screens made afterwards. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.quantities import quantity_text
from services.parts.purchasing import ReorderLevels


def unit_text(unit: str) -> str:
    """A part's unit as shown: the default unit ("pcs") in the user's language, others as typed."""
    return QCoreApplication.translate("PartsLabels", "pcs") if unit == "pcs" else unit


def unit_value(shown: str) -> str:
    """The unit to store for what the unit field shows (the shown default is stored as "pcs")."""
    return "pcs" if shown.strip() == unit_text("pcs") else shown


def movement_labels() -> dict[str, str]:
    """Stock movement type → name."""
    return {
        "receipt": QCoreApplication.translate("PartsLabels", "Receipt"),
        "issue": QCoreApplication.translate("PartsLabels", "Issue to job"),
        "return_from_job": QCoreApplication.translate("PartsLabels", "Return from job"),
        "counter_sale": QCoreApplication.translate("PartsLabels", "Counter sale"),
        "customer_return": QCoreApplication.translate("PartsLabels", "Customer return"),
        "adjustment": QCoreApplication.translate("PartsLabels", "Adjustment"),
        "count_variance": QCoreApplication.translate("PartsLabels", "Count variance"),
        "transfer": QCoreApplication.translate("PartsLabels", "Transfer"),
    }


def order_status_labels() -> dict[str, str]:
    """Purchase order status → name."""
    return {
        "draft": QCoreApplication.translate("PartsLabels", "Draft"),
        "sent": QCoreApplication.translate("PartsLabels", "Sent"),
        "partly_received": QCoreApplication.translate("PartsLabels", "Partly received"),
        "received": QCoreApplication.translate("PartsLabels", "Received"),
        "closed": QCoreApplication.translate("PartsLabels", "Closed"),
        "cancelled": QCoreApplication.translate("PartsLabels", "Cancelled"),
    }


def count_status_labels() -> dict[str, str]:
    """Stock count status → name."""
    return {
        "open": QCoreApplication.translate("PartsLabels", "Open"),
        "counting": QCoreApplication.translate("PartsLabels", "Counting"),
        "posted": QCoreApplication.translate("PartsLabels", "Posted"),
        "cancelled": QCoreApplication.translate("PartsLabels", "Cancelled"),
    }


def suggested_text(stored: int, suggested: int) -> str:
    """A stored level, with the reorder rule's figure labelled as a suggestion where it differs:
    "10 (suggested 3)"."""
    if stored == suggested:
        return quantity_text(stored)
    return QCoreApplication.translate("PartsLabels", "%1 (suggested %2)").replace(
        "%1", quantity_text(stored)).replace("%2", quantity_text(suggested))


def levels_text(levels: ReorderLevels) -> str:
    """A part's minimum / maximum, with the reorder rule's figures labelled as a suggestion where they
    differ: "0 / 0 (suggested 3 / 5)". The one way a part's levels are written on screen."""
    text = f"{quantity_text(levels.min_qty)} / {quantity_text(levels.max_qty)}"
    if not levels.differs:
        return text
    return text + " " + QCoreApplication.translate("PartsLabels", "(suggested %1 / %2)").replace(
        "%1", quantity_text(levels.suggested_min)).replace("%2", quantity_text(levels.suggested_max))
