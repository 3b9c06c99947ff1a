"""Bench targets of the showroom's deals (``forecourt bench --only deals``): the deals list filtered by
status and salesperson, a deal opened with its lines and approvals, and the approvals inbox — each
against raw SQL reading the same rows in the same run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.bench_timing import Result, _result, _time


def bench_deals(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    from services import lists
    from services.sales import deals
    from services.setup import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    results: list[Result] = []
    try:
        found = raw.execute("SELECT id, salesperson FROM deal WHERE status = 'delivered' ORDER BY rowid DESC "
                            "LIMIT 1").fetchone()
        if found is None:
            log("The bench database has no deals; nothing to time.")
            return results
        deal_id, salesperson = found
        state = lists.ListState(filters={"status": "delivered", "salesperson": salesperson})
        samples = _time(lambda: lists.fetch_page(db, actor, "deals", state, limit=200), runs)
        base = _time(lambda: raw.execute(
            "SELECT d.id, d.number, d.quoted_on, d.status, c.name, v.make, v.model, s.stock_number, v.vin, "
            "d.salesperson, d.price, d.discount, d.total, d.gross_profit, d.approval_state FROM deal d "
            "JOIN customer c ON c.id = d.customer_id LEFT JOIN stock_vehicle s ON s.id = d.stock_vehicle_id "
            "LEFT JOIN vehicle v ON v.id = s.vehicle_id WHERE d.status = 'delivered' AND d.salesperson = ? "
            "ORDER BY d.quoted_on DESC, d.rowid DESC LIMIT 200", (salesperson,)).fetchall(), runs)
        results.append(_result("deals_list_by_status_and_salesperson", samples, base, 50))

        samples = _time(lambda: deals.get(db, actor, deal_id), runs)

        def raw_deal() -> None:
            raw.execute("SELECT d.*, c.name FROM deal d JOIN customer c ON c.id = d.customer_id WHERE d.id = ?",
                        (deal_id,)).fetchall()
            raw.execute("SELECT s.stock_number, v.vin, v.make, v.model FROM deal d JOIN stock_vehicle s "
                        "ON s.id = d.stock_vehicle_id JOIN vehicle v ON v.id = s.vehicle_id WHERE d.id = ?",
                        (deal_id,)).fetchall()
            raw.execute("SELECT * FROM deal_line WHERE deal_id = ? ORDER BY line_no", (deal_id,)).fetchall()
            raw.execute("SELECT * FROM deal_approval WHERE deal_id = ? ORDER BY at", (deal_id,)).fetchall()
            raw.execute("SELECT allowance, actual_cash_value, outstanding_finance FROM trade_in WHERE deal_id = ?",
                        (deal_id,)).fetchall()

        base = _time(raw_deal, runs)
        results.append(_result("open_deal", samples, base, 50))

        samples = _time(lambda: deals.inbox(db, actor), runs)
        base = _time(lambda: raw.execute(
            "SELECT d.id, d.number, c.name, s.make, s.model, d.salesperson, d.total FROM deal d "
            "JOIN customer c ON c.id = d.customer_id LEFT JOIN stock_vehicle s ON s.id = d.stock_vehicle_id "
            "WHERE d.approval_state = 'pending' AND d.status IN ('quotation', 'ordered') "
            "ORDER BY d.quoted_on, d.number").fetchall(), runs)
        results.append(_result("approvals_inbox", samples, base, 50))
    finally:
        raw.close()
        db.dispose()
    return results
