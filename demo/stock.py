"""Demo showroom stock: the catalogue of the models on sale (from :data:`demo.vehicles.MODELS`) with
their trims, list prices, options and low-stock thresholds, and the cars in stock now — the newest of
the vehicles :mod:`demo.vehicles` wrote without an owner: new cars on order, in transit or in stock,
used cars taken in — with their options, added costs, moves in and documents.

Stock numbers are ``S`` and six digits (the deals demo writes its sold cars with ``H`` numbers)."""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, text

from demo.context import DemoContext, as_moment, insert_rows
from demo.vehicles import MODELS, Model
from models.vehicles import (
    CatalogueModel,
    CatalogueOption,
    CatalogueTrim,
    StockEvent,
    StockVehicle,
    StockVehicleCost,
    StockVehicleOption,
    VehicleDocument,
)

# A model's cheapest trim by make, in yuan; each further trim of a powertrain costs more.
_BASE_PRICE = {
    "Volkswagen": 139_900, "BYD": 129_800, "BMW": 329_900, "Mercedes-Benz": 349_800, "Audi": 319_800,
    "Toyota": 149_800, "Honda": 139_900, "Geely": 99_800, "Nissan": 129_900, "Porsche": 899_000, "Buick": 159_900,
    "Changan": 89_900, "Chery": 79_900, "Ford": 149_800, "Volvo": 299_900, "Lexus": 329_000, "Tesla": 249_900,
    "Haval": 119_800, "Hyundai": 119_800, "Kia": 109_800, "Mazda": 139_800, "NIO": 298_000, "Great Wall": 139_800,
    "Land Rover": 1_080_000,
}
_OPTIONS = (("PAINT", "金属漆", 3_000), ("ROOF", "全景天窗", 8_000), ("WHEEL19", "19英寸铝合金轮毂", 5_000),
            ("ADAS", "智能驾驶辅助包", 12_000), ("AUDIO", "高级音响", 6_000), ("SEAT", "座椅加热通风", 4_500),
            ("TOW", "拖车钩", 2_500), ("FILM", "隔热膜", 1_800))
_LOCATIONS = ("展厅", "展厅", "A区", "B区", "C区", "地下车库")


def _money(yuan: int) -> int:
    return yuan * 100


def _threshold(model: Model) -> int:
    # The best sellers are kept in stock; a rarely sold model is ordered for the customer.
    return 2 if model.weight >= 6 else 1 if model.weight >= 4 else 0


def _catalogue(ctx: DemoContext) -> tuple[list[dict], list[dict], list[dict], dict[tuple, dict], dict[str, list[dict]]]:
    """The catalogue's rows, the trims by (make, model, name, model year) and the options by model id."""
    rng = ctx.rng
    year = ctx.today.year
    models, trims, options = [], [], []
    trim_by: dict[tuple, dict] = {}
    options_by: dict[str, list[dict]] = {}
    moment = ctx.moment_on(ctx.start)
    for model in sorted((m for m in MODELS if not m.last_year), key=lambda m: (m.make, m.name)):
        moment += timedelta(seconds=rng.randrange(5, 60))
        model_id = ctx.ids.at(moment)
        base = _BASE_PRICE.get(model.make, 159_900) + zlib.crc32(model.name.encode()) % 8 * 10_000
        models.append({"id": model_id, "created_at": moment, "created_by": "manager", "updated_at": moment,
                       "updated_by": "manager", "make": model.make, "name": model.name,
                       "low_stock_threshold": _threshold(model), "active": True, "notes": ""})
        step = 0
        for power in model.powertrains:
            for variant in power.variants:
                for model_year in (year - 1, year):
                    moment += timedelta(milliseconds=rng.randrange(100, 900))
                    price = _money(base + step * 15_000 + (model_year - year + 1) * 2_000)
                    row = {"id": ctx.ids.at(moment), "created_at": moment, "created_by": "manager",
                           "updated_at": moment, "updated_by": "manager", "model_id": model_id, "name": variant,
                           "model_year": model_year, "fuel": power.fuel, "list_price": price,
                           "active": model_year == year or rng.random() < 0.5}
                    trims.append(row)
                    trim_by[(model.make, model.name, variant, model_year)] = row
                step += 1
        picked = sorted(rng.sample(range(len(_OPTIONS)), 3))
        for i in picked:
            code, name, price = _OPTIONS[i]
            moment += timedelta(milliseconds=rng.randrange(100, 900))
            row = {"id": ctx.ids.at(moment), "created_at": moment, "created_by": "manager", "updated_at": moment,
                   "updated_by": "manager", "model_id": model_id, "code": code, "name": name, "price": _money(price)}
            options.append(row)
            options_by.setdefault(model_id, []).append(row)
    return models, trims, options, trim_by, options_by


def _stamp(ctx: DemoContext, when: datetime, by: str) -> dict:
    return {"id": ctx.ids.at(when), "created_at": when, "created_by": by, "updated_at": when, "updated_by": by}


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the catalogue and the stock; returns the rows written per table."""
    rng = ctx.rng
    models, trims, options, trim_by, options_by = _catalogue(ctx)
    model_ids = {(m["make"], m["name"]): m["id"] for m in models}
    cap = max(40, min(400, ctx.size.vehicles // 60))
    cars = conn.execute(text(
        "SELECT id, vin, make, model, variant, model_year, plate, created_at FROM vehicle WHERE owner_id IS NULL "
        "ORDER BY rowid DESC LIMIT :cap"), {"cap": cap}).all()[::-1]
    today = ctx.today
    stock, chosen, costs, events, docs = [], [], [], [], []
    for n, car in enumerate(cars, start=1):
        created = as_moment(car.created_at)
        day = (created + timedelta(hours=8)).date()
        age = (today - day).days
        used = bool(car.plate)
        trim = None if used else trim_by.get((car.make, car.model, car.variant, car.model_year))
        model_id = model_ids.get((car.make, car.model))
        base = _money(_BASE_PRICE.get(car.make, 159_900))
        status, arrived = "in_stock", day
        moves: list[tuple[str, str, date]] = [("", "in_stock" if used else "on_order", day)]
        if not used:
            if age < 5:
                status, arrived = "on_order", None
            elif age < 12 and rng.random() < 0.6:
                status, arrived = "in_transit", None
                moves.append(("on_order", "in_transit", day + timedelta(days=rng.randrange(1, 4))))
            else:
                arrived = min(today - timedelta(days=1), day + timedelta(days=rng.randrange(3, 11)))
                transit = day + timedelta(days=rng.randrange(1, max(2, (arrived - day).days)))
                moves += [("on_order", "in_transit", min(transit, arrived)), ("in_transit", "in_stock", arrived)]
        fitted = []
        if trim is not None and model_id in options_by:
            fitted = rng.sample(options_by[model_id], rng.choice((0, 0, 1, 1, 2)))
        list_price = (trim["list_price"] + sum(o["price"] for o in fitted) if trim is not None
                      else base * rng.randrange(45, 75) // 100 // 10_000 * 10_000 if used else base)
        cost = list_price * rng.randrange(86, 93) // 100 if not used else list_price * rng.randrange(78, 88) // 100
        by = rng.choice(("manager", "manager", "owner"))
        row = {**_stamp(ctx, created, by), "vehicle_id": car.id, "stock_number": f"S{n:06d}",
               "condition": "used" if used else "new", "status": status, "make": car.make, "model": car.model,
               "location": "" if arrived is None else rng.choice(_LOCATIONS) + (
                   f"-{rng.randrange(1, 40):02d}" if rng.random() < 0.6 else ""),
               "ordered_on": None if used else day, "produced_on": None if used else day - timedelta(
                   days=rng.randrange(5, 40)), "arrived_on": arrived, "sold_on": None, "delivered_on": None,
               "purchase_cost": cost, "list_price": list_price, "deal_id": None,
               "trim_id": trim["id"] if trim else None, "notes": ""}
        stock.append(row)
        for o in fitted:
            chosen.append({**_stamp(ctx, created + timedelta(seconds=1), by), "stock_vehicle_id": row["id"],
                           "option_id": o["id"], "code": o["code"], "name": o["name"], "price": o["price"]})
        for i, (before, after, on) in enumerate(moves):
            at = created if i == 0 else ctx.moment_on(on)
            events.append({"id": ctx.ids.at(at), "created_at": at, "created_by": by, "updated_at": at,
                           "updated_by": by, "stock_vehicle_id": row["id"], "at": at, "by": by,
                           "from_status": before, "to_status": after, "deal_id": None, "reason": ""})
        if arrived is None:
            continue
        if used:
            spend = [("reconditioning", rng.randrange(800, 8_000)), ("registration", 500)]
        else:
            spend = [("freight", rng.randrange(800, 2_500))] + (
                [("accessories", rng.randrange(500, 3_000))] if rng.random() < 0.3 else [])
        for kind, yuan in spend:
            at = ctx.moment_on(arrived)
            costs.append({**_stamp(ctx, at, by), "stock_vehicle_id": row["id"], "kind": kind, "amount": _money(yuan),
                          "incurred_on": arrived, "notes": ""})
        kinds = [("keys", "2", "钥匙柜")]
        if used:
            kinds.append(("registration", "", "保险柜"))
        elif rng.random() < 0.93:
            kinds.append(("certificate_of_conformity", f"WDK{rng.randrange(10**9):09d}", "保险柜"))
        if not used and not car.vin.startswith("L"):
            kinds.append(("import_documents", f"IM{rng.randrange(10**8):08d}", "保险柜"))
        for kind, number, kept in kinds:
            at = ctx.moment_on(arrived)
            docs.append({**_stamp(ctx, at, by), "vehicle_id": car.id, "kind": kind, "number": number,
                         "received_on": arrived, "kept_at": kept, "handed_over_on": None, "handed_to": "",
                         "notes": ""})

    def by_time(r: dict) -> tuple:
        return r["created_at"], r["id"]

    tables = ((CatalogueModel, models), (CatalogueTrim, trims), (CatalogueOption, options),
              (StockVehicle, sorted(stock, key=by_time)), (StockVehicleOption, sorted(chosen, key=by_time)),
              (StockVehicleCost, sorted(costs, key=by_time)), (StockEvent, sorted(events, key=by_time)),
              (VehicleDocument, sorted(docs, key=by_time)))
    counts: dict[str, int] = {}
    for model_class, rows in tables:
        columns = set(model_class.__table__.columns.keys())
        insert_rows(ctx, model_class.__table__, [{k: v for k, v in r.items() if k in columns} for r in rows])
        counts[model_class.__tablename__] = len(rows)
    return counts
