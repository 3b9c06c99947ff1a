"""The costing rule of the stock ledger (DESIGN §4), in one place: the moving weighted average per part.

Stock coming in at a cost (a receipt, a return at the cost it went out at, stock found at the
average) re-averages: ``avg = (on_hand × avg + qty × cost) / (on_hand + qty)``, rounded half-up to
the minor unit; when nothing (or less than nothing) is on hand the new average is simply the incoming
cost. Stock going out (issues, counter sales, negative adjustments and count variances) goes out at
the average of that moment and leaves the average as it is.

Pure functions of plain integers: :func:`services.parts.stock.record_movement` costs every movement
with them, and so does the demo ledger (``demo.parts``), which writes millions of movements.
"""

from __future__ import annotations

from typing import NamedTuple


class Costed(NamedTuple):
    """What a movement is costed at, and the part's average cost after it."""

    unit_cost: int
    average_cost: int


def new_average(on_hand: int, average: int, quantity: int, cost: int) -> int:
    """The moving average after ``quantity`` (> 0) comes in at ``cost`` onto ``on_hand`` at ``average``."""
    if on_hand <= 0:
        return cost
    total = on_hand + quantity
    value = on_hand * average + quantity * cost
    # Half-up (away from zero, as core.money.round_half_up) of value / total, exactly, in integers.
    whole, rest = divmod(abs(value), total)
    if 2 * rest >= total:
        whole += 1
    return whole if value >= 0 else -whole


def cost_movement(*, on_hand: int, average: int, quantity: int, unit_cost: int | None = None) -> Costed:
    """Cost a movement of ``quantity`` (signed thousandths, not zero) of a part with ``on_hand`` at
    ``average``. Stock coming in comes at ``unit_cost``, or at the average when none is given, and
    re-averages; stock going out goes at the average whatever ``unit_cost`` says."""
    if quantity > 0:
        cost = average if unit_cost is None else unit_cost
        return Costed(cost, new_average(on_hand, average, quantity, cost))
    return Costed(average, average)
