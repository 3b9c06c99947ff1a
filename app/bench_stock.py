"""``forecourt bench --only stock``: the stock vehicles list filtered by model and status, read through
the list source the Stock vehicles page uses (its first page and its count, what the page waits for
before it shows), against the same rows and count read with raw SQL in the same run. Target (issue
11): under 50 ms on the large demo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.bench_timing import Result, _result, _time

STOCK_LIST_TARGET_MS = 50.0
LIST_PAGE = 200  # rows of a first page, as the other list benches read

_RAW_PAGE = (
    "SELECT s.id, s.stock_number, v.vin, s.make, s.model, v.variant, v.colour, s.condition, s.status, s.arrived_on, "
    "CAST(julianday(coalesce(s.delivered_on, :today)) - julianday(s.arrived_on) AS INTEGER), s.location, "
    "EXISTS (SELECT 1 FROM vehicle_document d WHERE d.vehicle_id = s.vehicle_id "
    "AND d.kind = 'certificate_of_conformity' AND d.received_on IS NOT NULL), s.list_price, "
    "s.purchase_cost + (SELECT coalesce(sum(c.amount), 0) FROM stock_vehicle_cost c WHERE c.stock_vehicle_id = s.id) "
    "FROM stock_vehicle s JOIN vehicle v ON v.id = s.vehicle_id "
    "WHERE s.model = :model AND s.status = :status ORDER BY s.stock_number, s.rowid LIMIT :limit")
_RAW_COUNT = "SELECT count(*) FROM stock_vehicle s WHERE s.model = :model AND s.status = :status"


def bench_stock(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    """The stock list of the model with the most cars in stock, filtered by that model and status."""
    from services import lists
    from services.setup import open_database

    raw = sqlite3.connect(path)
    db = open_database(path)
    try:
        found = raw.execute("SELECT model, count(*) FROM stock_vehicle WHERE status = 'in_stock' "
                            "GROUP BY model ORDER BY count(*) DESC, model LIMIT 1").fetchone()
        if found is None:
            log("No stock vehicle in stock: the stock list is not timed")
            return []
        model, in_stock = found
        log(f"Stock list of {model} in stock ({in_stock} cars)")
        state = lists.ListState(filters={"model": model, "status": "in_stock"})

        def screen() -> None:
            lists.fetch_page(db, actor, "stock_vehicles", state, limit=LIST_PAGE)
            lists.count(db, actor, "stock_vehicles", state)

        params = {"model": model, "status": "in_stock", "today": date.today().isoformat(), "limit": LIST_PAGE}

        def baseline() -> None:
            raw.execute(_RAW_PAGE, params).fetchall()
            raw.execute(_RAW_COUNT, params).fetchall()

        samples = _time(screen, runs)
        base = _time(baseline, runs)
    finally:
        db.dispose()
        raw.close()
    return [_result("stock_list[model+status]", samples, base, STOCK_LIST_TARGET_MS)]
