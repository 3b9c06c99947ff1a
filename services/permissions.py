"""Roles and named permissions (DESIGN §5). Services call :func:`require`; the UI only hides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from core.actor import Actor
from core.errors import PermissionDenied

# Every permission the system knows, with an English label for the Roles screen. Each area declares
# its own (services/<area>/area.py); :func:`declare` adds them when the areas are loaded.
PERMISSIONS: dict[str, str] = {}

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

# What each built-in role may do by default, filled from the areas' grants ("owner" gets everything).
DEFAULT_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {role: frozenset() for role in ROLES}


def declare(permissions: Mapping[str, str], grants: Mapping[str, Iterable[str]]) -> None:
    """Add an area's permissions and the built-in roles' default grants of them. Idempotent."""
    unknown_roles = set(grants) - set(ROLES)
    if unknown_roles:
        raise KeyError(f"grants name unknown roles {sorted(unknown_roles)}")
    PERMISSIONS.update(permissions)
    for role, granted in grants.items():
        granted = frozenset(granted)
        undeclared = granted - set(PERMISSIONS)
        if undeclared:
            raise KeyError(f"grants of {role} name undeclared permissions {sorted(undeclared)}")
        DEFAULT_ROLE_PERMISSIONS[role] = DEFAULT_ROLE_PERMISSIONS[role] | granted
    DEFAULT_ROLE_PERMISSIONS["owner"] = frozenset(PERMISSIONS)


def require(actor: Actor, permission: str) -> None:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    if not actor.can(permission):
        raise PermissionDenied(permission, actor.username)


def require_any(actor: Actor, *permissions: str) -> None:
    """Refuse unless ``actor`` holds at least one of ``permissions``."""
    for permission in permissions:
        if permission not in PERMISSIONS:
            raise KeyError(f"unknown permission {permission!r}")
    if not any(actor.can(p) for p in permissions):
        raise PermissionDenied(" or ".join(permissions), actor.username)


def system_actor(os_user: str, *, terminal: str = "") -> Actor:
    """The acting OS user of a CLI command: full rights over a file they can already read."""
    return Actor(username=f"os:{os_user}", role="owner", all_permissions=True, display_name=os_user,
                 terminal=terminal)
