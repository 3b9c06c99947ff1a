"""The accounting export: journal lines of a period written to an .xlsx or .csv file, and the mapping
of item types, tax codes and payment methods to the dealership's ledger accounts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.messages import Message
from services.billing import accounting
from services.search import normalize
from store.changes import Changes
from ui.context import AppContext
from ui.messages import detail_text, service_text
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.workers import Op, Query

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def mapping_purpose(key: str, *, items: dict[str, str], methods: dict[str, str]) -> str:
    """What a mapping key is for, in the user's words ("Sales of parts", "Money taken by cash")."""
    # The fixed keys, and the keys of a kind whose purpose is not what the kind's template says.
    own = {
        "receivables": QCoreApplication.translate("Journal", "Customers' unpaid invoices (receivables)"),
        "customer_credit": QCoreApplication.translate("Journal", "Customers' credit and advances"),
        "inventory": QCoreApplication.translate("Journal", "Parts in stock (inventory)"),
        "vehicle_inventory": QCoreApplication.translate("Journal", "Vehicles in stock (inventory)"),
        "goods_received": QCoreApplication.translate("Journal", "Goods received, not yet invoiced by the supplier"),
        "stock_adjustment": QCoreApplication.translate("Journal", "Stock found or lost (adjustments)"),
        "stock_variance": QCoreApplication.translate("Journal", "Average cost rounding on goods received"),
        "rebate_receivable": QCoreApplication.translate("Journal", "Rebates the manufacturer owes"),
        "rebates": QCoreApplication.translate("Journal", "Rebates earned"),
        "commission_receivable": QCoreApplication.translate("Journal", "Commission insurers owe"),
        "insurance_commission": QCoreApplication.translate("Journal", "Insurance commission earned"),
        "menu_variance": QCoreApplication.translate("Journal", "Service package prices below the itemised price"),
        "cash_difference": QCoreApplication.translate("Journal", "Cash over or short at the day's close"),
        # Not the customer's credit: the vouchers were issued outside Forecourt, as other payables.
        "method:voucher": QCoreApplication.translate("Journal", "Vouchers handed in (issued outside Forecourt)"),
        "stock:labour": QCoreApplication.translate("Journal", "The workshop's own cost of labour"),
    }
    if key in own:
        return own[key]
    kind, _, rest = key.partition(":")
    if rest == "*":
        name = QCoreApplication.translate("Journal", "any other")
    elif kind == "method":
        name = methods.get(rest, rest)
    elif kind == "tax":
        name = rest
    else:
        name = items.get(rest, rest)
    templates = {
        "item": QCoreApplication.translate("Journal", "Sales: %1"),
        "cost": QCoreApplication.translate("Journal", "Cost of sales: %1"),
        "stock": QCoreApplication.translate("Journal", "Bought in for a sale: %1"),
        "method": QCoreApplication.translate("Journal", "Money taken by: %1"),
        "tax": QCoreApplication.translate("Journal", "Output tax: %1"),
    }
    return templates.get(kind, "%1").replace("%1", name)


class MappingDialog(FormDialog):
    """Add a mapping key or change the account of one. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, row: accounting.MappingRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit account mapping") if row else self.tr("Add account mapping"))
        self.setMinimumWidth(420)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("e.g. tax:VAT9 or method:*"))
        self.account = QLineEdit()
        self.account.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        for name in ("key", "account", "name"):
            getattr(self, name).setObjectName(name)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("key", self.tr("&Key"), self.key)
        self.errors.add_row("account", self.tr("&Account"), self.account)
        self.errors.add_row("name", self.tr("&Name"), self.name)
        hint = hint_label(self.tr("Keys: item:<type>, tax:<code>, method:<payment method>, cost:<type>, "
                                  "stock:<type>, or a fixed key such as receivables, inventory or "
                                  "vehicle_inventory; <kind>:* covers the rest of a kind."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        if row is not None:
            self.key.setText(row.key)
            self.key.setReadOnly(True)
            self.account.setText(row.account)
            self.name.setText(row.name)
            self.account.setFocus()
            self.account.selectAll()
        else:
            self.key.setFocus()

    def save(self) -> None:
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        key, account, name = self.key.text(), self.account.text(), self.name.text()

        def work() -> str:
            accounting.set_mapping(db, actor, key, account, name)
            return key.strip()

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, row: accounting.MappingRow | None = None, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, row, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted


def journal_describer(ctx: AppContext) -> Callable[[Message], str]:
    """How this screen writes a journal line's description: in the user's language, payment methods
    by the names the dealership gives them. Made on the GUI thread; the function it returns runs on
    the worker that writes the file (it only reads the installed translators)."""
    from ui.billing.labels import method_labels

    methods = method_labels(ctx)
    return lambda text: (service_text(accounting.with_method_names(text, methods)) if isinstance(text, Message)
                         else service_text(text))


class JournalScreen(QWidget):
    """GUI thread; the journal is written and the mapping read on the database worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[accounting.MappingRow] = []
        self.last_file: Path | None = None

        heading = QLabel(self.tr("Accounting export"))
        heading.setObjectName("screenTitle")

        # --- the journal
        today = date.today()
        last_month_end = today.replace(day=1) - timedelta(days=1)
        self.start = DateEdit(last_month_end.replace(day=1))
        self.start.setObjectName("start")
        self.end = DateEdit(last_month_end)
        self.end.setObjectName("end")
        self.export_button = QPushButton(self.tr("&Export journal…"))
        self.export_button.setObjectName("exportJournal")
        self.export_button.setToolTip(self.tr("Write the period's journal lines to an .xlsx or .csv file (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.valuation_button = QPushButton(self.tr("Stock &valuation…"))
        self.valuation_button.setObjectName("exportValuation")
        self.valuation_button.setToolTip(self.tr("Write the parts and cars in stock at the end of the last day, with "
                                                 "their value (the inventory accounts of that day), to an .xlsx or "
                                                 ".csv file"))
        self.valuation_button.clicked.connect(self.export_valuation)
        self.period_error = error_label()
        self.result_label = hint_label()
        period = QHBoxLayout()
        start_label = QLabel(self.tr("&From"))
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To"))
        end_label.setBuddy(self.end)
        for label in (start_label, end_label):
            # A mnemonic draws the text in pieces, unkerned: a little wider than the hint says.
            label.setMinimumWidth(label.sizeHint().width() + 4)
        period.addWidget(start_label)
        period.addWidget(self.start)
        period.addSpacing(8)
        period.addWidget(end_label)
        period.addWidget(self.end)
        period.addSpacing(12)
        period.addWidget(self.export_button)
        period.addWidget(self.valuation_button)
        period.addStretch(1)
        journal_box = QGroupBox(self.tr("Journal"))
        jl = QVBoxLayout(journal_box)
        jl.addLayout(period)
        jl.addWidget(self.period_error)
        columns = hint_label(self.tr("Invoices, credit notes, receipts, refunds, credit applied later, parts "
                                     "stock movements, vehicles into and out of stock, rebates, insurance "
                                     "commissions and cash counts, "
                                     "each balanced (debits equal credits per reference). Columns: %1.")
                             .replace("%1", "<code>date, account, account_name, debit, credit, reference, "
                                            "description</code>"))
        columns.setTextFormat(Qt.TextFormat.RichText)
        jl.addWidget(columns)
        jl.addWidget(self.result_label)

        # --- the mapping
        self.find = QLineEdit()
        self.find.setObjectName("findMapping")
        self.find.setPlaceholderText(self.tr("Find a key or account… (Ctrl+F)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _t: self._filter())
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: (self.find.setFocus(), self.find.selectAll()),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add_mapping)
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.edit_button.clicked.connect(self.edit_mapping)
        tools = QHBoxLayout()
        tools.addWidget(self.find, 1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        self.mapping = QTableWidget(0, 4)
        self.mapping.setObjectName("mapping")
        self.mapping.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.mapping.setHorizontalHeaderLabels([self.tr("What it is for"), self.tr("Key"), self.tr("Account"),
                                                self.tr("Account name")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.verticalHeader().setDefaultSectionSize(26)
        self.mapping.setAlternatingRowColors(True)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # What a key is for is the long text: it takes the room the codes and names leave.
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping.horizontalHeader().setHighlightSections(False)
        # Unsorted until a header is clicked: the service's order puts the fixed keys first.
        self.mapping.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.mapping.setSortingEnabled(True)
        self.mapping.itemDoubleClicked.connect(lambda _i: self.edit_mapping())
        self.mapping.itemSelectionChanged.connect(self._update_buttons)
        mapping_box = QGroupBox(self.tr("Account mapping"))
        ml = QVBoxLayout(mapping_box)
        ml.addLayout(tools)
        ml.addWidget(self.mapping, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(journal_box)
        layout.addWidget(mapping_box, 1)
        self._update_buttons()
        self.load()

    def focus_default(self) -> None:
        self.start.setFocus()

    # --- the mapping --------------------------------------------------------------------------
    def load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        Query(self, lambda: accounting.get_mapping(db, actor)).success(self.show_mapping).run()

    def show_mapping(self, rows: list[accounting.MappingRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        sorting = self.mapping.isSortingEnabled()
        # Filling a sorting table would move rows while they are being filled.
        self.mapping.setSortingEnabled(False)
        self.mapping.setRowCount(len(rows))
        from ui.billing.labels import item_type_labels, method_labels

        items, methods = item_type_labels(), method_labels(self.ctx)
        for i, row in enumerate(rows):
            purpose = mapping_purpose(row.key, items=items, methods=methods)
            for col, text in enumerate((purpose, row.key, row.account, row.name)):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, row.key)
                item.setToolTip(text)
                self.mapping.setItem(i, col, item)
        self.mapping.setSortingEnabled(sorting)
        self._filter()
        if chosen is not None:
            self.select_key(chosen.key)
        self._update_buttons()

    def _filter(self) -> None:
        words = normalize(self.find.text()).split()
        for i in range(self.mapping.rowCount()):
            text = normalize(" ".join(self.mapping.item(i, c).text() for c in range(4)))
            self.mapping.setRowHidden(i, not all(w in text for w in words))

    def select_key(self, key: str) -> bool:
        for i in range(self.mapping.rowCount()):
            if self.mapping.item(i, 0).data(KEY_ROLE) == key:
                self.mapping.selectRow(i)
                return True
        return False

    def selected(self) -> accounting.MappingRow | None:
        items = self.mapping.selectedItems()
        if not items:
            return None
        key = items[0].data(KEY_ROLE)
        return next((r for r in self.rows if r.key == key), None)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def add_mapping(self) -> None:
        MappingDialog.ask(self.ctx, None, self)

    def edit_mapping(self) -> None:
        row = self.selected()
        if row is not None:
            MappingDialog.ask(self.ctx, row, self)

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("account_mapping"):
            self.load()

    # --- the journal --------------------------------------------------------------------------
    def export(self) -> Op | None:
        self.period_error.hide()
        start, end = self.start.value(), self.end.value()
        if end < start:
            self.period_error.setText(self.tr("The last day is before the first day"))
            self.period_error.show()
            return None
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export journal"), f"journal-{start:%Y%m%d}-{end:%Y%m%d}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return None
        return self.write(Path(path), start=start, end=end)

    def write(self, out: Path, *, start: date, end: date) -> Op:
        db, actor = self.ctx.db, self.ctx.actor
        describe = journal_describer(self.ctx)

        def work(progress, cancel) -> int:
            return accounting.journal(db, actor, out, start=start, end=end, describe=describe, progress=progress,
                                      cancel=cancel)

        return self._run(out, work, self.tr("Exporting journal"),
                         lambda count: self.tr("%n journal line(s) written to %1.", "", count))

    def export_valuation(self) -> Op | None:
        on = self.end.value()
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export stock valuation"), f"stock-valuation-{on:%Y%m%d}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return None
        return self.write_valuation(Path(path), on=on)

    def write_valuation(self, out: Path, *, on: date) -> Op:
        db, actor = self.ctx.db, self.ctx.actor

        def work(progress, cancel) -> int:
            return accounting.stock_valuation(db, actor, out, on=on, progress=progress, cancel=cancel)

        return self._run(out, work, self.tr("Exporting stock valuation"),
                         lambda count: self.tr("%n stock line(s) written to %1.", "", count))

    def _run(self, out: Path, work, title: str, written) -> Op:
        """Write ``out`` on the database worker with a progress bar and Cancel, the buttons held."""
        buttons = (self.export_button, self.valuation_button)
        for button in buttons:
            button.setEnabled(False)

        def done(count: int) -> None:
            for button in buttons:
                button.setEnabled(True)
            self.last_file = out
            self.result_label.setText(written(count).replace("%1", str(out)))
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(out)), 8000)

        def failed(exc: BaseException) -> None:
            from core.errors import Cancelled
            from ui.errors import show_error

            for button in buttons:
                button.setEnabled(True)
            if isinstance(exc, ValidationError) and exc.field in ("start", "end"):
                self.period_error.setText(detail_text(exc))
                self.period_error.show()
            elif not isinstance(exc, Cancelled):
                show_error(self, exc)

        self.op = Op(self, work, title=title).success(done).failure(failed).run()
        return self.op
