"""The field widgets: money, quantity, percentage and date edits read what is typed with the
services' rules and refuse the rest with a message naming the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit

from core.errors import ValidationError
from services import settings
from ui.admin.settings import TaxRateDialog
from ui.widgets.fields import DateEdit, MoneyEdit, PercentEdit, QuantityEdit


@pytest.fixture
def typed(qtbot, type_text):
    kept = []  # a shown window deleted while the platform still focuses it crashes Qt

    def make(edit, text: str):
        kept.append(edit)
        qtbot.addWidget(edit)
        edit.show()
        type_text(edit, text)
        return edit

    return make


@pytest.mark.parametrize(("text", "minor"), [("1,234.50", 123450), ("¥12.3", 1230), ("  8 ", 800),
                                             ("12。5", 1250), ("", 0), ("-3", -300)])
def test_a_money_edit_reads_amounts_in_minor_units(typed, text, minor):
    assert typed(MoneyEdit("CNY", field="unit_price"), text).value() == minor


def test_a_money_edit_refuses_more_decimals_than_the_currency_has(typed):
    yen = typed(MoneyEdit("JPY", field="price"), "12.5")
    assert yen.placeholderText() == "0"
    with pytest.raises(ValidationError) as raised:
        yen.value()
    assert raised.value.field == "price" and "more than 0 decimal places" in raised.value.detail
    assert typed(MoneyEdit("CNY"), "12.345").value_or_none() is None


def test_a_required_amount_left_empty_is_refused_with_a_message(typed):
    with pytest.raises(ValidationError) as raised:
        typed(MoneyEdit("CNY", field="amount", required=True), "").value()
    assert (raised.value.field, raised.value.detail) == ("amount", "Enter an amount")


def test_a_field_that_cannot_be_read_is_marked_when_editing_finishes(qtbot, typed):
    edit = typed(MoneyEdit("CNY", field="amount"), "12,3x")
    assert edit.property("invalid") in (None, False)

    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert edit.property("invalid") is True
    assert "is not a number" in edit.toolTip()
    edit.clear()
    qtbot.keyClicks(edit, "12.30")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.property("invalid") is False and edit.toolTip() == ""


def test_set_value_shows_an_amount_as_it_is_typed(qtbot):
    edit = MoneyEdit("CNY")
    qtbot.addWidget(edit)
    edit.set_value(135000)
    assert edit.text() == "1,350.00"
    edit.set_value(None)
    assert edit.text() == ""


@pytest.mark.parametrize(("text", "milli"), [("2", 2000), ("1.5", 1500), ("0.125", 125), ("-1", -1000), ("", 0)])
def test_a_quantity_edit_reads_thousandths(typed, text, milli):
    assert typed(QuantityEdit(field="min_qty"), text).value() == milli


@pytest.mark.parametrize(("text", "message"), [("two", "not a number"), ("1.2345", "more than three decimal places")])
def test_a_quantity_edit_refuses_what_is_no_quantity(typed, text, message):
    with pytest.raises(ValidationError) as raised:
        typed(QuantityEdit(field="counted"), text).value()
    assert raised.value.field == "counted" and message in raised.value.detail


def test_a_required_quantity_left_empty_is_refused(typed):
    with pytest.raises(ValidationError) as raised:
        typed(QuantityEdit(required=True), "").value()
    assert (raised.value.field, raised.value.detail) == ("quantity", "Enter a quantity")


@pytest.mark.parametrize(("text", "bp"), [("13", 1300), ("6.5", 650), ("6.5 %", 650), ("0", 0), ("100", 10000)])
def test_a_percent_edit_reads_basis_points(typed, text, bp):
    assert typed(PercentEdit(), text).value() == bp


@pytest.mark.parametrize("text", ["101", "13.125", "thirteen", ""])
def test_a_percent_edit_refuses_what_is_no_percentage(typed, text):
    with pytest.raises(ValidationError) as raised:
        typed(PercentEdit(field="rate"), text).value()
    assert raised.value.field == "rate"


def test_an_optional_date_can_be_not_known(qtbot):
    edit = DateEdit(optional=True)
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.text() == "not known"
    edit.set_value(date(2024, 2, 29))
    assert edit.value() == date(2024, 2, 29) and edit.text() == "2024-02-29"
    edit.set_value(None)
    assert edit.value() is None


def test_a_date_edit_starts_today_unless_given_a_day(qtbot):
    today, given = DateEdit(), DateEdit(date(2026, 3, 2))
    qtbot.addWidget(today)
    qtbot.addWidget(given)
    assert today.value() == date.today()
    assert given.value() == date(2026, 3, 2)


@pytest.mark.parametrize(("day", "section", "key", "expected"), [
    (date(2027, 1, 1), "Day", Qt.Key.Key_Down, date(2026, 12, 31)),  # yesterday on New Year's Day
    (date(2026, 3, 1), "Day", Qt.Key.Key_Down, date(2026, 2, 28)),
    (date(2026, 12, 31), "Day", Qt.Key.Key_Up, date(2027, 1, 1)),
    (date(2026, 3, 5), "Day", Qt.Key.Key_PageDown, date(2026, 2, 23)),  # ten days back
    (date(2026, 1, 15), "Month", Qt.Key.Key_Down, date(2025, 12, 15)),
    (date(2026, 3, 31), "Month", Qt.Key.Key_Down, date(2026, 2, 28)),
    (date(2026, 5, 31), "Year", Qt.Key.Key_Up, date(2027, 5, 31)),
])
def test_the_arrows_move_a_date_across_months_and_years(qtbot, day, section, key, expected):
    edit = DateEdit(day)
    qtbot.addWidget(edit)
    edit.setFocus()
    edit.setCurrentSection(getattr(QDateTimeEdit.Section, f"{section}Section"))
    qtbot.keyClick(edit, key)
    assert edit.value() == expected


def test_the_arrows_stop_at_the_ends_of_the_range_and_not_known_steps_as_qt_does(qtbot):
    edit = DateEdit(date(2026, 3, 1))
    qtbot.addWidget(edit)
    edit.setMaximumDate(QDate(2026, 3, 1))  # e.g. nothing dated in the future
    edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
    assert not edit.stepEnabled() & QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.value() == date(2026, 3, 1)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.value() == date(2026, 2, 28)
    unknown = DateEdit(optional=True)
    qtbot.addWidget(unknown)
    unknown.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(unknown, Qt.Key.Key_Down)
    assert unknown.value() is None


def test_a_tax_rate_above_100_is_refused_beside_the_rate_before_anything_is_sent(qtbot, ctx, db, show, settle):
    before = settings.tax_rates(db)
    dialog = show(TaxRateDialog(ctx))
    qtbot.keyClicks(dialog.code, "HIGH")
    qtbot.keyClicks(dialog.name, "Too high")
    qtbot.keyClicks(dialog.rate, "130")

    qtbot.keyClick(dialog.rate, Qt.Key.Key_Return)
    settle()

    assert dialog.isVisible()
    assert dialog.errors.labels["rate"].isVisible()
    assert "between 0 and 100" in dialog.errors.labels["rate"].text()
    assert settings.tax_rates(db) == before
