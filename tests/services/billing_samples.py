"""Builders shared by the billing service tests: customers and invoices made through the services."""

from __future__ import annotations

from datetime import date

from core.actor import Actor
from services import customers
from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from services.customers import CustomerInput
from store.database import Database


def customer(db: Database, actor: Actor, name: str = "Wang Fang") -> str:
    return customers.create(db, actor, CustomerInput(name=name))


def line(description: str = "Oil change", *, qty: int = 1000, price: int = 10000, discount: int = 0,
         tax_code: str = "", unit_cost: int = 0, item_type: str = "other") -> LineInput:
    return LineInput(description=description, quantity_milli=qty, unit_price=price, discount=discount,
                     tax_code=tax_code, unit_cost=unit_cost, item_type=item_type)


def draft(db: Database, actor: Actor, customer_id: str, *lines: LineInput, kind: str = "workshop") -> str:
    return invoices.create_draft(db, actor, DraftInput(kind=kind, customer_id=customer_id,
                                                       lines=list(lines) or [line()]))


def posted(db: Database, actor: Actor, customer_id: str, *lines: LineInput, on: date | None = None,
           backdate_reason: str = "") -> str:
    """A posted invoice's id (tax-inclusive 13 % by default)."""
    invoice_id = draft(db, actor, customer_id, *lines)
    invoices.post(db, actor, invoice_id, on=on, backdate_reason=backdate_reason)
    return invoice_id


def number(db: Database, actor: Actor, invoice_id: str) -> str:
    return invoices.get(db, actor, invoice_id).number or ""
