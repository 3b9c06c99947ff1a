"""The workshop area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def repair_orders(ctx):
        from ui.workshop.screen import RepairOrdersScreen

        return RepairOrdersScreen(ctx)

    def calendar(ctx):
        from ui.workshop.calendar import CalendarScreen

        return CalendarScreen(ctx)
    def vehicle_history(ctx):
        from ui.workshop.history import VehicleHistoryScreen

        return VehicleHistoryScreen(ctx)

    def surveys(ctx):
        from ui.workshop.surveys import SurveysScreen

        return SurveysScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Workshop")
    return [
        Page("repair_orders", section, QCoreApplication.translate("MainWindow", "Repair orders"),
             "workshop.view", repair_orders, "Ctrl+5"),
        Page("workshop_calendar", section, QCoreApplication.translate("MainWindow", "Calendar"),
             "workshop.view", calendar, "Ctrl+6"),
        Page("vehicle_history", section, QCoreApplication.translate("MainWindow", "Vehicle history"),
             "workshop.view", vehicle_history, "Ctrl+Shift+H"),
        Page("surveys", section, QCoreApplication.translate("MainWindow", "Surveys"), "workshop.surveys", surveys),
    ]
