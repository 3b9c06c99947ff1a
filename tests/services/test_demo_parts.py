"""The demo parts department: the ledger and its cache agree, costs follow the moving-average rule,
stock never goes negative, supersession chains resolve, part numbers, determinism and the audit trail."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

import demo
from core.ids import id_time_ms
from services import audit, search, users
from services.parts import purchasing
from services.parts.catalogue import normalize_number, resolve_supersession
from services.parts.costing import cost_movement, new_average
from services.parts.stock import INCOMING, stock_level
from services.setup import open_database
from store.database import Database

TODAY = date(2025, 6, 1)
SEED = 7
PARTS_TABLES = ("brand", "supplier", "part", "part_stock", "stock_movement")
_KEYS = {"part_stock": "part_id"}
BIN = re.compile(r"^[A-Z]\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo_parts") / "demo.db"
    demo.build(path, size="small", seed=SEED, today=TODAY)
    return path


@pytest.fixture(scope="module")
def demo_db(demo_path) -> Iterator[Database]:
    database = open_database(demo_path)
    yield database
    database.dispose()


def _rows(db: Database, sql: str, **params) -> list:
    with db.read() as conn:
        return conn.execute(text(sql), params).all()


def _one(db: Database, sql: str, **params):
    return _rows(db, sql, **params)[0][0]


def _dump(path: Path) -> dict[str, list]:
    database = open_database(path)
    try:
        with database.read() as conn:
            return {table: conn.execute(text(f"SELECT * FROM {table} ORDER BY {_KEYS.get(table, 'id')}")).all()
                    for table in PARTS_TABLES}
    finally:
        database.dispose()


# --- size -----------------------------------------------------------------------------------------

def test_small_build_has_the_advertised_catalogue_and_ledger(demo_db):
    size = demo.SIZES["small"]
    assert _one(demo_db, "SELECT count(*) FROM part") == size.parts == 2_000
    movements = _one(demo_db, "SELECT count(*) FROM stock_movement")
    assert size.movements * 0.9 <= movements <= size.movements * 1.1
    assert 5 <= _one(demo_db, "SELECT count(*) FROM supplier") <= 30
    kinds = {k for (k,) in _rows(demo_db, "SELECT DISTINCT kind FROM stock_movement")}
    assert {"receipt", "issue", "counter_sale", "return_from_job", "customer_return", "adjustment"} <= kinds
    brands = {n for (n,) in _rows(demo_db, "SELECT name FROM brand")}
    assert {"Volkswagen", "Toyota", "Honda", "Bosch", "Mann-Filter", "NGK", "Castrol"} <= brands


# --- the ledger -----------------------------------------------------------------------------------

def test_part_stock_equals_the_ledger_for_every_part(demo_db):
    mismatches = _one(demo_db, """
        SELECT count(*) FROM (
            SELECT k.part_id
            FROM (SELECT part_id FROM part_stock UNION SELECT part_id FROM stock_movement) k
            LEFT JOIN part_stock ps ON ps.part_id = k.part_id
            LEFT JOIN (SELECT part_id, sum(quantity) AS on_hand, max(moved_on) AS last_on
                       FROM stock_movement GROUP BY part_id) l ON l.part_id = k.part_id
            WHERE ps.part_id IS NULL OR l.part_id IS NULL OR ps.on_hand != l.on_hand
               OR ps.last_movement_on IS NOT l.last_on OR ps.reserved != 0)""")
    assert mismatches == 0
    assert _one(demo_db, "SELECT count(*) FROM part_stock") > 100


def test_on_hand_never_drops_below_zero_in_ledger_order(demo_db):
    lowest = _one(demo_db, "SELECT min(running) FROM (SELECT sum(quantity) OVER (PARTITION BY part_id ORDER BY id) "
                           "AS running FROM stock_movement)")
    assert lowest >= 0


def test_average_costs_follow_the_moving_average_rule(demo_db):
    busiest = [r.part_id for r in _rows(demo_db, "SELECT part_id FROM stock_movement GROUP BY part_id "
                                                 "ORDER BY count(*) DESC LIMIT 3")]
    sample = busiest + [r.part_id for r in _rows(demo_db, "SELECT part_id FROM part_stock ORDER BY part_id")[::12]]
    returns_checked = 0
    for part_id in sample:
        on_hand = average = 0
        for m in _rows(demo_db, "SELECT kind, quantity, unit_cost FROM stock_movement WHERE part_id = :p ORDER BY id",
                       p=part_id):
            if m.quantity > 0:
                if m.kind == "receipt":
                    assert m.unit_cost > 0
                elif m.kind == "adjustment":
                    assert m.unit_cost == average  # stock found comes in at the average
                returns_checked += m.kind in INCOMING and m.kind != "receipt"
                average = new_average(on_hand, average, m.quantity, m.unit_cost)
            else:
                assert m.unit_cost == average, f"{m.kind} of {part_id} must leave at the average"
            on_hand += m.quantity
        with demo_db.read() as conn:
            level = stock_level(conn, part_id)
        assert (level.on_hand, level.average_cost) == (on_hand, average)
    assert returns_checked > 0


def test_every_movement_is_costed_by_the_costing_rule_replayed_over_the_whole_ledger(demo_db):
    averages: dict[str, int] = {}
    on_hands: dict[str, int] = defaultdict(int)
    priced = {"receipt", "return_from_job", "customer_return"}  # these bring their own cost
    for m in _rows(demo_db, "SELECT part_id, kind, quantity, unit_cost FROM stock_movement ORDER BY part_id, id"):
        rule = cost_movement(on_hand=on_hands[m.part_id], average=averages.get(m.part_id, 0), quantity=m.quantity,
                             unit_cost=m.unit_cost if m.kind in priced else None)
        assert m.unit_cost == rule.unit_cost, m
        averages[m.part_id] = rule.average_cost
        on_hands[m.part_id] += m.quantity
    cached = {r.part_id: (r.on_hand, r.average_cost) for r in _rows(demo_db, "SELECT * FROM part_stock")}
    assert cached == {part_id: (on_hands[part_id], averages[part_id]) for part_id in averages}
    assert len(averages) > 100


def test_movements_lie_in_the_period_and_their_ids_carry_their_time(demo_db):
    start = datetime(TODAY.year - 1, TODAY.month, TODAY.day) - timedelta(hours=8)
    end = datetime(TODAY.year, TODAY.month, TODAY.day) - timedelta(hours=8)
    rows = _rows(demo_db, "SELECT id, created_at, moved_on FROM stock_movement ORDER BY id")
    created = [datetime.fromisoformat(r.created_at) for r in rows]
    assert start <= min(created) and max(created) < end
    assert created == sorted(created) and len(set(created)) == len(created)
    for r, c in zip(rows[::97], created[::97], strict=True):
        assert id_time_ms(r.id) == (c - datetime(1970, 1, 1)) // timedelta(milliseconds=1)
        assert date.fromisoformat(r.moved_on) == (c + timedelta(hours=8)).date()


# --- the catalogue --------------------------------------------------------------------------------

def test_part_numbers_are_unique_per_brand_and_keyed_like_the_catalogue(demo_db):
    rows = _rows(demo_db, "SELECT brand_id, part_number, number_key, description, description_alt, retail_price, "
                          "trade_price, list_cost, bin FROM part")
    assert all(r.number_key == normalize_number(r.part_number) for r in rows)
    assert len({(r.brand_id, r.number_key) for r in rows}) == len(rows)
    assert all(re.search(r"[\u4e00-\u9fff]", r.description) and r.description_alt.isascii() for r in rows)
    assert all(0 < r.list_cost <= r.trade_price <= r.retail_price for r in rows)
    assert all(BIN.match(r.bin) for r in rows if r.bin)
    stocked_without_bin = _one(demo_db, "SELECT count(*) FROM part_stock s JOIN part p ON p.id = s.part_id "
                                        "WHERE p.bin = ''")
    assert stocked_without_bin == 0


def test_supersession_chains_resolve_to_a_current_part_of_the_same_brand(demo_db):
    superseded = _rows(demo_db, "SELECT id, brand_id FROM part WHERE superseded_by_id IS NOT NULL")
    assert superseded
    brand = dict(_rows(demo_db, "SELECT id, brand_id FROM part"))
    lengths = Counter()
    with demo_db.read() as conn:
        for r in superseded:
            final = resolve_supersession(conn, r.id)
            assert final != r.id and brand[final] == r.brand_id
            assert conn.execute(text("SELECT superseded_by_id FROM part WHERE id = :p"), {"p": final}).scalar() is None
            steps, current = 0, r.id
            while current != final:
                current = conn.execute(text("SELECT superseded_by_id FROM part WHERE id = :p"),
                                       {"p": current}).scalar()
                steps += 1
            lengths[steps] += 1
    assert lengths[2] > 0  # some chains have more than one step
    # Replaced parts are not on the shelf any more.
    assert _one(demo_db, "SELECT count(*) FROM part_stock s JOIN part p ON p.id = s.part_id "
                         "WHERE p.superseded_by_id IS NOT NULL") == 0


def test_stocked_parts_have_preferred_suppliers_and_some_manual_levels(demo_db):
    stocked, with_supplier, manual = _rows(demo_db, """
        SELECT count(*), count(p.preferred_supplier_id), sum(p.reorder_manual)
        FROM part_stock s JOIN part p ON p.id = s.part_id""")[0]
    assert with_supplier == stocked
    assert 0 < manual < stocked
    assert _one(demo_db, "SELECT count(*) FROM part WHERE reorder_manual "
                         "AND NOT (0 < min_qty AND min_qty < max_qty)") == 0
    leads = {n for (n,) in _rows(demo_db, "SELECT lead_time_days FROM supplier")}
    assert all(1 <= n <= 30 for n in leads)


def test_reorder_suggestions_and_search_work_on_the_demo_catalogue(demo_db):
    owner = next(u for u in demo.DEMO_USERS if u[2] == "owner")
    actor = users.login(demo_db, owner[0], owner[1])
    groups = purchasing.suggestions(demo_db, actor, today=TODAY)
    assert sum(len(g.lines) for g in groups) > 0
    part_id, number = _rows(demo_db, "SELECT p.id, p.part_number FROM part p JOIN brand b ON b.id = p.brand_id "
                                     "WHERE b.name = 'Volkswagen' ORDER BY p.rowid LIMIT 1 OFFSET 123")[0]
    hits = search.search(demo_db, actor, number, limit=20)
    assert any(h.kind == "part" and h.ref_id == part_id for h in hits)


# --- determinism and audit ------------------------------------------------------------------------

def test_same_seed_gives_the_same_parts_department_and_another_seed_differs(demo_path, tmp_path):
    demo.build(tmp_path / "again.db", size="small", seed=SEED, today=TODAY)
    demo.build(tmp_path / "other.db", size="small", seed=SEED + 1, today=TODAY)
    first, again, other = _dump(demo_path), _dump(tmp_path / "again.db"), _dump(tmp_path / "other.db")
    assert first == again
    for table in ("part", "part_stock", "stock_movement"):
        assert first[table] != other[table]


def test_audit_chain_verifies_with_one_demo_entry_per_parts_table(demo_db):
    with demo_db.read() as conn:
        assert audit.verify(conn).ok
        entities = Counter(r.entity for r in conn.execute(text("SELECT entity FROM audit_entry "
                                                               "WHERE action = 'demo'")))
    assert all(entities[table] == 1 for table in PARTS_TABLES)
