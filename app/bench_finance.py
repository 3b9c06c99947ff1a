"""Bench targets of finance and insurance, trade-ins and sales targets (``forecourt bench --only finance``):
a month's performance and commission per salesperson, the first page of the renewals due and of the
trade-in appraisals, each against raw SQL reading the same rows in the same run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from app.bench import Result, _result, _time


def bench_finance(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    from services import lists
    from services.sales import targets
    from services.setup import open_database

    results = []
    db = open_database(path)
    raw = sqlite3.connect(path)
    try:
        month = date.today().replace(day=1) - timedelta(days=1)
        month = month.replace(day=1)
        end = targets.next_month(month)
        log("Timing a month's sales performance …")
        samples = _time(lambda: targets.performance(db, actor, month), runs)
        base = _time(lambda: _raw_performance(raw, month, end), runs)
        results.append(_result("sales_performance_month", samples, base, 100))

        today = date.today()
        for name, source, sql, params in (
                ("renewals_due_first_page", "insurance_renewals_due",
                 "SELECT p.id, c.name, p.insurer, p.ends_on FROM insurance_policy p "
                 "JOIN customer c ON c.id = p.customer_id JOIN vehicle v ON v.id = p.vehicle_id "
                 "WHERE p.ends_on BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM insurance_policy n "
                 "WHERE n.renewed_from_id = p.id) ORDER BY p.ends_on, p.rowid LIMIT 100",
                 (today.isoformat(), (today + timedelta(days=30)).isoformat())),
                ("trade_ins_first_page", "trade_ins",
                 "SELECT t.id, c.name, v.vin, t.actual_cash_value FROM trade_in t "
                 "JOIN customer c ON c.id = t.customer_id JOIN vehicle v ON v.id = t.vehicle_id "
                 "ORDER BY t.appraised_on DESC, t.rowid DESC LIMIT 100", ())):
            log(f"Timing {name} …")
            samples = _time(lambda s=source: lists.fetch_page(db, actor, s, lists.ListState(), limit=100), runs)
            base = _time(lambda q=sql, p=params: raw.execute(q, p).fetchall(), runs)
            results.append(_result(name, samples, base, 50))
    finally:
        raw.close()
        db.dispose()
    return results


def _raw_performance(raw: sqlite3.Connection, month: date, end: date) -> None:
    raw.execute("SELECT salesperson, units, gross FROM sales_target WHERE month = ?", (month.isoformat(),)).fetchall()
    raw.execute("SELECT salesperson, count(*), sum(gross_profit) FROM deal WHERE status = 'delivered' "
                "AND delivered_on >= ? AND delivered_on < ? GROUP BY salesperson",
                (month.isoformat(), end.isoformat())).fetchall()
    raw.execute("SELECT salesperson, gross_bp, per_unit FROM commission_rule").fetchall()
