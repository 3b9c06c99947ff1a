"""The sales area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def deals(ctx):
        from ui.sales.deals import DealsScreen

        return DealsScreen(ctx)

    def approvals(ctx):
        from ui.sales.approvals import ApprovalsScreen

        return ApprovalsScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Sales")
    return [
        Page("deals", section, QCoreApplication.translate("MainWindow", "Deals"), "deal.view", deals),
        Page("deal_approvals", section, QCoreApplication.translate("MainWindow", "Approvals"), "deal.approve",
             approvals),
    ]
