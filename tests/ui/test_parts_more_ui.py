"""More parts screens driven through the real widgets: sending a purchase order to the supplier as a
file, the suppliers page with its form, and the stock alerts page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from core.quantities import InsufficientStock
from services.parts import catalogue, purchasing, stock
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput
from store.uow import UnitOfWork
from ui.main_window import MainWindow
from ui.parts.alerts import StockAlertsScreen
from ui.parts.orders import PurchaseOrdersScreen
from ui.parts.suppliers import SupplierDialog, SuppliersScreen
from ui.widgets.list_view import ListView


def _part(db, owner, number: str, *, description: str = "机油滤清器", min_qty: int = 0) -> str:
    return catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number=number, description=description,
                                                      bin="A-01", list_cost=6000, min_qty=min_qty, max_qty=min_qty,
                                                      reorder_manual=bool(min_qty)))


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _column(view: ListView, key: str) -> list[str]:
    """A column of an alert list as shown."""
    model = view.model
    col = [c.key for c in model.columns].index(key)
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.fixture
def supplier(db, owner) -> str:
    return purchasing.create_supplier(db, owner, SupplierInput(name="华东配件", contact_name="李明", lead_time_days=4))


@pytest.fixture
def orders_page(window, settle) -> PurchaseOrdersScreen:
    page = window.show_page("purchase_orders")
    assert isinstance(page, PurchaseOrdersScreen)
    settle()
    return page


# --- sending a purchase order -----------------------------------------------------------------------

def _sent_order(db, owner, supplier: str) -> tuple[str, str]:
    order_id = purchasing.create_order(db, owner, supplier, [(_part(db, owner, "04152-YZZA1"), 2000, 4500)])
    return order_id, purchasing.send_order(db, owner, order_id)


def test_send_to_supplier_saves_the_order_as_a_pdf_where_the_user_chooses(
        qtbot, db, owner, supplier, orders_page, settle, save_as, messages, select_row):
    order_id, number = _sent_order(db, owner, supplier)
    orders_page.list.reload()
    settle()
    select_row(orders_page, order_id)
    assert orders_page.send_button.isEnabled()
    path = Path(save_as("order.pdf"))

    qtbot.mouseClick(orders_page.send_button, Qt.MouseButton.LeftButton)
    settle()

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert number in text and "04152-YZZA1" in text and "机油滤清器" in text
    assert orders_page.last_file == path
    assert messages.kinds() == ["information"]


def test_send_to_supplier_writes_a_workbook_for_an_xlsx_name(
        qtbot, db, owner, supplier, orders_page, settle, save_as, messages, select_row):
    order_id, number = _sent_order(db, owner, supplier)
    orders_page.list.reload()
    settle()
    select_row(orders_page, order_id)
    path = Path(save_as("order.xlsx"))

    qtbot.mouseClick(orders_page.send_button, Qt.MouseButton.LeftButton)
    settle()

    ws = openpyxl.load_workbook(path).active
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert number in cells and "04152-YZZA1" in cells


def test_a_cancelled_order_cannot_be_sent_to_the_supplier(db, owner, supplier, orders_page, settle, select_row):
    order_id, _number = _sent_order(db, owner, supplier)
    purchasing.cancel_order(db, owner, order_id)
    orders_page.list.reload()
    settle()

    select_row(orders_page, order_id)
    assert not orders_page.send_button.isEnabled()


# --- suppliers --------------------------------------------------------------------------------------

def test_the_suppliers_page_lists_suppliers_and_shows_performance(db, owner, supplier, window, settle, select_row):
    page = window.show_page("suppliers")
    assert isinstance(page, SuppliersScreen)
    settle()

    select_row(page, supplier)
    text = page.detail.toPlainText()
    assert "华东配件" in text and "李明" in text
    assert "Fill rate" in text and "Nothing received from this supplier yet." in text


def test_a_supplier_created_through_the_dialog_is_listed_and_selected(
        qtbot, db, owner, window, settle, when_modal, type_text):
    page = window.show_page("suppliers")
    settle()

    def fill(dialog: SupplierDialog) -> None:
        type_text(dialog.name, "博世汽配")
        qtbot.keyClicks(dialog.email, "sales@bosch.example")
        dialog.lead_time_days.setValue(10)
        _save(qtbot, dialog)
        settle()

    handled = when_modal(SupplierDialog, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    [s] = purchasing.list_suppliers(db, owner)
    assert (s.name, s.email, s.lead_time_days) == ("博世汽配", "sales@bosch.example", 10)
    assert page.current_id == s.id


def test_a_duplicate_name_and_a_bad_email_appear_beside_their_fields(qtbot, db, owner, supplier, ctx, show, settle,
                                                                     type_text):
    dialog = show(SupplierDialog(ctx))
    type_text(dialog.name, "华东配件")
    _save(qtbot, dialog)
    settle()

    assert dialog.errors.labels["name"].isVisible() and dialog.isVisible()

    dialog.name.setText("Other supplier")
    qtbot.keyClicks(dialog.email, "not-an-address")
    _save(qtbot, dialog)
    settle()

    assert dialog.errors.labels["email"].isVisible() and not dialog.errors.labels["name"].isVisible()
    assert len(purchasing.list_suppliers(db, owner)) == 1


def test_editing_a_supplier_keeps_its_details_and_saves_the_change(qtbot, db, owner, supplier, ctx, show, settle):
    dialog = show(SupplierDialog(ctx, supplier_id=supplier))
    assert dialog.contact_name.text() == "李明" and dialog.lead_time_days.value() == 4

    dialog.active.setChecked(False)
    _save(qtbot, dialog)
    settle()

    s = purchasing.get_supplier(db, owner, supplier)
    assert not s.active and s.contact_name == "李明" and s.lead_time_days == 4


def test_a_technician_sees_no_suppliers_and_a_cashier_sees_them_but_cannot_add_them(ctx_for, show, settle):
    window = show(MainWindow(ctx_for("technician")))
    settle()
    assert window.show_page("suppliers") is None

    window = show(MainWindow(ctx_for("cashier")))
    settle()
    page = window.show_page("suppliers")
    settle()
    assert isinstance(page, SuppliersScreen)
    assert not page.new_button.isVisible()


# --- stock alerts -----------------------------------------------------------------------------------

def test_stock_alerts_list_parts_below_minimum_and_refused_negative_stock(db, owner, window, settle):
    low = _part(db, owner, "LOW-1", min_qty=3000)
    fine = _part(db, owner, "OK-1", min_qty=1000)
    stock.adjust(db, owner, fine, 5000, "Opening stock", unit_cost=100)
    with pytest.raises(InsufficientStock):
        stock.adjust(db, owner, low, -1000, "Damaged")

    page = window.show_page("stock_alerts")
    assert isinstance(page, StockAlertsScreen)
    settle()

    assert _column(page.below, "part_number") == ["LOW-1"]
    assert _column(page.below, "short_by") == ["3"]
    assert _column(page.refused, "part_number") == ["LOW-1"]
    assert page.tabs.tabText(0).endswith("(1)") and page.tabs.tabText(3).endswith("(1)")


def test_stock_alert_lists_sort_numbers_as_numbers(db, owner, window, settle):
    for number, minimum in (("A-9", 9000), ("B-10", 10000), ("C-2", 2000)):
        _part(db, owner, number, min_qty=minimum)
    page = window.show_page("stock_alerts")
    settle()

    page.below.table.sortByColumn([c.key for c in page.below.model.columns].index("min_qty"),
                                  Qt.SortOrder.AscendingOrder)
    settle()

    assert _column(page.below, "min_qty") == ["2", "9", "10"]
    assert _column(page.below, "part_number") == ["C-2", "A-9", "B-10"]


def test_stock_alerts_show_dead_stock_and_refresh_on_request(qtbot, db, owner, window, settle):
    page = window.show_page("stock_alerts")
    settle()
    assert page.dead.model.rowCount() == 0
    part_id = _part(db, owner, "OLD-1")
    with UnitOfWork(db, owner) as uow:
        stock.record_movement(uow.session, part_id=part_id, kind="receipt", quantity=2000, unit_cost=100,
                              moved_on=date(2020, 1, 6), reference="opening")
        uow.commit()

    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    settle()

    assert _column(page.dead, "part_number") == ["OLD-1"]
    assert _column(page.aged, "part_number") == ["OLD-1"]
    assert _column(page.dead, "last_movement_on") == ["2020-01-06"]


def test_stock_alert_lists_are_searched_and_exported_like_every_list(qtbot, db, owner, window, settle, tmp_path):
    for number, description in (("BP-1", "Brake pads"), ("AF-1", "Air filter"), ("OF-2", "Oil filter")):
        _part(db, owner, number, description=description, min_qty=1000)
    page = window.show_page("stock_alerts")
    settle()
    assert page.below.search.hasFocus(), "the search box of the tab shown has the focus"

    qtbot.keyClicks(page.below.search, "filter")
    qtbot.keyClick(page.below.search, Qt.Key.Key_Return)
    settle()
    assert sorted(_column(page.below, "part_number")) == ["AF-1", "OF-2"]
    assert page.tabs.tabText(0).endswith("(2)")

    out = tmp_path / "below.csv"
    page.below.export_to(str(out))
    settle()
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Brand,Part number,Description,Bin,On hand,Available,Minimum,Short by"
    assert len(lines) == 3


def test_enter_on_an_alert_opens_the_part_in_the_parts_screen(qtbot, db, owner, window, settle):
    from ui.parts.parts import PartsScreen

    part_id = _part(db, owner, "LOW-9", min_qty=2000)
    page = window.show_page("stock_alerts")
    settle()
    page.below.table.setFocus()
    page.below.table.selectRow(0)

    qtbot.keyClick(page.below.table, Qt.Key.Key_Return)
    settle()

    parts = window.stack.currentWidget()
    assert isinstance(parts, PartsScreen)
    assert parts.current_id == part_id


def test_minimum_and_maximum_typed_in_the_part_dialog_are_kept_by_unticking_the_reorder_rule(
        qtbot, db, owner, ctx, settle, type_text):
    """On an automatic part the dialog let a user type a minimum that the reorder rule overwrote on
    save without a word; the levels are now the rule's (not editable) until the box is unticked."""
    from ui.parts.parts import PartDialog

    part_id = _part(db, owner, "AUTO-1")
    dialog = PartDialog(ctx, part_id=part_id)
    qtbot.addWidget(dialog)
    assert dialog.automatic.isChecked() and not dialog.min_qty.isEnabled() and not dialog.max_qty.isEnabled()

    dialog.automatic.setChecked(False)
    assert dialog.min_qty.isEnabled()
    dialog.min_qty.clear()
    type_text(dialog.min_qty, "4")
    dialog.max_qty.clear()
    type_text(dialog.max_qty, "10")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_id is not None)
    part = catalogue.get_part(db, owner, part_id)
    assert (part.reorder_manual, part.min_qty, part.max_qty) == (True, 4000, 10000)

    again = PartDialog(ctx, part_id=part_id)
    qtbot.addWidget(again)
    assert not again.automatic.isChecked() and again.min_qty.isEnabled()
