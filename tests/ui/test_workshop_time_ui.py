"""The technician clock and the foreman board, driven through their widgets: a technician scans a
repair order, clocks on its job and off again; the foreman moves a job to another technician and a
repair order to the next status with the keyboard, and the board follows changes made elsewhere."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from core import clock
from services.workshop import attendance, clocking, orders
from services.workshop.orders import JobInput, LabourInput, RepairOrderInput
from tests.services.samples import raw_rows
from tests.services.workshop_samples import repair_order, shop
from ui.workshop.board import ForemanBoardScreen
from ui.workshop.clock import TechnicianClockScreen


def _order(db, owner, technician: str = "") -> tuple[str, str, str]:
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, on=clock.today())
    job = orders.add_job(db, owner, ro_id, JobInput("Brakes squeal", pay_type="customer"))
    orders.add_labour(db, owner, job, LabourInput(description="Front pads", hours=120, technician=technician))
    return ro_id, number, job


def test_a_technician_clocks_on_a_scanned_repair_order_and_off_again(qtbot, db, owner, ctx_for, show, settle):
    tech_ctx = ctx_for("technician")
    tech = tech_ctx.actor.username
    _ro, number, job = _order(db, owner, tech)
    screen = show(TechnicianClockScreen(tech_ctx))
    settle()
    assert screen.status_label.text() == "Not clocked in"
    assert not screen.technician.isEnabled()  # a technician clocks only their own time
    assert not screen.clock_off_button.isEnabled() and not screen.clock_on_button.isEnabled()

    # A scanner types the number and presses Enter.
    screen.number.setFocus()
    qtbot.keyClicks(screen.number, number)
    qtbot.keyClick(screen.number, Qt.Key.Key_Return)
    settle()
    assert screen.jobs.count() == 1 and "Brakes squeal" in screen.jobs.item(0).text()
    assert screen.clock_on_button.isEnabled()
    qtbot.mouseClick(screen.clock_on_button, Qt.MouseButton.LeftButton)
    settle()
    assert raw_rows(db.path, "SELECT technician, job_id, ended_at IS NULL FROM clocking") == [(tech, job, 1)]
    assert number in screen.status_label.text() and "Brakes squeal" in screen.status_label.text()
    assert screen.times.rowCount() == 2  # at work since clocking on, and the job
    assert screen.clock_off_button.isEnabled() and not screen.clock_in_button.isEnabled()

    # Off the job with the keyboard (F8); still at work.
    qtbot.keyClick(screen.number, Qt.Key.Key_F8)
    settle()
    assert raw_rows(db.path, "SELECT ended_at IS NULL FROM clocking") == [(0,)]
    assert screen.status_label.text().startswith("Clocked in since")

    # Time off jobs with a reason button, then clock out, which ends it.
    qtbot.mouseClick(screen.reason_buttons["cleaning"], Qt.MouseButton.LeftButton)
    settle()
    assert "Cleaning" in screen.status_label.text()
    qtbot.mouseClick(screen.clock_out_button, Qt.MouseButton.LeftButton)
    settle()
    assert screen.status_label.text() == "Not clocked in"
    assert raw_rows(db.path, "SELECT count(*) FROM clocking WHERE ended_at IS NULL") == [(0,)]
    assert raw_rows(db.path, "SELECT count(*) FROM attendance WHERE ended_at IS NULL") == [(0,)]


def test_an_unknown_repair_order_number_is_said_on_the_clock(qtbot, db, owner, ctx_for, show, settle):
    screen = show(TechnicianClockScreen(ctx_for("technician")))
    settle()
    qtbot.keyClicks(screen.number, "NO-SUCH-1")
    qtbot.keyClick(screen.number, Qt.Key.Key_Return)
    settle()
    assert "No repair order NO-SUCH-1" in screen.message.text()
    assert screen.jobs.count() == 0


def test_the_foreman_moves_a_job_to_another_technician_and_on_in_status_by_keyboard(
        qtbot, db, owner, ctx_for, actor_for, show, settle):
    tech = actor_for("technician").username
    foreman_ctx = ctx_for("foreman")
    ro_id, number, job = _order(db, owner, tech)
    # Promised an hour ago: late, shown in red.
    view = orders.get(db, owner, ro_id)
    orders.update_order(db, owner, ro_id, RepairOrderInput(
        customer_id=view.customer_id, vehicle_id=view.vehicle_id, mileage_in=view.mileage_in,
        promised_at=clock.now() - timedelta(hours=1)))
    screen = show(ForemanBoardScreen(foreman_ctx))
    settle()
    assert screen.rows[0] == "" and tech in screen.rows and foreman_ctx.actor.username in screen.rows
    cell = screen.cells[(tech, "open")]
    assert cell.count() == 1 and number in cell.item(0).text().replace("\u200b", "")  # may break after a hyphen
    assert cell.item(0).foreground().color().name() == "#b3261e"

    assert screen.select(job)
    target = screen.rows[screen.rows.index(tech) - 1]
    qtbot.keyClick(screen.cells[(tech, "open")], Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert raw_rows(db.path, "SELECT technician FROM repair_job") == [(target,)]
    assert raw_rows(db.path, "SELECT technician FROM repair_labour_line") == [(target,)]
    assert screen.cells[(target, "open")].count() == 1 and screen.cells[(tech, "open")].count() == 0
    # The moved card stays the current one, so the next key moves it on: to the next status.
    qtbot.keyClick(screen.cells[(target, "open")], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert raw_rows(db.path, "SELECT status FROM repair_order") == [("in_progress",)]
    assert screen.cells[(target, "in_progress")].count() == 1

    # A clocking made elsewhere reaches the board through the change broadcast.
    from ui.workers import Op

    Op(None, lambda _p, _c: clocking.clock_on(db, owner, job, technician=tech)).run()
    settle()
    qtbot.waitUntil(lambda: "On it: " + tech in screen.cells[(target, "in_progress")].item(0).text(), timeout=3000)


def test_a_move_the_status_flow_forbids_is_said_on_the_board(qtbot, db, owner, ctx_for, show, settle):
    ro_id, _number, job = _order(db, owner)
    for status in ("in_progress", "waiting_parts"):
        orders.set_status(db, owner, ro_id, status)
    screen = show(ForemanBoardScreen(ctx_for("foreman")))
    settle()
    assert screen.select(job)
    assert screen.move_status(1) is None
    assert "cannot move that way" in screen.message.text()
    assert attendance.status(db, owner, "owner").current is None


def test_the_foreman_corrects_a_technician_s_time_but_never_their_own(qtbot, db, owner, ctx_for, actor_for, show,
                                                                       settle):
    tech = actor_for("technician")
    foreman_ctx = ctx_for("foreman")
    _ro, _number, job = _order(db, owner, tech.username)
    started = clock.now().replace(second=0, microsecond=0) - timedelta(hours=3)
    clocking.clock_on(db, tech, job, at=started)
    clocking.clock_off(db, tech, at=started + timedelta(hours=1))
    attendance.clock_out(db, tech, at=started + timedelta(hours=2))
    attendance.clock_in(db, foreman_ctx.actor)
    screen = show(TechnicianClockScreen(foreman_ctx))
    settle()
    assert screen.technician.isEnabled() and screen.correct_button.isVisible()
    # Their own line: the button stays off.
    screen.times.selectRow(0)
    assert screen.selected_entry().technician == foreman_ctx.actor.username
    assert not screen.correct_button.isEnabled()

    # The technician's line (clocked in again now, so it is today's) may be corrected.
    attendance.clock_in(db, tech)
    screen.technician.setCurrentIndex(screen.technician.findData(tech.username))
    settle()
    screen.times.selectRow(0)
    assert screen.selected_entry().technician == tech.username and screen.correct_button.isEnabled()
    entry = next(e for e in attendance.day_times(db, owner, tech.username, attendance.local_date(started))
                 if e.kind == "job")
    from ui.workshop.clock import CorrectTimesDialog

    dialog = show(CorrectTimesDialog(foreman_ctx, entry))
    dialog.ended.setDateTime(dialog.ended.dateTime().addSecs(30 * 60))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle()
    assert dialog.errors.labels["note"].isVisible()  # a correction says why
    qtbot.keyClicks(dialog.note, "Road test after clocking off")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle()
    assert dialog.result() == dialog.DialogCode.Accepted
    ended, by = raw_rows(db.path, "SELECT ended_at, corrected_by FROM clocking WHERE technician = ?",
                         (tech.username,))[0]
    assert by == foreman_ctx.actor.username and ended.startswith(str(started + timedelta(hours=1, minutes=30)))


def test_a_card_dropped_on_another_cell_moves_the_job_and_the_repair_order(qtbot, db, owner, ctx_for, actor_for,
                                                                           show, settle):
    tech = actor_for("technician").username
    _ro_id, _number, _job = _order(db, owner, tech)
    screen = show(ForemanBoardScreen(ctx_for("foreman")))
    settle()
    source = screen.cells[(tech, "open")]
    card = source.item(0).data(Qt.ItemDataRole.UserRole)
    target = screen.cells[("", "waiting_parts")]
    target.dropped.emit(card, target.technician, target.status)
    settle()
    assert raw_rows(db.path, "SELECT technician FROM repair_job") == [("",)]
    assert raw_rows(db.path, "SELECT status FROM repair_order") == [("waiting_parts",)]
    assert target.count() == 1 and source.count() == 0


def test_the_technician_time_screen_shows_the_period_s_figures_and_what_to_check(qtbot, db, owner, ctx_for,
                                                                                 actor_for, show, settle):
    from ui.workshop.time_report import TechnicianTimeScreen

    tech = actor_for("technician")
    ro_id, _number, job = _order(db, owner, tech.username)
    day = clock.today() - timedelta(days=1)
    lo, _hi = attendance.local_day_bounds(day)
    attendance.clock_in(db, tech, at=lo + timedelta(hours=8))
    clocking.clock_on(db, tech, job, at=lo + timedelta(hours=8))
    clocking.clock_off(db, tech, at=lo + timedelta(hours=9, minutes=30))
    attendance.clock_out(db, tech, at=lo + timedelta(hours=10))
    for status in ("quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status, on=day)
    screen = show(TechnicianTimeScreen(ctx_for("foreman")))
    settle()
    screen.set_period(day, day)
    settle()
    cells = [screen.people.item(0, c).text() for c in range(screen.people.columnCount())]
    # 2 h in, 1.5 h on the job sold at 1.2 h: productivity 75%, efficiency 80%.
    assert cells == [tech.username, "2.00", "1.50", "0.00", "75.0%", "1.20", "1.50", "80.0%"]
    assert screen.flags.rowCount() == 0


def test_the_foreman_adds_a_reason_and_the_clock_offers_it(qtbot, db, owner, ctx_for, show, settle):
    from ui.workshop.clock import ReasonDialog

    foreman = ctx_for("foreman")
    screen = show(TechnicianClockScreen(foreman))
    settle()
    assert screen.edit_reasons_button.isVisible() and "road_test" not in screen.reason_buttons
    dialog = show(ReasonDialog(foreman, screen.all_reasons))
    qtbot.keyClicks(dialog.code, "Road test")
    qtbot.keyClicks(dialog.description, "Road test with the customer")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle()
    assert dialog.saved_id == "road_test"
    qtbot.waitUntil(lambda: "road_test" in screen.reason_buttons, timeout=3000)
    assert screen.reason_buttons["road_test"].text() == "Road test with the customer"
    assert not show(TechnicianClockScreen(ctx_for("technician"))).edit_reasons_button.isVisible()
