"""Typed domain errors. The edge (CLI, UI) turns them into a short message; none is a crash."""

from __future__ import annotations

from core.messages import msg


class DomainError(Exception):
    """Base of every error a user can cause or fix. ``str(exc)`` is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input. ``field`` names the field (or ``row``/``file`` for imports) at fault."""

    def __init__(self, field: str, message: str, *, errors: dict[str, str] | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.detail = message
        self.errors = errors or {field: message}


class PermissionDenied(DomainError):
    def __init__(self, permission: str, who: str = "") -> None:
        super().__init__(msg("Permission denied: {who} may not {permission}", who=who, permission=permission) if who
                         else msg("Permission denied: may not {permission}", permission=permission))
        self.permission = permission


class NotFound(DomainError):
    pass


class Conflict(DomainError):
    pass


class AuthenticationFailed(DomainError):
    pass


class AccountLocked(AuthenticationFailed):
    pass


class DatabaseProblem(DomainError):
    """The database file cannot be used: missing, locked, read-only, damaged or too new."""

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class FileProblem(DomainError):
    """A file could not be written or read: ``path`` names it, ``cause`` says why in plain words
    (the disk is full, the folder is read-only …)."""

    def __init__(self, path: object, cause: str, *, verb: str = "write") -> None:
        text = (msg("Cannot read {path}: {cause}", path=str(path), cause=cause) if verb == "read"
                else msg("Cannot write {path}: {cause}", path=str(path), cause=cause))
        super().__init__(text)
        self.path = path
        self.cause = cause


class Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__(msg("Cancelled"))
