"""The vehicles area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def vehicles(ctx):
        from ui.vehicles.screen import VehiclesScreen

        return VehiclesScreen(ctx)

    def stock_vehicles(ctx):
        from ui.vehicles.stock import StockScreen

        return StockScreen(ctx)

    def vehicle_catalogue(ctx):
        from ui.vehicles.catalogue import CatalogueScreen

        return CatalogueScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Sales")
    return [
        Page("vehicles", section, QCoreApplication.translate("MainWindow", "Vehicles"),
             "vehicle.view", vehicles, "Ctrl+2"),
        # The showroom's stock is the sales staff's (and the cashier's) business, not the workshop's.
        Page("stock_vehicles", section, QCoreApplication.translate("MainWindow", "Stock vehicles"),
             ("vehicle.stock", "deal.view"), stock_vehicles),
        Page("vehicle_catalogue", section, QCoreApplication.translate("MainWindow", "Vehicle catalogue"),
             "vehicle.catalogue", vehicle_catalogue),
    ]
