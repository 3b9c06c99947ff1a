"""Receivables: who owes what and how late (aging by due date), the overdue invoices, and a
customer's statement as a PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.billing import receivables
from services.search import normalize
from store.changes import Changes
from ui.billing.labels import kind_labels
from ui.billing.report_model import ReportColumn, ReportModel
from ui.context import AppContext
from ui.formatting import money_text
from ui.widgets.columns import ColumnFitter, is_free_text
from ui.widgets.exporting import add_export, ask_path, export_view, pass_export_keys
from ui.widgets.fields import DateEdit
from ui.workers import Op, Query


def _table(model: ReportModel) -> QTableView:
    table = QTableView()
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
    table.setSortingEnabled(True)
    return table


def _stack(table: QTableView) -> tuple[QStackedWidget, QLabel]:
    empty = QLabel()
    empty.setObjectName("emptyState")
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(empty)
    return stack, empty


class StatementDialog(QDialog):
    """Asks for a statement's period."""

    def __init__(self, customer_name: str, end: date, parent: QWidget | None = None, *,
                 printing: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statement for %1").replace("%1", customer_name))
        self.start = DateEdit(end.replace(day=1) - timedelta(days=62))
        self.start.setObjectName("start")
        self.end = DateEdit(end)
        self.end.setObjectName("end")
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&To"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Print…") if printing
                                                                   else self.tr("&Save PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        return self.start.value(), self.end.value()

    @classmethod
    def ask(cls, customer_name: str, end: date, parent: QWidget | None = None, *,
            printing: bool = False) -> tuple[date, date] | None:
        dialog = cls(customer_name, end, parent, printing=printing)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.period() if accepted else None
        dialog.deleteLater()
        return result


class ReceivablesScreen(QWidget):
    """GUI thread; the aging and overdue list are computed on the database worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self._generation = 0

        heading = QLabel(self.tr("Receivables"))
        heading.setObjectName("screenTitle")
        self.as_of = DateEdit()
        self.as_of.setObjectName("as_of")
        self.as_of.setMaximumDate(QDate.currentDate())
        self.as_of.dateChanged.connect(lambda _d: self.load())
        as_of_label = QLabel(self.tr("&As of"))
        as_of_label.setBuddy(self.as_of)
        self.invoices_button = QPushButton(self.tr("&Invoices"))
        self.invoices_button.setToolTip(self.tr("Show the selected customer's invoices (Enter)"))
        self.invoices_button.clicked.connect(self.open_current)
        self.statement_button = QPushButton(self.tr("&Statement PDF…"))
        self.statement_button.setToolTip(self.tr("Save the selected customer's statement as a PDF (Ctrl+Shift+S)"))
        self.statement_button.clicked.connect(lambda _checked=False: self.statement())
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.statement,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_statement_button = QPushButton(self.tr("&Print statement…"))
        self.print_statement_button.setToolTip(self.tr("Print the selected customer's statement (Ctrl+P)"))
        self.print_statement_button.clicked.connect(lambda _checked=False: self.statement(printed=True))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.statement(printed=True),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(as_of_label)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        self.pay_button = QPushButton(self.tr("Take &payment…"))
        self.pay_button.setToolTip(self.tr("Take a payment from the selected customer (Ctrl+Shift+P)"))
        self.pay_button.clicked.connect(self.take_payment)
        self.pay_button.setVisible(ctx.can("payment.take"))
        if ctx.can("payment.take"):
            QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.take_payment,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refund_button = QPushButton(self.tr("Re&fund credit…"))
        self.refund_button.setObjectName("refundCredit")
        self.refund_button.setToolTip(self.tr("Pay back credit the selected customer holds"))
        self.refund_button.clicked.connect(self.refund)
        self.refund_button.setVisible(ctx.can("payment.refund"))
        bar.addWidget(self.invoices_button)
        bar.addWidget(self.pay_button)
        bar.addWidget(self.refund_button)
        bar.addWidget(self.statement_button)
        bar.addWidget(self.print_statement_button)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)

        money_cols = [(key, label) for key, label in self._bucket_headers()]
        self.aging_model = ReportModel(
            [ReportColumn("customer_name", self.tr("Customer"))]
            + [ReportColumn(key, label, "money") for key, label in money_cols]
            + [ReportColumn("credit", self.tr("Credit"), "money"), ReportColumn("total", self.tr("Total"), "money")],
            id_attr="customer_id", currency=self.currency, region=ctx.settings.country, parent=self)
        self.aging = _table(self.aging_model)
        self.aging.setObjectName("aging")
        self.aging.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.aging.setColumnWidth(0, 200)
        self.aging.horizontalHeader().setSortIndicator(len(self.aging_model.columns) - 1,
                                                       Qt.SortOrder.DescendingOrder)
        self.find = QLineEdit()
        self.find.setObjectName("findCustomer")
        self.find.setPlaceholderText(self.tr("Find a customer… (Ctrl+F)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter)
        pass_export_keys(self.find)
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: (self.find.setFocus(), self.find.selectAll()),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.aging_stack, self.aging_empty = _stack(self.aging)
        self.aging_totals = QLabel()
        self.aging_totals.setObjectName("agingTotals")
        self.aging_totals.setTextFormat(Qt.TextFormat.RichText)
        aging_tab = QWidget()
        al = QVBoxLayout(aging_tab)
        al.addWidget(self.find)
        al.addWidget(self.aging_stack, 1)
        al.addWidget(self.aging_totals)

        kinds = kind_labels()
        self.overdue_model = ReportModel([
            ReportColumn("number", self.tr("Invoice")), ReportColumn("kind", self.tr("Type"), labels=kinds),
            ReportColumn("customer_name", self.tr("Customer")), ReportColumn("issued_on", self.tr("Issued"), "date"),
            ReportColumn("due_on", self.tr("Due"), "date"), ReportColumn("days_overdue", self.tr("Days late"), "int"),
            ReportColumn("total", self.tr("Total"), "money"), ReportColumn("balance", self.tr("Balance"), "money"),
        ], id_attr="invoice_id", currency=self.currency, region=ctx.settings.country, parent=self)
        self.overdue = _table(self.overdue_model)
        self.overdue.setObjectName("overdue")
        self.overdue.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        self.overdue_stack, self.overdue_empty = _stack(self.overdue)

        self.tabs = QTabWidget()
        self.tabs.addTab(aging_tab, self.tr("Aging"))
        self.tabs.addTab(self.overdue_stack, self.tr("Overdue invoices"))
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        for table in (self.aging, self.overdue):
            table.doubleClicked.connect(lambda _i: self.open_current())
            table.activated.connect(lambda _i: self.open_current())
            table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self._update_buttons()
        self.load()

    def _bucket_headers(self) -> list[tuple[str, str]]:
        return [("current", self.tr("Current")), ("d1_30", self.tr("1–30 days")), ("d31_60", self.tr("31–60 days")),
                ("d61_90", self.tr("61–90 days")), ("over_90", self.tr("Over 90 days"))]

    def focus_default(self) -> None:
        self.find.setFocus()

    def export(self) -> Op | None:
        path = ask_path(self, self._export_name())
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write the tab shown (the aging or the overdue invoices) as shown to ``path``."""
        view = self.aging if self.tabs.currentIndex() == 0 else self.overdue
        return export_view(self, self.ctx, view, path, sheet=self._export_name())

    def _export_name(self) -> str:
        return "aging" if self.tabs.currentIndex() == 0 else "overdue"

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        db, actor, as_of = self.ctx.db, self.ctx.actor, self.as_of.value()

        def work():
            return receivables.aging(db, actor, as_of=as_of), receivables.overdue(db, actor, as_of=as_of)

        def show(result) -> None:
            if generation == self._generation:
                self.show_rows(*result, as_of=as_of)

        Query(self, work).success(show).run()

    def show_rows(self, aging: list[receivables.AgingRow], overdue: list[receivables.OpenInvoice], *,
                  as_of: date) -> None:
        selected = self.selected_customer()
        self.aging_model.set_rows(aging)
        self.overdue_model.set_rows(overdue)
        for table in (self.aging, self.overdue):
            header = table.horizontalHeader()
            if header.sortIndicatorSection() >= 0:
                table.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.aging_empty.setText(self.tr("Nobody owes anything as of %1.").replace("%1", as_of.isoformat()))
        self.overdue_empty.setText(self.tr("No invoice is overdue as of %1.").replace("%1", as_of.isoformat()))
        self.overdue_stack.setCurrentWidget(self.overdue if overdue else self.overdue_empty)
        self.tabs.setTabText(1, self.tr("Overdue invoices (%1)").replace("%1", str(len(overdue))))
        cur = self.currency
        owed = sum(r.open_total for r in aging)
        late = sum(r.d1_30 + r.d31_60 + r.d61_90 + r.over_90 for r in aging)
        credit = sum(r.credit for r in aging)
        owing = sum(1 for r in aging if r.open_total)
        text = (self.tr("%n customer(s) owe %1, of which %2 is overdue.", "", owing)
                .replace("%1", "<b>" + money_text(owed, cur) + "</b>")
                .replace("%2", "<b style='color:#b3261e'>" + money_text(late, cur) + "</b>")
                if owing else self.tr("Nobody owes anything."))
        if credit:
            # The net figure is what the journal's receivable and advance accounts add up to.
            text += " " + (self.tr("Customers hold %1 in credit; net %2.")
                           .replace("%1", "<b style='color:#1f5fa8'>" + money_text(-credit, cur) + "</b>")
                           .replace("%2", "<b>" + money_text(owed + credit, cur) + "</b>"))
        self.aging_totals.setText(text)
        self._filter(self.find.text())
        if selected:
            self._select(selected[0])
        self._update_buttons()

    def _filter(self, text: str) -> None:
        words = normalize(text).split()
        self.aging_model.set_filter(
            (lambda r: all(w in normalize(r.customer_name) for w in words)) if words else None)
        self.aging_stack.setCurrentWidget(self.aging if self.aging_model.rowCount() else self.aging_empty)
        if words and not self.aging_model.rowCount():
            self.aging_empty.setText(self.tr("No customer with an open balance matches your search."))

    def _select(self, customer_id: str) -> None:
        for i, row in enumerate(self.aging_model.rows):
            if row.customer_id == customer_id:
                self.aging.selectRow(i)
                return

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("invoice", "payment", "allocation", "customer"):
            QTimer.singleShot(0, self.load)

    # --- selection and actions ----------------------------------------------------------------
    def selected_customer(self) -> tuple[str, str] | None:
        table = self.aging if self.tabs.currentIndex() == 0 else self.overdue
        model = table.model()
        row = model.row_at(table.currentIndex().row()) if table.currentIndex().isValid() else None
        return (row.customer_id, row.customer_name) if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected_customer() is not None
        self.statement_button.setEnabled(chosen)
        self.print_statement_button.setEnabled(chosen)
        self.invoices_button.setEnabled(chosen)
        self.pay_button.setEnabled(chosen)
        self.refund_button.setEnabled(self._selected_credit() > 0)

    def _selected_credit(self) -> int:
        """The credit the customer selected in the aging holds (0 on the overdue tab)."""
        if self.tabs.currentIndex() != 0 or not self.aging.currentIndex().isValid():
            return 0
        row = self.aging_model.row_at(self.aging.currentIndex().row())
        return -row.credit if row is not None else 0

    def open_current(self) -> None:
        """The selected invoice (overdue tab) or the selected customer's invoices (aging tab)."""
        window = self.window()
        if self.tabs.currentIndex() == 1:
            row = self.overdue_model.row_at(self.overdue.currentIndex().row())
            if row is not None and hasattr(window, "open_record"):
                window.open_record("invoice", row.invoice_id)
            return
        chosen = self.selected_customer()
        if chosen and hasattr(window, "show_page"):
            screen = window.show_page("invoices")
            if screen is not None and hasattr(screen, "show_customer"):
                screen.show_customer(*chosen)

    def take_payment(self) -> None:
        """A payment from the selected customer, allocated to their open invoices oldest first (or to the
        selected overdue invoice first)."""
        from ui.billing.payment import PaymentDialog

        chosen = self.selected_customer()
        if chosen is None:
            return
        invoice = None
        if self.tabs.currentIndex() == 1:
            invoice = self.overdue_model.row_at(self.overdue.currentIndex().row())
        if invoice is not None:
            PaymentDialog.ask(self.ctx, invoice_id=invoice.invoice_id, parent=self)
        else:
            PaymentDialog.ask(self.ctx, customer=chosen, parent=self)

    def refund(self) -> None:
        """Pay back credit the selected customer holds (a cash refund leaves the drawer)."""
        from ui.billing.refund import RefundDialog

        chosen = self.selected_customer()
        if chosen is None or not self.refund_button.isEnabled():
            return
        if RefundDialog.ask(self.ctx, customer=chosen, parent=self) is not None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("Refund recorded."), 8000)

    def statement(self, *, printed: bool = False) -> None:
        """The selected customer's statement for a period they choose: saved as a PDF where the user
        says (and opened), or with ``printed`` previewed and printed (ui/printing.py)."""
        chosen = self.selected_customer()
        if chosen is None:
            return
        customer_id, name = chosen
        period = StatementDialog.ask(name, self.as_of.value(), self, printing=printed)
        if period is None:
            return
        start, end = period
        if printed:
            from services.billing import documents
            from ui.printing import print_document

            db, actor = self.ctx.db, self.ctx.actor
            print_document(self, lambda out: documents.statement_pdf(db, actor, customer_id, out, start=start, end=end),
                           title=self.tr("Statement of %1").replace("%1", name),
                           save_name=f"statement-{name}-{end:%Y%m%d}.pdf")
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save statement"), f"statement-{name}-{end:%Y%m%d}.pdf", self.tr("PDF document (*.pdf)"))
        if not path:
            return
        self.write_statement(customer_id, Path(path), start=start, end=end)

    def write_statement(self, customer_id: str, out: Path, *, start: date, end: date) -> Op:
        from services.billing import documents

        db, actor = self.ctx.db, self.ctx.actor

        def done(path: Path) -> None:
            self.last_pdf = Path(path)
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        return Op(self, lambda _p, _c: documents.statement_pdf(db, actor, customer_id, out, start=start, end=end),
                  title=self.tr("Writing PDF"), cancellable=False).success(done).run()
