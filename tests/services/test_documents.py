"""Invoice, credit note and statement PDFs, checked through the text a PDF reader extracts."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest

from core.errors import FileProblem, PermissionDenied
from services import customers, settings
from services.billing import documents, invoices
from services.billing.payments import PaymentSplit, take_payment
from services.customers import CustomerInput
from services.reports import pdf
from tests.services.billing_samples import draft, line

ISSUED = date(2024, 3, 15)


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def _text(path: Path) -> str:
    return "\n".join(_pages(path))


def _customer(db, owner, name: str = "王伟") -> str:
    return customers.create(db, owner, CustomerInput(name=name, phone="13912345678",
                                                     address="上海市浦东新区世纪大道100号"))


def _mixed_invoice(db, owner, customer_id: str) -> str:
    """Two 13 % lines (tax-inclusive 200.00 and 80.00) and one 6 % line (450.00), posted on ISSUED."""
    invoice_id = draft(db, owner, customer_id,
                       line("机油 Engine oil 5W-30", qty=2000, price=10000, tax_code="VAT13"),
                       line("Oil filter 机滤", qty=1000, price=8000, tax_code="VAT13"),
                       line("Labour 工时", qty=1500, price=30000, tax_code="VAT6"))
    invoices.post(db, owner, invoice_id, on=ISSUED)
    return invoice_id


def _long_invoice(db, owner, customer_id: str, lines: int) -> str:
    invoice_id = draft(db, owner, customer_id, *[line(f"Part {n} 配件{n}", price=1000 + n) for n in range(lines)])
    invoices.post(db, owner, invoice_id, on=ISSUED)
    return invoice_id


def _print_count(db, owner, invoice_id: str) -> int:
    return invoices.get(db, owner, invoice_id).print_count


# --- content --------------------------------------------------------------------------------------

def test_an_invoice_shows_its_number_customer_dates_lines_and_totals(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))
    number = invoices.get(db, owner, invoice_id).number

    out = documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf")

    assert out == tmp_path / "invoice.pdf"
    text = _text(out)
    assert "INVOICE 发票" in text
    assert number in text
    assert "王伟" in text
    assert "上海市浦东新区世纪大道100号" in text
    assert "2024-03-15" in text and "2024-04-14" in text  # issued, due after the default 30 days
    assert "机油 Engine oil 5W-30" in text and "1.5" in text
    # Net 247.79 + 424.53, tax 32.21 + 25.47, total 280.00 + 450.00.
    for total in ("¥672.32", "¥57.68", "¥730.00"):
        assert total in text
    assert "Balance due" in text


def test_the_tax_summary_sums_the_lines_of_each_rate(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    text = _text(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    summary = text[text.index("Tax summary"):]
    rows = re.findall(r"^(VAT\d+ \d+%)\n([\d,.]+)\n([\d,.]+)\n([\d,.]+)$", summary, flags=re.M)
    assert rows == [("VAT13 13%", "247.79", "32.21", "280.00"), ("VAT6 6%", "424.53", "25.47", "450.00")]


def test_an_english_customer_name_prints_as_typed(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner, "John Smith & Sons <Ltd>"))

    text = _text(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    assert "John Smith & Sons <Ltd>" in text


def test_paid_and_balance_follow_the_payments(db, owner, tmp_path):
    customer_id = _customer(db, owner)
    invoice_id = _mixed_invoice(db, owner, customer_id)
    number = invoices.get(db, owner, invoice_id).number
    take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit("cash", 50000)],
                 allocations={number: 50000}, on=ISSUED)

    text = _text(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    assert re.search(r"Paid 已付\n ?¥500\.00", text)
    assert re.search(r"Balance due 应付余额\n ?¥230\.00", text)


def test_the_invoice_prints_its_posting_snapshot_not_todays_details(db, owner, tmp_path):
    customer_id = _customer(db, owner)
    dealership = settings.get(db)
    settings.save(db, owner, replace(dealership, name="东方汽车 Orient Motors"))
    invoice_id = _mixed_invoice(db, owner, customer_id)
    detail = customers.get(db, owner, customer_id)
    customers.update(db, owner, customer_id, replace(detail.data, name="李娜"))
    settings.save(db, owner, replace(settings.get(db), name="New Name Motors"))

    text = _text(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    assert "王伟" in text and "李娜" not in text
    assert "东方汽车 Orient Motors" in text and "New Name Motors" not in text


def test_a_credit_note_names_the_invoice_it_credits(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))
    number = invoices.get(db, owner, invoice_id).number
    note_id = invoices.create_credit_note(db, owner, invoice_id, reason="退货 Returned", on=ISSUED)
    note_number = invoices.get(db, owner, note_id).number

    text = _text(documents.invoice_pdf(db, owner, note_id, tmp_path / "credit.pdf"))

    assert "CREDIT NOTE 红字发票" in text and "INVOICE 发票" not in text
    assert note_number in text
    assert re.search(rf"Credits invoice 原发票\n ?{re.escape(number)}", text)
    assert "¥730.00" in text and "退货 Returned" in text
    assert re.search(r"Applied to invoices 已冲抵\n ?¥730\.00", text)


# --- copies and counting --------------------------------------------------------------------------

def test_the_first_print_is_the_original_and_every_later_one_a_copy_on_every_page(db, owner, tmp_path):
    invoice_id = _long_invoice(db, owner, _customer(db, owner), 60)

    first = _pages(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "first.pdf"))
    second = _pages(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "second.pdf"))

    assert len(second) >= 2
    assert not any("COPY" in page for page in first)
    assert all("COPY 副本" in page for page in second)
    assert _print_count(db, owner, invoice_id) == 2


def test_a_draft_prints_as_an_uncounted_proof(db, owner, tmp_path):
    invoice_id = draft(db, owner, _customer(db, owner), line("Labour 工时", price=30000))

    text = _text(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "draft.pdf"))

    assert "DRAFT 草稿" in text and "COPY" not in text
    assert "王伟" in text and "¥300.00" in text
    assert _print_count(db, owner, invoice_id) == 0
    assert invoices.get(db, owner, invoice_id).status == "draft"


def test_printing_needs_invoice_view_and_then_writes_and_counts_nothing(db, owner, actor_for, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))
    out = tmp_path / "invoice.pdf"

    with pytest.raises(PermissionDenied):
        documents.invoice_pdf(db, actor_for("technician"), invoice_id, out)

    assert not out.exists()
    assert _print_count(db, owner, invoice_id) == 0


def test_a_read_only_user_may_print(db, owner, actor_for, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    documents.invoice_pdf(db, actor_for("read_only"), invoice_id, tmp_path / "invoice.pdf")

    assert _print_count(db, owner, invoice_id) == 1


# --- pages, fonts, logo ---------------------------------------------------------------------------

def test_a_long_invoice_breaks_across_pages_with_table_header_and_page_footer_on_each(db, owner, tmp_path):
    invoice_id = _long_invoice(db, owner, _customer(db, owner), 120)

    pages = _pages(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "long.pdf"))

    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert "Description" in page and "品名" in page
        assert f"{n} / {len(pages)}" in page
    text = "\n".join(pages)
    assert "Part 0 配件0" in text and "Part 119 配件119" in text


def test_the_cjk_font_is_embedded_as_a_subset(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    reader = pypdf.PdfReader(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    cjk = [f for f in fonts if re.fullmatch(r"/[A-Z]{6}\+DroidSansFallback", f["/BaseFont"])]
    assert cjk
    assert all("/FontFile2" in f["/FontDescriptor"] for f in cjk)


def test_the_logo_is_drawn_when_there_is_one(db, owner, tmp_path):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2400, 800), "#0b4f8a").save(buf, format="PNG")
    settings.set_logo(db, owner, buf.getvalue())
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    reader = pypdf.PdfReader(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    images = reader.pages[0].images
    assert len(images) == 1
    assert images[0].image.size[0] <= pdf.LOGO_MAX_PIXELS[0]  # a large logo is embedded scaled down


def test_an_unreadable_logo_is_left_off_rather_than_stopping_the_print(db, owner, tmp_path):
    settings.set_logo(db, owner, b"\x89PNG\r\n\x1a\n" + b"not really an image")
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    reader = pypdf.PdfReader(documents.invoice_pdf(db, owner, invoice_id, tmp_path / "invoice.pdf"))

    assert len(reader.pages[0].images) == 0
    assert "¥730.00" in reader.pages[0].extract_text()


def test_markup_puts_cjk_runs_in_the_cjk_font_and_escapes_xml():
    assert pdf.markup("王伟 <A&B> ¥5") == f'<font name="{pdf.CJK}">王伟 </font>&lt;A&amp;B&gt; ¥5'
    assert pdf.markup("发票，No.1") == f'<font name="{pdf.CJK}">发票，</font>No.1'
    assert pdf.markup("a\nb") == "a<br/>b"


# --- writing the file -----------------------------------------------------------------------------

def test_a_failed_render_leaves_the_old_file_and_the_count_alone(db, owner, tmp_path, monkeypatch):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))
    out = tmp_path / "invoice.pdf"
    out.write_bytes(b"previous")

    def broken(path: Path, *args, **kwargs) -> None:
        path.write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(documents, "_render_invoice", broken)
    with pytest.raises(RuntimeError):
        documents.invoice_pdf(db, owner, invoice_id, out)

    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if "invoice" in p.name] == ["invoice.pdf"]  # no .part left
    assert _print_count(db, owner, invoice_id) == 0


def test_a_missing_folder_is_refused_without_counting(db, owner, tmp_path):
    invoice_id = _mixed_invoice(db, owner, _customer(db, owner))

    with pytest.raises(FileProblem) as err:
        documents.invoice_pdf(db, owner, invoice_id, tmp_path / "no-such-folder" / "invoice.pdf")

    assert "invoice.pdf" in str(err.value) and "does not exist" in str(err.value)
    assert _print_count(db, owner, invoice_id) == 0


# --- statement ------------------------------------------------------------------------------------

def test_a_statement_lists_the_movements_with_a_running_and_closing_balance(db, owner, tmp_path):
    customer_id = _customer(db, owner)
    invoice_id = _mixed_invoice(db, owner, customer_id)
    number = invoices.get(db, owner, invoice_id).number
    take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit("card", 50000, "POS 8812")],
                 allocations={number: 50000}, on=date(2024, 3, 20))

    text = _text(documents.statement_pdf(db, owner, customer_id, tmp_path / "statement.pdf",
                                         start=date(2024, 3, 1), end=date(2024, 3, 31)))

    assert "STATEMENT 对账单" in text and "王伟" in text
    assert "2024-03-01 – 2024-03-31" in text
    assert number in text and "POS 8812" in text
    assert "730.00" in text and "500.00" in text
    assert re.search(r"Closing balance 期末余额\n ?¥230\.00", text)


def test_a_statement_needs_receivables_view(db, owner, actor_for, tmp_path):
    customer_id = _customer(db, owner)
    out = tmp_path / "statement.pdf"

    with pytest.raises(PermissionDenied):
        documents.statement_pdf(db, actor_for("parts_clerk"), customer_id, out, start=ISSUED, end=ISSUED)

    assert not out.exists()


def test_a_persons_id_number_is_masked_on_invoices_receipts_and_statements_for_who_may_not_see_it(
        db, owner, actor_for, tmp_path):
    from services.billing import receipts
    from tests.services.billing_samples import posted
    from tests.services.samples import credit_code

    person = customers.create(db, owner, CustomerInput(name="王伟", phone="13912345678",
                                                       id_number="110101199003078515"))
    code = credit_code()
    company = customers.create(db, owner, CustomerInput(name="上海某某有限公司", kind="company", company_reg=code))
    sales, cashier = actor_for("salesperson"), actor_for("cashier")
    invoice_id = posted(db, owner, person, line())
    payment_id = take_payment(db, owner, customer_id=person, splits=[PaymentSplit("cash", 100_00)],
                              hold_excess=True)[0]
    company_invoice = posted(db, owner, company, line())

    def invoice_text(actor, iid):
        return _text(documents.invoice_pdf(db, actor, iid, tmp_path / f"{actor.username}{iid}.pdf", count=False))

    assert "110***********8515" in invoice_text(sales, invoice_id)
    assert "110101199003078515" not in invoice_text(sales, invoice_id)
    assert "110101199003078515" in invoice_text(cashier, invoice_id)
    assert code in invoice_text(sales, company_invoice)
    receipt = _text(receipts.receipt_pdf(db, sales, payment_id, tmp_path / "receipt.pdf"))
    assert "110***********8515" in receipt and "110101199003078515" not in receipt
    statement = _text(documents.statement_pdf(db, actor_for("read_only"), person, tmp_path / "statement.pdf",
                                              start=date(2020, 1, 1), end=date.today()))
    assert "110***********8515" in statement and "110101199003078515" not in statement
