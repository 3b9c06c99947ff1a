"""Roles and named permissions (DESIGN §5). Services call :func:`require`; the UI only hides."""

from __future__ import annotations

from core.actor import Actor
from core.errors import PermissionDenied

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
    "invoice.view": "View invoices and payments",
    "invoice.edit": "Create and edit draft invoices",
    "invoice.post": "Post invoices",
    "invoice.credit": "Issue credit notes",
    "payment.take": "Take and allocate payments",
    "payment.refund": "Refund payments",
    "cashdesk.close": "Close the cash desk day",
    "receivables.view": "View receivables and statements",
    "thirdparty.edit": "Record rebates and insurance claims",
    "accounting.export": "Export accounting journals",
    "part.view": "View parts and stock",
    "part.edit": "Create and edit parts, prices and suppliers",
    "part.import": "Import catalogues, price lists and counts",
    "stock.adjust": "Adjust stock and post count variances",
    "stock.count": "Run stock counts",
    "purchase.edit": "Create and send purchase orders",
    "purchase.receive": "Receive goods",
    "sync.view": "See the changes waiting to sync",
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

_BILL_VIEW = {"invoice.view", "receivables.view"}
_PARTS = {"part.view", "part.edit", "part.import", "stock.adjust", "stock.count", "purchase.edit",
          "purchase.receive"}
_BILL_SELL = _BILL_VIEW | {"invoice.edit", "invoice.post", "payment.take"}

DEFAULT_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "owner": frozenset(PERMISSIONS),
    "sales_manager": frozenset(_VIEW | _EDIT_MASTER | _BILL_SELL | {"part.view",
        "customer.delete", "vehicle.delete", "data.export", "audit.view", "invoice.credit", "thirdparty.edit"}),
    "salesperson": frozenset(_VIEW | _EDIT_MASTER | {"data.export", "invoice.view", "invoice.edit"}),
    "service_advisor": frozenset(_VIEW | _EDIT_MASTER | {"data.export", "invoice.view", "invoice.edit",
                                                         "thirdparty.edit", "part.view"}),
    "foreman": frozenset(_VIEW | {"vehicle.edit", "data.export", "part.view"}),
    "technician": frozenset({"vehicle.view", "part.view"}),
    "parts_clerk": frozenset(_VIEW | _PARTS | {"data.export", "invoice.view", "invoice.edit"}),
    "cashier": frozenset(_VIEW | _BILL_SELL | {"customer.edit", "data.export", "invoice.credit", "payment.refund",
                                              "cashdesk.close", "accounting.export"}),
    "read_only": frozenset(_VIEW | _BILL_VIEW | {"part.view"}),
}


def require(actor: Actor, permission: str) -> None:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    if not actor.can(permission):
        raise PermissionDenied(permission, actor.username)


def system_actor(os_user: str, *, terminal: str = "") -> Actor:
    """The acting OS user of a CLI command: full rights over a file they can already read."""
    return Actor(username=f"os:{os_user}", role="owner", permissions=frozenset(PERMISSIONS),
                 display_name=os_user, terminal=terminal)
