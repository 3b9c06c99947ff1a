"""Money: integer minor units everywhere; Decimal only at the edges (parsing, rates, display).

Rounding rule (DESIGN §3): half-up to the minor unit, applied per line.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.errors import ValidationError
from core.messages import msg

# ISO 4217 minor-unit digits and display symbols for the currencies a dealership is likely to use.
CURRENCIES: dict[str, tuple[int, str]] = {
    "CNY": (2, "¥"), "HKD": (2, "HK$"), "MOP": (2, "MOP$"), "TWD": (2, "NT$"), "USD": (2, "$"),
    "EUR": (2, "€"), "GBP": (2, "£"), "AUD": (2, "A$"), "NZD": (2, "NZ$"), "CAD": (2, "C$"),
    "SGD": (2, "S$"), "MYR": (2, "RM"), "THB": (2, "฿"), "JPY": (0, "¥"), "KRW": (0, "₩"),
    "CHF": (2, "CHF "), "AED": (2, "AED "), "ZAR": (2, "R"), "KWD": (3, "KD "),
}


# The largest integer SQLite stores; an amount, quantity or rate beyond it cannot be kept exactly.
STORABLE_MAX = 2**63 - 1


def exact_integer(field: str, value: object, *, unit: str, minimum: int | None = None,
                  maximum: int | None = None) -> int:
    """``value`` if it is an exact whole number of ``unit`` that SQLite can store (and within
    ``minimum``–``maximum`` when given); otherwise :class:`ValidationError` naming ``field``. A float
    (0.0015), a bool or a number beyond 2^63−1 is refused rather than rounded or overflowed."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, msg("'{value}' is not a whole number of {unit}", value=value, unit=unit))
    if not -STORABLE_MAX <= value <= STORABLE_MAX:
        raise ValidationError(field, msg("{value} is too large to be stored", value=value))
    if minimum == 0 and value < 0:  # said as a person says it, not in the stored unit
        raise ValidationError(field, msg("cannot be negative"))
    if minimum is not None and value < minimum:
        raise ValidationError(field, msg("must be at least {minimum} {unit}", minimum=minimum, unit=unit))
    if maximum is not None and value > maximum:
        raise ValidationError(field, msg("must be at most {maximum} {unit}", maximum=maximum, unit=unit))
    return value


def check_amount(field: str, value: object, *, minimum: int | None = None) -> int:
    """An amount of money in minor units, checked by :func:`exact_integer`."""
    return exact_integer(field, value, unit="minor units", minimum=minimum)


def check_rate_bp(field: str, value: object) -> int:
    """A tax rate in basis points, 0 to 10000 (100 %), checked by :func:`exact_integer`."""
    return exact_integer(field, value, unit="basis points", minimum=0, maximum=10_000)


def digits(currency: str) -> int:
    return CURRENCIES.get(currency, (2, ""))[0]


def round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Commas as thousands separators, in groups of three (1,234.50); any other comma is refused.
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Exact conversion of a decimal amount to minor units; more decimals than the currency has
    are refused rather than silently rounded."""
    text = str(amount).strip()
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValidationError("amount", msg("'{amount}' is not a number", amount=amount)) from exc
    if "," in text and not _THOUSANDS.match(text):
        # "1,5" may be one and a half written with a decimal comma: never read it as 15.
        raise ValidationError("amount", msg("'{text}' has a comma where a point may be meant: write the decimal "
                                            "mark as a point (1.5, not 1,5)", text=text))
    if not value.is_finite():
        raise ValidationError("amount", msg("'{amount}' is not a number", amount=amount))
    scaled = value.scaleb(digits(currency))
    if scaled != scaled.to_integral_value():
        raise ValidationError("amount", msg("'{amount}' has more than {currency} decimal places",
                                            amount=amount, currency=digits(currency)))
    return check_amount("amount", int(scaled))


def from_minor(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-digits(currency))


def format_money(minor: int, currency: str, *, symbol: bool = True) -> str:
    """``¥1,234.50``; negative amounts as ``-¥1,234.50``."""
    d = digits(currency)
    value = from_minor(abs(minor), currency)
    text = f"{value:,.{d}f}"
    sign = "-" if minor < 0 else ""
    prefix = CURRENCIES.get(currency, (2, currency + " "))[1] if symbol else ""
    return f"{sign}{prefix}{text}"


def parse_rate_percent(text: str) -> int:
    """'13', '13%', '6.5' → basis points (1300, 650)."""
    raw = str(text).strip().rstrip("%").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValidationError("rate", msg("'{text}' is not a percentage", text=text)) from exc
    bp = value * 100
    if bp != bp.to_integral_value() or not (0 <= bp <= 10000):
        raise ValidationError("rate", msg("'{text}' must be between 0 and 100 with at most two decimals", text=text))
    return int(bp)


def format_rate(rate_bp: int) -> str:
    return f"{Decimal(rate_bp) / 100:.2f}".rstrip("0").rstrip(".") + "%"
