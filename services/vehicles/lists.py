"""Vehicles: the lists of the vehicles area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource

VEHICLES = ListSource(
    name="vehicles",
    permission="vehicle.view",
    from_sql="vehicle v LEFT JOIN customer o ON o.id = v.owner_id",
    id_sql="v.id",
    tiebreak_sql="v.rowid",
    columns=(
        Column("plate", "v.plate", width=90),
        Column("vin", "v.vin", width=160),
        Column("make", "v.make", width=100),
        Column("model", "v.model", width=110),
        Column("model_year", "v.model_year", kind="int", width=55),
        Column("colour", "v.colour", sortable=False, width=60),
        Column("owner", "o.name", sortable=False, width=120),
        Column("created_at", "v.created_at", kind="datetime"),
    ),
    filters=(
        Filter("make", "v.make = :value", kind="text"),
        Filter("has_owner", "(v.owner_id IS NOT NULL) = :value", kind="bool"),
        Filter("owner_id", "v.owner_id = :value", kind="text"),
    ),
    search_kind="vehicle",
    default_sort="created_at",
    default_descending=True,
)
