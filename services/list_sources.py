"""The lists of the app. Each area adds its own here."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource, register
from services.permissions import ROLES

CUSTOMERS = register(ListSource(
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
))

VEHICLES = register(ListSource(
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
))

USERS = register(ListSource(
    name="users",
    permission="user.admin",
    from_sql="user_account u",
    id_sql="u.id",
    columns=(
        Column("username", "u.username", width=120),
        Column("display_name", "u.display_name", width=180),
        Column("role", "u.role_code", width=140),
        Column("active", "u.active", kind="bool", width=60),
        Column("locked_until", "u.locked_until", kind="datetime"),
        Column("last_login_at", "u.last_login_at", kind="datetime"),
    ),
    filters=(
        Filter("role", "u.role_code = :value", choices=tuple(ROLES.items())),
        Filter("active", "u.active = :value", kind="bool"),
    ),
    search_sql="(u.username LIKE :search ESCAPE '\\' OR u.display_name LIKE :search ESCAPE '\\')",
    default_sort="username",
))

ROLES_LIST = register(ListSource(
    name="roles",
    permission="role.admin",
    from_sql="role r",
    id_sql="r.code",
    columns=(
        Column("code", "r.code", width=130),
        Column("name", "r.name", width=200),
        Column("builtin", "r.builtin", kind="bool", width=70),
        Column("permissions", "(SELECT count(*) FROM role_permission p WHERE p.role_code = r.code)",
               kind="int", width=90),
        Column("users", "(SELECT count(*) FROM user_account u WHERE u.role_code = r.code)", kind="int", width=70),
    ),
    search_sql="(r.code LIKE :search ESCAPE '\\' OR r.name LIKE :search ESCAPE '\\')",
    default_sort="code",
))

AUDIT = register(ListSource(
    name="audit",
    permission="audit.view",
    from_sql="audit_entry a",
    id_sql="a.seq",
    columns=(
        Column("seq", "a.seq", kind="int", width=70),
        Column("at", "a.at", kind="datetime", width=130),
        Column("actor", "a.actor", width=110),
        Column("terminal", "a.terminal", sortable=False, width=70),
        Column("action", "a.action", width=90),
        Column("entity", "a.entity", width=110),
        Column("entity_id", "a.entity_id", sortable=False, width=150),
        Column("summary", "a.summary", sortable=False, width=200),
        Column("before", "a.before", sortable=False, width=250),
        Column("after", "a.after", sortable=False, width=250),
    ),
    filters=(
        Filter("actor", "a.actor = :value", kind="text"),
        Filter("entity", "a.entity = :value", kind="text"),
        Filter("action", "a.action = :value", kind="text"),
        Filter("entity_id", "a.entity_id = :value", kind="text"),
        Filter("at", "a.at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_sql="(a.entity_id LIKE :search ESCAPE '\\' OR a.summary LIKE :search ESCAPE '\\' "
               "OR a.actor LIKE :search ESCAPE '\\')",
    default_sort="seq",
    default_descending=True,
))
