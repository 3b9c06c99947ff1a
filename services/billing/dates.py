"""The date rules of billing, in one place, so the journal, the statements and the aging can rely on them.

- Nothing is dated in the future: an invoice, credit note, payment, refund or allocation is dated on
  or before today.
- A document is posted on or after the last posted document of its series (document type, terminal
  and year), so numbers follow dates. A back-dated posting needs a reason, which the audit trail keeps.
- A credit note is dated on or after the invoice it credits.
- An allocation is dated on or after both the invoice it settles and the receipt or credit note it
  spends: money cannot settle an invoice before either of them exists.

Together these give one rule for what is open on a day: an invoice issued on or before it, less what
was allocated to it on or before it. A statement's balance at the end of any day then equals the
aging of that day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.errors import ValidationError
from core.messages import msg
from models.billing import Invoice


class BackdateNeedsReason(ValidationError):
    """A posting date before the last posted document of its series, refused because no reason was
    given; ``last`` is that document's date. Given a reason, the same posting goes through."""

    def __init__(self, message: str, *, last: date, on: date) -> None:
        super().__init__("on", message)
        self.last = last
        self.on = on


def not_future(day: date, field: str, what: str) -> date:
    """``day`` itself, or a ValidationError on ``field`` when it is after today."""
    if day > clock.today():
        raise ValidationError(field, msg("{what} cannot be dated in the future ({day})",
                                         what=what, day=day.isoformat()))
    return day


def allocation_floor(invoice: Invoice, source_on: date | None) -> date:
    """The first day an allocation from a source dated ``source_on`` to ``invoice`` may carry."""
    days = [d for d in (invoice.issued_on, source_on) if d is not None]
    return max(days) if days else date.min


def check_allocation(invoice: Invoice, source_on: date | None, on: date, field: str) -> None:
    """Refuse an allocation dated before the invoice or before the money it spends."""
    floor = allocation_floor(invoice, source_on)
    if on < floor:
        raise ValidationError(field, msg("Invoice {number} cannot be settled on {on}: nothing can be allocated "
                                         "before {floor}, the later of the invoice's date and the payment's or "
                                         "credit note's date",
                                         number=invoice.number, on=on.isoformat(), floor=floor.isoformat()))


def last_in_series(session: Session, *, credit_note: bool, terminal: str, year: int) -> date | None:
    """The date of the latest posted document of a series (credit notes or sale invoices of
    ``terminal`` in ``year``), or None when the series is empty."""
    kind = Invoice.kind == "credit_note" if credit_note else Invoice.kind != "credit_note"
    return session.execute(select(func.max(Invoice.issued_on)).where(
        Invoice.status == "posted", kind, Invoice.terminal_code == terminal,
        Invoice.issued_on >= date(year, 1, 1), Invoice.issued_on <= date(year, 12, 31))).scalar()


def check_series_order(session: Session, *, credit_note: bool, terminal: str, on: date,
                       backdate_reason: str) -> date | None:
    """Refuse a posting date before the last posted document of its series unless a reason is given.
    Returns the last date when the posting is back-dated (for the audit trail), otherwise None."""
    last = last_in_series(session, credit_note=credit_note, terminal=terminal, year=on.year)
    if last is None or on >= last:
        return None
    if not backdate_reason.strip():
        what = "credit note" if credit_note else "invoice"
        raise BackdateNeedsReason(msg("The last {what} of this series is dated {last}; posting on {on} would "
                                      "number documents out of date order. Give a reason to back-date it",
                                      what=what, last=last.isoformat(), on=on.isoformat()), last=last, on=on)
    return last
