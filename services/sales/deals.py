"""Deals: a quotation of one stock vehicle with its options, accessories, fees and insurance, priced
exactly; then the order (the vehicle reserved, a deposit taken), the invoice through billing, and
the delivery — or a cancellation.

Pricing follows billing's rule (services/billing/totals.py): each line's gross amount less its own
discount (an amount, or a percentage of its gross amount), the deal's discount shared over the lines
in proportion to what each is worth after its own, then net and tax per line at its tax code's rate
with the dealership's tax-inclusive or -exclusive prices. So the vehicle-sale invoice made from the
deal has exactly the deal's lines and totals.

Every change keeps the deal's figures current: ``price`` (the lines' gross amounts), ``discount``
(every discount), ``total``, and ``gross_profit`` = net sale − the vehicle's true cost (its purchase
cost and added costs) − the trade-in's over-allowance (allowance − actual cash value) − the costs of
the other lines (options, accessories). And its approval standing (services/sales/approvals.py).

The trade-in is settled on the invoice as a payment of method ``trade_in``: the customer pays with
the car, for its allowance less the finance the dealership settles on it (when that leaves
something); the journal books it to the trade-in clearing account, which the used car's arrival in
stock credits by its allowance (services/billing/accounting.py), so what stays there is the finance
the dealership pays off. The invoice's vehicle line names the stock vehicle it sells: posting sells
it, and a credit note that takes the line back (the whole car, before delivery) returns it to its
deal, which is then an order again.

When the finance owed on the deal's trade-ins is more than their allowance (negative equity), the
dealership still settles all of it with the lender, so the customer is charged the shortfall: every
change keeps an automatic line (``automatic`` = ``negative_equity``) of kind fee for outstanding
finance − allowance, summed over the trade-ins, and drops it once the equity is no longer negative.
It is a pass-through at cost: zero-rated (the dealership's active tax code at 0 %), no discount of
its own nor a share of the deal's, and its unit cost is its price, so it adds nothing to the gross
profit and stays out of the bases of the discount and margin percentages that approvals judge. The
invoice carries it like any line; its journal then credits revenue and debits cost of sales alike,
and books the shortfall as owed (``stock:fee``, payables): with the allowance on the clearing
account, that is the finance the dealership pays off to the lender.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import Message, msg
from core.money import check_amount, format_money, round_half_up
from core.quantities import check_quantity
from core.status_words import status_word
from models.billing import Invoice, InvoiceLine, Payment
from models.crm import Customer
from models.sales import DEAL_LINE_KINDS, Deal, DealApproval, DealLine, Lead, TradeIn
from models.vehicles import StockVehicle, Vehicle
from services import settings
from services.billing import invoices, payments
from services.billing.invoices import _tax_rates
from services.billing.invoices import balance as invoice_balance
from services.billing.totals import gross_amount, line_amounts, line_cost, percent_of, shares
from services.permissions import require
from services.sales import approvals, finance, leads
from services.sales.approvals import Standing
from services.vehicles import stock
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

TRADE_IN_METHOD = "trade_in"
NEGATIVE_EQUITY = "negative_equity"  # deal_line.automatic of a trade-in's negative equity
# How the invoice names the lines a deal keeps itself: in both languages, as its printed titles are.
ON_INVOICE = {NEGATIVE_EQUITY: "Trade-in negative equity 置换车负资产"}
# What a deal line is on the invoice.
ITEM_TYPE_OF = {"vehicle": "vehicle", "option": "vehicle", "accessory": "accessory", "fee": "fee",
                "insurance": "other"}


@dataclass
class DealLineInput:
    kind: str
    description: str
    unit_price: int
    quantity_milli: int = 1000
    discount: int = 0
    discount_bp: int | None = None  # the discount typed as a percentage (it then replaces ``discount``)
    unit_cost: int = 0
    tax_code: str = ""  # empty: the dealership's default rate


@dataclass
class DealInput:
    customer_id: str
    stock_vehicle_id: str | None
    lines: list[DealLineInput] = field(default_factory=list)
    salesperson: str = ""  # empty: whoever quotes
    lead_id: str | None = None
    discount: int = 0  # on the whole deal, shared over the lines
    discount_bp: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class DealLineView:
    id: str
    line_no: int
    kind: str
    description: str
    quantity_milli: int
    unit_price: int
    discount: int
    discount_bp: int | None
    deal_discount: int
    unit_cost: int | None  # None: the reader may not see costs
    tax_code: str
    net: int
    tax: int
    total: int
    automatic: str = ""  # kept by the deal's services (NEGATIVE_EQUITY): nobody edits or removes it


@dataclass(frozen=True)
class ApprovalView:
    level: int
    decision: str
    by: str
    at: str
    note: str
    current: bool  # given to the deal's priced content as it is now
    approver: Message = approvals.NOBODY  # who approves at the level (the role, as the levels are set up now)
    role: str = ""  # that role's code


@dataclass(frozen=True)
class DealView:
    id: str
    number: str
    status: str
    customer_id: str
    customer_name: str
    salesperson: str
    stock_vehicle_id: str | None
    stock_number: str
    vehicle_name: str
    vin: str
    lead_id: str | None
    quoted_on: date
    ordered_on: date | None
    delivered_on: date | None
    cancel_reason: str
    notes: str
    lines: list[DealLineView]
    deal_discount: int
    deal_discount_bp: int | None
    price: int
    discount: int
    net_total: int
    tax_total: int
    total: int
    gross_profit: int | None  # None: the reader may not see margins
    trade_in_allowance: int
    trade_in_outstanding: int
    to_pay: int  # total − the trade-ins' equity when positive (a negative one is a line of the total)
    deposit: int
    invoice_id: str | None
    approval_state: str
    approval_level: int
    required_level: int
    sent_back_note: str
    approvals: list[ApprovalView]
    discount_bp: int
    margin_bp: int | None
    currency: str
    pdi_repair_order_id: str | None
    # Once invoiced: what is still open on its invoice (after the deposit, trade-in, loan and payments).
    balance: int | None = None
    waiting_for: Message = approvals.NOBODY  # who approves at the level waiting (empty: none waits)
    sent_back_by: str = ""  # the login of who sent it back


@dataclass(frozen=True)
class Saved:
    id: str
    number: str
    approval_state: str
    approval_level: int
    waiting_for: Message = approvals.NOBODY  # who approves at the level waiting
    # What is beyond the salesperson's limits (the discount, the margin, with the limits), when anything is.
    beyond: Message = approvals.NOBODY


# --- reading the deal's parts -----------------------------------------------------------------------

def deal_row(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None:
        raise NotFound(msg("The deal no longer exists"))
    return deal


@dataclass(frozen=True)
class TradeInFigures:
    allowance: int
    actual_cash_value: int
    outstanding_finance: int
    keys: tuple


def trade_in_figures(conn_or_session, deal_id: str) -> TradeInFigures:
    """The allowance, actual cash value and finance to settle of the deal's trade-ins (not declined)."""
    rows = conn_or_session.execute(
        select(TradeIn.id, TradeIn.allowance, TradeIn.actual_cash_value, TradeIn.outstanding_finance)
        .where(TradeIn.deal_id == deal_id, TradeIn.status != "declined").order_by(TradeIn.id)).all()
    return TradeInFigures(sum(r.allowance for r in rows), sum(r.actual_cash_value for r in rows),
                          sum(r.outstanding_finance for r in rows), tuple(tuple(r) for r in rows))


def ratio_bp(*, price: int, discount: int, net_total: int, gross_profit: int, pass_through: int) -> tuple[int, int]:
    """A deal's discount (of its price) and gross margin (of its net sale), in basis points, both
    leaving out the ``pass_through`` it carries at cost (a trade-in's negative equity)."""
    price, net_total = price - pass_through, net_total - pass_through
    discount_bp = round_half_up(_d(discount) * 10000 / price) if price else 0
    margin_bp = round_half_up(_d(gross_profit) * 10000 / net_total) if net_total else 0
    return discount_bp, margin_bp


def pass_through(conn_or_session, deal_id: str) -> int:
    """What the deal's automatic lines come to: amounts it passes on at cost, zero-rated."""
    return int(conn_or_session.execute(select(func.coalesce(func.sum(DealLine.total), 0)).where(
        DealLine.deal_id == deal_id, DealLine.automatic != "")).scalar_one())


def _pass_through_sql():
    """:func:`pass_through` of each ``Deal`` row of a query."""
    return (select(func.coalesce(func.sum(DealLine.total), 0))
            .where(DealLine.deal_id == Deal.id, DealLine.automatic != "").scalar_subquery())


def ratios(deal: Deal, session: Session) -> tuple[int, int]:
    """The deal's discount (of its price) and gross margin (of its net sale), in basis points."""
    return ratio_bp(price=deal.price, discount=deal.discount, net_total=deal.net_total,
                    gross_profit=deal.gross_profit, pass_through=pass_through(session, deal.id))


def _d(value: int):
    from decimal import Decimal

    return Decimal(value)


def _lines(session: Session, deal_id: str) -> list[DealLine]:
    return list(session.execute(select(DealLine).where(DealLine.deal_id == deal_id)
                                .order_by(DealLine.line_no)).scalars())


def fingerprint(stock_vehicle_id: str | None, deal_discount: int, deal_discount_bp: int | None,
                lines: list[tuple], trade_in_keys: tuple, vehicle_cost: int) -> str:
    """What approvals are given to: the deal's priced content — its vehicle and that vehicle's cost,
    its discount, its lines ``(kind, description, quantity, unit price, own discount, discount %,
    unit cost, tax code)`` and its trade-ins ``(id, allowance, actual cash value, finance)`` — as
    a hash. A pure function: the demo history computes it alike."""
    content = {
        "vehicle": stock_vehicle_id, "deal_discount": [deal_discount, deal_discount_bp],
        "lines": [list(line) for line in lines], "trade_in": [list(k) for k in trade_in_keys],
        "vehicle_cost": vehicle_cost,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _zero_rate(session: Session) -> str:
    """The dealership's active tax code at 0 % (``ZERO`` when there are several) for amounts passed
    through untaxed; a ValidationError when there is none."""
    rates, _default = _tax_rates(session)
    found = sorted((code != "ZERO", code) for code, rate in rates.items() if rate == 0)
    if not found:
        raise ValidationError("tax_code", msg("The trade-in's negative equity is charged untaxed, which needs an "
                                              "active tax code at 0 %: add one in the settings"))
    return found[0][1]


def _keep_negative_equity(uow: UnitOfWork, deal: Deal, trade: TradeInFigures) -> None:
    """Keep the deal's automatic line for the finance owed on its trade-ins beyond their allowance:
    written or brought up to date while that is more than zero, removed otherwise. A deal already
    invoiced, delivered or cancelled keeps its lines."""
    if deal.status not in ("quotation", "ordered"):
        return
    session = uow.session
    shortfall = trade.outstanding_finance - trade.allowance
    have = list(session.execute(select(DealLine).where(DealLine.deal_id == deal.id,
                                                       DealLine.automatic == NEGATIVE_EQUITY)
                                .order_by(DealLine.line_no)).scalars())
    keep = have.pop(0) if have and shortfall > 0 else None
    for extra in have:
        session.delete(extra)
    session.flush()
    if shortfall <= 0:
        return
    code = _zero_rate(session)
    if keep is None:
        last = session.execute(select(func.max(DealLine.line_no)).where(DealLine.deal_id == deal.id)).scalar()
        keep = DealLine(deal_id=deal.id, line_no=(last or 0) + 1, automatic=NEGATIVE_EQUITY)
        session.add(keep)
    keep.kind, keep.description, keep.quantity_milli = "fee", msg("Trade-in negative equity"), 1000
    keep.unit_price, keep.unit_cost, keep.discount, keep.discount_bp = shortfall, shortfall, 0, None
    keep.tax_code = code
    session.flush()


def _refresh(uow: UnitOfWork, deal: Deal) -> Standing:
    """Work out the deal's figures and approval standing again from its lines, vehicle and trade-in;
    stores them on the deal (and keeps its negative equity line). Every change of a deal ends here
    (a trade-in appraised or changed elsewhere calls :func:`refresh_in`)."""
    session = uow.session
    trade = trade_in_figures(session, deal.id)
    _keep_negative_equity(uow, deal, trade)
    lines = _lines(session, deal.id)
    prices_include_tax = settings.load(session).prices_include_tax
    rates, _default = _tax_rates(session)
    # An automatic line passes an amount on at cost: it takes no share of the deal's discount.
    after_own = [0 if ln.automatic else gross_amount(quantity_milli=ln.quantity_milli, unit_price=ln.unit_price)
                 - ln.discount for ln in lines]
    base = sum(after_own)
    deal_discount = percent_of(base, deal.deal_discount_bp) if deal.deal_discount_bp is not None else deal.deal_discount
    deal_discount = max(0, min(deal_discount, base))
    deal.deal_discount = deal_discount
    price = discount = net = tax = total = other_costs = 0
    for line, share in zip(lines, shares(deal_discount, after_own), strict=True):
        rate = rates.get(line.tax_code, 0)
        amounts = line_amounts(quantity_milli=line.quantity_milli, unit_price=line.unit_price,
                               discount=line.discount + share, rate_bp=rate, prices_include_tax=prices_include_tax)
        line.deal_discount, line.net, line.tax, line.total = share, amounts.net, amounts.tax, amounts.total
        price += gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price)
        discount += line.discount + share
        net, tax, total = net + amounts.net, tax + amounts.tax, total + amounts.total
        if line.kind != "vehicle":
            other_costs += line_cost(quantity_milli=line.quantity_milli, unit_cost=line.unit_cost)
    vehicle_cost = stock.total_cost(session, deal.stock_vehicle_id) if deal.stock_vehicle_id else 0
    deal.price, deal.discount, deal.net_total, deal.tax_total, deal.total = price, discount, net, tax, total
    deal.gross_profit = net - vehicle_cost - (trade.allowance - trade.actual_cash_value) - other_costs
    deal.fingerprint = fingerprint(deal.stock_vehicle_id, deal.deal_discount, deal.deal_discount_bp,
                                   [(ln.kind, ln.description, ln.quantity_milli, ln.unit_price, ln.discount,
                                     ln.discount_bp, ln.unit_cost, ln.tax_code) for ln in lines],
                                   trade.keys, vehicle_cost)
    levels = approvals.levels_of(session)
    discount_bp, margin_bp = ratios(deal, session)
    needed = approvals.required_level(levels, discount_bp, margin_bp)
    found = approvals.standing(session, deal.id, deal.fingerprint, levels, needed)
    deal.approval_state, deal.approval_level, deal.required_level = found.state, found.waiting_level, needed
    session.flush()
    return found


def refresh_in(uow: UnitOfWork, deal_id: str) -> Standing | None:
    """:func:`_refresh` for a deal whose trade-in or vehicle cost changed elsewhere; a deal already
    invoiced, delivered or cancelled keeps its figures (None)."""
    require(uow.actor, "deal.edit")
    deal = deal_row(uow.session, deal_id)
    if deal.status not in ("quotation", "ordered"):
        return None
    return _refresh(uow, deal)


# --- quoting ----------------------------------------------------------------------------------------

def _clean_lines(session: Session, lines: list[DealLineInput]) -> list[DealLineInput]:
    rates, default = _tax_rates(session)
    out = []
    for i, line in enumerate(lines, start=1):
        where = f"lines[{i}]"
        if line.kind not in DEAL_LINE_KINDS:
            raise ValidationError(f"{where}.kind", msg("A deal line is a vehicle, an option, an accessory, a fee or "
                                                       "an insurance premium"))
        description = " ".join(line.description.split())
        if not description:
            raise ValidationError(f"{where}.description", msg("A line needs a description"))
        if len(description) > 300:
            raise ValidationError(f"{where}.description", msg("A description is at most 300 characters"))
        check_quantity(f"{where}.quantity", line.quantity_milli)
        if line.quantity_milli <= 0:
            raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero"))
        if check_amount(f"{where}.unit_price", line.unit_price) < 0:
            raise ValidationError(f"{where}.unit_price", msg("The unit price cannot be negative"))
        if check_amount(f"{where}.unit_cost", line.unit_cost) < 0:
            raise ValidationError(f"{where}.unit_cost", msg("The unit cost cannot be negative"))
        gross = gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price)
        discount = check_amount(f"{where}.discount", line.discount)
        if line.discount_bp is not None:
            if isinstance(line.discount_bp, bool) or not isinstance(line.discount_bp, int) \
                    or not 0 <= line.discount_bp <= 10000:
                raise ValidationError(f"{where}.discount", msg("A discount in percent is between 0 % and 100 %"))
            discount = percent_of(gross, line.discount_bp)
        if discount < 0 or discount > gross:
            raise ValidationError(f"{where}.discount", msg("The discount must be between zero and the line amount"))
        code = line.tax_code.strip().upper() or default
        if code not in rates:
            raise ValidationError(f"{where}.tax_code", msg("Unknown or inactive tax code '{tax_code}'",
                                                           tax_code=line.tax_code))
        out.append(DealLineInput(kind=line.kind, description=description, unit_price=line.unit_price,
                                 quantity_milli=line.quantity_milli, discount=discount, discount_bp=line.discount_bp,
                                 unit_cost=line.unit_cost, tax_code=code))
    if sum(1 for line in out if line.kind == "vehicle") > 1:
        raise ValidationError("lines", msg("A deal sells one vehicle: keep one vehicle line"))
    for i, line in enumerate(out, start=1):
        if line.kind == "vehicle" and line.quantity_milli != 1000:
            raise ValidationError(f"lines[{i}].quantity", msg("A deal sells one vehicle: its quantity is 1"))
    return out


def _vehicle_line(session: Session, stock_vehicle_id: str) -> DealLineInput:
    row = session.get(StockVehicle, stock_vehicle_id)
    vehicle = session.get(Vehicle, row.vehicle_id)
    name = " ".join(x for x in (vehicle.make, vehicle.model, vehicle.variant) if x) or row.stock_number
    return DealLineInput(kind="vehicle", description=f"{name} {vehicle.vin}", unit_price=row.list_price)


def _check_header(uow: UnitOfWork, data: DealInput, deal: Deal | None) -> None:
    session = uow.session
    if not data.customer_id or session.get(Customer, data.customer_id) is None:
        raise ValidationError("customer_id", msg("Choose the customer"))
    if data.stock_vehicle_id:
        row = session.get(StockVehicle, data.stock_vehicle_id)
        if row is None:
            raise ValidationError("stock_vehicle_id", msg("The stock vehicle is not known"))
        held_by_other = row.deal_id and (deal is None or row.deal_id != deal.id)
        if held_by_other or (row.status in ("sold", "delivered") and (deal is None or row.deal_id != deal.id)):
            other = session.execute(select(Deal.number).where(Deal.id == row.deal_id)).scalar() or ""
            raise ValidationError("stock_vehicle_id", msg("Stock vehicle {number} is held by another deal{other}",
                                                          number=row.stock_number,
                                                          other=f" ({other})" if other else ""))
    if data.lead_id and session.get(Lead, data.lead_id) is None:
        raise ValidationError("lead_id", msg("The lead is not known"))
    if data.discount_bp is not None and (isinstance(data.discount_bp, bool) or not isinstance(data.discount_bp, int)
                                         or not 0 <= data.discount_bp <= 10000):
        raise ValidationError("discount", msg("A discount in percent is between 0 % and 100 %"))
    if check_amount("discount", data.discount) < 0:
        raise ValidationError("discount", msg("A discount cannot be negative"))
    if len(data.notes) > 4000:
        raise ValidationError("notes", msg("Notes are at most 4000 characters"))


def save_in(uow: UnitOfWork, deal_id: str | None, data: DealInput) -> Saved:
    """Create a quotation (``deal_id`` None) or change a deal that is not invoiced yet. A stock vehicle
    without a vehicle line gets one at its list price. A deal beyond the salesperson's limits waits
    for approval (see :mod:`services.sales.approvals`); so does any change of an approved one's
    priced content. An ordered deal that changes vehicle gives the old one up and reserves the new."""
    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id) if deal_id else None
    if deal is not None and deal.status not in ("quotation", "ordered"):
        raise ValidationError("status", msg("Deal {number} is {status} and can no longer change",
                                            number=deal.number, status=status_word(deal.status)))
    _check_header(uow, data, deal)
    lines = _clean_lines(session, data.lines)
    if data.stock_vehicle_id and not any(line.kind == "vehicle" for line in lines):
        lines.insert(0, _vehicle_line(session, data.stock_vehicle_id))
    # As on an invoice: the deal's discount is at most what the lines come to after their own discounts.
    if data.discount_bp is None and data.discount > sum(
            gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price) - line.discount
            for line in lines):
        raise ValidationError("discount", msg("The deal's discount must be between zero and the lines' amount after "
                                              "their own discounts"))
    salesperson = data.salesperson.strip() or (deal.salesperson if deal else uow.actor.username)
    if deal is None:
        today = clock.today()
        deal = Deal(number=settings.next_number(session, "deal", on=today), status="quotation",
                    customer_id=data.customer_id, quoted_on=today)
        session.add(deal)
    old_vehicle = deal.stock_vehicle_id
    deal.customer_id, deal.lead_id, deal.salesperson = data.customer_id, data.lead_id or None, salesperson
    deal.stock_vehicle_id = data.stock_vehicle_id or None
    deal.deal_discount, deal.deal_discount_bp = data.discount, data.discount_bp
    deal.notes = data.notes.strip()
    session.flush()
    if deal.lead_id:
        leads.quoted_in(uow, deal.lead_id)
    if deal.status == "ordered" and old_vehicle != deal.stock_vehicle_id:
        if not deal.stock_vehicle_id:
            raise ValidationError("stock_vehicle_id", msg("An ordered deal needs its vehicle"))
        if old_vehicle:
            stock.release_in(uow, old_vehicle, deal.id, reason=msg("another vehicle chosen for deal {number}",
                                                                   number=deal.number))
        stock.reserve_in(uow, deal.stock_vehicle_id, deal.id, deal_number=deal.number)
    kept = []
    for old in _lines(session, deal.id):
        if old.automatic:
            kept.append(old)  # the deal's own: not typed, so not in ``data``
        else:
            session.delete(old)
    session.flush()
    for no, old in enumerate(kept, start=len(lines) + 1):
        old.line_no = no
    session.flush()
    for no, line in enumerate(lines, start=1):
        session.add(DealLine(deal_id=deal.id, line_no=no, kind=line.kind, description=line.description,
                             quantity_milli=line.quantity_milli, unit_price=line.unit_price, discount=line.discount,
                             discount_bp=line.discount_bp, unit_cost=line.unit_cost, tax_code=line.tax_code))
    session.flush()
    found = named(session, _refresh(uow, deal))
    return Saved(deal.id, deal.number, found.state, found.waiting_level, found.approver,
                 beyond_limits(uow.actor, session, deal))


def beyond_limits(actor: Actor, session: Session, deal: Deal) -> Message:
    """What of ``deal`` is beyond the first level's limits (the salesperson's alone), as
    :func:`approvals.beyond` names it for ``actor``; empty when it keeps them."""
    discount_bp, margin_bp = ratios(deal, session)
    margins = actor.can("margin.view") or actor.can("cost.view")
    return approvals.beyond(approvals.levels_of(session)[0], discount_bp, margin_bp, margins=margins)


save = action(save_in)


# --- approvals ----------------------------------------------------------------------------------------

def named(conn_or_session, found: Standing) -> Standing:
    """``found`` with who approves at the level waiting."""
    if not found.waiting_level:
        return found
    levels = approvals.levels_of(conn_or_session)
    return replace(found, approver=approvals.approver(conn_or_session, levels, found.waiting_level))


def _decide(uow: UnitOfWork, deal_id: str, decision: str, note: str) -> Standing:
    require(uow.actor, "deal.approve")
    session = uow.session
    deal = deal_row(session, deal_id)
    found = _refresh(uow, deal)
    if deal.status not in ("quotation", "ordered") or found.state != "pending":
        raise Conflict(msg("Deal {number} is not waiting for an approval", number=deal.number))
    levels = approvals.levels_of(session)
    if not approvals.may_approve(uow.actor, levels, deal.approval_level):
        raise ValidationError("level", msg("Deal {number} waits for the approval of {approver}, which is not yours "
                                           "to give", number=deal.number,
                                           approver=approvals.approver(session, levels, deal.approval_level)))
    note = " ".join(note.split())
    if decision == "sent_back" and not note:
        raise ValidationError("note", msg("Say why the deal is sent back: the salesperson reads the note"))
    if len(note) > 500:
        raise ValidationError("note", msg("A note is at most 500 characters"))
    discount_bp, margin_bp = ratios(deal, session)
    last = session.execute(select(func.max(DealApproval.at)).where(DealApproval.deal_id == deal.id)).scalar()
    at = uow.now if last is None or last < uow.now else last + timedelta(microseconds=1)
    session.add(DealApproval(deal_id=deal.id, level=deal.approval_level, decision=decision, by=uow.actor.username,
                             at=at, note=note, fingerprint=deal.fingerprint, discount_bp=discount_bp,
                             margin_bp=margin_bp))
    session.flush()
    return named(session, _refresh(uow, deal))


def approve_in(uow: UnitOfWork, deal_id: str, *, note: str = "") -> Standing:
    """Approve the deal at the level now waiting, which must be the actor's (the owner's: any).
    Returns where the deal then stands (the next level waits, naming who approves there, or it is
    approved)."""
    require(uow.actor, "deal.approve")
    return _decide(uow, deal_id, "approved", note)


approve = action(approve_in)


def send_back_in(uow: UnitOfWork, deal_id: str, note: str) -> Standing:
    """Send the deal back to its salesperson with ``note`` (required): it waits until it changes."""
    require(uow.actor, "deal.approve")
    return _decide(uow, deal_id, "sent_back", note)


send_back = action(send_back_in)


def _refusal(number: str, state: str, approver: Message, note: str) -> ValidationError | None:
    """Why a deal standing ``state`` cannot be ordered or invoiced (None: it can)."""
    if state == "pending":
        return ValidationError("approval", msg("Deal {number} waits for the approval of {approver}: it cannot go on "
                                               "until then", number=number, approver=approver))
    if state == "sent_back":
        return ValidationError("approval", msg("Deal {number} was sent back ({note}): change it first",
                                               number=number, note=note))
    return None


def _check_approved(deal: Deal, found: Standing) -> None:
    """Refuse ordering or invoicing ``deal`` while an approval is missing or it was sent back."""
    found = named(object_session(deal), found)
    refused = _refusal(deal.number, found.state, found.approver, found.note)
    if refused is not None:
        raise refused


def check_may_go_on(view: DealView) -> None:
    """Refuse at once, as ordering or invoicing would, a deal that its view shows waiting for an
    approval or sent back: the same ValidationError, before the user is asked anything. The service
    checks again on the deal as it then stands. Any thread; reads nothing."""
    refused = _refusal(view.number, view.approval_state, view.waiting_for, view.sent_back_note)
    if refused is not None:
        raise refused


# --- the order ----------------------------------------------------------------------------------------

def order_in(uow: UnitOfWork, deal_id: str, *, deposit: int = 0, method: str = "cash", reference: str = "",
             on: date | None = None) -> str | None:
    """Order the quotation: its vehicle is reserved for it (refused while another deal holds it) and
    the ``deposit`` (if any) is taken through billing as a payment held for the deal's number — one
    transaction. Refused while an approval is missing. Returns the deposit payment's id."""
    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id)
    if deal.status != "quotation":
        raise ValidationError("status", msg("Deal {number} is {status}; only a quotation can be ordered",
                                            number=deal.number, status=status_word(deal.status)))
    _check_approved(deal, _refresh(uow, deal))
    if not deal.stock_vehicle_id:
        raise ValidationError("stock_vehicle_id", msg("Choose the vehicle before ordering"))
    if check_amount("deposit", deposit) < 0:
        raise ValidationError("deposit", msg("A deposit cannot be negative"))
    if deposit > deal.total:
        raise ValidationError("deposit", msg("The deposit is more than the deal's total"))
    other = session.execute(select(StockVehicle.deal_id).where(StockVehicle.id == deal.stock_vehicle_id)).scalar()
    other_number = session.execute(select(Deal.number).where(Deal.id == other)).scalar() if other else ""
    stock.reserve_in(uow, deal.stock_vehicle_id, deal.id, deal_number=other_number or "")
    payment_id = None
    if deposit > 0:
        payment_id = payments.take_payment_in(
            uow, customer_id=deal.customer_id, splits=[payments.PaymentSplit(method, deposit, reference)],
            held_for=deal.number, on=on, notes=msg("Deposit for deal {number}", number=deal.number))[0]
    deal.status, deal.ordered_on = "ordered", on or clock.today()
    deal.deposit, deal.deposit_payment_id = deposit, payment_id
    session.flush()
    return payment_id


def _bring_current(db: Database, actor: Actor, deal_id: str) -> None:
    """Work the deal's figures and approval standing out again and keep them, before an action that
    a stale approval refuses: a trade-in changed elsewhere then shows in the inbox as waiting, even
    though the refused action itself changes nothing."""
    with UnitOfWork(db, actor) as uow:
        refresh_in(uow, deal_id)
        uow.commit()


def order(db: Database, actor: Actor, deal_id: str, **kwargs) -> str | None:
    """:func:`order_in` in its own unit of work, the deal's standing brought up to date first."""
    _bring_current(db, actor, deal_id)
    return action(order_in)(db, actor, deal_id, **kwargs)


# --- cancelling ---------------------------------------------------------------------------------------

def cancel_in(uow: UnitOfWork, deal_id: str, reason: str, *, refund: bool = True, refund_method: str = "cash",
              on: date | None = None) -> None:
    """Cancel a deal that is not invoiced, saying why: its vehicle is given up and its deposit is
    paid back (``refund``, by ``refund_method``) or kept as the customer's credit — one transaction."""
    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("reason", msg("Say why the deal is cancelled"))
    if len(reason) > 300:
        raise ValidationError("reason", msg("A reason is at most 300 characters"))
    if deal.status not in ("quotation", "ordered"):
        raise ValidationError("status", msg("Deal {number} is {status} and cannot be cancelled",
                                            number=deal.number, status=status_word(deal.status)))
    if deal.stock_vehicle_id:
        stock.release_in(uow, deal.stock_vehicle_id, deal.id, reason=reason)
    _cancel_returned_money(uow, deal, reason, refund=refund, refund_method=refund_method, on=on)
    if deal.deposit_payment_id:
        sources = payments._credit_sources(session, deal.customer_id)
        left = next((s.remaining for s in sources if s.id == deal.deposit_payment_id), 0)
        if refund and left > 0:
            payments.refund_in(uow, customer_id=deal.customer_id, amount=left, method=refund_method,
                               reason=msg("Deal {number} cancelled: {reason}", number=deal.number, reason=reason),
                               refund_of_id=deal.deposit_payment_id, on=on)
        elif left > 0:
            uow.audit([Change("hold_deposit", "deal", deal.id, None, {"amount": left},
                              summary=msg("Deposit of deal {number} kept as the customer's credit",
                                          number=deal.number))])
    deal.status, deal.cancelled_on, deal.cancel_reason = "cancelled", on or clock.today(), reason
    session.flush()


def _cancel_returned_money(uow: UnitOfWork, deal: Deal, reason: str, *, refund: bool, refund_method: str,
                           on: date | None) -> None:
    """A cancelled deal's trade-ins not taken into stock go back to being only appraised. After a
    credit note took its car back, the money that paid its invoice is the customer's credit: what a
    trade-in not taken in paid leaves the clearing account; a loan paid out goes back to the lender;
    the rest (the deposit, what the customer paid, a trade-in the dealership now holds) is paid back
    by ``refund_method`` or kept as the customer's credit."""
    session = uow.session
    held = 0
    for t in session.execute(select(TradeIn).where(TradeIn.deal_id == deal.id)).scalars():
        if t.status == "taken_in":
            held += max(t.allowance - t.outstanding_finance, 0)
        elif t.status == "accepted":
            t.status = "appraised"  # accepted for this deal only: it is not taken in for a deal never made
    notes = _deal_credit_notes(session, deal)
    if not notes:
        return
    why = msg("Deal {number} cancelled: {reason}", number=deal.number, reason=reason)
    handed = (_hand_back(uow, deal, TRADE_IN_METHOD, held, why, on)
              + _hand_back(uow, deal, finance.PAYOUT_METHOD, 0, why, on))
    noted = sum(s.remaining for s in payments._credit_sources(session, deal.customer_id) if s.id in notes)
    left = min(noted - handed, payments.refundable_credit(session, deal.customer_id, on=on or clock.today()))
    if refund and left > 0:
        payments.refund_in(uow, customer_id=deal.customer_id, amount=left, method=refund_method, reason=str(why),
                           on=on, reference=deal.number)
    elif left > 0:
        uow.audit([Change("hold_credit", "deal", deal.id, None, {"amount": left},
                          summary=msg("Credit of deal {number} kept as the customer's credit", number=deal.number))])


cancel = action(cancel_in)


# --- invoicing ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Invoiced:
    invoice_id: str
    number: str
    total: int
    balance: int  # still to pay after the deposit, the trade-in and a paid-out loan


def invoice_in(uow: UnitOfWork, deal_id: str, *, on: date | None = None, backdate_reason: str = "") -> Invoiced:
    """Invoice an ordered deal: a posted vehicle-sale invoice with the deal's lines, its trade-ins'
    negative equity among them (posting sells the vehicle), the deposit allocated to it, the
    trade-in settled (a ``trade_in`` payment of its allowance less the finance the dealership
    settles on it, when that is positive) and a paid-out loan taken as a ``finance_payout`` payment
    — one transaction. What is left is the balance the customer pays.

    A deal invoiced again after a credit note took its car back first uses what that credit note
    left the customer (the deposit, the trade-in and any loan that paid the first invoice), and
    takes the trade-in and the loan only for what they have not paid already."""
    from services.billing.invoices import DraftInput, LineInput

    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id)
    if deal.status != "ordered":
        raise ValidationError("status", msg("Deal {number} is {status}; only an ordered deal is invoiced",
                                            number=deal.number, status=status_word(deal.status)))
    _check_approved(deal, _refresh(uow, deal))
    row = session.get(StockVehicle, deal.stock_vehicle_id)
    vehicle_cost = stock.total_cost(session, row.id)
    lines = []
    for line in _lines(session, deal.id):
        unit_cost = vehicle_cost * 1000 // line.quantity_milli if line.kind == "vehicle" else line.unit_cost
        description = ON_INVOICE.get(line.automatic, line.description)
        lines.append(LineInput(description=description, quantity_milli=line.quantity_milli,
                               unit_price=line.unit_price, item_type=ITEM_TYPE_OF[line.kind], discount=line.discount,
                               tax_code=line.tax_code, unit_cost=unit_cost, shares_discount=not line.automatic,
                               stock_vehicle_id=row.id if line.kind == "vehicle" else None))
    draft = DraftInput(kind="vehicle_sale", customer_id=deal.customer_id, vehicle_id=row.vehicle_id, lines=lines,
                       reference=deal.number, notes=f"Deal 销售单 {deal.number}",
                       discount=deal.deal_discount)
    invoice_id = invoices.save_draft_in(uow, None, draft)
    deal.invoice_id = invoice_id
    session.flush()
    number = invoices.post_in(uow, invoice_id, on=on, backdate_reason=backdate_reason)
    issued = session.get(invoices.Invoice, invoice_id).issued_on
    deal.status = "invoiced"
    trade = trade_in_figures(session, deal.id)
    if _deal_credit_notes(session, deal, but=invoice_id):
        _hand_back(uow, deal, TRADE_IN_METHOD, max(trade.allowance - trade.outstanding_finance, 0),
                   msg("Trade-in on deal {number} changed since its invoice was credited", number=deal.number),
                   issued)
    _reuse_credit_notes(uow, deal, invoice_id, issued)
    if deal.deposit_payment_id:
        sources = payments._credit_sources(session, deal.customer_id)
        left = next((s.remaining for s in sources if s.id == deal.deposit_payment_id), 0)
        take = min(left, invoices.balance(session, invoice_id))
        if take > 0:
            payments.allocate_in(uow, invoice_id=invoice_id, amount=take, payment_id=deal.deposit_payment_id,
                                 on=issued)
    equity = min(trade.allowance - trade.outstanding_finance - _taken(session, deal, TRADE_IN_METHOD),
                 invoices.balance(session, invoice_id))
    if equity > 0:
        payments.take_payment_in(uow, customer_id=deal.customer_id,
                                 splits=[payments.PaymentSplit(TRADE_IN_METHOD, equity, deal.number)],
                                 allocations={number: equity}, on=issued,
                                 notes=msg("Trade-in on deal {number}", number=deal.number))
    paid_out = finance.approved_finance(session, deal.id, statuses=("paid_out",))
    finance.take_payout_in(uow, deal.id, paid_out - _taken(session, deal, finance.PAYOUT_METHOD), on=issued)
    total = session.get(invoices.Invoice, invoice_id).total
    return Invoiced(invoice_id, number, total, invoices.balance(session, invoice_id))


def _taken(session: Session, deal: Deal, method: str) -> int:
    """What the deal's payments of ``method`` have brought in so far (a trade-in, a loan), less what
    was handed back."""
    return int(session.execute(select(func.coalesce(func.sum(Payment.amount), 0)).where(
        Payment.customer_id == deal.customer_id, Payment.method == method,
        Payment.reference == deal.number)).scalar_one())


def _hand_back(uow: UnitOfWork, deal: Deal, method: str, worth: int, reason: Message, on: date | None) -> int:
    """The deal's ``method`` payments brought more than it is now worth (a trade-in lowered or taken
    off after the car came back, a cancelled deal's loan): pay the difference back out of the credit
    the credit note left, by the same method (the clearing account, the lender). Returns it."""
    session = uow.session
    over = min(_taken(session, deal, method) - worth, payments.customer_credit(session, deal.customer_id))
    if over > 0:
        payments.refund_in(uow, customer_id=deal.customer_id, amount=over, method=method, reason=str(reason),
                           on=on, reference=deal.number)
    return max(over, 0)


def _deal_credit_notes(session: Session, deal: Deal, but: str | None = None) -> set[str]:
    earlier = select(Invoice.id).where(Invoice.kind == "vehicle_sale", Invoice.reference == deal.number,
                                       Invoice.status == "posted", Invoice.id != but)
    return set(session.execute(select(Invoice.id).where(Invoice.kind == "credit_note",
                                                        Invoice.credited_invoice_id.in_(earlier))).scalars())


def _reuse_credit_notes(uow: UnitOfWork, deal: Deal, invoice_id: str, on: date) -> None:
    """Allocate to the deal's new invoice what the credit notes of its earlier invoices left."""
    session = uow.session
    notes = _deal_credit_notes(session, deal, but=invoice_id)
    if not notes:
        return
    for source in payments._credit_sources(session, deal.customer_id):
        if source.kind != "credit_note" or source.id not in notes:
            continue
        # What is left of the credit note, within what the customer still holds (some may have been
        # paid back since), within what is open.
        take = min(source.remaining, payments.customer_credit(session, deal.customer_id),
                   invoices.balance(session, invoice_id))
        if take > 0:
            payments.allocate_in(uow, invoice_id=invoice_id, amount=take, credit_note_id=source.id, on=on)


def invoice(db: Database, actor: Actor, deal_id: str, **kwargs) -> Invoiced:
    """:func:`invoice_in` in its own unit of work, the deal's standing brought up to date first."""
    _bring_current(db, actor, deal_id)
    return action(invoice_in)(db, actor, deal_id, **kwargs)


def sell_on_posting(ctx) -> None:
    """Posting a vehicle-sale invoice made from a deal sells the deal's vehicle, in the posting's
    transaction (registered with billing's posting hooks)."""
    session = ctx.uow.session
    deal = session.execute(select(Deal).where(Deal.invoice_id == ctx.document.id)).scalar_one_or_none()
    if deal is not None and deal.stock_vehicle_id:
        stock.sell_in(ctx.uow, deal.stock_vehicle_id, deal.id, on=ctx.on)


def return_on_credit(ctx) -> None:
    """A credit note that takes back the car of a deal's invoice returns it: the car is reserved by
    its deal again and the deal is an order again, to be invoiced anew or cancelled — in the credit
    note's transaction (registered with billing's credit hooks). A delivered car is refused: the
    customer has it, so its price is credited, or it comes back as a trade-in."""
    session = ctx.uow.session
    cars = set(session.execute(select(InvoiceLine.stock_vehicle_id).where(
        InvoiceLine.invoice_id == ctx.document.id, InvoiceLine.stock_vehicle_id.is_not(None),
        InvoiceLine.quantity_milli > 0)).scalars())
    for car_id in cars:
        car = session.get(StockVehicle, car_id)
        deal = session.get(Deal, car.deal_id) if car is not None and car.deal_id else None
        if car is None or deal is None or deal.invoice_id != ctx.credited.id:
            continue
        if car.status == "delivered":
            raise Conflict(msg("Stock vehicle {number} was delivered: credit its price only, or take the car "
                               "back in as a trade-in", number=car.stock_number))
        # The deal is invoiced anew with all its lines, so nothing of the old invoice may stay billed.
        taken = invoices.credited_quantities(session, ctx.credited.id)
        for line_id, quantity in session.execute(select(InvoiceLine.credited_line_id, InvoiceLine.quantity_milli)
                                                 .where(InvoiceLine.invoice_id == ctx.document.id)):
            taken[line_id] = taken.get(line_id, 0) + quantity
        billed = session.execute(select(InvoiceLine.id, InvoiceLine.quantity_milli)
                                 .where(InvoiceLine.invoice_id == ctx.credited.id)).all()
        if any(taken.get(line_id, 0) < quantity for line_id, quantity in billed):
            raise ValidationError("lines", msg("The car of deal {deal} is taken back with its whole invoice: credit "
                                               "all of {invoice}, then invoice the deal again",
                                               deal=deal.number, invoice=ctx.credited.number))
        stock.unsell_in(ctx.uow, car.id, deal.id, reason=f"credit note {ctx.document.number or ''}".strip())
        deal.status, deal.invoice_id = "ordered", None
        ctx.uow.touched("deal", [deal.id])


# --- reading ------------------------------------------------------------------------------------------

def get(db: Database, actor: Actor, deal_id: str) -> DealView:
    """The deal with its lines, figures and approvals. Any thread."""
    require(actor, "deal.view")
    with db.read() as conn:
        d = conn.execute(select(Deal.__table__).where(Deal.id == deal_id)).mappings().first()
        if d is None:
            raise NotFound(msg("The deal no longer exists"))
        customer = conn.execute(select(Customer.name).where(Customer.id == d["customer_id"])).scalar() or ""
        stock_number = vin = name = ""
        if d["stock_vehicle_id"]:
            v = conn.execute(select(StockVehicle.stock_number, Vehicle.vin, Vehicle.make, Vehicle.model,
                                    Vehicle.variant).join(Vehicle, Vehicle.id == StockVehicle.vehicle_id)
                             .where(StockVehicle.id == d["stock_vehicle_id"])).first()
            if v is not None:
                stock_number, vin = v.stock_number, v.vin
                name = " ".join(x for x in (v.make, v.model, v.variant) if x)
        costs = actor.can("cost.view")
        lines = [DealLineView(r.id, r.line_no, r.kind, r.description, r.quantity_milli, r.unit_price, r.discount,
                              r.discount_bp, r.deal_discount, r.unit_cost if costs else None, r.tax_code, r.net,
                              r.tax, r.total, r.automatic)
                 for r in conn.execute(select(DealLine.__table__).where(DealLine.deal_id == deal_id)
                                       .order_by(DealLine.line_no))]
        levels = approvals.levels_of(conn)
        approvers = {lv.level: approvals.approver(conn, levels, lv.level) for lv in levels}
        decisions = [ApprovalView(r.level, r.decision, r.by, r.at.isoformat(" ", "minutes"), r.note,
                                  r.fingerprint == d["fingerprint"], approvers.get(r.level, Message(str(r.level))),
                                  approvals.role_at(levels, r.level))
                     for r in conn.execute(select(DealApproval.__table__).where(DealApproval.deal_id == deal_id)
                                           .order_by(DealApproval.at))]
        trade = trade_in_figures(conn, deal_id)
        currency = settings.load(conn).currency
        balance = invoice_balance(conn, d["invoice_id"]) if d["invoice_id"] else None
    sent_back = d["approval_state"] == "sent_back" and decisions
    note, sent_back_by = (decisions[-1].note, decisions[-1].by) if sent_back else ("", "")
    waiting_for = approvers.get(d["approval_level"], approvals.NOBODY) if d["approval_state"] == "pending" \
        else approvals.NOBODY
    margins = actor.can("margin.view") or actor.can("cost.view")
    discount_bp, margin_bp = ratio_bp(price=d["price"], discount=d["discount"], net_total=d["net_total"],
                                      gross_profit=d["gross_profit"],
                                      pass_through=sum(ln.total for ln in lines if ln.automatic))
    return DealView(
        id=d["id"], number=d["number"], status=d["status"], customer_id=d["customer_id"], customer_name=customer,
        salesperson=d["salesperson"], stock_vehicle_id=d["stock_vehicle_id"], stock_number=stock_number,
        vehicle_name=name, vin=vin, lead_id=d["lead_id"], quoted_on=d["quoted_on"], ordered_on=d["ordered_on"],
        delivered_on=d["delivered_on"], cancel_reason=d["cancel_reason"], notes=d["notes"], lines=lines,
        deal_discount=d["deal_discount"], deal_discount_bp=d["deal_discount_bp"], price=d["price"],
        discount=d["discount"], net_total=d["net_total"], tax_total=d["tax_total"], total=d["total"],
        gross_profit=d["gross_profit"] if margins else None, trade_in_allowance=trade.allowance,
        trade_in_outstanding=trade.outstanding_finance,
        to_pay=d["total"] - max(0, trade.allowance - trade.outstanding_finance), deposit=d["deposit"],
        invoice_id=d["invoice_id"], approval_state=d["approval_state"], approval_level=d["approval_level"],
        required_level=d["required_level"], sent_back_note=note, approvals=decisions, discount_bp=discount_bp,
        margin_bp=margin_bp if margins else None, currency=currency, pdi_repair_order_id=d["pdi_repair_order_id"],
        balance=balance, waiting_for=waiting_for, sent_back_by=sent_back_by)


@dataclass(frozen=True)
class InboxRow:
    id: str
    number: str
    customer_name: str
    vehicle: str
    salesperson: str
    total: int
    discount_bp: int
    margin_bp: int | None
    level: int
    quoted_on: date


def inbox(db: Database, actor: Actor) -> list[InboxRow]:
    """The deals waiting for an approval at a level ``actor`` decides, oldest quotation first. Any
    thread."""
    require(actor, "deal.approve")
    with db.read() as conn:
        levels = approvals.levels_of(conn)
        mine = [lv.level for lv in levels if approvals.may_approve(actor, levels, lv.level)]
        if not mine:
            return []
        rows = conn.execute(
            select(Deal.id, Deal.number, Customer.name, StockVehicle.make, StockVehicle.model, Deal.salesperson,
                   Deal.total, Deal.price, Deal.discount, Deal.gross_profit, Deal.net_total, Deal.approval_level,
                   Deal.quoted_on, _pass_through_sql().label("pass_through"))
            .join(Customer, Customer.id == Deal.customer_id)
            .outerjoin(StockVehicle, StockVehicle.id == Deal.stock_vehicle_id)
            .where(Deal.approval_state == "pending", Deal.approval_level.in_(mine),
                   Deal.status.in_(("quotation", "ordered")))
            .order_by(Deal.quoted_on, Deal.number)).all()
    margins = actor.can("margin.view") or actor.can("cost.view")
    out = []
    for r in rows:
        discount_bp, margin_bp = ratio_bp(price=r.price, discount=r.discount, net_total=r.net_total,
                                          gross_profit=r.gross_profit, pass_through=r.pass_through)
        out.append(InboxRow(r.id, r.number, r.name, " ".join(x for x in (r.make, r.model) if x), r.salesperson,
                            r.total, discount_bp, margin_bp if margins else None, r.approval_level, r.quoted_on))
    return out


def money(conn_or_session, minor: int) -> str:
    return format_money(minor, settings.load(conn_or_session).currency)


def deposit_left(conn_or_session, deal: Deal) -> int:
    """What is left of the deal's deposit to allocate or refund."""
    if not deal.deposit_payment_id:
        return 0
    return next((s.remaining for s in payments._credit_sources(conn_or_session, deal.customer_id)
                 if s.id == deal.deposit_payment_id), 0)



from services.billing import posting  # noqa: E402  (registered once the deal services are loaded)

posting.on_post("vehicle_sale", sell_on_posting)
posting.on_credit("vehicle_sale", return_on_credit)


@dataclass(frozen=True)
class StockChoice:
    id: str
    stock_number: str
    vin: str
    name: str
    list_price: int
    status: str


def find_stock(db: Database, actor: Actor, text: str, *, deal_id: str | None = None) -> list[StockChoice]:
    """Stock vehicles a deal may sell (not held by another deal, not sold) whose stock number or VIN
    is ``text`` or ends with it, or whose make or model contains it; at most 20. Any thread."""
    require(actor, "deal.view")
    text = text.strip().upper()
    if not text:
        return []
    like = f"%{text.replace('%', '').replace('_', '')}%"
    with db.read() as conn:
        rows = conn.execute(
            select(StockVehicle.id, StockVehicle.stock_number, Vehicle.vin, Vehicle.make, Vehicle.model,
                   Vehicle.variant, StockVehicle.list_price, StockVehicle.status)
            .join(Vehicle, Vehicle.id == StockVehicle.vehicle_id)
            .where(StockVehicle.status.in_(("on_order", "in_transit", "in_stock", "reserved")),
                   (StockVehicle.deal_id.is_(None)) | (StockVehicle.deal_id == (deal_id or "")),
                   (func.upper(StockVehicle.stock_number) == text) | Vehicle.vin.like(f"%{text}")
                   | func.upper(Vehicle.model).like(like) | func.upper(Vehicle.make).like(like))
            .order_by(StockVehicle.stock_number).limit(20)).all()
    return [StockChoice(r.id, r.stock_number, r.vin, " ".join(x for x in (r.make, r.model, r.variant) if x),
                        r.list_price, r.status) for r in rows]
