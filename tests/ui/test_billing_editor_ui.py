"""The invoice editor and the credit-note dialog beyond typing lines: the posting date (back-dated
with a reason), what posting changes when tax rates changed, price credits, the vehicle, walk-in
customers and percentage discounts — driven through the real widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from services import customers, settings
from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from tests.services.samples import raw_rows
from ui.billing.editor import BackdateReasonDialog, InvoiceDialog

TODAY = date.today()
# The day the last invoice of the series is posted in the back-dating tests: today, or on the first
# days of January the last day of the year before, since a series is a year's (a posting dated last
# year is not back-dated against this year's series).
LAST = TODAY if (TODAY - timedelta(days=3)).year == TODAY.year else date(TODAY.year - 1, 12, 31)


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


def _draft(db, owner, customer_id: str, *, price: int = 11300, tax_code: str = "VAT13") -> str:
    return invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=customer_id, lines=[
        LineInput(description="Brake pads", quantity_milli=1000, unit_price=price, tax_code=tax_code)]))


def _set_rate(db, owner, code: str, rate_bp: int) -> None:
    row = next(r for r in settings.tax_rates(db) if r.code == code)
    settings.save_tax_rate(db, owner, code=row.code, name=row.name, rate=rate_bp, is_default=row.is_default,
                           active=row.active, id=row.id)


def _post_on(dialog: InvoiceDialog, day: date) -> None:
    dialog.post_on.setFocus()
    dialog.post_on.setDate(QDate(day.year, day.month, day.day))


# --- back-dated posting -------------------------------------------------------------------------

def test_posting_before_the_last_invoice_asks_the_reason_and_posts_back_dated(
        qtbot, db, db_path, owner, wang, ctx, show, settle, when_modal, messages):
    invoices.post(db, owner, _draft(db, owner, wang), on=LAST)
    late = _draft(db, owner, wang, price=5000)
    dialog = show(InvoiceDialog(ctx, late))
    yesterday = LAST - timedelta(days=1)
    _post_on(dialog, yesterday)
    asked = {}

    def give_reason(box: BackdateReasonDialog) -> None:
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)  # no reason yet: refused in the dialog
        asked["error"] = box.error.text() if box.error.isVisible() else ""
        qtbot.keyClicks(box.reason, "Paper invoice from the power cut")
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)

    handled = when_modal(BackdateReasonDialog, give_reason)
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle()

    assert handled
    assert asked["error"] == "Say why the invoice is back-dated"
    assert messages.kinds() == ["question"]
    assert "before the last invoice of the series" in messages.shown[0].text
    view = invoices.get(db, owner, late)
    assert (view.status, view.issued_on) == ("posted", yesterday)
    [(summary,)] = raw_rows(db_path, "SELECT summary FROM audit_entry WHERE action = 'backdate' AND entity_id = ?",
                            (late,))
    assert "Paper invoice from the power cut" in summary


def test_a_back_dated_posting_without_a_reason_posts_nothing_and_says_so_beside_the_date(
        qtbot, db, owner, wang, ctx, show, settle, when_modal, messages):
    invoices.post(db, owner, _draft(db, owner, wang), on=LAST)
    late = _draft(db, owner, wang, price=5000)
    dialog = show(InvoiceDialog(ctx, late))
    _post_on(dialog, LAST - timedelta(days=3))

    handled = when_modal(BackdateReasonDialog, lambda box: box.reject())
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: bool(handled))
    settle()

    assert dialog.isVisible()
    assert messages.shown == []
    error = dialog.errors.labels["on"]
    assert error.isVisible() and "give the reason for back-dating it" in error.text()
    assert invoices.get(db, owner, late).status == "draft"


# --- tax at posting time ------------------------------------------------------------------------

def test_posting_after_a_rate_change_shows_what_changes_before_asking(
        qtbot, db, owner, wang, ctx, show, settle, messages):
    iid = _draft(db, owner, wang)
    _set_rate(db, owner, "VAT13", 900)
    dialog = show(InvoiceDialog(ctx, iid))
    assert dialog.rates_hint.isVisible() and "VAT13" in dialog.rates_hint.text()
    assert "Tax ¥13.00" in dialog.totals.text()

    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()
    assert messages.kinds() == ["question"]
    question = messages.shown[0].text
    assert "Line 1 (Brake pads): tax 13% → 9%" in question
    assert "Tax: ¥13.00 → ¥9.33" in question and "Total: ¥113.00 → ¥113.00" in question
    assert invoices.get(db, owner, iid).status == "draft"

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()
    view = invoices.get(db, owner, iid)
    assert (view.status, view.tax_total, view.lines[0].tax_rate_bp) == ("posted", 933, 900)


def test_posting_with_unchanged_rates_asks_the_plain_question(qtbot, db, owner, wang, ctx, show, settle, messages):
    dialog = show(InvoiceDialog(ctx, _draft(db, owner, wang)))
    assert not dialog.rates_hint.isVisible()
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    settle()
    assert messages.kinds() == ["question"]
    assert "Tax rates have changed" not in messages.shown[0].text


# --- price credits ------------------------------------------------------------------------------

def _posted_invoice(db, owner, customer_id: str) -> str:
    iid = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=customer_id, lines=[
        LineInput(description="Brake pads", quantity_milli=2000, unit_price=45000, item_type="part", unit_cost=20000),
        LineInput(description="Labour", quantity_milli=1500, unit_price=30000, item_type="labour"),
    ]))
    invoices.post(db, owner, iid)
    return iid


def test_a_price_credit_per_line_takes_no_goods_back_and_never_more_than_is_left(
        qtbot, db, owner, wang, ctx, show, settle, messages):
    from tests.ui.test_billing_ui import _type_cell
    from ui.billing.credit import CreditNoteDialog

    iid = _posted_invoice(db, owner, wang)
    dialog = show(CreditNoteDialog(ctx, iid))
    grid = dialog.lines
    assert [grid.text(r, "amount_left") for r in range(2)] == ["¥900.00", "¥450.00"]

    _type_cell(qtbot, grid, 0, "amount", "1000")
    qtbot.keyClicks(dialog.reason, "Goodwill: late delivery")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible()
    assert dialog.lines_error.text() == "Line 1: At most ¥900.00 of this line is left to credit"
    assert grid.error(0, "amount") == "At most ¥900.00 of this line is left to credit"

    _type_cell(qtbot, grid, 0, "amount", "1o0")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert dialog.lines_error.text().startswith("Line 1: ")
    assert invoices.get(db, owner, iid).credit_note_ids == []

    _type_cell(qtbot, grid, 0, "amount", "100")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()

    assert not dialog.isVisible()
    view = invoices.get(db, owner, iid)
    [note_id] = view.credit_note_ids
    note = invoices.get(db, owner, note_id)
    assert (note.total, note.cost_total, note.notes) == (10000, 0, "Goodwill: late delivery")
    assert [(line.credited_line_id, line.quantity_milli, line.total) for line in note.lines] == [
        (view.lines[0].id, 0, 10000)]
    assert (view.lines[0].credited_quantity_milli, view.lines[0].credited_total) == (0, 10000)

    again = show(CreditNoteDialog(ctx, iid))
    assert [again.lines.text(r, "amount_left") for r in range(2)] == ["¥800.00", "¥450.00"]
    assert again.lines.text(0, "left") == "2"


# --- percentage discounts -----------------------------------------------------------------------

def test_a_discount_typed_as_a_percentage_per_line_and_on_the_invoice_is_saved_and_shown_again(
        qtbot, db, owner, wang, ctx, show, settle):
    from tests.ui.test_billing_ui import _type_cell

    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    _type_cell(qtbot, dialog.lines, 0, "description", "Wipers")
    _type_cell(qtbot, dialog.lines, 0, "quantity", "3")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "33.35")
    _type_cell(qtbot, dialog.lines, 0, "discount", "10%")
    # 3 × 33.35 = 100.05, less 10 % (10.005, rounded half-up to 10.01) = 90.04.
    assert dialog.lines.text(0, "discount") == "10%"
    assert dialog.lines.text(0, "total") == "¥90.04"
    qtbot.keyClicks(dialog.discount, "5%")
    # 5 % of 90.04 is 4.502 → 4.50 off the invoice.
    assert "Invoice discount -¥4.50" in dialog.totals.text() and "Total ¥85.54" in dialog.totals.text()

    dialog.discount.setFocus()
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    view = invoices.get(db, owner, dialog.saved_id)
    assert (view.total, view.discount, view.discount_bp) == (8554, 450, 500)
    assert (view.lines[0].discount, view.lines[0].discount_bp) == (1001 + 450, 1000)

    again = show(InvoiceDialog(ctx, view.id))
    assert again.lines.text(0, "discount") == "10%"
    assert again.discount.text() == "5%"
    assert "Total ¥85.54" in again.totals.text()


def test_a_bad_discount_names_its_field_and_saves_nothing(qtbot, db, owner, wang, ctx, show, settle):
    from services import lists
    from tests.ui.test_billing_ui import _type_cell

    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    _type_cell(qtbot, dialog.lines, 0, "description", "Wipers")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "100")
    _type_cell(qtbot, dialog.lines, 0, "discount", "1o%")
    assert dialog.lines.error(0, "discount")
    dialog.discount.setFocus()
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible() and dialog.lines_error.text().startswith("Line 1: ")

    _type_cell(qtbot, dialog.lines, 0, "discount", "120%")
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible() and dialog.lines_error.text().startswith("Line 1: ")
    assert dialog.lines.error(0, "discount")

    _type_cell(qtbot, dialog.lines, 0, "discount", "5")
    qtbot.keyClicks(dialog.discount, "abc")
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    label = dialog.errors.labels["discount"]
    assert dialog.isVisible() and label.isVisible() and label.text()

    dialog.discount.setText("96")  # more than the 95.00 left after the line's own discount
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible() and label.isVisible() and "invoice discount" in label.text()
    assert lists.count(db, owner, "invoices", lists.ListState()) == 0


# --- the vehicle on the invoice -----------------------------------------------------------------

def test_the_editor_chooses_the_vehicle_and_mileage_and_the_details_show_them(
        qtbot, db, owner, wang, ctx, show, settle, window, monkeypatch):
    from services import search, vehicles
    from ui.billing.invoices import InvoicesScreen
    from ui.search_dialog import GlobalSearchDialog

    vid = vehicles.create(db, owner, vehicles.VehicleInput(vin="LSVAU218XN2183294", make="VW", model="Lavida",
                                                           plate="沪A12345", owner_id=wang))
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None:
        search.Hit("vehicle", vid, "沪A12345 VW Lavida", "LSVAU218XN2183294") if kinds == ("vehicle",) else None))
    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    assert "LSVAU218XN2183294" in dialog.vehicle_name.text()
    from tests.ui.test_billing_ui import _type_cell

    _type_cell(qtbot, dialog.lines, 0, "description", "Oil service")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "399")
    qtbot.keyClicks(dialog.mileage, "42,18O")
    qtbot.keyClick(dialog.mileage, Qt.Key.Key_Return)
    settle()
    assert dialog.isVisible()
    assert dialog.errors.labels["mileage_km"].text() == "Enter the mileage as a whole number of km"
    dialog.mileage.setText("42,180 km")
    qtbot.keyClick(dialog.mileage, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    view = invoices.get(db, owner, dialog.saved_id)
    assert (view.vehicle_id, view.mileage_km) == (vid, 42180)

    again = show(InvoiceDialog(ctx, view.id))
    assert again.vehicle_name.text() == "VW Lavida · LSVAU218XN2183294 · 沪A12345"
    assert again.mileage.text() == "42180"

    page = window.show_page("invoices")
    assert isinstance(page, InvoicesScreen)
    settle()
    page.list.reload()
    assert page.list.select_id(view.id)
    qtbot.waitUntil(lambda: page.current_view is not None and page.current_view.id == view.id)
    text = page.detail.toPlainText()
    assert "LSVAU218XN2183294" in text and "沪A12345" in text and "42,180 km" in text


# --- the walk-in customer ---------------------------------------------------------------------------

def test_f7_makes_the_walk_in_customer_the_customer_of_a_counter_sale_by_someone_who_cannot_edit_customers(
        qtbot, db, owner, ctx, show, settle):
    from services import users
    from services.customers import WALK_IN_ID, WALK_IN_NAME

    users.create_user(db, owner, username="counter", password="counter-password-1", role="parts_clerk")
    desk = users.login(db, "counter", "counter-password-1")
    assert not desk.can("customer.edit") and desk.can("invoice.edit")
    ctx.actor = desk
    dialog = show(InvoiceDialog(ctx))
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: dialog.customer_id == WALK_IN_ID)
    assert dialog.customer_name.text() == WALK_IN_NAME
    from tests.ui.test_billing_ui import _type_cell

    _type_cell(qtbot, dialog.lines, 0, "description", "Wiper blade")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "59")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    assert invoices.get(db, desk, dialog.saved_id).customer_id == WALK_IN_ID
    # The same one record every time: a second walk-in sale does not make another.
    assert customers.walk_in(db, desk) == (WALK_IN_ID, WALK_IN_NAME)
    assert raw_rows(dialog.ctx.db.path, "SELECT count(*) FROM customer WHERE name = ?", (WALK_IN_NAME,)) == [(1,)]
