"""``forecourt bench --only leads``: the lead pipeline board and the first page of the leads list on the
large demo's 62,000 leads, as the owner (every lead) and as a salesperson (their own), each against
raw SQL reading the same rows in the same run."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.bench import Result, _result, _time

_OPEN = "('new', 'contacted', 'test_drive', 'quotation')"
_NEXT = "(SELECT min(t.due_on) FROM lead_task t WHERE t.lead_id = l.id AND t.done_at IS NULL)"


def _raw_board(raw: sqlite3.Connection, salesperson: str | None, limit: int) -> None:
    mine = " AND l.salesperson = ?" if salesperson else ""
    args: tuple = (salesperson,) if salesperson else ()
    raw.execute(f"SELECT status, lost_requested_at IS NOT NULL, count(*) FROM lead l WHERE status IN {_OPEN}{mine} "
                "GROUP BY 1, 2", args).fetchall()
    for stage in ("new", "contacted", "test_drive", "quotation", None):
        part = "l.lost_requested_at IS NOT NULL" if stage is None else "l.status = ? AND l.lost_requested_at IS NULL"
        raw.execute(f"SELECT l.id, l.status, c.name, c.phone, l.make, l.model, l.salesperson, {_NEXT} FROM lead l "
                    f"JOIN customer c ON c.id = l.customer_id WHERE l.status IN {_OPEN}{mine} AND {part} "
                    "ORDER BY l.stage_changed_at DESC, l.rowid DESC LIMIT ?",
                    (*args, *((stage,) if stage else ()), limit)).fetchall()


def _raw_list_page(raw: sqlite3.Connection, limit: int) -> None:
    raw.execute("SELECT l.id, l.created_at, c.name, c.phone, l.source, l.make, l.model, l.budget, "
                "l.salesperson, l.status, l.lost_code FROM lead l JOIN customer c ON c.id = l.customer_id "
                "ORDER BY l.created_at DESC, l.rowid DESC LIMIT ?", (limit,)).fetchall()


def bench_leads(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    """The board (owner and a salesperson) and the list's first page, against raw SQL."""
    from core.actor import Actor
    from demo.staff import SALESPEOPLE
    from services import lists, users
    from services.sales import leads
    from services.setup import open_database

    log("Timing the lead pipeline …")
    db = open_database(path)
    raw = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        with db.read() as conn:
            seller = Actor(SALESPEOPLE[0], "salesperson", users.permissions_for_role(conn, "salesperson"))
        limit = leads.BOARD_LIMIT
        results = [
            _result("lead_board_all_salespeople", _time(lambda: leads.board(db, actor), runs),
                    _time(lambda: _raw_board(raw, None, limit), runs), 100),
            _result("lead_board_one_salesperson", _time(lambda: leads.board(db, seller), runs),
                    _time(lambda: _raw_board(raw, seller.username, limit), runs), 100),
            _result("leads_list_first_page", _time(lambda: lists.fetch_page(db, actor, "leads", lists.ListState(),
                                                                          limit=100), runs),
                    _time(lambda: _raw_list_page(raw, 100), runs), 50),
        ]
    finally:
        raw.close()
        db.dispose()
    return results
