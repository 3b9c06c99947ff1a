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
