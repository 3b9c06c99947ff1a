"""Users, roles and the audit trail: the lists of the admin area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource
from services.permissions import ROLES

USERS = ListSource(
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
)

ROLES_LIST = ListSource(
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
)

AUDIT = ListSource(
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
        # The record as people know it: its number, part number, user name, name or code where the entry
        # holds one, else its id.
        Column("record", "coalesce(" + ", ".join(
            f"CASE WHEN json_valid(a.{side}) THEN json_extract(a.{side}, '$.{key}') END"
            for key in ("number", "part_number", "username", "name", "code") for side in ("after", "before"))
            + ", a.entity_id)", sortable=False, width=150),
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
)
