"""Add a dated note to a customer (备注): who wrote it and when are recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from services import customers
from ui.context import AppContext
from ui.widgets.forms import FieldErrors, FormDialog


class NoteDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("Add note"))
        self.setMinimumWidth(480)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(160)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("text", self.tr("&Note"), self.text)
        hint = QLabel(self.tr("The note is kept with who wrote it and when, and shows in the customer's details and "
                              "timeline."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    def save(self) -> None:
        db, actor, cid, text = self.ctx.db, self.ctx.actor, self.customer_id, self.text.toPlainText()
        self.submit(lambda: customers.add_note(db, actor, cid, text))

    @classmethod
    def ask(cls, ctx: AppContext, customer_id: str, parent: QWidget | None = None) -> str | None:
        return super().ask(ctx, parent, customer_id=customer_id)
