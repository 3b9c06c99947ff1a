"""Sales targets: a month's units and gross profit per salesperson against their targets, and the
commission the deals delivered in it earn. Set targets… edits the month's targets in one grid,
Commission… the dealership's rule and salespeople's own. The figures are
:mod:`services.sales.targets`' own, computed on the database worker.

Keys: Alt+Left / Alt+Right the month before / after, Ctrl+T set targets, Ctrl+E export; in a dialog
Enter saves and Esc cancels.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.sales import targets
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import money_text
from ui.messages import detail_text
from ui.widgets.exporting import add_export, ask_path, export_tables, table_contents
from ui.widgets.fields import DateEdit, MoneyEdit, PercentEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.workers import Op, Query
from ui.workshop.time_report import _fill, _table

SHOWN_TABLES = ("deal", "sales_target", "commission_rule", "user_account")


def _percent(done: int, target: int) -> str:
    return f"{done * 100 // target}%" if target > 0 else ""


def _add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


class SalesTargetsScreen(QWidget):
    """GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._serial = 0
        self.rows: list[targets.Performance] = []
        heading = QLabel(self.tr("Sales targets"))
        heading.setObjectName("screenTitle")
        self.month = DateEdit(date.today().replace(day=1))
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.dateChanged.connect(lambda _d: self.load())
        month_label = QLabel(self.tr("&Month"))
        month_label.setBuddy(self.month)
        self.previous = QPushButton(self.tr("◀"))
        self.previous.setToolTip(self.tr("The month before (Alt+Left)"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next = QPushButton(self.tr("▶"))
        self.next.setToolTip(self.tr("The month after (Alt+Right)"))
        self.next.clicked.connect(lambda: self.step(1))
        for button in (self.previous, self.next):
            button.setMaximumWidth(36)
        self.set_button = QPushButton(self.tr("Set &targets…"))
        self.set_button.setObjectName("setTargets")
        self.set_button.setToolTip(self.tr("Each salesperson's units and gross profit for the month (Ctrl+T)"))
        self.set_button.clicked.connect(self.edit_targets)
        self.rules_button = QPushButton(self.tr("&Commission…"))
        self.rules_button.setObjectName("commission")
        self.rules_button.setToolTip(self.tr("How commission is earned: a share of gross profit and an amount a car"))
        self.rules_button.clicked.connect(self.edit_rules)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(month_label)
        bar.addWidget(self.previous)
        bar.addWidget(self.month)
        bar.addWidget(self.next)
        bar.addStretch(1)
        bar.addWidget(self.set_button)
        bar.addWidget(self.rules_button)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)
        self.table = _table("performance", [
            self.tr("Salesperson"), self.tr("Units"), self.tr("Target units"), self.tr("Units %"),
            self.tr("Gross profit"), self.tr("Target gross"), self.tr("Gross %"), self.tr("Commission")])
        self.table.activated.connect(lambda _index: self.edit_targets())
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        hint = hint_label(self.tr("Deals count in the month they were delivered, with their gross profit. Commission: "
                                  "the rule's share of each deal's gross profit (none on a loss) plus its amount a "
                                  "car; a salesperson's own rule replaces the dealership's."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(hint)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+T"), self, self.edit_targets,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.load()

    def focus_default(self) -> None:
        self.table.setFocus()

    @property
    def shown_month(self) -> date:
        return self.month.value().replace(day=1)

    def step(self, months: int) -> None:
        self.month.set_value(_add_months(self.shown_month, months))

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN_TABLES):
            self.load()

    def load(self) -> Query:
        self._serial += 1
        serial, month = self._serial, self.shown_month
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: targets.performance(db, actor, month)).success(
            lambda rows: self._arrived(serial, rows)).run()

    def _arrived(self, serial: int, rows: list[targets.Performance]) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        self.rows = rows
        currency = self.ctx.settings.currency
        _fill(self.table, [[r.name, str(r.units), str(r.target_units) if r.target_units else "",
                            _percent(r.units, r.target_units), money_text(r.gross, currency),
                            money_text(r.target_gross, currency) if r.target_gross else "",
                            _percent(r.gross, r.target_gross), money_text(r.commission, currency)] for r in rows],
              set(range(1, 8)))
        units, gross, paid = sum(r.units for r in rows), sum(r.gross for r in rows), sum(r.commission for r in rows)
        self.totals.setText(self.tr("Month: %1 cars · gross profit %2 · commission %3").replace("%1", str(units))
                            .replace("%2", money_text(gross, currency)).replace("%3", money_text(paid, currency)))

    def edit_targets(self) -> None:
        if TargetsDialog.ask(self.ctx, self, month=self.shown_month, rows=self.rows):
            self.load()

    def edit_rules(self) -> None:
        if CommissionDialog.ask(self.ctx, self, people=[(r.salesperson, r.name) for r in self.rows]):
            self.load()

    def export(self) -> Op | None:
        path = ask_path(self, f"sales-performance-{self.shown_month:%Y-%m}")
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write the month's table as shown (``forecourt export sales-performance`` writes the same
        figures with stable column names)."""
        titles, rows = table_contents(self.table)
        return export_tables(self, self.ctx, path, titles, rows, sheet="sales_targets")


class TargetsDialog(FormDialog):
    """Each salesperson's target for a month, saved together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, month: date,
                 rows: list[targets.Performance]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month = month
        self.setWindowTitle(self.tr("Targets for %1").replace("%1", f"{month:%Y-%m}"))
        self.setMinimumWidth(520)
        currency = ctx.settings.currency
        grid = QGridLayout()
        self.errors = FieldErrors(QFormLayout())
        grid.addWidget(QLabel(self.tr("Salesperson")), 0, 0)
        grid.addWidget(QLabel(self.tr("Units")), 0, 1)
        grid.addWidget(QLabel(self.tr("Gross profit")), 0, 2)
        self.units: dict[str, QSpinBox] = {}
        self.gross: dict[str, MoneyEdit] = {}
        for i, r in enumerate(rows, start=1):
            units = QSpinBox()
            units.setObjectName(f"units_{r.salesperson}")
            units.setRange(0, targets.MAX_UNITS)
            units.setValue(r.target_units)
            gross = MoneyEdit(currency, field=f"targets[{i}].gross")
            gross.setObjectName(f"gross_{r.salesperson}")
            gross.set_value(r.target_gross or None)
            grid.addWidget(QLabel(r.name), i, 0)
            grid.addWidget(units, i, 1)
            grid.addWidget(gross, i, 2)
            self.units[r.salesperson], self.gross[r.salesperson] = units, gross
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(hint_label(self.tr("No salespeople: add users with the salesperson role first.")))
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if self.units:
            next(iter(self.units.values())).setFocus()

    def save(self) -> None:
        self.error.hide()
        try:
            values = [targets.TargetInput(p, self.units[p].value(), self.gross[p].value())
                      for p in self.units]
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        self.submit(lambda: targets.set_targets(db, actor, month, values))

    def show_field_error(self, exc: ValidationError) -> bool:
        self.error.setText(detail_text(exc))
        self.error.show()
        return True

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, month: date,
            rows: list[targets.Performance]) -> bool:
        dialog = cls(ctx, parent, month=month, rows=rows)
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved


class CommissionDialog(FormDialog):
    """The dealership's commission rule and each salesperson's own (both figures empty: they follow
    the dealership's), saved together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 people: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Commission"))
        self.setMinimumWidth(560)
        currency = ctx.settings.currency
        rules = {r.salesperson: r for r in targets.commission_rules(ctx.db, ctx.actor)}
        grid = QGridLayout()
        self.errors = FieldErrors(QFormLayout())
        grid.addWidget(QLabel(self.tr("Who")), 0, 0)
        grid.addWidget(QLabel(self.tr("% of gross profit")), 0, 1)
        grid.addWidget(QLabel(self.tr("Amount a car")), 0, 2)
        self.shares: dict[str, PercentEdit] = {}
        self.amounts: dict[str, MoneyEdit] = {}
        names = [("", self.tr("The dealership (everyone else)"))]
        known = {p for p, _ in people}
        names += list(people) + [(r, r) for r in rules if r and r not in known]
        for i, (who, name) in enumerate(names, start=1):
            rule = rules.get(who)
            share = PercentEdit(field=f"rules[{i}].gross_bp", required=not who)
            share.setObjectName(f"share_{who or 'dealership'}")
            amount = MoneyEdit(currency, field=f"rules[{i}].per_unit", required=not who)
            amount.setObjectName(f"amount_{who or 'dealership'}")
            if rule is not None:
                share.set_value(rule.gross_bp)
                amount.set_value(rule.per_unit)
            elif not who:
                share.set_value(0)
                amount.set_value(0)
            else:
                share.setPlaceholderText(self.tr("as the dealership"))
            grid.addWidget(QLabel(name), i, 0)
            grid.addWidget(share, i, 1)
            grid.addWidget(amount, i, 2)
            self.shares[who], self.amounts[who] = share, amount
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("Commission on each delivered deal: the share of its gross profit (none "
                                            "on a loss) plus the amount a car. Leave a salesperson's figures empty "
                                            "for the dealership's rule.")))
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.shares[""].setFocus()

    def save(self) -> None:
        self.error.hide()
        try:
            values = [targets.RuleInput(who, _typed(self.shares[who]), _typed(self.amounts[who]))
                      for who in self.shares]
        except ValidationError as exc:
            self._failed(exc)
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: targets.set_commission_rules(db, actor, values))

    def show_field_error(self, exc: ValidationError) -> bool:
        self.error.setText(detail_text(exc))
        self.error.show()
        return True

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, people: list[tuple[str, str]]) -> bool:
        dialog = cls(ctx, parent, people=people)
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved


def _typed(edit):
    """An optional field's value: None when left empty, a ValidationError at the field when typed wrongly."""
    return edit.value() if edit.text().strip() else None
