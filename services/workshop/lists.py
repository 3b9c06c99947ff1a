"""Workshop: the lists of the workshop area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource

REPAIR_ORDERS = ListSource(
    name="repair_orders",
    permission="workshop.view",
    from_sql="repair_order r JOIN customer c ON c.id = r.customer_id JOIN vehicle v ON v.id = r.vehicle_id",
    id_sql="r.id",
    tiebreak_sql="r.rowid",
    columns=(
        Column("number", "r.number", width=150),
        Column("opened_on", "r.opened_on", kind="date", width=90),
        Column("status", "r.status", width=95),
        Column("plate", "v.plate", width=90),
        Column("customer", "c.name", sortable=False, width=140),
        Column("vehicle", "trim(coalesce(v.make, '') || ' ' || coalesce(v.model, ''))", sortable=False, width=130),
        Column("advisor", "r.advisor", width=90),
        Column("mileage_in", "r.mileage_in", kind="int", width=80),
        Column("promised_at", "r.promised_at", kind="datetime", width=130),
        Column("vin", "v.vin", sortable=False, width=160),
    ),
    filters=(
        Filter("status", "r.status = :value"),
        Filter("open", "(r.status NOT IN ('invoiced', 'closed')) = :value", kind="bool"),
    ),
    search_sql=("(r.number LIKE :search ESCAPE '\\' OR v.plate LIKE :search ESCAPE '\\' "
                "OR v.vin LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\')"),
    default_sort="opened_on",
    default_descending=True,
)

APPOINTMENTS = ListSource(
    name="appointments",
    permission="workshop.view",
    from_sql=("appointment a JOIN customer c ON c.id = a.customer_id JOIN vehicle v ON v.id = a.vehicle_id "
              "LEFT JOIN workshop_resource b ON b.id = a.bay_id"),
    id_sql="a.id",
    tiebreak_sql="a.rowid",
    columns=(
        Column("starts_at", "a.starts_at", kind="datetime", width=130),
        Column("status", "a.status", width=90),
        Column("plate", "v.plate", width=90),
        Column("customer", "c.name", sortable=False, width=140),
        Column("requested_work", "a.requested_work", sortable=False, width=200),
        Column("booked_hours", "a.booked_hours", kind="int", width=70),
        Column("advisor", "a.advisor", width=90),
        Column("technician", "a.technician", width=90),
        Column("bay", "b.name", sortable=False, width=80),
        Column("parts_note", "a.parts_note", sortable=False, width=160),
    ),
    filters=(
        Filter("status", "a.status = :value"),
        Filter("day", "a.starts_at >= :value_from AND a.starts_at <= :value_to", kind="date_range"),
    ),
    search_sql="(v.plate LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\')",
    default_sort="starts_at",
)
