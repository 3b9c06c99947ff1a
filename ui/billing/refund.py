"""Pay money back to a customer: the unallocated rest of one of their payments, or credit they hold.

A refund is a negative payment of the cash desk's day: a cash refund leaves the drawer (the day's
expected cash falls by it) and the journal credits the method's account against the customer's
credit. The amount offered is what the payments service allows on the chosen date.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.billing import payments
from ui.billing.labels import method_choices, method_labels
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label, run_dialog


class RefundDialog(FormDialog):
    """``saved_id`` is the refund's id once paid. ``payment_id`` preselects the receipt it returns."""

    def __init__(self, ctx: AppContext, *, customer: tuple[str, str], payment_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.customer_id, name = customer
        self.saved_id: str | None = None
        self.available = 0
        self.setWindowTitle(self.tr("Refund to %1").replace("%1", name))
        self.setMinimumWidth(560)

        sources = [s for s in payments.credit_sources(ctx.db, ctx.actor, self.customer_id) if s.kind == "payment"]
        if payment_id is not None and not any(s.id == payment_id for s in sources):
            raise ValidationError("status", QCoreApplication.translate(
                "RefundDialog", "Nothing of this payment is left to refund: it is allocated to invoices or "
                                "refunded already"))
        labels = method_labels()
        self.source = QComboBox()
        self.source.setObjectName("refund_of")
        self.source.addItem(self.tr("Credit held by the customer"), None)
        for s in sources:
            self.source.addItem(self.tr("Payment of %1 · %2 · %3 left")
                                .replace("%1", date_text(s.on)).replace("%2", labels.get(s.method, s.method))
                                .replace("%3", money_text(s.remaining, self.currency)), s.id)
        self._sources = {s.id: s for s in sources}
        self.method = QComboBox()
        self.method.setObjectName("method")
        for code, label in method_choices(ctx, refund=True):
            self.method.addItem(label, code)
        self.amount = MoneyEdit(self.currency, field="amount", required=True)
        self.amount.setObjectName("amount")
        self.paid_on = DateEdit()
        self.paid_on.setObjectName("on")
        self.paid_on.setMaximumWidth(140)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why the money goes back, for the receipt and the audit trail"))
        self.available_hint = hint_label()
        self.available_hint.setObjectName("refundAvailable")
        self.drawer_hint = hint_label()
        self.drawer_hint.setObjectName("drawerHint")

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("refund_of_id", self.tr("Refund &of"), self.source)
        form.addRow("", self.available_hint)
        self.errors.add_row("amount", self.tr("&Amount"), self.amount)
        self.errors.add_row("method", self.tr("Paid &by"), self.method)
        form.addRow("", self.drawer_hint)
        self.errors.add_row("on", self.tr("&Date"), self.paid_on)
        self.errors.add_row("reason", self.tr("&Reason"), self.reason)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Refund"))
        ok.setToolTip(self.tr("Record the refund (Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        heading = QLabel(name)
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.source.currentIndexChanged.connect(lambda _i: self._source_changed())
        self.paid_on.dateChanged.connect(lambda _d: self._show_available())
        self.method.currentIndexChanged.connect(lambda _i: self._show_drawer())
        if payment_id is not None:
            self.source.setCurrentIndex(self.source.findData(payment_id))
        self._source_changed()
        self.amount.setFocus()
        self.amount.selectAll()

    def _source_changed(self) -> None:
        source = self._sources.get(self.source.currentData())
        if source is not None:
            index = self.method.findData(source.method)
            if index >= 0:
                self.method.setCurrentIndex(index)
        self._show_available()
        self.amount.set_value(self.available or None)
        self._show_drawer()

    def _show_available(self) -> None:
        """What the payments service allows to pay back on the chosen date, from the chosen source."""
        self.available = payments.refund_available(self.ctx.db, self.ctx.actor, self.customer_id,
                                                   on=self.paid_on.value(), refund_of_id=self.source.currentData())
        self.available_hint.setText(self.tr("Up to %1 can be refunded on %2.")
                                    .replace("%1", money_text(self.available, self.currency))
                                    .replace("%2", date_text(self.paid_on.value())))

    def _show_drawer(self) -> None:
        self.drawer_hint.setText(self.tr("Paid out of the cash drawer: the cash expected at the day's close "
                                         "falls by this amount.") if self.method.currentData() == "cash"
                                 else self.tr("Paid back through the method chosen; the cash drawer is not "
                                              "touched."))

    def save(self) -> None:
        try:
            amount = self.amount.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, customer_id = self.ctx.db, self.ctx.actor, self.customer_id
        method, reason, on, refund_of = (self.method.currentData(), self.reason.text(), self.paid_on.value(),
                                         self.source.currentData())
        self.submit(lambda: payments.refund(db, actor, customer_id=customer_id, amount=amount, method=method,
                                            reason=reason, refund_of_id=refund_of, on=on))

    @classmethod
    def ask(cls, ctx: AppContext, *, customer: tuple[str, str], payment_id: str | None = None,
            parent: QWidget | None = None) -> str | None:
        """Refund to the customer; the refund's id, or None if cancelled."""
        return run_dialog(parent, lambda: cls(ctx, customer=customer, payment_id=payment_id, parent=parent),
                          lambda d: d.saved_id)
