"""Labour operations (code, description, system, standard hours, optional model family) and the
labour rate of each pay type."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount
from models.crm import Customer
from models.workshop import PAY_TYPES, LabourOperation, LabourRate
from services.permissions import require
from services.workshop.rules import check_hours, check_pay_type
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class OperationInput:
    code: str
    description: str
    system: str = ""
    standard_hours: int = 0  # hundredths of an hour
    model_family: str = ""
    active: bool = True


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
class RateRow:
    pay_type: str
    hourly_rate: int
    bill_to_customer_id: str | None


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
                          model_family=family, active=bool(data.active))


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
    row = LabourOperation(code=clean.code, description=clean.description, system=clean.system,
                          standard_hours=clean.standard_hours, model_family=clean.model_family, active=clean.active)
    uow.session.add(row)
    uow.session.flush()
    return row.id


create_operation = action(create_operation_in)


def update_operation_in(uow: UnitOfWork, operation_id: str, data: OperationInput) -> None:
    require(uow.actor, "workshop.catalogue")
    row = uow.session.get(LabourOperation, operation_id)
    if row is None:
        raise NotFound(msg("The labour operation no longer exists"))
    clean = _clean(data)
    _check_unique(uow, clean, operation_id)
    row.code, row.description, row.system = clean.code, clean.description, clean.system
    row.standard_hours, row.model_family, row.active = clean.standard_hours, clean.model_family, clean.active


update_operation = action(update_operation_in)


def delete_operation_in(uow: UnitOfWork, operation_id: str) -> None:
    """Remove an operation no labour line uses; one in use is deactivated instead (refused here)."""
    from models.workshop import RepairLabourLine

    require(uow.actor, "workshop.catalogue")
    row = uow.session.get(LabourOperation, operation_id)
    if row is None:
        raise NotFound(msg("The labour operation no longer exists"))
    used = uow.session.execute(select(RepairLabourLine.id).where(
        RepairLabourLine.operation_id == operation_id).limit(1)).first()
    if used is not None:
        raise ValidationError("code", msg("Operation {code} is used on repair orders; make it inactive instead",
                                          code=row.code))
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


def rates_of(session_or_conn) -> dict[str, RateRow]:
    r = LabourRate
    return {x.pay_type: RateRow(x.pay_type, x.hourly_rate, x.bill_to_customer_id) for x in session_or_conn.execute(
        select(r.pay_type, r.hourly_rate, r.bill_to_customer_id))}


def rates(db: Database, actor: Actor) -> list[RateRow]:
    """Every pay type's rate (0 and the repair order's customer where none is set). Any thread."""
    require(actor, "workshop.costs")
    with db.read() as conn:
        known = rates_of(conn)
    return [known.get(p, RateRow(p, 0, None)) for p in PAY_TYPES]
