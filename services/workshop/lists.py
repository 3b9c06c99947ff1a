"""Workshop: the lists of the workshop area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import PERSON_NAME_SQL, Column, Filter, ListSource

# A person column reads as the name people call them by (the display name), the login where none.

REPAIR_ORDERS = ListSource(
    name="repair_orders",
    permission="workshop.view",
    from_sql=("repair_order r JOIN customer c ON c.id = r.customer_id JOIN vehicle v ON v.id = r.vehicle_id "
              "LEFT JOIN user_account ua ON ua.username = r.advisor"),
    id_sql="r.id",
    tiebreak_sql="r.rowid",
    columns=(
        Column("number", "r.number", width=150),
        Column("opened_on", "r.opened_on", kind="date", width=90),
        Column("status", "r.status", width=95),
        Column("plate", "v.plate", width=90),
        Column("customer", "c.name", sortable=False, width=140),
        Column("vehicle", "trim(coalesce(v.make, '') || ' ' || coalesce(v.model, ''))", sortable=False, width=130),
        Column("advisor", PERSON_NAME_SQL.format(u="ua", login="r.advisor"), width=90),
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
              "LEFT JOIN workshop_resource b ON b.id = a.bay_id LEFT JOIN user_account ua ON ua.username = a.advisor "
              "LEFT JOIN user_account ut ON ut.username = a.technician"),
    id_sql="a.id",
    tiebreak_sql="a.rowid",
    columns=(
        Column("starts_at", "a.starts_at", kind="datetime", width=130),
        Column("status", "a.status", width=90),
        Column("plate", "v.plate", width=90),
        Column("customer", "c.name", sortable=False, width=140),
        Column("requested_work", "a.requested_work", sortable=False, width=200),
        Column("booked_hours", "a.booked_hours", kind="hours", width=70),
        Column("advisor", PERSON_NAME_SQL.format(u="ua", login="a.advisor"), width=90),
        Column("technician", PERSON_NAME_SQL.format(u="ut", login="a.technician"), width=90),
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

SURVEYS = ListSource(
    name="surveys",
    permission="workshop.surveys",
    from_sql=("survey s JOIN repair_order r ON r.id = s.repair_order_id JOIN customer c ON c.id = r.customer_id "
              "JOIN vehicle v ON v.id = r.vehicle_id LEFT JOIN user_account ua ON ua.username = r.advisor"),
    id_sql="s.id",
    tiebreak_sql="s.rowid",
    columns=(
        Column("due_on", "s.due_on", kind="date", width=90),
        Column("number", "r.number", width=150),
        Column("customer", "c.name", sortable=False, width=120),
        Column("phone", "c.phone", sortable=False, width=110),
        Column("plate", "v.plate", width=90),
        Column("advisor", PERSON_NAME_SQL.format(u="ua", login="r.advisor"), width=80),
        Column("status", "s.status", width=80),
        Column("score", "s.score", kind="int", width=55),
        Column("answered_on", "s.answered_on", kind="date", width=90),
    ),
    filters=(
        Filter("status", "s.status = :value"),
    ),
    search_sql=("(r.number LIKE :search ESCAPE '\\' OR v.plate LIKE :search ESCAPE '\\' "
                "OR c.name LIKE :search ESCAPE '\\' OR c.phone LIKE :search ESCAPE '\\')"),
    default_sort="due_on",
)

FOLLOW_UP_TASKS = ListSource(
    name="follow_up_tasks",
    permission="workshop.surveys",
    from_sql=("follow_up_task t JOIN survey s ON s.id = t.survey_id JOIN repair_order r ON r.id = s.repair_order_id "
              "JOIN customer c ON c.id = r.customer_id LEFT JOIN user_account ua ON ua.username = t.assignee"),
    id_sql="t.id",
    tiebreak_sql="t.rowid",
    columns=(
        Column("due_on", "t.due_on", kind="date", width=90),
        Column("assignee", PERSON_NAME_SQL.format(u="ua", login="t.assignee"), width=80),
        Column("customer", "c.name", sortable=False, width=120),
        Column("phone", "c.phone", sortable=False, width=110),
        Column("number", "r.number", width=150),
        Column("score", "s.score", kind="int", width=55),
        Column("reason", "t.reason", sortable=False, width=200),
        Column("done_on", "t.done_on", kind="date", width=90),
    ),
    filters=(
        Filter("open", "(t.done_on IS NULL) = :value", kind="bool"),
    ),
    search_sql="(r.number LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\' OR t.assignee LIKE :search "
               "ESCAPE '\\')",
    default_sort="due_on",
)

LABOUR_OPERATIONS = ListSource(
    name="labour_operations",
    permission="workshop.view",
    from_sql="labour_operation o",
    id_sql="o.id",
    tiebreak_sql="o.rowid",
    columns=(
        Column("code", "o.code", width=110),
        Column("description", "o.description", width=260),
        Column("system", "o.system", width=110),
        Column("standard_hours", "o.standard_hours", kind="hours", width=80),
        Column("model_family", "o.model_family", width=110),
        Column("kit_parts", "(SELECT count(*) FROM labour_operation_part k WHERE k.operation_id = o.id)",
               kind="int", width=70),
        Column("active", "o.active", kind="bool", width=55),
    ),
    filters=(
        Filter("active", "o.active = :value", kind="bool"),
        Filter("system", "o.system = :value", kind="text"),
    ),
    # An operation is found by its words, or by a part number of its kit.
    search_sql="(o.code LIKE :search ESCAPE '\\' OR o.description LIKE :search ESCAPE '\\' "
               "OR o.system LIKE :search ESCAPE '\\' OR o.model_family LIKE :search ESCAPE '\\' "
               "OR EXISTS (SELECT 1 FROM labour_operation_part k JOIN part p ON p.id = k.part_id "
               "WHERE k.operation_id = o.id AND p.part_number LIKE :search ESCAPE '\\'))",
    default_sort="code",
)
