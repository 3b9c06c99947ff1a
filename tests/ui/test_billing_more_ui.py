"""The rebates & claims, margins and accounting export screens driven through the real widgets."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from services import customers
from services.billing import accounting, invoices, margin, thirdparty
from services.billing.invoices import DraftInput, LineInput
from ui.billing.journal import JournalScreen, MappingDialog
from ui.billing.margins import MarginsScreen
from ui.billing.thirdparty import (
    ApproveDialog,
    ClaimDialog,
    LinkInvoiceDialog,
    PayoutDialog,
    RebateDialog,
    ReceiptDialog,
    ThirdPartyScreen,
)
from ui.formatting import money_text
from ui.main_window import PAGE_ROLE, MainWindow


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


@pytest.fixture
def invoice(db, owner, wang) -> str:
    """A posted workshop invoice: 2 brake pads at ¥450.00 (cost ¥200.00 each) and 1.5 h labour at ¥300.00."""
    invoice_id = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=wang, lines=[
        LineInput(description="Brake pads", quantity_milli=2000, unit_price=45000, item_type="part", unit_cost=20000),
        LineInput(description="Labour", quantity_milli=1500, unit_price=30000, item_type="labour"),
    ]))
    invoices.post(db, owner, invoice_id)
    return invoice_id


@pytest.fixture
def page(ctx, show, settle) -> ThirdPartyScreen:
    screen = show(ThirdPartyScreen(ctx))
    # As the main window does: every change is broadcast to the screens.
    ctx.changed.connect(screen.on_changed)
    settle()
    return screen


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _claim(page: ThirdPartyScreen, claim_id: str) -> thirdparty.ClaimRow:
    page.select_claim(claim_id)
    row = page.selected_claim()
    assert row is not None and row.id == claim_id
    return row


# --- navigation ---------------------------------------------------------------------------------

def test_the_new_billing_pages_follow_receivables_for_the_owner(ctx, show, settle):
    window = show(MainWindow(ctx))
    settle()
    keys = [window.nav.item(i).data(PAGE_ROLE) for i in range(window.nav.count())]

    start = keys.index("invoices")
    assert keys[start:start + 6] == ["invoices", "cash_desk", "receivables", "thirdparty", "margins", "journal"]
    for key, kind in (("thirdparty", ThirdPartyScreen), ("margins", MarginsScreen), ("journal", JournalScreen)):
        assert isinstance(window.show_page(key), kind)
        settle()


def test_a_cashier_sees_rebates_and_claims_but_cannot_change_them(ctx_for, show, settle):
    # Rebates and claims go with margins (margin.view) or with recording them (thirdparty.edit).
    assert not ctx_for("read_only").can("margin.view")
    screen = show(ThirdPartyScreen(ctx_for("cashier")))
    settle()

    assert not screen.expect_button.isVisible()
    assert not screen.new_claim_button.isVisible()
    assert not screen.payout_button.isVisible()


# --- rebates ------------------------------------------------------------------------------------

def test_expecting_a_rebate_and_recording_a_receipt_reduces_what_is_outstanding(
        qtbot, db, owner, page, settle, when_modal):
    def expect(dialog: RebateDialog) -> None:
        qtbot.keyClicks(dialog.manufacturer, "SAIC")
        qtbot.keyClicks(dialog.campaign, "Spring 2026")
        qtbot.keyClicks(dialog.amount, "5000")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(RebateDialog, expect)
    qtbot.mouseClick(page.expect_button, Qt.MouseButton.LeftButton)
    settle()
    assert handled
    [rebate] = thirdparty.rebates(db, owner)
    assert (rebate.manufacturer, rebate.campaign, rebate.expected_amount) == ("SAIC", "Spring 2026", 500000)
    assert page.rebate_model.rowCount() == 1

    page.select_rebate(rebate.id)
    assert page.receive_button.isEnabled()

    def receive(dialog: ReceiptDialog) -> None:
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "1200.50")
        _ok(qtbot, dialog)
        settle()

    handled = when_modal(ReceiptDialog, receive)
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    [rebate] = thirdparty.rebates(db, owner)
    assert (rebate.received_amount, rebate.outstanding) == (120050, 379950)
    [total] = page.totals_model.rows
    assert (total.campaign, total.outstanding) == ("Spring 2026", 379950)
    assert page.rebate_model.row_at(0).outstanding == 379950


def test_an_amount_with_too_many_decimals_is_shown_beside_the_field_and_nothing_is_written(
        qtbot, db, owner, ctx, show, settle):
    dialog = show(RebateDialog(ctx))
    qtbot.keyClicks(dialog.manufacturer, "SAIC")
    qtbot.keyClicks(dialog.campaign, "Spring 2026")
    qtbot.keyClicks(dialog.amount, "12.345")

    _ok(qtbot, dialog)
    settle()

    error = dialog.errors.labels["amount"]
    assert error.isVisible() and "decimal" in error.text()
    assert dialog.isVisible()
    assert thirdparty.rebates(db, owner) == []


def test_the_outstanding_only_box_and_the_search_narrow_the_rebates(qtbot, db, owner, page, settle):
    paid = thirdparty.expect_rebate(db, owner, manufacturer="SAIC", campaign="Spring", amount=10000)
    thirdparty.receive_rebate(db, owner, paid, amount=10000, on=date.today())
    thirdparty.expect_rebate(db, owner, manufacturer="Geely", campaign="Autumn", amount=20000)
    page.load()
    settle()
    assert page.rebate_model.rowCount() == 2

    page.outstanding_only.setChecked(True)
    settle()
    assert [r.manufacturer for r in page.rebate_model.rows] == ["Geely"]

    page.outstanding_only.setChecked(False)
    settle()
    qtbot.keyClicks(page.rebate_find, "spring")
    assert [r.manufacturer for r in page.rebate_model.rows] == ["SAIC"]


def test_the_rebate_and_claim_tables_pass_the_model_tester(qtmodeltester, db, owner, wang, page, settle):
    thirdparty.expect_rebate(db, owner, manufacturer="SAIC", campaign="Spring", amount=10000)
    thirdparty.open_claim(db, owner, insurer="PICC", claim_number="C-1", customer_id=wang)
    page.load()
    settle()

    for model in (page.rebate_model, page.totals_model, page.claim_model):
        qtmodeltester.check(model)
    assert page.rebates.isSortingEnabled() and page.claims.isSortingEnabled()


# --- insurance claims ---------------------------------------------------------------------------

def test_a_claim_is_opened_approved_invoiced_and_paid_through_the_dialogs(
        qtbot, db, owner, ctx, wang, invoice, page, show, settle):
    dialog = show(ClaimDialog(ctx))
    qtbot.keyClicks(dialog.insurer, "PICC")
    qtbot.keyClicks(dialog.claim_number, "C-2026-001")
    dialog.set_customer(wang, "王伟")
    _ok(qtbot, dialog)
    settle()
    [claim] = thirdparty.claims(db, owner)
    assert claim.status == "open"
    assert [r.claim_number for r in page.claim_model.rows] == ["C-2026-001"]

    row = _claim(page, claim.id)
    assert page.approve_button.isEnabled() and not page.payout_button.isEnabled()
    dialog = show(ApproveDialog(ctx, row))
    qtbot.keyClicks(dialog.approved, "1000")
    qtbot.keyClicks(dialog.excess, "200")
    _ok(qtbot, dialog)
    settle()
    row = _claim(page, claim.id)
    assert (row.status, row.approved_amount, row.excess_amount, row.outstanding) == ("approved", 100000, 20000, 80000)

    assert page.link_button.isEnabled()
    dialog = show(LinkInvoiceDialog(ctx, row))
    assert dialog.invoice.findData(invoice) >= 0
    dialog.invoice.setCurrentIndex(dialog.invoice.findData(invoice))
    _ok(qtbot, dialog)
    settle()
    row = _claim(page, claim.id)
    assert row.status == "invoiced"
    assert row.invoice_number == invoices.get(db, owner, invoice).number

    dialog = show(PayoutDialog(ctx, row))
    assert dialog.amount.value() == 80000
    _ok(qtbot, dialog)
    settle()

    assert thirdparty.get_claim(db, owner, claim.id).status == "paid"
    row = _claim(page, claim.id)
    assert (row.status, row.paid_amount, row.outstanding) == ("paid", 80000, 0)
    assert not any(b.isEnabled() for b in (page.approve_button, page.link_button, page.payout_button,
                                           page.reject_button))


def test_a_payout_above_the_insurers_share_is_refused_beside_the_amount(qtbot, db, owner, ctx, wang, invoice,
                                                                      page, show, settle):
    claim_id = thirdparty.open_claim(db, owner, insurer="PICC", claim_number="C-9", customer_id=wang)
    thirdparty.approve_claim(db, owner, claim_id, approved_amount=50000, excess_amount=10000)
    thirdparty.invoice_claim(db, owner, claim_id, invoice)
    page.load()
    settle()

    dialog = show(PayoutDialog(ctx, _claim(page, claim_id)))
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "500")
    _ok(qtbot, dialog)
    settle()

    assert dialog.errors.labels["amount"].isVisible()
    assert "owes only" in dialog.errors.labels["amount"].text()
    assert thirdparty.get_claim(db, owner, claim_id).paid_amount == 0


def test_the_status_filter_shows_only_claims_of_that_status(db, owner, wang, page, settle):
    first = thirdparty.open_claim(db, owner, insurer="PICC", claim_number="C-1", customer_id=wang)
    thirdparty.open_claim(db, owner, insurer="PICC", claim_number="C-2", customer_id=wang)
    thirdparty.reject_claim(db, owner, first, reason="not covered")
    page.load()
    settle()

    page.status.setCurrentIndex(page.status.findData("rejected"))
    settle()

    assert [r.claim_number for r in page.claim_model.rows] == ["C-1"]


# --- margins ------------------------------------------------------------------------------------

def test_the_margins_page_shows_the_department_figures_of_a_posted_invoice(db, owner, ctx, invoice, show, settle):
    today = date.today()
    expected = {d.department: d for d in margin.department_margins(db, owner, start=today, end=today)}
    parts = expected["parts"]
    assert parts.cost == 40000 and parts.net > 0

    screen = show(MarginsScreen(ctx))
    settle()

    rows = {r.department: r for r in screen.department_model.rows}
    assert [r.department for r in screen.department_model.rows] == list(margin.DEPARTMENTS)
    assert (rows["parts"].net, rows["parts"].cost, rows["parts"].profit) == (parts.net, 40000, parts.net - 40000)
    assert rows["workshop"].cost == 0 and rows["workshop"].net == expected["workshop"].net
    model = screen.department_model
    parts_row = [r.department for r in model.rows].index("parts")
    assert model.index(parts_row, 0).data() == "Parts"
    assert model.index(parts_row, 2).data() == "¥400.00"
    assert model.index(parts_row, 4).data().endswith("%")
    months = screen.month_model.rows
    assert months[-1].period == f"{today:%Y-%m}" and months[-1].cost == 40000
    assert "¥400.00" in screen.department_total.text()


def test_a_period_ending_before_it_starts_is_explained_not_computed(ctx, show, settle):
    screen = show(MarginsScreen(ctx))
    settle()

    screen.end.setDate(screen.start.date().addDays(-1))
    settle()

    assert screen.period_error.isVisible()


# --- accounting export --------------------------------------------------------------------------

def test_the_journal_export_writes_a_file_whose_debits_equal_its_credits(
        db, owner, ctx, invoice, show, settle, save_as):
    screen = show(JournalScreen(ctx))
    settle()
    today = date.today()
    screen.start.setDate(today.replace(day=1))
    screen.end.setDate(today)
    path = save_as("journal.csv")

    screen.export_button.click()
    settle()

    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    debit = sum(Decimal(r["debit"]) for r in rows)
    credit = sum(Decimal(r["credit"]) for r in rows)
    assert debit == credit > 0
    assert screen.last_file == Path(path)
    assert str(len(rows)) in screen.result_label.text()


def test_the_journal_export_writes_descriptions_in_the_users_language(
        db, owner, ctx, invoice, show, settle, save_as):
    """The screen writes each line's description in the user's language (the CLI keeps English)."""
    from services.billing import payments
    from ui import i18n

    number = invoices.get(db, owner, invoice).number
    payments.take_payment(db, owner, customer_id=invoices.get(db, owner, invoice).customer_id,
                          splits=[payments.PaymentSplit(method="wechat_pay", amount=1000)], hold_excess=True)
    today = date.today()
    english = {line.description for line in accounting.journal_entries(db, owner, start=today, end=today)}
    assert f"Invoice {number} · 王伟 · receivable" in english
    assert "Receipt wechat_pay · 王伟 · credit held for the customer" in english
    assert i18n.install("zh_CN")
    try:
        screen = show(JournalScreen(ctx))
        settle()
        screen.start.setDate(today)
        screen.end.setDate(today)
        path = save_as("journal.csv")
        screen.export_button.click()
        settle()
    finally:
        i18n.install("en")
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        described = {r["description"] for r in csv.DictReader(f)}
    assert f"发票 {number} · 王伟 · 应收账款" in described
    assert "收款 微信支付 · 王伟 · 为客户保留的余额" in described
    assert all("revenue" not in d and "receivable" not in d for d in described)


def test_the_mapping_editor_lists_the_accounts_and_saves_a_change(qtbot, db, owner, ctx, show, settle):
    screen = show(JournalScreen(ctx))
    ctx.changed.connect(screen.on_changed)
    settle()
    keys = [screen.mapping.item(i, 1).text() for i in range(screen.mapping.rowCount())]
    assert "receivables" in keys and "method:cash" in keys
    purposes = {screen.mapping.item(i, 1).text(): screen.mapping.item(i, 0).text()
                for i in range(screen.mapping.rowCount())}
    assert purposes["method:cash"] == "Money taken by: Cash"
    assert purposes["receivables"] == "Customers' unpaid invoices (receivables)"
    assert purposes["item:*"] == "Sales: any other"
    assert purposes["method:voucher"] == "Vouchers handed in (issued outside Forecourt)"
    assert {r.key: r.account for r in accounting.get_mapping(db, owner)}["method:voucher"] == "2241"
    assert screen.select_key("method:cash")

    row = screen.selected()
    assert row is not None
    dialog = show(MappingDialog(ctx, row))
    dialog.account.selectAll()
    qtbot.keyClicks(dialog.account, "100101")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()

    assert {r.key: r.account for r in accounting.get_mapping(db, owner)}["method:cash"] == "100101"
    assert screen.select_key("method:cash")
    assert screen.mapping.item(screen.mapping.currentRow(), 2).text() == "100101"


def test_a_bad_mapping_key_is_shown_beside_the_key(qtbot, db, owner, ctx, show, settle):
    dialog = show(MappingDialog(ctx))
    qtbot.keyClicks(dialog.key, "method:cheque")
    qtbot.keyClicks(dialog.account, "1002")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()

    assert dialog.errors.labels["key"].isVisible()
    assert "method:cheque" not in {r.key for r in accounting.get_mapping(db, owner)}


def test_the_department_total_includes_the_rebates_like_its_rows_and_equals_the_months(
        db, owner, ctx, invoice, show, settle):
    thirdparty.expect_rebate(db, owner, manufacturer="SAIC", amount=24100_00, campaign="Year end")
    screen = show(MarginsScreen(ctx))
    settle()
    departments, months = screen.department_model.rows, screen.month_model.rows
    rebates = sum(r.rebates for r in departments)
    assert rebates == 24100_00
    profit = sum(r.profit for r in departments)
    assert profit == sum(r.profit for r in months)
    assert money_text(profit, "CNY") in screen.department_total.text()


def test_every_fixed_mapping_key_says_what_it_is_for(qtbot):
    from ui.billing.journal import mapping_purpose

    fixed = [key for key in accounting.DEFAULT_MAPPING if ":" not in key]
    assert "vehicle_inventory" in fixed
    purposes = [mapping_purpose(key, items={}, methods={}) for key in fixed]
    assert all(purpose and purpose != key for key, purpose in zip(fixed, purposes, strict=True))
    assert len(set(purposes)) == len(purposes)  # no two fixed keys read alike


def test_the_stock_valuation_of_the_last_day_is_written_from_the_accounting_screen(
        qtbot, db, owner, ctx, show, settle, save_as):
    from tests.services.deal_samples import stock_vehicle

    stock_vehicle(db, owner, 1, cost=90_000_00)
    screen = show(JournalScreen(ctx))
    settle()
    screen.end.setDate(date(2026, 10, 31))  # before the car arrived: nothing held
    path = save_as("valuation.csv")
    screen.valuation_button.setFocus()
    qtbot.keyClick(screen.valuation_button, Qt.Key.Key_Space)
    settle()
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.DictReader(f)) == []
    assert screen.result_label.text().startswith("0 stock line")

    screen.end.setDate(date(2026, 11, 30))
    path = save_as("valuation.csv")
    screen.valuation_button.click()
    settle()
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["kind"], r["code"], r["value"]) for r in rows] == [("vehicle", "S0001", "90000.00")]
    assert screen.export_button.isEnabled() and screen.valuation_button.isEnabled()
