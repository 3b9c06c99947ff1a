"""The vehicle history screen, handing a car over and entering a survey answer, through the real
widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QUrl
from PySide6.QtGui import Qt

from services.workshop import handover, orders, surveys
from services.workshop.handover import HandoverInput
from tests.services.samples import raw_rows
from tests.services.workshop_samples import ON, invoiced, shop
from ui.main_window import MainWindow
from ui.workshop.handover import HandoverDialog
from ui.workshop.history import VehicleHistoryScreen
from ui.workshop.surveys import SurveyDialog, SurveysScreen, TaskDoneDialog


def test_the_history_screen_finds_a_car_by_plate_from_the_keyboard_and_shows_every_visit(
        qtbot, db, owner, ctx, show, settle, type_text):
    s = shop(db, owner)
    first, first_number = invoiced(db, owner, s, mileage=12_000)
    handover.hand_over(db, owner, first, HandoverInput(mileage_out=12_030), on=ON)
    _second, second_number = invoiced(db, owner, s, mileage=18_500, on=date(2026, 6, 1))
    shop(db, owner, n=2)

    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("vehicle_history")
    settle()
    assert isinstance(page, VehicleHistoryScreen)
    assert page.list.search.hasFocus()
    type_text(page.list.search, "沪A00001")
    settle()
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: second_number in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert text.index(second_number) < text.index(first_number)  # newest first
    assert "12,000 km in, 12,030 km out" in text and "18,500 km" in text
    assert "2027-03-02 or 22,030 km" in text  # the next service due, set at the handover
    assert "Replace front brake pads" in text and "0986-BP-1 · Brake pads" in text and "1.5 h" in text

    # From a vehicle's details in the vehicles screen, one link away.
    vehicles_page = window.show_page("vehicles")
    settle()
    assert vehicles_page.list.select_id(s.vehicle_id)
    qtbot.waitUntil(lambda: "Service history" in vehicles_page.detail.toPlainText())
    vehicles_page.detail.anchorClicked.emit(QUrl(f"vehicle-history:{s.vehicle_id}"))
    settle()
    assert window.stack.currentWidget() is page and page.current_id == s.vehicle_id


def test_handing_over_from_the_repair_orders_screen_records_the_mileage_out(
        qtbot, db, db_path, owner, ctx, show, settle, when_modal):
    s = shop(db, owner)
    ro_id, _number = invoiced(db, owner, s, mileage=12_000)
    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("repair_orders")
    settle()
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: page.handover_button.isEnabled())
    seen = {}

    def hand_over(dialog: HandoverDialog) -> None:
        dialog.mileage_out.selectAll()
        qtbot.keyClicks(dialog.mileage_out, "11999")
        qtbot.keyClick(dialog.mileage_out, Qt.Key.Key_Return)  # lower than the mileage in: refused beside it
        qtbot.waitUntil(lambda: dialog.errors.labels["mileage_out"].isVisible())
        seen["error"] = dialog.errors.labels["mileage_out"].text()
        dialog.mileage_out.selectAll()
        qtbot.keyClicks(dialog.mileage_out, "12045")
        seen["next_km"] = dialog.next_km.value()
        qtbot.keyClick(dialog.mileage_out, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    handled = when_modal(HandoverDialog, hand_over)
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle()
    assert handled
    assert "lower than the mileage in" in seen["error"] and seen["next_km"] == 22_045
    assert orders.get(db, owner, ro_id).status == "closed"
    assert raw_rows(db_path, "SELECT mileage_out, next_service_km FROM repair_order WHERE id = ?", (ro_id,)) == [
        (12_045, 22_045)]
    qtbot.waitUntil(lambda: not page.handover_button.isEnabled())
    # The job card says so too.
    qtbot.waitUntil(lambda: "Mileage out" in page.detail.toPlainText())
    assert "12,045 km" in page.detail.toPlainText() and "22,045 km" in page.detail.toPlainText()


def test_entering_a_low_score_lists_its_follow_up_task_on_the_survey_screen(
        qtbot, db, db_path, owner, ctx, show, settle, when_modal, type_text):
    s = shop(db, owner)
    ro_id, number = invoiced(db, owner, s, mileage=12_000)
    survey_id = handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_000), on=ON)
    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("surveys")
    settle()
    assert isinstance(page, SurveysScreen)
    assert page.list.model.rowCount() == 1 and page.tasks.model.rowCount() == 0
    assert page.list.select_id(survey_id)
    qtbot.waitUntil(lambda: page.answer_button.isEnabled())
    seen = {}

    def answer(dialog: SurveyDialog) -> None:
        qtbot.keyClick(dialog.comments, Qt.Key.Key_Return)  # no score yet: refused beside the score
        qtbot.waitUntil(lambda: dialog.errors.labels["score"].isVisible())
        seen["error"] = dialog.errors.labels["score"].text()
        dialog.score.setFocus()
        dialog.score.selectAll()
        qtbot.keyClicks(dialog.score, "3")
        type_text(dialog.comments, "交车晚了")
        seen["score"] = dialog.score.value()
        qtbot.keyClick(dialog.comments, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    handled = when_modal(SurveyDialog, answer)
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    settle()
    assert handled and "0 to 10" in seen["error"] and seen["score"] == 3
    assert raw_rows(db_path, "SELECT score, comments, channel FROM survey") == [(3, "交车晚了", "phone")]
    # The due list no longer shows it; the follow-up task and the results do.
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 0 and page.tasks.model.rowCount() == 1)
    # The advisor by the name people call them, not the login.
    qtbot.waitUntil(lambda: "Olivia Owner" in page.results.toPlainText() and "3.0" in page.results.toPlainText())
    (task,) = surveys.follow_up_tasks(db, owner)
    assert task.repair_order_number == number and task.assignee == "owner"

    def done(dialog: TaskDoneDialog) -> None:
        qtbot.keyClicks(dialog.outcome, "Called back, apologised")
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    page.tasks.table.setFocus()
    page.tasks.table.selectRow(0)
    handled = when_modal(TaskDoneDialog, done)
    qtbot.keyClick(page.tasks.table, Qt.Key.Key_Return)
    settle()
    assert handled
    qtbot.waitUntil(lambda: page.tasks.model.rowCount() == 0)
    assert surveys.follow_up_tasks(db, owner) == []
