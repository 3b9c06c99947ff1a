"""The sales area's words for its codes, in the reader's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def deal_status_labels() -> dict[str, str]:
    """Deal status (models.sales.DEAL_STATUSES) → name."""
    return {
        "quotation": QCoreApplication.translate("SalesLabels", "Quotation"),
        "ordered": QCoreApplication.translate("SalesLabels", "Ordered"),
        "invoiced": QCoreApplication.translate("SalesLabels", "Invoiced"),
        "delivered": QCoreApplication.translate("SalesLabels", "Delivered"),
        "cancelled": QCoreApplication.translate("SalesLabels", "Cancelled"),
    }


def approval_labels() -> dict[str, str]:
    """Deal approval state (models.sales.APPROVAL_STATES) → name."""
    return {
        "not_needed": QCoreApplication.translate("SalesLabels", "Within limits"),
        "pending": QCoreApplication.translate("SalesLabels", "Waiting for approval"),
        "approved": QCoreApplication.translate("SalesLabels", "Approved"),
        "sent_back": QCoreApplication.translate("SalesLabels", "Sent back"),
    }


def line_kind_labels() -> dict[str, str]:
    """Deal line kind (models.sales.DEAL_LINE_KINDS) → name."""
    return {
        "vehicle": QCoreApplication.translate("SalesLabels", "Vehicle"),
        "option": QCoreApplication.translate("SalesLabels", "Option"),
        "accessory": QCoreApplication.translate("SalesLabels", "Accessory"),
        "fee": QCoreApplication.translate("SalesLabels", "Fee"),
        "insurance": QCoreApplication.translate("SalesLabels", "Insurance premium"),
    }


def checklist_labels() -> dict[str, str]:
    """Delivery checklist item (services.sales.delivery.CHECKLIST) → name."""
    return {
        "invoice": QCoreApplication.translate("SalesLabels", "Invoice posted"),
        "payment": QCoreApplication.translate("SalesLabels", "Paid, or finance approved"),
        "pdi": QCoreApplication.translate("SalesLabels", "PDI check"),
        "documents": QCoreApplication.translate("SalesLabels", "Documents received"),
        "trade_in": QCoreApplication.translate("SalesLabels", "Trade-in taken in"),
        "registration": QCoreApplication.translate("SalesLabels", "Registration"),
        "keys": QCoreApplication.translate("SalesLabels", "Keys handed over"),
    }
