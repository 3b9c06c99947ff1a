"""The customers area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def customers(ctx):
        from ui.customers.screen import CustomersScreen

        return CustomersScreen(ctx)

    def duplicates(ctx):
        from ui.customers.duplicates import DuplicatesScreen

        return DuplicatesScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Sales")
    return [
        Page("customers", section, QCoreApplication.translate("MainWindow", "Customers"),
             "customer.view", customers, "Ctrl+1"),
        Page("customer_duplicates", section, QCoreApplication.translate("MainWindow", "Duplicate customers"),
             "customer.merge", duplicates),
    ]
