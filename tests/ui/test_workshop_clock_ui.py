"""The technician clock and Technician time as a foreman uses them at 1366×768: any day's times are
listed and corrected (a day chosen with the keyboard, or a "to check" line opened with Enter), every
heading reads whole in both languages, the big buttons show their keys, and the clock says what to
type and why a repair order cannot be clocked on."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDateTimeEdit, QPushButton, QTableWidget

from app import screenshots
from core import clock
from services.workshop import attendance, clocking, orders
from services.workshop.orders import JobInput, LabourInput
from tests.services.workshop_samples import repair_order, shop
from tests.ui.readability import painted_size, text_contrast
from ui.workshop.board import ForemanBoardScreen
from ui.workshop.clock import TechnicianClockScreen
from ui.workshop.time_report import TechnicianTimeScreen

SCREEN_SIZE = (1166, 680)  # a 1366×768 window less the navigation


def _order(db, owner, technician: str = "", description: str = "Brakes squeal", *, n: int = 1
           ) -> tuple[str, str, str]:
    s = shop(db, owner, n=n)
    ro_id, number = repair_order(db, owner, s, on=clock.today())
    job = orders.add_job(db, owner, ro_id, JobInput(description, pay_type="customer"))
    orders.add_labour(db, owner, job, LabourInput(description="Front pads", hours=120, technician=technician))
    return ro_id, number, job


def _yesterday_left_on(db, tech, job):
    """``tech`` clocked in and on ``job`` yesterday morning and never clocked off."""
    day = clock.today() - timedelta(days=1)
    lo, _hi = attendance.local_day_bounds(day)
    attendance.clock_in(db, tech, at=lo + timedelta(hours=8))
    clocking.clock_on(db, tech, job, at=lo + timedelta(hours=8, minutes=5))
    return day


def test_the_foreman_chooses_yesterday_with_the_keyboard_and_corrects_it(qtbot, db, owner, ctx_for, actor_for, show,
                                                                          settle):
    tech = actor_for("technician")
    _ro, _number, job = _order(db, owner, tech.username)
    day = _yesterday_left_on(db, tech, job)
    clocking.clock_off(db, tech, at=attendance.local_day_bounds(day)[0] + timedelta(hours=9))
    attendance.clock_out(db, tech, at=attendance.local_day_bounds(day)[0] + timedelta(hours=10))
    screen = show(TechnicianClockScreen(ctx_for("foreman")))
    settle()
    screen.technician.setCurrentIndex(screen.technician.findData(tech.username))
    settle()
    assert screen.times.rowCount() == 0  # nothing today

    qtbot.keyClick(screen, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert screen.focusWidget() is screen.day
    screen.day.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(screen.day, Qt.Key.Key_Down)
    settle()
    assert screen.day.value() == day
    assert [e.kind for e in screen.entries] == ["attendance", "job"]
    screen.times.selectRow(1)
    assert screen.correct_button.isEnabled()

    # Back to today with the keyboard too.
    qtbot.keyClick(screen.day, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.day.value() == clock.today())  # a mnemonic clicks a moment later
    settle()
    assert screen.times.rowCount() == 0


def test_enter_on_a_to_check_line_opens_the_clock_at_that_technician_and_day(qtbot, db, owner, ctx_for, actor_for,
                                                                             show, settle):
    from ui.main_window import MainWindow

    tech = actor_for("technician")
    _ro, number, job = _order(db, owner, tech.username)
    day = _yesterday_left_on(db, tech, job)
    window = show(MainWindow(ctx_for("foreman")))
    settle()
    report = window.show_page("technician_time")
    report.set_period(day, day)
    settle()
    assert report.flags.rowCount() >= 1
    row = next(r for r in range(report.flags.rowCount()) if report.flags.item(r, 2).text() == number)
    report.flags.setFocus()
    report.flags.setCurrentCell(row, 0)
    qtbot.keyClick(report.flags, Qt.Key.Key_Return)
    settle()
    clock_screen = window.stack.currentWidget()
    assert isinstance(clock_screen, TechnicianClockScreen)
    assert clock_screen.who() == tech.username and clock_screen.day.value() == day
    entry = clock_screen.selected_entry()
    assert entry is not None and entry.technician == tech.username
    assert clock_screen.correct_button.isEnabled()
    assert any(e.kind == "job" and e.ended_at is None for e in clock_screen.entries)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_heading_of_technician_time_reads_whole(qtbot, db, owner, ctx_for, actor_for, show, settle, language):
    from ui import i18n

    tech = actor_for("technician")
    ro_id, _number, job = _order(db, owner, tech.username)
    day = _yesterday_left_on(db, tech, job)
    clocking.clock_off(db, tech, at=attendance.local_day_bounds(day)[0] + timedelta(hours=9))
    for status in ("quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status, on=day)
    other_ro, _n, _job = _order(db, owner, tech.username, n=2)  # sold, never clocked
    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, other_ro, status, on=day)
    i18n.install(language)
    try:
        screen = TechnicianTimeScreen(ctx_for("foreman"))
        screen.resize(*SCREEN_SIZE)
        show(screen)
        screen.set_period(day, day)
        settle()
        assert screen.people.rowCount() and screen.flags.rowCount() >= 2
        assert screen.people.horizontalHeader().count() == 8
        assert screenshots.elided_headers(screen) == []
        for table in (screen.people, screen.flags):
            assert _cut_cells(table) == []
            assert not table.horizontalScrollBar().isVisible()
    finally:
        i18n.install("en")


def _cut_cells(table: QTableWidget) -> list[str]:
    """The cells of ``table`` whose text does not fit their cell (wrapped where the table wraps)."""
    from PySide6.QtWidgets import QStyle

    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    cut = []
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is None or not item.text():
                continue
            width, height = table.columnWidth(c) - margin, table.rowHeight(r)
            need_w, need_h = painted_size(item.text(), table.font(), width if table.wordWrap() else 100_000)
            if need_w > width or need_h > height:
                cut.append(f"{item.text()} ({need_w}×{need_h} in {width}×{height})")
    return cut


def test_the_clock_s_what_column_is_not_cut_in_chinese(qtbot, db, owner, ctx_for, actor_for, show, settle):
    from ui import i18n

    tech = actor_for("technician")
    _ro, _number, job = _order(db, owner, tech.username, description="更换前刹车片并检查制动液，路试确认异响消除")
    clocking.clock_on(db, tech, job)
    i18n.install("zh_CN")
    try:
        screen = TechnicianClockScreen(ctx_for("technician"))
        screen.resize(*SCREEN_SIZE)
        show(screen)
        settle()
        assert screen.times.rowCount() == 2
        assert _cut_cells(screen.times) == []
        assert screenshots.elided_headers(screen) == []
    finally:
        i18n.install("en")


@pytest.mark.parametrize("make", [TechnicianClockScreen, ForemanBoardScreen])
def test_every_function_key_of_the_clock_and_the_board_is_shown_on_its_button(qtbot, ctx_for, show, settle, make):
    screen = show(make(ctx_for("foreman")))
    settle()
    buttons = [b.text() for b in screen.findChildren(QPushButton) if b.isVisible()]
    keys = [s.key().toString() for s in screen.findChildren(QShortcut)]
    function_keys = [k for k in keys if re.fullmatch(r"F\d+", k)]
    assert function_keys
    for key in function_keys:
        assert any(text.startswith(f"{key} · ") for text in buttons), f"{key} is on no button: {buttons}"


def test_the_clock_says_what_to_type_and_why_a_repair_order_is_closed_to_clocking(qtbot, db, owner, ctx_for,
                                                                                  actor_for, show, settle, app_style):
    tech = actor_for("technician")
    ro_id, number, _job = _order(db, owner, tech.username,
                                 description="更换前刹车片并检查制动液 — front pads, brake fluid and road test")
    screen = show(TechnicianClockScreen(ctx_for("technician")))
    settle()
    screen.number.setFocus()
    qtbot.keyClick(screen.number, Qt.Key.Key_Return)
    settle()
    assert "Type or scan the repair order's number" in screen.message.text()

    # Found, its job is the current one, readable on its highlight with the app's style.
    qtbot.keyClicks(screen.number, number)
    qtbot.keyClick(screen.number, Qt.Key.Key_Return)
    settle()
    item = screen.jobs.currentItem()
    assert item is not None and item.isSelected()
    image = screen.jobs.viewport().grab().toImage()
    assert text_contrast(image, screen.jobs.visualItemRect(item).adjusted(2, 2, -2, -2)) >= 3
    # A long job wraps and reads whole.
    rect = screen.jobs.visualItemRect(item)
    width, height = painted_size(item.text(), screen.jobs.font(), screen.jobs.viewport().width() - 14)
    assert width <= screen.jobs.viewport().width() and height <= rect.height() - 8, item.text()
    screen.number.clear()

    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status)
    qtbot.keyClicks(screen.number, number)
    qtbot.keyClick(screen.number, Qt.Key.Key_Return)
    settle()
    assert screen.message.text() == "Nobody can clock on this repair order: its status is Completed."
    assert not screen.clock_on_button.isEnabled()


def test_a_new_reason_typed_with_a_taken_code_is_refused_beside_the_code_and_replaces_nothing(
        qtbot, db, owner, ctx, show, settle):
    from services.workshop import attendance
    from ui.workshop.clock import ReasonDialog

    before = {r.code: r.description for r in attendance.reasons(db, owner)}
    assert "cleaning" in before
    dialog = show(ReasonDialog(ctx, attendance.reasons(db, owner)))
    assert not dialog.choice.currentData()  # "New reason"
    qtbot.keyClicks(dialog.code, "Cleaning")
    qtbot.keyClicks(dialog.description, "Washing the car")
    dialog.save()
    settle()
    assert dialog.isVisible() and dialog.errors.labels["code"].isVisible()
    assert {r.code: r.description for r in attendance.reasons(db, owner)} == before
