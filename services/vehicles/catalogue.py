"""The vehicle catalogue (车型目录): models by make (车系), their trims (配置/版本) per model year at a
list price (指导价), their options (选装) with a code and a price, and each model's low-stock threshold.

A model is saved with its trims and options in one go. A trim keeps its id while it is edited, so the
stock vehicles ordered as it keep pointing at it; a trim a stock vehicle was ordered as cannot be
removed (make it inactive instead). Options are copied onto a stock vehicle when chosen, so removing
or repricing one never changes a car already ordered.

The low-stock alert (低库存预警) counts, per model, the vehicles on order, in transit or in stock that
no deal holds; a model below its threshold (0: none) is listed by :func:`low_stock`."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount
from models.vehicles import CatalogueModel, CatalogueOption, CatalogueTrim, StockVehicle
from services.permissions import require
from services.vehicles import FUELS
from store.database import Database
from store.uow import UnitOfWork, action

# The statuses a low-stock alert counts: a car a deal holds (reserved, sold) is no longer for sale.
AVAILABLE = ("on_order", "in_transit", "in_stock")


@dataclass
class TrimInput:
    name: str
    model_year: int
    list_price: int = 0
    fuel: str = ""
    active: bool = True
    id: str | None = None  # an existing trim of the model, kept


@dataclass
class OptionInput:
    code: str
    name: str
    price: int = 0
    id: str | None = None


@dataclass
class ModelInput:
    make: str
    name: str
    low_stock_threshold: int = 0
    active: bool = True
    notes: str = ""
    trims: list[TrimInput] = field(default_factory=list)
    options: list[OptionInput] = field(default_factory=list)


@dataclass(frozen=True)
class TrimRow:
    id: str
    name: str
    model_year: int
    fuel: str
    list_price: int
    active: bool
    in_use: bool = False  # stock vehicles were ordered as it


@dataclass(frozen=True)
class OptionRow:
    id: str
    code: str
    name: str
    price: int


@dataclass(frozen=True)
class ModelView:
    id: str
    make: str
    name: str
    low_stock_threshold: int
    active: bool
    notes: str
    trims: tuple[TrimRow, ...]
    options: tuple[OptionRow, ...]
    stock: dict[str, int]  # status → vehicles of this model in it (delivered ones left out)


@dataclass(frozen=True)
class ModelChoice:
    id: str
    make: str
    name: str


@dataclass(frozen=True)
class LowStock:
    model_id: str
    make: str
    name: str
    threshold: int
    available: int  # on order + in transit + in stock, not held by a deal

    @property
    def short_by(self) -> int:
        return self.threshold - self.available


def _words(value: str) -> str:
    return " ".join((value or "").split())


def _clean(data: ModelInput) -> ModelInput:
    make, name = _words(data.make), _words(data.name)
    if not make:
        raise ValidationError("make", msg("The make is required"))
    if len(make) > 60:
        raise ValidationError("make", msg("A make has at most 60 characters"))
    if not name:
        raise ValidationError("name", msg("The model is required"))
    if len(name) > 80:
        raise ValidationError("name", msg("A model name has at most 80 characters"))
    threshold = data.low_stock_threshold
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 0 <= threshold <= 999:
        raise ValidationError("low_stock_threshold", msg("The low-stock threshold is a whole number from 0 to 999"))
    trims: list[TrimInput] = []
    seen: set[tuple[str, int]] = set()
    for i, t in enumerate(data.trims, start=1):
        where = f"trims[{i}]"
        trim_name = _words(t.name)
        if not trim_name:
            raise ValidationError(f"{where}.name", msg("A trim needs a name"))
        if len(trim_name) > 120:
            raise ValidationError(f"{where}.name", msg("A trim name has at most 120 characters"))
        year = t.model_year
        if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100:
            raise ValidationError(f"{where}.model_year", msg("The model year must be between 1990 and 2100"))
        if t.fuel and t.fuel not in FUELS:
            raise ValidationError(f"{where}.fuel", msg("Fuel must be one of {items}", items=", ".join(FUELS)))
        price = check_amount(f"{where}.list_price", t.list_price, minimum=0)
        if (trim_name, year) in seen:
            raise ValidationError(f"{where}.name", msg("Trim {name} {year} is listed twice", name=trim_name, year=year))
        seen.add((trim_name, year))
        trims.append(TrimInput(trim_name, year, price, t.fuel, bool(t.active), t.id))
    options: list[OptionInput] = []
    codes: set[str] = set()
    for i, o in enumerate(data.options, start=1):
        where = f"options[{i}]"
        code = "".join((o.code or "").split()).upper()
        if not code:
            raise ValidationError(f"{where}.code", msg("An option needs a code"))
        if len(code) > 40:
            raise ValidationError(f"{where}.code", msg("An option code has at most 40 characters"))
        option_name = _words(o.name)
        if not option_name:
            raise ValidationError(f"{where}.name", msg("An option needs a name"))
        if code in codes:
            raise ValidationError(f"{where}.code", msg("Option {code} is listed twice", code=code))
        codes.add(code)
        options.append(OptionInput(code, option_name[:120], check_amount(f"{where}.price", o.price, minimum=0), o.id))
    return ModelInput(make, name, threshold, bool(data.active), _words(data.notes)[:300], trims, options)


def _used_trims(session: Session, model_id: str) -> set[str]:
    return set(session.execute(
        select(StockVehicle.trim_id).join(CatalogueTrim, CatalogueTrim.id == StockVehicle.trim_id)
        .where(CatalogueTrim.model_id == model_id).distinct()).scalars())


def _save_lines(uow: UnitOfWork, model_id: str, clean: ModelInput) -> None:
    session = uow.session
    used = _used_trims(session, model_id)
    trims = {t.id: t for t in session.execute(
        select(CatalogueTrim).where(CatalogueTrim.model_id == model_id)).scalars()}
    kept = {t.id for t in clean.trims if t.id}
    for trim_id, row in trims.items():
        if trim_id not in kept:
            if trim_id in used:
                raise ValidationError("trims", msg(
                    "Trim {name} {year} is on stock vehicles, so it stays: untick Active instead of removing it",
                    name=row.name, year=row.model_year))
            session.delete(row)
    session.flush()
    for i, t in enumerate(clean.trims, start=1):
        if t.id:
            row = trims.get(t.id)
            if row is None:
                raise ValidationError(f"trims[{i}].name", msg("The trim is not one of this model's"))
            row.name, row.model_year, row.list_price, row.fuel, row.active = (
                t.name, t.model_year, t.list_price, t.fuel, t.active)
        else:
            session.add(CatalogueTrim(model_id=model_id, name=t.name, model_year=t.model_year,
                                      list_price=t.list_price, fuel=t.fuel, active=t.active))
    options = {o.id: o for o in session.execute(
        select(CatalogueOption).where(CatalogueOption.model_id == model_id)).scalars()}
    kept = {o.id for o in clean.options if o.id}
    for option_id, row in options.items():
        if option_id not in kept:
            session.delete(row)
    session.flush()
    for i, o in enumerate(clean.options, start=1):
        if o.id:
            row = options.get(o.id)
            if row is None:
                raise ValidationError(f"options[{i}].code", msg("The option is not one of this model's"))
            row.code, row.name, row.price = o.code, o.name, o.price
        else:
            session.add(CatalogueOption(model_id=model_id, code=o.code, name=o.name, price=o.price))
    session.flush()


def _check_unique(session: Session, clean: ModelInput, exclude_id: str | None) -> None:
    found = session.execute(select(CatalogueModel.id).where(
        func.lower(CatalogueModel.make) == clean.make.lower(),
        func.lower(CatalogueModel.name) == clean.name.lower())).scalar()
    if found is not None and found != exclude_id:
        raise ValidationError("name", msg("{make} {name} is already in the catalogue", make=clean.make,
                                          name=clean.name))


def save_model_in(uow: UnitOfWork, model_id: str | None, data: ModelInput) -> str:
    """Add a model (``model_id`` None) or change one, with its trims and options; returns its id."""
    require(uow.actor, "vehicle.catalogue")
    clean = _clean(data)
    session = uow.session
    _check_unique(session, clean, model_id)
    if model_id is None:
        row = CatalogueModel(make=clean.make, name=clean.name)
        session.add(row)
    else:
        row = session.get(CatalogueModel, model_id)
        if row is None:
            raise NotFound(msg("The catalogue model no longer exists"))
    row.make, row.name, row.low_stock_threshold = clean.make, clean.name, clean.low_stock_threshold
    row.active, row.notes = clean.active, clean.notes
    session.flush()
    _save_lines(uow, row.id, clean)
    uow.touched("catalogue_model", [row.id])
    return row.id


save_model = action(save_model_in)


def delete_model_in(uow: UnitOfWork, model_id: str) -> None:
    """Remove a model none of whose trims a stock vehicle was ordered as."""
    require(uow.actor, "vehicle.catalogue")
    row = uow.session.get(CatalogueModel, model_id)
    if row is None:
        raise NotFound(msg("The catalogue model no longer exists"))
    if _used_trims(uow.session, model_id):
        raise ValidationError("name", msg("{make} {name} has stock vehicles ordered as its trims, so it stays: untick "
                                          "Active instead", make=row.make, name=row.name))
    uow.session.delete(row)
    uow.session.flush()


delete_model = action(delete_model_in)


def _view(session: Session, model_id: str) -> ModelView:
    row = session.get(CatalogueModel, model_id)
    if row is None:
        raise NotFound(msg("The catalogue model no longer exists"))
    used = _used_trims(session, model_id)
    trims = tuple(TrimRow(t.id, t.name, t.model_year, t.fuel, t.list_price, t.active, t.id in used)
                  for t in session.execute(select(CatalogueTrim).where(CatalogueTrim.model_id == model_id)
                                           .order_by(CatalogueTrim.model_year.desc(), CatalogueTrim.list_price,
                                                     CatalogueTrim.name)).scalars())
    options = tuple(OptionRow(o.id, o.code, o.name, o.price) for o in session.execute(
        select(CatalogueOption).where(CatalogueOption.model_id == model_id).order_by(CatalogueOption.code)).scalars())
    stock = dict(session.execute(
        select(StockVehicle.status, func.count()).where(StockVehicle.make == row.make, StockVehicle.model == row.name,
                                                        StockVehicle.status != "delivered")
        .group_by(StockVehicle.status)).all())
    return ModelView(row.id, row.make, row.name, row.low_stock_threshold, row.active, row.notes, trims, options,
                     {k: int(v) for k, v in stock.items()})


def get_model(db: Database, actor: Actor, model_id: str) -> ModelView:
    require(actor, "vehicle.view")
    with db.read() as conn, Session(bind=conn) as session:
        return _view(session, model_id)


def models(db: Database, actor: Actor, *, active_only: bool = True) -> list[ModelChoice]:
    """The catalogue's models by make and name (for the stock screen's filter and the add dialog)."""
    require(actor, "vehicle.view")
    query = select(CatalogueModel.id, CatalogueModel.make, CatalogueModel.name).order_by(
        CatalogueModel.make, CatalogueModel.name)
    if active_only:
        query = query.where(CatalogueModel.active.is_(True))
    with db.read() as conn:
        return [ModelChoice(*r) for r in conn.execute(query)]


def low_stock_in(session: Session | Connection) -> list[LowStock]:
    """The active models whose new vehicles on order, in transit or in stock fall below their
    threshold, the largest shortfall first (a used car traded in is no new one to sell)."""
    counted = (select(StockVehicle.make, StockVehicle.model, func.count().label("n"))
               .where(StockVehicle.status.in_(AVAILABLE), StockVehicle.deal_id.is_(None),
                      StockVehicle.condition == "new")
               .group_by(StockVehicle.make, StockVehicle.model).subquery())
    available = func.coalesce(counted.c.n, 0)
    rows = session.execute(
        select(CatalogueModel.id, CatalogueModel.make, CatalogueModel.name, CatalogueModel.low_stock_threshold,
               available)
        .outerjoin(counted, (counted.c.make == CatalogueModel.make) & (counted.c.model == CatalogueModel.name))
        .where(CatalogueModel.active.is_(True), CatalogueModel.low_stock_threshold > 0,
               available < CatalogueModel.low_stock_threshold)).all()
    found = [LowStock(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]
    return sorted(found, key=lambda x: (-x.short_by, x.make, x.name))


def low_stock(db: Database, actor: Actor) -> list[LowStock]:
    """:func:`low_stock_in` for the stock screen's banner."""
    require(actor, "vehicle.view")
    with db.read() as conn:
        return low_stock_in(conn)
