"""The sales area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def leads(ctx):
        from ui.sales.leads import LeadsScreen

        return LeadsScreen(ctx)

    def follow_ups(ctx):
        from ui.sales.leads import FollowUpsScreen

        return FollowUpsScreen(ctx)

    def finance(ctx):
        from ui.sales.finance import FinanceScreen

        return FinanceScreen(ctx)

    def trade_ins(ctx):
        from ui.sales.trade_ins import TradeInsScreen

        return TradeInsScreen(ctx)

    def targets(ctx):
        from ui.sales.targets import SalesTargetsScreen

        return SalesTargetsScreen(ctx)

    def deals(ctx):
        from ui.sales.deals import DealsScreen

        return DealsScreen(ctx)

    def approvals(ctx):
        from ui.sales.approvals import ApprovalsScreen

        return ApprovalsScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Showroom")
    return [
        Page("leads", section, QCoreApplication.translate("MainWindow", "Leads"), "lead.view", leads, "Ctrl+8"),
        Page("lead_follow_ups", section, QCoreApplication.translate("MainWindow", "My follow-ups"), "lead.edit",
             follow_ups),
        Page("deals", section, QCoreApplication.translate("MainWindow", "Deals"), "deal.view", deals, "Ctrl+9"),
        Page("deal_approvals", section, QCoreApplication.translate("MainWindow", "Approvals"), "deal.approve",
             approvals, "Ctrl+0"),
        Page("finance", section, QCoreApplication.translate("MainWindow", "Finance & insurance"), "deal.view",
             finance),
        Page("trade_ins", section, QCoreApplication.translate("MainWindow", "Trade-ins"), "deal.view", trade_ins),
        Page("sales_targets", section, QCoreApplication.translate("MainWindow", "Sales targets"), "target.edit",
             targets),
    ]
