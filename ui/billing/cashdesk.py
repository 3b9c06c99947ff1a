"""The cash desk: one terminal's day — receipts and refunds by method, the cash expected in the
drawer, the count, and closing the day. A closed day is shown read-only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.billing import cashdesk, payments
from store.changes import Changes
from ui.billing.labels import method_labels
from ui.context import AppContext
from ui.formatting import local_datetime, money_text
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, hint_label
from ui.widgets.list_view import ListView
from ui.workers import Op, Query


class CashDeskScreen(QWidget):
    """GUI thread. The report is read on the database worker whenever the day or the payments change."""

    def export(self) -> Op | None:
        return self.payments.export()

    def export_to(self, path: str) -> Op:
        """Write the day's payments, as shown, to ``path``."""
        return self.payments.export_to(path)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.report: cashdesk.DayReport | None = None
        self._generation = 0

        heading = QLabel(self.tr("Cash desk"))
        heading.setObjectName("screenTitle")
        self.day = DateEdit()
        self.day.setObjectName("day")
        self.day.setMaximumDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _d: self.load())
        day_label = QLabel(self.tr("&Day"))
        day_label.setBuddy(self.day)
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.clicked.connect(lambda: self.set_day(date.today()))
        self.terminal_label = QLabel()
        self.terminal_label.setObjectName("hint")
        self.state_label = QLabel()
        self.state_label.setObjectName("cashDayState")
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(day_label)
        bar.addWidget(self.day)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.terminal_label)
        bar.addStretch(1)
        bar.addWidget(self.state_label)

        # --- receipts by method
        self.methods = QTableWidget(0, 4)
        self.methods.setObjectName("byMethod")
        self.methods.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.methods.setHorizontalHeaderLabels([self.tr("Method"), self.tr("Received"), self.tr("Refunded"),
                                                self.tr("Net")])
        self.methods.verticalHeader().setVisible(False)
        self.methods.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.methods.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.methods.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.methods.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = QLabel(self.tr("No payments were taken on this day at this terminal."))
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.method_stack = QStackedWidget()
        self.method_stack.addWidget(self.methods)
        self.method_stack.addWidget(self.empty)
        by_method = QGroupBox(self.tr("Receipts by method"))
        QVBoxLayout(by_method).addWidget(self.method_stack)

        # --- the drawer
        self.opening_float = MoneyEdit(self.currency, field="opening_float")
        self.opening_float.setObjectName("opening_float")
        self.save_float_button = QPushButton(self.tr("Set &float"))
        self.save_float_button.setToolTip(self.tr("Record the cash in the drawer when the day started"))
        self.save_float_button.clicked.connect(self.save_float)
        self.cash_in = QLabel()
        self.cash_out = QLabel()
        self.expected = QLabel()
        self.expected.setObjectName("expectedCash")
        self.counted = MoneyEdit(self.currency, field="counted_cash")
        self.counted.setObjectName("counted_cash")
        self.counted.textChanged.connect(lambda _t: self._show_difference())
        self.counted.returnPressed.connect(self.close_day)
        self.difference = QLabel()
        self.difference.setObjectName("cashDifference")
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("Explain a difference, if there is one"))
        for label in (self.cash_in, self.cash_out, self.expected, self.difference):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        float_box = QWidget()
        fl = QHBoxLayout(float_box)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.opening_float, 1)
        fl.addWidget(self.save_float_button)
        self.errors.add_row("opening_float", self.tr("Opening &float"), float_box)
        self.errors.widgets["opening_float"] = self.opening_float
        form.addRow(self.tr("Cash received"), self.cash_in)
        form.addRow(self.tr("Cash refunded"), self.cash_out)
        form.addRow(self.tr("Expected in the drawer"), self.expected)
        self.errors.add_row("counted_cash", self.tr("&Counted cash"), self.counted)
        form.addRow(self.tr("Difference"), self.difference)
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        self.close_button = QPushButton(self.tr("C&lose day…"))
        self.close_button.setObjectName("closeDay")
        self.close_button.setToolTip(self.tr("Close the day with the counted cash; its payments can no longer "
                                             "change (Ctrl+Shift+D)"))
        self.close_button.clicked.connect(self.close_day)
        QShortcut(QKeySequence("Ctrl+Shift+D"), self, self.close_day,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.closed_hint = hint_label()
        drawer = QGroupBox(self.tr("Cash drawer"))
        dl = QVBoxLayout(drawer)
        dl.addLayout(form)
        dl.addWidget(self.closed_hint)
        self.report_button = QPushButton(self.tr("Day &report…"))
        self.report_button.setObjectName("dayReport")
        self.report_button.setToolTip(self.tr("Print the day-end report: receipts by method, the count, the "
                                              "difference and its reason"))
        self.report_button.clicked.connect(self.print_day_report)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        dl.addLayout(row)
        dl.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(by_method, 3)
        top.addWidget(drawer, 2)

        # --- the day's payments
        self.payments = ListView(
            ctx, "payments",
            {"paid_on": self.tr("Date"), "method": self.tr("Method"), "amount": self.tr("Amount"),
             "customer": self.tr("Customer"), "reference": self.tr("Reference"),
             "allocated": self.tr("Allocated"), "held_for": self.tr("Deposit for")},
            noun_plural=self.tr("payments"), empty_text=self.tr("No payments on this day."),
            export_name="payments", value_labels={"method": method_labels()})
        self.payments.fixed_filters["terminal"] = ctx.actor.terminal
        self.payments.current_changed.connect(self._payment_chosen)
        self.selected_payment: payments.PaymentRow | None = None
        self.refund_button = QPushButton(self.tr("&Refund…"))
        self.refund_button.setObjectName("refundPayment")
        self.refund_button.setToolTip(self.tr("Pay back what is left of the selected payment"))
        self.refund_button.clicked.connect(self.refund_selected)
        self.refund_button.setVisible(ctx.can("payment.refund"))
        self.refund_button.setEnabled(False)
        payments_box = QGroupBox(self.tr("Payments of the day"))
        pl = QVBoxLayout(payments_box)
        pl.addWidget(self.payments)
        self.receipt_button = QPushButton(self.tr("Print r&eceipt…"))
        self.receipt_button.setObjectName("printReceipt")
        self.receipt_button.setToolTip(self.tr("Print the receipt of the selected payment or refund"))
        self.receipt_button.clicked.connect(self.print_receipt)
        self.receipt_button.setEnabled(False)
        self.payment_buttons = QHBoxLayout()
        self.payment_buttons.addStretch(1)
        self.payment_buttons.addWidget(self.receipt_button)
        self.payment_buttons.addWidget(self.refund_button)
        pl.addLayout(self.payment_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(top)
        layout.addWidget(payments_box, 1)
        self.load()

    def focus_default(self) -> None:
        if self.counted.isEnabled():
            self.counted.setFocus()
        else:
            self.day.setFocus()

    def set_day(self, day: date) -> None:
        self.day.set_value(day)

    def selected_day(self) -> date:
        return self.day.value()

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        db, actor, day = self.ctx.db, self.ctx.actor, self.selected_day()
        # Exactly the payments the day's cash counts: a closed day's list ends at its close, and what
        # was taken after it shows on the next day, whose cash it is.
        self.payments.fixed_filters["cash_day"] = day.isoformat()
        self.payments.reload()

        def show(report: cashdesk.DayReport) -> None:
            if generation == self._generation:
                self.show_report(report)

        Query(self, lambda: cashdesk.day_report(db, actor, day=day)).success(show).run()

    def show_report(self, r: cashdesk.DayReport) -> None:
        self.report = r
        if self.payments.fixed_filters.get("terminal") != r.terminal:
            self.payments.set_fixed_filter("terminal", r.terminal)
        cur = self.currency
        self.terminal_label.setText(self.tr("Terminal %1").replace("%1", r.terminal))
        labels = method_labels()
        methods = [m for m in labels if m in r.receipts_by_method or m in r.refunds_by_method]
        methods += sorted((set(r.receipts_by_method) | set(r.refunds_by_method)) - set(methods))
        self.methods.setRowCount(len(methods) + (1 if methods else 0))
        rows = [(labels.get(m, m), r.receipts_by_method.get(m, 0), r.refunds_by_method.get(m, 0)) for m in methods]
        if methods:
            rows.append((self.tr("Total"), r.receipts_total, r.refunds_total))
        for i, (name, received, refunded) in enumerate(rows):
            total_row = i == len(methods)
            for col, text in enumerate((name, money_text(received, cur), money_text(refunded, cur) if refunded
                                        else "", money_text(received - refunded, cur))):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if total_row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.methods.setItem(i, col, item)
        self.method_stack.setCurrentWidget(self.methods if methods else self.empty)

        self.opening_float.set_value(r.opening_float)
        self.cash_in.setText(money_text(r.cash_receipts, cur))
        self.cash_out.setText(money_text(r.cash_refunds, cur))
        self.expected.setText(f"<b>{money_text(r.expected_cash, cur)}</b>")
        self.errors.clear()
        may_close = self.ctx.can("cashdesk.close") and not r.closed
        for widget in (self.opening_float, self.save_float_button, self.counted, self.notes, self.close_button):
            widget.setEnabled(may_close)
        if r.closed:
            self.counted.set_value(r.counted_cash)
            self.notes.setText(r.notes)
            self.state_label.setText(self.tr("Closed"))
            hint = (self.tr("Closed by %1 at %2. A closed day cannot be changed.")
                    .replace("%1", r.closed_by).replace("%2", local_datetime(r.closed_at)))
            if r.day == date.today():
                hint += " " + self.tr("Payments taken from now on are still dated today, but their money "
                                      "counts in tomorrow's cash, which opens by itself with the cash counted "
                                      "now as its float.")
            self.closed_hint.setText(hint)
        else:
            self.counted.clear()
            self.notes.clear()
            self.state_label.setText(self.tr("Open"))
            self.closed_hint.setText(
                self.tr("%n payment(s) taken after the day before was closed count in this day's cash.", "",
                        r.carried_in) if r.carried_in else "")
        self.state_label.setStyleSheet("color:#6b7280; font-weight:600" if r.closed
                                       else "color:#1f7a3a; font-weight:600")
        self._show_difference()

    def _show_difference(self) -> None:
        r = self.report
        counted = self.counted.value_or_none() if self.counted.text().strip() else None
        if r is None or counted is None:
            self.difference.setText("")
            return
        diff = counted - r.expected_cash
        colour = "#b3261e" if diff < 0 else ("#1f5fa8" if diff > 0 else "#1f7a3a")
        self.difference.setText(f"<span style='color:{colour}'>{money_text(diff, self.currency)}</span>")

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("payment", "cash_day", "setting"):
            self.load()

    # --- the selected payment -------------------------------------------------------------------
    def _payment_chosen(self, payment_id: str) -> None:
        self.selected_payment = None
        self._payment_buttons()
        if not payment_id:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def show(row: payments.PaymentRow) -> None:
            if self.payments.selected_id() == row.id:
                self.selected_payment = row
                self._payment_buttons()

        Query(self, lambda: payments.payment(db, actor, payment_id)).success(show).run()

    def _payment_buttons(self) -> None:
        row = self.selected_payment
        self.refund_button.setEnabled(row is not None and row.amount > 0 and row.allocated < row.amount)
        self.receipt_button.setEnabled(row is not None)

    def print_receipt(self) -> None:
        """Preview and print the selected payment's receipt (or a refund's slip)."""
        from ui.billing.payment import print_receipt

        row = self.selected_payment
        if row is not None:
            print_receipt(self.ctx, row.id, self)

    def print_day_report(self) -> None:
        """Preview and print the day-end report of the day shown (provisional while the day is open)."""
        from services.billing import receipts
        from ui.printing import print_document

        db, actor, day = self.ctx.db, self.ctx.actor, self.selected_day()
        name = f"cash-day-{day:%Y%m%d}.pdf"
        print_document(self, lambda out: receipts.day_report_pdf(db, actor, day, out),
                       title=self.tr("Cash desk day %1").replace("%1", day.isoformat()), save_name=name)

    def refund_selected(self) -> None:
        """Refund what is left of the selected receipt (a cash refund leaves the drawer)."""
        from ui.billing.refund import RefundDialog

        row = self.selected_payment
        if row is None or not self.refund_button.isEnabled():
            return
        RefundDialog.ask(self.ctx, customer=(row.customer_id, row.customer_name), payment_id=row.id, parent=self)

    # --- actions ------------------------------------------------------------------------------
    def save_float(self) -> None:
        try:
            amount = self.opening_float.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, day = self.ctx.db, self.ctx.actor, self.selected_day()
        Op(self, lambda _p, _c: cashdesk.set_opening_float(db, actor, day=day, amount=amount)).failure(
            self._failed).run()

    def close_day(self) -> None:
        r = self.report
        if r is None or r.closed or not self.close_button.isEnabled():
            return
        if not self.counted.text().strip():
            self.errors.show(ValidationError("counted_cash", self.tr("Count the cash in the drawer and enter it")))
            return
        try:
            counted = self.counted.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        if counted != r.expected_cash and not self.notes.text().strip():
            self.errors.show(ValidationError("notes", self.tr("The count differs from the expected cash: "
                                                              "give the reason")))
            return
        day = self.selected_day()
        answer = QMessageBox.question(
            self, self.tr("Close day"),
            self.tr("Close %1 with %2 counted (expected %3)? The day's payments can no longer change.")
            .replace("%1", day.isoformat()).replace("%2", money_text(counted, self.currency))
            .replace("%3", money_text(r.expected_cash, self.currency)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, notes = self.ctx.db, self.ctx.actor, self.notes.text()

        def done(report: cashdesk.DayReport) -> None:
            self.show_report(report)

        self.close_button.setEnabled(False)
        Op(self, lambda _p, _c: cashdesk.close_day(db, actor, day=day, counted_cash=counted, notes=notes)).success(
            done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if self.report is not None and not self.report.closed:
            self.close_button.setEnabled(self.ctx.can("cashdesk.close"))
        if isinstance(exc, ValidationError) and self.errors.show(exc):
            return
        from ui.errors import show_error

        show_error(self, exc)
