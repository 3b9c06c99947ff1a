"""The tax and rounding rule (DESIGN §3), in one place.

A line's gross amount is ``quantity × unit price − discount``, rounded half-up to the minor unit.
With tax-inclusive prices the gross is the line total and the net is ``total × 10000 / (10000 +
rate)`` rounded half-up, the tax being the difference; with tax-exclusive prices the gross is the
net and the tax is ``net × rate / 10000`` rounded half-up. An invoice's totals are the sums of its
lines' net, tax and total, so they always equal the sum of the lines exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.money import round_half_up
from core.quantities import QUANTITY_SCALE


@dataclass(frozen=True)
class LineAmounts:
    net: int
    tax: int
    total: int


def line_amounts(*, quantity_milli: int, unit_price: int, discount: int, rate_bp: int,
                 prices_include_tax: bool) -> LineAmounts:
    gross = round_half_up(Decimal(quantity_milli) * unit_price / QUANTITY_SCALE) - discount
    if prices_include_tax:
        total = gross
        net = round_half_up(Decimal(total) * 10000 / (10000 + rate_bp))
        return LineAmounts(net=net, tax=total - net, total=total)
    tax = round_half_up(Decimal(gross) * rate_bp / 10000)
    return LineAmounts(net=gross, tax=tax, total=gross + tax)


def line_cost(*, quantity_milli: int, unit_cost: int) -> int:
    return round_half_up(Decimal(quantity_milli) * unit_cost / QUANTITY_SCALE)
