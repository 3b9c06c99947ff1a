"""Service messages in the user's language: the edge where an English :class:`core.messages.Message`
from a service is looked up in the translations (context "Service") and its parameters filled in,
and where a field key (``unit_price``) becomes the field's translated name (context "Field").
GUI thread, or any thread that only reads the installed translators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.errors import DomainError, PermissionDenied, ValidationError
from core.messages import field_label, render


def _service(template: str) -> str:
    return QCoreApplication.translate("Service", template)


def service_text(text: object) -> str:
    """A message of a service (a :class:`core.messages.Message` or plain text) in the user's language."""
    return render(text, _service)


def field_name(field: str) -> str:
    """The name of a field key as the user reads it, in their language (one table: context "Field")."""
    label = field_label(field)
    return QCoreApplication.translate("Field", label) if label else ""


# Fields that name the record's state, not something the user typed: an error on one is a refusal
# of the action ("the deal is delivered", "the checklist is open"), read without a field name.
REFUSAL_FIELDS = frozenset({"status", "checklist", "approval", "level", "clockings"})


def is_refusal(exc: BaseException) -> bool:
    """Whether ``exc`` refuses an action for the record's state rather than pointing at an input."""
    return isinstance(exc, ValidationError) and (not exc.field or exc.field in REFUSAL_FIELDS)


def detail_text(exc: ValidationError) -> str:
    """What is wrong with the field, in the user's language (without the field's name)."""
    return service_text(exc.detail)


def error_text(exc: BaseException) -> str:
    """A domain error as one line in the user's language; a field error names its field."""
    if isinstance(exc, ValidationError):
        detail = detail_text(exc)
        if not exc.field or exc.field in REFUSAL_FIELDS:
            return detail
        return QCoreApplication.translate("Errors", "%1: %2").replace("%1", field_name(exc.field)).replace("%2", detail)
    if isinstance(exc, PermissionDenied):
        # Named as the Roles screen names it, never by its code.
        from ui.admin.labels import permission_labels

        label = permission_labels().get(exc.permission, exc.permission)
        return QCoreApplication.translate("Errors", "Your role does not allow this: %1").replace("%1", label)
    if isinstance(exc, DomainError):
        return service_text(exc.message)
    return str(exc)
