"""The workshop area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def repair_orders(ctx):
        from ui.workshop.screen import RepairOrdersScreen

        return RepairOrdersScreen(ctx)

    def reception(ctx):
        from ui.workshop.reception import ReceptionScreen

        return ReceptionScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Workshop")
    return [
        Page("repair_orders", section, QCoreApplication.translate("MainWindow", "Repair orders"),
             "workshop.view", repair_orders, "Ctrl+5"),
        Page("reception", section, QCoreApplication.translate("MainWindow", "Reception"), "workshop.edit", reception,
             "Ctrl+7"),
    ]
