"""`forecourt parts refresh-levels`: the reorder rule as daily upkeep, end to end."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from sqlalchemy import text

from services.parts import catalogue, stock
from services.parts.catalogue import PartInput
from services.permissions import system_actor
from services.setup import open_database
from tests.cli.test_cli import run_cli


def test_refresh_levels_lets_demand_older_than_a_year_drop_out(db_path, tmp_path):
    """A part sold thirteen months ago and not since keeps the levels stored then, until the upkeep
    command runs: there is no sale to trigger the refresh."""
    actor = system_actor("test")
    db = open_database(db_path)
    try:
        part_id = catalogue.create_part(db, actor, PartInput(brand="Bosch", part_number="F-1", description="Filter"))
        long_ago = date.today() - timedelta(days=400)
        stock.adjust(db, actor, part_id, 30_000, "opening stock", on=long_ago - timedelta(days=1), unit_cost=500)
        stock.issue(db, actor, part_id, 24_000, reference="RO-1", on=long_ago)
        # Demand more than a year old makes no levels today.
        with db.read() as conn:
            assert conn.execute(text("SELECT min_qty FROM part WHERE id = :id"), {"id": part_id}).scalar() == 0
    finally:
        db.dispose()
    # The levels that demand made when it was recent, stored then; nothing has sold since.
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE part SET min_qty = 3000, max_qty = 5000 WHERE id = ?", (part_id,))
    home = tmp_path / "home"
    home.mkdir()

    done = run_cli("parts", "refresh-levels", home=home, db=db_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Reorder levels refreshed: 1 part changed."
    db = open_database(db_path)
    try:
        assert catalogue.get_part(db, actor, part_id).min_qty == 0
    finally:
        db.dispose()
