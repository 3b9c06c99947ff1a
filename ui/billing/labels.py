"""Translated names for the billing codes (invoice types, statuses, payment methods, item types).

Services hold the codes; these are what a user reads. Fresh dicts each call, so a language switched
at login applies to screens made afterwards. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_labels() -> dict[str, str]:
    """Invoice type → name."""
    return {
        "vehicle_sale": QCoreApplication.translate("BillingLabels", "Vehicle sale"),
        "workshop": QCoreApplication.translate("BillingLabels", "Workshop"),
        "counter_sale": QCoreApplication.translate("BillingLabels", "Counter sale"),
        "other": QCoreApplication.translate("BillingLabels", "Other"),
        "credit_note": QCoreApplication.translate("BillingLabels", "Credit note"),
    }


def status_labels() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("BillingLabels", "Draft"),
        "posted": QCoreApplication.translate("BillingLabels", "Posted"),
    }


def method_labels() -> dict[str, str]:
    """Payment method (models.billing.PAYMENT_METHODS) → name."""
    return {
        "cash": QCoreApplication.translate("BillingLabels", "Cash"),
        "card": QCoreApplication.translate("BillingLabels", "Card"),
        "bank_transfer": QCoreApplication.translate("BillingLabels", "Bank transfer"),
        "finance_payout": QCoreApplication.translate("BillingLabels", "Finance company payout"),
        "insurance_payout": QCoreApplication.translate("BillingLabels", "Insurance payout"),
        "voucher": QCoreApplication.translate("BillingLabels", "Voucher"),
        "deposit": QCoreApplication.translate("BillingLabels", "Deposit taken earlier"),
    }


def item_type_labels() -> dict[str, str]:
    """Invoice line item type (models.billing.ITEM_TYPES) → name."""
    return {
        "vehicle": QCoreApplication.translate("BillingLabels", "Vehicle"),
        "labour": QCoreApplication.translate("BillingLabels", "Labour"),
        "part": QCoreApplication.translate("BillingLabels", "Part"),
        "fee": QCoreApplication.translate("BillingLabels", "Fee"),
        "accessory": QCoreApplication.translate("BillingLabels", "Accessory"),
        "other": QCoreApplication.translate("BillingLabels", "Other"),
    }
