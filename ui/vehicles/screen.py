"""Vehicles: the list, a detail pane and the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from services import vehicles
from ui.context import AppContext
from ui.vehicles.editor import fuel_labels
from ui.widgets.detail import fields, heading, link, paragraph
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape


class VehiclesScreen(ListScreen):
    detail_tables = ("customer",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "plate": self.tr("Plate"), "vin": self.tr("VIN"), "make": self.tr("Make"), "model": self.tr("Model"),
            "model_year": self.tr("Year"), "colour": self.tr("Colour"), "owner": self.tr("Owner"),
            "created_at": self.tr("Created"),
        }
        view = ListView(
            ctx, "vehicles", headers, noun_plural=self.tr("vehicles"),
            empty_text=self.tr("No vehicles yet. Press Ctrl+N to add one."),
            filters=[FilterSpec("has_owner", self.tr("Has owner"))],
            export_name="vehicles",
        )
        super().__init__(ctx, self.tr("Vehicles"), view, can_edit=ctx.can("vehicle.edit"), parent=parent)

    def read_detail(self, row_id: str) -> Callable[[], vehicles.VehicleDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: vehicles.get(db, actor, row_id)

    def render_detail(self, row_id: str, d: vehicles.VehicleDetail) -> str:
        v = d.data
        title = " ".join(x for x in (v.make, v.model, v.variant) if x)
        owner = (link(f"customer:{v.owner_id}", d.owner_name) if v.owner_id
                 else html_escape(self.tr("No owner (stock vehicle)")))
        html = [heading(title), paragraph(v.plate, bold=True)]
        html.append(fields([
            (self.tr("VIN"), v.vin),
            (self.tr("Decoded"), " · ".join(x for x in (d.decoded_make, d.decoded_country) if x)),
            (self.tr("Model year"), v.model_year),
            (self.tr("Colour"), v.colour),
            (self.tr("Fuel"), fuel_labels().get(v.fuel, v.fuel)),
            (self.tr("Registered"), v.registered_on),
            (self.tr("Odometer"), f"{v.odometer_km:,} km" if v.odometer_km is not None else ""),
            (self.tr("Notes"), v.notes),
            (self.tr("Last changed"), f"{d.updated_at[:16]} · {d.updated_by}"),
        ]))
        html.append(paragraph(self.tr("Owner") + ": ", markup=owner))
        if self.ctx.can("workshop.view"):
            html.append(paragraph(markup=link(f"vehicle-history:{row_id}", self.tr("Service history"))))
        for w in d.warnings:
            html.append(paragraph(w, hint=True))
        return "".join(html)

    def new_record(self) -> None:
        from ui.vehicles.editor import VehicleDialog

        new_id = VehicleDialog.ask(self.ctx, None, parent=self)
        if new_id:
            self.list.reload()
            self.open_record(new_id)

    def edit_record(self, row_id: str) -> None:
        from ui.vehicles.editor import VehicleDialog

        VehicleDialog.ask(self.ctx, row_id, parent=self)
