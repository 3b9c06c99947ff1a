"""The customers screen and editor, driven through the main window; permissions and unexpected
errors as the user meets them."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from services import customers, lists, users
from ui import errors
from ui.context import AppContext
from ui.customers.editor import CustomerDialog
from ui.customers.screen import CustomersScreen
from ui.login import LoginDialog
from ui.main_window import MainWindow


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _customer_count(db, owner) -> int:
    return lists.count(db, owner, "customers", lists.ListState())


def _row_of(screen: CustomersScreen, customer_id: str) -> int:
    return next(i for i, row in enumerate(screen.list.model.rows) if row[0] == customer_id)


def _name_at(screen: CustomersScreen, row: int) -> str:
    return screen.list.model.index(row, 0).data()


@pytest.fixture
def screen(window) -> CustomersScreen:
    page = window.show_page("customers")
    assert isinstance(page, CustomersScreen)
    return page


def test_new_customer_shows_errors_beside_the_fields_and_saves_when_valid(
        qtbot, db, owner, screen, settle, when_modal, type_text, messages):
    def fill_in(dialog: CustomerDialog) -> None:
        assert dialog.windowTitle() == "New customer"
        _save(qtbot, dialog)
        settle()
        assert dialog.isVisible()
        assert dialog.errors.labels["name"].isVisible()
        assert dialog.errors.labels["name"].text() == "A customer name is required"
        assert dialog.name.property("invalid") is True
        assert _customer_count(db, owner) == 0

        type_text(dialog.name, "王伟")
        qtbot.keyClicks(dialog.phone, "12345")
        _save(qtbot, dialog)
        settle()
        assert dialog.isVisible()
        assert not dialog.errors.labels["name"].isVisible()
        assert dialog.errors.labels["phone"].isVisible()
        assert "not a valid phone number" in dialog.errors.labels["phone"].text()
        assert dialog.phone.hasFocus()
        assert _customer_count(db, owner) == 0

        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "138 1234 5678")
        _save(qtbot, dialog)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(CustomerDialog, fill_in)
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle()

    assert handled, "Ctrl+N opened the editor"
    assert messages.shown == []
    assert _customer_count(db, owner) == 1
    new_id = screen.list.model.rows[0][0]
    assert customers.get(db, owner, new_id).data.phone == "+8613812345678"
    assert _name_at(screen, 0) == "王伟"
    assert screen.list.selected_id() == new_id
    assert screen.current_id == new_id
    assert "王伟" in screen.detail.toPlainText()
    assert screen.list.count_label.text() == "1 row(s)"


def test_cancelling_a_new_customer_writes_nothing(qtbot, db, owner, screen, settle, when_modal, type_text):
    def type_then_cancel(dialog: CustomerDialog) -> None:
        type_text(dialog.name, "李娜")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    handled = when_modal(CustomerDialog, type_then_cancel)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled
    assert _customer_count(db, owner) == 0
    assert screen.list.stack.currentWidget() is screen.list.empty


def test_enter_on_a_row_edits_it_and_the_row_refreshes_in_place(
        qtbot, db, owner, ctx, show, settle, when_modal, type_text, select_row):
    ids = {name: customers.create(db, owner, customers.CustomerInput(name=name, phone=phone))
           for name, phone in (("王伟", "13812345678"), ("李娜", "13987654321"), ("张敏", "13700001111"))}
    window = show(MainWindow(ctx))
    settle()
    screen = window.stack.currentWidget()
    row = _row_of(screen, ids["李娜"])
    select_row(screen, ids["李娜"])
    assert "李娜" in screen.detail.toPlainText()
    resets = []
    screen.list.model.modelReset.connect(lambda: resets.append(True))

    def rename(dialog: CustomerDialog) -> None:
        assert dialog.windowTitle() == "Edit customer"
        assert dialog.name.text() == "李娜"
        dialog.name.selectAll()
        type_text(dialog.name, "李娜娜")
        _save(qtbot, dialog)
        settle()

    handled = when_modal(CustomerDialog, rename)
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_Return)
    settle()

    assert handled
    assert customers.get(db, owner, ids["李娜"]).data.name == "李娜娜"
    assert _name_at(screen, row) == "李娜娜"
    assert screen.list.selected_id() == ids["李娜"]
    assert screen.list.table.currentIndex().row() == row
    assert resets == [], "the list was not reloaded"
    assert "李娜娜" in screen.detail.toPlainText()


def test_f2_edits_the_current_row(qtbot, db, owner, ctx, show, settle, when_modal):
    cid = customers.create(db, owner, customers.CustomerInput(name="Acme Motors Ltd", kind="company"))
    window = show(MainWindow(ctx))
    settle()
    screen = window.stack.currentWidget()
    screen.list.select_id(cid)
    assert screen.edit_button.isEnabled()
    seen = []

    handled = when_modal(CustomerDialog, lambda d: seen.append((d.customer_id, d.kind.currentData())))
    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_F2)
    settle()

    assert handled
    assert seen == [(cid, "company")]


def test_delete_asks_first_and_removes_the_row(qtbot, db, owner, ctx, show, settle, messages):
    keep = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    gone = customers.create(db, owner, customers.CustomerInput(name="李娜"))
    window = show(MainWindow(ctx))
    settle()
    screen = window.stack.currentWidget()
    screen.list.select_id(gone)

    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert _customer_count(db, owner) == 2

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    settle()

    assert messages.kinds() == ["question", "question"]
    assert [row[0] for row in screen.list.model.rows] == [keep]


def test_delete_and_edit_follow_the_selection_and_a_search_that_finds_nothing_disables_them(
        qtbot, db, owner, ctx, show, settle, type_text):
    wang = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    window = show(MainWindow(ctx))
    settle()
    screen = window.stack.currentWidget()
    screen.list.select_id(wang)
    settle()
    assert screen.delete_button.isEnabled() and screen.edit_button.isEnabled()
    type_text(screen.list.search, "nobody by this name")
    settle()
    qtbot.waitUntil(lambda: screen.list.model.rowCount() == 0)
    settle()
    assert not screen.delete_button.isEnabled() and not screen.edit_button.isEnabled()
    assert screen.delete_button in screen.selection_buttons


# --- permissions --------------------------------------------------------------------------------

def test_a_read_only_user_sees_no_new_or_edit_buttons(db, owner, ctx_for, show, settle, select_row):
    cid = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    window = show(MainWindow(ctx_for("read_only")))
    settle()
    screen = window.stack.currentWidget()
    select_row(screen, cid)

    assert isinstance(screen, CustomersScreen)
    assert not screen.new_button.isVisible()
    assert not screen.edit_button.isVisible()
    assert not hasattr(screen, "delete_button")
    assert not screen.list.export_button.isVisible()
    assert "王伟" in screen.detail.toPlainText()


def test_enter_on_a_row_does_not_open_the_editor_for_a_read_only_user(
        qtbot, db, owner, ctx_for, show, settle, when_modal):
    cid = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    window = show(MainWindow(ctx_for("read_only")))
    settle()
    screen = window.stack.currentWidget()
    screen.list.select_id(cid)
    handled = when_modal(CustomerDialog, lambda d: None)

    screen.list.table.setFocus()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_Return)
    qtbot.keyClick(screen.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)

    assert handled == []


def test_the_service_refuses_a_save_the_user_may_not_make(qtbot, db, owner, ctx_for, show, settle, type_text,
                                                          messages):
    dialog = show(CustomerDialog(ctx_for("read_only")))
    type_text(dialog.name, "王伟")

    _save(qtbot, dialog)
    settle()

    assert [(m.kind, m.title) for m in messages.shown] == [("warning", "Not allowed")]
    assert "Create and edit customers" in messages.shown[0].text and "customer.edit" not in messages.shown[0].text
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    assert _customer_count(db, owner) == 0


def test_a_role_change_shows_at_the_next_login(qtbot, db, owner, actor_for, show, settle):
    salesperson = actor_for("salesperson")
    before = show(MainWindow(AppContext(db, salesperson)))
    settle()
    assert before.stack.currentWidget().new_button.isVisible()
    before.close()

    role = next(r for r in users.list_roles(db, owner) if r.code == "salesperson")
    users.save_role(db, owner, code="salesperson", name=role.name, permissions=role.permissions - {"customer.edit"})
    login = show(LoginDialog(db))
    qtbot.keyClicks(login.username, "u_salesperson")
    qtbot.keyClicks(login.password, "password-123")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    after = show(MainWindow(AppContext(db, login.actor)))
    settle()

    assert not login.actor.can("customer.edit")
    assert not after.stack.currentWidget().new_button.isVisible()


# --- unexpected errors --------------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_message_is_logged_and_the_app_goes_on(
        db, owner, window, screen, settle, messages, monkeypatch, caplog):
    first = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    second = customers.create(db, owner, customers.CustomerInput(name="李娜"))
    screen.list.reload()
    settle()
    monkeypatch.setattr(sys, "excepthook", errors._excepthook)
    real_get = customers.get

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(customers, "get", broken)
    with caplog.at_level(logging.ERROR, logger="forecourt.ui"):
        screen.list.select_id(first)
        settle()

    assert [m.kind for m in messages.shown] == ["box"]
    assert messages.shown[0].title == "Something went wrong"
    assert "RuntimeError: disk on fire" in messages.shown[0].text
    assert any("Unexpected error" in r.getMessage() and "disk on fire" in r.getMessage() for r in caplog.records)

    monkeypatch.setattr(customers, "get", real_get)
    screen.list.select_id(second)
    settle()

    assert window.isVisible()
    assert screen.current_id == second
    assert "李娜" in screen.detail.toPlainText()


def test_an_error_in_background_work_shows_a_message_and_keeps_the_dialog(
        qtbot, db, owner, ctx, show, settle, type_text, messages, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("worker crashed")

    monkeypatch.setattr(customers, "create", broken)
    dialog = show(CustomerDialog(ctx))
    type_text(dialog.name, "王伟")

    with caplog.at_level(logging.ERROR, logger="forecourt.ui"):
        _save(qtbot, dialog)
        settle()

    assert [m.kind for m in messages.shown] == ["box"]
    assert "RuntimeError: worker crashed" in messages.shown[0].text
    assert any("worker crashed" in r.getMessage() for r in caplog.records)
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    assert dialog.name.text() == "王伟"


def test_the_excepthook_survives_a_failing_error_dialog(messages, monkeypatch, caplog):
    def broken_dialog(parent, exc):
        raise RuntimeError("no dialog today")

    monkeypatch.setattr(errors, "show_error", broken_dialog)
    try:
        raise ValueError("original problem")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="forecourt.ui"):
            errors._excepthook(ValueError, exc, exc.__traceback__)

    text = "\n".join(r.getMessage() for r in caplog.records) + "\n".join(
        str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    assert "original problem" in text
    assert "no dialog today" in text
