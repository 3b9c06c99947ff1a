"""The vehicles screen and editor: VIN checks shown beside the field, decoding, choosing the owner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from services import customers, lists, search, vehicles
from services.validation import vin_check_digit
from ui.customers.screen import CustomersScreen
from ui.main_window import MainWindow
from ui.search_dialog import GlobalSearchDialog
from ui.vehicles.editor import VehicleDialog
from ui.vehicles.screen import VehiclesScreen

GOOD_VIN = "LSVAM4187C2184847"  # SAIC Volkswagen, China: the check digit is mandatory
BAD_VIN = "LSVAM4181C2184847"  # the same VIN with a wrong check digit
EUROPEAN_VIN_BAD_CHECK = "WVWZZZ1J1XW000001"  # only a warning outside North America and China


def test_the_vins_used_here_are_what_they_claim():
    assert vin_check_digit(GOOD_VIN) == GOOD_VIN[8]
    assert vin_check_digit(BAD_VIN) != BAD_VIN[8]
    assert vin_check_digit(EUROPEAN_VIN_BAD_CHECK) != EUROPEAN_VIN_BAD_CHECK[8]


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _enter_vin(qtbot, dialog: VehicleDialog, vin: str) -> None:
    dialog.vin.setFocus()
    dialog.vin.selectAll()
    qtbot.keyClicks(dialog.vin, vin)
    # Leaving the field decodes the VIN.
    qtbot.keyClick(dialog.vin, Qt.Key.Key_Tab)


def _vehicle_count(db, owner) -> int:
    return lists.count(db, owner, "vehicles", lists.ListState())


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


@pytest.fixture
def window(ctx, show, settle) -> MainWindow:
    win = show(MainWindow(ctx))
    win.show_page("vehicles")
    settle()
    return win


def test_new_vehicle_checks_the_vin_decodes_it_and_saves_with_the_chosen_owner(
        qtbot, db, owner, wang, window, settle, when_modal, type_text, messages, monkeypatch):
    screen = window.stack.currentWidget()
    assert isinstance(screen, VehiclesScreen)
    chooser_calls = []

    def choose(cls, ctx, parent=None, *, kinds=None, title=None):
        chooser_calls.append(kinds)
        return search.Hit("customer", wang, "王伟", "")

    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(choose))

    def fill_in(dialog: VehicleDialog) -> None:
        assert dialog.windowTitle() == "New vehicle"
        _enter_vin(qtbot, dialog, BAD_VIN)
        assert "check digit" in dialog.vin_info.text()
        qtbot.keyClicks(dialog.model, "Lavida")
        _save(qtbot, dialog)
        settle()
        assert dialog.isVisible()
        assert dialog.errors.labels["vin"].isVisible()
        assert "check digit (9th character)" in dialog.errors.labels["vin"].text()
        assert "should be 7" in dialog.errors.labels["vin"].text()
        assert _vehicle_count(db, owner) == 0

        dialog.make.clear()
        _enter_vin(qtbot, dialog, GOOD_VIN)
        assert "SAIC Volkswagen" in dialog.vin_info.text()
        assert "China" in dialog.vin_info.text()
        assert dialog.make.text() == "SAIC Volkswagen"
        type_text(dialog.plate, "沪A·12345")
        chooser = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Choose…")
        qtbot.mouseClick(chooser, Qt.MouseButton.LeftButton)
        assert dialog.owner.text() == "王伟"
        _save(qtbot, dialog)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(VehicleDialog, fill_in)
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert handled
    assert messages.shown == []
    assert chooser_calls == [("customer",)]
    assert _vehicle_count(db, owner) == 1
    new_id = screen.list.model.rows[0][0]
    saved = vehicles.get(db, owner, new_id).data
    assert (saved.vin, saved.make, saved.model, saved.plate, saved.owner_id) == (
        GOOD_VIN, "SAIC Volkswagen", "Lavida", "沪A12345", wang)
    assert screen.list.selected_id() == new_id
    assert screen.list.model.index(0, 0).data() == "沪A12345"
    detail = screen.detail.toPlainText()
    assert GOOD_VIN in detail
    assert "王伟" in detail

    customers_screen = window.show_page("customers")
    with qtbot.waitSignal(customers_screen.detail_shown, check_params_cb=lambda shown: shown == wang):
        window.open_record("customer", wang)
    assert isinstance(customers_screen, CustomersScreen)
    assert customers_screen.current_id == wang
    assert "沪A12345" in customers_screen.detail.toPlainText()
    assert GOOD_VIN in customers_screen.detail.toPlainText()


def test_a_european_vin_with_a_wrong_check_digit_is_accepted_with_a_warning(
        qtbot, db, owner, ctx, show, settle, messages):
    dialog = show(VehicleDialog(ctx))
    _enter_vin(qtbot, dialog, EUROPEAN_VIN_BAD_CHECK)
    qtbot.keyClicks(dialog.model, "Golf")

    assert "Volkswagen" in dialog.vin_info.text()
    assert "accepted" in dialog.vin_info.text()

    _save(qtbot, dialog)
    settle()

    assert messages.shown == []
    assert dialog.saved_id is not None
    assert vehicles.get(db, owner, dialog.saved_id).data.vin == EUROPEAN_VIN_BAD_CHECK


def test_a_vin_of_the_wrong_length_is_explained_beside_the_field(qtbot, db, owner, ctx, show, settle):
    dialog = show(VehicleDialog(ctx))
    _enter_vin(qtbot, dialog, "LSVAM4187C218")
    qtbot.keyClicks(dialog.model, "Lavida")

    _save(qtbot, dialog)
    settle()

    assert "17 characters" in dialog.errors.labels["vin"].text()
    assert dialog.errors.labels["vin"].isVisible()
    assert _vehicle_count(db, owner) == 0


def test_a_duplicate_plate_is_shown_beside_the_plate(qtbot, db, owner, ctx, show, settle, type_text):
    vehicles.create(db, owner, vehicles.VehicleInput(vin=GOOD_VIN, model="Lavida", plate="沪A12345"))
    dialog = show(VehicleDialog(ctx))
    _enter_vin(qtbot, dialog, EUROPEAN_VIN_BAD_CHECK)
    qtbot.keyClicks(dialog.model, "Golf")
    type_text(dialog.plate, "沪A 12345")

    _save(qtbot, dialog)
    settle()

    assert dialog.errors.labels["plate"].isVisible()
    assert GOOD_VIN in dialog.errors.labels["plate"].text()
    assert _vehicle_count(db, owner) == 1


def test_editing_a_vehicle_loads_it_and_clearing_the_owner_saves(
        qtbot, db, owner, wang, ctx, show, settle):
    vid = vehicles.create(db, owner, vehicles.VehicleInput(vin=GOOD_VIN, model="Lavida", plate="沪A12345",
                                                           owner_id=wang, model_year=2012))
    dialog = show(VehicleDialog(ctx, vid))

    assert dialog.windowTitle() == "Edit vehicle"
    assert dialog.vin.text() == GOOD_VIN
    assert dialog.owner.text() == "王伟"
    assert dialog.model_year.value() == 2012
    assert "SAIC Volkswagen" in dialog.vin_info.text()

    clear = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Clear")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    _save(qtbot, dialog)
    settle()

    assert dialog.saved_id == vid
    assert vehicles.get(db, owner, vid).data.owner_id is None


def test_the_owner_link_in_the_detail_opens_the_customer(db, owner, wang, window, settle):
    vid = vehicles.create(db, owner, vehicles.VehicleInput(vin=GOOD_VIN, model="Lavida", plate="沪A12345",
                                                           owner_id=wang))
    screen = window.stack.currentWidget()
    screen.list.reload()
    settle()
    screen.list.select_id(vid)

    screen.detail.anchorClicked.emit(QUrl(f"customer:{wang}"))
    settle()

    page = window.stack.currentWidget()
    assert isinstance(page, CustomersScreen)
    assert page.current_id == wang


def test_a_technician_can_look_at_vehicles_but_not_add_them(db, owner, ctx_for, show, settle):
    vehicles.create(db, owner, vehicles.VehicleInput(vin=GOOD_VIN, model="Lavida", plate="沪A12345"))
    window = show(MainWindow(ctx_for("technician")))
    settle()
    screen = window.stack.currentWidget()

    assert isinstance(screen, VehiclesScreen)
    assert screen.list.model.rowCount() == 1
    assert not screen.new_button.isVisible()
    assert not screen.edit_button.isVisible()
