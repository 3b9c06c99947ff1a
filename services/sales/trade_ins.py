"""Trade-in appraisals: a customer's car looked at area by area, the reconditioning it needs priced
kind by kind, what is still owed on it, its actual cash value (what the dealership thinks it is worth
as it stands) and the allowance the customer is given for it. An allowance above the actual cash value
is an over-allowance: a discount in disguise that the deal's gross profit bears.

The way through is appraised → accepted (on a deal or not) or declined, and accepted → taken in.
Taking a car in makes it used stock in one unit of work: a stock vehicle in stock whose purchase
cost is the actual cash value and whose added costs are the reconditioning, so its true cost is
their sum; its stock number is typed or the next of the terminal's ``used_stock`` series (``U``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import Message, msg
from core.money import check_amount
from core.status_words import status_word
from models.base import utcnow
from models.crm import Customer
from models.finance import (
    CONDITION_AREAS,
    CONDITION_GRADES,
    RECONDITIONING_KINDS,
    TradeInCondition,
    TradeInReconditioning,
)
from models.sales import Deal, TradeIn
from models.vehicles import StockEvent, StockVehicle, StockVehicleCost, Vehicle
from services import validation
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

# Where each status may go.
MOVES = {"appraised": ("accepted", "declined"), "declined": ("appraised",), "accepted": ("appraised",)}
USED_STOCK_SERIES = "used_stock"
# The kind of a stock vehicle's added cost that one kind of reconditioning becomes.
COST_KIND = "reconditioning_{kind}"


@dataclass
class ConditionInput:
    area: str
    grade: str = "good"
    note: str = ""


@dataclass
class ReconditioningInput:
    kind: str
    amount: int = 0  # minor units
    note: str = ""


@dataclass
class AppraisalInput:
    customer_id: str
    vin: str
    make: str = ""
    model: str = ""
    model_year: int | None = None
    colour: str = ""
    plate: str = ""
    mileage_km: int | None = None
    appraised_on: date | None = None  # today when None
    actual_cash_value: int = 0
    allowance: int = 0
    outstanding_finance: int = 0
    finance_lender: str = ""
    deal_id: str | None = None
    conditions: list[ConditionInput] = field(default_factory=list)
    reconditioning: list[ReconditioningInput] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class AppraisalView:
    id: str
    data: AppraisalInput
    status: str
    customer_name: str
    vehicle_id: str
    deal_number: str
    appraiser: str
    stock_vehicle_id: str | None
    stock_number: str
    reconditioning_total: int
    over_allowance: int  # what the allowance gives beyond the actual cash value (0 if none)
    true_cost: int  # the actual cash value plus reconditioning: the used car's cost in stock


def over_allowance(actual_cash_value: int, allowance: int) -> int:
    """The part of the allowance above the car's actual cash value (0 when there is none)."""
    return max(0, allowance - actual_cash_value)


def _clean_lines(data: AppraisalInput) -> tuple[list[ConditionInput], list[ReconditioningInput]]:
    conditions: dict[str, ConditionInput] = {}
    for i, c in enumerate(data.conditions, start=1):
        if c.area not in CONDITION_AREAS:
            raise ValidationError(f"conditions[{i}].area", msg("Unknown area '{area}'", area=c.area))
        if c.grade not in CONDITION_GRADES:
            raise ValidationError(f"conditions[{i}].grade", msg("Unknown grade '{grade}'", grade=c.grade))
        if c.area in conditions:
            raise ValidationError(f"conditions[{i}].area", msg("This area is graded twice"))
        note = " ".join((c.note or "").split())
        if len(note) > 300:
            raise ValidationError(f"conditions[{i}].note", msg("A note has at most 300 characters"))
        conditions[c.area] = ConditionInput(c.area, c.grade, note)
    costs: dict[str, ReconditioningInput] = {}
    for i, r in enumerate(data.reconditioning, start=1):
        if r.kind not in RECONDITIONING_KINDS:
            raise ValidationError(f"reconditioning[{i}].kind", msg("Unknown kind of reconditioning '{kind}'",
                                                                   kind=r.kind))
        if r.kind in costs:
            raise ValidationError(f"reconditioning[{i}].kind", msg("This kind of reconditioning is priced twice"))
        amount = check_amount(f"reconditioning[{i}].amount", r.amount, minimum=0)
        note = " ".join((r.note or "").split())
        if len(note) > 300:
            raise ValidationError(f"reconditioning[{i}].note", msg("A note has at most 300 characters"))
        costs[r.kind] = ReconditioningInput(r.kind, amount, note)
    return ([conditions[a] for a in CONDITION_AREAS if a in conditions],
            [costs[k] for k in RECONDITIONING_KINDS if k in costs])


def _clean(session: Session, data: AppraisalInput) -> AppraisalInput:
    if not data.customer_id or session.get(Customer, data.customer_id) is None:
        raise ValidationError("customer_id", msg("The customer is not known"))
    vin = validation.vin(data.vin).vin
    if data.deal_id:
        deal = session.get(Deal, data.deal_id)
        if deal is None:
            raise ValidationError("deal_id", msg("The deal is not known"))
        if deal.customer_id != data.customer_id:
            raise ValidationError("deal_id", msg("Deal {number} is another customer's", number=deal.number))
        if deal.status == "cancelled":
            raise ValidationError("deal_id", msg("Deal {number} is cancelled", number=deal.number))
        _check_not_invoiced(session, deal.id)
    if data.mileage_km is not None and (isinstance(data.mileage_km, bool) or not isinstance(data.mileage_km, int)
                                        or not 0 <= data.mileage_km <= 9_999_999):
        raise ValidationError("mileage_km", msg("The mileage must be a whole number of kilometres, 0 or more"))
    day = data.appraised_on or clock.today()
    if day > clock.today():
        raise ValidationError("appraised_on", msg("The day cannot be in the future"))
    acv = check_amount("actual_cash_value", data.actual_cash_value, minimum=0)
    allowance = check_amount("allowance", data.allowance, minimum=0)
    owed = check_amount("outstanding_finance", data.outstanding_finance, minimum=0)
    lender = " ".join((data.finance_lender or "").split())
    if owed and not lender:
        raise ValidationError("finance_lender", msg("Say whom the outstanding finance is owed to"))
    if len(lender) > 120:
        raise ValidationError("finance_lender", msg("A lender's name has at most 120 characters"))
    conditions, costs = _clean_lines(data)
    return AppraisalInput(customer_id=data.customer_id, vin=vin, make=data.make.strip(), model=data.model.strip(),
                          model_year=data.model_year, colour=data.colour.strip(), plate=data.plate,
                          mileage_km=data.mileage_km, appraised_on=day, actual_cash_value=acv, allowance=allowance,
                          outstanding_finance=owed, finance_lender=lender, deal_id=data.deal_id or None,
                          conditions=conditions, reconditioning=costs, notes=(data.notes or "").strip())


def _vehicle(uow: UnitOfWork, clean: AppraisalInput) -> str:
    """The customer's car by its VIN: the one recorded, else a new vehicle owned by the customer."""
    from services import vehicles

    found = uow.session.execute(select(Vehicle.id).where(Vehicle.vin == clean.vin)).scalar()
    if found is not None:
        return found
    return vehicles.create_in(uow, vehicles.VehicleInput(
        vin=clean.vin, make=clean.make, model=clean.model, model_year=clean.model_year, colour=clean.colour,
        plate=clean.plate, odometer_km=clean.mileage_km, owner_id=clean.customer_id))


def _replace_lines(uow: UnitOfWork, trade_in_id: str, clean: AppraisalInput) -> None:
    session = uow.session
    have = {r.area: r for r in session.execute(
        select(TradeInCondition).where(TradeInCondition.trade_in_id == trade_in_id)).scalars()}
    for c in clean.conditions:
        row = have.pop(c.area, None)
        if row is None:
            session.add(TradeInCondition(trade_in_id=trade_in_id, area=c.area, grade=c.grade, note=c.note))
        elif (row.grade, row.note) != (c.grade, c.note):
            row.grade, row.note = c.grade, c.note
    for row in have.values():
        session.delete(row)
    costs = {r.kind: r for r in session.execute(
        select(TradeInReconditioning).where(TradeInReconditioning.trade_in_id == trade_in_id)).scalars()}
    for r in clean.reconditioning:
        row = costs.pop(r.kind, None)
        if row is None:
            session.add(TradeInReconditioning(trade_in_id=trade_in_id, kind=r.kind, amount=r.amount, note=r.note))
        elif (row.amount, row.note) != (r.amount, r.note):
            row.amount, row.note = r.amount, r.note
    for row in costs.values():
        session.delete(row)
    session.flush()


def _write(row: TradeIn, clean: AppraisalInput) -> None:
    row.customer_id, row.deal_id, row.appraised_on = clean.customer_id, clean.deal_id, clean.appraised_on
    row.mileage_km, row.actual_cash_value, row.allowance = clean.mileage_km, clean.actual_cash_value, clean.allowance
    row.outstanding_finance, row.finance_lender, row.notes = (clean.outstanding_finance, clean.finance_lender,
                                                              clean.notes)


def create_appraisal_in(uow: UnitOfWork, data: AppraisalInput) -> str:
    """Record an appraisal of a customer's car (the vehicle found by its VIN or recorded); returns its
    id. Its status is appraised, or accepted when it is on a deal."""
    require(uow.actor, "deal.edit")
    clean = _clean(uow.session, data)
    vehicle_id = _vehicle(uow, clean)
    open_one = uow.session.execute(select(TradeIn.id).where(
        TradeIn.vehicle_id == vehicle_id, TradeIn.status.in_(("appraised", "accepted")))).first()
    if open_one is not None:
        raise ValidationError("vin", msg("This car already has an open appraisal"))
    row = TradeIn(vehicle_id=vehicle_id, status="accepted" if clean.deal_id else "appraised",
                  appraiser=uow.actor.username)
    _write(row, clean)
    uow.session.add(row)
    uow.session.flush()
    _replace_lines(uow, row.id, clean)
    _refresh_deals(uow, row.deal_id)
    return row.id


create_appraisal = action(create_appraisal_in)


def _refresh_deals(uow: UnitOfWork, *deal_ids: str | None) -> list[Message]:
    """The deals a trade-in's figures count on work out their gross profit and approvals again.
    Returns what to tell whoever made the change: each deal that was approved (or needed none) and
    now waits for an approval, with who approves now."""
    from services.sales import deals

    told = []
    for deal_id in dict.fromkeys(d for d in deal_ids if d):
        deal = deals.deal_row(uow.session, deal_id)
        was = deal.approval_state
        found = deals.refresh_in(uow, deal_id)
        if found is not None and found.state == "pending" and was in ("approved", "not_needed"):
            told.append(msg("After the trade-in's change deal {number} waits for the approval of {approver}: it "
                            "cannot be ordered or invoiced until then", number=deal.number,
                            approver=deals.named(uow.session, found).approver))
    return told


def _trade_in(session: Session, trade_in_id: str) -> TradeIn:
    row = session.get(TradeIn, trade_in_id)
    if row is None:
        raise NotFound(msg("The trade-in appraisal no longer exists"))
    return row


def _check_not_invoiced(session: Session, deal_id: str | None) -> None:
    """Refuse to put a trade-in on, change it on or take it off a deal already invoiced: the invoice
    settled the trade-in as it was, so the deal and its invoice would no longer agree."""
    deal = session.get(Deal, deal_id) if deal_id else None
    if deal is not None and deal.status in ("invoiced", "delivered"):
        raise ValidationError("deal_id", msg("Deal {number} is {status}: its trade-in can no longer change",
                                             number=deal.number, status=status_word(deal.status)))


def update_appraisal_in(uow: UnitOfWork, trade_in_id: str, data: AppraisalInput) -> list[Message]:
    """Change an appraisal still open (appraised or accepted); the car is the one appraised. Returns
    what the change did to its deals' approvals (see :func:`_refresh_deals`)."""
    require(uow.actor, "deal.edit")
    row = _trade_in(uow.session, trade_in_id)
    _check_not_invoiced(uow.session, row.deal_id)
    if row.status not in ("appraised", "accepted"):
        raise Conflict(msg("The trade-in is {status}: its appraisal can no longer be changed",
                           status=status_word(row.status)))
    clean = _clean(uow.session, data)
    vin = uow.session.execute(select(Vehicle.vin).where(Vehicle.id == row.vehicle_id)).scalar()
    if clean.vin != vin:
        raise ValidationError("vin", msg("An appraisal stays with the car appraised"))
    before = row.deal_id
    _write(row, clean)
    if clean.deal_id and row.status == "appraised":
        row.status = "accepted"
    uow.session.flush()
    _replace_lines(uow, row.id, clean)
    return _refresh_deals(uow, before, row.deal_id)


update_appraisal = action(update_appraisal_in)


def move_in(uow: UnitOfWork, trade_in_id: str, to_status: str, *, deal_id: str | None = None) -> list[Message]:
    """Accept the car (on ``deal_id`` when given), decline it, or open a decided appraisal again.
    Returns what that did to its deals' approvals (see :func:`_refresh_deals`)."""
    require(uow.actor, "deal.edit")
    row = _trade_in(uow.session, trade_in_id)
    if to_status not in MOVES.get(row.status, ()):
        raise Conflict(msg("The trade-in is {status}: it cannot be {action}", status=status_word(row.status),
                           action=status_word(to_status)))
    _check_not_invoiced(uow.session, row.deal_id)
    if deal_id:
        deal = uow.session.get(Deal, deal_id)
        if deal is None or deal.customer_id != row.customer_id or deal.status == "cancelled":
            raise ValidationError("deal_id", msg("The deal is not one of this customer's open deals"))
        _check_not_invoiced(uow.session, deal_id)
        row.deal_id = deal_id
    before = row.deal_id
    if to_status == "declined":
        row.deal_id = None
    row.status = to_status
    uow.session.flush()
    return _refresh_deals(uow, before, row.deal_id)


move = action(move_in)


def _reconditioning_total(session, trade_in_id: str) -> int:
    return int(session.execute(select(func.coalesce(func.sum(TradeInReconditioning.amount), 0))
                               .where(TradeInReconditioning.trade_in_id == trade_in_id)).scalar_one())


def take_in_in(uow: UnitOfWork, trade_in_id: str, *, stock_number: str = "", on: date | None = None,
               list_price: int = 0, location: str = "") -> str:
    """Take an accepted trade-in into stock as a used car: its purchase cost the actual cash value,
    each kind of reconditioning an added cost, its stock number typed or the next ``U`` number; a
    stock event records it. Returns the stock vehicle's id."""
    from services import settings

    require(uow.actor, "deal.edit")
    require(uow.actor, "vehicle.edit")
    session = uow.session
    row = _trade_in(session, trade_in_id)
    if row.status != "accepted":
        raise Conflict(msg("The trade-in is {status}: only an accepted one is taken into stock",
                           status=status_word(row.status)))
    day = on or clock.today()
    if day > clock.today():
        raise ValidationError("on", msg("The day cannot be in the future"))
    if day < row.appraised_on:
        raise ValidationError("on", msg("The day is before the appraisal"))
    price = check_amount("list_price", list_price, minimum=0)
    in_stock = session.execute(select(StockVehicle.stock_number).where(
        StockVehicle.vehicle_id == row.vehicle_id, StockVehicle.status != "delivered")).scalar()
    if in_stock is not None:
        raise Conflict(msg("This car is already in stock as {number}", number=in_stock))
    number = "".join((stock_number or "").split()).upper()
    if len(number) > 40:
        raise ValidationError("stock_number", msg("A stock number has at most 40 characters"))
    if number:
        if session.execute(select(StockVehicle.id).where(StockVehicle.stock_number == number)).first():
            raise ValidationError("stock_number", msg("Stock number {number} is already used", number=number))
    else:
        number = settings.next_number(session, USED_STOCK_SERIES, on=day)
    car = session.get(Vehicle, row.vehicle_id)
    stock = StockVehicle(vehicle_id=row.vehicle_id, stock_number=number, condition="used", status="in_stock",
                         make=car.make, model=car.model, location=" ".join((location or "").split())[:80],
                         arrived_on=day, purchase_cost=row.actual_cash_value, list_price=price)
    session.add(stock)
    session.flush()
    for cost in session.execute(select(TradeInReconditioning).where(
            TradeInReconditioning.trade_in_id == row.id, TradeInReconditioning.amount > 0)
            .order_by(TradeInReconditioning.kind)).scalars():
        session.add(StockVehicleCost(stock_vehicle_id=stock.id, kind=COST_KIND.format(kind=cost.kind),
                                     amount=cost.amount, incurred_on=day, notes=cost.note))
    # The stock vehicle's first move: from nowhere into stock, as a trade-in.
    session.add(StockEvent(stock_vehicle_id=stock.id, at=utcnow(), by=uow.actor.username, from_status="",
                           to_status="in_stock", deal_id=row.deal_id, reason="trade-in"))
    row.stock_vehicle_id = stock.id
    row.status = "taken_in"
    session.flush()
    uow.touched("stock_vehicle", [stock.id])
    return stock.id


take_in = action(take_in_in)


def get_appraisal(db: Database, actor: Actor, trade_in_id: str) -> AppraisalView:
    """One appraisal with its lines, the over-allowance and the true cost. Any thread; reads only."""
    require(actor, "deal.view")
    t = TradeIn
    with db.read() as conn:
        r = conn.execute(select(t.customer_id, Vehicle.vin, Vehicle.make, Vehicle.model, Vehicle.model_year,
                                Vehicle.colour, Vehicle.plate, t.mileage_km, t.appraised_on, t.actual_cash_value,
                                t.allowance, t.outstanding_finance, t.finance_lender, t.deal_id, t.notes, t.status,
                                Customer.name, t.vehicle_id, Deal.number, t.appraiser, t.stock_vehicle_id,
                                StockVehicle.stock_number)
                         .join(Vehicle, Vehicle.id == t.vehicle_id).join(Customer, Customer.id == t.customer_id)
                         .outerjoin(Deal, Deal.id == t.deal_id)
                         .outerjoin(StockVehicle, StockVehicle.id == t.stock_vehicle_id)
                         .where(t.id == trade_in_id)).first()
        if r is None:
            raise NotFound(msg("The trade-in appraisal no longer exists"))
        conditions = [ConditionInput(c.area, c.grade, c.note) for c in conn.execute(
            select(TradeInCondition.area, TradeInCondition.grade, TradeInCondition.note)
            .where(TradeInCondition.trade_in_id == trade_in_id))]
        costs = [ReconditioningInput(c.kind, c.amount, c.note) for c in conn.execute(
            select(TradeInReconditioning.kind, TradeInReconditioning.amount, TradeInReconditioning.note)
            .where(TradeInReconditioning.trade_in_id == trade_in_id))]
    conditions.sort(key=lambda c: CONDITION_AREAS.index(c.area))
    costs.sort(key=lambda c: RECONDITIONING_KINDS.index(c.kind))
    data = AppraisalInput(customer_id=r[0], vin=r[1], make=r[2], model=r[3], model_year=r[4], colour=r[5],
                          plate=r[6], mileage_km=r[7], appraised_on=r[8], actual_cash_value=r[9], allowance=r[10],
                          outstanding_finance=r[11], finance_lender=r[12], deal_id=r[13], notes=r[14],
                          conditions=conditions, reconditioning=costs)
    recon = sum(c.amount for c in costs)
    return AppraisalView(trade_in_id, data, r.status, r.name, r.vehicle_id, r.number or "", r.appraiser,
                         r.stock_vehicle_id, r.stock_number or "", recon, over_allowance(r[9], r[10]), r[9] + recon)


@dataclass(frozen=True)
class CustomerCar:
    id: str
    vin: str
    make: str
    model: str
    model_year: int | None
    colour: str
    plate: str
    odometer_km: int | None


def customer_cars(db: Database, actor: Actor, customer_id: str) -> list[CustomerCar]:
    """The cars a customer owns, to pick the one appraised. Any thread; reads only."""
    require(actor, "deal.view")
    v = Vehicle
    with db.read() as conn:
        return [CustomerCar(*r) for r in conn.execute(
            select(v.id, v.vin, v.make, v.model, v.model_year, v.colour, v.plate, v.odometer_km)
            .where(v.owner_id == customer_id).order_by(v.created_at))]
