"""The vehicle stock ledger: what each stock vehicle put into and took out of the vehicle inventory,
day by day, from the business dates the records keep — the journal (services/billing/accounting.py)
books it, and the vehicle stock valuation at any date is its sum, so the two agree by construction.

A car's moves, in date order (on one day: arrival, then added costs, then documents in the order
they were posted):

- **arrival** (``arrived_on``): its purchase cost goes into inventory. A trade-in's purchase cost is
  its actual cash value; its ``allowance`` is what the customer was given for it, in part payment on
  a deal (``on_deal``) or as the price of a car bought outright.
- **cost** (``incurred_on``): an added cost (freight, reconditioning, …) goes into inventory; so does
  a correction of the purchase cost (models.vehicles.PURCHASE_CORRECTION, on the day it was made,
  perhaps negative), the cost first booked staying as it was.
- **sale** (the issue date of the posted invoice whose line names the car): everything the car holds
  in inventory leaves it for cost of sales.
- **return** (a credit note taking that line back): what the sale took out comes back.

While a car is sold, its arrival (a car invoiced before it came) and any cost added go straight to
cost of sales: inventory only ever holds cars the dealership has and has not sold. A price credit
(a credit-note line of no quantity) takes no car back and is no move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from models.billing import Invoice, InvoiceLine
from models.sales import TradeIn
from models.vehicles import StockVehicle, StockVehicleCost


@dataclass(frozen=True)
class VehicleMove:
    """One move of one car. ``amount`` is the event's own figure (the purchase cost, the added cost,
    what a sale takes out or a return puts back); ``inventory`` what it changed the vehicle inventory
    by; ``expensed`` what it put straight into cost of sales (negative: taken out of it). For a
    trade-in's arrival ``allowance`` is what the customer was given for the car, else None."""

    on: date
    kind: str
    stock_vehicle_id: str
    stock_number: str
    reference: str  # the cost's id, or the number of the invoice or credit note
    amount: int
    inventory: int
    expensed: int
    allowance: int | None = None
    cost_kind: str = ""  # an added cost's kind (a purchase cost correction among them)
    on_deal: bool = False  # a trade-in given in part payment on a deal (else bought outright)


def moves(conn: Connection, *, end: date | None = None) -> list[VehicleMove]:
    """Every car's moves up to and including ``end`` (default: all), in date order."""
    sv, cost, line, inv = (StockVehicle.__table__, StockVehicleCost.__table__, InvoiceLine.__table__,
                           Invoice.__table__)
    upto = (lambda column: column <= end) if end is not None else (lambda column: column.is_not(None))
    numbers = dict(conn.execute(select(sv.c.id, sv.c.stock_number)).all())
    allowances = {car_id: (allowance, deal_id is not None) for car_id, allowance, deal_id in conn.execute(
        select(TradeIn.stock_vehicle_id, TradeIn.allowance, TradeIn.deal_id)
        .where(TradeIn.stock_vehicle_id.is_not(None)))}
    events: list[tuple] = []
    for car_id, arrived_on, purchase_cost in conn.execute(
            select(sv.c.id, sv.c.arrived_on, sv.c.purchase_cost).where(upto(sv.c.arrived_on))):
        events.append((arrived_on, car_id, 0, "", "arrival", car_id, purchase_cost))
    kinds: dict[str, str] = {}
    for car_id, cost_id, incurred_on, amount, kind in conn.execute(
            select(cost.c.stock_vehicle_id, cost.c.id, cost.c.incurred_on, cost.c.amount, cost.c.kind)
            .where(upto(cost.c.incurred_on))):
        events.append((incurred_on, car_id, 1, cost_id, "cost", cost_id, amount))
        kinds[cost_id] = kind
    for car_id, issued_on, posted_at, number, kind in conn.execute(
            select(line.c.stock_vehicle_id, inv.c.issued_on, inv.c.posted_at, inv.c.number, inv.c.kind)
            .join(inv, inv.c.id == line.c.invoice_id)
            .where(line.c.stock_vehicle_id.is_not(None), line.c.quantity_milli > 0, inv.c.status == "posted",
                   upto(inv.c.issued_on))):
        events.append((issued_on, car_id, 2, posted_at.isoformat() if posted_at else "",
                       "return" if kind == "credit_note" else "sale", number, 0))
    events.sort(key=lambda e: (e[0], e[1], e[2], e[3]))
    held: dict[str, int] = {}
    taken: dict[str, int] = {}  # a sold car: what its sale took out
    out = []
    for on, car_id, _rank, _order, kind, reference, amount in events:
        number = numbers.get(car_id, "")
        if kind in ("arrival", "cost"):
            sold = car_id in taken
            if not sold:
                held[car_id] = held.get(car_id, 0) + amount
            allowance, on_deal = allowances.get(car_id, (None, False)) if kind == "arrival" else (None, False)
            out.append(VehicleMove(on, kind, car_id, number, reference, amount, 0 if sold else amount,
                                   amount if sold else 0, allowance, kinds.get(reference, "") if kind == "cost" else "",
                                   on_deal))
        elif kind == "sale":
            value = held.pop(car_id, 0)
            taken[car_id] = value
            out.append(VehicleMove(on, kind, car_id, number, reference, value, -value, value))
        else:
            value = taken.pop(car_id, 0)
            held[car_id] = held.get(car_id, 0) + value
            out.append(VehicleMove(on, kind, car_id, number, reference, value, value, -value))
    return out


def stock_value(conn: Connection, on: date) -> int:
    """The vehicle stock valuation at the end of ``on``: what the cars held then cost, purchase and
    added costs (minor units)."""
    return sum(m.inventory for m in moves(conn, end=on))


def count(conn: Connection, start: date, end: date) -> int:
    """How many moves fall in ``start`` … ``end`` (for a progress bar)."""
    sv, cost, line, inv = (StockVehicle.__table__, StockVehicleCost.__table__, InvoiceLine.__table__,
                           Invoice.__table__)
    arrivals = conn.execute(select(func.count()).where(sv.c.arrived_on.between(start, end))).scalar_one()
    costs = conn.execute(select(func.count()).where(cost.c.incurred_on.between(start, end))).scalar_one()
    documents = conn.execute(
        select(func.count()).select_from(line).join(inv, inv.c.id == line.c.invoice_id)
        .where(line.c.stock_vehicle_id.is_not(None), line.c.quantity_milli > 0, inv.c.status == "posted",
               inv.c.issued_on.between(start, end))).scalar_one()
    return arrivals + costs + documents
