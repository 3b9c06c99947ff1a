"""Quantities are exact integers in thousandths of a unit (2 pieces = 2000, 1.5 litres = 1500)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from core.errors import ValidationError
from core.messages import msg
from core.money import exact_integer

QUANTITY_SCALE = 1000


def check_quantity(field: str, value: object, *, minimum: int | None = None) -> int:
    """A quantity in thousandths, checked by :func:`core.money.exact_integer`."""
    return exact_integer(field, value, unit="thousandths", minimum=minimum)


def quantity_from_text(text: str) -> int:
    """'2' → 2000, '1.5' → 1500; at most three decimals."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValidationError("quantity", msg("'{text}' is not a number", text=text)) from None
    scaled = value * QUANTITY_SCALE
    if not value.is_finite() or scaled != scaled.to_integral_value():
        raise ValidationError("quantity", msg("'{text}' has more than three decimal places", text=text))
    return check_quantity("quantity", int(scaled))


def plain_decimal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (10, not 1E+1: a file's cell)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value


def quantity_decimal(quantity_milli: int) -> Decimal:
    """Thousandths as the decimal quantity a file shows: 2000 → 2, 1500 → 1.5, 10000 → 10."""
    return plain_decimal(Decimal(quantity_milli) / QUANTITY_SCALE)


def quantity_text(quantity_milli: int) -> str:
    value = Decimal(quantity_milli) / QUANTITY_SCALE
    return f"{value.normalize():f}"


class InsufficientStock(ValidationError):
    """A movement would take a part's stock below zero (or a reservation beyond what is available).
    Quantities are thousandths; the message shows them as typed."""

    def __init__(self, part_id: str, part_number: str, *, available: int, requested: int,
                 reserved: int = 0) -> None:
        if reserved > 0:
            text = msg("Not enough stock of {part_number}: {available} available ({reserved} reserved for others), "
                       "{requested} needed", part_number=part_number, available=quantity_text(available),
                       reserved=quantity_text(reserved), requested=quantity_text(requested))
        else:
            text = msg("Not enough stock of {part_number}: {available} available, {requested} needed",
                       part_number=part_number, available=quantity_text(available), requested=quantity_text(requested))
        super().__init__("quantity", text)
        self.part_id = part_id
        self.part_number = part_number
        self.available = available
        self.requested = requested
