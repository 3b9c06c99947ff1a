"""``forecourt bench --db PATH``: the benchmark measured on a database the user made, deep list pages
included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import demo
from core.ids import new_id
from models.crm import Customer
from services import users
from services.permissions import system_actor
from services.setup import open_database
from tests.cli.test_cli import assert_one_line_error, run_cli

pytestmark = pytest.mark.slow

CUSTOMERS = 450


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def small_demo(tmp_path) -> Path:
    """A database with the demo owner and 450 customers: enough for a page after row 250."""
    path = tmp_path / "small.db"
    db = open_database(path, create=True)
    try:
        name, password, role, display = next(u for u in demo.DEMO_USERS if u[2] == "owner")
        users.create_user(db, system_actor("test"), username=name, password=password, role=role,
                          display_name=display)
        rows = [{"id": new_id(), "kind": "person", "name": f"客户{i % 97:03d}", "city": ["杭州", "宁波"][i % 2],
                 "phone": "", "created_by": "test", "updated_by": "test"} for i in range(CUSTOMERS)]
        with db.engine.begin() as conn:
            conn.execute(Customer.__table__.insert(), rows)
    finally:
        db.dispose()
    return path


def test_bench_on_a_given_database_times_the_page_after_its_last_full_page(home, small_demo):
    result = run_cli("bench", "--only", "lists", "--runs", "2", "--json", home=home, db=small_demo, timeout=120)

    timings = {r["name"]: r for r in json.loads(result.stdout)}
    deep = [f"list_deep_page[{label}@{CUSTOMERS - 200}]"
            for label in ("customers", "customers_by_city", "customers_by_created_desc")]
    assert set(deep) <= set(timings), sorted(timings)
    for name in deep:
        assert timings[name]["target_ms"] == 5
        assert timings[name]["runs"] == 2
        assert timings[name]["baseline_median_ms"] is not None
    assert "list_first_page[customers]" in timings
    assert result.returncode == (0 if all(r["met"] is not False for r in timings.values()) else 1), result.stderr
    assert f"Measuring {small_demo}" in result.stderr


def test_bench_refuses_a_database_that_is_not_there(home, tmp_path):
    missing = tmp_path / "nowhere.db"

    line = assert_one_line_error(run_cli("bench", "--only", "lists", home=home, db=missing), code=2)

    assert str(missing) in line and "forecourt demo" in line
    assert not missing.exists()


def test_bench_refuses_a_database_without_the_demo_owner(home, db_path):
    line = assert_one_line_error(run_cli("bench", "--only", "lists", home=home, db=db_path))

    assert "no demo owner" in line
