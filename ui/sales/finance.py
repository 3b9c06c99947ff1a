"""Finance and insurance: a deal's loan applications, customers' insurance policies and the renewals due
in the next 30 days, one tab each (Ctrl+Tab moves between them), each searched, sorted and exported
like every list.

Keys: Ctrl+N new (a loan application or a policy), F2 or Enter edit; on a loan Ctrl+Shift+A approved,
Ctrl+Shift+J rejected, Ctrl+Shift+Y paid out (each asks the day); on a policy Ctrl+R renews it.
In a dialog Enter saves and Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.sales import finance, trade_ins
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.sales.finance_labels import loan_status_labels, policy_kind_labels
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.detail import fields, heading, paragraph
from ui.widgets.fields import DateEdit, MoneyEdit, PercentEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label
from ui.widgets.keys import LookupEdit
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op, Query


def _rate_text(rate_bp: int) -> str:
    return f"{rate_bp / 100:.2f}%"


def _hide_title(screen: ListScreen) -> None:
    # Inside the tabs the tab names the list; the page has one title.
    title = screen.findChild(QLabel, "screenTitle")
    if title is not None:
        title.hide()


class LoansPane(ListScreen):
    """The loan applications, newest first, with the selected one's details."""

    detail_tables = ("deal",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = loan_status_labels()
        headers = {"submitted_on": self.tr("Submitted"), "deal": self.tr("Deal"), "customer": self.tr("Customer"),
                   "lender": self.tr("Lender"), "amount": self.tr("Amount"), "term_months": self.tr("Term (months)"),
                   "rate_percent": self.tr("Rate %"), "status": self.tr("Status"), "decided_on": self.tr("Decided"),
                   "paid_out_on": self.tr("Paid out")}
        view = ListView(ctx, "loan_applications", headers, noun_plural=self.tr("loan applications"),
                        empty_text=self.tr("No loan applications yet. Press Ctrl+N to record one for a deal."),
                        filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items()))],
                        export_name="loan-applications", value_labels={"status": self.statuses})
        super().__init__(ctx, self.tr("Loan applications"), view, can_edit=ctx.can("finance.edit"), parent=parent)
        _hide_title(self)
        self.new_button.setText(self.tr("&New application"))
        self.new_button.setToolTip(self.tr("Record a loan application for a deal (Ctrl+N)"))
        self.moves: dict[str, QPushButton] = {}
        for status, text, key, tip in (
                ("approved", self.tr("&Approved…"), "Ctrl+Shift+A", self.tr("The lender approved it (Ctrl+Shift+A)")),
                ("rejected", self.tr("Re&jected…"), "Ctrl+Shift+J", self.tr("The lender rejected it (Ctrl+Shift+J)")),
                ("paid_out", self.tr("Paid &out…"), "Ctrl+Shift+Y",
                 self.tr("The lender paid the approved loan out (Ctrl+Shift+Y)"))):
            button = QPushButton(text, self)
            button.setObjectName(f"loan_{status}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=status: self.move_current(s))
            button.setVisible(self.can_edit)
            button.setEnabled(False)
            self.extra_buttons.addWidget(button)
            self.moves[status] = button
            if self.can_edit:
                QShortcut(QKeySequence(key), self, lambda s=status: self.move_current(s),
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def read_detail(self, row_id: str) -> Callable[[], finance.LoanView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: finance.get_loan(db, actor, row_id)

    def render_detail(self, row_id: str, data: finance.LoanView) -> str:
        currency = self.ctx.settings.currency
        return heading(f"{data.lender} · {data.deal_number}") + fields([
            (self.tr("Customer"), data.customer_name),
            (self.tr("Deal total"), money_text(data.deal_total, currency)),
            (self.tr("Amount"), money_text(data.amount, currency)),
            (self.tr("Term"), self.tr("%1 months").replace("%1", str(data.term_months))),
            (self.tr("Rate"), _rate_text(data.rate_bp)),
            (self.tr("Status"), self.statuses.get(data.status, data.status)),
            (self.tr("Submitted"), date_text(data.submitted_on)),
            (self.tr("Decided"), date_text(data.decided_on) if data.decided_on else ""),
            (self.tr("Paid out"), date_text(data.paid_out_on) if data.paid_out_on else ""),
            (self.tr("Reference"), data.reference),
            (self.tr("Notes"), data.notes),
        ])

    def detail_changed(self, data: Any | None) -> None:
        status = data.status if isinstance(data, finance.LoanView) else ""
        for target, button in self.moves.items():
            button.setEnabled(target in finance.LOAN_MOVES.get(status, ()))
        self.edit_button.setEnabled(status in ("submitted", "approved"))

    def new_record(self) -> None:
        saved = LoanDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        shown = self._shown_data if self._shown_id == row_id else None
        if isinstance(shown, finance.LoanView) and shown.status in ("paid_out", "rejected"):
            return
        LoanDialog.ask(self.ctx, self, loan_id=row_id)

    def move_current(self, status: str) -> None:
        shown = self._shown_data if self._shown_id == self.current_id else None
        if not isinstance(shown, finance.LoanView) or status not in finance.LOAN_MOVES.get(shown.status, ()):
            return
        LoanMoveDialog.ask(self.ctx, self, loan=shown, to_status=status)


class PoliciesPane(ListScreen):
    """Insurance policies (or, with ``renewals``, those whose renewal is due), with the selected
    one's details and its renewal."""

    detail_tables = ("customer", "vehicle", "deal")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, renewals: bool = False) -> None:
        self.kinds = policy_kind_labels()
        headers = {"ends_on": self.tr("Ends"), "customer": self.tr("Customer"), "vehicle": self.tr("Vehicle"),
                   "insurer": self.tr("Insurer"), "kind": self.tr("Type"), "policy_number": self.tr("Policy number"),
                   "premium": self.tr("Premium"), "commission": self.tr("Commission"),
                   "starts_on": self.tr("Starts"), "deal": self.tr("Deal"), "renewed": self.tr("Renewed")}
        filters = [FilterSpec("kind", self.tr("Type"), tuple(self.kinds.items()))]
        if renewals:
            headers.pop("renewed")
            view = ListView(ctx, "insurance_renewals_due", headers, noun_plural=self.tr("renewals due"),
                            empty_text=self.tr("No renewals due: no policy ends in the next 30 days without a "
                                               "renewal."),
                            filters=filters, export_name="renewals-due", value_labels={"kind": self.kinds})
        else:
            filters.append(FilterSpec("renewed", self.tr("Renewed")))
            view = ListView(ctx, "insurance_policies", headers, noun_plural=self.tr("insurance policies"),
                            empty_text=self.tr("No insurance policies yet. Press Ctrl+N to record one."),
                            filters=filters, export_name="insurance-policies", value_labels={"kind": self.kinds})
        self.renewals = renewals
        super().__init__(ctx, self.tr("Renewals due") if renewals else self.tr("Insurance policies"), view,
                         can_edit=ctx.can("finance.edit"), parent=parent)
        _hide_title(self)
        self.new_button.setText(self.tr("&New policy"))
        self.new_button.setToolTip(self.tr("Record an insurance policy (Ctrl+N)"))
        self.new_button.setVisible(self.can_edit and not renewals)
        self.renew_button = QPushButton(self.tr("&Renew…"), self)
        self.renew_button.setObjectName("renew")
        self.renew_button.setToolTip(self.tr("Record the policy that renews the selected one (Ctrl+R)"))
        self.renew_button.clicked.connect(self.renew_current)
        self.renew_button.setVisible(self.can_edit)
        self.renew_button.setEnabled(False)
        self.extra_buttons.addWidget(self.renew_button)
        if self.can_edit:
            QShortcut(QKeySequence("Ctrl+R"), self, self.renew_current,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def read_detail(self, row_id: str) -> Callable[[], finance.PolicyView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: finance.get_policy(db, actor, row_id)

    def render_detail(self, row_id: str, data: finance.PolicyView) -> str:
        currency = self.ctx.settings.currency
        p = data.data
        number = p.policy_number or self.tr("no number yet")
        html = [heading(f"{p.insurer} · {number}"), fields([
            (self.tr("Customer"), data.customer_name),
            (self.tr("Vehicle"), data.vehicle_text),
            (self.tr("Type"), self.kinds.get(p.kind, p.kind)),
            (self.tr("Premium"), money_text(p.premium, currency)),
            (self.tr("Commission"), money_text(p.commission, currency)),
            (self.tr("Cover"), f"{date_text(p.starts_on)} – {date_text(p.ends_on)}"),
            (self.tr("Renewal reminder from"), date_text(data.renewal_due_on)),
            (self.tr("Deal"), data.deal_number),
            (self.tr("Renews"), data.renewed_from_number or (self.tr("an earlier policy")
                                                             if data.renewed_from_id else "")),
            (self.tr("Notes"), p.notes),
        ])]
        if data.renewed_by_id:
            html.append(paragraph(self.tr("Renewed: the next policy is recorded."), hint=True))
        return "".join(html)

    def detail_changed(self, data: Any | None) -> None:
        self.renew_button.setEnabled(isinstance(data, finance.PolicyView) and not data.renewed_by_id)

    def new_record(self) -> None:
        if self.renewals:
            return
        saved = PolicyDialog.ask(self.ctx, self)
        if saved:
            self.list.reload()
            self.list.select_id(saved)

    def edit_record(self, row_id: str) -> None:
        PolicyDialog.ask(self.ctx, self, policy_id=row_id)

    def renew_current(self) -> None:
        shown = self._shown_data if self._shown_id == self.current_id else None
        if isinstance(shown, finance.PolicyView) and not shown.renewed_by_id:
            PolicyDialog.ask(self.ctx, self, renew_id=shown.id)


class FinanceScreen(QWidget):
    """Loan applications, insurance policies and renewals due, a tab each."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Finance & insurance"))
        title.setObjectName("screenTitle")
        self.loans = LoansPane(ctx)
        self.policies = PoliciesPane(ctx)
        self.renewals = PoliciesPane(ctx, renewals=True)
        self.panes: list[ListScreen] = [self.loans, self.policies, self.renewals]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("financeTabs")
        self.titles = [self.tr("&Loan applications"), self.tr("&Insurance policies"), self.tr("Renewals &due")]
        for i, pane in enumerate(self.panes):
            self.tabs.addTab(pane, self.titles[i])
        self.renewals.list.counted.connect(lambda n: self.tabs.setTabText(2, f"{self.titles[2]} ({n})"))
        self.tabs.currentChanged.connect(lambda _i: self.focus_default())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        # The pane's splitter is kept per page by the main window: the loans pane's stands for all.
        self.splitter = self.loans.splitter

    @property
    def current(self) -> ListScreen:
        return self.panes[self.tabs.currentIndex()]

    def focus_default(self) -> None:
        self.current.focus_default()

    def export(self) -> Op | None:
        return self.current.export()

    def export_to(self, path: str) -> Op:
        return self.current.export_to(path)

    def on_changed(self, changes: Changes) -> None:
        for pane in self.panes:
            pane.on_changed(changes)
        # A renewal or a new policy moves rows in and out of the renewals due, whatever their ids.
        if changes.touches("insurance_policy"):
            self.renewals.list.reload()

    def open_record(self, row_id: str) -> None:
        self.tabs.setCurrentWidget(self.policies)
        self.policies.open_record(row_id)


class LoanDialog(FormDialog):
    """A new loan application for a deal, or changes to one. Use :meth:`ask`; it returns the saved
    application's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, loan_id: str | None = None,
                 deal_number: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loan_id = loan_id
        self.deal_id: str | None = None
        self._serial = 0
        self.setWindowTitle(self.tr("Edit loan application") if loan_id else self.tr("New loan application"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        currency = ctx.settings.currency
        self.deal = LookupEdit(deal_number)
        self.deal.setObjectName("deal")
        self.deal.setPlaceholderText(self.tr("The deal's number, or its last digits"))
        self.deal.editingFinished.connect(self.look_up_deal)
        self.errors.add_row("deal_id", self.tr("&Deal"), self.deal)
        self.deal_info = hint_label()
        form.addRow("", self.deal_info)
        self.lender = QLineEdit()
        self.lender.setObjectName("lender")
        self.lender.setMaxLength(120)
        self.errors.add_row("lender", self.tr("&Lender"), self.lender)
        self.amount = MoneyEdit(currency, field="amount", required=True)
        self.amount.setObjectName("amount")
        self.errors.add_row("amount", self.tr("&Amount"), self.amount)
        self.term = QSpinBox()
        self.term.setObjectName("term_months")
        self.term.setRange(1, finance.MAX_TERM_MONTHS)
        self.term.setValue(36)
        self.term.setSuffix(self.tr(" months"))
        self.errors.add_row("term_months", self.tr("&Term"), self.term)
        self.rate = PercentEdit(field="rate_bp")
        self.rate.setObjectName("rate_bp")
        self.errors.add_row("rate_bp", self.tr("Yearly &rate (%)"), self.rate)
        self.submitted = DateEdit()
        self.submitted.setObjectName("submitted_on")
        self.errors.add_row("submitted_on", self.tr("&Submitted on"), self.submitted)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setMaxLength(80)
        self.errors.add_row("reference", self.tr("Lender's r&eference"), self.reference)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if loan_id:
            view = finance.get_loan(ctx.db, ctx.actor, loan_id)
            self.deal_id = view.deal_id
            self.deal.setText(view.deal_number)
            self.deal.setReadOnly(True)
            self.deal_info.setText(self._deal_text(view.customer_name, view.deal_total))
            self.lender.setText(view.lender)
            self.amount.set_value(view.amount)
            self.term.setValue(view.term_months)
            self.rate.set_value(view.rate_bp)
            self.submitted.set_value(view.submitted_on)
            self.reference.setText(view.reference)
            self.notes.setText(view.notes)
            self.lender.setFocus()
        else:
            if deal_number:
                self.look_up_deal()
            self.deal.setFocus()

    def _deal_text(self, customer: str, total: int) -> str:
        return self.tr("%1 · total %2").replace("%1", customer).replace(
            "%2", money_text(total, self.ctx.settings.currency))

    def look_up_deal(self) -> Query | None:
        """Find the deal typed and say whose it is (database worker)."""
        if self.loan_id:
            return None
        self._serial += 1
        serial, typed = self._serial, self.deal.text()
        db, actor = self.ctx.db, self.ctx.actor

        def arrived(found: finance.DealChoice | None) -> None:
            if serial != self._serial or not shiboken6.isValid(self):
                return
            self.deal_id = found.id if found else None
            if found:
                self.deal.setText(found.number)
                self.deal_info.setText(self._deal_text(found.customer_name, found.total))
            else:
                self.deal_info.setText(self.tr("No single deal has this number") if typed.strip() else "")

        self.lookup = Query(self, lambda: finance.deal_choice(db, actor, typed)).success(arrived).run()
        return self.lookup

    def save(self) -> None:
        self.errors.clear()
        try:
            amount, rate = self.amount.value(), self.rate.value()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, loan_id = self.ctx.db, self.ctx.actor, self.loan_id
        typed, known = self.deal.text(), self.deal_id
        values = dict(lender=self.lender.text(), amount=amount, term_months=self.term.value(), rate_bp=rate,
                      submitted_on=self.submitted.value(), reference=self.reference.text(), notes=self.notes.text())

        def work() -> str:
            deal_id = known
            if not loan_id:
                found = finance.deal_choice(db, actor, typed)
                deal_id = found.id if found else ""
            data = finance.LoanInput(deal_id=deal_id or "", **values)
            if loan_id:
                finance.update_loan(db, actor, loan_id, data)
                return loan_id
            return finance.create_loan(db, actor, data)

        self.submit(work)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)


class LoanMoveDialog(FormDialog):
    """The lender's decision or payout of a loan, on a day (today unless changed)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, loan: finance.LoanView,
                 to_status: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loan = loan
        self.to_status = to_status
        titles = {"approved": self.tr("Loan approved"), "rejected": self.tr("Loan rejected"),
                  "paid_out": self.tr("Loan paid out")}
        self.setWindowTitle(titles[to_status])
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(hint_label(f"{loan.lender} · {loan.deal_number} · "
                               f"{money_text(loan.amount, ctx.settings.currency)}"))
        self.day = DateEdit()
        self.day.setObjectName("on")
        self.errors.add_row("on", self.tr("&On"), self.day)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.day.setFocus()

    def save(self) -> None:
        db, actor, loan_id, status, day = self.ctx.db, self.ctx.actor, self.loan.id, self.to_status, self.day.value()
        self.submit(lambda: finance.move_loan(db, actor, loan_id, status, on=day))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, loan: finance.LoanView, to_status: str) -> bool:
        dialog = cls(ctx, parent, loan=loan, to_status=to_status)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return done


class PolicyDialog(FormDialog):
    """A new insurance policy, changes to one, or (``renew_id``) the policy that renews another. Use
    :meth:`ask`; it returns the saved policy's id or None."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, policy_id: str | None = None,
                 renew_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.policy_id = policy_id
        self.renew_id = renew_id
        self.customer_picker = CustomerPicker(ctx)
        self.customer_picker.chosen.connect(lambda customer_id, name: self.set_customer(customer_id, name))
        self.deal_id: str | None = None
        self._serial = 0
        self.setWindowTitle(self.tr("Renew insurance policy") if renew_id else self.tr("Edit insurance policy")
                            if policy_id else self.tr("New insurance policy"))
        self.setMinimumWidth(600)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        currency = ctx.settings.currency
        self.customer = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.errors.add_row("customer_id", self.tr("C&ustomer"), self.customer_picker)
        self.vehicle = QComboBox()
        self.vehicle.setObjectName("vehicle")
        self.errors.add_row("vehicle_id", self.tr("&Vehicle"), self.vehicle)
        self.deal = LookupEdit()
        self.deal.setObjectName("deal")
        self.deal.setPlaceholderText(self.tr("Optional: the deal it was sold with"))
        self.deal.editingFinished.connect(self.look_up_deal)
        self.errors.add_row("deal_id", self.tr("&Deal"), self.deal)
        self.insurer = QLineEdit()
        self.insurer.setObjectName("insurer")
        self.insurer.setMaxLength(120)
        self.errors.add_row("insurer", self.tr("&Insurer"), self.insurer)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in policy_kind_labels().items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(self.kind.findData("commercial"))
        self.errors.add_row("kind", self.tr("&Type"), self.kind)
        self.number = QLineEdit()
        self.number.setObjectName("policy_number")
        self.number.setMaxLength(60)
        self.errors.add_row("policy_number", self.tr("Policy &number"), self.number)
        self.premium = MoneyEdit(currency, field="premium", required=True)
        self.premium.setObjectName("premium")
        self.errors.add_row("premium", self.tr("&Premium"), self.premium)
        self.commission = MoneyEdit(currency, field="commission")
        self.commission.setObjectName("commission")
        self.errors.add_row("commission", self.tr("Co&mmission"), self.commission)
        today = date.today()
        self.starts = DateEdit(today)
        self.starts.setObjectName("starts_on")
        self.errors.add_row("starts_on", self.tr("&Starts on"), self.starts)
        self.ends = DateEdit(today.replace(year=today.year + 1) if (today.month, today.day) != (2, 29)
                             else date(today.year + 1, 2, 28))
        self.ends.setObjectName("ends_on")
        self.errors.add_row("ends_on", self.tr("&Ends on"), self.ends)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if policy_id or renew_id:
            if renew_id:
                data = finance.renewal_draft(ctx.db, ctx.actor, renew_id)
                view = finance.get_policy(ctx.db, ctx.actor, renew_id)
                form.insertRow(0, hint_label(self.tr("Renews %1 (ends %2).").replace(
                    "%1", f"{view.data.insurer} {view.data.policy_number}".strip()).replace(
                    "%2", date_text(view.data.ends_on))))
            else:
                view = finance.get_policy(ctx.db, ctx.actor, policy_id or "")
                data = view.data
                self.deal.setText(view.deal_number)
                self.deal_id = data.deal_id
            self.set_customer(data.customer_id, view.customer_name, vehicle_id=data.vehicle_id,
                              cars=[(data.vehicle_id, view.vehicle_text)])
            self.insurer.setText(data.insurer)
            self.kind.setCurrentIndex(self.kind.findData(data.kind))
            self.number.setText(data.policy_number)
            self.premium.set_value(data.premium)
            self.commission.set_value(data.commission)
            self.starts.set_value(data.starts_on)
            self.ends.set_value(data.ends_on)
            self.notes.setText(data.notes)
            if renew_id:
                self.customer_picker.set_locked(True)
                self.vehicle.setEnabled(False)
            (self.number if renew_id else self.insurer).setFocus()
        else:
            self.choose_customer.setFocus()

    def set_customer(self, customer_id: str, name: str, *, vehicle_id: str | None = None,
                     cars: list[tuple[str, str]] | None = None) -> Query | None:
        """Show ``customer_id`` and offer their cars (read on the database worker unless given)."""
        self.customer_picker.set_customer(customer_id, name)
        self.errors.clear_field("customer_id")
        if cars is not None:
            self._fill_cars(cars, vehicle_id)
            return None
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor

        def arrived(found: list[trade_ins.CustomerCar]) -> None:
            if serial == self._serial and shiboken6.isValid(self):
                self._fill_cars([(c.id, " ".join(x for x in (c.plate, c.make, c.model, c.vin) if x)) for c in found],
                                vehicle_id)

        self.cars_query = Query(self, lambda: trade_ins.customer_cars(db, actor, customer_id)).success(arrived).run()
        return self.cars_query

    def _fill_cars(self, cars: list[tuple[str, str]], chosen: str | None) -> None:
        self.vehicle.clear()
        for car_id, text in cars:
            self.vehicle.addItem(text, car_id)
        if chosen:
            index = self.vehicle.findData(chosen)
            if index < 0:
                self.vehicle.addItem(chosen, chosen)
                index = self.vehicle.count() - 1
            self.vehicle.setCurrentIndex(index)

    def look_up_deal(self) -> Query | None:
        """The deal typed fills in its customer and car (database worker)."""
        typed = self.deal.text().strip()
        if not typed:
            self.deal_id = None
            return None
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor

        def arrived(found: finance.DealChoice | None) -> None:
            if serial != self._serial or not shiboken6.isValid(self):
                return
            self.deal_id = found.id if found else None
            if found is None:
                label = self.errors.labels["deal_id"]
                label.setText(self.tr("No single deal has this number"))
                label.show()
                return
            self.deal.setText(found.number)
            if not self.customer_picker.locked and found.customer_id != self.customer_id:
                cars = [(found.vehicle_id, found.vehicle_text)] if found.vehicle_id else []
                self.set_customer(found.customer_id, found.customer_name, vehicle_id=found.vehicle_id, cars=cars)

        self.lookup = Query(self, lambda: finance.deal_choice(db, actor, typed)).success(arrived).run()
        return self.lookup

    def data(self) -> finance.PolicyInput:
        return finance.PolicyInput(
            customer_id=self.customer_id or "", vehicle_id=self.vehicle.currentData() or "",
            insurer=self.insurer.text(), kind=self.kind.currentData(), starts_on=self.starts.value(),
            ends_on=self.ends.value(), premium=self.premium.value(), commission=self.commission.value(),
            policy_number=self.number.text(), deal_id=self.deal_id if self.deal.text().strip() else None,
            notes=self.notes.text())

    def save(self) -> None:
        self.errors.clear()
        try:
            data = self.data()
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, policy_id, renew_id = self.ctx.db, self.ctx.actor, self.policy_id, self.renew_id
        if renew_id:
            self.submit(lambda: finance.renew_policy(db, actor, renew_id, data))
        elif policy_id:
            def work() -> str:
                finance.update_policy(db, actor, policy_id, data)
                return policy_id

            self.submit(work)
        else:
            self.submit(lambda: finance.create_policy(db, actor, data))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)
