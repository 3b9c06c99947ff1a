"""The parts screens driven through the real widgets: the parts list with its stock, the part form,
adjusting stock, and a purchase order written, sent and partly received."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from services import lists
from services.parts import catalogue, counts, purchasing, stock
from services.parts.catalogue import PartInput
from ui.imports import ImportDialog
from ui.main_window import MainWindow
from ui.parts.counts import CountEntryDialog, StartCountDialog, StockCountsScreen
from ui.parts.orders import OrderDialog, PurchaseOrdersScreen, ReceiveDialog, SuggestionsDialog
from ui.parts.parts import AdjustStockDialog, PartDialog, PartsScreen
from ui.widgets.line_grid import LineGrid


def _part(db, owner, number: str, *, price: int = 12000, min_qty: int = 0, max_qty: int = 0,
          supplier_id: str | None = None) -> str:
    return catalogue.create_part(db, owner, PartInput(
        brand="Toyota", part_number=number, description=f"Filter {number}", category="Filters", bin="A-01",
        retail_price=price, list_cost=6000, min_qty=min_qty, max_qty=max_qty, reorder_manual=bool(min_qty),
        preferred_supplier_id=supplier_id))


@pytest.fixture
def supplier(db, owner) -> str:
    return purchasing.create_supplier(db, owner, purchasing.SupplierInput(name="华东配件"))


@pytest.fixture
def parts_page(window, settle) -> PartsScreen:
    page = window.show_page("parts")
    assert isinstance(page, PartsScreen)
    settle()
    return page


@pytest.fixture
def orders_page(window, settle) -> PurchaseOrdersScreen:
    page = window.show_page("purchase_orders")
    assert isinstance(page, PurchaseOrdersScreen)
    settle()
    return page


def _row(page: PartsScreen, part_id: str) -> dict[str, str]:
    model = page.list.model
    row = next(r for r in range(model.rowCount()) if model.row_id(r) == part_id)
    return {c.key: model.data(model.index(row, i)) for i, c in enumerate(model.columns)}


def _ok(qtbot, dialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) or \
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_cell(qtbot, grid: LineGrid, row: int, key: str, text: str) -> None:
    grid.focus_cell(row, key, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


# --- the list -------------------------------------------------------------------------------------

def test_the_parts_list_shows_on_hand_reserved_and_available(db, owner, parts_page, settle):
    part_id = _part(db, owner, "04152-YZZA6")
    stock.adjust(db, owner, part_id, 5000, "Opening stock", unit_cost=6000)
    stock.reserve(db, owner, part_id, 2000, "RO-1")
    parts_page.list.reload()
    settle()

    row = _row(parts_page, part_id)

    assert (row["part_number"], row["on_hand"], row["reserved"], row["available"]) == ("04152-YZZA6", "5", "2", "3")
    assert row["bin"] == "A-01"
    assert row["retail_price"].endswith("120.00")
    on_hand = [c.key for c in parts_page.list.model.columns].index("on_hand")
    assert parts_page.list.model.data(parts_page.list.model.index(0, on_hand),
                                      Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def test_the_below_minimum_filter_and_search_narrow_the_parts(db, owner):
    low = _part(db, owner, "LOW-1", min_qty=2000)
    fine = _part(db, owner, "FINE-1")
    state = lists.ListState(filters={"below_min": True})

    below = [r[0] for r in lists.fetch_page(db, owner, "parts", state, limit=50).rows]
    found = [r[0] for r in lists.fetch_page(db, owner, "parts", lists.ListState(search="FINE"), limit=50).rows]

    assert below == [low]
    assert found == [fine]


def test_the_parts_list_model_passes_the_model_tester(db, owner, parts_page, qtmodeltester, settle):
    for i in range(5):
        _part(db, owner, f"P-{i}")
    parts_page.list.reload()
    settle()

    qtmodeltester.check(parts_page.list.model)
    assert parts_page.list.model.rowCount() == 5


def test_the_detail_shows_stock_supersession_and_latest_movements(db, owner, parts_page, settle, select_row):
    old = _part(db, owner, "OLD-1")
    new = _part(db, owner, "NEW-1")
    catalogue.set_superseded_by(db, owner, old, new)
    stock.adjust(db, owner, old, 3000, "Found in the back", unit_cost=5000)
    parts_page.list.reload()
    settle()

    select_row(parts_page, old)
    text = parts_page.detail.toPlainText()

    assert "OLD-1 → NEW-1" in text
    assert "Adjustment" in text and "Found in the back" in text
    assert "Demand, last 12 months" in text and "No demand in the last 12 months." in text

    stock.issue(db, owner, old, 1000, reference="RO-1")
    parts_page.list.refresh([old])
    select_row(parts_page, new)
    select_row(parts_page, old)
    assert date.today().strftime("%Y-%m") in parts_page.detail.toPlainText()


def test_a_part_found_by_global_search_opens_in_the_parts_screen(db, owner, window, settle):
    part_id = _part(db, owner, "GS-1")

    window.open_record("part", part_id)
    settle()

    page = window.stack.currentWidget()
    assert isinstance(page, PartsScreen)
    assert page.current_id == part_id and "GS-1" in page.detail.toPlainText()


# --- the part form ---------------------------------------------------------------------------------

def test_a_part_created_through_the_dialog_is_listed_and_selected(qtbot, db, owner, parts_page, settle, when_modal):
    def fill(dialog: PartDialog) -> None:
        qtbot.keyClicks(dialog.brand, "Bosch")
        qtbot.keyClicks(dialog.part_number, "0 986 452 041")
        qtbot.keyClicks(dialog.description, "Oil filter")
        qtbot.keyClicks(dialog.retail_price, "85.50")
        assert not dialog.min_qty.isEnabled()  # the reorder rule's until the box is unticked
        dialog.automatic.setChecked(False)
        qtbot.keyClicks(dialog.min_qty, "2")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(PartDialog, fill)
    qtbot.mouseClick(parts_page.new_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    with db.read() as conn:
        part_id = catalogue.find_part(conn, "bosch", "0986452041")
    part = catalogue.get_part(db, owner, part_id)
    assert (part.brand, part.description, part.retail_price, part.min_qty) == ("Bosch", "Oil filter", 8550, 2000)
    assert parts_page.current_id == part_id


def test_a_bad_price_is_shown_beside_its_field_and_nothing_is_written(qtbot, db, owner, ctx, show, settle):
    dialog = show(PartDialog(ctx))
    qtbot.keyClicks(dialog.brand, "Bosch")
    qtbot.keyClicks(dialog.part_number, "F-1")
    qtbot.keyClicks(dialog.description, "Fuel filter")
    qtbot.keyClicks(dialog.retail_price, "12.345")

    _ok(qtbot, dialog)
    settle()

    error = dialog.errors.labels["retail_price"]
    assert error.isVisible() and "decimal" in error.text()
    assert dialog.isVisible()
    assert lists.fetch_page(db, owner, "parts", lists.ListState(), limit=10).rows == []


def test_a_part_number_clash_reported_by_the_service_appears_beside_the_part_number(
        qtbot, db, owner, ctx, show, settle):
    _part(db, owner, "DUP-1")
    dialog = show(PartDialog(ctx))
    qtbot.keyClicks(dialog.brand, "toyota")
    qtbot.keyClicks(dialog.part_number, "dup 1")
    qtbot.keyClicks(dialog.description, "Again")

    _ok(qtbot, dialog)
    settle()

    assert dialog.errors.labels["part_number"].isVisible()
    assert dialog.isVisible()


def test_editing_a_part_keeps_its_other_fields(qtbot, db, owner, ctx, show, settle):
    part_id = _part(db, owner, "E-1", price=10000)
    dialog = show(PartDialog(ctx, part_id=part_id))
    dialog.retail_price.selectAll()
    qtbot.keyClicks(dialog.retail_price, "110")

    _ok(qtbot, dialog)
    settle()

    part = catalogue.get_part(db, owner, part_id)
    assert (part.retail_price, part.list_cost, part.bin) == (11000, 6000, "A-01")


# --- adjusting stock --------------------------------------------------------------------------------

def test_adjusting_stock_through_the_dialog_changes_on_hand_in_the_list(
        qtbot, db, owner, parts_page, settle, when_modal):
    part_id = _part(db, owner, "ADJ-1")
    parts_page.list.reload()
    settle()
    assert parts_page.list.select_id(part_id)
    assert parts_page.adjust_button.isEnabled()

    def adjust(dialog: AdjustStockDialog) -> None:
        qtbot.keyClicks(dialog.quantity, "4")
        qtbot.keyClicks(dialog.reason, "Found in stores")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(AdjustStockDialog, adjust)
    qtbot.mouseClick(parts_page.adjust_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert stock.get_level(db, owner, part_id).on_hand == 4000
    assert _row(parts_page, part_id)["on_hand"] == "4"


def test_taking_out_more_than_is_on_hand_is_shown_beside_the_quantity_and_nothing_changes(
        qtbot, db, owner, ctx, show, settle):
    part_id = _part(db, owner, "ADJ-2")
    dialog = show(AdjustStockDialog(ctx, part_id))
    qtbot.keyClicks(dialog.quantity, "-1")
    qtbot.keyClicks(dialog.reason, "Damaged")

    _ok(qtbot, dialog)
    settle()

    assert dialog.isVisible()
    assert stock.get_level(db, owner, part_id).on_hand == 0
    error = dialog.errors.labels["quantity"]
    assert error.isVisible() and "Not enough stock of ADJ-2" in error.text()


def test_a_clerk_without_stock_adjust_sees_no_adjust_button(db, owner, ctx_for, show, settle):
    window = show(MainWindow(ctx_for("technician")))
    settle()
    page = window.show_page("parts")
    settle()

    assert isinstance(page, PartsScreen)
    assert not page.adjust_button.isVisible()
    assert not page.new_button.isVisible()


# --- purchase orders ----------------------------------------------------------------------------------

def test_an_order_written_sent_and_partly_received_moves_stock_and_leaves_a_back_order(
        qtbot, db, owner, supplier, orders_page, settle, when_modal, save_as, messages):
    part_id = _part(db, owner, "PO-1")

    def write(dialog: OrderDialog) -> None:
        dialog.supplier.setCurrentIndex(dialog.supplier.findData(supplier))
        dialog.add_part(part_id)
        _type_cell(qtbot, dialog.grid, 0, "quantity", "10")
        _type_cell(qtbot, dialog.grid, 0, "unit_cost", "55")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(OrderDialog, write)
    qtbot.mouseClick(orders_page.new_button, Qt.MouseButton.LeftButton)
    settle()
    assert handled
    [row] = purchasing.list_orders(db, owner)
    assert row.status == "draft" and orders_page.current_id == row.id
    assert orders_page.send_button.isEnabled() and not orders_page.receive_button.isEnabled()

    sent_file = save_as("order.pdf")
    qtbot.mouseClick(orders_page.send_button, Qt.MouseButton.LeftButton)
    settle()
    # One action: the draft is numbered and sent, and its file for the supplier is saved.
    assert purchasing.get_order(db, owner, row.id).status == "sent"
    assert orders_page.last_file is not None and str(orders_page.last_file) == sent_file
    assert orders_page.receive_button.isEnabled()

    def receive(dialog: ReceiveDialog) -> None:
        qtbot.keyClicks(dialog.reference, "DN-778")
        _type_cell(qtbot, dialog.grid, 0, "quantity", "4")
        _type_cell(qtbot, dialog.grid, 0, "unit_cost", "56")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(ReceiveDialog, receive)
    qtbot.mouseClick(orders_page.receive_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    order = purchasing.get_order(db, owner, row.id)
    assert order.status == "partly_received"
    assert (order.lines[0].received, order.lines[0].back_order) == (4000, 6000)
    level = stock.get_level(db, owner, part_id)
    assert (level.on_hand, level.average_cost) == (4000, 5600)
    assert "6" in orders_page.detail.toPlainText()
    page_row = orders_page.list.model.rows[0]
    assert page_row[orders_page.list.model.source.columns.index(
        orders_page.list.model.source.column("back_order")) + 1] == 6000


def test_a_part_number_typed_on_an_order_line_fills_the_line_and_the_totals(
        qtbot, db, owner, supplier, ctx, show, settle):
    old = _part(db, owner, "PO-OLD")
    new = _part(db, owner, "PO-NEW")
    catalogue.set_superseded_by(db, owner, old, new)
    dialog = show(OrderDialog(ctx))
    dialog.supplier.setCurrentIndex(dialog.supplier.findData(supplier))
    grid = dialog.grid

    _type_cell(qtbot, grid, 0, "part_number", "po old")
    settle()
    assert (grid.text(0, "part_number"), grid.text(0, "brand")) == ("PO-NEW", "Toyota")
    assert grid.text(0, "unit_cost") == "60.00", "the list cost fills the empty cost"
    qtbot.keyClicks(QApplication.focusWidget(), "3")  # Enter moved on to the quantity
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert grid.text(0, "line_cost") == "¥180.00"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # through the cost: a new line
    QApplication.processEvents()
    assert grid.row_count() == 2
    _type_cell(qtbot, grid, 1, "part_number", "PO-OLD")
    settle()
    _type_cell(qtbot, grid, 1, "quantity", "1.5")

    assert (grid.total_text("quantity"), grid.total_text("line_cost")) == ("4.5", "¥270.00")
    _ok(qtbot, dialog)
    settle()

    [row] = purchasing.list_orders(db, owner)
    order = purchasing.get_order(db, owner, row.id)
    assert [(line.part_id, line.quantity, line.unit_cost) for line in order.lines] == [
        (new, 3000, 6000), (new, 1500, 6000)]


def test_an_unknown_part_number_is_marked_and_the_order_is_not_written(qtbot, db, owner, supplier, ctx, show,
                                                                        settle):
    dialog = show(OrderDialog(ctx))
    dialog.supplier.setCurrentIndex(dialog.supplier.findData(supplier))
    _type_cell(qtbot, dialog.grid, 0, "part_number", "NO-SUCH-1")
    settle()
    assert dialog.grid.error(0, "part_number") == "No part in the catalogue has this number"

    _ok(qtbot, dialog)
    settle()

    assert dialog.isVisible()
    assert dialog.lines_error.text() == "Line 1: No part in the catalogue has this number"
    assert purchasing.list_orders(db, owner) == []


def test_changing_a_draft_order_keeps_a_lines_customer_back_order(qtbot, db, owner, supplier, ctx, show, settle):
    part_id = _part(db, owner, "PO-5")
    order_id = purchasing.create_order(db, owner, supplier, [
        purchasing.OrderLine(part_id, 1000, 5000, for_reference="RO-77")])
    dialog = show(OrderDialog(ctx, order_id=order_id))

    _type_cell(qtbot, dialog.grid, 0, "quantity", "2")
    _ok(qtbot, dialog)
    settle()

    [line] = purchasing.get_order(db, owner, order_id).lines
    assert (line.quantity, line.for_reference) == (2000, "RO-77")


def test_receiving_more_than_is_on_order_points_at_the_line_and_books_nothing(
        qtbot, db, owner, supplier, ctx, show, settle):
    part_id = _part(db, owner, "PO-2")
    order_id = purchasing.create_order(db, owner, supplier, [(part_id, 2000, 5000)])
    purchasing.send_order(db, owner, order_id)
    dialog = show(ReceiveDialog(ctx, order_id))
    _type_cell(qtbot, dialog.grid, 0, "quantity", "3")

    _ok(qtbot, dialog)
    settle()

    assert dialog.isVisible()
    assert dialog.lines_error.isVisible() and "still on order" in dialog.lines_error.text()
    assert stock.get_level(db, owner, part_id).on_hand == 0


def test_goods_for_a_customers_back_order_are_reported_as_reserved(
        qtbot, db, owner, supplier, ctx, show, settle, messages):
    part_id = _part(db, owner, "PO-3")
    order_id = purchasing.create_order(db, owner, supplier, [
        purchasing.OrderLine(part_id, 1000, 5000, for_reference="RO-42")])
    purchasing.send_order(db, owner, order_id)
    dialog = show(ReceiveDialog(ctx, order_id))

    _ok(qtbot, dialog)
    settle()

    assert not dialog.isVisible()
    assert any("RO-42" in m.text for m in messages.shown)
    assert stock.get_level(db, owner, part_id).reserved == 1000


def test_closing_an_order_clears_its_back_order(qtbot, db, owner, supplier, orders_page, settle, messages,
                                                select_row):
    part_id = _part(db, owner, "PO-4")
    order_id = purchasing.create_order(db, owner, supplier, [(part_id, 2000, 5000)])
    purchasing.send_order(db, owner, order_id)
    orders_page.list.reload()
    settle()
    select_row(orders_page, order_id)

    qtbot.mouseClick(orders_page.close_button, Qt.MouseButton.LeftButton)
    settle()

    assert purchasing.get_order(db, owner, order_id).status == "closed"
    assert messages.kinds() == ["question"]


def test_reorder_suggestions_become_draft_orders(qtbot, db, owner, supplier, ctx, show, settle, messages):
    part_id = _part(db, owner, "LOW-2", min_qty=2000, max_qty=5000, supplier_id=supplier)
    dialog = show(SuggestionsDialog(ctx, today=date.today()))
    settle()
    assert dialog.grid.rowCount() == 1

    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    settle()

    [row] = purchasing.list_orders(db, owner)
    order = purchasing.get_order(db, owner, row.id)
    assert row.status == "draft" and order.lines[0].part_id == part_id
    assert dialog.made == [row.id]


def _grid_row(grid, text: str) -> list[str]:
    row = next(r for r in range(grid.rowCount()) if text in grid.item(r, 0).text())
    return [grid.item(row, c).text() for c in range(grid.columnCount())]


def test_the_minimum_is_the_same_in_the_parts_list_details_alerts_and_suggestions(
        db, owner, supplier, ctx, window, parts_page, show, settle, select_row):
    """Issue 9 #3: suggestions showed a minimum of 90 while the part showed 0/0 and the alerts
    "below minimum (0)". One stored minimum everywhere; the rule's figure is labelled a suggestion.
    An automatic part's minimum follows its issues and sales as they are posted: the list, the
    details and the alerts agree before anyone opens the reorder suggestions."""
    auto = _part(db, owner, "AUTO-1", supplier_id=supplier)
    hand = _part(db, owner, "HAND-1", min_qty=10000, max_qty=20000, supplier_id=supplier)
    for part_id in (auto, hand):
        stock.adjust(db, owner, part_id, 26000, "Opening stock", unit_cost=100)
        # 24 a year = 2 a month; the supplier's default lead time of 7 days: min 3, max 5.
        stock.issue(db, owner, part_id, 24000, reference="RO-1")
    parts_page.list.reload()
    settle()

    assert (_row(parts_page, auto)["min_qty"], _row(parts_page, auto)["max_qty"]) == ("3", "5")
    assert _row(parts_page, hand)["min_qty"] == "10"
    select_row(parts_page, auto)
    text = parts_page.detail.toPlainText()
    assert "3 / 5" in text and "suggested" not in text
    assert "by the reorder rule" in text
    select_row(parts_page, hand)
    assert "10 / 20 (suggested 3 / 5)" in parts_page.detail.toPlainText()

    alerts_page = window.show_page("stock_alerts")
    settle()
    model = alerts_page.below.model
    keys = [c.key for c in model.columns]
    rows = {model.data(model.index(r, keys.index("part_number"))): model.data(model.index(r, keys.index("min_qty")))
            for r in range(model.rowCount())}
    assert rows == {"AUTO-1": "3", "HAND-1": "10"}

    dialog = show(SuggestionsDialog(ctx, today=date.today()))
    settle()
    headers = [dialog.grid.horizontalHeaderItem(c).text() for c in range(dialog.grid.columnCount())]
    auto_row, hand_row = _grid_row(dialog.grid, "AUTO-1"), _grid_row(dialog.grid, "HAND-1")
    assert (auto_row[headers.index("Minimum")], auto_row[headers.index("Maximum")]) == ("3", "5")
    assert (hand_row[headers.index("Minimum")], hand_row[headers.index("Maximum")]) == (
        "10 (suggested 3)", "20 (suggested 5)")
    dialog.reject()


# --- stock counts ---------------------------------------------------------------------------------------

@pytest.fixture
def counts_page(window, settle) -> StockCountsScreen:
    page = window.show_page("stock_counts")
    assert isinstance(page, StockCountsScreen)
    settle()
    return page


def test_a_count_started_entered_and_posted_through_the_widgets_brings_on_hand_to_the_count(
        qtbot, db, owner, counts_page, settle, when_modal, messages):
    found = _part(db, owner, "CNT-1")
    short = _part(db, owner, "CNT-2")
    stock.adjust(db, owner, found, 2000, "Opening stock", unit_cost=5000)
    stock.adjust(db, owner, short, 5000, "Opening stock", unit_cost=5000)

    def start(dialog: StartCountDialog) -> None:
        qtbot.keyClicks(dialog.category, "Filters")
        _ok(qtbot, dialog)
        settle()

    def enter(dialog: CountEntryDialog) -> None:
        assert dialog.grid.row_count() == 2
        rows = {dialog.part_ids[r]: r for r in range(2)}
        _type_cell(qtbot, dialog.grid, rows[found], "counted", "3")
        _type_cell(qtbot, dialog.grid, rows[short], "counted", "4.5")
        settle()
        assert dialog.progress_label.text() == "2 of 2 parts counted."
        dialog.accept()

    started = when_modal(StartCountDialog, start)
    entered = when_modal(CountEntryDialog, enter)
    qtbot.mouseClick(counts_page.new_button, Qt.MouseButton.LeftButton)
    settle()

    assert started and entered
    count_id = counts_page.current_id
    assert count_id is not None
    report = counts.variance_report(db, owner, count_id)
    assert sorted(line.variance for line in report) == [-500, 1000]
    # The figures entered were broadcast; the pane follows them on its own.
    qtbot.waitUntil(lambda: "Variances" in counts_page.detail.toPlainText())
    assert counts_page.post_button.isEnabled()

    qtbot.mouseClick(counts_page.post_button, Qt.MouseButton.LeftButton)
    settle()

    assert messages.kinds() == ["question"]
    assert counts.get_count(db, owner, count_id).status == "posted"
    assert stock.get_level(db, owner, found).on_hand == 3000
    assert stock.get_level(db, owner, short).on_hand == 4500
    assert not counts_page.post_button.isEnabled()


def test_a_mistyped_count_is_shown_under_the_grid_and_not_recorded(qtbot, db, owner, ctx, show, settle):
    part_id = _part(db, owner, "CNT-3")
    count_id = counts.start_count(db, owner, category="Filters")
    dialog = show(CountEntryDialog(ctx, count_id))

    _type_cell(qtbot, dialog.grid, 0, "counted", "two")
    settle()

    assert dialog.error.isVisible() and "not a number" in dialog.error.text()
    [line] = counts.get_count(db, owner, count_id).lines
    assert line.part_id == part_id and line.counted is None


def test_a_selection_without_parts_is_shown_beside_the_first_field(qtbot, db, owner, ctx, show, settle):
    _part(db, owner, "CNT-4")
    dialog = show(StartCountDialog(ctx))
    qtbot.keyClicks(dialog.category, "Tyres")

    _ok(qtbot, dialog)
    settle()

    assert dialog.isVisible()
    assert dialog.errors.labels["category"].isVisible()


# --- importing ------------------------------------------------------------------------------------------

def _csv(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_catalogue_previewed_and_imported_through_the_wizard_is_listed(
        qtbot, db, owner, tmp_path, parts_page, settle, when_modal, messages):
    path = _csv(tmp_path, "catalogue.csv", "品牌,零件号,名称,零售价\nToyota,04152-YZZA6,机油滤芯,85.50\n"
                                           "Bosch,0 986 452 041,Oil filter,60\n")

    def wizard(dialog: ImportDialog) -> None:
        dialog.set_file(path)
        settle()
        assert dialog.current_mapping() == {"brand": "品牌", "part_number": "零件号", "description": "名称",
                                            "retail_price": "零售价"}
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        settle()
        assert dialog.rows.rowCount() == 2 and dialog.import_button.isEnabled()
        assert "2 new" in dialog.outcome.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(ImportDialog, wizard)
    qtbot.mouseClick(parts_page.import_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert messages.kinds() == ["information"]
    with db.read() as conn:
        part_id = catalogue.find_part(conn, "Toyota", "04152YZZA6")
    assert catalogue.get_part(db, owner, part_id).retail_price == 8550
    assert parts_page.list.model.rowCount() == 2


def test_a_bad_price_shows_in_the_preview_and_import_stays_off(qtbot, db, owner, tmp_path, ctx, show, settle):
    path = _csv(tmp_path, "bad.csv", "brand,part_number,description,retail_price\nToyota,A-1,Filter,12.345\n"
                                     "Toyota,A-2,Filter,10\n")
    dialog = show(ImportDialog(ctx, kind="parts"))
    dialog.set_file(path)
    settle()

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    settle()

    assert dialog.rows.item(0, 1).text() == "Error"
    assert dialog.rows.item(0, 2).text().startswith("Retail price:")
    assert not dialog.import_button.isEnabled()
    assert "with errors" in dialog.outcome.text()
    assert lists.fetch_page(db, owner, "parts", lists.ListState(), limit=10).rows == []


def test_a_file_that_is_not_a_spreadsheet_gets_one_clear_line(qtbot, db, owner, tmp_path, ctx, show, settle):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 not a table")
    dialog = show(ImportDialog(ctx, kind="parts"))

    dialog.set_file(str(path))
    settle()

    assert dialog.error.isVisible() and dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_a_saved_preset_maps_the_columns_again(qtbot, db, owner, tmp_path, ctx, show, settle, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    path = _csv(tmp_path, "odd.csv", "Mfr,Ref,Text,RRP\nToyota,A-1,Filter,10\n")
    dialog = show(ImportDialog(ctx, kind="parts"))
    dialog.set_file(path)
    settle()
    for field, header in (("brand", "Mfr"), ("part_number", "Ref"), ("description", "Text"),
                          ("retail_price", "RRP")):
        dialog.combos[field].setCurrentIndex(dialog.combos[field].findData(header))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Supplier X", True)))

    dialog.save_preset()
    settle()
    dialog.combos["brand"].setCurrentIndex(0)
    dialog._preset_chosen(dialog.preset.findData("Supplier X"))

    assert dialog.current_mapping() == {"brand": "Mfr", "part_number": "Ref", "description": "Text",
                                        "retail_price": "RRP"}


def test_a_counter_sale_from_the_parts_screen_starts_with_the_selected_part(db, owner, parts_page, settle):
    part_id = _part(db, owner, "CS-77")
    parts_page.list.reload()
    settle()
    assert parts_page.list.select_id(part_id)
    parts_page.sale_button.click()
    settle()
    dialog = parts_page.sale_dialog
    try:
        assert dialog.kind.currentData() == "counter_sale"
        assert dialog.lines.text(0, "item_code") == "CS-77"
        assert dialog.lines.text(0, "description")
        assert dialog.value().lines[0].part_id == part_id
    finally:
        dialog.reject()


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_the_count_sheet_is_saved_as_pdf_or_workbook(qtbot, db, owner, counts_page, settle, tmp_path, suffix,
                                                    monkeypatch):
    from services.parts import counts as count_service

    _part(db, owner, "SHT-1")
    count_id = count_service.start_count(db, owner, category="Filters")
    counts_page.list.reload()
    settle()
    assert counts_page.list.select_id(count_id)
    settle()
    assert counts_page.sheet_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / f"sheet{suffix}"), "")))
    # Through the button, as a clerk would: its clicked(bool) must not reach the path.
    qtbot.mouseClick(counts_page.sheet_button, Qt.MouseButton.LeftButton)
    settle()
    saved = tmp_path / f"sheet{suffix}"
    assert saved.exists() and saved.stat().st_size > 0
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        assert load_workbook(saved).active.cell(row=2, column=3).value == "SHT-1"
