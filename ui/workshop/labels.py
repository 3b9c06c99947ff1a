"""The workshop's words shown to users: repair order statuses and pay types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
