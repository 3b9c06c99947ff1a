"""Small helpers for deal tests: a customer, a stock vehicle with its documents, a quotation."""

from __future__ import annotations

from datetime import date

from models.vehicles import StockVehicle, VehicleDocument
from services import customers, vehicles
from services.customers import CustomerInput
from services.sales import deals
from services.sales.deals import DealInput, DealLineInput
from services.vehicles import VehicleInput
from store.uow import UnitOfWork
from tests.services.samples import chinese_vin


def customer(db, actor, name: str = "张伟") -> str:
    return customers.create(db, actor, CustomerInput(name=name))


def stock_vehicle(db, actor, n: int = 1, *, cost: int = 90_000_00, list_price: int = 120_000_00,
                  status: str = "in_stock", documents: bool = True) -> str:
    """A stock vehicle (the stock page's own services are built elsewhere): a BYD Qin in stock, with
    its certificate of conformity received when ``documents``."""
    vid = vehicles.create(db, actor, VehicleInput(vin=chinese_vin(n), make="BYD", model="Qin"))
    with UnitOfWork(db, actor) as uow:
        row = StockVehicle(vehicle_id=vid, stock_number=f"S{n:04d}", status=status, make="BYD", model="Qin",
                           purchase_cost=cost, list_price=list_price, arrived_on=date(2026, 11, 1))
        uow.session.add(row)
        uow.session.add(VehicleDocument(vehicle_id=vid, kind="certificate_of_conformity", number=f"WCC{n:010d}",
                                        received_on=date(2026, 11, 1) if documents else None, kept_at="safe"))
        uow.session.flush()
        sid = row.id
        uow.commit()
    return sid


def quote(db, actor, customer_id: str, stock_id: str, *, discount_bp: int | None = None, discount: int = 0,
          accessories: int = 0) -> deals.Saved:
    lines = [DealLineInput(kind="vehicle", description="BYD Qin", unit_price=120_000_00)]
    if accessories:
        lines.append(DealLineInput(kind="accessory", description="Floor mats 脚垫", unit_price=accessories,
                                   unit_cost=accessories // 2))
    return deals.save(db, actor, None, DealInput(customer_id=customer_id, stock_vehicle_id=stock_id, lines=lines,
                                                 discount=discount, discount_bp=discount_bp))
