"""One way to show a phone number and a margin (issue 9, item 18): phones in the national format of
the dealership's country wherever they are shown, margins as percent of net sales to one decimal."""

from __future__ import annotations

from decimal import Decimal

from services.billing.margin import margin_percent
from services.parts import purchasing
from tests.services.billing_samples import customer, line, posted
from ui.formatting import margin_text, phone_text, phones_in_text


def test_phones_are_national_for_the_dealerships_country_and_international_otherwise():
    assert phone_text("+8613812345678", "CN") == "138 1234 5678"
    assert phone_text("+4930123456", "CN").startswith("+49 ")
    assert phones_in_text("+8613812345678 · 上海", "CN") == "138 1234 5678 · 上海"


def test_a_margin_is_percent_of_net_sales_to_one_decimal_everywhere():
    assert margin_percent(2550, 10000) == Decimal("25.5")
    assert margin_text(2500, 10000) == "25.0%"
    assert margin_text(1, 3) == "33.3%"
    assert margin_text(5, 0) == ""


def test_the_suppliers_list_and_pane_show_phones_in_national_format(db, owner, window, settle, select_row):
    supplier = purchasing.create_supplier(db, owner, purchasing.SupplierInput(name="华东配件",
                                                                             phone="+8613812345678"))
    page = window.show_page("suppliers")
    settle()
    select_row(page, supplier)
    model = page.list.model
    column = [c.key for c in model.columns].index("phone")
    assert model.index(0, column).data() == "138 1234 5678"
    assert "138 1234 5678" in page.detail.toPlainText()


def test_the_invoice_details_show_the_margin_as_the_margins_screen_does(db, owner, window, settle, select_row):
    invoice_id = posted(db, owner, customer(db, owner), line(price=11300, unit_cost=7500))
    page = window.show_page("invoices")
    settle()
    select_row(page, invoice_id)
    text = page.detail.toPlainText()
    assert "Gross profit" in text and "25.0%" in text
