"""Receivables: what customers owe, how late it is, and their statements (DESIGN §3–§4).

An invoice's balance is its total less what is allocated to it. A customer's unallocated money
(receipts not yet allocated, deposits held, credit notes not used up, less refunds) is their credit;
the aging shows it as a negative column so that a row's total is the customer's net position.

Everything here is read-only and runs on any thread: each call reads one snapshot through
``db.read()``. Figures "as of" a day count only what was dated on or before that day (invoices by
issue date, payments by payment date, allocations by allocation date), so an aging or statement for
a past day shows what was open then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import (
    Connection,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from models.billing import Allocation, Invoice, Payment
from models.crm import Customer
from services import settings
from services.permissions import require
from store.database import Database

# Column name → heading, in report order; the limits are days past the due date.
BUCKETS: tuple[tuple[str, str], ...] = (
    ("current", "Current"),
    ("d1_30", "1–30 days"),
    ("d31_60", "31–60 days"),
    ("d61_90", "61–90 days"),
    ("over_90", "Over 90 days"),
)


class AgingRow(NamedTuple):
    """One customer's open invoices by days past their due date, and their unallocated credit.
    A named tuple rather than a dataclass: an aging over every customer makes 100k of them."""

    customer_id: str
    customer_name: str
    current: int  # not yet due (due today counts as current)
    d1_30: int
    d31_60: int
    d61_90: int
    over_90: int
    credit: int  # the customer's unallocated money, as a negative amount
    total: int  # net position: the buckets plus credit

    @property
    def open_total(self) -> int:
        """What the open invoices add up to, before credit."""
        return self.current + self.d1_30 + self.d31_60 + self.d61_90 + self.over_90


class OpenInvoice(NamedTuple):
    invoice_id: str
    number: str
    kind: str
    customer_id: str
    customer_name: str
    issued_on: date
    due_on: date
    total: int
    paid: int  # allocated to it so far (payments and credit notes)
    balance: int
    days_overdue: int  # 0 when not yet due


@dataclass(frozen=True)
class StatementEntry:
    """One movement on a statement. ``amount`` is signed: positive adds to what the customer owes."""

    on: date
    kind: str  # invoice | credit_note | payment | refund
    document_id: str
    number: str  # the invoice or credit note number; empty for payments
    method: str  # the payment method; empty for invoices and credit notes
    reference: str  # the payment's reference, or the invoice a credit note credits
    amount: int
    balance: int  # running balance after this entry

    @property
    def debit(self) -> int:
        return max(self.amount, 0)

    @property
    def credit(self) -> int:
        return max(-self.amount, 0)


@dataclass(frozen=True)
class StatementData:
    customer_id: str
    customer_name: str
    customer_address: str
    customer_phone: str
    customer_tax_id: str
    dealer_name: str
    dealer_address: str
    dealer_phone: str
    dealer_email: str
    dealer_tax_id: str
    currency: str
    start: date
    end: date
    opening_balance: int  # owed at the start of ``start`` (negative: the customer is in credit)
    entries: list[StatementEntry]
    closing_balance: int  # owed at the end of ``end``; equals ``aging.total``
    aging: AgingRow  # the customer's open invoices and credit at ``end``


# --- query pieces ---------------------------------------------------------------------------------

def _day(value: date, name: str):
    return bindparam(name, value, type_=Date)


def _open_items(*, as_of: date | None, late_from: date, customer_id: str | None = None, detail: bool = True):
    """A CTE of the posted sale invoices that still have a balance, with what is allocated to them
    and how many days past due they are at ``late_from``. With ``as_of`` only invoices and
    allocations dated on or before it count. Materialized: an invoice's allocations are summed to
    decide whether it is open and once more for the copy, however often ``paid`` is used after, and
    paid invoices (most of them) never reach the copy. Without ``detail`` it holds only what the
    aging needs."""
    due = type_coerce(func.coalesce(Invoice.due_on, Invoice.issued_on), Date)
    paid_where = [Allocation.invoice_id == Invoice.id]
    where = [Invoice.status == "posted", Invoice.kind != "credit_note"]
    if as_of is not None:
        paid_where.append(Allocation.allocated_on <= _day(as_of, "as_of"))
        # likely(): almost every invoice is dated before the day asked about, so a plain scan beats
        # walking ix_invoice_issued_on and fetching each row out of order.
        where.append(func.likely(Invoice.issued_on <= _day(as_of, "as_of")))
    if customer_id is not None:
        where.append(Invoice.customer_id == customer_id)
    paid = (select(func.coalesce(func.sum(Allocation.amount), 0)).where(*paid_where)
            .correlate(Invoice).scalar_subquery())
    where.append(Invoice.total > paid)
    late = cast(func.round(func.julianday(_day(late_from, "late_from")) - func.julianday(due)), Integer)
    columns = [Invoice.customer_id, Invoice.total, paid.label("paid"), late.label("late")]
    if detail:
        columns += [Invoice.id.label("invoice_id"), Invoice.number, Invoice.kind, Invoice.issued_on,
                    due.label("due_on")]
    return select(*columns).where(*where).cte("items").prefix_with("MATERIALIZED")


def _aging_select(*, as_of: date, customer_id: str | None = None) -> Select:
    """Every customer with open invoices or credit at ``as_of`` (a customer who only holds credit
    is listed too, so the report's total is the receivables less the customers' advances).

    Set-based, in one pass over the posted documents and one over the receipts: a customer's total is
    what they were invoiced less what they paid and were credited by then (allocations only move
    money between those, so they cancel out), the buckets hold each sale invoice's balance (its total
    less what was allocated to it by then), and their credit is the total less the buckets. This is
    the statement's closing balance by construction, and equals "receipts and credit notes not yet
    allocated" because the date rules keep every allocation on or after the documents it joins."""
    day = _day(as_of, "as_of")
    note = Invoice.kind == "credit_note"
    paid = (select(func.coalesce(func.sum(Allocation.amount), 0))
            .where(Allocation.invoice_id == Invoice.id, Allocation.allocated_on <= day)
            .correlate(Invoice).scalar_subquery())
    due = type_coerce(func.coalesce(Invoice.due_on, Invoice.issued_on), Date)
    late = cast(func.round(func.julianday(day) - func.julianday(due)), Integer)
    # likely(): almost every document is dated before the day asked about, so a plain scan beats
    # walking the date index and fetching each row out of order.
    documents = select(Invoice.customer_id.label("customer_id"),
                       case((note, -Invoice.total), else_=Invoice.total).label("movement"),
                       case((note, 0), else_=Invoice.total - paid).label("balance"), late.label("late")
                       ).where(Invoice.status == "posted", func.likely(Invoice.issued_on <= day))
    receipts = select(Payment.customer_id, -Payment.amount, literal(0), literal(0)
                      ).where(func.likely(Payment.paid_on <= day))
    if customer_id is not None:
        documents = documents.where(Invoice.customer_id == customer_id)
        receipts = receipts.where(Payment.customer_id == customer_id)
    # Materialized: each document's balance (a lookup of its allocations) is worked out once, however
    # often the buckets use it.
    items = union_all(documents, receipts).cte("items").prefix_with("MATERIALIZED")

    def bucket(low: int | None, high: int | None, name: str):
        cond = []
        if low is not None:
            cond.append(items.c.late >= low)
        if high is not None:
            cond.append(items.c.late <= high)
        return func.sum(case((and_(*cond), items.c.balance), else_=0)).label(name)

    open_total = func.sum(items.c.balance)
    total = func.sum(items.c.movement)
    credit = (total - open_total)
    grouped = (select(items.c.customer_id, bucket(None, 0, "current"), bucket(1, 30, "d1_30"),
                      bucket(31, 60, "d31_60"), bucket(61, 90, "d61_90"), bucket(91, None, "over_90"),
                      credit.label("credit"), total.label("total"))
               .group_by(items.c.customer_id)
               .having(or_(func.sum(items.c.balance > 0) > 0, credit != 0)).subquery("grouped"))
    return (select(grouped.c.customer_id, Customer.name.label("customer_name"), grouped.c.current,
                   grouped.c.d1_30, grouped.c.d31_60, grouped.c.d61_90, grouped.c.over_90, grouped.c.credit,
                   grouped.c.total)
            .join(Customer, Customer.id == grouped.c.customer_id)
            .order_by(grouped.c.total.desc(), Customer.name, grouped.c.customer_id))


def customer_aging(conn: Connection, customer_id: str, *, as_of: date) -> AgingRow:
    """One customer's aging at ``as_of``, with zeros (and their credit) when nothing is open. On the
    caller's connection; the caller checks permissions."""
    row = conn.execute(_aging_select(as_of=as_of, customer_id=customer_id)).first()
    if row is not None:
        return AgingRow._make(row)
    # No row: nothing is open and the customer's credit nets to zero.
    name = conn.execute(select(Customer.name).where(Customer.id == customer_id)).scalar() or ""
    return AgingRow(customer_id=customer_id, customer_name=name, current=0, d1_30=0, d31_60=0, d61_90=0,
                    over_90=0, credit=0, total=0)


def _listed(items, *, min_days: int | None = None) -> Select:
    """Open invoices from an ``_open_items`` CTE: the most overdue first when listing overdue ones,
    otherwise by due date."""
    balance = items.c.total - items.c.paid
    where = []
    order = [items.c.due_on, items.c.issued_on, items.c.number]
    if min_days is not None:
        where.append(items.c.late >= min_days)
        order = [items.c.late.desc(), items.c.number]
    # In OpenInvoice's field order, so rows become OpenInvoice values without a per-field copy.
    return (select(items.c.invoice_id, items.c.number, items.c.kind, items.c.customer_id,
                   Customer.name.label("customer_name"), items.c.issued_on, items.c.due_on, items.c.total,
                   items.c.paid, balance.label("balance"), func.max(items.c.late, 0).label("days_overdue"))
            .join(Customer, Customer.id == items.c.customer_id).where(*where).order_by(*order))


# --- services -------------------------------------------------------------------------------------

def aging(db: Database, actor: Actor, *, as_of: date) -> list[AgingRow]:
    """Every customer with an open balance or credit at ``as_of``, by days past due, largest net
    position first. One query however many customers there are; any thread."""
    require(actor, "receivables.view")
    with db.read() as conn:
        return list(map(AgingRow._make, conn.execute(_aging_select(as_of=as_of))))


def overdue(db: Database, actor: Actor, *, as_of: date, min_days: int = 1) -> list[OpenInvoice]:
    """Invoices with a balance at ``as_of`` that are at least ``min_days`` past due, the most
    overdue first. Any thread."""
    require(actor, "receivables.view")
    if min_days < 1:
        raise ValidationError("min_days", msg("Overdue means at least one day past the due date"))
    query = _listed(_open_items(as_of=as_of, late_from=as_of), min_days=min_days)
    with db.read() as conn:
        return list(map(OpenInvoice._make, conn.execute(query)))


def open_invoices(db: Database, actor: Actor, customer_id: str, *, as_of: date | None = None) -> list[OpenInvoice]:
    """A customer's invoices that still have a balance, oldest due date first. Without ``as_of``
    this is the state now (every allocation counts) with lateness measured from today. Any thread."""
    require(actor, "receivables.view")
    query = _listed(_open_items(as_of=as_of, late_from=as_of or date.today(), customer_id=customer_id))
    with db.read() as conn:
        if conn.execute(select(Customer.id).where(Customer.id == customer_id)).first() is None:
            raise NotFound(msg("The customer no longer exists"))
        return list(map(OpenInvoice._make, conn.execute(query)))


def _movements(customer_id: str):
    """Everything that changes what a customer owes, signed as on a statement."""
    inv = select(
        Invoice.issued_on.label("on"),
        case((Invoice.kind == "credit_note", "credit_note"), else_="invoice").label("kind"),
        Invoice.id.label("document_id"), Invoice.number.label("number"), literal("").label("method"),
        Invoice.credited_invoice_id.label("credited_id"), literal("").label("reference"),
        case((Invoice.kind == "credit_note", -Invoice.total), else_=Invoice.total).label("amount"),
        Invoice.created_at.label("created_at"),
    ).where(Invoice.customer_id == customer_id, Invoice.status == "posted")
    pay = select(
        Payment.paid_on, case((Payment.amount < 0, "refund"), else_="payment"), Payment.id, literal(""),
        Payment.method, literal(None), Payment.reference, -Payment.amount, Payment.created_at,
    ).where(Payment.customer_id == customer_id)
    return union_all(inv, pay).subquery("movements")


def statement(db: Database, actor: Actor, customer_id: str, *, start: date, end: date) -> StatementData:
    """A customer's statement for ``start``–``end`` inclusive: the opening balance, every invoice,
    credit note, payment and refund in the period with a running balance, the closing balance and
    the aging at ``end``. The customer's current name and address are used. Any thread."""
    require(actor, "receivables.view")
    if end < start:
        raise ValidationError("end", msg("The statement ends before it starts"))
    moves = _movements(customer_id)
    opening_q = select(func.coalesce(func.sum(moves.c.amount), 0)).where(moves.c.on < _day(start, "start"))
    credited = Invoice.__table__.alias("credited")
    entries_q = (select(moves, credited.c.number.label("credited_number"))
                 .outerjoin(credited, credited.c.id == moves.c.credited_id)
                 .where(moves.c.on >= _day(start, "start"), moves.c.on <= _day(end, "end"))
                 .order_by(moves.c.on, moves.c.created_at, moves.c.document_id))
    with db.read() as conn:
        customer = conn.execute(select(Customer.__table__).where(Customer.id == customer_id)).first()
        if customer is None:
            raise NotFound(msg("The customer no longer exists"))
        dealer = settings.load(conn)
        opening = conn.execute(opening_q).scalar_one()
        running = opening
        entries = []
        for r in conn.execute(entries_q):
            running += r.amount
            reference = (r.credited_number or "") if r.kind == "credit_note" else r.reference
            entries.append(StatementEntry(on=r.on, kind=r.kind, document_id=r.document_id,
                                          number=r.number or "", method=r.method, reference=reference,
                                          amount=r.amount, balance=running))
        aged = customer_aging(conn, customer_id, as_of=end)
    from services.customers import shown_id

    address = " ".join(x for x in (customer.address, customer.city, customer.postcode) if x)
    return StatementData(
        customer_id=customer_id, customer_name=customer.name, customer_address=address,
        customer_phone=customer.phone,
        customer_tax_id=customer.company_reg or shown_id(actor, customer.id_number),
        dealer_name=dealer.name, dealer_address=dealer.address, dealer_phone=dealer.phone,
        dealer_email=dealer.email, dealer_tax_id=dealer.tax_id, currency=dealer.currency, start=start, end=end,
        opening_balance=opening, entries=entries, closing_balance=running, aging=aged)
