"""Translated words for the codes of vehicle stock (status, condition, added costs, documents, age). GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def stock_status_labels() -> dict[str, str]:
    return {
        "on_order": QCoreApplication.translate("StockLabels", "On order"),
        "in_transit": QCoreApplication.translate("StockLabels", "In transit"),
        "in_stock": QCoreApplication.translate("StockLabels", "In stock"),
        "reserved": QCoreApplication.translate("StockLabels", "Reserved"),
        "sold": QCoreApplication.translate("StockLabels", "Sold"),
        "delivered": QCoreApplication.translate("StockLabels", "Delivered"),
    }

def condition_labels() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("StockLabels", "New"),
        "used": QCoreApplication.translate("StockLabels", "Used"),
    }

def cost_kind_labels() -> dict[str, str]:
    return {
        "freight": QCoreApplication.translate("StockLabels", "Freight"),
        "reconditioning": QCoreApplication.translate("StockLabels", "Reconditioning"),
        "accessories": QCoreApplication.translate("StockLabels", "Accessories fitted"),
        "registration": QCoreApplication.translate("StockLabels", "Registration"),
        "other": QCoreApplication.translate("StockLabels", "Other"),
        "purchase_correction": QCoreApplication.translate("StockLabels", "Purchase cost corrected"),
    }

def document_kind_labels() -> dict[str, str]:
    return {
        "certificate_of_conformity": QCoreApplication.translate("StockLabels", "Certificate of conformity"),
        "import_documents": QCoreApplication.translate("StockLabels", "Import documents"),
        "keys": QCoreApplication.translate("StockLabels", "Keys"),
        "registration": QCoreApplication.translate("StockLabels", "Registration papers"),
        "other": QCoreApplication.translate("StockLabels", "Other documents"),
    }

def age_band_labels() -> dict[str, str]:
    return {
        "0_30": QCoreApplication.translate("StockLabels", "Up to 30 days"),
        "31_60": QCoreApplication.translate("StockLabels", "31–60 days"),
        "61_90": QCoreApplication.translate("StockLabels", "61–90 days"),
        "91_180": QCoreApplication.translate("StockLabels", "91–180 days"),
        "over_180": QCoreApplication.translate("StockLabels", "Over 180 days"),
    }
