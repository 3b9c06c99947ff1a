"""Money in from third parties: manufacturer rebates (expected against received) and insurance claims
(open → approved → invoiced → paid, or rejected)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.billing import receivables, thirdparty
from services.search import normalize
from store.changes import Changes
from ui.billing.report_model import ReportColumn, ReportModel
from ui.context import AppContext
from ui.formatting import money_text
from ui.widgets.columns import ColumnFitter, is_free_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.exporting import add_export, ask_path, export_view, pass_export_keys
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label
from ui.workers import Op, Query


def _table(model: ReportModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setWordWrap(False)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.column_fitter = ColumnFitter(
        table, text_columns=[i for i, c in enumerate(model.columns) if is_free_text(c.key, c.kind)])
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


def _find_edit(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    pass_export_keys(edit)
    return edit


def _matcher(text: str, *attrs: str) -> Callable[[Any], bool] | None:
    words = normalize(text).split()
    if not words:
        return None
    return lambda r: all(any(w in normalize(str(getattr(r, a) or "")) for a in attrs) for w in words)


def _buttons(dialog: FormDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons


class _Form(FormDialog):
    """A small form of a few fields whose Save calls one service; amounts are parsed on the GUI thread
    so that a mistyped amount is shown next to its field before anything is sent."""

    def __init__(self, ctx: AppContext, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.buttons = _buttons(self, ok_text)
        self.hint = hint_label()
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def money(self, field: str, label: str) -> MoneyEdit:
        edit = MoneyEdit(self.currency, field=field)
        edit.setObjectName(field)
        self.errors.add_row(field, label, edit)
        return edit

    def text(self, field: str, label: str, *, max_len: int = 120) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.setMaxLength(max_len)
        self.errors.add_row(field, label, edit)
        return edit

    def day(self, field: str, label: str, value: date | None = None) -> Any:
        edit = DateEdit(value)
        edit.setObjectName(field)
        self.errors.add_row(field, label, edit)
        return edit

    def amounts(self, *edits: MoneyEdit) -> list[int] | None:
        """The typed amounts in minor units, or None after showing the first bad one by its field."""
        self.errors.clear()
        try:
            return [edit.value() for edit in edits]
        except ValidationError as exc:
            self.errors.show(exc)
            return None

    def save(self) -> None:
        raise NotImplementedError

    @classmethod
    def ask(cls, *args: Any, **kwargs: Any) -> bool:
        dialog = cls(*args, **kwargs)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted


class RebateDialog(_Form):
    """A rebate the manufacturer owes for a campaign. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Expect rebate"), self.tr("&Save"), parent)
        self.manufacturer = self.text("manufacturer", self.tr("&Manufacturer"), max_len=80)
        self.campaign = self.text("campaign", self.tr("&Campaign"))
        self.amount = self.money("amount", self.tr("&Amount"))
        self.expected_on = self.day("expected_on", self.tr("&Expected on"))
        self.notes = self.text("notes", self.tr("N&otes"), max_len=500)
        self.manufacturer.setFocus()

    def save(self) -> None:
        amounts = self.amounts(self.amount)
        if amounts is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        manufacturer, campaign, notes = self.manufacturer.text(), self.campaign.text(), self.notes.text()
        expected_on = self.expected_on.value()
        self.submit(lambda: thirdparty.expect_rebate(db, actor, manufacturer=manufacturer, campaign=campaign,
                                                     amount=amounts[0], expected_on=expected_on, notes=notes))


class ReceiptDialog(_Form):
    """Money received from the manufacturer for one rebate. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: thirdparty.RebateRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record rebate receipt"), self.tr("&Record"), parent)
        self.rebate_id = row.id
        what = " · ".join(x for x in (row.manufacturer, row.campaign, row.vehicle_label) if x)
        self.form.addRow(self.tr("Rebate"), QLabel(what))
        self.form.addRow(self.tr("Outstanding"), QLabel(money_text(row.outstanding, self.currency)))
        self.amount = self.money("amount", self.tr("&Amount"))
        self.amount.set_value(row.outstanding)
        self.received_on = self.day("received_on", self.tr("&Received on"))
        self.amount.setFocus()
        self.amount.selectAll()

    def save(self) -> None:
        amounts = self.amounts(self.amount)
        if amounts is None:
            return
        db, actor, rebate_id, on = self.ctx.db, self.ctx.actor, self.rebate_id, self.received_on.value()

        def work() -> str:
            thirdparty.receive_rebate(db, actor, rebate_id, amount=amounts[0], on=on)
            return rebate_id

        self.submit(work)


class ClaimDialog(_Form):
    """A new insurance claim. Use :meth:`ask`."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New insurance claim"), self.tr("&Save"), parent)
        self.customer_picker = CustomerPicker(ctx)
        self.insurer = self.text("insurer", self.tr("&Insurer"))
        self.claim_number = self.text("claim_number", self.tr("Claim &number"), max_len=60)
        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.errors.add_row("customer_id", self.tr("Customer"), self.customer_picker)
        self.notes = self.text("notes", self.tr("N&otes"), max_len=500)
        self.insurer.setFocus()

    def set_customer(self, customer_id: str, name: str) -> None:
        self.customer_picker.set_customer(customer_id, name)

    def save(self) -> None:
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        insurer, number, notes = self.insurer.text(), self.claim_number.text(), self.notes.text()
        customer_id = self.customer_id or ""
        self.submit(lambda: thirdparty.open_claim(db, actor, insurer=insurer, claim_number=number,
                                                  customer_id=customer_id, notes=notes))


class _ClaimForm(_Form):
    def __init__(self, ctx: AppContext, row: thirdparty.ClaimRow, title: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, ok_text, parent)
        self.claim_id = row.id
        # Translated in a context of its own: self.tr here would use the subclass's name at run time.
        what = f"{row.insurer} · {row.claim_number} · {row.customer_name}"
        self.form.addRow(QCoreApplication.translate("ClaimForm", "Claim"), QLabel(what))

    def run(self, call: Callable[[], Any]) -> None:
        claim_id = self.claim_id

        def work() -> str:
            call()
            return claim_id

        self.submit(work)


class ApproveDialog(_ClaimForm):
    """The insurer's approved amount and the customer's excess. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: thirdparty.ClaimRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, self.tr("Approve claim"), self.tr("&Approve"), parent)
        self.approved = self.money("approved_amount", self.tr("A&pproved amount"))
        self.excess = self.money("excess_amount", self.tr("Customer's &excess"))
        if row.approved_amount:
            self.approved.set_value(row.approved_amount)
            self.excess.set_value(row.excess_amount)
        self.hint.setText(self.tr("The insurer pays the approved amount less the customer's excess."))
        self.hint.show()
        self.approved.setFocus()

    def save(self) -> None:
        amounts = self.amounts(self.approved, self.excess)
        if amounts is None:
            return
        db, actor, claim_id = self.ctx.db, self.ctx.actor, self.claim_id
        self.run(lambda: thirdparty.approve_claim(db, actor, claim_id, approved_amount=amounts[0],
                                                  excess_amount=amounts[1]))


class LinkInvoiceDialog(_ClaimForm):
    """Link the posted repair invoice (one of the customer's open invoices) to the claim. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: thirdparty.ClaimRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, self.tr("Link repair invoice"), self.tr("&Link"), parent)
        self.invoice = QComboBox()
        self.invoice.setObjectName("invoice_id")
        self.errors.add_row("invoice_id", self.tr("&Invoice"), self.invoice)
        for inv in receivables.open_invoices(ctx.db, ctx.actor, row.customer_id):
            if inv.kind != "credit_note":
                self.invoice.addItem(f"{inv.number} · {inv.issued_on:%Y-%m-%d} · "
                                     f"{money_text(inv.total, self.currency)}", inv.invoice_id)
        if not self.invoice.count():
            self.hint.setText(self.tr("The customer has no open posted invoice."))
            self.hint.show()
        self.invoice.setFocus()

    def save(self) -> None:
        self.errors.clear()
        db, actor, claim_id, invoice_id = self.ctx.db, self.ctx.actor, self.claim_id, self.invoice.currentData() or ""
        self.run(lambda: thirdparty.invoice_claim(db, actor, claim_id, invoice_id))


class PayoutDialog(_ClaimForm):
    """Money the insurer paid on an invoiced claim. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: thirdparty.ClaimRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, self.tr("Record insurer payout"), self.tr("&Record"), parent)
        self.form.addRow(self.tr("Insurer owes"), QLabel(money_text(row.outstanding, self.currency)))
        self.amount = self.money("amount", self.tr("&Amount"))
        self.amount.set_value(row.outstanding)
        self.hint.setText(self.tr("Take the money itself at the cash desk as an insurance payout."))
        self.hint.show()
        self.amount.setFocus()
        self.amount.selectAll()

    def save(self) -> None:
        amounts = self.amounts(self.amount)
        if amounts is None:
            return
        db, actor, claim_id = self.ctx.db, self.ctx.actor, self.claim_id
        self.run(lambda: thirdparty.record_payout(db, actor, claim_id, amount=amounts[0]))


class RejectDialog(_ClaimForm):
    """The insurer refused the claim. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: thirdparty.ClaimRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, self.tr("Reject claim"), self.tr("Re&ject"), parent)
        self.reason = self.text("reason", self.tr("&Reason"), max_len=500)
        self.reason.setFocus()

    def save(self) -> None:
        self.errors.clear()
        db, actor, claim_id, reason = self.ctx.db, self.ctx.actor, self.claim_id, self.reason.text()
        self.run(lambda: thirdparty.reject_claim(db, actor, claim_id, reason=reason))


class ThirdPartyScreen(QWidget):
    """Rebates and insurance claims. GUI thread; lists are read on the database worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self.editable = ctx.can("thirdparty.edit")
        self._generation = 0
        region = ctx.settings.country

        heading = QLabel(self.tr("Rebates & claims"))
        heading.setObjectName("screenTitle")
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)

        # --- rebates
        self.rebate_find = _find_edit(self.tr("Find a manufacturer, campaign or vehicle… (Ctrl+F)"), "findRebate")
        self.rebate_find.textChanged.connect(lambda _t: self._filter_rebates())
        self.outstanding_only = QCheckBox(self.tr("&Outstanding only"))
        self.outstanding_only.setObjectName("outstandingOnly")
        self.outstanding_only.toggled.connect(lambda _on: self.load())
        self.expect_button = QPushButton(self.tr("&Expect rebate…"))
        self.expect_button.clicked.connect(self.expect_rebate)
        self.receive_button = QPushButton(self.tr("Record &receipt…"))
        self.receive_button.clicked.connect(self.record_receipt)
        rebate_bar = QHBoxLayout()
        rebate_bar.addWidget(self.rebate_find, 1)
        rebate_bar.addWidget(self.outstanding_only)
        rebate_bar.addWidget(self.expect_button)
        rebate_bar.addWidget(self.receive_button)
        self.rebate_model = ReportModel([
            ReportColumn("manufacturer", self.tr("Manufacturer")), ReportColumn("campaign", self.tr("Campaign")),
            ReportColumn("vehicle_label", self.tr("Vehicle")), ReportColumn("expected_on", self.tr("Expected on"),
                                                                            "date"),
            ReportColumn("expected_amount", self.tr("Expected"), "money"),
            ReportColumn("received_amount", self.tr("Received"), "money"),
            ReportColumn("outstanding", self.tr("Outstanding"), "money"),
        ], id_attr="id", currency=self.currency, region=region, parent=self)
        self.rebates = _table(self.rebate_model, "rebates")
        self.totals_model = ReportModel([
            ReportColumn("manufacturer", self.tr("Manufacturer")), ReportColumn("campaign", self.tr("Campaign")),
            ReportColumn("count", self.tr("Rebates"), "int"), ReportColumn("expected", self.tr("Expected"), "money"),
            ReportColumn("received", self.tr("Received"), "money"),
            ReportColumn("outstanding", self.tr("Outstanding"), "money"),
        ], id_attr="campaign", currency=self.currency, region=region, parent=self)
        self.totals = _table(self.totals_model, "campaignTotals")
        self.totals.setMaximumHeight(160)
        totals_title = QLabel(self.tr("Totals per campaign"))
        totals_title.setObjectName("sectionTitle")
        rebate_tab = QWidget()
        rl = QVBoxLayout(rebate_tab)
        rl.addLayout(rebate_bar)
        rl.addWidget(self.rebates, 1)
        rl.addWidget(totals_title)
        rl.addWidget(self.totals)

        # --- claims
        self.status_names = {
            "open": self.tr("Open"), "approved": self.tr("Approved"), "invoiced": self.tr("Invoiced"),
            "paid": self.tr("Paid"), "rejected": self.tr("Rejected"),
        }
        self.claim_find = _find_edit(self.tr("Find an insurer, claim number or customer… (Ctrl+F)"), "findClaim")
        self.claim_find.textChanged.connect(lambda _t: self._filter_claims())
        self.status = QComboBox()
        self.status.setObjectName("claimStatus")
        self.status.addItem(self.tr("All statuses"), None)
        for code in thirdparty.CLAIM_STATUSES:
            self.status.addItem(self.status_names[code], code)
        self.status.currentIndexChanged.connect(lambda _i: self.load())
        self.new_claim_button = QPushButton(self.tr("&New claim…"))
        self.new_claim_button.clicked.connect(self.new_claim)
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.approve_button.clicked.connect(lambda: self._claim_action(ApproveDialog))
        self.link_button = QPushButton(self.tr("&Link invoice…"))
        self.link_button.clicked.connect(lambda: self._claim_action(LinkInvoiceDialog))
        self.payout_button = QPushButton(self.tr("Record &payout…"))
        self.payout_button.clicked.connect(lambda: self._claim_action(PayoutDialog))
        self.reject_button = QPushButton(self.tr("Re&ject…"))
        self.reject_button.clicked.connect(lambda: self._claim_action(RejectDialog))
        self.settle_button = QPushButton(self.tr("&Settle"))
        self.settle_button.setToolTip(self.tr("Close the claim as paid although the insurer paid less"))
        self.settle_button.clicked.connect(self.settle)
        claim_bar = QHBoxLayout()
        claim_bar.addWidget(self.claim_find, 1)
        claim_bar.addWidget(QLabel(self.tr("Status")))
        claim_bar.addWidget(self.status)
        claim_buttons = QHBoxLayout()
        claim_buttons.addStretch(1)
        for button in (self.new_claim_button, self.approve_button, self.link_button, self.payout_button,
                       self.reject_button, self.settle_button):
            claim_buttons.addWidget(button)
        self.claim_model = ReportModel([
            ReportColumn("insurer", self.tr("Insurer")), ReportColumn("claim_number", self.tr("Claim number")),
            ReportColumn("customer_name", self.tr("Customer")),
            ReportColumn("status", self.tr("Status"), labels=self.status_names),
            ReportColumn("invoice_number", self.tr("Invoice")),
            ReportColumn("approved_amount", self.tr("Approved"), "money"),
            ReportColumn("excess_amount", self.tr("Excess"), "money"),
            ReportColumn("paid_amount", self.tr("Paid"), "money"),
            ReportColumn("outstanding", self.tr("Insurer owes"), "money"),
        ], id_attr="id", currency=self.currency, region=region, parent=self)
        self.claims = _table(self.claim_model, "claims")
        claim_tab = QWidget()
        cl = QVBoxLayout(claim_tab)
        cl.addLayout(claim_bar)
        cl.addWidget(self.claims, 1)
        cl.addLayout(claim_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(rebate_tab, self.tr("Rebates"))
        self.tabs.addTab(claim_tab, self.tr("Insurance claims"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        for button in (self.expect_button, self.receive_button, self.new_claim_button, self.approve_button,
                       self.link_button, self.payout_button, self.reject_button, self.settle_button):
            button.setVisible(self.editable)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_default,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rebates.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.claims.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self._update_buttons()
        self.load()

    def focus_default(self) -> None:
        find = self.rebate_find if self.tabs.currentIndex() == 0 else self.claim_find
        find.setFocus()
        find.selectAll()

    def export(self) -> Op | None:
        path = ask_path(self, self._export_name())
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write the tab shown (the rebates or the claims) as shown to ``path``."""
        view = self.rebates if self.tabs.currentIndex() == 0 else self.claims
        return export_view(self, self.ctx, view, path, sheet=self._export_name())

    def _export_name(self) -> str:
        return "rebates" if self.tabs.currentIndex() == 0 else "claims"

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        db, actor = self.ctx.db, self.ctx.actor
        outstanding_only, status = self.outstanding_only.isChecked(), self.status.currentData()

        def work():
            return (thirdparty.rebates(db, actor, outstanding_only=outstanding_only),
                    thirdparty.rebate_totals(db, actor, per="campaign"),
                    thirdparty.claims(db, actor, status=status))

        def show(result) -> None:
            if generation == self._generation:
                self.show_rows(*result)

        Query(self, work).success(show).run()

    def show_rows(self, rebates: list[thirdparty.RebateRow], totals: list[thirdparty.RebateTotal],
                  claims: list[thirdparty.ClaimRow]) -> None:
        chosen_rebate, chosen_claim = self.selected_rebate(), self.selected_claim()
        self.rebate_model.set_rows(rebates)
        self.totals_model.set_rows(totals)
        self.claim_model.set_rows(claims)
        for table in (self.rebates, self.totals, self.claims):
            header = table.horizontalHeader()
            if header.sortIndicatorSection() >= 0:
                table.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._filter_rebates()
        self._filter_claims()
        self._reselect(self.rebates, chosen_rebate.id if chosen_rebate else None)
        self._reselect(self.claims, chosen_claim.id if chosen_claim else None)
        self.tabs.setTabText(0, self.tr("Rebates (%1 outstanding)").replace(
            "%1", money_text(sum(r.outstanding for r in totals), self.currency)))
        self._update_buttons()

    def _filter_rebates(self) -> None:
        self.rebate_model.set_filter(_matcher(self.rebate_find.text(), "manufacturer", "campaign", "vehicle_label",
                                              "vehicle_vin"))
        self._update_buttons()

    def _filter_claims(self) -> None:
        self.claim_model.set_filter(_matcher(self.claim_find.text(), "insurer", "claim_number", "customer_name",
                                             "invoice_number"))
        self._update_buttons()

    @staticmethod
    def _reselect(table: QTableView, row_id: str | None) -> None:
        if row_id is None:
            return
        model = table.model()
        for i, row in enumerate(model.rows):
            if row.id == row_id:
                table.selectRow(i)
                return

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("rebate", "insurance_claim", "invoice", "customer"):
            self.load()

    # --- selection ----------------------------------------------------------------------------
    def selected_rebate(self) -> thirdparty.RebateRow | None:
        index = self.rebates.currentIndex()
        return self.rebate_model.row_at(index.row()) if index.isValid() else None

    def selected_claim(self) -> thirdparty.ClaimRow | None:
        index = self.claims.currentIndex()
        return self.claim_model.row_at(index.row()) if index.isValid() else None

    def select_rebate(self, rebate_id: str) -> None:
        self._reselect(self.rebates, rebate_id)

    def select_claim(self, claim_id: str) -> None:
        self._reselect(self.claims, claim_id)

    def _update_buttons(self) -> None:
        rebate, claim = self.selected_rebate(), self.selected_claim()
        self.receive_button.setEnabled(rebate is not None and rebate.outstanding > 0)
        status = claim.status if claim is not None else None
        self.approve_button.setEnabled(status == "open")
        self.link_button.setEnabled(status == "approved")
        self.payout_button.setEnabled(status == "invoiced")
        self.settle_button.setEnabled(status == "invoiced" and claim is not None and claim.paid_amount > 0)
        self.reject_button.setEnabled(status in thirdparty.OPEN_CLAIM_STATUSES)

    # --- actions ------------------------------------------------------------------------------
    def expect_rebate(self) -> None:
        RebateDialog.ask(self.ctx, self)

    def record_receipt(self) -> None:
        row = self.selected_rebate()
        if row is not None:
            ReceiptDialog.ask(self.ctx, row, self)

    def new_claim(self) -> None:
        ClaimDialog.ask(self.ctx, self)

    def _claim_action(self, dialog: type[_ClaimForm]) -> None:
        row = self.selected_claim()
        if row is not None:
            dialog.ask(self.ctx, row, self)

    def settle(self) -> None:
        row = self.selected_claim()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Settle claim"),
            self.tr("Close claim %1 as paid? The insurer paid %2 of %3; the rest stays with the customer or is "
                    "written off.").replace("%1", row.claim_number)
            .replace("%2", money_text(row.paid_amount, self.currency))
            .replace("%3", money_text(row.insurer_share, self.currency)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, claim_id = self.ctx.db, self.ctx.actor, row.id
        self.op = Op(self, lambda _p, _c: thirdparty.settle_claim(db, actor, claim_id)).run()
