"""The billing screens driven through the real widgets: the invoice list and view, the draft editor,
taking a payment, issuing a credit note, printing, the cash desk and the receivables."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from core.errors import ValidationError
from services import customers, lists, search
from services.billing import cashdesk, invoices, payments
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from ui.billing.cashdesk import CashDeskScreen
from ui.billing.credit import CreditNoteDialog
from ui.billing.editor import InvoiceDialog
from ui.billing.invoices import InvoicesScreen
from ui.billing.payment import PaymentDialog
from ui.billing.receivables import ReceivablesScreen
from ui.main_window import PAGE_ROLE, MainWindow
from ui.search_dialog import GlobalSearchDialog
from ui.widgets.line_grid import LineGrid

# Two lines, prices including 13 % tax: 2 × ¥450.00 + 1.5 × ¥300.00 = ¥1,350.00.
TOTAL = 135000


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


def _post(db, owner, customer_id: str, *, on: date | None = None, price: int = 45000) -> str:
    invoice_id = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=customer_id, lines=[
        LineInput(description="Brake pads", quantity_milli=2000, unit_price=price, item_type="part", unit_cost=20000),
        LineInput(description="Labour", quantity_milli=1500, unit_price=30000, item_type="labour"),
    ]))
    invoices.post(db, owner, invoice_id, on=on)
    return invoice_id


@pytest.fixture
def invoice(db, owner, wang) -> str:
    return _post(db, owner, wang)


@pytest.fixture
def screen(window, settle) -> InvoicesScreen:
    page = window.show_page("invoices")
    assert isinstance(page, InvoicesScreen)
    settle()
    return page


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Files the app asked the desktop to open (the PDF viewer is not started)."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def _balance(db, owner, invoice_id: str) -> int:
    return invoices.get(db, owner, invoice_id).balance


def _choose(combo: QComboBox, data) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def _type_cell(qtbot, grid: LineGrid, row: int, key: str, text: str) -> None:
    """Type into a grid cell the way a user does: open it, type, Enter."""
    grid.focus_cell(row, key, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits the cell and closes its editor once the event loop runs.
    QApplication.processEvents()


def _choose_cell(qtbot, grid: LineGrid, row: int, key: str, data) -> None:
    """Choose in a grid's choice cell: open it, pick the entry, Enter."""
    grid.focus_cell(row, key, edit=True)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(data))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()


def _current_cell(grid: LineGrid) -> tuple[int, str]:
    index = grid.view.currentIndex()
    return index.row(), grid.columns[index.column()].key


def _select(qtbot, screen: InvoicesScreen, invoice_id: str) -> None:
    screen.list.reload()
    assert screen.list.select_id(invoice_id)
    # The invoice view is read on the database worker.
    qtbot.waitUntil(lambda: screen.current_view is not None and screen.current_view.id == invoice_id)


# --- navigation and permissions -----------------------------------------------------------------

def test_the_billing_pages_sit_under_their_own_heading(window):
    headers = [window.nav.item(i).text().lstrip("▾▸ ") for i in range(window.nav.count())
               if not window.nav.item(i).data(PAGE_ROLE)]
    pages = [window.nav.item(i).data(PAGE_ROLE) for i in range(window.nav.count())]

    assert headers == ["SALES", "SHOWROOM", "BILLING", "PARTS", "WORKSHOP", "ADMIN"]
    assert pages[pages.index("invoices") - 1:][:4] == [None, "invoices", "cash_desk", "receivables"]


def test_a_salesperson_may_write_drafts_but_not_post_take_payments_or_close_the_day(
        qtbot, db, owner, wang, invoice, ctx_for, show, settle):
    window = show(MainWindow(ctx_for("salesperson")))
    settle()
    page = window.show_page("invoices")
    settle()
    _select(qtbot, page, invoice)

    assert window.show_page("cash_desk") is None
    assert page.new_button.isVisible()
    assert not page.post_button.isVisible()
    assert not page.pay_button.isVisible()
    assert not page.credit_button.isVisible()
    assert page.print_button.isVisible()


def test_a_read_only_user_sees_invoices_and_receivables_but_changes_nothing(qtbot, db, owner, invoice, ctx_for, show,
                                                                            settle):
    window = show(MainWindow(ctx_for("read_only")))
    settle()
    page = window.show_page("invoices")
    settle()
    _select(qtbot, page, invoice)

    assert window.show_page("receivables") is not None
    assert window.show_page("cash_desk") is None
    assert not page.new_button.isVisible()
    assert not page.edit_button.isVisible()
    assert not any(b.isVisible() for b in (page.post_button, page.pay_button, page.credit_button))


# --- the list -----------------------------------------------------------------------------------

def test_the_invoice_list_shows_money_and_filters_by_open_balance(db, owner, wang, screen, settle):
    open_id = _post(db, owner, wang)
    paid_id = _post(db, owner, wang)
    paid_number = invoices.get(db, owner, paid_id).number
    payments.take_payment(db, owner, customer_id=wang, splits=[PaymentSplit("cash", TOTAL)],
                          allocations={paid_number: TOTAL})
    invoices.create_draft(db, owner, DraftInput(kind="other", customer_id=wang, lines=[
        LineInput(description="Floor mats", quantity_milli=1000, unit_price=9900)]))
    screen.list.reload()
    settle()
    assert screen.list.model.rowCount() == 3
    columns = [c.key for c in screen.list.model.columns]
    row = next(i for i, r in enumerate(screen.list.model.rows) if r[0] == open_id)
    cell = lambda key: screen.list.model.index(row, columns.index(key)).data()  # noqa: E731
    assert (cell("total"), cell("paid"), cell("balance"), cell("status"), cell("kind")) == (
        "¥1,350.00", "¥0.00", "¥1,350.00", "Posted", "Workshop")

    open_filter = screen.list.filter_widgets["open"]
    open_filter.setCurrentIndex(open_filter.findData(True))
    settle()
    assert [r[0] for r in screen.list.model.rows] == [open_id]
    assert screen.list.count_label.text() == "1 row(s)"

    open_filter.setCurrentIndex(open_filter.findData(False))
    settle()
    assert paid_id in [r[0] for r in screen.list.model.rows]
    assert open_id not in [r[0] for r in screen.list.model.rows]

    status = screen.list.filter_widgets["status"]
    open_filter.setCurrentIndex(0)
    status.setCurrentIndex(status.findData("draft"))
    settle()
    assert [r[columns.index("status") + 1] for r in screen.list.model.rows] == ["draft"]


def test_the_invoice_list_finds_an_invoice_by_number_and_customer(db, owner, wang, invoice, screen, settle, qtbot):
    other = customers.create(db, owner, customers.CustomerInput(name="李娜"))
    _post(db, owner, other)
    number = invoices.get(db, owner, invoice).number

    qtbot.keyClicks(screen.list.search, number[-6:])
    screen.list.reload()
    settle()
    assert [r[0] for r in screen.list.model.rows] == [invoice]

    screen.list.search.clear()
    screen.list.search.setText("李娜")
    screen.list.reload()
    settle()
    assert len(screen.list.model.rows) == 1
    assert screen.list.model.rows[0][0] != invoice


def test_the_invoices_list_model_passes_the_model_tester(qtmodeltester, db, owner, wang, screen, settle):
    for _ in range(3):
        _post(db, owner, wang)
    screen.list.reload()
    settle()

    assert screen.list.model.rowCount() == 3
    qtmodeltester.check(screen.list.model, force_py=True)


def test_the_invoice_view_shows_lines_totals_payments_and_balance(qtbot, db, owner, wang, invoice, screen):
    number = invoices.get(db, owner, invoice).number
    payments.take_payment(db, owner, customer_id=wang, splits=[PaymentSplit("card", 50000, "POS 0042")],
                          allocations={number: 50000})
    _select(qtbot, screen, invoice)

    text = screen.detail.toPlainText()
    assert f"Invoice {number}" in text
    assert "Brake pads" in text and "2 × ¥450.00" in text
    assert "¥1,350.00" in text
    assert "Card · POS 0042" in text
    assert "Balance: ¥850.00" in text
    assert screen.pay_button.isEnabled() and screen.credit_button.isEnabled()
    assert not screen.post_button.isEnabled() and not screen.edit_button.isEnabled()


def test_enter_on_a_posted_invoice_explains_it_cannot_change(qtbot, db, owner, invoice, screen, when_modal):
    _select(qtbot, screen, invoice)
    handled = when_modal(InvoiceDialog, lambda d: None, timeout=300)

    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_Return)
    qtbot.wait(400)

    assert handled == []
    assert "credit note" in screen.last_message


# --- the draft editor ---------------------------------------------------------------------------

def test_the_draft_editor_adds_lines_shows_the_live_total_and_posts(
        qtbot, db, owner, wang, screen, settle, when_modal, messages, monkeypatch):
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None: search.Hit("customer", wang, "王伟", "")))
    seen: dict[str, str] = {}

    def write(dialog: InvoiceDialog) -> None:
        assert dialog.windowTitle() == "New invoice"
        qtbot.mouseClick(dialog.choose_customer, Qt.MouseButton.LeftButton)
        assert dialog.customer_name.text() == "王伟"
        _choose(dialog.kind, "counter_sale")
        _type_cell(qtbot, dialog.lines, 0, "description", "Brake pads")
        _type_cell(qtbot, dialog.lines, 0, "quantity", "2")
        _type_cell(qtbot, dialog.lines, 0, "unit_price", "450")
        assert dialog.isVisible(), "Enter in a cell does not save the invoice"
        assert dialog.lines.text(0, "total") == "¥900.00"
        qtbot.mouseClick(dialog.lines.add_button, Qt.MouseButton.LeftButton)
        assert _current_cell(dialog.lines) == (1, "item_code")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no code on a labour line
        QApplication.processEvents()
        qtbot.keyClicks(QApplication.focusWidget(), "Labour")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
        _type_cell(qtbot, dialog.lines, 1, "quantity", "1.5")
        _type_cell(qtbot, dialog.lines, 1, "unit_price", "300")
        seen["totals"] = dialog.totals.text()
        _choose_cell(qtbot, dialog.lines, 1, "tax_code", "VAT6")
        seen["with_vat6"] = dialog.totals.text()
        _choose_cell(qtbot, dialog.lines, 1, "tax_code", "VAT13")
        qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(InvoiceDialog, write)
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert handled
    assert "Total ¥1,350.00" in seen["totals"]
    assert "Tax ¥155.31" in seen["totals"]
    # A tax-inclusive price keeps the total; only the split between net and tax moves.
    assert "Total ¥1,350.00" in seen["with_vat6"] and "Tax ¥155.31" not in seen["with_vat6"]
    assert [m.kind for m in messages.shown] == ["question"]
    view = screen.current_view
    assert view is not None and view.status == "posted"
    assert (view.kind, view.total, len(view.lines)) == ("counter_sale", TOTAL, 2)
    assert view.lines[1].quantity_milli == 1500
    assert view.number and view.number in screen.detail.toPlainText()
    assert screen.last_message == f"Invoice {view.number} posted."
    assert screen.list.selected_id() == view.id


def test_the_draft_editor_shows_a_bad_line_beside_the_grid_and_saves_nothing(
        qtbot, db, owner, wang, ctx, show, settle):
    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    _type_cell(qtbot, dialog.lines, 0, "description", "Brake pads")
    _type_cell(qtbot, dialog.lines, 0, "quantity", "-2")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "450")
    assert "a line is incomplete" not in dialog.totals.text()

    # Enter in a field saves (Enter on a focused button would press that button instead).
    dialog.reference.setFocus()
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    settle()

    assert dialog.isVisible()
    assert dialog.lines_error.isVisible()
    assert dialog.lines_error.text().startswith("Line 1: The quantity must be more than zero")
    assert _current_cell(dialog.lines) == (0, "quantity")
    assert dialog.lines.error(0, "quantity").startswith("The quantity must be more than zero")
    assert lists.count(db, owner, "invoices", lists.ListState()) == 0

    _type_cell(qtbot, dialog.lines, 0, "quantity", "2,5")
    assert "a line is incomplete" in dialog.totals.text()
    assert dialog.lines.text(0, "total") == "—"


def test_saving_a_draft_with_enter_and_editing_it_later(qtbot, db, owner, wang, ctx, show, settle, screen,
                                                        when_modal):
    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    _type_cell(qtbot, dialog.lines, 0, "description", "Wheel alignment")
    _type_cell(qtbot, dialog.lines, 0, "unit_price", "199")
    dialog.due_days.setValue(7)
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    settle()

    assert not dialog.isVisible()
    draft = invoices.get(db, owner, dialog.saved_id)
    assert (draft.status, draft.total, draft.payment_terms_days) == ("draft", 19900, 7)

    def change(editor: InvoiceDialog) -> None:
        assert editor.windowTitle() == "Edit draft invoice"
        assert editor.due_days.value() == 7
        assert editor.lines.text(0, "description") == "Wheel alignment"
        _type_cell(qtbot, editor.lines, 0, "quantity", "2")
        qtbot.keyClick(editor.reference, Qt.Key.Key_Return)
        settle()

    _select(qtbot, screen, draft.id)
    assert screen.edit_button.isEnabled() and screen.post_button.isEnabled()
    handled = when_modal(InvoiceDialog, change)
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert invoices.get(db, owner, draft.id).total == 39800
    assert "¥398.00" in screen.detail.toPlainText()


# --- payments -----------------------------------------------------------------------------------

def test_taking_a_payment_with_the_keyboard_lowers_the_balance(
        qtbot, db, owner, wang, invoice, screen, settle, when_modal, messages):
    _select(qtbot, screen, invoice)

    def pay(dialog: PaymentDialog) -> None:
        amount = dialog.findChild(QLineEdit, "amount")
        assert amount.text() == "1,350.00", "prefilled with the invoice's balance"
        amount.selectAll()
        qtbot.keyClicks(amount, "500")
        _choose(dialog.findChild(QComboBox, "method"), "card")
        assert "Received ¥500.00" in dialog.summary.text()
        assert dialog.allocations.text(0, "amount") == "500.00"
        amount.setFocus()
        qtbot.keyClick(amount, Qt.Key.Key_Return)
        settle()

    handled = when_modal(PaymentDialog, pay)
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle()

    assert handled
    assert messages.shown == []
    assert _balance(db, owner, invoice) == TOTAL - 50000
    assert [(p.method, p.amount) for p in payments.payments(db, owner, customer_id=wang)] == [("card", 50000)]
    assert "Balance: ¥850.00" in screen.detail.toPlainText()
    columns = [c.key for c in screen.list.model.columns]
    assert screen.list.model.index(0, columns.index("balance")).data() == "¥850.00"


def test_an_over_payment_without_holding_the_excess_is_refused_beside_the_amount(
        qtbot, db, owner, wang, invoice, ctx, show, settle, messages):
    dialog = show(PaymentDialog(ctx, invoice_id=invoice))
    amount = dialog.findChild(QLineEdit, "amount")
    amount.selectAll()
    qtbot.keyClicks(amount, "1400")
    assert "¥50.00 not allocated" in dialog.summary.text()

    qtbot.keyClick(amount, Qt.Key.Key_Return)
    settle()

    assert dialog.isVisible()
    assert messages.shown == []
    error = dialog.errors.labels["amount"]
    assert error.isVisible()
    assert "hold the excess as credit" in error.text()
    assert amount.property("invalid") is True
    assert amount.hasFocus()
    assert payments.payments(db, owner, customer_id=wang) == []
    assert _balance(db, owner, invoice) == TOTAL

    dialog.hold_excess.setFocus()
    qtbot.keyClick(dialog.hold_excess, Qt.Key.Key_Space)
    assert "¥50.00 held as credit" in dialog.summary.text()
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    settle()

    assert not dialog.isVisible()
    assert _balance(db, owner, invoice) == 0
    assert sum(s.remaining for s in payments.credit_sources(db, owner, wang)) == 5000


def test_a_payment_split_over_two_methods_settles_two_invoices(qtbot, db, owner, wang, invoice, ctx, show, settle):
    second = _post(db, owner, wang, price=10000)  # ¥650.00
    dialog = show(PaymentDialog(ctx, invoice_id=invoice))
    assert dialog.allocations.row_count() == 2
    amount = dialog.findChild(QLineEdit, "amount")
    amount.selectAll()
    qtbot.keyClicks(amount, "1000")
    qtbot.mouseClick(dialog.add_split_button, Qt.MouseButton.LeftButton)
    split = dialog._splits[1]
    _choose(split.method, "bank_transfer")
    qtbot.keyClicks(split.amount, "1000")
    qtbot.keyClicks(split.reference, "TX-778")
    assert [dialog.allocations.text(r, "amount") for r in range(2)] == ["1,350.00", "650.00"]

    qtbot.keyClick(split.amount, Qt.Key.Key_Return)
    settle()

    assert not dialog.isVisible()
    assert (_balance(db, owner, invoice), _balance(db, owner, second)) == (0, 0)
    assert sorted((p.method, p.amount, p.reference) for p in payments.payments(db, owner, customer_id=wang)) == [
        ("bank_transfer", 100000, "TX-778"), ("cash", 100000, "")]


def test_allocations_typed_in_the_grid_stay_put_and_the_totals_row_follows(
        qtbot, db, owner, wang, invoice, ctx, show, settle, messages):
    second = _post(db, owner, wang, price=10000)  # ¥650.00
    dialog = show(PaymentDialog(ctx, invoice_id=invoice))
    grid = dialog.allocations
    assert grid.total_text("balance") == "¥2,000.00"
    assert grid.total_text("amount") == "¥1,350.00"

    _type_cell(qtbot, grid, 0, "amount", "1000")
    _type_cell(qtbot, grid, 1, "amount", "350")
    amount = dialog.findChild(QLineEdit, "amount")
    amount.selectAll()
    qtbot.keyClicks(amount, "1500")

    assert [grid.text(r, "amount") for r in range(2)] == ["1,000.00", "350.00"], "typed allocations stay"
    assert grid.total_text("amount") == "¥1,350.00"
    assert "¥150.00 not allocated" in dialog.summary.text()

    _type_cell(qtbot, grid, 1, "amount", "35o")
    assert grid.total_text("amount") == "—"
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    settle()

    assert dialog.isVisible() and messages.shown == []
    assert dialog.alloc_error.isVisible() and "is not a number" in dialog.alloc_error.text()
    assert grid.error(1, "amount") and _current_cell(grid) == (1, "amount")
    assert payments.payments(db, owner, customer_id=wang) == []

    _type_cell(qtbot, grid, 1, "amount", "500")
    dialog.hold_excess.setChecked(True)
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    settle()

    assert not dialog.isVisible()
    assert (_balance(db, owner, invoice), _balance(db, owner, second)) == (TOTAL - 100000, 15000)


# --- credit notes -------------------------------------------------------------------------------

def test_a_partial_credit_note_through_the_dialog_lowers_the_balance(
        qtbot, db, owner, wang, invoice, screen, settle, when_modal, messages):
    _select(qtbot, screen, invoice)
    seen = {}

    def credit(dialog: CreditNoteDialog) -> None:
        table = dialog.lines
        assert [table.text(r, "left") for r in range(table.row_count())] == ["2", "1.5"]
        _type_cell(qtbot, table, 0, "quantity", "3")
        qtbot.keyClicks(dialog.reason, "Returned unused")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        settle()
        seen["error"] = dialog.lines_error.text()
        seen["after_error"] = lists.count(db, owner, "invoices", lists.ListState(filters={"kind": "credit_note"}))
        _type_cell(qtbot, table, 0, "quantity", "1")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        settle()

    handled = when_modal(CreditNoteDialog, credit)
    qtbot.mouseClick(screen.credit_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert seen["error"] == "Line 1: Only 2 of line 1 is left to credit"
    assert seen["after_error"] == 0
    view = invoices.get(db, owner, invoice)
    assert len(view.credit_note_ids) == 1
    note = invoices.get(db, owner, view.credit_note_ids[0])
    assert (note.kind, note.credited_invoice_id, note.notes, note.total) == (
        "credit_note", invoice, "Returned unused", 45000)
    assert [(line.credited_line_id, line.quantity_milli) for line in note.lines] == [(view.lines[0].id, 1000)]
    assert view.balance == TOTAL - 45000
    assert view.lines[0].credited_quantity_milli == 1000
    assert screen.last_message == f"Credit note {note.number} issued."
    assert "Balance: ¥900.00" in screen.detail.toPlainText()
    assert [m.kind for m in messages.shown] == ["question", "question"]


def test_full_credit_fills_what_is_left_and_leaves_nothing_to_credit(
        qtbot, db, owner, wang, invoice, ctx, show, settle, messages):
    first_line = invoices.get(db, owner, invoice).lines[0].id
    invoices.create_credit_note(db, owner, invoice, lines={first_line: 500})
    dialog = show(CreditNoteDialog(ctx, invoice))

    qtbot.mouseClick(dialog.full_button, Qt.MouseButton.LeftButton)
    assert [dialog.lines.text(r, "quantity") for r in range(2)] == ["1.5", "1.5"]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle()

    assert not dialog.isVisible()
    view = invoices.get(db, owner, invoice)
    assert all(line.credited_quantity_milli == line.quantity_milli for line in view.lines)
    assert view.balance == 0
    with pytest.raises(ValidationError):
        invoices.create_credit_note(db, owner, invoice)


# --- printing -----------------------------------------------------------------------------------

def test_saving_the_invoice_pdf_counts_the_print(qtbot, db, owner, invoice, screen, settle, save_as):
    _select(qtbot, screen, invoice)

    target = save_as("copy.pdf")
    screen.pdf_action.trigger()
    settle()

    assert Path(target).read_bytes().startswith(b"%PDF")
    assert invoices.get(db, owner, invoice).print_count == 1


# --- cash desk ----------------------------------------------------------------------------------

def test_the_cash_desk_shows_the_days_receipts_and_closes_the_day(
        qtbot, db, owner, wang, invoice, window, settle, messages):
    number = invoices.get(db, owner, invoice).number
    payments.take_payment(db, owner, customer_id=wang, allocations={number: 80000},
                          splits=[PaymentSplit("cash", 50000), PaymentSplit("card", 30000, "POS 1")])
    page = window.show_page("cash_desk")
    assert isinstance(page, CashDeskScreen)
    settle()

    table = page.methods
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [["Cash", "¥500.00", "", "¥500.00"], ["Card", "¥300.00", "", "¥300.00"],
                    ["Total", "¥800.00", "", "¥800.00"]]
    assert "¥500.00" in page.expected.text()
    assert page.state_label.text() == "Open"
    assert page.payments.model.rowCount() == 2

    qtbot.keyClicks(page.counted, "480")
    assert "-¥20.00" in page.difference.text()
    qtbot.keyClicks(page.notes, "Short by 20")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle()

    assert [m.kind for m in messages.shown] == ["question"]
    report = cashdesk.day_report(db, owner, day=date.today())
    assert (report.closed, report.counted_cash, report.difference, report.notes) == (True, 48000, -2000,
                                                                                     "Short by 20")
    assert page.state_label.text() == "Closed"
    assert not page.counted.isEnabled() and not page.close_button.isEnabled()
    assert "Closed by owner" in page.closed_hint.text()
    assert "counts in tomorrow's cash" in page.closed_hint.text()


def test_closing_the_day_needs_a_count(qtbot, ctx, show, settle, messages):
    page = show(CashDeskScreen(ctx))
    settle()
    assert page.method_stack.currentWidget() is page.empty

    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)

    assert messages.shown == []
    assert page.errors.labels["counted_cash"].isVisible()
    assert not cashdesk.day_report(ctx.db, ctx.actor, day=date.today()).closed


def test_a_past_closed_day_shows_read_only(qtbot, db, owner, ctx, show, settle):
    yesterday = date.today() - timedelta(days=1)
    cashdesk.close_day(db, owner, day=yesterday, counted_cash=1000, notes="Float left from last week")
    page = show(CashDeskScreen(ctx))
    settle()
    assert page.state_label.text() == "Open"

    page.set_day(yesterday)
    settle()

    assert page.state_label.text() == "Closed"
    assert page.counted.text() == "10.00"
    assert not page.close_button.isEnabled()


# --- receivables --------------------------------------------------------------------------------

def test_receivables_age_by_due_date_and_save_a_statement(
        qtmodeltester, qtbot, db, owner, wang, window, settle, save_as, opened, type_text):
    late = _post(db, owner, wang, on=date.today() - timedelta(days=45))  # due 15 days ago
    other = customers.create(db, owner, customers.CustomerInput(name="李娜"))
    _post(db, owner, other)
    page = window.show_page("receivables")
    assert isinstance(page, ReceivablesScreen)
    settle()

    model = page.aging_model
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(page.overdue_model, force_py=True)
    row = next(i for i in range(model.rowCount()) if model.row_at(i).customer_id == wang)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    values = dict(zip(headers, (model.index(row, c).data() for c in range(model.columnCount())), strict=True))
    assert (values["Current"], values["1–30 days"], values["Total"]) == ("", "¥1,350.00", "¥1,350.00")
    assert page.tabs.tabText(1) == "Overdue invoices (1)"
    assert page.overdue_model.row_at(0).invoice_id == late
    assert "2 customer(s) owe" in page.aging_totals.text()

    type_text(page.find, "李")
    assert model.rowCount() == 1 and model.row_at(0).customer_name == "李娜"
    page.find.clear()

    page.aging.selectRow(row)
    assert page.statement_button.isEnabled()
    target = save_as("statement.pdf")
    page.write_statement(wang, Path(target), start=date.today() - timedelta(days=90), end=date.today())
    settle()
    assert Path(target).read_bytes().startswith(b"%PDF")
    assert opened == [target]

    page.tabs.setCurrentIndex(1)
    page.overdue.selectRow(0)
    page.open_current()
    settle()
    invoices_page = window.stack.currentWidget()
    assert isinstance(invoices_page, InvoicesScreen)
    assert invoices_page.current_id == late


def test_a_payment_on_account_from_receivables_settles_the_oldest_invoices_first(
        qtbot, db, owner, wang, window, settle, when_modal):
    older = _post(db, owner, wang, on=date.today() - timedelta(days=40))
    newer = _post(db, owner, wang, price=10000)  # ¥650.00
    page = window.show_page("receivables")
    settle()
    page.aging.selectRow(0)

    def pay(dialog: PaymentDialog) -> None:
        assert dialog.customer_name.text() == "王伟"
        amount = dialog.findChild(QLineEdit, "amount")
        assert amount.text() == ""
        qtbot.keyClicks(amount, "1500")
        assert [dialog.allocations.text(r, "amount") for r in range(2)] == ["1,350.00", "150.00"]
        qtbot.keyClick(amount, Qt.Key.Key_Return)
        settle()

    handled = when_modal(PaymentDialog, pay)
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert (_balance(db, owner, older), _balance(db, owner, newer)) == (0, 50000)
    assert page.aging_model.row_at(0).total == 50000


def test_receivables_show_an_empty_state_when_nobody_owes(ctx, show, settle):
    page = show(ReceivablesScreen(ctx))
    settle()

    assert page.aging_stack.currentWidget() is page.aging_empty
    assert "Nobody owes anything" in page.aging_empty.text()
    assert not page.statement_button.isEnabled()


def test_typing_a_part_number_on_a_part_line_names_the_catalogue_part(qtbot, db, owner, wang, ctx, show, settle):
    from services.parts import catalogue

    old = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="F 026 407 001",
                                                              description="Old oil filter", retail_price=5000))
    new = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="F 026 407 157",
                                                              description="机油滤清器", retail_price=6800))
    catalogue.set_superseded_by(db, owner, old, new)
    dialog = show(InvoiceDialog(ctx, customer=(wang, "王伟")))
    _type_cell(qtbot, dialog.lines, 0, "item_code", "f026407001")
    settle()

    assert dialog.lines.text(0, "item_code") == "F 026 407 157"
    assert dialog.lines.text(0, "description") == "机油滤清器"
    assert dialog.lines.text(0, "unit_price") == "68.00"
    assert dialog.value().lines[0].part_id == new


def test_a_search_that_matches_nothing_clears_the_detail_pane_and_its_actions(db, owner, wang, screen, settle, qtbot):
    draft_id = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=wang, lines=[
        LineInput("Oil change", 1000, 45000, item_type="labour")]))
    _select(qtbot, screen, draft_id)
    assert screen.post_button.isEnabled() and screen.edit_button.isEnabled()

    qtbot.keyClicks(screen.list.search, "no such invoice zzz")
    screen.list.reload()
    settle()

    assert screen.list.model.rowCount() == 0
    qtbot.waitUntil(lambda: screen.current_view is None)
    assert not screen.post_button.isEnabled() and not screen.edit_button.isEnabled()
    assert "zzz" not in screen.detail.toPlainText() and "Oil change" not in screen.detail.toPlainText()
