"""The workshop calendar driven through its real widgets: book a car in from the keyboard, see the
booked hours against capacity, move the booking a day and half an hour (never beyond its day's
working hours), overbook a move with a reason, cancel it with a reason; refusals shown in full."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime

from services import search, users
from services.workshop import appointments, catalogue
from services.workshop.appointments import ResourceInput, ShiftInput
from services.workshop.catalogue import OperationInput
from tests.services.workshop_samples import shop
from ui.main_window import MainWindow
from ui.search_dialog import GlobalSearchDialog
from ui.workshop.calendar import BookingDialog, CalendarScreen, CancelDialog, OverbookDialog

EVERY_DAY = [ShiftInput(d, 8 * 60, 17 * 60, 60) for d in range(7)]  # 8 h, so any day of the test works


@pytest.fixture
def workshop(db, owner):
    s = shop(db, owner)
    users.create_user(db, owner, username="li", display_name="Li Lei", role="technician", password="secret-pass-1")
    li = appointments.set_resource(db, owner, ResourceInput("technician", "li", 100, EVERY_DAY))
    bay = appointments.set_resource(db, owner, ResourceInput("bay", "B1", 100, EVERY_DAY))
    catalogue.create_operation(db, owner, OperationInput("BRK-01", "Front brake pads", "Brakes", 120))
    return s, li, bay


def _cell(page: CalendarScreen, resource_id: str | None, day: date) -> str:
    rows = page.rows()
    row = next(i for i, r in enumerate(rows) if (r.id if r else None) == resource_id)
    return page.grid.item(row, page.days().index(day)).text()


def test_booking_from_the_keyboard_and_moving_it_on_the_calendar(qtbot, db, owner, ctx, show, settle, when_modal,
                                                                 type_text, monkeypatch, workshop):
    s, li, bay = workshop
    hits = {"customer": search.Hit("customer", s.customer_id, "Wang Fang 1", ""),
            "vehicle": search.Hit("vehicle", s.vehicle_id, "沪A00001", "Volkswagen Lavida")}
    monkeypatch.setattr(GlobalSearchDialog, "ask",
                        classmethod(lambda cls, ctx, parent=None, *, kinds=None, title=None: hits[kinds[0]]))
    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("workshop_calendar")
    settle()
    assert isinstance(page, CalendarScreen)
    tomorrow = date.today() + timedelta(days=1)
    page.grid.setFocus()
    # Down to the technician Li, right to tomorrow.
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    settle()
    assert page.day == tomorrow and page.selected_resource().id == li
    assert _cell(page, li, tomorrow) == "0 of 8 h"

    def fill_in(dialog: BookingDialog) -> None:
        assert dialog.technician.currentData() == "li"  # the row the booking was made from
        qtbot.mouseClick(dialog.choose_customer, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.choose_vehicle, Qt.MouseButton.LeftButton)
        dialog.time.setTime(QTime(10, 0))
        type_text(dialog.work, "刹车异响")
        qtbot.keyClicks(dialog.operations, "brk-01")
        dialog.bay.setCurrentIndex(dialog.bay.findData(bay))
        qtbot.keyClick(dialog.parts, Qt.Key.Key_Return)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(BookingDialog, fill_in)
    qtbot.keyClick(page.grid, Qt.Key.Key_N)
    settle()
    assert handled
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 1)
    assert _cell(page, li, tomorrow) == "1.2 of 8 h\n1 booked"
    assert page.bookings.item(0, 0).text() == "10:00–11:15"
    assert page.bookings.item(0, 3).text() == "刹车异响"
    [booked] = appointments.calendar(db, owner, tomorrow, 1).appointments
    assert (booked.starts_at, booked.booked_hours, booked.technician, booked.bay_id) == (
        datetime.combine(tomorrow, time(10)), 120, "li", bay)

    # Ctrl+→ moves the booking a day later and the calendar follows it; Ctrl+↓ half an hour later.
    page.bookings.setFocus()
    qtbot.keyClick(page.bookings, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    later = tomorrow + timedelta(days=1)
    qtbot.waitUntil(lambda: page.day == later and page.bookings.rowCount() == 1)
    qtbot.keyClick(page.bookings, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    settle()
    moved = appointments.get(db, owner, booked.id)
    assert moved.starts_at == datetime.combine(later, time(10, 30))
    qtbot.waitUntil(lambda: page.bookings.item(0, 0).text() == "10:30–11:45")
    assert _cell(page, li, later) == "1.2 of 8 h\n1 booked"
    qtbot.keyClick(page.grid, Qt.Key.Key_Left)
    settle()
    assert _cell(page, li, tomorrow) == "0 of 8 h" and page.bookings.rowCount() == 0

    # Delete asks why, then cancels.
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    settle()
    page.bookings.setFocus()
    page.bookings.selectRow(0)

    def give_reason(dialog: CancelDialog) -> None:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.error.isVisible()  # a reason is required
        qtbot.keyClicks(dialog.reason, "Customer rebooked")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    asked = when_modal(CancelDialog, give_reason)
    qtbot.keyClick(page.bookings, Qt.Key.Key_Delete)
    settle()
    assert asked
    cancelled = appointments.get(db, owner, booked.id)
    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "Customer rebooked")
    qtbot.waitUntil(lambda: page.bookings.item(0, 8).text() == "Cancelled")
    assert _cell(page, li, later) == "0 of 8 h"


def test_a_booking_beyond_capacity_shows_the_refusal_beside_the_time(qtbot, db, owner, ctx, show, settle, workshop):
    s, _li, _bay = workshop
    tomorrow = date.today() + timedelta(days=1)
    appointments.book(db, owner, appointments.AppointmentInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=datetime.combine(tomorrow, time(8)),
        requested_work="Engine", booked_hours=750, technician="li"))
    resources = appointments.resources(db, owner)
    dialog = show(BookingDialog(ctx, resources, start=datetime.combine(tomorrow, time(14))))
    dialog.customer_id, dialog.vehicle_id = s.customer_id, s.vehicle_id
    dialog.work.setText("Wipers")
    dialog.hours.setText("1")
    dialog.technician.setCurrentIndex(dialog.technician.findData("li"))
    dialog.save()
    settle()
    assert dialog.isVisible() and dialog.errors.labels["starts_at"].isVisible()
    assert "beyond capacity" in dialog.errors.labels["starts_at"].text()
    dialog.overbook.setText("Regular customer")
    dialog.save()
    settle()
    assert not dialog.isVisible()
    assert appointments.get(db, owner, dialog.saved_id).overbooked_reason == "Regular customer"


def test_day_view_and_a_car_arriving_from_the_calendar_opens_its_repair_order(qtbot, db, owner, ctx, show, settle,
                                                                              monkeypatch, workshop):
    from PySide6.QtWidgets import QInputDialog

    from services.workshop import orders

    s, _li, _bay = workshop
    tomorrow = date.today() + timedelta(days=1)
    booked = appointments.book(db, owner, appointments.AppointmentInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=datetime.combine(tomorrow, time(9)),
        operation_codes=["BRK-01"], technician="li"))
    page = show(CalendarScreen(ctx))
    settle()
    page.view_choice.setCurrentIndex(page.view_choice.findData("day"))
    settle()
    assert page.grid.columnCount() == 1 and page.day == date.today()
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    settle()
    assert page.days() == [tomorrow] and page.bookings.rowCount() == 1
    page.group_choice.setCurrentIndex(page.group_choice.findData("bay"))
    assert [page.grid.verticalHeaderItem(r).text() for r in range(page.grid.rowCount())] == ["Workshop", "B1"]
    assert page.grid.item(0, 0).text() == "1.2 of 8 h\n1 booked"
    assert page.grid.item(1, 0).text() == "0 of 8 h"  # booked on no bay
    asked = []
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(
        lambda *args, **kw: asked.append(args[2]) or (12_345, True)))
    page.bookings.selectRow(0)
    qtbot.mouseClick(page.arrived_button, Qt.MouseButton.LeftButton)
    settle()
    assert asked and "沪A00001" in asked[0]
    view = appointments.get(db, owner, booked)
    assert view.status == "arrived"
    ro = orders.get(db, owner, view.repair_order_id)
    assert ro.mileage_in == 12_345 and ro.jobs[0].labour[0].operation_code == "BRK-01"
    qtbot.waitUntil(lambda: page.bookings.item(0, 8).text() == "Arrived")
    assert not page.arrived_button.isEnabled() and not page.cancel_button.isEnabled()


def test_setting_up_an_apprentice_at_half_availability_shows_half_the_hours(qtbot, db, owner, ctx, show, settle,
                                                                            when_modal, workshop):
    from ui.workshop.calendar import ResourceDialog

    users.create_user(db, owner, username="chen", display_name="Chen Jie", role="technician",
                      password="secret-pass-1")
    page = show(CalendarScreen(ctx))
    settle()
    monday = date.today() - timedelta(days=date.today().weekday())

    def fill_in(dialog: ResourceDialog) -> None:
        assert dialog.kind.currentData() == "technician"
        qtbot.keyClicks(dialog.name, "nobody")
        dialog.availability.setValue(50)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
        settle()
        assert dialog.isVisible() and "nobody" in dialog.errors.labels["name"].text()
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "chen")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(ResourceDialog, fill_in)
    page.grid.setCurrentCell(0, 0)  # the workshop's row: a new technician
    qtbot.mouseClick(page.hours_button, Qt.MouseButton.LeftButton)
    settle()
    assert handled
    # 08:30–17:30 less an hour's break, Monday to Friday, at 50 %.
    qtbot.waitUntil(lambda: "Chen Jie" in [page.grid.verticalHeaderItem(r).text()
                                           for r in range(page.grid.rowCount())])
    assert _cell(page, next(r.id for r in page.rows() if r and r.name == "chen"), monday) == "0 of 4 h"
    assert _cell(page, None, monday) == "0 of 12 h"


def _book(db, owner, s, day: date, hour: int, hours: int, minute: int = 0) -> str:
    return appointments.book(db, owner, appointments.AppointmentInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=datetime.combine(day, time(hour, minute)),
        requested_work="Service", booked_hours=hours, technician="li"))


def _on_day(qtbot, page: CalendarScreen, settle, day: date) -> None:
    page.set_day(day)
    settle()
    qtbot.waitUntil(lambda: page.bookings.rowCount() == 1)
    page.bookings.setFocus()
    page.bookings.selectRow(0)


def test_half_hour_moves_stop_at_the_edges_of_the_working_day_and_say_so(qtbot, db, owner, ctx, show, settle,
                                                                         messages, workshop):
    s, _li, _bay = workshop
    tomorrow = date.today() + timedelta(days=1)
    booked = _book(db, owner, s, tomorrow, 8, 100)
    page = show(CalendarScreen(ctx))
    settle()
    _on_day(qtbot, page, settle, tomorrow)
    for _ in range(20):  # never into the night before
        qtbot.keyClick(page.bookings, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        settle()
    assert appointments.get(db, owner, booked).starts_at == datetime.combine(tomorrow, time(8))
    assert page.day == tomorrow and _cell(page, None, date.today()).startswith("0 of 8 h")
    assert page.notice.isVisible() and "08:00" in page.notice.text() and "Ctrl+←" in page.notice.text()
    assert not messages.shown
    for _ in range(20):  # never past the end of the shift (17:00), nor into the next day
        qtbot.keyClick(page.bookings, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        settle()
        qtbot.waitUntil(lambda: page.bookings.rowCount() == 1)
        page.bookings.selectRow(0)
    assert appointments.get(db, owner, booked).starts_at == datetime.combine(tomorrow, time(16))
    assert page.notice.isVisible() and "17:00" in page.notice.text() and "Ctrl+→" in page.notice.text()
    qtbot.keyClick(page.bookings, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert appointments.get(db, owner, booked).starts_at == datetime.combine(tomorrow, time(15, 30))
    assert not page.notice.isVisible() and not messages.shown


def test_a_keyboard_move_into_a_full_day_asks_the_foreman_why_and_tells_an_advisor_to_ask_him(
        qtbot, db, owner, ctx_for, show, settle, when_modal, messages, workshop):
    s, _li, _bay = workshop
    tomorrow = date.today() + timedelta(days=1)
    later = tomorrow + timedelta(days=1)
    moving = _book(db, owner, s, tomorrow, 9, 100)
    _book(db, owner, s, later, 8, 750)  # Li is nearly full the day after

    advisor = show(CalendarScreen(ctx_for("service_advisor")))
    settle()
    _on_day(qtbot, advisor, settle, tomorrow)
    qtbot.keyClick(advisor.bookings, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    [refusal] = messages.shown
    assert f"Li Lei is booked 7.5 h of 8 h on {later:%Y-%m-%d}" in refusal.text
    assert "ask the foreman" in refusal.text and "overbook" not in refusal.text
    assert appointments.get(db, owner, moving).starts_at.date() == tomorrow
    advisor.close()

    foreman = show(CalendarScreen(ctx_for("foreman")))
    settle()
    _on_day(qtbot, foreman, settle, tomorrow)

    def give_reason(dialog: OverbookDialog) -> None:
        assert "Li Lei is booked 7.5 h of 8 h" in dialog.message.text()
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error.isVisible()  # a reason is required
        qtbot.keyClicks(dialog.reason, "Fleet customer")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    asked = when_modal(OverbookDialog, give_reason)
    qtbot.keyClick(foreman.bookings, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: bool(asked))
    settle()
    moved = appointments.get(db, owner, moving)
    assert moved.starts_at == datetime.combine(later, time(9)) and moved.overbooked_reason == "Fleet customer"
    qtbot.waitUntil(lambda: foreman.day == later and foreman.bookings.rowCount() == 2)
    assert len(messages.shown) == 1  # the advisor's refusal only


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_refusal_in_the_booking_dialog_shows_in_full_and_only_who_may_is_told_to_overbook(
        qtbot, db, owner, ctx_for, show, settle, language):
    from ui import i18n

    s = shop(db, owner)
    users.create_user(db, owner, username="liu", display_name="刘强", role="technician", password="secret-pass-1")
    appointments.set_resource(db, owner, ResourceInput("technician", "liu", 100, EVERY_DAY))
    tomorrow = date.today() + timedelta(days=1)
    appointments.book(db, owner, appointments.AppointmentInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=datetime.combine(tomorrow, time(8)),
        requested_work="Engine", booked_hours=750, technician="liu"))
    resources = appointments.resources(db, owner)
    assert i18n.install(language)
    try:
        for role, overbook in (("service_advisor", False), ("foreman", True)):
            dialog = show(BookingDialog(ctx_for(role), resources, start=datetime.combine(tomorrow, time(14))))
            assert dialog.overbook.isVisibleTo(dialog) == overbook
            dialog.customer_id, dialog.vehicle_id = s.customer_id, s.vehicle_id
            dialog.work.setText("Wipers")
            dialog.hours.setText("1")
            dialog.technician.setCurrentIndex(dialog.technician.findData("liu"))
            dialog.save()
            settle()
            label = dialog.errors.labels["starts_at"]
            assert label.isVisible() and "刘强" in label.text() and "liu" not in label.text()
            # Every line of it within the dialog, and the dialog within the front desk's screen.
            assert label.height() >= label.heightForWidth(label.width())
            assert label.mapTo(dialog, label.rect().bottomRight()).y() < dialog.height()
            assert dialog.width() <= 1366 and dialog.height() <= 768
            if language == "en":
                assert ("overbook with a reason" in label.text()) == overbook
                assert ("ask the foreman" in label.text()) != overbook
            else:
                assert "beyond" not in label.text()
            dialog.close()
    finally:
        i18n.install("en")
