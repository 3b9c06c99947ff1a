"""The cash desk: a terminal's day of payments, its closing report, and closing the day.

Expected cash is the opening float plus cash received less cash refunded. Paying with credit held
(``deposit``) moves no money and creates no payment, so it never appears here. Once a day is closed
its figures cannot change. Money taken later on the same calendar day (the desk stays open after the
count) is still dated that day, for the customer and the journal, but counts in the next day's cash:
the next day's report shows it as carried in. Payments dated on a closed day that is over are refused.

The next day opens by itself: a day nobody has opened starts with the cash counted at the last close
as its float, until the cashier sets another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.money import check_amount
from models.base import utcnow
from models.billing import CashDay, Payment
from services import settings
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass(frozen=True)
class DayReport:
    terminal: str
    day: date
    receipts_by_method: dict[str, int]  # method → money received (positive)
    refunds_by_method: dict[str, int]  # method → money paid back (positive)
    receipts_total: int
    refunds_total: int
    payment_count: int  # receipts and refunds
    opening_float: int
    cash_receipts: int
    cash_refunds: int
    expected_cash: int
    closed: bool
    closed_by: str
    closed_at: datetime | None
    counted_cash: int | None  # only once closed
    difference: int | None  # counted − expected, once closed
    notes: str
    carried_in: int = 0  # payments of the day before, taken after it was closed, counted here


def _require_report(actor: Actor) -> None:
    # The cashier who closes and whoever takes payments both need to see the day.
    if not actor.can("cashdesk.close"):
        require(actor, "payment.take")


def _closed_at(conn_or_session, terminal: str, day: date) -> datetime | None:
    return conn_or_session.execute(select(CashDay.closed_at).where(
        CashDay.terminal_code == terminal, CashDay.day == day)).scalar()


def day_payments(conn_or_session, terminal: str, day: date):
    """The condition for the payments whose money counts in ``day``'s cash: dated that day and taken
    before it was closed, or dated the day before and taken after that day was closed."""
    closed = _closed_at(conn_or_session, terminal, day)
    before_closed = _closed_at(conn_or_session, terminal, day - timedelta(days=1))
    own = Payment.paid_on == day
    if closed is not None:
        own = and_(own, Payment.created_at <= closed)
    if before_closed is not None:
        own = or_(own, and_(Payment.paid_on == day - timedelta(days=1), Payment.created_at > before_closed))
    return and_(Payment.terminal_code == terminal, own)


def _carried_in(conn_or_session, terminal: str, day: date) -> int:
    """How many payments of the day before, taken after it was closed, count in ``day``."""
    before_closed = _closed_at(conn_or_session, terminal, day - timedelta(days=1))
    if before_closed is None:
        return 0
    return conn_or_session.execute(select(func.count()).where(
        Payment.terminal_code == terminal, Payment.paid_on == day - timedelta(days=1),
        Payment.created_at > before_closed)).scalar_one()


def _carried_float(conn_or_session, terminal: str, day: date) -> int:
    """The cash counted at the last close before ``day``: the float a day nobody opened starts with."""
    counted = conn_or_session.execute(
        select(CashDay.counted_cash).where(CashDay.terminal_code == terminal, CashDay.day < day,
                                           CashDay.closed_at.is_not(None))
        .order_by(CashDay.day.desc()).limit(1)).scalar()
    return counted or 0


def cash_in_drawer(conn_or_session, terminal: str, day: date) -> int:
    """The cash the drawer of ``terminal`` should hold on ``day`` now: the float plus cash taken
    less cash paid back (the day report's expected cash). Any thread; reads only."""
    return _report(conn_or_session, terminal, day).expected_cash


def _report(conn_or_session, terminal: str, day: date) -> DayReport:
    rows = conn_or_session.execute(
        select(Payment.method, Payment.amount > 0, func.sum(Payment.amount), func.count())
        .where(day_payments(conn_or_session, terminal, day))
        .group_by(Payment.method, Payment.amount > 0)).all()
    receipts: dict[str, int] = {}
    refunds: dict[str, int] = {}
    count = 0
    for method, is_receipt, amount, n in rows:
        count += n
        if is_receipt:
            receipts[method] = int(amount)
        else:
            refunds[method] = -int(amount)
    cash_day = conn_or_session.execute(select(
        CashDay.opening_float, CashDay.expected_cash, CashDay.counted_cash, CashDay.closed_at, CashDay.closed_by,
        CashDay.notes).where(CashDay.terminal_code == terminal, CashDay.day == day)).first()
    opening = cash_day.opening_float if cash_day else _carried_float(conn_or_session, terminal, day)
    cash_in, cash_out = receipts.get("cash", 0), refunds.get("cash", 0)
    closed = cash_day is not None and cash_day.closed_at is not None
    expected = cash_day.expected_cash if closed else opening + cash_in - cash_out
    return DayReport(
        terminal=terminal, day=day, receipts_by_method=dict(sorted(receipts.items())),
        refunds_by_method=dict(sorted(refunds.items())), receipts_total=sum(receipts.values()),
        refunds_total=sum(refunds.values()), payment_count=count, opening_float=opening, cash_receipts=cash_in,
        cash_refunds=cash_out, expected_cash=expected, closed=closed,
        closed_by=cash_day.closed_by if closed else "", closed_at=cash_day.closed_at if closed else None,
        counted_cash=cash_day.counted_cash if closed else None,
        difference=cash_day.counted_cash - expected if closed else None,
        notes=cash_day.notes if cash_day else "", carried_in=_carried_in(conn_or_session, terminal, day))


def day_report(db: Database, actor: Actor, *, day: date, terminal: str | None = None) -> DayReport:
    """The closing report of ``terminal`` (default: this one) for ``day``. Any thread."""
    _require_report(actor)
    with db.read() as conn:
        return _report(conn, terminal or settings.terminal_code(conn), day)


def _open_cash_day(session: Session, actor: Actor, terminal: str, day: date) -> CashDay:
    row = session.execute(select(CashDay).where(CashDay.terminal_code == terminal, CashDay.day == day)
                          ).scalar_one_or_none()
    if row is not None and row.closed_at is not None:
        raise ValidationError("day", msg("The cash desk day {day} of terminal {terminal} is already closed and "
                                         "cannot be changed", day=day.isoformat(), terminal=terminal))
    if row is None:
        row = CashDay(terminal_code=terminal, day=day, opening_float=_carried_float(session, terminal, day))
        session.add(row)
    return row


def set_opening_float_in(uow: UnitOfWork, *, day: date, amount: int, terminal: str | None = None) -> None:
    """Record the cash in the drawer when ``day`` started; refused once the day is closed."""
    actor, session = uow.actor, uow.session
    require(actor, "cashdesk.close")
    if check_amount("opening_float", amount) < 0:
        raise ValidationError("opening_float", msg("The opening float cannot be negative"))
    row = _open_cash_day(session, actor, terminal or settings.terminal_code(session), day)
    row.opening_float = amount


set_opening_float = action(set_opening_float_in)


def close_day_in(uow: UnitOfWork, *, day: date, counted_cash: int, notes: str = "",
              terminal: str | None = None) -> DayReport:
    """Close ``day`` with the cash counted in the drawer: the expected cash and the count are kept,
    their difference shows on the report, and the day's payments can no longer change. Returns the
    closed day's report."""
    actor, session = uow.actor, uow.session
    require(actor, "cashdesk.close")
    if check_amount("counted_cash", counted_cash) < 0:
        raise ValidationError("counted_cash", msg("The counted cash cannot be negative"))
    if day > date.today():
        raise ValidationError("day", msg("A day can be closed once it has started"))
    terminal = terminal or settings.terminal_code(session)
    row = _open_cash_day(session, actor, terminal, day)
    session.flush()
    report = _report(session, terminal, day)
    if counted_cash != report.expected_cash and not notes.strip():
        raise ValidationError("notes", msg("The counted cash differs from the expected cash; explain the "
                                           "difference in a note"))
    row.expected_cash = report.expected_cash
    row.counted_cash = counted_cash
    row.notes = notes.strip()
    row.closed_at = utcnow()
    row.closed_by = actor.username
    session.flush()
    closed = _report(session, terminal, day)
    return closed


close_day = action(close_day_in)
