"""Translated names for the billing codes (invoice types, statuses, payment methods, item types).

Services hold the codes; these are what a user reads. Fresh dicts each call, so a language switched
at login applies to screens made afterwards. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from ui.context import AppContext


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


def method_labels(ctx: AppContext | None = None) -> dict[str, str]:
    """Payment method (models.billing.PAYMENT_METHODS) → name; with ``ctx`` the dealership's own
    methods too (read from the settings)."""
    labels = {
        "cash": QCoreApplication.translate("BillingLabels", "Cash"),
        "wechat_pay": QCoreApplication.translate("BillingLabels", "WeChat Pay"),
        "alipay": QCoreApplication.translate("BillingLabels", "Alipay"),
        "unionpay_card": QCoreApplication.translate("BillingLabels", "UnionPay card"),
        "card": QCoreApplication.translate("BillingLabels", "Card"),
        "bank_transfer": QCoreApplication.translate("BillingLabels", "Bank transfer"),
        "finance_payout": QCoreApplication.translate("BillingLabels", "Finance company payout"),
        "insurance_payout": QCoreApplication.translate("BillingLabels", "Insurance payout"),
        "voucher": QCoreApplication.translate("BillingLabels", "Voucher"),
        "trade_in": QCoreApplication.translate("BillingLabels", "Trade-in vehicle"),
        "deposit": QCoreApplication.translate("BillingLabels", "Deposit taken earlier"),
    }
    if ctx is not None:
        from services.billing import methods

        labels.update(methods.method_names(ctx.db))
    return labels


def method_choices(ctx: AppContext, *, refund: bool = False) -> list[tuple[str, str]]:
    """(code, name) of the methods a payment may be taken by, in the dealership's order; paying with
    credit already held comes last, except for a refund (which pays money out). GUI thread."""
    from services.billing import methods

    labels = method_labels(ctx)
    codes = methods.offered(ctx.db)
    if not refund:
        codes.append(methods.CREDIT_METHOD)
    return [(code, labels.get(code, code)) for code in codes]


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
