"""Lists: paging, sorting, filtering and searching in SQL, and export of what the user sees."""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.errors import Cancelled, PermissionDenied, ValidationError
from core.progress import CancelToken
from services import customers, lists, vehicles
from services.customers import CustomerInput
from services.customers.lists import CUSTOMERS
from services.lists import ListState
from services.vehicles import VehicleInput
from services.vehicles.lists import VEHICLES
from tests.services.samples import chinese_vin, mobile, raw_execute, raw_rows

NAMES = ["王伟", "李娜", "Zhang San", "alice", "Bob", "王伟伟", "Émile", "zoë", "Acme Ltd", "Bob",
         "陈静", "刘洋", "Beta Corp", "王伟", "Carl", "delta", "Eve", "李娜", "Frank", "Gamma Co",
         "黄磊", "Ivy", "Jack"]
CITIES = ["Beijing", "Shanghai", "", "Hangzhou", "Suzhou"]
PAGE = 7


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for exported files (the database lives in out itself)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def crowd(db, db_path, owner) -> list[str]:
    """23 customers with ties in every column, two kinds, some inactive, created on different days."""
    ids = []
    for i, name in enumerate(NAMES):
        kind = "company" if name.endswith(("Ltd", "Corp", "Co")) else "person"
        ids.append(customers.create(db, owner, CustomerInput(
            name=name, kind=kind, phone=mobile(i) if i % 4 else "", email=f"c{i % 5}@example.com",
            city=CITIES[i % len(CITIES)], active=i % 6 != 5)))
    for i, cid in enumerate(ids):
        raw_execute(db_path, "UPDATE customer SET created_at = ? WHERE id = ?",
                    (f"2025-01-{1 + i % 12:02d} 10:{i:02d}:00.000000", cid))
    return ids


@pytest.fixture
def fleet(db, owner, crowd) -> list[str]:
    makes = ["Volkswagen", "BYD", "Toyota", "BYD"]
    ids = []
    for i in range(11):
        ids.append(vehicles.create(db, owner, VehicleInput(
            vin=chinese_vin(i), make=makes[i % 4], model=["Lavida", "Han", "Corolla"][i % 3],
            model_year=None if i % 5 == 0 else 2015 + i % 4, plate=f"京A{i:05d}" if i % 3 else "",
            owner_id=crowd[i] if i % 2 else None)))
    return ids


def _all_pages(db, actor, name: str, state: ListState, *, limit: int = PAGE) -> list[tuple]:
    """Every row of the list, read page after page by key."""
    rows: list[tuple] = []
    after = None
    while True:
        page = lists.fetch_page(db, actor, name, state, limit=limit, after=after)
        assert len(page.rows) == len(page.keys) <= limit
        rows.extend(page.rows)
        if page.at_end:
            return rows
        after = page.keys[-1]


def _python_order(path, table: str, column_sql: str, *, descending: bool) -> list[str]:
    rows = raw_rows(path, f"SELECT id, {column_sql}, rowid FROM {table}")

    def key(r):
        # SQLite sorts NULL first when ascending; text by code point (its BINARY collation on UTF-8).
        return (r[1] is not None, r[1] if r[1] is not None else 0, r[2])

    return [r[0] for r in sorted(rows, key=key, reverse=descending)]


# --- paging ---------------------------------------------------------------------------------------

def test_pages_are_disjoint_consecutive_and_cover_every_row(db, owner, crowd):
    state = ListState()
    whole = lists.fetch_page(db, owner, "customers", state, limit=1000)
    assert whole.at_start and whole.at_end
    pages = [lists.fetch_page(db, owner, "customers", state, limit=PAGE)]
    while not pages[-1].at_end:
        pages.append(lists.fetch_page(db, owner, "customers", state, limit=PAGE, after=pages[-1].keys[-1]))
    assert [len(p.rows) for p in pages] == [7, 7, 7, 2]
    flat = [r for p in pages for r in p.rows]
    assert flat == whole.rows
    assert len({r[0] for r in flat}) == len(crowd)
    assert {r[0] for r in flat} == set(crowd)
    after_last = lists.fetch_page(db, owner, "customers", state, limit=PAGE, after=pages[-1].keys[-1])
    assert after_last.rows == [] and after_last.at_end


def test_count_matches_the_rows(db, owner, crowd):
    assert lists.count(db, owner, "customers", ListState()) == len(crowd)
    state = ListState(filters={"kind": "company"})
    assert lists.count(db, owner, "customers", state) == len(_all_pages(db, owner, "customers", state)) == 3


def test_a_row_has_the_id_then_every_column(db, owner, crowd):
    row = lists.row_by_id(db, owner, "customers", crowd[2])
    assert row[0] == crowd[2]
    values = dict(zip([c.key for c in CUSTOMERS.columns], row[1:], strict=True))
    assert {k: values[k] for k in ("name", "kind", "phone", "email", "city", "id_number", "active", "created_at",
                                   "grade", "tags", "company")} == {
        "name": "Zhang San", "kind": "person", "phone": "+8613900000002", "email": "c2@example.com", "city": "",
        "id_number": "", "active": 1, "created_at": "2025-01-03 10:02:00.000000", "grade": "", "tags": None,
        "company": ""}
    assert lists.row_by_id(db, owner, "customers", "0" * 32) is None


# --- sorting --------------------------------------------------------------------------------------

@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", [c for c in CUSTOMERS.columns if c.sortable], ids=lambda c: c.key)
def test_customers_sort_by_each_sortable_column(db, db_path, owner, crowd, column, descending):
    rows = _all_pages(db, owner, "customers", ListState(sort=column.key, descending=descending))
    expected = _python_order(db_path, "customer c", column.sql, descending=descending)
    assert [r[0] for r in rows] == expected


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", [c for c in VEHICLES.columns if c.sortable], ids=lambda c: c.key)
def test_vehicles_sort_by_each_sortable_column(db, db_path, owner, fleet, column, descending):
    rows = _all_pages(db, owner, "vehicles", ListState(sort=column.key, descending=descending), limit=4)
    expected = _python_order(db_path, "vehicle v", column.sql, descending=descending)
    assert [r[0] for r in rows] == expected


def test_the_default_order_is_the_lists_own(db, db_path, owner, fleet):
    assert [r[0] for r in _all_pages(db, owner, "customers", ListState())] == _python_order(
        db_path, "customer c", "c.name", descending=False)
    assert [r[0] for r in _all_pages(db, owner, "vehicles", ListState())] == _python_order(
        db_path, "vehicle v", "v.created_at", descending=True)


def test_an_unknown_sort_column_is_refused(db, owner, crowd):
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(sort="shoe_size"), limit=5)
    assert exc.value.field == "sort"


def test_an_unsortable_column_is_refused(db, owner, crowd):
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(sort="id_number"), limit=5)
    assert exc.value.field == "sort"


def test_a_sort_column_name_cannot_smuggle_sql(db, owner, crowd):
    with pytest.raises(ValidationError):
        lists.fetch_page(db, owner, "customers", ListState(sort="name; DROP TABLE customer"), limit=5)
    assert lists.count(db, owner, "customers", ListState()) == len(crowd)


# --- filters --------------------------------------------------------------------------------------

def _names(rows) -> list[str]:
    return [r[1] for r in rows]


def test_kind_filter_keeps_only_that_kind(db, owner, crowd):
    rows = _all_pages(db, owner, "customers", ListState(filters={"kind": "company"}))
    assert sorted(_names(rows)) == ["Acme Ltd", "Beta Corp", "Gamma Co"]
    people = _all_pages(db, owner, "customers", ListState(filters={"kind": "person"}))
    assert len(people) == len(crowd) - 3
    assert {r[2] for r in people} == {"person"}


@pytest.mark.parametrize("active", [True, False])
def test_active_filter_keeps_active_or_inactive_customers(db, owner, crowd, active):
    rows = _all_pages(db, owner, "customers", ListState(filters={"active": active}))
    expected = {cid for i, cid in enumerate(crowd) if (i % 6 != 5) == active}
    assert {r[0] for r in rows} == expected


@pytest.mark.parametrize(("lo", "hi", "days"), [
    (date(2025, 1, 5), date(2025, 1, 7), {5, 6, 7}),
    (None, date(2025, 1, 2), {1, 2}),
    (date(2025, 1, 11), None, {11, 12}),
    (date(2025, 1, 3), date(2025, 1, 3), {3}),
])
def test_date_range_filter_includes_both_ends(db, owner, crowd, lo, hi, days):
    rows = _all_pages(db, owner, "customers", ListState(filters={"created": (lo, hi)}))
    expected = {cid for i, cid in enumerate(crowd) if 1 + i % 12 in days}
    assert {r[0] for r in rows} == expected


def test_filters_combine(db, owner, crowd):
    rows = _all_pages(db, owner, "customers", ListState(
        filters={"kind": "person", "active": True, "created": (date(2025, 1, 1), date(2025, 1, 4))}))
    expected = {cid for i, cid in enumerate(crowd)
                if i % 6 != 5 and 1 + i % 12 <= 4 and not NAMES[i].endswith(("Ltd", "Corp", "Co"))}
    assert {r[0] for r in rows} == expected


def test_empty_filter_values_are_ignored(db, owner, crowd):
    state = ListState(filters={"kind": "", "active": None, "created": (None, None)})
    assert lists.count(db, owner, "customers", state) == len(crowd)


def test_vehicle_filters(db, owner, crowd, fleet):
    byd = _all_pages(db, owner, "vehicles", ListState(filters={"make": "BYD"}))
    assert {r[0] for r in byd} == {fleet[i] for i in range(11) if i % 4 in (1, 3)}
    owned = _all_pages(db, owner, "vehicles", ListState(filters={"has_owner": True}))
    assert {r[0] for r in owned} == {fleet[i] for i in range(11) if i % 2}
    unowned = _all_pages(db, owner, "vehicles", ListState(filters={"has_owner": False}))
    assert {r[0] for r in unowned} == {fleet[i] for i in range(11) if not i % 2}
    of_one = _all_pages(db, owner, "vehicles", ListState(filters={"owner_id": crowd[3]}))
    assert [r[0] for r in of_one] == [fleet[3]]


def test_a_choice_outside_the_list_is_refused(db, owner, crowd):
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "customers", ListState(filters={"kind": "alien"}), limit=5)
    assert exc.value.field == "kind"


def test_an_unknown_filter_is_refused_rather_than_ignored(db, owner, crowd):
    with pytest.raises(ValidationError) as exc:
        lists.count(db, owner, "customers", ListState(filters={"shoe_size": 42}))
    assert exc.value.field == "filters"


def test_an_unknown_list_is_refused(db, owner):
    with pytest.raises(ValidationError) as exc:
        lists.fetch_page(db, owner, "spaceships", ListState(), limit=5)
    assert exc.value.field == "list"


# --- the search box -------------------------------------------------------------------------------

def test_search_box_finds_two_character_names_through_the_index(db, db_path, owner, crowd):
    state = ListState(search="王伟")
    rows = _all_pages(db, owner, "customers", state)
    assert sorted(_names(rows)) == ["王伟", "王伟", "王伟伟"]
    assert lists.count(db, owner, "customers", state) == 3
    # The box goes through the search index, not a scan of the table: without documents it finds nothing.
    raw_execute(db_path, "DELETE FROM search_doc WHERE kind = 'customer'")
    assert lists.count(db, owner, "customers", state) == 0


def test_search_box_combines_with_filters_and_sorting(db, owner, crowd):
    state = ListState(search="example", filters={"kind": "company"}, sort="name", descending=True)
    assert _names(_all_pages(db, owner, "customers", state)) == ["Gamma Co", "Beta Corp", "Acme Ltd"]


def test_search_box_of_a_vehicle_list_uses_plates(db, owner, fleet):
    rows = _all_pages(db, owner, "vehicles", ListState(search="A00007"))
    assert [r[0] for r in rows] == [fleet[7]]


def test_search_box_of_a_list_without_an_index_matches_literally(db, owner, actor_for):
    actor_for("salesperson")
    actor_for("technician")

    def names(query: str) -> list[str]:
        return _names(_all_pages(db, owner, "users", ListState(search=query)))

    assert names("U_") == ["u_salesperson", "u_technician"]
    assert names("TECH") == ["u_technician"]
    assert names("%") == []
    assert names("_") == ["u_salesperson", "u_technician"]


# --- export ---------------------------------------------------------------------------------------

def _as_text(row: tuple) -> list[str]:
    # Text a spreadsheet would run as a formula (a phone number's "+") is written with a leading "'".
    formula = ("=", "+", "-", "@")
    return ["" if v is None else f"'{v}" if isinstance(v, str) and v.startswith(formula) else str(v) for v in row]


def test_export_to_csv_writes_the_filtered_sorted_list_with_a_bom_and_column_keys(db, owner, crowd, out):
    state = ListState(filters={"kind": "person", "active": True}, sort="city", descending=True)
    path = out / "customers.csv"
    calls = []
    written = lists.export(db, owner, "customers", state, path, progress=lambda d, t, m: calls.append((d, t)))
    expected = _all_pages(db, owner, "customers", state)
    assert written == len(expected) > 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == [c.key for c in CUSTOMERS.columns]
    assert table[1:] == [_as_text(r[1:]) for r in expected]
    assert calls[-1] == (len(expected), len(expected))
    assert [p.name for p in out.iterdir()] == ["customers.csv"]


def test_export_to_xlsx_can_be_read_back(db, owner, crowd, out):
    state = ListState(search="王伟")
    path = out / "customers.xlsx"
    written = lists.export(db, owner, "customers", state, path)
    expected = _all_pages(db, owner, "customers", state)
    assert written == len(expected) == 3
    wb = load_workbook(path, read_only=True)
    try:
        table = list(wb["customers"].values)
    finally:
        wb.close()
    assert list(table[0]) == [c.key for c in CUSTOMERS.columns]
    assert [[None if v in ("", None) else v for v in row] for row in table[1:]] == [
        [None if v in ("", None) else v for v in r[1:]] for r in expected]


def test_export_of_an_empty_list_writes_only_the_header(db, owner, out):
    path = out / "none.csv"
    assert lists.export(db, owner, "customers", ListState(), path) == 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [[c.key for c in CUSTOMERS.columns]]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_cancelled_export_leaves_no_file(db, owner, crowd, out, suffix):
    token = CancelToken()
    token.cancel()
    path = out / f"customers{suffix}"
    with pytest.raises(Cancelled):
        lists.export(db, owner, "customers", ListState(), path, cancel=token)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("cancel", [True, False])
def test_an_xlsx_export_leaves_no_temporary_files_behind(db, owner, crowd, out, tmp_path, monkeypatch, cancel):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    token = CancelToken()
    if cancel:
        token.cancel()
        with pytest.raises(Cancelled):
            lists.export(db, owner, "customers", ListState(), out / "customers.xlsx", cancel=token)
    else:
        assert lists.export(db, owner, "customers", ListState(), out / "customers.xlsx", cancel=token) == len(crowd)
    assert list(scratch.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ([] if cancel else ["customers.xlsx"])


def test_a_cancelled_export_leaves_an_older_file_of_that_name_alone(db, owner, crowd, out):
    path = out / "customers.csv"
    path.write_text("yesterday's export", encoding="utf-8")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        lists.export(db, owner, "customers", ListState(), path, cancel=token)
    assert path.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in out.iterdir()) == ["customers.csv"]


def test_export_needs_the_export_permission(db, owner, actor_for, fleet, out):
    with pytest.raises(PermissionDenied) as exc:
        lists.export(db, actor_for("technician"), "vehicles", ListState(), out / "v.csv")
    assert exc.value.permission == "data.export"
    assert list(out.iterdir()) == []


def test_export_also_needs_permission_to_see_the_list(db, actor_for, out):
    with pytest.raises(PermissionDenied) as exc:
        lists.export(db, actor_for("salesperson"), "users", ListState(), out / "users.csv")
    assert exc.value.permission == "user.admin"
    assert list(out.iterdir()) == []


def test_export_to_an_unknown_file_type_is_refused(db, owner, out):
    with pytest.raises(ValidationError) as exc:
        lists.export(db, owner, "customers", ListState(), out / "customers.pdf")
    assert exc.value.field == "file"


def test_lists_need_their_view_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        lists.fetch_page(db, actor_for("technician"), "customers", ListState(), limit=5)
    with pytest.raises(PermissionDenied):
        lists.count(db, actor_for("technician"), "audit", ListState())


def test_the_audit_list_shows_newest_entries_first(db, db_path, owner):
    rows = lists.fetch_page(db, owner, "audit", ListState(), limit=3).rows
    newest = [r[0] for r in raw_rows(db_path, "SELECT seq FROM audit_entry ORDER BY seq DESC LIMIT 3")]
    assert [r[0] for r in rows] == newest
    assert rows[0][5] == "login"


@pytest.mark.parametrize("state", [ListState(search="王"), ListState(search="王", sort="created_at", descending=True)])
def test_a_broad_search_walks_the_sort_index_and_returns_the_same_rows(db, owner, crowd, monkeypatch, state):
    narrow = lists.fetch_page(db, owner, "customers", state, limit=1000).rows
    monkeypatch.setattr(lists, "BROAD_MATCHES", 1)
    broad = lists.fetch_page(db, owner, "customers", state, limit=1000).rows
    assert narrow, "the sample crowd should contain names with 王"
    assert broad == narrow
