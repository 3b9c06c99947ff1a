"""The sales area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def finance(ctx):
        from ui.sales.finance import FinanceScreen

        return FinanceScreen(ctx)

    def trade_ins(ctx):
        from ui.sales.trade_ins import TradeInsScreen

        return TradeInsScreen(ctx)

    def targets(ctx):
        from ui.sales.targets import SalesTargetsScreen

        return SalesTargetsScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Sales")
    return [
        Page("finance", section, QCoreApplication.translate("MainWindow", "Finance & insurance"), "deal.view",
             finance),
        Page("trade_ins", section, QCoreApplication.translate("MainWindow", "Trade-ins"), "deal.view", trade_ins),
        Page("sales_targets", section, QCoreApplication.translate("MainWindow", "Sales targets"), "target.edit",
             targets),
    ]
