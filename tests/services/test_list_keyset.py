"""Lists read by key: page boundaries with ties and NULLs, both directions, joined sort columns,
search and filters, rows inserted or deleted between two reads, and the reads the list widget needs
(the page before a key, the rows around a row, a window between two keys, changed rows)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from core.errors import ValidationError
from core.ids import new_id
from models.crm import Customer
from services import customers, lists, search, vehicles
from services.customers import CustomerInput
from services.lists import ListState, RowKey
from services.parts import catalogue
from services.vehicles import VehicleInput
from tests.services.samples import chinese_vin, mobile, raw_execute, raw_rows

# Few names and cities, so that nearly every page boundary falls inside a run of ties.
NAMES = ["王伟", "李娜", "Bob", "王伟", "alice", "Bob", "王伟伟", "李娜", "Bob", "Carl", "王伟", "Bob", "陈静",
         "alice", "Bob", "王伟", "Dora", "李娜", "Bob", "王伟", "Eve", "Bob"]
CITIES = ["Suzhou", "Beijing", "Suzhou", "Suzhou", "", "Beijing", "Suzhou"]


@pytest.fixture
def people(db, db_path, owner) -> list[str]:
    """22 customers, most of them sharing a name, a city or a creation time with others."""
    ids = []
    for i, name in enumerate(NAMES):
        ids.append(customers.create(db, owner, CustomerInput(
            name=name, kind="company" if i % 5 == 0 else "person", phone=mobile(i) if i % 3 else "",
            email=f"p{i % 4}@example.com", city=CITIES[i % len(CITIES)], active=i % 4 != 3)))
    for i, cid in enumerate(ids):
        raw_execute(db_path, "UPDATE customer SET created_at = ? WHERE id = ?",
                    (f"2025-02-{1 + i % 3:02d} 09:00:00.000000", cid))
    return ids


@pytest.fixture
def cars(db, owner, people) -> list[str]:
    """15 vehicles; a third have no model year (NULL), the others share four."""
    ids = []
    for i in range(15):
        ids.append(vehicles.create(db, owner, VehicleInput(
            vin=chinese_vin(100 + i), make=["BYD", "Toyota", "BYD"][i % 3], model=["Han", "Corolla"][i % 2],
            model_year=None if i % 3 == 0 else 2018 + i % 4, plate=f"沪B{i:05d}" if i % 4 else "",
            owner_id=people[i] if i % 2 else None)))
    return ids


@pytest.fixture
def spares(db, owner) -> list[str]:
    """12 parts of three brands: the parts list sorts by brand through a join."""
    return [catalogue.create_part(db, owner, catalogue.PartInput(
        brand=["Bosch", "Mann", "Denso"][i % 3], part_number=f"P-{i:03d}", description=f"Part {i % 4}",
        category=["filters", "brakes"][i % 2], retail_price=1000 * (i % 5)))
        for i in range(12)]


def _by_key(db, actor, name: str, state: ListState, *, limit: int) -> list[tuple]:
    """Every row, page after page, each read after the previous page's last key."""
    rows: list[tuple] = []
    page = lists.fetch_page(db, actor, name, state, limit=limit)
    assert page.at_start
    while True:
        assert len(page.rows) == len(page.keys) <= limit
        rows += page.rows
        if page.at_end:
            return rows
        page = lists.fetch_page(db, actor, name, state, limit=limit, after=page.keys[-1])


def _by_key_backwards(db, actor, name: str, state: ListState, *, limit: int) -> list[tuple]:
    """Every row, read from the last one upwards a page at a time with ``before``."""
    whole = lists.fetch_page(db, actor, name, state, limit=10_000)
    rows = whole.rows[-1:]
    key = whole.keys[-1]
    while True:
        page = lists.fetch_page(db, actor, name, state, limit=limit, before=key)
        assert len(page.rows) <= limit and not page.at_end
        rows = page.rows + rows
        if page.at_start:
            return rows
        key = page.keys[0]


@pytest.fixture(params=["index pieces", "one query"])
def read_path(request, monkeypatch) -> str:
    """Both ways a read from a key is made: in pieces, each one range of the sort column's index, or
    as one query where no index can help. Each must give the same rows for any column."""
    monkeypatch.setattr(lists, "_walks_index", lambda *_args: request.param == "index pieces")
    return request.param


def _check_every_order(db, owner, name: str, *, limit: int) -> int:
    checked = 0
    for column in [c for c in lists.source(name).columns if c.sortable]:
        for descending in (False, True):
            state = ListState(sort=column.key, descending=descending)
            whole = lists.fetch_page(db, owner, name, state, limit=10_000).rows
            assert _by_key(db, owner, name, state, limit=limit) == whole, (column.key, descending)
            assert _by_key_backwards(db, owner, name, state, limit=limit) == whole, (column.key, descending)
            checked += 1
    return checked


def test_customers_page_by_key_in_every_order(db, owner, people, read_path):
    assert _check_every_order(db, owner, "customers", limit=2) == 14


def test_vehicles_page_by_key_in_every_order_nulls_included(db, owner, cars, read_path):
    assert _check_every_order(db, owner, "vehicles", limit=2) == 12


def test_parts_page_by_key_in_every_order_joined_and_computed_columns_included(db, owner, spares, read_path):
    assert _check_every_order(db, owner, "parts", limit=5) == 24


def test_ties_in_the_sort_column_keep_insertion_order_across_page_boundaries(db, owner, people):
    rows = _by_key(db, owner, "customers", ListState(sort="city"), limit=2)
    city = [c.key for c in lists.source("customers").columns].index("city") + 1
    expected = sorted(range(len(NAMES)), key=lambda i: (CITIES[i % len(CITIES)], i))
    assert [r[0] for r in rows] == [people[i] for i in expected]
    assert [r[city] for r in rows][:3] == ["", "", ""]

    backwards = _by_key(db, owner, "customers", ListState(sort="city", descending=True), limit=2)
    assert backwards == rows[::-1]


def test_nulls_come_first_ascending_and_last_descending_and_page_through_their_block(db, owner, cars):
    year = [c.key for c in lists.source("vehicles").columns].index("model_year") + 1
    nulls = [cars[i] for i in range(15) if i % 3 == 0]

    ascending = _by_key(db, owner, "vehicles", ListState(sort="model_year"), limit=2)
    assert [r[0] for r in ascending[:5]] == nulls
    assert [r[year] for r in ascending[5:]] == sorted(r[year] for r in ascending[5:])

    descending = _by_key(db, owner, "vehicles", ListState(sort="model_year", descending=True), limit=2)
    assert [r[0] for r in descending[-5:]] == nulls[::-1]
    # A page that starts inside the NULL block continues after the right NULL row.
    page = lists.fetch_page(db, owner, "vehicles", ListState(sort="model_year"), limit=2)
    assert page.keys[-1].value is None
    following = lists.fetch_page(db, owner, "vehicles", ListState(sort="model_year"), limit=4, after=page.keys[-1])
    assert [r[0] for r in following.rows] == [*nulls[2:], ascending[5][0]]


def _customer(db, owner, name: str) -> str:
    return customers.create(db, owner, CustomerInput(name=name))


def test_rows_inserted_between_two_page_reads_are_neither_skipped_nor_repeated(db, owner, people):
    state = ListState()
    first = lists.fetch_page(db, owner, "customers", state, limit=8)
    boundary = first.rows[-1]

    above = _customer(db, owner, "Aaron")  # sorts into the page already read
    tied = _customer(db, owner, boundary[1])  # ties with the last row read: it comes after it
    below = _customer(db, owner, "Zed")
    rest = _by_key_from(db, owner, state, first.keys[-1])

    seen = [r[0] for r in first.rows + rest]
    assert len(seen) == len(set(seen)), "no row twice"
    assert set(seen) == (set(people) | {tied, below})
    assert above not in seen, "a row inserted above the pages read belongs to them, not to the next"
    assert rest[0][0] == tied
    # Every row of the list now, in order: what was read plus the one row inserted above it.
    now = lists.fetch_page(db, owner, "customers", state, limit=10_000).rows
    assert [r[0] for r in now if r[0] != above] == seen


def _by_key_from(db, owner, state: ListState, key: RowKey) -> list[tuple]:
    rows: list[tuple] = []
    while True:
        page = lists.fetch_page(db, owner, "customers", state, limit=5, after=key)
        rows += page.rows
        if page.at_end:
            return rows
        key = page.keys[-1]


def test_rows_deleted_between_two_page_reads_skip_nothing(db, owner, people):
    state = ListState(sort="city")
    whole = [r[0] for r in lists.fetch_page(db, owner, "customers", state, limit=10_000).rows]
    first = lists.fetch_page(db, owner, "customers", state, limit=6)

    # The last row read, a row already read, and the row right after the boundary are deleted.
    for gone in (whole[5], whole[2], whole[6]):
        customers.delete_customer(db, owner, gone)
    rest = [r[0] for r in _by_key_from(db, owner, state, first.keys[-1])]

    assert rest == whole[7:]


def test_search_and_filters_page_by_key(db, owner, people):
    state = ListState(search="王伟", filters={"kind": "person"}, sort="created_at", descending=True)
    whole = lists.fetch_page(db, owner, "customers", state, limit=10_000).rows
    expected = {cid for i, cid in enumerate(people) if "王伟" in NAMES[i] and i % 5 != 0}
    assert {r[0] for r in whole} == expected and len(whole) == 3

    for limit in (1, 2):
        assert _by_key(db, owner, "customers", state, limit=limit) == whole
        assert _by_key_backwards(db, owner, "customers", state, limit=limit) == whole


def test_a_broad_search_pages_by_key_walking_the_sort_index(db, owner, people, monkeypatch):
    state = ListState(search="b", filters={"active": True})
    narrow = lists.fetch_page(db, owner, "customers", state, limit=10_000).rows
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    monkeypatch.setattr(lists, "BROAD_MATCHES", 1)
    event.listen(db.read_engine, "before_cursor_execute", record)
    try:
        paged = _by_key(db, owner, "customers", state, limit=2)
    finally:
        event.remove(db.read_engine, "before_cursor_execute", record)

    assert len(narrow) >= 4
    assert paged == narrow
    assert any("likelihood(" in s and "c.name = ?" in s for s in statements), "the broad branch read from a key"


def test_the_page_before_a_key_is_the_rows_just_above_it(db, owner, people):
    state = ListState(sort="name", descending=True)
    whole = lists.fetch_page(db, owner, "customers", state, limit=10_000)
    key = whole.keys[10]

    page = lists.fetch_page(db, owner, "customers", state, limit=4, before=key)
    assert page.rows == whole.rows[6:10]
    assert page.keys == whole.keys[6:10]
    assert not page.at_start and not page.at_end
    top = lists.fetch_page(db, owner, "customers", state, limit=4, before=page.keys[0])
    assert top.rows == whole.rows[2:6] and not top.at_start
    assert lists.fetch_page(db, owner, "customers", state, limit=4, before=top.keys[0]).rows == whole.rows[:2]
    assert lists.fetch_page(db, owner, "customers", state, limit=4, before=top.keys[0]).at_start


def test_fetch_around_reads_the_rows_before_and_from_a_row(db, owner, people):
    state = ListState(sort="city")
    whole = lists.fetch_page(db, owner, "customers", state, limit=10_000).rows
    target = whole[12][0]

    page = lists.fetch_around(db, owner, "customers", state, target, before=3, limit=5)
    assert page.rows == whole[9:17]
    assert not page.at_start and not page.at_end
    near_top = lists.fetch_around(db, owner, "customers", state, whole[1][0], before=3, limit=50)
    assert near_top.rows == whole and near_top.at_start and near_top.at_end


def test_fetch_around_a_row_outside_the_search_or_filters_finds_nothing(db, owner, people):
    inactive = next(cid for i, cid in enumerate(people) if i % 4 == 3)
    state = ListState(filters={"active": True})
    assert lists.fetch_around(db, owner, "customers", state, inactive, before=2, limit=2) is None
    assert lists.fetch_around(db, owner, "customers", ListState(), "0" * 32, before=2, limit=2) is None
    assert lists.fetch_around(db, owner, "customers", ListState(), inactive, before=2, limit=2) is not None


def test_a_window_is_reread_between_its_keys_after_inserts_and_deletes(db, owner, people):
    state = ListState()
    whole = lists.fetch_page(db, owner, "customers", state, limit=10_000)
    first, last = whole.keys[4], whole.keys[9]
    window = [r[0] for r in whole.rows[4:10]]

    customers.delete_customer(db, owner, window[0])  # the window's first row itself
    customers.delete_customer(db, owner, window[3])
    inside = _customer(db, owner, whole.rows[6][1])  # ties with a row inside: lands after it
    _customer(db, owner, "Aaron")  # above the window
    _customer(db, owner, "Zed")  # below it

    page = lists.fetch_window(db, owner, "customers", state, first=first, last=last, limit=100)
    assert [r[0] for r in page.rows] == [*window[1:3], inside, *window[4:]]
    assert not page.at_start and not page.at_end
    capped = lists.fetch_window(db, owner, "customers", state, first=first, last=last, limit=3)
    assert [r[0] for r in capped.rows] == [*window[1:3], inside]
    to_end = lists.fetch_window(db, owner, "customers", state, first=first, last=None, limit=100)
    assert to_end.at_end and "Zed" in [r[1] for r in to_end.rows] and to_end.rows[0][0] == window[1]
    from_top = lists.fetch_window(db, owner, "customers", state, first=None, last=last, limit=100)
    assert from_top.at_start and from_top.rows[0][1] == "Aaron" and from_top.rows[-1][0] == window[-1]


@pytest.mark.parametrize("descending", [False, True])
def test_windows_across_the_null_block_hold_the_rows_between_their_keys(db, owner, cars, read_path, descending):
    state = ListState(sort="model_year", descending=descending)
    whole = lists.fetch_page(db, owner, "vehicles", state, limit=10_000)
    ids = [r[0] for r in whole.rows]
    nulls = [i for i, k in enumerate(whole.keys) if k.value is None]
    inside, outside = (nulls[2], 8) if not descending else (6, nulls[2])
    for lo, hi in [(inside, outside), (nulls[0], nulls[-1]), (1, 1), (0, len(ids) - 1), (nulls[1], nulls[3])]:
        window = lists.fetch_window(db, owner, "vehicles", state, first=whole.keys[lo], last=whole.keys[hi],
                                    limit=100)
        assert window.rows == whole.rows[lo:hi + 1], (lo, hi)
        picked = lists.fetch_rows(db, owner, "vehicles", state, ids, first=whole.keys[lo], last=whole.keys[hi])
        assert picked.rows == whole.rows[lo:hi + 1], (lo, hi)
    assert lists.fetch_window(db, owner, "vehicles", state, first=None, last=whole.keys[nulls[1]],
                              limit=100).rows == whole.rows[:nulls[1] + 1]
    assert lists.fetch_window(db, owner, "vehicles", state, first=whole.keys[nulls[1]], last=None,
                              limit=100).rows == whole.rows[nulls[1]:]


def test_fetch_rows_gives_the_changed_rows_that_belong_in_a_window_in_list_order(db, owner, people):
    state = ListState(filters={"active": True})
    whole = lists.fetch_page(db, owner, "customers", state, limit=10_000)
    inactive = next(cid for i, cid in enumerate(people) if i % 4 == 3)
    wanted = [whole.rows[9][0], whole.rows[2][0], whole.rows[5][0], inactive, "0" * 32]

    everywhere = lists.fetch_rows(db, owner, "customers", state, wanted)
    assert [r[0] for r in everywhere.rows] == [whole.rows[i][0] for i in (2, 5, 9)]
    assert everywhere.keys == [whole.keys[i] for i in (2, 5, 9)]
    inside = lists.fetch_rows(db, owner, "customers", state, wanted, first=whole.keys[3], last=whole.keys[9])
    assert [r[0] for r in inside.rows] == [whole.rows[5][0], whole.rows[9][0]]
    assert lists.fetch_rows(db, owner, "customers", state, []).rows == []


def test_fetch_rows_takes_any_number_of_ids(db, owner, people):
    ids = [*people, *(new_id() for _ in range(3000))]
    rows = lists.fetch_rows(db, owner, "customers", ListState(), ids).rows
    assert [r[0] for r in rows] == [r[0] for r in lists.fetch_page(db, owner, "customers", ListState(),
                                                                   limit=100).rows]


def test_a_key_taken_in_another_order_is_refused(db, owner, people):
    key = lists.fetch_page(db, owner, "customers", ListState(sort="city"), limit=2).keys[-1]
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(sort="name"), limit=2, after=key)
    assert exc.value.field == "after"
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(sort="city"), limit=2, after=key, before=key)
    assert exc.value.field == "before"
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(sort="city"), limit=0)
    assert exc.value.field == "limit"


# --- depth costs nothing --------------------------------------------------------------------------

@pytest.fixture
def thousands(db, owner) -> int:
    """3,000 customers in three cities (a thousand ties each), inserted at once."""
    n = 3000
    rows = [{"id": new_id(), "kind": "person", "name": f"Customer {i:05d}", "city": ["Hangzhou", "Ningbo",
             "Wenzhou"][i % 3], "phone": "", "created_by": owner.username, "updated_by": owner.username}
            for i in range(n)]
    with db.engine.begin() as conn:
        conn.execute(Customer.__table__.insert(), rows)
        search.rebuild(conn, ("customer",))
    return n


@pytest.fixture
def vm_steps(db) -> Iterator[list[int]]:
    """Counts SQLite virtual-machine steps (in hundreds) of every read: work done, not time taken."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    def on_checkout(dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.set_progress_handler(tick, 100)

    event.listen(db.read_engine, "checkout", on_checkout)
    yield steps
    event.remove(db.read_engine, "checkout", on_checkout)


@pytest.mark.parametrize("state", [ListState(), ListState(sort="city"), ListState(sort="city", descending=True),
                                   ListState(sort="created_at", descending=True)], ids=repr)
def test_a_page_deep_in_the_list_costs_what_the_first_page_costs(db, owner, thousands, vm_steps, state):
    deep_key = lists.fetch_page(db, owner, "customers", ListState(sort=state.sort or "name",
                                                                   descending=not state.descending),
                                limit=51).keys[-1]

    vm_steps[0] = 0
    first = lists.fetch_page(db, owner, "customers", state, limit=50)
    first_cost = vm_steps[0]
    vm_steps[0] = 0
    deep = lists.fetch_page(db, owner, "customers", state, limit=50, after=deep_key)
    deep_cost = vm_steps[0]

    assert len(first.rows) == len(deep.rows) == 50 and deep.at_end
    # Stepping over the 2,950 rows before the deep page would cost many times the first page.
    assert deep_cost <= 2 * first_cost + 20, (first_cost, deep_cost)
    assert [r[0] for r in deep.rows] == [r[0] for r in _raw_ids_in_order(db, state)[-50:]]


def _raw_ids_in_order(db, state: ListState) -> list[tuple]:
    column = {"": "name", "city": "city", "created_at": "created_at"}[state.sort]
    direction = "DESC" if state.descending else "ASC"
    return raw_rows(db.path, f"SELECT id FROM customer ORDER BY {column} {direction}, rowid {direction}")
