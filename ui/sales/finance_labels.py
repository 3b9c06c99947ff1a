"""The words finance and insurance, trade-in and target screens show for their codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def loan_status_labels() -> dict[str, str]:
    return {
        "submitted": QCoreApplication.translate("Finance", "Submitted"),
        "approved": QCoreApplication.translate("Finance", "Approved"),
        "rejected": QCoreApplication.translate("Finance", "Rejected"),
        "paid_out": QCoreApplication.translate("Finance", "Paid out"),
    }


def policy_kind_labels() -> dict[str, str]:
    return {
        "compulsory": QCoreApplication.translate("Finance", "Compulsory (CTPL)"),
        "commercial": QCoreApplication.translate("Finance", "Commercial"),
        "other": QCoreApplication.translate("Finance", "Other"),
    }


def trade_in_status_labels() -> dict[str, str]:
    return {
        "appraised": QCoreApplication.translate("Finance", "Appraised"),
        "accepted": QCoreApplication.translate("Finance", "Accepted"),
        "declined": QCoreApplication.translate("Finance", "Declined"),
        "taken_in": QCoreApplication.translate("Finance", "Taken into stock"),
    }


def condition_area_labels() -> dict[str, str]:
    return {
        "body": QCoreApplication.translate("Finance", "Body"),
        "paint": QCoreApplication.translate("Finance", "Paint"),
        "interior": QCoreApplication.translate("Finance", "Interior"),
        "engine": QCoreApplication.translate("Finance", "Engine"),
        "gearbox": QCoreApplication.translate("Finance", "Gearbox"),
        "tyres": QCoreApplication.translate("Finance", "Tyres"),
        "electrics": QCoreApplication.translate("Finance", "Electrics"),
    }


def grade_labels() -> dict[str, str]:
    return {
        "good": QCoreApplication.translate("Finance", "Good"),
        "fair": QCoreApplication.translate("Finance", "Fair"),
        "poor": QCoreApplication.translate("Finance", "Poor"),
    }


def reconditioning_labels() -> dict[str, str]:
    return {
        "body_paint": QCoreApplication.translate("Finance", "Body and paint"),
        "mechanical": QCoreApplication.translate("Finance", "Mechanical"),
        "tyres": QCoreApplication.translate("Finance", "Tyres"),
        "cleaning": QCoreApplication.translate("Finance", "Cleaning"),
        "other": QCoreApplication.translate("Finance", "Other"),
    }
