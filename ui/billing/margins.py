"""Gross profit of a period: per department (sales, workshop, parts, other) and per month, from the
cost every posted invoice line records."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.billing import margin
from store.changes import Changes
from ui.billing.report_model import ReportColumn, ReportModel
from ui.context import AppContext
from ui.formatting import margin_text, money_text
from ui.widgets.columns import ColumnFitter, is_free_text
from ui.widgets.exporting import add_export, ask_path, export_tables, table_contents
from ui.widgets.fields import DateEdit
from ui.widgets.forms import error_label
from ui.workers import Op, Query


def _table(model: ReportModel, name: str, *, sortable: bool = True) -> QTableView:
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
    if sortable:
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    return table


def _margin_label(row) -> str:
    return margin_text(row.profit, row.net)


class MarginsScreen(QWidget):
    """GUI thread; the figures are computed on the database worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ctx.settings.currency
        self._generation = 0
        region = ctx.settings.country

        heading = QLabel(self.tr("Margins"))
        heading.setObjectName("screenTitle")
        today = date.today()
        self.start = DateEdit(today.replace(day=1))
        self.start.setObjectName("start")
        self.end = DateEdit(today)
        self.end.setObjectName("end")
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.load())
        start_label = QLabel(self.tr("&From"))
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To"))
        end_label.setBuddy(self.end)
        for label in (start_label, end_label):
            # A mnemonic draws the text in pieces, unkerned: a little wider than the hint says.
            label.setMinimumWidth(label.sizeHint().width() + 4)
        self.this_month = QPushButton(self.tr("This &month"))
        self.this_month.clicked.connect(lambda: self.set_period(date.today().replace(day=1), date.today()))
        self.this_year = QPushButton(self.tr("This &year"))
        self.this_year.clicked.connect(lambda: self.set_period(date.today().replace(month=1, day=1), date.today()))
        self.period_error = error_label()
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(start_label)
        bar.addWidget(self.start)
        bar.addSpacing(8)
        bar.addWidget(end_label)
        bar.addWidget(self.end)
        bar.addWidget(self.this_month)
        bar.addWidget(self.this_year)
        bar.addWidget(self.period_error)
        bar.addStretch(1)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)

        self.department_names = {
            "sales": self.tr("Sales"), "workshop": self.tr("Workshop"), "parts": self.tr("Parts"),
            "other": self.tr("Other"),
        }
        # Margins are shown as text but sort by their number: the labels are filled in per result.
        self.department_margins: dict[int | None, str] = {}
        self.month_margins: dict[int | None, str] = {}
        self.department_model = ReportModel([
            ReportColumn("department", self.tr("Department"), labels=self.department_names),
            ReportColumn("net", self.tr("Net sales"), "money"), ReportColumn("cost", self.tr("Cost"), "money"),
            ReportColumn("profit", self.tr("Gross profit"), "money"),
            ReportColumn("margin_bp", self.tr("Margin"), "int", labels=self.department_margins),
        ], id_attr="department", currency=self.currency, region=region, parent=self)
        # Four departments in their fixed order (sales first) read better than any sort.
        self.departments = _table(self.department_model, "departments", sortable=False)
        self.departments.setMaximumHeight(4 * 26 + 40)
        self.department_total = QLabel()
        self.department_total.setObjectName("marginTotal")
        self.department_total.setTextFormat(Qt.TextFormat.RichText)
        self.month_model = ReportModel([
            ReportColumn("period", self.tr("Month")),
            ReportColumn("net", self.tr("Net sales"), "money"), ReportColumn("cost", self.tr("Cost"), "money"),
            ReportColumn("profit", self.tr("Gross profit"), "money"),
            ReportColumn("margin_bp", self.tr("Margin"), "int", labels=self.month_margins),
        ], id_attr="period", currency=self.currency, region=region, parent=self)
        self.months = _table(self.month_model, "months")

        by_department = QGroupBox(self.tr("By department"))
        dl = QVBoxLayout(by_department)
        dl.addWidget(self.departments)
        dl.addWidget(self.department_total)
        by_month = QGroupBox(self.tr("By month"))
        QVBoxLayout(by_month).addWidget(self.months)
        hint = QLabel(self.tr("Posted invoices count on their issue day, credit notes against it; amounts are "
                              "before tax. Gross profit also counts, on the day they are booked, manufacturer "
                              "rebates earned, trade-in over-allowances and costs added to cars already sold."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(by_department)
        layout.addWidget(by_month, 1)
        layout.addWidget(hint)
        self.load()

    def focus_default(self) -> None:
        self.start.setFocus()

    def export(self) -> Op | None:
        path = ask_path(self, "margins")
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write both tables as shown to ``path``: the departments, a blank row, then the months
        under their own header row."""
        titles, rows = table_contents(self.departments)
        month_titles, month_rows = table_contents(self.months)
        rows = [*rows, [], month_titles, *month_rows]
        return export_tables(self, self.ctx, path, titles, rows, sheet="margins")

    def set_period(self, start: date, end: date) -> None:
        self.start.blockSignals(True)
        self.start.set_value(start)
        self.start.blockSignals(False)
        self.end.blockSignals(True)
        self.end.set_value(end)
        self.end.blockSignals(False)
        self.load()

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self.start.value(), self.end.value()
        if end < start:
            self.period_error.setText(self.tr("The period ends before it starts"))
            self.period_error.show()
            return
        self.period_error.hide()

        def work():
            return (margin.department_margins(db, actor, start=start, end=end),
                    margin.monthly_margins(db, actor, start=start, end=end))

        def show(result) -> None:
            if generation == self._generation:
                self.show_rows(*result)

        Query(self, work).success(show).run()

    def show_rows(self, departments: list[margin.DepartmentMargin], months: list[margin.PeriodMargin]) -> None:
        for labels, rows in ((self.department_margins, departments), (self.month_margins, months)):
            labels.clear()
            labels.update({r.margin_bp: _margin_label(r) for r in rows})
            labels[None] = ""
        self.department_model.set_rows(departments)
        self.month_model.set_rows(months)
        header = self.months.horizontalHeader()
        self.month_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        net, cost = sum(r.net for r in departments), sum(r.cost for r in departments)
        # The departments' profit includes the manufacturer rebates earned (services/billing/margin.py),
        # so the total does too and equals the months' total.
        total = margin.DepartmentMargin("", net, cost, sum(r.profit for r in departments),
                                        sum(r.rebates for r in departments))
        self.department_total.setText(
            self.tr("Total: net sales %1, cost %2, gross profit %3 (%4)")
            .replace("%1", money_text(net, self.currency)).replace("%2", money_text(cost, self.currency))
            .replace("%3", "<b>" + money_text(total.profit, self.currency) + "</b>")
            .replace("%4", _margin_label(total) or "–"))

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("invoice", "rebate", "setting", "stock_vehicle", "trade_in"):
            self.load()
