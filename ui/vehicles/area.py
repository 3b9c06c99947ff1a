"""The vehicles area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def vehicles(ctx):
        from ui.vehicles.screen import VehiclesScreen

        return VehiclesScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Sales")
    return [
        Page("vehicles", section, QCoreApplication.translate("MainWindow", "Vehicles"),
             "vehicle.view", vehicles, "Ctrl+2"),
    ]
