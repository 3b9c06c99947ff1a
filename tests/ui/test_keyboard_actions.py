"""The keyboard and the actions a clerk reaches for: Enter moves down a count sheet, Enter saves the
vehicle dialog, a corrected field loses its error at once, Delete needs a selection, "Delete draft"
is a button of its own and a purchase order has one "Send to supplier…" action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.errors import ValidationError
from services.parts import catalogue, counts
from services.parts.catalogue import PartInput
from tests.services.billing_samples import customer, draft, line
from ui.billing.invoices import InvoicesScreen
from ui.customers.editor import CustomerDialog
from ui.parts.counts import CountEntryDialog
from ui.parts.orders import PurchaseOrdersScreen
from ui.search_dialog import GlobalSearchDialog
from ui.vehicles.editor import VehicleDialog


def test_enter_on_a_count_sheet_moves_to_the_next_row(qtbot, db, owner, ctx, show, settle):
    for number in ("F-1", "F-2", "F-3"):
        catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number=number, description="Filter",
                                                   category="Filters"))
    dialog = show(CountEntryDialog(ctx, counts.start_count(db, owner, category="Filters")))
    dialog.grid.focus_cell(0, "counted")
    qtbot.keyClick(dialog.grid.view, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.grid.view.currentIndex().row() == 1


def test_enter_in_the_vehicle_dialog_saves_and_does_not_open_the_owner_chooser(qtbot, ctx, show, monkeypatch):
    dialog = show(VehicleDialog(ctx))
    chosen, saved = [], []
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(lambda cls, *a, **k: chosen.append(True)))
    owner_buttons = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "").startswith("Choose")]
    # Not the dialog's default button: Enter presses it only while it has the focus.
    assert owner_buttons and not owner_buttons[0].autoDefault()
    dialog.buttons.accepted.disconnect()
    dialog.buttons.accepted.connect(lambda: saved.append(True))
    owner_buttons[0].setFocus()
    dialog.vin.setFocus()
    qtbot.keyClick(dialog.vin, Qt.Key.Key_Return)
    assert saved == [True] and chosen == []


def test_a_fields_error_clears_as_soon_as_it_is_corrected(qtbot, ctx, show):
    dialog = show(CustomerDialog(ctx))
    field = "name"
    widget, label = dialog.errors.widgets[field], dialog.errors.labels[field]
    assert dialog.errors.show(ValidationError(field, "Wrong"))
    assert label.isVisibleTo(dialog)
    qtbot.keyClicks(widget, "x")
    assert not label.isVisibleTo(dialog) and not widget.property("invalid")


def test_delete_draft_is_a_button_enabled_only_for_a_selected_draft(db, owner, window, settle, select_row, messages):
    invoice_id = draft(db, owner, customer(db, owner), line())
    page = window.show_page("invoices")
    assert isinstance(page, InvoicesScreen)
    settle()
    assert page.delete_button.isVisible() and not page.delete_button.isEnabled()
    assert "Delete" not in " ".join(a.text() for a in page.print_button.menu().actions())
    page.list.reload()
    settle()
    select_row(page, invoice_id)
    assert page.delete_button.isEnabled()


def test_a_purchase_order_has_one_send_action(window, settle):
    page = window.show_page("purchase_orders")
    assert isinstance(page, PurchaseOrdersScreen)
    settle()
    sends = [b for b in page.findChildren(QPushButton) if "Send" in b.text().replace("&", "")]
    assert [b.text().replace("&", "") for b in sends] == ["Send to supplier…"]
    assert not page.send_button.isEnabled()


def test_enter_on_the_focused_choose_button_chooses_and_does_not_save(qtbot, ctx, show, monkeypatch):
    dialog = show(VehicleDialog(ctx))
    chosen, saved = [], []
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(lambda cls, *a, **k: chosen.append(True)))
    dialog.buttons.accepted.disconnect()
    dialog.buttons.accepted.connect(lambda: saved.append(True))
    button = dialog.customer_picker.button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert chosen == [True] and saved == []

    # Once the focus has moved on, Enter saves again: the button did not become the default.
    dialog.vin.setFocus()
    qtbot.keyClick(dialog.vin, Qt.Key.Key_Return)
    assert chosen == [True] and saved == [True]


def test_enter_in_the_deal_editors_vehicle_field_only_looks_the_vehicle_up(qtbot, db, owner, ctx, show, settle,
                                                                           monkeypatch):
    from tests.services.deal_samples import stock_vehicle
    from ui.sales.deals import DealDialog

    stock_vehicle(db, owner, 7, list_price=150_000_00)
    dialog = show(DealDialog(ctx))
    saves = []
    monkeypatch.setattr(dialog, "save", lambda: saves.append(True))
    dialog.buttons.accepted.connect(lambda: saves.append(True))
    dialog.stock_text.setFocus()
    qtbot.keyClicks(dialog.stock_text, "S0007")
    qtbot.keyClick(dialog.stock_text, Qt.Key.Key_Return)
    settle()

    assert saves == []
    assert dialog.isVisible() and not dialog.lines_error.isVisible()
    assert "BYD Qin" in dialog.stock_name.text()
    assert dialog.lines.values(0)["unit_price"] == 150_000_00

    # Enter in another field still saves.
    dialog.discount.setFocus()
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    assert saves == [True]


def test_the_order_dialog_opens_on_the_deposit_for_whoever_may_take_one(db, owner, ctx_for, when_modal, settle):
    from PySide6.QtWidgets import QApplication

    from services.sales import deals
    from tests.services.deal_samples import customer, quote, stock_vehicle
    from ui.sales.deals import OrderDialog

    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner, 3))
    seen = []
    when_modal(OrderDialog, lambda d: seen.append(QApplication.focusWidget() is d.deposit))
    OrderDialog.ask(ctx_for("sales_manager"), None, deals.get(db, owner, saved.id))
    assert seen == [True]
