"""The main window (navigation, shortcuts, status bar) and the global search dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from core.actor import Actor
from services import customers, search, vehicles
from ui.admin.labels import role_name
from ui.context import AppContext
from ui.customers.screen import CustomersScreen
from ui.main_window import PAGE_ROLE, MainWindow
from ui.progress import ProgressDialog
from ui.search_dialog import HIT_ROLE, GlobalSearchDialog
from ui.vehicles.screen import VehiclesScreen

GOOD_VIN = "LSVAM4187C2184847"


def _nav_labels(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text().strip() for i in range(window.nav.count())
            if window.nav.item(i).data(PAGE_ROLE)]


def _nav_headers(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text().lstrip("▾▸ ") for i in range(window.nav.count())
            if not window.nav.item(i).data(PAGE_ROLE)]


@pytest.fixture
def people(db, owner) -> dict[str, str]:
    """王伟 (with a car 沪A·12345) and 李娜, made through the services."""
    wang = customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678", city="上海"))
    li = customers.create(db, owner, customers.CustomerInput(name="李娜", phone="13987654321", city="苏州"))
    car = vehicles.create(db, owner, vehicles.VehicleInput(vin=GOOD_VIN, model="Lavida", plate="沪A·12345",
                                                           owner_id=wang))
    return {"wang": wang, "li": li, "car": car}


def test_emitting_a_signal_does_not_lose_a_reference_to_true():
    """PySide6 6.12.0 dropped a reference to True on every emit(); on Python 3.11 the process then
    aborts ("bool_dealloc") once enough signals have been sent."""

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    emitter.fired.emit()  # the first emit may cache a reference of its own
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.fired.emit()

    assert sys.getrefcount(True) >= before


# --- main window --------------------------------------------------------------------------------

def test_owner_sees_every_page(ctx, show, settle):
    window = show(MainWindow(ctx))
    settle()

    assert _nav_labels(window) == ["Customers", "Duplicate customers", "Vehicles", "Stock vehicles",
                                   "Vehicle catalogue", "Leads", "My follow-ups", "Deals", "Approvals",
                                   "Finance & insurance", "Trade-ins", "Sales targets", "Invoices", "Cash desk",
                                   "Receivables", "Rebates & claims", "Margins", "Accounting export", "Parts",
                                   "Purchase orders", "Suppliers",
                                   "Stock alerts", "Stock counts", "Repair orders", "Reception", "Calendar",
                                   "Foreman board", "Technician clock", "Technician time", "Vehicle history",
                                   "Surveys", "Labour operations",
                                   "Users", "Roles",
                                   "Audit trail", "Settings"]
    assert _nav_headers(window) == ["SALES", "SHOWROOM", "BILLING", "PARTS", "WORKSHOP", "ADMIN"]
    assert isinstance(window.stack.currentWidget(), CustomersScreen)


def test_technician_sees_only_vehicles_and_no_admin(ctx_for, show, settle):
    window = show(MainWindow(ctx_for("technician")))
    settle()

    assert _nav_labels(window) == ["Vehicles", "Parts", "Stock alerts", "Repair orders", "Calendar", "Foreman board",
                                   "Technician clock", "Vehicle history", "Labour operations"]
    assert "ADMIN" not in _nav_headers(window)
    assert isinstance(window.stack.currentWidget(), VehiclesScreen)
    assert window.show_page("customers") is None
    assert "customers" not in window.screens


def test_a_role_without_screens_gets_an_explanation(db, owner, show, settle):
    nobody = Actor(username="guest", role="guest", terminal="T1")
    window = show(MainWindow(AppContext(db, nobody)))
    settle()

    assert _nav_labels(window) == []
    assert "no screens" in window.stack.currentWidget().text()


def test_ctrl_1_and_ctrl_2_switch_pages(ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert isinstance(window.stack.currentWidget(), VehiclesScreen)
    assert window.nav.currentItem().text().strip() == "Vehicles"

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert isinstance(window.stack.currentWidget(), CustomersScreen)
    assert window.nav.currentItem().text().strip() == "Customers"


def test_clicking_the_navigation_switches_pages_and_keeps_each_screen(ctx, show, settle):
    window = show(MainWindow(ctx))
    customers_screen = window.stack.currentWidget()

    window.nav.setCurrentRow(_row_of(window, "vehicles"))
    settle()
    assert isinstance(window.stack.currentWidget(), VehiclesScreen)

    window.nav.setCurrentRow(_row_of(window, "customers"))
    settle()
    assert window.stack.currentWidget() is customers_screen


def _row_of(window: MainWindow, key: str) -> int:
    return next(i for i in range(window.nav.count()) if window.nav.item(i).data(PAGE_ROLE) == key)


def test_opening_a_screen_keeps_the_main_window_active(ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))

    for key in ("vehicles", "customers"):
        window.show_page(key)
        qtbot.wait(50)
        assert QApplication.activeWindow() is window, f"opening {key} took the focus away"
    settle()


def test_a_progress_dialog_does_not_take_the_focus_away(ctx, qtbot, show):
    window = show(MainWindow(ctx))

    dialog = ProgressDialog(window, "Exporting")
    qtbot.addWidget(dialog)
    qtbot.wait(50)

    assert QApplication.activeWindow() is window


def test_status_bar_shows_the_user_and_the_terminal(ctx, show, settle):
    window = show(MainWindow(ctx))
    settle()

    assert window.user_label.text() == f"User: Olivia Owner ({role_name('owner')})"
    assert window.terminal_label.text() == f"Terminal: {ctx.actor.terminal}"
    assert ctx.actor.terminal
    assert window.db_label.text() == ctx.db.path.name


def test_ctrl_k_opens_global_search_and_shows_the_chosen_record(ctx, qtbot, show, settle, people, monkeypatch):
    window = show(MainWindow(ctx))
    settle()
    asked = []

    def ask(ctx_, parent=None, **kwargs):
        asked.append(parent)
        return search.Hit("vehicle", people["car"], "沪A12345", "")

    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(lambda cls, *a, **k: ask(*a, **k)))
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert asked == [window]
    screen = window.stack.currentWidget()
    assert isinstance(screen, VehiclesScreen)
    assert screen.current_id == people["car"]
    assert screen.list.selected_id() == people["car"]
    assert GOOD_VIN in screen.detail.toPlainText()


def test_typing_in_global_search_and_pressing_enter_opens_the_customer(ctx, qtbot, show, settle, people,
                                                                       when_modal, type_text):
    window = show(MainWindow(ctx))
    window.show_page("vehicles")
    settle()

    def type_and_enter(dialog: GlobalSearchDialog) -> None:
        type_text(dialog.query, "王伟")
        qtbot.waitUntil(lambda: dialog.results.count() > 0)
        settle()
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    handled = when_modal(GlobalSearchDialog, type_and_enter)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert handled
    screen = window.stack.currentWidget()
    assert isinstance(screen, CustomersScreen)
    assert screen.current_id == people["wang"]
    assert screen.list.selected_id() == people["wang"]
    assert "王伟" in screen.detail.toPlainText()


# --- global search dialog -----------------------------------------------------------------------

def _search(qtbot, settle, type_text, dialog: GlobalSearchDialog, text: str) -> list[search.Hit]:
    dialog.query.clear()
    settle()
    type_text(dialog.query, text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive())
    settle()
    return [dialog.results.item(i).data(HIT_ROLE) for i in range(dialog.results.count())]


@pytest.fixture
def search_dialog(ctx, show) -> GlobalSearchDialog:
    return show(GlobalSearchDialog(ctx))


def test_a_two_character_chinese_name_finds_that_customer_only(qtbot, settle, type_text, search_dialog, people):
    hits = _search(qtbot, settle, type_text, search_dialog, "王伟")

    titles = [h.title for h in hits if h.kind == "customer"]
    assert titles == ["王伟"]
    assert "李娜" not in titles
    assert search_dialog.results.currentRow() == 0
    assert f"{len(hits)} result" in search_dialog.status.text()


def test_a_single_surname_character_finds_the_customer(qtbot, settle, type_text, search_dialog, people):
    hits = _search(qtbot, settle, type_text, search_dialog, "李")

    assert [h.ref_id for h in hits if h.kind == "customer"] == [people["li"]]


def test_a_plate_fragment_finds_the_vehicle(qtbot, settle, type_text, search_dialog, people):
    hits = _search(qtbot, settle, type_text, search_dialog, "a123")

    assert [(h.kind, h.ref_id) for h in hits] == [("vehicle", people["car"])]
    assert "Vehicle" in search_dialog.results.item(0).text()


def test_the_last_four_digits_of_a_phone_find_the_customer(qtbot, settle, type_text, search_dialog, people):
    hits = _search(qtbot, settle, type_text, search_dialog, "5678")

    assert [(h.kind, h.ref_id) for h in hits] == [("customer", people["wang"])]


def test_a_query_that_matches_nothing_says_so(qtbot, settle, type_text, search_dialog, people):
    hits = _search(qtbot, settle, type_text, search_dialog, "赵六")

    assert hits == []
    assert search_dialog.status.text() == "Nothing found."


def test_arrow_keys_move_through_results_and_enter_chooses(qtbot, settle, type_text, search_dialog, db, owner, people):
    customers.create(db, owner, customers.CustomerInput(name="王伟东", phone="13700001111"))
    hits = _search(qtbot, settle, type_text, search_dialog, "王伟")
    assert len(hits) >= 2

    qtbot.keyClick(search_dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(search_dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(search_dialog.query, Qt.Key.Key_Up)
    assert search_dialog.results.currentRow() == 1
    qtbot.keyClick(search_dialog.query, Qt.Key.Key_Return)

    assert search_dialog.result() == GlobalSearchDialog.DialogCode.Accepted
    assert search_dialog.chosen == hits[1]


def test_search_limited_to_customers_leaves_out_vehicles(ctx, qtbot, settle, type_text, show, people):
    dialog = show(GlobalSearchDialog(ctx, kinds=("customer",)))

    hits = _search(qtbot, settle, type_text, dialog, "王伟")

    assert {h.kind for h in hits} == {"customer"}


def test_closing_the_app_writes_a_backup_behind_a_progress_dialog(db, qtbot):
    from app import gui
    from core.paths import backup_dir_for

    gui._backup_on_close(db)
    written = sorted(p.name for p in backup_dir_for(db.path).glob("forecourt-*-close.db"))
    assert len(written) == 1


@pytest.fixture(params=["plain", "styled"])
def nav_style(request) -> str:
    """The tests' plain widgets, and the program's own style sheet (taller rows) as it runs."""
    if request.param == "styled":
        request.getfixturevalue("app_style")
    return request.param


def test_sections_fold_to_fit_a_short_screen_and_open_on_a_click(db, owner, show, settle, nav_style):
    """On a screen too short for every page (768 px in Chinese; 440 px here) the sections other than
    the current page's fold to their headers, every header stays on screen, and a click on a folded header shows
    its pages (folding another if need be); a shortcut into a folded section opens it too."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = show(MainWindow(AppContext(db, owner)))
    window.resize(1366, 440)
    settle()
    nav = window.nav
    items = [nav.item(i) for i in range(nav.count())]
    headers = [it for it in items if it.data(PAGE_ROLE) is None]
    visible = [it for it in items if not it.isHidden()]
    assert all(nav.viewport().rect().contains(nav.visualItemRect(it)) for it in visible)
    folded = [h for h in headers if h.text().startswith("▸")]
    assert folded, "with every area on a 440 px screen some section must fold"
    assert not nav.currentItem().isHidden() and nav.currentItem().data(PAGE_ROLE) == "customers"

    workshop = next(h for h in headers if h.text().endswith("WORKSHOP"))
    if workshop.text().startswith("▸"):
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(workshop).center())
        settle()
    assert workshop.text().startswith("▾")
    board = next(it for it in items if it.data(PAGE_ROLE) == "foreman_board")
    assert not board.isHidden()
    assert all(nav.viewport().rect().contains(nav.visualItemRect(it)) for it in items if not it.isHidden())

    # A page's shortcut into a folded section unfolds it.
    admin = next(h for h in headers if h.text().endswith("ADMIN"))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(admin).center())
    settle()
    if admin.text().startswith("▾"):
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(admin).center())
        settle()
    assert admin.text().startswith("▸")
    window.show_page("settings")
    settle()
    assert admin.text().startswith("▾") and not nav.currentItem().isHidden()



def _inside(widget, page) -> bool:
    return widget is not None and (widget is page or page.isAncestorOf(widget))


def _active(qtbot, window) -> None:
    # Some pages build combo box popups when first shown, and the offscreen platform (having no
    # window manager) then leaves no window active; a real desktop gives the activation back.
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_arrows_in_the_navigation_show_each_page_and_keep_the_focus_enter_or_tab_go_into_it(
        ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))
    settle()
    window.nav.setFocus()
    window.nav.setCurrentRow(_row_of(window, "customers"))
    settle()
    shown = []
    for _ in range(6):
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        settle()
        _active(qtbot, window)
        assert QApplication.focusWidget() is window.nav, "an arrow in the navigation must keep the focus there"
        shown.append(window.nav.currentItem().data(PAGE_ROLE))
        assert window.stack.currentWidget() is window.screens[shown[-1]]
    assert len(set(shown)) == 6  # the folded section headers are passed over

    qtbot.keyClick(window.nav, Qt.Key.Key_Return)
    assert _inside(QApplication.focusWidget(), window.stack.currentWidget())

    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    settle()
    assert QApplication.focusWidget() is window.nav
    qtbot.keyClick(window.nav, Qt.Key.Key_Tab)
    assert _inside(QApplication.focusWidget(), window.stack.currentWidget())


def test_every_page_takes_the_focus_when_entered_from_the_navigation(ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))
    settle()
    for page in window.pages:
        window.nav.setFocus()
        window.nav.setCurrentRow(_row_of(window, page.key))
        settle()
        _active(qtbot, window)
        assert QApplication.focusWidget() is window.nav, page.key
        qtbot.keyClick(window.nav, Qt.Key.Key_Return)
        settle()
        assert _inside(QApplication.focusWidget(), window.screens[page.key]), page.key


def test_ctrl_9_and_ctrl_0_open_deals_and_approvals_with_the_focus_in_them(ctx, qtbot, show, settle):
    from ui.sales.approvals import ApprovalsScreen
    from ui.sales.deals import DealsScreen

    window = show(MainWindow(ctx))
    settle()
    window.nav.setFocus()
    for key, screen in ((Qt.Key.Key_9, DealsScreen), (Qt.Key.Key_0, ApprovalsScreen)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        settle()
        _active(qtbot, window)
        assert isinstance(window.stack.currentWidget(), screen)
        assert _inside(QApplication.focusWidget(), window.stack.currentWidget())


def test_page_shortcuts_are_unique_and_clash_with_no_other_shortcut_of_the_window(ctx, show, settle):
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from ui.main_window import _pages

    keys = [QKeySequence(p.shortcut).toString() for p in _pages() if p.shortcut]
    assert len(keys) == len(set(keys)), keys
    window = show(MainWindow(ctx))
    settle()
    for key in window.pages:
        window.show_page(key.key, focus=False)
    settle()
    page_keys = set(keys)
    others = [s.key().toString() for s in window.findChildren(QShortcut) if s not in window._page_shortcuts]
    others += [k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()]
    assert page_keys.isdisjoint(others), page_keys & set(others)


def test_asked_to_choose_a_record_the_search_says_enter_takes_it_not_opens_it(qtbot, settle, type_text, ctx, show,
                                                                                people):
    chooser = show(GlobalSearchDialog(ctx, kinds=("customer",)))
    chooser.choosing = True  # as GlobalSearchDialog.ask makes it
    _search(qtbot, settle, type_text, chooser, "王伟")
    assert "Enter takes the one marked" in chooser.status.text() and "opens" not in chooser.status.text()


def test_home_and_end_in_the_navigation_go_to_the_first_and_last_page(ctx, qtbot, show, settle):
    window = show(MainWindow(ctx))
    settle()
    window.nav.setFocus()
    window.nav.setCurrentRow(_row_of(window, "customers"))
    settle()
    pages = [i for i in range(window.nav.count()) if window.nav.item(i).data(PAGE_ROLE)
             and not window.nav.item(i).isHidden()]
    qtbot.keyClick(window.nav, Qt.Key.Key_End)
    settle()
    assert window.nav.currentRow() == pages[-1]
    qtbot.keyClick(window.nav, Qt.Key.Key_Home)
    settle()
    assert window.nav.currentRow() == pages[0]
    assert window.stack.currentWidget() is window.screens[window.nav.currentItem().data(PAGE_ROLE)]
