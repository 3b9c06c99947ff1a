"""The shared list widget on a long list: lazy paging, sorting and filtering in SQL, export."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from services import vehicles
from services.validation import format_phone
from ui.widgets.list_view import ID_ROLE, PAGE_SIZE, FilterSpec, ListView

TOTAL = 5000
HEADERS = {"name": "Name", "kind": "Type", "phone": "Phone", "city": "City", "active": "Active",
           "created_at": "Created"}


@pytest.fixture
def rows(add_customers) -> list[dict]:
    return add_customers(TOTAL)


@pytest.fixture
def make_view(ctx, show, settle):
    def make() -> ListView:
        view = ListView(ctx, "customers", HEADERS, noun_plural="customers", empty_text="No customers yet.",
                        filters=[FilterSpec("kind", "Type", (("person", "Person"), ("company", "Company"))),
                                 FilterSpec("active", "Active")],
                        export_name="customers")
        view.resize(1000, 600)
        show(view)
        view.reload()
        settle()
        return view

    return make


def _ids(view: ListView) -> list[str]:
    return [row[0] for row in view.model.rows]


def _names(view: ListView) -> list[str]:
    col = list(HEADERS).index("name")
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def _in_order(rows: list[dict], key: str, *, descending: bool = False) -> list[str]:
    """Ids in the list's order: by ``key``, ties by insertion order (the list breaks ties by rowid)."""
    numbered = list(enumerate(rows))
    numbered.sort(key=lambda p: (p[1][key], p[0]), reverse=descending)
    return [r["id"] for _i, r in numbered]


def _search(qtbot, settle, view: ListView, text: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, text)
    # The search box waits for a pause in typing before it queries.
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle()


def _header_click(qtbot, view: ListView, key: str) -> None:
    header = view.table.horizontalHeader()
    col = list(HEADERS).index(key)
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_the_model_starts_with_one_page_and_the_count_label_shows_the_total(make_view, rows):
    view = make_view()

    assert view.model.rowCount() == PAGE_SIZE
    assert view.model.canFetchMore(QModelIndex())
    assert view.count_label.text() == f"{TOTAL} row(s)"
    assert view.stack.currentWidget() is view.table


def test_a_list_opens_in_the_order_its_header_shows(make_view, rows):
    view = make_view()
    header = view.table.horizontalHeader()

    assert header.sortIndicatorSection() == list(HEADERS).index("name")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _ids(view) == _in_order(rows, "name")[:PAGE_SIZE]


def test_the_vehicle_list_opens_newest_first(db, owner, ctx, show, settle):
    # Plates chosen so that no other column's order is the newest-first order.
    made = [vehicles.create(db, owner, vehicles.VehicleInput(vin=vin, model="Golf", plate=plate))
            for vin, plate in (("WVWZZZ1J0XW000001", "沪A10001"), ("WVWZZZ1J2XW000002", "沪A30003"),
                               ("WVWZZZ1J4XW000003", "沪A20002"))]
    view = show(ListView(ctx, "vehicles", {"plate": "Plate", "vin": "VIN", "created_at": "Created"},
                         noun_plural="vehicles", empty_text="-"))
    view.reload()
    settle()
    header = view.table.horizontalHeader()

    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _ids(view) == made[::-1]


def test_scrolling_to_the_bottom_loads_every_row_once_in_order(make_view, rows):
    view = make_view()
    pages = 1
    while view.model.canFetchMore(QModelIndex()):
        before = view.model.rowCount()
        view.table.scrollToBottom()
        QApplication.processEvents()
        assert view.model.rowCount() in (before, before + PAGE_SIZE), "loads a page at a time"
        pages += view.model.rowCount() > before
        assert pages <= TOTAL // PAGE_SIZE + 1

    assert view.model.rowCount() == TOTAL
    assert pages == TOTAL // PAGE_SIZE
    assert _ids(view) == _in_order(rows, "name")


def test_rapid_reloads_while_counts_run_in_the_background_keep_working(settle, make_view, rows):
    view = make_view()

    for _ in range(50):
        view.reload()
    settle()

    assert _ids(view) == _in_order(rows, "name")[:PAGE_SIZE]
    assert view.count_label.text() == f"{TOTAL} row(s)"


def test_fetch_more_appends_the_next_page(make_view, rows):
    view = make_view()
    expected = _in_order(rows, "name")

    view.model.fetchMore(QModelIndex())
    view.model.fetchMore(QModelIndex())

    assert _ids(view) == expected[:3 * PAGE_SIZE]
    assert view.model.index(2 * PAGE_SIZE, 0).data(ID_ROLE) == expected[2 * PAGE_SIZE]


def test_clicking_a_header_sorts_in_sql(qtbot, settle, make_view, rows):
    view = make_view()
    assert _ids(view) == _in_order(rows, "name")[:PAGE_SIZE]

    _header_click(qtbot, view, "name")
    settle()
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _ids(view) == _in_order(rows, "name", descending=True)[:PAGE_SIZE]
    assert view.model.rowCount() == PAGE_SIZE

    _header_click(qtbot, view, "city")
    settle()
    assert _ids(view) == _in_order(rows, "city")[:PAGE_SIZE]
    assert _names(view)[0] == next(r["name"] for r in rows if r["id"] == _in_order(rows, "city")[0])


def test_a_column_that_cannot_be_sorted_keeps_the_order_and_the_indicator(qtbot, settle, make_view, rows):
    view = make_view()
    before = _ids(view)

    _header_click(qtbot, view, "active")
    settle()

    assert _ids(view) == before
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == list(HEADERS).index("name")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_typing_in_the_search_box_filters_after_a_pause(qtbot, settle, type_text, make_view, rows):
    view = make_view()
    # Every 50th customer has the two-character surname 欧阳.
    wanted = {r["id"] for r in rows if "欧阳" in r["name"]}
    assert 0 < len(wanted) < PAGE_SIZE

    type_text(view.search, "欧阳")

    assert view.model.rowCount() == PAGE_SIZE, "nothing happens while the user may still be typing"
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle()

    assert set(_ids(view)) == wanted
    assert view.count_label.text() == f"{len(wanted)} row(s)"


def test_searching_by_phone_digits(qtbot, settle, make_view, rows):
    view = make_view()
    target = rows[1234]

    _search(qtbot, settle, view, target["phone"][-8:])

    assert _ids(view) == [target["id"]]
    assert view.count_label.text() == "1 row(s)"


def test_a_filter_combo_narrows_the_list(qtbot, settle, make_view, rows):
    view = make_view()
    companies = [r for r in rows if r["kind"] == "company"]
    combo = view.filter_widgets["kind"]

    combo.setCurrentIndex(combo.findData("company"))
    settle()

    assert view.count_label.text() == f"{len(companies)} row(s)"
    assert _ids(view) == _in_order(companies, "name")[:PAGE_SIZE]
    kind_col = list(HEADERS).index("kind")
    assert {view.model.index(r, kind_col).data() for r in range(view.model.rowCount())} == {"company"}

    active = view.filter_widgets["active"]
    active.setCurrentIndex(active.findData(False))
    settle()

    inactive_companies = [r for r in companies if not r["active"]]
    assert view.count_label.text() == f"{len(inactive_companies)} row(s)"
    assert set(_ids(view)) == {r["id"] for r in inactive_companies}


def test_a_search_that_matches_nothing_shows_the_empty_state(qtbot, settle, make_view, rows):
    view = make_view()

    _search(qtbot, settle, view, "nobody-by-this-name")

    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty
    assert view.empty.text() == "Nothing matches your search and filters."
    assert view.count_label.text() == "0 row(s)"

    view.search.clear()
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle()
    assert view.stack.currentWidget() is view.table
    assert view.model.rowCount() == PAGE_SIZE


def test_an_empty_list_says_how_to_start(make_view):
    view = make_view()

    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty
    assert view.empty.text() == "No customers yet."


def test_the_model_passes_the_model_tester_with_rows(qtmodeltester, make_view, rows):
    view = make_view()
    view.model.fetchMore(QModelIndex())

    qtmodeltester.check(view.model, force_py=True)


def test_the_model_passes_the_model_tester_when_empty(qtmodeltester, qtbot, settle, make_view, rows):
    view = make_view()
    _search(qtbot, settle, view, "nobody-by-this-name")

    qtmodeltester.check(view.model, force_py=True)


def test_the_model_passes_the_model_tester_on_an_empty_table(qtmodeltester, make_view):
    qtmodeltester.check(make_view().model, force_py=True)


def test_ctrl_e_exports_all_filtered_rows_to_csv_under_the_headers_shown(qtbot, settle, make_view, rows, save_as):
    view = make_view()
    combo = view.filter_widgets["kind"]
    combo.setCurrentIndex(combo.findData("company"))
    settle()
    path = save_as("companies.csv")

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle()

    companies = [r for r in rows if r["kind"] == "company"]
    assert view.exported == (path, len(companies))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(HEADERS.values())
    assert len(table) == 1 + len(companies)
    name_col = table[0].index("Name")
    assert [line[name_col] for line in table[1:]] == [r["name"] for r in _sorted_rows(companies, "name")]
    assert {line[table[0].index("Type")] for line in table[1:]} == {"company"}


def _sorted_rows(rows: list[dict], key: str) -> list[dict]:
    return [r for _i, r in sorted(enumerate(rows), key=lambda p: (p[1][key], p[0]))]


def test_the_export_button_writes_the_rows_in_the_sort_order_shown(qtbot, settle, make_view, rows, save_as):
    view = make_view()
    _header_click(qtbot, view, "name")
    settle()
    path = save_as("all.csv")

    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    settle()

    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert len(table) == 1 + TOTAL
    phone_col = table[0].index("Phone")
    by_id = {r["id"]: r for r in rows}
    shown = {i: format_phone(r["phone"], view.ctx.settings.country) for i, r in by_id.items()}
    # The phone as the screen shows it; a leading "+" would make a spreadsheet read it as a formula:
    # the csv has it after a "'".
    assert [line[phone_col] for line in table[1:]] == [
        f"'{shown[i]}" if shown[i].startswith("+") else shown[i] for i in _in_order(rows, "name", descending=True)]


def test_cancelling_the_save_dialog_exports_nothing(qtbot, settle, make_view, rows, monkeypatch, tmp_path):
    view = make_view()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))

    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    settle()

    assert not hasattr(view, "exported")
    assert list(tmp_path.glob("*.csv")) == []


def test_users_without_export_permission_see_no_export_button(ctx_for, show, settle):
    view = ListView(ctx_for("read_only"), "customers", HEADERS, noun_plural="customers", empty_text="-")
    show(view)
    settle()

    assert not view.export_button.isVisible()
