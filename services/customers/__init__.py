"""Customers (people and companies) and their contacts: the shared master record of every area.

ID numbers are personal data: a reader without ``customer.view_id`` gets them masked
(:func:`mask_id`) from every read here, in lists, exports and the timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from sqlalchemy import select

from core import clock
from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from models.crm import CUSTOMER_KINDS, GRADES, Contact, Customer, CustomerDistinct, CustomerNote, CustomerTag
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
    grade: str = ""
    # The day consent was given; None: today when it is given now, kept while it holds.
    marketing_since: date | None = None
    contacts: list[ContactInput] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class VehicleBrief:
    id: str
    vin: str
    plate: str
    make: str
    model: str
    model_year: int | None


@dataclass(frozen=True)
class NoteView:
    id: str
    written_at: datetime
    written_by: str
    text: str


@dataclass(frozen=True)
class CustomerDetail:
    id: str
    data: CustomerInput
    vehicles: list[VehicleBrief]
    created_at: str
    updated_at: str
    updated_by: str
    notes: list[NoteView] = field(default_factory=list)
    marketing_withdrawn_on: date | None = None
    merged_into_id: str | None = None
    id_masked: bool = False


_SCALARS = [f.name for f in fields(CustomerInput) if f.name not in ("contacts", "tags")]
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
TAG_MAX = 40


def name_key(value: str) -> str:
    """A name folded for duplicate checks: case, width, punctuation and the order of its words do not
    count ("Wang Wei", "wei wang" and "WANG-WEI" fold alike; 王 伟 as 王伟)."""
    words = [w for w in (_NON_WORD.sub("", w) for w in search.normalize(value).split()) if w]
    # Chinese names are written family name first, always: only words in Latin letters are reordered.
    return "".join(words if any(ch >= "\u2e80" for w in words for ch in w) else sorted(words))


def mask_id(value: str) -> str:
    """An ID number as a reader without ``customer.view_id`` sees it: its first three and last four
    characters (310***********1234); a short one only its last two."""
    if not value:
        return ""
    if len(value) >= 8:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return "*" * max(0, len(value) - 2) + value[-2:]


# The same in SQL, for lists and exports (``{c}`` is the column).
MASK_ID_SQL = ("CASE WHEN {c} = '' THEN '' WHEN length({c}) >= 8 THEN substr({c}, 1, 3) || "
               "substr('********************************', 1, length({c}) - 7) || substr({c}, -4) "
               "ELSE substr('********', 1, max(length({c}) - 2, 0)) || substr({c}, -2) END")


def shown_id(actor: Actor, value: str) -> str:
    """``value`` as ``actor`` may see it."""
    return value if actor.can("customer.view_id") else mask_id(value)


def clean_tags(tags: list[str]) -> list[str]:
    """Tags as stored: spaces collapsed, each once (ignoring case), in the order given."""
    out: dict[str, str] = {}
    for raw in tags:
        tag = " ".join(str(raw).split())
        if not tag:
            continue
        if len(tag) > TAG_MAX:
            raise ValidationError("tags", msg("A tag has at most {n} characters", n=TAG_MAX))
        out.setdefault(tag.casefold(), tag)
    return list(out.values())


def split_tags(text: str) -> list[str]:
    """Tags typed in one line, separated by commas (also Chinese ones) or semicolons."""
    return [t for t in re.split(r"[,;，；、]", text or "") if t.strip()]


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
    grade = (data.grade or "").strip().upper()
    if grade and grade not in GRADES:
        raise ValidationError("grade", msg("Grade must be one of {items}", items=", ".join(GRADES)))
    if data.marketing_since and data.marketing_since > date.today():
        raise ValidationError("marketing_since", msg("Marketing consent cannot be given in the future"))
    if "*" in (data.id_number or ""):
        raise ValidationError("id_number", msg("The ID number is masked: type the full number"))
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
        notes=data.notes.strip(), active=bool(data.active), contacts=contacts, grade=grade,
        marketing_since=data.marketing_since if data.marketing_ok else None, tags=clean_tags(data.tags),
    )


def _check_duplicates(session, data: CustomerInput, exclude_id: str | None) -> None:
    # An ID number and a company's credit code identify one customer: a second record is refused. A
    # shared phone (a family's) or name is only offered as a possible duplicate (services.customers.duplicates).
    for column, value, label in ((Customer.id_number, data.id_number, "id_number"),
                                 (Customer.company_reg, data.company_reg, "company_reg")):
        if not value:
            continue
        other = session.execute(select(Customer.id, Customer.name).where(
            column == value, Customer.id != (exclude_id or ""), Customer.merged_into_id.is_(None))).first()
        if other:
            raise ValidationError(label, msg("Already recorded for customer '{name}'", name=other.name))


def _consent(row: Customer, clean: CustomerInput, today: date) -> None:
    """Keep the days consent was given and withdrawn in step with the flag."""
    if clean.marketing_ok:
        if not row.marketing_ok or row.marketing_since is None or clean.marketing_since:
            row.marketing_since = clean.marketing_since or (row.marketing_since if row.marketing_ok else None) or today
        row.marketing_withdrawn_on = None
    elif row.marketing_ok:
        row.marketing_withdrawn_on = today
    row.marketing_ok = clean.marketing_ok


def _apply_tags(session, customer_id: str, tags: list[str]) -> None:
    existing = {t.tag: t for t in session.execute(
        select(CustomerTag).where(CustomerTag.customer_id == customer_id)).scalars()}
    for tag, row in existing.items():
        if tag not in tags:
            session.delete(row)
    session.flush()
    for tag in tags:
        if tag not in existing:
            session.add(CustomerTag(customer_id=customer_id, tag=tag))


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
    row = Customer(**{k: getattr(clean, k) for k in _SCALARS if k not in ("marketing_ok", "marketing_since")},
                   name_key=name_key(clean.name), alt_key=name_key(clean.alt_name))
    _consent(row, clean, clock.today())
    session.add(row)
    session.flush()
    _apply_contacts(session, row.id, clean.contacts, actor)
    _apply_tags(session, row.id, clean.tags)
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
    if row is None or row.merged_into_id:
        raise NotFound(msg("The customer no longer exists"))
    if data.id_number and data.id_number == mask_id(row.id_number):
        # What a reader without customer.view_id was shown: the number stays as it is.
        data = CustomerInput(**{**{f.name: getattr(data, f.name) for f in fields(CustomerInput)},
                                "id_number": row.id_number})
    clean = _clean(data, settings.load(session).country)
    _check_duplicates(session, clean, customer_id)
    name_changed = row.name != clean.name
    for k in _SCALARS:
        if k not in ("marketing_ok", "marketing_since"):
            setattr(row, k, getattr(clean, k))
    row.name_key, row.alt_key = name_key(clean.name), name_key(clean.alt_name)
    _consent(row, clean, clock.today())
    _apply_contacts(session, row.id, clean.contacts, actor)
    _apply_tags(session, row.id, clean.tags)
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
    for model in (Contact, CustomerTag, CustomerNote):
        for child in session.execute(select(model).where(model.customer_id == customer_id)).scalars():
            session.delete(child)
    # Marks that it is not the same customer as another record go with it.
    d = CustomerDistinct
    for mark in session.execute(select(d).where((d.customer_a_id == customer_id) | (d.customer_b_id == customer_id))
                                ).scalars():
        session.delete(mark)
    session.flush()
    session.delete(row)
    session.flush()
    search.index(session.connection(), "customer", [customer_id])


delete_customer = action(delete_customer_in)


def get(db: Database, actor: Actor, customer_id: str) -> CustomerDetail:
    """The customer as ``actor`` may see it (the ID number masked without ``customer.view_id``)."""
    require(actor, "customer.view")
    with db.read() as conn:
        r = conn.execute(select(*[getattr(Customer, k) for k in _SCALARS], Customer.created_at,
                                Customer.updated_at, Customer.updated_by, Customer.marketing_withdrawn_on,
                                Customer.merged_into_id).where(Customer.id == customer_id)).first()
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
        tags = list(conn.execute(select(CustomerTag.tag).where(CustomerTag.customer_id == customer_id)
                                 .order_by(CustomerTag.created_at, CustomerTag.tag)).scalars())
        notes = [NoteView(n.id, n.created_at, n.created_by, n.text) for n in conn.execute(
            select(CustomerNote.id, CustomerNote.created_at, CustomerNote.created_by, CustomerNote.text)
            .where(CustomerNote.customer_id == customer_id)
            .order_by(CustomerNote.created_at.desc(), CustomerNote.id.desc()))]
    data = CustomerInput(**{k: r[i] for i, k in enumerate(_SCALARS)}, contacts=contacts, tags=tags)
    masked = not actor.can("customer.view_id") and bool(data.id_number)
    data.id_number = shown_id(actor, data.id_number)
    n = len(_SCALARS)
    return CustomerDetail(id=customer_id, data=data, vehicles=vehicles, created_at=str(r[n]),
                          updated_at=str(r[n + 1]), updated_by=r[n + 2], notes=notes,
                          marketing_withdrawn_on=r[n + 3], merged_into_id=r[n + 4], id_masked=masked)


def tags_in_use(db: Database, actor: Actor) -> list[str]:
    """Every tag some customer has, sorted (for the list's tag filter). Any thread."""
    require(actor, "customer.view")
    with db.read() as conn:
        return list(conn.execute(select(CustomerTag.tag).distinct().order_by(CustomerTag.tag)).scalars())


NOTE_MAX = 4000


def add_note_in(uow: UnitOfWork, customer_id: str, text: str) -> str:
    """Add a dated note (who and when are recorded) to a customer; returns its id."""
    require(uow.actor, "customer.edit")
    clean = (text or "").strip()
    if not clean:
        raise ValidationError("text", msg("A note needs some text"))
    if len(clean) > NOTE_MAX:
        raise ValidationError("text", msg("A note has at most {n} characters", n=NOTE_MAX))
    row = uow.session.get(Customer, customer_id)
    if row is None or row.merged_into_id:
        raise NotFound(msg("The customer no longer exists"))
    note = CustomerNote(customer_id=customer_id, text=clean)
    uow.session.add(note)
    uow.session.flush()
    return note.id


add_note = action(add_note_in)


def delete_note_in(uow: UnitOfWork, note_id: str) -> None:
    """Remove a note (its text stays in the audit trail)."""
    require(uow.actor, "customer.edit")
    note = uow.session.get(CustomerNote, note_id)
    if note is None:
        raise NotFound(msg("The note no longer exists"))
    uow.session.delete(note)
    uow.session.flush()


delete_note = action(delete_note_in)
