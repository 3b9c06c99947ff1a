"""Builders shared by the workshop service tests: a customer with a car, parts in stock, rates and a
repair order made through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.actor import Actor
from services import vehicles
from services.parts import catalogue, stock
from services.vehicles import VehicleInput
from services.workshop import catalogue as labour
from services.workshop import invoicing, orders, parts
from services.workshop.orders import JobInput, LabourInput, PartLineInput, RepairOrderInput
from store.database import Database
from store.uow import UnitOfWork
from tests.services.billing_samples import customer
from tests.services.samples import chinese_vin

ON = date(2026, 3, 2)
RATE = 30000  # ¥300.00 an hour


@dataclass
class Shop:
    customer_id: str
    vehicle_id: str
    parts: list[str]


def receive(db: Database, actor: Actor, part_id: str, quantity: int, unit_cost: int, *, on: date = ON) -> None:
    with UnitOfWork(db, actor) as uow:
        stock.record_movement(uow.session, part_id=part_id, kind="receipt", quantity=quantity, unit_cost=unit_cost,
                              moved_on=on, reference="PO-1")
        uow.commit()


def shop(db: Database, actor: Actor, *, n: int = 1, odometer: int | None = 10_000) -> Shop:
    """A customer with a car and two parts in stock (20 each, at ¥40.00 and ¥250.00), and the rates
    of every pay type."""
    cid = customer(db, actor, f"Wang Fang {n}")
    vid = vehicles.create(db, actor, VehicleInput(vin=chinese_vin(n), make="Volkswagen", model="Lavida",
                                                  plate=f"沪A{n:05d}", owner_id=cid, odometer_km=odometer))
    parts = []
    for number, description, price, cost in (("0986-OF", "Oil filter", 6800, 4000),
                                             ("0986-BP", "Brake pads", 45000, 25000)):
        pid = catalogue.create_part(db, actor, catalogue.PartInput(
            brand="Bosch", part_number=f"{number}-{n}", description=description, retail_price=price))
        receive(db, actor, pid, 20_000, cost)
        parts.append(pid)
    # Warranty work is invoiced to the maker, internal work to the dealership's own account.
    payers = {"warranty": customer(db, actor, f"FAW-Volkswagen warranty {n}"),
              "internal": customer(db, actor, f"Dealership internal account {n}")}
    for pay_type, rate in (("customer", RATE), ("warranty", 20000), ("internal", 15000), ("insurance", 28000)):
        labour.set_rate(db, actor, pay_type, rate, bill_to_customer_id=payers.get(pay_type))
    return Shop(cid, vid, parts)


def repair_order(db: Database, actor: Actor, s: Shop, *, mileage: int = 12_000, on: date = ON) -> tuple[str, str]:
    return orders.open_order(db, actor, RepairOrderInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                         mileage_in=mileage, concerns="Squeal when braking"), on=on)


def job_with_lines(db: Database, actor: Actor, ro_id: str, s: Shop, *, pay_type: str = "customer",
                   hours: int = 150, parts: int = 2_000) -> tuple[str, str, str]:
    """A job with one labour line and one parts line; returns (job id, labour line id, parts line id)."""
    job_id = orders.add_job(db, actor, ro_id, JobInput("Replace front brake pads", pay_type=pay_type))
    labour_id = orders.add_labour(db, actor, job_id, LabourInput(description="Brake pads R&R", hours=hours))
    part_line = orders.add_part(db, actor, job_id, PartLineInput(part_id=s.parts[1], quantity=parts))
    return job_id, labour_id, part_line


def invoiced(db: Database, actor: Actor, s: Shop, *, mileage: int = 12_000, on: date = ON, technician: str = "",
             used: int = 2_000, returned: int = 0, opened_by: Actor | None = None) -> tuple[str, str]:
    """A repair order (opened by ``opened_by``, its advisor) with one customer job (1.5 h of labour and
    brake pads, ``used`` issued and ``returned`` of them back), completed and invoiced on ``on``; its
    (id, number)."""
    ro_id, number = repair_order(db, opened_by or actor, s, mileage=mileage, on=on)
    job, labour, line = job_with_lines(db, actor, ro_id, s, parts=used)
    if technician:
        orders.remove_line(db, actor, labour)
        orders.add_labour(db, actor, job, LabourInput(description="Brake pads R&R", hours=150, technician=technician))
    parts.issue_part(db, actor, line, on=on)
    if returned:
        parts.return_part(db, actor, line, returned, on=on)
    complete(db, actor, ro_id, on=on)
    invoicing.close_into_invoices(db, actor, ro_id, on=on)
    return ro_id, number


def complete(db: Database, actor: Actor, ro_id: str, *, on: date = ON) -> None:
    """Move a repair order along the flow to completed."""
    for status in ("in_progress", "quality_check", "completed"):
        if orders.get(db, actor, ro_id).status != status:
            orders.set_status(db, actor, ro_id, status, on=on)
