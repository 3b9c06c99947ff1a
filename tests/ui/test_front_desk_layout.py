"""The front desk's 1366×768 screen: the main window opens within the screen and comes back where
each user left it (window and splitters); list columns show their headers and their numbers whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from services.parts import catalogue
from services.parts.catalogue import PartInput
from ui.main_window import MainWindow
from ui.window_state import FRAME_HEIGHT


def _work_area(widget: QWidget):
    return QWidget.screen(widget).availableGeometry()


def test_the_main_window_opens_within_the_screen(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    area = _work_area(window)
    assert window.width() <= area.width()
    assert window.height() + FRAME_HEIGHT <= area.height()


def test_window_and_splitters_come_back_where_each_user_left_them(ctx, ctx_for, show, settle, qtbot):
    first = show(MainWindow(ctx))
    settle()
    screen = first.show_page("customers")
    settle()
    first.resize(first.width(), 560)
    screen.splitter.setSizes([400, 300])
    kept = screen.splitter.sizes()
    first.close()

    again = show(MainWindow(ctx))
    settle()
    assert again.height() == 560
    # The pane keeps its width; the list takes what the window gives.
    assert again.show_page("customers").splitter.sizes()[1] == kept[1]
    again.close()

    other = show(MainWindow(ctx_for("cashier")))
    settle()
    assert other.height() != 560
    other.close()


def test_list_headers_and_numbers_are_never_cut(db, owner, window, settle):
    catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="04152-YZZA6", description="Oil filter",
                                               retail_price=1234567))
    page = window.show_page("parts")
    page.list.reload()
    settle()
    table, header = page.list.table, page.list.table.horizontalHeader()
    keys = [c.key for c in page.list.model.columns]
    for key in ("reserved", "available", "part_number", "retail_price"):
        i = keys.index(key)
        assert table.columnWidth(i) >= header.sectionSizeFromContents(i).width(), key
        assert table.columnWidth(i) >= table.sizeHintForColumn(i), key


def test_the_claims_list_shows_invoice_numbers_whole(db, owner, window, settle):
    page = window.show_page("thirdparty")
    settle()
    table = page.claims
    table.resize(700, 300)
    rows = [type("Claim", (), {"id": "c1", "insurer": "平安保险", "claim_number": "PA-2026-000123",
                               "customer_name": "上海腾晟贸易有限公司", "status": "invoiced",
                               "invoice_number": "INVT1-2026-000065", "approved_amount": 1234500,
                               "excess_amount": 50000, "paid_amount": 0, "outstanding": 1184500})()]
    page.claim_model.set_rows(rows)
    settle()
    i = [c.key for c in page.claim_model.columns].index("invoice_number")
    assert table.columnWidth(i) >= table.sizeHintForColumn(i)


def test_at_1366_wide_the_invoices_list_shows_the_front_desk_columns_without_scrolling_sideways(
        db, owner, window, settle, qtbot):
    from datetime import date

    from services.billing import invoices
    from services.billing.invoices import DraftInput, LineInput

    customer = __import__("services.customers", fromlist=["create"]).create(
        db, owner, __import__("services.customers", fromlist=["CustomerInput"]).CustomerInput(
            name="上海腾晟贸易有限公司"))
    draft = invoices.create_draft(db, owner, DraftInput(kind="vehicle_sale", customer_id=customer, lines=[
        LineInput(description="Haval H6", quantity_milli=1000, unit_price=18_000_000, item_type="vehicle")]))
    invoices.post(db, owner, draft, on=date.today())
    front = _front_columns_fit(window, settle, qtbot, "invoices", last="status")
    assert {"number", "issued_on", "kind", "customer", "total", "balance"} <= set(front)


def test_at_1366_wide_the_parts_list_shows_what_the_counter_asks_first_without_scrolling_sideways(
        db, owner, window, settle, qtbot):
    catalogue.create_part(db, owner, PartInput(brand="Bosch", part_number="0 986 494 524", bin="A12-04",
                                               description="博世 前刹车片 适用大众朗逸 2018-2023",
                                               retail_price=45000))
    front = _front_columns_fit(window, settle, qtbot, "parts", last="on_hand")
    assert {"part_number", "description", "available", "retail_price", "bin", "on_hand"} <= set(front)


def _front_columns_fit(window, settle, qtbot, page_key: str, *, last: str) -> list[str]:
    """In a 1366 px window, the list's columns up to ``last`` show without scrolling sideways; returns
    their keys."""
    window.resize(1366, 728)
    page = window.show_page(page_key)
    page.list.reload()
    settle()
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    table, header = page.list.table, page.list.table.horizontalHeader()
    keys = [c.key for c in page.list.model.columns]
    front = keys[:keys.index(last) + 1]
    widths = [(k, header.sectionSize(keys.index(k))) for k in front]
    assert sum(w for _k, w in widths) <= table.viewport().width(), (str(widths), table.viewport().width())
    return front


def test_at_1366_wide_every_list_leaves_its_detail_pane_room_to_read(db, owner, window, settle):
    from ui.widgets.screen import ListScreen

    window.resize(1366, 730)
    settle()
    narrow = {}
    for page in window.pages:
        screen = window.show_page(page.key)
        settle()
        if (isinstance(screen, ListScreen) and screen.splitter.orientation() == Qt.Orientation.Horizontal
                and screen.splitter.sizes()[1] < 300):
            narrow[page.key] = screen.splitter.sizes()
    assert not narrow, window.width()
