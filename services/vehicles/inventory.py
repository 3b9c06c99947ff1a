"""Stock vehicles (库存车辆): adding a car to stock, changing what it is offered at and what it cost,
its added costs, and reading it back with its options, costs, moves and documents.

A new car is added from a catalogue trim and options: make, model, trim and model year come from the
catalogue, its list price is the trim's plus the options' unless typed. A used car is added by its
make and model. The car itself (its VIN) is one ``vehicle`` row for as long as the dealership knows
it: adding a VIN already known reuses that row, unless the car is in stock already. Its stock number
(库存编号) is typed or taken from the ``stock_vehicle`` numbering series. Status changes after that go
through :mod:`services.vehicles.stock` only (arrive, reserve, sell, deliver)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.money import STORABLE_MAX, check_amount
from core.status_words import status_word
from models.base import utcnow
from models.billing import Invoice, InvoiceLine
from models.vehicles import (
    COST_KINDS,
    PURCHASE_CORRECTION,
    STOCK_CONDITIONS,
    CatalogueModel,
    CatalogueOption,
    CatalogueTrim,
    StockEvent,
    StockVehicle,
    StockVehicleCost,
    StockVehicleOption,
    Vehicle,
)
from services import search, settings, validation
from services.permissions import require
from services.vehicles import VehicleInput, create_in
from services.vehicles.documents import DocumentRow, documents_in
from services.vehicles.stock import check_date_order, total_cost
from store.database import Database
from store.uow import UnitOfWork, action

# The statuses a car may be added in; the later ones come from a deal.
ENTRY_STATUSES = ("on_order", "in_transit", "in_stock")


@dataclass
class StockVehicleInput:
    vin: str
    condition: str = "new"
    trim_id: str | None = None  # a new car: the catalogue trim it is ordered as
    make: str = ""  # a used car (or a new one outside the catalogue)
    model: str = ""
    variant: str = ""
    model_year: int | None = None
    colour: str = ""
    engine_number: str = ""
    stock_number: str = ""  # empty: the next number of the stock_vehicle series
    status: str = "on_order"
    location: str = ""
    ordered_on: date | None = None
    produced_on: date | None = None
    arrived_on: date | None = None  # with status in_stock; default today
    purchase_cost: int = 0
    list_price: int | None = None  # None: the trim's list price plus the options'
    option_ids: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass
class StockVehicleChanges:
    """What may change on a stock vehicle after it was added (its status moves separately)."""

    location: str = ""
    list_price: int = 0
    purchase_cost: int | None = None  # None: keep it (a reader who does not see costs)
    ordered_on: date | None = None
    produced_on: date | None = None
    arrived_on: date | None = None  # only for a car that has arrived
    colour: str = ""
    option_ids: list[str] | None = None  # None: keep the options it has
    notes: str = ""


@dataclass(frozen=True)
class OptionLine:
    option_id: str | None
    code: str
    name: str
    price: int


@dataclass(frozen=True)
class CostLine:
    id: str
    kind: str
    amount: int
    incurred_on: date
    notes: str
    by: str


@dataclass(frozen=True)
class EventLine:
    at: str
    by: str
    from_status: str
    to_status: str
    reason: str


@dataclass(frozen=True)
class StockVehicleDetail:
    id: str
    vehicle_id: str
    stock_number: str
    condition: str
    status: str
    vin: str
    make: str
    model: str
    variant: str
    model_year: int | None
    colour: str
    engine_number: str
    plate: str
    trim_id: str | None
    catalogue_model_id: str | None
    location: str
    ordered_on: date | None
    produced_on: date | None
    arrived_on: date | None
    sold_on: date | None
    delivered_on: date | None
    days_in_stock: int | None
    list_price: int
    # None when the reader may not see costs (cost.view).
    purchase_cost: int | None
    total_cost: int | None
    deal_id: str | None
    notes: str
    options: tuple[OptionLine, ...]
    costs: tuple[CostLine, ...]
    events: tuple[EventLine, ...]
    documents: tuple[DocumentRow, ...]


def days_in_stock(arrived_on: date | None, left_on: date | None = None, *, today: date | None = None) -> int | None:
    """Days from arrival to delivery, or to today while the car is still here (None before it arrived)."""
    if arrived_on is None:
        return None
    return max(0, ((left_on or today or clock.today()) - arrived_on).days)


def _check_date(name: str, day: date | None, today: date) -> None:
    if day is not None and day > today:
        raise ValidationError(name, msg("The day is in the future"))


def _options(session: Session, model_id: str | None, option_ids: list[str]) -> list[CatalogueOption]:
    chosen: list[CatalogueOption] = []
    for i, option_id in enumerate(dict.fromkeys(option_ids), start=1):
        row = session.get(CatalogueOption, option_id)
        if row is None or (model_id is not None and row.model_id != model_id):
            raise ValidationError(f"options[{i}]", msg("The option is not one of this model's"))
        chosen.append(row)
    return chosen


def _stock_number(session: Session, typed: str, exclude_id: str | None = None) -> str:
    number = "".join((typed or "").split()).upper()
    if not number:
        return settings.next_number(session, "stock_vehicle")
    if len(number) > 40:
        raise ValidationError("stock_number", msg("A stock number has at most 40 characters"))
    other = session.execute(select(StockVehicle.id).where(StockVehicle.stock_number == number)).scalar()
    if other is not None and other != exclude_id:
        raise ValidationError("stock_number", msg("Stock number {number} is already used", number=number))
    return number


def _replace_options(session: Session, stock_vehicle_id: str, chosen: list[CatalogueOption]) -> None:
    old = list(session.execute(select(StockVehicleOption).where(
        StockVehicleOption.stock_vehicle_id == stock_vehicle_id)).scalars())
    if {o.option_id for o in old} == {c.id for c in chosen}:
        return
    keep = {c.id for c in chosen}
    have = set()
    for o in old:
        if o.option_id in keep:
            have.add(o.option_id)
        else:
            session.delete(o)
    for c in chosen:
        if c.id not in have:
            session.add(StockVehicleOption(stock_vehicle_id=stock_vehicle_id, option_id=c.id, code=c.code,
                                           name=c.name, price=c.price))
    session.flush()


def add_in(uow: UnitOfWork, data: StockVehicleInput) -> str:
    """Add a car to stock (on order, in transit or already in stock); returns the stock vehicle's id.
    The move in is recorded as its first stock event."""
    require(uow.actor, "vehicle.stock")
    session = uow.session
    today = clock.today()
    if data.condition not in STOCK_CONDITIONS:
        raise ValidationError("condition", msg("The condition is new or used"))
    if data.status not in ENTRY_STATUSES:
        raise ValidationError("status", msg("A car is added on order, in transit or in stock"))
    for name in ("ordered_on", "produced_on", "arrived_on"):
        _check_date(name, getattr(data, name), today)
    check_date_order(data.ordered_on, data.produced_on,
                     (data.arrived_on or today) if data.status == "in_stock" else None)
    info = validation.vin(data.vin)
    model_id = None
    make, model, variant, year, fuel = data.make, data.model, data.variant, data.model_year, ""
    trim_price = 0
    if data.trim_id:
        trim = session.get(CatalogueTrim, data.trim_id)
        if trim is None:
            raise ValidationError("trim_id", msg("The trim is not in the catalogue"))
        cat = session.get(CatalogueModel, trim.model_id)
        model_id = trim.model_id
        make, model, variant, year, fuel = cat.make, cat.name, trim.name, trim.model_year, trim.fuel
        trim_price = trim.list_price
    elif data.condition == "new" and not (data.make.strip() and data.model.strip()):
        raise ValidationError("trim_id", msg("Choose the trim from the catalogue"))
    chosen = _options(session, model_id, data.option_ids)
    purchase_cost = check_amount("purchase_cost", data.purchase_cost, minimum=0)
    list_price = (trim_price + sum(c.price for c in chosen) if data.list_price is None
                  else check_amount("list_price", data.list_price, minimum=0))

    vehicle = session.execute(select(Vehicle).where(Vehicle.vin == info.vin)).scalar_one_or_none()
    if vehicle is None:
        vehicle_id = create_in(uow, VehicleInput(vin=info.vin, make=make, model=model, variant=variant,
                                                 model_year=year, colour=data.colour, fuel=fuel))
        vehicle = session.get(Vehicle, vehicle_id)
        if data.engine_number.strip():
            vehicle.engine_number = data.engine_number.strip()[:40]
    else:
        open_stay = session.execute(select(StockVehicle.stock_number, StockVehicle.status).where(
            StockVehicle.vehicle_id == vehicle.id, StockVehicle.status != "delivered")).first()
        if open_stay is not None:
            raise ValidationError("vin", msg("VIN {vin} is in stock already as {number} ({status})", vin=info.vin,
                                             number=open_stay.stock_number, status=status_word(open_stay.status)))
        make, model = make.strip() or vehicle.make, model.strip() or vehicle.model
        if data.colour.strip():
            vehicle.colour = data.colour.strip()[:40]
        if data.engine_number.strip():
            vehicle.engine_number = data.engine_number.strip()[:40]
    if not make.strip() or not model.strip():
        raise ValidationError("model", msg("The model is required"))

    arrived_on = (data.arrived_on or today) if data.status == "in_stock" else None
    row = StockVehicle(vehicle_id=vehicle.id, stock_number=_stock_number(session, data.stock_number),
                       condition=data.condition, status=data.status, make=make.strip(), model=model.strip(),
                       location=" ".join(data.location.split())[:80], ordered_on=data.ordered_on,
                       produced_on=data.produced_on, arrived_on=arrived_on, purchase_cost=purchase_cost,
                       list_price=list_price, trim_id=data.trim_id or None, notes=data.notes.strip())
    session.add(row)
    session.flush()
    _replace_options(session, row.id, chosen)
    session.add(StockEvent(stock_vehicle_id=row.id, at=utcnow(), by=uow.actor.username, from_status="",
                           to_status=row.status, reason=""))
    session.flush()
    search.index(session.connection(), "vehicle", [vehicle.id])
    uow.touched("stock_vehicle", [row.id])
    return row.id


add = action(add_in)


def _get(session: Session, stock_vehicle_id: str) -> StockVehicle:
    row = session.get(StockVehicle, stock_vehicle_id)
    if row is None:
        raise NotFound(msg("The stock vehicle is not known"))
    return row


def _corrections(session: Session, stock_vehicle_id: str) -> int:
    return int(session.execute(select(func.coalesce(func.sum(StockVehicleCost.amount), 0)).where(
        StockVehicleCost.stock_vehicle_id == stock_vehicle_id, StockVehicleCost.kind == PURCHASE_CORRECTION)
    ).scalar_one())


def _change_purchase_cost(uow: UnitOfWork, row: StockVehicle, purchase_cost: int, today: date) -> None:
    """A car in stock since before today is in the books at its purchase cost: a new figure is booked
    as a correction on today (the journal of earlier days never changes); before that, it is simply
    replaced. A sold car's cost is the one its sale was booked with."""
    session = uow.session
    corrected = _corrections(session, row.id)
    change = purchase_cost - (row.purchase_cost + corrected)
    if change == 0:
        return
    if row.status in ("sold", "delivered"):
        raise ValidationError("purchase_cost", msg("Stock vehicle {number} is sold: its purchase cost is the one its "
                                                   "sale was booked with; add a cost instead",
                                                   number=row.stock_number))
    if row.arrived_on is None or row.arrived_on >= today:
        row.purchase_cost = purchase_cost - corrected
        return
    session.add(StockVehicleCost(stock_vehicle_id=row.id, kind=PURCHASE_CORRECTION, amount=change, incurred_on=today,
                                 notes=f"{row.purchase_cost + corrected} → {purchase_cost}"))


def _check_arrival_correctable(session: Session, row: StockVehicle, today: date) -> None:
    """The arrival day is booked: it may be corrected on the day the arrival was entered, before any
    journal could hold it, and never once the car is sold."""
    # Its first move into stock (a released reservation moves it "into stock" again later); a car
    # with no such move recorded was entered when its row was.
    entered = session.execute(select(func.min(StockEvent.at)).where(
        StockEvent.stock_vehicle_id == row.id, StockEvent.to_status == "in_stock",
        StockEvent.from_status != "reserved")).scalar() or row.created_at
    entered_on = entered.replace(tzinfo=UTC).astimezone().date() if entered is not None else None
    if row.status in ("sold", "delivered") or entered_on != today:
        raise ValidationError("arrived_on", msg("Stock vehicle {number}'s arrival is in the books: its day can be "
                                                "corrected only on the day the arrival was entered",
                                                number=row.stock_number))


def update_in(uow: UnitOfWork, stock_vehicle_id: str, data: StockVehicleChanges) -> None:
    """Change where the car is, what it is offered at, what it cost, its dates and options. A car
    delivered has left stock and is not changed any more."""
    require(uow.actor, "vehicle.stock")
    session = uow.session
    row = _get(session, stock_vehicle_id)
    if row.status == "delivered":
        raise Conflict(msg("Stock vehicle {number} was delivered: it has left stock", number=row.stock_number))
    today = clock.today()
    for name in ("ordered_on", "produced_on", "arrived_on"):
        _check_date(name, getattr(data, name), today)
    if data.arrived_on is not None and row.arrived_on is None:
        raise ValidationError("arrived_on", msg("The car has not arrived yet: move it into stock instead"))
    check_date_order(data.ordered_on, data.produced_on,
                     data.arrived_on if row.arrived_on is not None and data.arrived_on is not None else row.arrived_on)
    row.location = " ".join(data.location.split())[:80]
    row.list_price = check_amount("list_price", data.list_price, minimum=0)
    if data.purchase_cost is not None:
        _change_purchase_cost(uow, row, check_amount("purchase_cost", data.purchase_cost, minimum=0), today)
    row.ordered_on, row.produced_on = data.ordered_on, data.produced_on
    if row.arrived_on is not None and data.arrived_on is not None:
        if data.arrived_on != row.arrived_on:
            _check_arrival_correctable(session, row, today)
        row.arrived_on = data.arrived_on
    row.notes = data.notes.strip()
    if data.colour.strip():
        vehicle = session.get(Vehicle, row.vehicle_id)
        vehicle.colour = data.colour.strip()[:40]
    if data.option_ids is not None:
        trim = session.get(CatalogueTrim, row.trim_id) if row.trim_id else None
        _replace_options(session, row.id, _options(session, trim.model_id if trim else None, data.option_ids))
    session.flush()
    uow.touched("stock_vehicle", [row.id])


update = action(update_in)


def add_cost_in(uow: UnitOfWork, stock_vehicle_id: str, kind: str, amount: int, *, incurred_on: date | None = None,
                notes: str = "") -> str:
    """Add a cost to the car (freight, reconditioning, accessories fitted, registration, other); it
    counts in its true cost and so in a deal's gross profit. Returns the cost's id."""
    require(uow.actor, "vehicle.stock")
    session = uow.session
    row = _get(session, stock_vehicle_id)
    if kind not in COST_KINDS:
        raise ValidationError("kind", msg("Choose what the cost was for"))
    amount = check_amount("amount", amount)
    if amount <= 0:
        raise ValidationError("amount", msg("The amount must be more than zero"))
    day = incurred_on or clock.today()
    _check_date("incurred_on", day, clock.today())
    # A sale (or a credit note taking the car back) took what the car had cost by then out of stock,
    # or put it back; a cost dated before it would change a booked document.
    booked = session.execute(select(func.max(Invoice.issued_on)).join(
        InvoiceLine, InvoiceLine.invoice_id == Invoice.id).where(
        InvoiceLine.stock_vehicle_id == row.id, InvoiceLine.quantity_milli > 0, Invoice.status == "posted")).scalar()
    if booked is not None and day < booked:
        raise ValidationError("incurred_on", msg("Stock vehicle {number}'s sale or return was booked on {day}: date "
                                                 "the cost on or after it", number=row.stock_number,
                                                 day=booked.isoformat()))
    if total_cost(session, row.id) + amount > STORABLE_MAX:
        raise ValidationError("amount", msg("The car's costs would be more than can be stored"))
    cost = StockVehicleCost(stock_vehicle_id=row.id, kind=kind, amount=amount, incurred_on=day,
                            notes=" ".join(notes.split())[:300])
    session.add(cost)
    session.flush()
    uow.touched("stock_vehicle", [row.id])
    return cost.id


add_cost = action(add_cost_in)


def _detail(session: Session, actor: Actor, stock_vehicle_id: str) -> StockVehicleDetail:
    row = _get(session, stock_vehicle_id)
    v = session.get(Vehicle, row.vehicle_id)
    trim = session.get(CatalogueTrim, row.trim_id) if row.trim_id else None
    model_id = trim.model_id if trim else session.execute(select(CatalogueModel.id).where(
        CatalogueModel.make == row.make, CatalogueModel.name == row.model)).scalar()
    see_cost = actor.can("cost.view")
    options = tuple(OptionLine(o.option_id, o.code, o.name, o.price) for o in session.execute(
        select(StockVehicleOption).where(StockVehicleOption.stock_vehicle_id == row.id)
        .order_by(StockVehicleOption.code)).scalars())
    costs = tuple(CostLine(c.id, c.kind, c.amount, c.incurred_on, c.notes, c.created_by) for c in session.execute(
        select(StockVehicleCost).where(StockVehicleCost.stock_vehicle_id == row.id)
        .order_by(StockVehicleCost.incurred_on, StockVehicleCost.id)).scalars()) if see_cost else ()
    events = tuple(EventLine(str(e.at)[:16], e.by, e.from_status, e.to_status, e.reason) for e in session.execute(
        select(StockEvent).where(StockEvent.stock_vehicle_id == row.id)
        .order_by(StockEvent.at, StockEvent.id)).scalars())
    added = int(session.execute(select(func.coalesce(func.sum(StockVehicleCost.amount), 0))
                                .where(StockVehicleCost.stock_vehicle_id == row.id)).scalar_one())
    # What the car was bought for: as first booked, with any correction made since.
    bought = row.purchase_cost + _corrections(session, row.id)
    return StockVehicleDetail(
        id=row.id, vehicle_id=row.vehicle_id, stock_number=row.stock_number, condition=row.condition,
        status=row.status, vin=v.vin, make=row.make, model=row.model, variant=v.variant, model_year=v.model_year,
        colour=v.colour, engine_number=v.engine_number, plate=v.plate, trim_id=row.trim_id,
        catalogue_model_id=model_id, location=row.location, ordered_on=row.ordered_on,
        produced_on=row.produced_on, arrived_on=row.arrived_on, sold_on=row.sold_on,
        delivered_on=row.delivered_on, days_in_stock=days_in_stock(row.arrived_on, row.delivered_on),
        list_price=row.list_price, purchase_cost=bought if see_cost else None,
        total_cost=row.purchase_cost + added if see_cost else None, deal_id=row.deal_id, notes=row.notes,
        options=options, costs=costs, events=events, documents=tuple(documents_in(session, row.vehicle_id)))


def get(db: Database, actor: Actor, stock_vehicle_id: str) -> StockVehicleDetail:
    """The stock vehicle with its options, costs (for those who see costs), moves and documents."""
    require(actor, "vehicle.view")
    with db.read() as conn, Session(bind=conn) as session:
        return _detail(session, actor, stock_vehicle_id)


def colours(db: Database, actor: Actor) -> list[str]:
    """The colours of the cars in stock now (for the stock screen's filter)."""
    require(actor, "vehicle.view")
    with db.read() as conn:
        return [r[0] for r in conn.execute(select(Vehicle.colour).join(
            StockVehicle, StockVehicle.vehicle_id == Vehicle.id).where(
            StockVehicle.status != "delivered", Vehicle.colour != "").distinct().order_by(Vehicle.colour))]


def trims(conn: Connection | Session, model_id: str) -> list[tuple[str, str, int, int]]:
    """(id, name, model year, list price) of a catalogue model's active trims, newest year first."""
    return [tuple(r) for r in conn.execute(
        select(CatalogueTrim.id, CatalogueTrim.name, CatalogueTrim.model_year, CatalogueTrim.list_price)
        .where(CatalogueTrim.model_id == model_id, CatalogueTrim.active.is_(True))
        .order_by(CatalogueTrim.model_year.desc(), CatalogueTrim.list_price, CatalogueTrim.name))]


def trim_choices(db: Database, actor: Actor, model_id: str) -> list[tuple[str, str, int, int]]:
    require(actor, "vehicle.view")
    with db.read() as conn:
        return trims(conn, model_id)


def option_choices(db: Database, actor: Actor, model_id: str) -> list[OptionLine]:
    require(actor, "vehicle.view")
    with db.read() as conn:
        return [OptionLine(*r) for r in conn.execute(
            select(CatalogueOption.id, CatalogueOption.code, CatalogueOption.name, CatalogueOption.price)
            .where(CatalogueOption.model_id == model_id).order_by(CatalogueOption.code))]
