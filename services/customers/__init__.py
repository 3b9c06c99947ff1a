"""Customers (people and companies) and their contacts: the shared master record of every area."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import select

from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from models.crm import CUSTOMER_KINDS, Contact, Customer
from models.vehicles import Vehicle
from services import search, settings, validation
from services.permissions import require, require_any
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass
class ContactInput:
    name: str
    position: str = ""
    phone: str = ""
    email: str = ""
    is_primary: bool = False
    id: str | None = None


@dataclass
class CustomerInput:
    name: str
    kind: str = "person"
    alt_name: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    company_reg: str = ""
    address: str = ""
    city: str = ""
    postcode: str = ""
    birth_date: date | None = None
    language: str = ""
    marketing_ok: bool = False
    notes: str = ""
    active: bool = True
    contacts: list[ContactInput] = field(default_factory=list)


@dataclass(frozen=True)
class VehicleBrief:
    id: str
    vin: str
    plate: str
    make: str
    model: str
    model_year: int | None


@dataclass(frozen=True)
class CustomerDetail:
    id: str
    data: CustomerInput
    vehicles: list[VehicleBrief]
    created_at: str
    updated_at: str
    updated_by: str


_SCALARS = [f.name for f in fields(CustomerInput) if f.name != "contacts"]


def _clean(data: CustomerInput, region: str) -> CustomerInput:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("name", msg("A customer name is required"))
    if len(name) > 200:
        raise ValidationError("name", msg("A name has at most 200 characters"))
    if data.kind not in CUSTOMER_KINDS:
        raise ValidationError("kind", msg("Kind must be one of {items}", items=', '.join(CUSTOMER_KINDS)))
    if data.birth_date and data.birth_date > date.today():
        raise ValidationError("birth_date", msg("The birth date is in the future"))
    contacts = []
    for i, c in enumerate(data.contacts, start=1):
        cname = " ".join(c.name.split())
        if not cname:
            raise ValidationError(f"contacts[{i}].name", msg("A contact needs a name"))
        contacts.append(ContactInput(
            name=cname, position=c.position.strip(),
            phone=validation.phone(c.phone, region, field=f"contacts[{i}].phone"),
            email=validation.email(c.email, field=f"contacts[{i}].email"),
            is_primary=c.is_primary, id=c.id))
    return CustomerInput(
        name=name, kind=data.kind, alt_name=" ".join(data.alt_name.split()),
        phone=validation.phone(data.phone, region), email=validation.email(data.email),
        id_number=validation.id_number(data.id_number),
        company_reg=validation.company_reg(data.company_reg) if data.kind == "company" or data.company_reg else "",
        address=data.address.strip(), city=data.city.strip(), postcode=data.postcode.strip(),
        birth_date=data.birth_date, language=data.language, marketing_ok=bool(data.marketing_ok),
        notes=data.notes.strip(), active=bool(data.active), contacts=contacts,
    )


def _check_duplicates(session, data: CustomerInput, exclude_id: str | None) -> None:
    # Natural keys (DESIGN §9): phone, ID number and company registration identify a customer.
    for column, value, label in ((Customer.id_number, data.id_number, "id_number"),
                                 (Customer.company_reg, data.company_reg, "company_reg"),
                                 (Customer.phone, data.phone, "phone")):
        if not value:
            continue
        other = session.execute(select(Customer.id, Customer.name).where(column == value, Customer.id != (
            exclude_id or ""))).first()
        if other:
            raise ValidationError(label, msg("Already recorded for customer '{name}'", name=other.name))


def _apply_contacts(session, customer_id: str, contacts: list[ContactInput], actor: Actor) -> None:
    existing = {c.id: c for c in session.execute(
        select(Contact).where(Contact.customer_id == customer_id)).scalars()}
    keep = set()
    for c in contacts:
        row = existing.get(c.id) if c.id else None
        if row is None:
            row = Contact(customer_id=customer_id)
            session.add(row)
        row.name, row.position, row.phone, row.email, row.is_primary = (
            c.name, c.position, c.phone, c.email, c.is_primary)
        if c.id:
            keep.add(c.id)
    for cid, row in existing.items():
        if cid not in keep:
            session.delete(row)


def create_in(uow: UnitOfWork, data: CustomerInput) -> str:
    actor, session = uow.actor, uow.session
    require(actor, "customer.edit")
    clean = _clean(data, settings.load(session).country)
    _check_duplicates(session, clean, None)
    row = Customer(**{k: getattr(clean, k) for k in _SCALARS})
    session.add(row)
    session.flush()
    _apply_contacts(session, row.id, clean.contacts, actor)
    session.flush()
    search.index(session.connection(), "customer", [row.id])
    return row.id


create = action(create_in)


# The one customer record for counter sales to people who give no name: the same id on every terminal,
# so synced copies are one record. Its name carries both languages the desk reads.
WALK_IN_ID = "walk-in"
WALK_IN_NAME = "Walk-in customer (散客)"


def walk_in_in(uow: UnitOfWork) -> tuple[str, str]:
    """The walk-in (cash) customer's id and name, made on first use. Anyone who may write invoices may
    use it, without the right to edit customers."""
    actor, session = uow.actor, uow.session
    require_any(actor, "invoice.edit", "customer.edit")
    row = session.get(Customer, WALK_IN_ID)
    if row is None:
        row = Customer(id=WALK_IN_ID, name=WALK_IN_NAME, kind="person",
                       notes="Counter sales to customers who give no name")
        session.add(row)
        session.flush()
        search.index(session.connection(), "customer", [row.id])
    return row.id, row.name


walk_in = action(walk_in_in)


def update_in(uow: UnitOfWork, customer_id: str, data: CustomerInput) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "customer.edit")
    row = session.get(Customer, customer_id)
    if row is None:
        raise NotFound(msg("The customer no longer exists"))
    clean = _clean(data, settings.load(session).country)
    _check_duplicates(session, clean, customer_id)
    name_changed = row.name != clean.name
    for k in _SCALARS:
        setattr(row, k, getattr(clean, k))
    _apply_contacts(session, row.id, clean.contacts, actor)
    session.flush()
    search.index(session.connection(), "customer", [row.id])
    if name_changed:
        vehicle_ids = session.execute(select(Vehicle.id).where(Vehicle.owner_id == row.id)).scalars().all()
        search.index(session.connection(), "vehicle", vehicle_ids)


update = action(update_in)


def delete_customer_in(uow: UnitOfWork, customer_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "customer.delete")
    row = session.get(Customer, customer_id)
    if row is None:
        raise NotFound(msg("The customer no longer exists"))
    if session.execute(select(Vehicle.id).where(Vehicle.owner_id == customer_id)).first():
        raise Conflict(msg("'{name}' still owns vehicles; change their owner first", name=row.name))
    for contact in session.execute(select(Contact).where(Contact.customer_id == customer_id)).scalars():
        session.delete(contact)
    session.delete(row)
    session.flush()
    search.index(session.connection(), "customer", [customer_id])


delete_customer = action(delete_customer_in)


def get(db: Database, actor: Actor, customer_id: str) -> CustomerDetail:
    require(actor, "customer.view")
    with db.read() as conn:
        r = conn.execute(select(*[getattr(Customer, k) for k in _SCALARS], Customer.created_at,
                                Customer.updated_at, Customer.updated_by).where(Customer.id == customer_id)).first()
        if r is None:
            raise NotFound(msg("The customer no longer exists"))
        contacts = [ContactInput(name=x.name, position=x.position, phone=x.phone, email=x.email,
                                 is_primary=x.is_primary, id=x.id)
                    for x in conn.execute(select(Contact.id, Contact.name, Contact.position, Contact.phone,
                                                 Contact.email, Contact.is_primary)
                                          .where(Contact.customer_id == customer_id)
                                          .order_by(Contact.is_primary.desc(), Contact.name))]
        vehicles = [VehicleBrief(*v) for v in conn.execute(
            select(Vehicle.id, Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model, Vehicle.model_year)
            .where(Vehicle.owner_id == customer_id).order_by(Vehicle.plate))]
    data = CustomerInput(**{k: r[i] for i, k in enumerate(_SCALARS)}, contacts=contacts)
    n = len(_SCALARS)
    return CustomerDetail(id=customer_id, data=data, vehicles=vehicles, created_at=str(r[n]),
                          updated_at=str(r[n + 1]), updated_by=r[n + 2])
