"""Customers, cars and deals for the finance, insurance, trade-in and target tests."""

from __future__ import annotations

from datetime import date

from models.sales import Deal
from services import customers, vehicles
from services.customers import CustomerInput
from services.vehicles import VehicleInput
from store.uow import UnitOfWork
from tests.services.samples import chinese_vin

_SEQ = iter(range(1, 1_000_000))


def customer(db, actor, name: str = "Wang Fang") -> str:
    return customers.create(db, actor, CustomerInput(name=name))


def car(db, actor, owner_id: str | None = None, n: int | None = None) -> str:
    return vehicles.create(db, actor, VehicleInput(vin=chinese_vin(n or next(_SEQ) + 500), make="BYD", model="Qin",
                                                   owner_id=owner_id))


def deal(db, actor, customer_id: str, *, total: int = 150_000_00, status: str = "ordered",
         salesperson: str = "owner", delivered_on: date | None = None, gross_profit: int = 0) -> str:
    with UnitOfWork(db, actor) as uow:
        row = Deal(number=f"DLT-{next(_SEQ):06d}", status=status, customer_id=customer_id, salesperson=salesperson,
                   quoted_on=date(2026, 1, 5), price=total, total=total, delivered_on=delivered_on,
                   gross_profit=gross_profit)
        uow.session.add(row)
        uow.session.flush()
        deal_id = row.id
        uow.commit()
    return deal_id
