"""The tax and rounding rule (DESIGN §3), in one place.

A line's gross amount is ``quantity × unit price − discount``, rounded half-up to the minor unit.
With tax-inclusive prices the gross is the line total and the net is ``total × 10000 / (10000 +
rate)`` rounded half-up, the tax being the difference; with tax-exclusive prices the gross is the
net and the tax is ``net × rate / 10000`` rounded half-up. An invoice's totals are the sums of its
lines' net, tax, total and cost, so they always equal the sum of the lines exactly.

A discount typed as a percentage becomes an amount: ``gross × rate / 10000`` rounded half-up (per
line, of the line's gross amount). A discount on the whole invoice (an amount, or a percentage of
the lines' gross amounts less their own discounts, rounded the same way) is shared over the lines in
proportion to what each is worth after its own discount: each share is rounded down and the minor
units left over go one each to the lines with the largest remainders (the earlier line first on a
tie), so the shares add up to the invoice's discount exactly and never exceed a line.

A credit note takes back part of a line at the line's own prices: the first ``q`` of a line is worth
the line's amounts for quantity ``q`` with the discount shared in proportion to the gross amount (the
whole quantity is worth exactly the line), and crediting ``q`` more of a line of which ``c`` was
credited before takes ``share(c + q) − share(c)``, so partial credits always add up to the line.

Pure functions of plain integers: the billing services apply them, and so does the demo history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

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


def percent_of(amount: int, rate_bp: int) -> int:
    """``rate_bp`` (basis points) of ``amount``, rounded half-up: a discount typed as a percentage."""
    return round_half_up(Decimal(amount) * rate_bp / 10000)


def gross_amount(*, quantity_milli: int, unit_price: int) -> int:
    """``quantity × unit price`` rounded half-up, before any discount."""
    return round_half_up(Decimal(quantity_milli) * unit_price / QUANTITY_SCALE)


def shares(amount: int, weights: list[int]) -> list[int]:
    """``amount`` shared in proportion to ``weights`` (non-negative): shares rounded down, the rest
    one unit each to the largest remainders, earlier first on a tie; they add up to ``amount``."""
    whole = sum(weights)
    if whole <= 0 or amount == 0:
        return [0] * len(weights)
    floors = [amount * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % whole), i))
    for i in order[:amount - sum(floors)]:
        floors[i] += 1
    return floors


def line_cost(*, quantity_milli: int, unit_cost: int) -> int:
    return round_half_up(Decimal(quantity_milli) * unit_cost / QUANTITY_SCALE)


@dataclass(frozen=True)
class InvoiceTotals:
    net: int
    tax: int
    total: int
    cost: int


def invoice_totals(lines: Iterable[tuple[int, int, int, int]]) -> InvoiceTotals:
    """An invoice's totals from its lines' ``(net, tax, total, cost)``: their sums."""
    net = tax = total = cost = 0
    for line_net, line_tax, line_total, line_cost_ in lines:
        net, tax, total, cost = net + line_net, tax + line_tax, total + line_total, cost + line_cost_
    return InvoiceTotals(net=net, tax=tax, total=total, cost=cost)


class CreditableLine(Protocol):
    """What crediting reads of an invoice line (an ORM line, a row, or :class:`LineFigures`)."""

    quantity_milli: int
    unit_price: int
    discount: int
    tax_rate_bp: int
    unit_cost: int
    net: int
    tax: int
    total: int


@dataclass(frozen=True)
class LineFigures:
    quantity_milli: int
    unit_price: int
    discount: int
    tax_rate_bp: int
    unit_cost: int
    net: int
    tax: int
    total: int


@dataclass(frozen=True)
class CreditAmounts:
    """What a credit note line takes back: its discount, net, tax, total and cost."""

    discount: int
    net: int
    tax: int
    total: int
    cost: int


def credited_share(line: CreditableLine, quantity_milli: int, *, prices_include_tax: bool) -> CreditAmounts:
    """What the first ``quantity_milli`` of ``line`` is worth. The discount is shared in proportion
    to the gross amount, so the share only grows with the quantity, and the whole quantity is worth
    exactly the line's own amounts."""
    if quantity_milli == line.quantity_milli:
        return CreditAmounts(discount=line.discount, net=line.net, tax=line.tax, total=line.total,
                             cost=line_cost(quantity_milli=quantity_milli, unit_cost=line.unit_cost))
    full = line_amounts(quantity_milli=line.quantity_milli, unit_price=line.unit_price, discount=0, rate_bp=0,
                        prices_include_tax=False).total
    gross = line_amounts(quantity_milli=quantity_milli, unit_price=line.unit_price, discount=0, rate_bp=0,
                         prices_include_tax=False).total
    discount = round_half_up(Decimal(line.discount) * gross / full) if full else 0
    a = line_amounts(quantity_milli=quantity_milli, unit_price=line.unit_price, discount=discount,
                     rate_bp=line.tax_rate_bp, prices_include_tax=prices_include_tax)
    return CreditAmounts(discount=discount, net=a.net, tax=a.tax, total=a.total,
                         cost=line_cost(quantity_milli=quantity_milli, unit_cost=line.unit_cost))


def credit_amounts(line: CreditableLine, *, credited_before: int, quantity_milli: int,
                   prices_include_tax: bool) -> CreditAmounts:
    """What crediting ``quantity_milli`` more of ``line``, of which ``credited_before`` was credited
    already, takes back: ``share(credited_before + quantity) − share(credited_before)``."""
    upto = credited_share(line, credited_before + quantity_milli, prices_include_tax=prices_include_tax)
    before = credited_share(line, credited_before, prices_include_tax=prices_include_tax)
    return CreditAmounts(discount=upto.discount - before.discount, net=upto.net - before.net,
                         tax=upto.tax - before.tax, total=upto.total - before.total, cost=upto.cost - before.cost)
