"""The parts area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def parts(ctx):
        from ui.parts.parts import PartsScreen

        return PartsScreen(ctx)

    def purchase_orders(ctx):
        from ui.parts.orders import PurchaseOrdersScreen

        return PurchaseOrdersScreen(ctx)

    def suppliers(ctx):
        from ui.parts.suppliers import SuppliersScreen

        return SuppliersScreen(ctx)

    def stock_alerts(ctx):
        from ui.parts.alerts import StockAlertsScreen

        return StockAlertsScreen(ctx)

    def stock_counts(ctx):
        from ui.parts.counts import StockCountsScreen

        return StockCountsScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Parts")
    return [
        Page("parts", section, QCoreApplication.translate("MainWindow", "Parts"), "part.view", parts, "Ctrl+4"),
        Page("purchase_orders", section, QCoreApplication.translate("MainWindow", "Purchase orders"),
             "cost.view", purchase_orders),
        Page("suppliers", section, QCoreApplication.translate("MainWindow", "Suppliers"), "cost.view", suppliers),
        Page("stock_alerts", section, QCoreApplication.translate("MainWindow", "Stock alerts"),
             "part.view", stock_alerts),
        Page("stock_counts", section, QCoreApplication.translate("MainWindow", "Stock counts"),
             "stock.count", stock_counts),
    ]
