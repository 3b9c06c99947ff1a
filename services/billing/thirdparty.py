"""Money in from third parties: manufacturer rebates and insurance claims (issue 3, item 6).

Rebates. A rebate is what a manufacturer owes the dealership for a vehicle or a campaign. Receipts
accumulate on it (``received_amount``; ``received_on`` is the latest receipt's day, the audit trail
keeps each one) and may not exceed what is expected: a larger payment means the expectation was
wrong, so it is corrected first with :func:`update_rebate`. Outstanding = expected − received.
Each change is also kept as a dated, append-only ``rebate_entry`` (expected on the day it is recorded
or corrected, received on the day the money arrived): the accounting journal and the margin reports
read those, so a rebate earned reduces cost of sales in the period it was recorded.

Insurance claims. An accident repair paid partly by an insurer moves through

    open → approved → invoiced → paid
      ↘        ↘          ↘
       rejected  rejected   rejected

``approved_amount`` is the repair cost the insurer accepted and ``excess_amount`` the part the
customer pays themselves, so the insurer owes ``approved − excess`` (the *insurer's share*).
Payouts are recorded once the claim is invoiced, accumulate in ``paid_amount`` and may not exceed the
insurer's share; reaching it marks the claim paid, and :func:`settle_claim` closes a claim the insurer
paid short. A payout recorded here is the claim's side only: the money itself is taken at the cash
desk as a payment with method ``insurance_payout`` and allocated to the invoice
(services.billing.payments.take_payment), as any money in is.

Changes need ``thirdparty.edit`` and run in one transaction each; a refused change (a
``ValidationError`` naming the field) writes nothing. Reads need ``invoice.view``. Every function
may run on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session, aliased

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, format_money
from core.status_words import status_word
from models.billing import InsuranceClaim, Invoice, Rebate, RebateEntry
from models.crm import Customer
from models.vehicles import Vehicle
from services import settings
from services.billing import dates
from services.permissions import require, require_any
from store.database import Database
from store.uow import UnitOfWork, action

CLAIM_STATUSES = ("open", "approved", "invoiced", "paid", "rejected")
# Where a claim may go next from each status.
CLAIM_FLOW: dict[str, tuple[str, ...]] = {
    "open": ("approved", "rejected"),
    "approved": ("invoiced", "rejected"),
    "invoiced": ("paid", "rejected"),
    "paid": (),
    "rejected": (),
}
OPEN_CLAIM_STATUSES = ("open", "approved", "invoiced")


# --- values ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RebateRow:
    id: str
    manufacturer: str
    campaign: str
    vehicle_id: str | None
    vehicle_vin: str
    vehicle_label: str  # make, model and plate
    expected_amount: int
    expected_on: date | None
    received_amount: int
    received_on: date | None  # the latest receipt
    outstanding: int
    notes: str


@dataclass(frozen=True)
class RebateTotal:
    manufacturer: str
    campaign: str  # empty in totals per manufacturer, and for rebates tied to a vehicle only
    count: int
    expected: int
    received: int
    outstanding: int


@dataclass(frozen=True)
class ClaimRow:
    id: str
    insurer: str
    claim_number: str
    status: str
    customer_id: str
    customer_name: str
    vehicle_id: str | None
    vehicle_label: str
    invoice_id: str | None
    invoice_number: str
    approved_amount: int
    excess_amount: int
    insurer_share: int  # approved − excess: what the insurer pays
    paid_amount: int
    outstanding: int  # what the insurer still owes; 0 once paid, rejected or not yet approved
    notes: str


# --- shared checks --------------------------------------------------------------------------------

def _text(value: str, field: str, label: str, *, max_len: int, required: bool = False) -> str:
    clean = " ".join((value or "").split())
    if required and not clean:
        raise ValidationError(field, msg("{label} is required", label=label))
    if len(clean) > max_len:
        raise ValidationError(field, msg("{label} is at most {max_len} characters", label=label, max_len=max_len))
    return clean


def _amount(value: int, field: str, label: str, *, positive: bool) -> int:
    check_amount(field, value)
    if positive and value <= 0:
        raise ValidationError(field, msg("{label} must be more than zero", label=label))
    if value < 0:
        raise ValidationError(field, msg("{label} cannot be negative", label=label))
    return value


def _money(session: Session, minor: int) -> str:
    return format_money(minor, settings.load(session).currency)


def _vehicle(session: Session, vehicle_id: str | None) -> str | None:
    if vehicle_id and session.get(Vehicle, vehicle_id) is None:
        raise ValidationError("vehicle_id", msg("The vehicle is not known"))
    return vehicle_id or None


def _vehicle_label(make: str | None, model: str | None, plate: str | None) -> str:
    return " ".join(x for x in (make, model, plate) if x)


# --- rebates --------------------------------------------------------------------------------------

def expect_rebate_in(uow: UnitOfWork, *, manufacturer: str, amount: int, campaign: str = "",
                  vehicle_id: str | None = None, expected_on: date | None = None, notes: str = "") -> str:
    """Record a rebate the manufacturer owes for a vehicle, a campaign, or a vehicle within a
    campaign. Returns its id."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    manufacturer = _text(manufacturer, "manufacturer", "The manufacturer", max_len=80, required=True)
    campaign = _text(campaign, "campaign", "The campaign", max_len=120)
    amount = _amount(amount, "amount", "The expected amount", positive=True)
    if not campaign and not vehicle_id:
        raise ValidationError("campaign", msg("Name the campaign or choose the vehicle the rebate is for"))
    rebate = Rebate(manufacturer=manufacturer, campaign=campaign, vehicle_id=_vehicle(session, vehicle_id),
                    expected_amount=amount, expected_on=expected_on, notes=notes.strip())
    session.add(rebate)
    session.flush()
    session.add(RebateEntry(rebate_id=rebate.id, kind="expected", amount=amount, booked_on=date.today()))
    return rebate.id


expect_rebate = action(expect_rebate_in)


def _rebate(session: Session, rebate_id: str) -> Rebate:
    rebate = session.get(Rebate, rebate_id)
    if rebate is None:
        raise NotFound(msg("The rebate no longer exists"))
    return rebate


def receive_rebate_in(uow: UnitOfWork, rebate_id: str, *, amount: int, on: date) -> int:
    """Record money received for a rebate; receipts add up. Returns what is still outstanding."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    amount = _amount(amount, "amount", "The amount received", positive=True)
    if not isinstance(on, date):
        raise ValidationError("received_on", msg("Enter the day the money arrived"))
    dates.not_future(on, "received_on", "Money received")
    rebate = _rebate(session, rebate_id)
    outstanding = rebate.expected_amount - rebate.received_amount
    if amount > outstanding:
        raise ValidationError("amount", msg("Only {session} is outstanding on this rebate; if the manufacturer paid "
                                            "more, correct the expected amount first",
                                            session=_money(session, outstanding)))
    rebate.received_amount += amount
    rebate.received_on = max(on, rebate.received_on) if rebate.received_on else on
    session.add(RebateEntry(rebate_id=rebate.id, kind="received", amount=amount, booked_on=on))
    return outstanding - amount


receive_rebate = action(receive_rebate_in)


def update_rebate_in(uow: UnitOfWork, rebate_id: str, *, expected_amount: int | None = None,
                  expected_on: date | None = None, notes: str | None = None) -> None:
    """Correct what is expected (never below what has been received), when, or the notes."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    if expected_amount is not None:
        _amount(expected_amount, "expected_amount", "The expected amount", positive=True)
    rebate = _rebate(session, rebate_id)
    if expected_amount is not None:
        if expected_amount < rebate.received_amount:
            received = _money(session, rebate.received_amount)
            raise ValidationError("expected_amount", msg("{received} has already been received; the expected amount "
                                                         "cannot be less", received=received))
        if expected_amount != rebate.expected_amount:
            # The correction is booked on the day it is made; what was reported before stays as it was.
            session.add(RebateEntry(rebate_id=rebate.id, kind="expected",
                                    amount=expected_amount - rebate.expected_amount, booked_on=date.today()))
        rebate.expected_amount = expected_amount
    if expected_on is not None:
        rebate.expected_on = expected_on
    if notes is not None:
        rebate.notes = notes.strip()


update_rebate = action(update_rebate_in)


def rebates(db: Database, actor: Actor, *, manufacturer: str | None = None, campaign: str | None = None,
            outstanding_only: bool = False) -> list[RebateRow]:
    """Rebates with expected, received and outstanding amounts, by manufacturer, campaign and
    expected day."""
    require_any(actor, "margin.view", "thirdparty.edit")
    outstanding = (Rebate.expected_amount - Rebate.received_amount).label("outstanding")
    query = (select(Rebate.id, Rebate.manufacturer, Rebate.campaign, Rebate.vehicle_id, Vehicle.vin, Vehicle.make,
                    Vehicle.model, Vehicle.plate, Rebate.expected_amount, Rebate.expected_on,
                    Rebate.received_amount, Rebate.received_on, outstanding, Rebate.notes)
             .outerjoin(Vehicle, Vehicle.id == Rebate.vehicle_id)
             .order_by(Rebate.manufacturer, Rebate.campaign, Rebate.expected_on, Rebate.created_at))
    if manufacturer is not None:
        query = query.where(Rebate.manufacturer == manufacturer)
    if campaign is not None:
        query = query.where(Rebate.campaign == campaign)
    if outstanding_only:
        query = query.where(outstanding > 0)
    with db.read() as conn:
        return [RebateRow(id=r.id, manufacturer=r.manufacturer, campaign=r.campaign, vehicle_id=r.vehicle_id,
                          vehicle_vin=r.vin or "", vehicle_label=_vehicle_label(r.make, r.model, r.plate),
                          expected_amount=r.expected_amount, expected_on=r.expected_on,
                          received_amount=r.received_amount, received_on=r.received_on,
                          outstanding=r.outstanding, notes=r.notes) for r in conn.execute(query)]


def rebate_totals(db: Database, actor: Actor, *, per: str = "campaign") -> list[RebateTotal]:
    """Expected, received and outstanding summed per manufacturer (``per="manufacturer"``) or per
    manufacturer and campaign (``per="campaign"``)."""
    require_any(actor, "margin.view", "thirdparty.edit")
    if per not in ("manufacturer", "campaign"):
        raise ValidationError("per", msg("Totals are per manufacturer or per campaign"))
    campaign = Rebate.campaign if per == "campaign" else literal("")
    keys = [Rebate.manufacturer] + ([Rebate.campaign] if per == "campaign" else [])
    query = (select(Rebate.manufacturer, campaign.label("campaign"), func.count().label("count"),
                    func.sum(Rebate.expected_amount).label("expected"),
                    func.sum(Rebate.received_amount).label("received"))
             .group_by(*keys).order_by(*keys))
    with db.read() as conn:
        return [RebateTotal(manufacturer=r.manufacturer, campaign=r.campaign, count=r.count, expected=r.expected,
                            received=r.received, outstanding=r.expected - r.received) for r in conn.execute(query)]


# --- insurance claims -----------------------------------------------------------------------------

def _claim(session: Session, claim_id: str) -> InsuranceClaim:
    claim = session.get(InsuranceClaim, claim_id)
    if claim is None:
        raise NotFound(msg("The insurance claim no longer exists"))
    return claim


def _move(claim: InsuranceClaim, to: str, actor: Actor) -> None:
    if to not in CLAIM_FLOW[claim.status]:
        allowed = " or ".join(CLAIM_FLOW[claim.status]) or "nothing (it is closed)"
        raise ValidationError("status", msg("Claim {claim_number} is {status}; it can move to {allowed}, not to {to}",
                                            claim_number=claim.claim_number, status=claim.status, allowed=allowed,
                                            to=to))
    claim.status = to


def _check_excess(approved: int, excess: int) -> None:
    if excess > approved:
        raise ValidationError("excess_amount", msg("The customer's excess cannot be more than the approved amount"))


def open_claim_in(uow: UnitOfWork, *, insurer: str, claim_number: str, customer_id: str,
               vehicle_id: str | None = None, approved_amount: int = 0, excess_amount: int = 0,
               notes: str = "") -> str:
    """Open a claim. The claim number is unique per insurer, ignoring case and spacing. Amounts may
    be known already or given at approval. Returns the claim's id."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    insurer = _text(insurer, "insurer", "The insurer", max_len=120, required=True)
    claim_number = _text(claim_number, "claim_number", "The claim number", max_len=60, required=True)
    approved_amount = _amount(approved_amount, "approved_amount", "The approved amount", positive=False)
    excess_amount = _amount(excess_amount, "excess_amount", "The excess", positive=False)
    if approved_amount:
        _check_excess(approved_amount, excess_amount)
    if not customer_id or session.get(Customer, customer_id) is None:
        raise ValidationError("customer_id", msg("Choose the customer whose car was repaired"))
    vehicle_id = _vehicle(session, vehicle_id)
    taken = session.execute(select(InsuranceClaim.id).where(
        func.lower(InsuranceClaim.insurer) == insurer.lower(),
        func.lower(InsuranceClaim.claim_number) == claim_number.lower())).first()
    if taken is not None:
        raise ValidationError("claim_number", msg("{insurer} already has a claim numbered {claim_number}",
                                                  insurer=insurer, claim_number=claim_number))
    claim = InsuranceClaim(insurer=insurer, claim_number=claim_number, customer_id=customer_id,
                           vehicle_id=vehicle_id, approved_amount=approved_amount, excess_amount=excess_amount,
                           status="open", notes=notes.strip())
    session.add(claim)
    session.flush()
    return claim.id


open_claim = action(open_claim_in)


def approve_claim_in(uow: UnitOfWork, claim_id: str, *, approved_amount: int, excess_amount: int) -> None:
    """The insurer accepted the repair: record the approved amount and the customer's excess."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    approved_amount = _amount(approved_amount, "approved_amount", "The approved amount", positive=True)
    excess_amount = _amount(excess_amount, "excess_amount", "The excess", positive=False)
    _check_excess(approved_amount, excess_amount)
    claim = _claim(session, claim_id)
    _move(claim, "approved", actor)
    claim.approved_amount, claim.excess_amount = approved_amount, excess_amount


approve_claim = action(approve_claim_in)


def invoice_claim_in(uow: UnitOfWork, claim_id: str, invoice_id: str) -> None:
    """Link the posted repair invoice to an approved claim."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    claim = _claim(session, claim_id)
    _move(claim, "invoiced", actor)
    invoice = session.get(Invoice, invoice_id) if invoice_id else None
    if invoice is None:
        raise ValidationError("invoice_id", msg("Choose the repair invoice"))
    if invoice.status != "posted" or invoice.kind == "credit_note":
        raise ValidationError("invoice_id", msg("Link a posted invoice, not a draft or a credit note"))
    other = session.execute(select(InsuranceClaim.insurer, InsuranceClaim.claim_number).where(
        InsuranceClaim.invoice_id == invoice.id, InsuranceClaim.id != claim.id,
        InsuranceClaim.status != "rejected")).first()
    if other is not None:
        raise ValidationError("invoice_id", msg("Invoice {number} already belongs to claim {claim_number} of "
                                                "{insurer}",
                                                number=invoice.number, claim_number=other.claim_number,
                                                insurer=other.insurer))
    claim.invoice_id = invoice.id


invoice_claim = action(invoice_claim_in)


def record_payout_in(uow: UnitOfWork, claim_id: str, *, amount: int) -> int:
    """Record money the insurer paid on an invoiced claim. Payouts add up to at most the insurer's
    share (approved − excess); reaching it marks the claim paid. Returns what the insurer still owes."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    amount = _amount(amount, "amount", "The payout", positive=True)
    claim = _claim(session, claim_id)
    if claim.status != "invoiced":
        raise ValidationError("status", msg("Claim {claim_number} is {status}; payouts are recorded once the claim "
                                            "is invoiced", claim_number=claim.claim_number,
                                            status=status_word(claim.status)))
    owed = claim.approved_amount - claim.excess_amount - claim.paid_amount
    if amount > owed:
        raise ValidationError("amount", msg("The insurer owes only {session} on claim {claim_number} (approved "
                                            "amount less the customer's excess, less payouts)",
                                            session=_money(session, owed), claim_number=claim.claim_number))
    claim.paid_amount += amount
    if amount == owed:
        _move(claim, "paid", actor)
    return owed - amount


record_payout = action(record_payout_in)


def settle_claim_in(uow: UnitOfWork, claim_id: str, *, notes: str = "") -> None:
    """Close an invoiced claim as paid although the insurer paid less than its share (the rest is
    the customer's to pay or a loss). At least one payout must have been recorded."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    claim = _claim(session, claim_id)
    _move(claim, "paid", actor)
    if claim.paid_amount <= 0:
        raise ValidationError("amount", msg("No payout has been recorded; reject the claim instead"))
    if notes.strip():
        claim.notes = "\n".join(x for x in (claim.notes, notes.strip()) if x)


settle_claim = action(settle_claim_in)


def reject_claim_in(uow: UnitOfWork, claim_id: str, *, reason: str = "") -> None:
    """The insurer refused the claim. A claim the insurer has paid something on cannot be rejected."""
    actor, session = uow.actor, uow.session
    require(actor, "thirdparty.edit")
    claim = _claim(session, claim_id)
    _move(claim, "rejected", actor)
    if claim.paid_amount > 0:
        raise ValidationError("status", msg("The insurer has paid {session} on claim {claim_number}; settle it "
                                            "instead",
                                            session=_money(session, claim.paid_amount),
                                            claim_number=claim.claim_number))
    if reason.strip():
        claim.notes = "\n".join(x for x in (claim.notes, reason.strip()) if x)


reject_claim = action(reject_claim_in)


def _claims_query() -> Select:
    share = InsuranceClaim.approved_amount - InsuranceClaim.excess_amount
    outstanding = case((InsuranceClaim.status.in_(("approved", "invoiced")), share - InsuranceClaim.paid_amount),
                       else_=0)
    inv = aliased(Invoice)
    return (select(InsuranceClaim.id, InsuranceClaim.insurer, InsuranceClaim.claim_number, InsuranceClaim.status,
                   InsuranceClaim.customer_id, Customer.name.label("customer_name"), InsuranceClaim.vehicle_id,
                   Vehicle.make, Vehicle.model, Vehicle.plate, InsuranceClaim.invoice_id,
                   inv.number.label("invoice_number"), InsuranceClaim.approved_amount,
                   InsuranceClaim.excess_amount, share.label("insurer_share"), InsuranceClaim.paid_amount,
                   outstanding.label("outstanding"), InsuranceClaim.notes)
            .join(Customer, Customer.id == InsuranceClaim.customer_id)
            .outerjoin(Vehicle, Vehicle.id == InsuranceClaim.vehicle_id)
            .outerjoin(inv, inv.id == InsuranceClaim.invoice_id)
            .order_by(InsuranceClaim.insurer, InsuranceClaim.claim_number))


def _claim_row(r) -> ClaimRow:
    return ClaimRow(id=r.id, insurer=r.insurer, claim_number=r.claim_number, status=r.status,
                    customer_id=r.customer_id, customer_name=r.customer_name, vehicle_id=r.vehicle_id,
                    vehicle_label=_vehicle_label(r.make, r.model, r.plate), invoice_id=r.invoice_id,
                    invoice_number=r.invoice_number or "", approved_amount=r.approved_amount,
                    excess_amount=r.excess_amount, insurer_share=r.insurer_share, paid_amount=r.paid_amount,
                    outstanding=r.outstanding, notes=r.notes)


def claims(db: Database, actor: Actor, *, status: str | None = None, insurer: str | None = None) -> list[ClaimRow]:
    """Insurance claims by insurer and claim number, optionally of one status or insurer."""
    require_any(actor, "margin.view", "thirdparty.edit")
    if status is not None and status not in CLAIM_STATUSES:
        raise ValidationError("status", msg("Status must be one of {items}", items=', '.join(CLAIM_STATUSES)))
    query = _claims_query()
    if status is not None:
        query = query.where(InsuranceClaim.status == status)
    if insurer is not None:
        query = query.where(InsuranceClaim.insurer == insurer)
    with db.read() as conn:
        return [_claim_row(r) for r in conn.execute(query)]


def outstanding_claims(db: Database, actor: Actor) -> list[ClaimRow]:
    """Claims not yet paid or rejected (open, approved or invoiced)."""
    require_any(actor, "margin.view", "thirdparty.edit")
    with db.read() as conn:
        return [_claim_row(r) for r in conn.execute(
            _claims_query().where(InsuranceClaim.status.in_(OPEN_CLAIM_STATUSES)))]


def get_claim(db: Database, actor: Actor, claim_id: str) -> ClaimRow:
    require_any(actor, "margin.view", "thirdparty.edit")
    with db.read() as conn:
        row = conn.execute(_claims_query().where(InsuranceClaim.id == claim_id)).first()
    if row is None:
        raise NotFound(msg("The insurance claim no longer exists"))
    return _claim_row(row)
