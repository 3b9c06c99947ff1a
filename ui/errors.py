"""One way to show an error (STYLE §9): a short message, details behind a button, traceback logged."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import DatabaseProblem, DomainError, PermissionDenied, ValidationError
from ui.messages import error_text, is_refusal

log = logging.getLogger("forecourt.ui")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong. Domain errors are their own message; anything else is logged
    with its traceback and shown as a short apology with details."""
    if isinstance(exc, PermissionDenied):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Not allowed"),
                            QCoreApplication.translate("Errors", "You do not have permission to do this.")
                            + "\n\n" + error_text(exc))
        return
    if is_refusal(exc):
        # The action cannot be done as the record stands: nothing typed is wrong.
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Not possible now"), error_text(exc))
        return
    if isinstance(exc, ValidationError):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Please check your input"),
                            error_text(exc))
        return
    if isinstance(exc, DatabaseProblem):
        QMessageBox.critical(parent, QCoreApplication.translate("Errors", "Database problem"), error_text(exc))
        return
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Forecourt"), error_text(exc))
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Something went wrong"))
    box.setText(QCoreApplication.translate(
        "Errors", "Forecourt hit an unexpected problem. Your saved work is safe; the action you were "
                    "doing may not have completed."))
    box.setInformativeText(f"{type(exc).__name__}: {exc}")
    box.setDetailedText(details)
    box.exec()


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    app = QApplication.instance()
    parent = app.activeWindow() if isinstance(app, QApplication) else None
    try:
        show_error(parent, exc)
    except Exception:
        log.exception("Could not show the error dialog")
        log.error("Original error: %s", "".join(traceback.format_exception(exc_type, exc, tb)))


def install_excepthook() -> None:
    """Unexpected errors in slots and event handlers become a dialog and a log entry; the app goes on."""
    sys.excepthook = _excepthook
