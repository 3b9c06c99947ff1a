"""The workshop's pure rules, shared by the services and the demo generator: the status flow, what a
labour line costs the customer, and how hours are written."""

from __future__ import annotations

from decimal import Decimal

from core.errors import ValidationError
from core.messages import msg
from core.money import exact_integer, round_half_up
from core.status_words import status_word, word_list
from models.workshop import PAY_TYPES, RO_STATUSES
from services.billing.totals import gross_amount

HOURS_SCALE = 100  # hours are integer hundredths: 1.25 h = 125

# Where a repair order may go next. ``invoiced`` is reached only by closing the repair order into its
# invoices (services/workshop/invoicing.py) and ``closed`` only by handing the car over
# (services/workshop/handover.py), never set by hand.
TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"in_progress", "waiting_parts"}),
    "in_progress": frozenset({"waiting_parts", "quality_check"}),
    "waiting_parts": frozenset({"in_progress"}),
    "quality_check": frozenset({"in_progress", "completed"}),
    "completed": frozenset({"in_progress"}),
    "invoiced": frozenset({"closed"}),
    "closed": frozenset(),
}
# Jobs and lines may change until the work is completed.
EDITABLE = frozenset({"open", "in_progress", "waiting_parts", "quality_check"})
# Technicians may clock on while the work goes on.
CLOCKABLE = frozenset({"open", "in_progress", "waiting_parts", "quality_check"})



def check_transition(current: str, new: str) -> None:
    """Refuse a move of a repair order from ``current`` to ``new`` that the flow does not allow,
    naming the field ``status``."""
    if new not in RO_STATUSES:
        raise ValidationError("status", msg("Status must be one of {items}", items=', '.join(RO_STATUSES)))
    if new == "invoiced":
        raise ValidationError("status", msg("A repair order becomes invoiced only by closing it into its invoices"))
    if new == "closed" and current == "invoiced":
        raise ValidationError("status", msg("A repair order is closed by handing the car over, which records the "
                                            "mileage out and the next service due"))
    if new not in TRANSITIONS[current]:
        allowed = word_list(s for s in RO_STATUSES if s in TRANSITIONS[current])
        raise ValidationError("status", msg("A repair order that is {from_status} cannot become {to_status} (it can "
                                            "go to: {allowed})",
                                            from_status=status_word(current), to_status=status_word(new),
                                            allowed=allowed))


def check_pay_type(field: str, pay_type: str, *, required: bool = False) -> str:
    pay_type = (pay_type or "").strip().lower()
    if not pay_type and not required:
        return ""
    if pay_type not in PAY_TYPES:
        raise ValidationError(field, msg("Pay type must be one of {items}", items=', '.join(PAY_TYPES)))
    return pay_type


def labour_amount(hours: int, hourly_rate: int) -> int:
    """What ``hours`` (hundredths) at ``hourly_rate`` (minor units an hour) come to, rounded half-up
    to the minor unit — the same as an invoice line of ``hours`` × 10 thousandths at that price."""
    return round_half_up(Decimal(hours) * hourly_rate / HOURS_SCALE)


MAX_HOURS = 1000 * HOURS_SCALE


def check_hours(field: str, value: object) -> int:
    """Hours in hundredths, a whole number from 0 to 1,000 hours; a refusal speaks hours."""
    value = exact_integer(field, value, unit="hundredths of an hour")
    if value < 0:
        raise ValidationError(field, msg("must be at least {minimum} h", minimum=hours_text(0)))
    if value > MAX_HOURS:
        raise ValidationError(field, msg("must be at most {maximum} h", maximum=hours_text(MAX_HOURS)))
    return value


def hours_text(hours: int) -> str:
    return f"{(Decimal(hours) / HOURS_SCALE).normalize():f}"


def hours_to_quantity(hours: int) -> int:
    """Hundredths of an hour as an invoice quantity (thousandths)."""
    return hours * 10


# A repair order's work is done from here on: its parts lines are charged for what was used.
WORK_DONE = frozenset({"completed", "invoiced", "closed"})


def part_charge(*, quantity: int, issued: int, returned: int, unit_price: int, menu_discount: int,
                work_done: bool) -> tuple[int, int, int]:
    """What a parts line is charged: ``(quantity, gross, discount)``. The parts issued less returned
    once any was issued or the work is done (what the invoice will carry); the planned quantity
    while nothing was issued and the work goes on (an estimate). A package's part not wholly used
    keeps the share of its discount that was used."""
    charged = issued - returned if (issued or work_done) else quantity
    if charged <= 0:
        return 0, 0, 0
    gross = gross_amount(quantity_milli=charged, unit_price=unit_price)
    discount = menu_discount if charged >= quantity else menu_discount * charged // quantity if quantity else 0
    return charged, gross, min(discount, gross)
