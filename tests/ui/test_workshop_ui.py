"""The workshop's repair-order list and its job card, driven through the real widgets."""

from __future__ import annotations

from services.workshop import orders
from tests.services.workshop_samples import job_with_lines, repair_order, shop
from ui.main_window import MainWindow
from ui.workshop.screen import RepairOrdersScreen


def test_the_repair_order_list_finds_an_order_by_plate_and_shows_its_job_card(qtbot, db, owner, ctx, show, settle,
                                                                              type_text):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s)
    job_with_lines(db, owner, ro_id, s)
    other = shop(db, owner, n=2)
    repair_order(db, owner, other)

    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("repair_orders")
    settle()
    assert isinstance(page, RepairOrdersScreen)
    assert page.list.model.rowCount() == 2
    type_text(page.list.search, "沪A00001")
    settle()
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: number in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert "Open" in text and "Squeal when braking" in text and "Replace front brake pads" in text
    assert "Brake pads R&R" in text and "1.5 h" in text and "¥450.00" in text  # 1.5 h at ¥300.00
    assert orders.get(db, owner, ro_id).jobs[0].labour[0].amount == 45000


def test_a_technician_sees_the_work_but_no_amounts(qtbot, db, owner, ctx_for, show, settle):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s)
    job_with_lines(db, owner, ro_id, s)
    technician = ctx_for("technician")
    page = show(RepairOrdersScreen(technician))
    settle()
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: number in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert "Brake pads R&R" in text and "¥" not in text


def test_links_in_any_detail_pane_open_the_record_in_its_own_screen(qtbot, db, owner, ctx, show, settle):
    from PySide6.QtCore import QUrl

    from ui.customers.screen import CustomersScreen

    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s)
    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("repair_orders")
    settle()
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: number in page.detail.toPlainText())
    page.detail.anchorClicked.emit(QUrl(f"customer:{s.customer_id}"))
    settle()
    customers_page = window.stack.currentWidget()
    assert isinstance(customers_page, CustomersScreen) and customers_page.current_id == s.customer_id
    customers_page.detail.anchorClicked.emit(QUrl(f"repair-order:{ro_id}"))
    settle()
    assert window.stack.currentWidget() is page and page.current_id == ro_id
