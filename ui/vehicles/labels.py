"""Translated words for the codes of vehicle stock (status, condition, added costs, documents, age)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("StockLabels", text)


def stock_status_labels() -> dict[str, str]:
    return {"on_order": _t("On order"), "in_transit": _t("In transit"), "in_stock": _t("In stock"),
            "reserved": _t("Reserved"), "sold": _t("Sold"), "delivered": _t("Delivered")}


def condition_labels() -> dict[str, str]:
    return {"new": _t("New"), "used": _t("Used")}


def cost_kind_labels() -> dict[str, str]:
    return {"freight": _t("Freight"), "reconditioning": _t("Reconditioning"),
            "accessories": _t("Accessories fitted"), "registration": _t("Registration"), "other": _t("Other")}


def document_kind_labels() -> dict[str, str]:
    return {"certificate_of_conformity": _t("Certificate of conformity"), "import_documents": _t("Import documents"),
            "keys": _t("Keys"), "registration": _t("Registration papers"), "other": _t("Other documents")}


def age_band_labels() -> dict[str, str]:
    return {"0_30": _t("Up to 30 days"), "31_60": _t("31–60 days"), "61_90": _t("61–90 days"),
            "91_180": _t("91–180 days"), "over_180": _t("Over 180 days")}
