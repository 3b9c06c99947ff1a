"""The parts catalogue with its stock: the list, a part's detail with its latest movements, the part
form and the stock adjustment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from core.quantities import quantity_text
from services.parts import catalogue, purchasing, stock
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.parts.labels import levels_text, movement_labels, unit_text, unit_value
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.fields import MoneyEdit, QuantityEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen, html_escape
from ui.workers import Query

LATEST_MOVEMENTS = 15


@dataclass(frozen=True)
class PartDetail:
    """What the part pane shows: the part with its stock, its latest movements and a year's demand."""

    part: catalogue.PartView
    movements: list[stock.MovementRow]
    demand: list[tuple[str, int]]
    levels: purchasing.ReorderLevels


class PartsScreen(ListScreen):
    detail_tables = ("stock_movement", "stock_reservation", "supplier", "part")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "brand": self.tr("Brand"), "part_number": self.tr("Part number"),
            "description": self.tr("Description"), "category": self.tr("Category"), "bin": self.tr("Bin"),
            "on_hand": self.tr("On hand"), "reserved": self.tr("Reserved"), "available": self.tr("Available"),
            "min_qty": self.tr("Minimum"), "max_qty": self.tr("Maximum"),
            "retail_price": self.tr("Retail price"), "average_cost": self.tr("Average cost"),
        }
        view = ListView(
            ctx, "parts", headers, noun_plural=self.tr("parts"),
            empty_text=self.tr("No parts yet. Press Ctrl+N to add the first one."),
            filters=[FilterSpec("below_min", self.tr("Below minimum")), FilterSpec("in_stock", self.tr("In stock"))],
            export_name="parts",
        )
        super().__init__(ctx, self.tr("Parts"), view, can_edit=ctx.can("part.edit"), parent=parent)
        self.current_part: catalogue.PartView | None = None
        self.new_button.setText(self.tr("&New part"))
        self.new_button.setToolTip(self.tr("Add a part to the catalogue (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit part"))
        self.edit_button.setToolTip(self.tr("Change the selected part (F2)"))
        self.adjust_button = QPushButton(self.tr("&Adjust stock…"), self)
        self.adjust_button.setToolTip(self.tr("Correct the stock of the selected part"))
        self.adjust_button.clicked.connect(self.adjust_current)
        self.adjust_button.setEnabled(False)
        self.adjust_button.setVisible(ctx.can("stock.adjust"))
        self.extra_buttons.addWidget(self.adjust_button)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setToolTip(self.tr("Import a catalogue, a price list or count figures from Excel or CSV"))
        self.import_button.clicked.connect(self.import_file)
        self.import_button.setVisible(ctx.can("part.import"))
        self.extra_buttons.addWidget(self.import_button)
        self.sale_button = QPushButton(self.tr("Counter &sale…"), self)
        self.sale_button.setToolTip(self.tr("Sell parts over the counter: a counter-sale invoice that takes them "
                                            "out of stock when posted (Ctrl+Shift+S)"))
        self.sale_button.clicked.connect(self.counter_sale)
        self.sale_button.setVisible(ctx.can("invoice.edit"))
        self.extra_buttons.insertWidget(0, self.sale_button)
        if ctx.can("invoice.edit"):
            QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.counter_sale,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list.current_changed.connect(lambda row_id: self.adjust_button.setEnabled(bool(row_id)))

    def detail_changed(self, data: PartDetail | None) -> None:
        self.current_part = data.part if data is not None else None

    def counter_sale(self) -> None:
        """Start a counter sale with the selected part, once its number is known (the pane's, or read
        on the database worker while the pane is still on its way). GUI thread."""
        part = self.current_part
        if not self.current_id or (part is not None and part.id == self.current_id):
            self._open_counter_sale(part.part_number if part is not None else None)
            return
        db, actor, part_id = self.ctx.db, self.ctx.actor, self.current_id

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                from ui.errors import show_error

                show_error(self, exc)
                return
            # The part went away meanwhile: the sale starts without it.
            self._open_counter_sale(None)

        Query(self, lambda: catalogue.get_part(db, actor, part_id).part_number).success(
            self._open_counter_sale).failure(failed).run()

    def _open_counter_sale(self, number: str | None) -> None:
        self.sale_dialog = _start_counter_sale(self.ctx, self, number)
        self.sale_dialog.open()

    def read_detail(self, row_id: str) -> Callable[[], PartDetail]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: PartDetail(part=catalogue.get_part(db, actor, row_id),
                                  movements=stock.movements(db, actor, row_id, limit=LATEST_MOVEMENTS),
                                  demand=stock.monthly_demand(db, actor, row_id),
                                  levels=purchasing.reorder_levels(db, actor, row_id))

    def render_detail(self, row_id: str, data: PartDetail) -> str:
        part, moves = data.part, data.movements
        currency = self.ctx.settings.currency
        html = [heading(f"{part.brand} {part.part_number}"), paragraph(part.description)]
        if part.superseded_by_id:
            html.append(paragraph(self.tr("Superseded: %1 → %2").replace("%1", part.part_number)
                                  .replace("%2", part.superseded_by_number or ""), bold=True))
        costs = self.ctx.can("cost.view")
        html.append(fields([
            (self.tr("On hand"), quantity_text(part.on_hand)),
            (self.tr("Reserved"), quantity_text(part.reserved)),
            (self.tr("Available"), quantity_text(part.available)),
            (self.tr("Minimum / maximum"), levels_text(data.levels)),
            (self.tr("Levels set"), self.tr("by hand") if data.levels.manual
             else self.tr("by the reorder rule, from demand")),
            *([(self.tr("Average cost"), money_text(part.average_cost, currency))] if costs else []),
            (self.tr("Retail price"), money_text(part.retail_price, currency)),
            (self.tr("Trade price"), money_text(part.trade_price, currency)),
            *([(self.tr("List cost"), money_text(part.list_cost, currency))] if costs else []),
            (self.tr("Category"), part.category),
            (self.tr("Bin"), part.bin),
            (self.tr("Unit"), unit_text(part.unit)),
            (self.tr("Barcode"), part.barcode),
            (self.tr("Last movement"), date_text(part.last_movement_on)),
        ]))
        html.append(heading(self.tr("Demand, last 12 months"), level=3))
        if any(quantity for _month, quantity in data.demand):
            html.append(demand_chart(data.demand))
        else:
            html.append(paragraph(self.tr("No demand in the last 12 months."), hint=True))
        html.append(heading(self.tr("Latest movements"), level=3))
        if not moves:
            html.append(paragraph(self.tr("No stock movements yet."), hint=True))
        else:
            kinds = movement_labels()
            cols = [Col.atom(self.tr("Date")), Col(self.tr("Type")), Col.number(self.tr("Quantity")),
                    Col.number(self.tr("Unit cost")), Col(self.tr("Reference"))]
            rows = [(date_text(m.moved_on), kinds.get(m.kind, m.kind), quantity_text(m.quantity),
                     money_text(m.unit_cost, currency), m.reference or m.notes) for m in moves]
            if not costs:
                del cols[3]
                rows = [r[:3] + r[4:] for r in rows]
            html.append(table(cols, rows))
        return "".join(html)

    def new_record(self) -> None:
        part_id = PartDialog.ask(self.ctx, self)
        if part_id:
            self.list.reload()
            self.list.select_id(part_id)

    def edit_record(self, row_id: str) -> None:
        PartDialog.ask(self.ctx, self, part_id=row_id)

    def import_file(self) -> None:
        from ui.imports import ImportDialog

        if ImportDialog.ask(self.ctx, self, kind="parts") is not None:
            self.list.reload()

    def adjust_current(self) -> None:
        if self.current_id:
            AdjustStockDialog.ask(self.ctx, self.current_id, self)


class PartDialog(FormDialog):
    """A new part, or changes to one. Use :meth:`ask`; it returns the saved part's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, part_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.part_id = part_id
        self.setWindowTitle(self.tr("Edit part") if part_id else self.tr("New part"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        currency = ctx.settings.currency

        def line(field: str, label: str, max_len: int) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setMaxLength(max_len)
            self.errors.add_row(field, label, edit)
            return edit

        def amount(field: str, label: str) -> MoneyEdit:
            edit = MoneyEdit(currency, field=field)
            edit.setObjectName(field)
            self.errors.add_row(field, label, edit)
            return edit

        self.brand = line("brand", self.tr("&Brand"), 80)
        self.part_number = line("part_number", self.tr("Part &number"), 60)
        self.description = line("description", self.tr("&Description"), 200)
        self.category = line("category", self.tr("&Category"), 60)
        self.bin = line("bin", self.tr("B&in"), 20)
        self.unit = line("unit", self.tr("&Unit"), 20)
        self.retail_price = amount("retail_price", self.tr("&Retail price"))
        self.trade_price = amount("trade_price", self.tr("&Trade price"))
        self.list_cost = amount("list_cost", self.tr("&List cost"))
        self.min_qty = QuantityEdit(field="min_qty")
        self.max_qty = QuantityEdit(field="max_qty")
        # Minimum and maximum are either the reorder rule's (from the part's demand, kept current by
        # every sale and issue) or the ones typed here: typing them would otherwise be overwritten.
        self.automatic = QCheckBox(self.tr("Set by the reorder &rule from demand"))
        self.automatic.setObjectName("automaticLevels")
        self.automatic.setChecked(True)
        self.automatic.toggled.connect(self._levels_editable)
        self.errors.add_row("reorder_manual", self.tr("Stock levels"), self.automatic)
        for field, label, edit in (("min_qty", self.tr("M&inimum"), self.min_qty),
                                   ("max_qty", self.tr("Ma&ximum"), self.max_qty)):
            edit.setObjectName(field)
            edit.setMaximumWidth(120)
            self.errors.add_row(field, label, edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.unit.setText(unit_text("pcs"))
        self.original: catalogue.PartView | None = None
        if part_id:
            self.original = catalogue.get_part(ctx.db, ctx.actor, part_id)
            p = self.original
            for edit, value in ((self.brand, p.brand), (self.part_number, p.part_number),
                                (self.description, p.description), (self.category, p.category), (self.bin, p.bin),
                                (self.unit, unit_text(p.unit))):
                edit.setText(value)
            self.min_qty.set_value(p.min_qty)
            self.max_qty.set_value(p.max_qty)
            self.automatic.setChecked(not p.reorder_manual)
            self.retail_price.set_value(p.retail_price)
            self.trade_price.set_value(p.trade_price)
            self.list_cost.set_value(p.list_cost)
        self._levels_editable(self.automatic.isChecked())
        self.brand.setFocus()

    def _levels_editable(self, automatic: bool) -> None:
        for edit in (self.min_qty, self.max_qty):
            edit.setEnabled(not automatic)
            edit.setToolTip(self.tr("The reorder rule sets this from the part's demand; untick the box above to "
                                    "set it yourself") if automatic else "")

    def data(self) -> catalogue.PartInput | None:
        """The typed part, or None after showing the first mistyped amount or quantity by its field."""
        self.errors.clear()
        try:
            values: dict[str, Any] = {
                "retail_price": self.retail_price.value(), "trade_price": self.trade_price.value(),
                "list_cost": self.list_cost.value(),
                "min_qty": self.min_qty.value(), "max_qty": self.max_qty.value(),
            }
        except ValidationError as exc:
            self.errors.show(exc)
            return None
        keep: dict[str, Any] = {}
        if self.original is not None:
            p = self.original
            keep = {"description_alt": p.description_alt, "barcode": p.barcode, "tax_code": p.tax_code,
                    "preferred_supplier_id": p.preferred_supplier_id, "active": p.active}
        keep["reorder_manual"] = not self.automatic.isChecked()
        return catalogue.PartInput(brand=self.brand.text(), part_number=self.part_number.text(),
                                   description=self.description.text(), category=self.category.text(),
                                   bin=self.bin.text(), unit=unit_value(self.unit.text()), **values, **keep)

    def save(self) -> None:
        data = self.data()
        if data is None:
            return
        db, actor, part_id = self.ctx.db, self.ctx.actor, self.part_id
        if part_id:
            self.submit(lambda: catalogue.update_part(db, actor, part_id, data))
        else:
            self.submit(lambda: catalogue.create_part(db, actor, data))


class AdjustStockDialog(FormDialog):
    """Correct a part's stock by a signed quantity, with the reason. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, part_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.part_id = part_id
        part = catalogue.get_part(ctx.db, ctx.actor, part_id)
        self.setWindowTitle(self.tr("Adjust stock"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("Part"), QLabel(f"{part.brand} {part.part_number} · {part.description}"))
        form.addRow(self.tr("On hand"), QLabel(quantity_text(part.on_hand)))
        self.quantity = QuantityEdit(required=True)
        self.quantity.setObjectName("quantity")
        self.quantity.setPlaceholderText(self.tr("e.g. 2 or -1"))
        self.errors.add_row("quantity", self.tr("&Quantity"), self.quantity)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.errors.add_row("reason", self.tr("&Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Adjust"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("A positive quantity adds stock found; a negative one removes stock "
                                            "lost or damaged.")))
        layout.addWidget(self.buttons)
        self.quantity.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            quantity = self.quantity.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, part_id, reason = self.ctx.db, self.ctx.actor, self.part_id, self.reason.text()

        def work() -> str:
            stock.adjust(db, actor, part_id, quantity, reason)
            return part_id

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, part_id: str, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, part_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted


def demand_chart(months: list[tuple[str, int]]) -> str:
    """Monthly demand as horizontal bars the detail pane can show (plain HTML tables)."""
    peak = max((q for _m, q in months), default=0)
    rows = []
    for month, quantity in months:
        width = 0 if peak <= 0 else max(1, round(160 * max(quantity, 0) / peak))
        bar = (f"<table cellspacing='0' cellpadding='0'><tr><td bgcolor='#1f5fa8' width='{width}' height='10'>"
               "</td></tr></table>") if width else ""
        rows.append(f"<tr><td nowrap>{html_escape(month)}</td><td>{bar}</td>"
                    f"<td align='right' nowrap>{html_escape(quantity_text(quantity))}</td></tr>")
    return "<table cellspacing='2'>" + "".join(rows) + "</table>"


def _start_counter_sale(ctx: AppContext, parent: QWidget, part_number: str | None):
    """A counter-sale invoice, with the selected part on its first line when there is one."""
    from ui.billing.editor import InvoiceDialog

    dialog = InvoiceDialog(ctx, parent=parent)
    dialog.kind.setCurrentIndex(max(0, dialog.kind.findData("counter_sale")))
    if part_number:
        # Typing the number into the code cell looks the part up, as a clerk typing it would.
        dialog.lines.enter(0, "item_code", part_number)
    return dialog
