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


@pytest.fixture
def workshop_db(tmp_path) -> Path:
    """The demo owner and a technician, a customer's car, 25 parts in stock, a labour operation and
    the rates: what the workshop bench builds its repair orders from."""
    from services import vehicles
    from services.parts import catalogue
    from services.vehicles import VehicleInput
    from services.workshop import catalogue as labour
    from tests.services.billing_samples import customer
    from tests.services.samples import chinese_vin
    from tests.services.workshop_samples import receive

    path = tmp_path / "workshop.db"
    db = open_database(path, create=True)
    try:
        name, password, role, display = next(u for u in demo.DEMO_USERS if u[2] == "owner")
        users.create_user(db, system_actor("test"), username=name, password=password, role=role,
                          display_name=display)
        owner = users.login(db, name, password)
        users.create_user(db, owner, username="tech", password="tech123!", role="technician", display_name="王磊")
        cid = customer(db, owner, "王芳")
        vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                plate="沪A00001", owner_id=cid, odometer_km=20_000))
        for i in range(25):
            pid = catalogue.create_part(db, owner, catalogue.PartInput(
                brand="Bosch", part_number=f"0986-{i:03d}", description=f"Part {i}", retail_price=6800))
            receive(db, owner, pid, 200_000, 4000)
        labour.create_operation(db, owner, labour.OperationInput("SVC-10", "Service", "Maintenance", 80))
        for pay_type in ("customer", "warranty", "internal", "insurance"):
            labour.set_rate(db, owner, pay_type, 30000)
    finally:
        db.dispose()
    return path


def test_bench_times_opening_and_closing_repair_orders_against_raw_sql(home, workshop_db):
    result = run_cli("bench", "--only", "workshop", "--runs", "2", "--json", home=home, db=workshop_db, timeout=300)
    assert result.stdout, result.stderr

    timings = {r["name"]: r for r in json.loads(result.stdout)}
    assert timings["open_repair_order_50_lines"]["target_ms"] == 100
    assert timings["close_repair_order_30_lines_into_posted_invoice"]["target_ms"] == 50
    assert timings["foreman_board_200_open_repair_orders"]["target_ms"] == 200
    for r in timings.values():
        assert r["baseline_median_ms"] is not None and r["ratio"] is not None
    assert result.returncode == (0 if all(r["met"] is not False for r in timings.values()) else 1), result.stderr
