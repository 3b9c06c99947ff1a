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

    def board(ctx):
        from ui.workshop.board import ForemanBoardScreen

        return ForemanBoardScreen(ctx)

    def clock(ctx):
        from ui.workshop.clock import TechnicianClockScreen

        return TechnicianClockScreen(ctx)

    def time_report(ctx):
        from ui.workshop.time_report import TechnicianTimeScreen

        return TechnicianTimeScreen(ctx)

    def operations(ctx):
        from ui.workshop.operations import LabourOperationsScreen

        return LabourOperationsScreen(ctx)

    def reception(ctx):
        from ui.workshop.reception import ReceptionScreen

        return ReceptionScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Workshop")
    return [
        Page("repair_orders", section, QCoreApplication.translate("MainWindow", "Repair orders"),
             "workshop.view", repair_orders, "Ctrl+5"),
        Page("reception", section, QCoreApplication.translate("MainWindow", "Reception"), "workshop.edit", reception,
             "Ctrl+7"),
        Page("workshop_calendar", section, QCoreApplication.translate("MainWindow", "Calendar"),
             "workshop.view", calendar, "Ctrl+6"),
        Page("foreman_board", section, QCoreApplication.translate("MainWindow", "Foreman board"),
             "workshop.view", board),
        Page("technician_clock", section, QCoreApplication.translate("MainWindow", "Technician clock"),
             "workshop.clock", clock),
        Page("technician_time", section, QCoreApplication.translate("MainWindow", "Technician time"),
             "workshop.correct_time", time_report),
        Page("vehicle_history", section, QCoreApplication.translate("MainWindow", "Vehicle history"),
             "workshop.view", vehicle_history, "Ctrl+Shift+H"),
        Page("surveys", section, QCoreApplication.translate("MainWindow", "Surveys"), "workshop.surveys", surveys),
        Page("labour_operations", section, QCoreApplication.translate("MainWindow", "Labour operations"),
             "workshop.view", operations),
    ]
