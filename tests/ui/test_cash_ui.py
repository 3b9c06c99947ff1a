"""The cash-desk work driven through the real widgets: credit held in the payment dialog, refunds,
payment receipts and payment methods, the day-end report and printing."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from services import customers
from services.billing import accounting, cashdesk, invoices, payments
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from ui import printing
from ui.billing.cashdesk import CashDeskScreen
from ui.billing.invoices import InvoicesScreen
from ui.billing.payment import PaymentDialog
from ui.billing.receivables import ReceivablesScreen
from ui.billing.refund import RefundDialog


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


def _choose(combo: QComboBox, data) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(data))


def _hold(db, owner, customer_id: str, amount: int, *, on: date, method: str = "cash") -> str:
    return payments.take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit(method, amount)],
                                 hold_excess=True, on=on)[0]


# --- credit held in the payment dialog ----------------------------------------------------------

def test_the_credit_held_follows_the_payment_date_and_equals_what_the_service_allows(
        qtbot, db, owner, wang, ctx, show):
    today = date.today()
    _hold(db, owner, wang, 50000, on=today - timedelta(days=10))
    _hold(db, owner, wang, 30000, on=today - timedelta(days=2))
    dialog = show(PaymentDialog(ctx, customer=(wang, "王伟")))
    assert "¥800.00" in dialog.credit_hint.text()

    for days_back, expected in ((5, 50000), (20, 0), (0, 80000)):
        day = today - timedelta(days=days_back)
        dialog.paid_on.setFocus()
        dialog.paid_on.setDate(QDate(day.year, day.month, day.day))
        assert dialog.credit == expected == payments.credit_available(db, owner, wang, on=day)
        if expected:
            assert dialog.credit_hint.isVisible()
            assert f"¥{expected // 100:,}.00" in dialog.credit_hint.text()
        else:
            assert not dialog.credit_hint.isVisible()


# --- refunds --------------------------------------------------------------------------------------

def _journal_balance(db, owner, account_key: str) -> int:
    lines = accounting.journal_entries(db, owner, start=date.today() - timedelta(days=400), end=date.today())
    account = next(r.account for r in accounting.get_mapping(db, owner) if r.key == account_key)
    return sum(line.debit - line.credit for line in lines if line.account == account)


def test_a_customer_who_only_holds_credit_is_in_receivables_and_gets_a_cash_refund(
        qtbot, db, owner, wang, window, settle, when_modal, messages):
    _hold(db, owner, wang, 50000, on=date.today() - timedelta(days=3))
    # Today's drawer holds ¥300.00 another customer paid in cash for an invoice: a cash refund comes out of it.
    li = customers.create(db, owner, customers.CustomerInput(name="李娜"))
    paid = _posted_invoice(db, owner, li)
    payments.take_payment(db, owner, customer_id=li, splits=[PaymentSplit("cash", 30000)],
                          allocations={invoices.get(db, owner, paid).number: 30000})
    page = window.show_page("receivables")
    assert isinstance(page, ReceivablesScreen)
    settle()

    assert [(r.customer_name, r.credit, r.total) for r in page.aging_model.rows] == [("王伟", -50000, -50000)]
    assert re.sub("<[^>]+>", "", page.aging_totals.text()) == ("Nobody owes anything. Customers hold ¥500.00 in "
                                                               "credit; net -¥500.00.")
    aging_total = sum(r.total for r in page.aging_model.rows)
    assert aging_total == _journal_balance(db, owner, "receivables") + _journal_balance(db, owner, "customer_credit")
    assert not page.refund_button.isEnabled()
    page.aging.selectRow(0)
    assert page.refund_button.isEnabled()

    def refund(dialog: RefundDialog) -> None:
        assert dialog.amount.text() == "500.00", "prefilled with what may be refunded"
        assert "¥500.00" in dialog.available_hint.text()
        _choose(dialog.method, "cash")
        assert "cash drawer" in dialog.drawer_hint.text()
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "200")
        qtbot.keyClicks(dialog.reason, "Order cancelled")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        settle()

    handled = when_modal(RefundDialog, refund)
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled and messages.shown == []
    rows = payments.payments(db, owner, customer_id=wang)
    assert [(r.method, r.amount, r.notes) for r in rows] == [("cash", 50000, ""), ("cash", -20000, "Order cancelled")]
    report = cashdesk.day_report(db, owner, day=date.today())
    assert (report.cash_refunds, report.expected_cash) == (20000, 10000)
    assert page.aging_model.rows[0].credit == -30000
    assert _journal_balance(db, owner, "customer_credit") == -30000
    lines = accounting.journal_entries(db, owner, start=date.today(), end=date.today())
    assert {line.reference for line in lines if line.reference.startswith("RFD-")} == {f"RFD-{rows[1].id}"}


def test_a_refund_dated_before_the_credit_arrived_is_refused_beside_the_date(
        qtbot, db, owner, wang, ctx, show, settle):
    _hold(db, owner, wang, 50000, on=date.today() - timedelta(days=3))
    dialog = show(RefundDialog(ctx, customer=(wang, "王伟")))
    day = date.today() - timedelta(days=5)
    dialog.paid_on.setDate(QDate(day.year, day.month, day.day))
    assert dialog.available == 0 and "¥0.00" in dialog.available_hint.text()
    dialog.amount.set_value(10000)

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle()

    assert dialog.errors.labels["amount"].isVisible()
    assert payments.payments(db, owner, customer_id=wang)[-1].amount == 50000


def test_the_cash_desk_refunds_the_selected_payment_out_of_the_drawer(
        qtbot, db, owner, wang, window, settle, when_modal, messages):
    paid = _hold(db, owner, wang, 30000, on=date.today(), method="wechat_pay")
    cash = _hold(db, owner, wang, 10000, on=date.today())
    page = window.show_page("cash_desk")
    assert isinstance(page, CashDeskScreen)
    settle()
    assert "¥100.00" in page.expected.text()
    assert not page.refund_button.isEnabled()

    assert page.payments.select_id(cash)
    settle()
    assert page.refund_button.isEnabled()

    def refund(dialog: RefundDialog) -> None:
        assert dialog.source.currentData() == cash
        assert dialog.method.currentData() == "cash"
        assert dialog.amount.text() == "100.00"
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(RefundDialog, refund)
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled and messages.shown == []
    refund_row = payments.payments(db, owner, customer_id=wang)[-1]
    assert (refund_row.amount, refund_row.method, refund_row.refund_of_id) == (-10000, "cash", cash)
    assert "¥0.00" in page.expected.text()
    assert page.cash_out.text() == "¥100.00"
    assert paid != cash


def test_a_closed_days_list_shows_what_the_close_counted_and_later_payments_show_on_the_next_day(
        qtbot, db, owner, wang, window, settle, monkeypatch):
    from core import clock

    today = date.today() - timedelta(days=1)  # yesterday's desk: its next day is today
    monkeypatch.setattr(clock, "today", lambda: today)
    counted = _hold(db, owner, wang, 10000, on=today)
    cashdesk.close_day(db, owner, day=today, counted_cash=10000)
    late = _hold(db, owner, wang, 2500, on=today)  # the desk stays open after the count
    monkeypatch.setattr(clock, "today", lambda: today + timedelta(days=1))
    page = window.show_page("cash_desk")
    assert isinstance(page, CashDeskScreen)
    page.set_day(today)
    settle()

    def listed() -> set[str]:
        model = page.payments.model
        return {model.row_id(r) for r in range(model.rowCount())}

    report = cashdesk.day_report(db, owner, day=today)
    assert report.closed and report.payment_count == 1
    assert listed() == {counted}, "the closed day lists what its close counted"

    page.set_day(today + timedelta(days=1))
    settle()
    assert listed() == {late}, "a payment taken after the close is listed on the day whose cash it is"
    assert cashdesk.day_report(db, owner, day=today + timedelta(days=1)).payment_count == 1
    assert page.closed_hint.text()


# --- printing -------------------------------------------------------------------------------------

@pytest.fixture
def printer(monkeypatch, tmp_path) -> Path:
    """A printer set up on this computer, printing into a PDF file (whose path is returned)."""
    out = tmp_path / "printed.pdf"

    def make() -> QPrinter:
        target = QPrinter(QPrinter.PrinterMode.HighResolution)
        target.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target.setOutputFileName(str(out))
        return target

    monkeypatch.setattr(printing, "printers_available", lambda: True)
    monkeypatch.setattr(printing, "make_printer", make)
    return out


def _print_from_preview(dialog: QPrintPreviewDialog) -> None:
    """What the preview's Print button does once the print dialog is confirmed."""
    dialog.paintRequested.emit(dialog.printer())
    dialog.accept()


def _posted_invoice(db, owner, customer_id: str) -> str:
    invoice_id = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=customer_id, lines=[
        LineInput(description="Labour", quantity_milli=1000, unit_price=30000, item_type="labour")]))
    invoices.post(db, owner, invoice_id)
    return invoice_id


def _invoices_screen(qtbot, window, settle, invoice_id: str) -> InvoicesScreen:
    screen = window.show_page("invoices")
    settle()
    screen.list.reload()
    assert screen.list.select_id(invoice_id)
    qtbot.waitUntil(lambda: screen.current_view is not None and screen.current_view.id == invoice_id)
    return screen


def test_the_invoice_screen_refunds_what_is_left_of_the_payment_the_invoice_was_paid_with(
        qtbot, db, owner, wang, window, settle, when_modal, messages):
    invoice_id = _posted_invoice(db, owner, wang)
    unpaid = _posted_invoice(db, owner, wang)
    number = invoices.get(db, owner, invoice_id).number
    # ¥400.00 in cash for a ¥300.00 invoice: ¥100.00 of the payment is left as the customer's credit.
    paid = payments.take_payment(db, owner, customer_id=wang, splits=[PaymentSplit("cash", 40000)],
                                 allocations={number: 30000}, hold_excess=True)[0]

    screen = _invoices_screen(qtbot, window, settle, unpaid)
    assert screen.refund_button.isVisible() and not screen.refund_button.isEnabled(), "nothing paid, nothing back"
    assert screen.list.select_id(invoice_id)
    qtbot.waitUntil(lambda: screen.current_view is not None and screen.current_view.id == invoice_id)
    settle()
    assert screen.refund_button.isEnabled()

    def refund(dialog: RefundDialog) -> None:
        assert dialog.source.currentData() == paid, "the invoice's own payment is chosen"
        assert dialog.method.currentData() == "cash"
        assert dialog.amount.text() == "100.00"
        dialog.reason.setText("overpaid")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(RefundDialog, refund)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled and messages.shown == []
    back = payments.payments(db, owner, customer_id=wang)[-1]
    assert (back.amount, back.method, back.refund_of_id) == (-10000, "cash", paid)
    assert cashdesk.day_report(db, owner, day=date.today()).cash_refunds == 10000
    qtbot.waitUntil(lambda: not screen.refund_button.isEnabled())  # nothing is left to pay back


def test_an_invoice_prints_through_the_preview_and_counts_once_it_was_sent(
        qtbot, db, owner, wang, window, settle, when_modal, messages, printer):
    invoice_id = _posted_invoice(db, owner, wang)
    screen = _invoices_screen(qtbot, window, settle, invoice_id)

    cancelled = when_modal(QPrintPreviewDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(screen.list.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: bool(cancelled))
    settle()
    assert invoices.get(db, owner, invoice_id).print_count == 0, "a print not sent is not counted"
    assert not printer.exists()

    sent = when_modal(QPrintPreviewDialog, _print_from_preview)
    screen.print_button.click()
    settle()
    qtbot.waitUntil(lambda: bool(sent))
    settle()

    assert messages.shown == []
    assert invoices.get(db, owner, invoice_id).print_count == 1
    assert len(PdfReader(printer).pages) == 1
    assert "Printed" in screen.detail.toPlainText()


def test_with_no_printer_nothing_counts_as_printed_and_saving_a_pdf_is_offered(
        qtbot, db, owner, wang, window, settle, messages, monkeypatch):
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    invoice_id = _posted_invoice(db, owner, wang)
    screen = _invoices_screen(qtbot, window, settle, invoice_id)

    qtbot.keyClick(screen.list.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert [m.kind for m in messages.shown] == ["box"]
    assert "No printer is set up" in messages.shown[0].text
    assert "Save it as a PDF" in messages.shown[0].text
    assert invoices.get(db, owner, invoice_id).print_count == 0


# --- the cash-desk day ----------------------------------------------------------------------------

def test_a_difference_without_a_note_is_refused_and_the_closed_day_explains_later_payments(
        qtbot, db, owner, wang, ctx, show, settle, messages):
    _hold(db, owner, wang, 50000, on=date.today())
    page = show(CashDeskScreen(ctx))
    settle()

    qtbot.keyClicks(page.counted, "480")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle()
    assert messages.shown == []
    assert page.errors.labels["notes"].isVisible()
    assert "give the reason" in page.errors.labels["notes"].text()
    assert not cashdesk.day_report(db, owner, day=date.today()).closed

    qtbot.keyClicks(page.notes, "Short by 20")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle()
    assert [m.kind for m in messages.shown] == ["question"]
    assert cashdesk.day_report(db, owner, day=date.today()).notes == "Short by 20"
    assert "counts in tomorrow's cash" in page.closed_hint.text()
    assert page.closed_hint.isVisible()


def test_the_cash_desk_prints_a_payment_receipt_and_the_day_end_report(
        qtbot, db, owner, wang, window, settle, when_modal, messages, printer, monkeypatch):
    paid = _hold(db, owner, wang, 30000, on=date.today(), method="alipay")
    page = window.show_page("cash_desk")
    settle()
    assert not page.receipt_button.isEnabled()
    assert page.payments.select_id(paid)
    settle()
    assert page.receipt_button.isEnabled()

    titles: list[str] = []

    def print_it(dialog: QPrintPreviewDialog) -> None:
        titles.append(dialog.windowTitle())
        _print_from_preview(dialog)

    sent = when_modal(QPrintPreviewDialog, print_it)
    qtbot.mouseClick(page.receipt_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: bool(sent))
    assert len(PdfReader(printer).pages) == 1
    assert titles[0].startswith("Print RT1-")

    monkeypatch.setattr(printing, "printers_available", lambda: False)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    settle()
    assert [m.kind for m in messages.shown] == ["box"] and "No printer" in messages.shown[0].text


def test_pages_go_to_a_high_resolution_printer_as_images_of_at_most_300_dpi(qapp, db, owner, wang, tmp_path,
                                                                             monkeypatch):
    """A 1200 dpi A4 page would be a 500 MB image, drawn again at every preview repaint."""
    from PySide6.QtPdf import QPdfDocument

    from services.billing import documents

    pdf = tmp_path / "invoice.pdf"
    documents.invoice_pdf(db, owner, _posted_invoice(db, owner, wang), pdf, count=False)
    sizes = []
    real = QPdfDocument.render
    monkeypatch.setattr(QPdfDocument, "render", lambda self, page, size, *a: sizes.append(size) or real(
        self, page, size, *a))
    target = QPrinter(QPrinter.PrinterMode.HighResolution)
    target.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert target.resolution() >= 600
    assert printing.render_pdf(pdf, target) == 1
    assert [(s.width(), s.height()) for s in sizes] == [(2480, 3508)]  # A4 at 300 dpi
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1


# --- payment methods in the settings -----------------------------------------------------------------

def test_settings_order_switch_off_and_add_payment_methods_and_the_payment_dialog_offers_them_so(
        qtbot, db, owner, wang, ctx, show, settle, when_modal):
    from services.billing import methods
    from ui.admin.settings import SettingsScreen
    from ui.billing.methods import PaymentMethodsDialog

    screen = show(SettingsScreen(ctx))

    def arrange(dialog: PaymentMethodsDialog) -> None:
        labels = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert labels[:2] == ["Cash", "WeChat Pay"] and "Alipay" in labels
        dialog.table.selectRow(labels.index("Alipay"))
        for _ in range(labels.index("Alipay")):
            qtbot.keyClick(dialog.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert dialog.table.item(0, 0).text() == "Alipay"
        assert not dialog.remove.isEnabled(), "a standard method cannot be removed"
        card = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("Card")
        dialog.table.item(card, 1).setCheckState(Qt.CheckState.Unchecked)
        dialog.add.click()
        row = dialog.table.currentRow()
        assert dialog.remove.isEnabled()
        dialog.table.item(row, 0).setText("Fleet account")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    done = when_modal(PaymentMethodsDialog, arrange)
    screen.methods_button.click()
    settle()
    assert done
    offered = methods.offered(db)
    assert offered[0] == "alipay" and "card" not in offered
    own = {code: name for code, name in methods.method_names(db).items()}
    assert list(own.values()) == ["Fleet account"] and next(iter(own)) in offered
    dialog = show(PaymentDialog(ctx, customer=(wang, "王伟")))
    settle()
    combo = dialog.findChild(QComboBox, "method")
    choices = [combo.itemData(i) for i in range(combo.count())]
    assert choices[0] == "alipay" and "card" not in choices and next(iter(own)) in choices


def test_a_method_with_no_name_is_refused_beside_its_row_and_nothing_is_saved(qtbot, db, owner, ctx, show, settle):
    from services.billing import methods
    from ui.billing.methods import PaymentMethodsDialog

    before = methods.offered(db)
    dialog = show(PaymentMethodsDialog(ctx))
    dialog.add.click()
    row = dialog.table.currentRow()
    dialog.table.item(row, 0).setText("  ")
    dialog.save()
    settle()
    assert dialog.isVisible()
    assert dialog.error.text() == f"Row {row + 1}: Give the payment method a name"
    assert methods.offered(db) == before


def test_ctrl_p_in_receivables_prints_the_statement_through_the_preview(
        qtbot, db, owner, wang, window, settle, when_modal, messages, printer):
    from ui.billing.receivables import StatementDialog

    _posted_invoice(db, owner, wang)
    page = window.show_page("receivables")
    settle()
    page.aging.selectRow(0)
    assert page.print_statement_button.isEnabled()
    labels = []
    asked = when_modal(StatementDialog, lambda dialog: (labels.append(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok).text()), dialog.accept()))
    sent = when_modal(QPrintPreviewDialog, _print_from_preview)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.aging.setFocus()
    qtbot.keyClick(page.aging, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: bool(sent))
    settle()
    assert messages.shown == []
    assert asked and labels == ["&Print…"]
    reader = PdfReader(printer)
    assert len(reader.pages) >= 1


def test_ticking_print_a_receipt_prints_it_right_after_the_payment_is_taken(
        qtbot, db, owner, wang, ctx, settle, when_modal, messages, printer, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    from services.billing import receipts

    monkeypatch.setattr(PaymentDialog, "print_receipts", False)
    invoice_id = _posted_invoice(db, owner, wang)

    def pay(dialog: PaymentDialog) -> None:
        assert not dialog.print_receipt.isChecked()
        dialog.print_receipt.setChecked(True)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "amount"), "300")
        qtbot.keyClick(dialog.findChild(QLineEdit, "amount"), Qt.Key.Key_Return)
        settle()

    when_modal(PaymentDialog, pay)
    titles = []
    sent = when_modal(QPrintPreviewDialog, lambda d: (titles.append(d.printer().docName()), _print_from_preview(d)))
    taken = PaymentDialog.ask(ctx, invoice_id=invoice_id)
    settle()
    qtbot.waitUntil(lambda: bool(sent))
    settle()
    assert taken and len(taken) == 1
    assert messages.shown == []
    assert invoices.get(db, owner, invoice_id).balance == 0
    assert len(PdfReader(printer).pages) == 1
    assert titles == [receipts.receipt_number(payments.payment(db, owner, taken[0]))]
    assert PaymentDialog.print_receipts, "the choice is kept for the next payment"


def test_refund_on_the_invoice_screen_goes_off_once_the_held_credit_was_paid_back(
        qtbot, db, owner, wang, window, settle):
    """A paid invoice credited in full leaves its money as the customer's credit; once that credit
    is refunded (a refund of held credit names no receipt), nothing is left to pay back and the
    button must say so rather than open a dialog offering ¥0.00."""
    invoice_id = _posted_invoice(db, owner, wang)
    number = invoices.get(db, owner, invoice_id).number
    payments.take_payment(db, owner, customer_id=wang, splits=[PaymentSplit("cash", 30000)],
                          allocations={number: 30000})
    invoices.create_credit_note(db, owner, invoice_id)
    screen = _invoices_screen(qtbot, window, settle, invoice_id)
    qtbot.waitUntil(lambda: screen.refund_button.isEnabled())

    payments.refund(db, owner, customer_id=wang, amount=payments.refund_available(db, owner, wang), method="cash")
    screen = _invoices_screen(qtbot, window, settle, invoice_id)
    screen.list.select_id(invoice_id)
    qtbot.waitUntil(lambda: screen.current_view is not None and screen.current_view.id == invoice_id)
    settle()
    assert not screen.refund_button.isEnabled()
