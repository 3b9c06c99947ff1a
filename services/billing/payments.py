"""Payments: money in (split over methods, allocated to one or several invoices), credit held for a
customer (over-payments, deposits against an order, credit notes not yet used), and refunds.

Payments are append-only (DESIGN §4). An invoice's balance is its total less everything allocated to
it; a customer's credit is what they have paid or been credited and not yet allocated, less what was
refunded to them. Paying "with deposit" spends that credit: it allocates existing receipts and credit
notes to the invoice and takes no new money, so the cash desk never counts it twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, format_money
from models.billing import PAYMENT_METHODS, Allocation, CashDay, Invoice, Payment
from models.crm import Customer
from services import settings
from services.billing import cashdesk, dates, methods
from services.billing.invoices import balance
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

CREDIT_METHOD = "deposit"  # paying with credit the customer already holds
MONEY_METHODS = tuple(m for m in PAYMENT_METHODS if m != CREDIT_METHOD)


@dataclass
class PaymentSplit:
    """One part of a payment. For ``method="deposit"`` the ``reference`` may name the order the
    deposit was held for (``held_for``) or the credit note to spend; empty spends the oldest credit."""

    method: str
    amount: int
    reference: str = ""


@dataclass(frozen=True)
class CreditSource:
    """Credit a customer holds: the unallocated rest of a receipt or of a credit note."""

    kind: str  # "payment" | "credit_note"
    id: str
    on: date
    method: str  # the receipt's method; "credit_note" for a credit note
    reference: str  # the receipt's reference, or the credit note's number
    held_for: str
    amount: int  # the receipt's or credit note's full amount
    remaining: int


@dataclass(frozen=True)
class PaymentRow:
    id: str
    paid_on: date
    method: str
    amount: int  # negative for a refund
    customer_id: str
    customer_name: str
    reference: str
    held_for: str
    refund_of_id: str | None
    terminal_code: str
    notes: str
    allocated: int
    allocated_to: list[str]  # invoice numbers


# --- reading --------------------------------------------------------------------------------------

def customer_credit(conn_or_session, customer_id: str, *, on: date | None = None) -> int:
    """Unallocated receipts + unallocated credit notes − refunds, in minor units; with ``on``, only
    what is dated on or before that day counts. Any thread, on any connection or session."""
    pay_where = [Payment.customer_id == customer_id]
    note_where = [Invoice.customer_id == customer_id, Invoice.kind == "credit_note", Invoice.status == "posted"]
    alloc_where = []
    if on is not None:
        pay_where.append(Payment.paid_on <= on)
        note_where.append(Invoice.issued_on <= on)
        alloc_where.append(Allocation.allocated_on <= on)
    paid = conn_or_session.execute(select(func.coalesce(func.sum(Payment.amount), 0))
                                   .where(*pay_where)).scalar_one()
    paid_out = conn_or_session.execute(
        select(func.coalesce(func.sum(Allocation.amount), 0)).join(Payment, Payment.id == Allocation.payment_id)
        .where(Payment.customer_id == customer_id, *alloc_where)).scalar_one()
    credited = conn_or_session.execute(
        select(func.coalesce(func.sum(Invoice.total), 0)).where(*note_where)).scalar_one()
    credited_out = conn_or_session.execute(
        select(func.coalesce(func.sum(Allocation.amount), 0)).join(Invoice, Invoice.id == Allocation.credit_note_id)
        .where(Invoice.customer_id == customer_id, *alloc_where)).scalar_one()
    return paid - paid_out + credited - credited_out


def _credit_sources(conn_or_session, customer_id: str) -> list[CreditSource]:
    """Receipts and credit notes with something left to allocate, oldest first. A refund tied to a
    receipt (``refund_of_id``) uses up that receipt's rest."""
    mine = select(Payment.id).where(Payment.customer_id == customer_id)
    allocated = (select(Allocation.payment_id, func.sum(Allocation.amount).label("amount"))
                 .where(Allocation.payment_id.in_(mine)).group_by(Allocation.payment_id).subquery())
    refunded = (select(Payment.refund_of_id, func.sum(-Payment.amount).label("amount"))
                .where(Payment.refund_of_id.is_not(None), Payment.customer_id == customer_id)
                .group_by(Payment.refund_of_id).subquery())
    receipts = conn_or_session.execute(
        select(Payment.id, Payment.paid_on, Payment.method, Payment.reference, Payment.held_for, Payment.amount,
               Payment.created_at, func.coalesce(allocated.c.amount, 0), func.coalesce(refunded.c.amount, 0))
        .outerjoin(allocated, allocated.c.payment_id == Payment.id)
        .outerjoin(refunded, refunded.c.refund_of_id == Payment.id)
        .where(Payment.customer_id == customer_id, Payment.amount > 0)).all()
    my_notes = select(Invoice.id).where(Invoice.customer_id == customer_id, Invoice.kind == "credit_note")
    used = (select(Allocation.credit_note_id, func.sum(Allocation.amount).label("amount"))
            .where(Allocation.credit_note_id.in_(my_notes)).group_by(Allocation.credit_note_id).subquery())
    notes = conn_or_session.execute(
        select(Invoice.id, Invoice.issued_on, Invoice.number, Invoice.total, Invoice.created_at,
               func.coalesce(used.c.amount, 0))
        .outerjoin(used, used.c.credit_note_id == Invoice.id)
        .where(Invoice.customer_id == customer_id, Invoice.kind == "credit_note", Invoice.status == "posted")).all()
    keyed = [((r.paid_on, r[6]), CreditSource("payment", r.id, r.paid_on, r.method, r.reference, r.held_for,
                                               r.amount, r.amount - r[7] - r[8])) for r in receipts]
    keyed += [((r.issued_on, r.created_at), CreditSource("credit_note", r.id, r.issued_on, "credit_note",
                                                          r.number or "", "", r.total, r.total - r[5]))
              for r in notes]
    return [source for _key, source in sorted(keyed, key=lambda kv: kv[0]) if source.remaining > 0]


def spendable_credit(conn_or_session, customer_id: str, *, on: date) -> int:
    """What a customer may spend of their credit on a payment dated ``on``: the rest of the receipts
    and credit notes dated on or before it, never more than their credit on that day nor than their
    credit now (a refund not tied to a receipt lowers the whole without lowering any one receipt).
    The one rule both :func:`take_payment` and the payment screen use. Any thread."""
    sources = sum(s.remaining for s in _credit_sources(conn_or_session, customer_id) if s.on <= on)
    return max(0, min(sources, customer_credit(conn_or_session, customer_id),
                      customer_credit(conn_or_session, customer_id, on=on)))


def credit_available(db: Database, actor: Actor, customer_id: str, *, on: date | None = None) -> int:
    """:func:`spendable_credit` for a payment dated ``on`` (default today). Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        return spendable_credit(conn, customer_id, on=on or date.today())


def refundable_credit(conn_or_session, customer_id: str, *, on: date, refund_of_id: str | None = None) -> int:
    """What may be paid back to a customer by a refund dated ``on``: their credit now and on that day
    (credit received later cannot be paid back before it arrived), and with ``refund_of_id`` no more
    than what is left of that receipt, which must be dated on or before ``on``. The one rule both
    :func:`refund` and the refund screen use. Any thread."""
    left = min(customer_credit(conn_or_session, customer_id), customer_credit(conn_or_session, customer_id, on=on))
    if refund_of_id is not None:
        source = next((s for s in _credit_sources(conn_or_session, customer_id) if s.id == refund_of_id), None)
        left = min(left, source.remaining if source is not None and source.on <= on else 0)
    return max(0, left)


def refund_available(db: Database, actor: Actor, customer_id: str, *, on: date | None = None,
                     refund_of_id: str | None = None) -> int:
    """:func:`refundable_credit` for a refund dated ``on`` (default today). Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        return refundable_credit(conn, customer_id, on=on or date.today(), refund_of_id=refund_of_id)


def credit_sources(db: Database, actor: Actor, customer_id: str, *, held_for: str | None = None) -> list[CreditSource]:
    """The customer's credit, source by source (oldest first); ``held_for`` keeps only deposits held
    for that order. Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        sources = _credit_sources(conn, customer_id)
    if held_for is not None:
        sources = [s for s in sources if s.held_for == held_for.strip()]
    return sources


def payments(db: Database, actor: Actor, *, customer_id: str | None = None, day: date | None = None,
             terminal: str | None = None) -> list[PaymentRow]:
    """Payments and refunds, oldest first, optionally for one customer, day or terminal. Any thread."""
    require(actor, "invoice.view")
    # The customer as their record names them now (the journal names a payment as it was taken).
    query = (select(Payment.__table__, Customer.name.label("payer_name"))
             .join(Customer, Customer.id == Payment.customer_id).order_by(Payment.paid_on, Payment.created_at))
    if customer_id is not None:
        query = query.where(Payment.customer_id == customer_id)
    if day is not None:
        query = query.where(Payment.paid_on == day)
    if terminal is not None:
        query = query.where(Payment.terminal_code == terminal)
    with db.read() as conn:
        rows = conn.execute(query).mappings().all()
        ids = [r["id"] for r in rows]
        targets: dict[str, list[tuple[str, int]]] = {}
        if ids:
            for payment_id, number, amount in conn.execute(
                    select(Allocation.payment_id, Invoice.number, Allocation.amount)
                    .join(Invoice, Invoice.id == Allocation.invoice_id)
                    .where(Allocation.payment_id.in_(ids)).order_by(Allocation.created_at)):
                targets.setdefault(payment_id, []).append((number or "", amount))
    return [PaymentRow(
        id=r["id"], paid_on=r["paid_on"], method=r["method"], amount=r["amount"], customer_id=r["customer_id"],
        customer_name=r["payer_name"], reference=r["reference"], held_for=r["held_for"],
        refund_of_id=r["refund_of_id"], terminal_code=r["terminal_code"], notes=r["notes"],
        allocated=sum(a for _n, a in targets.get(r["id"], [])),
        allocated_to=[n for n, _a in targets.get(r["id"], [])]) for r in rows]


def payment(db: Database, actor: Actor, payment_id: str) -> PaymentRow:
    """One payment or refund. Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        customer_id = conn.execute(select(Payment.customer_id).where(Payment.id == payment_id)).scalar()
    if customer_id is None:
        raise NotFound("The payment no longer exists")
    return next(r for r in payments(db, actor, customer_id=customer_id) if r.id == payment_id)


# --- checks ---------------------------------------------------------------------------------------

def _customer(session: Session, customer_id: str) -> Customer:
    customer = session.get(Customer, customer_id) if customer_id else None
    if customer is None:
        raise ValidationError("customer_id", msg("Choose the customer who pays"))
    return customer


def _check_day_open(session: Session, terminal: str, day: date) -> None:
    """A closed day that is over takes no more payments; money taken later on the day that was closed
    counts in the next day's cash (services/billing/cashdesk.py)."""
    closed = session.execute(select(CashDay.closed_at).where(
        CashDay.terminal_code == terminal, CashDay.day == day)).scalar()
    if closed is not None and day != clock.today():
        raise ValidationError("paid_on", msg("The cash desk day {day} of terminal {terminal} is closed; record the "
                                             "payment on an open day", day=day.isoformat(), terminal=terminal))


def _money(session: Session, minor: int) -> str:
    return format_money(minor, settings.load(session).currency)


def _payable_invoice(session: Session, key: str, customer_id: str, field: str) -> Invoice:
    invoice = session.execute(select(Invoice).where(Invoice.number == key)).scalar_one_or_none()
    if invoice is None:
        invoice = session.get(Invoice, key)
    if invoice is None:
        raise ValidationError(field, msg("Invoice {key} is not known", key=key))
    if invoice.status != "posted":
        raise ValidationError(field, msg("A draft invoice cannot be paid; post it first"))
    if invoice.kind == "credit_note":
        raise ValidationError(field, msg("{number} is a credit note; it cannot be paid", number=invoice.number))
    if invoice.customer_id != customer_id:
        raise ValidationError(field, msg("Invoice {number} belongs to another customer", number=invoice.number))
    return invoice


def _spend_plan(sources: Iterable[CreditSource], amount: int) -> list[tuple[CreditSource, int]]:
    plan = []
    for source in sources:
        take = min(source.remaining, amount)
        if take > 0:
            plan.append((source, take))
            amount -= take
    return plan


def _allocation(source: CreditSource | Payment, invoice: Invoice, amount: int, on: date, actor: Actor) -> Allocation:
    is_note = isinstance(source, CreditSource) and source.kind == "credit_note"
    return Allocation(invoice_id=invoice.id, payment_id=None if is_note else source.id,
                      credit_note_id=source.id if is_note else None, amount=amount, allocated_on=on)


# --- taking money ---------------------------------------------------------------------------------

def take_payment_in(uow: UnitOfWork, *, customer_id: str, splits: list[PaymentSplit],
                 allocations: dict[str, int] | None = None, hold_excess: bool = False, held_for: str = "",
                 on: date | None = None, notes: str = "") -> list[str]:
    """Take a payment from a customer, split over one or more methods, and allocate it to their
    posted invoices (``allocations``: invoice number → amount, in the order given). What is received
    beyond the allocations is refused unless ``hold_excess`` (or ``held_for``, an order reference
    for a deposit) keeps it as the customer's credit. A ``deposit`` split spends credit the customer
    already holds and must be fully allocated. All or nothing; returns the ids of the new payments
    (one per money split)."""
    actor, session = uow.actor, uow.session
    require(actor, "payment.take")
    allocations = dict(allocations or {})
    held_for = held_for.strip()
    hold = hold_excess or bool(held_for)
    paid_on = dates.not_future(on or date.today(), "on", "A payment")
    if not splits:
        raise ValidationError("splits", msg("Enter at least one amount and method"))
    if len(held_for) > 80:
        raise ValidationError("held_for", msg("An order reference is at most 80 characters"))
    offered = methods.active_codes(session)
    for i, split in enumerate(splits, start=1):
        if split.method != CREDIT_METHOD and split.method not in offered:
            raise ValidationError(f"splits[{i}].method", msg("The method must be one of {items}",
                                                             items=', '.join(offered)))
        if check_amount(f"splits[{i}].amount", split.amount) <= 0:
            raise ValidationError(f"splits[{i}].amount", msg("An amount must be more than zero"))
        if len(split.reference.strip()) > 80:
            raise ValidationError(f"splits[{i}].reference", msg("A reference is at most 80 characters"))
    for key, amount in allocations.items():
        if check_amount(f"allocations[{key}]", amount) <= 0:
            raise ValidationError(f"allocations[{key}]", msg("An allocated amount must be more than zero"))

    payer = _customer(session, customer_id)
    terminal = settings.terminal_code(session)
    _check_day_open(session, terminal, paid_on)

    targets: list[tuple[Invoice, int]] = []
    for key, amount in allocations.items():
        invoice = _payable_invoice(session, key, customer_id, f"allocations[{key}]")
        if any(invoice is seen for seen, _amount in targets):
            raise ValidationError(f"allocations[{key}]", msg("Invoice {number} is listed twice", number=invoice.number))
        dates.check_allocation(invoice, paid_on, paid_on, f"allocations[{key}]")
        open_amount = balance(session, invoice.id)
        if amount > open_amount:
            raise ValidationError(f"allocations[{key}]", msg("Only {session} is open on invoice {number}",
                                                             session=_money(session, open_amount),
                                                             number=invoice.number))
        targets.append((invoice, amount))
    allocated = sum(amount for _inv, amount in targets)
    received = sum(s.amount for s in splits)
    if allocated > received:
        raise ValidationError("allocations", msg("More is allocated than received"))
    if received > allocated and not hold:
        raise ValidationError("amount", msg("The payment ({session}) is more than the open balance allocated "
                                            "({session2}); choose to hold the excess as credit",
                                            session=_money(session, received), session2=_money(session, allocated)))

    # Credit already held is spent first, then new money in the order of the splits.
    spent_credit = sum(s.amount for s in splits if s.method == CREDIT_METHOD)
    if spent_credit > allocated:
        index = next(i for i, s in enumerate(splits, start=1) if s.method == CREDIT_METHOD)
        raise ValidationError(f"splits[{index}].amount", msg("Paying with credit only settles invoices; the rest is "
                                                             "still held for the customer"))
    available = spendable_credit(session, customer_id, on=paid_on)
    if spent_credit > available:
        index = next(i for i, s in enumerate(splits, start=1) if s.method == CREDIT_METHOD)
        raise ValidationError(f"splits[{index}].amount",
                              msg("The customer holds only {amount} in credit on {day}",
                                  amount=_money(session, available), day=paid_on.isoformat()))
    sources = _credit_sources(session, customer_id)
    pieces: list[tuple[CreditSource | Payment, int]] = []
    for i, split in enumerate(splits, start=1):
        if split.method != CREDIT_METHOD:
            continue
        ref = split.reference.strip()
        pool = [s for s in sources if s.held_for == ref or (s.kind == "credit_note" and s.reference == ref)
                ] if ref else sources
        if sum(s.remaining for s in pool) < split.amount:
            raise ValidationError(f"splits[{i}].reference" if ref else f"splits[{i}].amount",
                                  msg("Not enough credit is held for {reference}", reference=ref) if ref
                                  else msg("Not enough credit is held"))
        # Credit received after the payment's date cannot settle anything on that date.
        pool = [s for s in pool if s.on <= paid_on]
        if sum(s.remaining for s in pool) < split.amount:
            raise ValidationError(f"splits[{i}].amount", msg("Not enough credit is held on {paid_on}",
                                                             paid_on=paid_on.isoformat()))
        plan = _spend_plan(pool, split.amount)
        pieces.extend(plan)
        spent = {s.id: take for s, take in plan}
        sources = [replace(s, remaining=s.remaining - spent.get(s.id, 0)) for s in sources]

    created: list[str] = []
    for split in splits:
        if split.method == CREDIT_METHOD:
            continue
        payment = Payment(paid_on=paid_on, method=split.method, amount=split.amount, customer_id=customer_id,
                          customer_name=payer.name, reference=split.reference.strip(), held_for=held_for,
                          terminal_code=terminal, notes=notes.strip())
        session.add(payment)
        session.flush()
        created.append(payment.id)
        pieces.append((payment, split.amount))

    queue = list(targets)
    for source, amount in pieces:
        while amount > 0 and queue:
            invoice, owed = queue[0]
            take = min(amount, owed)
            session.add(_allocation(source, invoice, take, paid_on, actor))
            amount -= take
            queue[0] = (invoice, owed - take)
            if queue[0][1] == 0:
                queue.pop(0)
    session.flush()
    return created


take_payment = action(take_payment_in)


def allocate_in(uow: UnitOfWork, *, invoice_id: str, amount: int, payment_id: str | None = None,
             credit_note_id: str | None = None, on: date | None = None) -> str:
    """Move credit the customer holds — the unallocated rest of one receipt (a deposit, an
    over-payment) or of one credit note — to one of their posted invoices. Returns the allocation id."""
    actor, session = uow.actor, uow.session
    require(actor, "payment.take")
    if (payment_id is None) == (credit_note_id is None):
        raise ValidationError("source", msg("Choose one payment or one credit note to allocate from"))
    if check_amount("amount", amount) <= 0:
        raise ValidationError("amount", msg("An allocated amount must be more than zero"))
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(msg("The invoice no longer exists"))
    invoice = _payable_invoice(session, invoice.id, invoice.customer_id, "invoice_id")
    field = "payment_id" if payment_id else "credit_note_id"
    source_id = payment_id or credit_note_id
    if payment_id:
        payment = session.get(Payment, payment_id)
        if payment is None or payment.amount <= 0:
            raise ValidationError(field, msg("Choose a payment received (not a refund)"))
        owner = payment.customer_id
    else:
        note = session.get(Invoice, credit_note_id)
        if note is None or note.kind != "credit_note" or note.status != "posted":
            raise ValidationError(field, msg("Choose a posted credit note"))
        owner = note.customer_id
    if owner != invoice.customer_id:
        raise ValidationError(field, msg("The credit belongs to another customer"))
    source = next((s for s in _credit_sources(session, owner) if s.id == source_id), None)
    left = min(source.remaining if source else 0, customer_credit(session, owner))
    if amount > left:
        raise ValidationError("amount", msg("Only {session} of this credit is left to allocate",
                                            session=_money(session, left)))
    open_amount = balance(session, invoice.id)
    if amount > open_amount:
        raise ValidationError("amount", msg("Only {session} is open on invoice {number}",
                                            session=_money(session, open_amount), number=invoice.number))
    allocated_on = dates.not_future(on or date.today(), "on", "An allocation")
    dates.check_allocation(invoice, source.on if source else None, allocated_on, "on")
    row = _allocation(source, invoice, amount, allocated_on, actor)
    session.add(row)
    session.flush()
    return row.id


allocate = action(allocate_in)


def refund_in(uow: UnitOfWork, *, customer_id: str, amount: int, method: str, reason: str = "",
           refund_of_id: str | None = None, on: date | None = None, reference: str = "") -> str:
    """Pay money back out of the customer's credit, as a negative payment (``refund_of_id``: the
    receipt it returns, if one; ``reference``: what it is for, such as a deal's number). Returns the
    refund's id."""
    actor, session = uow.actor, uow.session
    require(actor, "payment.refund")
    offered = methods.active_codes(uow.session)
    if method not in offered:
        raise ValidationError("method", msg("A refund is paid by one of {items}", items=', '.join(offered)))
    if check_amount("amount", amount) <= 0:
        raise ValidationError("amount", msg("A refund must be more than zero"))
    paid_on = dates.not_future(on or date.today(), "on", "A refund")
    payer = _customer(session, customer_id)
    terminal = settings.terminal_code(session)
    _check_day_open(session, terminal, paid_on)
    available = refundable_credit(session, customer_id, on=paid_on)
    if amount > available:
        raise ValidationError("amount", msg("The customer holds only {amount} in credit on {day}",
                                            amount=_money(session, available), day=paid_on.isoformat()))
    # The drawer is counted today; a refund recorded for an earlier day records what happened then.
    if method == "cash" and paid_on == date.today():
        drawer = cashdesk.cash_in_drawer(session, terminal, paid_on)
        if amount > drawer:
            raise ValidationError("amount", msg("Only {amount} is in the cash drawer on {day}: pay the rest back "
                                                "another way, such as a bank transfer",
                                                amount=_money(session, max(0, drawer)), day=paid_on.isoformat()))
    if refund_of_id is not None:
        original = session.get(Payment, refund_of_id)
        if original is None or original.amount <= 0 or original.customer_id != customer_id:
            raise ValidationError("refund_of_id", msg("Choose a payment this customer made"))
        if paid_on < original.paid_on:
            raise ValidationError("on", msg("A refund cannot be dated before the payment it returns ({paid_on})",
                                            paid_on=original.paid_on.isoformat()))
        source = next((s for s in _credit_sources(session, customer_id) if s.id == refund_of_id), None)
        left = source.remaining if source else 0
        if amount > left:
            raise ValidationError("amount", msg("Only {session} of that payment is neither allocated nor refunded",
                                                session=_money(session, left)))
    row = Payment(paid_on=paid_on, method=method, amount=-amount, customer_id=customer_id,
                  customer_name=payer.name, refund_of_id=refund_of_id, terminal_code=terminal, notes=reason.strip(),
                  reference=" ".join(reference.split())[:80])
    session.add(row)
    session.flush()
    return row.id


refund = action(refund_in)
