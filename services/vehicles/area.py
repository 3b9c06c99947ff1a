"""The vehicles area: customers' and stock vehicles, VIN-checked and decoded."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.search import SearchKind, compact, normalize, short_grams
from services.vehicles import files
from services.vehicles.lists import CATALOGUE_MODELS, STOCK_VEHICLES, VEHICLES

PERMISSIONS = {
    "vehicle.view": "View vehicles",
    "vehicle.edit": "Create and edit vehicles",
    "vehicle.delete": "Delete vehicles",
    "vehicle.catalogue": "Edit the vehicle catalogue and list prices",
    "vehicle.stock": "Add stock vehicles, move them in, cost them",
}

_VIEW, _EDIT = {"vehicle.view"}, {"vehicle.view", "vehicle.edit"}


def vehicle_doc(r) -> dict:
    title = " ".join(x for x in (r.plate, r.make, r.model) if x) or r.vin
    detail = " · ".join(x for x in (r.vin, str(r.model_year or ""), r.owner_name or "") if x)
    body = " | ".join(x for x in (
        normalize(r.vin), compact(r.plate), normalize(r.make), normalize(r.model),
        normalize(r.owner_name or "")) if x)
    # The owner's name is in the body, so it must be in the short index too: otherwise a
    # two-character owner name would find the car only when written with three characters or more.
    return {"kind": "vehicle", "ref_id": r.id, "title": title, "detail": detail, "body": body,
            "grams": short_grams(compact(r.plate), r.owner_name or "")}


VEHICLE_SEARCH = SearchKind(
    name="vehicle", permission="vehicle.view", id_column="v.id", build=vehicle_doc,
    sql="""
SELECT v.id, v.vin, v.plate, v.make, v.model, v.model_year, v.colour, c.name AS owner_name
FROM vehicle v LEFT JOIN customer c ON c.id = v.owner_id WHERE 1 = 1 {ids}
""")

AREA = Area(
    name="vehicles",
    permissions=PERMISSIONS,
    grants={
        # A salesperson sells from stock; what comes into stock and what it cost is the sales manager's.
        "sales_manager": frozenset(PERMISSIONS), "salesperson": frozenset(_EDIT),
        "service_advisor": frozenset(_EDIT), "foreman": frozenset(_EDIT), "technician": frozenset(_VIEW),
        "parts_clerk": frozenset(_VIEW), "cashier": frozenset(_VIEW), "read_only": frozenset(_VIEW),
    },
    lists=(VEHICLES, STOCK_VEHICLES, CATALOGUE_MODELS),
    search_kinds=(VEHICLE_SEARCH,),
    import_kinds=(files.VEHICLES,),
    export_kinds=(
        ExportKind("vehicles", "every vehicle the dealership knows, with its stock number and stock status "
                   "(both empty for a customer's car that is not in stock)", files.export_vehicles),
    ),
)
