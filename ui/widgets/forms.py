"""Form helpers: fields with their validation message shown next to them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from services.errors import ValidationError


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
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.form.addRow(label, holder)
        # The label's mnemonic must focus the field itself, not the holder around it.
        buddy = self.form.labelForField(holder)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.widgets[field] = widget
        self.labels[field] = error
        return widget

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
        label.setText(exc.detail)
        label.show()
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.setFocus()
        return True
