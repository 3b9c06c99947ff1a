"""Words that read wrong in Chinese (issue 9, item 19)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from ui import i18n


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    assert i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


def test_expected_in_a_stock_count_is_the_expected_quantity_not_a_delivery(chinese):
    assert QCoreApplication.translate("StockCountsScreen", "Expected") == "应有数量"
    assert QCoreApplication.translate("PurchaseOrdersScreen", "Expected") == "预计到货"


def test_new_permission_and_empty_list_words_are_translated(chinese):
    for context, source in (("AdminLabels", "See costs, suppliers and purchase orders"),
                            ("AdminLabels", "See gross profit, margins, rebates and claims"),
                            ("ListScreen", "Nothing here yet.")):
        assert QCoreApplication.translate(context, source) != source


def test_the_default_unit_and_the_standard_tax_rates_read_in_chinese_and_store_as_before(chinese):
    from ui.admin.labels import tax_rate_name
    from ui.parts.labels import unit_text, unit_value

    assert unit_text("pcs") == "件" and unit_value("件") == "pcs" and unit_text("L") == "L"
    assert tax_rate_name("VAT 13%") == "增值税 13%" and tax_rate_name("Zero-rated") == "零税率"
    assert tax_rate_name("Own rate") == "Own rate"


def test_a_part_saved_in_chinese_keeps_its_unit_pcs(db, owner, qtbot, settle, chinese):
    from services.parts import catalogue
    from ui.context import AppContext
    from ui.parts.parts import PartDialog

    dialog = PartDialog(AppContext(db, owner))
    qtbot.addWidget(dialog)
    assert dialog.unit.text() == "件"
    dialog.brand.setText("Toyota")
    dialog.part_number.setText("UNIT-1")
    dialog.description.setText("机油滤清器")
    data = dialog.data()
    assert data is not None and data.unit == "pcs"
    assert catalogue.PartInput is type(data)


def test_the_approval_history_has_distinct_headings_and_the_trade_in_figures_read_in_chinese(db, owner, actor_for,
                                                                                              chinese):
    from services.sales import deals, trade_ins
    from services.sales.trade_ins import AppraisalInput
    from tests.services.deal_samples import customer, quote, stock_vehicle
    from tests.services.samples import chinese_vin
    from ui.sales.deals import deal_html

    cid = customer(db, owner)
    saved = quote(db, actor_for("salesperson"), cid, stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, owner, saved.id)
    trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(98), make="VW", model="Passat", actual_cash_value=22_700_00,
        allowance=22_700_00, outstanding_finance=31_000_00, finance_lender="宁波银行", deal_id=saved.id))
    html = deal_html(deals.get(db, owner, saved.id))
    assert "审批角色" in html and "审批人" in html and html.count("审批人") == html.count(">审批人<")
    assert "须结清贷款 ¥31,000.00" in html and "负资产 ¥8,300.00（计入销售单）" in html
    assert "finance to settle" not in html and "Approving role" not in html
