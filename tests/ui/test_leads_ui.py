"""The leads board through the real widgets: a salesperson records a lead for a new customer, moves it on
with the keyboard and asks for it to be lost; the sales manager confirms the loss. The list, the
dialogs' refusals and My follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import text

from core.actor import Actor
from services import users
from services.sales import leads
from services.sales.leads import LeadInput, TaskInput
from tests.services.sales_samples import showroom
from ui.context import AppContext
from ui.sales.leads import FollowUpsScreen, LeadDialog, LeadsScreen, LostDialog, TaskDoneDialog, TestDriveDialog

SIZE = (1166, 680)


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _activate(qtbot, window) -> None:
    # After a modal dialog the platform gives the window back its activation a moment later; shortcuts need it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _card_ids(screen: LeadsScreen, key: str) -> list[str]:
    cell = screen.board.cells[key]
    return [cell.item(i).data(Qt.ItemDataRole.UserRole).id for i in range(cell.count())]


def test_a_salesperson_records_moves_and_loses_a_lead_and_the_manager_confirms_it(db, owner, qtbot, show, settle,
                                                                                   when_modal, type_text):
    room = showroom(db, owner)
    screen = LeadsScreen(AppContext(db, room.sales))
    screen.resize(*SIZE)
    show(screen)
    settle()
    assert screen.confirm_button.isHidden() and not screen.new_button.isHidden()

    def fill(dialog: LeadDialog) -> None:
        type_text(dialog.customer_name, "李娜")
        qtbot.keyClicks(dialog.phone, "13800138000")
        qtbot.keyClicks(dialog.make, "BYD")
        qtbot.keyClicks(dialog.model, "Han EV")
        qtbot.keyClicks(dialog.budget, "250000")
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    when_modal(LeadDialog, fill)
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle()
    lead_id = _card_ids(screen, "new")[0]
    view = leads.get(db, room.sales, lead_id)
    assert (view.customer_name, view.make, view.model, view.budget, view.salesperson) == (
        "李娜", "BYD", "Han EV", 25_000_000, "ann")
    qtbot.waitUntil(lambda: "李娜" in screen.detail.toPlainText())

    # Ctrl+→ moves the selected card on to the next stage; the card keeps the focus.
    assert screen.board.select(lead_id)
    _activate(qtbot, screen)
    qtbot.keyClick(screen.board.cells["new"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert _card_ids(screen, "contacted") == [lead_id] and _card_ids(screen, "new") == []
    assert screen.board.current_card().id == lead_id
    # ← and → move between the columns, Ctrl+← moves the lead back.
    qtbot.keyClick(screen.board.cells["contacted"], Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert _card_ids(screen, "new") == [lead_id]
    qtbot.keyClick(screen.board.cells["new"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.status == "contacted")

    def lose(dialog: LostDialog) -> None:
        _ok(dialog)
        qtbot.waitUntil(lambda: dialog.errors.labels["lost_code"].isVisible())
        dialog.code.setCurrentIndex(dialog.code.findData("bought_elsewhere"))
        qtbot.keyClicks(dialog.reason, "bought across town")
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    when_modal(LostDialog, lose)
    _activate(qtbot, screen)
    qtbot.keyClick(screen.board.cells["contacted"], Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle()
    assert _card_ids(screen, "lost_pending") == [lead_id] and _card_ids(screen, "contacted") == []
    qtbot.waitUntil(lambda: "Lost — awaiting confirmation" in screen.detail.toPlainText())
    assert not screen.advance_button.isEnabled()
    screen.close()

    manager = LeadsScreen(AppContext(db, room.manager))
    manager.resize(*SIZE)
    show(manager)
    settle()
    assert manager.board.select(lead_id)
    qtbot.waitUntil(lambda: manager.confirm_button.isEnabled())
    qtbot.keyClick(manager.board.cells["lost_pending"], Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle()
    assert leads.get(db, room.manager, lead_id).status == "lost"
    assert _card_ids(manager, "lost_pending") == []
    # Won and lost leads are in the list.
    manager.tabs.setCurrentWidget(manager.list)
    settle()
    assert manager.list.select_id(lead_id)


def test_the_test_drive_dialog_refuses_an_unchecked_licence_beside_the_field(db, owner, qtbot, show, settle,
                                                                             when_modal):
    room = showroom(db, owner)
    lead_id = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id))
    screen = show(LeadsScreen(AppContext(db, room.sales)))
    settle()
    assert screen.board.select(lead_id)
    qtbot.waitUntil(lambda: screen.drive_button.isEnabled())

    def drive(dialog: TestDriveDialog) -> None:
        qtbot.keyClicks(dialog.demo_car, "Han demo")
        qtbot.keyClicks(dialog.licence_number, "D1234")
        dialog.licence_expires.set_value(date.today() + timedelta(days=300))
        _ok(dialog)
        qtbot.waitUntil(lambda: dialog.errors.labels["licence_checked"].isVisible())
        assert leads.get(db, room.sales, lead_id).test_drives == []
        dialog.checked.setChecked(True)
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    when_modal(TestDriveDialog, drive)
    screen.drive_button.click()
    settle()
    assert leads.get(db, room.sales, lead_id).status == "test_drive"
    assert _card_ids(screen, "test_drive") == [lead_id]


def test_my_follow_ups_lists_what_is_due_and_enter_marks_it_done_with_the_next(db, owner, qtbot, show, settle,
                                                                              when_modal):
    room = showroom(db, owner)
    lead_id = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id))
    task_id = leads.add_task(db, room.sales, lead_id, TaskInput(date.today(), "Call back"))
    leads.add_task(db, room.sales, lead_id, TaskInput(date.today() + timedelta(days=4), "Later"))
    with db.read() as conn:
        sales = Actor("ann", "salesperson", users.permissions_for_role(conn, "salesperson"))
    screen = show(FollowUpsScreen(AppContext(db, sales)))
    settle()
    assert screen.list.model.rowCount() == 1
    assert screen.list.select_id(task_id)

    def done(dialog: TaskDoneDialog) -> None:
        qtbot.keyClicks(dialog.outcome, "Coming Saturday")
        dialog.next.setChecked(True)
        qtbot.keyClicks(dialog.next_what, "Confirm the visit")
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    when_modal(TaskDoneDialog, done)
    _activate(qtbot, screen)
    qtbot.keyClick(screen.list.table, Qt.Key.Key_Return)
    settle()
    tasks = leads.get(db, room.sales, lead_id).tasks
    assert [t.what for t in tasks if t.done_at is None] == ["Confirm the visit", "Later"]
    assert screen.list.model.rowCount() == 0


def test_enter_on_a_card_opens_the_lead_and_arrows_cross_columns(db, owner, qtbot, show, settle, when_modal):
    room = showroom(db, owner)
    first = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, make="BYD", model="Seal"))
    second = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, make="BYD", model="Han"))
    leads.move(db, room.sales, second, "quotation")
    screen = show(LeadsScreen(AppContext(db, room.sales)))
    settle()
    assert screen.board.select(first)
    qtbot.keyClick(screen.board.cells["new"], Qt.Key.Key_Right)
    assert screen.board.current_card().id == second and screen.board.cells["quotation"].hasFocus()
    opened = when_modal(LeadDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(screen.board.cells["quotation"], Qt.Key.Key_Return)
    assert opened and opened[0].windowTitle() == "Lead of 王伟" and opened[0].model.text() == "Han"
    # A quotation goes no further by the keyboard: its deal wins it.
    _activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.id == second)
    qtbot.keyClick(screen.board.cells["quotation"], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert "won by its deal" in screen.message.text()
    assert leads.get(db, room.sales, second).status == "quotation"


def test_a_walk_in_who_is_already_a_customer_by_phone_is_offered_before_a_second_record(db, owner, qtbot, show,
                                                                                        settle, type_text):
    from services import customers
    from services.customers import CustomerInput

    room = showroom(db, owner)
    known = customers.create(db, owner, CustomerInput(name="王芳", phone="13712345678"))
    dialog = show(LeadDialog(AppContext(db, room.sales), None))
    type_text(dialog.customer_name, "Wang Fang")
    qtbot.keyClicks(dialog.phone, "137 1234 5678")
    qtbot.keyClicks(dialog.make, "BYD")
    qtbot.keyClick(dialog.make, Qt.Key.Key_Return)
    settle()
    # Not saved: the customer with that phone is shown, and the first Save becomes "Save anyway".
    assert dialog.isVisible() and dialog.duplicates.isVisible()
    assert "王芳" in dialog.duplicates.text() and "same phone" in dialog.duplicates.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Save &anyway"
    # Taking the known customer: the lead is theirs, no second record is made.
    dialog.duplicates.linkActivated.emit(known)
    assert dialog.customer_id == known and not dialog.duplicates.isVisible()
    qtbot.keyClick(dialog.make, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    lead = leads.get(db, owner, dialog.saved_id)
    assert lead.customer_id == known
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM customer WHERE name = 'Wang Fang'")).scalar() == 0
