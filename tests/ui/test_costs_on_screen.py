"""What a role may not see stays off its screens (issue 9, item 18): a technician sees no costs,
suppliers or purchase orders; a parts clerk no gross profit, margins or rebates; no empty list tells
them to press Ctrl+N for something they may not do."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.parts import catalogue, stock
from services.parts.catalogue import PartInput
from tests.services.billing_samples import customer, line, posted
from ui.billing.editor import InvoiceDialog
from ui.main_window import MainWindow


def _nav_keys(window: MainWindow) -> set[str]:
    return {p.key for p in window.pages}


def _headers(page) -> list[str]:
    model = page.list.model
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def test_a_technician_sees_no_costs_suppliers_or_purchase_orders(db, owner, ctx_for, show, settle, select_row):
    part_id = catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="COST-1",
                                                         description="Oil filter", list_cost=5000,
                                                         retail_price=9000))
    stock.adjust(db, owner, part_id, 2000, "Opening stock", unit_cost=4567)
    window = show(MainWindow(ctx_for("technician")))
    settle()

    assert {"parts", "stock_alerts"} <= _nav_keys(window)
    assert not {"suppliers", "purchase_orders", "margins", "thirdparty"} & _nav_keys(window)
    page = window.show_page("parts")
    settle()
    assert "Average cost" not in _headers(page) and "Retail price" in _headers(page)
    select_row(page, part_id)
    text = page.detail.toPlainText()
    assert "Retail price" in text and "90.00" in text
    for hidden in ("Average cost", "List cost", "Unit cost", "45.67", "50.00"):
        assert hidden not in text


def test_the_owner_still_sees_costs(db, owner, window, settle, select_row):
    part_id = catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="COST-2",
                                                         description="Oil filter", list_cost=5000))
    stock.adjust(db, owner, part_id, 2000, "Opening stock", unit_cost=4567)
    assert {"suppliers", "purchase_orders", "margins", "thirdparty"} <= _nav_keys(window)
    page = window.show_page("parts")
    settle()
    assert "Average cost" in _headers(page)
    select_row(page, part_id)
    assert "45.67" in page.detail.toPlainText() and "Unit cost" in page.detail.toPlainText()


def test_a_parts_clerk_sees_costs_but_no_gross_profit_margins_or_rebates(db, owner, ctx_for, show, settle,
                                                                          select_row):
    invoice_id = posted(db, owner, customer(db, owner), line(price=10000, unit_cost=4000))
    window = show(MainWindow(ctx_for("parts_clerk")))
    settle()

    assert {"suppliers", "purchase_orders", "invoices"} <= _nav_keys(window)
    assert not {"margins", "thirdparty"} & _nav_keys(window)
    page = window.show_page("invoices")
    settle()
    select_row(page, invoice_id)
    assert "Total" in page.detail.toPlainText()
    assert "Gross profit" not in page.detail.toPlainText()

    cashier = show(MainWindow(ctx_for("cashier")))
    settle()
    assert {"margins", "thirdparty"} <= _nav_keys(cashier)
    page = cashier.show_page("invoices")
    settle()
    select_row(page, invoice_id)
    assert "Gross profit" in page.detail.toPlainText()


def test_the_invoice_editor_hides_the_unit_cost_from_who_may_not_see_costs(ctx_for, qtbot, settle):
    dialog = InvoiceDialog(ctx_for("salesperson"))
    qtbot.addWidget(dialog)
    settle()
    assert dialog.lines.view.isColumnHidden(dialog.lines.column("unit_cost"))
    assert "unit_cost" not in [dialog.lines.columns[i].key for i in dialog.lines._typed_cells(0)] \
        if dialog.lines.model.rows else True

    clerk = InvoiceDialog(ctx_for("parts_clerk"))
    qtbot.addWidget(clerk)
    settle()
    assert not clerk.lines.view.isColumnHidden(clerk.lines.column("unit_cost"))


def test_an_empty_list_never_asks_for_ctrl_n_from_who_cannot_add(db, ctx_for, show, settle):
    window = show(MainWindow(ctx_for("technician")))
    settle()
    for key in ("parts", "customers", "vehicles"):
        if key not in _nav_keys(window):
            continue
        page = window.show_page(key)
        settle()
        assert "Ctrl+N" not in page.list.empty_text, key
