"""Identifier checks with the libraries made for them (DESIGN §11). Each returns the value to
store, or raises :class:`ValidationError` naming the field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.errors import ValidationError
from core.messages import msg

VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_VALUES = {**{str(d): d for d in range(10)},
               **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
               **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_SCIENTIFIC = re.compile(r"^\s*[0-9](\.[0-9]+)?[eE][+]?[0-9]+\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def phone(value: str, region: str, *, field: str = "phone") -> str:
    """A valid phone number in E.164 form; local numbers are read in the dealership's region."""
    import phonenumbers

    raw = (value or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, msg("'{raw}' is not a phone number", raw=raw)) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, msg("'{raw}' is not a valid phone number for {region}", raw=raw, region=region))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str, region: str) -> str:
    """National format for numbers of the dealership's country, international otherwise."""
    import phonenumbers

    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (phonenumbers.PhoneNumberFormat.NATIONAL
           if phonenumbers.region_code_for_number(number) == region
           else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, fmt)


def email(value: str, *, field: str = "email") -> str:
    raw = (value or "").strip()
    if raw and not _EMAIL.match(raw):
        raise ValidationError(field, msg("'{raw}' is not an e-mail address", raw=raw))
    return raw.lower()


def _refuse_scientific(raw: str, field: str) -> None:
    if _SCIENTIFIC.match(raw):
        raise ValidationError(
            field,
            msg("'{raw}' arrived as a number in scientific notation, so Excel has already dropped digits. Format the "
                "column as Text in the spreadsheet and enter the number again.", raw=raw),
        )


def id_number(value: str, *, field: str = "id_number") -> str:
    """A Chinese resident ID (GB 11643) is checked in full; other documents (passports) are kept
    as written, but never a number Excel turned into scientific notation."""
    from stdnum.cn import ric

    raw = (value or "").strip()
    if not raw:
        return ""
    _refuse_scientific(raw, field)
    compact = raw.replace(" ", "").upper()
    if re.fullmatch(r"\d{17}[\dX]|\d{15}", compact):
        if not ric.is_valid(compact):
            raise ValidationError(field, msg("'{raw}' is not a valid resident ID number (check digit or date)",
                                             raw=raw))
        return compact
    if len(compact) > 32:
        raise ValidationError(field, msg("An ID number has at most 32 characters"))
    return compact


def company_reg(value: str, *, field: str = "company_reg") -> str:
    """A unified social credit code (GB 32100), checked in full."""
    from stdnum.cn import uscc

    raw = (value or "").strip()
    if not raw:
        return ""
    _refuse_scientific(raw, field)
    compact = raw.replace(" ", "").upper()
    if not uscc.is_valid(compact):
        raise ValidationError(field, msg("'{raw}' is not a valid unified social credit code", raw=raw))
    return compact


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, VIN_WEIGHTS, strict=True))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


@dataclass
class VinInfo:
    vin: str
    make: str = ""
    country: str = ""
    model_years: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _check_digit_mandatory(vin: str) -> bool:
    # North America (WMI 1–5) and China (WMI L) use the 49 CFR 565 check digit without exception.
    return vin[0] in "12345L"


def vin(value: str, *, field: str = "vin") -> VinInfo:
    raw = (value or "").strip().upper().replace(" ", "").replace("-", "")
    if not raw:
        raise ValidationError(field, msg("A VIN is required"))
    if len(raw) != 17:
        raise ValidationError(field, msg("A VIN has 17 characters; '{raw}' has {raw2}", raw=raw, raw2=len(raw)))
    bad = sorted({c for c in raw if c not in _VIN_VALUES})
    if bad:
        hint = msg(" (I, O and Q are never used in a VIN)") if set(bad) & set("IOQ") else ""
        raise ValidationError(field, msg("'{raw}' contains {items}{hint}", raw=raw, items=', '.join(bad), hint=hint))
    info = VinInfo(vin=raw)
    expected = vin_check_digit(raw)
    if raw[8] != expected:
        message = msg("The check digit (9th character) of '{raw}' should be {expected}", raw=raw, expected=expected)
        if _check_digit_mandatory(raw):
            raise ValidationError(field, message)
        info.warnings.append(message + " — accepted, as it is not mandatory for this region")
    try:
        from vininfo import Vin

        decoded = Vin(raw)
        info.make = decoded.manufacturer or ""
        info.country = decoded.country or ""
        info.model_years = list(decoded.years or [])
    except Exception as exc:  # noqa: BLE001 - decoding is a nicety; the VIN itself is already valid
        info.warnings.append(msg("Could not decode the VIN: {problem}", problem=str(exc)))
    return info
