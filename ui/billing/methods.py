"""Payment methods dialog (Settings → Payment methods…): the order the payment dialog offers them in,
which are switched on, and the dealership's own methods (a voucher scheme, a fleet account…).

Standard methods can be switched off but not removed; a method some payment uses can only be
switched off. The rules live in :mod:`services.billing.methods`; this dialog only arranges rows."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.billing import methods
from ui.billing.labels import method_labels
from ui.context import AppContext
from ui.messages import detail_text
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.keys import enter_presses

_ROW = re.compile(r"^methods\[(\d+)\]")
NAME, ACTIVE, USED = range(3)


class PaymentMethodsDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Payment methods"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("paymentMethods")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("Method"), self.tr("Offered"), self.tr("In use")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(USED, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.up = QPushButton(self.tr("Move &up"))
        self.up.setToolTip("Alt+Up")
        self.up.clicked.connect(lambda _checked=False: self.move(-1))
        self.down = QPushButton(self.tr("Move &down"))
        self.down.setToolTip("Alt+Down")
        self.down.clicked.connect(lambda _checked=False: self.move(1))
        self.add = QPushButton(self.tr("&Add own method"))
        self.add.clicked.connect(lambda _checked=False: self.add_own())
        self.remove = QPushButton(self.tr("&Remove"))
        self.remove.setToolTip(self.tr("Only a method of your own that no payment uses can be removed; "
                                       "switch the others off instead"))
        self.remove.clicked.connect(lambda _checked=False: self.remove_selected())
        side = QVBoxLayout()
        for button in (self.up, self.down, self.add, self.remove):
            enter_presses(button)
            side.addWidget(button)
        side.addStretch(1)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.error = error_label()
        self.errors.labels["methods"] = self.error
        self.errors.widgets["methods"] = self.table

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr(
            "The payment dialog offers the methods switched on, in this order. Type over a method of your own "
            "to rename it.")))
        layout.addLayout(middle, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move(-1))
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move(1))
        self.resize(560, 420)
        self.load(methods.methods(ctx.db, ctx.actor))

    # --- rows ---------------------------------------------------------------------------------------
    def load(self, rows: list[methods.Method]) -> None:
        labels = method_labels()
        self.table.setRowCount(0)
        for m in rows:
            self._append(m.code, m.name if not m.standard else labels.get(m.code, m.code), m.active,
                         standard=m.standard, in_use=m.in_use)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _append(self, code: str, name: str, active: bool, *, standard: bool, in_use: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, (code, standard, in_use))
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if not standard:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        self.table.setItem(row, NAME, item)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        check.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
        self.table.setItem(row, ACTIVE, check)
        used = QTableWidgetItem("✓" if in_use else "")
        used.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        used.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, USED, used)
        return row

    def _meta(self, row: int) -> tuple[str, bool, bool]:
        return self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        selected = row >= 0 and bool(self.table.selectedItems())
        self.up.setEnabled(selected and row > 0)
        self.down.setEnabled(selected and row < self.table.rowCount() - 1)
        _code, standard, in_use = self._meta(row) if selected else ("", True, True)
        self.remove.setEnabled(selected and not standard and not in_use)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        items = [self.table.takeItem(row, col) for col in range(3)]
        others = [self.table.takeItem(target, col) for col in range(3)]
        for col in range(3):
            self.table.setItem(target, col, items[col])
            self.table.setItem(row, col, others[col])
        self.table.selectRow(target)
        self._update_buttons()

    def add_own(self) -> None:
        row = self._append("", self.tr("New method"), True, standard=False, in_use=False)
        self.table.selectRow(row)
        self.table.editItem(self.table.item(row, NAME))
        self._update_buttons()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        _code, standard, in_use = self._meta(row)
        if standard or in_use:
            return
        self.table.removeRow(row)
        self._update_buttons()

    # --- saving -------------------------------------------------------------------------------------
    def value(self) -> list[methods.MethodInput]:
        out = []
        for row in range(self.table.rowCount()):
            code, _standard, _in_use = self._meta(row)
            out.append(methods.MethodInput(
                code=code, name=self.table.item(row, NAME).text(),
                active=self.table.item(row, ACTIVE).checkState() == Qt.CheckState.Checked))
        return out

    def save(self) -> None:
        rows = self.value()
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: methods.save_methods(db, actor, rows))

    def show_field_error(self, exc: ValidationError) -> bool:
        match = _ROW.match(exc.field)
        if match:
            row = int(match.group(1)) - 1
            if 0 <= row < self.table.rowCount():
                self.table.selectRow(row)
                self.error.setText(self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", detail_text(exc)))
                self.error.show()
                self.table.setFocus()
                return True
        self.error.setText(detail_text(exc))
        self.error.show()
        return True

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

