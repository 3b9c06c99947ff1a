"""Screens follow what committed actions changed, whichever screen or dialog made the change: the
units of work collect it and the background operation broadcasts it (STYLE §4)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from services import customers, search, vehicles
from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from services.parts import catalogue, stock
from tests.services.samples import chinese_vin
from ui.billing.credit import CreditNoteDialog
from ui.search_dialog import GlobalSearchDialog

ON = date(2026, 3, 2)


def _cell(list_view, row_id: str, key: str) -> str:
    model = list_view.model
    column = next(i for i, c in enumerate(model.columns) if c.key == key)
    row = next(i for i in range(model.rowCount()) if model.row_id(i) == row_id)
    return model.data(model.index(row, column))


@pytest.fixture
def stocked_part(db, owner) -> str:
    pid = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="CS-77",
                                                              description="Oil filter", retail_price=6800))
    stock.adjust(db, owner, pid, 10_000, "opening stock", on=ON, unit_cost=3000)
    return pid


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


def test_a_counter_sale_started_from_the_parts_screen_refreshes_the_parts_list(
        qtbot, db, owner, window, settle, stocked_part, wang, messages, monkeypatch):
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None: search.Hit("customer", wang, "王伟", "")))
    page = window.show_page("parts")
    settle()
    assert page.list.select_id(stocked_part)
    assert _cell(page.list, stocked_part, "on_hand") == "10"
    resets: list[bool] = []
    page.list.model.modelReset.connect(lambda: resets.append(True))

    page.sale_button.click()
    settle()
    dialog = page.sale_dialog
    qtbot.mouseClick(dialog.choose_customer, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()

    assert dialog.posted_number
    assert _cell(page.list, stocked_part, "on_hand") == "9"
    assert page.list.selected_id() == stocked_part
    assert resets == [], "the row was refreshed in place, not by reloading the list"


def test_a_credit_note_that_brings_parts_back_refreshes_the_parts_list(
        qtbot, db, owner, window, settle, stocked_part, wang, when_modal, messages):
    invoice_id = invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=wang, lines=[
        LineInput("Oil filter", 3_000, 6800, item_type="part", part_id=stocked_part)]))
    invoices.post(db, owner, invoice_id, on=ON)
    parts_page = window.show_page("parts")
    settle()
    assert _cell(parts_page.list, stocked_part, "on_hand") == "7"
    invoices_page = window.show_page("invoices")
    settle()
    assert invoices_page.list.select_id(invoice_id)
    settle()

    def credit_all(dialog: CreditNoteDialog) -> None:
        dialog.fill_remaining()
        qtbot.keyClicks(dialog.reason, "Returned unused")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        settle()

    handled = when_modal(CreditNoteDialog, credit_all)
    qtbot.mouseClick(invoices_page.credit_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert len(invoices.get(db, owner, invoice_id).credit_note_ids) == 1
    assert _cell(parts_page.list, stocked_part, "on_hand") == "10"


def test_renaming_a_customer_updates_the_owner_shown_in_the_vehicles_list(
        qtbot, db, owner, wang, window, settle, when_modal, type_text):
    from ui.customers.editor import CustomerDialog

    vehicle_id = vehicles.create(db, owner, vehicles.VehicleInput(vin=chinese_vin(3), make="BYD", model="Han",
                                                                  plate="沪A12345", owner_id=wang))
    vehicles_page = window.show_page("vehicles")
    settle()
    assert _cell(vehicles_page.list, vehicle_id, "owner") == "王伟"
    customers_page = window.show_page("customers")
    settle()
    assert customers_page.list.select_id(wang)

    def rename(dialog: CustomerDialog) -> None:
        dialog.name.selectAll()
        type_text(dialog.name, "王伟强")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        settle()

    handled = when_modal(CustomerDialog, rename)
    customers_page.list.table.setFocus()
    qtbot.keyClick(customers_page.list.table, Qt.Key.Key_Return)
    settle()

    assert handled
    assert _cell(vehicles_page.list, vehicle_id, "owner") == "王伟强"


def test_posting_a_counter_sale_short_of_stock_asks_nothing_and_leaves_no_draft(
        qtbot, db, owner, db_path, window, settle, stocked_part, wang, messages, monkeypatch):
    from tests.services.samples import count

    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None: search.Hit("customer", wang, "王伟", "")))
    page = window.show_page("parts")
    settle()
    assert page.list.select_id(stocked_part)
    invoices_before = count(db_path, "invoice")
    page.sale_button.click()
    settle()
    dialog = page.sale_dialog
    qtbot.mouseClick(dialog.choose_customer, Qt.MouseButton.LeftButton)
    dialog.lines.set_value(0, "quantity", 50_000)
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()

    assert "question" not in messages.kinds(), "the posting was refused before anyone was asked to confirm"
    assert dialog.isVisible() and not dialog.posted_number
    assert count(db_path, "invoice") == invoices_before
    dialog.reject()
    settle()
    assert count(db_path, "invoice") == invoices_before


def test_screens_listen_to_the_application_wide_changes_through_bound_methods_only():
    """A lambda connected to ``ctx.changed`` outlives the screen it captures: after the screen is
    closed the next change calls into a deleted widget. Bound methods are disconnected with it."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    found = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"\bchanged\.connect\(\s*(lambda|functools\.partial|partial)\b", line)
             and "ctx" in line]
    assert found == []
