"""Finance and insurance around a sale: a deal's loan applications and customers' insurance policies.

A loan application goes submitted → approved or rejected, and an approved one → paid out (the lender
has sent the money); each move records its day. What is approved or paid out is the deal's finance
(:func:`approved_finance`): the deal can be delivered before the customer has paid that part. An
application may not ask for more than the deal's total, approved finance may not add up to more than
it, and a paid-out or rejected application is no longer changed.

An insurance policy covers a customer's car from ``starts_on`` to ``ends_on``; its renewal falls due
:data:`RENEWAL_DAYS` days before it ends. Renewing makes the next policy, linked back to the one it
renews, so a policy without a successor is one still to renew. The commission the insurer owes for a
policy is booked on the day the policy is recorded, and a correction books the difference on its own
day (``insurance_commission_entry``): the journal reads those entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, exact_integer, format_money
from core.status_words import status_word
from models.crm import Customer
from models.finance import POLICY_KINDS, InsuranceCommissionEntry, InsurancePolicy
from models.sales import Deal, LoanApplication
from models.vehicles import Vehicle
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

RENEWAL_DAYS = 30
MAX_TERM_MONTHS = 120
# Where each loan status may go.
LOAN_MOVES = {"submitted": ("approved", "rejected"), "approved": ("paid_out",)}
# The statuses whose amount the deal can count on.
FINANCED = ("approved", "paid_out")


# --- loan applications ----------------------------------------------------------------------------

@dataclass
class LoanInput:
    deal_id: str
    lender: str
    amount: int  # minor units
    term_months: int
    rate_bp: int = 0  # yearly, basis points (4.5 % = 450)
    submitted_on: date | None = None  # today when None
    reference: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LoanView:
    id: str
    deal_id: str
    deal_number: str
    deal_total: int
    customer_name: str
    lender: str
    amount: int
    term_months: int
    rate_bp: int
    status: str
    submitted_on: date
    decided_on: date | None
    paid_out_on: date | None
    reference: str
    notes: str


PAYOUT_METHOD = "finance_payout"  # the payment method a lender's payout is taken with


def approved_finance(conn_or_session, deal_id: str, *, statuses: tuple[str, ...] = FINANCED) -> int:
    """What the deal's lenders have approved or paid out (minor units): what its delivery may count
    on instead of the customer's payment; with ``statuses``, only loans in those."""
    return int(conn_or_session.execute(
        select(func.coalesce(func.sum(LoanApplication.amount), 0))
        .where(LoanApplication.deal_id == deal_id, LoanApplication.status.in_(statuses))).scalar_one())


def _money(session: Session, amount: int) -> str:
    from services import settings

    return format_money(amount, settings.load(session).currency)


def _deal(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id) if deal_id else None
    if deal is None:
        raise ValidationError("deal_id", msg("The deal is not known"))
    return deal


def _check_day(field: str, day: date, *, not_before: date | None = None) -> date:
    if day > clock.today():
        raise ValidationError(field, msg("The day cannot be in the future"))
    if not_before is not None and day < not_before:
        raise ValidationError(field, msg("The day is before the application was submitted"))
    return day


def _clean_loan(session: Session, data: LoanInput) -> LoanInput:
    deal = _deal(session, data.deal_id)
    if deal.status == "cancelled":
        raise ValidationError("deal_id", msg("Deal {number} is cancelled", number=deal.number))
    lender = " ".join((data.lender or "").split())
    if not lender:
        raise ValidationError("lender", msg("A loan application needs its lender"))
    if len(lender) > 120:
        raise ValidationError("lender", msg("A lender's name has at most 120 characters"))
    amount = check_amount("amount", data.amount, minimum=1)
    if amount > deal.total:
        raise ValidationError("amount", msg("The amount is more than the deal's total ({total})",
                                            total=_money(session, deal.total)))
    term = exact_integer("term_months", data.term_months, unit="months", minimum=1, maximum=MAX_TERM_MONTHS)
    rate = exact_integer("rate_bp", data.rate_bp, unit="basis points", minimum=0, maximum=10_000)
    submitted = _check_day("submitted_on", data.submitted_on or clock.today())
    return LoanInput(deal_id=deal.id, lender=lender, amount=amount, term_months=term, rate_bp=rate,
                     submitted_on=submitted, reference=(data.reference or "").strip()[:80],
                     notes=(data.notes or "").strip())


def _check_financed(session: Session, loan: LoanApplication) -> None:
    """Refuse approved finance beyond the deal's total (this loan counted with its new amount)."""
    deal = _deal(session, loan.deal_id)
    others = int(session.execute(
        select(func.coalesce(func.sum(LoanApplication.amount), 0))
        .where(LoanApplication.deal_id == loan.deal_id, LoanApplication.status.in_(FINANCED),
               LoanApplication.id != loan.id)).scalar_one())
    if others + loan.amount > deal.total:
        raise ValidationError("amount", msg("Approved finance would come to more than the deal's total ({total})",
                                            total=_money(session, deal.total)))


def create_loan_in(uow: UnitOfWork, data: LoanInput) -> str:
    """Record a loan application (submitted) for a deal; returns its id."""
    require(uow.actor, "finance.edit")
    clean = _clean_loan(uow.session, data)
    row = LoanApplication(deal_id=clean.deal_id, lender=clean.lender, amount=clean.amount,
                          term_months=clean.term_months, rate_bp=clean.rate_bp, status="submitted",
                          submitted_on=clean.submitted_on, reference=clean.reference, notes=clean.notes)
    uow.session.add(row)
    uow.session.flush()
    uow.touched("deal", [clean.deal_id])
    return row.id


create_loan = action(create_loan_in)


def _loan(session: Session, loan_id: str) -> LoanApplication:
    row = session.get(LoanApplication, loan_id)
    if row is None:
        raise NotFound(msg("The loan application no longer exists"))
    return row


def update_loan_in(uow: UnitOfWork, loan_id: str, data: LoanInput) -> None:
    """Change a submitted or approved application (not its deal); a paid-out or rejected one stays
    as it was."""
    require(uow.actor, "finance.edit")
    row = _loan(uow.session, loan_id)
    if row.status == "paid_out":
        raise Conflict(msg("The loan has been paid out: it can no longer be changed"))
    if row.status == "rejected":
        raise Conflict(msg("The loan application was rejected: submit a new one instead"))
    if data.deal_id != row.deal_id:
        raise ValidationError("deal_id", msg("A loan application stays with its deal"))
    clean = _clean_loan(uow.session, data)
    if row.decided_on and clean.submitted_on and clean.submitted_on > row.decided_on:
        raise ValidationError("submitted_on", msg("The day is after the lender's decision"))
    row.lender, row.amount, row.term_months, row.rate_bp = clean.lender, clean.amount, clean.term_months, clean.rate_bp
    row.submitted_on, row.reference, row.notes = clean.submitted_on, clean.reference, clean.notes
    if row.status in FINANCED:
        _check_financed(uow.session, row)
    uow.session.flush()
    uow.touched("deal", [row.deal_id])


update_loan = action(update_loan_in)


def move_loan_in(uow: UnitOfWork, loan_id: str, to_status: str, *, on: date | None = None) -> None:
    """Record the lender's decision (approved, rejected) or the payout of an approved loan, on the
    day ``on`` (today when None)."""
    require(uow.actor, "finance.edit")
    row = _loan(uow.session, loan_id)
    if to_status not in LOAN_MOVES.get(row.status, ()):
        raise Conflict(msg("The loan application is {status}: it cannot be {action}",
                           status=status_word(row.status), action=status_word(to_status)))
    day = _check_day("on", on or clock.today(), not_before=row.submitted_on)
    if to_status == "paid_out":
        if row.decided_on and day < row.decided_on:
            raise ValidationError("on", msg("The day is before the loan was approved"))
        row.paid_out_on = day
    else:
        row.decided_on = day
    row.status = to_status
    if to_status == "approved":
        _check_financed(uow.session, row)
    uow.session.flush()
    if to_status == "paid_out":
        # A loan paid out after its deal was invoiced is money on that invoice.
        take_payout_in(uow, row.deal_id, row.amount, on=day)
    uow.touched("deal", [row.deal_id])


move_loan = action(move_loan_in)


def take_payout_in(uow: UnitOfWork, deal_id: str, amount: int, *, on: date) -> int:
    """Money a lender paid out for the deal, taken on the deal's posted invoice: a ``finance_payout``
    payment allocated to it, up to what is still open. Returns what was taken (0 while the deal has no
    posted invoice: invoicing takes the loans paid out by then)."""
    from models.billing import Invoice
    from services.billing import invoices, payments

    deal = uow.session.get(Deal, deal_id)
    invoice = uow.session.get(Invoice, deal.invoice_id) if deal is not None and deal.invoice_id else None
    if invoice is None or invoice.status != "posted":
        return 0
    payout = min(amount, invoices.balance(uow.session, invoice.id))
    if payout <= 0:
        return 0
    payments.take_payment_in(uow, customer_id=deal.customer_id,
                             splits=[payments.PaymentSplit(PAYOUT_METHOD, payout, deal.number)],
                             allocations={invoice.number: payout}, on=max(on, invoice.issued_on),
                             notes=msg("Loan paid out for deal {number}", number=deal.number))
    return payout


def get_loan(db: Database, actor: Actor, loan_id: str) -> LoanView:
    """One loan application with its deal. Any thread; reads only."""
    require(actor, "deal.view")
    a = LoanApplication
    with db.read() as conn:
        r = conn.execute(select(a.id, a.deal_id, Deal.number, Deal.total, Customer.name, a.lender, a.amount,
                                a.term_months, a.rate_bp, a.status, a.submitted_on, a.decided_on, a.paid_out_on,
                                a.reference, a.notes)
                         .join(Deal, Deal.id == a.deal_id).join(Customer, Customer.id == Deal.customer_id)
                         .where(a.id == loan_id)).first()
    if r is None:
        raise NotFound(msg("The loan application no longer exists"))
    return LoanView(*r)


@dataclass(frozen=True)
class DealChoice:
    id: str
    number: str
    customer_id: str
    customer_name: str
    total: int
    status: str
    vehicle_id: str | None
    vehicle_text: str


def deal_choice(db: Database, actor: Actor, number: str) -> DealChoice | None:
    """The deal a typed number means (exact, or the only one ending with what was typed), with its
    customer and vehicle. Any thread; reads only."""
    from models.vehicles import StockVehicle

    require(actor, "deal.view")
    typed = "".join((number or "").split()).upper()
    if not typed:
        return None
    query = (select(Deal.id, Deal.number, Deal.customer_id, Customer.name, Deal.total, Deal.status,
                    StockVehicle.vehicle_id, Vehicle.vin, Vehicle.make, Vehicle.model)
             .join(Customer, Customer.id == Deal.customer_id)
             .outerjoin(StockVehicle, StockVehicle.id == Deal.stock_vehicle_id)
             .outerjoin(Vehicle, Vehicle.id == StockVehicle.vehicle_id))
    with db.read() as conn:
        rows = conn.execute(query.where(Deal.number == typed)).all() or conn.execute(
            query.where(Deal.number.like("%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),
                                         escape="\\")).limit(2)).all()
    if len(rows) != 1:
        return None
    r = rows[0]
    text = " ".join(x for x in (r.make, r.model, r.vin) if x)
    return DealChoice(r.id, r.number, r.customer_id, r.name, r.total, r.status, r.vehicle_id, text)


# --- insurance policies ---------------------------------------------------------------------------

@dataclass
class PolicyInput:
    customer_id: str
    vehicle_id: str
    insurer: str
    kind: str
    starts_on: date
    ends_on: date
    premium: int = 0
    commission: int = 0
    policy_number: str = ""
    deal_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class PolicyView:
    id: str
    data: PolicyInput
    customer_name: str
    vehicle_text: str
    deal_number: str
    renewed_from_id: str | None
    renewed_from_number: str
    renewed_by_id: str | None  # the policy that renews this one
    renewal_due_on: date


def renewal_due_on(ends_on: date) -> date:
    """The day a policy's renewal reminder starts: :data:`RENEWAL_DAYS` before it ends."""
    return ends_on - timedelta(days=RENEWAL_DAYS)


def _clean_policy(session: Session, data: PolicyInput) -> PolicyInput:
    if not data.customer_id or session.get(Customer, data.customer_id) is None:
        raise ValidationError("customer_id", msg("The customer is not known"))
    if not data.vehicle_id or session.get(Vehicle, data.vehicle_id) is None:
        raise ValidationError("vehicle_id", msg("The vehicle is not known"))
    if data.deal_id:
        deal = _deal(session, data.deal_id)
        if deal.customer_id != data.customer_id:
            raise ValidationError("deal_id", msg("Deal {number} is another customer's", number=deal.number))
    insurer = " ".join((data.insurer or "").split())
    if not insurer:
        raise ValidationError("insurer", msg("A policy needs its insurer"))
    if len(insurer) > 120:
        raise ValidationError("insurer", msg("An insurer's name has at most 120 characters"))
    if data.kind not in POLICY_KINDS:
        raise ValidationError("kind", msg("Unknown kind of policy '{kind}'", kind=data.kind))
    premium = check_amount("premium", data.premium, minimum=0)
    commission = check_amount("commission", data.commission, minimum=0)
    if commission > premium:
        raise ValidationError("commission", msg("The commission is more than the premium"))
    if data.starts_on is None:
        raise ValidationError("starts_on", msg("A policy needs its first day"))
    if data.ends_on is None or data.ends_on <= data.starts_on:
        raise ValidationError("ends_on", msg("A policy ends after it starts"))
    number = "".join((data.policy_number or "").split()).upper()
    if len(number) > 60:
        raise ValidationError("policy_number", msg("A policy number has at most 60 characters"))
    return PolicyInput(customer_id=data.customer_id, vehicle_id=data.vehicle_id, insurer=insurer, kind=data.kind,
                       starts_on=data.starts_on, ends_on=data.ends_on, premium=premium, commission=commission,
                       policy_number=number, deal_id=data.deal_id or None, notes=(data.notes or "").strip())


def _check_number(session: Session, clean: PolicyInput, exclude_id: str | None) -> None:
    if not clean.policy_number:
        return
    p = InsurancePolicy
    other = session.execute(select(p.id).where(p.insurer == clean.insurer, p.policy_number == clean.policy_number,
                                               p.id != (exclude_id or ""))).first()
    if other is not None:
        raise ValidationError("policy_number", msg("{insurer} policy {number} is already recorded",
                                                   insurer=clean.insurer, number=clean.policy_number))


def _write_policy(row: InsurancePolicy, clean: PolicyInput) -> None:
    row.customer_id, row.vehicle_id, row.deal_id = clean.customer_id, clean.vehicle_id, clean.deal_id
    row.insurer, row.kind, row.policy_number = clean.insurer, clean.kind, clean.policy_number
    row.premium, row.commission = clean.premium, clean.commission
    row.starts_on, row.ends_on, row.notes = clean.starts_on, clean.ends_on, clean.notes


def _book_commission(session: Session, row: InsurancePolicy, amount: int, kind: str) -> None:
    """Book a change of what the insurer owes for the policy, on the day it is recorded, with the
    policy's insurer and number as they are now (the journal reads these entries: a period once
    exported never changes)."""
    if amount:
        session.add(InsuranceCommissionEntry(policy_id=row.id, kind=kind, amount=amount, booked_on=clock.today(),
                                             insurer=row.insurer, policy_number=row.policy_number))


def create_policy_in(uow: UnitOfWork, data: PolicyInput) -> str:
    """Record an insurance policy; returns its id."""
    require(uow.actor, "finance.edit")
    clean = _clean_policy(uow.session, data)
    _check_number(uow.session, clean, None)
    row = InsurancePolicy()
    _write_policy(row, clean)
    uow.session.add(row)
    uow.session.flush()
    _book_commission(uow.session, row, row.commission, "earned")
    return row.id


create_policy = action(create_policy_in)


def _policy(session: Session, policy_id: str) -> InsurancePolicy:
    row = session.get(InsurancePolicy, policy_id)
    if row is None:
        raise NotFound(msg("The insurance policy no longer exists"))
    return row


def update_policy_in(uow: UnitOfWork, policy_id: str, data: PolicyInput) -> None:
    require(uow.actor, "finance.edit")
    row = _policy(uow.session, policy_id)
    clean = _clean_policy(uow.session, data)
    if row.renewed_from_id and clean.vehicle_id != row.vehicle_id:
        raise ValidationError("vehicle_id", msg("A renewal covers the car of the policy it renews"))
    _check_number(uow.session, clean, policy_id)
    before = row.commission
    _write_policy(row, clean)
    uow.session.flush()
    _book_commission(uow.session, row, row.commission - before, "corrected")


update_policy = action(update_policy_in)


def renewal_of(session: Session, policy_id: str) -> str | None:
    """The id of the policy that renews ``policy_id``, None while it is not renewed."""
    return session.execute(select(InsurancePolicy.id).where(InsurancePolicy.renewed_from_id == policy_id)
                           .limit(1)).scalar()


def renew_policy_in(uow: UnitOfWork, policy_id: str, data: PolicyInput) -> str:
    """Record the policy that renews ``policy_id`` (same customer and car; it takes the reminder off
    the renewals due); returns the new policy's id."""
    require(uow.actor, "finance.edit")
    old = _policy(uow.session, policy_id)
    if renewal_of(uow.session, policy_id) is not None:
        raise Conflict(msg("The policy has already been renewed"))
    if data.vehicle_id != old.vehicle_id:
        raise ValidationError("vehicle_id", msg("A renewal covers the car of the policy it renews"))
    clean = _clean_policy(uow.session, data)
    if clean.starts_on < old.starts_on:
        raise ValidationError("starts_on", msg("A renewal cannot start before the policy it renews"))
    _check_number(uow.session, clean, None)
    row = InsurancePolicy(renewed_from_id=old.id)
    _write_policy(row, clean)
    uow.session.add(row)
    uow.session.flush()
    _book_commission(uow.session, row, row.commission, "earned")
    uow.touched("insurance_policy", [old.id])
    return row.id


renew_policy = action(renew_policy_in)


def renewal_draft(db: Database, actor: Actor, policy_id: str) -> PolicyInput:
    """What a renewal of ``policy_id`` starts from: the same customer, car, insurer and kind, from
    the day the old one ends for as long as it ran. Any thread; reads only."""
    view = get_policy(db, actor, policy_id)
    old = view.data
    length = old.ends_on - old.starts_on
    return PolicyInput(customer_id=old.customer_id, vehicle_id=old.vehicle_id, insurer=old.insurer, kind=old.kind,
                       starts_on=old.ends_on, ends_on=old.ends_on + length, premium=old.premium,
                       commission=old.commission, policy_number="", deal_id=None, notes="")


def get_policy(db: Database, actor: Actor, policy_id: str) -> PolicyView:
    """One policy with its customer, car, deal and renewal links. Any thread; reads only."""
    require(actor, "deal.view")
    p = InsurancePolicy
    prev = InsurancePolicy.__table__.alias("prev")
    with db.read() as conn:
        r = conn.execute(select(p.customer_id, p.vehicle_id, p.insurer, p.kind, p.starts_on, p.ends_on, p.premium,
                                p.commission, p.policy_number, p.deal_id, p.notes, Customer.name, Vehicle.vin,
                                Vehicle.plate, Vehicle.make, Vehicle.model, Deal.number, p.renewed_from_id,
                                prev.c.policy_number, prev.c.insurer)
                         .join(Customer, Customer.id == p.customer_id).join(Vehicle, Vehicle.id == p.vehicle_id)
                         .outerjoin(Deal, Deal.id == p.deal_id).outerjoin(prev, prev.c.id == p.renewed_from_id)
                         .where(p.id == policy_id)).first()
        if r is None:
            raise NotFound(msg("The insurance policy no longer exists"))
        renewed_by = conn.execute(select(p.id).where(p.renewed_from_id == policy_id).limit(1)).scalar()
    data = PolicyInput(customer_id=r[0], vehicle_id=r[1], insurer=r[2], kind=r[3], starts_on=r[4], ends_on=r[5],
                       premium=r[6], commission=r[7], policy_number=r[8], deal_id=r[9], notes=r[10])
    vehicle = " ".join(x for x in (r.plate, r.make, r.model, r.vin) if x)
    return PolicyView(policy_id, data, r.name, vehicle, r.number or "", r.renewed_from_id,
                      (r[18] or r[19] or "") if r.renewed_from_id else "", renewed_by, renewal_due_on(r[5]))


def renewals_window(today: date | None = None) -> dict[str, str]:
    """The days the renewals-due list covers: policies ending from ``today`` to :data:`RENEWAL_DAYS`
    days later, both included (ISO days, as the database keeps them)."""
    day = today or clock.today()
    return {"due_from": day.isoformat(), "due_to": (day + timedelta(days=RENEWAL_DAYS)).isoformat()}


@dataclass(frozen=True)
class RenewalDue:
    id: str
    customer_name: str
    vehicle_text: str
    insurer: str
    kind: str
    policy_number: str
    ends_on: date


def renewals_due(db: Database, actor: Actor, *, today: date | None = None) -> list[RenewalDue]:
    """Policies ending within :data:`RENEWAL_DAYS` days from ``today`` (included) that are not
    renewed yet, soonest first. Any thread; reads only."""
    require(actor, "deal.view")
    window = renewals_window(today)
    p = InsurancePolicy
    nxt = InsurancePolicy.__table__.alias("nxt")
    query = (select(p.id, Customer.name, Vehicle.plate, Vehicle.make, Vehicle.model, Vehicle.vin, p.insurer, p.kind,
                    p.policy_number, p.ends_on)
             .join(Customer, Customer.id == p.customer_id).join(Vehicle, Vehicle.id == p.vehicle_id)
             .where(p.ends_on >= date.fromisoformat(window["due_from"]),
                    p.ends_on <= date.fromisoformat(window["due_to"]),
                    ~select(nxt.c.id).where(nxt.c.renewed_from_id == p.id).exists())
             .order_by(p.ends_on, p.id))
    with db.read() as conn:
        return [RenewalDue(r.id, r.name, " ".join(x for x in (r.plate, r.make, r.model) if x) or r.vin, r.insurer,
                           r.kind, r.policy_number, r.ends_on) for r in conn.execute(query)]
