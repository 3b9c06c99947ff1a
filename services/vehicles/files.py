"""Vehicle files: ``forecourt import vehicles FILE`` and ``forecourt export vehicles FILE``.

The export holds every vehicle the dealership knows, customers' cars as well as stock, one row per
VIN: ``vin, make, model, model_year, colour, status, stock_number`` first, then the rest. ``status``
and ``stock_number`` are the car's current stay in stock (on order, in transit, in stock, reserved or
sold) and empty for a car not in stock (a customer's, or one delivered). Costs are not exported.

The import reads the same columns; the VIN is the natural key, so importing a file again updates the
vehicles it names and never duplicates them, and an empty cell leaves a value as it is. The stock
columns are optional: a row with a stock number or a status and a car not in stock yet adds it to stock
(on order, in transit or in stock; a stock number left empty is taken from the series); for a car in
stock already they update its location and list price, while its status changes only on the stock
screen (moves are recorded with who and when).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core import clock
from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id
from core.messages import msg
from core.money import from_minor
from core.progress import CancelToken, Progress, no_progress
from core.status_words import status_word, word_list
from models.base import utcnow
from models.vehicles import StockEvent, StockVehicle, Vehicle
from services import files, search, settings, validation
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from services.permissions import require
from services.vehicles import FUELS
from services.vehicles.plates import check_plate
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork

COLUMNS = ("vin", "make", "model", "model_year", "colour", "status", "stock_number", "variant", "fuel", "plate",
           "engine_number", "condition", "location", "arrived_on", "list_price")
_STATUSES = ("on_order", "in_transit", "in_stock")
# Every status an export writes: a file exported and read back names reserved and sold cars as they are.
_EXPORTED_STATUSES = (*_STATUSES, "reserved", "sold")
_VEHICLE_COLUMNS = ("make", "model", "variant", "model_year", "colour", "fuel", "plate", "engine_number")


def _vin(value: Any) -> str:
    return validation.vin(str(value)).vin


def _year(value: Any) -> int:
    text_value = str(value).strip()
    if text_value.endswith(".0"):
        text_value = text_value[:-2]
    if not text_value.isdigit() or not 1900 <= int(text_value) <= clock.today().year + 2:
        raise ValidationError("model_year", msg("The model year must be between 1900 and {value1}",
                                                value1=clock.today().year + 2))
    return int(text_value)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        day = value
        if day > clock.today():
            raise ValidationError("arrived_on", msg("The day is in the future"))
        return day
    try:
        day = date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValidationError("arrived_on", msg("'{value}' is not a date (write it as 2026-12-07)",
                                                value=str(value))) from None
    if day > clock.today():
        raise ValidationError("arrived_on", msg("The day is in the future"))
    return day


def _choice(name: str, allowed: tuple[str, ...]):
    def check(value: Any) -> str:
        word = str(value).strip().lower().replace(" ", "_")
        if word not in allowed:
            raise ValidationError(name, msg("'{value}' is not one of {items}", value=str(value),
                                            items=", ".join(allowed)))
        return word
    return check


VIN = Field("vin", "VIN", required=True, kind="code", max_length=17, check=_vin,
            synonyms=("vin code", "车架号", "车辆识别代号", "VIN码", "底盘号"))
MAKE = Field("make", "Make", max_length=60, synonyms=("brand", "品牌", "厂牌"))
MODEL = Field("model", "Model", max_length=80, synonyms=("车型", "车系"))
VARIANT = Field("variant", "Trim", max_length=120, synonyms=("trim", "version", "配置", "版本", "款型"))
YEAR = Field("model_year", "Model year", check=_year, synonyms=("year", "年款", "车型年份"))
COLOUR = Field("colour", "Colour", max_length=40, synonyms=("color", "颜色", "车身颜色"))
FUEL = Field("fuel", "Fuel", check=_choice("fuel", FUELS), synonyms=("燃料", "能源类型"))
PLATE = Field("plate", "Plate", max_length=20, synonyms=("plate number", "车牌", "车牌号", "号牌"))
ENGINE = Field("engine_number", "Engine number", kind="code", max_length=40, synonyms=("发动机号", "发动机号码"))
STOCK_NUMBER = Field("stock_number", "Stock number", kind="code", max_length=40, synonyms=("库存编号", "库存号"))
STATUS = Field("status", "Status", check=_choice("status", _EXPORTED_STATUSES),
               synonyms=("stock status", "状态", "库存状态"))
CONDITION = Field("condition", "Condition", check=_choice("condition", ("new", "used")), synonyms=("新旧", "车况"))
LOCATION = Field("location", "Location", max_length=80, synonyms=("库位", "存放位置"))
ARRIVED = Field("arrived_on", "Arrived on", kind="date", check=_day, synonyms=("arrival date", "到店日期", "入库日期"))
LIST_PRICE = Field("list_price", "List price", kind="money", synonyms=("price", "指导价", "售价"))
PURCHASE_COST = Field("purchase_cost", "Purchase cost", kind="money", synonyms=("cost", "采购价", "进价", "成本"))


def _key(values: dict[str, Any]) -> tuple:
    return (str(values.get("vin", "")).strip().upper(),)


@dataclass
class _Plan:
    vehicles: list[dict[str, Any]] = field(default_factory=list)
    vehicle_updates: list[dict[str, Any]] = field(default_factory=list)
    before: dict[str, dict[str, Any]] = field(default_factory=dict)
    stock: list[dict[str, Any]] = field(default_factory=list)
    stock_updates: list[dict[str, Any]] = field(default_factory=list)
    stock_before: dict[str, dict[str, Any]] = field(default_factory=dict)


def _fingerprint(conn: Connection) -> tuple:
    return tuple(tuple(r) for r in conn.execute(text(
        "SELECT count(*), max(rowid), max(updated_at) FROM vehicle UNION ALL "
        "SELECT count(*), max(rowid), max(updated_at) FROM stock_vehicle")))


def _plan(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary) -> _Plan:
    country = settings.load(conn).country
    vins = [_key(r.values)[0] for r in rows]
    existing = {r.vin: dict(r._mapping) for r in conn.execute(text(
        "SELECT id, vin, " + ", ".join(_VEHICLE_COLUMNS) + " FROM vehicle WHERE vin IN "
        "(SELECT value FROM json_each(:vins))"), {"vins": json.dumps(vins)})}
    stays = {r.vehicle_id: dict(r._mapping) for r in conn.execute(text(
        "SELECT s.id, s.vehicle_id, s.stock_number, s.status, s.location, s.list_price, s.purchase_cost "
        "FROM stock_vehicle s JOIN vehicle v ON v.id = s.vehicle_id WHERE s.status <> 'delivered' "
        "AND v.vin IN (SELECT value FROM json_each(:vins))"), {"vins": json.dumps(vins)})}
    typed_numbers = [str(r.values["stock_number"]).strip().upper() for r in rows if r.values.get("stock_number")]
    numbers = {r.stock_number: r.vehicle_id for r in conn.execute(text(
        "SELECT stock_number, vehicle_id FROM stock_vehicle WHERE stock_number IN "
        "(SELECT value FROM json_each(:n))"), {"n": json.dumps(typed_numbers)})}
    plates_typed: dict[str, str] = {}
    plan = _Plan()
    seen_numbers: set[str] = set()
    for r in rows:
        vin = _key(r.values)[0]
        values = {c: r.values[c] for c in _VEHICLE_COLUMNS if c in r.values}
        if "plate" in values:
            try:
                values["plate"] = check_plate(str(values["plate"]), country=country)
            except ValidationError as exc:
                r.error("plate", exc.detail)
                continue
            other = plates_typed.get(values["plate"])
            if values["plate"] and other is not None and other != vin:  # two cars of the file, one plate
                r.error("plate", msg("Plate {plate} is already on vehicle {vin}", plate=values["plate"], vin=other))
                continue
            plates_typed[values["plate"]] = vin
        old = existing.get(vin)
        vehicle_id = old["id"] if old else None
        if old is None:
            info = validation.vin(vin)
            values.setdefault("make", info.make)
            if not values.get("make"):
                r.error("make", msg("The make is required (it could not be read from the VIN)"))
                continue
            if not values.get("model"):
                r.error("model", msg("The model is required"))
                continue
            vehicle_id = new_id()
            plan.vehicles.append({"id": vehicle_id, "vin": vin, "make": "", "model": "", "variant": "",
                                  "model_year": None, "colour": "", "fuel": "", "plate": "", "engine_number": "",
                                  "notes": "", **values})
            r.action = "insert"
        else:
            merged = {c: values.get(c, old[c]) for c in _VEHICLE_COLUMNS}
            if any(merged[c] != old[c] for c in _VEHICLE_COLUMNS):
                plan.vehicle_updates.append({"id": old["id"], **merged})
                plan.before[old["id"]] = {c: old[c] for c in _VEHICLE_COLUMNS}
                r.action = "update"
            else:
                r.action = "unchanged"
        number = str(r.values.get("stock_number", "")).strip().upper()
        status = r.values.get("status")
        stay = stays.get(vehicle_id) if vehicle_id else None
        if stay is not None:
            if status and status != stay["status"]:
                r.error("status", msg("The car is {status} as {number}: its status changes on the stock screen",
                                      status=status_word(stay["status"]), number=stay["stock_number"]))
                continue
            if number and number != stay["stock_number"]:
                r.error("stock_number", msg("The car is in stock as {number}", number=stay["stock_number"]))
                continue
            changes = {"location": r.values.get("location", stay["location"]),
                       "list_price": r.values.get("list_price", stay["list_price"]),
                       "purchase_cost": r.values.get("purchase_cost", stay["purchase_cost"])}
            if any(changes[c] != stay[c] for c in changes):
                plan.stock_updates.append({"id": stay["id"], **changes})
                plan.stock_before[stay["id"]] = {c: stay[c] for c in changes}
                if r.action == "unchanged":
                    r.action = "update"
        elif number or status:
            if number and (number in numbers or number in seen_numbers):
                r.error("stock_number", msg("Stock number {number} is already used", number=number))
                continue
            if status and status not in _STATUSES:
                r.error("status", msg("A car added to stock is {items}",
                                      items=word_list(_STATUSES)))
                continue
            seen_numbers.add(number)
            status = status or "in_stock"
            arrived = r.values.get("arrived_on") or (clock.today() if status == "in_stock" else None)
            plan.stock.append({"id": new_id(), "vehicle_id": vehicle_id, "stock_number": number,
                               "condition": r.values.get("condition", "new"), "status": status,
                               "make": values.get("make") or (old or {}).get("make", ""),
                               "model": values.get("model") or (old or {}).get("model", ""),
                               "location": r.values.get("location", ""), "arrived_on": arrived,
                               "list_price": r.values.get("list_price", 0),
                               "purchase_cost": r.values.get("purchase_cost", 0), "notes": ""})
            if r.action == "unchanged":
                r.action = "update"
    if plates_typed:
        for p, vin in conn.execute(text("SELECT plate, vin FROM vehicle WHERE plate IN "
                                        "(SELECT value FROM json_each(:p))"), {"p": json.dumps(list(plates_typed))}):
            if vin != plates_typed[p]:
                row = next(r for r in rows if _key(r.values)[0] == plates_typed[p])
                row.error("plate", msg("Plate {plate} is already on vehicle {vin}", plate=p, vin=vin))
    summary.inserted = sum(r.action == "insert" for r in rows if r.ok)
    summary.updated = sum(r.action == "update" for r in rows if r.ok)
    summary.unchanged = sum(r.action == "unchanged" for r in rows if r.ok)
    summary.extra["stock"] = len(plan.stock)
    return plan


def _commit(uow: UnitOfWork, plan: _Plan, summary: ImportSummary, progress: Progress,
            cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    uow.insert(Vehicle, plan.vehicles)
    uow.update(Vehicle, plan.vehicle_updates, before=plan.before)
    for row in plan.stock:
        if not row["stock_number"]:
            row["stock_number"] = settings.next_number(uow.session, "stock_vehicle")
    uow.insert(StockVehicle, plan.stock)
    uow.update(StockVehicle, plan.stock_updates, before=plan.stock_before)
    at = utcnow()
    uow.insert(StockEvent, [{"id": new_id(), "stock_vehicle_id": s["id"], "at": at, "by": uow.actor.username,
                             "from_status": "", "to_status": s["status"], "reason": "import"} for s in plan.stock])
    ids = [v["id"] for v in plan.vehicles] + [v["id"] for v in plan.vehicle_updates]
    search.index(uow.connection, "vehicle", ids)
    total = len(plan.vehicles) + len(plan.vehicle_updates) + len(plan.stock_updates)
    progress(total, total, f"Imported {total:,} vehicles")
    name = Path(summary.file).name
    uow.audit([Change("import", "vehicle", new_id(), None,
                      {"file": name, "kind": summary.kind, "rows": summary.rows, "inserted": summary.inserted,
                       "updated": summary.updated, "unchanged": summary.unchanged, "stock": len(plan.stock)},
                      summary=msg("{kind} import of {name}: {rows} rows, {inserted} new, {updated} updated, "
                                  "{unchanged} unchanged", kind=summary.kind, name=name, rows=summary.rows,
                                  inserted=summary.inserted, updated=summary.updated,
                                  unchanged=summary.unchanged))])


VEHICLES = ImportKind(
    name="vehicles", title="Vehicles", about="vehicles by VIN, with their stock number and status when in stock",
    fields=(VIN, MAKE, MODEL, VARIANT, YEAR, COLOUR, FUEL, PLATE, ENGINE, STOCK_NUMBER, STATUS, CONDITION, LOCATION,
            ARRIVED, LIST_PRICE, PURCHASE_COST),
    key=("vin",), key_of=_key, plan=_plan, commit=_commit, permissions=("vehicle.edit", "vehicle.stock"),
    extras=(("stock", "Added to stock"),), fingerprint=_fingerprint)


_EXPORT_SQL = text("""
SELECT v.vin, v.make, v.model, v.model_year, v.colour, s.status, s.stock_number, v.variant, v.fuel, v.plate,
       v.engine_number, s.condition, s.location, s.arrived_on, s.list_price
FROM vehicle v LEFT JOIN stock_vehicle s ON s.vehicle_id = v.id AND s.status <> 'delivered'
ORDER BY v.vin
""")


def export_vehicles(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> int:
    """Write every vehicle with its current stay in stock (if any) to ``path``; returns the rows
    written. Worker thread."""
    require(actor, "vehicle.view")
    require(actor, "data.export")
    path = Path(path)
    xlsx = files.table_suffix(path) == ".xlsx"
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = conn.execute(text("SELECT count(*) FROM vehicle")).scalar_one()

        def convert(r) -> tuple[Any, ...]:
            price = None if r[14] is None else (float(from_minor(r[14], currency)) if xlsx
                                                 else from_minor(r[14], currency))
            arrived = date.fromisoformat(r[13][:10]) if isinstance(r[13], str) and r[13] else r[13]
            return tuple(None if v == "" else v for v in (*r[:13], arrived, price))

        batches = ([convert(r) for r in part] for part in conn.execute(_EXPORT_SQL).partitions(5000))
        return files.write_table(path, COLUMNS, batches, total=total, sheet="vehicles",
                                 widths=(20, 14, 16, 8, 10, 12, 18, 24, 12, 12, 16, 8, 14, 12, 14),
                                 progress=progress, cancel=cancel)
