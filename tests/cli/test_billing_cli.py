"""``forecourt invoice pdf`` and ``forecourt export …`` end to end, in a child process."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from services import customers
from services.billing import invoices, payments
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.customers import CustomerInput
from services.permissions import system_actor
from services.setup import open_database
from tests.cli.test_cli import _query, assert_one_line_error, run_cli

pytestmark = pytest.mark.slow


@dataclass
class Sales:
    invoice: str  # 王伟's workshop job of 2026-03-05: 215.50, paid 300.00 in cash (84.50 held as credit)
    credit_note: str  # its oil filter, 56.50, on 2026-03-06
    april: str  # a counter sale of 2026-04-01, unpaid


@pytest.fixture
def sales(db_path) -> Sales:
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        wang = customers.create(db, actor, CustomerInput(name="王伟"))
        job = invoices.create_draft(db, actor, DraftInput(kind="workshop", customer_id=wang, lines=[
            LineInput("Service labour", 1500, 10600, item_type="labour", tax_code="VAT6"),
            LineInput("Oil filter", 1000, 5650, item_type="part", item_code="OF-1", tax_code="VAT13",
                      unit_cost=3000)]))
        number = invoices.post(db, actor, job, on=date(2026, 3, 5))
        payments.take_payment(db, actor, customer_id=wang, on=date(2026, 3, 5), hold_excess=True,
                              splits=[PaymentSplit("cash", 30000)], allocations={number: 21550})
        filter_line = invoices.get(db, actor, job).lines[1].id
        note_id = invoices.create_credit_note(db, actor, job, lines={filter_line: 1000}, on=date(2026, 3, 6))
        note = invoices.get(db, actor, note_id).number
        later = invoices.create_draft(db, actor, DraftInput(kind="counter_sale", customer_id=wang, lines=[
            LineInput("Bulb", 2000, 1130, item_type="part", tax_code="VAT13")]))
        april = invoices.post(db, actor, later, on=date(2026, 4, 1))
    finally:
        db.dispose()
    return Sales(invoice=number, credit_note=note, april=april)


@pytest.fixture
def run(tmp_path, db_path) -> Callable:
    home = tmp_path / "home"
    home.mkdir()

    def go(*args: str):
        return run_cli(*args, home=home, db=db_path)

    return go


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


# --- exports --------------------------------------------------------------------------------------

def test_export_invoices_writes_a_csv_with_the_credit_note_referencing_its_invoice(run, sales, tmp_path):
    path = tmp_path / "invoices.csv"
    result = run("export", "invoices", str(path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 3 rows to {path}."
    table = read_csv(path)
    assert table[0][:11] == ["number", "type", "status", "issued_on", "customer_name", "net_total", "tax_total",
                             "total", "paid", "balance", "credited_number"]
    assert [r[:11] for r in table[1:]] == [
        [sales.invoice, "workshop", "posted", "2026-03-05", "王伟", "200.00", "15.50", "215.50", "215.50", "0.00",
         ""],
        [sales.credit_note, "credit_note", "posted", "2026-03-06", "王伟", "-50.00", "-6.50", "-56.50", "", "",
         sales.invoice],
        [sales.april, "counter_sale", "posted", "2026-04-01", "王伟", "20.00", "2.60", "22.60", "0.00", "22.60", ""],
    ]


def test_export_invoice_lines_to_xlsx_for_a_period(run, sales, tmp_path):
    path = tmp_path / "lines.xlsx"
    result = run("export", "invoice-lines", str(path), "--from", "2026-03-01", "--to", "2026-03-31")

    assert result.returncode == 0, result.stderr
    wb = load_workbook(path, read_only=True)
    try:
        table = [list(r) for r in wb["invoice_lines"].values]
    finally:
        wb.close()
    assert table[0][:12] == ["invoice_number", "line_no", "item_code", "description", "quantity", "unit_price",
                             "discount", "tax_rate", "net", "tax", "total", "unit_cost"]
    assert [(r[0], r[1], r[3]) for r in table[1:]] == [
        (sales.invoice, 1, "Service labour"), (sales.invoice, 2, "Oil filter"), (sales.credit_note, 1, "Oil filter")]
    labour = table[1]
    assert [Decimal(str(v)) for v in labour[4:12]] == [Decimal(x) for x in (
        "1.5", "106", "0", "6", "150", "9", "159", "0")]


def test_export_payments_names_the_invoices_each_payment_settled(run, sales, tmp_path):
    path = tmp_path / "payments.csv"
    result = run("export", "payments", str(path), "--from", "2026-03-01")

    assert result.returncode == 0, result.stderr
    table = read_csv(path)
    assert table[0][:5] == ["paid_on", "method", "amount", "customer_name", "allocated_to"]
    assert [r[:5] for r in table[1:]] == [["2026-03-05", "cash", "300.00", "王伟", sales.invoice]]


def test_export_journal_writes_balanced_journals_for_the_period(run, sales, tmp_path):
    path = tmp_path / "journal.csv"
    result = run("export", "journal", str(path), "--from", "2026-03-01", "--to", "2026-03-31")

    assert result.returncode == 0, result.stderr
    table = read_csv(path)
    assert table[0] == ["date", "account", "account_name", "debit", "credit", "reference", "description"]
    assert result.stdout.strip() == f"Wrote {len(table) - 1} journal lines to {path}."
    per_ref: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for row in table[1:]:
        per_ref[row[5]][0] += Decimal(row[3])
        per_ref[row[5]][1] += Decimal(row[4])
    assert all(debit == credit > 0 for debit, credit in per_ref.values())
    assert {sales.invoice, sales.credit_note} <= set(per_ref) and sales.april not in per_ref
    assert ["2026-03-05", "1122", "应收账款", "215.50", "0.00", sales.invoice] in [r[:6] for r in table[1:]]


def test_the_journal_needs_a_period_and_dates_must_be_dates(run, sales, tmp_path):
    missing = run("export", "journal", str(tmp_path / "j.csv"), "--from", "2026-03-01")
    assert missing.returncode == 2 and "--to" in missing.stderr and "Traceback" not in missing.stderr
    bad = run("export", "payments", str(tmp_path / "p.csv"), "--from", "2026-02-30")
    assert bad.returncode == 2 and "is not a date" in bad.stderr and "Traceback" not in bad.stderr
    assert not list(tmp_path.glob("*.csv"))


@pytest.mark.parametrize(("args", "words"), [
    (("export", "invoices", "{tmp}/invoices.pdf"), "invoices.pdf: choose a .xlsx or .csv file name"),
    (("export", "payments", "{tmp}/p.csv", "--from", "2026-03-31", "--to", "2026-03-01"), "before the first"),
    (("export", "invoices", "{tmp}/no/such/folder/i.csv"), "does not exist"),
    (("export", "journal", "{tmp}/j.csv", "--from", "2026-04-01", "--to", "2026-03-01"), "before the first"),
])
def test_export_refusals_are_one_line_and_exit_1(run, sales, tmp_path, args, words):
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    line = assert_one_line_error(result)
    assert words in line
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".pdf", ".part")]


def test_an_export_group_without_what_to_export_is_a_usage_error(run, sales):
    assert_one_line_error(run("export"), code=2)


# --- invoice pdf ----------------------------------------------------------------------------------

def test_invoice_pdf_writes_the_pdf_and_counts_the_print(run, sales, tmp_path, db_path):
    path = tmp_path / "invoice.pdf"
    first = run("invoice", "pdf", sales.invoice, "--out", str(path))
    again = run("invoice", "pdf", sales.invoice.lower(), "--out", str(tmp_path / "copy.pdf"))

    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == str(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert again.returncode == 0, again.stderr
    assert _query(db_path, f"SELECT print_count FROM invoice WHERE number = '{sales.invoice}'") == [(2,)]


def test_invoice_pdf_of_an_unknown_number_is_one_line_and_exit_1(run, sales, tmp_path):
    result = run("invoice", "pdf", "INVT1-2026-999999", "--out", str(tmp_path / "x.pdf"))
    line = assert_one_line_error(result)
    assert "INVT1-2026-999999" in line
    assert not (tmp_path / "x.pdf").exists()


def test_invoice_pdf_needs_the_out_option(run, sales):
    result = run("invoice", "pdf", sales.invoice)
    assert result.returncode == 2 and "--out" in result.stderr and "Traceback" not in result.stderr


def test_a_period_that_ends_before_it_starts_is_said_without_field_names(run, tmp_path):
    result = run("export", "invoices", str(tmp_path / "inv.csv"), "--from", "2026-11-30", "--to", "2026-11-01")
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line and "\n" not in line
    assert not line.startswith(("end:", "start:", "file:")), line


def test_export_stock_valuation_lists_the_cars_and_parts_held_that_make_the_stock_account(run, tmp_path, db_path):
    from services.sales import deals
    from tests.services.deal_samples import customer, quote, stock_vehicle

    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        sold = stock_vehicle(db, actor, 1, cost=90_000_00)
        stock_vehicle(db, actor, 2, cost=85_000_00)
        saved = quote(db, actor, customer(db, actor), sold)
        deals.order(db, actor, saved.id)
        deals.invoice(db, actor, saved.id, on=date(2026, 11, 20))
    finally:
        db.dispose()

    before = tmp_path / "before.csv"
    assert run("export", "stock-valuation", str(before), "--on", "2026-11-19").returncode == 0
    after = tmp_path / "after.xlsx"
    result = run("export", "stock-valuation", str(after), "--on", "2026-11-30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 1 row to {after}."

    table = read_csv(before)
    assert table[0] == ["kind", "code", "description", "quantity", "unit_cost", "value", "account"]
    assert sorted((r[0], r[1], r[5], r[6]) for r in table[1:]) == [
        ("vehicle", "S0001", "90000.00", "1405"), ("vehicle", "S0002", "85000.00", "1405")]
    sheet = load_workbook(after, read_only=True)["valuation"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[1][:2] == ["vehicle", "S0002"] and rows[1][5] == 85000
    bad = run("export", "stock-valuation", str(tmp_path / "v.csv"), "--on", "yesterday")
    assert bad.returncode == 2 and "is not a date" in bad.stderr and "Traceback" not in bad.stderr


def test_the_journal_file_names_payment_methods_by_their_names(run, sales, db_path, tmp_path):
    """Standard methods in English, the dealership's own as it calls them; never by their codes."""
    from services.billing import methods
    from services.billing.methods import MethodInput

    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        codes = methods.save_methods(db, actor, [*(MethodInput(m.code) for m in methods.methods(db, actor)),
                                                 MethodInput("", True, "Company cheque")])
        li = customers.create(db, actor, CustomerInput(name="李娜"))
        for method in ("wechat_pay", codes[-1]):
            payments.take_payment(db, actor, customer_id=li, on=date(2026, 3, 9), hold_excess=True,
                                  splits=[PaymentSplit(method, 5000)])
    finally:
        db.dispose()
    path = tmp_path / "journal.csv"

    result = run("export", "journal", str(path), "--from", "2026-03-01", "--to", "2026-03-31")

    assert result.returncode == 0, result.stderr
    described = {row[6] for row in read_csv(path)[1:]}
    assert {"Receipt WeChat Pay · 李娜 · WeChat Pay", "Receipt Company cheque · 李娜 · Company cheque",
            f"Receipt Cash · 王伟 for {sales.invoice} · Cash"} <= described
    assert not [d for d in described if "wechat_pay" in d or codes[-1] in d or "Receipt cash" in d]
