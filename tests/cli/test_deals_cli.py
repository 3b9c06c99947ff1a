"""``forecourt export deals FILE`` end to end, in a child process."""

from __future__ import annotations

import csv

import pytest

from services.setup import open_database
from services.users import login
from tests.cli.test_cli import run_cli
from tests.conftest import OWNER_PASSWORD
from tests.services.deal_samples import customer, quote, stock_vehicle

pytestmark = pytest.mark.slow


def test_export_deals_writes_the_columns_the_issue_names(tmp_path, db_path):
    db = open_database(db_path)
    try:
        owner = login(db, "owner", OWNER_PASSWORD)
        saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner), discount=1_000_00)
    finally:
        db.dispose()
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "deals.csv"
    result = run_cli("export", "deals", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:8] == ["number", "status", "customer_name", "vin", "price", "discount", "gross_profit",
                                 "salesperson"]
    row = rows[0]
    assert (row["number"], row["status"], row["customer_name"], row["price"], row["discount"], row["salesperson"]) == (
        saved.number, "quotation", "张伟", "120000.00", "1000.00", "owner")
    assert row["vin"] and row["gross_profit"]
