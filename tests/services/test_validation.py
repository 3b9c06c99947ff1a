"""Identifier checks: phones, e-mail, resident IDs, credit codes and VINs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ValidationError
from services import validation
from tests.services.samples import credit_code, resident_id, with_check_digit, wrong_check_digit

VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


# --- phones ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "stored"), [
    ("13900001001", "+8613900001001"),
    ("139 0000 1001", "+8613900001001"),
    ("139-0000-1001", "+8613900001001"),
    ("+86 139 0000 1001", "+8613900001001"),
    ("010-12345678", "+861012345678"),
    ("+1 650 253 0000", "+16502530000"),
    ("", ""),
    ("   ", ""),
])
def test_phone_numbers_are_stored_in_e164(typed, stored):
    assert validation.phone(typed, "CN") == stored


def test_a_local_number_is_read_in_the_dealerships_country():
    assert validation.phone("020 7946 0018", "GB") == "+442079460018"
    with pytest.raises(ValidationError):
        validation.phone("020 7946 0018", "US")


@pytest.mark.parametrize("typed", ["12345", "139000010011", "phone", "+86 000"])
def test_an_invalid_phone_number_is_refused_naming_the_field(typed):
    with pytest.raises(ValidationError) as exc:
        validation.phone(typed, "CN", field="mobile")
    assert exc.value.field == "mobile"


def test_phone_numbers_are_shown_nationally_at_home_and_internationally_otherwise():
    assert validation.format_phone("+8613900001001", "CN") == "139 0000 1001"
    assert validation.format_phone("+16502530000", "CN") == "+1 650-253-0000"
    assert validation.format_phone("", "CN") == ""


# --- e-mail ---------------------------------------------------------------------------------------

def test_an_email_address_is_trimmed_and_lower_cased():
    assert validation.email("  Wang.Fang@Example.COM ") == "wang.fang@example.com"
    assert validation.email("") == ""


@pytest.mark.parametrize("typed", ["wang", "wang@", "@example.com", "wang fang@example.com", "wang@example"])
def test_an_invalid_email_address_is_refused(typed):
    with pytest.raises(ValidationError) as exc:
        validation.email(typed)
    assert exc.value.field == "email"


# --- resident ID and credit code ------------------------------------------------------------------

def test_a_valid_resident_id_is_stored_compact_and_upper_case():
    assert validation.id_number(" 11010519491231002x ") == "11010519491231002X"
    assert validation.id_number(resident_id()) == resident_id()


@pytest.mark.parametrize("typed", [
    "110105194912310021",  # wrong check digit
    "110101199002300514",  # 30 February
])
def test_an_invalid_resident_id_is_refused(typed):
    with pytest.raises(ValidationError) as exc:
        validation.id_number(typed)
    assert exc.value.field == "id_number"


@pytest.mark.parametrize("typed", ["1.10105E+17", "1.10105e17", "1E+17", " 4.40304199001E+17 "])
def test_an_id_number_in_scientific_notation_is_refused_with_the_reason(typed):
    with pytest.raises(ValidationError) as exc:
        validation.id_number(typed)
    assert exc.value.field == "id_number"
    assert "Excel" in exc.value.detail
    assert "Text" in exc.value.detail


def test_other_documents_are_kept_as_written_up_to_32_characters():
    assert validation.id_number("G 1234 5678") == "G12345678"
    with pytest.raises(ValidationError):
        validation.id_number("P" * 33)


def test_a_valid_credit_code_is_accepted_and_an_invalid_one_refused():
    code = credit_code()
    assert validation.company_reg(code.lower()) == code
    assert validation.company_reg("") == ""
    bad = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ValidationError) as exc:
        validation.company_reg(bad)
    assert exc.value.field == "company_reg"
    with pytest.raises(ValidationError) as exc:
        validation.company_reg("9.1110000600037E+17")
    assert "Excel" in exc.value.detail


# --- VINs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("vin", "digit"), [
    ("1HGCM82633A004352", "3"),
    ("1M8GDM9AXKP042788", "X"),
    ("11111111111111111", "1"),
])
def test_the_check_digit_follows_49_cfr_565(vin, digit):
    assert validation.vin_check_digit(vin) == digit


def test_a_vin_is_decoded():
    info = validation.vin("1HGCM82633A004352")
    assert (info.vin, info.make, info.country, info.model_years, info.warnings) == (
        "1HGCM82633A004352", "Honda", "United States", [2003], [])


@pytest.mark.parametrize(("typed", "problem"), [
    ("", "required"),
    ("1HGCM82633A00435", "17 characters"),
    ("1HGCM82633A0043O2", "I, O and Q"),
    ("1HGCM82633A00435_", "contains _"),
])
def test_a_malformed_vin_is_refused_with_the_reason(typed, problem):
    with pytest.raises(ValidationError) as exc:
        validation.vin(typed)
    assert exc.value.field == "vin"
    assert problem in exc.value.detail


_vin_body = st.text(alphabet=VIN_CHARS, min_size=16, max_size=16)


@given(wmi=st.sampled_from("12345L"), body=_vin_body)
def test_a_north_american_or_chinese_vin_passes_exactly_when_its_check_digit_is_right(wmi, body):
    vin = with_check_digit(wmi + body)
    assert validation.vin(vin).vin == vin
    with pytest.raises(ValidationError) as exc:
        validation.vin(wrong_check_digit(vin))
    assert exc.value.field == "vin"


@given(wmi=st.sampled_from("JKSVWYZ"), body=_vin_body)
def test_a_vin_from_elsewhere_is_accepted_whatever_its_9th_character(wmi, body):
    vin = wmi + body
    info = validation.vin(vin)
    assert info.vin == vin
    right = vin[8] == validation.vin_check_digit(vin)
    assert any("check digit" in w for w in info.warnings) != right
