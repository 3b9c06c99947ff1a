"""Finding the car a person names at the counter: by plate or VIN, or by the end of its VIN as read
off the windscreen (reception and the vehicle history find it alike)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from core.actor import Actor
from models.crm import Customer
from models.vehicles import Vehicle
from services.permissions import require
from services.vehicles import normalize_plate
from store.database import Database


@dataclass(frozen=True)
class VehicleMatch:
    id: str
    vin: str
    plate: str
    make: str
    model: str
    owner_id: str | None
    owner_name: str


def find_vehicles(db: Database, actor: Actor, text: str, *, limit: int = 20) -> list[VehicleMatch]:
    """Vehicles whose plate or VIN is ``text``, or whose VIN ends with it (the last 4 or more
    characters, as read off the windscreen), or whose plate holds it; exact matches first. Any
    thread; reads only."""
    require(actor, "workshop.view")
    raw = "".join((text or "").split()).upper()
    if not raw:
        return []
    plate = normalize_plate(raw)
    conditions = [Vehicle.vin == raw, func.replace(func.upper(Vehicle.plate), " ", "") == plate]
    if len(raw) >= 4:
        conditions.append(Vehicle.vin.like(f"%{raw}"))
    if len(plate) >= 3:
        conditions.append(func.replace(func.upper(Vehicle.plate), " ", "").like(f"%{plate}%"))
    with db.read() as conn:
        rows = conn.execute(select(Vehicle.id, Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model,
                                   Vehicle.owner_id, Customer.name)
                            .outerjoin(Customer, Customer.id == Vehicle.owner_id)
                            .where(or_(*conditions)).order_by(Vehicle.plate, Vehicle.vin).limit(limit)).all()
    matches = [VehicleMatch(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6] or "") for r in rows]
    exact = [m for m in matches if m.vin == raw or normalize_plate(m.plate) == plate]
    return exact + [m for m in matches if m not in exact]
