"""Purchase orders: the list, an order's lines with what is still on back order, writing a draft,
sending it, receiving goods against it, closing it, and the reorder suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.quantities import quantity_text
from services.billing.totals import line_cost
from services.parts import catalogue, purchasing
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.parts.labels import order_status_labels, suggested_text
from ui.widgets.detail import Col, fields, heading, table
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid, LookupResult
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op, Query


def _grid(columns: list[str], name: str) -> QTableWidget:
    grid = QTableWidget(0, len(columns))
    grid.setObjectName(name)
    grid.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    grid.setHorizontalHeaderLabels(columns)
    grid.verticalHeader().setVisible(False)
    grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    grid.setColumnWidth(0, 260)
    return grid


def _fixed(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _line_cost(values: dict) -> dict:
    """A line's cost (quantity × unit cost, rounded as the services round it)."""
    return {"line_cost": line_cost(quantity_milli=values["quantity"] or 0, unit_cost=values["unit_cost"] or 0)}


def _line_number(field: str) -> int | None:
    """The 1-based line a service field like ``lines[2].quantity`` names, else None."""
    if field.startswith("lines[") and "]" in field:
        inside = field[len("lines["):field.index("]")]
        return int(inside) if inside.isdigit() else None
    return None


class PurchaseOrdersScreen(ListScreen):
    detail_tables = ("purchase_order_line", "goods_receipt", "part")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = order_status_labels()
        headers = {
            "number": self.tr("Number"), "supplier": self.tr("Supplier"), "status": self.tr("Status"),
            "ordered_on": self.tr("Ordered"), "expected_on": self.tr("Expected"), "lines": self.tr("Lines"),
            "back_order": self.tr("Back order"),
        }
        view = ListView(
            ctx, "purchase_orders", headers, noun_plural=self.tr("purchase orders"),
            empty_text=self.tr("No purchase orders yet. Press Ctrl+N to write the first one."),
            filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items()))],
            export_name="purchase_orders", value_labels={"status": self.statuses},
        )
        super().__init__(ctx, self.tr("Purchase orders"), view, can_edit=ctx.can("purchase.edit"), parent=parent)
        self.current_order: purchasing.OrderView | None = None
        self.last_file: Path | None = None
        self.new_button.setText(self.tr("&New order"))
        self.new_button.setToolTip(self.tr("Write a new purchase order (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit draft"))
        self.edit_button.setToolTip(self.tr("Change the selected draft order (F2)"))

        def button(text: str, tip: str, slot, permission: str) -> QPushButton:
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            b.setEnabled(False)
            b.setVisible(ctx.can(permission))
            self.extra_buttons.addWidget(b)
            return b

        self.suggest_button = button(self.tr("Re&order suggestions…"),
                                     self.tr("Parts below their minimum, and draft orders for them"),
                                     self.show_suggestions, "part.view")
        self.suggest_button.setEnabled(True)
        self.receive_button = button(self.tr("&Receive goods…"), self.tr("Book a delivery against the order"),
                                     self.receive_current, "purchase.receive")
        # One action: a draft is numbered and marked sent, then saved as the file that goes to the
        # supplier; a sent order's file can be saved again.
        self.send_button = button(self.tr("&Send to supplier…"),
                                  self.tr("Number a draft and mark it sent, and save the order as a PDF or Excel "
                                          "file for the supplier"),
                                  self.send_current, "part.view")
        self.close_button = button(self.tr("C&lose order"),
                                   self.tr("Close the order: what is still on back order is no longer expected"),
                                   self.close_current, "purchase.edit")

    def detail_changed(self, data: purchasing.OrderView | None) -> None:
        self.current_order = data
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.current_order.status if self.current_order else ""
        self.edit_button.setEnabled(status == "draft")
        self.receive_button.setEnabled(status in purchasing.OPEN_STATUSES)
        self.close_button.setEnabled(status in ("sent", "partly_received", "received"))
        can_send = self.ctx.can("purchase.edit") if status == "draft" else status not in ("", "cancelled")
        self.send_button.setEnabled(can_send)

    def read_detail(self, row_id: str) -> Callable[[], purchasing.OrderView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: purchasing.get_order(db, actor, row_id)

    def render_detail(self, row_id: str, order: purchasing.OrderView) -> str:
        currency = self.ctx.settings.currency
        title = order.number or self.tr("Draft order")
        html = [heading(title), fields([
            (self.tr("Supplier"), order.supplier_name),
            (self.tr("Status"), self.statuses.get(order.status, order.status)),
            (self.tr("Ordered"), date_text(order.ordered_on)),
            (self.tr("Expected"), date_text(order.expected_on)),
            (self.tr("Total cost"), money_text(order.total_cost, currency)),
            (self.tr("Notes"), order.notes),
        ])]
        html.append(table(
            [Col(self.tr("Part")), Col.number(self.tr("Ordered")), Col.number(self.tr("Received")),
             Col.number(self.tr("Back order")), Col.number(self.tr("Unit cost"))],
            [(f"{line.brand} {line.part_number} · {line.description}", quantity_text(line.quantity),
              quantity_text(line.received), quantity_text(line.back_order), money_text(line.unit_cost, currency))
             for line in order.lines]))
        return "".join(html)

    def new_record(self) -> None:
        order_id = OrderDialog.ask(self.ctx, self)
        if order_id:
            self.list.reload()
            self.list.select_id(order_id)

    def edit_record(self, row_id: str) -> None:
        if self.current_order is not None and self.current_order.id == row_id and self.current_order.status == "draft":
            OrderDialog.ask(self.ctx, self, order_id=row_id)

    def send_current(self) -> None:
        """Send the selected order to its supplier: a draft is numbered and marked sent first; then the
        user chooses where to save the file that goes to the supplier. GUI thread."""
        order = self.current_order
        if order is None:
            return
        if order.status != "draft":
            self._save_for_supplier(order.id, order.number, order.supplier_name)
            return
        db, actor, supplier = self.ctx.db, self.ctx.actor, order.supplier_name
        self.op = Op(self, lambda _p, _c: purchasing.send_order(db, actor, order.id)).success(
            lambda number: self._save_for_supplier(order.id, number, supplier)).run()

    def _save_for_supplier(self, order_id: str, number: str | None, supplier_name: str) -> None:
        """Ask where to save the order for the supplier (PDF or Excel, by the chosen name), then write it
        on the database worker."""
        pdf_filter, xlsx_filter = self.tr("PDF document (*.pdf)"), self.tr("Excel workbook (*.xlsx)")
        draft = self.tr("Draft order")
        name = f"{number or draft} {supplier_name}.pdf"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Send to supplier"), name,
                                                   f"{pdf_filter};;{xlsx_filter}")
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            out = out.with_name(out.name + (".xlsx" if chosen == xlsx_filter else ".pdf"))
        self.write_order_file(order_id, out)

    def write_order_file(self, order_id: str, out: Path) -> Op:
        """Write the order to ``out`` (.xlsx, else PDF) off the GUI thread; GUI thread."""
        from services.parts import documents

        db, actor = self.ctx.db, self.ctx.actor
        write = documents.purchase_order_xlsx if out.suffix.lower() == ".xlsx" else documents.purchase_order_pdf

        def done(written: Path) -> None:
            self.last_file = Path(written)
            QMessageBox.information(self, self.tr("Send to supplier"),
                                    self.tr("Saved %1").replace("%1", str(written)))

        self.op = Op(self, lambda _p, _c: write(db, actor, order_id, out), title=self.tr("Writing the order"),
                     cancellable=False).success(done).run()
        return self.op

    def receive_current(self) -> None:
        if self.current_order is not None:
            ReceiveDialog.ask(self.ctx, self.current_order.id, self)

    def close_current(self) -> None:
        order = self.current_order
        if order is None:
            return
        answer = QMessageBox.question(self, self.tr("Close order"),
                                      self.tr("Close %1? Whatever is still on back order will no longer be "
                                              "expected.").replace("%1", order.number or ""))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, order_id = self.ctx.db, self.ctx.actor, order.id
        self.op = Op(self, lambda _p, _c: purchasing.close_order(db, actor, order_id)).run()

    def show_suggestions(self) -> None:
        if SuggestionsDialog.ask(self.ctx, self):
            self.list.reload()


class OrderDialog(FormDialog):
    """A draft purchase order: the supplier and the lines (part, quantity, unit cost). A part number
    typed on a line is looked up in the catalogue; Find part searches it by name. Use :meth:`ask`;
    it returns the saved order's id or None."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, order_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.currency = ctx.settings.currency
        self._line_rows: list[int] = []
        self.setWindowTitle(self.tr("Edit purchase order") if order_id else self.tr("New purchase order"))
        self.resize(820, 480)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.supplier = QComboBox()
        self.supplier.setObjectName("supplier_id")
        for s in purchasing.list_suppliers(ctx.db, ctx.actor):
            self.supplier.addItem(s.name, s.id)
        self.errors.add_row("supplier_id", self.tr("&Supplier"), self.supplier)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)

        db, actor = ctx.db, ctx.actor
        not_found = self.tr("No part in the catalogue has this number")

        def find_part(number: str, _line: dict) -> LookupResult:
            """The catalogue part a typed number names, at its list cost (or average cost when it has
            none). Database worker."""
            part = catalogue.part_by_number(db, actor, number)
            if part is None:
                return LookupResult(values={"brand": "", "description": ""}, error=not_found)
            return LookupResult(values={"part_number": part.part_number, "brand": part.brand,
                                        "description": part.description},
                                fill={"unit_cost": part.list_cost or part.average_cost}, data={"part_id": part.id})

        self.grid = LineGrid([
            GridColumn("part_number", self.tr("Part number"), kind="lookup", width=150, lookup=find_part,
                       max_length=60),
            GridColumn("brand", self.tr("Brand"), width=90, editable=False),
            GridColumn("description", self.tr("Description"), width=0, editable=False),
            GridColumn("quantity", self.tr("Quantity"), kind="quantity", width=80, total=True),
            GridColumn("unit_cost", self.tr("Unit cost"), kind="money", width=100),
            GridColumn("line_cost", self.tr("Line cost"), kind="money", width=110, derived=True, total=True),
        ], currency=self.currency, derive=_line_cost, defaults={"quantity": 1000}, totals=True,
            name="orderLines")
        self.find_button = QPushButton(self.tr("&Find part…"))
        self.find_button.setToolTip(self.tr("Find the part by name or number (F4)"))
        enter_presses(self.find_button)
        self.find_button.clicked.connect(self.pick_part)
        QShortcut(QKeySequence("F4"), self, self.pick_part)
        self.grid.bar.addWidget(self.find_button)
        self.grid.bar.addStretch(1)
        self.lines_error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.lines_error)
        layout.addWidget(self.buttons)
        if order_id:
            order = purchasing.get_order(ctx.db, ctx.actor, order_id)
            self.supplier.setCurrentIndex(max(self.supplier.findData(order.supplier_id), 0))
            self.notes.setText(order.notes)
            self.grid.set_rows([
                ({"part_number": line.part_number, "brand": line.brand, "description": line.description,
                  "quantity": line.quantity, "unit_cost": line.unit_cost},
                 # A line ordered for a customer's back order stays theirs when the draft is changed.
                 {"part_id": line.part_id, "for_customer_id": line.for_customer_id,
                  "for_reference": line.for_reference})
                for line in order.lines])
        if not self.grid.row_count():
            self.grid.add_row()
        if not self.supplier.count():
            self.lines_error.setText(self.tr("Add a supplier first: there is none to order from."))
            self.lines_error.show()

    def pick_part(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("part",), title=self.tr("Choose the part"))
        if hit is not None:
            self.add_part(hit.ref_id)

    def add_part(self, part_id: str) -> None:
        """Put ``part_id`` on the blank last line (or a new one) at its list cost (or average cost when
        it has none), ready for its quantity."""
        part = catalogue.get_part(self.ctx.db, self.ctx.actor, part_id)
        last = self.grid.row_count() - 1
        row = last if last >= 0 and self.grid.is_blank(last) else self.grid.add_row()
        self.grid.set_values(row, {"part_number": part.part_number, "brand": part.brand,
                                   "description": part.description, "quantity": 1000,
                                   "unit_cost": part.list_cost or part.average_cost})
        self.grid.row_data(row).update({"part_id": part.id})
        self.grid.focus_cell(row, "quantity")

    def lines(self) -> list[purchasing.OrderLine]:
        """The typed lines (blank ones left out); a ValidationError names the line and field of the
        first one that cannot be read."""
        self.grid.commit()
        out = []
        self._line_rows = []
        for row in range(self.grid.row_count()):
            if self.grid.is_blank(row):
                continue
            self._line_rows.append(row)
            where = f"lines[{len(self._line_rows)}]"
            try:
                self.grid.check(row)
            except ValidationError as exc:
                raise ValidationError(f"{where}.{exc.field}", exc.detail) from None
            values, data = self.grid.values(row), self.grid.row_data(row)
            if not data.get("part_id"):
                raise ValidationError(f"{where}.part_number",
                                      self.grid.error(row, "part_number") or self.tr("Type a part number"))
            if values["quantity"] is None:
                raise ValidationError(f"{where}.quantity", self.tr("Enter a quantity"))
            out.append(purchasing.OrderLine(data["part_id"], values["quantity"], values["unit_cost"] or 0,
                                            for_customer_id=data.get("for_customer_id"),
                                            for_reference=data.get("for_reference") or ""))
        return out

    def show_field_error(self, exc: ValidationError) -> bool:
        line = _line_number(exc.field)
        if line is None and exc.field != "lines":
            return self.errors.show(exc)
        self.errors.clear()
        self.lines_error.setText(self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", detail_text(exc))
                                 if line else detail_text(exc))
        self.lines_error.show()
        if line and line <= len(self._line_rows):
            key = exc.field.rsplit(".", 1)[-1] if "." in exc.field else ""
            key = key if key in ("quantity", "unit_cost", "part_number") else "part_number"
            row = self._line_rows[line - 1]
            self.grid.mark(row, key, detail_text(exc))
            self.grid.focus_cell(row, key)
        return True

    def save(self) -> None:
        self.lines_error.hide()
        self.grid.clear_marks()
        try:
            lines = self.lines()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        db, actor, order_id = self.ctx.db, self.ctx.actor, self.order_id
        supplier_id, notes = self.supplier.currentData() or "", self.notes.text()
        if order_id:
            def update() -> str:
                purchasing.update_order(db, actor, order_id, lines, supplier_id=supplier_id, notes=notes)
                return order_id

            self.submit(update)
        else:
            self.submit(lambda: purchasing.create_order(db, actor, supplier_id, lines, notes=notes))


class ReceiveDialog(FormDialog):
    """Goods delivered against a sent order: the quantity and actual unit cost of each open line.
    Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.currency = ctx.settings.currency
        self.order = purchasing.get_order(ctx.db, ctx.actor, order_id)
        self.result_value: purchasing.ReceiptResult | None = None
        self.setWindowTitle(self.tr("Receive goods"))
        self.resize(820, 460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("Order"), QLabel(f"{self.order.number} · {self.order.supplier_name}"))
        self.reference = QLineEdit()
        self.reference.setObjectName("supplier_reference")
        self.reference.setMaxLength(80)
        self.errors.add_row("supplier_reference", self.tr("Supplier's &delivery note"), self.reference)
        self.received_on = DateEdit()
        self.received_on.setObjectName("received_on")
        self.errors.add_row("received_on", self.tr("Received &on"), self.received_on)
        self.grid = LineGrid([
            GridColumn("part", self.tr("Part"), width=0, editable=False),
            GridColumn("ordered", self.tr("Ordered"), kind="quantity", width=80, editable=False),
            GridColumn("outstanding", self.tr("Outstanding"), kind="quantity", width=105, editable=False),
            GridColumn("quantity", self.tr("Received now"), kind="quantity", width=115, total=True),
            GridColumn("unit_cost", self.tr("Unit cost"), kind="money", width=100),
            GridColumn("line_cost", self.tr("Line cost"), kind="money", width=110, derived=True, total=True),
        ], currency=self.currency, derive=_line_cost, can_add=False, can_remove=False, totals=True,
            name="receiveLines")
        self.line_ids: list[str] = []
        rows = []
        for line in self.order.lines:
            outstanding = line.quantity - line.received
            if outstanding <= 0:
                continue
            self.line_ids.append(line.id)
            rows.append(({"part": f"{line.brand} {line.part_number} · {line.description}", "ordered": line.quantity,
                          "outstanding": outstanding, "quantity": outstanding, "unit_cost": line.unit_cost},
                         {"line_id": line.id}))
        self.grid.set_rows(rows)
        self.lines_error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Receive"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(hint_label(self.tr("Enter what arrived; leave 0 on lines that did not come. What is "
                                            "not received stays on back order.")))
        layout.addWidget(self.lines_error)
        layout.addWidget(self.buttons)
        self.reference.setFocus()

    def lines(self) -> dict[str, tuple[int, int]]:
        """PO line id → (quantity received, unit cost) of the lines that came; a ValidationError names
        the line and field of the first one that cannot be read."""
        self.grid.commit()
        out = {}
        for row, line_id in enumerate(self.line_ids):
            try:
                self.grid.check(row)
            except ValidationError as exc:
                raise ValidationError(f"lines[{line_id}].{exc.field}", exc.detail) from None
            quantity, cost = self.grid.value(row, "quantity"), self.grid.value(row, "unit_cost")
            if quantity:
                out[line_id] = (quantity, cost or 0)
        return out

    def show_field_error(self, exc: ValidationError) -> bool:
        if not exc.field.startswith("lines"):
            return self.errors.show(exc)
        self.errors.clear()
        self.lines_error.setText(detail_text(exc))
        self.lines_error.show()
        for row, line_id in enumerate(self.line_ids):
            if exc.field.startswith(f"lines[{line_id}]"):
                key = "unit_cost" if exc.field.endswith("unit_cost") else "quantity"
                self.grid.mark(row, key, detail_text(exc))
                self.grid.focus_cell(row, key)
        return True

    def save(self) -> None:
        self.lines_error.hide()
        self.grid.clear_marks()
        try:
            lines = self.lines()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        db, actor, order_id = self.ctx.db, self.ctx.actor, self.order_id
        on, reference = self.received_on.value(), self.reference.text()

        def work() -> purchasing.ReceiptResult:
            return purchasing.receive_goods(db, actor, order_id, lines, on, reference)

        self.submit(work)

    def after_save(self, result: purchasing.ReceiptResult) -> None:
        self.result_value = result
        if result.reserved:
            names = {line.id: f"{line.brand} {line.part_number}" for line in self.order.lines}
            text = "\n".join(self.tr("%1: %2 reserved for %3").replace("%1", names.get(flag.line_id, ""))
                             .replace("%2", quantity_text(flag.quantity)).replace("%3", flag.for_reference)
                             for flag in result.reserved)
            QMessageBox.information(self, self.tr("Stock reserved"),
                                    self.tr("Goods received for customers' back orders are set aside:") + "\n\n"
                                    + text)

    @classmethod
    def ask(cls, ctx: AppContext, order_id: str, parent: QWidget | None = None) -> purchasing.ReceiptResult | None:
        dialog = cls(ctx, order_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.result_value if accepted else None
        dialog.deleteLater()
        return result


class SuggestionsDialog(QDialog):
    """The reorder suggestions, with a button that turns them into draft orders (one per supplier).
    Use :meth:`ask`; True when drafts were made."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.made: list[str] = []
        self.setWindowTitle(self.tr("Reorder suggestions"))
        self.resize(860, 480)
        self.grid = _grid([self.tr("Part"), self.tr("Supplier"), self.tr("Available"), self.tr("On order"),
                           self.tr("Minimum"), self.tr("Maximum"), self.tr("Order"), self.tr("Unit cost")],
                          "suggestions")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.make_button = QPushButton(self.tr("&Make draft orders"))
        self.make_button.setEnabled(False)
        self.make_button.setVisible(ctx.can("purchase.edit"))
        self.make_button.clicked.connect(self.make_orders)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        self.status = hint_label(self.tr("Reading the stock position…"))
        layout.addWidget(self.status)
        layout.addWidget(self.grid, 1)
        layout.addWidget(hint_label(self.tr(
            "Minimum and maximum are the part's own levels, the same as in the parts list and the alerts. "
            "Parts not set to manual take the levels the reorder rule suggests from the last 12 months' "
            "demand; they are brought up to date when this list opens. A suggestion that differs from a "
            "manual level is shown in brackets.")))
        layout.addWidget(hint_label(self.tr("Parts without a preferred supplier are left out of the drafts.")))
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        """Store the reorder rule's levels (where the user may), then read the suggestions; both on the
        database worker. GUI thread."""
        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        if self.ctx.can("purchase.edit"):
            self.rule_op = Op(self, lambda _p, _c: purchasing.apply_reorder_rule(db, actor, today=today),
                              title=self.tr("Updating the levels from demand…"), cancellable=False)
            self.rule_op.success(lambda _changed: self._read()).failure(self._failed).run()
        else:
            self._read()

    def _read(self) -> None:
        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        self.query = Query(self, lambda: purchasing.suggestions(db, actor, today=today)).success(
            self._fill).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.status.setText(self.tr("The suggestions could not be read."))
        show_error(self, exc)

    def _fill(self, groups: list[purchasing.SupplierSuggestions]) -> None:
        currency = self.ctx.settings.currency
        self.grid.setRowCount(0)
        for group in groups:
            for s in group.lines:
                row = self.grid.rowCount()
                self.grid.insertRow(row)
                self.grid.setItem(row, 0, _fixed(f"{s.brand} {s.part_number} · {s.description}"))
                self.grid.setItem(row, 1, _fixed(group.supplier_name if group.supplier_id else self.tr("(none)")))
                for col, value in enumerate((quantity_text(s.available), quantity_text(s.on_order),
                                             suggested_text(s.min_qty, s.suggested_min),
                                             suggested_text(s.max_qty, s.suggested_max),
                                             quantity_text(s.quantity)), start=2):
                    self.grid.setItem(row, col, _fixed(value, right=True))
                self.grid.setItem(row, 7, _fixed(money_text(s.unit_cost, currency), right=True))
        self.make_button.setEnabled(self.grid.rowCount() > 0 and self.ctx.can("purchase.edit"))
        self.status.setText(self.tr("No part is below its minimum.") if not self.grid.rowCount() else "")
        self.status.setVisible(not self.grid.rowCount())

    def make_orders(self) -> None:
        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        self.make_button.setEnabled(False)
        self.op = Op(self, lambda _p, _c: purchasing.make_orders_from_suggestions(db, actor, today=today)).success(
            self._made).run()

    def _made(self, ids: list[str]) -> None:
        self.made = ids
        QMessageBox.information(self, self.tr("Reorder suggestions"),
                                self.tr("%n draft order(s) written.", "", len(ids)))
        self.accept()

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted and bool(dialog.made)
