"""The demo's showroom: deals that agree with the billing history, cars with their stays in stock,
and quotations that the approvals inbox and the services take as they are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

import demo
from demo.staff import SALESPEOPLE
from services import users
from services.sales import deals
from services.setup import open_database
from store.database import Database

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("demo_deals") / "demo.db"
    demo.build(path, size="small", seed=5, today=TODAY)
    database = open_database(path)
    yield database
    database.dispose()


def _rows(db: Database, sql: str) -> list:
    with db.read() as conn:
        return conn.execute(text(sql)).all()


def test_every_posted_vehicle_sale_is_a_delivered_deal_with_the_invoices_figures(demo_db):
    sales = _rows(demo_db, "SELECT count(*) FROM invoice WHERE kind = 'vehicle_sale' AND status = 'posted'")[0][0]
    delivered = _rows(demo_db, "SELECT count(*) FROM deal WHERE status = 'delivered'")[0][0]
    assert sales > 100 and delivered == sales
    assert _rows(demo_db, "SELECT count(*) FROM deal d JOIN invoice i ON i.id = d.invoice_id WHERE d.total != i.total "
                          "OR d.net_total != i.net_total OR d.gross_profit != i.net_total - i.cost_total "
                          "OR d.customer_id != i.customer_id OR d.number != i.reference")[0][0] == 0
    held = _rows(demo_db, "SELECT count(*) FROM deal d JOIN payment p ON p.id = d.deposit_payment_id "
                          "WHERE p.held_for != d.number OR p.amount != d.deposit")
    assert held == [(0,)]


def test_each_deal_has_its_own_stock_vehicle_whose_moves_end_in_its_status(demo_db):
    rows = _rows(demo_db, "SELECT d.status, s.status, s.stock_number, (SELECT e.to_status FROM stock_event e "
                          "WHERE e.stock_vehicle_id = s.id ORDER BY e.at DESC, e.rowid DESC LIMIT 1) "
                          "FROM deal d JOIN stock_vehicle s ON s.id = d.stock_vehicle_id")
    assert all(r[2].startswith("H") and r[1] == r[3] for r in rows)
    expected = {"delivered": "delivered", "ordered": "reserved", "quotation": "in_stock"}
    assert all(r[1] == expected[r[0]] for r in rows if r[0] in expected)
    assert {r[0] for r in rows} == {"delivered", "ordered", "cancelled", "quotation"}
    assert {r[0] for r in _rows(demo_db, "SELECT DISTINCT salesperson FROM deal")} <= set(SALESPEOPLE)


def test_the_inbox_has_work_that_the_services_can_decide(demo_db):
    manager = users.login(demo_db, "manager", "manager123!")
    waiting = deals.inbox(demo_db, manager)
    assert waiting and all(row.level == 2 for row in waiting)
    standing = deals.approve(demo_db, manager, waiting[0].id)
    assert standing.state in ("approved", "pending")
    assert _rows(demo_db, "SELECT count(*) FROM deal WHERE approval_state = 'sent_back'")[0][0] == 1


def test_every_won_lead_is_quoted_by_a_deal_of_its_customer_and_delivered_deals_won_theirs(demo_db):
    won = _rows(demo_db, "SELECT count(*) FROM lead WHERE status = 'won'")[0][0]
    assert won > 100
    assert _rows(demo_db, "SELECT count(*) FROM lead l WHERE l.status = 'won' "
                          "AND NOT EXISTS (SELECT 1 FROM deal d WHERE d.lead_id = l.id)")[0][0] == 0
    assert _rows(demo_db, "SELECT count(*) FROM deal d JOIN lead l ON l.id = d.lead_id "
                          "WHERE l.customer_id <> d.customer_id")[0][0] == 0
    assert _rows(demo_db, "SELECT count(*) FROM deal WHERE lead_id IS NOT NULL "
                          "AND lead_id NOT IN (SELECT id FROM lead)")[0][0] == 0
    # Delivering won the lead, that day; each lead is quoted by one deal.
    assert _rows(demo_db, "SELECT count(*) FROM deal d JOIN lead l ON l.id = d.lead_id WHERE d.status = 'delivered' "
                          "AND (l.status <> 'won' OR l.closed_on <> d.delivered_on)")[0][0] == 0
    assert _rows(demo_db, "SELECT count(*) FROM deal WHERE status = 'delivered' AND lead_id IS NULL")[0][0] == 0
    assert _rows(demo_db, "SELECT count(*) FROM (SELECT lead_id FROM deal WHERE lead_id IS NOT NULL "
                          "GROUP BY lead_id HAVING count(*) > 1)")[0][0] == 0
    # Recent quotations quote leads at the quotation stage.
    quoted = _rows(demo_db, "SELECT l.status FROM deal d JOIN lead l ON l.id = d.lead_id WHERE d.status = 'quotation'")
    assert quoted and {r[0] for r in quoted} == {"quotation"}
