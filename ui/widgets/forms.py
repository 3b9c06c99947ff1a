"""Form helpers: fields with their validation message shown next to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.errors import DomainError, ValidationError
from ui.errors import show_error
from ui.messages import detail_text
from ui.workers import Op

if TYPE_CHECKING:
    from ui.context import AppContext


def error_label() -> QLabel:
    """A field-error label (styled like the ones :class:`FieldErrors` makes), hidden until it has a
    message."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def hint_label(text: str = "") -> QLabel:
    """A quiet line of help under a field or a table."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class FieldErrors:
    """Maps service field names to widgets; shows a :class:`ValidationError` beside its field."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add_row(self, field: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = error_label()
        box.addWidget(error)
        self.form.addRow(label, holder)
        # The label's mnemonic must focus the field itself, not the holder around it.
        buddy = self.form.labelForField(holder)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.widgets[field] = widget
        self.labels[field] = error
        for name in ("textChanged", "currentIndexChanged", "valueChanged", "dateChanged", "toggled"):
            signal = getattr(widget, name, None)
            if signal is not None:
                # A corrected field loses its error as soon as it changes.
                signal.connect(lambda *_args, f=field: self.clear_field(f))
                break
        return widget

    def clear_field(self, field: str) -> None:
        """Withdraw the error shown beside ``field``, if any. GUI thread."""
        label, widget = self.labels.get(field), self.widgets.get(field)
        if label is None or widget is None or (label.isHidden() and not widget.property("invalid")):
            return
        label.hide()
        label.clear()
        widget.setProperty("invalid", False)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()
            label.clear()
        for widget in self.widgets.values():
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show(self, exc: ValidationError) -> bool:
        """Show ``exc`` next to its field and focus it; False if the form has no such field."""
        self.clear()
        field = exc.field.split(".")[0].split("[")[0] if exc.field not in self.labels else exc.field
        label = self.labels.get(exc.field) or self.labels.get(field)
        widget = self.widgets.get(exc.field) or self.widgets.get(field)
        if label is None or widget is None:
            return False
        label.setText(detail_text(exc))
        label.show()
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.setFocus()
        return True


class FormDialog(QDialog):
    """A dialog whose Save runs a service call on the database worker (STYLE §5). A validation
    error appears next to its field, anything else as a message; on success the dialog broadcasts
    the change, remembers the saved id and closes. Subclasses set ``ctx``, ``errors`` and ``buttons``."""

    ctx: AppContext
    errors: FieldErrors
    buttons: QDialogButtonBox
    saved_id: str | None = None

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, **kwargs: Any) -> str | None:
        """Open the dialog (``kwargs`` go to its constructor) and wait: the id it saved, or None when
        it was closed without saving — or could not open, which the user is told (the record is gone)."""
        try:
            dialog = cls(ctx, parent=parent, **kwargs)  # type: ignore[call-arg]
        except DomainError as exc:
            show_error(parent, exc)
            return None
        saved = dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return saved

    def submit(self, work: Callable[[], Any]) -> None:
        """Run ``work()`` (worker thread); its result, if a string, is the id of the saved record. What
        it changed reaches the screens through the change broadcast."""
        self.errors.clear()
        self.buttons.setEnabled(False)
        self.op = Op(self, lambda _progress, _cancel: work()).success(
            self._saved).failure(self._failed).run()

    def after_save(self, result: Any) -> None:
        """Hook run after a successful save, before the dialog closes (GUI thread)."""

    def _saved(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        if isinstance(result, str):
            self.saved_id = result
        self.after_save(result)
        self.accept()

    def show_field_error(self, exc: ValidationError) -> bool:
        """Show ``exc`` beside what it names; False if this dialog has no such field. Dialogs with
        grids override it to point at a row."""
        return self.errors.show(exc)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError) and self.show_field_error(exc):
            grow_to_fit(self)
            return
        show_error(self, exc)


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for what it now shows (a wrapped error under a field would be
    clipped: a shown window keeps its height), within the screen it is on. GUI thread."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    need = max(need, layout.totalMinimumSize().height())
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height())
    if need > window.height():
        window.resize(width, need)


D = TypeVar("D", bound=QDialog)


def run_dialog(parent: QWidget | None, make: Callable[[], D], result: Callable[[D], Any]) -> Any:
    """Make a dialog with ``make()``, run it modally and return ``result(dialog)`` if it was accepted,
    else None. A dialog that cannot open (its record is gone, the user may not) says why instead."""
    try:
        dialog = make()
    except DomainError as exc:
        show_error(parent, exc)
        return None
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = result(dialog) if accepted else None
    dialog.deleteLater()
    return value


class AskReasonDialog(QDialog):
    """Says what is about to happen and asks why (the audit trail keeps the reason): a message, one
    reason line, and a button that goes ahead only with a reason. Subclasses pass their own words;
    ``reason`` is the line typed, ``error`` says a reason is missing."""

    def __init__(self, *, title: str, message: str, go: str, missing: str, placeholder: str = "",
                 keep: str = "", name: str = "reason", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing = missing
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.message = QLabel(message)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName(name)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(placeholder)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("AskReasonDialog", "&Reason"), self.reason)
        label = form.labelForField(self.reason)
        if isinstance(label, QLabel):
            label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(go)
        if keep:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(keep)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda _t: self.error.hide())
        self.reason.setFocus()

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.missing)
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()
