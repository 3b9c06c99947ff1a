"""Money: exact minor units, half-up rounding, formatting and tax-rate parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import money
from core.errors import ValidationError

currencies = st.sampled_from(sorted(money.CURRENCIES))


# --- formatting -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("minor", "currency", "text"), [
    (123450, "CNY", "¥1,234.50"),
    (-123450, "CNY", "-¥1,234.50"),
    (0, "CNY", "¥0.00"),
    (5, "CNY", "¥0.05"),
    (123456789, "USD", "$1,234,567.89"),
    (1234, "JPY", "¥1,234"),
    (-1234, "JPY", "-¥1,234"),
    (1000000, "KRW", "₩1,000,000"),
    (1, "KWD", "KD 0.001"),
    (1234, "XXX", "XXX 12.34"),
])
def test_format_money(minor, currency, text):
    assert money.format_money(minor, currency) == text


def test_format_money_without_symbol():
    assert money.format_money(-123450, "CNY", symbol=False) == "-1,234.50"


# --- to and from minor units ----------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "currency", "minor"), [
    ("1,234.56", "CNY", 123456),
    (" 12.30 ", "CNY", 1230),
    ("12.3", "CNY", 1230),
    ("-0.01", "CNY", -1),
    (Decimal("0.10"), "CNY", 10),
    (7, "CNY", 700),
    ("1234", "JPY", 1234),
    ("1.000", "KWD", 1000),
    ("12.500", "CNY", 1250),
])
def test_to_minor_converts_exactly(amount, currency, minor):
    assert money.to_minor(amount, currency) == minor


@pytest.mark.parametrize(("amount", "currency"), [
    ("1.234", "CNY"), ("0.001", "USD"), ("1.5", "JPY"), ("0.0001", "KWD"),
])
def test_to_minor_refuses_more_decimals_than_the_currency_has(amount, currency):
    with pytest.raises(ValidationError) as exc:
        money.to_minor(amount, currency)
    assert exc.value.field == "amount"
    assert "decimal places" in exc.value.detail


@pytest.mark.parametrize("amount", ["abc", "", "  ", "NaN", "Infinity", "-inf", "1.2.3", "¥12", "12 34"])
def test_to_minor_refuses_what_is_not_a_number(amount):
    with pytest.raises(ValidationError) as exc:
        money.to_minor(amount, "CNY")
    assert exc.value.field == "amount"


@given(minor=st.integers(-10**15, 10**15), currency=currencies)
def test_minor_units_survive_a_round_trip_through_decimal_and_text(minor, currency):
    value = money.from_minor(minor, currency)
    assert money.to_minor(value, currency) == minor
    assert money.to_minor(str(value), currency) == minor
    assert money.to_minor(money.format_money(minor, currency, symbol=False), currency) == minor


@given(value=st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_a_two_decimal_amount_survives_a_round_trip(value):
    assert money.from_minor(money.to_minor(value, "CNY"), "CNY") == value


@given(minor=st.integers(-10**9, 10**9), extra=st.integers(1, 9), currency=currencies)
def test_any_amount_with_one_decimal_too_many_is_refused(minor, extra, currency):
    too_precise = money.from_minor(minor, currency) + Decimal(extra).scaleb(-money.digits(currency) - 1)
    with pytest.raises(ValidationError):
        money.to_minor(too_precise, currency)


# --- rounding -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "rounded"), [
    ("0.5", 1), ("1.5", 2), ("2.5", 3), ("2.4999", 2), ("-0.5", -1), ("-2.5", -3), ("-2.49", -2), ("0", 0),
])
def test_round_half_up_examples(value, rounded):
    assert money.round_half_up(Decimal(value)) == rounded


@given(n=st.integers(0, 10**12))
def test_an_exact_half_always_rounds_up_never_to_even(n):
    assert money.round_half_up(Decimal(n) + Decimal("0.5")) == n + 1


@given(value=st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_half_up_rounding_is_the_nearest_integer_with_halves_away_from_zero(value):
    rounded = money.round_half_up(value)
    assert abs(rounded - value) <= Decimal("0.5")
    if abs(rounded - value) == Decimal("0.5"):
        assert abs(rounded) > abs(value)
    assert money.round_half_up(-value) == -rounded


# --- tax rates ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "bp"), [
    ("13", 1300), ("13%", 1300), (" 13 % ", 1300), ("6.5", 650), ("0", 0), ("100", 10000), ("0.01", 1),
])
def test_parse_rate_percent(text, bp):
    assert money.parse_rate_percent(text) == bp


@pytest.mark.parametrize("text", ["abc", "", "%", "-1", "100.01", "6.555", "1 3"])
def test_parse_rate_percent_refuses_what_is_not_a_rate(text):
    with pytest.raises(ValidationError) as exc:
        money.parse_rate_percent(text)
    assert exc.value.field == "rate"


@given(bp=st.integers(0, 10000))
def test_a_formatted_rate_parses_back_to_the_same_basis_points(bp):
    assert money.parse_rate_percent(money.format_rate(bp)) == bp


def test_an_amount_with_a_decimal_comma_is_refused_never_read_as_thousands():
    from core.errors import ValidationError
    from core.money import to_minor

    for text in ("1,5", "12,50", "1,2345", "1,23,456"):
        with pytest.raises(ValidationError) as refused:
            to_minor(text, "CNY")
        assert "point" in refused.value.detail
    assert (to_minor("1,234.50", "CNY"), to_minor("12,345", "CNY"), to_minor("1.5", "CNY")) == (123450, 1234500, 150)
