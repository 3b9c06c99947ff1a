"""The one list of areas, and loading what they declare into the shared registries.

Adding an area means adding its packages (``services/<area>/`` with ``area.py``, ``ui/<area>/``
with ``area.py``, ``app/commands/<area>.py``) and one line here.
"""

from __future__ import annotations

from services import lists, permissions, search
from services.admin import area as admin
from services.area import Area, ExportKind
from services.billing import area as billing
from services.customers import area as customers
from services.imports import framework as imports
from services.parts import area as parts
from services.sales import area as sales
from services.vehicles import area as vehicles
from services.workshop import area as workshop

# In the order of the main window's navigation.
AREAS: tuple[Area, ...] = (customers.AREA, vehicles.AREA, sales.AREA, billing.AREA, parts.AREA, workshop.AREA,
                           admin.AREA)

EXPORTS: dict[str, ExportKind] = {}
_loaded = False


def load() -> tuple[Area, ...]:
    """Register every area's permissions, lists, search kinds, import and export kinds. Idempotent;
    called when a database is opened, so every entry point has them."""
    global _loaded
    if not _loaded:
        for area in AREAS:
            permissions.declare(area.permissions, area.grants)
            for source in area.lists:
                lists.register(source)
            for kind in area.search_kinds:
                search.register(kind)
            for kind in area.import_kinds:
                imports.register(kind)
            for export in area.export_kinds:
                EXPORTS[export.name] = export
        _loaded = True
    return AREAS
