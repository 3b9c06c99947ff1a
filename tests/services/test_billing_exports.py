"""Billing files out: invoice, line and payment exports, the account mapping and the journal."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.errors import Cancelled, NotFound, PermissionDenied, ValidationError
from core.progress import CancelToken
from services import customers
from services.billing import accounting, exports, invoices, payments
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.customers import CustomerInput

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def yuan(text: str) -> int:
    return int(Decimal(text) * 100)


@dataclass
class Book:
    """A small month of business with figures worked out by hand (prices include 13 % / 6 % VAT)."""

    wang: str
    acme: str
    inv1: str  # vehicle sale to 王伟, 113,452.00
    inv2: str  # workshop job for 王伟, 215.50
    inv3: str  # counter sale to Acme, 226.00, 100.00 paid
    inv4: str  # registration fee for 王伟, 100.00, paid from his credit
    inv_april: str
    credit_note: str  # the oil filter of inv2, 56.50
    inv2_id: str
    credit_note_id: str


@pytest.fixture
def book(db, owner) -> Book:
    wang = customers.create(db, owner, CustomerInput(name="王伟"))
    acme = customers.create(db, owner, CustomerInput(name="Acme Motors Ltd", kind="company"))

    def invoice(kind: str, customer: str, on: date, *lines: LineInput) -> tuple[str, str]:
        invoice_id = invoices.create_draft(db, owner, DraftInput(kind=kind, customer_id=customer, lines=list(lines)))
        return invoice_id, invoices.post(db, owner, invoice_id, on=on)

    _id1, inv1 = invoice(
        "vehicle_sale", wang, date(2026, 3, 2),
        LineInput("Sedan 1.5T", 1000, yuan("113000"), item_type="vehicle", item_code="LSVAU2180N2000001",
                  tax_code="VAT13", unit_cost=yuan("90000")),
        LineInput("Floor mats", 2000, yuan("226"), item_type="accessory", item_code="FM-01", tax_code="VAT13",
                  unit_cost=yuan("100")))
    inv2_id, inv2 = invoice(
        "workshop", wang, date(2026, 3, 5),
        LineInput("Service labour", 1500, yuan("106"), item_type="labour", tax_code="VAT6"),
        LineInput("Oil filter", 1000, yuan("56.50"), item_type="part", item_code="OF-1", tax_code="VAT13",
                  unit_cost=yuan("30")))
    payments.take_payment(db, owner, customer_id=wang, on=date(2026, 3, 5), hold_excess=True,
                          splits=[PaymentSplit("card", yuan("113452"), "POS-778"), PaymentSplit("cash", yuan("300"))],
                          allocations={inv1: yuan("113452"), inv2: yuan("215.50")})
    oil_filter = invoices.get(db, owner, inv2_id).lines[1].id
    note_id = invoices.create_credit_note(db, owner, inv2_id, lines={oil_filter: 1000}, reason="Wrong filter",
                                          on=date(2026, 3, 6))
    _id3, inv3 = invoice(
        "counter_sale", acme, date(2026, 3, 10),
        LineInput("Wiper blades", 2000, yuan("113"), item_type="part", item_code="WB-2", tax_code="VAT13",
                  unit_cost=yuan("60")))
    payments.take_payment(db, owner, customer_id=acme, on=date(2026, 3, 12),
                          splits=[PaymentSplit("bank_transfer", yuan("100"))], allocations={inv3: yuan("100")})
    _id4, inv4 = invoice("other", wang, date(2026, 3, 15),
                         LineInput("Registration fee", 1000, yuan("100"), item_type="fee", tax_code="ZERO"))
    # Paid with the credit 王伟 holds: 84.50 left of his cash and 15.50 of the credit note.
    payments.take_payment(db, owner, customer_id=wang, on=date(2026, 3, 15),
                          splits=[PaymentSplit("deposit", yuan("100"))], allocations={inv4: yuan("100")})
    payments.refund(db, owner, customer_id=wang, amount=yuan("41"), method="cash", reason="Rest of his credit",
                    on=date(2026, 3, 20))
    invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=acme, lines=[
        LineInput("Draft only", 1000, yuan("10"), item_type="part")]))
    _id5, inv_april = invoice("counter_sale", acme, date(2026, 4, 1),
                              LineInput("Bulb", 1000, yuan("11.30"), item_type="part", tax_code="VAT13"))
    note = invoices.get(db, owner, note_id)
    return Book(wang=wang, acme=acme, inv1=inv1, inv2=inv2, inv3=inv3, inv4=inv4, inv_april=inv_april,
                credit_note=note.number, inv2_id=inv2_id, credit_note_id=note_id)


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def read_xlsx(path: Path, sheet: str) -> list[list]:
    wb = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in wb[sheet].values]
    finally:
        wb.close()


# --- invoices -------------------------------------------------------------------------------------

def test_invoice_csv_has_the_stable_columns_and_posted_documents_of_the_period(db, owner, book, out):
    path = out / "invoices.csv"
    written = exports.export_invoices(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_csv(path)

    assert table[0][:11] == ["number", "type", "status", "issued_on", "customer_name", "net_total", "tax_total",
                             "total", "paid", "balance", "credited_number"]
    assert table[0] == list(exports.INVOICE_COLUMNS)
    assert written == len(table) - 1 == 5
    assert [r[0] for r in table[1:]] == [book.inv1, book.inv2, book.credit_note, book.inv3, book.inv4]
    assert table[1][:11] == [book.inv1, "vehicle_sale", "posted", "2026-03-02", "王伟", "100400.00", "13052.00",
                             "113452.00", "113452.00", "0.00", ""]
    assert table[4][:11] == [book.inv3, "counter_sale", "posted", "2026-03-10", "Acme Motors Ltd", "200.00",
                             "26.00", "226.00", "100.00", "126.00", ""]
    by_number = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    assert by_number[book.inv1]["gross_profit"] == "10200.00"
    net = Decimal(by_number[book.inv1]["net_total"])
    assert by_number[book.inv1]["margin"] == str((Decimal("10200.00") * 100 / net).quantize(Decimal("0.1")))
    assert by_number[book.inv1]["due_on"] == "2026-04-01"


def test_a_credit_note_row_names_the_invoice_it_credits_and_has_negative_amounts(db, owner, book, out):
    path = out / "invoices.csv"
    exports.export_invoices(db, owner, path)
    table = read_csv(path)
    rows = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}

    note = rows[book.credit_note]
    assert note["type"] == "credit_note"
    assert note["credited_number"] == book.inv2
    assert (note["net_total"], note["tax_total"], note["total"]) == ("-50.00", "-6.50", "-56.50")
    assert (note["paid"], note["balance"], note["due_on"]) == ("", "", "")
    # The credit note came after the workshop job was paid in full: it left the invoice settled.
    assert (rows[book.inv2]["paid"], rows[book.inv2]["balance"]) == ("215.50", "0.00")


def test_drafts_never_appear_and_an_open_period_takes_every_posted_document(db, owner, book, out):
    path = out / "all.csv"
    assert exports.export_invoices(db, owner, path) == 6
    numbers = [r[0] for r in read_csv(path)[1:]]
    assert numbers[-1] == book.inv_april
    assert "" not in numbers


def test_invoice_xlsx_holds_amounts_as_numbers_and_dates_as_dates(db, owner, book, out):
    path = out / "invoices.xlsx"
    exports.export_invoices(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_xlsx(path, "invoices")

    assert table[0] == list(exports.INVOICE_COLUMNS)
    first = dict(zip(table[0], table[1], strict=True))
    assert first["number"] == book.inv1
    assert first["issued_on"].date() == date(2026, 3, 2)
    assert isinstance(first["total"], int | float) and Decimal(str(first["total"])) == Decimal("113452.00")
    assert Decimal(str(first["tax_total"])) == Decimal("13052")
    assert first["credited_number"] is None
    note = dict(zip(table[0], table[3], strict=True))
    assert (note["credited_number"], Decimal(str(note["total"]))) == (book.inv2, Decimal("-56.5"))


# --- invoice lines --------------------------------------------------------------------------------

def test_invoice_lines_csv_has_decimal_quantities_percent_rates_and_costs(db, owner, book, out):
    path = out / "lines.csv"
    written = exports.export_invoice_lines(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_csv(path)

    assert table[0][:12] == ["invoice_number", "line_no", "item_code", "description", "quantity", "unit_price",
                             "discount", "tax_rate", "net", "tax", "total", "unit_cost"]
    assert table[0] == list(exports.LINE_COLUMNS)
    assert written == 7
    lines = {(r[0], r[1]): r for r in table[1:]}
    assert lines[(book.inv1, "1")][:12] == [book.inv1, "1", "LSVAU2180N2000001", "Sedan 1.5T", "1", "113000.00",
                                            "0.00", "13", "100000.00", "13000.00", "113000.00", "90000.00"]
    assert lines[(book.inv2, "1")][:12] == [book.inv2, "1", "", "Service labour", "1.5", "106.00", "0.00", "6",
                                            "150.00", "9.00", "159.00", "0.00"]
    assert lines[(book.credit_note, "1")][:12] == [book.credit_note, "1", "OF-1", "Oil filter", "-1", "56.50",
                                                   "0.00", "13", "-50.00", "-6.50", "-56.50", "30.00"]


def test_invoice_lines_xlsx_reads_back_as_numbers(db, owner, book, out):
    path = out / "lines.xlsx"
    exports.export_invoice_lines(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_xlsx(path, "invoice_lines")

    assert table[0] == list(exports.LINE_COLUMNS)
    labour = next(dict(zip(table[0], r, strict=True)) for r in table[1:] if r[3] == "Service labour")
    assert Decimal(str(labour["quantity"])) == Decimal("1.5")
    assert Decimal(str(labour["tax_rate"])) == 6
    assert Decimal(str(labour["net"])) == Decimal("150.00")
    assert labour["line_no"] == 1


# --- payments -------------------------------------------------------------------------------------

def test_payments_csv_lists_receipts_and_refunds_with_the_invoices_they_settled(db, owner, book, out):
    path = out / "payments.csv"
    written = exports.export_payments(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_csv(path)

    assert table[0][:5] == ["paid_on", "method", "amount", "customer_name", "allocated_to"]
    assert table[0] == list(exports.PAYMENT_COLUMNS)
    assert written == 4
    assert [r[:5] for r in table[1:]] == [
        ["2026-03-05", "card", "113452.00", "王伟", book.inv1],
        ["2026-03-05", "cash", "300.00", "王伟", f"{book.inv2}; {book.inv4}"],
        ["2026-03-12", "bank_transfer", "100.00", "Acme Motors Ltd", book.inv3],
        ["2026-03-20", "cash", "-41.00", "王伟", ""],
    ]
    cash = dict(zip(table[0], table[2], strict=True))
    assert cash["allocated"] == "300.00"


def test_a_payment_split_over_several_invoices_lists_each_number_once(db, owner, book, out):
    a = invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=book.acme, lines=[
        LineInput("Bulb", 1000, yuan("11.30"), item_type="part")]))
    number_a = invoices.post(db, owner, a, on=date(2026, 5, 2))
    payments.take_payment(db, owner, customer_id=book.acme, on=date(2026, 5, 3),
                          splits=[PaymentSplit("cash", yuan("137.30"))],
                          allocations={book.inv3: yuan("126"), number_a: yuan("11.30")})
    path = out / "may.xlsx"
    exports.export_payments(db, owner, path, start=date(2026, 5, 1), end=date(2026, 5, 31))
    table = read_xlsx(path, "payments")
    assert len(table) == 2
    row = dict(zip(table[0], table[1], strict=True))
    assert row["allocated_to"] == f"{book.inv3}; {number_a}"
    assert Decimal(str(row["amount"])) == Decimal("137.30")


# --- files, permissions, cancel -------------------------------------------------------------------

@pytest.mark.parametrize("export", [exports.export_invoices, exports.export_invoice_lines, exports.export_payments])
def test_other_file_types_are_refused_naming_the_file(db, owner, book, out, export):
    with pytest.raises(ValidationError) as exc:
        export(db, owner, out / "report.pdf")
    assert exc.value.field == "file" and "report.pdf" in exc.value.message
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_cancelled_export_leaves_no_file(db, owner, book, out, suffix):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        exports.export_invoice_lines(db, owner, out / f"lines{suffix}", cancel=token)
    assert list(out.iterdir()) == []


def test_progress_reaches_the_row_count(db, owner, book, out):
    calls = []
    exports.export_invoices(db, owner, out / "i.csv", progress=lambda done, total, _m: calls.append((done, total)))
    assert calls[-1] == (6, 6)


def test_an_end_before_the_start_is_refused(db, owner, book, out):
    with pytest.raises(ValidationError) as exc:
        exports.export_payments(db, owner, out / "p.csv", start=date(2026, 3, 31), end=date(2026, 3, 1))
    assert exc.value.field == "end"


def test_exports_need_both_the_view_and_the_export_permission(db, owner, actor_for, book, out):
    assert exports.export_invoices(db, actor_for("sales_manager"), out / "ok.csv") == 6
    with pytest.raises(PermissionDenied) as exc:
        exports.export_invoices(db, actor_for("read_only"), out / "no.csv")
    assert exc.value.permission == "data.export"
    # The file holds costs and gross profit: a salesperson, who may not see margins, gets none.
    with pytest.raises(PermissionDenied) as exc:
        exports.export_invoices(db, actor_for("salesperson"), out / "no.csv")
    assert exc.value.permission == "margin.view"
    with pytest.raises(PermissionDenied) as exc:
        exports.export_invoice_lines(db, actor_for("salesperson"), out / "no.csv")
    assert exc.value.permission == "cost.view"
    with pytest.raises(PermissionDenied) as exc:
        exports.export_invoices(db, actor_for("read_only"), out / "no.csv")
    assert exc.value.permission == "data.export"
    with pytest.raises(PermissionDenied) as exc:
        exports.export_payments(db, actor_for("foreman"), out / "no.csv")
    assert exc.value.permission == "invoice.view"
    assert [p.name for p in out.iterdir()] == ["ok.csv"]


def test_an_invoice_is_found_by_its_number_in_any_letter_case(db, owner, book):
    assert exports.invoice_id_for_number(db, owner, book.inv2) == book.inv2_id
    assert exports.invoice_id_for_number(db, owner, f" {book.credit_note.lower()} ") == book.credit_note_id
    with pytest.raises(NotFound):
        exports.invoice_id_for_number(db, owner, "INV-NOPE")


# --- the account mapping --------------------------------------------------------------------------

def test_a_new_database_has_the_default_chinese_chart_mapping(db, owner):
    mapping = {r.key: (r.account, r.name) for r in accounting.get_mapping(db, owner)}
    assert mapping["receivables"] == ("1122", "应收账款")
    assert mapping["item:vehicle"] == ("6001", "主营业务收入")
    assert mapping["tax:VAT13"] == ("2221", "应交税费")
    assert mapping["method:cash"] == ("1001", "库存现金")
    assert mapping["method:bank_transfer"] == ("1002", "银行存款")
    assert mapping["cost:part"] == ("6401", "主营业务成本")
    # A line's cost that names no stock item is owed to its supplier; stock is the inventories'.
    assert mapping["stock:part"] == ("2202", "应付账款")
    assert mapping["inventory"] == mapping["vehicle_inventory"] == ("1405", "库存商品")
    assert mapping["method:trade_in"] == ("2241", "其他应付款")


def test_set_mapping_replaces_one_key_and_keeps_the_rest(db, owner):
    accounting.set_mapping(db, owner, "method:card", "1012.01", "其他货币资金—银联")
    accounting.set_mapping(db, owner, "tax:vat9", "2221.09", "应交税费—9%")
    mapping = {r.key: (r.account, r.name) for r in accounting.get_mapping(db, owner)}
    assert mapping["method:card"] == ("1012.01", "其他货币资金—银联")
    assert mapping["tax:VAT9"] == ("2221.09", "应交税费—9%")
    assert mapping["method:cash"] == ("1001", "库存现金")


def test_an_empty_mapping_table_means_the_defaults_and_is_written_out_on_the_first_change(db, db_path, owner):
    from tests.services.samples import count, raw_execute

    raw_execute(db_path, "DELETE FROM account_mapping")
    assert {r.key for r in accounting.get_mapping(db, owner)} == set(accounting.DEFAULT_MAPPING)
    accounting.set_mapping(db, owner, "receivables", "1122.01", "应收账款—客户")
    assert count(db_path, "account_mapping") == len(accounting.DEFAULT_MAPPING)
    assert {r.key: r.account for r in accounting.get_mapping(db, owner)}["receivables"] == "1122.01"


@pytest.mark.parametrize(("key", "account", "field"), [
    ("item:boat", "6001", "key"), ("revenue", "6001", "key"), ("method:cheque", "1002", "key"),
    ("item:part", "", "account"), ("item:part", "60 01", "account")])
def test_bad_mapping_input_is_refused_naming_the_field(db, owner, key, account, field):
    with pytest.raises(ValidationError) as exc:
        accounting.set_mapping(db, owner, key, account, "x")
    assert exc.value.field == field


def test_the_mapping_needs_the_accounting_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        accounting.set_mapping(db, actor_for("sales_manager"), "receivables", "1", "x")
    assert accounting.get_mapping(db, actor_for("cashier"))


# --- the journal ----------------------------------------------------------------------------------

def sums(lines) -> dict[str, tuple[int, int]]:
    by_ref: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in lines:
        by_ref[line.reference][0] += line.debit
        by_ref[line.reference][1] += line.credit
    return {ref: (d, c) for ref, (d, c) in by_ref.items()}


def balance_of(lines, account: str) -> int:
    return sum(line.debit - line.credit for line in lines if line.account == account)


def test_every_journal_balances_per_reference_and_overall(db, owner, book):
    lines = accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])

    per_ref = sums(lines)
    assert all(debit == credit > 0 for debit, credit in per_ref.values()), per_ref
    assert sum(line.debit for line in lines) == sum(line.credit for line in lines)
    assert all((line.debit == 0) != (line.credit == 0) for line in lines)
    # 5 documents, 4 payments, 2 later uses of credit (王伟's cash rest and the credit note).
    assert len(per_ref) == 11
    assert [line.on for line in lines] == sorted(line.on for line in lines)


def test_an_invoice_journal_debits_receivables_and_credits_revenue_tax_and_stock(db, owner, book):
    lines = [x for x in accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])
             if x.reference == book.inv1]
    assert [(x.account, x.debit, x.credit, x.key) for x in lines] == [
        ("1122", yuan("113452"), 0, "receivables"),
        ("6401", yuan("90000"), 0, "cost:vehicle"),
        ("6401", yuan("200"), 0, "cost:accessory"),
        ("6001", 0, yuan("100000"), "item:vehicle"),
        ("6001", 0, yuan("400"), "item:accessory"),
        ("2221", 0, yuan("13052"), "tax:VAT13"),
        # Typed in by hand, the car and the accessory name no stock: their cost is owed to the supplier.
        ("2202", 0, yuan("90000"), "stock:vehicle"),
        ("2202", 0, yuan("200"), "stock:accessory"),
    ]
    assert all(x.on == date(2026, 3, 2) and book.inv1 in x.description for x in lines)


def test_a_credit_note_reverses_revenue_tax_and_cost_into_customer_credit(db, owner, book):
    lines = [x for x in accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])
             if x.reference == book.credit_note]
    # The workshop job was already paid, so nothing is left to settle: the credit is the customer's.
    assert sorted((x.key, x.debit, x.credit) for x in lines) == sorted([
        ("item:part", yuan("50"), 0), ("tax:VAT13", yuan("6.50"), 0), ("stock:part", yuan("30"), 0),
        ("customer_credit", 0, yuan("56.50")), ("cost:part", 0, yuan("30"))])


def test_a_line_credited_in_parts_puts_back_exactly_the_cost_it_took_out(db, owner, book):
    # 1.5 hours at a cost of 0.03 is 0.045 → 0.05; each half (0.0225) alone would round to 0.02.
    job = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=book.acme, lines=[
        LineInput("Polish", 1500, yuan("10"), item_type="labour", tax_code="VAT6", unit_cost=3)]))
    number = invoices.post(db, owner, job, on=date(2026, 6, 1))
    line = invoices.get(db, owner, job).lines[0].id
    for day in (2, 3):
        invoices.create_credit_note(db, owner, job, lines={line: 750}, on=date(2026, 6, day))
    lines = accounting.journal_entries(db, owner, start=date(2026, 6, 1), end=date(2026, 6, 30))

    taken = sum(x.credit for x in lines if x.key == "stock:labour" and x.reference == number)
    returned = sum(x.debit for x in lines if x.key == "stock:labour" and x.reference != number)
    assert taken == returned == 5
    assert all(debit == credit for debit, credit in sums(lines).values())


def test_payments_refunds_and_later_uses_of_credit_are_journalled_once_each(db, owner, book):
    lines = accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])
    by_ref: dict[str, list] = defaultdict(list)
    for x in lines:
        by_ref[x.reference].append((x.account, x.debit, x.credit))

    receipts = {ref: v for ref, v in by_ref.items() if ref.startswith("PAY-")}
    assert sorted(receipts.values()) == sorted([
        [("1002", yuan("113452"), 0), ("1122", 0, yuan("113452"))],
        [("1001", yuan("300"), 0), ("1122", 0, yuan("215.50")), ("2203", 0, yuan("84.50"))],
        [("1002", yuan("100"), 0), ("1122", 0, yuan("100"))],
    ])
    refunds = [v for ref, v in by_ref.items() if ref.startswith("RFD-")]
    assert refunds == [[("2203", yuan("41"), 0), ("1001", 0, yuan("41"))]]
    later = sorted(v for ref, v in by_ref.items() if ref.startswith("ALLOC-"))
    assert later == [[("2203", yuan("15.50"), 0), ("1122", 0, yuan("15.50"))],
                     [("2203", yuan("84.50"), 0), ("1122", 0, yuan("84.50"))]]


def test_over_all_time_receivables_equal_open_balances_and_customer_credit_equals_credit_held(db, owner, book):
    lines = accounting.journal_entries(db, owner, start=date(2000, 1, 1), end=date(2100, 12, 31))
    open_balances = sum(invoices.get(db, owner, i).balance for i in (
        exports.invoice_id_for_number(db, owner, n) for n in (book.inv1, book.inv2, book.inv3, book.inv4,
                                                               book.inv_april)))
    with db.read() as conn:
        held = payments.customer_credit(conn, book.wang) + payments.customer_credit(conn, book.acme)

    assert open_balances == yuan("126") + yuan("11.30")
    assert balance_of(lines, "1122") == open_balances
    assert -balance_of(lines, "2203") == held == 0


def test_a_period_takes_only_what_is_dated_in_it(db, owner, book):
    april = accounting.journal_entries(db, owner, start=date(2026, 4, 1), end=date(2026, 4, 30))
    assert {x.reference for x in april} == {book.inv_april}
    assert accounting.journal_entries(db, owner, start=date(2026, 2, 1), end=date(2026, 2, 28)) == []


def test_a_changed_mapping_and_a_new_tax_code_use_the_accounts_set(db, owner, book):
    accounting.set_mapping(db, owner, "method:card", "1012", "其他货币资金")
    accounting.set_mapping(db, owner, "tax:*", "2221.99", "应交税费—其他")
    lines = accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])
    assert any(x.account == "1012" and x.debit == yuan("113452") for x in lines)
    # VAT13 keeps its own key; the zero-rated line of the fee has a zero amount and no line at all.
    assert {x.account for x in lines if x.key.startswith("tax:")} == {"2221"}


def test_a_key_with_no_account_and_no_fallback_is_refused_by_name(db, db_path, owner, book):
    from tests.services.samples import raw_execute

    raw_execute(db_path, "DELETE FROM account_mapping WHERE key IN ('tax:VAT6', 'tax:*')")
    with pytest.raises(ValidationError) as exc:
        accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1])
    assert "tax:VAT6" in exc.value.message


def test_journal_csv_has_the_columns_and_balances_per_reference(db, owner, book, out):
    path = out / "journal.csv"
    written = accounting.journal(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_csv(path)

    assert table[0] == ["date", "account", "account_name", "debit", "credit", "reference", "description"]
    assert written == len(table) - 1 == len(accounting.journal_entries(db, owner, start=MARCH[0], end=MARCH[1]))
    first = table[1]
    assert first[:6] == ["2026-03-02", "1122", "应收账款", "113452.00", "0.00", book.inv1]
    per_ref: dict[str, Decimal] = defaultdict(Decimal)
    for row in table[1:]:
        per_ref[row[5]] += Decimal(row[3]) - Decimal(row[4])
    assert set(per_ref.values()) == {Decimal(0)}


def test_journal_xlsx_reads_back_balanced(db, owner, book, out):
    path = out / "journal.xlsx"
    accounting.journal(db, owner, path, start=MARCH[0], end=MARCH[1])
    table = read_xlsx(path, "journal")

    assert table[0] == list(accounting.JOURNAL_COLUMNS)
    debit = sum(Decimal(str(r[3])) for r in table[1:])
    credit = sum(Decimal(str(r[4])) for r in table[1:])
    assert debit == credit > 0
    assert table[1][0].date() == date(2026, 3, 2)


def test_the_journal_needs_the_accounting_and_export_permissions(db, actor_for, book, out):
    with pytest.raises(PermissionDenied) as exc:
        accounting.journal(db, actor_for("sales_manager"), out / "j.csv", start=MARCH[0], end=MARCH[1])
    assert exc.value.permission == "accounting.export"
    assert accounting.journal(db, actor_for("cashier"), out / "j.csv", start=MARCH[0], end=MARCH[1]) > 0


def test_a_journal_without_a_whole_period_is_refused(db, owner, out):
    with pytest.raises(ValidationError) as exc:
        accounting.journal(db, owner, out / "j.csv", start=MARCH[1], end=MARCH[0])
    assert exc.value.field == "end"
    with pytest.raises(ValidationError) as exc:
        accounting.journal(db, owner, out / "j.txt", start=MARCH[0], end=MARCH[1])
    assert exc.value.field == "file"
    assert list(out.iterdir()) == []
