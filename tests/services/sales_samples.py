"""A small showroom for lead tests: two salespeople and a sales manager (as actors with their roles'
permissions, without the slow password logins) and a customer."""

from __future__ import annotations

from dataclasses import dataclass

from core.actor import Actor
from services import customers, users
from store.database import Database


@dataclass(frozen=True)
class Showroom:
    owner: Actor
    manager: Actor
    sales: Actor
    sales2: Actor
    viewer: Actor
    customer_id: str


def _actor(db: Database, username: str, role: str) -> Actor:
    with db.read() as conn:
        return Actor(username, role, users.permissions_for_role(conn, role))


def showroom(db: Database, owner: Actor) -> Showroom:
    for username, role in (("boss", "sales_manager"), ("ann", "salesperson"), ("bob", "salesperson"),
                           ("vic", "read_only")):
        users.create_user(db, owner, username=username, password="password-123", role=role)
    customer_id = customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13912345678"))
    return Showroom(owner, _actor(db, "boss", "sales_manager"), _actor(db, "ann", "salesperson"),
                    _actor(db, "bob", "salesperson"), _actor(db, "vic", "read_only"), customer_id)
