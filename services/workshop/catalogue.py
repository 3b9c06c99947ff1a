"""Labour operations (code, description, system, standard hours, optional model family, the parts
it usually needs) and the labour rate of each pay type.

An operation's parts (its kit) are what the parts desk prepares for a booking of it: the list of
tomorrow's bookings adds them up per part against what is available (services/workshop/appointments.py).
Saving an operation with ``parts`` None leaves its kit as it is (the catalogue import does so)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount
from core.quantities import check_quantity
from models.crm import Customer
from models.parts import Part
from models.workshop import PAY_TYPES, LabourOperation, LabourOperationPart, LabourRate
from services.permissions import require
from services.workshop.rules import check_hours, check_pay_type
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class KitPartInput:
    """A part of an operation's kit, by the number typed (followed through supersession) or by id."""
    part_number: str = ""
    quantity: int = 1000  # thousandths
    part_id: str | None = None


@dataclass
class OperationInput:
    code: str
    description: str
    system: str = ""
    standard_hours: int = 0  # hundredths of an hour
    model_family: str = ""
    active: bool = True
    parts: list[KitPartInput] | None = None  # None: keep the kit it has


@dataclass(frozen=True)
class KitPart:
    part_id: str
    part_number: str
    description: str
    quantity: int  # thousandths


@dataclass(frozen=True)
class OperationRow:
    id: str
    code: str
    description: str
    system: str
    standard_hours: int
    model_family: str
    active: bool


@dataclass(frozen=True)
class OperationView:
    operation: OperationRow
    parts: tuple[KitPart, ...] = field(default_factory=tuple)
    used: bool = False  # labour lines or bookings use it (it can be made inactive, not deleted)


@dataclass(frozen=True)
class RateRow:
    pay_type: str
    hourly_rate: int
    bill_to_customer_id: str | None
    bill_to_name: str = ""  # filled by rates()


def normalize_code(code: str) -> str:
    """An operation code as stored: trimmed, inner spaces removed, upper case."""
    return "".join((code or "").split()).upper()


def _clean(data: OperationInput) -> OperationInput:
    code = normalize_code(data.code)
    if not code:
        raise ValidationError("code", msg("An operation needs a code"))
    if len(code) > 40:
        raise ValidationError("code", msg("An operation code has at most 40 characters"))
    description = " ".join((data.description or "").split())
    if not description:
        raise ValidationError("description", msg("An operation needs a description"))
    if len(description) > 300:
        raise ValidationError("description", msg("A description has at most 300 characters"))
    hours = check_hours("standard_hours", data.standard_hours)
    system = " ".join((data.system or "").split())[:80]
    family = " ".join((data.model_family or "").split())[:80]
    return OperationInput(code=code, description=description, system=system, standard_hours=hours,
                          model_family=family, active=bool(data.active), parts=data.parts)


def _kit(session: Session, parts: list[KitPartInput]) -> list[tuple[str, int]]:
    """The kit as (part id, quantity), each part once; a bad line is refused naming it."""
    from services.parts.catalogue import lookup_number

    kit: dict[str, int] = {}
    for i, line in enumerate(parts, start=1):
        where = f"parts[{i}]"
        if line.part_id:
            if session.get(Part, line.part_id) is None:
                raise ValidationError(f"{where}.part_number", msg("The part is not in the catalogue"))
            part_id = line.part_id
        else:
            ids = lookup_number(session, line.part_number or "")
            if len(ids) != 1:
                raise ValidationError(f"{where}.part_number", msg(
                    "No single catalogue part has the number '{number}'", number=(line.part_number or "").strip()))
            part_id = ids[0]
        quantity = check_quantity(f"{where}.quantity", line.quantity)
        if quantity <= 0:
            raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero"))
        if part_id in kit:
            raise ValidationError(f"{where}.part_number", msg("This part is already in the kit"))
        kit[part_id] = quantity
    return list(kit.items())


def _replace_kit(uow: UnitOfWork, operation_id: str, kit: list[tuple[str, int]]) -> None:
    session = uow.session
    old = {(r.part_id, r.quantity, r.line_no) for r in session.execute(
        select(LabourOperationPart).where(LabourOperationPart.operation_id == operation_id)).scalars()}
    new = {(part_id, quantity, n) for n, (part_id, quantity) in enumerate(kit, start=1)}
    if old == new:
        return
    for row in session.execute(select(LabourOperationPart).where(
            LabourOperationPart.operation_id == operation_id)).scalars():
        session.delete(row)
    session.flush()
    for n, (part_id, quantity) in enumerate(kit, start=1):
        session.add(LabourOperationPart(operation_id=operation_id, line_no=n, part_id=part_id, quantity=quantity))
    session.flush()


def _check_unique(uow: UnitOfWork, data: OperationInput, exclude_id: str | None) -> None:
    found = uow.session.execute(select(LabourOperation.id).where(
        LabourOperation.code == data.code, LabourOperation.model_family == data.model_family)).scalar()
    if found is not None and found != exclude_id:
        family = f" for {data.model_family}" if data.model_family else ""
        raise ValidationError("code", msg("Operation {code}{family} already exists", code=data.code, family=family))


def create_operation_in(uow: UnitOfWork, data: OperationInput) -> str:
    """Add an operation to the catalogue; returns its id."""
    require(uow.actor, "workshop.catalogue")
    clean = _clean(data)
    _check_unique(uow, clean, None)
    kit = _kit(uow.session, clean.parts or [])
    row = LabourOperation(code=clean.code, description=clean.description, system=clean.system,
                          standard_hours=clean.standard_hours, model_family=clean.model_family, active=clean.active)
    uow.session.add(row)
    uow.session.flush()
    _replace_kit(uow, row.id, kit)
    return row.id


create_operation = action(create_operation_in)


def update_operation_in(uow: UnitOfWork, operation_id: str, data: OperationInput) -> None:
    require(uow.actor, "workshop.catalogue")
    row = uow.session.get(LabourOperation, operation_id)
    if row is None:
        raise NotFound(msg("The labour operation no longer exists"))
    clean = _clean(data)
    _check_unique(uow, clean, operation_id)
    kit = None if clean.parts is None else _kit(uow.session, clean.parts)
    row.code, row.description, row.system = clean.code, clean.description, clean.system
    row.standard_hours, row.model_family, row.active = clean.standard_hours, clean.model_family, clean.active
    if kit is not None:
        _replace_kit(uow, operation_id, kit)


update_operation = action(update_operation_in)


def delete_operation_in(uow: UnitOfWork, operation_id: str) -> None:
    """Remove an operation no labour line uses; one in use is deactivated instead (refused here)."""
    from models.workshop import RepairLabourLine

    require(uow.actor, "workshop.catalogue")
    row = uow.session.get(LabourOperation, operation_id)
    if row is None:
        raise NotFound(msg("The labour operation no longer exists"))
    from models.appointments import AppointmentOperation

    used = uow.session.execute(select(RepairLabourLine.id).where(
        RepairLabourLine.operation_id == operation_id).limit(1)).first() or uow.session.execute(
        select(AppointmentOperation.id).where(AppointmentOperation.operation_id == operation_id).limit(1)).first()
    if used is not None:
        raise ValidationError("code", msg("Operation {code} is used on repair orders or bookings; make it inactive "
                                          "instead", code=row.code))
    _replace_kit(uow, operation_id, [])
    uow.session.delete(row)


delete_operation = action(delete_operation_in)


def _row(r) -> OperationRow:
    return OperationRow(r.id, r.code, r.description, r.system, r.standard_hours, r.model_family, r.active)


def operations(db: Database, actor: Actor, *, model_family: str = "", include_inactive: bool = False
               ) -> list[OperationRow]:
    """The catalogue by code; with a ``model_family``, its own operations and the general ones.
    Any thread; reads only."""
    require(actor, "workshop.view")
    o = LabourOperation
    query = select(o.id, o.code, o.description, o.system, o.standard_hours, o.model_family, o.active)
    if model_family:
        query = query.where(o.model_family.in_(("", model_family)))
    if not include_inactive:
        query = query.where(o.active.is_(True))
    with db.read() as conn:
        return [_row(r) for r in conn.execute(query.order_by(o.code, o.model_family))]


def kits_of(conn: Connection | Session, operation_ids: Iterable[str]) -> dict[str, tuple[KitPart, ...]]:
    """The kit of each operation named (operations without one left out), in line order."""
    ids = list(dict.fromkeys(i for i in operation_ids if i))
    found: dict[str, list[KitPart]] = {}
    k = LabourOperationPart
    for start in range(0, len(ids), 500):
        for r in conn.execute(select(k.operation_id, k.part_id, Part.part_number, Part.description, k.quantity)
                              .join(Part, Part.id == k.part_id).where(k.operation_id.in_(ids[start:start + 500]))
                              .order_by(k.operation_id, k.line_no)):
            found.setdefault(r.operation_id, []).append(KitPart(r.part_id, r.part_number, r.description, r.quantity))
    return {key: tuple(value) for key, value in found.items()}


def get_operation(db: Database, actor: Actor, operation_id: str) -> OperationView:
    """One operation with its kit and whether repair orders use it. Any thread; reads only."""
    from models.workshop import RepairLabourLine

    require(actor, "workshop.view")
    o = LabourOperation
    with db.read() as conn:
        row = conn.execute(select(o.id, o.code, o.description, o.system, o.standard_hours, o.model_family, o.active)
                           .where(o.id == operation_id)).first()
        if row is None:
            raise NotFound(msg("The labour operation no longer exists"))
        from models.appointments import AppointmentOperation

        used = conn.execute(select(RepairLabourLine.id).where(
            RepairLabourLine.operation_id == operation_id).limit(1)).first() is not None or conn.execute(
            select(AppointmentOperation.id).where(AppointmentOperation.operation_id == operation_id).limit(1)
        ).first() is not None
        return OperationView(_row(row), kits_of(conn, [operation_id]).get(operation_id, ()), used)


def find_operation(session_or_conn, code: str, *, model_family: str = "") -> OperationRow | None:
    """The active operation of ``code`` for ``model_family`` (its own first, else the general one)."""
    o = LabourOperation
    rows = session_or_conn.execute(
        select(o.id, o.code, o.description, o.system, o.standard_hours, o.model_family, o.active)
        .where(o.code == normalize_code(code), o.model_family.in_(("", model_family or "")), o.active.is_(True))
    ).all()
    rows.sort(key=lambda r: r.model_family == "")
    return _row(rows[0]) if rows else None


# --- rates ----------------------------------------------------------------------------------------

def set_rate_in(uow: UnitOfWork, pay_type: str, hourly_rate: int, *, bill_to_customer_id: str | None = None) -> None:
    """Set the hourly labour rate of ``pay_type`` and whom its invoices go to (None: the repair
    order's customer)."""
    require(uow.actor, "workshop.catalogue")
    pay_type = check_pay_type("pay_type", pay_type, required=True)
    rate = check_amount("hourly_rate", hourly_rate, minimum=0)
    if bill_to_customer_id and uow.session.get(Customer, bill_to_customer_id) is None:
        raise ValidationError("bill_to_customer_id", msg("The customer to bill is not known"))
    row = uow.session.execute(select(LabourRate).where(LabourRate.pay_type == pay_type)).scalar()
    if row is None:
        uow.session.add(LabourRate(pay_type=pay_type, hourly_rate=rate,
                                   bill_to_customer_id=bill_to_customer_id or None))
    else:
        row.hourly_rate, row.bill_to_customer_id = rate, bill_to_customer_id or None
    uow.session.flush()


set_rate = action(set_rate_in)


@dataclass
class RateInput:
    pay_type: str
    hourly_rate: int
    bill_to_customer_id: str | None = None


def set_rates_in(uow: UnitOfWork, rates: list[RateInput]) -> None:
    """Set several pay types' rates together (the rates form): all of them or, on a bad one, none."""
    for rate in rates:
        try:
            set_rate_in(uow, rate.pay_type, rate.hourly_rate, bill_to_customer_id=rate.bill_to_customer_id)
        except ValidationError as exc:
            if exc.field in ("hourly_rate", "bill_to_customer_id"):
                raise ValidationError(f"{rate.pay_type}.{exc.field}", exc.detail) from None
            raise


set_rates = action(set_rates_in)


def rates_of(session_or_conn) -> dict[str, RateRow]:
    r = LabourRate
    return {x.pay_type: RateRow(x.pay_type, x.hourly_rate, x.bill_to_customer_id) for x in session_or_conn.execute(
        select(r.pay_type, r.hourly_rate, r.bill_to_customer_id))}


def rates(db: Database, actor: Actor) -> list[RateRow]:
    """Every pay type's rate (0 and the repair order's customer where none is set). Any thread."""
    require(actor, "workshop.costs")
    with db.read() as conn:
        known = rates_of(conn)
        ids = [r.bill_to_customer_id for r in known.values() if r.bill_to_customer_id]
        names = {r.id: r.name for r in conn.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids)))}
    return [replace(known[p], bill_to_name=names.get(known[p].bill_to_customer_id or "", "")) if p in known
            else RateRow(p, 0, None) for p in PAY_TYPES]
