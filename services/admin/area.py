"""The administration area: users, roles, the audit trail, settings, backups and list exports."""

from __future__ import annotations

from services.admin.lists import AUDIT, ROLES_LIST, USERS
from services.area import Area

PERMISSIONS = {
    "data.export": "Export lists to files",
    "user.admin": "Manage users",
    "role.admin": "Manage roles and permissions",
    "audit.view": "Browse the audit trail",
    "settings.edit": "Change dealership settings",
    "backup.run": "Create and restore backups",
    "sync.view": "See the changes waiting to sync",
}

_EXPORT = frozenset({"data.export"})

AREA = Area(
    name="admin",
    permissions=PERMISSIONS,
    grants={
        "sales_manager": _EXPORT | {"audit.view"}, "salesperson": _EXPORT, "service_advisor": _EXPORT,
        "foreman": _EXPORT, "parts_clerk": _EXPORT, "cashier": _EXPORT,
    },
    lists=(USERS, ROLES_LIST, AUDIT),
)
