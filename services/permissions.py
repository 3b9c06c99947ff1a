"""Roles and named permissions (DESIGN §5). Services call :func:`require`; the UI only hides."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.errors import PermissionDenied

# Every permission the system knows, with an English label for the Roles screen.
PERMISSIONS: dict[str, str] = {
    "customer.view": "View customers",
    "customer.edit": "Create and edit customers",
    "customer.delete": "Delete customers",
    "vehicle.view": "View vehicles",
    "vehicle.edit": "Create and edit vehicles",
    "vehicle.delete": "Delete vehicles",
    "data.export": "Export lists to files",
    "user.admin": "Manage users",
    "role.admin": "Manage roles and permissions",
    "audit.view": "Browse the audit trail",
    "settings.edit": "Change dealership settings",
    "backup.run": "Create and restore backups",
}

ROLES: dict[str, str] = {
    "owner": "Owner / administrator",
    "sales_manager": "Sales manager",
    "salesperson": "Salesperson",
    "service_advisor": "Service advisor",
    "foreman": "Workshop foreman",
    "technician": "Technician",
    "parts_clerk": "Parts clerk",
    "cashier": "Cashier / accountant",
    "read_only": "Read-only",
}

_VIEW = {"customer.view", "vehicle.view"}
_EDIT_MASTER = {"customer.edit", "vehicle.edit"}

DEFAULT_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "owner": frozenset(PERMISSIONS),
    "sales_manager": frozenset(_VIEW | _EDIT_MASTER | {"customer.delete", "vehicle.delete", "data.export",
                                                       "audit.view"}),
    "salesperson": frozenset(_VIEW | _EDIT_MASTER | {"data.export"}),
    "service_advisor": frozenset(_VIEW | _EDIT_MASTER | {"data.export"}),
    "foreman": frozenset(_VIEW | {"vehicle.edit", "data.export"}),
    "technician": frozenset({"vehicle.view"}),
    "parts_clerk": frozenset(_VIEW | {"data.export"}),
    "cashier": frozenset(_VIEW | {"customer.edit", "data.export"}),
    "read_only": frozenset(_VIEW),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the OS user behind a CLI command."""

    username: str
    role: str
    permissions: frozenset[str] = field(default_factory=frozenset)
    user_id: str | None = None
    display_name: str = ""
    terminal: str = ""
    language: str = ""

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @classmethod
    def system(cls, os_user: str, *, terminal: str = "") -> Actor:
        """The acting OS user of a CLI command: full rights over a file they can already read."""
        return cls(username=f"os:{os_user}", role="owner", permissions=frozenset(PERMISSIONS),
                   display_name=os_user, terminal=terminal)


def require(actor: Actor, permission: str) -> None:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    if not actor.can(permission):
        raise PermissionDenied(permission, actor.username)
