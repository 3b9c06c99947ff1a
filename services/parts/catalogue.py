"""The parts catalogue: brands, parts, their prices and supersession chains.

A part is known by brand + part number. ``number_key`` is the number folded for matching, so
"04152-YZZA6", "04152 yzza6" and "０４１５２ＹＺＺＡ６" are the same part. A superseded part points
at its replacement; searching, selling and ordering follow the chain to its final part.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.money import check_amount
from core.quantities import check_quantity
from core.text import fold, visible
from models.parts import Brand, Part, PartStock, Supplier
from services import search
from services.parts.levels import MAX_CHAIN, levels_follow
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

# Spaces, dashes (ASCII and typographic), dots and slashes carry no meaning in a part number.
_NUMBER_NOISE = re.compile(r"[\s\-\u2010-\u2015\u2212./\\]+")


def normalize_number(text: str) -> str:
    """The matching key of a part number: width-folded, case-folded, without separators."""
    return _NUMBER_NOISE.sub("", visible(text).casefold())


def _clean(text: str) -> str:
    return " ".join((text or "").split())


@dataclass
class PartInput:
    brand: str
    part_number: str
    description: str
    description_alt: str = ""
    category: str = ""
    unit: str = "pcs"
    barcode: str = ""
    bin: str = ""
    tax_code: str = ""
    retail_price: int = 0
    trade_price: int = 0
    list_cost: int = 0
    min_qty: int = 0
    max_qty: int = 0
    reorder_manual: bool = False
    preferred_supplier_id: str | None = None
    active: bool = True


@dataclass(frozen=True)
class PartView:
    id: str
    brand_id: str
    brand: str
    part_number: str
    number_key: str
    description: str
    description_alt: str
    category: str
    unit: str
    barcode: str
    bin: str
    tax_code: str
    retail_price: int
    trade_price: int
    list_cost: int
    min_qty: int
    max_qty: int
    reorder_manual: bool
    preferred_supplier_id: str | None
    superseded_by_id: str | None
    superseded_by_number: str | None
    final_part_id: str  # the end of the supersession chain (the part itself when not superseded)
    active: bool
    on_hand: int
    reserved: int
    available: int
    average_cost: int
    last_movement_on: date | None


# --- brands ---------------------------------------------------------------------------------------

def find_brand(conn: Connection | Session, name: str) -> str | None:
    """The id of the brand called ``name``, or None. Names match as :func:`core.text.fold` keys
    them (the same rule as imports): case, width (NFKC), spacing and invisible characters (zero-width,
    soft hyphen) are ignored, so a look-alike never becomes a second brand."""
    folded = fold(name)
    if not folded:
        return None
    found = conn.execute(select(Brand.id).where(func.lower(Brand.name) == folded)).scalar()
    if found is not None:
        return found
    # SQLite folds only ASCII case; a dealership knows a few hundred brands, so the rest is read once.
    return next((brand_id for brand_id, brand in conn.execute(select(Brand.id, Brand.name))
                 if fold(brand) == folded), None)


def get_or_create_brand(session: Session, name: str) -> str:
    """The id of brand ``name``, creating it when the catalogue does not know it yet; inside the
    caller's write transaction."""
    clean = _clean(visible(name))
    if not clean:
        raise ValidationError("brand", msg("A part needs a brand"))
    if len(clean) > 80:
        raise ValidationError("brand", msg("A brand name is at most 80 characters"))
    found = find_brand(session, clean)
    if found:
        return found
    actor = session.info.get("actor")
    who = actor.username if actor else ""
    brand = Brand(name=clean, created_by=who, updated_by=who)
    session.add(brand)
    session.flush()
    return brand.id


# --- parts ----------------------------------------------------------------------------------------

def _validated(session: Session, data: PartInput) -> PartInput:
    number = _clean(data.part_number)
    if not number or not normalize_number(number):
        raise ValidationError("part_number", msg("A part needs a part number"))
    if len(number) > 60:
        raise ValidationError("part_number", msg("A part number is at most 60 characters"))
    if not _clean(data.brand):
        raise ValidationError("brand", msg("A part needs a brand"))
    description = _clean(data.description)
    if not description:
        raise ValidationError("description", msg("A part needs a description"))
    for name in ("retail_price", "trade_price", "list_cost"):
        if check_amount(name, getattr(data, name)) < 0:
            raise ValidationError(name, msg("A price cannot be negative"))
    for name in ("min_qty", "max_qty"):
        if check_quantity(name, getattr(data, name)) < 0:
            raise ValidationError(name, msg("A quantity cannot be negative"))
    if data.max_qty and data.max_qty < data.min_qty:
        raise ValidationError("max_qty", msg("The maximum cannot be below the minimum"))
    if data.preferred_supplier_id and session.get(Supplier, data.preferred_supplier_id) is None:
        raise ValidationError("preferred_supplier_id", msg("The supplier is not known"))
    return PartInput(
        brand=_clean(data.brand), part_number=number, description=description,
        description_alt=_clean(data.description_alt), category=_clean(data.category),
        unit=_clean(data.unit) or "pcs", barcode=_clean(data.barcode), bin=_clean(data.bin).upper(),
        tax_code=_clean(data.tax_code).upper(), retail_price=data.retail_price, trade_price=data.trade_price,
        list_cost=data.list_cost, min_qty=data.min_qty, max_qty=data.max_qty, reorder_manual=data.reorder_manual,
        preferred_supplier_id=data.preferred_supplier_id or None, active=data.active)


def _write(session: Session, part: Part, data: PartInput, actor: Actor) -> None:
    brand_id = get_or_create_brand(session, data.brand)
    key = normalize_number(data.part_number)
    clash = session.execute(select(Part.id).where(Part.brand_id == brand_id, Part.number_key == key)).scalar()
    if clash and clash != part.id:
        raise ValidationError("part_number", msg("{brand} {part_number} is already in the catalogue",
                                                 brand=data.brand, part_number=data.part_number))
    values = asdict(data)
    values.pop("brand")
    for name, value in values.items():
        setattr(part, name, value)
    part.brand_id = brand_id
    part.number_key = key


def create_part_in(uow: UnitOfWork, data: PartInput) -> str:
    """Add a part to the catalogue (creating its brand if new) and return its id."""
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    clean = _validated(session, data)
    part = Part()
    _write(session, part, clean, actor)
    session.add(part)
    session.flush()
    session.add(PartStock(part_id=part.id, on_hand=0, reserved=0, average_cost=0))
    session.flush()
    search.index(session.connection(), "part", [part.id])
    return part.id


create_part = action(create_part_in)


def update_part_in(uow: UnitOfWork, part_id: str, data: PartInput) -> str:
    """Change a part's catalogue fields (not its stock) and return its id."""
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    part = session.get(Part, part_id)
    if part is None:
        raise NotFound(msg("The part no longer exists"))
    if not actor.can("cost.view"):
        # They were shown no list cost, so what they send is not a change of it.
        data = replace(data, list_cost=part.list_cost)
    clean = _validated(session, data)
    _write(session, part, clean, actor)
    session.flush()
    search.index(session.connection(), "part", [part.id])
    if not clean.reorder_manual:
        # Set to automatic, or its supplier (lead time) changed: its levels follow the rule at once.
        levels_follow(session, part.id)
    return part.id


update_part = action(update_part_in)


def get_part(db: Database, actor: Actor, part_id: str) -> PartView:
    """One part with its brand, supersession and cached stock figures. Any thread; reads only."""
    require(actor, "part.view")
    with db.read() as conn:
        view = part_view(conn, part_id)
    # Costs only for those who may see them; the others read them as zero.
    return view if actor.can("cost.view") else replace(view, average_cost=0, list_cost=0)


def part_view(conn: Connection | Session, part_id: str) -> PartView:
    """:func:`get_part` on the caller's connection, without a permission check."""
    newer = Part.__table__.alias("newer")
    row = conn.execute(
        select(*Part.__table__.c, Brand.name.label("brand_name"), newer.c.part_number.label("newer_number"),
               PartStock.on_hand, PartStock.reserved, PartStock.average_cost, PartStock.last_movement_on)
        .join(Brand, Brand.id == Part.brand_id)
        .outerjoin(newer, newer.c.id == Part.superseded_by_id)
        .outerjoin(PartStock, PartStock.part_id == Part.id)
        .where(Part.id == part_id)
    ).first()
    if row is None:
        raise NotFound(msg("The part no longer exists"))
    on_hand, reserved = row.on_hand or 0, row.reserved or 0
    final = resolve_supersession(conn, row.id) if row.superseded_by_id else row.id
    copied = {f.name: getattr(row, f.name) for f in fields(PartView) if f.name in Part.__table__.c}
    return PartView(**copied, brand=row.brand_name, superseded_by_number=row.newer_number, final_part_id=final,
                    on_hand=on_hand, reserved=reserved, available=on_hand - reserved,
                    average_cost=row.average_cost or 0, last_movement_on=row.last_movement_on)


# --- supersession ---------------------------------------------------------------------------------

def _chain(conn: Connection | Session, part_id: str) -> list[str]:
    """The ids from ``part_id`` to the end of its chain; raises Conflict on a loop."""
    seen = [part_id]
    current = part_id
    while True:
        nxt = conn.execute(select(Part.superseded_by_id).where(Part.id == current)).scalar()
        if nxt is None:
            return seen
        if nxt in seen or len(seen) > MAX_CHAIN:
            raise Conflict(msg("The supersession chain of this part loops back on itself"))
        seen.append(nxt)
        current = nxt


def resolve_supersession(conn: Connection | Session, part_id: str) -> str:
    """The final part of ``part_id``'s supersession chain (``part_id`` itself when not superseded).
    Raises Conflict if the chain loops (possible only through data merged from elsewhere)."""
    return _chain(conn, part_id)[-1]


def older_parts(conn: Connection | Session, part_id: str) -> list[str]:
    """The parts that ``part_id`` replaces, directly or down a chain, oldest first (A, B for C in
    A → B → C); empty when it replaces none."""
    rows = conn.execute(text(
        "WITH RECURSIVE older(id, depth) AS ("
        " SELECT id, 1 FROM part WHERE superseded_by_id = :part"
        " UNION ALL SELECT p.id, o.depth + 1 FROM part p JOIN older o ON p.superseded_by_id = o.id"
        f" WHERE o.depth < {MAX_CHAIN}) "
        "SELECT id, max(depth) FROM older WHERE id != :part GROUP BY id ORDER BY max(depth) DESC, id"),
        {"part": part_id}).all()
    return [r[0] for r in rows]


def set_superseded_by_in(uow: UnitOfWork, old_id: str, new_id: str | None) -> str:
    """Mark ``old_id`` as replaced by ``new_id`` (None clears it); refuses a chain that would loop.
    Returns the final part of the chain."""
    actor, session = uow.actor, uow.session
    require(actor, "part.edit")
    old = session.get(Part, old_id)
    if old is None:
        raise NotFound(msg("The part no longer exists"))
    if new_id is not None:
        if session.get(Part, new_id) is None:
            raise ValidationError("superseded_by", msg("The replacing part is not in the catalogue"))
        try:
            chain = _chain(session, new_id)
        except Conflict as exc:
            raise ValidationError("superseded_by", exc.message) from exc
        if old_id in chain:
            raise ValidationError("superseded_by", msg("{part_number} cannot be superseded by a part that it "
                                                       "replaces itself", part_number=old.part_number))
    old.superseded_by_id = new_id
    session.flush()
    final = resolve_supersession(session, old_id)
    return final


set_superseded_by = action(set_superseded_by_in)


# --- lookups --------------------------------------------------------------------------------------

def find_part(conn: Connection | Session, brand: str, number: str) -> str | None:
    """The id of ``brand`` + ``number`` (number folded), or None. Does not follow supersession."""
    key = normalize_number(number)
    if not key:
        return None
    return conn.execute(
        select(Part.id).join(Brand, Brand.id == Part.brand_id)
        .where(Part.number_key == key, func.lower(Brand.name) == _clean(brand).casefold())
    ).scalar()


def lookup_number(conn: Connection | Session, number: str) -> list[str]:
    """The parts a typed number means, across all brands, each followed to the final part of its
    supersession chain (duplicates removed, catalogue order by brand)."""
    key = normalize_number(number)
    if not key:
        return []
    rows = conn.execute(select(Part.id, Part.superseded_by_id).join(Brand, Brand.id == Part.brand_id)
                        .where(Part.number_key == key).order_by(Brand.name, Part.id)).all()
    found: dict[str, None] = {}
    for row in rows:
        found[resolve_supersession(conn, row.id) if row.superseded_by_id else row.id] = None
    return list(found)


def part_by_number(db: Database, actor: Actor, number: str) -> PartView | None:
    """The part a typed number means (following supersession to the part to use now), or None when
    the catalogue has no such number or it is ambiguous across brands. Any thread; reads only."""
    require(actor, "part.view")
    with db.read() as conn:
        ids = lookup_number(conn, number)
        return part_view(conn, ids[0]) if len(ids) == 1 else None


@dataclass(frozen=True)
class PartForSale:
    id: str
    brand: str
    part_number: str
    description: str
    retail_price: int
    tax_code: str
    superseded_from: str  # the number typed, when it was superseded by this part; else ""


def part_for_sale(db: Database, actor: Actor, number: str) -> PartForSale | None:
    """The part a number typed on an invoice line means (following supersession), or None when the
    catalogue has no such number or it is ambiguous across brands. Any thread; reads only."""
    require(actor, "invoice.edit")
    with db.read() as conn:
        ids = lookup_number(conn, number)
        if len(ids) != 1:
            return None
        row = conn.execute(select(Part.id, Brand.name, Part.part_number, Part.description, Part.retail_price,
                                  Part.tax_code, Part.number_key).join(Brand, Brand.id == Part.brand_id)
                           .where(Part.id == ids[0])).one()
    superseded = "" if row.number_key == normalize_number(number) else number.strip()
    return PartForSale(id=row.id, brand=row.name, part_number=row.part_number, description=row.description,
                       retail_price=row.retail_price, tax_code=row.tax_code, superseded_from=superseded)
