"""Customers: the lists of the customers area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource

CUSTOMERS = ListSource(
    name="customers",
    permission="customer.view",
    from_sql="customer c",
    id_sql="c.id",
    tiebreak_sql="c.rowid",
    columns=(
        Column("name", "c.name", width=170),
        Column("kind", "c.kind", width=70),
        Column("phone", "c.phone", kind="phone", width=120),
        Column("email", "c.email", width=170),
        Column("city", "c.city", width=80),
        Column("id_number", "c.id_number", sortable=False),
        Column("active", "c.active", kind="bool", sortable=False, width=50),
        Column("created_at", "c.created_at", kind="datetime"),
    ),
    filters=(
        Filter("kind", "c.kind = :value", choices=(("person", "Person"), ("company", "Company"))),
        Filter("active", "c.active = :value", kind="bool"),
        Filter("created", "c.created_at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_kind="customer",
    default_sort="name",
)
