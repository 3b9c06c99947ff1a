"""Service packages (menu prices, models/service_menus.py): the catalogue of packages, which of them
suit a vehicle, and applying one to a job.

Applying a package puts its operations and its parts kit on the job as ordinary labour and parts
lines at their itemised prices (labour at the job's pay-type rate, parts at their retail price) and
shares the variance — itemised − package price — over those lines as their ``menu_discount``
(:func:`services.billing.totals.shares`, in proportion to each line's amount), so the job comes to
the package price exactly. The job keeps the package, its price and the variance; the invoice
carries each line's share as the line's own discount, and the journal debits it to the
``menu_variance`` account (services/billing/accounting.py). A package dearer than its itemised
price is refused: raise the parts' or the rate's prices, or lower the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, format_money
from core.quantities import check_quantity
from models.parts import Part
from models.service_menus import MENU_ITEM_KINDS, ServiceMenu, ServiceMenuItem, ServiceMenuScope
from models.vehicles import Vehicle
from models.workshop import LabourOperation, RepairJob, RepairLabourLine, RepairPartLine
from services import settings
from services.billing.totals import gross_amount, shares
from services.permissions import require
from services.workshop import catalogue, orders
from services.workshop.rules import check_hours
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class MenuItemInput:
    kind: str  # labour | part
    operation_code: str = ""
    hours: int | None = None  # hundredths; None: the operation's standard hours
    part_id: str | None = None
    quantity: int = 0  # thousandths
    part_number: str = ""  # as read back, for showing the kit (ignored when saving)


@dataclass
class ScopeInput:
    model_family: str = ""
    vin_from: str = ""
    vin_to: str = ""


@dataclass
class MenuInput:
    code: str
    name: str
    price: int
    items: list[MenuItemInput] = field(default_factory=list)
    scopes: list[ScopeInput] = field(default_factory=list)  # none: every vehicle
    active: bool = True


@dataclass(frozen=True)
class MenuRow:
    id: str
    code: str
    name: str
    price: int | None  # None: the reader may not see amounts
    active: bool
    items: tuple[MenuItemInput, ...]
    scopes: tuple[ScopeInput, ...]


@dataclass(frozen=True)
class Applied:
    """What applying a package made: the lines added, the itemised price, the package price and the
    variance (itemised − package)."""

    labour_ids: tuple[str, ...]
    part_ids: tuple[str, ...]
    itemised: int
    price: int
    variance: int


# --- the catalogue --------------------------------------------------------------------------------

def _clean(session: Session, data: MenuInput) -> MenuInput:
    code = catalogue.normalize_code(data.code)
    if not code:
        raise ValidationError("code", msg("A package needs a code"))
    if len(code) > 40:
        raise ValidationError("code", msg("A package code has at most 40 characters"))
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("name", msg("A package needs a name"))
    if len(name) > 200:
        raise ValidationError("name", msg("is longer than {limit} characters", limit=200))
    price = check_amount("price", data.price, minimum=0)
    if not data.items:
        raise ValidationError("items", msg("A package needs at least one operation or part"))
    items = []
    for i, item in enumerate(data.items, start=1):
        where = f"items[{i}]"
        if item.kind not in MENU_ITEM_KINDS:
            raise ValidationError(f"{where}.kind", msg("The line kind must be one of {items}",
                                                       items=', '.join(MENU_ITEM_KINDS)))
        if item.kind == "labour":
            op_code = catalogue.normalize_code(item.operation_code)
            if session.execute(select(LabourOperation.id).where(LabourOperation.code == op_code,
                                                                LabourOperation.active.is_(True))).first() is None:
                raise ValidationError(f"{where}.operation_code",
                                      msg("There is no active labour operation '{code}'", code=op_code))
            hours = None if item.hours is None else check_hours(f"{where}.hours", item.hours)
            items.append(MenuItemInput("labour", operation_code=op_code, hours=hours))
        else:
            if not item.part_id or session.get(Part, item.part_id) is None:
                raise ValidationError(f"{where}.part_id", msg("The part is not in the catalogue"))
            if check_quantity(f"{where}.quantity", item.quantity) <= 0:
                raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero"))
            items.append(MenuItemInput("part", part_id=item.part_id, quantity=item.quantity))
    scopes = []
    for i, scope in enumerate(data.scopes, start=1):
        family = " ".join((scope.model_family or "").split())[:80]
        vin_from = "".join((scope.vin_from or "").split()).upper()
        vin_to = "".join((scope.vin_to or "").split()).upper() or vin_from
        if not family and not vin_from:
            raise ValidationError(f"scopes[{i}]", msg("Name a model family or a VIN range"))
        if vin_from and (len(vin_from) > 17 or len(vin_to) > 17 or vin_to < vin_from):
            raise ValidationError(f"scopes[{i}].vin_to", msg("A VIN range runs from the lower VIN to the higher, "
                                                             "17 characters at most"))
        scopes.append(ScopeInput(family, vin_from, vin_to if vin_from else ""))
    return MenuInput(code, name, price, items, scopes, bool(data.active))


def save_menu_in(uow: UnitOfWork, menu_id: str | None, data: MenuInput) -> str:
    """Create a package (``menu_id`` None) or replace one's price, lines and scopes; returns its id.
    Jobs it was applied to keep what they were given."""
    require(uow.actor, "workshop.catalogue")
    session = uow.session
    clean = _clean(session, data)
    other = session.execute(select(ServiceMenu.id).where(ServiceMenu.code == clean.code)).scalar()
    if other is not None and other != menu_id:
        raise ValidationError("code", msg("Package {code} already exists", code=clean.code))
    if menu_id is None:
        menu = ServiceMenu(code=clean.code, name=clean.name, price=clean.price, active=clean.active)
        session.add(menu)
        session.flush()
    else:
        menu = session.get(ServiceMenu, menu_id)
        if menu is None:
            raise NotFound(msg("The package no longer exists"))
        menu.code, menu.name, menu.price, menu.active = clean.code, clean.name, clean.price, clean.active
        for model in (ServiceMenuItem, ServiceMenuScope):
            for row in session.execute(select(model).where(model.menu_id == menu.id)).scalars():
                session.delete(row)
        session.flush()
    for n, item in enumerate(clean.items, start=1):
        session.add(ServiceMenuItem(menu_id=menu.id, line_no=n, kind=item.kind, operation_code=item.operation_code,
                                    hours=item.hours, part_id=item.part_id, quantity=item.quantity))
    for scope in clean.scopes:
        session.add(ServiceMenuScope(menu_id=menu.id, model_family=scope.model_family, vin_from=scope.vin_from,
                                     vin_to=scope.vin_to))
    session.flush()
    return menu.id


save_menu = action(save_menu_in)


def _rows(conn_or_session, query, *, costs: bool) -> list[MenuRow]:
    menus = conn_or_session.execute(query).all()
    ids = [m.id for m in menus]
    items: dict[str, list[MenuItemInput]] = {}
    for r in conn_or_session.execute(select(ServiceMenuItem.menu_id, ServiceMenuItem.kind,
                                            ServiceMenuItem.operation_code, ServiceMenuItem.hours,
                                            ServiceMenuItem.part_id, ServiceMenuItem.quantity, Part.part_number)
                                     .outerjoin(Part, Part.id == ServiceMenuItem.part_id)
                                     .where(ServiceMenuItem.menu_id.in_(ids)).order_by(ServiceMenuItem.line_no)):
        items.setdefault(r.menu_id, []).append(MenuItemInput(r.kind, r.operation_code, r.hours, r.part_id,
                                                             r.quantity, r.part_number or ""))
    scopes: dict[str, list[ScopeInput]] = {}
    for r in conn_or_session.execute(select(ServiceMenuScope.menu_id, ServiceMenuScope.model_family,
                                            ServiceMenuScope.vin_from, ServiceMenuScope.vin_to)
                                     .where(ServiceMenuScope.menu_id.in_(ids))
                                     .order_by(ServiceMenuScope.model_family, ServiceMenuScope.vin_from)):
        scopes.setdefault(r.menu_id, []).append(ScopeInput(r.model_family, r.vin_from, r.vin_to))
    return [MenuRow(m.id, m.code, m.name, m.price if costs else None, m.active, tuple(items.get(m.id, ())),
                    tuple(scopes.get(m.id, ()))) for m in menus]


def _menu_query():
    m = ServiceMenu
    return select(m.id, m.code, m.name, m.price, m.active).order_by(m.code)


def list_menus(db: Database, actor: Actor) -> list[MenuRow]:
    """Every package with its lines and scopes, by code. Any thread."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return _rows(conn, _menu_query(), costs=actor.can("workshop.costs"))


def suits(scopes: tuple[ScopeInput, ...] | list[ScopeInput], *, model: str, vin: str) -> bool:
    """Whether a package with ``scopes`` is valid for a vehicle of ``model`` and ``vin`` (no scope:
    every vehicle)."""
    if not scopes:
        return True
    model, vin = (model or "").strip().casefold(), (vin or "").strip().upper()
    for scope in scopes:
        if scope.model_family and scope.model_family.casefold() == model:
            return True
        if scope.vin_from and vin and scope.vin_from <= vin <= scope.vin_to:
            return True
    return False


def menus_for_vehicle(db: Database, actor: Actor, vehicle_id: str) -> list[MenuRow]:
    """The active packages valid for the vehicle, by code. Any thread."""
    require(actor, "workshop.view")
    with db.read() as conn:
        vehicle = conn.execute(select(Vehicle.model, Vehicle.vin).where(Vehicle.id == vehicle_id)).first()
        if vehicle is None:
            raise NotFound(msg("The vehicle no longer exists"))
        rows = _rows(conn, _menu_query().where(ServiceMenu.active.is_(True)), costs=actor.can("workshop.costs"))
    return [r for r in rows if suits(r.scopes, model=vehicle.model, vin=vehicle.vin)]


# --- applying a package ---------------------------------------------------------------------------

def apply_menu_in(uow: UnitOfWork, job_id: str, menu_code: str) -> Applied:
    """Put the package ``menu_code`` on a job whose work can still change: its lines at their
    itemised prices, the variance shared over them as menu discounts, so the job's lines come to
    the package price. Refuses a package not valid for the vehicle, a job that has one already and
    a package dearer than its itemised price."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    job, ro = orders.job_of(session, job_id)
    code = catalogue.normalize_code(menu_code)
    menu = session.execute(select(ServiceMenu).where(ServiceMenu.code == code, ServiceMenu.active.is_(True))
                           ).scalar()
    if menu is None:
        raise ValidationError("menu", msg("There is no active service package '{code}'", code=code))
    if job.menu_id is not None:
        raise ValidationError("menu", msg("Job {job_no} already has a service package", job_no=job.job_no))
    vehicle = session.get(Vehicle, ro.vehicle_id)
    row = _rows(session, _menu_query().where(ServiceMenu.id == menu.id), costs=True)[0]
    if not suits(row.scopes, model=vehicle.model, vin=vehicle.vin):
        raise ValidationError("menu", msg("Package {code} is not valid for this vehicle ({model}, {vin})",
                                          code=code, model=vehicle.model or "?", vin=vehicle.vin))
    labour_ids, part_ids = [], []
    for item in row.items:
        if item.kind == "labour":
            labour_ids.append(orders.add_labour_in(uow, job.id, orders.LabourInput(
                operation_code=item.operation_code, hours=item.hours)))
        else:
            part_ids.append(orders.add_part_in(uow, job.id, orders.PartLineInput(part_id=item.part_id,
                                                                                 quantity=item.quantity)))
    lines: list[RepairLabourLine | RepairPartLine] = [
        *(session.get(RepairLabourLine, i) for i in labour_ids), *(session.get(RepairPartLine, i) for i in part_ids)]
    amounts = [line_amount(line) for line in lines]
    itemised = sum(amounts)
    variance = itemised - menu.price
    if variance < 0:
        raise ValidationError("menu", msg("Package {code} costs more than its itemised price ({itemised}); a "
                                          "package may only be cheaper", code=code,
                                          itemised=format_money(itemised, settings.load(session).currency)))
    for line, share in zip(lines, shares(variance, amounts), strict=True):
        line.menu_discount = share
    job.menu_id, job.menu_price, job.menu_variance = menu.id, menu.price, variance
    session.flush()
    return Applied(tuple(labour_ids), tuple(part_ids), itemised, menu.price, variance)


apply_menu = action(apply_menu_in)


def line_amount(line: RepairLabourLine | RepairPartLine) -> int:
    """A line's itemised amount: a labour line's amount, a parts line's quantity × unit price."""
    if isinstance(line, RepairLabourLine):
        return line.amount
    return gross_amount(quantity_milli=line.quantity, unit_price=line.unit_price)


def forget_line(session: Session, job_id: str, discount: int) -> None:
    """A package line leaves its job: its share of the variance leaves with it."""
    if discount:
        job = session.get(RepairJob, job_id)
        job.menu_variance -= discount

