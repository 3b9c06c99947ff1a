"""The list widget's window of rows read by key: selecting a row that is not loaded, loading the rows
above a moved window, and bringing the window up to date after changes made elsewhere while the
selection and the rows on screen stay where they were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from services import customers, lists
from tests.services.samples import raw_execute
from ui.widgets.list_view import PAGE_SIZE, LazyListModel, ListView

TOTAL = 5000
HEADERS = {"name": "Name", "kind": "Type", "phone": "Phone", "city": "City", "created_at": "Created"}


@pytest.fixture
def rows(add_customers) -> list[dict]:
    return add_customers(TOTAL)


@pytest.fixture
def make_view(ctx, show, settle):
    def make(**state) -> ListView:
        view = ListView(ctx, "customers", HEADERS, noun_plural="customers", empty_text="No customers yet.")
        view.resize(900, 500)
        show(view)
        view.reload()
        settle()
        return view

    return make


def _order(db, owner, state: lists.ListState | None = None) -> list[str]:
    """Every id of the list in its order, read in one go."""
    return [r[0] for r in lists.fetch_page(db, owner, "customers", state or lists.ListState(), limit=10**6).rows]


def _ids(view: ListView) -> list[str]:
    return [row[0] for row in view.model.rows]


def _top_id(view: ListView) -> str | None:
    return view.model.row_id(view.table.rowAt(0))


def _visible(view: ListView, row_id: str) -> bool:
    i = view.model.position(row_id)
    return i is not None and view.table.viewport().rect().intersects(view.table.visualRect(view.model.index(i, 0)))


def _moved_to_row(view: ListView, order: list[str], at: int, settle) -> None:
    """Select the row at position ``at`` of the list, which moves the window there."""
    assert view.select_id(order[at])
    settle()


# --- selecting a row that is not loaded -----------------------------------------------------------

def test_selecting_a_row_far_down_moves_the_window_there_without_loading_the_rows_before_it(
        qtbot, db, owner, settle, make_view, rows):
    view = make_view()
    order = _order(db, owner)
    target = order[4321]

    with qtbot.waitSignal(view.current_changed, check_params_cb=lambda row_id: row_id == target):
        assert view.select_id(target)
    settle()

    assert view.selected_id() == target
    assert _visible(view, target)
    assert view.model.rowCount() <= PAGE_SIZE + PAGE_SIZE // 2 + PAGE_SIZE, "only the rows around it"
    start = order.index(view.model.rows[0][0])
    assert _ids(view) == order[start:start + view.model.rowCount()], "a window of consecutive rows"
    assert 0 < start < 4321
    assert view.model.can_fetch_before() and view.model.canFetchMore(QModelIndex())


def test_a_row_the_filters_leave_out_is_not_selected(settle, make_view, rows):
    view = make_view()
    view.set_fixed_filter("kind", "person")
    settle()
    before = _ids(view)

    assert not view.select_id(next(r["id"] for r in rows if r["kind"] == "company"))
    assert _ids(view) == before


def test_opening_a_search_result_deep_in_the_customer_list_selects_it(db, owner, settle, window, rows):
    deep = _order(db, owner)[4900]

    window.open_record("customer", deep)
    settle()

    screen = window.stack.currentWidget()
    assert screen.list.selected_id() == deep
    assert screen.current_id == deep
    assert next(r["name"] for r in rows if r["id"] == deep) in screen.detail.toPlainText()
    assert screen.list.model.rowCount() < 3 * PAGE_SIZE


def test_opening_a_record_the_search_and_filter_hide_shows_exactly_that_record(db, owner, settle, window, rows, qtbot):
    company = next(r for r in rows if r["kind"] == "company")
    screen = window.show_page("customers")
    settle()
    kind = screen.list.filter_widgets["kind"]
    kind.setCurrentIndex(kind.findData("person"))
    qtbot.keyClicks(screen.list.search, "nobody by this name")
    screen.list.reload()
    settle()

    window.open_record("customer", company["id"])
    settle()

    assert screen.list.selected_id() == company["id"] == screen.current_id
    qtbot.waitUntil(lambda: company["name"] in screen.detail.toPlainText())
    assert screen.list.search.text() == "" and kind.currentData() is None


# --- the rows above a moved window ----------------------------------------------------------------

def test_scrolling_to_the_top_of_a_moved_window_loads_the_rows_above_and_keeps_the_view_still(
        db, owner, settle, make_view, rows):
    view = make_view()
    order = _order(db, owner)
    _moved_to_row(view, order, 3000, settle)
    first = view.model.rows[0][0]
    loaded = view.model.rowCount()

    view.table.verticalScrollBar().setValue(0)
    settle()

    assert view.model.rowCount() == loaded + PAGE_SIZE
    assert _top_id(view) == first, "the row that was on top stays on top"
    start = order.index(view.model.rows[0][0])
    assert _ids(view) == order[start:start + view.model.rowCount()]
    assert view.selected_id() == order[3000]

    for _ in range(TOTAL // PAGE_SIZE):
        if not view.model.can_fetch_before():
            break
        view.table.verticalScrollBar().setValue(0)
        settle()
    assert not view.model.can_fetch_before()
    assert _ids(view) == order[:view.model.rowCount()], "up to the very first row, none skipped or twice"


def test_up_on_the_first_row_of_a_moved_window_moves_into_the_rows_above(qtbot, db, owner, settle, make_view, rows):
    view = make_view()
    order = _order(db, owner)
    _moved_to_row(view, order, 2500, settle)
    first = view.model.rows[0][0]
    view.table.setFocus()
    view.table.selectRow(0)
    settle()

    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    settle()

    assert view.selected_id() == order[order.index(first) - 1]
    assert _visible(view, view.selected_id())
    assert not view.search.hasFocus()


# --- changes made elsewhere -----------------------------------------------------------------------

def test_a_changed_row_is_reread_in_place_keeping_selection_and_scroll(qtbot, db_path, settle, make_view, rows):
    view = make_view()
    view.model.fetchMore(QModelIndex())
    view.table.scrollTo(view.model.index(250, 0), view.table.ScrollHint.PositionAtTop)
    view.select_id(view.model.row_id(260))
    settle()
    scrolled, selected = view.table.verticalScrollBar().value(), view.selected_id()
    changed = view.model.row_id(255)
    raw_execute(db_path, "UPDATE customer SET phone = '+8613999999999' WHERE id = ?", (changed,))

    with qtbot.assertNotEmitted(view.model.modelReset), qtbot.assertNotEmitted(view.current_changed):
        view.apply_changes(frozenset({changed, "not-a-customer"}))
    settle()

    phone = [c.key for c in lists.source("customers").columns].index("phone") + 1
    assert view.model.rows[255][0] == changed and view.model.rows[255][phone] == "+8613999999999"
    assert "9999" in view.model.index(255, list(HEADERS).index("phone")).data()
    assert view.selected_id() == selected
    assert view.table.verticalScrollBar().value() == scrolled


def test_rows_inserted_and_deleted_elsewhere_keep_the_selection_and_the_rows_on_screen(
        qtbot, db, db_path, owner, settle, make_view, rows, add_customers):
    view = make_view()
    order = _order(db, owner)
    _moved_to_row(view, order, 3000, settle)
    top, selected = _top_id(view), view.selected_id()
    first, last = view.model.rows[0][0], view.model.rows[-1][0]
    above_top = order[order.index(top) - 5:order.index(top)]
    raw_execute(db_path, f"DELETE FROM customer WHERE id IN ({', '.join('?' * 5)})", tuple(above_top))
    added = add_customers(300)  # the same names again: ties in among the loaded rows and beyond them

    with qtbot.assertNotEmitted(view.model.modelReset), qtbot.assertNotEmitted(view.current_changed):
        view.apply_changes(None)
    settle()

    assert view.selected_id() == selected
    assert _top_id(view) == top
    now = _order(db, owner)
    assert _ids(view) == now[now.index(first):now.index(last) + 1], "the window from its first row to its last"
    assert not set(above_top) & set(_ids(view))
    assert {r["id"] for r in added} & set(_ids(view))
    assert view.count_label.text() == f"{TOTAL - 5 + 300} row(s)"


def test_a_view_at_the_top_of_the_list_stays_there_and_shows_rows_arriving_at_its_head(
        qtbot, db, owner, settle, make_view, rows):
    view = make_view()
    selected = view.model.row_id(2)
    view.select_id(selected)
    settle()
    first = customers.create(db, owner, customers.CustomerInput(name="Aaron Able"))

    view.apply_changes(frozenset({first}))
    settle()

    assert _top_id(view) == first
    assert view.table.verticalScrollBar().value() == 0
    assert view.selected_id() == selected and view.model.position(selected) == 3
    assert view.count_label.text() == f"{TOTAL + 1} row(s)"


def test_a_selected_row_that_moves_stays_selected(qtbot, db, db_path, owner, settle, make_view, rows):
    view = make_view()
    view.model.fetchMore(QModelIndex())
    selected = view.model.row_id(30)
    view.select_id(selected)
    settle()
    new_name = view.model.rows[300][1]  # moves it down among the rows loaded later
    raw_execute(db_path, "UPDATE customer SET name = ? WHERE id = ?", (new_name, selected))

    view.apply_changes(frozenset({selected}))
    settle()

    assert view.selected_id() == selected
    assert view.model.position(selected) > 30
    assert _ids(view) == _order(db, owner)[:view.model.rowCount()]


def test_a_selected_row_that_leaves_the_list_hands_the_selection_to_the_row_in_its_place(
        qtbot, db_path, settle, make_view, rows):
    """Approved, merged or deleted elsewhere: the next row is selected (and its detail shown), so the
    next key acts on it; the focus stays in the table."""
    view = make_view()
    selected, following = view.model.row_id(10), view.model.row_id(11)
    view.select_id(selected)
    view.table.setFocus()
    settle()
    raw_execute(db_path, "DELETE FROM customer WHERE id = ?", (selected,))

    with qtbot.waitSignal(view.current_changed, check_params_cb=lambda row_id: row_id == following):
        view.apply_changes(frozenset({selected}))
    settle()

    assert view.selected_id() == following
    assert view.table.currentIndex().row() == 10
    assert view.table.hasFocus()
    assert selected not in _ids(view)
    assert view.model.rowCount() == PAGE_SIZE - 1, "the window still ends at its old last row"


def test_rows_inserted_while_scrolling_are_neither_skipped_nor_repeated_at_the_page_boundary(
        db, owner, settle, make_view, rows, add_customers):
    view = make_view()
    first_page = _ids(view)
    add_customers(500)  # the same names again: some sort above the boundary, some tie with it, most below

    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())

    now = _order(db, owner)
    assert _ids(view) == first_page + now[now.index(first_page[-1]) + 1:]
    assert len(_ids(view)) == len(set(_ids(view)))


def test_the_model_passes_the_model_tester_through_moves_prepends_and_merges(
        qtmodeltester, ctx, db, db_path, owner, rows, add_customers):
    model = LazyListModel(ctx, "customers", HEADERS)
    model.reload()
    # Checked now and again on every signal the model sends while it changes below.
    qtmodeltester.check(model, force_py=True)
    order = _order(db, owner)

    assert model.locate(order[3500]) is not None
    assert model.fetch_before() == PAGE_SIZE
    model.fetchMore(QModelIndex())
    raw_execute(db_path, "DELETE FROM customer WHERE id IN (?, ?)", (model.row_id(3), model.row_id(250)))
    add_customers(200)
    assert model.apply_changes(None)
    raw_execute(db_path, "UPDATE customer SET phone = '+8613999999999' WHERE id = ?", (model.row_id(7),))
    assert not model.apply_changes(frozenset({model.row_id(7)}))
    assert model.rows[7][3] == "+8613999999999"
