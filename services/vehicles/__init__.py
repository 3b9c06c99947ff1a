"""Vehicles: VIN-identified, with make, model, plate and owner."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from models.crm import Customer
from models.vehicles import Vehicle
from services import search, validation
from services import settings as dealership_settings
from services.permissions import require
from services.vehicles.plates import check_plate
from services.vehicles.plates import normalize_plate as normalize_plate
from store.database import Database
from store.uow import UnitOfWork, action

FUELS = ("petrol", "diesel", "hybrid", "plug_in_hybrid", "electric", "lpg", "other")


@dataclass
class VehicleInput:
    vin: str
    make: str = ""
    model: str = ""
    variant: str = ""
    model_year: int | None = None
    colour: str = ""
    fuel: str = ""
    plate: str = ""
    registered_on: date | None = None
    odometer_km: int | None = None
    owner_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class VehicleDetail:
    id: str
    data: VehicleInput
    owner_name: str
    decoded_make: str
    decoded_country: str
    warnings: list[str]
    updated_at: str
    updated_by: str


_FIELDS = [f.name for f in fields(VehicleInput)]


def _clean(session, data: VehicleInput) -> tuple[VehicleInput, list[str]]:
    info = validation.vin(data.vin)
    make = data.make.strip() or info.make
    if not make:
        raise ValidationError("make", msg("The make is required (it could not be read from the VIN)"))
    if not data.model.strip():
        raise ValidationError("model", msg("The model is required"))
    this_year = date.today().year
    if data.model_year is not None and not (1900 <= data.model_year <= this_year + 2):
        raise ValidationError("model_year", msg("The model year must be between 1900 and {value1}",
                                                value1=this_year + 2))
    if data.odometer_km is not None and data.odometer_km < 0:
        raise ValidationError("odometer_km", msg("The odometer reading cannot be negative"))
    if data.fuel and data.fuel not in FUELS:
        raise ValidationError("fuel", msg("Fuel must be one of {items}", items=', '.join(FUELS)))
    if data.registered_on and data.registered_on > date.today():
        raise ValidationError("registered_on", msg("The registration date is in the future"))
    if data.owner_id and session.get(Customer, data.owner_id) is None:
        raise ValidationError("owner_id", msg("The owner is not a known customer"))
    plate = check_plate(data.plate, country=dealership_settings.load(session).country)
    clean = VehicleInput(vin=info.vin, make=make, model=data.model.strip(), variant=data.variant.strip(),
                         model_year=data.model_year, colour=data.colour.strip(), fuel=data.fuel, plate=plate,
                         registered_on=data.registered_on, odometer_km=data.odometer_km,
                         owner_id=data.owner_id or None, notes=data.notes.strip())
    return clean, info.warnings


def _check_unique(session, clean: VehicleInput, exclude_id: str | None) -> None:
    other = session.execute(select(Vehicle.id).where(Vehicle.vin == clean.vin,
                                                     Vehicle.id != (exclude_id or ""))).first()
    if other:
        raise ValidationError("vin", msg("A vehicle with VIN {vin} is already recorded", vin=clean.vin))
    if clean.plate:
        other = session.execute(select(Vehicle.vin).where(Vehicle.plate == clean.plate,
                                                          Vehicle.id != (exclude_id or ""))).first()
        if other:
            raise ValidationError("plate", msg("Plate {plate} is already on vehicle {vin}",
                                               plate=clean.plate, vin=other.vin))


def create_in(uow: UnitOfWork, data: VehicleInput) -> str:
    actor, session = uow.actor, uow.session
    require(actor, "vehicle.edit")
    clean, _warnings = _clean(session, data)
    _check_unique(session, clean, None)
    row = Vehicle(**{k: getattr(clean, k) for k in _FIELDS})
    session.add(row)
    session.flush()
    search.index(session.connection(), "vehicle", [row.id])
    return row.id


create = action(create_in)


def update_in(uow: UnitOfWork, vehicle_id: str, data: VehicleInput) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "vehicle.edit")
    row = session.get(Vehicle, vehicle_id)
    if row is None:
        raise NotFound(msg("The vehicle no longer exists"))
    clean, _warnings = _clean(session, data)
    _check_unique(session, clean, vehicle_id)
    for k in _FIELDS:
        setattr(row, k, getattr(clean, k))
    session.flush()
    search.index(session.connection(), "vehicle", [row.id])


update = action(update_in)


def delete_vehicle_in(uow: UnitOfWork, vehicle_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "vehicle.delete")
    row = session.get(Vehicle, vehicle_id)
    if row is None:
        raise NotFound(msg("The vehicle no longer exists"))
    session.delete(row)
    session.flush()
    search.index(session.connection(), "vehicle", [vehicle_id])


delete_vehicle = action(delete_vehicle_in)


def get(db: Database, actor: Actor, vehicle_id: str) -> VehicleDetail:
    require(actor, "vehicle.view")
    with db.read() as conn:
        r = conn.execute(select(*[getattr(Vehicle, k) for k in _FIELDS], Customer.name, Vehicle.updated_at,
                                Vehicle.updated_by)
                         .outerjoin(Customer, Customer.id == Vehicle.owner_id)
                         .where(Vehicle.id == vehicle_id)).first()
    if r is None:
        raise NotFound(msg("The vehicle no longer exists"))
    data = VehicleInput(**{k: r[i] for i, k in enumerate(_FIELDS)})
    n = len(_FIELDS)
    info = validation.vin(data.vin) if len(data.vin) == 17 else validation.VinInfo(vin=data.vin)
    return VehicleDetail(id=vehicle_id, data=data, owner_name=r[n] or "", decoded_make=info.make,
                         decoded_country=info.country, warnings=info.warnings, updated_at=str(r[n + 1]),
                         updated_by=r[n + 2])


def decode_vin(vin: str) -> validation.VinInfo:
    """Check and decode a VIN for a form (no database access)."""
    return validation.vin(vin)
