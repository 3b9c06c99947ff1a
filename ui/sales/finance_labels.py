"""The words finance and insurance, trade-in and target screens show for their codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Finance", text)


def loan_status_labels() -> dict[str, str]:
    return {"submitted": _t("Submitted"), "approved": _t("Approved"), "rejected": _t("Rejected"),
            "paid_out": _t("Paid out")}


def policy_kind_labels() -> dict[str, str]:
    return {"compulsory": _t("Compulsory (CTPL)"), "commercial": _t("Commercial"), "other": _t("Other")}


def trade_in_status_labels() -> dict[str, str]:
    return {"appraised": _t("Appraised"), "accepted": _t("Accepted"), "declined": _t("Declined"),
            "taken_in": _t("Taken into stock")}


def condition_area_labels() -> dict[str, str]:
    return {"body": _t("Body"), "paint": _t("Paint"), "interior": _t("Interior"), "engine": _t("Engine"),
            "gearbox": _t("Gearbox"), "tyres": _t("Tyres"), "electrics": _t("Electrics")}


def grade_labels() -> dict[str, str]:
    return {"good": _t("Good"), "fair": _t("Fair"), "poor": _t("Poor")}


def reconditioning_labels() -> dict[str, str]:
    return {"body_paint": _t("Body and paint"), "mechanical": _t("Mechanical"), "tyres": _t("Tyres"),
            "cleaning": _t("Cleaning"), "other": _t("Other")}


def yes_no_labels() -> dict[bool, str]:
    return {True: _t("Yes"), False: _t("No")}
